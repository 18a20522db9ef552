package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// thingBefore reports whether the quotation at toks[qi] names a thing
// announced by the word before it.
func (d *doc) thingBefore(toks []token, qi int) bool {
	if qi == 0 {
		return false
	}
	p := toks[qi-1]
	k := qi - 1
	if p.is(":") {
		k--
	}
	if d.lang == "ru" && k > 0 && toks[k].is("тему") && toks[k-1].is("на") {
		return true // "рассуждали на тему: «…»", "опрос на тему «…»"
	}
	if p.kind != tWord {
		return false
	}
	lp := p.low
	if d.lang == "ru" {
		// "так называемой «…»": the participle in any form (its stem is
		// the verb's, so it is not in ruThingStems).
		if ruThingNoun(p) || strings.HasPrefix(lp, "называем") {
			return true
		}
		// "по закону об «иностранных агентах»": what the thing is about.
		if (lp == "о" || lp == "об") && qi > 1 && ruThingNoun(toks[qi-2]) {
			return true
		}
		// "ст. 20.3.1 КоАП РФ «…»": the title of a code's article.
		k = qi - 1
		if k > 0 && (lp == "рф" || ruPlace(lp)) {
			k--
		}
		if toks[k].kind == tWord && ruCodes[toks[k].low] {
			return true
		}
		// An abbreviation of a legal form or a club: АО «…», ФК «…».
		if p.acronym() && ruLegalForms[lp] {
			return true
		}
		// "…, сообщает ПСО «Ты не один».": after the verb of a clause that
		// tells who said what came before it, the body that said it, by
		// its acronym and name.
		if qi >= 3 && p.acronym() && toks[qi-3].is(",") {
			if _, verb := d.verbAt(toks[qi-2]); verb {
				return qi+1 == len(toks) || endsSentence(toks[qi+1])
			}
		}
		return false
	}
	return enThings[lp]
}

// documentTitle reports whether a Russian quotation is the title of an
// act: "Об утверждении схемы …", "О внесении изменений …" (about a
// verbal noun, asking and exclaiming nothing), not anyone's words.
func documentTitle(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || f[0] != "О" && f[0] != "Об" || strings.ContainsAny(s, "?!") {
		return false
	}
	return strings.HasSuffix(lower(f[1]), "нии")
}

// termKey returns the stems of the words of a quotation that may be a term
// (at most five words, no sentence punctuation), or "".
func termKey(s string) string {
	if len(s) > maxNameBytes || strings.ContainsAny(s, ",:;.!?") {
		return ""
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return ""
	}
	for i, w := range words {
		words[i] = news.Stem(news.Fold(w))
	}
	return strings.Join(words, " ")
}

// readTerms notes the Russian terms of the article: words it quotes inside
// sentences in two inflections («зона безопасности», «зоны безопасности»),
// since speech is quoted as said and a term declines with the sentence
// around it.
func (d *doc) readTerms() {
	if d.lang != "ru" {
		return
	}
	forms := map[string]string{}
	for _, sp := range d.spans {
		k := termKey(d.text[sp.s:sp.e])
		if k == "" || wordBefore(d.text, sp.open) == "" {
			continue
		}
		c := lower(d.text[sp.s:sp.e])
		if f, ok := forms[k]; !ok {
			forms[k] = c
		} else if f != c {
			d.terms[k] = true
		}
	}
}

// ruThingNoun reports whether t is a noun of ruThingStems, in any case.
func ruThingNoun(t token) bool {
	return t.kind == tWord && ruThingStems[news.Stem(news.Fold(t.low))]
}

// ruCodes are Russian codes of law, whose articles are quoted by title.
var ruCodes = toSet(`коап ук гк нк тк жк апк гпк упк кас`)

// ruThingStems are the stems of nouns that name a thing given after them in
// quotation marks, in any case: компания «Газпром», газета «Коммерсантъ»,
// закон «О…», фильм «…». A noun whose forms the stemmer
// reads as two stems is listed in both.
var ruThingStems = stemSet(`компания газета журнал журнале издание телеканал
телеканале радиостанция партия фильм книга закон
законопроект программа проект операция движение фонд
банк клуб группировка организация агентство сайт
портал ресторан отель корабль судно крейсер
фестиваль премия конкурс передача шоу сериал роман
песня альбом альбома спектакль названием платформа
приложение сеть марка бренд канал статья публикации
колонка рубрика акция кампания форум саммит саммита
комплекс завод концерн холдинг корпорация рынок рынке
госкорпорация театр музей музея центр объединение
блок союз фракция коалиция орден медаль медали звание
специальности номинации категории стратегия
доктрина концепция план пакет соглашение договор
режим режима статус тег хэштег хештег слоган слоганом
лозунг надпись надписью трасса аэропорт станция
комбинат месторождение рейс самолет мультфильм
космодром космодрома ракета система госпрограмма регпроект нацпроект федпроект`)

// enThings are nouns that name a thing given after them in quotation marks.
var enThings = toSet(`film movie book novel show series song album newspaper magazine program programme
operation campaign slogan hashtag law act bill ship vessel company party group movement
project plan initiative brand app website blog column documentary podcast play opera titled
entitled named dubbed called nicknamed`)

// maxNameBytes is the longest quotation that may be a name.
const maxNameBytes = 512

// nameLike reports whether quoted words look like the name of a thing:
// short (at most five words, maxNameBytes), capitalised, with no sentence
// punctuation.
func nameLike(s, lang string) bool {
	if s == "" || len(s) > maxNameBytes {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r)) {
		return false
	}
	if lang == "en" && strings.HasSuffix(s, ".") && !strings.ContainsAny(s[:len(s)-1], ".!?") {
		s = s[:len(s)-1] // “Meet the Press.” with the sentence's period inside
	}
	if strings.ContainsAny(s, ",:;") || endsTerminal(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 5 {
		return false
	}
	if lang == "ru" {
		return true
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !enStop[w] {
			return false
		}
	}
	return true
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

// quotedNominative returns the name q, quoted in an oblique case
// («Нафтогазе», «Роснефти», «Рады»), as the article quotes it elsewhere in
// its nominative («Нафтогаз Украины», «Роснефть», «Рада»), or "" when it
// never does.
func (d *doc) quotedNominative(q string) string {
	first, _, _ := strings.Cut(q, " ")
	rs := []rune(first)
	if len(rs) < 4 {
		return ""
	}
	stem := string(rs[:len(rs)-1])
	for _, sp := range d.spans {
		name := quotedName(token{kind: tQuote, text: d.text[sp.s:sp.e]}, d.lang)
		w, _, _ := strings.Cut(name, " ")
		if !nominativeOf(w, stem, rs[len(rs)-1]) {
			continue
		}
		return name
	}
	return ""
}

// ruReflexiveVerb reports whether w ends as a reflexive verb: present
// ("ведется"), infinitive ("заниматься") or past ("побоялась"); "здесь",
// "весь" do not.
func ruReflexiveVerb(w string) bool {
	return endsWith(w, "тся", "ться", "лся", "лась", "лось", "лись")
}

// nominativeOf reports whether w is the nominative of a name whose oblique
// form is stem followed by the letter end: the stem alone or with "ь"
// (Нафтогазе → Нафтогаз, Роснефти → Роснефть), or, after a feminine
// ending, with "а" or "я" (Рады → Рада); not "Нафтогаза", a genitive.
func nominativeOf(w, stem string, end rune) bool {
	switch w {
	case stem, stem + "ь":
		return true
	case stem + "а", stem + "я":
		return end == 'ы' || end == 'и' || end == 'у' || end == 'ю'
	}
	return false
}

// looksLikeSpeech reports whether short quoted words read as speech rather
// than as a name: a pronoun, a negation, an auxiliary or (Russian) a verb's
// ending.
func looksLikeSpeech(s, lang string) bool {
	if lang == "en" && enTitleCase(s) {
		return false // “Orange is the New Black”: a title, whatever its verb
	}
	for _, w := range strings.FieldsFunc(lower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		w = strings.ReplaceAll(w, "’", "'")
		if lang == "ru" {
			if ruSpeechWords[w] {
				return true
			}
			if _, ok := ruVerb(w); ok {
				return true
			}
			// A verb's ending, reflexive ones included ("ведется",
			// "побоялась"), in quoted words that are more than one
			// capitalised word («Подъем», «Автонет» are names), of
			// Russian letters («Көркем Телеком» is Kazakh).
			if n := utf8.RuneCountInString(w); (len(strings.Fields(s)) > 1 || !firstUpper(s)) && n >= 5 && ruAlphabet(w) && (endsWith(w, "ет", "ит", "ют", "ят") || strings.HasSuffix(w, "ем") && n >= 6 || ruReflexiveVerb(w)) {
				return true
			}
			continue
		}
		if enSpeechWords[w] {
			return true
		}
	}
	return false
}

// enTitleCase reports whether English words are set as a title: three or
// more, two of those after the first capitalised, the others function
// words.
func enTitleCase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 3 {
		return false
	}
	caps := 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			if i > 0 {
				caps++
			}
		case !enStop[lower(w)] && !enSpeechWords[lower(w)]:
			return false
		}
	}
	return caps >= 2
}

var ruSpeechWords = toSet(`не нет да я мы вы ты он она они это будет был была было были нужно надо можно
нельзя меня нас вас нам вам мне себя сейчас теперь уже все всё очень`)

var enSpeechWords = toSet(`i we you he she they it is are was were will would can could should not don't
won't can't isn't we're i'm it's there's that's have has had be been do does did my our your`)

// ruAlphabet reports whether the lower-case word w is written in the
// letters of the Russian alphabet alone.
func ruAlphabet(w string) bool {
	return !strings.ContainsFunc(w, func(r rune) bool { return (r < 'а' || r > 'я') && r != 'ё' })
}
