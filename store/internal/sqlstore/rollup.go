package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/annals/annals/store"
)

// Rollups (migrations 0005, 0007, 0008, 0009; SQLite's 0013 and 0014, PostgreSQL's
// 0012) count events and mentions by the keys the
// aggregate views group and filter by. The write path adds each batch's
// counts to them in the transaction that stores its events, so they are
// always exactly the counts of the events table; RebuildRollups recounts
// them, VerifyRollups compares them with a recount.

// attrs are the columns of an event the rollups are keyed by.
type attrs struct {
	day, end, background, quad    int
	root, source, target, country string
	place, admin1, gaz            string
	lat, lon                      sql.NullFloat64
}

// attrCols are the events columns attrs are read from, as scanAttrs
// reads them.
const attrCols = `day, day_end, background, quad, root, source_code, target_code, place_country,
	place_name, place_admin1, gazetteer_id, lat, lon`

func (a *attrs) scanArgs() []any {
	return []any{&a.day, &a.end, &a.background, &a.quad, &a.root, &a.source, &a.target, &a.country,
		&a.place, &a.admin1, &a.gaz, &a.lat, &a.lon}
}

// rollup is one rollup table: its key columns, the SQL that recounts it
// from the events, and the key of an event in it (nil: the event is not
// counted there).
type rollup struct {
	table string
	cols  []string
	// recount selects the key columns and the counts from events.
	recount string
	key     func(a *attrs) []any
	// extra are integer columns the table sums besides the counts, and
	// extraOf what an addition of events events adds to them, given the
	// low ends of the events' counts by store.CountKinds (people).
	extra   []string
	extraOf func(a *attrs, events int64, people []int64) []int64
}

// allTime reports whether r counts every date together: prune recounts
// such a rollup instead of deleting the rows of the pruned days.
func (r rollup) allTime() bool { return !slices.Contains(r.cols, "day") }

// peopleCols are the columns that sum store.Place.People, and
// peopleOf their additions.
var peopleCols = func() []string {
	var cols []string
	for _, k := range store.CountKinds {
		cols = append(cols, string(k))
	}
	return cols
}()

func peopleOf(_ *attrs, _ int64, people []int64) []int64 { return people }

// quadsOf counts cooperation (quad class 1, 2) and conflict (3, 4) events
// for a rollup keyed without the quad class.
func quadsOf(a *attrs, events int64, _ []int64) []int64 {
	switch a.quad {
	case 1, 2:
		return []int64{events, 0}
	case 3, 4:
		return []int64{0, events}
	}
	return []int64{0, 0}
}

const quadSums = `sum(CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END), sum(CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END)`

// valueCols are the columns of r's counts.
func (r rollup) valueCols() []string {
	return append([]string{"events", "num_mentions", "goldstein"}, r.extra...)
}

var rollups = []rollup{
	{
		table: "rollup_day_root",
		cols:  []string{"day", "day_end", "background", "root", "quad"},
		recount: `SELECT day, day_end, background, root, quad,
			count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5`,
		key: func(a *attrs) []any {
			return []any{a.day, a.end, a.background, a.root, a.quad}
		},
	},
	{
		table: "rollup_day",
		cols:  []string{"day", "day_end", "background", "root", "quad", "place_country"},
		recount: `SELECT day, day_end, background, root, quad, place_country,
			count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6`,
		key: func(a *attrs) []any {
			return []any{a.day, a.end, a.background, a.root, a.quad, a.country}
		},
	},
	{
		table: "rollup_edge",
		cols:  []string{"day", "day_end", "background", "root", "quad", "source_code", "target_code", "place_country"},
		recount: `SELECT day, day_end, background, root, quad, source_code, target_code, place_country,
			count(*), sum(num_mentions), sum(goldstein) FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
		key: func(a *attrs) []any {
			return []any{a.day, a.end, a.background, a.root, a.quad, a.source, a.target, a.country}
		},
	},
	{
		table: "rollup_place",
		cols:  []string{"day", "day_end", "background", "root", "quad", "place_name", "place_country", "place_admin1", "gazetteer_id", "lat", "lon"},
		recount: `SELECT e.day, e.day_end, e.background, e.root, e.quad, e.place_name, e.place_country, e.place_admin1, e.gazetteer_id, e.lat, e.lon,
			count(*), sum(e.num_mentions), sum(e.goldstein), ` + peopleSums() + ` FROM events e WHERE e.place_name <> '' AND e.lat IS NOT NULL
			GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`,
		extra:   peopleCols,
		extraOf: peopleOf,
		key: func(a *attrs) []any {
			if a.place == "" || !a.lat.Valid {
				return nil
			}
			return []any{a.day, a.end, a.background, a.root, a.quad, a.place, a.country, a.admin1, a.gaz, a.lat.Float64, a.lon.Float64}
		},
	},
	{
		// The map over all dates, which the UI opens with: a row a place
		// and root instead of a place, root and day.
		table: "rollup_place_all",
		cols:  []string{"background", "root", "quad", "place_name", "place_country", "place_admin1", "gazetteer_id", "lat", "lon"},
		recount: `SELECT e.background, e.root, e.quad, e.place_name, e.place_country, e.place_admin1, e.gazetteer_id, e.lat, e.lon,
			count(*), sum(e.num_mentions), sum(e.goldstein), ` + peopleSums() + ` FROM events e WHERE e.place_name <> '' AND e.lat IS NOT NULL
			GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
		key: func(a *attrs) []any {
			if a.place == "" || !a.lat.Valid {
				return nil
			}
			return []any{a.background, a.root, a.quad, a.place, a.country, a.admin1, a.gaz, a.lat.Float64, a.lon.Float64}
		},
		extra:   peopleCols,
		extraOf: peopleOf,
	},
	{
		// The actor network over all dates and codes, which the UI opens
		// with: a row an edge and place country.
		table: "rollup_edge_all",
		cols:  []string{"background", "source_code", "target_code", "place_country"},
		recount: `SELECT e.background, e.source_code, e.target_code, e.place_country,
			count(*), sum(e.num_mentions), sum(e.goldstein), ` + quadSums + ` FROM events e GROUP BY 1, 2, 3, 4`,
		key: func(a *attrs) []any {
			return []any{a.background, a.source, a.target, a.country}
		},
		extra:   []string{"cooperation", "conflict"},
		extraOf: quadsOf,
	},
	{
		// The network over everything, a row an edge of two known codes:
		// its index on the events gives the heaviest edges in order.
		table: "rollup_edge_pair",
		cols:  []string{"source_code", "target_code"},
		recount: `SELECT e.source_code, e.target_code,
			count(*), sum(e.num_mentions), sum(e.goldstein), ` + quadSums + ` FROM events e
			WHERE e.source_code <> '' AND e.target_code <> '' GROUP BY 1, 2`,
		key: func(a *attrs) []any {
			if a.source == "" || a.target == "" {
				return nil
			}
			return []any{a.source, a.target}
		},
		extra:   []string{"cooperation", "conflict"},
		extraOf: quadsOf,
	},
}

// delta is what a batch adds to one rollup row.
type delta struct {
	key       []any
	events    int64
	mentions  int64
	goldstein float64
	extra     []int64 // the rollup's extra columns
}

// values are the columns of the row x adds to: its key, then its
// counts in valueCols order.
func (x *delta) values() []any {
	v := append(append([]any{}, x.key...), x.events, x.mentions, x.goldstein)
	for _, n := range x.extra {
		v = append(v, n)
	}
	return v
}

// deltas gathers a batch's additions to the rollups, one map per table
// keyed by the row's key rendered as text.
type deltas []map[string]*delta

func newDeltas() deltas {
	d := make(deltas, len(rollups))
	for i := range d {
		d[i] = map[string]*delta{}
	}
	return d
}

// add counts events events with mentions mentions, the Goldstein sum
// goldstein and people (by store.CountKinds; nil for none) under an
// event's keys.
func (d deltas) add(a *attrs, events, mentions int64, goldstein float64, people []int64) {
	for i, r := range rollups {
		key := r.key(a)
		if key == nil {
			continue
		}
		k := keyText(key)
		x := d[i][k]
		if x == nil {
			x = &delta{key: key}
			d[i][k] = x
		}
		x.events += events
		x.mentions += mentions
		x.goldstein += goldstein
		if r.extra != nil {
			if x.extra == nil {
				x.extra = make([]int64, len(r.extra))
			}
			for i, n := range r.extraOf(a, events, people) {
				x.extra[i] += n
			}
		}
	}
}

// keyText renders a rollup key as a map key, and orders the upserts:
// PostgreSQL writers that touch the same rows lock them in one order.
func keyText(key []any) string {
	var b strings.Builder
	for _, v := range key {
		switch v := v.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(v)
		case float64:
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
		b.WriteByte(0)
	}
	return b.String()
}

// sorted returns the keys of the rows the batch adds to rollups[i], in
// the order writers lock them.
func (d deltas) sorted(i int) []string {
	keys := make([]string, 0, len(d[i]))
	for k := range d[i] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// upsertSQL adds n rows of counts to rollup r.
func upsertSQL(r rollup, n int) string {
	return r.upsert(`VALUES ` + marks(n, len(r.cols)+len(r.valueCols())))
}

// upsert adds the rows rows selects (key columns, then valueCols) to r.
func (r rollup) upsert(rows string) string {
	cols := strings.Join(r.cols, ", ")
	vals := r.valueCols()
	set := make([]string, len(vals))
	for i, v := range vals {
		set[i] = v + " = " + r.table + "." + v + " + excluded." + v
	}
	return `INSERT INTO ` + r.table + ` (` + cols + `, ` + strings.Join(vals, ", ") + `) ` + rows +
		` ON CONFLICT (` + cols + `) DO UPDATE SET ` + strings.Join(set, ", ")
}

// writeRollups adds the batch's deltas to the rollup tables.
func (s *DB) writeRollups(ctx context.Context, tx *sql.Tx, d deltas) error {
	for i, r := range rollups {
		keys := d.sorted(i)
		per := len(r.cols) + len(r.valueCols())
		for len(keys) > 0 {
			n := min(len(keys), chunkRows)
			args := make([]any, 0, n*per)
			for _, k := range keys[:n] {
				args = append(args, d[i][k].values()...)
			}
			keys = keys[n:]
			var err error
			if n == chunkRows {
				_, err = tx.StmtContext(ctx, s.st.upsertRollups[i]).ExecContext(ctx, args...)
			} else {
				_, err = tx.ExecContext(ctx, s.q(upsertSQL(r, n)), args...)
			}
			if err != nil {
				return s.errf(err, "add %d rows to %s", n, r.table)
			}
		}
	}
	return nil
}

// RebuildRollups recounts every rollup from the events, in one
// transaction: for a database whose rollups were changed by hand or by
// an annals that did not keep them.
func (s *DB) RebuildRollups(ctx context.Context) error {
	if s.opt.ReadOnly {
		return s.errf(store.ErrReadOnly, "rebuild rollups")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errf(err, "begin rebuilding rollups")
	}
	defer tx.Rollback()
	if s.d.LockAll != nil {
		if err := s.d.LockAll(ctx, tx); err != nil {
			return s.errf(err, "lock for rebuilding rollups")
		}
	}
	for _, r := range rollups {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+r.table); err != nil {
			return s.errf(err, "empty %s", r.table)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+r.table+` (`+strings.Join(r.cols, ", ")+`, `+strings.Join(r.valueCols(), ", ")+`) `+r.recount); err != nil {
			return s.errf(err, "recount %s", r.table)
		}
	}
	if err := tx.Commit(); err != nil {
		return s.errf(err, "commit rebuilt rollups")
	}
	return nil
}

// VerifyRollups recounts the rollups from the events and compares; the
// error names the first rows that differ. Goldstein sums may differ in
// the last bits, since additions in another order round otherwise.
func (s *DB) VerifyRollups(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: s.opt.ReadOnly})
	if err != nil {
		return s.errf(err, "begin verifying rollups")
	}
	defer tx.Rollback()
	for _, r := range rollups {
		kept, err := s.readCounts(ctx, tx, `SELECT `+strings.Join(r.cols, ", ")+`, `+strings.Join(r.valueCols(), ", ")+` FROM `+r.table, r)
		if err != nil {
			return s.errf(err, "read %s", r.table)
		}
		want, err := s.readCounts(ctx, tx, r.recount, r)
		if err != nil {
			return s.errf(err, "recount %s", r.table)
		}
		var diffs []string
		for k, w := range want {
			g, ok := kept[k]
			switch {
			case !ok:
				diffs = append(diffs, fmt.Sprintf("%s missing (want %d events)", k, w.events))
			case g.events != w.events || g.mentions != w.mentions || !slices.Equal(g.extra, w.extra) ||
				math.Abs(g.goldstein-w.goldstein) > 1e-6*max(1, math.Abs(w.goldstein)):
				diffs = append(diffs, fmt.Sprintf("%s: %d events, %d mentions, Goldstein %g, %v %v; recount %d, %d, %g, %v",
					k, g.events, g.mentions, g.goldstein, r.extra, g.extra, w.events, w.mentions, w.goldstein, w.extra))
			}
		}
		for k, g := range kept {
			if _, ok := want[k]; !ok {
				diffs = append(diffs, fmt.Sprintf("%s: %d events kept, none counted", k, g.events))
			}
		}
		if len(diffs) > 0 {
			slices.Sort(diffs)
			return s.errf(fmt.Errorf("%d rows differ from a recount, e.g. %s", len(diffs), strings.Join(diffs[:min(3, len(diffs))], "; ")),
				"verify %s", r.table)
		}
	}
	return nil
}

// readCounts reads rows of r's key columns and counts, keyed by the
// key's text.
func (s *DB) readCounts(ctx context.Context, tx *sql.Tx, query string, r rollup) (map[string]delta, error) {
	nkey := len(r.cols)
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]delta{}
	for rows.Next() {
		key := make([]any, nkey)
		ptrs := make([]any, nkey, nkey+3)
		for i := range key {
			ptrs[i] = &key[i]
		}
		var d delta
		ptrs = append(ptrs, &d.events, &d.mentions, &d.goldstein)
		if r.extra != nil {
			d.extra = make([]int64, len(r.extra))
			for i := range d.extra {
				ptrs = append(ptrs, &d.extra[i])
			}
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var b strings.Builder
		for _, v := range key {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%v|", v)
		}
		out[b.String()] = d
	}
	return out, rows.Err()
}
