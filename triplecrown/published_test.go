package triplecrown

import (
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file checks the significance tests and the ROI against published
// figures and against figures worked independently of the code: by hand
// in exact decimals for money, and with mpmath 1.3 at 40 significant
// digits, P = erfc(|z|/sqrt 2), for the p-values.

// TestPublished_compareMeans checks the large-sample z test of a change of
// mean, z = (m1 - m0)/sqrt(sd0²/n0 + sd1²/n1) with the two-sided normal
// p-value (the normal approximation to Welch's test, as compareMeans
// documents), against mpmath:
//
//   - 40 (sd 30, n 900) to 42 (sd 30, n 900): SE = sqrt(1 + 1) = sqrt 2,
//     z = sqrt 2, P = erfc(1) = 0.15729920705028513 (ExampleCrownScore);
//   - 4.0 (sd 1.5, n 400) to 3.0 (sd 1.2, n 400): SE = sqrt(0.009225) =
//     0.096046863561492729, z = -10.411584125907071, P =
//     2.195376550783761e-25;
//   - 10 (sd 2, n 50) to 11 (sd 3, n 80), unequal samples: SE =
//     sqrt(4/50 + 9/80) = sqrt(0.1925) = 0.4387482193696061, z =
//     2.279211529192759, P = 0.022654494080089356;
//   - 1e30 to 2e30 with sd 1e200 and n 2 each: SE = 1e200 (sd² overflows
//     float64, and SE with it, to +Inf), z = 1e-170, P = 1 - 2.3e-170,
//     which is 1 in float64: the overflow gives the right answer;
//   - no spread and a change: P = 0 (certain); no change: P = 1.
func TestPublished_compareMeans(t *testing.T) {
	for _, tt := range []struct {
		name       string
		m0, m1     string
		sd0, sd1   float64
		n0, n1     int64
		delta      float64
		want, rtol float64
	}{
		{"equal samples", "40", "42", 30, 30, 900, 900, 2, 0.15729920705028513, 1e-14},
		{"far tail", "4.0", "3.0", 1.5, 1.2, 400, 400, -1, 2.195376550783761e-25, 1e-13},
		{"unequal samples", "10", "11", 2, 3, 50, 80, 1, 0.022654494080089356, 1e-14},
		{"sd² past float64", "1e30", "2e30", 1e200, 1e200, 2, 2, 1e30, 1, 0},
		{"no spread", "5", "6", 0, 0, 10, 10, 1, 0, 0},
		{"no change", "5", "5", 1, 2, 10, 10, 0, 1, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := mustMeasure(NewMean(dec(tt.m0), tt.sd0, tt.n0))
			a := mustMeasure(NewMean(dec(tt.m1), tt.sd1, tt.n1))
			got := significance(b, a, tt.delta)
			if tt.rtol == 0 {
				assert.Equal(t, tt.want, got)
			} else {
				assert.InEpsilon(t, tt.want, got, tt.rtol)
			}
		})
	}
}

// TestPublished_compareRates checks the p-value of a change of rate, the
// pooled two-proportion z test of outcome.CompareProportions, against
// published examples: Illowsky and Dean, "Introductory Statistics"
// (OpenStax), "Comparing two independent population proportions": 20 of
// 200 to 12 of 200 with hives, p-value 0.1404 (mpmath:
// 0.14036866077167325); and Newcombe's (1998) Table II example (a), 48/80
// to 56/70, z = 2.6501719512585326, P = 0.0080450813681965847 (mpmath).
func TestPublished_compareRates(t *testing.T) {
	p := compareRates(mustMeasure(NewRate(20, 200)), mustMeasure(NewRate(12, 200)))
	assert.InDelta(t, 0.1404, p, 0.00005, "the published figure")
	assert.InEpsilon(t, 0.14036866077167325, p, 1e-14)
	p = compareRates(mustMeasure(NewRate(48, 80)), mustMeasure(NewRate(56, 70)))
	assert.InEpsilon(t, 0.0080450813681965847, p, 1e-13)
}

// TestPublished_significanceLevels checks a service change judged at
// significance levels near 0 and near 1: the rate 780/1000 to 700/1000
// (P = 4.5378505825425245e-05, TestCompareRates) is significant at 0.05
// and at 1 - 2^-53, and not at 1e-5 nor at 2^-1022, the smallest level a
// policy takes, where it is inconclusive, not won or lost.
func TestPublished_significanceLevels(t *testing.T) {
	for _, tt := range []struct {
		level float64
		want  Status
	}{
		{0.05, Lost}, {1 - 0x1p-53, Lost}, {1e-5, Inconclusive}, {0x1p-1022, Inconclusive},
	} {
		spec := policySpec()
		spec.Service = MustThreshold(NewRelativeThreshold(dec("0.05"))) // -0.08/0.78 = -10.3%: material
		spec.SignificanceLevel = tt.level
		p, err := NewPolicy(spec)
		require.NoError(t, err, "level %v", tt.level)
		s := scoreService(ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
			Baseline: mustMeasure(NewRate(780, 1000)), Actual: mustMeasure(NewRate(700, 1000))}, p)
		require.True(t, s.Tested())
		assert.InEpsilon(t, 4.5378505825425245e-05, s.PValue(), 1e-13)
		assert.Equal(t, tt.want, s.Status(), "level %v", tt.level)
	}
}

// TestPublished_roiRounding works ROI's ratios and payback by hand where
// the quotient does not end and where it ties, in each rounding mode: an
// investment of 3 USD that brings back 4 over 7 periods has the ratio
// (4 - 3)/3 = 0.3333..., the benefit ratio 4/3 = 1.3333... and the payback
// 3·7/4 = 5.25 periods, a tie at one place (5.2 half-even and half-down,
// 5.3 half-up); an investment of 8 that brings back 7 has the ratio -1/8 =
// -0.125, a tie at two places (-0.12 half-even, -0.13 half-up and floor,
// -0.12 ceiling and half-down), and the payback 8·7/7 = 8; one that brings
// back -1 (cost rose) has the ratio (-1 - 8)/8 = -1.125 and no payback,
// nor one that brings back 0.
func TestPublished_roiRounding(t *testing.T) {
	r := mustROI(NewROI(ROISpec{Investment: usd("3"), RevenueGained: usd("4"), Periods: 7}))
	assert.Equal(t, "0.3333", r.Ratio(MustPrecision(4, outcome.RoundHalfEven)).String())
	assert.Equal(t, "1.3333", r.BenefitRatio(MustPrecision(4, outcome.RoundHalfEven)).String())
	for mode, want := range map[outcome.Rounding]string{
		outcome.RoundHalfEven: "5.2", outcome.RoundHalfDown: "5.2", outcome.RoundHalfUp: "5.3",
		outcome.RoundDown: "5.2", outcome.RoundUp: "5.3",
	} {
		p, ok := r.Payback(MustPrecision(1, mode))
		require.True(t, ok)
		assert.Equal(t, want, p.String(), "%s", mode)
	}
	p, ok := r.Payback(MustPrecision(2, outcome.RoundHalfEven))
	require.True(t, ok)
	assert.True(t, dec("5.25").Equal(p), "exact at two places: %s", p)

	r = mustROI(NewROI(ROISpec{Investment: usd("8"), CostSaved: usd("7"), Periods: 7}))
	for mode, want := range map[outcome.Rounding]string{
		outcome.RoundHalfEven: "-0.12", outcome.RoundHalfUp: "-0.13", outcome.RoundHalfDown: "-0.12",
		outcome.RoundFloor: "-0.13", outcome.RoundCeiling: "-0.12",
	} {
		assert.Equal(t, want, r.Ratio(MustPrecision(2, mode)).String(), "%s", mode)
	}
	p, ok = r.Payback(MustPrecision(2, outcome.RoundHalfEven))
	require.True(t, ok)
	assert.True(t, dec("8").Equal(p), "%s", p)

	r = mustROI(NewROI(ROISpec{Investment: usd("8"), CostSaved: usd("-1"), Periods: 7}))
	assert.True(t, dec("-1.125").Equal(r.Ratio(MustPrecision(3, outcome.RoundHalfEven))))
	_, ok = r.Payback(MustPrecision(2, outcome.RoundHalfEven))
	assert.False(t, ok, "a negative benefit never repays")
	// Cost saved 5, revenue lost 5: a benefit of exactly 0, the ratio -1,
	// and no payback (investment·periods/0 has none).
	r = mustROI(NewROI(ROISpec{Investment: usd("8"), CostSaved: usd("5"), RevenueGained: usd("-5"), Periods: 7}))
	assert.True(t, usd("0").Equal(r.Benefit()))
	assert.True(t, dec("-1").Equal(r.Ratio(MustPrecision(2, outcome.RoundHalfEven))))
	_, ok = r.Payback(MustPrecision(2, outcome.RoundHalfEven))
	assert.False(t, ok, "a benefit of zero never repays")
}
