package conllu

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

const sample = `# sent_id = s1
# text = Kestria's police arrested 3 men.
1	Kestria	Kestria	PROPN	NNP	_	3	nmod:poss	_	SpaceAfter=No
2	's	's	PART	POS	_	1	case	_	_
3	police	police	NOUN	NN	_	4	nsubj	_	_
4	arrested	arrest	VERB	VBD	_	0	root	_	_
5	3	3	NUM	CD	_	6	nummod	_	_
6	men	man	NOUN	NNS	_	4	dobj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

`

func TestRead(t *testing.T) {
	s, err := Parse(sample, "sample")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "s1" || len(s.Tokens) != 7 {
		t.Fatalf("got id %q and %d tokens", s.ID, len(s.Tokens))
	}
	if s.Tokens[5].Rel != "obj" {
		t.Errorf("dobj not rewritten: %q", s.Tokens[5].Rel)
	}
	for _, tok := range s.Tokens {
		if s.Text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q has offsets %d:%d = %q", tok.Text, tok.Start, tok.End, s.Text[tok.Start:tok.End])
		}
	}
}

func TestRelations(t *testing.T) {
	tests := []struct{ rel, head, want string }{
		{"dobj", "VERB", "obj"},
		{"nsubjpass", "VERB", "nsubj:pass"},
		{"auxpass", "VERB", "aux:pass"},
		{"neg", "VERB", "advmod"},
		{"nmod", "VERB", "obl"},
		{"nmod:tmod", "VERB", "obl:tmod"},
		{"nmod", "NOUN", "nmod"},
		{"nmod:poss", "VERB", "nmod:poss"},
		{"obl:agent", "VERB", "obl:agent"},
	}
	for _, tt := range tests {
		// A dobj marks the parse as UD v1, where nmod on a verb is v2's obl.
		block := "1\tA\ta\tNOUN\t_\t_\t2\t" + tt.rel + "\t_\t_\n2\tB\tb\t" + tt.head + "\t_\t_\t0\troot\t_\t_\n3\tC\tc\tNOUN\t_\t_\t2\tdobj\t_\t_\n"
		s, err := Parse(block, "t")
		if err != nil {
			t.Fatalf("%s: %v", tt.rel, err)
		}
		if got := s.Tokens[0].Rel; got != tt.want {
			t.Errorf("%s under %s: got %q, want %q", tt.rel, tt.head, got, tt.want)
		}
	}
}

func TestV2NmodStays(t *testing.T) {
	s, err := Parse("1\tA\ta\tNOUN\t_\t_\t2\tnmod\t_\t_\n2\tB\tb\tVERB\t_\t_\t0\troot\t_\t_\n3\tC\tc\tNOUN\t_\t_\t2\tobj\t_\t_\n", "v2")
	if err != nil {
		t.Fatal(err)
	}
	if s.Tokens[0].Rel != "nmod" {
		t.Errorf("a v2 parse's nmod became %q", s.Tokens[0].Rel)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, block string
		want        error
		line        int
	}{
		{"columns", "1\tA\ta\n", ErrColumns, 1},
		{"head past end", "1\tA\ta\tX\t_\t_\t5\troot\t_\t_\n", ErrHead, 1},
		{"cycle", "1\tA\ta\tX\t_\t_\t2\tdep\t_\t_\n2\tB\tb\tX\t_\t_\t1\tdep\t_\t_\n", ErrCycle, 1},
		{"self head", "1\tA\ta\tX\t_\t_\t1\tdep\t_\t_\n", ErrCycle, 1},
		{"relation", "1\tA\ta\tX\t_\t_\t0\tbogus\t_\t_\n", ErrRelation, 1},
		{"utf8", "1\tA\xff\ta\tX\t_\t_\t0\troot\t_\t_\n", ErrUTF8, 1},
		{"ids", "# c\n2\tA\ta\tX\t_\t_\t0\troot\t_\t_\n", ErrID, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.block, "in.conllu")
			var pe *ParseError
			if !errors.Is(err, tt.want) || !errors.As(err, &pe) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if pe.Line != tt.line || pe.File != "in.conllu" {
				t.Errorf("error at %s:%d, want in.conllu:%d", pe.File, pe.Line, tt.line)
			}
		})
	}
}

func TestReaderGoesOn(t *testing.T) {
	in := "1\tA\ta\tX\t_\t_\t9\troot\t_\t_\n\n" + sample
	r := NewReader(strings.NewReader(in), "two")
	if _, err := r.Next(); err == nil {
		t.Fatal("bad first sentence read without error")
	}
	s, err := r.Next()
	if err != nil || len(s.Tokens) != 7 {
		t.Fatalf("second sentence: %v", err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("got %v, want io.EOF", err)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	s, err := Parse(sample, "sample")
	if err != nil {
		t.Fatal(err)
	}
	s.Tokens[0].Entity = "B-LOC"
	var buf bytes.Buffer
	if err := Write(&buf, s); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(buf.String(), "written")
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.Tokens {
		a, b := s.Tokens[i], back.Tokens[i]
		if a != b {
			t.Errorf("token %d: wrote %+v, read %+v", i, a, b)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("1\tA\ta\tX\t_\t_\t0\troot\t_\tTokenRange=0:1\n")
	f.Fuzz(func(t *testing.T, block string) {
		s, err := Parse(block, "fuzz")
		if err != nil {
			return
		}
		for _, tok := range s.Tokens {
			if tok.Head < 0 || tok.Head > len(s.Tokens) {
				t.Fatalf("head %d out of range", tok.Head)
			}
		}
	})
}
