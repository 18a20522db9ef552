package quote

import (
	"strings"
	"unicode/utf8"
)

// caseBefore guesses the case of a Russian name from the word before it:
// "по словам Лаврова" (genitive), "со ссылкой на Захарову" (accusative).
func caseBefore(toks []token, i int) int {
	if i <= 0 {
		return caseNom
	}
	p := toks[i-1]
	if p.kind != tWord {
		return caseNom
	}
	lp := p.low
	switch {
	case ruCueNouns[lp], lp == "у", lp == "от", lp == "для", lp == "до", lp == "из", lp == "без",
		lp == "против", lp == "после", lp == "около", lp == "возле", lp == "слов", lp == "имени":
		return caseGen
	case lp == "на", lp == "про", lp == "через":
		return caseAcc
	case lp == "с", lp == "со", lp == "между", lp == "над", lp == "перед":
		return caseIns
	case lp == "к", lp == "ко", lp == "по":
		return caseDat
	}
	if isRuRole(lp) && !ruRoleWords[lp] {
		// An oblique role word: "пресс-секретаря Дмитрия Пескова".
		switch {
		case strings.HasSuffix(lp, "у") || strings.HasSuffix(lp, "ю"):
			return caseDat
		case strings.HasSuffix(lp, "ом") || strings.HasSuffix(lp, "ем"):
			return caseIns
		default:
			return caseGen
		}
	}
	return caseNom
}

// stopPhrase reports whether token t ends a speaker phrase.
func stopPhrase(t token, lang string) bool {
	if t.kind == tPunct && (endsSentence(t) || t.text == ":") {
		return true
	}
	lw := t.low
	if lang == "ru" {
		return lw == "что" || lw == "чтобы" || lw == "который" || lw == "которая" || lw == "которые"
	}
	return lw == "that" || lw == "who" || lw == "which"
}

// parsePhrase finds who a phrase names: the first person's name (with the
// role words before it, or an appositive after a comma), else a pronoun at
// its start, a body, or a description. cas is the Russian case expected of
// the name. It returns false when the phrase names nobody.
func (d *doc) parsePhrase(toks []token, cas int, nearest bool) (mention, bool) {
	lang := d.lang
	// Cut at the first stop and drop parenthesised asides.
	var ts []token
	depth := 0
	for k, t := range toks {
		if stopPhrase(t, lang) {
			if !(t.text == "." && k > 0 && abbrevDot(toks, k)) {
				break
			}
		}
		if t.is("(") || t.is("[") {
			depth++
			continue
		}
		if t.is(")") || t.is("]") {
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 {
			continue
		}
		ts = append(ts, t)
	}
	if len(ts) == 0 {
		return mention{}, false
	}
	type found struct {
		m  mention
		at int
	}
	var persons, pronouns, orgs, descs []found
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.kind == tQuote {
			// A quoted name inside a phrase is a body: «Нафтогаз».
			if q := quotedName(t, lang); q != "" {
				orgs = append(orgs, found{mention{kind: kOrg, org: q, pos: t.s}, i})
			}
			continue
		}
		if t.kind != tWord {
			continue
		}
		lw := t.low
		// Pronouns.
		if lang == "ru" {
			if g, ok := ruPronouns[lw]; ok && lw != "его" && lw != "её" && lw != "ее" && lw != "их" && lw != "нее" && lw != "неё" && lw != "него" && lw != "них" {
				pronouns = append(pronouns, found{mention{kind: kPronoun, gender: g, pos: t.s, head: lw}, i})
				continue
			}
		} else if g, ok := enPronouns[lw]; ok && lw != "him" && lw != "her" && lw != "it" {
			pronouns = append(pronouns, found{mention{kind: kPronoun, gender: g, pos: t.s, head: lw}, i})
			continue
		}
		// Names.
		if i0, j := nameSpan(ts, i, lang); j > i {
			i = i0
			words := runWords(ts, i, j)
			first, last := words[:len(words)-1], stripPossessive(words[len(words)-1])
			m := mention{kind: kPerson, first: first, last: last, pos: t.s, cas: cas}
			if lang == "ru" && cas == caseNom {
				m.cas = caseBefore(ts, i)
			}
			m.strong = personEvidence(ts, i, j, lang)
			m.role = roleBefore(ts, i, lang)
			if m.role == "" {
				m.role = appositive(ts, j, lang)
			}
			// An English run ending in an organisation word names a body.
			if lang == "ru" && !m.strong && len(words) > 1 && ruAdjectival(words[0]) {
				// "Соединенные Штаты", "Верховная Рада": a body.
				orgs = append(orgs, found{mention{kind: kOrg, org: strings.Join(words, " "), pos: t.s}, i})
				i = j - 1
				continue
			}
			if lang == "ru" && !isCyrillicWord(words[0]) && (!m.strong || len(words) == 1) {
				// A Latin name in Russian text is a body: Reuters, Deutsche Welle;
				// one Latin word is, even after a role ("собеседница Reuters").
				orgs = append(orgs, found{mention{kind: kOrg, org: strings.Join(words, " "), pos: t.s}, i})
				i = j - 1
				continue
			}
			if lang == "ru" && len(words) == 1 && !m.strong {
				if !isCyrillicWord(words[0]) {
					// A Latin name in Russian text is a body: Reuters, Deutsche Welle.
					orgs = append(orgs, found{mention{kind: kOrg, org: words[0], pos: t.s}, i})
					i = j - 1
					continue
				}
				if !d.knownSurname(words[0]) {
					i = j - 1
					continue
				}
			}
			if lang == "en" && !m.strong && len(words) == 1 && !d.knownSurname(words[0]) {
				lw0 := lower(words[0])
				sentStart := i > 0 && endsSentence(ts[i-1])
				if strings.HasSuffix(lw0, "ing") || strings.HasSuffix(lw0, "ed") || strings.Contains(words[0], "-") ||
					strings.ContainsAny(words[0], "’'") || sentStart && !d.inText(words[0]) ||
					(j < len(ts) && ts[j].cap() && enOrgWords[ts[j].low]) {
					i = j - 1
					continue
				}
			}
			persons = append(persons, found{m, i})
			i = j - 1
			continue
		}
		// Bodies.
		if o, j := orgAt(ts, i, lang); j > i {
			orgs = append(orgs, found{mention{kind: kOrg, org: o, pos: t.s}, i})
			i = j - 1
			continue
		}
		if isRole(t.text, lang) && !honorifics[strings.TrimSuffix(lw, ".")] && !ruTitles[lw] {
			// The head of "government spokesman" is its last role word.
			if n := len(descs); n > 0 && descs[n-1].at == i-1 && lang == "en" {
				descs = descs[:n-1]
			}
			h := roleHead(lw, lang)
			descs = append(descs, found{mention{kind: kDesc, head: h, role: descText(ts, i, lang), pos: t.s, gender: roleGender(h, lang)}, i})
		}
	}
	// An outlet beside another body only reports what the body said: the
	// dateline "INTERFAX.RU - Правозащитная организация «…» заявила".
	if len(orgs) > 1 {
		var speaking []found
		for _, f := range orgs {
			if !mediaName(f.m.org) {
				speaking = append(speaking, f)
			}
		}
		if len(speaking) > 0 {
			orgs = speaking
		}
	}
	pick := func(fs []found) found {
		if nearest {
			return fs[len(fs)-1]
		}
		return fs[0]
	}
	// A pronoun first ("he told Smith") is the subject.
	if len(pronouns) > 0 {
		p := pronouns[0]
		if nearest {
			p = pronouns[len(pronouns)-1]
		}
		first := true
		for _, f := range append(append(persons, orgs...), descs...) {
			if (!nearest && f.at < p.at) || (nearest && f.at > p.at) {
				first = false
			}
		}
		if first {
			return p.m, true
		}
	}
	if len(persons) > 0 {
		// Prefer a surely-a-person name over a capitalised word that may not be one.
		for _, f := range persons {
			if f.m.strong || len(persons) == 1 {
				if !nearest {
					return f.m, true
				}
			}
		}
		if nearest {
			for k := len(persons) - 1; k >= 0; k-- {
				if persons[k].m.strong {
					return persons[k].m, true
				}
			}
		}
		return pick(persons).m, true
	}
	if len(descs) > 0 && len(orgs) > 0 {
		// "представитель МИД": the body speaks through its representative.
		d0, o0 := pick(descs), pick(orgs)
		if mediaName(o0.m.org) {
			// "цитирует представителя управления «Интерфакс-Юг»": the agency
			// only reports.
			return d0.m, true
		}
		if o0.at > d0.at && (ruOrgWords[d0.m.head] || enOrgWords[d0.m.head]) {
			return d0.m, true
		}
		m := d0.m
		m.org = o0.m.org
		return m, true
	}
	if len(orgs) > 0 {
		return pick(orgs).m, true
	}
	if len(descs) > 0 {
		return pick(descs).m, true
	}
	if len(pronouns) > 0 {
		return pick(pronouns).m, true
	}
	return mention{}, false
}

var honorifics = toSet(`mr mrs ms miss dr sir dame lord lady mister madam`)

// abbrevDot reports whether the dot at toks[k] closes an abbreviation or
// an initial ("Mr.", "F.") rather than a sentence.
func abbrevDot(toks []token, k int) bool {
	p := toks[k-1]
	if p.kind != tWord || p.e != toks[k].s {
		return false
	}
	lw := p.low
	return abbrevs[lw] || enTitles[lw] || utf8.RuneCountInString(p.text) == 1 && p.cap()
}

// inText reports whether w also appears capitalised in the middle of a
// sentence somewhere in the article (so it is a name, not a capitalised
// first word such as "Meanwhile").
func (d *doc) inText(w string) bool {
	for _, toks := range d.ptoks {
		for i, t := range toks {
			if t.kind == tWord && stripPossessive(t.text) == w && i > 0 && !endsSentence(toks[i-1]) && toks[i-1].kind != tQuote {
				return true
			}
		}
	}
	return false
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

// roleGender tells a woman's role word ("собеседница", "телеведущая",
// "spokeswoman") from others.
func roleGender(h, lang string) byte {
	if lang == "ru" {
		for _, s := range []string{"ница", "щая", "ая", "истка", "антка", "ентка", "иня", "есса", "ица"} {
			if strings.HasSuffix(h, s) {
				return 'f'
			}
		}
		return 0
	}
	if strings.HasSuffix(h, "woman") || h == "queen" || h == "princess" || h == "mother" || h == "wife" || h == "daughter" || h == "sister" {
		return 'f'
	}
	return 0
}

// roleHead folds a role word to its head form ("президента" → "президент").
func roleHead(lw, lang string) string {
	if lang != "ru" {
		return strings.TrimSuffix(stripPossessive(lw), ".")
	}
	if ruRoleWords[lw] {
		return lw
	}
	rs := []rune(lw)
	for cut := 1; cut <= 3 && cut < len(rs)-2; cut++ {
		stem := string(rs[:len(rs)-cut])
		for _, e := range []string{"", "ь", "а", "й", "я", "о"} {
			if ruRoleWords[stem+e] {
				return stem + e
			}
		}
	}
	return lw
}

// roleBefore returns the role words right before a name at ts[i]: "FSB
// Director" (skipping a parenthesised expansion), "министр иностранных дел
// Турции", "президент РФ".
func roleBefore(ts []token, i int, lang string) string {
	k := i - 1
	start := -1
	var keep []int
	for k >= 0 && len(keep) <= 10 {
		t := ts[k]
		if t.is(")") {
			// Skip back over a parenthesised aside.
			depth := 0
			for k >= 0 {
				if ts[k].is(")") {
					depth++
				} else if ts[k].is("(") {
					depth--
					if depth == 0 {
						break
					}
				}
				k--
			}
			k--
			continue
		}
		if t.kind != tWord {
			break
		}
		lw := t.low
		if lang == "ru" {
			if ruStop[lw] && lw != "и" {
				break
			}
			if _, ok := ruVerb(lw); ok {
				break
			}
		} else {
			if enStop[lw] && lw != "of" && lw != "for" && lw != "and" {
				break
			}
			if _, ok := enVerbs[lw]; ok && !enRoleWords[lw] {
				break
			}
			if t.lower() && !isRole(t.text, lang) && lw != "of" && lw != "for" && lw != "and" && start < 0 {
				break
			}
		}
		keep = append(keep, k)
		if isRole(t.text, lang) {
			start = len(keep) - 1
		}
		k--
	}
	if start < 0 {
		return ""
	}
	// Extend over capitalised words and acronyms just before the first role
	// word ("FSB Director", "Russian Foreign Minister").
	for start+1 < len(keep) {
		t := ts[keep[start+1]]
		if (t.acronym() || (lang == "en" && t.cap())) && !enStop[t.low] {
			start++
			continue
		}
		break
	}
	var words []string
	for x := start; x >= 0; x-- {
		words = append(words, ts[keep[x]].text)
	}
	for len(words) > 0 && (words[0] == "of" || words[0] == "for" || words[0] == "and" || words[0] == "и") {
		words = words[1:]
	}
	for len(words) > 0 {
		w := words[len(words)-1]
		if w == "of" || w == "for" || w == "and" || w == "и" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// appositive returns a role given after the name: "Smith, the company's
// spokesman," / "Ильхам Ахмед, курдский политический деятель".
func appositive(ts []token, j int, lang string) string {
	if j >= len(ts) || !ts[j].is(",") {
		return ""
	}
	var words []string
	hasRole := false
	for k := j + 1; k < len(ts) && k < j+12; k++ {
		t := ts[k]
		if t.is(".") && abbrevDot(ts, k) && len(words) > 0 {
			words[len(words)-1] += "."
			continue
		}
		if t.kind != tWord {
			break
		}
		if len(words) > 0 && k > 0 && ts[k-1].is(".") && ts[k-1].e == t.s {
			words[len(words)-1] += t.text
			continue
		}
		lw := t.low
		if lang == "en" {
			if _, ok := enVerbs[lw]; ok && !enRoleWords[lw] {
				break
			}
			if len(words) == 0 && (lw == "the" || lw == "a" || lw == "an") {
				continue
			}
		} else if _, ok := ruVerb(lw); ok {
			break
		}
		if isRole(t.text, lang) {
			hasRole = true
		}
		words = append(words, t.text)
	}
	if !hasRole {
		return ""
	}
	return strings.Join(words, " ")
}

// descText returns the words of a description starting at ts[i] and the
// genitive words after it ("глава МВД Турции", "FSB Director").
func descText(ts []token, i int, lang string) string {
	start := i
	for start > 0 {
		t := ts[start-1]
		if t.kind != tWord {
			break
		}
		lw := t.low
		if lang == "en" && (t.cap() || t.acronym()) && !enStop[lw] {
			start--
			continue
		}
		if lang == "ru" && (ruAdjectival(t.text) || isRuRole(lw)) && !ruStop[lw] {
			start--
			continue
		}
		break
	}
	end := i + 1
	for end < len(ts) && end < i+5 {
		t := ts[end]
		if t.kind != tWord {
			break
		}
		lw := t.low
		if lang == "ru" {
			if ruStop[lw] {
				break
			}
			if _, ok := ruVerb(lw); ok {
				break
			}
		} else if !(t.cap() || t.acronym()) || enStop[lw] {
			break
		}
		end++
	}
	var words []string
	for _, t := range ts[start:end] {
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

// orgAt recognises a body named at ts[i]: an acronym with the capitalised
// words around it ("МИД России", "the FBI"), a body's word ("Кремль",
// "пресс-служба Кремля", "State Department"). It returns the name and the
// end of its tokens, or i when nothing is there.
func orgAt(ts []token, i int, lang string) (string, int) {
	t := ts[i]
	if t.kind != tWord || romanNumeral(t.text) {
		return "", i
	}
	lw := t.low
	if lang == "ru" {
		named := i > 0 && ts[i-1].cap() && ruAdjectival(ts[i-1].text) && t.lower() && ruOrgWordForm(lw, 3)
		if !(t.acronym() || isRuOrg(lw) || named) || ruStop[lw] || ruPlaces[lw] || inDomain(ts, i) {
			return "", i
		}
		words := []string{ruOrgNom(t.text)}
		j := i + 1
		// Genitive words of the name: "Министерство энергетики США",
		// "министерства иностранных дел России".
		k := j
		for k < len(ts) && k < j+5 && ts[k].kind == tWord && ts[k].lower() && !isRuRole(ts[k].low) {
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
		if k > j && k < len(ts) && ts[k].kind == tWord && (ts[k].acronym() || ruPlaces[ts[k].low]) {
			for _, n := range ts[j:k] {
				words = append(words, n.text)
			}
			j = k
		}
		for j < len(ts) && j < i+7 {
			n := ts[j]
			ln := n.low
			if n.kind == tWord && (n.acronym() || ruPlaces[ln]) && !ruStop[ln] {
				words = append(words, n.text)
				j++
				continue
			}
			break
		}
		if t.lower() && len(words) == 1 {
			// A body's common noun alone ("ведомство") describes one.
			return "", i
		}
		// A lower-case adjective before: "турецкий МИД".
		if i > 0 && ts[i-1].kind == tWord && ts[i-1].lower() && ruAdjectival(ts[i-1].text) && t.acronym() {
			words = append([]string{ts[i-1].text}, words...)
		}
		// Capitalised adjectives before a body's common noun are its name:
		// "Верховный суд", "Следственного комитета".
		if t.lower() {
			a := i
			for a > 0 && a > i-2 && ts[a-1].kind == tWord && ts[a-1].cap() && !ts[a-1].acronym() && ruAdjectival(ts[a-1].text) {
				a--
			}
			if a < i {
				var head []string
				for _, n := range ts[a : i+1] {
					head = append(head, n.text)
				}
				words = append(strings.Fields(ruGenOrgNom(head)), words[1:]...)
			}
		}
		return strings.Join(words, " "), j
	}
	// English: a run of capitalised words and acronyms that holds a body's
	// word or an acronym.
	if !(t.cap() || t.acronym()) || (t.acronym() && utf8.RuneCountInString(t.text) > 6) || inDomain(ts, i) {
		return "", i
	}
	j := i
	org := false
	for j < len(ts) {
		n := ts[j]
		ln := n.low
		if j > i && n.kind == tWord && ((enRoleWords[ln] && !enOrgWords[ln]) || enTitles[ln] || enMaleNames[ln] || enFemaleNames[ln]) {
			break
		}
		if n.kind == tWord && (n.cap() || n.acronym()) && !(j > i && enStop[ln] && ln != "of") {
			if n.acronym() || enOrgWords[ln] || ln == "kremlin" || ln == "pentagon" {
				org = true
			}
			j++
			continue
		}
		if j > i && n.kind == tWord && (ln == "of" || ln == "for" || ln == "and") && j+1 < len(ts) && ts[j+1].cap() {
			j++
			continue
		}
		break
	}
	if !org || enStop[lw] {
		return "", i
	}
	var words []string
	for _, n := range ts[i:j] {
		words = append(words, stripPossessive(n.text))
	}
	return strings.Join(words, " "), j
}

// inDomain reports whether ts[i] is glued by a dot to the word before it
// ("INTERFAX.RU", "Газета.Ru"): part of a site's name, not a body's.
func inDomain(ts []token, i int) bool {
	return i > 1 && ts[i-1].is(".") && ts[i-1].s == ts[i-2].e && ts[i].s == ts[i-1].e
}

// ruOrgNom brings a Russian body's word to the nominative: "Кремле" →
// "Кремль", "Госдепа" → "Госдеп"; acronyms and unknown words stay.
func ruOrgNom(w string) string {
	lw := lower(w)
	if ruOrgWords[lw] || (len([]rune(w)) > 1 && strings.ToUpper(w) == w) {
		return w
	}
	rs := []rune(w)
	for cut := 1; cut <= 2 && cut < len(rs)-2; cut++ {
		stem := string(rs[:len(rs)-cut])
		for _, e := range []string{"", "о", "а", "ь", "я"} {
			if ruOrgWords[lower(stem+e)] {
				return stem + e
			}
		}
	}
	return w
}
