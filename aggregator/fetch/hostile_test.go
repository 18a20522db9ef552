package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loopbackOnly is the tests' CheckDial: whatever the guard lets through,
// no test connection leaves the machine.
func loopbackOnly(t *testing.T) func(string, netip.AddrPort) error {
	return func(_ string, ap netip.AddrPort) error {
		if !ap.Addr().Unmap().IsLoopback() {
			t.Errorf("the guard let %s through", ap)
			return fmt.Errorf("test: %s is not loopback", ap)
		}
		return nil
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		addr  string
		class string
		meta  bool
	}{
		{"93.184.216.34", "", false},
		{"2606:2800:220:1:248:1893:25c8:1946", "", false},
		{"127.0.0.1", "loopback", false},
		{"127.255.0.9", "loopback", false},
		{"::1", "loopback", false},
		{"0.0.0.0", "unspecified", false},
		{"::", "unspecified", false},
		{"10.1.2.3", "private", false},
		{"172.31.255.255", "private", false},
		{"172.32.0.1", "", false},
		{"192.168.0.1", "private", false},
		{"fd12:3456::1", "private", false},
		{"fe80::1%eth0", "link-local", false},
		{"100.64.0.1", "CGNAT", false},
		{"100.127.255.254", "CGNAT", false},
		{"224.0.0.251", "multicast", false},
		{"ff02::1", "multicast", false},
		{"255.255.255.255", "reserved", false},
		{"::ffff:127.0.0.1", "loopback", false},
		{"::ffff:10.0.0.1", "private", false},
		{"::ffff:8.8.8.8", "", false},
		{"64:ff9b::808:808", "NAT64", false},
		{"64:ff9b::7f00:1", "NAT64", false},
		{"2002:7f00:1::", "6to4", false},
		{"2001:db8::1", "reserved", false},
		// Cloud metadata: refused even with allow_private.
		{"169.254.169.254", "cloud metadata", true},
		{"169.254.170.2", "cloud metadata", true},
		{"169.254.1.1", "cloud metadata", true},
		{"100.100.100.200", "cloud metadata", true},
		{"fd00:ec2::254", "cloud metadata", true},
		{"fd20:ce::254", "cloud metadata", true},
		{"::ffff:169.254.169.254", "cloud metadata", true},
		{"64:ff9b::a9fe:a9fe", "cloud metadata", true},
		{"2002:a9fe:a9fe::1", "cloud metadata", true},
		// Metadata inside the other IPv6 schemes that carry an IPv4 address.
		{"64:ff9b:1::a9fe:a9fe", "cloud metadata", true},                 // local-use NAT64, /96 layout
		{"64:ff9b:1:a9fe:a9:fe00::", "cloud metadata", true},             // local-use NAT64, /48 layout
		{"::a9fe:a9fe", "cloud metadata", true},                          // IPv4-compatible
		{"2001:0:a9fe:a9fe::1", "cloud metadata", true},                  // Teredo server
		{"2001:0:4136:e378:8000:63bf:5601:5601", "cloud metadata", true}, // Teredo client 169.254.169.254 inverted
		{"::ffff:0:a9fe:a9fe", "cloud metadata", true},                   // SIIT
		// Those schemes are not public in their own right either.
		{"::ffff:0:808:808", "IPv4-translated", false},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo", false},
		{"64:ff9b:1::808:808", "NAT64", false},
	}
	for _, tt := range tests {
		ip := netip.MustParseAddr(tt.addr)
		class, meta := classify(ip)
		if class != tt.class || meta != tt.meta {
			t.Errorf("classify(%s) = %q, %v; want %q, %v", tt.addr, class, meta, tt.class, tt.meta)
		}
		err := checkAddr(ip, true)
		if tt.meta != errors.Is(err, ErrMetadataAddress) {
			t.Errorf("checkAddr(%s, allowPrivate) = %v", tt.addr, err)
		}
		err = checkAddr(ip, false)
		if (tt.class == "") != (err == nil) {
			t.Errorf("checkAddr(%s) = %v", tt.addr, err)
		}
	}
}

func TestGuardRefusesLoopback(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })
	c := New(Options{CheckDial: loopbackOnly(t)})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/feed"})
	if !errors.Is(err, ErrPrivateAddress) || !strings.Contains(err.Error(), "loopback") || !strings.Contains(err.Error(), "allow_private") {
		t.Errorf("err = %v", err)
	}
	if hits.Load() != 0 {
		t.Errorf("the server saw %d requests", hits.Load())
	}
	// localhost by name is refused too: the check is on the address dialled.
	_, err = c.Get(context.Background(), Request{URL: strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("localhost: err = %v", err)
	}
}

// TestGuardRedirects: every hop is checked where it is dialled, so a
// public page cannot redirect into the private network, and no page, even
// of a source allowed private addresses, can redirect to a metadata
// service.
func TestGuardRedirects(t *testing.T) {
	publicForTest = prefixes("127.0.0.1/32")
	defer func() { publicForTest = nil }()

	var target atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ok" {
			io.WriteString(w, "<rss/>")
			return
		}
		http.Redirect(w, r, target.Load().(string), http.StatusFound)
	})
	_, port, _ := strings.Cut(strings.TrimPrefix(srv.URL, "http://"), ":")
	c := New(Options{CheckDial: loopbackOnly(t), IgnoreRobots: true})

	// The "public" server itself is reachable without allow_private.
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/ok"}); err != nil {
		t.Fatalf("public server: %v", err)
	}
	tests := []struct {
		to           string
		allowPrivate bool
		want         error
	}{
		{"http://127.0.0.2:" + port + "/ok", false, ErrPrivateAddress},
		{"http://[::1]:" + port + "/ok", false, ErrPrivateAddress},
		{"http://[::ffff:127.0.0.2]:" + port + "/ok", false, ErrPrivateAddress},
		{"http://169.254.169.254/latest/meta-data/", false, ErrMetadataAddress},
		{"http://169.254.169.254/latest/meta-data/", true, ErrMetadataAddress},
		{"http://[fd00:ec2::254]/latest/meta-data/", true, ErrMetadataAddress},
		{"http://[::ffff:169.254.169.254]/", true, ErrMetadataAddress},
		{"http://[64:ff9b::a9fe:a9fe]/", true, ErrMetadataAddress},
		{"ftp://127.0.0.1/x", true, ErrScheme},
		{"javascript:alert(1)", true, ErrScheme},
	}
	for _, tt := range tests {
		target.Store(tt.to)
		_, err := c.Get(context.Background(), Request{URL: srv.URL + "/start", AllowPrivate: tt.allowPrivate})
		if !errors.Is(err, tt.want) {
			t.Errorf("redirect to %s (allow_private %v): err = %v, want %v", tt.to, tt.allowPrivate, err, tt.want)
		}
	}
	// With allow_private the loopback hop passes the guard (and finds
	// nobody listening on 127.0.0.2).
	target.Store("http://127.0.0.2:" + port + "/ok")
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/start", AllowPrivate: true})
	if err == nil || errors.Is(err, ErrPrivateAddress) || !strings.Contains(err.Error(), "refused") {
		t.Errorf("allow_private redirect to loopback: %v", err)
	}
}

// TestGuardPooledConnections: a keep-alive connection opened for a source
// allowed private addresses is never handed to one that is not.
func TestGuardPooledConnections(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<rss/>")
	}))
	srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := New(Options{CheckDial: loopbackOnly(t), IgnoreRobots: true})
	for range 3 {
		if _, err := c.Get(context.Background(), Request{URL: srv.URL, AllowPrivate: true}); err != nil {
			t.Fatal(err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("%d connections for three private requests, want 1 (kept alive)", n)
	}
	if _, err := c.Get(context.Background(), Request{URL: srv.URL}); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("a public request reused the private pool: err = %v", err)
	}
}

func TestRedirectLoop(t *testing.T) {
	var hits atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "/again", http.StatusMovedPermanently)
	})
	_, err := newClient(Options{}).Get(context.Background(), Request{URL: srv.URL + "/loop", AllowPrivate: true})
	if !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), "10 redirects") {
		t.Errorf("err = %v", err)
	}
	if n := hits.Load(); n != 11 {
		t.Errorf("%d requests, want 11 (the first and 10 redirects)", n)
	}
}

func TestHeaderTimeout(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	start := time.Now()
	_, err := newClient(Options{HeaderTimeout: 150 * time.Millisecond}).Get(context.Background(), Request{URL: srv.URL, AllowPrivate: true})
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "header") {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestHostileBodies: each answer costs bounded time and memory and gives a
// clear error.
func TestHostileBodies(t *testing.T) {
	// A gzip member of 64 MiB of zeros, repeated: 4 GiB inflated from
	// about 4 MB on the wire (gzip readers read concatenated members).
	member := gzipBytes(t, make([]byte, 64<<20))
	const limit = 1 << 20
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    error
	}{
		{"4 GiB gzip bomb", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			for range 64 {
				if _, err := w.Write(member); err != nil {
					return
				}
			}
		}, ErrTooLarge},
		{"endless chunked body", func(w http.ResponseWriter, r *http.Request) {
			chunk := bytes.Repeat([]byte("<item><title>x</title></item>\n"), 1000)
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
				w.(http.Flusher).Flush()
			}
		}, ErrTooLarge},
		{"one byte per second", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			for r.Context().Err() == nil {
				if _, err := w.Write([]byte("<")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-time.After(time.Second):
				case <-r.Context().Done():
				}
			}
		}, ErrTimeout},
	}
	c := newClient(Options{MaxBytes: limit, Timeout: 1500 * time.Millisecond})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := c.Get(context.Background(), Request{URL: srv.URL, AllowPrivate: true})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if took > 10*time.Second {
				t.Errorf("took %s", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
		})
	}
}

func TestRobots(t *testing.T) {
	var mu sync.Mutex
	robots, robotsCode, robotsHits, hits := "", 200, 0, 0
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			robotsHits++
			w.WriteHeader(robotsCode)
			io.WriteString(w, robots)
			return
		}
		hits++
		io.WriteString(w, "<rss/>")
	})
	set := func(code int, body string) {
		mu.Lock()
		robotsCode, robots = code, body
		mu.Unlock()
	}
	now := time.Now()
	var clock atomic.Int64
	clock.Store(now.UnixNano())
	opt := Options{UserAgent: "syndic/1.0 (+https://example.org)", Now: func() time.Time { return time.Unix(0, clock.Load()) }}
	get := func(c *Client, path string) error {
		_, err := c.Get(context.Background(), Request{URL: srv.URL + path, AllowPrivate: true})
		return err
	}

	set(200, "User-agent: *\nDisallow: /private\n\nUser-agent: syndic\nDisallow: /no-syndic\nCrawl-delay: 0.2\n")
	c := New(opt)
	if err := get(c, "/feed.xml"); err != nil {
		t.Fatal(err)
	}
	if err := get(c, "/private/feed.xml"); err != nil {
		t.Errorf("the * group does not apply when a syndic group exists: %v", err)
	}
	err := get(c, "/no-syndic/feed?x=1")
	if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "/no-syndic/feed") {
		t.Errorf("disallowed path: err = %v", err)
	}
	if robotsHits != 1 {
		t.Errorf("robots.txt read %d times, want once", robotsHits)
	}
	// Crawl-delay spaces the requests (with the fake clock standing still,
	// each wait is the whole delay).
	start := time.Now()
	get(c, "/a")
	get(c, "/b")
	if d := time.Since(start); d < 350*time.Millisecond {
		t.Errorf("two requests under a 0.2s Crawl-delay took %s", d)
	}
	// Re-read after a day.
	set(200, "User-agent: *\nDisallow: /\n")
	clock.Add(int64(RobotsTTL + time.Minute))
	if err := get(c, "/feed.xml"); !errors.Is(err, ErrRobots) {
		t.Errorf("after a day: err = %v", err)
	}
	if robotsHits != 2 {
		t.Errorf("robots.txt read %d times, want twice", robotsHits)
	}

	// 404: everything allowed; 503 and 429: nothing, until it answers.
	for _, tt := range []struct {
		code    int
		allowed bool
	}{{404, true}, {403, true}, {503, false}, {429, false}} {
		set(tt.code, "")
		err := get(New(opt), "/feed.xml")
		if (err == nil) != tt.allowed || (!tt.allowed && !errors.Is(err, ErrRobots)) {
			t.Errorf("robots.txt %d: err = %v", tt.code, err)
		}
	}
	// Ignored on request.
	set(200, "User-agent: *\nDisallow: /\n")
	opt.IgnoreRobots = true
	if err := get(New(opt), "/feed.xml"); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestHostSpacing(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
	})
	c := newClient(Options{HostSpacing: 100 * time.Millisecond})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: srv.URL, AllowPrivate: true}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 90*time.Millisecond {
			t.Errorf("gap %d: %s, want at least 100ms", i, gap)
		}
	}
}

func TestFreshness(t *testing.T) {
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		headers map[string]string
		want    time.Duration
	}{
		{nil, 0},
		{map[string]string{"Cache-Control": "public, max-age=600"}, 10 * time.Minute},
		{map[string]string{"Cache-Control": "max-age=\"60\""}, time.Minute},
		{map[string]string{"Cache-Control": "no-cache, max-age=600"}, 0},
		{map[string]string{"Cache-Control": "max-age=junk"}, 0},
		{map[string]string{"Cache-Control": "max-age=120", "Expires": now.Add(time.Hour).Format(http.TimeFormat)}, 2 * time.Minute},
		{map[string]string{"Expires": now.Add(time.Hour).Format(http.TimeFormat)}, time.Hour},
		{map[string]string{"Expires": now.Add(time.Hour).Format(http.TimeFormat), "Date": now.Add(30 * time.Minute).Format(http.TimeFormat)}, 30 * time.Minute},
		{map[string]string{"Expires": "0"}, 0},
		{map[string]string{"Expires": now.Add(-time.Hour).Format(http.TimeFormat)}, 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.headers {
			h.Set(k, v)
		}
		if got := Freshness(h, now); got != tt.want {
			t.Errorf("Freshness(%v) = %s, want %s", tt.headers, got, tt.want)
		}
	}
}

// memGate is a HostGate for tests: one lock per host shared by Clients, as
// the database's is by processes.
type memGate struct {
	mu    sync.Mutex
	locks map[string]chan struct{}
	ends  map[string]time.Time
	turns atomic.Int32
}

func (g *memGate) HostTurn(ctx context.Context, host string) (time.Duration, func(), error) {
	g.mu.Lock()
	if g.locks == nil {
		g.locks, g.ends = map[string]chan struct{}{}, map[string]time.Time{}
	}
	l := g.locks[host]
	if l == nil {
		l = make(chan struct{}, 1)
		g.locks[host] = l
	}
	g.mu.Unlock()
	select {
	case l <- struct{}{}:
	case <-ctx.Done():
		return 0, nil, ctx.Err()
	}
	g.turns.Add(1)
	g.mu.Lock()
	since := time.Duration(-1)
	if end, ok := g.ends[host]; ok {
		since = time.Since(end)
	}
	g.mu.Unlock()
	return since, func() {
		g.mu.Lock()
		g.ends[host] = time.Now()
		g.mu.Unlock()
		<-l
	}, nil
}

// TestHostSpacingAcrossClients: two Clients (two processes) sharing a
// HostGate never request one host at once and keep the spacing between
// each other's requests.
func TestHostSpacingAcrossClients(t *testing.T) {
	var f inflight
	var mu sync.Mutex
	var times []time.Time
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		f.enter()
		defer f.leave()
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	})
	gate := &memGate{}
	clients := []*Client{
		newClient(Options{HostSpacing: 100 * time.Millisecond, Hosts: gate}),
		newClient(Options{HostSpacing: 100 * time.Millisecond, Hosts: gate}),
	}
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := clients[i%2].Get(context.Background(), Request{URL: srv.URL, AllowPrivate: true}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := f.max.Load(); m != 1 {
		t.Errorf("%d requests in flight at once, want 1", m)
	}
	if n := gate.turns.Load(); n != 6 {
		t.Errorf("%d turns taken for 6 requests", n)
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 100*time.Millisecond {
			t.Errorf("gap %d: %s, want at least 100ms after the 10ms request", i, gap)
		}
	}
}

// The WebSub ping is an outbound request like any other: it passes the
// address guard (a hub at a metadata address is refused even where private
// addresses are allowed) and names no credentials in its errors.
func TestPostFormGuarded(t *testing.T) {
	var got atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		got.Store(r.PostForm.Get("hub.url"))
		if r.URL.Query().Get("fail") != "" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	c := New(Options{CheckDial: loopbackOnly(t), Timeout: 5 * time.Second})
	form := map[string][]string{"hub.mode": {"publish"}, "hub.url": {"https://feeds.example/news.rss"}}
	if err := c.PostForm(t.Context(), srv.URL+"/hub", form, false); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("loopback hub without allow_private: %v", err)
	}
	if err := c.PostForm(t.Context(), srv.URL+"/hub", form, true); err != nil || got.Load() != "https://feeds.example/news.rss" {
		t.Errorf("loopback hub with allow_private: %v, hub.url %v", err, got.Load())
	}
	err := c.PostForm(t.Context(), "http://user:s3cret@"+strings.TrimPrefix(srv.URL, "http://")+"/hub?fail=1&apikey=k3y", form, true)
	var se *StatusError
	if !errors.As(err, &se) || se.Code != http.StatusServiceUnavailable {
		t.Errorf("failing hub: %v", err)
	}
	if err != nil && (strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "k3y")) {
		t.Errorf("error shows credentials: %v", err)
	}
	for _, hub := range []string{"http://169.254.169.254/hub", "http://[::a9fe:a9fe]/hub", "http://[64:ff9b:1::a9fe:a9fe]/hub"} {
		if err := c.PostForm(t.Context(), hub, form, true); !errors.Is(err, ErrMetadataAddress) {
			t.Errorf("hub %s: %v", hub, err)
		}
	}
}

// Errors that name a URL never show its user info or query string: they
// reach logs and /healthz.
func TestErrorsRedactURLs(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	c := newClient(Options{CheckDial: loopbackOnly(t)})
	host := strings.TrimPrefix(srv.URL, "http://")
	for _, raw := range []string{
		"http://user:s3cret@" + host + "/feed?apikey=k3y&x=1",
		"http://user:s3cret@" + host + "/feed#k3y",
		"ftp://user:s3cret@" + host + "/feed?apikey=k3y",
		"http://user:s3cret@" + host + "/%zz?apikey=k3y",
	} {
		_, err := c.Get(t.Context(), Request{URL: raw, AllowPrivate: true})
		if err == nil {
			t.Fatalf("%s: no error", raw)
		}
		if msg := err.Error(); strings.Contains(msg, "s3cret") || strings.Contains(msg, "k3y") || !strings.Contains(msg, host) {
			t.Errorf("Get(%q) error = %q", raw, msg)
		}
	}
	for in, want := range map[string]string{
		"https://u:p@news.example/a/b?token=1#frag": "https://news.example/a/b?…",
		"https://news.example/a":                    "https://news.example/a",
		"https://u:p@news.example/%zz?token=1":      "https://news.example/%zz?…",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
