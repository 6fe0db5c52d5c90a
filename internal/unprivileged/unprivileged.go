// Package unprivileged lets a test check what file permissions forbid.
// Root ignores permission bits, and tests often run as root (CI
// containers), where a test that makes a file read-only with chmod and
// expects a write to fail would pass without testing anything.
package unprivileged

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// childEnv names, in the child process, the test it runs.
const childEnv = "ANNALS_UNPRIVILEGED_TEST"

// nobody is the user and group id the child runs as.
const nobody = 65534

// Test reports whether the calling test runs as a user that file
// permissions bind, so that it may go on. Run as root, it runs the test
// again in a child process as the user nobody (uid and gid 65534, no
// supplementary groups), reports the child's failure or skip as its own,
// and returns false: the caller then returns at once. The child runs a
// copy of the test binary in a temporary folder, not in the package's
// folder, and has the parent's environment. A test that cannot be run so
// (no right to change user) is skipped.
func Test(t *testing.T) bool {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() || os.Geteuid() != 0 {
		return true
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("cannot run as an unprivileged user: %v", err)
	}
	dir, err := os.MkdirTemp("", "annals-unprivileged-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	bin := filepath.Join(dir, "test")
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(bin, exe); err != nil {
		t.Fatal(err)
	}
	var run []string
	for _, part := range strings.Split(t.Name(), "/") {
		run = append(run, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.CommandContext(t.Context(), bin, "-test.run="+strings.Join(run, "/"), "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name(), "HOME="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody, Groups: []uint32{}}}
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil && cmd.ProcessState == nil:
		t.Skipf("cannot run as user %d: %v", nobody, err)
	case err != nil:
		t.Fatalf("as user %d: %v\n%s", nobody, err, out)
	case strings.Contains(string(out), "--- SKIP: "+t.Name()):
		t.Skipf("as user %d:\n%s", nobody, out)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("as user %d, the test did not run:\n%s", nobody, out)
	}
	t.Logf("passed as user %d", nobody)
	return false
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// ReadOnly makes dir and the files in it read-only for the rest of the
// test, and restores them when it ends so that the test's temporary
// folders can be removed. It fails the test when this process can still
// create a file in dir: then permissions do not bind it (call Test
// first).
func ReadOnly(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(dir, 0o755)
		for _, e := range entries {
			os.Chmod(filepath.Join(dir, e.Name()), 0o644)
		}
	})
	for _, e := range entries {
		if err := os.Chmod(filepath.Join(dir, e.Name()), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	probe := filepath.Join(dir, "probe")
	if f, err := os.Create(probe); err == nil {
		f.Close()
		os.Remove(probe)
		t.Fatalf("%s is read-only, yet this process (uid %d) created a file in it: permissions do not bind it", dir, os.Geteuid())
	}
}
