package archtest

import (
	"errors"
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/annals/annals/internal/testshared"
)

// module is the module path of annals.
const module = "github.com/annals/annals"

// rule forbids the packages that match from to import a package that
// matches any of not. Patterns are paths inside the module ("store"),
// "x/..." for x and the packages below it, "..." for every package of the
// module; a pattern with a dot in its first element names packages
// outside the module ("github.com/jackc/pgx/...").
type rule struct {
	from []string
	not  []string
	why  string
}

// stages are the packages that turn text into event records; they know
// nothing of where records are kept, served or queued.
var stages = []string{"event", "ingest/...", "nlp/...", "coder/...", "cameo/...", "dict/...", "geo/...", "dates/...", "pipeline/...", "conllu/...", "counts/..."}

var rules = []rule{
	{[]string{"event"}, []string{"..."}, "event holds the domain types and imports nothing of annals"},
	{[]string{"nlp/..."}, []string{"cameo/...", "dict/...", "coder/..."}, "nlp is the language layer and knows no CAMEO"},
	{stages, []string{"store/...", "server/...", "export/...", "queue/...", "codestore/..."}, "a stage imports no store, server, export or queue: records flow out of the stages, never back"},
	{[]string{"store/..."}, []string{"server/...", "export/...", "queue/...", "codestore/..."}, "store serves the server, exports and queue and imports none of them"},
	{[]string{"queue/..."}, []string{"github.com/jackc/pgx/...", "github.com/lib/pq/...", "store/postgres/...", "store/sqlite/..."}, "queue knows no database: it retries on store.ErrUnavailable, not on PostgreSQL's error codes"},
}

// match reports whether package path p matches pattern; own says whether
// p is a package of the module (given relative to it) or not (given in
// full).
func match(pattern, p string, own bool) bool {
	if pattern == "..." {
		return own
	}
	first, _, _ := strings.Cut(pattern, "/")
	if strings.Contains(first, ".") == own {
		return false // a pattern outside the module, a package inside, or the reverse
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return p == base || strings.HasPrefix(p, base+"/")
	}
	return p == pattern
}

// violations lists, sorted, every import of graph that breaks a rule.
// graph maps each package of the module, relative to it, to its imports:
// the module's relative, others (the standard library, other modules) in
// full.
func violations(graph map[string][]string, rules []rule) []string {
	var out []string
	for pkg, imports := range graph {
		for _, r := range rules {
			if !slices.ContainsFunc(r.from, func(f string) bool { return match(f, pkg, true) }) {
				continue
			}
			for _, imp := range imports {
				_, own := graph[imp]
				if slices.ContainsFunc(r.not, func(n string) bool { return match(n, imp, own) }) {
					out = append(out, fmt.Sprintf("%s imports %s: %s", pkg, imp, r.why))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestRulesOnFakeGraphs(t *testing.T) {
	clean := map[string][]string{
		"event":          {"strings", "crypto/sha256"},
		"nlp":            {"event", "nlp/tag"},
		"nlp/tag":        {"event"},
		"cameo":          {"slices"},
		"dict":           {"cameo", "event"},
		"coder":          {"cameo", "dict", "event"},
		"pipeline":       {"coder", "nlp", "event"},
		"store":          {"cameo", "event"},
		"store/postgres": {"store", "github.com/jackc/pgx/v5/pgconn"},
		"store/sqlite":   {"store", "modernc.org/sqlite"},
		"ingest":         {"event", "golang.org/x/net/html"},
		"export":         {"store"},
		"server":         {"store", "pipeline"},
		"queue":          {"store", "github.com/nats-io/nats.go"},
		"internal/cli":   {"server", "queue", "store/postgres"},
	}
	tests := []struct {
		name string
		pkg  string
		add  string
		want string // the package and import named by the one violation; "" for none
	}{
		{"clean", "", "", ""},
		{"event imports annals", "event", "cameo", "event imports cameo"},
		{"event imports the standard library", "event", "time", ""},
		{"event imports another module", "event", "golang.org/x/text/unicode/norm", ""},
		{"nlp knows CAMEO", "nlp/tag", "cameo", "nlp/tag imports cameo"},
		{"nlp reads dictionaries", "nlp", "dict", "nlp imports dict"},
		{"nlp codes", "nlp", "coder", "nlp imports coder"},
		{"a stage stores", "pipeline", "store", "pipeline imports store"},
		{"a stage serves", "ingest", "server", "ingest imports server"},
		{"a stage queues", "coder", "queue", "coder imports queue"},
		{"a backend's child", "dict", "store/sqlite", "dict imports store/sqlite"},
		{"store serves", "store", "server", "store imports server"},
		{"a store backend serves", "store/postgres", "server", "store/postgres imports server"},
		{"queue reads SQLSTATE", "queue", "github.com/jackc/pgx/v5/pgconn", "queue imports github.com/jackc/pgx/v5/pgconn"},
		{"queue picks a backend", "queue", "store/postgres", "queue imports store/postgres"},
		{"the command imports everything", "internal/cli", "pipeline", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := make(map[string][]string, len(clean)+1)
			for k, v := range clean {
				g[k] = slices.Clone(v)
			}
			if tt.pkg != "" {
				g[tt.pkg] = append(g[tt.pkg], tt.add)
			}
			got := violations(g, rules)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("violations = %q, want none", got)
			case tt.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tt.want+":")):
				t.Errorf("violations = %q, want one: %q", got, tt.want)
			}
		})
	}
}

// TestModuleImports checks the rules on the module's packages as they are:
// their own imports (not their tests'), under the current build context.
func TestModuleImports(t *testing.T) {
	root, err := testshared.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	graph := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (name == "testdata" || name == "node_modules" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		if path != root {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
		}
		pkg, err := build.Default.ImportDir(path, 0)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read package %s: %w", path, err)
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		var imports []string
		for _, imp := range pkg.Imports {
			if p, ok := strings.CutPrefix(imp, module+"/"); ok {
				imp = p
			}
			imports = append(imports, imp)
		}
		graph[rel] = imports
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The rules must have something to check: the packages they name are
	// there and their imports were read.
	for _, p := range []string{"event", "nlp", "nlp/tag", "coder", "cameo", "dict", "ingest", "pipeline", "store", "store/postgres", "server", "queue"} {
		if _, ok := graph[p]; !ok {
			t.Fatalf("package %s not found under %s", p, root)
		}
	}
	if !slices.Contains(graph["queue"], "store") || !slices.Contains(graph["pipeline"], "coder") {
		t.Fatalf("imports not read: queue %q, pipeline %q", graph["queue"], graph["pipeline"])
	}
	for _, v := range violations(graph, rules) {
		t.Error(v)
	}
}
