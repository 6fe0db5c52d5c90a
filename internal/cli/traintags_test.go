package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tag"
)

// tagCacheTrain is a made-up treebank of four sentences.
const tagCacheTrain = `1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_

1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	protesters	protester	NOUN	NNS	_	2	obj	_	_

1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	resigned	resign	VERB	VBD	_	0	root	_	_

1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	_
3	Kabul	Kabul	PROPN	NNP	_	2	obj	_	_
`

func TestJackknifedTagsCache(t *testing.T) {
	train, err := conllu.ReadAll(strings.NewReader(tagCacheTrain), "train")
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(t.TempDir(), "tags.conllu")
	opt := tag.TrainOptions{Epochs: 1, Seed: 1}
	var out bytes.Buffer
	env := &Env{Stdout: &out}
	first, err := jackknifedTags(t.Context(), env, train, cache, 2, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "written to") {
		t.Fatalf("first run did not write the cache: %q", out.String())
	}
	out.Reset()
	again, err := jackknifedTags(t.Context(), env, train, cache, 2, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "read from") {
		t.Fatalf("second run did not read the cache: %q", out.String())
	}
	for i := range first {
		for k, a := range first[i].Tokens {
			b := again[i].Tokens[k]
			if a.UPOS != b.UPOS || a.XPOS != b.XPOS || b.Head != train[i].Tokens[k].Head || b.Rel != train[i].Tokens[k].Rel {
				t.Errorf("sentence %d word %d: jackknifed %s/%s, from the cache %s/%s head %d %s", i, k, a.UPOS, a.XPOS, b.UPOS, b.XPOS, b.Head, b.Rel)
			}
		}
	}

	// Other options, or other training words, refuse the file.
	if _, err := jackknifedTags(t.Context(), env, train, cache, 3, opt); err == nil || !strings.Contains(err.Error(), "not written by this jackknifing") {
		t.Errorf("3 folds read a 2-fold cache: %v", err)
	}
	other := append([]*event.Sentence(nil), train...)
	s := *other[1]
	s.Tokens = append([]event.Token(nil), s.Tokens...)
	s.Tokens[2].Text = "students"
	other[1] = &s
	if _, err := jackknifedTags(t.Context(), env, other, cache, 2, opt); err == nil || !strings.Contains(err.Error(), `"protesters"`) {
		t.Errorf("other words read the cache: %v", err)
	}
	if _, err := jackknifedTags(t.Context(), env, train[:3], cache, 2, opt); err == nil || !strings.Contains(err.Error(), "holds 4 sentences") {
		t.Errorf("fewer sentences read the cache: %v", err)
	}
	if _, err := os.Stat(cache); err != nil {
		t.Fatal(err)
	}
}
