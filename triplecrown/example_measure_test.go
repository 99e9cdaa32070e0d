package triplecrown_test

import (
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A contact centre measures its service three ways, and the kind decides
// how a change is judged and how teams roll up. First-contact resolution is
// a rate (7,800 of 10,000 calls); time to answer a sample mean (42.5
// seconds over 900 calls, sd 30); the satisfaction index a plain value
// from a report (7.5), weighed by the 1,200 customers it covers. Each
// keeps its point value as an exact fraction: 7,800/10,000, 42.5 × 900 =
// 38,250 over 900, and 7.5 × 1,200 = 9,000 over 1,200.
func ExampleMeasure() {
	measures := []triplecrown.Measure{
		must(triplecrown.NewRate(7800, 10000)),
		must(triplecrown.NewMean(decimal.RequireFromString("42.5"), 30, 900)),
		must(triplecrown.NewWeightedValue(decimal.RequireFromString("7.5"), decimal.New(1200, 0))),
	}
	rd := triplecrown.MustPrecision(4, outcome.RoundHalfEven)
	for _, m := range measures {
		total, weight := m.Fraction()
		fmt.Printf("%-5s value %-4s = %s/%s; weight %s, sample %d, successes %d, sd %g\n",
			m.Kind(), m.Value(rd), total, weight, m.Weight(), m.SampleSize(), m.Successes(), m.SD())
		switch m.Kind() {
		case triplecrown.RateMeasure:
			fmt.Println("  a change is tested with a two-proportion z-test; teams pool successes and trials")
		case triplecrown.MeanMeasure:
			fmt.Println("  a change is tested with a z-test on the means; teams weigh by sample size")
		case triplecrown.ValueMeasure:
			fmt.Println("  a change is judged on materiality alone; teams weigh by the weight given")
		}
	}
	// A value of 4.5 over 2 customers weighs twice as much in a roll-up as
	// 4.5 over 1: the same value, not the same measure.
	four5 := decimal.RequireFromString("4.5")
	fmt.Println("4.5 over 2 equals 4.5 over 1:", must(triplecrown.NewWeightedValue(four5, decimal.New(2, 0))).Equal(must(triplecrown.NewValue(four5))),
		"| 4.5 equals 4.50:", must(triplecrown.NewValue(four5)).Equal(must(triplecrown.NewValue(decimal.RequireFromString("4.50")))))
	fmt.Println("the rate is zero:", measures[0].IsZero(), "| the zero Measure is:", triplecrown.Measure{}.IsZero(),
		"| and has no kind:", triplecrown.Measure{}.Kind() == triplecrown.MeasureKind(0))
	// Output:
	// rate  value 0.78 = 7800/10000; weight 10000, sample 10000, successes 7800, sd 0
	//   a change is tested with a two-proportion z-test; teams pool successes and trials
	// mean  value 42.5 = 38250/900; weight 900, sample 900, successes 0, sd 30
	//   a change is tested with a z-test on the means; teams weigh by sample size
	// value value 7.5  = 9000/1200; weight 1200, sample 0, successes 0, sd 0
	//   a change is judged on materiality alone; teams weigh by the weight given
	// 4.5 over 2 equals 4.5 over 1: false | 4.5 equals 4.50: true
	// the rate is zero: false | the zero Measure is: true | and has no kind: true
}
