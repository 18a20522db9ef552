package aggregator

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/syndic/syndic/aggregator/story"
	"github.com/syndic/syndic/news"
)

// stories groups items into stories across outlets as they are stored.
// Its first use reads the items of the last window back from the store.
type stories struct {
	mu     sync.Mutex
	g      *story.Grouper
	window time.Duration
	names  map[string]string // source id → the name others credit it by
}

func newStories(window time.Duration, names map[string]string) *stories {
	return &stories{window: window, names: names}
}

// storyReport is an item as grouping reads it.
func storyReport(it news.Item, outlet string) story.Report {
	text := it.BodyText()
	lead := news.PlainText(it.Summary)
	if lead == "" {
		lead, _, _ = strings.Cut(text, "\n\n")
	}
	// A report is placed at its publication, never after it was stored
	// (a wrong date in the future would push the window on).
	when := it.Published
	if when.IsZero() || !it.FetchedAt.IsZero() && when.After(it.FetchedAt) {
		when = it.FetchedAt
	}
	return story.Report{ID: it.ID, Outlet: outlet, Title: it.Title, Lead: lead, Text: text,
		Via: it.Via, Published: when}
}

// storyPage is how many stored items are read at a time.
const storyPage = 1000

// EachStored calls fn with every stored item published (or, undated, first
// stored) after from, oldest first, with its story, a page at a time.
func EachStored(ctx context.Context, st Store, from time.Time, fn func(news.Item) error) error {
	at, id := from, int64(0)
	for {
		items, err := st.StoryItems(ctx, at, id, storyPage)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if len(items) < storyPage {
			return nil
		}
		last := items[len(items)-1]
		at, id = last.Published, last.ID
		if at.IsZero() {
			at = last.FetchedAt
		}
	}
}

// warm fills the grouper with the stored items of the last window, once,
// grouping those stored before grouping existed.
func (s *stories) warm(ctx context.Context, st Store, now time.Time) error {
	if s.g != nil {
		return nil
	}
	g := story.New(story.Options{Window: s.window})
	found := map[int64]int64{}
	err := EachStored(ctx, st, now.Add(-s.window), func(it news.Item) error {
		r := storyReport(it, s.names[it.SourceID])
		if it.Story != 0 {
			g.Keep(r, it.Story)
		} else {
			found[it.ID] = g.Add(r)
		}
		return nil
	})
	if err == nil {
		err = st.SetStories(ctx, found)
	}
	if err != nil {
		return err
	}
	s.g = g
	return nil
}

// group returns the stories of the new and updated items of a save.
func (s *stories) group(ctx context.Context, st Store, items []news.Item, saved news.SaveResult, now time.Time) (map[int64]int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.warm(ctx, st, now); err != nil {
		return nil, err
	}
	found := map[int64]int64{}
	for i, it := range items {
		if i >= len(saved.Items) || saved.Items[i].Status == news.StatusUnchanged {
			continue
		}
		it.ID = saved.Items[i].ID
		if it.FetchedAt.IsZero() {
			it.FetchedAt = now
		}
		found[it.ID] = s.g.Add(storyReport(it, s.names[it.SourceID]))
	}
	return found, nil
}

// groupStories puts the new and updated items of a save into stories and
// records them.
func (c *Crawler) groupStories(ctx context.Context, items []news.Item, saved news.SaveResult) error {
	found, err := c.stories.group(ctx, c.store, items, saved, c.now())
	if err != nil {
		return fmt.Errorf("group stories: %w", err)
	}
	// Written outside the grouper's lock: other crawls group meanwhile.
	if err := c.store.SetStories(ctx, found); err != nil {
		return fmt.Errorf("group stories: %w", err)
	}
	return nil
}

// Regroup groups every stored item into stories again, oldest first, with
// the current settings (a story's id is its first report's, so stories
// that do not change keep their ids), and returns how many items it read
// and how many stories they make. The crawler's grouper starts afresh.
func (c *Crawler) Regroup(ctx context.Context) (items, stories int, err error) {
	s := c.stories
	s.mu.Lock()
	defer s.mu.Unlock()
	g := story.New(story.Options{Window: s.window})
	found := map[int64]int64{}
	storyIDs := map[int64]bool{}
	flush := func() error {
		err := c.store.SetStories(ctx, found)
		clear(found)
		return err
	}
	err = EachStored(ctx, c.store, time.Time{}, func(it news.Item) error {
		id := g.Add(storyReport(it, s.names[it.SourceID]))
		found[it.ID] = id
		storyIDs[id] = true
		items++
		if len(found) >= storyPage {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return items, len(storyIDs), fmt.Errorf("regroup: %w", err)
	}
	s.g = nil // the next crawl reads the window back
	return items, len(storyIDs), nil
}
