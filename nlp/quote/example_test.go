package quote_test

import (
	"fmt"

	"github.com/annals/annals/nlp/quote"
	"github.com/annals/annals/nlp/tokenize"
)

func Example() {
	text := "Influential cleric Hamid al-Nouri addressed the crowd on Friday.\n\n" +
		"“We will stay,” the cleric said, “until the last soldier leaves.”\n\n" +
		"He did not rule out a march on the embassy, according to his aides."
	sents := tokenize.Split(text)
	quotes, err := quote.Find(text, sents)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range quotes {
		fmt.Printf("%s %q: %s (%s → %s)\n", q.Kind, q.Cue, q.Text(text), q.Speaker.Text, q.Entity.Text)
	}
	last := &sents[len(sents)-1]
	fmt.Println(last.Tokens[3].Text, quote.Mode(last, 3, quotes))
	// Output:
	// direct "said": We will stay, ... until the last soldier leaves. (the cleric → Hamid al-Nouri)
	// according "according to": He did not rule out a march on the embassy (his aides → his aides)
	// rule hypothetical
}
