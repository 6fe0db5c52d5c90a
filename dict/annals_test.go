package dict

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// A small dictionary of made-up places that uses every construct.
var testFS = fstest.MapFS{
	"countries.txt": {Data: []byte(`
# names | demonyms | capital
KES  Kestria | Republic of Kestria | Kestrian | Kestrians | Port Arden | People's Kestria
VAL  Valmore | Valmorian | Valmorians   # trailing comment
`)},
	"actors.txt": {Data: []byte(`
KESGOV 2018-10-02..2022-10-13  Nyra Adel | President Nyra Adel | Adel
KESELI                         Nyra Adel | Adel
KESOPP ..2018-10-01            Nyra Adel
KESGOV                         Port Arden
IGOUNO                         United Nations | UN
KESUAF                         Kata'ib Tor
`)},
	"agents.txt": {Data: []byte(`
GOV   government | minister | prime minister
COP   police! | policeman
NGO+  aid agency
`)},
	"synsets.txt": {Data: []byte(`
&OUSTER  resignation | step down
`)},
	"verbs.txt": {Data: []byte(`
141   protest
141   march (against)
1041  demand &OUSTER
1056  demand withdrawal
100   demand
040:040  meet
0831  step_down
= meet | met
`)},
	"nouns.txt": {Data: []byte(`
186   assassination | killing
`)},
	"discards.txt": {Data: []byte(`
football
+box office
`)},
}

func loadTest(t *testing.T) *Set {
	t.Helper()
	s, err := LoadAnnals(testFS, func(f string) string { return f })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAnnalsActors(t *testing.T) {
	s := loadTest(t)
	tests := []struct {
		words string
		date  int
		want  string // "" for no match
	}{
		{"KESTRIA", 0, "KES"},
		{"REPUBLIC OF KESTRIA", 0, "KES"},
		{"KESTRIANS", 0, "KES"},
		{"PEOPLE 'S KESTRIA", 0, "KES"}, // as the tokenizer splits "People's"
		{"PEOPLE ’S KESTRIA", 0, "KES"},
		{"VALMORIAN", 20200101, "VAL"},
		{"PORT ARDEN", 0, "KESGOV"}, // actors.txt overrides countries.txt
		{"NYRA ADEL", 20200101, "KESGOV"},
		{"NYRA ADEL", 20221013, "KESGOV"}, // bounds are inclusive
		{"NYRA ADEL", 20221014, "KESELI"},
		{"NYRA ADEL", 20150101, "KESOPP"},
		{"ADEL", 20150101, "KESELI"},                // its own periods only
		{"PRESIDENT NYRA ADEL", 20230101, "KESGOV"}, // no default line: its latest period's code
		{"PRESIDENT NYRA ADEL", 0, "KESGOV"},
		{"UN", 0, "IGOUNO"},
		{"KATA'IB TOR", 0, "KESUAF"},
		{"KATA’IB TOR", 0, "KESUAF"}, // either apostrophe
		{"KESTRIANSS", 0, ""},        // whole words only
	}
	for _, tt := range tests {
		m, ok := s.Actors.Match(strings.Fields(tt.words), 0)
		got := ""
		if ok {
			got = m.Actor.CodeAt(tt.date)
		}
		if got != tt.want {
			t.Errorf("%s on %d: got %q, want %q", tt.words, tt.date, got, tt.want)
		}
	}
}

func TestAnnalsAgents(t *testing.T) {
	s := loadTest(t)
	tests := []struct {
		words, code string
		prefix      bool
	}{
		{"GOVERNMENTS", "GOV", false},
		{"PRIME MINISTERS", "GOV", false},
		{"POLICE", "COP", false},
		{"POLICEMEN", "COP", false},
		{"AID AGENCIES", "NGO", true},
		{"POLICES", "", false}, // "!": no plural
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		m, ok := s.Agents.Match(words, 0)
		if tt.code == "" {
			if ok {
				t.Errorf("%s: got %s, want no agent", tt.words, m.Agent.Code)
			}
			continue
		}
		if !ok || m.End != len(words) || m.Agent.Code != tt.code || m.Agent.Prefix != tt.prefix {
			t.Errorf("%s: got %+v (ok %v), want %s prefix=%v", tt.words, m, ok, tt.code, tt.prefix)
		}
	}
}

func TestAnnalsVerbs(t *testing.T) {
	s := loadTest(t)
	if !s.Verbs.MatchLemmas {
		t.Error("annals verbs do not ask for lemma matching")
	}
	blocks := map[string]*VerbBlock{}
	for _, b := range s.Verbs.Blocks {
		blocks[b.Name] = b
	}
	tests := []struct {
		block, code string
		patterns    []string // pattern code and text
	}{
		{"PROTEST", "141", nil},
		{"MARCH", "---", []string{"141 * (against)"}},
		{"DEMAND", "100", []string{"1041 * &OUSTER", "1056 * withdrawal"}},
		{"MEET", "040:040", nil},
		{"STEP_DOWN", "0831", nil},
	}
	for _, tt := range tests {
		b := blocks[tt.block]
		if b == nil {
			t.Errorf("no block %s", tt.block)
			continue
		}
		code := b.Code
		if b.Code2 != "" {
			code += ":" + b.Code2
		}
		var got []string
		for _, p := range b.Patterns {
			got = append(got, p.Code+" "+p.Text)
		}
		if code != tt.code || !slices.Equal(got, tt.patterns) {
			t.Errorf("%s: got %s %q, want %s %q", tt.block, code, got, tt.code, tt.patterns)
		}
	}
	forms := []struct{ word, base string }{
		{"MARCHED", "MARCH"}, {"DEMANDS", "DEMAND"}, {"MET", "MEET"}, {"STEPS", "STEP_DOWN"}, {"PROTESTING", "PROTEST"},
	}
	for _, f := range forms {
		fs := s.Verbs.Forms(f.word)
		if len(fs) == 0 || fs[0].Base != f.base {
			t.Errorf("form %s: got %v, want one of %s", f.word, fs, f.base)
		}
	}
	if f := s.Verbs.Forms("STEPS"); len(f) == 0 || strings.Join(f[0].Words, " ") != "STEPS DOWN" {
		t.Errorf("STEPS: got %v, want the particle verb STEPS DOWN", f)
	}
	if n := len(s.Verbs.Synsets["OUSTER"]); n != 2 {
		t.Errorf("&OUSTER has %d members, want 2", n)
	}
	if ne := s.Nouns.Events["KILLING"]; ne == nil || ne.Code != "186" {
		t.Errorf("noun KILLING: got %+v, want 186", ne)
	}
}

func TestAnnalsDiscards(t *testing.T) {
	s := loadTest(t)
	tests := []struct {
		text         string
		found, story bool
	}{
		{"THE FOOTBALL MATCH", true, false},
		{"AT THE BOX OFFICE", true, true},
		{"FOOTBALLS", false, false}, // whole words
		{"THE BOX", false, false},
	}
	for _, tt := range tests {
		found, story := s.Discards.Find(strings.Fields(tt.text))
		if found != tt.found || story != tt.story {
			t.Errorf("%q: got found=%v story=%v, want %v %v", tt.text, found, story, tt.found, tt.story)
		}
	}
}

func TestAnnalsErrors(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             string // FILE:LINE: and part of the reason
	}{
		{"bad country code", "countries.txt", "\nKe  Kestria\n", "countries.txt:2: country code"},
		{"no names", "countries.txt", "KES\n", "countries.txt:1: no names"},
		{"empty alternative", "actors.txt", "KES  Kestria |  | Kes\n", "actors.txt:1: empty alternative"},
		{"bad actor code", "actors.txt", "kesgov  Nyra\n", "actors.txt:1: actor code"},
		{"bad date", "actors.txt", "KESGOV 2018-13-02..  Nyra\n", `actors.txt:1: bad date "2018-13-02"`},
		{"reversed dates", "actors.txt", "KESGOV 2020-01-01..2019-01-01  Nyra\n", "actors.txt:1: date range"},
		{"open both sides", "actors.txt", "KESGOV ..  Nyra\n", "actors.txt:1: date range"},
		{"conflicting codes", "actors.txt", "KESGOV 2018-01-01..2019-01-01  Nyra\nKESOPP 2018-06-01..  Nyra\n", "actors.txt:2: \"Nyra\" is KESOPP here but KESGOV at actors.txt:1"},
		{"conflicting defaults", "actors.txt", "KES  Nyra\nVAL  nyra\n", "actors.txt:2:"},
		{"duplicate", "actors.txt", "KES  Nyra\nKES  Nyra\n", "actors.txt:2: \"Nyra\" listed twice"},
		{"unknown role", "agents.txt", "\nXYZ  thing\n", "agents.txt:2: unknown role code XYZ"},
		{"bad role", "agents.txt", "GO  thing\n", "agents.txt:1: role code"},
		{"agent conflict", "agents.txt", "GOV  official\nCOP  officials!\n", "agents.txt:2: \"OFFICIALS\" is COP here but GOV on line 1"},
		{"not a CAMEO code", "verbs.txt", "999  protest\n", `verbs.txt:1: "999" is not a CAMEO event code`},
		{"bad reciprocal", "verbs.txt", "040:  meet\n", "verbs.txt:1: code"},
		{"no lemma", "verbs.txt", "141\n", "verbs.txt:1: want a verb lemma"},
		{"unclosed phrase", "verbs.txt", "141  march (against\n", "verbs.txt:1: pattern"},
		{"unknown synset", "verbs.txt", "141  march &NOPE\n", "verbs.txt:1: unknown synonym set &NOPE"},
		{"verb conflict", "verbs.txt", "141  march\n\n145  march\n", "verbs.txt:3: march  is 145 here but 141 on line 1"},
		{"irregular without verb", "verbs.txt", "= go | went\n", "verbs.txt:1: irregular forms of go"},
		{"irregular alone", "verbs.txt", "= go\n", "verbs.txt:1: irregular forms"},
		{"synset without &", "synsets.txt", "OUSTER  resignation\n", "synsets.txt:1: synonym set"},
		{"synset twice", "synsets.txt", "&A  x\n&A  y\n", "synsets.txt:2: synonym set &A defined twice"},
		{"noun phrase", "nouns.txt", "186  deliberate targeted killing\n", "nouns.txt:1: noun"},
		{"support root", "nouns.txt", "support 4  hold\n", "nouns.txt:1: support root"},
		{"support phrase", "nouns.txt", "support  carry out\n", "nouns.txt:1: support verb"},
		{"support twice", "nouns.txt", "support  hold\nsupport 04  hold\n", "nouns.txt:2: support verb"},
		{"frame phrase", "nouns.txt", "frame  peace effort\n", "nouns.txt:1: frame noun"},
		{"noun conflict", "nouns.txt", "186  killing\n1823  Killing\n", "nouns.txt:2: noun"},
		{"empty discard", "discards.txt", "+\n", "discards.txt:1: empty discard phrase"},
		{"invalid UTF-8", "actors.txt", "KES  Kestria\nVAL  Val\xffmore\n", "actors.txt:2: invalid UTF-8"},
		{"binary", "verbs.txt", "141  protest\x00\n", "verbs.txt:1: NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{tt.file: {Data: []byte(tt.text)}}
			_, err := LoadAnnals(fsys, func(f string) string { return f })
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant it to hold %q", err, tt.want)
			}
			var le *LineError
			if !errors.As(err, &le) {
				t.Errorf("got %T, want a *LineError", err)
			}
		})
	}
}

func TestAnnalsTooBig(t *testing.T) {
	fsys := fstest.MapFS{"verbs.txt": {Data: make([]byte, maxFileSize+1)}}
	_, err := LoadAnnals(fsys, func(f string) string { return "dir/" + f })
	if err == nil || !strings.Contains(err.Error(), "dir/verbs.txt") || !strings.Contains(err.Error(), "too big") {
		t.Errorf("got %v, want an error naming dir/verbs.txt as too big", err)
	}
}

func TestDefault(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatalf("the embedded dictionaries do not check clean:\n%v", err)
	}
	if s.Actors.Count < 500 || s.Agents.Count < 50 || len(s.Verbs.Blocks) < 400 || len(s.Nouns.Events) < 20 || s.Discards.Len() < 20 {
		t.Errorf("small dictionaries: %d actors, %d agents, %d verb blocks, %d nouns, %d discards",
			s.Actors.Count, s.Agents.Count, len(s.Verbs.Blocks), len(s.Nouns.Events), s.Discards.Len())
	}
	// Every CAMEO root 01-20 has verb patterns.
	roots := map[string]int{}
	for _, b := range s.Verbs.Blocks {
		if b.Code != "---" {
			roots[b.Code[:2]]++
		}
		for _, p := range b.Patterns {
			roots[p.Code[:2]]++
		}
	}
	for r := 1; r <= 20; r++ {
		root := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		if roots[root] < 3 {
			t.Errorf("root %s has %d verb lines, want several", root, roots[root])
		}
	}
	// Every country of ISO 3166-1 in use has a line.
	for _, name := range []string{"IRAQ", "UNITED STATES", "SWITZERLAND", "SOUTH SUDAN", "TUVALU"} {
		if _, ok := s.Actors.Match(strings.Fields(name), 0); !ok {
			t.Errorf("country %s missing", name)
		}
	}
}

func TestLoadDir(t *testing.T) {
	annals := t.TempDir()
	for name, f := range testFS {
		if err := os.WriteFile(filepath.Join(annals, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	petrarch := t.TempDir()
	for name, text := range map[string]string{
		"Test.verbs.txt":  "--- MEET [040] ---\nMEET {MET}\n",
		"Test.actors.txt": "KESTRIA_ [KES]\n",
		"Test.agents.txt": "POLICE {} [~COP]\n",
		"README.md":       "not a dictionary\n",
	} {
		if err := os.WriteFile(filepath.Join(petrarch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "actors.txt"), []byte("KES Kestria |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
		lemmas    bool   // annals format
		err       string // part of the error, "" for none
	}{
		{"annals", annals, true, ""},
		{"petrarch", petrarch, false, ""},
		{"empty", t.TempDir(), false, "no dictionaries"},
		{"missing", filepath.Join(annals, "nope"), false, "nope"},
		{"bad line", bad, true, filepath.Join(bad, "actors.txt") + ":1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := LoadDir(tt.dir)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want an error holding %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Verbs.MatchLemmas != tt.lemmas {
				t.Errorf("MatchLemmas = %v, want %v", s.Verbs.MatchLemmas, tt.lemmas)
			}
			if m, ok := s.Actors.Match([]string{"KESTRIA"}, 0); !ok || m.Actor.CodeAt(0) != "KES" {
				t.Errorf("KESTRIA not found")
			}
		})
	}
}

func FuzzLoadAnnals(f *testing.F) {
	for _, file := range testFS {
		f.Add(string(file.Data))
	}
	f.Add("KESGOV 2018-10-02..  A | B\n= go | went\n&X  a | b c\n")
	f.Fuzz(func(t *testing.T, s string) {
		// Only panics fail: errors are the expected answer to most input.
		fsys := fstest.MapFS{}
		for _, name := range annalsFiles {
			fsys[name] = &fstest.MapFile{Data: []byte(s)}
		}
		set, _ := LoadAnnals(fsys, func(f string) string { return f })
		if set == nil {
			t.Fatal("nil Set")
		}
	})
}

// BenchmarkDefault loads the embedded dictionaries, as every "annals code"
// run does once.
func BenchmarkDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
