package dict

import (
	"runtime"

	"errors"
	"github.com/annals/annals/internal/testshared"
	"strings"
	"testing"
)

func TestActors(t *testing.T) {
	const text = `
# a comment
ARDENIA_ [ARD]
+ARDENIAN_
NORTH_VESKA_  [VSK] # trailing comment
+VESKAN
MARO_TELLIN_
+PRESIDENT_TELLIN_
	[ARDGOV 20100101-20141231]
	[ARDELI <20091231]
	[ARDOPP >20150101]
ORPHAN_ONE_
ORPHAN_TWO_
	[OPH]
`
	d := NewActors()
	if err := d.Load(strings.NewReader(text), "actors.txt"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string
		date  int
		want  string
	}{
		{"ARDENIA", 0, "ARD"},
		{"ARDENIAN", 0, "ARD"},
		{"ARDENIANS", 0, ""}, // exact word: no stem match
		{"NORTH VESKA", 0, "VSK"},
		{"VESKANS", 0, "VSK"}, // a stem matches longer words
		{"MARO TELLIN", 20120505, "ARDGOV"},
		{"PRESIDENT TELLIN", 20080101, "ARDELI"},
		{"MARO TELLIN", 20200101, "ARDOPP"},
		{"ORPHAN ONE", 0, "OPH"},
		{"ORPHAN TWO", 0, "OPH"},
	}
	for _, tt := range tests {
		m, ok := d.Match(strings.Fields(tt.words), 0)
		got := ""
		if ok {
			got = m.Actor.CodeAt(tt.date)
		}
		if got != tt.want {
			t.Errorf("%q on %d: got %q, want %q", tt.words, tt.date, got, tt.want)
		}
	}
}

func TestAgents(t *testing.T) {
	const text = `
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
SOLDIER [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
SPOKES!PERSON! [~GOV]
AID_AGENCY [NGO~]
MILITIA [~REB]
`
	d := NewAgents()
	if err := d.Load(strings.NewReader(text), "agents.txt"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words, code string
		prefix      bool
	}{
		{"POLICE", "COP", false},
		{"POLICES", "", false}, // "{}": no plural
		{"SOLDIERS", "MIL", false},
		{"ATTORNEYS GENERAL", "JUD", false},
		{"SPOKESWOMEN", "GOV", false},
		{"AID AGENCIES", "NGO", true},
		{"MILITIAS", "REB", false},
	}
	for _, tt := range tests {
		m, ok := d.Match(strings.Fields(tt.words), 0)
		got, prefix := "", false
		if ok {
			got, prefix = m.Agent.Code, m.Agent.Prefix
		}
		if got != tt.code || prefix != tt.prefix {
			t.Errorf("%q: got %q prefix=%v, want %q prefix=%v", tt.words, got, prefix, tt.code, tt.prefix)
		}
	}
}

func TestVerbs(t *testing.T) {
	const text = `
&WEAPON
+RIFLE
+ASSAULT_RIFLE
+(WITH &ARMS)

&ARMS
+GUNS

--- SUPPLY [070] ---
SUPPLY {SUPPLIES SUPPLIED SUPPLYING}
FURNISH [071]
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER}
- * &WEAPON [0332]
- $ * {FOOD AID} (TO +) [073:074]
- % * [070]
`
	d := NewVerbs()
	if err := d.Load(strings.NewReader(text), "verbs.txt"); err != nil {
		t.Fatal(err)
	}
	if n := len(d.Synsets["WEAPON"]); n != 3 {
		t.Errorf("WEAPON has %d members, want 3", n)
	}
	forms := map[string]string{"SUPPLY": "070", "SUPPLIED": "070", "FURNISHES": "071", "FURNISHED": "071", "FURNISHING": "071", "HANDED": "070"}
	for w, code := range forms {
		f := d.Forms(w)
		if len(f) == 0 || f[0].Code != code {
			t.Errorf("form %s: got %v, want code %s", w, f, code)
		}
	}
	if f := d.Forms("HANDED"); len(f) != 1 || strings.Join(f[0].Words, " ") != "HANDED OVER" {
		t.Errorf("HANDED: got %+v, want the particle verb HANDED OVER", f)
	}
	b := d.Blocks[0]
	if len(b.Patterns) != 3 {
		t.Fatalf("got %d patterns, want 3", len(b.Patterns))
	}
	p := b.Patterns[1]
	if p.Code != "073" || p.Code2 != "074" || len(p.Pre) != 1 || p.Pre[0].Kind != ElemSource {
		t.Errorf("pattern 2 = %+v", p)
	}
	if len(p.Post) != 2 || p.Post[0].Kind != ElemNoun || p.Post[1].Kind != ElemPrep || p.Post[1].Word.Text != "TO" {
		t.Errorf("pattern 2 post = %+v", p.Post)
	}
	if b.Patterns[2].Pre[0].Kind != ElemCompound {
		t.Errorf("pattern 3 does not start with %%")
	}
}

func TestMalformedLines(t *testing.T) {
	tests := []struct {
		name, text string
		load       func(string) error
		line       int
	}{
		{"verb outside a block", "SAY\n", func(s string) error { return NewVerbs().Load(strings.NewReader(s), "v.txt") }, 1},
		{"pattern without code", "--- SAY [010] ---\nSAY\n- * THINGS\n", func(s string) error { return NewVerbs().Load(strings.NewReader(s), "v.txt") }, 3},
		{"pattern without star", "--- SAY [010] ---\nSAY\n- THINGS [011]\n", func(s string) error { return NewVerbs().Load(strings.NewReader(s), "v.txt") }, 3},
		{"unclosed brace", "--- SAY [010] ---\nSAY {SAID\n", func(s string) error { return NewVerbs().Load(strings.NewReader(s), "v.txt") }, 2},
		{"agent without code", "\nPOLICE\n", func(s string) error { return NewAgents().Load(strings.NewReader(s), "a.txt") }, 2},
		{"unknown substitution", "!X! [~GOV]\n", func(s string) error { return NewAgents().Load(strings.NewReader(s), "a.txt") }, 1},
		{"code line without actor", "\t[ABC]\n", func(s string) error { return NewActors().Load(strings.NewReader(s), "x.txt") }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.load(tt.text)
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *LineError", err)
			}
			if le.Line != tt.line {
				t.Errorf("error on line %d, want %d: %v", le.Line, tt.line, err)
			}
		})
	}
}

func TestBadDatesAreWarnings(t *testing.T) {
	d := NewActors()
	err := d.Load(strings.NewReader("SOMEONE_\n\t[ABCGOV 1920030320-20060520]\n\t[ABC]\n"), "x.txt")
	if err != nil {
		t.Fatalf("a bad date stopped loading: %v", err)
	}
	if len(d.Warnings) != 1 {
		t.Errorf("got %d warnings, want 1", len(d.Warnings))
	}
	if m, ok := d.Match([]string{"SOMEONE"}, 0); !ok || m.Actor.CodeAt(20050101) != "ABC" {
		t.Errorf("the actor's default code was lost")
	}
}

func TestDiscardsAndIssues(t *testing.T) {
	var d Discards
	if err := d.Load(strings.NewReader("FOOTBALL\n+HORSE RACING\nCUP_FINAL_\n"), "d.txt"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		words        string
		found, story bool
	}{
		{"THE FOOTBALLERS MET", true, false},
		{"AT THE HORSE RACING", true, true},
		{"THE CUP FINALS", false, false},
		{"THE CUP FINAL", true, false},
		{"TALKS BEGAN", false, false},
	} {
		f, s := d.Find(strings.Fields(tt.words))
		if f != tt.found || s != tt.story {
			t.Errorf("%q: got %v %v, want %v %v", tt.words, f, s, tt.found, tt.story)
		}
	}
	var is Issues
	text := "<ISSUE CATEGORY=\"X\">\nn:refugee [MIGRATION]\nborder+crossing [MIGRATION]\nasylum seeker\nasylum seekers [MIGRATION]\n~refugee status\n"
	if err := is.Load(strings.NewReader(text), "i.txt"); err != nil {
		t.Fatal(err)
	}
	got := IssueString(is.Find(strings.Fields("REFUGEES AND ASYLUM SEEKERS AT THE BORDER-CROSSING")))
	if got != "MIGRATION,3" {
		t.Errorf("issues = %q, want MIGRATION,3", got)
	}
	if got := is.Find(strings.Fields("HIS REFUGEE STATUS")); got != nil {
		t.Errorf("ignored phrase still coded: %v", got)
	}
}

func TestNegations(t *testing.T) {
	neg, err := LoadNegations(strings.NewReader("050:0x0080\n057:0x0087\n110:0x1007f#0xFFFF+0x0080#Disapprove\n170:0x10086#0x0087+0xFFFF#Coerce\n---:0\n"), "pico.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"110": "050", "050": "110", "170": "057", "057": "170"}
	for k, v := range want {
		if neg[k] != v {
			t.Errorf("negation of %s = %q, want %q", k, neg[k], v)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("--- SAY [010] ---\nSAY {SAID}\n- * (TO +) [011]\n&SET\n+A_B\n")
	f.Add("NAME_ [ABC]\n+OTHER\n\t[DEF 20010101-20020202]\n")
	f.Add("!P! = A, B\nX!P! {} [~GOV]\n")
	f.Fuzz(func(t *testing.T, s string) {
		// Only panics fail: errors are the expected answer to most input.
		NewVerbs().Load(strings.NewReader(s), "f")
		NewActors().Load(strings.NewReader(s), "f")
		NewAgents().Load(strings.NewReader(s), "f")
		new(Discards).Load(strings.NewReader(s), "f")
		new(Issues).Load(strings.NewReader(s), "f")
		LoadNegations(strings.NewReader(s), "f")
	})
}

// BenchmarkLoadPhoenix loads the full Phoenix dictionaries of PETRARCH-2
// and reports the heap they hold.
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := testshared.File(b, "anchors/petrarch2/dictionaries")
	files := Files{Dir: dir, Verbs: []string{"CAMEO.2.0.txt"},
		Actors: []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents: []string{"Phoenix.agents.txt"}, Discards: []string{"Phoenix.discards.txt"}, Issues: []string{"Phoenix.IssueCoding.txt"}}
	var before, after runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&before)
		s, err := Load(files)
		if s == nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-held")
		runtime.KeepAlive(s)
	}
}
