package supervision

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestDefaultNumbers pins every number the shipped standards state. Each
// must come from FACTS.md section 5 (the quick reference summary for monthly
// SPLW and HWBC supervision; secondary summaries of the HWBC framework for 1
// to 2 hours of coaching supervision a month); care coordinators have none.
// Change this test only with a source.
func TestDefaultNumbers(t *testing.T) {
	type numbers struct {
		Type     SessionType
		Every    Interval
		Min, Max int
	}
	want := map[Role][]numbers{
		LinkWorker:  {{Clinical, Interval{Months: 1}, 0, 0}},
		Coach:       {{Clinical, Interval{Months: 1}, 0, 0}, {CoachingSup, Interval{Months: 1}, 60, 120}},
		Coordinator: {{Clinical, Interval{}, 0, 0}},
	}
	s := DefaultStandards()
	for _, r := range Roles {
		std := s.For(r, "")
		var got []numbers
		for _, k := range std.Kinds {
			got = append(got, numbers{k.Type, k.Every, k.MinMinutes, k.MaxMinutes})
		}
		if !reflect.DeepEqual(got, want[r]) {
			t.Errorf("DefaultStandards().For(%s) numbers = %+v, want %+v", r, got, want[r])
		}
	}
}

func TestDefaultStandards(t *testing.T) {
	s := DefaultStandards()
	all := s.All("")
	if len(all) != len(Roles) {
		t.Fatalf("All() has %d standards, want %d", len(all), len(Roles))
	}
	for i, std := range all {
		if std.Role != Roles[i] {
			t.Errorf("All()[%d].Role = %s, want %s", i, std.Role, Roles[i])
		}
		if std.Locality != "" || std.Summary == "" || std.Basis == "" || std.AsOf == "" || len(std.Sources) == 0 {
			t.Errorf("standard for %s = %+v, want national, with summary, basis, as-of date and sources", std.Role, std)
		}
		if !strings.Contains(std.Basis, "DES") {
			t.Errorf("standard for %s: basis %q, want it to name the Network Contract DES", std.Role, std.Basis)
		}
		for _, k := range std.Kinds {
			if k.Name == "" || k.Supervisors == "" || len(k.Counts) == 0 || k.Counts[0] != k.Type {
				t.Errorf("standard for %s: kind %+v, want a name, supervisors and Counts starting with Type", std.Role, k)
			}
		}
		for _, src := range std.Sources {
			if !strings.HasPrefix(src.URL, "https://") {
				t.Errorf("standard for %s: source %+v, want an https address", std.Role, src)
			}
		}
	}
	for _, r := range []Role{LinkWorker, Coach} {
		if b := s.For(r, "").Basis; !strings.Contains(b, "not contractual") {
			t.Errorf("basis for %s = %q, want it to say not contractual", r, b)
		}
	}
	if n := s.For(Coach, "").Kinds[1].Note; !strings.Contains(n, "secondary summaries") {
		t.Errorf("coaching supervision note = %q, want it to say it rests on secondary summaries", n)
	}
	if b := s.For(Coordinator, "").Basis; !strings.Contains(b, "not available") {
		t.Errorf("basis for cc = %q, want it to say the row was not available", b)
	}
	// Gateshead: no numbers shipped, a note pointing to the local page.
	if got, want := s.For(Coach, "gateshead"), s.For(Coach, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("For(hwbc, gateshead) = %+v, want the national standard", got)
	}
	note, ok := s.Local("gateshead")
	if !ok || note.Locality != "gateshead" || len(note.Sources) != 1 || note.Sources[0].URL != "https://tynehealthlanddn.co.uk/personalised-care/" {
		t.Errorf("Local(gateshead) = %+v, %v, want a note with the Tyne Health page", note, ok)
	}
	if _, ok := s.Local("london"); ok {
		t.Error("Local(london) = _, true, want no note")
	}
	if got := s.For("pharmacist", ""); got.Role != "pharmacist" || len(got.Kinds) != 0 {
		t.Errorf(`For("pharmacist") = %+v, want the role and no kinds`, got)
	}
}

func TestStandardsAreCopies(t *testing.T) {
	s := DefaultStandards()
	std := s.For(Coach, "")
	std.Kinds[0].Every.Months = 99
	std.Kinds[0].Counts[0] = Peer
	std.Sources[0].URL = "changed"
	again := s.For(Coach, "")
	if again.Kinds[0].Every.Months != 1 || again.Kinds[0].Counts[0] != Clinical || again.Sources[0].URL == "changed" {
		t.Error("changing what For returned changed the standards")
	}
}

// gatesheadCoach is a good override file.
const gatesheadCoach = `{"standards": [{
	"role": "hwbc", "locality": "gateshead", "summary": "Local standard.", "basis": "Local guidance.",
	"kinds": [{"type": "coaching", "counts": ["group", "coaching"], "name": "Coaching supervision", "every": {"days": 28}, "min_minutes": 60, "supervisors": "A coaching supervisor."}],
	"sources": [{"title": "Local standard", "url": "https://example.org/standards", "as_of": "2026-11-01"}],
	"as_of": "2026-11-01"}],
	"localities": {"gateshead": {"note": "Our own standard."}}}`

func TestLoadStandards(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"nil":          nil,
		"empty":        {},
		"no standards": {"articles/a.md": {Data: []byte("x")}},
	} {
		var s *Standards
		var err error
		if fsys == nil {
			s, err = LoadStandards(nil)
		} else {
			s, err = LoadStandards(fsys)
		}
		if err != nil || !reflect.DeepEqual(s.All("gateshead"), DefaultStandards().All("gateshead")) {
			t.Errorf("LoadStandards(%s) = %v, want the defaults", name, err)
		}
	}

	s, err := LoadStandards(fstest.MapFS{
		"standards/gateshead.json": {Data: []byte(gatesheadCoach)},
		"standards/README.md":      {Data: []byte("not a standard")},
	})
	if err != nil {
		t.Fatalf("LoadStandards(gateshead) = %v", err)
	}
	got := s.For(Coach, "gateshead")
	if got.Locality != "gateshead" || got.Summary != "Local standard." || len(got.Kinds) != 1 ||
		got.Kinds[0].Every != (Interval{Days: 28}) || !reflect.DeepEqual(got.Kinds[0].Counts, []SessionType{CoachingSup, Group}) {
		t.Errorf("For(hwbc, gateshead) = %+v, want the override with Counts led by its type", got)
	}
	if !reflect.DeepEqual(s.For(Coach, "london"), DefaultStandards().For(Coach, "")) {
		t.Error("For(hwbc, london) changed, want the national standard")
	}
	if !reflect.DeepEqual(s.For(LinkWorker, "gateshead"), DefaultStandards().For(LinkWorker, "")) {
		t.Error("For(splw, gateshead) changed, want the national standard: the file names only hwbc")
	}
	if all := s.All("gateshead"); all[1].Summary != "Local standard." || all[0].Locality != "" {
		t.Errorf("All(gateshead) = %+v, want the override for hwbc only", all)
	}
	if note, _ := s.Local("gateshead"); note.Note != "Our own standard." {
		t.Errorf("Local(gateshead) = %+v, want the override's note", note)
	}
	if note, _ := DefaultStandards().Local("gateshead"); note.Note == "Our own standard." {
		t.Error("loading an override changed the defaults")
	}
}

func TestLoadStandardsRefuses(t *testing.T) {
	// edit returns the good file with one change.
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal([]byte(gatesheadCoach), &m); err != nil {
			panic(err)
		}
		f(m)
		b, _ := json.Marshal(m)
		return string(b)
	}
	std := func(m map[string]any) map[string]any { return m["standards"].([]any)[0].(map[string]any) }
	kind := func(m map[string]any) map[string]any { return std(m)["kinds"].([]any)[0].(map[string]any) }
	tests := []struct {
		name, file, data, want string
	}{
		{"unknown locality", "standards/leeds.json", gatesheadCoach, "unknown locality"},
		{"bad JSON", "standards/gateshead.json", `{"standards": [`, "unexpected EOF"},
		{"unknown field", "standards/gateshead.json", edit(func(m map[string]any) { std(m)["often"] = 1 }), "unknown field"},
		{"nothing", "standards/gateshead.json", `{}`, "no standards"},
		{"unknown role", "standards/gateshead.json", edit(func(m map[string]any) { std(m)["role"] = "pharmacist" }), "unknown role"},
		{"role twice", "standards/gateshead.json", edit(func(m map[string]any) {
			m["standards"] = append(m["standards"].([]any), std(m))
		}), "twice"},
		{"other locality", "standards/london.json", gatesheadCoach, `"gateshead" in the file for "london"`},
		{"unknown type", "standards/gateshead.json", edit(func(m map[string]any) { kind(m)["type"] = "mentoring" }), "unknown session type"},
		{"unknown counted type", "standards/gateshead.json", edit(func(m map[string]any) { kind(m)["counts"] = []string{"huddle"} }), "unknown session type"},
		{"negative months", "standards/gateshead.json", edit(func(m map[string]any) { kind(m)["every"] = map[string]int{"months": -1} }), "negative"},
		{"negative minutes", "standards/gateshead.json", edit(func(m map[string]any) { kind(m)["min_minutes"] = -5 }), "negative"},
		{"min over max", "standards/gateshead.json", edit(func(m map[string]any) { kind(m)["max_minutes"] = 30 }), "more than max_minutes"},
		{"no kinds", "standards/gateshead.json", edit(func(m map[string]any) { std(m)["kinds"] = []any{} }), "no kinds"},
		{"no name", "standards/gateshead.json", edit(func(m map[string]any) { kind(m)["name"] = "" }), "no name"},
		{"no sources", "standards/gateshead.json", edit(func(m map[string]any) { std(m)["sources"] = []any{} }), "no sources"},
		{"bad URL", "standards/gateshead.json", edit(func(m map[string]any) {
			std(m)["sources"] = []any{map[string]string{"title": "x", "url": "http://[::1"}}
		}), "url"},
		{"not a web address", "standards/gateshead.json", edit(func(m map[string]any) {
			std(m)["sources"] = []any{map[string]string{"title": "x", "url": "example.org/page"}}
		}), "http or https"},
		{"bad date", "standards/gateshead.json", edit(func(m map[string]any) { std(m)["as_of"] = "Nov 2026" }), "as_of"},
		{"note for another place", "standards/gateshead.json", edit(func(m map[string]any) {
			m["localities"] = map[string]any{"london": map[string]string{"note": "x"}}
		}), "another locality"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := LoadStandards(fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
			if err == nil {
				t.Fatalf("LoadStandards(%s) = %v, nil, want an error", tt.name, s)
			}
			if !strings.Contains(err.Error(), tt.file) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadStandards(%s) = %v, want an error naming %s and saying %q", tt.name, err, tt.file, tt.want)
			}
		})
	}
}
