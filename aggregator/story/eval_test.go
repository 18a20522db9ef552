package story_test

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/quote"
	"github.com/syndic/syndic/aggregator/story"
)

// The contest pages of the labelled pairs (testdata/stories, listed in
// testdata/SOURCES.tsv): each pair of pages is "same" story, "related" or
// "different" (testdata/stories/README.md).
const (
	pairPages = "../../testdata/stories/pages.tar.gz"
	pairsFile = "../../testdata/stories/dev-pairs.tsv"
)

// page is one contest page read as the crawler reads an article: through
// the extractor and the quote finder.
type page struct {
	path   string
	host   string
	report story.Report
}

var siteName = regexp.MustCompile(`<meta property="og:site_name" content="([^"]*)"`)

// readPages extracts every page of a tar.gz of contest pages.
func readPages(tb testing.TB, archive string) []page {
	tb.Helper()
	f, err := os.Open(archive)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("read %s: %v", archive, err)
	}
	tr := tar.NewReader(zr)
	var pages []page
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("read %s: %v", archive, err)
		}
		if !strings.HasSuffix(h.Name, ".html") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			tb.Fatalf("read %s: %s: %v", archive, h.Name, err)
		}
		art, err := extract.Extract(b, extract.Options{})
		if err != nil {
			tb.Fatalf("extract %s: %v", h.Name, err)
		}
		var outlet string
		if m := siteName.FindSubmatch(b); m != nil {
			outlet = string(m[1]) // what a source's config names it
		}
		u, _ := url.Parse(art.URL)
		var quotes []string
		for _, q := range quote.Find(art.Body, art.Lang) {
			quotes = append(quotes, q.Text)
		}
		lead, _, _ := strings.Cut(art.Body, "\n\n")
		pages = append(pages, page{path: strings.TrimPrefix(h.Name, "./"), host: strings.TrimPrefix(u.Hostname(), "www."), report: story.Report{
			Outlet: outlet, Title: art.Title, Lead: lead, Text: art.Body,
			Quotes: quotes, Via: art.Via, Published: art.Published,
		}})
	}
	// In order of publication, as a crawl meets them.
	sort.SliceStable(pages, func(i, j int) bool {
		if !pages[i].report.Published.Equal(pages[j].report.Published) {
			return pages[i].report.Published.Before(pages[j].report.Published)
		}
		return pages[i].path < pages[j].path
	})
	for i := range pages {
		pages[i].report.ID = int64(i + 1)
	}
	return pages
}

type pair struct{ id, a, b, label, why string }

func readPairs(tb testing.TB) []pair {
	tb.Helper()
	f, err := os.Open(pairsFile)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var pairs []pair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 5 || c[0] == "pair" {
			continue
		}
		pairs = append(pairs, pair{c[0], c[1], c[2], c[3], c[4]})
	}
	return pairs
}

// group adds the pages to a grouper in order and returns each page's story.
func group(pages []page, opt story.Options) (*story.Grouper, map[string]int64) {
	g := story.New(opt)
	stories := map[string]int64{}
	for _, p := range pages {
		stories[p.path] = g.Add(p.report)
	}
	return g, stories
}

type tally struct{ tp, fp, fn, tn int }

func (t tally) precision() float64 { return float64(t.tp) / float64(max(1, t.tp+t.fp)) }
func (t tally) recall() float64    { return float64(t.tp) / float64(max(1, t.tp+t.fn)) }
func (t tally) String() string {
	return fmt.Sprintf("P %.3f R %.3f (tp %d fp %d fn %d tn %d)", t.precision(), t.recall(), t.tp, t.fp, t.fn, t.tn)
}

// scorePairs scores the stories' "same story" decisions over the pairs,
// all of them and the p### pairs alone (drawn by word overlap bands).
func scorePairs(tb testing.TB, pairs []pair, stories map[string]int64, verbose bool) (all, banded tally) {
	for _, p := range pairs {
		sa, oka := stories[p.a]
		sb, okb := stories[p.b]
		if !oka || !okb {
			tb.Fatalf("pair %s: page missing", p.id)
		}
		same, want := sa == sb, p.label == "same"
		for _, t := range []*tally{&all, &banded} {
			if t == &banded && !strings.HasPrefix(p.id, "p") {
				continue
			}
			switch {
			case same && want:
				t.tp++
			case same:
				t.fp++
			case want:
				t.fn++
			default:
				t.tn++
			}
		}
		if verbose && same != want {
			tb.Logf("%s %s grouped=%v: %s", p.id, p.label, same, p.why)
		}
	}
	return all, banded
}

// TestPairs groups the pages of the labelled pairs as a crawl would meet
// them and scores the "same story" decisions.
func TestPairs(t *testing.T) {
	pages := readPages(t, pairPages)
	_, stories := group(pages, story.Options{})
	all, banded := scorePairs(t, readPairs(t), stories, testing.Verbose())
	t.Logf("all %d pairs: %v", all.tp+all.fp+all.fn+all.tn, all)
	t.Logf("p pairs:      %v", banded)
	// The target is P ≥ 0.92 and R ≥ 0.88; grouping reaches the
	// precision but not yet the recall (README, "Stories"). These floors
	// keep what it reaches.
	if all.precision() < 0.92 || all.recall() < 0.6 || banded.recall() < 0.72 {
		t.Errorf("same story: all pairs %v, p pairs %v; want P ≥ 0.92, R ≥ 0.6 (p pairs ≥ 0.72)", all, banded)
	}
}

// TestArchive groups every page of the contest archive, scores the pairs
// and prints the largest stories. It reads the archive named by
// SYNDIC_STORIES_ARCHIVE (the shared tgcontest2019_ru_all.tar.gz) and skips
// without it:
//
//	SYNDIC_STORIES_ARCHIVE=../shared/testdata/pages/tgcontest2019_ru_all.tar.gz \
//	  go test -run TestArchive -v ./aggregator/story
func TestArchive(t *testing.T) {
	archive := os.Getenv("SYNDIC_STORIES_ARCHIVE")
	if archive == "" {
		t.Skip("SYNDIC_STORIES_ARCHIVE not set")
	}
	pages := readPages(t, archive)
	g, stories := group(pages, story.Options{})
	all, banded := scorePairs(t, readPairs(t), stories, true)
	t.Logf("%d pages, %.1f candidates scored per page; all pairs: %v", len(pages), float64(g.Scored())/float64(len(pages)), all)
	t.Logf("p pairs: %v", banded)

	members := map[int64][]page{}
	for _, p := range pages {
		members[stories[p.path]] = append(members[stories[p.path]], p)
	}
	var ids []int64
	for id := range members {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if len(members[ids[i]]) != len(members[ids[j]]) {
			return len(members[ids[i]]) > len(members[ids[j]])
		}
		return ids[i] < ids[j]
	})
	for _, id := range ids[:min(10, len(ids))] {
		ms := members[id]
		var outlets []string
		for _, m := range ms {
			outlets = append(outlets, m.host)
		}
		t.Logf("story %d, %d reports: %s\n  outlets: %s", id, len(ms), ms[0].report.Title, strings.Join(outlets, ", "))
		for _, m := range ms {
			t.Logf("    %s %s", m.host, m.report.Title)
		}
	}
}

// TestDumpPairs prints the evidence of every pair (for reading, not a check):
// SYNDIC_STORIES_DUMP=1 go test -run TestDumpPairs -v ./aggregator/story
func TestDumpPairs(t *testing.T) {
	if os.Getenv("SYNDIC_STORIES_DUMP") == "" {
		t.Skip("SYNDIC_STORIES_DUMP not set")
	}
	archive := os.Getenv("SYNDIC_STORIES_ARCHIVE")
	if archive == "" {
		archive = pairPages
	}
	pages := readPages(t, archive)
	ids := map[string]int64{}
	for _, p := range pages {
		ids[p.path] = p.report.ID
	}
	g := story.New(story.Options{Window: 1 << 62})
	for _, p := range pages {
		g.Add(p.report)
	}
	for _, p := range readPairs(t) {
		e, s, _ := g.Compare(ids[p.a], ids[p.b])
		fmt.Printf("%s\t%s\t%.2f\tcmin=%.2f cmax=%.2f w=%.2f h=%.2f n=%.2f sh=%d num=%d q=%v via=%v apart=%v\t%s\n", p.id, p.label, s, e.CoverMin, e.CoverMax, e.Words, e.Head, e.Names, e.Shared, e.Numbers, e.Quote, e.Via, e.Apart, p.why)
	}
}
