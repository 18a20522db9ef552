package extract

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/news"
)

// fixture reads a page under the repository's testdata/.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustExtract(t *testing.T, page []byte, opt Options) *Article {
	t.Helper()
	art, err := Extract(page, opt)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if art == nil {
		t.Fatal("Extract returned nil")
	}
	return art
}

func TestSeed(t *testing.T) {
	page := fixture(t, "seed/caliber-az-fsb-chief.html")
	art := mustExtract(t, page, Options{URL: "https://caliber.az/en/post/fsb-chief-west-aims-to-push-armenia-out-of-csto"})
	if want := "FSB сhief: West aims to push Armenia out of CSTO"; art.Title != want {
		t.Errorf("Title = %q, want %q (with the page's Cyrillic с)", art.Title, want)
	}
	if want := []string{"Tamilla Hasanova"}; !slices.Equal(art.Authors, want) {
		t.Errorf("Authors = %q, want %q", art.Authors, want)
	}
	if got, want := art.Published.Format(time.RFC3339), "2024-10-04T13:01:00+04:00"; got != want {
		t.Errorf("Published = %s, want %s (Baku time)", got, want)
	}
	if art.Section != "REGION" {
		t.Errorf("Section = %q, want REGION", art.Section)
	}
	if art.Lang != "en" {
		t.Errorf("Lang = %q, want en", art.Lang)
	}
	if want := []string{"Russian media"}; !slices.Equal(art.Via, want) {
		t.Errorf("Via = %q, want %q", art.Via, want)
	}
	wantAttr := news.Attribution{Required: true, Link: "https://caliber.az",
		Notice: "Any use of materials is allowed only if there is a hyperlink to Caliber.az"}
	if art.Attribution != wantAttr {
		t.Errorf("Attribution = %+v, want %+v", art.Attribution, wantAttr)
	}
	paras := strings.Split(art.Body, "\n\n")
	if len(paras) != 6 {
		t.Errorf("body has %d paragraphs, want 6:\n%s", len(paras), art.Body)
	}
	if !strings.HasPrefix(art.Body, "FSB (Federal Security Service of the Russian Federation) Director Alexander Bortnikov") ||
		!strings.HasSuffix(art.Body, "€10 million in military aid to Yerevan.") {
		t.Errorf("body starts or ends wrong:\n%s", art.Body)
	}
	for _, cruft := range []string{"Follow us on Telegram", "Views:", "twitter", "By Tamilla", "copy link", "Ссылка скопирована", "04 October 2024", "REGION"} {
		if strings.Contains(art.Body, cruft) {
			t.Errorf("body contains %q", cruft)
		}
	}
}

// pageCase pins what one real page declares about itself.
type pageCase struct {
	file      string
	url       string
	title     string
	authors   []string
	published string // RFC 3339; compared as an instant and as printed
	section   string
	lang      string
	via       []string
	bodyHas   []string
	bodyNot   []string
	// attribution, when set, is the reuse notice the page must give
	attribution news.Attribution
}

func TestPages(t *testing.T) {
	cases := []pageCase{
		{
			file:      "pages/tgcontest2019/kommersant.ru__8744883912587226817.html",
			title:     "Суд ликвидировал движение Льва Пономарева «За права человека»",
			published: "2019-11-01T15:06:46+03:00", // written as 12:06:46+00:00
			lang:      "ru",
			bodyHas:   []string{"Верховный суд России ликвидировал общественное движение"},
		},
		{
			file:      "pages/tgcontest2019/interfax.ru__6639103542146731202.html",
			title:     "Госдеп США собрался упразднить пост спецпредставителя по Украине",
			published: "2019-11-08T21:20:00+03:00",
			lang:      "ru",
			bodyHas:   []string{"INTERFAX.RU - Власти США могут упразднить"},
		},
		{
			file:      "pages/tgcontest2019/ria.ru__6438675573747957253.html",
			published: "2019-11-01T15:19:00+03:00",
			lang:      "ru",
			bodyHas:   []string{"МОСКВА, 1 ноя — РИА Новости."},
		},
		{
			file:      "pages/tgcontest2019/rbc.ru__770303467751190935.html",
			title:     "СМИ узнали о вывозе нефти из Венесуэлы танкерами без средств слежения",
			authors:   []string{"Михаил Юшков"},
			published: "2019-11-15T03:58:38+03:00",
			via:       []string{"Bloomberg"},
		},
		{
			file:      "pages/tgcontest2019/iz.ru__5071570187479306319.html",
			authors:   []string{"Александр Чеков"},
			published: "2019-11-15T03:00:23+03:00",
			via:       []string{"РИА Новости"},
		},
		{
			// rel=author names an outlet (МБХ медиа), not a person
			file:      "pages/tgcontest2019/meduza.io__33257456556712721.html",
			url:       "https://meduza.io/news/2019/11/01/verhovnyy-sud-likvidiroval-dvizhenie-za-prava-cheloveka",
			title:     "Верховный суд ликвидировал движение «За права человека»",
			authors:   []string{},
			published: "2019-11-01T15:01:54+03:00",
			via:       []string{"МБХ медиа", "Интерфакс"},
			bodyNot:   []string{"Надежный источник", "01 Nov 2019"},
		},
		{
			file:      "pages/tgcontest2019/lenta.ru__8803855970207373559.html",
			published: "2019-11-01T15:34:00+03:00",
			via:       []string{"Daily Mirror"},
			bodyNot:   []string{"Подписывайся", "Instagram"},
		},
		{
			file:      "pages/tgcontest2019/fontanka.ru__4579916469134071998.html",
			published: "2019-11-08T21:02:00+03:00",
			via:       []string{}, // "рассказали «Фонтанке»": the site itself
		},
		{
			file:      "pages/tgcontest2019/eadaily.com__4311596830089047049.html",
			title:     "Путин рассказал о рисках для транзита газа через Украину",
			published: "2019-11-15T03:25:00+03:00",
			via:       []string{"РИА Новости", "ТАСС", "Укринформ"},
		},
		{
			// "АСИ-Санкт-Петербург, Василий Романов": agency and person
			file:      "pages/tgcontest2019/asi.org.ru__6891882314285535681.html",
			authors:   []string{"Василий Романов"},
			published: "2019-11-15T03:00:00+03:00",
			bodyNot:   []string{"АСИ-Санкт-Петербург", "15 Nov 2019"},
		},
		{
			// "by Tim Korso": English prefix in rel=author
			file:      "pages/tgcontest2019/sputniknews.com__967333869508771011.html",
			authors:   []string{"Tim Korso"},
			published: "2019-11-08T18:38:24Z",
			lang:      "en",
		},
		{
			file:    "pages/tgcontest2019/novayagazeta.ru__7550310721710128250.html",
			via:     []string{"Коммерсантъ"}, // "сообщает «Коммерсантъ»" style credits, brought to the nominative
			authors: []string{},
		},
		{
			// the reuse notice of a regional government site
			file:      "pages/tgcontest2019_ru_all/8281020834745892892.html",
			published: "2019-11-15T03:00:00+03:00",
			lang:      "ru",
			bodyNot:   []string{"При использовании материалов"},
			attribution: news.Attribution{Required: true, Link: "https://www.khabkrai.ru",
				Notice: "При использовании материалов ссылка на сайт www.khabkrai.ru обязательна"},
		},
		{
			// an XHTML-style <iframe …/> before the text
			file:    "pages/tgcontest2019_ru_all/100584592835234520.html",
			title:   "XI саммит БРИКС в Бразилии",
			bodyHas: []string{"13-14 ноября в Бразилии пройдёт одиннадцатый саммит БРИКС"},
		},
		{
			// Ukrainian outlet: Kyiv time, Ukrainian language and name
			file:      "pages/tgcontest2019_ru_all/3162683861537941688.html",
			authors:   []string{"Наталія Федосенко"},
			published: "2019-11-15T02:00:00+02:00",
			lang:      "uk",
			via:       []string{"The Guardian"},
		},
		{
			// trimmed lenta.ru page: photo credit is not an author; the
			// footer of links is not the body; the quote is
			file:      "pages/fetch_util/lenta_article.html",
			url:       "https://lenta.ru/news/2026/07/08/ssha-nazvali-nakazaniem-ataku-na-iran/",
			title:     "В США назвали наказанием атаку на Иран",
			authors:   []string{},
			published: "2026-07-08T00:00:00+03:00",
			lang:      "ru",
			via:       []string{"CNN"},
			bodyHas:   []string{"«Это наказание. Это будет продолжатся некоторое время», — подчеркнул он."},
			bodyNot:   []string{"Фото:", "Раздел 1", "Главная"},
		},
		{
			// Azerbaijani month name, Baku time, counters and font buttons
			file:      "pages/fetch_util/oxu_az_article.html",
			url:       "https://oxu.az/dunya/1078092",
			title:     "Alyaskada yoxa çıxan təyyarədən xəbər var",
			published: "2025-02-08T09:22:00+04:00",
			section:   "Dünya",
			lang:      "az",
			bodyHas:   []string{"Dünən Alyaskada radarların ekranından itən"},
			bodyNot:   []string{"2383", "A+", "paylaşın", "Ad"},
		},
		{
			file:    "pages/fetch_util/trend_az_article.html",
			url:     "https://en.trend.az/business/energy/1.html",
			title:   "Uzbekistan presents green energy experience in Tajikistan",
			lang:    "en",
			bodyHas: []string{"Uzbekistan presented its experience in renewable energy"},
			bodyNot: []string{"# Uzbekistan", "Follow Trend on Whatsapp", "Latest Premium Azerbaijan Politics Economy", "Archive"},
		},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			art := mustExtract(t, fixture(t, c.file), Options{URL: c.url})
			if c.title != "" && art.Title != c.title {
				t.Errorf("Title = %q, want %q", art.Title, c.title)
			}
			if c.authors != nil && !slices.Equal(nonNilStrings(art.Authors), c.authors) {
				t.Errorf("Authors = %q, want %q", art.Authors, c.authors)
			}
			if c.published != "" {
				want, err := time.Parse(time.RFC3339, c.published)
				if err != nil {
					t.Fatal(err)
				}
				if !art.Published.Equal(want) {
					t.Errorf("Published = %s, want the instant %s", art.Published.Format(time.RFC3339), c.published)
				}
				if _, off := want.Zone(); off != 0 {
					if got := art.Published.Format(time.RFC3339); got != c.published {
						t.Errorf("Published = %s, want it printed as %s", got, c.published)
					}
				}
			}
			if c.section != "" && art.Section != c.section {
				t.Errorf("Section = %q, want %q", art.Section, c.section)
			}
			if c.lang != "" && art.Lang != c.lang {
				t.Errorf("Lang = %q, want %q", art.Lang, c.lang)
			}
			if c.via != nil && !slices.Equal(nonNilStrings(art.Via), c.via) {
				t.Errorf("Via = %q, want %q", art.Via, c.via)
			}
			if art.Body == "" {
				t.Fatalf("empty body; notes %q", art.Notes)
			}
			for _, s := range c.bodyHas {
				if !strings.Contains(art.Body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range c.bodyNot {
				if strings.Contains(art.Body, s) {
					t.Errorf("body contains %q", s)
				}
			}
			if c.attribution.Required && art.Attribution != c.attribution {
				t.Errorf("Attribution = %+v, want %+v", art.Attribution, c.attribution)
			}
			if !strings.Contains(art.BodyHTML, "<p>") {
				t.Errorf("BodyHTML has no paragraphs: %.200s", art.BodyHTML)
			}
		})
	}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Every fixture page gives a title, a date and a body, and nothing of
// the page's furniture reaches the body.
func TestAllFixturePages(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "pages", "tgcontest2019", "*.html"))
	if len(files) == 0 {
		t.Fatal("no fixture pages")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			page, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			art := mustExtract(t, page, Options{})
			if art.Title == "" || art.Published.IsZero() || art.Body == "" {
				t.Errorf("title %q, published %v, body %d bytes; notes %q", art.Title, art.Published, len(art.Body), art.Notes)
			}
			if !strings.HasPrefix(art.URL, "http") {
				t.Errorf("URL = %q, want og:url", art.URL)
			}
			for _, a := range art.Authors {
				if strings.EqualFold(a, "Meduza") || strings.Contains(a, "«") || strings.HasPrefix(a, "by ") {
					t.Errorf("author %q is not a person's name", a)
				}
			}
			if strings.Contains(art.URL, "utm_") {
				t.Errorf("URL keeps tracking parameters: %s", art.URL)
			}
			// The crawler hands Body down as the item's text; rerouting
			// reads the stored BodyHTML again: the two must agree.
			if text := news.PlainText(art.BodyHTML); text != art.Body {
				t.Errorf("the plain text of BodyHTML is not Body:\n%.300q\n%.300q", text, art.Body)
			}
		})
	}
}

// The canonical URL loses tracking parameters only: the one that selects
// the article stays.
func TestCanonicalKeepsArticleParameter(t *testing.T) {
	page := fixture(t, "pages/tgcontest2019/interfax-russia.ru__7651245240236613242.html")
	art := mustExtract(t, page, Options{})
	if want := "http://www.interfax-russia.ru/Moscow/view.asp?id=1078435"; art.URL != want {
		t.Errorf("URL = %q, want %q", art.URL, want)
	}
}

func TestMaxDepth(t *testing.T) {
	tests := []struct {
		name string
		page string
		max  int
		deep bool
	}{
		{"ordinary page", "<html><body><div><article><p>a<p>b<ul><li>x<li>y</ul></article></div></body></html>", 10, false},
		{"unclosed p and li do not nest", strings.Repeat("<p>x", 5000) + strings.Repeat("<li>y", 5000) + strings.Repeat("<br>", 5000), 10, false},
		{"nested divs", strings.Repeat("<div>", 100_000), 512, true},
		{"nested divs, small limit", strings.Repeat("<div>", 20) + "<p>x</p>", 10, true},
		{"closed again", strings.Repeat("<div>", 400) + strings.Repeat("</div>", 400) + strings.Repeat("<div>", 400), 512, false},
		{"inside script is text", "<script>" + strings.Repeat("<div>", 1000) + "</script>", 10, false},
		{"no limit: read flat", strings.Repeat("<div>", 100_000) + "<p>deep text</p>", 0, false},
	}
	for _, tt := range tests {
		art, err := Extract([]byte(tt.page), Options{MaxDepth: tt.max})
		if tt.deep != errors.Is(err, ErrTooDeep) || art == nil {
			t.Errorf("%s: Extract: %v", tt.name, err)
		}
		if tt.deep && !strings.Contains(err.Error(), "fetch.max_depth") {
			t.Errorf("%s: error %q does not name the key", tt.name, err)
		}
		if _, err := Links([]byte(tt.page), "a", "https://example.ru/", tt.max); tt.deep != errors.Is(err, ErrTooDeep) {
			t.Errorf("%s: Links: %v", tt.name, err)
		}
	}
}

func TestSelectors(t *testing.T) {
	page := []byte(`<html><head><title>Generic title</title>
<meta property="article:published_time" content="2020-01-02T03:04:05+00:00">
<meta name="author" content="Meta Person"></head><body>
<div class="promo"><p>Subscribe to our great newsletter, it is the best one you will ever read, promise.</p></div>
<h1>Generic title</h1>
<div class="head"><span class="rubric">Politics</span><span class="who">Ivan Petrov</span><span class="when">5 марта 2021, 10:15</span><h2 class="hl">Real headline</h2></div>
<div class="text"><p>First paragraph of the real story, long enough to be scored as content by the extractor.</p>
<p>Second paragraph of the real story, also long enough to be counted, with commas, and more.</p>
<div class="ad">Advertisement text that must go</div></div></body></html>`)
	opt := Options{
		URL:      "https://example.ru/a/1",
		Location: time.FixedZone("MSK", 3*3600),
		Selectors: news.Selectors{
			Body: ".text", Title: ".hl", Authors: ".who", Date: ".when", Section: ".rubric",
			Drop: []string{".ad", ".promo"},
		},
	}
	art := mustExtract(t, page, opt)
	if art.Title != "Real headline" {
		t.Errorf("Title = %q", art.Title)
	}
	if !slices.Equal(art.Authors, []string{"Ivan Petrov"}) {
		t.Errorf("Authors = %q", art.Authors)
	}
	if got := art.Published.Format(time.RFC3339); got != "2021-03-05T10:15:00+03:00" {
		t.Errorf("Published = %s", got)
	}
	if art.Section != "Politics" {
		t.Errorf("Section = %q", art.Section)
	}
	if strings.Contains(art.Body, "Advertisement") || strings.Contains(art.Body, "Subscribe") {
		t.Errorf("dropped elements reached the body: %q", art.Body)
	}
	if !strings.HasPrefix(art.Body, "First paragraph") || strings.Count(art.Body, "\n\n") != 1 {
		t.Errorf("Body = %q", art.Body)
	}
}

func TestSelectorsBad(t *testing.T) {
	page := []byte(`<html><body><article><p>Some text of the article that is long enough to be read as the body.</p></article></body></html>`)
	art := mustExtract(t, page, Options{Selectors: news.Selectors{Title: "[[[", Drop: []string{":::"}}})
	if !slices.ContainsFunc(art.Notes, func(n string) bool { return strings.Contains(n, "bad selector") }) ||
		!slices.ContainsFunc(art.Notes, func(n string) bool { return strings.Contains(n, "bad drop selector") }) {
		t.Errorf("notes %q do not name the bad selectors", art.Notes)
	}
	if art.Body == "" {
		t.Error("a bad selector lost the body")
	}
}

func TestBadPages(t *testing.T) {
	deep := strings.Repeat("<div>", 100000) + "<p>deep text</p>" + strings.Repeat("</div>", 100000)
	cases := []struct {
		name string
		page []byte
		note string // a substring of one of the notes
	}{
		{"empty", nil, "empty page"},
		{"spaces", []byte("  \n\t "), "empty page"},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), "not an HTML page"},
		{"gzip", []byte{0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 0, 0, 0, 0}, "not an HTML page"},
		{"truncated", []byte(`<html><head><title>Cut`), "no body found"},
		{"deeply nested", []byte(deep), "nested too deeply"},
		{"not an article", []byte(`<html><body><nav><a href="/">Home</a></nav></body></html>`), "not an article"},
		{"invalid utf-8", []byte("<html><body><p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0</p></body></html>"), ""},
		{"cp1251 read as latin-1", []byte("<html><body><article><p>" + strings.Repeat("Ïðåçèäåíò Ðîññèè ïîäïèñàë óêàç î íîâûõ ìåðàõ ïîääåðæêè, ñîîáùàåò ïðåññ-ñëóæáà. ", 4) + "</p></article></body></html>"), "mis-decoded"},
		{"utf-8 read as latin-1", []byte("<html><body><article><p>" + strings.Repeat("ÐŸÑ€ÐµÐ·Ð¸Ð´ÐµÐ½Ñ‚ Ð¿Ð¾Ð´Ð¿Ð¸ÑÐ°Ð» ÑƒÐºÐ°Ð· Ð¾ Ð½Ð¾Ð²Ñ‹Ñ… Ð¼ÐµÑ€Ð°Ñ…. ", 4) + "</p></article></body></html>"), "mis-decoded"},
		{"script only", []byte(`<script>document.write("<p>x</p>")</script>`), "no body found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan *Article, 1)
			go func() {
				art, _ := Extract(c.page, Options{})
				done <- art
			}()
			var art *Article
			select {
			case art = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Extract hangs")
			}
			if art == nil {
				t.Fatal("nil article")
			}
			if c.note != "" && !slices.ContainsFunc(art.Notes, func(n string) bool { return strings.Contains(n, c.note) }) {
				t.Errorf("notes %q lack %q", art.Notes, c.note)
			}
			if c.note == "mis-decoded" && (art.Body != "" || art.Title != "") {
				t.Errorf("mis-decoded text kept: title %q, body %.80q", art.Title, art.Body)
			}
		})
	}
}

func TestJSONLD(t *testing.T) {
	cases := []struct {
		name    string
		ld      string
		title   string
		authors []string
		date    string
		section string
	}{
		{
			name:    "author object",
			ld:      `{"@context":"https://schema.org","@type":"NewsArticle","headline":"Head","author":{"@type":"Person","name":"Anna Smith"},"datePublished":"2024-05-01T10:00:00+02:00","articleSection":"World"}`,
			title:   "Head",
			authors: []string{"Anna Smith"},
			date:    "2024-05-01T10:00:00+02:00",
			section: "World",
		},
		{
			name:    "author array with organisation",
			ld:      `{"@type":"Article","headline":"Head","author":[{"@type":"Person","name":"By Anna Smith"},{"@type":"Organization","name":"Reuters"},{"@type":"Person","name":"Bob Jones"}],"datePublished":"2024-05-01"}`,
			title:   "Head",
			authors: []string{"Anna Smith", "Bob Jones"},
			date:    "2024-05-01T00:00:00Z",
		},
		{
			name:    "graph",
			ld:      `{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"WebPage","name":"Page"},{"@type":["NewsArticle"],"headline":"Graph head","author":"Иван Петров","datePublished":"2024-05-01T10:00:00Z"}]}`,
			title:   "Graph head",
			authors: []string{"Иван Петров"},
			date:    "2024-05-01T10:00:00Z",
		},
		{
			name:    "organisation only",
			ld:      `{"@type":"NewsArticle","headline":"Head","author":{"@type":"Organization","name":"Associated Press"}}`,
			title:   "Head",
			authors: []string{},
		},
		{
			name:    "broken json with raw newline",
			ld:      "{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\",\"author\":\"Anna Smith\"}",
			title:   "Line break",
			authors: []string{"Anna Smith"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := `<html><head><script type="application/ld+json">` + c.ld + `</script></head><body><p>Text of the article, long enough to be the body of this page.</p></body></html>`
			art := mustExtract(t, []byte(page), Options{URL: "https://example.com/x"})
			if art.Title != c.title {
				t.Errorf("Title = %q, want %q", art.Title, c.title)
			}
			if !slices.Equal(nonNilStrings(art.Authors), c.authors) {
				t.Errorf("Authors = %q, want %q", art.Authors, c.authors)
			}
			if c.date != "" {
				want, _ := time.Parse(time.RFC3339, c.date)
				if !art.Published.Equal(want) && art.Published.Format("2006-01-02") != want.Format("2006-01-02") {
					t.Errorf("Published = %v, want %v", art.Published, want)
				}
			}
			if art.Section != c.section {
				t.Errorf("Section = %q, want %q", art.Section, c.section)
			}
		})
	}
}

func TestMetaLayers(t *testing.T) {
	page := `<html lang="ru"><head>
<meta property="og:title" content="Заголовок статьи о событиях">
<meta property="article:published_time" content="2019-11-01T12:06:46+00:00">
<meta property="article:section" content="Политика">
<meta name="author" content="https://example.ru/authors/1">
<meta property="og:site_name" content="Пример">
<link rel="canonical" href="/news/1?utm_source=tg">
</head><body><h1>Заголовок статьи о событиях</h1>
<div class="article__authors"><a rel="author" href="/a/1">Пётр Сидоров</a></div>
<div class="article"><p>Первый абзац статьи, в котором достаточно текста, чтобы его прочитали как тело.</p>
<p>Фото: Иван Иванов / ТАСС</p></div>
<div class="related"><a rel="author" href="/a/2">Другой Автор</a></div>
</body></html>`
	art := mustExtract(t, []byte(page), Options{URL: "https://example.ru/news/1?utm_source=tg"})
	if art.URL != "https://example.ru/news/1" {
		t.Errorf("URL = %q", art.URL)
	}
	if !slices.Equal(art.Authors, []string{"Пётр Сидоров"}) {
		t.Errorf("Authors = %q (a URL in meta author and a photo credit are not authors)", art.Authors)
	}
	if got := art.Published.Format(time.RFC3339); got != "2019-11-01T15:06:46+03:00" {
		t.Errorf("Published = %s, want the UTC instant in Moscow time", got)
	}
	if art.Section != "Политика" || art.Lang != "ru" {
		t.Errorf("Section %q, Lang %q", art.Section, art.Lang)
	}
	if strings.Contains(art.Body, "Фото") {
		t.Errorf("photo credit in body: %q", art.Body)
	}
	if !slices.Contains(art.Publisher, "Пример") || !slices.Contains(art.Publisher, "example.ru") {
		t.Errorf("Publisher = %q, want og:site_name and the host", art.Publisher)
	}
	for _, want := range []string{"title read from og:title, <h1>", "date read from a <meta> tag"} {
		if !slices.Contains(art.Notes, want) {
			t.Errorf("notes %q lack %q", art.Notes, want)
		}
	}
}

func TestBylineText(t *testing.T) {
	cases := []struct {
		html string
		want []string
	}{
		{`<p>By Tamilla Hasanova</p>`, []string{"Tamilla Hasanova"}},
		{`<p>Автор: Иван Петров</p>`, []string{"Иван Петров"}},
		{`<p>Текст: Мария Иванова, Пётр Смирнов</p>`, []string{"Мария Иванова", "Пётр Смирнов"}},
		{`<p>Фото: Иван Петров</p>`, []string{}},
		{`<p>By Associated Press</p>`, []string{}},
		{`<p>By Maria Lopez and Ana Ruiz-Guillén</p>`, []string{"Maria Lopez", "Ana Ruiz-Guillén"}},
		{`<p>By JOHN DOE, MARY ROE and ANN SMITH-JONES</p>`, []string{"JOHN DOE", "MARY ROE", "ANN SMITH-JONES"}},
		{`<span class="byline">By Peter Brown, CNN</span>`, []string{"Peter Brown"}},
		{`<p class="byline"><a rel="author" href="/writer/richard_r_j_eskow/">Richard (R.J.) Eskow</a></p>`, []string{"Richard (R.J.) Eskow"}},
		{`<p>By Jane Doe (AP) Washington</p>`, []string{"Jane Doe"}},
		{`<div class="writerMeta"><a class="byline" href="/writer/jane_doe/">More from Jane Doe</a></div>`, []string{"Jane Doe"}},
	}
	for _, c := range cases {
		t.Run(c.html, func(t *testing.T) {
			page := `<html><body><article><h1>Headline of the story</h1>` + c.html +
				`<p>The story itself, which is long enough, with commas, to be read as the body of the page.</p></article></body></html>`
			art := mustExtract(t, []byte(page), Options{})
			if !slices.Equal(nonNilStrings(art.Authors), c.want) {
				t.Errorf("Authors = %q, want %q", art.Authors, c.want)
			}
			if len(c.want) > 0 && strings.Contains(art.Body, c.want[0]) {
				t.Errorf("byline reached the body: %q", art.Body)
			}
		})
	}
}

// An XHTML-style "<iframe …/>" must not swallow the rest of the page.
func TestSelfClosedRawText(t *testing.T) {
	page := []byte(`<html><head><meta charset="utf-8"/><script src="/a.js"/></head><body><article><h1>Заголовок</h1>
<figure><iframe src="https://www.youtube.com/embed/x" width="640"/></figure>
<p>13-14 ноября в Бразилии пройдёт одиннадцатый саммит БРИКС, о котором пишут все.</p></article></body></html>`)
	art := mustExtract(t, page, Options{})
	if !strings.Contains(art.Body, "саммит БРИКС") {
		t.Errorf("Body = %q; notes %q", art.Body, art.Notes)
	}
}

// A page of bare paragraphs without a dateline: the first line, when it
// reads as a headline, is the title; the body is every paragraph.
func TestTextPageHeadline(t *testing.T) {
	page := []byte(`<html><head><meta charset="utf-8"></head><body><article><p>What's next for the harbour, after the mayor's surprise resignation?</p><p>The resignation came days after the council rejected the port plan.</p><p>“We will not stop,” he said.</p></article></body></html>`)
	art := mustExtract(t, page, Options{})
	if want := "What's next for the harbour, after the mayor's surprise resignation?"; art.Title != want {
		t.Errorf("Title = %q", art.Title)
	}
	if strings.Count(art.Body, "\n\n") != 2 || art.Lang != "en" {
		t.Errorf("Body = %q, Lang = %q", art.Body, art.Lang)
	}
}

// TestDatelineUnderHeadline: the page header prints today's date, the line
// under the headline the article's own date, time and zone (the layout of
// bignewsnetwork sites, e.g. asiapacificstar.com, in the htmldate corpus).
func TestDatelineUnderHeadline(t *testing.T) {
	page := `<html><head><title>Australian &amp;#039;megablaze&amp;#039; brought under control</title>
<meta property="og:title" content="Australian &amp;#039;megablaze&amp;#039; brought under control"></head><body>
<div class="header"><span class="date">Tue, 14 Jan 2020</span></div>
<div class="banner-section"><h2>Australian &#039;megablaze&#039; brought under control</h2>
<p>News24<br>13 Jan 2020, 22:11 GMT+10</p>
<p>SYDNEY - A megablaze that has been burning for weeks north-west of Sydney has been brought under control, firefighters said on Monday.</p>
<p>The fire burned through more than 500,000 hectares since it started in October.</p></div></body></html>`
	art, err := Extract([]byte(page), Options{URL: "http://www.asiapacificstar.com/news/263700449/australian-megablaze"})
	if err != nil {
		t.Fatal(err)
	}
	if got := art.Published.Format(time.RFC3339); got != "2020-01-13T22:11:00+10:00" {
		t.Errorf("published = %s", got)
	}
	if art.Title != "Australian 'megablaze' brought under control" {
		t.Errorf("title = %q", art.Title)
	}
}

// TestWikiRevisionDate: a MediaWiki page is dated by the revision it shows
// (JSON-LD dateModified, else the "last edited on" footer), not by the
// creation of the page's first revision, which MediaWiki emits as
// datePublished.
func TestWikiRevisionDate(t *testing.T) {
	head := `<html lang="en"><head><meta charset="UTF-8"><title>Jane Roe - Wiki</title>
<meta name="generator" content="MediaWiki 1.39.5">`
	body := `</head><body><div id="content"><h1 id="firstHeading">Jane Roe</h1>
<div id="mw-content-text"><p>Jane Roe is a South Korean actress who has appeared in a dozen television dramas since her debut.</p></div></div>
<div id="footer"><ul id="footer-info"><li id="footer-info-lastmod"> This page was last edited on 7 April 2020, at 05:33.</li></ul></div></body></html>`
	ld := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Jane Roe",
"datePublished":"2005-07-26T16:22:26-07:00","dateModified":"2020-04-07T12:33:32-07:00"}</script>`
	cases := []struct{ name, page, want string }{
		{"json-ld", head + ld + body, "2020-04-07T12:33:32-07:00"},
		{"footer", head + body, "2020-04-07T05:33:00-04:00"},
		{"not a wiki", strings.Replace(head, "MediaWiki 1.39.5", "WordPress 6.4", 1) + ld + body, "2005-07-26T16:22:26-07:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			art := mustExtract(t, []byte(c.page), Options{URL: "https://wiki.example.org/Jane_Roe"})
			if got := art.Published.Format(time.RFC3339); got != c.want {
				t.Errorf("Published = %s, want %s", got, c.want)
			}
			wiki := slices.Contains(art.Notes, "date read from the wiki revision shown")
			if wiki != (c.name != "not a wiki") {
				t.Errorf("notes %q do not say where the date was read", art.Notes)
			}
		})
	}
}

// TestAuthorLayersUnion: JSON-LD that names only the first of several
// authors gives way to a <meta> author list naming the same person and
// more (the layout of standard.co.uk); a <meta> list naming someone else
// does not override JSON-LD.
func TestAuthorLayersUnion(t *testing.T) {
	cases := []struct{ meta, want, from string }{
		{"April Roach, Daniel O&#x27;Mahony", "April Roach|Daniel O'Mahony", "<meta> author"},
		{"Daniel O&#x27;Mahony", "April Roach", "JSON-LD author"},
	}
	for _, c := range cases {
		page := `<html><head><meta name="author" content="` + c.meta + `">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Turkey added to UK quarantine list","author":{"@type":"Person","name":"April Roach"}}</script>
</head><body><article><p>Travellers arriving from Turkey will have to self-isolate for two weeks, the Transport Secretary said.</p></article></body></html>`
		art := mustExtract(t, []byte(page), Options{URL: "https://www.standard.co.uk/news/uk/quarantine-list-a4561256.html"})
		if got := strings.Join(art.Authors, "|"); got != c.want {
			t.Errorf("meta %q: Authors = %q, want %q", c.meta, got, c.want)
		}
		if !slices.Contains(art.Notes, "authors read from "+c.from) {
			t.Errorf("meta %q: notes %q do not say the authors came from %s", c.meta, art.Notes, c.from)
		}
	}
}

// TestWrapperFormBrText: an ASP.NET page wraps everything in one <form>
// and runs its article text in <br>-separated lines (the layout of
// aryanews.com); the form is the page, not a sign-up box to drop.
func TestWrapperFormBrText(t *testing.T) {
	page := `<html lang="fa"><head><meta charset="utf-8"><title>ورود 50 هزار میلیارد تومان نقدینگی به بورس</title></head><body>
<form name="aspnetForm" method="post" action="/News/1"><input type="hidden" name="__VIEWSTATE" value="x">
<div class="main-news">خبرگزاری آریا - رییس سازمان بورس و اوراق بهادار اعلام کرد: ورود نقدینگی به بورس در کل سال 98 به میزان 30 هزار میلیارد تومان بوده است.<br/>
به گزارش خبرگزاری آریا ، حسن قالیباف اصل اظهار داشت: در بازار سرمایه نباید موازی کاری صورت بگیرد و کارهای اجرایی باید به نهادهای مربوطه واگذار شود.<br/>
وی در ادامه افزود: نقدشوندگی نسبت به گذشته بهتر شده، اما باید آن را ارتقا دهیم.<br/></div>
<div class="newsletter"><input type="text" name="email"><input type="submit" value="عضویت"></div></form></body></html>`
	art := mustExtract(t, []byte(page), Options{URL: "http://www.aryanews.com/News/1"})
	if strings.Count(art.Body, "\n\n") != 2 || !strings.Contains(art.Body, "قالیباف") {
		t.Errorf("Body = %q; notes %q", art.Body, art.Notes)
	}
}

// TestSiteNameNotAuthor: the site's own name is no author, also when its
// host runs the words together (farodevigo.es, "Faro de Vigo").
func TestSiteNameNotAuthor(t *testing.T) {
	page := `<html lang="es"><head><meta name="author" content="Faro de Vigo"></head><body><article><h1>Andrés Iniesta: "Los recuerdos son mágicos"</h1>
<p>El centrocampista repasó su carrera en una entrevista concedida desde Japón, donde juega desde hace dos temporadas.</p></article></body></html>`
	art := mustExtract(t, []byte(page), Options{URL: "https://www.farodevigo.es/deportes/2020/07/01/iniesta-recuerdos-son-magicos/1.html"})
	if len(art.Authors) != 0 {
		t.Errorf("Authors = %q, want none", art.Authors)
	}
}
