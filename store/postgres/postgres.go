// Package postgres is the annals store for many writers: worker processes
// on many machines coding feeds into one PostgreSQL database through pgx.
//
// Nothing relies on an in-process lock. A document is unique by its
// content hash (and its id) and inserted with INSERT ... ON CONFLICT DO
// NOTHING, so two workers saving the same article store it once. Folding takes a
// transaction-scoped advisory lock on a hash of each fold base (one of
// 1,024 slots, which bounds the locks a batch holds; actors,
// code, place) before looking for the event to fold into, so two workers
// reporting the same event at once fold into one row; the locks are taken
// in sorted order, and documents inserted in hash order, so concurrent
// batches cannot deadlock. A unique index on (fold_base, day) backs this up.
// The schema comes from the numbered migrations in migrations/*.sql, applied
// under an advisory lock so that workers starting together apply each once.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrationLock is the advisory lock key that serializes migrations
// ("annals" in ASCII).
const migrationLock = 0x616e6e616c73

// Store is a PostgreSQL store.
type Store struct {
	*sqlstore.DB
}

var _ store.Store = (*Store)(nil)

// Open connects to the database dsn names (a URL or key=value string, as
// libpq takes) and brings its schema up to date. With opt.ReadOnly it
// checks the schema instead and its sessions are read-only
// (default_transaction_read_only), so a role that may only SELECT can
// query. Errors name the host and database, never the password.
func Open(ctx context.Context, dsn string, opt store.Options) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: bad DSN (not shown: it may hold a password): %s", parseReason(err))
	}
	name := fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	if opt.ReadOnly {
		// The server refuses any write then, whatever the role may do.
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	db := stdlib.OpenDB(*cfg)
	s, err := sqlstore.OpenEmbedded(ctx, db, dialect, migrations, "migrations", opt, name)
	if err != nil {
		return nil, err
	}
	return &Store{s}, nil
}

// parseReason is why pgx could not parse a DSN, without the DSN: pgx
// masks the passwords of a DSN it cannot parse only as far as it can tell
// where they are (not in "password = x", for one), and the error it wraps
// may quote parts of the DSN.
func parseReason(err error) string {
	var pe *pgconn.ParseConfigError
	if !errors.As(err, &pe) {
		return "unreadable"
	}
	// pe reads "cannot parse `DSN`: reason" or "... reason (wrapped)".
	msg := pe.Error()
	if inner := pe.Unwrap(); inner != nil {
		msg = strings.TrimSuffix(msg, " ("+inner.Error()+")")
	}
	if i := strings.LastIndex(msg, "`: "); i >= 0 {
		return msg[i+len("`: "):]
	}
	return "unreadable"
}

func dialect(m fs.FS) sqlstore.Dialect {
	return sqlstore.Dialect{
		Name:       "postgres",
		Numbered:   true,
		Migrations: m,
		LockMigrations: func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock))
			return err
		},
		LockFolds: func(ctx context.Context, tx *sql.Tx, keys []int64) error {
			// unnest keeps the array's (sorted) order, so one round trip
			// takes the locks in the order that rules out deadlocks.
			_, err := tx.ExecContext(ctx, `SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`, keys)
			return err
		},
		LockAll: func(ctx context.Context, tx *sql.Tx) error {
			// Writers hold ROW EXCLUSIVE on events from their first
			// insert or update to their commit; SHARE waits for them and
			// keeps new ones out.
			_, err := tx.ExecContext(ctx, `LOCK TABLE events IN SHARE MODE`)
			return err
		},
		Bulk: func(dc any) (sqlstore.Bulk, error) {
			c, ok := dc.(*stdlib.Conn)
			if !ok {
				return nil, fmt.Errorf("driver connection %T is not pgx's", dc)
			}
			return bulk{c.Conn()}, nil
		},
		TextMatch: func(m string) string {
			return "to_tsvector('simple', " + m + ".sentence) @@ plainto_tsquery('simple', ?)"
		},
		TextQuery: strings.TrimSpace,
		// Plain VACUUM makes the space of deleted rows reusable without
		// locking the tables out (VACUUM FULL would, to give it back).
		Compact:     []string{"VACUUM (ANALYZE)"},
		Size:        `SELECT pg_database_size(current_database())`,
		Unavailable: unavailable,
	}
}

// unavailable reports whether err is a failure of the connection to the
// database or of its availability, which passes by itself, rather than one
// caused by what was asked: the SQLSTATE classes of connection exceptions,
// transaction rollbacks (serialization failure, deadlock), insufficient
// resources, operator intervention (shutdown, pg_terminate_backend) and
// system errors, and the network errors of a broken connection.
func unavailable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code[:2] {
		case "08", "40", "53", "57", "58":
			return true
		}
		return false
	}
	var netErr net.Error
	var connErr *pgconn.ConnectError
	return errors.As(err, &netErr) || errors.As(err, &connErr) || pgconn.SafeToRetry(err) || pgconn.Timeout(err) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		isClosedConn(err)
}

// isClosedConn catches pgx's "conn closed", which carries no type of its
// own and is what a connection killed between two statements reports.
func isClosedConn(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "conn closed" {
			return true
		}
	}
	return false
}

// bulk is COPY and pipelining on the pgx connection of a transaction.
type bulk struct{ c *pgx.Conn }

func (b bulk) Copy(ctx context.Context, table string, cols []string, rows [][]any) error {
	_, err := b.c.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	return err
}

func (b bulk) Pipeline(ctx context.Context, queries []string, args [][]any) error {
	var batch pgx.Batch
	for i, q := range queries {
		batch.Queue(q, args[i]...)
	}
	res := b.c.SendBatch(ctx, &batch)
	for range queries {
		if _, err := res.Exec(); err != nil {
			res.Close()
			return err
		}
	}
	return res.Close()
}
