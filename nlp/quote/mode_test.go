package quote

import (
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tokenize"
)

func TestMode(t *testing.T) {
	tests := []struct {
		text, verb string
		want       event.Mode
	}{
		{"Police arrested six protesters near the ministry.", "arrested", event.Asserted},
		{"The army did not attack the village.", "attack", event.Negated},
		{"The rebels have never signed the accord.", "signed", event.Negated},
		{"The two leaders will meet in Geneva next week.", "meet", event.Future},
		{"Thousands are expected to turn out on Friday.", "turn", event.Future},
		{"The union plans to strike in March.", "strike", event.Intended},
		{"The cleric vowed to march on the embassy.", "march", event.Intended},
		{"If the talks fail, the bloc could impose sanctions.", "impose", event.Hypothetical},
		{"The bloc will impose sanctions if the talks fail.", "fail", event.Hypothetical},
		{"The party did not rule out a boycott of the vote.", "rule", event.Hypothetical},
		{"The group did not rule out joining the march.", "joining", event.Hypothetical},
		{"The minister may resign this week.", "resign", event.Hypothetical},
		{"“Our forces shelled the bridge,” the general said.", "shelled", event.Reported},
		{"The general said his forces shelled the bridge.", "shelled", event.Reported},
		{"“We did not shell the bridge,” the general said.", "shell", event.Negated},
		{"The rebels said on Wednesday they would meet the envoy.", "meet", event.Future},
		{"The minister told reporters on Monday that the army would withdraw.", "withdraw", event.Future},
		{"A deal would end the war.", "end", event.Hypothetical},
		{"The rebels said the city would have fallen without the airstrikes.", "fallen", event.Hypothetical},
		{"The rebels said they would attack if the talks failed.", "failed", event.Hypothetical},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			sents := tokenize.Split(tt.text)
			doc, err := Analyze(tt.text, sents)
			if err != nil {
				t.Fatal(err)
			}
			s := &sents[0]
			v := -1
			for i, tok := range s.Tokens {
				if tok.Text == tt.verb {
					v = i
				}
			}
			if v < 0 {
				t.Fatalf("no token %q", tt.verb)
			}
			if got := Mode(s, v, doc.Holding(0, v)); got != tt.want {
				t.Errorf("Mode(%q) = %s, want %s", tt.verb, got, tt.want)
			}
		})
	}
}

func TestModeOutOfRange(t *testing.T) {
	s := &event.Sentence{}
	if got := Mode(s, 3, nil); got != event.Asserted {
		t.Errorf("Mode on an empty sentence = %s, want asserted", got)
	}
}
