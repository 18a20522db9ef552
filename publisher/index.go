package publisher

import (
	"bytes"
	"html/template"
)

// indexTemplate is the plain HTML index: no script, one entry per section
// with links to its three feeds, and a <link rel="alternate"> per feed so
// that readers can discover them.
var indexTemplate = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{- range .Sections}}
<link rel="alternate" type="application/rss+xml" title="{{.Title}} (RSS)" href="{{.RSS}}">
<link rel="alternate" type="application/atom+xml" title="{{.Title}} (Atom)" href="{{.Atom}}">
<link rel="alternate" type="application/feed+json" title="{{.Title}} (JSON Feed)" href="{{.JSON}}">
{{- end}}
</head>
<body>
<h1>{{.Title}}</h1>
<p>News feeds by section. Every item links to its original article and credits its source.</p>
{{- range .Sections}}
<section>
<h2>{{.Title}}</h2>
{{- if .Description}}
<p>{{.Description}}</p>
{{- end}}
<p><a href="{{.RSS}}">RSS</a> · <a href="{{.Atom}}">Atom</a> · <a href="{{.JSON}}">JSON Feed</a></p>
</section>
{{- end}}
</body>
</html>
`))

type indexSection struct {
	Title, Description string
	RSS, Atom, JSON    string
}

// renderIndex renders the index page of the configured sections.
func (p *Publisher) renderIndex() []byte {
	data := struct {
		Title    string
		Sections []indexSection
	}{Title: plainText(p.title)}
	for _, s := range p.sections {
		title := plainText(s.Title)
		if title == "" {
			title = plainText(s.ID)
		}
		data.Sections = append(data.Sections, indexSection{
			Title:       title,
			Description: plainText(s.Description),
			RSS:         p.base + feedPath(s.ID, formatRSS),
			Atom:        p.base + feedPath(s.ID, formatAtom),
			JSON:        p.base + feedPath(s.ID, formatJSON),
		})
	}
	var buf bytes.Buffer
	if err := indexTemplate.Execute(&buf, data); err != nil {
		// The template and its data are ours: a failure is a bug.
		panic("publisher: render index: " + err.Error())
	}
	return buf.Bytes()
}
