package cameo

import (
	"strings"

	"github.com/annals/annals/event"
)

// Counts reports whether an event of CAMEO code may carry a count of
// kind (docs/record.md, "Counts"): the people killed or injured by
// fighting, assault, mass violence, a violent protest or violent
// repression (18, 19, 20, 145, 175); those arrested by an arrest (173);
// the crowd of a protest (14).
func Counts(code string, kind event.CountKind) bool {
	switch kind {
	case event.Killed, event.Injured:
		switch Root(code) {
		case "18", "19", "20":
			return true
		}
		return strings.HasPrefix(code, "145") || strings.HasPrefix(code, "175")
	case event.Arrested:
		return strings.HasPrefix(code, "173")
	case event.Crowd:
		return Root(code) == "14"
	}
	return false
}
