package parse

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

func TestSubordinateClauses(t *testing.T) {
	tests := []struct {
		tagged string
		want   map[int]int // opening word -> clause verb (from 1)
	}{
		{"Kenya/NNP closed/VBD the/DT border/NN two/CD weeks/NNS after/IN rebels/NNS attacked/VBD a/DT town/NN ./.",
			map[int]int{7: 9}},
		{"Peru/NNP recalled/VBD its/PRP$ envoy/NN before/IN the/DT talks/NNS were/VBD/AUX formally/RB opened/VBN ./.",
			map[int]int{5: 10}},
		{"Talks/NNS stalled/VBD until/IN Chile/NNP 's/POS new/JJ president/NN will/MD sign/VB ./.",
			map[int]int{3: 9}},
		// A prepositional phrase: no finite verb after the noun phrase.
		{"Troops/NNS withdrew/VBD after/IN the/DT ceasefire/NN ./.", nil},
		// Sentence-initial: "After dinner officials said" is ambiguous, left alone.
		{"After/IN the/DT vote/NN officials/NNS said/VBD it/PRP passed/VBD ./.", nil},
		// Not a noun phrase between the word and the verb.
		{"Nobody/NN spoke/VBD since/IN leaving/VBG the/DT hall/NN was/VBD/AUX forbidden/VBN ./.", nil},
	}
	for _, tt := range tests {
		s := sentence(tt.tagged)
		got := subordinateClauses(s.Tokens)
		for a := range got {
			if got[a] != tt.want[a] {
				t.Errorf("%q: token %d opens a clause of verb %d, want %d", tt.tagged, a, got[a], tt.want[a])
			}
		}
		if got == nil && tt.want != nil {
			t.Errorf("%q: no clause, want %v", tt.tagged, tt.want)
		}
	}
}

// TestClauseConstraint parses with the embedded model: the opening word is
// the mark of the clause verb, and no word before it hangs from the clause.
func TestClauseConstraint(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tagged     string
		mark, verb int
		outside    int // a word before the mark whose head is not in the clause
	}{
		{"Ethiopia/NNP/PROPN has/VBZ/AUX broken/VBN/VERB relations/NNS/NOUN with/IN/ADP Libya/NNP/PROPN almost/RB/ADV five/CD/NUM years/NNS/NOUN after/IN/ADP crowds/NNS/NOUN trashed/VBD/VERB its/PRP$/PRON embassy/NN/NOUN ./.",
			10, 12, 4},
		{"Arnor/NNP/PROPN is/VBZ/AUX about/JJ/ADJ to/TO/PART restore/VB/VERB full/JJ/ADJ ties/NNS/NOUN with/IN/ADP Gondor/NNP/PROPN ,/,/PUNCT almost/RB/ADV five/CD/NUM years/NNS/NOUN after/IN/ADP Rohan/NNP/PROPN crowds/NNS/NOUN burned/VBD/VERB down/RP/ADP its/PRP$/PRON embassy/NN/NOUN ./.",
			14, 17, 7},
		{"Freedonia/NNP/PROPN celebrated/VBD/VERB the/DT/DET festival/NN/NOUN with/IN/ADP Sylvania/NNP/PROPN after/IN/ADP a/DT/DET truce/NN/NOUN was/VBD/AUX reported/VBN/VERB ./.",
			7, 11, 6},
	}
	for _, tt := range tests {
		s := sentence(tt.tagged)
		p.Parse(s)
		checkTree(t, s)
		if m := s.Tokens[tt.mark-1]; m.Head != tt.verb || m.Rel != "mark" {
			t.Errorf("%q: %s is %s of %d, want mark of %d", tt.tagged, m.Text, m.Rel, m.Head, tt.verb)
		}
		if h := s.Tokens[tt.outside-1].Head; h > tt.mark && h <= tt.verb {
			t.Errorf("%q: %s hangs from token %d inside the clause", tt.tagged, s.Tokens[tt.outside-1].Text, h)
		}
	}
}

func TestJoinSubjects(t *testing.T) {
	tests := []struct {
		name string
		// word/head/rel per token
		tree string
		want map[int]string // token -> "head rel" after the repair
	}{
		{"two subjects joined by and",
			"The/2/det lions/8/nsubj and/8/cc the/7/det evil/7/amod awful/7/amod Gondor/8/nsubj welcomed/0/root peace/8/obj ././punct",
			map[int]string{7: "2 conj", 3: "7 cc", 2: "8 nsubj"}},
		{"a prepositional phrase inside the first subject",
			"The/3/det information/3/compound ministry/9/nsubj of/5/case Rohan/3/nmod and/9/cc the/8/det Nazgul/9/nsubj said/0/root ././punct",
			map[int]string{8: "3 conj", 6: "8 cc"}},
		{"commas and or",
			"Chile/5/nsubj ,/3/punct or/5/cc Peru/5/nsubj objected/0/root ././punct",
			map[int]string{4: "1 conj", 3: "4 cc"}},
		{"a list with the first item an obl and the second an appos",
			"Evil/2/amod Chile/9/obl ,/5/punct the/5/det Peru/2/appos ,/8/punct and/8/cc Bolivia/9/nsubj agreed/0/root ././9/punct",
			map[int]string{2: "9 nsubj", 5: "2 conj", 8: "2 conj", 7: "8 cc"}},
		// A subject clause and a subject with something else between them
		// are left alone.
		{"no conjunction",
			"Rebels/4/nsubj who/3/nsubj fled/1/acl:relcl said/0/root ././punct",
			map[int]string{2: "3 nsubj", 1: "4 nsubj"}},
		{"an obl with a preposition",
			"In/2/case Lima/5/obl and/4/cc Peru/5/nsubj agreed/0/root",
			map[int]string{2: "5 obl", 4: "5 nsubj"}},
		{"a verb between",
			"Chile/3/nsubj and/3/cc protested/0/root Peru/5/nsubj said/3/parataxis ././punct",
			map[int]string{4: "5 nsubj"}},
	}
	for _, tt := range tests {
		s := &event.Sentence{}
		for i, f := range strings.Fields(tt.tree) {
			parts := strings.SplitN(f, "/", 3)
			head := 0
			for _, c := range parts[1] {
				head = head*10 + int(c-'0')
			}
			xpos := "NN"
			switch parts[0] {
			case "and", "or":
				xpos = "CC"
			case ",":
				xpos = ","
			case "In":
				xpos = "IN"
			}
			s.Tokens = append(s.Tokens, event.Token{ID: i + 1, Text: parts[0], XPOS: xpos, Head: head, Rel: parts[2]})
		}
		joinSubjects(s)
		for k, want := range tt.want {
			tok := s.Tokens[k-1]
			if got := strconv.Itoa(tok.Head) + " " + tok.Rel; got != want {
				t.Errorf("%s: token %d (%s) = %s, want %s", tt.name, k, tok.Text, got, want)
			}
		}
	}
}
