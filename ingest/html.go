package ingest

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"github.com/annals/annals/event"
)

// ParseHTML extracts an article from an HTML page: its main text, with
// paragraphs separated by blank lines, and its title, author and
// publication date from meta tags, JSON-LD and <time>. contentType is the
// HTTP Content-Type, used with the page's own <meta charset> to decode it;
// it may be empty. Broken markup is repaired as browsers do, never refused.
func ParseHTML(data []byte, contentType string) (*event.Document, error) {
	// The <meta charset> may come after a long <head> of scripts, so the
	// prescan sees more than the standard's 1024 bytes; with no declaration
	// at all, text that is valid UTF-8 is UTF-8, not windows-1252.
	var r io.Reader = bytes.NewReader(data)
	if enc, _, certain := charset.DetermineEncoding(data[:min(len(data), 16<<10)], contentType); certain || !utf8.Valid(data) {
		r = transform.NewReader(r, enc.NewDecoder())
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, err // "html: ...", e.g. elements nested over 512 deep
	}
	doc := &event.Document{}
	meta := readMeta(root)
	doc.Title, doc.Author, doc.Source = meta.title, meta.author, meta.site
	doc.Published = publishedOf(meta.dates...)
	// Class and id names misfire on some sites ("sidebar-right" layouts
	// holding the article); as Readability does, a short result is retried
	// without the names that do (see overlayNames for those that stay).
	doc.Text = findArticle(root, &unlikelyNames).text()
	if n := utf8.RuneCountInString(doc.Text); n < 500 {
		if loose := findArticle(root, &overlayNames).text(); utf8.RuneCountInString(loose) > 2*n {
			doc.Text = loose
		}
	}
	// A page that claims UTF-8 (or claims nothing) may still hold bad
	// bytes; the decoder passes them through. Soft hyphens are invisible
	// hints that would split words in two.
	for _, f := range []*string{&doc.Text, &doc.Title, &doc.Author, &doc.Source} {
		*f = strings.ReplaceAll(strings.ToValidUTF8(*f, "\uFFFD"), "\u00ad", "")
	}
	return doc, nil
}

// pageMeta is what a page says about itself, best source first.
type pageMeta struct {
	title, author, site string
	dates               []string
}

// metaPriority ranks meta names: lower wins. Dates rank publication before
// modification; titles rank social-card titles (no site suffix) first.
var metaPriority = map[string]int{
	"og:title": 1, "twitter:title": 2, "parsely-title": 3, "dc.title": 4,
	"article:published_time": 1, "datepublished": 2, "parsely-pub-date": 3, "sailthru.date": 4,
	"pubdate": 5, "publishdate": 5, "publish-date": 5, "date": 6, "dc.date": 7, "dc.date.issued": 7,
	"dcterms.date": 7, "dcterms.created": 7, "article:modified_time": 9, "og:updated_time": 9,
	"author": 1, "article:author": 2, "parsely-author": 3, "sailthru.author": 4, "dc.creator": 5,
	"og:site_name": 1, "application-name": 2,
}

var metaKind = map[string]string{
	"og:title": "title", "twitter:title": "title", "parsely-title": "title", "dc.title": "title",
	"article:published_time": "date", "datepublished": "date", "parsely-pub-date": "date", "sailthru.date": "date",
	"pubdate": "date", "publishdate": "date", "publish-date": "date", "date": "date", "dc.date": "date", "dc.date.issued": "date",
	"dcterms.date": "date", "dcterms.created": "date", "article:modified_time": "date", "og:updated_time": "date",
	"author": "author", "article:author": "author", "parsely-author": "author", "sailthru.author": "author", "dc.creator": "author",
	"og:site_name": "site", "application-name": "site",
}

type ranked struct {
	val  string
	rank int
}

func readMeta(root *html.Node) pageMeta {
	best := map[string]ranked{}
	var dates []ranked
	offer := func(kind, val string, rank int) {
		val = strings.TrimSpace(val)
		if val == "" {
			return
		}
		if kind == "date" {
			dates = append(dates, ranked{val, rank})
			return
		}
		if b, ok := best[kind]; !ok || rank < b.rank {
			best[kind] = ranked{val, rank}
		}
	}
	var docTitle, timeDate string
	walk(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Title:
			if docTitle == "" {
				docTitle = textOf(n)
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			if kind, ok := metaKind[key]; ok {
				offer(kind, attr(n, "content"), metaPriority[key])
			}
		case atom.Time:
			if timeDate == "" {
				timeDate = attr(n, "datetime")
			}
		case atom.Script:
			if strings.EqualFold(attr(n, "type"), "application/ld+json") {
				readJSONLD(textOf(n), offer)
			}
		}
		return true
	})
	if docTitle != "" {
		offer("title", docTitle, 10)
	}
	if timeDate != "" {
		offer("date", timeDate, 8)
	}
	m := pageMeta{title: best["title"].val, author: best["author"].val, site: best["site"].val}
	m.title = stripSiteName(m.title, m.site, best["title"].rank == 10)
	// Stable order by rank keeps the document order among equals.
	for r := 0; r <= 9; r++ {
		for _, d := range dates {
			if d.rank == r {
				m.dates = append(m.dates, d.val)
			}
		}
	}
	return m
}

// titleSeps separate a page title from the site name in <title>.
var titleSeps = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "}

// stripSiteName cuts the site name off a title: a known site name after any
// separator, or, for a <title> (fromTag), the last separated part when at
// least three words remain before it.
func stripSiteName(title, site string, fromTag bool) string {
	for _, sep := range titleSeps {
		if site != "" && strings.HasSuffix(title, sep+site) {
			return strings.TrimSuffix(title, sep+site)
		}
	}
	if !fromTag {
		return title
	}
	cut := -1
	for _, sep := range titleSeps {
		if i := strings.LastIndex(title, sep); i > cut {
			cut = i
		}
	}
	if cut > 0 && len(strings.Fields(title[:cut])) >= 3 {
		return strings.TrimSpace(title[:cut])
	}
	return title
}

// readJSONLD offers headline, author and dates of schema.org objects in a
// JSON-LD script, which may hold one object, an array or an @graph.
func readJSONLD(src string, offer func(kind, val string, rank int)) {
	// Some sites wrap the JSON in <![CDATA[ ]]> or comments: the JSON is
	// what lies between the first bracket and the last.
	src = strings.ReplaceAll(strings.ReplaceAll(src, "<![CDATA[", ""), "]]>", "")
	i, j := strings.IndexAny(src, "{["), strings.LastIndexAny(src, "}]")
	if i < 0 || j < i {
		return
	}
	var v any
	if json.Unmarshal([]byte(src[i:j+1]), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if s, ok := x["headline"].(string); ok {
				offer("title", s, 2)
			}
			if s, ok := x["datePublished"].(string); ok {
				offer("date", s, 2)
			}
			if s, ok := x["dateCreated"].(string); ok {
				offer("date", s, 6)
			}
			switch a := x["author"].(type) {
			case string:
				offer("author", a, 2)
			case map[string]any:
				if s, ok := a["name"].(string); ok {
					offer("author", s, 2)
				}
			case []any:
				var names []string
				for _, e := range a {
					if m, ok := e.(map[string]any); ok {
						if s, ok := m["name"].(string); ok {
							names = append(names, s)
						}
					}
				}
				offer("author", strings.Join(names, ", "), 2)
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
}

// walk visits n and its descendants in document order; f returns false to
// skip a node's children.
func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropped are elements that never hold article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Template: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Menu: true, atom.Figcaption: true, atom.Dialog: true, atom.Head: true,
}

// unlikelyNames match class and id values of page furniture; likelyNames
// rescue those that also name content ("sidebar-article-body"). The lists
// follow Mozilla Readability's unlikely-candidate heuristic, with captions
// and galleries added. Layout names among them misfire (the article
// inside "layout-sidebar-right"), so a short result is retried without
// them; overlayNames name what never holds the article, whatever its
// length: comment threads and overlays over the page. They stay in the
// retry, which would otherwise replace a short post with the discussion
// under it.
var (
	unlikelyNames = nameList{frags: strings.Split("-ad-|ad-break|agegate|ai2html|banner|breadcrumbs|caption|carousel|combx|comment|community|cookie|cover-wrap|disqus|extra|footer|gallery|gdpr|header|legends|menu|newsletter|pager|pagination|popup|promo|related|remark|replies|rss|shoutbox|sidebar|skyscraper|slideshow|social|sponsor|subscribe|supplemental|yom-remote", "|")}
	overlayNames  = nameList{frags: strings.Split("agegate|comment|cookie|disqus|gdpr|newsletter|popup|remark|replies|shoutbox", "|"), except: []string{"commentary"}}
	likelyNames   = nameList{frags: strings.Split("and|article|body|column|content|main|shadow", "|")}
)

// nameList matches lower-case class and id values that hold one of its
// fragments once the words of except are taken out ("commentary" is an
// article genre, not a comment). Substrings, not a regular expression:
// every element of the page is matched, and this is about thirty times
// faster.
type nameList struct{ frags, except []string }

func (l *nameList) match(names string) bool {
	for _, e := range l.except {
		names = strings.ReplaceAll(names, e, "")
	}
	for _, f := range l.frags {
		if strings.Contains(names, f) {
			return true
		}
	}
	return false
}

// hiddenStyle matches inline styles that hide an element.
var hiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// hidden reports whether an inline style hides its element.
func hidden(style string) bool {
	return style != "" && hiddenStyle.MatchString(style)
}

// dropRoles are ARIA landmark roles of page furniture.
var dropRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true, "dialog": true}

// blockElems break text into separate blocks.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dd: true, atom.Dt: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Table: true, atom.Blockquote: true,
	atom.Pre: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Figure: true, atom.Figcaption: true, atom.Body: true, atom.Hr: true,
	atom.Address: true, atom.Center: true,
}

// paragraphs are the block elements that hold one paragraph's text.
var paragraphs = map[atom.Atom]bool{atom.P: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true}

var headings = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// block is a run of text between block-level boundaries.
type block struct {
	text      string
	linkChars int
	lead      int        // chars of the link to another page that opens the block
	owner     *html.Node // innermost block element holding the text
	heading   bool
	teaser    bool // part of a teaser of another page (see markTeasers)
	card      bool // of a teaser under a linked headline of its own
}

func skipNode(n *html.Node, furniture *nameList) bool {
	if n.Type == html.CommentNode || n.Type == html.DoctypeNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	if dropped[n.DataAtom] || dropRoles[strings.ToLower(attr(n, "role"))] || hasAttr(n, "hidden") || hidden(attr(n, "style")) {
		return true
	}
	if furniture == nil {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Article, atom.Main, atom.A, atom.Td, atom.Th, atom.Tr, atom.Table, atom.Tbody:
		// Page-wide classes ("ads-enabled" on <html>) and table cells
		// say nothing about the element's own text.
		return false
	}
	names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return furniture.match(names) && !likelyNames.match(names)
}

// collectBlocks splits the visible text under root into blocks, without
// the elements whose class or id matches furniture (none when nil).
func collectBlocks(root *html.Node, furniture *nameList) []block {
	var blocks []block
	var cur strings.Builder
	links, lead, plain := 0, 0, false
	flush := func(owner *html.Node) {
		t := strings.Join(strings.Fields(cur.String()), " ")
		if t != "" {
			blocks = append(blocks, block{text: t, linkChars: links, lead: lead, owner: owner, heading: headings[owner.DataAtom]})
		}
		cur.Reset()
		links, lead, plain = 0, 0, false
	}
	var visit func(n, owner, link *html.Node, depth int)
	visit = func(n, owner, link *html.Node, depth int) {
		if depth > 512 || skipNode(n, furniture) {
			return
		}
		switch {
		case n.Type == html.TextNode:
			cur.WriteString(n.Data)
			t := len(strings.Join(strings.Fields(n.Data), " "))
			switch {
			case t == 0:
			case link == nil:
				plain = true
			case !plain && !strings.HasPrefix(attr(link, "href"), "#"):
				lead += t
				fallthrough
			default:
				links += t
			}
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			// Two <br> in a row separate paragraphs in old-style markup.
			if p := n.PrevSibling; p != nil && p.Type == html.ElementNode && p.DataAtom == atom.Br {
				flush(owner)
			} else {
				cur.WriteByte(' ')
			}
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Img:
			return
		}
		isBlock := n.Type == html.ElementNode && blockElems[n.DataAtom]
		if isBlock {
			flush(owner)
			owner = n
		}
		if n.DataAtom == atom.A {
			link = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, owner, link, depth+1)
		}
		if isBlock {
			flush(owner)
		} else if n.Type == html.ElementNode {
			cur.WriteByte(' ') // inline elements still separate words
		}
	}
	visit(root, root, nil, 0)
	flush(root)
	return blocks
}

// article is the main content of a page: the container chosen, the
// siblings kept with it, and the page's text blocks.
type article struct {
	blocks []block
	best   *html.Node // nil when no paragraph scored
	keep   map[*html.Node]bool
}

// findArticle picks the article body in the manner of Readability: each
// good paragraph scores for its container and, less and less, for up to
// four more ancestors; the best container, its score cut by its own link
// density, is the article, together with the siblings that score close to
// it (articles split in several <div>s). furniture names the classes and
// ids of elements left out.
func findArticle(root *html.Node, furniture *nameList) article {
	blocks := collectBlocks(root, furniture)
	text := textSpans(blocks)
	chars := func(n *html.Node) int { return text.of(n).chars }
	markTeasers(blocks, text)
	scores := map[*html.Node]float64{}
	var candidates []*html.Node    // in document order, for ties
	units := map[*html.Node]bool{} // good paragraphs with the wrappers around them alone
	for _, b := range blocks {
		n := utf8.RuneCountInString(b.text)
		if n < 25 || b.heading || b.teaser || linkDensity(b) > 0.33 {
			continue
		}
		s := 1 + float64(strings.Count(b.text, ",")) + min(float64(n)/100, 3)
		// A paragraph scores for the element that holds it with others:
		// wrappers around it alone (a <div class="card"> per paragraph)
		// are part of it, not a container.
		unit := b.owner
		for unit.Parent != nil && unit.Parent.Type == html.ElementNode && chars(unit.Parent) == chars(unit) {
			unit = unit.Parent
		}
		units[unit] = true
		container := unit
		if (unit != b.owner || paragraphs[unit.DataAtom]) && unit.Parent != nil && unit.Parent.Type == html.ElementNode {
			container = unit.Parent
		}
		for level, a := 0, container; level < 5 && a != nil && a.Type == html.ElementNode; level, a = level+1, a.Parent {
			if _, ok := scores[a]; !ok {
				candidates = append(candidates, a)
			}
			switch level {
			case 0:
				scores[a] += s
			case 1:
				scores[a] += s / 2
			default:
				scores[a] += s / float64(level*3)
			}
		}
	}
	for _, n := range candidates {
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			scores[n] *= 1.25
		}
		scores[n] *= 1 - text.of(n).linkShare()
	}
	// A wrapper around a container alone holds the same content: it
	// scores as much, so that parts of a story nested in wrappers of
	// different depths compare as equals (see the siblings below).
	for _, n := range candidates {
		for p := n.Parent; p != nil && p.Type == html.ElementNode && chars(p) == chars(n); p = p.Parent {
			if _, ok := scores[p]; !ok {
				candidates = append(candidates, p)
			}
			scores[p] = max(scores[p], scores[n])
		}
	}
	var best *html.Node
	for _, n := range candidates {
		if best == nil || scores[n] > scores[best] {
			best = n
		}
	}
	a := article{blocks: blocks, best: best, keep: map[*html.Node]bool{best: true}}
	if best == nil {
		return a
	}
	// A container that is the only child with text of its parent is the
	// same content one wrapper deeper: climb to where the article splits
	// into its parts, so that the siblings below are the other parts (a
	// story in column <div>s, each wrapping its own <div> of paragraphs).
	for p := best.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body && chars(p) == chars(best); p = best.Parent {
		best = p
	}
	a.best, a.keep = best, map[*html.Node]bool{best: true}
	if best.Parent != nil {
		threshold := max(3, scores[best]*0.2)
		var first, last *html.Node
		for sib := best.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
			if scores[sib] >= threshold || sib == best {
				a.keep[sib] = true
				if first == nil {
					first = sib
				}
				last = sib
			}
		}
		// A lone paragraph between two parts is a part too, however short
		// (a column of one paragraph scores only for the columns' parent).
		for sib := first; sib != last; sib = sib.NextSibling {
			if units[sib] {
				a.keep[sib] = true
			}
		}
	}
	return a
}

// markTeasers marks the blocks of teasers of other pages: a headline
// linked elsewhere (a block that is all link, or the link that opens a
// list item) with a short summary under the element that holds it. Their
// summaries read like paragraphs, and a list of them outscored short
// stories; they are links out of the page all the same. An <h1> linked to
// its own page is the story's title, not a teaser.
func markTeasers(blocks []block, text spans) {
	const maxSummary = 400 // bytes of text beside the headline
	done := map[*html.Node]bool{}
	for i := range blocks {
		b := &blocks[i]
		if b.lead < 20 || b.teaser || b.owner.DataAtom == atom.H1 {
			continue
		}
		unit := b.owner
		for unit.Parent != nil && text.of(unit.Parent).chars == text.of(unit).chars {
			unit = unit.Parent
		}
		var item *html.Node
		var rest int
		card := b.lead*10 >= len(b.text)*9
		switch {
		case card && unit.Parent != nil:
			item, rest = unit.Parent, text.of(unit.Parent).chars-text.of(unit).chars
		case unit.DataAtom == atom.Li:
			item, rest = unit, text.of(unit).chars-b.lead
		default:
			continue
		}
		if rest == 0 || rest > maxSummary || item.DataAtom == atom.Body || done[item] {
			continue
		}
		done[item] = true
		// Only a kicker ("WORLD NEWS") may come before the headline. The
		// summary bounds the blocks looked at.
		in := text.of(item)
		kicker := true
		for j := in.first; j < i; j++ {
			kicker = kicker && utf8.RuneCountInString(blocks[j].text) < 25
		}
		if !kicker {
			continue
		}
		for j := in.first; j <= in.last; j++ {
			blocks[j].teaser = true
			blocks[j].card = blocks[j].card || card
		}
	}
}

// isUnder reports whether n is anc or inside it.
func isUnder(n, anc *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == anc {
			return true
		}
	}
	return false
}

// span is what the text blocks under an element add up to.
type span struct {
	chars, links int // bytes of text, and of text in links
	first, last  int // indexes of the first and last block
}

// linkShare is the share of the span's text inside links.
func (s span) linkShare() float64 {
	if s.chars == 0 {
		return 0
	}
	return float64(s.links) / float64(s.chars)
}

// spans holds the span of every element that holds text.
type spans map[*html.Node]*span

func textSpans(blocks []block) spans {
	text := spans{}
	for i, b := range blocks {
		for a := b.owner; a != nil; a = a.Parent {
			s := text[a]
			if s == nil {
				s = &span{first: i}
				text[a] = s
			}
			s.chars += len(b.text)
			s.links += b.linkChars
			s.last = i
		}
	}
	return text
}

// of is n's span, empty when n holds no text.
func (t spans) of(n *html.Node) span {
	if s := t[n]; s != nil {
		return *s
	}
	return span{}
}

// text is the article's blocks joined by blank lines, without the short
// lines of links (tags, "Read more"), the link lists and the forms inside
// it.
func (a article) text() string {
	var out []string
	for _, b := range a.blocks {
		if a.best != nil && !a.holds(b.owner) {
			continue
		}
		n := utf8.RuneCountInString(b.text)
		switch {
		case b.card:
			continue
		case b.heading && n <= 200 && linkDensity(b) <= 0.5:
		case linkDensity(b) > 0.5:
			continue
		case n < 25 && linkDensity(b) > 0:
			continue // a short line of links: "Read more", tags
		}
		out = append(out, b.text)
	}
	return strings.Join(out, "\n\n")
}

// holds reports whether n is inside the article. A form inside it is a
// widget (sign-up, comment box), not its text, while one around it is the
// page's own frame (ASP.NET wraps whole pages in a <form>).
func (a article) holds(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if a.keep[n] {
			return true
		}
		if n.DataAtom == atom.Form {
			return false
		}
	}
	return false
}

func linkDensity(b block) float64 {
	if len(b.text) == 0 {
		return 0
	}
	return float64(b.linkChars) / float64(len(b.text))
}

func depthOf(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// underAny reports whether n is one of set or inside one of them.
func underAny(n *html.Node, set map[*html.Node]bool) bool {
	for ; n != nil; n = n.Parent {
		if set[n] {
			return true
		}
	}
	return false
}

// htmlFragmentText renders an HTML fragment (a feed item's description) as
// text with paragraph breaks, without boilerplate removal.
func htmlFragmentText(s string) string {
	// Parsing as a whole page puts the fragment in <body>, so text and
	// inline elements at its top level stay one paragraph.
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.Join(strings.Fields(s), " ")
	}
	var parts []string
	for _, b := range collectBlocks(root, nil) {
		parts = append(parts, b.text)
	}
	return strings.Join(parts, "\n\n")
}

// publishedOf parses the first date that reads; zero when none does.
func publishedOf(dates ...string) time.Time {
	for _, d := range dates {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		if t, err := ParseDate(d); err == nil {
			return t
		}
	}
	return time.Time{}
}
