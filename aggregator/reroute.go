package aggregator

import (
	"context"
	"fmt"

	"github.com/syndic/syndic/news"
)

// rulesKey is the store setting holding the fingerprint of the routing
// rules the stored items were last routed with.
const rulesKey = "routing_rules"

// Reroute routes every stored item again with the current rules, records
// their fingerprint, and returns how many items changed sections.
func (c *Crawler) Reroute(ctx context.Context) (int, error) {
	n, err := c.store.Reroute(ctx, func(it news.Item) []string { return c.router.Route(ItemText(it)) })
	if err != nil {
		return n, err
	}
	if err := c.store.SaveSetting(ctx, rulesKey, c.router.Fingerprint()); err != nil {
		return n, err
	}
	return n, nil
}

// RerouteIfChanged reroutes the stored items when the rules differ from
// those they were last routed with (so a section never shows stale
// membership after an edit of feeds.yaml), and reports whether it did.
func (c *Crawler) RerouteIfChanged(ctx context.Context) (n int, rerouted bool, err error) {
	last, _, err := c.store.Setting(ctx, rulesKey)
	if err != nil {
		return 0, false, err
	}
	if last == c.router.Fingerprint() {
		return 0, false, nil
	}
	n, err = c.Reroute(ctx)
	if err != nil {
		return n, true, fmt.Errorf("reroute after a change of rules: %w", err)
	}
	c.log.Info("routing rules changed: items routed again", "changed", n)
	return n, true, nil
}
