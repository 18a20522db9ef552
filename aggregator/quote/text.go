package quote

import (
	"github.com/syndic/syndic/news"
	"strings"
	"unicode"
	"unicode/utf8"
)

// guessLang returns "ru" when Cyrillic letters outnumber Latin ones in text,
// else "en".
func guessLang(text string) string {
	cyr, lat := 0, 0
	for i, r := range text {
		if i > 20000 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
	}
	if cyr > lat {
		return "ru"
	}
	return "en"
}

// russianLetters reports whether text is written in Russian as far as its
// letters tell: ы and э, which Ukrainian and Bulgarian lack, and hardly any
// і, ї, є, ґ or ў, which Russian lacks (a name quoted in Ukrainian may
// bring a few).
func russianLetters(text string) bool {
	ru, other := 0, 0
	for i, r := range text {
		if i > 20000 {
			break
		}
		switch unicode.ToLower(r) {
		case 'ы', 'э':
			ru++
		case 'і', 'ї', 'є', 'ґ', 'ў':
			other++
		}
	}
	return ru > 0 && other*10 < ru
}

// para is one paragraph of the text: byte offsets [s, e), trimmed, and,
// once newDoc has read it, its tokens and sentences.
type para struct {
	s, e  int
	toks  []token // top-level tokens (a quotation is one token)
	sents []int   // where in toks each sentence starts: 0 first, never empty
}

// paragraphs splits text at blank lines (a line holding only white space
// counts as blank) and trims each paragraph.
func paragraphs(text string) []para {
	var out []para
	start := 0
	emit := func(s, e int) {
		s, e = trimSpace(text, s, e)
		if s < e {
			out = append(out, para{s: s, e: e})
		}
	}
	i := 0
	for i < len(text) {
		if text[i] != '\n' {
			i++
			continue
		}
		// Look for a following blank line.
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			emit(start, i)
			for j < len(text) && isSpaceByte(text[j]) {
				j++
			}
			start = j
			i = j
			continue
		}
		i++
	}
	emit(start, len(text))
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// trimSpace narrows [s, e) of text past white space (including no-break
// spaces) at both ends.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\u2009' || r == '\u202f' || r == '\ufeff'
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '-' || r == '―' || r == '‒' }

func lower(s string) string { return strings.ToLower(s) }

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// endsWith reports whether w ends with one of ends.
func endsWith(w string, ends ...string) bool {
	for _, e := range ends {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// startsWith reports whether w starts with one of starts.
func startsWith(w string, starts ...string) bool {
	for _, s := range starts {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// stemSet is the set of the stems of the words of s (news.Stem, the stemmer
// routing and search use).
func stemSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[news.Stem(news.Fold(f))] = true
	}
	return m
}

func isCyrillicWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Cyrillic, r)
		}
	}
	return false
}

// mixedScript reports whether w has Cyrillic and Latin letters both
// ("Українськi", typed with a Latin i): no name of a person is written so.
func mixedScript(w string) bool {
	cyr, lat := false, false
	for _, r := range w {
		cyr = cyr || unicode.Is(unicode.Cyrillic, r)
		lat = lat || unicode.Is(unicode.Latin, r)
	}
	return cyr && lat
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
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
