package outcome_test

import (
	"math"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file checks the package's statistics against published figures and
// against figures worked independently of the code, with mpmath 1.3 at 50
// significant digits from the textbook formulas (each quoted where it is
// used), z = sqrt(2)·erfinv(c) evaluated at the float64 confidence level c
// itself. A published figure is checked to the digits it is published to; a
// worked one to a tolerance set by the arithmetic, not by what the code
// gives: 1e-15 for a bound or rate of ordinary size (a few units in the last
// place of figures below 1, which pass through erfinv, a square root and a
// division), and a relative 1e-13 for a p-value far in the tail, where
// erfc's relative error grows with z² (see samePValue in triplecrown).

const (
	// workedTol is the tolerance of a bound or rate worked with mpmath.
	workedTol = 1e-15
	// tailTol is the relative tolerance of a tail probability.
	tailTol = 1e-13
)

// TestPublished_singleProportion checks the three intervals of one
// proportion at 95% on Newcombe's (1998) four examples, "Two-sided
// confidence intervals for the single proportion: comparison of seven
// methods", Statistics in Medicine 17:857-872, Table I: method 1 (Wald) and
// method 3 (Wilson score, without continuity correction) as the table
// prints them, to 4 decimals (TestProportion_Wilson and TestProportion_Wald
// pin them too), and every method to mpmath's figures:
//
//	Wilson:        (p̂ + z²/2n ∓ z·sqrt(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n)
//	Wald:          p̂ ∓ z·sqrt(p̂(1-p̂)/n)
//	Agresti-Coull: p̃ ∓ z·sqrt(p̃(1-p̃)/ñ), ñ = n + z², p̃ = (s + z²/2)/ñ
//
// Table I prints the Wald interval of 1/29 as "<0.0000, 0.1009" and of 0/20
// as "0.0000, 0.0000" (zero width): the package reports the first's lower
// bound as computed, -0.0319, and the second's zero width, as its doc says.
func TestPublished_singleProportion(t *testing.T) {
	tests := []struct {
		name                  string
		s, n                  int64
		wilson, wald, agresti [2]float64 // mpmath
		table3, table1        [2]float64 // Newcombe's Table I, 4 decimals
	}{
		{"81/263", 81, 263,
			[2]float64{0.25528851987827424, 0.36620957698280006},
			[2]float64{0.25219012621310719, 0.36377945553594224},
			[2]float64{0.25522066518999679, 0.36627743167107751},
			[2]float64{0.2553, 0.3662}, [2]float64{0.2522, 0.3638}},
		{"15/148", 15, 148,
			[2]float64{0.062386399530736286, 0.16048724172330803},
			[2]float64{0.052730006408793964, 0.14997269629390874},
			[2]float64{0.061385974928797279, 0.16148766632524703},
			[2]float64{0.0624, 0.1605}, [2]float64{0.0527, 0.1500}},
		{"0/20", 0, 20,
			[2]float64{0, 0.16112515805281933},
			[2]float64{0, 0},
			[2]float64{-0.028684402489669469, 0.1898095605424888},
			[2]float64{0.0000, 0.1611}, [2]float64{0.0000, 0.0000}},
		{"1/29", 1, 29,
			[2]float64{0.0061132142927626622, 0.17175521879320284},
			[2]float64{-0.031926725998292822, 0.10089224323967213},
			[2]float64{-0.0084180754757405486, 0.18628650856170605},
			[2]float64{0.0061, 0.1718}, [2]float64{-0.0319, 0.1009}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := outcome.MustProportion(tt.s, tt.n)
			for _, m := range []struct {
				method outcome.IntervalMethod
				want   [2]float64
				table  [2]float64
			}{
				{outcome.IntervalWilson, tt.wilson, tt.table3},
				{outcome.IntervalWald, tt.wald, tt.table1},
				{outcome.IntervalAdjustedWald, tt.agresti, [2]float64{math.NaN(), math.NaN()}},
			} {
				iv, err := p.Interval(0.95, m.method)
				require.NoError(t, err)
				assert.InDelta(t, m.want[0], iv.Low, workedTol, "%s low", m.method)
				assert.InDelta(t, m.want[1], iv.High, workedTol, "%s high", m.method)
				if !math.IsNaN(m.table[0]) {
					assert.InDelta(t, m.table[0], iv.Low, 0.00005, "%s low, Table I", m.method)
					assert.InDelta(t, m.table[1], iv.High, 0.00005, "%s high, Table I", m.method)
				}
				// Failures for successes: the rate 1 - p̂ has the interval
				// (1 - High, 1 - Low) by every method, as each formula is
				// symmetric in s and n - s (28/29: 0.8282448 to 0.9938868
				// by Wilson).
				mirror, err := outcome.MustProportion(tt.n-tt.s, tt.n).Interval(0.95, m.method)
				require.NoError(t, err)
				assert.InDelta(t, 1-m.want[1], mirror.Low, workedTol, "%s low of %d/%d", m.method, tt.n-tt.s, tt.n)
				assert.InDelta(t, 1-m.want[0], mirror.High, workedTol, "%s high of %d/%d", m.method, tt.n-tt.s, tt.n)
			}
		})
	}
}

// TestPublished_wilsonConfidenceLevels checks the Wilson interval at
// confidence levels far from 95%, where z is far from 2, and at the two
// boundaries 0 of n and n of n, against mpmath's figures. At 0 of n the
// lower bound is exactly 0 and the upper z²/(n + z²); at n of n the upper
// bound is exactly 1 and the lower n/(n + z²) (Wilson 1927; Newcombe 1998,
// Table I, 0/20), at every level. The levels:
//
//	c = 0.5:          z = 0.67448975019608174
//	c = 0.999999:     z = 4.8916384756929318
//	c = 1 - 2^-53:    z = 8.2923610758135955 (the float64 just below 1)
//	c = 1e-6:         z = 1.2533141373158283e-6 (the interval all but closes)
func TestPublished_wilsonConfidenceLevels(t *testing.T) {
	tests := []struct {
		name       string
		c          float64
		z          float64
		of1in29    [2]float64
		of81in263  [2]float64
		high0of20  float64
		low20of20  float64
		closedForm bool
	}{
		{"50%", 0.5, 0.67448975019608174,
			[2]float64{0.017883620067890346, 0.065461880592999229},
			[2]float64{0.28912925755582081, 0.32750347147458231},
			0.022240911128199469, 0.97775908887180053, true},
		{"99.9999%", 0.999999, 4.8916384756929318,
			[2]float64{0.0013335666720616316, 0.48854069221122782},
			[2]float64{0.18972107113405042, 0.45827440053980701},
			0.54471084072110502, 0.45528915927889498, true},
		{"1 - 2^-53", 1 - 0x1p-53, 8.2923610758135955,
			[2]float64{0.00048762604326431554, 0.72333498225599756},
			[2]float64{0.13387055953832934, 0.56169548243077654},
			0.77468153203414406, 0.22531846796585594, true},
		{"1e-6", 1e-6, 1.2533141373158283e-6,
			[2]float64{0.034482716154656013, 0.034482801086773727},
			[2]float64{0.30798475519619577, 0.30798482655285595},
			7.8539816339779779e-14, 0.99999999999992146, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The critical value itself: the relative error of erfinv's
			// result is a few units in the last place, but near 1 its
			// argument c is itself rounded, which the figures above already
			// take as given (they are at the float64 c).
			iv, err := outcome.MustProportion(1, 29).Wilson(tt.c)
			require.NoError(t, err)
			assert.InDelta(t, tt.of1in29[0], iv.Low, workedTol, "1/29 low")
			assert.InDelta(t, tt.of1in29[1], iv.High, workedTol, "1/29 high")
			assert.Equal(t, tt.c, iv.Confidence)
			iv, err = outcome.MustProportion(81, 263).Wilson(tt.c)
			require.NoError(t, err)
			assert.InDelta(t, tt.of81in263[0], iv.Low, workedTol, "81/263 low")
			assert.InDelta(t, tt.of81in263[1], iv.High, workedTol, "81/263 high")

			iv, err = outcome.MustProportion(0, 20).Wilson(tt.c)
			require.NoError(t, err)
			assert.Equal(t, 0.0, iv.Low, "0 of n: the lower bound is exactly 0")
			assert.InEpsilon(t, tt.high0of20, iv.High, 1e-14, "0 of n: z²/(n + z²)")
			iv, err = outcome.MustProportion(20, 20).Wilson(tt.c)
			require.NoError(t, err)
			assert.Equal(t, 1.0, iv.High, "n of n: the upper bound is exactly 1")
			assert.InDelta(t, tt.low20of20, iv.Low, workedTol, "n of n: n/(n + z²)")
			// The closed forms by hand from the listed z: z²/(20 + z²) and
			// 20/(20 + z²) add up to 1.
			z2 := tt.z * tt.z
			assert.InEpsilon(t, z2/(20+z2), tt.high0of20, 1e-15)
			assert.InDelta(t, 20/(20+z2), tt.low20of20, 1e-16)
		})
	}
}

// TestPublished_newcombeDifference checks CompareProportions on the eight
// examples of Newcombe (1998), "Interval estimation for the difference
// between independent proportions: comparison of eleven methods",
// Statistics in Medicine 17:873-890, Table II (each b - a, b first in the
// paper's notation): (a) 56/70 - 48/80, (b) 9/10 - 3/10, 6/7 - 2/7,
// 5/56 - 0/29, 0/10 - 0/20, 0/10 - 0/10, 10/10 - 0/20 and 10/10 - 0/10,
// with the differences at 0 and at ±1 the literature discusses. The interval is method 10, the hybrid score interval:
//
//	Low  = d - sqrt((p̂b - lb)² + (ua - p̂a)²)
//	High = d + sqrt((ub - p̂b)² + (p̂a - la)²)
//
// with (l, u) each rate's Wilson interval at 95%, worked with mpmath; the
// 4-decimal figures of (a) and (b), 0.0524 to 0.3339 and 0.1705 to 0.8090,
// are those the table prints (and that the R package propint's tests
// reproduce). The z test is the pooled one (OpenStax "Introductory
// Statistics", "Comparing two independent population proportions"):
// p̄ = (sa + sb)/(na + nb), SE = sqrt(p̄(1-p̄)(1/na + 1/nb)), z = d/SE,
// P = erfc(|z|/sqrt 2), and P = 1 with z = 0 where SE = 0 (both rates 0 or
// both 1), as CompareProportions documents.
func TestPublished_newcombeDifference(t *testing.T) {
	tests := []struct {
		name             string
		sa, na, sb, nb   int64
		d, low, high     float64
		se, z, p         float64
		table, tableHigh float64 // Table II's printed bounds, or NaN
	}{
		{"(a) 56/70 - 48/80", 48, 80, 56, 70, 0.2, 0.052431472402364907, 0.33387265403690595,
			0.075466801278695357, 2.6501719512585326, 0.0080450813681965847, 0.0524, 0.3339},
		{"(b) 9/10 - 3/10", 3, 10, 9, 10, 0.6, 0.17052272393450296, 0.80901797353548796,
			0.21908902300206645, 2.7386127875258306, 0.0061698993205441622, 0.1705, 0.8090},
		{"6/7 - 2/7", 2, 7, 6, 7, 4.0 / 7, 0.058227927482312292, 0.80624963752422774,
			0.26452002850644327, 2.1602468994692867, 0.030753561259274572, math.NaN(), math.NaN()},
		{"5/56 - 0/29, none in a", 0, 29, 5, 56, 5.0 / 56, -0.038137147903536864, 0.1925600138551116,
			0.0538303892653705, 1.6586488692392285, 0.097186568170579726, math.NaN(), math.NaN()},
		{"0/10 - 0/20, both none", 0, 20, 0, 10, 0, -0.16112515805281933, 0.27753279986288917,
			0, 0, 1, math.NaN(), math.NaN()},
		{"0/10 - 0/10, both none", 0, 10, 0, 10, 0, -0.27753279986288917, 0.27753279986288917,
			0, 0, 1, math.NaN(), math.NaN()},
		{"10/10 - 0/20, none against all", 0, 20, 10, 10, 1, 0.67908603714191477, 1,
			0.18257418583505537, 5.4772255750516611, 4.3204630578274973e-8, math.NaN(), math.NaN()},
		{"10/10 - 0/10, none against all", 0, 10, 10, 10, 1, 0.60750935043052427, 1,
			0.22360679774997897, 4.4721359549995794, 7.7442164310440836e-6, math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := outcome.CompareProportions(outcome.MustProportion(tt.sa, tt.na), outcome.MustProportion(tt.sb, tt.nb), 0.95)
			require.NoError(t, err)
			assert.InDelta(t, tt.d, c.Difference.Estimate, 1e-16, "difference")
			assert.InDelta(t, tt.low, c.Difference.Low, workedTol, "low")
			assert.InDelta(t, tt.high, c.Difference.High, workedTol, "high")
			assert.InDelta(t, tt.se, c.StandardError, workedTol, "standard error")
			assert.InDelta(t, tt.z, c.Z, 1e-14, "z")
			if tt.p == 1 {
				assert.Equal(t, 1.0, c.PValue, "no variance: p is 1")
			} else {
				assert.InEpsilon(t, tt.p, c.PValue, tailTol, "p-value")
			}
			if !math.IsNaN(tt.table) {
				assert.InDelta(t, tt.table, c.Difference.Low, 0.00005, "Table II low")
				assert.InDelta(t, tt.tableHigh, c.Difference.High, 0.00005, "Table II high")
			}
		})
	}
}

// TestPublished_pValueTails checks the pooled test's p-value near 0 and
// near 1, against mpmath's figures, P = erfc(|z|/sqrt 2):
//
//   - 0/100 against 100/100: p̄ = 1/2, SE = sqrt(1/4 · 2/100) = 0.0707107,
//     z = 10·sqrt 2 = 14.142136, P = erfc(10) = 2.0884875837625448e-45;
//   - 0/1000 against 1000/1000: z = 20·sqrt 5 = 44.72136, P = erfc(31.62)
//     = 9.05e-437, below the smallest float64 (4.9e-324): 0, significant;
//   - 5000/10000 against 5001/10000: p̄ = 10001/20000, SE = 0.0070710678,
//     z = 0.014142136, P = 0.98871658438773707, near 1.
func TestPublished_pValueTails(t *testing.T) {
	c, err := outcome.CompareProportions(outcome.MustProportion(0, 100), outcome.MustProportion(100, 100), 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 14.14213562373095, c.Z, 1e-13)
	assert.InEpsilon(t, 2.0884875837625448e-45, c.PValue, tailTol)
	assert.True(t, c.Significant())

	c, err = outcome.CompareProportions(outcome.MustProportion(0, 1000), outcome.MustProportion(1000, 1000), 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 44.721359549995794, c.Z, 1e-12)
	assert.Equal(t, 0.0, c.PValue, "9.05e-437 is below every float64")
	assert.True(t, c.Significant())

	c, err = outcome.CompareProportions(outcome.MustProportion(5000, 10000), outcome.MustProportion(5001, 10000), 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.0070710677765101361, c.StandardError, 1e-17)
	assert.InDelta(t, 0.014142135694441629, c.Z, 1e-15)
	assert.InDelta(t, 0.98871658438773707, c.PValue, workedTol)
	assert.False(t, c.Significant())
	// The Newcombe interval of that difference, 0.0001: mpmath gives
	// -0.013756404078248727 to 0.013956349772678896; it contains 0, as the
	// test says.
	assert.InDelta(t, -0.013756404078248727, c.Difference.Low, workedTol)
	assert.InDelta(t, 0.013956349772678896, c.Difference.High, workedTol)

	// One trial each, 1/1 against 0/1: d = -1, Low = -1, High = -1 +
	// sqrt(u(0/1)² + (1 - l(1/1))²) = -1 + sqrt(2)·z²/(1 + z²) =
	// 0.12210872068194173 (mpmath); p̄ = 1/2, SE = sqrt(1/2), z = -sqrt 2,
	// P = erfc(1) = 0.15729920705028513.
	c, err = outcome.CompareProportions(outcome.MustProportion(1, 1), outcome.MustProportion(0, 1), 0.95)
	require.NoError(t, err)
	assert.Equal(t, -1.0, c.Difference.Estimate)
	assert.Equal(t, -1.0, c.Difference.Low)
	assert.InDelta(t, 0.12210872068194173, c.Difference.High, workedTol)
	assert.InDelta(t, -math.Sqrt2, c.Z, 1e-15)
	assert.InDelta(t, 0.15729920705028513, c.PValue, workedTol)
}

// TestPublished_npsAdjustedWaldMiss checks the confidence levels
// AdjustedWaldInterval's doc gives below which the interval of a tally of
// n promoters (and nothing else) misses the NPS of 100 before it is widened:
// the centre 100n/(n+3) plus z·100·sqrt(4.5(n+1))/(n+3)^1.5 reaches 100
// exactly when z = 3/sqrt(4.5(n+1)/(n+3)), at the confidence erf(z/sqrt 2).
// By hand: n = 2, z = 3/sqrt(2.7) = 1.8257419, erf(1.2909944) = 0.9321108;
// n = 5, z = 3/sqrt(3.375) = 1.6329932, erf(1.1547005) = 0.8975295
// (89.8%, where the doc said 89.5%); n = 10, z = 3/sqrt(45/13) = 1.6124515,
// erf(1.1401754) = 0.8758076; n = 100, z = 3/sqrt(454.5/103) = 1.4281435,
// erf(1.0098568) = 0.8467505. Just below each level the interval is widened
// to the NPS; just above, its High is past 100.
func TestPublished_npsAdjustedWaldMiss(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		conf float64
	}{{2, 0.9321108}, {5, 0.8975295}, {10, 0.8758076}, {100, 0.8467505}} {
		tally, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), tt.n, 0, 0)
		require.NoError(t, err)
		a, err := tally.AdjustedWaldInterval(tt.conf - 1e-6)
		require.NoError(t, err)
		assert.Equal(t, 100.0, a.High, "n = %d just below %v: widened", tt.n, tt.conf)
		a, err = tally.AdjustedWaldInterval(tt.conf + 1e-6)
		require.NoError(t, err)
		assert.Greater(t, a.High, 100.0, "n = %d just above %v", tt.n, tt.conf)
	}
}
