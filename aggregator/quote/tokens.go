package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tPunct
	tDash
	tQuote
)

// token is a word, a punctuation mark, a dash or a whole quotation (q >= 0,
// an index into doc.spans) with its byte offsets [s, e) in the text.
type token struct {
	kind tokKind
	s, e int
	text string
	low  string // text in lower case (words only)
	q    int
}

func (t token) is(s string) bool { return t.kind != tQuote && t.text == s }

// cap reports whether the token is a word starting with an upper-case letter.
func (t token) cap() bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// lower reports whether the token is a word starting with a lower-case letter.
func (t token) lower() bool {
	if t.kind != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLower(r)
}

// acronym reports whether the word has at least two letters, all upper case
// (МИД, FBI, ФСБ), allowing a trailing lower-case plural ("CEOs").
func (t token) acronym() bool {
	if t.kind != tWord {
		return false
	}
	n := 0
	for _, r := range t.text {
		if unicode.IsLetter(r) {
			n++
		}
	}
	up := capitals(t.text)
	return n >= 2 && up >= 2 && up >= n-1
}

// capitals counts the upper-case letters of s.
func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// tokenize splits text[s:e) into tokens; the spans listed in qs (indices
// into spans, all inside [s, e) and not nested in one another) become single
// quote tokens.
func tokenize(text string, s, e int, spans []qspan, qs []int) []token {
	var out []token
	k := 0
	for i := s; i < e; {
		if k < len(qs) && spans[qs[k]].open == i {
			q := spans[qs[k]]
			end := q.cend
			out = append(out, token{kind: tQuote, s: i, e: end, text: text[i:end], q: qs[k]})
			i = end
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isSpace(r):
			i += n
		case isWordRune(r):
			if ab := max(dottedAbbrev(text[i:e]), actingAbbrev(text[i:e])); ab > 0 {
				// "U.S.", "U.K.": one word, not two initials
				out = append(out, token{kind: tWord, s: i, e: i + ab, text: text[i : i+ab], low: strings.ToLower(text[i : i+ab]), q: -1})
				i += ab
				continue
			}
			j := i + n
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == '.' {
					if l := domainTail(text[j+1 : e]); l > 0 {
						j += 1 + l // "INTERFAX.RU", "Lenta.ru": one word
						continue
					}
				}
				if r2 == '&' && j+1 < e {
					// "PG&E", "AT&T": one name
					r3, n3 := utf8.DecodeRuneInString(text[j+1:])
					if r0, _ := utf8.DecodeLastRuneInString(text[i:j]); unicode.IsUpper(r0) && unicode.IsUpper(r3) {
						j += 1 + n3
						continue
					}
				}
				if r2 == utf8.RuneError && n2 == 3 && j+n2 < e {
					// a letter a source's broken encoding replaced, inside
					// a word: "S\ufffdnchez" is one word, not "S" (but in
					// "Golden\ufffdof Maine" it was a space)
					if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLower(r3) && !enStop[leadingLetters(text[j+n2:e])] {
						j += n2
						continue
					}
				}
				if (r2 == '-' || r2 == '’' || r2 == '\'' || r2 == '‑') && j+n2 < e {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) && !(k < len(qs) && spans[qs[k]].open == j) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, token{kind: tWord, s: i, e: j, text: text[i:j], low: strings.ToLower(text[i:j]), q: -1})
			i = j
		case isDash(r):
			j := i + n
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isDash(r2) {
					break
				}
				j += n2
			}
			out = append(out, token{kind: tDash, s: i, e: j, text: text[i:j], q: -1})
			i = j
		case (r == '»' || r == '"' || r == '”') && len(out) > 0 && out[len(out)-1].kind == tQuote && out[len(out)-1].e == i:
			// «…»», "…"": a closing mark doubled by mistake is no token of
			// its own (it would stand between a quotation and its
			// attribution).
			i += n
		default:
			j := i + n
			// Keep runs such as "?!" or "..." together.
			if r == '.' || r == '!' || r == '?' {
				for j < e {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if r2 != '.' && r2 != '!' && r2 != '?' {
						break
					}
					j += n2
				}
			}
			out = append(out, token{kind: tPunct, s: i, e: j, text: text[i:j], q: -1})
			i = j
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\u00ad'
}

// dottedAbbrevs are the dotted abbreviations of places and bodies that
// read like initials.
var dottedAbbrevs = []string{"U.S.A.", "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "U.A.E.", "N.Y.", "L.A."}

// dottedAbbrev returns the length of the dotted abbreviation s starts
// with, or 0.
func dottedAbbrev(s string) int {
	if len(s) < 4 || s[1] != '.' {
		return 0
	}
	for _, ab := range dottedAbbrevs {
		if strings.HasPrefix(s, ab) {
			if len(s) > len(ab) {
				if r, _ := utf8.DecodeRuneInString(s[len(ab):]); unicode.IsLetter(r) {
					continue
				}
			}
			return len(ab)
		}
	}
	return 0
}

// actingAbbrev returns the length of "и.о." or "и. о." (acting, before a
// role) that s starts with, or 0: one word, whose dots end no sentence and
// whose "и" joins nothing.
func actingAbbrev(s string) int {
	rest, ok := strings.CutPrefix(s, "и.")
	if !ok {
		rest, ok = strings.CutPrefix(s, "И.")
	}
	if !ok {
		return 0
	}
	rest = strings.TrimPrefix(rest, " ")
	rest, ok = strings.CutPrefix(rest, "о.")
	if !ok {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
		return 0
	}
	return len(s) - len(rest)
}

// domainTail returns the length of a top-level domain that s starts with
// ("RU - …" → 2), or 0: the dot before it joins a site's name into one word.
func domainTail(s string) int {
	j := 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	if j == 0 || !domainTLDs[strings.ToLower(s[:j])] {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && (isWordRune(r) || r == '.' && j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\n') {
		return 0
	}
	return j
}

// domainTLDs are the top-level domains of the sites articles name.
var domainTLDs = map[string]bool{"ru": true, "com": true, "net": true, "org": true, "az": true, "ua": true,
	"by": true, "kz": true, "io": true, "рф": true, "info": true, "su": true, "uk": true, "de": true, "am": true, "ge": true}

// endsSentence reports whether the punctuation token ends a sentence.
func endsSentence(t token) bool {
	if t.kind != tPunct {
		return false
	}
	return t.text[0] == '.' || t.text[0] == '!' || t.text[0] == '?' || strings.HasPrefix(t.text, "…") || t.text == ";"
}

// abbrevDot reports whether the dot at toks[k] closes an abbreviation or
// an initial ("Mr.", "F.") rather than a sentence.
func abbrevDot(toks []token, k int) bool {
	p := toks[k-1]
	if p.kind != tWord || p.e != toks[k].s {
		return false
	}
	lw := p.low
	return abbrevs[lw] || utf8.RuneCountInString(p.text) == 1 && p.cap()
}

var abbrevs = map[string]bool{
	// English
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true, "gen": true,
	"lt": true, "col": true, "capt": true, "sgt": true, "st": true, "jr": true, "sr": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "vs": true, "prof": true, "rev": true, "hon": true, "mt": true,
	"ft": true, "no": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true, "u.s": true,
	"u.k": true, "u.n": true, "d.c": true, "a.m": true, "p.m": true, "adm": true, "supt": true, "cmdr": true,
	"gens": true, "reps": true, "sens": true, "messrs": true, "pres": true, "atty": true, "dept": true,
	// Russian
	"г": true, "гг": true, "т": true, "др": true, "им": true, "ул": true, "д": true, "см": true, "стр": true,
	"руб": true, "млн": true, "млрд": true, "тыс": true, "ст": true, "чел": true, "кв": true, "км": true,
	"п": true, "пр": true, "проф": true, "акад": true, "ген": true, "тов": true, "англ": true, "с": true,
	"трлн": true, "долл": true, "обл": true, "р": true, "пос": true, "н": true, "э": true, "ред": true,
}

// sentences splits a token list into sentences: it returns the start index
// of each sentence (the first is 0). A sentence ends at . ! ? … or ; that
// is followed by a capitalised word, a quotation or a dash, unless the dot
// closes an abbreviation or an initial or sits inside a number.
func sentences(toks []token, isVerb func(token) bool, en bool) []int {
	starts := []int{0}
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.kind == tQuote {
			// A quotation ending its own sentence: “… movement.” “It isn’t …”
			nx := toks[i+1]
			dashLower := nx.kind == tDash && i+2 < len(toks) && toks[i+2].lower()
			if quoteEndsSentence(t.text) && (nx.kind == tQuote || nx.kind == tDash || nx.cap()) && !dashLower && !attributes(toks, i+1, isVerb, en) {
				starts = append(starts, i+1)
			}
			continue
		}
		if !endsSentence(t) {
			continue
		}
		nx := toks[i+1]
		if !(nx.cap() || nx.kind == tQuote || nx.kind == tDash || (nx.kind == tWord && startsDigit(nx.text)) || nx.is("(")) {
			continue
		}
		if t.text == "." && nx.s == t.e && (startsDigit(nx.text) || i > 0 && toks[i-1].e == t.s && shortPart(toks[i-1].text) && shortPart(nx.text)) {
			continue // a number's dot: "ст. 20.3.1 КоАП"; an abbreviation's: "R-W.Va." (not "years.A series")
		}
		if t.text == "." && i > 0 && toks[i-1].kind == tWord && toks[i-1].e == t.s {
			w := toks[i-1].text
			lw := strings.ToLower(w)
			if abbrevs[lw] {
				continue
			}
			if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
				continue // an initial
			}
		}
		starts = append(starts, i+1)
	}
	return starts
}

// shortPart reports whether the last hyphenated part of w has one or two
// letters, as the parts of "W.Va." and "N.Y." have.
func shortPart(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	n := utf8.RuneCountInString(w)
	return n >= 1 && n <= 2
}

// quoteEndsSentence reports whether a quotation token (marks included)
// ends with . ! ? or … inside its closing mark, one character or two
// (two apostrophes in the PolNeAR texts).
func quoteEndsSentence(s string) bool {
	_, n := utf8.DecodeLastRuneInString(s)
	s = s[:len(s)-n]
	if strings.HasSuffix(s, "'") {
		s = s[:len(s)-1]
	}
	s = strings.TrimRight(s, " \u00a0")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// attributes reports whether the words from toks[i] read as an
// attribution clause: a speech verb among the first five words, before any
// punctuation ("Smith said", "said Smith", "the senator told reporters").
func attributes(toks []token, i int, isVerb func(token) bool, en bool) bool {
	for i < len(toks) && (toks[i].kind == tDash || toks[i].is(",")) {
		i++
	}
	for k := i; k < len(toks) && k < i+5; k++ {
		t := toks[k]
		if t.kind != tWord {
			if t.is(".") && k > i && abbrevDot(toks, k) {
				continue
			}
			return false
		}
		if isVerb(t) {
			// "“…happen.” He said he’ll support …": a verb whose clause
			// follows says something new, not who spoke before
			return k == i || !en || k+1 >= len(toks) || !enClauseOpener(t, toks[k+1])
		}
	}
	return false
}

// enClauseOpener reports whether t, after the English verb, opens what the
// verb says or does rather than ending an attribution: "He said he’ll
// support …", "She noted a planned rally", "Reid said both …" are new
// sentences; "Bush said.", "he said on Friday", "she says Monday" are not.
// After "told", "asked" and the like a noun is their object ("Smith told
// the AP."), not a new clause.
func enClauseOpener(verb, t token) bool {
	switch enVerbs[verb.low] {
	case "tell", "told", "ask", "inform", "remind", "warn", "urge", "assure", "brief", "thank":
		return false
	}
	if t.kind != tWord {
		return false
	}
	w, _, _ := strings.Cut(strings.ReplaceAll(t.low, "’", "'"), "'")
	if _, pron := enPronouns[w]; pron || w == "that" || enDeterminers[w] || w == "both" {
		return true
	}
	return !enStop[w] && !enMonths[w] && !strings.HasSuffix(w, "ly")
}

// leadingLetters returns the letters s starts with.
func leadingLetters(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}
