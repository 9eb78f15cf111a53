package supervision

import (
	"errors"
	"testing"
)

// The parsers refuse an NHS number in every written shape, and a labelled
// one whatever its check digit, before they read anything else.
func TestParsersRefuseEveryShapeOfNHSNumber(t *testing.T) {
	for _, n := range []string{"943.476.5919", "943/476/5919", "943 4765 919", "9434 765 919", "nhs no: 943 476 5918"} {
		if _, err := ParseSetup(`role=splw pcn="` + n + `"`); !errors.Is(err, ErrNHSNumber) {
			t.Errorf("ParseSetup(pcn=%q) error = %v, want ErrNHSNumber", n, err)
		}
		if _, err := ParseLog("yesterday clinical 60 "+n, wednesday); !errors.Is(err, ErrNHSNumber) {
			t.Errorf("ParseLog(%q) error = %v, want ErrNHSNumber", n, err)
		}
		if _, err := ParseLeave("2026-12-20 2026-12-27 "+n, wednesday); !errors.Is(err, ErrNHSNumber) {
			t.Errorf("ParseLeave(%q) error = %v, want ErrNHSNumber", n, err)
		}
	}
}

// Dates and times written with dots and slashes, as people type them, are
// still read as dates.
func TestParsersTakeDottedAndSlashedDates(t *testing.T) {
	for _, in := range []string{"20/11/2026 clinical 60", "20.11.2026 58", "20/11/2026 58", "2026-11-20 90"} {
		if _, err := ParseLog(in, wednesday); errors.Is(err, ErrNHSNumber) {
			t.Errorf("ParseLog(%q) error = %v, want no NHS number", in, err)
		}
	}
	if _, err := ParseSetup(`role=splw pcn="Gateshead Inner West" time=10:30`); err != nil {
		t.Errorf("ParseSetup with a time: error = %v, want nil", err)
	}
}
