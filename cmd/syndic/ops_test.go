package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
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

	"github.com/syndic/syndic/config"
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
  - {id: down, url: "%s/gone.xml?apikey=k3y", sections: [all], allow_private: true}
`, db, up.URL, strings.Replace(up.URL, "http://127.0.0.1", "http://user:s3cret@localhost", 1)), 0o644) // another host: the fetcher paces per host

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
	if s := h.Sources[1].LastError; strings.Contains(s, "s3cret") || strings.Contains(s, "k3y") || !strings.Contains(s, "/gone.xml?…") {
		t.Errorf("/healthz shows the source URL's credentials: %q", s)
	}
	if resp, err := http.Post(base+"/healthz", "text/plain", nil); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /healthz: %v %v", resp.StatusCode, err)
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
	// The first article page hangs; the other two wait in the host's queue.
	if f := fams["syndic_page_queue_length"]; f == nil || len(f.Metric) != 1 ||
		f.Metric[0].GetLabel()[0].GetValue() != strings.TrimPrefix(up.URL, "http://") || f.Metric[0].GetGauge().GetValue() != 2 {
		t.Errorf("/metrics page queue: %v, want 2 pages waiting for %s", f, up.URL)
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
	if logs := stderr.String(); strings.Contains(logs, "s3cret") || strings.Contains(logs, "k3y") {
		t.Errorf("the logs show the source URL's credentials:\n%s", logs)
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

// /healthz and /metrics are served beside the feeds only on a loopback
// listener; ops_listen puts them on their own, and the feeds' listener
// then answers them 404.
func TestOpsListen(t *testing.T) {
	cfg := config.Default()
	cfg.Sections = []config.Section{{ID: "all"}}
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	site := http.NewServeMux()
	site.HandleFunc("/feeds/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "feeds") })
	o := newOps()
	status := func(h http.Handler, method, path string) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(method, path, nil))
		return w.Code
	}
	listen := func(addr string) net.Listener {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Skipf("listen %s: %v", addr, err)
		}
		t.Cleanup(func() { ln.Close() })
		return ln
	}
	log := slog.New(slog.DiscardHandler)

	// Loopback, no ops_listen: one endpoint serving both.
	eps, err := endpoints(cfg, listen("127.0.0.1:0"), site, o.routes(st, cfg, nil), log)
	if err != nil || len(eps) != 1 {
		t.Fatalf("loopback: %d endpoints, %v", len(eps), err)
	}
	for _, tt := range []struct {
		method, path string
		want         int
	}{{"GET", "/healthz", 200}, {"HEAD", "/healthz", 200}, {"GET", "/metrics", 200}, {"HEAD", "/metrics", 200},
		{"POST", "/healthz", 405}, {"DELETE", "/metrics", 405}, {"GET", "/feeds/all.rss", 200}} {
		if got := status(eps[0].h, tt.method, tt.path); got != tt.want {
			t.Errorf("loopback %s %s: %d, want %d", tt.method, tt.path, got, tt.want)
		}
	}

	// A public listener without ops_listen: the feeds only.
	eps, err = endpoints(cfg, listen("0.0.0.0:0"), site, o.routes(st, cfg, nil), log)
	if err != nil || len(eps) != 1 {
		t.Fatalf("public: %d endpoints, %v", len(eps), err)
	}
	if got := status(eps[0].h, "GET", "/healthz"); got == 200 {
		t.Errorf("public listener serves /healthz")
	}

	// ops_listen: two endpoints, each with its own routes.
	cfg.OpsListen = "127.0.0.1:0"
	eps, err = endpoints(cfg, listen("127.0.0.1:0"), site, o.routes(st, cfg, nil), log)
	if err != nil || len(eps) != 2 {
		t.Fatalf("ops_listen: %d endpoints, %v", len(eps), err)
	}
	t.Cleanup(func() { eps[1].ln.Close() })
	if status(eps[0].h, "GET", "/healthz") == 200 || status(eps[0].h, "GET", "/metrics") == 200 {
		t.Errorf("with ops_listen the feeds' listener still serves ops routes")
	}
	if status(eps[1].h, "GET", "/healthz") != 200 || status(eps[1].h, "GET", "/feeds/all.rss") != 404 {
		t.Errorf("ops listener: healthz %d, feeds %d", status(eps[1].h, "GET", "/healthz"), status(eps[1].h, "GET", "/feeds/all.rss"))
	}
}

// The server cuts clients that hold a connection without using it: a
// request sent too slowly, an answer never read, a keep-alive connection
// left idle. (The limits are short here; the bound on the wait is only a
// test's patience, far above them.)
func TestServerCutsSlowClients(t *testing.T) {
	big := strings.Repeat("x", 64<<20)
	wrote := make(chan error, 1)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/big" {
			_, err := io.WriteString(w, big)
			wrote <- err
			return
		}
		io.WriteString(w, "ok")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	lim := serverLimits{readHeader: 200 * time.Millisecond, read: 300 * time.Millisecond, write: 300 * time.Millisecond,
		idle: 200 * time.Millisecond, maxHeaderBytes: 4 << 10}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, slog.New(slog.DiscardHandler), lim, endpoint{ln, h}) }()
	defer func() { cancel(); <-done }()
	addr := ln.Addr().String()

	// closed reports whether the server closes conn within the test's patience.
	closed := func(conn net.Conn) bool {
		conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		_, err := io.Copy(io.Discard, conn)
		var ne net.Error
		return !(errors.As(err, &ne) && ne.Timeout())
	}
	dial := func() net.Conn {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}

	slow := dial() // half a request line, then nothing
	io.WriteString(slow, "GET / HTTP/1.1\r\nHost: x\r\n")
	if !closed(slow) {
		t.Error("a client that never finishes its headers is not cut")
	}

	idle := dial() // one request, then idle on the kept-alive connection
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if !closed(idle) {
		t.Error("an idle keep-alive connection is not closed")
	}

	// A client that asks for a large answer and never reads it: the
	// server gives up writing.
	stalled := dial()
	io.WriteString(stalled, "GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
	select {
	case err := <-wrote:
		if err == nil {
			t.Error("a client that does not read got the whole answer written")
		}
	case <-time.After(20 * time.Second):
		t.Error("the write to a client that does not read is not cut")
	}

	huge := dial() // headers over the cap
	fmt.Fprintf(huge, "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: %s\r\n\r\n", strings.Repeat("p", 16<<10))
	huge.SetReadDeadline(time.Now().Add(20 * time.Second))
	line, _ := bufio.NewReader(huge).ReadString('\n')
	if !strings.Contains(line, "431") {
		t.Errorf("oversized headers: %q, want 431", line)
	}
}

// /healthz answers 503 while feed reads fail, though the source states
// (another table) still read.
func TestHealthzReportsFailingFeedReads(t *testing.T) {
	cfg := config.Default()
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var failing error
	h := healthHandler(st, cfg, func() error { return failing })
	for _, tt := range []struct {
		err  error
		want int
	}{{nil, 200}, {errors.New("database disk image is malformed"), 503}, {nil, 200}} {
		failing = tt.err
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/healthz", nil))
		if w.Code != tt.want {
			t.Errorf("feed reads failing with %v: /healthz %d, want %d", tt.err, w.Code, tt.want)
		}
	}
}
