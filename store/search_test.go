package store

import (
	"context"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

func TestSearchItemsRussianAndEnglish(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2024, 10, 4, 10, 0, 0, 0, time.UTC)
		// Headlines and leads from the fixtures (lenta_rss_2022-12-03.xml, the seed article).
		items := []news.Item{
			{SourceID: "lenta", GUID: "1", Link: "https://lenta.ru/1", Title: "В Иране раскрыли число погибших в ходе последних протестов",
				Summary: "<p>Около 200 человек погибло в Иране в ходе протестов</p>", Published: t0},
			{SourceID: "lenta", GUID: "2", Link: "https://lenta.ru/2", Title: "Швеция передала Турции осужденного",
				Content: "<p>Это было совершено в рамках меморандума с Анкарой о вступлении в <b>НАТО</b>.</p>", Published: t0.Add(time.Hour)},
			{SourceID: "lenta", GUID: "3", Link: "https://lenta.ru/3", Title: "FSB сhief: West aims to push Armenia out of CSTO",
				Content: "<p>Western nations are actively seeking Armenia's withdrawal, the FSB Director said.</p>", Published: t0.Add(2 * time.Hour)},
			{SourceID: "lenta", GUID: "4", Link: "https://lenta.ru/4", Title: "Лавров и Ёлкин", Content: "<p>Заявление Лаврова о санкциях</p>", Published: t0.Add(3 * time.Hour)},
		}
		if _, err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			q    string
			want []string // GUIDs, newest first
		}{
			{"Иран", []string{"1"}},
			{"ирана протесты", []string{"1"}}, // other forms, any case
			{"НАТО Анкара", []string{"2"}},    // content words, all required
			{"nations withdrawal", []string{"3"}},
			{"Лавров санкции", []string{"4"}},
			{"елкин", []string{"4"}},   // ё = е
			{"the FSB", []string{"3"}}, // stop words are words too
			{"о санкциях", []string{"4"}},
			{"b", nil}, // markup is not indexed
			{"Иран Анкара", nil},
			{`"); DROP TABLE items; --`, nil},
			{"", nil},
		}
		for _, tt := range tests {
			got, err := s.SearchItems(ctx, tt.q, 10)
			if err != nil {
				t.Errorf("SearchItems(%q): %v", tt.q, err)
				continue
			}
			var guids []string
			for _, it := range got {
				guids = append(guids, it.GUID)
			}
			if len(guids) != len(tt.want) || (len(guids) > 0 && guids[0] != tt.want[0]) {
				t.Errorf("SearchItems(%q) = %v, want %v", tt.q, guids, tt.want)
			}
		}
		// An edit is re-indexed, not indexed twice.
		items[0].Title = "Протесты продолжаются"
		items[0].Summary = "<p>Без изменений</p>"
		if _, err := s.SaveItems(ctx, items[:1]); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SearchItems(ctx, "Иран", 10); len(got) != 0 {
			t.Errorf("old text still found after an edit: %d", len(got))
		}
		if got, _ := s.SearchItems(ctx, "протесты", 10); len(got) != 1 {
			t.Errorf("edited text found %d times", len(got))
		}
	})
}

func TestQuotesBySpeakerAndText(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2024, 10, 4, 10, 0, 0, 0, time.UTC)
		items := []news.Item{
			{SourceID: "caliber", GUID: "a", Link: "https://caliber.az/a", Title: "FSB chief", Published: t0, Quotes: []news.Quote{
				{Text: "In exchange for favourable arms supplies", Speaker: "Alexander Bortnikov", Role: "FSB Director", Verb: "explained", Direct: true},
				{Text: "NATO mediation in different regions of the world", Speaker: "Alexander Bortnikov", Verb: "referenced", Direct: true},
			}},
			{SourceID: "caliber", GUID: "b", Link: "https://caliber.az/b", Title: "Zakharova", Published: t0.Add(time.Hour), Quotes: []news.Quote{
				{Text: "Брюссель ведёт деструктивную политику", Speaker: "Мария Захарова", Verb: "заявила", Direct: true},
			}},
		}
		if _, err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			q    QuoteQuery
			want []string
		}{
			{QuoteQuery{Speaker: "bortnikov"}, []string{"In exchange for favourable arms supplies", "NATO mediation in different regions of the world"}},
			{QuoteQuery{Speaker: "ЗАХАРОВА"}, []string{"Брюссель ведёт деструктивную политику"}},
			{QuoteQuery{Text: "nato"}, []string{"NATO mediation in different regions of the world"}},
			{QuoteQuery{Text: "ведет"}, []string{"Брюссель ведёт деструктивную политику"}},
			{QuoteQuery{Since: t0.Add(30 * time.Minute)}, []string{"Брюссель ведёт деструктивную политику"}},
			{QuoteQuery{Speaker: "%"}, nil},
			{QuoteQuery{}, []string{"Брюссель ведёт деструктивную политику", "In exchange for favourable arms supplies", "NATO mediation in different regions of the world"}},
		}
		for _, tt := range tests {
			hits, err := s.Quotes(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Quote.Text)
				if h.Item.Link == "" || h.Item.Title == "" {
					t.Errorf("hit without its item: %+v", h)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("Quotes(%+v) = %q, want %q", tt.q, got, tt.want)
				continue
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Quotes(%+v)[%d] = %q, want %q", tt.q, i, got[i], tt.want[i])
				}
			}
		}
		sp, err := s.Speakers(ctx, 10)
		if err != nil || len(sp) != 2 || sp[0] != (SpeakerCount{"Alexander Bortnikov", 2}) {
			t.Errorf("Speakers = %+v, %v", sp, err)
		}
	})
}
