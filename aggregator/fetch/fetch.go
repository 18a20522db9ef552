// Package fetch makes every outbound HTTP request of syndic: one shared
// client with a whole-request timeout, conditional GET, a cap on the
// decompressed body, charset conversion to UTF-8 and at most one request in
// flight per host.
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
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults applied by New to zero Options fields.
const (
	DefaultUserAgent = "syndic/0.1 (+https://github.com/syndic/syndic)"
	DefaultTimeout   = 30 * time.Second
	DefaultMaxBytes  = 10 << 20
	// DefaultAccept asks for feeds first, then HTML pages.
	DefaultAccept = "application/rss+xml, application/atom+xml, application/feed+json, " +
		"application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, " +
		"text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5"
)

// ErrTooLarge is wrapped by the error Get returns when a body, after
// decompression, is larger than Options.MaxBytes.
var ErrTooLarge = errors.New("body too large")

// Options configure a Client. Zero fields take the defaults above.
type Options struct {
	UserAgent string        // default DefaultUserAgent
	Timeout   time.Duration // whole request including the body; default 30s
	MaxBytes  int64         // body cap after decompression; default 10 MiB
	// Now is the clock used to turn a Retry-After date into a duration;
	// default time.Now.
	Now func() time.Time
	// Transport replaces the shared transport (tests, proxies). Nil means a
	// clone of http.DefaultTransport with compression handled by the Client.
	Transport http.RoundTripper
}

// Request is one GET.
type Request struct {
	URL          string
	ETag         string // from the last 200; sent as If-None-Match
	LastModified string // from the last 200; sent as If-Modified-Since
	// AllowPrivate is accepted for the private-address guard, which is not
	// implemented yet: today every address is allowed.
	AllowPrivate bool
	Accept       string // default DefaultAccept
}

// Response is a successful (2xx) or not-modified (304) answer.
type Response struct {
	URL         string // final URL after redirects
	Status      int
	NotModified bool // 304: Body is nil, ETag and LastModified are the validators to keep
	// Body is the decompressed body converted to UTF-8 by ToUTF8 (XML
	// prolog rewritten to say UTF-8); for image, audio, video and font
	// types it is the raw bytes and Charset is "".
	Body         []byte
	Charset      string // the charset the body was read as
	ContentType  string
	ETag         string
	LastModified string
	Header       http.Header
}

// StatusError is the error Get returns for a status other than 2xx and 304.
type StatusError struct {
	URL  string
	Code int
	// RetryAfter is the server's Retry-After (seconds or a date), 0 when
	// absent or unreadable.
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Client makes GET requests. It is safe for concurrent use; requests to one
// host (host:port) wait for each other, requests to different hosts run in
// parallel.
type Client struct {
	opt Options
	hc  *http.Client

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	ch   chan struct{} // holds a token while a request to the host is in flight
	refs int           // requests holding or waiting for the slot
}

// New returns a Client with one shared transport.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	rt := opt.Transport
	if rt == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		// The Client asks for gzip itself and decodes it, so that the
		// size cap always counts decompressed bytes.
		t.DisableCompression = true
		t.MaxIdleConnsPerHost = 2
		rt = t
	}
	return &Client{
		opt:   opt,
		hc:    &http.Client{Transport: rt},
		hosts: make(map[string]*hostSlot),
	}
}

// Get fetches req.URL. It returns a *StatusError for statuses other than
// 2xx and 304, an error wrapping ErrTooLarge when the decompressed body
// exceeds MaxBytes, and an error naming the URL and the limit when the
// request takes longer than Timeout (measured from when it is sent, after
// any wait for another request to the same host). A 304 gives a Response
// with NotModified set and a nil Body. It waits for its turn on the host
// until ctx is done. Redirects (up to 10) are followed within the turn of
// the first URL's host. It never checks robots.txt and, for now, never
// refuses private addresses (Request.AllowPrivate is ignored).
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", req.URL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("GET %s: not an absolute http(s) URL", req.URL)
	}
	release, err := c.acquire(ctx, hostKey(u))
	if err != nil {
		return nil, fmt.Errorf("GET %s: wait for host: %w", req.URL, err)
	}
	defer release()

	tctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	resp, err := c.do(tctx, u, req)
	if err != nil && ctx.Err() == nil && errors.Is(tctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("GET %s: timed out after %s: %w", req.URL, c.opt.Timeout, context.DeadlineExceeded)
	}
	return resp, err
}

func (c *Client) do(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", req.URL, err)
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
	hresp, err := c.hc.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", req.URL, unwrapURLError(err))
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
			URL:        req.URL,
			Code:       hresp.StatusCode,
			RetryAfter: retryAfter(hresp.Header.Get("Retry-After"), c.opt.Now()),
		}
	}

	raw, err := c.readBody(hresp)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", req.URL, err)
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
// ErrTooLarge once more than MaxBytes decoded bytes arrive.
func (c *Client) readBody(hresp *http.Response) ([]byte, error) {
	max := c.opt.MaxBytes
	enc := strings.ToLower(strings.TrimSpace(hresp.Header.Get("Content-Encoding")))
	if (enc == "" || enc == "identity") && hresp.ContentLength > max {
		return nil, fmt.Errorf("read body: Content-Length %d over the %d-byte limit: %w", hresp.ContentLength, max, ErrTooLarge)
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
		return nil, fmt.Errorf("read body: over the %d-byte limit: %w", max, ErrTooLarge)
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
// done. The returned func releases the host.
func (c *Client) acquire(ctx context.Context, host string) (func(), error) {
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
			delete(c.hosts, host)
		}
		c.mu.Unlock()
	}
	select {
	case s.ch <- struct{}{}:
		return func() { <-s.ch; unref() }, nil
	case <-ctx.Done():
		unref()
		return nil, ctx.Err()
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

// unwrapURLError drops *url.Error's "Get \"URL\":" prefix, which our own
// message already carries.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
