package dict_test

import (
	"strings"
	"testing"

	"github.com/annals/annals/dict"
)

// TestDemonyms checks that the embedded dictionaries know the adjective
// and the plural noun of a country's people, where English has them.
func TestDemonyms(t *testing.T) {
	set, err := dict.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, code string }{
		{"Fijian", "FJI"}, {"Fijians", "FJI"}, {"Afghan", "AFG"}, {"Afghans", "AFG"},
		{"Vietnamese", "VNM"}, {"Chinese", "CHN"}, {"Japanese", "JPN"}, {"Tanzanian", "TZA"},
		{"Tajik", "TJK"}, {"Tajiks", "TJK"}, {"Croat", "HRV"}, {"Croats", "HRV"},
		{"Kosovar", "XKX"}, {"Kosovans", "XKX"}, {"Central African", "CAF"}, {"Burkinabe", "BFA"},
		{"Argentinian", "ARG"}, {"Ecuadorean", "ECU"}, {"Salvadoreans", "SLV"}, {"Solomon Islanders", "SLB"},
		{"Luxembourger", "LUX"}, {"Slovakian", "SVK"}, {"Khmer", "KHM"}, {"East Timorese", "TLS"},
		{"Filipinos", "PHL"}, {"Emirati", "ARE"}, {"Somalis", "SOM"}, {"New Zealanders", "NZL"},
	} {
		words := strings.Fields(strings.ToUpper(c.name))
		m, ok := set.Actors.Match(words, 0)
		if !ok || m.End != len(words) {
			t.Errorf("%q: no actor", c.name)
			continue
		}
		if got := m.Actor.CodeAt(20200101); got != c.code {
			t.Errorf("%q: code %s, want %s", c.name, got, c.code)
		}
	}
}
