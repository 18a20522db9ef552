package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// doc is one article being read.
type doc struct {
	text, lang string
	paras      []para
	spans      []qspan
	ptoks      [][]token // top-level tokens of each paragraph (quotations as one token)
	psents     [][]int   // sentence starts in ptoks
	ents       []*entity
	pm         []pmention // person mentions outside quotations, by position
	om         []pmention // bodies named outside quotations, in text order
	out        []emitted
	quoted     map[[2]int]bool // sentences (paragraph, first token) holding a reported quotation

	last     *entity // the last speaker
	lastPara int
	lastRole string
}

// pmention is a person named at pos.
type pmention struct {
	pos   int
	e     *entity
	nom   bool // named in the nominative (a subject), as far as can be told
	media bool // a body that is a news outlet
}

func newDoc(text, lang string) *doc {
	d := &doc{text: text, lang: lang, lastPara: -10, quoted: map[[2]int]bool{}}
	d.paras = paragraphs(text)
	d.ptoks = make([][]token, len(d.paras))
	d.psents = make([][]int, len(d.paras))
	for pi, p := range d.paras {
		spans := scanMarks(text, p, pi)
		base := len(d.spans)
		var tops []int
		for k := range spans {
			if spans[k].parent >= 0 {
				spans[k].parent += base
			} else {
				tops = append(tops, base+k)
			}
		}
		d.spans = append(d.spans, spans...)
		d.ptoks[pi] = tokenize(text, p.s, p.e, d.spans, tops)
		d.psents[pi] = sentences(d.ptoks[pi], func(t token) bool { _, ok := d.verbAt(t); return ok })
	}
	return d
}

// sentenceOf returns the bounds [ss, se) of the sentence holding token i of
// paragraph pi.
func (d *doc) sentenceOf(pi, i int) (int, int) {
	st := d.psents[pi]
	k := sort.SearchInts(st, i+1) - 1
	ss := st[k]
	se := len(d.ptoks[pi])
	if k+1 < len(st) {
		se = st[k+1]
	}
	return ss, se
}

// ---- entities ----

// addPerson registers (or finds) the person a mention names and returns it.
func (d *doc) addPerson(m mention) *entity {
	first, last := m.first, m.last
	g := m.gender
	if g == 0 || g == 'p' {
		g = nameGender(first, last, d.lang)
	}
	if d.lang == "ru" && ruMaleObliqueSurname(last) {
		g = 'm' // "Валерия Гриневича" is Валерий Гриневич in the genitive
	}
	if d.lang == "ru" || isCyrillicWord(last) {
		first, last = nominative(first, last, m.cas, g)
		if g == 0 {
			g = ruSurnameGender(last)
			if len(first) == 0 && m.cas != caseNom && g == 'f' && strings.HasSuffix(lower(last), "а") {
				g = 0 // "Лаврова" in the genitive: no telling
			}
		}
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
		if g != 0 && e.gender != 0 && g != e.gender && g != 'p' && e.gender != 'p' {
			continue
		}
		best = e
	}
	if best == nil {
		best = &entity{kind: kPerson, last: last, key: key, gender: g}
		d.ents = append(d.ents, best)
	}
	if len(first) > 0 && len(strings.Join(first, " ")) > len(best.first) {
		best.first = strings.Join(first, " ")
	}
	// Prefer the nominative form of the surname.
	if last != best.last && surnameKey(last) == best.key {
		// a full name read as nominative wins unless the stored form looks
		// more nominative: the case hint is only a guess ("требуют
		// возвращения Эво Моралеса" after "Эво Моралес")
		if m.cas == caseNom && len(first) > 0 && !betterNom(best.last, last, best.gender) || betterNom(last, best.last, best.gender) {
			best.last = last
		}
	}
	if best.gender == 0 {
		best.gender = g
	}
	if m.role != "" {
		addRole(best, m.role)
	}
	return best
}

// betterNom reports whether surname form a looks more like the nominative
// than b for a person of gender g.
func betterNom(a, b string, g byte) bool {
	la, lb := lower(a), lower(b)
	if g == 'f' {
		return (strings.HasSuffix(la, "а") || strings.HasSuffix(la, "ая")) && !(strings.HasSuffix(lb, "а") || strings.HasSuffix(lb, "ая"))
	}
	return utf8.RuneCountInString(a) < utf8.RuneCountInString(b)
}

func addRole(e *entity, r string) {
	for _, x := range e.roles {
		if x == r {
			return
		}
	}
	e.roles = append(e.roles, r)
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

// subjectAt tells whether the person named by toks[i:j] of paragraph pi
// reads as the subject of its sentence: Russian by case, English by
// standing first in the sentence (after titles and roles) or right before
// a verb of speech.
func (d *doc) subjectAt(pi, i, j int, m mention) bool {
	if d.lang == "ru" {
		return mentionNom(m)
	}
	toks := d.ptoks[pi]
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

// mentionNom tells whether a Russian person mention reads as a nominative.
func mentionNom(m mention) bool {
	if !isCyrillicWord(m.last) {
		return true
	}
	if len(m.first) > 0 {
		if g, nom := ruFirstGender(m.first[0]); g != 0 {
			return nom == m.first[0] && m.cas == caseNom
		}
	}
	if m.cas != caseNom {
		return false
	}
	ll := lower(m.last)
	for _, s := range []string{"ым", "ом", "ому", "ему", "ого"} {
		if strings.HasSuffix(ll, s) {
			return false
		}
	}
	return true
}

// scanMentions registers every person surely named outside quotations, so
// that surnames and pronouns can be resolved to full names.
func (d *doc) scanMentions() {
	for pi, toks := range d.ptoks {
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
	for pi, toks := range d.ptoks {
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

// scanOrgs registers the bodies named outside quotations (acronyms,
// capitalised bodies' words), so that "ведомство", "the ministry" can be
// resolved to them.
func (d *doc) scanOrgs() {
	for _, toks := range d.ptoks {
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
	j := i + 1
	for j < len(toks) && j < i+5 && toks[j].kind == tWord && (toks[j].cap() || toks[j].acronym()) && !isCyrillicWord(toks[j].text) {
		j++
	}
	if j == i+1 {
		return "", i
	}
	return strings.Join(runWords(toks, i+1, j), " "), j
}

// quotedName returns the name a quotation token holds («Нафтогаз»,
// "За права человека"), without its marks, or "" when it reads as speech.
func quotedName(t token, lang string) string {
	q := strings.Trim(t.text, "«»\"“”„'`‘’ ")
	if q == "" || !nameLike(q, lang) || looksLikeSpeech(q, lang) {
		return ""
	}
	return q
}

// ruLegalForms are the acronyms of Russian legal forms, which introduce a
// body's quoted name ("ООО «Ромашка»").
var ruLegalForms = toSet(`ооо оао зао ао пао гуп муп фгуп фгбу гбу нко ано ип`)

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

// mediaNames are news outlets and platforms, lower-cased; a body's name
// that is one of them or starts with one is an outlet.
var mediaNames = []string{"тасс", "риа", "интерфакс", "interfax", "reuters", "рейтер", "ап", "ap", "afp", "bloomberg",
	"cnn", "bbc", "би-би-си", "рбк", "коммерсант", "известия", "ведомости", "сми", "нсн", "цнн", "твиттер", "twitter",
	"facebook", "фейсбук", "телеграм", "telegram", "wall street", "the wall street", "new york times", "the new york times",
	"washington post", "the washington post", "financial times", "guardian", "the guardian", "politico", "axios", "bild",
	"spiegel", "der spiegel", "le monde", "nikkei"}

// mediaName reports whether a body is a news outlet, which reports what
// others say rather than speaking.
func mediaName(o string) bool {
	lo := lower(o)
	if strings.Contains(lo, ".") && !strings.Contains(lo, " ") && !strings.HasSuffix(lo, ".") {
		return true // a site: Lenta.ru, INTERFAX.RU
	}
	for _, m := range mediaNames {
		if lo == m || strings.HasPrefix(lo, m+" ") || strings.HasPrefix(lo, m+"-") {
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

// ---- resolution ----

// compatible reports whether an antecedent of gender eg fits gender g.
func compatible(g, eg byte) bool {
	if g == 0 || g == '?' || g == 'g' || g == 'n' || eg == 0 {
		return true
	}
	if g == 'p' {
		return eg == 'p'
	}
	return g == eg
}

// antecedent returns the last person named before pos whose gender fits.
func (d *doc) antecedent(pos int, g byte) *entity {
	k0 := sort.Search(len(d.pm), func(i int) bool { return d.pm[i].pos >= pos })
	// A subject first (Russian tells them by case), then anyone.
	for pass := 0; pass < 2; pass++ {
		for k := k0 - 1; k >= 0; k-- {
			if pos-d.pm[k].pos > 3000 {
				break
			}
			if pass == 0 && (!d.pm[k].nom || d.lang == "en" && d.pm[k].e.first == "" && d.pm[k].e.kind == kPerson) {
				// English names people in full first: a bare capitalised
				// word ("the Israeli government") is a weak antecedent
				continue
			}
			if compatible(g, d.pm[k].e.gender) {
				return d.pm[k].e
			}
		}
	}
	return nil
}

// lastOrg returns the last body named before pos (within about three
// paragraphs), preferring a ministry when head names one ("ведомство",
// "министерство", "the ministry").
func (d *doc) lastOrg(pos int, head string) *entity {
	ministry := head == "ведомство" || head == "министерство" || head == "дипведомство" || head == "ministry" || head == "department"
	media := ruMediaHead(head)
	var any *entity
	for k := len(d.om) - 1; k >= 0; k-- {
		o := d.om[k]
		if o.pos >= pos {
			continue
		}
		if pos-o.pos > 3000 {
			break
		}
		if o.media != media {
			continue // "издание" is an outlet; "ведомство" never is
		}
		if !ministry {
			return o.e
		}
		ln := lower(o.e.org)
		if strings.HasPrefix(ln, "мин") || strings.HasPrefix(ln, "мид") || strings.HasPrefix(ln, "мвд") || strings.Contains(ln, "ministry") || strings.Contains(ln, "department") {
			return o.e
		}
		if any == nil {
			any = o.e
		}
	}
	return any
}

// resolve turns a speaker mention into a name and role. g is the gender the
// speech verb agrees with ('m', 'f', 'p' or 0).
func (d *doc) resolve(m mention, g byte) (*entity, string) {
	switch m.kind {
	case kPerson:
		if m.gender == 0 && (g == 'm' || g == 'f') {
			m.gender = g
		}
		if len(m.first) == 0 {
			key := surnameKey(m.last)
			// The most recent known person of that surname.
			var best *entity
			bestPos := -1
			for _, pm := range d.pm {
				if pm.pos > m.pos+1 || pm.pos <= bestPos {
					continue
				}
				if pm.e.key == key || pm.e.first != "" && surnameKey(strings.Fields(pm.e.first)[0]) == key {
					best, bestPos = pm.e, pm.pos
				}
			}
			if best == nil {
				for _, e := range d.ents {
					if e.kind == kPerson && e.key == key {
						best = e
						break
					}
				}
			}
			if best == nil {
				// A given name alone: "Sir Keir", "Bernie".
				for _, e := range d.ents {
					if e.kind == kPerson && e.first != "" && surnameKey(strings.Fields(e.first)[0]) == key {
						best = e
					}
				}
			}
			if best != nil {
				if m.role != "" {
					addRole(best, m.role)
				}
				d.notePerson(m.pos, best, mentionNom(m))
				return best, m.role
			}
		}
		e := d.addPerson(m)
		d.notePerson(m.pos, e, mentionNom(m))
		return e, m.role
	case kOrg:
		return d.addOrg(m.org), m.role
	case kPronoun:
		if m.gender == 'p' || m.gender == 's' {
			// "they", "мы": a body if the last speaker was one.
			if d.last != nil && d.last.kind == kOrg {
				return d.last, ""
			}
			if m.gender == 's' && d.last != nil {
				return d.last, ""
			}
			return nil, ""
		}
		gg := m.gender
		if gg == 0 {
			gg = g
		}
		if e := d.antecedent(m.pos, gg); e != nil {
			return e, ""
		}
		return nil, ""
	case kDesc:
		head := m.head
		// A role the article gave someone: "the FSB Director".
		var best *entity
		bestPos := -1
		if d.last != nil && d.last.kind == kPerson {
			for _, r := range d.last.roles {
				if containsWord(lower(r), head) || (d.lang == "ru" && containsWord(lower(r), roleStemOf(head))) {
					return d.last, m.role
				}
			}
		}
		quals := qualifierStems(m.role, head)
		generic := genericHeads[head]
		bestScore := 0
		for _, pm := range d.pm {
			if pm.pos > m.pos || !compatible(g, pm.e.gender) {
				continue
			}
			score := 0
			for _, r := range pm.e.roles {
				sc := 0
				lr := lower(r)
				if containsWord(lr, head) || (d.lang == "ru" && containsWord(lr, roleStemOf(head))) || sameLeader(lr, head) {
					sc = 2
				}
				for _, q := range quals {
					if containsStem(lr, q) {
						sc++
					}
				}
				if sc > score {
					score = sc
				}
			}
			if (score >= 2 || generic && score >= 1) && score >= bestScore {
				best, bestPos, bestScore = pm.e, pm.pos, score
			}
		}
		_ = bestPos
		if best == nil && len(d.paras) > 0 && m.pos < d.paras[0].e {
			// A headline describes someone the article names later.
			for _, pm := range d.pm {
				for _, r := range pm.e.roles {
					if containsWord(lower(r), head) || (d.lang == "ru" && containsWord(lower(r), roleStemOf(head))) {
						best = pm.e
						break
					}
				}
				if best != nil {
					break
				}
			}
		}
		if best != nil {
			return best, m.role
		}
		if g == 0 {
			g = m.gender
		}
		if m.org != "" && spokesRole[head] {
			return d.addOrg(m.org), m.role
		}
		if !anaphoric(m, d.lang) {
			if m.org != "" {
				return d.addOrg(m.org), m.role
			}
			return nil, m.role
		}
		if ruOrgWords[head] || enOrgWords[head] || ruMediaHead(head) {
			if o := d.lastOrg(m.pos, head); o != nil {
				return o, m.role
			}
			return nil, m.role
		}
		if e := d.antecedent(m.pos, g); e != nil {
			return e, m.role
		}
		if m.org != "" {
			return d.addOrg(m.org), m.role
		}
		return nil, m.role
	}
	return nil, ""
}

// leaderStems name the head of a body, in any case; an article calls one
// person by several of them ("глава Госпогранкомитета", later
// "председатель Госпогранкомитета").
var leaderStems = []string{"глав", "председател", "руководител", "начальник", "директор", "гендиректор",
	"head", "chief", "chairman", "chairwoman", "director", "leader"}

func leaderWord(w string) bool {
	for _, st := range leaderStems {
		if strings.HasPrefix(w, st) && utf8.RuneCountInString(w)-utf8.RuneCountInString(st) <= 3 {
			return true
		}
	}
	return false
}

// sameLeader reports whether role r names the head of a body as head h
// does, in other words.
func sameLeader(r, h string) bool {
	if !leaderWord(h) {
		return false
	}
	for _, w := range strings.Fields(r) {
		if leaderWord(w) {
			return true
		}
	}
	return false
}

// spokesRole are roles of someone speaking for a body: an unnamed
// "представитель МИД" is the ministry speaking.
var spokesRole = toSet(`представитель представительница пресс-секретарь пресс-служба спикер источник
spokesman spokeswoman spokesperson representative spokespeople spokesmen source sources official officials`)

// genericHeads head descriptions that name nobody by themselves ("глава
// украинского ведомства"): their qualifiers must match the role.
var genericHeads = toSet(`глава руководитель лидер шеф head chief leader`)

// qualifierStems returns the five-letter stems of a description's words
// other than its head: "глава украинского ведомства" → "украи", "ведом".
func qualifierStems(desc, head string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(lower(desc), func(r rune) bool { return !unicode.IsLetter(r) }) {
		rs := []rune(w)
		if len(rs) < 5 || w == head || ruStop[w] || enStop[w] {
			continue
		}
		out = append(out, string(rs[:5]))
	}
	return out
}

// containsStem reports whether a word of s starts with stem.
func containsStem(s, stem string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.HasPrefix(f, stem) {
			return true
		}
	}
	return false
}

func roleStemOf(h string) string {
	rs := []rune(h)
	if len(rs) > 5 {
		return string(rs[:len(rs)-2])
	}
	return h
}

func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if f == w || (len([]rune(w)) > 4 && strings.HasPrefix(f, w)) {
			return true
		}
	}
	return false
}

// anaphoric reports whether a description refers back to someone named
// before ("the diplomat", "глава ведомства", "эксперт") rather than to
// someone new ("a source", "источник").
func anaphoric(m mention, lang string) bool {
	h := m.head
	if lang == "ru" {
		switch h {
		case "источник", "источники", "свидетель", "очевидец", "житель", "жительница", "участник", "член", "сотрудник", "чиновник":
			return false
		}
		return true
	}
	r := lower(m.role)
	if strings.HasPrefix(r, "a ") || strings.HasPrefix(r, "an ") || strings.HasPrefix(r, "one ") || strings.HasPrefix(r, "some ") {
		return false
	}
	switch h {
	case "source", "sources", "official", "officials", "witness", "resident", "residents", "aide", "aides", "spokesman", "spokeswoman", "spokesperson":
		return strings.HasPrefix(r, "the ") || strings.HasPrefix(r, "this ")
	}
	return true
}

// ---- output ----

func (d *doc) emit(s, e int, ent *entity, role, verb string, direct bool, pi int) {
	s, e = trimContent(d.text, s, e)
	if e <= s {
		return
	}
	// A quotation of nothing but punctuation is no quotation.
	letters := false
	for _, r := range d.text[s:e] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters = true
			break
		}
	}
	if !letters {
		return
	}
	q := news.Quote{Text: d.text[s:e], Verb: verb, Direct: direct, Pos: s}
	if ent != nil {
		q.Speaker = ent.name()
		if ent.kind == kOrg {
			q.Speaker = d.expandAcronym(q.Speaker)
		}
		q.Role = role
		if q.Role == "" {
			q.Role = ent.role()
		}
	}
	d.out = append(d.out, emitted{Quote: q, para: pi, person: ent != nil && ent.kind == kPerson})
}

// emitted is a quote found, with what the passes over the whole article
// need to know of it.
type emitted struct {
	news.Quote
	para   int  // the paragraph it stands in
	person bool // its speaker is a named person
	right  bool // its attribution follows it ("…," said X)
}
