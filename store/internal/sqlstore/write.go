package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// stmts are the statements of the write path, prepared once.
type stmts struct {
	insDoc, docByHash, sourceSeen, updEvent, updCounts, insEvent *sql.Stmt
	insMentions                                                  *sql.Stmt   // full chunks; parsing them is costly
	upsertRollups                                                []*sql.Stmt // full chunks of each rollup, in rollups order
}

func (st *stmts) all() []**sql.Stmt {
	if st.upsertRollups == nil {
		st.upsertRollups = make([]*sql.Stmt, len(rollups))
	}
	ps := []**sql.Stmt{&st.insDoc, &st.docByHash, &st.sourceSeen, &st.updEvent, &st.updCounts, &st.insEvent, &st.insMentions}
	for i := range st.upsertRollups {
		ps = append(ps, &st.upsertRollups[i])
	}
	return ps
}

func (st *stmts) close() {
	for _, p := range st.all() {
		if *p != nil {
			(*p).Close()
		}
	}
}

func (s *DB) prepare(ctx context.Context) error {
	queries := []string{
		`INSERT INTO documents (id, hash, url, title, author, source, published, text, doc_len, added)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		`SELECT id FROM documents WHERE hash = ?`,
		`SELECT count(*) FROM (SELECT 1 FROM mentions WHERE event_id = ? AND source_name = ? LIMIT 1) AS seen`,
		`UPDATE events SET num_mentions = num_mentions + ?, num_sources = num_sources + ?,
		   num_articles = num_articles + ?, confidence_sum = confidence_sum + ?, last_added = ? WHERE id = ?`,
		`UPDATE events SET ` + countSet() + ` WHERE id = ?`,
		insertEventSQL,
		insertMentionsSQL(chunkRows),
	}
	for _, r := range rollups {
		queries = append(queries, upsertSQL(r, chunkRows))
	}
	for i, p := range s.st.all() {
		st, err := s.db.PrepareContext(ctx, s.q(queries[i]))
		if err != nil {
			s.st.close()
			return s.errf(err, "prepare %.40q", queries[i])
		}
		*p = st
	}
	return nil
}

// pending is one document to save, checked and encoded before the
// transaction starts so that the transaction stays short.
type pending struct {
	doc    *event.Document
	hash   string
	id     string
	outlet string
	recs   []pendingRecord
}

type pendingRecord struct {
	rec      *event.Record
	base     string
	day, end int // first and last day of its date's period
	conf     int
	stored   any // the record as the mentions table stores it (see encodeRecord)
}

// SaveDocument saves one document in its own transaction.
func (s *DB) SaveDocument(ctx context.Context, doc *event.Document, records []event.Record) (store.SaveResult, error) {
	res, err := s.SaveBatch(ctx, []store.Item{{Doc: doc, Records: records}})
	if err != nil {
		return store.SaveResult{}, err
	}
	return res[0], nil
}

// SaveBatch saves items in one transaction.
func (s *DB) SaveBatch(ctx context.Context, items []store.Item) ([]store.SaveResult, error) {
	if s.opt.ReadOnly {
		return nil, s.errf(store.ErrReadOnly, "save")
	}
	now := s.opt.Now()
	ps := make([]pending, len(items))
	for i, it := range items {
		p, err := check(it, s.d.CompactRecords)
		if err != nil {
			return nil, fmt.Errorf("%s %s: save: %w", s.d.Name, s.name, err)
		}
		ps[i] = p
	}
	// Documents are inserted in hash order and fold locks taken in key
	// order, so concurrent batches always wait on each other in one order
	// and cannot deadlock.
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return ps[order[a]].hash < ps[order[b]].hash })

	tx, err := s.begin(ctx)
	if err != nil {
		return nil, s.errf(err, "begin save")
	}
	defer tx.Rollback()
	res := make([]store.SaveResult, len(ps))
	if tx.conn != nil {
		err = s.insertDocuments(ctx, tx, ps, order, res, now.Unix())
	} else {
		for _, i := range order {
			var skipped bool
			var id string
			if skipped, id, err = s.insertDocument(ctx, tx.Tx, &ps[i], now.Unix()); err != nil {
				break
			}
			res[i] = store.SaveResult{DocumentID: id, Skipped: skipped}
		}
	}
	if err != nil {
		return nil, err
	}
	var keys []int64
	for _, i := range order {
		if res[i].Skipped {
			continue
		}
		for _, r := range ps[i].recs {
			keys = append(keys, foldHash(r.base))
		}
	}
	if s.d.LockFolds != nil && len(keys) > 0 {
		slices.Sort(keys)
		if err := s.d.LockFolds(ctx, tx.Tx, slices.Compact(keys)); err != nil {
			return nil, s.errf(err, "lock fold keys")
		}
	}
	if err := s.fold(ctx, tx, ps, order, res, now.Unix()); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, s.errf(err, "commit save of %d documents", len(ps))
	}
	return res, nil
}

// check validates one item and encodes its records, compactly or as JSON.
func check(it store.Item, compact bool) (pending, error) {
	doc := it.Doc
	if doc == nil {
		return pending{}, errors.New("nil document")
	}
	name := doc.URL
	if name == "" {
		name = doc.ID
	}
	for _, f := range []struct{ name, v string }{
		{"text", doc.Text}, {"url", doc.URL}, {"title", doc.Title}, {"author", doc.Author}, {"source", doc.Source}, {"id", doc.ID},
	} {
		if err := checkText(f.v); err != nil {
			return pending{}, fmt.Errorf("document %q: %s: %w", name, f.name, err)
		}
	}
	id := doc.ID
	if id == "" {
		id = event.DocumentID(doc.Text)
	}
	hash := event.ContentHash(doc.Text)
	p := pending{doc: doc, hash: hash, id: id, outlet: store.Outlet(doc), recs: make([]pendingRecord, len(it.Records))}
	for i := range it.Records {
		r := &it.Records[i]
		for _, v := range recordStrings(r) {
			if err := checkText(v); err != nil {
				return pending{}, fmt.Errorf("document %q: record %d (%s): %w", name, i, r.ID, err)
			}
		}
		for _, c := range r.Counts {
			if err := store.CheckCount(c); err != nil {
				return pending{}, fmt.Errorf("document %q: record %d (%s): %w", name, i, r.ID, err)
			}
		}
		day, end, err := store.EventPeriod(r, doc)
		if err != nil {
			return pending{}, fmt.Errorf("document %q: record %d: %w", name, i, err)
		}
		var stored any
		if compact {
			stored = encodeRecord(nil, r)
		} else {
			j, err := json.Marshal(r)
			if err != nil {
				return pending{}, fmt.Errorf("document %q: record %d: encode: %w", name, i, err)
			}
			stored = string(j)
		}
		base := store.FoldBase(r)
		if day == store.NoDay {
			base = store.UndatedBase(base, hash)
		}
		p.recs[i] = pendingRecord{rec: r, base: base, day: day, end: end, conf: store.Confidence(r), stored: stored}
	}
	return p, nil
}

// checkText rejects what a database column cannot hold faithfully.
func checkText(v string) error {
	if !utf8.ValidString(v) {
		return errors.New("invalid UTF-8")
	}
	if strings.IndexByte(v, 0) >= 0 {
		return errors.New("NUL byte (binary data?)")
	}
	return nil
}

// recordStrings lists the strings of r that go into columns of their own.
func recordStrings(r *event.Record) []string {
	v := []string{r.Code, r.Root, r.Plover, string(r.Mode), r.Sentence.Text}
	for _, a := range []*event.Actor{r.Source, r.Target} {
		if a != nil {
			v = append(v, a.Code, a.Country)
		}
	}
	if l := r.Location; l != nil {
		v = append(v, l.Name, l.Country, l.Admin1, l.GazetteerID)
	}
	for _, c := range r.Counts {
		v = append(v, c.Text)
	}
	return v
}

// foldLockSlots bounds the fold locks a save takes. PostgreSQL's lock
// table holds some 64 locks a connection (max_locks_per_transaction),
// shared by all, and a batch of 20,000 records that took a lock a fold
// base failed with "out of shared memory". Bases share a slot by their
// hash: two writers of different bases in one slot wait for each other,
// which costs time, never correctness.
const foldLockSlots = 1024

// foldHash maps a fold base to the key of its lock, one of foldLockSlots.
func foldHash(base string) int64 {
	h := fnv.New64a()
	h.Write([]byte(base))
	return int64(h.Sum64() % foldLockSlots)
}

// HasDocument reports whether a document with the content hash is stored.
// It reads, so a read-only store answers too (without the statements
// prepared for writing).
func (s *DB) HasDocument(ctx context.Context, hash string) (bool, error) {
	var id string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id FROM documents WHERE hash = ?`), hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.errf(err, "look up document %.16s", hash)
	}
	return true, nil
}

// insertDocument inserts p's document unless its text is stored already.
func (s *DB) insertDocument(ctx context.Context, tx *sql.Tx, p *pending, added int64) (skipped bool, id string, err error) {
	d := p.doc
	var published int64
	if !d.Published.IsZero() {
		published = d.Published.Unix()
	}
	err = tx.StmtContext(ctx, s.st.insDoc).QueryRowContext(ctx, p.id, p.hash, d.URL, d.Title, d.Author, d.Source, published, d.Text, len(d.Text), added).Scan(&id)
	if err == nil {
		return false, id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, "", s.errf(err, "insert document %q", p.id)
	}
	// Every unique index arbitrates the conflict: naming only hash would
	// let two PostgreSQL writers of one document race on the id. So a
	// conflict may be the same text (skip) or the id of another text.
	err = tx.StmtContext(ctx, s.st.docByHash).QueryRowContext(ctx, p.hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, "", s.errf(errors.New("id already stored with another text"), "insert document %q", p.id)
	}
	if err != nil {
		return false, "", s.errf(err, "find stored document with the text of %q", p.id)
	}
	return true, id, nil
}
