package story

import (
	"math"
	"slices"
	"strings"
	"time"
)

// Evidence is what two reports share.
type Evidence struct {
	Words   float64 // IDF-weighted overlap of the stems of title, lead and body start, 0–1
	Head    float64 // the same over title and lead alone
	Event   float64 // the same over the words of title and lead that are no names
	// Cover is how much of each title the other report's words cover
	// (IDF-weighted, 0–1): the smaller and the larger of the two.
	CoverMin, CoverMax float64
	Names   float64 // IDF-weighted overlap of the names, 0–1
	Shared  int     // how many names both give
	Numbers int     // how many numbers (sums, counts, decimals) both give
	Quote   bool    // both carry the same quoted words
	Via     bool    // one credits the other's outlet
	Apart   time.Duration
}

// idf weighs a feature by how rare it is among the kept reports.
func (g *Grouper) idf(h uint64) float64 {
	n := float64(len(g.docs) + 1)
	return math.Log((n + 1) / (float64(g.df[h]) + 0.5))
}

// overlap is the IDF weight of what a and b share over the weight of the
// lighter of the two: a short rewrite of a long report overlaps it fully.
func (g *Grouper) overlap(a, b []uint64) (float64, int) {
	var wa, wb, both float64
	n := 0
	inB := make(map[uint64]struct{}, len(b))
	for _, h := range b {
		inB[h] = struct{}{}
		wb += g.idf(h)
	}
	for _, h := range a {
		w := g.idf(h)
		wa += w
		if _, ok := inB[h]; ok {
			both += w
			n++
		}
	}
	if wa == 0 || wb == 0 {
		return 0, n
	}
	return both / math.Sqrt(wa*wb), n
}

// cover is the IDF weight of the stems of title found in set over that of
// all the stems of title.
func (g *Grouper) cover(title, set []uint64) float64 {
	var all, found float64
	for _, h := range title {
		w := g.idf(h)
		all += w
		if slices.Contains(set, h) {
			found += w
		}
	}
	if all == 0 {
		return 0
	}
	return found / all
}

func (g *Grouper) evidence(a, b *doc) Evidence {
	var e Evidence
	e.Words, _ = g.overlap(a.f.body, b.f.body)
	e.Head, _ = g.overlap(a.f.head, b.f.head)
	e.Event, _ = g.overlap(uniq(a.f.event), uniq(b.f.event))
	e.Names, e.Shared = g.overlap(a.f.names, b.f.names)
	ca, cb := g.cover(a.f.title, b.f.body), g.cover(b.f.title, a.f.body)
	e.CoverMin, e.CoverMax = min(ca, cb), max(ca, cb)
	_, e.Numbers = g.overlap(a.f.nums, b.f.nums)
	for _, q := range a.f.quotes {
		if slices.Contains(b.f.quotes, q) {
			e.Quote = true
			break
		}
	}
	e.Via = credits(a, b) || credits(b, a)
	e.Apart = a.published.Sub(b.published).Abs()
	return e
}

// credits says whether a credits b's outlet.
func credits(a, b *doc) bool {
	if b.outlet == "" {
		return false
	}
	for _, v := range a.f.via {
		if strings.Contains(v, b.outlet) || strings.Contains(b.outlet, v) {
			return true
		}
	}
	return false
}

// score is Score of what a and b share, 0 when they are further apart in
// time than the window.
func (g *Grouper) score(a, b *doc) float64 {
	if a.published.Sub(b.published).Abs() >= g.opt.Window {
		return 0
	}
	return Score(g.evidence(a, b))
}

// Score weighs what two reports share: how much of each title the other's
// words cover, word and name overlap, and, as confirmation, quoted words,
// numbers and a credit in common. The weights were fitted on labelled pairs
// of reports (testdata/stories) and rounded; from DefaultThreshold on, two
// reports are one story.
func Score(e Evidence) float64 {
	s := 1.3*e.CoverMin + 1.5*e.CoverMax + e.Words + e.Head + e.Names + 0.7*math.Log1p(float64(e.Shared))
	if e.Quote {
		s += 1
	}
	if e.Numbers > 0 {
		s += 0.5
	}
	if e.Via {
		s += 0.5
	}
	return s
}

func uniq(s []uint64) []uint64 {
	slices.Sort(s)
	return slices.Compact(s)
}
