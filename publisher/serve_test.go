package publisher

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/mmcdole/gofeed"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/syndic/syndic/news"
)

// archiveStore is a fake store with n items of three sources in section
// "big", every seventh without a usable link.
func archiveStore(n int) *fakeStore {
	st := &fakeStore{items: map[string][]news.Item{}, version: map[string]int64{"big": 1}, modified: map[string]time.Time{"big": testMod}}
	for i := range n {
		it := news.Item{
			SourceID: []string{"lenta", "caliber", "mt"}[i%3],
			GUID:     fmt.Sprintf("a%d", i),
			Link:     fmt.Sprintf("https://lenta.ru/news/%d/", i),
			Title:    fmt.Sprintf("Item %d", i),
			Summary:  "<p>Text.</p>",
			// Pairs share a time, and every fifth has none: ties and FetchedAt order them.
			Published: testMod.Add(-time.Duration(i/2) * time.Minute),
			FetchedAt: testMod.Add(-time.Duration(i/2) * time.Minute),
		}
		if i%5 == 0 {
			it.Published = time.Time{}
		}
		if i%7 == 3 {
			it.Link = "/relative/" + it.GUID
		}
		st.items["big"] = append(st.items["big"], it)
	}
	st.assignIDs()
	st.items["big"] = sorted(st.items["big"])
	return st
}

// walk follows rel=next (next_url in JSON) from path and returns the
// item links met, calling between after each page.
func walk(t *testing.T, p http.Handler, path string, between func(page int)) []string {
	t.Helper()
	var links []string
	for page := 0; path != ""; page++ {
		if page > 100 {
			t.Fatal("more than 100 pages")
		}
		w := get(t, p, "GET", path, nil)
		if w.Code != 200 {
			t.Fatalf("GET %s: %d", path, w.Code)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(w.Body.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, it := range feed.Items {
			links = append(links, it.Link)
		}
		next := nextLink(t, w.Body.Bytes())
		path = strings.TrimPrefix(next, testBase)
		if between != nil {
			between(page)
		}
	}
	return links
}

var nextRe = regexp.MustCompile(`<(?:atom:)?link href="([^"]+)" rel="next"`)

func nextLink(t *testing.T, body []byte) string {
	if bytes.HasPrefix(body, []byte("{")) {
		var jf struct {
			NextURL string `json:"next_url"`
		}
		if err := json.Unmarshal(body, &jf); err != nil {
			t.Fatal(err)
		}
		return jf.NextURL
	}
	if m := nextRe.FindSubmatch(body); m != nil {
		return strings.ReplaceAll(string(m[1]), "&amp;", "&")
	}
	return ""
}

func TestPagingWalksTheWholeArchive(t *testing.T) {
	const n = 137
	st := archiveStore(n)
	var want, wantCaliber []string
	for _, it := range st.items["big"] {
		if it.HasOriginalLink() {
			want = append(want, it.Link)
			if it.SourceID == "caliber" {
				wantCaliber = append(wantCaliber, it.Link)
			}
		}
	}
	sections := []news.Section{{ID: "big", Title: "Big"}}
	for _, f := range allFormats {
		t.Run(f.ext, func(t *testing.T) {
			st := archiveStore(n)
			p := New(st, Options{BaseURL: testBase, Sections: sections, Sources: testSources, FeedLength: 10, Recheck: -1})
			// New items arrive while the reader walks back.
			got := walk(t, p, "/feeds/big."+f.ext, func(page int) {
				at := testMod.Add(time.Duration(page+1) * time.Hour)
				st.touch("big", &news.Item{SourceID: "lenta", GUID: fmt.Sprintf("new%d", page),
					Link: fmt.Sprintf("https://lenta.ru/new/%d/", page), Title: "New", Published: at, FetchedAt: at}, at)
			})
			if !slices.Equal(got, want) {
				t.Errorf("walked %d items, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
			}
			if got := walk(t, p, "/feeds/source/caliber."+f.ext, nil); !slices.Equal(got, wantCaliber) {
				t.Errorf("source walk: %d items, want %d; first difference at %d", len(got), len(wantCaliber), firstDiff(got, wantCaliber))
			}
		})
	}
	p := New(archiveStore(n), Options{BaseURL: testBase, Sections: sections, FeedLength: 10, Recheck: -1})
	for _, q := range []string{"?before=x", "?before=12", "?before=1-2&before=3-4", "?before=0-0",
		"?before=-9223372036854775808-1", "?before=9223372036854775807-5", "?before=1700000000000000--3"} {
		if w := get(t, p, "GET", "/feeds/big.rss"+q, nil); w.Code != 400 {
			t.Errorf("%s: status %d, want 400", q, w.Code)
		}
	}
	if w := get(t, p, "GET", "/feeds/big.rss?utm_source=x", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `<atom:link href="`+testBase+`/feeds/big.rss" rel="self"`) {
		t.Errorf("unknown parameters: status %d, or self link not canonical", w.Code)
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestRepublishLevels checks every format of section and source feeds:
// full text only for "full" sources, an excerpt for "excerpt", the title
// and attribution alone for "title".
func TestRepublishLevels(t *testing.T) {
	p := newTestPublisher(newTestStore(), nil)
	const (
		lentaBody     = "Кремль сообщал о подготовке встречи"     // full: second paragraph
		caliberFourth = "Officials did not say when construction" // excerpt: beyond the limit
		caliberFirst  = "Azerbaijan and Russia discussed the North"
		tassSummary   = "The ministry said the talks were constructive"
	)
	for _, path := range []string{"/feeds/world", "/feeds/source/lenta", "/feeds/source/caliber", "/feeds/source/tass"} {
		for _, f := range allFormats {
			feed, err := gofeed.NewParser().ParseString(get(t, p, "GET", path+"."+f.ext, nil).Body.String())
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range feed.Items {
				text := it.Content + it.Description
				name := path + "." + f.ext + " " + it.Link
				switch {
				case strings.HasPrefix(it.Link, "https://lenta.ru/"):
					if !strings.Contains(it.Content, lentaBody) {
						t.Errorf("%s: full text missing", name)
					}
				case strings.HasPrefix(it.Link, "https://caliber.az/"):
					if strings.Contains(text, caliberFourth) {
						t.Errorf("%s: excerpt source republished in full", name)
					}
					if it.Link == "https://caliber.az/en/post/azerbaijan-russia-corridor" && !strings.Contains(text, caliberFirst) {
						t.Errorf("%s: excerpt missing", name)
					}
				case strings.HasPrefix(it.Link, "https://tass.com/"):
					if strings.Contains(text, tassSummary) {
						t.Errorf("%s: title-only source republished its text", name)
					}
				}
				if !strings.Contains(text, attributionOf(it.Link)) {
					t.Errorf("%s: no attribution", name)
				}
			}
		}
	}
}

func TestAttributionTemplateOption(t *testing.T) {
	sources := slices.Clone(testSources)
	sources[1].AttributionTemplate = "Источник: {source}[, через {via}] — {link}"
	p := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: sources, Recheck: -1,
		AttributionTemplate: "From {source}\n{notice}"})
	body := get(t, p, "GET", "/feeds/caucasus.json", nil).Body.String()
	for _, want := range []string{
		// caliber's own template, and its notice although the template lacks {notice}
		`<p>Источник: <a href=\"https://caliber.az/en/post/azerbaijan-russia-corridor\">Caliber.Az</a>, через TASS — <a href=\"https://caliber.az/en/post/azerbaijan-russia-corridor\">https://caliber.az/en/post/azerbaijan-russia-corridor</a></p><p>Any use of materials is allowed only if there is a hyperlink to <a href=\"https://caliber.az\">Caliber.az</a></p>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("caucasus.json lacks %s", want)
		}
	}
	if world := get(t, p, "GET", "/feeds/world.rss", nil).Body.String(); !strings.Contains(world, `&lt;p&gt;From &lt;a href=&#34;https://lenta.ru/news/2025/03/01/sovbez/&#34;&gt;Lenta.ru&lt;/a&gt;&lt;/p&gt;`) {
		t.Error("default template not applied to lenta")
	}
}

func TestEncodingsAndHeaders(t *testing.T) {
	p := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Recheck: -1,
		Hub: "https://hub.example.org/"})
	plain := get(t, p, "GET", "/feeds/world.atom", nil)
	for _, tt := range []struct {
		ae, enc string
	}{
		{"", ""}, {"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"br;q=0, gzip;q=0.5", "gzip"},
		{"*", "br"}, {"gzip;q=0", ""}, {"identity", ""}, {"x-gzip", "gzip"},
	} {
		w := get(t, p, "GET", "/feeds/world.atom", map[string]string{"Accept-Encoding": tt.ae})
		if got := w.Header().Get("Content-Encoding"); got != tt.enc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tt.ae, got, tt.enc)
		}
		body := w.Body.Bytes()
		if cl := w.Header().Get("Content-Length"); cl != fmt.Sprint(len(body)) {
			t.Errorf("%q: Content-Length %s for %d bytes", tt.ae, cl, len(body))
		}
		var r io.Reader = bytes.NewReader(body)
		switch tt.enc {
		case "gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		case "br":
			r = brotli.NewReader(r)
		}
		if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, plain.Body.Bytes()) {
			t.Errorf("%q: decoded body differs (%v)", tt.ae, err)
		}
		etag := w.Header().Get("ETag")
		for _, h := range []string{"Vary", "Cache-Control", "Last-Modified", "Link"} {
			if w.Header().Get(h) == "" {
				t.Errorf("%q: no %s", tt.ae, h)
			}
		}
		// Any representation's ETag validates, weak or strong.
		for _, inm := range []string{etag, "W/" + etag, plain.Header().Get("ETag"), `"x", ` + etag, "*"} {
			nm := get(t, p, "GET", "/feeds/world.atom", map[string]string{"Accept-Encoding": tt.ae, "If-None-Match": inm})
			if nm.Code != 304 || nm.Body.Len() != 0 || nm.Header().Get("ETag") != etag {
				t.Errorf("%q If-None-Match %s: status %d, body %d, ETag %q", tt.ae, inm, nm.Code, nm.Body.Len(), nm.Header().Get("ETag"))
			}
		}
	}
	if got := plain.Header().Get("Cache-Control"); got != "public, max-age=60" {
		t.Errorf("Cache-Control = %q", got)
	}
	if got := plain.Header()["Link"]; !slices.Equal(got, []string{`<https://hub.example.org/>; rel="hub"`, `<` + testBase + `/feeds/world.atom>; rel="self"`}) {
		t.Errorf("Link = %q", got)
	}
	for _, path := range []string{"/", "/opml", "/feeds/source/lenta.rss"} {
		w := get(t, p, "HEAD", path, map[string]string{"Accept-Encoding": "gzip"})
		if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" || w.Header().Get("ETag") == "" {
			t.Errorf("HEAD %s: status %d, body %d, headers %v", path, w.Code, w.Body.Len(), w.Header())
		}
		nm := get(t, p, "GET", path, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": w.Header().Get("ETag")})
		if nm.Code != 304 {
			t.Errorf("GET %s If-None-Match: %d", path, nm.Code)
		}
	}
}

// TestRecheck: with a positive Recheck the store's version is read at most
// once per interval, and a change shows after it. (No timing is asserted:
// a long interval shows the first, polling a short one the second.)
func TestRecheck(t *testing.T) {
	at := testMod.Add(time.Hour)
	late := &news.Item{SourceID: "lenta", GUID: "late", Link: "https://lenta.ru/late/", Title: "Late", Published: at}

	st := newTestStore()
	p := New(st, Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Recheck: time.Hour})
	first := get(t, p, "GET", "/feeds/world.rss", nil).Header().Get("ETag")
	st.touch("world", late, at)
	if got := get(t, p, "GET", "/feeds/world.rss", nil).Header().Get("ETag"); got != first {
		t.Error("version re-read before Recheck elapsed")
	}

	st = newTestStore()
	p = New(st, Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Recheck: 10 * time.Millisecond})
	first = get(t, p, "GET", "/feeds/world.rss", nil).Header().Get("ETag")
	st.touch("world", late, at)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		w := get(t, p, "GET", "/feeds/world.rss", nil)
		if w.Header().Get("ETag") != first && strings.Contains(w.Body.String(), "lenta.ru/late/") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("change not served after Recheck")
		}
	}
}

func TestWebSubPing(t *testing.T) {
	var mu sync.Mutex
	var pings []url.Values
	fail := false
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		mu.Lock()
		defer mu.Unlock()
		if r.Method != "POST" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
			t.Errorf("ping: %s with %q", r.Method, r.Header.Get("Content-Type"))
		}
		pings = append(pings, r.PostForm)
		if fail {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hub.Close()
	var logs logBuffer
	st := newTestStore()
	reg := prometheus.NewRegistry()
	p := New(st, Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Hub: hub.URL,
		HubPoster: httpPoster{}, Logger: newTextLogger(&logs), Metrics: reg})

	for _, f := range allFormats {
		body := get(t, p, "GET", "/feeds/world."+f.ext, nil).Body.String()
		if !strings.Contains(body, hub.URL) {
			t.Errorf("world.%s does not name the hub", f.ext)
		}
	}
	p.Poll(t.Context()) // no change since the requests: no ping
	p.Wait()
	if len(pings) != 0 {
		t.Fatalf("pinged without a change: %v", pings)
	}
	at := testMod.Add(time.Hour)
	st.touch("caucasus", &news.Item{SourceID: "caliber", GUID: "n1", Link: "https://caliber.az/n1", Title: "N1", Published: at}, at)
	p.Poll(t.Context())
	p.Wait()
	var got []string
	for _, v := range pings {
		if v.Get("hub.mode") != "publish" {
			t.Errorf("hub.mode = %q", v.Get("hub.mode"))
		}
		got = append(got, v.Get("hub.url"))
	}
	slices.Sort(got)
	want := []string{testBase + "/feeds/caucasus.atom", testBase + "/feeds/caucasus.json", testBase + "/feeds/caucasus.rss"}
	if !slices.Equal(got, want) {
		t.Errorf("pinged %q, want %q", got, want)
	}

	// A failing hub is logged, never fatal; Run polls by itself.
	mu.Lock()
	fail, pings = true, nil
	mu.Unlock()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	st.touch("world", nil, at)
	deadline := time.Now().Add(5 * time.Second)
	for {
		mu.Lock()
		n := len(pings)
		mu.Unlock()
		if n == 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	if len(pings) != 3 || !strings.Contains(logs.String(), "websub ping failed") {
		t.Errorf("after a failing hub: %d pings, logs:\n%s", len(pings), logs.String())
	}
	if w := get(t, p, "GET", "/feeds/world.rss", nil); w.Code != 200 {
		t.Errorf("serving after a failed ping: %d", w.Code)
	}
	if v := counterValue(t, reg, "syndic_websub_pings_total", "result", "error"); v != 3 {
		t.Errorf("error pings counted %v, want 3", v)
	}
}

// TestMetrics serves a few documents and parses /metrics output with the
// Prometheus text parser.
func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	var logs logBuffer
	p := New(newTestStore(), Options{BaseURL: testBase, Sections: testSections, Sources: testSources,
		Recheck: -1, Metrics: reg, Logger: newTextLogger(&logs)})
	etag := get(t, p, "GET", "/feeds/world.rss", nil).Header().Get("ETag")
	get(t, p, "GET", "/feeds/world.rss", map[string]string{"If-None-Match": etag})
	get(t, p, "GET", "/", nil)
	if v := counterValue(t, reg, "syndic_publisher_responses_total", "code", "200"); v != 2 {
		t.Errorf("200s = %v, want 2", v)
	}
	if v := counterValue(t, reg, "syndic_publisher_responses_total", "code", "304"); v != 1 {
		t.Errorf("304s = %v, want 1", v)
	}
	if v := counterValue(t, reg, "syndic_items_withheld_total", "", ""); v != 2 {
		t.Errorf("withheld = %v, want 2", v)
	}
	fams := gather(t, reg)
	h := fams["syndic_publisher_render_duration_seconds"]
	if h == nil || h.GetMetric()[0].GetHistogram().GetSampleCount() == 0 {
		t.Errorf("no render durations: %v", h)
	}
}

// gather serves reg over promhttp and parses the text exposition.
func gather(t *testing.T, reg *prometheus.Registry) map[string]*dto.MetricFamily {
	t.Helper()
	w := httptest.NewRecorder()
	promhttp.HandlerFor(reg, promhttp.HandlerOpts{}).ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(w.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, w.Body)
	}
	return fams
}

func counterValue(t *testing.T, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	fam := gather(t, reg)[name]
	if fam == nil {
		t.Fatalf("no metric %s", name)
	}
	for _, m := range fam.GetMetric() {
		ok := label == ""
		for _, l := range m.GetLabel() {
			if l.GetName() == label && l.GetValue() == value {
				ok = true
			}
		}
		if ok {
			return m.GetCounter().GetValue()
		}
	}
	return -1
}

// httpPoster posts with a plain client: in production the fetcher's
// guarded client is the publisher's FormPoster (cmd/syndic wires it).
type httpPoster struct{}

func (httpPoster) PostForm(ctx context.Context, target string, form url.Values) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s", resp.Status)
	}
	return nil
}

// While the store cannot be read, every document the publisher has read
// is served as it was (RFC 5861 stale-if-error: same body, ETag and
// Cache-Control, 304 to its validator), whether the outage hits the read
// of a section's version or of its items after a newer version was seen;
// a document never read gets 503 with Retry-After; ReadError (for
// /healthz) is set until a read succeeds again.
func TestServesLastGoodDocumentsThroughAnOutage(t *testing.T) {
	for _, tt := range []struct {
		name    string
		recheck time.Duration
		fail    func(st *fakeStore, err error)
	}{
		{"every read fails", -1, func(st *fakeStore, err error) { st.err = err }},
		{"items fail after a newer version", -1, func(st *fakeStore, err error) {
			st.version["world"]++
			st.version["caucasus"]++
			st.itemsErr = err
		}},
		{"every read fails, versions rechecked", time.Nanosecond, func(st *fakeStore, err error) { st.err = err }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := newTestStore()
			p := New(st, Options{BaseURL: testBase, Sections: testSections, Sources: testSources, Recheck: tt.recheck, FeedLength: 2})
			paths := []string{"/feeds/world.rss", "/feeds/world.json", "/feeds/source/tass.atom", "/"}
			good := map[string]*httptest.ResponseRecorder{}
			for _, path := range paths {
				w := get(t, p, "GET", path, nil)
				if w.Code != 200 || p.ReadError() != nil {
					t.Fatalf("healthy store %s: %d, ReadError %v", path, w.Code, p.ReadError())
				}
				good[path] = w
			}
			older := strings.TrimPrefix(nextLink(t, good["/feeds/world.rss"].Body.Bytes()), testBase)
			if older == "" {
				t.Fatal("world.rss links no older page")
			}
			if w := get(t, p, "GET", older, nil); w.Code != 200 {
				t.Fatalf("older page %s: %d", older, w.Code)
			} else {
				good[older] = w
			}

			st.mu.Lock()
			tt.fail(st, errors.New("dial tcp 127.0.0.1:5432: connect: connection refused"))
			st.mu.Unlock()
			for path, g := range good {
				for range 2 {
					w := get(t, p, "GET", path, nil)
					if w.Code != 200 || w.Body.String() != g.Body.String() {
						t.Fatalf("outage %s: %d, same body %v", path, w.Code, w.Body.String() == g.Body.String())
					}
					for _, h := range []string{"ETag", "Cache-Control", "Last-Modified", "Content-Type"} {
						if w.Header().Get(h) != g.Header().Get(h) {
							t.Errorf("outage %s: %s %q, was %q", path, h, w.Header().Get(h), g.Header().Get(h))
						}
					}
				}
				if w := get(t, p, "GET", path, map[string]string{"If-None-Match": g.Header().Get("ETag")}); w.Code != 304 {
					t.Errorf("outage %s with its ETag: %d, want 304", path, w.Code)
				}
			}
			if p.ReadError() == nil {
				t.Errorf("outage: ReadError nil")
			}
			for _, path := range []string{"/feeds/caucasus.atom", "/feeds/source/lenta.json"} {
				w := get(t, p, "GET", path, nil)
				if w.Code != 503 || w.Header().Get("Retry-After") == "" {
					t.Errorf("outage, never read %s: %d, Retry-After %q", path, w.Code, w.Header().Get("Retry-After"))
				}
			}

			st.mu.Lock()
			st.err, st.itemsErr = nil, nil
			st.mu.Unlock()
			for _, path := range append(paths, "/feeds/caucasus.atom") {
				if w := get(t, p, "GET", path, nil); w.Code != 200 {
					t.Errorf("store back %s: %d", path, w.Code)
				}
			}
			if p.ReadError() != nil {
				t.Errorf("store back: ReadError %v", p.ReadError())
			}
		})
	}
}

// An item's language reaches JSON Feed only as a well-formed language tag.
func TestLanguageTag(t *testing.T) {
	for in, want := range map[string]string{"ru": "ru", " EN-gb ": "en-GB", "uk-UA": "uk-UA", "": "",
		"en<script>": "", "русский": "", "x": ""} {
		if got := langTag(in); got != want {
			t.Errorf("langTag(%q) = %q, want %q", in, got, want)
		}
	}
}
