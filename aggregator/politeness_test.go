package aggregator_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
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

// fakeClock is a settable clock for the crawler and the store.
type fakeClock struct{ ns atomic.Int64 }

func newClock(t time.Time) *fakeClock {
	c := &fakeClock{}
	c.ns.Store(t.UnixNano())
	return c
}
func (c *fakeClock) Now() time.Time      { return time.Unix(0, c.ns.Load()).UTC() }
func (c *fakeClock) Add(d time.Duration) { c.ns.Add(int64(d)) }
func (c *fakeClock) Set(t time.Time)     { c.ns.Store(t.UnixNano()) }

// scripted is an upstream whose answer the test sets.
type scripted struct {
	*httptest.Server
	mu     sync.Mutex
	answer func(w http.ResponseWriter, r *http.Request)
}

func newScripted(t *testing.T) *scripted {
	s := &scripted{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		a := s.answer
		s.mu.Unlock()
		a(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *scripted) set(a func(w http.ResponseWriter, r *http.Request)) {
	s.mu.Lock()
	s.answer = a
	s.mu.Unlock()
}

// rss is a feed of n items numbered from first, with an optional <ttl>.
func rss(first, n int, ttl string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://example.ru/</link>`)
	if ttl != "" {
		b.WriteString("<ttl>" + ttl + "</ttl>")
	}
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, "<item><title>Item %d</title><link>https://example.ru/%d</link><guid>https://example.ru/%d</guid><description>Text %d</description></item>", i, i, i, i)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func feedAnswer(body string, headers ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	}
}

func statusAnswer(code int, headers ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.WriteHeader(code)
	}
}

func scheduleSetup(t *testing.T, extra string) (*scripted, *fakeClock, func() *aggregator.Crawler, *store.Store, config.Source) {
	t.Helper()
	up := newScripted(t)
	clock := newClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	cfg, err := config.Parse("test.yaml", []byte(fmt.Sprintf(`
sections: [{id: all}]
fetch: {flag_after: 3, max_backoff: 1h%s}
sources:
  - {id: s, url: "%s/feed", sections: [all], allow_private: true, fetch_article: false, interval: 10m}
`, extra, up.URL)))
	if err != nil {
		t.Fatal(err)
	}
	st := tempStore(t, store.WithClock(clock.Now))
	mk := func() *aggregator.Crawler {
		c, err := aggregator.New(cfg, fetch.New(fetch.Options{Timeout: 5 * time.Second, Now: clock.Now}), st, nil, clock.Now)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	return up, clock, mk, st, cfg.Sources[0]
}

func TestAdaptiveSchedule(t *testing.T) {
	ctx := context.Background()
	up, clock, mk, st, src := scheduleSetup(t, "")
	c := mk()
	step := func(what string, answer func(http.ResponseWriter, *http.Request), lo, hi time.Duration) aggregator.Result {
		t.Helper()
		up.set(answer)
		clock.Add(time.Hour)
		r := c.Crawl(ctx, src)
		if got := r.Next.Sub(clock.Now()); got < lo || got > hi {
			t.Errorf("%s: next in %s, want %s..%s (interval %s, err %v)", what, got, lo, hi, r.Interval, r.Err)
		}
		state, _ := st.SourceState(ctx, "s")
		if d := state.NextFetch.Sub(r.Next).Abs(); d > time.Millisecond || state.Failures != r.Failures {
			t.Errorf("%s: stored %+v, result %+v", what, state, r)
		}
		return r
	}
	exactly := func(d time.Duration) (time.Duration, time.Duration) { return d, d }
	s := func(n float64) time.Duration { return time.Duration(n * float64(time.Second)) }

	lo, hi := exactly(s(400))
	step("new items: 10m × 2/3", feedAnswer(rss(0, 3, "")), lo, hi)
	lo, hi = exactly(s(500))
	if r := step("304, nothing new: × 5/4", feedAnswer(rss(0, 3, "")), lo, hi); !r.NotModified {
		t.Errorf("not a 304: %v", r)
	}
	lo, hi = exactly(s(333))
	step("new items again", feedAnswer(rss(3, 2, "")), lo, hi)
	lo, hi = exactly(s(300))
	step("never under min_interval (5m)", feedAnswer(rss(5, 2, "")), lo, hi)
	lo, hi = exactly(s(3600))
	step("Cache-Control: max-age=3600 wins", feedAnswer(rss(7, 2, ""), "Cache-Control", "max-age=3600"), lo, hi)
	lo, hi = exactly(90 * time.Minute)
	step("<ttl>90</ttl> wins", feedAnswer(rss(9, 2, "90")), lo, hi)
	step("…and still holds on a 304", feedAnswer(rss(9, 2, "90")), lo, hi)
	lo, hi = exactly(2 * time.Hour)
	step("Expires in two hours", feedAnswer(rss(11, 1, ""), "Date", clock.Now().Add(time.Hour).Format(http.TimeFormat),
		"Expires", clock.Now().Add(3*time.Hour).Format(http.TimeFormat)), lo, hi)

	// Failures: backoff from the current interval, doubled, with jitter,
	// at most max_backoff (1h); Retry-After wins.
	cur := s(300)
	r := step("429 with Retry-After: 7200", statusAnswer(429, "Retry-After", "7200"), 2*time.Hour, 2*time.Hour)
	if r.Failures != 1 || r.Flagged || !strings.Contains(r.String(), "[failure 1; next try") {
		t.Errorf("after a 429: %v", r)
	}
	r = step("503, second failure", statusAnswer(503), cur*2*3/4, cur*2)
	r = step("503, third failure", statusAnswer(503), cur*4*3/4, cur*4)
	if r.Failures != 3 || !r.Flagged || !strings.Contains(r.String(), "[FLAGGED: failed 3 times in a row; next try") {
		t.Errorf("after 3 failures: %v", r)
	}
	for i := 4; i <= 8; i++ {
		r = step("503 again", statusAnswer(503), min(cur*time.Duration(1<<(i-1)), time.Hour)*3/4, time.Hour)
	}
	if r.Failures != 8 || !r.Flagged || r.Next.IsZero() {
		t.Errorf("a failing source must stay scheduled: %+v", r)
	}

	// A restart keeps the count; a success clears it.
	c = mk()
	r = step("restart, 503", statusAnswer(503), 45*time.Minute, time.Hour)
	if r.Failures != 9 {
		t.Errorf("failures after restart: %d", r.Failures)
	}
	lo, hi = exactly(s(400))
	r = step("recovers", feedAnswer(rss(20, 2, "")), lo, hi)
	if r.Failures != 0 || r.Flagged {
		t.Errorf("after recovery: %+v", r)
	}
	// After a restart the interval is read back from the stored schedule.
	c = mk()
	lo, hi = exactly(s(500))
	step("restart, 304", feedAnswer(rss(20, 2, "")), lo, hi)
}

func TestBackoffNeverDropsASource(t *testing.T) {
	ctx := context.Background()
	up, clock, mk, _, src := scheduleSetup(t, ", max_interval: 2h")
	c := mk()
	up.set(statusAnswer(500))
	for i := 0; i < 40; i++ {
		r := c.Crawl(ctx, src)
		if r.Err == nil || r.Next.IsZero() || r.Next.Sub(clock.Now()) > time.Hour || r.Next.Sub(clock.Now()) < 30*time.Second {
			t.Fatalf("failure %d: %+v", i+1, r)
		}
		clock.Set(r.Next)
	}
}

// TestIntervalAfterAnotherCrawler: a crawler that shares the source with
// another (two processes on one database) adapts the interval the other
// one left, not the one it remembers choosing itself.
func TestIntervalAfterAnotherCrawler(t *testing.T) {
	ctx := context.Background()
	up, clock, mk, _, src := scheduleSetup(t, "")
	a, b := mk(), mk()
	up.set(feedAnswer(rss(0, 3, "")))
	crawl := func(c *aggregator.Crawler, want time.Duration) {
		t.Helper()
		clock.Add(time.Hour)
		if r := c.Crawl(ctx, src); r.Interval != want {
			t.Errorf("interval %s, want %s (%v)", r.Interval, want, r.Err)
		}
	}
	crawl(a, 400*time.Second) // new items: 10m × 2/3
	crawl(b, 500*time.Second) // 304: × 5/4, from the stored schedule
	crawl(a, 625*time.Second) // 304: × 5/4 from b's 500s, not a's own 400s
	crawl(a, 781*time.Second) // its own choice again
}
