package lemma_test

import (
	"fmt"

	"github.com/annals/annals/nlp/lemma"
)

func Example() {
	l, err := lemma.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Lemma("protesters", "NNS"), l.Lemma("fled", "VBD"), l.Lemma("Americans", "NNPS"))
	// Output:
	// protester flee American
}
