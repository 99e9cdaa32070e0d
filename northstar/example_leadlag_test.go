package northstar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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
	fmt.Println("5 values against 4, lead-lag-series-length:", errors.Is(err, northstar.ErrSeriesLength))
	fmt.Println(err)
	_, err = northstar.AnalyzeLeadLag([]float64{5, 5, 5, 5, 5}, []float64{1, 2, 3, 4, 5}, northstar.LagOptions{})
	fmt.Println(err)
	fmt.Println("lead-lag-constant-series:", errors.Is(err, northstar.ErrConstantSeries))
	// Options are checked too, and every problem is reported.
	_, err = northstar.AnalyzeLeadLag([]float64{1, 2, 3, 4, 5}, []float64{2, 1, 4, 3, 6},
		northstar.LagOptions{MaxLag: -1, Confidence: 95})
	fmt.Println("lag -1, lead-lag-invalid-lag:", errors.Is(err, northstar.ErrInvalidLag),
		"| confidence 95, lead-lag-invalid-confidence:", errors.Is(err, northstar.ErrInvalidConfidence))
	// Output:
	// 5 values against 4, lead-lag-series-length: true
	// northstar: candidate series has 5 values but outcome series has 4
	// northstar: candidate series is constant (all 5 values are 5)
	// lead-lag-constant-series: true
	// lag -1, lead-lag-invalid-lag: true | confidence 95, lead-lag-invalid-confidence: true
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
	fmt.Println(err, errors.Is(err, northstar.ErrUnknownMethod))
	// Output:
	// Spearman <nil>
	// northstar: unknown correlation method "Kendall" true
}

func ExampleParseVerdict() {
	v, _ := northstar.ParseVerdict("no-evidence")
	fmt.Println(v, v == northstar.NoEvidence)
	_, err := northstar.ParseVerdict("drives")
	fmt.Println(err, errors.Is(err, northstar.ErrUnknownVerdict))
	// Output:
	// no evidence true
	// northstar: unknown lead/lag verdict "drives" true
}

// The zero LagOptions examines lag zero only, with Pearson's correlation at
// 95% confidence; the verdict's confidence holds over all the lags examined
// together.
func ExampleLagOptions() {
	x := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
	y := []float64{2, 7, 1, 8, 2, 8, 1, 8, 2, 8}
	l, _ := northstar.AnalyzeLeadLag(x, y, northstar.LagOptions{})
	fmt.Println("max lag", l.MaxLag(), "| method", l.Method(), "| confidence", l.Confidence(), "| per lag", l.PerLagConfidence())
	l, _ = northstar.AnalyzeLeadLag(x, y, northstar.LagOptions{MaxLag: 2, Confidence: 0.9})
	fmt.Printf("max lag %d | confidence 0.9 over all | per lag %.2f\n", l.MaxLag(), l.PerLagConfidence())
	// Output:
	// max lag 0 | method Pearson | confidence 0.95 | per lag 0.95
	// max lag 2 | confidence 0.9 over all | per lag 0.98
}

// A contact centre's year of months, three ways round. First-contact
// resolution (FCR) leads cost per contact by a month; seen from the cost's
// side, the same pairs make cost lag FCR; and repeat calls (failure demand)
// move with FCR in the same month, so they are coincident: a second view of
// the same thing, not a lead metric for it. Only a metric that leads is
// evidence for a North Star: the verdict is about timing, the sign of r
// about direction.
//
// The correlations were worked out apart from the package (Pearson's r at
// each lag, the Fisher z interval with z* at 1 - 0.05/5 per lag): FCR and
// cost -0.98 at lag +1, interval -0.997 to -0.881; repeat calls and FCR
// -0.998 at lag 0, interval -1.000 to -0.990.
func ExampleVerdict() {
	fcr := []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}
	cost := []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12}
	repeats := []float64{9.1, 7.2, 8.4, 5.6, 8.0, 9.4, 6.7, 5.1, 7.4, 8.6, 6.1, 4.6} // % of calls
	opts := northstar.LagOptions{MaxLag: 2}
	fcrCost, _ := northstar.AnalyzeLeadLag(fcr, cost, opts)
	costFCR, _ := northstar.AnalyzeLeadLag(cost, fcr, opts)
	fcrRepeats, _ := northstar.AnalyzeLeadLag(fcr, repeats, opts)

	names := []string{"FCR against cost", "cost against FCR", "FCR against repeat calls"}
	for i, l := range []northstar.LeadLag{fcrCost, costFCR, fcrRepeats} {
		var best northstar.Correlation = l.Best()
		fmt.Printf("%-24s %-10s lag %+d, r = %.2f\n", names[i], l.Verdict(), best.Lag, best.R)
		switch l.Verdict() {
		case northstar.Leads:
			fmt.Println("  a lead metric: it moves first")
		case northstar.Lags:
			fmt.Println("  a lag metric: it follows")
		case northstar.Coincident:
			fmt.Println("  they move together: no lead")
		}
	}
	var none northstar.Verdict
	fmt.Println("the zero Verdict is zero:", none.IsZero(), "| valid:", none.IsValid(), "| prints as", none)
	fmt.Println("leads is a valid verdict:", northstar.Leads.IsValid())
	// Output:
	// FCR against cost         leads      lag +1, r = -0.98
	//   a lead metric: it moves first
	// cost against FCR         lags       lag -1, r = -0.98
	//   a lag metric: it follows
	// FCR against repeat calls coincident lag +0, r = -1.00
	//   they move together: no lead
	// the zero Verdict is zero: true | valid: false | prints as Verdict(0)
	// leads is a valid verdict: true
}

// A series of n values supports lags up to n - MinPairs: a year of
// months, lags up to 8. The analysis is a value: the same series and
// options (zero standing for Pearson and DefaultConfidence) give an equal
// result, and a refused analysis is the zero LeadLag.
func ExampleLeadLag_Equal() {
	fcr := []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}
	cost := []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12}
	l, _ := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 2})
	fmt.Println(l.Len(), "months, lags up to", len(fcr)-northstar.MinPairs)
	again, _ := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 2,
		Method: northstar.Pearson, Confidence: northstar.DefaultConfidence})
	fmt.Println("same analysis:", again.Equal(l))
	wider, _ := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 3})
	fmt.Println("up to lag 3 is another:", !wider.Equal(l), "- same verdict:", wider.Verdict() == l.Verdict())

	refused, err := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 9})
	fmt.Println("lag 9, lead-lag-series-too-short:", errors.Is(err, northstar.ErrSeriesTooShort), "| refused is zero:", refused.IsZero(), "|", refused)
	// Output:
	// 12 months, lags up to 8
	// same analysis: true
	// up to lag 3 is another: true - same verdict: true
	// lag 9, lead-lag-series-too-short: true | refused is zero: true | no analysis
}

// The zero Method stands for Pearson in LagOptions, but is not a method
// itself; a policy stores the method by name.
func ExampleMethod() {
	var m northstar.Method
	fmt.Println("the zero Method is zero:", m.IsZero(), "| valid:", m.IsValid(),
		"| pearson is valid:", northstar.Pearson.IsValid(), "| spearman is zero:", northstar.Spearman.IsZero())
	out, _ := json.Marshal(northstar.LagOptions{MaxLag: 3, Method: northstar.Spearman})
	fmt.Println(string(out))
	// Output:
	// the zero Method is zero: true | valid: false | pearson is valid: true | spearman is zero: false
	// {"maxLag":3,"method":"spearman"}
}

// A dashboard keeps the analysis as JSON; a reader takes back what it
// needs, the verdict by name and the strongest lag.
func ExampleLeadLag_MarshalJSON() {
	fcr := []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}
	cost := []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12}
	l, _ := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 2})
	stored, _ := json.Marshal(l)
	var back struct {
		Verdict northstar.Verdict
		Best    northstar.Correlation
	}
	_ = json.Unmarshal(stored, &back)
	fmt.Printf("%s by %d, from %d pairs\n", back.Verdict, back.Best.Lag, back.Best.Pairs)
	// Output: leads by 1, from 11 pairs
}

// A dashboard stores the analysis and reads it back whole: the same result,
// verdict and all. Parts that do not agree, such as a verdict the interval
// does not give, are refused.
func ExampleLeadLag_UnmarshalJSON() {
	fcr := []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}
	cost := []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12}
	l, _ := northstar.AnalyzeLeadLag(fcr, cost, northstar.LagOptions{MaxLag: 2})
	stored, _ := json.Marshal(l)
	var back northstar.LeadLag
	if err := json.Unmarshal(stored, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("read back equal:", back.Equal(l), "| verdict:", back.Verdict())

	tampered := strings.Replace(string(stored), `"verdict":"leads"`, `"verdict":"lags"`, 1)
	err := json.Unmarshal([]byte(tampered), &back)
	fmt.Println(`verdict changed to "lags", lead-lag-invalid-result:`, errors.Is(err, northstar.ErrInvalidLeadLag))
	// Output:
	// read back equal: true | verdict: leads
	// verdict changed to "lags", lead-lag-invalid-result: true
}
