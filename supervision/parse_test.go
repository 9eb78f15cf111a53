package supervision

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// london is the zone most people in these tests live in.
var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	loc, err := LoadZone(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// day returns midnight in London on the date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, london) }

// wednesday is the fixed "today" of most tests: Wednesday 25 November 2026,
// mid-afternoon in London.
var wednesday = time.Date(2026, time.November, 25, 15, 4, 5, 0, london)

// checkInputError fails unless err is an *InputError with a message, for
// field, holding want (nil for no sentinel).
func checkInputError(t testing.TB, call string, err error, field string, want error) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("%s error = %v (%T), want *InputError", call, err, err)
	}
	if ie.Message == "" || !strings.HasSuffix(ie.Message, ".") && !strings.HasSuffix(ie.Message, "?") && !strings.Contains(ie.Message, ": ") {
		t.Errorf("%s message = %q, want a full sentence", call, ie.Message)
	}
	if field != "" && ie.Field != field {
		t.Errorf("%s field = %q, want %q", call, ie.Field, field)
	}
	if want != nil && !errors.Is(err, want) {
		t.Errorf("%s error = %v, want errors.Is %v", call, err, want)
	}
	if err.Error() != ie.Message {
		t.Errorf("%s Error() = %q, want the message %q", call, err.Error(), ie.Message)
	}
}
