package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/annals/annals/store"
)

// pruned is the condition on events alias e that Prune deletes: a known
// period that ended before the day given twice. The bound on day lets
// the day index answer (day <= day_end).
const pruned = `e.day <> ` + noDay + ` AND e.day < ? AND e.day_end < ?`

const noDay = "-2147483648"

// Prune deletes the events whose period ended before the day before,
// with their mentions and rollup rows, and the documents left without a
// mention: those whose mentions were all pruned, and those that had none
// and whose date (publication, else storage) is before it. Undated
// events stay. With apply false it only counts what it would delete. The
// whole is one transaction that keeps writers out, so the rollups stay
// the counts of the events left.
func (s *DB) Prune(ctx context.Context, before time.Time, apply bool) (store.Pruned, error) {
	var p store.Pruned
	if apply && s.opt.ReadOnly {
		return p, s.errf(store.ErrReadOnly, "prune")
	}
	day := store.Day(before)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: !apply})
	if err != nil {
		return p, s.errf(err, "begin prune")
	}
	defer tx.Rollback()
	if apply && s.d.LockAll != nil {
		if err := s.d.LockAll(ctx, tx); err != nil {
			return p, s.errf(err, "lock for prune")
		}
	}
	// A document goes when every mention of it goes, or when it has none
	// and its date is before the day.
	docs := `FROM documents d WHERE NOT EXISTS (SELECT 1 FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.doc_id = d.id AND NOT (` + pruned + `))
		AND (EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id) OR (CASE WHEN d.published <> 0 THEN d.published ELSE d.added END) < ?)`
	sec := before.Unix()
	err = tx.QueryRowContext(ctx, s.q(`SELECT (SELECT count(*) FROM events e WHERE `+pruned+`),
		(SELECT count(*) FROM mentions m JOIN events e ON e.id = m.event_id WHERE `+pruned+`),
		(SELECT count(*) `+docs+`)`), day, day, day, day, day, day, sec).Scan(&p.Events, &p.Mentions, &p.Documents)
	if err != nil {
		return p, s.errf(err, "count what prune deletes")
	}
	if !apply {
		return p, nil
	}
	// Mentions refer to events and documents, so they go first, and the
	// documents to delete are noted before.
	type step struct {
		what, query string
		args        []any
	}
	steps := []step{
		{"documents", `CREATE TEMPORARY TABLE pruned_documents AS SELECT d.id ` + docs, []any{day, day, sec}},
		{"mentions", `DELETE FROM mentions WHERE event_id IN (SELECT e.id FROM events e WHERE ` + pruned + `)`, []any{day, day}},
		{"events", `DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE ` + pruned + `)`, []any{day, day}},
		{"documents", `DELETE FROM documents WHERE id IN (SELECT id FROM pruned_documents)`, nil},
		{"documents", `DROP TABLE pruned_documents`, nil},
	}
	for _, r := range rollups {
		if r.allTime() {
			// Which rows the pruned events counted in is not kept: the
			// rollup is counted again from the events left.
			steps = append(steps, step{r.table, `DELETE FROM ` + r.table, nil},
				step{r.table, `INSERT INTO ` + r.table + ` (` + strings.Join(r.cols, ", ") + `, ` + strings.Join(r.valueCols(), ", ") + `) ` + r.recount, nil})
			continue
		}
		steps = append(steps, step{r.table, `DELETE FROM ` + r.table + ` AS e WHERE ` + pruned, []any{day, day}})
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, s.q(st.query), st.args...); err != nil {
			return p, s.errf(err, "prune %s", st.what)
		}
	}
	if err := tx.Commit(); err != nil {
		return p, s.errf(err, "commit prune")
	}
	return p, nil
}

// Compact returns the statements that reclaim the space of deleted rows
// and refresh the planner's statistics the backend's way, and runs them
// when apply is set. They run outside a transaction (VACUUM cannot run in
// one) and may take long on a big store.
func (s *DB) Compact(ctx context.Context, apply bool) ([]string, error) {
	if !apply {
		return s.d.Compact, nil
	}
	if s.opt.ReadOnly {
		return nil, s.errf(store.ErrReadOnly, "compact")
	}
	for _, q := range s.d.Compact {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return nil, s.errf(err, "compact: %s", q)
		}
	}
	return s.d.Compact, nil
}
