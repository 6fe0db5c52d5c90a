package quote

import (
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/nlp/tokenize"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		phrase string // resolve the last occurrence of this phrase
		want   string
	}{
		{"he to the man named before", "Defence Minister Karl Brandt visited the base. Later he met the troops.", "he", "Defence Minister Karl Brandt"},
		{"she skips a man", "Senator Laura Kim questioned General Tom Reyes. She said the budget was wasteful.", "She", "Senator Laura Kim"},
		{"his", "Mr. Omar Haddad left the capital. His convoy was stopped at the border.", "His", "Mr. Omar Haddad"},
		{"title gives the gender", "Mrs. Alvarez and Mr. Chen met in Lima. She praised the deal.", "She", "Mrs. Alvarez"},
		{"role word", "Influential Shia cleric Hamid al-Nouri called for calm. Police closed the square. The cleric later left.", "The cleric", "Hamid al-Nouri"},
		{"apposition role", "Dana Whit, a spokeswoman for the ministry, spoke on Monday. The spokeswoman denied the report.", "The spokeswoman", "Dana Whit"},
		{"surname to the full name", "Prime Minister Elena Markova arrived. Markova spoke briefly.", "Markova", "Prime Minister Elena Markova"},
		{"they to an organisation", "The Workers Union called a strike. They want higher wages.", "They", "Workers Union"},
		{"title in the name", "Prime Minister Elena Markova arrived. Police closed the road. The prime minister spoke.", "The prime minister", "Prime Minister Elena Markova"},
		{"title keeps same-named people apart", "Senator Ann Moss and her husband Paul Moss arrived. Mrs. Moss said the vote was close.", "Mrs. Moss", "Senator Ann Moss"},
		{"nothing fits", "The storm hit the coast. The cleric was not there.", "The cleric", "The cleric"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := tokenize.Split(tt.text)
			doc, err := Analyze(tt.text, sents)
			if err != nil {
				t.Fatal(err)
			}
			si, first, last := locate(t, sents, tt.text, tt.phrase)
			m := doc.Resolve(si, first, last)
			if m.Text != tt.want {
				t.Errorf("Resolve(%q) = %q, want %q", tt.phrase, m.Text, tt.want)
			}
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("mention span %d-%d holds %q, not %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
			}
		})
	}
}

func TestResolveOutOfRange(t *testing.T) {
	text := "He left."
	doc, err := Analyze(text, tokenize.Split(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][3]int{{-1, 0, 0}, {1, 0, 0}, {0, 2, 1}, {0, 0, 9}} {
		if m := doc.Resolve(c[0], c[1], c[2]); m.Text != "" {
			t.Errorf("Resolve%v = %q, want nothing", c, m.Text)
		}
	}
}

// locate finds the tokens of the last occurrence of phrase.
func locate(t *testing.T, sents []event.Sentence, text, phrase string) (int, int, int) {
	t.Helper()
	for at := strings.LastIndex(text, phrase); at >= 0; at = strings.LastIndex(text[:at], phrase) {
		if si, first, last, ok := tokensAt(sents, at, at+len(phrase)); ok {
			return si, first, last
		}
	}
	t.Fatalf("%q is not a run of tokens of the text", phrase)
	return 0, 0, 0
}

// tokensAt returns the tokens that span exactly start..end.
func tokensAt(sents []event.Sentence, start, end int) (int, int, int, bool) {
	for si, s := range sents {
		first, last := -1, -1
		for i, tok := range s.Tokens {
			if tok.Start == start {
				first = i
			}
			if tok.End == end {
				last = i
			}
		}
		if first >= 0 && last >= first {
			return si, first, last, true
		}
	}
	return 0, 0, 0, false
}

func TestFindBadInput(t *testing.T) {
	good := "Smith said the war was over."
	sents := tokenize.Split(good)
	tests := []struct {
		name  string
		text  string
		sents []event.Sentence
	}{
		{"invalid UTF-8", "Smith said \xff\xfe.", tokenize.Split("Smith said xx.")},
		{"offsets past the text", good[:10], sents},
		{"unknown offsets", good, []event.Sentence{{Tokens: []event.Token{{Text: "Smith", Start: -1, End: -1}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Find(tt.text, tt.sents); err == nil {
				t.Errorf("Find accepted %s", tt.name)
			}
		})
	}
}
