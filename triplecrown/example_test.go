package triplecrown_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

func eur(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// policy is a typical policy: a change of 2% in cost or revenue is
// substantial, service must move by 5% and, where it carries samples, be
// significant at the 5% level; ratios are shown to four places (0.0825 is
// 8.25%).
func policy() triplecrown.Policy {
	return triplecrown.MustPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02"))),
		Service:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.05"))),
		Revenue:           triplecrown.MustThreshold(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.02"))),
		SignificanceLevel: 0.05,
		Precision:         triplecrown.MustPrecision(4, outcome.RoundHalfEven),
	})
}

func printScore(s triplecrown.Score) {
	fmt.Println(s.Reason())
	for c := range s.All() {
		fmt.Println(" ", c.Reason())
	}
}

// The B2B case the method cites: "increasing revenue, decreasing costs, and
// significantly increasing value by reducing time to respond". A supplier's
// account team cut its cost of delivery, grew revenue, and answered requests
// for quotes in 19 hours on average instead of 26. (The test: SE =
// sqrt(9²/320 + 8²/340) = 0.66435, z = -7/0.66435 = -10.537, two-sided
// p = erfc(10.537/sqrt 2) = 5.856e-26.)
func ExampleScorecard_Score() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "b2b-accounts", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("4800000"), Actual: eur("4500000")},
		Revenue: triplecrown.Amounts{Baseline: eur("12000000"), Actual: eur("13100000")},
		Service: triplecrown.ServiceSpec{
			Name: "time to respond", Unit: "hours", Direction: outcome.LowerIsBetter,
			Baseline: must(triplecrown.NewMean(decimal.RequireFromString("26"), 9, 320)),
			Actual:   must(triplecrown.NewMean(decimal.RequireFromString("19"), 8, 340)),
		},
	})
	s, err := card.Score(policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	printScore(s)
	// Output:
	// triple crown: cost, service and revenue won
	//   cost fell from 4800000 EUR to 4500000 EUR (-300000 EUR, -6.25%), meeting the materiality threshold of 2%: won
	//   time to respond fell from 26 hours to 19 hours (-7 hours, -26.92%), meeting the materiality threshold of 5% and significant (p = 5.856e-26 < 0.05): won
	//   revenue rose from 12000000 EUR to 13100000 EUR (+1100000 EUR, +9.17%), meeting the materiality threshold of 2%: won
}

// A trade-off: a sales division grew revenue by 10%, but bought it with a
// 20% rise in its cost of sale. The triple crown is cost down, service up
// and revenue up at the same time; a crown won by losing another is a
// trade-off, whatever else was won.
func ExampleScorecard_Score_tradeOff() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "sales", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("3000000"), Actual: eur("3600000")},
		Revenue: triplecrown.Amounts{Baseline: eur("10000000"), Actual: eur("11000000")},
		Service: triplecrown.ServiceSpec{
			Name: "on-time delivery", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewRate(9120, 10000)),
			Actual:   must(triplecrown.NewRate(9150, 10000)),
		},
	})
	s, err := card.Score(policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Verdict(), "with", s.CrownsWon(), "crown won")
	printScore(s)
	// Output:
	// trade-off with 1 crown won
	// trade-off: revenue won, cost lost, service flat
	//   cost rose from 3000000 EUR to 3600000 EUR (+600000 EUR, +20.00%), meeting the materiality threshold of 2%: lost
	//   on-time delivery rose from 0.912 to 0.915 (+0.003, +0.33%), within the materiality threshold of 5%: flat
	//   revenue rose from 10000000 EUR to 11000000 EUR (+1000000 EUR, +10.00%), meeting the materiality threshold of 2%: won
}

// A contact centre cut its cost by 12.5%, by pushing calls through faster;
// first-contact resolution fell from 78% to 71% of 10,000 calls sampled, so
// customers call back. The cost crown is won by losing service: the
// failure-demand cycle the method describes. (The test: pooled rate
// 14,900/20,000 = 0.745, SE = sqrt(0.745 * 0.255 * 2/10,000) = 0.006164,
// z = -0.07/0.006164 = -11.356, p = 6.905e-30.)
func ExampleScorecard_Score_contactCentre() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "contact-centre", Period: "2025-H1",
		Cost:    triplecrown.Amounts{Baseline: eur("2400000"), Actual: eur("2100000")},
		Revenue: triplecrown.Amounts{Baseline: eur("500000"), Actual: eur("505000")},
		Service: triplecrown.ServiceSpec{
			Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewRate(7800, 10000)),
			Actual:   must(triplecrown.NewRate(7100, 10000)),
		},
	})
	s, err := card.Score(policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	printScore(s)
	// Output:
	// trade-off: cost won, service lost, revenue flat
	//   cost fell from 2400000 EUR to 2100000 EUR (-300000 EUR, -12.50%), meeting the materiality threshold of 2%: won
	//   first-contact resolution fell from 0.78 to 0.71 (-0.07, -8.97%), meeting the materiality threshold of 5% and significant (p = 6.905e-30 < 0.05): lost
	//   revenue rose from 500000 EUR to 505000 EUR (+5000 EUR, +1.00%), within the materiality threshold of 2%: flat
}

// A material change in a sampled service measure that could be noise is
// inconclusive, not won: 82 of 100 customers against 78 of 100. (Pooled
// rate 0.80, SE = sqrt(0.8 * 0.2 * 2/100) = 0.05657, z = 0.04/0.05657 =
// 0.7071, p = 0.4795.)
func ExampleScorecard_Score_inconclusive() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "onboarding", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("100000"), Actual: eur("100000")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("0")},
		Service: triplecrown.ServiceSpec{
			Name: "customers live in 30 days", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewRate(78, 100)),
			Actual:   must(triplecrown.NewRate(82, 100)),
		},
	})
	s, _ := card.Score(policy())
	fmt.Println(s.Service().Status())
	fmt.Println(s.Service().Reason())
	// Output:
	// inconclusive
	// customers live in 30 days rose from 0.78 to 0.82 (+0.04, +5.13%), meeting the materiality threshold of 5%, but not significant (p = 0.4795, not below 0.05): inconclusive
}

// A dashboard shows each crown with its label and figures as data, not by
// parsing the reason: the service crown names the measure it was judged on.
func ExampleCrownScore_Measure() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "billing", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("800000"), Actual: eur("760000")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("0")},
		Service: triplecrown.ServiceSpec{
			Name: "days to settle a dispute", Unit: "days", Direction: outcome.LowerIsBetter,
			Baseline: must(triplecrown.NewValue(decimal.RequireFromString("12"))),
			Actual:   must(triplecrown.NewValue(decimal.RequireFromString("9"))),
		},
	})
	s, _ := card.Score(policy())
	for c := range s.All() {
		label, unit := c.Measure()
		if label == "" {
			label, unit = c.Crown().String(), c.Currency().String()
		}
		fmt.Printf("%-24s %s -> %s %s: %s\n", label, c.Baseline(), c.Actual(), unit, c.Status())
	}
	// Output:
	// cost                     800000 -> 760000 EUR: won
	// days to settle a dispute 12 -> 9 days: won
	// revenue                  0 -> 0 EUR: flat
}

// A unit that earned no revenue before has no relative change: any growth
// from zero meets a relative threshold.
func ExampleCrownScore_Relative() {
	card := triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "new-service-line", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("50000"), Actual: eur("50000")},
		Revenue: triplecrown.Amounts{Baseline: eur("0"), Actual: eur("20000")},
		Service: triplecrown.ServiceSpec{
			Name: "satisfaction index", Direction: outcome.HigherIsBetter,
			Baseline: must(triplecrown.NewValue(decimal.RequireFromString("7.0"))),
			Actual:   must(triplecrown.NewValue(decimal.RequireFromString("7.2"))),
		},
	})
	s, _ := card.Score(policy())
	rel, ok := s.Revenue().Relative()
	fmt.Println(rel, ok, s.Revenue().Status())
	rel, ok = s.Service().Relative()
	fmt.Println(rel, ok, s.Service().Status())
	// Output:
	// 0 false won
	// 0.0286 true flat
}

// A scorecard is data: it reads from JSON, amounts as strings (or JSON
// numbers), and is validated as it is read. Billing cut its cost and the share of bills
// disputed (lower is better): 120 of 4,000 before, 90 of 4,000 after.
func ExampleScorecard_UnmarshalJSON() {
	var card triplecrown.Scorecard
	err := json.Unmarshal([]byte(`{"unit":"billing","period":"2025",
		"cost":{"baseline":{"amount":"800000.00","currency":"EUR"},"actual":{"amount":"760000.00","currency":"EUR"}},
		"revenue":{"baseline":{"amount":"0","currency":"EUR"},"actual":{"amount":"0","currency":"EUR"}},
		"service":{"name":"bills disputed","direction":"lower-is-better",
		  "baseline":{"successes":120,"trials":4000},"actual":{"successes":90,"trials":4000}}}`), &card)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(card.Unit(), card.Period(), card.Cost().Actual, card.Service().Actual)
	b, err := json.Marshal(card.Cost().Actual)
	fmt.Println(string(b), err)
	// An amount may be a JSON number too, read exactly as it is written,
	// its places kept: no float64 comes between the JSON and the decimal.
	var m triplecrown.Money
	err = json.Unmarshal([]byte(`{"amount":760000.10,"currency":"EUR"}`), &m)
	fmt.Println(m, err)
	// Output:
	// billing 2025 760000.00 EUR 0.0225 (90 of 4000)
	// {"amount":"760000.00","currency":"EUR"} <nil>
	// 760000.10 EUR <nil>
}

// Decoding reports every problem of a scorecard, each with the unit's ID
// and a message that names the unit and the part: here trials written as
// a string, a problem of the JSON form, named by its JSON path and
// reported first, then a cost written the German way and a currency in
// lower case.
func ExampleScorecard_UnmarshalJSON_problems() {
	var card triplecrown.Scorecard
	err := json.Unmarshal([]byte(`{"unit":"billing","period":"2025",
		"cost":{"baseline":{"amount":"800.000,00","currency":"EUR"},"actual":{"amount":760000,"currency":"EUR"}},
		"revenue":{"baseline":{"amount":"0","currency":"EUR"},"actual":{"amount":"0","currency":"eur"}},
		"service":{"name":"bills disputed","direction":"lower-is-better",
		  "baseline":{"successes":120,"trials":4000},"actual":{"successes":90,"trials":"4000"}}}`), &card)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
		fmt.Println(" ", p.Message)
	}
	// Output:
	// invalid-json [billing]
	//   triplecrown: unit "billing": invalid JSON: "service.actual.trials" must be an integer, not the string "4000"
	// invalid-amount [billing]
	//   triplecrown: unit "billing", baseline cost: amount "800.000,00" is not a decimal number
	// unknown-currency [billing]
	//   triplecrown: unit "billing", actual revenue: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)
}

// Validation reports every problem at once, each with its stable code and
// a message that says it: billing's row has an actual cost of -5 EUR, its
// baseline revenue in dollars, and no service measure at all (no name, no
// direction, no baseline, no actual).
func ExampleNewScorecard() {
	_, err := triplecrown.NewScorecard(triplecrown.ScorecardSpec{
		Unit: "billing", Period: "2025",
		Cost:    triplecrown.Amounts{Baseline: eur("800000"), Actual: eur("-5")},
		Revenue: triplecrown.Amounts{Baseline: triplecrown.MustMoney("0", "USD"), Actual: eur("0")},
	})
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code)
		fmt.Println(" ", p.Message)
	}
	// Output:
	// negative-money
	//   triplecrown: unit "billing" has a negative actual cost (-5 EUR)
	// currency-mismatch
	//   triplecrown: unit "billing" has its baseline revenue in USD, not EUR: one scorecard has one currency
	// empty-name
	//   triplecrown: unit "billing" has a service measure without a name
	// unknown-direction
	//   triplecrown: unit "billing" has a service measure without a valid direction
	// invalid-service-measure
	//   triplecrown: unit "billing" has no baseline service measure
	// invalid-service-measure
	//   triplecrown: unit "billing" has no actual service measure
}

func ExampleParseMoney() {
	m, err := triplecrown.ParseMoney("1234.50", "EUR")
	fmt.Println(m, err)
	_, err = triplecrown.ParseMoney("1234,50", "euro")
	fmt.Println(err)
	// Output:
	// 1234.50 EUR <nil>
	// triplecrown: amount "1234,50" is not a decimal number
	// triplecrown: unknown currency "euro": a currency is an ISO 4217 code of three upper-case letters, such as "EUR"
}

func ExampleParseCurrency() {
	c, err := triplecrown.ParseCurrency("JPY")
	fmt.Println(c, err)
	_, err = triplecrown.ParseCurrency("usd")
	fmt.Println(`"usd" is unknown-currency:`, errors.Is(err, triplecrown.ErrUnknownCurrency))
	// Output:
	// JPY <nil>
	// "usd" is unknown-currency: true
}

func ExampleNewMoney() {
	m, err := triplecrown.NewMoney(decimal.New(129999, -2), "GBP")
	fmt.Println(m, err)
	// Output:
	// 1299.99 GBP <nil>
}

func ExampleMoney_Add() {
	sum, err := eur("0.10").Add(eur("0.20"))
	fmt.Println(sum, err)
	// Output:
	// 0.30 EUR <nil>
}

// Adding two currencies is an error that names both; there is no silent
// conversion.
func ExampleMoney_Add_mixedCurrency() {
	_, err := eur("100").Add(triplecrown.MustMoney("100", "USD"))
	fmt.Println(err)
	fmt.Println("currency-mismatch:", errors.Is(err, triplecrown.ErrCurrencyMismatch))
	// Output:
	// triplecrown: currency mismatch: EUR and USD cannot be combined without a conversion
	// currency-mismatch: true
}

func ExampleMoney_Compare() {
	c, err := eur("10.5").Compare(eur("10.50"))
	fmt.Println("10.5 EUR compared with 10.50 EUR:", c, "| error:", err)
	_, err = eur("1").Compare(triplecrown.MustMoney("1", "CHF"))
	fmt.Println(err)
	// Output:
	// 10.5 EUR compared with 10.50 EUR: 0 | error: <nil>
	// triplecrown: currency mismatch: EUR and CHF cannot be combined without a conversion
}

// A unit cost times a volume is a total, exactly; round it only where a
// person reads it. Here a contact costs 4.35 EUR, and fixing the cause of
// 12,400 "where is my order?" calls a year (failure demand) saves 53,940 EUR;
// the gross margin of 30% on 1,234.56 EUR of revenue is 370.368 EUR, 370.37
// to the cent.
func ExampleMoney_Mul() {
	saved, err := eur("4.35").Mul(decimal.NewFromInt(12400))
	fmt.Println(saved, err)
	margin, err := eur("1234.56").Mul(decimal.New(3, -1))
	fmt.Println(margin, err)
	fmt.Println(margin.Round(triplecrown.MustPrecision(2, outcome.RoundHalfEven)))
	// Output:
	// 53940.00 EUR <nil>
	// 370.368 EUR <nil>
	// 370.37 EUR <nil>
}

// The places of a product are those of the amount and the factor together,
// so a price grown by 2.5% a year, with the factor written to six places,
// gains six places a year: after five years it would have 32, more than
// MaxExponent allows (and so more than the decoders read back). Rounding
// each year's price to the cent keeps it in range.
func ExampleMoney_Mul_places() {
	growth := decimal.RequireFromString("1.025000")
	exact, rounded := eur("19.99"), eur("19.99")
	cents := triplecrown.MustPrecision(2, outcome.RoundHalfEven)
	for year := 1; year <= 5; year++ {
		next, err := exact.Mul(growth)
		if err != nil {
			fmt.Println("year", year, "exact:", err)
			break
		}
		exact = next
	}
	for range 5 {
		next, err := rounded.Mul(growth)
		if err != nil {
			fmt.Println(err)
			return
		}
		if rounded, err = next.Round(cents); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("year 5 rounded each year:", rounded)
	// Output:
	// year 5 exact: triplecrown: the product of 22.06521968359375000000000000 EUR and 1.025000 with 34 digits and exponent -32 is out of range (at most 40 digits, exponent within ±30)
	// year 5 rounded each year: 22.61 EUR
}

func ExampleMoney_Round() {
	m := eur("2.345")
	fmt.Println(m.Round(triplecrown.MustPrecision(2, outcome.RoundHalfUp)))
	fmt.Println(m.Round(triplecrown.MustPrecision(2, outcome.RoundHalfEven)))
	// Output:
	// 2.35 EUR <nil>
	// 2.34 EUR <nil>
}

// Sum adds amounts exactly, without allocating per amount: a tenth of a
// cent a thousand times is exactly one euro.
func ExampleSum() {
	amounts := make([]triplecrown.Money, 1000)
	for i := range amounts {
		amounts[i] = eur("0.001")
	}
	total, err := triplecrown.Sum(amounts)
	fmt.Println(total, err)
	// Output:
	// 1.000 EUR <nil>
}

// Rounding is explicit: 2 of 3 customers, to two places, in three modes.
// Quo divides exactly and rounds once.
func ExamplePrecision_Quo() {
	two, three := decimal.New(2, 0), decimal.New(3, 0)
	for _, m := range []outcome.Rounding{outcome.RoundHalfEven, outcome.RoundDown, outcome.RoundUp} {
		fmt.Println(m, triplecrown.MustPrecision(2, m).Quo(two, three))
	}
	// Output:
	// half-even 0.67
	// down 0.66
	// up 0.67
}

// The "half" modes differ only on a tie: a cost per contact of 4.125 EUR or
// 4.135 EUR lies exactly half-way between two cents. Rounding gives exactly
// the places asked for, so 4.1 becomes 4.10.
func ExamplePrecision_Round() {
	for _, m := range []outcome.Rounding{outcome.RoundHalfEven, outcome.RoundHalfUp, outcome.RoundHalfDown} {
		cents := triplecrown.MustPrecision(2, m)
		fmt.Println(m, "4.125 ->", cents.Round(decimal.RequireFromString("4.125")), "| 4.135 ->", cents.Round(decimal.RequireFromString("4.135")))
	}
	fmt.Println("4.1 ->", triplecrown.MustPrecision(2, outcome.RoundHalfEven).Round(decimal.RequireFromString("4.1")).StringFixed(2))
	// Output:
	// half-even 4.125 -> 4.12 | 4.135 -> 4.14
	// half-up 4.125 -> 4.13 | 4.135 -> 4.14
	// half-down 4.125 -> 4.12 | 4.135 -> 4.13
	// 4.1 -> 4.10
}

// A precision is decimal places and one of outcome's rounding modes; a
// report to four places, ties to even, is the usual choice for ratios
// (0.0825 is 8.25%). Bad input reports every problem.
func ExampleNewPrecision() {
	p, err := triplecrown.NewPrecision(4, outcome.RoundHalfEven)
	fmt.Println(p, err)
	_, err = triplecrown.NewPrecision(40, 0)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code)
	}
	// Output:
	// 4 places, half-even <nil>
	// invalid-places
	// unknown-rounding
}

// A rate carries its sample, so a change in it can be tested.
func ExampleNewRate() {
	fcr, err := triplecrown.NewRate(7800, 10000)
	fmt.Println(fcr, fcr.Sampled(), err)
	_, err = triplecrown.NewRate(10, 0)
	fmt.Println(err)
	// Output:
	// 0.78 (7800 of 10000) true <nil>
	// triplecrown: a rate needs a positive number of trials, not 0
}

// A first-contact resolution rate already counted as an outcome.Proportion
// (7,800 of 10,000 calls resolved) becomes a service measure as it is. A
// proportion with no trials measures nothing.
func ExampleNewRateFromProportion() {
	fcr, err := triplecrown.NewRateFromProportion(outcome.MustProportion(7800, 10000))
	fmt.Println(fcr, err)
	_, err = triplecrown.NewRateFromProportion(outcome.Proportion{})
	fmt.Println(err)
	// Output:
	// 0.78 (7800 of 10000) <nil>
	// triplecrown: a rate needs a proportion with at least one trial, not the empty proportion
}

// A rate's counts go back to outcome for what it offers on a proportion:
// here the Wilson interval of the retention team's first-contact resolution,
// 820 of 1,200. (By hand, z = 1.96: centre (0.68333 + z²/2400) / (1 +
// z²/1200) = 0.68275, half-width z·sqrt(0.68333·0.31667/1200 +
// z²/(4·1200²)) / (1 + z²/1200) = 0.02628, so 0.6565 to 0.7090.) A mean has
// no proportion.
func ExampleMeasure_Proportion() {
	fcr := must(triplecrown.NewRate(820, 1200))
	p, ok := fcr.Proportion()
	fmt.Println("the rate's proportion:", p, "| has one:", ok)
	ci, err := p.Wilson(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f to %.4f\n", ci.Low, ci.High)
	_, ok = must(triplecrown.NewMean(decimal.New(19, 0), 8, 340)).Proportion()
	fmt.Println("a mean has one:", ok)
	// Output:
	// the rate's proportion: 820/1200 | has one: true
	// 0.6565 to 0.7090
	// a mean has one: false
}

// A time to respond is a mean with its standard deviation and sample size.
func ExampleNewMean() {
	m, err := triplecrown.NewMean(decimal.RequireFromString("4.5"), 1.2, 300)
	fmt.Println(m, err)
	// Output:
	// 4.5 (mean of 300, sd 1.2) <nil>
}

// A plain value has no sample; its weight decides how it counts in a
// roll-up.
func ExampleNewWeightedValue() {
	m, err := triplecrown.NewWeightedValue(decimal.RequireFromString("7.5"), decimal.New(1200, 0))
	fmt.Println(m, m.Sampled(), err)
	v, _ := triplecrown.NewValue(decimal.New(72, 0))
	fmt.Println(v)
	// Output:
	// 7.5 (weight 1200) false <nil>
	// 72 (weight 1)
}

func ExampleNewPolicy() {
	_, err := triplecrown.NewPolicy(triplecrown.PolicySpec{SignificanceLevel: 5})
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Message)
	}
	// Output:
	// triplecrown: significance level 5 is not strictly between 0 and 1
	// triplecrown: the policy needs a precision with a valid rounding mode
}

// A money threshold is in one currency: a saving under 50,000 EUR does not
// count as substantial.
func ExampleNewMoneyThreshold() {
	t, err := triplecrown.NewMoneyThreshold(eur("50000"))
	fmt.Println(t, err)
	_, err = triplecrown.NewRelativeThreshold(decimal.RequireFromString("1.5"))
	fmt.Println(err)
	// Output:
	// 50000 EUR <nil>
	// triplecrown: relative threshold 1.5 is outside 0 to 1 (0% to 100%)
}

func ExampleNewAbsoluteThreshold() {
	t, err := triplecrown.NewAbsoluteThreshold(decimal.RequireFromString("0.5"))
	fmt.Println("threshold:", t, "| absolute:", t.IsAbsolute(), "| error:", err)
	// Output:
	// threshold: 0.5 | absolute: true | error: <nil>
}

// departments returns a company's departments for one year: cost and
// revenue in euros, and the share of customers whose issue was resolved
// (a rate, so it pools by sample size).
func departments() []triplecrown.Scorecard {
	mk := func(unit, c0, c1, r0, r1 string, s0, s1, n int64) triplecrown.Scorecard {
		return triplecrown.MustScorecard(triplecrown.ScorecardSpec{
			Unit: unit, Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: eur(c0), Actual: eur(c1)},
			Revenue: triplecrown.Amounts{Baseline: eur(r0), Actual: eur(r1)},
			Service: triplecrown.ServiceSpec{Name: "issues resolved", Direction: outcome.HigherIsBetter,
				Baseline: must(triplecrown.NewRate(s0, n)), Actual: must(triplecrown.NewRate(s1, n))},
		})
	}
	return []triplecrown.Scorecard{
		mk("sales", "1200000", "1150000", "9000000", "9800000", 700, 760, 1000),
		mk("service", "2000000", "1700000", "1000000", "1100000", 3000, 3400, 4000),
		mk("logistics", "900000", "880000", "0", "0", 1800, 1850, 2000),
		mk("marketing", "600000", "720000", "0", "0", 400, 420, 500),
	}
}

// The enterprise is the roll-up of its departments: money sums exactly and
// the resolution rates pool by sample size.
func ExampleNewRollup() {
	r, err := triplecrown.NewRollup("enterprise", departments())
	if err != nil {
		fmt.Println(err)
		return
	}
	card := r.Scorecard()
	fmt.Println("cost:", card.Cost().Baseline, "->", card.Cost().Actual)
	fmt.Println("revenue:", card.Revenue().Baseline, "->", card.Revenue().Actual)
	fmt.Println("service", r.Combination(), card.Service().Baseline, "->", card.Service().Actual)
	s, _ := card.Score(policy())
	fmt.Println(s.Reason())
	// Output:
	// cost: 4700000 EUR -> 4450000 EUR
	// revenue: 10000000 EUR -> 10900000 EUR
	// service by sample size 0.7867 (5900 of 7500) -> 0.8573 (6430 of 7500)
	// triple crown: cost, service and revenue won
}

// Departments roll up to divisions, and divisions to the enterprise.
func ExampleNewRollups() {
	divisions, err := triplecrown.NewRollups([]triplecrown.Group{
		{ID: "commercial", Units: []string{"sales", "marketing"}},
		{ID: "operations", Units: []string{"service", "logistics"}},
	}, departments())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range divisions {
		s, _ := d.Scorecard().Score(policy())
		fmt.Println(d.Scorecard().Unit(), d.Units(), "-", s.Reason())
	}
	// Output:
	// commercial [sales marketing] - trade-off: service and revenue won, cost lost
	// operations [service logistics] - triple crown: cost, service and revenue won
}

// Each department's part of the enterprise's cost saving of 250,000 EUR:
// the money adds up exactly, the whole percentages to exactly 100, and
// marketing, whose cost rose, is shown as a detractor.
func ExampleNewContributions() {
	c, err := triplecrown.NewContributions(triplecrown.Cost, departments(), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("cost saved:", c.Total())
	for it := range c.All() {
		fmt.Println(" ", it)
	}
	// Output:
	// cost saved: 250000 EUR
	//   sales: 50000 EUR (20%)
	//   service: 300000 EUR (120%)
	//   logistics: 20000 EUR (8%)
	//   marketing: -120000 EUR (-48%), a detractor
}

// Shares that do not divide evenly are rounded by the largest remainder so
// that they still add up to 100: revenue growth of 800,000 and 100,000 is
// 88.89% and 11.11%, to two places.
func ExampleNewContributions_shares() {
	c, _ := triplecrown.NewContributions(triplecrown.Revenue, departments(), 2)
	sum := decimal.Zero
	for it := range c.All() {
		if !it.Amount().Amount().IsZero() {
			fmt.Println(it)
		}
		sum = sum.Add(it.Share())
	}
	fmt.Println("total", c.Total(), "shares add up to", sum)
	// Output:
	// sales: 800000 EUR (88.89%)
	// service: 100000 EUR (11.11%)
	// total 900000 EUR shares add up to 100
}

// The method's figure: a company earning $1 billion a year can expect on
// average an additional $700 million within three years of investing in
// customer experience. The figure does not say what was invested; suppose
// $100 million.
func ExampleNewROI() {
	r, err := triplecrown.NewROI(triplecrown.ROISpec{
		Investment:    triplecrown.MustMoney("100000000", "USD"),
		RevenueGained: triplecrown.MustMoney("700000000", "USD"),
		Periods:       36, // months
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rd := triplecrown.MustPrecision(2, outcome.RoundHalfEven)
	growth := rd.Quo(r.RevenueGained().Amount(), decimal.New(1_000_000_000, 0))
	fmt.Println("additional revenue:", r.RevenueGained(), "=", growth.Shift(2), "% of a year's revenue")
	fmt.Println("net benefit:", r.Net())
	fmt.Println("ROI:", r.Ratio(rd), "times the investment")
	payback, ok := r.Payback(rd)
	fmt.Println("payback:", payback, "months", ok)
	// Output:
	// additional revenue: 700000000 USD = 70 % of a year's revenue
	// net benefit: 600000000 USD
	// ROI: 6 times the investment
	// payback: 5.14 months true
}

// The ROI of the CX initiative, from the enterprise's roll-up: 250,000 EUR
// of cost saved and 900,000 EUR of revenue gained in a year, for 400,000
// EUR invested.
func ExampleNewROIFromScorecard() {
	r, _ := triplecrown.NewRollup("enterprise", departments())
	roi, err := triplecrown.NewROIFromScorecard(eur("400000"), r.Scorecard(), 12)
	if err != nil {
		fmt.Println(err)
		return
	}
	rd := triplecrown.MustPrecision(2, outcome.RoundHalfEven)
	payback, _ := roi.Payback(rd)
	fmt.Println("benefit", roi.Benefit(), "ratio", roi.Ratio(rd), "benefit ratio", roi.BenefitRatio(rd), "payback", payback, "months")
	// Output:
	// benefit 1150000 EUR ratio 1.88 benefit ratio 2.88 payback 4.17 months
}

func ExampleParseCrown() {
	c, err := triplecrown.ParseCrown("revenue")
	fmt.Println(c, err)
	for c := range triplecrown.Crowns() {
		fmt.Print(c, " ")
	}
	fmt.Println()
	// Output:
	// revenue <nil>
	// cost service revenue
}

// A stored report's verdicts read back from their text, in any case: a
// dashboard filters its units by verdict.
func ExampleParseVerdict() {
	for _, text := range []string{"triple crown", "Trade-Off", "lost ground"} {
		v, err := triplecrown.ParseVerdict(text)
		fmt.Printf("%-14q -> %s (trade-off: %t) %v\n", text, v, v == triplecrown.TradeOff, err)
	}
	// Output:
	// "triple crown" -> triple crown (trade-off: false) <nil>
	// "Trade-Off"    -> trade-off (trade-off: true) <nil>
	// "lost ground"  -> lost ground (trade-off: false) <nil>
}
