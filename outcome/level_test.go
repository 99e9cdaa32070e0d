package outcome_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// The method's hierarchy, from the front line up to the customer: "Tasks to
// Activities to Outputs to Business Outcomes and ultimately Successful
// Customer Outcomes" (METHOD.md, section 2).
var hierarchyOrder = []outcome.Level{
	outcome.Task, outcome.Activity, outcome.Output, outcome.BusinessOutcome, outcome.CustomerOutcome,
}

func TestLevels(t *testing.T) {
	assert.Equal(t, hierarchyOrder, slices.Collect(outcome.Levels()))
	// The sequence is reusable.
	assert.Equal(t, hierarchyOrder, slices.Collect(outcome.Levels()))

	t.Run("early stop", func(t *testing.T) {
		var got []outcome.Level
		for l := range outcome.Levels() {
			got = append(got, l)
			if l == outcome.Activity {
				break
			}
		}
		assert.Equal(t, []outcome.Level{outcome.Task, outcome.Activity}, got)
	})
}

func TestLevel_order(t *testing.T) {
	// Every ordered pair of levels: i and j are positions in the hierarchy.
	for i, l := range hierarchyOrder {
		for j, m := range hierarchyOrder {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			assert.Equal(t, want, l.Compare(m), "%v.Compare(%v)", l, m)
			assert.Equal(t, i < j, l.Below(m), "%v.Below(%v)", l, m)
			assert.Equal(t, i > j, l.Above(m), "%v.Above(%v)", l, m)
		}
	}
	// The method's reading, spelled out.
	assert.True(t, outcome.Task.Below(outcome.Output), "a task is below an output")
	assert.True(t, outcome.BusinessOutcome.Above(outcome.Output), "an outcome is above an output")
	assert.True(t, outcome.CustomerOutcome.Above(outcome.BusinessOutcome), "the customer's outcome is the top")
	assert.Equal(t, 0, outcome.Output.Compare(outcome.Output))
}

func TestLevel_sortable(t *testing.T) {
	// Compare has the shape slices.SortFunc wants.
	got := []outcome.Level{outcome.CustomerOutcome, outcome.Task, outcome.BusinessOutcome, outcome.Output, outcome.Activity}
	slices.SortFunc(got, outcome.Level.Compare)
	assert.Equal(t, hierarchyOrder, got)
}

func TestLevel_String(t *testing.T) {
	tests := []struct {
		l    outcome.Level
		want string
	}{
		{outcome.Task, "Task"},
		{outcome.Activity, "Activity"},
		{outcome.Output, "Output"},
		{outcome.BusinessOutcome, "Business Outcome"},
		{outcome.CustomerOutcome, "Successful Customer Outcome"},
		{0, "Level(0)"},
		{6, "Level(6)"},
		{255, "Level(255)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.l.String())
		})
	}
}

func TestLevel_validity(t *testing.T) {
	tests := []struct {
		name    string
		l       outcome.Level
		valid   bool
		zero    bool
		outcome bool
	}{
		{"zero", 0, false, true, false},
		{"task", outcome.Task, true, false, false},
		{"activity", outcome.Activity, true, false, false},
		// "Outputs are not outcomes" (METHOD.md, section 1).
		{"output", outcome.Output, true, false, false},
		{"business outcome", outcome.BusinessOutcome, true, false, true},
		{"customer outcome", outcome.CustomerOutcome, true, false, true},
		{"out of range", 6, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.l.IsValid())
			assert.Equal(t, tt.zero, tt.l.IsZero())
			assert.Equal(t, tt.outcome, tt.l.IsOutcome())
		})
	}
}

// levelSpellings are texts ParseLevel accepts; the fuzzer is seeded from them.
var levelSpellings = []struct {
	in   string
	want outcome.Level
}{
	// Canonical names (String) and tokens (MarshalText).
	{"Task", outcome.Task},
	{"Activity", outcome.Activity},
	{"Output", outcome.Output},
	{"Business Outcome", outcome.BusinessOutcome},
	{"Successful Customer Outcome", outcome.CustomerOutcome},
	{"task", outcome.Task},
	{"activity", outcome.Activity},
	{"output", outcome.Output},
	{"business-outcome", outcome.BusinessOutcome},
	{"customer-outcome", outcome.CustomerOutcome},
	// The method's spellings.
	{"successful customer outcome", outcome.CustomerOutcome},
	{"SCO", outcome.CustomerOutcome},
	{"sco", outcome.CustomerOutcome},
	{"customer outcome", outcome.CustomerOutcome},
	{"business outcome", outcome.BusinessOutcome},
	{"BO", outcome.BusinessOutcome},
	// Case, white space, hyphens, underscores.
	{"  BUSINESS_OUTCOME\t", outcome.BusinessOutcome},
	{"Business-Outcome", outcome.BusinessOutcome},
	{"businessoutcome", outcome.BusinessOutcome},
	{"successful_customer_outcome", outcome.CustomerOutcome},
	{"Successful-Customer-Outcome", outcome.CustomerOutcome},
	{"OUTPUT", outcome.Output},
	{"\nTask\n", outcome.Task},
	// Plurals, as a portfolio's column headings write them.
	{"Tasks", outcome.Task},
	{"Activities", outcome.Activity},
	{"Outputs", outcome.Output},
	{"Business Outcomes", outcome.BusinessOutcome},
	{"Customer Outcomes", outcome.CustomerOutcome},
	{"Successful Customer Outcomes", outcome.CustomerOutcome},
	{"SCOs", outcome.CustomerOutcome},
	// Punctuation, and the non-ASCII spaces and dashes of copied text.
	{"S.C.O.", outcome.CustomerOutcome},
	{"Business\u00a0Outcome", outcome.BusinessOutcome},                   // no-break space
	{"Business\u2013Outcome", outcome.BusinessOutcome},                   // en dash
	{"\u201cSuccessful Customer Outcome\u201d", outcome.CustomerOutcome}, // curly quotes
}

func TestParseLevel(t *testing.T) {
	for _, tt := range levelSpellings {
		t.Run(tt.in, func(t *testing.T) {
			got, err := outcome.ParseLevel(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// levelUnknown are texts ParseLevel refuses; the fuzzer is seeded from them.
var levelUnknown = []string{
	"",
	"   ",
	"-_-",
	// "Outcome" alone is ambiguous: a business outcome or the customer's?
	"Outcome",
	"outcomes",
	"Customer",
	"Business",
	"Level(3)",
	"3",
	"Taskk",
	"Activitys",
	"KPI",
	// Non-ASCII letters and marks never fold into a name.
	"T\u00e4sk",
	"Ta\u0301sk", // "a" and a combining acute accent
	"task\xff",
	"\u0422ask", // Cyrillic "Т"
	// Longer than any name once folded.
	strings.Repeat("task", 13),
}

func TestParseLevel_unknown(t *testing.T) {
	for _, in := range levelUnknown {
		t.Run(in, func(t *testing.T) {
			got, err := outcome.ParseLevel(in)
			require.Error(t, err)
			assert.ErrorIs(t, err, outcome.ErrUnknownLevel)
			assert.Zero(t, got)
			var e *outcome.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, outcome.SeverityError, e.Severity)
			assert.Empty(t, e.IDs, "text is not an ID")
		})
	}
	_, err := outcome.ParseLevel("Outcome")
	assert.EqualError(t, err, `outcome: unknown level "Outcome"`)
	_, err = outcome.ParseLevel("")
	assert.EqualError(t, err, `outcome: unknown level ""`)
}

func TestParseLevel_roundTrip(t *testing.T) {
	for l := range outcome.Levels() {
		got, err := outcome.ParseLevel(l.String())
		require.NoError(t, err)
		assert.Equal(t, l, got, "Parse(String())")
		token, err := l.MarshalText()
		require.NoError(t, err)
		got, err = outcome.ParseLevel(string(token))
		require.NoError(t, err)
		assert.Equal(t, l, got, "Parse(MarshalText())")
	}
}

func TestDirection(t *testing.T) {
	tests := []struct {
		name  string
		d     outcome.Direction
		str   string
		sign  int
		valid bool
	}{
		{"zero", 0, "Direction(0)", 0, false},
		{"higher", outcome.HigherIsBetter, "higher is better", 1, true},
		{"lower", outcome.LowerIsBetter, "lower is better", -1, true},
		{"out of range", 3, "Direction(3)", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.str, tt.d.String())
			assert.Equal(t, tt.sign, tt.d.Sign())
			assert.Equal(t, tt.valid, tt.d.IsValid())
			assert.Equal(t, tt.d == 0, tt.d.IsZero())
		})
	}
}

func TestDirection_Sign_improvement(t *testing.T) {
	// Sign times a change is positive exactly when the change is an improvement.
	// Average handle time (lower is better) falls from 300 s to 280 s: the change
	// is -20 s, and -20 * -1 = +20 > 0, an improvement. Revenue (higher is better)
	// falls by 5: -5 * +1 = -5 < 0, a deterioration.
	assert.Positive(t, -20*outcome.LowerIsBetter.Sign())
	assert.Negative(t, -5*outcome.HigherIsBetter.Sign())
	assert.Zero(t, 7*outcome.Direction(0).Sign(), "no direction, no verdict")
}

// directionSpellings are texts ParseDirection accepts; the fuzzer is seeded from them.
var directionSpellings = []struct {
	in   string
	want outcome.Direction
}{
	{"higher is better", outcome.HigherIsBetter},
	{"higher-is-better", outcome.HigherIsBetter},
	{"Higher Is Better", outcome.HigherIsBetter},
	{"HIGHER_IS_BETTER", outcome.HigherIsBetter},
	{"higher", outcome.HigherIsBetter},
	{"up", outcome.HigherIsBetter},
	{"Increase", outcome.HigherIsBetter},
	{"maximise", outcome.HigherIsBetter},
	{"maximize", outcome.HigherIsBetter},
	{"lower is better", outcome.LowerIsBetter},
	{"lower-is-better", outcome.LowerIsBetter},
	{" Lower\u00a0is\u00a0better ", outcome.LowerIsBetter},
	{"lower", outcome.LowerIsBetter},
	{"DOWN", outcome.LowerIsBetter},
	{"decrease", outcome.LowerIsBetter},
	{"minimise", outcome.LowerIsBetter},
	{"Minimize", outcome.LowerIsBetter},
}

var directionUnknown = []string{"", " ", "better", "sideways", "higher is worse", "Direction(1)", "1", "+", "h\u00efgher"}

func TestParseDirection(t *testing.T) {
	for _, tt := range directionSpellings {
		t.Run(tt.in, func(t *testing.T) {
			got, err := outcome.ParseDirection(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, in := range directionUnknown {
		t.Run("unknown "+in, func(t *testing.T) {
			got, err := outcome.ParseDirection(in)
			assert.ErrorIs(t, err, outcome.ErrUnknownDirection)
			var e *outcome.Error
			assert.ErrorAs(t, err, &e)
			assert.Zero(t, got)
		})
	}
	_, err := outcome.ParseDirection("sideways")
	assert.EqualError(t, err, `outcome: unknown direction "sideways"`)
	for _, d := range []outcome.Direction{outcome.HigherIsBetter, outcome.LowerIsBetter} {
		got, err := outcome.ParseDirection(d.String())
		require.NoError(t, err)
		assert.Equal(t, d, got, "Parse(String())")
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		name  string
		k     outcome.Kind
		str   string
		valid bool
	}{
		{"zero: no kind", 0, "Kind(0)", false},
		{"revenue", outcome.Revenue, "revenue", true},
		{"cost", outcome.Cost, "cost", true},
		{"service", outcome.Service, "service", true},
		{"compliance", outcome.Compliance, "compliance", true},
		{"out of range", 5, "Kind(5)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.str, tt.k.String())
			assert.Equal(t, tt.valid, tt.k.IsValid())
			assert.Equal(t, tt.k == 0, tt.k.IsZero())
		})
	}
}

// kindSpellings are texts ParseKind accepts; the fuzzer is seeded from them.
var kindSpellings = []struct {
	in   string
	want outcome.Kind
}{
	{"revenue", outcome.Revenue},
	{"Revenue", outcome.Revenue},
	{"REVENUES", outcome.Revenue},
	{"cost", outcome.Cost},
	{"costs", outcome.Cost},
	// The method's business outcomes: revenue, cost optimisation, service
	// delivery, effective compliance (METHOD.md, section 1).
	{"cost optimisation", outcome.Cost},
	{"Cost Optimization", outcome.Cost},
	{"cost-optimisation", outcome.Cost},
	{"service", outcome.Service},
	{"service delivery", outcome.Service},
	{"Service_Delivery", outcome.Service},
	{"compliance", outcome.Compliance},
	{"effective compliance", outcome.Compliance},
	{" Effective-Compliance ", outcome.Compliance},
}

var kindUnknown = []string{"", "  ", "profit", "savings", "cost to serve", "Kind(1)", "1", "servi\u00e7e", "services"}

func TestParseKind(t *testing.T) {
	for _, tt := range kindSpellings {
		t.Run(tt.in, func(t *testing.T) {
			got, err := outcome.ParseKind(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, in := range kindUnknown {
		t.Run("unknown "+in, func(t *testing.T) {
			got, err := outcome.ParseKind(in)
			assert.ErrorIs(t, err, outcome.ErrUnknownKind)
			var e *outcome.Error
			assert.ErrorAs(t, err, &e)
			assert.Zero(t, got)
		})
	}
	_, err := outcome.ParseKind("profit")
	assert.EqualError(t, err, `outcome: unknown business-outcome kind "profit"`)
	for k := outcome.Revenue; k <= outcome.Compliance; k++ {
		got, err := outcome.ParseKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, got, "Parse(String())")
	}
}

func TestParse_errorsAreDistinct(t *testing.T) {
	// Each parser reports its own code, so a caller can tell them apart.
	_, errL := outcome.ParseLevel("x")
	_, errD := outcome.ParseDirection("x")
	_, errK := outcome.ParseKind("x")
	for _, tt := range []struct {
		err  error
		code outcome.Code
	}{{errL, outcome.ErrUnknownLevel}, {errD, outcome.ErrUnknownDirection}, {errK, outcome.ErrUnknownKind}} {
		var e *outcome.Error
		require.True(t, errors.As(tt.err, &e))
		assert.Equal(t, tt.code, e.Code)
	}
}
