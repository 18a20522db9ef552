package publisher

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// Search results are paged in every format, each page linking the next
// (HTML rel="next", RSS and Atom rel="next", JSON next_url): following the
// links meets every result once, and nothing is cut off silently.
func TestSearchPagesLinkTheNext(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t0 := time.Date(2019, 11, 15, 12, 0, 0, 0, time.UTC)
	var items []news.Item
	for i := range 130 {
		items = append(items, news.Item{SourceID: "interfax", GUID: fmt.Sprint(i), Link: fmt.Sprintf("https://www.interfax.ru/russia/%d", i),
			Title: fmt.Sprintf("Песков прокомментировал слова Криклия (%d)", i), Authors: []string{"Анна Скороход"},
			Content: "<p>Песков ответил министру инфраструктуры Украины.</p>", Published: t0.Add(time.Duration(i/2) * time.Minute)})
	}
	if _, err := st.SaveItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	p := New(st, Options{BaseURL: testBase, Sections: []news.Section{{ID: "world", Title: "World"}}, FeedLength: 50,
		Sources: []news.Source{{ID: "interfax", Name: "Интерфакс"}}, Search: st})
	srv := httptest.NewServer(p)
	defer srv.Close()
	local := func(u string) string { return srv.URL + strings.TrimPrefix(u, testBase) }
	nextRe := map[string]*regexp.Regexp{
		"html": regexp.MustCompile(`<a rel="next" href="([^"]+)"`),
		"rss":  regexp.MustCompile(`<atom:link href="([^"]+)" rel="next"`),
		"atom": regexp.MustCompile(`<link href="([^"]+)" rel="next"`),
	}
	for _, start := range []string{"/search?q=Пескова", "/search?author=Скороход&format=json", "/feeds/search.rss?q=Песков",
		"/feeds/search.atom?q=%22ответил+министру%22", "/feeds/search.json?q=Песков&source=interfax"} {
		seen := map[string]bool{}
		u, pages := srv.URL+start, 0
		for u != "" && pages < 10 {
			pages++
			resp, body := fetchURL(t, u)
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d", u, resp.StatusCode)
			}
			var links []string
			next := ""
			switch {
			case strings.Contains(u, "format=json") || strings.Contains(u, ".json"):
				var doc struct {
					Items []struct {
						Link string `json:"link"`
						URL  string `json:"url"`
					} `json:"items"`
					Next string `json:"next_url"`
				}
				if err := json.Unmarshal(body, &doc); err != nil {
					t.Fatal(err)
				}
				for _, it := range doc.Items {
					links = append(links, it.Link+it.URL)
				}
				next = doc.Next
			default:
				kind := "html"
				if strings.Contains(u, ".rss") {
					kind = "rss"
				} else if strings.Contains(u, ".atom") {
					kind = "atom"
				}
				if kind != "html" {
					if err := xml.Unmarshal(body, new(struct{})); err != nil {
						t.Fatalf("%s: %v", u, err)
					}
				}
				for _, m := range regexp.MustCompile(`https://www\.interfax\.ru/russia/\d+`).FindAllString(string(body), -1) {
					if !seen[m] || len(links) == 0 || links[len(links)-1] != m {
						links = append(links, m)
					}
				}
				if m := nextRe[kind].FindStringSubmatch(string(body)); m != nil {
					next = strings.ReplaceAll(m[1], "&amp;", "&")
				}
			}
			page := map[string]bool{}
			for _, l := range links {
				if seen[l] && !page[l] {
					t.Fatalf("%s: %s on two pages", start, l)
				}
				seen[l], page[l] = true, true
			}
			if next != "" {
				next = local(next)
			}
			u = next
		}
		if len(seen) != 130 {
			t.Errorf("%s: %d results over %d pages, want 130", start, len(seen), pages)
		}
	}
}

// Quote search is paged as search is (HTML rel="next", JSON next_url, the
// speaker's feed rel="next"), and its CSV export holds every quote of the
// query, with the via chain and notice, and nothing a source's reuse rule
// withholds.
func TestQuotePagesAndCSV(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t0 := time.Date(2019, 11, 1, 12, 0, 0, 0, time.UTC)
	for i := range 45 {
		it := news.Item{SourceID: []string{"kommersant", "interfax"}[i%2], GUID: fmt.Sprint(i), Link: fmt.Sprintf("https://www.kommersant.ru/doc/%d", i),
			Title: fmt.Sprintf("Песков назвал неудачной идею выплаты репараций (%d)", i), Via: []string{"ТАСС"}, Published: t0.Add(time.Duration(i) * time.Minute),
			Quotes: []news.Quote{
				{Text: "Мы не относим это заявление к разряду удачных. Давайте не будем забывать, кто начал войну", Speaker: "Дмитрий Песков", Verb: "сказал", Direct: true},
				{Text: "Это внутриукраинский конфликт", Speaker: "Дмитрий Песков", Verb: "отметил", Direct: true}}}
		if _, err := st.SaveItems(ctx, []news.Item{it}); err != nil {
			t.Fatal(err)
		}
	}
	// Filed as the crawler files it (quote.Identify), in part.
	if err := st.SaveSpeakers(ctx, []news.Speaker{{Key: "dmitriy-peskov", Name: "Дмитрий Песков", Person: true,
		Whole: []string{"дмитрий песков", "dmitry peskov"}, Surname: []string{"песков", "пескова", "пескову", "peskov"}}}); err != nil {
		t.Fatal(err)
	}
	p := New(st, Options{BaseURL: testBase, Sections: []news.Section{{ID: "world", Title: "World"}}, FeedLength: 20, Search: st,
		Sources: []news.Source{{ID: "kommersant", Name: "Коммерсантъ"},
			{ID: "interfax", Name: "Интерфакс", Republish: news.RepublishTitle, Attribution: news.Attribution{Notice: "Ссылка на Интерфакс обязательна", Link: "https://www.interfax.ru"}}}})
	srv := httptest.NewServer(p)
	defer srv.Close()
	local := func(u string) string { return srv.URL + strings.TrimPrefix(u, testBase) }
	for _, start := range []string{"/quotes?speaker=Пескова&format=json", "/quotes?speaker=Peskov", "/feeds/quotes/dmitriy-peskov.atom"} {
		n, u := 0, srv.URL+start
		for pages := 0; u != "" && pages < 20; pages++ {
			_, body := fetchURL(t, u)
			next := ""
			if strings.Contains(u, "format=json") {
				var doc struct {
					Quotes []quoteJSON `json:"quotes"`
					Next   string      `json:"next_url"`
				}
				if err := json.Unmarshal(body, &doc); err != nil {
					t.Fatal(err)
				}
				n += len(doc.Quotes)
				next = doc.Next
			} else {
				n += strings.Count(string(body), "<entry>") + len(regexp.MustCompile(`<li[ >]`).FindAllString(string(body), -1))
				re := regexp.MustCompile(`<a rel="next" href="([^"]+)"|<link href="([^"]+)" rel="next"`)
				if m := re.FindStringSubmatch(string(body)); m != nil {
					next = strings.ReplaceAll(m[1]+m[2], "&amp;", "&")
				}
			}
			if next != "" {
				next = local(next)
			}
			u = next
		}
		if n != 90 {
			t.Errorf("%s: %d quotes over the pages, want 90", start, n)
		}
	}
	// The export reads the store a page at a time: in one page, and over
	// pages of 7 quotes, it is the same 90 rows.
	defer func(n int) { csvPage = n }(csvPage)
	var exports []string
	for _, page := range []int{csvPage, 7} {
		csvPage = page
		resp, body := fetchURL(t, srv.URL+"/quotes?speaker=Песков&since=3000d&format=csv")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("csv: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(body), "\uFEFF"))).ReadAll()
		if err != nil || len(rows) != 91 {
			t.Fatalf("csv in pages of %d: %d rows, %v", page, len(rows), err)
		}
		for _, r := range rows[1:] {
			title := strings.Contains(r[9], "Интерфакс")
			if r[2] != "dmitriy-peskov" || r[10] != "ТАСС" || title != (r[6] == "") || title && !strings.Contains(r[11], "Интерфакс") {
				t.Errorf("csv row %q", r)
			}
		}
		exports = append(exports, string(body))
	}
	if exports[0] != exports[1] {
		t.Error("the export in pages of 7 differs from the export in one page")
	}
}
