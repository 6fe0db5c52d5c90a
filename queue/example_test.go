package queue_test

import (
	"fmt"

	"github.com/annals/annals/queue"
)

// The names a cluster uses follow from its stream and subject, and the
// status line has a fixed form that scripts can read.
func Example() {
	c := queue.Config{Stream: "NEWS", Subject: "news.docs"}
	fmt.Println(c.DeadStream(), c.DeadSubject(), c.WatchBucket(), c.WorkersBucket())
	s := queue.Status{Pending: 120, InFlight: 32, Redelivered: 1, Dead: 2, Workers: []string{"a-1", "b-7"}}
	fmt.Println(s.Line())
	// Output:
	// NEWS_DEAD news.docs.dead news_watch news_workers
	// pending=120 inflight=32 redelivered=1 dead=2 workers=2
}
