package bot

import (
	"strings"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// Modal limits (https://docs.slack.dev/reference/views/modal-views).
const (
	maxModalTitle   = 24   // title and button labels
	maxModalLabel   = 2000 // an input's label
	maxModalHint    = 2000
	maxPlaceholder  = 150
	maxOptions      = 100 // options in a static select
	maxOptionText   = 75
	maxMetadata     = 3000 // private_metadata
	maxInitialValue = 3000
)

// FormView draws a form as a Slack modal. Each input is an input block whose
// block id and action id are both the input's ID, so a submission's values
// are found under the same name; and Slack shows a field error next to the
// block with that id.
func FormView(f handlers.Form) slack.ModalViewRequest {
	submit := f.Submit
	if submit == "" {
		submit = "Save"
	}
	v := slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           slack.NewTextBlockObject(slack.PlainTextType, clip(f.Title, maxModalTitle), false, false),
		Submit:          slack.NewTextBlockObject(slack.PlainTextType, clip(submit, maxModalTitle), false, false),
		Close:           slack.NewTextBlockObject(slack.PlainTextType, "Cancel", false, false),
		CallbackID:      f.ID,
		PrivateMetadata: clip(f.State, maxMetadata),
	}
	if strings.TrimSpace(f.Intro) != "" {
		v.Blocks.BlockSet = append(v.Blocks.BlockSet, section(clip(mrkdwn(f.Intro), maxSectionText), nil))
	}
	for _, in := range f.Fields {
		v.Blocks.BlockSet = append(v.Blocks.BlockSet, inputBlock(in))
	}
	return v
}

func inputBlock(in handlers.Input) *slack.InputBlock {
	text := func(s string, n int) *slack.TextBlockObject {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return slack.NewTextBlockObject(slack.PlainTextType, clip(s, n), false, false)
	}
	placeholder := text(in.Placeholder, maxPlaceholder)
	var el slack.BlockElement
	switch in.Kind {
	case handlers.SelectInput:
		var opts []*slack.OptionBlockObject
		var initial *slack.OptionBlockObject
		for _, o := range in.Options[:min(len(in.Options), maxOptions)] {
			opt := slack.NewOptionBlockObject(o.Value, text(o.Label, maxOptionText), nil)
			opts = append(opts, opt)
			if o.Value == in.Initial && in.Initial != "" {
				initial = opt
			}
		}
		s := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, placeholder, in.ID, opts...)
		s.InitialOption = initial
		el = s
	case handlers.UserInput:
		s := slack.NewOptionsSelectBlockElement(slack.OptTypeUser, placeholder, in.ID)
		s.InitialUser = in.Initial
		el = s
	case handlers.DateInput:
		d := slack.NewDatePickerBlockElement(in.ID)
		d.InitialDate = in.Initial
		d.Placeholder = placeholder
		el = d
	case handlers.TimeInput:
		t := slack.NewTimePickerBlockElement(in.ID)
		t.InitialTime = in.Initial
		t.Placeholder = placeholder
		el = t
	case handlers.NumberInput:
		n := slack.NewNumberInputBlockElement(placeholder, in.ID, false)
		n.InitialValue = in.Initial
		el = n
	default:
		p := slack.NewPlainTextInputBlockElement(placeholder, in.ID)
		p.InitialValue = clip(in.Initial, maxInitialValue)
		el = p
	}
	b := slack.NewInputBlock(in.ID, text(in.Label, maxModalLabel), text(in.Hint, maxModalHint), el)
	b.Optional = in.Optional
	return b
}

// formValues reads a submitted modal's values by input ID: the text typed,
// the option, person, date or time chosen, or "" for an empty field.
func formValues(state *slack.ViewState) map[string]string {
	out := make(map[string]string)
	if state == nil {
		return out
	}
	for blockID, actions := range state.Values {
		for _, a := range actions {
			var v string
			switch {
			case a.SelectedOption.Value != "":
				v = a.SelectedOption.Value
			case a.SelectedUser != "":
				v = a.SelectedUser
			case a.SelectedDate != "":
				v = a.SelectedDate
			case a.SelectedTime != "":
				v = a.SelectedTime
			default:
				v = a.Value
			}
			out[blockID] = strings.TrimSpace(v)
		}
	}
	return out
}
