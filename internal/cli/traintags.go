package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tag"
)

// jackknifeCache names the jackknifing that wrote a file of training tags,
// so that a file written with other folds, epochs or seed is refused
// instead of silently reused. It is the file's first line.
func jackknifeCache(folds int, opt tag.TrainOptions) string {
	return fmt.Sprintf("# annals jackknifed training tags: folds %d, tagger epochs %d, seed %d, clusters %d words",
		folds, opt.Epochs, opt.Seed, len(opt.Clusters))
}

// jackknifedTags gives the training sentences with the tags of 5-fold (or
// folds-fold) jackknifing. Jackknifing trains one tagger per fold, the
// slow part of training the parser, so with a cache path the tags are
// read from that CoNLL-U file when it exists, and written to it after
// jackknifing when it does not. The gold trees always come from train.
func jackknifedTags(ctx context.Context, env *Env, train []*event.Sentence, cache string, folds int, opt tag.TrainOptions) ([]*event.Sentence, error) {
	header := jackknifeCache(folds, opt)
	if cache != "" {
		cached, err := readTagCache(cache, header)
		if err == nil {
			fmt.Fprintf(env.Stdout, "training tags read from %s\n", cache)
			return withTags(train, cached, cache)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	fmt.Fprintf(env.Stdout, "jackknifing tags of %d training sentences in %d folds\n", len(train), folds)
	tagged, err := tag.Jackknife(ctx, train, folds, opt)
	if err != nil || cache == "" {
		return tagged, err
	}
	if err := writeModel(cache, func(f *os.File) error { return writeTagCache(f, header, tagged) }); err != nil {
		return nil, err
	}
	fmt.Fprintf(env.Stdout, "training tags written to %s\n", cache)
	return tagged, nil
}

func writeTagCache(w io.Writer, header string, sents []*event.Sentence) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, header)
	for _, s := range sents {
		if err := conllu.Write(bw, s); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// readTagCache reads a file written by writeTagCache, refusing one whose
// first line is not header.
func readTagCache(path, header string) ([]*event.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	first, err := br.ReadString('\n')
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if got := strings.TrimSpace(first); got != header {
		return nil, fmt.Errorf("%s was not written by this jackknifing: it says %q, this run would write %q; remove it to jackknife again", path, got, header)
	}
	return conllu.ReadAll(br, path)
}

// withTags copies train with the tags of cached, which must hold the same
// sentences with the same words.
func withTags(train, cached []*event.Sentence, path string) ([]*event.Sentence, error) {
	if len(cached) != len(train) {
		return nil, fmt.Errorf("%s holds %d sentences, the training data %d; remove it to jackknife again", path, len(cached), len(train))
	}
	out := make([]*event.Sentence, len(train))
	for i, g := range train {
		c := cached[i]
		if len(c.Tokens) != len(g.Tokens) {
			return nil, fmt.Errorf("%s: sentence %d (%s) has %d words, the training data %d; remove it to jackknife again", path, i+1, c.ID, len(c.Tokens), len(g.Tokens))
		}
		s := *g
		s.Tokens = append([]event.Token(nil), g.Tokens...)
		for k := range s.Tokens {
			if c.Tokens[k].Text != s.Tokens[k].Text {
				return nil, fmt.Errorf("%s: sentence %d (%s) word %d is %q, in the training data %q; remove it to jackknife again", path, i+1, c.ID, k+1, c.Tokens[k].Text, s.Tokens[k].Text)
			}
			s.Tokens[k].UPOS, s.Tokens[k].XPOS = c.Tokens[k].UPOS, c.Tokens[k].XPOS
		}
		out[i] = &s
	}
	return out, nil
}
