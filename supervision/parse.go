package supervision

import (
	"errors"
	"fmt"
	"strings"

	"github.com/peerbot/peerbot/internal/text"
)

// Sentinel errors found inside an *InputError (use errors.Is).
var (
	ErrFutureDate = errors.New("date is in the future")
	ErrTooLong    = errors.New("too long")
	ErrTooEarly   = errors.New("date is before primary care networks began")
	ErrUnreadable = errors.New("cannot read the input")
)

// InputError is a mistake in what a person typed. Message is a full, kind
// sentence to show them as it is; Field names the part that was wrong
// ("date", "type", "minutes", "with", "log", "from", "to", or a setup key);
// Err is one of the sentinels above, or ErrNHSNumber, or nil.
type InputError struct {
	Field   string
	Message string
	Err     error
}

// Error returns the message for the person: it is safe to show.
func (e *InputError) Error() string { return e.Message }

// Unwrap returns the sentinel, so errors.Is(err, ErrFutureDate) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(field string, sentinel error, format string, a ...any) *InputError {
	return &InputError{Field: field, Message: fmt.Sprintf(format, a...), Err: sentinel}
}

const nhsMessage = "That looks like it holds an NHS number, so I haven't saved anything. Please leave out any patient details: dates, types, lengths and names of colleagues are all I need."

func nhsErr(field string) *InputError {
	return &InputError{Field: field, Message: nhsMessage, Err: ErrNHSNumber}
}

// maxInput bounds what the parsers read, so a pasted essay gets a kind
// answer rather than a slow one.
const maxInput = 500

// dayFormat is how dates appear in messages: "25 Nov 2026".
const dayFormat = "2 Jan 2006"

// typed is what a person typed, trimmed and shortened to 41 characters, for
// quoting back to them in a message.
func typed(s string) string { return text.Clip(strings.TrimSpace(s), 41) }
