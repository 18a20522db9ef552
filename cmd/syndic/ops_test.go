package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/syndic/syndic/store"
)

// TestRunOperationsAndGracefulShutdown runs `syndic run` against a loopback
// upstream whose article pages hang, reads /healthz and /metrics while the
// crawl is in flight, then stops the command: the crawl's items and source
// state are written before it returns.
func TestRunOperationsAndGracefulShutdown(t *testing.T) {
	articleAsked := make(chan struct{}, 10)
	var up *httptest.Server
	up = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>`+up.URL+`/</link><description>d</description>`)
			for i := range 3 {
				fmt.Fprintf(w, `<item><title>Story %d</title><link>%s/article/%d</link><guid>s%d</guid><description>Text %d.</description></item>`, i, up.URL, i, i, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case strings.HasPrefix(r.URL.Path, "/article/"):
			articleAsked <- struct{}{}
			<-r.Context().Done() // hangs until the client gives up
		default:
			http.NotFound(w, r)
		}
	}))
	defer up.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	cfg := filepath.Join(dir, "feeds.yaml")
	os.WriteFile(cfg, fmt.Appendf(nil, `
database: %s
listen: 127.0.0.1:0
sections: [{id: all}]
sources:
  - {id: up, url: "%s/feed.xml", sections: [all], allow_private: true, fetch_article: true}
  - {id: down, url: "%s/gone.xml", sections: [all], allow_private: true}
`, db, up.URL, strings.Replace(up.URL, "127.0.0.1", "localhost", 1)), 0o644) // another host: the fetcher paces per host

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"run", "--config", cfg}, strings.NewReader(""), io.Discard, &stderr) }()

	select {
	case <-articleAsked:
	case <-time.After(30 * time.Second):
		t.Fatalf("no article requested:\n%s", stderr.String())
	}
	m := regexp.MustCompile(`"addr":"(127\.0\.0\.1:\d+)"`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no address logged (JSON logs off a terminal):\n%s", stderr.String())
	}
	base := "http://" + m[1]

	// /healthz: ok, with the failing source's error once its crawl is recorded.
	var h health
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		h = health{}
		json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if resp.StatusCode != 200 || h.Status == "error" || len(h.Sources) != 2 {
			t.Fatalf("/healthz: %d %+v", resp.StatusCode, h)
		}
		if h.Sources[1].LastError != "" || time.Now().After(deadline) {
			break
		}
	}
	if s := h.Sources[1]; s.ID != "down" || !strings.Contains(s.LastError, "404") || s.Failures != 1 {
		t.Errorf("/healthz down = %+v", s)
	}

	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	for _, name := range []string{"syndic_fetches_total", "syndic_fetch_duration_seconds", "syndic_items_stored_total",
		"syndic_items_withheld_total", "syndic_publisher_responses_total", "syndic_publisher_render_duration_seconds", "go_goroutines"} {
		if fams[name] == nil {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	if w, err := http.Get(base + "/feeds/all.rss"); err != nil || w.StatusCode != 200 {
		t.Errorf("feed beside the ops endpoints: %v %v", w.StatusCode, err)
	}

	cancel() // the article fetch is in flight
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not stop")
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.CountItems(context.Background()); err != nil || n != 3 {
		t.Errorf("after shutdown: %d items stored, %v; want the 3 of the interrupted crawl", n, err)
	}
	if s, err := st.SourceState(context.Background(), "up"); err != nil || s.LastSuccess.IsZero() {
		t.Errorf("after shutdown: source state %+v, %v; want the crawl recorded", s, err)
	}
}
