package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/annals/annals/store"
	"github.com/annals/annals/store/storetest"
)

func openTemp(t *testing.T, opt store.Options) store.Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "annals.db"), opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, openTemp)
}
