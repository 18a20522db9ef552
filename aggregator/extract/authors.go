package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/syndic/syndic/news"
)

var (
	// reBylinePrefix is the lead-in of a byline: "By", "Автор:", "Текст:".
	reBylinePrefix = regexp.MustCompile(`(?i)^\s*(?:(?:written|posted|reported|words|story|reporting|text)\s+by|(?:(?:see|view|read)\s+)?(?:more|all)\s+(?:(?:stories|articles|posts|columns|news)\s+)?(?:from|by)?|by|von|par|por|di|door|av|af|przez|автор(?:ы)?(?:\s+(?:текста|материала|статьи))?\s*[:：]?|текст\s*[:：]|подготовил[аи]?\s*[:：]?|author(?:s)?\s*[:：]|autor(?:es|in)?\s*[:：]?|auteur\s*:|redakt[oö]r\s*:|муаллиф\s*:|müəllif\s*:)\s*`)
	// reNotAuthor is a credit line that names no author.
	reNotAuthor = regexp.MustCompile(`(?i)^\s*(?:фото|photo|photos|фотография|image|images|picture|illustration|иллюстрация|видео|video|графика|graphics|источник|source|credit|изображение|коллаж|collage|pictured|edited|editing|editor|additional reporting|translated|перевод|редактор)\b`)
	// reAuthorSplit separates several names in one byline.
	reAuthorSplit = regexp.MustCompile(`\s*(?:,|;|/|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\s+и\s+|\s+та\s+|\s+і\s+|\s+ва\s+|\s+və\s+|\s+—\s+|\s+-\s+|\s+–\s+|\n)\s*`)
	// reOrgWord marks a name that is an organisation, a desk or a role.
	reOrgWord = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:press|news|media|agency|staff|team|desk|editors?|editorial|board|reuters|associated|bloomberg|afp|newsroom|wire|service|network|channel|radio|online|magazine|times|post|journal|daily|weekly|tribune|herald|gazette|group|inc|ltd|llc|corp|corporation|company|university|foundation|institute|council|committee|ministry|department|office|contributors?|correspondents?|reporters?|writers?|admin|administrator|guest|sponsored|partner|partners|content|studio|redaction|rédaction|redacción|redazione|redaktion|staff|bureau|agencies|sources?|xinhua|interfax|sputnik|articles|insider|today|view|views|opinion|sport|sports|agencia|agência|agence|société|business|food|health|tech|science|politics|world|local|weather|traffic|entertainment|lifestyle|culture|economy|finance|markets|редакция|редакции|служба|пресс|агентство|агентства|тасс|риа|интерфакс|новости|газета|журнал|издание|телеканал|корреспондент|корреспонденты|обозреватель|спецкор|медиа|группа)(?:$|[^\pL])`)
	// reOrgAcronym are agency and broadcaster acronyms (case matters: Ria is a name).
	reOrgAcronym = regexp.MustCompile(`(?:^|[^\pL])(?:AP|AFP|UPI|DPA|EFE|ANSA|TASS|RIA|BBC|CNN|CBS|NBC|ABC|NPR|PBS|TV|ТАСС|РИА|РБК|ИТАР|СМИ)(?:$|[^\pL])|\.(?:com|ru|org|net|az|ua)\b`)
	// reNameTail is what follows a name in a byline: "for MailOnline", a
	// weekday or a date word.
	reNameTail = regexp.MustCompile(`(?i)\s+(?:for|für|pour|para|per|für|special\s+to|in)\s+.*$|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|updated|published|posted)\b.*$`)
	// reHonorific is a title before a name.
	reHonorific = regexp.MustCompile(`^(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame|Rev|Developed\s+[Bb]y|Edited\s+[Bb]y|Compiled\s+[Bb]y)\.?\s+`)
	// reNameParticle are the lower-case words a name may contain.
	reNameParticle = regexp.MustCompile(`^(?:de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|ter|ten|bin|ibn|al|el|y|e|zu|af|av|st\.?|mc|mac|d'|o')$`)
)

// authorCtx is what cleaning byline names needs: the organisation names of
// the page (site name, publisher), which are never authors.
type authorCtx struct {
	orgs      map[string]bool
	siteWords map[string]bool // words of four letters or more of the site's names
}

func newAuthorCtx(names ...string) *authorCtx {
	c := &authorCtx{orgs: map[string]bool{}, siteWords: map[string]bool{}}
	for _, n := range names {
		if n = foldName(n); n != "" {
			c.orgs[n] = true
			c.orgs[strings.ReplaceAll(n, " ", "")] = true // "farodevigo" for "Faro de Vigo"
			if strings.Contains(n, " ") || !strings.ContainsAny(n, ".") {
				for _, w := range strings.Fields(n) {
					if utf8.RuneCountInString(w) >= 4 && !tldWords[w] {
						c.siteWords[w] = true
					}
				}
			}
		}
	}
	return c
}

// tldWords are host parts that say nothing about the site's name.
var tldWords = map[string]bool{"www": true, "com": true, "news": true, "info": true, "online": true}

// foldName lower-cases a name and keeps its letters and single spaces.
func foldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// cleanAuthors turns raw byline values into person names: prefixes
// ("By", "Автор:") stripped, lists split, and organisations, roles,
// photo credits and things that are not names dropped; duplicates are
// removed, page order kept.
func (c *authorCtx) cleanAuthors(raw []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		for _, name := range c.splitByline(r) {
			k := foldName(name)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, name)
		}
	}
	return out
}

// reNickname is a parenthesised nickname or initials between two words of
// a name; nickOpen and nickClose hold its parentheses while a byline is
// split at the others.
var (
	reNickname  = regexp.MustCompile(`(\p{Lu}[\pL'’.-]*)\s+\((\p{Lu}[\pL.'’-]{0,14})\)\s+(\p{Lu})`)
	nickRestore = strings.NewReplacer(nickOpen, "(", nickClose, ")")
)

const nickOpen, nickClose = "\ue000", "\ue001"

var bylinePunct = strings.NewReplacer("(", ",", ")", ",", "[", ",", "]", ",", "«", "", "»", "", "“", "", "”", "", "\"", "")

// splitByline returns the person names of one byline string.
func (c *authorCtx) splitByline(s string) []string {
	s = news.CollapseSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 200 || strings.Contains(s, "://") {
		return nil
	}
	if reNotAuthor.MatchString(s) {
		return nil
	}
	s = reBylinePrefix.ReplaceAllString(s, "")
	// a nickname or initials inside a name, "Richard (R.J.) Eskow", stay
	// with it
	s = reNickname.ReplaceAllStringFunc(s, func(m string) string {
		sub := reNickname.FindStringSubmatch(m)
		if strings.ToUpper(sub[2]) == sub[2] && !strings.Contains(sub[2], ".") {
			return m // "Jane Doe (AP) Washington": an acronym, not a nickname
		}
		return sub[1] + " " + nickOpen + sub[2] + nickClose + " " + sub[3]
	})
	// "Name, Reuters", "Name (AP)", "Name | Staff writer": the role parts
	// are dropped by the name test below
	s = bylinePunct.Replace(s)
	var out []string
	for _, part := range reAuthorSplit.Split(s, -1) {
		part = nickRestore.Replace(part)
		part = strings.Trim(strings.TrimSpace(reBylinePrefix.ReplaceAllString(part, "")), ":·•-–— ")
		part = reHonorific.ReplaceAllString(part, "")
		part = reNameTail.ReplaceAllString(part, "")
		if !strings.HasSuffix(part, " Jr.") && !strings.HasSuffix(part, " Sr.") {
			part = strings.TrimRight(part, ".")
		}
		if part == "" {
			continue
		}
		if c.isPersonName(part) {
			out = append(out, part)
		}
	}
	return out
}

// isPersonName reports whether s reads as a person's name: two to five
// capitalised words (particles such as "van" or "de" allowed), no digits,
// no organisation or role words, not the site's own name.
func (c *authorCtx) isPersonName(s string) bool {
	if f := foldName(s); c.orgs[f] || c.orgs[strings.ReplaceAll(f, " ", "")] {
		return false
	}
	if reOrgWord.MatchString(s) || reOrgAcronym.MatchString(s) || strings.ContainsAny(s, "@©0123456789") {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if nameArticles[strings.ToLower(words[0])] {
		return false // "The Water Coolest", "El Sol de México"
	}
	caps := 0
	for _, w := range words {
		if nick, ok := strings.CutPrefix(w, "("); ok && strings.HasSuffix(nick, ")") {
			w = strings.TrimSuffix(nick, ")") // "(R.J.)" in "Richard (R.J.) Eskow"
			if w == "" {
				return false
			}
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return false
			}
			continue
		}
		if c.siteWords[strings.ToLower(w)] {
			return false // "Telegraph Sport" on The Telegraph
		}
		if gluedWord(w) {
			return false // "KeaneJournal": text run together
		}
		if utf8.RuneCountInString(strings.Trim(w, ".")) < 2 && !strings.HasSuffix(w, ".") {
			return false // "J J": initials need their dot
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case reNameParticle.MatchString(strings.ToLower(w)):
		default:
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
		}
	}
	return caps >= 2
}

// bylineClass marks elements that hold a byline.
var bylineClass = newClassRe(`(?i)byline|by-line|author|writer|creator|autor|avtor|reporter|journalist|posted-by|article__author|story-meta`)

// bylineExclude marks author blocks that are not the article's byline.
var bylineExclude = newClassRe(`(?i)comment|related|bio|about|avatar|social|share|more|teaser|card|recommend|follow|contact|footer`)

// findBylines returns the text of byline elements and of short text blocks
// that start with a byline prefix ("By …", "Автор: …"), in page order.
func findBylines(root *html.Node) []nodeText {
	var out []nodeText
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if news.HiddenElement(n.DataAtom) || n.DataAtom == atom.Nav || n.DataAtom == atom.Footer {
			return false
		}
		ci := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "itemprop") + " " + attr(n, "rel"))
		if strings.TrimSpace(ci) != "" && bylineClass.MatchString(ci) && !bylineExclude.MatchString(ci) {
			t := textOf(n)
			if t != "" && utf8.RuneCountInString(t) <= 120 {
				out = append(out, nodeText{n, t})
				return false
			}
		}
		return true
	})
	return out
}

// findBylineText returns the texts of short blocks that begin with a
// byline prefix ("By Tamilla Hasanova", "Текст: Иван Петров").
func findBylineText(root *html.Node) []nodeText {
	var out []nodeText
	walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && (news.HiddenElement(n.DataAtom) || n.DataAtom == atom.Nav) {
			return false
		}
		if n.Type != html.TextNode {
			return true
		}
		t := strings.TrimSpace(n.Data)
		if t == "" || len(t) > 200 || !reBylineStart.MatchString(t) {
			return true
		}
		// the block the text stands in
		b := n.Parent
		for b != nil && b.Type == html.ElementNode && !news.BlockElement(b.DataAtom) {
			b = b.Parent
		}
		if b == nil {
			return true
		}
		bt := textOf(b)
		if utf8.RuneCountInString(bt) <= 100 && reBylineStart.MatchString(bt) {
			out = append(out, nodeText{b, bt})
		}
		return true
	})
	return out
}

// reBylineStart is a text that opens with a byline prefix followed by a
// capitalised word.
var reBylineStart = regexp.MustCompile(`^(?:(?:[Ww]ritten |[Pp]osted |[Rr]eported )?[Bb]y|BY|Автор(?:ы)?(?: текста| материала| статьи)?\s*:|Текст\s*:|Подготовил[аи]?\s*:)\s+\p{Lu}`)

// firstByline picks, among byline candidates in page order, the first one
// that names a person (after the headline when there is one) and the
// candidates standing in the same block with it: the bylines of related
// articles and comment authors further down are left out.
func (c *authorCtx) firstByline(cands []nodeText, order map[*html.Node]int, after int) []string {
	anchor := -1
	for pass := 0; pass < 2 && anchor < 0; pass++ {
		for i, nt := range cands {
			if pass == 0 && order[nt.n] < after {
				continue
			}
			if len(c.splitByline(nt.text)) > 0 {
				anchor = i
				break
			}
		}
	}
	if anchor < 0 {
		return nil
	}
	box := bylineBox(cands[anchor].n)
	raw := []string{cands[anchor].text}
	for i, nt := range cands {
		if i != anchor && box != nil && (nt.n == box || isAncestor(box, nt.n)) {
			raw = append(raw, nt.text)
		}
	}
	return c.cleanAuthors(raw)
}

// bylineBox is the block a byline element stands in.
func bylineBox(n *html.Node) *html.Node {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		switch p.DataAtom {
		case atom.Div, atom.P, atom.Section, atom.Header, atom.Address, atom.Li, atom.Ul, atom.Td, atom.Article, atom.Footer, atom.Figure:
			return p
		}
	}
	return nil
}

// nameArticles are articles a name does not start with.
var nameArticles = map[string]bool{"the": true, "el": true, "la": true, "le": true, "los": true, "las": true,
	"les": true, "die": true, "der": true, "das": true, "il": true, "lo": true, "os": true, "an": true, "a": true}

// gluedWord reports whether w is two words run together ("KeaneJournal"):
// a capital inside it after a lower-case letter, not in "McDonald",
// "MacLeod", "DeSantis" or "O'Neil".
func gluedWord(w string) bool {
	rs := []rune(w)
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			prefix := string(rs[:i])
			switch prefix {
			case "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St":
				continue
			}
			return true
		}
	}
	return false
}
