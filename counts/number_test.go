package counts

import (
	"testing"

	"github.com/annals/annals/event"
)

func TestReadQuantity(t *testing.T) {
	tests := []struct {
		text      string
		low, high int64
		prec      event.CountPrecision
		words     string
	}{
		{"56 dead", 56, 56, event.Exact, "56"},
		{"1,200 marchers", 1200, 1200, event.Exact, "1,200"},
		{"1.7 million people", 1_700_000, 1_700_000, event.Exact, "1.7 million"},
		{"60 thousand", 60_000, 60_000, event.Exact, "60 thousand"},
		{"5 lakh people", 500_000, 500_000, event.Exact, "5 lakh"},
		{"twelve protesters", 12, 12, event.Exact, "twelve"},
		{"Sixty-six people", 66, 66, event.Exact, "Sixty-six"},
		{"two hundred and fifty men", 250, 250, event.Exact, "two hundred and fifty"},
		{"two dozen", 24, 24, event.Exact, "two dozen"},
		{"a dozen", 12, 12, event.About, "a dozen"},
		{"half a dozen", 6, 6, event.About, "half a dozen"},
		{"a million", 1_000_000, 1_000_000, event.About, "a million"},
		{"a couple of people", 2, 2, event.About, "a couple"},
		{"both men", 2, 2, event.Exact, "both"},
		{"dozens of people", 24, 99, event.Vague, "dozens"},
		{"hundreds of drivers", 200, 999, event.Vague, "hundreds"},
		{"Thousands marched", 2000, 9999, event.Vague, "Thousands"},
		{"tens of thousands of people", 20_000, 99_999, event.Vague, "tens of thousands"},
		{"hundreds of thousands", 200_000, 999_999, event.Vague, "hundreds of thousands"},
		{"several hundred", 300, 900, event.Vague, "several hundred"},
		{"a few thousand", 2000, 5000, event.Vague, "a few thousand"},
		{"several people", 3, 9, event.Vague, "several"},
		{"some hundreds", 200, 999, event.Vague, "some hundreds"},
		{"at least 56", 56, 56, event.AtLeast, "at least 56"},
		{"more than 200", 200, 200, event.AtLeast, "more than 200"},
		{"more than a dozen", 12, 12, event.AtLeast, "more than a dozen"},
		{"up to 300", 300, 300, event.About, "up to 300"},
		{"nearly a hundred", 100, 100, event.About, "nearly a hundred"},
		{"some 13,000 workers", 13_000, 13_000, event.About, "some 13,000"},
		{"an estimated 5,000", 5000, 5000, event.About, "an estimated 5,000"},
		{"estimated at 1.7 million", 1_700_000, 1_700_000, event.About, "estimated at 1.7 million"},
		{"20 to 30 people", 20, 30, event.About, "20 to 30"},
		{"20-30 people", 20, 30, event.About, "20-30"},
		{"between 20 and 30", 20, 30, event.About, "between 20 and 30"},
		{"two or three", 2, 3, event.About, "two or three"},
		{"50 or more", 50, 50, event.AtLeast, "50 or more"},
		{"100-plus", 100, 100, event.AtLeast, "100-plus"},
	}
	for _, tt := range tests {
		q, words, ok := ReadQuantity(tt.text)
		if !ok {
			t.Errorf("%q: no quantity", tt.text)
			continue
		}
		if q.Low != tt.low || q.High != tt.high || q.Precision != tt.prec || words != tt.words {
			t.Errorf("%q = %d–%d %s %q, want %d–%d %s %q", tt.text, q.Low, q.High, q.Precision, words, tt.low, tt.high, tt.prec, tt.words)
		}
	}
}

func TestReadQuantityNone(t *testing.T) {
	for _, text := range []string{"", "many people", "the 12th man", "1.7 percent", "tens", "some people", "a man", "no one", "9am", "0 people"} {
		if q, words, ok := ReadQuantity(text); ok {
			t.Errorf("%q read as %d–%d %q, want no quantity", text, q.Low, q.High, words)
		}
	}
}

func FuzzReadQuantity(f *testing.F) {
	for _, s := range []string{"at least 56", "tens of thousands", "two hundred and fifty", "1,200.5 million", "between 9 and 99999999999999", "a few dozen"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q, words, ok := ReadQuantity(text)
		if !ok {
			return
		}
		if q.Low < 0 || q.High < q.Low || q.High > 100*maxCount {
			t.Fatalf("%q: bounds %d–%d", text, q.Low, q.High)
		}
		if words == "" || len(words) > len(text) {
			t.Fatalf("%q: words %q", text, words)
		}
	})
}
