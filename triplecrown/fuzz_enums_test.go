package triplecrown

import (
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// FuzzParseEnums: the parsers of crowns, statuses, verdicts and currencies
// never panic; they either fail with their code, bounded in length, or
// return a valid value whose text parses back to it, and that text is the
// input but for case, surrounding white space and hyphens for spaces.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"cost", " Service ", "REVENUE", "won", "flat", "lost", "inconclusive",
		"triple crown", "Double-Crown", "single crown", "no crown", "trade-off", "trade off",
		"EUR", "eur", "", "\xff", "triple\u00a0crown", strings.Repeat("x", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		check := func(what string, s interface{ String() string }, err error, code outcome.Code) {
			t.Helper()
			if err != nil {
				if ps := outcome.Problems(err); len(ps) != 1 || ps[0].Code != code {
					t.Fatalf("%s(%q): error %v, want one problem with code %s", what, text, err, code)
				}
				if len(err.Error()) > 400 {
					t.Fatalf("%s(%q): unbounded message of %d bytes", what, text, len(err.Error()))
				}
				return
			}
			norm := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(text)), "-", " ")
			if what == "ParseCurrency" {
				norm = text
			}
			if got := strings.ReplaceAll(s.String(), "-", " "); got != norm {
				t.Fatalf("%s(%q) = %q, which is not the input", what, text, s.String())
			}
		}
		c, err := ParseCrown(text)
		check("ParseCrown", c, err, ErrUnknownCrown)
		if err == nil {
			if back, err := ParseCrown(c.String()); err != nil || back != c {
				t.Fatalf("ParseCrown(%q) does not round-trip", c)
			}
		}
		s, err := ParseStatus(text)
		check("ParseStatus", s, err, ErrUnknownStatus)
		if err == nil {
			if back, err := ParseStatus(s.String()); err != nil || back != s {
				t.Fatalf("ParseStatus(%q) does not round-trip", s)
			}
		}
		v, err := ParseVerdict(text)
		check("ParseVerdict", v, err, ErrUnknownVerdict)
		if err == nil {
			if back, err := ParseVerdict(v.String()); err != nil || back != v {
				t.Fatalf("ParseVerdict(%q) does not round-trip", v)
			}
		}
		cur, err := ParseCurrency(text)
		check("ParseCurrency", cur, err, ErrUnknownCurrency)
	})
}
