package server

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/ingest"
	"github.com/annals/annals/store"
)

// Page sizes of the listings: the store caps events at store.MaxLimit;
// edges and places are cut to the heaviest.
const (
	maxEvents    = 500
	defaultEdges = 100
	maxEdges     = 2000
	defaultPlace = 500
	maxPlaces    = 5000
)

// aggregate answers a view of the events that match f. When the store's
// rollups cannot answer the filter (text, mode, PLOVER, a code longer
// than a root), it counts the newest Options.ScanLimit matches and the
// answer says "partial", so that no filter makes a view read millions
// of rows.
// limit keeps the heaviest limit edges or places (0: all).
func (s *Server) aggregate(ctx context.Context, v store.View, g store.GroupBy, f store.Filter, limit int) (store.Aggregate, error) {
	return s.opt.Store.Aggregate(ctx, store.AggregateQuery{View: v, By: g, Filter: f, ScanLimit: s.opt.ScanLimit, Limit: limit})
}

// Event is one event as /api/events returns it.
type Event struct {
	ID            int64        `json:"id"`
	Date          string       `json:"date"`                     // at its precision: YYYY-MM-DD, YYYY-MM or YYYY
	DatePrecision string       `json:"date_precision,omitempty"` // the first mention's, as in the record
	NumMentions   int          `json:"num_mentions"`
	NumSources    int          `json:"num_sources"`
	NumArticles   int          `json:"num_articles"`
	FirstSeen     time.Time    `json:"first_seen"`
	SourceURL     string       `json:"source_url,omitempty"`
	Confidence    int          `json:"confidence"`
	Description   string       `json:"description,omitempty"` // the CAMEO code's name
	Record        event.Record `json:"record"`
}

// EventPage is the body of /api/events.
type EventPage struct {
	Events []Event `json:"events"`
	Next   string  `json:"next,omitempty"` // cursor of the next page
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := readFilter(q, "limit", "cursor", "sort")
	if err != nil {
		writeErr(w, err)
		return
	}
	sort := event.CountKind(q.Get("sort"))
	if sort != "" && !slices.Contains(store.CountKinds, sort) {
		writeError(w, http.StatusBadRequest, "sort %q: want killed, injured, arrested or crowd", sort)
		return
	}
	lim, err := parseLimit(q, store.DefaultLimit, maxEvents)
	if err != nil {
		writeErr(w, err)
		return
	}
	// A cursor carries the order it pages through, so that one from a
	// listing in another order is the request's fault, not the store's.
	cur, err := decodeCursor(q.Get("cursor"))
	if err != nil {
		writeErr(w, err)
		return
	}
	if cur != "" {
		order, c, _ := strings.Cut(cur, "/")
		if order != string(sort) {
			writeError(w, http.StatusBadRequest, "cursor %q: it pages through a listing sorted otherwise (sort=%s)", q.Get("cursor"), order)
			return
		}
		cur = c
	}
	page, err := s.opt.Store.Events(r.Context(), f, store.Page{Limit: lim, Cursor: cur, Sort: sort})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := EventPage{Events: make([]Event, len(page.Events))}
	if page.Next != "" {
		out.Next = encodeCursor(string(sort) + "/" + page.Next)
	}
	for i, e := range page.Events {
		out.Events[i] = Event{ID: e.ID, Date: eventDate(e), DatePrecision: e.Record.DatePrecision, NumMentions: e.NumMentions, NumSources: e.NumSources,
			NumArticles: e.NumArticles, FirstSeen: e.FirstSeen, SourceURL: e.SourceURL, Confidence: e.Confidence, Description: describe(e.Record.Code), Record: e.Record}
	}
	writeJSON(w, http.StatusOK, out)
}

// Series is one line of /api/timeseries: the counts of one quad class or
// root per period.
type Series struct {
	Key    string  `json:"key"`   // quad class, CAMEO root, or "all"
	Label  string  `json:"label"` // what the key means
	Points []Point `json:"points"`
	// Periods count the events dated only to a period longer than the
	// interval (a month, a year; a week in day bins), which no point may
	// hold without making up a day.
	Periods []Period `json:"periods,omitempty"`
}

// Period is the count of the events dated only to one period longer than
// a timeseries' interval.
type Period struct {
	Period    string  `json:"period"` // "2019", "2019-03", or "first/last"
	First     string  `json:"first"`  // its first day, YYYY-MM-DD
	Last      string  `json:"last"`   // its last day
	Events    int64   `json:"events"`
	Mentions  int64   `json:"mentions"`
	Goldstein float64 `json:"goldstein"`
}

// Point is the count of one period.
type Point struct {
	Date      string  `json:"date"` // day, or the Monday of the week
	Events    int64   `json:"events"`
	Mentions  int64   `json:"mentions"`
	Goldstein float64 `json:"goldstein"`
}

// Timeseries is the body of /api/timeseries.
type Timeseries struct {
	Interval string   `json:"interval"`
	By       string   `json:"by"`
	Series   []Series `json:"series"`
	Partial  bool     `json:"partial,omitempty"` // only the newest matches were counted (Options.ScanLimit)
}

func (s *Server) handleTimeseries(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := readFilter(q, "interval", "by")
	if err != nil {
		writeErr(w, err)
		return
	}
	out := Timeseries{Interval: cmp.Or(q.Get("interval"), "day"), By: cmp.Or(q.Get("by"), "all")}
	interval := store.GroupBy(out.Interval)
	if interval != store.ByDay && interval != store.ByWeek {
		writeError(w, http.StatusBadRequest, "interval %q: want day or week", out.Interval)
		return
	}
	// One read counts every series: the rows grouped by the breakdown's
	// key, then by period.
	var series store.GroupBy
	switch out.By {
	case "all":
	case "quad":
		series = store.ByQuadClass
	case "root":
		series = store.ByRoot
	default:
		writeError(w, http.StatusBadRequest, "by %q: want all, quad or root", out.By)
		return
	}
	agg, err := s.opt.Store.Aggregate(r.Context(), store.AggregateQuery{View: store.ViewCounts, By: interval, Series: series, Filter: f, ScanLimit: s.opt.ScanLimit})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out.Partial = agg.Partial
	out.Series = []Series{}
	if series == "" {
		out.Series = append(out.Series, Series{Key: "all", Label: seriesLabel(out.By, "all"), Points: []Point{}})
	}
	for _, c := range agg.Counts {
		if series != "" && c.Series == "" {
			continue // events without a code
		}
		if series != "" && (len(out.Series) == 0 || out.Series[len(out.Series)-1].Key != c.Series) {
			out.Series = append(out.Series, Series{Key: c.Series, Label: seriesLabel(out.By, c.Series), Points: []Point{}})
		}
		ser := &out.Series[len(out.Series)-1]
		switch {
		case c.Key == "":
			continue // undated events have no place on a time line
		case !c.First.IsZero():
			ser.Periods = append(ser.Periods, Period{Period: c.Key, First: dateOnly(c.First), Last: dateOnly(c.Last),
				Events: c.Events, Mentions: c.Mentions, Goldstein: c.Goldstein})
		default:
			ser.Points = append(ser.Points, Point{Date: c.Key, Events: c.Events, Mentions: c.Mentions, Goldstein: c.Goldstein})
		}
	}
	for i := range out.Series {
		ser := &out.Series[i]
		slices.SortFunc(ser.Points, func(a, b Point) int { return strings.Compare(a.Date, b.Date) })
		slices.SortFunc(ser.Periods, func(a, b Period) int {
			return cmp.Or(strings.Compare(a.First, b.First), strings.Compare(a.Last, b.Last))
		})
	}
	writeJSON(w, http.StatusOK, out)
}

func seriesLabel(by, key string) string {
	switch by {
	case "quad":
		if q, err := strconv.Atoi(key); err == nil && cameo.QuadClassName(q) != "" {
			return key + " " + cameo.QuadClassName(q)
		}
	case "root":
		return key + " " + describe(key)
	case "all":
		return "all events"
	}
	return key
}

// describe names a CAMEO code; "" when it has no name.
func describe(code string) string {
	c, ok := cameo.Lookup(code)
	if !ok {
		return ""
	}
	return c.Name
}

// Edge is one weighted source→target edge of /api/actors.
type Edge struct {
	Source      string  `json:"source"`
	Target      string  `json:"target"`
	Events      int64   `json:"events"`
	Mentions    int64   `json:"mentions"`
	Cooperation int64   `json:"cooperation"`
	Conflict    int64   `json:"conflict"`
	Goldstein   float64 `json:"goldstein"`
}

// Network is the body of /api/actors.
type Network struct {
	Edges     []Edge `json:"edges"`             // heaviest first
	Truncated bool   `json:"truncated"`         // more edges matched than limit
	Partial   bool   `json:"partial,omitempty"` // only the newest matching events were counted (Options.ScanLimit)
}

func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := readFilter(q, "limit")
	if err != nil {
		writeErr(w, err)
		return
	}
	lim, err := parseLimit(q, defaultEdges, maxEdges)
	if err != nil {
		writeErr(w, err)
		return
	}
	// One more than the limit tells whether more matched.
	agg, err := s.aggregate(r.Context(), store.ViewNetwork, "", f, lim+1)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	edges := agg.Edges
	slices.SortStableFunc(edges, func(a, b store.Edge) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target))
	})
	out := Network{Edges: []Edge{}, Truncated: len(edges) > lim, Partial: agg.Partial}
	for _, e := range edges[:min(lim, len(edges))] {
		out.Edges = append(out.Edges, Edge(e))
	}
	writeJSON(w, http.StatusOK, out)
}

// Place is one place of /api/places with its counts.
type Place struct {
	Name        string  `json:"name"`
	Country     string  `json:"country,omitempty"`
	Admin1      string  `json:"admin1,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	GazetteerID string  `json:"gazetteer_id,omitempty"`
	Events      int64   `json:"events"`
	Mentions    int64   `json:"mentions"`
	// People sums the low ends of the events' counts, by kind.
	People map[event.CountKind]int64 `json:"people,omitempty"`
}

// Places is the body of /api/places.
type Places struct {
	Places    []Place `json:"places"` // most events first
	Truncated bool    `json:"truncated"`
	Partial   bool    `json:"partial,omitempty"` // only the newest matching events were counted (Options.ScanLimit)
}

func (s *Server) handlePlaces(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := readFilter(q, "limit")
	if err != nil {
		writeErr(w, err)
		return
	}
	lim, err := parseLimit(q, defaultPlace, maxPlaces)
	if err != nil {
		writeErr(w, err)
		return
	}
	agg, err := s.aggregate(r.Context(), store.ViewPlaces, "", f, lim+1)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	places := agg.Places
	out := Places{Places: []Place{}, Truncated: len(places) > lim, Partial: agg.Partial}
	for _, p := range places[:min(lim, len(places))] {
		out.Places = append(out.Places, Place(p))
	}
	writeJSON(w, http.StatusOK, out)
}

// Document is the body of /api/documents/{id}: the article and every
// mention coded from it, with byte offsets into Text.
type Document struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Author    string    `json:"author,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published string    `json:"published,omitempty"`
	Added     time.Time `json:"added"`
	Text      string    `json:"text"`
	Mentions  []Mention `json:"mentions"`
}

// Mention is one coded sentence of a document. Spans are byte offsets
// into the document's text; a missing part has start and end -1.
type Mention struct {
	ID          int64        `json:"id"`
	EventID     int64        `json:"event_id"`
	Sentence    Span         `json:"sentence"`
	Source      Span         `json:"source"`
	Target      Span         `json:"target"`
	Verb        Span         `json:"verb"`
	Confidence  int          `json:"confidence"`
	Description string       `json:"description,omitempty"` // the CAMEO code's name
	Record      event.Record `json:"record"`
}

// Span is a byte range of a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		writeError(w, http.StatusBadRequest, "this endpoint takes no parameters")
		return
	}
	id := r.PathValue("id")
	if !docIDOK(id) {
		writeError(w, http.StatusBadRequest, "document id %q: want printable UTF-8 of at most %d bytes", id, maxParam)
		return
	}
	d, err := s.opt.Store.Document(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no document %q", id)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, documentJSON(d))
}

// eventDate writes an event's date at its record's precision (a year as
// YYYY, never as its 1 January); "" when it is unknown.
func eventDate(e store.Event) string {
	if e.Date.IsZero() {
		return ""
	}
	return event.FormatDate(e.Date, e.Record.DatePrecision)
}

// dateOnly formats a date as YYYY-MM-DD; "" when it is unknown (zero).
func dateOnly(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func documentJSON(d *store.Document) Document {
	out := Document{ID: d.ID, URL: d.URL, Title: d.Title, Author: d.Author, Source: d.Source, Added: d.Added, Text: d.Text, Mentions: []Mention{}}
	out.Published = dateOnly(d.Published)
	for _, m := range d.Mentions {
		out.Mentions = append(out.Mentions, Mention{
			ID: m.ID, EventID: m.EventID, Confidence: m.Confidence, Description: describe(m.Record.Code), Record: m.Record,
			Sentence: Span{m.SentenceStart, m.SentenceEnd},
			Source:   Span{m.SourceStart, m.SourceEnd},
			Target:   Span{m.TargetStart, m.TargetEnd},
			Verb:     Span{m.VerbStart, m.VerbEnd},
		})
	}
	return out
}

// PostDocument is the body of POST /api/documents: the article's text or
// its URL, and what the text does not say about it.
type PostDocument struct {
	Text      string `json:"text,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD; default: the page's date, else unknown
}

// Posted is the answer to POST /api/documents.
type Posted struct {
	ID        string `json:"id"`
	Skipped   bool   `json:"skipped"` // the same text was stored before
	Records   int    `json:"records"` // events coded; 0 when Skipped, since a stored text is not coded again
	Mentions  int    `json:"mentions"`
	NewEvents int    `json:"new_events"`
}

func (s *Server) handlePostDocument(w http.ResponseWriter, r *http.Request) {
	if !s.writable(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	var in PostDocument
	if err := dec.Decode(&in); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body over %d bytes", tooBig.Limit)
			return
		}
		writeError(w, http.StatusBadRequest, "request body: %v", err)
		return
	}
	doc, err := s.readDocument(r.Context(), &in)
	if errors.Is(err, errFetch) {
		// One answer for every failure, so that the client learns nothing
		// of the network behind the server: open from closed ports,
		// refused addresses, DNS servers. The details go to the log.
		s.opt.Log.Warn("posted URL not fetched", "url", in.URL, "err", err)
		writeError(w, http.StatusBadGateway, "could not fetch the URL")
		return
	}
	if err != nil {
		writeErr(w, err)
		return
	}
	j := s.runner.One(r.Context(), "posted document "+doc.ID, doc)
	if s.opt.Metrics != nil {
		s.opt.Metrics.Document(outcome(j), j.Result.Mentions, j.Result.NewEvents)
	}
	if j.Err != nil {
		s.internal(w, r, j.Err)
		return
	}
	writeJSON(w, http.StatusCreated, Posted{ID: doc.ID, Skipped: j.Result.Skipped, Records: len(j.Records),
		Mentions: j.Result.Mentions, NewEvents: j.Result.NewEvents})
}

// errFetch marks a posted URL that could not be fetched or read.
var errFetch = errors.New("could not fetch the URL")

// readDocument turns a posted document into an event.Document the way
// annals ingest reads its inputs, so text is normalised alike.
func (s *Server) readDocument(ctx context.Context, in *PostDocument) (*event.Document, error) {
	var published time.Time
	if in.Published != "" {
		var err error
		if published, err = time.Parse(time.DateOnly, in.Published); err != nil {
			return nil, badf("published %q: want YYYY-MM-DD", in.Published)
		}
	}
	// A posted URL is the client's choice, not the operator's: it may
	// reach only the addresses the fetcher's policy allows.
	opts := ingest.Options{MaxBytes: s.opt.MaxBodyBytes, Fetcher: s.opt.Fetcher, UntrustedInputs: true}
	var input string
	switch {
	case (in.Text == "") == (in.URL == ""):
		return nil, badf("give either text or url")
	case in.URL != "":
		if !strings.HasPrefix(in.URL, "http://") && !strings.HasPrefix(in.URL, "https://") {
			return nil, badf("url %q: want http:// or https://", in.URL)
		}
		if s.opt.Fetcher == nil {
			return nil, badf("this server does not fetch URLs; post the text")
		}
		input = in.URL
	default:
		input, opts.Format, opts.Stdin = "-", ingest.Text, strings.NewReader(in.Text)
	}
	var doc *event.Document
	for it := range ingest.Open(ctx, []string{input}, opts) {
		if it.Err != nil && in.URL != "" {
			return nil, fmt.Errorf("%w: %w", errFetch, it.Err)
		}
		if it.Err != nil {
			return nil, badf("%v", it.Err)
		}
		if doc == nil {
			doc = it.Doc
		}
	}
	if doc == nil || strings.TrimSpace(doc.Text) == "" {
		return nil, badf("no article text in %s", cmp.Or(in.URL, "the posted text"))
	}
	// A posted document is named by its text, never by an id that a
	// fetched page or JSON line carries.
	doc.ID = event.DocumentID(doc.Text)
	if in.Title != "" {
		doc.Title = in.Title
	}
	if in.Source != "" {
		doc.Source = in.Source
	}
	if !published.IsZero() {
		doc.Published = published
	}
	return doc, nil
}

// readFilter checks q's parameters (the filters and extra) and reads the
// filter.
func readFilter(q map[string][]string, extra ...string) (store.Filter, error) {
	if err := query(q, extra...); err != nil {
		return store.Filter{}, err
	}
	return parseFilter(q)
}

// internal reports a failure of the server's own, without its details
// (they go to the log).
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client went away
	}
	s.opt.Log.Error("request failed", "method", r.Method, "url", r.URL.String(), "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

// writeErr writes err as 400 when it is the request's fault, else 500.
func writeErr(w http.ResponseWriter, err error) {
	var bad *badRequest
	if errors.As(err, &bad) {
		writeError(w, http.StatusBadRequest, "%s", bad.msg)
		return
	}
	writeError(w, http.StatusInternalServerError, "internal error")
}

func writeError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, map[string]string{"error": fmt.Sprintf(format, args...)})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.Encode(v)
}
