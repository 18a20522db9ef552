package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	// reBoilerLine is a short paragraph that is page furniture wherever it
	// stands: share and follow prompts, view counters, "read also".
	reBoilerLine = regexp.MustCompile(`(?i)^(?:follow\s+(?:us|\S+)\s+on\b|join\s+us\s+on|subscribe\s+to\s+(?:our|the)|sign\s+up\s+(?:for|to)|share\s+(?:this|on|it|the)|liked\s+the\s+story|share-line|views?\s*:?\s*\d|\d[\d\s]*views?$|просмотр|\d+\s+просмотр|подписывайтесь|подпишитесь|присоединяйтесь|читайте\s+(?:также|нас|новости|наш)|смотрите\s+также|по\s+теме:?$|ещ[её]\s+по\s+теме|следите\s+за|поделиться|ссылка\s+скопирована|print$|copy\s+link|advertisement$|advert$|advertisement\s*[·|•-]\s*scroll\s+to\s+continue$|(?:reporting|writing|editing|additional\s+reporting)\s+by\s[^.!?]{3,200}$|continue\s+reading(?:\s+below)?$|opinions\s+expressed\s+by\s|leave\s+a\s+(?:comment|reply)$|our\s+standards\s*:|реклама$|this\s+slideshow\s+requires\s+javascript|have\s+a\s+(?:news\s+)?tip\b|\[(?:button|caption|gallery|embed)\b|read\s+more\b|read\s+also\b|see\s+also\b|related\s*:|more\s*:|recommended\s*(?:for\s+you)?:?$|you\s+may\s+also\s+like|most\s+(?:read|popular)|tags?\s*:|теги\s*:|метки\s*:|фото\s*:|photo\s*:|источник\s*:|source\s*:|джерело\s*:|©|all\s+rights\s+reserved|все\s+права\s+защищены|we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|мы\s+используем\s+(?:файлы\s+)?cookie|click\s+here\s+to|download\s+(?:the|our)\s+app|skip\s+(?:to|the)\s|loading\.*$|загрузка\.*$|comments?\s*\(?\d*\)?$|комментари[иея]\s*\(?\d*\)?$|font\s*size|a[+-]$|twitter$|facebook$|telegram$|caption$|close$|open$|expand$|text\s+size$|(?:last\s+)?(?:updated|posted|published|modified|обновлено|опубликовано)\b[^.!?]{0,60}\d[^.!?]{0,60}(?:[ap]\.?m\.?)?$|don'?t\s+miss|see\s+more\b|must\s+see|more\s+from\b|watch\s*:|listen\s*:|whatsapp$|vk$|вконтакте$|одноклассники$|email$|e-mail$)`)
	// reBoilerAnywhere is furniture even inside a longer short line.
	reBoilerAnywhere = regexp.MustCompile(`(?i)follow\s+us\s+on|в\s+нашем\s+(?:instagram|telegram|телеграм|инстаграм|telegram-канале|канале|youtube|твиттере|фейсбуке)|подписывайся|(?:подписывайтесь|подпишитесь)\s+на\s+(?:наш|нас)|share\s+it\s+on\s+social|liked\s+the\s+story|newsletter|рассылк[уа]|cookie|(?:may|can)\s+be\s+reached\s+at\s+\S+@|click\s+here\s+for\s+more\s+information`)
)

// isBoilerplate reports whether a body paragraph is page furniture.
func isBoilerplate(t string) bool {
	n := utf8.RuneCountInString(t)
	if n == 0 {
		return true
	}
	if n <= 160 && reBoilerLine.MatchString(t) {
		return true
	}
	if n <= 200 && reBoilerAnywhere.MatchString(t) {
		return true
	}
	return false
}

// isCaptionCredit is a photo credit or caption credit line ("Фото: …").
func isCaptionCredit(t string) bool {
	return utf8.RuneCountInString(t) <= 150 && reNotAuthor.MatchString(t) && strings.Contains(t, ":")
}
