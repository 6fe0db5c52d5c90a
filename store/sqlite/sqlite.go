// Package sqlite is the embedded annals store: one SQLite file in WAL mode,
// through the pure-Go driver modernc.org/sqlite, so annals needs no C
// compiler and no server.
//
// Writers take the database's write lock when their transaction begins
// (BEGIN IMMEDIATE) and wait up to the busy timeout for it, so several
// processes may share one file; folding needs no further locks because a
// write transaction is exclusive. The schema is created and upgraded by
// the numbered migrations embedded from migrations/*.sql.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// BusyTimeout is how long a writer waits for another's write lock.
const BusyTimeout = 10 * time.Second

// Store is an SQLite store.
type Store struct {
	*sqlstore.DB
}

var _ store.Store = (*Store)(nil)

// Open opens or creates the database file at path and brings its schema up
// to date. Errors name the path.
func Open(ctx context.Context, path string, opt store.Options) (*Store, error) {
	return open(ctx, path, opt)
}

// open is Open with extra pragmas, which tests use to make a full disk.
func open(ctx context.Context, path string, opt store.Options, pragmas ...string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: no database file given")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("sqlite %s: is a directory", path)
	}
	q := url.Values{}
	for _, p := range append([]string{
		fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()),
		"journal_mode(WAL)",
		// NORMAL in WAL mode loses no committed transaction on a crash of
		// annals, only possibly the last ones on a power cut, and makes
		// commits several times faster than FULL.
		"synchronous(NORMAL)",
		"foreign_keys(1)",
		// Statement journals (each INSERT ... RETURNING writes one) and
		// sorts stay in memory instead of temporary files.
		"temp_store(MEMORY)",
		"cache_size(-65536)", // KiB: 64 MiB of page cache per connection
	}, pragmas...) {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	s, err := sqlstore.OpenEmbedded(ctx, db, dialect, migrations, "migrations", opt, path)
	if err != nil {
		return nil, err
	}
	return &Store{s}, nil
}

func dialect(m fs.FS) sqlstore.Dialect {
	return sqlstore.Dialect{
		Name:       "sqlite",
		Migrations: m,
		TextMatch: func(m string) string {
			return m + ".id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)"
		},
		TextQuery: ftsQuery,
		// 0x10002 also analyzes tables never analyzed. Statistics from a
		// full ANALYZE (no analysis_limit: sampled ones made every index
		// look alike) let the planner pick the most selective filter; it
		// runs again only when a table has grown tenfold.
		Optimize: "PRAGMA optimize=0x10002",
	}
}

// ftsQuery quotes each word so that FTS5 reads the user's text as words
// that must all occur, never as its query syntax.
func ftsQuery(text string) string {
	var words []string
	for _, w := range strings.Fields(text) {
		words = append(words, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(words, " ")
}
