package quote

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// orgAt recognises a body named at ts[i]: an acronym with the capitalised
// words around it ("МИД России", "the FBI"), a body's word ("Кремль",
// "пресс-служба Кремля", "State Department"), a body's common noun after
// its capitalised adjectives ("Следственный комитет", at its noun). It
// returns the name and the end of its tokens, or i when nothing is there.
func orgAt(ts []token, i int, lang string) (string, int) {
	name, j, _ := orgAtBy(ts, i, lang)
	return name, j
}

// orgAtBy is orgAt, and, when the body is named only by its adjectives and
// a common noun, where its adjectives start (else -1).
func orgAtBy(ts []token, i int, lang string) (string, int, int) {
	t := ts[i]
	if t.kind != tWord || romanNumeral(t.text) {
		return "", i, -1
	}
	lw := t.low
	if lang == "ru" {
		if name := twoWordBody(ts, i); name != "" {
			return name, i + 2, -1
		}
		named := i > 0 && t.lower() && ts[i-1].cap() && ruOrgWordForm(lw, 3) && ruBodyAdjective(ts[i-1].text, lw)
		if !(t.acronym() || isRuOrg(lw) || named) || ruStop[lw] || ruPlaces[lw] || ruThingAcronyms[lw] {
			return "", i, -1
		}
		if ruCodes[lw] && i+1 < len(ts) && (ts[i+1].is("РФ") || ruPlace(ts[i+1].low)) {
			return "", i, -1 // "в НК РФ написано": a code of law is a document, no body ("УК" alone may be a management company)
		}
		words := []string{ruOrgNom(t.text)}
		j := i + 1
		// Genitive words of the name: "Министерство энергетики США",
		// "министерства иностранных дел России".
		k := j
		for k < len(ts) && k < j+5 && ts[k].kind == tWord && ts[k].lower() && !isRuRole(ts[k].low) && !(ruAdjectival(ts[k].text) && ruNomAdjective(ts[k].low)) {
			if ruStop[ts[k].low] {
				// "экологии и природопользования": "и" joins two genitives
				if ts[k].low != "и" || k == j || k+1 >= len(ts) || !ts[k+1].lower() {
					break
				}
			}
			if _, v := ruVerb(ts[k].low); v {
				break
			}
			if _, v := ruPastGender(ts[k].low); v {
				break
			}
			k++
		}
		if k > j && k < len(ts) && ts[k].kind == tWord && (ts[k].acronym() || ruPlaces[ts[k].low] || ruPlace(ts[k].low) && ruGenitives(ts[j:k])) {
			for _, n := range ts[j:k] {
				words = append(words, n.text)
			}
			j = k
		}
		for j < len(ts) && j < i+7 && outletAt(ts, j) == j {
			n := ts[j]
			ln := n.low
			if n.kind == tWord && (n.acronym() || ruPlace(ln)) && !ruStop[ln] {
				words = append(words, n.text)
				j++
				continue
			}
			break
		}
		if k := outletAt(ts, j); k > j && (ruMediaHead(lw) || strings.HasPrefix(lw, "агентств")) {
			// "Агентство экономической информации ПРАЙМ": the outlet's
			// own name follows the kind of outlet it is.
			words = append(words, runWords(ts, j, k)...)
			j = k
		}
		if k := outletAt(ts, i); k > j {
			// One outlet's name of several words: "РИА Новости".
			return strings.Join(runWords(ts, i, k), " "), k, -1
		}
		if k := ruOfRegion(ts, j); k > j && (t.acronym() || t.cap() && ruCompoundOrg(lw)) {
			// "МЧС Пермского края", "Минздрав Ставропольского края": the
			// region's department
			words = append(words, runWords(ts, j, k)...)
			j = k
		}
		if k := ruByRegion(ts, j); k > j && (t.acronym() || isRuOrg(lw)) {
			words = append(words, runWords(ts, j, k)...)
			j = k
		}
		// A body's common noun, or a legal form's acronym, is the body of
		// the name after it: "компания Apple", "агентство «Росбалт»", "ООО
		// «Газпром трансгаз»"; alone, it names none.
		bodyNoun := ruBodyNouns[lower(words[0])] || t.acronym() && ruLegalForms[lw]
		if len(words) == 1 && bodyNoun {
			if j < len(ts) && ts[j].kind == tQuote {
				if q := quotedName(ts[j], lang); q != "" {
					return q, j + 1, -1
				}
			}
			k := j
			for k < len(ts) && k < j+4 && ts[k].kind == tWord && ts[k].cap() && !isCyrillicWord(ts[k].text) {
				k++
			}
			if k > j {
				return strings.Join(runWords(ts, j, k), " "), k, -1
			}
		}
		// Adjectives before a body's common noun are its name: "Верховный
		// суд", "Следственного комитета", "в Счётной палате", "таможенной
		// службы Литвы", "Верховного Суда РФ".
		a := i
		if t.lower() || t.cap() && !t.acronym() && i > 0 && ts[i-1].cap() && ruBodyAdjective(ts[i-1].text, lw) {
			for a > 0 && a > i-3 && ts[a-1].kind == tWord && !ts[a-1].acronym() && ruBodyAdjective(ts[a-1].text, lw) {
				a--
			}
		}
		// A capitalised one names it alone ("Следственный комитет
		// сообщил", "в Федеральной таможенной службе"), unless it is
		// capitalised only as a sentence's first word before a noun that
		// refers back to a body named before ("Американская компания
		// сообщила").
		opens := a == 0 || endsSentence(ts[a-1]) || ts[a-1].kind == tPunct && strings.ContainsAny(ts[a-1].text, "—–-:")
		proper := a < i && ts[a].cap() && !(opens && a == i-1 && ruBackBodies[lower(words[0])])
		byAdjectives := len(words) == 1 && (t.lower() || bodyNoun)
		if byAdjectives && !proper {
			// A body's common noun alone, capitalised or not ("Ведомство
			// сообщило"), describes one.
			return "", i, -1
		}
		// A lower-case adjective before: "турецкий МИД"; one in an
		// oblique case ("регионального УМВД") stays out, since an
		// acronym does not tell which nominative it would take.
		if i > 0 && ts[i-1].kind == tWord && ts[i-1].lower() && ruAdjectival(ts[i-1].text) && ruNomAdjective(ts[i-1].low) && t.acronym() {
			words = append([]string{ts[i-1].text}, words...)
		}
		if a < i {
			if len(words) == 1 && ruNameGoesOn(ts, j, t.low, lower(words[0])) {
				// "Рабочая группа Минтруда", "Главное управление
				// госстройнадзора": a name whose end is not read is
				// none.
				return "", i, -1
			}
			words = append(ruAdjBody(ts, a, i), words[1:]...)
		}
		if byAdjectives {
			return strings.Join(words, " "), j, a
		}
		return strings.Join(words, " "), j, -1
	}
	// English: a run of capitalised words and acronyms that holds a body's
	// word or an acronym.
	if !(t.cap() || t.acronym()) || enRoleWords[lw] && !enOrgWords[lw] {
		return "", i, -1 // a role word opens no body's name: "CEO Steve Harfst"
	}
	j := i
	org := false
	for j < len(ts) && j < i+maxNameRun {
		n := ts[j]
		ln := n.low
		if j > i && n.kind == tWord && ((enRoleWords[ln] && !enOrgWords[ln]) || enTitles[ln] || enMaleNames[ln] || enFemaleNames[ln]) {
			break
		}
		if n.kind == tWord && (n.cap() || n.acronym()) && !(j > i && enStop[ln] && ln != "of") {
			if n.acronym() || enBodyWord(ln) {
				org = true
			}
			j++
			if stripPossessive(n.text) != n.text && !enOrgRunAt(ts, j) {
				// The possessor's name ends before a name that holds no
				// body's word: "Media Research Center’s Bozell", not
				// "the U.S. Attorney’s Office".
				break
			}
			continue
		}
		if j > i && n.kind == tWord && nameLink[ln] && j+1 < len(ts) && ts[j+1].cap() {
			j++
			continue
		}
		if pluralApostrophe(ts, j) && j+1 < len(ts) && ts[j+1].cap() {
			j++ // "Universities and Colleges Employers’ Association"
			continue
		}
		break
	}
	if !org || enStop[lw] || j == i+1 && enCommonAcronyms[lw] {
		return "", i, -1
	}
	var words []string
	for k, n := range ts[i:j] {
		if pluralApostrophe(ts, i+k) {
			words[len(words)-1] += n.text
			continue
		}
		words = append(words, stripPossessive(n.text))
	}
	return strings.Join(words, " "), j, -1
}

// enOrgRunAt reports whether the capitalised words at ts[j:] hold a
// body's word.
func enOrgRunAt(ts []token, j int) bool {
	for ; j < len(ts) && ts[j].kind == tWord && ts[j].cap(); j++ {
		if enBodyWord(ts[j].low) {
			return true
		}
	}
	return false
}

// enBodyWord reports whether a lower-case English word names a body: one of
// enOrgWords, or a plural of an abstract noun, which names what a body does
// ("Dick Clark Productions", "Homeland Security Investigations", "United
// Nations", "Universities"), never a person.
func enBodyWord(w string) bool {
	return enOrgWords[w] || len(w) > 6 && endsWith(w, "tions", "sions", "ities")
}

// enCommonAcronyms are things, not bodies, that English writes in capitals:
// "on smartphones and TV", "TV commercials", "GDP".
var enCommonAcronyms = toSet(`tv pc gdp ai dna suv atm id gps usb led hiv aids covid ppe cctv faq pdf vpn iq`)

// pluralApostrophe reports whether ts[k] is the apostrophe of a plural's
// possessive, written right after its word ("Employers’", "Veterans'").
func pluralApostrophe(ts []token, k int) bool {
	return k > 0 && k < len(ts) && (ts[k].text == "’" || ts[k].text == "'") && ts[k-1].kind == tWord && ts[k-1].e == ts[k].s && strings.HasSuffix(ts[k-1].text, "s")
}

// ruByRegion returns the end of a region's complement at ts[j], or j: "по
// Республике Крым", "по Приморскому краю", "по Саратовской области", "по
// Татарстану". It makes a regional department of a body ("МВД по
// Республике Крым"), never the bare federal one.
func ruByRegion(ts []token, j int) int {
	if j+1 >= len(ts) || ts[j].low != "по" {
		return j
	}
	for k := j + 1; k < len(ts) && k <= j+3 && ts[k].kind == tWord; k++ {
		if ruRegionNouns[ts[k].low] && k > j+1 && ts[k-1].cap() || ts[k].cap() && ruPlace(ts[k].low) {
			// (after "по Челябинской области" the region is named, and a
			// capitalised word is someone's name: "… по Челябинской
			// области Татьяна Шатоха")
			return k + 1
		}
		if !ts[k].cap() {
			break
		}
	}
	return j
}

// ruRegionNouns are the dative of the kinds of Russian regions.
var ruRegionNouns = toSet(`краю области району округу городу республике`)

// ruOfRegion returns the end of a region named in the genitive at ts[j],
// or j: "Пермского края", "Свердловской области", "Ханты-Мансийского
// автономного округа" (a capitalised adjective, lower-case ones, then the
// kind of region).
func ruOfRegion(ts []token, j int) int {
	if j >= len(ts) || ts[j].kind != tWord || !ts[j].cap() || !endsWith(ts[j].low, "ого", "ой", "ей") {
		return j
	}
	for k := j + 1; k < len(ts) && k <= j+2 && ts[k].kind == tWord && ts[k].lower(); k++ {
		if ruRegionGenitives[ts[k].low] {
			return k + 1
		}
	}
	return j
}

// ruRegionGenitives are the genitive of the kinds of Russian regions.
var ruRegionGenitives = toSet(`края области района округа`)

// ruGenitives reports whether every word of ts ends as a genitive may
// ("австрийского", "города"): not "проекту", a dative.
func ruGenitives(ts []token) bool {
	for _, t := range ts {
		if !endsWith(t.low, "а", "я", "ы", "и", "ов", "ев", "ей", "ого", "его", "ой", "ых", "их") {
			return false
		}
	}
	return true
}

// quotedBody returns the name of a body introduced by its common noun or
// legal form and a quoted or Latin name at toks[i:] ("движение «За права
// человека»", "ГУП «ТЭК»", "журнал Scramble Magazine"), and the index
// after it; "" when there is none.
func quotedBody(toks []token, i int, lang string) (string, int) {
	if lang != "ru" || i+1 >= len(toks) {
		return "", i
	}
	t, n := toks[i], toks[i+1]
	if n.kind != tQuote && !(n.kind == tWord && n.cap() && !isCyrillicWord(n.text)) {
		return "", i
	}
	head := t.lower() && (isRuOrg(t.low) || ruOrgWordForm(t.low, 3) || ruMediaHead(t.low)) || t.acronym() && ruLegalForms[t.low]
	if !head {
		return "", i
	}
	if n.kind == tQuote {
		if q := quotedName(n, lang); q != "" {
			return q, i + 2
		}
		return "", i
	}
	j := i + 1 // n, a capitalised Latin word, is the first word of the name
	for j < len(toks) && j < i+5 && toks[j].kind == tWord && (toks[j].cap() || toks[j].acronym()) && !isCyrillicWord(toks[j].text) {
		j++
	}
	return strings.Join(runWords(toks, i+1, j), " "), j
}

// ruThingAcronyms are acronyms of things, events, rules and units, which
// never speak ("ДТП", "ПДД", "ГГц"). ("СМИ" do, in general: "СМИ сообщали".)
var ruThingAcronyms = toSet(`дтп чп пдд жкх ввп ндс ндфл егэ огэ осаго каско мрот ижс зож ии орви вич спид
тц трц азс лэп пмж внж гц кгц мгц ггц квт мвт гвт`)

// ruLegalForms are the acronyms of the legal forms of Russia's classifier
// (ОКОПФ) and Ukraine's (ТОВ, ПАТ, ПрАТ, АТ), and of clubs (ФК, ХК), which
// introduce a body's quoted name ("ООО «Ромашка»", "ГАУ «Государственный
// фонд …»", "ХК «Авангард»").
var ruLegalForms = toSet(`ооо оао зао ао пао нао тоо оп нп гуп муп фгуп фгбу фбу гбу мбу гау мау гку мку фку фгку нко ано ип снт тсж тов пат прат ат фк хк`)

func isOrgWord(w, lang string) bool {
	lw := lower(stripPossessive(w))
	if lang == "ru" {
		return isRuOrg(lw)
	}
	return enOrgWords[lw]
}

// isRuOrg reports whether a lower-case Russian word heads a body's name.
func isRuOrg(w string) bool {
	if ruOrgWords[w] || ruCompoundOrg(w) {
		return true
	}
	// A hard masculine body's word in any case: "Фонда", "банку", "штабе".
	for _, e := range ruHardEndings {
		if st, ok := strings.CutSuffix(w, e); ok && ruOrgWords[st] {
			return true
		}
	}
	// Only words long enough to decline: not "нато" for "Натан".
	return ruOrgWordForm(w, 5)
}

// ruNomAdjective reports whether the adjective w reads as a nominative
// ("турецкий", "российская", "федеральное", "местные"; not -ой, which is
// the feminine oblique cases too).
func ruNomAdjective(w string) bool {
	return endsWith(w, "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие")
}

// ruHardEndings are the case endings of a hard masculine noun.
var ruHardEndings = []string{"а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"}

// ruCompoundOrg reports a state body's compound name in any case:
// "Госпогранкомитета", "Роскомнадзор", "Минфину", "Росгвардии".
func ruCompoundOrg(w string) bool {
	if !strings.HasPrefix(w, "гос") && !strings.HasPrefix(w, "рос") && !strings.HasPrefix(w, "мин") {
		return false
	}
	rest := w[len("гос"):]
	if strings.Contains(rest, "комитет") || strings.Contains(rest, "надзор") {
		return true
	}
	for _, m := range ruCompoundParts {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	return false
}

// ruCompoundParts follow "гос", "рос" or "мин" in a body's compound name.
var ruCompoundParts = []string{"ком", "гвард", "нефт", "банк", "атом", "дум", "деп", "совет", "стат", "регистр",
	"потреб", "транс", "авиа", "морфлот", "здрав", "обр", "юст", "фин", "энерг", "связ", "природ", "стро",
	"пром", "сельхоз", "труд", "культ", "спорт", "эконом", "оборон", "иностран", "тех", "космос", "имуществ",
	"архив", "рыболов", "лесхоз", "недр", "реестр", "печат", "погран", "цифр", "просвещ", "вуз", "наук"}

// ruOrgWordForm reports whether w is an oblique form of a body's word of at
// least min letters ("суда", "комитете").
func ruOrgWordForm(w string, min int) bool {
	for stem := range stems(w, 2) {
		if form, ok := ruOrgForms[stem]; ok && utf8.RuneCountInString(form) >= min {
			return true
		}
	}
	return false
}

// bodyIn reads "в мэрии", "в пресс-службе городской администрации", "во
// МИД России" at the start of toks: the body a plural verb without a
// subject speaks for ("отметили в мэрии", "В пресс-службе … сообщили"),
// named in the nominative with the words that complement it ("мэрия",
// "пресс-служба городской администрации", "МИД России").
func (d *doc) bodyIn(toks []token) (mention, bool) {
	if d.lang != "ru" || len(toks) < 2 || !(toks[0].low == "в" || toks[0].low == "во") || toks[1].kind != tWord {
		return mention{}, false
	}
	if name := twoWordBody(toks, 1); name != "" {
		return mention{kind: kOrg, org: name, pos: toks[1].s}, true // "в Белом доме"
	}
	if name, j := quotedBody(toks, 1, d.lang); j > 1 && toks[2].kind == tQuote {
		return mention{kind: kOrg, org: name, pos: toks[1].s}, true // "в ООО «Газпром трансгаз»", "в компании «Роснефть»"
	}
	head := toks[1]
	words, next := []string{ruOrgNom(head.text)}, 2
	adjectives := false
	if n := ruAdjectivesBefore(toks, 1); n > 1 && n < len(toks) && head.cap() && isRuOrg(toks[n].low) {
		// "в Высшем совете правосудия": the body's word after its
		// adjectives, then the genitive words after it.
		words, next, adjectives = ruAdjBody(toks, 1, n), n+1, true
	} else if !(isRuOrg(head.low) || head.acronym() && utf8.RuneCountInString(head.text) <= 6) || ruPlace(head.low) || mediaName(head.text) {
		return mention{}, false
	}
	for k := next; k < min(len(toks), next+4); k++ {
		t := toks[k]
		if name, j := quotedBody(toks, k, d.lang); j > k && t.acronym() && toks[k+1].kind == tQuote {
			// "в пресс-службе ХК «Авангард»": the body its legal form and
			// quoted name make, which ends the name (a quoted name after a
			// common noun may be an outlet told: "городской администрации
			// «ФедералПресс» сообщили")
			words = append(words, t.text, "«"+name+"»")
			break
		}
		if adjectives && t.low == "по" {
			return mention{}, false // "в Государственном агентстве по …": its end is not read
		}
		if t.kind != tWord || ruStop[t.low] || ruMonths[t.low] || strings.ContainsAny(t.text, "0123456789") {
			break // "в МИД России 2 июня заявили": the date is no part of it
		}
		if outletAt(toks, k) > k || isRuRole(t.low) && !isRuOrg(t.low) || ruToldPronouns[t.low] {
			break // "В Минобороны Интерфаксу заявили", "корреспонденту", "нам": who is told
		}
		if _, v := ruVerb(t.low); v {
			break
		}
		if _, v := ruPastGender(t.low); v {
			break
		}
		words = append(words, t.text)
	}
	if h := lower(words[0]); len(words) == 1 && ruBackBodies[h] {
		// "сообщили в ведомстве": the body named before, if any.
		return mention{kind: kDesc, head: h, pos: head.s, gender: plural}, true
	}
	return mention{kind: kOrg, org: strings.Join(words, " "), pos: head.s}, true
}

// ruToldPronouns are the personal pronouns of one who is told something.
var ruToldPronouns = toSet(`мне нам тебе вам ему ей им`)

// ruBackBodies are bodies' common nouns that, alone, refer back to a body
// named before ("в ведомстве", "в компании"), unlike "в мэрии" or "в
// полиции", which name the place's own.
var ruBackBodies = toSet(`ведомство министерство дипведомство компания организация агентство
пресс-служба служба учреждение структура`)

// ruOrgNom brings a Russian body's word to the nominative: "Кремле" →
// "Кремль", "Госдепа" → "Госдеп"; acronyms and unknown words stay.
func ruOrgNom(w string) string {
	lw := lower(w)
	if ruOrgWords[lw] || (len([]rune(w)) > 1 && strings.ToUpper(w) == w) {
		return w
	}
	if ruCompoundOrg(lw) {
		for _, e := range []string{"ем", "я", "ю", "е", "а", "у"} {
			st, ok := strings.CutSuffix(w, e)
			if ok && endsWith(st, "а", "о", "е", "у") {
				return st + "й" // "Минстроя", "в Минстрое" → "Минстрой" (not "Росгвардия")
			}
			if ok && strings.HasPrefix(lw, "мин") && (e == "е" || e == "а" || e == "у") {
				return st // a ministry's short name is masculine: "в Минкульте", "Минфина" → "Минкульт", "Минфин"
			}
		}
	}
	for stem := range stems(w, 2) {
		ls := lower(stem)
		if form, ok := ruOrgForms[ls]; ok {
			return stem + form[len(ls):]
		}
	}
	return w
}

// ruOrgForms maps each body's word less "", "о", "а", "ь" or "я" (the
// first that fits) to the word, for ruOrgNom and ruOrgWordForm.
var ruOrgForms = stemsOf(ruOrgWords, []string{"", "о", "а", "ь", "я"})

// ruBodyWord reports whether the capitalised Russian word w is a body's
// word in some case ("Управления", "Минфина").
func ruBodyWord(w string) bool {
	lw := lower(w)
	if isRuOrg(lw) || ruOrgWordForm(lw, 3) {
		return true
	}
	nom := lower(ruGenOrgNom([]string{w}))
	return ruOrgWords[nom] // ruBodyNouns among them
}

// ruGenOrgNom brings the name of a body in the genitive back to the
// nominative: its leading adjectives and head noun change, the genitive
// words after the head stay ("Саратовского гарнизонного военного суда" →
// "Саратовский гарнизонный военный суд", "Министерства энергетики США" →
// "Министерство энергетики США"). The head is the first word that is no
// adjective, or a body's word.
func ruGenOrgNom(words []string) string {
	h := slices.IndexFunc(words, func(w string) bool { return !ruAdjectival(w) || ruOrgWords[lower(w)] })
	if h < 0 {
		return strings.Join(words, " ")
	}
	return strings.Join(ruNomWords(words, h), " ")
}

// ruNomWords brings a body's name whose head noun is words[h] to the
// nominative: the adjectives before the head agree with its nominative, the
// words after it stay. A body's word of the lexicon is read in any case
// (ruOrgNom: "в Счётной палате" → "Счётная палата"); another head, in the
// genitive.
func ruNomWords(words []string, h int) []string {
	head := words[h]
	lh := lower(head)
	g := masculine
	nomHead := ruOrgNom(head)
	switch {
	case nomHead != head || ruOrgWords[lh]:
		// a body's word of the lexicon, in any case ("комитету"), or the
		// same in every case ("Минобороны", "Минэкономразвития")
		g = ruNounGender(lower(nomHead))
	case strings.HasSuffix(lh, "ии"):
		g, nomHead = feminine, strings.TrimSuffix(head, "и")+"я"
	case strings.HasSuffix(lh, "ы"):
		g, nomHead = feminine, strings.TrimSuffix(head, "ы")+"а"
	case strings.HasSuffix(lh, "и") && len([]rune(lh)) > 3 && strings.ContainsRune("кгхжшчщ", []rune(lh)[len([]rune(lh))-2]):
		g, nomHead = feminine, strings.TrimSuffix(head, "и")+"а"
	case endsWith(lh, "ства", "ения", "ания", "тва"):
		g = neuter
		if strings.HasSuffix(lh, "ия") {
			nomHead = strings.TrimSuffix(head, "я") + "е"
		} else {
			nomHead = strings.TrimSuffix(head, "а") + "о"
		}
	case strings.HasSuffix(lh, "а"):
		nomHead = strings.TrimSuffix(head, "а")
	case strings.HasSuffix(lh, "я"):
		nomHead = strings.TrimSuffix(head, "я") + "ь"
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(lh, "я")); strings.ContainsRune(ruVowels, r) {
			nomHead = strings.TrimSuffix(head, "я") + "й" // "Минстроя", "музея"
		}
	}
	out := make([]string, 0, len(words))
	for _, w := range words[:h] {
		out = append(out, ruAdjNom(w, g))
	}
	out = append(out, nomHead)
	return append(out, words[h+1:]...)
}

// ruBodyAdjective reports whether w reads as an adjective agreeing with
// the body's word noun after it: any adjective, and before a noun in the
// prepositional or dative ("комитете", "палате", "комиссии") the masculine
// and neuter forms of those cases too ("Следственном", "Высшему").
func ruBodyAdjective(w, noun string) bool {
	if ruAdjectival(w) {
		return true
	}
	return endsWith(noun, "е", "и") && endsWith(w, "ом", "ем", "ому", "ему") && utf8.RuneCountInString(w) >= 5
}

// ruAdjBody is the name of a body in the nominative from its adjectives
// ts[a:i] and its word ts[i]: "Верховный суд", "Следственного комитета" →
// "Следственный комитет", "в Счётной палате" → "Счётная палата".
func ruAdjBody(ts []token, a, i int) []string {
	words := runWords(ts, a, i+1)
	if ruNomAdjective(ts[a].low) {
		return append(words[:i-a], ruOrgNom(ts[i].text)) // in the nominative already
	}
	return ruNomWords(words, i-a)
}

// ruNameGoesOn reports whether the word at ts[j] goes on with the name of a
// body whose word noun (nominative nom) is before it: a word that is no
// verb ("группа Минтруда", "управление госстройнадзора", "ассоциации
// футбола": a past tense must agree with the noun in the nominative), or
// "по" ("служба по чрезвычайным ситуациям").
func ruNameGoesOn(ts []token, j int, noun, nom string) bool {
	if j >= len(ts) || ts[j].kind != tWord || ts[j].acronym() {
		return false
	}
	if ts[j].low == "по" {
		return true
	}
	if ruStop[ts[j].low] || ruAdverbs[ts[j].low] {
		return false
	}
	if _, v := ruVerb(ts[j].low); v {
		return false
	}
	if g, v := ruPastGender(ts[j].low); v && noun == nom && g == ruNounGender(nom) {
		return false
	}
	return true
}

// ruAdjectivesBefore returns the index of the first word after the (at most
// three) adjectives from toks[i] that agree with it as with a body's word
// ("Высшем совете"), i when there is none.
func ruAdjectivesBefore(toks []token, i int) int {
	n := i
	for n < len(toks)-1 && n < i+3 && toks[n].kind == tWord && !toks[n].acronym() && ruBodyAdjective(toks[n].text, toks[n+1].low) {
		n++
	}
	return n
}

// ruNounGender is the gender of a body's word in the nominative:
// feminine in -а or -я ("палата"), neuter in -о or -е ("министерство"),
// else masculine ("комитет").
func ruNounGender(w string) gender {
	switch {
	case endsWith(w, "а", "я"):
		return feminine
	case endsWith(w, "о", "е"):
		return neuter
	}
	return masculine
}

// ruAdjNom brings an adjective in an oblique case (genitive, dative,
// prepositional) to the nominative of gender g.
func ruAdjNom(w string, g gender) string {
	lw := lower(w)
	soft := func(stem string) bool {
		rs := []rune(stem)
		return len(rs) > 0 && strings.ContainsRune("кгхжшчщ", rs[len(rs)-1])
	}
	cut := func(ends ...string) (string, bool) {
		for _, e := range ends {
			if strings.HasSuffix(lw, e) {
				return w[:len(w)-len(e)], true
			}
		}
		return "", false
	}
	if g != feminine {
		if stem, ok := cut("ого", "ому", "ом"); ok {
			switch {
			case g == neuter:
				return stem + "ое"
			case soft(stem):
				return stem + "ий"
			default:
				return stem + "ый"
			}
		}
		if stem, ok := cut("его", "ему", "ем"); ok {
			if g == neuter {
				return stem + "ее"
			}
			return stem + "ий"
		}
	}
	switch {
	case strings.HasSuffix(lw, "ой") && g == feminine:
		return strings.TrimSuffix(w, "ой") + "ая"
	case strings.HasSuffix(lw, "ей") && g == feminine:
		stem := strings.TrimSuffix(w, "ей")
		if soft(stem) {
			return stem + "ая"
		}
		return stem + "яя"
	}
	return w
}

// ruMediaHead reports whether w (in any case) is a common noun for a news
// outlet: "издание", "газеты", "журнал".
func ruMediaHead(w string) bool {
	for _, h := range []string{"издани", "газет", "журнал", "телеканал", "портал"} {
		if strings.HasPrefix(w, h) && utf8.RuneCountInString(w)-utf8.RuneCountInString(h) <= 2 {
			return true
		}
	}
	return false
}

// ruMediaAcronyms name the kind of an outlet before its quoted name:
// информационное агентство, телекомпания (ИА «Регнум», ТК «Звезда»).
var ruMediaAcronyms = toSet(ruMediaAcronymList)

const ruMediaAcronymList = `иа риа миа тк трк гтрк`

// mediaNames are news outlets and platforms, lower-cased: the outlets all
// of syndic knows (news.KnownOutlets), the outlet kinds of ruMediaAcronyms,
// the platforms and the names quotes give outlets otherwise. A body's name
// that is one of them or starts with one is an outlet.
var mediaNames = func() []string {
	m := strings.Fields(ruMediaAcronymList + ` рейтер ап сми нсн цнн би-би-си nikkei ` + platformList)
	for o := range knownOutlets {
		m = append(m, o)
	}
	return m
}()

// platforms are where people post what they say, lower-cased: after a
// preposition ("под фото в Instagram") they are where, not who.
var platforms = toSet(platformList)

const platformList = `твиттер twitter facebook фейсбук телеграм telegram instagram инстаграм вконтакте youtube ютуб tiktok тикток`

// knownOutlets are news.KnownOutlets, lower-cased.
var knownOutlets = func() map[string]bool {
	m := map[string]bool{}
	for _, o := range news.KnownOutlets {
		m[lower(o)] = true
	}
	return m
}()

// mediaName reports whether a body is a news outlet, which reports what
// others say rather than speaking.
func mediaName(o string) bool {
	lo := lower(o)
	if strings.Contains(lo, ".") && !strings.Contains(lo, " ") && !strings.HasSuffix(lo, ".") {
		return true // a site: Lenta.ru, INTERFAX.RU
	}
	for _, m := range mediaNames {
		if strings.HasPrefix(lo, m) && (len(lo) == len(m) || lo[len(m)] == ' ' || lo[len(m)] == '-' || outletCase(lo, m)) {
			return true
		}
	}
	if strings.HasSuffix(lo, " сми") {
		return true // "российские СМИ", "местные СМИ"
	}
	if outletMadeName(lo) {
		return true
	}
	// An outlet's name after the kind of outlet it is: "Агентство
	// экономической информации ПРАЙМ", "телеканал Россия 24".
	for i := range len(lo) {
		if lo[i] == ' ' && knownOutlets[lo[i+1:]] && !ruCommonOutlets[lo[i+1:]] {
			return true
		}
	}
	return false
}

// outletMadeName reports whether a lower-cased name is made as outlets' names
// are: a word only they hold ("Невские новости", "Открытые медиа",
// "Еврорадио", "Крыминформ", "ТВ Центр"), a city or region's news channel
// ("Якутия 24"), or a kind of outlet before its site ("портал Gus-info.ru").
func outletMadeName(lo string) bool {
	words := strings.FieldsFunc(lo, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) >= 2 && words[len(words)-1] == "24" {
		return true
	}
	for i, w := range words {
		switch {
		case ruOutletWords[w], strings.HasSuffix(w, "радио"), strings.HasSuffix(w, "информ"), slices.ContainsFunc(ruOutletCase, func(c string) bool { return strings.HasSuffix(w, "информ"+c) }):
			return true
		case i > 0 && ruMediaHead(words[0]) && strings.Contains(w, ".") && !strings.HasSuffix(w, "."):
			return true
		}
	}
	return false
}

// ruOutletWords are the words that name only news outlets.
var ruOutletWords = toSet(`новости news медиа media тв tv`)

// outletName reports whether a name is one of a news outlet or platform,
// whole, in any case ("Укринформа"): unlike mediaName, not a name that
// only starts with one ("Twitter Нишал Шетти").
func outletName(o string) bool {
	lo := lower(o)
	for _, m := range mediaNames {
		if lo == m || outletCase(lo, m) {
			return true
		}
	}
	return false
}

// outletCase reports whether lo is the Russian outlet name m in another
// case: "корреспондент Укринформа", "Интерфаксу".
func outletCase(lo, m string) bool {
	return strings.HasPrefix(lo, m) && slices.Contains(ruOutletCase, lo[len(m):]) && isCyrillicWord(m)
}

// ruOutletCase are the endings a Russian outlet's name takes in another
// case.
var ruOutletCase = []string{"а", "у", "ом", "е"}

// outletWords are the known outlets (news.KnownOutlets) as lower-case
// words, by their first word.
var outletWords = func() map[string][][]string {
	m := map[string][][]string{}
	for o := range knownOutlets {
		ws := strings.Fields(o)
		if len(ws) == 1 && ruCommonOutlets[ws[0]] {
			continue
		}
		m[ws[0]] = append(m[ws[0]], ws[1:])
	}
	return m
}()

// ruCommonOutlets are outlets named by a common word ("Звезда", "Труд"):
// alone, they may be a word of a name.
var ruCommonOutlets = toSet(`звезда труд спутник известия`)

// outletAt returns the end of the known outlet's name that starts at ts[i]
// ("РИА Новости", "Интерфаксу", "ТАСС"), or i. A name or a body's name ends
// before one: "заявил РИА Новости Фадеев", "В Минобороны Интерфаксу
// заявили".
func outletAt(ts []token, i int) int {
	if i >= len(ts) || ts[i].kind != tWord {
		return i
	}
	end := i
	for _, rest := range outletWords[ts[i].low] {
		if i+len(rest) >= len(ts) {
			continue
		}
		ok := true
		for k, w := range rest {
			if t := ts[i+1+k]; t.kind != tWord || t.low != w {
				ok = false
				break
			}
		}
		if ok {
			end = max(end, i+1+len(rest))
		}
	}
	if end > i {
		return end
	}
	// One word in another case: "Интерфаксу", "Укринформа".
	for _, suf := range ruOutletCase {
		if base, ok := strings.CutSuffix(ts[i].low, suf); ok && oneWordOutlets[base] && isCyrillicWord(base) {
			return i + 1
		}
	}
	return i
}

// oneWordOutlets are the outlets of outletWords named by one word.
var oneWordOutlets = func() map[string]bool {
	m := map[string]bool{}
	for w, rests := range outletWords {
		for _, rest := range rests {
			if len(rest) == 0 {
				m[w] = true
			}
		}
	}
	return m
}()

// twoWordBody returns the name of the body of ruTwoWordBodies that ts[i]
// and ts[i+1] name, in any case ("Белого дома" → "Белый дом"), or "".
func twoWordBody(ts []token, i int) string {
	if i+1 >= len(ts) || !ts[i].cap() || !ts[i+1].lower() || !endsWith(ts[i].low, "ый", "ий", "ого", "ому", "ым", "ом") {
		return ""
	}
	for _, b := range ruTwoWordBodies {
		if strings.HasPrefix(ts[i].low, b.adj) && strings.HasPrefix(ts[i+1].low, b.noun) {
			return b.name
		}
	}
	return ""
}
