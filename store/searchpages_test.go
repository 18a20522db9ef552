package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// Walking the pages of a 500-result query meets every result once, in
// order, and never stops early; filters and phrases page the same way.
func TestSearchPagesWalkEveryResult(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC)
		var items []news.Item
		for i := range 520 {
			// Headlines of the contest pages' kind; every tenth item shares
			// its time with the one before, so that ties are walked by id.
			it := news.Item{SourceID: []string{"ria", "tass"}[i%2], GUID: fmt.Sprint(i), Link: fmt.Sprintf("https://ria.ru/%d", i),
				Title:     fmt.Sprintf("Песков прокомментировал встречу %d", i),
				Content:   "<p>Об этом заявил официальный представитель Кремля Дмитрий Песков.</p>",
				Published: t0.Add(time.Duration(i-i%10/9) * time.Minute)}
			if i >= 500 {
				it.Title, it.Content = fmt.Sprintf("Погода %d", i), "<p>На пляже стало больше песка.</p>"
			}
			if i%50 == 0 {
				it.Authors = []string{"Анна Скороход"}
			}
			items = append(items, it)
		}
		for _, src := range []string{"ria", "tass"} {
			var batch []news.Item
			for _, it := range items {
				if it.SourceID == src {
					batch = append(batch, it)
				}
			}
			if _, err := s.SaveItems(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		walk := func(q news.SearchQuery) []string {
			t.Helper()
			var got []string
			seen := map[string]bool{}
			for page := 0; ; page++ {
				res, more, err := s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range res {
					if seen[it.GUID] {
						t.Fatalf("%+v: %s twice", q, it.GUID)
					}
					seen[it.GUID] = true
					got = append(got, it.GUID)
				}
				if !more {
					return got
				}
				if len(res) != q.Limit || page > 100 {
					t.Fatalf("%+v: a page of %d before the last", q, len(res))
				}
				last := res[len(res)-1]
				q.Before, q.BeforeID = SortTime(&last), last.ID
			}
		}
		if got := walk(news.SearchQuery{Text: "Песков", Limit: 37}); len(got) != 500 {
			t.Errorf("Песков: %d results over the pages, want 500", len(got))
		} else {
			for i, g := range got {
				if want := fmt.Sprint(499 - i); g != want && !(i%10 == 0 || i%10 == 9) {
					t.Errorf("result %d is %s, want %s (newest first)", i, g, want)
					break
				}
			}
		}
		for _, c := range []struct {
			q    news.SearchQuery
			want int
		}{
			{news.SearchQuery{Text: "Песков", Source: "ria", Limit: 30}, 250},
			{news.SearchQuery{Text: "Песков", Since: t0.Add(100 * time.Minute), Until: t0.Add(200 * time.Minute), Limit: 30}, 100},
			{news.SearchQuery{Text: `"представитель Кремля"`, Limit: 100}, 500},
			{news.SearchQuery{Text: `"Кремля представитель"`, Limit: 100}, 0},
			{news.SearchQuery{Text: `"официального представителя"`, Limit: 100}, 500}, // a phrase in any form
			{news.SearchQuery{Author: "Скороход", Limit: 3}, 11},
			{news.SearchQuery{Author: "Скорохода", Text: "Песков", Limit: 3}, 10},
			{news.SearchQuery{Text: "песка", Limit: 100}, 520}, // lower case: the common noun's stem is the name's
		} {
			if got := walk(c.q); len(got) != c.want {
				t.Errorf("%+v: %d results, want %d", c.q, len(got), c.want)
			}
		}
	})
}

// A quoted person's name in one script finds items that name them in the
// other.
func TestSearchFindsNamesInEitherScript(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2022, 12, 3, 10, 0, 0, 0, time.UTC)
		items := []news.Item{
			{SourceID: "lenta", GUID: "1", Link: "https://lenta.ru/1", Title: "Песков прокомментировал встречу Путина и Лукашенко", Published: t0,
				Quotes: []news.Quote{{Text: "Встреча состоится", Speaker: "Дмитрий Песков", Direct: true}}},
			{SourceID: "caliber", GUID: "2", Link: "https://caliber.az/2", Title: "Peskov: the Kremlin has nothing to add", Published: t0.Add(time.Hour)},
		}
		for _, it := range items {
			if _, err := s.SaveItems(ctx, []news.Item{it}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SaveSpeakers(ctx, []news.Speaker{{Key: "dmitriy-peskov", Name: "Дмитрий Песков", Person: true,
			Whole: []string{"дмитрий песков", "dmitry peskov"}, Surname: []string{"песков", "пескова", "пескову", "peskov"}}}); err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]int{"Peskov": 2, "Пескову": 2, "Песков": 2, "Putin": 0, "Лавров": 0} {
			if got, _, err := s.Search(ctx, news.SearchQuery{Text: q}); err != nil || len(got) != want {
				t.Errorf("Search(%q) = %d items, %v; want %d", q, len(got), err, want)
			}
		}
	})
}

// Walking the pages of a quote query meets every quote once, in order.
func TestQuotePagesWalkEveryQuote(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC)
		var items []news.Item
		for i := range 40 {
			it := news.Item{SourceID: "ria", GUID: fmt.Sprint(i), Link: fmt.Sprintf("https://ria.ru/%d", i), Title: fmt.Sprint(i),
				Published: t0.Add(time.Duration(i/4) * time.Minute)} // four items a minute: ties walked by id
			for j := range 3 {
				it.Quotes = append(it.Quotes, news.Quote{Text: fmt.Sprintf("Мы готовы к диалогу %d-%d", i, j), Speaker: "Дмитрий Песков", Direct: true})
			}
			items = append(items, it)
		}
		if _, err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
		for _, q := range []news.QuoteQuery{{Speaker: "Песков", Limit: 7}, {Text: "диалогу", Limit: 50},
			{Speaker: "Песков", Until: t0.Add(5 * time.Minute), Limit: 4}} {
			var got []string
			seen := map[string]bool{}
			for range 100 {
				hits, err := s.Quotes(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range hits {
					if seen[h.Quote.Text] {
						t.Fatalf("%+v: %q twice", q, h.Quote.Text)
					}
					seen[h.Quote.Text] = true
					got = append(got, h.Quote.Text)
				}
				if len(hits) < q.Limit {
					break
				}
				q.After = hits[len(hits)-1].Cursor
			}
			want := 120
			if !q.Until.IsZero() {
				want = 60
			}
			if len(got) != want {
				t.Errorf("%+v: %d quotes over the pages, want %d", q, len(got), want)
			}
		}
	})
}
