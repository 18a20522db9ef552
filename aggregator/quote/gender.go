package quote

// gender is what a word agrees with: the gender or number of a person, a
// pronoun or a noun, or, for a Russian speech verb that shows neither, its
// form. The values are letters so that a dump of a mention reads plainly.
type gender byte

const (
	unknownGender gender = 0   // not known; fits anyone
	masculine     gender = 'm' // "he", "он", "заявил"
	feminine      gender = 'f' // "she", "она", "заявила"
	neuter        gender = 'n' // "оно", "заявило"; a neuter noun
	plural        gender = 'p' // "they", "we", "мы", "заявили"
	firstPerson   gender = 's' // "I", "я": the speaker of the quotation
	inanimate     gender = 'o' // "it": a body or a thing, never a named person
	gerund        gender = 'g' // "заявив", "отмечая": the subject of the sentence's verb
	present       gender = '?' // "говорит", "заявляет": the present tense, which shows no gender
)

// oppositeGenders reports whether a and b are a man's and a woman's.
func oppositeGenders(a, b gender) bool {
	return a == masculine && b == feminine || a == feminine && b == masculine
}
