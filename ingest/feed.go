package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	gojson "github.com/mmcdole/gofeed/json"

	"github.com/annals/annals/event"
)

// FeedItem is one entry of an RSS, Atom or JSON feed.
type FeedItem struct {
	// Key identifies the item across polls: its guid (RSS) or id (Atom,
	// JSON Feed), else its link, else a hash of its title, date and text.
	Key       string
	Title     string
	Link      string // absolute when the feed gives an xml:base
	Author    string
	Published time.Time // published, else updated; zero when absent or unreadable
	Content   string    // the item's own text (full content, else description or summary), HTML removed

	// legacyKey is the key annals may have given the item before it
	// read feeds with gofeed; watch states written then know the item
	// by it.
	legacyKey string
}

// FeedDoc is a parsed feed.
type FeedDoc struct {
	Title string
	Items []FeedItem
	// Repairs says what was changed in the input to read it (invalid
	// UTF-8, characters XML forbids); empty for a clean feed.
	Repairs []string
}

// ErrNotFeed reports input that is not an RSS, Atom or JSON feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// ParseFeed reads an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed with
// gofeed, which copes with what real feeds do (HTML entities, unescaped
// markup, namespaced elements beside the item's own, xml:base, any declared
// charset). Before that it repairs what would make the XML decoder reject
// the whole feed: invalid UTF-8 in a UTF-8 feed becomes U+FFFD, and
// characters XML forbids, raw or as character references, are dropped.
// Titles and content go through annals' own HTML-to-text step.
func ParseFeed(data []byte) (*FeedDoc, error) {
	data, repairs := repairFeed(data)
	f, err := gofeedParse(data)
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return nil, ErrNotFeed
	case err != nil:
		return nil, fmt.Errorf("feed: %w", err)
	case f.FeedType == "json" && f.FeedVersion == "":
		// gofeed takes any JSON object for a feed.
		return nil, fmt.Errorf("%w: JSON without a JSON Feed version", ErrNotFeed)
	}
	plain := plainContent(f)
	out := &FeedDoc{Title: oneLine(htmlFragmentText(f.Title)), Repairs: repairs, Items: make([]FeedItem, 0, len(f.Items))}
	for i, it := range f.Items {
		fi := FeedItem{
			Title:     oneLine(htmlFragmentText(it.Title)),
			Link:      strings.TrimSpace(it.Link),
			Published: itemDate(it),
		}
		// JSON Feed 1.1 gives authors only as a list.
		if a := it.Author; a != nil {
			fi.Author = firstNonEmpty(a.Name, a.Email)
		} else if len(it.Authors) > 0 && it.Authors[0] != nil {
			fi.Author = firstNonEmpty(it.Authors[0].Name, it.Authors[0].Email)
		}
		switch {
		case strings.TrimSpace(it.Content) == "":
			fi.Content = htmlFragmentText(it.Description)
		case plain[i]:
			fi.Content = it.Content
		default:
			fi.Content = htmlFragmentText(it.Content)
		}
		fi.Key = firstNonEmpty(it.GUID, fi.Link)
		if fi.Key == "" {
			fi.Key = contentKey(fi)
		}
		if strings.TrimSpace(it.GUID) == "" && fi.Title != fi.Key {
			// annals' own parser keyed these by title when they had
			// no link, or when an atom:link blanked the link.
			fi.legacyKey = fi.Title
		}
		out.Items = append(out.Items, fi)
	}
	return out, nil
}

// gofeedParse runs gofeed on data. gofeed panics on some malformed input
// (a JSON Feed item that is null); that becomes an error.
func gofeedParse(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("malformed feed (gofeed: %v)", r)
		}
	}()
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // for the type of each item's content
	// annals keeps no item images; finding them parses each item's HTML.
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	return p.Parse(bytes.NewReader(data))
}

// itemDate is an item's publication date, else its last update: gofeed's
// reading first, then annals' own date forms for what gofeed cannot read.
func itemDate(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		return it.UpdatedParsed.UTC()
	}
	return publishedOf(it.Published, it.Updated)
}

// plainContent reports, for each item, whether its content is plain text
// (JSON Feed content_text, Atom type="text"), whose line breaks an HTML
// reading would lose. RSS content is HTML whatever it claims.
func plainContent(f *gofeed.Feed) []bool {
	plain := make([]bool, len(f.Items))
	switch orig := f.OriginalFeed().(type) {
	case *gojson.Feed:
		for i, it := range orig.Items[:min(len(plain), len(orig.Items))] {
			plain[i] = it != nil && it.ContentHTML == "" && it.ContentText != ""
		}
	case *atom.Feed:
		// Only a declared text type: careless feeds put markup in
		// content without one.
		for i, e := range orig.Entries[:min(len(plain), len(orig.Entries))] {
			if e != nil && e.Content != nil {
				t := strings.ToLower(e.Content.Type)
				plain[i] = t == "text" || t == "text/plain"
			}
		}
	}
	return plain
}

// contentKey identifies an item that has neither id nor link.
func contentKey(it FeedItem) string {
	h := sha256.Sum256([]byte(it.Title + "\x00" + it.Published.Format(time.RFC3339) + "\x00" + it.Content))
	return "sha256:" + hex.EncodeToString(h[:16])
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// charRef matches a numeric character reference.
var charRef = regexp.MustCompile(`&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));`)

// repairFeed makes data readable by decoders that refuse a whole document
// for one bad character. In XML it drops characters XML forbids, raw or as
// character references, and in a UTF-8 feed replaces invalid UTF-8 with
// U+FFFD; in JSON it drops raw control characters. Feeds in other
// encodings lose only control bytes, which mean the same in all the
// ASCII-compatible ones; UTF-16 is left to the decoder.
func repairFeed(data []byte) ([]byte, []string) {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 512)], []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || bytes.IndexByte(head, 0) >= 0 || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return data, nil // empty, or UTF-16
	}
	var repairs []string
	dropped := 0
	switch {
	case head[0] == '{':
		data, dropped = dropControls(data)
	case xmlDeclaresUTF8(head):
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
			repairs = append(repairs, "invalid UTF-8 replaced by U+FFFD")
		}
		data = bytes.Map(func(r rune) rune {
			if !xmlChar(r) {
				dropped++
				return -1
			}
			return r
		}, data)
	default:
		data, dropped = dropControls(data)
	}
	if head[0] != '{' {
		data = charRef.ReplaceAllFunc(data, func(ref []byte) []byte {
			m := charRef.FindSubmatch(ref)
			n, err := strconv.ParseUint(string(m[2]), 10, 32)
			if len(m[1]) > 0 {
				n, err = strconv.ParseUint(string(m[1]), 16, 32)
			}
			if err != nil || xmlChar(rune(n)) {
				return ref
			}
			dropped++
			return nil
		})
	}
	if dropped > 0 {
		repairs = append(repairs, fmt.Sprintf("%d control or non-XML characters dropped", dropped))
	}
	return data, repairs
}

// dropControls removes the C0 control bytes other than tab, LF and CR.
// They never occur inside a multi-byte UTF-8 sequence, so this is safe in
// any ASCII-compatible encoding.
func dropControls(data []byte) ([]byte, int) {
	n := 0
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			n++
		}
	}
	if n == 0 {
		return data, 0
	}
	out := make([]byte, 0, len(data)-n)
	for _, b := range data {
		if b >= 0x20 || b == '\t' || b == '\n' || b == '\r' {
			out = append(out, b)
		}
	}
	return out, n
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// xmlEncoding matches the encoding in an XML declaration.
var xmlEncoding = regexp.MustCompile(`^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// xmlDeclaresUTF8 reports whether the XML document starting with head is
// read as UTF-8: declared so, or declaring nothing, which means UTF-8.
func xmlDeclaresUTF8(head []byte) bool {
	m := xmlEncoding.FindSubmatch(head)
	if m == nil {
		return true
	}
	enc := strings.ToLower(string(m[1]))
	return enc == "utf-8" || enc == "utf8"
}

// readFeed yields one document per feed item.
func readFeed(ctx context.Context, name string, data []byte, opts *Options, yield func(Item) bool) bool {
	feed, err := ParseFeed(data)
	if err != nil {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: %w", name, err)})
	}
	for _, r := range feed.Repairs {
		opts.warn(name, "%s", r)
	}
	for i, it := range feed.Items {
		if ctx.Err() != nil {
			return false
		}
		if !yield(feedItemDoc(ctx, fmt.Sprintf("%s[%d]", name, i+1), feed.Title, it, opts)) {
			return false
		}
	}
	return true
}

// feedItemDoc makes a document of a feed item, fetching the linked article
// when asked to; the item's own content is the fallback.
func feedItemDoc(ctx context.Context, input, feedTitle string, it FeedItem, opts *Options) Item {
	doc := &event.Document{URL: it.Link, Title: it.Title, Author: it.Author, Source: feedTitle, Published: it.Published, Text: it.Content}
	if opts.FetchArticles && opts.Fetcher != nil && isURL(it.Link) {
		page, err := fetchArticle(ctx, it.Link, opts)
		switch {
		case err != nil:
			opts.warn(input, "article not fetched, using the feed's text: %v", err)
		case page.Text != "":
			doc.Text = page.Text
			if doc.Author == "" {
				doc.Author = page.Author
			}
			if doc.Published.IsZero() {
				doc.Published = page.Published
			}
		}
	}
	return finish(input, doc, opts)
}

// fetchArticle fetches and extracts one HTML page.
func fetchArticle(ctx context.Context, url string, opts *Options) (*event.Document, error) {
	resp, err := opts.Fetcher.Fetch(ctx, Request{URL: url, Untrusted: true}) // the feed's author chose the link
	if err != nil {
		return nil, err
	}
	return ParseHTML(resp.Body, resp.ContentType)
}
