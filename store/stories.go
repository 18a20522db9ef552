package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// Stories: each item's story (aggregator/story) is kept in item_stories,
// keyed by item, as the id of the story's first report.

// SetStories records the story of each item, by item id; an item's earlier
// story is replaced. Ids of items that are gone are skipped. Every section
// holding a report of a story that gained a report gets its version bumped,
// so that feeds naming the story's other outlets are rendered again.
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
	touched := map[int64]bool{}
	for item, story := range stories {
		if _, err := st.ExecContext(ctx, story, item); err != nil {
			return fmt.Errorf("set stories: item %d: %w", item, err)
		}
		touched[story] = true
	}
	ids := make([]int64, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	idList, _ := json.Marshal(ids) // []int64 always encodes
	sections := `SELECT DISTINCT s.section FROM item_sections s JOIN item_stories st ON st.item_id = s.item_id
		WHERE st.story_id IN (SELECT value FROM json_each(?)) ORDER BY s.section`
	if s.pg {
		sections = `SELECT DISTINCT s.section FROM item_sections s JOIN item_stories st ON st.item_id = s.item_id
		WHERE st.story_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint)) ORDER BY s.section`
	}
	var secs []string
	rows, err := tx.QueryContext(ctx, sections, string(idList))
	if err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	for rows.Next() {
		var sec string
		if err := rows.Scan(&sec); err != nil {
			rows.Close()
			return fmt.Errorf("set stories: %w", err)
		}
		secs = append(secs, sec)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	now := s.clock().UnixMicro()
	for _, sec := range secs {
		if _, err := tx.ExecContext(ctx, s.q.bumpSection, sec, now); err != nil {
			return fmt.Errorf("set stories: bump section version %s: %w", sec, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set stories: commit: %w", err)
	}
	return nil
}

// StoryItems returns up to limit items after the position (after,
// afterID) in the order of publication (the time published, or first
// stored when undated; then the id), with their quotes, sections and story
// (Item.Story; 0 when not grouped). Pass the last item's time (Published,
// else FetchedAt) and id to read on; afterID 0 starts at the time after.
func (s *Store) StoryItems(ctx context.Context, after time.Time, afterID int64, limit int) ([]news.Item, error) {
	items := `SELECT ` + itemColumns + ` FROM items WHERE sort_time > ? OR sort_time = ? AND id > ?
		ORDER BY sort_time, id LIMIT ?`
	stories := `SELECT item_id, story_id FROM item_stories WHERE item_id IN (SELECT value FROM json_each(?))`
	if s.pg {
		items = pgArgs(items)
		stories = `SELECT item_id, story_id FROM item_stories
			WHERE item_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint))`
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read story items: %w", err)
	}
	defer tx.Rollback()
	at := after.UnixMicro()
	list, err := queryItems(ctx, tx, items, at, at, afterID, limit)
	if err == nil {
		err = s.loadDetails(ctx, tx, list)
	}
	if err != nil || len(list) == 0 {
		if err != nil {
			err = fmt.Errorf("read story items: %w", err)
		}
		return list, err
	}
	idx := make(map[int64]int, len(list))
	ids := make([]int64, len(list))
	for i := range list {
		idx[list[i].ID] = i
		ids[i] = list[i].ID
	}
	idList, _ := json.Marshal(ids) // []int64 always encodes
	rows, err := tx.QueryContext(ctx, stories, string(idList))
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var item, story int64
		if err := rows.Scan(&item, &story); err != nil {
			return nil, fmt.Errorf("read stories: %w", err)
		}
		list[idx[item]].Story = story
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	return list, nil
}

// StoryReport is one report of a story, as feeds credit it.
type StoryReport struct {
	ItemID    int64
	SourceID  string
	Link      string
	Published time.Time // or first stored, when undated
	Sections  []string  // the sections it is in
}

// StoriesOf returns, for each of the items that reports a story of more
// than one report, the story's id and its reports in order of publication
// (the earliest first; ties by id).
func (s *Store) StoriesOf(ctx context.Context, itemIDs []int64) (map[int64]int64, map[int64][]StoryReport, error) {
	if len(itemIDs) == 0 {
		return nil, nil, nil
	}
	q := `SELECT st.story_id, i.id, i.source_id, i.link, i.sort_time, i.published_offset
		FROM item_stories st JOIN items i ON i.id = st.item_id
		WHERE st.story_id IN (SELECT story_id FROM item_stories WHERE item_id IN (SELECT value FROM json_each(?)))
		ORDER BY st.story_id, i.sort_time, i.id`
	if s.pg {
		q = `SELECT st.story_id, i.id, i.source_id, i.link, i.sort_time, i.published_offset
		FROM item_stories st JOIN items i ON i.id = st.item_id
		WHERE st.story_id IN (SELECT story_id FROM item_stories
			WHERE item_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint)))
		ORDER BY st.story_id, i.sort_time, i.id`
	}
	idList, _ := json.Marshal(itemIDs) // []int64 always encodes
	rows, err := s.r.QueryContext(ctx, q, string(idList))
	if err != nil {
		return nil, nil, fmt.Errorf("read stories of items: %w", err)
	}
	defer rows.Close()
	storyOf := map[int64]int64{}
	reports := map[int64][]StoryReport{}
	for rows.Next() {
		var story, sortTime, offset int64
		var r StoryReport
		if err := rows.Scan(&story, &r.ItemID, &r.SourceID, &r.Link, &sortTime, &offset); err != nil {
			return nil, nil, fmt.Errorf("read stories of items: %w", err)
		}
		r.Published = inZone(fromMicros(sortTime), offset)
		storyOf[r.ItemID] = story
		reports[story] = append(reports[story], r)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read stories of items: %w", err)
	}
	rows.Close()
	var all []int64
	for story, rs := range reports {
		if len(rs) < 2 {
			delete(reports, story)
			delete(storyOf, rs[0].ItemID)
			continue
		}
		for _, r := range rs {
			all = append(all, r.ItemID)
		}
	}
	if len(all) == 0 {
		return storyOf, reports, nil
	}
	sections := map[int64][]string{}
	ids, _ := json.Marshal(all) // []int64 always encodes
	srows, err := s.r.QueryContext(ctx, s.q.sectionsByIDs, string(ids))
	if err != nil {
		return nil, nil, fmt.Errorf("read sections of stories: %w", err)
	}
	defer srows.Close()
	for srows.Next() {
		var id int64
		var sec string
		if err := srows.Scan(&id, &sec); err != nil {
			return nil, nil, fmt.Errorf("read sections of stories: %w", err)
		}
		sections[id] = append(sections[id], sec)
	}
	if err := srows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read sections of stories: %w", err)
	}
	for _, rs := range reports {
		for i := range rs {
			rs[i].Sections = sections[rs[i].ItemID]
		}
	}
	return storyOf, reports, nil
}

// Story is one story across outlets: its id and its reports, in order of
// publication, with their quotes.
type Story struct {
	ID    int64
	Items []news.Item
}

// RecentStories returns the stories of more than one report with a report
// published (or, undated, stored) within back of the newest stored item,
// the story with the latest report first, at most limit.
func (s *Store) RecentStories(ctx context.Context, back time.Duration, limit int) ([]Story, error) {
	q := `SELECT st.story_id FROM item_stories st JOIN items i ON i.id = st.item_id
		WHERE st.story_id IN (SELECT st2.story_id FROM item_stories st2 JOIN items i2 ON i2.id = st2.item_id WHERE i2.sort_time >= (SELECT MAX(sort_time) FROM items) - ?)
		GROUP BY st.story_id HAVING COUNT(*) > 1 ORDER BY MAX(i.sort_time) DESC, st.story_id DESC LIMIT ?`
	if s.pg {
		q = pgArgs(q)
	}
	rows, err := s.r.QueryContext(ctx, q, back.Microseconds(), limit)
	if err != nil {
		return nil, fmt.Errorf("read recent stories: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read recent stories: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read recent stories: %w", err)
	}
	return s.storiesByID(ctx, ids)
}

// StoryByID returns one story (ErrNotFound when no item reports it).
func (s *Store) StoryByID(ctx context.Context, id int64) (Story, error) {
	stories, err := s.storiesByID(ctx, []int64{id})
	if err != nil {
		return Story{}, err
	}
	if len(stories) == 0 {
		return Story{}, fmt.Errorf("read story %d: %w", id, ErrNotFound)
	}
	return stories[0], nil
}

// storiesByID returns the stories of ids, in that order, skipping those
// no item reports.
func (s *Store) storiesByID(ctx context.Context, ids []int64) ([]Story, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	items := `SELECT ` + itemColumns + ` FROM items WHERE id IN
		(SELECT item_id FROM item_stories WHERE story_id IN (SELECT value FROM json_each(?))) ORDER BY sort_time, id`
	stories := `SELECT item_id, story_id FROM item_stories WHERE story_id IN (SELECT value FROM json_each(?))`
	if s.pg {
		items = `SELECT ` + itemColumns + ` FROM items WHERE id IN (SELECT item_id FROM item_stories
			WHERE story_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint))) ORDER BY sort_time, id`
		stories = `SELECT item_id, story_id FROM item_stories
			WHERE story_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)::bigint))`
	}
	idList, _ := json.Marshal(ids) // []int64 always encodes
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	defer tx.Rollback()
	list, err := queryItems(ctx, tx, items, string(idList))
	if err == nil {
		err = s.loadDetails(ctx, tx, list)
	}
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	storyOf := map[int64]int64{}
	rows, err := tx.QueryContext(ctx, stories, string(idList))
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var item, story int64
		if err := rows.Scan(&item, &story); err != nil {
			return nil, fmt.Errorf("read stories: %w", err)
		}
		storyOf[item] = story
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	byID := map[int64]*Story{}
	for _, it := range list {
		it.Story = storyOf[it.ID]
		st := byID[it.Story]
		if st == nil {
			st = &Story{ID: it.Story}
			byID[it.Story] = st
		}
		st.Items = append(st.Items, it)
	}
	var out []Story
	for _, id := range ids {
		if st := byID[id]; st != nil {
			out = append(out, *st)
		}
	}
	return out, nil
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
