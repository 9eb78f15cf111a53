package supervision

import (
	"encoding/json"
	"time"
)

// profileJSON is a Profile as JSON (a person's copy of their data): the
// reminder day by name, "Monday", not time.Weekday's number.
type profileJSON struct {
	profileFields
	ReminderDay string `json:"reminder_day,omitempty"`
}

// profileFields has Profile's fields and tags without its methods, so
// encoding it does not call MarshalJSON again.
type profileFields Profile

// MarshalJSON writes p with its reminder day by name.
func (p Profile) MarshalJSON() ([]byte, error) {
	return json.Marshal(profileJSON{profileFields: profileFields(p), ReminderDay: p.ReminderDay.String()})
}

// UnmarshalJSON reads what MarshalJSON writes; an unknown day name is Monday.
func (p *Profile) UnmarshalJSON(b []byte) error {
	var v profileJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Profile(v.profileFields)
	p.ReminderDay = time.Monday
	if d, ok := ParseWeekday(v.ReminderDay); ok {
		p.ReminderDay = d
	}
	return nil
}
