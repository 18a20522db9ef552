package news

import (
	"strings"
	"unicode"
)

// Names of people and bodies as the speaker registry reads them: one
// readable key (a slug), the form a typed name is compared in, and the
// Latin spellings of a Cyrillic name. These are the one place the scripts
// meet: the aggregator files a speaker's aliases with them and the store
// reads a typed name with them.

// NameForm is how a name is compared: its words (runs of letters and
// digits, as Words reads them) folded (lower case, ё as е), joined by one
// space. "Сергей  Лавров" and "сергей лавров" have one form.
func NameForm(name string) string {
	var b strings.Builder
	for w := range EachWord(name) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Fold)
	}
	return b.String()
}

// A Scheme transliterates Cyrillic into Latin letters.
type Scheme int

// The schemes a Russian or Ukrainian name is spelt in by Latin-script
// sources.
const (
	BGN     Scheme = iota // BGN/PCGN 1947: Сергей Лавров → sergey lavrov, Зеленский → zelenskiy
	ICAO                  // ICAO Doc 9303 (passports since 2013): zelenskii, iuliia
	GOST                  // GOST 7.79-2000 system B, without its marks: zelenskij, xarkov
	English               // the common English spelling: sergei lavrov, zelensky, alexei
)

// Schemes lists every Scheme.
var Schemes = []Scheme{BGN, ICAO, GOST, English}

// Transliterate writes the Cyrillic letters of s in Latin by the scheme,
// in lower case; other characters are kept, lower-cased.
func Transliterate(s string, sc Scheme) string {
	rs := []rune(strings.ToLower(s))
	var b strings.Builder
	for i, r := range rs {
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		b.WriteString(latinOf(r, prev, next, sc))
	}
	return b.String()
}

// latinOf is the Latin of one Cyrillic letter r after prev and before next.
func latinOf(r, prev, next rune, sc Scheme) string {
	wordStart := !unicode.IsLetter(prev)
	afterVowel := strings.ContainsRune("аеёиоуыэюяіїєйъь", prev)
	switch r {
	case 'е', 'ё':
		if (sc == BGN || sc == English) && (wordStart || afterVowel) {
			if r == 'ё' && sc == English {
				return "yo"
			}
			return "ye"
		}
		if r == 'ё' && (sc == GOST || sc == English) {
			return "yo"
		}
		return "e"
	case 'й':
		switch {
		case sc == ICAO:
			return "i"
		case sc == GOST:
			return "j"
		case sc == English && (prev == 'и' || prev == 'ы'):
			return "" // Zelensky, Dmitry
		case sc == English && prev == 'е':
			return "i" // Sergei, Alexei
		}
		return "y"
	case 'х':
		if sc == GOST {
			return "x"
		}
		return "kh"
	case 'ц':
		if sc == GOST {
			if strings.ContainsRune("иеыйі", next) {
				return "c"
			}
			return "cz"
		}
		return "ts"
	case 'щ':
		if sc == GOST {
			return "shh"
		}
		return "shch"
	case 'ъ':
		if sc == ICAO {
			return "ie"
		}
		return ""
	case 'ы':
		return "y"
	case 'ю':
		if sc == ICAO {
			return "iu"
		}
		return "yu"
	case 'я':
		if sc == ICAO {
			return "ia"
		}
		if sc == English && prev == 'и' {
			return "a" // Maria, Yevgenia
		}
		return "ya"
	case 'к':
		if sc == English && next == 'с' {
			return "" // Alexander: the "s" is written "x" below
		}
		return "k"
	case 'с':
		if sc == English && prev == 'к' {
			return "x"
		}
		return "s"
	case 'и':
		if sc == English && next == 'й' {
			return "y" // -ий: Zelensky, Dmitry
		}
		return "i"
	case 'і':
		return "i"
	case 'ї':
		return "yi"
	case 'є':
		return "ye"
	case 'ґ':
		return "g"
	}
	if l, ok := cyrLatin[r]; ok {
		return l
	}
	return string(r)
}

// cyrLatin is the Latin of the letters every scheme writes alike.
var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ж': "zh", 'з': "z", 'и': "i",
	'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'т': "t", 'у': "u",
	'ф': "f", 'ч': "ch", 'ш': "sh", 'ь': "", 'э': "e",
}

// SpeakerSlug is the key a speaker is filed under: the name's words in
// BGN/PCGN Latin, lower case, joined by hyphens ("Сергей Лавров" →
// "sergey-lavrov", "Пономарёв" and "Пономарев" → "ponomarev"). A name with
// no letters or digits has the key "".
func SpeakerSlug(name string) string {
	var parts []string
	for w := range EachWord(name) {
		var b strings.Builder
		for _, r := range Transliterate(w.Fold, BGN) {
			if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			parts = append(parts, b.String())
		}
	}
	return strings.Join(parts, "-")
}

// NameSkeleton is the form in which the spellings of one name in either
// script meet: each word transliterated and then stripped of what the
// schemes write differently (kh/h/x, -iy/-y/-ij/-yy, ye/e, yu/iu, ya/ia,
// j/y/i, double letters), with the Ukrainian given names written as their
// Russian ones (Volodymyr → vladimir). "Зеленский", "Zelensky",
// "Zelenskyy" and "Zelenskij" have one skeleton, as have "Захарова" and
// "Zakharova". It is for finding candidates, never for naming anyone.
func NameSkeleton(name string) string {
	var parts []string
	for w := range EachWord(name) {
		s := skeletonWord(Transliterate(w.Fold, BGN))
		if ru, ok := givenEquivalents[s]; ok {
			s = ru
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// skeletonSpellings fold the letters the schemes write differently.
var skeletonSpellings = []*strings.Replacer{
	strings.NewReplacer("shch", "sh", "shh", "sh", "sch", "sh", "kh", "h", "x", "ks", "cz", "ts", "tz", "ts",
		"ck", "k", "ph", "f", "w", "v", "q", "k"),
	strings.NewReplacer("y", "i", "j", "i"),
	strings.NewReplacer("iu", "u", "ia", "a", "ie", "e", "io", "o"),
}

// skeletonWord is the skeleton of one transliterated word: its spellings
// folded, then double letters written once (zelenskyy, zelenskiy and
// zelenskij all end in one "i").
func skeletonWord(w string) string {
	for _, r := range skeletonSpellings {
		w = squeeze(r.Replace(squeeze(w)))
	}
	return w
}

// squeeze drops all but letters and digits and writes a doubled one once.
func squeeze(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		if r == last || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// givenEquivalents are Ukrainian given names (as skeletons) and the Russian
// ones they are in Russian-language texts: Володимир Зеленський is
// Владимир Зеленский. Hand-kept, for the names the news uses.
var givenEquivalents = map[string]string{
	"volodimir": "vladimir", "oleksandr": "aleksandr", "oleksi": "aleksei", "dmitro": "dmitri",
	"andri": "andrei", "serhi": "sergei", "mikola": "nikolai", "mihailo": "mihail", "olena": "elena",
	"oleh": "oleg",
}

// Speaker is a name as the speaker registry files it.
type Speaker struct {
	Key     string   // SpeakerSlug of Name
	Name    string   // as the quote finder gave it: nominative, full
	Person  bool     // a person's name (given name and surname), not a body's
	Whole   []string // NameForms the whole name is written in: itself, its cases, its Latin spellings
	Surname []string // a person's surname alone, in the same forms
}
