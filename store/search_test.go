package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestSearchItems: search reads words as routing does (news.Words, the
// Snowball stemmer), on both backends: a word finds its other forms, a
// name finds its forms and not a word of another name or a common noun
// that shares its stem.
func TestSearchItems(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2024, 10, 4, 10, 0, 0, 0, time.UTC)
		// Headlines and leads from the fixtures (lenta_rss_2022-12-03.xml,
		// the seed article, a credit of
		// novayagazeta.ru__7550310722133055538.html); "sand" and "eu" are
		// written for the test (no fixture has "песка" or "sanction").
		items := []news.Item{
			{SourceID: "lenta", GUID: "1", Link: "https://lenta.ru/1", Title: "В Иране раскрыли число погибших в ходе последних протестов",
				Summary: "<p>Около 200 человек погибло в Иране в ходе протестов</p>", Published: t0},
			{SourceID: "lenta", GUID: "2", Link: "https://lenta.ru/2", Title: "Швеция передала Турции осужденного",
				Content: "<p>Это было совершено в рамках меморандума с Анкарой о вступлении в <b>НАТО</b>.</p>", Published: t0.Add(time.Hour)},
			{SourceID: "lenta", GUID: "3", Link: "https://lenta.ru/3", Title: "FSB сhief: West aims to push Armenia out of CSTO",
				Content: "<p>Western nations are actively seeking Armenia's withdrawal, the FSB Director said.</p>", Published: t0.Add(2 * time.Hour)},
			{SourceID: "lenta", GUID: "4", Link: "https://lenta.ru/4", Title: "Лавров и Ёлкин", Content: "<p>Заявление Лаврова о санкциях</p>", Published: t0.Add(3 * time.Hour)},
			{SourceID: "lenta", GUID: "peskov", Link: "https://lenta.ru/5", Title: "Песков прокомментировал грядущую встречу Путина и Лукашенко",
				Content: "<p>Об этом заявил официальный представитель Кремля Дмитрий Песков.</p>", Published: t0.Add(4 * time.Hour)},
			{SourceID: "lenta", GUID: "lavrov", Link: "https://lenta.ru/6", Title: "Сердючку перестали приглашать в Россию",
				Content: "<p>Он потерял миллионы рублей, заявил продюсер Сергей Лавров.</p>", Published: t0.Add(5 * time.Hour)},
			{SourceID: "lenta", GUID: "lavrenov", Link: "https://lenta.ru/7", Title: "Интервью",
				Content: "<p>Видео: Влад Докшин, Александр Лавренов / «Новая газета»</p>", Published: t0.Add(6 * time.Hour)},
			{SourceID: "lenta", GUID: "rouble", Link: "https://lenta.ru/8", Title: "Рубль может подешеветь",
				Summary: "Сохранить российскую валюту могут лишь резкий рост стоимости топлива и отсутствие новых санкций.", Published: t0.Add(7 * time.Hour)},
			{SourceID: "lenta", GUID: "sand", Link: "https://lenta.ru/9", Title: "На пляж завезли 200 тонн песка", Published: t0.Add(8 * time.Hour)},
			{SourceID: "lenta", GUID: "eu", Link: "https://lenta.ru/10", Title: "The EU agreed on a new sanction", Published: t0.Add(9 * time.Hour)},
		}
		if _, err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			q    string
			want string // GUIDs, newest first
		}{
			{"Иран", "1"},
			{"иран протесты", "1"}, // other forms, any case
			{"НАТО Анкара", "2"},   // content words, all required
			{"nations withdrawal", "3"},
			{"Лавров санкции", "4"},
			{"елкин", "4"},   // ё = е
			{"the FSB", "3"}, // stop words are words too
			{"о санкциях", "4"},
			{"Песков", "peskov"}, // not "песка": a name finds capitalised words only
			{"Пескова", "peskov"},
			{"песка", "sand peskov"}, // a lower-case word finds any case
			{"Лавров", "lavrov 4"},   // not "Лавренов"
			{"Лаврова", "lavrov 4"},
			{"Лавренов", "lavrenov"},
			{"санкции", "rouble 4"},
			{"sanctions", "eu"},
			{"Кремль Песков", "peskov"},
			{"b", ""}, // markup is not indexed
			{"Иран Анкара", ""},
			{`"); DROP TABLE items; --`, ""},
			{"", ""},
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
			if strings.Join(guids, " ") != tt.want {
				t.Errorf("SearchItems(%q) = %v, want %s", tt.q, guids, tt.want)
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
			q    news.QuoteQuery
			want []string
		}{
			{news.QuoteQuery{Speaker: "bortnikov"}, []string{"In exchange for favourable arms supplies", "NATO mediation in different regions of the world"}},
			{news.QuoteQuery{Speaker: "ЗАХАРОВА"}, []string{"Брюссель ведёт деструктивную политику"}},
			{news.QuoteQuery{Text: "nato"}, []string{"NATO mediation in different regions of the world"}},
			{news.QuoteQuery{Text: "ведет"}, []string{"Брюссель ведёт деструктивную политику"}},
			{news.QuoteQuery{Text: "политика Брюсселя"}, []string{"Брюссель ведёт деструктивную политику"}}, // words in any form and order
			{news.QuoteQuery{Text: "region world"}, []string{"NATO mediation in different regions of the world"}},
			{news.QuoteQuery{Text: "брюссель"}, []string{"Брюссель ведёт деструктивную политику"}},
			{news.QuoteQuery{Text: "Ведёт"}, nil}, // a capitalised word finds capitalised words only
			{news.QuoteQuery{Text: "%"}, nil},
			{news.QuoteQuery{Since: t0.Add(30 * time.Minute)}, []string{"Брюссель ведёт деструктивную политику"}},
			{news.QuoteQuery{Speaker: "%"}, nil},
			{news.QuoteQuery{}, []string{"Брюссель ведёт деструктивную политику", "In exchange for favourable arms supplies", "NATO mediation in different regions of the world"}},
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
		groups, err := s.Speakers(ctx)
		if err != nil || len(groups) != 2 || groups[0].Name != "Alexander Bortnikov" || groups[0].Quotes != 2 ||
			groups[0].Key != "alexander-bortnikov" {
			t.Errorf("Speakers = %+v, %v", groups, err)
		}
	})
}

// TestSearchMigrationReindexes: a database stored before search read stems
// is indexed again when opened: its items and quotes are found by stems.
func TestSearchMigrationReindexes(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		path := testDatabase(t)
		q, mfs, dir, open := sqliteQueries, sqliteMigrations, "migrations", openSQLite
		if onPostgres(t) {
			q, mfs, dir, open = postgresQueries, postgresMigrations, "migrations_pg", openPostgres
		}
		ms, err := loadMigrations(mfs, dir)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(ms, func(m migration) bool { return strings.HasSuffix(m.name, "_search_stems.sql") })
		w, r, err := open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := migrate(ctx, w, q, ms[:i], 1); err != nil {
			t.Fatal(err)
		}
		// Rows as the store wrote them before: the old index and text_fold.
		oldFTS := `INSERT INTO items_fts (rowid, title, body) VALUES ($1, $2, $3)`
		if onPostgres(t) {
			oldFTS = `INSERT INTO items_fts (item_id, tsv) VALUES ($1, to_tsvector('simple', $2 || ' ' || $3))`
		}
		for n, it := range []struct{ title, content, quote string }{
			{"Песков прокомментировал грядущую встречу Путина и Лукашенко", "<p>Об этом заявил Дмитрий Песков.</p>", ""},
			{"Рубль может подешеветь", "<p>Отсутствие новых санкций.</p>", "Мы не ждём новых санкций"},
		} {
			var id int64
			if err := w.QueryRowContext(ctx, `INSERT INTO items (source_id, dedup_key, link, title, content, fetched_at, sort_time, changed_at, content_hash)
				VALUES ('lenta', $1, 'https://lenta.ru/', $2, $3, 1, $4, 1, $5) RETURNING id`, fmt.Sprint(n), it.title, it.content, n, []byte{1}).Scan(&id); err != nil {
				t.Fatal(err)
			}
			if _, err := w.ExecContext(ctx, oldFTS, id, it.title, it.content); err != nil {
				t.Fatal(err)
			}
			if it.quote != "" {
				if _, err := w.ExecContext(ctx, `INSERT INTO quotes (item_id, seq, text, text_fold) VALUES ($1, 0, $2, $3)`, id, it.quote, news.Fold(it.quote)); err != nil {
					t.Fatal(err)
				}
			}
		}
		r.Close()
		w.Close()

		s := openAt(t, path)
		for query, want := range map[string]int{"Пескова": 1, "санкции": 1, "песка": 1, "Иран": 0} {
			if got, err := s.SearchItems(ctx, query, 10); err != nil || len(got) != want {
				t.Errorf("SearchItems(%q) = %d items, %v; want %d", query, len(got), err, want)
			}
		}
		if hits, err := s.Quotes(ctx, news.QuoteQuery{Text: "санкции"}); err != nil || len(hits) != 1 {
			t.Errorf("Quotes(санкции) = %v, %v", hits, err)
		}
	})
}

// A namesake's quotes are theirs alone on both backends: the quotes of
// one name split by their roles.
func TestQuotesOfNamesakes(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		t0 := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
		var items []news.Item
		for i, role := range []string{"министр финансов", "футболист ЦСКА", "министр финансов", "футболист ЦСКА", ""} {
			items = append(items, news.Item{SourceID: "s", GUID: fmt.Sprint(i), Link: fmt.Sprint("https://example.org/", i), Title: role,
				Published: t0.Add(time.Duration(i) * time.Hour),
				Quotes:    []news.Quote{{Text: fmt.Sprint("Слова ", i), Speaker: "Сергей Иванов", Role: role, Direct: true}}})
		}
		if _, err := s.SaveItems(ctx, items); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSpeakers(ctx, []news.Speaker{{Key: "sergey-ivanov", Name: "Сергей Иванов", Person: true,
			Whole: []string{"сергей иванов"}, Surname: []string{"иванов"}}}); err != nil {
			t.Fatal(err)
		}
		for key, want := range map[string][]string{"sergey-ivanov": {"Слова 4", "Слова 2", "Слова 0"},
			"sergey-ivanov-futbolist-tsska": {"Слова 3", "Слова 1"}, "Иванов": {"Слова 4", "Слова 3", "Слова 2", "Слова 1", "Слова 0"}} {
			hits, err := s.Quotes(ctx, news.QuoteQuery{Speaker: key})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Quote.Text)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Quotes(%s) = %q, want %q", key, got, want)
			}
		}
	})
}

// The cached speaker registry is read again once quotes are stored or
// names filed, on both backends.
func TestSpeakerRegistryFollowsTheStore(t *testing.T) {
	forBackends(t, func(t *testing.T) {
		ctx := context.Background()
		s := testStore(t)
		keys := func() []string {
			gs, err := s.Speakers(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, g := range gs {
				out = append(out, g.Key)
			}
			slices.Sort(out)
			return out
		}
		save := func(guid, speaker string) {
			it := news.Item{SourceID: "s", GUID: guid, Link: "https://example.org/" + guid, Title: guid,
				Quotes: []news.Quote{{Text: "Слова", Speaker: speaker, Direct: true}}}
			if _, err := s.SaveItems(ctx, []news.Item{it}); err != nil {
				t.Fatal(err)
			}
		}
		save("a", "Мария Захарова")
		if got := keys(); !slices.Equal(got, []string{"mariya-zakharova"}) {
			t.Fatalf("speakers = %q", got)
		}
		save("b", "Дмитрий Песков")
		if got := keys(); !slices.Equal(got, []string{"dmitriy-peskov", "mariya-zakharova"}) {
			t.Errorf("after a quote is stored, speakers = %q", got)
		}
		if err := s.SaveSpeakers(ctx, []news.Speaker{{Key: "mariya-zakharova", Name: "Дмитрий Песков"}}); err != nil {
			t.Fatal(err)
		}
		if got := keys(); !slices.Equal(got, []string{"mariya-zakharova"}) {
			t.Errorf("after a name is filed, speakers = %q", got)
		}
	})
}

// The index of a database written before 0010_search_docs is moved over as
// it is: its items are found, and an item updated since is found by its
// new words only.
func TestSearchIndexKeptByDocsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "syndic.db")
	ms, err := loadMigrations(sqliteMigrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ms, func(m migration) bool { return m.name == "0010_search_docs.sql" })
	w, r, err := openSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, w, sqliteQueries, ms[:i], 1); err != nil {
		t.Fatal(err)
	}
	it := news.Item{Title: "Песков прокомментировал встречу Путина и Лукашенко", Text: "Об этом заявил Дмитрий Песков."}
	var id int64
	if err := w.QueryRowContext(ctx, `INSERT INTO items (source_id, dedup_key, link, title, fetched_at, sort_time, changed_at, content_hash)
		VALUES ('lenta', 'g:1', 'https://lenta.ru/1', $1, 1, 1, 1, x'01') RETURNING id`, it.Title).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ExecContext(ctx, `INSERT INTO items_fts (rowid, keys) VALUES ($1, $2)`, id, indexKeys(it)); err != nil {
		t.Fatal(err)
	}
	r.Close()
	w.Close()

	s := openAt(t, path)
	for query, want := range map[string]int{"Пескова": 1, "встречи Лукашенко": 1, "санкции": 0} {
		if got, err := s.SearchItems(ctx, query, 10); err != nil || len(got) != want {
			t.Errorf("SearchItems(%q) = %d items, %v; want %d", query, len(got), err, want)
		}
	}
	upd := news.Item{SourceID: "lenta", GUID: "1", Link: "https://lenta.ru/1", Title: "Рубль может подешеветь", Text: "Новые санкции."}
	if res, err := s.SaveItems(ctx, []news.Item{upd}); err != nil || res.Updated != 1 {
		t.Fatalf("SaveItems = %+v, %v; want the item updated", res, err)
	}
	for query, want := range map[string]int{"Пескова": 0, "санкции": 1} {
		if got, err := s.SearchItems(ctx, query, 10); err != nil || len(got) != want {
			t.Errorf("after the update, SearchItems(%q) = %d items, %v; want %d", query, len(got), err, want)
		}
	}
}
