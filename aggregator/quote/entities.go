package quote

import (
	"slices"
	"sort"
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
	gender gender   // from a pronoun, a role word or the verb
	cas    int      // Russian case the name was written in
	pos    int
	strong bool // surely a person (first name, title, surname morphology)
}

// entity is one person or body of an article, with every way it was named.
type entity struct {
	kind   byte
	first  string // nominative given name(s)
	last   string // nominative surname
	org    string
	key    string
	gender gender
	roles  []string
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

func addRole(e *entity, r string) {
	for _, x := range e.roles {
		if x == r {
			return
		}
	}
	e.roles = append(e.roles, r)
}

// pmention is a person named at pos.
type pmention struct {
	pos   int
	e     *entity
	nom   bool // named in the nominative (a subject), as far as can be told
	media bool // a body that is a news outlet
}

// scanMentions registers every person surely named outside quotations, so
// that surnames and pronouns can be resolved to full names.
func (d *doc) scanMentions() {
	for pi, p := range d.paras {
		toks := p.toks
		for i := 0; i < len(toks); i++ {
			i0, j := nameSpan(toks, i, d.lang)
			if j == i {
				continue
			}
			if personEvidence(toks, i0, j, d.lang) {
				i := i0
				words := runWords(toks, i, j)
				m := mention{kind: kPerson, first: words[:len(words)-1], last: stripPossessive(words[len(words)-1]), pos: toks[i].s}
				if d.lang == "ru" {
					m.cas = caseBefore(toks, i)
				}
				m.role = roleBefore(toks, i, d.lang)
				if m.role == "" {
					m.role = appositive(toks, j, d.lang)
				}
				if len(m.first) > 0 || d.lang == "ru" {
					e := d.addPerson(m)
					d.notePerson(m.pos, e, d.subjectAt(pi, i, j, m))
				}
			}
			i = j - 1
		}
	}
	// Single surnames of known people.
	for pi, p := range d.paras {
		toks := p.toks
		for i := 0; i < len(toks); i++ {
			j := nameRun(toks, i, d.lang)
			if j != i+1 {
				if j > i {
					i = j - 1
				}
				continue
			}
			key := surnameKey(stripPossessive(toks[i].text))
			for _, e := range d.ents {
				if e.kind == kPerson && e.key == key && e.first != "" {
					m := mention{kind: kPerson, last: toks[i].text}
					if d.lang == "ru" {
						m.cas = caseBefore(toks, i)
					}
					d.notePerson(toks[i].s, e, d.subjectAt(pi, i, i+1, m))
					break
				}
			}
		}
	}
}

// subjectAt tells whether the person named by toks[i:j] of paragraph pi
// reads as the subject of its sentence: Russian by case, English by
// standing first in the sentence (after titles and roles) or right before
// a verb of speech.
func (d *doc) subjectAt(pi, i, j int, m mention) bool {
	if d.lang == "ru" {
		return mentionNom(m)
	}
	toks := d.paras[pi].toks
	if j < len(toks) {
		if _, ok := d.verbAt(toks[j]); ok {
			return true
		}
		if j+1 < len(toks) && toks[j].lower() && strings.HasSuffix(toks[j+1].low, "ed") {
			return true
		}
	}
	ss, _ := d.sentenceOf(pi, i)
	for k := ss; k < i; k++ {
		t := toks[k]
		lw := t.low
		if t.kind == tWord && (enTitles[lw] || enRoleWords[lw] || lw == "the" || lw == "a" || t.acronym() || (t.cap() && !enStop[lw])) {
			continue
		}
		if t.is(".") || t.is(",") && k == i-1 && k > ss && toks[k-1].kind == tQuote || t.kind == tQuote {
			continue
		}
		return false
	}
	return true
}

// mentionNom tells whether a Russian person mention reads as a nominative:
// no case asked for by the words before it, and the lexicon brings it to
// no other form (or cannot tell).
func mentionNom(m mention) bool {
	if !isCyrillicWord(m.last) {
		return true
	}
	first, last, _ := ruNominative(m.first, m.last, m.cas, unknownGender)
	return m.cas == caseNom && last == m.last && slices.Equal(first, m.first)
}

// scanOrgs registers the bodies named outside quotations (acronyms,
// capitalised bodies' words), so that "ведомство", "the ministry" can be
// resolved to them.
func (d *doc) scanOrgs() {
	for _, p := range d.paras {
		toks := p.toks
		for i := 0; i < len(toks); i++ {
			if o, j := quotedBody(toks, i, d.lang); j > i {
				// "движение «За права человека»": the body is its name
				d.noteOrg(toks[i].s, d.addOrg(o), mediaName(o) || ruMediaHead(toks[i].low))
				i = j - 1
				continue
			}
			if o, j := orgAt(toks, i, d.lang); j > i {
				d.noteOrg(toks[i].s, d.addOrg(o), mediaName(o))
				i = j - 1
			}
		}
	}
}

// addPerson registers (or finds) the person a mention names and returns it.
func (d *doc) addPerson(m mention) *entity {
	first, last := m.first, m.last
	g := m.gender
	if g == plural {
		g = unknownGender
	}
	if isCyrillicWord(last) {
		first, last, g = ruNominative(first, last, m.cas, g)
		if e := d.givenAndPatronymic(first, last, g); e != nil {
			return e
		}
	}
	if g == unknownGender {
		g = nameGender(first, last, d.lang)
	}
	key := surnameKey(last)
	fkey := ""
	if len(first) > 0 {
		fkey = surnameKey(first[0])
	}
	var best *entity
	for _, e := range d.ents {
		if e.kind != kPerson || e.key != key {
			continue
		}
		if fkey != "" && e.first != "" && surnameKey(strings.Fields(e.first)[0]) != fkey {
			// Initials match a full given name: "F." ~ "Frank".
			ef := strings.Fields(e.first)[0]
			if !(strings.HasSuffix(first[0], ".") && strings.HasPrefix(ef, strings.TrimSuffix(first[0], "."))) {
				continue
			}
		}
		if g != unknownGender && e.gender != unknownGender && g != e.gender && g != plural && e.gender != plural {
			continue
		}
		best = e
	}
	if best == nil {
		best = &entity{kind: kPerson, last: last, key: key, gender: g}
		d.ents = append(d.ents, best)
	}
	if len(first) > 0 && (best.first == "" || len(strings.Join(first, " ")) > len(best.first) && !ruCaseOf(givenName, first[0], strings.Fields(best.first)[0]) ||
		ruCaseOf(givenName, strings.Fields(best.first)[0], first[0])) {
		best.first = strings.Join(first, " ") // the longer name, or the nominative: "Александр", not "Александра"
	}
	// Prefer the nominative form of the surname.
	if last != best.last && surnameKey(last) == best.key {
		// a full name read as nominative wins unless the stored form looks
		// more nominative: the case hint is only a guess ("требуют
		// возвращения Эво Моралеса" after "Эво Моралес")
		if m.cas == caseNom && len(first) > 0 && !betterNom(best.last, last) || betterNom(last, best.last) {
			best.last = last
		}
	}
	if best.gender == unknownGender && (g == masculine || g == feminine) && isCyrillicWord(best.last) {
		// the gender now known tells the case of a name kept as printed:
		// "Богдана Яременко" is Богдан's genitive when he spoke ("заявил")
		f, l, _ := ruNominative(strings.Fields(best.first), best.last, caseNom, g)
		best.first, best.last = strings.Join(f, " "), l
	}
	if best.gender == unknownGender {
		best.gender = g
	}
	if m.role != "" {
		addRole(best, m.role)
	}
	return best
}

// givenAndPatronymic returns the one person of the article with the given
// name first[0] when a Russian mention names no surname but a patronymic,
// as a respectful mention of a person named in full before does:
// "Александр Владимирович" after "Александр Осадчий".
func (d *doc) givenAndPatronymic(first []string, last string, g gender) *entity {
	if len(first) != 1 || !ruPatronymicNom(lower(last)) {
		return nil
	}
	var found *entity
	for _, e := range d.ents {
		if e.kind == kPerson && e.first != "" && lower(strings.Fields(e.first)[0]) == lower(first[0]) && (g == unknownGender || e.gender == unknownGender || e.gender == g) {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

// betterNom reports whether surname form a looks more like the nominative
// than b: the lexicon reads b as a case of a ("Лаврова" of "Лавров",
// "Захаровой" of "Захарова"), or, when it reads neither as the other's, a
// is shorter.
func betterNom(a, b string) bool {
	return ruCaseOf(surname, b, a) || !ruCaseOf(surname, a, b) && utf8.RuneCountInString(a) < utf8.RuneCountInString(b)
}

func (d *doc) addOrg(name string) *entity {
	key := lower(name)
	for _, e := range d.ents {
		if e.kind == kOrg && (e.key == key || strings.HasPrefix(e.key, key+" ") || strings.HasPrefix(key, e.key+" ")) {
			if len(name) > len(e.org) {
				e.org, e.key = name, key
			}
			return e
		}
	}
	e := &entity{kind: kOrg, org: name, key: key}
	d.ents = append(d.ents, e)
	return e
}

// notePerson records that entity e was named at pos.
func (d *doc) notePerson(pos int, e *entity, nom bool) {
	k := sort.Search(len(d.pm), func(i int) bool { return d.pm[i].pos >= pos })
	if k < len(d.pm) && d.pm[k].pos == pos {
		d.pm[k].e = e
		d.pm[k].nom = d.pm[k].nom || nom
		return
	}
	d.pm = append(d.pm, pmention{})
	copy(d.pm[k+1:], d.pm[k:])
	d.pm[k] = pmention{pos: pos, e: e, nom: nom}
}

// noteOrg records that body e was named at pos.
func (d *doc) noteOrg(pos int, e *entity, media bool) {
	d.om = append(d.om, pmention{pos: pos, e: e, nom: true, media: media})
}

// knownSurname reports whether the article names a person of that surname.
func (d *doc) knownSurname(w string) bool {
	key := surnameKey(stripPossessive(w))
	for _, e := range d.ents {
		if e.kind == kPerson && (e.key == key || e.first != "" && surnameKey(strings.Fields(e.first)[0]) == key) {
			return true
		}
	}
	return false
}

// expandAcronym returns the body the article named in full whose words'
// initials spell the acronym o ("ВС" → "Верховный суд РФ"), else o.
func (d *doc) expandAcronym(o string) string {
	rs := []rune(o)
	if len(rs) < 2 || len(rs) > 5 || strings.ToUpper(o) != o || strings.ToLower(o) == o {
		return o
	}
	for _, e := range d.ents {
		if e.kind != kOrg || e.org == o {
			continue
		}
		words := strings.Fields(e.org)
		if len(words) < len(rs) {
			continue
		}
		match := true
		for i, r := range rs {
			w, _ := utf8.DecodeRuneInString(words[i])
			if unicode.ToUpper(w) != r || strings.ToUpper(words[i]) == words[i] {
				match = false
				break
			}
		}
		if match {
			return e.org
		}
	}
	return o
}
