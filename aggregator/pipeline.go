package aggregator

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/feed"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

// crawl fetches and stores one source, filling res and state.
func (c *Crawler) crawl(ctx context.Context, src config.Source, state *news.SourceState, res *Result, log *slog.Logger) error {
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
		return fmt.Errorf("fetch %s: %w", kindNoun(src), err)
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
	kept := items[:0]
	for _, it := range items {
		if it.Title == "" && it.Link == "" && strings.TrimSpace(it.Summary+it.Content) == "" {
			res.Skipped++
			continue
		}
		it.SourceID = src.ID
		if src.Lang != "" {
			it.Lang = src.Lang
		}
		if c.wantsArticle(src, it) {
			known, err := c.store.HasItem(wctx, src.ID, it.GUID, it.Link)
			if err != nil {
				return fmt.Errorf("look up item: %w", err)
			}
			if !known {
				ok := c.enrich(ctx, src, &it, state, log)
				res.Articles++
				if !ok && src.Kind == config.KindPage {
					// A listing link without its page is not an item yet;
					// the next pass tries again.
					continue
				}
			}
		}
		// The item's text, read once for quotes, routing and the index.
		it.Text = it.BodyText()
		if len(it.Quotes) == 0 && it.Content != "" {
			text, lang := it.Text, it.Lang
			it.Quotes, err = within(ctx, c.cfg.Fetch.ExtractTimeout.D(), func() ([]news.Quote, error) {
				return quote.Find(text, lang), nil
			})
			if err != nil && ctx.Err() != nil {
				return fmt.Errorf("find quotes: %w", err)
			}
			if err != nil {
				log.Warn("find quotes", "guid", it.GUID, "err", err)
			}
		}
		if !it.Attribution.Required && state.Attribution.Required {
			// The reuse rule the source's pages state covers all its items,
			// those whose page was not read included.
			it.Attribution = state.Attribution
		}
		it.Sections = c.router.Route(ItemText(it))
		kept = append(kept, it)
	}
	items = kept

	saved, err := c.store.SaveItems(wctx, items)
	if err != nil {
		return fmt.Errorf("store items: %w", err)
	}
	res.New, res.Updated, res.Unchanged = saved.New, saved.Updated, saved.Unchanged
	var changed []news.Item
	for i, si := range saved.Items {
		if si.Status != news.StatusUnchanged {
			changed = append(changed, items[i])
		}
	}
	if err := c.fileSpeakers(wctx, itemSpeakers(changed)); err != nil {
		return fmt.Errorf("file speakers: %w", err)
	}
	if saved.New+saved.Updated > 0 {
		// The items are stored; a failure to group them is logged, and
		// the next start groups what was left ungrouped.
		if err := c.groupStories(wctx, items, saved); err != nil {
			log.Warn("group stories", "err", err)
		}
	}
	// Only now that the items are stored may the validators skip them.
	state.ETag, state.LastModified = resp.ETag, resp.LastModified
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

// enrich fetches an item's article page and merges it in: the page wins for
// body, authors, date and section; the feed keeps its GUID and link. It
// reports whether the page was read.
func (c *Crawler) enrich(ctx context.Context, src config.Source, it *news.Item, state *news.SourceState, log *slog.Logger) bool {
	resp, err := c.fetcher.Get(ctx, fetch.Request{URL: it.Link, AllowPrivate: src.AllowPrivate,
		Timeout: src.Timeout.D(), MaxBytes: int64(src.MaxBytes)})
	if err == nil && resp.NotModified {
		err = fmt.Errorf("unexpected 304")
	}
	if err != nil {
		log.Warn("fetch article", "url", fetch.Redact(it.Link), "err", err)
		return false
	}
	art, err := within(ctx, c.cfg.Fetch.ExtractTimeout.D(), func() (*extract.Article, error) {
		return extract.Extract(resp.Body, extract.Options{
			URL:       resp.URL,
			Location:  src.Location(),
			Selectors: src.Extract,
			Now:       c.now(), // "сегодня, 13:01" is today of the crawl
			MaxDepth:  c.cfg.Fetch.MaxDepth,
		})
	})
	if err != nil {
		log.Warn("extract article", "url", fetch.Redact(it.Link), "err", err)
		return false
	}
	if art.Title != "" && (it.Title == "" || src.Kind == config.KindPage) {
		it.Title = art.Title
	}
	if it.Link == "" && news.IsAbsoluteHTTP(art.URL) {
		it.Link = art.URL
	}
	if art.BodyHTML != "" {
		it.Content, it.Text = art.BodyHTML, art.Body
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
	switch {
	case !art.Attribution.Required:
	case trustedLink(art.Attribution.Link, it.Link, src):
		it.Attribution = art.Attribution
		state.Attribution = art.Attribution
	default:
		log.Warn("reuse notice names another site; not credited", "url", fetch.Redact(it.Link), "link", fetch.Redact(art.Attribution.Link))
	}
	if art.Body != "" {
		body, lang := art.Body, it.Lang
		it.Quotes, err = within(ctx, c.cfg.Fetch.ExtractTimeout.D(), func() ([]news.Quote, error) {
			return quote.Find(body, lang), nil
		})
		if err != nil {
			log.Warn("find quotes", "url", fetch.Redact(it.Link), "err", err)
		}
	}
	return true
}
