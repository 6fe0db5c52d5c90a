package ingest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// TestFeedAgreement measures how often ParseFeed agrees with gofeed on the
// title, link and date of each item, over a folder of feeds named by
// ANNALS_FEED_CORPUS (gofeed's own testdata folder is the intended one: its
// 552 feeds collect real-world breakage). It is opt-in because the folder is
// not ours to ship. Titles are compared after both go through annals'
// HTML-to-text step, so the figure counts parsing, not rendering.
//
//	ANNALS_FEED_CORPUS=/tmp/feed-data/testdata go test ./ingest -run FeedAgreement -v
func TestFeedAgreement(t *testing.T) {
	dir := os.Getenv("ANNALS_FEED_CORPUS")
	if dir == "" {
		t.Skip("set ANNALS_FEED_CORPUS to a folder of feeds (e.g. gofeed's testdata) to measure agreement with gofeed")
	}
	files, err := feedCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	var (
		refErrs, ourErrs                 int
		items, missing, title, link, day int
		all                              int
	)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ref, rerr := gofeed.NewParser().Parse(bytes.NewReader(data))
		ours, oerr := ParseFeed(data)
		if rerr != nil {
			refErrs++
		}
		if oerr != nil {
			ourErrs++
			if rerr == nil {
				t.Logf("%s: rejected (gofeed reads %d items): %v", rel(dir, path), len(ref.Items), oerr)
			}
		}
		if rerr != nil {
			continue
		}
		for i, r := range ref.Items {
			items++
			if oerr != nil || i >= len(ours.Items) {
				missing++
				continue
			}
			o := ours.Items[i]
			tOK := oneLine(htmlFragmentText(r.Title)) == oneLine(o.Title)
			lOK := strings.TrimSpace(r.Link) == o.Link
			dOK := refDate(r).Equal(o.Published)
			if tOK {
				title++
			}
			if lOK {
				link++
			}
			if dOK {
				day++
			}
			if tOK && lOK && dOK {
				all++
				continue
			}
			if testing.Verbose() {
				t.Logf("%s[%d]: title %v link %v date %v\n ours %q %q %v\n gofeed %q %q %v", rel(dir, path), i+1, tOK, lOK, dOK, o.Title, o.Link, o.Published, r.Title, r.Link, refDate(r))
			}
		}
	}
	if items == 0 {
		t.Fatalf("no items in %d feeds under %s", len(files), dir)
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(items) }
	t.Logf("feeds=%d rejected: gofeed=%d annals=%d", len(files), refErrs, ourErrs)
	t.Logf("items=%d missing=%d (%.1f%%) title=%.1f%% link=%.1f%% date=%.1f%% all three=%.1f%%",
		items, missing, pct(missing), pct(title), pct(link), pct(day), pct(all))
}

// feedCorpus lists the feeds under dir: XML files, and JSON files that are
// not the expected parse of a feed beside them (gofeed keeps NAME.json
// next to NAME.xml, and NAME_expected.json next to a JSON feed).
func feedCorpus(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".xml", ".rss", ".atom", ".rdf":
			files = append(files, p)
		case ".json":
			base := strings.TrimSuffix(p, ".json")
			if strings.HasSuffix(base, "_expected") {
				return nil
			}
			if _, err := os.Stat(base + ".xml"); err == nil {
				return nil
			}
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// refDate is the date gofeed gives an item: published, else updated.
func refDate(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		return it.UpdatedParsed.UTC()
	}
	return time.Time{}
}

func rel(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil {
		return r
	}
	return p
}
