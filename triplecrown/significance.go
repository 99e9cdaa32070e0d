package triplecrown

import (
	"math"

	"github.com/cxmodel/cx/internal/stat"
	"github.com/cxmodel/cx/outcome"
)

// rateTestConfidence is the confidence level passed to
// [outcome.CompareProportions]. It sets only the comparison's interval for
// the difference, which a score does not report; the p-value, which a score
// judges against the policy's significance level, does not depend on it. (1
// minus the policy's level would not do: for a level below about 1e-16 it
// rounds to 1, which is not a confidence level.)
const rateTestConfidence = 0.95

// significance returns the two-sided p-value of the change from b to a, two
// sampled measures of one kind; delta is the change a - b.
func significance(b, a Measure, delta float64) float64 {
	if b.kind == RateMeasure {
		return compareRates(b, a)
	}
	return compareMeans(b, a, delta)
}

// compareRates returns the two-sided p-value of the two-proportion z-test of
// the rate a against the baseline rate b, by [outcome.CompareProportions]:
// the pooled standard error sqrt(p(1-p)(1/n0 + 1/n1)), p = (s0+s1)/(n0+n1)
// (Agresti, Categorical Data Analysis, 3rd ed., section 3.1), and p = 1 when
// both rates are 0 or both are 1.
func compareRates(b, a Measure) float64 {
	pb, _ := b.Proportion()
	pa, _ := a.Proportion()
	c, err := outcome.CompareProportions(pb, pa, rateTestConfidence)
	if err != nil {
		// Unreachable: a rate has at least one trial and the confidence is
		// valid. No evidence of a change is the safe answer.
		return 1
	}
	return c.PValue
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
