package feed

import (
	"html"
	"regexp"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// plainText turns feed text that may hold markup or (doubly) escaped
// entities into plain text: tags removed (script and style with their
// content), entities decoded, control characters dropped and white space
// collapsed to single spaces.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return collapse(s)
	}
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch tt := z.Next(); tt {
		case xhtml.ErrorToken:
			return collapse(html.UnescapeString(b.String()))
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case n == "script" || n == "style":
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
				b.WriteByte(' ')
			case !inline[n]:
				b.WriteByte(' ')
			}
		}
	}
}

// inline are the elements that do not separate words.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true, "del": true,
	"dfn": true, "em": true, "font": true, "i": true, "ins": true, "kbd": true, "mark": true, "nobr": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strike": true, "strong": true,
	"sub": true, "sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true,
}

// collapse drops control characters and collapses runs of white space
// (including no-break spaces) into one space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

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
		line = collapse(html.UnescapeString(line))
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
	s = plainText(s)
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
