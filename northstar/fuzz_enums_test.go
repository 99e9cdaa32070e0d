package northstar

import (
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// FuzzParseEnums: ParseMethod, ParseVerdict, ParseCriterion and ParseGate
// never panic; each either fails with one problem of its code and a bounded
// message, or returns a valid value whose text form parses back to it.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"pearson", " Spearman ", "no evidence", "No-Evidence", "leads", "LAGS",
		"coincident", "coverage", "Customer Coverage", "lead", "lead strength", "linkage",
		"linkage to business outcomes", "ratings", "reach", "outcome", " Canvas", "HIERARCHY", " Lead\t", "", "\xff", "line\u212aage", strings.Repeat("x", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fail := func(what string, err error, code outcome.Code) {
			t.Helper()
			if ps := outcome.Problems(err); len(ps) != 1 || ps[0].Code != code {
				t.Fatalf("%s(%q): error %v, want one problem with code %s", what, text, err, code)
			}
			if len(err.Error()) > 400 {
				t.Fatalf("%s(%q): unbounded message of %d bytes", what, text, len(err.Error()))
			}
		}
		if m, err := ParseMethod(text); err != nil {
			fail("ParseMethod", err, ErrUnknownMethod)
		} else if back, err := ParseMethod(m.String()); !m.IsValid() || err != nil || back != m {
			t.Fatalf("ParseMethod(%q) = %v, which does not round-trip", text, m)
		}
		if v, err := ParseVerdict(text); err != nil {
			fail("ParseVerdict", err, ErrUnknownVerdict)
		} else if back, err := ParseVerdict(v.String()); !v.IsValid() || err != nil || back != v {
			t.Fatalf("ParseVerdict(%q) = %v, which does not round-trip", text, v)
		}
		if c, err := ParseCriterion(text); err != nil {
			fail("ParseCriterion", err, ErrUnknownCriterion)
		} else if back, err := ParseCriterion(c.String()); !c.IsValid() || err != nil || back != c {
			t.Fatalf("ParseCriterion(%q) = %v, which does not round-trip", text, c)
		}
		if g, err := ParseGate(text); err != nil {
			fail("ParseGate", err, ErrUnknownGate)
		} else if back, err := ParseGate(g.String()); !g.IsValid() || err != nil || back != g {
			t.Fatalf("ParseGate(%q) = %v, which does not round-trip", text, g)
		}
	})
}
