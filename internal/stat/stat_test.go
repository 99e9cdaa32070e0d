package stat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The reference values below come from two independent sources:
//
//   - the NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.1,
//     "Cumulative Distribution Function of the Standard Normal Distribution"
//     (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3671.htm),
//     which tabulates the area from 0 to z to five decimals, so that
//     Phi(z) = 0.5 + table(z); checked to 5e-6;
//   - the same functions evaluated to 30 significant digits with mpmath 1.3
//     (sqrt(2)*erfinv(2p-1), ncdf(z), erfc(z/sqrt(2))), which agree with the
//     values R prints for qnorm(0.975) = 1.959963984540054 and
//     qnorm(0.995) = 2.575829303548901; checked to 1e-14.
const (
	tableTol = 5e-6
	fullTol  = 1e-14
)

func TestNormalQuantile(t *testing.T) {
	tests := []struct {
		name string
		p    float64
		want float64
		tol  float64
	}{
		// mpmath: sqrt(2)*erfinv(2*0.975-1) = 1.95996398454005423552...
		{"z of 0.975, the 95% two-sided critical value", 0.975, 1.959963984540054, fullTol},
		// mpmath: 2.57582930354890076097...
		{"z of 0.995, the 99% two-sided critical value", 0.995, 2.5758293035489004, fullTol},
		// mpmath: 1.64485362695147271486...
		{"z of 0.95, the 90% two-sided critical value", 0.95, 1.6448536269514727, fullTol},
		// mpmath: 1.28155156554460046696...
		{"z of 0.9", 0.9, 1.2815515655446004, fullTol},
		// The lower tail mirrors the upper: z(0.025) = -z(0.975).
		{"z of 0.025", 0.025, -1.959963984540054, fullTol},
		// mpmath: sqrt(2)*erfinv(2*0.001-1) = -3.09023230616781354154...
		{"z of 0.001", 0.001, -3.0902323061678135, fullTol},
		// The median of a symmetric distribution is its centre.
		{"median", 0.5, 0, 0},
		// NIST table: the area from 0 to 1.96 is 0.47500, so Phi(1.96) = 0.97500 to five decimals,
		// and the quantile of 0.975 is 1.96 to the table's two decimals.
		{"NIST table: 0.5 + 0.47500", 0.5 + 0.47500, 1.96, 0.005},
		// mpmath: sqrt(2)*erfinv(2e-10-1) = -6.36134090240405620469...; the float64 2p-1
		// loses about 1e-8 of it, as NormalQuantile's doc says.
		{"far tail 1e-10", 1e-10, -6.3613409024040562, 2e-8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, NormalQuantile(tt.p), tt.tol)
		})
	}
}

func TestNormalQuantile_edges(t *testing.T) {
	// erfinv(-1) = -Inf and erfinv(1) = +Inf; outside [-1, 1] it is NaN.
	assert.True(t, math.IsInf(NormalQuantile(0), -1), "p = 0")
	assert.True(t, math.IsInf(NormalQuantile(1), 1), "p = 1")
	assert.True(t, math.IsNaN(NormalQuantile(-0.1)), "p < 0")
	assert.True(t, math.IsNaN(NormalQuantile(1.1)), "p > 1")
	assert.True(t, math.IsNaN(NormalQuantile(math.NaN())), "NaN")
	// 2^-56: 2p - 1 = -1 + 2^-55 is halfway between -1 and the next float64 above it
	// (-1 + 2^-53 is the spacing there, so -1 + 2^-55 rounds to -1): -Inf, as documented.
	assert.True(t, math.IsInf(NormalQuantile(math.Ldexp(1, -56)), -1), "p = 2^-56")
	assert.False(t, math.IsInf(NormalQuantile(math.Ldexp(1, -53)), -1), "p = 2^-53")
}

func TestNormalCDF(t *testing.T) {
	tests := []struct {
		name string
		z    float64
		want float64
		tol  float64
	}{
		// mpmath: ncdf(1.96) = 0.975002104851779565863...
		{"1.96", 1.96, 0.9750021048517795, fullTol},
		{"-1.96", -1.96, 1 - 0.9750021048517795, fullTol},
		// mpmath: ncdf(-3) = 0.00134989803163009452665...; computed through erfc, it keeps
		// its relative precision in the lower tail.
		{"-3", -3, 0.0013498980316300945, 1e-17},
		{"0", 0, 0.5, 0},
		// NIST table, area from 0 to z, plus one half.
		{"NIST 1.00", 1.00, 0.5 + 0.34134, tableTol},
		{"NIST 1.96", 1.96, 0.5 + 0.47500, tableTol},
		{"NIST 2.58", 2.58, 0.5 + 0.49506, tableTol},
		{"NIST 3.00", 3.00, 0.5 + 0.49865, tableTol},
		{"-Inf", math.Inf(-1), 0, 0},
		{"+Inf", math.Inf(1), 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, NormalCDF(tt.z), tt.tol)
		})
	}
	assert.True(t, math.IsNaN(NormalCDF(math.NaN())))
}

func TestTwoSidedP(t *testing.T) {
	tests := []struct {
		name string
		z    float64
		want float64
		tol  float64
	}{
		// mpmath: erfc(1.96/sqrt(2)) = 0.0499957902964408682731...
		{"1.96", 1.96, 0.04999579029644087, fullTol},
		// Two-sided: the sign of z does not matter.
		{"-1.96", -1.96, 0.04999579029644087, fullTol},
		// mpmath: erfc(3/sqrt(2)) = 0.00269979606326018905330...
		{"3", 3, 0.002699796063260189, 1e-17},
		// NIST table: 2 * (0.5 - 0.49506) = 0.00988 at z = 2.58.
		{"NIST 2.58", 2.58, 2 * (0.5 - 0.49506), 2 * tableTol},
		// No evidence at all: z = 0 gives p = 1.
		{"0", 0, 1, 0},
		{"+Inf", math.Inf(1), 0, 0},
		{"-Inf", math.Inf(-1), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, TwoSidedP(tt.z), tt.tol)
		})
	}
	assert.True(t, math.IsNaN(TwoSidedP(math.NaN())))
}

func TestCriticalValue(t *testing.T) {
	tests := []struct {
		name       string
		confidence float64
		want       float64
	}{
		// mpmath: sqrt(2)*erfinv(0.95) = 1.95996398454005423552...
		{"95%", 0.95, 1.959963984540054},
		// mpmath: sqrt(2)*erfinv(0.99) = 2.57582930354890076097...
		{"99%", 0.99, 2.5758293035489004},
		// mpmath: sqrt(2)*erfinv(0.90) = 1.64485362695147271486...
		{"90%", 0.90, 1.6448536269514727},
		{"0%", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, CriticalValue(tt.confidence), fullTol)
		})
	}
	// The value the doc gives at 0.95. The float64 0.95 is 0.95 - 4.44e-17,
	// and the quantile's slope there is sqrt(2π)·exp(z²/2)/2 = 8.555, so its
	// quantile is 1.95996398454005423552 - 3.80e-16 = 1.95996398454005385...,
	// nearest the float64 1.9599639845400538 (1.959963984540053827...); the
	// doc says the result is two units in the last place below it.
	down := func(x float64) float64 { return math.Nextafter(x, 0) }
	assert.Equal(t, down(down(1.9599639845400538)), CriticalValue(0.95))
	assert.Equal(t, 1.9599639845400534, CriticalValue(0.95))
	assert.Equal(t, 1.9599639845400543, math.Nextafter(math.Nextafter(1.9599639845400538, 2), 2),
		"and four below the float64 nearest 1.95996398454005423552")
}

// TestConsistency checks the functions against each other: the quantile
// inverts the CDF, the critical value is the quantile of 1 - (1-c)/2, and the
// two-sided p-value of the critical value is 1 - c.
func TestConsistency(t *testing.T) {
	for _, p := range []float64{0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 0.999} {
		assert.InDelta(t, p, NormalCDF(NormalQuantile(p)), 1e-15, "CDF(quantile(%v))", p)
		// Symmetry: z(1-p) = -z(p).
		assert.InDelta(t, -NormalQuantile(p), NormalQuantile(1-p), 1e-13, "symmetry at %v", p)
	}
	for _, z := range []float64{0.5, 1, 1.645, 1.96, 2.576, 3.5} {
		// P(|Z| >= z) = 2 * (1 - Phi(z)) = 2 * Phi(-z).
		assert.InDelta(t, 2*NormalCDF(-z), TwoSidedP(z), 1e-16, "p at z = %v", z)
	}
	for _, c := range []float64{0.5, 0.8, 0.9, 0.95, 0.99, 0.999} {
		z := CriticalValue(c)
		assert.InDelta(t, NormalQuantile(1-(1-c)/2), z, 1e-13, "critical value at %v", c)
		assert.InDelta(t, 1-c, TwoSidedP(z), 1e-15, "p of the critical value at %v", c)
	}
}
