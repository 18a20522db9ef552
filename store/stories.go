package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// Stories: each item's story (aggregator/story) is kept in item_stories,
// keyed by item, as the id of the story's first report.

// SetStories records the story of each item, by item id; an item's earlier
// story is replaced. Ids of items that are gone are skipped.
func (s *Store) SetStories(ctx context.Context, stories map[int64]int64) error {
	if len(stories) == 0 {
		return nil
	}
	q := `INSERT INTO item_stories (item_id, story_id) SELECT id, ? FROM items WHERE id = ?
		ON CONFLICT (item_id) DO UPDATE SET story_id = excluded.story_id`
	if s.pg {
		q = `INSERT INTO item_stories (item_id, story_id) SELECT id, $1 FROM items WHERE id = $2
		ON CONFLICT (item_id) DO UPDATE SET story_id = excluded.story_id`
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	defer st.Close()
	for item, story := range stories {
		if _, err := st.ExecContext(ctx, story, item); err != nil {
			return fmt.Errorf("set stories: item %d: %w", item, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set stories: commit: %w", err)
	}
	return nil
}

// StoryItems returns the items published (or, undated, first stored) from
// from until before to, oldest first, with their quotes, sections and
// story (Item.Story; 0 when not grouped). A zero to means no end.
func (s *Store) StoryItems(ctx context.Context, from, to time.Time) ([]news.Item, error) {
	end := int64(1<<63 - 1)
	if !to.IsZero() {
		end = to.UnixMicro()
	}
	items := `SELECT ` + itemColumns + ` FROM items WHERE sort_time >= ? AND sort_time < ? ORDER BY sort_time, id`
	stories := `SELECT st.item_id, st.story_id FROM item_stories st JOIN items i ON i.id = st.item_id
		WHERE i.sort_time >= ? AND i.sort_time < ?`
	if s.pg {
		items, stories = pgArgs(items), pgArgs(stories)
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read story items: %w", err)
	}
	defer tx.Rollback()
	list, err := queryItems(ctx, tx, items, from.UnixMicro(), end)
	if err == nil {
		err = s.loadDetails(ctx, tx, list)
	}
	if err != nil {
		return nil, fmt.Errorf("read story items: %w", err)
	}
	idx := make(map[int64]int, len(list))
	for i := range list {
		idx[list[i].ID] = i
	}
	rows, err := tx.QueryContext(ctx, stories, from.UnixMicro(), end)
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var item, story int64
		if err := rows.Scan(&item, &story); err != nil {
			return nil, fmt.Errorf("read stories: %w", err)
		}
		if i, ok := idx[item]; ok {
			list[i].Story = story
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	return list, nil
}

// pgArgs writes the ? placeholders of a query as PostgreSQL's $1, $2 ….
func pgArgs(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
