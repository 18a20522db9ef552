package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

func isRole(w, lang string) bool {
	lw := lower(stripPossessive(w))
	if lang == "ru" {
		return isRuRole(lw)
	}
	lw = strings.TrimSuffix(lw, ".")
	return enRoleWords[lw] || enTitles[lw]
}

// isRuRole reports whether a lower-case Russian word is a role word in any case
// ("президента", "министром").
func isRuRole(w string) bool {
	return ruRoleNom(w) || ruRoleForm(w) != ""
}

// ruRoleNom reports whether w is a role word in the nominative, or a
// compound ending in one ("экс-глава", "бизнес-омбудсмен").
func ruRoleNom(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return ruRoleWords[w] || i > 0 && ruRoleWords[w[i+1:]]
}

// ruRoleForm returns the role word that w is an oblique form of: w less
// its last one to three letters (keeping three), an ending, is a role word
// less one of "", "ь", "а", "й", "я", "о" (the first of them that fits); ""
// when none. An ending of a Russian noun or adjective has no consonant but
// в, г, м, х, й (-ов, -ого, -ами, -ах, -ой), after the -ер- of "матери"
// and "дочери": "главной" is no form of "глава", nor "матч" of "мать".
func ruRoleForm(w string) string {
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		// A compound declines its last word: "бизнес-омбудсмена".
		if h := ruRoleForm(w[i+1:]); h != "" {
			return w[:i+1] + h
		}
	}
	for stem := range stems(w, 3) {
		if h, ok := ruRoleStems[stem]; ok && strings.Trim(strings.TrimPrefix(w[len(stem):], "ер"), ruVowels+"ьвгмхй") == "" {
			return h
		}
	}
	return ""
}

// ruObliqueRole reports whether a lower-case Russian word is surely a role
// word in an oblique case ("президента", "министру", "активистов"): not a
// nominative ("президент"), nor ending as a plural one may ("представители",
// "ученые", "военные").
func ruObliqueRole(w string) bool {
	return !ruRoleNom(w) && ruRoleForm(w) != "" && !endsWith(w, "ы", "и", "е", "й")
}

// ruPastInIl reports whether a lower-case Russian word is a verb in the
// past tense in -ил ("освободил", "назначила", "решили", "появился"), an
// ending few nouns have.
func ruPastInIl(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return endsWith(w, "ил", "ила", "или", "ился", "илась", "ились") && unicode.IsLower(r) && utf8.RuneCountInString(w) >= 5
}

// verbBeforeName reports whether a Russian word read as the last of a role
// is a lower-case verb (endings no role's last word has) standing between
// the role and the name.
func verbBeforeName(w string) bool {
	return w == lower(w) && !isRole(w, "ru") && endsWith(w, "ен", "ял")
}

// ruPluralRole reports whether a lower-case Russian word is a role word in
// an oblique case of the plural only: "депутатов", "представителей", "экспертами",
// "врачах", "ученых", "военными".
func ruPluralRole(w string) bool {
	return !ruRoleNom(w) && ruRoleForm(w) != "" && endsWith(w, "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях", "ых", "их", "ыми", "ими")
}

// enPluralRole reports whether an English description's last word is a
// plural that names people, not a body or a possessive: "the lawmakers",
// "experts"; not "the president’s".
func enPluralRole(role string) bool {
	ws := strings.Fields(lower(role))
	if len(ws) == 0 {
		return false
	}
	w := ws[len(ws)-1]
	return enPlural(w) && !enOrgWords[w] && stripPossessive(w) == w
}

// ruDativeRole reports whether a lower-case Russian word is a role word in
// the dative: "агентству", "журналистам", "изданию" (but "главу", of a
// word in -а, is the accusative).
func ruDativeRole(w string) bool {
	h := ruRoleForm(w)
	if ruRoleNom(w) || h == "" {
		return false
	}
	if endsWith(w, "ам", "ям") {
		return true
	}
	return endsWith(w, "у", "ю") && !endsWith(h, "а", "я")
}

// ruRoleStems maps the stems of role words to the words, for ruRoleForm,
// and of a noun in -ец the stem its other forms have, without the е
// ("очевидцы", "владельца", "бойцов").
var ruRoleStems = func() map[string]string {
	m := stemsOf(ruRoleWords, []string{"", "ь", "а", "й", "я", "о"})
	for w := range ruRoleWords {
		base, ok := strings.CutSuffix(w, "ец")
		if !ok || base == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(base)
		switch {
		case strings.ContainsRune(ruVowels, last):
			base += "й"
		case last == 'л':
			base += "ь"
		}
		if _, seen := m[base+"ц"]; !seen {
			m[base+"ц"] = w
		}
	}
	return m
}()

// stemsOf maps each word of words less one of ends (the first that fits)
// to the word.
func stemsOf(words map[string]bool, ends []string) map[string]string {
	m := map[string]string{}
	for _, e := range ends {
		for w := range words {
			if stem, ok := strings.CutSuffix(w, e); ok {
				if _, seen := m[stem]; !seen {
					m[stem] = w
				}
			}
		}
	}
	return m
}

// stems yields w less its last letter, last two letters, … up to max,
// keeping three letters at least.
func stems(w string, max int) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		n := utf8.RuneCountInString(w)
		for cut := 1; cut <= max && cut < n-2; cut++ {
			_, size := utf8.DecodeLastRuneInString(w)
			w = w[:len(w)-size]
			if !yield(w) {
				return
			}
		}
	}
}

// roleHead folds a role word to its head form ("президента" → "президент").
func roleHead(lw, lang string) string {
	if lang != "ru" {
		return strings.TrimSuffix(stripPossessive(lw), ".")
	}
	if ruRoleNom(lw) {
		return lw
	}
	if h := ruRoleForm(lw); h != "" {
		return h
	}
	return lw
}

// roleGender tells a woman's role word ("собеседница", "телеведущая",
// "spokeswoman") from others.
func roleGender(h, lang string) gender {
	if lang == "ru" {
		if endsWith(h, "ница", "щая", "ая", "истка", "антка", "ентка", "иня", "есса", "ица") {
			return feminine
		}
		return unknownGender
	}
	if strings.HasSuffix(h, "woman") || h == "queen" || h == "princess" || h == "mother" || h == "wife" || h == "daughter" || h == "sister" {
		return feminine
	}
	return unknownGender
}

// masculineRole returns the role word a feminine one is formed from (see
// withFeminines), else w.
func masculineRole(w string) string {
	if b, ok := strings.CutSuffix(w, "ница"); ok {
		if strings.HasSuffix(b, "тель") {
			return b
		}
		return b + "ник"
	}
	if b, ok := strings.CutSuffix(w, "истка"); ok {
		return b + "ист"
	}
	return w
}

// withFeminines adds to a set of Russian role words the feminine each
// forms by a suffix: руководитель → руководительница, помощник → помощница,
// журналист → журналистка.
func withFeminines(m map[string]bool) map[string]bool {
	for w := range m {
		switch {
		case strings.HasSuffix(w, "тель"):
			m[w+"ница"] = true
		case strings.HasSuffix(w, "ник"):
			m[strings.TrimSuffix(w, "ник")+"ница"] = true
		case strings.HasSuffix(w, "ист"):
			m[w+"ка"] = true
		}
	}
	return m
}

// roleBefore returns the role words right before a name at ts[i]: "FSB
// Director" (skipping a parenthesised expansion), "министр иностранных дел
// Турции", "президент РФ", looking back at most 4×maxNameRun tokens.
func roleBefore(ts []token, i int, lang string) string {
	k := i - 1
	floor := i - 4*maxNameRun
	start := -1
	var keep []int
	for k >= max(floor, 0) && len(keep) <= 12 {
		t := ts[k]
		if t.is(")") {
			// Skip back over a parenthesised aside.
			depth := 0
			for k >= max(floor, 0) {
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
		if t.kind == tQuote && lang == "ru" && k > 0 && ts[k-1].kind == tWord && ts[k-1].lower() && ruOrgWordForm(ts[k-1].low, 3) {
			// "представитель компании «Феникс-Менеджмент» Дмитрий
			// Калугин": the body's quoted name is the role's
			keep = append(keep, k)
			k--
			continue
		}
		if t.kind != tWord {
			break
		}
		lw := t.low
		if lang == "ru" {
			// "и", "по", "при" and "с" join the words of a role
			// ("заместитель директора департамента по персоналу и
			// социальной политике", "Уполномоченный при президенте РФ по
			// правам человека", "спецпредставитель премьер-министра Грузии
			// по урегулированию отношений с Россией")
			// ("с президентом Украины" is with another)
			joins := lw == "и" || lw == "по" || lw == "при" || lw == "в" || lw == "с" && k+1 < i && !isRole(ts[k+1].text, lang)
			if ruStop[lw] && !joins {
				break
			}
			if ruMediaHead(lw) && endsWith(lw, "е", "у", "ю") && start >= 0 {
				break // "заявил газете The Financial Times глава …": told, not held
			}
			if _, _, given := ruGivenName(t.text); given && start >= 0 && holdsRoleBefore(ts, k) {
				// "с заместителем полпреда Олегом Машковцевым и
				// губернатором Пермского края Максимом Решетниковым", "с
				// вице-премьером Виталием Мутко губернатор …": the name is
				// another's, whose role ends there
				break
			}
			if start >= 0 && ruRoleNom(ts[keep[start]].low) && isRuRole(lw) && !ruRoleNom(lw) && !(k > 0 && ruRoleNom(ts[k-1].low)) {
				// "интервью бизнесмена пресс-секретарь президента Юлия
				// Мендель": a role's genitive follows its head; one
				// before the head in the nominative is another phrase's
				// (but "заместитель главы Отдела … протоиерей Николай")
				break
			}
			if _, ok := ruVerb(lw); ok || ruPastInIl(t.text) && !isRole(lw, lang) {
				// a role holds no verb: "суд … освободил экс-депутата
				// парламента Крыма Валерия Гриневича"
				break
			}
		} else {
			if enStop[lw] && lw != "of" && lw != "for" && lw != "and" {
				break
			}
			if lw == "and" && k > 0 && ts[k-1].cap() && !ts[k-1].acronym() && !isRole(ts[k-1].text, lang) && ts[k+1].lower() {
				// "former astronaut Tom Stafford and retired aerospace
				// executive Tom Young": another's name ends there (but
				// "Secretary of Health and Human Services")
				break
			}
			if _, ok := enVerbs[lw]; ok && !enRoleWords[lw] && t.lower() {
				break // (a capitalised verb names: "State Department spokesman")
			}
			if t.lower() && !isRole(t.text, lang) && lw != "of" && lw != "for" && lw != "and" && start < 0 {
				break
			}
		}
		keep = append(keep, k)
		if isRole(t.text, lang) && !honorifics[strings.TrimSuffix(lw, ".")] {
			// (an honorific is no role: "Sir Keir Starmer")
			if lang == "ru" && ruDativeRole(lw) {
				break // "говорит Агентству социальной информации Синельников": told, not held
			}
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
		// (In Russian only a Latin title: "CEO компании Binance"; "ТАСС"
		// before a role is where the words came from.)
		if (lang == "en" && (t.acronym() || t.cap()) || t.acronym() && enRoleWords[t.low]) && !enStop[t.low] {
			start++
			continue
		}
		break
	}
	// A Russian role's adjectives in the nominative are its own
	// ("Генеральный прокурор", "научный сотрудник"), but for those that say
	// it is not held as written ("бывший", "будущий": below); a role in an
	// oblique case is given without them.
	adjectives := 0
	for lang == "ru" && start+1 < len(keep) && ruRoleNom(ts[keep[start]].low) {
		t := ts[keep[start+1]]
		if !ruNomAdjective(t.low) || !ruAdjectiveAgrees(t.low, ts[keep[start]].low) || utf8.RuneCountInString(t.low) < 5 || ruFormer(t.low) || startsWith(t.low, ruNotYetRoleStems...) ||
			t.cap() && keep[start+1] > 0 && !endsSentence(ts[keep[start+1]-1]) {
			break
		}
		start++
		adjectives++
	}
	var words []string
	for x := start; x >= 0; x-- {
		words = append(words, ts[keep[x]].text)
	}
	if lang == "ru" && start+1 < len(keep) {
		switch before := ts[keep[start+1]].low; {
		case ruFormer(before) && !strings.Contains(words[0], "-"):
			// "бывший министр финансов": a former minister is no minister
			// ("бывший литовский премьер-министр": a country's adjective
			// stays before, "литовский экс-премьер-министр")
			k := 0
			for k < adjectives && demonymOf(lower(words[k])) != "" {
				k++
			}
			words[k] = "экс-" + words[k]
		case before == "обязанности" && start+2 < len(keep) && strings.HasPrefix(ts[keep[start+2]].low, "исполняющ"),
			strings.ReplaceAll(before, " ", "") == "и.о.":
			// "исполняющий обязанности губернатора", "и. о. главы": acting, as written
			return "и.о. " + strings.Join(words, " ")
		case before == "врио":
			return "врио " + strings.Join(words, " ")
		case startsWith(before, ruNotYetRoleStems...) && !endsWith(before, "ем", "ее"):
			// "будущий губернатор", "почетный президент клуба": the role
			// is not held, or not as the word says; say none (but "в
			// отдаленном будущем президент …" is the noun, "future")
			return ""
		}
	}
	for len(words) > 0 && (words[0] == "of" || words[0] == "for" || words[0] == "and" || words[0] == "и") {
		words = words[1:]
	}
	for len(words) > 0 {
		w := words[len(words)-1]
		if nameLink[w] || w == "и" || w == "по" || w == "при" {
			words = words[:len(words)-1]
			continue
		}
		if lang == "ru" && len(words) > 1 && verbBeforeName(w) {
			// "заместителем главы Орска по муниципальному хозяйству
			// назначен", "… занял": no word of the role
			words = words[:len(words)-1]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// ruAdjectiveAgrees reports whether a Russian adjective in the nominative
// may go with a role word in the nominative singular: no plural one
// ("предложение депутат"), a neuter one with a neuter noun ("немецкое
// издание"), a feminine one with a noun in -а, -я ("украинская певица"), a
// masculine one with any ("новый глава").
func ruAdjectiveAgrees(adj, noun string) bool {
	switch {
	case endsWith(adj, "ые", "ие"):
		return false
	case endsWith(adj, "ое", "ее"):
		return endsWith(noun, "е", "о")
	case endsWith(adj, "ая", "яя"):
		return endsWith(noun, "а", "я")
	}
	return true
}

// holdsRoleBefore reports whether the Russian given name ts[k] and the
// surname after it are another person's, between two roles: the next role
// word follows the surname ("Виталием Мутко губернатор …") or "и" and a
// role word in the name's case ("Олегом Машковцевым и губернатором",
// "Виктор Рябишин и мэр"); not "президента Владимира Путина и куратор …",
// whose roles, in two cases, are one man's.
func holdsRoleBefore(ts []token, k int) bool {
	if k+2 >= len(ts) || !ts[k+1].cap() {
		return false
	}
	if r := ts[k+2]; r.kind == tWord && r.lower() && isRuRole(r.low) {
		return true
	}
	if k+3 >= len(ts) || !ts[k+2].is("и") || !isRuRole(ts[k+3].low) {
		return false
	}
	return ruCaseClass(ts[k].text) == ruCaseClass(ts[k+3].text)
}

// ruCaseClass tells, roughly, the case of a Russian noun or name: 0 the
// nominative (as the lexicons give it), 1 the instrumental (-ом, -ем, -ой,
// -ей), 2 another.
func ruCaseClass(w string) int {
	lw := lower(w)
	if nom, _, ok := ruGivenName(w); ok && nom == w || ruRoleNom(lw) {
		return 0
	}
	if endsWith(lw, "ом", "ем", "ой", "ей", "ым", "им") {
		return 1
	}
	return 2
}

// ruNotYetRoleStems open adjectives before a Russian role word that say
// its holder does not hold it, or not in full: "будущий губернатор",
// "почетный президент", "несостоявшийся мэр", "покойный патриарх".
var ruNotYetRoleStems = []string{"будущ", "почетн", "почётн", "несостоявш", "покойн", "потенциальн", "предполагаем", "возможн", "новоизбранн"}

// enClauseOpeners open a clause after a role ("a professor whose research
// includes …", "who was an adviser … but") or after a name ("Mrs. Clinton,
// even some allies questioned why …"): the role ends before them.
var enClauseOpeners = toSet(`who whose whom which that but where when while why whether how if because although though unless until even`)

// appositive returns a role given after the name: "Smith, the company's
// spokesman," / "Ильхам Ахмед, курдский политический деятель". A Russian
// apposition agrees with the name: after a name in an oblique case (one a
// word before it governs) it opens on its role word in one, at most two
// adjectives before it ("по словам Евгения Насонова, члена правления"),
// and a nominative there opens a clause ("По словам Евгения Насонова,
// премьер лишь привел …").
func appositive(ts []token, j int, lang string, oblique bool) string {
	if j >= len(ts) || !ts[j].is(",") {
		return ""
	}
	var words []string
	hasRole := false
	for k := j + 1; k < len(ts) && (k < j+12 || k < j+20 && lang == "en" && nameGoesOn(ts, k)); k++ {
		t := ts[k]
		if t.is(".") && abbrevDot(ts, k) && len(words) > 0 {
			words[len(words)-1] += "."
			continue
		}
		if t.kind != tWord {
			break
		}
		lw := t.low
		if lang == "en" {
			if _, ok := enVerbs[lw]; ok && !enRoleWords[lw] || enClauseOpeners[lw] || enClauseVerb(lw) {
				break
			}
			if len(words) == 0 && (lw == "the" || lw == "a" || lw == "an") {
				continue
			}
			if len(words) == 0 && lw == "as" {
				return "" // "Noah Wall, as well as the White House …": others who spoke, no role
			}
			if len(words) == 0 && strings.HasSuffix(lw, "ing") && !isRole(lw, lang) && !(k+1 < len(ts) && isRole(ts[k+1].text, lang)) {
				// "ally of Mr. Clinton, referring to the former
				// president's …": a participle's clause, no apposition
				// (but "ranking member", "founding director")
				break
			}
		} else if _, ok := ruVerb(lw); ok {
			break
		} else if len(words) == 0 && (lw == "как" || lw == "будучи") {
			// "Виндман, как прямой свидетель разговора, подтвердил":
			// in what capacity he spoke, no role
			return ""
		}
		if isRole(t.text, lang) && (lang != "ru" || !isRuOrg(lw) && (oblique && ruObliqueApposition(words, lw) || !oblique && ruRoleNom(lw))) {
			// A Russian apposition agrees with the name: "Наталья, в
			// прошлом художник по костюмам", not "Ирина Забияка, в
			// разговоре с журналистами"; and a body is no person's
			// role ("как заявил Лев Пономарёв, суд «во многом не прав»").
			hasRole = true
		}
		words = append(words, t.text)
	}
	if !hasRole {
		return ""
	}
	for len(words) > 1 && (lang == "en" && enStop[lower(words[len(words)-1])] || lang == "ru" && ruStop[lower(words[len(words)-1])]) {
		words = words[:len(words)-1] // cut off inside "professor of globalization and development"
	}
	if lang == "en" && !slices.ContainsFunc(words, func(w string) bool { return isRole(w, lang) && !enRoleModifiers[lower(w)] }) {
		return "" // "Taylor Swift, her former record label": no role word left
	}
	if lang == "en" && len(words) > 1 && strings.HasSuffix(words[0], "ed") && enPreposition(lower(words[1])) {
		return "" // "Michael Thomas, assigned to Epstein's special housing unit": a participle's phrase
	}
	return strings.Join(words, " ")
}

// ruObliqueApposition reports whether the role word lw, after the words
// before it, opens an apposition in an oblique case: it is in one, and so
// are the (at most two) lower-case adjectives before it.
func ruObliqueApposition(before []string, lw string) bool {
	return ruObliqueRole(lw) && len(before) < 3 && !slices.ContainsFunc(before, func(w string) bool {
		return !ruAdjectival(w) || ruNomAdjective(w) || firstUpper(w)
	})
}

// nameGoesOn reports whether ts[k] continues the capitalised name ts[k-1]
// belongs to ("… at Columbia University Mailman School of Public Health"):
// a role read up to a limit of words is not cut inside a name.
func nameGoesOn(ts []token, k int) bool {
	prev, t := ts[k-1], ts[k]
	if nameLink[prev.low] && k >= 2 {
		prev = ts[k-2] // "Department of | Health"
	}
	if prev.kind != tWord || !(prev.cap() || prev.acronym()) || t.kind != tWord {
		return false
	}
	if nameLink[t.low] {
		return k+1 < len(ts) && ts[k+1].cap()
	}
	return t.cap() || t.acronym()
}

// nameLink are the lower-case words inside a body's name ("Department of
// Health", "Center for …").
var nameLink = toSet(`of for and`)

// descStart returns where the description whose head is ts[i] starts:
// at the adjectives and role words before the head.
func descStart(ts []token, i int, lang string) int {
	start := i
	for start > 0 && start > i-maxNameRun {
		t := ts[start-1]
		if t.kind != tWord {
			break
		}
		lw := t.low
		if lang == "en" && (t.cap() || t.acronym()) && !enStop[lw] {
			start--
			continue
		}
		if lang == "ru" && (ruAdjectival(t.text) || ruFormer(lw) || isRuRole(lw) && !t.cap() && !ruBodyNouns[lw]) && !ruStop[lw] {
			// Adjectives and role words before the head; a body
			// ("пресс-служба казанского Кремля главу республики") is
			// another noun phrase.
			start--
			continue
		}
		break
	}
	return start
}

// possessed reports whether the description whose head is ts[i] follows a
// possessive pronoun ("её двоюродная сестра", "his lawyer"): it names
// someone else than whom the pronoun refers to.
func possessed(ts []token, i int, lang string) bool {
	k := descStart(ts, i, lang) - 1
	if lang == "en" && slices.ContainsFunc(ts[k+1:i], func(t token) bool { return stripPossessive(t.text) != t.text }) {
		return true // "New York's chief medical examiner"
	}
	if k < 0 || ts[k].kind != tWord {
		return false
	}
	switch ts[k].low {
	case "его", "ее", "её", "их", "his", "her", "their":
		return true
	}
	return false
}

// descText returns the words of a description starting at ts[i] and the
// genitive words after it ("глава МВД Турции", "FSB Director").
func descText(ts []token, i int, lang string) string {
	start := descStart(ts, i, lang)
	end := i + 1
	for end < len(ts) && end < i+5 {
		t := ts[end]
		if t.kind != tWord || outletAt(ts, end) > end && !reporterRoles[roleHead(ts[i].low, lang)] {
			break // "представитель суда РИА Новости"; but "корреспондент УНИАН"
		}
		lw := t.low
		if lang == "ru" {
			if ruStop[lw] || ruAdverbs[lw] || ruBodyNouns[lw] {
				break // (not "президент прямо говорит", "главу республики пресс-служба Кремля")
			}
			if _, ok := ruVerb(lw); ok {
				break
			}
			if _, past := ruPastTense(lw); past && t.lower() && !isRuRole(lw) && !isRuOrg(lw) {
				break // "Губернатор поздравил всех собравшихся": a verb, no qualifier
			}
		} else if !(t.cap() || t.acronym()) || enStop[lw] {
			break
		}
		end++
	}
	if lang == "en" && end+1 < len(ts) && ts[end].is("of") {
		// "the head of the hotel federation in Florence": whose role it
		// is qualifies it, up to the verb.
		k := end + 1
		if enDeterminers[ts[k].low] {
			k++
		}
		n := 0
		for k < len(ts) && n < 4 && ts[k].kind == tWord && !enStop[ts[k].low] && enVerbs[ts[k].low] == "" {
			k++
			n++
		}
		if n > 0 {
			end = k
		}
	}
	var b strings.Builder
	n := 0
	for _, t := range ts[start:end] {
		n += len(t.text) + 1
	}
	b.Grow(n)
	for k, t := range ts[start:end] {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
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

func roleStemOf(h string) string {
	rs := []rune(h)
	if len(rs) > 5 {
		return string(rs[:len(rs)-2])
	}
	return h
}

// leaderStems name the head of a body, in any case; an article calls one
// person by several of them ("глава Госпогранкомитета", later
// "председатель Госпогранкомитета").
var leaderStems = []string{"глав", "председател", "руководител", "начальник", "директор", "гендиректор",
	"head", "chief", "chairman", "chairwoman", "director", "leader"}

func leaderWord(w string) bool {
	w = masculineRole(w)
	for _, st := range leaderStems {
		if strings.HasPrefix(w, st) && utf8.RuneCountInString(w)-utf8.RuneCountInString(st) <= 3 {
			return true
		}
	}
	return false
}

// sameLeader reports whether role r names the head of a body as head h
// does, in other words; a former head ("экс-глава") only as a former one.
func sameLeader(r, h string) bool {
	former, h := cutFormer(h)
	if !leaderWord(h) {
		return false
	}
	for _, w := range strings.Fields(r) {
		if f, w := cutFormer(w); f == former && leaderWord(w) {
			return true
		}
	}
	return false
}

// cutFormer returns a role word less the prefix of a former holder
// ("экс-глава", "ex-president"), and whether it had one.
func cutFormer(w string) (bool, string) {
	for _, p := range []string{"экс-", "ex-"} {
		if b, ok := strings.CutPrefix(w, p); ok {
			return true, b
		}
	}
	return false, w
}

// qualifierWords returns the words of a description other than its head,
// of five letters or more, a country's short name as its name: "глава
// украинского ведомства" → "украинского", "ведомства".
func qualifierWords(desc, head string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(lower(desc), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if a, ok := countryAliases[w]; ok {
			w = a
		}
		if utf8.RuneCountInString(w) < 5 || w == head || strings.HasSuffix(head, "-"+w) || ruStop[w] || enStop[w] || ruFormer(w) {
			continue // (a former holder is named by the role held: "экс-президент")
		}
		out = append(out, w)
	}
	return out
}

// qualifies reports whether role r (lower case) holds the qualifier word q:
// a word of r starts as q does (its first five letters), or q is a Russian
// compound of the starts of words of r ("минздрава" of "министерства
// здравоохранения", "госдумы" of "государственной думы").
func qualifies(r, q string) bool {
	rs := []rune(q)
	if containsStem(r, string(rs[:5])) {
		return true
	}
	words := strings.FieldsFunc(r, func(r rune) bool { return !unicode.IsLetter(r) })
	for i := range words {
		if compoundOf(rs, words[i:], 0) {
			return true
		}
	}
	return false
}

// compoundOf reports whether q is made of the starts, three letters or
// more, of two or more of words from the first on, less an ending of up to
// two letters; used is how many words q has taken so far.
func compoundOf(q []rune, words []string, used int) bool {
	if len(q) <= 2 {
		return used >= 2
	}
	if len(words) == 0 {
		return false
	}
	w := []rune(words[0])
	n := 0
	for n < len(q) && n < len(w) && q[n] == w[n] {
		n++
	}
	for k := n; k >= 3; k-- {
		if compoundOf(q[k:], words[1:], used+1) {
			return true
		}
	}
	return false
}

// countryAliases are the short names of countries that roles give in full
// elsewhere ("президент РФ" is the "глава России").
var countryAliases = map[string]string{"рф": "россия", "сша": "соединенные"}

// containsStem reports whether a word of s starts with stem.
func containsStem(s, stem string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if a, ok := countryAliases[f]; ok {
			f = a
		}
		if strings.HasPrefix(f, stem) {
			return true
		}
	}
	return false
}

// genericHeads head descriptions that name nobody by themselves ("глава
// украинского ведомства"): their qualifiers must match the role.
var genericHeads = toSet(`глава руководитель лидер шеф head chief leader`)

// spokesRole are roles of someone speaking for a body: an unnamed
// "представитель МИД" is the ministry speaking.
var spokesRole = toSet(`представитель представительница пресс-секретарь пресс-служба пресс-центр спикер источник
spokesman spokeswoman spokesperson representative spokespeople spokesmen source sources official officials`)

// ruRoleNomText brings a Russian role whose first word is a role word in
// the genitive to the nominative, its complement as written ("главы
// Александровского сельсовета" → "глава Александровского сельсовета",
// "губернатора" → "губернатор"); a role in the plural ("депутатов …") is
// no one person's and becomes "".
func ruRoleNomText(role string) string {
	w0, rest, _ := strings.Cut(role, " ")
	lw := lower(w0)
	if lw == "" || ruRoleNom(lw) {
		return role
	}
	if w1, _, _ := strings.Cut(rest, " "); ruFormer(lw) && isRuRole(lower(w1)) {
		// "Бывший президент", "бывшего главы МИД": a former holder, as
		// roleBefore writes one ("экс-президент")
		f, tail, _ := strings.Cut(ruRoleNomText(rest), " ")
		return strings.TrimSpace("экс-" + lower(f) + " " + tail)
	}
	if ws := strings.Fields(role); len(ws) > 1 && ruAdjectival(lw) && !ruNomAdjective(lw) {
		// Adjectives before the role word agree with it: "главного
		// научного сотрудника" → "главный научный сотрудник".
		k := 1
		for k < len(ws) && k < 3 && ruAdjectival(ws[k]) && !isRuRole(lower(ws[k])) {
			k++
		}
		tail := strings.Join(ws[k:], " ")
		if nom := ruRoleNomText(tail); nom != tail && nom != "" && !ruRoleNom(lower(ws[k])) {
			g := ruNounGender(lower(strings.Fields(nom)[0]))
			for i := range ws[:k] {
				ws[i] = ruAdjNom(ws[i], g)
			}
			return strings.Join(ws[:k], " ") + " " + nom
		}
	}
	if strings.HasSuffix(lw, "е") && !ruOrgWords[lw] && isRuOrg(lw) {
		// "в пресс-службе управления сообщили": a body's word in the
		// locative ("ведомстве", "министерстве", "суде")
		if nom := ruOrgNom(w0); nom != w0 {
			return strings.TrimSpace(nom + " " + rest)
		}
	}
	if ruPluralRole(lw) {
		return ""
	}
	h := ruRoleForm(lw)
	// Only the genitive, the case a cue and a role's complement ask for,
	// the accusative of a role in -а ("цитирует … главу республики") and
	// the instrumental ("на встрече с президентом Федерации хоккея России
	// Владиславом Третьяком"): "губернатора", "председателя", "главы",
	// "президентом", "главой"; "политике" may be the policy's, "депутаты"
	// are many.
	hardHead := !endsWith(h, "а", "я")
	if h == "" || !(hardHead && endsWith(lw, "а", "я", "ом", "ем") || !hardHead && endsWith(lw, "ы", "и", "у", "ю", "ой", "ей")) {
		return role
	}
	if r, _ := utf8.DecodeRuneInString(w0); unicode.IsUpper(r) {
		hr, n := utf8.DecodeRuneInString(h)
		h = string(unicode.ToUpper(hr)) + h[n:]
	}
	if rest == "" {
		return h
	}
	return h + " " + rest
}

// ruFormer reports whether a lower-case Russian word is a form of "бывший":
// the role after it is no longer held ("экс-").
func ruFormer(w string) bool { return strings.HasPrefix(w, "бывш") }
