package geo

import (
	"math/rand"
	"testing"
)

// TestMergeOverlaps checks Merge's overlap test, done with a binary search
// over the tagged spans, against a comparison of every pair, on random
// spans that overlap, nest and touch.
func TestMergeOverlaps(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	span := func() Mention {
		s := rng.Intn(200)
		return Mention{Start: s, End: s + 1 + rng.Intn(12)}
	}
	for round := 0; round < 200; round++ {
		var tagged, found []Mention
		for i := rng.Intn(8); i > 0; i-- {
			tagged = append(tagged, span())
		}
		for i := rng.Intn(8); i > 0; i-- {
			found = append(found, span())
		}
		kept := 0
		for _, f := range found {
			overlaps := false
			for _, x := range tagged {
				overlaps = overlaps || f.Start < x.End && x.Start < f.End
			}
			if !overlaps {
				kept++
			}
		}
		if got := len(Merge(tagged, found)); got != len(tagged)+kept {
			t.Fatalf("tagged %v, found %v: %d mentions, want %d", tagged, found, got, len(tagged)+kept)
		}
	}
}

// TestNearGrid checks localPlaces.near against a pass over every resolved
// mention, on random places around the world (poles and the date line
// included), and that a place resolved many times is held once: near's
// work is bounded by the distinct places around p, not by the mentions of
// the document.
func TestNearGrid(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	places := make([]Place, 300)
	for i := range places {
		switch i % 3 {
		case 0: // a cluster, so that many lie within nearKm
			places[i].Lat, places[i].Lon = 1+rng.Float64()*3, 179+rng.Float64()*2-180*float64(rng.Intn(2))
		case 1:
			places[i].Lat, places[i].Lon = 88+rng.Float64()*2, rng.Float64()*360-180
		default:
			places[i].Lat, places[i].Lon = rng.Float64()*180-90, rng.Float64()*360-180
		}
	}
	keys := []string{"a", "b", "c", "d"}
	type mention struct {
		key   string
		place *Place
	}
	var ms []mention
	var l localPlaces
	for i := 0; i < 2000; i++ {
		m := mention{keys[rng.Intn(len(keys))], &places[rng.Intn(len(places))]}
		ms = append(ms, m)
		l.add(m.key, m.place)
	}
	for i := range places {
		p := &places[i]
		for _, key := range keys {
			want := false
			for _, m := range ms {
				want = want || m.key != key && m.place != p && Distance(m.place.Lat, m.place.Lon, p.Lat, p.Lon) < nearKm
			}
			if got := l.near(p, key); got != want {
				t.Fatalf("near(%v, %q) = %v, want %v", *p, key, got, want)
			}
		}
	}
	held := 0
	for _, c := range l.grid {
		held += len(c)
	}
	if held > len(places) {
		t.Errorf("%d mentions of %d places held as %d entries", len(ms), len(places), held)
	}
}
