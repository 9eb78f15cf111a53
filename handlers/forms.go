package handlers

import "context"

// Form is a transport-neutral form, drawn as a Slack modal. Its ID names the
// FormFunc that takes its submission.
type Form struct {
	ID     string // callback id: which FormFunc takes the submission, "supervision.setup"
	Title  string // at most 24 characters
	Submit string // the submit button's label, at most 24 characters; "Save" when empty
	Intro  string // a line of text above the fields
	Fields []Input
	// State is carried through the form untouched (Slack's
	// private_metadata, at most 3000 characters); never personal data
	// beyond ids.
	State string
}

// InputKind is the kind of a form field.
type InputKind int

// The kinds of form field.
const (
	TextInput   InputKind = iota // one line of text
	SelectInput                  // one of Options
	UserInput                    // a person in the workspace; the value is a user id
	DateInput                    // a date; the value is written 2006-01-02
	TimeInput                    // a time of day; the value is written 15:04
	NumberInput                  // a whole number
)

// Input is one field of a form.
type Input struct {
	ID          string // the key of its value in a Submission
	Label       string
	Kind        InputKind
	Options     []Option // for SelectInput
	Initial     string   // the value shown at first, in the same form as submitted
	Optional    bool
	Hint        string
	Placeholder string
}

// Option is one choice of a SelectInput.
type Option struct {
	Value string
	Label string
}

// Submission is a filled-in form.
type Submission struct {
	Request                   // who sent it; Args is empty
	Form    string            // the form's ID
	Values  map[string]string // field ID → value, "" for an empty optional field
	State   string            // the form's State, as sent
}

// FormResult is what a FormFunc makes of a submission. With Errors, the
// form stays open and each message is shown under its field; nothing was
// saved. Without, the form closes and Reply is sent to the person (its Text
// by direct message, when not empty) with its Messages and RefreshHome.
type FormResult struct {
	Errors map[string]string // field ID → what is wrong, in kind words
	Reply  Reply
}

// FormFunc takes the submission of a form. Like a HandlerFunc, an error is
// for faults; a person's mistake is a FormResult with Errors.
type FormFunc func(ctx context.Context, sub Submission) (FormResult, error)

// HomeFunc draws a person's App Home tab.
type HomeFunc func(ctx context.Context, userID string) (Reply, error)
