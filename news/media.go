package news

import (
	"mime"
	"net/url"
	"path"
	"strings"
)

// This file is the one rule for the media attached to items: which
// enclosures an item keeps, how their types are written, and what type an
// image has when nobody said.

// MaxEnclosures is how many enclosures an item keeps; the upstream's first
// ones are kept.
const MaxEnclosures = 8

// AddEnclosure returns list with e added, its type cleaned by MediaType
// and a negative length made 0, unless e has no URL, its URL is already in
// list or list holds MaxEnclosures. The caller makes e.URL absolute.
func AddEnclosure(list []Enclosure, e Enclosure) []Enclosure {
	if e.URL == "" || len(list) >= MaxEnclosures {
		return list
	}
	for _, o := range list {
		if o.URL == e.URL {
			return list
		}
	}
	e.Type = MediaType(e.Type)
	e.Length = max(e.Length, 0)
	return append(list, e)
}

// MediaType returns the MIME type s names, in lower case and without
// parameters ("Audio/MPEG; charset=x" is "audio/mpeg"), or "" when s is
// not one.
func MediaType(s string) string {
	t, _, err := mime.ParseMediaType(strings.TrimSpace(s))
	if err != nil || strings.Count(t, "/") != 1 || strings.HasSuffix(t, "/") || strings.HasPrefix(t, "/") {
		return ""
	}
	return t
}

// imageTypes are the image types read from a URL's extension: a fixed
// table rather than the system's, so that every machine reads a URL alike.
var imageTypes = map[string]string{
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif",
}

// ImageType returns the type of the image the URL's path names by its
// extension ("https://x/a.JPG?w=2" is "image/jpeg"), or "" when the path
// does not end in the extension of an image format.
func ImageType(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return imageTypes[strings.ToLower(path.Ext(u.Path))]
}
