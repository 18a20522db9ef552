package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"sort"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// Dedup keys identify an item within its source. They are derived once, when
// an item is first stored, and never change afterwards:
//
//	g:<guid>              the feed's GUID, when the document gives it to one item only
//	l:<canonical link>    else the canonical link, when no other title shares it
//	t:<sha256 hex>        else the normalised title and the UTC published date
//
// Besides its key, an incoming item also matches a stored item of the same
// source with the same canonical link (the GUID changed upstream), as long as
// that link identifies one item only (see identify).
const (
	keyGUID  = "g:"
	keyLink  = "l:"
	keyTitle = "t:"
)

// identity is how one incoming item is looked up among the stored ones.
type identity struct {
	key   string // dedup key, see above
	canon string // canonical link; "" when the item has no link
	// byLink reports whether canon may be used to find a stored item: it is
	// false when several different items of the batch share the link (a feed
	// that points every item at its home page).
	byLink bool
}

// identifyWithin derives the identities of items, some of the items of one
// fetched document doc (a document's items may be saved in several
// batches). A GUID is trusted only if every item carrying it in doc is the
// same story (same canonical link, or same title when there is no link); a
// link only if every item carrying it has the same title and date. An item
// listed twice verbatim keeps its GUID.
func identifyWithin(doc, items []news.Item) []identity {
	type id struct{ guid, canon, title string }
	idOf := func(it *news.Item) id {
		return id{guid: strings.TrimSpace(it.GUID), canon: news.LinkKey(it.Link), title: titleKey(it.Title, it.Published)}
	}
	guidSeen := make(map[string]string) // guid -> story, or "\x00" when ambiguous
	linkSeen := make(map[string]string) // canon -> title key, or "\x00"
	const ambiguous = "\x00"
	mark := func(m map[string]string, k, v string) {
		if old, ok := m[k]; !ok {
			m[k] = v
		} else if old != v {
			m[k] = ambiguous
		}
	}
	for i := range doc {
		x := idOf(&doc[i])
		story := x.canon
		if story == "" {
			story = keyTitle + x.title
		}
		if x.guid != "" {
			mark(guidSeen, x.guid, story)
		}
		if x.canon != "" {
			mark(linkSeen, x.canon, x.title)
		}
	}
	out := make([]identity, len(items))
	for i := range items {
		x := idOf(&items[i])
		linkOK := x.canon != "" && linkSeen[x.canon] != ambiguous
		switch {
		case x.guid != "" && guidSeen[x.guid] != ambiguous:
			out[i].key = keyGUID + x.guid
		case linkOK:
			out[i].key = keyLink + x.canon
		default:
			out[i].key = keyTitle + x.title
		}
		out[i].canon = x.canon
		out[i].byLink = linkOK
	}
	return out
}

// titleKey is the hex SHA-256 of the normalised title (lower case, runs of
// white space collapsed) and the UTC date of publication ("" when unknown).
func titleKey(title string, published time.Time) string {
	t := strings.ToLower(strings.Join(strings.Fields(title), " "))
	d := ""
	if !published.IsZero() {
		d = published.UTC().Format(time.DateOnly)
	}
	sum := sha256.Sum256([]byte(t + "\x00" + d))
	return hex.EncodeToString(sum[:])
}

// normalize returns the item as it is stored and read back: times in UTC at
// microsecond precision, sections sorted without blanks or repeats, empty
// lists nil. FetchedAt is left to the caller.
func normalize(it news.Item) news.Item {
	it.Published = roundTime(it.Published)
	it.Updated = roundTime(it.Updated)
	it.FetchedAt = roundTime(it.FetchedAt)
	it.Authors = nilIfEmpty(it.Authors)
	it.Categories = nilIfEmpty(it.Categories)
	it.Via = nilIfEmpty(it.Via)
	if len(it.Quotes) == 0 {
		it.Quotes = nil
	}
	if len(it.Enclosures) == 0 {
		it.Enclosures = nil
	}
	it.Sections = normSections(it.Sections)
	return it
}

func normSections(in []string) []string {
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s != "" {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	w := 0
	for i, s := range out {
		if i == 0 || s != out[w-1] {
			out[w] = s
			w++
		}
	}
	if w == 0 {
		return nil
	}
	return out[:w]
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// roundTime truncates t to microseconds, keeping its offset; the zero time
// stays zero.
func roundTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return time.UnixMicro(t.UnixMicro()).In(t.Location())
}

// contentHash digests everything of a normalised item that an upstream edit
// can change. It leaves out what identifies rather than describes the item
// (ID, source, GUID, the link beyond its canonical form canon) and FetchedAt:
// a feed that mints a new GUID or tracking parameter on every fetch does not
// rewrite its items every pass.
func contentHash(it *news.Item, canon string) []byte {
	h := hashWriter{h: sha256.New()}
	h.str(canon)
	h.str(it.Title)
	h.str(it.Summary)
	h.str(it.Content)
	h.strs(it.Authors)
	h.strs(it.Categories)
	h.str(it.Section)
	h.int(micros(it.Published))
	h.int(micros(it.Updated))
	h.str(it.Image)
	h.str(it.Lang)
	h.strs(it.Via)
	h.bool(it.Attribution.Required)
	h.str(it.Attribution.Link)
	h.str(it.Attribution.Notice)
	h.int(int64(len(it.Quotes)))
	for _, q := range it.Quotes {
		h.str(q.Text)
		h.str(q.Speaker)
		h.str(q.Role)
		h.str(q.Verb)
		h.bool(q.Direct)
		h.int(int64(q.Pos))
	}
	h.strs(it.Sections)
	// Last and only when there are any, so that the hashes of items stored
	// before enclosures were kept stay as they were.
	if len(it.Enclosures) > 0 {
		h.int(int64(len(it.Enclosures)))
		for _, e := range it.Enclosures {
			h.str(e.URL)
			h.str(e.Type)
			h.int(e.Length)
		}
	}
	return h.h.Sum(nil)
}

// hashWriter feeds length-prefixed values to a hash, so that no two
// different sequences of values produce the same input.
type hashWriter struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64]byte
}

func (w *hashWriter) int(v int64) {
	n := binary.PutVarint(w.buf[:], v)
	w.h.Write(w.buf[:n])
}

func (w *hashWriter) bool(b bool) {
	if b {
		w.int(1)
	} else {
		w.int(0)
	}
}

func (w *hashWriter) str(s string) {
	w.int(int64(len(s)))
	w.h.Write([]byte(s))
}

func (w *hashWriter) strs(ss []string) {
	w.int(int64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// micros is t in microseconds since the epoch, 0 for the zero time.
func micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}
