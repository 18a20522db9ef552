package extract

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestDbg(t *testing.T) {
	p := os.Getenv("DBG")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Open(p)
	var r io.Reader = f
	if strings.HasSuffix(p, ".gz") {
		r, _ = gzip.NewReader(f)
	}
	b, _ := io.ReadAll(r)
	doc, _ := html.Parse(strings.NewReader(string(b)))
	m := readMeta(doc)
	if m.ld != nil {
		fmt.Printf("LD: %+v\n", *m.ld)
	}
	fmt.Println("OG:", m.first("og:title"), "| TT:", m.docTitle, "| H1:", h1Texts(doc))
	fmt.Println("meta authors:", m.all("author", "article:author"), "item:", m.itemAuthors, "rel:", m.relAuthors)
	dc := &dateCtx{loc: time.UTC}
	df, ok := chooseDate(m, doc, os.Getenv("DBGURL"), dc, "")
	fmt.Println("date:", df.hit.t, df.src, ok)
	fmt.Println("bylines:", findBylines(doc), "| text:", findBylineText(doc))
}
