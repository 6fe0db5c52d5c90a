// Package event holds annals' domain types: the document that comes in, the
// sentences and tokens the language layer makes of it, and the coded event
// records that come out. Every other package of annals imports it; it imports
// none of them.
//
// Offsets (Start, End) are always byte offsets into Document.Text, so any
// token, actor or event can be highlighted in its article.
package event

import "time"

// Document is one article as ingested.
type Document struct {
	ID        string    // stable id, derived from the content hash when not given
	URL       string    // where it came from: a URL or "file:NAME"
	Title     string    //
	Author    string    //
	Source    string    // outlet or feed name
	Published time.Time // publication date; zero when unknown
	Text      string    // the main text, UTF-8; all offsets point into it
}

// Token is one word or punctuation mark of a sentence, as in CoNLL-U.
type Token struct {
	ID     int    // 1-based position in the sentence
	Text   string // surface form
	Lemma  string //
	UPOS   string // universal part of speech
	XPOS   string // Penn Treebank tag
	Feats  string // morphological features, CoNLL-U syntax ("_" when none)
	Head   int    // ID of the head token; 0 for the root
	Rel    string // dependency relation, UD v2 names (obj, obl, ...)
	Start  int    // byte offset of the first byte in Document.Text; -1 when unknown
	End    int    // byte offset just past the last byte; -1 when unknown
	Entity string // named-entity tag in BIO form (B-PER, I-LOC, O); "" when not tagged
}

// Entity is a named-entity span over tokens.
type Entity struct {
	Label string // PER, ORG or LOC
	First int    // index into Sentence.Tokens of the first token
	Last  int    // index of the last token (inclusive)
	Start int    // byte offsets into Document.Text
	End   int
	Text  string
}

// Sentence is a tokenized (and usually parsed) sentence.
type Sentence struct {
	Index    int    // 0-based position in the document
	ID       string // identifier from the input, if any (CoNLL-U sent_id, record id)
	Text     string // the sentence text as in the document
	Start    int    // byte offsets into Document.Text
	End      int
	Date     time.Time // date used to pick date-restricted actor codes; zero means the document's
	Tokens   []Token
	Entities []Entity
}

// Mode says how the text presents an event.
type Mode string

// Modes of an event.
const (
	Asserted     Mode = "asserted"
	Negated      Mode = "negated"
	Future       Mode = "future"
	Intended     Mode = "intended"
	Reported     Mode = "reported"
	Hypothetical Mode = "hypothetical"
)

// Actor is the source or target of an event.
type Actor struct {
	Text    string   `json:"text"`
	Code    string   `json:"code"`
	Country string   `json:"country,omitempty"`
	Roles   []string `json:"roles,omitempty"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	// Implied marks an actor the text does not name but the act implies:
	// the police of "50 persons were arrested". Text is empty; Start and
	// End are the verb's; the country is the story's, when it has one.
	Implied bool `json:"implied,omitempty"`
}

// Location is a resolved place.
type Location struct {
	Name        string  `json:"name"`
	Country     string  `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Admin1      string  `json:"admin1,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	GazetteerID string  `json:"gazetteer_id,omitempty"` // "geonames:98182"
	Start       int     `json:"start,omitempty"`
	End         int     `json:"end,omitempty"`
}

// Quote is the quotation an event was found in.
type Quote struct {
	Speaker     string `json:"speaker"`
	SpeakerCode string `json:"speaker_code,omitempty"`
	Text        string `json:"text"`
	Start       int    `json:"start,omitempty"`
	End         int    `json:"end,omitempty"`
}

// DocRef identifies the document of a record.
type DocRef struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
}

// SentenceRef locates the sentence of a record.
type SentenceRef struct {
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Evidence says which words and which dictionary rule produced an event.
type Evidence struct {
	Verb  string `json:"verb"`
	Rule  string `json:"rule"`
	Start int    `json:"start"` // byte span of the verb phrase
	End   int    `json:"end"`
}

// Record is one coded event, in the fixed format of the event record
// (see docs/record.md): who did what to whom, when and where, with evidence.
type Record struct {
	ID            string      `json:"id"`
	Doc           DocRef      `json:"doc"`
	Sentence      SentenceRef `json:"sentence"`
	Date          string      `json:"date,omitempty"`           // YYYY-MM-DD, YYYY-MM or YYYY (FormatDate)
	DatePrecision string      `json:"date_precision,omitempty"` // day, week, month, year or publication
	Background    bool        `json:"background,omitempty"`     // a past event told as background (see docs/record.md)
	Source        *Actor      `json:"source"`
	Target        *Actor      `json:"target"`
	Code          string      `json:"code"`
	Root          string      `json:"root"`
	QuadClass     int         `json:"quad_class"`
	Goldstein     float64     `json:"goldstein"`
	Plover        string      `json:"plover,omitempty"`
	Mode          Mode        `json:"mode"`
	Location      *Location   `json:"location"`
	Quote         *Quote      `json:"quote"`
	Counts        []Count     `json:"counts,omitempty"`
	Evidence      Evidence    `json:"evidence"`
}

// CountKind says what a count counts.
type CountKind string

// Kinds of count.
const (
	Killed   CountKind = "killed"
	Injured  CountKind = "injured"
	Arrested CountKind = "arrested"
	Crowd    CountKind = "crowd" // participants of a protest, march or rally
)

// CountPrecision says how the text bounds a count.
type CountPrecision string

// Precisions of a count.
const (
	Exact   CountPrecision = "exact"    // "56 people"
	AtLeast CountPrecision = "at_least" // "at least 56", "more than 200"
	About   CountPrecision = "about"    // "about 300", "nearly 1,000", "a million-man march"
	Vague   CountPrecision = "vague"    // "dozens", "hundreds", "thousands"
)

// Count is a number of people that the text states for an event: how many
// were killed, injured, arrested or took part, with the words that say so.
// Low and High bound it (equal for an exact count); Start and End are the
// byte span of Text in the document.
type Count struct {
	Kind      CountKind      `json:"kind"`
	Low       int64          `json:"low"`
	High      int64          `json:"high"`
	Precision CountPrecision `json:"precision"`
	Text      string         `json:"text"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
}
