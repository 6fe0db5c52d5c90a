package tokenize

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// words renders sentences as tokens joined by spaces, one string a sentence.
func words(sents []event.Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		w := make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			w[j] = t.Text
		}
		out[i] = strings.Join(w, " ")
	}
	return out
}

// separator reports whether the rune r may be left out of every token.
func separator(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == 0x200B || r == 0xFEFF || r == 0x2060
}

// checkInvariants fails when sents is not a faithful segmentation of text:
// offsets in range, increasing and non-overlapping, texts equal to the
// bytes at their offsets, IDs 1-based, Head -1, and every byte that is not a
// separator inside some token.
func checkInvariants(t *testing.T, text string, sents []event.Sentence) {
	t.Helper()
	covered := make([]bool, len(text))
	prev := 0
	for i, s := range sents {
		if s.Index != i {
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: bad span [%d,%d) or text %q", i, s.Start, s.End, s.Text)
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d span [%d,%d) is not its tokens'", i, s.Start, s.End)
		}
		for j, tok := range s.Tokens {
			if tok.ID != j+1 || tok.Head != -1 {
				t.Fatalf("sentence %d token %d: ID %d Head %d", i, j, tok.ID, tok.Head)
			}
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("sentence %d token %d %q: span [%d,%d) after %d", i, j, tok.Text, tok.Start, tok.End, prev)
			}
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q at [%d,%d) but text has %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			for k := tok.Start; k < tok.End; k++ {
				covered[k] = true
			}
			prev = tok.End
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !covered[i] && (r == utf8.RuneError && n == 1 || !separator(r)) {
			t.Fatalf("byte %d (%q) of %q is in no token", i, text[i:i+n], text)
		}
		i += n
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // sentences, tokens separated by spaces
	}{
		{"empty", "", nil},
		{"blank", " \n\t \r\n ", nil},
		{"plain", "Rebels attacked the town.", []string{"Rebels attacked the town ."}},
		{"clitics", "They don't know, can't say and cannot go; we're gonna wait.",
			[]string{"They do n't know , ca n't say and can not go ; we 're gon na wait ."}},
		{"fused words", "Im Sung-nam said they dont know.", []string{"Im Sung - nam said they do nt know ."}},
		{"curly clitics", "Washington’s envoy said they don’t agree.",
			[]string{"Washington ’s envoy said they do n’t agree ."}},
		{"possessive plural", "The ministers' talks ended.", []string{"The ministers ' talks ended ."}},
		{"arabic names", "Abu Mahdi al-Muhandis of Kata'ib Hezbollah met Muqtada al-Sadr and Kata’ib leaders.",
			[]string{"Abu Mahdi al-Muhandis of Kata'ib Hezbollah met Muqtada al-Sadr and Kata’ib leaders ."}},
		{"apostrophe names", "O'Brien's aide spoke to Shi'ite clerics.",
			[]string{"O'Brien 's aide spoke to Shi'ite clerics ."}},
		{"hyphens", "A long-term, so-called e-mail campaign by a non-profit group.",
			[]string{"A long - term , so - called e-mail campaign by a non-profit group ."}},
		{"titles", "Lt. Gen. Smith met Dr. Jones and Mr. Brown at St. Mary's on Jan. 5.",
			[]string{"Lt. Gen. Smith met Dr. Jones and Mr. Brown at St. Mary 's on Jan. 5 ."}},
		{"initials", "J. R. R. Tolkien wrote it. He died in 1973.",
			[]string{"J. R. R. Tolkien wrote it .", "He died in 1973 ."}},
		{"abbreviation inside", "The U.S. military and Acme Corp. staff left at 5 p.m. local time.",
			[]string{"The U.S. military and Acme Corp. staff left at 5 p.m. local time ."}},
		{"abbreviations before names", "Gen. Petraeus met U.N. envoys and U.S. Sen. Graham in Jan. 2009. They spoke.",
			[]string{"Gen. Petraeus met U.N. envoys and U.S. Sen. Graham in Jan. 2009 .", "They spoke ."}},
		{"abbreviation at end", "He works for Acme Inc. The firm is in the U.S.",
			[]string{"He works for Acme Inc .", "The firm is in the U.S ."}},
		{"latin", "Some states, e.g. Iraq, i.e. the hosts, agreed.",
			[]string{"Some states , e.g. Iraq , i.e. the hosts , agreed ."}},
		{"number abbreviation", "He lives at No. 10. No. He left.",
			[]string{"He lives at No. 10 .", "No .", "He left ."}},
		{"numbers", "Prices rose 3.5% to $1,000,000 (£600m) on 3/1/2020, or 2020-01-03.",
			[]string{"Prices rose 3.5 % to $ 1,000,000 ( £ 600 m ) on 3/1/2020 , or 2020-01-03 ."}},
		{"decimal sentence", "Growth was 2.5 percent. It fell.", []string{"Growth was 2.5 percent .", "It fell ."}},
		{"times and units", "At 10:30 the 5pm talks began, the 21st round since the 1990s.",
			[]string{"At 10:30 the 5 pm talks began , the 21st round since the 1990s ."}},
		{"ranges and phones", "Call 713-853-3989 between 3-4 pm.", []string{"Call 713-853-3989 between 3 - 4 pm ."}},
		{"slashes", "He and/or she saw the 24/7 w/o fail.", []string{"He and / or she saw the 24/7 w/o fail ."}},
		{"dashes", "The deal -- and it was a deal — ended–abruptly.",
			[]string{"The deal -- and it was a deal — ended – abruptly ."}},
		{"web", "See http://example.com/a?b=1. Mail news@example.org or @annals_bot #Iraq now.",
			[]string{"See http://example.com/a?b=1 .", "Mail news@example.org or @annals_bot #Iraq now ."}},
		{"emoticon", "Great :) See you.", []string{"Great :)", "See you ."}},
		{"ellipsis", "He paused... then left. Wait... What?", []string{"He paused ... then left .", "Wait ...", "What ?"}},
		{"quote inside sentence", "He said 'Stop. Now.' and left.", []string{"He said ' Stop . Now . ' and left ."}},
		{"quote ends sentence", `He said "Stop." She left.`, []string{`He said " Stop . "`, "She left ."}},
		{"curly quote ends sentence", "He said “Stop.” She left.", []string{"He said “ Stop . ”", "She left ."}},
		{"single curly quote ends", "He said ‘no.’ Then he left.", []string{"He said ‘ no . ’", "Then he left ."}},
		{"quote then speaker", "“Why?” he asked.", []string{"“ Why ? ” he asked ."}},
		{"quote then named speaker", "‘How could he?’ Mohie asked. ‘Stop!’ Abu Ali al-Sadr said.",
			[]string{"‘ How could he ? ’ Mohie asked .", "‘ Stop ! ’ Abu Ali al-Sadr said ."}},
		{"long quote splits", "“We will fight them in the streets and in the hills. We will win this war,” he said.",
			[]string{"“ We will fight them in the streets and in the hills .", "We will win this war , ” he said ."}},
		{"guillemets and backticks", "«Non» and ``yes'' were said.", []string{"« Non » and `` yes '' were said ."}},
		{"headline", "Bomb kills 12 in Baghdad\n\nA car bomb exploded on Monday.",
			[]string{"Bomb kills 12 in Baghdad", "A car bomb exploded on Monday ."}},
		{"headline single newline", "Bomb kills 12 in Baghdad\nA car bomb exploded on Monday.",
			[]string{"Bomb kills 12 in Baghdad", "A car bomb exploded on Monday ."}},
		{"dateline", "ZENDA, March 12 (Reuters) - The two neighbours agreed on Tuesday to reopen it. The U.N. welcomed the move.",
			[]string{"ZENDA , March 12 ( Reuters ) -", "The two neighbours agreed on Tuesday to reopen it .", "The U.N. welcomed the move ."}},
		{"dateline with state and agency", "Talks resume\nPORT ELSEWHERE, Fla. (AP) — Ruritanian troops shelled the town.",
			[]string{"Talks resume", "PORT ELSEWHERE , Fla. ( AP ) —", "Ruritanian troops shelled the town ."}},
		{"no dateline inside a paragraph", "He said NATO - the alliance - would act.",
			[]string{"He said NATO - the alliance - would act ."}},
		{"no dateline in lower case", "ZENDA, a town of 500 - mostly farmers - voted.",
			[]string{"ZENDA , a town of 500 - mostly farmers - voted ."}},
		{"wrapped line", "The minister said the talks with the government would resume next\nweek in Geneva.",
			[]string{"The minister said the talks with the government would resume next week in Geneva ."}},
		{"hard-wrapped wire copy", "USAir Group Inc said Piedmont Aviation\nInc has agreed to be acquired for 69\ndlrs a share, the company said in a\nstatement.\n    The offer expires in April.",
			[]string{"USAir Group Inc said Piedmont Aviation Inc has agreed to be acquired for 69 dlrs a share , the company said in a statement .", "The offer expires in April ."}},
		{"decades and possessive numbers", "In the 1980's and '90s Radio 4's audience grew.",
			[]string{"In the 1980's and '90s Radio 4 's audience grew ."}},
		{"references and circa", "He was born c. 1818 in London.[3] He died in 1880. [4]\n\nNext.",
			[]string{"He was born c. 1818 in London . [ 3 ]", "He died in 1880 . [ 4 ]", "Next ."}},
		{"lower case after period", "call me. they left.", []string{"call me .", "they left ."}},
		{"missing space", "He left.Then she came.", []string{"He left .", "Then she came ."}},
		{"question and exclamation", "Really?! Yes!!! Fine.", []string{"Really ?!", "Yes !!!", "Fine ."}},
		{"brackets", "Iraq (the host) agreed [in part].", []string{"Iraq ( the host ) agreed [ in part ] ."}},
		{"e-mail header stamp", "Ann Lee 03/02/2019 10:15 AM Can you send the file? Thanks.",
			[]string{"Ann Lee", "03/02/2019 10:15 AM", "Can you send the file ?", "Thanks ."}},
		{"stamp inside a sentence", "The office closed on 03/02/2019 10:15 AM local time.",
			[]string{"The office closed on 03/02/2019 10:15 AM local time ."}},
		{"links without punctuation", "Photos: http://example.com/a.jpg http://example.com/b.jpg The rest are at www.example.org and on paper.",
			[]string{"Photos : http://example.com/a.jpg", "http://example.com/b.jpg", "The rest are at www.example.org and on paper ."}},
		{"address in brackets", `From "Ann Lee"<ann@example.org> Please reply.`,
			[]string{`From " Ann Lee " < ann@example.org >`, "Please reply ."}},
		{"list of attachments", "Charts attached: (See attached file: a.pdf) - Crude.pdf - Heating.PDF << File: c.xls >> - long - term.",
			[]string{"Charts attached : ( See attached file : a.pdf )", "- Crude.pdf", "- Heating.PDF << File : c.xls >>", "- long - term ."}},
		{"attachment before a capital", "Here they are.(See attached file: a.pdf)(See attached file: b.pdf) Regards, Ann",
			[]string{"Here they are .", "( See attached file : a.pdf ) ( See attached file : b.pdf )", "Regards ,", "Ann"}},
		{"separator line", "Minutes ========== Attendance was *** Low *** as usual.",
			[]string{"Minutes ==========", "Attendance was *** Low *** as usual ."}},
		{"closing of a letter", "Best regards, Ann Lee Acme Corp", []string{"Best regards ,", "Ann Lee Acme Corp"}},
		{"thanks to a person", "Thanks, Kim. Thank you, Mr. Chair. Thanks, I will.",
			[]string{"Thanks , Kim .", "Thank you , Mr. Chair .", "Thanks , I will ."}},
		{"spaced ellipsis and marks", "The ban . . . was wrong . . . The end ? ? ? Yes.",
			[]string{"The ban . . . was wrong . . .", "The end ? ? ?", "Yes ."}},
		{"numbered list", "Two points.\n\n1. The talks resume. 2. The border opens. *3. Trade, too. He has 2. Then 5.",
			[]string{"Two points .", "1 . The talks resume .", "2 . The border opens .", "* 3 . Trade , too .", "He has 2 .", "Then 5 ."}},
		{"colon before a capital", "He said: Iraq will act.", []string{"He said : Iraq will act ."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text)
			checkInvariants(t, tt.text, got)
			w := words(got)
			if fmt.Sprintf("%q", w) != fmt.Sprintf("%q", tt.want) && !(len(w) == 0 && len(tt.want) == 0) {
				t.Errorf("Split(%q)\n got  %q\n want %q", tt.text, w, tt.want)
			}
		})
	}
}

// TestSplitBadInput feeds input that must neither panic nor lose bytes.
func TestSplitBadInput(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"invalid utf-8", "Bad \xff\xfe bytes\xc3 here.\x80"},
		{"lone continuation in word", "al-\x80Sadr don\xe2\x80t"},
		{"truncated curly quote", "He said \xe2\x80"},
		{"controls", "A\x00B\x01 C\x7f.\x1b[0m D"},
		{"only punctuation", "...!?'\"“”‘’«»()[]{}--—–…"},
		{"zero width and bom", "\ufeffHello\u200bworld\u2060."},
		{"unicode spaces", "A\u00a0B\u2003C\u3000D\u2028E\u2029F."},
		{"apostrophes alone", "' ' ’ ` `` '' 's 'em n't"},
		{"hyphens alone", "- -- --- -1 1- a- -a"},
		{"marks first", "? ok . . . ? ? x"},
		{"unbalanced quotes", strings.Repeat("\"Stop. ", 300)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkInvariants(t, tt.text, Split(tt.text))
		})
	}
}

// TestSplitHuge checks that a 50 MB line without spaces, and a long line
// of short tokens, come out whole; it guards against quadratic loops on
// long chunks (it would take minutes, not milliseconds).
func TestSplitHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("huge inputs skipped in -short mode")
	}
	huge := strings.Repeat("x", 50<<20)
	got := Split(huge)
	if len(got) != 1 || len(got[0].Tokens) != 1 || got[0].Tokens[0].End != len(huge) {
		t.Fatalf("50 MB word: got %d sentences", len(got))
	}
	for _, unit := range []string{"1-", "a\"", "a/", "a.", "'a", "a(", "x@y.z\"", "http://a\"b"} {
		text := strings.Repeat(unit, 1<<17)
		checkInvariants(t, text, Split(text))
	}
	// A long prefix that every trailing period would rescan.
	text := strings.Repeat("a.", 1<<17) + strings.Repeat(".)", 1<<17)
	checkInvariants(t, text, Split(text))
}

// TestSplitRunOn checks that text without sentence ends comes out in
// sentences of at most maxSentence tokens, cut at a comma or line end
// where the second half of a piece has one: the stages after Split do
// work per pair of words of a sentence, which a run-on document would
// make quadratic.
func TestSplitRunOn(t *testing.T) {
	tests := []struct {
		name, unit string
		last       string // what every sentence but the last must end with; "" for anything
	}{
		{"no punctuation", "police arrested protesters in Nairobi ", ""},
		{"commas", "police arrested protesters, ", ","},
		{"lines", "police arrested protesters\n", "protesters"},
		{"closers after a period", "a. ) ) ) ) ) ) ) ) ) ", ""},
		{"closers without spaces", "a.)))))))))))))))))))", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Repeat(tt.unit, 5000)
			sents := Split(text)
			checkInvariants(t, text, sents)
			for i, s := range sents {
				if len(s.Tokens) > maxSentence {
					t.Fatalf("sentence %d has %d tokens, want at most %d", i, len(s.Tokens), maxSentence)
				}
				if i+1 < len(sents) && tt.last != "" && s.Tokens[len(s.Tokens)-1].Text != tt.last {
					t.Errorf("sentence %d ends with %q, want %q", i, s.Tokens[len(s.Tokens)-1].Text, tt.last)
				}
			}
		})
	}
	// A news sentence is never cut.
	long := strings.Repeat("police in Nairobi arrested protesters and ", 20) + "left."
	if got := Split(long); len(got) != 1 {
		t.Errorf("a %d-byte sentence split into %d", len(long), len(got))
	}
}
