package ner

import (
	"errors"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

// render shows sentences as "token/TAG" words, one line each.
func render(sents []event.Sentence) string {
	var lines []string
	for _, s := range sents {
		var words []string
		for _, tok := range s.Tokens {
			words = append(words, tok.Text+"/"+tok.Entity)
		}
		lines = append(lines, strings.Join(words, " "))
	}
	return strings.Join(lines, "\n")
}

func TestReadColumns(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{{
		name: "UNER IOB2 with comments",
		in: "# sent_id = a-1\n# text = Ann went to New York .\n" +
			"1\tAnn\tB-PER\t-\tx\n2\twent\tO\t-\t-\n3\tto\tO\t-\t-\n4\tNew\tB-LOC\t-\tx\n5\tYork\tI-LOC\t-\tx\n6\t.\tO\t-\t-\n",
		want: "Ann/B-PER went/O to/O New/B-LOC York/I-LOC ./O",
	}, {
		name: "WNUT token TAB tag, lower-case types",
		in:   "#hashtag\tO\nacme\tB-corporation\nsells\tO\nwidgets\tB-product\n\nparis\tB-location\n",
		want: "#hashtag/O acme/B-ORG sells/O widgets/O\nparis/B-LOC",
	}, {
		name: "CoNLL-2003 IOB1 with DOCSTART and MISC",
		in: "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n\n" +
			"Peter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nJohn NNP I-NP B-PER\n",
		want: "EU/B-ORG rejects/O German/O call/O\nPeter/B-PER Blackburn/I-PER John/B-PER",
	}, {
		name: "BILOU and GPE",
		in:   "Kyiv\tU-GPE\nand\tO\nSan\tB-LOC\nJose\tL-LOC\n",
		want: "Kyiv/B-LOC and/O San/B-LOC Jose/I-LOC",
	}, {
		name: "CRLF and blank lines",
		in:   "\r\n\r\nBob\tB-PER\r\nsmiled\tO\r\n\r\n",
		want: "Bob/B-PER smiled/O",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := ReadColumns(strings.NewReader(tt.in), "test.iob2")
			if err != nil {
				t.Fatal(err)
			}
			if got := render(sents); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestReadColumnsEntities(t *testing.T) {
	sents, err := ReadColumns(strings.NewReader("# sent_id = s1\n1\tthe\tO\n2\tUnited\tB-LOC\n3\tStates\tI-LOC\n4\tand\tO\n5\tAcme\tB-ORG\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	s := sents[0]
	if s.ID != "s1" || s.Text != "the United States and Acme" {
		t.Fatalf("ID %q Text %q", s.ID, s.Text)
	}
	var got []string
	for _, e := range s.Entities {
		got = append(got, e.Label+":"+e.Text)
	}
	if strings.Join(got, ",") != "LOC:United States,ORG:Acme" {
		t.Errorf("entities %v", got)
	}
}

func TestReadColumnsErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bad tag", "a\tO\nb\tX-PER\n", "bad.iob2:2:"},
		{"no tag column", "a\tO\nlonely\n", "bad.iob2:2:"},
		{"invalid UTF-8", "a\tO\n\xff\xfe\tO\n", "bad.iob2:2: malformed NER data: invalid UTF-8"},
		{"huge line", "a\tO\n" + strings.Repeat("x", maxLine+10) + "\tO\n", "bad.iob2:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadColumns(strings.NewReader(tt.in), "bad.iob2")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	_, err := ReadColumns(strings.NewReader("a\tZ-PER\n"), "bad.iob2")
	if !errors.Is(err, ErrFormat) {
		t.Errorf("error %v does not wrap ErrFormat", err)
	}
}

// gumBlock is a hand-made sentence in GUM's format: a nested place inside
// an organization, a person with a title, and a common-noun mention that
// is no name.
const gumBlock = "# sent_id = t-1\n" +
	"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new\n" +
	"2\tBank\tBank\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n" +
	"3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n" +
	"4\tOslo\tOslo\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(2-place-new)1)\n" +
	"5\thired\thire\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
	"6\tDr.\tDr.\tPROPN\tNNP\t_\t7\tnmod:desc\t_\tEntity=(3-person-new\n" +
	"7\tKari\tKari\tPROPN\tNNP\t_\t5\tobj\t_\t_\n" +
	"8\tNordmann\tNordmann\tPROPN\tNNP\t_\t7\tflat\t_\tEntity=3)\n" +
	"9-10\tto\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"9\tas\tas\tADP\tIN\t_\t11\tcase\t_\t_\n" +
	"10\ta\ta\tDET\tDT\t_\t11\tdet\t_\tEntity=(3-person-giv\n" +
	"11\tclerk\tclerk\tNOUN\tNN\t_\t5\tobl\t_\tEntity=3)\n\n"

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(gumBlock), "gum.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := "The/O Bank/B-ORG of/I-ORG Oslo/I-ORG hired/O Dr./O Kari/B-PER Nordmann/I-PER as/O a/O clerk/O"
	if got := render(sents); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"closed but not open", "1\tA\tA\tPROPN\tNNP\t_\t0\troot\t_\tEntity=4)\n", "gum.conllu:1:"},
		{"too few columns", "1\tA\tA\n", "gum.conllu:1:"},
		{"bad index", "x\tA\tA\tPROPN\tNNP\t_\t0\troot\t_\t_\n", "gum.conllu:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tt.in), "gum.conllu")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func FuzzReadColumns(f *testing.F) {
	f.Add("1\tAnn\tB-PER\t-\tx\n2\tran\tO\t-\t-\n")
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\n")
	f.Add("a\tI-LOC\nb\tL-GPE\n# c\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadColumns(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, e := range s.Entities {
				if e.First < 0 || e.Last >= len(s.Tokens) || e.First > e.Last {
					t.Fatalf("entity %+v out of range", e)
				}
			}
		}
	})
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add(gumBlock)
	f.Add("1\tA\tA\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-x)\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, tok := range s.Tokens {
				if tok.Entity != "O" && spanLabel(tok.Entity) == "" {
					t.Fatalf("bad tag %q", tok.Entity)
				}
			}
		}
	})
}
