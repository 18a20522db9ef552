package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// PlainText turns an HTML fragment (a feed's full text, a stored body) into
// plain text with paragraphs separated by a blank line: the form quote
// finding and routing read. Block elements and <br> break paragraphs;
// scripts, styles and the like are left out.
func PlainText(fragment string) string {
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	return strings.Join(blockLines(doc), "\n\n")
}
