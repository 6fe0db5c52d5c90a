package parse

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/annals/annals/event"
	"github.com/annals/annals/internal/testshared"
)

// sentence builds a tagged sentence from "word/XPOS" or
// "word/XPOS/UPOS" items.
func sentence(tagged string) *event.Sentence {
	s := &event.Sentence{}
	for i, f := range strings.Fields(tagged) {
		parts := strings.SplitN(f, "/", 3)
		tok := event.Token{ID: i + 1, Text: parts[0], Head: -1}
		if len(parts) > 1 {
			tok.XPOS = parts[1]
		}
		if len(parts) == 3 {
			tok.UPOS = parts[2]
		}
		s.Tokens = append(s.Tokens, tok)
	}
	return s
}

// checkTree fails unless every token has one head in range, exactly one
// token hangs from the root, heads have no cycle and no arc crosses another.
func checkTree(t *testing.T, s *event.Sentence) {
	t.Helper()
	n, roots := len(s.Tokens), 0
	for i, tok := range s.Tokens {
		if tok.Head < 0 || tok.Head > n || tok.Head == i+1 {
			t.Fatalf("token %d has head %d", i+1, tok.Head)
		}
		if tok.Rel == "" {
			t.Fatalf("token %d has no relation", i+1)
		}
		if tok.Head == 0 {
			roots++
			if tok.Rel != "root" {
				t.Errorf("root dependent %d has relation %q", i+1, tok.Rel)
			}
		} else if tok.Rel == "root" {
			t.Errorf("token %d is %q but hangs from %d", i+1, tok.Rel, tok.Head)
		}
		seen := map[int]bool{}
		for h := i + 1; h != 0; h = s.Tokens[h-1].Head {
			if seen[h] {
				t.Fatalf("cycle through token %d", h)
			}
			seen[h] = true
		}
	}
	if roots != 1 {
		t.Errorf("%d tokens hang from the root, want 1", roots)
	}
	heads := make([]int, n+1)
	for i, tok := range s.Tokens {
		heads[i+1] = tok.Head
	}
	for d := 1; d <= n; d++ {
		if heads[d] > 0 && !projectiveArc(heads, heads[d], d) {
			t.Errorf("arc %d -> %d is not projective", heads[d], d)
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name        string
		heads, want []int // from index 1
	}{
		{"projective", []int{2, 0, 2}, []int{2, 0, 2}},
		// 1 <- 3 crosses 2 <- 4 (4 -> 2 spans 3, which 4 does not dominate).
		{"crossing", []int{3, 4, 0, 3}, []int{3, 3, 0, 3}},
	}
	for _, tt := range tests {
		h := append([]int{-1}, tt.heads...)
		projectivize(h)
		if got := h[1:]; !equal(got, tt.want) {
			t.Errorf("%s: projectivize(%v) = %v, want %v", tt.name, tt.heads, got, tt.want)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOracle follows zero-cost transitions from the start: the dynamic
// oracle must rebuild every gold tree (made projective) exactly.
func TestOracle(t *testing.T) {
	sents := testshared.EWTDev(t)
	rels := map[string]bool{"root": true}
	for _, s := range sents {
		for _, tok := range s.Tokens {
			rels[tok.Rel] = true
		}
	}
	var names []string
	for r := range rels {
		names = append(names, r)
	}
	labelOf := map[string]int{}
	for i, r := range names {
		labelOf[r] = i
	}
	var costs [3]int
	checked := 0
	for _, s := range sents[:min(len(sents), 500)] {
		g := newGold(s, labelOf)
		st := newState(s.Tokens)
		for !st.terminal() {
			g.costs(st, &costs)
			next := -1
			for c, k := range costs {
				if k == 0 {
					next = c
					break
				}
			}
			if next < 0 {
				t.Fatalf("%s: no zero-cost transition; costs %v", s.ID, costs)
			}
			label := 0
			if next != shift {
				_, d := st.arc(next)
				label = g.labels[d]
			}
			st.apply(next, label)
		}
		for d := 1; d <= len(s.Tokens); d++ {
			if st.heads[d] != g.heads[d] || st.rels[d] != g.labels[d] {
				t.Fatalf("%s: token %d got head %d/%s, gold %d/%s", s.ID, d,
					st.heads[d], names[st.rels[d]], g.heads[d], names[g.labels[d]])
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no sentence checked")
	}
}

func TestDefaultHandWritten(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tagged string
		want   map[int]string // token -> "head rel"
	}{
		{"Iraqi/JJ protesters/NNS marched/VBD against/IN the/DT US/NNP in/IN Baghdad/NNP ./.",
			map[int]string{2: "3 nsubj", 3: "0 root", 6: "3 obl", 9: "3 punct"}},
		{"Israel/NNP accused/VBD Hamas/NNP of/IN attacks/NNS ./.",
			map[int]string{1: "2 nsubj", 2: "0 root", 3: "2 obj"}},
		{"Hello/UH", map[int]string{1: "0 root"}},
		// A finite verb before a noun heads it, never modifies it.
		{"The/DT Dutch/JJ relinquished/VBD control/NN of/IN the/DT colony/NN ./.",
			map[int]string{3: "0 root", 4: "3 obj"}},
	}
	for _, tt := range tests {
		s := sentence(tt.tagged)
		p.Parse(s)
		checkTree(t, s)
		for k, want := range tt.want {
			tok := s.Tokens[k-1]
			if got := strings.Join([]string{strconv.Itoa(tok.Head), Universal(tok.Rel)}, " "); got != want {
				t.Errorf("%q token %d (%s) = %s, want %s", tt.tagged, k, tok.Text, got, want)
			}
		}
	}
}

// TestDevFloor parses EWT dev with gold tags: the committed model must keep
// its accuracy.
func TestDevFloor(t *testing.T) {
	sents := testshared.EWTDev(t)
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.Accuracy(sents)
	t.Logf("EWT dev, gold tags: UAS %.4f LAS %.4f", uas, las)
	if uas < 0.85 || las < 0.82 {
		t.Errorf("EWT dev UAS %.4f LAS %.4f, want at least 0.85 and 0.82", uas, las)
	}
}

func TestLoadCorrupt(t *testing.T) {
	var good bytes.Buffer
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Save(&good); err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("not a model"),
		"magic":     testshared.Gzip("annals-tagger-1\n"),
		"truncated": good.Bytes()[:good.Len()/3],
		"no model":  testshared.Gzip(magic),
	} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: Load succeeded", name)
		} else if !errors.Is(err, ErrFormat) && !strings.Contains(err.Error(), "parse:") {
			t.Errorf("%s: error %q does not say what failed", name, err)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(testshared.Gzip(magic + "annals-perceptron-1\n\x03\x05SHIFT\x04LEFT\x05RIGHT\x00annals-perceptron-1\n\x02\x04root\x03dep\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		p, err := Load(bytes.NewReader(in))
		if err != nil {
			return
		}
		s := sentence("a/DT b/NN c/VBZ")
		p.Parse(s)
		checkTree(t, s)
	})
}

// TestParseAllSameTrees checks that parsing sentences in lockstep gives the
// trees of parsing them one by one, empty sentences among them.
func TestParseAllSameTrees(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	dev := testshared.EWTDev(t)[:301]
	var one, all []event.Sentence
	for i, s := range dev {
		if i%50 == 7 {
			all = append(all, event.Sentence{})
		}
		a, b := *s, *s
		a.Tokens = append([]event.Token(nil), s.Tokens...)
		b.Tokens = append([]event.Token(nil), s.Tokens...)
		p.Parse(&a)
		one = append(one, a)
		all = append(all, b)
	}
	p.ParseAll(all)
	k := 0
	for _, s := range all {
		if len(s.Tokens) == 0 {
			continue
		}
		for i, tok := range s.Tokens {
			if want := one[k].Tokens[i]; tok.Head != want.Head || tok.Rel != want.Rel {
				t.Fatalf("sentence %d token %d %q: ParseAll gives %d %s, Parse %d %s", k, i, tok.Text, tok.Head, tok.Rel, want.Head, want.Rel)
			}
		}
		k++
	}
	if k != len(one) {
		t.Fatalf("ParseAll parsed %d sentences, want %d", k, len(one))
	}
}
