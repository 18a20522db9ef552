package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention kinds.
const (
	kPerson  = 'p'
	kOrg     = 'o'
	kPronoun = 'r'
	kDesc    = 'd'
)

// mention is a reference to a speaker found in the text: a name, a body, a
// pronoun or a description ("the diplomat", "глава ведомства").
type mention struct {
	kind   byte
	first  []string // given names (and patronymic), as written
	last   string   // surname or single name, as written
	org    string   // body's name, nominative
	role   string   // role as written ("FSB Director")
	head   string   // lower-cased head word of a description or role
	gender byte     // 'm', 'f', 'p' or 0
	cas    int      // Russian case the name was written in
	pos    int
	strong bool // surely a person (first name, title, surname morphology)
}

// entity is one person or body of an article, with every way it was named.
type entity struct {
	kind    byte
	first   string // nominative given name(s)
	last    string // nominative surname
	org     string
	key     string
	gender  byte
	roles   []string
	lastPos int
}

func (e *entity) name() string {
	if e.kind == kOrg {
		return e.org
	}
	if e.first != "" {
		return e.first + " " + e.last
	}
	return e.last
}

func (e *entity) role() string {
	if len(e.roles) == 0 {
		return ""
	}
	return e.roles[0]
}

func lower(s string) string { return strings.ToLower(s) }

func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+1 {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

var enMonths = toSet(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec`)

var ruMonths = toSet(`январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля
август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря понедельник
вторник среда среду четверг пятница пятницу суббота субботу воскресенье`)

var enPlaceFirst = toSet(`north south east west new united saint san los las great central northern southern
eastern western upper lower old royal national federal supreme international european american
russian british soviet islamic democratic republican african asian arab middle far`)

// isRuRole reports whether a lower-case Russian word is a role word in any case
// ("президента", "министром").
func isRuRole(w string) bool {
	if ruRoleWords[w] {
		return true
	}
	rs := []rune(w)
	for cut := 1; cut <= 3 && cut < len(rs)-2; cut++ {
		stem := string(rs[:len(rs)-cut])
		if ruRoleWords[stem] || ruRoleWords[stem+"ь"] || ruRoleWords[stem+"а"] || ruRoleWords[stem+"й"] || ruRoleWords[stem+"я"] || ruRoleWords[stem+"о"] {
			return true
		}
	}
	return false
}

// isRuOrg reports whether a lower-case Russian word heads a body's name.
func isRuOrg(w string) bool {
	if ruOrgWords[w] || ruCompoundOrg(w) {
		return true
	}
	// Only words long enough to decline: not "нато" for "Натан".
	return ruOrgWordForm(w, 5)
}

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
	"потреб", "транс", "авиа", "морфлот", "здрав", "обр", "юст", "фин", "энерг", "связ", "природ", "строй",
	"пром", "сельхоз", "труд", "культ", "спорт", "эконом", "оборон", "иностран", "тех", "космос", "имуществ",
	"архив", "рыболов", "лесхоз", "недр", "реестр", "печат", "погран", "цифр", "просвещ", "вуз", "наук"}

// ruOrgWordForm reports whether w is an oblique form of a body's word of at
// least min letters ("суда", "комитете").
func ruOrgWordForm(w string, min int) bool {
	rs := []rune(w)
	for cut := 1; cut <= 2 && cut < len(rs)-2; cut++ {
		stem := string(rs[:len(rs)-cut])
		for _, e := range []string{"", "о", "а", "ь", "я"} {
			if c := stem + e; ruOrgWords[c] && utf8.RuneCountInString(c) >= min {
				return true
			}
		}
	}
	return false
}

func isRole(w, lang string) bool {
	lw := lower(stripPossessive(w))
	if lang == "ru" {
		return isRuRole(lw)
	}
	lw = strings.TrimSuffix(lw, ".")
	return enRoleWords[lw] || enTitles[lw]
}

func isOrgWord(w, lang string) bool {
	lw := lower(stripPossessive(w))
	if lang == "ru" {
		return isRuOrg(lw)
	}
	return enOrgWords[lw]
}

// ruAdjectival reports whether a capitalised Russian word looks like an
// adjective (Северной, Российский) rather than a name.
func ruAdjectival(w string) bool {
	lw := lower(w)
	if ruMaleNames[lw] || ruFemaleNames[lw] {
		return false
	}
	for _, s := range []string{"ский", "ская", "ское", "ские", "ского", "ской", "скому", "ским", "ских",
		"ному", "ного", "ными", "ная", "ное", "ные", "ных", "ней", "ний", "ного", "ой", "ый", "ая", "ое", "ые", "ых", "ую", "ими", "ыми"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
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
	if romanNumeral(t.text) {
		return false
	}
	if lang == "ru" {
		if ruStop[lw] || ruMonths[lw] || isRuRole(lw) || isRuOrg(lw) || ruTitles[lw] || ruPlaces[lw] {
			return false
		}
		if !isCyrillicWord(lw) {
			return !enStop[lw] && !enRoleWords[lw] && !enOrgWords[lw]
		}
		return true
	}
	if enStop[lw] || enMonths[lw] || enRoleWords[lw] || enTitles[lw] || enOrgWords[lw] {
		return false
	}
	return true
}

var nameSuffixes = toSet(`jr sr ii iii iv`)

// nameRun returns the end (exclusive) of the run of name words starting at
// toks[i], allowing initials ("F."), particles ("de", "bin") and suffixes
// ("Jr.", "III"). It returns i when toks[i] starts no name.
func nameRun(toks []token, i int, lang string) int {
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
	for j < len(toks) {
		t := toks[j]
		// A surname that is also a role word: "Matthew Prince", "Mr. King".
		roleName := t.kind == tWord && t.cap() && !t.acronym() && (j > i || afterTitle) && (enRoleWords[t.low] || enTitles[t.low]) &&
			!(j+1 < len(toks) && nameWord(toks[j+1], lang)) && !enOrgWords[t.low]
		// An upper-case surname after a given name: "Антон МОРОЗ".
		capsName := j > i && t.acronym() && utf8.RuneCountInString(t.text) >= 3 && lang == "ru" && isCyrillicWord(t.text) && !ruOrgWords[t.low] && !ruPlaces[t.low]
		if capsName {
			if g, _ := ruFirstGender(toks[j-1].text); g == 0 {
				capsName = false
			}
		}
		if nameWord(t, lang) || roleName || capsName {
			// An initial: "F." directly followed by a dot.
			j++
			if utf8.RuneCountInString(t.text) <= 2 && j < len(toks) && toks[j].is(".") && toks[j].s == t.e {
				if j+1 < len(toks) && nameWord(toks[j+1], lang) {
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
			j++
			if j < len(toks) && toks[j].is(".") {
				j++
			}
			continue
		}
		break
	}
	// Drop a trailing initial's dot handling: never end on a particle.
	return j
}

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
// first name, a title before it, or a Russian surname's form.
func personEvidence(toks []token, i, j int, lang string) bool {
	words := runWords(toks, i, j)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		lw := lower(strings.TrimSuffix(w, "."))
		if enMaleNames[lw] || enFemaleNames[lw] {
			return true
		}
		if g, _ := ruFirstGender(w); g != 0 && isCyrillicWord(w) {
			return true
		}
	}
	if lang == "ru" && ruAdjectival(words[0]) {
		// "президент Европейского еврейского конгресса": an adjective.
		return false
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
		lp := p.low
		if enTitles[lp] || ruTitles[lp] {
			return true
		}
		if p.kind == tWord && isRole(p.text, lang) && !isOrgWord(p.text, lang) {
			return true
		}
	}
	if lang == "ru" {
		last := lower(words[len(words)-1])
		if !isCyrillicWord(last) {
			return false
		}
		for _, s := range []string{"ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская", "цкий", "енко", "ук", "юк", "ич", "ян", "дзе", "швили", "ову", "овым", "евым", "иным"} {
			if strings.HasSuffix(last, s) && utf8.RuneCountInString(last) > 4 {
				return true
			}
		}
		sentStart := i == 0 || endsSentence(toks[i-1]) || toks[i-1].kind == tDash || toks[i-1].kind == tQuote
		if len(words) >= 2 && !ruAdjectival(words[0]) && !sentStart {
			return true
		}
		return false
	}
	if len(words) >= 2 {
		if enPlaceFirst[lower(words[0])] {
			return false
		}
		for _, w := range words {
			if enOrgWords[lower(w)] {
				return false
			}
		}
		return true
	}
	return false
}

// nameGender guesses the gender of a person from its given names, then
// (Russian) its surname's form.
func nameGender(first []string, last string, lang string) byte {
	for _, f := range first {
		lf := lower(strings.TrimSuffix(f, "."))
		if enFemaleNames[lf] {
			return 'f'
		}
		if enMaleNames[lf] {
			return 'm'
		}
		if g, _ := ruFirstGender(f); g != 0 {
			return g
		}
	}
	if lang == "ru" {
		ll := lower(last)
		switch {
		case strings.HasSuffix(ll, "ой") || strings.HasSuffix(ll, "ская") || strings.HasSuffix(ll, "цкая"):
			return 'f'
		case strings.HasSuffix(ll, "ого") || strings.HasSuffix(ll, "ский") || strings.HasSuffix(ll, "цкий") || strings.HasSuffix(ll, "ым"):
			return 'm'
		}
	}
	return 0
}

// nominative returns the person mention's given names and surname in the
// nominative (Russian), judging the case from the given name when there is
// one, else from the hint.
func nominative(first []string, last string, cas int, g byte) ([]string, string) {
	if !isCyrillicWord(last) {
		return first, last
	}
	c := cas
	var out []string
	for _, f := range first {
		fg, nom := ruFirstGender(f)
		if fg == 'f' && nom == f && g == 'm' {
			// a woman's name in the nominative is also a man's in an oblique
			// case (Валерия, Александра, Евгения): the surname decides
			if mn := ruMaleReading(f); mn != "" {
				fg, nom = 'm', mn
			}
		}
		if fg != 0 && nom != f {
			// The given name was oblique: tell which case from its ending.
			if c == caseNom {
				c = caseGen
				switch {
				case strings.HasSuffix(f, "у") || strings.HasSuffix(f, "ю"):
					if fg == 'm' {
						c = caseDat
					} else {
						c = caseAcc
					}
				case strings.HasSuffix(f, "ом") || strings.HasSuffix(f, "ем") || (fg == 'f' && (strings.HasSuffix(f, "ой") || strings.HasSuffix(f, "ей"))):
					c = caseIns
				case fg == 'm' && strings.HasSuffix(f, "е"):
					c = caseDat
				}
			}
		} else if fg != 0 && nom == f {
			c = caseNom
		}
		out = append(out, nom)
	}
	return out, ruSurnameNom(last, c, g)
}

func titleWord(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// nameSpan returns the bounds of the name starting at toks[i] ([i, i) when
// none): in Russian a capitalised genitive before a given name belongs to
// the role, not the name ("президент Турции Реджеп Тайип Эрдоган").
func nameSpan(toks []token, i int, lang string) (int, int) {
	j := nameRun(toks, i, lang)
	if j-i < 2 {
		return i, j
	}
	if lang != "ru" {
		// "NASA Administrator Jim Bridenstine", "Massachusetts Joshua Levy":
		// the name starts at its given name.
		if enGiven(toks[i].text) {
			return i, j
		}
		for k := i + 1; k < j-1; k++ {
			if enGiven(toks[k].text) {
				return k, j
			}
		}
		return i, j
	}
	g0, nom0 := ruFirstGender(toks[i].text)
	for k := i + 1; k < j; k++ {
		if toks[k].kind != tWord {
			continue
		}
		g, nom := ruFirstGender(toks[k].text)
		if g == 0 {
			continue
		}
		if g0 == 0 {
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

func enGiven(w string) bool {
	lw := lower(w)
	return enMaleNames[lw] || enFemaleNames[lw]
}
