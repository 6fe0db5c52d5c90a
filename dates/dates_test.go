package dates

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/conllu"
	"github.com/annals/annals/event"
)

// sent builds a parsed sentence from "word/UPOS/head/rel" items; a UPOS
// "VERB:past" ("pres", "inf", "part") sets XPOS VBD (VBZ, VB, VBN).
func sent(t testing.TB, spec string) *event.Sentence {
	t.Helper()
	s := &event.Sentence{}
	off := 0
	for i, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		if len(f) != 4 {
			t.Fatalf("bad token %q", item)
		}
		head, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("bad head in %q", item)
		}
		tok := event.Token{ID: i + 1, Text: f[0], Lemma: strings.ToLower(f[0]), UPOS: f[1], Head: head, Rel: f[3],
			Start: off, End: off + len(f[0])}
		if up, x, ok := strings.Cut(f[1], ":"); ok {
			tok.UPOS = up
			tok.XPOS = map[string]string{"past": "VBD", "pres": "VBZ", "inf": "VB", "part": "VBN"}[x]
		}
		off += len(f[0]) + 1
		s.Tokens = append(s.Tokens, tok)
	}
	return s
}

// pub is a Wednesday.
var pub = time.Date(2020, 1, 15, 9, 30, 0, 0, time.UTC)

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		sent string
		verb int // index of the event verb
		want string
		prec Precision
	}{
		{"bare weekday, past", "Police/NOUN/2/nsubj arrested/VERB:past/0/root him/PRON/2/obj on/ADP/5/case Monday/PROPN/2/obl", 1, "2020-01-13", Day},
		{"bare weekday, same day", "Troops/NOUN/2/nsubj withdrew/VERB:past/0/root on/ADP/4/case Wednesday/PROPN/2/obl", 1, "2020-01-15", Day},
		{"bare weekday, future", "He/PRON/3/nsubj will/AUX/3/aux meet/VERB/0/root them/PRON/3/obj on/ADP/6/case Monday/PROPN/3/obl", 2, "2020-01-20", Day},
		{"last weekday on that weekday", "They/PRON/2/nsubj met/VERB:past/0/root last/ADJ/4/amod Wednesday/PROPN/2/obl:tmod", 1, "2020-01-08", Day},
		{"present: scheduled", "The/DET/2/det trial/NOUN/3/nsubj begins/VERB:pres/0/root on/ADP/5/case Monday/PROPN/3/obl", 2, "2020-01-20", Day},
		{"present progressive", "They/PRON/3/nsubj are/AUX/3/aux meeting/VERB/0/root on/ADP/5/case Friday/PROPN/3/obl", 2, "2020-01-17", Day},
		{"going to", "He/PRON/3/nsubj is/AUX/3/aux going/VERB/0/root to/PART/5/mark visit/VERB:inf/3/xcomp on/ADP/7/case Friday/PROPN/5/obl", 4, "2020-01-17", Day},
		{"infinitive under a present verb", "He/PRON/2/nsubj plans/VERB:pres/0/root to/PART/4/mark visit/VERB:inf/2/xcomp on/ADP/6/case Friday/PROPN/4/obl", 3, "2020-01-17", Day},
		{"infinitive under a past verb", "He/PRON/2/nsubj planned/VERB:past/0/root to/PART/4/mark visit/VERB:inf/2/xcomp on/ADP/6/case Friday/PROPN/4/obl", 3, "2020-01-10", Day},
		{"passive participle", "Five/NUM/2/nummod people/NOUN/4/nsubj:pass were/AUX/4/aux:pass killed/VERB:part/0/root on/ADP/6/case Friday/PROPN/4/obl", 3, "2020-01-10", Day},
		{"month of year", "The/DET/2/det war/NOUN/3/nsubj ended/VERB:past/0/root in/ADP/5/case March/PROPN/3/obl of/ADP/7/case 2003/NUM/5/nmod", 2, "2003-03-01", Month},
		{"yesterday", "They/PRON/2/nsubj met/VERB:past/0/root yesterday/ADV/2/advmod", 1, "2020-01-14", Day},
		{"last week", "Rebels/NOUN/2/nsubj attacked/VERB:past/0/root the/DET/4/det town/NOUN/2/obj last/ADJ/6/amod week/NOUN/2/obl:tmod", 1, "2020-01-06", Week},
		{"days ago", "Rebels/NOUN/2/nsubj attacked/VERB:past/0/root two/NUM/4/nummod days/NOUN/5/obl:npmod ago/ADV/2/advmod", 1, "2020-01-13", Day},
		{"month abbreviation with dot token", "Protests/NOUN/2/nsubj began/VERB:past/0/root on/ADP/4/case Jan/PROPN/2/obl ./PUNCT/4/punct 3/NUM/4/nummod", 1, "2020-01-03", Day},
		{"month abbreviation without dot before a day", "Protests/NOUN/2/nsubj began/VERB:past/0/root on/ADP/4/case Sept/PROPN/2/obl 30/NUM/4/nummod", 1, "2019-09-30", Day},
		{"full date", "The/DET/2/det treaty/NOUN/4/nsubj:pass was/AUX/4/aux:pass signed/VERB:past/0/root on/ADP/6/case January/PROPN/4/obl 3/NUM/6/nummod ,/PUNCT/9/punct 2019/NUM/6/nummod", 3, "2019-01-03", Day},
		{"day month year", "Voting/NOUN/2/nsubj ended/VERB:past/0/root on/ADP/4/case 3/NUM/2/obl January/PROPN/4/flat 2020/NUM/4/nummod", 1, "2020-01-03", Day},
		{"bare month, past: last year's", "Elections/NOUN/3/nsubj:pass were/AUX/3/aux:pass held/VERB:past/0/root in/ADP/5/case March/PROPN/3/obl", 2, "2019-03-01", Month},
		{"bare month, future", "The/DET/2/det summit/NOUN/4/nsubj will/AUX/4/aux meet/VERB/0/root in/ADP/6/case March/PROPN/4/obl", 3, "2020-03-01", Month},
		{"year", "The/DET/2/det war/NOUN/3/nsubj started/VERB:past/0/root in/ADP/5/case 2011/NUM/3/obl", 2, "2011-01-01", Year},
		{"this year", "Prices/NOUN/2/nsubj rose/VERB:past/0/root this/DET/4/det year/NOUN/2/obl:tmod", 1, "2020-01-01", Year},
		{"earlier this month", "Talks/NOUN/2/nsubj collapsed/VERB:past/0/root earlier/ADV/2/advmod this/DET/5/det month/NOUN/3/obl:tmod", 1, "2020-01-01", Month},
		{"over the weekend", "Protests/NOUN/2/nsubj spread/VERB:past/0/root over/ADP/5/case the/DET/5/det weekend/NOUN/2/obl", 1, "2020-01-06", Week},
		{"next weekend", "They/PRON/3/nsubj will/AUX/3/aux vote/VERB/0/root next/ADJ/5/amod weekend/NOUN/3/obl:tmod", 2, "2020-01-13", Week},
		{"last night", "Gunmen/NOUN/2/nsubj struck/VERB:past/0/root last/ADJ/4/amod night/NOUN/2/obl:tmod", 1, "2020-01-14", Day},
		{"days after a dated event", "Troops/NOUN/2/nsubj withdrew/VERB:past/0/root two/NUM/4/nummod days/NOUN/2/obl:npmod after/ADP/7/case Monday/PROPN/7/nmod:poss vote/NOUN/4/obl", 1, "2020-01-15", Day},
		{"week before a date", "Talks/NOUN/2/nsubj began/VERB:past/0/root a/DET/4/det week/NOUN/2/obl:npmod before/ADP/6/case Jan./PROPN/4/obl 10/NUM/6/nummod", 1, "2020-01-03", Day},
		{"eve of a month", "Protests/NOUN/2/nsubj erupted/VERB:past/0/root on/ADP/5/case the/DET/5/det eve/NOUN/2/obl of/ADP/7/case March/PROPN/5/nmod 2019/NUM/7/nummod", 1, "2019-02-28", Month},
		{"conjoined verb shares the date", "He/PRON/2/nsubj arrived/VERB:past/0/root on/ADP/4/case Monday/PROPN/2/obl and/CCONJ/6/cc met/VERB:past/2/conj the/DET/8/det president/NOUN/6/obj", 5, "2020-01-13", Day},
		{"main clause: said on Tuesday", "The/DET/2/det ministry/NOUN/3/nsubj said/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj killed/VERB:past/3/ccomp five/NUM/10/nummod people/NOUN/8/obj on/ADP/12/case Sunday/PROPN/8/obl", 2, "2020-01-14", Day},
		{"embedded clause: killed on Sunday", "The/DET/2/det ministry/NOUN/3/nsubj said/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj killed/VERB:past/3/ccomp five/NUM/10/nummod people/NOUN/8/obj on/ADP/12/case Sunday/PROPN/8/obl", 7, "2020-01-12", Day},
		{"date on the subject noun", "The/DET/2/det attack/NOUN/5/nsubj on/ADP/4/case Monday/PROPN/2/nmod killed/VERB:past/0/root ten/NUM/7/nummod people/NOUN/5/obj", 4, "2020-01-13", Day},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sent(t, tt.sent)
			e, ok := Resolve(s, tt.verb, pub)
			if !ok {
				t.Fatalf("no date found; expressions: %+v", Find(s, pub))
			}
			if e.Format() != tt.want || e.Precision != tt.prec {
				t.Errorf("got %s (%v) from %q, want %s (%v)", e.Format(), e.Precision, e.Text, tt.want, tt.prec)
			}
		})
	}
}

func TestResolveNone(t *testing.T) {
	tests := []struct {
		name string
		sent string
		verb int
		pub  time.Time
	}{
		{"no expression", "Troops/NOUN/2/nsubj shelled/VERB:past/0/root the/DET/4/det city/NOUN/2/obj", 1, pub},
		{"May the modal", "May/PROPN/2/nsubj resigned/VERB:past/0/root", 1, pub},
		{"Jan the name", "Jan/PROPN/2/nsubj resigned/VERB:past/0/root in/ADP/4/case protest/NOUN/2/obl", 1, pub},
		{"date only in the embedded clause", "He/PRON/2/nsubj said/VERB:past/0/root troops/NOUN/4/nsubj left/VERB:past/2/ccomp on/ADP/6/case Monday/PROPN/4/obl", 1, pub},
		{"days after an undated event", "Troops/NOUN/2/nsubj withdrew/VERB:past/0/root two/NUM/4/nummod days/NOUN/2/obl:npmod after/ADP/6/case talks/NOUN/4/nmod", 1, pub},
		{"relative date without publication date", "They/PRON/2/nsubj met/VERB:past/0/root yesterday/ADV/2/advmod", 1, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e, ok := Resolve(sent(t, tt.sent), tt.verb, tt.pub); ok {
				t.Errorf("got %s from %q, want none", e.Format(), e.Text)
			}
		})
	}
}

func TestFindDocument(t *testing.T) {
	sents := []*event.Sentence{
		sent(t, "They/PRON/2/nsubj met/VERB:past/0/root yesterday/ADV/2/advmod"),
		sent(t, "Troops/NOUN/2/nsubj shelled/VERB:past/0/root the/DET/4/det city/NOUN/2/obj"),
		sent(t, "Talks/NOUN/2/nsubj resume/VERB/0/root next/ADJ/4/amod week/NOUN/2/obl:tmod and/CCONJ/7/cc end/VERB/2/conj in/ADP/9/case 2021/NUM/7/obl"),
	}
	got := FindDocument(sents, pub)
	want := []struct {
		sent        int
		text, date  string
		first, last int
	}{
		{0, "yesterday", "2020-01-14", 2, 2},
		{2, "next week", "2020-01-20", 2, 3},
		{2, "2021", "2021-01-01", 7, 7},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d expressions %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Sentence != w.sent || g.Text != w.text || g.Format() != w.date || g.First != w.first || g.Last != w.last {
			t.Errorf("expression %d: got sentence %d %q %s tokens %d-%d, want %+v", i, g.Sentence, g.Text, g.Format(), g.First, g.Last, w)
		}
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Day: "day", Week: "week", Month: "month", Year: "year", 0: "Precision(0)"} {
		if p.String() != want {
			t.Errorf("%d: got %q, want %q", int(p), p.String(), want)
		}
	}
}

func ExampleResolve() {
	// "The ministry said on Tuesday that troops killed five people on
	// Sunday", as a parser would give it; published Wednesday 15 January 2020.
	s := &event.Sentence{Tokens: []event.Token{
		{ID: 1, Text: "The", Head: 2, Rel: "det"},
		{ID: 2, Text: "ministry", Head: 3, Rel: "nsubj"},
		{ID: 3, Text: "said", XPOS: "VBD", Head: 0, Rel: "root"},
		{ID: 4, Text: "on", Head: 5, Rel: "case"},
		{ID: 5, Text: "Tuesday", Head: 3, Rel: "obl"},
		{ID: 6, Text: "that", Head: 8, Rel: "mark"},
		{ID: 7, Text: "troops", Head: 8, Rel: "nsubj"},
		{ID: 8, Text: "killed", XPOS: "VBD", Head: 3, Rel: "ccomp"},
		{ID: 9, Text: "five", Head: 10, Rel: "nummod"},
		{ID: 10, Text: "people", Head: 8, Rel: "obj"},
		{ID: 11, Text: "on", Head: 12, Rel: "case"},
		{ID: 12, Text: "Sunday", Head: 8, Rel: "obl"},
	}}
	published := time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, verb := range []int{2, 7} {
		e, _ := Resolve(s, verb, published)
		fmt.Printf("%s: %s (%s, from %q)\n", s.Tokens[verb].Text, e.Format(), e.Precision, e.Text)
	}
	// Output:
	// said: 2020-01-14 (day, from "Tuesday")
	// killed: 2020-01-12 (day, from "Sunday")
}

func BenchmarkResolve(b *testing.B) {
	s := sent(b, "The/DET/2/det ministry/NOUN/3/nsubj said/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj killed/VERB:past/3/ccomp five/NUM/10/nummod people/NOUN/8/obj on/ADP/12/case Sunday/PROPN/8/obl")
	for i := 0; i < b.N; i++ {
		if _, ok := Resolve(s, 7, pub); !ok {
			b.Fatal("no date")
		}
	}
}

// FuzzResolve feeds arbitrary token sequences and trees (as CoNLL-U) to
// Find and Resolve: whatever the parse, they must not panic and must
// return spans inside the sentence.
func FuzzResolve(f *testing.F) {
	f.Add("1\tthey\t_\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tmet\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tlast\t_\tADJ\t_\t_\t4\tamod\t_\t_\n4\tWednesday\t_\tPROPN\t_\t_\t2\tobl:tmod\t_\t_\n")
	f.Add("1\tJan\t_\tPROPN\t_\t_\t0\troot\t_\t_\n2\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_\n3\t31\t_\tNUM\t_\t_\t1\tnummod\t_\t_\n")
	f.Fuzz(func(t *testing.T, block string) {
		s, err := conllu.Parse(block, "fuzz")
		if err != nil {
			return
		}
		for _, e := range Find(s, pub) {
			if e.First < 0 || e.Last >= len(s.Tokens) || e.First > e.Last || e.Head < e.First || e.Head > e.Last {
				t.Fatalf("bad expression %+v", e)
			}
		}
		for v := range s.Tokens {
			Resolve(s, v, pub)
		}
	})
}
