package aggregator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
)

// BenchmarkNotModifiedPass crawls 5,000 feeds on 50 loopback hosts, every
// one answering 304 (host_spacing 0s, a SQLite store), and, in the same
// iteration, sends the same 5,000 conditional GETs straight to the
// upstream from 8 workers (the crawler's feeds in flight): feeds/s of the
// crawl, req/s of the raw requests, and their ratio.
//
//	go test -run '^$' -bench NotModifiedPass -benchtime 5x -count 5 ./aggregator
func BenchmarkNotModifiedPass(b *testing.B) {
	const hosts, feeds = 50, 5000
	var urls []string
	var servers []*httptest.Server
	for range hosts {
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><guid>%[1]s</guid><title>Story</title><link>%[2]s%[1]s</link><description>Text.</description></item></channel></rss>`, r.URL.Path, srv.URL)
		}))
		servers = append(servers, srv)
	}
	defer func() {
		for _, s := range servers {
			s.Close()
		}
	}()
	var y strings.Builder
	y.WriteString("sections: [{id: all}]\nfetch: {host_spacing: 0s}\nsources:\n")
	for i := range feeds {
		u := fmt.Sprintf("%s/feed/%d", servers[i%hosts].URL, i)
		urls = append(urls, u)
		fmt.Fprintf(&y, "  - {id: s%d, url: %q, sections: [all], allow_private: true, fetch_article: false}\n", i, u)
	}
	ctx := context.Background()
	c := benchCrawler(b, y.String())
	for _, r := range c.CrawlOnce(ctx, nil) { // every feed's item and ETag stored
		if r.Err != nil || r.New != 1 {
			b.Fatal(r)
		}
	}

	raw := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	var crawlTime, rawTime time.Duration
	for b.Loop() {
		start := time.Now()
		for _, r := range c.CrawlOnce(ctx, nil) {
			if r.Err != nil || !r.NotModified {
				b.Fatal(r)
			}
		}
		crawlTime += time.Since(start)

		start = time.Now()
		next := make(chan string)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for u := range next {
					req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
					req.Header.Set("If-None-Match", `"v1"`)
					resp, err := raw.Do(req)
					if err != nil || resp.StatusCode != http.StatusNotModified {
						b.Error(u, err)
						return
					}
					resp.Body.Close()
				}
			}()
		}
		for _, u := range urls {
			next <- u
		}
		close(next)
		wg.Wait()
		rawTime += time.Since(start)
	}
	crawlRate := float64(feeds*b.N) / crawlTime.Seconds()
	rawRate := float64(feeds*b.N) / rawTime.Seconds()
	b.ReportMetric(crawlRate, "feeds/s")
	b.ReportMetric(rawRate, "raw-req/s")
	b.ReportMetric(crawlRate/rawRate, "ratio")
}

// BenchmarkKnownSummaryFeed crawls again a feed of 200 summaries whose
// article pages are all stored (the feed answers 200 each time, with no
// validators): each pass looks the items up in the store, keeps what their
// pages gave and reads no page.
//
//	go test -run '^$' -bench KnownSummaryFeed -count 5 ./aggregator
func BenchmarkKnownSummaryFeed(b *testing.B) {
	const n = 200
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
			for i := range n {
				fmt.Fprintf(w, `<item><guid>%[1]s/news/%[2]d</guid><title>Story %[2]d</title><link>%[1]s/news/%[2]d</link><description>Summary %[2]d.</description></item>`, srv.URL, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/news/"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>Story</title></head><body><article><h1>Story %s</h1>
<p>The minister said on Monday that the talks with the delegation had gone well and would go on next week.</p>
<p>“We are ready to continue,” said Ivan Petrov, the minister of foreign affairs.</p></article></body></html>`, r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	c := benchCrawler(b, fmt.Sprintf(
		"sections: [{id: all}]\nfetch: {host_spacing: 0s, pages_per_host: %d}\nsources:\n  - {id: s, url: %q, sections: [all], allow_private: true, fetch_article: true}\n", n, srv.URL+"/feed"))
	if r := c.CrawlOnce(ctx, nil)[0]; r.Err != nil || r.New != n || r.Articles != n {
		b.Fatal(r)
	}
	for b.Loop() {
		if r := c.CrawlOnce(ctx, nil)[0]; r.Err != nil || r.Unchanged != n || r.Articles != 0 {
			b.Fatal(r)
		}
	}
}

// benchCrawler is a crawler of the config yamlText on a new SQLite store,
// closed when the benchmark ends.
func benchCrawler(b *testing.B, yamlText string) *aggregator.Crawler {
	b.Helper()
	c, _, _ := newCrawler(b, yamlText, fetch.Options{}, nil)
	return c
}
