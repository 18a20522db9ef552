package publisher

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime"
	"net/http"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The W3C feed validator's rules, checked on every format of every feed
// (sections and sources, newest and older pages) of a publisher behind a
// proxy (public_url with a path) with a hub.

// Elements allowed under each parent, by "namespace local" name. Anything
// else is an undefined element.
var (
	rssNS      = map[string]string{"content": nsContent, "dc": nsDC, "dcterms": nsDCTerms, "media": nsMedia, "atom": nsAtom}
	rssAllowed = map[string][]string{
		" rss": {" channel"},
		" channel": {" title", " link", " description", " language", " copyright", " managingEditor", " webMaster",
			" pubDate", " lastBuildDate", " category", " generator", " docs", " cloud", " ttl", " image", " rating",
			" textInput", " skipHours", " skipDays", " item", nsAtom + " link"},
		" item": {" title", " link", " description", " author", " category", " comments", " enclosure", " guid",
			" pubDate", " source", nsContent + " encoded", nsDC + " creator", nsDC + " language", nsDCTerms + " modified",
			nsMedia + " content", nsMedia + " thumbnail"},
	}
	atomAllowed = map[string][]string{
		"feed": {"author", "category", "contributor", "generator", "icon", "id", "link", "logo", "rights", "subtitle",
			"title", "updated", "entry"},
		"entry": {"author", "category", "content", "contributor", "id", "link", "published", "rights", "source",
			"summary", "title", "updated"},
		"source": {"author", "category", "contributor", "generator", "icon", "id", "link", "logo", "rights",
			"subtitle", "title", "updated"},
		"author": {"name", "uri", "email"},
	}
	jsonFeedKeys = []string{"version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url",
		"icon", "favicon", "authors", "author", "language", "expired", "hubs", "items"}
	jsonItemKeys = []string{"id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
		"banner_image", "date_published", "date_modified", "authors", "author", "tags", "language", "attachments"}
	knownRels = []string{"self", "alternate", "hub", "next", "prev-archive", "current", "first"}
)

const proxyBase = "https://example.org/news"

func TestFeedValidity(t *testing.T) {
	st := newTestStore()
	p := New(st, Options{BaseURL: proxyBase + "/", Sections: testSections, Sources: testSources,
		FeedLength: 2, Hub: "https://hub.example.org/", Recheck: -1})
	var paths []string
	for _, s := range testSections {
		paths = append(paths, "/feeds/"+s.ID)
	}
	for _, s := range testSources {
		paths = append(paths, "/feeds/source/"+s.ID)
	}
	for _, base := range paths {
		for _, f := range allFormats {
			// Follow the pages: every one must be valid.
			next := base + "." + f.ext
			for n := 0; next != ""; n++ {
				if n > 10 {
					t.Fatalf("%s: more than 10 pages", base)
				}
				path := next
				w := get(t, p, "GET", path, nil)
				if w.Code != 200 {
					t.Fatalf("GET %s: %d", path, w.Code)
				}
				t.Run(strings.TrimPrefix(path, "/feeds/"), func(t *testing.T) {
					next = checkValid(t, f.ext, proxyBase+path, w.Header(), w.Body.Bytes())
				})
				if next != "" {
					if !strings.HasPrefix(next, proxyBase+"/") {
						t.Fatalf("next link %q outside public_url", next)
					}
					next = strings.TrimPrefix(next, proxyBase)
				}
			}
		}
	}
}

// checkValid checks one served feed document and returns its next page's URL.
func checkValid(t *testing.T, ext, self string, h http.Header, body []byte) (next string) {
	t.Helper()
	ct, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || params["charset"] != "utf-8" {
		t.Errorf("Content-Type %q: not served as UTF-8", h.Get("Content-Type"))
	}
	if !utf8.Valid(body) {
		t.Error("body is not UTF-8")
	}
	var ids []string
	var contents []string
	switch ext {
	case "rss", "atom":
		if !bytes.HasPrefix(body, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
			t.Errorf("no UTF-8 XML declaration: %.60s", body)
		}
		if want := map[string]string{"rss": "application/rss+xml", "atom": "application/atom+xml"}[ext]; ct != want {
			t.Errorf("Content-Type %s, want %s", ct, want)
		}
		links, rest := walkXML(t, ext, body)
		ids, contents = rest.ids, rest.contents
		if links["self"] != self {
			t.Errorf("rel=self %q, want the served URL %q", links["self"], self)
		}
		if links["hub"] == "" && !strings.Contains(self, "?") && strings.Contains(self, "/feeds/") && !strings.Contains(self, "/source/") {
			t.Error("newest page of a section without rel=hub")
		}
		if links["next"] != links["prev-archive"] {
			t.Errorf("rel=next %q and rel=prev-archive %q differ", links["next"], links["prev-archive"])
		}
		next = links["next"]
	case "json":
		if ct != "application/feed+json" {
			t.Errorf("Content-Type %s, want application/feed+json", ct)
		}
		var feed map[string]json.RawMessage
		if err := json.Unmarshal(body, &feed); err != nil {
			t.Fatal(err)
		}
		onlyKeys(t, "feed", feed, jsonFeedKeys)
		var top struct {
			Version, FeedURL, NextURL string
			Items                     []map[string]json.RawMessage
		}
		json.Unmarshal(feed["version"], &top.Version)
		json.Unmarshal(feed["feed_url"], &top.FeedURL)
		json.Unmarshal(feed["next_url"], &top.NextURL)
		json.Unmarshal(feed["items"], &top.Items)
		if top.Version != "https://jsonfeed.org/version/1.1" {
			t.Errorf("version %q", top.Version)
		}
		if top.FeedURL != self {
			t.Errorf("feed_url %q, want the served URL %q", top.FeedURL, self)
		}
		if _, ok := feed["items"]; !ok {
			t.Error("no items array")
		}
		for _, it := range top.Items {
			onlyKeys(t, "item", it, jsonItemKeys)
			var id, content, date string
			if err := json.Unmarshal(it["id"], &id); err != nil || id == "" {
				t.Errorf("item id %s is not a non-empty string", it["id"])
			}
			json.Unmarshal(it["content_html"], &content)
			var atts []struct {
				URL      string `json:"url"`
				MIMEType string `json:"mime_type"`
			}
			json.Unmarshal(it["attachments"], &atts)
			for _, a := range atts {
				if !strings.HasPrefix(a.URL, "http") || a.MIMEType == "" {
					t.Errorf("attachment %+v: url and mime_type are required", a)
				}
			}
			json.Unmarshal(it["date_published"], &date)
			if _, err := time.Parse(time.RFC3339, date); err != nil {
				t.Errorf("date_published %q: %v", date, err)
			}
			ids, contents = append(ids, id), append(contents, content)
		}
		next = top.NextURL
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("id %s twice", id)
		}
		seen[id] = true
	}
	for _, c := range contents {
		checkAbsoluteURLs(t, c)
	}
	return next
}

type xmlFacts struct{ ids, contents []string }

// walkXML checks every element of an RSS or Atom document against the
// allowed lists, its dates and e-mail-only <author>s, and returns its
// feed-level links by rel, its item ids and its HTML contents.
func walkXML(t *testing.T, ext string, body []byte) (map[string]string, xmlFacts) {
	t.Helper()
	links := map[string]string{}
	var facts xmlFacts
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	var stack []xml.Name
	var text strings.Builder
	rfc822 := regexp.MustCompile(`^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$`)
	enclosures := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			text.Reset()
			if len(stack) > 0 {
				checkChild(t, ext, stack[len(stack)-1], tok.Name, len(stack))
			}
			stack = append(stack, tok.Name)
			attr := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name && a.Name.Space == "" {
						return a.Value
					}
				}
				return ""
			}
			feedLevel := (ext == "rss" && len(stack) == 3) || (ext == "atom" && len(stack) == 2)
			checkMedia(t, ext, tok, attr)
			if tok.Name.Local == "item" && ext == "rss" {
				enclosures = 0
			}
			if tok.Name.Local == "enclosure" && tok.Name.Space == "" {
				if enclosures++; enclosures > 1 {
					t.Error("an RSS item with more than one <enclosure>")
				}
			}
			if tok.Name.Local == "link" && tok.Name.Space == nsAtom && feedLevel {
				rel := attr("rel")
				if rel == "" {
					rel = "alternate"
				}
				if !contains(knownRels, rel) {
					t.Errorf("unknown link rel %q", rel)
				}
				if links[rel] != "" && rel != "alternate" {
					t.Errorf("two rel=%s links", rel)
				}
				links[rel] = attr("href")
			}
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			v := text.String()
			switch {
			case ext == "rss" && (tok.Name.Local == "pubDate" || tok.Name.Local == "lastBuildDate"):
				if !rfc822.MatchString(v) {
					t.Errorf("%s %q is not RFC 822 with a numeric offset", tok.Name.Local, v)
				} else if _, err := time.Parse(time.RFC1123Z, v); err != nil {
					t.Errorf("%s %q: %v", tok.Name.Local, v, err)
				}
			case ext == "rss" && tok.Name.Local == "author" && tok.Name.Space == "":
				if _, err := mail.ParseAddress(v); err != nil {
					t.Errorf("RSS <author> %q is not an e-mail address (bylines go to dc:creator)", v)
				}
			case ext == "rss" && tok.Name.Space == nsDCTerms && tok.Name.Local == "modified":
				if _, err := time.Parse(time.RFC3339, v); err != nil {
					t.Errorf("dcterms:modified %q is not W3C-DTF: %v", v, err)
				}
			case ext == "rss" && (tok.Name.Local == "ttl" || tok.Name.Local == "width" || tok.Name.Local == "height"):
				if n, err := strconv.Atoi(v); err != nil || n <= 0 || tok.Name.Local == "width" && n > 144 || tok.Name.Local == "height" && n > 400 {
					t.Errorf("<%s>%s</%s>", tok.Name.Local, v, tok.Name.Local)
				}
			case ext == "atom" && (tok.Name.Local == "updated" || tok.Name.Local == "published"):
				if _, err := time.Parse(time.RFC3339, v); err != nil {
					t.Errorf("%s %q is not RFC 3339: %v", tok.Name.Local, v, err)
				}
			case ext == "rss" && tok.Name.Local == "guid", ext == "atom" && tok.Name.Local == "id" && len(stack) == 2:
				facts.ids = append(facts.ids, v)
			case tok.Name.Local == "description" && len(stack) == 3, tok.Name.Local == "encoded",
				tok.Name.Local == "content", tok.Name.Local == "summary":
				facts.contents = append(facts.contents, v)
			}
			text.Reset()
		}
	}
	return links, facts
}

// checkMedia checks an element's media and language attributes: RSS
// <enclosure> (url, length and type required), media:content, Atom links
// rel="enclosure", and xml:lang, a well-formed language tag.
func checkMedia(t *testing.T, ext string, tok xml.StartElement, attr func(string) string) {
	t.Helper()
	for _, a := range tok.Attr {
		if a.Name.Local == "lang" && a.Name.Space == "http://www.w3.org/XML/1998/namespace" && langTag(a.Value) != a.Value {
			t.Errorf("xml:lang %q is not a well-formed tag", a.Value)
		}
	}
	absolute := func(what, u string) {
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			t.Errorf("%s URL %q is not absolute http(s)", what, u)
		}
	}
	mimeType := func(what, typ string) {
		if mt, _, err := mime.ParseMediaType(typ); err != nil || mt != typ || !strings.Contains(typ, "/") {
			t.Errorf("%s type %q is not a MIME type", what, typ)
		}
	}
	switch {
	case ext == "rss" && tok.Name.Space == "" && tok.Name.Local == "enclosure":
		absolute("enclosure", attr("url"))
		mimeType("enclosure", attr("type"))
		if n, err := strconv.ParseInt(attr("length"), 10, 64); err != nil || n < 0 {
			t.Errorf("enclosure length %q", attr("length"))
		}
	case ext == "rss" && tok.Name.Space == nsMedia:
		absolute("media:"+tok.Name.Local, attr("url"))
		if tok.Name.Local == "content" {
			mimeType("media:content", attr("type"))
		}
	case ext == "atom" && tok.Name.Local == "link" && attr("rel") == "enclosure":
		absolute("enclosure link", attr("href"))
		mimeType("enclosure link", attr("type"))
	}
}

func checkChild(t *testing.T, ext string, parent, child xml.Name, depth int) {
	t.Helper()
	switch ext {
	case "rss":
		allowed, ok := rssAllowed[parent.Space+" "+parent.Local]
		if !ok {
			if parent.Space == "" && (parent.Local == "title" || parent.Local == "source") {
				t.Errorf("element %v inside <%s>", child, parent.Local)
			}
			return // text-only or namespaced leaf elements
		}
		if !contains(allowed, child.Space+" "+child.Local) {
			t.Errorf("undefined element {%s}%s in <%s>", child.Space, child.Local, parent.Local)
		}
	case "atom":
		if child.Space != nsAtom {
			t.Errorf("element {%s}%s outside the Atom namespace", child.Space, child.Local)
			return
		}
		if allowed, ok := atomAllowed[parent.Local]; ok && !contains(allowed, child.Local) {
			t.Errorf("undefined element %s in <%s>", child.Local, parent.Local)
		}
	}
}

func onlyKeys(t *testing.T, what string, m map[string]json.RawMessage, allowed []string) {
	t.Helper()
	for k := range m {
		if !contains(allowed, k) && !strings.HasPrefix(k, "_") {
			t.Errorf("JSON Feed %s has undefined key %q", what, k)
		}
	}
}

// checkAbsoluteURLs fails on any href or src in an HTML fragment that is
// not an absolute http(s) URL.
func checkAbsoluteURLs(t *testing.T, fragment string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if a.Key != "href" && a.Key != "src" {
				continue
			}
			u, err := url.Parse(a.Val)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("%s=%q in content is not an absolute http(s) URL", a.Key, a.Val)
			}
		}
	}
}
