package knowledge

import (
	"fmt"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits Check holds articles to. Slack caps a header block at 150
// characters and a section block's text at 3000, and an article's title and
// sections are shown in those blocks.
const (
	MaxTitle   = 150
	MaxSection = 3000
)

// Check validates every .md file at the top of fsys as an article, as of
// now, and returns every fault it finds, each naming its file and wrapping
// ErrInvalid; nil means the content is good. Beyond what Load checks it
// requires that no reviewed date and no source's as_of date is after now's
// date, that every source has an as_of date, that a title is at most
// MaxTitle characters, that each section is at most MaxSection, that no
// abbreviation is defined by two articles and no question listed by two, and
// that an article's questions are neither empty, longer than MaxQuestion,
// nor repeated.
func Check(fsys fs.FS, now time.Time) []error {
	fault := func(name, format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrInvalid, name, fmt.Sprintf(format, args...))
	}
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return []error{fault(".", "listing content: %v", err)}
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var faults []error
	seen := make(map[string]string)    // id to the file that has it
	defined := make(map[string]string) // an abbreviation, lower case, to the file that defines it
	asked := make(map[string]string)   // a question, as plain words, to the file that lists it
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			faults = append(faults, fault(name, "reading: %v", err))
			continue
		}
		e, err := parse(name, data)
		if err != nil {
			faults = append(faults, err)
		}
		if e == nil {
			continue
		}
		if prev, ok := seen[e.ID]; ok && e.ID != "" {
			faults = append(faults, fault(name, "id %q is used by %s too", e.ID, prev))
		} else {
			seen[e.ID] = name
		}
		for _, d := range e.Defines {
			term := strings.ToLower(strings.TrimSpace(d.Term))
			if prev, ok := defined[term]; ok && prev != name {
				faults = append(faults, fault(name, "abbreviation %q is defined by %s too: one article should explain it", d.Term, prev))
			} else {
				defined[term] = name
			}
		}
		for _, q := range e.Questions {
			key := strings.Join(plainWords(q), " ")
			if prev, ok := asked[key]; ok && prev != name && key != "" {
				faults = append(faults, fault(name, "question %q is listed by %s too: one article should answer it", q, prev))
			} else {
				asked[key] = name
			}
		}
		if e.Reviewed.After(today) {
			faults = append(faults, fault(name, "reviewed date %s is in the future", e.Reviewed.Format(time.DateOnly)))
		}
		for i, s := range e.Sources {
			switch {
			case s.AsOf.IsZero():
				faults = append(faults, fault(name, "source %d has no as_of date", i+1))
			case s.AsOf.After(today):
				faults = append(faults, fault(name, "source %d: as_of date %s is in the future", i+1, s.AsOf.Format(time.DateOnly)))
			}
		}
		if n := utf8.RuneCountInString(e.Title); n > MaxTitle {
			faults = append(faults, fault(name, "title is %d characters, more than %d", n, MaxTitle))
		}
		for _, s := range e.Sections {
			if n := utf8.RuneCountInString(s.Text); n > MaxSection {
				heading := s.Heading
				if heading == "" {
					heading = "(before the first heading)"
				}
				faults = append(faults, fault(name, "section %q is %d characters, more than %d", heading, n, MaxSection))
			}
		}
	}
	return faults
}
