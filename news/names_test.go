package news

import "testing"

func TestSpeakerSlug(t *testing.T) {
	for name, want := range map[string]string{
		"Сергей Лавров":      "sergey-lavrov",
		"Лев Пономарёв":      "lev-ponomarev",
		"Лев Пономарев":      "lev-ponomarev",
		"Мария Захарова":     "mariya-zakharova",
		"Владимир Зеленский": "vladimir-zelenskiy",
		"Евгений Пригожин":   "yevgeniy-prigozhin",
		"Дмитрий Песков":     "dmitriy-peskov",
		"Sergei Lavrov":      "sergei-lavrov",
		"МИД России":         "mid-rossii",
		"«»":                 "",
	} {
		if got := SpeakerSlug(name); got != want {
			t.Errorf("SpeakerSlug(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestTransliterate(t *testing.T) {
	for _, c := range []struct {
		in   string
		sc   Scheme
		want string
	}{
		{"Зеленский", BGN, "zelenskiy"}, {"Зеленский", ICAO, "zelenskii"}, {"Зеленский", GOST, "zelenskij"},
		{"Зеленский", English, "zelensky"}, {"Алексей", English, "alexei"}, {"Сергей", English, "sergei"},
		{"Юлия", ICAO, "iuliia"}, {"Мария", English, "maria"}, {"Харьков", GOST, "xarkov"},
		{"Евгений", BGN, "yevgeniy"}, {"Пётр", English, "pyotr"},
	} {
		if got := Transliterate(c.in, c.sc); got != c.want {
			t.Errorf("Transliterate(%q, %d) = %q, want %q", c.in, c.sc, got, c.want)
		}
	}
}

// The spellings of one name that Russian-, Ukrainian- and English-language
// sources use share a skeleton; different names do not.
func TestNameSkeleton(t *testing.T) {
	same := [][]string{
		{"Зеленский", "Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Зеленський"},
		{"Захарова", "Zakharova"}, {"Песков", "Peskov"}, {"Путин", "Putin"},
		{"Сергей Лавров", "Sergei Lavrov", "Sergey Lavrov"},
		{"Владимир Зеленский", "Volodymyr Zelenskyy", "Володимир Зеленський"},
		{"Дмитрий Песков", "Dmitry Peskov", "Dmitri Peskov"},
		{"Мария Захарова", "Maria Zakharova", "Mariya Zakharova"},
		{"Юлия", "Yulia", "Iuliia"}, {"Алексей", "Alexei", "Aleksey"}, {"Евгений", "Yevgeny", "Evgeny"},
	}
	for _, names := range same {
		for _, n := range names[1:] {
			if a, b := NameSkeleton(names[0]), NameSkeleton(n); a != b {
				t.Errorf("NameSkeleton(%q) = %q, NameSkeleton(%q) = %q", names[0], a, n, b)
			}
		}
	}
	for _, pair := range [][2]string{{"Лавров", "Лавренов"}, {"Песков", "Пески"}, {"Путин", "Путина"}} {
		if NameSkeleton(pair[0]) == NameSkeleton(pair[1]) {
			t.Errorf("%q and %q share the skeleton %q", pair[0], pair[1], NameSkeleton(pair[0]))
		}
	}
}
