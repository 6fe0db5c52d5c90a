// Package testshared gives tests and benchmarks their inputs: it locates the
// shared data folder (../shared beside the repository), skipping when it is
// absent, reads the BBC news texts and the EWT dev treebank there, writes
// CoNLL-U sentences from compact rows and gzips the loaders' test inputs.
package testshared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Shared returns the path of the shared data folder, or skips tb with a
// message when it is not there.
func Shared(tb testing.TB) string {
	tb.Helper()
	root, err := ModuleRoot()
	if err != nil {
		tb.Skipf("shared data: %v", err)
	}
	shared := filepath.Join(filepath.Dir(root), "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("shared data not found at %s; skipping (it holds the corpora and gold sets)", shared)
	}
	return shared
}

// ModuleRoot returns the folder of the first go.mod above the current
// folder, which in a test is its package's.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// File returns the path of a file or folder under the shared folder, or
// skips tb when it is missing.
func File(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Shared(tb), rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data: %s is missing; skipping", p)
	}
	return p
}
