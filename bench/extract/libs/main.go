// Command libs runs Go article-extraction libraries over Zyte's
// article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark)
// as its own extractors/ programs configure them, for bench/extract/run.sh to
// score beside annals with "annals eval extract --predictions". It is a
// module of its own so that annals does not depend on these libraries.
//
//	libs -bench DIR -out OUTDIR
//
// For each library it writes OUTDIR/NAME.json in the benchmark's output
// format and prints "NAME VERSION MS_PER_PAGE CPU_MS_PER_PAGE": the wall
// and process CPU time from the page's bytes to its text, html.Parse
// included, as annals' figures are.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"time"

	readeck "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

type extractor struct {
	name, module string
	extract      func(page []byte) (string, error)
}

// pageURL stands in for the page's address, as the benchmark's programs do.
var pageURL, _ = url.Parse("https://fake-url.com")

var extractors = []extractor{
	{"go-readability", "github.com/go-shiori/go-readability", func(page []byte) (string, error) {
		a, err := shiori.FromReader(bytes.NewReader(page), pageURL)
		return a.TextContent, err
	}},
	{"readeck-go-readability", "codeberg.org/readeck/go-readability/v2", func(page []byte) (string, error) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return "", err
		}
		a, err := readeck.FromDocument(doc, pageURL)
		if err != nil || a.Node == nil {
			return "", err
		}
		var b strings.Builder
		err = a.RenderText(&b)
		return b.String(), err
	}},
	{"go-trafilatura", "github.com/markusmobius/go-trafilatura", func(page []byte) (string, error) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return "", err
		}
		r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{EnableFallback: true})
		if err != nil {
			return "", err
		}
		return r.ContentText, nil
	}},
}

type body struct {
	ArticleBody string `json:"articleBody"`
}

func main() {
	dir := flag.String("bench", "", "benchmark `folder` (ground-truth.json, html/ID.html.gz)")
	out := flag.String("out", "", "`folder` for the NAME.json outputs")
	flag.Parse()
	if *dir == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "libs:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	ids, pages, err := load(dir)
	if err != nil {
		return err
	}
	versions := map[string]string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			versions[d.Path] = d.Version
		}
	}
	for _, e := range extractors {
		got := map[string]body{}
		texts := make([]string, len(ids))
		start, cpu := time.Now(), cpuTime()
		for i, id := range ids {
			text, err := e.extract(pages[i])
			if err != nil {
				// The benchmark's programs print nothing for a failed page.
				fmt.Fprintf(os.Stderr, "libs: %s: %s: %v\n", e.name, id, err)
			}
			texts[i] = text
		}
		elapsed, cpu := time.Since(start), cpuTime()-cpu
		for i, id := range ids {
			got[id] = body{strings.ReplaceAll(texts[i], "\u00ad", "")} // as the benchmark's run_*.py
		}
		data, err := json.Marshal(map[string]any{"version": versions[e.module], "output": got})
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, e.name+".json"), data, 0o644); err != nil {
			return err
		}
		perPage := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(len(ids)) }
		fmt.Printf("%s %s %.2f %.2f\n", e.name, versions[e.module], perPage(elapsed), perPage(cpu))
	}
	return nil
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// load reads the pages named in ground-truth.json, in the order of their IDs.
func load(dir string) ([]string, [][]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, nil, err
	}
	var truth map[string]json.RawMessage
	if err := json.Unmarshal(data, &truth); err != nil {
		return nil, nil, fmt.Errorf("%s/ground-truth.json: %w", dir, err)
	}
	var ids []string
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([][]byte, len(ids))
	for i, id := range ids {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, nil, err
		}
		z, err := gzip.NewReader(f)
		if err == nil {
			pages[i], err = io.ReadAll(z)
		}
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.Name(), err)
		}
	}
	return ids, pages, nil
}
