package hierarchy_test

import (
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// FuzzParseMethod: ParseMethod never panics, and either fails with one
// problem of code ErrUnknownMethod or returns a valid method whose text
// parses back to it.
func FuzzParseMethod(f *testing.F) {
	for _, s := range []string{"weighted sum", " Weighted-Mean ", "MIN", "max", "", "\xff", "weighted\u00a0sum"} {
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
	})
}
