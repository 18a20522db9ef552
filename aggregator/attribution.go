package aggregator

import (
	"net/url"
	"strings"

	"github.com/syndic/syndic/config"
)

// trustedLink reports whether a reuse notice read on an article page may
// set the link credited for the source's items: only when it names the
// site of the article (as the item links it, before any redirect), of the
// source's feed or page, or of the source's configured attribution link.
// Any page can state a rule; a page of one site cannot send every item of
// its source to another ("… only with a hyperlink to evil-phish.com").
func trustedLink(link, article string, src config.Source) bool {
	named := siteOf(link)
	if named == "" {
		return false
	}
	for _, own := range []string{article, src.URL, src.News().Attribution.Link} {
		if s := siteOf(own); s != "" && (s == named || strings.HasSuffix(s, "."+named) || strings.HasSuffix(named, "."+s)) {
			return true
		}
	}
	return false
}

// siteOf is the host of an absolute URL, lower case, without "www." and
// port; "" when there is none.
func siteOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
