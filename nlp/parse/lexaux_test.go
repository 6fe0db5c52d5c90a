package parse

import (
	"testing"
)

func TestPromoteLexicalVerbs(t *testing.T) {
	tests := []struct {
		name string
		tree string         // word/XPOS/head/rel per token
		want map[int]string // token -> "head rel" after the repair
	}{
		{"base verb after a modal read as aux:pass",
			"Chile/NNP/4/nsubj:pass will/MD/4/aux drop/VB/4/aux:pass revised/VBN/0/root trade/NN/6/compound rules/NNS/4/obj ././4/punct",
			map[int]string{3: "0 root", 4: "6 amod", 6: "3 obj", 1: "3 nsubj", 2: "3 aux", 7: "3 punct"}},
		{"after to",
			"Peru/NNP/2/nsubj agreed/VBD/0/root to/TO/5/mark restore/VB/5/aux broken/VBN/2/xcomp ties/NNS/5/obj ././2/punct",
			map[int]string{4: "2 xcomp", 5: "6 amod", 6: "4 obj", 3: "4 mark"}},
		// Left alone: a real auxiliary, a verb with no modal before it,
		// a participle with no object right after it.
		{"have",
			"Chile/NNP/4/nsubj will/MD/4/aux have/VB/4/aux signed/VBN/0/root the/DT/6/det deal/NN/4/obj",
			map[int]string{3: "4 aux", 4: "0 root"}},
		{"no modal",
			"They/PRP/3/nsubj remain/VBP/3/aux devoted/VBN/0/root full/JJ/5/amod time/NN/3/obj",
			map[int]string{2: "3 aux", 3: "0 root"}},
		{"object not adjacent",
			"Chile/NNP/4/nsubj will/MD/4/aux seek/VB/4/aux fixed/VBN/0/root by/IN/6/case then/RB/4/obl rules/NNS/4/obj",
			map[int]string{3: "4 aux", 4: "0 root"}},
	}
	for _, tt := range tests {
		checkRepair(t, tt.name, tt.tree, promoteLexicalVerbs, tt.want)
	}
}
