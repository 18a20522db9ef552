package extract

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	// reUnlikely marks elements that are rarely the article (readability's
	// list, plus share/newsletter/cookie furniture).
	reUnlikely = newClassRe(`-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscri|cookie|consent|promo|outbrain|taboola|recommend|most-?read|most-?popular|trending|teaser|navbar|nav-|masthead|toolbar|signup|sign-up|login|modal|overlay|tags?-list|tag-area|tagcloud|read-?more|more-news|also-read|see-also|readmore`)
	// reMaybe rescues an unlikely element that may still be the article.
	reMaybe = newClassRe(`and|article|body|column|content|main|mathjax|shadow|post|story|entry|text`)
	// rePositive and reNegative weigh class and id names.
	rePositive = newClassRe(`article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|summary|detail|materia`)
	reNegative = newClassRe(`-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|social|newsletter|subscribe|recommend|breadcrumb|author-?bio|copyright|disclaimer|advert|popular|trending`)
	reShare    = newClassRe(`(?:^|[\s_-])(?:share|sharedaddy|social|likes?|follow|print|subscribe)(?:$|[\s_-])`)
	reHidden   = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)
)

// classWeight is readability's class/id weight: +25 for a positive name,
// -25 for a negative one.
func classWeight(n *html.Node) int {
	w := 0
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		if reNegative.MatchString(v) {
			w -= 25
		}
		if rePositive.MatchString(v) {
			w += 25
		}
	}
	return w
}

// alwaysDrop are elements that never hold article text.
var alwaysDrop = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Canvas: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Option: true,
	atom.Link: true, atom.Meta: true, atom.Head: true, atom.Nav: true, atom.Dialog: true,
	atom.Map: true, atom.Audio: true, atom.Video: true, atom.Math: true, atom.Label: true,
}

// dropRoles are ARIA roles of page furniture.
var dropRoles = map[string]bool{
	"navigation": true, "banner": true, "complementary": true, "contentinfo": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "search": true,
	"toolbar": true, "tablist": true,
}

// prune removes what is never article text from the tree under root:
// scripts, forms' controls, hidden elements, navigation, comments; when
// strict, also elements whose class or id marks them unlikely (asides,
// footers, share bars, related links).
func prune(root *html.Node, strict bool) {
	var drop []*html.Node
	walk(root, func(n *html.Node) bool {
		switch n.Type {
		case html.CommentNode:
			drop = append(drop, n)
			return false
		case html.ElementNode:
		default:
			return true
		}
		if n == root {
			return true
		}
		if alwaysDrop[n.DataAtom] || hasAttr(n, "hidden") || dropRoles[strings.ToLower(attr(n, "role"))] ||
			strings.EqualFold(attr(n, "aria-hidden"), "true") && n.DataAtom != atom.Span && n.DataAtom != atom.I {
			drop = append(drop, n)
			return false
		}
		if st := attr(n, "style"); st != "" && reHidden.MatchString(st) {
			drop = append(drop, n)
			return false
		}
		if n.DataAtom == atom.Form && !looksLikeWrapperForm(n) {
			drop = append(drop, n)
			return false
		}
		if !strict {
			return true
		}
		switch n.DataAtom {
		case atom.Aside, atom.Footer:
			drop = append(drop, n)
			return false
		case atom.Body, atom.Html, atom.Article, atom.Main, atom.A, atom.Table, atom.Tbody, atom.Tr, atom.Td, atom.Th:
			return true
		case atom.Header:
			if firstElement(n, atom.H1) == nil {
				drop = append(drop, n)
				return false
			}
			return true
		}
		ci := classID(n)
		if ci != "" && reUnlikely.MatchString(ci) && !reMaybe.MatchString(ci) && !inTableOrCode(n) {
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range drop {
		removeNode(n)
	}
}

// looksLikeWrapperForm reports whether a <form> wraps the whole page (ASP.NET
// pages put everything in one, their text often in <br>-separated runs)
// rather than being a search box or a newsletter sign-up: it holds three
// paragraphs, a headline, ASP.NET's view state, or a page's worth of text.
func looksLikeWrapperForm(n *html.Node) bool {
	paras, text, wrapper := 0, 0, false
	walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			text += len(c.Data)
		case isElement(c, atom.P):
			paras++
		case isElement(c, atom.H1), isElement(c, atom.Input) && attr(c, "name") == "__VIEWSTATE":
			wrapper = true
		}
		wrapper = wrapper || paras >= 3 || text >= 3000
		return !wrapper
	})
	return wrapper
}

// inTableOrCode reports whether n sits in a table or a code block, where
// readability keeps unlikely-looking elements.
func inTableOrCode(n *html.Node) bool {
	return hasAncestor(n, func(p *html.Node) bool { return p.DataAtom == atom.Table || p.DataAtom == atom.Code })
}

// classRe is a regexp over class and id names whose answers are
// remembered: the same few hundred names recur on every page of a site, and
// a cache lookup is much cheaper than a regexp run.
type classRe struct {
	re    *regexp.Regexp
	cache sync.Map // string → bool
	n     atomic.Int32
}

// maxClassCache bounds the names remembered per pattern.
const maxClassCache = 20000

func newClassRe(expr string) *classRe { return &classRe{re: regexp.MustCompile(expr)} }

// MatchString reports whether s matches, from the cache when it can.
func (c *classRe) MatchString(s string) bool {
	if v, ok := c.cache.Load(s); ok {
		return v.(bool)
	}
	m := c.re.MatchString(s)
	if c.n.Load() < maxClassCache {
		c.n.Add(1)
		c.cache.Store(strings.Clone(s), m)
	}
	return m
}
