package aggregator

import (
	"context"
	"fmt"
	"slices"

	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/news"
)

// speakerFormsKey is the store setting holding the version of the forms
// quote.Identify files speakers with; speakerForms is the current one,
// changed whenever Identify changes what it gives, so that every stored
// name is filed again.
const (
	speakerFormsKey = "speaker_forms"
	speakerForms    = "1"
)

// FileSpeakers files in the speaker registry the stored names quotes are
// credited to that it lacks, or all of them when the forms have changed
// since they were filed, and returns how many it filed.
func (c *Crawler) FileSpeakers(ctx context.Context) (int, error) {
	last, _, err := c.store.Setting(ctx, speakerFormsKey)
	if err != nil {
		return 0, err
	}
	names, err := c.store.SpeakerNames(ctx, last == speakerForms)
	if err != nil {
		return 0, err
	}
	if err := c.fileSpeakers(ctx, names); err != nil {
		return 0, fmt.Errorf("file speakers: %w", err)
	}
	return len(names), c.store.SaveSetting(ctx, speakerFormsKey, speakerForms)
}

// fileSpeakers files names in the speaker registry, in batches, but for
// those this crawler filed already (the same few officials speak in most
// batches; filing them again costs a write and the registry's cache).
func (c *Crawler) fileSpeakers(ctx context.Context, names []string) error {
	const batch = 200
	names = slices.DeleteFunc(slices.Clone(names), func(n string) bool {
		_, done := c.filed.Load(n)
		return done
	})
	for len(names) > 0 {
		n := min(batch, len(names))
		sps := make([]news.Speaker, 0, n)
		for _, name := range names[:n] {
			sps = append(sps, quote.Identify(name))
		}
		if err := c.store.SaveSpeakers(ctx, sps); err != nil {
			return err
		}
		for _, name := range names[:n] {
			c.filed.Store(name, true)
		}
		names = names[n:]
	}
	return nil
}

// itemSpeakers returns the names the items' quotes are credited to, each
// once.
func itemSpeakers(items []news.Item) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		for _, q := range it.Quotes {
			if q.Speaker != "" && !seen[q.Speaker] {
				seen[q.Speaker] = true
				out = append(out, q.Speaker)
			}
		}
	}
	return out
}
