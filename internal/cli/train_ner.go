package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/annals/annals/dict"
	evalner "github.com/annals/annals/eval/ner"
	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/ner"
	"github.com/annals/annals/nlp/tag"
)

// Default data of the named-entity recognizer, relative to the repository
// root (docs/models.md). The word clusters also learn from news that is
// not openly licensed (BBC, Reuters-21578, PolNeAR train): the issue
// allows such text for clusters, which ship only as statistics, never for
// labels.
const (
	nerCorpora = "../shared/corpora/"
	nerNews    = "../shared/news/"
	// UNER EWT dev chose the features and settings; the shipped model then
	// learned from it too, so --dev is empty by default.
	nerTrainFiles = nerCorpora + "uner_english_ewt/en_ewt-ud-train.approx.iob2," + nerCorpora + "uner_english_ewt/en_ewt-ud-dev.iob2," +
		nerCorpora + "wnut17/wnut17train.conll"
	nerDevFile   = ""
	nerTextFiles = nerNews + "wikinews/wikinews_2019.csv," +
		nerNews + "labeled/geoparsing/GeoVirus.xml," +
		nerNews + "labeled/causal_news_corpus/train_subtask1.csv," + nerNews + "labeled/causal_news_corpus/dev_subtask1.csv," +
		nerNews + "labeled/causal_news_corpus/test_subtask1_text.csv," +
		nerCorpora + "ud_english_ewt/en_ewt-ud-train.conllu," + nerCorpora + "ud_english_gum/en_gum-ud-train.ccby.conllu," +
		nerNews + "bbc/bbc_news_2004_2005.jsonl," + nerNews + "labeled/polnear/data/train/text"
)

// nerText is the default unlabelled text: nerTextFiles and the 22 SGML
// files of Reuters-21578.
func nerText() string {
	var b strings.Builder
	b.WriteString(nerTextFiles)
	for i := range 22 {
		fmt.Fprintf(&b, ",%sreuters21578/reut2-%03d.sgm", nerNews, i)
	}
	return b.String()
}

// trainNER trains the named-entity recognizer.
func trainNER(ctx context.Context, env *Env, args []string) error {
	c := &Command{Name: "train ner", Usage: "[--train FILES] [--dev FILE] [--out FILE] [--epochs N] [--seed N] [--clusters-from MODEL]",
		Short: "train the named-entity recognizer (UNER/WNUT/CoNLL-2003 columns or GUM CoNLL-U)"}
	fs := newFlags(env, c)
	train := fs.String("train", nerTrainFiles, "comma-separated annotated training files")
	dev := fs.String("dev", nerDevFile, "annotated file scored after each epoch (\"\" for none)")
	out := fs.String("out", "nlp/ner/model/ner.gz", "where to write the gzipped model")
	epochs := fs.Int("epochs", ner.DefaultTrainOptions.Epochs, "passes over the training data")
	seed := fs.Uint64("seed", ner.DefaultTrainOptions.Seed, "random seed (shuffling, dropout, clusters)")
	text := fs.String("text", nerText(), "comma-separated openly licensed unlabelled text for word clusters (\"\" for none)")
	clustersFrom := fs.String("clusters-from", "", "model file whose word clusters to reuse instead of learning them from --text")
	geonames := fs.String("geonames", nerCorpora+"geonames", "GeoNames folder for the gazetteer (\"\" for none)")
	countries := fs.String("countries", nerCorpora+"countries", "folder with mordecai.nat_df.csv (nationality adjectives)")
	actors := fs.Bool("actors", true, "add the names of the embedded dictionaries' actors to the gazetteer")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	tagger, err := tag.Default()
	if err != nil {
		return err
	}
	var devSents []event.Sentence
	if *dev != "" {
		if devSents, err = ner.ReadFile(*dev); err != nil {
			return err
		}
		tagAll(tagger, devSents)
	}
	src := ner.Sources{Train: splitList(*train), Unlabelled: splitList(*text), Geonames: *geonames, Countries: *countries, Prepare: tagger.Tag}
	if *actors {
		set, err := dict.Default()
		if err != nil {
			return err
		}
		src.Actors = actorNames(set)
	}
	if *clustersFrom != "" {
		if src.ClustersFrom, err = ner.LoadFile(*clustersFrom); err != nil {
			return err
		}
	}
	copt := cluster.DefaultOptions
	copt.Seed = *seed
	topt := ner.DefaultTrainOptions
	topt.Epochs, topt.Seed = *epochs, *seed
	logf := func(format string, a ...any) { fmt.Fprintf(env.Stdout, format+"\n", a...) }
	r, err := ner.Build(ctx, src, copt, topt, logf, func(epoch int, r *ner.Recognizer) {
		if len(devSents) > 0 {
			m := evalner.Evaluate(r, devSents).Micro()
			logf("epoch %d: dev precision=%.4f recall=%.4f f1=%.4f", epoch, m.Precision(), m.Recall(), m.F1())
		}
	})
	if err != nil {
		return err
	}
	if err := writeModel(*out, func(f *os.File) error { return r.Save(f) }); err != nil {
		return err
	}
	logf("wrote %s", *out)
	return nil
}

// actorNames returns the names of the actors of set's actor dictionary
// (actors.txt in annals' format; the countries, capitals and demonyms of
// countries.txt come from GeoNames in the gazetteer already). A name that
// is a role word and another actor name ("President Barham Salih" beside
// "Barham Salih") is left out: UNER leaves titles out of names. An actor
// whose code starts with no country of the dictionary (IGO..., NGO...,
// IMG...) is a group.
func actorNames(set *dict.Set) []ner.ActorName {
	countries := map[string]bool{}
	var actors []*dict.Actor
	for _, a := range set.Actors.All() {
		if strings.HasSuffix(a.File, "countries.txt") {
			for _, c := range a.Codes {
				countries[c.Code] = true
			}
		} else if len(a.Codes) > 0 {
			actors = append(actors, a)
		}
	}
	names := map[string]bool{}
	wordsOf := func(p []dict.Word) []string {
		words := make([]string, len(p))
		for i, w := range p {
			words[i] = w.Text
		}
		return words
	}
	for _, a := range actors {
		for _, p := range a.Phrases {
			names[strings.Join(wordsOf(p), " ")] = true
		}
	}
	var out []ner.ActorName
	for _, a := range actors {
		group := !countries[a.Codes[0].Code[:min(3, len(a.Codes[0].Code))]]
		for _, p := range a.Phrases {
			if words := wordsOf(p); !titled(set.Agents, words, names) {
				out = append(out, ner.ActorName{Words: words, Group: group})
			}
		}
	}
	return out
}

// titled reports whether words are role words followed by one of names.
func titled(agents *dict.Agents, words []string, names map[string]bool) bool {
	for rest := words; len(rest) > 1; {
		m, ok := agents.Match(rest, 0)
		if !ok || m.End >= len(rest) {
			return false
		}
		if rest = rest[m.End:]; names[strings.Join(rest, " ")] {
			return true
		}
	}
	return false
}

// tagAll sets the part-of-speech tags the recognizer reads.
func tagAll(t *tag.Tagger, sents []event.Sentence) {
	for i := range sents {
		t.Tag(&sents[i])
	}
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
