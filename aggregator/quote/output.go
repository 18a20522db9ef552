package quote

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// speak emits [s, e) of paragraph pi as said by the speaker of attribution
// a (with follow set, a quotation that has none takes the last speaker),
// who becomes the last speaker.
func (d *doc) speak(pi int, s, e int, a attrib, follow bool, direct bool) {
	sp := d.speakerOf(pi, s, a, follow)
	own := sp.e != nil && d.ownOutlet(sp.e)
	if !direct && sp.e != nil && (own || sp.e.outlet() || sp.e.kind == kOrg && outletVerbs[lower(a.verb)]) {
		// "ТАСС сообщает, что …", "…, пишет VladNews": an outlet relaying
		// news is no speaker, and what it relays no quote.
		return
	}
	if own || sp.e != nil && (d.addresses(s, sp.e) || sp.e.outlet() && relayVerbs[lower(a.verb)]) {
		// The publisher's own words ("«…», — сообщает «Регион online»"
		// in its article), words said to sp, or words an outlet passes
		// on ("назвал "придирками", передает РИА Новости"): quoted, by
		// no one.
		sp = speaker{}
	}
	if sp.e != nil && sp.e.kind == kPerson && (follow && !a.ok() && d.last.para < pi && d.namedIn(s, e, sp.e) ||
		a.m.kind == kPronoun && (a.m.pos > 0 && d.namedIn(a.m.pos, d.clauseEnd(a.m.pos), sp.e) || d.lang == "en" && direct && d.namedIn(s, e, sp.e))) {
		// Words that speak of a person by name are someone else's: those
		// of a paragraph of their own after the last speaker's ("«Мне
		// кажется, Леонова … слетела»" after Леонова's own words; in the
		// paragraph of their attribution they may be: "– рассказала
		// знаменитость. – … Думаю, ну сейчас скажет – Лариса Лужина"),
		// and English ones "he" is said to say ("“… whether Senator
		// Sanders's message …,” he said"). Nor is a pronoun whom its own
		// clause names ("“…,” he told Hannity" after "Hannity asked …").
		sp = speaker{}
	}
	if sp.e != nil {
		d.last = sp
	} else if a.m.kind == kDesc && a.m.indef && a.m.gender != plural {
		d.lastUnnamed = a.m.pos
	}
	d.emit(s, e, sp, a, direct)
}

// clauseEnd returns where the clause holding offset pos ends: at a
// sentence's end, a comma or its paragraph's end.
func (d *doc) clauseEnd(pos int) int {
	k := sort.Search(len(d.paras), func(k int) bool { return d.paras[k].e > pos })
	if k == len(d.paras) || d.paras[k].s > pos {
		return pos
	}
	end := d.paras[k].e
	if n := strings.IndexAny(d.text[pos:end], ".!?,;"); n >= 0 {
		end = pos + n
	}
	return end
}

// namedIn reports whether the text [s, e) names person p by surname, in
// any case.
func (d *doc) namedIn(s, e int, p *entity) bool {
	if !d.spend(e - s) {
		return false
	}
	return slices.ContainsFunc(strings.FieldsFunc(d.text[s:e], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }), func(w string) bool {
		return firstUpper(w) && surnameKey(stripPossessive(w)) == p.key
	})
}

// outletVerbs are what an outlet does with news it relays: a body that
// speaks says, announces or tells; an outlet writes and passes on.
var outletVerbs = toSet(`пишет пишут передает передаёт передают writes`)

// relayVerbs are what an outlet does with words it only passes on.
var relayVerbs = toSet(relayVerbList)

const relayVerbList = `передает передаёт передают`

// closingRelayVerbs open a relaying clause that closes reported speech
// ("…, сообщает «СуперОмск»"): the relaying verbs and reporting.
var closingRelayVerbs = toSet(relayVerbList + ` сообщает сообщают`)

// emit adds the quotation [s, e) said by sp to the quotes found, unless it
// holds no letter or digit.
func (d *doc) emit(s, e int, sp speaker, a attrib, direct bool) {
	s, e = trimContent(d.text, s, e)
	if !direct {
		// "INTERFAX.RU - Власти США могут …, пишет журнал …": the
		// dateline's outlet opens the sentence, not what was said.
		for _, dash := range []string{" - ", " — ", " – "} {
			if i := strings.Index(d.text[s:e], dash); i > 0 && i < 40 && mediaName(d.text[s:s+i]) {
				s, e = trimContent(d.text, s+i+len(dash), e)
				break
			}
		}
		// "…, сообщает «СуперОмск»", "…, передаёт РИА Новости" (со
		// ссылкой на …): a relaying clause closing the sentence says who
		// reported it, not what was said.
		if i := strings.LastIndex(d.text[s:e], ", "); i > 0 {
			tail := strings.Fields(d.text[s+i+2 : e])
			if len(tail) >= 2 && (len(tail) <= 6 || len(tail) <= 12 && slices.Contains(tail, "ссылкой")) && closingRelayVerbs[tail[0]] && !strings.ContainsAny(d.text[s+i+2:e], ",") {
				s, e = trimContent(d.text, s, s+i)
			}
		}
	}
	if e <= s {
		return
	}
	if wordCount(d.text[s:e]) == 0 {
		return // a quotation of nothing but punctuation is no quotation
	}
	q := news.Quote{Text: d.text[s:e], Verb: a.verb, Direct: direct, Pos: s}
	if ent := sp.e; ent != nil && !(d.lang == "ru" && !ruNominativeName(ent)) && !d.addresses(s, ent) {
		q.Speaker = ent.name()
		if ent.kind == kOrg {
			q.Speaker = d.expandAcronym(q.Speaker)
		}
		q.Role = sp.role
		if q.Role == "" {
			q.Role = ent.role()
		}
		if d.lang == "ru" {
			q.Role = ruRoleNomText(q.Role)
			if ruClause(q.Role) || ent.kind == kPerson && ruOrgWords[lower(q.Role)] || ruRoleNamesAnother(q.Role) {
				// A role is a noun phrase: one holding a verb is a
				// clause misread ("суд удовлетворить иск"), a body's
				// bare noun is no person's role ("в суде"), and one
				// naming someone in the nominative is another's
				// ("Президент РФ Владимир Владимирович Путин своим
				// указом …").
				q.Role = ""
			}
		}
	}
	d.out = append(d.out, emitted{Quote: q, para: sp.para, person: sp.e != nil && sp.e.kind == kPerson, right: a.how == aRight})
}

// ruNominativeName reports whether a Russian speaker's name reads as a
// nominative: not a known given name in an oblique case only ("Сергея",
// "Евгению Медведева"), not opened by an adjective in an oblique case
// ("Нижнем Тагиле", "Украинской Православной Церкви"). A name never brought
// to the nominative is a misreading, and a speaker is named in the
// nominative or not at all.
func ruNominativeName(e *entity) bool {
	name := e.org
	if e.kind == kPerson {
		name = e.name()
	}
	w, rest, _ := strings.Cut(name, " ")
	rs := ruLex().givenForms[foldYo(lower(w))]
	if len(rs) == 0 && ruObliqueAdjective(lower(w), rest == "") && !isRuOrg(lower(w)) {
		return false
	}
	if e.kind != kPerson {
		return !ruObliqueBody(name)
	}
	for _, r := range rs {
		if r.c == caseNom {
			return true
		}
	}
	return len(rs) == 0
}

// ruObliqueBody reports whether a one-word Russian body's name ends as no
// nominative does: the dative, instrumental or prepositional ("Интерфаксу",
// "Известиям", "Госпотребслужбе"), the genitive of a word in -ия
// ("Росгвардии") or a genitive plural ("Коммунистов"); not -ом, which
// names end in ("Газпром"). Names with capitals inside (acronyms,
// "ВКонтакте"), Latin names and phrases are left alone.
func ruObliqueBody(name string) bool {
	if strings.ContainsRune(name, ' ') || !isCyrillicWord(name) || capitals(name) > 1 {
		return false // "ОмГТУ", "ВКонтакте"
	}
	lw := lower(name)
	if endsWith(lw, "у", "ю", "ам", "ям", "ем", "ами", "ями", "ах", "ях", "ии", "ов", "ев") {
		return true
	}
	// A word of the body lexicon in another case: "Альфа-банка".
	if last := lw[strings.LastIndexByte(lw, '-')+1:]; !ruOrgWords[last] && ruOrgWordForm(last, 3) {
		return true
	}
	// -е after a consonant: "Стройгазете", not "Управление".
	if st, ok := strings.CutSuffix(lw, "е"); ok {
		r, _ := utf8.DecodeLastRuneInString(st)
		return !strings.ContainsRune(ruVowels+"ьъц", r)
	}
	return false
}

// ruObliqueAdjective reports whether w ends as an adjective in a case other
// than the nominative ("Нижнем", "Украинской", "Открытого"; Ukrainian
// "Львівської"). alone asks only for endings no surname has (a surname
// alone may be adjectival: Луговой, Толстой, Седых).
func ruObliqueAdjective(w string, alone bool) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	ends := []string{"ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю", "ых", "их", "ыми", "ими", "ої"}
	if alone {
		ends = []string{"ого", "ому", "ему", "ыми", "ими", "ую", "юю", "ої"}
	}
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// emitted is a quote found, with what the passes over the whole article
// need to know of it.
type emitted struct {
	news.Quote
	para   int  // the paragraph it stands in
	person bool // its speaker is a named person
	right  bool // its attribution follows it ("…," said X)
}

// post fills what only the whole article tells: a quotation running over
// paragraphs takes the speaker of its last paragraph, or, where that names
// none, the first paragraph's speaker goes on into the paragraphs that
// reopen it with no attribution or speaker's label of their own (English
// writes “… ¶ “… ¶ “…,” the government spokesman said).
func (d *doc) post() {
	for i := len(d.out) - 2; i >= 0; i-- {
		q := &d.out[i]
		if q.Speaker != "" || !q.Direct {
			continue
		}
		n := d.out[i+1]
		if n.Direct && n.Speaker != "" && n.para == q.para+1 && d.unclosedAt(q.Pos) {
			q.Speaker, q.Role, q.Verb = n.Speaker, n.Role, n.Verb
		}
	}
	for i := 1; i < len(d.out); i++ {
		q, p := &d.out[i], d.out[i-1]
		if q.Speaker == "" && q.Verb == "" && q.Direct && p.Direct && p.Speaker != "" && q.para == p.para+1 && d.unclosedAt(p.Pos) && q.Pos-d.paras[q.para].s <= len("“") && !turnLabel(q.Text) {
			q.Speaker, q.Role = p.Speaker, p.Role
		}
	}
	// A quoted word or phrase of a few words that nobody is said to have
	// spoken, and that does not read as speech, is a term, a title or a
	// scare quote («Мистер Робот», "20 днів у Маріуполі", «розовую»), not a
	// quote; «Рукописи не горят», "Out!" are. Reported speech is a clause,
	// so a few words of it that do not read as speech are a misreading
	// ("Netanyahu said Wednesday", "told USA TODAY"); "he is honored" is.
	kept := d.out[:0]
	for _, q := range d.out {
		if (q.Speaker == "" || !q.Direct) && wordCount(q.Text) < minUnattributedWords && !strings.ContainsAny(q.Text, "!?") && !looksLikeSpeech(q.Text, d.lang) {
			continue
		}
		kept = append(kept, q)
	}
	d.out = kept
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Pos < d.out[j].Pos })
	if d.lang == "en" {
		d.joinInterrupted()
	}
}

// minUnattributedWords is how many words a quotation with no speaker, or
// reported speech, has at least to be listed without reading as speech.
const minUnattributedWords = 4

// wordCount is how many runs of letters and digits s has.
func wordCount(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// unclosedAt reports whether the quotation whose content starts at pos
// runs to its paragraph's end with no closing mark.
func (d *doc) unclosedAt(pos int) bool {
	// Spans are ordered by their opening mark, and so by their content.
	k := sort.Search(len(d.spans), func(k int) bool { return d.spans[k].s >= pos })
	return k < len(d.spans) && d.spans[k].s == pos && d.spans[k].unclosed
}

// joinInterrupted makes one quote of an English quotation interrupted by
// its attribution ("A," he said. "B."): English news reads the pieces as
// one statement, and a journalist's feed shows them as one. The quote's Text
// is the pieces joined by a space, or by " … " where the first ends on no
// sentence's end ("A," he said, "b" is "A … b"); Pos is where the first
// begins.
func (d *doc) joinInterrupted() {
	out := d.out[:0]
	for _, q := range d.out {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			end := prev.Pos + len(prev.Text)
			// a piece with an attribution of its own ("B," said Kunin) is
			// a statement of its own
			// pieces of no known speaker are one statement when the words
			// between them say who spoke ("," wrote the authors of …. ")
			sameSpeaker := q.Speaker == prev.Speaker && (q.Speaker != "" || end <= q.Pos && enSpeechVerbIn(strings.Fields(d.text[end:q.Pos])))
			sameStatement := q.Direct && prev.Direct && sameSpeaker && end <= q.Pos && !q.right
			interrupted := prev.para == q.para && interruption(d.text[end:q.Pos])
			if sameStatement && interrupted {
				sep := " "
				if !endsTerminal(prev.Text) {
					sep = " … " // words left out: the attribution, and the comma before it
				}
				prev.Text += sep + q.Text
				continue
			}
		}
		out = append(out, q)
	}
	d.out = out
}

// interruption reports whether gap, the text between two quotations of one
// paragraph, is only an English attribution clause: a closing and an opening
// mark around a few words, or around one clause of more whose speech verb
// comes within its first words ("," Maddow said of a list that included
// …. "), however long the description of the speaker that follows it.
func interruption(gap string) bool {
	clause := reAbbrevDot.ReplaceAllString(strings.Trim(reParenthesis.ReplaceAllString(gap, ""), " ,.”“\"'"), "$1")
	if len(gap) > 600 || strings.ContainsAny(clause, ".!?") || !strings.ContainsAny(gap, "”\"'") || !strings.ContainsAny(gap, "“\"'") {
		return false
	}
	words := strings.Fields(clause)
	if len(words) <= 20 {
		return true
	}
	return enSpeechVerbIn(words[:8])
}

// enSpeechVerbIn reports whether one of words, less the punctuation and
// marks around it, is an English speech verb.
func enSpeechVerbIn(words []string) bool {
	for _, w := range words {
		if _, ok := enVerbs[strings.ToLower(strings.Trim(w, ",;:.\"'“”‘’"))]; ok {
			return true
		}
	}
	return false
}

// reParenthesis finds an aside in brackets ("Rep. Beto O'Rourke (D-Tex.)").
var reParenthesis = regexp.MustCompile(`\([^()]*\)`)

// reAbbrevDot finds the dots of titles and initials ("Mr. Trump", "George
// W. Bush", "U.S."), which do not end the attribution clause.
var reAbbrevDot = regexp.MustCompile(`\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|St|Jr|Sr|Mt|Ft|[A-Z])\.`)

// publisherKeys are the words of each name of a text's publisher, folded
// (see ownOutlet), and of the name less its domain ("Фраза.юа" is
// "Фраза" too); a name of more than four words (a copyright line) is left
// out.
func publisherKeys(names []string) [][]string {
	var out [][]string
	for _, n := range names {
		ws := nameWords(n)
		if len(ws) == 0 || len(ws) > 4 || len([]rune(strings.Join(ws, " "))) < 2 {
			continue
		}
		out = append(out, ws)
		last := ws[len(ws)-1]
		if i := strings.LastIndexByte(last, '.'); i > 0 && utf8.RuneCountInString(last[i+1:]) >= 2 && utf8.RuneCountInString(last[i+1:]) <= 3 {
			out = append(out, append(slices.Clone(ws[:len(ws)-1]), last[:i]))
		}
	}
	return out
}

// nameWords are the words of a name, folded (news.Fold), without the
// quotation marks and @ around them.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(news.Fold(s)) {
		if w = strings.Trim(w, "«»\"'“”„@,:;()"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// ownOutlet reports whether e is the outlet that published the text: a
// body whose name is one of the publisher's, holds one ("РИА Регион
// online") or is held by one ("Мойка78" of "Новости Мойка78"), or a
// "person" named as the publisher is ("Буряад Yнэн" reads as a given name
// and a surname; "Reuters Editor-in-Chief Alessandra Galloni" is a person).
func (d *doc) ownOutlet(e *entity) bool {
	if len(d.publisher) == 0 {
		return false
	}
	ws := nameWords(e.name())
	for _, p := range d.publisher {
		if slices.Equal(ws, p) || e.kind == kOrg && (wordsIn(ws, p) || wordsIn(p, ws)) {
			return true
		}
	}
	return false
}

// wordsIn reports whether the words sub stand together in ws.
func wordsIn(ws, sub []string) bool {
	if len(sub) == 0 {
		return false
	}
	for i := 0; i+len(sub) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// addresses reports whether the quotation at s opens by calling person e
// by name, then a comma ("Юлия Леонидовна, не скучно ли быть
// библиотекарем?", "Джонсон, что происходит?"): it is said to e, not by e.
func (d *doc) addresses(s int, e *entity) bool {
	if e.kind != kPerson {
		return false
	}
	head, _, ok := strings.Cut(d.text[s:min(len(d.text), s+80)], ",")
	ws := strings.Fields(head)
	if !ok || len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws[1:] {
		if !firstUpper(w) {
			return false
		}
	}
	names := strings.Fields(e.first + " " + e.last)
	return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, ws[0]) })
}

// ruRoleNamesAnother reports whether a Russian role holds a name in the
// nominative (a given name the lexicon knows, then a capitalised word):
// another person's, as roles hold names only in the genitive ("помощник
// президента Владимира Путина").
func ruRoleNamesAnother(role string) bool {
	ws := strings.Fields(role)
	for i, w := range ws {
		if nom, g, ok := ruGivenName(w); ok && nom == w && g != unknownGender && firstUpper(w) && strings.ToUpper(w) != w && i+1 < len(ws) && firstUpper(ws[i+1]) {
			return true
		}
	}
	return false
}

// ruClause reports whether a Russian phrase reads as a clause, not a noun
// phrase: it holds a relative pronoun ("главой которого является …") or a
// verb, a speech verb or a lower-case infinitive, plural past tense or
// present tense in -ует, -ывает, -ится … ("удовлетворить", "задали",
// "фигурирует"; the masculine and feminine past, and the
// plural in -ели, are too like nouns to tell: "генерал", "отдела",
// "представители", but for the suffixes no noun has: "ликвидировал").
func ruClause(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			continue
		}
		if strings.HasPrefix(w, "котор") {
			return true
		}
		if _, ok := ruVerb(w); ok {
			return true
		}
		if utf8.RuneCountInString(w) >= 6 && endsWith(w, "ать", "ять", "ить", "еть", "уть", "ться", "тись", "ировал", "ировала", "изовал", "изовала", "ствовал", "ствовала",
			"ует", "уют", "ывает", "ивает", "ается", "уется", "ится", "ются", "ятся") || // "экс-лидер фигурирует"
			utf8.RuneCountInString(w) >= 5 && endsWith(w, "али", "или", "ыли", "яли") ||
			utf8.RuneCountInString(w) >= 6 && endsWith(w, "бли", "гли", "зли", "кли") { // "погибли", "смогли"
			return true
		}
	}
	return false
}
