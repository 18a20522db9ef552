package feed

import (
	"html"
	"regexp"
	"strings"

	"github.com/syndic/syndic/news"
)

var htmlTag = regexp.MustCompile(`<(?:/?[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--)`)

// toHTML returns s unchanged when it holds markup; plain text (as
// yandex:full-text often is) becomes escaped <p> paragraphs, one per line.
func toHTML(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || htmlTag.MatchString(s) {
		return s
	}
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		line = news.PlainLine(line)
		if line == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(line))
		b.WriteString("</p>\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var (
	emailThenName = regexp.MustCompile(`^\S+@\S+\s*\((.*)\)$`)          // x@y (Name)
	nameThenEmail = regexp.MustCompile(`^(.*?)\s*[<(\[]\S+@\S+[>)\]]$`) // Name <x@y>
	bareEmail     = regexp.MustCompile(`^(?:mailto:)?\S+@\S+$`)
)

// personName cleans an author string down to a person's name: "x@y
// (Name)" and "Name <x@y>" give Name, a bare e-mail address gives "".
func personName(s string) string {
	s = news.PlainLine(s)
	if !strings.Contains(s, "@") {
		return strings.Trim(s, `"'«»“” `)
	}
	if m := emailThenName.FindStringSubmatch(s); m != nil {
		s = m[1]
	} else if m := nameThenEmail.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	s = strings.Trim(strings.TrimSpace(s), `"'«»“”`)
	if bareEmail.MatchString(s) {
		return ""
	}
	return s
}

// appendUnique appends s to list unless it is empty or already there
// (ignoring case).
func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
