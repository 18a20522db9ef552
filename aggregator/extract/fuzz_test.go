package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzExtract feeds arbitrary bytes to Extract: it must neither panic
// (Extract recovers, so a recovered panic is a failure here too) nor hang.
//
//	go test -fuzz FuzzExtract -fuzztime 5m ./aggregator/extract
func FuzzExtract(f *testing.F) {
	for _, glob := range []string{"../../testdata/pages/fetch_util/*.html", "../../testdata/seed/*.html", "../../testdata/pages/tgcontest2019/meduza*.html"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data, "https://example.ru/news/1")
			}
		}
	}
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":1}]}]}</script>`), "")
	f.Add([]byte(`<table><tr><td><p>Автор: Иван Петров</p><td>сегодня, 13:01</table>`), "https://x.az/")
	f.Add([]byte("<p>By A B</p><p>04.10.2024</p><p>Any use of materials is allowed only if there is a hyperlink to X.az</p>"), "")
	f.Fuzz(func(t *testing.T, page []byte, url string) {
		art, err := Extract(page, Options{URL: url, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return
		}
		for _, n := range art.Notes {
			if strings.HasPrefix(n, "page could not be read") {
				t.Fatalf("Extract panicked: %s", n)
			}
		}
		if strings.Contains(art.Body, "\n\n\n") {
			t.Errorf("body has an empty paragraph: %q", art.Body)
		}
		if !art.Published.IsZero() && (art.Published.Year() < minYear || art.Published.Year() > 2100) {
			t.Errorf("implausible date %v", art.Published)
		}
	})
}
