package publisher

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
)

// The feeds' icon and logo, served by the publisher itself and named by
// every feed (Atom <icon> and <logo>, RSS <image>, JSON Feed icon and
// favicon) and the HTML pages: the feed glyph, white on orange, drawn here
// so that every process serves the same bytes.
const (
	iconPath    = "/icon.png"    // 512×512: JSON Feed icon
	faviconPath = "/favicon.png" // 64×64: JSON Feed favicon, Atom icon, the pages' icon
	logoPath    = "/logo.png"    // 144×72: RSS <image> (at most 144 wide), Atom logo (2:1)

	logoWidth, logoHeight = 144, 72
)

type drawnImage struct {
	w, h int
	once sync.Once
	png  []byte
}

var images = map[string]*drawnImage{
	iconPath:    {w: 512, h: 512},
	faviconPath: {w: 64, h: 64},
	logoPath:    {w: logoWidth, h: logoHeight},
}

// imagePNG returns the PNG served at path, drawn on first use.
func imagePNG(path string) []byte {
	im := images[path]
	im.once.Do(func() { im.png = drawIcon(im.w, im.h) })
	return im.png
}

var (
	iconOrange = color.NRGBA{0xe8, 0x6a, 0x17, 0xff}
	iconWhite  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// drawIcon draws the glyph in an orange rounded rectangle of w×h pixels:
// the feed sign in its left square and, when it is wider than tall, three
// lines of headlines beside it. Each pixel is 4×4 samples, for smooth edges.
func drawIcon(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	s := float64(h) // the glyph's square
	const n = 4
	for py := range h {
		for px := range w {
			var bg, fg int
			for sy := range n {
				for sx := range n {
					x := (float64(px) + (float64(sx)+0.5)/n) / s
					y := (float64(py) + (float64(sy)+0.5)/n) / s
					if !inRounded(x, y, float64(w)/s, 1, 0.17) {
						continue
					}
					bg++
					if glyph(x, y) || headlines(x, y, float64(w)/s) {
						fg++
					}
				}
			}
			if bg == 0 {
				continue
			}
			c := blend(iconOrange, iconWhite, float64(fg)/float64(bg))
			c.A = uint8(math.Round(255 * float64(bg) / (n * n)))
			img.SetNRGBA(px, py, c)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img) // writing to memory cannot fail
	return buf.Bytes()
}

// inRounded reports whether (x, y) is inside the w×h rectangle at the
// origin with corners of radius r.
func inRounded(x, y, w, h, r float64) bool {
	if x < 0 || y < 0 || x > w || y > h {
		return false
	}
	cx := math.Max(r, math.Min(w-r, x))
	cy := math.Max(r, math.Min(h-r, y))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

// glyph reports whether (x, y) of the unit square is on the feed sign: a
// dot in the lower left and two quarter rings around it.
func glyph(x, y float64) bool {
	const cx, cy = 0.22, 0.78
	d := math.Hypot(x-cx, y-cy)
	if d <= 0.09 {
		return true
	}
	if x < cx-0.09 || y > cy+0.09 {
		return false
	}
	return d >= 0.27 && d <= 0.39 || d >= 0.5 && d <= 0.62
}

// headlines reports whether (x, y) is on one of three white bars to the
// right of the glyph's square in a rectangle w wide (in glyph squares).
func headlines(x, y, w float64) bool {
	if w < 1.5 {
		return false
	}
	left, right := 1.0, w-0.15
	for i, yc := range []float64{0.3, 0.5, 0.7} {
		end := left + (right-left)*(1-0.2*float64(i))
		if y >= yc-0.055 && y <= yc+0.055 && x >= left && x <= end {
			return true
		}
	}
	return false
}

func blend(a, b color.NRGBA, t float64) color.NRGBA {
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p)*(1-t) + float64(q)*t)) }
	return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
