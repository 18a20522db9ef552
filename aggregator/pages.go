package aggregator

import (
	"container/heap"
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/syndic/syndic/aggregator/extract"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/news"
)

// Article pages are work of their own: each host has a queue of page
// fetches that one worker drains at the host's pace (the fetcher spaces the
// requests), newest items first, so a slow or dead article host delays only
// its own items and never a feed. A page that several sources link (same
// canonical URL, same extraction options) is fetched and extracted once:
// the queue keeps the last pageMemory pages it read.

// pageMemory is how many extracted pages the queue keeps for reuse.
const pageMemory = 1000

// pageQueue holds the per-host queues. Its methods are safe for concurrent use.
type pageQueue struct {
	fetcher Fetcher
	budget  time.Duration // fetch.extract_timeout
	now     func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostPages
	jobs  map[string]*pageJob // by key: queued, being read, or read
	read  []string            // keys of read pages, oldest first
	seq   uint64
}

// hostPages is one host's queue and what it did since the process started.
type hostPages struct {
	queue            jobHeap
	running          bool
	fetched, failed  int
	reused, inFlight int
}

// pageJob is one page to fetch and extract, and, once done, its outcome.
type pageJob struct {
	key, host string
	ctx       context.Context // the first requester's
	req       fetch.Request
	opts      extract.Options
	newest    time.Time // the newest item waiting for the page
	seq       uint64    // order of request, among items of the same time
	index     int       // in the host's heap; -1 once taken

	done    bool
	art     *extract.Article
	err     error
	waiters []func(*pageJob)
}

func newPageQueue(f Fetcher, budget time.Duration, now func() time.Time) *pageQueue {
	return &pageQueue{fetcher: f, budget: budget, now: now, hosts: map[string]*hostPages{}, jobs: map[string]*pageJob{}}
}

// pageKey names a page with the options its extraction depends on, so that
// only sources reading a page alike share its extraction.
func pageKey(link string, req fetch.Request, opts extract.Options) string {
	loc := ""
	if opts.Location != nil {
		loc = opts.Location.String()
	}
	return fmt.Sprintf("%s\x00%s\x00%v\x00%v", news.LinkKey(link), loc, req.AllowPrivate, opts.Selectors)
}

// request asks for the page of link; done is called once, from another
// goroutine or at once, with the job when the page was read or failed.
// published orders the host's queue (newest first).
func (q *pageQueue) request(ctx context.Context, link string, req fetch.Request, opts extract.Options, published time.Time, done func(*pageJob)) {
	key := pageKey(link, req, opts)
	q.mu.Lock()
	if j, ok := q.jobs[key]; ok {
		h := q.hosts[j.host]
		if j.done {
			h.reused++
			q.mu.Unlock()
			done(j)
			return
		}
		j.waiters = append(j.waiters, done)
		if published.After(j.newest) && j.index >= 0 {
			j.newest = published
			heap.Fix(&h.queue, j.index)
		}
		q.mu.Unlock()
		return
	}
	host := hostOf(link)
	q.seq++
	j := &pageJob{key: key, host: host, ctx: ctx, req: req, opts: opts, newest: published, seq: q.seq, waiters: []func(*pageJob){done}}
	q.jobs[key] = j
	h := q.hosts[host]
	if h == nil {
		h = &hostPages{}
		q.hosts[host] = h
	}
	heap.Push(&h.queue, j)
	start := !h.running
	h.running = true
	q.mu.Unlock()
	if start {
		go q.drain(h)
	}
}

// drain reads a host's queue, one page at a time, until it is empty.
func (q *pageQueue) drain(h *hostPages) {
	for {
		q.mu.Lock()
		if h.queue.Len() == 0 {
			h.running = false
			q.mu.Unlock()
			return
		}
		j := heap.Pop(&h.queue).(*pageJob)
		h.inFlight++
		q.mu.Unlock()

		art, err := q.readPage(j)

		q.mu.Lock()
		h.inFlight--
		j.done, j.art, j.err = true, art, err
		if err != nil {
			h.failed++
			delete(q.jobs, j.key) // a later pass may try again
		} else {
			h.fetched++
			q.read = append(q.read, j.key)
			if len(q.read) > pageMemory {
				delete(q.jobs, q.read[0])
				q.read = q.read[1:]
			}
		}
		waiters := j.waiters
		j.waiters = nil
		q.mu.Unlock()
		for _, w := range waiters {
			w(j)
		}
	}
}

// readPage fetches and extracts one page.
func (q *pageQueue) readPage(j *pageJob) (*extract.Article, error) {
	resp, err := q.fetcher.Get(j.ctx, j.req)
	if err == nil && resp.NotModified {
		err = fmt.Errorf("unexpected 304")
	}
	if err != nil {
		return nil, fmt.Errorf("fetch article: %w", err)
	}
	opts := j.opts
	opts.URL = resp.URL
	opts.Now = q.now() // "сегодня, 13:01" is today of the crawl
	art, err := within(j.ctx, q.budget, func() (*extract.Article, error) {
		return extract.Extract(resp.Body, opts)
	})
	if err != nil {
		return nil, fmt.Errorf("extract article %s: %w", fetch.Redact(j.req.URL), err)
	}
	return art, nil
}

// HostPages is one article host's page queue: pages waiting, being read,
// read and failed since the process started, and requests answered by a
// page already read for another item or source.
type HostPages struct {
	Host                                      string
	Queued, InFlight, Fetched, Failed, Reused int
}

// Pages returns the page queue of every article host met so far, by host.
func (c *Crawler) Pages() []HostPages {
	q := c.pages
	q.mu.Lock()
	out := make([]HostPages, 0, len(q.hosts))
	for host, h := range q.hosts {
		out = append(out, HostPages{Host: host, Queued: h.queue.Len(), InFlight: h.inFlight,
			Fetched: h.fetched, Failed: h.failed, Reused: h.reused})
	}
	q.mu.Unlock()
	sort.Slice(out, func(i, k int) bool { return out[i].Host < out[k].Host })
	return out
}

// hostOf is the host a page queue is per: the URL's host:port, lower case.
func hostOf(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// jobHeap orders a host's waiting pages newest item first.
type jobHeap []*pageJob

func (h jobHeap) Len() int { return len(h) }
func (h jobHeap) Less(i, k int) bool {
	if !h[i].newest.Equal(h[k].newest) {
		return h[i].newest.After(h[k].newest)
	}
	return h[i].seq < h[k].seq
}
func (h jobHeap) Swap(i, k int) {
	h[i], h[k] = h[k], h[i]
	h[i].index, h[k].index = i, k
}
func (h *jobHeap) Push(x any) {
	j := x.(*pageJob)
	j.index = len(*h)
	*h = append(*h, j)
}
func (h *jobHeap) Pop() any {
	old := *h
	j := old[len(old)-1]
	old[len(old)-1] = nil
	j.index = -1
	*h = old[:len(old)-1]
	return j
}
