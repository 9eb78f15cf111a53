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
//	questions:             # ways people ask for what it answers
//	  - "What does a link worker do?"
//	defines:               # optional: abbreviations this article explains
//	  - term: SPLW
//	    means: social prescribing link worker
//	referral:              # optional, for a role's article: whom it helps
//	  why: "One sentence on why the role helps."
//	  cues: [lonely, isolated, housing]
//	owner: Training hub team
//	owner_slack: U0123ABCD # optional: the Slack user told when a review falls due
//	reviewed: 2026-11-22
//	sources:
//	  - title: "NHS England: ..."
//	    url: https://www.england.nhs.uk/...
//	    as_of: 2023-05-16
//	---
//	## Summary
//	Markdown body, in "## " sections.
//
// Base.Search answers questions from the articles with the package's own
// full-text search (index.go, search.go): BM25F ranking over title,
// synonyms, summary, body and the article's questions, a lift for a query
// near one of an article's questions, a synonym table of role names, abbreviations
// and everyday words (synonyms.go), a light English stemmer and stop words
// (stem.go), and typo correction (typo.go). Each search says how confident
// it is, so the bot can say it is not sure rather than guess.
//
// Base.Answer answers a question as /ask does (answer.go, intents.go,
// passage.go): the safety reply first for a question about risk to someone;
// a short definition for "what does ARRS stand for" from the articles'
// "defines"; questions about the asker's own role ("what band am I")
// answered for the role in their profile; "who should I refer to" answered
// from the role articles' "referral" cues; subjects the content does not
// cover (HR, IT, medicines) refused honestly; otherwise the best article
// found by search, led by its best-matching section. How well it does is
// measured on two question sets in testdata (eval_test.go, `make eval`).
//
// Check validates content as `peerbot knowledge check` does, and LoadWith
// lays local articles (KNOWLEDGE_DIR) over the shipped ones.
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
	"unicode/utf8"

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
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title"`
	Summary  string   `yaml:"summary"`
	Roles    []string `yaml:"roles"`
	Locality string   `yaml:"locality"`
	Synonyms []string `yaml:"synonyms"`
	// Questions are ways people ask for what the article answers, in
	// their words ("how often should I get supervision"); search
	// weighs a question's words as a field of their own.
	Questions []string `yaml:"questions"`
	Owner     string   `yaml:"owner"`
	// OwnerSlack is the Slack user id of whoever reviews the article,
	// told by DM when a review falls due; "" tells the admins.
	OwnerSlack string   `yaml:"owner_slack"`
	Reviewed   Date     `yaml:"reviewed"`
	Sources    []Source `yaml:"sources"`
	// Defines lists the abbreviations the entry is the place to explain,
	// for "what does X stand for".
	Defines []Abbreviation `yaml:"defines"`
	// Referral says whom a role's article is the answer for, in "who
	// should I refer to" questions; nil for other articles.
	Referral *Referral `yaml:"referral"`
	Body     string    `yaml:"-"`
	Sections []Section `yaml:"-"`
	File     string    `yaml:"-"` // the file it came from, for error messages
}

// Abbreviation is a term an entry explains, for "what is X": an
// abbreviation ("ARRS" means "the Additional Roles Reimbursement Scheme"),
// or a name with no Means ("social prescribing"). Text is a short
// definition, sourced by the entry; "" for the entry's summary.
type Abbreviation struct {
	Term  string `yaml:"term"`
	Means string `yaml:"means"`
	Text  string `yaml:"text"`
}

// Referral is whom a role helps: words that describe such a person's needs
// ("lonely", "appointments") and one sentence saying why the role helps,
// sourced by the entry.
type Referral struct {
	Why  string   `yaml:"why"`
	Cues []string `yaml:"cues"`
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

// Base is a loaded set of entries and the search index over them, built once
// when it is loaded.
type Base struct {
	entries []*Entry
	byID    map[string]*Entry
	index   *Index
	terms   map[string]entryTerms // by entry id, for choosing a passage
	defs    []definedTerm         // the terms entries define, for "what is X"
	// listed are the entries' own questions, as plainWords writes them,
	// each of one entry only.
	listed map[string]*Entry
	// named are the entries' synonyms of two or more words (named.go).
	named []namedPhrase
	// heads are the stems of each entry's title, summary and synonyms, by
	// entry id (see headNames).
	heads map[string]map[string]bool
	// told are the stems of what each entry defines and of whom it helps,
	// which search does not index, by entry id (see coverage).
	told map[string]map[string]bool
}

// ErrInvalid is wrapped by every fault Load finds in the content.
var ErrInvalid = errors.New("invalid content")

// Load reads every .md file at the top of fsys. It returns all the faults it
// finds, each naming its file, joined into one error wrapping ErrInvalid.
func Load(fsys fs.FS) (*Base, error) { return LoadWith(fsys, nil) }

// LoadWith reads the shipped articles and then those of extra, a folder of
// local content (KNOWLEDGE_DIR): an extra article adds to the shipped ones,
// and one with the id of a shipped article replaces it. A nil extra loads
// the shipped articles only. Faults are reported as Load reports them.
func LoadWith(shipped fs.FS, extra fs.FS) (*Base, error) {
	b := &Base{byID: make(map[string]*Entry)}
	entries, faults, err := readAll(shipped)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b.byID[e.ID] = e
	}
	if extra != nil {
		more, moreFaults, err := readAll(extra)
		if err != nil {
			return nil, err
		}
		faults = append(faults, moreFaults...)
		for _, e := range more {
			b.byID[e.ID] = e
		}
	}
	if len(faults) > 0 {
		return nil, errors.Join(faults...)
	}
	for _, e := range b.byID {
		b.entries = append(b.entries, e)
	}
	sort.Slice(b.entries, func(i, j int) bool { return b.entries[i].ID < b.entries[j].ID })
	b.index = NewIndex(b.entries)
	b.terms = make(map[string]entryTerms, len(b.entries))
	for _, e := range b.entries {
		b.terms[e.ID] = termsOf(e)
	}
	b.defs = definedTerms(b.entries)
	b.listed = listedQuestions(b.entries)
	b.named = namedPhrases(b.entries)
	b.heads = headStems(b.entries)
	b.told = toldStems(b.entries)
	return b, nil
}

// readAll parses every .md file at the top of fsys. It returns the good
// entries and the faults, each wrapping ErrInvalid; err is for a folder
// that cannot be read at all.
func readAll(fsys fs.FS) (entries []*Entry, faults []error, err error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, nil, fmt.Errorf("listing content: %w", err)
	}
	seen := make(map[string]*Entry)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", name, err)
		}
		e, err := Parse(name, data)
		if err != nil {
			faults = append(faults, err)
			continue
		}
		if prev, ok := seen[e.ID]; ok {
			faults = append(faults, fmt.Errorf("%w: %s: id %q is used by %s too", ErrInvalid, name, e.ID, prev.File))
			continue
		}
		seen[e.ID] = e
		entries = append(entries, e)
	}
	return entries, faults, nil
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
	e, err := parse(name, data)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// parse is Parse, but when the front matter reads and only its content is at
// fault it returns the entry too, so Check can look for further faults.
func parse(name string, data []byte) (*Entry, error) {
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
	if problems := e.problems(); len(problems) > 0 {
		return &e, fault("%s", strings.Join(problems, "; "))
	}
	return &e, nil
}

// problems lists what is wrong with an entry as Parse sees it, or nothing.
func (e *Entry) problems() []string {
	var out, missing []string
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
	if e.OwnerSlack != "" && !slackUserID.MatchString(e.OwnerSlack) {
		out = append(out, fmt.Sprintf("owner_slack %q is not a Slack user id (such as U0123ABCD)", e.OwnerSlack))
	}
	if len(e.Sources) == 0 {
		missing = append(missing, "sources")
	}
	if e.Body == "" {
		missing = append(missing, "body")
	}
	if len(missing) > 0 {
		out = append(out, "missing "+strings.Join(missing, ", "))
	}
	if want := strings.TrimSuffix(path.Base(e.File), ".md"); e.ID != "" && e.ID != want {
		out = append(out, fmt.Sprintf("id %q differs from the file name %q", e.ID, want))
	}
	if e.Locality != "" && !slices.Contains(Localities, e.Locality) {
		out = append(out, fmt.Sprintf("locality %q is not one of %s", e.Locality, strings.Join(Localities, ", ")))
	}
	for _, r := range e.Roles {
		if _, ok := supervision.ParseRole(r); !ok {
			out = append(out, fmt.Sprintf("role %q is not one of splw, hwbc, cc", r))
		}
	}
	for i, d := range e.Defines {
		if strings.TrimSpace(d.Term) == "" || strings.TrimSpace(d.Means) == "" && d.Term == strings.ToUpper(d.Term) {
			out = append(out, fmt.Sprintf("definition %d needs a term, and for an abbreviation what it stands for", i+1))
		}
	}
	out = append(out, questionProblems(e.Questions)...)
	if e.Referral != nil && (strings.TrimSpace(e.Referral.Why) == "" || len(e.Referral.Cues) == 0) {
		out = append(out, "referral needs why and cues")
	}
	for i, s := range e.Sources {
		if strings.TrimSpace(s.Title) == "" {
			out = append(out, fmt.Sprintf("source %d has no title", i+1))
		}
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			out = append(out, fmt.Sprintf("source %d: %q is not a web address", i+1, s.URL))
		}
	}
	return out
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

// MaxQuestion is the longest question an article may list, in characters.
const MaxQuestion = 150

// questionProblems lists what is wrong with an article's questions: an
// empty one, one too long, one listed twice.
func questionProblems(qs []string) []string {
	var out []string
	seen := make(map[string]bool)
	for i, q := range qs {
		key := strings.Join(plainWords(q), " ")
		switch {
		case key == "":
			out = append(out, fmt.Sprintf("question %d is empty", i+1))
		case utf8.RuneCountInString(q) > MaxQuestion:
			out = append(out, fmt.Sprintf("question %d is longer than %d characters", i+1, MaxQuestion))
		case seen[key]:
			out = append(out, fmt.Sprintf("question %d %q is listed twice", i+1, q))
		}
		seen[key] = true
	}
	return out
}
