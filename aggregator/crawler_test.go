package aggregator_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// upstream serves the real fixture feeds of testdata/feeds like a real
// server: ETag validators, Content-Type without charset, and, per path, a
// fault to inject.
type upstream struct {
	*httptest.Server
	mu          sync.Mutex
	faults      map[string]func(http.ResponseWriter) // path → bad answer
	conditional int                                  // requests carrying If-None-Match
	requests    int
}

func newUpstream(t *testing.T) *upstream {
	u := &upstream{faults: map[string]func(http.ResponseWriter){}}
	u.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.mu.Lock()
		u.requests++
		if r.Header.Get("If-None-Match") != "" {
			u.conditional++
		}
		fault := u.faults[r.URL.Path]
		u.mu.Unlock()
		if fault != nil {
			fault(w)
			return
		}
		data, err := os.ReadFile(filepath.Join("..", "testdata", "feeds", filepath.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, len(data))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(data)
	}))
	t.Cleanup(u.Close)
	return u
}

func (u *upstream) fault(path string, f func(http.ResponseWriter)) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if f == nil {
		delete(u.faults, path)
	} else {
		u.faults[path] = f
	}
}

const testConfig = `
sections:
  - id: region
    match: {any: [Иран, Турция, Армения, Грузия, Азербайджан]}
  - id: all
sources:
  - {id: lenta, name: Lenta.ru, url: "%[1]s/lenta_rss_2022-12-03.xml", lang: ru, timezone: Europe/Moscow,
     sections: [all], allow_private: true, fetch_article: false}
  - {id: oren, name: Oren.ru, url: "%[1]s/node-feedparser_oren_ru_windows-1251_yandex.xml", lang: ru,
     sections: [all], allow_private: true, fetch_article: false}
  - {id: ibash, name: iBash, url: "%[1]s/miniflux_ibash_windows-1251.xml", sections: [all],
     allow_private: true, fetch_article: false}
  - {id: koi8, name: KOI8 sample, url: "%[1]s/feedparser_koi8r_nodecl.xml", sections: [all],
     allow_private: true, fetch_article: false}
`

func setup(t *testing.T) (*upstream, *aggregator.Crawler, *store.Store) {
	t.Helper()
	return setupWith(t, nil)
}

// setupWith is setup with the crawler writing through wrap(store) (nil:
// the store itself).
func setupWith(t *testing.T, wrap func(*store.Store) aggregator.Store) (*upstream, *aggregator.Crawler, *store.Store) {
	t.Helper()
	up := newUpstream(t)
	cfg, err := config.Parse("test.yaml", []byte(fmt.Sprintf(testConfig, up.URL)))
	if err != nil {
		t.Fatal(err)
	}
	st := tempStore(t)
	var cs aggregator.Store = st
	if wrap != nil {
		cs = wrap(st)
	}
	c, err := aggregator.New(cfg, fetch.New(fetch.Options{Timeout: 5 * time.Second}), cs, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return up, c, st
}

// newCrawler is a crawler of the config yaml over a new SQLite store, closed
// when the test ends, fetching with fo; now is its clock (nil: the real one).
func newCrawler(tb testing.TB, yaml string, fo fetch.Options, now func() time.Time) (*aggregator.Crawler, *store.Store, config.Config) {
	tb.Helper()
	cfg, err := config.Parse("t.yaml", []byte(yaml))
	if err != nil {
		tb.Fatal(err)
	}
	st := tempStore(tb)
	c, err := aggregator.New(cfg, fetch.New(fo), st, nil, now)
	if err != nil {
		tb.Fatal(err)
	}
	return c, st, cfg
}

// tempStore is a new SQLite store in the test's temporary folder, closed
// when the test ends.
func tempStore(tb testing.TB, opts ...store.Option) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"), opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func byID(results []aggregator.Result) map[string]aggregator.Result {
	m := map[string]aggregator.Result{}
	for _, r := range results {
		m[r.Source] = r
	}
	return m
}

func sectionTitles(t *testing.T, st *store.Store, section string) []news.Item {
	t.Helper()
	items, err := st.SectionItemsBefore(context.Background(), section, time.Time{}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func TestCrawlFixtureFeeds(t *testing.T) {
	ctx := context.Background()
	up, c, st := setup(t)

	res := byID(c.CrawlOnce(ctx, nil))
	for id, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", id, r.Err)
		}
	}
	if r := res["lenta"]; r.New != 198 { // 200 items, two of them repeated
		t.Errorf("lenta: %v", r)
	}

	all := sectionTitles(t, st, "all")
	titles := map[string]news.Item{}
	for _, it := range all {
		titles[it.Title] = it
	}
	// windows-1251 (prolog only) and KOI8-R (no declaration) come out as UTF-8.
	for _, want := range []string{"Цитата #17703", "В Бузулуке главные стройплощадки – детсад и Ледовый дворец"} {
		if _, ok := titles[want]; !ok {
			t.Errorf("no item titled %q", want)
		}
	}
	// yandex:full-text becomes the content.
	oren := titles["В Бузулуке главные стройплощадки – детсад и Ледовый дворец"]
	if len(oren.Content) < 500 || !strings.Contains(oren.Content, "Бузулук") {
		t.Errorf("oren.ru item content = %.200q", oren.Content)
	}
	koi := 0
	for _, it := range all {
		if it.SourceID == "koi8" && strings.ContainsAny(it.Title, "абвгдежзиклмнопрстуфхцчшщыэюя") {
			koi++
		}
	}
	if koi != 1 {
		t.Errorf("KOI8-R item with a Cyrillic title: %d", koi)
	}
	// Lenta keeps bylines, categories and Moscow offsets.
	var withAuthor int
	for _, it := range all {
		if it.SourceID != "lenta" {
			continue
		}
		if len(it.Authors) > 0 {
			withAuthor++
		}
		if _, off := it.Published.Zone(); off != 3*3600 {
			t.Fatalf("lenta item %q published %v, want +03:00", it.Title, it.Published)
		}
	}
	if withAuthor < 150 {
		t.Errorf("lenta items with a byline: %d", withAuthor)
	}
	// Routing: "В Иране раскрыли…" is in region.
	var inRegion bool
	for _, it := range sectionTitles(t, st, "region") {
		inRegion = inRegion || strings.HasPrefix(it.Title, "В Иране раскрыли")
	}
	if !inRegion {
		t.Error("the Iran item is not in region")
	}

	// A second pass: conditional requests, 304s, nothing new.
	before := up.conditional
	res = byID(c.CrawlOnce(ctx, nil))
	for id, r := range res {
		if r.Err != nil || !r.NotModified || r.New != 0 {
			t.Errorf("second pass %s: %v", id, r)
		}
	}
	if got := up.conditional - before; got != 4 {
		t.Errorf("conditional requests on the second pass: %d, want 4", got)
	}
	if n, _ := st.CountItems(ctx); n != len(all) {
		t.Errorf("items after the second pass: %d, want %d", n, len(all))
	}
}

func TestBadUpstreamCostsNothing(t *testing.T) {
	ctx := context.Background()
	up, c, st := setup(t)
	c.CrawlOnce(ctx, nil)
	stored, _ := st.CountItems(ctx)

	faults := map[string]func(http.ResponseWriter){
		"empty": func(w http.ResponseWriter) {},
		"html": func(w http.ResponseWriter) {
			fmt.Fprint(w, "<!doctype html><html><body><h1>Maintenance</h1></body></html>")
		},
		"truncated": func(w http.ResponseWriter) { fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><item><title>Half`) },
		"binary":    func(w http.ResponseWriter) { w.Write([]byte("\x1f\x8b\x08\x00 not gzip \x00\x01\x02")) },
		"json":      func(w http.ResponseWriter) { fmt.Fprint(w, `{"error": "rate limited"}`) },
		"404":       func(w http.ResponseWriter) { http.Error(w, "gone", http.StatusNotFound) },
		"500":       func(w http.ResponseWriter) { http.Error(w, "oops", http.StatusInternalServerError) },
	}
	for name, fault := range faults {
		t.Run(name, func(t *testing.T) {
			up.fault("/lenta_rss_2022-12-03.xml", fault)
			defer up.fault("/lenta_rss_2022-12-03.xml", nil)
			res := byID(c.CrawlOnce(ctx, nil))
			if res["lenta"].Err == nil {
				t.Fatalf("lenta: want an error, got %v", res["lenta"])
			}
			if !strings.Contains(res["lenta"].String(), "lenta") || !strings.Contains(res["lenta"].Err.Error(), up.URL) {
				t.Errorf("error does not name the source and URL: %v", res["lenta"])
			}
			for _, id := range []string{"oren", "ibash", "koi8"} {
				if res[id].Err != nil {
					t.Errorf("%s failed too: %v", id, res[id].Err)
				}
			}
			if n, _ := st.CountItems(ctx); n != stored {
				t.Errorf("items: %d, want %d", n, stored)
			}
			state, _ := st.SourceState(ctx, "lenta")
			if state.LastError == "" || state.Failures == 0 {
				t.Errorf("state not recorded: %+v", state)
			}
		})
	}
	// Once the source heals, its state is clean again.
	res := byID(c.CrawlOnce(ctx, nil))
	state, _ := st.SourceState(ctx, "lenta")
	if res["lenta"].Err != nil || state.LastError != "" || state.Failures != 0 {
		t.Errorf("after healing: %v, %+v", res["lenta"], state)
	}
}

func TestEmptyItemsAreNotStored(t *testing.T) {
	ctx := context.Background()
	up, c, st := setup(t)
	up.fault("/lenta_rss_2022-12-03.xml", func(w http.ResponseWriter) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>x</title><item></item><item><description> </description></item></channel></rss>`)
	})
	res := byID(c.CrawlOnce(ctx, nil))
	if r := res["lenta"]; r.Err != nil || r.New != 0 || r.Skipped != 2 {
		t.Errorf("lenta: %+v", r)
	}
	if items := sectionTitles(t, st, "all"); len(items) == 0 {
		t.Error("other sources stored nothing")
	} else {
		for _, it := range items {
			if it.SourceID == "lenta" {
				t.Errorf("empty item stored: %+v", it)
			}
		}
	}
}

func TestTimeoutIsThatSourcesError(t *testing.T) {
	ctx := context.Background()
	up, _, st := setup(t)
	cfg, _ := config.Parse("test.yaml", []byte(fmt.Sprintf(testConfig, up.URL)))
	c, _ := aggregator.New(cfg, fetch.New(fetch.Options{Timeout: 300 * time.Millisecond}), st, nil, nil)
	release := make(chan struct{})
	defer close(release)
	up.fault("/miniflux_ibash_windows-1251.xml", func(w http.ResponseWriter) {
		w.WriteHeader(200)
		w.(http.Flusher).Flush()
		<-release
	})
	res := byID(c.CrawlOnce(ctx, nil))
	if err := res["ibash"].Err; err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("ibash: %v", res["ibash"])
	}
	if res["lenta"].Err != nil || res["lenta"].New == 0 {
		t.Errorf("lenta: %v", res["lenta"])
	}
}

func TestRerouteWhenRulesChange(t *testing.T) {
	ctx := context.Background()
	up, c, st := setup(t)
	if _, _, err := c.RerouteIfChanged(ctx); err != nil {
		t.Fatal(err)
	}
	c.CrawlOnce(ctx, nil)
	region := len(sectionTitles(t, st, "region"))
	if region == 0 {
		t.Fatal("nothing in region")
	}
	if _, did, _ := c.RerouteIfChanged(ctx); did {
		t.Error("rerouted with unchanged rules")
	}

	// An editor narrows region to Iran alone.
	narrow := strings.Replace(fmt.Sprintf(testConfig, up.URL), "Иран, Турция, Армения, Грузия, Азербайджан", "Иран", 1)
	cfg, err := config.Parse("test.yaml", []byte(narrow))
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := aggregator.New(cfg, fetch.New(fetch.Options{}), st, nil, nil)
	n, did, err := c2.RerouteIfChanged(ctx)
	if err != nil || !did || n == 0 {
		t.Fatalf("reroute: %d %v %v", n, did, err)
	}
	items := sectionTitles(t, st, "region")
	if len(items) == 0 || len(items) >= region {
		t.Errorf("region after narrowing: %d items, before %d", len(items), region)
	}
	for _, it := range items {
		if !strings.Contains(strings.ToLower(it.Title+" "+it.Content+it.Summary), "иран") {
			t.Errorf("item without Iran left in region: %q", it.Title)
		}
	}
	// The next crawl of the unchanged feeds finds nothing to update.
	up.mu.Lock()
	up.faults = map[string]func(http.ResponseWriter){}
	up.mu.Unlock()
	st.SaveSourceStates(ctx, news.SourceState{SourceID: "lenta"}) // forget the ETag: a full refetch
	res := byID(c2.CrawlOnce(ctx, nil))
	if r := res["lenta"]; r.Updated != 0 || r.New != 0 {
		t.Errorf("refetch after reroute: %v", r)
	}
}

// TestRegionMatchesReading crawls the fixture feeds with the default
// feeds.yaml rules and checks REGION against testdata/route/region_expected.tsv,
// a list written by reading the items.
func TestRegionMatchesReading(t *testing.T) {
	ctx := context.Background()
	up := newUpstream(t)
	cfg, err := config.Load("../feeds.yaml")
	if err != nil {
		t.Fatal(err)
	}
	no := false
	cfg.Sources = nil
	for _, f := range []string{"lenta_rss_2022-12-03.xml", "node-feedparser_oren_ru_windows-1251_yandex.xml",
		"miniflux_ibash_windows-1251.xml", "feedparser_koi8r_nodecl.xml", "feeder_suspilne_ukrnet_fulltext.xml"} {
		cfg.Sources = append(cfg.Sources, config.Source{ID: strings.SplitN(f, "_", 2)[0], Name: f, URL: up.URL + "/" + f,
			Sections: []config.SectionRef{{ID: "all"}}, Interval: config.Duration(time.Hour), AllowPrivate: true,
			FetchArticle: &no, Kind: config.KindFeed, Republish: news.RepublishFull})
	}
	// milkleaks is served gzipped under its .gz name.
	data, _ := os.ReadFile("../testdata/feeds/milkleaks_turbo_undeclared_ns.xml.gz")
	up.fault("/milkleaks.xml", func(w http.ResponseWriter) { w.Write(data) })
	cfg.Sources = append(cfg.Sources, config.Source{ID: "milkleaks", Name: "milkleaks", URL: up.URL + "/milkleaks.xml",
		Sections: []config.SectionRef{{ID: "all"}}, Interval: config.Duration(time.Hour), AllowPrivate: true,
		FetchArticle: &no, Kind: config.KindFeed, Republish: news.RepublishFull})
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := aggregator.New(cfg, fetch.New(fetch.Options{}), st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.CrawlOnce(ctx, nil) {
		if r.Err != nil || r.New == 0 {
			t.Fatalf("%v", r)
		}
	}
	want := map[string]bool{}
	raw, _ := os.ReadFile("../testdata/route/region_expected.tsv")
	for _, line := range strings.Split(string(raw), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			want[strings.SplitN(line, "\t", 2)[0]] = true
		}
	}
	got := map[string]bool{}
	for _, it := range sectionTitles(t, st, "region") {
		got[it.GUID] = true
		if !want[it.GUID] {
			t.Errorf("in region but not expected: %s %q", it.GUID, it.Title)
		}
	}
	for g := range want {
		if !got[g] {
			t.Errorf("expected in region, missing: %s", g)
		}
	}

	// A word that routes an item finds it in search: routing and search
	// read words alike.
	router, err := aggregator.NewRouter(cfg)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, sec := range []string{"region", "politics", "world", "economy"} {
		for _, it := range sectionTitles(t, st, sec) {
			for _, d := range router.Explain(aggregator.ItemText(it)) {
				// "term Иран matched "Ирана" in title"
				rest, ok := strings.CutPrefix(d.Reason, "term ")
				term, where, _ := strings.Cut(rest, " matched ")
				if d.Section != sec || !ok || strings.HasSuffix(term, "*") || strings.HasSuffix(where, " in categories") {
					continue
				}
				found, err := st.SearchItems(ctx, term, 1000)
				if err != nil {
					t.Fatal(err)
				}
				in := false
				for _, f := range found {
					in = in || f.ID == it.ID
				}
				if !in {
					t.Errorf("%s: %s, but searching %q does not find %q", sec, d.Reason, term, it.Title)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d routed items checked in search", checked)
	}
}

// TestSourceIsNoSpeakerInItsItems: a source's items never credit the
// source itself (its name in the config) with a quote: an outlet reports its
// own text.
func TestSourceIsNoSpeakerInItsItems(t *testing.T) {
	ctx := context.Background()
	up, c, st := setup(t)
	up.fault("/lenta_rss_2022-12-03.xml", func(w http.ResponseWriter) {
		fmt.Fprint(w, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>
<item><guid>own</guid><title>Диалог</title><link>https://example.ru/news/2</link><content:encoded><![CDATA[
<p>«Мы готовы к диалогу», — заявил Сергей Лавров.</p><p>«Мы следим за развитием событий», — сообщает Lenta.ru.</p>
]]></content:encoded></item></channel></rss>`)
	})
	if r := byID(c.CrawlOnce(ctx, nil))["lenta"]; r.Err != nil || r.New != 1 {
		t.Fatalf("lenta: %+v", r)
	}
	for _, it := range sectionTitles(t, st, "all") {
		if it.SourceID != "lenta" {
			continue
		}
		if qs := it.Quotes; len(qs) != 2 || qs[0].Speaker != "Сергей Лавров" || qs[1].Text != "Мы следим за развитием событий" || qs[1].Speaker != "" {
			t.Errorf("quotes %+v, want Лавров's and Lenta.ru's own by no one", qs)
		}
	}
}

// quoteBomb is an RSS feed of one item: a quotation, then "Иван Петров
// Сергей Лавров " repeated to a megabyte. (Issue 14: 96 KB of the names
// cost quote finding 24 s of CPU, out of the time budget; a megabyte, days.)
var quoteBomb = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>
<item><guid>bomb</guid><title>Имена</title><link>https://example.ru/news/1</link><content:encoded><![CDATA[
<p>«Мы готовы к диалогу», — заявил Сергей Лавров.</p><p>` + strings.Repeat("Иван Петров Сергей Лавров ", 40_000) + `</p>
]]></content:encoded></item></channel></rss>`

// TestQuoteBombIsStored: the item of quoteBomb is crawled and stored with
// its quotation.
func TestQuoteBombIsStored(t *testing.T) {
	ctx := context.Background()
	up, _, st := setup(t)
	// The time budget is not what this tests (the quote tests count the
	// work): a slow machine under -race gets all the time it needs.
	cfg, err := config.Parse("test.yaml", []byte(fmt.Sprintf(testConfig, up.URL)+"fetch: {extract_timeout: 10m}\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := aggregator.New(cfg, fetch.New(fetch.Options{Timeout: 5 * time.Second}), st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	up.fault("/lenta_rss_2022-12-03.xml", func(w http.ResponseWriter) { fmt.Fprint(w, quoteBomb) })
	if r := byID(c.CrawlOnce(ctx, nil))["lenta"]; r.Err != nil || r.New != 1 {
		t.Fatalf("lenta: %+v", r)
	}
	for _, it := range sectionTitles(t, st, "all") {
		if it.SourceID != "lenta" {
			continue
		}
		if qs := it.Quotes; len(qs) != 1 || qs[0].Text != "Мы готовы к диалогу" || qs[0].Speaker != "Сергей Лавров" {
			t.Errorf("quotes %+v", qs)
		}
	}
}

// TestCrawlStopsWhileFindingQuotes: a crawl stopped (as SIGTERM stops
// `syndic run`) once its feed is read, while quote finding has the
// megabyte of quoteBomb before it, gives up at once, stores nothing and
// records nothing: the next run crawls the source again.
func TestCrawlStopsWhileFindingQuotes(t *testing.T) {
	up, _, st := setup(t)
	cfg, err := config.Parse("test.yaml", []byte(fmt.Sprintf(testConfig, up.URL)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c, err := aggregator.New(cfg, stopping{cancel}, st, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Crawl(ctx, cfg.Sources[0]); !errors.Is(r.Err, context.Canceled) || r.New != 0 {
		t.Errorf("crawl: %+v", r)
	}
	if items := sectionTitles(t, st, "all"); len(items) != 0 {
		t.Errorf("%d items stored", len(items))
	}
	if state, _ := st.SourceState(context.Background(), cfg.Sources[0].ID); state.Failures != 0 || state.ETag != "" {
		t.Errorf("state recorded: %+v", state)
	}
}

// stopping answers every request with quoteBomb, and stops the crawl as it
// does.
type stopping struct{ stop context.CancelFunc }

func (s stopping) Get(ctx context.Context, req fetch.Request) (*fetch.Response, error) {
	s.stop()
	return &fetch.Response{URL: req.URL, Status: 200, Body: []byte(quoteBomb), ContentType: "application/rss+xml", ETag: `"bomb"`}, nil
}
