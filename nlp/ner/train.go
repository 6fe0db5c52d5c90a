package ner

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/cluster"
	"github.com/annals/annals/nlp/perceptron"
)

// TrainOptions sets how a recognizer is trained.
type TrainOptions struct {
	Epochs int     // passes over the training sentences
	Seed   uint64  // shuffles the sentences before each pass
	Prune  float32 // averaged weights below this magnitude are dropped
	// Dropout is the chance that a training token's word identity is
	// hidden, so that the model also learns to find the names it has not
	// memorized from their shape, affixes, clusters and context; and,
	// independently, that its part-of-speech tag is, so that tagging
	// errors do not mislead it.
	Dropout float64
}

// DefaultTrainOptions are the settings of annals' shipped model.
var DefaultTrainOptions = TrainOptions{Epochs: 5, Seed: 1, Prune: 0.01, Dropout: 0.2}

// Train learns a recognizer from sentences whose tokens carry IOB2 tags
// (as the readers return them), with the given clusters and gazetteer
// (either may be nil). After each pass it calls progress, when not nil,
// with the averaged recognizer so far, which is how callers watch a dev
// set. The result is deterministic for given inputs and options.
func Train(ctx context.Context, sents []event.Sentence, clusters cluster.Clusters, gaz *Gazetteer, opt TrainOptions, progress func(epoch int, r *Recognizer)) (*Recognizer, error) {
	if len(sents) == 0 {
		return nil, errors.New("ner: no training sentences")
	}
	r := &Recognizer{clusters: clusters, gaz: gaz}
	n := len(sents)
	sents = slices.Clip(sents) // the copies below must not land in the caller's array
	for i := range n {
		if j, ok := joinHyphens(&sents[i]); ok {
			sents = append(sents, j)
		}
		if t, ok := bareTitles(&sents[i]); ok {
			sents = append(sents, t)
		}
	}
	gold := make([][]int, len(sents))
	for i := range sents {
		tags := make([]string, len(sents[i].Tokens))
		for j, t := range sents[i].Tokens {
			tags[j] = t.Entity
		}
		gold[i] = classesOf(tags)
	}
	tr := perceptron.NewTrainer(classNames())
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7e4))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	st := &state{}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for k, i := range order {
			if k%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			st.load(r, sents[i].Tokens)
			for j := range st.toks {
				if rng.Float64() < opt.Dropout {
					st.toks[j].word, st.toks[j].lower = unknownWord, unknownWord
				}
				if rng.Float64() < opt.Dropout {
					st.toks[j].pos = unknownWord
				}
			}
			pred := st.viterbi(tr, newTransitions(tr))
			update(tr, st, gold[i], pred)
		}
		if progress != nil && epoch < opt.Epochs {
			progress(epoch, newRecognizer(tr.Average(opt.Prune), clusters, gaz))
		}
	}
	r = newRecognizer(tr.Average(opt.Prune), clusters, gaz)
	if progress != nil {
		progress(opt.Epochs, r)
	}
	return r, nil
}

// update is the structured perceptron update (Collins 2002) of one
// sentence: the emission weights of every token move towards its gold
// class and away from the predicted one, and so do the transitions that
// differ between the gold and the predicted sequence.
func update(tr *perceptron.Trainer, st *state, gold, pred []int) {
	n := len(gold)
	for i := 0; i < n; i++ {
		tr.Update(st.feats[st.fstart[i]:st.fstart[i+1]], gold[i], pred[i])
		gp, pp := -1, -1
		if i > 0 {
			gp, pp = gold[i-1], pred[i-1]
		}
		if gp != pp || gold[i] != pred[i] {
			tr.Adjust([]uint64{transFeature(gp)}, gold[i], 1)
			tr.Adjust([]uint64{transFeature(pp)}, pred[i], -1)
		}
	}
	if n > 0 && gold[n-1] != pred[n-1] {
		tr.Adjust([]uint64{endFeature}, gold[n-1], 1)
		tr.Adjust([]uint64{endFeature}, pred[n-1], -1)
	}
}

// newRecognizer wraps a trained model.
func newRecognizer(m *perceptron.Model, clusters cluster.Clusters, gaz *Gazetteer) *Recognizer {
	return &Recognizer{model: m, clusters: clusters, gaz: gaz, trans: newTransitions(m)}
}

// joinHyphens returns a copy of s with every "word - word" written as one
// token "word-word", and whether there was any. UD English splits
// hyphenated words but tokenizers (annals' among them) often keep them
// whole; training on both forms serves either. Only parts outside names or
// inside the same name are joined; the joined token keeps the tag of its
// first part and the part-of-speech of its last, its head in English
// compounds.
func joinHyphens(s *event.Sentence) (event.Sentence, bool) {
	toks := s.Tokens
	var words, tags []string
	var xpos []string
	joined := false
	for i := 0; i < len(toks); i++ {
		if i+2 < len(toks) && toks[i+1].Text == "-" && isWord(toks[i].Text) && isWord(toks[i+2].Text) &&
			sameName(toks[i].Entity, toks[i+1].Entity) && sameName(toks[i].Entity, toks[i+2].Entity) {
			words = append(words, toks[i].Text+"-"+toks[i+2].Text)
			tags = append(tags, toks[i].Entity)
			xpos = append(xpos, toks[i+2].XPOS)
			i += 2
			joined = true
			continue
		}
		words = append(words, toks[i].Text)
		tags = append(tags, toks[i].Entity)
		xpos = append(xpos, toks[i].XPOS)
	}
	if !joined {
		return event.Sentence{}, false
	}
	j := newSentence(s.Index, s.ID, words, tags)
	for i := range j.Tokens {
		j.Tokens[i].XPOS = xpos[i]
	}
	return j, true
}

// titleStops are the courtesy titles that British and much other news
// writes without a full stop ("Mr Osborne"), and UD English (web text)
// mostly with one.
var titleStops = map[string]string{"Mr.": "Mr", "Mrs.": "Mrs", "Ms.": "Ms", "Dr.": "Dr", "Messrs.": "Messrs"}

// bareTitles returns a copy of s with the full stop of every courtesy
// title outside a name dropped, and whether there was any: the model then
// learns that "Mr" before a name is not part of it (UNER leaves titles
// out) without having seen news written that way.
func bareTitles(s *event.Sentence) (event.Sentence, bool) {
	var words, tags []string
	found := false
	for _, t := range s.Tokens {
		w := t.Text
		if bare, ok := titleStops[w]; ok && t.Entity == "O" {
			w, found = bare, true
		}
		words, tags = append(words, w), append(tags, t.Entity)
	}
	if !found {
		return event.Sentence{}, false
	}
	b := newSentence(s.Index, s.ID, words, tags)
	for i := range b.Tokens {
		b.Tokens[i].XPOS = s.Tokens[i].XPOS
	}
	return b, true
}

// sameName reports whether the token tagged next continues the name of
// the token tagged first, or both are outside names.
func sameName(first, next string) bool {
	if spanLabel(first) == "" {
		return spanLabel(next) == ""
	}
	return next == "I-"+spanLabel(first)
}

// isWord reports whether w starts with a letter or digit.
func isWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
