package quote

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxPhrase is the most tokens of a phrase parsePhrase reads (prose needs
// fewer than fifty).
const maxPhrase = 128

// parsePhrase finds who a phrase names: the first person's name (with the
// role words before it, or an appositive after a comma), else a pronoun at
// its start, a body, or a description. cas is the Russian case expected of
// the name. It returns false when the phrase names nobody.
func (d *doc) parsePhrase(toks []token, cas int, nearest bool) (mention, bool) {
	if !d.spend(len(toks)) {
		return mention{}, false
	}
	lang := d.lang
	// Cut at the first stop, or after maxPhrase tokens, and drop
	// parenthesised asides (copying the tokens only when there is one).
	end, aside := len(toks), false
	for k, t := range toks {
		if k == maxPhrase || stopPhrase(t, lang) && !(t.text == "." && k > 0 && abbrevDot(toks, k)) || lang == "ru" && secondPredicate(toks, k) {
			end = k
			break
		}
		aside = aside || t.is("(") || t.is("[") || t.is(")") || t.is("]")
	}
	ts := toks[:end:end]
	if aside {
		ts = nil
		depth := 0
		for _, t := range toks[:end] {
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
	}
	if len(ts) == 0 {
		return mention{}, false
	}
	if lang == "ru" {
		// "сообщает РИА VladNews со ссылкой на пресс-службу таможни",
		// "ссылаясь на источник": the outlet relays, and who is cited
		// spoke.
		for k := 0; k+2 < len(ts); k++ {
			if ts[k+1].low == "на" && (ts[k].low == "ссылкой" && k > 0 && ts[k-1].low == "со" || ts[k].low == "ссылаясь") {
				ts, cas = ts[k+2:], caseAcc
				break
			}
		}
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
			q := quotedName(t, lang)
			if q != "" && lang == "ru" && i > 0 && ruPrepositions[ts[i-1].low] {
				// "в «Нафтогазе» ответили": the name is inflected; the body
				// speaks under the nominative the article gives it, else
				// unnamed (no other body stands in for it).
				if nom := d.quotedNominative(q); nom != "" {
					q = nom
				} else {
					descs = append(descs, found{mention{kind: kDesc, head: lower(q), indef: true, pos: t.s}, i})
					continue
				}
			}
			if q != "" && lang == "ru" && i > 0 && ts[i-1].acronym() && ruMediaAcronyms[ts[i-1].low] {
				// "РИА «Новости» сообщило", "ИА «Регнум»": one outlet's name.
				if n := len(orgs); n > 0 && orgs[n-1].at == i-1 {
					orgs = orgs[:n-1]
				}
				orgs = append(orgs, found{mention{kind: kOrg, org: ts[i-1].text + " " + q, pos: ts[i-1].s}, i - 1})
				continue
			}
			if q != "" {
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
		if i0, j := d.nameAt(ts, i); j > i {
			if lang == "en" && i > 0 && (enPlacePrepositions[ts[i-1].low] || i > 1 && ts[i-1].low == "the" && enPlacePrepositions[ts[i-2].low]) {
				// "Health authorities in China’s Inner Mongolia", "a
				// wooden fishing boat in the Bering Sea", "a report in the
				// Argus Leader of Sioux Falls": a place, or where the words
				// were printed; who spoke is named elsewhere or not at all.
				for j < len(ts) {
					t := ts[j]
					possessed := stripPossessive(ts[j-1].text) != ts[j-1].text
					if !possessed && !(t.kind == tWord && (t.cap() || t.acronym() || t.low == "of" && j+1 < len(ts) && ts[j+1].cap())) {
						break
					}
					_, j2 := nameSpan(ts, j, lang)
					j = max(j2, j+1)
				}
				i = j - 1
				continue
			}
			if lang == "en" && i0 > 0 && enObjectPrepositions[ts[i0-1].low] {
				// "The Conservatives’ letter to Daniel Greenberg … said":
				// whom the words are to or about, never who said them.
				i = j - 1
				continue
			}
			i = i0
			words := runWords(ts, i, j)
			if len(words) == 1 && utf8.RuneCountInString(words[0]) == 1 {
				continue // a letter alone ("E! News" cut at its "!") names no one
			}
			first, last := words[:len(words)-1], stripPossessive(words[len(words)-1])
			if r := roleAfter(ts, j, lang); lang == "en" && last != words[len(words)-1] && r >= 0 {
				// "Israel's military", "Bloomberg's campaign": the body is
				// the possessor's. "Al Jazeera's manager": whose the role
				// is, not who holds it. ("Clinton's response" is Clinton's.)
				if n := len(descs); n > 0 && descs[n-1].at == i-1 {
					descs = descs[:n-1] // the possessor's title: "President Trump's advisers"
				}
				if r == j && enOrgWords[ts[j].low] {
					orgs = append(orgs, found{mention{kind: kOrg, org: strings.Join(words, " ") + " " + ts[j].text, pos: t.s}, i})
					i = j
				} else {
					i = j - 1
				}
				continue
			}
			if lang == "en" && last != words[len(words)-1] && j < len(ts) && ts[j].lower() && enPlural(ts[j].low) && !enStop[ts[j].low] && !enSpeechNouns[ts[j].low] {
				// "some of Trump’s defenders": people of his, not he
				// ("Obama’s words" are his)
				descs = append(descs, found{mention{kind: kDesc, head: ts[j].low, indef: true, pos: ts[j].s}, j})
				i = j
				continue
			}
			if lang == "en" && len(words) == 1 && d.knownSurname(last) && j < len(ts) && ts[j].lower() && enPlural(ts[j].low) && (isRole(ts[j].text, lang) || isRole(strings.TrimSuffix(ts[j].low, "s"), lang)) && !(j+1 < len(ts) && ts[j+1].cap()) {
				// "Trump aides" after Donald Trump: people of his, not
				// he ("Trump adviser Stephen Miller" is a role before a
				// name). A name not known as a person's may be a body's,
				// whose officials speak for it ("Con Edison officials").
				descs = append(descs, found{mention{kind: kDesc, head: ts[j].low, indef: true, role: strings.Join(words, " ") + " " + ts[j].text, pos: t.s}, j})
				i = j
				continue
			}
			if lang == "en" && len(words) > 1 && allRoleWords(words) {
				// "Senior Vice President of Sales": a role in capitals,
				// read as one below, is no one's name ("Mr. King" is).
				continue
			}
			if street, place := ruPlaceName(ts, i); lang == "ru" && i > 0 && isCyrillicWord(ts[i].text) && (ruPlacePrepositions[ts[i-1].low] || street || place && !personEvidence(ts, i, j, lang)) {
				// "в городе Алтай в Синьцзяне", "на улице Розы Люксембург":
				// a place, never who spoke ("глава города Сергей Панчин"
				// is a person by his given name)
				i = j - 1
				continue
			}
			m := mention{kind: kPerson, first: first, last: last, pos: t.s, cas: cas}
			if lang == "ru" && cas == caseNom {
				m.cas = caseBefore(ts, i)
				if m.cas == caseDat || m.cas == caseIns || m.cas == casePrep {
					// "прокомментировал бизнес-омбудсмен приговор господину
					// Каковкину", "в беседе с Путиным": whom the speech is
					// to or about, never who spoke.
					i = j - 1
					continue
				}
			}
			m.strong = personEvidence(ts, i, j, lang)
			m.role = roleBefore(ts, i, lang)
			if m.role == "" {
				m.role = appositive(ts, j, lang, lang == "ru" && governsOblique(ts, i))
			}
			if lang == "ru" && !isCyrillicWord(words[0]) && (!m.strong || len(words) == 1) {
				// A Latin name in Russian text is a body: Reuters, Deutsche Welle;
				// one Latin word is, even after a role ("собеседница Reuters").
				orgs = append(orgs, found{mention{kind: kOrg, org: strings.Join(words, " "), pos: t.s}, i})
				i = j - 1
				continue
			}
			if lang == "ru" && len(words) == 1 && j < len(ts) && ts[j].acronym() && ruNomAdjective(lower(words[0])) && !strings.HasSuffix(words[0], "ые") && !strings.HasSuffix(words[0], "ие") {
				// "Турецкий МИД заявил": a singular adjective opening the
				// sentence before a body's acronym is the body's, not a
				// surname ("Верующие УПЦ" are people); a country's names
				// the body in full, "МИД Турции".
				org := ruCountryBody(words[0], ts[j].text)
				if org == "" {
					org = lower(words[0]) + " " + ts[j].text
				}
				orgs = append(orgs, found{mention{kind: kOrg, org: org, pos: t.s}, i})
				i = j
				continue
			}
			if lang == "ru" && len(words) == 1 && ruNomAdjective(lower(words[0])) && j < len(ts) && ts[j].kind == tWord && ts[j].lower() && (ruNomAdjective(ts[j].low) && !strings.HasSuffix(ts[j].low, "ее") || isRuOrg(ts[j].low)) {
				// "Замоскворецкий суд Москвы признал", "Немецкий
				// автомобильный гигант Volkswagen заявил": an adjective
				// before its noun, not a surname before its verb.
				i = j - 1
				continue
			}
			if lang == "ru" && len(words) == 1 && i > 0 && isRuRole(ts[i-1].low) && j < len(ts) && ts[j].kind == tWord && ts[j].lower() && ruGenitiveOfName(ts[j].low) {
				// "специалист Центра развития НКО": a body's word in the
				// genitive with the words of its name, not a surname.
				i = j - 1
				continue
			}
			if lang == "ru" && len(words) == 1 && (!m.strong || d.commonWordAt(ts, i)) && !d.knownSurname(words[0]) {
				// One Cyrillic word, no person's evidence, no one of that
				// surname in the article: not a name.
				i = j - 1
				continue
			}
			if lang == "en" && !m.strong && !d.knownSurname(last) {
				// "the Heritage Foundation", "the Homeland Security
				// Department", "the Citizenship and Immigration Services":
				// the words open a body's name, with the capitalised words
				// before them ("New York Times").
				if o, k := orgAt(ts, i, lang); k >= j {
					at := i
					for at > 0 && i-at < 3 && ts[at-1].kind == tWord && ts[at-1].cap() && !d.startsSentence(ts[at-1].s) {
						at--
					}
					if at < i {
						o = strings.Join(runWords(ts, at, i), " ") + " " + o
					}
					orgs = append(orgs, found{mention{kind: kOrg, org: o, pos: ts[at].s}, at})
					i = k - 1
					continue
				}
			}
			if lang == "en" && !m.strong && len(words) > 1 && enPlaceFirst[lower(words[0])] && enPlural(lower(last)) {
				// "a series of South Dakotans", "New Yorkers": people of a
				// place, not a name
				descs = append(descs, found{mention{kind: kDesc, head: lower(last), indef: true, pos: t.s}, i})
				i = j - 1
				continue
			}
			if lang == "en" && !m.strong && len(words) == 1 && i > 0 && (ts[i-1].is("one") || ts[i-1].is("a") || ts[i-1].is("an") || ts[i-1].is("another")) && !(j < len(ts) && d.enModifies(ts[j])) {
				// "said one Republican involved in the planning": a kind of
				// person, not a name
				descs = append(descs, found{mention{kind: kDesc, head: lower(words[0]), indef: true, pos: ts[i-1].s}, i})
				continue
			}
			// Two capitalised words before a plural qualify it too: "South
			// Korean officials", "Central European leaders".
			pair := len(words) == 2 && j < len(ts) && enPlural(ts[j].low) && d.enModifies(ts[j])
			if lang == "en" && !m.strong && (len(words) == 1 || pair) && !d.knownSurname(words[len(words)-1]) {
				lw0 := lower(words[0])
				sentStart := i > 0 && endsSentence(ts[i-1]) || i == 0 && d.opensSentence(t.s)
				if j < len(ts) && (d.enModifies(ts[j]) || ts[j].acronym() && isRole(ts[j].text, lang)) {
					// "American officials", "Israeli election results": the
					// phrase is about what the noun names. A body's noun
					// makes the two a body ("Trump administration"); a role
					// word is read as one below; a thing names no speaker.
					switch h := ts[j]; {
					case enOrgWords[h.low]:
						orgs = append(orgs, found{mention{kind: kOrg, org: strings.Join(words, " ") + " " + h.text, pos: t.s}, i})
						i = j
					case !isRole(h.text, lang):
						descs = append(descs, found{mention{kind: kDesc, head: h.low, role: strings.Join(words, " ") + " " + h.text, pos: t.s}, j})
						i = j - 1
					default:
						i = j - 1
					}
					continue
				}
				if len(words) == 1 && len(lw0) >= 4 && enPlural(lw0) && (i == 0 && d.startsSentence(t.s) && (!d.inText(words[0]) || d.inText(lw0)) || i > 0 && (enQuantifiers[ts[i-1].low] || ts[i-1].low == "of") || d.inText(words[0][:len(words[0])-1])) {
					// "Allies say", "Politicians say": a bare plural that
					// opens the sentence is people the text does not name,
					// as is a quantity of them ("many Latinos have said",
					// "a number of Democrats said") or the plural of a word
					// the text writes alone ("Republicans acknowledge" where
					// it has "Republican").
					descs = append(descs, found{mention{kind: kDesc, head: lw0, indef: true, pos: t.s}, i})
					i = j - 1
					continue
				}
				bodyNext := j < len(ts) && ts[j].cap() && enOrgWords[ts[j].low]
				if strings.HasSuffix(lw0, "ing") || strings.HasSuffix(lw0, "ed") || strings.Contains(words[0], "-") ||
					strings.ContainsAny(words[0], "’'") || sentStart && !d.inText(words[0]) || bodyNext {
					i = j - 1
					continue
				}
			}
			if r := roleAfter(ts, j, lang); lang == "en" && r >= 0 {
				if _, e := nameSpan(ts, r+1, lang); e > r+1 {
					// "Former Republican presidential candidate Jeb Bush":
					// the words before the role qualify it; the name is after
					i = j - 1
					continue
				}
			}
			persons = append(persons, found{m, i})
			if m.strong && !nearest && (len(m.first) > 0 || lang != "ru") {
				break // the answer: nothing after it changes it
			}
			i = j - 1
			continue
		}
		if lang == "en" && t.lower() && enOrgWords[lw] && i+1 < len(ts) && ts[i+1].cap() {
			// "whale rescue group Project Jonah", "research firm Gartner":
			// the capitalised words after a body's noun are its name,
			// unless they are a person's named in the text ("the company
			// Trump founded").
			k := i + 1
			for k < len(ts) && k < i+7 && ts[k].kind == tWord && (ts[k].cap() || ts[k].acronym()) {
				k++
			}
			if name := runWords(ts, i+1, k); !d.knownSurname(stripPossessive(name[len(name)-1])) && !enStop[ts[i+1].low] {
				orgs = append(orgs, found{mention{kind: kOrg, org: strings.Join(name, " "), role: lw, pos: ts[i+1].s}, i + 1})
				i = k - 1
				continue
			}
		}
		// Bodies.
		if o, j := orgAt(ts, i, lang); j > i && utf8.RuneCountInString(o) > 1 {
			if lang == "en" && j == i+1 && enPlural(lw) && i > 0 && (enQuantifiers[ts[i-1].low] || ts[i-1].low == "of") {
				// "Some Democrats argued", "36 percent of Democrats said":
				// members counted, not their party.
				descs = append(descs, found{mention{kind: kDesc, head: lw, indef: true, pos: t.s}, i})
				continue
			}
			if lang == "en" && j == i+1 && t.acronym() && utf8.RuneCountInString(t.text) >= 4 && d.startsSentence(t.s) && j < len(ts) && ts[j].kind != tWord && !ts[j].is(",") && !endsSentence(ts[j]) {
				continue // "ISLAMABAD — Pakistan's government has warned": a dateline
			}
			if lang == "en" && j == i+1 && !t.acronym() && enOrgWords[lw] && j < len(ts) && d.enModifies(ts[j]) && !enOrgWords[ts[j].low] {
				// "Company management said": the noun after it is the head
				descs = append(descs, found{mention{kind: kDesc, head: ts[j].low, role: t.text + " " + ts[j].text, indef: true, pos: t.s}, j})
				i = j
				continue
			}
			if lang == "ru" && j == i+1 && t.acronym() && i == 1 && ruHeadNoun(ts[0], d.startsSentence(ts[0].s)) {
				// "признаёт астронавт ЕКА": a body's acronym after a noun
				// that is no role is that noun's complement; the one it
				// names speaks, and the text does not say who.
				descs = append(descs, found{mention{kind: kDesc, head: ts[i-1].low, role: ts[i-1].text + " " + t.text, indef: true, pos: ts[i-1].s}, i - 1})
				continue
			}
			orgs = append(orgs, found{mention{kind: kOrg, org: o, pos: t.s}, i})
			i = j - 1
			continue
		}
		if lang == "en" && t.cap() && isRole(t.text, lang) && d.knownSurname(t.text) && !(i+1 < len(ts) && nameWord(ts[i+1], lang)) {
			// "Doctor said" after Ken Doctor, "said King" after Wayne
			// King: a surname that is also a role word
			persons = append(persons, found{mention{kind: kPerson, last: t.text, pos: t.s, cas: cas}, i})
			continue
		}
		if isRole(t.text, lang) && !honorifics[strings.TrimSuffix(lw, ".")] && !ruTitles[lw] {
			// The head of "government spokesman" is its last role word.
			if n := len(descs); n > 0 && descs[n-1].at == i-1 && lang == "en" {
				descs = descs[:n-1]
			}
			h, role := roleHead(lw, lang), descText(ts, i, lang)
			descs = append(descs, found{mention{kind: kDesc, head: h, role: role, pos: t.s, gender: roleGender(h, lang), indef: enIndefinite(ts, i, lang) || ruIndefinite(ts, i, lang), owned: possessed(ts, i, lang), place: ruPlaceOf(ts, i, role, lang)}, i})
		}
	}
	// A platform after a preposition is where the words were posted ("—
	// прокомментировали подписчики под фото в Instagram"), not who spoke.
	orgs = slices.DeleteFunc(orgs, func(f found) bool {
		return f.at > 0 && ts[f.at-1].kind == tWord && (ruPrepositions[ts[f.at-1].low] || enPlacePrepositions[ts[f.at-1].low]) && platforms[lower(f.m.org)]
	})
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
	if lang == "ru" && len(orgs) > 1 && len(persons) == 0 {
		// "фракции «Голос», «Батькивщина» и «Европейская солидарность»
		// призвали": several bodies named together speak together, none
		// alone.
		joined := true
		for k := 1; k < len(orgs) && joined; k++ {
			gap := ts[orgs[k-1].at+1 : orgs[k].at]
			joined = len(gap) == 1 && (gap[0].is(",") || gap[0].is("и") && k == len(orgs)-1)
		}
		if joined {
			return mention{kind: kDesc, head: "и", indef: true, gender: plural, pos: orgs[0].m.pos}, true
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
		p := pick(pronouns)
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
	if lang == "en" && len(ts) >= 3 && enQuantifiers[ts[0].low] && ts[1].lower() && enPlural(ts[1].low) && ts[2].is("of") {
		// "Some members of Congress have suggested": people counted, not
		// their body
		return mention{kind: kDesc, head: ts[1].low, indef: true, pos: ts[0].s}, true
	}
	if lang == "en" {
		// "The Verge’s Stadia review": whose the document is speaks in it
		if n := slices.IndexFunc(ts, func(t token) bool { return enDocNouns[t.low] }); n > 0 {
			for k := n - 1; k >= max(0, n-3) && ts[k].kind == tWord && (ts[k].cap() || ts[k].acronym()); k-- {
				if p := stripPossessive(ts[k].text); p != ts[k].text {
					i := k
					for i > 0 && ts[i-1].kind == tWord && ts[i-1].cap() && !ts[i-1].is("The") {
						i--
					}
					if i == k && i > 0 && ts[i-1].is("The") {
						i-- // "The Verge", not "Verge"
					}
					name := strings.Join(append(runWords(ts, i, k), p), " ")
					if d.knownSurname(p) {
						return mention{kind: kPerson, last: p, pos: ts[i].s, cas: cas}, true
					}
					return mention{kind: kOrg, org: name, pos: ts[i].s}, true
				}
			}
		}
		// "a poll … released on Friday by Latino Decisions", "a study by
		// …": a document's author speaks in it
		if b := slices.IndexFunc(ts, func(t token) bool { return t.is("by") }); b > 0 && slices.ContainsFunc(ts[:b], func(t token) bool { return enDocNouns[t.low] }) {
			var author *found
			for _, list := range [][]found{persons, orgs} {
				for k := range list {
					if list[k].at > b && (list[k].m.kind == kOrg || list[k].m.strong) && (author == nil || list[k].at < author.at) {
						author = &list[k]
					}
				}
			}
			if author != nil {
				m := author.m
				for _, f := range descs {
					if f.at > author.at && appositionOf(ts, author.at, f.at) {
						m.role = f.m.role // "…, a public opinion research group"
					}
				}
				return m, true
			}
		}
	}
	if lang == "en" && !nearest && len(persons) > 0 && len(descs) > 0 && enPlaceAfter(ts, descs[0].at, persons[0].m, persons[0].at) {
		// "Restaurant owners in Milan", "officials in Washington": the
		// capitalised word after the preposition says where, not who.
		return descs[0].m, true
	}
	if len(persons) > 0 {
		// Prefer a surely-a-person name over a capitalised word that may
		// not be one, and in Russian a full name over a lone word
		// ("председатель Ассоциации предпринимателей Республики Крым …
		// Иван Хуторной").
		if lang == "ru" && !nearest {
			for _, f := range persons {
				if f.m.strong && len(f.m.first) > 0 {
					return f.m, true
				}
			}
		}
		for k := range persons {
			f := persons[k]
			if nearest {
				f = persons[len(persons)-1-k]
			}
			if f.m.strong {
				return f.m, true
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
		if lang == "en" && o0.at < d0.at && appositionOf(ts, o0.at, d0.at) {
			// "Playing Field Promotions, a sports and celebrity talent
			// agency, says": the body, which the description describes
			m := o0.m
			m.role = d0.m.role
			return m, true
		}
		m := d0.m
		if lang == "ru" && o0.at < d0.at {
			// "заявил на заседании духовного совета ААЦ лос-анджелесский
			// представитель": a Russian role's body follows it in the
			// genitive; one before it is where, or what about.
			return m, true
		}
		m.org = o0.m.org
		if lang == "ru" && spokesRole[m.head] && o0.at > d0.at && ts[o0.at].kind == tWord && strings.HasPrefix(m.org, ts[o0.at].text) && isCyrillicWord(ts[o0.at].text) {
			// "представитель Роскомнадзора": the body that speaks
			// through its representative stands in the genitive, as
			// written.
			m.org = ruGenOrgNom(strings.Fields(m.org))
		}
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

// appositionOf reports whether the English description whose head is ts[h]
// is in apposition to the name at ts[n]: capitalised words, a comma, "a"
// or "an" and the description's words.
func appositionOf(ts []token, n, h int) bool {
	k := n
	for k < h && ts[k].kind == tWord && (ts[k].cap() || ts[k].acronym()) {
		k++
	}
	return k > n && k+1 < h && ts[k].is(",") && (ts[k+1].is("a") || ts[k+1].is("an")) &&
		!slices.ContainsFunc(ts[k+1:h], func(t token) bool { return t.kind != tWord })
}

// ruPlaceOf returns the country a Russian description whose head is ts[i]
// names by an adjective (ruDemonyms), among the lower-case adjectives
// before it ("в турецком военном ведомстве") or the words of its role text
// ("представитель американского Минторга"); "" when none.
func ruPlaceOf(ts []token, i int, role, lang string) string {
	if lang != "ru" {
		return ""
	}
	for k := i - 1; k >= 0 && ts[k].kind == tWord && ts[k].lower() && ruAdjectiveForm(ts[k].low); k-- {
		if c := demonymOf(ts[k].low); c != "" {
			return c
		}
	}
	for w := range strings.FieldsSeq(role) {
		lw := lower(w)
		if c := demonymOf(lw); c != "" {
			return c
		}
		if c := countryOf(lw); c != "" {
			return c // "спецпредставитель премьер-министра Грузии"
		}
	}
	return ""
}

// ruAdjectiveForm reports whether a lower-case Russian word ends as an
// adjective does in some case.
func ruAdjectiveForm(w string) bool {
	return endsWith(w, "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ых", "их", "ую", "юю", "ыми", "ими")
}

// demonymOf returns the adjective stem of ruDemonyms that adjective w is a
// form of ("американского": "американск"), or "".
func demonymOf(w string) string {
	if !ruAdjectiveForm(w) {
		return ""
	}
	for stem := range ruDemonyms {
		if strings.HasPrefix(w, stem) {
			return stem
		}
	}
	return ""
}

// ruCountryBody names a national body by its acronym and the country the
// adjective before it gives, in any case ("турецкий МИД", "в турецком
// МИДе": "МИД Турции"), or "" when adj is no country's.
func ruCountryBody(adj, acronym string) string {
	if g := ruDemonyms[demonymOf(lower(adj))].gen; g != "" && isRuOrg(lower(ruOrgNom(acronym))) {
		return ruOrgNom(acronym) + " " + g
	}
	return ""
}

// placeAgrees reports whether text (a body's name, a person's roles)
// agrees with the country place (ruPlaceOf): it names no country, or names
// that one, by its name or adjective ("Минобороны РФ" for "российском";
// not for "турецком").
func placeAgrees(place, text string) bool {
	if place == "" {
		return true
	}
	named := false
	for _, w := range strings.Fields(lower(text)) {
		w = strings.Trim(w, "«»\"(),.")
		c := demonymOf(w)
		if c == "" {
			c = countryOf(w)
		}
		if c == place {
			return true
		}
		named = named || c != ""
	}
	return !named
}

// countryOf returns the adjective stem of ruDemonyms whose country w names
// ("турции": "турецк", "рф": "российск"), or "".
func countryOf(w string) string {
	for stem, c := range ruDemonyms {
		for _, n := range c.forms {
			if w == n || len(n) >= 10 && strings.HasPrefix(w, n) {
				return stem
			}
		}
	}
	return ""
}

// ruGenitiveOfName reports whether a lower-case word ends as the genitive
// words of a body's name do ("развития", "образования", "городского"),
// which no verb or short adjective after a surname does.
func ruGenitiveOfName(w string) bool {
	return endsWith(w, "ия", "ии", "ого", "его", "ых", "их", "ства")
}

// enPlaceAfter reports whether a weak one-word name p, at ts[at], stands
// right after the description at ts[d] and a preposition: "owners in Milan".
func enPlaceAfter(ts []token, d int, p mention, at int) bool {
	if at > d+1 && enPlural(ts[d].low) && ts[d+1].lower() && strings.HasSuffix(ts[d+1].low, "ing") {
		// "Senators representing Maryland and Virginia": people the
		// participle after them places, none of those named
		return true
	}
	if p.strong || len(p.first) > 0 || at != d+2 {
		return false
	}
	switch ts[d+1].low {
	case "in", "from", "at", "near", "across", "outside", "inside":
		return true
	}
	return false
}

// enIndefinite reports whether the English noun phrase whose head is ts[i]
// opens with an indefinite determiner ("one legal expert", "a senior
// official"): it brings in someone the article has not named.
func enIndefinite(ts []token, i int, lang string) bool {
	if lang != "en" {
		return false
	}
	k := i - 1
	for k >= 0 && ts[k].kind == tWord && !enStop[ts[k].low] {
		k--
	}
	if k < 0 {
		// A bare plural ("opposition lawmakers said") is people the
		// text does not name.
		return enPlural(ts[i].low)
	}
	switch ts[k].low {
	case "a", "an", "one", "some", "another":
		return true
	}
	return false
}

// ruIndefinite reports whether the Russian role word ts[i] is one of a
// group ("один из пациентов", "одна из жительниц", "кто-то из депутатов"):
// someone the article does not name.
func ruIndefinite(ts []token, i int, lang string) bool {
	if lang != "ru" || i < 2 || !ts[i-1].is("из") {
		return false
	}
	switch ts[i-2].low {
	case "один", "одна", "одно", "одного", "одной", "кто-то", "некоторые", "многие", "несколько", "двое", "трое":
		return true
	}
	return false
}

// enPlural reports whether an English word reads as a plural noun: it ends
// in "s", not "ss", "us" or "is".
func enPlural(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// enModifies reports whether an English capitalised word followed by t
// qualifies t rather than names someone: t is a lower-case word that is no
// function word, adverb, pronoun, participle or verb ("American officials",
// "Opposition lawmakers", "Israeli election results"), so the noun phrase's
// head is t.
func (d *doc) enModifies(t token) bool {
	lw := t.low
	if t.kind != tWord || !t.lower() || enStop[lw] {
		return false
	}
	if endsWith(lw, "ly", "ed", "ing", "self") {
		return false
	}
	if _, ok := enPronouns[lw]; ok {
		return false
	}
	_, verb := d.verbAt(t)
	return !verb
}

// secondPredicate reports whether the Russian toks[k] is a conjunction
// before a verb in the past tense: the subject's next predicate ("подчеркнул
// министр и предложил провести Дни Бишкека"), whose words name no speaker.
func secondPredicate(toks []token, k int) bool {
	if k+1 >= len(toks) || !toks[k].is("и") && !toks[k].is("а") && !toks[k].is("но") {
		return false
	}
	v := toks[k+1]
	if _, past := ruPastTense(v.low); !past || v.kind != tWord || !v.lower() || isRuRole(v.low) || isRuOrg(v.low) {
		return false
	}
	// a vowel before the л, as verbs have and "торговли", "земли" have not
	r := []rune(strings.TrimSuffix(strings.TrimSuffix(v.low, "сь"), "ся"))
	if n := len(r); n > 0 && strings.ContainsRune("аио", r[n-1]) {
		r = r[:n-1]
	}
	n := len(r)
	return n >= 4 && r[n-1] == 'л' && strings.ContainsRune("аяеиоуыэ", r[n-2])
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

var honorifics = toSet(`mr mrs ms miss dr sir dame lord lady mister madam`)

// inText reports whether w also appears capitalised in the middle of a
// sentence somewhere in the article (so it is a name, not a capitalised
// first word such as "Meanwhile").
func (d *doc) inText(w string) bool {
	if d.midWords == nil {
		d.midWords = map[string]bool{}
		for _, p := range d.paras {
			toks := p.toks
			for i, t := range toks {
				if t.kind == tWord && i > 0 && !endsSentence(toks[i-1]) && toks[i-1].kind != tQuote {
					d.midWords[stripPossessive(t.text)] = true
				}
			}
		}
	}
	return d.midWords[w]
}

// phraseEnd returns where a source phrase starting at i ends: at a comma,
// colon, dash, quotation or limit.
func phraseEnd(toks []token, i, limit int) int {
	for k := i; k < limit; k++ {
		t := toks[k]
		if t.is(",") || t.is(":") || t.kind == tQuote || t.kind == tDash || endsSentence(t) {
			return k
		}
	}
	return limit
}

// roleAfter is where a role word stands among the first lower-case words
// at ts[j:] ("Hong Kong’s new police commissioner"), or -1.
func roleAfter(ts []token, j int, lang string) int {
	for k := j; k < len(ts) && k < j+3; k++ {
		if isRole(ts[k].text, lang) {
			return k
		}
		if !ts[k].lower() {
			break
		}
	}
	return -1
}

// commonStem is how many letters of a word commonWord compares.
const commonStem = 5

// nameAt is nameSpan less a word that opens the sentence before the name
// and is not the name's (see openingWord).
func (d *doc) nameAt(ts []token, i int) (int, int) {
	i0, j := nameSpan(ts, i, d.lang)
	if d.lang == "ru" && j-i0 == 2 && ruPlace(ts[i0].low+"-"+ts[i0+1].low) {
		return i, i // "по Марий Эл": a place the gazetteer writes "Марий-Эл", no one's name
	}
	if d.lang == "en" && j < len(ts) && ts[j].kind == tWord && strings.Trim(ts[j].text, "0123456789") == "" {
		return i, i // "Number 10 said", "Apollo 11": a designation, no one's name
	}
	if j-i0 >= 2 && d.openingWord(ts, i0, j) {
		i0++
	}
	return i0, j
}

// openingWord reports whether ts[i], opening the sentence before the rest
// of the run ts[i:j], is no name's word: a Russian common word ("Философию
// Макрона …", see commonWordAt) or an English gerund ("Taking Archie
// outside is …"), neither a given name, nor the gerund a body's ("Playing
// Field Promotions").
func (d *doc) openingWord(ts []token, i, j int) bool {
	if d.lang == "ru" {
		_, _, given := ruGivenName(ts[i].text)
		return d.commonWordAt(ts, i) && !given
	}
	return d.startsSentence(ts[i].s) && strings.HasSuffix(ts[i].low, "ing") && !enGiven(ts[i].text) &&
		!slices.ContainsFunc(ts[i:j], func(t token) bool { return enBodyWord(t.low) })
}

// commonWordAt reports whether the Russian word ts[i], capitalised at the
// start of a sentence, is a common word the text writes in lower case
// elsewhere ("Сельчанин возмутился" … "сельчанина"; "Диспетчер сообщил"
// … "диспетчера"): its first commonStem letters open a lower-case word of
// the text; or a common noun the dictionary has that ends as a surname does
// ("Окраина города …", ruCommonNoun). It is then no surname, however it
// ends.
func (d *doc) commonWordAt(ts []token, i int) bool {
	return d.startsSentence(ts[i].s) && (d.commonWord(ts[i].low) || ruCommonNoun(ts[i].low))
}

// commonWord reports whether the first commonStem letters of the lower-case
// word w open a word the text writes in lower case.
func (d *doc) commonWord(w string) bool {
	stem, ok := runePrefix(w, commonStem)
	if !ok {
		return false
	}
	if d.lowStems == nil {
		d.lowStems = map[string]bool{}
		for _, p := range d.paras {
			for _, t := range p.toks {
				if t.lower() {
					if st, ok := runePrefix(t.text, commonStem); ok {
						d.lowStems[st] = true
					}
				}
			}
		}
	}
	return d.lowStems[stem]
}

// runePrefix returns the first n runes of s, and whether s has more than n.
func runePrefix(s string, n int) (string, bool) {
	k := 0
	for i := range s {
		if k == n {
			return s[:i], true
		}
		k++
	}
	return s, false
}

// ruHeadNoun reports whether t may be a noun that heads the body's name
// after it ("астронавт ЕКА", "Экс-боец UFC" opening a sentence): a Russian
// word, lower-case unless it opens the sentence, of four letters or
// more that is no role, body's word, adjective, preposition, adverb (by
// list or ending) or function word.
func ruHeadNoun(t token, opensSentence bool) bool {
	return t.kind == tWord && (t.lower() || opensSentence && t.cap()) && isCyrillicWord(t.text) && len([]rune(t.low)) >= 4 &&
		!isRole(t.text, "ru") && !isRuOrg(t.low) && !ruPrepositions[t.low] && !ruAdverbs[t.low] && !ruStop[t.low] &&
		!ruAdjectival(t.low) && !ruBodyVoices[t.low] &&
		!endsWith(t.low, "его", "ому", "ему", "ым", "им", "о", "ом", "ем", "ём", "ью", "ой", "ски") // adjectives; adverbs: "официально", "утром", "ночью"
}

// ruBodyVoices are nouns through which a body speaks itself ("сообщает
// сайт МВД", "руководство FCA ответило").
var ruBodyVoices = toSet(`сайт портал канал страница руководство`)

// allRoleWords reports whether every word of an English name is a role word
// or one that qualifies a role ("Senior Vice President").
func allRoleWords(words []string) bool {
	for _, w := range words {
		if !isRole(w, "en") && !enRoleQualifiers[lower(w)] { // isRole has "vice", "acting", "chief" …
			return false
		}
	}
	return true
}

// enRoleQualifiers qualify an English role word ("Senior Vice President",
// "Interim Managing Director") and are no role words themselves.
var enRoleQualifiers = toSet(`senior assistant associate interim managing`)

// enRoleModifiers are the role words that only modify another ("a former
// Democratic National Committee chairman"): no evidence of a name after
// them.
var enRoleModifiers = toSet(`former acting vice prime`)
