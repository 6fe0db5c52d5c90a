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
	"CVL", "BUS", "MED", "EDU", "LAB", "AGR", "ENV", "HLH", "HRI", "DEV", "REF", "REL", "SET",
	// organisations
	"IGO", "NGO", "NGM", "MNC", "INT", "PKO", "UIS",
	// religions
	"MOS", "SHI", "SUN", "CHR", "CTH", "ORT", "PRO", "JEW", "HIN", "BUD",
}
