package testshared

import (
	"bytes"
	"compress/gzip"
)

// Gzip returns s gzipped: the corrupt and seed model files of the loaders'
// tests and fuzz targets, which all read gzip.
func Gzip(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s)) // a bytes.Buffer does not fail
	zw.Close()
	return b.Bytes()
}
