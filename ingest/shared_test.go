package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/annals/annals/internal/testshared"
)

func TestSharedNews(t *testing.T) {
	tests := []struct {
		file    string
		minDocs int
	}{
		{"news/bbc/bbc_news_2004_2005.jsonl", 2000},
		{"news/wikinews/wikinews_2019.csv", 100},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			p := testshared.File(t, tt.file)
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
