package pipeline

import "github.com/annals/annals/event"

// CAMEO codes what an actor says it will do as an intention, not as the
// deed: "Finland will give Tanzania a grant" is 033 (express intent to
// provide material aid), "the rebels vowed to attack" 138 (threaten with
// military force). intentOf maps a deed's code to its intention, by
// longest prefix.
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
	"17": "137", "18": "138", "19": "138", "195": "1383", "20": "1383", "204": "1385",
}

// intent returns the code of the intention to do code, and whether there
// is one. A protest only announced is not a threat unless vowed: "crowds
// are expected to turn out" stays a future protest.
func intent(code string, mode event.Mode) (string, bool) {
	if mode != event.Intended && mode != event.Future {
		return code, false
	}
	for n := len(code); n >= 2; n-- {
		c, ok := intentOf[code[:n]]
		if !ok {
			continue
		}
		if code[:2] == "14" && mode != event.Intended {
			return code, false
		}
		return c, true
	}
	return code, false
}
