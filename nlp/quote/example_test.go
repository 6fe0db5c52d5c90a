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
	doc, err := quote.Analyze(text, sents)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range doc.Quotes {
		fmt.Printf("%s %q: %s (%s → %s)\n", q.Kind, q.Cue, q.Text(text), q.Speaker.Text, q.Entity.Text)
	}
	last := &sents[len(sents)-1]
	fmt.Println(last.Tokens[3].Text, quote.Mode(last, 3, doc.Holding(last.Index, 3)))
	// Output:
	// direct "said": We will stay, ... until the last soldier leaves. (the cleric → Hamid al-Nouri)
	// according "according to": He did not rule out a march on the embassy (his aides → his aides)
	// rule hypothetical
}

func ExampleDoc_Resolve() {
	text := "Prime Minister Elena Markova met the unions on Monday. The prime minister said she would not resign."
	sents := tokenize.Split(text)
	doc, err := quote.Analyze(text, sents)
	if err != nil {
		fmt.Println(err)
		return
	}
	// "she" is token 4 of the second sentence
	m := doc.Resolve(1, 4, 4)
	fmt.Printf("%s → %s [%d:%d]\n", sents[1].Tokens[4].Text, m.Text, m.Start, m.End)
	// Output: she → Prime Minister Elena Markova [0:28]
}
