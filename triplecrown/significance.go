package triplecrown

import (
	"math"

	"github.com/cxmodel/cx/internal/stat"
)

// significance returns the two-sided p-value of the change from b to a, two
// sampled measures of one kind; delta is the change a - b.
func significance(b, a Measure, delta float64) float64 {
	if b.kind == RateMeasure {
		return compareRates(b.s, b.n, a.s, a.n)
	}
	return compareMeans(b, a, delta)
}

// compareRates returns the two-sided p-value of the two-proportion z-test of
// s1/n1 against s0/n0, with the pooled standard error
// sqrt(p(1-p)(1/n0 + 1/n1)), p = (s0+s1)/(n0+n1) (Agresti, Categorical Data
// Analysis, 3rd ed., section 3.1). It is the one place to switch to
// outcome.CompareProportions once that lands.
func compareRates(s0, n0, s1, n1 int64) float64 {
	p0, p1 := float64(s0)/float64(n0), float64(s1)/float64(n1)
	pooled := (float64(s0) + float64(s1)) / (float64(n0) + float64(n1))
	se := math.Sqrt(pooled * (1 - pooled) * (1/float64(n0) + 1/float64(n1)))
	return pFromZ(p1-p0, se)
}

// compareMeans returns the two-sided p-value of the large-sample z-test of
// the difference of two means, with the unpooled standard error
// sqrt(sd0²/n0 + sd1²/n1) (the normal approximation to Welch's test).
func compareMeans(b, a Measure, delta float64) float64 {
	se := math.Sqrt(b.sd*b.sd/float64(b.n) + a.sd*a.sd/float64(a.n))
	return pFromZ(delta, se)
}

// pFromZ returns the two-sided normal p-value of diff/se; a difference
// with no standard error is certain (p = 0) and no difference is p = 1.
func pFromZ(diff, se float64) float64 {
	switch {
	case diff == 0:
		return 1
	case se == 0:
		return 0
	}
	return stat.TwoSidedP(diff / se)
}
