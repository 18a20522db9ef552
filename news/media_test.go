package news

import (
	"fmt"
	"testing"
)

func TestMediaType(t *testing.T) {
	for in, want := range map[string]string{
		"audio/mpeg": "audio/mpeg", " Image/JPEG ": "image/jpeg", "video/mp4; codecs=avc1": "video/mp4",
		"": "", "jpeg": "", "image/": "", "/x": "", "a/b/c": "", "text/html; x": "",
	} {
		if got := MediaType(in); got != want {
			t.Errorf("MediaType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestImageType(t *testing.T) {
	for in, want := range map[string]string{
		"https://icdn.lenta.ru/images/pic.jpg": "image/jpeg", "https://x/a.JPEG?w=2#f": "image/jpeg",
		"/a.png": "image/png", "https://x/a.webp": "image/webp", "https://x/a.mp3": "", "https://x/jpg": "",
		"https://x/a.svg": "", "https://x/img?f=a.jpg": "",
	} {
		if got := ImageType(in); got != want {
			t.Errorf("ImageType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAddEnclosure(t *testing.T) {
	var list []Enclosure
	list = AddEnclosure(list, Enclosure{URL: "https://x/a.mp3", Type: "Audio/MPEG", Length: -5})
	list = AddEnclosure(list, Enclosure{URL: "https://x/a.mp3", Type: "audio/ogg"}) // the same URL again
	list = AddEnclosure(list, Enclosure{URL: ""})
	for i := range MaxEnclosures + 2 {
		list = AddEnclosure(list, Enclosure{URL: fmt.Sprintf("https://x/%d.jpg", i)})
	}
	if len(list) != MaxEnclosures || list[0] != (Enclosure{URL: "https://x/a.mp3", Type: "audio/mpeg"}) {
		t.Errorf("%d enclosures, first %+v", len(list), list[0])
	}
}
