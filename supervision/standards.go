package supervision

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Kind is one kind of supervision a role should have, and the sessions that
// count toward it. Zero numbers mean the sources give none: peerbot never
// guesses one.
type Kind struct {
	Type        SessionType   `json:"type"`                  // the main session type
	Counts      []SessionType `json:"counts,omitempty"`      // every type that counts, Type first
	Name        string        `json:"name"`                  // "Clinical supervision"
	Every       Interval      `json:"every"`                 // recommended minimum frequency; zero when not known
	MinMinutes  int           `json:"min_minutes,omitempty"` // 0 when not known
	MaxMinutes  int           `json:"max_minutes,omitempty"` // 0 when not known
	Supervisors string        `json:"supervisors"`           // who is suited to supervise, in plain words
	Note        string        `json:"note,omitempty"`        // caveats about the sources
}

// Counted reports whether a session of type t counts toward the kind.
func (k Kind) Counted(t SessionType) bool {
	if len(k.Counts) == 0 {
		return t == k.Type
	}
	return slices.Contains(k.Counts, t)
}

// Standard is how much supervision a role should have, and from whom, in a
// locality ("" for the national standard).
type Standard struct {
	Role     Role     `json:"role"`
	Locality string   `json:"locality,omitempty"` // "" national
	Kinds    []Kind   `json:"kinds"`              // the first is the one status and reminders follow
	Summary  string   `json:"summary"`
	Basis    string   `json:"basis"` // "recommended minimum in NHS England guidance, not contractual"
	Sources  []Source `json:"sources"`
	AsOf     string   `json:"as_of"` // 2006-01-02
}

// Source is where a standard comes from.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	AsOf  string `json:"as_of,omitempty"` // when it was read, 2006-01-02
}

// LocalNote is what peerbot can say about a locality's own standards
// besides the numbers, such as where to read them when the numbers are not
// known.
type LocalNote struct {
	Locality string   `json:"-"`
	Note     string   `json:"note"`
	Sources  []Source `json:"sources,omitempty"`
}

// Localities lists the localities that can have their own standards and
// resources.
var Localities = []string{"gateshead", "london"}

// NoLocality is the word help and messages use for a person in no locality
// of Localities. ParseLocality also takes "other", "national" and others.
const NoLocality = "none"

var localityWords = map[string]string{
	"gateshead":      "gateshead",
	"london":         "london",
	"greater london": "london",
	"":               "",
	"none":           "",
	"national":       "",
	"other":          "",
	"england":        "",
	"elsewhere":      "",
}

// ParseLocality reads a locality in any case: "gateshead", "london", or
// "none", "national", "other" or "" for none, which comes back as "". It
// reports false for anything else.
func ParseLocality(s string) (string, bool) {
	l, ok := localityWords[normalise(s)]
	return l, ok
}

// Standards holds the supervision standard of every role, nationally and
// for localities that have their own. It is not changed after it is built,
// so it is safe to use concurrently; what its methods return are copies.
type Standards struct {
	national map[Role]Standard
	local    map[string]map[Role]Standard
	notes    map[string]LocalNote
}

// standardsFile is the shape of standards.json and of every override file.
type standardsFile struct {
	Standards  []Standard           `json:"standards"`
	Localities map[string]LocalNote `json:"localities,omitempty"`
}

//go:embed standards.json
var defaultJSON []byte

var defaults = sync.OnceValue(func() *Standards {
	s := &Standards{local: map[string]map[Role]Standard{}, notes: map[string]LocalNote{}}
	if err := s.add("standards.json", "", defaultJSON); err != nil {
		panic("supervision: the embedded standards are broken: " + err.Error())
	}
	for _, r := range Roles {
		if _, ok := s.national[r]; !ok {
			panic("supervision: the embedded standards have no standard for " + string(r))
		}
	}
	return s
})

// DefaultStandards returns the standards shipped with peerbot, from the
// embedded standards.json: national only, with notes for localities whose
// own numbers are not known.
func DefaultStandards() *Standards { return defaults() }

// LoadStandards returns the shipped standards with a locality's own from
// overrides (which may be nil): each file standards/<locality>.json there
// replaces, for that locality, the national standard of each role it names,
// and may carry a note for the locality. Files not ending in .json are
// skipped. Every file is checked (known roles, localities and session types,
// URLs that parse, no negative numbers) and an error names the file and the
// fault; nothing is loaded then.
func LoadStandards(overrides fs.FS) (*Standards, error) {
	base := DefaultStandards()
	if overrides == nil {
		return base, nil
	}
	entries, err := fs.ReadDir(overrides, "standards")
	if errors.Is(err, fs.ErrNotExist) {
		return base, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading standards: %w", err)
	}
	s := &Standards{national: base.national, local: map[string]map[Role]Standard{}, notes: map[string]LocalNote{}}
	for k, v := range base.notes {
		s.notes[k] = v
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		name := path.Join("standards", e.Name())
		locality := strings.TrimSuffix(e.Name(), ".json")
		if !slices.Contains(Localities, locality) {
			return nil, fmt.Errorf("%s: unknown locality %q (known: %s)", name, locality, strings.Join(Localities, ", "))
		}
		b, err := fs.ReadFile(overrides, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := s.add(name, locality, b); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// add checks one file and adds what it holds. locality is "" for the
// national file, else the locality every standard in it belongs to.
func (s *Standards) add(name, locality string, b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f standardsFile
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if dec.More() {
		return fmt.Errorf("%s: more than one JSON value", name)
	}
	if len(f.Standards) == 0 && len(f.Localities) == 0 {
		return fmt.Errorf("%s: no standards", name)
	}
	into := s.national
	if locality == "" {
		if into == nil {
			into = map[Role]Standard{}
			s.national = into
		}
	} else {
		into = s.local[locality]
		if into == nil {
			into = map[Role]Standard{}
			s.local[locality] = into
		}
	}
	seen := map[Role]bool{}
	for i, std := range f.Standards {
		where := fmt.Sprintf("%s: standard %d (%s)", name, i+1, std.Role)
		switch {
		case locality == "" && std.Locality != "":
			return fmt.Errorf("%s: a standard for %q belongs in standards/%s.json", where, std.Locality, std.Locality)
		case locality != "" && std.Locality != "" && std.Locality != locality:
			return fmt.Errorf("%s: locality %q in the file for %q", where, std.Locality, locality)
		}
		std.Locality = locality
		if seen[std.Role] {
			return fmt.Errorf("%s: role %q appears twice", where, std.Role)
		}
		seen[std.Role] = true
		if err := checkStandard(&std); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		into[std.Role] = std
	}
	for l, note := range f.Localities {
		where := fmt.Sprintf("%s: localities: %q", name, l)
		if !slices.Contains(Localities, l) {
			return fmt.Errorf("%s: unknown locality (known: %s)", where, strings.Join(Localities, ", "))
		}
		if locality != "" && l != locality {
			return fmt.Errorf("%s: a note for another locality in the file for %q", where, locality)
		}
		if strings.TrimSpace(note.Note) == "" {
			return fmt.Errorf("%s: empty note", where)
		}
		for j, src := range note.Sources {
			if err := checkSource(src); err != nil {
				return fmt.Errorf("%s: source %d: %w", where, j+1, err)
			}
		}
		note.Locality = l
		s.notes[l] = note
	}
	return nil
}

// checkStandard validates std and puts each kind's Type first in Counts.
func checkStandard(std *Standard) error {
	if !slices.Contains(Roles, std.Role) {
		return fmt.Errorf("unknown role %q (known: %s)", std.Role, roleList())
	}
	if strings.TrimSpace(std.Summary) == "" {
		return errors.New("no summary")
	}
	if len(std.Kinds) == 0 {
		return errors.New("no kinds of supervision")
	}
	if err := checkDate(std.AsOf); err != nil {
		return fmt.Errorf("as_of: %w", err)
	}
	if len(std.Sources) == 0 {
		return errors.New("no sources: say where the standard comes from")
	}
	for j, src := range std.Sources {
		if err := checkSource(src); err != nil {
			return fmt.Errorf("source %d: %w", j+1, err)
		}
	}
	kinds := make([]Kind, len(std.Kinds))
	for j, k := range std.Kinds {
		if err := checkKind(&k); err != nil {
			return fmt.Errorf("kind %d (%s): %w", j+1, k.Type, err)
		}
		kinds[j] = k
	}
	std.Kinds = kinds
	return nil
}

func checkKind(k *Kind) error {
	if !k.Type.Valid() {
		return fmt.Errorf("unknown session type %q (known: %s)", k.Type, typeList())
	}
	if strings.TrimSpace(k.Name) == "" {
		return errors.New("no name")
	}
	counts := []SessionType{k.Type}
	for _, t := range k.Counts {
		if !t.Valid() {
			return fmt.Errorf("counts: unknown session type %q (known: %s)", t, typeList())
		}
		if !slices.Contains(counts, t) {
			counts = append(counts, t)
		}
	}
	k.Counts = counts
	switch {
	case k.Every.Months < 0 || k.Every.Days < 0:
		return fmt.Errorf("every: negative interval %+v", k.Every)
	case k.Every.Months > 24 || k.Every.Days > 730:
		return fmt.Errorf("every: %+v is more than two years", k.Every)
	case k.MinMinutes < 0 || k.MaxMinutes < 0:
		return errors.New("negative minutes")
	case k.MinMinutes > MaxMinutes || k.MaxMinutes > MaxMinutes:
		return fmt.Errorf("minutes over %d", MaxMinutes)
	case k.MaxMinutes > 0 && k.MinMinutes > k.MaxMinutes:
		return fmt.Errorf("min_minutes %d is more than max_minutes %d", k.MinMinutes, k.MaxMinutes)
	}
	return nil
}

func checkSource(s Source) error {
	if strings.TrimSpace(s.Title) == "" {
		return errors.New("no title")
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return fmt.Errorf("url: %w", err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("url %q: want an http or https address", s.URL)
	}
	if err := checkDate(s.AsOf); err != nil {
		return fmt.Errorf("as_of: %w", err)
	}
	return nil
}

func checkDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("%q is not a date like 2026-11-22", s)
	}
	return nil
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// For returns the standard for role in locality: the locality's own if it
// has one, else the national one. For a role it does not know it returns a
// Standard with that Role and no Kinds.
func (s *Standards) For(role Role, locality string) Standard {
	if std, ok := s.local[locality][role]; ok {
		return clone(std)
	}
	if std, ok := s.national[role]; ok {
		return clone(std)
	}
	return Standard{Role: role}
}

// All returns the standard of every role for locality, in Roles order.
func (s *Standards) All(locality string) []Standard {
	out := make([]Standard, len(Roles))
	for i, r := range Roles {
		out[i] = s.For(r, locality)
	}
	return out
}

// Local returns the note about a locality's own standards, if there is one:
// for example that they exist but their numbers are not known, and where to
// read them.
func (s *Standards) Local(locality string) (LocalNote, bool) {
	n, ok := s.notes[locality]
	n.Sources = slices.Clone(n.Sources)
	return n, ok
}

func clone(std Standard) Standard {
	std.Kinds = slices.Clone(std.Kinds)
	for i := range std.Kinds {
		std.Kinds[i].Counts = slices.Clone(std.Kinds[i].Counts)
	}
	std.Sources = slices.Clone(std.Sources)
	return std
}
