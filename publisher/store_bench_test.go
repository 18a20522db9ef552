package publisher

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// BenchmarkRenderFromStore renders a section's newest page, and a page deep
// in its archive, from a SQLite store of SYNDIC_BENCH_ITEMS items (default
// 1,000,000, in 10 sections of 20 sources), bypassing the cache: the
// store's read, rendering and both compressions. It reports the median.
// The database is built once (a few minutes) and kept at SYNDIC_BENCH_DB
// (default in the temporary folder) for the next run:
//
//	go test -run '^$' -bench RenderFromStore -benchtime 200x ./publisher
func BenchmarkRenderFromStore(b *testing.B) {
	n := 1_000_000
	if v := os.Getenv("SYNDIC_BENCH_ITEMS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	path := os.Getenv("SYNDIC_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("syndic-bench-%d.db", n))
	}
	ctx := context.Background()
	st := benchStore(b, path, n)
	defer st.Close()
	sections := make([]news.Section, len(benchSectionIDs))
	for i, id := range benchSectionIDs {
		sections[i] = news.Section{ID: id, Title: strings.ToUpper(id[:1]) + id[1:]}
	}
	var sources []news.Source
	for i := range 20 {
		sources = append(sources, news.Source{ID: fmt.Sprintf("src%02d", i), Name: fmt.Sprintf("Source %d", i),
			URL: fmt.Sprintf("https://src%02d.test/rss", i), Republish: news.RepublishFull})
	}
	p := New(st, Options{BaseURL: testBase, Sections: sections, Sources: sources})
	rt := p.routes[feedPath("world", formatRSS)]
	deep, err := st.SectionItemsBefore(ctx, "world", time.Time{}, 0, 1)
	if err != nil || len(deep) == 0 {
		b.Fatal("empty section", err)
	}
	// A cursor half-way down the section's archive.
	mid := cursorOf(&deep[0])
	mid.t -= int64(time.Duration(n/2) * time.Minute / time.Microsecond)
	for _, c := range []struct {
		name string
		cur  cursor
	}{{"newest", cursor{}}, {"deep", mid}} {
		b.Run(fmt.Sprintf("items=%d/%s", n, c.name), func(b *testing.B) {
			var times []time.Duration
			var d *doc
			for b.Loop() {
				start := time.Now()
				if d, err = p.render(ctx, rt, c.cur, testMod); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2])/1e6, "ms-median")
			b.ReportMetric(float64(len(d.vars[encIdentity].body)), "bytes/doc")
		})
	}
}

var benchSectionIDs = []string{"world", "russia", "caucasus", "economy", "sport", "science", "culture", "politics", "society", "tech"}

// benchStore opens the store at path, filling it with n items first unless
// it already holds them.
func benchStore(b *testing.B, path string, n int) *store.Store {
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.WithCheckpointInterval(0))
	if err != nil {
		b.Fatal(err)
	}
	have, err := st.CountItems(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if have == n {
		return st
	}
	if have != 0 {
		b.Fatalf("%s holds %d items, not %d: remove it", path, have, n)
	}
	start := time.Now()
	r := rand.New(rand.NewPCG(3, 4))
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	batch := make([]news.Item, 0, 1000)
	for i := 0; i < n; {
		src := fmt.Sprintf("src%02d", (i/1000)%20)
		batch = batch[:0]
		for ; len(batch) < cap(batch) && i < n; i++ {
			secs := []string{benchSectionIDs[i%len(benchSectionIDs)]}
			if i%3 == 0 {
				secs = append(secs, benchSectionIDs[(i/3)%len(benchSectionIDs)])
			}
			var body strings.Builder
			for range 3 {
				body.WriteString("<p>" + benchText(r, 40) + "</p>")
			}
			batch = append(batch, news.Item{
				SourceID:  src,
				GUID:      fmt.Sprintf("https://%s.test/news/%d", src, i),
				Link:      fmt.Sprintf("https://%s.test/news/%d", src, i),
				Title:     benchText(r, 8),
				Summary:   benchText(r, 20),
				Content:   body.String(),
				Authors:   []string{"Ivan Petrov"},
				Published: t0.Add(time.Duration(i) * time.Minute),
				Via:       []string{"TASS"},
				Sections:  slices.Compact(secs),
			})
		}
		if _, err := st.SaveItems(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d items in %s in %v", n, path, time.Since(start))
	return st
}

var benchWords = strings.Fields(`the ministry said talks were constructive and both sides agreed on a timetable
officials did not say when construction would begin according to the report published on friday правительство
заявило что бюджет будет принят в срок министр финансов сообщил о росте доходов регионов`)

func benchText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(benchWords[r.IntN(len(benchWords))])
	}
	return b.String()
}
