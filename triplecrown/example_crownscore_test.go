package triplecrown_test

import (
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A crown's score is its reason as data, for a dashboard or a test to read
// without parsing words. A contact centre's year: cost fell by 6%, revenue
// (paid support plans) rose by 1%, and the mean time to answer rose from 40
// to 42 seconds over 900 calls sampled each year. Under the usual policy (2%
// for money, 5% for service, tested at the 5% level):
//
//   - cost: -120,000 EUR is -0.06 of the baseline, past 2%: material, in the
//     better direction (lower), and money is not tested: won.
//   - time to answer: +2 s is exactly 5% of 40 s, so material ("at least the
//     threshold"), and worse. It carries samples, so it is tested: SE =
//     sqrt(30²/900 + 30²/900) = sqrt 2, z = 2/sqrt 2 = sqrt 2, p =
//     erfc(z/sqrt 2) = erfc(1) = 0.1573, not below 0.05. It may be noise:
//     inconclusive, neither won nor lost.
//   - revenue: +6,000 EUR is 0.01, improved but within 2%: flat.
//
// PValue and SignificanceLevel are 0 for a crown that was not tested.
func ExampleCrownScore() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "contact-centre", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("2000000"), Actual: eur("1880000")},
		Revenue: triplecrown.Amounts{Baseline: eur("600000"), Actual: eur("606000")},
		Service: triplecrown.ServiceSpec{
			Name: "time to answer", Unit: "seconds", Direction: outcome.LowerIsBetter,
			Baseline: must(triplecrown.NewMean(decimal.New(40, 0), 30, 900)),
			Actual:   must(triplecrown.NewMean(decimal.New(42, 0), 30, 900)),
		},
	})
	s, err := card.Score(policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	for c := range s.All() {
		rel, _ := c.Relative()
		fmt.Printf("%s (%s): %s -> %s, change %s, relative %s\n",
			c.Crown(), c.Direction(), c.Baseline(), c.Actual(), c.Change(), rel)
		fmt.Printf("  threshold %s, material %t, improved %t, worsened %t\n",
			c.Threshold(), c.Material(), c.Improved(), c.Worsened())
		fmt.Printf("  tested %t, p %.4f at level %g: %s\n",
			c.Tested(), c.PValue(), c.SignificanceLevel(), c.Status())
	}
	fmt.Println(s.Reason())
	// Output:
	// cost (lower is better): 2000000 -> 1880000, change -120000, relative -0.06
	//   threshold 2%, material true, improved true, worsened false
	//   tested false, p 0.0000 at level 0: won
	// service (lower is better): 40 -> 42, change 2, relative 0.05
	//   threshold 5%, material true, improved false, worsened true
	//   tested true, p 0.1573 at level 0.05: inconclusive
	// revenue (higher is better): 600000 -> 606000, change 6000, relative 0.01
	//   threshold 2%, material false, improved true, worsened false
	//   tested false, p 0.0000 at level 0: flat
	// single crown: cost won, service inconclusive, revenue flat
}

// Improved and Worsened read the sign of the exact change, material or
// not, even when the relative change rounds to zero: a contact centre's
// cost of 1,000,000 EUR that rose by 1 EUR rose by 0.000001, 0 at the
// policy's four places, but it did rise, and the reason says it rose by
// less than 0.01%. A revenue of zero that stayed zero
// neither improved nor worsened, and has no relative change at all.
func ExampleCrownScore_Worsened() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "contact-centre", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("1000000"), Actual: eur("1000001")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("0")},
		Service: triplecrown.ServiceSpec{
			Name: "satisfaction index", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewValue(decimal.New(7, 0))),
			Actual:   must(triplecrown.NewValue(decimal.New(7, 0))),
		},
	})
	s, _ := card.Score(policy())
	cost, revenue := s.Cost(), s.Revenue()
	rel, ok := cost.Relative()
	fmt.Println("cost:", rel, ok, "worsened", cost.Worsened(), "improved", cost.Improved(), "material", cost.Material())
	fmt.Println(" ", cost.Reason())
	rel, ok = revenue.Relative()
	fmt.Println("revenue:", rel, ok, "worsened", revenue.Worsened(), "improved", revenue.Improved())
	// Output:
	// cost: 0 true worsened true improved false material false
	//   cost rose from 1000000 EUR to 1000001 EUR (+1 EUR, less than 0.01%), within the materiality threshold of 2%: flat
	// revenue: 0 false worsened false improved false
}

// A change can round to zero and still win its crown: a time to respond
// that fell from 4.123 to 4.121 hours fell by 0.002 hours, past a threshold
// of 0.001, but at two places the baseline, the actual and the change are
// 4.12, 4.12 and 0. The exact change is kept as a fraction, here -0.002 over
// the weights 1·1, and the reason says the change is less than 0.01 hours
// rather than -0. (A rate's change, such as 1 in 3 to 1 in 2, a sixth, may
// have no finite decimal; the fraction is exact.)
func ExampleCrownScore_ExactChange() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "front-line", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("10"), Actual: eur("10")},
		Revenue: triplecrown.Amounts{Baseline: eur("10"), Actual: eur("10")},
		Service: triplecrown.ServiceSpec{
			Name: "time to respond", Unit: "hours", Direction: outcome.LowerIsBetter,
			Baseline: must(triplecrown.NewValue(decimal.RequireFromString("4.123"))),
			Actual:   must(triplecrown.NewValue(decimal.RequireFromString("4.121"))),
		},
	})
	s, _ := card.Score(triplecrown.MustPolicy(triplecrown.PolicySpec{
		Service:           triplecrown.MustThreshold(triplecrown.NewAbsoluteThreshold(decimal.RequireFromString("0.001"))),
		SignificanceLevel: 0.05,
		Precision:         triplecrown.MustPrecision(2, outcome.RoundHalfEven),
	}))
	svc := s.Service()
	num, den := svc.ExactChange()
	fmt.Println("change", svc.Change(), "exactly", num, "/", den, "improved", svc.Improved(), svc.Status())
	fmt.Println(svc.Reason())
	// Output:
	// change 0 exactly -0.002 / 1 improved true won
	// time to respond fell from 4.12 hours to 4.12 hours (less than 0.01 hours, less than 1%), meeting the materiality threshold of 0.001 before rounding: won
}
