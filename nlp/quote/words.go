package quote

import "strings"

// set builds a lookup set from space-separated words.
func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// speechVerbs are the inflected forms of verbs that attribute speech,
// writing or a stated belief (the cues news attributions use). Forms rather
// than lemmas keep the finder usable on sentences nobody has lemmatized.
var speechVerbs = set(`
say says said saying tell tells told telling add adds added adding
ask asks asked asking claim claims claimed claiming state states stated
announce announces announced argue argues argued insist insists insisted
warn warns warned explain explains explained note notes noted
write writes wrote written tweet tweets tweeted tweeting post posted
report reports reported declare declares declared
acknowledge acknowledges acknowledged admit admits admitted deny denies denied
suggest suggests suggested predict predicts predicted promise promises promised
vow vows vowed pledge pledges pledged reply replies replied respond responds responded
continue continued recall recalls recalled estimate estimates estimated
believe believes believed think thinks thought contend contends contended
maintain maintains maintained conclude concludes concluded charge charges charged
allege alleges alleged assert asserts asserted confirm confirms confirmed
stress stresses stressed emphasize emphasized emphasise emphasised
complain complains complained joke joked quip quipped boast boasted
acknowledge observe observes observed remark remarks remarked
told testify testified testifies indicate indicates indicated
exclaim exclaims exclaimed confess confesses confessed shout shouts shouted
chant chants chanted yell yells yelled scream screamed retort retorts retorted
interrupt interrupted writing
`)

// directOnly are speech verbs only next to a quotation ("“...,” he
// continued"); elsewhere they mean something else ("they continue to").
var directOnly = set(`continue continues continued respond responds responded`)

// tellVerbs take the hearer as object before the content ("told reporters
// that ...").
var tellVerbs = set(`tell tells told telling ask asks asked warn warns warned assure assured remind reminded inform informed`)

// intentVerbs govern an intended action in a to-infinitive ("vowed to
// march").
var intentVerbs = set(`
plan plans planned planning intend intends intended intending
vow vows vowed pledge pledges pledged promise promises promised
threaten threatens threatened aim aims aimed seek seeks sought
want wants wanted hope hopes hoped decide decides decided
agree agrees agreed prepare prepares prepared try tries tried attempt attempted
offer offers offered offering commit commits committed willing ready determined
eager keen
`)

// futureWords mark a future or expected event ("will", "is expected to").
var futureWords = set(`will 'll shall wo`)

// expectWords before "to" make the infinitive a prediction.
var expectWords = set(`expected likely set due poised scheduled slated bound going`)

// modalWords make an event hypothetical.
var modalWords = set(`could would might may should 'd must`)

// negWords negate the verb they modify.
var negWords = set(`not n't never no nor neither`)

// hedgeVerbs, negated, leave their complement possible rather than
// denied ("did not rule out his participation").
var hedgeVerbs = set(`rule ruled ruling exclude excluded excluding dismiss dismissed`)

// condWords open a conditional clause.
var condWords = set(`if unless whether`)

// auxWords stand between a subject and its verb.
var auxWords = set(`
has have had is are was were be been being do does did will would shall should
can could may might must 'll 's 're 've 'd not n't never also later earlier
previously then again recently reportedly repeatedly once first still further
already just often publicly privately separately quickly initially finally
`)

// timeWords are adverbials that can stand between a speaker and the speech
// verb ("Smith on Monday said").
var timeWords = set(`
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning afternoon evening night week month year weekend
january february march april may june july august september october november december
jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
`)

// prepositions may open an adverbial phrase before or after a speech verb.
var prepositions = set(`on in at during after before through via over`)

// timeOpeners open a time phrase ("late Tuesday", "last week") but may
// also be adjectives of a noun phrase ("early results").
var timeOpeners = set(`late early last this earlier`)

// pronouns that can be speakers, with their gender and number.
var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
	"they": 'p', "them": 'p', "their": 'p', "it": 'n', "its": 'n', "we": 'p',
	"i": 'x', "you": 'x',
}

// nonNP are words that never belong to a speaker's noun phrase.
var nonNP = set(`
and or but that which who whom whose when where while as because since if
to of for with by from about into than so not n't also said says
is are was were has have had will would could should may might can do does did
`)

// determiners open a noun phrase.
var determiners = set(`the a an this that these those his her its their our my another other some many several both each every any no one two three`)

// titles mark a following name as a person, some with a gender.
var titles = map[string]byte{
	"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f',
	"sir": 'm', "lady": 'f', "king": 'm', "queen": 'f', "prince": 'm', "princess": 'f',
	"sen.": 'x', "rep.": 'x', "gov.": 'x', "gen.": 'x', "dr.": 'x', "president": 'x',
	"senator": 'x', "sheikh": 'm', "ayatollah": 'm', "pope": 'm', "minister": 'x',
	"prime": 'x', "secretary": 'x', "chancellor": 'x', "judge": 'x', "col.": 'x', "lt.": 'x',
}

// genderedRoles are role nouns that carry a gender.
var genderedRoles = map[string]byte{
	"spokesman": 'm', "spokeswoman": 'f', "chairman": 'm', "chairwoman": 'f',
	"congressman": 'm', "congresswoman": 'f', "businessman": 'm', "businesswoman": 'f',
	"husband": 'm', "wife": 'f', "father": 'm', "mother": 'f', "son": 'm', "daughter": 'f',
	"brother": 'm', "sister": 'f', "man": 'm', "woman": 'f', "king": 'm', "queen": 'f',
	"cleric": 'm', "ayatollah": 'm', "sheikh": 'm', "imam": 'm',
}

// groupNouns describe an organisation ("the group said").
var groupNouns = set(`group movement organization organisation party campaign committee
agency ministry government company firm alliance coalition militia council union
administration department office team bloc army military police network`)

// firstNames give the gender of common first names; an unknown name is
// compatible with either pronoun.
var firstNames = map[string]byte{}

func init() {
	for _, n := range strings.Fields(`john james robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose
adam henry nathan douglas zachary peter kyle walter harold jeremy ethan carl keith roger gerald
christian terry sean arthur austin noah lawrence jesse joe bryan billy bill bernie mike ted marco
chris jeb rand newt mitt barack vladimir boris emmanuel recep hassan ali mohammed muhammad ahmed
mohammad muqtada qassem abu omar hussein ibrahim mahmoud khalid abdul tony jim tom dick bob reince
kellyanne`) {
		firstNames[n] = 'm'
	}
	for _, n := range strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison
hillary chelsea ivanka melania michelle huma nancy elizabeth theresa angela marine jill gennifer
condoleezza sonia hope sheryl`) {
		firstNames[n] = 'f'
	}
}

// orgWords end or open organisation names ("the Democratic Party").
var orgWords = set(`party committee ministry council union post times news journal department
campaign agency association corporation inc. corp. co. university institute foundation
commission court congress senate house parliament government army forces brigades movement
network press reuters ap cnn fbi cia nato un eu organization organisation group bureau service
league front coalition alliance center centre club board office administration`)
