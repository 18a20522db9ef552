package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speaker is who said a quotation of paragraph para: a person or body (nil
// when nobody can be named) and the role the attribution gives them.
type speaker struct {
	e    *entity
	role string
	para int
	pos  int    // where the attribution named them (0 when it did not)
	vg   gender // of the verb that said they spoke
}

// spokeIn reports whether the speaker is named and spoke in paragraph pi.
func (s speaker) spokeIn(pi int) bool { return s.e != nil && s.para == pi }

// near reports whether the speaker is named and spoke in paragraph pi or
// the one before.
func (s speaker) near(pi int) bool { return s.e != nil && pi-s.para <= 1 }

// ruRumorVerbs in the plural with no subject tell hearsay, no one's words.
var ruRumorVerbs = toSet(`говорят поговаривают болтают судачат`)

// speakerOf returns who said a quotation at s in paragraph pi by
// attribution a: the mention it names, else for a clause that names nobody
// ("говорится в заявлении", "сообщили") the body named before; with follow set, a
// quotation with no attribution takes the last speaker of this paragraph or
// the one before.
func (d *doc) speakerOf(pi, s int, a attrib, follow bool) speaker {
	sp := speaker{para: pi}
	if d.lang == "ru" && a.ok() && a.m.kind == kPerson && a.vg == plural && !strings.HasPrefix(lower(a.verb), "цитир") && !d.colonAfter(a.m) {
		// A plural verb agrees with several people ("назвали Элеанор
		// Мортон, Марина Бай и другие", "замечают Мария Волькенштейн и
		// Оксана Бочарова") or with others than the one named ("у Помпео
		// спросили"): none of them said it alone. (In "Помпео: США не
		// признают «…»" the name before the colon speaks.)
		return sp
	}
	if a.ok() && a.m.kind != 0 {
		sp.e, sp.role = d.resolve(a.m, a.vg)
		sp.pos, sp.vg = a.m.pos, a.vg
	}
	if sp.e == nil && a.ok() && a.m.kind == 0 && a.how != aCue {
		var source mention
		named := false
		if a.doc {
			source, named = d.docNamedBefore(pi, s)
		}
		switch {
		case named:
			// "— сказано в документе": the document named before it in
			// the paragraph ("в сообщении Белого дома отмечается, что
			// …"), else the last speaker's
			sp.e, sp.role = d.resolve(source, a.vg)
		case a.doc && d.last.near(pi):
			sp.e = d.last.e
		case d.lang == "ru" && (a.vg == masculine || a.vg == feminine || a.vg == neuter && !a.doc || ruImpersonal[lower(a.verb)] && !a.doc):
			// A Russian verb in a person's gender with no subject
			// ("Написал, что …") has a person's zero subject, and an
			// impersonal one with no document ("Утверждалось, что …")
			// none: no body speaks there. "— говорится в сообщении"
			// is the last body's statement.
		case d.lang != "ru":
			// An English verb has its subject in the text: one not read
			// names nobody ("Isaiah 45:1 reads:" is not the last body's).
		case ruRumorVerbs[lower(a.verb)]:
			// "Говорят, что …" with no subject is hearsay: it is said.
		default:
			if o := d.lastOrg(s, ""); o != nil && !mediaName(o.org) && !d.namedAsPost(o, s) {
				sp.e = o
			} else if d.last.near(pi) && d.last.e.kind == kOrg {
				sp.e = d.last.e
			}
		}
	}
	if sp.e == nil && !a.ok() && follow && d.last.near(pi) {
		sp.e, sp.role = d.last.e, d.last.role
	}
	return sp
}

// namedAsPost reports whether body o, where it was last named before pos,
// was part of a person's post ("депутата Госдумы Василия Власова"): the
// text spoke of the person there, not of the body.
func (d *doc) namedAsPost(o *entity, pos int) bool {
	k := sort.Search(len(d.om), func(k int) bool { return d.om[k].pos >= pos }) - 1
	for k >= 0 && d.om[k].e != o {
		k--
	}
	if k < 0 {
		return false
	}
	at := d.om[k].pos
	p := sort.Search(len(d.pm), func(i int) bool { return d.pm[i].pos > at })
	if p == len(d.pm) || d.pm[p].pos >= pos {
		return false
	}
	between := d.text[at:d.pm[p].pos]
	return len(strings.Fields(between)) <= len(strings.Fields(o.org)) && !strings.ContainsAny(between, ".,;:()«»\"—–-")
}

// docNamedBefore returns the source of the last document paragraph pi
// names before position s ("в сообщении Белого дома", see docSource).
func (d *doc) docNamedBefore(pi, s int) (mention, bool) {
	toks := d.paras[pi].toks
	end := 0
	for end < len(toks) && toks[end].s < s {
		end++
	}
	for k := end - 2; k >= 0; k-- {
		if toks[k].is("в") || toks[k].is("во") {
			if m, ok := d.docSource(toks[k:end]); ok {
				return m, true
			}
		}
	}
	return mention{}, false
}

// heard notes the speaker of attribution a, in paragraph pi, as the last
// speaker, for the quotations after it.
func (d *doc) heard(pi int, a attrib) {
	if ent, role := d.resolve(a.m, a.vg); ent != nil {
		d.last = speaker{e: ent, role: role, para: pi, pos: a.m.pos, vg: a.vg}
	}
}

// resolve turns a speaker mention into a name and role. g is the gender the
// speech verb agrees with.
func (d *doc) resolve(m mention, g gender) (*entity, string) {
	if !d.spend(len(d.pm) + len(d.ents)) {
		return nil, ""
	}
	switch m.kind {
	case kPerson:
		if m.gender == unknownGender && (g == masculine || g == feminine) {
			m.gender = g
		}
		if d.lang == "ru" && m.role != "" && m.cas == caseNom {
			// "заявил помощник Путина": a name in the genitive after a
			// role word is whose the role is; the speaker holds the role.
			// The verb's gender tells, else the role word's ("сообщает
			// помощник").
			head := roleHead(strings.Fields(lower(m.role))[0], d.lang)
			rg := g
			if rg != masculine && rg != feminine {
				rg = roleGender(head, d.lang)
			}
			if rg == unknownGender {
				rg = masculine // the role noun's grammatical gender
			}
			if ruPossessor(m.first, m.last, rg) && !(g != masculine && g != feminine && ruNamesSomeone(m.first, m.last)) {
				role := m.role + " " + strings.Join(append(m.first[:len(m.first):len(m.first)], m.last), " ")
				e, r := d.resolve(mention{kind: kDesc, head: head, role: role, pos: m.pos, gender: g}, g)
				if e != nil && e.kind == kPerson && e.key == surnameKey(m.last) {
					return nil, role // the possessor is not the one who spoke
				}
				return e, r
			}
		}
		if len(m.first) == 0 {
			key := surnameKey(m.last)
			// The most recent known person of that surname.
			var best *entity
			bestPos := -1
			for _, pm := range d.pm {
				if pm.pos > m.pos+1 || pm.pos <= bestPos || oppositeGenders(m.gender, pm.e.gender) {
					// "заявил Токаев" is not the woman "Касым-Жомарта
					// Токаева" read from "поручений Президента РК
					// Касым-Жомарта Токаева"
					continue
				}
				if pm.e.key == key || pm.e.first != "" && pm.e.given == key {
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
					if e.kind == kPerson && e.first != "" && e.given == key {
						best = e
					}
				}
			}
			if best != nil && best.first == "" {
				// A name alone that the article gives in full elsewhere
				// ("Айдар" for Айдар Губайдулин): the full name, if only
				// one person has it.
				if full := d.onlyFullName(key); full != nil {
					best = full
				}
			}
			if best != nil {
				if m.role != "" {
					addRole(best, m.role)
				}
				best.learnNameGender(g)
				d.notePerson(m.pos, best, mentionNom(m))
				return best, m.role
			}
		}
		e := d.addPerson(m)
		e.learnNameGender(g)
		d.notePerson(m.pos, e, mentionNom(m))
		return e, m.role
	case kOrg:
		return d.addOrg(m.org), m.role
	case kPronoun:
		if m.head == "i" || m.head == "я" {
			return nil, "" // the writer, whom the text does not name
		}
		if m.gender == plural || m.gender == firstPerson {
			// "they", "мы": a body if the last speaker was one and no
			// one was named since ("подпись поставили Богдан Яременко,
			// Ирина Венедиктова … Они заявили" are those people). A
			// Russian body that spoke in the singular ("Полиция
			// объявила, что разоблачила группу …") is "она", and "они"
			// are others.
			if d.last.e != nil && d.last.e.kind == kOrg && !d.personBetween(d.last.pos, m.pos) && !(d.lang == "ru" && m.gender == plural && singular(d.last.vg)) {
				return d.last.e, ""
			}
			return nil, ""
		}
		if m.head == "оно" {
			// "Оно было без патронов, и Абиго гордо заявлял: «…»": "оно"
			// is a thing (or a body's neuter noun), never a person.
			return nil, ""
		}
		if d.lang == "en" && d.last.e != nil && d.last.e.kind == kOrg && spokesRoleIn(d.last.role) && !d.personBetween(d.last.pos, m.pos) {
			// "a spokesperson for the Universities and Colleges Employers’
			// Association said … “…,” he said": the spokesperson, for
			// the body, not a person named before. (A Russian
			// "Представитель ОВЦС" is the person named before it.)
			return d.last.e, d.last.role
		}
		if d.lastUnnamed > d.last.pos && d.lastUnnamed < m.pos && !d.personBetween(d.lastUnnamed, m.pos) {
			// "a health official said …. He said oxygen is available":
			// the one described, whom the text does not name, not a
			// name before them.
			return nil, ""
		}
		gg := m.gender
		if gg == unknownGender {
			gg = g
		}
		if oppositeGenders(gg, g) {
			return nil, "" // "он объявила": a misprint, whose the text does not tell
		}
		if e := d.antecedent(m.pos, gg); e != nil {
			e.learnGender(gg) // "Charlie McDowell … he said": a later "she" is someone else
			return e, ""
		}
		return nil, ""
	case kDesc:
		head := m.head
		if ws := strings.Fields(m.role); reporterRoles[head] && len(ws) > 1 && (outletName(strings.Join(ws[1:], " ")) || len(ws) == 2 && firstUpper(ws[1])) {
			// "сообщает корреспондент Укринформа", "передает
			// корреспондент Total.kz": the outlet reports (one that has
			// correspondents is one)
			e := d.addOrg(strings.Join(ws[1:], " "))
			e.media = true
			return e, m.role
		}
		if m.indef || d.unnamed[head] {
			// "one legal expert", "a spokesman": someone not named before;
			// "the expert" after them is the same unnamed one.
			if d.unnamed == nil {
				d.unnamed = map[string]bool{}
			}
			d.unnamed[head] = true
			if m.org != "" && spokesRole[head] { // "a Foreign Ministry spokesman": the ministry speaks
				return d.addOrg(m.org), m.role
			}
			return nil, m.role
		}
		// A role the article gave someone: "the FSB Director"; a Russian
		// body's noun ("прокуратура") is no one's role.
		var best *entity
		quals := qualifierWords(m.role, head)
		person := !isOrgWord(head, d.lang)
		if g == unknownGender {
			g = m.gender
		}
		if g == unknownGender && d.lang == "ru" && m.role != "" && ruPluralRole(lower(strings.Fields(m.role)[0])) {
			g = plural // "по данным депутатов": people in the plural are no one person
		}
		if g == unknownGender && d.lang == "en" && enPluralRole(m.role) {
			g = plural // "the lawmakers wrote"
		}
		generic := genericHeads[head]
		owner := enOwner(m.role) // "New York's chief medical examiner" is New York's
		bestScore := 0
		for _, pm := range d.pm {
			if !person || pm.pos > m.pos || !compatible(g, pm.e.gender) {
				continue
			}
			score := 0
			for _, r := range pm.e.roles {
				sc := 0
				lr := lower(r)
				if containsWord(lr, head) || (d.lang == "ru" && containsWord(lr, roleStemOf(head))) || sameLeader(lr, head) {
					sc = 2
				}
				fits := 0
				for _, q := range quals {
					if qualifies(lr, q) {
						fits++
					}
				}
				if len(quals) > 0 && fits == 0 || d.lang == "en" && fits < len(quals) || owner != "" && !containsWord(lr, owner) {
					// "глава России" is not the "глава Казахстана"; "the
					// head of the hotel federation" is not "the owner of
					// the Hotel Saturnia"
					continue
				}
				sc += fits
				if sc > score {
					score = sc
				}
			}
			if (score >= 2 || generic && score >= 1) && score >= bestScore {
				best, bestScore = pm.e, score
			}
		}
		if best == nil && person && len(d.paras) > 0 && m.pos < d.paras[0].e {
			// A headline describes someone the article names later
			// ("Депутаты посчитали" none of them).
			for _, pm := range d.pm {
				if !compatible(g, pm.e.gender) {
					continue
				}
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
		if m.org != "" && spokesRole[head] {
			return d.addOrg(m.org), m.role
		}
		if !anaphoric(m, d.lang) {
			if m.org != "" && !personRole(head, d.lang) {
				return d.addOrg(m.org), m.role
			}
			return nil, m.role
		}
		if d.lang == "ru" && (head == "пресс-служба" || head == "пресс-центр") {
			// "пресс-служба прокуратуры": the press service of the body
			// its role names by a common noun, the one named before, or
			// none; never the last body of another kind.
			if ws := strings.Fields(lower(m.role)); len(ws) > 1 {
				for _, w := range ws[1:] {
					if w != head && isRuOrg(w) {
						return d.lastOrg(m.pos, ruOrgNom(w)), m.role
					}
				}
			}
		}
		if head == "агентство" && !firstUpper(m.role) {
			// "отмечает Bloomberg. Также агентство сообщает …": a news
			// agency, if the text named one
			if o := d.lastOrg(m.pos, "издание"); o != nil {
				return o, m.role
			}
		}
		if ruOrgWords[head] || enOrgWords[head] || ruMediaHead(head) {
			if o := d.lastOrg(m.pos, head); o != nil && placeAgrees(m.place, o.org) {
				return o, m.role // (not "в турецком ведомстве" after "Минобороны РФ")
			}
			return nil, m.role
		}
		if d.lang == "en" && len(quals) > 0 && strings.Contains(m.role, " of ") {
			// "the head of the hotel federation in Florence": a role of
			// someone's that no one named holds is someone new.
			return nil, m.role
		}
		if e := d.antecedent(m.pos, g); e != nil && !m.owned && !fieldReporters[head] && !(reporterRoles[head] && otherRoleOnly(e)) && (head != "представитель" && head != "представительница" || speaksForBody(e)) && placeAgrees(m.place, strings.Join(e.roles, " ")) {
			// (a body's representative is someone named before only when
			// the article gave them a spokesman's role: "Пресс-секретарь
			// … Дмитрий Песков … заявил представитель Кремля", never the
			// defendant the press service spoke of; and never one of
			// another country's: "представитель американского Минторга"
			// is not the Chinese ministry's spokesman named before; a
			// correspondent reports on the people named, and is one of
			// them only when the article gave them that role, above:
			// "…, передает корреспондент" after the arrested historian
			// is not the historian, though a journalist may be the
			// columnist named before)
			return e, m.role
		}
		if m.org != "" && !personRole(head, d.lang) {
			return d.addOrg(m.org), m.role
		}
		return nil, m.role
	}
	return nil, ""
}

// speaksForBody reports whether the article gave person e a role of one who
// speaks for a body: a spokesman's ("представитель компании",
// "пресс-секретарь") or one in its press office ("сотрудник пресс-центра").
func speaksForBody(e *entity) bool {
	for _, r := range e.roles {
		if spokesRoleIn(r) || strings.Contains(lower(r), "пресс-") {
			return true
		}
	}
	return false
}

// personRole reports whether a role word names someone whose words are
// not their body's ("полковник ФСБ", "экс-глава Минздрава"), unlike a
// spokesman's or those of its head or deputy head ("замглавы МИД Украины").
func personRole(head, lang string) bool {
	if spokesRole[head] || isOrgWord(head, lang) || ruMediaHead(head) {
		return false
	}
	h := strings.TrimPrefix(strings.TrimPrefix(head, "заместитель"), "зам")
	return !leaderWord(h) && !strings.HasPrefix(h, "министр")
}

// onlyFullName returns the one person named in full (given name and
// surname) whose surname or given name has key; nil when none or several.
func (d *doc) onlyFullName(key string) *entity {
	var found *entity
	for _, e := range d.ents {
		if e.kind != kPerson || e.first == "" || ruPatronymicNom(lower(e.last)) {
			continue
		}
		if e.key != key && surnameKey(strings.Fields(e.first)[0]) != key {
			continue
		}
		if found != nil && found.name() != e.name() {
			return nil
		}
		found = e
	}
	return found
}

// singular reports whether a verb of gender g agrees with one person or
// thing: a Russian past tense in a gender ("объявила", "сообщило").
func singular(g gender) bool {
	return g == masculine || g == feminine || g == neuter
}

// compatible reports whether an antecedent of gender eg fits gender g.
func compatible(g, eg gender) bool {
	if g == plural {
		return eg == plural // "представители регулятора" are no one person
	}
	if g == unknownGender || g == present || g == gerund || g == neuter || eg == unknownGender {
		return true
	}
	return g == eg
}

// antecedent returns the last person named before pos whose gender fits.
func (d *doc) antecedent(pos int, g gender) *entity {
	k0 := sort.Search(len(d.pm), func(i int) bool { return d.pm[i].pos >= pos })
	// A subject first (Russian tells them by case), then anyone.
	for pass := 0; pass < 2; pass++ {
		for k := k0 - 1; k >= 0; k-- {
			if pos-d.pm[k].pos > 3000 {
				break
			}
			// The last speaker, where the attribution named them by a
			// name the article gives in full, is a subject in any case
			// ("По словам Крушны, … «…», — сказал он").
			subject := d.pm[k].nom || d.pm[k].e == d.last.e && d.pm[k].pos == d.last.pos && d.last.e.first != ""
			if pass == 0 && (!subject || d.lang == "en" && d.pm[k].e.first == "" && d.pm[k].e.kind == kPerson) {
				// English names people in full first: a bare capitalised
				// word ("the Israeli government") is a weak antecedent
				continue
			}
			if !compatible(g, d.pm[k].e.gender) || d.quotedOther(d.pm[k].pos, pos, d.pm[k].e) {
				continue
			}
			if d.lang == "en" && d.unknownSubjectBetween(d.pm[k].pos, pos) {
				// "McLenney said … “…,” she said.": the one just heard, whom
				// the article gives no full name, not one named before
				return nil
			}
			if pass == 1 && d.lang == "ru" && d.unnamedBetween(d.pm[k].pos, pos) {
				// "позвонил мужчина и представился соратником
				// Вишневского. … Он заявил": the man, whom the text does
				// not name, not one named only in an oblique case
				return nil
			}
			return d.pm[k].e
		}
	}
	return nil
}

// unnamedBetween reports whether a person whom the text does not name
// ("мужчина", "женщину", "парня", in any case) stands between offsets from
// and to.
func (d *doc) unnamedBetween(from, to int) bool {
	if !d.spend((to - from) / 8) {
		return false
	}
	return slices.ContainsFunc(strings.FieldsFunc(d.text[from:to], func(r rune) bool { return !unicode.IsLetter(r) }), func(w string) bool {
		return ruUnnamedForms[w]
	})
}

// unknownSubjectBetween reports whether, between offsets from and to, an
// English sentence opens with a capitalised word that names no one and
// nothing the article knows, right before a verb of speech ("McLenney
// said"): someone speaks whom a pronoun after may mean.
func (d *doc) unknownSubjectBetween(from, to int) bool {
	for _, p := range d.paras {
		if p.e <= from || p.s >= to || !d.spend(len(p.toks)) {
			continue
		}
		for k, t := range p.toks[:max(len(p.toks)-1, 0)] {
			if t.s <= from || t.s >= to || t.kind != tWord || !t.cap() || enStop[t.low] || !d.opensSentence(t.s) {
				continue
			}
			if _, pron := enPronouns[t.low]; pron || d.knownSurname(t.text) || len(d.bodies[t.low]) > 0 || mediaName(t.text) {
				continue
			}
			if _, ok := d.verbAt(p.toks[k+1]); ok {
				return true
			}
		}
	}
	return false
}

// ruUnnamedForms are the singular forms of the words for a man or a woman
// the text does not name.
var ruUnnamedForms = toSet(`мужчина мужчины мужчине мужчину мужчиной женщина женщины женщине женщину женщиной
девушка девушки девушке девушку девушкой парень парня парню парнем парне`)

// quotedOther reports whether mention lies in a quotation already found
// that someone other than e said and that does not hold pos: whom a
// speaker names in their words is what they spoke of, and "он" after them
// is not that person ("— Палестинцев можно нанимать… ¶ Он много бывает в
// Европе и говорит…" is the speaker), though inside the same words it may
// be ("встретилась с Шанталь…, и она сразу сказала «да»").
func (d *doc) quotedOther(mention, pos int, e *entity) bool {
	if !d.spend(len(d.out)) {
		return false // out of work: the caller's answer stands
	}
	for _, q := range d.out {
		end := q.Pos + len(q.Text)
		if q.Direct && q.Speaker != "" && q.Speaker != e.name() && mention >= q.Pos && mention < end && (pos < q.Pos || pos >= end) {
			return true
		}
	}
	return false
}

// capsHeading reports whether a name is a heading set in capitals
// ("CORRECTION APPENDED", "FULL TEXT"), no body: two words or more, every
// one upper-case.
func capsHeading(name string) bool {
	ws := strings.Fields(name)
	return len(ws) > 1 && !slices.ContainsFunc(ws, func(w string) bool { return strings.ToUpper(w) != w })
}

// unsureSubjectBetween reports whether a subject the article reads as a
// person with no given name it knows ("Whole Foods Market said") is named
// between offsets from and to: a body, maybe, that "the company" after it
// may mean.
func (d *doc) unsureSubjectBetween(from, to int) bool {
	for k := sort.Search(len(d.pm), func(k int) bool { return d.pm[k].pos > from }); k < len(d.pm) && d.pm[k].pos < to; k++ {
		if pm := d.pm[k]; pm.nom && pm.e.first != "" && !enGiven(strings.Fields(pm.e.first)[0]) {
			return true
		}
	}
	return false
}

// lastOrg returns the last body named before pos (within about three
// paragraphs), preferring one whose name holds head ("суд", "прокуратура")
// or a ministry when head names one ("ведомство", "министерство", "the
// ministry"). A Russian head that names a kind of body ("суд"), not any
// body ("ведомство", "компания"), takes only a body of its kind.
func (d *doc) lastOrg(pos int, head string) *entity {
	ministry := head == "ведомство" || head == "министерство" || head == "дипведомство" || head == "ministry" || head == "department"
	media := ruMediaHead(head)
	var any *entity
	for k := sort.Search(len(d.om), func(k int) bool { return d.om[k].pos >= pos }) - 1; k >= 0; k-- {
		o := d.om[k]
		if pos-o.pos > 3000 {
			break
		}
		if o.media != media {
			continue // "издание" is an outlet; "ведомство" never is
		}
		if d.lang == "ru" && bareAcronym(placeless(o.e.org)) {
			continue // ДТП, ЖКХ, УК РФ: an acronym no lexicon calls a body
		}
		if d.lang == "en" && enBackBodies[head] && (!o.nom || capsHeading(o.e.org)) {
			// "the company" is a body the text made a subject, not one
			// only mentioned ("doesn't offer VR yet", "events in CBD")
			continue
		}
		if d.lang == "en" && enBackBodies[head] {
			if d.unsureSubjectBetween(o.pos, pos) {
				return nil // "Whole Foods Market said …": a subject that may be the company meant
			}
			return o.e // the last one ("Exxon Mobil Corp. would cut …", though "Boeing Company" holds the word)
		}
		ln := lower(o.e.org)
		if head != "" && containsStem(ln, roleStemOf(head)) {
			return o.e // "в суде" after "Майкопский городской суд …"
		}
		if ministry && (strings.HasPrefix(ln, "мин") || strings.HasPrefix(ln, "мид") || strings.HasPrefix(ln, "мвд") || strings.HasPrefix(ln, "мчс") || strings.Contains(ln, "ministry") || strings.Contains(ln, "department")) {
			return o.e
		}
		if any == nil {
			any = o.e
		}
	}
	if d.lang == "ru" && head == "министерство" {
		return nil // "министерство юстиции настаивало": a ministry, never the court named last
	}
	if d.lang == "ru" && head != "" && !ruBackBodies[head] && !ministry && !media {
		return nil // "Суд признал": a court named before, or none, never another body
	}
	if d.lang == "en" && head != "" && !enBackBodies[head] {
		// "according to the association", "the department said": one
		// named so, not another body
		return nil
	}
	return any
}

// placeless returns org less the places after its first word: "УК РФ" →
// "УК", "МВД России" → "МВД".
func placeless(org string) string {
	first, rest, _ := strings.Cut(org, " ")
	for _, w := range strings.Fields(rest) {
		if !ruPlace(lower(w)) {
			return org
		}
	}
	return first
}

// bareAcronym reports whether org is one capitalised abbreviation that
// ruOrgWords does not know as a body's (МВД and МЧС are; ДТП is not).
func bareAcronym(org string) bool {
	return !strings.Contains(org, " ") && utf8.RuneCountInString(org) > 1 && strings.ToUpper(org) == org && !ruOrgWords[lower(org)]
}

// anaphoric reports whether a description refers back to someone named
// before ("the diplomat", "глава ведомства", "эксперт") rather than to
// someone new ("a source", "источник").
func anaphoric(m mention, lang string) bool {
	h := m.head
	if lang == "ru" {
		if namedInRole(m.role) {
			return false
		}
		switch h {
		case "источник", "источники", "свидетель", "очевидец", "житель", "жительница", "участник", "член", "сотрудник", "чиновник":
			return false
		}
		return !ruPeopleNouns[h]
	}
	if !isRole(h, lang) {
		return false // a thing ("the election results") is nobody named before
	}
	switch h {
	case "source", "sources", "official", "officials", "witness", "resident", "residents", "aide", "aides", "spokesman", "spokeswoman", "spokesperson":
		r := lower(m.role)
		return strings.HasPrefix(r, "the ") || strings.HasPrefix(r, "this ")
	}
	return true
}

// namedInRole reports whether a Russian description names its person with
// a capitalised word right after the role word, in its case ("олигарха
// Коломойского", a surname not in the lexicon): it is that person, not the
// one named last. A role in the nominative is followed by another's name
// ("заверил президент Зубова": Zubov is told). Bodies and places ("главы
// Минфина", "губернатора Кубани") describe whoever holds the role.
func namedInRole(role string) bool {
	ws := strings.Fields(role)
	if len(ws) < 2 {
		return false
	}
	w := ws[1] // the role word's complement
	r, _ := utf8.DecodeRuneInString(w)
	lw := lower(w)
	return !ruRoleNom(lower(ws[0])) && unicode.IsUpper(r) && isCyrillicWord(w) && capitals(w) == 1 && endsWith(lw, "а", "я", "ого", "его", "ой", "ей") &&
		!ruBodyWord(w) && !ruPlace(lw) && !mediaName(w)
}

// reporterRoles are an outlet's people, who report for it.
var reporterRoles = toSet(`корреспондент журналист репортер репортёр обозреватель correspondent reporter`)

// enOwner returns the name, in lower case, whose possessive an English
// role holds ("york" of "York's chief"); "" when none.
func enOwner(role string) string {
	for w := range strings.FieldsSeq(role) {
		if p := stripPossessive(w); p != w {
			return lower(p)
		}
	}
	return ""
}

// otherRoleOnly reports whether person e holds roles, none of them a
// reporter's: "журналист отметил" after "депутата … Бориса Вишневского" is
// not the deputy.
func otherRoleOnly(e *entity) bool {
	return len(e.roles) > 0 && !slices.ContainsFunc(e.roles, func(r string) bool {
		return slices.ContainsFunc(strings.Fields(lower(r)), func(w string) bool {
			return reporterRoles[w] || w == "колумнист" || w == "автор" || w == "редактор"
		})
	})
}

// fieldReporters are the reporterRoles who report from the scene, not
// write columns.
var fieldReporters = toSet(`корреспондент корреспондентка репортер репортёр correspondent reporter`)

// colonAfter reports whether a colon follows the name of mention m: the
// headline form "Помпео: …".
func (d *doc) colonAfter(m mention) bool {
	rest := d.text[m.pos:min(len(d.text), m.pos+200)]
	i := strings.Index(rest, m.last)
	if i < 0 {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(rest[i+len(m.last):], " "), ":")
}

// personBetween reports whether a person is named between offsets from and
// to.
func (d *doc) personBetween(from, to int) bool {
	k := sort.Search(len(d.pm), func(i int) bool { return d.pm[i].pos > from })
	return k < len(d.pm) && d.pm[k].pos < to
}

// spokesRoleIn reports whether role holds a word of spokesRole ("Foreign
// Ministry spokesman", "spokesperson for the …").
func spokesRoleIn(role string) bool {
	for _, w := range strings.Fields(lower(role)) {
		if spokesRole[w] {
			return true
		}
	}
	return false
}

// learnGender gives person e the gender g that a pronoun read as them
// shows, when their name did not tell ("Евгения Лукьянова" may be a man's
// genitive; "рассказала Лукьянова" is a woman's). English verbs show none.
func (e *entity) learnGender(g gender) {
	if e.kind == kPerson && e.gender == unknownGender && (g == masculine || g == feminine) {
		e.gender = g
	}
}

// learnNameGender is learnGender from the verb of a mention of e by name.
// The gender tells the case of a Russian name kept as printed: "Богдана
// Яременко" is Богдан's genitive when "Яременко написал". (A pronoun's
// gender does not: it may have been read as the wrong person.)
func (e *entity) learnNameGender(g gender) {
	if e.gender != unknownGender {
		return
	}
	if e.learnGender(g); e.gender != unknownGender && isCyrillicWord(e.last) {
		f, l, _ := ruNominative(strings.Fields(e.first), e.last, caseNom, g)
		e.first, e.last = strings.Join(f, " "), l
	}
}
