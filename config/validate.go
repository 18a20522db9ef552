package config

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"

	"github.com/syndic/syndic/news"
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// applyDefaults fills per-source values the file leaves out.
func (c *Config) applyDefaults() {
	for i := range c.Sources {
		s := &c.Sources[i]
		if s.Interval == 0 {
			s.Interval = Duration(DefaultInterval)
		}
		if s.Republish == "" {
			s.Republish = news.RepublishFull
		}
		if s.Name == "" {
			s.Name = s.ID
		}
		if s.Kind == "" {
			s.Kind = KindFeed
		}
	}
	for i := range c.Sections {
		if c.Sections[i].Title == "" {
			c.Sections[i].Title = c.Sections[i].ID
		}
	}
}

// Validate checks a decoded config and returns every problem found, or nil.
// Code that builds a Config by hand should call it before use.
func (c *Config) Validate() error {
	if errs := c.validate(nil); len(errs) > 0 {
		return errs
	}
	return nil
}

// validate skips fields in skip, which were already reported while decoding.
func (c *Config) validate(skip map[string]bool) Errors {
	var errs Errors
	bad := func(path, format string, args ...any) {
		if skip[path] {
			return
		}
		p := c.At(path)
		errs = append(errs, Error{File: c.file, Line: p.Line, Column: p.Column, Field: path, Msg: fmt.Sprintf(format, args...)})
	}

	if c.Database == "" {
		bad("database", "must name a SQLite file or a postgres:// URL")
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		bad("listen", "invalid address %q (want host:port, e.g. 127.0.0.1:8080)", c.Listen)
	}
	if _, _, err := net.SplitHostPort(c.OpsListen); c.OpsListen != "" && err != nil {
		bad("ops_listen", "invalid address %q (want host:port, e.g. 127.0.0.1:9100)", c.OpsListen)
	}
	if c.PublicURL != "" && !news.IsAbsoluteHTTP(c.PublicURL) {
		bad("public_url", "invalid URL %q (want an absolute http(s) URL)", c.PublicURL)
	}
	for kind, lists := range map[string][][]string{"speakers.merge": c.Speakers.Merge, "speakers.separate": c.Speakers.Separate} {
		for i, l := range lists {
			path := fmt.Sprintf("%s[%d]", kind, i)
			if len(l) < 2 {
				bad(path, "needs two keys or names or more, got %d", len(l))
			}
			for j, k := range l {
				if strings.TrimSpace(k) == "" {
					bad(fmt.Sprintf("%s[%d]", path, j), "must be a speaker's key or name")
				}
			}
		}
	}
	if c.FeedLength < 1 || c.FeedLength > 1000 {
		bad("feed_length", "must be between 1 and 1000, got %d", c.FeedLength)
	}
	if c.Fetch.Timeout <= 0 {
		bad("fetch.timeout", "must be positive")
	}
	if c.Fetch.MaxBytes <= 0 {
		bad("fetch.max_bytes", "must be positive")
	}
	if c.Fetch.MaxItems <= 0 {
		bad("fetch.max_items", "must be positive")
	}
	for key, d := range map[string]Duration{"fetch.header_timeout": c.Fetch.HeaderTimeout,
		"fetch.extract_timeout": c.Fetch.ExtractTimeout, "fetch.max_backoff": c.Fetch.MaxBackoff} {
		if d <= 0 {
			bad(key, "must be positive")
		}
	}
	for key, n := range map[string]int{"fetch.max_redirects": c.Fetch.MaxRedirects,
		"fetch.max_depth": c.Fetch.MaxDepth, "fetch.flag_after": c.Fetch.FlagAfter,
		"fetch.pages_per_host": c.Fetch.PagesPerHost} {
		if n <= 0 {
			bad(key, "must be positive")
		}
	}
	if c.Fetch.MaxRedirects > 50 {
		bad("fetch.max_redirects", "%d is too many (at most 50)", c.Fetch.MaxRedirects)
	}
	if c.Fetch.HostSpacing < 0 || c.Fetch.HostSpacing.D() > time.Minute {
		bad("fetch.host_spacing", "must be between 0s and 1m, got %s", c.Fetch.HostSpacing)
	}
	if c.Fetch.PageWait < 0 || c.Fetch.PageWait.D() > time.Hour {
		bad("fetch.page_wait", "must be between 0s and 1h, got %s", c.Fetch.PageWait)
	}
	if c.Fetch.Lease.D() < time.Second || c.Fetch.Lease.D() > time.Hour {
		bad("fetch.lease", "must be between 1s and 1h, got %s", c.Fetch.Lease)
	}
	if c.Fetch.MinInterval.D() < MinInterval {
		bad("fetch.min_interval", "%s is too short (at least %s)", c.Fetch.MinInterval, MinInterval)
	}
	if c.Fetch.MaxInterval < c.Fetch.MinInterval {
		bad("fetch.max_interval", "%s is shorter than fetch.min_interval %s", c.Fetch.MaxInterval, c.Fetch.MinInterval)
	}

	if c.WebSubHub != "" {
		if err := checkURL(c.WebSubHub); err != nil {
			bad("websub_hub", "%v", err)
		}
	}
	if c.Attribution.Template != "" {
		if _, err := news.ParseAttributionTemplate(c.Attribution.Template); err != nil {
			bad("attribution.template", "%v", err)
		}
	}

	sections := map[string]bool{}
	if len(c.Sections) == 0 {
		bad("sections", "at least one section is needed")
	}
	for i, s := range c.Sections {
		path := fmt.Sprintf("sections[%d]", i)
		switch {
		case s.ID == "":
			bad(path+".id", "missing")
		case !idPattern.MatchString(s.ID):
			bad(path+".id", "invalid id %q (lower-case letters, digits, '-' and '_')", s.ID)
		case sections[s.ID]:
			bad(path+".id", "duplicate section id %q", s.ID)
		}
		sections[s.ID] = true
	}

	sources := map[string]bool{}
	if len(c.Sources) == 0 {
		bad("sources", "at least one source is needed")
	}
	for i, s := range c.Sources {
		path := fmt.Sprintf("sources[%d]", i)
		switch {
		case s.ID == "":
			bad(path+".id", "missing")
		case !idPattern.MatchString(s.ID):
			bad(path+".id", "invalid id %q (lower-case letters, digits, '-' and '_')", s.ID)
		case sources[s.ID]:
			bad(path+".id", "duplicate source id %q", s.ID)
		}
		sources[s.ID] = true
		if s.URL == "" {
			bad(path+".url", "missing")
		} else if err := checkURL(s.URL); err != nil {
			bad(path+".url", "%v", err)
		}
		if s.Attribution.Link != "" {
			if err := checkURL(s.Attribution.Link); err != nil {
				bad(path+".attribution.link", "%v", err)
			}
		}
		if s.Attribution.Template != "" {
			if _, err := news.ParseAttributionTemplate(s.Attribution.Template); err != nil {
				bad(path+".attribution.template", "%v", err)
			}
		}
		for j, ref := range s.Sections {
			rp := fmt.Sprintf("%s.sections[%d]", path, j)
			if ref.ID == "" {
				bad(rp+".id", "missing")
			} else if !sections[ref.ID] {
				bad(rp, "unknown section %q (sections: %s)", ref.ID, sectionIDs(c.Sections))
			}
		}
		if s.Interval.D() < MinInterval {
			bad(path+".interval", "%s is too short (at least %s)", s.Interval, MinInterval)
		}
		if s.MinInterval != 0 && s.MinInterval.D() < MinInterval {
			bad(path+".min_interval", "%s is too short (at least %s)", s.MinInterval, MinInterval)
		} else if s.MinInterval > s.Interval {
			bad(path+".min_interval", "%s is longer than the interval %s", s.MinInterval, s.Interval)
		}
		if s.MaxInterval != 0 && s.MaxInterval < s.Interval {
			bad(path+".max_interval", "%s is shorter than the interval %s", s.MaxInterval, s.Interval)
		}
		if s.MaxItems < 0 {
			bad(path+".max_items", "must be positive")
		}
		if s.Timezone != "" {
			if _, err := time.LoadLocation(s.Timezone); err != nil {
				bad(path+".timezone", "unknown time zone %q (want an IANA name such as Europe/Moscow)", s.Timezone)
			}
		}
		switch s.Kind {
		case KindFeed:
			if s.ItemLinks != "" {
				bad(path+".item_links", "only a source of kind page has item_links")
			}
		case KindPage:
			if s.ItemLinks == "" {
				bad(path+".item_links", "a source of kind page needs item_links, the CSS selector of its article links")
			}
			if s.FetchArticle != nil && !*s.FetchArticle {
				bad(path+".fetch_article", "a source of kind page always fetches its articles")
			}
		default:
			bad(path+".kind", "invalid value %q (want feed or page)", s.Kind)
		}
		for field, sel := range map[string]string{"item_links": s.ItemLinks, "extract.body": s.Extract.Body,
			"extract.title": s.Extract.Title, "extract.authors": s.Extract.Authors,
			"extract.date": s.Extract.Date, "extract.section": s.Extract.Section} {
			if err := checkSelector(sel); err != nil {
				bad(path+"."+field, "%v", err)
			}
		}
		for j, sel := range s.Extract.Drop {
			if err := checkSelector(sel); err != nil {
				bad(fmt.Sprintf("%s.extract.drop[%d]", path, j), "%v", err)
			}
		}
		switch s.Republish {
		case news.RepublishFull, news.RepublishExcerpt, news.RepublishTitle:
		default:
			bad(path+".republish", "invalid value %q (want full, excerpt or title)", s.Republish)
		}
	}
	named := map[string]bool{}
	for _, s := range c.Sources {
		for _, ref := range s.Sections {
			named[ref.ID] = true
		}
	}
	for i, s := range c.Sections {
		path := fmt.Sprintf("sections[%d]", i)
		if s.Match.Empty() && !named[s.ID] && s.ID != "" {
			bad(path, "section %q gets no items: give it match rules (match.any or match.sources) or name it in a source's sections", s.ID)
		}
		for j, src := range s.Match.Sources {
			if !sources[src] {
				bad(fmt.Sprintf("%s.match.sources[%d]", path, j), "unknown source %q", src)
			}
		}
		for j, f := range s.Match.In {
			if f != "title" && f != "body" && f != "categories" {
				bad(fmt.Sprintf("%s.match.in[%d]", path, j), "unknown field %q (want title, body or categories)", f)
			}
		}
		for j, t := range s.Match.Any {
			if err := checkTerm(t); err != nil {
				bad(fmt.Sprintf("%s.match.any[%d]", path, j), "%v", err)
			}
		}
		for j, t := range s.Match.Not {
			if err := checkTerm(t); err != nil {
				bad(fmt.Sprintf("%s.match.not[%d]", path, j), "%v", err)
			}
		}
	}
	return errs
}

// checkTerm catches the term mistakes config can see without the router:
// empty terms, a lone quote, a prefix of several words.
func checkTerm(t string) error {
	t = strings.TrimSpace(t)
	switch {
	case t == "" || t == "*" || t == `""`:
		return fmt.Errorf("empty term")
	case strings.HasPrefix(t, `"`) != strings.HasSuffix(t, `"`) || t == `"`:
		return fmt.Errorf("unbalanced quote in term %q", t)
	case strings.HasSuffix(t, "*") && len(strings.Fields(t)) > 1:
		return fmt.Errorf("a prefix term is one word followed by *, got %q", t)
	}
	return nil
}

func checkSelector(sel string) error {
	if sel == "" {
		return nil
	}
	if _, err := cascadia.ParseGroup(sel); err != nil {
		return fmt.Errorf("invalid CSS selector %q: %v", sel, err)
	}
	return nil
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("invalid URL %q", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("invalid URL %q (only http and https)", raw)
	}
	if u.Host == "" {
		return fmt.Errorf("invalid URL %q (no host)", raw)
	}
	return nil
}

func sectionIDs(ss []Section) string {
	seen := map[string]bool{}
	var ids []string
	for _, s := range ss {
		if s.ID != "" && !seen[s.ID] {
			seen[s.ID] = true
			ids = append(ids, s.ID)
		}
	}
	return strings.Join(ids, ", ")
}
