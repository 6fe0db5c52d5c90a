package server

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/store"
)

// maxParam bounds the length of one query parameter value that is no
// filter (store.MaxFilterValue bounds those).
const maxParam = 200

// badRequest is an error in the request, reported as 400.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return &badRequest{fmt.Sprintf(format, args...)} }

// query checks that q holds only the filter keys of store.FilterParams,
// or their comparisons (killed>=10), (store.ParseFilter checks their values) and extra, each of extra once,
// valid UTF-8 of bounded length.
func query(q url.Values, extra ...string) error {
	for k, vs := range q {
		if slices.ContainsFunc(store.FilterParams, func(p store.FilterParam) bool { return p.Key == k || p.Op != "" && p.Op == k }) {
			continue
		}
		if !slices.Contains(extra, k) {
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

// parseFilter reads the event filter from q, its errors as 400s.
func parseFilter(q url.Values) (store.Filter, error) {
	f, err := store.ParseFilter(q)
	if err != nil {
		return f, &badRequest{err.Error()}
	}
	return f, nil
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
