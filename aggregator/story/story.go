// Package story groups reports of one news story across outlets: each
// report joins the story of the most similar report of the last hours, or
// starts one. It compares reports by the stems of their words (MinHash
// signatures in an LSH index find the candidates, never a scan of every
// pair), the names they give, the numbers and phrases they share, the
// outlets they credit and their times. It does no I/O and keeps only the
// reports of its window.
package story

import (
	"cmp"
	"container/heap"
	"math"
	"slices"
	"time"

	"github.com/syndic/syndic/news"
)

// Report is one item as grouping reads it.
type Report struct {
	ID     int64  // the item's id; unique
	Outlet string // the outlet's name as others credit it ("ТАСС", "Interfax")
	Title  string
	Lead   string   // the summary or first paragraph, plain text
	Text   string   // the body, plain text
	Via    []string // outlets it credits ("ТАСС")
	// Published is when it was reported; reports further apart than the
	// window are never one story.
	Published time.Time
}

// Options tune grouping; the zero value means the defaults.
type Options struct {
	// Window is how far apart in time two reports of one story may be, and
	// how long a report is kept to be compared with; default 48 h.
	Window time.Duration
	// Threshold is the score from which two reports are one story
	// (see Grouper.Score); default DefaultThreshold.
	Threshold float64
}

// DefaultThreshold is the score from which two reports are one story.
const DefaultThreshold = 4.2

// DefaultWindow is how far apart two reports of one story may be.
const DefaultWindow = 48 * time.Hour

// Grouper assigns reports to stories. It is not safe for concurrent use.
type Grouper struct {
	opt    Options
	docs   map[int64]*doc
	byTime docHeap
	bands  map[uint64][]*doc
	names  map[uint64][]*doc
	df     map[uint64]int32 // in how many kept reports each feature is
	newest time.Time
	seen   map[*doc]int32 // scratch: candidates of the report being added
	cands  []candidate    // scratch
	scored int            // candidates scored in all
}

type candidate struct {
	d    *doc
	hits int32
}

// maxCandidates is how many candidates a report is scored against at most:
// those with the most band and name hits.
const maxCandidates = 64

// Scored is how many candidate reports have been scored in all.
func (g *Grouper) Scored() int { return g.scored }

type doc struct {
	id        int64
	story     int64
	outlet    string
	published time.Time
	f         features
	// the weighted sets of f
	title, head, body, names weighted
	sig                      [numHashes]uint64
	heapIndex                int
}

// bands is how many LSH bands of d are indexed: none when it has no words,
// since empty signatures are all alike.
func (d *doc) bands() int {
	if len(d.f.body) == 0 {
		return 0
	}
	return numBands
}

// Compare returns what two kept reports share, and their score.
func (g *Grouper) Compare(a, b int64) (Evidence, float64, bool) {
	da, oka := g.docs[a]
	db, okb := g.docs[b]
	if !oka || !okb {
		return Evidence{}, 0, false
	}
	return g.evidence(da, db), g.score(da, db), true
}

// New returns an empty grouper.
func New(opt Options) *Grouper {
	if opt.Window <= 0 {
		opt.Window = DefaultWindow
	}
	if opt.Threshold <= 0 {
		opt.Threshold = DefaultThreshold
	}
	return &Grouper{
		opt:   opt,
		docs:  map[int64]*doc{},
		bands: map[uint64][]*doc{},
		names: map[uint64][]*doc{},
		df:    map[uint64]int32{},
		seen:  map[*doc]int32{},
	}
}

// Len is how many reports the grouper keeps.
func (g *Grouper) Len() int { return len(g.docs) }

// Add groups a report and returns its story: the story of the kept report
// it matches best, or, when none matches, a story of its own whose id is the
// report's. A report added again (an update) is compared afresh and keeps
// its story when it matches nothing else. Reports older than the window
// before the newest report seen start their own story and are not kept.
func (g *Grouper) Add(r Report) int64 {
	if r.Published.After(g.newest) {
		g.newest = r.Published
	}
	g.evict()
	story := r.ID
	if old, ok := g.docs[r.ID]; ok {
		story = old.story
		g.remove(old)
	}
	d := &doc{id: r.ID, story: story, outlet: news.Fold(r.Outlet), published: r.Published, f: readFeatures(r)}
	d.sig = signature(d.f.body)
	d.title, d.head, d.body, d.names = g.weigh(d.f.title), g.weigh(d.f.head), g.weigh(d.f.body), g.weigh(d.f.names)
	if best, score := g.best(d); best != nil && score >= g.opt.Threshold {
		d.story = best.story
	}
	if g.newest.Sub(r.Published) < g.opt.Window {
		g.insert(d)
	}
	return d.story
}

// Keep adds a report whose story is already known (read back from a
// store) without matching it, so that later reports can join it.
func (g *Grouper) Keep(r Report, story int64) {
	if r.Published.After(g.newest) {
		g.newest = r.Published
	}
	g.evict()
	if old, ok := g.docs[r.ID]; ok {
		g.remove(old)
	}
	d := &doc{id: r.ID, story: story, outlet: news.Fold(r.Outlet), published: r.Published, f: readFeatures(r)}
	d.sig = signature(d.f.body)
	d.title, d.head, d.body, d.names = g.weigh(d.f.title), g.weigh(d.f.head), g.weigh(d.f.body), g.weigh(d.f.names)
	if g.newest.Sub(r.Published) < g.opt.Window {
		g.insert(d)
	}
}

// Candidates are found by LSH on the body signature and by sharing rare
// names; a name in more than maxNameShare of the kept reports (and at
// least minNameDF) is too common to find candidates by.
const (
	maxNameShare = 0.01
	minNameDF    = 50
)

// best returns the kept report that d matches best, and the score.
func (g *Grouper) best(d *doc) (*doc, float64) {
	clear(g.seen)
	for b := range d.bands() {
		for _, c := range g.bands[bandKey(b, &d.sig)] {
			g.seen[c] += 2
		}
	}
	limit := int32(max(minNameDF, int(maxNameShare*float64(len(g.docs)))))
	for _, n := range d.f.names {
		list := g.names[n]
		if int32(len(list)) > limit {
			continue
		}
		for _, c := range list {
			g.seen[c]++
		}
	}
	g.cands = g.cands[:0]
	for c, hits := range g.seen {
		// An outlet's own reports share its boilerplate, and its second
		// report of a story is a follow-up: reports are matched across
		// outlets only, or with the outlet's version of a report in
		// another language (nv.ua prints its news in Ukrainian and in
		// Russian).
		if hits < 2 || c.id == d.id || c.outlet != "" && c.outlet == d.outlet && !twoLanguages(c.f.lang, d.f.lang) {
			continue
		}
		g.cands = append(g.cands, candidate{c, hits})
	}
	if len(g.cands) > maxCandidates {
		slices.SortFunc(g.cands, func(a, b candidate) int {
			if a.hits != b.hits {
				return cmp.Compare(b.hits, a.hits)
			}
			return cmp.Compare(b.d.id, a.d.id)
		})
		g.cands = g.cands[:maxCandidates]
	}
	var best *doc
	bestScore := math.Inf(-1)
	for _, c := range g.cands {
		g.scored++
		if s := g.score(d, c.d); s > bestScore || s == bestScore && c.d.id < best.id {
			best, bestScore = c.d, s
		}
	}
	return best, bestScore
}

func (g *Grouper) insert(d *doc) {
	g.docs[d.id] = d
	heap.Push(&g.byTime, d)
	for b := range d.bands() {
		k := bandKey(b, &d.sig)
		g.bands[k] = append(g.bands[k], d)
	}
	for _, n := range d.f.names {
		g.names[n] = append(g.names[n], d)
	}
	for _, set := range [][]uint64{d.f.body, d.f.names, d.f.nums} {
		for _, h := range set {
			g.df[h]++
		}
	}
}

func (g *Grouper) remove(d *doc) {
	delete(g.docs, d.id)
	heap.Remove(&g.byTime, d.heapIndex)
	for b := range d.bands() {
		k := bandKey(b, &d.sig)
		g.bands[k] = without(g.bands[k], d)
		if len(g.bands[k]) == 0 {
			delete(g.bands, k)
		}
	}
	for _, n := range d.f.names {
		g.names[n] = without(g.names[n], d)
		if len(g.names[n]) == 0 {
			delete(g.names, n)
		}
	}
	for _, set := range [][]uint64{d.f.body, d.f.names, d.f.nums} {
		for _, h := range set {
			if g.df[h]--; g.df[h] <= 0 {
				delete(g.df, h)
			}
		}
	}
}

// without removes d from list, keeping the order (lists are in order of
// insertion, and the oldest go first, so d is usually near the front).
func without(list []*doc, d *doc) []*doc {
	for i, x := range list {
		if x == d {
			copy(list[i:], list[i+1:])
			list[len(list)-1] = nil
			return list[:len(list)-1]
		}
	}
	return list
}

// evict drops the reports that left the window.
func (g *Grouper) evict() {
	for len(g.byTime) > 0 && g.newest.Sub(g.byTime[0].published) >= g.opt.Window {
		g.remove(g.byTime[0])
	}
}

// docHeap orders kept reports by time, oldest first.
type docHeap []*doc

func (h docHeap) Len() int           { return len(h) }
func (h docHeap) Less(i, j int) bool { return h[i].published.Before(h[j].published) }
func (h docHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].heapIndex, h[j].heapIndex = i, j
}
func (h *docHeap) Push(x any) {
	d := x.(*doc)
	d.heapIndex = len(*h)
	*h = append(*h, d)
}
func (h *docHeap) Pop() any {
	old := *h
	d := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return d
}
