package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const articlePage = `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Port Reopens | The Harbour Gazette</title>
<meta property="og:title" content="Port reopens after strike">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="R. Quill">
<meta property="article:published_time" content="2021-06-03T08:30:00+02:00">
<style>p { color: red }</style>
<script>var tracking = "not text";</script>
</head><body>
<header class="site-header"><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
<div class="layout">
  <article>
    <h1>Port reopens after strike</h1>
    <p>Dock workers returned to the northern port on Thursday, ending a strike that had lasted nine days.</p>
    <p>The union said its members had accepted a new contract, which raises wages by four percent, and that
       <a href="/union">talks</a> on pensions would continue.</p>
    <div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a></div>
    <h2>Shipping backlog</h2>
    <p>Port officials expect the backlog of container ships to clear within two weeks, a spokesman said.</p>
  </article>
  <aside><h3>Most read</h3><p>Something else entirely that people read today, with many words in it.</p></aside>
</div>
<div class="related"><a href="/x">A related story with a long title about something</a></div>
<footer><p>Copyright The Harbour Gazette, all rights reserved, since long ago.</p></footer>
</body></html>`

func TestParseHTML(t *testing.T) {
	doc, err := ParseHTML([]byte(articlePage), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	want := "Port reopens after strike\n\n" +
		"Dock workers returned to the northern port on Thursday, ending a strike that had lasted nine days.\n\n" +
		"The union said its members had accepted a new contract, which raises wages by four percent, and that talks on pensions would continue.\n\n" +
		"Shipping backlog\n\n" +
		"Port officials expect the backlog of container ships to clear within two weeks, a spokesman said."
	if doc.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", doc.Text, want)
	}
	if doc.Title != "Port reopens after strike" || doc.Author != "R. Quill" || doc.Source != "The Harbour Gazette" {
		t.Errorf("meta: %q %q %q", doc.Title, doc.Author, doc.Source)
	}
	if got := doc.Published.Format(time.RFC3339); got != "2021-06-03T06:30:00Z" {
		t.Errorf("published %s", got)
	}
}

func TestHTMLMeta(t *testing.T) {
	body := `<body><div><p>Some text long enough to count as a paragraph of the article body.</p></div></body>`
	tests := []struct {
		name, head, title, author, date string
	}{
		{"title only", `<title>Plain</title>`, "Plain", "", ""},
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD head","datePublished":"2019-02-03T04:05:06Z","author":[{"@type":"Person","name":"A. B"},{"name":"C. D"}]}</script>`, "LD head", "A. B, C. D", "2019-02-03T04:05:06Z"},
		{"json-ld graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2019-02-03","author":{"name":"G"}}]}</script>`, "", "G", "2019-02-03T00:00:00Z"},
		{"time element", `<title>T</title></head><body><time datetime="2018-07-08T09:10:00Z">8 July</time>`, "T", "", "2018-07-08T09:10:00Z"},
		{"name=date", `<meta name="date" content="2017-05-06">`, "", "", "2017-05-06T00:00:00Z"},
		{"parsely", `<meta name="parsely-pub-date" content="2016-01-02T03:04:05Z"><meta name="parsely-author" content="P">`, "", "P", "2016-01-02T03:04:05Z"},
		{"sailthru", `<meta name="sailthru.date" content="Tue, 05 Jan 2016 10:00:00 GMT">`, "", "", "2016-01-05T10:00:00Z"},
		{"dc.date", `<meta name="DC.date" content="2015-04-05">`, "", "", "2015-04-05T00:00:00Z"},
		{"published before modified", `<meta property="article:modified_time" content="2020-01-02"><meta property="article:published_time" content="2020-01-01">`, "", "", "2020-01-01T00:00:00Z"},
		{"json-ld in cdata", `<script type="application/ld+json">
<![CDATA[ {"@type":"Article","datePublished":"2018-04-05T06:00"} ]]></script>`, "", "", "2018-04-05T06:00:00Z"},
		{"title site suffix", `<title>Harbour strike ends | The Gazette</title>`, "Harbour strike ends", "", ""},
		{"short title keeps suffix", `<title>New Zealand - Atlas</title>`, "New Zealand - Atlas", "", ""},
		{"known site name cut", `<meta property="og:title" content="Strike ends - Gazette"><meta property="og:site_name" content="Gazette">`, "Strike ends", "", ""},
		{"bad date skipped", `<meta property="article:published_time" content="soon"><meta name="date" content="2014-03-02">`, "", "", "2014-03-02T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseHTML([]byte("<html><head>"+tt.head+"</head>"+body+"</html>"), "")
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !doc.Published.IsZero() {
				date = doc.Published.Format(time.RFC3339)
			}
			if doc.Title != tt.title || doc.Author != tt.author || date != tt.date {
				t.Errorf("got %q %q %q, want %q %q %q", doc.Title, doc.Author, date, tt.title, tt.author, tt.date)
			}
		})
	}
}

func TestHTMLSelection(t *testing.T) {
	para := func(s string) string {
		return "<p>" + s + " is a sentence long enough, with a comma, to be scored as text.</p>"
	}
	tests := []struct{ name, in, want string }{
		{"hidden by style", `<body><div>` + para("Shown") + `<div style="display: none">` + para("Hidden") + `</div></div>`,
			"Shown is a sentence long enough, with a comma, to be scored as text."},
		{"article split across siblings", `<body><div><div class="part">` + para("One") + para("Two") + `</div><div class="part">` + para("Three") + para("Four") + `</div></div><div><a href="/">Home</a></div>`,
			"One is a sentence long enough, with a comma, to be scored as text.\n\nTwo is a sentence long enough, with a comma, to be scored as text.\n\nThree is a sentence long enough, with a comma, to be scored as text.\n\nFour is a sentence long enough, with a comma, to be scored as text."},
		{"misleading class retried", `<html class="ads-enabled"><body><div class="layout-sidebar-right">` + para("Kept") + `</div>`,
			"Kept is a sentence long enough, with a comma, to be scored as text."},
		// ASP.NET and other frameworks wrap the whole page in a <form>.
		{"page inside a form", `<body><form method="post" action="/story.aspx"><div class="masthead"><a href="/">Home</a></div><div class="story">` + para("One") + para("Two") + `</div><input type="submit" value="Search"></form>`,
			"One is a sentence long enough, with a comma, to be scored as text.\n\nTwo is a sentence long enough, with a comma, to be scored as text."},
		// A form inside the article is a widget.
		{"form inside the article", `<body><div class="story">` + para("One") + `<form action="/signup"><p>Sign up for the weekly letter, with news and views, every Friday morning.</p><input type="email"><button>Go</button></form>` + para("Two") + `</div>`,
			"One is a sentence long enough, with a comma, to be scored as text.\n\nTwo is a sentence long enough, with a comma, to be scored as text."},
		// The retry of a short result without class filters must not let
		// the comment thread in: it is longer than the post.
		{"short post over its comments", `<body><div class="post">` + para("Post") + `</div><div id="comments" class="comments-area"><ol class="comment-list">` +
			strings.Repeat(`<li class="comment">`+para("Reply")+para("Answer")+`</li>`, 3) + `</ol></div>`,
			"Post is a sentence long enough, with a comma, to be scored as text."},
		{"furniture by class", `<body><div>` + para("Body") + para("More") + `</div><div class="comments">` + para("Reader") + `</div>`,
			"Body is a sentence long enough, with a comma, to be scored as text.\n\nMore is a sentence long enough, with a comma, to be scored as text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseHTML([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text:\n%s\nwant:\n%s", doc.Text, tt.want)
			}
		})
	}
}

// story is five paragraphs of one made-up news story.
var story = []string{
	"Floodwaters receded from the lower town on Tuesday, leaving mud a metre deep in the market square, and the council said the bridge would stay closed.",
	"Engineers found cracks in two of the bridge's piers, a spokeswoman said, and divers will inspect the foundations once the river falls further.",
	"Traders began clearing their stalls before dawn.",
	"The regional government has promised emergency grants to shopkeepers, though the amount has not been set, and insurers have sent assessors to the town.",
	"Forecasters expect dry weather for the rest of the week, which should let the river return to its usual level by Sunday.",
}

func TestHTMLStoryLayouts(t *testing.T) {
	p := func(i int) string { return "<p>" + story[i] + "</p>" }
	want := strings.Join(story, "\n\n")
	tests := []struct{ name, in string }{
		// Each column wraps its paragraphs in a <div> of its own, so each
		// inner <div> scores apart; one column holds a single paragraph.
		{"story in column divs", `<body><header><a href="/">Home</a></header><section class="story">` +
			`<div class="col"><div class="inner">` + p(0) + p(1) + `</div><aside></aside></div>` +
			`<div class="col"><div class="inner">` + p(2) + `</div><aside></aside></div>` +
			`<div class="col"><div class="inner">` + p(3) + p(4) + `</div></div></section>` +
			`<div class="more"><a href="/a">Another story with a long headline of its own</a></div>`},
		// The parts of a story wrapped to different depths compare by
		// what they hold, not by how deep it is.
		{"parts nested to different depths", `<body><div class="story">` +
			`<div class="part"><div class="a"><div class="b"><div class="c"><div class="text">` + p(0) + p(1) + `</div></div></div></div></div>` +
			`<div class="part"><div class="text">` + p(2) + p(3) + p(4) + `</div></div></div>` +
			`<div class="more"><a href="/a">Another story with a long headline of its own</a></div>`},
		// Each paragraph in a card of its own: the cards' parent holds the
		// story, not the card with the longest paragraph.
		{"a card per paragraph", `<body><div id="body">` +
			func() string {
				var b strings.Builder
				for i := range story {
					b.WriteString(`<div class="card"><div class="card-content">` + p(i) + `</div></div>`)
				}
				return b.String()
			}() + `</div><ul class="links"><li><a href="/b">Weather</a></li><li><a href="/c">Sport</a></li></ul>`},
		// Captions, figures and galleries repeat the story in other
		// words; they are not its text.
		{"captions and galleries", `<body><article>` + p(0) + p(1) +
			`<figure><img src="a.jpg"><figcaption>Mud fills the market square of the lower town on Tuesday, after the flood.</figcaption></figure>` +
			p(2) + p(3) +
			`<div class="photo-gallery"><div class="slide"><p>A trader clears her stall in the lower town, where the water stood a metre high.</p></div></div>` +
			`<div class="image"><img src="b.jpg"><div class="caption-text">The closed bridge, seen from the east bank of the river, on Tuesday afternoon.</div></div>` +
			p(4) + `</article>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseHTML([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != want {
				t.Errorf("text:\n%s\nwant:\n%s", doc.Text, want)
			}
		})
	}
}

func TestHTMLTeasers(t *testing.T) {
	p := func(i int) string { return "<p>" + story[i] + "</p>" }
	teaser := func(i int) string {
		return fmt.Sprintf(`<li><a href="/news/%d">Other story number %d, with a headline of its own</a> <span>The summary of that other story runs for a sentence or two, with commas, clauses and a trailing ellipsis, as summaries do...</span></li>`, i, i)
	}
	var teasers strings.Builder
	for i := range 8 {
		teasers.WriteString(teaser(i))
	}
	tests := []struct{ name, in, want string }{
		// Eight teasers of other stories outscored a story of three
		// paragraphs, having more text and more commas.
		{"teaser list beside a short story", `<body><div class="main"><div class="latest"><h3>Latest</h3><ul>` + teasers.String() + `</ul></div>` +
			`<div class="story"><h1>Bridge stays closed</h1>` + p(0) + p(1) + p(3) + `</div></div>`,
			"Bridge stays closed\n\n" + story[0] + "\n\n" + story[1] + "\n\n" + story[3]},
		// Cards of other stories, a linked heading over a summary, inside
		// the story's container.
		{"cards inside the story", `<body><article>` + p(0) + p(1) + p(3) + p(4) +
			`<div class="next"><a href="/news/9"><h4>Other story number nine, with a headline</h4></a><p>The summary of that other story runs for a sentence or two.</p></div></article>`,
			story[0] + "\n\n" + story[1] + "\n\n" + story[3] + "\n\n" + story[4]},
		// A digest is a list of linked headlines with summaries: inside
		// the story, it is the story.
		{"digest", `<body><article><p>Good morning! Here is the news you need to know this Tuesday.</p><ol>` + teasers.String() + `</ol></article><div class="more"><a href="/x">More</a></div>`,
			"Good morning! Here is the news you need to know this Tuesday.\n\n" + func() string {
				var out []string
				for i := range 8 {
					out = append(out, fmt.Sprintf("Other story number %d, with a headline of its own The summary of that other story runs for a sentence or two, with commas, clauses and a trailing ellipsis, as summaries do...", i))
				}
				return strings.Join(out, "\n\n")
			}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseHTML([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text:\n%s\nwant:\n%s", doc.Text, tt.want)
			}
		})
	}
}

func TestHTMLTooDeep(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "deep.html")
	if err := os.WriteFile(p, []byte(strings.Repeat("<div>", 100000)+"text"), 0o644); err != nil {
		t.Fatal(err)
	}
	items, _ := collect(t, []string{p}, Options{})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "deep.html: html:") {
		t.Errorf("items %+v, want one error naming deep.html", items)
	}
}

func TestHTMLBroken(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unclosed", `<html><body><div><p>Unclosed paragraph with enough words to be kept as text<p>Another one`, "Unclosed paragraph with enough words to be kept as text\n\nAnother one"},
		{"br paragraphs", `<body><div>First part of the text that is long.<br><br>Second part of the text that is long.</div>`, "First part of the text that is long.\n\nSecond part of the text that is long."},
		{"utf-8 without declaration", "<p>Café owners protested in the square on Monday morning.</p>", "Café owners protested in the square on Monday morning."},
		{"latin1 meta", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners protested in the square on Monday morning.</p>", "Café owners protested in the square on Monday morning."},
		{"soft hyphens", "<p>Demon&shy;strators gathered out\u00adside the parlia&shy;ment on Monday.</p>", "Demonstrators gathered outside the parliament on Monday."},
		{"empty", ``, ""},
		{"garbage", "<<<>>>\x00<a <b", "<<<>>>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseHTML([]byte(tt.in), "")
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(doc.Text) != tt.want {
				t.Errorf("text %q, want %q", doc.Text, tt.want)
			}
		})
	}
}
