package cameo_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		ok        bool
		quad      int
		goldstein float64
		plover    string
	}{
		{"141", true, 3, -6.5, "PROTEST"},
		{"1041", true, 3, -5.0, "REQUEST"},
		{"186", true, 4, -10.0, "ASSAULT"},
		{"040", true, 1, 1.0, "CONSULT"},
		{"0871A", true, 2, 0, ""}, // a private extension falls back to 0871
		{"99", false, 0, 0, ""},
	}
	for _, tt := range tests {
		c, ok := cameo.Lookup(tt.code)
		if ok != tt.ok || c.QuadClass != tt.quad || (tt.ok && tt.plover != "" && c.Plover != tt.plover) {
			t.Errorf("%s: got ok=%v quad=%d plover=%q, want %v %d %q", tt.code, ok, c.QuadClass, c.Plover, tt.ok, tt.quad, tt.plover)
		}
		if tt.goldstein != 0 && c.Goldstein != tt.goldstein {
			t.Errorf("%s: goldstein %v, want %v", tt.code, c.Goldstein, tt.goldstein)
		}
	}
	if n := len(cameo.Codes()); n < 300 {
		t.Errorf("table has %d codes", n)
	}
}

func ExampleLookup() {
	c, _ := cameo.Lookup("1041")
	fmt.Println(c.Root(), c.QuadClass, c.Goldstein, c.Plover)
	// Output: 10 3 -5 REQUEST
}

func TestHasPrefix(t *testing.T) {
	for _, c := range []struct {
		p    string
		want bool
	}{
		{"19", true}, {"190", true}, {"1951", true}, {"1", true}, {"0", true},
		{"", false}, {"99", false}, {"abc", false}, {"19511", false}, {"0871A", false}, {"2a", false},
	} {
		if got := cameo.HasPrefix(c.p); got != c.want {
			t.Errorf("HasPrefix(%q) = %v, want %v", c.p, got, c.want)
		}
	}
}

func TestPloverCategories(t *testing.T) {
	cats := cameo.PloverCategories()
	if len(cats) != 16 {
		t.Errorf("%d PLOVER categories, want PLOVER's 16: %v", len(cats), cats)
	}
	for _, c := range cats {
		if !cameo.IsPloverCategory(c) {
			t.Errorf("IsPloverCategory(%q) = false", c)
		}
	}
	for _, c := range []string{"", "assault", "CONFLICT", "ASSAULTS"} {
		if cameo.IsPloverCategory(c) {
			t.Errorf("IsPloverCategory(%q) = true", c)
		}
	}
}

func ExampleQuadClassName() {
	c, _ := cameo.Lookup("190")
	fmt.Println(c.QuadClass, cameo.QuadClassName(c.QuadClass))
	// Output: 4 material conflict
}

func TestIntent(t *testing.T) {
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{
		{"073", "0333", true},
		{"0731", "0333", true}, // a private extension: by its prefix 073
		{"040", "036", true},
		{"0831", "0341", true},
		{"190", "138", true},
		{"163", "1312", true},
		{"141", "133", true},
		{"111", "", false},
		{"010", "", false},
		{"9", "", false},
	} {
		if got, ok := cameo.Intent(tt.code); got != tt.want || ok != tt.ok {
			t.Errorf("Intent(%s) = %q %v, want %q %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestThreat(t *testing.T) {
	for code, want := range map[string]string{"163": "1312", "1723": "1323", "190": "138", "0874": "130", "073": "130", "010": "130"} {
		if got := cameo.Threat(code); got != want {
			t.Errorf("Threat(%s) = %s, want %s", code, got, want)
		}
	}
}

func TestDemand(t *testing.T) {
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{
		{"080", "105", true},
		{"0811", "1051", true},
		{"083", "104", true},
		{"0832", "1042", true},
		{"0871", "1056", true},
		{"08", "", false}, // the root is no yield in a way a demand can name
		{"073", "", false},
	} {
		if got, ok := cameo.Demand(tt.code); got != tt.want || ok != tt.ok {
			t.Errorf("Demand(%s) = %q %v, want %q %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStateAgent(t *testing.T) {
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{
		{"173", "COP", true},
		{"1711", "COP", true},
		{"116", "JUD", true},
		{"1723", "GOV", true},
		{"174", "GOV", true},
		{"172", "", false},  // "the road was closed": anyone closes a road
		{"1712", "", false}, // anyone destroys property
		{"1823", "", false}, // anyone kills
		{"17", "", false},
	} {
		if got, ok := cameo.StateAgent(tt.code); got != tt.want || ok != tt.ok {
			t.Errorf("StateAgent(%s) = %q %v, want %q %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

// TestMapsStayInCAMEO checks the intention and demand maps against the
// table: every deed (04 to 08, 14 to 20) has an intention, which is an
// intention code (03x, 13x), and every yield (08x) a demand code (10x).
func TestMapsStayInCAMEO(t *testing.T) {
	for _, c := range cameo.Codes() {
		i, ok := cameo.Intent(c.Code)
		if r := c.Root(); ok != (r >= "04" && r <= "08" || r >= "14") {
			t.Errorf("Intent(%s) ok = %v", c.Code, ok)
		}
		if ok && (!cameo.Valid(i) || cameo.Root(i) != "03" && cameo.Root(i) != "13") {
			t.Errorf("Intent(%s) = %s: not an intention code", c.Code, i)
		}
		d, ok := cameo.Demand(c.Code)
		if ok != (c.Root() == "08" && c.Code != "08") {
			t.Errorf("Demand(%s) ok = %v", c.Code, ok)
		}
		if ok && (!cameo.Valid(d) || cameo.Root(d) != "10") {
			t.Errorf("Demand(%s) = %s: not a demand code", c.Code, d)
		}
	}
}

// TestTableIsCurrent checks the generated table against the CAMEO table it
// is generated from: the same codes, in the same order.
func TestTableIsCurrent(t *testing.T) {
	data, err := os.ReadFile(testshared.File(t, "anchors/cameo/cameo_codes.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for i, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if i > 0 {
			want = append(want, strings.SplitN(l, "\t", 2)[0])
		}
	}
	for _, c := range cameo.Codes() {
		got = append(got, c.Code)
	}
	if !slices.Equal(got, want) {
		t.Errorf("the table has %d codes, cameo_codes.tsv %d: run go generate ./cameo", len(got), len(want))
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		code string
		kind event.CountKind
		want bool
	}{
		{"190", event.Killed, true},
		{"183", event.Injured, true},
		{"202", event.Killed, true},
		{"1451", event.Injured, true},
		{"175", event.Killed, true},
		{"173", event.Arrested, true},
		{"141", event.Crowd, true},
		{"143", event.Crowd, true},
		{"141", event.Killed, false}, // a peaceful march kills nobody by itself
		{"173", event.Killed, false},
		{"111", event.Crowd, false},
		{"190", event.Arrested, false},
		{"042", "lost", false},
	}
	for _, tt := range tests {
		if got := cameo.Counts(tt.code, tt.kind); got != tt.want {
			t.Errorf("Counts(%s, %s) = %v, want %v", tt.code, tt.kind, got, tt.want)
		}
	}
}
