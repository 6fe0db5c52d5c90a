package geo

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unicode/utf8"
	"unsafe"
)

// Index format (inside gzip): the magic line, a uvarint version, the
// countries, then the places. Strings are a uvarint length and UTF-8
// bytes; coordinates are varints of 1e-5 degrees (about a metre).
const (
	indexMagic   = "annals-gazetteer\n"
	indexVersion = 1
	coordScale   = 1e5
	maxString    = 1 << 10
	maxCount     = 1 << 24
	maxPrealloc  = 1 << 18
)

// WriteIndex writes g to w in annals' gzip gazetteer format.
func (g *Gazetteer) WriteIndex(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.raw(indexMagic)
	e.uint(indexVersion)
	e.uint(uint64(len(g.countries)))
	for _, c := range g.countries {
		e.str(c.ISO2)
		e.str(c.ISO3)
		e.str(c.Name)
		e.str(c.Capital)
		e.uint(uint64(c.Place))
		e.strs(c.Demonyms)
	}
	e.uint(uint64(len(g.places)))
	for _, p := range g.places {
		e.uint(uint64(p.ID))
		e.str(p.Name)
		e.uint(uint64(p.Kind))
		e.str(p.Code)
		e.str(p.Country)
		e.str(p.Admin1)
		e.str(p.Admin2)
		e.int(int64(math.Round(p.Lat * coordScale)))
		e.int(int64(math.Round(p.Lon * coordScale)))
		e.uint(uint64(p.Population))
		e.strs(p.Alt)
	}
	if e.err != nil {
		return fmt.Errorf("geo: writing index: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("geo: writing index: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("geo: writing index: %w", err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) uint(v uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], v)])
	}
}

func (e *encoder) int(v int64) {
	if e.err == nil {
		_, e.err = e.w.Write(e.buf[:binary.PutVarint(e.buf[:], v)])
	}
}

func (e *encoder) str(s string) {
	if len(s) > maxString && e.err == nil {
		e.err = fmt.Errorf("string of %d bytes is too long: %.40q", len(s), s)
	}
	e.uint(uint64(len(s)))
	e.raw(s)
}

func (e *encoder) strs(list []string) {
	e.uint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

// ReadIndex reads a gazetteer written by WriteIndex. name labels errors
// (a file path). A truncated, corrupt or foreign file gives an error.
func ReadIndex(r io.Reader, name string) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer %s: not a gzip file: %w", name, err)
	}
	g, err := decodeIndex(bufio.NewReader(zr))
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer %s: %w", name, err)
	}
	return g, nil
}

func decodeIndex(r *bufio.Reader) (*Gazetteer, error) {
	d := &decoder{r: r}
	magic := make([]byte, len(indexMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != indexMagic {
		return nil, errors.New("not an annals gazetteer index")
	}
	if v := d.uint(); d.err == nil && v != indexVersion {
		return nil, fmt.Errorf("index version %d, this annals reads version %d", v, indexVersion)
	}
	// Slices grow as records arrive rather than from the stored counts, so
	// a corrupt count cannot make the reader allocate gigabytes.
	var countries []CountryInfo
	for n := d.count(); uint64(len(countries)) < n && d.err == nil; {
		countries = append(countries, CountryInfo{})
		c := &countries[len(countries)-1]
		c.ISO2, c.ISO3, c.Name, c.Capital = d.str(), d.str(), d.str(), d.str()
		c.Place = int(d.count())
		c.Demonyms = d.strs()
	}
	n := d.count()
	// Room for the stated count up to a bound, so that a big index is not
	// copied as it grows and a corrupt count allocates little.
	// Room for the region groups newGazetteer adds (26 in the embedded
	// index), so that it need not copy the places.
	places := make([]Place, 0, min(n, maxPrealloc)+64)
	for uint64(len(places)) < n && d.err == nil {
		places = append(places, Place{})
		i := len(places) - 1
		p := &places[i]
		p.ID = int(d.count())
		p.Name = d.str()
		p.Kind = Kind(d.uint())
		p.Code, p.Country, p.Admin1, p.Admin2 = d.code(), d.code(), d.code(), d.code()
		p.Lat = float64(d.int()) / coordScale
		p.Lon = float64(d.int()) / coordScale
		p.Population = int64(d.uint() & math.MaxInt64)
		p.Alt = d.strs()
		if d.err != nil {
			break
		}
		if p.Kind < Continent || p.Kind > City || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
			return nil, fmt.Errorf("place %d (%q): bad kind or coordinates", i, p.Name)
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errors.New("trailing data after the places")
	}
	for _, c := range countries {
		if c.Place >= len(places) || places[c.Place].Kind != Country {
			return nil, fmt.Errorf("country %s points at place %d, not a country", c.ISO2, c.Place)
		}
	}
	return newGazetteer(places, countries), nil
}

type decoder struct {
	r     *bufio.Reader
	err   error
	blob  []byte            // the block strings are read into
	codes map[string]string // the codes read so far
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = fmt.Errorf("truncated or corrupt: %w", err)
	}
	return v
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		d.err = fmt.Errorf("truncated or corrupt: %w", err)
	}
	return v
}

// count reads a count or an index and bounds it.
func (d *decoder) count() uint64 {
	v := d.uint()
	if v > maxCount && d.err == nil {
		d.err = fmt.Errorf("count %d out of range", v)
	}
	if d.err != nil {
		return 0
	}
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > maxString {
		d.err = fmt.Errorf("string length %d out of range", n)
		return ""
	}
	if len(d.blob)+int(n) > cap(d.blob) {
		d.blob = make([]byte, 0, max(blobSize, n))
	}
	b := d.blob[len(d.blob) : len(d.blob)+int(n)]
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = fmt.Errorf("truncated: %w", err)
		return ""
	}
	if !utf8.Valid(b) {
		d.err = errors.New("invalid UTF-8 in a name")
		return ""
	}
	d.blob = d.blob[:len(d.blob)+int(n)]
	// The bytes are never written again: b's part of the blob is the
	// string's.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// blobSize is the size of the blocks the names are read into: half a
// million names as strings of their own took a third more memory.
const blobSize = 64 << 10

// code reads a string that many places share (feature, country and
// region codes) and returns one copy of it.
func (d *decoder) code() string {
	s := d.str()
	if c, ok := d.codes[s]; ok {
		d.blob = d.blob[:len(d.blob)-len(s)]
		return c
	}
	if d.codes == nil {
		d.codes = make(map[string]string)
	}
	d.codes[s] = s
	return s
}

func (d *decoder) strs() []string {
	n := d.uint()
	if d.err != nil || n == 0 {
		return nil
	}
	if n > maxString {
		d.err = fmt.Errorf("list length %d out of range", n)
		return nil
	}
	out := make([]string, 0, n)
	for uint64(len(out)) < n && d.err == nil {
		out = append(out, d.str())
	}
	return out
}
