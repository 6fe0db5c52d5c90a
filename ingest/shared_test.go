package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds ../shared beside the repository root, or skips.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data not found at %s; skipping the real-input test", shared)
	}
	return shared
}

func TestSharedNews(t *testing.T) {
	shared := sharedDir(t)
	tests := []struct {
		file    string
		minDocs int
	}{
		{"news/bbc/bbc_news_2004_2005.jsonl", 2000},
		{"news/wikinews/wikinews_2019.csv", 100},
		{"news/wikinews/wikinews_2020.csv", 100},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			p := filepath.Join(shared, tt.file)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("%s absent", p)
			}
			docs, errs := 0, 0
			ids := map[string]bool{}
			for it := range Open(context.Background(), []string{p}, Options{}) {
				if it.Err != nil {
					errs++
					t.Log(it.Err)
					continue
				}
				docs++
				if it.Doc.Title == "" || ids[it.Doc.ID] {
					t.Errorf("%s: title %q, id %q (duplicate %v)", it.Input, it.Doc.Title, it.Doc.ID, ids[it.Doc.ID])
				}
				ids[it.Doc.ID] = true
			}
			if docs < tt.minDocs || errs > docs/100 {
				t.Errorf("%d documents, %d errors; want at least %d documents and under 1%% errors", docs, errs, tt.minDocs)
			}
		})
	}
}
