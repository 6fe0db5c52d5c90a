package queue

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/annals/annals/internal/testshared"
)

// natsServer is a nats-server process of the test's own, with JetStream
// storage in a temporary directory, on a free port.
type natsServer struct {
	bin, dir string
	port     int
	cmd      *exec.Cmd
}

func startNATS(t *testing.T) *natsServer {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		if _, err2 := os.Stat("/usr/sbin/nats-server"); err2 != nil {
			t.Skipf("nats-server not installed: %v", err)
		}
		bin = "/usr/sbin/nats-server"
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &natsServer{bin: bin, dir: t.TempDir(), port: port}
	s.start(t)
	t.Cleanup(func() {
		if s.cmd != nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
	})
	return s
}

func (s *natsServer) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

func (s *natsServer) start(t *testing.T) {
	t.Helper()
	s.cmd = exec.Command(s.bin, "-a", "127.0.0.1", "-p", fmt.Sprint(s.port), "-js", "-sd", s.dir)
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("start nats-server: %v", err)
	}
	waitFor(t, 10*time.Second, "nats-server to accept connections", func() bool {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.port))
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

// restart kills the server (no goodbye to its clients) and starts it again
// on the same port and storage.
func (s *natsServer) restart(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
	s.start(t)
}

// TestFault runs a small cluster through the faults of a real one: a
// worker killed with SIGKILL mid-batch, NATS restarted, the workers'
// PostgreSQL connections terminated. When the queue is drained every
// document must be stored once, nothing orphaned or pending, and the
// coded events the same as one annals ingest of the same articles.
func TestFault(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test: builds annals, runs a three-worker cluster (about a minute)")
	}
	bbc := testshared.File(t, "news/bbc/bbc_news_2004_2005.jsonl")
	dsn := testPostgresDSN(t)
	ns := startNATS(t)
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "annals")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/annals").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n = 500
	in := filepath.Join(tmp, "bbc500.jsonl")
	writeHead(t, bbc, in, n)
	run := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("annals %s: %v\n%s", strings.Join(args, " "), err, errb.String())
		}
		return out.String()
	}

	// The reference: one annals ingest into SQLite.
	ref := filepath.Join(tmp, "ref.db")
	run("ingest", "--db", ref, in)

	// The cluster: the commands of the README's "Running on many machines".
	run("queue", "submit", "--nats", ns.url(), in)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	workers := make([]*exec.Cmd, 3)
	var logs []string
	startWorker := func(i int) {
		log, err := os.Create(filepath.Join(tmp, fmt.Sprintf("worker%d-%d.log", i, time.Now().UnixNano())))
		if err != nil {
			t.Fatal(err)
		}
		logs = append(logs, log.Name())
		t.Cleanup(func() {
			log.Close()
			if t.Failed() {
				data, _ := os.ReadFile(log.Name())
				t.Logf("%s:\n%s", filepath.Base(log.Name()), tail(string(data), 3000))
			}
		})
		cmd := exec.Command(bin, "worker", "--nats", ns.url(), "--postgres", dsn, "--batch", "8", "--parallel", "1",
			"--ack-wait", "5s", "--metrics", "", "--name", fmt.Sprintf("w%d", i))
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		workers[i] = cmd
	}
	t.Cleanup(func() {
		for _, w := range workers {
			if w != nil && w.ProcessState == nil {
				w.Process.Kill()
				w.Wait()
			}
		}
	})
	for i := range workers {
		startWorker(i)
	}
	stored := func() int {
		var k int
		if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&k); err != nil {
			return 0 // the schema may not exist yet
		}
		return k
	}
	deadline := 4 * time.Minute

	waitFor(t, deadline, "50 documents stored", func() bool { return stored() >= 50 })
	workers[0].Process.Signal(syscall.SIGKILL)
	workers[0].Wait()
	t.Logf("worker 0 killed with SIGKILL at %d documents stored", stored())
	startWorker(0)

	waitFor(t, deadline, "150 documents stored", func() bool { return stored() >= 150 })
	ns.restart(t)
	t.Logf("NATS restarted at %d documents stored", stored())

	waitFor(t, deadline, "250 documents stored", func() bool { return stored() >= 250 })
	u, _ := url.Parse(dsn)
	var killed int
	if err := db.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
		strings.TrimPrefix(u.Path, "/")).Scan(&killed); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d PostgreSQL connections terminated at %d documents stored", killed, stored())

	var full, last string
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last status:\n%s", full)
		}
	})
	waitFor(t, deadline, "the queue to drain", func() bool {
		out := strings.TrimSpace(run("queue", "status", "--nats", ns.url()))
		full, last = out, out[strings.LastIndexByte(out, '\n')+1:]
		return strings.HasPrefix(last, "pending=0 inflight=0 ")
	})
	for i, w := range workers {
		w.Process.Signal(syscall.SIGTERM)
		if err := w.Wait(); err != nil {
			t.Errorf("worker %d after SIGTERM: %v", i, err)
		}
	}
	if !strings.Contains(last, " dead=0 ") {
		t.Errorf("status after draining: %q, want no dead letters", last)
	}

	// Every document once, nothing orphaned, counts consistent.
	for _, q := range []string{
		`SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT id FROM events)`,
		`SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)`,
		`SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM mentions)`,
		`SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)`,
		`SELECT count(*) FROM (SELECT hash FROM documents GROUP BY hash HAVING count(*) > 1) d`,
	} {
		var k int
		if err := db.QueryRow(q).Scan(&k); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if k != 0 {
			t.Errorf("%s: %d rows", q, k)
		}
	}
	for _, table := range []string{"mentions", "events"} {
		got := exportLines(t, run("export", "--postgres", dsn, "--table", table), table == "events")
		want := exportLines(t, run("export", "--db", ref, "--table", table), table == "events")
		if len(want) == 0 {
			t.Fatalf("the reference ingest exported no %s", table)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s differ from a single annals ingest: %d exported, want %d; first difference:\n%s", table, len(got), len(want), firstDiff(got, want))
		}
	}
	t.Logf("%d documents stored; %s", stored(), last)
	var all strings.Builder
	for _, l := range logs {
		data, _ := os.ReadFile(l)
		all.Write(data)
	}
	for _, what := range []string{"requeued messages", "database unavailable", "fetch failed", "ack failed"} {
		t.Logf("worker logs: %d lines %q", strings.Count(all.String(), what), what)
	}
}

// writeHead copies the first n lines of src to dst.
func writeHead(t *testing.T, src, dst string, n int) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		buf.Write(sc.Bytes())
		buf.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// exportLines sorts exported JSON Lines. An event's exported record is its
// first mention's, and which mention is first depends on the order
// documents are stored in, which many workers (or one ingest with several
// coding goroutines) do not fix; so events compare by what folds them, and
// mentions compare whole.
func exportLines(t *testing.T, out string, events bool) []string {
	t.Helper()
	var lines []string
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if events {
			var r struct {
				Date     string
				Code     string
				Source   *struct{ Code string }
				Target   *struct{ Code string }
				Location *struct {
					Name        string
					Country     string
					GazetteerID string `json:"gazetteer_id"`
				}
			}
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("exported event %q: %v", line, err)
			}
			b, _ := json.Marshal(r)
			line = string(b)
		}
		lines = append(lines, line)
	}
	slices.Sort(lines)
	return lines
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("got  %s\nwant %s", got[i], want[i])
		}
	}
	return "(one is a prefix of the other)"
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
