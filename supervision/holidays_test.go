package supervision

import (
	"testing"
	"time"
)

// The bank holidays in England and Wales that gov.uk lists for 2026 to
// 2028, substitute days included.
func TestBankHoliday(t *testing.T) {
	holidays := map[int][]string{
		2026: {"01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"},
		2027: {"01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"},
		2028: {"01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"},
	}
	// The days a holiday falls at a weekend are days off too; they are not
	// working days for a reminder either way.
	weekendHolidays := map[string]bool{"2026-12-26": true, "2027-12-25": true, "2027-12-26": true, "2028-01-01": true}
	for y, days := range holidays {
		want := map[string]bool{}
		for _, d := range days {
			want[time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006-")+d] = true
		}
		for d := time.Date(y, 1, 1, 12, 0, 0, 0, london); d.Year() == y; d = d.AddDate(0, 0, 1) {
			key := d.Format("2006-01-02")
			if got := BankHoliday(d); got != (want[key] || weekendHolidays[key]) {
				t.Errorf("BankHoliday(%s, a %s) = %v, want %v", key, d.Weekday(), got, !got)
			}
		}
	}
}
