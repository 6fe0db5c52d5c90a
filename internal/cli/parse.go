package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/nlp"
)

func parseCommand() *Command {
	c := &Command{
		Name:  "parse",
		Usage: "[--models DIR] [FILE|-]",
		Short: "tokenize, tag, lemmatize and parse text; CoNLL-U out",
	}
	c.Run = func(ctx context.Context, env *Env, args []string) error {
		fs := newFlags(env, c)
		models := fs.String("models", "", "directory of model files replacing the embedded ones")
		timing := fs.Bool("timing", false, `print "timing TOKENS SECONDS" of the analysis (models loaded before) on stderr`)
		pos, err := parseFlags(fs, args)
		if err != nil {
			return err
		}
		name := "-"
		switch len(pos) {
		case 0:
		case 1:
			name = pos[0]
		default:
			fs.Usage()
			return ErrUsage
		}
		p, err := loadPipeline(*models)
		if err != nil {
			return err
		}
		in, err := openInput(env, name)
		if err != nil {
			return err
		}
		text, err := io.ReadAll(io.LimitReader(in, maxParseInput+1))
		in.Close()
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		if err := checkText(name, text); err != nil {
			return err
		}
		start := time.Now()
		sents, err := p.Process(ctx, string(text))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if *timing {
			tokens := 0
			for i := range sents {
				tokens += len(sents[i].Tokens)
			}
			fmt.Fprintf(env.Stderr, "timing %d %.3f\n", tokens, time.Since(start).Seconds())
		}
		for i := range sents {
			if err := conllu.Write(env.Stdout, &sents[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// maxParseInput bounds the text "annals parse" reads at once.
const maxParseInput = 256 << 20

// checkText rejects input that is not text: too large, invalid UTF-8 or
// with NUL bytes (binary).
func checkText(name string, b []byte) error {
	if len(b) > maxParseInput {
		return fmt.Errorf("%s: larger than %d MiB; split it", name, maxParseInput>>20)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%s: NUL byte at offset %d: binary, not text", name, i)
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return fmt.Errorf("%s: invalid UTF-8 at byte offset %d", name, i)
	}
	return nil
}

// loadPipeline returns the language pipeline with the embedded models, or
// with those of dir when it is not empty.
func loadPipeline(dir string) (*nlp.Pipeline, error) {
	if dir == "" {
		return nlp.Default()
	}
	return nlp.Load(dir)
}
