package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/postgres"
	"github.com/annals/annals/store/sqlite"
)

// defaultDB is the SQLite file every command shares unless told otherwise.
const defaultDB = "annals.db"

// storeFlags are the flags that choose the store, shared by the commands
// that read or write it.
type storeFlags struct {
	db         string
	postgres   string
	foldWindow int
}

// addStoreFlags registers --db, --postgres and --fold-window on fs.
func addStoreFlags(fs *flag.FlagSet) *storeFlags {
	sf := &storeFlags{}
	fs.StringVar(&sf.db, "db", defaultDB, "SQLite database `file`")
	fs.StringVar(&sf.postgres, "postgres", os.Getenv("ANNALS_POSTGRES"), "PostgreSQL `DSN` (default $ANNALS_POSTGRES); overrides --db")
	fs.IntVar(&sf.foldWindow, "fold-window", 0, "fold mentions of the same event up to this many `days` apart")
	return sf
}

// open opens the chosen store. With mustExist, a missing SQLite file is an
// error rather than a new empty database: reading commands should not
// create one by a typo.
func (sf *storeFlags) open(ctx context.Context, mustExist bool) (store.Store, error) {
	if mustExist && sf.postgres == "" {
		if _, err := os.Stat(sf.db); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no database %s (store documents into it first, or name one with --db or --postgres)", sf.db)
		}
	}
	return openStore(ctx, sf.db, sf.postgres, store.Options{FoldWindowDays: sf.foldWindow})
}

// openFiltered opens the chosen store for a command that reads it, with
// the filter of ff; a bad filter fails before the store is opened. The
// caller closes the store.
func (sf *storeFlags) openFiltered(ctx context.Context, ff *filterFlags) (store.Store, store.Filter, error) {
	f, err := ff.filter()
	if err != nil {
		return nil, f, err
	}
	s, err := sf.open(ctx, true)
	return s, f, err
}

// openStore opens the PostgreSQL store pgDSN names, or else the SQLite
// file dbPath (created when missing).
func openStore(ctx context.Context, dbPath, pgDSN string, opt store.Options) (store.Store, error) {
	if pgDSN != "" {
		return postgres.Open(ctx, pgDSN, opt)
	}
	return sqlite.Open(ctx, dbPath, opt)
}

// filterFlags are the event filters, shared by the commands that select
// events.
type filterFlags struct {
	from, to, bbox, quad                                      string
	source, target, actor, country, code, plover, mode, place string
	text                                                      string
}

// addFilterFlags registers the event filter flags on fs.
func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	ff := &filterFlags{}
	fs.StringVar(&ff.from, "from", "", "events on or after this `date` (YYYY-MM-DD)")
	fs.StringVar(&ff.to, "to", "", "events on or before this `date` (YYYY-MM-DD)")
	fs.StringVar(&ff.source, "source", "", "source actor `code` prefix (IRQ, IRQGOV)")
	fs.StringVar(&ff.target, "target", "", "target actor `code` prefix")
	fs.StringVar(&ff.actor, "actor", "", "either actor's `code` prefix")
	fs.StringVar(&ff.country, "country", "", "`ISO3` country of the event's place")
	fs.StringVar(&ff.code, "code", "", "CAMEO `code` or prefix (19 for the root)")
	fs.StringVar(&ff.quad, "quad", "", "quad `class` 1-4")
	fs.StringVar(&ff.plover, "plover", "", "PLOVER `category`")
	fs.StringVar(&ff.mode, "mode", "", "`mode`: asserted, negated, future, intended, reported, hypothetical")
	fs.StringVar(&ff.place, "place", "", "place `name`")
	fs.StringVar(&ff.bbox, "bbox", "", "places inside `minlat,minlon,maxlat,maxlon`")
	fs.StringVar(&ff.text, "text", "", "`words` that all occur in a mention's sentence")
	return ff
}

// filter turns the flags into a store.Filter.
func (ff *filterFlags) filter() (store.Filter, error) {
	f := store.Filter{
		SourceActor: ff.source, TargetActor: ff.target, Actor: ff.actor, Country: ff.country,
		Code: ff.code, Plover: ff.plover, Mode: event.Mode(ff.mode), Place: ff.place, Text: ff.text,
	}
	var err error
	for _, d := range []struct {
		name, v string
		t       *time.Time
	}{{"--from", ff.from, &f.From}, {"--to", ff.to, &f.To}} {
		if d.v == "" {
			continue
		}
		if *d.t, err = time.Parse("2006-01-02", d.v); err != nil {
			return f, fmt.Errorf("%s %q: want YYYY-MM-DD", d.name, d.v)
		}
	}
	if ff.quad != "" {
		if f.QuadClass, err = strconv.Atoi(ff.quad); err != nil || f.QuadClass < 1 || f.QuadClass > 4 {
			return f, fmt.Errorf("--quad %q: want 1, 2, 3 or 4", ff.quad)
		}
	}
	if ff.bbox != "" {
		parts := strings.Split(ff.bbox, ",")
		var v [4]float64
		if len(parts) == 4 {
			for i, p := range parts {
				if v[i], err = strconv.ParseFloat(strings.TrimSpace(p), 64); err != nil {
					break
				}
			}
		}
		if len(parts) != 4 || err != nil {
			return f, fmt.Errorf("--bbox %q: want minlat,minlon,maxlat,maxlon", ff.bbox)
		}
		f.BBox = &store.BoundingBox{MinLat: v[0], MinLon: v[1], MaxLat: v[2], MaxLon: v[3]}
	}
	return f, nil
}
