package story_test

import (
	"strings"
	"testing"
	"time"

	"github.com/syndic/syndic/aggregator/story"
)

// TestCopiedPhrases compares reports that copy one press release (the
// Vladimir investigators' statement of 15 November 2019, as provladimir.ru
// and variant-v.ru printed it) under titles in other words: they share its
// phrases, and so are one story. The same words in another order share no
// phrase.
func TestCopiedPhrases(t *testing.T) {
	release := "Проведенные следственные действия и оперативные мероприятия указали на причастность к совершению " +
		"преступления 21-летнего молодого человека, временно зарегистрированного на территории города Владимира. " +
		"Решается вопрос об избрании в отношении подозреваемого меры пресечения в виде заключения под стражу."
	shuffled := strings.Fields(release)
	for i, j := 0, len(shuffled)-1; i < j; i, j = i+1, j-1 {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	at := time.Date(2019, 11, 15, 12, 0, 0, 0, time.UTC)
	g := story.New(story.Options{})
	g.Add(story.Report{ID: 1, Outlet: "ПроВладимир", Title: "Во Владимире поймали педофила",
		Text: "Региональный Следственный комитет сообщил о поимке молодого человека.\n\n" + release, Published: at})
	g.Add(story.Report{ID: 2, Outlet: "Вариант", Title: "Во Владимире задержан подозреваемый в развратных действиях против школьницы",
		Text: "6 ноября на территории школы №25 мужчина подошел к 15-летней девушке. " + release, Published: at.Add(time.Hour)})
	g.Add(story.Report{ID: 3, Outlet: "Третий", Title: "Во Владимире задержан подозреваемый",
		Text: strings.Join(shuffled, " "), Published: at.Add(time.Hour)})

	copied, _, _ := g.Compare(1, 2)
	if copied.Phrases < 10 {
		t.Errorf("reports copying one release share %d phrases, want at least 10", copied.Phrases)
	}
	if shuffledEv, _, _ := g.Compare(1, 3); shuffledEv.Phrases != 0 {
		t.Errorf("the release's words in another order share %d phrases, want 0", shuffledEv.Phrases)
	}
	if without := copied; story.Score(copied) < story.DefaultThreshold {
		t.Errorf("reports copying one release score %.2f, want one story (from %.1f): %+v", story.Score(copied), story.DefaultThreshold, without)
	} else if without.Phrases = 0; story.Score(without) >= story.DefaultThreshold {
		t.Errorf("without their phrases the two reports still score %.2f: the test no longer shows what phrases add", story.Score(without))
	}
}
