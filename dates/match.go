package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/event"
)

// unit is the size of a relative period.
type unit int

const (
	noUnit unit = iota
	dayUnit
	weekUnit
	monthUnit
	yearUnit
)

// spec is what an expression says, before it meets a publication date.
type spec struct {
	year, month, day int          // 0 when not said
	weekday          time.Weekday //
	hasWeekday       bool
	weekend          bool // the weekday is the Saturday of a weekend: week precision
	// dir is -1 for "last", +1 for "next", 0 when the tense decides.
	dir int
	// rel is a period relative to publication: offset units of size unit
	// from the publication's ("3 days ago": -3 days; "this week": 0 weeks).
	rel    unit
	offset int
	// thisYear: a month or season of the publication's year ("this
	// June", "June of this year").
	thisYear bool
	// season is the first month of a season ("last summer": 6); its date
	// is the year it starts in, at year precision.
	season int
	// anaphor: the expression refers back to a date said before it ("on
	// the same day").
	anaphor bool
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	// abbreviations count only with their dot ("Jan.", "Sept.")
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"mon.": time.Monday, "tue.": time.Tuesday, "tues.": time.Tuesday, "wed.": time.Wednesday,
	"thu.": time.Thursday, "thur.": time.Thursday, "thurs.": time.Thursday, "fri.": time.Friday,
	"sat.": time.Saturday, "sun.": time.Sunday,
}

// seasons map a season to its first month (northern hemisphere; winter
// starts in December).
var seasons = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

// timesOfDay name a time within a day: "before midnight Wednesday" still
// dates Wednesday.
var timesOfDay = map[string]bool{
	"midnight": true, "noon": true, "dawn": true, "dusk": true, "daybreak": true, "sunrise": true, "sunset": true,
	"morning": true, "afternoon": true, "evening": true, "night": true,
}

var units = map[string]unit{
	"day": dayUnit, "days": dayUnit, "week": weekUnit, "weeks": weekUnit,
	"month": monthUnit, "months": monthUnit, "year": yearUnit, "years": yearUnit,
}

var numbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
}

// word returns token i lower-cased, with a following "." token joined
// ("Jan" "." → "jan."), and how many tokens that took; "" past the end.
func word(ts []event.Token, i int) (string, int) {
	if i < 0 || i >= len(ts) {
		return "", 0
	}
	w := strings.ToLower(ts[i].Text)
	if !strings.HasSuffix(w, ".") && i+1 < len(ts) && ts[i+1].Text == "." && len(w) <= 5 {
		if _, ok := months[w+"."]; ok {
			return w + ".", 2
		}
		if _, ok := weekdays[w+"."]; ok {
			return w + ".", 2
		}
	}
	return w, 1
}

func capitalised(t event.Token) bool {
	return t.Text != "" && t.Text[0] >= 'A' && t.Text[0] <= 'Z'
}

// digit reports whether w starts with a digit: the number parsers below
// run on every token, and strconv's errors for words cost allocations.
func digit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// dayNumber parses "3", "03", "3rd", "21st".
func dayNumber(w string) (int, bool) {
	if !digit(w) {
		return 0, false
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31 && len(w) <= 2
}

func yearNumber(w string) (int, bool) {
	if len(w) != 4 || !digit(w) {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil && len(w) == 4 && y >= 1800 && y <= 2200
}

// month returns the month named by token i (capitalised), and its width.
// An abbreviation without its dot counts before a day number ("Jan 3"),
// where it cannot be a name.
func month(ts []event.Token, i int) (int, int) {
	w, n := word(ts, i)
	if w == "" || !capitalised(ts[i]) {
		return 0, 0
	}
	if m, ok := months[w]; ok {
		return m, n
	}
	if m, ok := months[w+"."]; ok {
		if _, day := dayNumber(lower(ts, i+1)); day {
			return m, 1
		}
	}
	return 0, 0
}

// match recognises a temporal expression starting at token i and returns
// what it says and its length in tokens (0: none). A leading preposition
// ("on", "in", "since") is not part of it.
func match(ts []event.Token, i int) (spec, int) {
	w, n := word(ts, i)
	switch w {
	case "yesterday":
		return spec{rel: dayUnit, offset: -1}, 1
	case "today", "tonight":
		return spec{rel: dayUnit}, 1
	case "tomorrow":
		return spec{rel: dayUnit, offset: 1}, 1
	case "last", "past", "next", "this", "earlier", "later":
		if sp, n := matchRelative(ts, i, w); n > 0 {
			return sp, n
		}
	case "recently":
		return spec{rel: weekUnit, offset: -1}, 1
	case "weekend":
		if lower(ts, i-1) == "the" { // "over the weekend"
			return spec{weekday: time.Saturday, hasWeekday: true, weekend: true}, 1
		}
	case "same":
		if lower(ts, i-1) == "the" && lower(ts, i+1) == "day" { // "on the same day"
			return spec{anaphor: true}, 2
		}
	}
	if strings.HasPrefix(w, "mid-") && len(ts[i].Text) > 4 { // "mid-June", "mid-2019"
		rest := ts[i].Text[4:]
		if m, ok := months[strings.ToLower(rest)]; ok && rest[0] >= 'A' && rest[0] <= 'Z' {
			return matchMonthFirst(ts, i, m, 1)
		}
		if y, ok := yearNumber(rest); ok {
			return spec{year: y}, 1
		}
	}
	if sm, ok := seasons[w]; ok {
		return matchSeason(ts, i, sm, 0)
	}
	if wd, ok := weekdays[w]; ok && capitalised(ts[i]) {
		return spec{weekday: wd, hasWeekday: true}, n
	}
	if m, n := month(ts, i); m > 0 {
		return matchMonthFirst(ts, i, m, n)
	}
	if d, ok := dayNumber(w); ok {
		if m, mn := month(ts, i+1); m > 0 {
			sp := spec{month: m, day: d}
			n := 1 + mn
			if y, ok := yearNumber(lower(ts, i+n)); ok {
				sp.year, n = y, n+1
			}
			return sp, n
		}
	}
	if y, ok := yearNumber(w); ok && (yearContext(ts, i) || yearModifier(ts, i)) {
		return spec{year: y}, 1
	}
	if num, ok := count(w); ok {
		if u, ok := units[lower(ts, i+1)]; ok && lower(ts, i+2) == "ago" {
			return spec{rel: u, offset: -num}, 3
		}
	}
	return spec{}, 0
}

func lower(ts []event.Token, i int) string {
	if i < 0 || i >= len(ts) {
		return ""
	}
	return strings.ToLower(ts[i].Text)
}

func count(w string) (int, bool) {
	if n, ok := numbers[w]; ok {
		return n, true
	}
	if !digit(w) {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0 && n < 1000
}

// yearContext reports whether a bare year at token i is a date: after
// "in", "since", "during", "by", "until", "of" or a month.
func yearContext(ts []event.Token, i int) bool {
	switch lower(ts, i-1) {
	case "in", "since", "during", "by", "until", "till", "of", "early", "late", "mid":
		return true
	}
	return false
}

// determiners may open a noun phrase whose noun a year modifies ("a 1994
// agreement", "his 2016 arrest").
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "my": true, "your": true, "this": true, "that": true, "'s": true, "’s": true,
}

// yearModifier reports whether a bare year at token i modifies the noun
// after it, between a determiner and the noun: "a 1994 agreement", "his
// 2016 arrest", "Iran's 2009 election". A count would be written with a
// separator ("the 2,000 soldiers").
func yearModifier(ts []event.Token, i int) bool {
	if !determiners[lower(ts, i-1)] || i+1 >= len(ts) {
		return false
	}
	switch ts[i+1].UPOS {
	case "NOUN", "PROPN", "ADJ":
		return ts[i+1].XPOS != "NNS" && ts[i+1].XPOS != "NNPS"
	}
	return false
}

// matchSeason reads a season at token i (sm its first month) and what
// follows it: "summer of 2018", "summer 2018"; dir is -1 after "last", +1
// after "next", 0 for "this" or none. A bare season is a date only after
// a temporal preposition ("in the summer").
func matchSeason(ts []event.Token, i, sm, dir int) (spec, int) {
	sp := spec{season: sm, dir: dir}
	if y, ok := yearNumber(lower(ts, i+1)); ok {
		sp.year = y
		return sp, 2
	}
	if y, ok := yearNumber(lower(ts, i+2)); ok && lower(ts, i+1) == "of" {
		sp.year = y
		return sp, 3
	}
	if dir != 0 {
		return sp, 1
	}
	switch lower(ts, i-1) {
	case "this":
		sp.thisYear = true
		return sp, 1
	case "the":
		switch lower(ts, i-2) {
		case "in", "during", "over", "since":
			return sp, 1
		}
	}
	return spec{}, 0
}

// matchMonthFirst reads "January 3, 2020", "Jan. 3", "March 2019" and a
// bare month after "in", "since", "last", "early", "late".
func matchMonthFirst(ts []event.Token, i, m, n int) (spec, int) {
	sp := spec{month: m}
	if d, ok := dayNumber(lower(ts, i+n)); ok {
		sp.day, n = d, n+1
		if lower(ts, i+n) == "," {
			if y, ok := yearNumber(lower(ts, i+n+1)); ok {
				sp.year, n = y, n+2
			}
		} else if y, ok := yearNumber(lower(ts, i+n)); ok {
			sp.year, n = y, n+1
		}
		return sp, n
	}
	if y, ok := yearNumber(lower(ts, i+n)); ok {
		sp.year = y
		return sp, n + 1
	}
	if y, ok := yearNumber(lower(ts, i+n+1)); ok && (lower(ts, i+n) == "of" || lower(ts, i+n) == ",") {
		sp.year = y // "March of 2003", "March, 2018"
		return sp, n + 2
	}
	if lower(ts, i+n) == "this" && lower(ts, i+n+1) == "year" {
		sp.thisYear = true // "June this year"
		return sp, n + 2
	}
	if lower(ts, i+n) == "of" && lower(ts, i+n+1) == "this" && lower(ts, i+n+2) == "year" {
		sp.thisYear = true // "June of this year"
		return sp, n + 3
	}
	// A bare month name is also a verb or a name ("May", "March"): only
	// after a temporal preposition.
	switch lower(ts, i-1) {
	case "in", "since", "during", "until", "by", "early", "late", "mid", "of":
		return sp, n
	}
	return spec{}, 0
}

// matchRelative reads "last week", "next Monday", "this morning",
// "earlier this month", "last night".
func matchRelative(ts []event.Token, i int, w string) (spec, int) {
	dir := map[string]int{"last": -1, "past": -1, "next": 1}[w]
	if w == "earlier" || w == "later" {
		// "earlier this month", "later in the week"
		skip := 1
		if lower(ts, i+1) == "in" && lower(ts, i+2) == "the" {
			skip = 2
		} else if lower(ts, i+1) != "this" {
			return spec{}, 0
		}
		if u, ok := units[lower(ts, i+skip+1)]; ok && u != dayUnit && !strings.HasSuffix(lower(ts, i+skip+1), "s") {
			return spec{rel: u}, skip + 2
		}
		return spec{}, 0
	}
	next, n := word(ts, i+1)
	if u, ok := units[next]; ok && !strings.HasSuffix(next, "s") && w != "past" {
		return spec{rel: u, offset: dir}, 1 + n
	}
	if num, ok := count(next); ok && dir < 0 && num > 1 {
		// "over the last four years", "in the past two weeks": the span
		// from its start
		if u, ok := units[lower(ts, i+2)]; ok && strings.HasSuffix(lower(ts, i+2), "s") {
			return spec{rel: u, offset: -num}, 3
		}
	}
	if w == "past" {
		return spec{}, 0
	}
	if sm, ok := seasons[next]; ok {
		if w == "this" {
			sp, k := matchSeason(ts, i+1, sm, 0)
			sp.thisYear = sp.year == 0
			return sp, k + 1
		}
		sp, k := matchSeason(ts, i+1, sm, dir)
		return sp, k + 1
	}
	if wd, ok := weekdays[next]; ok && capitalised(ts[i+1]) {
		return spec{weekday: wd, hasWeekday: true, dir: dir}, 1 + n
	}
	if next == "weekend" {
		return spec{weekday: time.Saturday, hasWeekday: true, weekend: true, dir: dir}, 2
	}
	switch next {
	case "night", "evening":
		if w == "last" {
			return spec{rel: dayUnit, offset: -1}, 2
		}
		if w == "this" {
			return spec{rel: dayUnit}, 2
		}
	case "morning", "afternoon":
		if w == "this" {
			return spec{rel: dayUnit}, 2
		}
	}
	if m, mn := month(ts, i+1); m > 0 {
		if w == "this" {
			return spec{month: m, thisYear: true}, 1 + mn // "this June"
		}
		return spec{month: m, dir: dir}, 1 + mn
	}
	return spec{}, 0
}

// resolve turns a spec into a date against the publication date pub, with
// tense deciding open directions.
func (sp spec) resolve(pub time.Time, tense Tense) (time.Time, Precision, bool) {
	dir := sp.dir
	if dir == 0 {
		dir = -1
		if tense == Future {
			dir = 1
		}
	}
	if !pub.IsZero() {
		pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	switch {
	case sp.rel != noUnit:
		if pub.IsZero() {
			return time.Time{}, 0, false
		}
		switch sp.rel {
		case dayUnit:
			return pub.AddDate(0, 0, sp.offset), Day, true
		case weekUnit:
			monday := pub.AddDate(0, 0, -((int(pub.Weekday()) + 6) % 7))
			return monday.AddDate(0, 0, 7*sp.offset), Week, true
		case monthUnit:
			first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
			return first.AddDate(0, sp.offset, 0), Month, true
		default:
			return time.Date(pub.Year()+sp.offset, 1, 1, 0, 0, 0, 0, time.UTC), Year, true
		}
	case sp.hasWeekday:
		if pub.IsZero() {
			return time.Time{}, 0, false
		}
		delta := int(sp.weekday) - int(pub.Weekday())
		if dir < 0 {
			// the most recent such day; "last Monday" said on a Monday
			// is a week back, a bare "Monday" the same day
			if delta > 0 || delta == 0 && sp.dir < 0 {
				delta -= 7
			}
		} else if delta <= 0 {
			delta += 7
		}
		d := pub.AddDate(0, 0, delta)
		if sp.weekend {
			return d.AddDate(0, 0, -5), Week, true // the Monday of its week
		}
		return d, Day, true
	case sp.season > 0:
		year := sp.year
		switch {
		case year > 0:
		case pub.IsZero():
			return time.Time{}, 0, false
		case sp.thisYear:
			year = pub.Year()
			if sp.season == 12 && pub.Month() <= 2 {
				year-- // this winter, said in January: the one that began in December
			}
		default:
			year = seasonYear(pub, sp.season, dir, sp.dir != 0)
		}
		return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), Year, true
	case sp.year > 0 && sp.month == 0:
		return time.Date(sp.year, 1, 1, 0, 0, 0, 0, time.UTC), Year, true
	case sp.month > 0:
		day, prec := sp.day, Day
		if day == 0 {
			day, prec = 1, Month
		}
		year := sp.year
		if year == 0 {
			switch {
			case pub.IsZero():
				return time.Time{}, 0, false
			case sp.thisYear:
				year = pub.Year()
			default:
				year = nearestYear(pub, sp.month, sp.day, dir, sp.dir != 0)
			}
		}
		d := time.Date(year, time.Month(sp.month), day, 0, 0, 0, 0, time.UTC)
		if d.Day() != day {
			return time.Time{}, 0, false // 31 April
		}
		return d, prec, true
	}
	return time.Time{}, 0, false
}

// nearestYear picks the year of a month (and day) without one: the latest
// on or before publication for dir < 0, the earliest on or after it
// otherwise; strict excludes the publication's own month ("last March"
// said in March is a year back).
func nearestYear(pub time.Time, month, day, dir int, strict bool) int {
	y := pub.Year()
	cmp := month - int(pub.Month())
	if cmp == 0 && day > 0 {
		cmp = day - pub.Day()
	}
	if strict && cmp == 0 {
		return y + dir
	}
	if dir < 0 && cmp > 0 {
		return y - 1
	}
	if dir > 0 && cmp < 0 {
		return y + 1
	}
	return y
}

// seasonYear is the year in which the season starting in month sm begins:
// the latest one begun on or before pub for dir < 0, the earliest begun
// after it otherwise; strict ("last summer") excludes the season pub lies
// in.
func seasonYear(pub time.Time, sm, dir int, strict bool) int {
	y := pub.Year()
	start := time.Date(y, time.Month(sm), 1, 0, 0, 0, 0, time.UTC)
	if start.After(pub) {
		y-- // the latest start on or before pub
		start = start.AddDate(-1, 0, 0)
	}
	current := pub.Before(start.AddDate(0, 3, 0))
	switch {
	case dir > 0:
		return y + 1
	case strict && current:
		return y - 1
	}
	return y
}

// anchorAt recognises the start of a count from another date at token i:
// "two days after", "a week before", "the day after", "the eve of".
// It returns the signed offset, its unit and the tokens it takes.
func anchorAt(ts []event.Token, i int) (int, unit, int) {
	w := lower(ts, i)
	if w == "eve" && lower(ts, i-1) == "the" && lower(ts, i+1) == "of" {
		return -1, dayUnit, 2
	}
	num, ok := count(w)
	if w == "the" {
		num, ok = 1, true
	}
	if !ok {
		return 0, noUnit, 0
	}
	u, ok := units[lower(ts, i+1)]
	if !ok {
		return 0, noUnit, 0
	}
	switch lower(ts, i+2) {
	case "after":
		return num, u, 3
	case "before":
		return -num, u, 3
	}
	return 0, noUnit, 0
}

// shift moves d by n units.
func shift(d time.Time, u unit, n int) time.Time {
	switch u {
	case dayUnit:
		return d.AddDate(0, 0, n)
	case weekUnit:
		return d.AddDate(0, 0, 7*n)
	case monthUnit:
		return d.AddDate(0, n, 0)
	}
	return d.AddDate(n, 0, 0)
}
