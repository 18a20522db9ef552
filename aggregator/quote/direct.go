package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteTok handles the top-level quotation toks[qi] of paragraph pi.
func (d *doc) quoteTok(pi, qi int) {
	toks := d.paras[pi].toks
	sp := d.spans[toks[qi].q]
	if sp.e <= sp.s {
		return
	}
	content := d.text[sp.s:sp.e]
	ss, se := d.sentenceOf(pi, qi)
	sentInitial := qi == ss || (qi == ss+1 && toks[ss].kind == tDash)
	afterColon := qi > ss && toks[qi-1].is(":")
	afterVerbComma := false
	if qi-2 >= ss && toks[qi-1].is(",") {
		_, afterVerbComma = d.verbAt(toks[qi-2])
	}
	// "he said, “…”" (not "That said, “…,” he said", "That being said, …")
	introduced := afterVerbComma && !(qi-3 >= ss && (toks[qi-3].low == "that" || toks[qi-3].low == "being"))
	// "A," said X, "b…": the second piece continues the first quotation
	continued := false
	if d.lang == "en" && qi-1 > ss && toks[qi-1].is(",") {
		for k := qi - 2; k >= ss; k-- {
			if toks[k].kind == tQuote {
				continued = interruption(d.text[d.spans[toks[k].q].e:sp.s])
				break
			}
		}
	}
	full := sentInitial || afterColon || afterVerbComma || continued
	if d.thingBefore(toks, qi) || d.lang == "ru" && documentTitle(content) {
		// "так называемого «списка Титова»": a term here and after
		if k := termKey(content); k != "" {
			d.terms[k] = true
		}
		return
	}
	if !full && len(d.terms) > 0 && d.terms[termKey(content)] {
		return
	}
	if !full && nameLike(content, d.lang) && !looksLikeSpeech(content, d.lang) {
		return
	}
	if r, _ := utf8.DecodeRuneInString(content); d.lang == "ru" && qi > ss && unicode.IsUpper(r) && onlyPunctAfter(toks, qi+1, se) && !endsTerminal(content) && len(strings.Fields(content)) <= 3 && (!looksLikeSpeech(content, d.lang) || titleCase(content)) {
		if _, ok := d.verbAt(toks[qi-1]); ok {
			// "…, сообщает "UA: Харків".", "…, сообщает «Нижний
			// Сейчас».": a name after the verb that ends the sentence is
			// who reports, not what was said.
			return
		}
	}
	if full && !afterColon && nameLike(content, d.lang) && !looksLikeSpeech(content, d.lang) && utf8.RuneCountInString(content) < 40 && !endsTerminal(content) {
		// «Газпром» заявил…: a name at the start of a sentence.
		if qi+1 < len(toks) && (toks[qi+1].kind == tWord || toks[qi+1].is("(")) {
			return
		}
	}

	var a attrib
	if d.lang == "en" && (afterColon || introduced) {
		// "Hayek said, “… overlook.” The star then recalled …": a quotation
		// after a colon, or introduced by its verb, has its attribution on
		// the left; one after it reports the report ("he said, “…,” the
		// prosecutor’s office said": his words, which the office relays)
		a = d.leftAttr(toks, ss, qi)
	}
	if !a.ok() {
		a = d.rightAttr(toks, qi+1, se)
	}
	if !a.ok() {
		a = d.leftAttr(toks, ss, qi)
	}
	if !a.ok() && d.lang == "ru" && sentInitial && qi+2 < se && toks[qi+1].is(":") {
		a = d.colonAttr(toks, qi+2, se)
	}
	if !a.ok() && !onlyPunctAfter(toks, qi+1, se) && se < len(toks) && d.lang == "ru" && toks[se].low == "об" {
		// «…» inside a sentence, then "Об этом заявил X."
		_, se2 := d.sentenceOf(pi, se)
		a = d.nextAttr(toks, se, se2)
	}
	if !a.ok() && onlyPunctAfter(toks, qi+1, se) {
		if se < len(toks) {
			_, se2 := d.sentenceOf(pi, se)
			a = d.nextAttr(toks, se, se2)
		} else if pi+1 < len(d.paras) && d.lang == "ru" {
			nt := d.paras[pi+1].toks
			if len(nt) > 0 {
				_, se2 := d.sentenceOf(pi+1, 0)
				a = d.nextAttr(nt, 0, se2)
			}
		}
	}
	if !a.ok() && afterColon && d.lang == "en" {
		a = d.colonSubject(toks, ss, qi-1)
	}
	if !a.ok() && qi == 0 && pi > 0 {
		a = d.prevAttr(pi)
	}
	if !full {
		// A fragment: only with a source in its sentence (or, in Russian,
		// the sentence before).
		if !a.ok() {
			if d.lang != "ru" {
				return
			}
			st := d.paras[pi].sents
			k := sort.SearchInts(st, ss)
			if k == 0 || !d.cueIn(toks, st[k-1], ss) || !d.last.spokeIn(pi) {
				return
			}
		} else if d.lang == "en" && (!firstUpper(content) || qi > 0 && toks[qi-1].is("that")) {
			// English words quoted inside a paraphrase ("called it
			// “reckless”") are left out: English news quotes sentences,
			// and such words are mostly the reporter's choice; a
			// capitalised fragment is kept.
			d.leaveOut(pi, ss, a)
			return
		}
	}
	if qi > 0 && qi+1 < len(toks) && toks[qi-1].is("(") && toks[qi+1].is(")") {
		// A quotation alone in parentheses is an example or a label
		// ("from 1 ("Oh, I'm definitely voting for Eric") to 6"), a
		// translation or a name, not words of the sentence's speaker.
		d.quoted[[2]int{pi, ss}] = true
		return
	}
	if d.lang == "en" && d.sentenceGoesOn(toks, qi, d.text[sp.s:sp.close]) {
		// Part of a sentence the reporter wrote: alone it would say
		// something else.
		if d.leaveOut(pi, ss, a) {
			d.partHeard[toks[qi].q] = true
		}
		return
	}
	if d.iv.on && !(a.ok() && a.m.kind != 0) {
		// Inside an interview every paragraph is someone's speech: a
		// quotation in it is reported only with an attribution of its own.
		return
	}
	segs := []seg{{s: sp.s, e: sp.e}}
	if d.lang == "ru" {
		segs = d.splitSpeech(sp.s, sp.e)
	}
	// A quotation with no attribution of its own takes the last speaker
	// only as the second piece of one interrupted by its attribution ("A,"
	// he said, "b"): elsewhere the text does not say who spoke.
	alone := qi == 0 && onlyPunctAfter(toks, qi+1, se) && endsTerminal(content)
	d.emitSegs(pi, segs, a, continued || d.interruptedBefore(pi, qi) || !a.ok() && d.goesOnLastSpeaker(pi, ss, content, alone) && !d.otherPersonBefore(toks, ss, qi))
	d.quoted[[2]int{pi, ss}] = true
	d.innerQuotes(pi, toks[qi].q)
}

// goesOnLastSpeaker reports whether a quotation with no attribution of its
// own, content, in the sentence at toks[ss] of paragraph pi, is the last
// speaker's words: it opens the paragraph after the lead that named them
// (leadSpoke; in English only when it is that whole sentence and ends it,
// alone: a quoted subheading is nobody's), or, in Russian, stands in the
// sentence after the one that did (sentenceBeforeSpoke) and asks no
// question.
func (d *doc) goesOnLastSpeaker(pi, ss int, content string, alone bool) bool {
	n := wordCount(content)
	return ss == 0 && n >= minUnattributedWords && (d.lang == "ru" || alone) && d.leadSpoke(pi) ||
		n >= minFollowWords && !strings.HasSuffix(content, "?") && d.sentenceBeforeSpoke(pi, ss)
}

// leadSpoke reports whether the last speaker, no outlet (an outlet only
// relays), was named in the last sentence of the paragraph before pi: a
// quotation of a few words or more that opens the next paragraph with no
// attribution of its own is theirs ("Тьерри Анри рассказал, что он рад
// оказаться в Канаде. ¶ «Для меня большая честь…»"; "He lamented the fact
// that … ¶ "This has nothing to do with …"").
func (d *doc) leadSpoke(pi int) bool {
	if pi == 0 || d.last.e == nil || d.last.para != pi-1 || d.last.e.outlet() {
		return false
	}
	p := d.paras[pi-1]
	return d.last.pos >= p.toks[p.sents[len(p.sents)-1]].s
}

// minFollowWords is how many words a quotation with no attribution needs to
// be taken as the words of the speaker named in the sentence before it: one
// or two quoted words are mostly the reporter's («скорую», «грубой силы»).
const minFollowWords = 3

// sentenceBeforeSpoke reports whether, in Russian, the last speaker, no
// outlet, was named in the sentence before toks[ss] of paragraph pi: a
// quotation of minFollowWords or more with no attribution of its own in the
// next sentence goes on with their words ("По словам Дмитрия Пескова,
// Россия не участник конфликта. Москва при этом «делает все возможное»"),
// unless it asks a question, as an interviewer does.
func (d *doc) sentenceBeforeSpoke(pi, ss int) bool {
	if d.lang != "ru" || !d.last.spokeIn(pi) || d.last.e.outlet() {
		return false
	}
	p := d.paras[pi]
	k := sort.SearchInts(p.sents, ss)
	return k > 0 && d.last.pos >= p.toks[p.sents[k-1]].s && d.last.pos < p.toks[ss].s
}

// turnLabel reports whether text opens with a speaker's label: one to three
// capitalised words and a colon ("Зеленский: О, спасибо…").
func turnLabel(text string) bool {
	label, _, ok := strings.Cut(text, ":")
	if !ok {
		return false
	}
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !firstUpper(w) {
			return false
		}
	}
	return true
}

// interruptedBefore reports whether the English quotation toks[qi] of
// paragraph pi goes on a reported one before it across an attribution
// clause only ("A," he said. "B."): its second piece.
func (d *doc) interruptedBefore(pi, qi int) bool {
	if d.lang != "en" {
		return false
	}
	toks := d.paras[pi].toks
	last := emitted{}
	last.Pos = -1
	if n := len(d.out); n > 0 {
		last = d.out[n-1]
	}
	title := false
	for k := qi - 1; k >= 0; k-- {
		if toks[k].kind != tQuote {
			continue
		}
		prev := d.spans[toks[k].q]
		if inner := d.text[prev.s:prev.e]; !title && last.Pos < prev.s && !d.partHeard[toks[k].q] && firstUpper(inner) && wordCount(inner) <= 5 {
			// A title quoted inside the clause ("''It's nonsense,'' Mr.
			// Trump said on NBC's ''Meet the Press.'' ''She lies…''"),
			// not reported: the first piece is before it, and ends with
			// the comma of an interrupted quotation.
			title = true
			continue
		}
		// The first piece must have been reported, or left out as part of
		// the reporter's sentence with its speaker named (sentenceGoesOn):
		// a fragment left out leaves the second piece without a speaker of
		// its own. Nor does a first piece credited to no one ("said a
		// longtime adviser to Trump") lend the second the speaker before it.
		reported := last.Pos >= prev.s && last.Speaker != "" || d.partHeard[toks[k].q] && d.last.para == pi
		return reported && (!title || quoteEndsClause(toks[k])) && interruption(d.text[prev.e:d.spans[toks[qi].q].s])
	}
	return false
}

func onlyPunctAfter(toks []token, i, se int) bool {
	for k := i; k < se; k++ {
		if toks[k].kind == tWord || toks[k].kind == tQuote {
			return false
		}
	}
	return true
}

// emitSegs emits the pieces of one quotation: each piece takes the
// attribution clause that follows it, else the one of the piece before, else
// outer.
func (d *doc) emitSegs(pi int, segs []seg, outer attrib, follow bool) {
	// Attributions of the inside clauses.
	for k := range segs {
		if sg := &segs[k]; sg.cs < sg.ce {
			ct := tokenize(d.text, sg.cs, sg.ce, d.spans, nil)
			sg.a = d.rightAttr(ct, 0, len(ct))
		}
	}
	var before attrib
	for _, sg := range segs {
		a := sg.a
		if a.ok() {
			before = a
		} else if before.ok() {
			a = before
		} else {
			a = outer
		}
		d.speak(pi, sg.s, sg.e, a, follow, true)
	}
}

// dashPara handles a paragraph of Russian dash speech ("— …, — сказал
// он."). It returns false when the paragraph is not attributed speech.
func (d *doc) dashPara(pi int) bool {
	toks := d.paras[pi].toks
	p := d.paras[pi]

	if last := toks[len(toks)-1]; last.is(";") || last.is(",") {
		return false // an item of a list
	}
	segs := d.splitSpeech(toks[0].e, p.e)
	var outer attrib
	if !hasClause(segs) {
		if pi == 0 {
			return false
		}
		outer = d.prevAttr(pi)
		if !outer.ok() {
			// A run of dash speech continues the speaker of the paragraph before.
			prev := d.paras[pi-1].toks
			if len(prev) == 0 || prev[0].kind != tDash || !d.last.spokeIn(pi-1) {
				return false
			}
		}
	}
	d.emitSegs(pi, segs, outer, true)
	return true
}

// hasClause reports whether an attribution clause follows one of segs.
func hasClause(segs []seg) bool {
	return slices.ContainsFunc(segs, func(sg seg) bool { return sg.cs < sg.ce })
}

// seg is one piece of speech between attribution clauses inside a pair of
// marks or a dash-speech paragraph.
type seg struct {
	s, e   int
	cs, ce int    // the attribution clause after it, if cs < ce
	a      attrib // what that clause attributes, once emitSegs has read it
}

// splitSpeech cuts Russian direct speech [s, e) at attribution clauses
// introduced by a dash after , . ! ? …: «A, — сказал он. — B» gives A and B
// with the clause "— сказал он.".
func (d *doc) splitSpeech(s, e int) []seg {
	var out []seg
	cur := s
	text := d.text
	nested := d.nestedIn(s, e)
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isDash(r) || !dashAfterPunct(text, cur, i) || nested.covers(i) {
			i += n
			continue
		}
		// The words after the dash.
		w1, w1e := nextWord(text, i+n, e)
		ok := false
		if w1 != "" && unicode.IsLower([]rune(w1)[0]) {
			lw := lower(w1)
			if _, v := ruVerb(lw); v {
				ok = true
			} else if _, v := ruPastGender(lw); v {
				ok = true
			} else if ruAdverbs[lw] {
				w2, _ := nextWord(text, w1e, e)
				if _, v := ruPastGender(lower(w2)); v {
					ok = true
				} else if _, v := ruVerb(lower(w2)); v {
					ok = true
				}
			}
		}
		if !ok {
			i += n
			continue
		}
		// The clause runs to the next dash after punctuation, or to the end.
		ce, next := e, e
		for k := i + n; k < e; {
			r2, n2 := utf8.DecodeRuneInString(text[k:])
			if isDash(r2) && dashAfterPunct(text, i+n, k) && !nested.covers(k) {
				ce, next = k, k+n2
				break
			}
			k += n2
		}
		out = append(out, seg{s: cur, e: i, cs: i, ce: ce})
		cur = next
		i = next
	}
	if cur < e {
		out = append(out, seg{s: cur, e: e})
	}
	return out
}

// nestedIn returns the quotations nested in [s, e) (not the one whose
// content [s, e) is), for covers.
func (d *doc) nestedIn(s, e int) *nested {
	n := &nested{}
	for k := sort.Search(len(d.spans), func(k int) bool { return d.spans[k].open >= s }); k < len(d.spans) && d.spans[k].open < e; k++ {
		sp := d.spans[k]
		if sp.close <= e && sp.open != s-1 && !(sp.s <= s && sp.e >= e) {
			n.spans = append(n.spans, sp)
		}
	}
	return n
}

// nested are quotations ordered by their opening mark, with how far
// covers has read them.
type nested struct {
	spans []qspan
	next  int // the first span covers has not read
	end   int // the furthest closing mark of those read
}

// covers reports whether offset i lies inside one of the quotations. The
// offsets asked must not decrease from one call to the next.
func (n *nested) covers(i int) bool {
	for ; n.next < len(n.spans) && n.spans[n.next].open < i; n.next++ {
		n.end = max(n.end, n.spans[n.next].close)
	}
	return i < n.end
}

// dashAfterPunct reports whether the dash at i follows , . ! ? … or : (with
// or without a space), after offset from.
func dashAfterPunct(text string, from, i int) bool {
	k := i
	for k > from {
		r, n := utf8.DecodeLastRuneInString(text[from:k])
		if isSpace(r) {
			k -= n
			continue
		}
		return strings.ContainsRune(",.!?…:", r)
	}
	return false
}

// nextWord returns the next word in text[i:e) and its end.
func nextWord(text string, i, e int) (string, int) {
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		if !isSpace(r) {
			return "", i
		}
		i += n
	}
	j := i
	for j < e {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r) && r != '-' {
			break
		}
		j += n
	}
	return text[i:j], j
}

// wordBefore returns the word that ends at offset i of text, white space
// aside; "" when a mark or the start of text comes first.
func wordBefore(text string, i int) string {
	s := strings.TrimRight(text[:i], " \t\u00a0")
	j := len(s)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isWordRune(r) && r != '-' {
			break
		}
		j -= n
	}
	return s[j:]
}

// innerQuotes reports quotations nested in the quotation span q that are
// someone's speech with their own attribution: «…«Рукописи не горят», как
// писал украинский классик…».
func (d *doc) innerQuotes(pi, q int) {
	if d.lang != "ru" {
		return
	}
	sp := d.spans[q]
	var kids []int
	// Spans are ordered by their opening mark: those inside q follow it.
	for k := q + 1; k < len(d.spans) && d.spans[k].open < sp.close; k++ {
		if d.spans[k].parent == q {
			kids = append(kids, k)
		}
	}
	if len(kids) == 0 {
		return
	}
	it := tokenize(d.text, sp.s, sp.e, d.spans, kids)
	for i, t := range it {
		if t.kind != tQuote {
			continue
		}
		ks := d.spans[t.q]
		var a attrib
		if i+1 < len(it) && it[i+1].is(",") {
			end := phraseEnd(it, i+2, len(it))
			for end < len(it) && it[end].is(",") {
				end = phraseEnd(it, end+1, len(it))
			}
			a = d.rightAttr(it, i+1, end)
		}
		if !a.ok() || a.m.kind == 0 {
			a = attrib{}
			// "Аваков сказал – "полить грязью"", "ответил: «…»"
			if k := i - 1; k > 0 && (it[k].kind == tDash || it[k].is(":")) {
				if _, ok := d.verbAt(it[k-1]); ok {
					ss := 0
					for x := k - 1; x > 0; x-- {
						if endsSentence(it[x-1]) || it[x-1].kind == tQuote {
							ss = x
							break
						}
					}
					a = d.leftAttr(it, ss, i)
				}
			}
			if !a.ok() || a.m.kind == 0 {
				continue
			}
		}
		// Its speaker does not become the last one: the quotation around
		// it goes on in the words of its own.
		d.emit(ks.s, ks.e, d.speakerOf(pi, ks.s, a, false), a, true)
	}
}

// leaveOut marks the sentence at toks[ss] of paragraph pi as quoted while
// its quotation is no one's quote; the source its attribution a names
// still speaks, for the quotations after it. It reports whether a named one.
func (d *doc) leaveOut(pi, ss int, a attrib) bool {
	d.quoted[[2]int{pi, ss}] = true
	if a.ok() && a.m.kind != 0 {
		d.heard(pi, a)
		return true
	}
	return false
}

// sentenceGoesOn reports whether the sentence of an English quotation
// toks[qi], inner (all between its marks), goes on past its closing mark
// with words that are not its attribution: “They don't have a choice” but to take the lead …,
// says X; “This will be a challenge” for Clinton, said Kunin. English
// closes a quotation that comes before its attribution with a comma inside
// the marks, so one that ends on no punctuation and is followed by a
// lower-case word other than a speech verb, a pronoun, an article or
// "according" is a piece of the reporter's sentence.
func (d *doc) sentenceGoesOn(toks []token, qi int, inner string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(inner))
	if unicode.IsPunct(r) || qi+1 >= len(toks) {
		return false
	}
	next := toks[qi+1]
	if !next.lower() || next.low == "according" || enDeterminers[next.low] {
		return false
	}
	if _, ok := enPronouns[next.low]; ok {
		return false
	}
	_, verb := d.verbAt(next)
	return !verb
}

// otherPersonBefore reports whether the sentence of a quotation, before it
// (toks[ss:qi]), names in full a person other than the last speaker: the
// sentence is about someone new, and a quotation in it with no attribution
// of its own is not the last speaker's ("Уже в очной части дискуссии Олег
// Осипов, заместитель директора …, привел в пример выкладки: «…»"). It is
// asked only once goesOnLastSpeaker has held, so there is a last speaker.
func (d *doc) otherPersonBefore(toks []token, ss, qi int) bool {
	for k := ss; k < qi; k++ {
		s, e := nameSpan(toks, k, d.lang)
		if e-s < 2 {
			continue
		}
		if m, ok := d.parsePhrase(toks[s:e], caseNom, false); ok && m.kind == kPerson && m.strong && surnameKey(m.last) != d.last.e.key {
			return true
		}
		k = e - 1
	}
	return false
}

// titleCase reports whether every word of s opens with a capital, as a
// name's words do and a sentence's do not ("Нижний Сейчас").
func titleCase(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) > 1
}
