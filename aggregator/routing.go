package aggregator

import (
	"fmt"

	"github.com/syndic/syndic/aggregator/route"
	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/news"
)

// NewRouter compiles the sections' rules and the sources' section names of cfg.
func NewRouter(cfg config.Config) (*route.Router, error) {
	var rules []route.Rule
	for _, s := range cfg.Sections {
		if s.Match.Empty() {
			continue
		}
		rules = append(rules, route.Rule{Section: s.ID, Any: s.Match.Any, Not: s.Match.Not, In: s.Match.In, Sources: s.Match.Sources})
	}
	var refs []route.SourceRef
	for _, src := range cfg.Sources {
		for _, ref := range src.Sections {
			refs = append(refs, route.SourceRef{Source: src.ID, Section: ref.ID, Categories: ref.Categories})
		}
	}
	r, err := route.New(rules, refs)
	if err != nil {
		return nil, fmt.Errorf("compile section rules: %w", err)
	}
	return r, nil
}

// ItemText is the view of an item that routing rules read: its title, its
// plain text (news.Item.BodyText) and its own categories.
func ItemText(it news.Item) route.Text {
	return route.Text{Source: it.SourceID, Title: it.Title, Body: it.BodyText(), Categories: it.Categories}
}
