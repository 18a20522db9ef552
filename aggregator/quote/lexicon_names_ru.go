package quote

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The Russian name lexicon, in lexicon/, written by lexicon/gen.js (whose
// comment says how to run it and what each file holds): petrovich's
// inflection rules turned round and lvovich's surname genders (MIT), the
// given names, surnames, places and surname-like common nouns of the
// OpenCorpora dictionary (CC BY-SA 3.0).

//go:generate node lexicon/gen.js $SYNDIC_LEXICON_SRC lexicon

var (
	//go:embed lexicon/petrovich.tsv
	petrovichTSV string
	//go:embed lexicon/lvovich.tsv
	lvovichTSV string
	//go:embed lexicon/names.tsv
	givenNamesTSV string
	//go:embed lexicon/surnames.tsv
	surnamesTSV string
	//go:embed lexicon/places.tsv
	placesTSV string
	//go:embed lexicon/common.tsv
	commonTSV string
)

// ruCommonNoun reports whether a lower-case Russian word is a common noun
// in the singular nominative that ends as a surname does (lexicon/common.tsv:
// "окраина", "причина"): opening a sentence, it is no one's name.
func ruCommonNoun(w string) bool {
	_, ok := ruCommonNouns()[foldYo(w)]
	return ok
}

var ruCommonNouns = sync.OnceValue(func() map[string]struct{} {
	m := map[string]struct{}{}
	for line := range strings.Lines(commonTSV) {
		m[strings.TrimSuffix(line, "\n")] = struct{}{}
	}
	return m
})

// ruGazetteer maps every form of a place's name in OpenCorpora
// (lexicon/places.tsv) that is no common word to the place's nominative:
// "бурятии" → "бурятия", "орска" → "орск".
var ruGazetteer = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for line := range strings.Lines(placesTSV) {
		nom, forms, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !strings.Contains(","+forms+",", ","+nom+"*,") {
			m[nom] = nom
		}
		for f := range strings.SplitSeq(forms, ",") {
			if f != "" && !strings.HasSuffix(f, "*") {
				m[f] = nom
			}
		}
	}
	return m
})

// ruPlace reports whether a lower-case Russian word names a place in any
// case: a country or city of ruPlaces or of the gazetteer.
func ruPlace(w string) bool {
	if ruPlaces[w] {
		return true
	}
	_, ok := ruGazetteer()[foldYo(w)]
	return ok
}

// nameKind is the part of a Russian name a word is.
type nameKind int

const (
	givenName nameKind = iota
	patronymic
	surname
)

// A reading is one way to read a name word: the nominative of the word in
// case c for a person of gender g.
type reading struct {
	nom string
	g   gender
	c   int
}

// nameEntry is a lexicon word's gender: masculine, feminine, or
// unknownGender for a name of either; common marks a given name that is
// also a common word ("вера", "лев").
type nameEntry struct {
	g      gender
	common bool
}

func (e nameEntry) fits(g gender) bool { return e.g == unknownGender || e.g == g }

// inverse is a line of petrovich.tsv: a form with the ending it is filed
// under is, in case c, the nominative with end instead, for gender g,
// unless the nominative ends in one of unless ("=" a whole word).
type inverse struct {
	end    string
	g      gender
	c      int
	unless []string
}

// ruLexicon is the loaded lexicon; words are lower case, with ё as е.
type ruLexicon struct {
	inverse    [3]map[string][]inverse // by nameKind and ending ("=" a whole word)
	longest    int                     // the longest ending, in letters
	given      map[string]nameEntry
	givenForms map[string][]reading // every case of every given name
	surnames   map[string]nameEntry
	endings    map[ending]int    // how many names end so: see likeness
	lvovich    map[string]gender // a surname's ending ("=" a whole word) to its gender
}

var ruLex = sync.OnceValue(func() *ruLexicon {
	lx := &ruLexicon{given: map[string]nameEntry{}, givenForms: map[string][]reading{}, surnames: map[string]nameEntry{},
		endings: map[ending]int{}, lvovich: map[string]gender{}}
	kinds := map[string]nameKind{"given": givenName, "patronymic": patronymic, "surname": surname}
	cases := map[string]int{"genitive": caseGen, "dative": caseDat, "accusative": caseAcc, "instrumental": caseIns, "prepositional": casePrep}
	for _, f := range tsv(petrovichTSV) {
		k := kinds[f[0]]
		if lx.inverse[k] == nil {
			lx.inverse[k] = map[string][]inverse{}
		}
		in := inverse{end: f[2], g: gender(f[3][0]), c: cases[f[4]]}
		if f[5] != "" {
			in.unless = strings.Split(f[5], ",")
		}
		lx.inverse[k][f[1]] = append(lx.inverse[k][f[1]], in)
		lx.longest = max(lx.longest, utf8.RuneCountInString(f[1]))
	}
	for _, f := range tsv(lvovichTSV) {
		lx.lvovich[f[0]] = entryGender(f[1])
	}
	for _, f := range tsv(givenNamesTSV) {
		e := nameEntry{entryGender(f[1]), f[2] == "w"}
		lx.given[f[0]] = e
		for i, form := range f[3:] {
			g := masculine
			if e.g == feminine || i >= 5 {
				g = feminine
			}
			lx.givenForms[form] = append(lx.givenForms[form], reading{f[0], g, []int{caseGen, caseDat, caseAcc, caseIns, casePrep}[i%5]})
		}
		for _, g := range []gender{masculine, feminine} {
			if e.fits(g) {
				lx.givenForms[f[0]] = append(lx.givenForms[f[0]], reading{f[0], g, caseNom})
			}
		}
	}
	for _, f := range tsv(surnamesTSV) {
		lx.surnames[f[0]] = nameEntry{g: entryGender(f[1])}
	}
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
})

// tsv splits the lines of a lexicon file into their fields.
func tsv(s string) [][]string {
	var out [][]string
	for line := range strings.Lines(s) {
		out = append(out, strings.Split(strings.TrimSuffix(line, "\n"), "\t"))
	}
	return out
}

// entryGender reads a lexicon's gender letter: m, f, or b for either.
func entryGender(s string) gender {
	if s == "m" || s == "f" {
		return gender(s[0])
	}
	return unknownGender
}

// readings lists every way to read the word w (lower case, ё as е) as a
// name of kind k: itself in the nominative, and each nominative that
// petrovich puts into a case as w. A hyphenated word is read part by part,
// in one case.
func (lx *ruLexicon) readings(k nameKind, w string) []reading {
	if parts := strings.Split(w, "-"); len(parts) > 1 {
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
	out := append(make([]reading, 0, 8), reading{w, masculine, caseNom}, reading{w, feminine, caseNom})
	add := func(stem string, ins []inverse) {
	next:
		for _, in := range ins {
			// the nominative is stem+in.end, made only once it is a reading
			for _, u := range in.unless {
				if whole, ok := strings.CutPrefix(u, "="); ok && isJoin(whole, stem, in.end) ||
					!ok && (strings.HasSuffix(in.end, u) || strings.HasSuffix(u, in.end) && strings.HasSuffix(stem, u[:len(u)-len(in.end)])) {
					continue next
				}
			}
			for _, o := range out {
				if o.g == in.g && o.c == in.c && isJoin(o.nom, stem, in.end) {
					continue next
				}
			}
			out = append(out, reading{stem + in.end, in.g, in.c})
		}
	}
	add("", lx.inverse[k]["="+w])
	for l, cut := 0, len(w); l <= lx.longest && cut > 0; l++ {
		add(w[:cut], lx.inverse[k][w[cut:]])
		_, size := utf8.DecodeLastRuneInString(w[:cut])
		cut -= size
	}
	return out
}

// isJoin reports whether w is a+b.
func isJoin(w, a, b string) bool {
	return len(w) == len(a)+len(b) && strings.HasPrefix(w, a) && strings.HasSuffix(w, b)
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

// hasSurname reports whether the lexicon has the surname w (in the
// nominative, any letter case).
func (lx *ruLexicon) hasSurname(w string) bool {
	_, ok := lx.surnames[foldYo(strings.ToLower(w))]
	return ok
}

// surnameLikeness tells how much the nominative nom looks like a surname of
// gender g: a known one most, else as likeness says.
func (lx *ruLexicon) surnameLikeness(nom string, g gender) int {
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

// surnameGenderOf tells the gender of a surname in the nominative by
// lvovich's rules: masculine, feminine, or unknownGender when the word or
// its endings are either's or no rule's.
func (lx *ruLexicon) surnameGenderOf(nom string) gender {
	if g, ok := lx.lvovich["="+nom]; ok {
		return g
	}
	var gs []gender
	for _, n := range []int{1, 2, 3, 4, 5} {
		if g, ok := lx.lvovich[endingOf(nom, surname, 0, n).end]; ok && !slices.Contains(gs, g) {
			gs = append(gs, g)
		}
	}
	if len(gs) != 1 {
		return unknownGender
	}
	return gs[0]
}

// respell gives the nominative nom (lower case, ё as е) the spelling of
// the printed word w and a name's letter case, even where w is set in
// capitals for emphasis: "МОРОЗА" → "Мороз", "Лихачёве" → "Лихачёв",
// "ПЕТРОВА-ВОДКИНА" → "Петров-Водкин".
func respell(w, nom string) string {
	if w == strings.ToUpper(w) && utf8.RuneCountInString(w) > 1 {
		parts := strings.Split(foldSpelling(strings.ToLower(w), nom), "-")
		for k, p := range parts {
			r, n := utf8.DecodeRuneInString(p)
			parts[k] = string(unicode.ToUpper(r)) + p[n:]
		}
		return strings.Join(parts, "-")
	}
	return foldSpelling(w, nom)
}

// foldSpelling is nom with the letters w shares with it as w prints them
// (its case, its ё).
func foldSpelling(w, nom string) string {
	lw := foldYo(strings.ToLower(w))
	i := 0
	for i < len(lw) && i < len(nom) && lw[i] == nom[i] {
		i++
	}
	for i > 0 && i < len(nom) && !utf8.RuneStart(nom[i]) {
		i--
	}
	return w[:i] + nom[i:]
}

func foldYo(w string) string { return strings.ReplaceAll(w, "ё", "е") }
