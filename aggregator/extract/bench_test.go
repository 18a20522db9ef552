package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkExtract runs Extract over every fixture page; ns/op is the time
// of one page on average.
//
//	go test -bench Extract -benchmem ./aggregator/extract
func BenchmarkExtract(b *testing.B) {
	var pages [][]byte
	for _, glob := range []string{"../../testdata/pages/*/*.html", "../../testdata/pages/*.html"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, data)
		}
	}
	if len(pages) == 0 {
		b.Skip("no fixture pages")
	}
	opt := Options{URL: "https://example.ru/news/1", Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := Extract(pages[i%len(pages)], opt); err != nil {
			b.Fatal(err)
		}
	}
}
