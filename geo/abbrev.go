package geo

import "strings"

// abbreviations are the news-style (AP) abbreviations of US states and
// Canadian provinces, as datelines write them ("NEWARK, N.J. (AP)"), and
// those of Australian states that are no word or common acronym ("NSW",
// "Qld"), keyed by GeoNames admin1 code. Those that are also words match
// only with their final dot ("Miss.", "Wash.").
var abbreviations = map[string]string{
	"US.AL": "Ala.", "US.AZ": "Ariz.", "US.AR": "Ark.", "US.CA": "Calif.", "US.CO": "Colo.",
	"US.CT": "Conn.", "US.DE": "Del.", "US.FL": "Fla.", "US.GA": "Ga.", "US.IL": "Ill.",
	"US.IN": "Ind.", "US.KS": "Kan. Kans.", "US.KY": "Ky.", "US.LA": "La.", "US.MD": "Md.",
	"US.MA": "Mass.", "US.MI": "Mich.", "US.MN": "Minn.", "US.MS": "Miss.", "US.MO": "Mo.",
	"US.MT": "Mont.", "US.NE": "Neb. Nebr.", "US.NV": "Nev.", "US.NH": "N.H.", "US.NJ": "N.J.",
	"US.NM": "N.M.", "US.NY": "N.Y.", "US.NC": "N.C.", "US.ND": "N.D.", "US.OK": "Okla.",
	"US.OR": "Ore. Oreg.", "US.PA": "Pa.", "US.RI": "R.I.", "US.SC": "S.C.", "US.SD": "S.D.",
	"US.TN": "Tenn.", "US.TX": "Tex.", "US.VT": "Vt.", "US.VA": "Va.", "US.WA": "Wash.",
	"US.WV": "W.Va.", "US.WI": "Wis. Wisc.", "US.WY": "Wyo.", "US.DC": "D.C.",
	"CA.01": "Alta.", "CA.02": "B.C.", "CA.03": "Man.", "CA.04": "N.B.", "CA.05": "Nfld. N.L.",
	"CA.07": "N.S.", "CA.08": "Ont.", "CA.09": "P.E.I.", "CA.10": "Que.", "CA.11": "Sask.",
	"AU.02": "NSW N.S.W.", "AU.04": "Qld Qld.", "AU.06": "Tas.",
}

// abbreviationIndex maps each abbreviation to its admin1 place.
func abbreviationIndex(admin1 map[string]int) map[string]int {
	out := make(map[string]int)
	for code, list := range abbreviations {
		i, ok := admin1[code]
		if !ok {
			continue
		}
		for _, a := range strings.Fields(list) {
			out[a] = i
		}
	}
	return out
}
