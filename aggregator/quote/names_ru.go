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

// caseBefore guesses the case of a Russian name from the word before it:
// "по словам Лаврова" (genitive), "со ссылкой на Захарову" (accusative).
func caseBefore(toks []token, i int) int {
	if i <= 0 {
		return caseNom
	}
	p := toks[i-1]
	if p.kind != tWord {
		return caseNom
	}
	lp := p.low
	switch {
	case ruCueNouns[lp], lp == "у", lp == "от", lp == "для", lp == "до", lp == "из", lp == "без",
		lp == "против", lp == "после", lp == "около", lp == "возле", lp == "слов", lp == "имени":
		return caseGen
	case lp == "на", lp == "про", lp == "через":
		return caseAcc
	case lp == "с", lp == "со", lp == "между", lp == "над", lp == "перед":
		return caseIns
	case lp == "к", lp == "ко", lp == "по":
		return caseDat
	}
	if isRuRole(lp) && !ruRoleWords[lp] {
		// An oblique role word: "пресс-секретаря Дмитрия Пескова".
		switch {
		case strings.HasSuffix(lp, "у") || strings.HasSuffix(lp, "ю"):
			return caseDat
		case strings.HasSuffix(lp, "ом") || strings.HasSuffix(lp, "ем"):
			return caseIns
		default:
			return caseGen
		}
	}
	return caseNom
}

// nominative returns the person mention's given names and surname in the
// nominative (Russian), judging the case from the given name when there is
// one, else from the hint.
func nominative(first []string, last string, cas int, g gender) ([]string, string) {
	if !isCyrillicWord(last) {
		return first, last
	}
	c := cas
	var out []string
	for _, f := range first {
		fg, nom := ruFirstGender(f)
		if fg == feminine && nom == f && g == masculine {
			// a woman's name in the nominative is also a man's in an oblique
			// case (Валерия, Александра, Евгения): the surname decides
			if mn := ruMaleReading(f); mn != "" {
				fg, nom = masculine, mn
			}
		}
		if fg != unknownGender && nom != f {
			// The given name was oblique: tell which case from its ending.
			if c == caseNom {
				c = caseGen
				switch {
				case strings.HasSuffix(f, "у") || strings.HasSuffix(f, "ю"):
					if fg == masculine {
						c = caseDat
					} else {
						c = caseAcc
					}
				case strings.HasSuffix(f, "ом") || strings.HasSuffix(f, "ем") || (fg == feminine && (strings.HasSuffix(f, "ой") || strings.HasSuffix(f, "ей"))):
					c = caseIns
				case fg == masculine && strings.HasSuffix(f, "е"):
					c = caseDat
				}
			}
		} else if fg != unknownGender && nom == f {
			c = caseNom
		}
		out = append(out, nom)
	}
	return out, ruSurnameNom(last, c, g)
}

// ruFirstGender returns the gender of a Russian first name in any case
// (masculine, feminine) or unknownGender when the word is not a known first
// name; nom is the
// nominative form.
func ruFirstGender(w string) (g gender, nom string) {
	lw := strings.ToLower(w)
	if ruMaleNames[lw] {
		return masculine, w
	}
	if ruFemaleNames[lw] {
		return feminine, w
	}
	for _, c := range ruNominatives(w) {
		lc := strings.ToLower(c)
		if ruMaleNames[lc] {
			return masculine, c
		}
		if ruFemaleNames[lc] {
			return feminine, c
		}
	}
	return unknownGender, w
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
// given the gender g (masculine, feminine or unknownGender).
func ruSurnameNom(w string, c int, g gender) string {
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
	if g == feminine {
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
		if g == masculine || c == caseGen || c == caseAcc {
			return cut("а", "")
		}
		return w
	case hasSuf("у") && ovin(strings.TrimSuffix(w, "у")):
		return cut("у", "")
	}
	last := rs[len(rs)-1]
	prev := rs[len(rs)-2]
	if g == masculine || c == caseGen || c == caseAcc || c == caseDat {
		switch {
		case (last == 'а' || last == 'у') && isRuConsonant(prev):
			if last == 'у' && c != caseDat {
				return w
			}
			return string(rs[:len(rs)-1])
		case (last == 'я' || last == 'ю') && (prev == 'и' || prev == 'е' || prev == 'а'):
			return string(rs[:len(rs)-1]) + "й"
		case last == 'я' && isRuConsonant(prev) && g == masculine:
			return string(rs[:len(rs)-1]) + "ь"
		}
	}
	if c == caseIns && (strings.HasSuffix(w, "ом") || strings.HasSuffix(w, "ем")) && isRuConsonant(rs[len(rs)-3]) {
		return string(rs[:len(rs)-2])
	}
	return w
}

// ruSurnameGender guesses gender from a surname in the nominative.
func ruSurnameGender(w string) gender {
	lw := strings.ToLower(w)
	for _, s := range []string{"ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая"} {
		if strings.HasSuffix(lw, s) {
			return feminine
		}
	}
	for _, s := range []string{"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ий", "ый"} {
		if strings.HasSuffix(lw, s) {
			return masculine
		}
	}
	return unknownGender
}

func isRuConsonant(r rune) bool {
	return strings.ContainsRune("бвгджзйклмнпрстфхцчшщ", unicode.ToLower(r))
}

// ruAdjectival reports whether a capitalised Russian word looks like an
// adjective (Северной, Российский) rather than a name.
func ruAdjectival(w string) bool {
	lw := lower(w)
	if ruMaleNames[lw] || ruFemaleNames[lw] {
		return false
	}
	for _, s := range []string{"ский", "ская", "ское", "ские", "ского", "ской", "скому", "ским", "ских",
		"ному", "ного", "ными", "ная", "ное", "ные", "ных", "ней", "ний", "ного", "ой", "ый", "ая", "ое", "ые", "ых", "ую", "ими", "ыми"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}
