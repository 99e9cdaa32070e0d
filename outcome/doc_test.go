package outcome_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/methodtest"
	"github.com/cxmodel/cx/outcome"
)

// TestCatalogue_reasonsQuoteTheMethod: what a reason puts in double quotes
// is the method's own words ([outcome.Classification]'s Reason).
func TestCatalogue_reasonsQuoteTheMethod(t *testing.T) {
	for c := range outcome.Catalogue() {
		q := methodtest.Quoted(c.Reason)
		assert.NotEmpty(t, q, "%s: the reason quotes the method", c.Name)
		for _, s := range q {
			assert.True(t, methodtest.IsMethodWords(s), "%s: %q is quoted as the method's but is not its words", c.Name, s)
		}
	}
}

// methodNamed matches the method named in a sentence: "the method", "the
// method's", but not "methods". An "interval method" is taken out first.
var methodNamed = regexp.MustCompile(`(?i)\bmethod('s)?\b`)

// notQuotes are the passages in double quotes, in sentences that name the
// method, that are not the method's words but text of the library's (a
// level's name as String writes it, a spelling ParseLevel accepts), each
// with the file it is in.
var notQuotes = map[string][]string{
	"level.go": {"Activity", "Level(N)", "SCO", "customer outcome", "BO"},
}

// TestDocs_quoteTheMethod: in the package's comments, a passage in double
// quotes in a sentence that names the method is the method's own words, or
// one of notQuotes. Statistical methods (interval methods, papers' titles
// in proportion.go and interval.go) are not the method.
func TestDocs_quoteTheMethod(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	checked := 0
	for _, name := range files {
		switch {
		case name == "interval.go", name == "proportion.go", name == "example_proportion_test.go":
			continue // statistical methods
		case strings.HasSuffix(name, "_test.go") && !strings.HasPrefix(name, "example_"):
			continue // tests' comments; examples are documentation
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, cg := range f.Comments {
			for _, para := range strings.Split(cg.Text(), "\n\n") {
				para = strings.Join(strings.Fields(para), " ")
				parts := strings.Split(para, `"`)
				for i := 1; i < len(parts); i += 2 {
					// The sentence before the passage.
					before := strings.Join(parts[:i], `"`)
					if k := max(strings.LastIndex(before, ". "), strings.LastIndex(before, "; ")); k >= 0 {
						before = before[k+1:]
					}
					before = strings.ReplaceAll(strings.ToLower(before), "interval method", "")
					if !methodNamed.MatchString(before) || methodtest.IsMethodWords(parts[i]) {
						checked++
						continue
					}
					assert.Contains(t, notQuotes[name], parts[i], "%s: %q is quoted as the method's but is not its words",
						fset.Position(cg.Pos()), parts[i])
				}
			}
		}
	}
	assert.Greater(t, checked, 100, "the comments quote")
}
