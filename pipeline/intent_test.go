package pipeline_test

import (
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/pipeline"
)

// TestIntentions codes what actors say they will do as CAMEO's intentions
// (03x) and threats (13x), with the mode that says so.
func TestIntentions(t *testing.T) {
	for _, c := range []struct {
		text           string
		src, code, tgt string
		modes          []event.Mode
	}{
		{"Kenya said on Monday it would hold talks with Tanzania next week.", "KEN", "036", "TZA", []event.Mode{event.Future}},
		{"Kenya is prepared to lift the ban on Tanzanian trucks.", "KEN", "035", "", []event.Mode{event.Intended}},
		{"The Kenyan government will release the Tanzanian truck drivers on Friday.", "KEN", "0353", "TZA", []event.Mode{event.Future}},
		{"Kenya offered to negotiate with Tanzania.", "KEN", "036", "TZA", []event.Mode{event.Intended, event.Asserted}},
		{"Uganda is willing to withdraw its troops from South Sudan.", "UGA", "0356", "SSD", []event.Mode{event.Intended}},
		{"Kenya threatened to impose sanctions on Tanzania.", "KEN", "1312", "TZA", []event.Mode{event.Asserted, event.Intended}},
		{"Kenya threatened to institute a curfew in Mombasa.", "KEN", "1323", "", []event.Mode{event.Asserted, event.Intended}},
		{"Kenya will withdraw its troops from Somalia unless the Somali government pays them.", "KEN", "130", "SOM", []event.Mode{event.Future}},
		{"Kenya said it would appeal the ruling against Tanzania.", "KEN", "115", "TZA", []event.Mode{event.Future}},
		{"Kenyan teachers plan to protest outside parliament on Friday.", "KEN", "14", "", []event.Mode{event.Intended}},
		{"Kenyan teachers vowed to protest outside parliament on Friday.", "KEN", "133", "", []event.Mode{event.Intended}},
	} {
		recs := codeWith(t, pipeline.Options{}, c.text)
		var found *event.Record
		for i, r := range recs {
			if r.Source != nil && r.Source.Country == c.src && len(r.Code) >= len(c.code) && r.Code[:len(c.code)] == c.code &&
				(c.tgt == "" || r.Target != nil && r.Target.Country == c.tgt) {
				found = &recs[i]
			}
		}
		if found == nil {
			var got []string
			for _, r := range recs {
				got = append(got, r.Code+"/"+string(r.Mode))
			}
			t.Errorf("%q: no %s %s %s event in %v", c.text, c.src, c.code, c.tgt, got)
			continue
		}
		ok := false
		for _, m := range c.modes {
			ok = ok || found.Mode == m
		}
		if !ok {
			t.Errorf("%q: mode %s, want one of %v", c.text, found.Mode, c.modes)
		}
	}
}
