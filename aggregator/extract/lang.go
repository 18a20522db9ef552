package extract

import (
	"strings"
	"unicode"
)

// normLang turns a declared language ("en-US", "ru_RU", "EN") into its
// lower-case primary subtag, or "" when it is not one.
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// stopWords are frequent short words that tell Latin- and Cyrillic-script
// languages apart.
var stopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "as", "he", "it", "by", "said"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "sich", "auf", "für", "auch"},
	"fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "que", "pas", "sur", "du", "au"},
	"es": {"el", "la", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para", "es", "se", "lo"},
	"pt": {"o", "a", "os", "as", "e", "que", "do", "da", "em", "um", "uma", "para", "com", "não", "no", "na"},
	"it": {"il", "di", "che", "la", "e", "per", "un", "una", "con", "non", "sono", "della", "del", "gli", "le"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "op", "te", "niet", "voor", "zijn", "met", "die"},
	"id": {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "dalam", "akan", "pada"},
	"tr": {"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "gibi", "olan"},
	"pl": {"i", "w", "nie", "na", "się", "z", "jest", "że", "do", "to", "jak", "ale", "od"},
	"az": {"və", "bu", "ilə", "üçün", "olan", "bir", "da", "də", "ki", "isə", "edib", "olub"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "из", "его", "к", "о", "для", "был", "также"},
	"uk": {"і", "й", "та", "що", "не", "на", "з", "до", "це", "як", "від", "його", "які", "був", "також"},
	"bg": {"и", "на", "за", "да", "се", "от", "е", "че", "са", "с", "по", "като", "не"},
}

var stopIndex = func() map[string][]string {
	m := map[string][]string{}
	for lang, ws := range stopWords {
		for _, w := range ws {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// detectLang guesses the language of text from its script and, for Latin
// and Cyrillic text, its most frequent short words. It returns "" when the
// text is too short to tell.
func detectLang(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	var latin, cyr, arabic, han, kana, hangul, devan, bengali, greek, armenian, georgian, hebrew, thai int
	for _, r := range text {
		switch {
		case r < 0x80:
			if unicode.IsLetter(r) {
				latin++
			}
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Devanagari, r):
			devan++
		case unicode.Is(unicode.Bengali, r):
			bengali++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Armenian, r):
			armenian++
		case unicode.Is(unicode.Georgian, r):
			georgian++
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Thai, r):
			thai++
		}
	}
	total := latin + cyr + arabic + han + kana + hangul + devan + bengali + greek + armenian + georgian + hebrew + thai
	if total < 20 {
		return ""
	}
	type sc struct {
		lang string
		n    int
	}
	best := sc{"", 0}
	for _, c := range []sc{{"la", latin}, {"cy", cyr}, {"ar", arabic}, {"zh", han}, {"ja", kana}, {"ko", hangul},
		{"hi", devan}, {"bn", bengali}, {"el", greek}, {"hy", armenian}, {"ka", georgian}, {"he", hebrew}, {"th", thai}} {
		if c.n > best.n {
			best = c
		}
	}
	switch best.lang {
	case "zh":
		if kana*10 > han {
			return "ja"
		}
		return "zh"
	case "ja":
		return "ja"
	case "ar":
		if strings.ContainsAny(text, "پچژگ") {
			return "fa"
		}
		return "ar"
	case "la", "cy":
		return byStopWords(text, best.lang == "cy")
	}
	return best.lang
}

// byStopWords scores the languages of one script by their stop words.
func byStopWords(text string, cyrillic bool) string {
	counts := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if words > 3000 {
			break
		}
		for _, l := range stopIndex[w] {
			counts[l]++
		}
	}
	if cyrillic {
		// Ukrainian letters decide between Russian and Ukrainian
		if strings.ContainsAny(text, "іїєґ") && !strings.ContainsAny(text, "ыэъё") {
			return "uk"
		}
		best, bn := "ru", 0
		for _, l := range []string{"ru", "uk", "bg"} {
			if counts[l] > bn {
				best, bn = l, counts[l]
			}
		}
		if best == "bg" && strings.ContainsAny(text, "ыэ") {
			return "ru"
		}
		return best
	}
	best, bn := "", 0
	for _, l := range []string{"en", "de", "fr", "es", "pt", "it", "nl", "id", "tr", "pl", "az"} {
		if counts[l] > bn {
			best, bn = l, counts[l]
		}
	}
	if bn < 3 {
		return ""
	}
	return best
}
