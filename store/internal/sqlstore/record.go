package sqlstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/annals/annals/event"
)

// A mention's record is stored in one column, in one of two encodings
// told apart by the first byte:
//
//   - JSON (first byte '{'), as event.Record marshals: what every store
//     wrote before migration 0010 of SQLite, and what PostgreSQL writes;
//   - compact (first byte recordV1): the record's fields in a fixed order
//     without names, integers as varints, strings as a length and their
//     bytes, and without the sentence's text, which the mentions table
//     holds in its sentence column. It takes a sixth to a quarter of
//     the JSON's bytes.
//
// Readers decode both, so a store keeps its older rows as they are.

// recordV1 starts a record in the compact encoding.
const recordV1 = 0x01

// Presence bits of the compact encoding's flags.
const (
	hasSource = 1 << iota
	hasTarget
	hasLocation
	hasQuote
	isBackground
	sourceImplied
	targetImplied
)

// encodeRecord appends r's compact encoding to b, leaving out the
// sentence's text.
func encodeRecord(b []byte, r *event.Record) []byte {
	var flags uint64
	for _, f := range []struct {
		set bool
		bit uint64
	}{
		{r.Source != nil, hasSource}, {r.Target != nil, hasTarget}, {r.Location != nil, hasLocation},
		{r.Quote != nil, hasQuote}, {r.Background, isBackground},
		{r.Source != nil && r.Source.Implied, sourceImplied}, {r.Target != nil && r.Target.Implied, targetImplied},
	} {
		if f.set {
			flags |= f.bit
		}
	}
	b = append(b, recordV1)
	b = binary.AppendUvarint(b, flags)
	b = appendStrings(b, r.ID, r.Doc.ID, r.Doc.URL, r.Doc.Title, r.Doc.Published)
	b = appendInts(b, r.Sentence.Index, r.Sentence.Start, r.Sentence.End)
	b = appendStrings(b, r.Date, r.DatePrecision, r.Code, r.Root, r.Plover, string(r.Mode))
	b = appendInts(b, r.QuadClass)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(r.Goldstein))
	for _, a := range []*event.Actor{r.Source, r.Target} {
		if a == nil {
			continue
		}
		b = appendStrings(b, a.Text, a.Code, a.Country)
		b = binary.AppendUvarint(b, uint64(len(a.Roles)))
		b = appendStrings(b, a.Roles...)
		b = appendInts(b, a.Start, a.End)
	}
	if l := r.Location; l != nil {
		b = appendStrings(b, l.Name, l.Country, l.Admin1, l.GazetteerID)
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.Lat))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.Lon))
		b = appendInts(b, l.Start, l.End)
	}
	if q := r.Quote; q != nil {
		b = appendStrings(b, q.Speaker, q.SpeakerCode, q.Text)
		b = appendInts(b, q.Start, q.End)
	}
	b = binary.AppendUvarint(b, uint64(len(r.Counts)))
	for _, c := range r.Counts {
		b = appendStrings(b, string(c.Kind), string(c.Precision), c.Text)
		b = binary.AppendVarint(b, c.Low)
		b = binary.AppendVarint(b, c.High)
		b = appendInts(b, c.Start, c.End)
	}
	b = appendStrings(b, r.Evidence.Verb, r.Evidence.Rule)
	return appendInts(b, r.Evidence.Start, r.Evidence.End)
}

// appendStrings appends each string as its length and its bytes.
func appendStrings(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// appendInts appends each int as a signed varint.
func appendInts(b []byte, ns ...int) []byte {
	for _, n := range ns {
		b = binary.AppendVarint(b, int64(n))
	}
	return b
}

// decodeRecord reads a stored record in either encoding into r; sentence
// is the text of the mention's sentence, which the compact encoding
// leaves out.
func decodeRecord(data []byte, sentence string, r *event.Record) error {
	if len(data) > 0 && data[0] == recordV1 {
		d := recordReader{b: data[1:]}
		d.record(r)
		if d.err == nil && len(d.b) > 0 {
			d.err = fmt.Errorf("%d bytes after the record", len(d.b))
		}
		if d.err != nil {
			return fmt.Errorf("compact record: %w", d.err)
		}
		r.Sentence.Text = sentence
		return nil
	}
	return json.Unmarshal(data, r)
}

var errShort = errors.New("truncated")

// recordReader reads the compact encoding; the first error sticks and
// every later read gives zero values.
type recordReader struct {
	b   []byte
	err error
}

func (d *recordReader) record(r *event.Record) {
	flags := d.uvarint()
	r.ID, r.Doc.ID, r.Doc.URL, r.Doc.Title, r.Doc.Published = d.str(), d.str(), d.str(), d.str(), d.str()
	r.Sentence.Index, r.Sentence.Start, r.Sentence.End = d.int(), d.int(), d.int()
	r.Date, r.DatePrecision, r.Code, r.Root, r.Plover, r.Mode = d.str(), d.str(), d.str(), d.str(), d.str(), event.Mode(d.str())
	r.QuadClass = d.int()
	r.Goldstein = d.float()
	r.Background = flags&isBackground != 0
	if flags&hasSource != 0 {
		r.Source = d.actor(flags&sourceImplied != 0)
	}
	if flags&hasTarget != 0 {
		r.Target = d.actor(flags&targetImplied != 0)
	}
	if flags&hasLocation != 0 {
		l := &event.Location{Name: d.str(), Country: d.str(), Admin1: d.str(), GazetteerID: d.str()}
		l.Lat, l.Lon = d.float(), d.float()
		l.Start, l.End = d.int(), d.int()
		r.Location = l
	}
	if flags&hasQuote != 0 {
		r.Quote = &event.Quote{Speaker: d.str(), SpeakerCode: d.str(), Text: d.str()}
		r.Quote.Start, r.Quote.End = d.int(), d.int()
	}
	if n := d.count(); n > 0 {
		r.Counts = make([]event.Count, n)
		for i := range r.Counts {
			c := &r.Counts[i]
			c.Kind, c.Precision, c.Text = event.CountKind(d.str()), event.CountPrecision(d.str()), d.str()
			c.Low, c.High = d.varint(), d.varint()
			c.Start, c.End = d.int(), d.int()
		}
	}
	r.Evidence.Verb, r.Evidence.Rule = d.str(), d.str()
	r.Evidence.Start, r.Evidence.End = d.int(), d.int()
}

func (d *recordReader) actor(implied bool) *event.Actor {
	a := &event.Actor{Text: d.str(), Code: d.str(), Country: d.str(), Implied: implied}
	if n := d.count(); n > 0 {
		a.Roles = make([]string, n)
		for i := range a.Roles {
			a.Roles[i] = d.str()
		}
	}
	a.Start, a.End = d.int(), d.int()
	return a
}

func (d *recordReader) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *recordReader) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *recordReader) int() int {
	v := d.varint()
	if v != int64(int(v)) {
		d.err = fmt.Errorf("integer %d out of range", v)
		return 0
	}
	return int(v)
}

// count reads the length of a list, which cannot exceed the bytes left
// (each element takes at least one), so that a corrupt length allocates
// nothing large.
func (d *recordReader) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		if d.err == nil {
			d.err = errShort
		}
		return 0
	}
	return int(n)
}

func (d *recordReader) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *recordReader) float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.err = errShort
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}
