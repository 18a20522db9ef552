package story

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

// features are what a report is compared by: the stems of its words, the
// names it gives, its phrases and the outlets it came through.
// Each set is sorted, each value once.
type features struct {
	title   []uint64 // stems of the title
	head    []uint64 // stems of title and lead, once each
	body    []uint64 // stems of title, lead and the start of the body, once each
	names   []uint64 // names (capitalised words inside a sentence, acronyms), once each
	nums    []uint64 // numbers other than years and days of the month
	phrases []uint64 // hashes of phrases (phrases)
	via     []string // folded outlets the report credits
	lang    language // of title, lead and body
}

// bodyWords is how many words of the body beyond title and lead are read:
// rewrites keep the facts of the first paragraphs and differ in the rest.
const bodyWords = 120

// Phrases are runs of phraseLen stems of title, lead and the first
// phraseWords words of the body, one in phraseSample of them kept (by
// hash, so two reports keep the same ones): reports that share phrases
// copy one text (a press release, an agency's report, a statement quoted).
const phraseWords, phraseLen, phraseSample = 300, 5, 2

// minPhrases is how many kept phrases two reports must share for them to
// count: one alone is as often a set expression as a copy.
const minPhrases = 2

// headWords is how many words of title and lead are read.
const headWords = 200

func hashString(s string) uint64 {
	// FNV-1a, 64 bit.
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// readFeatures reads a report's features.
func readFeatures(r Report) features {
	var f features
	seen := map[uint64]bool{}
	add := func(dst *[]uint64, key string) {
		h := hashString(key)
		if !seen[h] {
			seen[h] = true
			*dst = append(*dst, h)
		}
	}
	// Title and lead are read up to headWords words: a feed's "summary"
	// may be a whole article, or a hostile megabyte.
	headText := limitWords(r.Title+"\n"+r.Lead, headWords)
	for _, w := range contentWords(limitWords(r.Title, headWords), 0) {
		f.title = append(f.title, hashString("w"+w.Stem))
	}
	for _, w := range contentWords(headText, 0) {
		add(&f.head, "w"+w.Stem)
	}
	f.body = append(f.body, f.head...)
	for _, w := range contentWords(r.Text, bodyWords) {
		add(&f.body, "w"+w.Stem)
	}
	bodyText := limitWords(r.Text, bodyWords*2)
	f.lang = languageOf(headText, bodyText)
	for _, text := range []string{headText, bodyText} {
		forNames(text, func(key string) { add(&f.names, "n"+key) })
		forNumbers(text, func(n string) { add(&f.nums, "d"+n) })
	}
	f.phrases = phrases(headText + "\n" + limitWords(r.Text, phraseWords))
	for _, v := range r.Via {
		f.via = append(f.via, news.Fold(v))
	}
	for _, set := range []*[]uint64{&f.title, &f.head, &f.body, &f.names, &f.nums, &f.phrases} {
		slices.Sort(*set)
		*set = slices.Compact(*set)
	}
	return f
}

// phrases returns the hashes of the phrases of text that are kept: its runs
// of phraseLen stems (function words too) whose hash falls in one
// phraseSample-th of the hash space.
func phrases(text string) []uint64 {
	var out []uint64
	var last [phraseLen]uint64 // hashes of the last stems, a ring
	n := 0
	for w := range news.EachWord(text) {
		last[n%phraseLen] = hashString(w.Stem)
		n++
		if n < phraseLen {
			continue
		}
		h := uint64(14695981039346656037)
		for i := range phraseLen {
			h = (h ^ last[(n+i)%phraseLen]) * 1099511628211
		}
		if h%phraseSample == 0 {
			out = append(out, h)
		}
	}
	return out
}

// contentWords returns the words of text that carry meaning (no function
// words, no single letters), at most max of them when max > 0.
func contentWords(text string, max int) []news.Word {
	var out []news.Word
	for w := range news.EachWord(text) {
		if max > 0 && len(out) >= max {
			break
		}
		if utf8.RuneCountInString(w.Fold) < 3 || isDigits(w.Fold) || stopStems[w.Stem] || stopStems[w.Fold] {
			continue
		}
		out = append(out, w)
	}
	return out
}

func limitWords(text string, n int) string {
	count, in := 0, false
	for i, r := range text {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !in {
			count++
			if count > n {
				return text[:i]
			}
		}
		in = letter
	}
	return text
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// forNames calls fn with the key of every name in text: a capitalised word
// that does not start a sentence, or a word in capitals (an acronym). The key
// reads Ukrainian and Belarusian spellings as Russian ones and cuts the stem
// to its first six letters, so "Зеленського" and "Зеленского", "Лаппо" and
// "Лаппа" give one key.
func forNames(text string, fn func(string)) {
	start := true // at the start of a sentence
	wordStart := -1
	for i, r := range text + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && wordStart >= 0 {
			if wordStart < 0 {
				wordStart = i
			}
			continue
		}
		if wordStart >= 0 {
			w := text[wordStart:i]
			wordStart = -1
			first, _ := utf8.DecodeRuneInString(w)
			caps := utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && !isDigits(w)
			if unicode.IsUpper(first) && (!start || caps) && utf8.RuneCountInString(w) >= 2 {
				if k := nameKey(w); k != "" {
					fn(k)
				}
			}
			start = false
		}
		switch r {
		case '.', '!', '?', '\n', '«', '"', '“', ':', '—':
			start = true
		}
	}
}

var eastSlavic = strings.NewReplacer("і", "и", "ї", "и", "є", "е", "ґ", "г", "й", "и", "ў", "у", "'", "", "’", "", "ь", "", "ъ", "")

// nameKey is the key a name is compared by (see forNames).
func nameKey(w string) string {
	f := news.Fold(w)
	if stopStems[f] {
		return ""
	}
	k := eastSlavic.Replace(news.Stem(f))
	n := 0
	for i := range k {
		if n == 6 {
			return k[:i]
		}
		n++
	}
	return k
}

// A language is what a report is written in, as far as its letters tell:
// Russian, Ukrainian, Belarusian or Bulgarian, or not told (Latin script,
// no letter only one of them has).
type language byte

const (
	otherLanguage language = iota
	russian
	ukrainian
	belarusian
	bulgarian
)

// languageOf tells the language of texts, read together, by the letters only some of the
// Cyrillic languages of the news use: ы and э (Russian, Belarusian), і, ї, є
// and ґ (Ukrainian, Belarusian), ў (Belarusian), and ъ inside a word without
// ы (Bulgarian).
func languageOf(texts ...string) language {
	var ru, uk, be, hard int
	for _, text := range texts {
		prev := ' '
		for _, r := range text {
			switch r {
			case 'ы', 'э', 'Ы', 'Э':
				ru++
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				uk++
			case 'ў', 'Ў':
				be++
			case 'ъ':
				if unicode.IsLetter(prev) {
					hard++
				}
			}
			prev = r
		}
	}
	switch {
	case be > 0 && uk > 0:
		return belarusian
	case uk > ru:
		return ukrainian
	case ru == 0 && hard > 0:
		return bulgarian
	case ru > 0:
		return russian
	}
	return otherLanguage
}

// twoLanguages says whether a and b are two languages, neither of them
// untold.
func twoLanguages(a, b language) bool {
	return a != b && a != otherLanguage && b != otherLanguage
}

// forNumbers calls fn with every number of text that is likely a fact of
// the story (a sum, a count, a percentage): numbers of three or more digits
// that are not years, and decimals.
func forNumbers(text string, fn func(string)) {
	start := -1
	for i, r := range text + " " {
		digit := unicode.IsDigit(r) || (start >= 0 && (r == ',' || r == '.') && i+1 < len(text) && unicode.IsDigit(rune(text[i+1])))
		if digit {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			n := strings.ReplaceAll(text[start:i], ",", ".")
			start = -1
			if strings.Contains(n, ".") || len(n) >= 3 && !(len(n) == 4 && (n[:2] == "19" || n[:2] == "20")) {
				fn(n)
			}
		}
	}
}

// stopStems are words (as folded, and their stems) that say nothing of a
// story: function words, reporting verbs, units of time, and the words that
// start sentences as capitals without being names.
var stopStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь
когда даже ну ли если уже или ни быть был него до вас опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы
тебя их чем была сам чтоб без чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая
много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между также это
которые который которая которое которых которым свой своих своей своим также однако поэтому
заявил заявила заявили сообщил сообщила сообщили сообщает сообщается отметил отметила отметили сказал сказала сказали рассказал рассказала
по словам словам об этом передает пишет говорится сообщение информации данным
год года году лет день дня дней неделе неделю месяц месяца сегодня вчера завтра утром вечером ночью время
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
понедельник вторник среду четверг пятницу субботу воскресенье
також що які який яка яке це цей ця як він вона вони та але для від про після його її їх був була було були буде є може
the a an of to in on for and or but is are was were be been by with at from as that this it its has have had will would said says
`) {
		m[w] = true
		m[news.Stem(w)] = true
	}
	return m
}()
