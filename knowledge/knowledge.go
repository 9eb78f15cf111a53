// Package knowledge owns peerbot's content: short articles in Markdown with
// YAML front matter, embedded in the binary from content/, and the look-ups
// over them. Articles are written in our own words from sourced facts; every
// one names its sources.
//
// An article looks like this:
//
//	---
//	id: role-splw
//	title: Social prescribing link worker (SPLW)
//	summary: One plain sentence.
//	roles: [splw]
//	locality: national
//	synonyms: [link worker, social prescriber]
//	owner: Training hub team
//	reviewed: 2026-11-22
//	sources:
//	  - title: "NHS England: ..."
//	    url: https://www.england.nhs.uk/...
//	    as_of: 2023-05-16
//	---
//	## Summary
//	Markdown body, in "## " sections.
//
// A Base is read-only once loaded and safe for concurrent use.
package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/peerbot/peerbot/supervision"
)

//go:embed content/*.md
var embedded embed.FS

// Content is the content shipped in the binary.
func Content() fs.FS {
	sub, err := fs.Sub(embedded, "content")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}

// Localities are the places that may have content of their own. "national"
// is content for everyone.
var Localities = []string{"national", "gateshead", "london"}

// Entry is one article.
type Entry struct {
	ID       string    `yaml:"id"`
	Title    string    `yaml:"title"`
	Summary  string    `yaml:"summary"`
	Roles    []string  `yaml:"roles"`
	Locality string    `yaml:"locality"`
	Synonyms []string  `yaml:"synonyms"`
	Owner    string    `yaml:"owner"`
	Reviewed Date      `yaml:"reviewed"`
	Sources  []Source  `yaml:"sources"`
	Body     string    `yaml:"-"`
	Sections []Section `yaml:"-"`
	File     string    `yaml:"-"` // the file it came from, for error messages
}

// Source is a document an entry's facts come from.
type Source struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	AsOf  Date   `yaml:"as_of"`
}

// Section is one "## " part of an entry's body.
type Section struct {
	Heading string
	Text    string
}

// Section returns the text of the section with the given heading, compared
// without regard to case, and whether there is one.
func (e *Entry) Section(heading string) (string, bool) {
	for _, s := range e.Sections {
		if strings.EqualFold(s.Heading, heading) {
			return s.Text, true
		}
	}
	return "", false
}

// Date is a calendar date written 2006-01-02 in content files.
type Date struct{ time.Time }

// UnmarshalYAML reads a date written as 2006-01-02.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse(time.DateOnly, n.Value)
	if err != nil {
		return fmt.Errorf("line %d: date %q is not written as YYYY-MM-DD", n.Line, n.Value)
	}
	d.Time = t
	return nil
}

// String writes the date as people read it: "22 Nov 2026".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2 Jan 2006")
}

// Base is a loaded set of entries.
type Base struct {
	entries []*Entry
	byID    map[string]*Entry
}

// ErrInvalid is wrapped by every fault Load finds in the content.
var ErrInvalid = errors.New("invalid content")

// Load reads every .md file at the top of fsys. It returns all the faults it
// finds, each naming its file, joined into one error wrapping ErrInvalid.
func Load(fsys fs.FS) (*Base, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, fmt.Errorf("listing content: %w", err)
	}
	b := &Base{byID: make(map[string]*Entry)}
	var faults []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		e, err := Parse(name, data)
		if err != nil {
			faults = append(faults, err)
			continue
		}
		if prev, ok := b.byID[e.ID]; ok {
			faults = append(faults, fmt.Errorf("%w: %s: id %q is used by %s too", ErrInvalid, name, e.ID, prev.File))
			continue
		}
		b.byID[e.ID] = e
		b.entries = append(b.entries, e)
	}
	if len(faults) > 0 {
		return nil, errors.Join(faults...)
	}
	sort.Slice(b.entries, func(i, j int) bool { return b.entries[i].ID < b.entries[j].ID })
	return b, nil
}

// Entry returns the entry with the given id.
func (b *Base) Entry(id string) (*Entry, bool) {
	e, ok := b.byID[id]
	return e, ok
}

// Entries returns every entry, sorted by id. The slice is the caller's.
func (b *Base) Entries() []*Entry { return append([]*Entry(nil), b.entries...) }

// Parse reads one article. name is used in error messages.
func Parse(name string, data []byte) (*Entry, error) {
	fault := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrInvalid, name, fmt.Sprintf(format, args...))
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, fault("does not start with a --- front matter line")
	}
	front, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, fault("front matter has no closing --- line")
	}
	var e Entry
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&e); err != nil {
		return nil, fault("front matter: %v", err)
	}
	e.File = name
	e.Body = strings.TrimSpace(string(body))
	e.Sections = sections(e.Body)
	if err := e.validate(); err != nil {
		return nil, fault("%v", err)
	}
	return &e, nil
}

func (e *Entry) validate() error {
	var missing []string
	for _, f := range []struct{ name, value string }{
		{"id", e.ID}, {"title", e.Title}, {"summary", e.Summary},
		{"locality", e.Locality}, {"owner", e.Owner},
	} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	if e.Reviewed.IsZero() {
		missing = append(missing, "reviewed")
	}
	if len(e.Sources) == 0 {
		missing = append(missing, "sources")
	}
	if e.Body == "" {
		missing = append(missing, "body")
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	if want := strings.TrimSuffix(path.Base(e.File), ".md"); e.ID != want {
		return fmt.Errorf("id %q differs from the file name %q", e.ID, want)
	}
	if !slices.Contains(Localities, e.Locality) {
		return fmt.Errorf("locality %q is not one of %s", e.Locality, strings.Join(Localities, ", "))
	}
	for _, r := range e.Roles {
		if _, ok := supervision.ParseRole(r); !ok {
			return fmt.Errorf("role %q is not one of splw, hwbc, cc", r)
		}
	}
	for i, s := range e.Sources {
		if strings.TrimSpace(s.Title) == "" {
			return fmt.Errorf("source %d has no title", i+1)
		}
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("source %d: %q is not a web address", i+1, s.URL)
		}
	}
	return nil
}

// sections splits a body at its "## " headings. Text before the first
// heading becomes a section with no heading.
func sections(body string) []Section {
	var out []Section
	var cur *Section
	for line := range strings.SplitSeq(body, "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			out = append(out, Section{Heading: strings.TrimSpace(h)})
			cur = &out[len(out)-1]
			continue
		}
		if cur == nil {
			out = append(out, Section{})
			cur = &out[len(out)-1]
		}
		cur.Text += line + "\n"
	}
	for i := range out {
		out[i].Text = strings.TrimSpace(out[i].Text)
	}
	// Drop an empty lead-in left by a body that starts with a heading.
	if len(out) > 0 && out[0].Heading == "" && out[0].Text == "" {
		out = out[1:]
	}
	return out
}
