package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/syndic/syndic/config"
	"github.com/syndic/syndic/store"
)

// runSpeakers lists the speaker registry, or adds a merge or a separation
// to the config's speakers: section.
func runSpeakers(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("speakers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	limit := fs.Int("n", 0, "at most this many speakers, most quoted first (0: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	merge := fs.Bool("merge", false, "write to the config that the speakers named by the arguments (keys or names) are one, known by the first")
	split := fs.Bool("split", false, "write to the config that the speakers named by the arguments are never one")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if *merge || *split {
		if *merge && *split || fs.NArg() < 2 {
			fmt.Fprintln(stderr, "syndic speakers: --merge or --split takes two keys or names or more")
			return exitError{2}
		}
		kind := "merge"
		if *split {
			kind = "separate"
		}
		if err := addSpeakerRule(cf.path, kind, fs.Args()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: speakers.%s: %s\n", cf.path, kind, strings.Join(fs.Args(), ", "))
		return nil
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fileSpeakers(ctx, cfg, st); err != nil {
		return err
	}
	all, err := st.Speakers(ctx)
	if err != nil {
		return err
	}
	groups := all
	if *limit > 0 && len(groups) > *limit {
		groups = groups[:*limit]
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(groups)
	}
	for _, g := range groups {
		fmt.Fprintf(stdout, "%-32s %5d  %s\n", g.Key, g.Quotes, g.Name)
		if len(g.Names) > 1 {
			fmt.Fprintf(stdout, "%38s names: %s\n", "", strings.Join(g.Names, "; "))
		}
		if len(g.Aliases) > 0 {
			fmt.Fprintf(stdout, "%38s forms: %s\n", "", strings.Join(g.Aliases, ", "))
		}
	}
	fmt.Fprintf(stdout, "%d speaker(s)\n", len(all))
	return nil
}

// fileSpeakers files in the registry the names it lacks, so that a
// lookup finds them in every form.
func fileSpeakers(ctx context.Context, cfg config.Config, st *store.Store) error {
	crawler, err := newCrawler(cfg, st, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	_, err = crawler.FileSpeakers(ctx)
	return err
}

// addSpeakerRule adds a list to speakers.<kind> of the config file as one
// line, leaving every other line of the file as it is, and checks the
// result before writing it.
func addSpeakerRule(path, kind string, names []string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("read config %s: %w", path, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("config %s: not a mapping", path)
	}
	entry := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, n := range names {
		entry.Content = append(entry.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: n})
	}
	item, err := yaml.Marshal(entry)
	if err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines[n-1] += "\n"
	}
	insert := func(after int, text string) { // after a 1-based line; 0: at the end
		if after <= 0 || after > len(lines) {
			lines = append(lines, text)
			return
		}
		lines = append(lines[:after], append([]string{text}, lines[after:]...)...)
	}
	speakers, list := value(doc.Content[0], "speakers"), (*yaml.Node)(nil)
	if speakers != nil && speakers.Kind == yaml.MappingNode {
		list = value(speakers, kind)
	}
	switch {
	case speakers == nil:
		insert(0, "speakers:\n  "+kind+":\n    - "+string(item))
	case speakers.Kind != yaml.MappingNode || list != nil && (list.Kind != yaml.SequenceNode || list.Style&yaml.FlowStyle != 0):
		return fmt.Errorf("config %s: speakers.%s is not a list written one entry a line; add the entry by hand: - %s", path, kind, item)
	case list == nil:
		indent := strings.Repeat(" ", max(speakers.Column-1, 2))
		insert(lastLine(speakers), indent+kind+":\n"+indent+"  - "+string(item))
	default:
		last := list.Content[len(list.Content)-1]
		indent := strings.Repeat(" ", max(last.Column-3, 0))
		insert(lastLine(last), indent+"- "+string(item))
	}
	out := []byte(strings.Join(lines, ""))
	if _, err := config.Parse(path, out); err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}

// value returns the value of key in the mapping m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// lastLine is the last line a node's content starts on.
func lastLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastLine(c))
	}
	return l
}
