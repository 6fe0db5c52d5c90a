package cameo

// CAMEO codes what an actor says it will do as an intention, not as the
// deed: "Finland will give Tanzania a grant" is 033 (express intent to
// provide material aid), "the rebels vowed to attack" 138 (threaten with
// military force). intentOf maps a deed's code to its intention.
var intentOf = map[string]string{
	// cooperation: 03x, "express intent to ..."
	"04": "036", "045": "039", "046": "036",
	"05": "032", "057": "030",
	"06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
	"0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
	// conflict: 13x, "threaten ..."
	"14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312",
	"17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"18": "138", "19": "138", "195": "1383", "20": "1383", "204": "1385",
}

// demandOf mirrors CAMEO's yield codes (08x) onto its demand codes (10x):
// to demand that someone yield in a way is the 10x code of that 08x.
var demandOf = map[string]string{
	"080": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041", "0832": "1042",
	"0833": "1043", "0834": "1044", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
}

// agentOf holds the acts that only a state does, with the role that does
// them: arrests, detentions and charges (173), violent repression (175)
// and confiscations (1711) are its police's; verdicts (116) its courts';
// expulsions (174), censorship, bans of parties, curfews and states of
// emergency (1721 to 1724) its government's. (Plain 172 is not among
// them: "the road was closed", "talks were suspended".)
var agentOf = map[string]string{
	"116": "JUD", "1711": "COP", "173": "COP", "175": "COP",
	"174": "GOV", "1721": "GOV", "1722": "GOV", "1723": "GOV", "1724": "GOV",
}

// StateAgent returns the role of the state that does what code codes, and
// whether only a state does it: "50 persons were arrested" names no
// agent, and needs none (COP). A code is looked up by its longest prefix,
// as Intent.
func StateAgent(code string) (role string, ok bool) { return byPrefix(agentOf, code) }

// Intent returns the code of the intention to do what code codes ("073",
// provide humanitarian aid, gives "0333", express intent to provide
// humanitarian aid), and whether the deed has one: 04 to 08 and 14 to 20
// do; statements, appeals, demands and the like do not. A code the map
// lacks (a sub-code, a private extension) is looked up by its longest
// prefix.
func Intent(code string) (string, bool) { return byPrefix(intentOf, code) }

// Threat returns the code of threatening to do what code codes unless the
// target complies: the intention of a conflictual deed (13x: "will impose
// sanctions unless" 1312), else a threat not specified, 130 ("will
// withdraw its peacekeepers unless a ceasefire holds").
func Threat(code string) string {
	if c, ok := Intent(code); ok && Root(c) == "13" {
		return c
	}
	return "130"
}

// Demand returns the code of a demand that someone yield as code codes
// ("0871", declare a ceasefire, gives "1056", demand de-escalation of
// military engagement), and whether code is a yield (080 and below),
// looked up by its longest prefix as Intent.
func Demand(code string) (string, bool) { return byPrefix(demandOf, code) }

// byPrefix looks code up in m by its longest prefix of two or more digits.
func byPrefix(m map[string]string, code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if c, ok := m[code[:n]]; ok {
			return c, true
		}
	}
	return "", false
}
