package event

import (
	"testing"
	"time"
)

func TestFormatDate(t *testing.T) {
	d := time.Date(1933, 3, 6, 0, 0, 0, 0, time.UTC)
	for prec, want := range map[string]string{
		PrecisionDay: "1933-03-06", PrecisionWeek: "1933-03-06", PrecisionMonth: "1933-03", PrecisionYear: "1933", PrecisionPublication: "1933-03-06",
	} {
		if got := FormatDate(d, prec); got != want {
			t.Errorf("%s: got %s, want %s", prec, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		date, prec  string
		first, last string // "" for an error
	}{
		{"1933", "year", "1933-01-01", "1933-12-31"},
		{"1933", "", "1933-01-01", "1933-12-31"},
		{"2020-02", "month", "2020-02-01", "2020-02-29"},
		{"2020-02", "", "2020-02-01", "2020-02-29"},
		{"2020-01-06", "week", "2020-01-06", "2020-01-12"},
		{"2020-01-24", "day", "2020-01-24", "2020-01-24"},
		{"2020-01-24", "publication", "2020-01-24", "2020-01-24"},
		{"2020-01-24", "", "2020-01-24", "2020-01-24"},
		// written before month and year dates were shortened
		{"1933-01-01", "year", "1933-01-01", "1933-12-31"},
		{"2019-03-01", "month", "2019-03-01", "2019-03-31"},
		{"2020-01", "week", "", ""},
		{"2020-01-24", "fortnight", "", ""},
		{"24 January 2020", "day", "", ""},
		{"2020-13-01", "day", "", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		first, last, err := ParseDate(tt.date, tt.prec)
		if tt.first == "" {
			if err == nil {
				t.Errorf("%q %q: got %v..%v, want an error", tt.date, tt.prec, first, last)
			}
			continue
		}
		if err != nil || first.Format(time.DateOnly) != tt.first || last.Format(time.DateOnly) != tt.last {
			t.Errorf("%q %q: got %v..%v (%v), want %s..%s", tt.date, tt.prec, first, last, err, tt.first, tt.last)
		}
	}
}

// FuzzParseDate checks that whatever ParseDate accepts is a period that
// does not end before it starts, and that the record's own date format
// reads back.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1933", "2020-02", "2020-01-06", "0000-00-00", "2020-1-1"} {
		f.Add(s, "year")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, date, prec string) {
		first, last, err := ParseDate(date, prec)
		if err != nil {
			return
		}
		if last.Before(first) {
			t.Fatalf("%q %q: period %v..%v ends before it starts", date, prec, first, last)
		}
		if p := FormatDate(first, prec); prec != "" && prec != PrecisionWeek {
			if f2, l2, err := ParseDate(p, prec); err != nil || !f2.Equal(first) || !l2.Equal(last) {
				t.Fatalf("%q %q: %q reads back as %v..%v (%v)", date, prec, p, f2, l2, err)
			}
		}
	})
}
