package quote

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tokenize"
)

// got is a quote reduced to what the tests check.
type got struct {
	kind, content, cue, speaker, entity string
}

func find(t *testing.T, text string) []got {
	t.Helper()
	qs, err := Find(text, tokenize.Split(text))
	if err != nil {
		t.Fatalf("Find(%q): %v", text, err)
	}
	var out []got
	for i := range qs {
		q := &qs[i]
		out = append(out, got{q.Kind, q.Text(text), q.Cue, q.Speaker.Text, q.Entity.Text})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []got
	}{
		{"split quote", "Ambassador Lena Okoro arrived on Tuesday. “We will stay,” she said, “until the last convoy leaves.”",
			[]got{{Direct, "We will stay, ... until the last convoy leaves.", "said", "she", "Ambassador Lena Okoro"}}},
		{"said after name", "“The bridge is closed to all traffic,” said Colonel Ivan Petrov.",
			[]got{{Direct, "The bridge is closed to all traffic,", "said", "Colonel Ivan Petrov", "Colonel Ivan Petrov"}}},
		{"leading cue", "The mayor told reporters: “Nobody will be evicted from these homes.”",
			[]got{{Direct, "Nobody will be evicted from these homes.", "told", "The mayor", "The mayor"}}},
		{"straight quotes", `"Talks will resume next month," the minister said.`,
			[]got{{Direct, "Talks will resume next month,", "said", "the minister", "the minister"}}},
		{"multi-paragraph", "Union leader Maria Santos spoke at the rally. “We have waited for three years,” she said. “Our patience is gone.\n\n“Tomorrow the ports will close.”",
			[]got{{Direct, "We have waited for three years, ... Our patience is gone. ... Tomorrow the ports will close.", "said", "she", "Maria Santos"}}},
		{"a continued paragraph with its own cue", "“We have waited for three years,” union leader Maria Santos said. “Our patience is gone.\n\n“Tomorrow the ports will close,” she added.",
			[]got{{Direct, "We have waited for three years, ... Our patience is gone.", "said", "union leader Maria Santos", "Maria Santos"},
				{Direct, "Tomorrow the ports will close,", "added", "she", "Maria Santos"}}},
		{"carried-over paragraph", "“The vote was stolen,” opposition leader Tomas Berg said on Monday.\n\n“We will take this to the courts and to the streets.”",
			[]got{{Direct, "The vote was stolen,", "said", "opposition leader Tomas Berg", "Tomas Berg"},
				{Direct, "We will take this to the courts and to the streets.", "", "opposition leader Tomas Berg", "Tomas Berg"}}},
		{"scare quotes are not speech", "The government called the plan a “roadmap” for the region.", nil},
		{"indirect with that", "Finance Minister Ana Ruiz said on Friday that the budget would be cut by a tenth.",
			[]got{{Indirect, "the budget would be cut by a tenth", "said", "Finance Minister Ana Ruiz", "Finance Minister Ana Ruiz"}}},
		{"told someone that", "The general told parliament that troops would leave the border zone.",
			[]got{{Indirect, "troops would leave the border zone", "told", "The general", "The general"}}},
		{"clause then speaker", "The talks collapsed after midnight, a diplomat said.",
			[]got{{Indirect, "The talks collapsed after midnight", "said", "a diplomat", "a diplomat"}}},
		{"according to first", "According to local officials, the dam burst shortly before dawn.",
			[]got{{According, "the dam burst shortly before dawn", "According to", "local officials", "local officials"}}},
		{"according to last", "Five people were injured in the clashes, according to the Red Crescent.",
			[]got{{According, "Five people were injured in the clashes", "according to", "the Red Crescent", "Red Crescent"}}},
		{"description coreference", "Influential Shia cleric Hamid al-Nouri called for calm. “Go home,” the cleric said.",
			[]got{{Direct, "Go home,", "said", "the cleric", "Hamid al-Nouri"}}},
		{"subject before a relative clause", "Governor Paul Adler, who faces a recall vote, said the state would appeal.",
			[]got{{Indirect, "the state would appeal", "said", "Governor Paul Adler", "Governor Paul Adler"}}},
		{"headline speaker", "Mayor Ruiz: the bridge will reopen in May\n\nWork began last year.",
			[]got{{Indirect, "the bridge will reopen in May", ":", "Mayor Ruiz", "Mayor Ruiz"}}},
		{"apposition before the verb", "Ali Hassan, spokesman for the ministry, said the border would stay open.",
			[]got{{Indirect, "the border would stay open", "said", "Ali Hassan", "Ali Hassan"}}},
		{"participle takes the clause's subject", "The senator spoke for an hour, saying the bill was dead.",
			[]got{{Indirect, "the bill was dead", "saying", "The senator", "The senator"}}},
		{"quote inside indirect speech", "The envoy said that the deal was “dead on arrival” after the vote.",
			[]got{{Indirect, "the deal was “dead on arrival” after the vote", "said", "The envoy", "The envoy"}}},
		{"two speakers in a row", "“We are ready,” said Colonel Ana Silva. “We are not,” said Major Tom Kell.",
			[]got{{Direct, "We are ready,", "said", "Colonel Ana Silva", "Colonel Ana Silva"},
				{Direct, "We are not,", "said", "Major Tom Kell", "Major Tom Kell"}}},
		{"colon in the sentence before", "The minister released a statement on Sunday:\n\n“The border crossings will reopen at dawn.”",
			[]got{{Direct, "The border crossings will reopen at dawn.", ":", "The minister", "The minister"}}},
		{"doubled apostrophes as quotation marks", "''The port is open,'' the harbour master said.",
			[]got{{Direct, "The port is open,", "said", "the harbour master", "the harbour master"}}},
		{"an interview label is no headline speaker", "Q: Will the border reopen this week?\n\nA: We expect it to reopen on Friday.", nil},
		{"a page label is no headline speaker", "UPDATE: the bridge reopened on Friday.", nil},
		{"no headline speaker in lower case", "Editor's note: the figures were corrected on Monday.", nil},
		{"page debris is no speaker", "Zach CarterFlagShareLikeReplySara said the vote was close.", nil},
		{"a name with one inner capital speaks", "Mayor Ann McDonald said the vote was close.",
			[]got{{Indirect, "the vote was close", "said", "Mayor Ann McDonald", "Mayor Ann McDonald"}}},
		{"a share of a group speaks as the group", "At least half of the delegates said the vote was unfair.",
			[]got{{Indirect, "the vote was unfair", "said", "At least half of the delegates", "At least half of the delegates"}}},
		{"transcript lines", "Partial transcript as follows:\n\n\"HOLT: Will the border reopen this week?\n\n\"OKORO: We expect it to reopen on Friday.",
			[]got{{Direct, "Will the border reopen this week?", ":", "HOLT", "HOLT"},
				{Direct, "We expect it to reopen on Friday.", ":", "OKORO", "OKORO"}}},
		{"long speaker after the quote", "“The ceasefire holds,” the army's chief of staff, General Omar Diallo, said on Sunday.",
			[]got{{Direct, "The ceasefire holds,", "said", "the army's chief of staff", "General Omar Diallo"}}},
		{"inverted cue after an aside", "''Prices will keep rising,'' at least until spring, said Rosa Lind, a grain trader.",
			[]got{{Direct, "Prices will keep rising,", "said", "Rosa Lind", "Rosa Lind"}}},
		{"no carried speaker across paragraphs", "“We won,” said Mayor Ana Cole.\n\nTurnout was low.\n\n“This is only the start of a long campaign.”",
			[]got{{Direct, "We won,", "said", "Mayor Ana Cole", "Mayor Ana Cole"}}},
		{"a second speech clause is a quote of its own", "Governor Ana Ruiz said the dam was safe, but she also warned that the river would rise.",
			[]got{{Indirect, "the dam was safe", "said", "Governor Ana Ruiz", "Governor Ana Ruiz"},
				{Indirect, "the river would rise", "warned", "she", "Governor Ana Ruiz"}}},
		{"a pronoun's speech clause after a comma is a quote of its own", "While Mayor Ana Cole said the dam was safe, she said the river would rise.",
			[]got{{Indirect, "the dam was safe", "said", "Mayor Ana Cole", "Mayor Ana Cole"},
				{Indirect, "the river would rise", "said", "she", "Mayor Ana Cole"}}},
		{"a short aside after a comma stays content", "The mayor said, if asked, he would say the dam was safe.",
			[]got{{Indirect, "if asked, he would say the dam was safe", "said", "The mayor", "The mayor"}}},
		{"a conjoined clause without speech stays content", "Governor Ana Ruiz said the dam was safe and the river would not rise.",
			[]got{{Indirect, "the dam was safe and the river would not rise", "said", "Governor Ana Ruiz", "Governor Ana Ruiz"}}},
		{"group description", "The Northern Alliance Party held a congress in the capital. The party said it would boycott the election.",
			[]got{{Indirect, "it would boycott the election", "said", "The party", "Northern Alliance Party"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := find(t, tt.text)
			if len(g) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d %+v", len(g), g, len(tt.want), tt.want)
			}
			for i := range g {
				if g[i] != tt.want[i] {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, g[i], tt.want[i])
				}
			}
		})
	}
}

var _ = event.Asserted

// TestFindParsed checks the speakers read from a dependency tree, given
// here by hand as "UPOS/head/relation" per token (heads 1-based).
func TestFindParsed(t *testing.T) {
	tests := []struct {
		name, text string
		tree       []string
		want       got
	}{
		{"the nearest of two subjects", "The plan, the minister said, would cut taxes.",
			[]string{"DET/2/det", "NOUN/6/nsubj", "PUNCT/2/punct", "DET/5/det", "NOUN/6/nsubj", "VERB/0/root",
				"PUNCT/9/punct", "AUX/9/aux", "VERB/6/ccomp", "NOUN/9/obj", "PUNCT/6/punct"},
			got{Indirect, "would cut taxes", "said", "the minister", "the minister"}},
		{"a relative pronoun stands for its noun", "Talks were led by Ms. Ode, who said the truce would hold.",
			[]string{"NOUN/3/nsubj:pass", "AUX/3/aux:pass", "VERB/0/root", "ADP/6/case", "PROPN/6/compound", "PROPN/3/obl:agent",
				"PUNCT/9/punct", "PRON/9/nsubj", "VERB/6/acl:relcl", "DET/11/det", "NOUN/13/nsubj", "AUX/13/aux",
				"VERB/9/ccomp", "PUNCT/3/punct"},
			got{Indirect, "the truce would hold", "said", "who", "Ms. Ode"}},
		{"a preposition's object is no speaker", "Ruiz spoke on the campaign trail, saying the plan would fail.",
			[]string{"PROPN/2/nsubj", "VERB/0/root", "ADP/6/case", "DET/6/det", "NOUN/6/compound", "NOUN/8/nsubj",
				"PUNCT/8/punct", "VERB/2/advcl", "DET/10/det", "NOUN/12/nsubj", "AUX/12/aux", "VERB/8/ccomp", "PUNCT/2/punct"},
			got{Indirect, "the plan would fail", "saying", "Ruiz", "Ruiz"}},
		{"a noun's prepositional phrase belongs to the speaker", "Executives for the company said the plant would close.",
			[]string{"NOUN/5/dep", "ADP/4/case", "DET/4/det", "NOUN/5/nsubj", "VERB/0/root", "DET/7/det", "NOUN/9/nsubj",
				"AUX/9/aux", "VERB/5/ccomp", "PUNCT/5/punct"},
			got{Indirect, "the plant would close", "said", "Executives for the company", "Executives for the company"}},
		{"a share takes what it counts", "Six in 10 voters said the economy was weak.",
			[]string{"NUM/5/nsubj", "ADP/3/case", "NUM/4/nummod", "NOUN/1/nmod", "VERB/0/root", "DET/7/det",
				"NOUN/9/nsubj", "AUX/9/cop", "ADJ/5/ccomp", "PUNCT/5/punct"},
			got{Indirect, "the economy was weak", "said", "Six in 10 voters", "Six in 10 voters"}},
		{"a participle on the object takes the verb's subject", "Mayor Lin issued a statement saying the bridge would reopen.",
			[]string{"PROPN/2/compound", "PROPN/3/nsubj", "VERB/0/root", "DET/5/det", "NOUN/3/obj", "VERB/5/acl",
				"DET/8/det", "NOUN/10/nsubj", "AUX/10/aux", "VERB/6/ccomp", "PUNCT/3/punct"},
			got{Indirect, "the bridge would reopen", "saying", "Mayor Lin", "Mayor Lin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := tokenize.Split(tt.text)
			ts := sents[0].Tokens
			if len(ts) != len(tt.tree) {
				t.Fatalf("%d tokens, %d in the tree", len(ts), len(tt.tree))
			}
			for i, spec := range tt.tree {
				f := strings.Split(spec, "/")
				ts[i].UPOS, ts[i].Rel = f[0], f[2]
				ts[i].Head, _ = strconv.Atoi(f[1])
			}
			qs, err := Find(tt.text, sents)
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != 1 {
				t.Fatalf("%d quotes, want 1: %+v", len(qs), qs)
			}
			q := &qs[0]
			if g := (got{q.Kind, q.Text(tt.text), q.Cue, q.Speaker.Text, q.Entity.Text}); g != tt.want {
				t.Errorf("got %+v, want %+v", g, tt.want)
			}
		})
	}
}
