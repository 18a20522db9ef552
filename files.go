// Package syndic holds the files the syndic binary carries, so that it
// works outside a checkout of this repository (`go install
// github.com/syndic/syndic/cmd/syndic@latest`): the default feeds.yaml,
// which `syndic init` writes, and the fixture feeds `syndic demo` serves.
// They are embedded from where the repository keeps them, not copied.
package syndic

import (
	"embed"
	"io/fs"
)

// FeedsYAML is the repository's feeds.yaml: the default sections and sources.
//
//go:embed feeds.yaml
var FeedsYAML []byte

//go:embed testdata/feeds
var testdataFeeds embed.FS

// Feeds returns the fixture feeds of testdata/feeds (testdata/SOURCES.tsv
// says where each comes from), by file name.
func Feeds() fs.FS {
	sub, err := fs.Sub(testdataFeeds, "testdata/feeds")
	if err != nil {
		panic("syndic: " + err.Error()) // the pattern above names that folder
	}
	return sub
}
