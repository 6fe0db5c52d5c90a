package storetest_test

import (
	"fmt"

	"github.com/annals/annals/store/storetest"
)

// Rec and Doc make the made-up records and articles the suite saves.
func ExampleRec() {
	r := storetest.Rec("2020-01-05", "IRQLEG", "USAMIL", "106", "Baghdad", 2)
	d := storetest.Doc("https://news.example/1", "Example News", "", "2020-01-24")
	fmt.Println(r.Code, r.Root, r.QuadClass, r.Source.Code, r.Target.Code, r.Location.GazetteerID, r.Sentence.Index)
	fmt.Println(d.Source, d.Published.Format("2006-01-02"))
	// Output:
	// 106 10 3 IRQLEG USAMIL geonames:98182 2
	// Example News 2020-01-24
}
