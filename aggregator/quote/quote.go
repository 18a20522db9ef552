package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// Find returns the attributed quotes of an article body given as plain text
// with paragraphs separated by blank lines. lang is "en", "ru" or "" (guess
// from the script). A text in another language (Ukrainian, Bulgarian,
// Spanish …) has no quotes: read with the grammar of a neighbour, its
// speakers come out misread ("Спочатку Яременко", "Олексія Алякіна"),
// and a wrong credit is worse than none.
//
// Direct quotes are the words between the marks (without them; a trailing
// comma, colon or dash dropped, a final . ? ! kept), one per paragraph and,
// in Russian, one per piece of a quotation split by its attribution; an
// English quotation interrupted by its attribution ("A," he said. "B.") is
// one quote, its pieces joined by a space; reported speech
// ("X said that …", "X заявил, что …") comes with Direct false, except
// Russian speech without marks in the first person ("Мы готовы к диалогу,
// заявил Песков."), which is the speaker's own words and Direct. Speaker is
// the full name (nominative) of the person or body, or "" when nobody can be
// named; Role is the role the article gives the speaker; Verb the speech
// verb as written; Pos the byte offset of Text in text, so that
// text[Pos:Pos+len(Text)] == Text holds for every quote but a joined English
// one, whose first piece starts at Pos. Quotes are ordered by Pos.
//
// Quoted names of things («Газпром», a law, a film) are not quotes. Words
// quoted inside a paraphrase are reported in Russian when the sentence
// names a source («…» after "заявил, что", "по словам X"), and in English
// only when capitalised. A quotation with no attribution of its own takes
// the speaker of the quotation or reported speech just before it, else the
// article's main speaker.
//
// Find never panics and does no I/O. Its time and memory grow linearly with
// the text, within these caps (what lies beyond a cap is not read for
// quotes; it is never an error; no real article comes near one):
//   - maxText: it reads the first 256 KiB of text (cut after a space);
//   - maxNameRun: a name, or a body's name of capitalised words, runs over
//     at most 16 tokens (a longer run of capitalised words is read as
//     several), and role words are looked for at most 64 tokens before it;
//   - maxOpen: at most 16 quotation marks stand open at once in a
//     paragraph; an opening mark beyond them is no mark;
//   - maxNameBytes: a quotation of over 512 bytes is never a name;
//   - maxPhrase: a speaker is looked for in the first 128 tokens of the
//     words around a quotation or a speech verb;
//   - maxSameKey, maxRoles: at most 64 people share a surname (64 bodies
//     the first word of their name), and each keeps 16 roles; the others
//     are not remembered;
//   - workPerByte: the rules whose scans may pass over the same words again
//     (a sentence's words for each verb or quotation in it, the mentions
//     named so far for each speaker) spend at most 8 steps a byte of text,
//     plus 65,536; prose needs under 2. Past that budget the text's
//     remaining sentences are not read.
//
// publisher names the outlet that published text (its name in the config,
// the names its page gives itself): an outlet reports its own text, so it
// is never credited as a speaker in it ("Ранее «Регион online» сообщал, что
// …" in Регион online's article).
func Find(text, lang string, publisher ...string) []news.Quote {
	return find(text, lang, publisher...).quotes()
}

// Caps on what Find reads (see Find).
const (
	maxText     = 256 << 10
	workPerByte = 8
	workBase    = 1 << 16 // for short texts
)

// find reads text for its quotations.
func find(text, lang string, publisher ...string) *doc {
	if len(text) > maxText {
		text = text[:cutAt(text, maxText)]
	}
	switch {
	case lang == "en" || lang == "ru":
	case lang == "" || russianLetters(text):
		// (a page may declare its site's language, "uk", over a Russian text)
		lang = guessLang(text)
	default:
		text, lang = "", "en" // no grammar for lang: nothing is read
	}
	d := newDoc(text, lang)
	d.publisher = publisherKeys(publisher)
	d.scanMentions()
	d.scanOrgs()
	d.readInterview()
	d.readTerms()
	d.run()
	return d
}

// quotes returns the quotes found.
func (d *doc) quotes() []news.Quote {
	if len(d.out) == 0 {
		return nil
	}
	out := make([]news.Quote, len(d.out))
	for i, e := range d.out {
		out[i] = e.Quote
	}
	return out
}

// doc is one article being read.
type doc struct {
	text, lang string
	paras      []para
	spans      []qspan
	ents       []*entity
	people     map[string][]*entity // persons by surname key, as in ents
	bodies     map[string][]*entity // bodies by the first word of their key, as in ents
	given      map[string]int       // how many persons have each given-name key
	pm         []pmention           // person mentions outside quotations, by position
	om         []pmention           // bodies named outside quotations, in text order
	out        []emitted
	quoted     map[[2]int]bool // sentences (paragraph, first token) holding a reported quotation
	last       speaker         // who spoke last, for the quotations after that name nobody
	// lastUnnamed is where the last attribution to someone brought in
	// unnamed ("a health official said") described them; 0 when none.
	lastUnnamed int
	unnamed     map[string]bool // heads of descriptions that brought in someone unnamed ("one legal expert")
	iv          interview       // who answers and who asks, in a question-and-answer text
	lead        lead            // the last answer of leadEnd
	midWords    map[string]bool // words standing inside a sentence, once inText has asked
	modifiers   map[string]bool // capitalised words before a lower-case noun, once enQualifier has asked
	lowStems    map[string]bool // the first letters of the lower-case words, once commonWord has asked
	terms       map[string]bool // termKey of the quoted terms found so far (things.go)
	partHeard   map[int]bool    // spans left out as part of a sentence whose speaker was named (sentenceGoesOn)
	publisher   [][]string      // the words of each name of the outlet that published text (ownOutlet)

	// The work done, in steps, and how much may be done: see spend.
	work, budget int
}

// newDoc splits text into paragraphs and reads each one's quotation marks,
// tokens and sentences.
func newDoc(text, lang string) *doc {
	d := &doc{text: text, lang: lang, quoted: map[[2]int]bool{}, terms: map[string]bool{}, partHeard: map[int]bool{},
		people: map[string][]*entity{}, bodies: map[string][]*entity{}, given: map[string]int{},
		budget: workBase + workPerByte*len(text)}
	d.paras = paragraphs(text)
	carried := false
	closing := -1 // the paragraph that closes the quotation carried on, once found
	for pi := range d.paras {
		p := &d.paras[pi]
		reopened := lang == "en" && pi+1 < len(d.paras) && opensWithMark(text[d.paras[pi+1].s:d.paras[pi+1].e])
		if carried && closing < pi {
			closing = d.closingPara(pi)
		}
		spans := scanMarks(text, *p, carried, carried && closing >= pi, reopened, &d.work)
		// (Russian: English opens each paragraph of a long quotation again.)
		carried = lang == "ru" && slices.ContainsFunc(spans, func(sp qspan) bool { return sp.unclosed })
		base := len(d.spans)
		var tops []int
		for k := range spans {
			if spans[k].parent >= 0 {
				spans[k].parent += base
			} else {
				tops = append(tops, base+k)
			}
		}
		d.spans = append(d.spans, spans...)
		p.toks = tokenize(text, p.s, p.e, d.spans, tops)
		p.sents = sentences(p.toks, d.isSpeechVerb, d.lang == "en")
	}
	return d
}

// maxCarried is how many paragraphs a quotation left open may run on over
// before the one that closes it.
const maxCarried = 6

// closingPara returns the paragraph that closes a quotation left open before
// paragraph pi, an attribution following, if it is pi or one of the
// maxCarried paragraphs after it, else -1: the first of them that has a
// closing guillemet or straight quote with none open before it in that
// paragraph, none of them leaving one open ("«… ¶ … «воздух – земля» … ¶
// …», — заявил Липовой"; not a video's title and description, "Видео: «… ¶
// …»."). It is the same for each paragraph up to it.
func (d *doc) closingPara(pi int) int {
	for k := pi; k < len(d.paras) && k <= pi+maxCarried; k++ {
		depth, prev := 0, ' '
		p := d.text[d.paras[k].s:d.paras[k].e]
		for i, r := range p {
			d.work++
			opens := r == '«'
			if r == '"' {
				next, _ := utf8.DecodeRuneInString(p[i+1:])
				opens = openCtx(prev) && !closeCtx(next)
			}
			switch {
			case opens:
				depth++
			case (r == '»' || r == '"') && depth == 0:
				// Closed, and an attribution follows ("», — заявил", "»,
				// передает").
				after := strings.TrimLeftFunc(p[i+utf8.RuneLen(r):], isSpace)
				if next, _ := utf8.DecodeRuneInString(after); next == ',' || isDash(next) {
					return k
				}
				return -1
			case r == '»' || r == '"':
				depth--
			}
			prev = r
		}
		if depth > 0 {
			return -1
		}
	}
	return -1
}

// sentenceOf returns the bounds [ss, se) of the sentence holding token i of
// paragraph pi.
func (d *doc) sentenceOf(pi, i int) (int, int) {
	st := d.paras[pi].sents
	k := sort.SearchInts(st, i+1) - 1
	ss := st[k]
	se := len(d.paras[pi].toks)
	if k+1 < len(st) {
		se = st[k+1]
	}
	return ss, se
}

// spend charges n steps of work to the budget and reports whether it
// allows them. Rules whose scans may pass over the same tokens again (a
// sentence's words for every verb in it, the mentions named so far for
// every speaker) charge them here and, once the budget is spent, find
// nothing; run reads no further sentence.
func (d *doc) spend(n int) bool {
	if d.work > d.budget {
		return false
	}
	d.work += n
	return d.work <= d.budget
}

// cutAt returns where to cut text to at most max bytes: after the last
// white space in the kilobyte before max, else at the last rune boundary.
func cutAt(text string, max int) int {
	if i := strings.LastIndexAny(text[:max], " \n\t"); i >= max-1024 {
		return i + 1
	}
	for max > 0 && !utf8.RuneStart(text[max]) {
		max--
	}
	return max
}

// run finds the quotations of every paragraph in order, as far as the
// work budget allows.
func (d *doc) run() {
	for pi, p := range d.paras {
		toks := p.toks
		if len(toks) == 0 || d.work > d.budget {
			continue
		}
		if d.iv.on && d.bareTurn(pi) {
			// A turn of an interview: the whole of it is one quote; the
			// quotations inside it are read below, each only with an
			// attribution of its own.
			d.turn(pi)
		} else if d.lang == "ru" && toks[0].kind == tDash && len(toks) > 1 && toks[1].kind == tWord {
			if d.dashPara(pi) {
				continue
			}
		}
		// Sentence by sentence, so that reported speech names its speaker
		// for the quotations after it.
		st := p.sents
		for k, ss := range st {
			if d.work > d.budget {
				break
			}
			se := len(toks)
			if k+1 < len(st) {
				se = st[k+1]
			}
			for qi := ss; qi < se; qi++ {
				if toks[qi].kind == tQuote {
					d.quoteTok(pi, qi)
				}
			}
			d.indirect(pi, ss, se)
		}
	}
	d.post()
}
