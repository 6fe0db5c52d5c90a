package ner_test

import (
	"fmt"

	"github.com/annals/annals/nlp/ner"
	"github.com/annals/annals/nlp/tag"
	"github.com/annals/annals/nlp/tokenize"
)

// The recognizer runs on tokenized sentences whose part-of-speech tags are
// set, as the language pipeline leaves them.
func ExampleRecognizer_Tag() {
	r, err := ner.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	tagger, err := tag.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range tokenize.Split("Angela Merkel will travel to Paris next week.") {
		tagger.Tag(&s)
		r.Tag(&s)
		for _, e := range s.Entities {
			fmt.Println(e.Label, e.Text)
		}
	}
	// Output:
	// PER Angela Merkel
	// LOC Paris
}
