package pipeline_test

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/annals/annals/event"
)

// TestCodeAllocLinear codes one news sentence repeated n and 4n times,
// within one part, and checks that the bytes allocated grow at most
// linearly: a step that copies, or builds something from, all the text or
// all the mentions before each new one (as the resolution of "the
// protesters" once lower-cased the whole text before it) makes them grow
// quadratically. Allocation, unlike time, does not depend on the load of
// the machine.
func TestCodeAllocLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 300 kB of text")
	}
	p := defaultPipeline(t)
	pub := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	alloc := func(n int) uint64 {
		doc := &event.Document{Text: strings.Repeat(repeated, n), Published: pub}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		res, err := p.Code(context.Background(), doc)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Records) != n {
			t.Fatalf("%d sentences gave %d records, want one each", n, len(res.Records))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	alloc(100) // first use: lazily built tables
	const n = 1000
	small, large := alloc(n), alloc(4*n)
	t.Logf("%d sentences: %d bytes allocated; %d: %d (%.2f times)", n, small, 4*n, large, float64(large)/float64(small))
	if float64(large) > 4*1.25*float64(small) {
		t.Errorf("4 times the text allocates %.2f times the bytes, want at most 5", float64(large)/float64(small))
	}
}
