package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/syndic/syndic/store/storetest"
)

// scaleChildEnv names the config a re-executed test binary runs
// `syndic run --role crawl` with.
const scaleChildEnv = "SYNDIC_SCALE_CHILD"

// fetchEvent is one request for a feed: when, and by which crawler (its
// User-Agent).
type fetchEvent struct {
	at time.Time
	by string
}

// scaleUpstream serves feeds of perFeed items over several loopback hosts,
// and each item's article page a little slowly, recording every feed
// request and whether two requests ever reached one host at once.
type scaleUpstream struct {
	servers []*httptest.Server
	mu      sync.Mutex
	feeds   map[string][]fetchEvent // feed path → requests
	busy    map[string]bool         // host → a request is in flight
	overlap []string                // requests that found their host busy
}

func newScaleUpstream(t *testing.T, nHosts, perFeed int) *scaleUpstream {
	u := &scaleUpstream{feeds: map[string][]fetchEvent{}, busy: map[string]bool{}}
	for range nHosts {
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u.mu.Lock()
			if u.busy[r.Host] {
				u.overlap = append(u.overlap, r.Host+r.URL.Path)
			}
			u.busy[r.Host] = true
			if strings.HasPrefix(r.URL.Path, "/feed/") {
				u.feeds[r.URL.Path] = append(u.feeds[r.URL.Path], fetchEvent{time.Now(), r.UserAgent()})
			}
			u.mu.Unlock()
			defer func() {
				u.mu.Lock()
				u.busy[r.Host] = false
				u.mu.Unlock()
			}()
			switch {
			case strings.HasPrefix(r.URL.Path, "/feed/"):
				writeSyntheticFeed(w, srv.URL, strings.TrimPrefix(r.URL.Path, "/feed/"), perFeed)
			case strings.HasPrefix(r.URL.Path, "/a/"):
				time.Sleep(time.Duration(2+rand.IntN(6)) * time.Millisecond)
				writeSyntheticArticle(w, r.URL.Path)
			default:
				http.NotFound(w, r)
			}
		}))
		t.Cleanup(srv.Close)
		u.servers = append(u.servers, srv)
	}
	return u
}

func (u *scaleUpstream) snapshot() (map[string][]fetchEvent, []string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	feeds := make(map[string][]fetchEvent, len(u.feeds))
	for k, v := range u.feeds {
		feeds[k] = append([]fetchEvent(nil), v...)
	}
	return feeds, append([]string(nil), u.overlap...)
}

// TestCrawlersShareWork runs `syndic run --role crawl` in two processes on
// one PostgreSQL database against 120 loopback feeds on 12 hosts, with a
// 30s interval and a 2s lease. Crawler A is SIGKILLed during the first
// pass and a new crawler C starts; B and C go on into the second interval.
// Then: no two requests ever reached a host at once; within an interval
// every feed was fetched once in all (a feed A was crawling when it died
// once more, by another crawler, after A's lease lapsed); both crawlers
// took part in each pass; and the database holds every item once.
func TestCrawlersShareWork(t *testing.T) {
	if cfg := os.Getenv(scaleChildEnv); cfg != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		logFile, err := os.Create(cfg + ".log")
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		if err := run(ctx, []string{"run", "--role", "crawl", "--config", cfg}, strings.NewReader(""), io.Discard, logFile); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	db := storetest.Postgres(t)
	if testing.Short() {
		t.Skip("starts child processes and takes 40s")
	}
	const nHosts, nSources, perFeed = 12, 120, 10
	// The lease is renewed every third of it; 6 s leaves a crawler slowed by
	// a loaded machine (CI runs every package's race tests at once) time to
	// renew, so only the killed crawler's sources change hands.
	const interval, lease = 30 * time.Second, 6 * time.Second
	up := newScaleUpstream(t, nHosts, perFeed)
	dir := t.TempDir()
	config := func(name string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "database: %q\nuser_agent: crawler-%s\nfetch: {host_spacing: 0s, lease: %s, min_interval: %s}\nsections: [{id: all}]\nsources:\n",
			db, name, lease, interval)
		for i := range nSources {
			fmt.Fprintf(&b, "  - {id: s%03d, url: \"%s/feed/s%03d\", sections: [all], allow_private: true, interval: %s}\n",
				i, up.servers[i%nHosts].URL, i, interval)
		}
		path := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if log, err := os.ReadFile(path + ".log"); err == nil && t.Failed() {
				lines := strings.Split(strings.TrimSpace(string(log)), "\n")
				t.Logf("log of crawler %s, last lines:\n%s", name, strings.Join(lines[max(0, len(lines)-20):], "\n"))
			}
		})
		return path
	}
	start := func(name string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlersShareWork$")
		cmd.Env = append(os.Environ(), scaleChildEnv+"="+config(name))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd
	}
	conn, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	crawled := func() int {
		var n int
		// Before the first crawler has migrated, there is no table yet.
		conn.QueryRow(`SELECT count(*) FROM source_states WHERE last_success IS NOT NULL`).Scan(&n)
		return n
	}
	waitFor := func(what string, limit time.Duration, done func() bool) {
		t.Helper()
		deadline := time.Now().Add(limit)
		for !done() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within %s", what, limit)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}

	begin := time.Now()
	a, b := start("A"), start("B")
	waitFor("a quarter of the sources crawled", 30*time.Second, func() bool { return crawled() >= nSources/4 })
	killed := time.Now()
	a.Process.Kill() // SIGKILL, leases held
	a.Wait()
	t.Logf("A killed after %s, %d sources crawled", killed.Sub(begin).Round(time.Millisecond), crawled())
	c := start("C")
	waitFor("every source crawled", 30*time.Second, func() bool { return crawled() == nSources })
	firstPass := time.Since(begin)
	waitFor("every feed fetched in the second interval", interval+30*time.Second, func() bool {
		feeds, _ := up.snapshot()
		for i := range nSources {
			ev := feeds[fmt.Sprintf("/feed/s%03d", i)]
			if len(ev) == 0 || ev[len(ev)-1].at.Sub(ev[0].at) < interval-time.Second {
				return false
			}
		}
		return true
	})
	for _, cmd := range []*exec.Cmd{b, c} {
		cmd.Process.Signal(syscall.SIGTERM)
	}
	for name, cmd := range map[string]*exec.Cmd{"B": b, "C": c} {
		if err := cmd.Wait(); err != nil {
			t.Errorf("crawler %s: %v", name, err)
		}
	}

	feeds, overlap := up.snapshot()
	if len(overlap) > 0 {
		t.Errorf("%d requests reached a host while another request was in flight there, first %s", len(overlap), overlap[0])
	}
	retaken := 0
	byPass := [2]map[string]int{{}, {}}
	for i := range nSources {
		path := fmt.Sprintf("/feed/s%03d", i)
		ev := feeds[path]
		sort.Slice(ev, func(i, j int) bool { return ev[i].at.Before(ev[j].at) })
		for k, e := range ev {
			pass := 0
			if e.at.Sub(ev[0].at) >= interval-time.Second {
				pass = 1
			}
			byPass[pass][e.by]++
			if k == 0 {
				continue
			}
			gap := e.at.Sub(ev[k-1].at)
			switch {
			case gap >= interval-time.Second:
			case ev[k-1].by == "crawler-A" && e.by != "crawler-A" && ev[k-1].at.Before(killed) && e.at.After(killed):
				retaken++ // A died crawling it; taken over once its lease lapsed
			default:
				t.Errorf("%s fetched twice within its interval: by %s, then by %s %s later", path, ev[k-1].by, e.by, gap.Round(time.Millisecond))
			}
		}
	}
	if retaken > 32 { // at most A's crawls in flight: 8 reading feeds, the rest waiting for pages (aggregator's maxInFlight)
		t.Errorf("%d feeds fetched again after A died, more than it was crawling", retaken)
	}
	t.Logf("first pass %s; fetches by crawler in the first interval %v, in the second %v; %d feeds retaken from A",
		firstPass.Round(time.Millisecond), byPass[0], byPass[1], retaken)
	if byPass[0]["crawler-A"] == 0 || byPass[0]["crawler-B"] == 0 {
		t.Errorf("the first pass was not shared: %v", byPass[0])
	}
	if byPass[1]["crawler-B"] == 0 || byPass[1]["crawler-C"] == 0 {
		t.Errorf("the second pass was not shared: %v", byPass[1])
	}

	var items, dups int
	if err := conn.QueryRow(`SELECT count(*) FROM items`).Scan(&items); err != nil {
		t.Fatal(err)
	}
	if items != nSources*perFeed {
		t.Errorf("%d items stored, want %d", items, nSources*perFeed)
	}
	for _, q := range []string{
		`SELECT count(*) FROM (SELECT 1 FROM items GROUP BY source_id, guid HAVING count(*) > 1) d`,
		`SELECT count(*) FROM (SELECT 1 FROM items GROUP BY source_id, canonical_link HAVING count(*) > 1) d`,
		`SELECT count(*) FROM source_leases WHERE owner <> ''`,
	} {
		if err := conn.QueryRow(q).Scan(&dups); err != nil || dups != 0 {
			t.Errorf("%s: %d, %v", q, dups, err)
		}
	}
}

// BenchmarkCrawlers measures crawl throughput, in feeds per second, of one
// and of two `syndic run --role crawl` processes sharing a PostgreSQL
// database (SYNDIC_TEST_POSTGRES), on SYNDIC_BENCH_FEEDS loopback feeds
// (default 5,000) of 10 items over 100 hosts:
//
//   - new: the first crawl of every feed into a fresh schema (every item
//     new: parsed, stored and indexed);
//   - unchanged: every feed due again and answering 304 Not Modified (the
//     cost of the schedule, leases, host turns and state).
//
// Each figure runs from the start of the processes until every source has
// been crawled; a run takes a minute or two:
//
//	SYNDIC_TEST_POSTGRES=postgres://... go test -run '^$' -bench Crawlers -benchtime 1x ./cmd/syndic
func BenchmarkCrawlers(b *testing.B) {
	nFeeds := 5000
	if v := os.Getenv("SYNDIC_BENCH_FEEDS"); v != "" {
		if _, err := fmt.Sscan(v, &nFeeds); err != nil {
			b.Fatalf("SYNDIC_BENCH_FEEDS: %v", err)
		}
	}
	const nHosts, perFeed = 100, 10
	var servers []*httptest.Server
	for range nHosts {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.URL.Path, "/feed/") {
				http.NotFound(w, r)
				return
			}
			id := strings.TrimPrefix(r.URL.Path, "/feed/")
			etag := `"` + id + `"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>http://%s/</link>`, id, r.Host)
			for i := range perFeed {
				fmt.Fprintf(w, `<item><title>Новость %s номер %d</title><link>http://%s/a/%s/%d</link><guid>%s-%d</guid>`+
					`<pubDate>Mon, 02 Mar 2026 10:%02d:00 +0300</pubDate><description>Правительство заявило, что бюджет будет принят в срок; `+
					`министр финансов сообщил о росте доходов регионов. The ministry said talks were constructive (%s, %d).</description></item>`,
					id, i, r.Host, id, i, id, i, i%60, id, i)
			}
			io.WriteString(w, `</channel></rss>`)
		}))
		b.Cleanup(srv.Close)
		servers = append(servers, srv)
	}
	for _, procs := range []int{1, 2} {
		b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
			var newTime, unchangedTime time.Duration
			for b.Loop() {
				db := storetest.Postgres(b)
				dir := b.TempDir()
				var cfg strings.Builder
				fmt.Fprintf(&cfg, "database: %q\nfetch: {host_spacing: 0s}\nsections: [{id: all}]\nsources:\n", db)
				for i := range nFeeds {
					fmt.Fprintf(&cfg, "  - {id: s%05d, url: \"%s/feed/s%05d\", sections: [all], allow_private: true, fetch_article: false, interval: 30m}\n",
						i, servers[i%nHosts].URL, i)
				}
				path := filepath.Join(dir, "feeds.yaml")
				if err := os.WriteFile(path, []byte(cfg.String()), 0o644); err != nil {
					b.Fatal(err)
				}
				conn, err := sql.Open("pgx", db)
				if err != nil {
					b.Fatal(err)
				}
				newTime += crawlAll(b, conn, path, procs, nFeeds)
				if _, err := conn.Exec(`UPDATE source_leases SET due_at = 0`); err != nil {
					b.Fatal(err)
				}
				unchangedTime += crawlAll(b, conn, path, procs, nFeeds)
				var items int
				if err := conn.QueryRow(`SELECT count(*) FROM items`).Scan(&items); err != nil || items != nFeeds*perFeed {
					b.Fatalf("%d items stored, want %d (%v)", items, nFeeds*perFeed, err)
				}
				conn.Close()
			}
			b.ReportMetric(float64(nFeeds*b.N)/newTime.Seconds(), "new-feeds/s")
			b.ReportMetric(float64(nFeeds*b.N)/unchangedTime.Seconds(), "unchanged-feeds/s")
		})
	}
}

// crawlAll starts procs crawler processes on the config at path and
// returns the time until every one of the n sources has been crawled
// (successfully) since they started; then stops them.
func crawlAll(b *testing.B, conn *sql.DB, path string, procs, n int) time.Duration {
	b.Helper()
	start := time.Now()
	var cmds []*exec.Cmd
	for range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlersShareWork$")
		cmd.Env = append(os.Environ(), scaleChildEnv+"="+path)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	defer func() {
		for _, cmd := range cmds {
			cmd.Process.Signal(syscall.SIGTERM)
		}
		for _, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				b.Errorf("crawler: %v", err)
			}
		}
	}()
	deadline := start.Add(10 * time.Minute)
	for {
		var done int
		// Before the first crawler has migrated, there is no table yet.
		conn.QueryRow(`SELECT count(*) FROM source_states WHERE last_success >= $1`, start.UnixMicro()).Scan(&done)
		if done == n {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d sources crawled in 10 minutes", done, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
