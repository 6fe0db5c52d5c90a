package tokenize

import "strings"

// Word lists the rules consult. They are written out from the UD English
// EWT guidelines and from counting what EWT train keeps whole and splits;
// each is consulted at most once a chunk, after cheap byte tests.

// abbrevKind says what a period-final abbreviation does at a possible
// sentence end.
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// title abbreviations (Mr., Gen., Jan.) precede a name or number, so
	// they never end a sentence.
	title
	// final abbreviations (Inc., etc., U.S.) may end one; the next word
	// decides.
	final
)

// abbrevs maps an abbreviation without its final period to its kind.
var abbrevs = map[string]abbrevKind{
	// titles and ranks
	"Mr": title, "Mrs": title, "Ms": title, "Messrs": title, "Dr": title, "Prof": title,
	"Gen": title, "Lt": title, "Col": title, "Maj": title, "Capt": title, "Cpt": title,
	"Sgt": title, "Cpl": title, "Pvt": title, "Adm": title, "Cmdr": title, "Brig": title,
	"Gov": title, "Sen": title, "Rep": title, "Rev": title, "Hon": title, "Pres": title,
	"Supt": title, "Insp": title, "Det": title, "Atty": title, "Msgr": title, "Fr": title,
	"Sr": final, "Jr": final, "Esq": final,
	"St": title, "Mt": title, "Ft": title, "Ave": final, "Blvd": final, "Rd": final,
	"No": title, "Nos": title, "Vol": title, "vol": title, "Fig": title, "fig": title,
	"pp": title, "p": title, "ch": title, "Ch": title, "Sec": title,
	// months (not May) and days
	"Jan": title, "Feb": title, "Mar": title, "Apr": title, "Jun": title, "Jul": title,
	"Aug": title, "Sep": title, "Sept": title, "Oct": title, "Nov": title, "Dec": title,
	"Mon": title, "Tue": title, "Tues": title, "Thu": title, "Thur": title,
	"Thurs": title, "Fri": title, "Sat": title,
	// Latin and other in-sentence abbreviations
	"vs": title, "v": title, "cf": title, "approx": title, "ca": title, "viz": title,
	"al": final, "etc": final, "esp": title, "incl": title, "est": title, "dept": title,
	"Dept": title, "Univ": title, "Assn": title, "Ass'n": title, "Corp": final, "Inc": final,
	"Ltd": final, "Co": final, "Cos": final, "Bros": final, "Plc": final, "plc": final,
	"Intl": title, "Natl": title, "Govt": title, "govt": title,
	"Calif": final, "Mass": final, "Wash": final, "Ariz": final, "Fla": final, "Penn": final,
	"Conn": final, "Ill": final, "Mich": final, "Minn": final, "Tenn": final, "Tex": final,
	"Colo": final, "Okla": final, "Ore": final, "Va": final, "Ga": final, "Ala": final,
	"Md": final, "Ky": final, "La": final, "Wis": final, "Neb": final, "Kan": final,
	"Nev": final, "Ont": final, "Que": final, "mins": final, "hrs": final, "yrs": final,
	"min": final, "max": final, "Min": title, "Gov't": title,
}

// sentenceStarters are words that begin a sentence far more often than they
// follow "Inc." or "U.S." inside one; after a final abbreviation they decide
// a sentence end.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "This": true, "That": true, "These": true,
	"Those": true, "There": true, "But": true, "And": true, "So": true, "Yet": true,
	"However": true, "Meanwhile": true, "In": true, "On": true, "At": true, "As": true,
	"His": true, "Her": true, "Their": true, "Its": true, "Our": true, "My": true,
	"Your": true, "If": true, "When": true, "While": true, "After": true, "Before": true,
	"Since": true, "Although": true, "Though": true, "What": true, "Why": true,
	"How": true, "Who": true, "Where": true, "Some": true, "Many": true, "Most": true,
	"Other": true, "Officials": true, "Also": true, "Still": true, "Now": true,
	"Then": true, "Today": true, "Yesterday": true, "Last": true, "Earlier": true,
	"Later": true, "For": true, "Not": true, "No": true, "Please": true, "Thanks": true,
	"Thank": true, "Let": true, "Is": true, "Are": true, "Was": true, "Do": true,
	"Does": true, "Did": true, "Can": true, "Will": true, "Would": true, "Should": true,
	"Could": true, "Here": true, "Even": true, "Both": true, "All": true, "One": true,
}

// speechVerbs follow the speaker after a quotation that ends in ? or !
// (“Why?” Smith asked.), which then does not end the sentence.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "added": true, "adds": true,
	"told": true, "tells": true, "wrote": true, "writes": true, "tweeted": true,
	"replied": true, "continued": true, "explained": true, "insisted": true,
	"noted": true, "warned": true, "stated": true, "declared": true, "shouted": true,
	"demanded": true, "wondered": true, "cried": true, "exclaimed": true,
}

// closingWords make up the closing of a letter ("Best regards,"), which
// ends in one of closingEnds; the name after it is a sentence of its own.
var closingWords = map[string]bool{
	"best": true, "kind": true, "kindest": true, "warm": true, "warmest": true,
	"many": true, "with": true, "yours": true, "thank": true,
}

var closingEnds = map[string]bool{
	"regards": true, "sincerely": true, "thanks": true, "cheers": true,
	"respectfully": true, "truly": true, "wishes": true, "best": true, "you": true,
}

// fileExtensions end the names of attached files, lower case.
var fileExtensions = map[string]bool{
	"doc": true, "docx": true, "pdf": true, "xls": true, "xlsx": true, "ppt": true,
	"pptx": true, "txt": true, "rtf": true, "wpd": true, "csv": true, "htm": true,
	"html": true, "jpg": true, "jpeg": true, "gif": true, "png": true, "zip": true,
}

// keepPrefixes are the bound prefixes EWT keeps attached across a hyphen
// (e-mail, non-profit, pre-war, anti-war, mid-August), lower case.
var keepPrefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "mid": true, "re": true,
	"post": true, "co": true, "over": true, "pro": true, "multi": true, "ex": true,
	"sub": true, "semi": true, "cross": true, "neo": true, "psycho": true,
	"socio": true, "counter": true, "intra": true, "inter": true, "un": true,
	"micro": true, "macro": true, "mega": true, "ultra": true, "trans": true,
	"pan": true, "quasi": true, "bi": true, "tri": true, "de": true,
	// Arabic article and kin: the project keeps al-Sadr, el-Sisi,
	// bin-Laden one token (EWT splits them) so that names match the
	// actor dictionaries as written.
	"al": true, "el": true, "ad": true, "ash": true, "as": true, "at": true,
	"az": true, "ar": true, "an": true, "ibn": true, "bin": true, "abu": true,
}

// units are letter suffixes split off a number glued to them (5pm, 3bn,
// 10km); ordinals and decades (5th, 1990s) stay whole.
var units = map[string]bool{
	"am": true, "pm": true, "m": true, "k": true, "b": true, "bn": true, "mn": true,
	"mm": true, "cm": true, "km": true, "kg": true, "g": true, "mg": true, "ft": true,
	"lb": true, "lbs": true, "oz": true, "hz": true, "khz": true, "mhz": true,
	"ghz": true, "kb": true, "mb": true, "gb": true, "tb": true, "mph": true,
	"kph": true, "ml": true, "sq": true, "hrs": true, "mins": true, "yrs": true,
	"x": true, "t": true, "percent": true, "tn": true, "trn": true, "p": true,
}

// foldedIn reports whether s, in any case, is a key of set, whose keys are
// lower case and at most 7 bytes long (units, keepPrefixes,
// fileExtensions). It lowers s in a stack buffer: the tokenizer asks for
// every glued number and hyphen, and strings.ToLower would allocate.
func foldedIn(set map[string]bool, s string) bool {
	if len(s) > 7 {
		return false
	}
	var buf [7]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(s)])]
}

// fused are words EWT splits without an apostrophe: the second part starts
// at the given byte. "im" (I'm) is left out: it is also a Korean name.
var fused = map[string]int{
	"cannot": 3, "gonna": 3, "gotta": 3, "wanna": 3, "gimme": 3, "lemme": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3,
	"werent": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4,
	"hasnt": 3, "hadnt": 3, "aint": 2,
}

// fusedSplit returns where word splits if it is one of fused, in any case,
// or 0.
func fusedSplit(w string) int {
	n := len(w)
	if n < 2 || n > 8 {
		return 0
	}
	// All end in nt, ot, na, ta or me: most words fail here, before the
	// map is consulted.
	switch w[n-2:] {
	case "nt", "NT", "ot", "OT", "na", "NA", "ta", "TA", "me", "ME":
	default:
		return 0
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c < 'a' || c > 'z' {
			return 0
		}
		buf[i] = c
	}
	return fused[string(buf[:len(w)])]
}

// clitics are what follows the apostrophe of a split-off clitic, lower case.
var clitics = [...]string{"s", "re", "ve", "ll", "d", "m"}

// isClitic reports whether s, in any case, is one of clitics.
func isClitic(s string) bool {
	for _, c := range clitics {
		if strings.EqualFold(s, c) {
			return true
		}
	}
	return false
}

// leadClitics are what may follow a word-initial apostrophe without it
// being an opening quote ('s after a space, 'em, 'cause, 'til).
var leadClitics = [...]string{"s", "re", "ve", "ll", "d", "m", "em", "cause", "til", "n"}

// emoticons are kept as one token.
var emoticons = map[string]bool{
	":)": true, ":-)": true, ":(": true, ":-(": true, ";)": true, ";-)": true,
	":D": true, ":-D": true, ":P": true, ":-P": true, ":p": true, ":/": true,
	":-/": true, ":'(": true, ":o": true, ":O": true, "<3": true, "^_^": true,
	"^^": true, ":]": true, "=)": true, "xD": true, "XD": true, ":|": true,
}
