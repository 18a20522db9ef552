package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// feedparserScript reads a JSON list of URLs on stdin and prints, for each,
// what a real client reads there: Python's feedparser for RSS and Atom,
// json for JSON Feed (feedparser does not read it).
const feedparserScript = `
import json, sys, urllib.request
import feedparser

def summary(url):
    if url.split("?")[0].endswith(".json"):
        with urllib.request.urlopen(url) as r:
            doc = json.load(r)
        return {"version": doc.get("version"), "bozo": False, "bozo_exception": "", "language": doc.get("language", ""),
                "entries": [{"id": it.get("id"), "link": it.get("url"), "updated": it.get("date_modified", ""),
                             "published": it.get("date_published", ""),
                             "enclosures": [a["url"] for a in it.get("attachments", [])],
                             "media": [], "image": it.get("image", "")} for it in doc.get("items", [])]}
    d = feedparser.parse(url)
    return {"version": d.version, "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
            "language": d.feed.get("language", ""),
            "entries": [{"id": e.get("id", ""), "link": e.get("link", ""), "updated": e.get("updated", ""),
                         "published": e.get("published", ""),
                         "enclosures": [x.get("href", "") for x in e.get("enclosures", [])],
                         "media": [m.get("url", "") for m in e.get("media_content", [])],
                         "image": (e.get("media_thumbnail") or [{}])[0].get("url", "")} for e in d.entries]}

print(json.dumps({url: summary(url) for url in json.load(sys.stdin)}))
`

// parsed is feedparserScript's summary of one document.
type parsed struct {
	Version       string `json:"version"`
	Bozo          bool   `json:"bozo"`
	BozoException string `json:"bozo_exception"`
	Language      string `json:"language"`
	Entries       []struct {
		ID         string   `json:"id"`
		Link       string   `json:"link"`
		Updated    string   `json:"updated"`
		Published  string   `json:"published"`
		Enclosures []string `json:"enclosures"`
		Media      []string `json:"media"`
		Image      string   `json:"image"`
	} `json:"entries"`
}

// findFeedparser returns a Python that can import feedparser (Debian's
// python3-feedparser is in the system python3), or "".
func findFeedparser() string {
	candidates := []string{os.Getenv("SYNDIC_PYTHON"), "python3", "/usr/bin/python3"}
	for _, py := range candidates {
		if py != "" && exec.Command(py, "-c", "import feedparser").Run() == nil {
			return py
		}
	}
	return ""
}

// readFeeds runs feedparserScript over urls.
func readFeeds(t *testing.T, python string, urls []string) map[string]parsed {
	t.Helper()
	in, _ := json.Marshal(urls)
	cmd := exec.CommandContext(t.Context(), python, "-c", feedparserScript)
	cmd.Stdin = strings.NewReader(string(in))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("feedparser: %v\n%s", err, stderr.String())
	}
	var res map[string]parsed
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("feedparser output: %v", err)
	}
	return res
}

// TestFeedparserReadsTheDemo runs a real client, Python's feedparser (from
// Debian's python3-feedparser; skipped without it), over every feed route
// of `syndic demo` (each section's and source's feed, a search feed and a
// speaker's quote feed, in RSS and Atom, and JSON Feed through json):
// none is bozo, an item has the same id in all three formats, and each
// item whose upstream attached media carries them (feedparser reads the
// upstream fixtures too), and the story Suspilne's feed lists twice,
// edited, shows its correction in every format. The summary of every
// route is logged.
func TestFeedparserReadsTheDemo(t *testing.T) {
	python := findFeedparser()
	if python == "" {
		t.Skip("no python3 with feedparser (apt-get install python3-feedparser, or set SYNDIC_PYTHON)")
	}
	t.Chdir(t.TempDir())
	d := startDemo(t)
	defer d.stop(t)

	var routes []string
	cfg, err := builtinConfig()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range cfg.Sections {
		routes = append(routes, "/feeds/"+s.ID)
	}
	for _, f := range demoFeeds {
		routes = append(routes, "/feeds/source/"+demoSourceID(f.name))
	}
	routes = append(routes, "/feeds/search.{f}?q="+url.QueryEscape("Россия"), "/feeds/quotes/"+url.PathEscape(topSpeaker(t, d.base))+".{f}")
	var urls []string
	for _, r := range routes {
		for _, f := range []string{"rss", "atom", "json"} {
			urls = append(urls, d.base+format(r, f))
		}
	}
	upstream := map[string]string{} // source id -> the fixture's URL on the demo upstream
	for _, f := range demoFeeds {
		upstream[demoSourceID(f.name)] = d.upstream + "/" + strings.TrimSuffix(f.file, ".gz")
		urls = append(urls, upstream[demoSourceID(f.name)])
	}
	docs := readFeeds(t, python, urls)

	for _, r := range routes {
		ids := map[string]map[string]string{} // link -> format -> id
		line := fmt.Sprintf("%-38s", format(r, "*"))
		for _, f := range []string{"rss", "atom", "json"} {
			u := d.base + format(r, f)
			doc, ok := docs[u]
			if !ok {
				t.Fatalf("%s not read", u)
			}
			if doc.Bozo || (f != "json" && doc.Version == "") {
				t.Errorf("%s: bozo %v (%s), version %q", u, doc.Bozo, doc.BozoException, doc.Version)
			}
			encs := 0
			for _, e := range doc.Entries {
				if ids[e.Link] == nil {
					ids[e.Link] = map[string]string{}
				}
				ids[e.Link][f] = e.ID
				encs += len(e.Enclosures)
			}
			line += fmt.Sprintf("  %s: %2d entries, bozo %v, %2d enclosures", f, len(doc.Entries), doc.Bozo, encs)
		}
		t.Log(line)
		for link, byFormat := range ids {
			if len(byFormat) != 3 || byFormat["rss"] != byFormat["atom"] || byFormat["atom"] != byFormat["json"] {
				t.Errorf("%s: %s has ids %v", r, link, byFormat)
			}
		}
	}

	// Corrections: Suspilne's edited story is updated after it was
	// published, in the field each format has for it (RSS dcterms:modified
	// is feedparser's updated).
	for _, f := range []string{"rss", "atom", "json"} {
		var edited []string
		for _, e := range docs[d.base+"/feeds/source/suspilne."+f].Entries {
			if e.Updated != "" && e.Updated != e.Published {
				edited = append(edited, e.Link)
			}
		}
		if len(edited) != 1 {
			t.Errorf("suspilne.%s: corrected entries %v, want the one edited story", f, edited)
		}
	}

	// Media: every item of a source feed whose upstream entry had
	// enclosures carries them: Atom and JSON Feed all of them, RSS the
	// first as <enclosure> and all as media:content.
	checked := 0
	for src, up := range upstream {
		want := map[string][]string{}
		for _, e := range docs[up].Entries {
			if len(e.Enclosures) > 0 {
				want[e.Link] = e.Enclosures
			}
		}
		for _, f := range []string{"rss", "atom", "json"} {
			for _, e := range docs[d.base+"/feeds/source/"+src+"."+f].Entries {
				w, ok := want[e.Link]
				if !ok {
					continue
				}
				checked++
				have := e.Enclosures
				if f == "rss" {
					if len(e.Enclosures) != 1 || e.Enclosures[0] != w[0] {
						t.Errorf("%s.rss: %s: <enclosure> %v, want the upstream's first %s", src, e.Link, e.Enclosures, w[0])
					}
					have = e.Media
				}
				for _, x := range w {
					if !slices.Contains(have, x) {
						t.Errorf("%s.%s: %s lacks the upstream's enclosure %s (has %v)", src, f, e.Link, x, have)
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d items with upstream enclosures checked", checked)
	}
}

// format fills a route's format: "/feeds/all" and "rss" give
// "/feeds/all.rss"; a route with {f} has it replaced.
func format(route, f string) string {
	if strings.Contains(route, "{f}") {
		return strings.ReplaceAll(route, "{f}", f)
	}
	return route + "." + f
}

// topSpeaker is the speaker of the newest quote the demo serves.
func topSpeaker(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/quotes?format=json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var q struct {
		Quotes []struct{ Speaker string }
	}
	if err := json.Unmarshal(body, &q); err != nil {
		t.Fatal(err)
	}
	for _, x := range q.Quotes {
		if x.Speaker != "" {
			return x.Speaker
		}
	}
	t.Fatal("the demo has no quote with a speaker")
	return ""
}
