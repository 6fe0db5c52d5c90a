package dict

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestAnnalsSenses(t *testing.T) {
	fsys := fstest.MapFS{
		"synsets.txt": {Data: []byte("&ARMS  rifle | rifles | heavy guns\n")},
		"senses.txt": {Data: []byte(`
violent  &ARMS | kill
opinion  plan | record
abstract record | high
verbal   attack | hit_out
`)},
	}
	s, err := LoadAnnals(fsys, func(f string) string { return f })
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word, lemma string
		want        Sense
	}{
		{"RIFLES", "RIFLE", Violent},             // a set's one-word members
		{"HEAVY", "HEAVY", 0},                    // not its phrases
		{"PLANS", "PLAN", Opinion},               // by lemma
		{"RECORD", "RECORD", Opinion | Abstract}, // in two classes
		{"HIT_OUT", "HIT_OUT", Verbal},           // a particle verb by its name
		{"ATTACKED", "", 0},                      // words match whole
	}
	for _, tt := range tests {
		if got := s.Senses.Of(tt.word, tt.lemma); got != tt.want {
			t.Errorf("Of(%s, %s) = %v, want %v", tt.word, tt.lemma, got, tt.want)
		}
	}
	if got := (Violent | Verbal).String(); got != "violent|verbal" {
		t.Errorf("String() = %q", got)
	}
	var none Senses
	if none.Of("KILL", "KILL") != 0 {
		t.Error("a nil Senses classes a word")
	}
}

func TestAnnalsSensesErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown class", "fierce  kill\n", `senses.txt:1: unknown sense class "fierce"`},
		{"phrase", "violent  tear gas\n", `senses.txt:1: "tear gas": want one word`},
		{"unknown set", "violent  &NOPE\n", "senses.txt:1: unknown synonym set &NOPE"},
		{"no words", "violent\n", "senses.txt:1: no names"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadAnnals(fstest.MapFS{"senses.txt": {Data: []byte(tt.text)}}, func(f string) string { return f })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}
