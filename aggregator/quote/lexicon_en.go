package quote

import "strings"

// enVerbBases are English verbs that introduce or attribute speech, by base form.
var enVerbBases = strings.Fields(`say tell add explain note state assert claim argue insist warn
write tweet post declare announce report reply respond answer ask comment remark recall continue
conclude acknowledge admit concede suggest predict promise vow pledge urge caution stress emphasize
emphasise indicate observe reference mention complain lament boast joke quip scoff shout yell cry
exclaim whisper mutter testify confirm deny maintain contend counter retort agree reiterate repeat
wonder muse offer charge accuse criticize criticise praise demand plead proclaim allege recount
describe call label brand dub term characterize characterise reflect admonish chide grumble gush
marvel opine posit reason scold snap sneer tout vent hint insinuate recollect reveal disclose
apologize apologise thank quote read begin open close sum summarize summarise estimate forecast
advise instruct order lash blast slam rip pan hail welcome applaud chant sing shoot fire interject
interrupt reassure assure guarantee swear signal`)

// enVerbIrregular lists, after their base form, the forms of the verbs above
// that enInflect does not make, and forms of speak, put and ring.
var enVerbIrregular = map[string]string{"say": "said", "tell": "told", "write": "wrote written",
	"begin": "began begun", "speak": "spoke speaks speaking spoken", "swear": "swore sworn",
	"sing": "sang", "shoot": "shot", "put": "puts putting", "ring": "rang"}

// enVerbs holds every inflected form of the English speech verbs.
var enVerbs = func() map[string]string {
	m := map[string]string{}
	for _, b := range enVerbBases {
		for _, f := range enInflect(b) {
			m[f] = b
		}
	}
	for b, forms := range enVerbIrregular {
		for _, f := range strings.Fields(forms) {
			m[f] = b
		}
	}
	return m
}()

func enInflect(b string) []string {
	out := []string{b}
	switch {
	case strings.HasSuffix(b, "e"):
		out = append(out, b+"s", b+"d", b[:len(b)-1]+"ing")
	case strings.HasSuffix(b, "y") && !strings.ContainsAny(b[len(b)-2:len(b)-1], "aeiou"):
		out = append(out, b[:len(b)-1]+"ies", b[:len(b)-1]+"ied", b+"ing")
	case endsWith(b, "sh", "ch", "s", "x"):
		out = append(out, b+"es", b+"ed", b+"ing")
	default:
		out = append(out, b+"s", b+"ed", b+"ing")
		// doubled final consonant: "snap" -> "snapped"
		n := len(b)
		if n >= 3 && !strings.ContainsAny(b[n-1:], "aeiouwxy") && strings.ContainsAny(b[n-2:n-1], "aeiou") && !strings.ContainsAny(b[n-3:n-2], "aeiou") {
			out = append(out, b+b[n-1:]+"ed", b+b[n-1:]+"ing")
		}
	}
	return out
}

// enWeakVerbs are speech verbs that take a direct object before the quote
// ("called it", "described the deal as") or whose reading as speech is
// weak: they attribute a quote only next to it.
var enWeakVerbs = map[string]bool{"call": true, "label": true, "brand": true, "dub": true, "term": true,
	"describe": true, "characterize": true, "characterise": true, "read": true, "begin": true,
	"open": true, "close": true, "continue": true, "offer": true, "order": true, "fire": true,
	"shoot": true, "put": true, "chant": true, "speak": true,
	"signal": true, "reference": true, "quote": true, "thank": true, "welcome": true, "hail": true,
	"praise": true, "ask": true, "rule": true, "estimate": true, "forecast": true, "reflect": true,
	"post": true, "report": true}

// enAddresseeVerbs are speech verbs whose object before "that" is whom the
// words were to ("told the committee that …").
var enAddresseeVerbs = toSet(`tell assure reassure remind warn inform notify promise convince persuade advise urge ask brief caution`)

// enTopicPrepositions put what one speaks of or against after a speech
// verb: a "that" after their noun is its clause ("warned against
// reopenings that could lead …").
var enTopicPrepositions = toSet(`about against of over`)

// enTimeNouns name a time, which "that" before them points to ("that
// summer").
var enTimeNouns = toSet(`day night morning afternoon evening week weekend month year summer winter spring fall autumn time season`)

// enDocNouns are documents whose author, after "by", speaks in them ("a
// poll … by Latino Decisions").
var enDocNouns = toSet(`poll polls survey surveys report reports study studies analysis review audit paper memo letter statement filing complaint estimate estimates data document`)

var enPronouns = map[string]gender{"he": masculine, "she": feminine, "they": plural, "it": inanimate, "i": firstPerson,
	"we": plural, "him": masculine, "her": feminine}

// enRoleWords head a description of a person or body ("the senator",
// "a spokeswoman for the FBI", "FSB Director").
var enRoleWords = toSet(`collector employee president vice-president director minister secretary senator spokesman
spokeswoman spokesperson representative chairman chairwoman chair chief head leader governor mayor
ambassador diplomat official officer general commander adviser advisor aide lawmaker congressman
congresswoman candidate nominee prosecutor attorney lawyer judge justice professor analyst expert
economist researcher scientist executive ceo founder co-founder president-elect premier chancellor
king queen prince princess sheikh emir pope bishop cardinal captain colonel lieutenant sergeant
admiral counsel strategist pollster consultant manager coach owner member speaker deputy
commissioner inspector investigator detective sheriff chief-of-staff organizer organiser activist
campaigner operative donor supporter critic historian author writer columnist journalist reporter
editor publisher host anchor correspondent source sources witness resident residents victim mother
father wife husband son daughter brother sister friend neighbor neighbour teacher student doctor
nurse physician surgeon officials spokesmen spokeswomen spokespeople experts analysts lawmakers
leaders advisers aides officers diplomats senators candidates delegate delegates envoy negotiator
ministry department agency office committee council party administration government campaign company
firm group organization organisation commission court board union association institute center
centre foundation coalition alliance movement army military police force forces authority
authorities service team bureau embassy regime cabinet parliament congress senate house white-house
kremlin pentagon prime vice acting former director-general secretary-general state-department
administrator ombudsman superintendent provost dean principal comptroller treasurer auditor marshal
mp mps mep meps coo cfo cto cmo`)

// enOrgWords end the name of a body: "Media Research Center", "Department of State".
var enOrgWords = toSet(`ministry department agency office committee council party administration
government campaign company corporation corp inc ltd llc firm group organization organisation
commission court board union association institute center centre foundation coalition alliance
movement army military police force forces authority authorities service services team bureau
embassy regime cabinet parliament congress senate house kremlin pentagon university college school
hospital bank fund network news times post journal magazine tv radio television channel media press
club church federation league society trust project forum caucus assembly legislature republicans
democrats district county city state nations command guard navy corps unit brigade`)

var enTitles = toSet(`mr mrs ms miss dr sen rep gov gen lt col capt sgt prof rev hon adm sir dame lord lady
president senator governor mayor secretary minister judge justice ambassador chairman chancellor
premier king queen prince princess sheikh emir pope bishop cardinal general colonel captain
commissioner director chief speaker representative congressman congresswoman
imam rabbi pastor archbishop father patriarch ayatollah mufti`)

// enConjunctions join clauses: a name before one is no subject of the verb after it.
var enConjunctions = toSet(`and or but nor`)

var enStop = toSet(`the a an this that these those it its his her their our my your of in on at for
to by with from as and or but if then so not no yes is are was were be been being has have had do
does did will would can could should may might must shall there here when where while after before
because since although though however also just only even still yet again about into over under
between during without within against among through across per than like up down out off what which
who whom whose why how all any some each every both either neither many much more most other others
another such own same few several one two three first last new old meanwhile remember let instead
overall indeed finally today yesterday tomorrow earlier later now thus hence besides moreover
furthermore nevertheless nonetheless otherwise rest fun please thanks despite unlike amid following
including regarding toward towards upon via`)

var enMonths = toSet(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec`)

// enFemaleNames and enMaleNames give the gender of common first names.
var enFemaleNames = toSet(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison
doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany natalie isabella charlotte rose alexis kayla hillary kamala nikki ivanka melania
condoleezza madeleine ursula kirsten tulsi elise liz marsha maxine ilhan alexandria rashida ayanna
jeanne carly dianne tammy gretchen kristi kari tina jill kellyanne huma hope sheryl marine giorgia
jacinda nicola sanna mette golda indira benazir aung yulia natalia svetlana olga tatiana irina elena
ekaterina anastasia yuliya lady`)

var enMaleNames = toSet(`james robert john michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger
terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce
gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby
mason philip louis barack bernie ted marco jeb mitt mike chris rand newt rick lindsey ben bill
vladimir sergei sergey dmitry dmitri alexei alexey mikhail boris nikolai ivan yuri igor oleg viktor
andrei andrey maxim pavel anatoly valentin gennady ramzan recep emmanuel xi kim bibi naftali yair
abdel mohammed muhammad ali hassan hussein ahmed omar abu bashar hosni volodymyr petro leonid keir
rishi tony gordon nigel matt dominic sajid priyanka narendra rahul imran nawaz shinzo fumio moon
yoon jair lula pierre jacques francois nicolas olaf gerhard helmut friedrich`)

// enPlacePrepositions put the name after them in a place: "officials in
// Washington", "a spokesman at the scene".
var enPlacePrepositions = toSet(`in at near across throughout inside outside into within around`)

// enObjectPrepositions put the name after them in an object: "a letter to
// Daniel Greenberg", "talks with Putin", "a remark about Trump".
var enObjectPrepositions = toSet(`to with about against toward towards`)

// enPreposition reports whether w puts the name after it in a place or an
// object ("for Clinton", "of Mr. Sanders"), never in a subject.
func enPreposition(w string) bool {
	return enObjectPrepositions[w] || enPlacePrepositions[w] || w == "for" || w == "of"
}

// enSpeechNouns are what a possessor says: "Obama’s words: “…”".
var enSpeechNouns = toSet(`words remarks comments statements tweets posts messages answers responses replies thoughts`)

// enBackBodies are body nouns that refer back to a body whatever its name
// ("Amazon … the company said").
var enBackBodies = toSet(`company firm group organization organisation`)
