package testshared

import (
	"os"
	"testing"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
)

// EWTDev returns the sentences of the English Web Treebank's dev set in the
// shared folder, the gold set the language models are checked on, or skips
// tb when it is missing. A file that does not parse fails tb.
func EWTDev(tb testing.TB) []*event.Sentence {
	tb.Helper()
	path := File(tb, "corpora/ud_english_ewt/en_ewt-ud-dev.conllu")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}
