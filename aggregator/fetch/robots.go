package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// ErrRobots is wrapped by the error Get returns for a URL that the host's
// robots.txt disallows for our User-Agent, or when robots.txt answered with
// a server error (RFC 9309: then nothing may be crawled until it answers).
var ErrRobots = errors.New("disallowed by robots.txt")

// Robots.txt timing and size.
const (
	// RobotsTTL is how long a host's robots.txt is trusted before it is
	// read again.
	RobotsTTL = 24 * time.Hour
	// robotsRetry is how long a server error on robots.txt blocks the
	// host before it is asked again.
	robotsRetry = 10 * time.Minute
	// MaxCrawlDelay caps the Crawl-delay a robots.txt can impose.
	MaxCrawlDelay = 30 * time.Second
	// robotsMaxBytes is the most of a robots.txt that is read (RFC 9309
	// asks for at least 500 KiB).
	robotsMaxBytes = 512 << 10
)

// robotsCache keeps each host's rules for RobotsTTL.
type robotsCache struct {
	mu      sync.Mutex
	entries map[string]*robotsEntry // scheme://host:port
}

type robotsEntry struct {
	rules   robotsRules
	expires time.Time
}

// robotsRules is what one robots.txt says.
type robotsRules struct {
	data  *robotstxt.RobotsData // nil: everything allowed
	block string                // non-empty: nothing allowed, for this reason
	delay time.Duration         // Crawl-delay for our group, capped
}

func (r robotsRules) allows(u *url.URL, agent string) bool {
	if r.block != "" {
		return false
	}
	if r.data == nil {
		return true
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return r.data.TestAgent(path, robotsAgent(agent))
}

// robotsAgent is the product token of a User-Agent: "syndic" for
// "syndic/0.1 (+https://...)".
func robotsAgent(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	tok, _, _ = strings.Cut(tok, " ")
	return strings.ToLower(tok)
}

// robotsFor returns the rules for u's host, reading robots.txt when they
// are unknown or older than RobotsTTL. It runs within the host's turn, so
// one host's robots.txt is read once however many requests wait. A network
// error is returned and not remembered; any HTTP answer is.
func (c *Client) robotsFor(ctx context.Context, slot *hostSlot, u *url.URL, allowPrivate bool) (robotsRules, error) {
	key := u.Scheme + "://" + hostKey(u)
	now := c.opt.Now()
	c.robots.mu.Lock()
	e := c.robots.entries[key]
	c.robots.mu.Unlock()
	if e != nil && now.Before(e.expires) {
		return e.rules, e.err()
	}

	if err := c.pace(ctx, slot, c.opt.HostSpacing); err != nil {
		return robotsRules{}, fmt.Errorf("wait for host: %w", err)
	}
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	resp, err := c.timed(ctx, robotsURL, Request{
		URL:          robotsURL.String(),
		AllowPrivate: allowPrivate,
		Accept:       "text/plain",
		MaxBytes:     robotsMaxBytes,
	})
	slot.last = c.opt.Now()
	code := 200
	var body []byte
	var se *StatusError
	switch {
	case err == nil:
		body = resp.Body
	case errors.As(err, &se):
		code = se.Code
	case errors.Is(err, ErrTooLarge):
		// An oversized robots.txt: RFC 9309 lets us read the first
		// 500 KiB; we read none of it and allow.
		code = 404
	default:
		return robotsRules{}, fmt.Errorf("read robots.txt: %w", err)
	}

	e = &robotsEntry{expires: now.Add(RobotsTTL)}
	switch {
	case code == http.StatusTooManyRequests || code >= 500:
		e.rules.block = fmt.Sprintf("robots.txt answered %d", code)
		e.expires = now.Add(robotsRetry)
	case code >= 400:
		// No robots.txt: everything allowed.
	default:
		data, err := robotstxt.FromStatusAndBytes(200, body)
		if err == nil {
			e.rules.data = data
			if g := data.FindGroup(robotsAgent(c.opt.UserAgent)); g != nil {
				e.rules.delay = min(g.CrawlDelay, MaxCrawlDelay)
			}
		} // an unreadable robots.txt allows everything
	}
	c.robots.mu.Lock()
	if len(c.robots.entries) > 10000 {
		for k, old := range c.robots.entries {
			if now.After(old.expires) {
				delete(c.robots.entries, k)
			}
		}
	}
	c.robots.entries[key] = e
	c.robots.mu.Unlock()
	return e.rules, e.err()
}

func (e *robotsEntry) err() error {
	if e.rules.block != "" {
		return fmt.Errorf("%s: %w", e.rules.block, ErrRobots)
	}
	return nil
}
