package extract

import (
	"unicode"
)

// misdecoded says why a text looks decoded with the wrong charset, or ""
// when it reads as text: many U+FFFD replacement characters, Cyrillic
// bytes read as Latin-1 ("Ïðèâåò"), or UTF-8 read as Latin-1 ("ÐŸÑ€Ð").
// Pages reach Extract already converted to UTF-8; this catches a
// converter that guessed wrong.
func misdecoded(text string) string {
	var letters, runes, replacement, latin1, utf8AsLatin int
	prevLead := false
	for _, r := range text {
		runes++
		switch {
		case r == '\uFFFD':
			replacement++
		case r >= 0xC0 && r <= 0xFF && r != 0xD7 && r != 0xF7:
			latin1++
		}
		if prevLead && r >= 0x80 && r <= 0xBF || prevLead && r >= 0x2010 && r <= 0x203A {
			utf8AsLatin++
		}
		prevLead = r == 'Ð' || r == 'Ñ' || r == 'Ã' || r == 'Â'
		if unicode.IsLetter(r) {
			letters++
		}
	}
	switch {
	case runes >= 50 && replacement*20 > runes:
		return "many U+FFFD replacement characters"
	case letters >= 100 && utf8AsLatin*10 > letters:
		return "UTF-8 read as a single-byte charset"
	case letters >= 100 && latin1*10 > letters*3:
		return "a Cyrillic single-byte charset read as Latin-1"
	}
	return ""
}
