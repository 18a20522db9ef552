package story_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator/story"
)

// synthetic returns n reports published evenly over span from start,
// written with the words of the fixture pages at their frequencies (so
// common words are common and rare ones rare), each with a few words of its
// own (the names and numbers of its event); one in ten rewrites an earlier
// report: its title and half its words, the rest new.
func synthetic(tb testing.TB, n int, start time.Time, span time.Duration) []story.Report {
	var vocab []string // every word as often as the pages have it
	for _, p := range contestPages(tb) {
		vocab = append(vocab, strings.Fields(p.report.Title+" "+p.report.Text)...)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	out := make([]story.Report, n)
	for i := range out {
		own := fmt.Sprintf(" Объект%d заявил Кузнецов%d о %d.", i, i%5000, 1000+i)
		title, lead, text := words(8)+own, words(30)+own, words(150)
		if i > 10 && rng.IntN(10) == 0 {
			of := out[i-1-rng.IntN(min(i-1, 500))]
			title, lead = of.Title, of.Lead[:len(of.Lead)/2]+" "+words(15)
		}
		out[i] = story.Report{
			ID:        int64(i + 1),
			Outlet:    fmt.Sprintf("outlet %d", rng.IntN(300)),
			Title:     title,
			Lead:      lead,
			Text:      lead + "\n\n" + text,
			Published: start.Add(time.Duration(i) * span / time.Duration(n)),
		}
	}
	return out
}

var (
	benchOnce    sync.Once
	benchGrouper *story.Grouper
	benchReports []story.Report
)

// BenchmarkAdd is the cost of grouping one report with 100,000 reports in
// the window:
//
//	go test -run '^$' -bench Add -benchmem ./aggregator/story
func BenchmarkAdd(b *testing.B) {
	window := 100_000
	if n, err := strconv.Atoi(os.Getenv("SYNDIC_BENCH_WINDOW")); err == nil {
		window = n
	}
	benchOnce.Do(func() {
		start := time.Date(2019, 11, 15, 0, 0, 0, 0, time.UTC)
		// 47 hours hold the window's reports; the next 20,000 come after.
		benchReports = synthetic(b, window+20_000, start, 47*time.Hour*time.Duration(window+20_000)/time.Duration(window))
		benchGrouper = story.New(story.Options{Window: 48 * time.Hour})
		t0 := time.Now()
		for _, r := range benchReports[:window] {
			benchGrouper.Add(r)
		}
		b.Logf("filling the window: %v per report", time.Since(t0)/time.Duration(window))
	})
	g, reports := benchGrouper, benchReports
	b.ResetTimer()
	for i := range b.N {
		r := reports[window+i%20_000]
		r.ID = int64(len(reports) + i + 1)
		g.Add(r)
	}
	b.ReportMetric(float64(g.Len()), "kept")
	b.ReportMetric(float64(g.Scored())/float64(len(reports)+b.N), "scored/report")
}

// TestWindowBoundsMemory adds reports over ten windows and checks that the
// grouper keeps only those of the last window.
func TestWindowBoundsMemory(t *testing.T) {
	start := time.Date(2019, 11, 15, 0, 0, 0, 0, time.UTC)
	reports := synthetic(t, 2000, start, 10*time.Hour)
	g := story.New(story.Options{Window: time.Hour})
	most := 0
	for _, r := range reports {
		g.Add(r)
		most = max(most, g.Len())
	}
	// 200 reports an hour: the window holds about 200.
	if most > 205 {
		t.Errorf("kept up to %d reports, want at most one window's (about 200)", most)
	}
	if g.Len() < 195 {
		t.Errorf("kept %d reports at the end, want one window's (about 200)", g.Len())
	}
}

// TestHostileReport groups reports whose every field is a megabyte of
// names: reading them is bounded, and they match only each other.
func TestHostileReport(t *testing.T) {
	huge := strings.Repeat("Иван Петров Сергей Лавров ", 40_000)
	g := story.New(story.Options{})
	at := time.Date(2019, 11, 15, 0, 0, 0, 0, time.UTC)
	a := g.Add(story.Report{ID: 1, Outlet: "a", Title: huge, Lead: huge, Text: huge, Published: at})
	b := g.Add(story.Report{ID: 2, Outlet: "b", Title: "В Москве выпал первый снег", Text: "В Москве в пятницу выпал первый снег.", Published: at})
	if a != 1 || b != 2 {
		t.Errorf("stories %d, %d; want 1, 2", a, b)
	}
}
