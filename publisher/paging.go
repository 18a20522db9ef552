package publisher

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// cursor is the position of the last item of a newer page: the page it
// names holds the items older than it. The zero cursor names the newest page.
type cursor struct {
	t  int64 // sort time, Unix microseconds
	id int64
}

func (c cursor) zero() bool { return c == cursor{} }

// cursorOf is the position of an item as the store orders them.
func cursorOf(it *news.Item) cursor {
	t := it.Published
	if t.IsZero() {
		t = it.FetchedAt
	}
	return cursor{t: t.UnixMicro(), id: it.ID}
}

func (c cursor) time() time.Time { return time.UnixMicro(c.t).UTC() }

// time0 is the cursor's time for the store: zero for the newest page.
func (c cursor) time0() time.Time {
	if c.zero() {
		return time.Time{}
	}
	return c.time()
}

// String is the cursor as its query parameter value: micros "-" id.
func (c cursor) String() string {
	return strconv.FormatInt(c.t, 10) + "-" + strconv.FormatInt(c.id, 10)
}

// query is the query string of the page the cursor names.
func (c cursor) query() string { return "?before=" + c.String() }

// parseCursorQuery reads ?before= from a raw query; other parameters are
// ignored. ok is false for a malformed cursor.
func parseCursorQuery(raw string) (c cursor, ok bool) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return cursor{}, false
	}
	v, present := q["before"]
	if !present {
		return cursor{}, true
	}
	if len(v) != 1 {
		return cursor{}, false
	}
	i := strings.LastIndexByte(v[0], '-')
	if i <= 0 {
		return cursor{}, false
	}
	t, err1 := strconv.ParseInt(v[0][:i], 10, 64)
	id, err2 := strconv.ParseInt(v[0][i+1:], 10, 64)
	if err1 != nil || err2 != nil || (t == 0 && id == 0) || t < minCursor || t > maxCursor || id < 0 {
		return cursor{}, false
	}
	return cursor{t: t, id: id}, true
}

// A cursor's time lies between these (Unix microseconds of 1900 and 2200):
// no item sorts outside them, and a feed never shows a date of year
// −290308 because someone typed a large number.
var (
	minCursor = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro()
	maxCursor = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro()
)
