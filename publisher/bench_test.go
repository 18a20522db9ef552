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
	st.assignIDs()
	st.version["bench"], st.modified["bench"] = 1, testMod
	p := New(st, Options{
		BaseURL:  testBase,
		Sections: []news.Section{{ID: "bench", Title: "Bench", Description: "50 full-text items"}},
		Sources:  testSources,
	})
	return p, st
}

// BenchmarkRenderSection renders a 50-item section (full text, excerpts and
// attribution) from an in-memory store, compression included, bypassing
// the cache: each format alone from a new version (the page read and its
// entries built for it), and "page", the three formats of one new version
// in a row (the page read and built once):
//
//	go test -run '^$' -bench RenderSection -benchmem ./publisher
func BenchmarkRenderSection(b *testing.B) {
	p, _ := benchPublisher(b)
	var version int64
	render := func(b *testing.B, f format) *doc {
		d, err := p.render(context.Background(), p.routes[feedPath("bench", f)], cursor{}, version, testMod)
		if err != nil {
			b.Fatal(err)
		}
		return d
	}
	for f := formatRSS; f <= formatJSON; f++ {
		b.Run(f.info().ext, func(b *testing.B) {
			b.ReportAllocs()
			var d *doc
			for b.Loop() {
				version++
				d = render(b, f)
			}
			b.ReportMetric(float64(len(d.vars[encIdentity].body)), "bytes/doc")
			b.ReportMetric(float64(len(d.vars[encGzip].body)), "gzip-bytes/doc")
			b.ReportMetric(float64(len(d.vars[encBrotli].body)), "br-bytes/doc")
		})
	}
	b.Run("page", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			version++
			for f := formatRSS; f <= formatJSON; f++ {
				render(b, f)
			}
		}
	})
}

// BenchmarkServeCached serves a cached 50-item RSS feed over ServeHTTP,
// gzip accepted: a full 200 response and a 304 to If-None-Match, beside a
// bare handler writing the same bytes (the limit of the handler's own cost;
// cmd/benchserve/serve.sh measures whole servers):
//
//	go test -run '^$' -bench ServeCached -benchmem ./publisher
func BenchmarkServeCached(b *testing.B) {
	p, _ := benchPublisher(b)
	path := feedPath("bench", formatRSS)
	warm := httptest.NewRecorder()
	warmReq := httptest.NewRequest("GET", path, nil)
	warmReq.Header.Set("Accept-Encoding", "gzip")
	p.ServeHTTP(warm, warmReq)
	etag := warm.Header().Get("ETag")
	body := warm.Body.Bytes()
	bare := bareHandler(body, etag, "application/rss+xml; charset=utf-8")
	for _, c := range []struct {
		name string
		inm  string
		code int
	}{{"200", "", http.StatusOK}, {"304", etag, http.StatusNotModified}} {
		for _, h := range []struct {
			name string
			h    http.Handler
		}{{"publisher", p}, {"bare", bare}} {
			b.Run(c.name+"/"+h.name, func(b *testing.B) {
				b.ReportAllocs()
				r := httptest.NewRequest("GET", path, nil)
				r.Header.Set("Accept-Encoding", "gzip")
				if c.inm != "" {
					r.Header.Set("If-None-Match", c.inm)
				}
				w := &discardWriter{h: http.Header{}}
				for b.Loop() {
					clear(w.h)
					h.h.ServeHTTP(w, r)
					if w.code != c.code {
						b.Fatalf("status %d", w.code)
					}
				}
			})
		}
	}
}

// bareHandler is the reference: pre-compressed bytes with an ETag and
// nothing else, as a hand-written net/http handler would serve them.
func bareHandler(gz []byte, etag, contentType string) http.Handler {
	ct, enc, tag, vary := []string{contentType}, []string{"gzip"}, []string{etag}, []string{"Accept-Encoding"}
	length := []string{itoa(len(gz))}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Etag"] = tag
		h["Vary"] = vary
		if inm := r.Header["If-None-Match"]; len(inm) == 1 && inm[0] == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		h["Content-Type"] = ct
		h["Content-Encoding"] = enc
		h["Content-Length"] = length
		w.Write(gz)
	})
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}

// discardWriter is a ResponseWriter that keeps the status only.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header  { return w.h }
func (w *discardWriter) WriteHeader(code int) { w.code = code }
func (w *discardWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return len(b), nil
}
