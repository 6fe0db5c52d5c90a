package dict

// roleCodes lists the CAMEO role codes that agents.txt may give: the
// actor types of the CAMEO manual (government, military, rebels, ...),
// the organisation types (IGO, NGO, ...) and the religion codes that
// CAMEO uses as roles of clerics and religious groups.
var roleCodes = []string{
	// state and political actors
	"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "ELI", "MOD", "RAD",
	// armed non-state actors
	"REB", "INS", "SEP", "UAF", "IMG", "CRM",
	// society
	"CVL", "BUS", "MED", "EDU", "LAB", "AGR", "ENV", "HLH", "HRI", "DEV", "REF", "SET",
	// organisations
	"IGO", "NGO", "NGM", "MNC", "INT", "PKO", "UIS",
	// religions
	"ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD", "ITR", "JAN",
	"JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO",
}

var roleSet = func() map[string]bool {
	m := make(map[string]bool, len(roleCodes))
	for _, c := range roleCodes {
		m[c] = true
	}
	return m
}()

// IsRole reports whether a three-letter code is a role (GOV, MIL, NGO,
// ...) rather than a country: "GOV" alone is a government of no named
// country.
func IsRole(code string) bool { return roleSet[code] }
