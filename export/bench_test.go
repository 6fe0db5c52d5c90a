package export

import (
	"io"
	"testing"

	"github.com/annals/annals/store"
)

// events yields n copies of the sample event with distinct ids.
func events(n int) func(yield func(store.Event, error) bool) {
	return func(yield func(store.Event, error) bool) {
		e := sampleEvent()
		for i := range n {
			e.ID = int64(i)
			if !yield(e, nil) {
				return
			}
		}
	}
}

func BenchmarkWriteEvents(b *testing.B) {
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := WriteEvents(io.Discard, f, events(10000)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
