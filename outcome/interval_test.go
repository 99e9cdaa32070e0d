package outcome_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// TestInterval_JSON checks what Interval's doc says of its JSON: the zero
// Interval, with no method, does not encode, nor does a result that holds
// one (decoding: TestInterval_UnmarshalJSON).
func TestInterval_JSON(t *testing.T) {
	for name, v := range map[string]any{
		"Interval": outcome.Interval{}, "ScoreTest": outcome.ScoreTest{},
		"ProportionComparison": outcome.ProportionComparison{},
	} {
		_, err := json.Marshal(v)
		assert.ErrorIs(t, err, outcome.ErrInvalidIntervalMethod, name)
	}
}

// TestConfidence_smallestNormal checks where every measure that takes a
// confidence level stops, as northstar's AnalyzeLeadLag and triplecrown
// stop: at 2^-1022, the smallest normal float64, which is accepted, while
// every subnormal below it (the smallest, 2^-1074 = 5e-324, and the largest,
// the float64 just below 2^-1022) is refused with ErrInvalidConfidence. At
// 2^-1022 the critical value z is about 2^-1022·sqrt(π/2), so z² is 0 and
// every interval shrinks to its estimate: 1/4's Wilson interval is 0.25..0.25
// and 1/4 against 3/4 differs by 0.5..0.5.
func TestConfidence_smallestNormal(t *testing.T) {
	const smallestNormal = 0x1p-1022
	largestSubnormal := math.Nextafter(smallestNormal, 0)
	require.Equal(t, uint64(1)<<52-1, math.Float64bits(largestSubnormal), "every mantissa bit set, exponent field 0")
	quarter, threeQuarters := outcome.MustProportion(1, 4), outcome.MustProportion(3, 4)
	nps, err := outcome.NPSTallyFromCounts(outcome.NPSBands{}, 50, 30, 20)
	require.NoError(t, err)
	nps2, err := outcome.NPSTallyFromCounts(outcome.NPSBands{}, 40, 30, 30)
	require.NoError(t, err)
	csat, err := outcome.CSATTallyFromCounts(outcome.CSATScale{}, []int64{1, 2, 3, 4, 5})
	require.NoError(t, err)
	ces, err := outcome.CESTallyFromCounts(outcome.CESScale{}, []int64{1, 2, 3, 4, 5, 6, 7})
	require.NoError(t, err)
	measures := map[string]func(c float64) error{
		"Proportion.Wilson":             func(c float64) error { _, err := quarter.Wilson(c); return err },
		"Proportion.Wald":               func(c float64) error { _, err := quarter.Wald(c); return err },
		"Proportion.Interval":           func(c float64) error { _, err := quarter.Interval(c, outcome.IntervalAdjustedWald); return err },
		"CompareProportions":            func(c float64) error { _, err := outcome.CompareProportions(quarter, threeQuarters, c); return err },
		"NPSTally.WaldInterval":         func(c float64) error { _, err := nps.WaldInterval(c); return err },
		"NPSTally.AdjustedWaldInterval": func(c float64) error { _, err := nps.AdjustedWaldInterval(c); return err },
		"NPSTally.TestAgainst":          func(c float64) error { _, err := nps.TestAgainst(20, c); return err },
		"NPSTally.TestDifference":       func(c float64) error { _, err := nps.TestDifference(nps2, c); return err },
		"CSATTally.Interval":            func(c float64) error { _, err := csat.Interval(c); return err },
		"CESTally.MeanInterval":         func(c float64) error { _, err := ces.MeanInterval(c); return err },
		"CESTally.AgreeInterval":        func(c float64) error { _, err := ces.AgreeInterval(c); return err },
	}
	for name, measure := range measures {
		assert.NoError(t, measure(smallestNormal), "%s at 2^-1022", name)
		for _, c := range []float64{math.SmallestNonzeroFloat64, largestSubnormal} {
			assert.ErrorIs(t, measure(c), outcome.ErrInvalidConfidence, "%s at %v", name, c)
		}
	}
	_, err = quarter.Wilson(math.SmallestNonzeroFloat64)
	assert.EqualError(t, err, "outcome: confidence level 5e-324 is below 2.2250738585072014e-308, the smallest positive number held to full precision")
	_, err = outcome.CompareProportions(quarter, threeQuarters, largestSubnormal)
	assert.EqualError(t, err, "outcome: confidence level 2.225073858507201e-308 is below 2.2250738585072014e-308, the smallest positive number held to full precision")

	iv, err := quarter.Wilson(smallestNormal)
	require.NoError(t, err)
	assert.Equal(t, outcome.Interval{Estimate: 0.25, Low: 0.25, High: 0.25, Confidence: smallestNormal, Method: outcome.IntervalWilson}, iv)
	c, err := outcome.CompareProportions(quarter, threeQuarters, smallestNormal)
	require.NoError(t, err)
	assert.Equal(t, outcome.Interval{Estimate: 0.5, Low: 0.5, High: 0.5, Confidence: smallestNormal, Method: outcome.IntervalNewcombe}, c.Difference)

	// Read from JSON, a confidence is refused as the measures refuse it,
	// said as written: a result at 2^-1022 reads back, one at a subnormal
	// does not (1e-400, which reads as 0, is refused as before).
	data, err := json.Marshal(c)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, new(outcome.ProportionComparison)), "%s", data)
	const below = " is below 2.2250738585072014e-308, the smallest positive number held to full precision"
	for _, tt := range []struct {
		name string
		in   string
		into any
		want string
	}{
		{"interval", `{"estimate":0.25,"low":0.25,"high":0.25,"confidence":5e-324,"method":"wilson"}`, new(outcome.Interval),
			`outcome: interval: confidence level 5e-324` + below},
		{"score test", `{"difference":2,"standardError":1,"z":2,"pValue":0.04550026389635844,` +
			`"interval":{"estimate":2,"low":2,"high":2,"confidence":2.225073858507201e-308,"method":"wald"}}`, new(outcome.ScoreTest),
			`outcome: score test "interval": confidence level 2.225073858507201e-308` + below},
		{"comparison", strings.Replace(string(data), `"confidence":2.2250738585072014e-308`, `"confidence":4.9e-324`, 1),
			new(outcome.ProportionComparison), `outcome: proportion comparison "difference": confidence level 4.9e-324` + below},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.into)
			require.Len(t, outcome.Problems(err), 1, "%v", err)
			assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
			assert.EqualError(t, err, tt.want)
			ok := strings.NewReplacer("5e-324", "2.2250738585072014e-308", "2.225073858507201e-308", "2.2250738585072014e-308",
				"4.9e-324", "2.2250738585072014e-308").Replace(tt.in)
			assert.NoError(t, json.Unmarshal([]byte(ok), tt.into), "at 2^-1022: %s", ok)
		})
	}
}
