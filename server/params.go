package server

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// maxParam bounds the length of one query parameter value.
const maxParam = 200

// filterParams are the query parameters every read endpoint takes to
// select events.
var filterParams = []string{"from", "to", "source", "target", "actor", "country", "code", "quad", "plover", "mode", "place", "bbox", "text"}

// badRequest is an error in the request, reported as 400.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return &badRequest{fmt.Sprintf(format, args...)} }

// query checks that q holds only known parameters, each once, each valid
// UTF-8 of bounded length.
func query(q url.Values, extra ...string) error {
	for k, vs := range q {
		known := false
		for _, list := range [][]string{filterParams, extra} {
			for _, name := range list {
				known = known || name == k
			}
		}
		if !known {
			return badf("unknown parameter %q", k)
		}
		if len(vs) != 1 {
			return badf("parameter %q given %d times", k, len(vs))
		}
		if len(vs[0]) > maxParam || !utf8.ValidString(vs[0]) {
			return badf("parameter %q: want valid UTF-8 of at most %d bytes", k, maxParam)
		}
	}
	return nil
}

// parseFilter reads the event filter from q.
func parseFilter(q url.Values) (store.Filter, error) {
	f := store.Filter{
		SourceActor: q.Get("source"), TargetActor: q.Get("target"), Actor: q.Get("actor"),
		Country: strings.ToUpper(q.Get("country")), Code: q.Get("code"), Plover: strings.ToUpper(q.Get("plover")),
		Mode: event.Mode(q.Get("mode")), Place: q.Get("place"), Text: q.Get("text"),
	}
	for _, p := range []struct{ name, v string }{{"source", f.SourceActor}, {"target", f.TargetActor}, {"actor", f.Actor}, {"country", f.Country}} {
		if !alnum(p.v) {
			return f, badf("%s %q: want letters and digits (an actor code or its prefix)", p.name, p.v)
		}
	}
	for _, c := range f.Code {
		if c < '0' || c > '9' {
			return f, badf("code %q: want digits (a CAMEO code or its root)", f.Code)
		}
	}
	switch f.Mode {
	case "", event.Asserted, event.Negated, event.Future, event.Intended, event.Reported, event.Hypothetical:
	default:
		return f, badf("mode %q: want asserted, negated, future, intended, reported or hypothetical", f.Mode)
	}
	var err error
	for _, d := range []struct {
		name string
		t    *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		v := q.Get(d.name)
		if v == "" {
			continue
		}
		if *d.t, err = time.Parse("2006-01-02", v); err != nil {
			return f, badf("%s %q: want YYYY-MM-DD", d.name, v)
		}
	}
	if v := q.Get("quad"); v != "" {
		if f.QuadClass, err = strconv.Atoi(v); err != nil || f.QuadClass < 1 || f.QuadClass > 4 {
			return f, badf("quad %q: want 1, 2, 3 or 4", v)
		}
	}
	if v := q.Get("bbox"); v != "" {
		if f.BBox, err = parseBBox(v); err != nil {
			return f, err
		}
	}
	return f, nil
}

// parseBBox reads "minlat,minlon,maxlat,maxlon".
func parseBBox(v string) (*store.BoundingBox, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, badf("bbox %q: want minlat,minlon,maxlat,maxlon", v)
	}
	var n [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		limit := 90.0
		if i%2 == 1 {
			limit = 180
		}
		if err != nil || !(x >= -limit && x <= limit) { // NaN fails both
			return nil, badf("bbox %q: want minlat,minlon,maxlat,maxlon in degrees", v)
		}
		n[i] = x
	}
	if n[0] > n[2] || n[1] > n[3] {
		return nil, badf("bbox %q: the minimum is above the maximum", v)
	}
	return &store.BoundingBox{MinLat: n[0], MinLon: n[1], MaxLat: n[2], MaxLon: n[3]}, nil
}

// parseLimit reads the limit parameter: def when absent, at most max.
func parseLimit(q url.Values, def, max int) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, badf("limit %q: want 1 to %d", v, max)
	}
	return n, nil
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// cursorOK says whether c is made of the characters cursors use, and
// short.
func cursorOK(c string) bool {
	if len(c) > 100 {
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		if !('0' <= ch && ch <= '9' || 'A' <= ch && ch <= 'Z' || 'a' <= ch && ch <= 'z' || ch == '.' || ch == '-' || ch == '_') {
			return false
		}
	}
	return true
}

// docIDOK says whether id can be a document id: ids come from the
// inputs (a JSON Lines "id"), so any printable text of bounded length.
func docIDOK(id string) bool {
	if id == "" || len(id) > maxParam || !utf8.ValidString(id) {
		return false
	}
	return !strings.ContainsFunc(id, unicode.IsControl)
}

// encodeCursor wraps the store's page cursor with a checksum, so that a
// cursor the server did not give is told apart (400) from a store failure
// (500) without knowing how the store builds its cursors.
func encodeCursor(c string) string {
	if c == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(c))
	return base64.RawURLEncoding.EncodeToString([]byte(c)) + "." + hex.EncodeToString(sum[:4])
}

// decodeCursor unwraps a cursor of encodeCursor.
func decodeCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	body, sumHex, ok := strings.Cut(c, ".")
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if !ok || !cursorOK(c) || err != nil {
		return "", badf("cursor %q: not a cursor this server gave", c)
	}
	sum := sha256.Sum256(raw)
	if hex.EncodeToString(sum[:4]) != sumHex {
		return "", badf("cursor %q: not a cursor this server gave", c)
	}
	return string(raw), nil
}
