package quote

import (
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Texts written to make quote finding slow (issue 14). The first took 24 s
// of CPU at 96 KB in a crawl: the name-run scan restarted at every token.

// repeatedNames is "Иван Петров Сергей Лавров " repeated to n bytes.
func repeatedNames(n int) string {
	return repeated("Иван Петров Сергей Лавров ", n)
}

// repeated is unit repeated to about n bytes.
func repeated(unit string, n int) string { return strings.Repeat(unit, max(1, n/len(unit))) }

// nestedMarks is n bytes of quotation marks opened ever deeper, then closed,
// with a few words in the middle.
func nestedMarks(open, close string, n int) string {
	k := n / (len(open) + len(close))
	return strings.Repeat(open, k) + " Мы готовы, — сказал он. " + strings.Repeat(close, k)
}

// hostile are the texts of the tests below. read: Find reads them to the end
// within the work budget (their cost is linear by construction); the others
// need more steps than any prose, and Find stops reading them when the
// budget is spent.
var hostile = []struct {
	name string
	text func(n int) string
	read bool
}{
	{"repeated names", repeatedNames, true},
	{"repeated English names", func(n int) string { return repeated("John Smith Mary Jones ", n) }, true},
	{"nested « marks", func(n int) string { return nestedMarks("«", "»", n) }, true},
	{"nested «„ marks", func(n int) string { return nestedMarks("«„", "“»", n) }, false},
	{"nested straight quotes", func(n int) string { return nestedMarks(`"`, `"`, n) }, true},
	{"unbalanced opening marks", func(n int) string { return repeated("«„“ \"a ‘", n) }, true},
	{"closing marks only", func(n int) string { return repeated("a» ” ’ ›", n) }, true},
	{"straight quotes", func(n int) string { return repeated(`"a `, n) }, true},
	{"capitalised words", func(n int) string { return repeated("Smith ", n) }, true},
	{"a sentence without punctuation", func(n int) string { return repeated("слово ", n) }, true},
	{"parentheses before names", func(n int) string { return repeated(") Иван Петров ", n) }, true},
	{"quotations in one sentence", func(n int) string { return repeated("«Да», — заявил Иван Петров, ", n) }, false},
	{"quoted words in one sentence", func(n int) string { return repeated("«a» ", n) }, false},
	{"descriptions in one sentence", func(n int) string {
		return repeated("«Да», — заявил глава ведомства МИД России, ", n)
	}, false},
	{"speech verbs", func(n int) string { return repeated("заявил ", n) }, false},
	{"English speech verbs", func(n int) string { return repeated("said ", n) }, false},
	{"pronouns", func(n int) string { return repeated("он сказал, что она сказала, что ", n) }, true},
	{"descriptions", func(n int) string { return repeated("«Да», — сказал глава ведомства. ", n) }, true},
	{"many bodies", func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "«Да», — заявил МИД%c%c. ", 'А'+rune(i%32), 'А'+rune(i/32%32))
		}
		return b.String()
	}, false},
}

// TestFindHostileWork: on every hostile text Find's steps and allocations
// grow linearly with its length, and the texts marked read are read to the
// end. Work is counted, not timed.
func TestFindHostileWork(t *testing.T) {
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			for _, n := range []int{8 << 10, 32 << 10} {
				text := h.text(n)
				d := find(text, "")
				if h.read && d.work > d.budget {
					t.Errorf("%d bytes: work %d over the budget %d: not read to the end", len(text), d.work, d.budget)
				}
				if d.work > d.budget+len(text) {
					t.Errorf("%d bytes: work %d, budget %d", len(text), d.work, d.budget)
				}
				allocs := testing.AllocsPerRun(1, func() { Find(text, "") })
				if perByte := allocs / float64(len(text)); perByte > maxAllocsPerByte {
					t.Errorf("%d bytes: %.0f allocations, %.1f a byte", len(text), allocs, perByte)
				}
			}
		})
	}
}

// maxAllocsPerByte bounds the allocations of Find per byte of any text
// (under -race the repeated names need 3.0, the descriptions in one
// sentence 2.7; prose 0.2).
const maxAllocsPerByte = 4

// TestFindReadsUpToMaxText: a quotation past maxText bytes is not read;
// one before is.
func TestFindReadsUpToMaxText(t *testing.T) {
	q := "«Мы готовы к диалогу», — заявил Иван Петров.\n\n"
	text := q + repeated("Слово за словом. ", maxText) + "\n\n" + q
	got := Find(text, "ru")
	if len(got) != 1 || got[0].Pos != len("«") || got[0].Speaker != "Иван Петров" {
		t.Errorf("got %+v, want the first quotation only", got)
	}
}

// FuzzFindLinear: any text, repeated to 64 KiB (1 MiB when fuzzing), costs
// Find a number of steps and allocations linear in its length; when
// fuzzing, also a time linear in it, against a rate measured on the
// fixture articles in the same process.
func FuzzFindLinear(f *testing.F) {
	for _, h := range hostile {
		f.Add(h.text(64), "")
	}
	f.Add("«Нет, — сказал он. — „Да“»", "ru")
	f.Add("“Yes,” he said, “''no''", "en")
	size := 64 << 10
	if fuzzing() {
		size = 1 << 20
	}
	f.Fuzz(func(t *testing.T, unit, lang string) {
		if unit == "" {
			return
		}
		text := repeated(unit, size)
		find(unit, lang) // the lexicons load once, on first use: not this text's cost
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		d := find(text, lang)
		took := time.Since(start)
		runtime.ReadMemStats(&m1)
		read := min(len(text), maxText)
		if d.work > d.budget+read {
			t.Errorf("work %d over the budget %d", d.work, d.budget)
		}
		if allocs := m1.Mallocs - m0.Mallocs; float64(allocs) > maxAllocsPerByte*float64(read)+1000 {
			t.Errorf("%d allocations for %d bytes", allocs, read)
		}
		if fuzzing() {
			// Hostile text may cost more a byte than prose, not more than
			// 40 times more.
			if limit := time.Second + 40*time.Duration(float64(read)*proseRate(t)); took > limit {
				t.Errorf("%d bytes took %s, over %s", read, took, limit)
			}
		}
	})
}

// fuzzing reports whether the test binary runs with -test.fuzz.
func fuzzing() bool {
	fl := flag.Lookup("test.fuzz")
	return fl != nil && fl.Value.String() != ""
}

// proseRate returns the time Find takes a byte of the fixture articles, in
// nanoseconds, measured once.
func proseRate(tb testing.TB) float64 {
	prose.once.Do(func() {
		arts := allFixtureArticles(tb)
		size := 0
		start := time.Now()
		for _, a := range arts {
			Find(a, "")
			size += len(a)
		}
		prose.rate = float64(time.Since(start)) / float64(size)
	})
	return prose.rate
}

var prose struct {
	once sync.Once
	rate float64
}

// BenchmarkFindHostile runs Find on the repeated names of issue 14 at 12,
// 48 and 192 KB; the time a byte stays flat:
//
//	go test -run '^$' -bench FindHostile -benchmem ./aggregator/quote
func BenchmarkFindHostile(b *testing.B) {
	for _, kb := range []int{12, 48, 192} {
		text := repeatedNames(kb << 10)
		b.Run(fmt.Sprintf("names-%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Find(text, "")
			}
		})
	}
}
