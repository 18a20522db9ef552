package extract

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestDbgBody(t *testing.T) {
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
	root := firstElement(doc, atom.Body)
	if root == nil {
		root = doc
	}
	pre := computeStats(root)
	prune(root, os.Getenv("LAX") == "")
	for n, s := range pre {
		if n.Parent == nil && n != root && s.text > 300 {
			fmt.Printf("dropped <%s class=%q id=%q role=%q> text=%d\n", n.Data, attr(n, "class"), attr(n, "id"), attr(n, "role"), s.text)
		}
	}
	st := computeStats(root)
	fmt.Println("root text after prune:", st[root].text)
	content := findContent(root, st)
	for _, c := range content {
		fmt.Printf("content: <%s class=%q id=%q> text=%d link=%d p=%d\n", c.Data, attr(c, "class"), attr(c, "id"), st[c].text, st[c].link, st[c].p)
	}
	cleanContent(content, st)
	for n, s := range st {
		if n.Parent == nil && s.text > 300 {
			fmt.Printf("cleaned <%s class=%q id=%q> text=%d w=%d\n", n.Data, attr(n, "class"), attr(n, "id"), s.text, classWeight(n))
		}
	}
	for _, b := range render(content, nil) {
		fmt.Printf("  block %s: %.100q\n", b.kind, b.text)
	}
	// biggest p-holders
	type kv struct {
		n *html.Node
		p int
	}
	var all []kv
	for n, s := range st {
		if n.Type == html.ElementNode && s.p > 2 {
			all = append(all, kv{n, s.p})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].p < all[j].p })
	for i, a := range all {
		if i > 6 {
			break
		}
		fmt.Printf("  p-holder <%s class=%q id=%q> p=%d text=%d\n", a.n.Data, attr(a.n, "class"), attr(a.n, "id"), a.p, st[a.n].text)
	}
}
