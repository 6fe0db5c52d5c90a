package export_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/annals/annals/event"
	"github.com/annals/annals/export"
	"github.com/annals/annals/store"
)

func ExampleEventRow() {
	e := store.Event{
		ID: 1,
		Record: event.Record{
			Date:      "2020-01-05",
			Source:    &event.Actor{Text: "Iraqi parliament", Code: "IRQLEG", Country: "IRQ", Roles: []string{"LEG"}},
			Code:      "0841",
			Root:      "08",
			QuadClass: 2,
			Goldstein: 7,
			Location:  &event.Location{Name: "Iraq", Country: "IRQ"},
		},
		NumMentions: 1, NumSources: 1, NumArticles: 1,
		FirstSeen: time.Date(2020, 1, 5, 12, 0, 0, 0, time.UTC),
	}
	row := export.EventRow(e)
	for _, col := range []string{"SQLDATE", "FractionDate", "Actor1Code", "Actor1Type1Code", "EventCode", "EventBaseCode", "GoldsteinScale", "ActionGeo_Type", "ActionGeo_CountryCode", "DATEADDED"} {
		fmt.Printf("%s=%s\n", col, row[export.Events.Index(col)])
	}
	// Output:
	// SQLDATE=20200105
	// FractionDate=2020.0137
	// Actor1Code=IRQLEG
	// Actor1Type1Code=LEG
	// EventCode=0841
	// EventBaseCode=084
	// GoldsteinScale=7.0
	// ActionGeo_Type=1
	// ActionGeo_CountryCode=IZ
	// DATEADDED=20200105120000
}

func ExampleReader() {
	// A Mentions row with its first two fields set, then a broken row.
	in := "613300832\t20170101073000" + strings.Repeat("\t", 14) + "\n" + "too\tshort\n"
	r := export.NewReader(strings.NewReader(in), "mentions.tsv", export.Mentions)
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(len(row), row[0], row[1])
	}
	// Output:
	// 16 613300832 20170101073000
	// gdelt mentions.tsv:2: wrong number of fields: 2, want 16
}

func ExampleJSONLWriter() {
	w := export.NewJSONLWriter(os.Stdout)
	w.Write(event.Record{ID: "e-1", Doc: event.DocRef{ID: "d-1"}, Code: "042", Root: "04", QuadClass: 1, Goldstein: 1.9, Mode: event.Asserted})
	w.Flush()
	// Output:
	// {"id":"e-1","doc":{"id":"d-1"},"sentence":{"index":0,"start":0,"end":0,"text":""},"source":null,"target":null,"code":"042","root":"04","quad_class":1,"goldstein":1.9,"mode":"asserted","location":null,"quote":null,"evidence":{"verb":"","rule":"","start":0,"end":0}}
}
