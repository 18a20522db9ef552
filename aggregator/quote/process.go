package quote

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ruThings are nouns that name a thing given after them in quotation marks:
// компания «Газпром», газета «Коммерсантъ», закон «О…», фильм «…».
var ruThings = toSet(`компания компании компанию компанией компаний газета газеты газете газету газетой
журнал журнала журнале журналу издание издания изданию изданием телеканал телеканала телеканале
телеканалу радиостанция радиостанции партия партии партию партией фильм фильма фильме фильму
книга книги книге книгу закон закона законе закону законопроект законопроекта программа программы
программе программу проект проекта проекте проекту операция операции операцию операцией
движение движения движению фонд фонда фонде фонду банк банка банке банку пао оао зао ооо ао
клуб клуба клубе клубу фк хк группировка группировки группировке организация организации
организацию агентство агентства агентству сайт сайта сайте портал портала ресторан ресторана
отель отеля корабль корабля судно судна крейсер крейсера фестиваль фестиваля премия премии
премию конкурс конкурса передача передачи передаче передачу шоу сериал сериала роман романа
песня песни песню альбом альбома спектакль спектакля названием название называемый называемая
называемые называемого платформа платформы приложение приложения сеть сети марка марки бренд
бренда канал канала статья статьи статье статью публикации публикация колонка колонке рубрика
рубрике акция акции кампания кампании форум форума саммит саммита комплекс комплекса завод
завода концерн концерна холдинг холдинга корпорация корпорации госкорпорация госкорпорации
театр театра музей музея центр центра объединение объединения блок блока союз союза
фракция фракции фракцией коалиция коалиции орден ордена медаль медали звание звания
специальности специальность номинации номинация категории категория проекта стратегия
стратегии доктрина доктрины концепция концепции план плана пакет пакета соглашение соглашения
договор договора режим режима статус статуса тег хэштег хештег слоган слоганом лозунг лозунгом
надпись надписью трасса трассы аэропорт аэропорта аэропорту станция станции комбинат
комбината месторождение месторождения рейс рейса самолет самолета самолёт самолёта
космодром космодрома ракета ракеты ракетой комплексы система системы системой`)

// enThings are nouns that name a thing given after them in quotation marks.
var enThings = toSet(`film movie book novel show series song album newspaper magazine program programme
operation campaign slogan hashtag law act bill ship vessel company party group movement
project plan initiative brand app website blog column documentary podcast play opera titled
entitled named dubbed called nicknamed`)

// thingBefore reports whether the quotation at toks[qi] names a thing
// announced by the word before it.
func (d *doc) thingBefore(toks []token, qi int) bool {
	if qi == 0 {
		return false
	}
	p := toks[qi-1]
	if p.kind != tWord {
		return false
	}
	lp := p.low
	if d.lang == "ru" {
		if ruThings[lp] {
			return true
		}
		// An abbreviation of a company form or a club: АО «…», ФК «…».
		return p.acronym() && utf8.RuneCountInString(p.text) <= 4 && (lp == "ао" || lp == "пао" || lp == "оао" || lp == "зао" || lp == "ооо" || lp == "фк" || lp == "хк" || lp == "нко" || lp == "гуп" || lp == "муп" || lp == "фгуп" || lp == "ано")
	}
	return enThings[lp]
}

// nameLike reports whether quoted words look like the name of a thing:
// short, capitalised, with no sentence punctuation.
func nameLike(s, lang string) bool {
	if s == "" {
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

var ruSpeechWords = toSet(`не нет да я мы вы ты он она они это будет был была было были нужно надо можно
нельзя меня нас вас нам вам мне себя сейчас теперь уже все всё очень`)

var enSpeechWords = toSet(`i we you he she they it is are was were will would can could should not don't
won't can't isn't we're i'm it's there's that's have has had be been do does did my our your`)

// looksLikeSpeech reports whether short quoted words read as speech rather
// than as a name: a pronoun, a negation, an auxiliary or (Russian) a verb's
// ending.
func looksLikeSpeech(s, lang string) bool {
	for _, w := range strings.FieldsFunc(lower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		w = strings.ReplaceAll(w, "’", "'")
		if lang == "ru" {
			if ruSpeechWords[w] {
				return true
			}
			if _, ok := ruVerb(w); ok {
				return true
			}
			if n := utf8.RuneCountInString(w); n >= 5 && (strings.HasSuffix(w, "ет") || strings.HasSuffix(w, "ит") || strings.HasSuffix(w, "ют") || strings.HasSuffix(w, "ят") || strings.HasSuffix(w, "ем") && n >= 6) {
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

func firstUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func endsTerminal(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " )"))
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// run finds the quotations of every paragraph in order.
func (d *doc) run() {
	for pi := range d.paras {
		toks := d.ptoks[pi]
		if len(toks) == 0 {
			continue
		}
		if d.lang == "ru" && toks[0].kind == tDash && len(toks) > 1 && toks[1].kind == tWord {
			if d.dashPara(pi) {
				continue
			}
		}
		// Sentence by sentence, so that reported speech names its speaker
		// for the quotations after it.
		st := d.psents[pi]
		for k, ss := range st {
			se := len(toks)
			if k+1 < len(st) {
				se = st[k+1]
			}
			for qi := ss; qi < se; qi++ {
				if toks[qi].kind == tQuote {
					d.quoteTok(pi, qi)
				}
			}
			d.indirect(pi, ss, se)
		}
	}
	d.post()
}

// speak resolves attribution a (falling back on the last speaker when
// follow is set) and emits [s, e) for it.
func (d *doc) speak(pi int, s, e int, a attrib, follow bool, direct bool) {
	var ent *entity
	role := ""
	if a.ok() && a.m.kind != 0 {
		ent, role = d.resolve(a.m, a.vg)
	}
	if ent == nil && a.ok() && a.m.kind == 0 && a.how != aCue {
		// "говорится в заявлении": the body named before, if any.
		if a.doc && d.last != nil && pi-d.lastPara <= 1 {
			ent = d.last
		} else if o := d.lastOrg(s, ""); o != nil {
			ent = o
		} else if d.last != nil && d.last.kind == kOrg && pi-d.lastPara <= 1 {
			ent = d.last
		}
	}
	if ent == nil && !a.ok() && follow && d.last != nil && pi-d.lastPara <= 1 {
		ent, role = d.last, d.lastRole
	}
	if ent != nil {
		d.last, d.lastPara = ent, pi
		if a.ok() {
			d.lastRole = role
		}
	}
	n := len(d.out)
	d.emit(s, e, ent, role, a.verb, direct, pi)
	if len(d.out) > n {
		d.out[n].right = a.how == aRight
	}
}

// quoteTok handles the top-level quotation toks[qi] of paragraph pi.
func (d *doc) quoteTok(pi, qi int) {
	toks := d.ptoks[pi]
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
	if d.thingBefore(toks, qi) {
		return
	}
	if !full && nameLike(content, d.lang) && !looksLikeSpeech(content, d.lang) {
		return
	}
	if full && !afterColon && nameLike(content, d.lang) && !looksLikeSpeech(content, d.lang) && utf8.RuneCountInString(content) < 40 && !endsTerminal(content) {
		// «Газпром» заявил…: a name at the start of a sentence.
		if qi+1 < len(toks) && (toks[qi+1].kind == tWord || toks[qi+1].is("(")) {
			return
		}
	}

	var a attrib
	if d.lang == "en" && (afterColon || afterVerbComma && endsTerminal(content)) {
		// "Hayek said, “… overlook.” The star then recalled …": a quotation
		// after a colon, or introduced by its verb and closing its
		// sentence, has its attribution on the left
		a = d.leftAttr(toks, ss, qi)
	}
	if !a.ok() {
		a = d.rightAttr(toks, qi+1, se)
	}
	if !a.ok() {
		a = d.leftAttr(toks, ss, qi)
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
			nt := d.ptoks[pi+1]
			if len(nt) > 0 {
				_, se2 := d.sentenceOf(pi+1, 0)
				a = d.nextAttr(nt, 0, se2)
			}
		}
	}
	if !a.ok() && qi == 0 && pi > 0 {
		a = d.prevAttr(pi)
	}
	if !a.ok() && pi == 0 {
		a = d.headlineAttr(toks)
	}
	if !full {
		// A fragment: only with a source in its sentence (or, in Russian,
		// the sentence before).
		if !a.ok() {
			if d.lang != "ru" {
				return
			}
			k := sortSearch(d.psents[pi], ss)
			if k == 0 || !d.cueIn(toks, d.psents[pi][k-1], ss) || d.lastPara != pi {
				return
			}
		} else if d.lang == "en" && !enFragments && (!firstUpper(content) || qi > 0 && toks[qi-1].is("that")) {
			// English words quoted inside a paraphrase ("called it
			// “reckless”") are left out; a capitalised fragment is kept.
			// Its source still speaks, for the quotations after it.
			if a.m.kind != 0 {
				if ent, role := d.resolve(a.m, a.vg); ent != nil {
					d.last, d.lastPara, d.lastRole = ent, pi, role
				}
			}
			d.quoted[[2]int{pi, ss}] = true
			return
		}
	}
	segs := []seg{{s: sp.s, e: sp.e}}
	if d.lang == "ru" {
		segs = d.splitSpeech(sp.s, sp.e)
	}
	d.emitSegs(pi, segs, a, true)
	d.quoted[[2]int{pi, ss}] = true
	d.innerQuotes(pi, toks[qi].q)
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

// enFragments tells whether English words quoted inside a paraphrase
// ("called the move “reckless”") are reported. They are not: English news
// quotes sentences, and the quoted words of a paraphrase are mostly the
// reporter's choice (PolNeAR leaves them out); a capitalised fragment is.
const enFragments = false

func sortSearch(a []int, x int) int { return sort.SearchInts(a, x) }

// emitSegs emits the pieces of one quotation: each piece takes the
// attribution clause that follows it, else the one of the piece before, else
// outer.
func (d *doc) emitSegs(pi int, segs []seg, outer attrib, follow bool) {
	// Attributions of the inside clauses.
	as := make([]attrib, len(segs))
	for k, sg := range segs {
		if sg.cs < sg.ce {
			ct := tokenize(d.text, sg.cs, sg.ce, d.spans, nil)
			as[k] = d.rightAttr(ct, 0, len(ct))
			if as[k].ok() && as[k].m.kind == 0 && outer.ok() {
				as[k].m = outer.m
			}
		}
	}
	for k, sg := range segs {
		a := as[k]
		if !a.ok() {
			for j := k - 1; j >= 0; j-- {
				if as[j].ok() {
					a = as[j]
					break
				}
			}
		}
		if !a.ok() {
			for j := k + 1; j < len(segs); j++ {
				if as[j].ok() {
					a = as[j]
					break
				}
			}
		}
		if !a.ok() {
			a = outer
		}
		d.speak(pi, sg.s, sg.e, a, follow, true)
	}
}

func onlyPunctAfter(toks []token, i, se int) bool {
	for k := i; k < se; k++ {
		if toks[k].kind == tWord || toks[k].kind == tQuote {
			return false
		}
	}
	return true
}

// headlineAttr reads a headline ending in "— Name" (a quotation followed
// by its speaker, no verb).
func (d *doc) headlineAttr(toks []token) attrib {
	for k := len(toks) - 1; k > 0; k-- {
		if toks[k].kind == tDash {
			if k+1 < len(toks) {
				if m, ok := d.parsePhrase(toks[k+1:], caseNom, false); ok && m.kind == kPerson {
					return attrib{m: m, how: aColon}
				}
			}
			return attrib{}
		}
		if toks[k].kind != tWord && !toks[k].is(".") {
			return attrib{}
		}
	}
	return attrib{}
}

// prevAttr attributes a quotation opening paragraph pi from the previous
// paragraph when that ends with a colon ("Анвар Ибрагим признался:").
func (d *doc) prevAttr(pi int) attrib {
	pt := d.ptoks[pi-1]
	if len(pt) == 0 || !pt[len(pt)-1].is(":") {
		return attrib{}
	}
	ss, _ := d.sentenceOf(pi-1, len(pt)-1)
	a := d.leftAttr(pt, ss, len(pt))
	if !a.ok() {
		// "Премьер-министр Малайзии продемонстрировал, что …:" — the
		// sentence's subject introduces the speech.
		if m, ok := d.parsePhrase(pt[ss:], caseNom, false); ok && m.kind != kPronoun {
			a = attrib{m: m, how: aPrev}
		}
	}
	if a.ok() {
		a.how = aPrev
	}
	return a
}

// dashPara handles a paragraph of Russian dash speech ("— …, — сказал
// он."). It returns false when the paragraph is not attributed speech.
func (d *doc) dashPara(pi int) bool {
	toks := d.ptoks[pi]
	p := d.paras[pi]
	if last := toks[len(toks)-1]; last.is(";") || last.is(",") {
		return false // an item of a list
	}
	segs := d.splitSpeech(toks[0].e, p.e)
	hasClause := false
	for _, sg := range segs {
		if sg.cs < sg.ce {
			hasClause = true
		}
	}
	var outer attrib
	if !hasClause {
		if pi == 0 {
			return false
		}
		outer = d.prevAttr(pi)
		if !outer.ok() {
			// A run of dash speech continues the speaker of the paragraph before.
			prev := d.ptoks[pi-1]
			if len(prev) == 0 || prev[0].kind != tDash || d.lastPara != pi-1 {
				return false
			}
		}
	}
	d.emitSegs(pi, segs, outer, true)
	return true
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
	for k := range d.spans {
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
		saveLast, saveP, saveR := d.last, d.lastPara, d.lastRole
		d.speak(pi, ks.s, ks.e, a, false, true)
		d.last, d.lastPara, d.lastRole = saveLast, saveP, saveR
	}
}

// indirect reports reported speech in the sentence toks[ss:se) of
// paragraph pi with Direct false: "X asserted that …", "X заявил, что …",
// "по словам X, …", "X сказал: …" (no marks), "…, — говорит X." and "…,
// утверждает X, …" (the longer side of the inserted clause). It notes the
// speaker for the quotations after it.
func (d *doc) indirect(pi, ss, se int) {
	toks := d.ptoks[pi]
	if d.quoted[[2]int{pi, ss}] || se-ss < 3 {
		return
	}
	end := toks[se-1].e
	if endsSentence(toks[se-1]) {
		end = toks[se-1].s
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
			if !ok {
				continue
			}
			a := attrib{m: m, how: aCue}
			if (v-1 == ss || d.lang == "en" && v == ss) && pe < se && toks[pe].is(",") && pe+1 < se {
				d.speak(pi, toks[pe+1].s, end, a, false, false)
			} else if v-1 > ss {
				d.speak(pi, toks[ss].s, toks[v-2].e, a, false, false)
			} else {
				continue
			}
			return
		}
		g, ok := d.verbAt(t)
		if !ok || g == 'g' || (d.lang == "en" && weakVerb(lw)) {
			continue
		}
		// "…, что …" / "… that …" within a few words after the verb.
		for n := v + 1; n < se && n <= v+6; n++ {
			nt := toks[n]
			if nt.is("что") || nt.is("that") {
				if n+1 >= se {
					break
				}
				a := d.leftAttr(toks, ss, n)
				if !a.ok() {
					a = attrib{verb: t.text, vg: g, how: aLeft}
				}
				d.speak(pi, toks[n+1].s, end, a, false, false)
				return
			}
			if _, isV := d.verbAt(nt); isV || endsSentence(nt) || nt.is(":") || nt.kind == tDash {
				break
			}
		}
		// English "X said the plan …" with no "that".
		if d.lang == "en" && (lw == "said" || lw == "says" || lw == "told" || lw == "tells") && v+2 < se {
			n := v + 1
			if lw == "told" || lw == "tells" {
				if _, e := nameSpan(toks, n, d.lang); e > n {
					n = e
				} else if toks[n].lower() && n+1 < se && (enPronouns[toks[n].low] != 0 || toks[n].low == "reporters" || toks[n].low == "journalists") {
					n++
				}
			}
			if n < se && toks[n].kind == tWord && !enStop[toks[n].low] || n < se && (toks[n].is("the") || toks[n].is("it") || toks[n].is("there") || toks[n].is("this") || enPronouns[toks[n].low] != 0) {
				a := d.leftAttr(toks, ss, v+1)
				if a.ok() && a.m.kind != 0 {
					d.speak(pi, toks[n].s, end, a, false, false)
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
			for cs > ss && (toks[cs-1].is(",") || toks[cs-1].kind == tDash) {
				cs--
			}
			ce := phraseEnd(toks, v+1, se)
			for ce < se && ce+1 < se && !toks[ce].is(",") && toks[ce].kind != tDash {
				ce = phraseEnd(toks, ce+1, se)
			}
			if ce-v > 14 {
				continue
			}
			m, ok := d.parsePhrase(toks[v+1:ce], caseNom, false)
			if !ok || (d.lang == "en" && (ce-v > 5 || m.pos != toks[v+1].s && !(v+2 < se && toks[v+2].s == m.pos && toks[v+1].is("the")))) {
				continue
			}
			a := attrib{m: m, verb: t.text, vg: g, how: aRight}
			before := toks[cs-1].e - toks[ss].s
			after := 0
			if ce+1 < se && toks[ce].is(",") {
				after = end - toks[ce+1].s
			}
			if after > before {
				d.speak(pi, toks[ce+1].s, end, a, false, d.unmarkedDirect(toks[ce+1:se]))
			} else {
				d.speak(pi, toks[ss].s, toks[cs-1].e, a, false, d.unmarkedDirect(toks[ss:cs]))
			}
			return
		}
		// Speech without a reported clause: note who spoke.
		if a := d.leftAttr(toks, ss, v+1); a.ok() && a.m.kind != 0 {
			if ent, role := d.resolve(a.m, a.vg); ent != nil {
				d.last, d.lastPara, d.lastRole = ent, pi, role
			}
			return
		}
	}
}

// post fills what only the whole article tells: a quotation running over
// paragraphs takes the speaker of its last paragraph; a headline's quotation
// the article's main speaker.
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
	// The headline.
	count := map[string]int{}
	best := ""
	for _, q := range d.out {
		if q.Speaker != "" && q.para > 0 {
			count[q.Speaker]++
			if count[q.Speaker] > count[best] {
				best = q.Speaker
			}
		}
	}
	named := 0
	for _, n := range count {
		named += n
	}
	for i := range d.out {
		if d.out[i].para == 0 && !d.out[i].person && best != "" && len(d.paras) > 1 && !endsTerminal(d.text[d.paras[0].s:d.paras[0].e]) {
			d.out[i].Speaker = best
		}
		// A quotation nobody is named for, in an article that quotes mostly
		// one person: that person.
		if d.out[i].Speaker == "" && d.out[i].Direct && best != "" && count[best] >= 2 && 2*count[best] > named {
			d.out[i].Speaker = best
		}
	}
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Pos < d.out[j].Pos })
	if d.lang == "en" {
		d.joinInterrupted()
	}
}

// joinInterrupted makes one quote of an English quotation interrupted by
// its attribution ("A," he said. "B."): English news reads the pieces as
// one statement, and a journalist's feed shows them as one. The quote's Text
// is the pieces joined by a space; Pos is where the first begins.
func (d *doc) joinInterrupted() {
	out := d.out[:0]
	for _, q := range d.out {
		if n := len(out); n > 0 {
			prev := &out[n-1]
			end := prev.Pos + len(prev.Text)
			// a piece with an attribution of its own ("B," said Kunin) is
			// a statement of its own
			sameStatement := q.Direct && prev.Direct && q.Speaker != "" && q.Speaker == prev.Speaker && end <= q.Pos && !q.right
			interrupted := prev.para == q.para && interruption(d.text[end:q.Pos])
			if sameStatement && interrupted {
				prev.Text += " " + q.Text
				continue
			}
		}
		out = append(out, q)
	}
	d.out = out
}

// reAbbrevDot finds the dots of titles and initials ("Mr. Trump", "George
// W. Bush", "U.S."), which do not end the attribution clause.
var reAbbrevDot = regexp.MustCompile(`\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|St|Jr|Sr|Mt|Ft|[A-Z])\.`)

// interruption reports whether gap, the text between two quotations of one
// paragraph, is only an attribution clause: a closing and an opening mark
// around a few words.
func interruption(gap string) bool {
	clause := reAbbrevDot.ReplaceAllString(strings.Trim(gap, " ,.”“\"'"), "$1")
	if len(gap) > 200 || strings.Count(gap, " ") > 20 || strings.ContainsAny(clause, ".!?") {
		return false
	}
	return strings.ContainsAny(gap, "”\"'") && strings.ContainsAny(gap, "“\"'")
}

func (d *doc) unclosedAt(pos int) bool {
	for _, sp := range d.spans {
		if sp.s == pos {
			return sp.unclosed
		}
	}
	return false
}
