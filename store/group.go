package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/syndic/syndic/news"
)

// Group commit (SQLite). SQLite has one writer, and a transaction of one
// new item costs about what five in a batch do: calls of SaveItems that
// arrive while another transaction is under way wait, then are written
// together in the next one. Should one call fail there, the transaction is
// rolled back and each call is written again in a transaction of its own,
// so a call's failure never costs another's items. No call returns before
// its items are committed, so a crash loses nothing a caller was told is
// saved.

// saveCall is one call of SaveDocumentItems: its input, and its result once
// done.
type saveCall struct {
	ctx    context.Context
	src    string
	items  []news.Item // normalized
	ids    []identity
	hashes [][]byte        // contentHash of each item
	keys   []*searchKeysOf // of each item
	ahead  atomic.Bool     // stemAhead has begun
	now    time.Time
	res    news.SaveResult
	err    error
	wake   chan bool // true: res and err are set; false: lead the next transaction
}

// saveGroup queues the calls waiting for the writer.
type saveGroup struct {
	mu      sync.Mutex
	queue   []*saveCall
	leading bool // a call is writing a transaction, and will hand over the queue
}

// maxGroupItems bounds the items of one grouped transaction: calls beyond it
// wait for the next one.
const maxGroupItems = 2000

// testHookGroup, when set, is told the number of calls of each grouped
// transaction before it is written.
var testHookGroup func(calls int)

// saveGrouped saves c in a transaction shared with the calls waiting beside
// it. The call that finds no transaction under way leads: it writes the
// queue's calls, and when others arrived meanwhile, hands the lead to the
// first of them: a caller writes one transaction, the one holding its own
// call, never a later one for others.
func (s *Store) saveGrouped(c *saveCall) {
	c.wake = make(chan bool, 1)
	g := &s.group
	g.mu.Lock()
	g.queue = append(g.queue, c)
	lead := !g.leading
	g.leading = true
	g.mu.Unlock()
	if !lead {
		// While it waits, the search keys of the items the store does
		// not hold as they are (a read outside the transaction) are
		// computed on a core the writer leaves idle.
		go func() {
			if !c.ahead.Load() { // (write may have begun them already)
				c.stemAhead(s.heldItems(c.ctx, c.src, c.ids))
			}
		}()
	}
	for {
		if lead {
			s.leadGroup()
		}
		if done := <-c.wake; done {
			return
		}
		lead = true
	}
}

// leadGroup writes the calls at the head of the queue in one transaction,
// then hands the lead to the next call waiting, if any.
func (s *Store) leadGroup() {
	g := &s.group
	g.mu.Lock()
	n, items := 0, 0
	for n < len(g.queue) && (n == 0 || items+len(g.queue[n].items) <= maxGroupItems) {
		items += len(g.queue[n].items)
		n++
	}
	calls := g.queue[:n:n]
	g.queue = g.queue[n:]
	g.mu.Unlock()

	if testHookGroup != nil {
		testHookGroup(len(calls))
	}
	if s.commitCalls(calls) != nil && len(calls) > 1 {
		for _, c := range calls {
			c.res, c.err = news.SaveResult{}, nil
			s.commitCalls([]*saveCall{c})
		}
	}
	for _, c := range calls {
		c.wake <- true
	}

	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.queue) == 0 {
		g.leading = false
		g.queue = nil
		return
	}
	g.queue[0].wake <- false
}

// commitCalls writes calls in one transaction and sets each call's result
// or error; it returns the first error, after which nothing is committed.
// A call whose context is done before its turn fails; one whose turn has
// come in a group runs to its end, since interrupting a statement may roll
// back the whole transaction.
func (s *Store) commitCalls(calls []*saveCall) error {
	ctx := calls[0].ctx
	if len(calls) > 1 {
		ctx = context.WithoutCancel(ctx)
	}
	fail := func(err error) error {
		for _, c := range calls {
			if c.err == nil {
				c.err = err
			}
			c.res = news.SaveResult{}
		}
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	stmts := map[*sql.Stmt]*sql.Stmt{}
	touched := map[string]bool{}
	now := calls[0].now
	for _, c := range calls {
		if err := c.ctx.Err(); err != nil {
			c.err = err
			return fail(err)
		}
		if c.now.After(now) {
			now = c.now
		}
		if c.res, c.err = s.write(ctx, tx, stmts, touched, c); c.err != nil {
			return fail(c.err)
		}
	}
	if err := s.bumpSections(ctx, tx, touched, now); err != nil {
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(fmt.Errorf("commit: %w", err))
	}
	if !s.pg {
		s.committed()
	}
	return nil
}

// searchKeysOf are an item's search keys (indexKeys), computed once, by
// whichever goroutine asks first: write's stemmer, or the writer itself,
// should it need them sooner.
type searchKeysOf struct {
	once sync.Once
	it   *news.Item
	keys string
}

func (k *searchKeysOf) get() string {
	k.once.Do(func() { k.keys = indexKeys(*k.it) })
	return k.keys
}

// prepareCall does, before the call waits for the writer, the work of a
// save that needs no transaction: normalizing the items and hashing their
// content.
func (s *Store) prepareCall(ctx context.Context, src string, doc, items []news.Item) *saveCall {
	c := &saveCall{ctx: ctx, src: src, ids: identifyWithin(doc, items), now: s.clock(),
		items: make([]news.Item, len(items)), hashes: make([][]byte, len(items)), keys: make([]*searchKeysOf, len(items))}
	for i := range items {
		c.items[i] = normalize(items[i])
		c.hashes[i] = contentHash(&c.items[i], c.ids[i].canon)
		c.keys[i] = &searchKeysOf{it: &c.items[i]}
	}
	return c
}

// stemAhead computes, in order, the search keys of the items of c that
// held, the stored items matching their dedup keys, does not hold as they
// are: the most CPU a new item costs, computed on another core (the writer
// computes any it needs sooner itself). It runs once a call; held comes
// from a read outside the transaction (saveGrouped) or inside it (write).
func (c *saveCall) stemAhead(held map[string]stored) {
	if !c.ahead.CompareAndSwap(false, true) {
		return
	}
	for i, k := range c.keys {
		if st, ok := held[c.ids[i].key]; !ok || !bytes.Equal(st.hash, c.hashes[i]) {
			k.get()
		}
	}
}

// heldItems returns the stored items of source src with the dedup keys of
// ids, read on the read pool: a hint, holding what was read before any
// failure.
func (s *Store) heldItems(ctx context.Context, src string, ids []identity) map[string]stored {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = id.key
	}
	held := make(map[string]stored, len(ids))
	_ = lookUpStored(ctx, s.ws.heldItems, src, keys, func(k string, st stored) { held[k] = st })
	return held
}
