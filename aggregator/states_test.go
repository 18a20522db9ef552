package aggregator_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/news"
	"github.com/syndic/syndic/store"
)

// refusingStore refuses (as a database refuses a value, not as one that is
// down) every write of source states that includes the state of refuse.
type refusingStore struct {
	*store.Store
	refuse atomic.Value // source ID
}

func (s *refusingStore) SaveSourceStates(ctx context.Context, states ...news.SourceState) error {
	for _, st := range states {
		if st.SourceID == s.refuse.Load() {
			return errors.New("value refused")
		}
	}
	return s.Store.SaveSourceStates(ctx, states...)
}

// A crawl pass writes its sources' states behind the crawls, several in a
// transaction; a state the store refuses costs no other source's, its
// source's result carries the error, and its source is fetched again in
// full on the next pass (its items were stored, so none is new), while the
// others answer 304.
func TestCrawlPassWritesStatesBehind(t *testing.T) {
	rs := &refusingStore{}
	rs.refuse.Store("oren")
	_, c, st := setupWith(t, func(st *store.Store) aggregator.Store {
		rs.Store = st
		return rs
	})
	ctx := context.Background()
	first := byID(c.CrawlOnce(ctx, nil))
	for id, r := range first {
		switch {
		case id == "oren" && (r.Err == nil || !strings.Contains(r.Err.Error(), "save source state: value refused")):
			t.Errorf("oren: err %v, want the refused state", r.Err)
		case id != "oren" && r.Err != nil:
			t.Errorf("%s: %v", id, r.Err)
		case r.New == 0:
			t.Errorf("%s: nothing new on a first crawl", id)
		}
	}
	for _, id := range []string{"lenta", "oren", "ibash", "koi8"} {
		s, err := st.SourceState(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if saved := s.ETag != "" && !s.LastSuccess.IsZero(); saved != (id != "oren") {
			t.Errorf("%s: state saved %v (%+v)", id, saved, s)
		}
	}

	rs.refuse.Store("")
	for id, r := range byID(c.CrawlOnce(ctx, nil)) {
		switch {
		case r.Err != nil:
			t.Errorf("again, %s: %v", id, r.Err)
		case id == "oren" && (r.NotModified || r.New != 0 || r.Unchanged != first[id].New):
			t.Errorf("again, oren: not modified %v, %d new, %d unchanged; want a full fetch of %d stored items", r.NotModified, r.New, r.Unchanged, first[id].New)
		case id != "oren" && !r.NotModified:
			t.Errorf("again, %s: not a 304", id)
		}
	}
	if s, _ := st.SourceState(ctx, "oren"); s.ETag == "" {
		t.Errorf("oren's state not saved on the second pass: %+v", s)
	}
}
