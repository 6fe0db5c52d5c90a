// Package sqlite is the embedded annals store: one SQLite file in WAL mode,
// through the pure-Go driver modernc.org/sqlite, so annals needs no C
// compiler and no server.
//
// Writers take the database's write lock when their transaction begins
// (BEGIN IMMEDIATE) and wait up to the busy timeout for it, so several
// processes may share one file; folding needs no further locks because a
// write transaction is exclusive. The schema is created and upgraded by
// the numbered migrations embedded from migrations/*.sql.
//
// # Read-only
//
// With store.Options.ReadOnly the file is opened with SQLite's mode=ro:
// nothing is written to it, it is not created when missing, and its
// schema is checked, not upgraded. A reader of a WAL database needs the
// -shm index beside it; SQLite creates it where the folder is writable.
// In a folder the reader cannot write (a shared dataset, a read-only
// mount) it cannot, and the database is then opened as immutable
// (immutable=1), provided no -wal file with content lies beside it: the
// writer closed it cleanly, so every committed transaction is in the
// database file. Immutable means SQLite takes no locks and looks for no
// change, so such a file must not be written while it is read. When a
// -wal file holds transactions not yet in the database (its writer is
// running or crashed) and there is no -shm file, they cannot be read
// without writing, and Open says so rather than show the data without
// them.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"time"

	"modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

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
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return nil, fmt.Errorf("sqlite %s: is a directory", path)
	case err != nil && opt.ReadOnly:
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	q := url.Values{}
	for _, p := range append([]string{
		fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()),
		"foreign_keys(1)",
		// Statement journals (multi-row INSERTs write them) and
		// sorts stay in memory instead of temporary files.
		"temp_store(MEMORY)",
		"cache_size(-65536)", // KiB: 64 MiB of page cache per connection
		// Reads map the file (up to the 2 GB SQLite is built to map)
		// instead of copying each page into every connection's cache:
		// concurrent readers share the OS's pages, and an event page
		// takes a third of the system time.
		"mmap_size(2147418112)",
	}, pragmas...) {
		q.Add("_pragma", p)
	}
	var db *sql.DB
	if opt.ReadOnly {
		db, err = openReadOnly(ctx, path, q)
	} else {
		// NORMAL in WAL mode loses no committed transaction on a crash of
		// annals, only possibly the last ones on a power cut, and makes
		// commits several times faster than FULL.
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
		db, err = sql.Open("sqlite", dsn(path, q))
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	s, err := sqlstore.OpenEmbedded(ctx, db, dialect, migrations, "migrations", opt, path)
	if err != nil {
		return nil, err
	}
	return &Store{s}, nil
}

// dsn is the driver's name for the file at path with the parameters q.
func dsn(path string, q url.Values) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// openReadOnly opens path with mode=ro, or, when SQLite cannot read it so
// because the folder is read-only and the write-ahead log is empty, as
// immutable (see the package documentation).
func openReadOnly(ctx context.Context, path string, q url.Values) (*sql.DB, error) {
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite", dsn(path, q))
	if err != nil {
		return nil, err
	}
	// The first read opens the WAL index, which is where a read-only
	// folder fails.
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(new(int))
	if err == nil {
		return db, nil
	}
	db.Close()
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil, err
	}
	switch se.Code() {
	case sqlite3.SQLITE_READONLY_DIRECTORY, sqlite3.SQLITE_READONLY_CANTINIT, sqlite3.SQLITE_CANTOPEN:
	default:
		return nil, err
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil, fmt.Errorf("%s-wal holds transactions not yet in the database, which SQLite cannot read in a folder this process may not write: "+
			"open the database once where it can be written, or copy the database with its -wal file to a folder you can write", path)
	}
	q.Set("immutable", "1")
	return sql.Open("sqlite", dsn(path, q))
}

func dialect(m fs.FS) sqlstore.Dialect {
	return sqlstore.Dialect{
		Name:       "sqlite",
		Migrations: m,
		TextMatch: func(m string) string {
			return m + ".id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)"
		},
		TextQuery: ftsQuery,
		TextProbe: func(m string) string {
			return "EXISTS (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid = " + m + ".id)"
		},
		TextCount: `SELECT count(*) FROM (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?)`,
		// A BLOB a sixth to a quarter of the JSON's size (docs/store.md).
		CompactRecords: true,
		// 0x10002 also analyzes tables never analyzed. Statistics from a
		// full ANALYZE (no analysis_limit: sampled ones made every index
		// look alike) let the planner pick the most selective filter; it
		// runs again only when a table has grown tenfold.
		Optimize:      "PRAGMA optimize=0x10002",
		Size:          `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`,
		IndexMentions: `INSERT INTO mentions_fts (rowid, sentence) SELECT id, sentence FROM mentions WHERE id > ?`,
		Compact: []string{
			"INSERT INTO mentions_fts (mentions_fts) VALUES ('optimize')", // merge the full-text index's segments
			"VACUUM",
			"ANALYZE",
			"PRAGMA wal_checkpoint(TRUNCATE)",
		},
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
