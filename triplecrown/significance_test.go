package triplecrown

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cxmodel/cx/internal/stat"
	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pooledP is the two-proportion z-test this package computed itself before
// it used outcome.CompareProportions: p0 = s0/n0, p1 = s1/n1, the pooled
// rate p = (s0+s1)/(n0+n1), SE = sqrt(p(1-p)(1/n0 + 1/n1)), and the
// two-sided p-value of (p1-p0)/SE, 1 when p1 = p0. It is kept here to show
// that the switch changed no p-value beyond rounding (samePValue).
func pooledP(s0, n0, s1, n1 int64) float64 {
	p0, p1 := float64(s0)/float64(n0), float64(s1)/float64(n1)
	pooled := (float64(s0) + float64(s1)) / (float64(n0) + float64(n1))
	se := math.Sqrt(pooled * (1 - pooled) * (1/float64(n0) + 1/float64(n1)))
	return pFromZ(p1-p0, se)
}

// samePValue checks got against the former test's p-value want. They agree
// to rounding, not to the last bit: outcome takes the difference of the
// rates and p(1-p) from the counts (so that they hold past 2^53 trials),
// not from the rounded rates, which moves z by a few units in the last
// place, and a p-value far in the tail magnifies that by about z² (6e-13
// relative at p = 1e-300, z = 37, on the random counts below). A p-value of
// 0 or 1 is exact.
func samePValue(t *testing.T, want, got float64, msgAndArgs ...any) bool {
	t.Helper()
	if want == 0 || want == 1 {
		return assert.Equal(t, want, got, msgAndArgs...)
	}
	return assert.InEpsilon(t, want, got, 1e-11, msgAndArgs...)
}

func TestCompareRates(t *testing.T) {
	// The wants are the pooled z-test worked with Python's math.erfc:
	// z = (p1 - p0) / sqrt(p(1-p)(1/n0 + 1/n1)), p = erfc(|z|/sqrt 2).
	tests := []struct {
		name           string
		s0, n0, s1, n1 int64
		want           float64
	}{
		// p = 0.74, SE = sqrt(0.74·0.26·2/1000) = 0.0196163, z = -4.07824.
		{name: "fell", s0: 780, n0: 1000, s1: 700, n1: 1000, want: 4.5378505825425245e-05},
		// p = 0.79, SE = 0.0182154, z = 1.09797.
		{name: "rose, not significant", s0: 780, n0: 1000, s1: 800, n1: 1000, want: 0.2722161201435017},
		// p = 0.745, SE = 0.00616441, z = -11.3562 (ExampleScorecard_Score_contactCentre).
		{name: "contact centre", s0: 7800, n0: 10000, s1: 7100, n1: 10000, want: 6.904791255755937e-30},
		// p = 0.8, SE = 0.0565685, z = 0.707107 (ExampleScorecard_Score_inconclusive).
		{name: "small samples", s0: 78, n0: 100, s1: 82, n1: 100, want: 0.47950012218695437},
		// Unequal samples: 820/1200 = 0.68333 and 850/1250 = 0.68, p =
		// 1670/2450, z = -0.177052.
		{name: "unequal samples", s0: 820, n0: 1200, s1: 850, n1: 1250, want: 0.8594672105997383},
		// The same rate from different counts: no difference, p = 1.
		{name: "same rate", s0: 1, n0: 2, s1: 2, n1: 4, want: 1},
		// Both 0 or both 1: the pooled SE is 0, and there is no difference.
		{name: "both none", s0: 0, n0: 10, s1: 0, n1: 30, want: 1},
		{name: "both all", s0: 10, n0: 10, s1: 30, n1: 30, want: 1},
		// From none to all of 5: p = 0.5, SE = sqrt(0.25·0.4) = 0.316228,
		// z = 3.16228, p = erfc(3.16228/sqrt 2) = 0.00156540.
		{name: "none to all", s0: 0, n0: 5, s1: 5, n1: 5, want: math.Erfc(math.Sqrt(10) / math.Sqrt2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustMeasure(NewRate(tt.s0, tt.n0))
			a := mustMeasure(NewRate(tt.s1, tt.n1))
			got := compareRates(b, a)
			assert.InDelta(t, tt.want, got, tt.want*1e-12)
			samePValue(t, pooledP(tt.s0, tt.n0, tt.s1, tt.n1), got, "the former test")
			assert.Equal(t, got, significance(b, a, 0), "significance dispatches rates here")
		})
	}
	assert.Equal(t, 1.0, stat.TwoSidedP(0), "z = 0 gives p = 1 exactly")
}

// TestCompareRates_unchanged checks on random counts that outcome's test
// gives the p-value the package's own test gave, up to rounding
// (samePValue), and that it is symmetric, exactly: swapping baseline and
// actual changes only the sign of z.
func TestCompareRates_unchanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 5000 {
		n0, n1 := 1+rng.Int64N(2000), 1+rng.Int64N(2000)
		if rng.IntN(10) == 0 {
			n0, n1 = 1+rng.Int64N(1<<40), 1+rng.Int64N(1<<40)
		}
		s0, s1 := rng.Int64N(n0+1), rng.Int64N(n1+1)
		b := mustMeasure(NewRate(s0, n0))
		a := mustMeasure(NewRate(s1, n1))
		got := compareRates(b, a)
		require.True(t, samePValue(t, pooledP(s0, n0, s1, n1), got, "%d/%d -> %d/%d", s0, n0, s1, n1))
		require.Equal(t, got, compareRates(a, b), "%d/%d <-> %d/%d", s0, n0, s1, n1)
	}
}

func TestCompareRates_viaOutcome(t *testing.T) {
	// The rate measures' proportions go to outcome.CompareProportions with
	// the baseline as a: the difference is actual minus baseline.
	b := mustMeasure(NewRate(780, 1000))
	a := mustMeasure(NewRate(700, 1000))
	pb, _ := b.Proportion()
	pa, _ := a.Proportion()
	c, err := outcome.CompareProportions(pb, pa, rateTestConfidence)
	require.NoError(t, err)
	assert.InDelta(t, -0.08, c.Difference.Estimate, 1e-15)
	assert.Less(t, c.Z, 0.0)
	assert.Equal(t, c.PValue, compareRates(b, a))
}
