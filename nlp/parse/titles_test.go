package parse

import (
	"testing"

	"github.com/annals/annals/event"
)

func TestJoinLeadingAdjectives(t *testing.T) {
	join := func(s *event.Sentence) { joinLeadingAdjectives(s.Tokens) }
	for _, c := range []struct {
		name, tree string
		want       map[int]string
	}{
		{"the adjective opens the subject's phrase: it modifies the title",
			"Zambian/JJ/6/advcl Trade/NNP/3/compound Minister/NNP/4/nmod:desc Chanda/NNP/6/nsubj Mwale/NNP/4/flat criticised/VBD/0/root Malawi/NNP/6/obj",
			map[int]string{1: "3 amod"}},
		{"a bare name: it modifies the subject",
			"Kenyan/JJ/3/dep Odinga/NNP/3/nsubj said/VBD/0/root",
			map[int]string{1: "2 amod"}},
		{"a comma between them: a clause of its own",
			"Angry/JJ/5/advcl ,/,/1/punct the/DT/4/det crowd/NN/5/nsubj marched/VBD/0/root",
			map[int]string{1: "5 advcl"}},
		{"already a modifier",
			"Zambian/JJ/2/amod officials/NNS/3/nsubj said/VBD/0/root",
			map[int]string{1: "2 amod"}},
		{"the subject after the verb",
			"Ready/JJ/2/xcomp was/VBD/0/root the/DT/4/det army/NN/2/nsubj",
			map[int]string{1: "2 xcomp"}},
	} {
		checkRepair(t, c.name, c.tree, join, c.want)
	}
}
