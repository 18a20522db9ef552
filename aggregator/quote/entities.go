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
	strong bool   // surely a person (first name, title, surname morphology)
	indef  bool   // a description brought in by "a", "one", "some": someone new
	owned  bool   // a description after a possessive pronoun ("её сестра"): not whom it refers to
	place  string // a Russian description's place adjective, its first letters ("тур" of "турецком ведомстве")
}

// entity is one person or body of an article, with every way it was named.
type entity struct {
	kind   byte
	first  string // nominative given name(s)
	last   string // nominative surname
	org    string
	key    string // a person's surnameKey of last; a body's org in lower case
	given  string // surnameKey of the first given name, "" when none
	gender gender
	roles  []string
	media  bool // a body the text names as a news outlet ("газета «Комерсант»")
}

// Caps on the people and bodies an article is read for (see Find).
const (
	// maxSameKey is how many people may share a surname key, and bodies
	// the first word of their name; others are not remembered.
	maxSameKey = 64
	// maxRoles is how many roles a person or body keeps.
	maxRoles = 16
)

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

// addRole gives e role r, unless e has it or maxRoles roles already.
func addRole(e *entity, r string) {
	if len(e.roles) >= maxRoles || slices.Contains(e.roles, r) {
		return
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
		if (d.lang == "en" && enHeadline(toks)) || creditLine(toks) {
			// "Gold Star Mom Corners Obama On His Refusal …": every word
			// of a headline is capitalised, a name's and the rest alike;
			// "Видео: Влад Докшин, Александр Лавренов / «Новая газета»"
			// names who filmed, no one the text goes on about.
			continue
		}
		for i := 0; i < len(toks); i++ {
			i0, j := d.nameAt(toks, i)
			if j == i {
				continue
			}
			// A lone Russian word that is a common word, or names an
			// outlet or platform, is no person ("в социальной сети
			// Фейсбук отметил"), nor is a lone Latin word, which Russian
			// text writes brands in ("Премьера Cybertruck", as
			// parsePhrase reads it).
			lone := d.lang == "ru" && j-i0 == 1 && (d.commonWordAt(toks, i0) || mediaName(toks[i0].text) || !isCyrillicWord(toks[i0].text))
			if personEvidence(toks, i0, j, d.lang) && !lone && !d.enCommonOpening(toks, i0, j) && !d.enQualifier(toks, i0, j) {
				i := i0
				words := runWords(toks, i, j)
				m := mention{kind: kPerson, first: words[:len(words)-1], last: stripPossessive(words[len(words)-1]), pos: toks[i].s}
				honorific := ""
				if d.lang == "ru" {
					m.cas = caseBefore(toks, i)
				} else {
					honorific = honorificBefore(toks, i)
					if g, ok := honorificGender[honorific]; ok {
						m.gender = g
					}
				}
				m.role = roleBefore(toks, i, d.lang)
				if d.lang == "ru" && m.cas != caseNom && roleHeadsName(m.role) {
					m.cas = caseNom
				}
				introduced := false
				if m.role == "" {
					m.role = appositive(toks, j, d.lang, d.lang == "ru" && governsOblique(toks, i))
					// "…, which concerns Henry Crespo, president of the
					// Florida Democratic Black Caucus. “…,” he said.": a
					// source introduced in full with a role is who "he"
					// is next, subject or not.
					introduced = d.lang == "en" && len(m.first) > 0 && m.role != "" && isRole(strings.Fields(m.role)[0], d.lang)
				}
				// An English surname after "Mr." needs no given name.
				if len(m.first) > 0 || d.lang == "ru" || honorific != "" {
					e := d.addPerson(m)
					if m.gender == unknownGender {
						m.gender = e.gender
					}
					d.notePerson(m.pos, e, introduced || d.subjectAt(pi, i, j, m))
				}
			}
			i = j - 1
		}
	}
	// Single surnames of known people, noted all at once.
	var single []pmention
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
			for _, e := range d.people[key] {
				if e.first != "" {
					// "исключения Полякова" of Антон Поляков is no subject
					m := mention{kind: kPerson, last: toks[i].text, gender: e.gender}
					if d.lang == "ru" {
						m.cas = caseBefore(toks, i)
					}
					single = append(single, pmention{pos: toks[i].s, e: e, nom: d.subjectAt(pi, i, i+1, m)})
					break
				}
			}
		}
	}
	d.notePersons(single)
}

// enQualifier reports whether the English words toks[i:j], opening with
// no given name, qualify a noun rather than name someone: they stand
// before a plural role they modify, or any plural after a function word
// ("Central European leaders", "for Florida Latino voters"), or they open
// with a word ending as a people's adjective does ("-an", "-ese", "-ish")
// that the text also writes before a lower-case noun ("dual Egyptian
// American citizen" beside "the Egyptian government").
func (d *doc) enQualifier(toks []token, i, j int) bool {
	w := toks[i].text
	if d.lang != "en" || j-i < 2 || enGiven(w) {
		return false
	}
	if j < len(toks) && enPlural(toks[j].low) && d.enModifies(toks[j]) && (i > 0 && enStop[toks[i-1].low] || isRole(toks[j].text, d.lang)) {
		// ("Central European leaders"; not "single mother Adriane
		// Burnett takes": a verb may end in -s)
		return true
	}
	if !endsWith(lower(w), "an", "ese", "ish") {
		return false
	}
	if d.modifiers == nil {
		d.modifiers = map[string]bool{}
		for _, p := range d.paras {
			for k, t := range p.toks[:max(len(p.toks)-1, 0)] {
				if t.cap() && d.enModifies(p.toks[k+1]) {
					d.modifiers[t.text] = true
				}
			}
		}
	}
	return d.modifiers[w]
}

// enCommonOpening reports whether the English words toks[i:j] open a
// sentence with no given name first and end on a word the text writes in
// lower case too: a heading run into its sentence ("Summary Studies show
// that …"), no one's name ("Tom Young said" has a given name).
func (d *doc) enCommonOpening(toks []token, i, j int) bool {
	if d.lang != "en" || j-i < 2 || !(i == 0 || endsSentence(toks[i-1])) || enGiven(toks[i].text) {
		return false
	}
	return d.inText(lower(toks[j-1].text))
}

// creditLine reports whether a paragraph credits a picture or a video:
// "Фото: …", "Video: …".
func creditLine(toks []token) bool {
	return len(toks) > 2 && toks[1].is(":") && creditWords[toks[0].low]
}

var creditWords = toSet(`фото видео фотография иллюстрация photo video photograph image illustration`)

// enHeadline reports whether English words are set as a headline: no
// lower-case word but a short function word, and two function words or
// more capitalised inside it ("… Corners Obama On His Refusal To Use …").
func enHeadline(toks []token) bool {
	caps, words := 0, 0
	for k, t := range toks {
		if t.kind != tWord {
			continue
		}
		words++
		switch {
		case t.lower() && !(enStop[t.low] && len(t.low) <= 3):
			return false
		case k > 0 && t.cap() && enStop[t.low]:
			caps++
		}
	}
	// A subheading of three words or more with no sentence's end and no
	// comma ("Not Merely Taste and Smell Receptors") is one too.
	heading := words >= 3 && len(toks) > 0 && !endsSentence(toks[len(toks)-1]) && !slices.ContainsFunc(toks, func(t token) bool { return t.is(",") || t.kind == tQuote })
	return caps >= 2 || heading
}

// honorificBefore returns the honorific ("Mr.", "Mrs.", "Dr." and the
// like) toks[i] follows, lower-cased, or "".
func honorificBefore(toks []token, i int) string {
	if i > 1 && toks[i-1].is(".") {
		i--
	}
	if i > 0 && honorifics[toks[i-1].low] {
		return toks[i-1].low
	}
	return ""
}

// honorificGender is the gender an English honorific tells: "Lady
// Starmer" is not Sir Keir.
var honorificGender = map[string]gender{"mr": masculine, "sir": masculine, "lord": masculine, "mister": masculine,
	"mrs": feminine, "ms": feminine, "miss": feminine, "dame": feminine, "lady": feminine, "madam": feminine}

// subjectAt tells whether the person named by toks[i:j] of paragraph pi
// reads as the subject of its sentence: Russian by case, English by
// standing first in the sentence (after titles and roles) or right before
// a verb of speech.
func (d *doc) subjectAt(pi, i, j int, m mention) bool {
	if d.lang == "ru" {
		return mentionNom(m)
	}
	toks := d.paras[pi].toks
	if j < len(toks) && toks[j].is("(") {
		// "Rep. Jody Hice (R-Ga.) pushed": the aside is no verb's object
		if k := slices.IndexFunc(toks[j:min(j+8, len(toks))], func(t token) bool { return t.is(")") }); k > 0 {
			j += k + 1
		}
	}
	if j < len(toks) && toks[j].is(",") && appositive(toks, j, d.lang, false) != "" {
		// "Rep. Robert Aderholt, ranking member of the subcommittee,
		// pushed": the verb after a role in apposition is the name's
		if k := slices.IndexFunc(toks[j+1:min(j+16, len(toks))], func(t token) bool { return t.is(",") || t.kind != tWord }); k > 0 && toks[j+1+k].is(",") {
			j += k + 2
		}
	}
	if j < len(toks) {
		if _, ok := d.verbAt(toks[j]); ok {
			return true
		}
		if j+1 < len(toks) && toks[j].lower() && !enConjunctions[toks[j].low] && strings.HasSuffix(toks[j+1].low, "ed") {
			// "Smith later added", not "… blasted Rubio and defended Cruz"
			return true
		}
		pastTense := toks[j].lower() && len(toks[j].low) > 4 && strings.HasSuffix(toks[j].low, "ed")
		afterPreposition := i > 0 && enPreposition(toks[i-1].low)
		if pastTense && !afterPreposition {
			return true // "anchor Ilia Calderón reacted", not "an endorsement for Clinton seemed"
		}
	}
	ss, se := d.sentenceOf(pi, i)
	// Nothing but leading words before the name, or a comma after a
	// quotation right before it.
	k := d.leadEnd(pi, ss, se)
	return k >= i || k == i-1 && toks[k].is(",") && k > ss && toks[k-1].kind == tQuote
}

// leadEnd returns where the words that may stand before an English
// sentence's subject (titles, roles, articles, capitalised words, dots,
// quotations) end in the sentence toks[ss:se) of paragraph pi. It keeps
// the last answer, since scanMentions asks for every name of a sentence.
func (d *doc) leadEnd(pi, ss, se int) int {
	if l := d.lead; l.pi == pi && l.ss == ss && l.ok {
		return l.end
	}
	toks := d.paras[pi].toks
	k := ss
	for ; k < se; k++ {
		t := toks[k]
		lw := t.low
		if !(t.kind == tWord && (enTitles[lw] || enRoleWords[lw] || lw == "the" || lw == "a" || t.acronym() || (t.cap() && !enStop[lw])) || t.is(".") || t.kind == tQuote) {
			break
		}
	}
	d.lead = lead{pi: pi, ss: ss, end: k, ok: true}
	return k
}

// lead is the last answer of leadEnd.
type lead struct {
	pi, ss, end int
	ok          bool
}

// roleHeadsName reports whether a Russian role read before a name is in
// the nominative and ends on words that do not govern the name
// ("уполномоченный по защите прав предпринимателей в Тамбовской области
// Михаил Козельцев"): the name agrees with the role's head, whatever the
// case the last word before it would ask ("помощник Путина", whose role
// ends on its role word, asks the genitive).
func roleHeadsName(role string) bool {
	ws := strings.Fields(lower(role))
	return len(ws) > 1 && ruRoleNom(ws[0]) && (!isRuRole(ws[len(ws)-1]) || ruPluralRole(ws[len(ws)-1]))
}

// mentionNom tells whether a Russian person mention reads as a nominative:
// no case asked for by the words before it, and the lexicon brings it to
// no other form (or cannot tell).
func mentionNom(m mention) bool {
	if !isCyrillicWord(m.last) {
		return true
	}
	first, last, _ := ruNominative(m.first, m.last, m.cas, m.gender)
	return m.cas == caseNom && last == m.last && slices.Equal(first, m.first)
}

// scanOrgs registers the bodies named outside quotations (acronyms,
// capitalised bodies' words), so that "ведомство", "the ministry" can be
// resolved to them.
func (d *doc) scanOrgs() {
	for pi, p := range d.paras {
		toks := p.toks
		for i := 0; i < len(toks); i++ {
			if o, j := quotedBody(toks, i, d.lang); j > i {
				// "движение «За права человека»": the body is its name
				d.noteOrg(toks[i].s, d.addOrg(o), mediaName(o) || ruMediaHead(toks[i].low), true)
				i = j - 1
				continue
			}
			if k := outletAt(toks, i); k > i && d.lang == "ru" {
				// "отмечает Bloomberg", "РИА Новости": an outlet, which
				// "издание", "агентство" refer back to
				name := strings.Join(runWords(toks, i, k), " ")
				d.noteOrg(toks[i].s, d.addOrg(name), true, true)
				i = k - 1
				continue
			}
			if o, j, adj := orgAtBy(toks, i, d.lang); j > i && (adj < 0 || d.speaksBeside(toks, adj, j)) {
				if d.lang == "ru" && j == i+1 && i > 0 && toks[i].acronym() && toks[i-1].lower() {
					if full := ruCountryBody(toks[i-1].low, toks[i].text); full != "" {
						o = full // "со ссылкой на турецкий МИД": МИД Турции
					}
				}
				// A Russian body named only by its adjectives and a
				// common noun ("Европейского суда", "Красной Армии") is
				// noted only as the subject of a speech verb beside it:
				// else a description ("суд") or a clause whose subject
				// is not read would be credited to it.
				// An English body is a subject when it opens its sentence
				// or stands before a verb ("Boeing Co. said", "Exxon Mobil
				// Corp. would cut"), not in "doesn't offer VR yet" or
				// "events in CBD".
				d.noteOrg(toks[i].s, d.addOrg(o), mediaName(o), d.lang != "en" || d.subjectAt(pi, i, j, mention{}) || d.enAuxiliaryAfter(toks, j))
				i = j - 1
			}
		}
	}
}

// enAuxiliaryAfter reports whether an English auxiliary or form of "be"
// follows toks[:j], an abbreviation's dot aside ("Exxon Mobil Corp.
// would"): the words before it are a clause's subject.
func (d *doc) enAuxiliaryAfter(toks []token, j int) bool {
	if j < len(toks) && toks[j].is(".") && abbrevDot(toks, j) {
		j++
	}
	return j < len(toks) && enClauseVerb(toks[j].low)
}

// speaksBeside reports whether a speech verb stands right before or right
// after toks[a:j], the name of a body ("сообщил Следственный комитет").
func (d *doc) speaksBeside(toks []token, a, j int) bool {
	for _, k := range []int{a - 1, j} {
		if k >= 0 && k < len(toks) {
			if _, ok := d.verbAt(toks[k]); ok {
				return true
			}
		}
	}
	return false
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
		g = nameGender(first)
	}
	key := surnameKey(last)
	suffixed := d.lang == "en" && len(first) > 1 && nameSuffix(last)
	if suffixed {
		key = surnameKey(first[len(first)-1]) // "James P. Kennedy Jr" is Kennedy
	}
	fkey := ""
	if len(first) > 0 {
		fkey = surnameKey(first[0])
	}
	var best *entity
	for _, e := range d.people[key] {
		if (suffixed || d.lang == "en" && nameSuffix(e.last)) && e.name() != strings.Join(append(slices.Clone(first), last), " ") {
			continue // Martin Luther King III is not Martin Luther King Jr
		}
		if fkey != "" && e.first != "" && e.given != fkey {
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
	if best == nil && len(first) == 0 && isCyrillicWord(last) && !ruLex().hasSurname(last) {
		// A misspelt surname ("уточнил Петушенко" after "Вячеслав
		// Петрушенко"): a surname the lexicon does not know, a letter
		// away from that of the one person named in full before.
		for _, e := range d.ents {
			if e.kind == kPerson && e.first != "" && oneTypo(e.key, key) {
				if best != nil {
					best = nil
					break
				}
				best = e
			}
		}
	}
	if best == nil {
		best = &entity{kind: kPerson, last: last, key: key, gender: g}
		if len(d.people[key]) < maxSameKey {
			d.ents = append(d.ents, best)
			d.people[key] = append(d.people[key], best)
		}
	}
	if len(first) > 0 && (best.first == "" || len(strings.Join(first, " ")) > len(best.first) && !ruCaseOf(givenName, first[0], strings.Fields(best.first)[0]) ||
		ruCaseOf(givenName, strings.Fields(best.first)[0], first[0])) {
		// the longer name, or the nominative: "Александр", not "Александра"
		if best.first != "" {
			d.given[best.given]--
		}
		best.first = strings.Join(first, " ")
		best.given = surnameKey(strings.Fields(best.first)[0])
		d.given[best.given]++
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
	if best.gender == unknownGender {
		best.learnNameGender(g)
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
	if len(first) != 1 || !ruPatronymicNom(lower(last)) || !d.spend(len(d.ents)) {
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

// outlet reports whether e is a news outlet, which relays what others say.
func (e *entity) outlet() bool { return e.kind == kOrg && (e.media || mediaName(e.org)) }

// addOrg registers (or finds) the body of that name and returns it: in
// Russian, a name that is the start of another's, word for word, names the
// same body (longerName).
func (d *doc) addOrg(name string) *entity {
	if d.lang == "ru" {
		name = d.ruBodyNom(name)
	}
	key := lower(name)
	// Such names share their first word.
	w, _, _ := strings.Cut(key, " ")
	for _, e := range d.bodies[w] {
		if e.key == key || d.longerName(e.key, key) || d.longerName(key, e.key) {
			if len(name) > len(e.org) {
				e.org, e.key = name, key
			}
			return e
		}
	}
	e := &entity{kind: kOrg, org: name, key: key}
	if len(d.bodies[w]) < maxSameKey {
		d.ents = append(d.ents, e)
		d.bodies[w] = append(d.bodies[w], e)
	}
	return e
}

// longerName reports whether body name s is p said in full: in Russian, s
// starts with the words of p ("МИД России" of "МИД"). An English name
// goes on with another body's or a product's ("NASA Human Landing System",
// "VW ID", "Boeing Defense"): each is its own.
func (d *doc) longerName(s, p string) bool {
	return d.lang == "ru" && wordPrefix(s, p)
}

// wordPrefix reports whether s starts with the words of p and goes on
// after a space.
func wordPrefix(s, p string) bool {
	return len(s) > len(p) && s[len(p)] == ' ' && strings.HasPrefix(s, p)
}

// notePersons records the person mentions ms, ordered by position, as
// notePerson does each.
func (d *doc) notePersons(ms []pmention) {
	if len(ms) == 0 {
		return
	}
	out := make([]pmention, 0, len(d.pm)+len(ms))
	k := 0
	for _, m := range ms {
		for k < len(d.pm) && d.pm[k].pos < m.pos {
			out = append(out, d.pm[k])
			k++
		}
		if k < len(d.pm) && d.pm[k].pos == m.pos {
			m.nom = m.nom || d.pm[k].nom
			k++
		}
		out = append(out, m)
	}
	d.pm = append(out, d.pm[k:]...)
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

// noteOrg records that body e was named at pos, as its sentence's subject
// or not (nom).
func (d *doc) noteOrg(pos int, e *entity, media, nom bool) {
	e.media = e.media || media
	d.om = append(d.om, pmention{pos: pos, e: e, nom: nom, media: media})
}

// knownSurname reports whether the article names a person of that surname.
func (d *doc) knownSurname(w string) bool {
	key := surnameKey(stripPossessive(w))
	return len(d.people[key]) > 0 || d.given[key] > 0
}

// expandAcronym returns the body the article named in full whose words'
// initials spell the acronym o ("ВС" → "Верховный суд РФ"), else o.
func (d *doc) expandAcronym(o string) string {
	rs := []rune(o)
	if len(rs) < 2 || len(rs) > 5 || strings.ToUpper(o) != o || strings.ToLower(o) == o || !d.spend(len(d.ents)) {
		return o
	}
	for _, e := range d.ents {
		if e.kind == kOrg && e.org != o && spells(rs, e.org) {
			return e.org
		}
	}
	return o
}

// spells reports whether the initials of name's first words, none of them
// written in capitals, are the letters of acronym.
func spells(acronym []rune, name string) bool {
	for _, r := range acronym {
		name = strings.TrimLeftFunc(name, unicode.IsSpace)
		end := strings.IndexFunc(name, unicode.IsSpace)
		if end < 0 {
			end = len(name)
		}
		w := name[:end]
		if first, _ := utf8.DecodeRuneInString(w); w == "" || unicode.ToUpper(first) != r || strings.ToUpper(w) == w {
			return false
		}
		name = name[end:]
	}
	return true
}

// ruBodyNom brings a one-word Russian body's name written in an oblique
// case to the nominative where the text tells it: an acronym's ending goes
// ("КамАЗа", "ЧОПа"), and "Укринформа", "Росгвардии" become the
// "Укринформ", "Росгвардия" the article also writes. Other names stay.
func (d *doc) ruBodyNom(name string) string {
	if strings.ContainsRune(name, ' ') || !isCyrillicWord(name) {
		return name
	}
	tail := strings.TrimRightFunc(name, unicode.IsLower)
	if last, _ := utf8.DecodeLastRuneInString(tail); capitals(name) >= 2 && unicode.IsUpper(last) && slices.Contains(ruHardEndings, name[len(tail):]) {
		return tail // "КамАЗа" → "КамАЗ"
	}
	for _, c := range ruBodyCases {
		stem, ok := strings.CutSuffix(name, c.end)
		if !ok || utf8.RuneCountInString(stem) < 3 || c.end == "е" && !ruObliqueBody(name) {
			continue
		}
		for _, e := range c.noms {
			if d.inText(stem + e) {
				return stem + e
			}
		}
		return name
	}
	return name
}

// ruBodyCases are the endings of a body's name in an oblique case, the
// first that fits, with the endings its nominative may have, for ruBodyNom.
var ruBodyCases = []struct {
	end  string
	noms []string
}{{"ы", []string{"а", "я"}}, {"и", []string{"а", "я"}}, {"а", []string{""}}, {"у", []string{""}}, {"е", []string{"", "а", "я"}}}
