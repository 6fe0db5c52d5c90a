// Package sqlstore implements store.Store over database/sql for both
// backends; a Dialect holds what differs between SQLite and PostgreSQL
// (placeholders, locking, full-text search, migrations).
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annals/annals/store"
)

// Dialect is what one SQL backend does its own way.
type Dialect struct {
	// Name is "sqlite" or "postgres", for messages.
	Name string
	// Numbered rewrites ? placeholders to $1, $2, ... (PostgreSQL).
	Numbered bool
	// Migrations holds NNNN_name.sql files applied in order.
	Migrations fs.FS
	// LockMigrations serializes migrations across processes inside tx;
	// nil when the transaction itself is exclusive (SQLite).
	LockMigrations func(ctx context.Context, tx *sql.Tx) error
	// LockFolds takes transaction-scoped locks on fold-key hashes, given
	// sorted, so that concurrent writers fold one event at a time; nil when
	// a write transaction is exclusive anyway (SQLite).
	LockFolds func(ctx context.Context, tx *sql.Tx, keys []int64) error
	// LockAll keeps every writer out until tx ends, for the rollup
	// rebuild and prune; nil when a write transaction is exclusive anyway
	// (SQLite).
	LockAll func(ctx context.Context, tx *sql.Tx) error
	// TextMatch returns a condition, with one placeholder for the query,
	// that the sentence of mention alias m matches; TextQuery turns the
	// user's words into that placeholder's value.
	TextMatch func(m string) string
	TextQuery func(words string) string
	// TextProbe, where set, is the condition of TextMatch tested for one
	// mention at a time (SQLite: its rowid looked up in the full-text
	// index) rather than by listing every match first, and TextCount
	// counts a query's matches up to its second placeholder: a listing
	// of a common word then reads the events newest first and probes
	// each (see probeText). Nil where the database weighs this itself
	// (PostgreSQL).
	TextProbe func(m string) string
	TextCount string
	// Unavailable reports whether err, from the database driver, is a
	// failure of the database that passes by itself (see
	// store.ErrUnavailable); nil when there is none to tell.
	Unavailable func(err error) bool
	// Optimize refreshes the query planner's statistics; it runs when a
	// store opens and closes. Empty where the server keeps them itself
	// (PostgreSQL's autovacuum).
	Optimize string
	// IndexMentions, when set, adds the sentences of the mentions whose
	// id is above its one placeholder to the full-text index: run once a
	// batch, in its transaction, where the index is not kept by the
	// database itself (SQLite's FTS5; PostgreSQL's GIN index keeps
	// itself, batching in its pending list).
	IndexMentions string
	// CompactRecords stores mentions' records in the compact encoding
	// (encodeRecord) rather than as JSON; the column must hold bytes
	// (SQLite's hold anything). Both are read either way.
	CompactRecords bool
	// Bulk, where set, gives the write path what the driver does beyond
	// database/sql on driverConn, its connection under a transaction
	// (database/sql's Conn.Raw): PostgreSQL's COPY and pipelined
	// statements. The write path then copies new rows and binds arrays
	// (unnest) for the rest: see bulk.go.
	Bulk func(driverConn any) (Bulk, error)
	// Size selects the bytes the database takes on disk.
	Size string
	// Compact reclaims the space of deleted rows and refreshes the
	// planner's statistics, statement by statement, outside a
	// transaction.
	Compact []string
}

// DB is a store.Store over a *sql.DB.
type DB struct {
	db   *sql.DB
	d    Dialect
	opt  store.Options
	name string // what the database is, for error messages: a path or host
	st   stmts
}

// OpenEmbedded is Open for a backend whose migrations are the files of dir
// in fsys, given to dialect; it closes db when opening fails.
func OpenEmbedded(ctx context.Context, db *sql.DB, dialect func(fs.FS) Dialect, fsys fs.FS, dir string, opt store.Options, name string) (*DB, error) {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s, err := Open(ctx, db, dialect(sub), opt, name)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// idleConns is how many connections the pool keeps open between queries.
// database/sql keeps two and closes the others, so concurrent readers (the
// API's clients) would each open one anew: on SQLite a connection that
// reads the schema again and starts with a cold page cache, on PostgreSQL
// a new server process.
const idleConns = 16

// Open wraps db, which must be reachable, applies pending migrations and
// prepares the write statements; with opt.ReadOnly it only checks the
// schema version. name says which database it is (file path, host) in
// errors.
func Open(ctx context.Context, db *sql.DB, d Dialect, opt store.Options, name string) (*DB, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.FoldWindowDays < 0 {
		return nil, fmt.Errorf("%s %s: fold window %d days is negative", d.Name, name, opt.FoldWindowDays)
	}
	s := &DB{db: db, d: d, opt: opt, name: name}
	db.SetMaxIdleConns(idleConns)
	if err := db.PingContext(ctx); err != nil {
		return nil, s.errf(err, "connect")
	}
	if opt.ReadOnly {
		if err := s.checkSchema(ctx); err != nil {
			return nil, err
		}
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.prepare(ctx); err != nil {
		return nil, err
	}
	if err := s.optimize(ctx); err != nil {
		s.st.close()
		return nil, err
	}
	return s, nil
}

// optimize refreshes the planner's statistics, which writes them: a
// read-only store leaves them as they are.
func (s *DB) optimize(ctx context.Context) error {
	if s.d.Optimize == "" || s.opt.ReadOnly {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, s.d.Optimize); err != nil {
		return s.errf(err, "optimize")
	}
	return nil
}

// Close refreshes the planner's statistics, closes the prepared statements
// and the database.
func (s *DB) Close() error {
	err := s.optimize(context.Background())
	s.st.close()
	if cerr := s.db.Close(); cerr != nil {
		return s.errf(cerr, "close")
	}
	return err
}

// errf wraps err with the backend, the database and what was being done,
// and with store.ErrUnavailable when the dialect says the database failed.
func (s *DB) errf(err error, format string, args ...any) error {
	if s.d.Unavailable != nil && !errors.Is(err, store.ErrUnavailable) && s.d.Unavailable(err) {
		err = fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return fmt.Errorf("%s %s: %s: %w", s.d.Name, s.name, fmt.Sprintf(format, args...), err)
}

// q rewrites a query's placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// migration is one file of the dialect's migrations.
type migration struct {
	file    string
	version int
}

// migrations lists the dialect's migrations in order.
func (s *DB) migrations() ([]migration, error) {
	files, err := fs.Glob(s.d.Migrations, "*.sql")
	if err != nil {
		return nil, s.errf(err, "list migrations")
	}
	sort.Strings(files)
	ms := make([]migration, len(files))
	for i, f := range files {
		v, err := strconv.Atoi(strings.SplitN(f, "_", 2)[0])
		if err != nil {
			return nil, s.errf(err, "migration %s: name must start with its version number", f)
		}
		ms[i] = migration{f, v}
	}
	return ms, nil
}

// migrate applies the dialect's migrations not yet recorded in
// schema_version, each in its own transaction.
func (s *DB) migrate(ctx context.Context) error {
	ms, err := s.migrations()
	if err != nil {
		return err
	}
	if err := s.createSchemaVersion(ctx); err != nil {
		return err
	}
	for _, m := range ms {
		if err := s.applyMigration(ctx, m.file, m.version); err != nil {
			return err
		}
	}
	return nil
}

// checkSchema stands in for migrate when the store is read-only: it
// changes nothing, and fails unless the database has the schema the
// migrations make, because queries written for one schema misread
// another.
func (s *DB) checkSchema(ctx context.Context) error {
	ms, err := s.migrations()
	if err != nil {
		return err
	}
	want := 0
	if len(ms) > 0 {
		want = ms[len(ms)-1].version
	}
	have, err := s.SchemaVersion(ctx)
	switch {
	case err != nil:
		return fmt.Errorf("%w (is it an annals database?)", err)
	case have < want:
		return s.errf(store.ErrSchema, "schema version %d is older than the %d this annals reads, and a read-only store is not upgraded: "+
			"run a command that writes (annals ingest) on it once, or read it with the annals that made it", have, want)
	case have > want:
		return s.errf(store.ErrSchema, "schema version %d is newer than the %d this annals knows: read it with a newer annals", have, want)
	}
	return nil
}

// createSchemaVersion makes the table of applied migrations under the
// migration lock: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe
// against itself, and two workers starting together would collide on the
// table's type name.
func (s *DB) createSchemaVersion(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errf(err, "begin creating schema_version")
	}
	defer tx.Rollback()
	if s.d.LockMigrations != nil {
		if err := s.d.LockMigrations(ctx, tx); err != nil {
			return s.errf(err, "lock for creating schema_version")
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return s.errf(err, "create schema_version")
	}
	if err := tx.Commit(); err != nil {
		return s.errf(err, "commit schema_version")
	}
	return nil
}

func (s *DB) applyMigration(ctx context.Context, file string, version int) error {
	body, err := fs.ReadFile(s.d.Migrations, file)
	if err != nil {
		return s.errf(err, "read migration %s", file)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.errf(err, "begin migration %s", file)
	}
	defer tx.Rollback()
	if s.d.LockMigrations != nil {
		if err := s.d.LockMigrations(ctx, tx); err != nil {
			return s.errf(err, "lock for migration %s", file)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_version WHERE version = ?`), version).Scan(&n); err != nil {
		return s.errf(err, "read schema_version")
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return s.errf(err, "apply migration %s", file)
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`), version, s.opt.Now().Unix()); err != nil {
		return s.errf(err, "record migration %s", file)
	}
	if err := tx.Commit(); err != nil {
		return s.errf(err, "commit migration %s", file)
	}
	return nil
}

// SchemaVersion returns the highest migration applied.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, s.errf(err, "read schema_version")
	}
	return int(v.Int64), nil
}

// Stats counts documents, events and mentions.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM mentions)`).
		Scan(&st.Documents, &st.Events, &st.Mentions)
	if err != nil {
		return st, s.errf(err, "count rows")
	}
	return st, nil
}

// DiskSize returns the bytes the database takes on disk (for SQLite the
// file without its write-ahead log).
func (s *DB) DiskSize(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, s.d.Size).Scan(&n); err != nil {
		return 0, s.errf(err, "size on disk")
	}
	return n, nil
}

var errBadCursor = errors.New("malformed page cursor")
