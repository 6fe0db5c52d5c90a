package export

import (
	"fmt"
	"io"
	"reflect"
	"strconv"

	"github.com/annals/annals/event"
	"github.com/parquet-go/parquet-go"
)

// ParquetRow converts a row of a GDELT table (as EventRow, MentionRow or
// Reader.Read give it) to its typed Parquet form: P is ParquetEvent for the
// Events table, ParquetMention for Mentions. Empty numeric fields become
// nulls; a numeric field that does not parse is an error naming its column.
// Counts, which GDELT's tables lack, are left empty (see parquetCounts).
func ParquetRow[P ParquetEvent | ParquetMention](row []string) (P, error) {
	var out P
	v := reflect.ValueOf(&out).Elem()
	if n := v.NumField() - 1; n != len(row) { // the last field is Counts
		return out, fmt.Errorf("parquet %T: row of %d fields, want %d", out, len(row), n)
	}
	for i, s := range row {
		f := v.Field(i)
		if f.Kind() == reflect.String {
			f.SetString(s)
			continue
		}
		if s == "" {
			continue // nil pointer: null
		}
		switch f.Type().Elem().Kind() {
		case reflect.Int64:
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return out, fmt.Errorf("parquet column %s: %w", v.Type().Field(i).Tag.Get("parquet"), err)
			}
			f.Set(reflect.ValueOf(&n))
		case reflect.Float64:
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return out, fmt.Errorf("parquet column %s: %w", v.Type().Field(i).Tag.Get("parquet"), err)
			}
			f.Set(reflect.ValueOf(&x))
		}
	}
	return out, nil
}

// parquetWriter batches rows into a Parquet file; row groups are cut by
// the library's default size, so memory stays bounded.
type parquetWriter[P any] struct {
	w   *parquet.GenericWriter[P]
	buf []P
}

func newParquetWriter[P any](w io.Writer) *parquetWriter[P] {
	return &parquetWriter[P]{w: parquet.NewGenericWriter[P](w, parquet.Compression(&parquet.Zstd))}
}

func (p *parquetWriter[P]) write(row P) error {
	p.buf = append(p.buf, row)
	if len(p.buf) < 1024 {
		return nil
	}
	return p.flush()
}

func (p *parquetWriter[P]) flush() error {
	if _, err := p.w.Write(p.buf); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetWriter[P]) close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// parquetCounts converts a record's counts to their Parquet form.
func parquetCounts(cs []event.Count) []ParquetCount {
	if len(cs) == 0 {
		return nil
	}
	out := make([]ParquetCount, len(cs))
	for i, c := range cs {
		out[i] = ParquetCount{Kind: string(c.Kind), Low: c.Low, High: c.High, Precision: string(c.Precision),
			Text: c.Text, Start: int64(c.Start), End: int64(c.End)}
	}
	return out
}

// withCounts sets the counts of a Parquet row.
func withCounts(p any, cs []event.Count) {
	switch p := p.(type) {
	case *ParquetEvent:
		p.Counts = parquetCounts(cs)
	case *ParquetMention:
		p.Counts = parquetCounts(cs)
	}
}
