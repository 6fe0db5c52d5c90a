package parse

import (
	"testing"
)

func TestJoinModifierSeries(t *testing.T) {
	tests := []struct {
		name string
		tree string         // word/XPOS/head/rel per token
		want map[int]string // token -> "head rel" after the repair
	}{
		{"adverbs before a passive participle",
			"Chile/NNP/3/nsubj was/VBD/3/cop sharply/RB/0/root and/CC/6/cc openly/RB/6/advmod rebuked/VBN/3/conj by/IN/8/case Peru/NNP/6/obl ././3/punct",
			map[int]string{6: "0 root", 3: "6 advmod", 5: "3 conj", 4: "5 cc", 2: "6 aux:pass", 1: "6 nsubj:pass", 8: "6 obl", 9: "6 punct"}},
		{"adjectives before an object",
			"Peru/NNP/2/nsubj resumed/VBD/0/root normal/JJ/2/xcomp ,/,/7/punct open/JJ/7/amod trade/NN/7/compound talks/NNS/2/conj ././2/punct",
			map[int]string{3: "7 amod", 7: "2 obj", 4: "3 punct", 5: "7 amod"}},
		// Left alone: an adverb predicate with no participle, an
		// adjective complement followed by a clause.
		{"adverb predicate",
			"It/PRP/3/nsubj was/VBD/3/cop here/RB/0/root and/CC/5/cc there/RB/3/conj",
			map[int]string{3: "0 root", 5: "3 conj"}},
		{"complement then a clause",
			"Peru/NNP/2/nsubj stayed/VBD/0/root calm/JJ/2/xcomp ,/,/6/punct officials/NNS/6/nsubj said/VBD/2/parataxis",
			map[int]string{3: "2 xcomp", 5: "6 nsubj"}},
	}
	for _, tt := range tests {
		checkRepair(t, tt.name, tt.tree, joinModifierSeries, tt.want)
	}
}
