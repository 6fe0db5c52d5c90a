package store

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/annals/annals/event"
)

// Outlet names the outlet of a document: its Source, else its URL's host,
// else its URL. Distinct outlets make an event's NumSources.
func Outlet(doc *event.Document) string {
	if doc.Source != "" {
		return doc.Source
	}
	if u, err := url.Parse(doc.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return doc.URL
}

// FoldBase is the part of a fold key that must be equal for two mentions
// to fold: source actor code, target actor code, CAMEO code and place,
// and the precision of a date coarser than a day, so that an event known
// only by its year or month never folds with one of a day in it.
func FoldBase(r *event.Record) string {
	var src, tgt, place string
	if r.Source != nil {
		src = r.Source.Code
	}
	if r.Target != nil {
		tgt = r.Target.Code
	}
	if l := r.Location; l != nil {
		// A gazetteer id names the place whatever its spelling; without one
		// the name and country have to do.
		place = l.GazetteerID
		if place == "" && l.Name != "" {
			place = strings.ToLower(l.Name) + "/" + l.Country
		}
	}
	base := src + "|" + tgt + "|" + r.Code + "|" + place
	switch r.DatePrecision {
	case event.PrecisionWeek, event.PrecisionMonth, event.PrecisionYear:
		if r.Date != "" {
			base += "|" + r.DatePrecision
		}
	}
	return base
}

// UndatedBase is the fold base of a mention without a date (see NoDay),
// tied to its document by the document's content hash: such a mention
// folds only with mentions of its own article. Undated articles may lie
// years apart, so nothing says that two of them report one happening.
func UndatedBase(base, hash string) string {
	return base + "|doc:" + hash[:min(len(hash), 16)]
}

// FoldKey is an event's fold key: its FoldBase and the date of its first
// mention, or "undated".
func FoldKey(base string, day int) string {
	if day == NoDay {
		return base + "|undated"
	}
	return base + "|" + DayTime(day).Format("20060102")
}

// NoDay is the day number of an event whose date is unknown: its record
// has no date and its document no publication date. It sorts before every
// real day, so undated events come last in newest-first listings; date
// filters leave them out, and counts by day or week give them the key "".
const NoDay = math.MinInt32

// Day returns the days since 1970-01-01 of t's date; NoDay for the zero
// time.
func Day(t time.Time) int {
	if t.IsZero() {
		return NoDay
	}
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// DayTime returns midnight UTC of a day number made by Day; the zero time
// for NoDay.
func DayTime(day int) time.Time {
	if day == NoDay {
		return time.Time{}
	}
	return time.Unix(int64(day)*86400, 0).UTC()
}

// EventPeriod returns the first and the last day (day numbers, see Day)
// of the date an event mention happened: the period of the record's date
// at its precision (a day, a week, a month, a year), else the document's
// publication date, else NoDay twice. The day a document is stored says
// nothing about when its events happened.
func EventPeriod(r *event.Record, doc *event.Document) (first, last int, err error) {
	from, to, ok, err := r.Period()
	if err != nil {
		return 0, 0, err
	}
	if !ok {
		d := Day(doc.Published)
		return d, d, nil
	}
	return Day(from), Day(to), nil
}

// PeriodKey names the period of an event's date that is longer than the
// bins of a count by day or week: "2019" for a year, "2019-03" for a
// month, "2020-01-06/2020-01-12" otherwise (a week in day bins).
func PeriodKey(first, last time.Time) string {
	_, m, d := first.Date()
	switch {
	case m == 1 && d == 1 && last.Equal(first.AddDate(1, 0, -1)):
		return first.Format("2006")
	case d == 1 && last.Equal(first.AddDate(0, 1, -1)):
		return first.Format("2006-01")
	}
	return first.Format("2006-01-02") + "/" + last.Format("2006-01-02")
}

// leadSentences is how many first sentences count as an article's lead,
// which GDELT's IsRootEvent marks as the most important part.
const leadSentences = 3

// IsLead reports whether a sentence index is in the article's lead.
func IsLead(sentence int) bool { return sentence < leadSentences }

// Confidence estimates, in percent, how sure a mention is to report a real
// event: full marks for an asserted event with both actors and a place,
// less for each part missing or hedged. The coder does not score its own
// certainty, so this stands in for GDELT's Confidence.
func Confidence(r *event.Record) int {
	c := 100
	if r.Source == nil || r.Source.Code == "" {
		c -= 20
	}
	if r.Target == nil || r.Target.Code == "" {
		c -= 20
	}
	if r.Location == nil {
		c -= 10
	}
	switch r.Mode {
	case event.Reported:
		c -= 20
	case event.Future, event.Intended:
		c -= 30
	case event.Negated, event.Hypothetical:
		c -= 50
	}
	return max(c, 10)
}

// countPrecisions are the precisions of a count, tightest first; folding
// keeps the loosest.
var countPrecisions = []event.CountPrecision{event.Exact, event.AtLeast, event.About, event.Vague}

// CheckCount reports what is wrong with a count a record states: a kind
// or precision the record format does not define, a negative number, a
// low end above the high end.
func CheckCount(c event.Count) error {
	switch {
	case !slices.Contains(CountKinds, c.Kind):
		return fmt.Errorf("count kind %q: want %s", c.Kind, countKindList())
	case !slices.Contains(countPrecisions, c.Precision):
		return fmt.Errorf("%s count precision %q: want exact, at_least, about or vague", c.Kind, c.Precision)
	case c.Low < 0 || c.High < c.Low:
		return fmt.Errorf("%s count %d-%d: want 0 <= low <= high", c.Kind, c.Low, c.High)
	}
	return nil
}

// FoldCounts folds the counts that an event's mentions state, in the
// order of the mentions, into the event's: one count of each kind, in
// CountKinds order, whose range runs from the lowest low to the highest
// high, so that the event keeps the range its mentions span while each
// mention keeps its own. Where the mentions state one range with one
// precision it is kept; where they differ the count takes the loosest
// precision, and mentions that each give an exact but different number
// make it about. The words are the first mention's of the kind.
func FoldCounts(counts ...[]event.Count) []event.Count {
	by := make([]*event.Count, len(CountKinds))
	for _, cs := range counts {
		for _, c := range cs {
			i := slices.Index(CountKinds, c.Kind)
			if i < 0 {
				continue // CheckCount keeps these out of the store
			}
			e := by[i]
			if e == nil {
				by[i] = &c
				continue
			}
			if c.Low == e.Low && c.High == e.High && c.Precision == e.Precision {
				continue
			}
			e.Low, e.High = min(e.Low, c.Low), max(e.High, c.High)
			e.Precision = countPrecisions[max(slices.Index(countPrecisions, e.Precision), slices.Index(countPrecisions, c.Precision))]
			if e.Precision == event.Exact {
				e.Precision = event.About
			}
		}
	}
	var out []event.Count
	for _, c := range by {
		if c != nil {
			out = append(out, *c)
		}
	}
	return out
}
