package publisher

import (
	"net/http"
	"strings"
	"time"
)

// serveDoc writes a cached document: headers from precomputed values, the
// body in the best encoding the client accepts, or 304 when its validators
// match. It parses no date unless If-Modified-Since differs from the
// document's own Last-Modified, and allocates nothing on its common paths.
func (p *Publisher) serveDoc(w http.ResponseWriter, r *http.Request, d *doc) {
	e := negotiate(r.Header["Accept-Encoding"], d)
	v := &d.vars[e]
	h := w.Header()
	h["Etag"] = v.etag
	h["Vary"] = varyValue
	if d.vary != nil {
		h["Vary"] = d.vary
	}
	h["Cache-Control"] = d.cacheControl
	if d.allowOrigin != nil {
		h["Access-Control-Allow-Origin"] = d.allowOrigin
	}
	if d.link != nil {
		h["Link"] = d.link
	}
	if notModified(r.Header, d) {
		// RFC 9110 15.4.5: the ETag makes Last-Modified of no use to caches here.
		w.WriteHeader(http.StatusNotModified)
		p.m.notModified.Inc()
		return
	}
	if d.lastModified != nil {
		h["Last-Modified"] = d.lastModified
	}
	h["Content-Type"] = d.contentType
	if v.encoding != nil {
		h["Content-Encoding"] = v.encoding
	}
	h["Content-Length"] = v.length
	w.WriteHeader(http.StatusOK)
	p.m.ok.Inc()
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}

// notModified evaluates If-None-Match (any of the document's ETags, weak
// or strong, or *) or, when absent, If-Modified-Since.
func notModified(h http.Header, d *doc) bool {
	if inm := h["If-None-Match"]; len(inm) > 0 {
		for _, s := range inm {
			if etagListMatches(s, d) {
				return true
			}
		}
		return false
	}
	ims := h["If-Modified-Since"]
	if len(ims) == 0 || d.lastModified == nil {
		return false
	}
	if ims[0] == d.lastModified[0] {
		return true
	}
	t, err := http.ParseTime(ims[0])
	return err == nil && !d.mod.Truncate(time.Second).After(t)
}

// etagListMatches reports whether an If-None-Match value names one of d's ETags.
func etagListMatches(s string, d *doc) bool {
	for s != "" {
		var tag string
		tag, s, _ = strings.Cut(s, ",")
		tag = strings.TrimSpace(tag)
		tag = strings.TrimPrefix(tag, "W/")
		if tag == "*" {
			return true
		}
		for _, et := range d.etags {
			if et != "" && tag == et {
				return true
			}
		}
	}
	return false
}

// negotiate picks brotli, gzip or identity from Accept-Encoding: the
// smallest coding the client accepts (q>0) and the document has.
func negotiate(ae []string, d *doc) encoding {
	br, gz := accepted(ae)
	if br && d.vars[encBrotli].body != nil {
		return encBrotli
	}
	if gz && d.vars[encGzip].body != nil {
		return encGzip
	}
	return encIdentity
}

// accepted reads an Accept-Encoding header: whether brotli and gzip are
// acceptable (names in any case, q=0 refusing).
func accepted(ae []string) (br, gz bool) {
	for _, s := range ae {
		for s != "" {
			var tok string
			tok, s, _ = strings.Cut(s, ",")
			name, params, _ := strings.Cut(tok, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if params != "" && zeroQ(params) {
				continue
			}
			switch {
			case name == "br":
				br = true
			case name == "gzip" || name == "x-gzip":
				gz = true
			case name == "*":
				br, gz = true, true
			}
		}
	}
	return br, gz
}

// zeroQ reports whether coding parameters say q=0.
func zeroQ(params string) bool {
	_, q, ok := strings.Cut(params, "q=")
	if !ok {
		return false
	}
	q = strings.TrimSpace(q)
	if q == "" || q[0] != '0' {
		return false
	}
	for _, c := range q[1:] {
		if c != '.' && c != '0' {
			return c == ' ' || c == ';'
		}
	}
	return true
}
