package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// TestGroupCommit holds SQLite's writer while four sources save: the first
// waits for the writer alone, the three arriving behind it are written in
// one transaction. The third of them is cancelled while it waits: it fails,
// and the others of its group are still saved, once each, and found by
// search.
func TestGroupCommit(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	var groups []int
	testHookGroup = func(n int) { groups = append(groups, n) } // leaders take turns
	defer func() { testHookGroup = nil }()

	held, err := s.w.BeginTx(ctx, nil) // the writer's one connection
	if err != nil {
		t.Fatal(err)
	}
	waitQueue := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
			s.group.mu.Lock()
			queued, leading := len(s.group.queue), s.group.leading
			s.group.mu.Unlock()
			if leading && queued == n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d calls queued, want %d", queued, n)
			}
		}
	}
	const perSource = 5
	results := make([]error, 4)
	var wg sync.WaitGroup
	cancelC, cancel := context.WithCancel(ctx)
	for k, src := range []string{"a", "b", "c", "d"} {
		callCtx := ctx
		if src == "c" {
			callCtx = cancelC
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			batch := make([]news.Item, perSource)
			for i := range batch {
				batch[i] = smallItem(src, i)
			}
			res, err := s.SaveItems(callCtx, batch)
			if err == nil && res.New != perSource {
				err = fmt.Errorf("%d new items, want %d", res.New, perSource)
			}
			results[k] = err
		}()
		waitQueue(k) // a leads with the queue empty; b, c, d wait behind it
	}
	cancel()
	if err := held.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()

	if fmt.Sprint(groups) != "[1 3]" {
		t.Errorf("calls a transaction: %v, want [1 3]", groups)
	}
	for k, err := range results {
		if k == 2 {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled call: %v, want context.Canceled", err)
			}
		} else if err != nil {
			t.Errorf("call %d: %v", k, err)
		}
	}
	if n, err := s.CountItems(ctx); err != nil || n != 3*perSource {
		t.Errorf("%d items stored (%v), want %d", n, err, 3*perSource)
	}
	// Their search keys, computed while they waited, were written.
	if found, err := s.SearchItems(ctx, "headlines", 100); err != nil || len(found) != 3*perSource {
		t.Errorf("search finds %d items (%v), want %d", len(found), err, 3*perSource)
	}
}
