// Package shared locates the data directory that tests of the language
// layer read: ../shared next to the repository root.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data directory, or skips the test when it is
// absent.
func Dir(t testing.TB) string {
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
			t.Skip("no go.mod above the test directory; cannot locate ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data not found at %s (../shared from the repository root): %v", shared, err)
	}
	return shared
}

// File returns the path of a file under the shared directory, or skips the
// test when it is absent.
func File(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Dir(t), rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared file %s not found: %v", p, err)
	}
	return p
}
