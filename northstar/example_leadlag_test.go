package northstar_test

import (
	"errors"
	"fmt"

	"github.com/cxmodel/cx/northstar"
)

// A contact centre asks whether first-contact resolution is a lead metric
// for cost to serve: when more problems are fixed first time, do fewer
// repeat calls (failure demand) cost less a month later?
func ExampleAnalyzeLeadLag() {
	fcr := []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}                         // % resolved first time
	cost := []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12} // per contact
	l, err := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The verdict is about timing; the sign says cost falls as resolution
	// rises, which is the good direction for a lower-is-better cost.
	fmt.Println(l)
	for c := range l.Correlations() {
		fmt.Printf("lag %+d: r = %+.2f from %d pairs\n", c.Lag, c.R, c.Pairs)
	}
	// Output:
	// leads by 1 period (Pearson r = -0.98 from 11 pairs, 95% interval -1.00 to -0.88)
	// lag -2: r = -0.19 from 10 pairs
	// lag -1: r = +0.45 from 11 pairs
	// lag +0: r = -0.20 from 12 pairs
	// lag +1: r = -0.98 from 11 pairs
	// lag +2: r = +0.34 from 10 pairs
}

// Spearman's correlation ranks the values first, so a steady relation that
// is not a straight line counts in full, and one wild month counts less.
func ExampleAnalyzeLeadLag_spearman() {
	users := []float64{10, 12, 15, 19, 24, 30, 37, 45, 54, 64}
	revenue := []float64{1, 1.2, 1.5, 2.3, 3.5, 5.4, 8.2, 12.5, 19, 29} // grows faster than users
	p, _ := northstar.AnalyzeLeadLag(users, revenue, northstar.LagOptions{})
	s, _ := northstar.AnalyzeLeadLag(users, revenue, northstar.LagOptions{Method: northstar.Spearman})
	fmt.Printf("Pearson %.3f, Spearman %.3f\n", p.Best().R, s.Best().R)
	// Output:
	// Pearson 0.961, Spearman 1.000
}

// Bad series are errors with stable codes, all reported at once.
func ExampleAnalyzeLeadLag_errors() {
	_, err := northstar.AnalyzeLeadLag([]float64{5, 5, 5, 5, 5}, []float64{1, 2, 3, 4}, northstar.LagOptions{MaxLag: 1})
	fmt.Println(errors.Is(err, northstar.ErrSeriesLength))
	fmt.Println(err)
	_, err = northstar.AnalyzeLeadLag([]float64{5, 5, 5, 5, 5}, []float64{1, 2, 3, 4, 5}, northstar.LagOptions{})
	fmt.Println(err)
	// Output:
	// true
	// northstar: candidate series has 5 values but outcome series has 4
	// northstar: candidate series is constant (all 5 values are 5)
}

// The correlation at one lag, and the interval around the strongest.
func ExampleLeadLag_At() {
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{2, 1, 4, 3, 6}
	l, _ := northstar.AnalyzeLeadLag(x, y, northstar.LagOptions{MaxLag: 1})
	c, _ := l.At(1)
	low, high := l.Interval()
	fmt.Printf("lag %d: r = %.3f; strongest at lag %d, interval %.3f to %.3f at %.4f per lag: %s\n",
		c.Lag, c.R, l.Best().Lag, low, high, l.PerLagConfidence(), l.Verdict())
	// Output:
	// lag 1: r = 0.868; strongest at lag 1, interval -0.789 to 0.999 at 0.9833 per lag: no evidence
}

func ExampleParseMethod() {
	m, err := northstar.ParseMethod("Spearman")
	fmt.Println(m, err)
	_, err = northstar.ParseMethod("Kendall")
	fmt.Println(err)
	// Output:
	// Spearman <nil>
	// northstar: unknown correlation method "Kendall"
}

func ExampleParseVerdict() {
	v, _ := northstar.ParseVerdict("no-evidence")
	fmt.Println(v, v == northstar.NoEvidence)
	// Output: no evidence true
}

// The zero LagOptions examines lag zero only, with Pearson's correlation at
// 95% confidence; the verdict's confidence holds over all the lags examined
// together.
func ExampleLagOptions() {
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
	y := []float64{2, 7, 1, 8, 2, 8, 1, 8, 2, 8}
	l, _ := northstar.AnalyzeLeadLag(x, y, northstar.LagOptions{})
	fmt.Println(l.MaxLag(), l.Method(), l.Confidence(), l.PerLagConfidence())
	l, _ = northstar.AnalyzeLeadLag(x, y, northstar.LagOptions{MaxLag: 2, Confidence: 0.9})
	fmt.Printf("%d %.2f\n", l.MaxLag(), l.PerLagConfidence())
	// Output:
	// 0 Pearson 0.95 0.95
	// 2 0.98
}
