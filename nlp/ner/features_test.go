package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/event"
)

func TestBareTitles(t *testing.T) {
	tests := []struct {
		in   string // "word/TAG" tokens, as doc reads them
		want string // the copy's tokens, "" when there is none
	}{
		{"Mr./O Pell/B-PER met Dr./O Osei/B-PER .", "Mr Pell met Dr Osei ."},
		{"Mrs./O Adeyemi/B-PER left", "Mrs Adeyemi left"},
		{"Mr./B-PER Bean/I-PER sold well", ""}, // a title inside a name stays
		{"Mr/O Pell/B-PER met them", ""},
		{"The dr. said so", ""},
	}
	for _, tt := range tests {
		s := doc(tt.in)[0]
		s.Tokens[0].XPOS = "NNP"
		b, ok := bareTitles(&s)
		var got []string
		for _, tok := range b.Tokens {
			got = append(got, tok.Text)
		}
		if strings.Join(got, " ") != tt.want || ok != (tt.want != "") {
			t.Errorf("%q: copy %q (%v), want %q", tt.in, got, ok, tt.want)
			continue
		}
		if ok && (b.Tokens[0].XPOS != "NNP" || !slices.EqualFunc(b.Tokens, s.Tokens, func(a, c event.Token) bool { return a.Entity == c.Entity })) {
			t.Errorf("%q: the copy changed tags", tt.in)
		}
	}
}

func TestRuns(t *testing.T) {
	tests := []struct {
		in   string
		want string // per token: the run's first and last word and the position (B I L U), "-" outside runs
	}{
		{"the Bank of Upper Volta said", "- bank/volta/B bank/volta/I bank/volta/I bank/volta/L -"},
		{"Kofi met Ama and Esi", "kofi/kofi/U - ama/esi/B ama/esi/I ama/esi/L"},
		{"Marks & Spencer of", "marks/spencer/B marks/spencer/I marks/spencer/L -"},
		{"they left", "- -"},
	}
	for _, tt := range tests {
		s := doc(tt.in)[0]
		st := &state{}
		st.load(&Recognizer{}, s.Tokens)
		word := map[uint64]string{}
		for i, tok := range st.toks {
			word[tok.lower] = strings.ToLower(s.Tokens[i].Text)
		}
		var got []string
		for _, tok := range st.toks {
			if tok.runPos == 0 {
				got = append(got, "-")
				continue
			}
			got = append(got, word[tok.runFirst]+"/"+word[tok.runLast]+"/"+string("BILU"[(tok.runPos-1)&3]))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: runs %q, want %q", tt.in, g, tt.want)
		}
	}
}
