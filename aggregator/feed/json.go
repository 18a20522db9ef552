package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/syndic/syndic/news"
)

// jsonItem is an item of JSON Feed 1.0 or 1.1.
type jsonItem struct {
	ID            json.RawMessage  `json:"id"` // a string, or a number in some 1.0 feeds
	URL           string           `json:"url"`
	ExternalURL   string           `json:"external_url"`
	Title         string           `json:"title"`
	ContentHTML   string           `json:"content_html"`
	ContentText   string           `json:"content_text"`
	Summary       string           `json:"summary"`
	Image         string           `json:"image"`
	BannerImage   string           `json:"banner_image"`
	DatePublished string           `json:"date_published"`
	DateModified  string           `json:"date_modified"`
	Author        *jsonAuthor      `json:"author"`
	Authors       []jsonAuthor     `json:"authors"`
	Tags          []string         `json:"tags"`
	Language      string           `json:"language"`
	Attachments   []jsonAttachment `json:"attachments"`
}

type jsonAttachment struct {
	URL      string `json:"url"`
	MIMEType string `json:"mime_type"`
	Size     int64  `json:"size_in_bytes"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// parseJSON reads a JSON Feed, streaming the items so that only the first
// MaxItems are decoded.
func parseJSON(data []byte, opt Options, base *url.URL) (*Feed, error) {
	if data[0] != '{' {
		return nil, fmt.Errorf("%w: JSON that is not an object", ErrNotFeed)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(err)
	}
	var (
		version, title, home, lang string
		items                      []jsonItem
		total                      int
	)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(err)
		}
		key, _ := tok.(string)
		switch key {
		case "version":
			err = dec.Decode(&version)
		case "title":
			err = dec.Decode(&title)
		case "home_page_url":
			err = dec.Decode(&home)
		case "language":
			err = dec.Decode(&lang)
		case "items":
			items, total, err = decodeItems(dec, opt.MaxItems)
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			if key == "version" || key == "items" || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, jsonError(err)
			}
			// A field of the wrong type (a number for a title) is
			// ignored; the decoder has consumed the value.
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) {
				return nil, jsonError(err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(err)
	}
	if !strings.HasPrefix(version, "https://jsonfeed.org/version/") && !strings.HasPrefix(version, "http://jsonfeed.org/version/") {
		return nil, fmt.Errorf("%w: JSON without a JSON Feed version", ErrNotFeed)
	}

	f := &Feed{
		Title:    news.PlainLine(title),
		Link:     news.AbsoluteHTTP(base, home),
		Language: strings.TrimSpace(lang),
		Dropped:  max(total-opt.MaxItems, 0),
		Items:    make([]news.Item, 0, len(items)),
	}
	if base == nil && f.Link != "" {
		base, _ = url.Parse(f.Link)
	}
	for _, ji := range items {
		n := news.Item{
			GUID:      jsonID(ji.ID),
			Title:     news.PlainLine(ji.Title),
			Summary:   strings.TrimSpace(ji.Summary),
			Lang:      f.Language,
			Published: date(ji.DatePublished, nil, opt.Location),
			Updated:   date(ji.DateModified, nil, opt.Location),
		}
		if ji.Language != "" {
			n.Lang = ji.Language
		}
		n.Link = news.AbsoluteHTTP(base, ji.URL)
		if n.Link == "" {
			n.Link = news.AbsoluteHTTP(base, ji.ExternalURL)
		}
		if n.Link == "" {
			n.Link = news.AbsoluteHTTP(nil, n.GUID)
		}
		n.Content = strings.TrimSpace(ji.ContentHTML)
		if n.Content == "" {
			n.Content = toHTML(ji.ContentText)
		}
		if ji.Author != nil {
			n.Authors = appendUnique(n.Authors, personName(ji.Author.Name))
		}
		for _, a := range ji.Authors {
			n.Authors = appendUnique(n.Authors, personName(a.Name))
		}
		n.Categories = categories(ji.Tags)
		imgBase := base
		if n.Link != "" {
			imgBase, _ = url.Parse(n.Link)
		}
		n.Image = news.AbsoluteHTTP(imgBase, ji.Image)
		if n.Image == "" {
			n.Image = news.AbsoluteHTTP(imgBase, ji.BannerImage)
		}
		for _, a := range ji.Attachments {
			n.Enclosures = news.AddEnclosure(n.Enclosures, news.Enclosure{URL: news.AbsoluteHTTP(imgBase, a.URL), Type: a.MIMEType, Length: a.Size})
		}
		f.Items = append(f.Items, n)
	}
	return f, nil
}

// decodeItems decodes the items array, keeping the first max; it returns
// the count of all of them.
func decodeItems(dec *json.Decoder, max int) ([]jsonItem, int, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, 0, err
	}
	if tok == nil {
		return nil, 0, nil // "items": null
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, 0, fmt.Errorf("items is not an array")
	}
	var items []jsonItem
	total := 0
	for dec.More() {
		total++
		if total > max {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, 0, err
			}
			continue
		}
		var it jsonItem
		if err := dec.Decode(&it); err != nil {
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) {
				return nil, 0, err
			}
			// An item with a field of the wrong type keeps the
			// fields that decoded.
		}
		items = append(items, it)
	}
	_, err = dec.Token() // ']'
	return items, total, err
}

func jsonID(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s)
	}
	if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
		return string(raw)
	}
	return ""
}

func jsonError(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("parse JSON feed: %w: truncated JSON", ErrMalformed)
	}
	return fmt.Errorf("parse JSON feed: %w: %v", ErrMalformed, err)
}
