package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// Run with:
//
//	go test -run '^$' -bench . -benchtime 3s ./store/
//	SYNDIC_BENCH_ITEMS=1000000 go test -run '^$' -bench SectionItems ./store/
//
// Each runs on SQLite and, with SYNDIC_TEST_POSTGRES set, on PostgreSQL
// (-bench 'SectionItems/postgres' for one only).
var benchBody = strings.Repeat("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>", 25)

// benchText is benchBody's plain text, which the crawler hands SaveItems
// with each item (news.Item.Text).
var benchText = news.PlainText(benchBody)

var benchSections = []string{"world", "russia", "caucasus", "economy", "sport", "science", "culture", "politics", "society", "tech"}

// benchItem is item number i of a source, about 2.5 KB of content, in one or
// two of ten sections, published i minutes after an epoch.
func benchItem(src string, i int) news.Item {
	secs := []string{benchSections[i%len(benchSections)]}
	if i%3 == 0 {
		secs = append(secs, benchSections[(i/3)%len(benchSections)])
	}
	return news.Item{
		SourceID:   src,
		GUID:       fmt.Sprintf("https://%s.test/news/%d", src, i),
		Link:       fmt.Sprintf("https://%s.test/news/%d", src, i),
		Title:      fmt.Sprintf("Headline number %d about something", i),
		Summary:    "<p>A short summary of the story.</p>",
		Content:    benchBody,
		Text:       benchText,
		Authors:    []string{"Ivan Petrov"},
		Categories: []string{"News"},
		Published:  t0.Add(time.Duration(i) * time.Minute),
		Lang:       "ru",
		Via:        []string{"TASS"},
		Quotes:     []news.Quote{{Text: "We will see", Speaker: "Dmitry Peskov", Role: "Kremlin spokesman", Verb: "said", Direct: true}},
		Sections:   secs,
	}
}

const benchBatch = 50

func BenchmarkSaveItems(b *testing.B) { benchBackends(b, benchmarkSaveItems) }

func benchmarkSaveItems(b *testing.B) {
	ctx := context.Background()
	b.Run("new", func(b *testing.B) {
		s := testStore(b)
		n := 0
		b.ResetTimer()
		for b.Loop() {
			batch := make([]news.Item, benchBatch)
			for j := range batch {
				batch[j] = benchItem("src", n)
				n++
			}
			if _, err := s.SaveItems(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
	})
	// The crawler saves the batches of several sources at once (one per
	// feed it reads); on PostgreSQL each goes on its own connection.
	b.Run("new-parallel", func(b *testing.B) { saveParallel(b, testStore(b), benchBatch) })
	// Items saved one by one, as the crawler saves each item whose page
	// it reads after the feed's other items were stored.
	b.Run("new-parallel-single", func(b *testing.B) { saveParallel(b, testStore(b), 1) })
	// The same into sources that already hold 10,000 items each, with the
	// statistics a running database has: PostgreSQL's autovacuum analyzes a
	// table within about a minute of its growing by a tenth. A table never
	// analyzed, as in new-parallel, is planned for as if empty: each batch's
	// lookups scan all of its source's items.
	b.Run("new-parallel-stored", func(b *testing.B) {
		s := testStore(b)
		for k := range 400 {
			batch := make([]news.Item, benchBatch)
			for j := range batch {
				batch[j] = benchItem(fmt.Sprintf("src%d", k%2+1), 1_000_000+k*benchBatch+j)
			}
			if _, err := s.SaveItems(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := s.w.ExecContext(ctx, "ANALYZE"); err != nil {
			b.Fatal(err)
		}
		saveParallel(b, s, benchBatch)
	})
	b.Run("unchanged", func(b *testing.B) {
		s := testStore(b)
		batch := make([]news.Item, benchBatch)
		for j := range batch {
			batch[j] = benchItem("src", j)
		}
		if _, err := s.SaveItems(ctx, batch); err != nil {
			b.Fatal(err)
		}
		n := 0
		for b.Loop() {
			res, err := s.SaveItems(ctx, batch)
			if err != nil || res.Unchanged != len(batch) {
				b.Fatal(res, err)
			}
			n += len(batch)
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("updated", func(b *testing.B) {
		s := testStore(b)
		batch := make([]news.Item, benchBatch)
		for j := range batch {
			batch[j] = benchItem("src", j)
		}
		n := 0
		for b.Loop() {
			for j := range batch {
				batch[j].Title = fmt.Sprintf("Headline %d, version %d", j, n)
			}
			if _, err := s.SaveItems(ctx, batch); err != nil {
				b.Fatal(err)
			}
			n += len(batch)
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
	})
}

// saveParallel saves new batches of size items from 4 goroutines a core
// (8 on two cores, as many as the crawler's crawl slots by default), each
// for its own source: src1, src2 ….
func saveParallel(b *testing.B, s *Store, size int) {
	ctx := context.Background()
	var n atomic.Int64
	var worker atomic.Int32
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		src := fmt.Sprintf("src%d", worker.Add(1))
		i := 0
		for pb.Next() {
			batch := make([]news.Item, size)
			for j := range batch {
				batch[j] = benchItem(src, i)
				i++
			}
			if _, err := s.SaveItems(ctx, batch); err != nil {
				b.Error(err)
				return
			}
			n.Add(int64(len(batch)))
		}
	})
	b.ReportMetric(float64(n.Load())/b.Elapsed().Seconds(), "items/s")
}

// populated returns the path of a new database holding n benchmark items
// from 20 sources, in batches of 500.
func populated(b *testing.B, n int) string {
	path := testDatabase(b)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	const sources = 20
	batch := make([]news.Item, 0, 500)
	for i := 0; i < n; {
		src := fmt.Sprintf("src%02d", (i/500)%sources)
		batch = batch[:0]
		for ; len(batch) < cap(batch) && i < n; i++ {
			batch = append(batch, benchItem(src, i))
		}
		if _, err := s.SaveItems(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("populated %d items in %v", n, time.Since(start))
	return path
}

func BenchmarkSectionItems(b *testing.B) { benchBackends(b, benchmarkSectionItems) }

func benchmarkSectionItems(b *testing.B) {
	n := 100_000
	if v := os.Getenv("SYNDIC_BENCH_ITEMS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("SYNDIC_BENCH_ITEMS: %v", err)
		}
	}
	path := populated(b, n)
	s := openAt(b, path)
	ctx := context.Background()
	b.Run(fmt.Sprintf("items=%d/limit=50", n), func(b *testing.B) {
		i := 0
		for b.Loop() {
			items, err := s.SectionItems(ctx, benchSections[i%len(benchSections)], 50)
			if err != nil || len(items) != 50 {
				b.Fatal(len(items), err)
			}
			i++
		}
	})
	b.Run(fmt.Sprintf("items=%d/version", n), func(b *testing.B) {
		for b.Loop() {
			if _, _, err := s.SectionVersion(ctx, "world"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSpeakers(b *testing.B) { benchBackends(b, benchmarkSpeakers) }

// benchmarkSpeakers reads the speaker registry of 2,000 filed names and
// 6,000 quotes (the size of the contest sample's), as every /speakers,
// /quotes and quote feed request does: cached (the store unchanged since
// the last read), and read afresh.
func benchmarkSpeakers(b *testing.B) {
	ctx := context.Background()
	s := testStore(b)
	const names, quotes = 2000, 6000
	roles := []string{"", "министр финансов", "футболист ЦСКА", "глава МИД России", "политолог"}
	var items []news.Item
	for i := range quotes {
		name := fmt.Sprintf("Сергей Иванов%d", i%names)
		items = append(items, news.Item{SourceID: "s", GUID: strconv.Itoa(i), Link: "https://example.org/" + strconv.Itoa(i), Title: "t",
			Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
			Quotes:    []news.Quote{{Text: "Слова", Speaker: name, Role: roles[i%len(roles)], Direct: true}}})
	}
	if _, err := s.SaveItems(ctx, items); err != nil {
		b.Fatal(err)
	}
	var sps []news.Speaker
	for i := range names {
		name := fmt.Sprintf("Сергей Иванов%d", i)
		sps = append(sps, news.Speaker{Key: news.SpeakerSlug(name), Name: name, Person: true, Whole: []string{news.NameForm(name)}})
	}
	if err := s.SaveSpeakers(ctx, sps); err != nil {
		b.Fatal(err)
	}
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if gs, err := s.Speakers(ctx); err != nil || len(gs) == 0 {
				b.Fatal(len(gs), err)
			}
		}
	})
	b.Run("read", func(b *testing.B) { // what every request paid before the cache
		for b.Loop() {
			if reg, err := s.readRegistry(ctx); err != nil || len(reg.Groups()) == 0 {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSQLiteBareRows is the yardstick of SaveItems on SQLite: the rate
// at which this machine's SQLite writes the benchmark's items as bare rows
// (their columns, no search keys, sections or quotes), 50 rows a statement
// and 250 a transaction, on one connection opened as the store's writer
// is: with no index (bare), and with the three indexes items has for
// dedup and listing (indexed). SaveItems can never beat them; README
// quotes its ratio to them, which depends less on the machine than the
// rates do.
func BenchmarkSQLiteBareRows(b *testing.B) {
	b.Run("bare", func(b *testing.B) { benchmarkRows(b, false) })
	b.Run("indexed", func(b *testing.B) { benchmarkRows(b, true) })
}

func benchmarkRows(b *testing.B, indexed bool) {
	ctx := context.Background()
	dsn, err := sqliteDSN(filepath.Join(b.TempDir(), "bare.db"), true)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	const cols = "source_id, dedup_key, guid, link, canonical_link, title, summary, content, authors, published, sort_time, content_hash"
	schema := []string{"CREATE TABLE items (id INTEGER PRIMARY KEY, " + cols + ")"}
	if indexed {
		schema = append(schema, "CREATE UNIQUE INDEX items_key ON items (source_id, dedup_key)",
			"CREATE INDEX items_source_link ON items (source_id, canonical_link) WHERE canonical_link <> ''",
			"CREATE INDEX items_source_newest ON items (source_id, sort_time DESC, id DESC)")
	}
	for _, q := range schema {
		if _, err := db.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	const perStmt, perTx = 50, 250
	insert := "INSERT INTO items (" + cols + ") VALUES " + strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?,?,?,?,?,?),", perStmt), ",")
	n := 0
	for b.Loop() {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		st, err := tx.PrepareContext(ctx, insert)
		if err != nil {
			b.Fatal(err)
		}
		for range perTx / perStmt {
			args := make([]any, 0, perStmt*12)
			for range perStmt {
				it := benchItem("src", n)
				n++
				authors, _ := json.Marshal(it.Authors)
				hash := sha256.Sum256([]byte(it.Content))
				args = append(args, it.SourceID, "g:"+it.GUID, it.GUID, it.Link, it.Link, it.Title, it.Summary, it.Content, string(authors), it.Published.Unix(), it.Published.Unix(), hash[:])
			}
			if _, err := st.ExecContext(ctx, args...); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "items/s")
}
