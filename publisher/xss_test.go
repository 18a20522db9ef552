package publisher

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/syndic/syndic/news"
)

// xssCorpus is hostile upstream HTML: each entry must come out of the one
// policy without anything that runs.
var xssCorpus = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=https://evil.example/x.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<img srcset="javascript:alert(1) 1x, https://ok.example/a.jpg 2x">`,
	`<img srcset="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4= 1x">`,
	`<img src="https://ok.example/a.jpg" srcset=",,,javascript:alert(1),, https://ok.example/b.jpg 640w">`,
	`<a href="JaVaScRiPt:alert(1)">x</a>`,
	`<a href="  javascript:alert(1)">x</a>`,
	`<a href="jav&#x09;ascript:alert(1)">x</a>`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<a href="https://ok.example/" target="_blank" onclick="alert(1)" style="x:expression(alert(1))">ok</a>`,
	`<svg><script>alert(1)</script></svg>`,
	`<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<iframe src="javascript:alert(1)">`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
	`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<video poster="javascript:alert(1)" src="https://ok.example/v.mp4"></video>`,
	`<video poster="https://ok.example/p.jpg"><source src="javascript:alert(1)"></video>`,
	`<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">`,
	`<form action="javascript:alert(1)"><button>x</button></form>`,
	`<base href="javascript:alert(1)//"><a href="/x">x</a>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<style>@import 'https://evil.example/x.css';</style><p style="background:url(javascript:alert(1))">p</p>`,
	`<div onmouseover="alert(1)">hover</div>`,
	`<xmp><script>alert(1)</script></xmp>`,
	`<template><script>alert(1)</script></template>`,
	`<p>ok</p><!--<script>alert(1)</script>-->`,
	`<<script>script>alert(1)<</script>/script>`,
	`<img src="https://ok.example/a.jpg" alt="&quot; onerror=&quot;alert(1)">`,
	`<table><td background="javascript:alert(1)">x</td></table>`,
	`<a href="//evil.example/x">protocol-relative</a>`,
}

var (
	badScheme  = regexp.MustCompile(`(?i)(java|vb)script:|data:`)
	badElement = regexp.MustCompile(`(?i)<(script|style|iframe|svg|math|object|embed|form|base|meta|link|noscript|template|xmp|source)\b`)
)

// checkSafeHTML fails when out, parsed as HTML, holds an element or an
// attribute outside the policy, or a URL that is not http(s).
func checkSafeHTML(t *testing.T, in, out string) {
	t.Helper()
	if badElement.MatchString(out) {
		t.Errorf("%q\n  gave %q", in, out)
		return
	}
	nodes, _ := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "div"})
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs, ok := allowed[n.DataAtom]
			if !ok {
				t.Errorf("%q\n  gave element <%s>: %q", in, n.Data, out)
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "rel" && n.Data == "a", a.Key == "controls":
				case !contains(attrs, a.Key):
					t.Errorf("%q\n  gave attribute %s on <%s>: %q", in, a.Key, n.Data, out)
				case urlAttrs[a.Key] && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://"):
					t.Errorf("%q\n  gave URL %s=%q", in, a.Key, a.Val)
				case a.Key == "srcset":
					for _, c := range splitSrcset(a.Val) {
						if !strings.HasPrefix(c.url, "https://") && !strings.HasPrefix(c.url, "http://") {
							t.Errorf("%q\n  gave srcset URL %q", in, c.url)
						}
					}
				}
			}
			if n.Data == "a" && attrValue(n, "href") != "" && attrValue(n, "rel") != "noopener noreferrer" {
				t.Errorf("%q\n  gave a link without rel: %q", in, out)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

func attrValue(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestXSSCorpus(t *testing.T) {
	base, _ := url.Parse("https://ok.example/news/1")
	for _, in := range xssCorpus {
		out := sanitizeHTML(in, base)
		checkSafeHTML(t, in, out)
		if badScheme.MatchString(out) {
			t.Errorf("%q\n  gave %q", in, out)
		}
		// The output is stable: sanitising it again changes nothing, so
		// a reader's parser sees what the policy saw.
		if again := sanitizeHTML(out, base); again != out {
			t.Errorf("not idempotent:\n  %q\n  %q", out, again)
		}
	}
	// What is safe stays.
	for in, want := range map[string]string{
		`<img src="https://ok.example/a.jpg" srcset=",,,javascript:alert(1),, https://ok.example/b.jpg 640w">`: `srcset="https://ok.example/b.jpg 640w"`,
		`<video poster="https://ok.example/p.jpg"><source src="javascript:alert(1)"></video>`:                  `<video poster="https://ok.example/p.jpg" controls></video>`,
		`<a href="//evil.example/x">protocol-relative</a>`:                                                     `<a href="https://evil.example/x" rel="noopener noreferrer">`,
		`<a href="https://ok.example/" target="_blank" onclick="alert(1)">ok</a>`:                              `<a href="https://ok.example/" rel="noopener noreferrer">ok</a>`,
	} {
		if out := sanitizeHTML(in, base); !strings.Contains(out, want) {
			t.Errorf("%q\n  gave %q\n  want %q in it", in, out, want)
		}
	}
}

// markup returns the first tag, comment or doctype in s read as HTML, "" when none.
func markup(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.TextToken:
		default:
			return string(z.Raw())
		}
	}
}

// noTags fails when s, read as HTML, holds any tag or comment.
func noTags(t *testing.T, what, in, s string) {
	t.Helper()
	if m := markup(s); m != "" {
		t.Errorf("%s %q gave %q, which holds markup (%s)", what, in, s, m)
	}
}

func TestPlainTextRemovesMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"<b>Bold</b> news", "Bold news"},
		{"<script>alert(1)</script>Title", "Title"},
		{`<img src=x onerror=alert(1)>Title`, "Title"},
		// Removing a tag may put another together: it is removed in
		// the next pass, and after the last pass '<' is written '‹'.
		{"<<b>script>alert(1)<</b>/script>", ""},
		{"<<<<<<<<<<b>b>b>b>b>b>b>b>b>b>x", "‹‹b>b>x"},
		{"Котировки <Газпрома> и a < b > c", "Котировки <Газпрома> и a < b > c"},
		// Entities are decoded; markup that appears then is removed.
		{"<3 love &amp; &lt;escaped&gt; &lt;3", "<3 love & <3"},
		{"<!-- c -->Title<!---->", "Title"},
		{"Иван <a href='javascript:x'>Петров</a>", "Иван Петров"},
		{"<svg onload=alert(1)>", ""},
		{"Title\x01 with\u00a0nbsp", "Title with nbsp"},
	}
	for _, tt := range tests {
		got := plainText(tt.in)
		if got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		noTags(t, "plainText", tt.in, got)
	}
	for _, in := range xssCorpus {
		noTags(t, "plainText", in, plainText(in))
	}
}

// TestRenderHostileItems: titles, bylines, categories and content from the
// XSS corpus go through every format; the feeds stay well-formed, titles and
// bylines hold no markup, content passes the policy.
func TestRenderHostileItems(t *testing.T) {
	st := newTestStore()
	var items []news.Item
	for i, payload := range xssCorpus {
		items = append(items, news.Item{
			SourceID:   "lenta",
			GUID:       fmt.Sprintf("x%d", i),
			Link:       fmt.Sprintf("https://lenta.ru/news/x%d/", i),
			Title:      "T" + payload + "\x01]]>",
			Authors:    []string{payload, "<b>Иван</b> Петров"},
			Categories: []string{payload},
			Content:    payload + "<p>body</p>]]>",
			Summary:    payload,
			Published:  testNow.Add(-time.Duration(i) * time.Minute),
		})
	}
	st.items["world"] = items
	p := newTestPublisher(st, nil)
	for _, f := range allFormats {
		w := get(t, p, "GET", "/feeds/world."+f.ext, nil)
		if w.Code != 200 {
			t.Fatalf("%s: %d", f.ext, w.Code)
		}
		body := w.Body.Bytes()
		if f.ext == "json" {
			if !json.Valid(body) {
				t.Fatal("invalid JSON")
			}
		} else {
			strictXML(t, body)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", f.ext, err)
		}
		if len(feed.Items) != len(xssCorpus) {
			t.Errorf("%s: %d items", f.ext, len(feed.Items))
		}
		for i, it := range feed.Items {
			noTags(t, f.ext+" title", xssCorpus[i], it.Title)
			for _, a := range it.Authors {
				noTags(t, f.ext+" author", xssCorpus[i], a.Name)
			}
			for _, c := range it.Categories {
				noTags(t, f.ext+" category", xssCorpus[i], c)
			}
			for _, h := range []string{it.Content, it.Description} {
				checkSafeHTML(t, xssCorpus[i], h)
			}
		}
	}
}

// FuzzRenderFeed renders a section from fuzzed item fields in every format:
// no panic, RSS and Atom well-formed XML for a strict decoder, JSON valid,
// and no markup in the titles.
func FuzzRenderFeed(f *testing.F) {
	f.Add("Title", "Author", "<p>body</p>", "https://lenta.ru/a", "cat", "lenta")
	f.Add("<b>x</b>\x01]]>", "<script>a</script>", "<svg><script>x</script></svg>]]>\uFFFE", "https://lenta.ru/<>", "\x00", "caliber")
	f.Add("&amp;&lt;&#1;", "\xff\xfe", `<img srcset="javascript:x 1x">`, "http://x/?a=1&b=2", "", "tass")
	f.Add("", "", "", "javascript:alert(1)", "", "unknown")
	f.Fuzz(func(t *testing.T, title, author, content, link, category, source string) {
		st := &fakeStore{items: map[string][]news.Item{}, version: map[string]int64{"world": 1}, modified: map[string]time.Time{"world": testMod}}
		st.items["world"] = []news.Item{
			{SourceID: source, GUID: title, Link: link, Title: title, Authors: []string{author},
				Categories: []string{category}, Content: content, Summary: content, Via: []string{author},
				Published: testNow},
			{SourceID: "lenta", GUID: "fixed", Link: "https://lenta.ru/fixed", Title: title, Content: content, Published: testMod},
		}
		p := newTestPublisher(st, nil)
		for _, fm := range allFormats {
			w := get(t, p, "GET", "/feeds/world."+fm.ext, nil)
			if w.Code != 200 {
				t.Fatalf("%s: status %d: %s", fm.ext, w.Code, w.Body)
			}
			body := w.Body.Bytes()
			if fm.ext == "json" {
				var v map[string]any
				if err := json.Unmarshal(body, &v); err != nil {
					t.Fatalf("json: %v", err)
				}
				continue
			}
			d := xml.NewDecoder(bytes.NewReader(body))
			d.Strict = true
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s is not well-formed: %v\n%s", fm.ext, err, body)
				}
				if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "title" {
					var s string
					if err := d.DecodeElement(&s, &se); err != nil {
						t.Fatalf("%s title: %v", fm.ext, err)
					}
					if m := markup(s); m != "" {
						t.Fatalf("%s title %q holds markup %q", fm.ext, s, m)
					}
				}
			}
		}
	})
}
