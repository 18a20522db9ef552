package extract

import "testing"

func TestIsBoilerplate(t *testing.T) {
	furniture := []string{
		"Follow us on Telegram",
		"Advert",
		"This slideshow requires JavaScript.",
		"Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com. Follow her on Twitter @AmyKup or on Facebook.",
		"[button link=”http://www.morebikes.co.uk/submit-kit-review/” type=”big”] Send us YOUR kit review[/button]",
		"Читайте также: новости дня",
		"Advertisement · Scroll to continue",
		"Continue Reading Below",
		"Opinions expressed by Forbes Contributors are their own.",
		"Reporting by Gopal Sharma, additional reporting by Lisa Barrington, writing by Shilpa Jamkhandikar, Editing by Alex Richardson",
		"Leave a comment",
		"Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for more information.",
	}
	for _, s := range furniture {
		if !isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = false, want true", s)
		}
	}
	text := []string{
		"Advertisers have pulled out of the channel after the interview aired.",
		"The mayor said he would follow the council's advice on the tip of the peninsula.",
		"Police said the suspect could be reached at his home in Newark but declined to comment.",
		"Reporting by the newspaper led to the minister's resignation. He denied wrongdoing.",
	}
	for _, s := range text {
		if isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = true, want false", s)
		}
	}
}
