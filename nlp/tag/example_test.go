package tag_test

import (
	"fmt"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tag"
)

func Example() {
	tg, err := tag.Default()
	if err != nil {
		panic(err)
	}
	s := &event.Sentence{}
	for _, w := range []string{"Rebels", "attacked", "the", "capital", "."} {
		s.Tokens = append(s.Tokens, event.Token{Text: w})
	}
	tg.Tag(s)
	for _, t := range s.Tokens {
		fmt.Println(t.Text, t.UPOS, t.XPOS)
	}
	// Output:
	// Rebels NOUN NNS
	// attacked VERB VBD
	// the DET DT
	// capital NOUN NN
	// . PUNCT .
}
