package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// serve starts a test server that answers every request with h.
func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGetCharsets(t *testing.T) {
	variants := []struct {
		name        string
		body        func(b []byte, cs string) []byte
		contentType func(cs string) string
	}{
		{"prolog only", func(b []byte, _ string) []byte { return b }, func(string) string { return "application/rss+xml" }},
		{"header only", func(b []byte, _ string) []byte { return withoutDeclaration(b) }, func(cs string) string { return "application/rss+xml; charset=" + cs }},
		{"not at all", func(b []byte, _ string) []byte { return withoutDeclaration(b) }, func(string) string { return "text/xml" }},
		{"header wrongly utf-8", func(b []byte, _ string) []byte { return b }, func(string) string { return "text/xml; charset=utf-8" }},
		{"both wrongly utf-8", func(b []byte, _ string) []byte { return declaredAs(b, "utf-8") }, func(string) string { return "text/xml; charset=utf-8" }},
	}
	c := newClient(Options{})
	for _, fx := range singleByteFixtures {
		raw := readFixture(t, fx.file)
		for _, v := range variants {
			t.Run(fx.file+"/"+v.name, func(t *testing.T) {
				body := v.body(bytes.Clone(raw), fx.charset)
				ct := v.contentType(fx.charset)
				srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", ct)
					w.Write(body)
				})
				resp, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL + "/feed.xml"})
				if err != nil {
					t.Fatal(err)
				}
				if resp.Charset != fx.charset {
					t.Errorf("Charset = %q, want %q", resp.Charset, fx.charset)
				}
				if !bytes.Contains(resp.Body, []byte(fx.want)) {
					t.Errorf("body lacks %q", fx.want)
				}
				if resp.ContentType != ct || resp.Status != 200 || resp.URL != srv.URL+"/feed.xml" {
					t.Errorf("ContentType, Status, URL = %q, %d, %q", resp.ContentType, resp.Status, resp.URL)
				}
			})
		}
	}
	t.Run("miniflux first title", func(t *testing.T) {
		raw := readFixture(t, "miniflux_ibash_windows-1251.xml")
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write(raw) })
		resp, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(resp.Body), "<item>")
		_, rest, _ = strings.Cut(rest, "<title>")
		title, _, _ := strings.Cut(rest, "</title>")
		if title != "Цитата #17703" {
			t.Errorf("first title = %q", title)
		}
	})
}

func TestGetConditional(t *testing.T) {
	const etag, lastMod = `"v1-abc"`, "Sat, 03 Dec 2022 16:43:00 GMT"
	feed := readFixture(t, "lenta_rss_2022-12-03.xml")
	tests := []struct {
		name          string
		req           Request
		sendValidator bool // server repeats validators on 304
		wantNotMod    bool
	}{
		{"first fetch", Request{}, true, false},
		{"etag matches", Request{ETag: etag}, true, true},
		{"last-modified matches", Request{LastModified: lastMod}, true, true},
		{"both, 304 without validators", Request{ETag: etag, LastModified: lastMod}, false, true},
		{"stale etag", Request{ETag: `"v0"`}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotINM, gotIMS string
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				gotINM, gotIMS = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
				if tt.sendValidator {
					w.Header().Set("ETag", etag)
					w.Header().Set("Last-Modified", lastMod)
				}
				if gotINM == etag || (gotINM == "" && gotIMS == lastMod) {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				w.Header().Set("ETag", etag)
				w.Header().Set("Last-Modified", lastMod)
				w.Write(feed)
			})
			req := tt.req
			req.URL, req.AllowPrivate = srv.URL, true
			resp, err := newClient(Options{}).Get(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if gotINM != tt.req.ETag || gotIMS != tt.req.LastModified {
				t.Errorf("sent If-None-Match %q, If-Modified-Since %q", gotINM, gotIMS)
			}
			if resp.NotModified != tt.wantNotMod {
				t.Fatalf("NotModified = %v", resp.NotModified)
			}
			if tt.wantNotMod {
				if resp.Body != nil || resp.Status != 304 {
					t.Errorf("304: Body %d bytes, Status %d", len(resp.Body), resp.Status)
				}
				if resp.ETag != tt.req.ETag && resp.ETag != etag || resp.LastModified != tt.req.LastModified && resp.LastModified != lastMod {
					t.Errorf("validators changed: %q %q", resp.ETag, resp.LastModified)
				}
				return
			}
			if resp.ETag != etag || resp.LastModified != lastMod || !bytes.Equal(resp.Body, feed) {
				t.Errorf("200: ETag %q, Last-Modified %q, body %d bytes", resp.ETag, resp.LastModified, len(resp.Body))
			}
		})
	}
}

func TestGetGzip(t *testing.T) {
	lenta := readFixture(t, "lenta_rss_2022-12-03.xml")
	turboGz := readFixture(t, "milkleaks_turbo_undeclared_ns.xml.gz")
	tests := []struct {
		name     string
		body     []byte
		encoding string
		ctype    string
		want     string
	}{
		{"content-encoding gzip", gzipBytes(t, lenta), "gzip", "application/rss+xml; charset=utf-8", "<title>Стало известно о задержании бизнесмена Михаила Фридмана в Лондоне</title>"},
		{"gzipped fixture as content-encoding", turboGz, "gzip", "application/rss+xml", "<title>Обход блокировки Telegram</title>"},
		{"gzip file without content-encoding", turboGz, "", "application/gzip", "<title>Обход блокировки Telegram</title>"},
		{"identity", lenta, "", "text/xml", "<title>Стало известно"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotAE string
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				gotAE = r.Header.Get("Accept-Encoding")
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
				w.Header().Set("Content-Type", tt.ctype)
				w.Write(tt.body)
			})
			resp, err := newClient(Options{}).Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			if gotAE != "gzip" {
				t.Errorf("Accept-Encoding = %q", gotAE)
			}
			if !bytes.Contains(resp.Body, []byte(tt.want)) || resp.Charset != "utf-8" {
				t.Errorf("body (%s) lacks %q: %.100q", resp.Charset, tt.want, resp.Body)
			}
		})
	}
}

func TestGetTooLarge(t *testing.T) {
	const limit = 1 << 20
	zeros := gzipBytes(t, make([]byte, 64<<20)) // 64 MiB of zeros in about 64 KB
	if len(zeros) > limit/4 {
		t.Fatalf("bomb is %d bytes", len(zeros))
	}
	tests := []struct {
		name     string
		handler  http.HandlerFunc
		tooLarge bool
	}{
		{"gzip bomb", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zeros)
		}, true},
		{"gzip bomb without content-encoding", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(zeros)
		}, true},
		{"content-length over the cap", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(limit+1))
			w.Write(make([]byte, limit+1))
		}, true},
		{"chunked over the cap", func(w http.ResponseWriter, r *http.Request) {
			chunk := bytes.Repeat([]byte("<item/>\n"), 4096)
			for range limit/len(chunk) + 2 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
				w.(http.Flusher).Flush()
			}
		}, true},
		{"exactly the cap", func(w http.ResponseWriter, r *http.Request) {
			w.Write(bytes.Repeat([]byte("a"), limit))
		}, false},
	}
	c := newClient(Options{MaxBytes: limit})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			resp, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL})
			if !tt.tooLarge {
				if err != nil || len(resp.Body) != limit {
					t.Fatalf("err %v", err)
				}
				return
			}
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			if !strings.Contains(err.Error(), strconv.Itoa(limit)) || !strings.Contains(err.Error(), srv.URL) {
				t.Errorf("error %q names neither limit nor URL", err)
			}
		})
	}
}

func TestGetTimeout(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"no headers", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{"body stalls", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<rss><channel>"))
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}},
	}
	c := newClient(Options{Timeout: 200 * time.Millisecond})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			_, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL + "/slow"})
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), srv.URL+"/slow") || !strings.Contains(err.Error(), "timed out after 200ms") {
				t.Errorf("err = %v", err)
			}
		})
	}
	t.Run("caller cancels", func(t *testing.T) {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
		ctx, cancel := context.WithCancel(context.Background())
		go func() { time.Sleep(50 * time.Millisecond); cancel() }()
		_, err := newClient(Options{}).Get(ctx, Request{AllowPrivate: true, URL: srv.URL})
		if !errors.Is(err, context.Canceled) || strings.Contains(err.Error(), "timed out") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestGetStatus(t *testing.T) {
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		code       int
		retryAfter string
		want       time.Duration
	}{
		{"not found", 404, "", 0},
		{"server error", 500, "", 0},
		{"unavailable, seconds", 503, "120", 2 * time.Minute},
		{"too many, date", 429, now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"garbage retry-after", 503, "soon", 0},
		{"gone", 410, "", 0},
	}
	c := newClient(Options{Now: func() time.Time { return now }})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.code)
				io.WriteString(w, "<html>error page</html>")
			})
			_, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL + "/rss"})
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *StatusError", err)
			}
			if se.Code != tt.code || se.RetryAfter != tt.want || se.URL != srv.URL+"/rss" {
				t.Errorf("StatusError = %+v", se)
			}
			want := "GET " + srv.URL + "/rss: " + strconv.Itoa(tt.code) + " " + http.StatusText(tt.code)
			if err.Error() != want {
				t.Errorf("Error() = %q, want %q", err, want)
			}
		})
	}
}

func TestGetRequest(t *testing.T) {
	var got http.Header
	final := serve(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Write([]byte("<rss/>"))
	})
	redirect := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, final.URL+"/moved", http.StatusMovedPermanently)
	})
	resp, err := newClient(Options{}).Get(context.Background(), Request{AllowPrivate: true, URL: redirect.URL + "/old"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != final.URL+"/moved" {
		t.Errorf("URL = %q", resp.URL)
	}
	if got.Get("User-Agent") != DefaultUserAgent || got.Get("Accept") != DefaultAccept {
		t.Errorf("headers = %v", got)
	}
	if _, err := newClient(Options{UserAgent: "x/1"}).Get(context.Background(), Request{AllowPrivate: true, URL: final.URL, Accept: "text/html"}); err != nil {
		t.Fatal(err)
	}
	if got.Get("User-Agent") != "x/1" || got.Get("Accept") != "text/html" {
		t.Errorf("headers = %v", got)
	}
	for _, bad := range []string{"ftp://example.com/feed", "/relative", "http://", "http://a b/"} {
		if _, err := newClient(Options{}).Get(context.Background(), Request{AllowPrivate: true, URL: bad}); err == nil || !strings.Contains(err.Error(), "GET ") {
			t.Errorf("Get(%q) err = %v", bad, err)
		}
	}
}

// inflight counts concurrent requests a server is handling.
type inflight struct {
	now, max atomic.Int32
}

func (f *inflight) enter() {
	n := f.now.Add(1)
	for {
		m := f.max.Load()
		if n <= m || f.max.CompareAndSwap(m, n) {
			return
		}
	}
}

func (f *inflight) leave() { f.now.Add(-1) }

func TestGetPerHost(t *testing.T) {
	t.Run("one host, one at a time", func(t *testing.T) {
		var f inflight
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			f.enter()
			defer f.leave()
			time.Sleep(20 * time.Millisecond) // give other requests the chance to overlap
			w.Write([]byte("<rss/>"))
		})
		c := newClient(Options{})
		var wg sync.WaitGroup
		for i := range 6 {
			wg.Go(func() {
				if _, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL + "/" + strconv.Itoa(i)}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if m := f.max.Load(); m != 1 {
			t.Errorf("%d requests in flight at once, want 1", m)
		}
		if len(c.hosts) != 0 {
			t.Errorf("%d host slots left", len(c.hosts))
		}
	})
	t.Run("two hosts overlap", func(t *testing.T) {
		// Each server holds its request until the other has one: only
		// parallel requests can both finish.
		aIn, bIn := make(chan struct{}), make(chan struct{})
		wait := func(ch chan struct{}) bool {
			select {
			case <-ch:
				return true
			case <-time.After(5 * time.Second):
				return false
			}
		}
		a := serve(t, func(w http.ResponseWriter, r *http.Request) {
			close(aIn)
			if !wait(bIn) {
				w.WriteHeader(http.StatusGatewayTimeout)
			}
		})
		b := serve(t, func(w http.ResponseWriter, r *http.Request) {
			close(bIn)
			if !wait(aIn) {
				w.WriteHeader(http.StatusGatewayTimeout)
			}
		})
		c := newClient(Options{})
		var wg sync.WaitGroup
		for _, u := range []string{a.URL, b.URL} {
			wg.Go(func() {
				if _, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: u}); err != nil {
					t.Errorf("%s: %v", u, err)
				}
			})
		}
		wg.Wait()
	})
	t.Run("waiting gives up with ctx", func(t *testing.T) {
		started, release := make(chan struct{}), make(chan struct{})
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/slow" {
				close(started)
				<-release
			}
		})
		c := newClient(Options{})
		done := make(chan error)
		go func() {
			_, err := c.Get(context.Background(), Request{AllowPrivate: true, URL: srv.URL + "/slow"})
			done <- err
		}()
		<-started
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := c.Get(ctx, Request{AllowPrivate: true, URL: srv.URL + "/fast"})
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "wait for host") {
			t.Errorf("err = %v", err)
		}
		close(release)
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
}

// newClient is New for tests of other things than robots.txt: their
// servers answer every path alike.
func newClient(opt Options) *Client {
	opt.IgnoreRobots = true
	return New(opt)
}
