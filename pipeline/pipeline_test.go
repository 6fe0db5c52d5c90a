package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp"
	"github.com/annals/annals/pipeline"
)

var (
	once    sync.Once
	shared  *pipeline.Pipeline
	loadErr error
)

// defaultPipeline loads the embedded models, dictionaries and gazetteer
// once for all tests.
func defaultPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	once.Do(func() {
		a, err := nlp.Default()
		if err != nil {
			loadErr = err
			return
		}
		d, err := dict.Default()
		if err != nil {
			loadErr = err
			return
		}
		g, err := geo.Default()
		if err != nil {
			loadErr = err
			return
		}
		shared, loadErr = pipeline.New(pipeline.Options{Analyzer: a, Dicts: d, Gazetteer: g})
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return shared
}

func codeText(t *testing.T, text, published string) []event.Record {
	t.Helper()
	pub, err := time.Parse("2006-01-02", published)
	if err != nil {
		t.Fatal(err)
	}
	res, err := defaultPipeline(t).Code(context.Background(), &event.Document{Text: text, Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	return res.Records
}

// find returns the first record with the source country, code root and
// target country given ("" matches anything).
func find(recs []event.Record, src, root, tgt string) *event.Record {
	for i, r := range recs {
		if (src == "" || r.Source != nil && strings.HasPrefix(r.Source.Code, src)) &&
			(root == "" || r.Root == root) &&
			(tgt == "" || r.Target != nil && strings.HasPrefix(r.Target.Code, tgt)) {
			return &recs[i]
		}
	}
	return nil
}

func TestExampleArticle(t *testing.T) {
	text, err := os.ReadFile("../examples/news/border-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs := codeText(t, string(text), "2024-03-12")
	for _, r := range recs {
		if r.Sentence.Start < 0 || r.Sentence.End > len(text) || string(text[r.Sentence.Start:r.Sentence.End]) != r.Sentence.Text {
			t.Errorf("record %s: sentence offsets do not point at its text", r.ID)
		}
		for _, a := range []*event.Actor{r.Source, r.Target} {
			if a != nil && string(text[a.Start:a.End]) != a.Text {
				t.Errorf("record %s: actor %q has offsets %d:%d", r.ID, a.Text, a.Start, a.End)
			}
		}
		if r.QuadClass < 1 || r.QuadClass > 4 || r.Root != r.Code[:2] {
			t.Errorf("record %s: code %s root %s quad %d", r.ID, r.Code, r.Root, r.QuadClass)
		}
	}
	meet := find(recs, "KEN", "04", "TZA")
	if meet == nil {
		t.Fatalf("no meeting of Kenya with Tanzania in %d records", len(recs))
	}
	if meet.Date != "2024-03-11" || meet.DatePrecision != "day" {
		t.Errorf("meeting dated %s (%s), want Monday 2024-03-11", meet.Date, meet.DatePrecision)
	}
	if meet.Location == nil || meet.Location.Name != "Arusha" || meet.Location.Country != "TZA" {
		t.Errorf("meeting located at %+v, want Arusha", meet.Location)
	}
	if r := find(recs, "KENCOP", "17", ""); r == nil {
		t.Errorf("no arrest by Kenyan police")
	}
	// "Tanzania's foreign ministry accused ..., but said it would hold
	// talks with Nairobi": the second verb of a mended clause.
	talks := false
	for _, r := range recs {
		talks = talks || r.Code == "036" && r.Mode == event.Future && strings.HasPrefix(r.Source.Code, "TZA") && r.Target != nil && strings.HasPrefix(r.Target.Code, "KEN")
	}
	if !talks {
		t.Errorf("no talks planned by Tanzania with Nairobi (TZA 036 KEN, future)")
	}
	// The blockade "at Namanga" is placed by the phrase that names it,
	// and dated "a week after" ... before Tuesday's agreement.
	for _, r := range recs {
		if r.Evidence.Verb == "blocked" && (r.Location == nil || r.Location.Name != "Namanga") {
			t.Errorf("%s %s (%q) placed at %+v, want Namanga", r.Source.Code, r.Code, r.Evidence.Verb, r.Location)
		}
		if r.Evidence.Verb == "blocked" && r.Date != "2024-03-05" {
			t.Errorf("%s %s (%q) dated %s, want 2024-03-05, a week before the agreement", r.Source.Code, r.Code, r.Evidence.Verb, r.Date)
		}
	}
	// Every other event is placed in Nairobi: the demonstration by the
	// clause that names it, the rest by the article's dateline, and the
	// talks "with Nairobi" not by the name of their target.
	for _, r := range recs {
		if r.ID == meet.ID || r.Root == "04" && strings.Contains(r.Sentence.Text, "Arusha") || r.Evidence.Verb == "blocked" {
			continue
		}
		if r.Location == nil || r.Location.Name != "Nairobi" {
			t.Errorf("%s %s %s (%q) placed at %+v, want Nairobi", r.Source.Code, r.Code, actorCode(r.Target), r.Evidence.Verb, r.Location)
		}
	}
}

// TestUndatedDocument codes documents without a publication date: a
// relative date ("on Friday") resolves against nothing, so the event has
// no date, while a date the text states in full is kept.
func TestUndatedDocument(t *testing.T) {
	for _, c := range []struct {
		text, want, precision string
	}{
		{"Kenyan police arrested twelve protesters on Friday.", "", ""},
		{"Kenyan police arrested twelve protesters last week.", "", ""},
		{"Kenyan police arrested twelve protesters on March 8, 2024.", "2024-03-08", "day"},
	} {
		res, err := defaultPipeline(t).Code(t.Context(), &event.Document{Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		r := find(res.Records, "KEN", "17", "")
		if r == nil {
			t.Errorf("%q: no arrest by Kenyan police in %d records", c.text, len(res.Records))
			continue
		}
		if r.Date != c.want || r.DatePrecision != c.precision || r.Doc.Published != "" {
			t.Errorf("%q: dated %q (%q), published %q; want %q (%q), unpublished", c.text, r.Date, r.DatePrecision, r.Doc.Published, c.want, c.precision)
		}
	}
}

// TestSeed codes the canonical article of the project when ../shared
// holds it, and checks the events that must be there.
func TestSeed(t *testing.T) {
	path := testshared.File(t, "seed/baghdad-march.txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs := codeText(t, string(text), "2020-01-24")
	checks := []struct {
		what           string
		src, root, tgt string
		date           string
	}{
		{"the march against the US", "IRQ", "14", "USA", "2020-01-24"},
		{"Salih meets Trump", "IRQGOV", "04", "USAGOV", "2020-01-22"},
		{"the assassination by the US", "USA", "18", "IRN", ""},
	}
	for _, c := range checks {
		r := find(recs, c.src, c.root, c.tgt)
		if r == nil {
			t.Errorf("%s: no %s %sx %s event", c.what, c.src, c.root, c.tgt)
			continue
		}
		if c.date != "" && r.Date != c.date {
			t.Errorf("%s: dated %q, want %s", c.what, r.Date, c.date)
		}
	}
	// The "million-man march" is a crowd of about a million on the march.
	if r := find(recs, "IRQ", "14", "USA"); r != nil && !hasCount(r, event.Crowd, 1_000_000, event.About, "million-man") {
		t.Errorf("the march carries counts %+v, want a crowd of about 1,000,000 from \"million-man\"", r.Counts)
	}
	// The assassination "near the Baghdad airport" is placed there,
	// though the parser hangs the place from "followed", not from the
	// event's noun.
	if r := find(recs, "USA", "18", "IRN"); r != nil && (r.Location == nil || r.Location.Name != "Baghdad") {
		t.Errorf("the assassination placed at %+v, want Baghdad", r.Location)
	}
	for _, r := range recs {
		if strings.Contains(r.Sentence.Text, "did not rule out") && r.Mode == event.Asserted && strings.Contains(r.Evidence.Verb, "rule") {
			t.Errorf("an asserted event from %q", r.Sentence.Text)
		}
	}
}

func ExamplePipeline_Code() {
	a, _ := nlp.Default()
	d, _ := dict.Default()
	p, err := pipeline.New(pipeline.Options{Analyzer: a, Dicts: d})
	if err != nil {
		fmt.Println(err)
		return
	}
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	res, _ := p.Code(context.Background(), &event.Document{Text: "Kenyan police arrested twelve protesters on Friday.", Published: pub})
	for _, r := range res.Records {
		fmt.Println(r.Source.Code, r.Code, r.Target.Code, r.Date)
	}
	// Output: KENCOP 173 KENOPP 2024-03-08
}
