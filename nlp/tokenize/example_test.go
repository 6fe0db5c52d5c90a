package tokenize_test

import (
	"fmt"
	"strings"

	"github.com/annals/annals/nlp/tokenize"
)

func ExampleSplit() {
	text := "Muqtada al-Sadr’s aides didn't comment. The U.S. envoy said “Stop.” and left.\n\nTalks resume Jan. 5"
	for _, s := range tokenize.Split(text) {
		var toks []string
		for _, t := range s.Tokens {
			toks = append(toks, t.Text)
		}
		fmt.Printf("%d [%d:%d] %s\n", s.Index, s.Start, s.End, strings.Join(toks, " | "))
	}
	// Output:
	// 0 [0:41] Muqtada | al-Sadr | ’s | aides | did | n't | comment | .
	// 1 [42:83] The | U.S. | envoy | said | “ | Stop | . | ” | and | left | .
	// 2 [85:104] Talks | resume | Jan. | 5
}

func ExampleAlign() {
	text := "Iraq's PM can't come."
	gold := []tokenize.Span{{0, 4}, {4, 6}, {7, 9}, {10, 12}, {12, 15}, {16, 20}, {20, 21}}
	var sys []tokenize.Span
	for _, s := range tokenize.Split(text) {
		for _, t := range s.Tokens {
			sys = append(sys, tokenize.Span{Start: t.Start, End: t.End})
		}
	}
	score, err := tokenize.Align(text, gold, text, sys)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("gold %d system %d correct %d F1 %.2f\n", score.Gold, score.System, score.Correct, score.F1())
	// Output:
	// gold 7 system 7 correct 7 F1 1.00
}
