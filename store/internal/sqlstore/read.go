package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// where builds the condition of f over events alias e. When m names a
// mentions alias, the mention-level filters (text, document) apply to that
// mention; otherwise to any mention of the event. f.Actor matches either
// actor, or only the one in column side when side is set. With probe the
// words are looked up for each event's mentions (Dialect.TextProbe)
// instead of listed first.
func (s *DB) where(f store.Filter, m, side string, probe bool) (string, []any, error) {
	if err := f.Check(); err != nil {
		return "", nil, err
	}
	var conds []string
	var args []any
	add := func(c string, a ...any) {
		conds = append(conds, c)
		args = append(args, a...)
	}
	if !f.From.IsZero() {
		add("e.day >= ?", store.Day(f.From))
	}
	if !f.To.IsZero() {
		// The whole period ends by To; the bound on day lets the day
		// indices answer.
		add("e.day <= ? AND e.day_end <= ?", store.Day(f.To), store.Day(f.To))
		if f.From.IsZero() {
			add("e.day > ?", store.NoDay) // an unknown date is not before To
		}
	}
	if f.Background != nil {
		add("e.background = ?", b2i(*f.Background))
	}
	for _, p := range []struct{ col, prefix string }{
		{"e.source_code", f.SourceActor}, {"e.target_code", f.TargetActor}, {"e.code", f.Code},
	} {
		if p.prefix != "" {
			c, a := prefixCond(p.col, p.prefix)
			add(c, a...)
		}
	}
	if f.Actor != "" {
		src, a := prefixCond("e.source_code", f.Actor)
		tgt, _ := prefixCond("e.target_code", f.Actor)
		switch side {
		case "":
			add("(("+src+") OR ("+tgt+"))", append(a, a...)...)
		case "e.source_code":
			add(src, a...)
		default:
			add(tgt, a...)
		}
	}
	if f.Country != "" {
		add("e.place_country = ?", f.Country)
	}
	if f.QuadClass != 0 {
		add("e.quad = ?", f.QuadClass)
	}
	if f.Plover != "" {
		add("e.plover = ?", f.Plover)
	}
	if f.Mode != "" {
		add("e.mode = ?", string(f.Mode))
	}
	if f.Place != "" {
		add("e.place_name = ?", f.Place)
	}
	if b := f.BBox; b != nil {
		add("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	}
	if q := s.d.TextQuery(f.Text); q != "" {
		switch {
		case m != "":
			add(s.d.TextMatch(m), q)
		case probe:
			add("EXISTS (SELECT 1 FROM mentions tm WHERE tm.event_id = e.id AND "+s.d.TextProbe("tm")+")", q)
		default:
			add("e.id IN (SELECT tm.event_id FROM mentions tm WHERE "+s.d.TextMatch("tm")+")", q)
		}
	}
	if f.DocumentID != "" {
		if m != "" {
			add(m+".doc_id = ?", f.DocumentID)
		} else {
			add("e.id IN (SELECT dm.event_id FROM mentions dm WHERE dm.doc_id = ?)", f.DocumentID)
		}
	}
	cc, ca := countConds(f.Counts)
	conds, args = append(conds, cc...), append(args, ca...)
	if len(conds) == 0 {
		return "1 = 1", nil, nil
	}
	return strings.Join(conds, " AND "), args, nil
}

// prefixCond is the condition that code column col starts with p, a
// non-empty run of letters and digits (Filter.Check). A range finds the
// codes, and an equality on the part an index covers (an actor's country,
// an event's root; see migration 0002) lets that index return them newest
// first.
func prefixCond(col, p string) (string, []any) {
	lo, hi := p, p[:len(p)-1]+string(p[len(p)-1]+1)
	head, n := "substr("+col+", 1, 3)", 3
	if col == "e.code" {
		head, n = "e.root", 2
	}
	switch {
	case len(p) < n && col == "e.code":
		// A code's first digit is its root's: the rollups, which keep
		// roots, answer this too.
		return "e.root >= ? AND e.root < ?", []any{lo, hi}
	case len(p) < n:
		return col + " >= ? AND " + col + " < ?", []any{lo, hi}
	case len(p) == n:
		return head + " = ?", []any{p}
	}
	return head + " = ? AND " + col + " >= ? AND " + col + " < ?", []any{p[:n], lo, hi}
}

var eventCols = `e.id, e.fold_base, e.day, e.day_end, e.num_mentions, e.num_sources, e.num_articles,
	e.confidence_sum, e.first_added, e.last_added, e.source_url, e.is_root,
	(SELECT fm.record FROM mentions fm WHERE fm.event_id = e.id ORDER BY fm.id LIMIT 1),
	(SELECT fm.sentence FROM mentions fm WHERE fm.event_id = e.id ORDER BY fm.id LIMIT 1), ` + countColumns("e")

func scanEvent(sc interface{ Scan(...any) error }) (store.Event, error) {
	var ev store.Event
	var base, sentence string
	var rec []byte
	var day, end int
	var confSum, first, last int64
	var root int
	var cs countScan
	err := sc.Scan(append([]any{&ev.ID, &base, &day, &end, &ev.NumMentions, &ev.NumSources, &ev.NumArticles,
		&confSum, &first, &last, &ev.SourceURL, &root, &rec, &sentence}, cs.dest()...)...)
	if err != nil {
		return ev, err
	}
	if err := decodeRecord(rec, sentence, &ev.Record); err != nil {
		return ev, fmt.Errorf("event %d: stored record: %w", ev.ID, err)
	}
	ev.Record.Counts = eventCounts(ev.Record.Counts, cs.counts())
	ev.FoldKey = store.FoldKey(base, day)
	ev.Date, ev.Last = store.DayTime(day), store.DayTime(end)
	ev.FirstSeen, ev.LastSeen = unixTime(first), unixTime(last)
	ev.IsRootEvent = root != 0
	if ev.NumMentions > 0 {
		ev.Confidence = int(confSum / int64(ev.NumMentions))
	}
	return ev, nil
}

func unixTime(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

func limit(p store.Page) int {
	switch {
	case p.Limit <= 0:
		return store.DefaultLimit
	case p.Limit > store.MaxLimit:
		return store.MaxLimit
	}
	return p.Limit
}

// Events returns one page of events, newest first or by a count
// (p.Sort); the cursor is the (day, id) of the last event shown, or its
// (count, id) with a "k" before it.
func (s *DB) Events(ctx context.Context, f store.Filter, p store.Page) (store.EventPage, error) {
	o := byDate
	if p.Sort != "" {
		if !slices.Contains(store.CountKinds, p.Sort) {
			return store.EventPage{}, s.errf(fmt.Errorf("sort %q: want a kind of count (killed, injured, arrested, crowd) or none", p.Sort), "events")
		}
		o = byCount(p.Sort)
	}
	var after []any
	if p.Cursor != "" {
		key, id, ok := strings.Cut(p.Cursor, ".")
		if p.Sort != "" {
			key, ok = strings.CutPrefix(key, "k")
		}
		d, err1 := strconv.ParseInt(key, 10, 64)
		i, err2 := strconv.ParseInt(id, 10, 64)
		if !ok || err1 != nil || err2 != nil || p.Sort == "" && (d < math.MinInt32 || d > math.MaxInt32) {
			return store.EventPage{}, s.errf(errBadCursor, "events: cursor %q", p.Cursor)
		}
		after = []any{d, d, i}
	}
	n := limit(p)
	// Either actor: an OR of two indices cannot be read in date order and
	// every match would be sorted, so each side is read in order on its
	// own and the two pages merged.
	sides := []string{""}
	if f.Actor != "" {
		sides = []string{"e.source_code", "e.target_code"}
	}
	var evs []store.Event
	for _, side := range sides {
		got, err := s.eventsPage(ctx, f, o, side, after, n+1)
		if err != nil {
			return store.EventPage{}, err
		}
		evs = append(evs, got...)
	}
	if len(sides) > 1 {
		slices.SortFunc(evs, func(a, b store.Event) int {
			if c := cmp.Compare(o.key(b), o.key(a)); c != 0 {
				return c
			}
			return cmp.Compare(b.ID, a.ID)
		})
		evs = slices.CompactFunc(evs, func(a, b store.Event) bool { return a.ID == b.ID })
	}
	page := store.EventPage{Events: evs}
	if len(evs) > n {
		page.Events = evs[:n]
		last := page.Events[n-1]
		page.Next = o.cursor(last)
	}
	return page, nil
}

// order is an order of event listings: a column read from the largest
// value down, then the id.
type order struct {
	col    string
	count  bool                    // col is a count's high end, -1 for none
	key    func(store.Event) int64 // the column's value of an event read
	cursor func(store.Event) string
}

var byDate = order{
	col:    "e.day",
	key:    func(e store.Event) int64 { return int64(store.Day(e.Date)) },
	cursor: func(e store.Event) string { return strconv.Itoa(store.Day(e.Date)) + "." + strconv.FormatInt(e.ID, 10) },
}

// byCount orders by the high end of the count of kind k, checked to be
// one of store.CountKinds; events without one (-1) come last.
func byCount(k event.CountKind) order {
	high := func(e store.Event) int64 {
		for _, c := range e.Record.Counts {
			if c.Kind == k {
				return c.High
			}
		}
		return -1
	}
	return order{
		count:  true,
		col:    "e." + string(k) + "_high",
		key:    high,
		cursor: func(e store.Event) string { return sortCursor(high(e), e.ID) },
	}
}

// eventsPage reads up to n events in order o, largest first, after the
// cursor values (key, key, id) if given. Listed by a count, the events
// that state one come first, read through the count's partial index
// (migration 0004), then the others (key -1), newest id first: one index
// of every event, most of which count no one, would slow every insert.
func (s *DB) eventsPage(ctx context.Context, f store.Filter, o order, side string, after []any, n int) ([]store.Event, error) {
	if !o.count {
		return s.eventsQuery(ctx, f, side, o.col+" DESC, e.id DESC", o.keyAfter(after), n)
	}
	var evs []store.Event
	if after == nil || after[0].(int64) >= 0 {
		c := o.keyAfter(after)
		got, err := s.eventsQuery(ctx, f, side, o.col+" DESC, e.id DESC", cursorCond{o.col + " >= 0" + c.cond, c.args}, n)
		if err != nil || len(got) == n {
			return got, err
		}
		evs, n, after = got, n-len(got), nil
	}
	tail := cursorCond{cond: " AND " + o.col + " < 0"}
	if after != nil {
		tail.cond += " AND e.id < ?"
		tail.args = []any{after[2]}
	}
	got, err := s.eventsQuery(ctx, f, side, "e.id DESC", tail, n)
	return append(evs, got...), err
}

// cursorCond is a condition added to a listing's filter, " AND ..." but
// for a leading one, with its arguments.
type cursorCond struct {
	cond string
	args []any
}

// keyAfter is the condition that an event comes after the cursor values
// (key, key, id) in order o; none without a cursor.
func (o order) keyAfter(after []any) cursorCond {
	if after == nil {
		return cursorCond{}
	}
	return cursorCond{" AND (" + o.col + " < ? OR (" + o.col + " = ? AND e.id < ?))", after}
}

// eventsQuery reads up to n events that match f and more, in the order
// of orderBy.
func (s *DB) eventsQuery(ctx context.Context, f store.Filter, side, orderBy string, more cursorCond, n int) ([]store.Event, error) {
	probe, err := s.probeText(ctx, f.Text, n)
	if err != nil {
		return nil, err
	}
	cond, args, err := s.where(f, "", side, probe)
	if err != nil {
		return nil, s.errf(err, "events")
	}
	if more.cond != "" {
		if !strings.HasPrefix(more.cond, " AND ") {
			more.cond = " AND " + more.cond
		}
		cond += more.cond
		args = append(args, more.args...)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+eventCols+` FROM events e WHERE `+cond+
		` ORDER BY `+orderBy+` LIMIT `+strconv.Itoa(n)), args...)
	if err != nil {
		return nil, s.errf(err, "query events")
	}
	defer rows.Close()
	var evs []store.Event
	for rows.Next() {
		ev, err := scanEvent(rows)
		if err != nil {
			return nil, s.errf(err, "read events")
		}
		evs = append(evs, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errf(err, "read events")
	}
	return evs, nil
}

// probeText reports whether a listing of n events whose filter has the
// words text should read the events in its order and look each one's
// mentions up in the full-text index (Dialect.TextProbe), rather than
// read every mention that matches and sort their events. Probing reads
// about n × events / matches events, listing reads the matches, so
// probing is cheaper when the words match more than √(n × events)
// mentions: a word in one sentence in ten took 2 s to list over a
// million events and takes milliseconds to probe, while a rare word is
// still listed from its few matches.
func (s *DB) probeText(ctx context.Context, text string, n int) (bool, error) {
	q := s.d.TextQuery(text)
	if s.d.TextProbe == nil || q == "" {
		return false, nil
	}
	var events sql.NullInt64 // the largest id: as many as were ever stored
	if err := s.db.QueryRowContext(ctx, `SELECT max(id) FROM events`).Scan(&events); err != nil {
		return false, s.errf(err, "events: count them")
	}
	bound := max(1, int64(math.Sqrt(float64(n)*float64(events.Int64))))
	var matches int64
	if err := s.db.QueryRowContext(ctx, s.q(s.d.TextCount), q, bound).Scan(&matches); err != nil {
		return false, s.errf(err, "events: count the mentions of %q", text)
	}
	return matches >= bound, nil
}

const mentionCols = `m.id, m.event_id, m.doc_id, m.sentence_index, m.sentence_start, m.sentence_end,
	m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end,
	m.confidence, m.mode, m.source_name, m.added, m.record, m.sentence, d.url, d.doc_len, e.first_added`

const mentionFrom = ` FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id WHERE `

func scanMention(sc interface{ Scan(...any) error }) (store.Mention, error) {
	var m store.Mention
	var mode, sentence string
	var rec []byte
	var added, eventAdded int64
	err := sc.Scan(&m.ID, &m.EventID, &m.DocumentID, &m.SentenceIndex, &m.SentenceStart, &m.SentenceEnd,
		&m.SourceStart, &m.SourceEnd, &m.TargetStart, &m.TargetEnd, &m.VerbStart, &m.VerbEnd,
		&m.Confidence, &mode, &m.SourceName, &added, &rec, &sentence, &m.URL, &m.DocLen, &eventAdded)
	if err != nil {
		return m, err
	}
	if err := decodeRecord(rec, sentence, &m.Record); err != nil {
		return m, fmt.Errorf("mention %d: stored record: %w", m.ID, err)
	}
	m.Mode = event.Mode(mode)
	m.Quote = m.Record.Quote
	m.Added, m.EventAdded = unixTime(added), unixTime(eventAdded)
	return m, nil
}

// Mentions returns one page of mentions in id order; the cursor is the id
// of the last mention shown.
func (s *DB) Mentions(ctx context.Context, f store.Filter, p store.Page) (store.MentionPage, error) {
	cond, args, err := s.where(f, "m", "", false)
	if err != nil {
		return store.MentionPage{}, s.errf(err, "mentions")
	}
	if p.Cursor != "" {
		id, err := strconv.ParseInt(p.Cursor, 10, 64)
		if err != nil {
			return store.MentionPage{}, s.errf(errBadCursor, "mentions: cursor %q", p.Cursor)
		}
		cond += " AND m.id > ?"
		args = append(args, id)
	}
	n := limit(p)
	var page store.MentionPage
	for m, err := range s.mentions(ctx, cond+" ORDER BY m.id LIMIT "+strconv.Itoa(n+1), args) {
		if err != nil {
			return store.MentionPage{}, err
		}
		page.Mentions = append(page.Mentions, m)
	}
	if len(page.Mentions) > n {
		page.Mentions = page.Mentions[:n]
		page.Next = strconv.FormatInt(page.Mentions[n-1].ID, 10)
	}
	return page, nil
}

// mentions yields the mentions of a condition and ORDER BY tail.
func (s *DB) mentions(ctx context.Context, tail string, args []any) iter.Seq2[store.Mention, error] {
	return func(yield func(store.Mention, error) bool) {
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+mentionCols+mentionFrom+tail), args...)
		if err != nil {
			yield(store.Mention{}, s.errf(err, "query mentions"))
			return
		}
		defer rows.Close()
		for rows.Next() {
			m, err := scanMention(rows)
			if err != nil {
				yield(m, s.errf(err, "read mentions"))
				return
			}
			if !yield(m, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.Mention{}, s.errf(err, "read mentions"))
		}
	}
}

// AllMentions yields every mention whose event matches f, in id order.
func (s *DB) AllMentions(ctx context.Context, f store.Filter) iter.Seq2[store.Mention, error] {
	cond, args, err := s.where(f, "m", "", false)
	if err != nil {
		return func(yield func(store.Mention, error) bool) { yield(store.Mention{}, s.errf(err, "mentions")) }
	}
	return s.mentions(ctx, cond+" ORDER BY m.id", args)
}

// AllEvents yields every event that matches f, in id order.
func (s *DB) AllEvents(ctx context.Context, f store.Filter) iter.Seq2[store.Event, error] {
	return func(yield func(store.Event, error) bool) {
		cond, args, err := s.where(f, "", "", false)
		if err != nil {
			yield(store.Event{}, s.errf(err, "events"))
			return
		}
		rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+eventCols+` FROM events e WHERE `+cond+` ORDER BY e.id`), args...)
		if err != nil {
			yield(store.Event{}, s.errf(err, "query events"))
			return
		}
		defer rows.Close()
		for rows.Next() {
			ev, err := scanEvent(rows)
			if err != nil {
				yield(ev, s.errf(err, "read events"))
				return
			}
			if !yield(ev, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.Event{}, s.errf(err, "read events"))
		}
	}
}

// Document returns a document and its mentions in sentence order.
func (s *DB) Document(ctx context.Context, id string) (*store.Document, error) {
	var d store.Document
	var published, added int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, hash, url, title, author, source, published, text, added FROM documents WHERE id = ?`), id).
		Scan(&d.ID, &d.Hash, &d.URL, &d.Title, &d.Author, &d.Source, &published, &d.Text, &added)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s %s: document %q: %w", s.d.Name, s.name, id, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.errf(err, "read document %q", id)
	}
	if published != 0 {
		d.Published = unixTime(published)
	}
	d.Added = unixTime(added)
	for m, err := range s.mentions(ctx, "m.doc_id = ? ORDER BY m.sentence_index, m.id", []any{id}) {
		if err != nil {
			return nil, err
		}
		d.Mentions = append(d.Mentions, m)
	}
	return &d, nil
}

// groupKeys are the SQL expressions Counts groups by. The week is keyed by
// the day number of its Monday (1970-01-01 was a Thursday); undated events
// keep NoDay, which the arithmetic would take out of an INTEGER's range.
var groupKeys = map[store.GroupBy]string{
	store.ByDay:       "e.day",
	store.ByWeek:      monday("e.day"),
	store.ByRoot:      "e.root",
	store.ByQuadClass: "e.quad",
	store.ByCountry:   "e.place_country",
	store.ByActor:     "e.source_code",
}

// monday is the day number of the Monday of day, NoDay for NoDay.
func monday(day string) string {
	return fmt.Sprintf("CASE WHEN %[1]s = %[2]d THEN %[1]s ELSE %[1]s - (((%[1]s + 3) %% 7) + 7) %% 7 END", day, store.NoDay)
}

// fitsBin is, for the time keys, the condition that an event's period
// lies in one bin; the others are counted by their period (PeriodKey).
var fitsBin = map[store.GroupBy]string{
	store.ByDay:  "e.day_end = e.day",
	store.ByWeek: "e.day_end <= " + monday("e.day") + " + 6",
}

// keyString renders a key of Counts; end is the last day of a period
// that does not fit its time bin, NULL otherwise.
func keyString(g store.GroupBy, k any, end sql.NullInt64) string {
	n, ok := integer(k)
	switch v := k.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	if !ok {
		return fmt.Sprint(k)
	}
	if g == store.ByDay || g == store.ByWeek {
		switch {
		case n == store.NoDay:
			return "" // undated
		case end.Valid:
			return store.PeriodKey(store.DayTime(int(n)), store.DayTime(int(end.Int64)))
		}
		return store.DayTime(int(n)).Format("2006-01-02")
	}
	return strconv.FormatInt(n, 10)
}

// integer reads a key the drivers give as an integer.
func integer(k any) (int64, bool) {
	switch v := k.(type) {
	case int64:
		return v, true
	case int32:
		return int64(v), true
	}
	return 0, false
}

// Counts counts events by g: in key order for time and class keys, most
// events first for the others. Counting by day or week, an event whose
// date is a longer period (a month, a year) is counted under the
// period's key (store.PeriodKey), not on its first day.
func (s *DB) Counts(ctx context.Context, g store.GroupBy, f store.Filter) ([]store.Count, error) {
	a, err := s.Aggregate(ctx, store.AggregateQuery{View: store.ViewCounts, By: g, Filter: f})
	return a.Counts, err
}

// ActorNetwork returns source→target edges, heaviest first.
func (s *DB) ActorNetwork(ctx context.Context, f store.Filter) ([]store.Edge, error) {
	a, err := s.Aggregate(ctx, store.AggregateQuery{View: store.ViewNetwork, Filter: f})
	return a.Edges, err
}

// Places returns the places of matching events, most events first.
func (s *DB) Places(ctx context.Context, f store.Filter) ([]store.Place, error) {
	a, err := s.Aggregate(ctx, store.AggregateQuery{View: store.ViewPlaces, Filter: f})
	return a.Places, err
}
