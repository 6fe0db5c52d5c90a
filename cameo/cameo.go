// Package cameo describes CAMEO event codes: their labels, Goldstein
// scale values, quad classes and PLOVER categories. The table is generated
// (gen.go) from GDELT's CAMEO lookups and the CAMEO-to-PLOVER mapping of
// the PLOVER project (CC BY-SA 4.0).
package cameo

import (
	"slices"
	"strings"
)

//go:generate go run gen.go ../../shared

// Code is one CAMEO event code.
type Code struct {
	Code         string  // "0251": two to four digits, as text
	Name         string  // GDELT's label
	Goldstein    float64 // GDELT's Goldstein scale value
	HasGoldstein bool    // false for codes GDELT does not score
	QuadClass    int     // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Plover       string  // PLOVER event category ("" where PLOVER drops the code)
	PloverMode   string  // PLOVER mode, when the mapping gives one
}

// Root returns the code's two-digit root.
func (c Code) Root() string { return Root(c.Code) }

// Root returns the two-digit root of a CAMEO code.
func Root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

var byCode = func() map[string]Code {
	m := make(map[string]Code, len(codes))
	for _, c := range codes {
		m[c.Code] = c
	}
	return m
}()

// Lookup returns the description of a code. A code the table lacks
// (a dictionary's private extension such as "0871A") is described by its
// longest known prefix, so that Goldstein value and quad class stay
// defined; ok is false when not even its root is known.
func Lookup(code string) (c Code, ok bool) {
	for n := len(code); n >= 2; n-- {
		if c, ok = byCode[code[:n]]; ok {
			if n < len(code) {
				c.Code = code
			}
			return c, true
		}
	}
	return Code{Code: code}, false
}

// Valid reports whether code is in the CAMEO table.
func Valid(code string) bool {
	_, ok := byCode[code]
	return ok
}

// Codes returns every code of the table in order.
func Codes() []Code { return append([]Code(nil), codes...) }

// HasPrefix reports whether some code of the table starts with p, that
// is whether p selects codes as a prefix: a root ("19"), a base ("190"),
// a full code ("1951"), or the first digit of roots ("1").
func HasPrefix(p string) bool {
	if p == "" {
		return false
	}
	for _, c := range codes {
		if strings.HasPrefix(c.Code, p) {
			return true
		}
	}
	return false
}

// ploverCategories are the PLOVER categories the table maps codes to.
var ploverCategories = func() []string {
	var cats []string
	for _, c := range codes {
		if c.Plover != "" && !slices.Contains(cats, c.Plover) {
			cats = append(cats, c.Plover)
		}
	}
	slices.Sort(cats)
	return cats
}()

// PloverCategories returns the PLOVER event categories of the table, in
// alphabetical order.
func PloverCategories() []string { return slices.Clone(ploverCategories) }

// IsPloverCategory reports whether cat is a PLOVER category of the table
// (upper case, as PLOVER spells them: "ASSAULT").
func IsPloverCategory(cat string) bool {
	_, ok := slices.BinarySearch(ploverCategories, cat)
	return ok
}

// quadClassNames name the quad classes.
var quadClassNames = [...]string{1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

// QuadClassName names a quad class ("material conflict" for 4); "" for a
// number that is no quad class.
func QuadClassName(q int) string {
	if q < 1 || q >= len(quadClassNames) {
		return ""
	}
	return quadClassNames[q]
}
