// Package store keeps what annals codes in a database: every document once,
// every coded sentence as a Mention, and every distinct happening as one
// Event, the way GDELT 2.0 splits its Events and Mentions tables.
//
// # Folding
//
// The same happening is reported many times: in several sentences of one
// article and in many articles from many outlets. SaveDocument folds each
// mention into an existing event when it has the same source actor code,
// target actor code, CAMEO event code and place (gazetteer id, or name and
// country) and its date lies within Options.FoldWindowDays days of that
// event's date; otherwise it starts a new event. The first mention of an
// event gives the event its representative record, its date, its SOURCEURL
// and its DATEADDED (FirstSeen). Each event counts its mentions
// (NumMentions), the distinct documents they come from (NumArticles) and the
// distinct outlets of those documents (NumSources). Every mention keeps its
// own record, document, sentence and byte offsets, so no provenance is lost.
//
// A mention's date is its record's, else its document's publication date;
// a record's date names a period at its precision (a day, a week, a month,
// a year: event.ParseDate), and the store keeps both its first and its
// last day. Mentions fold only with mentions of the same precision (a
// year never folds with a day in it; see FoldBase), and date filters hold
// the events whose whole period lies in the range (Filter).
// A mention with neither is undated: its event has no date (Event.Date is
// zero, NoDay in the database), and it folds only with mentions of its own
// document (see UndatedBase), never into a dated event nor with another
// article. The day a document happens to be stored is never taken for the
// day its events happened.
//
// # Idempotence
//
// A document is identified by the SHA-256 of its text (Document.Hash).
// Saving a document whose text is already stored, whatever its URL, adds
// nothing and reports SaveResult.Skipped, so re-reading a feed or a folder
// never doubles an article. Each SaveDocument or SaveBatch call is one
// transaction: it is stored completely or not at all.
//
// The backends are store/sqlite (one embedded file) and store/postgres (many
// writers on many machines); store/storetest is the conformance suite both
// pass.
package store

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/annals/annals/event"
)

// Store is an annals event database. Implementations are safe for
// concurrent use by several goroutines.
type Store interface {
	// SaveDocument stores doc, the mentions made of records and the events
	// they fold into, in one transaction. A document already stored (same
	// text) is skipped and reported as such.
	SaveDocument(ctx context.Context, doc *event.Document, records []event.Record) (SaveResult, error)
	// SaveBatch saves several documents in one transaction, for throughput;
	// the results are in the order of items.
	SaveBatch(ctx context.Context, items []Item) ([]SaveResult, error)
	// HasDocument reports whether a document whose text has the content
	// hash hash (event.ContentHash) is stored, so that a caller can skip a
	// stored document before the cost of coding it.
	HasDocument(ctx context.Context, hash string) (bool, error)

	// Events returns one page of the events that match f, newest event
	// date first.
	Events(ctx context.Context, f Filter, p Page) (EventPage, error)
	// Mentions returns one page of the mentions whose event matches f
	// (and, for f.DocumentID and f.Text, the mention itself), oldest first.
	Mentions(ctx context.Context, f Filter, p Page) (MentionPage, error)
	// Counts counts the events that match f by the key g.
	Counts(ctx context.Context, g GroupBy, f Filter) ([]Count, error)
	// ActorNetwork returns the weighted source→target edges of the events
	// that match f and have both actors.
	ActorNetwork(ctx context.Context, f Filter) ([]Edge, error)
	// Places returns the places of the events that match f with their
	// counts, most events first.
	Places(ctx context.Context, f Filter) ([]Place, error)
	// Document returns a stored document with its mentions; ErrNotFound
	// when there is none with that id.
	Document(ctx context.Context, id string) (*Document, error)
	// AllEvents yields every event that matches f in id order, for export.
	AllEvents(ctx context.Context, f Filter) iter.Seq2[Event, error]
	// AllMentions yields every mention whose event matches f in id order.
	AllMentions(ctx context.Context, f Filter) iter.Seq2[Mention, error]
	// Aggregate answers one of the aggregate views (Counts, ActorNetwork,
	// Places) from the rollups when they can answer its filter, else from
	// the events, reading at most q.ScanLimit of them when that is set.
	Aggregate(ctx context.Context, q AggregateQuery) (Aggregate, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// RebuildRollups recounts the rollups (the counts the aggregate views
	// read, kept as events land) from the events.
	RebuildRollups(ctx context.Context) error
	// VerifyRollups recounts the rollups and fails naming the rows that
	// differ from the kept ones.
	VerifyRollups(ctx context.Context) error
	// Prune deletes the events whose period ended before the day before,
	// with their mentions and their counts in the rollups, and the
	// documents left without mentions (all of them pruned, or none ever
	// and dated before it); undated events stay. Unless apply is set it only counts what it would delete.
	Prune(ctx context.Context, before time.Time, apply bool) (Pruned, error)
	// Compact returns the statements that reclaim deleted rows' space and
	// refresh the planner's statistics, and runs them if apply is set.
	Compact(ctx context.Context, apply bool) ([]string, error)
	// Close releases the database.
	Close() error
}

// ErrNotFound is returned when a requested document does not exist.
var ErrNotFound = errors.New("not found")

// ErrReadOnly is returned by the save methods of a store opened with
// Options.ReadOnly.
var ErrReadOnly = errors.New("store opened read-only")

// ErrUnavailable marks a failure of the database rather than of what was
// asked of it, one that passes by itself: the server cannot be reached or
// the connection broke, it is shutting down or out of resources, or the
// transaction lost a serialization conflict or a deadlock. Retrying the
// same call later may succeed. Backends wrap such errors with it, so that
// callers (the queue's workers) test errors.Is(err, ErrUnavailable) and
// know nothing of the database's own error codes.
var ErrUnavailable = errors.New("database unavailable")

// ErrSchema is returned when a store opened read-only has a schema other
// than the one this annals reads (a read-only store is not migrated).
var ErrSchema = errors.New("schema version mismatch")

// Options tune a store when it is opened.
type Options struct {
	// FoldWindowDays is how many days apart two mentions' dates may be and
	// still fold into one event; 0 folds only mentions of the same day.
	FoldWindowDays int
	// Now gives DATEADDED times; nil means time.Now. Tests set it.
	Now func() time.Time
	// ReadOnly opens the store for the commands that only read it: it
	// writes nothing to the database (no migrations, no statistics; the
	// save methods fail with ErrReadOnly), so a database the user may
	// only read (a shared file, a read-only role) can be queried. A
	// schema older or newer than this annals reads is an error.
	ReadOnly bool
}

// Item is one document and its coded records, for SaveBatch.
type Item struct {
	Doc     *event.Document
	Records []event.Record
}

// SaveResult says what saving one document did.
type SaveResult struct {
	DocumentID string // the stored (or already stored) document's id
	Skipped    bool   // the document was stored before; nothing was added
	Mentions   int    // mentions added
	NewEvents  int    // events created
	Folded     int    // mentions folded into an event stored or created before them
}

// Document is a stored article.
type Document struct {
	ID        string
	Hash      string // hex SHA-256 of Text
	URL       string
	Title     string
	Author    string
	Source    string    // outlet; GDELT MentionSourceName
	Published time.Time // zero when unknown
	Text      string
	Added     time.Time // when it was stored
	Mentions  []Mention // filled by Store.Document, in sentence order
}

// Event is one distinct happening folded from its mentions; its fields map
// onto GDELT 2.0's Events table.
type Event struct {
	ID      int64  // GLOBALEVENTID
	FoldKey string // actors|code|place|first date, see FoldKey
	// Record is the first mention's record, representative, except its
	// Counts: one of each kind, the range the event's mentions span
	// (see FoldCounts).
	Record      event.Record
	Date        time.Time // SQLDATE: the first day of the first mention's event date; zero when unknown
	Last        time.Time // the last day of that date's period: Date for a day, the 31 December of a year
	NumMentions int       // every mention, several per article possible
	NumSources  int       // distinct outlets
	NumArticles int       // distinct documents
	FirstSeen   time.Time // DATEADDED: when the first mention was stored
	LastSeen    time.Time // when the latest mention was stored
	SourceURL   string    // SOURCEURL: the first mention's document URL
	IsRootEvent bool      // the first mention is in its article's lead
	Confidence  int       // mean mention confidence, percent
}

// Mention is one report of an event in one sentence of one document; its
// fields map onto GDELT 2.0's Mentions table. Offsets are bytes into the
// document's text, -1 when the part is absent.
type Mention struct {
	ID            int64
	EventID       int64
	DocumentID    string
	SentenceIndex int
	SentenceStart int
	SentenceEnd   int
	SourceStart   int // Actor1CharOffset
	SourceEnd     int
	TargetStart   int // Actor2CharOffset
	TargetEnd     int
	VerbStart     int // ActionCharOffset
	VerbEnd       int
	Record        event.Record // this mention's own coding
	Confidence    int          // percent, see Confidence
	Mode          event.Mode
	Quote         *event.Quote
	SourceName    string    // outlet of the document
	URL           string    // MentionIdentifier
	DocLen        int       // MentionDocLen, bytes
	Added         time.Time // MentionTimeDate
	EventAdded    time.Time // EventTimeDate: the event's FirstSeen
}

// Pruned counts what Prune deletes.
type Pruned struct {
	Events, Mentions, Documents int64
}

// Stats counts what a store holds.
type Stats struct {
	Documents int64
	Events    int64
	Mentions  int64
}

// Filter selects events. Zero fields do not filter; set fields must all
// match.
type Filter struct {
	// From and To bound the event date, inclusive days: an event matches
	// when its whole period lies in the range (one dated 2019 is not in
	// June 2019); either leaves undated events out.
	From, To    time.Time
	SourceActor string // source actor code prefix ("IRQ" matches IRQGOV)
	TargetActor string // target actor code prefix
	Actor       string // either actor's code prefix
	Country     string // ISO alpha-3 country of the event's place
	Code        string // CAMEO code prefix: a root ("19"), base or full code
	QuadClass   int    // 1-4
	Plover      string // PLOVER category
	Mode        event.Mode
	Place       string       // place name, exact
	BBox        *BoundingBox // place coordinates inside
	Text        string       // words that must all occur in a mention's sentence
	DocumentID  string       // events mentioned in this document
	Background  *bool        // only background events (true) or only the others (false); nil: both
	Counts      []CountBound // bounds on the event's counts, each of its kind
}

// CountBound bounds an event's count of one kind. The event's count is a
// range, low to high, that its mentions span (see Event); it matches Min
// when its high end reaches Min and Max when its low end is at most Max,
// so that a count that may hold a number in the bounds is kept ("dozens",
// 24-99, matches a Min of 50). An event that states no count of the kind
// matches no bound.
type CountBound struct {
	Kind     event.CountKind
	Min, Max int64 // -1: unbounded
}

// BoundingBox is a latitude/longitude rectangle, edges included.
type BoundingBox struct {
	MinLat, MinLon, MaxLat, MaxLon float64
}

// Page asks for one page of a listing.
type Page struct {
	Limit  int    // at most this many; 0 or less means DefaultLimit
	Cursor string // Next of the previous page; "" for the first page
	// Sort, for Events, lists the largest count of this kind first (by
	// the high end of its range), the events without one last; "" lists
	// the newest first.
	Sort event.CountKind
}

// DefaultLimit is the page size when Page.Limit is not set; MaxLimit caps it.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// EventPage is one page of events.
type EventPage struct {
	Events []Event
	Next   string // cursor of the next page; "" when this is the last
}

// MentionPage is one page of mentions.
type MentionPage struct {
	Mentions []Mention
	Next     string
}

// GroupBy is the key Counts groups by.
type GroupBy string

// Keys Counts can group by.
const (
	ByDay       GroupBy = "day"     // event date, YYYY-MM-DD; "" for undated events (and see PeriodKey)
	ByWeek      GroupBy = "week"    // Monday of the event's week, YYYY-MM-DD; "" for undated events (and see PeriodKey)
	ByRoot      GroupBy = "root"    // CAMEO root code
	ByQuadClass GroupBy = "quad"    // 1-4
	ByCountry   GroupBy = "country" // place country
	ByActor     GroupBy = "actor"   // source actor code
)

// Count is one group of Counts.
type Count struct {
	Key    string
	Series string // the root or quad class of AggregateQuery.Series; "" without one
	// First and Last, counting by day or week, are the first and last day
	// of a period longer than the bin (Key is then its PeriodKey); zero
	// for a bin.
	First, Last time.Time
	Events      int64
	Mentions    int64   // sum of NumMentions
	Goldstein   float64 // mean Goldstein score
}

// Edge is the weight of the events from one actor to another.
type Edge struct {
	Source, Target string  // actor codes
	Events         int64   // events from Source to Target
	Mentions       int64   // their mentions
	Cooperation    int64   // events of quad class 1 or 2
	Conflict       int64   // events of quad class 3 or 4
	Goldstein      float64 // mean Goldstein score
}

// View is an aggregate view of the events.
type View string

// The aggregate views; each is one of the Store's methods.
const (
	ViewCounts  View = "counts"  // Counts
	ViewNetwork View = "network" // ActorNetwork
	ViewPlaces  View = "places"  // Places
)

// AggregateQuery asks for an aggregate view of the events that match
// Filter.
type AggregateQuery struct {
	View View
	By   GroupBy // the key of ViewCounts
	// Series, with ViewCounts, counts each root (ByRoot) or quad class
	// (ByQuadClass) apart, keyed by By within it: a breakdown in one read
	// of the rows instead of one read a series. Each Count's Series holds
	// its key, and the counts come ordered by Series first.
	Series GroupBy
	Filter Filter
	// ScanLimit bounds the events read when no rollup can answer the
	// filter (a text, mode, PLOVER or document filter, a code longer
	// than a root, ...): only the newest ScanLimit matches are counted
	// and the answer is marked Partial. 0 reads them all.
	ScanLimit int
	// FromEvents reads the events even where a rollup could answer, to
	// check the rollups and to measure what they save.
	FromEvents bool
	// Limit keeps the heaviest Limit edges or places (most events
	// first); 0 keeps them all. A network of a busy store has tens of
	// thousands of edges, and sorting and sending them all costs more
	// than counting them.
	Limit int
}

// Aggregate is the answer of an AggregateQuery: Counts, Edges or Places
// after the view.
type Aggregate struct {
	Counts []Count
	Edges  []Edge
	Places []Place
	// Partial is set when more events matched than ScanLimit and only the
	// newest were counted.
	Partial bool
	// Table is what answered: a rollup table, or "events".
	Table string
}

// Place is a place with the events that happened there.
type Place struct {
	Name, Country, Admin1 string
	Lat, Lon              float64
	GazetteerID           string
	Events, Mentions      int64
	// People sums, for each kind of count, the low ends of the counts of
	// the place's events: at least that many were killed there, or took
	// part, by what the texts state. Kinds no event states are absent.
	People map[event.CountKind]int64
}
