package ingest

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the publication-date forms met in feeds, meta tags and
// JSON: RFC 822/1123 in their many variants (RSS), RFC 3339 and ISO 8601
// (Atom, JSON-LD, <time>), and a few human forms. Weekday prefixes are cut
// before matching, so the layouts do not repeat them.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102T150405Z0700",
	"20060102",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 Z0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 MST",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 06 15:04 -0700",
	"2 Jan 06 15:04 MST",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04 MST",
	"2 January 2006",
	"January 2, 2006 15:04:05 MST",
	"January 2, 2006 3:04 PM -0700",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan 2 2006",
	"January 2 2006",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"02.01.2006",
	time.UnixDate,
	time.ANSIC,
}

// zoneOffsets are the zone names RSS feeds use that Go's parser reads as
// zero offsets when they are not the local zone.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"BST": "+0100", "CET": "+0100", "CEST": "+0200", "IST": "+0530",
	"JST": "+0900", "AEST": "+1000", "AEDT": "+1100",
}

// ParseDate reads a publication date in any of the common feed and web
// forms and returns it in UTC. Times without a zone are taken as UTC.
func ParseDate(s string) (time.Time, error) {
	orig := s
	s = strings.Join(strings.Fields(s), " ")
	// Weekday prefixes ("Tue, ", "Tuesday ") carry nothing and come in
	// too many spellings to put in the layouts.
	if i := strings.IndexAny(s, ", "); i > 0 && isWeekday(s[:i]) {
		s = strings.TrimLeft(s[i:], ", ")
	}
	s = strings.ReplaceAll(s, "Sept ", "Sep ")
	// Named zones become numeric offsets: Go keeps an unknown name with a
	// zero offset, which would shift American feeds by hours.
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if off, ok := zoneOffsets[strings.ToUpper(s[i+1:])]; ok {
			s = s[:i+1] + off
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognized date %q", orig)
}

func isWeekday(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == d || w == d[:3] || (len(w) == 4 && w == d[:4]) {
			return true
		}
	}
	return false
}
