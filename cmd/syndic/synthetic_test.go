package main

import (
	"fmt"
	"io"
	"net/http"
)

// The crash and scale tests need hundreds of feeds that change on demand,
// more than the real fixtures hold; these write small synthetic ones.

// writeSyntheticFeed writes an RSS feed of n items whose links point to
// synthetic articles on base.
func writeSyntheticFeed(w http.ResponseWriter, base, id string, n int) {
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>%s/</link>`, id, base)
	for i := range n {
		fmt.Fprintf(w, `<item><title>%s item %d</title><link>%s/a/%s/%d</link><guid>%s-%d</guid><pubDate>Mon, 02 Mar 2026 10:%02d:00 +0300</pubDate></item>`,
			id, i, base, id, i, id, i, i%60)
	}
	io.WriteString(w, `</channel></rss>`)
}

// writeSyntheticArticle writes a short Russian article page for path.
func writeSyntheticArticle(w http.ResponseWriter, path string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><html lang="ru"><head><title>Article %s</title></head><body><article><h1>Article %s</h1>`+
		`<p>Первый абзац статьи %s, в котором «сказал министр» и многое другое.</p><p>Второй абзац.</p></article></body></html>`,
		path, path, path)
}
