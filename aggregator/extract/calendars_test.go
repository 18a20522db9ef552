package extract

import (
	"fmt"
	"testing"
)

func TestJalaliToGregorian(t *testing.T) {
	cases := []struct {
		jy, jm, jd int
		want       string
	}{
		{1399, 1, 1, "2020-03-20"},
		{1399, 4, 2, "2020-06-22"},
		{1402, 1, 1, "2023-03-21"},
		{1402, 10, 10, "2023-12-31"},
		{1403, 1, 1, "2024-03-20"},
		{1403, 12, 30, "2025-03-20"}, // 1403 is a leap year
		{1357, 11, 22, "1979-02-11"},
	}
	for _, c := range cases {
		y, m, d := jalaliToGregorian(c.jy, c.jm, c.jd)
		if got := fmt.Sprintf("%04d-%02d-%02d", y, m, d); got != c.want {
			t.Errorf("jalaliToGregorian(%d, %d, %d) = %s, want %s", c.jy, c.jm, c.jd, got, c.want)
		}
	}
}
