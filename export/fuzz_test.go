package export

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	WriteMentions(&buf, GDELT, seq(sampleMention()))
	f.Add(buf.Bytes())
	f.Add([]byte("a\tb\r\n\n\xff\t"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), "fuzz", Mentions)
		lines := bytes.Count(data, []byte("\n")) + 1
		for n := 0; ; n++ {
			if n > lines {
				t.Fatalf("more rows than lines")
			}
			row, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err == nil {
				if len(row) != 16 {
					t.Fatalf("row of %d fields without error", len(row))
				}
				// A row that reads must survive the Parquet conversion or
				// fail with an error, and write back as it came.
				ParquetRow[ParquetMention](row)
				var out bytes.Buffer
				w := NewWriter(&out, Mentions)
				if err := w.Write(row); err != nil {
					t.Fatal(err)
				}
				w.Flush()
				back, err := NewReader(&out, "again", Mentions).Read()
				if err != nil || len(back) != 16 {
					t.Fatalf("written row does not read back: %v", err)
				}
			}
		}
	})
}
