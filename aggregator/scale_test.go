package aggregator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

func fixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// scaleCrawler is a crawler over a fresh store for the config yaml, with
// 20ms between requests to a host.
func scaleCrawler(t *testing.T, yaml string) (*aggregator.Crawler, *store.Store, config.Config) {
	t.Helper()
	return newCrawler(t, yaml, fetch.Options{Timeout: 10 * time.Second, HostSpacing: 20 * time.Millisecond}, nil)
}

// Summary-only sources whose articles live on one slow host must not hold
// up the feeds of other hosts: 50 full-text feeds on 10 hosts, listed after
// 100 summary-only sources whose pages each take 2 s, are all fetched and
// stored within 30 s (the scenario's deadline, not a measure of speed; 3
// items a feed keep the quote finding of a slow machine under -race well
// inside it).
func TestSlowArticleHostStallsNoOtherFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for 50 feeds beside a slow host")
	}
	full := fixture(t, "feeds/feeder_suspilne_ukrnet_fulltext.xml")
	lenta := fixture(t, "feeds/lenta_rss_2022-12-03.xml")
	article := fixture(t, "pages/fetch_util/lenta_article.html")

	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, article)
	}))
	t.Cleanup(slow.Close)
	var hosts []*httptest.Server
	for range 10 {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			if n, ok := strings.CutPrefix(r.URL.Path, "/summary/"); ok {
				// Each source its own article URLs, all on the slow host.
				fmt.Fprint(w, strings.ReplaceAll(lenta, "https://lenta.ru/news/", slow.URL+"/"+n+"/news/"))
				return
			}
			fmt.Fprint(w, full)
		}))
		t.Cleanup(srv.Close)
		hosts = append(hosts, srv)
	}
	var b strings.Builder
	b.WriteString("sections: [{id: all}]\nsources:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {id: summary%d, url: %q, sections: [all], allow_private: true, max_items: 5}\n", i, hosts[i%10].URL+fmt.Sprintf("/summary/%d", i))
	}
	for i := range 50 {
		fmt.Fprintf(&b, "  - {id: full%d, url: %q, sections: [all], allow_private: true, max_items: 3}\n", i, hosts[i%10].URL+fmt.Sprintf("/full/%d", i))
	}
	c, _, _ := scaleCrawler(t, b.String())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stored atomic.Int32
	allStored := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	var failed []string
	go c.CrawlOnce(ctx, func(r aggregator.Result) {
		if !strings.HasPrefix(r.Source, "full") {
			return
		}
		if r.Err != nil || r.New != 3 {
			mu.Lock()
			failed = append(failed, r.String())
			mu.Unlock()
		}
		if stored.Add(1) == 50 {
			once.Do(func() { close(allStored) })
		}
	})
	select {
	case <-allStored:
	case <-time.After(30 * time.Second):
		t.Fatalf("%d of 50 full-text feeds stored within 30 s", stored.Load())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(failed) > 0 {
		t.Errorf("full-text feeds not stored whole:\n%s", strings.Join(failed, "\n"))
	}
}

// Items whose pages take longer than fetch.page_wait are stored with the
// feed's text, then updated with their pages' when these come.
func TestSlowPagesStoredFirstThenUpdated(t *testing.T) {
	lenta := fixture(t, "feeds/lenta_rss_2022-12-03.xml")
	article := fixture(t, "pages/fetch_util/lenta_article.html")
	gate := make(chan struct{})
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
			return
		case "/rss":
			fmt.Fprint(w, strings.ReplaceAll(lenta, "https://lenta.ru/news/", srv.URL+"/news/"))
			return
		}
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, article)
	}))
	t.Cleanup(srv.Close)
	c, st, cfg := scaleCrawler(t, fmt.Sprintf(`
sections: [{id: all}]
fetch: {page_wait: 100ms}
sources:
  - {id: lenta, url: "%s/rss", sections: [all], allow_private: true, max_items: 3}
`, srv.URL))
	ctx := context.Background()
	r := c.Crawl(ctx, cfg.Sources[0])
	if r.Err != nil || r.New != 3 || r.Articles != 0 {
		t.Fatalf("crawl: %v, want 3 new items stored without their pages", r)
	}
	items, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10)
	for _, it := range items {
		if it.Content != "" || it.Summary == "" {
			t.Fatalf("%s stored with content %q, summary %q; want the feed's summary only", it.Link, it.Content, it.Summary)
		}
	}
	close(gate)
	c.Wait()
	items, _ = st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 10)
	for _, it := range items {
		if !strings.Contains(it.Content, "<p>") {
			t.Errorf("%s not updated with its page: content %q", it.Link, it.Content)
		}
	}
	if len(items) != 3 {
		t.Errorf("%d items, want 3", len(items))
	}
}

// An article that several sources link is fetched once, its extraction
// shared: 10 feeds sharing 100 article URLs cause at most 100 page fetches,
// and every source's items get the page's body.
func TestSharedArticlesFetchedOnce(t *testing.T) {
	lenta := fixture(t, "feeds/lenta_rss_2022-12-03.xml")
	article := fixture(t, "pages/fetch_util/lenta_article.html")
	var pages atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case strings.HasPrefix(r.URL.Path, "/rss/"):
			fmt.Fprint(w, strings.ReplaceAll(lenta, "https://lenta.ru/news/", srv.URL+"/news/"))
		default:
			pages.Add(1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article)
		}
	}))
	t.Cleanup(srv.Close)
	var b strings.Builder
	b.WriteString("sections: [{id: all}]\nfetch: {pages_per_host: 100}\nsources:\n")
	for i := range 10 {
		fmt.Fprintf(&b, "  - {id: s%d, url: \"%s/rss/%d\", sections: [all], allow_private: true, max_items: 100}\n", i, srv.URL, i)
	}
	c, st, _ := scaleCrawler(t, b.String())
	ctx := context.Background()
	for _, r := range c.CrawlOnce(ctx, nil) {
		if r.Err != nil || r.New != 100 {
			t.Errorf("%v, want 100 new", r)
		}
	}
	if n := pages.Load(); n > 100 {
		t.Errorf("%d page fetches for 100 shared articles", n)
	}
	items, _ := st.SectionItemsBefore(ctx, "all", time.Time{}, 0, 2000)
	if len(items) != 1000 {
		t.Fatalf("%d items stored, want 1000", len(items))
	}
	for _, it := range items {
		if !strings.Contains(it.Content, "<p>") {
			t.Fatalf("%s of %s stored without the page's body", it.Link, it.SourceID)
		}
	}
}

// A first crawl queues at most fetch.pages_per_host pages per host, those
// of the newest items; the rest come in later passes, and the feed is read
// whole again until they have.
func TestPagesPerHostNewestFirst(t *testing.T) {
	lenta := fixture(t, "feeds/lenta_rss_2022-12-03.xml")
	article := fixture(t, "pages/fetch_util/lenta_article.html")
	var mu sync.Mutex
	var fetched []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/rss":
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			feed := strings.ReplaceAll(lenta, "https://lenta.ru/news/", srv.URL+"/news/")
			fmt.Fprint(w, strings.Replace(feed, "19:22:00 +0300", "19:50:00 +0300", 1))
		default:
			mu.Lock()
			fetched = append(fetched, r.URL.Path)
			mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, article)
		}
	}))
	t.Cleanup(srv.Close)
	// The feed's first three items, in its order, are published at 19:43,
	// 19:35 and (changed here) 19:50: the third is the newest.
	c, _, _ := scaleCrawler(t, fmt.Sprintf(`
sections: [{id: all}]
fetch: {pages_per_host: 2}
sources:
  - {id: lenta, url: "%s/rss", sections: [all], allow_private: true, max_items: 3}
`, srv.URL))
	ctx := context.Background()
	if r := c.CrawlOnce(ctx, nil)[0]; r.Err != nil || r.New != 2 || r.Articles != 2 {
		t.Fatalf("first pass: %v, want the 2 newest items with their pages", r)
	}
	if r := c.CrawlOnce(ctx, nil)[0]; r.Err != nil || r.NotModified || r.New != 1 || r.Articles != 1 || r.Unchanged != 2 {
		t.Fatalf("second pass: %v, want the feed read again and its last item", r)
	}
	if r := c.CrawlOnce(ctx, nil)[0]; r.Err != nil || !r.NotModified {
		t.Fatalf("third pass: %v, want 304 once every item is stored", r)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(fetched) != 3 || fetched[2] != "/news/2022/12/03/g20_tozhe/" {
		t.Errorf("pages fetched in order %q, want the oldest item's last", fetched)
	}
}
