package outcome_test

import (
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// asciiCase maps the ASCII letters of s with f and leaves every other byte
// alone (Classify matches ASCII names only, so only ASCII case is in play).
func asciiCase(s string, upper bool) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - ('a' - 'A')
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// FuzzClassify checks that Classify never panics, returns either the zero
// Classification or an entry of the catalogue, and does not depend on ASCII
// case or on white space, hyphens and underscores around the name.
func FuzzClassify(f *testing.F) {
	entries := map[string]outcome.Classification{}
	for c := range outcome.Catalogue() {
		entries[c.Name] = c
		f.Add(c.Name)
		for a := range c.Aliases() {
			f.Add(a)
		}
	}
	for _, s := range []string{
		"", " ", "%", "(%)", "No. of calls handled", "# of calls", "Net Promoter Score (NPS)", "AHT (secs) -",
		"Net Promoter Score (CSAT)", "revenue per employee", "cart abandonment rate", "R\u00e9venue",
		"customer\u2019s effort", "Cost\u2013to\u2013Serve", "A (B (C))", "x)", "((", "no", "no of of",
		"abandon rate %", "reven\xffue",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := outcome.Classify(name)
		if !got.IsZero() {
			want, ok := entries[got.Name]
			if !ok || want != got {
				t.Fatalf("Classify(%q) = %#v, not an entry of the catalogue", name, got)
			}
		}
		for _, variant := range []string{
			asciiCase(name, true),
			asciiCase(name, false),
			" " + name + " ",
			"\t-" + name + "-\n",
			"__" + name + " _ ",
		} {
			if v := outcome.Classify(variant); v != got {
				t.Fatalf("Classify(%q) = %v but Classify(%q) = %v", name, got, variant, v)
			}
		}
	})
}
