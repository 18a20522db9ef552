package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

var outletSet = func() map[string]string {
	m := map[string]string{}
	for _, o := range news.KnownOutlets {
		m[strings.ToLower(o)] = o
	}
	return m
}()

var (
	// reViaEN are English credit phrases followed by the outlet.
	reViaEN = regexp.MustCompile(`(?:\breports?|\breported|\bwrites?|\bsays)\s+via\s+([^.,;:!?()"“”«»]{2,60})|\bvia\s+((?:the\s+)?[A-Z][^.,;:!?()"“”«»]{1,50})(?:[.,;]|$)|\b(?:according\s+to|citing|as\s+reported\s+by|reported\s+by|quoted\s+by|cited\s+by|in\s+an\s+interview\s+with|told)\s+((?:the\s+)?[A-Z][\w\-’']*(?:\.[A-Za-z]{2,})?(?:\s+(?:[A-Z][\w\-’']*(?:\.[A-Za-z]{2,})?|of|de|the|news|agency|media|newspaper|TV))*)`)
	// reViaRU are Russian credit phrases. Group 1 is a verb taking the
	// outlet in the nominative ("сообщает ТАСС", "пишет Bloomberg"), group
	// 2 one taking another case ("со ссылкой на …", "рассказал «Известиям»",
	// "по данным …"), group 3 a kind word ("агентство"), group 4 the name.
	reViaRU = regexp.MustCompile(`(?:(?i:как\s+)?(?i:(сообщает|сообщают|сообщило|сообщила|повідомляє|повідомляють|передає|пише|пишуть|інформує|передает|передаёт|передают|пишет|пишут|информирует|цитирует|цитируют|утверждает|отмечает|уточняет|уточняют|сообщается\s+на\s+сайте|сообщается\s+в))\s+|(?i:(со\s+ссылкой\s+на|з\s+посиланням\s+на|за\s+даними|за\s+інформацією|по\s+материалам|по\s+данным|по\s+информации|рассказал[аи]?|заявил[аи]?|сообщил[аи]?|в\s+эфире|в\s+интервью|в\s+беседе\s+с))\s+)((?:агентств[а-я]*|издани[а-я]*|газет[а-я]*|телеканал[а-я]*|портал[а-я]*|сайт[а-я]*|радиостанци[а-я]*|журнал[а-я]*)\s+)?(«[^»]{1,60}»|"[^"]{1,60}"|[\p{Lu}][\p{L}\-]*(?:\.[\p{L}]{2,})?(?:\s+[\p{Lu}][\p{L}\-]*(?:\.[\p{L}]{2,})?){0,3}|(?:российские|российских|местные|местных|западные|западных|американские|американских|украинские|украинских|зарубежные|зарубежных|иностранные|иностранных|турецкие|турецких|британские|британских)\s+(?:СМИ|издания|изданий|медиа))`)
	// reMediaWord makes a credited name an outlet.
	reMediaWord  = regexp.MustCompile(`(?i)(?:^|\s)(?:media|press|news|agency|newspaper|tv|television|radio|times|post|journal|daily|gazette|herald|tribune|telegraph|wire|magazine|outlet|outlets|channel|broadcaster|network|СМИ|медиа|агентство|газета|издание|телеканал|радио|журнал|новости|ньюс)(?:$|\s)`)
	reDomainName = regexp.MustCompile(`(?i)^[\p{L}\d-]+\.(?:ru|com|az|ua|net|org|info|io|tv|by|kz|ge|am|uz|news|media|co\.uk|de|fr)$`)
)

// findVia returns the outlets an article credits as its sources, in the
// order they are first named: "reports via Russian media", "сообщает ТАСС",
// "according to Reuters". People and vague sources are left out.
func findVia(body string, own []string) []string {
	if body == "" {
		return nil
	}
	ownSet := map[string]bool{}
	for _, o := range own {
		if o = foldName(o); o != "" {
			ownSet[o] = true
		}
	}
	type hit struct {
		pos  int
		name string
	}
	var hits []hit
	// the patterns run only where a credit word starts
	for _, span := range creditSentences(body) {
		sent := body[span[0]:span[1]]
		for _, at := range creditStarts(sent) {
			rest := sent[at:]
			if m := reViaENAt.FindStringSubmatchIndex(rest); m != nil {
				for g := 1; g <= 3; g++ {
					if m[2*g] < 0 {
						continue
					}
					if name, ok := outletName(rest[m[2*g]:m[2*g+1]], g == 1); ok {
						hits = append(hits, hit{span[0] + at + m[2*g], name})
					}
				}
				continue
			}
			m := reViaRUAt.FindStringSubmatchIndex(rest)
			if m == nil {
				continue
			}
			raw := rest[m[8]:m[9]]
			pos := span[0] + at + m[8]
			if m[2] >= 0 {
				// nominative: the name as printed; a foreign name, a quoted
				// one or an acronym after "сообщает"/"пишет" is an outlet
				if name, ok := outletName(raw, m[6] >= 0 || !isCyrillicName(raw)); ok {
					hits = append(hits, hit{pos, name})
				}
				continue
			}
			// another case: only outlets known by name, brought back to the
			// nominative ("Известиям" → "Известия")
			if o, ok := knownOutletForm(raw); ok {
				hits = append(hits, hit{pos, o})
			} else if name, ok := outletName(raw, false); ok && !strings.HasPrefix(raw, "«") && !isCyrillicName(name) {
				hits = append(hits, hit{pos, name})
			}
		}
	}
	// one credit can be found from two starts ("как сообщает"): keep one
	hits = slices.CompactFunc(hits, func(a, b hit) bool { return a.pos == b.pos })
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].pos < hits[j-1].pos; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		k := foldName(h.name)
		if seen[k] || ownSet[k] || isOwn(k, ownSet) {
			continue
		}
		seen[k] = true
		out = append(out, h.name)
	}
	return out
}

// outletName cleans a credited name and reports whether it is an outlet:
// a known agency, a name with a media word, a domain name, a name in
// quotation marks, or an acronym. loose accepts any capitalised name (the
// phrase itself said "via" or "агентство").
func outletName(s string, loose bool) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " .,;:")
	quoted := false
	if strings.HasPrefix(s, "«") || strings.HasPrefix(s, "\"") {
		s = strings.Trim(s, "«»\"")
		quoted = true
	}
	s = strings.TrimPrefix(s, "the ")
	if i := strings.IndexAny(s, "[(|"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.Trim(s, "\"'“”„ ")
	if s == "" || utf8.RuneCountInString(s) > 60 {
		return "", false
	}
	words := strings.Fields(s)
	// trim trailing lower-case words ("Reuters reported" is cut before)
	for len(words) > 1 && !quoted {
		last := words[len(words)-1]
		r, _ := utf8.DecodeRuneInString(last)
		if unicode.IsLower(r) && !reMediaWord.MatchString(last) {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	s = strings.Join(words, " ")
	low := strings.ToLower(s)
	if o, ok := outletSet[low]; ok {
		return o, true
	}
	// known outlet followed by more words ("Reuters news agency")
	for i := len(words) - 1; i >= 1; i-- {
		if o, ok := outletSet[strings.ToLower(strings.Join(words[:i], " "))]; ok {
			return o, true
		}
	}
	switch {
	case reMediaWord.MatchString(s):
		return s, true
	case reDomainName.MatchString(s):
		return s, true
	case quoted:
		return s, true
	case loose && isAcronym(s):
		return s, true
	case loose && len(words) <= 4:
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsUpper(r) && !looksLikePerson(words) {
			return s, true
		}
	}
	return "", false
}

// isAcronym reports whether s is an all-capitals word of two to six
// letters (TASS, AFP, BBC).
func isAcronym(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 6 || strings.Contains(s, " ") {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && r != '-' {
			return false
		}
	}
	return true
}

// looksLikePerson reports whether words read as a first and last name.
func looksLikePerson(words []string) bool {
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		if strings.ToUpper(w) == w {
			return false
		}
	}
	return true
}

// isOwn reports whether a folded outlet name is the site's own (the
// outlet's first word is the first word of one of its names).
func isOwn(k string, own map[string]bool) bool {
	first, _, _ := strings.Cut(k, " ")
	for o := range own {
		of, _, _ := strings.Cut(o, " ")
		if of == first && len(first) >= 3 {
			return true
		}
	}
	return false
}

// isCyrillicName reports whether a name is written in Cyrillic.
func isCyrillicName(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Cyrillic, r)
		}
	}
	return false
}

// outletForms maps the oblique-case forms of known Russian outlets (as
// they follow "рассказал", "со ссылкой на", "по данным") to their names.
var outletForms = map[string]string{
	"тасс": "ТАСС", "итар-тасс": "ИТАР-ТАСС", "риа новости": "РИА Новости", "риа «новости»": "РИА Новости",
	"интерфакс": "Интерфакс", "интерфаксу": "Интерфакс", "интерфакса": "Интерфакс",
	"рбк": "РБК", "известиям": "Известия", "известий": "Известия", "известия": "Известия",
	"коммерсанту": "Коммерсантъ", "коммерсанта": "Коммерсантъ", "коммерсантъ": "Коммерсантъ", "коммерсант": "Коммерсантъ",
	"ведомостям": "Ведомости", "ведомостей": "Ведомости", "ведомости": "Ведомости",
	"медузе": "Медуза", "медузы": "Медуза", "медузу": "Медуза", "медуза": "Медуза",
	"фонтанке": "Фонтанка", "фонтанки": "Фонтанка", "фонтанку": "Фонтанка",
	"новой газете": "Новая газета", "новой газеты": "Новая газета", "новую газету": "Новая газета",
	"российской газете": "Российская газета", "российской газеты": "Российская газета", "российскую газету": "Российская газета",
	"комсомольской правде": "Комсомольская правда", "комсомольской правды": "Комсомольская правда",
	"газете.ru": "Газета.Ru", "газеты.ru": "Газета.Ru", "ленте.ру": "Лента.ру", "lenta.ru": "Lenta.ru",
	"прайм": "ПРАЙМ", "праймом": "ПРАЙМ", "спутнику": "Sputnik", "sputnik": "Sputnik",
	"ria novosti": "RIA Novosti", "tass": "TASS", "reuters": "Reuters", "bloomberg": "Bloomberg",
	"рейтер": "Reuters", "рейтерс": "Reuters", "блумберг": "Bloomberg", "cnn": "CNN", "bbc": "BBC", "би-би-си": "BBC",
	"уна-уна": "УНИАН", "униан": "УНИАН", "укринформ": "Укринформ", "eadaily": "EADaily", "regnum": "Regnum", "регнум": "Regnum",
}

// knownOutletForm returns the name of a known outlet written in any case.
func knownOutletForm(raw string) (string, bool) {
	s := strings.ToLower(strings.Trim(strings.TrimSpace(raw), "«»\""))
	if o, ok := outletForms[s]; ok {
		return o, true
	}
	if o, ok := outletSet[s]; ok {
		return o, true
	}
	return "", false
}

// creditWords are the words every credit phrase contains (lower case).
var creditWords = []string{
	"via ", "according to", "citing", "reported by", "quoted by", "cited by", "interview with", "told ",
	"сообщ", "переда", "пишет", "пишут", "ссылк", "по данным", "по информации", "рассказал", "заявил",
	"в эфире", "в интервью", "материалам", "повідомля", "передає", "пише", "посиланням", "за даними", "за інформацією", "в беседе", "информирует", "цитиру", "утвержда", "отмеча", "уточня",
}

// creditSentences returns the byte spans of the sentences (and lines) of
// text that contain a credit word.
func creditSentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for start < len(text) {
		end := len(text)
		for i := start; i < len(text); i++ {
			c := text[i]
			if c == '\n' || ((c == '.' || c == '!' || c == '?') && i+1 < len(text) && text[i+1] == ' ') {
				end = i + 1
				break
			}
		}
		low := strings.ToLower(text[start:end])
		for _, w := range creditWords {
			if strings.Contains(low, w) {
				out = append(out, [2]int{start, end})
				break
			}
		}
		start = end
	}
	return out
}

// reSourceLine is a credit line: "Источник: ТАСС", "Source: Reuters",
// "По материалам РИА Новости".
var reSourceLine = regexp.MustCompile(`(?i)^\s*(?:источник(?:и)?|source(?:s)?|по\s+материалам|based\s+on\s+reports?\s+(?:by|from)|with\s+files\s+from|джерело)\s*:?\s+(.{2,120})$`)

var reListSplit = regexp.MustCompile(`\s*(?:,|;|\s+и\s+|\s+and\s+)\s*`)

// sourceLineOutlets returns the outlets credit lines name.
func sourceLineOutlets(lines []string, own []string) []string {
	ownSet := map[string]bool{}
	for _, o := range own {
		if o = foldName(o); o != "" {
			ownSet[o] = true
		}
	}
	var out []string
	for _, l := range lines {
		m := reSourceLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for _, part := range reListSplit.Split(strings.TrimRight(m[1], ". "), -1) {
			name, ok := knownOutletForm(part)
			if !ok {
				loose := !isCyrillicName(part) && !looksLikePerson(strings.Fields(part)) && wordCount(part) <= 4
				name, ok = outletName(part, loose)
			}
			if ok {
				if k := foldName(name); k != "" && !ownSet[k] && !isOwn(k, ownSet) && !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
		}
	}
	return out
}

// reViaENAt and reViaRUAt are the credit patterns anchored at a start.
var (
	reViaENAt = regexp.MustCompile(`^(?:` + reViaEN.String() + `)`)
	reViaRUAt = regexp.MustCompile(`^(?:` + reViaRU.String() + `)`)
)

// creditStarts returns the byte offsets in sent where a credit phrase may
// start: a word that begins one of the credit words.
func creditStarts(sent string) []int {
	low := strings.ToLower(sent)
	if len(low) != len(sent) {
		// case folding changed the length: try every word start
		var out []int
		for i := 0; i < len(sent); i++ {
			if i == 0 || sent[i-1] == ' ' {
				out = append(out, i)
			}
		}
		return out
	}
	var out []int
	for _, w := range creditStartWords {
		for from := 0; ; {
			i := strings.Index(low[from:], w)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || !isWordByte(low, i) {
				out = append(out, i)
			}
			from = i + len(w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// isWordByte reports whether the rune before byte i of s is a letter.
func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// creditStartWords are the first words of the credit patterns.
var creditStartWords = []string{
	"reports", "reported", "report", "writes", "write", "says", "via ", "according", "citing", "as reported",
	"quoted", "cited", "in an interview", "told",
	"как ", "сообща", "повідомля", "переда", "пише", "пишу", "информирует", "інформує", "цитиру", "утвержда",
	"отмеча", "уточня", "со ссылкой", "з посиланням", "за даними", "за інформацією", "по материалам",
	"по данным", "по информации", "рассказал", "заявил", "сообщил", "в эфире", "в интервью", "в беседе",
}
