package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set stories: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, s.q.setStory)
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
	secs, err := collect(ctx, tx, s.q.storySections, scanOne[string], idsJSON(ids))
	if err != nil {
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
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read story items: %w", err)
	}
	defer tx.Rollback()
	at := after.UnixMicro()
	list, err := queryItems(ctx, tx, s.q.storyItems, at, at, afterID, limit)
	if err == nil {
		err = s.loadDetails(ctx, tx, list)
	}
	if err == nil && len(list) > 0 {
		err = s.fillStories(ctx, tx, s.q.storyOfItems, list, itemIDs(list))
	}
	if err != nil {
		return nil, fmt.Errorf("read story items: %w", err)
	}
	return list, nil
}

// StoryReport is one report of a story, as feeds credit it.
type StoryReport struct {
	ItemID   int64
	SourceID string
	Link     string
	Sections []string // the sections it is in
}

// StoriesOf returns, for each of the items that reports a story of more
// than one report, the story's id and its reports in order of publication
// (the earliest first; ties by id).
func (s *Store) StoriesOf(ctx context.Context, itemIDs []int64) (map[int64]int64, map[int64][]StoryReport, error) {
	if len(itemIDs) == 0 {
		return nil, nil, nil
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("read stories of items: %w", err)
	}
	defer tx.Rollback()
	type row struct {
		story int64
		r     StoryReport
	}
	rows, err := collect(ctx, tx, s.q.storyReports, func(rs *sql.Rows, v *row) error {
		return rs.Scan(&v.story, &v.r.ItemID, &v.r.SourceID, &v.r.Link)
	}, idsJSON(itemIDs))
	if err != nil {
		return nil, nil, fmt.Errorf("read stories of items: %w", err)
	}
	storyOf := map[int64]int64{}
	reports := map[int64][]StoryReport{}
	for _, v := range rows {
		storyOf[v.r.ItemID] = v.story
		reports[v.story] = append(reports[v.story], v.r)
	}
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
	sections, err := s.sectionsOf(ctx, tx, all)
	if err != nil {
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
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read recent stories: %w", err)
	}
	defer tx.Rollback()
	ids, err := collect(ctx, tx, s.q.recentStories, scanOne[int64], back.Microseconds(), limit)
	if err != nil {
		return nil, fmt.Errorf("read recent stories: %w", err)
	}
	return s.storiesByID(ctx, tx, ids)
}

// StoryByID returns one story (ErrNotFound when no item reports it).
func (s *Store) StoryByID(ctx context.Context, id int64) (Story, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Story{}, fmt.Errorf("read story %d: %w", id, err)
	}
	defer tx.Rollback()
	stories, err := s.storiesByID(ctx, tx, []int64{id})
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
func (s *Store) storiesByID(ctx context.Context, tx *sql.Tx, ids []int64) ([]Story, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := queryItems(ctx, tx, s.q.storiesItems, idsJSON(ids))
	if err == nil {
		err = s.loadDetails(ctx, tx, list)
	}
	if err == nil {
		err = s.fillStories(ctx, tx, s.q.storiesMembers, list, ids)
	}
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	byID := map[int64]*Story{}
	for _, it := range list {
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

// fillStories sets the Story of the items of list from query, which maps
// the JSON array of ids to (item_id, story_id) rows.
func (s *Store) fillStories(ctx context.Context, tx *sql.Tx, query string, list []news.Item, ids []int64) error {
	type pair struct{ item, story int64 }
	pairs, err := collect(ctx, tx, query, func(rs *sql.Rows, p *pair) error { return rs.Scan(&p.item, &p.story) }, idsJSON(ids))
	if err != nil {
		return err
	}
	storyOf := make(map[int64]int64, len(pairs))
	for _, p := range pairs {
		storyOf[p.item] = p.story
	}
	for i := range list {
		list[i].Story = storyOf[list[i].ID]
	}
	return nil
}

// idsJSON is the JSON array of ids that the inIDs queries take.
func idsJSON(ids []int64) string {
	b, _ := json.Marshal(ids) // []int64 always encodes
	return string(b)
}

// itemIDs are the ids of items.
func itemIDs(items []news.Item) []int64 {
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = items[i].ID
	}
	return ids
}

// scanOne scans a row of one column.
func scanOne[T any](rs *sql.Rows, v *T) error { return rs.Scan(v) }
