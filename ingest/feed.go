package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/annals/annals/event"
)

// FeedItem is one entry of an RSS or Atom feed.
type FeedItem struct {
	Key       string // what identifies the item across polls: guid, Atom id, else link, else title
	Title     string
	Link      string
	Author    string
	Published time.Time // zero when absent or unreadable
	Content   string    // the item's own text (content:encoded, else description or summary), HTML removed
}

// FeedDoc is a parsed feed.
type FeedDoc struct {
	Title string
	Items []FeedItem
}

// ErrNotFeed reports XML that is neither RSS nor Atom.
var ErrNotFeed = errors.New("not an RSS or Atom feed")

// xmlText keeps both readings of an element: its character data (text, or
// escaped HTML) and its raw inner XML (Atom type="xhtml").
type xmlText struct {
	Type  string `xml:"type,attr"`
	Chars string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

func (t xmlText) text() string {
	if strings.EqualFold(t.Type, "xhtml") {
		return htmlFragmentText(t.Inner)
	}
	// RSS descriptions are HTML whatever they claim; plain text goes
	// through the HTML reader unchanged.
	return htmlFragmentText(t.Chars)
}

type rssItem struct {
	Title       xmlText `xml:"title"`
	Link        string  `xml:"link"`
	GUID        string  `xml:"guid"`
	About       string  `xml:"about,attr"`
	PubDate     string  `xml:"pubDate"`
	DCDate      string  `xml:"http://purl.org/dc/elements/1.1/ date"`
	Description xmlText `xml:"description"`
	Encoded     xmlText `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Author      string  `xml:"author"`
	Creator     string  `xml:"http://purl.org/dc/elements/1.1/ creator"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

type atomEntry struct {
	Title     xmlText    `xml:"title"`
	ID        string     `xml:"id"`
	Links     []atomLink `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Issued    string     `xml:"issued"` // Atom 0.3
	Summary   xmlText    `xml:"summary"`
	Content   xmlText    `xml:"content"`
	Author    struct {
		Name string `xml:"name"`
	} `xml:"author"`
}

type xmlFeed struct {
	XMLName xml.Name
	Title   xmlText     `xml:"title"`
	Entries []atomEntry `xml:"entry"`
	Items   []rssItem   `xml:"item"` // RSS 1.0 puts items beside the channel
	Channel struct {
		Title xmlText   `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
}

// voidElems are HTML's empty elements, which careless feeds leave
// unclosed inside items. xml.HTMLAutoClose would also close <link>, which
// holds the item URL in RSS.
var voidElems = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "meta", "param", "source", "track", "wbr"}

// ParseFeed reads an RSS 2.0, RSS 1.0 or Atom feed. It is lenient the way
// feed readers must be: HTML entities, unclosed HTML tags and any declared
// charset are accepted.
func ParseFeed(data []byte) (*FeedDoc, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = voidElems
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var f xmlFeed
	if err := d.Decode(&f); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	out := &FeedDoc{}
	switch strings.ToLower(f.XMLName.Local) {
	case "rss", "rdf":
		out.Title = f.Channel.Title.text()
		for _, it := range append(f.Channel.Items, f.Items...) {
			fi := FeedItem{
				Title:     it.Title.text(),
				Link:      strings.TrimSpace(it.Link),
				Author:    strings.TrimSpace(it.Creator),
				Published: publishedOf(it.PubDate, it.DCDate),
				Content:   it.Encoded.text(),
			}
			if fi.Author == "" {
				fi.Author = strings.TrimSpace(it.Author)
			}
			if fi.Content == "" {
				fi.Content = it.Description.text()
			}
			fi.Key = firstNonEmpty(it.GUID, it.About, fi.Link, fi.Title)
			out.Items = append(out.Items, fi)
		}
	case "feed":
		out.Title = f.Title.text()
		for _, e := range f.Entries {
			fi := FeedItem{
				Title:     e.Title.text(),
				Link:      atomHref(e.Links),
				Author:    strings.TrimSpace(e.Author.Name),
				Published: publishedOf(e.Published, e.Issued, e.Updated),
				Content:   e.Content.text(),
			}
			if fi.Content == "" {
				fi.Content = e.Summary.text()
			}
			fi.Key = firstNonEmpty(e.ID, fi.Link, fi.Title)
			out.Items = append(out.Items, fi)
		}
	default:
		return nil, fmt.Errorf("%w: root element <%s>", ErrNotFeed, f.XMLName.Local)
	}
	return out, nil
}

// atomHref picks an entry's alternate link (rel absent means alternate).
func atomHref(links []atomLink) string {
	for _, l := range links {
		if l.Rel == "" || l.Rel == "alternate" {
			return strings.TrimSpace(l.Href)
		}
	}
	if len(links) > 0 {
		return strings.TrimSpace(links[0].Href)
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// readFeed yields one document per feed item.
func readFeed(ctx context.Context, name string, data []byte, opts *Options, yield func(Item) bool) bool {
	feed, err := ParseFeed(data)
	if err != nil {
		return yield(Item{Input: name, Err: fmt.Errorf("ingest %s: %w", name, err)})
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
