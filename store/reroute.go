package store

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/syndic/syndic/news"
)

// rerouteBatch is how many items one Reroute transaction handles.
const rerouteBatch = 500

// Reroute gives every stored item the sections route returns for it and
// stores those that changed, bumping the versions of the sections an item
// entered or left. It works in batches, one transaction each, so readers
// are never held up for long; a crash part way leaves every item in its
// old or its new sections, and running it again finishes the job. It
// returns the number of items whose sections changed.
func (s *Store) Reroute(ctx context.Context, route func(news.Item) []string) (int, error) {
	changed := 0
	var last int64
	for {
		n, next, err := s.rerouteBatch(ctx, last, route)
		changed += n
		if err != nil {
			return changed, fmt.Errorf("reroute items after id %d: %w", last, err)
		}
		if next == last {
			return changed, nil
		}
		last = next
	}
}

func (s *Store) rerouteBatch(ctx context.Context, after int64, route func(news.Item) []string) (changed int, last int64, err error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, after, err
	}
	defer tx.Rollback()
	items, err := queryItems(ctx, tx, s.q.itemsAfter, after, rerouteBatch)
	if err == nil {
		err = s.loadDetails(ctx, tx, items)
	}
	if err != nil || len(items) == 0 {
		return 0, after, err
	}
	touched := map[string]bool{}
	now := s.clock()
	for _, it := range items {
		old := normSections(it.Sections)
		it.Sections = normSections(route(it))
		if slices.Equal(old, it.Sections) {
			continue
		}
		changed++
		for _, sec := range append(old, it.Sections...) {
			touched[sec] = true
		}
		if _, err := tx.ExecContext(ctx, s.q.deleteSections, it.ID); err != nil {
			return 0, after, err
		}
		sort := sortKey(it.Published, it.FetchedAt.UnixMicro())
		for _, sec := range it.Sections {
			if _, err := tx.ExecContext(ctx, s.q.insertSection, it.ID, sec, sort); err != nil {
				return 0, after, err
			}
		}
		// Keep the hash SaveItems compares with in step, so the next crawl
		// of an unchanged item does not count it as an edit.
		n := normalize(it)
		if _, err := tx.ExecContext(ctx, s.q.setItemHash, contentHash(&n, news.LinkKey(n.Link)), it.ID); err != nil {
			return 0, after, err
		}
	}
	// In order, as SaveItems bumps them: two writers bumping the same
	// sections lock their rows in one order (PostgreSQL) and never deadlock.
	for _, sec := range slices.Sorted(maps.Keys(touched)) {
		if _, err := tx.ExecContext(ctx, s.q.bumpSection, sec, now.UnixMicro()); err != nil {
			return 0, after, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, after, err
	}
	return changed, items[len(items)-1].ID, nil
}
