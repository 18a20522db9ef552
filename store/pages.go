package store

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/syndic/syndic/news"
)

// Paged reads for the publisher: a section's or a source's items older than
// a position, and one version for the whole store.
//
// A position is the (sort time, ID) of an item: its Published time, or its
// FetchedAt when Published is zero, and its ID, as the items read return them.
// Items are ordered by position, newest first, so "older than the last item
// of this page" is a stable cursor: items stored meanwhile with newer times
// never shift a page, and walking from the newest page to the oldest meets
// every item once.

// SortTime returns the time an item is ordered by in a section or source:
// its Published time, or FetchedAt when Published is zero.
func SortTime(it *news.Item) time.Time {
	if it.Published.IsZero() {
		return it.FetchedAt
	}
	return it.Published
}

// SectionItemsBefore returns up to limit items routed to a section whose
// position is older than (before, beforeID), newest first (ties broken by the
// higher ID), with their sections and quotes. A zero before means from the
// newest. It returns no items, and no error, for an unknown section or a
// limit below 1.
func (s *Store) SectionItemsBefore(ctx context.Context, section string, before time.Time, beforeID int64, limit int) ([]news.Item, error) {
	t, id := cursorArgs(before, beforeID)
	items, err := s.readItems(ctx, s.q.sectionBefore, section, t, t, id, limit)
	if err != nil {
		return nil, fmt.Errorf("read section page: %w", err)
	}
	return items, nil
}

// SourceItems returns up to limit items of a source that are in at least
// one section (the items syndic republishes), older than (before,
// beforeID), newest first, with their sections and quotes. A zero before
// means from the newest.
func (s *Store) SourceItems(ctx context.Context, sourceID string, before time.Time, beforeID int64, limit int) ([]news.Item, error) {
	t, id := cursorArgs(before, beforeID)
	items, err := s.readItems(ctx, s.q.sourceBefore, sourceID, t, t, id, limit)
	if err != nil {
		return nil, fmt.Errorf("read source page: %w", err)
	}
	return items, nil
}

// Version returns a number that grows whenever any section's version does
// (so whenever any published item changes), and the time of the latest such
// change; 0 and the store's creation time for a store without sections.
func (s *Store) Version(ctx context.Context) (int64, time.Time, error) {
	var v, at int64
	if err := s.r.QueryRowContext(ctx, s.q.version).Scan(&v, &at); err != nil {
		return 0, time.Time{}, fmt.Errorf("read store version: %w", err)
	}
	if at == 0 {
		return v, time.Time{}, nil
	}
	return v, fromMicros(at), nil
}

func cursorArgs(before time.Time, beforeID int64) (int64, int64) {
	if before.IsZero() {
		return math.MaxInt64, math.MaxInt64
	}
	return roundTime(before).UnixMicro(), beforeID
}
