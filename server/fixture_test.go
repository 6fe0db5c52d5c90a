package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/annals/annals/dict"
	"github.com/annals/annals/geo"
	"github.com/annals/annals/internal/testshared"
	"github.com/annals/annals/nlp"
	"github.com/annals/annals/pipeline"
	"github.com/annals/annals/store"
	"github.com/annals/annals/store/sqlite"
)

const testToken = "test-token-123"

// Made-up articles (the events never happened). The last carries markup
// that must never run in the UI.
var articles = []PostDocument{
	{Title: "Iraqi forces attack militants near Mosul", Source: "annals test wire", Published: "2024-03-16", Text: `Iraqi forces attack militants near Mosul

BAGHDAD, March 15 (annals test) – Iraqi forces attacked Islamic State militants near Mosul on Thursday, the Iraqi defence ministry said.

The United States praised the Iraqi government for the operation and promised more military aid to Baghdad.

Iran condemned the air strikes and accused Washington of interfering in Iraq.

The Iraqi prime minister met the Turkish foreign minister in Baghdad on Friday to discuss border security.

Syria did not condemn the operation. Turkey will send observers to Mosul next week.`},
	{Title: `Troops shell border town <img src=x onerror="window.__pwned='title'">`, Source: "annals <b>test</b> wire", Published: "2024-03-21", Text: `Troops shell border town <script>window.__pwned=1</script>

KYIV, March 20 (annals test) – Ukrainian troops shelled Russian positions near Kharkiv on Sunday <script>window.__pwned=2</script>, the Ukrainian army said.

Russia accused Ukraine of attacking civilians in Belgorod <img src=x onerror="window.__pwned=3"> on Saturday.

Poland condemned the attacks <b onmouseover=window.__pwned=4>and</b> urged Russia to withdraw its troops.`},
	digest(),
	// One event far from all the others, as a misdated sentence gives:
	// the timeline must not let it hide them.
	{Title: "From the archive", Source: "annals test archive", Published: "1933-03-08", Text: `From the archive

Police arrested protesters in Berlin on Monday.`},
}

// digest is a made-up daily round-up: three events a day for four weeks,
// enough events that a single outlier is under 1% of them.
func digest() PostDocument {
	var b strings.Builder
	b.WriteString("Daily digest\n\n")
	for d := 1; d <= 28; d++ {
		fmt.Fprintf(&b, "On February %d, Indian police arrested protesters in Delhi. Brazilian troops attacked gang members in Rio de Janeiro on February %[1]d. On February %[1]d, the Mexican government praised Canada.\n\n", d)
	}
	return PostDocument{Title: "Daily digest", Source: "annals test wire", Published: "2024-03-01", Text: b.String()}
}

// fixture is a store filled through the API's own write path (ingest,
// pipeline, SaveDocument) and a server over it.
type fixture struct {
	store store.Store
	srv   *Server
	docs  []Posted
}

// pipelineOnce holds the language models, the Phoenix dictionaries and the
// embedded gazetteer, loaded once per test binary: they take seconds.
var pipelineOnce struct {
	sync.Once
	p   *pipeline.Pipeline
	err error
}

func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	shared := testshared.Shared(t)
	pipelineOnce.Do(func() {
		an, err := nlp.Default()
		if err != nil {
			pipelineOnce.err = fmt.Errorf("language models: %w", err)
			return
		}
		set, err := dict.LoadDir(filepath.Join(shared, "anchors", "petrarch2", "dictionaries"))
		if err != nil && set == nil {
			pipelineOnce.err = err
			return
		}
		gaz, err := geo.Default()
		if err != nil {
			pipelineOnce.err = err
			return
		}
		// PETRARCH's dictionaries and GDELT-like output: plain statements too.
		pipelineOnce.p, pipelineOnce.err = pipeline.New(pipeline.Options{Analyzer: an, Dicts: set, Gazetteer: gaz, Statements: true})
	})
	if pipelineOnce.err != nil {
		t.Fatalf("load the pipeline: %v", pipelineOnce.err)
	}
	return pipelineOnce.p
}

// newFixture codes the example article and the test articles into a new
// SQLite store by posting them to the server.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	p := testPipeline(t)
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "annals.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := New(Options{Store: st, Coder: p, Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: st, srv: srv}
	example, err := os.ReadFile("../examples/news/border-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	all := append([]PostDocument{{Source: "annals example", Published: "2024-03-12", Text: string(example)}}, articles...)
	for _, a := range all {
		var res Posted
		if code := f.do(t, "POST", "/api/documents", a, &res); code != http.StatusCreated {
			t.Fatalf("post %q: status %d", a.Title, code)
		}
		if res.Mentions == 0 {
			t.Fatalf("post %q: no events coded", a.Title)
		}
		f.docs = append(f.docs, res)
	}
	return f
}

// do sends a request with the test token (for POST) and decodes the JSON
// answer into out; it returns the status.
func (f *fixture) do(t testing.TB, method, target string, body any, out any) int {
	t.Helper()
	rec := serve(t, f.srv, method, target, body, testToken)
	if out != nil && rec.Code < 300 {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: decode %q: %v", method, target, rec.Body.String(), err)
		}
	}
	return rec.Code
}

func serve(t testing.TB, h http.Handler, method, target string, body any, token string) *httptest.ResponseRecorder {
	t.Helper()
	var rd *bytes.Reader
	switch b := body.(type) {
	case nil:
		rd = bytes.NewReader(nil)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req := httptest.NewRequest(method, target, rd)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
