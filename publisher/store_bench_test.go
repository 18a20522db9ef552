package publisher

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create the schema
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
	n := benchItemCount(b)
	path := os.Getenv("SYNDIC_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("syndic-bench-%d.db", n))
	}
	benchmarkRender(b, benchStore(b, path, n), n)
}

// BenchmarkRenderFromPostgres is BenchmarkRenderFromStore on the
// PostgreSQL database named by SYNDIC_TEST_POSTGRES, in the schema
// bench_items_N, built once (about 20 minutes for a million items) and kept
// for the next run (DROP SCHEMA bench_items_1000000 CASCADE to remove it):
//
//	SYNDIC_TEST_POSTGRES=postgres://... go test -run '^$' -bench RenderFromPostgres -benchtime 200x ./publisher
func BenchmarkRenderFromPostgres(b *testing.B) {
	base := os.Getenv("SYNDIC_TEST_POSTGRES")
	if base == "" {
		b.Skip("SYNDIC_TEST_POSTGRES is not set")
	}
	n := benchItemCount(b)
	schema := fmt.Sprintf("bench_items_%d", n)
	db, err := sql.Open("pgx", base)
	if err != nil {
		b.Fatal(err)
	}
	_, err = db.Exec(`CREATE SCHEMA IF NOT EXISTS ` + schema)
	db.Close()
	if err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		b.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	benchmarkRender(b, benchStore(b, u.String(), n), n)
}

// benchItemCount is SYNDIC_BENCH_ITEMS, default a million.
func benchItemCount(b *testing.B) int {
	n := 1_000_000
	if v := os.Getenv("SYNDIC_BENCH_ITEMS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	return n
}

// benchmarkRender measures the renders of BenchmarkRenderFromStore on st,
// a store of n items made by benchStore.
func benchmarkRender(b *testing.B, st *store.Store, n int) {
	ctx := context.Background()
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
			var version int64
			for b.Loop() {
				start := time.Now()
				version++ // a new version each time: read and build again
				if d, err = p.render(ctx, rt, c.cur, version, testMod); err != nil {
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
