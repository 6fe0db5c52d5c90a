package perceptron_test

import (
	"fmt"

	"github.com/annals/annals/nlp/perceptron"
)

// A word is tagged by the features of the word itself and its suffix.
func Example() {
	feats := func(word string) []uint64 {
		return []uint64{
			perceptron.Hash(1, perceptron.String(word), 0, 0),
			perceptron.Hash(2, perceptron.String(word[len(word)-2:]), 0, 0),
		}
	}
	data := []struct {
		word string
		tag  int
	}{{"walked", 1}, {"dog", 0}, {"jumped", 1}, {"cat", 0}, {"talked", 1}, {"hat", 0}}
	tr := perceptron.NewTrainer([]string{"NOUN", "VERB"})
	var scores []float32
	for epoch := 0; epoch < 3; epoch++ {
		for _, d := range data {
			f := feats(d.word)
			tr.Update(f, d.tag, tr.Predict(f, scores))
		}
	}
	m := tr.Average(0)
	for _, w := range []string{"barked", "bat"} {
		fmt.Println(w, m.Labels()[m.Predict(feats(w), scores)])
	}
	// Output:
	// barked VERB
	// bat NOUN
}
