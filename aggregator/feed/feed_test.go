package feed

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/syndic/syndic/aggregator/fetch"
	"github.com/syndic/syndic/news"
)

const feedsDir = "../../testdata/feeds"

// fixture returns a fixture as the fetcher would hand it over: gunzipped
// and converted to UTF-8.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(feedsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	b, _ = fetch.ToUTF8(b, "")
	return b
}

func mustParse(t testing.TB, data []byte, opt Options) *Feed {
	t.Helper()
	f, err := Parse(data, opt)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return f
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file        string
		items       int
		title       string // of the feed
		lang        string
		ttl         time.Duration
		firstTitle  string
		firstLink   string
		published   string // RFC 3339 of the first item, "" when none
		content     string // in the first item's Content, "" when it has none
		firstAuthor string
		image       string
	}{
		{
			file: "lenta_rss_2022-12-03.xml", items: 200, title: "Lenta.ru : Новости", lang: "ru",
			firstTitle:  "Стало известно о задержании бизнесмена Михаила Фридмана в Лондоне",
			firstLink:   "https://lenta.ru/news/2022/12/03/freedman/",
			published:   "2022-12-03T19:43:00+03:00",
			firstAuthor: "Варвара Кошечкина",
			image:       "https://icdn.lenta.ru/images/2022/12/03/19/20221203195033803/pic_41b56afd2312ed51802e4dbd9d096487.jpg",
		},
		{
			file: "node-feedparser_oren_ru_windows-1251_yandex.xml", items: 10, title: "Новости Оренбурга и области / Раздел Новости", ttl: 30 * time.Minute,
			firstTitle: "В Бузулуке главные стройплощадки – детсад и Ледовый дворец",
			firstLink:  "http://www.oren.ru/news/2743422/",
			published:  "2014-01-22T20:31:31+06:00",
			content:    "В Бузулуке обсудили вопросы, касающиеся главных строительных объектов города",
			image:      "http://www.oren.ru/upload/iblock/be8/stroitelstvo_krany.jpg",
		},
		{
			file: "miniflux_ibash_windows-1251.xml", items: 50, title: "iBash.Org.Ru", lang: "ru",
			firstTitle: "Цитата #17703", firstLink: "http://ibash.org.ru/quote.php?id=17703",
			published: "2018-03-21T10:27:32+03:00",
		},
		{
			file: "feedparser_koi8r_nodecl.xml", items: 1,
			firstTitle: "Как пережить новогоднюю ночь",
		},
		{
			file: "miniflux_koi8r_synthetic.xml", items: 2, title: "Пример RSS ленты", lang: "ru",
			firstTitle: "Первая новость", firstLink: "http://example.com/post1",
			published: "2026-02-15T10:00:00Z",
		},
		{
			file: "gofeed_dsh2dsh_atom_koi8r.xml", items: 1,
			firstTitle: "Раз два три, ёлочка - гори!",
			image:      "https://www.androidauthority.com/wp-content/uploads/2023/02/Samsung-Galaxy-S23-Ultra-Green-Calling-On-Phone-scaled.jpg",
		},
		{
			file: "feeder_suspilne_ukrnet_fulltext.xml", items: 20, title: "suspilne.news", ttl: 5 * time.Minute,
			firstTitle: "Торгівля між Росією та Китаєм у 2023 році перевищила 200 млрд доларів — New York Times",
			firstLink:  "https://suspilne.media/645026-torgivla-miz-rosieu-ta-kitaem-u-2023-roci-perevisila-200-mlrd-dolariv-new-york-times/",
			published:  "2023-12-22T01:04:55+02:00",
			content:    "Торгівля між Росією та  Китаєм перевищила 200 мільярдів доларів",
		},
		{
			file: "milkleaks_turbo_undeclared_ns.xml.gz", items: 10, lang: "ru",
			firstTitle:  "Обход блокировки Telegram",
			firstLink:   "http://milkleaks.ru/blog/obhod-blokirovki-telegram/",
			published:   "2018-04-12T00:00:00+07:00",
			content:     `<p>С 2017 года в мессенджере Telegram существует возможность обойти блокировки`,
			firstAuthor: "Александра Травкина",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := mustParse(t, fixture(t, tt.file), Options{})
			if len(f.Items) != tt.items || f.Dropped != 0 {
				t.Fatalf("%d items, %d dropped; want %d", len(f.Items), f.Dropped, tt.items)
			}
			if f.Title != tt.title || f.Language != tt.lang || f.TTL != tt.ttl {
				t.Errorf("feed = %q %q %v; want %q %q %v", f.Title, f.Language, f.TTL, tt.title, tt.lang, tt.ttl)
			}
			it := f.Items[0]
			if it.Title != tt.firstTitle || it.Link != tt.firstLink {
				t.Errorf("first item = %q %q; want %q %q", it.Title, it.Link, tt.firstTitle, tt.firstLink)
			}
			if got := rfc3339(it.Published); got != tt.published {
				t.Errorf("Published = %s, want %s", got, tt.published)
			}
			if tt.content == "" && it.Content != "" || !strings.Contains(it.Content, tt.content) {
				t.Errorf("Content = %.120q, want it to hold %q", it.Content, tt.content)
			}
			if tt.firstAuthor != "" && (len(it.Authors) != 1 || it.Authors[0] != tt.firstAuthor) {
				t.Errorf("Authors = %q, want [%q]", it.Authors, tt.firstAuthor)
			}
			if it.Image != tt.image {
				t.Errorf("Image = %q, want %q", it.Image, tt.image)
			}
			for i, it := range f.Items {
				if it.Link != "" && !news.IsAbsoluteHTTP(it.Link) {
					t.Errorf("item %d: Link %q", i, it.Link)
				}
				if it.Lang != f.Language {
					t.Errorf("item %d: Lang %q", i, it.Lang)
				}
				if strings.ContainsAny(it.Title, "<>\n\t") || it.Title == "" {
					t.Errorf("item %d: Title %q", i, it.Title)
				}
			}
		})
	}
}

// TestParseRawOrConverted: the parser owns the XML prolog. A
// single-byte feed reads the same handed over raw, its prolog naming its
// charset, or converted to UTF-8 by the fetcher, which leaves the prolog
// as it was.
func TestParseRawOrConverted(t *testing.T) {
	for _, name := range []string{"node-feedparser_oren_ru_windows-1251_yandex.xml", "miniflux_ibash_windows-1251.xml",
		"miniflux_koi8r_synthetic.xml", "gofeed_dsh2dsh_atom_koi8r.xml"} {
		raw, err := os.ReadFile(filepath.Join(feedsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		converted := fixture(t, name)
		if utf8.Valid(raw) || !bytes.Contains(converted[:100], []byte(`encoding="`)) || bytes.Contains(converted[:100], []byte(`"UTF-8"`)) {
			t.Fatalf("%s: not a raw single-byte feed with its prolog", name)
		}
		a, b := mustParse(t, raw, Options{}), mustParse(t, converted, Options{})
		if len(a.Items) == 0 || len(a.Items) != len(b.Items) || a.Items[0].Title != b.Items[0].Title || a.Items[0].Content != b.Items[0].Content {
			t.Errorf("%s: raw and converted feeds differ: %d and %d items", name, len(a.Items), len(b.Items))
		} else if !utf8.ValidString(a.Items[0].Title) || !strings.ContainsAny(a.Items[0].Title+a.Items[0].Content, "аеиоуя") {
			t.Errorf("%s: first item not read as Cyrillic: %q", name, a.Items[0].Title)
		}
	}
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// The tiny Atom feed comes with gofeed's own expected parse: the title and
// the media:content image must agree with it.
func TestParseAgreesWithGofeedExpected(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(feedsDir, "gofeed_dsh2dsh_atom_koi8r.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Entries []struct {
			Title string
			Media struct {
				Content []struct{ URL string }
			}
		}
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	f := mustParse(t, fixture(t, "gofeed_dsh2dsh_atom_koi8r.xml"), Options{})
	if len(f.Items) != len(want.Entries) {
		t.Fatalf("%d items, want %d", len(f.Items), len(want.Entries))
	}
	for i, e := range want.Entries {
		if f.Items[i].Title != e.Title || f.Items[i].Image != e.Media.Content[0].URL {
			t.Errorf("item %d = %q %q, want %q %q", i, f.Items[i].Title, f.Items[i].Image, e.Title, e.Media.Content[0].URL)
		}
	}
	// The expected-output file is JSON but not a JSON Feed.
	if _, err := Parse(raw, Options{}); !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), "JSON Feed") {
		t.Errorf("Parse(expected.json) err = %v", err)
	}
}

func TestParseLenta(t *testing.T) {
	f := mustParse(t, fixture(t, "lenta_rss_2022-12-03.xml"), Options{BaseURL: "https://lenta.ru/rss"})
	authors := map[string]bool{}
	sections := map[string]bool{}
	guids := map[string]int{}
	for i, it := range f.Items {
		if len(it.Authors) != 1 || !strings.Contains(it.Authors[0], " ") {
			t.Errorf("item %d: Authors %q", i, it.Authors)
		}
		for _, a := range it.Authors {
			authors[a] = true
		}
		if len(it.Categories) == 0 {
			t.Errorf("item %d: no categories", i)
		}
		for _, c := range it.Categories {
			sections[c] = true
		}
		if _, off := it.Published.Zone(); off != 3*3600 || it.Published.Year() != 2022 {
			t.Errorf("item %d: Published %v", i, it.Published)
		}
		if !strings.HasPrefix(it.Link, "https://lenta.ru/") || it.GUID != it.Link {
			t.Errorf("item %d: Link %q GUID %q", i, it.Link, it.GUID)
		}
		guids[it.GUID]++
		if it.Summary == "" || it.Content != "" {
			t.Errorf("item %d: Summary %d bytes, Content %d bytes", i, len(it.Summary), len(it.Content))
		}
		if !strings.HasPrefix(it.Image, "https://icdn.lenta.ru/") {
			t.Errorf("item %d: Image %q", i, it.Image)
		}
	}
	// Lenta itself lists two stories twice; removing duplicates is the
	// store's job, not the parser's.
	if len(guids) != 198 || guids["https://lenta.ru/news/2022/12/03/dollar/"] != 2 {
		t.Errorf("%d distinct guids", len(guids))
	}
	if len(authors) != 21 {
		t.Errorf("%d distinct authors, want 21", len(authors))
	}
	for _, s := range []string{"Россия", "Мир", "Бывший СССР"} {
		if !sections[s] {
			t.Errorf("no category %q among %v", s, sections)
		}
	}
}

// TestParseEnclosures checks that the media files each upstream attaches
// are kept with their types and lengths: RSS <enclosure> images (Lenta,
// Oren, Suspilne without a length), audio (WDR's podcast), and a Media RSS
// media:content image in Atom with a medium but no type.
func TestParseEnclosures(t *testing.T) {
	tests := []struct {
		file  string
		items int    // items with enclosures
		first string // of the first item with any, as fmt prints them
	}{
		{"lenta_rss_2022-12-03.xml", 200, "[{https://icdn.lenta.ru/images/2022/12/03/19/20221203195033803/pic_41b56afd2312ed51802e4dbd9d096487.jpg image/jpeg 16180}]"},
		{"node-feedparser_oren_ru_windows-1251_yandex.xml", 10, "[{http://www.oren.ru/upload/iblock/be8/stroitelstvo_krany.jpg image/jpeg 9683}]"},
		{"feeder_suspilne_ukrnet_fulltext.xml", 5, "[{https://cdn4.suspilne.media/images/e367c2c5b131946e.jpg image/jpeg 0}]"},
		{"podfetch_wdr_1live_audio.xml", 2, "[{http://medien.wdr.de/m/1378303880/radio/planbreportage/1live_planb_reportage_made_by_wdr_20130904.mp3 audio/mpeg 17567124}]"},
		{"gofeed_dsh2dsh_atom_koi8r.xml", 1, "[{https://www.androidauthority.com/wp-content/uploads/2023/02/Samsung-Galaxy-S23-Ultra-Green-Calling-On-Phone-scaled.jpg image/jpeg 0}]"},
		{"miniflux_ibash_windows-1251.xml", 0, "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := mustParse(t, fixture(t, tt.file), Options{})
			with, first := 0, "[]"
			for _, it := range f.Items {
				if len(it.Enclosures) > 0 {
					if with++; with == 1 {
						first = fmt.Sprint(it.Enclosures)
					}
				}
				for _, e := range it.Enclosures {
					if !news.IsAbsoluteHTTP(e.URL) || e.Type == "" {
						t.Errorf("enclosure %+v", e)
					}
				}
			}
			if with != tt.items {
				t.Errorf("%d items with enclosures, want %d", with, tt.items)
			}
			if first != tt.first {
				t.Errorf("first enclosures %s, want %s", first, tt.first)
			}
		})
	}
}

func TestParseFullText(t *testing.T) {
	rss := func(ns, item string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ` + ns + `><channel><title>T</title><link>https://example.ru/</link>` +
			`<item><title>I</title><link>https://example.ru/a</link><description>Кратко.</description>` + item + `</item></channel></rss>`)
	}
	tests := []struct {
		name string
		doc  []byte
		want string
	}{
		{"yandex:full-text plain text becomes paragraphs",
			rss(`xmlns:yandex="http://news.yandex.ru"`, "<yandex:full-text>Первый абзац &amp; «цитата».\nВторой абзац.</yandex:full-text>"),
			"<p>Первый абзац &amp; «цитата».</p>\n<p>Второй абзац.</p>"},
		{"yandex:full-text undeclared",
			rss(``, "<yandex:full-text>Полный текст.</yandex:full-text>"),
			"<p>Полный текст.</p>"},
		{"turbo:content HTML",
			rss(`xmlns:turbo="http://turbo.yandex.ru"`, "<turbo:content><![CDATA[<header><h1>I</h1></header><p>Полный текст.</p>]]></turbo:content>"),
			"<header><h1>I</h1></header><p>Полный текст.</p>"},
		{"content:encoded",
			rss(`xmlns:content="http://purl.org/rss/1.0/modules/content/"`, "<content:encoded><![CDATA[<p>Полный <b>текст</b>.</p>]]></content:encoded>"),
			"<p>Полный <b>текст</b>.</p>"},
		{"un-namespaced full-text",
			rss(``, "<full-text><![CDATA[<p>Полный текст.</p>]]></full-text>"),
			"<p>Полный текст.</p>"},
		{"rbc_news:full-text",
			rss(`xmlns:rbc_news="https://www.rbc.ru"`, "<rbc_news:full-text>&lt;p&gt;Полный текст.&lt;/p&gt;</rbc_news:full-text>"),
			"<p>Полный текст.</p>"},
		{"longest full text wins",
			rss(`xmlns:yandex="http://news.yandex.ru" xmlns:content="http://purl.org/rss/1.0/modules/content/"`,
				"<content:encoded><![CDATA[<p>Начало... <a href='/a'>Читать далее</a></p>]]></content:encoded><yandex:full-text>Полный текст статьи целиком, длиннее анонса.</yandex:full-text>"),
			"<p>Полный текст статьи целиком, длиннее анонса.</p>"},
		{"summary only", rss(``, ""), ""},
		{"atom content", []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>I</title><id>urn:x</id><link href="https://example.ru/a"/>` +
			`<summary>Кратко.</summary><content type="html">&lt;p&gt;Полный текст.&lt;/p&gt;</content></entry></feed>`), "<p>Полный текст.</p>"},
		{"atom summary only", []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>I</title><id>urn:x</id><link href="https://example.ru/a"/>` +
			`<summary>Кратко.</summary></entry></feed>`), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, tt.doc, Options{})
			if len(f.Items) != 1 {
				t.Fatalf("%d items", len(f.Items))
			}
			if got := f.Items[0].Content; got != tt.want {
				t.Errorf("Content = %q, want %q", got, tt.want)
			}
			if got := f.Items[0].Summary; got != "Кратко." {
				t.Errorf("Summary = %q", got)
			}
		})
	}
}

func TestParseItemFields(t *testing.T) {
	item := func(body string) []byte {
		return []byte(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><link>https://example.ru/news/</link><language>ru</language>` +
			`<item>` + body + `</item></channel></rss>`)
	}
	msk := time.FixedZone("MSK", 3*3600)
	tests := []struct {
		name  string
		doc   []byte
		opt   Options
		check func(t *testing.T, it news.Item)
	}{
		{"title markup and entities", item(`<title>  &lt;b&gt;Путин&lt;/b&gt;: &amp;laquo;всё&amp;raquo;
			&amp;mdash; хорошо&amp;nbsp;!</title>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Title != "Путин: «всё» — хорошо !" {
				t.Errorf("Title = %q", it.Title)
			}
		}},
		{"title CDATA", item(`<title><![CDATA[ <em>Новость</em> &quot;дня&quot; ]]></title>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Title != `Новость "дня"` {
				t.Errorf("Title = %q", it.Title)
			}
		}},
		{"relative link against BaseURL", item(`<title>x</title><link>/news/2024/01/15/a/</link>`), Options{BaseURL: "https://ria.ru/export/rss2/index.xml"}, func(t *testing.T, it news.Item) {
			if it.Link != "https://ria.ru/news/2024/01/15/a/" {
				t.Errorf("Link = %q", it.Link)
			}
		}},
		{"relative link against the feed link", item(`<title>x</title><link>a.html</link>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Link != "https://example.ru/news/a.html" {
				t.Errorf("Link = %q", it.Link)
			}
		}},
		{"link with spaces", item("<title>x</title><link>\n   https://example.ru/b  \n</link>"), Options{}, func(t *testing.T, it news.Item) {
			if it.Link != "https://example.ru/b" {
				t.Errorf("Link = %q", it.Link)
			}
		}},
		{"permalink guid", item(`<title>x</title><guid>https://tass.ru/politika/123</guid>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Link != "https://tass.ru/politika/123" || it.GUID != "https://tass.ru/politika/123" {
				t.Errorf("Link, GUID = %q, %q", it.Link, it.GUID)
			}
		}},
		{"guid not a permalink", item(`<title>x</title><guid isPermaLink="false">https://tass.ru/politika/123</guid>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Link != "" || it.GUID != "https://tass.ru/politika/123" {
				t.Errorf("Link, GUID = %q, %q", it.Link, it.GUID)
			}
		}},
		{"no guid", item(`<title>x</title><link>https://example.ru/c</link>`), Options{}, func(t *testing.T, it news.Item) {
			if it.GUID != "" {
				t.Errorf("GUID = %q", it.GUID)
			}
		}},
		{"javascript link", item(`<title>x</title><link>javascript:alert(1)</link>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Link != "" {
				t.Errorf("Link = %q", it.Link)
			}
		}},
		{"authors", item(`<title>x</title><author>ivanov@example.ru (Иван Иванов)</author><dc:creator>Пётр Петров &lt;petrov@example.ru&gt;</dc:creator><dc:creator>Анна Смирнова</dc:creator><dc:creator>Иван Иванов</dc:creator>`), Options{}, func(t *testing.T, it news.Item) {
			if strings.Join(it.Authors, "|") != "Иван Иванов|Пётр Петров|Анна Смирнова" {
				t.Errorf("Authors = %q", it.Authors)
			}
		}},
		{"bare e-mail author", item(`<title>x</title><author>editor@example.ru</author>`), Options{}, func(t *testing.T, it news.Item) {
			if len(it.Authors) != 0 {
				t.Errorf("Authors = %q", it.Authors)
			}
		}},
		{"categories", item(`<title>x</title><category> Политика </category><category>Политика</category><category>В мире</category><dc:subject>Экономика</dc:subject>`), Options{}, func(t *testing.T, it news.Item) {
			if strings.Join(it.Categories, "|") != "Политика|В мире|Экономика" {
				t.Errorf("Categories = %q", it.Categories)
			}
		}},
		{"MSK date", item(`<title>x</title><pubDate>Mon, 15 Jan 2024 12:30:00 MSK</pubDate>`), Options{}, func(t *testing.T, it news.Item) {
			if want := time.Date(2024, 1, 15, 12, 30, 0, 0, msk); !it.Published.Equal(want) || offset(it.Published) != 3*3600 {
				t.Errorf("Published = %v", it.Published)
			}
		}},
		{"date without zone in Location", item(`<title>x</title><pubDate>15.01.2024 12:30</pubDate>`), Options{Location: msk}, func(t *testing.T, it news.Item) {
			if want := time.Date(2024, 1, 15, 12, 30, 0, 0, msk); !it.Published.Equal(want) {
				t.Errorf("Published = %v", it.Published)
			}
		}},
		{"dc:date and atom:updated", item(`<title>x</title><dc:date>2024-01-15T12:30:00+03:00</dc:date>`), Options{}, func(t *testing.T, it news.Item) {
			if rfc3339(it.Published) != "2024-01-15T12:30:00+03:00" {
				t.Errorf("Published = %v", it.Published)
			}
		}},
		{"unreadable date", item(`<title>x</title><pubDate>вчера</pubDate>`), Options{}, func(t *testing.T, it news.Item) {
			if !it.Published.IsZero() {
				t.Errorf("Published = %v", it.Published)
			}
		}},
		{"media:content image", item(`<title>x</title><media:content url="https://img.example.ru/1.jpg" type="image/jpeg"/><enclosure url="https://img.example.ru/2.jpg" type="image/jpeg"/>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Image != "https://img.example.ru/1.jpg" {
				t.Errorf("Image = %q", it.Image)
			}
		}},
		{"media:thumbnail in a group", item(`<title>x</title><media:group><media:content url="https://v.example.ru/1.mp4" type="video/mp4"/><media:thumbnail url="https://img.example.ru/t.jpg"/></media:group>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Image != "https://img.example.ru/t.jpg" {
				t.Errorf("Image = %q", it.Image)
			}
		}},
		{"relative enclosure image", item(`<title>x</title><link>https://example.ru/news/a/</link><enclosure url="/img/a.png" length="1" type="image/png"/>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Image != "https://example.ru/img/a.png" {
				t.Errorf("Image = %q", it.Image)
			}
		}},
		{"audio enclosure is no image", item(`<title>x</title><enclosure url="https://example.ru/a.mp3" type="audio/mpeg"/>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Image != "" {
				t.Errorf("Image = %q", it.Image)
			}
		}},
		{"language", item(`<title>x</title>`), Options{}, func(t *testing.T, it news.Item) {
			if it.Lang != "ru" {
				t.Errorf("Lang = %q", it.Lang)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, tt.doc, tt.opt)
			if len(f.Items) != 1 {
				t.Fatalf("%d items", len(f.Items))
			}
			tt.check(t, f.Items[0])
		})
	}
}

func offset(t time.Time) int {
	_, off := t.Zone()
	return off
}

func TestParseAtom(t *testing.T) {
	doc := []byte(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title type="html">Интерфакс &amp;mdash; Новости</title>
  <link rel="alternate" href="https://www.interfax.ru/"/>
  <entry>
    <title>Заголовок</title>
    <id>tag:interfax.ru,2024:938000</id>
    <link rel="alternate" href="/russia/938000"/>
    <published>2024-01-15T12:30:00+03:00</published>
    <updated>2024-01-15T13:00:00+03:00</updated>
    <author><name>Мария Иванова</name><email>m@example.ru</email></author>
    <author><email>only@example.ru</email></author>
    <category term="Россия"/>
    <summary>Анонс</summary>
  </entry>
</feed>`)
	f := mustParse(t, doc, Options{})
	if f.Title != "Интерфакс — Новости" || f.Link != "https://www.interfax.ru/" {
		t.Errorf("feed %q %q", f.Title, f.Link)
	}
	it := f.Items[0]
	if it.GUID != "tag:interfax.ru,2024:938000" || it.Link != "https://www.interfax.ru/russia/938000" {
		t.Errorf("GUID, Link = %q, %q", it.GUID, it.Link)
	}
	if rfc3339(it.Published) != "2024-01-15T12:30:00+03:00" || rfc3339(it.Updated) != "2024-01-15T13:00:00+03:00" {
		t.Errorf("dates %v %v", it.Published, it.Updated)
	}
	if strings.Join(it.Authors, "|") != "Мария Иванова" || strings.Join(it.Categories, "|") != "Россия" || it.Summary != "Анонс" || it.Content != "" {
		t.Errorf("item %+v", it)
	}
}

// Feeds whose namespaces are wrong must still parse.
func TestParseNamespaces(t *testing.T) {
	tests := []struct {
		name  string
		doc   string
		title string
	}{
		{"default namespace on rss", `<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><item><title>A</title></item></channel></rss>`, "A"},
		{"non-standard default namespace", `<rss xmlns="https://cyber.harvard.edu/rss/rss.html"><channel><item><title>A</title><full-text>F</full-text></item></channel></rss>`, "A"},
		{"bogus default namespace on atom", `<feed xmlns="http://example.com/bogus"><title>T</title><entry><title>A</title><id>x</id></entry></feed>`, "A"},
		{"namespace declared on the item", `<rss version="2.0"><channel><item xmlns="http://example.com/ns"><title>A</title></item></channel></rss>`, "A"},
		{"undeclared prefixes", `<rss version="2.0"><channel><yandex:logo>x</yandex:logo><item turbo="true"><title>A</title><turbo:content>c</turbo:content><yandex:full-text>f</yandex:full-text></item></channel></rss>`, "A"},
		{"empty prefix declaration", `<rss xmlns:yandex=""><channel><item><title>A</title><yandex:full-text>f</yandex:full-text></item></channel></rss>`, "A"},
		{"RSS 1.0", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>T</title></channel><item><title>A</title><link>http://x.ru/</link></item></rdf:RDF>`, "A"},
		{"upper-case elements", `<RSS><CHANNEL><ITEM><TITLE>A</TITLE></ITEM></CHANNEL></RSS>`, "A"},
		{"noise before the prolog", "Warning: session_start() in /var/www/rss.php on line 3\n<?xml version=\"1.0\"?><rss><channel><item><title>A</title></item></channel></rss>", "A"},
		{"PHP notice in markup before the feed", "<br />\n<b>Notice</b>: Undefined index in <b>/var/www/rss.php</b><br />\n<rss><channel><item><title>A</title></item></channel></rss>", "A"},
		{"HTML entities without a DTD", `<rss><channel><item><title>A&nbsp;&laquo;B&raquo;</title></item></channel></rss>`, "A «B»"},
		{"control characters", "<rss><channel><item><title>A\x01\x0b</title></item></channel></rss>", "A"},
		{"windows-1251 bytes declared in the prolog", "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><item><title>\xcd\xee\xe2\xee\xf1\xf2\xfc</title></item></channel></rss>", "Новость"},
		{"UTF-8 with a stale prolog", `<?xml version="1.0" encoding="windows-1251"?><rss><channel><item><title>Новость</title></item></channel></rss>`, "Новость"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustParse(t, []byte(tt.doc), Options{})
			if len(f.Items) != 1 || f.Items[0].Title != tt.title {
				t.Fatalf("items = %+v", f.Items)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	lenta := fixture(t, "lenta_rss_2022-12-03.xml")
	tests := []struct {
		name string
		doc  []byte
		is   error
		msg  string
	}{
		{"empty", nil, ErrNotFeed, "not a feed: empty document"},
		{"white space and BOM", []byte("\xef\xbb\xbf \n\t "), ErrNotFeed, "not a feed: empty document"},
		{"HTML page", []byte("<!DOCTYPE html>\n<html lang=\"ru\"><head><title>Лента</title></head><body><rss>no</rss></body></html>"), ErrNotFeed, "not a feed: looks like an HTML page"},
		{"HTML without doctype", []byte("<html><body>Not found</body></html>"), ErrNotFeed, "not a feed: looks like an HTML page"},
		{"XHTML", []byte(`<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"></html>`), ErrNotFeed, "not a feed: looks like an HTML page"},
		{"other XML", []byte(`<?xml version="1.0"?><urlset><url><loc>https://x.ru/</loc></url></urlset>`), ErrNotFeed, "not a feed: root element <urlset>"},
		{"plain text", []byte("Service temporarily unavailable"), ErrNotFeed, "not a feed: starts with"},
		{"prolog only", []byte(`<?xml version="1.0"?>`), ErrNotFeed, "not a feed: no XML element"},
		{"truncated RSS", lenta[:len(lenta)/2], ErrMalformed, "parse RSS: malformed feed: truncated XML"},
		{"truncated in a tag", []byte(`<rss><channel><item><title>A</title></item><it`), ErrMalformed, "truncated XML"},
		{"truncated Atom", []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A`), ErrMalformed, "parse Atom: malformed feed: truncated XML"},
		{"not XML at all inside", []byte("<rss><channel><item><title a=\"<\">A</title></item></channel></rss>"), ErrMalformed, "parse RSS: malformed feed: XML syntax error"},
		{"JSON that is not a JSON Feed", []byte(`{"status":"ok","articles":[{"title":"A"}]}`), ErrNotFeed, "not a feed: JSON without a JSON Feed version"},
		{"JSON array", []byte(`[{"title":"A"}]`), ErrNotFeed, "not a feed: JSON that is not an object"},
		{"truncated JSON Feed", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1"`), ErrMalformed, "parse JSON feed: malformed feed: truncated JSON"},
		{"broken JSON", []byte(`{"version":"https://jsonfeed.org/version/1.1",]`), ErrMalformed, "parse JSON feed: malformed feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.doc, Options{})
			if err == nil {
				t.Fatalf("no error; %d items", len(f.Items))
			}
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v; want %v containing %q", err, tt.is, tt.msg)
			}
		})
	}
}

func TestParseJSONFeed(t *testing.T) {
	doc := []byte(`{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "РИА Новости",
  "home_page_url": "https://ria.ru/",
  "language": "ru",
  "items": [
    {"id": "1", "url": "/20240115/a.html", "title": "Заголовок &amp; ещё", "summary": "Анонс",
     "content_text": "Первый абзац.\nВторой.", "date_published": "2024-01-15T12:30:00+03:00",
     "authors": [{"name": "Иван Иванов"}], "tags": ["Политика"], "image": "/img/1.jpg",
     "attachments": [{"url": "/audio/1.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 1200}, {"url": "javascript:x", "mime_type": "audio/mpeg"}]},
    {"id": 2, "url": "https://ria.ru/b.html", "title": "Второй", "content_html": "<p>Текст</p>", "author": {"name": "x@y.ru (Пётр Петров)"}},
    {"id": "3", "title": 42, "url": "https://ria.ru/c.html"}
  ]
}`)
	f := mustParse(t, doc, Options{MaxItems: 2})
	if f.Title != "РИА Новости" || f.Link != "https://ria.ru/" || f.Language != "ru" || len(f.Items) != 2 || f.Dropped != 1 {
		t.Fatalf("feed = %+v", f)
	}
	a, b := f.Items[0], f.Items[1]
	if a.GUID != "1" || a.Link != "https://ria.ru/20240115/a.html" || a.Title != "Заголовок & ещё" || a.Summary != "Анонс" ||
		a.Content != "<p>Первый абзац.</p>\n<p>Второй.</p>" || rfc3339(a.Published) != "2024-01-15T12:30:00+03:00" ||
		strings.Join(a.Authors, "|") != "Иван Иванов" || strings.Join(a.Categories, "|") != "Политика" ||
		a.Image != "https://ria.ru/img/1.jpg" || a.Lang != "ru" ||
		fmt.Sprint(a.Enclosures) != "[{https://ria.ru/audio/1.mp3 audio/mpeg 1200}]" {
		t.Errorf("item 0 = %+v", a)
	}
	if b.GUID != "2" || b.Content != "<p>Текст</p>" || strings.Join(b.Authors, "|") != "Пётр Петров" {
		t.Errorf("item 1 = %+v", b)
	}
}

func TestParseMaxItems(t *testing.T) {
	lenta := fixture(t, "lenta_rss_2022-12-03.xml")
	all := mustParse(t, lenta, Options{})
	tests := []struct {
		max, items, dropped int
	}{
		{0, 200, 0}, {1, 1, 199}, {50, 50, 150}, {199, 199, 1}, {200, 200, 0}, {5000, 200, 0},
	}
	for _, tt := range tests {
		f := mustParse(t, lenta, Options{MaxItems: tt.max})
		if len(f.Items) != tt.items || f.Dropped != tt.dropped {
			t.Errorf("MaxItems %d: %d items, %d dropped; want %d, %d", tt.max, len(f.Items), f.Dropped, tt.items, tt.dropped)
			continue
		}
		for i := range f.Items {
			if f.Items[i].GUID != all.Items[i].GUID || f.Items[i].Summary != all.Items[i].Summary {
				t.Errorf("MaxItems %d: item %d differs", tt.max, i)
			}
		}
		if f.Title != all.Title {
			t.Errorf("MaxItems %d: title %q", tt.max, f.Title)
		}
	}
	// <item> inside CDATA and comments is not an item; ">" in a value ends no tag.
	doc := []byte(`<rss><channel><!-- <item> --><item><title>A</title><description><![CDATA[<item>x</item>]]></description></item>` +
		`<item><title a="x>y">B</title></item><item><title>C</title></item></channel></rss>`)
	f := mustParse(t, doc, Options{MaxItems: 2})
	if len(f.Items) != 2 || f.Dropped != 1 || f.Items[1].Title != "B" {
		t.Errorf("%d items, %d dropped: %+v", len(f.Items), f.Dropped, f.Items)
	}
}

// A document of a million empty items must cost about its own size, not
// the gigabytes gofeed would allocate for it.
func TestParseMillionItems(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 8 MB document")
	}
	const n = 1_000_000
	for _, tc := range []struct{ name, head, item, tail string }{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>`, "<item/>\n", `</channel></rss>`},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>`, "<entry></entry>\n", `</feed>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := make([]byte, 0, len(tc.head)+n*len(tc.item)+len(tc.tail))
			doc = append(doc, tc.head...)
			doc = append(doc, bytes.Repeat([]byte(tc.item), n)...)
			doc = append(doc, tc.tail...)

			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f, err := Parse(doc, Options{})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != DefaultMaxItems || f.Dropped != n-DefaultMaxItems {
				t.Errorf("%d items, %d dropped", len(f.Items), f.Dropped)
			}
			// Measured: about 1.5 MB. The bound is far from it and far
			// below what parsing all items costs (gigabytes).
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MB for a %d MB document", alloc>>20, len(doc)>>20)
			} else {
				t.Logf("allocated %.1f MB for a %.1f MB document", float64(alloc)/(1<<20), float64(len(doc))/(1<<20))
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"lenta_rss_2022-12-03.xml", "node-feedparser_oren_ru_windows-1251_yandex.xml", "feeder_suspilne_ukrnet_fulltext.xml",
		"milkleaks_turbo_undeclared_ns.xml.gz", "gofeed_dsh2dsh_atom_koi8r.xml", "feedparser_koi8r_nodecl.xml"} {
		b := fixture(f, name)
		if len(b) > 6000 {
			// A head and a tail: enough to show the fuzzer the shape.
			b = append(b[:5000:5000], b[len(b)-1000:]...)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1,"url":"/a","date_published":"2024-01-15 12:30 MSK"}]}`))
	f.Add([]byte(`<feed xmlns="x"><entry><title>A</title><link href="../b"/><published>15 января 2024, 12:30</published></entry></feed>`))
	f.Add([]byte(`<!DOCTYPE rss [<!ENTITY a "<item>">]><rss><channel><item/><item><![CDATA[</item>]]></item></channel></rss>`))
	f.Add([]byte(`<rss><channel><item><description>` + strings.Repeat("<a>", 40) + `</description></item></channel></rss>`))
	f.Add([]byte(`<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&b;&x;</title></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, Options{MaxItems: 5, MaxDepth: 32, BaseURL: "https://example.ru/rss"})
		if err != nil {
			if feed != nil {
				t.Error("feed with an error")
			}
			return
		}
		if len(feed.Items) > 5 {
			t.Errorf("%d items over MaxItems", len(feed.Items))
		}
		for _, it := range feed.Items {
			if it.Link != "" && !news.IsAbsoluteHTTP(it.Link) {
				t.Errorf("Link %q", it.Link)
			}
			if it.Image != "" && !news.IsAbsoluteHTTP(it.Image) {
				t.Errorf("Image %q", it.Image)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := fixture(b, "lenta_rss_2022-12-03.xml")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		f, err := Parse(data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		items += len(f.Items)
	}
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}
