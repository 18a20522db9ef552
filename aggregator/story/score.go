package story

import (
	"math"
	"strings"
	"time"
)

// Evidence is what two reports share.
type Evidence struct {
	Words float64 // IDF-weighted overlap of the stems of title, lead and body start, 0–1
	Head  float64 // the same over title and lead alone
	// Cover is how much of each title the other report's words cover
	// (IDF-weighted, 0–1): the smaller and the larger of the two.
	CoverMin, CoverMax float64
	Names              float64 // IDF-weighted overlap of the names, 0–1
	Shared             int     // how many names both give
	Numbers            int     // how many numbers (sums, counts, decimals) both give
	Phrases            int     // how many phrases both have (estimated from those kept)
	Via                bool    // one credits the other's outlet
	Apart              time.Duration
}

// weighted is a sorted set of features with the IDF weight of each, read
// when its report was added, and their sum.
type weighted struct {
	h   []uint64
	w   []float32
	sum float64
}

func (g *Grouper) weigh(set []uint64) weighted {
	ws := weighted{h: set, w: make([]float32, len(set))}
	n := math.Log(float64(len(g.docs) + 2))
	for i, h := range set {
		w := n - math.Log(float64(g.df[h])+0.5)
		ws.w[i] = float32(w)
		ws.sum += w
	}
	return ws
}

// overlap is the weight of what a and b share (the mean of their two
// weights of each), over the geometric mean of their weights: a cosine of
// 0/1 vectors weighted by IDF. It returns how many features they share too.
func overlap(a, b weighted) (float64, int) {
	if a.sum <= 0 || b.sum <= 0 {
		return 0, 0
	}
	var both float64
	n := 0
	i, j := 0, 0
	for i < len(a.h) && j < len(b.h) {
		switch {
		case a.h[i] < b.h[j]:
			i++
		case b.h[j] < a.h[i]:
			j++
		default:
			both += float64(a.w[i]+b.w[j]) / 2
			n++
			i, j = i+1, j+1
		}
	}
	return both / math.Sqrt(a.sum*b.sum), n
}

// cover is the weight of the features of title that set has, over that of
// all of title.
func cover(title weighted, set []uint64) float64 {
	if title.sum <= 0 {
		return 0
	}
	var found float64
	j := 0
	for i, h := range title.h {
		for j < len(set) && set[j] < h {
			j++
		}
		if j < len(set) && set[j] == h {
			found += float64(title.w[i])
		}
	}
	return found / title.sum
}

// shared counts the values the sorted sets a and b have in common.
func shared(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case b[j] < a[i]:
			j++
		default:
			n++
			i, j = i+1, j+1
		}
	}
	return n
}

func (g *Grouper) evidence(a, b *doc) Evidence {
	var e Evidence
	e.Words, _ = overlap(a.body, b.body)
	e.Head, _ = overlap(a.head, b.head)
	e.Names, e.Shared = overlap(a.names, b.names)
	ca, cb := cover(a.title, b.f.body), cover(b.title, a.f.body)
	e.CoverMin, e.CoverMax = min(ca, cb), max(ca, cb)
	e.Numbers = shared(a.f.nums, b.f.nums)
	if n := shared(a.f.phrases, b.f.phrases); n >= minPhrases {
		e.Phrases = phraseSample * n
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
// words cover, word and name overlap, phrases copied from one text, and,
// as confirmation, numbers and a credit in common. The weights were fitted on labelled pairs
// of reports (testdata/stories) and rounded; from DefaultThreshold on, two
// reports are one story.
func Score(e Evidence) float64 {
	s := 1.3*e.CoverMin + 1.5*e.CoverMax + e.Words + e.Head + e.Names + 0.7*math.Log1p(float64(e.Shared)) + 0.7*math.Log1p(float64(e.Phrases))
	if e.Numbers > 0 {
		s += 0.5
	}
	if e.Via {
		s += 0.5
	}
	return s
}
