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

// sent builds a parsed sentence from "word/UPOS/head/rel" items, with an
// optional fifth part, the lemma (else the lower-cased word); a UPOS
// "VERB:past" ("pres", "inf", "part") sets XPOS VBD (VBZ, VB, VBN), and
// "NOUN:pl" XPOS NNS.
func sent(t testing.TB, spec string) *event.Sentence {
	t.Helper()
	s := &event.Sentence{}
	off := 0
	for i, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		if len(f) != 4 && len(f) != 5 {
			t.Fatalf("bad token %q", item)
		}
		head, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("bad head in %q", item)
		}
		tok := event.Token{ID: i + 1, Text: f[0], Lemma: strings.ToLower(f[0]), UPOS: f[1], Head: head, Rel: f[3],
			Start: off, End: off + len(f[0])}
		if len(f) == 5 {
			tok.Lemma = f[4]
		}
		if up, x, ok := strings.Cut(f[1], ":"); ok {
			tok.UPOS = up
			tok.XPOS = map[string]string{"past": "VBD", "pres": "VBZ", "inf": "VB", "part": "VBN", "pl": "NNS"}[x]
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
		{"month of year", "The/DET/2/det war/NOUN/3/nsubj ended/VERB:past/0/root in/ADP/5/case March/PROPN/3/obl of/ADP/7/case 2003/NUM/5/nmod", 2, "2003-03", Month},
		{"yesterday", "They/PRON/2/nsubj met/VERB:past/0/root yesterday/ADV/2/advmod", 1, "2020-01-14", Day},
		{"last week", "Rebels/NOUN/2/nsubj attacked/VERB:past/0/root the/DET/4/det town/NOUN/2/obj last/ADJ/6/amod week/NOUN/2/obl:tmod", 1, "2020-01-06", Week},
		{"days ago", "Rebels/NOUN/2/nsubj attacked/VERB:past/0/root two/NUM/4/nummod days/NOUN/5/obl:npmod ago/ADV/2/advmod", 1, "2020-01-13", Day},
		{"month abbreviation with dot token", "Protests/NOUN/2/nsubj began/VERB:past/0/root on/ADP/4/case Jan/PROPN/2/obl ./PUNCT/4/punct 3/NUM/4/nummod", 1, "2020-01-03", Day},
		{"month abbreviation without dot before a day", "Protests/NOUN/2/nsubj began/VERB:past/0/root on/ADP/4/case Sept/PROPN/2/obl 30/NUM/4/nummod", 1, "2019-09-30", Day},
		{"full date", "The/DET/2/det treaty/NOUN/4/nsubj:pass was/AUX/4/aux:pass signed/VERB:past/0/root on/ADP/6/case January/PROPN/4/obl 3/NUM/6/nummod ,/PUNCT/9/punct 2019/NUM/6/nummod", 3, "2019-01-03", Day},
		{"day month year", "Voting/NOUN/2/nsubj ended/VERB:past/0/root on/ADP/4/case 3/NUM/2/obl January/PROPN/4/flat 2020/NUM/4/nummod", 1, "2020-01-03", Day},
		{"bare month, past: last year's", "Elections/NOUN/3/nsubj:pass were/AUX/3/aux:pass held/VERB:past/0/root in/ADP/5/case March/PROPN/3/obl", 2, "2019-03", Month},
		{"bare month, future", "The/DET/2/det summit/NOUN/4/nsubj will/AUX/4/aux meet/VERB/0/root in/ADP/6/case March/PROPN/4/obl", 3, "2020-03", Month},
		{"year", "The/DET/2/det war/NOUN/3/nsubj started/VERB:past/0/root in/ADP/5/case 2011/NUM/3/obl", 2, "2011", Year},
		{"this year", "Prices/NOUN/2/nsubj rose/VERB:past/0/root this/DET/4/det year/NOUN/2/obl:tmod", 1, "2020", Year},
		{"earlier this month", "Talks/NOUN/2/nsubj collapsed/VERB:past/0/root earlier/ADV/2/advmod this/DET/5/det month/NOUN/3/obl:tmod", 1, "2020-01", Month},
		{"over the weekend", "Protests/NOUN/2/nsubj spread/VERB:past/0/root over/ADP/5/case the/DET/5/det weekend/NOUN/2/obl", 1, "2020-01-06", Week},
		{"next weekend", "They/PRON/3/nsubj will/AUX/3/aux vote/VERB/0/root next/ADJ/5/amod weekend/NOUN/3/obl:tmod", 2, "2020-01-13", Week},
		{"last night", "Gunmen/NOUN/2/nsubj struck/VERB:past/0/root last/ADJ/4/amod night/NOUN/2/obl:tmod", 1, "2020-01-14", Day},
		{"days after a dated event", "Troops/NOUN/2/nsubj withdrew/VERB:past/0/root two/NUM/4/nummod days/NOUN/2/obl:npmod after/ADP/7/case Monday/PROPN/7/nmod:poss vote/NOUN/4/obl", 1, "2020-01-15", Day},
		{"week before a date", "Talks/NOUN/2/nsubj began/VERB:past/0/root a/DET/4/det week/NOUN/2/obl:npmod before/ADP/6/case Jan./PROPN/4/obl 10/NUM/6/nummod", 1, "2020-01-03", Day},
		{"clause counted after a dated one", "They/PRON/2/nsubj agreed/VERB:past/0/root on/ADP/4/case Tuesday/PROPN/2/obl ,/PUNCT/2/punct a/DET/7/det week/NOUN/2/obl:npmod after/SCONJ/10/mark drivers/NOUN/10/nsubj blocked/VERB:past/2/advcl roads/NOUN/10/obj", 9, "2020-01-07", Day},
		{"clause counted before a dated one", "Talks/NOUN/2/nsubj ended/VERB:past/0/root on/ADP/4/case Friday/PROPN/2/obl ,/PUNCT/2/punct two/NUM/7/nummod days/NOUN/2/obl:npmod before/SCONJ/10/mark troops/NOUN/10/nsubj withdrew/VERB:past/2/advcl", 9, "2020-01-12", Day},
		{"eve of a month", "Protests/NOUN/2/nsubj erupted/VERB:past/0/root on/ADP/5/case the/DET/5/det eve/NOUN/2/obl of/ADP/7/case March/PROPN/5/nmod 2019/NUM/7/nummod", 1, "2019-02", Month},
		{"conjoined verb shares the date", "He/PRON/2/nsubj arrived/VERB:past/0/root on/ADP/4/case Monday/PROPN/2/obl and/CCONJ/6/cc met/VERB:past/2/conj the/DET/8/det president/NOUN/6/obj", 5, "2020-01-13", Day},
		{"main clause: said on Tuesday", "The/DET/2/det ministry/NOUN/3/nsubj said/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj killed/VERB:past/3/ccomp five/NUM/10/nummod people/NOUN/8/obj on/ADP/12/case Sunday/PROPN/8/obl", 2, "2020-01-14", Day},
		{"embedded clause: killed on Sunday", "The/DET/2/det ministry/NOUN/3/nsubj said/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj killed/VERB:past/3/ccomp five/NUM/10/nummod people/NOUN/8/obj on/ADP/12/case Sunday/PROPN/8/obl", 7, "2020-01-12", Day},
		{"date on the subject noun", "The/DET/2/det attack/NOUN/5/nsubj on/ADP/4/case Monday/PROPN/2/nmod killed/VERB:past/0/root ten/NUM/7/nummod people/NOUN/5/obj", 4, "2020-01-13", Day},
		{"year alone", "The/DET/2/det army/NOUN/3/nsubj seized/VERB:past/0/root power/NOUN/3/obj in/ADP/6/case 1933/NUM/3/obl", 2, "1933", Year},
		{"earlier in the month", "Ministers/NOUN/2/nsubj resigned/VERB:past/0/root earlier/ADV/2/advmod in/ADP/6/case the/DET/6/det month/NOUN/3/obl", 1, "2020-01", Month},
		{"later in the week", "Talks/NOUN/3/nsubj will/AUX/3/aux resume/VERB/0/root later/ADV/3/advmod in/ADP/7/case the/DET/7/det week/NOUN/4/obl", 2, "2020-01-13", Week},
		{"month, year", "Rioters/NOUN/4/nsubj:pass were/AUX/4/aux:pass jailed/VERB:part/0/root in/ADP/5/case April/PROPN/4/obl ,/PUNCT/7/punct 2016/NUM/5/nmod", 3, "2016-04", Month},
		{"this month name", "Farmers/NOUN/3/nsubj have/AUX/3/aux marched/VERB:part/0/root since/ADP/6/case early/ADJ/6/amod this/DET/7/det March/PROPN/3/obl", 2, "2020-03", Month},
		{"month of this year", "The/DET/2/det envoy/NOUN/3/nsubj left/VERB:past/0/root in/ADP/5/case July/PROPN/3/obl of/ADP/8/case this/DET/8/det year/NOUN/5/nmod", 2, "2020-07", Month},
		{"mid-month", "Strikes/NOUN/2/nsubj began/VERB:past/0/root in/ADP/4/case mid-November/PROPN/2/obl", 1, "2019-11", Month},
		{"last summer", "The/DET/2/det court/NOUN/3/nsubj acquitted/VERB:past/0/root him/PRON/3/obj last/ADJ/6/amod summer/NOUN/3/obl:tmod", 2, "2019", Year},
		{"summer of a year", "Floods/NOUN/2/nsubj hit/VERB:past/0/root in/ADP/5/case the/DET/5/det summer/NOUN/2/obl of/ADP/7/case 2017/NUM/5/nmod", 1, "2017", Year},
		{"span of the last years", "The/DET/2/det rivals/NOUN/4/nsubj have/AUX/4/aux fought/VERB:part/0/root over/ADP/8/case the/DET/8/det last/ADJ/8/amod three/NUM/8/nummod years/NOUN/4/obl", 3, "2017", Year},
		{"year of a noun event", "They/PRON/2/nsubj met/VERB:past/0/root after/ADP/6/case his/PRON/6/nmod:poss 2012/NUM/6/nummod arrest/NOUN/2/obl", 5, "2012", Year},
		{"year of an agreement in the clause", "Immunity/NOUN/6/nsubj:pass in/ADP/5/case a/DET/5/det 1995/NUM/5/nummod treaty/NOUN/6/obl was/AUX/6/aux:pass widened/VERB:part/0/root", 5, "1995", Year},
		{"statement dates what it announces", "The/DET/2/det ministry/NOUN/3/nsubj announced/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj withdrew/VERB:past/3/ccomp", 7, "2020-01-14", Day},
		{"future act of an announcement", "Yesterday/NOUN/4/obl:unmarked ,/PUNCT/1/punct the/DET/4/det queen/NOUN/5/nsubj announced/VERB:past/0/root she/PRON/8/nsubj will/AUX/8/aux comply/VERB/5/ccomp", 7, "2020-01-14", Day},
		{"announced act takes the announcement's date", "Yesterday/NOUN/5/obl:unmarked ,/PUNCT/1/punct the/DET/4/det minister/NOUN/5/nsubj announced/VERB:past/0/root she/PRON/8/nsubj will/AUX/8/aux agree/VERB:inf/5/ccomp to/PART/10/mark close/VERB:inf/8/advcl the/DET/12/det border/NOUN/10/obj in/ADP/14/case March/PROPN/10/obl", 9, "2020-01-14", Day},
		{"to-infinitive of a plan is future", "They/PRON/3/nsubj will/AUX/3/aux agree/VERB:inf/0/root to/PART/5/mark close/VERB:inf/3/advcl the/DET/7/det border/NOUN/5/obj in/ADP/9/case March/PROPN/5/obl", 4, "2020-03", Month},
		{"an undated statement leaves the plan its date", "He/PRON/2/nsubj said/VERB:past/0/root troops/NOUN/5/nsubj will/AUX/5/aux leave/VERB:inf/2/ccomp on/ADP/7/case Friday/PROPN/5/obl", 4, "2020-01-17", Day},
		{"a plan conjoined to a dated act keeps its date", "He/PRON/2/nsubj met/VERB:past/0/root them/PRON/2/obj on/ADP/5/case Monday/PROPN/2/obl and/CCONJ/8/cc will/AUX/8/aux travel/VERB:inf/2/conj on/ADP/10/case Friday/PROPN/8/obl", 7, "2020-01-17", Day},
		{"a when clause of an occasion dates the meeting", "They/PRON/2/nsubj met/VERB:past/0/root for/ADP/5/case a/DET/5/det summit/NOUN/2/obl/summit when/ADV/10/advmod on/ADP/8/case Friday/PROPN/10/obl they/PRON/10/nsubj signed/VERB:past/5/acl:relcl/sign", 1, "2020-01-10", Day},
		{"statement after the act", "Troops/NOUN/2/nsubj withdrew/VERB:past/6/ccomp ,/PUNCT/2/punct the/DET/5/det ministry/NOUN/6/nsubj said/VERB:past/0/root on/ADP/8/case Tuesday/PROPN/6/obl", 1, "2020-01-14", Day},
		{"participle of a noun", "On/ADP/2/case Monday/PROPN/3/obl joined/VERB:past/0/root the/DET/5/det calls/NOUN/3/obj asking/VERB/5/acl Kenya/PROPN/6/obj", 5, "2020-01-13", Day},
		{"manner clause", "He/PRON/2/nsubj killed/VERB:past/0/root a/DET/4/det guard/NOUN/2/obj by/SCONJ/6/mark shooting/VERB/2/advcl him/PRON/6/obj in/ADP/9/case 2018/NUM/6/obl", 1, "2018", Year},
		{"span from a clause's date", "Hundreds/NOUN/4/nsubj:pass have/AUX/4/aux were/AUX/4/aux:pass arrested/VERB:part/0/root since/SCONJ/7/mark protests/NOUN/7/nsubj began/VERB:past/4/advcl in/ADP/9/case June/PROPN/7/obl", 3, "2019-06", Month},
		{"noun that happened on a day", "Two/NUM/2/nummod people/NOUN/4/nsubj:pass were/AUX/4/aux:pass killed/VERB:part/0/root in/ADP/7/case a/DET/7/det blast/NOUN/4/obl that/PRON/9/nsubj occurred/VERB:past/7/acl:relcl/occur on/ADP/11/case Friday/PROPN/9/obl", 3, "2020-01-10", Day},
		{"relative clause of an event noun", "They/PRON/2/nsubj condemned/VERB:past/0/root the/DET/4/det decree/NOUN/2/obj which/PRON/7/nsubj:pass was/AUX/7/aux:pass issued/VERB:part/4/acl:relcl on/ADP/9/case Sunday/PROPN/7/obl", 3, "2020-01-12", Day},
		{"verb right before its date, misparsed", "The/DET/2/det chief/NOUN/3/nsubj said/VERB:past/0/root late/ADJ/5/amod Sunday/PROPN/8/nsubj police/NOUN/8/nsubj were/AUX/8/aux searching/VERB/3/ccomp", 2, "2020-01-12", Day},
		{"time of day before a date", "He/PRON/2/nsubj resigned/VERB:past/0/root shortly/ADV/6/advmod before/ADP/6/case midnight/NOUN/6/compound Sunday/PROPN/2/obl:unmarked", 1, "2020-01-12", Day},
		{"sentence opened by its date, misparsed as root", "On/ADP/2/case Thursday/PROPN/0/root ,/PUNCT/2/punct the/DET/5/det mayor/NOUN/6/nsubj resigned/VERB:past/2/acl:relcl", 5, "2020-01-09", Day},
		{"coordinated clause dates the main one", "He/PRON/2/nsubj met/VERB:past/0/root the/DET/4/det envoy/NOUN/2/obj and/CCONJ/6/cc left/VERB:past/2/conj on/ADP/8/case Monday/PROPN/6/obl", 1, "2020-01-13", Day},
		{"date after the object, attached to it", "The/DET/2/det president/NOUN/3/nsubj met/VERB:past/0/root his/PRON/5/nmod:poss counterpart/NOUN/3/obj on/ADP/7/case Monday/PROPN/5/nmod", 2, "2020-01-13", Day},
		{"a past verb beside a mistagged present one", "On/ADP/2/case Friday/PROPN/3/obl masks/VERB:pres/0/root and/CCONJ/5/cc protesters/NOUN/6/nsubj gathered/VERB:past/3/conj", 5, "2020-01-10", Day},
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
		{"days after an undated event", "Troops/NOUN/2/nsubj withdrew/VERB:past/0/root two/NUM/4/nummod days/NOUN/2/obl:npmod after/ADP/6/case talks/NOUN/4/nmod", 1, pub},
		{"relative date without publication date", "They/PRON/2/nsubj met/VERB:past/0/root yesterday/ADV/2/advmod", 1, time.Time{}},
		{"a reference point", "Police/NOUN/2/nsubj arrested/VERB:past/0/root him/PRON/2/obj after/ADP/7/case Sunday/PROPN/7/nmod:poss 's/PART/5/case attack/NOUN/2/obl", 1, pub},
		{"a deadline", "They/PRON/2/nsubj gave/VERB:past/0/root him/PRON/2/iobj until/ADP/5/case Friday/PROPN/2/obl", 1, pub},
		{"a deadline's month", "He/PRON/2/nsubj vowed/VERB:past/0/root to/PART/4/mark leave/VERB:inf/2/xcomp by/ADP/7/case the/DET/7/det end/NOUN/4/obl of/ADP/9/case January/PROPN/7/nmod", 1, pub},
		{"a date inside the object", "The/DET/2/det party/NOUN/3/nsubj criticized/VERB:past/0/root Monday/PROPN/6/nmod:poss 's/PART/4/case vote/NOUN/3/obj", 2, pub},
		{"a year before the object", "Police/NOUN/2/nsubj reopened/VERB:past/0/root the/DET/5/det 2008/NUM/5/nummod case/NOUN/2/obj", 1, pub},
		{"a count, not a year", "The/DET/3/det 2000/NUM/3/nummod soldiers/NOUN:pl/4/nsubj left/VERB:past/0/root", 3, pub},
		{"relative clause keeps its own time", "On/ADP/2/case Monday/PROPN/4/obl ,/PUNCT/2/punct X/PROPN/4/nsubj criticized/VERB:past/0/root the/DET/6/det law/NOUN/4/obj that/PRON/9/obj parliament/NOUN/9/nsubj passed/VERB:past/6/acl:relcl", 8, pub},
		{"an after clause keeps its own time", "Troops/NOUN/2/nsubj left/VERB:past/0/root after/SCONJ/5/mark talks/NOUN/5/nsubj failed/VERB:past/2/advcl on/ADP/7/case Monday/PROPN/5/obl", 1, pub},
		{"the saying is not dated by what it says", "He/PRON/2/nsubj said/VERB:past/0/root troops/NOUN/4/nsubj left/VERB:past/2/ccomp on/ADP/6/case Monday/PROPN/4/obl", 1, pub},
		{"a clause inside a reference point", "Protests/NOUN/2/nsubj came/VERB:past/0/root on/ADP/4/case Monday/PROPN/2/obl after/ADP/7/case the/DET/7/det parliament/NOUN/2/obl voted/VERB:part/7/acl", 7, pub},
		{"a participle of a noun keeps its own time", "They/PRON/2/nsubj rejected/VERB:past/0/root the/DET/4/det demands/NOUN/2/obj of/ADP/6/case crowds/NOUN/4/nmod gathering/VERB/4/acl since/ADP/9/case June/PROPN/7/obl", 1, pub},
		{"a quoted today counts from when it was said", "He/PRON/2/nsubj said/VERB:past/0/root \"/PUNCT/5/punct we/PRON/5/nsubj left/VERB:past/2/ccomp today/NOUN/5/obl:tmod \"/PUNCT/5/punct", 4, pub},
		{"a where clause of a place keeps its time", "They/PRON/2/nsubj visited/VERB:past/0/root the/DET/4/det town/NOUN/2/obj where/ADV/7/advmod rebels/NOUN/7/nsubj killed/VERB:past/4/acl:relcl/kill five/NUM/7/obj in/ADP/10/case 2015/NUM/7/obl", 1, pub},
		{"the same day with nothing before", "They/PRON/2/nsubj met/VERB:past/0/root on/ADP/6/case the/DET/6/det same/ADJ/6/amod day/NOUN/2/obl", 1, pub},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e, ok := Resolve(sent(t, tt.sent), tt.verb, tt.pub); ok {
				t.Errorf("got %s from %q, want none", e.Format(), e.Text)
			}
		})
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Day: "day", Week: "week", Month: "month", Year: "year", Publication: "publication", 0: "Precision(0)"} {
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

// BenchmarkDocument dates every word of a ten-sentence article: the
// expressions of each sentence once, then each word's date.
func BenchmarkDocument(b *testing.B) {
	text, sents := document(b,
		[]string{
			"Rebels/NOUN/2/nsubj seized/VERB:past/0/root the/DET/4/det town/NOUN/2/obj on/ADP/6/case Monday/PROPN/2/obl",
			"The/DET/2/det army/NOUN/3/nsubj responded/VERB:past/0/root",
			"They/PRON/2/nsubj criticized/VERB:past/0/root a/DET/4/det law/NOUN/2/obj parliament/NOUN/6/nsubj passed/VERB:past/4/acl:relcl",
		},
		[]string{"The/DET/2/det ministry/NOUN/3/nsubj said/VERB:past/0/root on/ADP/5/case Tuesday/PROPN/3/obl that/SCONJ/8/mark troops/NOUN/8/nsubj killed/VERB:past/3/ccomp five/NUM/10/nummod people/NOUN/8/obj"},
		[]string{"Rebels/NOUN/2/nsubj held/VERB:past/0/root the/DET/4/det town/NOUN/2/obj in/ADP/6/case 1998/NUM/2/obl"},
		[]string{"Villagers/NOUN/2/nsubj fled/VERB:past/0/root", "Police/NOUN/2/nsubj arrived/VERB:past/0/root on/ADP/6/case the/DET/6/det same/ADJ/6/amod day/NOUN/2/obl"},
		[]string{"They/PRON/3/nsubj will/AUX/3/aux vote/VERB/0/root in/ADP/5/case 2021/NUM/3/obl", "The/DET/2/det party/NOUN/3/nsubj objected/VERB:past/0/root",
			"Protests/NOUN/2/nsubj spread/VERB:past/0/root over/ADP/5/case the/DET/5/det weekend/NOUN/2/obl"},
	)
	words := 0
	for _, s := range sents {
		words += len(s.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := NewDocument(text, sents, pub)
		for k, s := range sents {
			for w := range s.Tokens {
				d.Date(k, w)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
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

// document builds a document from paragraphs of sentences given as sent
// takes them: sentences joined by a space, paragraphs by a blank line.
func document(t testing.TB, paras ...[]string) (string, []event.Sentence) {
	t.Helper()
	var text strings.Builder
	var sents []event.Sentence
	for p, para := range paras {
		for k, spec := range para {
			switch {
			case p > 0 && k == 0:
				text.WriteString("\n\n")
			case k > 0:
				text.WriteString(" ")
			}
			s := sent(t, spec)
			var words []string
			for i := range s.Tokens {
				s.Tokens[i].Start += text.Len()
				s.Tokens[i].End += text.Len()
				words = append(words, s.Tokens[i].Text)
			}
			s.Text = strings.Join(words, " ")
			s.Start, s.End, s.Index = text.Len(), text.Len()+len(s.Text), len(sents)
			text.WriteString(s.Text)
			sents = append(sents, *s)
		}
	}
	return text.String(), sents
}

func TestDocument(t *testing.T) {
	text, sents := document(t,
		[]string{
			"Rebels/NOUN/2/nsubj seized/VERB:past/0/root the/DET/4/det town/NOUN/2/obj on/ADP/6/case Monday/PROPN/2/obl",
			"The/DET/2/det army/NOUN/3/nsubj responded/VERB:past/0/root",
			"They/PRON/2/nsubj criticized/VERB:past/0/root a/DET/4/det law/NOUN/2/obj parliament/NOUN/6/nsubj passed/VERB:past/4/acl:relcl",
			"It/PRON/2/nsubj followed/VERB:past/0/root/follow the/DET/4/det killing/NOUN/2/obj/killing of/ADP/6/case envoys/NOUN/4/nmod",
		},
		[]string{"The/DET/2/det governor/NOUN/3/nsubj condemned/VERB:past/0/root the/DET/5/det attack/NOUN/3/obj"},
		[]string{"Police/NOUN/2/nsubj arrived/VERB:past/0/root on/ADP/6/case the/DET/6/det same/ADJ/6/amod day/NOUN/2/obl"},
		[]string{"Rebels/NOUN/2/nsubj held/VERB:past/0/root the/DET/4/det town/NOUN/2/obj in/ADP/6/case 1998/NUM/2/obl"},
		[]string{"Villagers/NOUN/2/nsubj fled/VERB:past/0/root"},
		[]string{
			"They/PRON/3/nsubj will/AUX/3/aux vote/VERB/0/root in/ADP/5/case 2021/NUM/3/obl",
			"The/DET/2/det party/NOUN/3/nsubj objected/VERB:past/0/root",
		},
	)
	tests := []struct {
		name       string
		sent, word int
		pub        time.Time
		want       string // "" for none
		prec       Precision
		from       Source
		background bool
	}{
		{"its own clause", 0, 1, pub, "2020-01-13", Day, FromSentence, false},
		{"the sentence before, in its paragraph", 1, 2, pub, "2020-01-13", Day, FromContext, false},
		{"the main line of its sentence", 2, 1, pub, "2020-01-13", Day, FromContext, false},
		{"a relative clause takes no borrowed date", 2, 5, pub, "2020-01-15", Publication, FromPublication, false},
		{"what a sentence follows is no part of its time", 3, 3, pub, "2020-01-15", Publication, FromPublication, false},
		{"the paragraph before, the day's news", 4, 2, pub, "2020-01-13", Day, FromContext, false},
		{"the same day", 5, 1, pub, "2020-01-13", Day, FromSentence, false},
		{"history is background", 6, 1, pub, "1998", Year, FromSentence, true},
		{"after history, the story returns to its news", 7, 1, pub, "2020-01-13", Day, FromContext, false},
		{"a future year is not background", 8, 2, pub, "2021", Year, FromSentence, false},
		{"a past act is not dated by a plan", 9, 2, pub, "2020-01-15", Publication, FromPublication, false},
		{"undated document: a relative date stays undated", 0, 1, time.Time{}, "", 0, 0, false},
		{"undated document: a stated year", 6, 1, time.Time{}, "1998", Year, FromSentence, false},
		{"undated document: nothing stands in", 7, 1, time.Time{}, "", 0, 0, false},
		{"out of range", 11, 0, pub, "", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := NewDocument(text, sents, tt.pub).Date(tt.sent, tt.word)
			if tt.want == "" {
				if ok {
					t.Errorf("got %s (%v, from %v), want none", d.Format(), d.Precision, d.From)
				}
				return
			}
			if !ok || d.Format() != tt.want || d.Precision != tt.prec || d.From != tt.from || d.Background != tt.background {
				t.Errorf("got %s (%v, from %v, background %v, ok %v), want %s (%v, from %v, background %v)",
					d.Format(), d.Precision, d.From, d.Background, ok, tt.want, tt.prec, tt.from, tt.background)
			}
		})
	}
}

// TestDocumentHistoryFirst: history carries into no later paragraph when
// no news came before it.
func TestDocumentHistoryFirst(t *testing.T) {
	text, sents := document(t,
		[]string{"Rebels/NOUN/2/nsubj held/VERB:past/0/root the/DET/4/det town/NOUN/2/obj in/ADP/6/case 1998/NUM/2/obl"},
		[]string{"Villagers/NOUN/2/nsubj fled/VERB:past/0/root"},
	)
	d, ok := NewDocument(text, sents, pub).Date(1, 1)
	if !ok || d.Precision != Publication || d.From != FromPublication {
		t.Errorf("got %s (%v, from %v, ok %v), want the publication date", d.Format(), d.Precision, d.From, ok)
	}
}

// TestSameDay: "the same day" is the last day named as when something
// happened, not the main clause's, a deadline's, or one after publication.
func TestSameDay(t *testing.T) {
	text, sents := document(t,
		[]string{
			"He/PRON/2/nsubj appeared/VERB:past/0/root yesterday/NOUN/2/obl:tmod over/ADP/6/case a/DET/6/det shooting/NOUN/2/obl on/ADP/8/case Monday/PROPN/6/nmod",
			"He/PRON/2/nsubj stayed/VERB:past/0/root until/ADP/4/case Friday/PROPN/2/obl",
			"Police/NOUN/2/nsubj arrived/VERB:past/0/root on/ADP/6/case the/DET/6/det same/ADJ/6/amod day/NOUN/2/obl",
		},
	)
	d, ok := NewDocument(text, sents, pub).Date(2, 1)
	if !ok || d.Format() != "2020-01-13" || d.From != FromSentence {
		t.Errorf("got %s (from %v, ok %v), want 2020-01-13 from the sentence", d.Format(), d.From, ok)
	}
}

func TestParagraphBreak(t *testing.T) {
	for _, tt := range []struct {
		gap  string
		want bool
	}{
		{" ", false}, {"\n", false}, {"\n\n", true}, {" \n \n", true}, {"\n    ", true}, {"\n\t", true},
	} {
		text := "a." + tt.gap + "b."
		if got := paragraphBreak(text, 2, 2+len(tt.gap)); got != tt.want {
			t.Errorf("%q: got %v, want %v", tt.gap, got, tt.want)
		}
	}
}

func ExampleDocument() {
	// "Rebels seized the town on Monday. The army responded." and a
	// paragraph of history, "Rebels held the town in 1998.", as a parser
	// would give them; published Wednesday 15 January 2020.
	tok := func(id int, text, xpos string, head int, rel string) event.Token {
		return event.Token{ID: id, Text: text, XPOS: xpos, Head: head, Rel: rel}
	}
	text := "Rebels seized the town on Monday. The army responded.\n\nRebels held the town in 1998."
	sents := []event.Sentence{
		{Tokens: []event.Token{tok(1, "Rebels", "NNS", 2, "nsubj"), tok(2, "seized", "VBD", 0, "root"), tok(3, "the", "DT", 4, "det"),
			tok(4, "town", "NN", 2, "obj"), tok(5, "on", "IN", 6, "case"), tok(6, "Monday", "NNP", 2, "obl")}, Start: 0, End: 33},
		{Tokens: []event.Token{tok(1, "The", "DT", 2, "det"), tok(2, "army", "NN", 3, "nsubj"), tok(3, "responded", "VBD", 0, "root")},
			Start: 34, End: 53},
		{Tokens: []event.Token{tok(1, "Rebels", "NNS", 2, "nsubj"), tok(2, "held", "VBD", 0, "root"), tok(3, "the", "DT", 4, "det"),
			tok(4, "town", "NN", 2, "obj"), tok(5, "in", "IN", 6, "case"), tok(6, "1998", "CD", 2, "obl")}, Start: 55, End: 84},
	}
	doc := NewDocument(text, sents, time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC))
	for _, ev := range []struct{ sent, word int }{{0, 1}, {1, 2}, {2, 1}} {
		d, _ := doc.Date(ev.sent, ev.word)
		fmt.Printf("%s: %s (%s), background %v\n", sents[ev.sent].Tokens[ev.word].Text, d.Format(), d.Precision, d.Background)
	}
	// Output:
	// seized: 2020-01-13 (day), background false
	// responded: 2020-01-13 (day), background false
	// held: 1998 (year), background true
}
