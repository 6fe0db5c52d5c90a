package tokenize

import "testing"

// FuzzSplit checks Split's invariants on arbitrary bytes: no panic, offsets
// in range, increasing and non-overlapping, token text equal to the bytes at
// its offsets, and every byte that is not whitespace in some token.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"",
		"He said 'Stop. Now.' and left.",
		"Abu Mahdi al-Muhandis of Kata’ib Hezbollah don’t can't cannot gonna.",
		"U.S. Lt. Gen. J. R. R. Tolkien at 5 p.m. on 3/1/2020 paid $5 (5%).",
		"See http://x.org/a?b=1. Mail a@b.org @h #t :) ... -- — «x» ``y''",
		"Bomb kills 12\n\nA car bomb\nexploded.\r\n\u2028Next",
		"\xff\xfe\xc3 \x00\x1b \ufeff\u200b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Split(text))
	})
}
