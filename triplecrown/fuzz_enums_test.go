package triplecrown

import (
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// FuzzParseEnums: the parsers of crowns, statuses, verdicts, combinations
// and currencies never panic; they either fail with their code, bounded in
// length, or return a value whose text parses back to it, and that text is
// the input but for case, surrounding white space and hyphens for spaces
// (currencies: exactly the input). The value's MarshalText, what JSON holds,
// parses back to it too, and is its String with a hyphen for each space
// (kebab-case, as every enum of the module is written).
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"cost", " Service ", "REVENUE", "won", "flat", "lost", "inconclusive",
		"triple crown", "triple-crown", "Double-Crown", "single crown", "no crown", "trade-off", "trade off",
		"by sample size", "by-sample-size", "By-Weight", "EUR", "eur", "", "\xff", "triple\u00a0crown", strings.Repeat("x", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		loose := func(s string) string { return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", " ") }
		kebab := func(s string) string { return strings.ReplaceAll(s, " ", "-") }
		same := func(s string) string { return s }
		checkParse(t, "ParseCrown", text, ParseCrown, ErrUnknownCrown, loose, kebab)
		checkParse(t, "ParseStatus", text, ParseStatus, ErrUnknownStatus, loose, kebab)
		checkParse(t, "ParseVerdict", text, ParseVerdict, ErrUnknownVerdict, loose, kebab)
		checkParse(t, "ParseCombination", text, ParseCombination, ErrUnknownCombination, loose, kebab)
		checkParse(t, "ParseCurrency", text, ParseCurrency, ErrUnknownCurrency, same, kebab)
	})
}

// checkParse checks one parser on text: an error is one problem with code,
// and bounded; a value's String parses back to it, and equals the text as
// norm normalises it; its MarshalText is its String as token writes it, and
// parses back to it.
func checkParse[T interface {
	comparable
	String() string
	MarshalText() ([]byte, error)
}](t *testing.T, what, text string, parse func(string) (T, error), code outcome.Code, norm, token func(string) string) {
	t.Helper()
	v, err := parse(text)
	if err != nil {
		if ps := outcome.Problems(err); len(ps) != 1 || ps[0].Code != code {
			t.Fatalf("%s(%q): error %v, want one problem with code %s", what, text, err, code)
		}
		if len(err.Error()) > 400 {
			t.Fatalf("%s(%q): unbounded message of %d bytes", what, text, len(err.Error()))
		}
		return
	}
	if norm(v.String()) != norm(text) {
		t.Fatalf("%s(%q) = %q, which is not the input", what, text, v.String())
	}
	if back, err := parse(v.String()); err != nil || back != v {
		t.Fatalf("%s(%q) = %q, which does not parse back to itself", what, text, v.String())
	}
	b, err := v.MarshalText()
	if err != nil || string(b) != token(v.String()) {
		t.Fatalf("%s(%q): MarshalText = %q, %v, want %q", what, text, b, err, token(v.String()))
	}
	if back, err := parse(string(b)); err != nil || back != v {
		t.Fatalf("%s(%q): MarshalText %q does not parse back to %q", what, text, b, v.String())
	}
}
