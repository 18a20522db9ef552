package aggregator_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// speakerStore stores the quotes quote.Find gives on real texts (contest
// pages, extracted, and plain texts) and files their speakers as a crawl
// does.
func speakerStore(t *testing.T, pages, texts []string, extra ...news.Item) *store.Store {
	t.Helper()
	ctx := context.Background()
	c, st := articleCrawler(t, "sections: [{id: all}]\nsources: [{id: s, url: 'https://example.org/', sections: [all]}]\n", nil)
	st.SetNameReader(quote.Nominatives) // as cmd/syndic wires it
	var items []news.Item
	for _, p := range pages {
		page, err := os.ReadFile(filepath.Join("..", "testdata", "pages", "tgcontest2019", p))
		if err != nil {
			t.Fatal(err)
		}
		art, err := extract.Extract(page, extract.Options{URL: "https://example.org/" + p, Location: time.UTC})
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, news.Item{SourceID: "s", GUID: p, Link: art.URL, Title: art.Title, Content: art.BodyHTML,
			Published: art.Published, Quotes: quote.Find(art.Body, "ru")})
	}
	for _, p := range texts {
		text, err := os.ReadFile(filepath.Join("..", "testdata", "quotes", p))
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, news.Item{SourceID: "s", GUID: p, Link: "https://example.org/" + p, Title: p,
			Content: string(text), Quotes: quote.Find(string(text), "en")})
	}
	items = append(items, extra...)
	if _, err := st.SaveItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FileSpeakers(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// Every form a journalist may type of a name quoted in real texts, in
// either script, reaches that speaker's one key, and the quotes of all
// its names.
func TestSpeakerFormsReachOneKey(t *testing.T) {
	ctx := context.Background()
	st := speakerStore(t, []string{"ria.ru__6438675573747957253.html", "ren.tv__6312379347173733612.html",
		"eadaily.com__4311596830089047049.html", "iz.ru__5071570187479306319.html"}, []string{"en-afp-zelensky.txt"})
	for key, forms := range map[string][]string{
		"vladimir-putin":     {"Путина", "Путин", "Putin", "Vladimir Putin", "Владимира Путина", "vladimir-putin", "ПУТИН"},
		"mariya-zakharova":   {"Захаровой", "Захарова", "Zakharova", "Maria Zakharova", "Марии Захаровой", "mariya-zakharova"},
		"dmitriy-peskov":     {"Пескову", "Песков", "Peskov", "Dmitry Peskov", "Дмитрия Пескова", "dmitriy-peskov"},
		"volodymyr-zelensky": {"Зеленского", "Зеленский", "Zelensky", "Zelenskyy", "Zelenskiy", "Владимир Зеленский", "Володимир Зеленський"},
	} {
		for _, f := range forms {
			gs, err := st.ResolveSpeaker(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(gs) != 1 || gs[0].Key != key {
				var keys []string
				for _, g := range gs {
					keys = append(keys, g.Key)
				}
				t.Errorf("Resolve(%q) = %q, want [%s]", f, keys, key)
			}
		}
		hits, err := st.Quotes(ctx, news.QuoteQuery{Speaker: forms[0]})
		if err != nil || len(hits) == 0 {
			t.Errorf("Quotes(speaker %q) = %d quotes, %v", forms[0], len(hits), err)
		}
		for _, h := range hits {
			if h.SpeakerKey != key {
				t.Errorf("Quotes(speaker %q): a quote of %q (%s)", forms[0], h.Quote.Speaker, h.SpeakerKey)
			}
		}
	}
	// Whole names only: a surname typed finds no surname it is a part of.
	for _, f := range []string{"Путинцев", "Пескова-Смирнова", "Лавренов"} {
		if gs, err := st.ResolveSpeaker(ctx, f); err != nil || len(gs) > 0 {
			t.Errorf("Resolve(%q) = %d speakers, %v; want none", f, len(gs), err)
		}
	}
}

// quoted is an item quoting each of names once.
func quoted(guid string, names ...string) news.Item {
	it := news.Item{SourceID: "s", GUID: guid, Link: "https://example.org/" + guid, Title: guid}
	for _, n := range names {
		it.Quotes = append(it.Quotes, news.Quote{Text: "Слова " + n, Speaker: n, Direct: true})
	}
	return it
}

// Names are grouped cautiously: one person in two scripts and with or
// without the patronymic, a surname alone with its one full name; but two
// given names with one surname stay two, as do the ministries of two
// countries, and a bare "МИД" is nobody's.
func TestSpeakerRegistryIsCautious(t *testing.T) {
	ctx := context.Background()
	st := speakerStore(t, nil, nil, quoted("a", "Владимир Путин", "Vladimir Putin", "Владимир Владимирович Путин", "Путин",
		"Майк Помпео", "Майкл Помпео", "Помпео", "МИД России", "МИД Турции", "МИД", "Лев Пономарёв", "Лев Пономарев",
		"Sergei Lavrov", "Сергей Лавров", "Сергей Иванов", "Иван Иванов", "Иванов"))
	var groups []*news.SpeakerGroup
	read := func() {
		var err error
		if groups, err = st.Speakers(ctx); err != nil {
			t.Fatal(err)
		}
	}
	read()
	group := func(name string) string {
		for _, g := range groups {
			if slices.Contains(g.Names, name) {
				return g.Key
			}
		}
		return ""
	}
	for name, key := range map[string]string{
		"Владимир Путин": "vladimir-putin", "Vladimir Putin": "vladimir-putin", "Владимир Владимирович Путин": "vladimir-putin",
		"Путин": "vladimir-putin", "Майк Помпео": "mayk-pompeo", "Майкл Помпео": "maykl-pompeo", "Помпео": "pompeo",
		"МИД России": "mid-rossii", "МИД Турции": "mid-turtsii", "МИД": "", "Лев Пономарёв": "lev-ponomarev",
		"Лев Пономарев": "lev-ponomarev", "Sergei Lavrov": "sergey-lavrov", "Сергей Лавров": "sergey-lavrov",
		"Сергей Иванов": "sergey-ivanov", "Иван Иванов": "ivan-ivanov", "Иванов": "ivanov",
	} {
		if got := group(name); got != key {
			t.Errorf("%q is filed under %q, want %q", name, got, key)
		}
	}
	if gs, _ := st.ResolveSpeaker(ctx, "Иванова"); len(gs) != 3 {
		t.Errorf("Resolve(Иванова) = %d speakers, want the three Ivanovs", len(gs))
	}
	if gs, _ := st.ResolveSpeaker(ctx, "МИД"); len(gs) != 2 {
		t.Errorf("Resolve(МИД) = %d speakers, want both ministries (by part of the name)", len(gs))
	}

	// Merges and separations by hand.
	st.SetSpeakerRules(store.SpeakerRules{Merge: [][]string{{"mike-pompeo", "Майк Помпео", "maykl-pompeo"}},
		Separate: [][]string{{"Путин", "vladimir-putin"}}})
	read()
	for name, key := range map[string]string{"Майк Помпео": "mike-pompeo", "Майкл Помпео": "mike-pompeo", "Помпео": "mike-pompeo",
		"Путин": "putin", "Владимир Путин": "vladimir-putin"} {
		if got := group(name); got != key {
			t.Errorf("with the rules, %q is filed under %q, want %q", name, got, key)
		}
	}
}

// article is an item of a Russian text published at day, with the quotes
// quote.Find gives on it.
func article(guid, day, text string) news.Item {
	at, _ := time.Parse("2006-01-02", day)
	return news.Item{SourceID: "s", GUID: guid, Link: "https://example.org/" + guid, Title: guid, Content: text,
		Published: at, Quotes: quote.Find(text, "ru")}
}

// Two namesakes whose roles disagree (a minister and a footballer) stay
// two speakers with keys of their own, each with their quotes; the same
// person with a role and without one, or with two roles of one field, is
// one. A role alone ("пресс-секретарь Кремля") is no one, and a role
// before a name is kept as the quote's role, with its dates.
func TestNamesakesStayApartByRole(t *testing.T) {
	ctx := context.Background()
	st := speakerStore(t, nil, nil,
		article("m1", "2024-03-01", "«Бюджет будет исполнен без дефицита», — заявил министр финансов Сергей Иванов журналистам."),
		article("m2", "2024-04-02", "«Налоги повышать не будем», — сказал министр финансов Сергей Иванов."),
		article("m3", "2024-05-03", "«Инфляция замедлится к осени», — сказал Сергей Иванов."),
		article("f1", "2024-03-10", "«Мы сыграли плохо и проиграли заслуженно», — сказал после матча футболист ЦСКА Сергей Иванов."),
		article("f2", "2024-06-11", "«Тренер поставил меня в основу», — рассказал нападающий ЦСКА Сергей Иванов."),
		article("p1", "2024-03-05", "«Решение не принято», — заявил пресс-секретарь Кремля Дмитрий Песков."),
		article("p2", "2024-03-06", "«Решение не принято», — заявил пресс-секретарь Кремля."),
		article("p3", "2024-03-07", "«Встреча возможна», — сказал пресс-секретарь президента России Дмитрий Песков."),
		article("l1", "2024-03-08", "«Переговоры продолжатся», — сказал глава МИД России Сергей Лавров."),
		news.Item{SourceID: "s", GUID: "b1", Link: "https://example.org/b1", Title: "b1", Published: time.Date(2024, 10, 4, 9, 0, 0, 0, time.UTC),
			Quotes: quote.Find(`"The threat remains," FSB Director Alexander Bortnikov said.`, "en")})
	gs, err := st.Speakers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]*news.SpeakerGroup{}
	for _, g := range gs {
		byKey[g.Key] = g
		if strings.Contains(g.Name, "пресс-секретарь") {
			t.Errorf("a role is a speaker of its own: %+v", g)
		}
	}
	minister, footballer := byKey["sergey-ivanov"], byKey["sergey-ivanov-futbolist-tsska"]
	if minister == nil || footballer == nil || minister.Quotes != 3 || footballer.Quotes != 2 {
		t.Fatalf("the two Сергей Ивановы: %+v and %+v, want 3 quotes under sergey-ivanov and 2 under sergey-ivanov-futbolist-tsska", minister, footballer)
	}
	peskov := byKey["dmitriy-peskov"]
	if peskov == nil || peskov.Quotes != 2 || len(peskov.Roles) != 2 {
		t.Fatalf("Песков: %+v, want one speaker of 2 quotes and 2 roles", peskov)
	}
	if r := peskov.Roles[0]; r.Role != "пресс-секретарь Кремля" && r.Role != "Пресс-секретарь Кремля" ||
		r.Quotes != 1 || !r.FirstSeen.Equal(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)) || !r.LastSeen.Equal(r.FirstSeen) {
		t.Errorf("Песков's first role: %+v, want пресс-секретарь Кремля, once, on 5 March 2024", r)
	}

	for key, role := range map[string]string{"sergey-lavrov": "глава МИД России", "alexander-bortnikov": "FSB Director"} {
		if g := byKey[key]; g == nil || len(g.Roles) != 1 || g.Roles[0].Role != role {
			t.Errorf("%s: %+v, want the role %q", key, g, role)
		}
	}

	// Every form of the name finds both; each key finds its own quotes.
	if gs, _ := st.ResolveSpeaker(ctx, "Сергея Иванова"); len(gs) != 2 {
		t.Errorf("Resolve(Сергея Иванова) = %d speakers, want both namesakes", len(gs))
	}
	for key, want := range map[string]string{"sergey-ivanov": "Бюджет", "sergey-ivanov-futbolist-tsska": "Мы сыграли"} {
		hits, err := st.Quotes(ctx, news.QuoteQuery{Speaker: key})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, h := range hits {
			texts = append(texts, h.Quote.Text)
			if h.SpeakerKey != key {
				t.Errorf("Quotes(%s): a quote of %s: %q", key, h.SpeakerKey, h.Quote.Text)
			}
		}
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("Quotes(%s) = %q, want %q…", key, texts, want)
		}
	}

	// A merge by hand keeps them one.
	st.SetSpeakerRules(store.SpeakerRules{Merge: [][]string{{"sergey-ivanov"}}})
	if gs, _ := st.ResolveSpeaker(ctx, "Сергей Иванов"); len(gs) != 1 || gs[0].Quotes != 5 {
		t.Errorf("with a merge rule, Resolve(Сергей Иванов) = %d speakers, want one of 5 quotes", len(gs))
	}
}
