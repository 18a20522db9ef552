package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
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

// TestCrawlWhileServing: the crawler writes new items as fast as it can
// while many clients read every feed; no request fails, no crawl fails, and
// nothing logs SQLITE_BUSY.
func TestCrawlWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("a few seconds of load")
	}
	// Each request of a feed shows three new items.
	var served atomic.Int64
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/feed/") {
			http.NotFound(w, r)
			return
		}
		n := int(served.Add(1)) * 3
		id := strings.TrimPrefix(r.URL.Path, "/feed/")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, id)
		for i := n; i < n+20; i++ {
			fmt.Fprintf(w, `<item><title>%s %d: Министр сказал о переговорах</title><link>https://example.ru/%s/%d</link>`+
				`<description><![CDATA[<p>Текст %d. «Мы договорились», — сказал министр.</p>]]></description></item>`, id, i, id, i, i)
		}
		io.WriteString(w, `</channel></rss>`)
	}))
	defer up.Close()

	dir := t.TempDir()
	var y strings.Builder
	fmt.Fprintf(&y, "database: %s\nfetch: {host_spacing: 0s}\nsections: [{id: all}, {id: talks, match: {any: [переговоры]}}]\nsources:\n", filepath.Join(dir, "c.db"))
	for i := range 8 {
		fmt.Fprintf(&y, "  - {id: s%d, url: \"%s/feed/s%d\", sections: [all], allow_private: true, fetch_article: false}\n", i, up.URL, i)
	}
	cfg, err := config.Parse("c.yaml", []byte(y.String()))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, cfg.Database, store.WithCheckpointInterval(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	crawler, err := aggregator.New(cfg, fetch.New(fetch.Options{Timeout: 10 * time.Second}), st, log, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(withOps(newPublisher(cfg, st, log, nil), newOps().routes(st, cfg, nil)))
	defer srv.Close()

	deadline := time.Now().Add(3 * time.Second)
	var wg sync.WaitGroup
	var crawls, crawlErrs atomic.Int64
	wg.Go(func() {
		for time.Now().Before(deadline) {
			for _, r := range crawler.CrawlOnce(ctx, nil) {
				crawls.Add(1)
				if r.Err != nil {
					crawlErrs.Add(1)
					t.Errorf("crawl %s: %v", r.Source, r.Err)
				}
			}
		}
	})
	var reads, failures atomic.Int64
	paths := []string{"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json", "/feeds/talks.rss", "/", "/healthz"}
	client := &http.Client{Timeout: 10 * time.Second}
	for c := range 16 {
		wg.Go(func() {
			etag := ""
			for i := 0; time.Now().Before(deadline); i++ {
				req, _ := http.NewRequest("GET", srv.URL+paths[(c+i)%len(paths)], nil)
				if etag != "" && i%2 == 0 {
					req.Header.Set("If-None-Match", etag)
				}
				resp, err := client.Do(req)
				reads.Add(1)
				if err != nil {
					failures.Add(1)
					t.Errorf("GET %s: %v", req.URL.Path, err)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 && resp.StatusCode != 304 {
					failures.Add(1)
					t.Errorf("GET %s: %d %s", req.URL.Path, resp.StatusCode, bytes.TrimSpace(body))
				}
				etag = resp.Header.Get("ETag")
			}
		})
	}
	wg.Wait()
	n, _ := st.CountItems(ctx)
	t.Logf("%d crawls (%d failed), %d reads (%d failed), %d items stored", crawls.Load(), crawlErrs.Load(), reads.Load(), failures.Load(), n)
	if crawls.Load() < 8 || reads.Load() < 50 || n < 50 {
		t.Errorf("too little load to mean anything")
	}
	for _, bad := range []string{"SQLITE_BUSY", "database is locked", "level=ERROR"} {
		if strings.Contains(logs.String(), bad) {
			t.Errorf("the log shows %s", bad)
		}
	}
}
