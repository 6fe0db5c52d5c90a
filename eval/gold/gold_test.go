package gold

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/internal/testdata"
)

// article is one line of news-dev.jsonl, decoded strictly: a field the
// codebook does not define is an error.
type article struct {
	File       string  `json:"file"`
	Key        string  `json:"key"`
	Title      string  `json:"title"`
	Published  string  `json:"published"`
	TextSHA256 string  `json:"text_sha256"`
	Coder      string  `json:"coder"`
	Events     []event `json:"events"`
}

type event struct {
	Source     []string `json:"source"`
	Root       []string `json:"root"`
	Target     []string `json:"target"`
	Code       string   `json:"code"`
	SourceCode string   `json:"source_code"`
	TargetCode string   `json:"target_code"`
	Date       string   `json:"date"`
	Place      *place   `json:"place"`
	Evidence   string   `json:"evidence"`
	Mode       string   `json:"mode"`
	Note       string   `json:"note"`
}

type place struct {
	Name    string   `json:"name"`
	Country string   `json:"country"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
}

// listed is one row of news-dev-articles.tsv.
type listed struct {
	batch, topic, published, file, key, title string
}

var (
	keyRE    = regexp.MustCompile(`^([A-Z]{3}|[A-Z]{6}|---)$`)
	rootRE   = regexp.MustCompile(`^[0-9]{2}$`)
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

// checkEvent returns what is wrong with event e of an article published on
// published whose text is text.
func checkEvent(e event, text, published string) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if len(e.Source) == 0 || len(e.Root) == 0 || len(e.Target) == 0 {
		bad("source, root and target need at least one alternative")
		return errs
	}
	for _, k := range e.Source {
		if !keyRE.MatchString(k) {
			bad("source key %q is not a country, a six-letter IGO/NGO key or ---", k)
		}
	}
	for _, k := range e.Target {
		if k != "" && !keyRE.MatchString(k) {
			bad("target key %q is not a country, a six-letter IGO/NGO key, --- or \"\"", k)
		}
	}
	seen := map[string]bool{}
	for _, r := range e.Root {
		if !rootRE.MatchString(r) || !cameo.Valid(r) {
			bad("root %q is not a CAMEO root", r)
		}
		if seen[r] {
			bad("root %q listed twice", r)
		}
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
// its hash, each event, and the order of the events in the text.
func checkArticle(a article, text string) []error {
	var errs []error
	sum := sha256.Sum256([]byte(text))
	if got := hex.EncodeToString(sum[:]); got != a.TextSHA256 {
		errs = append(errs, fmt.Errorf("text_sha256 %s, the text's is %s", a.TextSHA256, got))
	}
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
	good := event{
		Source: []string{"PRT"}, Root: []string{"17"}, Target: []string{"PRT"},
		Code: "173", SourceCode: "PRTCOP", TargetCode: "PRTCRM", Date: "2019-05-03",
		Evidence: "Police in Lisbon arrested two men",
	}
	if errs := checkEvent(good, text, "2019-05-05"); len(errs) > 0 {
		t.Fatalf("a sound event: %v", errs)
	}
	for _, tc := range []struct {
		name string
		edit func(e *event)
		want string
	}{
		{"evidence not in the text", func(e *event) { e.Evidence = "Police in Porto" }, "not in the text"},
		{"key of four letters", func(e *event) { e.Source = []string{"PRTC"} }, "source key"},
		{"no target alternative", func(e *event) { e.Target = nil }, "at least one alternative"},
		{"root that is no CAMEO root", func(e *event) { e.Root = []string{"21"} }, "not a CAMEO root"},
		{"code outside the roots", func(e *event) { e.Code = "112" }, "not among the roots"},
		{"plain statement", func(e *event) { e.Root = []string{"01"}; e.Code = "010" }, "only 014-018"},
		{"source code of another country", func(e *event) { e.SourceCode = "ESPCOP" }, "does not start with"},
		{"target code without a target", func(e *event) { e.Target = []string{""} }, "best target is none"},
		{"hypothetical mode", func(e *event) { e.Mode = "hypothetical" }, "not recorded"},
		{"unknown mode", func(e *event) { e.Mode = "reported" }, "is not one of"},
		{"impossible date", func(e *event) { e.Date = "2019-02-30" }, "is not a YYYY"},
		{"asserted event after publication", func(e *event) { e.Date = "2019-06" }, "after publication"},
		{"place with one coordinate", func(e *event) { lat := 38.7; e.Place = &place{Name: "Lisbon", Country: "PRT", Lat: &lat} }, "one coordinate"},
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
// texts in the shared folder.
func TestNewsDev(t *testing.T) {
	list := readList(t, "news-dev-articles.tsv")
	shared := testdata.Shared(t)
	f, err := os.Open("news-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := map[string]map[string]text{}
	done := map[string]bool{}
	events := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var a article
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Errorf("news-dev.jsonl:%d: %v", n, err)
			continue
		}
		name := fmt.Sprintf("news-dev.jsonl:%d (%s)", n, a.Title)
		id := a.File + " " + a.Key
		l, ok := list[id]
		if !ok {
			t.Errorf("%s: not in news-dev-articles.tsv", name)
			continue
		}
		if done[id] {
			t.Errorf("%s: the article is coded twice", name)
		}
		done[id] = true
		if a.Title != l.title || a.Published != l.published {
			t.Errorf("%s: title %q, published %q; the list has %q, %q", name, a.Title, a.Published, l.title, l.published)
		}
		byKey, ok := texts[a.File]
		if !ok {
			byKey = readTexts(t, filepath.Join(shared, a.File))
			texts[a.File] = byKey
		}
		tx, ok := byKey[a.Key]
		if !ok {
			t.Errorf("%s: no article %q in %s", name, a.Key, a.File)
			continue
		}
		if tx.date != a.Published {
			t.Errorf("%s: published %q, the file says %q", name, a.Published, tx.date)
		}
		for _, err := range checkArticle(a, tx.text) {
			t.Errorf("%s: %v", name, err)
		}
		events += len(a.Events)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(done) == 0 {
		t.Fatal("news-dev.jsonl holds no article")
	}
	t.Logf("%d of %d listed articles coded, %d events", len(done), len(list), events)
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

type text struct{ date, text string }

// readTexts reads the texts of a Wikinews CSV (url,date,title,text) or of
// the BBC JSON Lines file (id, text), by key.
func readTexts(t *testing.T, path string) map[string]text {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]text{}
	if strings.HasSuffix(path, ".jsonl") {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var rec struct{ ID, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			out[rec.ID] = text{text: rec.Text}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if strings.Join(head, ",") != "url,date,title,text" {
		t.Fatalf("%s: header %v, want url,date,title,text", path, head)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[rec[0]] = text{date: rec[1], text: rec[3]}
	}
	return out
}
