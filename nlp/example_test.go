package nlp_test

import (
	"context"
	"fmt"

	"github.com/annals/annals/nlp"
)

func Example() {
	p, err := nlp.Default()
	if err != nil {
		panic(err)
	}
	sents, err := p.Process(context.Background(), "Rebels attacked the capital.")
	if err != nil {
		panic(err)
	}
	for _, t := range sents[0].Tokens {
		fmt.Println(t.ID, t.Text, t.Lemma, t.UPOS, t.Head, t.Rel)
	}
	// Output:
	// 1 Rebels rebel NOUN 2 nsubj
	// 2 attacked attack VERB 0 root
	// 3 the the DET 4 det
	// 4 capital capital NOUN 2 obj
	// 5 . . PUNCT 2 punct
}
