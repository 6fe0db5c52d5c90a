// Package perceptron is a multi-class averaged perceptron over sparse,
// hashed features, shared by annals' tagger, parser and named-entity
// recognizer.
//
// A feature is a uint64 (usually a hash of a template id and the values it
// reads, see Hash); an instance is a slice of features, all with value 1.
// Training goes through a Trainer; Average turns it into an immutable Model
// whose weights are the averages over every update (Collins 2002), with
// near-zero weights pruned. A Model stores, for each feature, only the
// classes it has a weight for, which keeps models with hundreds of classes
// small and makes scoring cost proportional to the weights actually present.
//
// Models are saved in a compact binary form (Encode, Decode) and, gzipped,
// with Save and Load.
package perceptron

import "math"

// Hash mixes a template id and up to three values into one feature. It is
// deterministic across processes and platforms, so models trained in one
// process load into another; 0 is never returned (0 marks an empty slot).
func Hash(template uint64, a, b, c uint64) uint64 {
	h := mix(template*0x9E3779B97F4A7C15 ^ a)
	h = mix(h ^ b*0xC2B2AE3D27D4EB4F)
	h = mix(h ^ c*0x165667B19E3779F9)
	if h == 0 {
		h = 1
	}
	return h
}

// String hashes s with 64-bit FNV-1a; use it to turn words into values for
// Hash once per token rather than once per feature.
func String(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Bytes is String for a byte slice: Bytes(b) == String(string(b)).
func Bytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finalizer: every input bit affects every output bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Argmax returns the index of the highest score, the lowest index on ties,
// among the classes allowed reports true for (all of them when allowed is
// nil); -1 when none is allowed.
func Argmax(scores []float32, allowed func(int) bool) int {
	if allowed == nil {
		// The common case, without a call per class.
		if len(scores) == 0 {
			return -1
		}
		best, bestScore := 0, scores[0]
		for i, s := range scores[1:] {
			if s > bestScore {
				best, bestScore = i+1, s
			}
		}
		return best
	}
	best, bestScore := -1, float32(math.Inf(-1))
	for i, s := range scores {
		if allowed(i) && (best < 0 || s > bestScore) {
			best, bestScore = i, s
		}
	}
	return best
}
