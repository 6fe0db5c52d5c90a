// Package ingest turns the places users keep articles in into
// event.Documents: plain text files, folders, standard input, HTML pages,
// RSS, Atom and JSON feeds (with their linked articles), JSON Lines and CSV.
//
// Open streams: it walks folders and reads line-based files one record at a
// time, so a folder of a million articles never sits in memory at once. Each
// input yields Items; an input that cannot be read yields an Item with Err
// set and the batch goes on.
//
// Every document gets its text normalized (UTF-8, LF line ends, no BOM,
// trimmed), a content hash (SHA-256 of the text with whitespace runs
// collapsed) and, when the input gives no id, an ID derived from that hash.
// Invalid UTF-8 is repaired, not refused: each bad byte sequence becomes
// U+FFFD and a warning names the input. Binary input (NUL bytes or mostly
// control characters) is refused.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals/annals/event"
)

// DefaultMaxBytes is the largest input (a file, a fetched page, one JSON
// line) read when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// Format names an input format.
type Format string

// Formats Open understands. Auto picks one from the file extension, the
// HTTP content type or the first bytes.
const (
	Auto  Format = ""
	Text  Format = "text"
	HTML  Format = "html"
	Feed  Format = "feed" // RSS, Atom or JSON Feed
	JSONL Format = "jsonl"
	CSV   Format = "csv"
)

// Options tune Open.
type Options struct {
	// Format forces one format for every input; Auto detects it.
	Format Format
	// MaxBytes caps a single input; larger ones are refused with an error.
	// Zero means DefaultMaxBytes.
	MaxBytes int64
	// Fetcher fetches URL inputs and, when FetchArticles is set, the
	// articles feed items link to. URL inputs fail without one.
	Fetcher Fetcher
	// FetchArticles fetches the page each feed item links to and extracts
	// its main text; the item's own content is the fallback. The links are
	// fetched as untrusted requests (see Request.Untrusted).
	FetchArticles bool
	// UntrustedInputs says that URL inputs come from someone other than the
	// operator (a client of the API): they are fetched as untrusted
	// requests.
	UntrustedInputs bool
	// Warn receives non-fatal problems (skipped files, repaired text).
	Warn func(input, msg string)
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Item is one result of Open: a document, or the error of one input (or of
// one record of a multi-record input).
type Item struct {
	Input string          // the input as given, with ":LINE" for records of line-based files
	Doc   *event.Document // nil when Err is set
	Hash  string          // hex SHA-256 of the normalized text
	Err   error
}

// ErrBinary reports input that is not text.
var ErrBinary = errors.New("binary data, not text")

// ErrTooLarge reports input over Options.MaxBytes.
var ErrTooLarge = errors.New("input too large")

func (o *Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o *Options) warn(input, format string, args ...any) {
	if o.Warn != nil {
		o.Warn(input, fmt.Sprintf(format, args...))
	}
}

// Open returns the documents of inputs: file names, folder names, http(s)
// URLs or "-" for standard input. Folders are walked recursively; hidden
// entries, binaries and files of unknown type are skipped with a warning.
// Iteration stops early when ctx is cancelled.
func Open(ctx context.Context, inputs []string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			var ok bool
			switch {
			case in == "-":
				stdin := opts.Stdin
				if stdin == nil {
					stdin = os.Stdin
				}
				ok = readStream(ctx, "-", "", stdin, opts.Format, &opts, yield) // no URL: stdin is no place to go back to
			case isURL(in):
				ok = readURL(ctx, in, &opts, yield)
			default:
				ok = readPath(ctx, in, &opts, yield)
			}
			if !ok {
				return
			}
		}
	}
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// readPath reads a file or walks a folder.
func readPath(ctx context.Context, path string, opts *Options, yield func(Item) bool) bool {
	info, err := os.Stat(path)
	if err != nil {
		return yield(Item{Input: path, Err: fmt.Errorf("ingest %s: %w", path, err)})
	}
	if !info.IsDir() {
		return readFile(ctx, path, opts.Format, opts, yield)
	}
	// In a folder, binaries are skipped like files of unknown type; named
	// explicitly, they are errors.
	inFolder := func(it Item) bool {
		if errors.Is(it.Err, ErrBinary) {
			opts.warn(it.Input, "skipped: binary file")
			return true
		}
		return yield(it)
	}
	stopped := false
	walkErr := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if ctx.Err() != nil {
			return filepath.SkipAll
		}
		if err != nil {
			if !yield(Item{Input: p, Err: fmt.Errorf("ingest %s: %w", p, err)}) {
				stopped = true
				return filepath.SkipAll
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		f := opts.Format
		if f == Auto {
			f = formatByExt(p)
			if f == Auto {
				opts.warn(p, "skipped: unknown file type")
				return nil
			}
		}
		if !readFile(ctx, p, f, opts, inFolder) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil && !stopped {
		return yield(Item{Input: path, Err: fmt.Errorf("ingest %s: %w", path, walkErr)})
	}
	return !stopped
}

// formatByExt guesses a format from a file name; Auto when unknown.
func formatByExt(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".rss", ".atom", ".xml":
		return Feed
	case ".jsonl", ".ndjson":
		return JSONL
	case ".csv":
		return CSV
	}
	return Auto
}

func readFile(ctx context.Context, path string, f Format, opts *Options, yield func(Item) bool) bool {
	fh, err := os.Open(path)
	if err != nil {
		return yield(Item{Input: path, Err: fmt.Errorf("ingest %s: %w", path, err)})
	}
	defer fh.Close()
	if f == Auto {
		f = formatByExt(path)
	}
	return readStream(ctx, path, "file:"+path, fh, f, opts, yield)
}

// readStream reads one input of format f (Auto: sniffed) from r.
// name labels errors; url becomes Document.URL.
func readStream(ctx context.Context, name, url string, r io.Reader, f Format, opts *Options, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(8192)
	if err != nil && !errors.Is(err, io.EOF) {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: %w", name, err)})
	}
	if IsBinary(head) {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: %w", name, ErrBinary)})
	}
	if f == Auto {
		f = Sniff(head)
	}
	switch f {
	case JSONL:
		return readJSONL(ctx, name, br, opts, yield)
	case CSV:
		return readCSV(ctx, name, br, opts, yield)
	}
	data, err := readLimited(br, opts.maxBytes())
	if err != nil {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: %w", name, err)})
	}
	switch f {
	case HTML:
		doc, err := ParseHTML(data, "")
		if err != nil {
			return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: %w", name, err)})
		}
		doc.URL = url
		return yield(finish(name, doc, opts))
	case Feed:
		return readFeed(ctx, name, data, opts, yield)
	}
	if !utf8.Valid(data) {
		opts.warn(name, "invalid UTF-8 replaced by U+FFFD")
	}
	doc := ParseText(data)
	doc.URL = url
	return yield(finish(name, doc, opts))
}

// readLimited reads all of r, or fails with ErrTooLarge past max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// Sniff guesses the format of data from its first bytes: HTML, Feed, JSONL
// or Text.
func Sniff(data []byte) Format {
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeftFunc(head, unicode.IsSpace)
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(lower, []byte("{")) && (bytes.Contains(lower, []byte(`jsonfeed.org/version/`)) || bytes.Contains(lower, []byte(`jsonfeed.org\/version\/`))):
		return Feed // JSON Feed, its slashes escaped or not: one object over many lines
	case bytes.HasPrefix(lower, []byte("{")):
		return JSONL
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return HTML
	case bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")), bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		return Feed
	case bytes.HasPrefix(lower, []byte("<?xml")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return Feed
		}
		return HTML
	case bytes.HasPrefix(lower, []byte("<")) && bytes.Contains(lower, []byte("<body")):
		return HTML
	}
	return Text
}

// IsBinary reports whether data looks like binary rather than text: a NUL
// byte, or more than 10% control characters, in its first 8 KiB. (UTF-16
// text has NUL bytes too, and is refused with the binaries.)
func IsBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// finish normalizes doc's text, sets its hash and, when missing, its ID, and
// wraps it in an Item. Text that is empty after normalization is an error.
func finish(input string, doc *event.Document, opts *Options) Item {
	if !utf8.ValidString(doc.Text) {
		opts.warn(input, "invalid UTF-8 replaced by U+FFFD")
	}
	doc.Text = NormalizeText(doc.Text)
	doc.Title = strings.Join(strings.Fields(strings.ToValidUTF8(doc.Title, "\uFFFD")), " ")
	doc.Author = strings.Join(strings.Fields(strings.ToValidUTF8(doc.Author, "\uFFFD")), " ")
	if doc.Text == "" {
		return Item{Input: input, Err: fmt.Errorf("ingest %s: no text", input)}
	}
	h := event.ContentHash(doc.Text)
	if doc.ID == "" {
		doc.ID = event.DocumentID(doc.Text)
	}
	return Item{Input: input, Doc: doc, Hash: h}
}

// NormalizeText makes s valid UTF-8 (bad bytes become U+FFFD), drops a byte
// order mark, turns CRLF and CR into LF, strips trailing spaces from lines
// and blank lines from both ends.
func NormalizeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}
