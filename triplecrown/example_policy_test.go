package triplecrown_test

import (
	"errors"
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A policy says what "substantial" means, crown by crown, and can be read
// back. A B2B account team's board counts a cost saving only from 50,000
// EUR (a money threshold), any change in time to respond (the zero
// Threshold), and revenue growth from 2% of the baseline (relative); a
// sampled service change must be significant at the 5% level, and ratios
// are shown to four places, ties to even.
//
// The board then wants more certainty: its Spec, changed to the 1% level, is
// a new policy that is not Equal to the first; rebuilt unchanged, it is.
// Thresholds compare by kind and value: 2% of the baseline is not 0.02 in
// the measure's unit.
func ExamplePolicy() {
	p := triplecrown.MustPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewMoneyThreshold(eur("50000"))),
		Revenue:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02"))),
		SignificanceLevel: 0.05,
		Precision:         triplecrown.MustPrecision(4, outcome.RoundHalfEven),
	})
	for c := range triplecrown.Crowns() {
		t := p.Threshold(c)
		fmt.Printf("%-8s %-10s relative %-5t absolute %-5t value %-5s currency %q any change %t\n",
			c, t, t.IsRelative(), t.IsAbsolute(), t.Value(), t.Currency(), t.IsZero())
	}
	fmt.Println("significance", p.SignificanceLevel(), "precision", p.Precision())

	spec := p.Spec()
	spec.SignificanceLevel = 0.01
	strict := triplecrown.MustPolicy(spec)
	fmt.Println("strict: significance", strict.SignificanceLevel(), "| equals the first:", strict.Equal(p),
		"| the first rebuilt equals it:", triplecrown.MustPolicy(p.Spec()).Equal(p))

	two := decimal.RequireFromString("0.02")
	revenue := p.Threshold(triplecrown.Revenue)
	fmt.Println("revenue threshold equals 2% of the baseline:", revenue.Equal(triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(two))),
		"| equals 0.02 in the unit:", revenue.Equal(triplecrown.MustThreshold(triplecrown.NewAbsoluteThreshold(two))))
	fmt.Println("the policy is zero:", p.IsZero(), "| the zero Policy is:", triplecrown.Policy{}.IsZero())
	// Output:
	// cost     50000 EUR  relative false absolute true  value 50000 currency "EUR" any change false
	// service  any change relative false absolute false value 0     currency "" any change true
	// revenue  2%         relative true  absolute false value 0.02  currency "" any change false
	// significance 0.05 precision 4 places, half-even
	// strict: significance 0.01 | equals the first: false | the first rebuilt equals it: true
	// revenue threshold equals 2% of the baseline: true | equals 0.02 in the unit: false
	// the policy is zero: false | the zero Policy is: true
}

// A precision is places and a mode, read back with Places and Mode.
// Negative places round to tens, thousands...: a board pack shows cost to
// the nearest thousand euros, so 1,234,567 EUR (1,234.567 thousands) is
// shown as 1,235,000. Places are bounded by ±MaxPrecisionPlaces. The zero
// Precision has no mode, so it is not valid.
func ExamplePrecision() {
	thousands := triplecrown.MustPrecision(-3, outcome.RoundHalfEven)
	fmt.Println("places:", thousands.Places(), "| mode:", thousands.Mode(), "| valid:", thousands.IsValid())
	fmt.Println("1234567 EUR of cost is shown as", thousands.Round(decimal.New(1234567, 0)))

	fmt.Println("equals -3 places half-even:", thousands.Equal(triplecrown.MustPrecision(-3, outcome.RoundHalfEven)),
		"| -3 places half-up:", thousands.Equal(triplecrown.MustPrecision(-3, outcome.RoundHalfUp)))

	_, err := triplecrown.NewPrecision(triplecrown.MaxPrecisionPlaces+1, outcome.RoundHalfEven)
	fmt.Println("19 places (MaxPrecisionPlaces+1) are invalid-places:", errors.Is(err, outcome.ErrInvalidPlaces))

	var none triplecrown.Precision
	fmt.Println("the zero Precision is zero:", none.IsZero(), "| valid:", none.IsValid(), "| -3 places is zero:", thousands.IsZero())
	// Output:
	// places: -3 | mode: half-even | valid: true
	// 1234567 EUR of cost is shown as 1235000
	// equals -3 places half-even: true | -3 places half-up: false
	// 19 places (MaxPrecisionPlaces+1) are invalid-places: true
	// the zero Precision is zero: true | valid: false | -3 places is zero: false
}
