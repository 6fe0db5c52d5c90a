package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// collect runs Open and returns its items and warnings.
func collect(t *testing.T, inputs []string, opts Options) ([]Item, []string) {
	t.Helper()
	var warns []string
	opts.Warn = func(in, msg string) { warns = append(warns, in+": "+msg) }
	var items []Item
	for it := range Open(context.Background(), inputs, opts) {
		items = append(items, it)
	}
	return items, warns
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in, title, text string
	}{
		{"headline", "Rebels Seize Northern Town\n\nFighters took the town on Monday.", "Rebels Seize Northern Town", "Rebels Seize Northern Town\n\nFighters took the town on Monday."},
		{"sentence first line", "Fighters took the town on Monday.\nThey left on Tuesday.", "", "Fighters took the town on Monday.\nThey left on Tuesday."},
		{"lower-case start", "and then it rained\nmore text", "", "and then it rained\nmore text"},
		{"single line", "Only One Line", "", "Only One Line"},
		{"crlf and bom", "\ufeffTalks Resume\r\n\r\nBody text here.  \r\n", "Talks Resume", "Talks Resume\n\nBody text here."},
		{"comma end", "Minister says,\nthe talks go on", "", "Minister says,\nthe talks go on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ParseText([]byte(tt.in))
			if d.Title != tt.title || d.Text != tt.text {
				t.Errorf("got title %q text %q, want %q %q", d.Title, d.Text, tt.title, tt.text)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mon, 02 Jan 2006 15:04:05 +0000", "2006-01-02T15:04:05Z"},
		{"Mon, 2 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"Tue, 03 Mar 2020 10:00:00 EST", "2020-03-03T15:00:00Z"},
		{"Tuesday, 03 Mar 2020 10:00 -0500", "2020-03-03T15:00:00Z"},
		{"03 Mar 20 10:00:00 +0100", "2020-03-03T09:00:00Z"},
		{"2020-03-03T10:00:00Z", "2020-03-03T10:00:00Z"},
		{"2020-03-03T10:00:00.123+02:00", "2020-03-03T08:00:00.123Z"},
		{"2020-03-03T10:00:00+0200", "2020-03-03T08:00:00Z"},
		{"2020-03-03 10:00:00", "2020-03-03T10:00:00Z"},
		{"2020-03-03", "2020-03-03T00:00:00Z"},
		{"March 3, 2020", "2020-03-03T00:00:00Z"},
		{"Sept 3, 2020", "2020-09-03T00:00:00Z"},
		{"3 March 2020", "2020-03-03T00:00:00Z"},
		{"20200303", "2020-03-03T00:00:00Z"},
		{"  2020-03-03T10:00:00Z \n", "2020-03-03T10:00:00Z"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tt.want {
			t.Errorf("ParseDate(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2020-13-45", "Mon, 99 Foo 2020"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q): no error", bad)
		}
	}
}

func TestOpenFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":         "Ceasefire Holds\n\nThe ceasefire held overnight.",
		"sub/b.html":    `<html><head><title>Page B</title></head><body><p>The council met on Friday and agreed a budget for the coming year.</p></body></html>`,
		"sub/c.jsonl":   `{"id":"x1","text":"First record text."}` + "\n" + `{"id":"x2","content":"Second record text."}` + "\n",
		".hidden/d.txt": "Hidden text.",
		".e.txt":        "Hidden file.",
		"f.dat":         "Unknown type.",
		"g.txt":         "bin\x00ary",
		"h.txt":         "   \n  ",
	})
	items, warns := collect(t, []string{dir}, Options{})
	var ids, errs []string
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, filepath.Base(it.Input)+": "+it.Err.Error())
			continue
		}
		ids = append(ids, it.Doc.ID)
	}
	if len(ids) != 4 {
		t.Errorf("got %d documents %v, want 4 (a, b, c x2)", len(ids), ids)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "h.txt") || !strings.Contains(errs[0], "no text") {
		t.Errorf("errors = %q, want empty h.txt", errs)
	}
	if len(warns) != 2 || !strings.Contains(warns[0], "f.dat: skipped: unknown") || !strings.Contains(warns[1], "g.txt: skipped: binary") {
		t.Errorf("warnings = %q, want f.dat and g.txt skipped", warns)
	}
	// Named explicitly, a binary is an error.
	items, _ = collect(t, []string{filepath.Join(dir, "g.txt")}, Options{})
	if len(items) != 1 || !errors.Is(items[0].Err, ErrBinary) || !strings.Contains(items[0].Err.Error(), "g.txt") {
		t.Errorf("g.txt named: %+v", items)
	}
	for _, it := range items {
		if it.Doc != nil && strings.HasSuffix(it.Input, "a.txt") {
			if it.Doc.Title != "Ceasefire Holds" || it.Doc.URL != "file:"+filepath.Join(dir, "a.txt") || !strings.HasPrefix(it.Doc.ID, "d-") || len(it.Hash) != 64 {
				t.Errorf("a.txt: %+v hash %q", it.Doc, it.Hash)
			}
		}
	}
}

func TestOpenStdinSniffs(t *testing.T) {
	tests := []struct {
		name, in, title, text string
	}{
		{"text", "Talks Stall\n\nNegotiators left Geneva.", "Talks Stall", "Talks Stall\n\nNegotiators left Geneva."},
		{"html", "<!DOCTYPE html><title>T</title><p>Negotiators left Geneva without a deal on Thursday evening.</p>", "T", "Negotiators left Geneva without a deal on Thursday evening."},
		{"jsonl", `{"title":"J","body":"Negotiators left Geneva."}`, "J", "Negotiators left Geneva."},
		{"feed", `<rss version="2.0"><channel><title>F</title><item><title>I</title><description>Negotiators left Geneva.</description></item></channel></rss>`, "I", "Negotiators left Geneva."},
		{"json feed", "{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": \"F\",\n  \"items\": [{\"id\": \"1\", \"title\": \"I\",\n    \"content_text\": \"Negotiators left Geneva.\"}]\n}", "I", "Negotiators left Geneva."},
		{"json feed, escaped slashes", `{"version":"https:\/\/jsonfeed.org\/version\/1","title":"F","items":[{"id":"1","title":"I","content_html":"<p>Negotiators left Geneva.</p>"}]}`, "I", "Negotiators left Geneva."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, _ := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(tt.in)})
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items = %+v", items)
			}
			if d := items[0].Doc; d.Title != tt.title || d.Text != tt.text {
				t.Errorf("got %q %q, want %q %q", d.Title, d.Text, tt.title, tt.text)
			}
		})
	}
}

func TestLimitsAndRepair(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"big.txt":     strings.Repeat("word ", 100),
		"latin1.txt":  "Caf\xe9 Talks\n\nThe caf\xe9 closed.",
		"lines.jsonl": `{"text":"short"}` + "\n" + `{"text":"` + strings.Repeat("y", 200) + `"}` + "\n" + `{"text":"after"}` + "\n",
	})
	items, _ := collect(t, []string{filepath.Join(dir, "big.txt")}, Options{MaxBytes: 100})
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) || !strings.Contains(items[0].Err.Error(), "big.txt") {
		t.Errorf("big.txt: %+v, want ErrTooLarge naming the file", items)
	}
	items, warns := collect(t, []string{filepath.Join(dir, "latin1.txt")}, Options{})
	if len(items) != 1 || items[0].Err != nil || !utf8.ValidString(items[0].Doc.Text) || !strings.Contains(items[0].Doc.Text, "caf\uFFFD closed") {
		t.Errorf("latin1.txt: %+v", items)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "latin1.txt") {
		t.Errorf("warnings = %q", warns)
	}
	items, _ = collect(t, []string{filepath.Join(dir, "lines.jsonl")}, Options{MaxBytes: 100})
	if len(items) != 3 || items[0].Err != nil || !errors.Is(items[1].Err, ErrTooLarge) || !strings.HasSuffix(items[1].Input, "lines.jsonl:2") || items[2].Err != nil || items[2].Doc.Text != "after" {
		t.Errorf("lines.jsonl: %+v", items)
	}
}

func TestJSONL(t *testing.T) {
	src := strings.Join([]string{
		`{"id":"a1","url":"https://example.org/a","title":"A","published":"2020-01-24","text":"Alpha text."}`,
		`{"date":"Fri, 24 Jan 2020 10:00:00 GMT","content":"Beta text."}`,
		`not json`,
		``,
		`{"id":7,"body":"Gamma text."}`,
		`{"title":"no text"}`,
		`{"text":["wrong","type"]}`,
		`{"text":"Delta text.","published":"someday"}`,
	}, "\n")
	dir := writeFiles(t, map[string]string{"in.jsonl": src})
	items, warns := collect(t, []string{filepath.Join(dir, "in.jsonl")}, Options{})
	want := []struct {
		line string
		id   string // "" : error expected; "*" : any derived id
		text string
	}{
		{"1", "a1", "Alpha text."},
		{"2", "*", "Beta text."},
		{"3", "", ""},
		{"5", "7", "Gamma text."},
		{"6", "", ""},
		{"7", "", ""},
		{"8", "*", "Delta text."},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(want), items)
	}
	for i, w := range want {
		it := items[i]
		if !strings.HasSuffix(it.Input, "in.jsonl:"+w.line) {
			t.Errorf("item %d input %q, want line %s", i, it.Input, w.line)
		}
		if w.id == "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), "in.jsonl:"+w.line) {
				t.Errorf("item %d: err %v, want one naming in.jsonl:%s", i, it.Err, w.line)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d: %v", i, it.Err)
			continue
		}
		if (w.id != "*" && it.Doc.ID != w.id) || it.Doc.Text != w.text {
			t.Errorf("item %d: id %q text %q", i, it.Doc.ID, it.Doc.Text)
		}
	}
	if got := items[0].Doc.Published.Format("2006-01-02"); got != "2020-01-24" {
		t.Errorf("published %s", got)
	}
	if got := items[1].Doc.Published.Format(time.RFC3339); got != "2020-01-24T10:00:00Z" {
		t.Errorf("published %s", got)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "someday") {
		t.Errorf("warnings %q, want the bad date", warns)
	}
}

func TestCSV(t *testing.T) {
	src := "url,date,title,text\n" +
		"https://example.org/1,2019-01-04,\"One, two\",\"First line.\n\nSecond paragraph.\"\n" +
		"https://example.org/2,2019-01-05,Three,\n" +
		"https://example.org/3,2019-01-06,Four,Fourth text.\n"
	dir := writeFiles(t, map[string]string{"w.csv": src, "nohead.csv": "a,b\n1,2\n"})
	items, _ := collect(t, []string{filepath.Join(dir, "w.csv"), filepath.Join(dir, "nohead.csv")}, Options{})
	if len(items) != 4 {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	if d := items[0].Doc; d == nil || d.Title != "One, two" || d.Text != "First line.\n\nSecond paragraph." || d.URL != "https://example.org/1" || d.Published.Format("2006-01-02") != "2019-01-04" {
		t.Errorf("row 1: %+v", items[0])
	}
	if items[1].Err == nil || !strings.HasSuffix(items[1].Input, "w.csv:5") {
		t.Errorf("row 2 without text: %+v, want an error at line 5", items[1])
	}
	if items[2].Doc == nil || items[2].Doc.Text != "Fourth text." {
		t.Errorf("row 3: %+v", items[2])
	}
	if items[3].Err == nil || !strings.Contains(items[3].Err.Error(), "nohead.csv") {
		t.Errorf("nohead.csv: %+v", items[3])
	}
}

func TestOpenCancelled(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "One.", "b.txt": "Two."})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	for range Open(ctx, []string{dir}, Options{}) {
		n++
		cancel()
	}
	if n != 1 {
		t.Errorf("got %d items after cancel, want 1", n)
	}
}
