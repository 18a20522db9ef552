package extract

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
)

// ldArticle is what the JSON-LD layer gives: the fields of the page's
// article object (NewsArticle, BlogPosting, …, or a WebPage as a fallback).
type ldArticle struct {
	Headline  string
	Name      string
	Authors   []string // person names; organisations left out
	OrgNames  []string // author and publisher organisations
	Published string
	Created   string
	Modified  string
	Section   string
	Lang      string
	Image     string
	URL       string
	IsArticle bool // an article type, not a WebPage fallback
	Body      string
}

// articleTypes are the schema.org types read as the page's article.
var articleTypes = map[string]int{
	"newsarticle": 3, "reportagenewsarticle": 3, "analysisnewsarticle": 3,
	"opinionnewsarticle": 3, "backgroundnewsarticle": 3, "reviewnewsarticle": 3,
	"askpublicnewsarticle": 3, "article": 2, "blogposting": 2, "liveblogposting": 2,
	"techarticle": 2, "scholarlyarticle": 2, "report": 2, "socialmediaposting": 2,
	"satiricalarticle": 2, "medicalscholarlyarticle": 2, "review": 1, "posting": 1,
	"webpage": 0, "itempage": 0, "medicalwebpage": 0,
}

// maxLDBytes bounds one JSON-LD script; larger ones are skipped.
const maxLDBytes = 1 << 20

// parseJSONLD reads the JSON-LD scripts of a page and returns the best
// article object found (nil when there is none) and the names of the
// organisations mentioned anywhere (publisher, author organisations).
func parseJSONLD(scripts []string) *ldArticle {
	var best *ldArticle
	bestRank := -1
	var orgs []string
	for _, s := range scripts {
		if len(s) > maxLDBytes {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(cleanJSON(s)))
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				break
			}
			var objs []map[string]any
			collectLD(v, &objs, 0)
			for _, o := range objs {
				orgs = append(orgs, ldOrgNames(o)...)
				rank, ok := ldRank(o)
				if !ok {
					continue
				}
				if rank > bestRank {
					best, bestRank = ldRead(o), rank
				}
			}
		}
	}
	if best != nil {
		best.OrgNames = append(best.OrgNames, orgs...)
	} else if len(orgs) > 0 {
		best = &ldArticle{OrgNames: orgs}
	}
	return best
}

// cleanJSON strips the wrappers pages put around JSON-LD (HTML comments,
// CDATA) and replaces raw control characters inside strings, which
// encoding/json rejects.
func cleanJSON(s string) []byte {
	s = strings.TrimSpace(s)
	for _, p := range []string{"<!--", "//<![CDATA[", "<![CDATA["} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"-->", "//]]>", "]]>"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), p)
	}
	b := []byte(s)
	inStr, esc := false, false
	for i, c := range b {
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case inStr && c < 0x20:
			b[i] = ' '
		}
	}
	return b
}

// collectLD gathers every JSON object under v that carries an @type.
func collectLD(v any, out *[]map[string]any, depth int) {
	if depth > 12 || len(*out) > 200 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectLD(e, out, depth+1)
		}
	case map[string]any:
		if _, ok := t["@type"]; ok {
			*out = append(*out, t)
		}
		if g, ok := t["@graph"]; ok {
			collectLD(g, out, depth+1)
		}
		for _, k := range []string{"mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"} {
			if e, ok := t[k].(map[string]any); ok {
				collectLD(e, out, depth+1)
			}
		}
	}
}

// ldTypes returns the lower-cased @type values of o.
func ldTypes(o map[string]any) []string {
	var out []string
	switch t := o["@type"].(type) {
	case string:
		out = append(out, strings.ToLower(t))
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
	}
	for i, s := range out {
		if j := strings.LastIndexAny(s, "/:"); j >= 0 {
			out[i] = s[j+1:]
		}
	}
	return out
}

// ldRank says how good o is as the page's article; ok is false when o is
// not an article or web page at all.
func ldRank(o map[string]any) (int, bool) {
	best, ok := -1, false
	for _, t := range ldTypes(o) {
		if r, k := articleTypes[t]; k && r > best {
			best, ok = r, true
		}
	}
	if !ok {
		return 0, false
	}
	// an object with a headline and a date is worth more than a bare one
	rank := best * 4
	if ldString(o["headline"]) != "" {
		rank++
	}
	if ldString(o["datePublished"]) != "" {
		rank += 2
	}
	return rank, true
}

func ldRead(o map[string]any) *ldArticle {
	a := &ldArticle{
		Headline:  ldString(o["headline"]),
		Name:      ldString(o["name"]),
		Published: ldString(o["datePublished"]),
		Created:   ldString(o["dateCreated"]),
		Modified:  ldString(o["dateModified"]),
		Section:   ldString(o["articleSection"]),
		Lang:      ldString(o["inLanguage"]),
		Image:     ldImage(o["image"]),
		URL:       ldString(o["url"]),
		Body:      ldString(o["articleBody"]),
	}
	if a.Headline == "" {
		a.Headline = a.Name
	}
	if a.URL == "" {
		if m, ok := o["mainEntityOfPage"].(map[string]any); ok {
			a.URL = ldString(m["@id"])
		} else {
			a.URL = ldString(o["mainEntityOfPage"])
		}
	}
	for _, t := range ldTypes(o) {
		if articleTypes[t] > 0 {
			a.IsArticle = true
		}
	}
	a.Authors = ldPeople(o["author"])
	if len(a.Authors) == 0 {
		a.Authors = ldPeople(o["creator"])
	}
	return a
}

// ldString returns v as a trimmed string: a string, the first string of an
// array, or the name/@value of an object.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(t))
	case []any:
		for _, e := range t {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "name", "@id"} {
			if s, ok := t[k].(string); ok && s != "" {
				return strings.TrimSpace(html.UnescapeString(s))
			}
		}
	case float64:
		return ""
	}
	return ""
}

func ldImage(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		for _, e := range t {
			if s := ldImage(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s, ok := t[k].(string); ok && s != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// ldPeople returns the names in an author value: strings, Person objects
// or arrays of them; Organization objects are left out.
func ldPeople(v any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range t {
			out = append(out, ldPeople(e)...)
		}
	case map[string]any:
		for _, ty := range ldTypes(t) {
			if ty == "organization" || ty == "newsmediaorganization" || ty == "corporation" ||
				ty == "organisation" || ty == "website" || ty == "brand" {
				return nil
			}
		}
		if s := ldString(t["name"]); s != "" {
			out = append(out, s)
		} else if g, f := ldString(t["givenName"]), ldString(t["familyName"]); g != "" || f != "" {
			out = append(out, strings.TrimSpace(g+" "+f))
		}
	}
	return out
}

// ldOrgNames returns the names of organisations o names as its publisher
// or author, and o's own name when o is an organisation.
func ldOrgNames(o map[string]any) []string {
	var out []string
	for _, ty := range ldTypes(o) {
		if strings.Contains(ty, "organization") || ty == "website" || ty == "corporation" {
			if s := ldString(o["name"]); s != "" {
				out = append(out, s)
			}
			if s := ldString(o["alternateName"]); s != "" {
				out = append(out, s)
			}
		}
	}
	for _, k := range []string{"publisher", "author", "sourceOrganization", "provider"} {
		var vals []any
		switch t := o[k].(type) {
		case map[string]any:
			vals = append(vals, t)
		case []any:
			vals = t
		}
		for _, e := range vals {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			for _, ty := range ldTypes(m) {
				if strings.Contains(ty, "organization") || ty == "corporation" || (k == "publisher" && ty != "person") {
					if s := ldString(m["name"]); s != "" {
						out = append(out, s)
					}
					break
				}
			}
		}
	}
	return out
}
