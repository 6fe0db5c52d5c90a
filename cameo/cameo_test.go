package cameo_test

import (
	"fmt"
	"testing"

	"github.com/annals/annals/cameo"
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
