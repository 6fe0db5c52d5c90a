//go:build !unix

package extract

import "time"

// cpuTime is not measured here; timings report wall time only.
func cpuTime() time.Duration { return 0 }
