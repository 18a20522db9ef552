package quote

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The Russian name lexicon (lexicon/, written by lexicon/gen.js, whose
// comment says how to run it): petrovich's inflection rules (MIT) and the
// given names and surnames of the OpenCorpora dictionary (CC BY-SA 3.0).

//go:generate node lexicon/gen.js $SYNDIC_LEXICON_SRC lexicon

//go:embed lexicon/petrovich.json
var petrovichJSON []byte

//go:embed lexicon/lvovich.json
var lvovichJSON []byte

//go:embed lexicon/names.tsv
var givenNamesTSV string

//go:embed lexicon/names-extra.tsv
var givenNamesExtraTSV string

//go:embed lexicon/surnames.tsv
var surnamesTSV string

// nameKind is the part of a Russian name a word is.
type nameKind int

const (
	givenName nameKind = iota
	patronymic
	surname
)

// casePrep is the prepositional case, after the cases of names_ru.go;
// caseAccPrep is the accusative or the prepositional, as after "на".
const (
	casePrep = caseIns + 1 + iota
	caseAccPrep
)

// pvCases are the cases of petrovich's mods, in their order.
var pvCases = [5]int{caseGen, caseDat, caseAcc, caseIns, casePrep}

// pvRule is one petrovich rule: a name of the gender (male, female or
// androgynous) that is one of test (exceptions) or ends in one (suffixes)
// takes, in the five oblique cases, mods: "-" drops a letter, "." keeps the
// word, a letter is added.
type pvRule struct {
	Gender string   `json:"gender"`
	Test   []string `json:"test"`
	Mods   []string `json:"mods"`
	Tags   []string `json:"tags"`
	order  int      // its place among the suffix rules
}

func (r *pvRule) fits(g gender) bool {
	return r.Gender == "androgynous" || r.Gender == "male" && g == masculine || r.Gender == "female" && g == feminine
}

type pvRules struct {
	Exceptions []pvRule `json:"exceptions"`
	Suffixes   []pvRule `json:"suffixes"`
	// oblique maps the ending of an oblique form to the rules that make it.
	oblique map[string][]pvInverse
	longest int
	// first maps a gender and a whole word (exceptions) or an ending
	// (suffixes) to the first rule for it
	exception, suffix map[string]*pvRule
	longestTest       int
}

// pvInverse undoes one rule in one case for one gender: a form ending in
// the key came from a nominative ending in test.
type pvInverse struct {
	test  string
	whole bool // an exception: the form is the whole word
	g     gender
	c     int
}

// A reading is one way to read a name word: the nominative of the word in
// case c for a person of gender g.
type reading struct {
	nom string
	g   gender
	c   int
}

// ruLexicon is the loaded lexicon.
type ruLexicon struct {
	rules [3]*pvRules          // by nameKind
	given map[string]nameEntry // lower case, ё as е
	// givenForms maps every case of every given name (lower case, ё as е)
	// to its readings
	givenForms map[string][]reading
	surnames   map[string]nameEntry
	// endings counts the lexicon's given names and surnames by gender and
	// last two and three letters: how much a nominative looks like a known surname
	endings map[ending]int
	// surnameGender: lvovich's endings of a surname in the nominative, by
	// gender ("androgynous", "female", "male"); exceptions are whole words
	surnameGender struct{ Exceptions, Suffixes map[string][]string }
}

// nameEntry is a lexicon word's gender: masculine, feminine, or
// unknownGender for a name of either; common marks a given name that is
// also a common word ("вера", "лев").
type nameEntry struct {
	g      gender
	common bool
}

func (e nameEntry) fits(g gender) bool { return e.g == unknownGender || e.g == g }

var ruLex = sync.OnceValue(ruLexLoad)

func ruLexLoad() *ruLexicon {
	var raw struct{ Firstname, Middlename, Lastname pvRules }
	if err := json.Unmarshal(petrovichJSON, &raw); err != nil {
		panic("quote: lexicon/petrovich.json: " + err.Error())
	}
	lx := &ruLexicon{rules: [3]*pvRules{&raw.Firstname, &raw.Middlename, &raw.Lastname}}
	for _, rs := range lx.rules {
		rs.index()
	}
	if err := json.Unmarshal(lvovichJSON, &lx.surnameGender); err != nil {
		panic("quote: lexicon/lvovich.json: " + err.Error())
	}
	lx.given = readNames(givenNamesTSV + givenNamesExtraTSV)
	lx.givenForms = make(map[string][]reading, 8*len(lx.given))
	for nom, e := range lx.given {
		for _, g := range []gender{masculine, feminine} {
			if !e.fits(g) {
				continue
			}
			for c := caseNom; c <= casePrep; c++ {
				f := lx.rules[givenName].inflect(nom, g, c)
				lx.givenForms[f] = append(lx.givenForms[f], reading{nom, g, c})
			}
		}
	}
	lx.surnames = readNames(surnamesTSV)
	lx.endings = map[ending]int{}
	for k, names := range map[nameKind]map[string]nameEntry{givenName: lx.given, surname: lx.surnames} {
		for w, e := range names {
			for _, g := range []gender{masculine, feminine} {
				for n := 2; n <= 3 && e.fits(g); n++ {
					lx.endings[endingOf(w, k, g, n)]++
				}
			}
		}
	}
	return lx
}

// readNames reads lines "name TAB m|f|b [TAB w]".
func readNames(tsv string) map[string]nameEntry {
	m := make(map[string]nameEntry, strings.Count(tsv, "\n"))
	for line := range strings.Lines(tsv) {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		e := nameEntry{common: len(f) > 2 && f[2] == "w"}
		switch f[1] {
		case "m":
			e.g = masculine
		case "f":
			e.g = feminine
		}
		k := foldYo(f[0])
		if old, ok := m[k]; ok && old.g != e.g {
			e.g = unknownGender // "алёна" and "алена" of two genders
		}
		m[k] = e
	}
	return m
}

func foldYo(w string) string { return strings.ReplaceAll(w, "ё", "е") }

// index builds the inverse of the rules.
func (rs *pvRules) index() {
	for _, r := range slices.Concat(rs.Exceptions, rs.Suffixes) {
		for i, t := range r.Test {
			r.Test[i] = foldYo(t) // words are read with ё as е: "пётр"
		}
	}
	rs.oblique = map[string][]pvInverse{}
	add := func(r *pvRule, whole bool) {
		if len(r.Tags) > 0 {
			return // petrovich never applies a tagged rule
		}
		for _, g := range []gender{masculine, feminine} {
			if !r.fits(g) {
				continue
			}
			for i, mod := range r.Mods {
				for _, t := range r.Test {
					form := applyMod(t, mod)
					end := form
					if !whole {
						// the form is stem+end where the nominative is stem+t
						drop := strings.Count(mod, "-")
						tr := []rune(t)
						if drop > len(tr) {
							continue
						}
						end = string(tr[:len(tr)-drop]) + strings.Trim(mod, "-.")
					}
					rs.oblique[end] = append(rs.oblique[end], pvInverse{test: t, whole: whole, g: g, c: pvCases[i]})
					rs.longest = max(rs.longest, utf8.RuneCountInString(end))
				}
			}
		}
	}
	for i := range rs.Exceptions {
		add(&rs.Exceptions[i], true)
	}
	for i := range rs.Suffixes {
		add(&rs.Suffixes[i], false)
	}
	// the first rule for each word and ending, as petrovich looks them up
	rs.exception, rs.suffix = map[string]*pvRule{}, map[string]*pvRule{}
	first := func(m map[string]*pvRule, r *pvRule) {
		for _, g := range []gender{masculine, feminine} {
			for _, t := range r.Test {
				if k := string(g) + t; r.fits(g) && len(r.Tags) == 0 && m[k] == nil {
					m[k] = r
				}
			}
		}
	}
	for i := range rs.Exceptions {
		first(rs.exception, &rs.Exceptions[i])
	}
	for i := range rs.Suffixes {
		r := &rs.Suffixes[i]
		r.order = i
		first(rs.suffix, r)
		for _, t := range r.Test {
			rs.longestTest = max(rs.longestTest, utf8.RuneCountInString(t))
		}
	}
}

// rule returns the rule petrovich applies to w (lower case) for gender g:
// the first exception naming it, else the first rule, in petrovich's
// order, of an ending of w.
func (rs *pvRules) rule(w string, g gender) *pvRule {
	if r := rs.exception[string(g)+w]; r != nil {
		return r
	}
	var best *pvRule
	for l, cut := 1, len(w); l <= rs.longestTest && cut > 0; l++ {
		_, size := utf8.DecodeLastRuneInString(w[:cut])
		cut -= size
		if r := rs.suffix[string(g)+w[cut:]]; r != nil && (best == nil || r.order < best.order) {
			best = r
		}
	}
	return best
}

// inflect puts the nominative w (lower case) into case c for gender g.
func (rs *pvRules) inflect(w string, g gender, c int) string {
	if c == caseNom {
		return w
	}
	r := rs.rule(w, g)
	if r == nil {
		return w
	}
	for i, pc := range pvCases {
		if pc == c {
			return applyMod(w, r.Mods[i])
		}
	}
	return w
}

func applyMod(w, mod string) string {
	if mod == "." {
		return w
	}
	// petrovich's mods drop letters first, then add some
	add := strings.TrimLeft(mod, "-")
	for range len(mod) - len(add) {
		_, size := utf8.DecodeLastRuneInString(w)
		w = w[:len(w)-size]
	}
	return w + strings.Trim(add, ".")
}

// readings lists every way to read the lower-case word w as a name of kind
// k: itself in the nominative, and each nominative that petrovich puts into
// a case as w. A hyphenated word is read part by part, in one case.
func (lx *ruLexicon) readings(k nameKind, w string) []reading {
	parts := strings.Split(w, "-")
	if len(parts) > 1 {
		out := lx.readings(k, parts[0])
		for _, p := range parts[1:] {
			var next []reading
			for _, r := range lx.readings(k, p) {
				for _, o := range out {
					if o.g == r.g && o.c == r.c {
						next = append(next, reading{o.nom + "-" + r.nom, r.g, r.c})
					}
				}
			}
			out = next
		}
		return out
	}
	rs := lx.rules[k]
	out := []reading{{w, masculine, caseNom}, {w, feminine, caseNom}}
	seen := func(r reading) bool {
		for _, o := range out {
			if o == r {
				return true
			}
		}
		return false
	}
	n := utf8.RuneCountInString(w)
	for l, cut := 0, len(w); l <= rs.longest && l < n; l++ {
		end := w[cut:]
		for _, inv := range rs.oblique[end] {
			nom := inv.test
			if !inv.whole {
				nom = w[:cut] + inv.test
			} else if end != w {
				continue
			}
			if r := (reading{nom, inv.g, inv.c}); rs.inflect(nom, inv.g, inv.c) == w && !seen(r) {
				out = append(out, r)
			}
		}
		_, size := utf8.DecodeLastRuneInString(w[:cut])
		cut -= size
	}
	if inv := rs.oblique[w]; len(inv) > 0 {
		for _, i := range inv {
			if r := (reading{i.test, i.g, i.c}); i.whole && rs.inflect(i.test, i.g, i.c) == w && !seen(r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// ending is a kind of name, a gender and the last letters of a name.
type ending struct {
	k   nameKind
	g   gender
	end string
}

// endingOf returns the last n letters of w, a name of kind k and gender g.
func endingOf(w string, k nameKind, g gender, n int) ending {
	cut := len(w)
	for ; n > 0 && cut > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:cut])
		cut -= size
	}
	return ending{k, g, w[cut:]}
}

// knownSurname is the likeness of a surname the lexicon knows.
const knownSurname = 1 << 30

// surnameLikeness tells how much the nominative nom (lower case) looks like
// a surname of gender g: a known one most, else by how many known ones end
// in its last three letters, then two; 0 for none.
func (lx *ruLexicon) surnameLikeness(nom string, g gender) int {
	nom = foldYo(nom)
	if e, ok := lx.surnames[nom]; ok && e.fits(g) {
		return knownSurname
	}
	return lx.likeness(surname, nom, g)
}

// likeness tells by how many names of kind k and gender g in the lexicon
// end in the last three letters of nom, then two: how much nom looks like
// them ("ольга" more than "ольгя", both the lexicon's).
func (lx *ruLexicon) likeness(k nameKind, nom string, g gender) int {
	return lx.endings[endingOf(nom, k, g, 3)]*100 + lx.endings[endingOf(nom, k, g, 2)]*10
}

// surnameGenderOf tells the gender of a surname in the nominative (lower
// case) by lvovich's rules: masculine, feminine, or unknownGender when the
// ending is either's or no rule's.
func (lx *ruLexicon) surnameGenderOf(nom string) gender {
	match := func(rules map[string][]string, f func(string) bool) (gender, bool) {
		var gs []string
		for g, list := range rules {
			if slices.ContainsFunc(list, f) {
				gs = append(gs, g)
			}
		}
		if len(gs) != 1 {
			return unknownGender, false
		}
		switch gs[0] {
		case "male":
			return masculine, true
		case "female":
			return feminine, true
		}
		return unknownGender, true
	}
	if g, ok := match(lx.surnameGender.Exceptions, func(s string) bool { return s == nom }); ok {
		return g
	}
	g, _ := match(lx.surnameGender.Suffixes, func(s string) bool { return strings.HasSuffix(nom, s) })
	return g
}

// givenName returns the lexicon's entry for a given name in the
// nominative (any case of letters).
func (lx *ruLexicon) givenName(nom string) (nameEntry, bool) {
	e, ok := lx.given[foldYo(strings.ToLower(nom))]
	return e, ok
}

// respell gives the nominative nom (lower case, ё as е) the letter case
// and the spelling of the printed word w: "МОРОЗА" → "МОРОЗ", "Лихачёве" →
// "Лихачёв".
func respell(w, nom string) string {
	lw := foldYo(strings.ToLower(w))
	i := 0
	for i < len(lw) && i < len(nom) && lw[i] == nom[i] {
		i++
	}
	for i > 0 && i < len(nom) && !utf8.RuneStart(nom[i]) {
		i--
	}
	if w == strings.ToUpper(w) && utf8.RuneCountInString(w) > 1 {
		return w[:i] + strings.ToUpper(nom[i:])
	}
	return w[:i] + nom[i:]
}
