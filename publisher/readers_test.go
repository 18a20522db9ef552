package publisher

import (
	"context"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/store"
)

// Before the first crawl every feed is empty; it is dated by the store's
// creation, never 1970: Atom <updated>, RSS <lastBuildDate>, Last-Modified,
// and the empty answers of search and quote feeds alike.
func TestEmptyFeedsDatedByStore(t *testing.T) {
	created := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "e.db"), store.WithClock(func() time.Time { return created }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := New(st, Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Search: st, Recheck: -1})
	for path, want := range map[string]string{
		"/feeds/world.atom":                 "<updated>2026-03-02T08:00:00Z</updated>",
		"/feeds/world.rss":                  "<lastBuildDate>Mon, 02 Mar 2026 08:00:00 +0000</lastBuildDate>",
		"/feeds/source/lenta.atom":          "<updated>2026-03-02T08:00:00Z</updated>",
		"/feeds/search.atom?q=Песков":       "<updated>2026-03-02T08:00:00Z</updated>",
		"/feeds/quotes/Захарова.atom":       "<updated>2026-03-02T08:00:00Z</updated>",
		"/feeds/quotes/Захарова.rss":        "<lastBuildDate>Mon, 02 Mar 2026 08:00:00 +0000</lastBuildDate>",
		"/feeds/search.rss?q=Песков+Лавров": "<lastBuildDate>Mon, 02 Mar 2026 08:00:00 +0000</lastBuildDate>",
	} {
		w := get(t, p, "GET", path, nil)
		if body := w.Body.String(); w.Code != 200 || !strings.Contains(body, want) || strings.Contains(body, "1970") {
			t.Errorf("%s: %d, want %s in\n%s", path, w.Code, want, body)
		}
	}
	for _, path := range []string{"/feeds/world.atom", "/", "/opml"} {
		if lm := get(t, p, "GET", path, nil).Header().Get("Last-Modified"); lm != "Mon, 02 Mar 2026 08:00:00 GMT" {
			t.Errorf("%s: Last-Modified %q", path, lm)
		}
	}
}

// Feeds, the OPML and JSON answers may be read by a page of any site
// (Access-Control-Allow-Origin: *, on 304s too); the HTML pages need not.
// Query answers carry Last-Modified: the latest time syndic stored one of
// the items they show, and a conditional request gets 304.
func TestCrossOriginAndQueryDates(t *testing.T) {
	srv := quoteServer(t)
	for path, cors := range map[string]bool{
		"/feeds/region.json": true, "/feeds/region.rss": true, "/feeds/source/lenta.atom": true, "/opml": true,
		"/feeds/quotes/alexander-bortnikov.json": true, "/feeds/search.atom?q=Иран": true,
		"/quotes?speaker=Bortnikov&format=json": true, "/search?q=Иран&format=json": true,
		"/": false, "/quotes?speaker=Bortnikov": false, "/search?q=Иран": false,
	} {
		resp, _ := fetchURL(t, srv.URL+path)
		if got := resp.Header.Get("Access-Control-Allow-Origin") == "*"; got != cors || resp.StatusCode != 200 {
			t.Errorf("%s: %d, Access-Control-Allow-Origin %q, want it: %v", path, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), cors)
		}
		if strings.HasPrefix(path, "/feeds/region") {
			resp2, _ := fetchURL(t, srv.URL+path, "If-None-Match", resp.Header.Get("ETag"))
			if resp2.StatusCode != 304 || resp2.Header.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("%s: conditional %d, CORS %q", path, resp2.StatusCode, resp2.Header.Get("Access-Control-Allow-Origin"))
			}
		}
	}
	for _, path := range []string{"/quotes?speaker=Bortnikov", "/quotes?speaker=Bortnikov&format=json", "/search?q=Иран",
		"/feeds/quotes/alexander-bortnikov.rss", "/feeds/search.json?q=Иран"} {
		resp, _ := fetchURL(t, srv.URL+path)
		lm, err := http.ParseTime(resp.Header.Get("Last-Modified"))
		if err != nil || time.Since(lm) > time.Hour || time.Until(lm) > time.Second {
			t.Errorf("%s: Last-Modified %q, want when the items were stored (just now)", path, resp.Header.Get("Last-Modified"))
			continue
		}
		resp2, _ := fetchURL(t, srv.URL+path, "If-Modified-Since", resp.Header.Get("Last-Modified"))
		if resp2.StatusCode != 304 {
			t.Errorf("%s: If-Modified-Since its own Last-Modified: %d", path, resp2.StatusCode)
		}
	}
	if resp, _ := fetchURL(t, srv.URL+"/search?q=Нетакогослова"); resp.Header.Get("Last-Modified") != "" {
		t.Errorf("an answer with no items has Last-Modified %q", resp.Header.Get("Last-Modified"))
	}
}

// Each page is in English, each item in its own language: the index,
// quote and search pages mark every item with lang, and show every time
// with its offset; the index has a search form and links the speakers
// when search is served.
func TestPagesLanguageTimesAndSearchForm(t *testing.T) {
	srv := quoteServer(t)
	_, index := fetchURL(t, srv.URL+"/")
	for _, want := range []string{`<html lang="en">`, `<li lang="ru"><a href="https://lenta.ru/news/2022/12/03/pogibshie/">`,
		`<form action="https://syndic.example/search" method="get" role="search"><input type="search" name="q"`,
		`<a href="/quotes">Quote search</a> <a href="https://syndic.example/speakers">Speakers</a>`,
		`<time datetime="2022-12-03T14:32:00&#43;03:00">3 Dec 2022 14:32 &#43;03:00</time>`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index lacks %s", want)
		}
	}
	_, quotes := fetchURL(t, srv.URL+"/quotes?speaker=Захарова")
	_, search := fetchURL(t, srv.URL+"/search?q=Иран")
	for what, page := range map[string][]byte{"quotes": quotes, "search": search} {
		for _, want := range []string{`<li lang="ru">`, `<time datetime="2022-12-03T14:32:00&#43;03:00">3 Dec 2022 14:32 &#43;03:00</time>`} {
			if !strings.Contains(string(page), want) {
				t.Errorf("%s page lacks %s", what, want)
			}
		}
	}
	// Without search, no form.
	p := newTestPublisher(newTestStore(), nil)
	if page := get(t, p, "GET", "/", nil).Body.String(); strings.Contains(page, "<form") {
		t.Error("index offers a search form without search")
	}
}

// The feed's language is its entries' (most of them); an entry in another
// language states its own: Atom xml:lang, RSS dc:language; RSS <ttl>
// agrees with Cache-Control.
func TestFeedLanguagesAndTTL(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	atom := get(t, p, "GET", "/feeds/world.atom", nil).Body.String()
	if !strings.Contains(atom, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`) ||
		!strings.Contains(atom, `<entry xml:lang="ru">`) || strings.Count(atom, "xml:lang") != 2 {
		t.Errorf("Atom languages:\n%s", atom)
	}
	w := get(t, p, "GET", "/feeds/source/lenta.rss", nil)
	rss := w.Body.String()
	if !strings.Contains(rss, "<language>ru</language>") || strings.Contains(rss, "<dc:language>") {
		t.Errorf("a Lenta feed is in Russian, every item too:\n%s", rss)
	}
	if !strings.Contains(rss, "<ttl>1</ttl>") || w.Header().Get("Cache-Control") != "public, max-age=60" {
		t.Errorf("ttl and Cache-Control disagree: %q", w.Header().Get("Cache-Control"))
	}
	next := regexp.MustCompile(`<atom:link href="https://feeds.example.org(/feeds/world.rss\?before=[^"]+)" rel="next"`).FindStringSubmatch(
		get(t, New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: testSources, FeedLength: 2, Recheck: -1}), "GET", "/feeds/world.rss", nil).Body.String())
	if next == nil {
		t.Fatal("no next page")
	}
	p2 := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: testSources, FeedLength: 2, Recheck: -1})
	w = get(t, p2, "GET", next[1], nil)
	if !strings.Contains(w.Body.String(), "<ttl>60</ttl>") || w.Header().Get("Cache-Control") != "public, max-age=3600" {
		t.Errorf("older page: Cache-Control %q\n%s", w.Header().Get("Cache-Control"), w.Body)
	}
}

// The icon and logo every feed names are served, as PNGs of the sizes the
// formats ask for, the same bytes in every process.
func TestIconAndLogo(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	for path, size := range map[string][2]int{iconPath: {512, 512}, faviconPath: {64, 64}, logoPath: {logoWidth, logoHeight}} {
		w := get(t, p, "GET", path, nil)
		body := w.Body.Bytes()
		if w.Code != 200 || w.Header().Get("Content-Type") != "image/png" || len(body) < 24 || string(body[1:4]) != "PNG" {
			t.Errorf("%s: %d %q", path, w.Code, w.Header().Get("Content-Type"))
			continue
		}
		wd, ht := be32(body[16:20]), be32(body[20:24])
		if wd != size[0] || ht != size[1] {
			t.Errorf("%s: %d×%d, want %d×%d", path, wd, ht, size[0], size[1])
		}
		if string(drawIcon(size[0], size[1])) != string(body) {
			t.Errorf("%s: drawn twice, not the same bytes", path)
		}
	}
}

func be32(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
