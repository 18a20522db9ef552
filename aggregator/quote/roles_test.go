package quote

import "testing"

// TestRussianRoleForms: an oblique form of a role word is the word with an
// ending of a noun or adjective; a word that only begins like one is not.
func TestRussianRoleForms(t *testing.T) {
	for w, want := range map[string]string{
		"министром": "министр", "главой": "глава", "главу": "глава", "президента": "президент",
		"представителями": "представитель", "матери": "мать", "дочери": "дочь", "судьи": "судья",
		"главной": "", "главный": "", "главарь": "", "матч": "", "матчах": "", "судьба": "",
		"принцип": "", "чемпионат": "", "экспертиза": "", "женщин": "", "корольчук": "",
	} {
		if got := ruRoleForm(w); got != want {
			t.Errorf("ruRoleForm(%q) = %q, want %q", w, got, want)
		}
	}
}
