package story

import (
	"strings"
	"testing"
	"time"
)

// TestOnePhraseIsNoCopy: two reports that share one kept phrase (a set
// expression as often as a copy) share no phrases as evidence; two that
// share two kept phrases share them, counted as the phrases they stand for.
func TestOnePhraseIsNoCopy(t *testing.T) {
	words := strings.Fields("Решается вопрос об избрании в отношении подозреваемого меры пресечения в виде заключения под стражу по решению суда")
	var kept []string // runs of phraseLen words whose phrase is kept
	for i := 0; i+phraseLen <= len(words); i++ {
		run := strings.Join(words[i:i+phraseLen], " ")
		if len(phrases(run)) == 1 {
			kept = append(kept, run)
		}
	}
	if len(kept) < 2 {
		t.Fatalf("only %d of the runs of %q are kept; the test needs two", len(kept), words)
	}
	at := time.Date(2019, 11, 15, 12, 0, 0, 0, time.UTC)
	// Each report puts its own words around the phrases it shares.
	evidence := func(shared ...string) Evidence {
		g := New(Options{})
		g.Add(Report{ID: 1, Outlet: "a", Title: "Первый отчет", Text: "Снег выпал в Омске. " + strings.Join(shared, ". Синоптики обещают мороз. ") + ".", Published: at})
		g.Add(Report{ID: 2, Outlet: "b", Title: "Второй отчет", Text: "Дождь прошел в Туле. " + strings.Join(shared, ". Школы закрыты на карантин. ") + ".", Published: at})
		e, _, _ := g.Compare(1, 2)
		return e
	}
	if e := evidence(kept[0]); e.Phrases != 0 {
		t.Errorf("one shared kept phrase gives Phrases %d, want 0", e.Phrases)
	}
	if e := evidence(kept[0], kept[len(kept)-1]); e.Phrases != 2*phraseSample {
		t.Errorf("two shared kept phrases give Phrases %d, want %d", e.Phrases, 2*phraseSample)
	}
}

// TestLanguageOf reads the language of real sentences by their letters.
func TestLanguageOf(t *testing.T) {
	for _, c := range []struct {
		text string
		want language
	}{
		// zn.ua and korrespondent.net, 1 November 2019.
		{"Президент Володимир Зеленський призначив Ігоря Сопеля головою Тернопільської обласної державної адміністрації.", ukrainian},
		{"Сопель баллотировался на 166-м округе на внеочередных выборах в Верховную Раду 2019 от партии Слуга народа, но проиграл.", russian},
		// Without a letter only one language has, the language is not told.
		{"Президент Владимир Зеленский в пятницу, 1 ноября, назначил главой Тернопольской областной государственной администрации Игоря Сопеля.", otherLanguage},
		// gong.bg, 15 November 2019.
		{"Тимът на Гарет Саутгейт отнесе Черна гора със 7:0. Фаворитът Англия подпечата мястото си на финалите по категоричен начин.", bulgarian},
		// The Constitution of Belarus, article 1.
		{"Рэспубліка Беларусь – унітарная дэмакратычная сацыяльная прававая дзяржава. Рэспубліка Беларусь валодае вяршэнствам і паўнатой улады на сваёй тэрыторыі.", belarusian},
		{"Zelensky appointed Igor Sopel head of the Ternopil regional administration.", otherLanguage},
	} {
		if got := languageOf(c.text); got != c.want {
			t.Errorf("languageOf(%.40q…) = %d, want %d", c.text, got, c.want)
		}
	}
}
