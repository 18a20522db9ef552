package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/syndic/syndic/news"
)

// StoredItem returns the stored item of a source that SaveItems would match
// an item with this GUID or link to (ignoring the title fallback), with its
// sections and quotes; found is false, with no error, when there is none.
// The crawler reads it to keep what an item's article page gave it when the
// page is not read again.
func (s *Store) StoredItem(ctx context.Context, sourceID, guid, link string) (it news.Item, found bool, err error) {
	id, err := s.storedID(ctx, sourceID, guid, link)
	if err != nil || id == 0 {
		return news.Item{}, false, err
	}
	it, err = s.ItemByID(ctx, id)
	if err != nil {
		return news.Item{}, false, fmt.Errorf("read stored item: %w", err)
	}
	return it, true, nil
}

// storedID is the ID of the item HasItem finds, 0 when none: the GUID's
// key first, then the link's key, then the one item with that canonical link.
func (s *Store) storedID(ctx context.Context, sourceID, guid, link string) (int64, error) {
	canon := news.LinkKey(link)
	var k1, k2 string
	if g := strings.TrimSpace(guid); g != "" {
		k1 = keyGUID + g
	}
	if canon != "" {
		k2 = keyLink + canon
	}
	var id int64
	if k1 != "" || k2 != "" {
		err := s.r.QueryRowContext(ctx, s.q.keyedID, sourceID, k1, k2, k1).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("look up item: %w", err)
		}
	}
	if canon == "" {
		return 0, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q.itemsByLink, sourceID, canon)
	if err != nil {
		return 0, fmt.Errorf("look up item: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var fetched int64
		var hash []byte
		if err := rows.Scan(&id, &fetched, &hash); err != nil {
			return 0, fmt.Errorf("look up item: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("look up item: %w", err)
	}
	if n != 1 {
		return 0, nil
	}
	return id, nil
}
