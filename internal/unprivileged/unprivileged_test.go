package unprivileged

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadOnly(t *testing.T) {
	if !Test(t) {
		return
	}
	if os.Geteuid() == 0 {
		t.Fatal("running as root")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "data")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ReadOnly(t, dir)
	if err := os.WriteFile(file, []byte("y"), 0o644); err == nil {
		t.Errorf("wrote %s after ReadOnly", file)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "x" {
		t.Errorf("read %s: %q, %v", file, b, err)
	}
}
