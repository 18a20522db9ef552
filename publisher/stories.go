package publisher

import (
	"context"
	"html"
	"strings"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// StoryReader tells which story each item reports and who else reported
// it (store.Store does); a Store that is also a StoryReader gets every
// item's story credited in its feeds.
type StoryReader interface {
	// StoriesOf returns, for those of the items that report a story of
	// more than one report, the story, and each story's reports in order
	// of publication.
	StoriesOf(ctx context.Context, itemIDs []int64) (map[int64]int64, map[int64][]store.StoryReport, error)
}

// credit is an outlet credited for a report of an entry's story.
type credit struct {
	name string // plain text
	link string // its original, absolute http(s)
}

// storyCredits are the stories of a page's items.
type storyCredits struct {
	storyOf map[int64]int64
	reports map[int64][]store.StoryReport
}

// readStories reads the stories of items; a failure leaves them uncredited
// (the page is still served) and is logged.
func (p *Publisher) readStories(ctx context.Context, items []news.Item) storyCredits {
	sr, ok := p.st.(StoryReader)
	if !ok || len(items) == 0 {
		return storyCredits{}
	}
	ids := make([]int64, len(items))
	for i := range items {
		ids[i] = items[i].ID
	}
	storyOf, reports, err := sr.StoriesOf(ctx, ids)
	if err != nil {
		p.log.Warn("read stories", "err", err)
		return storyCredits{}
	}
	return storyCredits{storyOf, reports}
}

// creditStory names the entry's story, the outlet that reported it first and
// the other outlets that reported it (each once, its first report linked),
// and ends the entry's content with a line "Also reported by: A, B" linking
// their originals. It leaves an entry whose story has no other outlet alone.
func (p *Publisher) creditStory(e *entry, it *news.Item, sc storyCredits) {
	story, ok := sc.storyOf[it.ID]
	if !ok {
		return
	}
	seen := map[string]bool{it.SourceID: true}
	var first *credit
	var also []credit
	for i, r := range sc.reports[story] {
		c := credit{name: p.sourceName(r.SourceID), link: news.AbsoluteHTTP(nil, stripIllegal(r.Link))}
		if c.link == "" {
			continue // never credited without a link to its original
		}
		if i == 0 {
			first = &c
		}
		if !seen[r.SourceID] {
			seen[r.SourceID] = true
			also = append(also, c)
		}
	}
	if len(also) == 0 {
		return
	}
	e.story, e.firstBy, e.alsoBy = story, first, also
	var b strings.Builder
	b.WriteString("<p>Also reported by: ")
	for i, c := range also {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<a href="` + html.EscapeString(c.link) + `">` + textEscaper.Replace(c.name) + "</a>")
	}
	b.WriteString("</p>")
	e.summary += b.String()
	if e.content != "" {
		e.content += b.String()
	}
}

// sourceName is the name a source is credited by.
func (p *Publisher) sourceName(id string) string {
	if n := plainText(p.sources[id].Name); n != "" {
		return n
	}
	return plainText(id)
}
