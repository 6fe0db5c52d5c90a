package pipeline_test

import (
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// TestImpliedAgents codes agentless passives of acts only a state does
// with the police, courts or government of the story as their source:
// the country of the event's place, of the police named before, or of
// the story; the role alone where nothing gives one. The people the act
// befell, of no named country, are the state's own.
func TestImpliedAgents(t *testing.T) {
	for _, c := range []struct {
		text     string
		src, tgt string // "" for none; the record whose code is code
		code     string
	}{
		{"Forty people were arrested in Nairobi on Sunday.", "KENCOP", "KEN", "173"},
		{"Iraqi police stormed the newspaper's offices. Three of its reporters were detained.", "IRQCOP", "IRQMED", "173"},
		{"Two Canadian tourists were detained in Beijing last week.", "CHNCOP", "CAN", "173"},
		{"Dozens of students arrested at the rally in Harare were released on bail.", "ZWECOP", "ZWE", "173"},
		{"The Kenyan government banned the march. A dozen protesters were nabbed near the parliament.", "KENCOP", "KENOPP", "173"},
		{"The former mayor was sentenced to ten years in prison.", "JUD", "GOV", "116"},
		// An event noun with a passive support verb, and a possessor
		// that undergoes the act.
		{"More than 400 arrests have been made in Nairobi since Monday.", "KENCOP", "KEN", "173"},
		{"The opposition leader's arrest angered his supporters in Kampala.", "UGACOP", "UGAOPP", "173"},
		// A "by" phrase names the agent: nothing is implied.
		{"Hundreds of students were arrested by Ugandan police.", "UGACOP", "UGA", "173"},
	} {
		recs := codeText(t, c.text, "2024-03-12")
		var r *event.Record
		for i := range recs {
			if strings.HasPrefix(recs[i].Code, c.code) {
				r = &recs[i]
			}
		}
		if r == nil {
			t.Errorf("%q: no %s event in %s", c.text, c.code, show(recs))
			continue
		}
		tgt := ""
		if r.Target != nil {
			tgt = r.Target.Code
		}
		if r.Source.Code != c.src || !strings.HasPrefix(tgt, c.tgt) {
			t.Errorf("%q: %s %s %s, want %s %s %s", c.text, r.Source.Code, r.Code, tgt, c.src, c.code, c.tgt)
		}
		if by := strings.Contains(c.text, " by "); r.Source.Implied == by || by != (r.Source.Text != "") {
			t.Errorf("%q: source %+v: implied %v, want %v", c.text, *r.Source, r.Source.Implied, !by)
		}
	}
	// Anyone kills: a killing's passive implies no agent.
	for _, r := range codeText(t, "Ten people were killed on Friday.", "2024-03-12") {
		if r.Source.Implied {
			t.Errorf("killing with an implied agent: %s", show([]event.Record{r}))
		}
	}
}

// TestRelativeClauseSubject takes the actor that a relative clause
// describes as the subject of its verb ("Kenyan police, who arrested"),
// but not a thing ("a resolution that aims to impose sanctions").
func TestRelativeClauseSubject(t *testing.T) {
	for _, c := range []struct {
		text           string
		src, code, tgt string // "" for none wanted
	}{
		{"Kenyan police, who arrested 63 rioters on Monday, said more arrests would follow.", "KENCOP", "173", ""},
		{"The Ugandan army, which shelled rebel positions near Gulu, denied the report.", "UGAMIL", "19", ""},
		{"The Tanzanian minister who met Kenyan officials in Arusha resigned.", "TZAGOV", "04", "KEN"},
		{"France backed a draft resolution that aims to impose sanctions on Syria.", "", "", ""},
	} {
		recs := codeText(t, c.text, "2024-03-12")
		if c.src == "" {
			for _, r := range recs {
				if r.Root == "16" {
					t.Errorf("%q: a thing acts: %s", c.text, show(recs))
				}
			}
			continue
		}
		if find(recs, c.src, c.code[:2], c.tgt) == nil {
			t.Errorf("%q: no %s %s %s in %s", c.text, c.src, c.code, c.tgt, show(recs))
		}
	}
}

// TestMendedClauses codes the second verb of a clause whose first verb
// the parser hung from its subject ("the ministry accused ..., but
// said"), and takes a part of a country named after it as the actor
// ("the U.S. State Department").
func TestMendedClauses(t *testing.T) {
	checkEvents(t, "2024-03-12", []want{
		{"Uganda's foreign ministry accused Kenyan officials of lying, but said it would hold talks with Nairobi.", "UGA", "03", "KEN"},
		{"The U.S. Pentagon criticised the Iranian decision.", "USAMIL", "11", "IRN"},
		{"The US White House praised the Kenyan proposal.", "USAGOV", "05", "KEN"},
	})
}

// TestCauser takes the doer of a passive of harm from the act of force
// its "in" phrase names: the act's possessor or a role modifying it.
func TestCauser(t *testing.T) {
	checkEvents(t, "2024-03-12", []want{
		{"Four villagers were wounded in the army's shelling of the town.", "MIL", "18", "CVL"},
		{"Three protesters were injured in the police shelling of the camp.", "COP", "18", "OPP"},
		// the gerund tagged as a verb, with its noun's case and modifier
		{"officials say that 40 people have been killed in police firing.", "COP", "18", "CVL"},
	})
}
