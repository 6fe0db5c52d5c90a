package counts

import (
	"strings"

	"github.com/annals/annals/event"
)

// The words of this file are annals' own reading of how news states a
// count (docs/counts.md); they are English only.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// people are the nouns that count people, singular and plural.
var people = set(`people persons person men man women woman children child boys boy girls girl kids kid babies baby
infants infant adults adult youths youth youngsters teens teen teenagers teenager minors minor juveniles
civilians civilian soldiers soldier troops trooper troopers police policemen policeman policewomen policewoman
officers officer personnel cops cop constables constable jawans jawan militants militant rebels rebel insurgents
insurgent fighters fighter terrorists terrorist gunmen gunman attackers attacker assailants assailant suspects
suspect pilgrims pilgrim students student muslims muslim hindus hindu christians christian sikhs sikh jews jew
members member victims victim inmates inmate prisoners prisoner detainees detainee tourists tourist passengers
passenger residents resident citizens citizen villagers villager activists activist protesters protester
protestors protestor demonstrators demonstrator marchers marcher strikers striker rioters rioter journalists
journalist reporters reporter miners miner workers worker employees employee staff crew guards guard
firefighters firefighter doctors doctor nurses nurse patients patient worshippers worshipper devotees devotee
farmers farmer fishermen fisherman traders trader shopkeepers shopkeeper drivers driver supporters supporter
individuals individual others pedestrians pedestrian bystanders bystander spectators spectator fans fan
relatives relative family families sailors sailor pilots pilot migrants migrant refugees refugee labourers
labourer laborers laborer nationals national persons wife husband mother father son sons daughter daughters
brother brothers sister sisters men-folk cyclists cyclist motorcyclists motorcyclist teachers teacher priests
priest monks monk nuns nun leaders leader cadres cadre volunteers volunteer locals local foreigners foreigner
agents agent guests guest occupants occupant forces deceased accused inspector inspectors
sevaks sevak kar-sevaks`)

// personSuffixes mark other person nouns ("shopkeepers", "Kashmiris" is a
// capitalised plural).
var personSuffixes = []string{"ers", "ists", "ians", "men"}

func isPerson(w word) bool {
	if people[w.low] {
		return true
	}
	for _, s := range personSuffixes {
		if len(w.low) > len(s)+1 && strings.HasSuffix(w.low, s) {
			return true
		}
	}
	if !w.upper || len(w.low) < 5 {
		return false
	}
	// "Kashmiris", "Mexicans", "Congolese"
	return strings.HasSuffix(w.low, "is") || strings.HasSuffix(w.low, "ans") || strings.HasSuffix(w.low, "ese")
}

// modifiers may stand between a quantity and the noun it counts ("three
// police officers", "two other people", "five teen girls").
var modifiers = set(`other more additional further local foreign young old elderly unarmed armed innocent suspected
alleged police security army civilian teenage teen female male unidentified unknown same rival fellow
paramilitary special senior junior minor school college university party opposition government
unnamed second third fourth fifth sixth seventh eighth ninth tenth
palestinian israeli indian pakistani afghan iraqi syrian kashmiri muslim hindu sikh christian tribal dalit`)

// kindNouns count the people of a kind right after the number ("56 dead",
// "six deaths", "200 injured").
var kindNouns = map[string]event.CountKind{
	"dead": event.Killed, "deaths": event.Killed, "death": event.Killed, "bodies": event.Killed, "body": event.Killed,
	"corpses": event.Killed, "fatalities": event.Killed, "killed": event.Killed,
	"injured": event.Injured, "wounded": event.Injured, "hurt": event.Injured,
	"arrests": event.Arrested, "arrested": event.Arrested, "detained": event.Arrested,
}

// phrase is a run of words that states a kind.
type phrase struct {
	words []string
	kind  event.CountKind
	// object: the kind holds only when a protest noun follows within a
	// few words ("joined the march", not "joined the company").
	object bool
}

func phrases(kind event.CountKind, object bool, list ...string) []phrase {
	out := make([]phrase, len(list))
	for i, s := range list {
		out[i] = phrase{strings.Fields(s), kind, object}
	}
	return out
}

// predicates state the kind of the people before them ("were killed",
// "marched"). Longer phrases come first.
var predicates = concat(
	phrases(event.Killed, false, "lost their lives", "lost his life", "lost her life", "shot dead", "shot and killed",
		"burnt alive", "burned alive", "charred to death", "stabbed to death", "beaten to death", "hacked to death",
		"crushed to death", "burnt to death", "burned to death", "succumbed", "killed", "died", "dead", "die", "dies",
		"perished", "murdered", "slain", "lynched", "drowned", "deceased"),
	phrases(event.Injured, false, "taken to hospital", "rushed to hospital", "admitted to hospital", "taken to the hospital",
		"rushed to the hospital", "admitted to the hospital", "taken to hospitals", "treated for injuries",
		"suffered injuries", "sustained injuries", "received injuries", "suffered serious injuries",
		"sustained serious injuries", "injured", "wounded", "hurt", "hospitalised", "hospitalized"),
	phrases(event.Arrested, false, "taken into custody", "taken in custody", "in police custody", "in custody",
		"picked up", "rounded up", "taken prisoner", "taken prisoners", "arrested", "detained", "apprehended", "nabbed",
		"remanded"),
	phrases(event.Crowd, false, "took to the streets", "take to the streets", "taking to the streets", "took to streets",
		"poured into the streets", "came together", "come together", "coming together", "come out", "took part", "take part", "taking part", "went on strike", "go on strike",
		"on strike", "came out", "turned out", "walked out", "shouted slogans", "marched", "march", "marching",
		"gathered", "gather", "gathering", "rallied", "rally", "rallying", "protested", "protest", "protesting",
		"demonstrated", "demonstrate", "demonstrating", "participated", "participating", "assembled",
		"converged", "massed", "chanted", "chanting"),
	phrases(event.Crowd, true, "joined", "joining", "join", "attended", "attending", "staged", "staging", "held", "holding", "blocked"),
)

func concat(lists ...[]phrase) []phrase {
	var out []phrase
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// protestNouns name a protest: what a crowd joins or stages.
var protestNouns = set(`protest protests march marches rally rallies demonstration demonstrations strike strikes sit-in
vigil vigils procession processions agitation bandh dharna picket blockade rasta roko gherao hartal walkout
stoppage fast`)

// crowdNouns are a gathering of protesters counted by "of" ("a crowd of
// 5,000") or a compound ("a 700-strong mob").
var crowdNouns = set(`crowd crowds mob mobs procession march rally demonstration protest gathering throng
protesters demonstrators marchers`)

// protestWords make a sentence speak of a protest.
var protestWords = set(`protest protests protested protesting protesters protestors demonstration demonstrations
demonstrated demonstrating demonstrators march marches marched marching marchers rally rallies rallied rallying
strike strikes striking strikers vigil vigils sit-in sit picket pickets picketing riot riots rioting rioters
agitation agitations bandh dharna hartal walkout stoppage procession processions mob mobs blockade gherao`)

// singularAux are the words after which an unknown noun with an article
// is the subject of a passive ("a cook was stabbed to death"; not "people
// in a train were killed").
var singularAux = set(`was is has had got`)

// crowdPeople are the people of a protest, whose number is a crowd ("the
// number of strikers").
var crowdPeople = set(`protesters protestors demonstrators strikers marchers participants`)

// skips may stand between the counted people and their predicate
// ("were reportedly killed", "have been confirmed dead").
var skips = set(`were was are is be been being have has had got get reportedly allegedly also all later subsequently
since now already initially officially critically seriously severely fatally slightly badly grievously
confirmed reported believed said thought known understood feared presumed found then yet still both each who
that which to eventually apparently mostly reportedly immediately instantly allegedly too soon finally
mortally grievously more pronounced recently seem seems seemed certain later`)

// stops end the search for a predicate: what follows them did not happen
// or is not said of the people.
var stops = set(`could would may might will shall should must expected likely set planned plan plans threatened
threaten going not never no hope hoped want wanted`)

// verbsBefore state the kind of the people after them
// ("killed 56 people", "injuring 12", "police arrested twelve").
var verbsBefore = map[string]event.CountKind{
	"killed": event.Killed, "killing": event.Killed, "kills": event.Killed, "kill": event.Killed,
	"murdered": event.Killed, "massacred": event.Killed, "slaughtered": event.Killed,
	"injured": event.Injured, "injuring": event.Injured, "injures": event.Injured, "injure": event.Injured,
	"wounded": event.Injured, "wounding": event.Injured, "wounds": event.Injured, "hurt": event.Injured,
	"hurting":  event.Injured,
	"arrested": event.Arrested, "arresting": event.Arrested, "arrest": event.Arrested, "arrests": event.Arrested,
	"detained": event.Arrested, "detaining": event.Arrested, "detain": event.Arrested, "nabbed": event.Arrested,
	"apprehended": event.Arrested,
	"drew":        event.Crowd, "drawing": event.Crowd, "draws": event.Crowd, "attracted": event.Crowd, "attracting": event.Crowd,
}

// ofBefore are the nouns whose "of" names the people of a kind ("the
// arrest of 12", "a crowd of 5,000").
var ofBefore = map[string]event.CountKind{
	"arrest": event.Arrested, "arrests": event.Arrested, "detention": event.Arrested,
	"killing": event.Killed, "killings": event.Killed, "deaths": event.Killed, "death": event.Killed,
	"toll": event.Killed,
}

// tollWords may stand between "death toll" and its number ("the death
// toll has risen to 31", "toll at 22").
var tollWords = set(`has had have is was rose risen climbed reached increased stood stands jumped went gone up now to at of from
further climbing rising rises rising reaching touched`)

// diseases mark a sentence about illness: its deaths are no event's
// (docs/counts.md, section 7).
var diseases = set(`measles ebola cholera malaria dengue influenza flu virus coronavirus covid epidemic pandemic
infection infections infected disease diseases pneumonia tuberculosis pollution premature illness cancer
overdose overdoses swine`)

// notBefore are the words after which a number is no count of people
// ("aged 56", "Rs 1,200", "No. 5").
var notBefore = set(`no aged age rs $ £ € usd us$ no. number article chapter page section flight route highway class
grade level category phase ward sector block platform gate room`)

// transitive are the kind verbs whose subject, in the active, is the
// agent ("a gunman killed one person"), not the people counted.
var transitive = set(`killed injured wounded hurt arrested detained murdered apprehended nabbed lynched slain`)

// joints may follow a quantity that counts people without a noun ("killing
// four and injuring", "70 in Kabul").
var joints = set(`and or in at on near during after across from including while when as by with following for but
so according since before inside outside into among due even of`)

// quotes are quotation marks, passed over between the people and their
// predicate.
// possessives open the object of an active verb ("demonstrated their
// products").
var possessives = set(`their its his her our my your`)

// determiners make the word after them a noun ("the rally").
var determiners = set(`a an the this that its their his her our`)

var quotes = set(`" ' “ ” ‘ ’ '' « »`)

// asideStarts open an aside between commas that the search for a
// predicate passes over.
var asideStarts = set(`according including both all mostly many most aged among police officials said reportedly
say says he she it they who which about mainly largely`)

// protestParticiples make the people they modify a crowd ("thousands of
// striking workers").
var protestParticiples = set(`striking protesting agitating demonstrating marching rioting`)

// tollPrepositions join a death toll to its number ("the toll to 561").
var tollPrepositions = set(`to at of from`)

var hospitalWords = set(`hospital hospitals clinic infirmary`)
var jailWords = set(`jail prison custody remand lockup detention`)
var injuryWords = set(`injuries injury wounds wound burns burn fractures`)

// months follow or precede the day of a date ("23 March"), never people.
var months = set(`january february march april june july august september october november december jan feb
apr jun jul aug sep sept oct nov dec`)

// predicateWords are the first words of the predicates, for a quick
// test.
var predicateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range predicates {
		m[p.words[0]] = true
	}
	return m
}()

func isPredicateWord(w string) bool { return predicateWords[w] }

// isKindWord reports whether w states a kind alone ("killed or injured").
func isKindWord(w string) bool {
	switch w {
	case "injured", "wounded", "hurt", "killed", "dead", "died", "arrested", "detained":
		return true
	}
	return false
}
