package news

import (
	"fmt"
	"strings"
)

// DefaultAttributionTemplate is the attribution paragraph every republished
// item ends with unless its source's config gives another.
const DefaultAttributionTemplate = "Source: {source}[, via {via}]\n{notice}"

// Attribution template placeholders.
const (
	PlaceholderSource = "source" // the source's name, linking the original article
	PlaceholderLink   = "link"   // the original article's URL, linking it
	PlaceholderVia    = "via"    // the outlets the story came through, comma-separated
	PlaceholderNotice = "notice" // the source's reuse notice, linking the site it requires
)

var placeholders = map[string]bool{
	PlaceholderSource: true, PlaceholderLink: true, PlaceholderVia: true, PlaceholderNotice: true,
}

// AttributionTemplate is a parsed attribution template: plain text in which
// {source}, {link}, {via} and {notice} stand for the item's values. Each
// line is a paragraph. A part in [square brackets] is kept only when every
// placeholder in it has a value; a line whose placeholders all lack a value
// is left out (so a line holding just {notice} disappears for sources
// without one). Braces and brackets are never text.
type AttributionTemplate struct {
	lines [][]templatePart
	uses  map[string]bool
}

type templatePart struct {
	text     string         // literal text, when field and group are empty
	field    string         // a placeholder name
	optional []templatePart // a [group] of text and fields
}

// ParseAttributionTemplate parses s. It fails on a placeholder other than
// the four, on unbalanced or nested braces and brackets, and on a template
// without {source}: every item must credit its source by name and link it.
func ParseAttributionTemplate(s string) (*AttributionTemplate, error) {
	t := &AttributionTemplate{uses: make(map[string]bool)}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var parts []templatePart
		var group []templatePart
		inGroup := false
		add := func(p templatePart) {
			if inGroup {
				group = append(group, p)
			} else {
				parts = append(parts, p)
			}
		}
		for line != "" {
			i := strings.IndexAny(line, "{}[]")
			if i < 0 {
				add(templatePart{text: line})
				break
			}
			if i > 0 {
				add(templatePart{text: line[:i]})
			}
			switch line[i] {
			case '{':
				end := strings.IndexByte(line[i:], '}')
				if end < 0 {
					return nil, fmt.Errorf("attribution template: unclosed { in %q", line)
				}
				name := line[i+1 : i+end]
				if !placeholders[name] {
					return nil, fmt.Errorf("attribution template: unknown placeholder {%s} (want {source}, {link}, {via} or {notice})", name)
				}
				t.uses[name] = true
				add(templatePart{field: name})
				line = line[i+end+1:]
				continue
			case '[':
				if inGroup {
					return nil, fmt.Errorf("attribution template: nested [ in %q", line)
				}
				inGroup, group = true, nil
			case ']':
				if !inGroup {
					return nil, fmt.Errorf("attribution template: ] without [ in %q", line)
				}
				inGroup = false
				parts = append(parts, templatePart{optional: group})
			case '}':
				return nil, fmt.Errorf("attribution template: } without { in %q", line)
			}
			line = line[i+1:]
		}
		if inGroup {
			return nil, fmt.Errorf("attribution template: unclosed [ in %q", line)
		}
		t.lines = append(t.lines, parts)
	}
	if !t.uses[PlaceholderSource] {
		return nil, fmt.Errorf("attribution template: {source} is required (every item credits and links its source)")
	}
	return t, nil
}

// Uses reports whether the template has the placeholder name.
func (t *AttributionTemplate) Uses(name string) bool { return t.uses[name] }

// Execute returns the template's paragraphs: text passed through text (an
// escaper), each placeholder replaced by value(name) as it is. Lines and
// groups are left out as the type's documentation says.
func (t *AttributionTemplate) Execute(value func(name string) string, text func(string) string) []string {
	var out []string
	for _, line := range t.lines {
		var b strings.Builder
		fields, filled := 0, 0
		for _, p := range line {
			switch {
			case p.field != "":
				fields++
				v := value(p.field)
				if v != "" {
					filled++
				}
				b.WriteString(v)
			case p.optional != nil:
				var g strings.Builder
				ok := true
				for _, q := range p.optional {
					if q.field == "" {
						g.WriteString(text(q.text))
						continue
					}
					fields++
					v := value(q.field)
					if v == "" {
						ok = false
						break
					}
					filled++
					g.WriteString(v)
				}
				if ok {
					b.WriteString(g.String())
				}
			default:
				b.WriteString(text(p.text))
			}
		}
		if fields > 0 && filled == 0 {
			continue
		}
		if s := strings.TrimSpace(b.String()); s != "" {
			out = append(out, s)
		}
	}
	return out
}
