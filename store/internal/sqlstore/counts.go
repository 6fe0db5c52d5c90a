package sqlstore

import (
	"slices"
	"strconv"
	"strings"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// An event's counts live in three columns a kind (migration 0004):
// KIND_low and KIND_high, -1 when no mention states the kind, and
// KIND_precision.

// countColumns lists the count columns of events alias e ("" for none),
// kind by kind.
func countColumns(e string) string {
	if e != "" {
		e += "."
	}
	var cols []string
	for _, k := range store.CountKinds {
		cols = append(cols, e+string(k)+"_low", e+string(k)+"_high", e+string(k)+"_precision")
	}
	return strings.Join(cols, ", ")
}

// countSet lists the count columns as "col = ?" assignments.
func countSet() string {
	return strings.ReplaceAll(countColumns(""), ",", " = ?,") + " = ?"
}

// countValues are the values of the count columns for counts folded by
// store.FoldCounts (at most one of each kind).
func countValues(cs []event.Count) []any {
	v := make([]any, 0, 3*len(store.CountKinds))
	for _, k := range store.CountKinds {
		low, high, prec := int64(-1), int64(-1), ""
		for _, c := range cs {
			if c.Kind == k {
				low, high, prec = c.Low, c.High, string(c.Precision)
			}
		}
		v = append(v, low, high, prec)
	}
	return v
}

// countScan receives the count columns of a row.
type countScan struct {
	low, high []int64
	prec      []string
}

// dest returns the scan destinations, in countColumns order.
func (cs *countScan) dest() []any {
	n := len(store.CountKinds)
	cs.low, cs.high, cs.prec = make([]int64, n), make([]int64, n), make([]string, n)
	d := make([]any, 0, 3*n)
	for i := range n {
		d = append(d, &cs.low[i], &cs.high[i], &cs.prec[i])
	}
	return d
}

// counts returns the scanned counts, without their words.
func (cs *countScan) counts() []event.Count {
	var out []event.Count
	for i, k := range store.CountKinds {
		if cs.low[i] >= 0 {
			out = append(out, event.Count{Kind: k, Low: cs.low[i], High: cs.high[i], Precision: event.CountPrecision(cs.prec[i])})
		}
	}
	return out
}

// eventCounts gives an event's record the counts its mentions span, with
// the words of the record's own count of each kind where it states one;
// a kind only later mentions state has no words here (they are in those
// mentions, in other sentences or documents).
func eventCounts(rec []event.Count, folded []event.Count) []event.Count {
	for i, c := range folded {
		for _, r := range rec {
			if r.Kind == c.Kind {
				folded[i].Text, folded[i].Start, folded[i].End = r.Text, r.Start, r.End
				break
			}
		}
	}
	return folded
}

// peopleSums sums, kind by kind, the low ends of the counts of events
// alias e, as store.Place.People holds them; -1 (none) adds nothing.
func peopleSums() string {
	var sums []string
	for _, k := range store.CountKinds {
		c := "e." + string(k) + "_low"
		sums = append(sums, "sum(CASE WHEN "+c+" > 0 THEN "+c+" ELSE 0 END)")
	}
	return strings.Join(sums, ", ")
}

// people gives the low ends of counts by store.CountKinds, 0 for a kind
// they lack, as peopleSums sums them.
func people(cs []event.Count) []int64 {
	out := make([]int64, len(store.CountKinds))
	for _, c := range cs {
		if i := slices.Index(store.CountKinds, c.Kind); i >= 0 && c.Low > 0 {
			out[i] = c.Low
		}
	}
	return out
}

// peopleMap keys the sums of peopleSums by kind, leaving out the zeros.
func peopleMap(sums []int64) map[event.CountKind]int64 {
	var m map[event.CountKind]int64
	for i, n := range sums {
		if n > 0 {
			if m == nil {
				m = map[event.CountKind]int64{}
			}
			m[store.CountKinds[i]] = n
		}
	}
	return m
}

// countConds are the conditions of count bounds over events alias e.
// Each says "KIND_high >= 0" in those words, so that the planners match
// it to the partial index on the kind (migration 0004).
func countConds(bs []store.CountBound) (conds []string, args []any) {
	for _, b := range bs {
		k := "e." + string(b.Kind)
		conds = append(conds, k+"_high >= 0")
		if b.Min > 0 {
			conds = append(conds, k+"_high >= ?")
			args = append(args, b.Min)
		}
		if b.Max >= 0 {
			conds = append(conds, k+"_low <= ?")
			args = append(args, b.Max)
		}
	}
	return conds, args
}

// sortCursor renders the cursor of a page sorted by a count: the high end
// and id of its last event.
func sortCursor(high, id int64) string {
	return "k" + strconv.FormatInt(high, 10) + "." + strconv.FormatInt(id, 10)
}
