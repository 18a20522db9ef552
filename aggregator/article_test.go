package aggregator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// articleUpstream serves real article pages of testdata under short paths,
// a listing page linking two of them, and a summary-only feed linking two
// others.
func articleUpstream(t *testing.T) *httptest.Server {
	pages := map[string]string{
		"/caliber/post/fsb-chief": "seed/caliber-az-fsb-chief.html",
		"/iz/geneva":              "pages/tgcontest2019/iz.ru__5071570187479306319.html",
		"/kommersant/ponomarev":   "pages/tgcontest2019/kommersant.ru__8744883912587226817.html",
		"/meduza/ponomarev":       "pages/tgcontest2019/meduza.io__33257456556712721.html",
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/caliber/list":
			fmt.Fprint(w, `<html><body><nav><a href="/about">About</a></nav><ul>
<li><a class="post" href="/caliber/post/fsb-chief">FSB chief</a></li>
<li><a class="post" href="/iz/geneva">Geneva</a></li>
<li><a class="post" href="/caliber/post/fsb-chief#comments">FSB chief, comments</a></li></ul></body></html>`)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
<item><guid isPermaLink="false">k-1</guid><title>Суд ликвидировал движение</title><link>%[1]s/kommersant/ponomarev</link>
<description>Коротко.</description><pubDate>Fri, 01 Nov 2019 12:00:00 +0000</pubDate></item>
<item><guid isPermaLink="false">m-1</guid><title>Верховный суд ликвидировал движение</title><link>%[1]s/meduza/ponomarev</link>
<description>Коротко.</description></item></channel></rss>`, srv.URL)
		case "/phish/list":
			fmt.Fprint(w, `<html><body><a class="post" href="/phish/post">Post</a></body></html>`)
		case "/phish/post":
			// The seed page, its notice pointing elsewhere.
			data, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "caliber-az-fsb-chief.html"))
			if err != nil {
				t.Error(err)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(strings.Replace(string(data), "hyperlink to Caliber.az", "hyperlink to evil-phish.com", 1)))
		default:
			f, ok := pages[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			data, err := os.ReadFile(filepath.Join("..", "testdata", f))
			if err != nil {
				t.Error(err)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(data)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// articleCrawler builds a crawler for the config text over a fresh store;
// now is its clock (nil: the real one).
func articleCrawler(t *testing.T, yaml string, now func() time.Time) (*aggregator.Crawler, *store.Store) {
	t.Helper()
	c, st, _ := newCrawler(t, yaml, fetch.Options{Timeout: 10 * time.Second}, now)
	return c, st
}

func TestArticlePagesAndListingSources(t *testing.T) {
	ctx := context.Background()
	up := articleUpstream(t)
	c, st := articleCrawler(t, fmt.Sprintf(`
sections: [{id: all}]
fetch: {host_spacing: 0s}
sources:
  - {id: caliber, name: Caliber.Az, url: "%[1]s/caliber/list", kind: page, item_links: "a.post",
     timezone: Asia/Baku, sections: [all], allow_private: true, attribution: {link: "https://caliber.az"}}
  - {id: ru, name: Russian press, url: "%[1]s/feed.xml", timezone: Europe/Moscow, sections: [all], allow_private: true}
  - {id: phish, url: "%[1]s/phish/list", kind: page, item_links: "a.post", sections: [all], allow_private: true}
`, up.URL), nil)
	res := byID(c.CrawlOnce(ctx, nil))
	if r := res["caliber"]; r.Err != nil || r.New != 2 || r.Articles != 2 {
		t.Fatalf("caliber: %v", r)
	}
	if r := res["ru"]; r.Err != nil || r.New != 2 || r.Articles != 2 {
		t.Fatalf("ru: %v", r)
	}
	items := map[string]news.Item{}
	all, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10)
	for _, it := range all {
		items[strings.TrimPrefix(it.Link, up.URL)] = it
	}

	// A listing page's article: everything comes from the page.
	seed := items["/caliber/post/fsb-chief"]
	if seed.Title != "FSB сhief: West aims to push Armenia out of CSTO" ||
		strings.Join(seed.Authors, ",") != "Tamilla Hasanova" ||
		seed.Published.Format(time.RFC3339) != "2024-10-04T13:01:00+04:00" || seed.Section != "REGION" ||
		strings.Join(seed.Via, ",") != "Russian media" {
		t.Errorf("seed item: %q %q %v %q %q", seed.Title, seed.Authors, seed.Published, seed.Section, seed.Via)
	}
	if !seed.Attribution.Required || seed.Attribution.Link != "https://caliber.az" {
		t.Errorf("seed attribution: %+v", seed.Attribution)
	}
	var bortnikov int
	for _, q := range seed.Quotes {
		if q.Direct && q.Speaker == "Alexander Bortnikov" && q.Role == "FSB Director" {
			bortnikov++
		}
	}
	if bortnikov != 2 {
		t.Errorf("seed quotes: %+v", seed.Quotes)
	}
	if strings.Contains(seed.Content, "Follow us on Telegram") || !strings.Contains(seed.Content, "Bortnikov") {
		t.Errorf("seed body: %.300q", seed.Content)
	}
	if state, _ := st.SourceState(ctx, "caliber"); state.Attribution.Link != "https://caliber.az" {
		t.Errorf("the source's reuse rule is not kept: %+v", state.Attribution)
	}

	// A summary-only feed's item: the page wins for body, date and via; the
	// feed keeps its GUID and title.
	k := items["/kommersant/ponomarev"]
	if k.GUID != "k-1" || k.Title != "Суд ликвидировал движение" || len(k.Content) < 1000 ||
		k.Published.Format(time.RFC3339) != "2019-11-01T15:06:46+03:00" {
		t.Errorf("kommersant item: %q %q %d %v", k.GUID, k.Title, len(k.Content), k.Published)
	}
	if m := items["/meduza/ponomarev"]; strings.Join(m.Via, ",") != "МБХ медиа,Интерфакс" || len(m.Quotes) == 0 {
		t.Errorf("meduza item: via %q, %d quotes", m.Via, len(m.Quotes))
	}

	// The rule a source's pages state covers every item of the source,
	// the second article of the listing included.
	if iz := items["/iz/geneva"]; iz.Attribution.Link != "https://caliber.az" {
		t.Errorf("listing item without its own notice: %+v", iz.Attribution)
	}

	// A page's notice naming a site that is neither the page's, the
	// source's nor its configured link sets no link, for the page or for
	// the source's other items.
	if p := items["/phish/post"]; p.Attribution.Required || strings.Contains(p.Attribution.Link, "evil") {
		t.Errorf("a foreign link from a page's notice was kept: %+v", p.Attribution)
	}
	if state, _ := st.SourceState(ctx, "phish"); state.Attribution.Required {
		t.Errorf("a foreign link from a page's notice became the source's rule: %+v", state.Attribution)
	}

	// Known articles are not fetched again.
	res = byID(c.CrawlOnce(ctx, nil))
	for id, r := range res {
		if r.Err != nil || r.Articles != 0 || r.New != 0 {
			t.Errorf("second pass %s: %v", id, r)
		}
	}
}

// TestArticlePagesParsedOnce: a summary-only feed's articles are fetched,
// and each page is parsed once: no depth check before extraction, and the
// extractor's text goes on to quotes, routing and the search index.
func TestArticlePagesParsedOnce(t *testing.T) {
	ctx := context.Background()
	up := articleUpstream(t)
	c, st := articleCrawler(t, fmt.Sprintf(`
sections: [{id: all, match: {any: [Пономарев]}}]
fetch: {host_spacing: 0s}
sources:
  - {id: ru, name: Russian press, url: "%s/feed.xml", timezone: Europe/Moscow, allow_private: true}
`, up.URL), nil)
	before := extract.Parses()
	if r := byID(c.CrawlOnce(ctx, nil))["ru"]; r.Err != nil || r.New != 2 || r.Articles != 2 {
		t.Fatalf("ru: %v", r)
	}
	if n := extract.Parses() - before; n != 2 {
		t.Errorf("2 article pages parsed %d times", n)
	}
	// The pages' text reached the index and the router: the feed says
	// only "Коротко." and its titles never name Ponomarev.
	if found, err := st.SearchItems(ctx, "Пономарева", 10); err != nil || len(found) != 2 {
		t.Errorf("search: %d items, %v", len(found), err)
	}
	if all, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10); len(all) != 2 {
		t.Errorf("routed: %d items", len(all))
	}
}

// TestArticleRelativeDate: a page that prints only "сегодня, 13:01" is dated
// by the crawler's clock, in the source's zone.
func TestArticleRelativeDate(t *testing.T) {
	ctx := context.Background()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/list":
			fmt.Fprint(w, `<html><body><a class="post" href="/news/1">Новость</a><a class="post" href="/news/2">Вчера</a></body></html>`)
		case "/news/1":
			fmt.Fprint(w, `<html lang="ru"><body><article><h1>Совет директоров утвердил дивиденды</h1><div class="date">сегодня, 13:01</div>
<p>Совет директоров компании утвердил выплату дивидендов за первое полугодие, сообщила пресс-служба.</p></article></body></html>`)
		case "/news/2":
			fmt.Fprint(w, `<html lang="ru"><body><article><h1>Мэрия закрыла мост на ремонт</h1><div class="date">вчера в 18:45</div>
<p>Мэрия закрыла мост на ремонт до конца месяца, объезд организован по соседним улицам.</p></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	clock := func() time.Time { return time.Date(2024, 10, 4, 17, 0, 0, 0, time.UTC) } // 20:00 MSK
	c, st := articleCrawler(t, fmt.Sprintf(`
sections: [{id: all}]
fetch: {host_spacing: 0s}
sources:
  - {id: city, url: "%s/list", kind: page, item_links: "a.post", timezone: Europe/Moscow, sections: [all], allow_private: true}
`, srv.URL), clock)
	if r := byID(c.CrawlOnce(ctx, nil))["city"]; r.Err != nil || r.New != 2 {
		t.Fatalf("crawl: %+v", r)
	}
	all, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10)
	got := map[string]string{}
	for _, it := range all {
		got[strings.TrimPrefix(it.Link, srv.URL)] = it.Published.Format(time.RFC3339)
	}
	want := map[string]string{"/news/1": "2024-10-04T13:01:00+03:00", "/news/2": "2024-10-03T18:45:00+03:00"}
	for link, w := range want {
		if got[link] != w {
			t.Errorf("%s published %s, want %s", link, got[link], w)
		}
	}
}

// A summary-only feed answering 200 again must not wipe the bodies its
// items' pages gave them: known items' pages are not read again, and what
// they gave is kept.
func TestRecrawlKeepsArticleBodies(t *testing.T) {
	ctx := context.Background()
	up := articleUpstream(t)
	c, st := articleCrawler(t, fmt.Sprintf(`
sections: [{id: all}]
fetch: {host_spacing: 0s}
sources:
  - {id: ru, name: Russian press, url: "%[1]s/feed.xml", timezone: Europe/Moscow, sections: [all], allow_private: true}
`, up.URL), nil)
	if r := byID(c.CrawlOnce(ctx, nil))["ru"]; r.Err != nil || r.New != 2 || r.Articles != 2 {
		t.Fatalf("first crawl: %v", r)
	}
	first, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10)
	if len(first) != 2 {
		t.Fatalf("%d items stored, want 2", len(first))
	}
	for _, it := range first {
		if len(it.Content) < 1000 {
			t.Fatalf("%s: body of %d bytes after the first crawl, want the article's", it.Link, len(it.Content))
		}
	}
	r := byID(c.CrawlOnce(ctx, nil))["ru"]
	if r.Err != nil || r.NotModified || r.Articles != 0 || r.Unchanged != 2 {
		t.Fatalf("second crawl: %v, want 2 unchanged, no article fetched", r)
	}
	second, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10)
	for i, it := range second {
		was := first[i]
		if it.Content != was.Content || strings.Join(it.Authors, ",") != strings.Join(was.Authors, ",") ||
			len(it.Quotes) != len(was.Quotes) || !it.Published.Equal(was.Published) {
			t.Errorf("%s changed by the second crawl:\nbody %d -> %d bytes, authors %q -> %q, quotes %d -> %d, published %v -> %v",
				it.Link, len(was.Content), len(it.Content), was.Authors, it.Authors, len(was.Quotes), len(it.Quotes), was.Published, it.Published)
		}
	}
}
