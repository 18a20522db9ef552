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
	"sync"
	"testing"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/story"
)

// The 2,629 contest pages (testdata/stories, listed in testdata/SOURCES.tsv)
// and the labelled pairs of them: each pair of pages is "same" story,
// "related" or "different" (testdata/stories/README.md).
const (
	pairPages = "../../testdata/stories/pages.tar.gz"
	pairsFile = "../../testdata/stories/dev-pairs.tsv"
)

// page is one contest page read as the crawler reads an article, through
// the extractor.
type page struct {
	path   string
	host   string
	report story.Report
}

var siteName = regexp.MustCompile(`<meta property="og:site_name" content="([^"]*)"`)

var (
	pagesOnce sync.Once
	pagesRead []page
)

// contestPages returns the contest pages, extracted once per test binary
// (several tests and the benchmark read them); callers must not change them.
func contestPages(tb testing.TB) []page {
	tb.Helper()
	pagesOnce.Do(func() { pagesRead = readPages(tb, pairPages) })
	if pagesRead == nil {
		tb.Fatal("contest pages could not be read")
	}
	return pagesRead
}

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
		lead, _, _ := strings.Cut(art.Body, "\n\n")
		pages = append(pages, page{path: strings.TrimPrefix(h.Name, "./"), host: strings.TrimPrefix(u.Hostname(), "www."), report: story.Report{
			Outlet: outlet, Title: art.Title, Lead: lead, Text: art.Body,
			Via: art.Via, Published: art.Published,
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

// TestPairs groups the contest pages as a crawl would meet them, scores the
// "same story" decisions over the labelled pairs and, with -v, prints the
// largest stories:
//
//	go test -run TestPairs -v ./aggregator/story
func TestPairs(t *testing.T) {
	pages := contestPages(t)
	g, stories := group(pages, story.Options{})
	all, banded := scorePairs(t, readPairs(t), stories, testing.Verbose())
	t.Logf("%d pages, %.1f candidates scored per page", len(pages), float64(g.Scored())/float64(len(pages)))
	t.Logf("all %d pairs: %v", all.tp+all.fp+all.fn+all.tn, all)
	t.Logf("p pairs:      %v", banded)
	// The target, on the p pairs, is P ≥ 0.92 and R ≥ 0.88;
	// grouping reaches the precision, not yet the recall (README,
	// "Stories"). These floors keep what it reaches.
	if all.precision() < 0.92 || banded.precision() < 0.92 || banded.recall() < 0.84 || all.recall() < 0.76 {
		t.Errorf("same story: all pairs %v, p pairs %v; want P ≥ 0.92, R ≥ 0.84 on the p pairs (≥ 0.76 on all)", all, banded)
	}
	if testing.Verbose() {
		logLargest(t, pages, stories, 10)
	}
}

// logLargest prints the n stories with the most reports.
func logLargest(t *testing.T, pages []page, stories map[string]int64, n int) {
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
	for _, id := range ids[:min(n, len(ids))] {
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
	pages := contestPages(t)
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
		fmt.Printf("%s\t%s\t%.2f\tcmin=%.2f cmax=%.2f w=%.2f h=%.2f n=%.2f sh=%d num=%d ph=%d via=%v apart=%v\t%s\n", p.id, p.label, s, e.CoverMin, e.CoverMax, e.Words, e.Head, e.Names, e.Shared, e.Numbers, e.Phrases, e.Via, e.Apart, p.why)
	}
}

// TestTwoLanguageVersions: nv.ua printed one report in Ukrainian and in
// Russian (8 November 2019, Romanchuk's gold in Doha), and
// korrespondent.net reported it in Russian. The two versions of one outlet
// are one story, and the other outlet's report joins them.
func TestTwoLanguageVersions(t *testing.T) {
	pages := contestPages(t)
	_, stories := group(pages, story.Options{})
	const (
		ukrainian = "data/20191108/18/8361979552026329045.html"
		russian   = "data/20191108/18/8361979552772634351.html"
		other     = "data/20191108/18/1688417001589209758.html"
	)
	if stories[ukrainian] != stories[russian] || stories[russian] != stories[other] {
		t.Errorf("stories: nv.ua in Ukrainian %d, in Russian %d, korrespondent.net %d; want one", stories[ukrainian], stories[russian], stories[other])
	}
}
