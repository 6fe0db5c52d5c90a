package parse

import (
	"testing"
)

func TestRaisePhrases(t *testing.T) {
	tests := []struct {
		name string
		tree string         // word/XPOS/head/rel per token
		want map[int]string // token -> "head rel" after the repair
	}{
		{"with-phrase under a place",
			"Freedonia/NNP/2/nsubj celebrated/VBD/0/root at/IN/4/case Sylvania/NNP/2/obl with/IN/6/case Ruritania/NNP/4/nmod ././2/punct",
			map[int]string{6: "2 obl", 4: "2 obl"}},
		{"with-phrase under a place inside an object",
			"Freedonia/NNP/2/nsubj held/VBD/0/root talks/NNS/2/obj in/IN/5/case Sylvania/NNP/3/nmod with/IN/7/case Ruritania/NNP/5/nmod ././2/punct",
			map[int]string{7: "2 obl"}},
		{"by-phrase under an adverb of a passive",
			"Chile/NNP/3/nsubj:pass was/VBD/3/aux:pass opposed/VBN/0/root earlier/RBR/8/advmod by/IN/6/case Peru/NNP/4/obl ,/,/8/punct rival/NN/3/obl ././3/punct",
			map[int]string{6: "3 obl:agent", 4: "3 advmod"}},
		// Left alone: a common noun's with-phrase, a name not in a
		// prepositional phrase, an active verb's adverb.
		{"ties with a name",
			"Chile/NNP/2/nsubj restored/VBD/0/root ties/NNS/2/obj with/IN/5/case Peru/NNP/3/nmod ././2/punct",
			map[int]string{5: "3 nmod"}},
		{"a name as object",
			"Chile/NNP/2/nsubj joined/VBD/0/root Peru/NNP/2/obj with/IN/5/case Bolivia/NNP/3/nmod ././2/punct",
			map[int]string{5: "3 nmod"}},
		{"active verb",
			"Chile/NNP/2/nsubj spoke/VBD/0/root later/RB/2/advmod by/IN/5/case phone/NN/3/obl ././2/punct",
			map[int]string{5: "3 obl"}},
	}
	for _, tt := range tests {
		checkRepair(t, tt.name, tt.tree, raisePhrases, tt.want)
	}
}
