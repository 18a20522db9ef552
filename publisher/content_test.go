package publisher

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gorilla/feeds"
	"github.com/syndic/syndic/news"
)

func TestStripIllegal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"Новость\x01 дня", "Новость дня"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"\x00\x08\x0b\x0c\x1f", ""},
		{"bad utf8 \xff\xfe here", "bad utf8  here"},
		{"nonchar \uFFFE\uFFFF end", "nonchar  end"},
		{"ok \uFFFD \U0001F600", "ok \uFFFD \U0001F600"},
	}
	for _, tt := range tests {
		if got := stripIllegal(tt.in); got != tt.want {
			t.Errorf("stripIllegal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSanitizeHTML(t *testing.T) {
	base, _ := url.Parse("https://lenta.ru/news/2025/03/01/x/")
	tests := []struct{ name, in, want string }{
		{"paragraphs kept", "<p>Один</p><p>Два</p>", "<p>Один</p><p>Два</p>"},
		{"unclosed tags balanced", "<p>open <b>bold <a href='/y/'>link", `<p>open <b>bold <a href="https://lenta.ru/y/" rel="noopener noreferrer">link</a></b></p>`},
		{"script and style dropped", "<p>a</p><script>x()</script><style>p{}</style>", "<p>a</p>"},
		{"handlers and js urls dropped", `<a href="javascript:x()" onclick="x()">t</a>`, "<a>t</a>"},
		{"unknown tags unwrapped", `<section><font color="red">red</font></section>`, "red"},
		{"img and srcset resolved", `<img src="p.jpg" srcset="big.jpg 1x" width="640" height="x">`,
			`<img src="https://lenta.ru/news/2025/03/01/x/p.jpg" srcset="https://lenta.ru/news/2025/03/01/x/big.jpg 1x" width="640">`},
		{"text escaped, CDATA end harmless", "a ]]> b &amp; <", "a ]]&gt; b &amp; &lt;"},
		{"numeric control reference", "a&#1;b", "ab"},
		{"comments dropped", "<!-- c -->x", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitizeHTML(tt.in, base); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExcerptHTML(t *testing.T) {
	long := strings.Repeat("слово ", 150) // 900 characters, one paragraph
	tests := []struct {
		name, in string
		check    func(string) bool
	}{
		{"first paragraphs up to the limit", longParagraphs, func(s string) bool {
			return strings.Count(s, "<p>") == 2 && !strings.Contains(s, "Suez")
		}},
		{"one short paragraph", "<p>Short.</p>", func(s string) bool { return s == "<p>Short.</p>" }},
		{"text without paragraphs", "Plain text<br>second line", func(s string) bool { return s == "<p>Plain text second line</p>" }},
		{"long first paragraph cut at a word", "<p>" + long + "</p>", func(s string) bool {
			text := strings.TrimSuffix(strings.TrimPrefix(s, "<p>"), "</p>")
			return strings.HasSuffix(text, "слово…") && utf8.RuneCountInString(text) <= excerptRunes+1
		}},
		{"markup stripped and escaped", `<p><a href="x">A &amp; B</a> <script>x</script></p>`, func(s string) bool { return s == "<p>A &amp; B</p>" }},
		{"empty", "  ", func(s string) bool { return s == "" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := excerptHTML(tt.in); !tt.check(got) {
				t.Errorf("excerptHTML = %q", got)
			}
		})
	}
}

func TestEntryAttributionAndRepublish(t *testing.T) {
	p := New(nil, Options{BaseURL: testBase, Sources: testSources})
	pub := time.Date(2025, 3, 1, 12, 0, 0, 0, msk)
	tests := []struct {
		name        string
		item        news.Item
		summary     string // exact
		hasContent  bool
		contentPart string
	}{
		{
			name:       "full: content plus excerpt",
			item:       news.Item{SourceID: "lenta", GUID: "g", Link: "https://lenta.ru/a", Content: "<p>Тело</p>", Summary: "<p>Анонс</p>", Published: pub},
			summary:    `<p>Тело</p><p>Source: <a href="https://lenta.ru/a">Lenta.ru</a></p>`,
			hasContent: true, contentPart: `<p>Тело</p><p>Source: <a href="https://lenta.ru/a">Lenta.ru</a></p>`,
		},
		{
			name:    "full: summary when no content",
			item:    news.Item{SourceID: "lenta", GUID: "g", Link: "https://lenta.ru/a", Summary: "<p>Анонс</p>", Published: pub},
			summary: `<p>Анонс</p><p>Source: <a href="https://lenta.ru/a">Lenta.ru</a></p>`, hasContent: true,
		},
		{
			name:    "title only: attribution alone",
			item:    news.Item{SourceID: "tass", GUID: "g", Link: "https://tass.com/a", Content: "<p>Body</p>", Published: pub},
			summary: `<p>Source: <a href="https://tass.com/a">TASS</a></p>`,
		},
		{
			name:    "via chain",
			item:    news.Item{SourceID: "tass", GUID: "g", Link: "https://tass.com/a", Via: []string{"RIA Novosti", "Interfax <AZ>"}, Published: pub},
			summary: `<p>Source: <a href="https://tass.com/a">TASS</a>, via RIA Novosti, Interfax &lt;AZ&gt;</p>`,
		},
		{
			name: "notice with the site named in it",
			item: news.Item{SourceID: "caliber", GUID: "g", Link: "https://caliber.az/a", Published: pub},
			summary: `<p>Source: <a href="https://caliber.az/a">Caliber.Az</a></p>` +
				`<p>Any use of materials is allowed only if there is a hyperlink to <a href="https://caliber.az">Caliber.az</a></p>`,
		},
		{
			name: "article notice without the site named",
			item: news.Item{SourceID: "caliber", GUID: "g", Link: "https://caliber.az/a", Published: pub,
				Attribution: news.Attribution{Required: true, Link: "https://caliber.az/", Notice: "Hyperlink required & welcome"}},
			summary: `<p>Source: <a href="https://caliber.az/a">Caliber.Az</a></p>` +
				`<p>Hyperlink required &amp; welcome <a href="https://caliber.az/">caliber.az</a></p>`,
		},
		{
			name: "required link elsewhere without notice",
			item: news.Item{SourceID: "tass", GUID: "g", Link: "https://tass.com/a", Published: pub,
				Attribution: news.Attribution{Required: true, Link: "https://tass.ru/"}},
			summary: `<p>Source: <a href="https://tass.com/a">TASS</a></p>` +
				`<p>Reuse requires a hyperlink to <a href="https://tass.ru/">tass.ru</a></p>`,
		},
		{
			name:    "unknown source: credited by id, title only",
			item:    news.Item{SourceID: "gone", GUID: "g", Link: "https://gone.example/a?x=1&y=2", Content: "<p>Body</p>", Published: pub},
			summary: `<p>Source: <a href="https://gone.example/a?x=1&amp;y=2">gone</a></p>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := p.entry(&tt.item)
			if e.summary != tt.summary {
				t.Errorf("summary\n got %q\nwant %q", e.summary, tt.summary)
			}
			if (e.content != "") != tt.hasContent {
				t.Errorf("content = %q, want present %v", e.content, tt.hasContent)
			}
			if tt.contentPart != "" && e.content != tt.contentPart {
				t.Errorf("content\n got %q\nwant %q", e.content, tt.contentPart)
			}
		})
	}
}

func TestEntryIDsAndDates(t *testing.T) {
	p := New(nil, Options{Sources: testSources})
	fetched := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	e := p.entry(&news.Item{SourceID: "caliber", GUID: "caliber-1", Link: "https://caliber.az/a", FetchedAt: fetched})
	if !regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(e.id) {
		t.Errorf("id %q is not a version 5 urn:uuid", e.id)
	}
	if !e.date.Equal(fetched) || e.published {
		t.Errorf("date = %v published %v, want FetchedAt and not published", e.date, e.published)
	}
	again := p.entry(&news.Item{SourceID: "caliber", GUID: "caliber-1", Link: "https://caliber.az/changed", Title: "changed"})
	if again.id != e.id {
		t.Error("id changed with the link or title")
	}
	if other := p.entry(&news.Item{SourceID: "lenta", GUID: "caliber-1", Link: "https://caliber.az/a"}); other.id == e.id {
		t.Error("same GUID from another source gives the same id")
	}
	// Read from the store, the item is named by the key it was first
	// stored under: its GUID then (the id Atom always gave it), whatever
	// GUID the upstream gives it later.
	stored := p.entry(&news.Item{SourceID: "caliber", GUID: "https://caliber.az/?p=1", Key: "g:caliber-1", Link: "https://caliber.az/a"})
	if stored.id != e.id {
		t.Errorf("stored item's id %s, want %s (its first GUID)", stored.id, e.id)
	}
	// An item the store keyed by its link (its feed gave no GUID of its own).
	byLink := p.entry(&news.Item{SourceID: "caliber", GUID: "shared", Key: "l:caliber.az/a", Link: "https://caliber.az/a"})
	if byLink.id != uuidURN("caliber\nl:caliber.az/a") {
		t.Errorf("link-keyed id %s", byLink.id)
	}
	// Pinned: changing the namespace or the name would change every published id.
	if got, want := uuidURN("caliber\ncaliber-215311"), "urn:uuid:5f7152f3-0276-5968-b219-ab241078ed24"; got != want {
		t.Errorf("uuidURN = %s, want %s", got, want)
	}
}

// TestCDATAEnd checks that encoding/xml, which gorilla/feeds' content:encoded
// relies on, splits a "]]>" inside CDATA instead of ending it early.
func TestCDATAEnd(t *testing.T) {
	doc := &feeds.RssFeed{Title: "t", Link: "https://x/", Description: "d", Items: []*feeds.RssItem{{
		Title: "t", Link: "https://x/a", Description: "d",
		Content: &feeds.RssContent{Content: "before ]]> after"},
	}}}
	b, err := marshalXML(doc.FeedXml())
	if err != nil {
		t.Fatal(err)
	}
	strictXML(t, b)
	if !strings.Contains(string(b), "before ]]]]><![CDATA[> after") {
		t.Errorf("CDATA not split:\n%s", b)
	}
}

func FuzzSanitizeHTML(f *testing.F) {
	for _, s := range []string{longParagraphs, "<p>a\x01]]></p>", `<img src="x" onerror=y>`, "<a href=javascript:x>t", "&#1;&#xFFFE;"} {
		f.Add(s)
	}
	base, _ := url.Parse("https://example.org/a/")
	f.Fuzz(func(t *testing.T, in string) {
		for _, out := range []string{sanitizeHTML(in, base), excerptHTML(in)} {
			if stripIllegal(out) != out {
				t.Fatalf("XML-illegal character in %q", out)
			}
			if strings.Contains(out, "]]>") {
				t.Fatalf("CDATA end in %q", out)
			}
			low := strings.ToLower(out)
			if strings.Contains(low, "<script") || strings.Contains(low, `="javascript:`) {
				t.Fatalf("script in %q", out)
			}
		}
		out := sanitizeHTML(in, base)
		checkSafeHTML(t, in, out)
		if again := sanitizeHTML(out, base); again != out {
			t.Fatalf("not stable under a second pass:\n%q\n%q", out, again)
		}
		if title := plainText(in); markup(title) != "" {
			t.Fatalf("plainText(%q) = %q holds markup", in, title)
		}
	})
}
