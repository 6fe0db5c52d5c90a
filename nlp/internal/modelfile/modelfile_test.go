package modelfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/annals/annals/internal/testshared"
)

const testMagic = "annals-test-1\n"

var errBad = errors.New("not a test model")

// readAll is the decode of a model whose body is its rest.
func readAll(br *bufio.Reader) (string, error) {
	b, err := io.ReadAll(br)
	return string(b), err
}

func TestRoundTrip(t *testing.T) {
	for _, body := range []string{"", "weights", string(bytes.Repeat([]byte{0, 1, 0xff}, 1<<16))} {
		var b bytes.Buffer
		if err := Write(&b, testMagic, func(w io.Writer) error {
			_, err := io.WriteString(w, body)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatalf("Write did not write gzip: %v", err)
		}
		if raw, _ := io.ReadAll(zr); string(raw) != testMagic+body {
			t.Errorf("gzip stream holds %d bytes, want the magic line and a body of %d", len(raw), len(body))
		}
		got, err := Read(&b, testMagic, errBad, readAll)
		if err != nil || got != body {
			t.Errorf("Read = %d bytes, %v; want the %d bytes written", len(got), err, len(body))
		}
	}
}

func TestWriteBodyError(t *testing.T) {
	failed := errors.New("encoder failed")
	err := Write(io.Discard, testMagic, func(io.Writer) error { return failed })
	if !errors.Is(err, failed) {
		t.Errorf("Write = %v, want the body's error", err)
	}
}

func TestReadErrors(t *testing.T) {
	decodeFailed := errors.New("decode failed")
	tests := []struct {
		name   string
		in     []byte
		decode func(*bufio.Reader) (string, error)
		want   error
	}{
		{"empty", nil, readAll, errBad},
		{"not gzip", []byte(testMagic), readAll, errBad},
		{"other magic", testshared.Gzip("annals-other\nweights"), readAll, errBad},
		{"short magic", testshared.Gzip("annals"), readAll, errBad},
		{"decode error", testshared.Gzip(testMagic + "x"), func(*bufio.Reader) (string, error) { return "", decodeFailed }, decodeFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tt.in), testMagic, errBad, tt.decode); !errors.Is(err, tt.want) {
				t.Errorf("Read = %v, want an error wrapping %v", err, tt.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(testshared.Gzip(testMagic + "weights"))
	f.Add(testshared.Gzip("annals-other\n"))
	f.Add([]byte("plain text"))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := Read(bytes.NewReader(in), testMagic, errBad, readAll)
		if err != nil {
			return
		}
		// What was read must survive being written again.
		var b bytes.Buffer
		if err := Write(&b, testMagic, func(w io.Writer) error {
			_, err := io.WriteString(w, got)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if again, err := Read(&b, testMagic, errBad, readAll); err != nil || again != got {
			t.Fatalf("rewritten body reads back as %q, %v; want %q", again, err, got)
		}
	})
}

func Example() {
	var file bytes.Buffer
	err := Write(&file, "annals-example-1\n", func(w io.Writer) error {
		_, err := io.WriteString(w, "weights")
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	body, err := Read(&file, "annals-example-1\n", errBad, readAll)
	fmt.Println(body, err)
	_, err = Read(bytes.NewReader([]byte("plain text, not a model")), "annals-example-1\n", errBad, readAll)
	fmt.Println(err)
	// Output:
	// weights <nil>
	// not a test model: gzip: invalid header
}
