package sqlstore

import (
	"context"
	"database/sql"
	"math"
	"strings"

	"github.com/annals/annals/cameo"
	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// Folding a batch works on the whole batch at once: one query fetches the
// stored events each record could fold into, the records are folded in
// memory in their order (exactly as if saved one by one), and the new
// events and the mentions are written with multi-row INSERTs. Per-record
// statements were the bottleneck of the write path.

// chunkRows caps the rows of one multi-row statement, far below SQLite's
// and PostgreSQL's limits on parameters per statement.
const chunkRows = 500

// candidate is an event a record may fold into.
type candidate struct {
	id     int64         // stored id; 0 for an event created in this batch
	attrs  attrs         // a stored event's rollup keys
	counts []event.Count // a stored event's counts
	batch  *newEvent     // non-nil for an event created in this batch
	touch  *touched      // what this batch adds to a stored event
}

// tally is what a batch's mentions add to an event.
type tally struct {
	outlets map[string]bool
	docs    map[string]bool
	n, conf int           // mentions, sum of their confidence
	counts  []event.Count // their counts, folded
}

func newTally() tally { return tally{outlets: map[string]bool{}, docs: map[string]bool{}} }

func (t *tally) add(p *pending, r *pendingRecord) {
	t.n++
	t.conf += r.conf
	t.outlets[p.outlet] = true
	t.docs[p.id] = true
	if len(r.rec.Counts) > 0 {
		t.counts = store.FoldCounts(t.counts, r.rec.Counts)
	}
}

// newEvent is an event this batch creates: its first record and the id
// the database gives it.
type newEvent struct {
	tally
	p  *pending
	r  *pendingRecord
	id int64
}

// touched is a stored event this batch adds mentions to.
type touched struct {
	tally
	id     int64
	attrs  *attrs
	stored []event.Count // the event's counts before this batch
}

// mentionRow is a mention waiting for its event's id.
type mentionRow struct {
	p *pending
	r *pendingRecord
	c *candidate
}

// fold folds the records of the new documents (ps[i] for i in order with
// res[i] not skipped) and writes events and mentions.
func (s *DB) fold(ctx context.Context, tx *saveTx, ps []pending, order []int, res []store.SaveResult, added int64) error {
	cands, err := s.candidates(ctx, tx, ps, order, res)
	if err != nil {
		return err
	}
	w := s.opt.FoldWindowDays
	var created []*newEvent
	var stored []*touched
	var rows []mentionRow
	for _, i := range order {
		if res[i].Skipped {
			continue
		}
		p := &ps[i]
		for k := range p.recs {
			r := &p.recs[k]
			c := nearest(cands, r.base, r.day, w)
			if c == nil {
				ne := &newEvent{tally: newTally(), p: p, r: r}
				created = append(created, ne)
				c = &candidate{batch: ne}
				cands[foldSlot{r.base, r.day}] = c
				res[i].NewEvents++
			} else {
				res[i].Folded++
			}
			switch {
			case c.batch != nil:
				c.batch.add(p, r)
			case c.touch == nil:
				c.touch = &touched{tally: newTally(), id: c.id, attrs: &c.attrs, stored: c.counts}
				stored = append(stored, c.touch)
				fallthrough
			default:
				c.touch.add(p, r)
			}
			rows = append(rows, mentionRow{p, r, c})
			res[i].Mentions++
		}
	}
	if err := s.writeFold(ctx, tx, created, stored, rows, added); err != nil {
		return err
	}
	d := newDeltas()
	for _, e := range created {
		a := newAttrs(e.r)
		d.add(&a, 1, int64(e.n), e.r.rec.Goldstein, people(e.counts))
	}
	for _, e := range stored {
		// Folding widens an event's counts: the rollups gain the change
		// of the low ends.
		was, now := people(e.stored), people(store.FoldCounts(e.stored, e.counts))
		for i := range now {
			now[i] -= was[i]
		}
		d.add(e.attrs, 0, int64(e.n), 0, now)
	}
	if tx.conn != nil {
		return s.upsertRollups(ctx, tx, d)
	}
	return s.writeRollups(ctx, tx.Tx, d)
}

// writeFold writes what a batch folded: its new events, what it adds to
// stored events, and its mentions.
func (s *DB) writeFold(ctx context.Context, tx *saveTx, created []*newEvent, stored []*touched, rows []mentionRow, added int64) error {
	if tx.conn != nil {
		return s.copyFold(ctx, tx, created, stored, rows, added)
	}
	if err := s.insertEvents(ctx, tx.Tx, created, added); err != nil {
		return err
	}
	if err := s.setCounts(ctx, tx.Tx, created); err != nil {
		return err
	}
	if err := s.updateEvents(ctx, tx.Tx, stored, added); err != nil {
		return err
	}
	return s.insertMentions(ctx, tx.Tx, rows, added)
}

// foldSlot is where an event sits for folding: its base and its day. The
// unique index on (fold_base, day) keeps at most one event in a slot.
type foldSlot struct {
	base string
	day  int
}

// nearest picks the event a record folds into: the nearest day in the
// window, the earlier day on a tie.
func nearest(cands map[foldSlot]*candidate, base string, day, window int) *candidate {
	for d := 0; d <= window; d++ {
		if c := cands[foldSlot{base, day - d}]; c != nil {
			return c
		}
		if c := cands[foldSlot{base, day + d}]; c != nil {
			return c
		}
	}
	return nil
}

// candidates fetches the stored events that records of the new documents
// could fold into, by fold base.
func (s *DB) candidates(ctx context.Context, tx *saveTx, ps []pending, order []int, res []store.SaveResult) (map[foldSlot]*candidate, error) {
	cands := map[foldSlot]*candidate{}
	seen := map[string]bool{}
	var bases []any
	lo, hi := math.MaxInt, math.MinInt
	for _, i := range order {
		if res[i].Skipped {
			continue
		}
		for _, r := range ps[i].recs {
			if r.day == store.NoDay {
				continue // tied to its new document: nothing stored to fold into
			}
			if !seen[r.base] {
				seen[r.base] = true
				bases = append(bases, r.base)
			}
			lo, hi = min(lo, r.day), max(hi, r.day)
		}
	}
	w := s.opt.FoldWindowDays
	for len(bases) > 0 {
		n := min(len(bases), chunkRows)
		args := append([]any{lo - w, hi + w}, bases[:n]...)
		in := `IN (` + marks(n, 1) + `)`
		if tx.conn != nil {
			// One array instead of chunks of placeholders.
			n, in = len(bases), `= ANY(?::text[])`
			all, _ := column(bases)
			args = []any{lo - w, hi + w, all}
		}
		bases = bases[n:]
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id, fold_base, `+attrCols+`, `+countColumns("")+` FROM events WHERE day BETWEEN ? AND ? AND fold_base `+in), args...)
		if err != nil {
			return nil, s.errf(err, "find events to fold into")
		}
		for rows.Next() {
			var c candidate
			var slot foldSlot
			var cs countScan
			if err := rows.Scan(append(append([]any{&c.id, &slot.base}, c.attrs.scanArgs()...), cs.dest()...)...); err != nil {
				rows.Close()
				return nil, s.errf(err, "read events to fold into")
			}
			slot.day = c.attrs.day
			c.counts = cs.counts()
			cands[slot] = &c
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, s.errf(err, "read events to fold into")
		}
	}
	return cands, nil
}

// marks returns n comma-separated groups of cols placeholders: "?, ?" or
// "(?, ?), (?, ?)".
func marks(n, cols int) string {
	one := strings.Repeat("?, ", cols-1) + "?"
	if cols > 1 {
		one = "(" + one + ")"
	}
	return strings.Repeat(one+", ", n-1) + one
}

// newEventCols are the columns of a new event that eventValues gives.
var newEventCols = []string{"fold_base", "day", "day_end", "background", "source_code", "source_country", "target_code", "target_country",
	"code", "root", "quad", "goldstein", "plover", "mode", "place_name", "place_country", "place_admin1", "lat", "lon",
	"gazetteer_id", "num_mentions", "num_sources", "num_articles", "confidence_sum", "first_added", "last_added",
	"source_url", "doc_id", "is_root"}

// insertEventSQL inserts one event with its id.
var insertEventSQL = `INSERT INTO events (id, ` + strings.Join(newEventCols, ", ") + `) VALUES (` + marks(len(newEventCols)+1, 1) + `)`

// insertEvents inserts the new events, one prepared statement each. A
// multi-row INSERT binds and steps less, but SQLite gives a statement
// that writes several rows and may fail midway (as any may where an index
// holds an expression: events_source, events_target) a statement
// journal: a copy of every page it changes that the transaction changed
// before, so that it can undo itself alone. Where events land in random
// order, as from any feed, those copies cost more than the inserts
// (docs/benchmarks.md); a one-row statement needs none.
//
// The ids are the ones SQLite would give (the largest id and up: the
// table has no AUTOINCREMENT), taken here since the transaction holds
// the write lock: a statement that returns no row costs a third less
// than one that returns the id (BenchmarkSave, docs/benchmarks.md).
func (s *DB) insertEvents(ctx context.Context, tx *sql.Tx, evs []*newEvent, added int64) error {
	if len(evs) == 0 {
		return nil
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&last); err != nil {
		return s.errf(err, "find the last event")
	}
	ins := tx.StmtContext(ctx, s.st.insEvent)
	for i, e := range evs {
		e.id = last + int64(i) + 1
		if _, err := ins.ExecContext(ctx, append([]any{e.id}, eventValues(e, added)...)...); err != nil {
			return s.errf(err, "insert event %s", store.FoldKey(e.r.base, e.r.day))
		}
	}
	return nil
}

// newAttrs are the rollup keys of the event r starts.
func newAttrs(r *pendingRecord) attrs {
	rec := r.rec
	a := attrs{day: r.day, end: r.end, background: b2i(rec.Background), quad: rec.QuadClass, root: rec.Root}
	if s := rec.Source; s != nil {
		a.source = s.Code
	}
	if t := rec.Target; t != nil {
		a.target = t.Code
	}
	if l := rec.Location; l != nil {
		a.place, a.country, a.admin1, a.gaz = l.Name, l.Country, l.Admin1, l.GazetteerID
		a.lat = sql.NullFloat64{Float64: l.Lat, Valid: true}
		a.lon = sql.NullFloat64{Float64: l.Lon, Valid: true}
	}
	// The root filter (see prefixCond) needs root to be the code's first
	// two digits, whatever the record says.
	if len(rec.Code) >= 2 {
		a.root = cameo.Root(rec.Code)
	}
	return a
}

// eventValues are the columns of a new event, as insertEvents lists them.
func eventValues(e *newEvent, added int64) []any {
	rec := e.r.rec
	a := newAttrs(e.r)
	var srcCountry, tgtCountry string
	if s := rec.Source; s != nil {
		srcCountry = s.Country
	}
	if t := rec.Target; t != nil {
		tgtCountry = t.Country
	}
	return []any{e.r.base, e.r.day, e.r.end, a.background, a.source, srcCountry, a.target, tgtCountry,
		rec.Code, a.root, rec.QuadClass, rec.Goldstein, rec.Plover, string(rec.Mode), a.place, a.country, a.admin1, a.lat, a.lon,
		a.gaz, e.n, len(e.outlets), len(e.docs), e.conf, added, added, e.p.doc.URL, e.p.id,
		b2i(store.IsLead(rec.Sentence.Index))}
}

// setCounts writes the counts of the new events that state any. Most
// state none and keep the columns' defaults, so the multi-row INSERT
// leaves the count columns out rather than bind twelve values an event.
func (s *DB) setCounts(ctx context.Context, tx *sql.Tx, evs []*newEvent) error {
	var upd *sql.Stmt
	for _, e := range evs {
		if len(e.counts) == 0 {
			continue
		}
		if upd == nil {
			upd = tx.StmtContext(ctx, s.st.updCounts)
		}
		if _, err := upd.ExecContext(ctx, append(countValues(e.counts), e.id)...); err != nil {
			return s.errf(err, "set the counts of event %d", e.id)
		}
	}
	return nil
}

// updateEvents adds this batch's mentions to stored events. An outlet
// counts as a new source only if no stored mention of the event has it.
func (s *DB) updateEvents(ctx context.Context, tx *sql.Tx, evs []*touched, added int64) error {
	if len(evs) == 0 {
		return nil
	}
	seen := tx.StmtContext(ctx, s.st.sourceSeen)
	upd := tx.StmtContext(ctx, s.st.updEvent)
	for _, e := range evs {
		newSources := 0
		for o := range e.outlets {
			var n int
			if err := seen.QueryRowContext(ctx, e.id, o).Scan(&n); err != nil {
				return s.errf(err, "check outlets of event %d", e.id)
			}
			if n == 0 {
				newSources++
			}
		}
		if _, err := upd.ExecContext(ctx, e.n, newSources, len(e.docs), e.conf, added, e.id); err != nil {
			return s.errf(err, "update event %d", e.id)
		}
		if len(e.counts) > 0 {
			counts := append(countValues(store.FoldCounts(e.stored, e.counts)), e.id)
			if _, err := tx.StmtContext(ctx, s.st.updCounts).ExecContext(ctx, counts...); err != nil {
				return s.errf(err, "update the counts of event %d", e.id)
			}
		}
	}
	return nil
}

// newMentionCols are the columns of a mention that mentionRow.values gives.
var newMentionCols = []string{"event_id", "doc_id", "sentence_index", "sentence_start", "sentence_end",
	"source_start", "source_end", "target_start", "target_end", "verb_start", "verb_end", "confidence", "mode",
	"source_name", "added", "sentence", "record"}

func insertMentionsSQL(n int) string {
	return `INSERT INTO mentions (` + strings.Join(newMentionCols, ", ") + `) VALUES ` + marks(n, len(newMentionCols))
}

// values are the columns of a mention, as insertMentionsSQL lists them.
func (m mentionRow) values(added int64) []any {
	rec := m.r.rec
	eid := m.c.id
	if m.c.batch != nil {
		eid = m.c.batch.id
	}
	return []any{eid, m.p.id, rec.Sentence.Index, rec.Sentence.Start, rec.Sentence.End,
		actorStart(rec.Source), actorEnd(rec.Source), actorStart(rec.Target), actorEnd(rec.Target),
		spanStart(rec.Evidence.Start, rec.Evidence.End), spanEnd(rec.Evidence.Start, rec.Evidence.End),
		m.r.conf, string(rec.Mode), m.p.outlet, added, rec.Sentence.Text, m.r.stored}
}

func (s *DB) insertMentions(ctx context.Context, tx *sql.Tx, rows []mentionRow, added int64) error {
	var last int64 // the highest mention id before this batch's, which get higher ones
	index := s.d.IndexMentions != "" && len(rows) > 0
	if index {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM mentions`).Scan(&last); err != nil {
			return s.errf(err, "find the last mention")
		}
	}
	for len(rows) > 0 {
		n := min(len(rows), chunkRows)
		args := make([]any, 0, n*len(newMentionCols))
		for _, m := range rows[:n] {
			args = append(args, m.values(added)...)
		}
		rows = rows[n:]
		var err error
		if n == chunkRows {
			_, err = tx.StmtContext(ctx, s.st.insMentions).ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, s.q(insertMentionsSQL(n)), args...)
		}
		if err != nil {
			return s.errf(err, "insert %d mentions", n)
		}
	}
	if index {
		if _, err := tx.ExecContext(ctx, s.d.IndexMentions, last); err != nil {
			return s.errf(err, "index the sentences of the new mentions")
		}
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func actorStart(a *event.Actor) int {
	if a == nil {
		return -1
	}
	return spanStart(a.Start, a.End)
}

func actorEnd(a *event.Actor) int {
	if a == nil {
		return -1
	}
	return spanEnd(a.Start, a.End)
}

// spanStart and spanEnd give -1 for an empty span, which records use for
// "not known".
func spanStart(start, end int) int {
	if end <= start {
		return -1
	}
	return start
}

func spanEnd(start, end int) int {
	if end <= start {
		return -1
	}
	return end
}
