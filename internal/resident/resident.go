// Package resident lets go of the memory of data embedded in the binary
// once it has been decoded.
//
// An embedded model is part of the executable's data segment: the pages
// read while decoding it stay in the process's resident set (the parser's
// 15 MB, the gazetteer's 6 MB) although the decoded form is all that is
// used afterwards.
package resident

// Drop tells the kernel that the pages wholly inside b, embedded data
// already decoded, may leave the resident set. Their content stays: a
// later read maps them from the executable again. Elsewhere than on Linux,
// it does nothing.
func Drop(b []byte) { drop(b) }
