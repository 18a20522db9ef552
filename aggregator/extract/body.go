package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

// bodyInput is what body extraction needs besides the tree.
type bodyInput struct {
	base     *url.URL
	selector string   // per-source body selector, "" for scoring
	title    string   // dropped when the body repeats it
	bylines  []string // byline lines, dropped from the body
	dc       *dateCtx
	strict   bool      // drop "unlikely" elements before scoring
	credits  *[]string // "Источник: ТАСС" lines dropped from the body, kept for the via chain
}

// extractBody finds the article's body under doc and returns its
// paragraphs. It changes the tree.
func extractBody(doc *html.Node, in bodyInput) []block {
	root := firstElement(doc, atom.Body)
	if root == nil {
		root = doc
	}
	var content []*html.Node
	if _, err := cascadia.Compile(in.selector); in.selector != "" && err == nil {
		goquery.NewDocumentFromNode(doc).Find(in.selector).Each(func(_ int, s *goquery.Selection) {
			for _, n := range s.Nodes {
				// a match inside an earlier match is already in
				inside := false
				for _, c := range content {
					if isAncestor(c, n) {
						inside = true
					}
				}
				if !inside {
					content = append(content, n)
				}
			}
		})
		for _, n := range content {
			prune(n, false)
		}
		if len(content) > 0 {
			return filterBlocks(render(content, in.base), in)
		}
	}
	prune(root, in.strict)
	st := computeStats(root)
	content = findContent(root, st)
	if len(content) == 0 {
		content = []*html.Node{root}
	}
	cleanContent(content, st)
	return filterBlocks(render(content, in.base), in)
}

// filterBlocks drops furniture from rendered paragraphs: share prompts,
// counters, the repeated title, bylines, datelines, photo credits,
// captions, link-only lines, repeated paragraphs, and a "related
// articles" tail.
func filterBlocks(bs []block, in bodyInput) []block {
	out := bs[:0]
	title := titleKey(in.title)
	bylines := map[string]bool{}
	for _, b := range in.bylines {
		bylines[foldTitle(b)] = true
	}
	seen := map[string]int{} // paragraph → index of its last occurrence
	total := 0
	for _, b := range bs {
		total += utf8.RuneCountInString(b.text)
	}
	done := 0
	for i, b := range bs {
		if b.kind == "img" {
			out = append(out, b)
			continue
		}
		t := b.text
		n := utf8.RuneCountInString(t)
		done += n
		if n <= 80 && (done >= 300+n && reRelatedHeadStrong.MatchString(t) || done*2 > total && reRelatedHead.MatchString(t) && !storyGoesOn(bs[i+1:])) {
			break // the rest is other articles
		}
		key := foldTitle(t)
		switch {
		case title != "" && titleKey(cleanTitle(t)) == title && len(out) < 4:
			continue
		case b.kind == "h1" && len(out) < 4:
			continue
		case bylines[key] || (n >= 60 && b.kind != "li" && b.kind != "tr" && seen[key] > 0 && i-seen[key] <= 6):
			// the same caption or teaser again and again (a gallery); a
			// paragraph repeated far apart (a meal plan per day) stays
			seen[key] = i + 1
			continue
		case isBoilerplate(t), isCaptionCredit(t), reImageCredit.MatchString(t) && n <= 400:
			if in.credits != nil && reSourceLine.MatchString(t) {
				*in.credits = append(*in.credits, t)
			}
			continue
		case n < 200 && b.link*10 >= n*8 && b.kind != "li" && b.kind != "tr" && !strings.HasPrefix(t, "http"):
			continue // a link standing alone: "SEE MORE: …", a related story
		case b.kind != "p" && b.kind != "li" && b.kind != "tr" && b.kind != "blockquote" && b.kind != "pre" && n > 300:
			// a "heading" this long is a paragraph set in bold
			b.kind = "p"
		}
		seen[key] = i + 1
		if in.dc != nil && n <= 120 && mayHoldDate(t) && isMetaLine(t, in.dc) {
			continue
		}
		if reBylineStart.MatchString(t) && n <= 80 {
			continue
		}
		out = append(out, b)
	}
	// trailing headings with nothing under them are section furniture
	for len(out) > 0 && strings.HasPrefix(out[len(out)-1].kind, "h") {
		out = out[:len(out)-1]
	}
	return out
}

var (
	// reImageCredit is a caption ending in its credit: "… (Image: GETTY)".
	reImageCredit = regexp.MustCompile(`(?i)\((?:image|images|photo|photos|picture|pic|credit|source|фото|getty)[^)]{0,60}\)\s*$|(?:^|\s)(?:photo|image|credit)s?\s*:\s*[^.]{0,60}(?:getty images|reuters|afp|ap|shutterstock|epa|pa)\s*$`)
	// reRelatedHeadStrong is the heading of a list of other articles,
	// never a line inside a story.
	reRelatedHeadStrong = regexp.MustCompile(`(?i)^(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|related\s+(?:articles|stories|posts|news|content|coverage)|more\s+(?:stories|news|articles)\b|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|вам\s+может\s+быть\s+интересно|другие\s+новости|новости\s+по\s+теме|você\s+pode\s+gostar|te\s+puede\s+interesar|das\s+könnte\s+sie\s+auch\s+interessieren|ti\s+potrebbe\s+interessare)\b.{0,20}$`)
	// reRelatedHead is the heading of a list of other articles, or a
	// "read also" line inside a story.
	reRelatedHead = regexp.MustCompile(`(?i)^(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|related\s+(?:articles|stories|posts|news|content|coverage)|more\s+(?:from|on|stories|news|articles|in)\b|read\s+(?:more|also|next)|recommended|trending|popular|most\s+(?:read|popular|viewed)|see\s+also|также\s+читайте|читайте\s+также|вам\s+может\s+быть\s+интересно|по\s+теме|другие\s+новости|новости\s+по\s+теме|você\s+pode\s+gostar|leia\s+também|lee\s+también|te\s+puede\s+interesar|à\s+lire\s+aussi|lire\s+aussi|das\s+könnte\s+sie\s+auch\s+interessieren|mehr\s+zum\s+thema|leggi\s+anche|ti\s+potrebbe\s+interessare)\b.{0,40}$`)
	// reMetaWords are the words a dateline carries besides its date.
	reMetaWords = regexp.MustCompile(`(?i)\b(?:published|updated|posted|modified|last|first|created|on|at|am|pm|gmt|utc|edt|est|cdt|cst|pdt|pst|bst|cet|cest|msk|ist|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|опубликовано|обновлено|обновлен|дата|время|публикации|мск)\b|[|;:,.·•/()\-–—]`)
)

// storyGoesOn reports whether a long paragraph that is not a link follows:
// a "Read also" line in the middle of a story, not the head of a list.
func storyGoesOn(rest []block) bool {
	for _, b := range rest {
		n := utf8.RuneCountInString(b.text)
		if n > 200 && b.link*4 < n {
			return true
		}
	}
	return false
}

// isMetaLine reports whether a short paragraph is a dateline: a date with
// nothing but words such as "Published", "Updated", a zone or a weekday
// (and a short credit) around it.
func isMetaLine(t string, dc *dateCtx) bool {
	hits := findDates(t, dc)
	if len(hits) == 0 {
		return false
	}
	norm := normDateText(t)
	var rest strings.Builder
	prev := 0
	for _, h := range hits {
		if h.pos < prev || h.end > len(norm) {
			continue
		}
		rest.WriteString(norm[prev:h.pos])
		rest.WriteByte(' ')
		prev = h.end
	}
	rest.WriteString(norm[prev:])
	r := news.CollapseSpace(reMetaWords.ReplaceAllString(rest.String(), " "))
	r = strings.Trim(reDigitsOnly.ReplaceAllString(r, " "), " ")
	return utf8.RuneCountInString(r) <= 25
}

var reDigitsOnly = regexp.MustCompile(`\b\d{1,2}(?::\d{2})?\b`)

// blocksText joins the text of blocks with blank lines.
func blocksText(bs []block) string {
	var b strings.Builder
	for _, bl := range bs {
		if bl.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

// mayHoldDate is a cheap test before the date patterns run: a date needs a
// digit, or a relative word such as "вчера" or "today".
func mayHoldDate(t string) bool {
	return strings.ContainsAny(t, "0123456789") || reRel.MatchString(strings.ToLower(t))
}
