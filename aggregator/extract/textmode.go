package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textPage is a page that is only paragraphs of scraped visible text
// (<article><p>…</p>…</article>, no metadata): the title, the dateline,
// the section and the byline are lines among the paragraphs.
type textPage struct {
	paras   []string
	title   string
	section string
	date    dateHit
	hasDate bool
	byline  string
	body    []string
	credits []string // "Источник: …" lines
}

// asTextPage returns the paragraphs of doc when it is such a page.
func asTextPage(doc *html.Node, m *pageMeta) ([]string, bool) {
	if m.docTitle != "" || m.ld != nil || len(m.meta) > 1 {
		return nil, false
	}
	body := firstElement(doc, atom.Body)
	if body == nil {
		return nil, false
	}
	var paras []string
	ok := true
	walk(body, func(n *html.Node) bool {
		if !ok {
			return false
		}
		switch n.Type {
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" && (n.Parent == nil || n.Parent.DataAtom != atom.P) {
				ok = false
			}
			return false
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Body, atom.Article, atom.Main, atom.Div:
				return true
			case atom.P:
				paras = append(paras, textOf(n))
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.DataAtom != atom.Br && c.DataAtom != atom.A && c.DataAtom != atom.B && c.DataAtom != atom.I && c.DataAtom != atom.Em && c.DataAtom != atom.Strong {
						ok = false
					}
				}
				return false
			}
			ok = false
			return false
		}
		return true
	})
	return paras, ok && len(paras) > 0
}

var reCapsRun = regexp.MustCompile(`^[\p{Lu}][\p{Lu}\d&/ -]{2,40}$`)

// readTextPage finds the title, dateline, section and byline among the
// paragraphs, and the body: the paragraphs after the dateline up to a
// closing byline.
func readTextPage(paras []string, dc *dateCtx) *textPage {
	tp := &textPage{paras: paras}
	dateAt := -1
	for i, p := range paras {
		if i > 12 {
			break
		}
		if h, ok := isDateline(p, dc); ok {
			tp.date, tp.hasDate, dateAt = h, true, i
			break
		}
	}
	start := 0
	if dateAt >= 0 {
		start = dateAt + 1
		// the title is the nearest line above the dateline that reads as one
		for j := dateAt - 1; j >= 0 && j >= dateAt-3; j-- {
			p := paras[j]
			n := wordCount(p)
			if n >= 3 && n <= 30 && !isBoilerplate(p) && !reBylineStart.MatchString(p) {
				tp.title = p
				if j > 0 {
					tp.section = sectionFromCruft(paras[j-1])
				}
				break
			}
		}
	}
	if dateAt < 0 && len(paras) >= 2 && looksLikeHeadline(paras[0]) {
		// no dateline: a first line that reads as a headline is the title
		// (it stays in the body, which is the text as given)
		tp.title = paras[0]
	}
	end := len(paras)
	for i := start; i < len(paras); i++ {
		if reBylineStart.MatchString(paras[i]) && utf8.RuneCountInString(paras[i]) <= 100 {
			tp.byline = paras[i]
			if i-start >= 2 {
				end = i
			}
			break
		}
	}
	for _, p := range paras[start:end] {
		if p == tp.byline || isBoilerplate(p) {
			if reSourceLine.MatchString(p) {
				tp.credits = append(tp.credits, p)
			}
			continue
		}
		tp.body = append(tp.body, p)
	}
	return tp
}

// sectionFromCruft reads a section name from the furniture line above a
// title: the last run of capitalised words, skipping font buttons.
func sectionFromCruft(line string) string {
	words := strings.Fields(line)
	var run []string
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if w == "A+" || w == "A-" || w == "A" || w == "|" {
			if len(run) > 0 {
				break
			}
			continue
		}
		if isUpperWord(w) {
			run = append([]string{w}, run...)
			continue
		}
		break
	}
	s := strings.Join(run, " ")
	if !reCapsRun.MatchString(s) {
		return ""
	}
	return s
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2 || (letters == 1 && utf8.RuneCountInString(w) == 1)
}

// looksLikeHeadline reports whether a line reads as a headline: short, not
// a sentence ending in a full stop, not furniture.
func looksLikeHeadline(p string) bool {
	n := wordCount(p)
	if n < 3 || n > 25 || utf8.RuneCountInString(p) > 250 {
		return false
	}
	if strings.HasSuffix(p, ".") || strings.HasSuffix(p, ":") || strings.HasSuffix(p, ",") {
		return false
	}
	return !isBoilerplate(p) && !reBylineStart.MatchString(p)
}
