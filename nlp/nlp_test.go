package nlp

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/annals/annals/nlp/internal/shared"
)

func TestProcess(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Iraqi protesters marched against the US in Baghdad. Police arrested 12 people on Tuesday."
	sents, err := p.Process(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	for _, s := range sents {
		roots := 0
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q has offsets %d:%d", tok.Text, tok.Start, tok.End)
			}
			if tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" || tok.Rel == "" {
				t.Errorf("token %+v is not fully annotated", tok)
			}
			if tok.Head < 0 || tok.Head > len(s.Tokens) {
				t.Errorf("token %q has head %d", tok.Text, tok.Head)
			}
			if tok.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("sentence %q has %d roots", s.Text, roots)
		}
	}
	// "protesters" is the subject of "marched", "Baghdad" an oblique of it.
	toks := sents[0].Tokens
	rel := func(i int) string { return toks[i].Rel + " of " + toks[toks[i].Head-1].Text }
	if got := rel(1); got != "nsubj of marched" {
		t.Errorf("protesters: %s", got)
	}
	if got := rel(7); got != "obl of marched" {
		t.Errorf("Baghdad: %s", got)
	}
	if toks[2].Lemma != "march" {
		t.Errorf("lemma of marched = %q", toks[2].Lemma)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Process(ctx, text); err == nil {
		t.Error("Process with a cancelled context succeeded")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err != nil {
		t.Fatalf("an empty directory keeps the embedded models: %v", err)
	}
	bad := filepath.Join(dir, ParserFile)
	if err := os.WriteFile(bad, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("Load with a corrupt %s: error %v, want one naming the file", ParserFile, err)
	}
}

// BenchmarkPipeline runs the whole language layer on BBC news articles and
// reports tokens per wall-clock second, tokens per CPU-second (the figure
// to compare on a loaded machine) and the peak resident memory of the
// process, models included.
func BenchmarkPipeline(b *testing.B) {
	path := shared.File(b, "news/bbc/bbc_news_2004_2005.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(texts) < 300 {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	f.Close()
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	tokens := 0
	cpu0 := cpuSeconds(b)
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			sents, err := p.Process(ctx, text)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range sents {
				tokens += len(s.Tokens)
			}
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens)/(cpuSeconds(b)-cpu0), "tokens/cpu-s")
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB") // Maxrss is in KiB on Linux
	}
}

// cpuSeconds returns the CPU time the process has used, user and system.
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
