package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/syndic/syndic/news"
)

var (
	// reReuse finds a reuse notice that requires a link back.
	reReuse = regexp.MustCompile(`(?i)(?:(?:any|the)\s+)?(?:use|reproduction|republication|republishing|reprinting|copying|quoting|citation|distribution)\s+of\s+(?:any\s+|the\s+|our\s+)?(?:site'?s?\s+|this\s+)?(?:materials?|content|articles?|news|information|texts?)[^.!?\n]{0,160}?(?:hyper)?link|(?:hyper)?link\s+to\s+\S+\s+is\s+(?:required|mandatory|obligatory|compulsory)|(?:при|в\s+случае)\s+(?:полном\s+или\s+частичном\s+|любом\s+)?(?:использовании|цитировании|перепечатке|копировании|воспроизведении|публикации)[^.!?\n]{0,160}?(?:гипер)?ссылк|(?:использование|перепечатка|копирование|цитирование|воспроизведение)\s+(?:любых\s+|всех\s+)?(?:материалов|информации|текстов)[^.!?\n]{0,160}?(?:гипер)?ссылк|(?:гипер)?ссылка\s+на\s+\S+(?:\s+\S+)?\s+обязательна`)
	// reSiteToken is a site named in a notice: a domain or a name in quotes.
	reSiteToken = regexp.MustCompile(`(?i)(?:https?://)?((?:[\p{L}\d-]+\.)+(?:az|ru|com|net|org|info|ua|by|kz|ge|am|uz|kg|md|tj|tv|io|news|media|su|рф|co\.uk|uk|de|fr|eu|am|press|online|today|site))\b`)
	// reLinkTo is "link to X" / "ссылка на X": where the notice names its site.
	reLinkTo = regexp.MustCompile(`(?i)(?:hyper)?link\s+to\s+(?:the\s+)?(?:source|original|website|site)?\s*|(?:гипер)?ссылк[аиуой]+\s+на\s+`)
	// reNoticeGoesOn are words that continue a notice after the site name.
	reNoticeGoesOn = regexp.MustCompile(`(?i)^\s*(?:is|are|must|required|mandatory|obligatory|обязательн|является|необходим|,|\(|и\s|and\s|as\s|в\s|on\s)`)
)

// findAttribution finds the site's reuse notice ("Any use of materials is
// allowed only if there is a hyperlink to Caliber.az") in the lines of the
// page's text; the link is the site the notice names, else the page's
// own site. The zero value when there is none.
func findAttribution(lines []string, pageURL string) news.Attribution {
	for _, line := range lines {
		if len(line) > 2000 || !(strings.Contains(line, "link") || strings.Contains(line, "ссылк") || strings.Contains(line, "Link")) {
			continue
		}
		loc := reReuse.FindStringIndex(line)
		if loc == nil {
			continue
		}
		notice := sentenceAround(line, loc[0], loc[1])
		notice = cutAfterSite(notice)
		link := ""
		if m := reSiteToken.FindStringSubmatch(notice); m != nil {
			link = "https://" + strings.ToLower(m[1])
		} else if h := hostOf(pageURL); h != "" {
			link = "https://" + h
		}
		return news.Attribution{Required: true, Link: link, Notice: notice}
	}
	return news.Attribution{}
}

// sentenceAround returns the sentence of line that holds [start, end).
func sentenceAround(line string, start, end int) string {
	from := 0
	for i := start - 1; i > 0; i-- {
		if (line[i] == ' ' || line[i] == '\n') && strings.ContainsRune(".!?©", rune(line[i-1])) {
			from = i + 1
			break
		}
	}
	to := len(line)
	for i := end; i < len(line); i++ {
		c := line[i]
		if (c == '.' || c == '!' || c == '?') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\n') {
			to = i + 1
			break
		}
		if strings.HasPrefix(line[i:], "©") {
			to = i
			break
		}
	}
	s := strings.TrimSpace(line[from:to])
	if utf8.RuneCountInString(s) > 400 {
		r := []rune(s)
		s = string(r[:400])
	}
	return s
}

// cutAfterSite ends a notice right after the site it names, unless the
// sentence goes on ("… is required", "… обязательна").
func cutAfterSite(notice string) string {
	m := reLinkTo.FindStringIndex(notice)
	if m == nil {
		return strings.TrimRight(notice, " ")
	}
	rest := notice[m[1]:]
	site := reSiteToken.FindStringIndex(rest)
	var siteEnd int
	switch {
	case site != nil && site[0] == 0:
		siteEnd = site[1]
	case strings.HasPrefix(rest, "«"):
		if i := strings.Index(rest, "»"); i > 0 {
			siteEnd = i + len("»")
		}
	default:
		// a capitalised name of up to three words
		words := strings.Fields(rest)
		n := 0
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if n >= 3 || !(r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' || r == 'Ё') {
				break
			}
			n++
			siteEnd = strings.Index(rest, w) + len(w)
		}
	}
	if siteEnd == 0 {
		return strings.TrimSpace(notice)
	}
	after := rest[siteEnd:]
	if reNoticeGoesOn.MatchString(after) || strings.TrimSpace(after) == "" || strings.TrimSpace(after) == "." {
		return strings.TrimSpace(notice)
	}
	return strings.TrimSpace(notice[:m[1]+siteEnd])
}
