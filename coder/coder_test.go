package coder_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/annals/annals/coder"
	"github.com/annals/annals/conllu"
	"github.com/annals/annals/dict"
	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// The dictionaries of these tests: made-up countries of a made-up sea.
const (
	testVerbs = `
&AIDTYPE
+FOOD
+MEDICINE
+HEAVY_EQUIPMENT

--- ATTACK [190] ---
ATTACK
SHELL {SHELLED SHELLING SHELLS}

--- MEET [040:040] ---
MEET {MET MEETS MEETING}

--- ARRIVE [042:043] ---
ARRIVE

--- SEND [070] ---
SEND {SENT SENDING SENDS}
- * &AIDTYPE [073]
- * TROOPS [0332]
- * {PEACE ENVOY} [036]
- * (FOR TALKS) [036]

--- POSTPONE [120] ---
POSTPONE
- % * [120]

--- FREE [080] ---
FREE
- + * (FROM $) [080]

--- CONDEMN [111] ---
CONDEMN
- * ATTACK (BY) [112]

--- SEAL_OFF [144] ---
+SEAL_OFF {+SEALED_OFF +SEALS_OFF +SEALING_OFF}

--- COOPERATE [050] ---
COOPERATE

--- SAY [010] ---
SAY {SAID SAYS SAYING}

--- RESIGN [0831] ---
RESIGN

--- LODGE [---] ---
LODGE
- * PROTEST [114]
`
	testActors = `
KESTRIA_ [KES]
+KESTRIAN_
VALMORE_ [VAL]
+VALMORIAN_
ORBIS_ [ORB]
TALLIS_ [TAL]
PORT_ARDEN_ [ORB]
PRESIDENT_NYRA_ADEL_
	[KESGOV 20200101-20231231]
	[KESELI]
`
	testAgents = `
POLICE {} [~COP]
SOLDIER [~MIL]
LAWMAKER [~LEG]
GOVERNMENT [~GOV]
RELIEF_AGENCY [NGO~]
`
	testDiscards = `
FOOTBALL
+WEATHER FORECAST
`
	testOntology = `
050:0x0080
110:0x1007f#0xFFFF+0x0080#Disapprove
190:0x00A0
`
)

func testCoder(t testing.TB) *coder.Coder {
	t.Helper()
	return coder.New(testSet(t), coder.Options{})
}

func testSet(t testing.TB) *dict.Set {
	t.Helper()
	set := &dict.Set{Verbs: dict.NewVerbs(), Actors: dict.NewActors(), Agents: dict.NewAgents(), Discards: &dict.Discards{}, Issues: &dict.Issues{}}
	for _, l := range []struct {
		text string
		load func(r *strings.Reader, name string) error
	}{
		{testVerbs, func(r *strings.Reader, n string) error { return set.Verbs.Load(r, n) }},
		{testActors, func(r *strings.Reader, n string) error { return set.Actors.Load(r, n) }},
		{testAgents, func(r *strings.Reader, n string) error { return set.Agents.Load(r, n) }},
		{testDiscards, func(r *strings.Reader, n string) error { return set.Discards.Load(r, n) }},
	} {
		if err := l.load(strings.NewReader(l.text), "test"); err != nil {
			t.Fatal(err)
		}
	}
	neg, err := dict.LoadNegations(strings.NewReader(testOntology), "ontology")
	if err != nil {
		t.Fatal(err)
	}
	set.Negations = neg
	return set
}

func code(t *testing.T, c *coder.Coder, date int, block string) []string {
	t.Helper()
	s, err := conllu.Parse(block, "test")
	if err != nil {
		t.Fatal(err)
	}
	evs, d := c.CodeSentence(s, date)
	var out []string
	for _, e := range evs {
		out = append(out, e.Source.Code+">"+e.Target.Code+":"+e.Code)
	}
	if d != coder.NotDiscarded {
		out = append(out, fmt.Sprintf("discard:%d", d))
	}
	sort.Strings(out)
	return out
}

func TestCoder(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name string
		date int
		rows []string
		want string
	}{
		{"simple transitive", 20200101, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
			". . PUNCT 2 punct",
		}, "KES>VAL:190"},
		{"passive with agent", 0, []string{
			"Valmore Valmore PROPN 3 nsubj:pass",
			"was be AUX 3 aux:pass",
			"shelled shell VERB 0 root",
			"by by ADP 5 case",
			"Kestria Kestria PROPN 3 obl",
		}, "KES>VAL:190"},
		{"UD v1 passive names", 0, []string{
			"Valmore Valmore PROPN 3 nsubjpass",
			"was be AUX 3 auxpass",
			"shelled shell VERB 0 root",
			"by by ADP 5 case",
			"Kestria Kestria PROPN 3 nmod",
		}, "KES>VAL:190"},
		{"agent after a country adjective", 0, []string{
			"Kestrian Kestrian ADJ 2 amod",
			"police police NOUN 3 nsubj",
			"attacked attack VERB 0 root",
			"Valmorian Valmorian ADJ 5 amod",
			"soldiers soldier NOUN 3 obj",
		}, "KESCOP>VALMIL:190"},
		{"actor inside a prepositional phrase of the agent", 0, []string{
			"Lawmakers lawmaker NOUN 4 nsubj",
			"in in ADP 3 case",
			"Orbis Orbis PROPN 1 nmod",
			"condemned condemn VERB 0 root",
			"Tallis Tallis PROPN 4 obj",
		}, "ORBLEG>TAL:111"},
		{"prefix agent", 0, []string{
			"the the DET 3 det",
			"Relief relief PROPN 3 compound",
			"Agency agency PROPN 4 compound",
			"Kestria Kestria PROPN 5 nsubj",
			"sent send VERB 0 root",
			"food food NOUN 5 obj",
			"to to ADP 8 case",
			"Valmore Valmore PROPN 5 obl",
		}, "NGOKES>VAL:073"},
		{"compound subject and target", 0, []string{
			"Kestria Kestria PROPN 4 nsubj",
			"and and CCONJ 3 cc",
			"Orbis Orbis PROPN 1 conj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
			"and and CCONJ 7 cc",
			"Tallis Tallis PROPN 5 conj",
		}, "KES>TAL:190 KES>VAL:190 ORB>TAL:190 ORB>VAL:190"},
		{"reciprocal code", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"met meet VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
		}, "KES>VAL:040 VAL>KES:040"},
		{"arrival codes both ways", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"arrived arrive VERB 0 root",
			"in in ADP 4 case",
			"Valmore Valmore PROPN 2 obl",
		}, "KES>VAL:042 VAL>KES:043"},
		{"pattern with a synonym set", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"sent send VERB 0 root",
			"heavy heavy ADJ 4 amod",
			"equipment equipment NOUN 2 obj",
			"to to ADP 6 case",
			"Valmore Valmore PROPN 2 obl",
		}, "KES>VAL:073"},
		{"noun phrase pattern", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"sent send VERB 0 root",
			"a a DET 5 det",
			"peace peace NOUN 5 compound",
			"envoy envoy NOUN 2 obj",
			"to to ADP 7 case",
			"Valmore Valmore PROPN 2 obl",
		}, "KES>VAL:036"},
		{"prepositional pattern", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"sent send VERB 0 root",
			"envoys envoy NOUN 2 obj",
			"to to ADP 5 case",
			"Valmore Valmore PROPN 2 obl",
			"for for ADP 7 case",
			"talks talk NOUN 2 obl",
		}, "KES>VAL:036"},
		{"pattern word is not a stem", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"sent send VERB 0 root",
			"troopships troopship NOUN 2 obj",
			"to to ADP 5 case",
			"Valmore Valmore PROPN 2 obl",
		}, "KES>VAL:070"},
		{"source and target marked in the pattern", 0, []string{
			"Kestrian Kestrian ADJ 2 amod",
			"soldiers soldier NOUN 4 nsubj:pass",
			"were be AUX 4 aux:pass",
			"freed free VERB 0 root",
			"from from ADP 6 case",
			"Valmore Valmore PROPN 4 obl",
		}, "VAL>KESMIL:080"},
		{"compound subject coded against itself", 0, []string{
			"Kestria Kestria PROPN 5 nsubj",
			"and and CCONJ 3 cc",
			"Valmore Valmore PROPN 1 conj",
			"have have AUX 5 aux",
			"postponed postpone VERB 0 root",
			"talks talk NOUN 5 obj",
		}, "KES>VAL:120 VAL>KES:120"},
		{"negation takes the negated code", 0, []string{
			"Kestria Kestria PROPN 4 nsubj",
			"did do AUX 4 aux",
			"not not PART 4 advmod",
			"cooperate cooperate VERB 0 root",
			"with with ADP 6 case",
			"Valmore Valmore PROPN 4 obl",
		}, "KES>VAL:110"},
		{"negation without a negated code codes nothing", 0, []string{
			"Kestria Kestria PROPN 4 nsubj",
			"did do AUX 4 aux",
			"n't not PART 4 advmod",
			"attack attack VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
		}, ""},
		{"particle verb", 0, []string{
			"Kestrian Kestrian ADJ 2 amod",
			"police police NOUN 3 nsubj",
			"sealed seal VERB 0 root",
			"off off ADP 3 compound:prt",
			"Port Port PROPN 6 compound",
			"Arden Arden PROPN 3 obj",
		}, "KESCOP>ORB:144"},
		{"date-restricted code inside its range", 20210615, []string{
			"President President PROPN 3 compound",
			"Nyra Nyra PROPN 3 flat",
			"Adel Adel PROPN 4 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
		}, "KESGOV>VAL:190"},
		{"date-restricted code outside its range", 20250101, []string{
			"President President PROPN 3 compound",
			"Nyra Nyra PROPN 3 flat",
			"Adel Adel PROPN 4 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
		}, "KESELI>VAL:190"},
		{"control verb lends its subject", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"vowed vow VERB 0 root",
			"to to PART 4 mark",
			"attack attack VERB 2 xcomp",
			"Valmore Valmore PROPN 4 obj",
		}, "KES>VAL:190"},
		{"verb misattached to the object of the first", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
			"and and CCONJ 5 cc",
			"met meet VERB 3 conj",
			"Orbis Orbis PROPN 5 obj",
		}, "KES>ORB:040 KES>VAL:190 ORB>KES:040"},
		{"possessor misattached to the verb", 0, []string{
			"Kestria Kestria PROPN 4 nmod:poss",
			"'s 's PART 1 case",
			"police police NOUN 4 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
		}, "KESCOP>VAL:190"},
		{"verb misparsed as a participle of its subject", 0, []string{
			"Kestrian Kestrian ADJ 2 amod",
			"police police NOUN 0 root",
			"attacked attack VERB 2 acl VBD",
			"Valmore Valmore PROPN 3 obj",
		}, "KESCOP>VAL:190"},
		{"a quantity counts the actors", 0, []string{
			"thousands thousand NOUN 4 nsubj",
			"of of ADP 3 case",
			"soldiers soldier NOUN 1 nmod",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 4 obj",
		}, ""},
		{"a pronoun is not an actor", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"orbis orbis PRON 2 obj",
		}, ""},
		{"no target, no event", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"at at ADP 4 case",
			"dawn dawn NOUN 2 obl",
		}, ""},
		{"sentence discard", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
			"in in ADP 5 case",
			"football football NOUN 2 obl",
		}, "discard:1"},
		{"story discard", 0, []string{
			"Kestria Kestria PROPN 2 nsubj",
			"attacked attack VERB 0 root",
			"the the DET 5 det",
			"weather weather NOUN 5 compound",
			"forecast forecast NOUN 2 obj",
		}, "discard:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(code(t, c, tt.date, testshared.CoNLLU(t, tt.rows...)), " ")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEventEvidence(t *testing.T) {
	c := testCoder(t)
	s, err := conllu.Parse(testshared.CoNLLU(t,
		"Kestria Kestria PROPN 2 nsubj",
		"sent send VERB 0 root",
		"medicine medicine NOUN 2 obj",
		"to to ADP 5 case",
		"Valmore Valmore PROPN 2 obl",
	), "test")
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := c.CodeSentence(s, 0)
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1", len(evs))
	}
	e := evs[0]
	if e.Verb != 1 || e.VerbText != "sent" || !strings.HasPrefix(e.Rule, "SEND: * &AIDTYPE") {
		t.Errorf("evidence = verb %d %q rule %q", e.Verb, e.VerbText, e.Rule)
	}
	if e.Source.First != 0 || e.Target.First != 4 {
		t.Errorf("actor spans = %d, %d; want 0, 4", e.Source.First, e.Target.First)
	}
}

func TestCodeStory(t *testing.T) {
	one := testshared.CoNLLU(t,
		"Kestria Kestria PROPN 2 nsubj",
		"attacked attack VERB 0 root",
		"Valmore Valmore PROPN 2 obj",
	)
	discard := testshared.CoNLLU(t,
		"the the DET 2 det",
		"weather weather NOUN 3 compound",
		"forecast forecast NOUN 0 root",
	)
	sent := func(block string) *event.Sentence {
		s, err := conllu.Parse(block, "test")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	c := testCoder(t)
	evs, d := c.CodeStory([]*event.Sentence{sent(one), sent(one)}, 0)
	if d != coder.NotDiscarded || len(evs[0]) != 1 || len(evs[1]) != 1 {
		t.Errorf("without the filter: %v %d", evs, d)
	}
	if _, d := c.CodeStory([]*event.Sentence{sent(one), sent(discard)}, 0); d != coder.StoryDiscard {
		t.Errorf("story discard not reported: %d", d)
	}
	once := coder.New(testSet(t), coder.Options{OnePerStory: true})
	evs, _ = once.CodeStory([]*event.Sentence{sent(one), sent(one)}, 0)
	if len(evs[0]) != 1 || len(evs[1]) != 0 {
		t.Errorf("one event per story: got %d and %d events", len(evs[0]), len(evs[1]))
	}
}

func TestNounEvents(t *testing.T) {
	set := testSet(t)
	set.Nouns = dict.NewNouns()
	set.Nouns.Add(&dict.NounEvent{Code: "186", Noun: "assassination"}, "assassination")
	set.Nouns.Add(&dict.NounEvent{Code: "040", Code2: "040", Noun: "meeting"}, "meeting")
	set.Nouns.Add(&dict.NounEvent{Code: "111", Noun: "criticism"}, "criticism")
	c := coder.New(set, coder.Options{})
	tests := []struct {
		name string
		rows []string
		want string
	}{
		{"possessor and of-phrase", []string{
			"Kestria Kestria PROPN 3 nmod:poss",
			"'s 's PART 1 case",
			"assassination assassination NOUN 0 root",
			"of of ADP 5 case",
			"Valmore Valmore PROPN 3 nmod",
		}, "KES>VAL:186"},
		{"between two members", []string{
			"the the DET 2 det",
			"meeting meeting NOUN 0 root",
			"between between ADP 4 case",
			"Kestria Kestria PROPN 2 nmod",
			"and and CCONJ 6 cc",
			"Valmore Valmore PROPN 4 conj",
		}, "KES>VAL:040 VAL>KES:040"},
		{"bare noun codes nothing", []string{
			"the the DET 2 det",
			"assassination assassination NOUN 0 root",
			"of of ADP 4 case",
			"Valmore Valmore PROPN 2 nmod",
		}, ""},
		{"drawn from, by the subject of the verb", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"met meet VERB 0 root",
			"Valmore Valmore PROPN 2 obj",
			", , PUNCT 5 punct",
			"drawing draw VERB 2 advcl VBG",
			"criticism criticism NOUN 5 obj",
			"from from ADP 8 case",
			"Orbis Orbis PROPN 6 nmod",
		}, "KES>VAL:040 ORB>KES:111 VAL>KES:040"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(code(t, c, 0, testshared.CoNLLU(t, tt.rows...)), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// supportSet is testSet with event nouns, frames and support verbs.
func supportSet(t *testing.T) *dict.Set {
	set := testSet(t)
	set.Nouns = dict.NewNouns()
	for code, nouns := range map[string][]string{"163": {"sanction"}, "190": {"attack"}, "186": {"assassination"}, "141": {"protest"}, "045": {"mediation"}, "057": {"agreement"}} {
		set.Nouns.Add(&dict.NounEvent{Code: code, Noun: nouns[0]}, nouns...)
	}
	set.Nouns.Add(&dict.NounEvent{Code: "040", Code2: "040", Noun: "talks"}, "talks")
	set.Nouns.Add(&dict.NounEvent{Code: "142", Noun: "hunger strike"}, "hunger strike")
	for _, v := range []string{"IMPOSE", "HOLD", "CARRY_OUT", "ORDER", "LODGE", "LAUNCH", "ENTER_INTO", "BEGIN"} {
		set.Nouns.AddSupport(v, nil)
	}
	set.Nouns.AddSupport("HAVE", []string{"04"})
	set.Nouns.Frames["EFFORT"] = true
	return set
}

func TestSupportVerbs(t *testing.T) {
	set := supportSet(t)
	tests := []struct {
		name string
		rows []string
		want string
	}{
		{"object names the event", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"imposed impose VERB 0 root",
			"sanctions sanction NOUN 2 obj",
			"on on ADP 5 case",
			"Valmore Valmore PROPN 3 nmod",
		}, "KES>VAL:163"},
		{"target attached to the verb", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"imposed impose VERB 0 root",
			"sanctions sanction NOUN 2 obj",
			"on on ADP 5 case",
			"Valmore Valmore PROPN 2 obl",
		}, "KES>VAL:163"},
		{"mutual event, both ways", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"held hold VERB 0 root",
			"talks talk NOUN 2 obj",
			"with with ADP 5 case",
			"Valmore Valmore PROPN 3 nmod",
		}, "KES>VAL:040 VAL>KES:040"},
		{"members of the subject", []string{
			"Kestria Kestria PROPN 4 nsubj",
			"and and CCONJ 3 cc",
			"Valmore Valmore PROPN 1 conj",
			"held hold VERB 0 root",
			"talks talk NOUN 4 obj",
		}, "KES>VAL:040 VAL>KES:040"},
		{"particle verb", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"carried carry VERB 0 root",
			"out out ADP 2 compound:prt",
			"an a DET 5 det",
			"attack attack NOUN 2 obj",
			"on on ADP 7 case",
			"Valmore Valmore PROPN 5 nmod",
		}, "KES>VAL:190"},
		{"passive, the agent acts", []string{
			"Sanctions sanction NOUN 3 nsubj:pass",
			"were be AUX 3 aux:pass",
			"imposed impose VERB 0 root",
			"on on ADP 5 case",
			"Valmore Valmore PROPN 3 obl",
			"by by ADP 7 case",
			"Kestria Kestria PROPN 3 obl",
		}, "KES>VAL:163"},
		{"noun after a preposition", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"entered enter VERB 0 root",
			"into into ADP 5 case",
			"an a DET 5 det",
			"agreement agreement NOUN 2 obl",
			"with with ADP 7 case",
			"Valmore Valmore PROPN 5 nmod",
		}, "KES>VAL:057"},
		{"compound noun", []string{
			"Kestrian Kestrian ADJ 2 amod",
			"soldiers soldier NOUN 3 nsubj",
			"began begin VERB 0 root",
			"a a DET 6 det",
			"hunger hunger NOUN 6 compound",
			"strike strike NOUN 3 obj",
		}, "KESMIL>:142"},
		{"frame noun", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"launched launch VERB 0 root",
			"a a DET 5 det",
			"mediation mediation NOUN 5 compound",
			"effort effort NOUN 2 obj",
			"between between ADP 7 case",
			"Valmore Valmore PROPN 5 nmod",
			"and and CCONJ 9 cc",
			"Orbis Orbis PROPN 7 conj",
		}, "KES>ORB:045 KES>VAL:045"},
		{"possessor is the target", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"ordered order VERB 0 root",
			"Valmore Valmore PROPN 5 nmod:poss",
			"'s 's PART 3 case",
			"assassination assassination NOUN 2 obj",
		}, "KES>VAL:186"},
		{"a support verb of some roots only", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"had have VERB 0 root",
			"sanctions sanction NOUN 2 obj",
			"on on ADP 5 case",
			"Valmore Valmore PROPN 3 nmod",
		}, ""},
		{"the verb's pattern wins", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"lodged lodge VERB 0 root",
			"a a DET 4 det",
			"protest protest NOUN 2 obj",
			"with with ADP 6 case",
			"Valmore Valmore PROPN 2 obl",
		}, "KES>VAL:114"},
		{"not a support verb", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"condemned condemn VERB 0 root",
			"the the DET 4 det",
			"attack attack NOUN 2 obj",
			"on on ADP 6 case",
			"Valmore Valmore PROPN 4 nmod",
		}, "KES>VAL:111"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := coder.Options{}
			if tt.name == "compound noun" {
				opt = coder.Options{SourceOnly: true, RoleOnlyActors: true}
			}
			c := coder.New(set, opt)
			if got := strings.Join(code(t, c, 0, testshared.CoNLLU(t, tt.rows...)), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMainVerb codes clauses whose verb the parser hung as a modifier,
// as the embedded parser does for some sentences, and leaves real
// modifiers alone.
func TestMainVerb(t *testing.T) {
	c := coder.New(supportSet(t), coder.Options{})
	tests := []struct {
		name string
		rows []string
		want string
	}{
		{"verb as an adjective of its object", []string{
			"The the DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"government government NOUN 5 nsubj",
			"imposed impose VERB 5 amod VBD",
			"sanctions sanction NOUN 0 root",
			"on on ADP 7 case",
			"Valmore Valmore PROPN 5 nmod",
			". . PUNCT 5 punct",
		}, "KESGOV>VAL:163"},
		{"verb as a participle clause of a time word", []string{
			"A a DET 3 det",
			"Kestrian Kestrian ADJ 3 amod",
			"lawmaker lawmaker ADJ 0 root",
			"today today NOUN 3 obl:unmarked",
			"condemned condemn VERB 4 acl VBN",
			"Valmore Valmore PROPN 5 obj",
		}, "KESLEG>VAL:111"},
		{"a participle after a determiner stays a modifier", []string{
			"the the DET 3 det",
			"imposed impose VERB 3 amod VBN",
			"sanctions sanction NOUN 0 root",
			"on on ADP 5 case",
			"Valmore Valmore PROPN 3 nmod",
		}, ""},
		{"a participle clause without an object stays one", []string{
			"a a DET 2 det",
			"lawmaker lawmaker NOUN 0 root",
			"condemned condemn VERB 2 acl VBN",
			"by by ADP 5 case",
			"Valmore Valmore PROPN 3 obl",
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(code(t, c, 0, testshared.CoNLLU(t, tt.rows...)), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// With a verb above, a participle keeps its parse: Mend leaves it.
	s, err := conllu.Parse(testshared.CoNLLU(t,
		"Orbis Orbis PROPN 2 nsubj",
		"condemned condemn VERB 0 root",
		"Kestria Kestria PROPN 4 nsubj",
		"imposed impose VERB 5 amod VBD",
		"sanctions sanction NOUN 2 obj",
	), "test")
	if err != nil {
		t.Fatal(err)
	}
	c.Mend(s)
	if s.Tokens[3].Head != 5 || s.Tokens[3].Rel != "amod" {
		t.Errorf("Mend moved a modifier under a verb: head %d rel %s", s.Tokens[3].Head, s.Tokens[3].Rel)
	}
}

// TestMendBaseConjunct: a conjunct whose auxiliary is a base form shares
// the modal of the base verb before it, not the tense of the verb the
// parser hung it from ("said the governor should resign and be
// banished"); one with an auxiliary of its own tense stays.
func TestMendBaseConjunct(t *testing.T) {
	c := testCoder(t)
	for _, tt := range []struct {
		aux, auxXPOS string
		head         int
	}{
		{"be", "VB", 8},   // "and be banished": the conjunct of "resign"
		{"was", "VBD", 4}, // "and was banished": the conjunct of "said"
	} {
		s, err := conllu.Parse(testshared.CoNLLU(t,
			"Orbis Orbis PROPN 2 nsubj",
			"leader leader NOUN 4 nsubj",
			"Ruiz Ruiz PROPN 2 flat",
			"said say VERB 0 root VBD",
			"the the DET 6 det",
			"governor governor NOUN 8 nsubj",
			"should should AUX 8 aux MD",
			"resign resign VERB 4 ccomp VB",
			"and and CCONJ 11 cc",
			tt.aux+" be AUX 11 aux:pass "+tt.auxXPOS,
			"banished banish VERB 4 conj VBN",
		), "test")
		if err != nil {
			t.Fatal(err)
		}
		c.Mend(s)
		if got := s.Tokens[10].Head; got != tt.head {
			t.Errorf("and %s banished: head %d, want %d", tt.aux, got, tt.head)
		}
	}
}

func TestKeepReferences(t *testing.T) {
	block := testshared.CoNLLU(t,
		"He he PRON 2 nsubj",
		"attacked attack VERB 0 root",
		"Valmore Valmore PROPN 2 obj",
	)
	if got := code(t, testCoder(t), 0, block); len(got) != 0 {
		t.Errorf("a pronoun source was coded without KeepPronouns: %v", got)
	}
	s, err := conllu.Parse(block, "test")
	if err != nil {
		t.Fatal(err)
	}
	keep := coder.New(testSet(t), coder.Options{KeepReferences: true})
	evs, _ := keep.CodeSentence(s, 0)
	if len(evs) != 1 || evs[0].Source.Ref != coder.Pronoun || evs[0].Source.First != 0 || evs[0].Target.Code != "VAL" {
		t.Errorf("got %+v, want one event with a pronoun source", evs)
	}
	name, err := conllu.Parse(testshared.CoNLLU(t,
		"Lira Lira PROPN 2 flat",
		"Moss Moss PROPN 3 nsubj",
		"attacked attack VERB 0 root",
		"Valmore Valmore PROPN 3 obj",
	), "test")
	if err != nil {
		t.Fatal(err)
	}
	name.Tokens[0].Entity, name.Tokens[1].Entity = "B-PER", "I-PER"
	evs, _ = keep.CodeSentence(name, 0)
	if len(evs) != 1 || evs[0].Source.Ref != coder.Name || evs[0].Source.First != 0 || evs[0].Source.Last != 1 {
		t.Errorf("got %+v, want one event with the unknown name Lira Moss as source", evs)
	}
}

func TestDemandYield(t *testing.T) {
	c := coder.New(testSet(t), coder.Options{DemandYield: true})
	tests := []struct {
		name string
		rows []string
		want string
	}{
		{"should resign", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"said say VERB 0 root",
			"Valmore Valmore PROPN 5 nsubj",
			"should should AUX 5 aux",
			"resign resign VERB 2 ccomp",
		}, "KES>VAL:010 KES>VAL:1041"},
		{"must do anything", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"said say VERB 0 root",
			"Valmore Valmore PROPN 5 nsubj",
			"must must AUX 5 aux",
			"leave leave VERB 2 ccomp",
		}, "KES>VAL:010 KES>VAL:100"},
		{"no obligation, no demand", []string{
			"Kestria Kestria PROPN 2 nsubj",
			"said say VERB 0 root",
			"Valmore Valmore PROPN 4 nsubj",
			"resigned resign VERB 2 ccomp",
		}, "KES>VAL:010"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(code(t, c, 0, testshared.CoNLLU(t, tt.rows...)), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestArticleOptions checks options of the article pipeline: each case
// codes nothing in PETRARCH's mode and want with the option.
func TestArticleOptions(t *testing.T) {
	tests := []struct {
		name string
		opt  coder.Options
		rows []string
		want string
	}{
		{"role-only target", coder.Options{RoleOnlyActors: true}, []string{
			"Kestrian Kestrian ADJ 2 amod",
			"police police NOUN 3 nsubj",
			"attacked attack VERB 0 root",
			"soldiers soldier NOUN 3 obj",
		}, "KESCOP>MIL:190"},
		{"members acting on each other", coder.Options{SourceOnly: true}, []string{
			"Kestria Kestria PROPN 4 nsubj",
			"and and CCONJ 3 cc",
			"Valmore Valmore PROPN 1 conj",
			"met meet VERB 0 root",
			"in in ADP 6 case",
			"secret secret NOUN 4 obl",
		}, "KES>VAL:040 VAL>KES:040"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			block := testshared.CoNLLU(t, tt.rows...)
			if got := code(t, testCoder(t), 0, block); len(got) != 0 {
				t.Errorf("PETRARCH mode coded %v", got)
			}
			if got := strings.Join(code(t, coder.New(testSet(t), tt.opt), 0, block), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMendComparativeCount: "More than 1000 people" parsed with "More" as
// the head gets "people" back as the head, so that the people are an
// actor; a comparative without "than" or with no noun is left alone.
func TestMendComparativeCount(t *testing.T) {
	c := testCoder(t)
	for _, tt := range []struct {
		name                 string
		first, than, counted string
		wantHead             int // of the counted noun (token 4)
		wantRel              string
	}{
		{"more than, a noun", "More more ADV 7 nsubj:pass", "than than ADP 4 case", "people people NOUN 1 obl", 7, "nsubj:pass"},
		{"fewer than, a noun", "Fewer few ADJ 7 nsubj:pass", "than than ADP 4 case", "people people NOUN 1 obl", 7, "nsubj:pass"},
		{"no than", "More more ADV 7 nsubj:pass", "of of ADP 4 case", "people people NOUN 1 obl", 1, "obl"},
		{"a numeral, no noun", "More more ADV 7 nsubj:pass", "than than ADP 4 case", "that that PRON 1 obl", 1, "obl"},
	} {
		s, err := conllu.Parse(testshared.CoNLLU(t,
			tt.first,
			tt.than,
			"1000 1000 NUM 4 nummod",
			tt.counted,
			"have have AUX 7 aux",
			"been be AUX 7 aux:pass",
			"arrested arrest VERB 0 root VBN",
		), "test")
		if err != nil {
			t.Fatal(err)
		}
		c.Mend(s)
		if got := s.Tokens[3]; got.Head != tt.wantHead || got.Rel != tt.wantRel {
			t.Errorf("%s: %s has head %d (%s), want %d (%s)", tt.name, got.Text, got.Head, got.Rel, tt.wantHead, tt.wantRel)
		}
	}
}
