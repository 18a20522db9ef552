package quote

import (
	"slices"
	"strings"
)

// indirect reports reported speech in the sentence toks[ss:se) of
// paragraph pi with Direct false: "X asserted that …", "X заявил, что …",
// "по словам X, …", "X сказал: …" (no marks), "…, — говорит X." and "…,
// утверждает X, …" (the longer side of the inserted clause). It notes the
// speaker for the quotations after it.
func (d *doc) indirect(pi, ss, se int) {
	toks := d.paras[pi].toks
	if d.quoted[[2]int{pi, ss}] || se-ss < 3 {
		return
	}
	end := toks[se-1].e
	if endsSentence(toks[se-1]) {
		end = toks[se-1].s
	}
	if d.lang == "ru" && toks[ss].low == "об" && toks[ss+1].low == "этом" {
		// "Об этом говорится в сообщении …, передают …": a sentence about
		// what came before says who said it and reports nothing itself.
		return
	}
	for v := ss; v < se; v++ {
		t := toks[v]
		if t.kind != tWord {
			continue
		}
		lw := t.low
		// "по словам X, …" / "according to X, …"
		if (d.lang == "ru" && ruCueNouns[lw] && v > ss && toks[v-1].low == "по") || (d.lang == "en" && lw == "according" && v+1 < se && toks[v+1].is("to")) {
			from := v + 1
			if d.lang == "en" {
				from = v + 2
			}
			pe := phraseEnd(toks, from, se)
			m, ok := d.parsePhrase(toks[from:pe], caseGen, false)
			if pe > from && pe+1 < se && toks[pe].kind == tQuote {
				// A quoted name inside the phrase: "по словам директора
				// ООО «Территория Притяжения» Руслана Новицкого, …". Only
				// a person named after it is read: a body cut at its
				// quoted name ("ФГБУ «Главрыбвод»") would be a fragment.
				pe2 := pe
				for pe2+1 < se && toks[pe2].kind == tQuote {
					pe2 = phraseEnd(toks, pe2+1, se)
				}
				if m2, ok2 := d.parsePhrase(toks[from:pe2], caseGen, false); ok2 && m2.kind == kPerson && m2.pos > toks[pe].s {
					m, ok, pe = m2, true, pe2
				}
			}
			if !ok {
				continue
			}
			// "по мнению депутата Госдумы, руководителя группы дружбы
			// Дмитрия Савельева, …", "по информации начальника
			// департамента, Эдуарда Онацкого, …": a description, then in
			// apposition the one it describes, named.
			if m.kind == kDesc && pe+1 < se && toks[pe].is(",") {
				if pe2 := phraseEnd(toks, pe+1, se); pe2 < se && toks[pe2].is(",") {
					if m2, ok := d.parsePhrase(toks[pe+1:pe2], caseGen, false); ok && m2.kind == kPerson && len(m2.first) > 0 &&
						(toks[pe+1].lower() || toks[pe+1].text == m2.first[0]) && toks[pe2-1].text == m2.last && ruGenitives([]token{toks[pe+1], toks[pe2-1]}) && !slices.ContainsFunc(toks[pe+1:pe2], func(t token) bool { return ruPrepositions[t.low] }) {
						if !toks[pe+1].lower() {
							// the bare name: the description is its role
							m2.role, m2.head = m.role, m.head
						}
						m, pe = m2, pe2
					}
				}
			}
			// "по словам Павла Соколова, главного научного сотрудника
			// центра, …": the name, then its role in apposition.
			if m.kind == kPerson && pe+1 < se && toks[pe].is(",") {
				k := pe + 1
				for k < se && toks[k].kind == tWord {
					k++
				}
				if role := appositive(toks[:k], pe, d.lang, true); role != "" && k < se && toks[k].is(",") {
					if m.role == "" {
						m.role = role
					}
					pe = k
				}
			}
			a := attrib{m: m, how: aCue}
			if pe+1 < se && toks[pe].is(",") && relativeWord(toks[pe+1].low) {
				// "По словам главы сельсовета Алексея Большакова, которые
				// приводят в пресс-службе …, были демонтированы …": the
				// relative clause says where the words are from; they follow it.
				for k := pe + 2; k+1 < se; k++ {
					if toks[k].is(",") {
						pe = k
						break
					}
				}
			}
			// "у которого, по мнению экспертов, Слесаренко заимствовала
			// …": inside a relative clause the words after the cue are
			// what was said, not the clause before it.
			inRelative := v-3 >= ss && toks[v-2].is(",") && relativeWord(toks[v-3].low)
			// "Однако, по данным Радио Озоди, …": a connective before
			// the cue opens the sentence, not what was said.
			opens := v-1 == ss || d.lang == "ru" && !slices.ContainsFunc(toks[ss:v-1], func(t token) bool { return !t.is(",") && !ruConnectives[t.low] })
			if d.lang == "ru" && pe+1 < se && toks[pe+1].cap() && endsWith(toks[pe+1].low, "ого", "его") {
				// "по мнению ученых из Северо-Западного университета,
				// Колорадского университета …": the cue's list goes on
				// past the comma, and where it ends is not told.
				continue
			}
			if (opens || d.lang == "en" && v == ss || inRelative) && pe < se && toks[pe].is(",") && pe+1 < se && !relativeWord(toks[pe+1].low) {
				d.speak(pi, toks[pe+1].s, end, a, false, false)
			} else if v-1 > ss && !inRelative && pe < se && toks[pe].is(",") && pe+1 < se && toks[pe+1].kind == tWord && toks[pe+1].lower() && !clauseJoiners[toks[pe+1].low] && !toks[pe+1].is("a") && !toks[pe+1].is("an") && slices.ContainsFunc(toks[ss:v-1], func(t token) bool { return t.kind == tWord }) {
				// The cue inserted in the sentence ("Сам он, по словам
				// Джонсона, сидел …"): what it says is the sentence, read
				// whole.
				d.speak(pi, toks[ss].s, end, a, false, false)
			} else if v-1 > ss && !inRelative {
				d.speak(pi, toks[ss].s, toks[v-2].e, a, false, false)
			} else {
				continue
			}
			return
		}
		g, ok := d.verbAt(t)
		if !ok || g == gerund || (d.lang == "en" && weakVerb(lw)) {
			continue
		}
		if negated(toks, ss, v) {
			// "refusing to concede that …", "не сообщил, что …": what
			// follows is what they did not say.
			return
		}
		if d.lang == "en" && passive(toks, ss, v) {
			// "the State Department was told that …": the subject heard
			// it, and the text does not say from whom.
			continue
		}
		// "…, что …" / "… that …" within a few words after the verb.
		for n := v + 1; n < se && n <= v+6; n++ {
			nt := toks[n]
			if nt.is("that") && (enDeterminers[toks[v+1].low] && !enAddresseeVerbs[enVerbs[lw]] && !toks[n-1].is("fact") || enTopicPrepositions[toks[v+1].low]) {
				// "Authorities say a stabbing that killed …", "notes the
				// CDC requirement that …", "warning against premature
				// reopenings that could lead …": "that" opens a clause of
				// the noun phrase, not what was said ("told the committee
				// that …", "lamented the fact that …" are)
				break
			}
			if nt.is("что") || nt.is("that") {
				if n+1 >= se || nt.is("that") && (toks[n-1].is(",") || enTimeNouns[toks[n+1].low]) {
					// "writing songs about him, that has not been
					// happening": after a comma "that" is a pronoun;
					// "wrote hundreds of songs that summer": it points
					break
				}
				a := d.leftAttr(toks, ss, n)
				if a.m.kind == 0 && slices.ContainsFunc(toks[v+1:n], func(t token) bool { return t.low == "факт" }) {
					// "О необходимости … говорит тот факт, что …": with
					// no subject before the verb the fact is its subject,
					// and speaks for itself ("Daily Mail называет
					// причиной тот факт, что …" is the paper's)
					break
				}
				if !a.ok() {
					a = attrib{verb: t.text, vg: g, how: aLeft}
				}
				d.speak(pi, toks[n+1].s, end, a, false, false)
				return
			}
			if _, isV := d.verbAt(nt); isV || endsSentence(nt) || nt.is(":") || nt.kind == tDash || d.lang == "en" && enFinite[nt.low] && !toks[n-1].is(",") {
				// ("said Obama is overselling the successes that …": another
				// clause's; not "The difference, Mr. Warner said, was that …")
				break
			}
		}
		// English "X said the plan …" with no "that"; not "…, said Mark
		// Quinlan, PG&E's director": a name the verb's clause ends on is
		// its subject.
		if d.lang == "en" && (lw == "said" || lw == "says") && v+2 < se && !d.nameEndsClause(toks, v+1, se) {
			if n := toks[v+1]; n.kind == tWord && !enStop[n.low] || n.lower() && enComplementOpeners[n.low] || enPronouns[n.low] != unknownGender {
				a := d.leftAttr(toks, ss, v+1)
				if a.ok() && a.m.kind != 0 {
					d.speak(pi, n.s, end, a, false, false)
					return
				}
			}
		}
		// "X сказал: …" with no marks.
		if v+1 < se && toks[v+1].is(":") && v+2 < se {
			a := d.leftAttr(toks, ss, v+1)
			if !a.ok() {
				a = attrib{verb: t.text, vg: g, how: aLeft}
			}
			d.speak(pi, toks[v+2].s, end, a, false, d.unmarkedDirect(toks[v+2:se]))
			return
		}
		// "…, — говорит X." / "…, утверждает X, …": an inserted clause.
		if v-1 > ss && (toks[v-1].is(",") || toks[v-1].kind == tDash) {
			cs := v - 1
			if d.lang == "ru" && v+1 < se && ruTopicPrepositions[toks[v+1].low] {
				// "Вера Мартынюк, помощник директора, рассказала об
				// экологических мероприятиях ООО …": what she told of, the
				// teller before the verb; no clause is inserted.
				continue
			}
			ce := phraseEnd(toks, v+1, se)
			for ce < se && ce+1 < se && !toks[ce].is(",") && toks[ce].kind != tDash {
				ce = phraseEnd(toks, ce+1, se)
			}
			if ce-v > 14 {
				continue
			}
			phrase := toks[v+1 : ce]
			if d.lang == "ru" {
				phrase = ruUntold(phrase)
			}
			m, ok := d.parsePhrase(phrase, caseNom, false)
			if d.lang == "ru" && len(phrase) > 0 && ruObliqueRole(phrase[0].low) {
				// "Сопель, в свою очередь, поблагодарил президента":
				// whom the verb is to, no speaker; no clause is inserted.
				continue
			}
			if d.lang == "ru" && ok && m.kind != kPerson {
				// "…, рассказал гендиректор центра «Прогресс», где
				// производятся эти носители, Дмитрий Баранов.": past the
				// relative clause, the name that ends the sentence is who
				// spoke.
				if k, ok := d.nameEndingSentence(toks, ce, se); ok {
					m, ce = k, se
				}
			}
			if !ok || (d.lang == "en" && !d.nameEndsClause(toks, v+1, se) && (ce-v > 5 || m.pos != toks[v+1].s && !(v+2 < se && toks[v+2].s == m.pos && toks[v+1].is("the")))) {
				continue
			}
			if d.lang == "en" && m.pos == toks[v+1].s && stripPossessive(toks[v+1].text) != toks[v+1].text {
				// "…, applauded Clinton’s remarks": after the verb, a
				// possessive is its object's owner, not who spoke
				continue
			}
			a := attrib{m: m, verb: t.text, vg: g, how: aRight}
			before := toks[cs-1].e - toks[ss].s
			after := 0
			if ce+1 < se && toks[ce].is(",") && !isRole(toks[ce+1].text, d.lang) && !(d.lang == "en" && (toks[ce+1].is("a") || toks[ce+1].is("an") || toks[ce+1].is("the"))) {
				// (not "…, рассказала Светлана Самсонова, заместитель
				// председателя …", "…, says Richard Locksley, an
				// immunologist at …": a role after the name is its
				// apposition)
				after = end - toks[ce+1].s
			}
			switch {
			case after > before:
				d.speak(pi, toks[ce+1].s, end, a, false, d.unmarkedDirect(toks[ce+1:se]))
			case d.lang == "ru" && ruInterrogatives[toks[ss].low] && !(ss+2 < cs && (toks[ss+1].is(",") || toks[ss+2].is(","))):
				// "Как живется слабовидящим в нашем городе, рассказала
				// X": what she told of, not what she said ("Как известно,
				// …" is a statement).
				d.heard(pi, a)
			case d.lang == "ru" && strings.HasPrefix(lw, "прокомментир") && ruObjectPhrase(toks[ss:cs]):
				d.heard(pi, a)
			default:
				d.speak(pi, toks[ss].s, toks[cs-1].e, a, false, d.unmarkedDirect(toks[ss:cs]))
			}
			return
		}
		// Speech without a reported clause: note who spoke.
		if a := d.leftAttr(toks, ss, v+1); a.ok() && a.m.kind != 0 {
			d.heard(pi, a)
			return
		}
	}
}

// nameEndingSentence returns the person named at the end of the sentence
// toks[:se], after the comma toks[ce] that cuts a description short: past
// a relative clause (", где производятся эти носители, Дмитрий Баранов.")
// or past more bodies the role is of (", Tiburon Research Андрей Сычев.").
// Every word after the last comma is capitalised, but for role words
// before the name (", политолог Олег Матвейчев"), and the name ends the
// sentence.
func (d *doc) nameEndingSentence(toks []token, ce, se int) (mention, bool) {
	if ce+1 >= se || !toks[ce].is(",") {
		return mention{}, false
	}
	last := se
	if endsSentence(toks[se-1]) {
		last = se - 1
	}
	k := ce
	if relativeWord(toks[ce+1].low) || ruRelativeAdverbs[toks[ce+1].low] {
		k = slices.IndexFunc(toks[ce+2:last], func(t token) bool { return t.is(",") })
		if k < 0 {
			return mention{}, false
		}
		k += ce + 2
	}
	if k+1 >= last {
		return mention{}, false
	}
	n := k + 1
	for n < last-1 && d.lang == "ru" && toks[n].kind == tWord && toks[n].lower() && isRuRole(toks[n].low) {
		n++ // ", политолог Олег Матвейчев": the role in apposition first
	}
	for _, t := range toks[n:last] {
		if t.kind != tWord || !t.cap() {
			return mention{}, false
		}
	}
	m, ok := d.parsePhrase(toks[k+1:last], caseNom, false)
	return m, ok && m.kind == kPerson && m.strong && len(m.first) > 0 && m.last == toks[last-1].text
}

// ruRelativeAdverbs open a relative clause about a place or time: "центр
// «Прогресс», где производятся эти носители".
var ruRelativeAdverbs = toSet(`где куда откуда когда`)

// negated reports whether the speech verb toks[v] of the sentence opening
// at toks[ss] is negated or refused: "not", "never", "не" (but for "пока
// … не", "until"), "refused to", "declined to", "отказался" before it; or
// put as what someone would say: "for Republicans to say".
func negated(toks []token, ss, v int) bool {
	k := v - 1
	if k >= ss && toks[k].low == "to" {
		k--
		if k >= ss && (strings.HasPrefix(toks[k].low, "refus") || strings.HasPrefix(toks[k].low, "declin")) {
			return true
		}
		// "it's awkward for Republicans to say that …": what someone
		// would say, not what they said
		if slices.ContainsFunc(toks[max(ss, k-2):k+1], func(t token) bool { return t.low == "for" }) {
			return true
		}
	}
	if k >= ss && (toks[k].low == "not" || toks[k].low == "never" || toks[k].low == "n't" || toks[k].low == "никогда") {
		return true
	}
	if k >= ss && toks[k].low == "не" {
		// (not "пока мать не сообщила, что …": until she said it)
		return !slices.ContainsFunc(toks[ss:k], func(t token) bool { return t.low == "пока" })
	}
	return k >= ss && strings.HasPrefix(toks[k].low, "отказал")
}

// passive reports whether the English verb toks[v] of the sentence opening
// at toks[ss] is a passive participle: a form of "be" (and an adverb) before
// it ("was told", "were also informed").
func passive(toks []token, ss, v int) bool {
	if strings.HasSuffix(toks[v].low, "ing") {
		return false // "are gently urging": a progressive
	}
	k := v - 1
	if k > ss && strings.HasSuffix(toks[k].low, "ly") {
		k--
	}
	if k < ss {
		return false
	}
	switch toks[k].low {
	case "was", "were", "been", "being", "be", "is", "are":
		return true
	}
	return false
}

// nameEndsClause reports whether the words at toks[i:se) up to a comma or
// the sentence's end name someone, with no verb: "…, said Arroyo, a
// physician", "…, said veteran Democratic strategist James Carville.",
// "…, said Justice Secretary Humza Yousaf." name the speaker of what came
// before; "said the plan would fail" reports a clause.
func (d *doc) nameEndsClause(toks []token, i, se int) bool {
	k := i
	ends := func(k int) bool { return endsSentence(toks[k]) && !(toks[k].is(".") && abbrevDot(toks, k)) }
	for ; k < se && k < i+8 && !toks[k].is(",") && !ends(k); k++ {
		if toks[k].is(".") {
			continue // an initial's or abbreviation's dot: "Mary E. Lovely"
		}
		if _, v := d.verbAt(toks[k]); v || toks[k].kind != tWord || enStop[toks[k].low] && toks[k].low != "the" && toks[k].low != "of" {
			return false // a verb's clause, or "wrote to Gov. Roy Cooper": whom to
		}
	}
	return k > i && (k == se || toks[k].is(",") || ends(k)) && nameWord(toks[k-1], d.lang)
}

// unmarkedDirect reports whether speech given without quotation marks is
// the speaker's own words: in Russian, agencies drop the marks of direct
// speech ("Мы готовы к диалогу, заявил Песков."), which its first person
// gives away.
func (d *doc) unmarkedDirect(toks []token) bool {
	if d.lang != "ru" {
		return false
	}
	for _, t := range toks {
		if t.kind == tWord && ruFirstPerson[t.low] {
			return true
		}
	}
	return false
}

var ruFirstPerson = toSet(`я мы меня мне мной нас нам нами мой моя моё мое мои моего моей моих моим мою
наш наша наше наши нашего нашей наших нашим нашу`)

// enComplementOpeners are function words that open the clause of what
// was said after a speech verb with no "that": "said the plan …", "said
// its members had been …".
var enComplementOpeners = toSet(`the it there this its his their our`)

// ruObjectPhrase reports whether the words toks, before an inserted
// attribution by a verb that takes what it is about as its object, are a
// noun phrase and a relative clause that ends them ("Ситуацию, которая
// сложилась в Грузии …, прокомментировало посольство"): that object, no
// words said. The phrase before the clause has no comma and no verb in the
// past.
func ruObjectPhrase(toks []token) bool {
	c := slices.IndexFunc(toks, func(t token) bool { return t.is(",") })
	if c < 1 || c+2 >= len(toks) || slices.ContainsFunc(toks[c+1:], func(t token) bool { return t.is(",") }) {
		return false
	}
	r := toks[c+1]
	if ruPrepositions[r.low] {
		r = toks[c+2] // "…, в котором …"
	}
	return relativeWord(r.low) && !slices.ContainsFunc(toks[:c], func(t token) bool {
		_, past := ruPastTense(t.low)
		return past
	})
}

// relativeWord reports whether w opens a relative clause: "который",
// "которые", "who", "which".
func relativeWord(w string) bool {
	return strings.HasPrefix(w, "котор") || w == "who" || w == "which"
}

// clauseJoiners join a clause to the one before them: after a cue inserted
// in a sentence ("…, according to The Wrap, so it's possible …") the
// words said end at the cue, as they do before "a" or "an" opening the
// cue's apposition ("…, according to a poll by Latino Decisions, a public
// opinion research group").
var clauseJoiners = toSet(`and but so while whereas although though yet а но однако хотя`)

// ruTopicPrepositions open what one tells of: "рассказала об …".
var ruTopicPrepositions = toSet(`о об обо про`)

// ruInterrogatives open an indirect question: the topic of what was told.
var ruInterrogatives = toSet(`как почему зачем отчего сколько где когда куда откуда каким какой какая какое какие каков`)
