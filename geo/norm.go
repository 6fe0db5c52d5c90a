package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps accented Latin letters to their base letters, so that "Zürich",
// "Zurich" and "ZURICH" share one index key; news text drops accents
// inconsistently.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a", 'ǎ': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ə': "a",
	'ğ': "g", 'ĝ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ǐ': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ō': "o", 'ŏ': "o", 'ő': "o", 'ǒ': "o", 'œ': "oe", 'ŕ': "r", 'ŗ': "r", 'ř': "r",
	'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ß': "ss", 'ţ': "t", 'ť': "t", 'ŧ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ǔ': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'þ': "th",
	'ʻ': "'", 'ʼ': "'", '‘': "'", '’': "'", '`': "'", '´': "'",
}

// Key returns the lookup key of a place name: lower case, accents folded,
// hyphens and runs of spaces made single spaces, dots and apostrophes
// dropped ("St. John's" and "St Johns" meet).
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		r = unicode.ToLower(r)
		if r >= utf8.RuneSelf {
			// Only non-ASCII letters fold; ASCII ones skip the lookup.
		} else if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteByte(byte(r))
			space = false
			continue
		}
		if f, ok := fold[r]; ok {
			if f == "'" {
				continue
			}
			b.WriteString(f)
			space = false
			continue
		}
		switch {
		case r == '.' || r == '\'':
			continue
		case r == '-' || r == '‐' || r == '–' || unicode.IsSpace(r) || r == ',' || r == '/':
			if b.Len() > 0 && !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// latinName reports whether a name is written in Latin script (with
// spaces, digits-free punctuation), the only alternate names worth keeping
// for English news.
func latinName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		case unicode.IsDigit(r):
			return false
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '’' || r == 'ʻ' || r == 'ʼ':
		default:
			return false
		}
	}
	return letters >= 2
}
