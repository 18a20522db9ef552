package news

import (
	"net/url"
	"strings"
)

// This file is the one rule for links: what an absolute http(s) URL is,
// which query parameters only track the reader, and how an article's URL
// is reduced to the key that recognises it.

// IsAbsoluteHTTP reports whether s is an absolute http(s) URL with a host.
func IsAbsoluteHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && isHTTP(u)
}

func isHTTP(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// AbsoluteHTTP resolves ref, trimmed of white space, against base (nil:
// ref is taken as it is) and returns the result when it is an absolute
// http(s) URL with a host, "" otherwise.
func AbsoluteHTTP(base *url.URL, ref string) string {
	if u := absolute(base, ref); u != nil {
		return u.String()
	}
	return ""
}

func absolute(base *url.URL, ref string) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !isHTTP(u) {
		return nil
	}
	return u
}

// CanonicalURL is AbsoluteHTTP without the tracking parameters (utm_*,
// fbclid, yclid …; see isTracking). Every other parameter stays, since one
// may select the article (?id=123); when a tracking parameter was removed
// the rest are sorted. It returns "" when ref is not an absolute http(s) URL.
func CanonicalURL(base *url.URL, ref string) string {
	u := absolute(base, ref)
	if u == nil {
		return ""
	}
	if u.RawQuery != "" {
		if q := u.Query(); dropTracking(q) {
			u.RawQuery = q.Encode()
		}
	}
	return u.String()
}

// LinkKey reduces an article URL to the form used to recognise it: no
// scheme (http and https are the same article), lower-case host without
// "www." and default port, no fragment, no trailing slash, no tracking
// parameters, the other parameters sorted. A link that is not an absolute
// http(s) URL is only trimmed. "" stays "".
func LinkKey(link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil || !isHTTP(u) {
		return link
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	var b strings.Builder
	b.WriteString(host)
	b.WriteString(strings.TrimRight(u.EscapedPath(), "/"))
	if u.RawQuery != "" {
		q := u.Query()
		dropTracking(q)
		if len(q) > 0 {
			b.WriteByte('?')
			b.WriteString(q.Encode())
		}
	}
	return b.String()
}

// trackingParams are the query parameters besides utm_* that never change
// which article a URL points to: click ids of Facebook, Google, Yandex
// Direct and Yandex search, and Yandex's ad marker.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "yclid": true, "ysclid": true, "_openstat": true,
}

// isTracking reports whether the query parameter k (any case) only tracks
// the reader.
func isTracking(k string) bool {
	k = strings.ToLower(k)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// dropTracking deletes the tracking parameters from q and reports whether
// there were any.
func dropTracking(q url.Values) bool {
	dropped := false
	for k := range q {
		if isTracking(k) {
			delete(q, k)
			dropped = true
		}
	}
	return dropped
}
