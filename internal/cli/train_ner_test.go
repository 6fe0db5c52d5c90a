package cli

import (
	"strings"
	"testing"

	"github.com/annals/annals/dict"
)

func TestActorNames(t *testing.T) {
	set, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{} // name -> group
	for _, n := range actorNames(set) {
		got[strings.Join(n.Words, " ")] = n.Group
	}
	tests := []struct {
		name         string
		found, group bool
	}{
		{"BARHAM SALIH", true, false},
		{"PRESIDENT BARHAM SALIH", false, false}, // a title before another name of the same actor
		{"CONSERVATIVE PARTY", true, false},      // no title, though "conservative" is a role word
		{"IAEA", true, true},
		{"WHITE HOUSE", true, false},
		{"IRAQ", false, false}, // countries.txt: the gazetteer has GeoNames' countries
	}
	for _, tt := range tests {
		group, found := got[tt.name]
		if found != tt.found || group != tt.group {
			t.Errorf("%q: found %v group %v, want %v %v", tt.name, found, group, tt.found, tt.group)
		}
	}
}
