package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Russian case hints for a name found in a speaker phrase.
const (
	caseNom = iota
	caseGen
	caseAcc
	caseDat
	caseIns
)

// ruFirstGender returns the gender of a Russian first name in any case
// ('m', 'f') or 0 when the word is not a known first name; nom is the
// nominative form.
func ruFirstGender(w string) (g byte, nom string) {
	lw := strings.ToLower(w)
	if ruMaleNames[lw] {
		return 'm', w
	}
	if ruFemaleNames[lw] {
		return 'f', w
	}
	for _, c := range ruNominatives(w) {
		lc := strings.ToLower(c)
		if ruMaleNames[lc] {
			return 'm', c
		}
		if ruFemaleNames[lc] {
			return 'f', c
		}
	}
	return 0, w
}

// ruMaleReading returns the man's name in the nominative that w is an
// oblique case of ("Валерия" → "Валерий"), or "".
func ruMaleReading(w string) string {
	for _, c := range ruNominatives(w) {
		if ruMaleNames[strings.ToLower(c)] {
			return c
		}
	}
	return ""
}

// ruMaleObliqueSurname reports a surname form only a man's surname takes
// in an oblique case: "Гриневича", "Достоевского", "Петровым".
func ruMaleObliqueSurname(w string) bool {
	lw := strings.ToLower(w)
	if utf8.RuneCountInString(lw) < 5 {
		return false
	}
	for _, s := range []string{"ича", "ичу", "ичем", "ского", "цкого", "скому", "цкому", "овым", "евым", "иным"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// ruNominatives lists candidate nominative forms of a first name in an
// oblique case: "Сергея" → "Сергей", "Марии" → "Мария", "Ольги" → "Ольга".
func ruNominatives(w string) []string {
	var out []string
	add := func(stem, end string) {
		if utf8.RuneCountInString(stem) >= 2 {
			out = append(out, stem+end)
		}
		if end == "" {
			// a vowel dropped in the oblique cases: Павла → Павел, Льва → Лев
			if st, ok := strings.CutSuffix(stem, "ьв"); ok {
				out = append(out, st+"ев")
			} else if last, n := utf8.DecodeLastRuneInString(stem); isRuConsonant(last) && utf8.RuneCountInString(stem) >= 3 {
				if prev, _ := utf8.DecodeLastRuneInString(stem[:len(stem)-n]); isRuConsonant(prev) {
					out = append(out, stem[:len(stem)-n]+"е"+stem[len(stem)-n:])
				}
			}
		}
	}
	for _, suf := range []struct{ from, to string }{
		{"ея", "ей"}, {"ею", "ей"}, {"еем", "ей"}, {"ии", "ия"}, {"ию", "ия"}, {"ией", "ия"},
		{"ия", "ий"}, {"ию", "ий"}, {"ием", "ий"}, {"ае", "ай"}, {"ая", "ай"}, {"аю", "ай"},
		{"ьи", "ья"}, {"ью", "ья"}, {"ьей", "ья"}, {"ы", "а"}, {"у", ""}, {"у", "а"}, {"ой", "а"}, {"е", "а"},
		{"и", "а"}, {"и", "я"}, {"ю", "я"}, {"ей", "я"}, {"а", ""}, {"ом", ""}, {"е", ""},
		{"я", "ь"}, {"ю", "ь"}, {"ем", "ь"},
	} {
		if strings.HasSuffix(w, suf.from) {
			add(strings.TrimSuffix(w, suf.from), suf.to)
		}
	}
	return out
}

// ruSurnameNom brings a Russian surname in case c back to the nominative,
// given the gender g ('m', 'f' or 0 when unknown).
func ruSurnameNom(w string, c int, g byte) string {
	if c == caseNom || !isCyrillicWord(w) {
		return w
	}
	rs := []rune(w)
	if len(rs) < 4 {
		return w
	}
	hasSuf := func(s string) bool { return strings.HasSuffix(w, s) }
	cut := func(s, add string) string { return strings.TrimSuffix(w, s) + add }
	ovin := func(stem string) bool {
		return strings.HasSuffix(stem, "ов") || strings.HasSuffix(stem, "ев") || strings.HasSuffix(stem, "ёв") ||
			strings.HasSuffix(stem, "ин") || strings.HasSuffix(stem, "ын")
	}
	// Adjectival surnames.
	switch {
	case hasSuf("ского") || hasSuf("цкого") || hasSuf("ского") || hasSuf("ному"):
		return cut("ого", "ий")
	case hasSuf("скому") || hasSuf("цкому"):
		return cut("ому", "ий")
	case hasSuf("ским") && c == caseIns || hasSuf("цким") && c == caseIns:
		return cut("им", "ий")
	case hasSuf("ской") || hasSuf("цкой"):
		return cut("ой", "ая")
	case hasSuf("скую") || hasSuf("цкую"):
		return cut("ую", "ая")
	case hasSuf("ого") && len(rs) > 5:
		return cut("ого", "ой")
	case c == caseIns && hasSuf("им") && !hasSuf("ским") && len(rs) > 4:
		return cut("им", "ий") // Диким → Дикий
	case c == caseIns && hasSuf("ым") && !ovin(strings.TrimSuffix(w, "ым")) && len(rs) > 4:
		return cut("ым", "ый")
	case hasSuf("его") && len(rs) > 5:
		return cut("его", "ий")
	}
	if g == 'f' {
		switch {
		case hasSuf("ой") && ovin(strings.TrimSuffix(w, "ой")):
			return cut("ой", "а")
		case hasSuf("у") && ovin(strings.TrimSuffix(w, "у")):
			return cut("у", "а")
		}
		// Foreign or consonant-final female surnames do not decline.
		return w
	}
	// Masculine (or unknown gender).
	switch {
	case hasSuf("ой") && ovin(strings.TrimSuffix(w, "ой")):
		return cut("ой", "а") // Захаровой: only a woman's surname ends so
	case hasSuf("ым") && ovin(strings.TrimSuffix(w, "ым")):
		return cut("ым", "")
	case hasSuf("а") && ovin(strings.TrimSuffix(w, "а")):
		if g == 'm' || c == caseGen || c == caseAcc {
			return cut("а", "")
		}
		return w
	case hasSuf("у") && ovin(strings.TrimSuffix(w, "у")):
		return cut("у", "")
	}
	last := rs[len(rs)-1]
	prev := rs[len(rs)-2]
	if g == 'm' || c == caseGen || c == caseAcc || c == caseDat {
		switch {
		case (last == 'а' || last == 'у') && isRuConsonant(prev):
			if last == 'у' && c != caseDat {
				return w
			}
			return string(rs[:len(rs)-1])
		case (last == 'я' || last == 'ю') && (prev == 'и' || prev == 'е' || prev == 'а'):
			return string(rs[:len(rs)-1]) + "й"
		case last == 'я' && isRuConsonant(prev) && g == 'm':
			return string(rs[:len(rs)-1]) + "ь"
		}
	}
	if c == caseIns && (strings.HasSuffix(w, "ом") || strings.HasSuffix(w, "ем")) && isRuConsonant(rs[len(rs)-3]) {
		return string(rs[:len(rs)-2])
	}
	return w
}

func isRuConsonant(r rune) bool {
	return strings.ContainsRune("бвгджзйклмнпрстфхцчшщ", unicode.ToLower(r))
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Cyrillic, r)
		}
	}
	return false
}

// ruSurnameGender guesses gender from a surname in the nominative.
func ruSurnameGender(w string) byte {
	lw := strings.ToLower(w)
	for _, s := range []string{"ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая"} {
		if strings.HasSuffix(lw, s) {
			return 'f'
		}
	}
	for _, s := range []string{"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ий", "ый"} {
		if strings.HasSuffix(lw, s) {
			return 'm'
		}
	}
	return 0
}

// surnameKey folds a surname in any case, either language, to a key shared
// by all its forms: "Лаврова", "Лаврову", "Лавров" → "лавров";
// "Bortnikov's" → "bortnikov".
func surnameKey(w string) string {
	lw := strings.ToLower(w)
	lw = strings.TrimSuffix(strings.TrimSuffix(lw, "’s"), "'s")
	lw = strings.ReplaceAll(lw, "ё", "е")
	if !isCyrillicWord(lw) {
		return lw
	}
	rs := []rune(lw)
	for _, suf := range []string{"ского", "цкого", "скому", "цкому", "ским", "цким", "ском", "цком",
		"ская", "цкая", "ской", "цкой", "скую", "цкую", "ский", "цкий",
		"ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им", "ую", "ая", "ий", "ый",
		"а", "у", "е", "ы", "и", "я", "ю", "ь", "й"} {
		if strings.HasSuffix(lw, suf) && len(rs)-utf8.RuneCountInString(suf) >= 3 {
			stem := strings.TrimSuffix(lw, suf)
			if strings.HasPrefix(suf, "ск") || strings.HasPrefix(suf, "цк") {
				stem += suf[:len("ск")]
			}
			return stem
		}
	}
	return lw
}

// ruDocNouns name the document a body speaks through: "говорится в
// сообщении X", "указано в решении X".
var ruDocNouns = toSet(`сообщении заявлении решении документе пресс-релизе релизе письме ответе комментарии
постановлении приговоре материале публикации докладе отчете отчёте обращении телеграм-канале блоге
бюллетене сводке протоколе определении уведомлении`)

// ruGenOrgNom brings the name of a body in the genitive back to the
// nominative: its leading adjectives and head noun change, the genitive
// words after the head stay ("Саратовского гарнизонного военного суда" →
// "Саратовский гарнизонный военный суд", "Министерства энергетики США" →
// "Министерство энергетики США").
func ruGenOrgNom(words []string) string {
	h := -1
	for k, w := range words {
		if !ruAdjectival(w) || ruOrgWords[lower(w)] {
			h = k
			break
		}
	}
	if h < 0 {
		return strings.Join(words, " ")
	}
	head := words[h]
	lh := lower(head)
	gender := byte('m')
	nomHead := head
	switch {
	case strings.HasSuffix(lh, "ии"):
		gender, nomHead = 'f', strings.TrimSuffix(head, "и")+"я"
	case strings.HasSuffix(lh, "ы"):
		gender, nomHead = 'f', strings.TrimSuffix(head, "ы")+"а"
	case strings.HasSuffix(lh, "и") && len([]rune(lh)) > 3 && strings.ContainsRune("кгхжшчщ", []rune(lh)[len([]rune(lh))-2]):
		gender, nomHead = 'f', strings.TrimSuffix(head, "и")+"а"
	case strings.HasSuffix(lh, "ства") || strings.HasSuffix(lh, "ения") || strings.HasSuffix(lh, "ания") || strings.HasSuffix(lh, "тва"):
		gender = 'n'
		if strings.HasSuffix(lh, "ия") {
			nomHead = strings.TrimSuffix(head, "я") + "е"
		} else {
			nomHead = strings.TrimSuffix(head, "а") + "о"
		}
	case strings.HasSuffix(lh, "а"):
		nomHead = strings.TrimSuffix(head, "а")
	case strings.HasSuffix(lh, "я"):
		nomHead = strings.TrimSuffix(head, "я") + "ь"
	}
	out := make([]string, 0, len(words))
	for _, w := range words[:h] {
		out = append(out, ruAdjNom(w, gender))
	}
	out = append(out, nomHead)
	out = append(out, words[h+1:]...)
	return strings.Join(out, " ")
}

// ruAdjNom brings an adjective in the genitive to the nominative of gender g.
func ruAdjNom(w string, g byte) string {
	lw := lower(w)
	soft := func(stem string) bool {
		rs := []rune(stem)
		return len(rs) > 0 && strings.ContainsRune("кгхжшчщ", rs[len(rs)-1])
	}
	switch {
	case strings.HasSuffix(lw, "ого"):
		stem := strings.TrimSuffix(w, "ого")
		switch {
		case g == 'n':
			return stem + "ое"
		case soft(stem):
			return stem + "ий"
		default:
			return stem + "ый"
		}
	case strings.HasSuffix(lw, "его"):
		stem := strings.TrimSuffix(w, "его")
		if g == 'n' {
			return stem + "ее"
		}
		return stem + "ий"
	case strings.HasSuffix(lw, "ой") && g == 'f':
		return strings.TrimSuffix(w, "ой") + "ая"
	case strings.HasSuffix(lw, "ей") && g == 'f':
		stem := strings.TrimSuffix(w, "ей")
		if soft(stem) {
			return stem + "ая"
		}
		return stem + "яя"
	}
	return w
}
