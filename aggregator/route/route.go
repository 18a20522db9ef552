// Package route puts items into sections by rules editors can read: words
// that match their inflected forms in Russian and English, prefixes,
// phrases, exclusions and source restrictions (see term), plus the sections
// a source names itself.
package route

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Fields an item's rules can look into.
const (
	FieldTitle      = "title"
	FieldBody       = "body"
	FieldCategories = "categories"
)

// DefaultIn is where rules look when a section does not say.
var DefaultIn = []string{FieldTitle, FieldBody}

// Rule is a section's routing rule as configured.
type Rule struct {
	Section string
	Any     []string // terms, any of which puts an item in
	Not     []string // terms, any of which keeps an item out
	In      []string // fields to look into; DefaultIn when empty
	Sources []string // only items of these sources; all when empty
}

// SourceRef is a section a source names for its items: all of them, or
// those whose own categories include one of Categories.
type SourceRef struct {
	Source     string
	Section    string
	Categories []string
}

// Text is the plain-text view of an item that rules read.
type Text struct {
	Source     string
	Title      string
	Body       string
	Categories []string
}

// Router routes items. It is immutable and safe for concurrent use.
type Router struct {
	index       *index
	fields      []string // every field some rule reads
	sections    []section
	bySource    map[string][]SourceRef
	fingerprint string
}

type section struct {
	id      string
	any     []int // term ids in the index, in rule order
	not     []int
	in      []string
	sources map[string]bool
}

// New compiles the rules. Every term is checked; the error names the
// section and the term.
func New(rules []Rule, refs []SourceRef) (*Router, error) {
	r := &Router{bySource: map[string][]SourceRef{}, index: newIndex()}
	usedField := map[string]bool{}
	for _, ref := range refs {
		r.bySource[ref.Source] = append(r.bySource[ref.Source], ref)
	}
	for _, rule := range rules {
		sec := section{id: rule.Section, in: rule.In}
		if len(sec.in) == 0 {
			sec.in = DefaultIn
		}
		for _, f := range sec.in {
			if f != FieldTitle && f != FieldBody && f != FieldCategories {
				return nil, fmt.Errorf("section %s: unknown field %q (want title, body or categories)", rule.Section, f)
			}
			if !usedField[f] {
				usedField[f] = true
				r.fields = append(r.fields, f)
			}
		}
		for _, raw := range rule.Any {
			t, err := parseTerm(raw)
			if err != nil {
				return nil, fmt.Errorf("section %s: %w", rule.Section, err)
			}
			sec.any = append(sec.any, r.index.add(t))
		}
		for _, raw := range rule.Not {
			t, err := parseTerm(raw)
			if err != nil {
				return nil, fmt.Errorf("section %s: %w", rule.Section, err)
			}
			sec.not = append(sec.not, r.index.add(t))
		}
		if len(rule.Sources) > 0 {
			sec.sources = map[string]bool{}
			for _, s := range rule.Sources {
				sec.sources[s] = true
			}
		}
		r.sections = append(r.sections, sec)
	}
	sum := sha256.New()
	json.NewEncoder(sum).Encode(struct {
		Rules []Rule
		Refs  []SourceRef
	}{rules, refs})
	r.fingerprint = hex.EncodeToString(sum.Sum(nil))
	return r, nil
}

// Fingerprint changes whenever the rules or the sources' section names do:
// stored items must be routed again when it differs from the last run's.
func (r *Router) Fingerprint() string { return r.fingerprint }

// Route returns the sections an item belongs to, sorted, without repeats.
func (r *Router) Route(t Text) []string {
	var out []string
	for _, d := range r.decide(t, false) {
		if d.In {
			out = append(out, d.Section)
		}
	}
	return out
}

// Decision says whether an item is in a section and why.
type Decision struct {
	Section string
	In      bool
	Reason  string
}

// Explain returns a decision for every section that has a rule or that the
// item's source names, in a stable order: what an editor reads to tune rules.
func (r *Router) Explain(t Text) []Decision { return r.decide(t, true) }

func (r *Router) decide(t Text, explain bool) []Decision {
	found := r.index.scan(t, r.fields)
	by := map[string]*Decision{}
	var order []string
	set := func(id string, in bool, reason string) {
		d, ok := by[id]
		if !ok {
			d = &Decision{Section: id}
			by[id] = d
			order = append(order, id)
		}
		if in && !d.In {
			d.In, d.Reason = true, reason
		} else if !d.In && d.Reason == "" {
			d.Reason = reason
		}
	}
	for _, ref := range r.bySource[t.Source] {
		if len(ref.Categories) == 0 {
			set(ref.Section, true, fmt.Sprintf("source %s names this section", ref.Source))
			continue
		}
		if c, ok := anyCategory(t.Categories, ref.Categories); ok {
			set(ref.Section, true, fmt.Sprintf("source %s names this section for category %q", ref.Source, c))
		} else if explain {
			set(ref.Section, false, fmt.Sprintf("source %s names this section only for categories %s", ref.Source, strings.Join(ref.Categories, ", ")))
		}
	}
	for _, sec := range r.sections {
		if sec.sources != nil && !sec.sources[t.Source] {
			if explain {
				set(sec.id, false, fmt.Sprintf("rule takes only sources %s", strings.Join(sortedKeys(sec.sources), ", ")))
			}
			continue
		}
		if len(sec.any) == 0 && sec.sources == nil {
			continue
		}
		var why string
		if len(sec.any) == 0 {
			why = fmt.Sprintf("rule takes every item of source %s", t.Source)
		} else if m, ok := r.first(found, sec.any, sec.in); ok {
			why = fmt.Sprintf("term %s matched %q in %s", m.term, m.text, m.field)
		} else {
			if explain {
				set(sec.id, false, fmt.Sprintf("no term matched in %s", strings.Join(sec.in, ", ")))
			}
			continue
		}
		if m, ok := r.first(found, sec.not, sec.in); ok {
			if explain {
				set(sec.id, false, fmt.Sprintf("excluded: term %s matched %q in %s (though %s)", m.term, m.text, m.field, why))
			}
			continue
		}
		set(sec.id, true, why)
	}
	out := make([]Decision, 0, len(order))
	for _, id := range order {
		out = append(out, *by[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Section < out[j].Section })
	return out
}

type match struct {
	term, text, field string
}

// first returns the first of ids (in rule order) found in any of fields.
func (r *Router) first(found map[string]hits, ids []int, fields []string) (match, bool) {
	for _, id := range ids {
		for _, f := range fields {
			if text, ok := found[f][id]; ok {
				return match{term: r.index.terms[id].raw, text: text, field: f}, true
			}
		}
	}
	return match{}, false
}

func anyCategory(have, want []string) (string, bool) {
	for _, h := range have {
		for _, w := range want {
			if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(w)) {
				return strings.TrimSpace(h), true
			}
		}
	}
	return "", false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
