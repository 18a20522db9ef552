package quote

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// qspan is one pair of quotation marks: open and close are the byte offsets
// of the marks (close == para end when a paragraph ends inside the quote),
// [s, e) the trimmed content.
type qspan struct {
	open, close int
	cend        int // offset after the closing mark
	s, e        int
	mark        rune // the opening mark; the closing one for a quotation carried on from the paragraph before
	parent      int  // index of the enclosing span, -1 at top level
	unclosed    bool
}

// maxOpen is how many quotation marks may stand open at once in a
// paragraph; an opening mark beyond them is read as no mark.
const maxOpen = 16

// scanMarks finds the quotation-mark pairs of paragraph p.
// Straight double quotes are told apart as opening or closing by the
// characters around them. A mark still open at the end of the paragraph
// yields a span to the paragraph's end only when it opens the paragraph
// (a quote running over several paragraphs) or its sentence, after a colon,
// or, where the next paragraph opens with a quotation mark (reopened, as
// English goes on with a quotation), after the end of a sentence. At most maxOpen marks stand
// open at once, so its work, added to *work, grows linearly with the
// paragraph.
//
// carried tells that the paragraph before ended inside an unclosed
// quotation: the first closing mark here that closes nothing ends that
// quotation, and the text before it is its continuation; runsOn, that a
// later paragraph closes it, so that, closing nothing here, all of this
// paragraph is quoted.
func scanMarks(text string, p para, carried, runsOn, reopened bool, work *int) []qspan {
	var stack []opener
	var out []qspan
	prev := rune(' ')
	for i := p.s; i < p.e; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if (r == '\'' || r == '`') && i+1 < p.e && text[i+1] == text[i] {
			// '' and `` stand for double quotation marks in some texts.
			r, n = '"', 2
		}
		next := rune(' ')
		if i+n < p.e {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		isOpen, isClose := false, false
		switch r {
		case '«', '„', '‹':
			isOpen = true
		case '»', '›':
			isClose = true
		case '“':
			if top(stack) == '„' || (top(stack) == '"' && !openCtx(prev)) || (top(stack) == '“' && !openCtx(prev) && closeCtx(next)) {
				isClose = true
			} else {
				isOpen = true
			}
		case '”':
			if len(stack) == 0 && (openCtx(prev) && !closeCtx(next) || i == p.s) {
				isOpen = true
			} else {
				isClose = true
			}
		case '"':
			oc, cc := openCtx(prev), closeCtx(next)
			switch {
			case oc && !cc:
				isOpen = true
			case cc && !oc:
				isClose = true
			default:
				if hasOpen(stack, '"') && !(oc && top(stack) != '"') {
					isClose = true
				} else {
					isOpen = true
				}
			}
		case '‘':
			if openCtx(prev) {
				isOpen = true
			}
		case '’':
			if hasOpen(stack, '‘') && !unicode.IsLetter(next) {
				isClose = true
			}
		}
		*work++
		if isOpen || isClose {
			*work += len(stack)
		}
		switch {
		case isOpen:
			if len(stack) < maxOpen {
				stack = append(stack, opener{r, i, i + n})
			}
		case isClose:
			k := len(stack) - 1
			for k >= 0 && !matches(stack[k].r, r) {
				k--
			}
			if k >= 0 {
				o := stack[k]
				s, e := trimContent(text, o.end, i)
				out = append(out, qspan{open: o.pos, close: i, cend: i + n, s: s, e: e, mark: o.r, parent: -1})
				stack = stack[:k]
			} else if carried && len(stack) == 0 && r != '’' {
				s, e := trimContent(text, p.s, i)
				out = append(out, qspan{open: p.s, close: i, cend: i + n, s: s, e: e, mark: r, parent: -1})
				carried = false
			}
		}
		prev = r
		i += n
	}
	// «…«Евровидении», — сказала она, "…"капитуляции", - говорится в
	// статье: one closing mark for two quotations.
	for k := len(stack) - 1; k >= 0; k-- {
		o := stack[k]
		if o.r != '«' && o.r != '"' {
			continue
		}
		for _, in := range out {
			*work++
			if in.open > o.pos && in.mark == o.r && attributionAfter(text, in.cend, p.e) {
				s, e := trimContent(text, o.end, in.cend)
				out = append(out, qspan{open: o.pos, close: in.close, cend: in.cend, s: s, e: e, mark: o.r, parent: -1})
				stack = append(stack[:k], stack[k+1:]...)
				break
			}
		}
	}
	if carried && runsOn && len(stack) == 0 && !opensWithMark(text[p.s:p.e]) {
		if s, e := trimContent(text, p.s, p.e); e > s {
			out = append(out, qspan{open: p.s, close: p.e, cend: p.e, s: s, e: e, mark: '»', parent: -1, unclosed: true})
		}
	}
	if len(stack) > 0 {
		o := stack[0]
		lead := strings.TrimLeftFunc(text[p.s:o.pos], func(r rune) bool { return isSpace(r) || isDash(r) })
		lead = strings.TrimRightFunc(lead, isSpace)
		if (lead == "" || strings.HasSuffix(lead, ":") || reopened && endsTerminal(lead)) && o.r != '‘' {
			s, e := trimContent(text, o.end, p.e)
			if e-s > 0 {
				out = append(out, qspan{open: o.pos, close: p.e, cend: p.e, s: s, e: e, mark: o.r, parent: -1, unclosed: true})
			}
		}
	}
	// Order by opening offset and link children to parents: the parent is
	// the nearest span before that holds this one, found by climbing from
	// the span before through its own parents (the spans that can hold
	// both).
	slices.SortStableFunc(out, func(a, b qspan) int { return cmp.Compare(a.open, b.open) })
	*work += len(out)
	for i := range out {
		j := i - 1
		for j >= 0 && !(out[j].open < out[i].open && out[j].close >= out[i].close) {
			j = out[j].parent
			*work++
		}
		out[i].parent = j
	}
	return out
}

// matches reports whether a closing mark may close an opening one.
func matches(open, close rune) bool {
	switch close {
	case '»':
		return open == '«'
	case '”':
		return open == '“' || open == '„' || open == '"' || open == '”' // ”…” in Swedish style
	case '“':
		return open == '„' || open == '"' || open == '“'
	case '"':
		return open == '"' || open == '“' || open == '„'
	case '’':
		return open == '‘'
	case '›':
		return open == '‹'
	}
	return false
}

type opener struct {
	r   rune
	pos int
	end int // offset after the mark
}

func top(st []opener) rune {
	if len(st) == 0 {
		return 0
	}
	return st[len(st)-1].r
}

func hasOpen(st []opener, r rune) bool {
	for _, o := range st {
		if o.r == r {
			return true
		}
	}
	return false
}

// openCtx reports whether a mark after rune prev opens a quotation.
func openCtx(prev rune) bool {
	return isSpace(prev) || isDash(prev) || strings.ContainsRune("([{«„“:/", prev)
}

// closeCtx reports whether a mark before rune next closes a quotation.
func closeCtx(next rune) bool {
	return isSpace(next) || isDash(next) || strings.ContainsRune(",.;:!?)]}»”…'’", next)
}

// attributionAfter reports whether text from i reads ", — " (optional
// punctuation, then a dash): where an attribution clause follows a quotation.
func attributionAfter(text string, i, end int) bool {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == ',' || r == '.' || r == '!' || r == '?' || isSpace(r) {
			j += n
			continue
		}
		return isDash(r) && j > i
	}
	return false
}

// trimContent trims white space around quoted content, and a comma, colon,
// semicolon or dash at either end (kept out of quotes by the annotation
// rules; "заявила, что, следуя списку, можно …" reports "следуя списку, …").
func trimContent(text string, s, e int) (int, int) {
	s, e = trimSpace(text, s, e)
	for e > s {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if r == ',' || r == ';' || r == ':' || (isDash(r) && r != '-') {
			s += n
			s, _ = trimSpace(text, s, e)
			continue
		}
		break
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if r == ',' || r == ';' || r == ':' || (isDash(r) && r != '-') {
			e -= n
			_, e = trimSpace(text, s, e)
			continue
		}
		break
	}
	return s, e
}

// opensWithMark reports whether a paragraph opens with an opening quotation
// mark: in English, the mark of a quotation going on from the paragraph
// before.
func opensWithMark(p string) bool {
	r, _ := utf8.DecodeRuneInString(p)
	return r == '“' || r == '"' || r == '«' || r == '„' || strings.HasPrefix(p, "''") || strings.HasPrefix(p, "``")
}
