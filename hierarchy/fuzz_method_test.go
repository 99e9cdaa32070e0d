package hierarchy_test

import (
	"strings"
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// FuzzParseMethod: ParseMethod never panics, and either fails with one
// problem of code ErrUnknownMethod or returns a valid method whose String
// and MarshalText both parse back to it; MarshalText's token is its String
// with a hyphen for each space, so no JSON holds a space.
func FuzzParseMethod(f *testing.F) {
	for _, s := range []string{"weighted sum", "weighted-sum", " Weighted-Mean ", "MIN", "max", "", "\xff", "weighted\u00a0sum"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m, err := hierarchy.ParseMethod(text)
		if err != nil {
			if ps := outcome.Problems(err); len(ps) != 1 || ps[0].Code != hierarchy.ErrUnknownMethod {
				t.Fatalf("ParseMethod(%q): %v", text, err)
			}
			return
		}
		back, err := hierarchy.ParseMethod(m.String())
		if !m.IsValid() || err != nil || back != m {
			t.Fatalf("ParseMethod(%q) = %v, which does not parse back", text, m)
		}
		token, err := m.MarshalText()
		if err != nil || string(token) != strings.ReplaceAll(m.String(), " ", "-") {
			t.Fatalf("%v.MarshalText() = %q, %v, want its String in kebab-case", m, token, err)
		}
		var read hierarchy.Method
		if err := read.UnmarshalText(token); err != nil || read != m {
			t.Fatalf("%v: its token %q reads back as %v, %v", m, token, read, err)
		}
	})
}
