package testshared

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestShared(t *testing.T) {
	shared := Shared(t)
	if filepath.Base(shared) != "shared" {
		t.Errorf("Shared() = %s, want a folder named shared", shared)
	}
	if p := File(t, "news/bbc"); filepath.Dir(p) != filepath.Join(shared, "news") {
		t.Errorf("File(news/bbc) = %s, want it under %s", p, shared)
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !bytes.HasPrefix(mod, []byte("module github.com/annals/annals\n")) {
		t.Errorf("ModuleRoot() = %s, whose go.mod is not annals' (%v)", root, err)
	}
}

func TestBBCTexts(t *testing.T) {
	texts := BBCTexts(t)
	if len(texts) < 2000 {
		t.Fatalf("%d texts, want the 2000 and more articles of the corpus", len(texts))
	}
	for i, s := range texts {
		if s == "" {
			t.Errorf("text %d is empty", i)
		}
	}
}

func TestEWTDev(t *testing.T) {
	sents := EWTDev(t)
	if len(sents) < 2000 {
		t.Fatalf("%d sentences, want the 2000 and more of EWT dev", len(sents))
	}
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			t.Errorf("sentence %d has no tokens", i)
		}
	}
}

func TestGzip(t *testing.T) {
	for _, s := range []string{"", "annals-test-1\n\x00\xff"} {
		zr, err := gzip.NewReader(bytes.NewReader(Gzip(s)))
		if err != nil {
			t.Fatalf("Gzip(%q) is no gzip: %v", s, err)
		}
		if got, err := io.ReadAll(zr); err != nil || string(got) != s {
			t.Errorf("Gzip(%q) unzips to %q, %v", s, got, err)
		}
	}
}

func TestCoNLLU(t *testing.T) {
	got := CoNLLU(t, "Envoys envoy NOUN 2 nsubj", "met meet VERB 0 root VBD")
	want := "1\tEnvoys\tenvoy\tNOUN\t_\t_\t2\tnsubj\t_\t_\n" +
		"2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
	if got != want {
		t.Errorf("CoNLLU() = %q, want %q", got, want)
	}
}

func TestTree(t *testing.T) {
	s := Tree(t, "text/lemma/upos/head/rel", "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root them/they/PRON/2/obj")
	if len(s.Tokens) != 3 {
		t.Fatalf("%d tokens, want 3", len(s.Tokens))
	}
	got := s.Tokens[1]
	if got.ID != 2 || got.Text != "arrested" || got.Lemma != "arrest" || got.UPOS != "VERB" || got.Head != 0 || got.Rel != "root" {
		t.Errorf("token 2 = %+v", got)
	}
	if s := Tree(t, "text/xpos/head/rel", "and/CC/2/cc"); s.Tokens[0].XPOS != "CC" || s.Tokens[0].Head != 2 {
		t.Errorf("xpos tree: %+v", s.Tokens[0])
	}
}
