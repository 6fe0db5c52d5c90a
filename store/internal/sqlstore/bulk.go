package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/annals/annals/store"
)

// The bulk write path, where the dialect has bulk operations (Dialect.Bulk:
// PostgreSQL). The batch is folded in memory as on the other path (fold),
// so folding means the same on both; what differs is how the result
// reaches the database. Rows that are only inserted (new events and
// mentions) are copied straight into their tables with COPY, which skips
// parsing and planning a statement of thousands of placeholders; new
// events take their ids from the sequence first, so that mentions can
// name them without reading anything back. Rows that add to stored ones
// (documents that may be stored already, stored events a batch folds
// into, rollup rows) are bound as one array a column to a single
// set-based statement over unnest(...) instead of being staged by COPY in
// a temporary table, which would cost a table's catalog work and a copy
// of the rows for the same one statement; the rollups' statements are
// sent together (pipelined). A batch thus takes a fixed number of round
// trips whatever its size.

// Bulk is what a driver does beyond database/sql on one connection, used
// only while database/sql lends it (Dialect.Bulk).
type Bulk interface {
	// Copy copies rows into table's columns.
	Copy(ctx context.Context, table string, cols []string, rows [][]any) error
	// Pipeline runs the statements in their order, sent at once instead
	// of one round trip each; args[i] are the arguments of queries[i].
	Pipeline(ctx context.Context, queries []string, args [][]any) error
}

// saveTx is the transaction of a save; conn is its connection where the
// dialect has bulk operations (Dialect.Bulk), nil otherwise.
type saveTx struct {
	*sql.Tx
	conn *sql.Conn
}

// begin starts a save's transaction, on a connection of its own where
// the dialect has bulk operations, since they go to the driver's connection.
func (s *DB) begin(ctx context.Context) (*saveTx, error) {
	if s.d.Bulk == nil {
		tx, err := s.db.BeginTx(ctx, nil)
		return &saveTx{Tx: tx}, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &saveTx{Tx: tx, conn: conn}, nil
}

// Rollback ends the transaction unless it was committed, and gives its
// connection back to the pool.
func (t *saveTx) Rollback() {
	t.Tx.Rollback()
	if t.conn != nil {
		t.conn.Close()
	}
}

// bulk runs f with the driver's bulk operations on the transaction's
// connection.
func (s *DB) bulk(tx *saveTx, f func(b Bulk) error) error {
	return tx.conn.Raw(func(dc any) error {
		b, err := s.d.Bulk(dc)
		if err != nil {
			return err
		}
		return f(b)
	})
}

// copy copies rows into table's columns inside the transaction.
func (s *DB) copy(ctx context.Context, tx *saveTx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := s.bulk(tx, func(b Bulk) error { return b.Copy(ctx, table, cols, rows) }); err != nil {
		return s.errf(err, "copy %d rows into %s", len(rows), table)
	}
	return nil
}

// insertDocuments inserts the documents of ps whose texts are not stored
// yet, in hash order (order), and sets each one's result: its id, and
// whether it was skipped. It does what insertDocument does for one, for
// all at once.
func (s *DB) insertDocuments(ctx context.Context, tx *saveTx, ps []pending, order []int, res []store.SaveResult, added int64) error {
	if len(order) == 0 {
		return nil
	}
	rows := make([][]any, len(order))
	for k, i := range order {
		p := &ps[i]
		d := p.doc
		var published int64
		if !d.Published.IsZero() {
			published = d.Published.Unix()
		}
		rows[k] = []any{p.id, p.hash, d.URL, d.Title, d.Author, d.Source, published, d.Text, len(d.Text), added}
	}
	from, args := unnest(rows)
	// unnest gives the rows in the arrays' order, so documents are
	// inserted in hash order. A text twice in the batch is inserted once
	// (DO NOTHING lets a row conflict with one the statement inserted).
	q, err := tx.QueryContext(ctx, s.q(`INSERT INTO documents (id, hash, url, title, author, source, published, text, doc_len, added)
		SELECT * FROM `+from+` ON CONFLICT DO NOTHING RETURNING id, hash`), args...)
	if err != nil {
		return s.errf(err, "insert %d documents", len(rows))
	}
	inserted, err := idsByHash(q)
	if err != nil {
		return s.errf(err, "read the %d documents inserted", len(rows))
	}
	var conflicts []any
	for _, i := range order {
		p := &ps[i]
		if id, ok := inserted[p.hash]; ok && id == p.id {
			res[i] = store.SaveResult{DocumentID: id}
			delete(inserted, p.hash) // a later copy of the text is skipped
			continue
		}
		res[i] = store.SaveResult{Skipped: true}
		conflicts = append(conflicts, p.hash)
	}
	if len(conflicts) == 0 {
		return nil
	}
	// As in insertDocument: a conflict is the same text (skip) or the id
	// of another text (an error).
	hashes, _ := column(conflicts)
	q, err = tx.QueryContext(ctx, s.q(`SELECT id, hash FROM documents WHERE hash = ANY(?::text[])`), hashes)
	if err != nil {
		return s.errf(err, "find stored documents with the texts of %d", len(conflicts))
	}
	stored, err := idsByHash(q)
	if err != nil {
		return s.errf(err, "read stored documents with the texts of %d", len(conflicts))
	}
	for _, i := range order {
		if !res[i].Skipped {
			continue
		}
		id, ok := stored[ps[i].hash]
		if !ok {
			return s.errf(fmt.Errorf("id already stored with another text"), "insert document %q", ps[i].id)
		}
		res[i].DocumentID = id
	}
	return nil
}

// idsByHash reads rows of (id, hash) into a map from hash to id and
// closes them.
func idsByHash(q *sql.Rows) (map[string]string, error) {
	defer q.Close()
	ids := map[string]string{}
	for q.Next() {
		var id, hash string
		if err := q.Scan(&id, &hash); err != nil {
			return nil, err
		}
		ids[hash] = id
	}
	return ids, q.Err()
}

// copyFold writes what a batch folded: it gives the new events ids from
// the sequence, copies them and the mentions, and adds to the stored
// events in one statement.
func (s *DB) copyFold(ctx context.Context, tx *saveTx, created []*newEvent, stored []*touched, rows []mentionRow, added int64) error {
	if len(created) > 0 {
		ids := make([]int64, 0, len(created))
		q, err := tx.QueryContext(ctx, s.q(`SELECT nextval(pg_get_serial_sequence('events', 'id')) FROM generate_series(1, ?)`), len(created))
		if err != nil {
			return s.errf(err, "take %d event ids", len(created))
		}
		for q.Next() {
			var id int64
			if err := q.Scan(&id); err != nil {
				q.Close()
				return s.errf(err, "read event ids")
			}
			ids = append(ids, id)
		}
		err = q.Err()
		q.Close()
		if err != nil || len(ids) != len(created) {
			return s.errf(fmt.Errorf("%d ids for %d events: %v", len(ids), len(created), err), "take event ids")
		}
		// Ids in the order the events were made, as the INSERT of the
		// other path gives them.
		slices.Sort(ids)
		evs := make([][]any, len(created))
		for i, e := range created {
			e.id = ids[i]
			evs[i] = append(append([]any{e.id}, eventValues(e, added)...), countValues(e.counts)...)
		}
		cols := append(append([]string{"id"}, newEventCols...), strings.Split(countColumns(""), ", ")...)
		if err := s.copy(ctx, tx, "events", cols, evs); err != nil {
			return err
		}
	}
	if err := s.addToEvents(ctx, tx, stored, added); err != nil {
		return err
	}
	ms := make([][]any, len(rows))
	for i, m := range rows {
		ms[i] = m.values(added)
	}
	return s.copy(ctx, tx, "mentions", newMentionCols, ms)
}

// addToEvents adds a batch's mentions to the stored events they fold
// into, in one statement, before the mentions are stored: an outlet
// counts as a new source only if no stored mention of the event has it.
// The events' counts become those their mentions span now.
func (s *DB) addToEvents(ctx context.Context, tx *saveTx, evs []*touched, added int64) error {
	if len(evs) == 0 {
		return nil
	}
	var outlets, tallies [][]any
	for _, e := range evs {
		for o := range e.outlets {
			outlets = append(outlets, []any{e.id, o})
		}
		tallies = append(tallies, append([]any{e.id, e.n, len(e.docs), e.conf}, countValues(store.FoldCounts(e.stored, e.counts))...))
	}
	countCols := strings.Split(countColumns(""), ", ")
	set := make([]string, len(countCols))
	for i, c := range countCols {
		set[i] = c + " = t." + c
	}
	fromOutlets, outletArgs := unnest(outlets)
	fromTallies, tallyArgs := unnest(tallies)
	args := append(append(outletArgs, added), tallyArgs...)
	res, err := tx.ExecContext(ctx, s.q(`WITH seen AS (
		SELECT o.id, count(*) AS n FROM `+fromOutlets+` AS o (id, outlet)
		WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = o.id AND m.source_name = o.outlet) GROUP BY o.id)
		UPDATE events e SET num_mentions = e.num_mentions + t.n, num_sources = e.num_sources + coalesce(seen.n, 0),
		num_articles = e.num_articles + t.docs, confidence_sum = e.confidence_sum + t.conf, last_added = ?, `+strings.Join(set, ", ")+`
		FROM `+fromTallies+` AS t (id, n, docs, conf, `+strings.Join(countCols, ", ")+`) LEFT JOIN seen ON seen.id = t.id
		WHERE e.id = t.id`), args...)
	if err != nil {
		return s.errf(err, "add to %d stored events", len(evs))
	}
	// The update locks the events until the commit. One it did not find
	// was deleted since the fold read it (by a prune, which keeps writers
	// out only from their first write on); its mentions would name no
	// event, and PostgreSQL's mentions have no foreign key to refuse them
	// (migration 0010). A retry folds them afresh.
	if n, err := res.RowsAffected(); err != nil || n != int64(len(evs)) {
		return s.errf(fmt.Errorf("%w: %d of %d events to fold into were deleted meanwhile (%v)", store.ErrUnavailable, int64(len(evs))-n, len(evs), err),
			"add to stored events")
	}
	return nil
}

// upsertRollups adds the batch's deltas to the rollup tables, a
// statement a table, all sent at once. The tables go in one order and
// their rows in key order, as writeRollups sends them, so that writers
// touching the same rows lock them in one order.
func (s *DB) upsertRollups(ctx context.Context, tx *saveTx, d deltas) error {
	var queries []string
	var args [][]any
	rows := 0
	for i, r := range rollups {
		keys := d.sorted(i)
		if len(keys) == 0 {
			continue
		}
		vals := make([][]any, len(keys))
		for k, key := range keys {
			vals[k] = d[i][key].values()
		}
		from, a := unnest(vals)
		queries = append(queries, s.q(r.upsert(`SELECT * FROM `+from)))
		args = append(args, a)
		rows += len(vals)
	}
	if len(queries) == 0 {
		return nil
	}
	if err := s.bulk(tx, func(b Bulk) error { return b.Pipeline(ctx, queries, args) }); err != nil {
		return s.errf(err, "add %d rows to the rollups", rows)
	}
	return nil
}

// unnest turns rows of values into unnest(?::T[], ...), with one array a
// column as the arguments of its placeholders: rows of any number bound
// to one statement.
func unnest(rows [][]any) (string, []any) {
	n := len(rows[0])
	casts := make([]string, n)
	args := make([]any, n)
	col := make([]any, len(rows))
	for j := range n {
		for i, r := range rows {
			col[i] = r[j]
		}
		var t string
		args[j], t = column(col)
		casts[j] = "?::" + t + "[]"
	}
	return "unnest(" + strings.Join(casts, ", ") + ")", args
}

// column gives values of one Go type as the slice the driver binds as an
// array, with the SQL type of its elements.
func column(vs []any) (any, string) {
	switch vs[0].(type) {
	case string:
		a := make([]string, len(vs))
		for i, v := range vs {
			a[i] = v.(string)
		}
		return a, "text"
	case int, int64:
		a := make([]int64, len(vs))
		for i, v := range vs {
			switch v := v.(type) {
			case int:
				a[i] = int64(v)
			case int64:
				a[i] = v
			}
		}
		return a, "bigint"
	case float64:
		a := make([]float64, len(vs))
		for i, v := range vs {
			a[i] = v.(float64)
		}
		return a, "float8"
	}
	panic(fmt.Sprintf("sqlstore: no array type for %T", vs[0])) // a column the write path does not make
}
