package aggregator

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/feed"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

// crawl fetches and stores one source, filling res and state.
//
// fed is called once the feed is read and the items waiting for their
// pages are queued.
func (c *Crawler) crawl(ctx context.Context, src config.Source, state *news.SourceState, res *Result, log *slog.Logger, fed func()) error {
	resp, err := c.fetcher.Get(ctx, fetch.Request{
		URL:          src.URL,
		ETag:         state.ETag,
		LastModified: state.LastModified,
		AllowPrivate: src.AllowPrivate,
		// The fetch: limits are the client's own; only a source's
		// overrides travel with the request.
		Timeout:  src.Timeout.D(),
		MaxBytes: int64(src.MaxBytes),
	})
	if err != nil {
		err = fmt.Errorf("fetch %s: %w", kindNoun(src), err)
		if errors.Is(err, fetch.ErrHostTurn) {
			return storeErr{err} // the database's failure, not the upstream's
		}
		return err
	}
	res.hint = resp.Fresh
	if resp.NotModified {
		res.NotModified = true
		c.mu.Lock()
		res.hint = max(res.hint, c.ttls[src.ID])
		c.mu.Unlock()
		return nil
	}

	var items []news.Item
	switch src.Kind {
	case config.KindPage:
		links, err := within(ctx, c.cfg.Fetch.ExtractTimeout.D(), func() ([]string, error) {
			return extract.Links(resp.Body, src.ItemLinks, resp.URL, c.cfg.Fetch.MaxDepth)
		})
		if err != nil {
			return fmt.Errorf("read listing page %s: %w", fetch.Redact(resp.URL), err)
		}
		for _, link := range links {
			items = append(items, news.Item{GUID: link, Link: link})
		}
		if len(items) == 0 {
			return fmt.Errorf("read listing page %s: no links match item_links %q", fetch.Redact(resp.URL), src.ItemLinks)
		}
	default:
		f, err := feed.Parse(resp.Body, feed.Options{
			MaxItems: c.cfg.Fetch.Limits(src).MaxItems,
			MaxDepth: c.cfg.Fetch.MaxDepth,
			BaseURL:  resp.URL,
			Location: src.Location(),
		})
		if err != nil {
			return fmt.Errorf("parse feed %s: %w", fetch.Redact(resp.URL), err)
		}
		res.Dropped = f.Dropped
		items = f.Items
		c.mu.Lock()
		c.ttls[src.ID] = f.TTL
		c.mu.Unlock()
		res.hint = max(res.hint, f.TTL)
	}

	wctx := context.WithoutCancel(ctx)
	// doc is the document's items as it lists them: items saved in
	// several batches are deduplicated over all of them.
	var doc, ready, waiting, lookups []news.Item
	var wants []bool // per item of doc: its page is wanted
	for _, it := range items {
		if it.Title == "" && it.Link == "" && strings.TrimSpace(it.Summary+it.Content) == "" {
			res.Skipped++
			continue
		}
		it.SourceID = src.ID
		it.Publisher = []string{src.Name}
		if src.Lang != "" {
			it.Lang = src.Lang
		}
		doc = append(doc, it)
		wants = append(wants, c.wantsArticle(src, it))
		if wants[len(wants)-1] {
			lookups = append(lookups, it)
		}
	}
	// The items whose pages are wanted: those stored before keep what
	// their pages gave (the page is not read again), the rest wait for it.
	olds, known, err := c.store.StoredItems(wctx, src.ID, lookups)
	if err != nil {
		return fmt.Errorf("look up items: %w", storeErr{err})
	}
	k := 0
	for i, it := range doc {
		if wants[i] {
			old, stored := olds[k], known[k]
			k++
			if !stored {
				waiting = append(waiting, it)
				continue
			}
			keepPage(&it, old, src)
		}
		ready = append(ready, it)
	}
	waiting, deferred := c.capPages(waiting)
	// The feed is read: the crawl slot is free for the next source while
	// this one waits for its pages.
	fed()

	// Items are stored as they become ready; the validators only once
	// every item of the document is, so that a crash costs a refetch.
	if err := c.save(ctx, doc, ready, state.Attribution, res, log); err != nil {
		return err
	}
	unsaved, err := c.awaitPages(ctx, src, doc, waiting, state, res, log)
	if err != nil {
		return err
	}
	if deferred == 0 && unsaved == 0 {
		state.ETag, state.LastModified = resp.ETag, resp.LastModified
	}
	return nil
}

// capPages orders the items waiting for their pages newest first and keeps
// at most fetch.pages_per_host of them per article host; it returns them
// and how many it left for later passes.
func (c *Crawler) capPages(waiting []news.Item) ([]news.Item, int) {
	sort.SliceStable(waiting, func(i, k int) bool { return waiting[i].Published.After(waiting[k].Published) })
	perHost := map[string]int{}
	kept := waiting[:0]
	for _, it := range waiting {
		h := hostOf(it.Link)
		if perHost[h] >= c.cfg.Fetch.PagesPerHost {
			continue
		}
		perHost[h]++
		kept = append(kept, it)
	}
	return kept, len(waiting) - len(kept)
}

// arrival is an item's page, read (or failed) by the page queue.
type arrival struct {
	i   int
	job *pageJob
}

// awaitPages queues the pages of items and stores each item as soon as its
// page is read; after fetch.page_wait it stores the feed items still
// waiting with the feed's own text (and so when ctx is done) and leaves
// the rest to finish in the background (see Wait), updating them when their pages come. It returns
// how many items were not stored yet by then: listing-page links whose page
// is not read, which are no items before it is.
func (c *Crawler) awaitPages(ctx context.Context, src config.Source, doc, items []news.Item, state *news.SourceState, res *Result, log *slog.Logger) (int, error) {
	if len(items) == 0 {
		return 0, nil
	}
	arrived := make(chan arrival, len(items))
	for i, it := range items {
		req := fetch.Request{URL: it.Link, AllowPrivate: src.AllowPrivate, Timeout: src.Timeout.D(), MaxBytes: int64(src.MaxBytes)}
		opts := extract.Options{Location: src.Location(), Selectors: src.Extract, MaxDepth: c.cfg.Fetch.MaxDepth}
		c.pages.request(ctx, it.Link, req, opts, it.Published, func(j *pageJob) { arrived <- arrival{i, j} })
	}
	take := func(a arrival, batch []news.Item, state *news.SourceState, res *Result) []news.Item {
		it := items[a.i]
		if a.job.err != nil {
			log.Warn("read article", "url", fetch.Redact(it.Link), "err", a.job.err)
			if src.Kind == config.KindPage {
				// A listing link without its page is not an item yet;
				// the next pass tries again.
				return batch
			}
		} else {
			c.merge(src, &it, a.job.art, state, log)
			res.Articles++
		}
		return append(batch, it)
	}
	timer := time.NewTimer(c.cfg.Fetch.PageWait.D())
	defer timer.Stop()
	left := len(items)
	stored := make([]bool, len(items))
	for left > 0 {
		var batch []news.Item
		select {
		case a := <-arrived:
			left--
			stored[a.i] = true
			batch = take(a, batch, state, res)
			for more := true; more && left > 0; { // and whatever else came meanwhile
				select {
				case a := <-arrived:
					left--
					stored[a.i] = true
					batch = take(a, batch, state, res)
				default:
					more = false
				}
			}
			if err := c.save(ctx, doc, batch, state.Attribution, res, log); err != nil {
				return 0, err
			}
			continue
		case <-timer.C:
		case <-ctx.Done(): // shutting down: what the feed gave is stored
		}
		break
	}
	if left == 0 {
		return 0, nil
	}

	// Waited long enough: the feed's own text now, the page's when it comes.
	var now []news.Item
	unsaved := 0
	for i, it := range items {
		switch {
		case stored[i]:
		case src.Kind == config.KindPage:
			unsaved++
		default:
			now = append(now, it)
		}
	}
	if err := c.save(ctx, doc, now, state.Attribution, res, log); err != nil {
		return 0, err
	}
	attr := state.Attribution
	c.late.Add(1)
	go func() {
		defer c.late.Done()
		var late Result
		for ; left > 0; left-- {
			select {
			case a := <-arrived:
				if a.job.err != nil && src.Kind != config.KindPage {
					continue // stored with the feed's text already
				}
				batch := take(a, nil, nil, &late)
				if err := c.save(ctx, doc, batch, attr, &late, log); err != nil {
					log.Error("store item read late", "err", err)
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return unsaved, nil
}

// save finishes items (text, quotes, routing) and stores them as items of
// the document doc, adding the counts to res.
func (c *Crawler) save(ctx context.Context, doc, items []news.Item, attr news.Attribution, res *Result, log *slog.Logger) error {
	if len(items) == 0 {
		return nil
	}
	for i := range items {
		if err := c.finish(ctx, &items[i], attr, log); err != nil {
			return err
		}
	}
	saved, err := c.store.SaveDocumentItems(context.WithoutCancel(ctx), doc, items)
	if err != nil {
		return fmt.Errorf("store items: %w", storeErr{err})
	}
	res.New += saved.New
	res.Updated += saved.Updated
	res.Unchanged += saved.Unchanged
	var changed []news.Item
	for i, si := range saved.Items {
		if si.Status != news.StatusUnchanged {
			changed = append(changed, items[i])
		}
	}
	if err := c.fileSpeakers(context.WithoutCancel(ctx), itemSpeakers(changed)); err != nil {
		return fmt.Errorf("file speakers: %w", storeErr{err})
	}
	if saved.New+saved.Updated > 0 {
		// The items are stored; a failure to group them is logged, and
		// the next start groups what was left ungrouped.
		if err := c.groupStories(context.WithoutCancel(ctx), items, saved); err != nil {
			log.Warn("group stories", "err", err)
		}
	}
	return nil
}

// finish computes an item's text once, for quotes, routing and the index,
// finds its quotes unless they were found before (Quotes not nil: the
// stored item's), and routes it.
func (c *Crawler) finish(ctx context.Context, it *news.Item, attr news.Attribution, log *slog.Logger) error {
	it.Text = it.BodyText()
	if it.Quotes == nil && it.Content != "" {
		text, lang, publisher := it.Text, it.Lang, it.Publisher
		var err error
		it.Quotes, err = within(ctx, c.cfg.Fetch.ExtractTimeout.D(), func() ([]news.Quote, error) {
			return quote.Find(text, lang, publisher...), nil
		})
		if err != nil && ctx.Err() != nil {
			return fmt.Errorf("find quotes: %w", err)
		}
		if err != nil {
			log.Warn("find quotes", "guid", it.GUID, "err", err)
		}
	}
	if !it.Attribution.Required && attr.Required {
		// The reuse rule the source's pages state covers all its items,
		// those whose page was not read included.
		it.Attribution = attr
	}
	it.Sections = c.router.Route(ItemText(*it))
	return nil
}

func kindNoun(src config.Source) string {
	if src.Kind == config.KindPage {
		return "listing page"
	}
	return "feed"
}

// wantsArticle says whether an item's article page should be fetched.
func (c *Crawler) wantsArticle(src config.Source, it news.Item) bool {
	if !news.IsAbsoluteHTTP(it.Link) {
		return false
	}
	if src.Kind == config.KindPage {
		return true
	}
	if src.FetchArticle != nil {
		return *src.FetchArticle
	}
	return it.Content == ""
}

// keepPage gives an item whose article page is not read again what its
// stored version took from the page (enrich): the feed's text must not
// replace an extracted body. A stored item without a body has nothing from
// a page, and the feed's values stand.
func keepPage(it *news.Item, old news.Item, src config.Source) {
	if old.Content == "" {
		return
	}
	if old.Title != "" && (it.Title == "" || src.Kind == config.KindPage) {
		it.Title = old.Title
	}
	if it.Link == "" {
		it.Link = old.Link
	}
	it.Content, it.Text = old.Content, ""
	if len(old.Authors) > 0 {
		it.Authors = old.Authors
	}
	if !old.Published.IsZero() {
		it.Published = old.Published
	}
	if old.Section != "" {
		it.Section = old.Section
	}
	if old.Image != "" {
		it.Image = old.Image
	}
	if it.Lang == "" {
		it.Lang = old.Lang
	}
	it.Via = old.Via
	if old.Attribution.Required {
		it.Attribution = old.Attribution
	}
	// The stored quotes are final, none included: finish does not look
	// for them again in the same body.
	it.Quotes = old.Quotes
	if it.Quotes == nil {
		it.Quotes = []news.Quote{}
	}
}

// merge gives an item what its article page says: the page wins for
// body, authors, date and section; the feed keeps its GUID and link. A
// reuse notice the page states becomes the source's (state, when not nil)
// if it links the source's own site.
func (c *Crawler) merge(src config.Source, it *news.Item, art *extract.Article, state *news.SourceState, log *slog.Logger) {
	if art.Title != "" && (it.Title == "" || src.Kind == config.KindPage) {
		it.Title = art.Title
	}
	if it.Link == "" && news.IsAbsoluteHTTP(art.URL) {
		it.Link = art.URL
	}
	if art.BodyHTML != "" {
		// The page's body: finish finds its quotes.
		it.Content, it.Text, it.Quotes = art.BodyHTML, art.Body, nil
	}
	if len(art.Authors) > 0 {
		it.Authors = art.Authors
	}
	if !art.Published.IsZero() {
		it.Published = art.Published
	}
	if art.Section != "" {
		it.Section = art.Section
	}
	if art.Image != "" {
		it.Image = art.Image
	}
	if art.Lang != "" && it.Lang == "" {
		it.Lang = art.Lang
	}
	it.Via = art.Via
	it.Publisher = append(it.Publisher, art.Publisher...)
	switch {
	case !art.Attribution.Required:
	case trustedLink(art.Attribution.Link, it.Link, src):
		it.Attribution = art.Attribution
		if state != nil {
			state.Attribution = art.Attribution
		}
	default:
		log.Warn("reuse notice names another site; not credited", "url", fetch.Redact(it.Link), "link", fetch.Redact(art.Attribution.Link))
	}
}
