package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameSpan returns the bounds of the name starting at toks[i] ([i, i) when
// none): in Russian a capitalised genitive before a given name belongs to
// the role, not the name ("президент Турции Реджеп Тайип Эрдоган").
func nameSpan(toks []token, i int, lang string) (int, int) {
	j := nameRun(toks, i, lang)
	if j-i < 2 {
		return i, j
	}
	if lang != "ru" {
		if k, ok := nameAfterRole(toks, i, j); ok {
			// "Israeli Prime Minister Benjamin Netanyahu", "Wisconsin Gov.
			// Scott Walker": the capitalised words before the role are the
			// role's; the name is the one after it.
			return nameSpan(toks, k, lang)
		}
		// "NASA Administrator Jim Bridenstine", "Massachusetts Joshua Levy":
		// the name starts at its given name.
		for k := i; k < j-1; k++ {
			if enGiven(toks[k].text) {
				return k, j
			}
		}
		return i, j
	}
	if !isCyrillicWord(toks[i].text) {
		// "написал в Twitter Нишал Шетти": a Latin word before Cyrillic
		// ones is a platform's or an outlet's; the name is the Cyrillic
		// words.
		for k := i + 1; k < j; k++ {
			if toks[k].kind == tWord && isCyrillicWord(toks[k].text) && nameWord(toks[k], lang) {
				return nameSpan(toks, k, lang)
			}
		}
	}
	nom0, _, ok0 := ruGivenName(toks[i].text)
	if !ok0 && i > 0 && ruPlacePrepositions[toks[i-1].low] && isCyrillicWord(toks[i].text) && isCyrillicWord(toks[i+1].text) {
		// "консул Узбекистана в Казани Фариддин Насриев": the word after
		// the preposition is the place; the name follows it.
		return nameSpan(toks, i+1, lang)
	}
	if !ok0 && j-i == 2 && toks[i+1].kind == tWord && !ruObliqueSurname(toks[i].text, unknownGender) && ruObliqueSurname(toks[i+1].text, unknownGender) {
		// Two surnames in two cases: "сказал Сурков Бородаю" names
		// Сурков, speaking to Бородай.
		return i, i + 1
	}
	for k := i + 1; k < j; k++ {
		if toks[k].kind != tWord {
			continue
		}
		nom, _, ok := ruGivenName(toks[k].text)
		if !ok {
			continue
		}
		if !ok0 {
			return k, j
		}
		if k >= i+2 {
			// Two names in a row: "президента Владимира Путина Владислав
			// Сурков". The one in the nominative is the speaker.
			if nom0 != toks[i].text && nom == toks[k].text {
				return k, j
			}
			return i, k
		}
	}
	return i, j
}

// nameAfterRole reports whether the English run of capitalised words
// toks[i:j] ends at a role word ("Minister", "Gov.") after which a name of
// two words or more begins, and returns where it begins.
func nameAfterRole(toks []token, i, j int) (int, bool) {
	role := func(t token) bool { return t.kind == tWord && t.cap() && (enRoleWords[t.low] || enTitles[t.low]) }
	k := -1
	switch {
	case j < len(toks) && role(toks[j]):
		k = j + 1
	case j-1 > i && role(toks[j-1]):
		k = j
	}
	if k < 0 {
		return 0, false
	}
	if k < len(toks) && toks[k].is(".") {
		k++
	}
	return k, k < len(toks) && nameRun(toks, k, "en")-k >= 2
}

// ruPlacePrepositions put the capitalised word after them in a place.
var ruPlacePrepositions = toSet(`в во из на`)

// maxNameRun is the most tokens a name (or a body's name of capitalised
// words) runs over; a longer run of capitalised words is read as several.
const maxNameRun = 16

// nameRun returns the end (exclusive) of the run of name words starting at
// toks[i], allowing initials ("F."), particles ("de", "bin") and suffixes
// ("Jr.", "III"), at most maxNameRun tokens. It returns i when toks[i]
// starts no name.
func nameRun(toks []token, i int, lang string) int {
	if len(toks) > i+maxNameRun {
		toks = toks[:i+maxNameRun]
	}
	j := i
	afterTitle := false
	if i > 0 {
		p := toks[i-1]
		if p.is(".") && i > 1 {
			p = toks[i-2]
		}
		lp := p.low
		afterTitle = p.kind == tWord && (lp == "mr" || lp == "mrs" || lp == "ms" || lp == "dr" || lp == "miss" || ruTitles[lp])
	}
	ru := lang == "ru"
	if ru && i > 0 && (outletAt(toks, i-1) > i && toks[i-1].acronym() || i > 1 && outletAt(toks, i-2) > i && toks[i-2].acronym()) {
		return i // the end of an outlet's name: "РИА Новости", not "The New York Times"
	}
	for j < len(toks) {
		t := toks[j]
		if ru && j > i && outletAt(toks, j) > j && !isGivenName(toks[j-1].text) {
			break // "заявил РИА Новости Фадеев"; not "Майкл Bloomberg"
		}
		if ru && j > i && t.kind == tWord && !isCyrillicWord(t.text) && isCyrillicWord(toks[j-1].text) && isGivenName(toks[j-1].text) && j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].cap() && !isCyrillicWord(toks[j+1].text) {
			// "приводит слова Тони Tennis World USA": Latin words after a
			// Cyrillic given name are another name's
			break
		}
		// A surname that is also a role word: "Matthew Prince", "Mr. King",
		// "Martin Luther King Jr.".
		roleName := t.kind == tWord && t.cap() && !t.acronym() && (j > i || afterTitle) && (enRoleWords[t.low] || enTitles[t.low]) &&
			!(j+1 < len(toks) && nameWord(toks[j+1], lang) && !nameSuffixes[toks[j+1].low]) && !enOrgWords[t.low]
		// A capitalised Russian role word between two words of a name is
		// one of them: "Гон Сын Ён".
		roleName = roleName || ru && j > i && t.kind == tWord && t.cap() && !t.acronym() && isRuRole(t.low) && !isRuOrg(t.low) &&
			isCyrillicWord(toks[j-1].text) && nameWord(toks[j-1], lang) && j+1 < len(toks) && nameWord(toks[j+1], lang)
		// An upper-case surname after a given name or an initial: "Антон
		// МОРОЗ", "Р. КОЛТУНОВ".
		capsName := j > i && ru && capsSurname(t) && (isGivenName(toks[j-1].text) || toks[j-1].is("."))
		// A month's name after a given name is a surname: "Алена Август".
		capsName = capsName || j > i && ru && t.kind == tWord && t.cap() && ruMonths[t.low] && isGivenName(toks[j-1].text)
		// A common word capitalised after an English given name inside a
		// sentence is a surname: "said Steven Still, emergency management
		// director".
		capsName = capsName || !ru && j == i+1 && t.kind == tWord && t.cap() && !t.acronym() && enStop[t.low] && enGiven(toks[j-1].text) && !(j+1 < len(toks) && nameWord(toks[j+1], lang))
		// A Latin body's name in Russian text ends in its noun: "Financial
		// Times", "Sky News", "Deutsche Bank".
		latinBody := lang == "ru" && j > i && t.kind == tWord && t.cap() && enOrgWords[t.low] && !isCyrillicWord(t.text) && !isCyrillicWord(toks[j-1].text)
		// In Russian text "New" opens a Latin name: The New York Times.
		newPlace := lang == "ru" && t.kind == tWord && t.text == "New" && j+1 < len(toks) && nameWord(toks[j+1], lang)
		initial := utf8.RuneCountInString(t.text) <= 2 && j+1 < len(toks) && toks[j+1].is(".") && toks[j+1].s == t.e
		if ru && initial && j > i && utf8.RuneCountInString(toks[j-1].text) > 2 && !isGivenName(toks[j-1].text) {
			// An initial after a word that is no given name opens the
			// name: "инспектор Центра Р. Колтунов" is Р. Колтунов.
			return i
		}
		// A middle initial that is also a word: "Sonya A. Zoghlin" (not "War
		// I. Trump").
		middle := !ru && j > i && initial && utf8.RuneCountInString(t.text) == 1 && t.cap() && t.text != "I" && j+2 < len(toks) && nameWord(toks[j+2], lang)
		if nameWord(t, lang) || roleName || capsName || latinBody || newPlace || middle {
			// An initial: "F." directly followed by a dot.
			j++
			if lang != "ru" && stripPossessive(t.text) != t.text {
				break // a possessive ends the name: "China’s Inner Mongolia"
			}
			if initial {
				if j+1 < len(toks) && (nameWord(toks[j+1], lang) || ru && capsSurname(toks[j+1])) {
					j++
				}
			}
			continue
		}
		if j > i && t.kind == tWord && (ruNameParticles[t.text] || t.text == "bin" || t.text == "al" || t.text == "de" || t.text == "van" || t.text == "von" || t.text == "da" || t.text == "ibn" || t.text == "el") && j+1 < len(toks) && nameWord(toks[j+1], lang) {
			j++
			continue
		}
		if j > i && t.kind == tWord && nameSuffixes[t.low] {
			// A suffix ends the name ("King Jr.", "World War II. Trump
			// said" is two).
			j++
			if j < len(toks) && toks[j].is(".") {
				j++
			}
			break
		}
		break
	}
	return j
}

// capsSurname reports whether t can be a Russian surname set in capitals,
// a word of three letters or more that names no body or place.
func capsSurname(t token) bool {
	return t.acronym() && utf8.RuneCountInString(t.text) >= 3 && isCyrillicWord(t.text) && !ruOrgWords[t.low] && !ruPlaces[t.low]
}

// nameWord reports whether token t can be part of a person's name.
func nameWord(t token, lang string) bool {
	if t.kind != tWord || !t.cap() || t.acronym() {
		return false
	}
	lw := lower(stripPossessive(t.text))
	if strings.ContainsAny(lw, "0123456789") {
		return false // "F-35", "Су-57": a model, never a name
	}
	if lang == "ru" {
		if ruStop[lw] || ruMonths[lw] || isRuRole(lw) || isRuOrg(lw) || ruTitles[lw] || ruPlaces[lw] {
			return false
		}
		if !isCyrillicWord(lw) {
			return !enStop[lw] && !enRoleWords[lw] && !enOrgWords[lw]
		}
		if ruSuperlative(lw) {
			return false // a title in honour: "Блаженнейший", "Святейшего"
		}
		// A lower-case part after a hyphen makes a body's or a place's
		// name, never a person's: "Альфа-банк", "Ростов-на-Дону".
		if _, after, ok := strings.Cut(t.text, "-"); ok && after != "" {
			if r, _ := utf8.DecodeRuneInString(after); unicode.IsLower(r) {
				return false
			}
		}
		return true
	}
	if enStop[lw] || enMonths[lw] || enRoleWords[lw] || enTitles[lw] || enOrgWords[lw] {
		return false
	}
	return true
}

// ruSuperlative reports whether the lower-case word w is a Russian
// adjective in the superlative ("Блаженнейший", "крупнейшего").
func ruSuperlative(w string) bool {
	return (strings.Contains(w, "ейш") || strings.Contains(w, "айш")) && endsWith(w, "ий", "ая", "ее", "ие", "его", "ему", "им", "ем", "ей", "их", "ую", "ими")
}

var nameSuffixes = toSet(`jr sr ii iii iv`)

// nameSuffix reports whether w, its dot aside, is a name's suffix ("Jr.").
func nameSuffix(w string) bool { return nameSuffixes[lower(strings.TrimSuffix(w, "."))] }

// runWords returns the words of toks[i:j] that make up a name (initials
// keep their dot).
func runWords(toks []token, i, j int) []string {
	var out []string
	for k := i; k < j; k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		w := t.text
		if k+1 < j && toks[k+1].is(".") && toks[k+1].s == t.e {
			w += "."
		}
		out = append(out, w)
	}
	return out
}

// personEvidence reports whether a name run surely names a person: a known
// first name, a role word before it (isRole: in English, a title too), or a
// Russian surname's form.
func personEvidence(toks []token, i, j int, lang string) bool {
	words := runWords(toks, i, j)
	if len(words) == 0 {
		return false
	}
	if lang == "en" && i > 0 && toks[i-1].kind == tWord && (toks[i-1].low == "a" || toks[i-1].low == "an") {
		return false // "an Egyptian American raised in the Midwest": a kind of person
	}
	if lang == "ru" && slices.ContainsFunc(words, mixedScript) {
		return false // "передают Українськi Новини": an outlet's name typed in two scripts
	}
	if lang == "ru" && len(words) == 1 && (ruBodyWord(words[0]) || ruThingAcronyms[lower(words[0])]) {
		return false // "руководитель Управления Росреестра", "2,4 ГГц": a body's word, a thing's acronym
	}
	if _, place := ruPlaceName(toks, i); lang == "ru" && (ruPlace(lower(words[len(words)-1])) || len(words) == 1 && place) {
		if _, _, given := ruGivenName(words[0]); !given {
			// "пресс-конференция Главы Бурятии", "перевел Республику
			// Бурятия": a place, or a word and a place, is nobody
			return false
		}
	}
	for _, w := range words {
		lw := lower(strings.TrimSuffix(w, "."))
		if enMaleNames[lw] || enFemaleNames[lw] {
			return true
		}
		// a given name that is also a word ("Лады", "Вера") names no one alone
		if nom, _, ok := ruGivenName(w); ok && (len(words) > 1 || !ruLex().given[foldYo(lower(nom))].common) {
			return true
		}
	}
	if lang == "en" && i > 0 && toks[i-1].is("the") {
		return false // "on the Nursery Road": no one's name takes an article
	}
	if lang == "ru" && ruAdjectival(words[0]) {
		// "президент Европейского еврейского конгресса": an adjective.
		return false
	}
	if i > 0 {
		p := toks[i-1]
		if p.is(".") && i > 1 {
			p = toks[i-2]
		}
		if p.kind == tWord && isRole(p.text, lang) && !isOrgWord(p.text, lang) && !enRoleModifiers[p.low] {
			// "корреспондент Укринформа", "корреспондент Крыминформа": an
			// outlet, in any case, is no one, nor is the start of a body's
			// name ("the official Social Security Administration website")
			name := strings.Join(words, " ")
			bodyNext := lang == "en" && j < len(toks) && toks[j].cap() && enBodyWord(toks[j].low)
			return !outletName(name) && !outletMadeName(lower(name)) && !bodyNext
		}
	}
	if lang == "ru" {
		last := lower(words[len(words)-1])
		if street, place := ruPlaceName(toks, i); !isCyrillicWord(last) || street || place {
			return false
		}
		if utf8.RuneCountInString(last) > 4 && endsWith(last, "ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская", "цкий", "енко", "ук", "юк", "ич", "ян", "дзе", "швили", "ову", "овым", "евым", "иным") {
			return true
		}
		sentStart := i == 0 || endsSentence(toks[i-1]) || toks[i-1].kind == tDash || toks[i-1].kind == tQuote
		if len(words) >= 2 && !sentStart {
			return true
		}
		return false
	}
	if len(words) >= 2 {
		if enPlaceFirst[lower(words[0])] {
			return false
		}
		k := j
		if pluralApostrophe(toks, k) {
			k++
		}
		if k < len(toks) && toks[k].cap() && enOrgWords[toks[k].low] {
			return false // "Homeland Security Department", "Colleges Employers’ Association": a body's name
		}
		for _, w := range words {
			if enBodyWord(lower(w)) {
				return false
			}
		}
		// "the Constitution": an abstract noun's ending, which no surname has
		return !endsWith(lower(words[len(words)-1]), "tion", "sion")
	}
	return false
}

// ruPlaceName reports whether the Russian name at toks[i] follows a word for
// a street ("по улице Короленко", "ул. Ленина", "улиц Воровского и
// Короленко"), which makes it a place whatever it is (streets are named
// after people), or for a settlement or its residents ("в городе Алтай",
// "в селе Кропоткино", "жителей Синьцзяна"), which makes it a place unless
// it is surely a person's name ("глава города Сергей Панчин"): street and
// place tell which.
func ruPlaceName(toks []token, i int) (street, place bool) {
	k := i - 1
	if k >= 2 && toks[k].is("и") {
		k -= 2 // the second of two streets
	}
	if k >= 1 && toks[k].is(".") {
		k--
	}
	if k < 0 || toks[k].kind != tWord {
		return false, false
	}
	w := toks[k].low
	if ruStreetAbbrevs[w] || slices.ContainsFunc(ruStreetStems, func(stem string) bool { return strings.HasPrefix(w, stem) }) {
		return true, true // "ул. Ленина"
	}
	return false, slices.ContainsFunc(ruSettlementStems, func(stem string) bool { return strings.HasPrefix(w, stem) })
}

// ruStreetAbbrevs and ruStreetStems are the words for a street, shortened
// and in any case; ruSettlementStems those for a settlement or its
// residents.
var (
	ruStreetAbbrevs   = toSet(`ул пр просп пер пл`)
	ruStreetStems     = []string{"улиц", "проспект", "переул", "площад", "бульвар", "шоссе", "набережн", "проезд"}
	ruSettlementStems = []string{"город", "село", "селе", "села", "селу", "деревн", "посел", "посёл", "станиц", "хутор", "провинци", "жител"}
)

var enPlaceFirst = toSet(`north south east west new united saint san los las great central northern southern
eastern western upper lower old royal national federal supreme international european american
russian british soviet islamic democratic republican african asian arab middle far`)

// nameGender guesses the gender of a person from its English given names
// (ruNominative tells a Russian name's).
func nameGender(first []string) gender {
	for _, f := range first {
		lf := lower(strings.TrimSuffix(f, "."))
		if enFemaleNames[lf] {
			return feminine
		}
		if enMaleNames[lf] {
			return masculine
		}
	}
	return unknownGender
}

func enGiven(w string) bool {
	lw := lower(w)
	return enMaleNames[lw] || enFemaleNames[lw]
}

// romanNumeral reports whether w is written in Roman numerals only ("XVIII").
func romanNumeral(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXLCDM", r) {
			return false
		}
	}
	return true
}

func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+1 {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// surnameKey folds a surname in any case, either language, to a key shared
// by all its forms: "Лаврова", "Лаврову", "Лавров" → "лавров";
// "Bortnikov's" → "bortnikov".
func surnameKey(w string) string {
	lw := strings.ToLower(w)
	lw = strings.TrimSuffix(strings.TrimSuffix(lw, "’s"), "'s")
	lw = strings.ReplaceAll(lw, "ё", "е")
	if !isCyrillicWord(lw) {
		return lw
	}
	rs := []rune(lw)
	// "Лавровского", "Лавровской" → "лавровск", as "Лавровский".
	for _, suf := range []string{"ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им", "ую", "ая", "ий", "ый",
		"а", "у", "е", "ы", "и", "я", "ю", "ь", "й"} {
		if strings.HasSuffix(lw, suf) && len(rs)-utf8.RuneCountInString(suf) >= 3 {
			return strings.TrimSuffix(lw, suf)
		}
	}
	return lw
}

// oneTypo reports whether two surname keys of six letters or more differ by
// one letter left out, added or changed after their first two and before
// their last.
func oneTypo(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(rb) < 6 || len(ra)-len(rb) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if i < 2 || i >= len(rb)-1 {
		return false
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// isGivenName reports whether w is a given name in any case, in either
// script ("Майкл", "Michael").
func isGivenName(w string) bool {
	if _, _, ok := ruGivenName(w); ok {
		return true
	}
	return enGiven(w)
}
