package geo

import "strings"

// commonWords are English words that GeoNames also has as names of minor
// places ("Care", "Drug", "Tank"): a capitalised one is taken for a place
// only if a major place bears the name. The list is the lower-case words
// seen three times or more in the UD English EWT training treebank that
// are also one-word names in cities15000.txt, less a few tokenisation
// fragments.
var commonWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
	act aid aim air all alliance along and angle are area arm art as ask at ate bad bag bar
	barn basic bear begun best bid big bin born boy bus but butterfly buy cap car care cars
	cat center chair clay come cut date day deal delta die dire do dog downtown drama drug due
	eat ego elk era ever far fat federal freedom from fun gas gay get god goes golden got
	green gym had hall has her hire hit holiday hop hot human humble ill inn jar keen key kid
	lap law lay leg let liberal liberty lie lot luck male man manage market marks max media
	metro mile mine mission mobile mop more most much nails name never nice no normal north
	not of off officer okay one opportunity our out outer owe paradise pets plain police pop
	port pub pup put ran rat reading rep republic rest rich rid riding rise run sake sale
	salon same save say sea see seen set shot shut side since sky so sole sour spa split
	spoken spray spring springs superior surprise tame tank tap tea tell ten than the time
	tire to toe top tour tours trap try turn university valley veto via walnut was wave
	wedding worms worth yes yoga young zoo
	`) {
		m[w] = true
	}
	return m
}()
