package aggregator

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

func TestWithin(t *testing.T) {
	ctx := context.Background()
	v, err := within(ctx, time.Second, func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("fast: %v, %v", v, err)
	}
	release := make(chan struct{})
	defer close(release)
	start := time.Now()
	_, err = within(ctx, 50*time.Millisecond, func() (int, error) { <-release; return 1, nil })
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "fetch.extract_timeout") || time.Since(start) > 2*time.Second {
		t.Errorf("slow: %v after %s", err, time.Since(start))
	}
	_, err = within(ctx, time.Second, func() (int, error) { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("panic: %v", err)
	}
	// Shutdown: within gives up when ctx is done, and runs nothing once it is.
	stop, cancel := context.WithCancel(ctx)
	go func() { time.Sleep(10 * time.Millisecond); cancel() }()
	_, err = within(stop, time.Hour, func() (int, error) { <-release; return 1, nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while running: %v", err)
	}
	ran := false
	_, err = within(stop, time.Hour, func() (int, error) { ran = true; return 1, nil })
	if !errors.Is(err, context.Canceled) || ran {
		t.Errorf("cancelled before: %v, ran %v", err, ran)
	}
}

// FuzzExtractGuarded runs an article page through what the crawler does
// with one: extraction with the depth limit inside the time budget, link
// discovery, plain text and quote finding. No panic, and a page either
// fails with a clear error or gives valid UTF-8.
func FuzzExtractGuarded(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title></head><body><article><h1>Заголовок</h1><p>«Мы договорились», — сказал министр Лавров.</p><a class="news" href="/a">a</a></article></body></html>`), "a.news")
	f.Add([]byte(strings.Repeat("<div>", 600)+"<p>deep</p>"), "div")
	f.Add([]byte(`<svg><script>alert(1)</script></svg><math><style><img src=x onerror=y>`), "[")
	f.Add([]byte("\xff\xfe<p>\x00</p>"), "")
	c := &Crawler{cfg: config.Default()}
	c.cfg.Fetch.ExtractTimeout = config.Duration(5 * time.Second)
	f.Fuzz(func(t *testing.T, page []byte, selector string) {
		art, err := within(context.Background(), c.cfg.Fetch.ExtractTimeout.D(), func() (*extract.Article, error) {
			return extract.Extract(page, extract.Options{URL: "https://example.ru/news/1", Location: time.UTC, MaxDepth: c.cfg.Fetch.MaxDepth})
		})
		if err != nil {
			if strings.HasPrefix(err.Error(), "panic:") {
				t.Fatalf("extract: %v", err) // the guard caught it; the fuzzer reports it
			}
			return
		}
		for _, s := range append([]string{art.Title, art.Body, art.BodyHTML}, art.Authors...) {
			if !utf8.ValidString(s) && utf8.Valid(page) {
				t.Errorf("invalid UTF-8 out of valid UTF-8: %q", s)
			}
		}
		quote.Find(news.PlainText(art.BodyHTML), "ru")
		quote.Find(art.Body, "en")
		if checkSelectorOK(selector) {
			if _, err := within(context.Background(), c.cfg.Fetch.ExtractTimeout.D(), func() ([]string, error) {
				return extract.Links(page, selector, "https://example.ru/", c.cfg.Fetch.MaxDepth)
			}); err != nil && strings.HasPrefix(err.Error(), "panic:") {
				t.Fatalf("links: %v", err)
			}
		}
	})
}

// checkSelectorOK reports whether config would accept the selector.
func checkSelectorOK(sel string) bool {
	cfg := config.Default()
	cfg.Sections = []config.Section{{ID: "a"}}
	cfg.Sources = []config.Source{{ID: "s", URL: "https://e.ru/", Kind: config.KindPage, ItemLinks: sel,
		Interval: config.Duration(time.Hour), Republish: "full", Sections: []config.SectionRef{{ID: "a"}}}}
	return sel != "" && cfg.Validate() == nil
}
