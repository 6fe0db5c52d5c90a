package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	text := "Ministers met on Tuesday.\nThey agreed."
	csv := "url,date,title,text\nhttps://example.org/a,2019-01-02,A,\"" + text + "\"\n"
	if err := os.WriteFile(filepath.Join(dir, "news.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	jsonl := `{"id":"b-1","title":"B","text":"Police arrested twelve people."}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "news.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	c := New(dir)
	got, err := c.Text(Ref{File: "news.csv", Key: "https://example.org/a", TextSHA256: sha(text)})
	if err != nil || got != text {
		t.Fatalf("Text from CSV = %q, %v", got, err)
	}
	if _, err := c.Text(Ref{File: "news.csv", Key: "https://example.org/a", TextSHA256: sha("other")}); err == nil || !strings.Contains(err.Error(), "hash") {
		t.Errorf("a changed text: error %v, want a hash error", err)
	}
	if _, err := c.Text(Ref{File: "news.csv", Key: "missing", TextSHA256: sha(text)}); err == nil {
		t.Error("a missing key gave no error")
	}
	if got, err := c.Text(Ref{File: "news.jsonl", Key: "b-1", TextSHA256: sha("Police arrested twelve people.")}); err != nil || got != "Police arrested twelve people." {
		t.Errorf("Text from JSON Lines = %q, %v", got, err)
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestReadLines(t *testing.T) {
	type rec struct {
		Ref
		N int `json:"n"`
	}
	check := func(r *rec, _ int) error { return r.Check() }
	in := `{"file":"a.csv","key":"k","text_sha256":"00","n":1}` + "\n\n" + `{"file":"a.csv","n":2}` + "\n" + `{"file":"a.csv","key":"k","text_sha256":"00","extra":1}` + "\n"
	got, err := ReadLines(strings.NewReader(in), "g.jsonl", check)
	if len(got) != 1 || got[0].N != 1 || got[0].File != "a.csv" {
		t.Errorf("ReadLines kept %+v, want the first line only", got)
	}
	for _, want := range []string{"g.jsonl:3: file, key and text_sha256 are required", `g.jsonl:4: json: unknown field "extra"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want it to hold %q", err, want)
		}
	}
}
