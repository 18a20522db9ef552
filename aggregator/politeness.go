package aggregator

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

// MaxHint caps how far a server can push a source's next fetch with an
// RSS <ttl>, Cache-Control max-age, Expires or Retry-After.
const MaxHint = 24 * time.Hour

// Adaptation of the interval after a success.
const (
	speedUp  = 2.0 / 3 // new items: fetch sooner
	slowDown = 5.0 / 4 // nothing new: fetch later
)

// interval returns the current interval of src: the one the crawler last
// chose, unless the source was crawled since by another process (the stored
// next due time is not the one this crawler set), or, after a restart, the
// one the stored schedule implies, or the configured interval; always
// within the source's bounds.
func (c *Crawler) interval(src config.Source, st news.SourceState) time.Duration {
	lo, hi := c.cfg.Fetch.Bounds(src)
	c.mu.Lock()
	mem, ok := c.intervals[src.ID]
	c.mu.Unlock()
	d := mem.d
	if !ok || mem.next.UnixMicro() != st.NextFetch.UnixMicro() {
		d = src.Interval.D()
		if st.Failures == 0 && !st.LastSuccess.IsZero() && st.NextFetch.After(st.LastSuccess) {
			d = st.NextFetch.Sub(st.LastSuccess)
		}
	}
	return min(max(d, lo), hi)
}

// adapt returns the interval after a successful crawl that found newItems
// new items: shorter when the source published, longer when it did not.
func (c *Crawler) adapt(src config.Source, cur time.Duration, newItems int) time.Duration {
	lo, hi := c.cfg.Fetch.Bounds(src)
	f := slowDown
	if newItems > 0 {
		f = speedUp
	}
	d := time.Duration(float64(cur) * f).Round(time.Second)
	return min(max(d, lo), hi)
}

// scheduled is a source's interval as this crawler last chose it, and the
// next due time it stored with it.
type scheduled struct {
	d    time.Duration
	next time.Time
}

// remember records the interval and next due time just chosen for a source.
func (c *Crawler) remember(id string, d time.Duration, next time.Time) {
	c.mu.Lock()
	c.intervals[id] = scheduled{d, next}
	c.mu.Unlock()
}

// backoff is the wait after the n-th consecutive failure: the interval
// doubled per failure after the first, at most maxWait, less a random
// quarter at most (so that sources failing together spread out).
func backoff(interval time.Duration, n int, maxWait time.Duration, jitter float64) time.Duration {
	d := interval
	for i := 1; i < n && d < maxWait; i++ {
		d *= 2
	}
	d = min(d, maxWait)
	d -= time.Duration(float64(d) / 4 * jitter)
	return max(d, config.MinInterval)
}

// retryAfter is the Retry-After of a failed fetch, 0 when none.
func retryAfter(err error) time.Duration {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// jitter is a random number in [0, 1).
func jitter() float64 { return rand.Float64() }
