package northstar

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// correlations collects r at each lag from -MaxLag to MaxLag.
func correlations(l LeadLag) []float64 {
	var out []float64
	for c := range l.Correlations() {
		out = append(out, c.R)
	}
	return out
}

func TestAnalyzeLeadLagHandWorked(t *testing.T) {
	// x = 1 2 3 4 5, y = 2 1 4 3 6.
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 1, 4, 3, 6}
	l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1})
	require.NoError(t, err)
	// Lag -1 pairs (x[1..4], y[0..3]) = (2,2) (3,1) (4,4) (5,3): means 3.5
	// and 2.5, deviations -1.5 -0.5 0.5 1.5 and -0.5 -1.5 1.5 0.5, so
	// Sxy = 0.75+0.75+0.75+0.75 = 3, Sxx = 5, Syy = 5, r = 3/5 = 0.6.
	// Lag 0: means 3 and 3.2, Sxy = 2.4+2.2+0-0.2+5.6 = 10, Sxx = 10,
	// Syy = 1.44+4.84+0.64+0.04+7.84 = 14.8, r = 10/sqrt(148).
	// Lag +1 pairs (1,1) (2,4) (3,3) (4,6): means 2.5 and 3.5, Sxy =
	// 3.75-0.25-0.25+3.75 = 7, Sxx = 5, Syy = 13, r = 7/sqrt(65).
	want := []float64{0.6, 10 / math.Sqrt(148), 7 / math.Sqrt(65)}
	assert.InDeltaSlice(t, want, correlations(l), 1e-15)
	assert.Equal(t, Pearson, l.Method())
	assert.Equal(t, 1, l.MaxLag())
	assert.Equal(t, 5, l.Len())
	assert.Equal(t, 0.95, l.Confidence())
	// Three lags examined: per-lag confidence 1 - 0.05/3.
	assert.InDelta(t, 1-0.05/3, l.PerLagConfidence(), 1e-15)

	best := l.Best()
	assert.Equal(t, Correlation{Lag: 1, R: correlations(l)[2], Pairs: 4}, best)
	// Fisher z: atanh(7/sqrt(65)) = 1.325898, se = 1/sqrt(4-3) = 1,
	// z* = the 1 - 0.05/6 normal quantile = 2.393980, so the interval is
	// tanh(1.325898 ± 2.393980) = (-0.788738, 0.998826): it contains zero.
	low, high := l.Interval()
	assert.InDelta(t, -0.788737530078979, low, 1e-12)
	assert.InDelta(t, 0.9988258316972162, high, 1e-12)
	assert.Equal(t, NoEvidence, l.Verdict())
	assert.Equal(t, "no evidence of a relation (Pearson r = 0.87 at lag 1 from 4 pairs, 95% interval -0.79 to 1.00)", l.String())
	// A confidence of 0.99999 is written as it is, not rounded to "100%".
	l, err = AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1, Confidence: 0.99999})
	require.NoError(t, err)
	assert.Contains(t, l.String(), "from 4 pairs, 99.999% interval")

	c, ok := l.At(-1)
	assert.True(t, ok)
	assert.Equal(t, -1, c.Lag)
	assert.Equal(t, 4, c.Pairs)
	assert.InDelta(t, 0.6, c.R, 1e-15)
	_, ok = l.At(2)
	assert.False(t, ok)
	_, ok = l.At(-2)
	assert.False(t, ok)
	n := 0
	for range l.Correlations() {
		n++
		break
	}
	assert.Equal(t, 1, n, "stopping early is honoured")
}

func TestAnalyzeLeadLagSpearmanHandWorked(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 1, 4, 3, 6}
	l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1, Method: Spearman})
	require.NoError(t, err)
	// Spearman with distinct values is 1 - 6·Σd²/(m(m²-1)), d the rank
	// differences within the pairs of each lag:
	// lag -1: x 2 3 4 5 -> 1 2 3 4; y 2 1 4 3 -> 2 1 4 3; Σd² = 4; 1 - 24/60 = 0.6.
	// lag 0: x ranks 1..5; y 2 1 4 3 6 -> 2 1 4 3 5; Σd² = 4; 1 - 24/120 = 0.8.
	// lag +1: x 1 2 3 4 -> 1..4; y 1 4 3 6 -> 1 3 2 4; Σd² = 2; 1 - 12/60 = 0.8.
	assert.InDeltaSlice(t, []float64{0.6, 0.8, 0.8}, correlations(l), 1e-15)
	// Lags 0 and +1 tie at 0.8: the smaller lag wins.
	assert.Equal(t, 0, l.Best().Lag)
	// Spearman's se is sqrt(1.06/(5-3)) = 0.728011: atanh(0.8) = 1.098612,
	// z* = 2.393980, so tanh(1.098612 ± 1.742845) = (-0.567774, 0.993216).
	low, high := l.Interval()
	assert.InDelta(t, math.Tanh(math.Atanh(0.8)-2.3939797998185104*math.Sqrt(0.53)), low, 1e-12)
	assert.InDelta(t, math.Tanh(math.Atanh(0.8)+2.3939797998185104*math.Sqrt(0.53)), high, 1e-12)
	assert.InDelta(t, -0.567774, low, 1e-6)
	assert.InDelta(t, 0.993216, high, 1e-6)
	assert.Equal(t, NoEvidence, l.Verdict())
}

// Anscombe's quartet, data set I: F. J. Anscombe, "Graphs in Statistical
// Analysis", The American Statistician 27(1), 1973, pp. 17-21. The paper
// gives r = 0.816 (0.82 to two places) for each of the four sets.
var (
	anscombeX = []float64{10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5}
	anscombeY = []float64{8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68}
)

func TestAnalyzeLeadLagAnscombe(t *testing.T) {
	l, err := AnalyzeLeadLag(anscombeX, anscombeY, LagOptions{})
	require.NoError(t, err)
	// By hand: mean x = 99/11 = 9, mean y = 82.51/11 = 7.500909;
	// Sxx = 110, Syy = 41.272691, Sxy = 55.01 (0.5001 × 110, the paper's
	// slope), so r = 55.01/sqrt(110 × 41.272691) = 0.816421.
	assert.InDelta(t, 0.816, l.Best().R, 0.0005, "the published value")
	assert.InDelta(t, 55.01/math.Sqrt(110*41.27269090909091), l.Best().R, 1e-14)
	assert.Equal(t, Correlation{Lag: 0, R: l.Best().R, Pairs: 11}, l.Best())
	// Fisher z at lag 0 only (no Bonferroni factor): atanh(0.816421) =
	// 1.145988, se = 1/sqrt(8) = 0.353553, z* = 1.959964, so the interval
	// is tanh(1.145988 ± 0.692952) = (0.424391, 0.950693).
	low, high := l.Interval()
	assert.InDelta(t, 0.4243912133932168, low, 1e-12)
	assert.InDelta(t, 0.9506932537865606, high, 1e-12)
	assert.Equal(t, Coincident, l.Verdict())
	assert.Equal(t, "coincident (Pearson r = 0.82 from 11 pairs, 95% interval 0.42 to 0.95)", l.String())
}

// The worked example of Wikipedia's "Spearman's rank correlation
// coefficient" article (section "Example"): ten people's IQ and hours of TV
// a week, with ρ = -29/165 = -0.175758.
func TestAnalyzeLeadLagSpearmanPublished(t *testing.T) {
	iq := []float64{106, 100, 86, 101, 99, 103, 97, 113, 112, 110}
	tv := []float64{7, 27, 2, 50, 28, 29, 20, 12, 6, 17}
	l, err := AnalyzeLeadLag(iq, tv, LagOptions{Method: Spearman})
	require.NoError(t, err)
	assert.InDelta(t, -29.0/165, l.Best().R, 1e-15)
	// atanh(-0.175758) = -0.177602, se = sqrt(1.06/7) = 0.389138,
	// z* = 1.959964: tanh(-0.177602 ± 0.762697) = (-0.735359, 0.526359).
	low, high := l.Interval()
	assert.InDelta(t, -0.7353594030660527, low, 1e-12)
	assert.InDelta(t, 0.52635893369128, high, 1e-12)
	assert.Equal(t, NoEvidence, l.Verdict())
}

func TestAnalyzeLeadLagVerdicts(t *testing.T) {
	// The outcome repeats the candidate two periods later (the first two
	// outcome values are unrelated), so at lag +2 the pairs are identical:
	// r = 1, and the interval is (1, 1).
	cand := []float64{2, 4, 1, 5, 3, 6, 2, 7, 4, 8, 3, 9}
	out := append([]float64{9, 0}, cand[:10]...)
	neg := make([]float64, len(out))
	for i, v := range out {
		neg[i] = -v
	}
	tests := []struct {
		name    string
		x, y    []float64
		method  Method
		lag     int
		r       float64
		verdict Verdict
	}{
		{"leads", cand, out, Pearson, 2, 1, Leads},
		{"leads, Spearman", cand, out, Spearman, 2, 1, Leads},
		{"lags: the roles swapped", out, cand, Pearson, -2, 1, Lags},
		{"leads, moving the other way", cand, neg, Pearson, 2, -1, Leads},
		{"coincident", cand, cand, Spearman, 0, 1, Coincident},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := AnalyzeLeadLag(tt.x, tt.y, LagOptions{MaxLag: 3, Method: tt.method})
			require.NoError(t, err)
			assert.Equal(t, tt.lag, l.Best().Lag)
			assert.InDelta(t, tt.r, l.Best().R, 1e-12)
			assert.Equal(t, tt.verdict, l.Verdict())
			low, high := l.Interval()
			assert.InDelta(t, tt.r, low, 1e-6)
			assert.InDelta(t, tt.r, high, 1e-6)
		})
	}
	l, err := AnalyzeLeadLag(cand, out, LagOptions{MaxLag: 3, Confidence: 0.99})
	require.NoError(t, err)
	assert.Equal(t, "leads by 2 periods (Pearson r = 1.00 from 10 pairs, 99% interval 1.00 to 1.00)", l.String())
	l, err = AnalyzeLeadLag(out, cand, LagOptions{MaxLag: 2})
	require.NoError(t, err)
	assert.Equal(t, "lags by 2 periods (Pearson r = 1.00 from 10 pairs, 95% interval 1.00 to 1.00)", l.String())
	l, err = AnalyzeLeadLag(cand[1:], out[:11], LagOptions{MaxLag: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, l.Best().Lag, "%v", correlations(l))
	assert.Equal(t, "leads by 1 period", l.String()[:17])
}

// TestAnalyzeLeadLagConfidenceNearOne: a confidence level strictly below 1,
// so valid, whose per-lag level rounds to 1. c = 1 - 2^-53 (the float64
// just below 1) over the 3 lags -1 to 1 gives 1 - 2^-53/3, and 2^-53/3 is
// below 2^-54, half the gap below 1, so the per-lag level is exactly 1 and
// z* is infinite. A perfect correlation's z is infinite too: its interval
// is [r, r], never infinity less infinity (NaN), and it reads back from
// JSON. Any other correlation's interval is tanh(z ± infinity) = -1 to 1.
func TestAnalyzeLeadLagConfidenceNearOne(t *testing.T) {
	c := math.Nextafter(1, 0)
	opts := LagOptions{MaxLag: 1, Confidence: c}
	require.Empty(t, opts.validate("", nil, nil, ""), "a valid confidence level")
	x := []float64{1, 2, 3, 4, 5, 6}
	for _, tt := range []struct {
		name      string
		y         []float64
		r         float64
		low, high float64
		verdict   Verdict
	}{
		// y = 2x: r = 1 at every lag, and lag 0 wins the tie.
		{"perfect", []float64{2, 4, 6, 8, 10, 12}, 1, 1, 1, Coincident},
		// y = -x: r = -1 at lag 0 (and at lags ±1).
		{"perfect, opposite", []float64{-1, -2, -3, -4, -5, -6}, -1, -1, -1, Coincident},
		// Deviations from the means 3.5: x -2.5 -1.5 -0.5 0.5 1.5 2.5, y
		// -1.5 -2.5 0.5 -0.5 2.5 1.5: Sxy = 14.5, Sxx = Syy = 17.5, r =
		// 29/35, above lags ±1 (10/sqrt(148) = 0.822 each).
		{"imperfect", []float64{2, 1, 4, 3, 6, 5}, 29.0 / 35, -1, 1, NoEvidence},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := AnalyzeLeadLag(x, tt.y, opts)
			require.NoError(t, err)
			assert.Equal(t, 1.0, l.PerLagConfidence())
			assert.Equal(t, 0, l.Best().Lag)
			assert.InDelta(t, tt.r, l.Best().R, 1e-15)
			low, high := l.Interval()
			assert.Equal(t, [2]float64{tt.low, tt.high}, [2]float64{low, high})
			assert.Equal(t, tt.verdict, l.Verdict())
			out, err := json.Marshal(l)
			require.NoError(t, err)
			var back LeadLag
			require.NoError(t, json.Unmarshal(out, &back), "%s", out)
			assert.True(t, back.Equal(l))
		})
	}
}

func TestAnalyzeLeadLagTieAtPlusMinusK(t *testing.T) {
	// Lag +1 pairs (2,1) (0,2) (3,1) (0,3) (1,3): means 1.2 and 2, Sxy =
	// -0.8+0-1.8-1.2-0.2 = -4, Sxx = 6.8, Syy = 4. Lag -1 pairs (0,3)
	// (3,1) (0,2) (1,1) (0,3): means 0.8 and 2, Sxy = -0.8-2.2+0-0.2-0.8 =
	// -4, Sxx = 6.8, Syy = 4. Both r = -4/sqrt(27.2) = -sqrt(10/17) =
	// -0.766965, stronger than lag 0's 0.321634. A tie never claims a lead:
	// the negative lag wins.
	x := []float64{2, 0, 3, 0, 1, 0}
	y := []float64{3, 1, 2, 1, 3, 3}
	l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 1})
	require.NoError(t, err)
	r := correlations(l)
	assert.InDelta(t, r[0], r[2], 1e-15)
	assert.InDelta(t, -math.Sqrt(10.0/17), r[0], 1e-15)
	assert.Equal(t, -1, l.Best().Lag)
}

// naiveLeadLag computes the correlation at each lag directly: it copies the
// pairs of the lag, ranks them afresh for Spearman, and correlates them with
// the textbook two-pass formula.
func naiveLeadLag(x, y []float64, maxLag int, method Method) []float64 {
	n := len(x)
	var out []float64
	for k := -maxLag; k <= maxLag; k++ {
		var a, b []float64
		if k >= 0 {
			a, b = slices.Clone(x[:n-k]), slices.Clone(y[k:])
		} else {
			a, b = slices.Clone(x[-k:]), slices.Clone(y[:n+k])
		}
		if method == Spearman {
			a, b = naiveRanks(a), naiveRanks(b)
		}
		var ma, mb float64
		for i := range a {
			ma += a[i]
			mb += b[i]
		}
		ma /= float64(len(a))
		mb /= float64(len(b))
		var sab, saa, sbb float64
		for i := range a {
			sab += (a[i] - ma) * (b[i] - mb)
			saa += (a[i] - ma) * (a[i] - ma)
			sbb += (b[i] - mb) * (b[i] - mb)
		}
		out = append(out, sab/math.Sqrt(saa*sbb))
	}
	return out
}

// naiveRanks ranks by counting: rank = #smaller + (#equal + 1)/2.
func naiveRanks(s []float64) []float64 {
	out := make([]float64, len(s))
	for i, v := range s {
		var less, eq float64
		for _, w := range s {
			if w < v {
				less++
			} else if w == v {
				eq++
			}
		}
		out[i] = less + (eq+1)/2
	}
	return out
}

func TestAnalyzeLeadLagMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 8 + rng.IntN(60)
		maxLag := rng.IntN(n - MinPairs + 1)
		x, y := make([]float64, n), make([]float64, n)
		levels := 3 + rng.IntN(20) // few levels: many ties
		for i := range n {
			x[i] = float64(rng.IntN(levels))*0.5 - 3
			y[i] = rng.NormFloat64()*1e6 + 1e9 // large offset, small spread
			if i > 2 {
				y[i] += 1e6 * x[i-2]
			}
		}
		for _, method := range []Method{Pearson, Spearman} {
			l, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: maxLag, Method: method})
			if err != nil {
				require.ErrorIs(t, err, ErrConstantSeries, "trial %d", trial)
				continue
			}
			assert.InDeltaSlice(t, naiveLeadLag(x, y, maxLag, method), correlations(l), 1e-9,
				"trial %d, n %d, lag %d, %s", trial, n, maxLag, method)
		}
	}
}

func TestAnalyzeLeadLagProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 40
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = rng.NormFloat64()
		y[i] = rng.NormFloat64()
		if i > 0 {
			y[i] += x[i-1]
		}
	}
	opts := LagOptions{MaxLag: 5}
	l, err := AnalyzeLeadLag(x, y, opts)
	require.NoError(t, err)
	assert.Equal(t, Leads, l.Verdict())
	assert.Equal(t, 1, l.Best().Lag)

	t.Run("swapping the series mirrors the lags", func(t *testing.T) {
		for _, method := range []Method{Pearson, Spearman} {
			opts := LagOptions{MaxLag: 5, Method: method}
			a, err := AnalyzeLeadLag(x, y, opts)
			require.NoError(t, err)
			b, err := AnalyzeLeadLag(y, x, opts)
			require.NoError(t, err)
			ra, rb := correlations(a), correlations(b)
			slices.Reverse(rb)
			assert.Equal(t, ra, rb)
			assert.Equal(t, -a.Best().Lag, b.Best().Lag)
			assert.Equal(t, Lags, b.Verdict())
		}
	})
	t.Run("scaling by a power of two changes nothing", func(t *testing.T) {
		xs := make([]float64, n)
		for i, v := range x {
			xs[i] = v * 0x1p-900
		}
		s, err := AnalyzeLeadLag(xs, y, opts)
		require.NoError(t, err)
		assert.True(t, l.Equal(s))
	})
	t.Run("Pearson is unchanged by an affine map", func(t *testing.T) {
		xs := make([]float64, n)
		for i, v := range x {
			xs[i] = 3*v + 1e6
		}
		s, err := AnalyzeLeadLag(xs, y, opts)
		require.NoError(t, err)
		assert.InDeltaSlice(t, correlations(l), correlations(s), 1e-9)
	})
	t.Run("Spearman is unchanged by a monotone map", func(t *testing.T) {
		opts := LagOptions{MaxLag: 5, Method: Spearman}
		a, err := AnalyzeLeadLag(x, y, opts)
		require.NoError(t, err)
		xs := make([]float64, n)
		for i, v := range x {
			xs[i] = math.Exp(v)
		}
		s, err := AnalyzeLeadLag(xs, y, opts)
		require.NoError(t, err)
		assert.True(t, a.Equal(s))
	})
	t.Run("huge values do not overflow", func(t *testing.T) {
		xs := make([]float64, n)
		for i, v := range x {
			xs[i] = v * 1e307
		}
		s, err := AnalyzeLeadLag(xs, y, opts)
		require.NoError(t, err)
		assert.InDeltaSlice(t, correlations(l), correlations(s), 1e-12)
	})
	t.Run("a tiny spread is computed carefully", func(t *testing.T) {
		// y is 1e9 plus small integers: scaled into [-1, 1] its spread is
		// about 1e-9, below what running sums resolve, so every lag goes
		// the careful way, and agrees with the direct computation.
		ys := make([]float64, n)
		for i, v := range y {
			ys[i] = 1e9 + math.Round(4*v)
		}
		s, err := AnalyzeLeadLag(x, ys, opts)
		require.NoError(t, err)
		assert.InDeltaSlice(t, naiveLeadLag(x, ys, 5, Pearson), correlations(s), 1e-12)
		// A window of subnormal numbers beside a 1: at lag -1 the
		// candidate's pairs are x[1:], exact multiples of the smallest
		// subnormal, so r equals that of the integers themselves.
		xs, ints := make([]float64, n), make([]float64, n)
		xs[0], ints[0] = 1, 1
		for i := 1; i < n; i++ {
			ints[i] = float64(i % 7)
			xs[i] = ints[i] * math.SmallestNonzeroFloat64
		}
		s, err = AnalyzeLeadLag(xs, y, LagOptions{MaxLag: 1})
		require.NoError(t, err)
		c, _ := s.At(-1)
		assert.InDelta(t, naiveLeadLag(ints, y, 1, Pearson)[0], c.R, 1e-12)
	})
	t.Run("equal", func(t *testing.T) {
		again, err := AnalyzeLeadLag(x, y, opts)
		require.NoError(t, err)
		assert.True(t, l.Equal(again))
		other, err := AnalyzeLeadLag(x, y, LagOptions{MaxLag: 4})
		require.NoError(t, err)
		assert.False(t, l.Equal(other))
		assert.False(t, l.IsZero())
		assert.True(t, LeadLag{}.IsZero())
		assert.Equal(t, Correlation{}, LeadLag{}.Best())
		_, ok := LeadLag{}.At(0)
		assert.False(t, ok)
		assert.Equal(t, "no analysis", LeadLag{}.String())
	})
}

func TestAnalyzeLeadLagErrors(t *testing.T) {
	ok := []float64{1, 2, 3, 4, 5, 6}
	tests := []struct {
		name string
		x, y []float64
		opts LagOptions
		want []outcome.Code
		msg  string // of the first problem
	}{
		{"different lengths", ok, ok[:5], LagOptions{}, []outcome.Code{ErrSeriesLength},
			"northstar: candidate series has 6 values but outcome series has 5"},
		{"too short for the lag", ok, ok, LagOptions{MaxLag: 3}, []outcome.Code{ErrSeriesTooShort},
			"northstar: series of 6 values are too short for lags up to 3: at least 7 values are needed"},
		{"empty", nil, nil, LagOptions{}, []outcome.Code{ErrSeriesTooShort},
			"northstar: series of 0 values are too short for lags up to 0: at least 4 values are needed"},
		{"NaN", []float64{1, 2, math.NaN(), 4, math.NaN(), math.Inf(1)}, ok, LagOptions{}, []outcome.Code{outcome.ErrNotFinite},
			"northstar: candidate series has NaN at index 2 (and 2 more)"},
		{"Inf", ok, []float64{1, 2, 3, 4, 5, math.Inf(-1)}, LagOptions{}, []outcome.Code{outcome.ErrNotFinite},
			"northstar: outcome series has -Inf at index 5"},
		{"constant", []float64{7, 7, 7, 7, 7, 7}, ok, LagOptions{}, []outcome.Code{ErrConstantSeries},
			"northstar: candidate series is constant (all 6 values are 7)"},
		{"both constant", ok[:4], []float64{0, 0, 0, 0}, LagOptions{}, []outcome.Code{ErrConstantSeries},
			"northstar: outcome series is constant (all 4 values are 0)"},
		{"constant over the last values", ok, []float64{1, 2, 3, 3, 3, 3}, LagOptions{MaxLag: 2}, []outcome.Code{ErrConstantSeries},
			"northstar: outcome series is constant over its last 4 values, which are paired at lag 2"},
		{"constant over the first values", []float64{5, 5, 5, 5, 6, 7}, ok, LagOptions{MaxLag: 2}, []outcome.Code{ErrConstantSeries},
			"northstar: candidate series is constant over its first 4 values, which are paired at lag 2"},
		// At lag -2 the candidate's last 4 values, c[2:6], are paired with
		// the outcome's first 4, o[0:4].
		{"candidate constant over its last values", []float64{1, 2, 3, 3, 3, 3}, ok, LagOptions{MaxLag: 2},
			[]outcome.Code{ErrConstantSeries},
			"northstar: candidate series is constant over its last 4 values, which are paired at lag -2"},
		{"outcome constant over its first values", ok, []float64{5, 5, 5, 5, 6, 7}, LagOptions{MaxLag: 2},
			[]outcome.Code{ErrConstantSeries},
			"northstar: outcome series is constant over its first 4 values, which are paired at lag -2"},
		{"negative lag", ok, ok, LagOptions{MaxLag: -1}, []outcome.Code{ErrInvalidLag},
			"northstar: maximum lag -1 is negative"},
		{"bad method", ok, ok, LagOptions{Method: 3}, []outcome.Code{ErrUnknownMethod},
			"northstar: invalid correlation method 3"},
		{"confidence 1", ok, ok, LagOptions{Confidence: 1}, []outcome.Code{ErrInvalidConfidence},
			"northstar: confidence level 1 is not strictly between 0 and 1"},
		{"confidence NaN", ok, ok, LagOptions{Confidence: math.NaN()}, []outcome.Code{ErrInvalidConfidence},
			"northstar: confidence level NaN is not strictly between 0 and 1"},
		{"confidence negative", ok, ok, LagOptions{Confidence: -0.5}, []outcome.Code{ErrInvalidConfidence}, ""},
		{"every problem", []float64{1, math.NaN()}, ok, LagOptions{MaxLag: -2, Method: 9, Confidence: 2},
			[]outcome.Code{ErrInvalidLag, ErrUnknownMethod, ErrInvalidConfidence, ErrSeriesLength, outcome.ErrNotFinite}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := AnalyzeLeadLag(tt.x, tt.y, tt.opts)
			require.Error(t, err)
			assert.True(t, l.IsZero())
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.want), "%v", err)
			for i, p := range probs {
				assert.ErrorIs(t, p, tt.want[i])
			}
			if tt.msg != "" {
				assert.Equal(t, tt.msg, probs[0].Message)
			}
		})
	}
}

// TestAnalyzeLeadLagOptionsAndConstant pins that options AnalyzeLeadLag
// refuses do not hide a constant series: the method and the confidence
// level have no part in the pairs at each lag, so a series constant over
// them is reported with the options' problems, after them.
func TestAnalyzeLeadLagOptionsAndConstant(t *testing.T) {
	ok := []float64{1, 2, 3, 4, 5, 6}
	tests := []struct {
		name string
		x, y []float64
		opts LagOptions
		want []string // each problem's code and message
	}{
		{"method and confidence, candidate constant", []float64{7, 7, 7, 7, 7, 7}, ok, LagOptions{Method: 9, Confidence: 2},
			[]string{
				"lead-lag-unknown-method: northstar: invalid correlation method 9",
				"lead-lag-invalid-confidence: northstar: confidence level 2 is not strictly between 0 and 1",
				"lead-lag-constant-series: northstar: candidate series is constant (all 6 values are 7)",
			}},
		// At lag 2 the outcome's last 4 values, o[2:6] = 3 3 3 3, are paired.
		{"confidence, outcome constant over its last values", ok, []float64{1, 2, 3, 3, 3, 3},
			LagOptions{MaxLag: 2, Confidence: 1.5},
			[]string{
				"lead-lag-invalid-confidence: northstar: confidence level 1.5 is not strictly between 0 and 1",
				"lead-lag-constant-series: northstar: outcome series is constant over its last 4 values, which are paired at lag 2",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AnalyzeLeadLag(tt.x, tt.y, tt.opts)
			var got []string
			for _, p := range outcome.Problems(err) {
				assert.Empty(t, p.IDs)
				got = append(got, string(p.Code)+": "+p.Message)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMethodAndVerdictText(t *testing.T) {
	for _, m := range []Method{Pearson, Spearman} {
		p, err := ParseMethod(" " + m.String() + " ")
		require.NoError(t, err)
		assert.Equal(t, m, p)
		assert.True(t, m.IsValid())
		assert.False(t, m.IsZero())
	}
	assert.Equal(t, "Method(0)", Method(0).String())
	assert.True(t, Method(0).IsZero())
	assert.False(t, Method(3).IsValid())
	p, err := ParseMethod("SPEARMAN")
	require.NoError(t, err)
	assert.Equal(t, Spearman, p)
	_, err = ParseMethod("pear-son")
	assert.ErrorIs(t, err, ErrUnknownMethod)
	_, err = ParseMethod("kendall")
	assert.ErrorIs(t, err, ErrUnknownMethod)
	assert.EqualError(t, err, `northstar: unknown correlation method "kendall"`)

	for _, v := range []Verdict{NoEvidence, Leads, Lags, Coincident} {
		p, err := ParseVerdict(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, p)
		p, err = ParseVerdict(v.token())
		require.NoError(t, err)
		assert.Equal(t, v, p)
		assert.True(t, v.IsValid())
	}
	assert.Equal(t, "no-evidence", NoEvidence.token())
	assert.Equal(t, "Verdict(9)", Verdict(9).String())
	assert.True(t, Verdict(0).IsZero())
	_, err = ParseVerdict("precedes")
	assert.ErrorIs(t, err, ErrUnknownVerdict)
	assert.EqualError(t, err, `northstar: unknown lead/lag verdict "precedes"`)
}
