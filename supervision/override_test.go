package supervision

import (
	"strings"
	"testing"
)

func TestOverrideApply(t *testing.T) {
	s := DefaultStandards()
	shipped := s.For(Coach, "gateshead")
	o := Override{Role: Coach, Locality: "gateshead", Weeks: 6, MinMinutes: 45}
	got := o.Apply(shipped)
	if got.Kinds[0].Every != (Interval{Days: 42}) || got.Kinds[0].MinMinutes != 45 || got.Kinds[0].Every.String() != "every 6 weeks" {
		t.Errorf("first kind = %+v, want every 6 weeks, at least 45 minutes", got.Kinds[0])
	}
	if len(got.Kinds) > 1 && got.Kinds[1].Every != shipped.Kinds[1].Every {
		t.Error("an override changed a kind after the first")
	}
	if s.For(Coach, "gateshead").Kinds[0].Every != shipped.Kinds[0].Every {
		t.Error("Apply changed the shipped standards")
	}
	if !strings.HasPrefix(got.Basis, "Set by the network's admins for Gateshead") {
		t.Errorf("basis %q does not say admins set it", got.Basis)
	}

	overrides := map[[2]string]Override{
		{"splw", ""}:          {Role: LinkWorker, Weeks: 3},
		{"splw", "gateshead"}: {Role: LinkWorker, Locality: "gateshead", Weeks: 2},
	}
	for _, tt := range []struct {
		role     Role
		locality string
		days     int
	}{{LinkWorker, "gateshead", 14}, {LinkWorker, "london", 21}, {LinkWorker, "", 21}} {
		if got := Overridden(s, overrides, tt.role, tt.locality).Kinds[0].Every.Days; got != tt.days {
			t.Errorf("%s in %q: every %d days, want %d", tt.role, tt.locality, got, tt.days)
		}
	}
	if got := Overridden(s, overrides, Coach, "gateshead"); got.Kinds[0].Every != s.For(Coach, "gateshead").Kinds[0].Every {
		t.Error("a role with no override changed")
	}
}

func TestOverrideCheck(t *testing.T) {
	for _, tt := range []struct {
		o    Override
		want string
	}{
		{Override{Role: LinkWorker, Weeks: 4}, ""},
		{Override{Role: "plumber", Weeks: 4}, "role"},
		{Override{Role: LinkWorker, Weeks: 0}, "1 to 52 weeks"},
		{Override{Role: LinkWorker, Weeks: 53}, "1 to 52 weeks"},
		{Override{Role: LinkWorker, Weeks: 4, MinMinutes: 481}, "minutes"},
		{Override{Role: LinkWorker, Weeks: 4, Locality: "leeds"}, "locality"},
	} {
		err := tt.o.Check()
		if (err == nil) != (tt.want == "") || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("Check(%+v) = %v, want %q", tt.o, err, tt.want)
		}
	}
}
