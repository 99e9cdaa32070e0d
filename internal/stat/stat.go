// Package stat holds the few statistical functions the module needs, from the
// standard library's math alone.
package stat

import "math"

// NormalQuantile returns the quantile function (inverse CDF) of the standard
// normal distribution at p, for 0 < p < 1: sqrt(2) * erfinv(2p - 1). It
// returns -Inf at 0, +Inf at 1 and NaN outside [0, 1]. Because 2p - 1 is
// rounded to a float64, its error grows in the far tails: about 1e-8 at
// p = 1e-10, 0.01 at p = 1e-16, and p below 2^-55 (about 2.8e-17), where
// 2p - 1 rounds to -1, gives -Inf. The confidence levels and p-values people
// use are far from that.
func NormalQuantile(p float64) float64 {
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// NormalCDF returns the standard normal distribution function at z:
// (1 + erf(z / sqrt(2))) / 2, computed as erfc(-z / sqrt(2)) / 2 to keep its
// precision in the lower tail.
func NormalCDF(z float64) float64 {
	return 0.5 * math.Erfc(-z/math.Sqrt2)
}

// TwoSidedP returns the two-sided p-value of a standard normal statistic z:
// P(|Z| >= |z|) = erfc(|z| / sqrt(2)).
func TwoSidedP(z float64) float64 {
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// CriticalValue returns the two-sided critical value z* of the standard normal
// distribution at the given confidence level (0 < confidence < 1):
// NormalQuantile(1 - (1-confidence)/2), computed as sqrt(2) * erfinv(confidence)
// to keep its precision near 1. It is accurate to a few units in the last
// place, not correctly rounded: at 0.95 it returns 1.9599639845400534, two
// units below 1.9599639845400538, the float64 nearest the quantile of the
// float64 0.95 (which is 0.95 - 4.4e-17, so its quantile is
// 1.95996398454005385...), and four below 1.9599639845400543, the float64
// nearest the quantile of 0.95 itself (1.95996398454005423552...).
func CriticalValue(confidence float64) float64 {
	return math.Sqrt2 * math.Erfinv(confidence)
}
