package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/feed"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

// hostileUpstream serves one hostile answer per path, the good fixture
// feeds, and 404 for robots.txt.
func hostileUpstream(t *testing.T) *httptest.Server {
	t.Helper()
	member := gzipped(t, make([]byte, 64<<20)) // 64 MiB of zeros in ~64 KB
	cyr := "Глава МИД провёл переговоры в Баку"
	cp1251, err := charmap.Windows1251.NewEncoder().String(fmt.Sprintf(
		`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Лента</title>`+
			`<item><title>%s</title><link>https://example.ru/cp1251</link><description>Текст новости</description></item></channel></rss>`, cyr))
	if err != nil {
		t.Fatal(err)
	}
	var xss strings.Builder
	xss.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>`)
	for i, p := range hostileHTML {
		fmt.Fprintf(&xss, `<item><title>%s</title><dc:creator>%s</dc:creator><link>https://example.ru/xss%d</link><content:encoded><![CDATA[<p>Body</p>%s]]></content:encoded></item>`,
			html.EscapeString("News "+p), html.EscapeString(p+" Иван Петров"), i, p)
	}
	xss.WriteString(`</channel></rss>`)
	// Items that make quote finding work hard: a megabyte each of names,
	// of quotations in one sentence, of nested quotation marks.
	var bombs strings.Builder
	bombs.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>`)
	for i, body := range []string{
		strings.Repeat("Иван Петров Сергей Лавров ", 40_000),
		strings.Repeat("«Да», — заявил Иван Петров, ", 20_000),
		strings.Repeat("«„", 100_000) + strings.Repeat("“»", 100_000),
	} {
		fmt.Fprintf(&bombs, `<item><title>Bomb %d</title><link>https://example.ru/bomb%d</link><content:encoded>%s</content:encoded></item>`, i, i, html.EscapeString("<p>"+body+"</p>"))
	}
	bombs.WriteString(`</channel></rss>`)

	answers := map[string]http.HandlerFunc{
		"/gzip-bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("Content-Encoding", "gzip")
			for range 64 { // 4 GiB inflated
				if _, err := w.Write(member); err != nil {
					return
				}
			}
		},
		"/endless": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`<rss version="2.0"><channel>`))
			chunk := bytes.Repeat([]byte("<item><title>x</title></item>\n"), 1000)
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
				w.(http.Flusher).Flush()
			}
		},
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			for r.Context().Err() == nil {
				w.Write([]byte("<"))
				w.(http.Flusher).Flush()
				select {
				case <-time.After(time.Second):
				case <-r.Context().Done():
				}
			}
		},
		"/loop": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/loop?again", http.StatusFound)
		},
		"/to-metadata": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", http.StatusFound)
		},
		"/to-metadata-v6": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://[fd00:ec2::254]/latest/meta-data/", http.StatusMovedPermanently)
		},
		"/million": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>`))
			w.Write(bytes.Repeat([]byte("<item/>"), 1_000_000))
			w.Write([]byte(`</channel></rss>`))
		},
		"/deep": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`<rss version="2.0"><channel><item><title>deep</title><description>`))
			w.Write(bytes.Repeat([]byte("<a>"), 100_000))
			w.Write(bytes.Repeat([]byte("</a>"), 100_000))
			w.Write([]byte(`</description></item></channel></rss>`))
		},
		"/deep-page": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<!doctype html><html><body>`))
			w.Write(bytes.Repeat([]byte("<div>"), 100_000))
			w.Write([]byte(`<a class="news" href="/a1">a</a>`))
		},
		"/laughs": func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">`+
				`<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">`+
				`<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">`+
				`<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]><rss version="2.0"><channel><title>&i;</title>`+
				`<item><title>Laughs &i;</title><link>https://example.ru/laughs</link><description>&i;</description></item></channel></rss>`)
		},
		"/xxe": func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`+
				`<rss version="2.0"><channel><title>x</title><item><title>XXE &xxe;</title><link>https://example.ru/xxe</link><description>&xxe;</description></item></channel></rss>`)
		},
		"/bad-utf8": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>x</title>"+
				"<item><title>Broken \xff\xfe\xc0 bytes</title><link>https://example.ru/bad-utf8</link><description>a\xedb</description></item></channel></rss>")
		},
		"/cp1251-as-utf8": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, cp1251)
		},
		"/rate-limited": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		},
		"/html": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, `<!DOCTYPE html><html><head><title>Login</title></head><body><form><input name=u></form></body></html>`)
		},
		"/xss": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, xss.String())
		},
		"/quote-bombs": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, bombs.String())
		},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a := answers[r.URL.Path]; a != nil {
			a(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "feeds", filepath.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// hostileHTML is the XSS corpus put in titles, bylines and content.
var hostileHTML = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<img srcset="javascript:alert(1) 1x">`,
	`<a href="JaVaScRiPt:alert(1)">link</a>`,
	`<svg><script>alert(1)</script></svg>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
	`<video poster="javascript:alert(1)"></video>`,
	`<a href="vbscript:x" onclick="alert(1)">v</a>`,
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// loopbackOnly keeps every test connection on the machine, whatever the
// guard lets through.
func loopbackOnly(t *testing.T) func(string, netip.AddrPort) error {
	return func(_ string, ap netip.AddrPort) error {
		if !ap.Addr().Unmap().IsLoopback() {
			t.Errorf("the guard let %s through", ap)
			return fmt.Errorf("test: %s is not loopback", ap)
		}
		return nil
	}
}

// TestHostileUpstreams is the fault-injection suite: every hostile answer
// costs bounded time and memory and gives its own source a clear error (or,
// for hostile content, is read harmlessly); the good sources are crawled;
// the republished feeds are well-formed and free of script.
func TestHostileUpstreams(t *testing.T) {
	up := hostileUpstream(t)
	dir := t.TempDir()
	yaml := fmt.Sprintf(`
database: %s
sections: [{id: all}]
feed_length: 1000
fetch: {host_spacing: 0s, max_bytes: 10MB}
sources:
  - {id: good-lenta, url: "%[2]s/lenta_rss_2022-12-03.xml", sections: [all], allow_private: true, fetch_article: false, timezone: Europe/Moscow}
  - {id: good-oren, url: "%[2]s/node-feedparser_oren_ru_windows-1251_yandex.xml", sections: [all], allow_private: true, fetch_article: false}
  - {id: gzip-bomb, url: "%[2]s/gzip-bomb", sections: [all], allow_private: true}
  - {id: endless, url: "%[2]s/endless", sections: [all], allow_private: true}
  - {id: slow, url: "%[2]s/slow", sections: [all], allow_private: true, timeout: 2s}
  - {id: loop, url: "%[2]s/loop", sections: [all], allow_private: true}
  - {id: to-metadata, url: "%[2]s/to-metadata", sections: [all], allow_private: true}
  - {id: to-metadata-v6, url: "%[2]s/to-metadata-v6", sections: [all], allow_private: true}
  - {id: private, url: "%[2]s/lenta_rss_2022-12-03.xml", sections: [all]}
  - {id: private-name, url: "%[3]s/lenta_rss_2022-12-03.xml", sections: [all]}
  - {id: million, url: "%[2]s/million", sections: [all], allow_private: true}
  - {id: deep, url: "%[2]s/deep", sections: [all], allow_private: true}
  - {id: deep-page, url: "%[2]s/deep-page", kind: page, item_links: a.news, sections: [all], allow_private: true}
  - {id: laughs, url: "%[2]s/laughs", sections: [all], allow_private: true, fetch_article: false}
  - {id: xxe, url: "%[2]s/xxe", sections: [all], allow_private: true, fetch_article: false}
  - {id: bad-utf8, url: "%[2]s/bad-utf8", sections: [all], allow_private: true, fetch_article: false}
  - {id: cp1251, url: "%[2]s/cp1251-as-utf8", sections: [all], allow_private: true, fetch_article: false}
  - {id: rate-limited, url: "%[2]s/rate-limited", sections: [all], allow_private: true}
  - {id: html, url: "%[2]s/html", sections: [all], allow_private: true}
  - {id: xss, url: "%[2]s/xss", sections: [all], allow_private: true, fetch_article: false}
  - {id: quote-bombs, url: "%[2]s/quote-bombs", sections: [all], allow_private: true, fetch_article: false}
`, filepath.Join(dir, "h.db"), up.URL, strings.Replace(up.URL, "127.0.0.1", "localhost", 1))
	cfg, err := config.Parse("hostile.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, cfg.Database)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f := fetch.New(fetch.Options{
		Timeout: cfg.Fetch.Timeout.D(), HeaderTimeout: cfg.Fetch.HeaderTimeout.D(), MaxBytes: int64(cfg.Fetch.MaxBytes),
		MaxRedirects: cfg.Fetch.MaxRedirects, CheckDial: loopbackOnly(t),
	})
	c, err := aggregator.New(cfg, f, st, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatal(err)
	}

	// Peak heap while crawling, sampled.
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	results := map[string]aggregator.Result{}
	for _, r := range c.CrawlOnce(ctx, nil) {
		results[r.Source] = r
	}
	took := time.Since(start)
	for _, r := range results {
		t.Log(r)
	}
	close(stop)
	<-sampled
	t.Logf("crawled %d sources in %s, peak heap %d MiB", len(results), took.Round(time.Millisecond), peak.Load()>>20)
	if took > 60*time.Second {
		t.Errorf("the crawl took %s", took)
	}
	if peak.Load() > 512<<20 {
		t.Errorf("peak heap %d MiB", peak.Load()>>20)
	}

	fails := map[string]struct {
		err  error
		text string
	}{
		"gzip-bomb":      {fetch.ErrTooLarge, "fetch.max_bytes"},
		"endless":        {fetch.ErrTooLarge, "fetch.max_bytes"},
		"slow":           {fetch.ErrTimeout, "after 2s"},
		"loop":           {fetch.ErrTooManyRedirects, "10 redirects"},
		"to-metadata":    {fetch.ErrMetadataAddress, "169.254.169.254"},
		"to-metadata-v6": {fetch.ErrMetadataAddress, "fd00:ec2::254"},
		"private":        {fetch.ErrPrivateAddress, "allow_private"},
		"private-name":   {fetch.ErrPrivateAddress, "loopback"},
		"deep":           {feed.ErrTooDeep, "fetch.max_depth"},
		"deep-page":      {extract.ErrTooDeep, "fetch.max_depth"},
		"rate-limited":   {nil, "429"},
		"html":           {feed.ErrNotFeed, "HTML"},
	}
	for id, want := range fails {
		r := results[id]
		if r.Err == nil {
			t.Errorf("%s: no error: %v", id, r)
			continue
		}
		if want.err != nil && !errors.Is(r.Err, want.err) || !strings.Contains(r.Err.Error(), want.text) {
			t.Errorf("%s: error %q, want %v mentioning %q", id, r.Err, want.err, want.text)
		}
		if !strings.HasPrefix(r.String(), id) || r.Next.IsZero() {
			t.Errorf("%s: summary %q, next %v", id, r, r.Next)
		}
	}
	if r := results["rate-limited"]; r.Next.Sub(time.Now()) < 59*time.Minute {
		t.Errorf("Retry-After: 3600 not honoured: next %v", r.Next)
	}
	for _, id := range []string{"good-lenta", "good-oren", "million", "laughs", "xxe", "bad-utf8", "cp1251", "xss", "quote-bombs"} {
		if r := results[id]; r.Err != nil {
			t.Errorf("%s: %v", id, r.Err)
		}
	}
	if r := results["good-lenta"]; r.New != 198 {
		t.Errorf("good-lenta: %v", r)
	}
	if r := results["million"]; r.Dropped != 1_000_000-config.DefaultMaxItems || r.New != 0 {
		t.Errorf("million: %v", r)
	}
	if r := results["quote-bombs"]; r.New != 3 {
		t.Errorf("quote-bombs: %v", r)
	}

	// What was stored and is republished.
	p := withOps(newPublisher(cfg, st, slog.New(slog.DiscardHandler), nil), newOps().routes(st, cfg, nil))
	byTitle := map[string]*gofeed.Item{}
	for _, format := range []string{"rss", "atom", "json"} {
		w := httptest.NewRecorder()
		p.ServeHTTP(w, httptest.NewRequest("GET", "/feeds/all."+format, nil))
		body := w.Body.Bytes()
		if w.Code != 200 {
			t.Fatalf("%s: %d", format, w.Code)
		}
		if format == "json" {
			if !json.Valid(body) {
				t.Fatal("invalid JSON Feed")
			}
		} else {
			d := xml.NewDecoder(bytes.NewReader(body))
			d.Strict = true
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s not well-formed: %v", format, err)
				}
			}
		}
		parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		for _, it := range parsed.Items {
			byTitle[it.Title] = it
			for _, s := range append([]string{it.Title}, authorNames(it)...) {
				if m := firstMarkup(s); m != "" {
					t.Errorf("%s: markup %q left in %q", format, m, s)
				}
			}
			for _, h := range []string{it.Content, it.Description} {
				low := strings.ToLower(h)
				for _, bad := range []string{"<script", "javascript:", "vbscript:", "onerror", "onclick", "srcdoc", "<svg", "<math", "<iframe", "<style"} {
					if strings.Contains(low, bad) {
						t.Errorf("%s: %q in %q", format, bad, h)
					}
				}
			}
		}
	}
	if _, ok := byTitle["Глава МИД провёл переговоры в Баку"]; !ok {
		t.Error("the windows-1251 feed declared as UTF-8 lost its title")
	}
	for title := range byTitle {
		if strings.Contains(title, "lolaaaa") || strings.Contains(title, "aaaaaaaaaaaaaaaaaaaa") || strings.Contains(title, "root:") {
			t.Errorf("entity expanded: %q", title)
		}
	}
	if n := len(byTitle); n < 198+len(hostileHTML) {
		t.Errorf("%d distinct titles republished", n)
	}

	// /healthz names every source and says who failed.
	w := httptest.NewRecorder()
	p.ServeHTTP(w, httptest.NewRequest("GET", "/healthz", nil))
	var h health
	if err := json.Unmarshal(w.Body.Bytes(), &h); err != nil || len(h.Sources) != len(cfg.Sources) {
		t.Fatalf("healthz: %v %s", err, w.Body)
	}
	for _, s := range h.Sources {
		if _, failed := fails[s.ID]; failed != (s.Failures == 1 && s.LastError != "") {
			t.Errorf("healthz %s: %+v", s.ID, s)
		}
	}
}

func authorNames(it *gofeed.Item) []string {
	var out []string
	for _, a := range it.Authors {
		out = append(out, a.Name)
	}
	return out
}

func firstMarkup(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.TextToken:
		default:
			return string(z.Raw())
		}
	}
}

// TestCrawlOnceFlagsFailingSource: a source that keeps failing is flagged
// in crawl --once and in /healthz, and still crawled every time.
func TestCrawlOnceFlagsFailingSource(t *testing.T) {
	var hits atomic.Int32
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/down.xml" {
			hits.Add(1)
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		http.NotFound(w, r)
	}))
	defer up.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "feeds.yaml")
	os.WriteFile(cfgPath, fmt.Appendf(nil, `
database: %s
fetch: {flag_after: 2}
sections: [{id: all}]
sources:
  - {id: down, url: "%s/down.xml", sections: [all], allow_private: true}
`, filepath.Join(dir, "f.db"), up.URL), 0o644)
	var out string
	for i := 1; i <= 3; i++ {
		out, _, _ = runCmd(t, "crawl", "--once", "--config", cfgPath)
		flagged := strings.Contains(out, "[FLAGGED: failed")
		if flagged != (i >= 2) || !strings.Contains(out, "503 Service Unavailable") {
			t.Errorf("pass %d:\n%s", i, out)
		}
	}
	if !strings.Contains(out, "1 failed (1 flagged: failing repeatedly)") || hits.Load() != 3 {
		t.Errorf("summary:\n%s\n%d requests", out, hits.Load())
	}
	cfg, _ := config.Load(cfgPath)
	st, err := store.Open(context.Background(), cfg.Database)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := httptest.NewRecorder()
	healthHandler(st, cfg, nil).ServeHTTP(w, httptest.NewRequest("GET", "/healthz", nil))
	var h health
	json.Unmarshal(w.Body.Bytes(), &h)
	if w.Code != 200 || h.Status != "degraded" || len(h.Flagged) != 1 || h.Flagged[0] != "down" || h.Sources[0].Failures != 3 ||
		!strings.Contains(h.Sources[0].LastError, "503") || h.Sources[0].NextFetch == nil {
		t.Errorf("healthz %d: %s", w.Code, w.Body)
	}
}
