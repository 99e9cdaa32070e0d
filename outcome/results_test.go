package outcome_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// resultProblem is a problem expected of a result read from JSON.
type resultProblem struct {
	code outcome.Code
	msg  string
}

// resultProblems returns the code and message of each problem of err.
func resultProblems(err error) []resultProblem {
	var out []resultProblem
	for _, p := range outcome.Problems(err) {
		out = append(out, resultProblem{p.Code, p.Message})
	}
	return out
}

// checkResultDecode decodes in, and in with its members reversed, into
// start's copies with decode, and checks that both fail with want, in
// order, leaving the value unchanged. in with a key given twice is not
// reversed, as ordertest.Check does not: which member is read, the first,
// is the text's order.
func checkResultDecode[T any](t *testing.T, in string, start T, decode func(*T, []byte) error, want []resultProblem) {
	t.Helper()
	cases := []string{in}
	if !errors.Is(strictjson.Decode([]byte(in), new(json.RawMessage)), strictjson.ErrDuplicateKey) {
		cases = append(cases, string(spoil.Reversed([]byte(in))))
	}
	for _, data := range cases {
		v := start
		err := decode(&v, []byte(data))
		assert.Equal(t, want, resultProblems(err), "%s", data)
		assert.Equal(t, start, v, "unchanged: %s", data)
	}
}

// The Wald test of a difference of 2 with standard error 1 at 95%: z = 2/1
// = 2; p = erfc(2/√2) = 0.0455002638963584 (tables: 2 × 0.02275); the
// critical value at 0.95 is 1.9599639845400534 (stat.CriticalValue's
// doc), so the interval is 2 ∓ 1.9599639845400534, which float64 rounds
// to 0.04003601545994662 and 3.959963984540053.
const goodScoreTest = `{"difference":2,"standardError":1,"z":2,"pValue":0.04550026389635844,` +
	`"interval":{"estimate":2,"low":0.04003601545994662,"high":3.959963984540053,"confidence":0.95,"method":"wald"}}`

func TestInterval_UnmarshalJSON(t *testing.T) {
	var iv outcome.Interval
	require.NoError(t, json.Unmarshal([]byte(`{"estimate":0.3,"low":0.25,"high":0.375,"confidence":0.95,"method":"wilson"}`), &iv))
	assert.Equal(t, outcome.Interval{Estimate: 0.3, Low: 0.25, High: 0.375, Confidence: 0.95, Method: outcome.IntervalWilson}, iv)
	// A Wald interval may reach past 0; bounds equal to the estimate are
	// in order.
	require.NoError(t, json.Unmarshal([]byte(`{"estimate":0,"low":-0.5,"high":0,"confidence":0.5,"method":"wald"}`), &iv))
	assert.Equal(t, outcome.Interval{Estimate: 0, Low: -0.5, High: 0, Confidence: 0.5, Method: outcome.IntervalWald}, iv)

	start := outcome.Interval{Estimate: 0.5, Low: 0.25, High: 0.75, Confidence: 0.9, Method: outcome.IntervalWald}
	decode := (*outcome.Interval).UnmarshalJSON
	const inv, conf, meth = outcome.ErrInvalidJSON, outcome.ErrInvalidConfidence, outcome.ErrInvalidIntervalMethod
	const res = outcome.ErrInvalidResult
	tests := []struct {
		name, in string
		want     []resultProblem
	}{
		// The form: low given twice (the second reported after it), high
		// null, an unknown key, confidence absent; then the values of the
		// fields read: the estimate written 1e-400, method text that names
		// none. The low is not checked against an estimate that is not
		// held.
		{"form and values", `{"colour":1,"low":0.1,"estimate":1e-400,"LOW":0.2,"high":null,"method":"exact"}`, []resultProblem{
			{inv, `outcome: interval gives field "low" twice, as "low" and "LOW"`},
			{inv, `outcome: interval: "high" must be a number, not null`},
			{inv, `outcome: interval has an unknown field "colour"`},
			{inv, `outcome: interval has no "confidence"`},
			{res, `outcome: interval: "estimate" 1e-400 is too small to hold, and reads as 0, not the number written`},
			{meth, `outcome: interval: unknown interval method "exact"`},
		}},
		// Bounds on the wrong side of the estimate, a confidence of 7 and
		// one of -1e-400 (reads as -0), each as written.
		{"out of order", `{"estimate":0.5,"low":0.6,"high":0.40,"confidence":7,"method":"wald"}`, []resultProblem{
			{res, `outcome: interval: "low" 0.6 is above the estimate 0.5`},
			{res, `outcome: interval: "high" 0.40 is below the estimate 0.5`},
			{conf, `outcome: interval: confidence level 7 is not strictly between 0 and 1 (0.95 for 95%)`},
		}},
		{"confidence too small", `{"estimate":0.5,"low":0.5,"high":0.5,"confidence":1e-400,"method":"wald"}`, []resultProblem{
			{conf, `outcome: interval: confidence level 1e-400 is not strictly between 0 and 1 (0.95 for 95%): it is too small to hold, and reads as 0`},
		}},
		// A Wilson interval lies within [0, 1], a Newcombe one within [-1, 1].
		{"wilson out of range", `{"estimate":0.5,"low":-0.1,"high":1.5,"confidence":0.95,"method":"wilson"}`, []resultProblem{
			{res, `outcome: interval: "low" -0.1 is outside [0, 1], where a wilson interval lies`},
			{res, `outcome: interval: "high" 1.5 is outside [0, 1], where a wilson interval lies`},
		}},
		{"newcombe out of range", `{"estimate":0,"low":-1.5,"high":0,"confidence":0.95,"method":"newcombe"}`, []resultProblem{
			{res, `outcome: interval: "low" -1.5 is outside [-1, 1], where a newcombe interval lies`},
		}},
		{"null", `null`, []resultProblem{{inv, `outcome: an interval cannot be null`}}},
		{"not an object", `[1]`, []resultProblem{{inv, `outcome: invalid JSON: the value must be an object, not an array`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkResultDecode(t, tt.in, start, decode, tt.want) })
	}

	// Every interval the package computes reads back.
	p := outcome.MustProportion(81, 263)
	for _, f := range []func(float64) (outcome.Interval, error){p.Wilson, p.Wald, func(c float64) (outcome.Interval, error) { return p.Interval(c, outcome.IntervalAdjustedWald) }} {
		want, err := f(0.95)
		require.NoError(t, err)
		assertReadsBack(t, want)
	}
}

func TestScoreTest_UnmarshalJSON(t *testing.T) {
	var st outcome.ScoreTest
	require.NoError(t, json.Unmarshal([]byte(goodScoreTest), &st))
	assert.Equal(t, outcome.ScoreTest{Difference: 2, StandardError: 1, Z: 2, PValue: 0.04550026389635844,
		Interval: outcome.Interval{Estimate: 2, Low: 0.04003601545994662, High: 3.959963984540053,
			Confidence: 0.95, Method: outcome.IntervalWald}}, st)
	assert.True(t, st.Significant())

	start := st
	decode := (*outcome.ScoreTest).UnmarshalJSON
	const inv, meth, res = outcome.ErrInvalidJSON, outcome.ErrInvalidIntervalMethod, outcome.ErrInvalidResult
	tests := []struct {
		name, in string
		want     []resultProblem
	}{
		// z and the p-value edited, the interval's estimate not the
		// difference, a bound off by 0.01 (past 1e-12 × (2 + 1.96)), and
		// the method wilson; each against what the test gives.
		{"edited", `{"difference":2,"standardError":1,"z":3,"pValue":0.05,` +
			`"interval":{"estimate":2.5,"low":0.05003601545994662,"high":3.959963984540053,"confidence":0.95,"method":"wilson"}}`,
			[]resultProblem{
				{res, `outcome: score test: "z" is 3, where difference / standardError gives 2`},
				{res, `outcome: score test: "pValue" is 0.05, where the two-sided p-value of difference / standardError gives 0.04550026389635844`},
				{res, `outcome: score test "interval": "estimate" is 2.5, where the difference is 2`},
				{res, `outcome: score test "interval": "low" is 0.05003601545994662, where difference ∓ z*·standardError at confidence 0.95 gives 0.04003601545994662`},
				{meth, `outcome: score test "interval": interval method wilson is not wald, the interval method of a score test`},
			}},
		// The form, the interval's at its key; a standard error of 0 is
		// no test's, and nothing is computed from it; a p-value above 1.
		{"form", `{"difference":"2","standardError":0,"pValue":1.5,"x":1,` +
			`"interval":{"estimate":2,"low":null,"high":3,"confidence":0.95,"method":"wald","Method":"wald"}}`,
			[]resultProblem{
				{inv, `outcome: score test: "difference" must be a number, not the string "2"`},
				{inv, `outcome: score test "interval": "low" must be a number, not null`},
				{inv, `outcome: score test "interval" gives field "method" twice, as "method" and "Method"`},
				{inv, `outcome: score test has an unknown field "x"`},
				{inv, `outcome: score test has no "z"`},
				{res, `outcome: score test: "standardError" 0 is not above 0: a z-test needs a positive standard error`},
				{res, `outcome: score test: "pValue" 1.5 is not a p-value from 0 to 1`},
			}},
		{"interval null", `{"difference":2,"standardError":1,"z":2,"pValue":0.04550026389635844,"interval":null}`, []resultProblem{
			{inv, `outcome: score test: "interval" must be an object, not null`},
		}},
		// z written 1e-400 reads as 0, which is difference / standardError
		// for a difference of 0, but is not the number written.
		{"z too small", `{"difference":0,"standardError":1,"z":1e-400,"pValue":1,` +
			`"interval":{"estimate":0,"low":-1.9599639845400534,"high":1.9599639845400534,"confidence":0.95,"method":"wald"}}`,
			[]resultProblem{{res, `outcome: score test: "z" is 1e-400, where difference / standardError gives 0`}}},
		{"null", ` null `, []resultProblem{{inv, `outcome: a score test cannot be null`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkResultDecode(t, tt.in, start, decode, tt.want) })
	}
	// The same with z -0: -0 is 0, and it decodes.
	require.NoError(t, json.Unmarshal([]byte(`{"difference":0,"standardError":1,"z":-0,"pValue":1,`+
		`"interval":{"estimate":0,"low":-1.9599639845400534,"high":1.9599639845400534,"confidence":0.95,"method":"wald"}}`), &st))
	assert.False(t, st.Significant())

	// What NPS's tests give reads back.
	a, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 50, 30, 20)
	require.NoError(t, err)
	b, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 35, 35, 30)
	require.NoError(t, err)
	tests2 := []func() (outcome.ScoreTest, error){
		func() (outcome.ScoreTest, error) { return a.TestAgainst(10, 0.95) },
		func() (outcome.ScoreTest, error) { return a.TestDifference(b, 0.9) },
	}
	for _, f := range tests2 {
		want, err := f()
		require.NoError(t, err)
		assertReadsBack(t, want)
	}
}

func TestClassification_UnmarshalJSON(t *testing.T) {
	start := outcome.Classify("AHT")
	decode := (*outcome.Classification).UnmarshalJSON
	const inv, res = outcome.ErrInvalidJSON, outcome.ErrInvalidResult
	tests := []struct {
		name, in string
		want     []resultProblem
	}{
		// A revenue entry edited: no direction, a kind for an output, a
		// reason of another level.
		{"edited", `{"name":"Calls handled","level":"output","kind":"revenue","reason":"business outcome: x"}`, []resultProblem{
			{outcome.ErrUnknownDirection, `outcome: classification "Calls handled" has no direction: only the zero Classification, unclassified, has none`},
			{outcome.ErrUnexpectedKind, `outcome: classification "Calls handled": kind revenue given for a level that is not a business outcome`},
			{res, `outcome: classification "Calls handled": reason "business outcome: x" does not start with "output: ", its level`},
		}},
		// The form, then the values of the fields read.
		{"form", `{"level":"outptu","direction":null,"kind":"profit","Name":"","x":0,"name":"y"}`, []resultProblem{
			{inv, `outcome: classification gives field "name" twice, as "Name" and "name"`},
			{inv, `outcome: classification: "direction" must be a string, not null`},
			{inv, `outcome: classification has an unknown field "x"`},
			{outcome.ErrEmptyName, `outcome: classification has no name: only the zero Classification, unclassified, has none`},
			{outcome.ErrUnknownLevel, `outcome: classification: unknown level "outptu"`},
			{outcome.ErrUnknownKind, `outcome: classification: unknown kind "profit"`},
			{res, `outcome: classification has no reason: only the zero Classification, unclassified, has none`},
		}},
		{"business outcome without kind", `{"name":"Revenue","level":"business-outcome","direction":"higher-is-better","reason":"business outcome: r"}`,
			[]resultProblem{{outcome.ErrMissingKind, `outcome: classification "Revenue": a business outcome has a kind (revenue, cost, service or compliance)`}}},
		{"null", `null`, []resultProblem{{inv, `outcome: a classification cannot be null`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkResultDecode(t, tt.in, start, decode, tt.want) })
	}

	// Not an entry of this catalogue, but of its form: read (a stored
	// classification says what the catalogue said when it was made).
	var c outcome.Classification
	require.NoError(t, json.Unmarshal([]byte(`{"name":"Widgets","level":"output","direction":"higher-is-better","reason":"output: widgets"}`), &c))
	assert.Equal(t, outcome.Classification{Name: "Widgets", Level: outcome.Output, Direction: outcome.HigherIsBetter, Reason: "output: widgets"}, c)
	require.NoError(t, json.Unmarshal([]byte(`{}`), &c))
	assert.True(t, c.IsZero(), "unclassified")
}

func TestReasonCount_UnmarshalJSON(t *testing.T) {
	var rc outcome.ReasonCount
	require.NoError(t, json.Unmarshal([]byte(`{"reason":"chaser","count":90,"share":"0.33"}`), &rc))
	assert.Equal(t, "chaser", rc.Reason)
	assert.Equal(t, int64(90), rc.Count)
	assert.Equal(t, "0.33", rc.Share.String())
	// A share written as a number, as decimal wrote it with
	// MarshalJSONWithoutQuotes set; the zero row.
	require.NoError(t, json.Unmarshal([]byte(`{"reason":"","count":0,"share":0}`), &rc))
	assert.Equal(t, "", rc.Reason)
	assert.Equal(t, int64(0), rc.Count)
	assert.True(t, rc.Share.IsZero(), rc.Share.String())

	start := outcome.ReasonCount{Reason: "chaser", Count: 3, Share: decimal.New(1, 0)}
	decode := (*outcome.ReasonCount).UnmarshalJSON
	const inv, res = outcome.ErrInvalidJSON, outcome.ErrInvalidResult
	tests := []struct {
		name, in string
		want     []resultProblem
	}{
		// What encoding/json took: an unknown key, a count given twice (the
		// first is read), a share above 1, and a reason with surrounding
		// white space.
		{"edited", `{"reason":" chaser","count":-4,"share":1.5,"colour":"red","Count":7}`, []resultProblem{
			{inv, `outcome: reason count gives field "count" twice, as "count" and "Count"`},
			{inv, `outcome: reason count has an unknown field "colour"`},
			{outcome.ErrInvalidReason, `outcome: demand reason " chaser" has surrounding white space`},
			{outcome.ErrInvalidCount, `outcome: reason count: count -4 is negative`},
			{res, `outcome: reason count: share 1.5 is not from 0 to 1`},
		}},
		// Null is no field's value, and an absent field is reported.
		{"null and absent", `{"count":null,"share":null}`, []resultProblem{
			{inv, `outcome: reason count: "count" must be an integer, not null`},
			{inv, `outcome: reason count: "share" must be a decimal string or a number, not null`},
			{inv, `outcome: reason count has no "reason"`},
		}},
		{"share of no count", `{"reason":"chaser","count":0,"share":"0.5"}`, []resultProblem{
			{res, `outcome: reason count: share 0.5 is not 0, for a count of 0`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkResultDecode(t, tt.in, start, decode, tt.want) })
	}
}

// assertReadsBack checks that want, a result the package computed, reads
// back from its JSON as itself.
func assertReadsBack[T any](t *testing.T, want T) {
	t.Helper()
	data, err := json.Marshal(want)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(data, &back), "%s", data)
	assert.Equal(t, want, back)
}
