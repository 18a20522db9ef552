package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/syndic/syndic/news"
)

// The speaker registry: every name quotes are credited to, filed with its
// key and the forms it is written in (news.Speaker, made by the
// aggregator's quote.Identify), and grouped here into one speaker per
// person or body. Names are grouped cautiously:
//
//   - names with one key are one speaker ("Лев Пономарёв", "Лев Пономарев");
//   - two persons' names whose given name and surname have one skeleton
//     (news.NameSkeleton) are one speaker, in any script ("Сергей Лавров",
//     "Sergei Lavrov"; "Владимир Путин", "Владимир Владимирович Путин");
//   - a surname alone ("Путин", "Zelensky") joins the one speaker of that
//     surname, and stays a speaker of its own while there are none or two
//     ("Иванов" beside "Сергей Иванов" and "Иван Иванов");
//   - SpeakerRules merge and separate names by hand.
//
// A group's key is the key of one of its names, the same whatever the
// counts of quotes: a Russian person's before a Latin one's, the shortest,
// then the first in order ("sergey-lavrov", "vladimir-putin").

// SpeakerRules are merges and separations set by hand (the config's
// speakers:). Each entry of Merge is a list of keys or names that are one
// speaker, the first the key the group is known by; each entry of Separate
// is a list of keys or names no two of which are ever grouped.
type SpeakerRules struct {
	Merge    [][]string
	Separate [][]string
}

// SetNameReader gives the registry a function reading a typed name in
// any grammatical case as the nominatives it may be (quote.Nominatives),
// so that "Зеленского" finds a speaker filed only as "Volodymyr Zelensky".
func (s *Store) SetNameReader(read func(typed string) []string) {
	s.speakerMu.Lock()
	s.readName, s.cachedReg = read, nil
	s.regGen++
	s.speakerMu.Unlock()
}

// SetSpeakerRules sets the rules the registry groups names by.
func (s *Store) SetSpeakerRules(r SpeakerRules) {
	s.speakerMu.Lock()
	s.speakerRules, s.cachedReg = r, nil
	s.regGen++
	s.speakerMu.Unlock()
}

// The SQL of the registry, alike on both backends.
const (
	saveSpeakerSQL = `INSERT INTO speakers (name, speaker_key, person, whole, surname) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (name) DO UPDATE SET speaker_key = excluded.speaker_key, person = excluded.person,
		whole = excluded.whole, surname = excluded.surname`
	unfiledSpeakersSQL = `SELECT DISTINCT speaker FROM quotes WHERE speaker <> '' AND speaker NOT IN (SELECT name FROM speakers)`
	speakerNamesSQL    = `SELECT DISTINCT speaker FROM quotes WHERE speaker <> ''`
	allSpeakersSQL     = `SELECT name, speaker_key, person, whole, surname FROM speakers`
	registryKeySQL     = `SELECT (SELECT CAST(coalesce(sum(version), 0) AS BIGINT) FROM section_versions),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM speakers)`
	speakerCountsSQL = `SELECT q.speaker, q.role, count(*), min(i.sort_time), max(i.sort_time) FROM quotes q
		JOIN items i ON i.id = q.item_id WHERE q.speaker <> '' GROUP BY q.speaker, q.role`
)

// SaveSpeakers files speakers' names in the registry, replacing what was
// filed of the same names.
func (s *Store) SaveSpeakers(ctx context.Context, sps []news.Speaker) error {
	if len(sps) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save speakers: %w", err)
	}
	defer tx.Rollback()
	for _, sp := range sps {
		person := 0
		if sp.Person {
			person = 1
		}
		if _, err := tx.ExecContext(ctx, saveSpeakerSQL, sp.Name, sp.Key, person,
			strings.Join(sp.Whole, "\n"), strings.Join(sp.Surname, "\n")); err != nil {
			return fmt.Errorf("save speaker %q: %w", sp.Name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save speakers: %w", err)
	}
	s.speakerMu.Lock()
	s.cachedReg = nil
	s.regGen++
	s.speakerMu.Unlock()
	return nil
}

// SpeakerNames returns the names quotes are credited to: those the
// registry has no entry for when unfiled, else all.
func (s *Store) SpeakerNames(ctx context.Context, unfiled bool) ([]string, error) {
	q := unfiledSpeakersSQL
	if !unfiled {
		q = speakerNamesSQL
	}
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list unfiled speakers: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("list unfiled speakers: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Registry is the speaker registry as read at one moment.
type Registry struct {
	groups  []*news.SpeakerGroup          // most quoted first
	byName  map[string]*news.SpeakerGroup // a name (as stored) to its group
	byKey   map[string]*news.SpeakerGroup // any key of a name to its group
	entries []regEntry
	// namesakes are the speakers of a name, byQuote the speaker of a
	// name and role ("name\x1frole"), quoteKeys a speaker's names and roles.
	namesakes map[string][]*news.SpeakerGroup
	byQuote   map[string]*news.SpeakerGroup
	quoteKeys map[*news.SpeakerGroup][]string

	readName func(string) []string // see SetNameReader; may be nil
}

type regEntry struct {
	news.Speaker
	quotes int
	roles  []news.SpeakerRole // "" for the quotes without one
	// the skeletons of Name that names are matched by (newRegistry)
	personSk, lastSk, sk string
}

// Speakers returns every speaker quoted, grouped (see the comment at the
// top), most quoted first.
func (s *Store) Speakers(ctx context.Context) ([]*news.SpeakerGroup, error) {
	reg, err := s.registry(ctx)
	if err != nil {
		return nil, err
	}
	return reg.Groups(), nil
}

// ResolveSpeaker returns the speakers a typed name means (see
// Registry.Resolve), most quoted first; none when nothing matches.
func (s *Store) ResolveSpeaker(ctx context.Context, typed string) ([]*news.SpeakerGroup, error) {
	reg, err := s.registry(ctx)
	if err != nil {
		return nil, err
	}
	return reg.Resolve(typed), nil
}

// registryKey is what a registry read depends on, as far as it is cheap
// to tell: the store's version (any item changed in a section), the
// number of quotes and of filed names.
type registryKey struct{ version, quotes, names int64 }

// registry returns the speaker registry, read again only when its
// registryKey has changed or this store has filed names or been given
// other rules since (a name filed again with other forms by another
// process shows once anything else changes). What it returns is shared:
// read-only.
func (s *Store) registry(ctx context.Context) (*Registry, error) {
	var key registryKey
	if err := s.r.QueryRowContext(ctx, registryKeySQL).Scan(&key.version, &key.quotes, &key.names); err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	s.speakerMu.Lock()
	reg, gen := s.cachedReg, s.regGen
	if s.registryOf != key {
		reg = nil
	}
	s.speakerMu.Unlock()
	if reg != nil {
		return reg, nil
	}
	reg, err := s.readRegistry(ctx)
	if err != nil {
		return nil, err
	}
	s.speakerMu.Lock()
	if s.regGen == gen { // else what it was read with has changed since
		s.registryOf, s.cachedReg = key, reg
	}
	s.speakerMu.Unlock()
	return reg, nil
}

// readRegistry reads the speaker registry.
func (s *Store) readRegistry(ctx context.Context) (*Registry, error) {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	defer tx.Rollback()
	entries, err := collect(ctx, tx, allSpeakersSQL, func(r *sql.Rows, e *regEntry) error {
		var person int
		var whole, surname string
		if err := r.Scan(&e.Name, &e.Key, &person, &whole, &surname); err != nil {
			return err
		}
		e.Person = person == 1
		e.Whole, e.Surname = lines(whole), lines(surname)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read speakers: %w", err)
	}
	type count struct {
		name        string
		role        news.SpeakerRole
		first, last int64
	}
	counts, err := collect(ctx, tx, speakerCountsSQL, func(r *sql.Rows, c *count) error {
		return r.Scan(&c.name, &c.role.Role, &c.role.Quotes, &c.first, &c.last)
	})
	if err != nil {
		return nil, fmt.Errorf("count quotes by speaker: %w", err)
	}
	roles := map[string][]news.SpeakerRole{}
	for _, c := range counts {
		c.role.FirstSeen, c.role.LastSeen = time.UnixMicro(c.first).UTC(), time.UnixMicro(c.last).UTC()
		roles[c.name] = append(roles[c.name], c.role)
	}
	for i := range entries {
		entries[i].setRoles(roles[entries[i].Name])
		delete(roles, entries[i].Name)
	}
	// A name not filed yet (stored before the registry, or by an older
	// crawler) is a speaker by its name alone until it is.
	for name, rs := range roles {
		e := regEntry{Speaker: news.Speaker{Key: news.SpeakerSlug(name), Name: name, Whole: []string{news.NameForm(name)}}}
		for _, sc := range news.Schemes {
			e.Whole = append(e.Whole, news.NameForm(news.Transliterate(name, sc)))
		}
		e.setRoles(rs)
		entries = append(entries, e)
	}
	s.speakerMu.Lock()
	rules, read := s.speakerRules, s.readName
	s.speakerMu.Unlock()
	reg := newRegistry(entries, rules)
	reg.readName = read
	return reg, nil
}

// setRoles sets an entry's roles and quotes.
func (e *regEntry) setRoles(rs []news.SpeakerRole) {
	e.roles, e.quotes = rs, 0
	for _, r := range rs {
		e.quotes += r.Quotes
	}
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// newRegistry groups the entries (see the comment at the top).
func newRegistry(entries []regEntry, rules SpeakerRules) *Registry {
	entries = slices.DeleteFunc(entries, func(e regEntry) bool { return e.Key == "" }) // descriptions
	slices.SortFunc(entries, func(a, b regEntry) int { return cmp.Compare(a.Name, b.Name) })
	for i := range entries {
		e := &entries[i]
		e.personSk, e.lastSk, e.sk = personSkeleton(e.Name), lastSkeleton(e.Name), news.NameSkeleton(e.Name)
	}
	parent := make([]int, len(entries))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	// who may not be grouped with whom: the indexes of each separation
	ref := func(keyOrName string) []int {
		var out []int
		for i, e := range entries {
			if e.Key == keyOrName || e.Name == keyOrName || e.Key == news.SpeakerSlug(keyOrName) {
				out = append(out, i)
			}
		}
		return out
	}
	var apart [][][]int
	for _, sep := range rules.Separate {
		var sides [][]int
		for _, k := range sep {
			sides = append(sides, ref(k))
		}
		apart = append(apart, sides)
	}
	union := func(a, b int) bool {
		ra, rb := find(a), find(b)
		if ra == rb {
			return true
		}
		for _, sides := range apart {
			in := func(root int) int {
				for si, side := range sides {
					for _, i := range side {
						if find(i) == root {
							return si
						}
					}
				}
				return -1
			}
			if sa, sb := in(ra), in(rb); sa >= 0 && sb >= 0 && sa != sb {
				return false
			}
		}
		parent[rb] = ra
		return true
	}
	// one key
	byKey := map[string]int{}
	for i, e := range entries {
		if j, ok := byKey[e.Key]; ok {
			union(j, i)
		} else {
			byKey[e.Key] = i
		}
	}
	// one person: given name and surname of one skeleton
	bySkeleton := map[string]int{}
	for i, e := range entries {
		if !e.Person {
			continue
		}
		k := e.personSk
		if j, ok := bySkeleton[k]; ok {
			union(j, i)
		} else {
			bySkeleton[k] = i
		}
	}
	// by hand
	for _, m := range rules.Merge {
		var first = -1
		for _, k := range m {
			for _, i := range ref(k) {
				if first < 0 {
					first = i
				} else {
					union(first, i)
				}
			}
		}
	}
	// a surname alone joins the one person of that surname
	bySurname := map[string][]int{}
	for i, e := range entries {
		if e.Person {
			bySurname[e.lastSk] = append(bySurname[e.lastSk], i)
		}
	}
	for i, e := range entries {
		if e.Person || strings.Contains(news.NameForm(e.Name), " ") {
			continue
		}
		roots := map[int]bool{}
		for _, j := range bySurname[e.sk] {
			roots[find(j)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				union(r, i)
			}
		}
	}
	// the groups
	members := map[int][]int{}
	for i := range entries {
		members[find(i)] = append(members[find(i)], i)
	}
	reg := &Registry{byName: map[string]*news.SpeakerGroup{}, byKey: map[string]*news.SpeakerGroup{},
		byQuote: map[string]*news.SpeakerGroup{}, namesakes: map[string][]*news.SpeakerGroup{},
		quoteKeys: map[*news.SpeakerGroup][]string{}, entries: entries}
	for _, idx := range members {
		g := &news.SpeakerGroup{}
		best := -1
		for _, i := range idx {
			e := entries[i]
			g.Quotes += e.quotes
			g.Names = append(g.Names, e.Name)
			if !slices.Contains(g.Keys, e.Key) {
				g.Keys = append(g.Keys, e.Key)
			}
			for _, a := range append(slices.Clone(e.Whole), e.Surname...) {
				if !slices.Contains(g.Aliases, a) {
					g.Aliases = append(g.Aliases, a)
				}
			}
			if best < 0 || e.quotes > entries[best].quotes {
				best = i
			}
		}
		g.Key = canonicalKey(entries, idx, rules)
		for _, i := range idx { // the canonical name: the most quoted of the key's names
			if e := entries[i]; e.Key == g.Key && (entries[best].Key != g.Key || e.quotes > entries[best].quotes) {
				best = i
			}
		}
		g.Name = entries[best].Name
		slices.SortFunc(g.Keys, func(a, b string) int {
			return cmp.Or(-cmp.Compare(boolInt(a == g.Key), boolInt(b == g.Key)), cmp.Compare(a, b))
		})
		for _, i := range idx {
			reg.byName[entries[i].Name] = g
			reg.byKey[entries[i].Key] = g
		}
		reg.addSplit(g, entries, idx, manual(entries, idx, rules))
	}
	slices.SortFunc(reg.groups, func(a, b *news.SpeakerGroup) int {
		return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), cmp.Compare(a.Key, b.Key))
	})
	return reg
}

// manual reports whether a merge rule names one of the entries.
func manual(entries []regEntry, idx []int, rules SpeakerRules) bool {
	for _, m := range rules.Merge {
		for _, i := range idx {
			if slices.Contains(m, entries[i].Key) || slices.Contains(m, entries[i].Name) {
				return true
			}
		}
	}
	return false
}

// addSplit adds to the registry the speaker g, grouped from the entries
// idx, as namesakes when their quotes' roles clearly disagree (and no
// merge rule made g): two roles disagree when both name fields and none
// in common, or both a country and not the same (news.RoleSpheres:
// "министр финансов" and "футболист ЦСКА"; "посол России" and "посол
// Украины"). Roles taken in the order they were first given, each joins
// the first namesake it does not disagree with (who then has its fields
// and country too), else makes a new one. Quotes with no role, or one
// saying neither field nor country, stay with the first, as do the quotes
// of a namesake of one quote only (a role misread once splits no one).
// The first
// namesake keeps g's key and keys; each other is known by g's key and
// its first role (news.RoleTitle: "sergey-ivanov-futbolist-tsska"), a key that stays as
// long as no earlier quote of theirs is stored.
func (r *Registry) addSplit(g *news.SpeakerGroup, entries []regEntry, idx []int, manual bool) {
	type quoted struct {
		name string
		news.SpeakerRole
	}
	var all []quoted
	for _, i := range idx {
		for _, ro := range entries[i].roles {
			all = append(all, quoted{entries[i].Name, ro})
		}
	}
	slices.SortFunc(all, func(a, b quoted) int {
		return cmp.Or(a.FirstSeen.Compare(b.FirstSeen), cmp.Compare(a.Role, b.Role), cmp.Compare(a.name, b.name))
	})
	type namesake struct {
		fields  []string
		country string
		quotes  []quoted
	}
	sakes := []*namesake{{}}
	for _, q := range all {
		var fields []string
		var country string
		if !manual && len(all) > 1 {
			fields, country = news.RoleSpheres(q.Role)
		}
		into := sakes[0]
		if len(fields) > 0 || country != "" {
			into = nil
			for _, n := range sakes {
				if (len(n.fields) == 0 || len(fields) == 0 || slices.ContainsFunc(fields, func(f string) bool { return slices.Contains(n.fields, f) })) &&
					(n.country == "" || country == "" || n.country == country) {
					into = n
					break
				}
			}
			if into == nil {
				into = &namesake{}
				sakes = append(sakes, into)
			}
			for _, f := range fields {
				if !slices.Contains(into.fields, f) {
					into.fields = append(into.fields, f)
				}
			}
			into.country = cmp.Or(into.country, country)
		}
		into.quotes = append(into.quotes, q)
	}
	first := sakes[0]
	sakes = slices.DeleteFunc(sakes, func(n *namesake) bool {
		quotes := 0
		for _, q := range n.quotes {
			quotes += q.Quotes
		}
		if n == first || quotes > 1 {
			return false
		}
		first.quotes = append(first.quotes, n.quotes...)
		return true
	})
	for k, n := range sakes {
		sg := g
		if k > 0 {
			sg = &news.SpeakerGroup{Name: g.Name, Aliases: g.Aliases}
			sg.Key = g.Key + "-" + news.SpeakerSlug(news.RoleTitle(n.quotes[0].Role))
			for r.byKey[sg.Key] != nil {
				sg.Key += "-2"
			}
			sg.Keys = []string{sg.Key}
			r.byKey[sg.Key] = sg
		} else {
			g.Names, g.Quotes = nil, 0
		}
		for _, q := range n.quotes {
			sg.Quotes += q.Quotes
			if !slices.Contains(sg.Names, q.name) {
				sg.Names = append(sg.Names, q.name)
				r.namesakes[q.name] = append(r.namesakes[q.name], sg)
			}
			r.byQuote[q.name+"\x1f"+q.Role] = sg
			r.quoteKeys[sg] = append(r.quoteKeys[sg], q.name+"\x1f"+q.Role)
			if q.Role == "" {
				continue
			}
			j := slices.IndexFunc(sg.Roles, func(ro news.SpeakerRole) bool { return ro.Role == q.Role })
			if j < 0 {
				sg.Roles = append(sg.Roles, q.SpeakerRole)
				continue
			}
			ro := &sg.Roles[j]
			ro.Quotes += q.Quotes
			ro.FirstSeen, ro.LastSeen = minTime(ro.FirstSeen, q.FirstSeen), maxTime(ro.LastSeen, q.LastSeen)
		}
		r.groups = append(r.groups, sg)
	}
	for _, i := range idx { // a name with no quotes stored stays the first's
		if name := entries[i].Name; len(r.namesakes[name]) == 0 {
			g.Names = append(g.Names, name)
			r.namesakes[name] = []*news.SpeakerGroup{g}
		}
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// canonicalKey is the key a group is known by: the first of a merge rule
// naming one of its names, else a Russian person's name's before a Latin
// one's, a person's before a surname alone, the shortest, the first.
func canonicalKey(entries []regEntry, idx []int, rules SpeakerRules) string {
	for _, m := range rules.Merge {
		for _, i := range idx {
			for _, k := range m {
				if entries[i].Key == k || entries[i].Name == k {
					return news.SpeakerSlug(m[0])
				}
			}
		}
	}
	rank := func(e regEntry) int {
		r := 0
		if !e.Person {
			r += 2
		}
		if e.Key == news.NameForm(e.Name) || !cyrillic(e.Name) {
			r++ // Latin-script
		}
		return r
	}
	best := idx[0]
	for _, i := range idx[1:] {
		a, b := entries[i], entries[best]
		if c := cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(len(a.Key), len(b.Key)), cmp.Compare(a.Key, b.Key)); c < 0 {
			best = i
		}
	}
	return entries[best].Key
}

func cyrillic(s string) bool {
	for _, r := range s {
		if r >= 'Ѐ' && r <= 'ӿ' {
			return true
		}
	}
	return false
}

// personSkeleton is the skeleton of a person's given name and surname,
// without a patronymic.
func personSkeleton(name string) string {
	ws := strings.Fields(news.NameSkeleton(name))
	if len(ws) < 2 {
		return strings.Join(ws, " ")
	}
	return ws[0] + " " + ws[len(ws)-1]
}

// lastSkeleton is the skeleton of a person's surname.
func lastSkeleton(name string) string {
	ws := strings.Fields(news.NameSkeleton(name))
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// Groups returns every speaker, most quoted first. A nil Registry is
// empty, as are its lookups.
func (r *Registry) Groups() []*news.SpeakerGroup {
	if r == nil {
		return nil
	}
	return r.groups
}

// ByQuote returns the speaker of a quote credited to a name with a role
// (namesakes differ by their roles), or nil.
func (r *Registry) ByQuote(name, role string) *news.SpeakerGroup {
	if r == nil {
		return nil
	}
	if g := r.byQuote[name+"\x1f"+role]; g != nil {
		return g
	}
	return r.byName[name]
}

// quoteFilter returns the names whose quotes are the speakers gs', and
// the names and roles ("name\x1frole") of those quotes among them that
// are a namesake's not in gs.
func (r *Registry) quoteFilter(gs []*news.SpeakerGroup) (names, others []string) {
	for _, g := range gs {
		names = append(names, g.Names...)
		for _, n := range g.Names {
			for _, o := range r.namesakes[n] {
				if !slices.Contains(gs, o) {
					for _, k := range r.quoteKeys[o] {
						if strings.HasPrefix(k, n+"\x1f") {
							others = append(others, k)
						}
					}
				}
			}
		}
	}
	return names, others
}

// Resolve returns the speakers a typed name means, in any form the
// registry knows: a key ("sergey-lavrov"; a namesake's key finds them
// alone), the name or its case
// ("Сергея Лаврова"), the surname alone in any case ("Лаврова"), a Latin
// spelling ("Lavrov", "Zelenskyy"). Only when no form matches, a name
// holding the typed words as a part ("захар" finds "Мария Захарова") does.
// Most quoted first; nil when nothing matches. A nil Registry is empty.
func (r *Registry) Resolve(typed string) []*news.SpeakerGroup { return r.resolve(typed, true) }

// resolve is Resolve, with the fallback to a part of a name or not.
func (r *Registry) resolve(typed string, parts bool) []*news.SpeakerGroup {
	form, sk := news.NameForm(typed), news.NameSkeleton(typed)
	if r == nil || form == "" {
		return nil
	}
	found := map[*news.SpeakerGroup]bool{}
	r.match(typed, form, sk, found)
	if g := r.byKey[strings.TrimSpace(strings.ToLower(typed))]; g != nil {
		for _, n := range g.Names { // a key means one of namesakes
			for _, o := range r.namesakes[n] {
				delete(found, o)
			}
		}
		found[g] = true
	}
	if len(found) == 0 && r.readName != nil {
		for _, nom := range r.readName(typed) {
			r.match(typed, nom, news.NameSkeleton(nom), found)
		}
	}
	if len(found) == 0 && parts {
		for _, e := range r.entries {
			if strings.Contains(news.NameForm(e.Name), form) {
				for _, g := range r.namesakes[e.Name] {
					found[g] = true
				}
			}
		}
	}
	var out []*news.SpeakerGroup
	for _, g := range r.groups {
		if found[g] {
			out = append(out, g)
		}
	}
	return out
}

// match adds to found the groups of the entries that one form of a typed
// name (with its skeleton) matches.
func (r *Registry) match(typed, form, sk string, found map[*news.SpeakerGroup]bool) {
	for _, e := range r.entries {
		switch {
		case slices.Contains(e.Whole, form) || slices.Contains(e.Surname, form):
		case e.Person && (e.personSk == personSkeletonOf(sk) || e.lastSk == sk):
		case !e.Person && e.sk == sk && !strings.Contains(sk, " ") && cyrillic(e.Name) != cyrillic(typed):
		default:
			continue
		}
		for _, g := range r.namesakes[e.Name] {
			found[g] = true
		}
	}
}

func personSkeletonOf(sk string) string {
	ws := strings.Fields(sk)
	if len(ws) < 2 {
		return "\x00" // no person's
	}
	return ws[0] + " " + ws[len(ws)-1]
}
