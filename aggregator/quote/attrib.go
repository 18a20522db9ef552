package quote

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// How a quotation was attributed.
const (
	aNone   = iota
	aRight  // the clause after it: «…», — сказал он / "…," he said
	aLeft   // the clause before it in the same sentence: X said that "…"
	aColon  // X: "…" with no verb
	aNext   // the next sentence: «…». Об этом заявил X.
	aInside // a clause inside the marks or dash speech: «…, — сказал он. — …»
	aPrev   // the previous paragraph ends with "X said:"
	aCue    // a source phrase: по словам X / according to X
)

// attrib is a found attribution: who (a mention not yet resolved), by which
// verb, and how.
type attrib struct {
	m    mention
	verb string
	vg   gender // what the verb agrees with
	how  int
	doc  bool // "говорится в письме": a document with no author named
}

func (a attrib) ok() bool { return a.how != aNone }

// naming returns a naming the speaker m, and whether m was found.
func (a attrib) naming(m mention, found bool) (attrib, bool) {
	a.m = m
	return a, found
}

// verbAt reports whether token t is a speech verb and the gender it agrees
// with (Russian).
func (d *doc) verbAt(t token) (gender, bool) {
	if t.kind != tWord {
		return unknownGender, false
	}
	lw := t.low
	if d.lang == "ru" {
		return ruVerb(lw)
	}
	if _, ok := enVerbs[lw]; !ok || t.cap() && !d.startsSentence(t.s) {
		// A capitalised word inside a sentence is part of a name:
		// "United States", "Orlando Shooting".
		return unknownGender, false
	}
	// A form after a determiner is a noun ("the reading", "in the state",
	// "a shot", "their claim"), and an -ing form after a determiner and
	// an adjective too ("the mass shooting").
	prev := wordBefore(d.text, t.s)
	if prev != "" && (enDeterminers[lower(prev)] || stripPossessive(prev) != prev || startsDigit(prev) && strings.HasSuffix(lw, "s") && lw != "says") {
		// (and after a possessive, or a plural after a number: "Mr.
		// Obama's remarks", "11 states"; not "on June 21 said")
		return unknownGender, false
	}
	if strings.HasSuffix(lw, "ing") && prev != "" {
		at := len(strings.TrimRight(d.text[:t.s], " \t\u00a0")) - len(prev)
		if _, verb := enVerbs[prev]; !verb && lower(prev) == prev && enDeterminers[lower(wordBefore(d.text, at))] {
			return unknownGender, false
		}
	}
	return unknownGender, true
}

// enDeterminers open a noun phrase.
var enDeterminers = toSet(`the a an his her its their our my your every each`)

// isSpeechVerb reports whether t is a speech verb (verbAt).
func (d *doc) isSpeechVerb(t token) bool {
	_, ok := d.verbAt(t)
	return ok
}

// startsSentence reports whether the text before offset i, white space
// aside, ends a sentence, opens a quotation or starts the text.
func (d *doc) startsSentence(i int) bool {
	return d.afterAny(i, " \t\u00a0", ".!?\n\"“”«»:—–-(")
}

// opensSentence reports whether the text at i opens a paragraph or follows
// a sentence's end (". ", ".” "), where a capital letter says nothing of a
// name; unlike startsSentence, not after a colon, dash or closing mark.
func (d *doc) opensSentence(i int) bool {
	return d.afterAny(i, " \t\u00a0\"”’'»", ".!?\n")
}

// afterAny reports whether the text before offset i, less the runes of
// skip at its end, is empty or ends in one of the runes of ends.
func (d *doc) afterAny(i int, skip, ends string) bool {
	before := strings.TrimRight(d.text[:i], skip)
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(ends, r)
}

// weakVerb reports whether an English verb form is one of enWeakVerbs.
func weakVerb(w string) bool {
	b, ok := enVerbs[lower(w)]
	return ok && (enWeakVerbs[b] || enWeakVerbs[lower(w)])
}

// rightAttr looks for an attribution in toks[j:end) (end <= len(toks)),
// right after a quotation: optional comma and dash, then "сказал он" / "he said" /
// "Smith said" / "said Smith, the ...".
func (d *doc) rightAttr(toks []token, j, end int) attrib {
	dash, comma := false, false
	for j < end && (toks[j].is(",") || toks[j].kind == tDash || (toks[j].is("как") || toks[j].is("as"))) {
		if toks[j].kind == tDash {
			dash = true
		}
		if toks[j].is(",") || toks[j].is("как") {
			comma = true
		}
		j++
	}
	if d.lang == "ru" && !dash && !comma && j < end {
		// «…» in the middle of a clause: what follows is not its attribution
		// unless a verb comes at once («…» сказал он).
		if _, ok := d.verbAt(toks[j]); !ok {
			return attrib{}
		}
	}
	limit := j + 12
	if d.lang == "ru" && !dash {
		limit = j + 4
	}
	if limit > end {
		limit = end
	}
	v := -1
	var vg gender
	if d.lang == "en" && j < end {
		// "…," Lina Khatib, an expert on the conflict at Chatham House, told the AP.
		if _, j2 := nameSpan(toks, j, d.lang); j2 > j && j2 < end && toks[j2].is(",") {
			for c := j2 + 1; c < end && c < j2+30; c++ {
				t := toks[c]
				if t.kind == tQuote || (endsSentence(t) && !(t.is(".") && abbrevDot(toks, c))) {
					break
				}
				if t.is(",") && c+1 < end {
					if _, ok := d.verbAt(toks[c+1]); ok {
						v = c + 1
					}
					break
				}
			}
		}
	}
	for k := j; k < limit && v < 0; k++ {
		t := toks[k]
		sentenceEnd := endsSentence(t) && !(t.is(".") && k > 0 && abbrevDot(toks, k)) // not an abbreviation's dot
		if t.kind == tQuote || t.kind == tDash || t.kind == tPunct && (sentenceEnd || t.text == ":") {
			break
		}
		if g, ok := d.verbAt(t); ok {
			v, vg = k, g
			break
		}
		if d.lang == "ru" && dash && t.lower() {
			lw := t.low
			if g, ok := ruPastGender(lw); ok && (k == j || (k == j+1 && ruAdverbs[toks[j].low])) {
				v, vg = k, g
				break
			}
		}
		if d.lang == "en" && t.lower() && !enStop[t.low] && !isRole(t.text, "en") && k > j+6 {
			break
		}
	}
	if v < 0 {
		// "according to X" after the quotation.
		if d.lang == "en" && j+1 < end && toks[j].is("according") && toks[j+1].is("to") {
			if m, ok := d.parsePhrase(toks[j+2:phraseEnd(toks, j+2, end)], caseNom, false); ok {
				return attrib{m: m, how: aCue}
			}
		}
		return attrib{}
	}
	subj := toks[j:v]
	after := toks[v+1 : end]
	if d.lang == "ru" {
		after = ruUntold(after)
	} else {
		after = enBeforeParticiple(after)
	}
	a := attrib{verb: toks[v].text, vg: vg, how: aRight}
	if d.lang == "ru" {
		if b, ok := a.naming(d.docSource(after)); ok {
			return b
		}
		if ruImpersonal[toks[v].low] && docNoun(after) > 0 {
			// "говорится в письме, копия которого …": whose letter, the
			// context tells.
			a.doc = true
			return a
		}
	}
	if d.lang == "ru" && len(after) >= 2 && (after[1].is("слова") || strings.HasPrefix(toks[v].low, "цитиру")) {
		// "— приводит его слова газета", "— цитирует его «Интерфакс»":
		// the one whose words are quoted.
		if g, ok := ruPronouns[after[0].low]; ok {
			a.m = mention{kind: kPronoun, gender: g, pos: after[0].s}
			return a
		}
	}
	if d.lang == "ru" {
		if m, ok := d.parsePhrase(subj, caseNom, false); ok && (m.kind == kPerson || m.kind == kPronoun || m.kind == kOrg) {
			a.m = m
			return a
		}
		if m, ok := d.bodyAfterVerb(after); ok && vg == plural {
			a.m = m // "— отметили в мэрии."
			return a
		}
		if dash && loneSurname(after) {
			// "— сказал Бальбек.": a lone capitalised word after the verb
			// of a dash attribution is the speaker's surname, known or not.
			a.m = mention{kind: kPerson, last: after[0].text, pos: after[0].s, cas: caseNom, strong: true}
			return a
		}
		if b, ok := a.naming(d.parsePhrase(after, caseNom, false)); ok {
			return b
		}
		if b, ok := a.naming(d.parsePhrase(subj, caseNom, false)); ok {
			return b
		}
		if ruImpersonal[toks[v].low] {
			return a
		}
		return attrib{}
	}
	if len(subj) > 0 && enPreposition(subj[0].low) {
		// The reporter's words go on after the quotation: the subject is
		// after their last comma ("…" to hold up on their plans, Indyk
		// said), or after the verb ("…" for Clinton, said Kunin).
		k := len(subj) - 1
		for k >= 0 && !subj[k].is(",") {
			k--
		}
		subj = subj[k+1:]
	}
	if len(subj) > 0 {
		if b, ok := a.naming(d.parsePhrase(subj, caseNom, false)); ok {
			return b
		}
		if !slices.ContainsFunc(subj, func(t token) bool { return t.is(",") }) && slices.ContainsFunc(subj, func(t token) bool { return t.kind == tWord }) {
			// A subject the verb follows at once is who spoke, named or
			// not; what follows the verb is who was told ("…," the
			// billionaire business mogul told People).
			return attrib{}
		}
	}
	if b, ok := a.naming(d.parsePhrase(after, caseNom, false)); ok {
		return b
	}
	return attrib{}
}

// enBeforeParticiple returns the words after an English speech verb up to
// a comma and a participle: the clause it opens ("…," wrote the authors of
// the report, giving the example of Mitt Romney's showing) tells of the
// speaker, whose name stands before it. An -ing word before a role word
// qualifies it ("ranking member", "acting director").
func enBeforeParticiple(after []token) []token {
	for k := 1; k+1 < len(after); k++ {
		comma := after[k].is(",") || quoteEndsClause(after[k])
		if w := after[k+1]; comma && w.lower() && strings.HasSuffix(w.low, "ing") && len(w.low) > 5 && !enStop[w.low] && !enIngPrepositions[w.low] && !(k+2 < len(after) && isRole(after[k+2].text, "en")) {
			return after[:k]
		}
	}
	return after
}

// enIngPrepositions are prepositions in -ing, which open no clause.
var enIngPrepositions = toSet(`including regarding concerning according excluding considering following pending notwithstanding`)

// bodyAfterVerb reads, in the words after a plural speech verb with no
// subject, the body it speaks for (bodyIn): "отметили в мэрии", "пояснили
// ТАЙМЕРУ в Фонде госимущества" (the outlet told, in the dative, first).
func (d *doc) bodyAfterVerb(after []token) (mention, bool) {
	if m, ok := d.bodyIn(after); ok {
		return m, true
	}
	if len(after) > 2 && (after[0].cap() || after[0].acronym()) {
		return d.bodyIn(after[1:])
	}
	return mention{}, false
}

// ruUntold returns the words after a Russian speech verb without the one
// told, in the dative: the outlet in "сообщили в пятницу «Интерфаксу» в
// пресс-службе" or "рассказал «Известиям» представитель", the role word
// and its name in "рассказала агентству Sputnik правозащитница". The
// speaker is named beside it.
func ruUntold(after []token) []token {
	for k, t := range after[:min(len(after), 4)] {
		if t.kind != tQuote || k+1 == len(after) {
			continue
		}
		if q := quotedName(t, "ru"); endsWith(q, "у", "ю", "ам", "ям") {
			return append(after[:k:k], after[k+1:]...)
		}
	}
	if len(after) > 1 && after[1].kind == tWord && after[0].cap() && !after[0].acronym() && isCyrillicWord(after[0].text) && endsWith(after[0].low, "у", "ю") && ruObliqueSurname(after[0].text, masculine) {
		// "Я решилась вернуться, написала Джонсону и купила билет": a
		// man's surname in the dative, the clause going on, is whom the
		// words were to ("— заявил Сойлу." is Сойлу)
		return after[1:]
	}
	if len(after) > 0 && ruDativeRole(after[0].low) {
		k := 1
		for k < len(after) && (after[k].kind == tQuote || after[k].kind == tWord && (after[k].cap() || after[k].acronym())) {
			k++
		}
		return after[k:]
	}
	return after
}

var ruAdverbs = toSet(`также еще ещё тогда затем потом уже вновь вдруг снова тут же честно прямо
уверенно жестко жёстко твердо твёрдо отдельно особо кратко коротко лаконично иронично резко
недавно ранее позже позднее публично открыто дословно`)

// loneSurname reports whether after, the words after a speech verb, is one
// capitalised Russian word that names no body or place, ending the clause.
func loneSurname(after []token) bool {
	if len(after) == 0 {
		return false
	}
	t := after[0]
	if !t.cap() || t.acronym() || !isCyrillicWord(t.text) || isRuOrg(t.low) || isRuRole(t.low) || ruPlace(t.low) || ruStop[t.low] || ruAdjectival(t.text) || ruSuperlative(t.low) {
		return false // "— проинформировал Глава", "— отметил Блаженнейший": a role or title, capitalised in honour
	}
	return len(after) == 1 || endsSentence(after[1]) || after[1].is(",")
}

// docNoun returns the index in after, the words after a speech verb, of
// the document it speaks in ("в сообщении", "в оглашенном решении"), or -1.
func docNoun(after []token) int {
	if len(after) < 2 || !(after[0].is("в") || after[0].is("во")) {
		return -1
	}
	for k := 1; k < min(len(after), 4); k++ {
		t := after[k]
		if ruDocNouns[t.low] {
			return k
		}
		if t.kind != tWord || t.cap() || !ruObliqueAdjective(t.low, false) {
			return -1 // not an adjective of the document
		}
	}
	return -1
}

// docSource reads "в сообщении Саратовского военного суда" after a verb:
// the body whose document is quoted, in the nominative.
func (d *doc) docSource(after []token) (mention, bool) {
	k := docNoun(after)
	if k < 0 || k+1 >= len(after) {
		return mention{}, false
	}
	var words []string
	for _, t := range after[k+1:] {
		if t.kind != tWord || ruStop[t.low] {
			break
		}
		if _, v := ruVerb(t.low); v {
			break
		}
		words = append(words, t.text)
		if len(words) == 6 {
			break
		}
	}
	if len(words) == 0 {
		return mention{}, false
	}
	// A person's document: "в сообщении Дмитрия Пескова".
	if m, ok := d.parsePhrase(after[k+1:], caseGen, false); ok && m.kind == kPerson && m.strong {
		return m, true
	}
	if name := twoWordBody(after, k+1); name != "" {
		// "в сообщении Белого дома"
		return mention{kind: kOrg, org: name, pos: after[k+1].s}, true
	}
	return mention{kind: kOrg, org: ruGenOrgNom(words), pos: after[k+1].s}, true
}

// leftAttr looks for an attribution before a quotation at toks[qi] within
// its sentence starting at ss: "X заявил: «…»", "как отметил X, «…»",
// "по словам X, «…»", "according to X, “…”", "X said the plan was “…”".
func (d *doc) leftAttr(toks []token, ss, qi int) attrib {
	if !d.spend(qi - ss) {
		return attrib{}
	}
	if d.lang == "ru" {
		if a, ok := d.wordsSpokenOf(toks, ss, qi); ok {
			return a
		}
	}
	for k := qi - 1; k >= ss; k-- {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		lw := t.low
		// Source phrases.
		if d.lang == "ru" && ruCueNouns[lw] && k > ss {
			p := toks[k-1].low
			if p == "по" || p == "со" {
				end := phraseEnd(toks, k+1, qi)
				m, _ := d.parsePhrase(toks[k+1:end], caseGen, false)
				// "по мнению правозащитников": a source, if not a name.
				return attrib{m: m, how: aCue}
			}
			if (p == "его" || p == "её" || p == "ее" || p == "их") && k-1 > ss && toks[k-2].low == "по" {
				return attrib{m: mention{kind: kPronoun, gender: ruPronouns[p], pos: toks[k-1].s}, how: aCue}
			}
		}
		if d.lang == "en" && lw == "according" && k+1 < qi && toks[k+1].is("to") {
			end := phraseEnd(toks, k+2, qi)
			if m, ok := d.parsePhrase(toks[k+2:end], caseNom, false); ok {
				return attrib{m: m, how: aCue}
			}
		}
		g, ok := d.verbAt(t)
		if !ok {
			continue
		}
		if d.lang == "en" && weakVerb(lw) && qi-k > 5 {
			continue
		}
		a := attrib{verb: t.text, vg: g, how: aLeft}
		end := phraseEnd(toks, k+1, qi)
		if d.lang == "ru" {
			if strings.Contains(lw, "цитир") {
				// "процитировал лидера Азербайджана Гейдара Алиева: «…»":
				// the words are the one quoted's, not the one who quotes.
				if m, ok := d.parsePhrase(toks[k+1:end], caseGen, false); ok && m.kind == kPerson {
					a.m = m
					return a
				}
			}
			if m, ok := d.bodyIn(toks[ss:k]); ok && g == plural {
				a.m = m // "В пресс-службе мэрии сообщили: «…»"
				return a
			}
			if asClause(toks, ss, k) {
				// "…, как выразился глава Василий Козупица, «…»": the
				// subject of an "as" clause follows its verb.
				if m, ok := d.bodyAfterVerb(toks[k+1 : end]); ok && g == plural {
					a.m = m // "Как пояснили в мэрии, …"
					return a
				}
				if b, ok := a.naming(d.parsePhrase(toks[k+1:end], caseNom, false)); ok {
					return b
				}
			}
			if g == gerund {
				if m, ok := d.invertedSubject(toks, ss, k); ok {
					a.m = m
					return a
				}
			}
			m, ok := d.leftSubject(toks, ss, k)
			if ok && (m.kind == kPerson || m.kind == kPronoun) {
				a.m = m
				return a
			}
			if !ruContentBefore(toks, ss, k) {
				// With words before the verb its subject stands there, and
				// what follows is its object.
				if b, ok := a.naming(d.parsePhrase(toks[k+1:end], caseNom, false)); ok {
					return b
				}
			}
			if ok {
				a.m = m
				return a
			}
			if g == gerund {
				// A gerund ("отметив") shares its subject with the sentence's verb.
				continue
			}
			return a
		}
		if b, ok := a.naming(d.insertedSpeaker(toks, ss, k)); ok {
			return b
		}
		if b, ok := a.naming(d.leftSubject(toks, ss, k)); ok {
			return b
		}
		if k > ss && !toks[k-1].is(",") && toks[k-1].kind != tQuote && slices.ContainsFunc(toks[ss:k], func(t token) bool { return t.kind == tWord }) {
			// The verb's subject stands before it, read or not ("It has
			// now promised the state of New York that …"): who is told
			// follows it.
			return a
		}
		if b, ok := a.naming(d.parsePhrase(toks[k+1:end], caseNom, false)); ok {
			return b
		}
		return a
	}
	// "X: «…»" with no verb (headlines, "Прямая речь:").
	// A phrase after a preposition is no speaker ("К снимкам Дмитрия
	// Бондарева присовокуплена подпись: «…»").
	if qi-1 >= ss && toks[qi-1].is(":") && qi-1-ss <= 8 && !ruPrepositions[toks[ss].low] && !enPreposition(toks[ss].low) {
		if m, ok := d.parsePhrase(toks[ss:qi-1], caseNom, true); ok && m.kind != kPronoun {
			return attrib{m: m, how: aColon}
		}
	}
	return attrib{}
}

// ruSpokenNouns are the stems of nouns of what someone said ("слова",
// "заявление", "фраза").
var ruSpokenNouns = []string{"слов", "заявлени", "высказывани", "фраз", "реплик"}

// wordsSpokenOf reads a quotation at toks[qi] that tells what a noun of
// speech was about: "прокомментировал слова президента Франции Эммануэля
// Макрона о «смерти мозга» НАТО" quotes Macron, not the one who commented.
// The speaker is the noun's owner in the genitive, a person or a body, else
// nobody.
func (d *doc) wordsSpokenOf(toks []token, ss, qi int) (attrib, bool) {
	about := func(k int) bool { return k > ss && (toks[k].is("о") || toks[k].is("об") || toks[k].is("про")) }
	k := qi - 1 // "о «…»", or "о так называемой «…»"
	if !about(k) {
		k--
	}
	if !about(k) {
		return attrib{}, false
	}
	for n := k - 1; n >= max(ss, k-7); n-- {
		t := toks[n]
		if t.kind != tWord {
			return attrib{}, false
		}
		if !t.lower() || !slices.ContainsFunc(ruSpokenNouns, func(stem string) bool { return strings.HasPrefix(t.low, stem) }) {
			continue
		}
		a := attrib{how: aCue}
		if m, ok := d.parsePhrase(toks[n+1:k], caseGen, false); ok && (m.kind == kPerson || m.kind == kOrg) {
			a.m = m
		}
		return a, true
	}
	return attrib{}, false
}

// invertedSubject finds the subject a Russian gerund at toks[k] shares
// with the sentence's verb where that subject follows the verb: "На защиту
// Макрона встало правительство, отметив …" is the government's, not
// Macron's. The verb is the last speech verb or past-tense form in the
// clause before the gerund's comma, and a body or a person in the
// nominative stands between them.
func (d *doc) invertedSubject(toks []token, ss, k int) (mention, bool) {
	c := k - 1
	if c <= ss || !toks[c].is(",") {
		return mention{}, false
	}
	for j := c - 1; j > ss; j-- {
		t := toks[j]
		if t.kind == tPunct || t.kind == tDash {
			return mention{}, false // the verb's clause ends here
		}
		_, speech := d.verbAt(t)
		if _, past := ruPastTense(t.low); t.kind != tWord || !t.lower() || !speech && !past {
			continue
		}
		m, ok := d.parsePhrase(toks[j+1:c], caseNom, false) // no words after the verb: not ok
		if !ok || m.kind != kOrg && m.kind != kPerson && m.kind != kDesc || m.kind == kPerson && m.cas != caseNom {
			return mention{}, false
		}
		if m.kind == kDesc && !(toks[j+1].is("в") || toks[j+1].is("во") || toks[j+1].is("на")) && !slices.ContainsFunc(toks[j+1:c], func(t token) bool { return t.s == m.pos && ruRoleNom(t.low) }) {
			return mention{}, false // one told ("направил министру"), not who spoke; but "сообщили в ведомстве"
		}
		return m, true
	}
	return mention{}, false
}

// leftSubject finds the subject of a verb at v in toks[ss:v), trying the
// narrowest clause first (after the last comma) and widening.
func (d *doc) leftSubject(toks []token, ss, v int) (mention, bool) {
	if !d.spend(v - ss) {
		return mention{}, false
	}
	vg, _ := d.verbAt(toks[v])
	if d.lang == "en" && v > ss {
		c := v - 1 // the word before the verb, or before its auxiliary ("but has said")
		if c > ss && enClauseVerb(toks[c].low) {
			c--
		}
		if toks[c].is("and") || toks[c].is("but") {
			// "Mr. Ubben called Valeant's chief executive, J. Michael
			// Pearson, 'incredibly driven' and asserted that …", "Hillary
			// Clinton, like Obama, has encouraged … but has said": a
			// second verb shares the first one's subject.
			for k := c - 1; k > ss; k-- {
				// the verb before, a speech verb, an auxiliary or a past
				// tense ("Rep. David McKinley, R-W.Va., visited the border
				// near McAllen, Texas, and argued"), with its auxiliary
				_, speech := d.verbAt(toks[k])
				if speech || enFinite[toks[k].low] || toks[k].lower() && len(toks[k].low) > 4 && strings.HasSuffix(toks[k].low, "ed") {
					if k-1 > ss && enFinite[toks[k-1].low] {
						k--
					}
					return d.leftSubject(toks, ss, k)
				}
			}
		}
		switch toks[v-1].low {
		case "who", "which", "that":
			// "listeners to his radio program who said …", "a monthly
			// newsletter that covers …": the subject is what the pronoun
			// stands for, a name only when one ends right before it
			// ("Kim Yong-hyun, who said …", "Reuters, which reported …").
			k := v - 2
			if k > ss && toks[k].is(",") {
				k--
			}
			if k >= ss && toks[k].kind == tWord && toks[k].cap() {
				m, ok := d.parsePhrase(toks[max(ss, k-3):k+1], caseNom, true)
				if ok && (m.kind == kPerson || m.kind == kOrg && toks[v-1].low != "who") {
					return m, true
				}
			}
			return mention{kind: kDesc, head: toks[v-1].low, indef: true, pos: toks[v-1].s}, true
		}
	}
	if d.lang == "en" {
		// "The staff member who reported the call recalled that he said":
		// the verb's clause opens after "that", or after "and" joining it
		// to a clause of speech, and its subject is there.
		for k := v - 1; k > ss; k-- {
			if _, verb := d.verbAt(toks[k]); verb || enClauseVerb(toks[k].low) || toks[k].is(",") {
				break
			}
			if (toks[k].is("and") || toks[k].is("but")) && k+1 < v && slices.ContainsFunc(toks[ss:k], d.isSpeechVerb) {
				// "One in three said the party doesn’t care … and one in
				// four said": "and" joins a clause whose subject is after it
				seg := toks[k+1 : v]
				if m, ok := d.parsePhrase(seg, caseNom, false); ok {
					return m, true
				}
				if commonHead(seg) {
					return mention{kind: kDesc, head: seg[len(seg)-1].low, indef: true, pos: seg[0].s}, true
				}
				break
			}
			if toks[k].is("that") && k+1 < v {
				// (a "that" after a speech verb and whom it was told to,
				// not one that points: "finds that pitch")
				if !slices.ContainsFunc(toks[max(ss, k-5):k], d.isSpeechVerb) {
					break
				}
				if m, ok := d.parsePhrase(toks[k+1:v], caseNom, false); ok {
					return m, true
				}
				break
			}
		}
	}
	var narrow mention
	have := false
	for cs := v - 1; cs >= ss-1; cs-- {
		if cs >= ss && !(toks[cs].is(",") || toks[cs].kind == tDash || toks[cs].is(";") || toks[cs].is(":") || quoteEndsClause(toks[cs])) {
			continue
		}
		seg := toks[cs+1 : v]
		if len(seg) == 0 {
			continue
		}
		// "…, что Зеленский требовал": the verb's clause opens at its
		// conjunction, and its subject is inside; the words before it
		// are another clause's.
		sub := d.lang == "ru" && ruClauseConj[seg[0].low]
		if sub {
			if seg = seg[1:]; len(seg) == 0 {
				break
			}
		}
		if d.lang == "en" && cs >= ss && participleAside(seg) {
			// "Mr. Trump, asked about Mr. Putin, had said": a participle's
			// aside names no subject
			continue
		}
		if d.lang == "ru" && ruGroupSubject(seg) {
			// "Ряд экспертов считает": people counted, not named; not the
			// last speaker.
			return mention{kind: kDesc, head: seg[len(seg)-1].low, indef: true, pos: seg[0].s}, true
		}
		m, ok := d.parsePhrase(seg, caseNom, false)
		if ok && m.kind == kPerson && d.lang == "ru" {
			m = d.agreeingSubject(seg, m, vg)
		}
		if !ok {
			if cs+1 < v && (d.lang == "en" && !toks[v-1].is(",") && commonHead(seg) || d.lang == "ru" && (ruPluralSubject(seg, vg == plural) || ruSomeone(seg) || ruPlaceSubject(seg))) {
				// "38 percent of voters said", "Others argue", "Очевидцы
				// утверждают", "Сегодня Северная Корея заявляет" (a place
				// speaks through someone not named): the subject before
				// the verb names nobody; a name in a clause before it ("In
				// a CNN/ORC poll, …") is not it, nor the last speaker.
				return mention{kind: kDesc, head: seg[len(seg)-1].low, indef: true, pos: seg[0].s}, true
			}
			if sub {
				break
			}
			continue
		}
		if d.lang == "en" && cs > ss && v-1 > cs && toks[v-1].is(",") && m.kind == kPerson && m.role != "" && nameClause(toks, ss, cs) {
			// "Rob Goldman, President Ascom North America, says": the
			// name before is the subject; this is its title.
			continue
		}
		// "The company that runs the AMAs, Dick Clark Productions,
		// denies": a body's name in apposition to a description names it.
		namesDescription := d.lang == "en" && m.kind == kOrg && enDeterminers[toks[ss].low] && leadsSegment(seg, m.pos, d.lang)
		if cs >= ss && v-1 > cs && toks[v-1].is(",") && !namesDescription && !(m.kind == kPronoun || m.kind == kPerson && m.strong && (len(m.first) > 0 || d.onlyFullName(surnameKey(m.last)) != nil) && leadsSegment(seg, m.pos, d.lang)) {
			// "Smith, chief executive of CloudFlare, said", "Виктор Зуев,
			// член Президиума …, считает": an appositive.
			continue
		}
		if m.kind == kPerson || m.kind == kPronoun {
			return m, true
		}
		if !have {
			narrow, have = m, true
		}
		if sub || d.lang == "en" && (m.kind == kDesc || m.kind == kOrg && strings.HasSuffix(m.org, toks[v-1].text)) && !toks[v-1].is(",") {
			// "After the vote in Seoul, opposition lawmakers had said",
			// "VENICE, Italy (AP) — The Italian government announced":
			// the subject next to the verb is the speaker, named or not.
			break
		}
	}
	return narrow, have
}

// nameClause reports whether the clause before toks[cs] (from the
// comma, dash or semicolon before it, or from ss) is a name of two words or
// more and nothing else.
func nameClause(toks []token, ss, cs int) bool {
	ps := cs - 1
	for ps >= ss && !(toks[ps].is(",") || toks[ps].kind == tDash || toks[ps].is(";")) {
		ps--
	}
	i, j := nameSpan(toks, ps+1, "en")
	return i == ps+1 && j == cs && j-i >= 2
}

// agreeingSubject is m, the first person seg names before a Russian verb
// agreeing with vg, unless the verb's gender rules m out and a person nearer
// the verb fits it: "В ответ на обвинения главы фракции Давида Арахамии … нардеп Анна
// Скороход заявила" is Скороход's.
func (d *doc) agreeingSubject(seg []token, m mention, vg gender) mention {
	if vg != masculine && vg != feminine {
		return m
	}
	if _, _, g := ruNominative(m.first, m.last, m.cas, unknownGender); g == unknownGender || g == vg {
		return m
	}
	if n, ok := d.parsePhrase(seg, caseNom, true); ok && n.kind == kPerson && n.pos != m.pos {
		if _, _, g := ruNominative(n.first, n.last, n.cas, unknownGender); g == vg {
			return n
		}
	}
	return m
}

// quoteEndsClause reports whether t is a quotation that ends with a comma
// inside its marks, as English sets the comma that closes a clause:
// "Remarking upon Clinton's “genuine empathy,” Starr said".
func quoteEndsClause(t token) bool {
	return t.kind == tQuote && strings.HasSuffix(strings.TrimRight(t.text, "\"”’'»"), ",")
}

// commonHead reports whether the English words seg, before a verb, end in
// a common noun or a quantifier (its auxiliaries and adverbs aside): the
// head of a subject that names nobody ("voters", "lawmakers had",
// "Others").
func commonHead(seg []token) bool {
	for k := len(seg) - 1; k >= 0; k-- {
		t := seg[k]
		if t.kind != tWord {
			return false
		}
		if enAuxiliaries[t.low] || strings.HasSuffix(t.low, "ly") {
			continue
		}
		return enQuantifiers[t.low] || t.lower() && !enStop[t.low] && !strings.ContainsAny(t.low, "0123456789")
	}
	return false
}

// enQuantifiers stand for people the text does not name ("Others argue").
var enQuantifiers = toSet(`others some many most several few both one another all`)

// enBe are the finite forms of "be": a clause's verb, never a role's word.
var enBe = toSet(`is are was were`)

// enClauseVerb reports whether an English word is an auxiliary or a form
// of "be": a clause goes on with it, after its subject.
func enClauseVerb(w string) bool { return enAuxiliaries[w] || enBe[w] }

// enAuxiliaries stand between a subject and its verb.
var enAuxiliaries = toSet(`had has have would will could should may might must also then once later previously never not`)

// enFinite are English finite forms of "be", "have", "do" and the modals:
// another clause's verb.
var enFinite = toSet(`is are was were has have had does do did will would can could should may might must`)

// ruPluralSubject reports whether the Russian words seg, right before a
// plural verb, end in a plural noun that names nobody ("Очевидцы",
// "местные жители", "ученые", "Оккупационные власти в Крыму": a
// preposition's words after the noun say where); "в дипмиссии" is where,
// not who.
func ruPluralSubject(seg []token, pluralVerb bool) bool {
	end := len(seg)
	for k := 1; k < end; k++ {
		if ruPrepositions[seg[k].low] {
			end = k
			break
		}
	}
	t := seg[end-1]
	if !pluralVerb || ruPrepositions[seg[0].low] || t.kind != tWord || ruStop[t.low] || utf8.RuneCountInString(t.low) < 4 {
		return false
	}
	// (a neuter noun's plural ends as a feminine singular: "официальные
	// лица", after the plural adjective that agrees with it)
	return endsWith(t.low, "ы", "и", "ые", "ие") || end >= 2 && seg[end-2].kind == tWord && endsWith(seg[end-2].low, "ые", "ие")
}

// ruPlaceSubject reports whether the Russian words seg, a subject, end in
// the name of a place.
func ruPlaceSubject(seg []token) bool {
	t := seg[len(seg)-1]
	return t.kind == tWord && t.cap() && ruPlace(t.low)
}

// ruSomeone reports whether a Russian subject brings in someone new, unnamed:
// "Один взволнованный человек", "Некая женщина", "Какой-то прохожий" (a
// pronoun after it is that one, not a name before).
func ruSomeone(seg []token) bool {
	switch seg[0].low {
	case "один", "одна", "некий", "некая", "какой-то", "какая-то", "кто-то":
		return len(seg) > 1 && seg[len(seg)-1].kind == tWord && seg[len(seg)-1].lower()
	}
	return false
}

// ruQuantityNouns count people without naming them.
var ruQuantityNouns = toSet(`ряд число большинство меньшинство часть половина треть четверть множество масса сотни десятки тысячи несколько`)

// ruGroupSubject reports whether the Russian words seg, a subject, count
// people without naming them: a quantity noun and after it lower-case
// words only ("Ряд экспертов", "все большее число европейских политиков
// открыто").
func ruGroupSubject(seg []token) bool {
	for k, t := range seg {
		if !ruQuantityNouns[t.low] {
			continue
		}
		if k+1 == len(seg) {
			return false
		}
		for _, r := range seg[k+1:] {
			if r.kind != tWord || !r.lower() {
				return false
			}
		}
		return true
	}
	return false
}

// ruClauseConj are the conjunctions that open a subordinate clause.
var ruClauseConj = toSet(`что чтобы будто якобы`)

// participleAside reports whether seg opens with a participle clause that a
// comma closes: "asked about Mr. Putin, had".
func participleAside(seg []token) bool {
	if !seg[0].lower() || !endsWith(seg[0].low, "ed", "ing") {
		return false
	}
	for _, t := range seg[1:] {
		if t.is(",") {
			return true
		}
	}
	return false
}

// leadsSegment reports whether the name at pos opens seg, after role words
// and titles only ("Rear Admiral Daniel Hagari").
func leadsSegment(seg []token, pos int, lang string) bool {
	for _, t := range seg {
		if t.s == pos {
			return true
		}
		if !(t.kind == tWord && (isRole(t.text, lang) || t.cap() && lang == "en") || t.is(".")) {
			return false
		}
	}
	return false
}

// insertedSpeaker reads "…, Nefzi said, adding, “…”": a participle at k
// after an inserted "<name> said," clause shares that clause's speaker.
func (d *doc) insertedSpeaker(toks []token, ss, k int) (mention, bool) {
	if !strings.HasSuffix(toks[k].low, "ing") || k-2 < ss || !toks[k-1].is(",") {
		return mention{}, false
	}
	if _, ok := d.verbAt(toks[k-2]); !ok {
		return mention{}, false
	}
	from := k - 2
	for from > ss && !toks[from-1].is(",") {
		from--
	}
	if from == ss || k-2-from > 6 {
		return mention{}, false // not an inserted clause
	}
	return d.parsePhrase(toks[from:k-2], caseNom, true)
}

// ruContentBefore reports whether the clause before a Russian verb at v
// holds words other than function words ("Как заявил", "Об этом сообщил"
// hold none).
func ruContentBefore(toks []token, ss, v int) bool {
	cs := ss
	for k := v - 1; k >= ss; k-- {
		if toks[k].is(",") || toks[k].kind == tDash || toks[k].is(":") {
			cs = k + 1
			break
		}
	}
	for _, t := range toks[cs:v] {
		if t.kind != tWord {
			continue
		}
		lw := t.low
		if ruStop[lw] || ruAdverbs[lw] || ruNextOpeners[lw] || startsDigit(lw) || ruMonths[lw] {
			continue
		}
		return true
	}
	return false
}

// nextAttr looks at the sentence toks[ss:se) (ss < se) after a quotation
// for "Об этом заявил X" / "Smith said." style attribution.
func (d *doc) nextAttr(toks []token, ss, se int) attrib {
	first := toks[ss].low
	if d.lang == "ru" {
		if !ruNextOpeners[first] {
			return attrib{}
		}
	} else if se-ss > 9 {
		return attrib{}
	}
	for k := ss; k < se && k < ss+10; k++ {
		g, ok := d.verbAt(toks[k])
		if !ok {
			continue
		}
		a := attrib{verb: toks[k].text, vg: g, how: aNext}
		if m, ok := d.leftSubject(toks, ss, k); ok && (m.kind == kPerson || m.kind == kPronoun || m.kind == kDesc && m.indef) {
			// (an unnamed subject, "Так турецкие официальные лица
			// объясняют …", is who spoke: not a name after the verb)
			a.m = m
			return a
		}
		if b, ok := a.naming(d.parsePhrase(toks[k+1:se], caseNom, false)); ok {
			if b.m.kind == kOrg && mediaName(b.m.org) {
				// "Об этом сообщает «Фонтанка»": an outlet reports the
				// news; the words quoted in it are not its own.
				return attrib{}
			}
			return b
		}
		return a
	}
	return attrib{}
}

var ruNextOpeners = toSet(`об о так такое такую такими таким такой это этими эти этом`)

// prevAttr attributes a quotation opening paragraph pi from the previous
// paragraph when that ends with a colon ("Анвар Ибрагим признался:").
func (d *doc) prevAttr(pi int) attrib {
	pt := d.paras[pi-1].toks
	if len(pt) == 0 || !pt[len(pt)-1].is(":") {
		return attrib{}
	}
	ss, _ := d.sentenceOf(pi-1, len(pt)-1)
	if shouted(pt[ss:]) {
		return attrib{} // a heading: "HERE'S WHAT YOU NEED TO KNOW ABOUT THE VIRUS OUTBREAK:"
	}
	a := d.leftAttr(pt, ss, len(pt))
	if !a.ok() {
		// "Премьер-министр Малайзии продемонстрировал, что …:" — the
		// sentence's subject introduces the speech; after ", но", ", а" that
		// of the last clause ("Путин хотел встать, но Анвар Ибрагим
		// запротестовал:").
		for k := len(pt) - 2; k > ss; k-- {
			if pt[k-1].is(",") && (pt[k].low == "но" || pt[k].low == "а" || pt[k].low == "однако") {
				ss = k + 1
				break
			}
		}
		if m, ok := d.parsePhrase(pt[ss:], caseNom, false); ok && m.kind != kPronoun {
			a = attrib{m: m, how: aPrev}
		}
	}
	if a.ok() {
		a.how = aPrev
	}
	return a
}

// colonSubject reads an English clause toks[ss:c) that introduces a
// quotation with a colon at c but no speech verb: a person opening the
// clause speaks ("In a Fox interview later that day, Trump went even
// further: “…”").
func (d *doc) colonSubject(toks []token, ss, c int) attrib {
	cs := ss
	for k := c - 1; k > ss; k-- {
		if toks[k].is(",") {
			cs = k + 1
			break
		}
	}
	seg := toks[cs:c]
	m, ok := d.parsePhrase(seg, caseNom, false)
	if !ok || m.kind != kPerson || !leadsSegment(seg, m.pos, d.lang) {
		return attrib{}
	}
	return attrib{m: m, how: aLeft}
}

// colonAttr reads the clause after a quotation and its colon, from toks[j]:
// its subject, when a speech verb follows it within a few words ("«Очень
// плохо»: Венедиктов посетовал на …").
func (d *doc) colonAttr(toks []token, j, end int) attrib {
	for k := j + 1; k < end && k < j+6; k++ {
		if g, ok := d.verbAt(toks[k]); ok {
			if m, ok := d.parsePhrase(toks[j:k], caseNom, false); ok && m.kind != kPronoun {
				return attrib{m: m, verb: toks[k].text, vg: g, how: aRight}
			}
			break
		}
	}
	return attrib{}
}

// cueIn reports whether toks[ss:se) holds a speech verb or a source phrase
// outside quotations.
func (d *doc) cueIn(toks []token, ss, se int) bool {
	if !d.spend(se - ss) {
		return false
	}
	for k := ss; k < se; k++ {
		if _, ok := d.verbAt(toks[k]); ok {
			return true
		}
		lw := toks[k].low
		if d.lang == "ru" && ruCueNouns[lw] {
			return true
		}
	}
	return false
}

// shouted reports whether toks hold three words or more, all in capitals:
// a heading, which names no speaker.
func shouted(toks []token) bool {
	n := 0
	for _, t := range toks {
		if t.kind == tWord {
			if strings.ToUpper(t.text) != t.text || strings.ToLower(t.text) == t.text {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// asClause reports whether the clause holding the verb at toks[v] opens with
// "как" (after a comma or dash, or at ss): "как отметил X", "как в своем
// инстаграме выразился X".
func asClause(toks []token, ss, v int) bool {
	k := v - 1
	for k > ss && !(toks[k-1].is(",") || toks[k-1].kind == tDash || toks[k-1].is(";")) {
		k--
	}
	return k >= ss && k < v && toks[k].low == "как"
}
