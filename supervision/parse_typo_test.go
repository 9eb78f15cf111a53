package supervision

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/internal/text"
)

func TestParseLogCorrectsTypos(t *testing.T) {
	yesterday, today := day(2026, 11, 24), day(2026, 11, 25)
	tests := []struct {
		name        string
		in          string
		want        LogArgs
		corrections []string
	}{
		{"date word", "yestrday clinical 60",
			LogArgs{Date: yesterday, Type: Clinical, Minutes: 60, TypeGiven: true, DateGiven: true}, []string{"yestrday → yesterday"}},
		{"type word", "today clincal 60",
			LogArgs{Date: today, Type: Clinical, Minutes: 60, TypeGiven: true, DateGiven: true}, []string{"clincal → clinical"}},
		{"after log", "log yestrday clinical 60",
			LogArgs{Date: yesterday, Type: Clinical, Minutes: 60, TypeGiven: true, DateGiven: true}, []string{"yestrday → yesterday"}},
		{"as typed, in capitals", "Yestrday Grop",
			LogArgs{Date: yesterday, Type: Group, TypeGiven: true, DateGiven: true}, []string{"Yestrday → yesterday", "Grop → group"}},
		{"weekday", "last tusday peer",
			LogArgs{Date: yesterday, Type: Peer, TypeGiven: true, DateGiven: true}, []string{"tusday → tuesday"}},
		{"two edits", "wensday group",
			LogArgs{Date: today, Type: Group, TypeGiven: true, DateGiven: true}, []string{"wensday → wednesday"}},
		{"last", "lst tuesday",
			LogArgs{Date: yesterday, Type: Clinical, DateGiven: true}, []string{"lst → last"}},
		{"days ago", "3 dyas aog",
			LogArgs{Date: day(2026, 11, 22), Type: Clinical, DateGiven: true}, []string{"dyas → days", "aog → ago"}},
		{"weeks", "2 wekes ago",
			LogArgs{Date: day(2026, 11, 11), Type: Clinical, DateGiven: true}, []string{"wekes → weeks"}},
		{"month", "20 novmber",
			LogArgs{Date: day(2026, 11, 20), Type: Clinical, DateGiven: true}, []string{"novmber → november"}},
		{"length", "group 60 minuts",
			LogArgs{Date: today, Type: Group, Minutes: 60, TypeGiven: true}, []string{"minuts → minutes"}},
		{"length of words", "1 hour 30 minuts",
			LogArgs{Date: today, Type: Clinical, Minutes: 90}, []string{"minuts → minutes"}},
		{"type of two words", "line managemnt 30",
			LogArgs{Date: today, Type: LineManagement, Minutes: 30, TypeGiven: true}, []string{"managemnt → management"}},
		{"alias", "coachng",
			LogArgs{Date: today, Type: CoachingSup, TypeGiven: true}, []string{"coachng → coaching"}},
		{"filler", "clinical supervison 60",
			LogArgs{Date: today, Type: Clinical, Minutes: 60, TypeGiven: true}, []string{"supervison → supervision"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLog(tt.in, wednesday)
			if err != nil || !sameLog(got, tt.want) {
				t.Fatalf("ParseLog(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
			}
			var said []string
			for _, c := range got.Corrections {
				said = append(said, c.String())
			}
			if !slices.Equal(said, tt.corrections) {
				t.Errorf("ParseLog(%q).Corrections = %q, want %q", tt.in, said, tt.corrections)
			}
		})
	}
}

// A word that means something as it is is never read as another, and text
// that reads as typed lists no corrections.
func TestParseLogKeepsKnownWords(t *testing.T) {
	tests := []struct {
		in   string
		want LogArgs
	}{
		{"20 may group", LogArgs{Date: day(2026, 5, 20), Type: Group, TypeGiven: true, DateGiven: true}},
		{"sat peer", LogArgs{Date: day(2026, 11, 21), Type: Peer, TypeGiven: true, DateGiven: true}},
		{"lm 30", LogArgs{Date: day(2026, 11, 25), Type: LineManagement, Minutes: 30, TypeGiven: true}},
		{"wedn als", LogArgs{Date: day(2026, 11, 25), Type: Peer, TypeGiven: true, DateGiven: true}},
		{"thurs 1 hr", LogArgs{Date: day(2026, 11, 19), Type: Clinical, Minutes: 60, DateGiven: true}},
		{"had a long session lasting an hour", LogArgs{Date: day(2026, 11, 25), Type: Clinical, Minutes: 60}},
		{"line managment", LogArgs{Date: day(2026, 11, 25), Type: LineManagement, TypeGiven: true}},
		{"a week ago", LogArgs{Date: day(2026, 11, 18), Type: Clinical, DateGiven: true}},
	}
	for _, tt := range tests {
		got, err := ParseLog(tt.in, wednesday)
		if err != nil || !sameLog(got, tt.want) || len(got.Corrections) != 0 {
			t.Errorf("ParseLog(%q) = %+v, %v, want %+v and no corrections", tt.in, got, err, tt.want)
		}
	}
}

func TestParseLogLeavesUnknownWords(t *testing.T) {
	tests := []struct {
		name, in, quoted, field string
	}{
		{"not near any word", "clinical banana", `"banana"`, "log"},
		{"near a word that does not fit", "clinical online 60", `"online"`, "log"},
		{"too short to tell", "clinical xy", `"xy"`, "log"},
		{"a name after with", "clinical with sma", `"sma"`, "with"},
		{"a word with digits", "clinical yestrday2", `"yestrday2"`, "log"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLog(tt.in, wednesday)
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, ErrUnreadable) || ie.Field != tt.field || !strings.Contains(ie.Message, tt.quoted) {
				t.Errorf("ParseLog(%q) = %+v, %v, want an error for %s naming %s", tt.in, got, err, tt.field, tt.quoted)
			}
		})
	}
}

func TestNearestWordAmbiguous(t *testing.T) {
	// A word as near to two words of different senses is not guessed:
	// "weks" is one edit from weeks and from weds.
	for _, w := range []string{"weks", "tay", "hurs"} {
		var near []string
		for _, tg := range logTargets {
			if text.Distance(w, tg.word) == 1 && !slices.Contains(near, tg.sense) {
				near = append(near, tg.sense)
			}
		}
		if len(near) < 2 {
			t.Fatalf("%q is near %q only: pick a word near two senses", w, near)
		}
		if got, ok := nearestWord(w, logTargets); ok {
			t.Errorf("nearestWord(%q) = %q, true, want false: it is as near to %q", w, got, near)
		}
	}
}

func TestLogTargetsAreKnownLetters(t *testing.T) {
	for _, tg := range logTargets {
		if !isLetters(tg.word) || !logKnown[tg.word] {
			t.Errorf("target %q: want lower-case letters a to z, and known", tg.word)
		}
	}
}
