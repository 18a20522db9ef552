package feed

import (
	"bytes"
	"strings"
)

// scan is what the pre-pass learns about an XML document without building
// anything: the root element, whether it is HTML and how many items there
// are. It is a tolerant tag scanner, not a parser: comments, CDATA,
// processing instructions, doctypes and quoted attribute values are
// skipped, so that "<item>" inside them is not counted.
type scan struct {
	root    string // the root element's name as written, "" when none
	doctype string // the doctype's text, lower case
	items   int    // <item> and <entry> elements not nested in another
	depth   int    // the deepest element nesting seen
	out     []byte // the document without the items over the cap
}

// span is a byte range [from, to) of the input.
type span struct{ from, to int }

// prescan scans data and, when it holds more than max items, returns in
// out a copy without the items after the first max. It allocates nothing
// but that copy, however many items there are.
func prescan(data []byte, max int) scan {
	var (
		sc        scan
		depth     int
		nest      int  // depth without HTML void elements, which the parser closes itself
		itemDepth = -1 // depth of the open item, -1 when none
		itemStart int
		cut       []span // ranges to remove, merged when adjacent
	)
	drop := func(from, to int) {
		if n := len(cut); n > 0 && isSpace(data[cut[n-1].to:from]) {
			cut[n-1].to = to
			return
		}
		cut = append(cut, span{from, to})
	}
	endItem := func(end int) {
		if sc.items > max {
			drop(itemStart, end)
		}
		itemDepth = -1
	}
	i := 0
	for {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(data, i+4, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i = skipPast(data, i+9, "]]>")
		case bytes.HasPrefix(rest, []byte("<?")):
			i = skipPast(data, i+2, "?>")
		case bytes.HasPrefix(rest, []byte("<!")):
			end := skipTag(data, i+2, true)
			if sc.doctype == "" && sc.root == "" {
				sc.doctype = strings.ToLower(string(data[i:min(end, i+200)]))
			}
			i = end
		case len(rest) > 1 && rest[1] == '/':
			nameEnd := i + 2 + nameLen(rest[2:])
			local := localName(data[i+2 : nameEnd])
			i = skipTag(data, nameEnd, false)
			if depth > 0 {
				depth--
			}
			if nest > 0 && !htmlVoid(local) {
				nest--
			}
			if itemDepth >= 0 && depth == itemDepth && (equalFold(local, "item") || equalFold(local, "entry")) {
				endItem(i)
			}
		case len(rest) > 1 && isNameStart(rest[1]):
			nameEnd := i + 1 + nameLen(rest[1:])
			name := data[i+1 : nameEnd]
			start := i
			i = skipTag(data, nameEnd, false)
			selfClosing := i >= 2 && data[i-2] == '/' && data[i-1] == '>'
			if sc.root == "" {
				sc.root = string(name)
			}
			local := localName(name)
			if itemDepth < 0 && depth <= 3 && (equalFold(local, "item") || equalFold(local, "entry")) {
				sc.items++
				itemStart = start
				itemDepth = depth
				if selfClosing {
					endItem(i)
				}
			}
			if !selfClosing {
				depth++
				if !htmlVoid(local) {
					nest++
					if nest > sc.depth {
						sc.depth = nest
					}
				}
			}
		default:
			i++ // a lone '<' in text
		}
	}
	if len(cut) == 0 {
		sc.out = data
		return sc
	}
	size := len(data)
	for _, c := range cut {
		size -= c.to - c.from
	}
	out := make([]byte, 0, size)
	prev := 0
	for _, c := range cut {
		out = append(out, data[prev:c.from]...)
		prev = c.to
	}
	sc.out = append(out, data[prev:]...)
	return sc
}

// htmlVoid reports whether name is an HTML element without content (<br>),
// which raw HTML in a feed leaves unclosed and the tolerant parser closes.
func htmlVoid(name []byte) bool {
	for _, v := range []string{"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "param", "source", "track", "wbr", "embed"} {
		if equalFold(name, v) {
			return true
		}
	}
	return false
}

// skipPast returns the index just past the first end at or after i, or
// len(data) when there is none.
func skipPast(data []byte, i int, end string) int {
	if j := bytes.Index(data[i:], []byte(end)); j >= 0 {
		return i + j + len(end)
	}
	return len(data)
}

// skipTag returns the index just past the '>' that closes the tag whose
// attributes (or doctype body) start at i, skipping quoted values and a
// doctype's [internal subset] when doctype is set.
func skipTag(data []byte, i int, doctype bool) int {
	var quote byte
	bracket := 0
	for ; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' && doctype:
			bracket++
		case c == ']' && bracket > 0:
			bracket--
		case c == '>' && bracket == 0:
			return i + 1
		}
	}
	return len(data)
}

func nameLen(b []byte) int {
	for i, c := range b {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' {
			return i
		}
	}
	return len(b)
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
}

func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// equalFold compares b to the lower-case ASCII s, ignoring case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

func isSpace(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}
