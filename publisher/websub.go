package publisher

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// Run polls the store for section changes every Recheck (at least every
// second) until ctx is cancelled, so that the hub is pinged (see ping) even
// when nobody requests the feeds and the crawler runs in another process;
// then it waits for pings in flight. Without a hub it only keeps versions
// fresh. Errors are logged, never returned.
func (p *Publisher) Run(ctx context.Context) {
	every := max(p.recheck, time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	defer p.pings.Wait()
	for {
		p.Poll(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Poll reads every section's version once, pinging the hub for each that
// changed since the last read.
func (p *Publisher) Poll(ctx context.Context) {
	for _, s := range p.sections {
		d := p.secDeps[s.ID]
		d.mu.Lock()
		_, err := p.readVersion(ctx, d)
		d.mu.Unlock()
		if err != nil && ctx.Err() == nil {
			p.readErr.Store(&err)
			p.logReadError("section "+s.ID, err)
		}
	}
}

// Wait waits for the hub pings in flight.
func (p *Publisher) Wait() { p.pings.Wait() }

// ping tells the hub, in the background, that every format of the
// section's feed has changed: one POST of hub.mode=publish&hub.url=<feed>
// per format. Failures are logged.
func (p *Publisher) ping(d *dep) {
	if p.hub == "" || p.hubPoster == nil {
		return
	}
	for _, rt := range p.feedsOf[d] {
		feed := p.base + rt.path
		p.pings.Add(1)
		go func() {
			defer p.pings.Done()
			if err := p.publish(feed); err != nil {
				p.m.pings.WithLabelValues("error").Inc()
				p.log.Warn("websub ping failed", "hub", p.hub, "feed", feed, "err", err)
				return
			}
			p.m.pings.WithLabelValues("ok").Inc()
			p.log.Info("websub ping", "hub", p.hub, "feed", feed)
		}()
	}
}

// FormPoster sends a form by POST, failing on a status other than 2xx.
type FormPoster interface {
	PostForm(ctx context.Context, target string, form url.Values) error
}

func (p *Publisher) publish(feed string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {feed}}
	if err := p.hubPoster.PostForm(ctx, p.hub, form); err != nil {
		return fmt.Errorf("ping hub: %w", err)
	}
	return nil
}
