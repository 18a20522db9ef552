package aggregator_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
	"github.com/syndic/syndic/store/storetest"
)

// TestCrawlersShareSources runs two crawlers, each with its own store
// handle and fetcher as two processes would have, on one PostgreSQL
// database: every source is crawled once, by one of them, all of its items
// stored once; and the two never request one host at once.
func TestCrawlersShareSources(t *testing.T) {
	db := storetest.Postgres(t)
	ctx := context.Background()
	const hosts, perHost = 4, 10
	var (
		mu       sync.Mutex
		fetches  = map[string]int{}
		inFlight = map[string]int{}
		overlap  int
	)
	var ups []*httptest.Server
	for h := range hosts {
		up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host := r.Host
			mu.Lock()
			fetches[r.Host+r.URL.Path]++
			inFlight[host]++
			if inFlight[host] > 1 {
				overlap++
			}
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
			mu.Lock()
			inFlight[host]--
			mu.Unlock()
			n := strings.TrimPrefix(r.URL.Path, "/feed")
			fmt.Fprint(w, strings.ReplaceAll(rss(0, 3, ""), "example.ru/", fmt.Sprintf("h%d.test/%s/", h, n)))
		}))
		t.Cleanup(up.Close)
		ups = append(ups, up)
	}
	var b strings.Builder
	b.WriteString("sections: [{id: all}]\nfetch: {robots_txt: false, host_spacing: 0s, lease: 2s}\nsources:\n")
	for h, up := range ups {
		for i := range perHost {
			fmt.Fprintf(&b, "  - {id: s%d-%d, url: \"%s/feed%d\", sections: [all], allow_private: true, fetch_article: false, interval: 1h}\n", h, i, up.URL, i)
		}
	}
	cfg, err := config.Parse("test.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var stores []*store.Store
	for i := range 2 {
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		stores = append(stores, st)
		f := fetch.New(fetch.Options{Timeout: 5 * time.Second, IgnoreRobots: true, Hosts: st})
		c, err := aggregator.New(cfg, f, st, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		sched, err := aggregator.NewLeases(ctx, st, cfg, fmt.Sprintf("crawler%d", i), cfg.Fetch.Lease.D(), nil)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.RunSchedule(runCtx, sched); err != nil {
				t.Error(err)
			}
		}()
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		n, err := stores[0].CountItems(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == hosts*perHost*3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d items stored after 20s, want %d", n, hosts*perHost*3)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // time for a second fetch, if any were to come
	stop()
	wg.Wait()

	mu.Lock()
	defer mu.Unlock()
	if len(fetches) != hosts*perHost {
		t.Errorf("%d feeds fetched, want %d", len(fetches), hosts*perHost)
	}
	for feed, n := range fetches {
		if n != 1 {
			t.Errorf("%s fetched %d times within its interval", feed, n)
		}
	}
	if overlap > 0 {
		t.Errorf("%d requests reached a host while another was in flight", overlap)
	}
	states, err := stores[1].SourceStates(ctx)
	if err != nil || len(states) != hosts*perHost {
		t.Fatalf("%d source states, %v", len(states), err)
	}
	for _, st := range states {
		if st.LastSuccess.IsZero() || st.NextFetch.Before(st.LastSuccess.Add(30*time.Minute)) {
			t.Errorf("%s: %+v", st.SourceID, st)
		}
	}
}

// TestLeasesOutlastLongCrawls: crawls longer than the lease, with every
// slot busy, keep their sources (the leases are renewed), so no other
// crawler takes one over and fetches it again.
func TestLeasesOutlastLongCrawls(t *testing.T) {
	db := storetest.Postgres(t)
	ctx := context.Background()
	var mu sync.Mutex
	fetches := map[string]int{}
	var b strings.Builder
	b.WriteString("sections: [{id: all}]\nfetch: {robots_txt: false, host_spacing: 0s, lease: 1s}\nsources:\n")
	for i := range 20 { // more than both crawlers' slots: every slot stays busy
		up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			fetches[r.Host]++
			mu.Unlock()
			time.Sleep(1600 * time.Millisecond)
			fmt.Fprint(w, strings.ReplaceAll(rss(0, 2, ""), "example.ru/", fmt.Sprintf("s%d.test/", i)))
		}))
		t.Cleanup(up.Close)
		fmt.Fprintf(&b, "  - {id: s%d, url: \"%s/feed\", sections: [all], allow_private: true, fetch_article: false, interval: 1h}\n", i, up.URL)
	}
	cfg, err := config.Parse("test.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var first *store.Store
	for i := range 2 {
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		first = st
		c, err := aggregator.New(cfg, fetch.New(fetch.Options{IgnoreRobots: true, Hosts: st}), st, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		sched, err := aggregator.NewLeases(ctx, st, cfg, fmt.Sprintf("crawler%d", i), time.Second, nil)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.RunSchedule(runCtx, sched)
		}()
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, err := first.CountItems(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 40 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d items after 30s", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond) // a lapsed lease would be taken over by now
	stop()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	for host, n := range fetches {
		if n != 1 {
			t.Errorf("%s fetched %d times", host, n)
		}
	}
}
