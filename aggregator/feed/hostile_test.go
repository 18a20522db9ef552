package feed

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestHostileDocuments: each costs bounded time and memory and is either
// refused with a clear error or read without expanding anything.
func TestHostileDocuments(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs &lol9;</title><link>https://example.ru/a</link><description>&lol9;</description></item>
</channel></rss>`
	xxe := `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://169.254.169.254/latest/meta-data/">]>
<rss version="2.0"><channel><title>x</title>
<item><title>XXE &xxe;</title><link>https://example.ru/b</link><description>&remote;</description></item>
</channel></rss>`
	deep := `<rss version="2.0"><channel><item><title>deep</title><description>` +
		strings.Repeat("<a>", 100_000) + strings.Repeat("</a>", 100_000) + `</description></item></channel></rss>`
	deepUnclosed := `<rss version="2.0"><channel>` + strings.Repeat("<x>", 100_000)
	// Raw HTML with unclosed void elements is not "deep".
	voids := `<rss version="2.0"><channel><item><title>br</title><link>https://example.ru/c</link><description>` +
		strings.Repeat("line<br>", 2000) + `</description></item></channel></rss>`
	html := "<!DOCTYPE html><html><head><title>Feed moved</title></head><body><p>Our feed is now at /news.rss</p></body></html>"

	tests := []struct {
		name  string
		doc   string
		want  error // nil: parses
		check func(t *testing.T, f *Feed)
	}{
		{"billion laughs", laughs, nil, func(t *testing.T, f *Feed) {
			if len(f.Items) != 1 || strings.Contains(f.Items[0].Title, "lollol") || len(f.Items[0].Summary+f.Items[0].Content) > 1000 {
				t.Errorf("entities expanded: %+v", f.Items)
			}
		}},
		{"external entity", xxe, nil, func(t *testing.T, f *Feed) {
			if len(f.Items) != 1 || strings.Contains(f.Items[0].Title+f.Items[0].Summary, "root:") {
				t.Errorf("external entity read: %+v", f.Items)
			}
		}},
		{"100,000 deep", deep, ErrTooDeep, nil},
		{"100,000 deep, unclosed", deepUnclosed, ErrTooDeep, nil},
		{"unclosed <br>", voids, nil, func(t *testing.T, f *Feed) {
			if len(f.Items) != 1 {
				t.Errorf("%d items", len(f.Items))
			}
		}},
		{"HTML where a feed was promised", html, ErrNotFeed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			f, err := Parse([]byte(tt.doc), Options{BaseURL: "https://example.ru/rss"})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
			} else if err != nil {
				t.Fatal(err)
			} else {
				tt.check(t, f)
			}
			if took > 5*time.Second {
				t.Errorf("took %s", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
		})
	}
	if _, err := Parse([]byte(deep), Options{MaxDepth: 200_000}); errors.Is(err, ErrTooDeep) {
		t.Errorf("MaxDepth 200000: %v", err)
	}
}
