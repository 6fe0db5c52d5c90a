package gold

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/eval/corpus"
	"github.com/annals/annals/eval/events"
	"github.com/annals/annals/internal/testshared"
)

// listed is one row of news-dev-articles.tsv.
type listed struct {
	batch, topic, published, file, key, title string
}

var (
	actorRE  = regexp.MustCompile(`^([A-Z]{3})+$`)
	countryR = regexp.MustCompile(`^[A-Z]{3}$`)
	batchRE  = regexp.MustCompile(`^[1-5]$`)
)

// heldOut are the articles no gold may hold: the 2020 file is kept for
// independent measurement, and two 2019 articles for testing.
var heldOut = []string{
	"Iran's President Rouhani tells foreign powers to leave Persian Gulf",
	"Coalition authorities report no casualties from missile strike on Iraqi air base",
}

// statementCodes are the root-01 codes the codebook admits (section 1.2);
// plain statements (010, 011) and bare comments (012, 013) are no events.
var statementCodes = map[string]bool{"014": true, "015": true, "016": true, "017": true, "018": true}

// checkEvent returns what events.Read leaves unchecked in event e of an
// article published on published whose text is text: the codebook's rules
// on codes, actor codes, modes, dates and places, and the evidence.
func checkEvent(e events.Event, text, published string) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if len(e.Source) == 0 || len(e.Target) == 0 {
		return nil // events.Read reports it
	}
	seen := map[string]bool{}
	for _, r := range e.Root {
		seen[r] = true
	}
	switch {
	case !cameo.Valid(e.Code):
		bad("code %q is not a CAMEO code", e.Code)
	case !seen[cameo.Root(e.Code)]:
		bad("code %s: its root is not among the roots %v", e.Code, e.Root)
	case cameo.Root(e.Code) == "01" && !statementCodes[e.Code]:
		bad("code %s: only 014-018 of root 01 are events (codebook 1.2)", e.Code)
	}
	if !actorRE.MatchString(e.SourceCode) {
		bad("source code %q is not a CAMEO actor code", e.SourceCode)
	} else if k := e.Source[0]; k != "---" && !strings.HasPrefix(e.SourceCode, k) {
		bad("source code %s does not start with the best source key %s", e.SourceCode, k)
	}
	switch k := e.Target[0]; {
	case k == "" && e.TargetCode != "":
		bad("target code %q given but the best target is none", e.TargetCode)
	case k != "" && !actorRE.MatchString(e.TargetCode):
		bad("target code %q is not a CAMEO actor code", e.TargetCode)
	case k != "" && k != "---" && !strings.HasPrefix(e.TargetCode, k):
		bad("target code %s does not start with the best target key %s", e.TargetCode, k)
	}
	switch e.Mode {
	case "", "negated", "future", "intended":
	case "hypothetical":
		bad("hypothetical events are not recorded (codebook 5)")
	default:
		bad("mode %q is not one of \"\", future, intended, negated", e.Mode)
	}
	if e.Date != "" {
		if !validDate(e.Date) {
			bad("date %q is not a YYYY-MM-DD, YYYY-MM or YYYY date", e.Date)
		} else if e.Mode != "future" && e.Mode != "intended" && published != "" && e.Date > published {
			bad("date %s is after publication (%s) but the event is not future or intended", e.Date, published)
		}
	}
	if p := e.Place; p != nil {
		switch {
		case p.Name == "" || !countryR.MatchString(p.Country):
			bad("place needs a name and a three-letter country: %+v", *p)
		case (p.Lat == nil) != (p.Lon == nil):
			bad("place %s has one coordinate", p.Name)
		case p.Lat != nil && (*p.Lat < -90 || *p.Lat > 90 || *p.Lon < -180 || *p.Lon > 180):
			bad("place %s: coordinates %v, %v out of range", p.Name, *p.Lat, *p.Lon)
		}
	}
	if strings.TrimSpace(e.Evidence) == "" {
		bad("no evidence")
	} else if !strings.Contains(text, e.Evidence) {
		bad("evidence is not in the text: %q", e.Evidence)
	}
	return errs
}

func validDate(d string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(d) == len(layout) {
			if _, err := time.Parse(layout, d); err == nil {
				return true
			}
		}
	}
	return false
}

// checkArticle returns what is wrong with article a, whose text is text:
// each event, and the order of the events in the text.
func checkArticle(a events.Article, text string) []error {
	var errs []error
	if a.Coder == "" {
		errs = append(errs, errors.New("no coder"))
	}
	last := 0
	for i, e := range a.Events {
		for _, err := range checkEvent(e, text, a.Published) {
			errs = append(errs, fmt.Errorf("event %d: %w", i+1, err))
		}
		if at := strings.Index(text, e.Evidence); at >= 0 {
			if at < last {
				errs = append(errs, fmt.Errorf("event %d: out of text order (its evidence starts at byte %d, the previous one's at %d)", i+1, at, last))
			}
			last = at
		}
	}
	return errs
}

func TestCheckEventFindsFaults(t *testing.T) {
	const text = "Police in Lisbon arrested two men on Friday."
	good := events.Event{
		Source: []string{"PRT"}, Root: []string{"17"}, Target: []string{"PRT"},
		Code: "173", SourceCode: "PRTCOP", TargetCode: "PRTCRM", Date: "2019-05-03",
		Evidence: "Police in Lisbon arrested two men",
	}
	if errs := checkEvent(good, text, "2019-05-05"); len(errs) > 0 {
		t.Fatalf("a sound event: %v", errs)
	}
	for _, tc := range []struct {
		name string
		edit func(e *events.Event)
		want string
	}{
		{"evidence not in the text", func(e *events.Event) { e.Evidence = "Police in Porto" }, "not in the text"},
		{"code outside the roots", func(e *events.Event) { e.Code = "112" }, "not among the roots"},
		{"plain statement", func(e *events.Event) { e.Root = []string{"01"}; e.Code = "010" }, "only 014-018"},
		{"source code of another country", func(e *events.Event) { e.SourceCode = "ESPCOP" }, "does not start with"},
		{"target code without a target", func(e *events.Event) { e.Target = []string{""} }, "best target is none"},
		{"hypothetical mode", func(e *events.Event) { e.Mode = "hypothetical" }, "not recorded"},
		{"unknown mode", func(e *events.Event) { e.Mode = "reported" }, "is not one of"},
		{"impossible date", func(e *events.Event) { e.Date = "2019-02-30" }, "is not a YYYY"},
		{"asserted event after publication", func(e *events.Event) { e.Date = "2019-06" }, "after publication"},
		{"place with one coordinate", func(e *events.Event) { lat := 38.7; e.Place = &events.Place{Name: "Lisbon", Country: "PRT", Lat: &lat} }, "one coordinate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := good
			tc.edit(&e)
			errs := checkEvent(e, text, "2019-05-05")
			if !strings.Contains(fmt.Sprint(errs), tc.want) {
				t.Errorf("errors %v, want one saying %q", errs, tc.want)
			}
		})
	}
	// A future event may lie after publication.
	e := good
	e.Date, e.Mode = "2019-06", "future"
	if errs := checkEvent(e, text, "2019-05-05"); len(errs) > 0 {
		t.Errorf("a future event after publication: %v", errs)
	}
}

// TestNewsDev checks news-dev.jsonl against the article list and the
// texts in the shared folder (whose hashes events.Corpus checks).
func TestNewsDev(t *testing.T) {
	list := readList(t, "news-dev-articles.tsv")
	texts := corpus.New(testshared.Shared(t))
	f, err := os.Open("news-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := events.Read(f, "news-dev.jsonl")
	if err != nil {
		t.Error(err)
	}
	if len(arts) == 0 {
		t.Fatal("news-dev.jsonl holds no article")
	}
	done := map[string]bool{}
	n := 0
	for i := range arts {
		a := &arts[i]
		id := a.File + " " + a.Key
		l, ok := list[id]
		switch {
		case !ok:
			t.Errorf("%s: not in news-dev-articles.tsv", a.Title)
			continue
		case done[id]:
			t.Errorf("%s: coded twice", a.Title)
		case a.Title != l.title || a.Published != l.published:
			t.Errorf("%s: title %q, published %q; the list has %q, %q", a.Title, a.Title, a.Published, l.title, l.published)
		}
		done[id] = true
		text, err := texts.Text(a.Ref)
		if err != nil {
			t.Error(err)
			continue
		}
		for _, err := range checkArticle(*a, text) {
			t.Errorf("%s: %v", a.Title, err)
		}
		n += len(a.Events)
	}
	t.Logf("%d of %d listed articles coded, %d events", len(done), len(list), n)
}

// readList reads the article list and checks its rows: known batches, no
// key twice, nothing held out.
func readList(t *testing.T, path string) map[string]listed {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if want := "batch\ttopic\tpublished\tfile\tkey\ttitle"; lines[0] != want {
		t.Fatalf("%s: header %q, want %q", path, lines[0], want)
	}
	out := map[string]listed{}
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			t.Errorf("%s:%d: %d fields, want 6", path, i+2, len(f))
			continue
		}
		l := listed{f[0], f[1], f[2], f[3], f[4], f[5]}
		if !batchRE.MatchString(l.batch) || l.topic == "" || !validDate(l.published) {
			t.Errorf("%s:%d: batch %q, topic %q, published %q", path, i+2, l.batch, l.topic, l.published)
		}
		if strings.Contains(l.file, "2020") {
			t.Errorf("%s:%d: %s is kept for independent measurement", path, i+2, l.file)
		}
		for _, h := range heldOut {
			if l.title == h {
				t.Errorf("%s:%d: %q is kept for testing", path, i+2, h)
			}
		}
		id := l.file + " " + l.key
		if _, dup := out[id]; dup {
			t.Errorf("%s:%d: %s listed twice", path, i+2, l.key)
		}
		out[id] = l
	}
	return out
}
