package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/lemma"
	"github.com/annals/annals/nlp/ner"
	"github.com/annals/annals/nlp/parse"
	"github.com/annals/annals/nlp/tag"
)

func trainCommand() *Command {
	return &Command{
		Name:  "train",
		Usage: "{tagger|parser|lemma} [--train FILE,...] [--dev FILE] [--out FILE] [--epochs N] [--seed N]",
		Short: "train the part-of-speech tagger, dependency parser or lemmatizer on CoNLL-U files",
		Run: func(ctx context.Context, env *Env, args []string) error {
			return subcommand(ctx, env, "train", map[string]func(context.Context, *Env, []string) error{
				"tagger": trainTagger,
				"parser": trainParser,
				"lemma":  trainLemma,
				"ner":    trainNER,
			}, args)
		},
	}
}

// Default training data, relative to the working directory (the repository
// root): UD English EWT and the CC-BY part of GUM.
const (
	ewtDir       = "../shared/corpora/ud_english_ewt/"
	defaultTrain = ewtDir + "en_ewt-ud-train.conllu,../shared/corpora/ud_english_gum/en_gum-ud-train.ccby.conllu"
	defaultDev   = ewtDir + "en_ewt-ud-dev.conllu"
)

type trainFlags struct {
	train, dev, out string
	epochs          int
	seed            uint64
}

// addTrainFlags registers the flags every CoNLL-U trainer takes, with the
// model's default output file, epochs and what its random seed drives.
func addTrainFlags(fs *flag.FlagSet, out string, epochs int, seedUse string) *trainFlags {
	f := &trainFlags{}
	fs.StringVar(&f.train, "train", defaultTrain, "comma-separated CoNLL-U training files")
	fs.StringVar(&f.dev, "dev", defaultDev, "CoNLL-U file scored after each epoch (\"\" for none)")
	fs.StringVar(&f.out, "out", out, "where to write the gzipped model")
	fs.IntVar(&f.epochs, "epochs", epochs, "passes over the training data")
	fs.Uint64Var(&f.seed, "seed", 1, "random seed ("+seedUse+")")
	return f
}

func parseTrainFlags(env *Env, name, out string, epochs int, args []string) (*trainFlags, error) {
	c := &Command{Name: "train " + name, Usage: "[flags]", Short: "train the " + name + " on CoNLL-U files"}
	fs := newFlags(env, c)
	f := addTrainFlags(fs, out, epochs, "shuffling")
	if _, err := parseFlags(fs, args); err != nil {
		return nil, err
	}
	return f, nil
}

// sentences reads the training and the dev files.
func (f *trainFlags) sentences() (train, dev []*event.Sentence, err error) {
	if train, err = readCoNLLU(strings.Split(f.train, ",")...); err != nil {
		return nil, nil, err
	}
	if dev, err = readCoNLLU(f.dev); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// readCoNLLU reads every sentence of the named files.
func readCoNLLU(names ...string) ([]*event.Sentence, error) {
	var all []*event.Sentence
	for _, n := range names {
		if n == "" {
			continue
		}
		s, err := readFile(n, conllu.ReadAll)
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

// writeModel writes a model through save to path, creating its directory.
func writeModel(path string, save func(f *os.File) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := save(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

func trainTagger(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "train tagger", Usage: "[flags]", Short: "train the tagger on CoNLL-U files"}
	fs := newFlags(env, c)
	f := addTrainFlags(fs, "nlp/tag/model/tagger.gz", 8, "shuffling")
	clustersFrom := fs.String("clusters-from", "nlp/ner/model/ner.gz", "named-entity model whose word clusters the tagger reads and keeps (\"\" for none)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	train, dev, err := f.sentences()
	if err != nil {
		return err
	}
	var clusters cluster.Clusters
	if *clustersFrom != "" {
		r, err := ner.LoadFile(*clustersFrom)
		if err != nil {
			return err
		}
		clusters = r.Clusters()
	}
	t, err := tag.Train(ctx, train, dev, tag.TrainOptions{Epochs: f.epochs, Seed: f.seed, Clusters: clusters, Log: env.Stdout})
	if err != nil {
		return err
	}
	return writeModel(f.out, func(w *os.File) error { return t.Save(w) })
}

func trainParser(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "train parser", Usage: "[flags]", Short: "train the dependency parser on CoNLL-U files"}
	fs := newFlags(env, c)
	f := addTrainFlags(fs, "nlp/parse/model/parser.gz", 10, "shuffling, exploration")
	taggerPath := fs.String("tagger", "nlp/tag/model/tagger.gz", "tagger that tags the dev file")
	folds := fs.Int("folds", 5, "jackknifing folds: the training tags come from taggers trained on the other folds")
	taggerEpochs := fs.Int("tagger-epochs", 8, "epochs of the jackknifing taggers (as for the tagger)")
	taggerSeed := fs.Uint64("tagger-seed", 1, "random seed of the jackknifing taggers (--seed drives the parser's)")
	pruneLoss := fs.Float64("prune-loss", 0.003, "dev LAS the parser may lose to pruning small weights")
	trainTags := fs.String("train-tags", "", "CoNLL-U file caching the jackknifed training tags: read when it exists, written after jackknifing when it does not (\"\" for no cache)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	train, dev, err := f.sentences()
	if err != nil {
		return err
	}
	tf, err := os.Open(*taggerPath)
	if err != nil {
		return err
	}
	tagger, err := tag.Load(tf)
	tf.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *taggerPath, err)
	}
	for _, s := range dev {
		tagger.Tag(s)
	}
	train, err = jackknifedTags(ctx, env, train, *trainTags, *folds, tag.TrainOptions{Epochs: *taggerEpochs, Seed: *taggerSeed, Clusters: tagger.Clusters()})
	if err != nil {
		return err
	}
	p, err := parse.Train(ctx, train, dev, parse.TrainOptions{Epochs: f.epochs, Seed: f.seed, PruneLoss: *pruneLoss, Log: env.Stdout})
	if err != nil {
		return err
	}
	return writeModel(f.out, func(w *os.File) error { return p.Save(w) })
}

func trainLemma(ctx context.Context, env *Env, args []string) error {
	f, err := parseTrainFlags(env, "lemma", "nlp/lemma/model/lemma.gz", 0, args)
	if err != nil {
		return err
	}
	train, dev, err := f.sentences()
	if err != nil {
		return err
	}
	l := lemma.Train(train, 2)
	if len(dev) > 0 {
		fmt.Fprintf(env.Stdout, "dev lemma accuracy (gold tags): %.4f\n", l.Accuracy(dev))
	}
	return writeModel(f.out, func(w *os.File) error { return l.Save(w) })
}
