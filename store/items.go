package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/syndic/syndic/news"
)

// SectionVersion returns a number that changes whenever the section's
// membership or any of its items changes, and the time of that change. It is
// 0 and the store's creation time, with no error, for a section that never
// had an item.
// Versions are counted per database: combine both values in an ETag.
func (s *Store) SectionVersion(ctx context.Context, section string) (int64, time.Time, error) {
	var v, at int64
	err := s.r.QueryRowContext(ctx, s.q.sectionVersion, section).Scan(&v, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("read section version: %w", err)
	}
	if at == 0 {
		return v, time.Time{}, nil
	}
	return v, fromMicros(at), nil
}

// ItemByID returns a stored item with its sections and quotes, or an error
// wrapping ErrNotFound.
func (s *Store) ItemByID(ctx context.Context, id int64) (news.Item, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return news.Item{}, fmt.Errorf("read item %d: %w", id, err)
	}
	defer tx.Rollback()
	items, err := queryItems(ctx, tx, s.q.itemByID, id)
	if err == nil && len(items) == 0 {
		err = ErrNotFound
	}
	if err == nil {
		err = s.loadDetails(ctx, tx, items)
	}
	if err != nil {
		return news.Item{}, fmt.Errorf("read item %d: %w", id, err)
	}
	return items[0], nil
}

// HasItem reports whether SaveItems would match an item of the source with
// this GUID or link to a stored one (ignoring the title fallback).
func (s *Store) HasItem(ctx context.Context, sourceID, guid, link string) (bool, error) {
	_, found, err := s.StoredItem(ctx, sourceID, guid, link)
	if err != nil {
		return false, fmt.Errorf("check item: %w", err)
	}
	return found, nil
}

// CountItems returns the number of stored items.
func (s *Store) CountItems(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, s.q.countItems).Scan(&n); err != nil {
		return 0, fmt.Errorf("count items: %w", err)
	}
	return n, nil
}

// readItems runs query, whose last argument is the limit, and returns the
// items it selects with their sections and quotes, read in one snapshot;
// nothing for a limit below 1.
func (s *Store) readItems(ctx context.Context, query string, args ...any) ([]news.Item, error) {
	if limit, _ := args[len(args)-1].(int); limit < 1 {
		return nil, nil
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	items, err := queryItems(ctx, tx, query, args...)
	if err == nil {
		err = s.loadDetails(ctx, tx, items)
	}
	return items, err
}

// queryItems runs a query selecting itemColumns.
func queryItems(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]news.Item, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []news.Item
	for rows.Next() {
		var it news.Item
		var authors, categories, via, enclosures string
		var published, updated, edited sql.NullInt64
		var fetched, offset int64
		if err := rows.Scan(&it.ID, &it.SourceID, &it.GUID, &it.Link, &it.Title, &it.Summary, &it.Content,
			&authors, &categories, &it.Section, &published, &updated, &it.Image, &it.Lang, &via,
			&it.Attribution.Required, &it.Attribution.Link, &it.Attribution.Notice, &fetched, &offset,
			&it.Key, &enclosures, &edited); err != nil {
			return nil, err
		}
		it.Published, it.Updated, it.FetchedAt = inZone(fromNull(published), offset), fromNull(updated), fromMicros(fetched)
		it.Edited = fromNull(edited)
		if it.Authors, err = parseList(authors); err == nil {
			if it.Categories, err = parseList(categories); err == nil {
				if it.Via, err = parseList(via); err == nil {
					it.Enclosures, err = parseEnclosures(enclosures)
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("decode item %d: %w", it.ID, err)
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

// sectionsOf returns the sections of the items of ids, by item.
func (s *Store) sectionsOf(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64][]string, error) {
	type row struct {
		id  int64
		sec string
	}
	rows, err := collect(ctx, tx, s.q.sectionsByIDs, func(rs *sql.Rows, v *row) error { return rs.Scan(&v.id, &v.sec) }, idsJSON(ids))
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]string, len(ids))
	for _, r := range rows {
		out[r.id] = append(out[r.id], r.sec)
	}
	return out, nil
}

// loadDetails fills in the sections and quotes of items.
func (s *Store) loadDetails(ctx context.Context, tx *sql.Tx, items []news.Item) error {
	if len(items) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(items))
	ids := make([]int64, len(items))
	for i := range items {
		idx[items[i].ID] = i
		ids[i] = items[i].ID
	}
	sections, err := s.sectionsOf(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("read item sections: %w", err)
	}
	for id, secs := range sections {
		items[idx[id]].Sections = secs
	}
	rows, err := tx.QueryContext(ctx, s.q.quotesByIDs, idsJSON(ids))
	if err != nil {
		return fmt.Errorf("read quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var q news.Quote
		if err := rows.Scan(&id, &q.Pos, &q.Speaker, &q.Role, &q.Verb, &q.Direct, &q.Text); err != nil {
			return fmt.Errorf("read quotes: %w", err)
		}
		it := &items[idx[id]]
		it.Quotes = append(it.Quotes, q)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read quotes: %w", err)
	}
	return nil
}
