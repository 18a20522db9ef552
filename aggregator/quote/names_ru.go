package quote

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Russian case hints for a name found in a speaker phrase; caseAccPrep is
// the accusative or the prepositional, as after "на".
const (
	caseNom = iota
	caseGen
	caseAcc
	caseDat
	caseIns
	casePrep
	caseAccPrep
)

// ruGoverned are the prepositions and cue nouns before a name, with the
// case they ask of it ("по словам Лаврова"), and the oblique forms of a
// title, whose case the name shares ("господину Каковкину").
var ruGoverned = map[string]int{"господина": caseGen, "господину": caseDat, "господином": caseIns, "господине": casePrep,
	"госпожи": caseGen, "госпоже": caseDat, "госпожу": caseAcc, "госпожой": caseIns,
	"у": caseGen, "от": caseGen, "для": caseGen, "до": caseGen, "из": caseGen, "без": caseGen,
	"против": caseGen, "после": caseGen, "около": caseGen, "возле": caseGen, "слов": caseGen, "имени": caseGen,
	"про": caseAcc, "через": caseAcc, "на": caseAccPrep, "о": casePrep, "об": casePrep, "обо": casePrep, "при": casePrep,
	"с": caseIns, "со": caseIns, "между": caseIns, "над": caseIns, "перед": caseIns, "к": caseDat, "ко": caseDat, "по": caseDat}

// governedCase returns the case the word right before ts[i] asks of a
// name: a preposition's, a title's ("господину"), a source's noun's
// ("словам", the genitive); ok is false when that word asks none.
func governedCase(toks []token, i int) (c int, ok bool) {
	if i == 0 || toks[i-1].kind != tWord {
		return 0, false
	}
	if ruCueNouns[toks[i-1].low] {
		return caseGen, true
	}
	c, ok = ruGoverned[toks[i-1].low]
	return c, ok
}

// governsOblique reports whether the words right before ts[i] govern a
// case other than the nominative: a preposition, a title in an oblique
// case ("господину"), a source's noun after "по" ("по словам").
func governsOblique(toks []token, i int) bool {
	c, ok := governedCase(toks, i)
	if ok && ruCueNouns[toks[i-1].low] {
		return i >= 2 && toks[i-2].low == "по"
	}
	return ok && c != caseNom
}

// caseBefore guesses the case of a Russian name from the words before it:
// "по словам Лаврова" (genitive), "со ссылкой на Захарову" (accusative),
// "министра инфраструктуры Украины Владислава Криклия" (genitive, from the
// role word heading the description before the name), but "пресс-секретарь
// президента Чехии Иржи Овчачек" (nominative: the role word in the genitive
// complements one in the nominative).
func caseBefore(toks []token, i int) int {
	if c, ok := governedCase(toks, i); ok {
		return c
	}
	cas := -1
	for k := i - 1; k >= 0 && k >= i-5 && toks[k].kind == tWord; k-- {
		lp := toks[k].low
		switch {
		case !isRuRole(lp) || k < i-1 && isRuOrg(lp):
			// a word of the description: "инфраструктуры", "партии"
		case ruRoleNom(lp):
			return caseNom
		case cas < 0 && endsWith(lp, "у", "ю"):
			cas = caseDat // an oblique role word: "пресс-секретарю Дмитрию Пескову"
		case cas < 0 && endsWith(lp, "ом", "ем"):
			cas = caseIns
		case cas < 0:
			cas = caseGen
		}
	}
	return max(cas, caseNom)
}

// ruGivenName reads w as a Russian given name in any case: its nominative
// (as printed when the case cannot be told: "Александру" is Александр's
// dative or Александра's accusative) and its gender (unknownGender when the
// name is either's). ok is false when w is no given name of the lexicon.
// A word that is a woman's name in the nominative and a man's in an oblique
// case ("Валерия") reads as the nominative.
func ruGivenName(w string) (nom string, g gender, ok bool) {
	if !isCyrillicWord(w) {
		return w, unknownGender, false
	}
	rs := ruLex().givenForms[foldYo(strings.ToLower(w))]
	if len(rs) == 0 {
		return w, unknownGender, false
	}
	nom, g = rs[0].nom, rs[0].g
	for _, r := range rs {
		if r.c == caseNom {
			return w, ruLex().given[r.nom].g, true
		}
		if r.nom != nom {
			nom = ""
		}
		if r.g != g {
			g = unknownGender
		}
	}
	if nom == "" {
		return w, unknownGender, true
	}
	return respell(w, nom), g, true
}

// ruNominative brings a Russian person's name, given names (with
// patronymic and initials) and surname, to the nominative, and tells the
// person's gender. It reads the words in each gender and case at once
// (petrovich's rules inverted, given names checked against the lexicon)
// and keeps the readings that fit the evidence: g, the gender the speech
// verb or the caller knows; cas, the case the words before the name ask
// for (caseNom when they ask none); a surname like the lexicon's (a known
// one best). When the readings left disagree, the name stays as printed;
// the gender is unknownGender unless they agree.
func ruNominative(first []string, last string, cas int, g gender) ([]string, string, gender) {
	if !isCyrillicWord(last) {
		return first, last, g
	}
	key := strings.Join(append(first[:len(first):len(first)], last, strconv.Itoa(cas), strconv.Itoa(int(g))), "\x00")
	if v, ok := nominatives.Load(key); ok {
		n := v.(nominative)
		return slices.Clone(n.first), n.last, n.g
	}
	f, l, gg := readNominative(first, last, cas, g)
	if nominativeCount.Add(1) > maxNominatives {
		nominatives.Clear() // hostile text: forget, rather than grow
		nominativeCount.Store(0)
	}
	nominatives.Store(key, nominative{slices.Clone(f), l, gg})
	return f, l, gg
}

// nominatives keeps what ruNominative read of the names seen recently, by
// the words, case and gender asked: news repeats its names, and reading one
// costs some twenty allocations. At most maxNominatives are kept.
var (
	nominatives     sync.Map // key → nominative
	nominativeCount atomic.Int64
)

const maxNominatives = 1 << 14

type nominative struct {
	first []string
	last  string
	g     gender
}

// readNominative is ruNominative, read afresh.
func readNominative(first []string, last string, cas int, g gender) ([]string, string, gender) {
	lx := ruLex()
	words := append(first[:len(first):len(first)], last)
	lows := make([]string, len(words))
	read := make([][]reading, len(words))
	for i, w := range words {
		lows[i] = foldYo(strings.ToLower(w))
		if strings.HasSuffix(w, ".") || !isCyrillicWord(w) {
			continue // an initial or a foreign word: no case to read
		}
		var pat []reading
		if i > 0 {
			pat = slices.DeleteFunc(lx.readings(patronymic, lows[i]), func(r reading) bool { return !ruPatronymicNom(r.nom) })
		}
		switch {
		case len(pat) > 0:
			read[i] = pat // "Сергеевича", "Игоревне"
		case i == len(words)-1:
			read[i] = lx.readings(surname, lows[i])
		default:
			// a known given name reads as one; any other word by the rules
			if read[i] = lx.givenForms[lows[i]]; len(read[i]) == 0 {
				read[i] = lx.readings(givenName, lows[i])
			}
		}
	}
	// A hypothesis is a gender and a case; it holds, for each word, the
	// nominative it reads (of several, the one most like the lexicon's
	// names; in a tie, the word as printed).
	type hyp struct {
		g    gender
		c    int
		noms []string // lower case
		like int      // how much the surname read looks like a known one
	}
	hyps := make([]hyp, 0, 12)
	noms := make([]string, 12*len(words))
	for try := 0; len(hyps) == 0 && try < 2; try++ {
		if try == 1 {
			// a surname no rule reads in the given name's case (petrovich
			// has "Осадчим" of no "Осадчий") stays as printed
			read[len(words)-1] = nil
		}
		for _, hg := range []gender{masculine, feminine} {
			if (g == masculine || g == feminine) && hg != g {
				// the verb is surer than the lexicon: only its gender is
				// read, a name the lexicon lacks for it stays as printed
				// ("сказала … Ильхам Ахмед"), and when no rule reads the
				// surname in the given name's case, the second try keeps
				// it as printed ("Евгения" and "Ключников" of a man are
				// Евгений Ключников)
				continue
			}
		next:
			for c := caseNom; c <= casePrep; c++ {
				h := hyp{g: hg, c: c, noms: noms[:len(words):len(words)]}
				for i := range words {
					h.noms[i] = lows[i]
					if read[i] == nil {
						continue
					}
					best := -1
					for _, r := range read[i] {
						if r.g != hg || r.c != c {
							continue
						}
						like := 0 // a given name the lexicon lacks: as printed
						if _, known := lx.given[r.nom]; i == len(words)-1 {
							like = lx.surnameLikeness(r.nom, hg)
						} else if known {
							like = lx.likeness(givenName, r.nom, hg)
						}
						if like > best || like == best && r.nom == lows[i] {
							h.noms[i], best = r.nom, like
						}
					}
					if best < 0 {
						continue next
					}
					if i == len(words)-1 {
						h.like = best
					}
				}
				hyps = append(hyps, h)
				noms = noms[len(words):]
			}
		}
	}
	keep := func(f func(h hyp) bool) {
		if slices.ContainsFunc(hyps, f) {
			hyps = slices.DeleteFunc(hyps, func(h hyp) bool { return !f(h) })
		}
	}
	// a surname the lexicon knows; the case the words before ask for; the
	// surnames read nearly as like the lexicon's as the best ("Садунайте"
	// stays as printed, the nominative); the endings of surnames
	// choose the gender only by far ("Протасовицкому" is a man's dative,
	// not a woman's accusative of Протасовицкома)
	keep(func(h hyp) bool { return h.like >= knownSurname })
	if cas != caseNom {
		keep(func(h hyp) bool { return h.c == cas || cas == caseAccPrep && (h.c == caseAcc || h.c == casePrep) })
	}
	all := 0
	for _, h := range hyps {
		all = max(all, h.like)
	}
	keep(func(h hyp) bool { return h.like*1000 >= all })
	if len(hyps) == 0 {
		return first, last, g
	}
	out, hg := make([]string, len(words)), hyps[0].g
	for i, w := range words {
		out[i] = respell(w, hyps[0].noms[i])
	}
	for _, h := range hyps[1:] {
		if h.g != hg {
			hg = g // the verb's, or unknownGender
		}
		if !slices.Equal(h.noms, hyps[0].noms) {
			out = words // unsure: as printed
		}
	}
	return out[:len(out)-1], out[len(out)-1], hg
}

// ruPossessor reports whether a Russian name standing after a role word
// ("помощник Путина", "помощник Владимира Путина") reads as a genitive, the
// role's possessor, rather than as the role holder's name in the
// nominative, for a speaker of gender g: its given names have no
// nominative reading of that gender, or its surname reads far better as a
// genitive ("Путина" of Путин) than as a nominative ("Путина", a man).
func ruPossessor(first []string, last string, g gender) bool {
	if !isCyrillicWord(last) || g != masculine && g != feminine {
		return false
	}
	lx := ruLex()
	for _, w := range first {
		rs := lx.givenForms[foldYo(strings.ToLower(w))]
		if len(rs) > 0 && !slices.ContainsFunc(rs, func(r reading) bool { return r.c == caseNom && r.g == g }) {
			return slices.ContainsFunc(rs, func(r reading) bool { return r.c == caseGen })
		}
	}
	return ruObliqueSurname(last, g)
}

// ruNamesSomeone reports whether a Russian name with given names reads in
// the nominative for one gender: "Министр … Алла Кузнецова считает" is
// Алла Кузнецова, though "Алла" is also the genitive of the rare "Алл"
// and the role noun is masculine.
func ruNamesSomeone(first []string, last string) bool {
	if len(first) == 0 {
		return false
	}
	rs := ruLex().givenForms[foldYo(strings.ToLower(first[0]))]
	for _, g := range []gender{masculine, feminine} {
		if slices.ContainsFunc(rs, func(r reading) bool { return r.c == caseNom && r.g == g }) && !ruPossessor(first, last, g) {
			return true
		}
	}
	return false
}

// ruObliqueSurname reports whether a capitalised Russian word reads far
// better as a surname in an oblique case than in the nominative ("Бородаю"
// of Бородай, "Путина" of Путин for a man): its best oblique reading looks
// ten times more like the lexicon's surnames than its best nominative one.
// Only the readings of gender g count (either gender when unknownGender).
func ruObliqueSurname(w string, g gender) bool {
	if ruLithuanianWoman(lower(w)) {
		return false // never declined
	}
	lx := ruLex()
	nom, obl := -1, -1
	for _, r := range lx.readings(surname, foldYo(strings.ToLower(w))) {
		if g != unknownGender && r.g != g {
			continue
		}
		if like := lx.surnameLikeness(r.nom, r.g); r.c == caseNom {
			nom = max(nom, like)
		} else {
			obl = max(obl, like)
		}
	}
	return obl > 0 && obl > 10*nom
}

// ruLithuanianWoman reports whether the lower-case surname w is a
// Lithuanian woman's ("Жукаускене", "Садунайте"), which is never declined.
func ruLithuanianWoman(w string) bool {
	return len([]rune(w)) >= 7 && endsWith(w, "ене", "айте", "ите", "уте", "юте")
}

// ruPatronymicNom reports whether nom (lower case) ends as a patronymic in
// the nominative: -ич, -вна, -чна.
func ruPatronymicNom(nom string) bool {
	return endsWith(nom, "ич", "вна", "чна")
}

// ruCaseOf reports whether the Russian name form, of kind k (givenName or
// surname), is nom in an oblique case, for a man or a woman: "Уайта" of
// "Уайт", "Захаровой" of "Захарова", "Александра" of "Александр".
func ruCaseOf(k nameKind, form, nom string) bool {
	lf, ln := foldYo(strings.ToLower(form)), foldYo(strings.ToLower(nom))
	if !isCyrillicWord(form) || lf == ln {
		return false
	}
	rs := ruLex().givenForms[lf]
	if k != givenName || len(rs) == 0 {
		// a surname, or a given name the lexicon lacks ("Бехзода" of
		// "Бехзод"): by the rules
		rs = ruLex().readings(k, lf)
	}
	return slices.ContainsFunc(rs, func(r reading) bool { return r.c != caseNom && r.nom == ln })
}

// ruAdjectival reports whether a capitalised Russian word looks like an
// adjective (Северной, Российский) rather than a name.
func ruAdjectival(w string) bool {
	lw := lower(w)
	return endsWith(lw, "ский", "ская", "ское", "ские", "ского", "ской", "скому", "ским", "ских",
		"ному", "ного", "ными", "ная", "ное", "ные", "ных", "ней", "ний", "ой", "ый", "ая", "ое", "ые", "ых", "ую", "ими", "ыми")
}
