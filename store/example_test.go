package store_test

import (
	"fmt"

	"github.com/annals/annals/event"
	"github.com/annals/annals/store"
)

// Two reports of the same vote fold into one event because their fold base
// (actors, code, place) is equal and their dates fall in the window.
func ExampleFoldKey() {
	rec := event.Record{
		Source:   &event.Actor{Code: "IRQLEG"},
		Target:   &event.Actor{Code: "USAMIL"},
		Code:     "106",
		Location: &event.Location{Name: "Baghdad", Country: "IRQ", GazetteerID: "geonames:98182"},
		Date:     "2020-01-05",
	}
	day, _, _ := store.EventPeriod(&rec, &event.Document{})
	fmt.Println(store.FoldKey(store.FoldBase(&rec), day))
	fmt.Println(store.Confidence(&rec), "percent")
	// Output:
	// IRQLEG|USAMIL|106|geonames:98182|20200105
	// 100 percent
}
