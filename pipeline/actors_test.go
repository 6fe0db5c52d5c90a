package pipeline_test

import (
	"strings"
	"testing"
)

// actorCase is a text and an event it must give, with full actor codes:
// "KENLAB 14 TZA" is a source KENLAB, a code of root 14 and a target TZA
// ("-" for none).
type actorCase struct{ text, event string }

// checkActors codes each case and looks for its event among the records.
func checkActors(t *testing.T, published string, cases []actorCase) {
	t.Helper()
	for _, c := range cases {
		want := strings.Fields(c.event)
		var got []string
		found := false
		for _, r := range codeText(t, c.text, published) {
			src, tgt := "-", "-"
			if r.Source != nil {
				src = r.Source.Code
			}
			if r.Target != nil {
				tgt = r.Target.Code
			}
			got = append(got, src+" "+r.Code+" "+tgt)
			found = found || src == want[0] && strings.HasPrefix(r.Code, want[1]) && tgt == want[2]
		}
		if !found {
			t.Errorf("%q: no event %s in %q", c.text, c.event, got)
		}
	}
}

// TestUnnamedGroupsPlaced gives an actor named only by its role the
// country where it acts: the event's place, else the story's country.
func TestUnnamedGroupsPlaced(t *testing.T) {
	checkActors(t, "2021-05-04", []actorCase{
		{"Hundreds of drivers demonstrated outside the Tanzanian High Commission in Nairobi last week.", "KENLAB 14 TZA"},
		{"Taxi drivers blocked roads in Lusaka on Monday.", "ZMBLAB 1 -"},
		{"Riot police fired tear gas at students in Kampala.", "UGACOP 1 UGAEDU"},
		// no place in the clause: the story's country
		{"Chile's economy grew last year. The police arrested forty students after the march.", "CHLCOP 17 CHLEDU"},
		// a country named in the clause is no place of its own group
		{"Nurses protested in Accra on Tuesday.", "GHAHLH 14 -"},
		// people counted by a quantity alone are civilians; a counted
		// phrase's role wins over it
		{"Thousands marched in Minsk on Sunday.", "BLRCVL 14 -"},
		{"Dozens rallied outside the parliament in Tbilisi.", "GEOCVL 14 GEOLEG"},
		{"A crowd of students protested in Dhaka.", "BGDEDU 14 -"},
		{"Scores of miners demonstrated in Lima.", "PERLAB 14 -"},
	})
}

// TestPlacesAreNoActors keeps the towns named as where an event happens
// out of its actors, unless something is done to the town's people.
func TestPlacesAreNoActors(t *testing.T) {
	checkActors(t, "2021-05-04", []actorCase{
		{"Taxi drivers blocked roads in Lusaka on Monday.", "ZMBLAB 14 -"},
		{"Students protested in Nairobi.", "KENEDU 14 -"},
		{"The Kenyan president received the Ugandan foreign minister in Mombasa.", "KENGOV 04 UGAGOV"},
		// a capital that stands for its government still acts
		{"Moscow expelled two Estonian diplomats.", "RUSGOV 16 ESTGOV"},
		// what is done to a town's people is done to them
		{"Warplanes bombed a hospital in Aleppo.", "SYRMIL 18 SYRHLH"},
		{"The Red Cross suspended food deliveries in Kandahar.", "NGOHLHIRC 16 AFG"},
	})
}

// TestTitles gives a person the country of their nationality and the
// role of their title, and a group's member the group's role.
func TestTitles(t *testing.T) {
	checkActors(t, "2019-06-04", []actorCase{
		{"Chinese President Xi Jinping criticised Canada.", "CHNGOV 11 CAN"},
		{"Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Osaka.", "JPNGOV 04 CHNGOV"},
		{"Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Osaka.", "CHNGOV 04 JPNGOV"},
		{"Afghan rebel leaders rejected the offer.", "AFGREB 12 -"},
		{"The Fijian rebels freed two hostages.", "FJIREB 08 -"},
		{"A Tajik militia commander denied the charges.", "TJKUAF 0 -"},
		// a title without a nationality takes the story's country
		{"Vietnam's exports rose again. Trade Minister Tran Van Lam met the Japanese ambassador in Hanoi.", "VNMGOV 04 JPNGOV"},
	})
}

// TestPlaceNeverSource keeps a town that someone is to be driven from
// out of the actors of the demand.
func TestPlaceNeverSource(t *testing.T) {
	text := "Militia commander Qais al-Amiri said the governor should resign and be expelled from Herat."
	checkActors(t, "2021-05-04", []actorCase{{text, "AFGUAF 10 AFGGOV"}})
	for _, r := range codeText(t, text, "2021-05-04") {
		if r.Source != nil && r.Source.Text == "Herat" {
			t.Errorf("%q: the town is the source of %s", text, r.Code)
		}
	}
}

// TestCollectives resolves "both governments", "the two countries" and
// their kind to the actors named before them, one event each.
func TestCollectives(t *testing.T) {
	const first = "Ghana and Togo closed their border on Monday. "
	for _, c := range []actorCase{
		{first + "The African Union urged both governments to reopen it.", "IGOAFR 02 GHAGOV"},
		{first + "The African Union urged both governments to reopen it.", "IGOAFR 02 TGOGOV"},
		{first + "ECOWAS criticised the two countries.", "IGOWAFBUSWAS 11 GHA"},
		{first + "ECOWAS criticised the two countries.", "IGOWAFBUSWAS 11 TGO"},
		{first + "Both governments blamed Burkina Faso.", "GHAGOV 11 BFA"},
		{first + "Both governments blamed Burkina Faso.", "TGOGOV 11 BFA"},
	} {
		checkActors(t, "2022-03-02", []actorCase{c})
	}
	// A count without a determiner refers to no one named before.
	for _, r := range codeText(t, first+"Two ministers criticised Nigeria.", "2022-03-02") {
		if r.Source != nil && (r.Source.Code == "GHAGOV" && r.Target != nil && r.Target.Code == "TGOGOV") {
			t.Errorf("a count read as a reference: %s %s %s", r.Source.Code, r.Code, r.Target.Code)
		}
	}
}

// TestReciprocal makes the coordinated subjects of a verb that says so
// act on each other.
func TestReciprocal(t *testing.T) {
	checkActors(t, "2022-03-02", []actorCase{
		{"Ghana and Togo agreed on Friday to reopen their common border.", "GHA 03 TGO"},
		{"Ghana and Togo agreed on Friday to reopen their common border.", "TGO 03 GHA"},
		{"Sudanese troops and rebels clashed near Kadugli.", "SDNMIL 19 SDNREB"},
		{"Ghana and Togo disagreed over the fishing rights.", "TGO 11 GHA"},
	})
	// What they must do is a demand of others, not their act.
	for _, r := range codeText(t, "The rebels said Ghana and Togo must agree to new talks.", "2022-03-02") {
		if r.Root == "03" && r.Target != nil {
			t.Errorf("an obligation coded as mutual: %s %s %s", r.Source.Code, r.Code, r.Target.Code)
		}
	}
}

// TestUnknownPeople follows a person no dictionary holds through the
// article: the first mention's title and nationality code the later
// bare surname and pronoun, which keep the person's own text.
func TestUnknownPeople(t *testing.T) {
	text := "Zambian Trade Minister Chanda Mwale criticised Malawi on Monday. Mwale later met the Malawian ambassador. He also accused Tanzania of dumping maize."
	recs := codeText(t, text, "2020-01-03")
	want := map[string]bool{"ZMBGOV 111 MWI": false, "ZMBGOV 040 MWIGOV": false, "ZMBGOV 112 TZA": false}
	for _, r := range recs {
		if r.Source == nil || r.Target == nil {
			continue
		}
		k := r.Source.Code + " " + r.Code + " " + r.Target.Code
		if _, ok := want[k]; ok {
			want[k] = true
			if !strings.Contains(r.Source.Text, "Mwale") {
				t.Errorf("%s: source text %q, want the person's name", k, r.Source.Text)
			}
		}
	}
	for k, found := range want {
		if !found {
			t.Errorf("no %s event", k)
		}
	}
}

// TestCapitals lets a capital that acts, or is acted on, stand for its
// government, and nowhere else.
func TestCapitals(t *testing.T) {
	checkActors(t, "2022-03-02", []actorCase{
		{"Athens recalled its ambassador from Ankara.", "GRCGOV 16 TURGOV"},
		{"Kenya held talks with Kampala.", "KEN 04 UGAGOV"},
		{"Kenya said it would hold talks with Kampala next week.", "KEN 03 UGAGOV"},
		{"Residents of Kampala protested.", "UGACVL 14 -"},
		// a place, or where a group is from, is no government
		{"Protesters in Nairobi attacked the police.", "KENOPP 1 KENCOP"},
		{"Nairobi residents protested.", "KENCVL 14 -"},
	})
}

// TestInternationalGroupsUnplaced leaves an international armed group
// without the country where it acts.
func TestInternationalGroupsUnplaced(t *testing.T) {
	for _, r := range codeText(t, "Al-Qaeda claimed the bombing of a bus in Mombasa.", "2022-03-02") {
		if r.Source != nil && strings.HasPrefix(r.Source.Code, "KEN") {
			t.Errorf("source %s placed in Kenya", r.Source.Code)
		}
	}
}

// TestCounterparts gives a counterpart the role of the actor it is the
// counterpart of.
func TestCounterparts(t *testing.T) {
	checkActors(t, "2022-03-02", []actorCase{
		{"The Ghanaian president met his Togolese counterpart in Lome on Monday.", "GHAGOV 04 TGOGOV"},
		{"The Ghanaian president met his Togolese counterpart in Lome on Monday.", "TGOGOV 04 GHAGOV"},
		{"Ghana's foreign minister phoned her Togolese counterparts.", "GHAGOV 04 TGOGOV"},
	})
}
