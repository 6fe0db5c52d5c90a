package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"

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
	postgres   envFlag
	foldWindow int
}

// addStoreFlags registers --db, --postgres and --fold-window on fs.
func addStoreFlags(fs *flag.FlagSet) *storeFlags {
	sf := &storeFlags{}
	fs.StringVar(&sf.db, "db", defaultDB, "SQLite database `file`")
	sf.postgres.env = "ANNALS_POSTGRES"
	fs.Var(&sf.postgres, "postgres", "PostgreSQL `DSN` (default: $ANNALS_POSTGRES, which keeps the password out of the process list); overrides --db")
	fs.IntVar(&sf.foldWindow, "fold-window", 0, "fold mentions of the same event up to this many `days` apart")
	return sf
}

// open opens the chosen store. The commands that only read open it
// readOnly (store.Options.ReadOnly), so that they can read a database they
// may not write and change nothing in it; a missing SQLite file is then
// an error rather than a new empty database made by a typo.
func (sf *storeFlags) open(ctx context.Context, readOnly bool) (store.Store, error) {
	dsn := sf.postgres.Value()
	if readOnly && dsn == "" {
		if _, err := os.Stat(sf.db); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no database %s (store documents into it first, or name one with --db or --postgres)", sf.db)
		}
	}
	return openStore(ctx, sf.db, dsn, store.Options{FoldWindowDays: sf.foldWindow, ReadOnly: readOnly})
}

// openFiltered opens the chosen store for a command that reads it, with
// the filter of ff; a bad filter fails before the store is opened. The
// caller closes the store.
func (sf *storeFlags) openFiltered(ctx context.Context, ff filterFlags) (store.Store, store.Filter, error) {
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

// filterFlags are the event filters of store.FilterParams as flags,
// shared by the commands that select events, so that they read what the
// API's query parameters read.
type filterFlags map[string]*string

// addFilterFlags registers the event filter flags on fs.
func addFilterFlags(fs *flag.FlagSet) filterFlags {
	ff := filterFlags{}
	for _, p := range store.FilterParams {
		ff[p.Key] = fs.String(p.Key, "", p.Usage)
	}
	return ff
}

// filter reads the flags with store.ParseFilter.
func (ff filterFlags) filter() (store.Filter, error) {
	q := url.Values{}
	for k, v := range ff {
		if *v != "" {
			q.Set(k, *v)
		}
	}
	f, err := store.ParseFilter(q)
	if err != nil {
		return f, fmt.Errorf("--%w", err) // the message starts with the key
	}
	return f, nil
}
