package server

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store/storetest"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browser starts headless chromium for the test, or skips when there is
// none (install it with apt-get install chromium). What the page reports
// as an error is appended to pageErrors: uncaught exceptions, calls of
// console.error, and the browser's own errors (a failed load, a blocked
// resource).
func browser(t *testing.T, pageErrors *syncList) context.Context {
	t.Helper()
	path := os.Getenv("ANNALS_CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		t.Skip("no chromium on PATH (apt-get install chromium, or set ANNALS_CHROMIUM); skipping the browser test")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	// The whole session is bounded: a hung page fails the test, not CI.
	bctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	t.Cleanup(cancel)
	actx, cancel := chromedp.NewExecAllocator(bctx, opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			if d := e.ExceptionDetails; d != nil {
				msg := d.Text
				if d.Exception != nil {
					msg += " " + d.Exception.Description
				}
				pageErrors.add(msg)
			}
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range e.Args {
					args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				pageErrors.add("console.error: " + strings.Join(args, " "))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry != nil && e.Entry.Level == cdplog.EntryLevelError {
				pageErrors.add(e.Entry.Text + " " + e.Entry.URL)
			}
		}
	}))
	t.Cleanup(cancel)
	return ctx
}

// syncList collects strings from the browser's event loop.
type syncList struct {
	mu    sync.Mutex
	items []string
}

func (l *syncList) add(s string) {
	l.mu.Lock()
	l.items = append(l.items, s)
	l.mu.Unlock()
}

func (l *syncList) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.items)
}

// screenshotDir is $ANNALS_SCREENSHOTS, else the test's temporary folder.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("ANNALS_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// page drives the browser tab for one test, failing it on the first error.
type page struct {
	t      *testing.T
	ctx    context.Context
	base   string // the server's URL
	shots  string
	errors *syncList
	seen   int  // errors already reported
	loads  *int // pages loaded in the tab, by all the tests
}

func (p *page) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](p *page, expr string, opts ...chromedp.EvaluateOption) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// wait polls a JavaScript condition until it holds, for 30 seconds at
// most: long enough for a loaded machine, short enough that a broken page
// fails the subtest and leaves time for the next.
func (p *page) wait(what, cond string) {
	p.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		// Just after a navigation the poll can start in the document that
		// is going away; it then fails at once and is started again.
		if gone := strings.Contains(err.Error(), "Cannot find context") || strings.Contains(err.Error(), "context was destroyed"); !gone || time.Now().After(deadline) || p.ctx.Err() != nil {
			p.t.Fatalf("%s: %s never held: %v", what, cond, err)
		}
	}
}

func (p *page) text(sel string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Text(sel))
	if err != nil {
		p.t.Fatalf("text of %s: %v", sel, err)
	}
	return v
}

// load opens the UI at hash as a new document, as typing the address,
// following a bookmark or reloading does: a change of the hash alone
// would keep the running script, which a deep link does not have. A query
// string of its own makes each load a new document (the UI reads none).
func (p *page) load(hash string) {
	p.t.Helper()
	*p.loads++
	p.do("load "+hash, chromedp.Navigate(fmt.Sprintf("%s/?load=%d%s", p.base, *p.loads, hash)), chromedp.WaitReady(`#view`))
}

// rendered waits until the view has replaced its "Loading…" and fails the
// test if it shows an error.
func (p *page) rendered(what string) {
	p.t.Helper()
	p.wait(what, `document.querySelector("#view > :not(.loading)") !== null`)
	if msg := eval[string](p, `(document.querySelector("#view .error") || {}).textContent || ""`); msg != "" {
		p.t.Errorf("%s: the view shows an error: %q", what, msg)
	}
}

// pageErrors fails the test with the page's errors since the last call.
func (p *page) pageErrors(what string) {
	p.t.Helper()
	all := p.errors.list()
	if errs := all[p.seen:]; len(errs) > 0 {
		p.t.Errorf("%s: errors on the page: %q", what, errs)
	}
	p.seen = len(all)
}

func (p *page) shot(name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(p.shots, name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot %s", path)
}

// desktop and phone are the viewports the tests use.
var (
	desktop = chromedp.EmulateViewport(1280, 900)
	laptop  = chromedp.EmulateViewport(1024, 768)
	phone   = chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)
)

// TestBrowser drives the web UI in headless Chromium over the fixture's
// store: one browser and one store for all its subtests, which run in
// turn in the same tab.
func TestBrowser(t *testing.T) {
	var pageErrors syncList
	ctx := browser(t, &pageErrors)
	f := newFixture(t)
	ts := httptest.NewServer(f.srv)
	defer ts.Close()
	shots := screenshotDir(t)
	loads := 0
	run := func(name string, test func(*page, *fixture)) {
		t.Run(name, func(t *testing.T) {
			p := &page{t: t, ctx: ctx, base: ts.URL, shots: shots, errors: &pageErrors, seen: len(pageErrors.list()), loads: &loads}
			p.do("desktop viewport", desktop)
			test(p, f)
			p.pageErrors(name)
		})
	}
	run("walkthrough", browseWalkthrough)
	run("deep links", browseDeepLinks)
	run("timeline range", browseTimelineRange)
	run("tooltip in viewport", browseTooltip)
	run("edge table", browseEdgeTable)
	run("phone timeline", browsePhoneTimeline)
	run("favicon", browseFavicon)
	run("counts", browseCounts) // last: it adds a document to the store
}

// browseWalkthrough is a first visit by clicks: filter, follow a row to
// its article, hover its verb, look at each view, drag a box on the map.
func browseWalkthrough(p *page, f *fixture) {
	t, ctx := p.t, p.ctx
	// The expected rows: the API's answer to the same filters.
	filter := url.Values{"country": {"UKR"}, "code": {"19"}}
	var want EventPage
	f.do(t, "GET", "/api/events?"+filter.Encode(), nil, &want)
	if len(want.Events) == 0 {
		t.Fatal("the test articles coded no fighting in Ukraine")
	}

	const rowsJS = `[...document.querySelectorAll("table.events tbody tr")].map(r => r.textContent)`
	p.do("load the events table", chromedp.Navigate(p.base+"/#/events"), chromedp.WaitVisible(`table.events tbody tr`))
	p.shot("events")
	p.do("filter by country and code",
		chromedp.SetValue(`input[name=country]`, "UKR"),
		chromedp.SetValue(`input[name=code]`, "19"),
		chromedp.Click(`#filters button[type=submit]`),
		chromedp.WaitVisible(`p.count`),
	)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.hash.includes("country=UKR") && location.hash.includes("code=19") &&
		document.querySelectorAll("table.events tbody tr").length === `+fmt.Sprint(len(want.Events)))); err != nil {
		t.Fatalf("the filtered table never showed %d rows: %v (rows %q)", len(want.Events), err, eval[[]string](p, rowsJS))
	}
	rows := eval[[]string](p, rowsJS)
	hash := eval[string](p, `location.hash`)
	p.shot("events-filtered")
	for _, r := range rows {
		if !strings.Contains(r, "UKR") && !strings.Contains(r, "Kharkiv") {
			t.Errorf("row %q is not about Ukraine", r)
		}
	}

	// A deep link reproduces the view.
	p.do("open the deep link", chromedp.Navigate(p.base+"/"+hash), chromedp.WaitVisible(`table.events tbody tr`))
	if again := eval[[]string](p, rowsJS); strings.Join(again, "\n") != strings.Join(rows, "\n") {
		t.Errorf("deep link %s shows %q, want %q", hash, again, rows)
	}

	p.do("open the article", chromedp.Click(`table.events tbody tr a.sentence`), chromedp.WaitVisible(`.article-text .hl-verb.current`))
	verb := p.text(`.article-text .hl-verb.current`)
	eval[bool](p, `document.querySelector(".article-text .hl-verb.current").dispatchEvent(new MouseEvent("mouseover", {bubbles: true}))`)
	p.do("hover the verb", chromedp.WaitVisible(`#tip`))
	tipText := p.text(`#tip`)
	p.do("wait", chromedp.Sleep(300*time.Millisecond)) // an injected handler would have run by now
	p.shot("article")
	// The event the row showed is the one highlighted and described.
	rec := want.Events[0].Record
	if words := strings.Fields(rec.Evidence.Verb); len(words) == 0 || !strings.Contains(strings.ToLower(verb), strings.ToLower(words[0])) {
		t.Errorf("highlighted verb %q, want the evidence %q", verb, rec.Evidence.Verb)
	}
	if !strings.Contains(tipText, rec.Code) || rec.Source == nil || !strings.Contains(tipText, rec.Source.Code) {
		t.Errorf("hover details %q lack the event's code %s and source actor", tipText, rec.Code)
	}
	if pwned, scripts, images := eval[bool](p, `window.__pwned !== undefined`), eval[int](p, `document.scripts.length`), eval[int](p, `document.images.length`); pwned || scripts != 1 || images != 0 {
		t.Errorf("article markup ran: __pwned set %v, %d scripts, %d images", pwned, scripts, images)
	}
	articleText := eval[string](p, `document.querySelector(".article-text").textContent`)
	if !strings.Contains(articleText, "<script>window.__pwned=2</script>") || !strings.Contains(articleText, `onerror="window.__pwned=3"`) {
		t.Errorf("the article's markup is not shown as text: %q", articleText)
	}
	if title := p.text(`article h1`); !strings.Contains(title, `<img src=x onerror=`) {
		t.Errorf("title %q not shown as text", title)
	}

	// Each view by its link in the menu.
	for _, v := range []struct{ name, ready string }{
		{"timeline", `svg.chart rect`},
		{"network", `svg.network path.edge`},
		{"map", `svg.map circle.place`},
	} {
		p.do(v.name, chromedp.Click(`#nav a[data-view=`+v.name+`]`), chromedp.WaitVisible(v.ready))
		p.shot(v.name)
	}

	// Dragging a box over East Africa and the Middle East lists the events
	// placed inside it.
	box := eval[[]float64](p, `(() => { const b = document.querySelector("svg.map").getBoundingClientRect(); return [b.x, b.y, b.width, b.height] })()`)
	x0, y0, x1, y1 := box[0]+0.55*box[2], box[1]+0.27*box[3], box[0]+0.70*box[2], box[1]+0.60*box[3]
	p.do("drag a box on the map",
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x0, y0, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (x0+x1)/2, (y0+y1)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x1, y1, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x1, y1, chromedp.ButtonLeft),
		chromedp.WaitVisible(`table.events tbody tr`),
	)
	if h := eval[string](p, `location.hash`); !strings.Contains(h, "bbox=") {
		t.Errorf("dragging on the map led to %q, want a bbox filter", h)
	}
	for _, r := range eval[[]string](p, rowsJS) {
		if !strings.Contains(r, "(KEN)") && !strings.Contains(r, "(TZA)") && !strings.Contains(r, "(IRQ)") {
			t.Errorf("row %q is outside the dragged box", r)
		}
	}
	// A fresh load, so the page sees the phone's width from the start.
	p.do("phone", phone)
	p.load("#/events?country=UKR")
	p.do("phone events", chromedp.WaitVisible(`table.events tbody tr`))
	p.shot("phone-events")
	p.load("#/doc/" + f.docs[2].ID)
	p.do("phone article", chromedp.WaitVisible(`.article-text .hl-verb`))
	p.shot("phone-article")
}

// browseDeepLinks loads every view straight from its address, with each
// kind of filter in it, and once by a reload: each must render what the
// API has for those filters, with no error on the page.
func browseDeepLinks(p *page, f *fixture) {
	t := p.t
	// Every filter the UI knows appears in some set; each set matches
	// events in the fixture, so each view has something to draw.
	filterSets := []url.Values{
		{},
		{"country": {"UKR"}, "code": {"19"}},
		{"from": {"2024-03-10"}, "to": {"2024-03-20"}, "quad": {"4"}, "mode": {"reported"}},
		{"source": {"KENGOV"}, "target": {"TZA"}},
		{"actor": {"IRQGOV"}, "plover": {"CONSULT"}},
		{"place": {"Baghdad"}},
		{"bbox": {"-20,18,41,72"}, "text": {"border"}},
		{"background": {"false"}, "code": {"19"}},
	}
	for _, fs := range filterSets {
		if len(fs) == 0 {
			continue
		}
		var page EventPage
		if f.do(t, "GET", "/api/events?"+fs.Encode(), nil, &page); len(page.Events) == 0 {
			t.Fatalf("no fixture event matches %s: the deep links would test nothing", fs.Encode())
		}
	}
	type deepLink struct {
		view     string
		settings url.Values // the view's own settings
		filters  url.Values
	}
	var links []deepLink
	for _, view := range []string{"events", "timeline", "map", "network"} {
		for _, fs := range filterSets {
			links = append(links, deepLink{view: view, filters: fs})
		}
	}
	links = append(links,
		deepLink{view: "timeline", settings: url.Values{"interval": {"week"}, "by": {"root"}}, filters: filterSets[1]},
		deepLink{view: "timeline", settings: url.Values{"interval": {"month"}, "by": {"all"}, "range": {"all"}}},
		deepLink{view: "timeline", settings: url.Values{"interval": {"year"}, "by": {"quad"}}, filters: filterSets[3]},
	)
	// Articles, by the link of an events row: the event to show, and the
	// filters the way back keeps.
	for _, fs := range []url.Values{filterSets[1], filterSets[4]} {
		var page EventPage
		f.do(t, "GET", "/api/events?"+fs.Encode(), nil, &page)
		e := page.Events[0]
		links = append(links, deepLink{view: "doc/" + e.Record.Doc.ID, settings: url.Values{"event": {fmt.Sprint(e.ID)}}, filters: fs})
	}

	for _, l := range links {
		q := url.Values{}
		for k, v := range l.filters {
			q[k] = v
		}
		for k, v := range l.settings {
			q[k] = v
		}
		hash := "#/" + l.view
		if len(q) > 0 {
			hash += "?" + q.Encode()
		}
		p.load(hash)
		p.rendered(hash)
		checkView(p, f, hash, l.view, l.filters, l.settings)
		p.pageErrors(hash)
	}

	// A reload of a view reached by clicks.
	p.load("#/events?country=IRQ")
	p.rendered("events")
	p.do("go to the map", chromedp.Click(`#nav a[data-view=map]`))
	p.wait("the map by its link", `location.hash.startsWith("#/map") && document.querySelector("svg.map circle.place") !== null`)
	p.do("reload the map", chromedp.Reload(), chromedp.WaitReady(`#view`))
	p.rendered("reloaded map")
	checkView(p, f, "reloaded #/map?country=IRQ", "map", url.Values{"country": {"IRQ"}}, nil)
	p.pageErrors("reloaded map")
}

// checkView checks that the view on the page shows what the API gives for
// filters, and that the filter form and the menu's links carry them.
func checkView(p *page, f *fixture, what, view string, filters, settings url.Values) {
	t := p.t
	t.Helper()
	qs := filters.Encode()
	for k, v := range filters {
		if got := eval[string](p, `document.querySelector("#filters [name=`+k+`]").value`); got != v[0] {
			t.Errorf("%s: filter field %s shows %q, want %q", what, k, got, v[0])
		}
	}
	for _, link := range eval[[]string](p, `[...document.querySelectorAll("#nav a")].map(a => a.getAttribute("href"))`) {
		u, err := url.Parse(strings.TrimPrefix(link, "#"))
		if err != nil || u.Query().Encode() != qs {
			t.Errorf("%s: menu link %q does not keep the filters %q", what, link, qs)
		}
	}
	switch {
	case view == "events":
		var want EventPage
		f.do(t, "GET", "/api/events?limit=50&"+qs, nil, &want)
		if got := eval[int](p, `document.querySelectorAll("table.events tbody tr").length`); got != len(want.Events) {
			t.Errorf("%s: %d rows, want %d", what, got, len(want.Events))
		}
	case view == "timeline":
		var ts Timeseries
		f.do(t, "GET", "/api/timeseries?by=all&"+qs, nil, &ts)
		interval := strings.TrimPrefix(eval[string](p, `document.querySelector("svg.chart").getAttribute("aria-label")`), "Events per ")
		total := drawable(ts, interval)
		got := chartEvents(p)
		// The default range holds the 1st to the 99th percentile of the
		// events: at least 98% of them.
		low := int(math.Ceil(0.98 * float64(total)))
		if settings.Get("range") == "all" {
			low = total
		}
		if got < low || got > total {
			t.Errorf("%s: the chart's bars hold %d events, want %d to %d", what, got, low, total)
		}
		if by := cmp.Or(settings.Get("by"), "quad"); eval[string](p, `(document.querySelector("select[name=by]") || {}).value`) != by {
			t.Errorf("%s: split by is not %s", what, by)
		}
		if in := settings.Get("interval"); in != "" {
			if label := eval[string](p, `document.querySelector("svg.chart").getAttribute("aria-label")`); label != "Events per "+in {
				t.Errorf("%s: chart %q, want per %s", what, label, in)
			}
		}
	case view == "map":
		var want Places
		f.do(t, "GET", "/api/places?"+qs, nil, &want)
		if got := eval[int](p, `document.querySelectorAll("svg.map circle.place").length`); got != len(want.Places) {
			t.Errorf("%s: %d places drawn, want %d", what, got, len(want.Places))
		}
		if land := eval[int](p, `document.querySelectorAll("svg.map path.land").length`); land < 100 {
			t.Errorf("%s: %d countries drawn", what, land)
		}
	case view == "network":
		var want Network
		f.do(t, "GET", "/api/actors?limit=60&"+qs, nil, &want)
		rows := min(30, len(want.Edges))
		if got := eval[int](p, `document.querySelectorAll("table.edges tbody tr").length`); got != rows {
			t.Errorf("%s: %d edge rows, want %d", what, got, rows)
		}
		if got := eval[int](p, `document.querySelectorAll("svg.network path.edge").length`); rows > 0 && got == 0 {
			t.Errorf("%s: no edges drawn", what)
		}
	case strings.HasPrefix(view, "doc/"):
		if n := eval[int](p, `document.querySelectorAll(".article-text .hl-verb.current").length`); n == 0 {
			t.Errorf("%s: the event's verb is not highlighted", what)
		}
		back := eval[string](p, `document.querySelector("a.back").getAttribute("href")`)
		if u, err := url.Parse(strings.TrimPrefix(back, "#")); err != nil || u.Query().Encode() != qs {
			t.Errorf("%s: the way back %q does not keep the filters %q", what, back, qs)
		}
	default:
		t.Fatalf("no check for view %q", view)
	}
}

// drawable counts the events a timeline per interval (day, week, month,
// year) can draw: those of every day, and those dated only to a longer
// period (a week, a month, a year) that lies in one bar.
func drawable(ts Timeseries, interval string) int {
	bin := func(day string) string {
		d, _ := time.Parse(time.DateOnly, day)
		switch interval {
		case "week":
			return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)).Format(time.DateOnly)
		case "month":
			return day[:7]
		case "year":
			return day[:4]
		}
		return day
	}
	n := 0
	for _, s := range ts.Series {
		for _, pt := range s.Points {
			n += int(pt.Events)
		}
		for _, p := range s.Periods {
			if bin(p.First) == bin(p.Last) {
				n += int(p.Events)
			}
		}
	}
	return n
}

// chartEvents adds up the events of the timeline's bars, from their hover
// titles ("2024-03: 5 events (…)").
func chartEvents(p *page) int {
	p.t.Helper()
	return eval[int](p, `[...document.querySelectorAll("svg.chart rect title")]
		.reduce((a, t) => a + Number((/: (\d+) events?\b/.exec(t.textContent) || [0, NaN])[1]), 0)`)
}

// browseTimelineRange checks the timeline's default range against an
// outlier: the fixture's archive article has one event in 1933, less
// than 1% of them, and the rest are in 2024.
func browseTimelineRange(p *page, f *fixture) {
	t := p.t
	var ts Timeseries
	f.do(t, "GET", "/api/timeseries?interval=day&by=all", nil, &ts)
	pts := ts.Series[0].Points
	total := 0
	for _, pt := range pts {
		total += int(pt.Events)
	}
	first, last := pts[0], pts[len(pts)-1]
	if !strings.HasPrefix(first.Date, "1933-") || first.Events != 1 || !strings.HasPrefix(pts[1].Date, "2024-") || total < 100 {
		t.Fatalf("the fixture lacks its outlier: %d events, first %+v, second %+v", total, first, pts[1])
	}
	ticks := func() []string {
		return eval[[]string](p, `[...document.querySelectorAll("svg.chart text.tick")].slice(1).map(t => t.textContent)`)
	}

	// By default: the days where the data is, by day, and a way to widen.
	p.load("#/timeline?by=all")
	p.rendered("timeline")
	p.shot("timeline-default")
	tk := ticks()
	if len(tk) < 2 || !strings.HasPrefix(tk[0], "2024-") || tk[len(tk)-1] != last.Date {
		t.Errorf("default range: axis labels %q, want 2024's days up to %s", tk, last.Date)
	}
	if got := chartEvents(p); got != total-1 {
		t.Errorf("default range: bars hold %d events, want all but the outlier, %d", got, total-1)
	}
	if label := eval[string](p, `document.querySelector("svg.chart").getAttribute("aria-label")`); label != "Events per day" {
		t.Errorf("default range: %q, want per day", label)
	}
	note := eval[string](p, `(document.querySelector("#view p.range") || {}).textContent || ""`)
	if !strings.Contains(note, "1 outside") || !strings.Contains(note, first.Date) {
		t.Errorf("default range: the note %q does not tell of the event outside (%s)", note, first.Date)
	}
	// The events dated only to a week ("next week") have no day's bar.
	if weeks := drawable(ts, "week") - total; weeks == 0 || !strings.Contains(note, fmt.Sprintf("%d events dated only to a week, a month or a year", weeks)) {
		t.Errorf("default range: the note %q does not tell of the %d events dated only to a longer period", note, weeks)
	}

	// Widened: every event, by year.
	if eval[int](p, `document.querySelectorAll("#view p.range button").length`) != 1 {
		t.Fatal("default range: no control to show all dates")
	}
	p.do("show all dates", chromedp.Click(`#view p.range button`))
	p.wait("the full range", `location.hash.includes("range=all") && document.querySelector("svg.chart[aria-label='Events per year']") !== null`)
	p.shot("timeline-all")
	if tk := ticks(); len(tk) < 2 || tk[0] != "1933" || tk[len(tk)-1] != last.Date[:4] {
		t.Errorf("full range: axis labels %q, want 1933 to %s", tk, last.Date[:4])
	}
	if got, want := chartEvents(p), drawable(ts, "year"); got != want || want <= total {
		t.Errorf("full range: bars hold %d events, want %d: the %d of the days and those of the weeks, months and years", got, want, total)
	}

	// A period chosen by hand is drawn over the whole range, however many
	// periods that makes: nothing stops after a fixed number of them.
	for _, c := range []struct {
		interval, firstTick, lastTick string
	}{
		{"day", first.Date, last.Date},
		{"week", "1933-03-06", "2024-03-18"},
		{"month", "1933-03", last.Date[:7]},
	} {
		p.load("#/timeline?by=quad&range=all&interval=" + c.interval)
		p.rendered("timeline per " + c.interval)
		if tk := ticks(); len(tk) < 2 || tk[0] != c.firstTick || tk[len(tk)-1] != c.lastTick {
			t.Errorf("full range per %s: axis labels %q, want %s to %s", c.interval, tk, c.firstTick, c.lastTick)
		}
		if got, want := chartEvents(p), drawable(ts, c.interval); got != want {
			t.Errorf("full range per %s: bars hold %d events, want %d", c.interval, got, want)
		}
	}
}

// browseTooltip hovers every highlighted phrase of the articles with the
// phrase at the top, the middle and the bottom of a short window: the
// event's details must show inside the window each time.
func browseTooltip(p *page, f *fixture) {
	for _, vp := range []struct {
		name string
		size chromedp.Action[chromedp.Void]
	}{
		{"short window", chromedp.EmulateViewport(900, 260)},
		{"phone", phone},
	} {
		p.do(vp.name, vp.size)
		for _, d := range f.docs[:3] {
			p.load("#/doc/" + d.ID)
			p.wait("article", `document.querySelector(".article-text [data-mentions]") !== null`)
			bad := eval[[]string](p, `(() => {
				const out = [], vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
				const tip = document.getElementById("tip");
				for (const span of document.querySelectorAll(".article-text [data-mentions]")) {
					for (const block of ["start", "center", "end"]) {
						span.scrollIntoView({ block });
						const r = span.getClientRects()[0];
						const x = r.left + Math.min(4, r.width / 2), y = r.top + r.height / 2;
						span.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, clientX: x, clientY: y }));
						const b = tip.getBoundingClientRect();
						if (tip.hidden || b.top < 0 || b.left < 0 || b.bottom > vh || b.right > vw) {
							out.push(block + " " + JSON.stringify(span.textContent.slice(0, 30)) + ": tip " +
								[b.left, b.top, b.right, b.bottom].map(Math.round) + " in " + vw + "x" + vh + (tip.hidden ? " (hidden)" : ""));
						}
					}
				}
				return out;
			})()`)
			if len(bad) > 0 {
				p.t.Errorf("%s, article %s: the tip leaves the window: %q", vp.name, d.ID, bad)
			}
		}
	}
}

// browseEdgeTable checks that the network's edge table shows its last
// column, Goldstein, whole, without scrolling, at each width.
func browseEdgeTable(p *page, f *fixture) {
	for _, vp := range []struct {
		name string
		size chromedp.Action[chromedp.Void]
	}{
		{"desktop", desktop},
		{"laptop", laptop},
		{"phone", phone},
	} {
		p.do(vp.name, vp.size)
		p.load("#/network")
		p.rendered("network")
		p.shot("network-" + vp.name)
		var m struct {
			Header, Cell, Box    [2]float64 // left, right
			ScrollW, ClientW, VW float64
		}
		raw := eval[string](p, `(() => {
			const lr = (e) => { const b = e.getBoundingClientRect(); return [b.left, b.right]; };
			const box = document.querySelector("table.edges").closest(".scroll");
			return JSON.stringify({
				Header: lr(document.querySelector("table.edges thead th:last-child")),
				Cell: lr(document.querySelector("table.edges tbody tr td:last-child")),
				Box: lr(box), ScrollW: box.scrollWidth, ClientW: box.clientWidth,
				VW: document.documentElement.clientWidth,
			});
		})()`)
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			p.t.Fatal(err)
		}
		right := min(m.Box[1], m.VW)
		if m.ScrollW > m.ClientW+1 || m.Header[1] > right+1 || m.Cell[1] > right+1 {
			p.t.Errorf("%s: the Goldstein column is cut: header ends at %.0f, cell at %.0f, the table's box at %.0f (scroll width %.0f of %.0f), the window at %.0f",
				vp.name, m.Header[1], m.Cell[1], m.Box[1], m.ScrollW, m.ClientW, m.VW)
		}
	}
}

// browsePhoneTimeline checks that the timeline's axis labels are readable
// on a phone: at least 11 CSS pixels once the chart is fitted to the
// screen, and not on top of each other.
func browsePhoneTimeline(p *page, f *fixture) {
	p.do("phone", phone)
	for _, hash := range []string{"#/timeline", "#/timeline?range=all&by=all"} {
		p.load(hash)
		p.rendered(hash)
		p.shot("phone-timeline")
		var ticks []struct {
			Text        string
			Px          float64
			Left, Right float64
		}
		raw := eval[string](p, `(() => {
			const chart = document.querySelector("svg.chart");
			const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
			return JSON.stringify([...chart.querySelectorAll("text.tick")].map((t) => {
				const b = t.getBoundingClientRect();
				return { Text: t.textContent, Px: parseFloat(getComputedStyle(t).fontSize) * scale, Left: b.left, Right: b.right };
			}));
		})()`)
		if err := json.Unmarshal([]byte(raw), &ticks); err != nil {
			p.t.Fatal(err)
		}
		if len(ticks) < 3 {
			p.t.Fatalf("%s: %d axis labels", hash, len(ticks))
		}
		for i, tk := range ticks {
			if tk.Px < 11 {
				p.t.Errorf("%s: axis label %q is %.1f px on the phone, want at least 11", hash, tk.Text, tk.Px)
			}
			// Labels along the time axis (all but the first, the y maximum)
			// must not overlap.
			if i > 1 && tk.Left < ticks[i-1].Right {
				p.t.Errorf("%s: axis labels %q and %q overlap", hash, ticks[i-1].Text, tk.Text)
			}
		}
	}
}

// browseFavicon checks that the page's icon is served, from the binary,
// as an icon the browser can draw.
func browseFavicon(p *page, f *fixture) {
	p.load("#/events")
	p.rendered("events")
	got := eval[[]string](p, `Promise.all(["/favicon.ico", document.querySelector("link[rel~=icon]") ? document.querySelector("link[rel~=icon]").href : "/favicon.ico"].map(async (u) => {
		const res = await fetch(u);
		const img = new Image();
		img.src = u;
		const drawn = await img.decode().then(() => img.naturalWidth + "x" + img.naturalHeight, (e) => "undecodable: " + e.message);
		return [u, res.status, res.headers.get("content-type"), drawn].join(" ");
	}))`, chromedp.EvalAwaitPromise)
	for _, g := range got {
		fields := strings.Fields(g)
		if len(fields) < 4 || fields[1] != "200" || !strings.HasPrefix(fields[2], "image/") || strings.HasPrefix(fields[3], "undecodable") || fields[3] == "0x0" {
			p.t.Errorf("icon: %q, want 200, an image type and a picture", g)
		}
	}
	for _, want := range []string{"image/x-icon", "image/vnd.microsoft.icon"} {
		if strings.Contains(got[0], want) {
			return
		}
	}
	p.t.Errorf("/favicon.ico: %q, want an icon type", got[0])
}

// browseCounts stores a made-up article with hand-made records that count
// people (the coder's counts are tested where they are made), then checks
// that the table shows and sorts by counts, that the count filter reaches
// the table, that the map sizes its markers by a kind of count, and that
// the article highlights the counted words.
func browseCounts(p *page, f *fixture) {
	t := p.t
	text := "Clashes in Basra\n\nGunmen killed 14 people in Basra on Monday, police said.\n\nThousands marched in Paris on Tuesday against the war."
	at := func(words string) (int, int) {
		i := strings.Index(text, words)
		if i < 0 {
			t.Fatalf("%q is not in the article", words)
		}
		return i, i + len(words)
	}
	rec := func(sentence, verb, code, place string, src, tgt *event.Actor, c event.Count) event.Record {
		r := storetest.Rec("2024-05-0"+fmt.Sprint(len(code)), "", "", code, place, 0)
		r.ID = "e-counts-" + code
		r.Source, r.Target = src, tgt
		s, e := at(sentence)
		r.Sentence = event.SentenceRef{Index: strings.Count(text[:s], "\n\n"), Start: s, End: e, Text: sentence}
		vs, ve := at(verb)
		r.Evidence = event.Evidence{Verb: verb, Rule: "test", Start: vs, End: ve}
		c.Start, c.End = at(c.Text)
		r.Counts = []event.Count{c}
		return r
	}
	gs, ge := at("Gunmen")
	ms, me := at("Thousands")
	res, err := f.store.SaveDocument(t.Context(), &event.Document{URL: "https://counts.example/basra", Source: "annals test counts", Title: "Clashes in Basra",
		Published: time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC), Text: text}, []event.Record{
		rec("Gunmen killed 14 people in Basra on Monday, police said.", "killed", "190", "Basra",
			&event.Actor{Text: "Gunmen", Code: "IRQUAF", Country: "IRQ", Start: gs, End: ge}, nil,
			event.Count{Kind: event.Killed, Low: 14, High: 14, Precision: event.Exact, Text: "14 people"}),
		rec("Thousands marched in Paris on Tuesday against the war.", "marched", "1411", "Paris",
			&event.Actor{Text: "Thousands", Code: "FRACVL", Country: "FRA", Start: ms, End: me}, nil,
			event.Count{Kind: event.Crowd, Low: 2000, High: 9999, Precision: event.Vague, Text: "Thousands"}),
	})
	if err != nil {
		t.Fatal(err)
	}

	// The table sorted by deaths: the largest count first, shown as the
	// text states it.
	var sorted EventPage
	f.do(t, "GET", "/api/events?sort=killed&limit=50", nil, &sorted)
	if len(sorted.Events) == 0 || len(sorted.Events[0].Record.Counts) == 0 {
		t.Fatalf("the API sorted by killed gives no counted event first: %+v", sorted.Events)
	}
	p.load("#/events?sort=killed")
	p.rendered("events sorted by killed")
	p.wait("the sorted table", `document.querySelector("table.events tbody tr") !== null`)
	if got := eval[string](p, `document.querySelector("select[name=sort]").value`); got != "killed" {
		t.Errorf("sort control shows %q, want killed", got)
	}
	first := eval[string](p, `document.querySelector("table.events tbody tr td[data-label=Counts]").textContent`)
	if want := countLabel(sorted.Events[0].Record.Counts); first != want {
		t.Errorf("first row's counts %q, want %q", first, want)
	}
	if n := eval[int](p, `document.querySelectorAll("table.events tbody tr").length`); n != len(sorted.Events) {
		t.Errorf("sorted table: %d rows, want %d", n, len(sorted.Events))
	}
	p.shot("events-by-killed")

	// The count filter of the form reaches the table.
	var many EventPage
	f.do(t, "GET", "/api/events?killed>=10&limit=50", nil, &many)
	p.do("filter by deaths", chromedp.SetValue(`input[name=min-killed]`, "10"), chromedp.Click(`#filters button[type=submit]`))
	p.wait("the filtered table", `location.hash.includes("min-killed=10") && document.querySelectorAll("table.events tbody tr").length === `+fmt.Sprint(len(many.Events)))
	for _, c := range eval[[]string](p, `[...document.querySelectorAll("table.events td[data-label=Counts]")].map(td => td.textContent)`) {
		if !strings.Contains(c, "killed") {
			t.Errorf("a row of killed>=10 shows counts %q", c)
		}
	}

	// The map sized by crowds: each marker's weight is the place's crowd,
	// and the largest crowd has the largest marker.
	var places Places
	f.do(t, "GET", "/api/places", nil, &places)
	p.load("#/map?size=crowd")
	p.rendered("map by crowd")
	p.wait("the markers", `document.querySelector("svg.map circle.place") !== null`)
	type marker struct {
		Weight int64
		R      float64
	}
	markers := eval[[]marker](p, `[...document.querySelectorAll("svg.map circle.place")].map(c => ({Weight: Number(c.dataset.weight), R: Number(c.getAttribute("r"))}))`)
	if len(markers) != len(places.Places) {
		t.Fatalf("%d markers, want %d", len(markers), len(places.Places))
	}
	var biggest marker
	for i, m := range markers {
		if want := places.Places[i].People[event.Crowd]; m.Weight != want {
			t.Errorf("marker of %s weighs %d, want its crowd %d", places.Places[i].Name, m.Weight, want)
		}
		if m.Weight > biggest.Weight {
			biggest = m
		}
	}
	if biggest.Weight != 2000 {
		t.Errorf("the largest crowd drawn is %d, want Paris's 2000", biggest.Weight)
	}
	for _, m := range markers {
		if m.R > biggest.R || m.Weight < biggest.Weight && m.R >= biggest.R {
			t.Errorf("a marker of weight %d has radius %g, the largest crowd's %g", m.Weight, m.R, biggest.R)
		}
	}
	p.shot("map-by-crowd")

	// The article highlights the counted words, and hovering them tells
	// the count.
	var evs EventPage
	f.do(t, "GET", "/api/events?killed>=14&place=Basra", nil, &evs)
	if len(evs.Events) == 0 {
		t.Fatal("the Basra event is not stored")
	}
	p.load("#/doc/" + url.PathEscape(res.DocumentID) + "?event=" + fmt.Sprint(evs.Events[0].ID))
	p.rendered("article with counts")
	p.wait("the counted words", `document.querySelectorAll(".article-text .hl-count").length > 0`)
	got := eval[[]string](p, `[...document.querySelectorAll(".article-text .hl-count")].map(s => s.textContent)`)
	if strings.Join(got, "|") != "Thousands|14 people" && strings.Join(got, "|") != "14 people|Thousands" {
		t.Errorf("highlighted counts %q, want the words 14 people and Thousands", got)
	}
	eval[bool](p, `[...document.querySelectorAll(".article-text .hl-count")].find(s => s.textContent === "14 people").dispatchEvent(new MouseEvent("mouseover", {bubbles: true}))`)
	p.do("hover the count", chromedp.WaitVisible(`#tip`))
	if tip := p.text(`#tip`); !strings.Contains(tip, "killed 14") || !strings.Contains(tip, "“14 people”") {
		t.Errorf("the count's tip %q does not tell killed 14 and its words", tip)
	}
	p.shot("article-counts")
}

// countLabel is how the table writes counts: "killed 56+", "crowd
// 2,000–9,999", as app.js's countLabel does.
func countLabel(cs []event.Count) string {
	var out []string
	for _, c := range cs {
		n := groupThousands(c.Low)
		switch {
		case c.Low != c.High:
			n += "–" + groupThousands(c.High)
		case c.Precision == event.AtLeast:
			n += "+"
		case c.Precision == event.About:
			n = "~" + n
		}
		out = append(out, string(c.Kind)+" "+n)
	}
	return strings.Join(out, " ")
}

func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
