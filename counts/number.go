package counts

import (
	"strconv"
	"strings"

	"github.com/annals/annals/event"
)

// Quantity is a number of people as the text writes it: its bounds, how
// the text bounds it, and the words that state it (bound words included,
// the counted noun only where the quantity is an article: "a man").
type Quantity struct {
	Low, High int64
	Precision event.CountPrecision
	first     int // index of its first word
	last      int // index of its last word
	noun      bool
	unknown   bool // the noun is none of the person nouns ("a cook")
}

// maxCount bounds the numbers read: no event counts more people than live
// on Earth, and the bound keeps arithmetic on written numbers from
// overflowing.
const maxCount = 10_000_000_000

// bounds are the words before a number that bound it (docs/counts.md,
// section 4). Longer phrases come first so that "more than" is not read
// as "more".
var bounds = []struct {
	words []string
	prec  event.CountPrecision
}{
	{[]string{"no", "fewer", "than"}, event.AtLeast},
	{[]string{"no", "less", "than"}, event.AtLeast},
	{[]string{"not", "less", "than"}, event.AtLeast},
	{[]string{"in", "excess", "of"}, event.AtLeast},
	{[]string{"at", "least"}, event.AtLeast},
	{[]string{"more", "than"}, event.AtLeast},
	{[]string{"well", "over"}, event.AtLeast},
	{[]string{"just", "over"}, event.AtLeast},
	{[]string{"upwards", "of"}, event.AtLeast},
	{[]string{"over"}, event.AtLeast},
	{[]string{"exceeded"}, event.AtLeast},
	{[]string{"as", "many", "as"}, event.About},
	{[]string{"as", "high", "as"}, event.About},
	{[]string{"an", "estimated"}, event.About},
	{[]string{"estimated", "at"}, event.About},
	{[]string{"close", "to"}, event.About},
	{[]string{"closer", "to"}, event.About},
	{[]string{"up", "to"}, event.About},
	{[]string{"fewer", "than"}, event.About},
	{[]string{"less", "than"}, event.About},
	{[]string{"just", "under"}, event.About},
	{[]string{"about"}, event.About},
	{[]string{"around"}, event.About},
	{[]string{"some"}, event.About},
	{[]string{"roughly"}, event.About},
	{[]string{"approximately"}, event.About},
	{[]string{"nearly"}, event.About},
	{[]string{"almost"}, event.About},
	{[]string{"perhaps"}, event.About},
	{[]string{"under"}, event.About},
}

var units = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply the number before them ("1.7 million", "5 lakh").
var scales = map[string]int64{
	"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
	"lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
	"mln": 1_000_000, // Reuters
}

// plurals are the vague quantities of docs/counts.md, section 5: the
// unit and the range of the plural alone.
var plurals = map[string]struct{ unit, low, high int64 }{
	"tens":      {10, 20, 99},
	"dozens":    {12, 24, 99},
	"scores":    {20, 40, 99},
	"hundreds":  {100, 200, 999},
	"thousands": {1000, 2000, 9999},
	"millions":  {1_000_000, 2_000_000, 9_999_999},
}

// singularUnits are the units that "a few", "several" and "a" take.
var singularUnits = map[string]int64{"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}

func at(ws []word, i int) string {
	if i < 0 || i >= len(ws) {
		return ""
	}
	return ws[i].low
}

// matchWords reports whether ws from i reads seq.
func matchWords(ws []word, i int, seq []string) bool {
	for k, s := range seq {
		if at(ws, i+k) != s {
			return false
		}
	}
	return true
}

// read reads the quantity that starts at word i: bound words, then the
// number, then what follows it ("or more", "-plus"). ok is false when no
// quantity starts there.
func read(ws []word, i int) (Quantity, bool) {
	prec := event.CountPrecision("")
	j := i
	for _, b := range bounds {
		if matchWords(ws, i, b.words) {
			prec, j = b.prec, i+len(b.words)
			break
		}
	}
	q, ok := readCore(ws, j)
	if !ok {
		return Quantity{}, false
	}
	q.first = i
	if prec != "" && q.Precision != event.Vague {
		q.Precision = prec
	}
	// Bounds after the number.
	switch {
	case matchWords(ws, q.last+1, []string{"or", "more"}) && q.Precision != event.Vague:
		q.Precision, q.last = event.AtLeast, q.last+2
	case matchWords(ws, q.last+1, []string{"or", "so"}) && q.Precision != event.Vague:
		q.Precision, q.last = event.About, q.last+2
	case hyphenAt(ws, q.last+1) && at(ws, q.last+2) == "plus" && q.Precision != event.Vague:
		q.Precision, q.last = event.AtLeast, q.last+2
	case at(ws, q.last+1) == "+" && joined(ws, q.last) && q.Precision != event.Vague:
		q.Precision, q.last = event.AtLeast, q.last+1
	}
	return q, true
}

// readCore reads a number without its bound: a range, a vague quantity
// or one number.
func readCore(ws []word, i int) (Quantity, bool) {
	w := at(ws, i)
	switch w {
	case "between":
		lo, ok1 := readNumber(ws, i+1)
		if ok1 && at(ws, lo.last+1) == "and" {
			if hi, ok2 := readNumber(ws, lo.last+2); ok2 && hi.Low > lo.Low {
				return Quantity{Low: lo.Low, High: hi.Low, Precision: event.About, first: i, last: hi.last}, true
			}
		}
		return Quantity{}, false
	case "both":
		return Quantity{Low: 2, High: 2, Precision: event.Exact, first: i, last: i}, true
	case "half":
		if matchWords(ws, i+1, []string{"a", "dozen"}) {
			return Quantity{Low: 6, High: 6, Precision: event.About, first: i, last: i + 2}, true
		}
		return Quantity{}, false
	case "several":
		if u, ok := singularUnits[at(ws, i+1)]; ok {
			return vague(i, i+1, 3*u, 9*u), true
		}
		return vague(i, i, 3, 9), true
	case "a", "an":
		next := at(ws, i+1)
		switch {
		case next == "few" || next == "handful":
			if u, ok := singularUnits[at(ws, i+2)]; ok {
				return vague(i, i+2, 2*u, 5*u), true
			}
			return vague(i, i+1, 2, 5), true
		case next == "couple":
			return Quantity{Low: 2, High: 2, Precision: event.About, first: i, last: i + 1}, true
		case next == "dozen":
			return Quantity{Low: 12, High: 12, Precision: event.About, first: i, last: i + 1}, true
		case scales[next] > 0 && next != "lakhs" && next != "crores":
			return Quantity{Low: scales[next], High: scales[next], Precision: event.About, first: i, last: i + 1}, true
		}
		return Quantity{}, false
	}
	if p, ok := plurals[w]; ok {
		// "tens of thousands", "hundreds of thousands"
		if at(ws, i+1) == "of" {
			if p2, ok := plurals[at(ws, i+2)]; ok && p2.unit > p.unit {
				return vague(i, i+2, p.low*p2.unit, (p.high+1)*p2.unit-1), true
			}
		}
		if w == "tens" && at(ws, i+1) != "of" {
			return Quantity{}, false // "tens" alone counts nothing
		}
		return vague(i, i, p.low, p.high), true
	}
	lo, ok := readNumber(ws, i)
	if !ok {
		return Quantity{}, false
	}
	// "20 to 30", "20-30", "two or three"
	if k := lo.last + 1; at(ws, k) == "to" || at(ws, k) == "or" || hyphenAt(ws, k) {
		if hi, ok := readNumber(ws, k+1); ok && hi.Low > lo.Low && hi.Low <= 100*lo.Low {
			return Quantity{Low: lo.Low, High: hi.Low, Precision: event.About, first: i, last: hi.last}, true
		}
	}
	return lo, true
}

func vague(first, last int, low, high int64) Quantity {
	return Quantity{Low: low, High: high, Precision: event.Vague, first: first, last: last}
}

// readNumber reads one exact number at word i: digits ("56", "1,200",
// "1.7 million", "5 lakh") or number words ("twelve", "Sixty-six", "two
// hundred and fifty", "two dozen").
func readNumber(ws []word, i int) (Quantity, bool) {
	w := at(ws, i)
	if w == "" {
		return Quantity{}, false
	}
	if isDigit(w[0]) {
		return readDigits(ws, i)
	}
	var total, cur int64
	last := -1
	for k := i; k < len(ws); k++ {
		w := at(ws, k)
		if u, ok := units[w]; ok {
			if last >= 0 && cur%100 != 0 && !(cur%10 == 0 && cur%100 >= 20 && u < 10) {
				break // "two three": two numbers
			}
			cur += u
			last = k
			continue
		}
		if last < 0 {
			return Quantity{}, false
		}
		if s, ok := scales[w]; ok && k == last+1 {
			if s == 100 {
				cur *= 100
			} else {
				total += cur * s
				cur = 0
			}
			last = k
			if total+cur > maxCount {
				return Quantity{}, false
			}
			continue
		}
		// "Sixty-six", "two hundred and fifty"
		if (hyphenAt(ws, k) || (w == "and" && cur%100 == 0 && cur > 0)) && k == last+1 {
			if _, ok := units[at(ws, k+1)]; ok {
				continue
			}
		}
		break
	}
	if last < 0 {
		return Quantity{}, false
	}
	n := total + cur
	if at(ws, last+1) == "dozen" {
		n, last = n*12, last+1
	}
	return Quantity{Low: n, High: n, Precision: event.Exact, first: i, last: last}, true
}

// readDigits reads "56", "1,200", "1.7 million", "60 thousand".
func readDigits(ws []word, i int) (Quantity, bool) {
	w := at(ws, i)
	for k := 0; k < len(w); k++ {
		if !isDigit(w[k]) && w[k] != ',' && w[k] != '.' {
			return Quantity{}, false // "12th", "9am"
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	if err != nil || f > maxCount {
		return Quantity{}, false
	}
	last := i
	if s, ok := scales[at(ws, i+1)]; ok {
		f *= float64(s)
		last = i + 1
	} else if strings.Contains(w, ".") {
		return Quantity{}, false // "1.7" alone is no number of people
	}
	if f > maxCount || f < 1 {
		return Quantity{}, false
	}
	n := int64(f + 0.5)
	return Quantity{Low: n, High: n, Precision: event.Exact, first: i, last: last}, true
}

// ReadQuantity reads the quantity that starts text ("at least 56",
// "tens of thousands", "two dozen") and returns it with the words it
// read; ok is false when text does not start with one.
func ReadQuantity(text string) (q Quantity, words string, ok bool) {
	ws := split(text)
	q, ok = read(ws, 0)
	if !ok {
		return Quantity{}, "", false
	}
	return q, text[ws[q.first].start:ws[q.last].end], true
}
