package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/syndic/syndic/news"
)

// StoredItems returns, for each of items (of the source sourceID, given by
// GUID and link), the stored item SaveItems would match it to (ignoring the
// title fallback: the GUID's key first, then the link's, then the one item
// with that canonical link), with its sections and quotes; found[i] is
// false when there is none. The crawler reads them to keep what an item's
// article page gave it when the page is not read again; the whole list
// takes a few queries.
func (s *Store) StoredItems(ctx context.Context, sourceID string, items []news.Item) (stored []news.Item, found []bool, err error) {
	stored, found = make([]news.Item, len(items)), make([]bool, len(items))
	if len(items) == 0 {
		return stored, found, nil
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("look up items: %w", err)
	}
	defer tx.Rollback()
	type ref struct{ guidKey, linkKey, canon string }
	refs := make([]ref, len(items))
	var keys []string
	for i, it := range items {
		r := &refs[i]
		r.canon = news.LinkKey(it.Link)
		if g := strings.TrimSpace(it.GUID); g != "" {
			r.guidKey = keyGUID + g
			keys = append(keys, r.guidKey)
		}
		if r.canon != "" {
			r.linkKey = keyLink + r.canon
			keys = append(keys, r.linkKey)
		}
	}
	type row struct {
		id  int64
		key string
	}
	scan := func(rs *sql.Rows, v *row) error {
		var fetched int64
		var hash []byte
		return rs.Scan(&v.id, &v.key, &fetched, &hash)
	}
	lookup := func(query string, list []string) (map[string][]int64, error) {
		out := map[string][]int64{}
		if len(list) == 0 {
			return out, nil
		}
		js, _ := json.Marshal(list) // []string always encodes
		rows, err := collect(ctx, tx, query, scan, sourceID, string(js))
		for _, r := range rows {
			out[r.key] = append(out[r.key], r.id)
		}
		return out, err
	}
	byKey, err := lookup(s.q.itemsByKeys, keys)
	if err != nil {
		return nil, nil, fmt.Errorf("look up items: %w", err)
	}
	ids := make([]int64, len(items))
	var canons []string
	for i, r := range refs {
		switch {
		case len(byKey[r.guidKey]) > 0:
			ids[i] = byKey[r.guidKey][0]
		case len(byKey[r.linkKey]) > 0:
			ids[i] = byKey[r.linkKey][0]
		case r.canon != "":
			canons = append(canons, r.canon)
		}
	}
	byCanon, err := lookup(s.q.itemsByLinks, canons)
	if err != nil {
		return nil, nil, fmt.Errorf("look up items: %w", err)
	}
	var want []int64
	for i, r := range refs {
		if ids[i] == 0 && len(byCanon[r.canon]) == 1 {
			ids[i] = byCanon[r.canon][0]
		}
		if ids[i] != 0 {
			want = append(want, ids[i])
		}
	}
	if len(want) == 0 {
		return stored, found, nil
	}
	list, err := queryItems(ctx, tx, s.q.itemsByIDs, idsJSON(want))
	if err == nil {
		err = s.loadDetails(ctx, tx, list)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read stored items: %w", err)
	}
	byID := make(map[int64]news.Item, len(list))
	for _, it := range list {
		byID[it.ID] = it
	}
	for i, id := range ids {
		stored[i], found[i] = byID[id]
	}
	return stored, found, nil
}

// StoredItem is StoredItems of one item.
func (s *Store) StoredItem(ctx context.Context, sourceID, guid, link string) (news.Item, bool, error) {
	stored, found, err := s.StoredItems(ctx, sourceID, []news.Item{{GUID: guid, Link: link}})
	if err != nil {
		return news.Item{}, false, err
	}
	return stored[0], found[0], nil
}
