package news

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	// A headline of lenta_rss_2022-12-03.xml.
	ws := Words("В Иране раскрыли число погибших в ходе «последних» протестов, 2022")
	var texts []string
	for _, w := range ws {
		texts = append(texts, w.Text)
	}
	if want := []string{"В", "Иране", "раскрыли", "число", "погибших", "в", "ходе", "последних", "протестов", "2022"}; !slices.Equal(texts, want) {
		t.Fatalf("Words = %q, want %q", texts, want)
	}
	if w := ws[1]; w.Fold != "иране" || w.Stem != "иран" || !w.Capital {
		t.Errorf("Иране = %+v", w)
	}
	tests := []struct {
		word string
		keys []string
	}{
		{"Иран", []string{"ира", "иран"}}, // the stemmer cuts "-ан" from the name itself only
		{"Ираном", []string{"иран", "ираном"}},
		{"Ёлкин", []string{"елкин"}},
		{"sanctions", []string{"sanction", "sanctions"}},
		{"NATO", []string{"nato"}},
	}
	for _, tt := range tests {
		if got := NewWord(tt.word).Keys(); !slices.Equal(got, tt.keys) {
			t.Errorf("Keys(%q) = %q, want %q", tt.word, got, tt.keys)
		}
	}
}
