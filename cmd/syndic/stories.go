package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/syndic/syndic/aggregator"
	"github.com/syndic/syndic/news"
)

// storyOut is one story as `syndic stories --json` prints it.
type storyOut struct {
	Story   int64         `json:"story"`
	Title   string        `json:"title"` // the first report's
	First   time.Time     `json:"first_reported"`
	Outlets []string      `json:"outlets"` // in order of first report
	Reports []storyReport `json:"reports"`
}

type storyReport struct {
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Link      string    `json:"link"`
	Published time.Time `json:"published"`
}

func runStories(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf configFlags
	cf.register(fs)
	since := fs.String("since", "24h", "reports since a date (2024-10-01) or for a duration back (24h, 7d)")
	asJSON := fs.Bool("json", false, "print JSON")
	least := fs.Int("min", 1, "only stories of at least this many reports")
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	from, err := parseSince(*since, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "syndic stories:", err)
		return exitError{2}
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, s := range cfg.Sources {
		names[s.ID] = s.Name
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()

	byStory := map[int64]*storyOut{}
	var order []int64
	err = aggregator.EachStored(ctx, st, from, func(it news.Item) error {
		add(byStory, &order, it, names)
		return nil
	})
	if err != nil {
		return err
	}
	var out []storyOut
	for _, k := range slices.Backward(order) { // newest first
		if s := byStory[k]; len(s.Reports) >= *least {
			out = append(out, *s)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if out == nil {
			out = []storyOut{}
		}
		return enc.Encode(out)
	}
	for _, s := range out {
		fmt.Fprintf(stdout, "story %d  %s  %s\n    %d report(s): %s\n", s.Story, s.First.Format("2006-01-02 15:04 -07:00"),
			s.Title, len(s.Reports), strings.Join(s.Outlets, ", "))
		for _, r := range s.Reports {
			fmt.Fprintf(stdout, "    %s  %s — %s\n", r.Published.Format("15:04"), r.Source, r.Link)
		}
	}
	fmt.Fprintf(stdout, "%d stor(ies)\n", len(out))
	return nil
}

// add puts an item into its story (an ungrouped item is a story of its own).
func add(byStory map[int64]*storyOut, order *[]int64, it news.Item, names map[string]string) {
	key := it.Story
	if key == 0 {
		key = it.ID
	}
	when := it.Published
	if when.IsZero() {
		when = it.FetchedAt
	}
	name := names[it.SourceID]
	if name == "" {
		name = it.SourceID
	}
	s, ok := byStory[key]
	if !ok {
		s = &storyOut{Story: key, Title: it.Title, First: when}
		byStory[key] = s
		*order = append(*order, key)
	}
	if !slices.Contains(s.Outlets, name) {
		s.Outlets = append(s.Outlets, name)
	}
	s.Reports = append(s.Reports, storyReport{Source: name, Title: it.Title, Link: it.Link, Published: when})
}

func runRegroup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return withCrawler(ctx, "regroup", args, stderr, func(crawler *aggregator.Crawler) error {
		n, stories, err := crawler.Regroup(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d stored items in %d stories\n", n, stories)
		return nil
	})
}
