package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/store"
)

// source is what an aggregate reads: a rollup table or the events, with
// the expressions of an event count, a mention count and a Goldstein sum
// over its rows (alias e).
type source struct {
	from, table         string
	n, mentions, golden string
	people              string // the sums of store.Place.People
	coop, conflict      string // the events of quad class 1-2, 3-4
	// edges: a row is one edge's counts, read without grouping.
	edges bool
}

var eventsSource = source{from: "events e", table: "events", n: "1", mentions: "e.num_mentions", golden: "e.goldstein", people: peopleSums(),
	coop: "CASE WHEN e.quad IN (1, 2) THEN 1 ELSE 0 END", conflict: "CASE WHEN e.quad IN (3, 4) THEN 1 ELSE 0 END"}

func rollupSource(table string) source {
	var people []string
	for _, k := range store.CountKinds {
		people = append(people, "sum(e."+string(k)+")")
	}
	src := source{from: table + " e", table: table, n: "e.events", mentions: "e.num_mentions", golden: "e.goldstein", people: strings.Join(people, ", "),
		coop: "CASE WHEN e.quad IN (1, 2) THEN e.events ELSE 0 END", conflict: "CASE WHEN e.quad IN (3, 4) THEN e.events ELSE 0 END"}
	switch table { // keyed without the quad class
	case "rollup_edge_pair":
		src.edges = true
		fallthrough
	case "rollup_edge_all":
		src.coop, src.conflict = "e.cooperation", "e.conflict"
	}
	return src
}

// rollupFor picks the rollup that answers the view of q, "" when none
// can: every field of its filter must be a key of the rollup.
func rollupFor(q store.AggregateQuery) string {
	f := q.Filter
	if len(f.Code) > 2 { // the rollups keep roots, not codes
		return ""
	}
	// What every rollup answers: dates, background, root, quad, country.
	rest := f
	rest.From, rest.To = time.Time{}, time.Time{}
	rest.Background, rest.Code, rest.QuadClass, rest.Country = nil, "", 0, ""
	allDates := f.From.IsZero() && f.To.IsZero()
	actors := rest.SourceActor != "" || rest.TargetActor != "" || rest.Actor != ""
	rest.SourceActor, rest.TargetActor, rest.Actor = "", "", ""
	place := rest.Place != "" || rest.BBox != nil
	rest.Place, rest.BBox = "", nil
	if !reflect.ValueOf(rest).IsZero() {
		return "" // text, mode, PLOVER, document, counts: only the events know
	}
	switch q.View {
	case store.ViewCounts:
		switch {
		case place && actors:
			return ""
		case place:
			if q.By == store.ByActor {
				return ""
			}
			return "rollup_place"
		case actors || q.By == store.ByActor:
			return "rollup_edge"
		case f.Country == "" && q.By != store.ByCountry:
			return "rollup_day_root"
		}
		return "rollup_day"
	case store.ViewNetwork:
		switch {
		case place:
			return ""
		case allDates && f.Code == "" && f.QuadClass == 0 && f.Country == "" && f.Background == nil:
			return "rollup_edge_pair"
		case allDates && f.Code == "" && f.QuadClass == 0:
			return "rollup_edge_all"
		}
		return "rollup_edge"
	case store.ViewPlaces:
		switch {
		case actors:
			return ""
		case allDates:
			return "rollup_place_all"
		}
		return "rollup_place"
	}
	return ""
}

// Aggregate answers q from the rollup that can, else from the events:
// all of them, or with q.ScanLimit the newest ScanLimit that match.
func (s *DB) Aggregate(ctx context.Context, q store.AggregateQuery) (store.Aggregate, error) {
	var out store.Aggregate
	src := eventsSource
	if t := rollupFor(q); t != "" && !q.FromEvents {
		src = rollupSource(t)
	}
	out.Table = src.table
	cond, args, err := s.where(q.Filter, "", "", false)
	if err != nil {
		return out, s.errf(err, "%s", q.View)
	}
	if src.table == "events" && q.ScanLimit > 0 {
		// The newest ScanLimit matches lie after the (day, id) of the
		// next one, if there is one; the day indices find it.
		var day int
		var id int64
		err := s.db.QueryRowContext(ctx, s.q(`SELECT e.day, e.id FROM events e WHERE `+cond+
			` ORDER BY e.day DESC, e.id DESC LIMIT 1 OFFSET `+strconv.Itoa(q.ScanLimit)), args...).Scan(&day, &id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return out, s.errf(err, "%s: find the newest %d events", q.View, q.ScanLimit)
		default:
			out.Partial = true
			cond += " AND (e.day > ? OR (e.day = ? AND e.id > ?))"
			args = append(args, day, day, id)
		}
	}
	switch q.View {
	case store.ViewCounts:
		out.Counts, err = s.counts(ctx, src, q.By, q.Series, cond, args)
	case store.ViewNetwork:
		out.Edges, err = s.network(ctx, src, cond, args, limitSQL(q.Limit))
	case store.ViewPlaces:
		out.Places, err = s.places(ctx, src, cond, args, limitSQL(q.Limit))
	default:
		err = s.errf(fmt.Errorf("unknown view %q", q.View), "aggregate")
	}
	return out, err
}

// counts groups the rows by g, and first by series when it is not "".
// Every rollup and the events keep the root and quad class, so a series
// needs no other table than its counts.
func (s *DB) counts(ctx context.Context, src source, g, series store.GroupBy, cond string, args []any) ([]store.Count, error) {
	key, ok := groupKeys[g]
	if !ok {
		return nil, s.errf(fmt.Errorf("unknown group %q", g), "counts")
	}
	ser := "''"
	switch series {
	case "":
	case store.ByRoot, store.ByQuadClass:
		ser = groupKeys[series]
	default:
		return nil, s.errf(fmt.Errorf("unknown series %q: want %s or %s", series, store.ByRoot, store.ByQuadClass), "counts")
	}
	end := "NULL"
	if fits, ok := fitsBin[g]; ok {
		// A coarser period keeps its first day as key and its last day
		// beside it; a period that fits its bin has NULL there.
		key = "CASE WHEN " + fits + " THEN " + key + " ELSE e.day END"
		end = "CASE WHEN " + fits + " THEN NULL ELSE e.day_end END"
	}
	order := "s, k, k_end"
	if g == store.ByCountry || g == store.ByActor {
		order = "s, sum(" + src.n + ") DESC, k"
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+ser+` AS s, `+key+` AS k, `+end+` AS k_end, sum(`+src.n+`), sum(`+src.mentions+`), sum(`+src.golden+`) / sum(`+src.n+`)
		FROM `+src.from+` WHERE `+cond+` GROUP BY s, k, k_end ORDER BY `+order), args...)
	if err != nil {
		return nil, s.errf(err, "count events by %s", g)
	}
	defer rows.Close()
	var out []store.Count
	for rows.Next() {
		var k, sk any
		var kEnd sql.NullInt64
		var c store.Count
		if err := rows.Scan(&sk, &k, &kEnd, &c.Events, &c.Mentions, &c.Goldstein); err != nil {
			return nil, s.errf(err, "read counts")
		}
		c.Key, c.Series = keyString(g, k, kEnd), keyString(series, sk, sql.NullInt64{})
		if n, ok := integer(k); ok && kEnd.Valid {
			c.First, c.Last = store.DayTime(int(n)), store.DayTime(int(kEnd.Int64))
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errf(err, "read counts")
	}
	return out, nil
}

// limitSQL is the LIMIT clause of a limit, "" for none.
func limitSQL(n int) string {
	if n <= 0 {
		return ""
	}
	return " LIMIT " + strconv.Itoa(n)
}

func (s *DB) network(ctx context.Context, src source, cond string, args []any, limit string) ([]store.Edge, error) {
	sum, group := "sum", ` GROUP BY e.source_code, e.target_code`
	if src.edges { // the heaviest rows are read in the order of an index
		sum, group = "", ""
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT e.source_code, e.target_code, `+sum+`(`+src.n+`), `+sum+`(`+src.mentions+`),
		`+sum+`(`+src.coop+`), `+sum+`(`+src.conflict+`),
		`+sum+`(`+src.golden+`) / `+sum+`(`+src.n+`)
		FROM `+src.from+` WHERE `+cond+` AND e.source_code <> '' AND e.target_code <> ''`+group+`
		ORDER BY `+sum+`(`+src.n+`) DESC, e.source_code, e.target_code`+limit), args...)
	if err != nil {
		return nil, s.errf(err, "query actor network")
	}
	defer rows.Close()
	var out []store.Edge
	for rows.Next() {
		var e store.Edge
		if err := rows.Scan(&e.Source, &e.Target, &e.Events, &e.Mentions, &e.Cooperation, &e.Conflict, &e.Goldstein); err != nil {
			return nil, s.errf(err, "read actor network")
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errf(err, "read actor network")
	}
	return out, nil
}

func (s *DB) places(ctx context.Context, src source, cond string, args []any, limit string) ([]store.Place, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT e.place_name, e.place_country, e.place_admin1, e.gazetteer_id,
		min(e.lat), min(e.lon), sum(`+src.n+`), sum(`+src.mentions+`), `+src.people+`
		FROM `+src.from+` WHERE `+cond+` AND e.place_name <> ''
		GROUP BY e.place_name, e.place_country, e.place_admin1, e.gazetteer_id
		ORDER BY sum(`+src.n+`) DESC, e.place_name, e.place_country`+limit), args...)
	if err != nil {
		return nil, s.errf(err, "query places")
	}
	defer rows.Close()
	var out []store.Place
	for rows.Next() {
		var p store.Place
		people := make([]int64, len(store.CountKinds))
		dest := []any{&p.Name, &p.Country, &p.Admin1, &p.GazetteerID, &p.Lat, &p.Lon, &p.Events, &p.Mentions}
		for i := range people {
			dest = append(dest, &people[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, s.errf(err, "read places")
		}
		p.People = peopleMap(people)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errf(err, "read places")
	}
	return out, nil
}
