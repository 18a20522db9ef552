// Package fetch makes every outbound HTTP request of syndic: one shared
// client with a whole-request timeout, conditional GET, a cap on the
// decompressed body, charset conversion to UTF-8 and at most one request in
// flight per host (across processes, with Options.Hosts).
package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultUserAgent     = "syndic/0.1 (+https://github.com/syndic/syndic)"
	DefaultTimeout       = 30 * time.Second
	DefaultHeaderTimeout = 15 * time.Second
	DefaultMaxBytes      = 10 << 20
	DefaultMaxRedirects  = 10
	// DefaultAccept asks for feeds first, then HTML pages.
	DefaultAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
		"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, " +
		"text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)

// Errors Get wraps, for errors.Is (and see ErrPrivateAddress,
// ErrMetadataAddress and ErrRobots).
var (
	// ErrTooLarge: the body, after decompression, is larger than the
	// request's MaxBytes.
	ErrTooLarge = errors.New("body too large")
	// ErrTooManyRedirects: more redirects than Options.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrTimeout: the whole request took longer than its Timeout, or the
	// headers longer than Options.HeaderTimeout.
	ErrTimeout = errors.New("timed out")
	// ErrScheme: a URL or a redirect that is not http or https to a host.
	ErrScheme = errors.New("not an http(s) URL")
	// ErrHostTurn: Options.Hosts could not give the request its turn (the
	// database sharing the turns failed); nothing was asked of the host.
	ErrHostTurn = errors.New("no turn from the shared host gate")
)

// Options configure a Client. Zero fields take the defaults above.
type Options struct {
	UserAgent string        // default DefaultUserAgent
	Timeout   time.Duration // whole request including the body; default 30s
	// HeaderTimeout bounds the wait for the response headers once the
	// request is sent; default 15s.
	HeaderTimeout time.Duration
	MaxBytes      int64 // body cap after decompression; default 10 MiB
	MaxRedirects  int   // redirects followed; default 10
	// HostSpacing is the least time between the end of one request to a
	// host and the start of the next; 0 means none. A longer Crawl-delay
	// in the host's robots.txt wins, up to MaxCrawlDelay.
	HostSpacing time.Duration
	// IgnoreRobots turns the robots.txt check off (zero: honour it).
	IgnoreRobots bool
	// Now is the clock used to turn a Retry-After or Expires date into a
	// duration; default time.Now.
	Now func() time.Time
	// CheckDial, when set, is called for every connection the address
	// guard lets through, just before it is opened, with the very address
	// dialled; an error refuses it. It can only refuse more (tests use it
	// to keep every connection on loopback).
	CheckDial func(network string, addr netip.AddrPort) error
	// Transport replaces the two guarded transports (tests of other
	// things). With it set, the private-address guard is NOT applied.
	Transport http.RoundTripper
	// Hosts, when set, makes requests to a host take turns with those of
	// other processes too (crawlers sharing a database), and keep
	// HostSpacing (or the Crawl-delay) from the end of the last request
	// any of them made. Without it the turns and spacing are this
	// Client's own.
	Hosts HostGate
}

// HostGate makes requests to one host take turns across processes (see
// Options.Hosts; store.Store implements it on PostgreSQL).
type HostGate interface {
	// HostTurn waits until no other process is requesting host (a
	// host:port), or ctx is done, and returns how long ago the last request
	// to it ended in any process (negative when never) and done, which the
	// Client calls once when its request is over.
	HostTurn(ctx context.Context, host string) (since time.Duration, done func(), err error)
}

// Request is one GET.
type Request struct {
	URL          string
	ETag         string // from the last 200; sent as If-None-Match
	LastModified string // from the last 200; sent as If-Modified-Since
	// AllowPrivate lets the request reach loopback, private, link-local
	// and other non-public addresses; never cloud metadata addresses.
	// Requests that allow it and requests that do not never share a
	// connection.
	AllowPrivate bool
	Accept       string        // default DefaultAccept
	Timeout      time.Duration // overrides Options.Timeout when positive
	MaxBytes     int64         // overrides Options.MaxBytes when positive
}

// Response is a successful (2xx) or not-modified (304) answer.
type Response struct {
	URL         string // final URL after redirects
	Status      int
	NotModified bool // 304: Body is nil, ETag and LastModified are the validators to keep
	// Body is the decompressed body converted to UTF-8 by ToUTF8 (an XML
	// prolog still names the charset it was read as); for image, audio,
	// video and font types it is the raw bytes and Charset is "".
	Body         []byte
	Charset      string // the charset the body was read as
	ContentType  string
	ETag         string
	LastModified string
	// Fresh is how long the server says the answer stays fresh
	// (Cache-Control max-age, or Expires), 0 when it says nothing.
	Fresh  time.Duration
	Header http.Header
}

// StatusError is the error Get returns for a status other than 2xx and 304.
type StatusError struct {
	Method string // GET, or POST for PostForm
	URL    string // as Redact shows it
	Code   int
	// RetryAfter is the server's Retry-After (seconds or a date), 0 when
	// absent or unreadable.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Code, http.StatusText(e.Code))
}

// Client makes GET requests. It is safe for concurrent use; requests to one
// host (host:port) wait for each other and keep HostSpacing apart, requests
// to different hosts run in parallel.
type Client struct {
	opt    Options
	public *http.Client // guarded: public addresses only
	priv   *http.Client // guarded: no metadata addresses

	mu    sync.Mutex
	hosts map[string]*hostSlot

	robots robotsCache
}

type hostSlot struct {
	ch   chan struct{} // holds a token while a request to the host is in flight
	refs int           // requests holding or waiting for the slot
	last time.Time     // when the last request to the host ended (guarded by ch)
}

// New returns a Client with two transports, one per address policy.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.HeaderTimeout <= 0 {
		opt.HeaderTimeout = DefaultHeaderTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.HostSpacing < 0 {
		opt.HostSpacing = 0
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	c := &Client{opt: opt, hosts: make(map[string]*hostSlot)}
	c.robots.entries = make(map[string]*robotsEntry)
	pub, priv := opt.Transport, opt.Transport
	if pub == nil {
		pub, priv = c.transport(false), c.transport(true)
	}
	c.public = &http.Client{Transport: pub, CheckRedirect: c.checkRedirect}
	c.priv = &http.Client{Transport: priv, CheckRedirect: c.checkRedirect}
	return c
}

// transport is a transport whose every connection passes the address guard
// for its policy. Each policy has its own pool of keep-alive connections.
func (c *Client) transport(allowPrivate bool) *http.Transport {
	d := &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
		Control:   control(allowPrivate, c.opt.CheckDial),
	}
	return &http.Transport{
		// No proxy from the environment: a proxy would dial on our behalf,
		// past the guard.
		Proxy:                  nil,
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  c.opt.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 256 << 10,
		IdleConnTimeout:        90 * time.Second,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    2,
		// The Client asks for gzip itself and decodes it, so that the
		// size cap always counts decompressed bytes.
		DisableCompression: true,
	}
}

// checkRedirect caps the redirects and keeps them on http(s). The address
// of every hop is checked by the guard when it is dialled.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opt.MaxRedirects {
		return fmt.Errorf("stopped after %d redirects (fetch.max_redirects): %w", c.opt.MaxRedirects, ErrTooManyRedirects)
	}
	if !speaksHTTP(req.URL) {
		return fmt.Errorf("redirect to %q: %w", Redact(req.URL.String()), ErrScheme)
	}
	return nil
}

// speaksHTTP reports whether the client may request u: http or https, to a
// host. It is the client's own rule, for every URL it is given and every
// redirect it follows, kept apart from what the rest of syndic calls a link
// (news.AbsoluteHTTP) so that no change to that can widen what is dialled.
func speaksHTTP(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Get fetches req.URL. It returns a *StatusError for statuses other than
// 2xx and 304, and errors wrapping ErrTooLarge (decompressed body over
// MaxBytes), ErrTimeout (the request took longer than its Timeout, measured
// from when it is sent, after any wait for the host; or the headers longer
// than HeaderTimeout), ErrTooManyRedirects, ErrScheme, ErrPrivateAddress,
// ErrMetadataAddress (on any hop) and ErrRobots (robots.txt disallows the
// URL for our User-Agent). A 304 gives a Response with NotModified set and
// a nil Body. It waits for its turn on the host, and for HostSpacing after
// the previous request, until ctx is done. Redirects are followed within
// the turn of the first URL's host; robots.txt is read for that host only.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), unwrapURLError(err))
	}
	if !speaksHTTP(u) {
		return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), ErrScheme)
	}
	host := hostKey(u)
	slot, release, err := c.acquire(ctx, host)
	if err != nil {
		return nil, fmt.Errorf("GET %s: wait for host: %w", Redact(req.URL), err)
	}
	defer release()
	if c.opt.Hosts != nil {
		since, done, err := c.opt.Hosts.HostTurn(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("GET %s: %w: %w", Redact(req.URL), ErrHostTurn, err)
		}
		defer done()
		if since >= 0 {
			// Another process's request may have ended after ours.
			if last := c.opt.Now().Add(-since); last.After(slot.last) {
				slot.last = last
			}
		}
	}

	spacing := c.opt.HostSpacing
	if !c.opt.IgnoreRobots {
		rules, err := c.robotsFor(ctx, slot, u, req.AllowPrivate)
		if err != nil {
			return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), err)
		}
		if !rules.allows(u, c.opt.UserAgent) {
			return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), ErrRobots)
		}
		spacing = max(spacing, rules.delay)
	}
	if err := c.pace(ctx, slot, spacing); err != nil {
		return nil, fmt.Errorf("GET %s: wait for host: %w", Redact(req.URL), err)
	}
	defer func() { slot.last = c.opt.Now() }()
	return c.timed(ctx, u, req)
}

// timed runs one request under its whole-request timeout.
func (c *Client) timed(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	timeout := c.opt.Timeout
	if req.Timeout > 0 {
		timeout = req.Timeout
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	resp, err := c.do(tctx, u, req)
	if err != nil && ctx.Err() == nil && errors.Is(tctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("GET %s: %w after %s (fetch.timeout): %w", Redact(req.URL), ErrTimeout, timeout, context.DeadlineExceeded)
	}
	if err != nil && isHeaderTimeout(err) {
		return nil, fmt.Errorf("GET %s: %w: no response headers within %s (fetch.header_timeout)", Redact(req.URL), ErrTimeout, c.opt.HeaderTimeout)
	}
	return resp, err
}

// PostForm posts form to target (a WebSub hub's publish ping) through
// the guarded transports, within Options.Timeout; allowPrivate as for a
// Request. A status other than 2xx is a *StatusError. Every outbound
// request of syndic goes through a Client: this is its one POST.
func (c *Client) PostForm(ctx context.Context, target string, form url.Values, allowPrivate bool) error {
	u, err := url.Parse(target)
	if err != nil || !speaksHTTP(u) {
		return fmt.Errorf("POST %s: %w", Redact(target), ErrScheme)
	}
	ctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("POST %s: %w", Redact(target), err)
	}
	hreq.Header.Set("User-Agent", c.opt.UserAgent)
	hreq.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	hc := c.public
	if allowPrivate {
		hc = c.priv
	}
	hresp, err := hc.Do(hreq)
	if err != nil {
		return fmt.Errorf("POST %s: %w", Redact(target), unwrapURLError(err))
	}
	defer hresp.Body.Close()
	_, _ = io.CopyN(io.Discard, hresp.Body, 64<<10)
	if hresp.StatusCode/100 != 2 {
		return &StatusError{Method: http.MethodPost, URL: Redact(target), Code: hresp.StatusCode, RetryAfter: retryAfter(hresp.Header.Get("Retry-After"), c.opt.Now())}
	}
	return nil
}

// isHeaderTimeout recognises the transport's ResponseHeaderTimeout error,
// which has no exported sentinel.
func isHeaderTimeout(err error) bool {
	return strings.Contains(err.Error(), "timeout awaiting response headers")
}

// pace waits until spacing has passed since the last request to the slot's
// host ended, or ctx is done.
func (c *Client) pace(ctx context.Context, s *hostSlot, spacing time.Duration) error {
	if spacing <= 0 || s.last.IsZero() {
		return nil
	}
	wait := s.last.Add(spacing).Sub(c.opt.Now())
	if wait <= 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) do(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), err)
	}
	accept := req.Accept
	if accept == "" {
		accept = DefaultAccept
	}
	hreq.Header.Set("User-Agent", c.opt.UserAgent)
	hreq.Header.Set("Accept", accept)
	hreq.Header.Set("Accept-Encoding", "gzip")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	hc := c.public
	if req.AllowPrivate {
		hc = c.priv
	}
	hresp, err := hc.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), unwrapURLError(err))
	}
	defer func() {
		// Drain a little so that the connection can be reused.
		_, _ = io.CopyN(io.Discard, hresp.Body, 4<<10)
		hresp.Body.Close()
	}()

	resp := &Response{
		URL:          hresp.Request.URL.String(),
		Status:       hresp.StatusCode,
		ContentType:  hresp.Header.Get("Content-Type"),
		ETag:         hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"),
		Fresh:        Freshness(hresp.Header, c.opt.Now()),
		Header:       hresp.Header,
	}
	switch {
	case hresp.StatusCode == http.StatusNotModified:
		resp.NotModified = true
		if resp.ETag == "" {
			resp.ETag = req.ETag
		}
		if resp.LastModified == "" {
			resp.LastModified = req.LastModified
		}
		return resp, nil
	case hresp.StatusCode < 200 || hresp.StatusCode > 299:
		return nil, &StatusError{
			Method:     http.MethodGet,
			URL:        Redact(req.URL),
			Code:       hresp.StatusCode,
			RetryAfter: retryAfter(hresp.Header.Get("Retry-After"), c.opt.Now()),
		}
	}

	limit := c.opt.MaxBytes
	if req.MaxBytes > 0 {
		limit = req.MaxBytes
	}
	raw, err := readBody(hresp, limit)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", Redact(req.URL), err)
	}
	if isBinary(resp.ContentType) {
		resp.Body = raw
		return resp, nil
	}
	resp.Body, resp.Charset = ToUTF8(raw, resp.ContentType)
	return resp, nil
}

// readBody reads the whole body, decoding gzip (announced by
// Content-Encoding or recognised by its magic bytes), and fails with
// ErrTooLarge once more than max decoded bytes arrive: a gzip bomb costs
// max bytes of memory and the time to inflate them, no more.
func readBody(hresp *http.Response, max int64) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(hresp.Header.Get("Content-Encoding")))
	if (enc == "" || enc == "identity") && hresp.ContentLength > max {
		return nil, fmt.Errorf("read body: Content-Length %d over the %d-byte limit (fetch.max_bytes): %w", hresp.ContentLength, max, ErrTooLarge)
	}
	var r io.Reader = hresp.Body
	switch enc {
	case "", "identity":
		// A pre-compressed file served without Content-Encoding is
		// still decoded.
		br := &peekReader{r: hresp.Body}
		head, _ := br.peek(3)
		if bytes.Equal(head, []byte{0x1f, 0x8b, 0x08}) {
			enc = "gzip"
		}
		r = br
	case "gzip", "x-gzip":
	default:
		return nil, fmt.Errorf("read body: unsupported Content-Encoding %q", enc)
	}
	if enc == "gzip" || enc == "x-gzip" {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("read gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("read body: over the %d-byte limit after decompression (fetch.max_bytes): %w", max, ErrTooLarge)
	}
	return body, nil
}

// peekReader lets readBody look at the first bytes without losing them.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	buf := make([]byte, n)
	m, err := io.ReadFull(p.r, buf)
	p.head = buf[:m]
	return p.head, err
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}

// isBinary reports whether a Content-Type names media that is not text.
func isBinary(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	major, _, _ := strings.Cut(mt, "/")
	switch major {
	case "image", "audio", "video", "font":
		return true
	}
	return false
}

// acquire waits until no other request of c is in flight to host, or ctx is
// done. The returned func releases the host. A slot outlives its requests
// while its last request is recent enough to matter for the spacing.
func (c *Client) acquire(ctx context.Context, host string) (*hostSlot, func(), error) {
	c.mu.Lock()
	s := c.hosts[host]
	if s == nil {
		s = &hostSlot{ch: make(chan struct{}, 1)}
		c.hosts[host] = s
	}
	s.refs++
	c.mu.Unlock()

	unref := func() {
		c.mu.Lock()
		s.refs--
		if s.refs == 0 {
			c.forget(host, s)
		}
		c.mu.Unlock()
	}
	select {
	case s.ch <- struct{}{}:
		return s, func() { <-s.ch; unref() }, nil
	case <-ctx.Done():
		unref()
		return nil, nil, ctx.Err()
	}
}

// forget drops an idle slot whose last request no longer holds back the
// next one (with c.mu held). Slots kept for their spacing are swept when
// there are many.
func (c *Client) forget(host string, s *hostSlot) {
	idle := func(s *hostSlot) bool {
		// Safe to read last: no request holds the slot.
		return s.refs == 0 && (s.last.IsZero() || c.opt.Now().Sub(s.last) > c.opt.HostSpacing+MaxCrawlDelay)
	}
	if c.opt.HostSpacing <= 0 && c.opt.IgnoreRobots {
		delete(c.hosts, host)
		return
	}
	if idle(s) {
		delete(c.hosts, host)
	}
	if len(c.hosts) > 1024 {
		for h, o := range c.hosts {
			if idle(o) {
				delete(c.hosts, h)
			}
		}
	}
}

// hostKey is the lower-case host:port of u, the port made explicit.
func hostKey(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(host, port)
}

// Freshness is how long an answer stays fresh by its headers: the
// Cache-Control max-age, else Expires less Date (or now); 0 when they say
// nothing, say no-cache or no-store, or are unreadable.
func Freshness(h http.Header, now time.Time) time.Duration {
	if cc := h.Get("Cache-Control"); cc != "" {
		var maxAge time.Duration = -1
		for _, d := range strings.Split(cc, ",") {
			name, val, _ := strings.Cut(strings.TrimSpace(d), "=")
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "no-cache", "no-store":
				return 0
			case "max-age":
				if n, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(val), `"`), 10, 64); err == nil && n >= 0 {
					maxAge = time.Duration(min(n, 1<<31)) * time.Second
				}
			}
		}
		if maxAge >= 0 {
			return maxAge
		}
	}
	exp := h.Get("Expires")
	if exp == "" {
		return 0
	}
	t, err := http.ParseTime(exp)
	if err != nil {
		return 0
	}
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		now = d
	}
	return max(t.Sub(now), 0)
}

// retryAfter reads a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// Redact returns a URL as errors and logs may show it: without user info,
// query and fragment, whose credentials and tokens ("?apikey=…") must not
// reach a log or /healthz; a cut query shows as "?…". A string that is not
// a URL is cut the same way by hand.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		s, _, cut := strings.Cut(raw, "?")
		s, _, _ = strings.Cut(s, "#")
		if scheme, rest, ok := strings.Cut(s, "://"); ok {
			if at := strings.LastIndex(rest, "@"); at >= 0 && !strings.Contains(rest[:at], "/") {
				s = scheme + "://" + rest[at+1:]
			}
		}
		if cut {
			s += "?…"
		}
		return s
	}
	q := u.RawQuery != "" || u.ForceQuery
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	if q {
		return u.String() + "?…"
	}
	return u.String()
}

// unwrapURLError drops *url.Error's "Get \"URL\":" prefix, which our own
// message already carries.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
