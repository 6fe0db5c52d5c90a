package cli

import (
	"os"
	"runtime"
	"runtime/debug"
)

// runAllowance is the Go memory a run of many documents may add to what
// is live once the models are loaded, before the collector must run:
// documents in flight need a few megabytes each.
const runAllowance = 64 << 20

// boundHeap sets a soft limit on the Go runtime's memory for a long run,
// to be called once the models are loaded, unless GOMEMLIMIT sets one.
// The collector otherwise lets the heap grow by as much as is live, and
// the models are most of that (80 MB, the gazetteer most of it): as much
// garbage again piled up between collections. With the limit an ingest
// of the BBC set peaks about 40 MB lower for half as many collections
// again, each marking little (docs/benchmarks.md). A limit is soft: when
// a document needs more, the collector is capped at half the CPU, not
// the program stopped.
func boundHeap() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// A tenth more for the runtime's own structures and fragmentation.
	debug.SetMemoryLimit(int64(ms.HeapAlloc+ms.HeapAlloc/10) + runAllowance)
}
