package quote

import "strings"

// interview is what a question-and-answer text says of its turns: who
// answers and who asks. A turn is a paragraph of Russian dash speech with
// no attribution clause of its own.
type interview struct {
	on       bool
	answerer *entity // nil when the lead names nobody
	asker    *entity // nil when the lead names no interviewer
}

// minTurns and minQuestions make a text an interview: that many bare dash
// turns, that many of them questions.
const (
	minTurns     = 4
	minQuestions = 2
)

// readInterview tells whether the article is an interview and, if so, who
// answers and who asks: the person the lead says the conversation is with
// ("Андрей Карташов поговорил с Марианн Ламбер", "беседа с …", "интервью
// с …"), else the speaker of a headline "Имя: «…»"; the asker is the
// person who "поговорил". Answers are credited to the answerer and
// questions to the asker, never to a name inside a turn.
func (d *doc) readInterview() {
	if d.lang != "ru" {
		return
	}
	turns, questions, first := 0, 0, -1
	for pi := range d.paras {
		if !d.bareTurn(pi) {
			continue
		}
		if first < 0 {
			first = pi
		}
		turns++
		if d.question(pi) {
			questions++
		}
	}
	if turns < minTurns || questions < minQuestions {
		return
	}
	d.iv.on = true
	for pi := 0; pi < min(first, 4) && d.iv.answerer == nil; pi++ {
		d.iv.answerer, d.iv.asker = d.leadNames(pi)
	}
	if d.iv.answerer == nil {
		d.iv.answerer = d.vocative(first)
	}
}

// leadNames reads who an interview is with from a paragraph of its lead:
// "X поговорил с Y" (Y answers, X asks), "беседа с Y", "интервью с Y",
// "интервью Y" (genitive), "Y рассказал в интервью …", "о том, …,
// рассказывает Y".
func (d *doc) leadNames(pi int) (answerer, asker *entity) {
	toks := d.paras[pi].toks
	person := func(from, cas int) *entity {
		end := phraseEnd(toks, from, len(toks))
		if m, ok := d.parsePhrase(toks[from:end], cas, false); ok && m.kind == kPerson {
			// A name alone only when the article gives it in full.
			if e, _ := d.resolve(m, unknownGender); e != nil && e.first != "" {
				return e
			}
		}
		return nil
	}
	for k := 0; k+1 < len(toks); k++ {
		w := toks[k].low
		switch {
		case interviewWord(w) && (toks[k+1].is("с") || toks[k+1].is("со")) && k+2 < len(toks):
			if answerer = person(k+2, caseIns); answerer != nil {
				if g, isVerb := ruPastGender(w); isVerb {
					ss, _ := d.sentenceOf(pi, k)
					if s, ok := d.leftSubject(toks, ss, k); ok && s.kind == kPerson {
						asker, _ = d.resolve(s, g)
					}
				}
				return answerer, asker
			}
		case strings.HasPrefix(w, "интервью") && toks[k+1].kind == tWord && !toks[k+1].is("с"):
			if answerer = person(k+1, caseGen); answerer != nil {
				return answerer, nil
			}
		}
		if g, ok := d.verbAt(toks[k]); ok && interviewVerb(w) {
			ss, se := d.sentenceOf(pi, k)
			if s, ok := d.leftSubject(toks, ss, k); ok && s.kind == kPerson && (len(s.first) > 0 || s.strong) {
				answerer, _ = d.resolve(s, g)
				return answerer, nil
			}
			end := phraseEnd(toks, k+1, se)
			if m, ok := d.parsePhrase(toks[k+1:end], caseNom, false); ok && m.kind == kPerson && len(m.first) > 0 {
				answerer, _ = d.resolve(m, g)
				return answerer, nil
			}
		}
	}
	return nil, nil
}

// interviewVerb reports whether w says that someone answers an interview's
// questions: "рассказал", "рассказывает", "отвечает", "ответила".
func interviewVerb(w string) bool {
	return startsWith(w, "рассказ", "отвеча", "ответил", "поделил", "делится")
}

// vocative reads the name an interviewer addresses the answerer by at the
// start of a question ("Игорь Викторович, по вашей оценке …"): the one
// person of the article with that given name, if any.
func (d *doc) vocative(from int) *entity {
	for pi := from; pi < len(d.paras); pi++ {
		toks := d.paras[pi].toks
		if !d.bareTurn(pi) || !d.question(pi) || len(toks) < 4 || !toks[3].is(",") {
			continue
		}
		if !toks[1].cap() || !ruPatronymicNom(toks[2].low) {
			continue
		}
		return d.givenAndPatronymic([]string{toks[1].text}, toks[2].text, unknownGender)
	}
	return nil
}

// turn emits paragraph pi, a bare dash turn of an interview, as said by
// the interviewer when it asks a question and by the interviewee otherwise.
func (d *doc) turn(pi int) {
	who := d.iv.answerer
	if d.asks(pi) {
		who = d.iv.asker
	}
	d.emit(d.paras[pi].toks[0].e, d.paras[pi].e, speaker{e: who, para: pi}, attrib{}, true)
}

// interviewWord reports whether w introduces whom a conversation is with:
// "поговорил", "побеседовала", "беседа", "интервью", "разговор".
func interviewWord(w string) bool {
	return startsWith(w, "поговорил", "побеседовал", "беседовал", "беседа", "беседе", "беседу", "интервью", "разговор")
}

// bareTurn reports whether paragraph pi is Russian dash speech with no
// attribution clause: a turn of an interview or a dialogue.
func (d *doc) bareTurn(pi int) bool {
	toks := d.paras[pi].toks
	if len(toks) < 2 || toks[0].kind != tDash || (toks[1].kind != tWord && toks[1].kind != tQuote) {
		return false
	}
	return !hasClause(d.splitSpeech(toks[0].e, d.paras[pi].e))
}

// question reports whether paragraph pi ends with a question.
func (d *doc) question(pi int) bool {
	s := strings.TrimRight(d.text[d.paras[pi].s:d.paras[pi].e], " »\"”)")
	return endsWith(s, "?", "?..")
}

// asks reports whether bare turn pi of an interview is the interviewer's:
// a question, or a remark the next turn answers with "Да", "Нет" …
// ("— Вы снимали Акерман за работой…" / "— Да, но …"), or one after an
// answer that speaks to the interviewee ("— Я не буду тебя спрашивать, как
// ты уехал."). When unsure, a turn is the interviewer's: its words are then
// credited to no one rather than put in the interviewee's mouth.
func (d *doc) asks(pi int) bool {
	if d.question(pi) {
		return true
	}
	if pi+1 < len(d.paras) && d.bareTurn(pi+1) {
		if toks := d.paras[pi+1].toks; len(toks) > 2 && ruReplies[toks[1].low] && (toks[2].is(",") || toks[2].is(".") || toks[2].is("!") || toks[2].kind == tDash) {
			return true
		}
	}
	if pi == 0 || !d.bareTurn(pi-1) || d.question(pi-1) {
		return false
	}
	for _, t := range d.paras[pi].toks {
		if ruYou[t.low] {
			return true
		}
	}
	return false
}

// ruReplies open an answer to a yes-or-no question or a remark.
var ruReplies = toSet(`да нет конечно безусловно разумеется верно именно естественно`)

// ruYou are the forms of the second person's pronouns: ты, вы, твой, ваш.
var ruYou = toSet(`ты тебя тебе тобой вы вас вам вами твой твоя твое твоё твои твоего твоей твоих твоим ваш ваша ваше ваши вашего вашей ваших вашим`)
