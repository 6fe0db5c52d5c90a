package quotes_test

import (
	"fmt"
	"strings"

	"github.com/annals/annals/eval/quotes"
)

func Example() {
	text := "The talks failed, a diplomat said."
	ann := "T1\tContent 0 16\tThe talks failed\nT2\tSource 18 28\ta diplomat\nT3\tCue 29 33\tsaid\n" +
		"E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
	atts, err := quotes.ParseAnn("example.ann", strings.NewReader(ann), text)
	if err != nil {
		fmt.Println(err)
		return
	}
	var r quotes.Result
	r.Add(&quotes.Article{Name: "example", Text: text, Attributions: atts}, []quotes.Prediction{
		{Content: []quotes.Span{{Start: 0, End: 16}}, Speaker: quotes.Span{Start: 18, End: 28}},
	})
	fmt.Println(r.String())
	// Output: quotes=1 speaker_acc=1.000 span_f1=1.000
}
