package northstar

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file checks lead/lag analysis against published figures and against
// figures worked independently of the code: exactly in rationals (Python's
// fractions) where the statistic is rational, and with mpmath 1.3 at 50
// significant digits where it is not, from the textbook formulas quoted
// with each test (z* = sqrt(2)·erfinv(c) at the float64 level c itself).

// norrisX and norrisY are the NIST Statistical Reference Datasets'
// "Norris" linear regression data (NIST StRD, "lower difficulty"; 36
// observations of y against x, calibration of ozone monitors), whose
// certified R² is 0.999993745883712: for one predictor, R² is the square of
// Pearson's r. mpmath gives r = 0.99999687293696660092 (and R² =
// 0.99999374588371172506, the certified value to its 15 digits, as are
// mpmath's slope 1.00211681802045 and intercept -0.262323073774029).
var (
	norrisX = []float64{0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0,
		447.5, 11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1,
		448.9, 0.5}
	norrisY = []float64{0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3,
		448.9, 10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4,
		449.2, 0.2}
)

// TestPublished_pearsonNorris checks Pearson's r at lag 0 on NIST's Norris
// data: r so near 1 shows the error of the sums (1 - r = 3.1e-6, so an
// error of 1e-12 in the co-moments would show in r's tenth digit). r is
// within 1e-15 of mpmath's, and r² within 2e-15 of the certified R²; the
// verdict is coincident, and swapping the series does not change r.
func TestPublished_pearsonNorris(t *testing.T) {
	require.Len(t, norrisX, 36)
	require.Len(t, norrisY, 36)
	l, err := AnalyzeLeadLag(norrisX, norrisY, LagOptions{})
	require.NoError(t, err)
	r := l.Best().R
	assert.InDelta(t, 0.99999687293696660092, r, 1e-15)
	assert.InDelta(t, 0.999993745883712, r*r, 2e-15, "NIST's certified R²")
	assert.Equal(t, Coincident, l.Verdict())
	back, err := AnalyzeLeadLag(norrisY, norrisX, LagOptions{})
	require.NoError(t, err)
	assert.InDelta(t, r, back.Best().R, 1e-16)
}

// TestPublished_spearmanTies checks Spearman's correlation with ties, the
// case the shortcut 1 - 6Σd²/(m(m² - 1)) gets wrong: with ties the
// coefficient is Pearson's r of the average ranks (Spearman 1904; e.g.
// Kendall and Gibbons, "Rank Correlation Methods", 5th ed., ch. 3), and
// the ranks are taken among the pairs of each lag, not over the whole
// series. Worked exactly for x = 1 2 2 3 4 and y = 2 1 3 3 5:
//
//	lag 0: ranks 1 2.5 2.5 4 5 and 2 1 3.5 3.5 5, mean 3: Sxy = 2 + 1 -
//	       0.25 + 0.5 + 4 = 29/4, Sxx = Syy = 19/2, r = 29/38 = 0.763158
//	       (the shortcut gives Σd² = 4.5, 1 - 27/120 = 0.775);
//	lag +1: x 1 2 2 3 and y 1 3 3 5 rank alike, 1 2.5 2.5 4: r = 1
//	       exactly, though y's ranks over the whole series differ;
//	lag -1: x 2 2 3 4 -> 1.5 1.5 3 4, y 2 1 3 3 -> 2 1 3.5 3.5, mean 2.5:
//	       Sxy = 4, Sxx = Syy = 9/2, r = 8/9.
//
// Lag +1 is the strongest, r = 1, whose interval is [1, 1]: leads.
func TestPublished_spearmanTies(t *testing.T) {
	x := []float64{1, 2, 2, 3, 4}
	y := []float64{2, 1, 3, 3, 5}
	l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1, Method: Spearman})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{8.0 / 9, 29.0 / 38, 1}, correlations(l), 1e-15)
	assert.Equal(t, Correlation{Lag: 1, R: 1, Pairs: 4}, l.Best())
	low, high := l.Interval()
	assert.Equal(t, [2]float64{1, 1}, [2]float64{low, high})
	assert.Equal(t, Leads, l.Verdict())

	// Values removed from a window tied with values kept, which then move
	// down half a rank: x = 3 1 3 2 5 3 and y = 4 2 4 1 6 4, whose ends are
	// tied within each series. Lag 0: ranks 4 1 4 2 6 4 and 4 2 4 1 6 4,
	// mean 3.5: Sxy = 29/2, Sxx = Syy = 31/2, r = 29/31. Lag +1: x 3 1 3 2
	// 5 -> 3.5 1 3.5 2 5, y 2 4 1 6 4 -> 2 3.5 1 5 3.5, mean 3: Sxy = -7/2,
	// Sxx = Syy = 19/2, r = -7/19. Lag -1: x 1 3 2 5 3 -> 1 3.5 2 5 3.5, y
	// 4 2 4 1 6 -> 3.5 2 3.5 1 5: Sxy = -5, r = -10/19.
	l, err = AnalyzeLeadLag([]float64{3, 1, 3, 2, 5, 3}, []float64{4, 2, 4, 1, 6, 4}, LagOptions{MaxLag: 1, Method: Spearman})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{-10.0 / 19, 29.0 / 31, -7.0 / 19}, correlations(l), 1e-15)
	assert.Equal(t, 0, l.Best().Lag)

	// At lag 0 alone, the same 29/38, with its Fisher interval at 95%:
	// se = sqrt(1.06/2), z* = 1.959964 (Fieller, Hartley and Pearson
	// 1957), tanh(atanh(29/38) ± 1.959964·0.728011) = tanh(1.003734 ±
	// 1.426876) = -0.399574 to 0.984637 (mpmath: -0.39957350207395035,
	// 0.984636838335777).
	l, err = AnalyzeLeadLag(x, y, LagOptions{Method: Spearman})
	require.NoError(t, err)
	assert.InDelta(t, 29.0/38, l.Best().R, 1e-15)
	low, high = l.Interval()
	assert.InDelta(t, -0.39957350207395035, low, 1e-15)
	assert.InDelta(t, 0.984636838335777, high, 1e-15)
	assert.Equal(t, NoEvidence, l.Verdict())
}

// TestPublished_fisherBonferroni checks the Fisher interval of the
// strongest lag and its Bonferroni level on Anscombe's data set I (see
// TestAnalyzeLeadLagAnscombe) at lags -2 to 2. Worked exactly: the
// correlations are Sxy/sqrt(Sxx·Syy) of
//
//	lag -2: -679/50, 108, 256661/9000       r = -0.24469731608716185
//	lag -1: -7547/1000, 1089/10, 3762541/100000  r = -0.11790162464516504
//	lag  0: 5501/100, 110, 1134999/27500    r = 0.81642051634483984
//	lag +1: -1469/500, 462/5, 4095301/100000 r = -0.047760942905854872
//	lag +2: -5017/300, 86, 366107/9000      r = -0.28274234723565659
//
// Lag 0 is the strongest, from 11 pairs. Five lags at 95% together give
// each lag 1 - 0.05/5 = 0.99, whose z* is 2.5758293035489004 (the 2.576
// of every normal table), so the interval is tanh(atanh(r) ± z*/sqrt(8)) =
// 0.23104631032343018 to 0.96782079997879739 (mpmath), wider than lag 0
// alone gives (0.4244 to 0.9507).
func TestPublished_fisherBonferroni(t *testing.T) {
	l, err := AnalyzeLeadLag(anscombeX, anscombeY, LagOptions{MaxLag: 2})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{-0.24469731608716185, -0.11790162464516504, 0.81642051634483984,
		-0.047760942905854872, -0.28274234723565659}, correlations(l), 1e-15)
	assert.Equal(t, 0, l.Best().Lag)
	assert.InDelta(t, 0.99, l.PerLagConfidence(), 1e-16)
	low, high := l.Interval()
	assert.InDelta(t, 0.23104631032343018, low, 1e-15)
	assert.InDelta(t, 0.96782079997879739, high, 1e-15)
	assert.Equal(t, Coincident, l.Verdict())
}

// TestPublished_confidenceExtremes checks the Fisher interval of Anscombe's
// r = 0.81642051634483984 (11 pairs, lag 0 alone) at confidence levels near
// 0 and near 1, against mpmath: it is never NaN, and it widens towards -1..1
// as the level nears 1 and closes on r as the level nears 0.
//
//	c = 1 - 2^-53: z* = 8.2923610758135955, -0.94531604430779724 to
//	               0.99942589602013884: no evidence;
//	c = 1e-3:      z* = 0.0012533144654325545, 0.81627270331651323 to
//	               0.81656822246409304: coincident;
//	c = 1e-300:    z* = 1.2533141373155003e-300, so tanh(atanh(r) ±
//	               4.4e-301) is r itself in float64: [r, r], coincident.
func TestPublished_confidenceExtremes(t *testing.T) {
	const r = 0.81642051634483984
	for _, tt := range []struct {
		name      string
		c         float64
		low, high float64
		verdict   Verdict
	}{
		{"1 - 2^-53", 1 - 0x1p-53, -0.94531604430779724, 0.99942589602013884, NoEvidence},
		{"1e-3", 1e-3, 0.81627270331651323, 0.81656822246409304, Coincident},
		{"1e-300", 1e-300, r, r, Coincident},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := AnalyzeLeadLag(anscombeX, anscombeY, LagOptions{Confidence: tt.c})
			require.NoError(t, err)
			low, high := l.Interval()
			assert.False(t, math.IsNaN(low) || math.IsNaN(high))
			assert.InDelta(t, tt.low, low, 1e-15)
			assert.InDelta(t, tt.high, high, 1e-15)
			assert.Equal(t, tt.verdict, l.Verdict())
		})
	}
}
