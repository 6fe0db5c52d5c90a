// Package geo scores annals' toponym finding and resolution against
// geoparsing gold sets in the XML of Gritta et al.'s "Pragmatic Guide to
// Geoparsing Evaluation" (TR-News, LGL, GeoVirus, GeoWebNews).
//
// A gold toponym counts as found when a toponym annals finds overlaps its
// span (overlap, not exact match: "Baghdad" found inside gold "Baghdad
// province" counts). Precision is over annals' toponyms, recall and
// accuracy@161km over the gold toponyms that have a gold point; those
// without one are counted apart and not scored.
package geo

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/eval/score"
	"github.com/annals/annals/event"
	"github.com/annals/annals/geo"
)

// Toponym is one gold toponym.
type Toponym struct {
	Phrase     string
	Start, End int // byte offsets into Article.Text
	HasPoint   bool
	Lat, Lon   float64
	GeonameID  int // 0 when the gold set gives none
}

// Article is one gold article.
type Article struct {
	ID       string
	Text     string
	Toponyms []Toponym
	BadSpans int // gold toponyms left out: span outside the text
}

// xmlArticle covers both layouts: <toponyms><toponym> with <phrase> and
// <gaztag><lat>/<lon> (TR-News, LGL, GeoWebNews), and
// <locations><location> with <name> and <lat>/<lon> (GeoVirus); either
// may spell the point <latitude>/<longitude>.
type xmlArticle struct {
	DocID     string     `xml:"docid,attr"`
	Source    string     `xml:"source"`
	URL       string     `xml:"url"`
	Text      string     `xml:"text"`
	Toponyms  []xmlPlace `xml:"toponyms>toponym"`
	Locations []xmlPlace `xml:"locations>location"`
}

type xmlPlace struct {
	Phrase string `xml:"phrase"`
	Name   string `xml:"name"`
	Start  string `xml:"start"`
	End    string `xml:"end"`
	xmlPoint
	Gaztag *struct {
		ID string `xml:"geonameid,attr"`
		xmlPoint
	} `xml:"gaztag"`
}

type xmlPoint struct {
	Lat       string `xml:"lat"`
	Lon       string `xml:"lon"`
	Latitude  string `xml:"latitude"`
	Longitude string `xml:"longitude"`
}

func (p xmlPoint) point() (lat, lon float64, ok bool) {
	la, lo := p.Lat, p.Lon
	if la == "" {
		la, lo = p.Latitude, p.Longitude
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(la), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return 0, 0, false
	}
	return lat, lon, true
}

// ReadXML reads the articles of a gold file; name labels errors. Offsets
// in the file count characters; they come back as byte offsets.
func ReadXML(ctx context.Context, r io.Reader, name string) ([]Article, error) {
	dec := xml.NewDecoder(r)
	var out []Article
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("eval/geo: %s:%d: %w", name, line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "article" {
			continue
		}
		line, _ := dec.InputPos()
		var xa xmlArticle
		if err := dec.DecodeElement(&xa, &se); err != nil {
			return nil, fmt.Errorf("eval/geo: %s:%d: %w", name, line, err)
		}
		a, err := convert(xa, len(out))
		if err != nil {
			return nil, fmt.Errorf("eval/geo: %s:%d: %w", name, line, err)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval/geo: %s: no <article> elements", name)
	}
	return out, nil
}

func convert(xa xmlArticle, n int) (Article, error) {
	a := Article{ID: strings.TrimSpace(xa.DocID), Text: xa.Text}
	if a.ID == "" {
		a.ID = strings.TrimSpace(xa.Source + xa.URL)
	}
	if a.ID == "" {
		a.ID = strconv.Itoa(n + 1)
	}
	if !utf8.ValidString(a.Text) {
		return a, fmt.Errorf("article %s: text is not valid UTF-8", a.ID)
	}
	// Character offsets to byte offsets.
	byteAt := make([]int, 0, len(a.Text)+1)
	for i := range a.Text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(a.Text))
	for _, x := range append(xa.Toponyms, xa.Locations...) {
		s, err1 := strconv.Atoi(strings.TrimSpace(x.Start))
		e, err2 := strconv.Atoi(strings.TrimSpace(x.End))
		if err1 != nil || err2 != nil {
			return a, fmt.Errorf("article %s: toponym %q: bad span %q-%q", a.ID, x.Phrase+x.Name, x.Start, x.End)
		}
		// A few gold spans run past their text (TR-News has one); they are
		// counted and left out rather than failing the whole file.
		if s < 0 || e < s || e >= len(byteAt) {
			a.BadSpans++
			continue
		}
		t := Toponym{Phrase: x.Phrase}
		if t.Phrase == "" {
			t.Phrase = x.Name
		}
		s, e = realign(a.Text, byteAt, t.Phrase, s, e)
		t.Start, t.End = byteAt[s], byteAt[e]
		t.Lat, t.Lon, t.HasPoint = x.point()
		if x.Gaztag != nil {
			if lat, lon, ok := x.Gaztag.point(); ok {
				t.Lat, t.Lon, t.HasPoint = lat, lon, true
			}
			t.GeonameID, _ = strconv.Atoi(x.Gaztag.ID)
		}
		a.Toponyms = append(a.Toponyms, t)
	}
	return a, nil
}

// realign moves a span that misses its phrase onto the nearest
// occurrence of the phrase up to realignReach characters away: GeoVirus
// counts from 1, and some TR-News articles are shifted by a few
// characters from a point on (by line breaks counted twice).
func realign(text string, byteAt []int, phrase string, s, e int) (int, int) {
	if text[byteAt[s]:byteAt[e]] == phrase {
		return s, e
	}
	for d := 1; d <= realignReach; d++ {
		for _, d := range []int{-d, d} {
			if s+d >= 0 && e+d < len(byteAt) && text[byteAt[s+d]:byteAt[e+d]] == phrase {
				return s + d, e + d
			}
		}
	}
	return s, e
}

// realignReach is how far realign looks, in characters: more than the
// shifts seen (up to 10), less than the distance between two mentions
// of a name.
const realignReach = 16

// Score holds the counts of an evaluation.
type Score struct {
	Gold      int // gold toponyms with a point (N)
	NoPoint   int // gold toponyms without one, not scored
	BadSpans  int // gold toponyms whose span lies outside the text, not scored
	Found     int // of Gold, those whose span annals found (K)
	Predicted int // annals' toponyms
	Matched   int // of Predicted, those overlapping a gold toponym
	Within161 int // of Gold, those resolved within 161 km of the gold point
	// WithID counts the gold toponyms with a GeoNames id, SameID those
	// resolved to that very entry: a diagnostic that separates choosing
	// the wrong place from placing a country or region at another
	// centroid than the gold set's.
	WithID, SameID int
	// Misses are the gold toponyms not resolved within 161 km, in text
	// order, for --show-misses.
	Misses []Miss
	// False are annals' toponyms that overlap no gold toponym.
	False []Miss
}

// Miss is a gold toponym that annals did not find, or placed more than
// 161 km away.
type Miss struct {
	Article string
	Toponym Toponym
	Context string          // the words around the toponym
	Got     *geo.Resolution // the overlapping resolution; nil when not found
	Km      float64         // distance from the gold point; 0 when Got has no place
}

// String formats a miss as one line: the article, the gold toponym and
// its point, and what annals made of it.
func (m Miss) String() string {
	t := m.Toponym
	if !t.HasPoint && m.Got != nil {
		if p := m.Got.Place; p != nil {
			return fmt.Sprintf("%s: %q → %s %s/%s pop=%d in %q", m.Article, t.Phrase, p.Name, p.Country, p.Code, p.Population, m.Context)
		}
		return fmt.Sprintf("%s: %q unresolved in %q", m.Article, t.Phrase, m.Context)
	}
	gold := fmt.Sprintf("%s: %q (%.2f,%.2f", m.Article, t.Phrase, t.Lat, t.Lon)
	if t.GeonameID != 0 {
		gold += fmt.Sprintf(" geonames:%d", t.GeonameID)
	}
	gold += ")"
	switch {
	case m.Got == nil:
		return fmt.Sprintf("%s not found in %q", gold, m.Context)
	case m.Got.Place == nil:
		return fmt.Sprintf("%s found as %q, unresolved", gold, m.Got.Text)
	}
	p := m.Got.Place
	return fmt.Sprintf("%s → %s %s/%s pop=%d geonames:%d (%.2f,%.2f) %.0f km in %q",
		gold, p.Name, p.Country, p.Code, p.Population, p.ID, p.Lat, p.Lon, m.Km, m.Context)
}

// Add adds the counts of t to s.
func (s *Score) Add(t Score) {
	s.Gold += t.Gold
	s.NoPoint += t.NoPoint
	s.BadSpans += t.BadSpans
	s.Found += t.Found
	s.Predicted += t.Predicted
	s.Matched += t.Matched
	s.Within161 += t.Within161
	s.WithID += t.WithID
	s.SameID += t.SameID
	s.Misses = append(s.Misses, t.Misses...)
	s.False = append(s.False, t.False...)
}

// Precision is the share of annals' toponyms that overlap a gold one.
func (s Score) Precision() float64 { return score.Ratio(s.Matched, s.Predicted) }

// Recall is the share of gold toponyms annals found.
func (s Score) Recall() float64 { return score.Ratio(s.Found, s.Gold) }

// Acc161 is the share of gold toponyms resolved within 161 km (100 miles).
func (s Score) Acc161() float64 { return score.Ratio(s.Within161, s.Gold) }

// String formats the figures as the last line of "annals eval geo".
func (s Score) String() string {
	return fmt.Sprintf("toponyms=%d found=%d precision=%.3f recall=%.3f acc161=%.3f",
		s.Gold, s.Found, s.Precision(), s.Recall(), s.Acc161())
}

// ScoreArticle compares annals' resolutions for one article with its gold
// toponyms. A gold toponym takes the overlapping resolution with the
// largest overlap.
func ScoreArticle(a Article, rs []geo.Resolution) Score {
	s := Score{Predicted: len(rs), BadSpans: a.BadSpans}
	for i, r := range rs {
		matched := false
		for _, t := range a.Toponyms {
			if overlap(r.Start, r.End, t.Start, t.End) > 0 {
				matched = true
				break
			}
		}
		if matched {
			s.Matched++
		} else {
			s.False = append(s.False, Miss{Article: a.ID, Got: &rs[i], Context: around(a.Text, r.Start, r.End),
				Toponym: Toponym{Phrase: r.Text, Start: r.Start, End: r.End}})
		}
	}
	for _, t := range a.Toponyms {
		if !t.HasPoint {
			s.NoPoint++
			continue
		}
		s.Gold++
		if t.GeonameID != 0 {
			s.WithID++
		}
		best, bestOv := -1, 0
		for i, r := range rs {
			if ov := overlap(r.Start, r.End, t.Start, t.End); ov > bestOv {
				best, bestOv = i, ov
			}
		}
		miss := Miss{Article: a.ID, Toponym: t, Context: around(a.Text, t.Start, t.End)}
		if best < 0 {
			s.Misses = append(s.Misses, miss)
			continue
		}
		s.Found++
		miss.Got = &rs[best]
		p := rs[best].Place
		if p != nil {
			miss.Km = geo.Distance(p.Lat, p.Lon, t.Lat, t.Lon)
		}
		if p != nil && miss.Km <= 161 {
			s.Within161++
		} else {
			s.Misses = append(s.Misses, miss)
		}
		if p != nil && t.GeonameID != 0 && p.ID == t.GeonameID {
			s.SameID++
		}
	}
	return s
}

// around returns up to 40 bytes of text on each side of a span, cut at
// rune boundaries and with line breaks made spaces.
func around(text string, start, end int) string {
	a, b := max(0, start-40), min(len(text), end+40)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.Join(strings.Fields(text[a:b]), " ")
}

func overlap(s1, e1, s2, e2 int) int {
	return min(e1, e2) - max(s1, s2)
}

// Analyzer is the language layer, as Evaluate uses it to tag names.
type Analyzer interface {
	Process(ctx context.Context, text string) ([]event.Sentence, error)
}

// Options tunes Evaluate.
type Options struct {
	Demonyms bool // count nationality words as toponyms (TR-News and GeoWebNews do)
	// Analyzer, when set, tags each article first, and toponyms are
	// found as the pipeline finds them (geo.Gazetteer.Toponyms: the
	// tagger's locations, less its people and organisations, and the
	// datelines); nil finds them from the gazetteer alone.
	Analyzer Analyzer
}

// Evaluate finds and resolves the toponyms of every article with g and
// scores them.
func Evaluate(ctx context.Context, g *geo.Gazetteer, arts []Article, opt Options) (Score, error) {
	var total Score
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		fo := geo.FindOptions{Demonyms: opt.Demonyms}
		var ms []geo.Mention
		if opt.Analyzer != nil {
			sents, err := opt.Analyzer.Process(ctx, a.Text)
			if err != nil {
				return total, fmt.Errorf("eval/geo: article %s: %w", a.ID, err)
			}
			// The pipeline reads an article's datelines as places
			// whatever the tagger calls them ("AUSTIN, Texas").
			ms = geo.Merge(g.Toponyms(a.Text, sents, fo), g.Datelines(a.Text))
		} else {
			ms = g.FindToponyms(a.Text, fo)
		}
		total.Add(ScoreArticle(a, g.Resolve(a.Text, ms, geo.Context{})))
	}
	return total, nil
}
