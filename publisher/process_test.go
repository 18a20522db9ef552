package publisher

import (
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestDocumentsAreProcessIndependent: two publishers over one store, made
// and first asked more than a second apart (two processes behind a load
// balancer), serve every document, an empty section's included, with the
// same bytes, ETag and Last-Modified. Nothing of the process (its clock,
// start time, counters, map order) may reach a document.
func TestDocumentsAreProcessIndependent(t *testing.T) {
	st := newTestStore()
	sections := append(slices.Clone(testSections), news.Section{ID: "empty", Title: "Never had an item"})
	mk := func() *Publisher {
		return New(st, Options{BaseURL: testBase, Sections: sections, Sources: testSources, Recheck: -1})
	}
	a := mk()
	paths := []string{"/", opmlPath}
	for path := range a.routes {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	type answer struct {
		code                int
		body, etag, lastMod string
	}
	ask := func(p *Publisher) map[string]answer {
		out := map[string]answer{}
		for _, path := range paths {
			w := get(t, p, "GET", path, nil)
			out[path] = answer{w.Code, w.Body.String(), w.Header().Get("ETag"), w.Header().Get("Last-Modified")}
		}
		return out
	}
	first := ask(a)
	time.Sleep(1100 * time.Millisecond) // another second on any clock
	b := mk()
	second := ask(b)
	for _, path := range paths {
		x, y := first[path], second[path]
		if x.code != 200 {
			t.Errorf("%s: %d", path, x.code)
		}
		if x != y {
			t.Errorf("%s differs between two publishers:\n%.300s\n%.300s", path, x.body, y.body)
		}
	}
	if len(paths) < 3*len(sections) {
		t.Errorf("only %d documents", len(paths))
	}
}
