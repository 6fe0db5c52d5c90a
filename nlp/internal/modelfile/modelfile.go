// Package modelfile reads and writes the files the language models are
// saved in: a gzip stream at best compression that opens with a magic line
// naming the format and its version, so that one model's file is never
// read as another's and a corrupt one is refused before it is decoded.
package modelfile

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
)

// Write writes a model file to w: the gzip stream, the magic line, then
// what body writes. Magic may be empty when body writes a header of its
// own.
func Write(w io.Writer, magic string, body func(io.Writer) error) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zw, magic); err != nil {
		return err
	}
	if err := body(zw); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a model file written by Write with the same magic: decode
// reads what follows the magic line. Input that is not gzip or opens with
// another line gives an error wrapping bad; decode's errors come back as
// they are.
func Read[T any](r io.Reader, magic string, bad error, decode func(*bufio.Reader) (T, error)) (T, error) {
	var zero T
	zr, err := gzip.NewReader(r)
	if err != nil {
		return zero, fmt.Errorf("%w: %v", bad, err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return zero, fmt.Errorf("%w: no %q header", bad, magic)
	}
	return decode(br)
}
