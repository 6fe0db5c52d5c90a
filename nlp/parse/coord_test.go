package parse

import "testing"

func TestJoinBareNames(t *testing.T) {
	tests := []struct {
		name string
		tree string         // word/XPOS/head/rel per token
		want map[int]string // token -> "head rel" after the repair
	}{
		{"place, title and name read as two conjuncts",
			"Bree/NNP/6/nsubj Prime/NNP/3/amod Minister/NNP/4/nmod:desc Romendacil/NNP/1/conj will/MD/6/aux meet/VB/0/root ././6/punct",
			map[int]string{4: "6 nsubj", 1: "4 compound", 3: "4 nmod:desc"}},
		{"a determiner before the first name goes with the phrase",
			"the/DT/2/det Kestria/NNP/6/nsubj Army/NNP/4/compound Chief/NNP/2/conj will/MD/6/aux go/VB/0/root",
			map[int]string{4: "6 nsubj", 2: "4 compound", 1: "4 det"}},
		// Left alone: a conjunction, a slash or a comma between the
		// names, adjacent names, words between that are not the second's.
		{"conjunction",
			"Arnor/NNP/4/nsubj and/CC/3/cc Gondor/NNP/1/conj met/VBD/0/root",
			map[int]string{3: "1 conj", 1: "4 nsubj"}},
		{"slash",
			"Enron/NNP/0/root &/SYM/3/cc Azurix/NNP/1/conj",
			map[int]string{3: "1 conj"}},
		{"comma",
			"Arnor/NNP/4/nsubj ,/,/3/punct Gondor/NNP/1/conj met/VBD/0/root",
			map[int]string{3: "1 conj"}},
		{"adjacent",
			"Arnor/NNP/3/nsubj Gondor/NNP/1/conj met/VBD/0/root",
			map[int]string{2: "1 conj"}},
		{"words of the first name between",
			"Bank/NNP/5/nsubj of/IN/3/case Arnor/NNP/1/nmod Gondor/NNP/1/conj met/VBD/0/root",
			map[int]string{4: "1 conj"}},
	}
	for _, tt := range tests {
		checkRepair(t, tt.name, tt.tree, joinBareNames, tt.want)
	}
}
