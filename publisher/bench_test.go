package publisher

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/syndic/syndic/news"
)

func benchPublisher(b *testing.B) (*Publisher, *fakeStore) {
	b.Helper()
	st := newTestStore()
	st.items["bench"] = benchItems(DefaultFeedLength + 20)
	st.version["bench"], st.modified["bench"] = 1, testMod
	p := New(st, Options{
		BaseURL:  testBase,
		Sections: []news.Section{{ID: "bench", Title: "Bench", Description: "50 full-text items"}},
		Sources:  testSources,
	})
	return p, st
}

// BenchmarkRenderSection renders a 50-item section (full text, excerpts and
// attribution) from the store in each format, bypassing the cache:
//
//	go test -run '^$' -bench Render -benchmem ./publisher
func BenchmarkRenderSection(b *testing.B) {
	p, _ := benchPublisher(b)
	sec := p.byID["bench"]
	for f := formatRSS; f <= formatJSON; f++ {
		b.Run(f.info().ext, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				body, err := p.render(context.Background(), sec, f, testMod)
				if err != nil {
					b.Fatal(err)
				}
				size = len(body)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "renders/s")
			b.ReportMetric(float64(size), "bytes/doc")
		})
	}
}

// BenchmarkServeCached serves a cached 50-item feed over ServeHTTP: a full
// 200 response and a 304 to If-None-Match.
//
//	go test -run '^$' -bench ServeCached -benchmem ./publisher
func BenchmarkServeCached(b *testing.B) {
	p, _ := benchPublisher(b)
	for f := formatRSS; f <= formatJSON; f++ {
		path := feedPath("bench", f)
		warm := httptest.NewRecorder()
		p.ServeHTTP(warm, httptest.NewRequest("GET", path, nil))
		etag := warm.Header().Get("ETag")
		for _, c := range []struct {
			name string
			inm  string
			code int
		}{{"200", "", http.StatusOK}, {"304", etag, http.StatusNotModified}} {
			b.Run(f.info().ext+"/"+c.name, func(b *testing.B) {
				b.ReportAllocs()
				r := httptest.NewRequest("GET", path, nil)
				if c.inm != "" {
					r.Header.Set("If-None-Match", c.inm)
				}
				for b.Loop() {
					w := httptest.NewRecorder()
					p.ServeHTTP(w, r)
					if w.Code != c.code {
						b.Fatalf("status %d", w.Code)
					}
				}
			})
		}
	}
}
