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

	"github.com/cxmodel/cx/outcome"
)

// methodPassages are the passages that METHOD.md, the domain brief, puts in
// double quotes: "Quoted phrases are the method's own words". Its other
// text is a distillation, not the method's words, and is never quoted as
// the method's. Copied from it, lines joined with one space.
var methodPassages = []string{
	"Outside-In", "what we produce, what we make", "a result of what we make",
	"You can't get any more quantifiable than that.", "what we deliver for the Customer", "Joy", "Expression",
	"Are they mostly about outputs? Usually, the balance will be 80% output metrics",
	"will only be a small proportion", "What you measure is what you get.",
	"if you pay people for doing dumb stuff they get really smart at it.", "Failure-Demand cycle",
	"retrospective and subjective", "'one question rules them all' approaches",
	"There is a hierarchy that connects Tasks to Activities to Outputs to Business Outcomes and ultimately Successful Customer Outcomes.",
	"connect everything they do, from the customer interaction, right through to individual task, activity, and systems that support them",
	"connect the dots from the front line to the top team",
	"is everything you are doing aligned to delivering a successful customer outcome?", "yes, 100%",
	"you may be doing dumb stuff really well",
	"The North Star metric is the most critical. It is that Metric that would consistently deliver Successful Customer Outcomes and drive sustainable growth if you focus on above all else.",
	"daily active users", "nights booked", "monthly organization upskilling",
	"examining your current key performance indicators and assessing what could be a lead Metric. Examine the metrics in the context of what creates the best outcome, for the business and the customer.",
	"Aggregate the SCOC's against all your customer categories and bringing out the most significant ones and deciding which is the most essential Metric.",
	"80% of profit comes from 20% of customers", "touches everyone and everything",
	"drives down the cost of delivery, improves service and grows revenue. This triple crown of deliverables becomes the tangible measure of success",
	"simultaneously lowering costs, improving service and growing revenues",
	"increasing revenue, decreasing costs, and significantly increasing value by reducing time to respond",
	"Linking the triple crown across the departments and divisions ... everyone becomes accountable for demonstrating their substantial triple crown contribution. This, in turn, ensures a significant contribution to delivering the ROI for the CX Initiative.",
	"substantial",
}

// isMethodWords reports whether s is a passage of the method's own words,
// exactly, but that its first letter may change case to start or continue
// a sentence ("Usually, ..." quoted from "... outputs? Usually, ...").
func isMethodWords(s string) bool {
	if s == "" {
		return false
	}
	for _, q := range methodPassages {
		for _, t := range []string{s, flipFirst(s)} {
			// A whole passage ("Joy"), or some of its words from the start
			// of one ("Task" of "Tasks"), of at least three letters: not
			// "a", nor "roduce, what" cut from within a word.
			if q == t || len(t) >= 3 && containsWords(q, t) {
				return true
			}
		}
	}
	return false
}

// containsWords reports whether t occurs in q starting at the start of a
// word (it may end within one: a plural's singular).
func containsWords(q, t string) bool {
	for i := 0; ; {
		j := strings.Index(q[i:], t)
		if j < 0 {
			return false
		}
		start := i + j
		if start == 0 || !isWordByte(q[start-1]) {
			return true
		}
		i = start + 1
	}
}

// isWordByte reports whether c is part of a word: a letter or a digit.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// flipFirst changes the case of s's first letter, an ASCII one.
func flipFirst(s string) string {
	switch c := s[0]; {
	case 'a' <= c && c <= 'z':
		return string(c-'a'+'A') + s[1:]
	case 'A' <= c && c <= 'Z':
		return string(c-'A'+'a') + s[1:]
	}
	return s
}

// quoted returns the passages of s in double quotes.
func quoted(s string) []string {
	parts := strings.Split(s, `"`)
	var out []string
	for i := 1; i < len(parts); i += 2 {
		out = append(out, parts[i])
	}
	return out
}

func TestIsMethodWords(t *testing.T) {
	for _, s := range []string{
		"what we produce, what we make", "what we produce", "Usually, the balance will be 80% output metrics",
		"one question rules them all", "retrospective and subjective", "is everything you are doing aligned",
		"Is everything you are doing aligned", "Simultaneously lowering costs", "Joy", "Task",
	} {
		assert.True(t, isMethodWords(s), "%q", s)
	}
	// METHOD.md's distillation, which it does not quote; a change of case
	// past the first letter; words the method does not use.
	for _, s := range []string{
		"the work that produces outputs", "a failure to do something right for the customer",
		"by whether customers actually achieve it", "the time until they do",
		"the share of journeys that end in the outcome", "a project delivered", "on time",
		"progress against budget", "cost optimisation", "usually, The balance", "what the customer achieves", "",
		// Fragments cut smaller than a word's start, or too short to be words.
		"a", "we", "roduce, what", "joyful",
	} {
		assert.False(t, isMethodWords(s), "%q", s)
	}
}

// TestCatalogue_reasonsQuoteTheMethod: what a reason puts in double quotes
// is the method's own words ([outcome.Classification]'s Reason).
func TestCatalogue_reasonsQuoteTheMethod(t *testing.T) {
	for c := range outcome.Catalogue() {
		q := quoted(c.Reason)
		assert.NotEmpty(t, q, "%s: the reason quotes the method", c.Name)
		for _, s := range q {
			assert.True(t, isMethodWords(s), "%s: %q is quoted as the method's but is not its words", c.Name, s)
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
					if !methodNamed.MatchString(before) || isMethodWords(parts[i]) {
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
