package quote

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/syndic/syndic/news"
)

// Identify files a speaker's name (as Find gives it: nominative, full) for
// the speaker registry: its key (news.SpeakerSlug) and the forms it may be
// typed or printed in. For a Russian person's name these are its cases by
// the lexicon ("Сергея Лаврова", "Захаровой", "Пескову"), the surname alone
// in each case, and the Latin spellings of BGN/PCGN, ICAO, GOST 7.79 and
// English ("Lavrov", "Zelensky"); for a Latin person's name, the surname
// alone; for a body, its name only. Every form is a news.NameForm.
// Identify never says that two names are one person: the store does that,
// cautiously, from the forms of all.
//
// A description is no one's name and has the key "": words none of which
// is capitalised ("пресс-служба городской администрации", "мэрия"), a role
// ("глава МИД России", "пресс-секретарь Кремля"), or one
// word naming a kind of body or person that every country or city has
// ("Ведомство", "Женщина", and "МИД", whose country the name does not
// say). Its quotes are credited to it as written, and it is not filed as
// a speaker of its own.
func Identify(name string) news.Speaker {
	sp := news.Speaker{Key: news.SpeakerSlug(name), Name: strings.TrimSpace(name)}
	if sp.Key == "" || description(name) {
		sp.Key = ""
		return sp
	}
	words := strings.Fields(news.NameForm(name))
	whole := []string{strings.Join(words, " ")}
	var part []string
	switch {
	case isCyrillicWord(words[0]):
		given, last, g, person := ruPersonName(words)
		if person {
			sp.Person = true
			part = append(part, ruSurnameForms(last, g)...)
			givens := ruGivenCases(given, g)
			for c, lf := range ruSurnameCases(last, g) {
				whole = append(whole, givens[c]+" "+lf)
			}
		} else if g := ruLex().surnameGenderOf(words[0]); len(words) == 1 &&
			(g != unknownGender || ruLex().surnameLikeness(words[0], unknownGender) == knownSurname) {
			whole = append(whole, ruSurnameForms(words[0], g)...) // a surname alone: "Путин"
		}
		for _, sc := range news.Schemes {
			whole = append(whole, news.NameForm(news.Transliterate(whole[0], sc)))
			if person {
				part = append(part, news.NameForm(news.Transliterate(words[len(words)-1], sc)))
			}
		}
	case len(words) >= 2 && len(words) <= 3 && latinPerson(name):
		sp.Person = true
		part = append(part, words[len(words)-1])
	}
	sp.Whole = dedupe(whole)
	sp.Surname = dedupe(part)
	return sp
}

// description reports whether a speaker's name is a description (see
// Identify).
func description(name string) bool {
	ws := news.Words(name)
	capital := false
	for _, w := range ws {
		capital = capital || w.Capital || unicode.IsDigit([]rune(w.Text)[0])
	}
	first := news.Fold(strings.Fields(name)[0])
	role := !ws[0].Capital && (isRuRole(first) || enRoleWords[first]) // "глава МИД России"
	// (a single English role word in the plural, "Officials",
	// "Authorities", is people the text does not name)
	return !capital || role || len(ws) == 1 && (genericSpeakers[ws[0].Fold] || enRoleWords[first] && enPlural(first))
}

// genericSpeakers are the bodies and people that are no one in particular
// when named by this one word.
var genericSpeakers = toSet(`ведомство министерство дипведомство пресс-служба компания правительство
администрация мэрия суд прокуратура полиция агентство организация комитет совет партия фонд союз
штаб служба управление департамент комиссия посольство консульство армия корпорация концерн холдинг
группа оператор банк биржа университет институт центр ассоциация объединение движение палата
парламент сенат кабинет аппарат отдел мид минобороны минфин минздрав минэкономразвития минюст мчс
мвд генпрокуратура генштаб кабмин минтранс минэнерго женщина мужчина собеседник источник эксперт
хозяин пострадавший очевидец житель жительница police`)

// ruPersonName reads words (NameForm's) as a Russian person's name: a given
// name the lexicon knows, an optional patronymic, a surname. It returns the
// given name (and patronymic) words, the surname, and the gender the given
// name has.
func ruPersonName(words []string) (given []string, last string, g gender, ok bool) {
	if len(words) < 2 || len(words) > 3 {
		return nil, "", unknownGender, false
	}
	e, known := ruLex().given[words[0]]
	if !known {
		return nil, "", unknownGender, false
	}
	g = e.g
	if g == unknownGender {
		g = ruLex().surnameGenderOf(words[len(words)-1])
	}
	return words[:len(words)-1], words[len(words)-1], g, true
}

// latinPerson reports whether a Latin-script name is a person's: two or
// three capitalised words, the first a given name (English, or a Russian
// one transliterated: "Sergei", "Volodymyr").
func latinPerson(name string) bool {
	ws := news.Words(name)
	for _, w := range ws {
		if !w.Capital {
			return false
		}
	}
	return enGiven(ws[0].Text) || latinGivenSkeletons()[news.NameSkeleton(ws[0].Text)]
}

// latinGivenSkeletons are the skeletons of the lexicon's given names.
var latinGivenSkeletons = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for n := range ruLex().given {
		out[news.NameSkeleton(n)] = true
	}
	return out
})

// ruSurnameCases returns a surname (lower case, ё as е) in each case from
// the nominative on, for gender g (either when unknown), by petrovich's
// rules run forwards: the rule for the longest nominative ending that fits
// and whose exceptions do not. A case no rule gives is the nominative
// (an indeclinable surname).
func ruSurnameCases(nom string, g gender) [6]string {
	var out [6]string
	out[caseNom] = nom
	for c := caseGen; c <= casePrep; c++ {
		out[c] = ruForwardCase(surname, nom, g, c)
	}
	return out
}

// ruForwardCase is a name of kind k in case c by petrovich's rules run
// forwards: the best-ranked rule that fits, else the nominative.
func ruForwardCase(k nameKind, nom string, g gender, c int) string {
	best, form := -1, nom
	for _, r := range ruForward()[k] {
		if r.c != c || g != unknownGender && r.g != g || r.rank() <= best {
			continue
		}
		if f, ok := r.apply(nom); ok {
			form, best = f, r.rank()
		}
	}
	return form
}

// ruSurnameForms lists a surname's forms in every case, the nominative
// first, each once; for gender unknown, both genders'.
func ruSurnameForms(nom string, g gender) []string {
	gs := []gender{g}
	if g == unknownGender {
		gs = []gender{masculine, feminine}
	}
	forms := []string{nom}
	for _, g := range gs {
		cs := ruSurnameCases(nom, g)
		forms = append(forms, cs[1:]...)
	}
	return dedupe(forms)
}

// ruGivenCases returns the words before a surname (a given name, and a
// patronymic) in each case: the given name as the lexicon's table has it
// (the nominative where it has none), the patronymic by petrovich's rules.
func ruGivenCases(given []string, g gender) [6]string {
	var out [6]string
	for c := caseNom; c <= casePrep; c++ {
		var ws []string
		for i, w := range given {
			form := w
			if c != caseNom {
				if i == 0 {
					form = givenCase(w, g, c)
				} else {
					form = ruForwardCase(patronymic, w, g, c)
				}
			}
			ws = append(ws, form)
		}
		out[c] = strings.Join(ws, " ")
	}
	return out
}

// givenCase is a given name in case c for gender g, read off the
// lexicon's forms; the nominative when it has none.
func givenCase(nom string, g gender, c int) string {
	for form, rs := range ruGivenTable()[nom] {
		for _, r := range rs {
			if r.c == c && (g == unknownGender || r.g == g) {
				return form
			}
		}
	}
	return nom
}

// ruGivenTable maps a given name to its forms and what they are.
var ruGivenTable = sync.OnceValue(func() map[string]map[string][]reading {
	out := map[string]map[string][]reading{}
	for form, rs := range ruLex().givenForms {
		for _, r := range rs {
			if r.c == caseNom {
				continue
			}
			if out[r.nom] == nil {
				out[r.nom] = map[string][]reading{}
			}
			out[r.nom][form] = append(out[r.nom][form], r)
		}
	}
	return out
})

// forward is a petrovich rule read forwards: a nominative ending in nomEnd
// (the whole word when whole) takes formEnd in case c for gender g, unless
// it ends in one of unless.
type forward struct {
	formEnd, nomEnd string
	whole           bool
	g               gender
	c               int
	unless          []string
}

// rank orders the rules that fit one nominative: a whole-word rule first,
// then the longest ending.
func (r forward) rank() int {
	if r.whole {
		return 1 << 20
	}
	return len(r.nomEnd)
}

func (r forward) apply(nom string) (string, bool) {
	if r.whole && nom != r.nomEnd || !strings.HasSuffix(nom, r.nomEnd) {
		return "", false
	}
	for _, u := range r.unless {
		if w, ok := strings.CutPrefix(u, "="); ok && nom == w || !ok && strings.HasSuffix(nom, u) {
			return "", false
		}
	}
	return nom[:len(nom)-len(r.nomEnd)] + r.formEnd, true
}

// ruForward is the lexicon's petrovich rules by kind of name, forwards.
var ruForward = sync.OnceValue(func() [3][]forward {
	var out [3][]forward
	for k, byEnd := range ruLex().inverse {
		for end, ins := range byEnd {
			for _, in := range ins {
				f := forward{formEnd: end, nomEnd: in.end, g: in.g, c: in.c, unless: in.unless}
				f.formEnd, f.whole = strings.CutPrefix(end, "=")
				out[k] = append(out[k], f)
			}
		}
	}
	return out
})

// dedupe drops empty and repeated strings, keeping the first of each.
func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) && strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			out = append(out, s)
		}
	}
	return out
}

// Nominatives returns the nominatives a Russian name typed in any case may
// be read as, by the lexicon ("Зеленского" → "зеленский", …; "Марии
// Захаровой" → "мария захарова"), each a news.NameForm: every reading of
// its words in one gender and case, a given name first and a surname last.
// It is for looking a name up among known ones, never for naming anyone;
// nil for a name that is not Cyrillic or has over three words.
func Nominatives(typed string) []string {
	words := strings.Fields(news.NameForm(typed))
	if len(words) == 0 || len(words) > 3 || !isCyrillicWord(words[0]) {
		return nil
	}
	type partial struct {
		text string
		g    gender
		c    int
	}
	combos := []partial{{c: -1}}
	for i, w := range words {
		k := surname
		if i == 0 && len(words) > 1 {
			k = givenName
		} else if i < len(words)-1 {
			k = patronymic
		}
		rs := ruLex().readings(k, w)
		if k == givenName {
			rs = append(rs, ruLex().givenForms[w]...)
		}
		var next []partial
		for _, p := range combos {
			for _, r := range rs {
				if p.c >= 0 && (p.g != r.g || p.c != r.c) {
					continue
				}
				next = append(next, partial{strings.TrimSpace(p.text + " " + r.nom), r.g, r.c})
			}
		}
		combos = next
	}
	var out []string
	for _, p := range combos {
		out = append(out, p.text)
	}
	return dedupe(out)
}
