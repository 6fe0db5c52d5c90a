package event

import (
	"fmt"
	"time"
)

// The precisions of a record's date (date_precision). Publication is a
// day: the article's own, standing in when the text dates nothing for the
// event.
const (
	PrecisionDay         = "day"
	PrecisionWeek        = "week"
	PrecisionMonth       = "month"
	PrecisionYear        = "year"
	PrecisionPublication = "publication"
)

// FormatDate writes d as a record's date at the given precision: YYYY for
// a year, YYYY-MM for a month, YYYY-MM-DD otherwise (for a week, its
// Monday). A date is never written finer than it is known, so no reader
// can take a year for its 1 January.
func FormatDate(d time.Time, precision string) string {
	switch precision {
	case PrecisionYear:
		return d.Format("2006")
	case PrecisionMonth:
		return d.Format("2006-01")
	}
	return d.Format("2006-01-02")
}

// ParseDate reads a record's date and precision and returns the first and
// the last day of the period they name (the same day for a day). A date
// without a precision is a day, or the month or year its length says.
// Records written before month and year dates were shortened
// ("2019-03-01" at month precision) read as their month or year.
func ParseDate(date, precision string) (first, last time.Time, err error) {
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(date)]
	if layout == "" {
		return first, last, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", date)
	}
	d, err := time.Parse(layout, date)
	if err != nil {
		return first, last, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", date)
	}
	y, m, _ := d.Date()
	switch {
	case precision == PrecisionYear || precision == "" && len(date) == 4:
		first = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(1, 0, -1), nil
	case precision == PrecisionMonth || precision == "" && len(date) == 7:
		first = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 1, -1), nil
	case len(date) != 10:
		return first, last, fmt.Errorf("date %q at %s precision: want YYYY-MM-DD", date, precision)
	case precision == PrecisionWeek:
		return d, d.AddDate(0, 0, 6), nil
	case precision == "" || precision == PrecisionDay || precision == PrecisionPublication:
		return d, d, nil
	}
	return first, last, fmt.Errorf("date precision %q: want day, week, month, year or publication", precision)
}

// Period returns the first and last day of the record's date; ok is false
// when it has none.
func (r *Record) Period() (first, last time.Time, ok bool, err error) {
	if r.Date == "" {
		return first, last, false, nil
	}
	first, last, err = ParseDate(r.Date, r.DatePrecision)
	if err != nil {
		return first, last, false, fmt.Errorf("record %s: %w", r.ID, err)
	}
	return first, last, true, nil
}
