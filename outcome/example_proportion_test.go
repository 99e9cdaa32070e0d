package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// A Successful Customer Outcome is measured by whether customers actually
// achieve it. An insurer's outcome for a car claim is "my car is fixed and I
// am back on the road"; the measure is the share of claim journeys that end
// there, not the number of calls handled on the way.
func ExampleNewProportion() {
	backOnTheRoad, err := outcome.NewProportion(1803, 2300)
	if err != nil {
		fmt.Println(err)
		return
	}
	pct, _ := backOnTheRoad.Percent(1, outcome.RoundHalfEven)
	num, den, _ := backOnTheRoad.Fraction()
	fmt.Printf("%s journeys reached the outcome: %s%% (exactly %d/%d)\n", backOnTheRoad, pct, num, den)

	// More successes than trials is not a rate.
	_, err = outcome.NewProportion(2400, 2300)
	fmt.Println(err)
	// Output:
	// 1803/2300 journeys reached the outcome: 78.4% (exactly 1803/2300)
	// outcome: 2400 successes in only 2300 trials
}

// MustProportion is for literals whose counts are known to be valid.
func ExampleMustProportion() {
	resolved := outcome.MustProportion(45, 60)
	fmt.Println(resolved, resolved.Failures(), "not resolved")
	// Output: 45/60 15 not resolved
}

// A rate such as 81/263 never terminates, so the caller says how many places
// and how to round; the result is the exact fraction rounded once.
func ExampleProportion_Rate() {
	p := outcome.MustProportion(81, 263) // 0.30798479...
	for _, r := range []outcome.Rounding{outcome.RoundHalfEven, outcome.RoundDown} {
		rate, _ := p.Rate(4, r)
		fmt.Println(r, rate.StringFixed(4))
	}
	// An empty proportion has no rate, rather than NaN.
	_, err := outcome.Proportion{}.Rate(4, outcome.RoundHalfEven)
	fmt.Println(err)
	// Output:
	// half-even 0.3080
	// down 0.3079
	// outcome: a proportion of 0 trials has no rate
}

// Fraction keeps the rate with nothing lost, in lowest terms.
func ExampleProportion_Fraction() {
	num, den, _ := outcome.MustProportion(450, 600).Fraction()
	fmt.Printf("%d/%d\n", num, den)
	// Output: 3/4
}

// A rate without its uncertainty invites over-reading. The Wilson interval
// (the default) says which rates the data do not rule out; these are two of
// Newcombe's (1998) examples.
func ExampleProportion_Wilson() {
	week, _ := outcome.MustProportion(81, 263).Wilson(0.95)
	fmt.Printf("81 of 263: %.1f%%, 95%% CI %.1f%% to %.1f%%\n", 100*week.Estimate, 100*week.Low, 100*week.High)

	// No complaints in 20 journeys does not mean a complaint rate of 0: up
	// to 16% is still plausible.
	none, _ := outcome.MustProportion(0, 20).Wilson(0.95)
	fmt.Printf("0 of 20: %.1f%%, 95%% CI %.1f%% to %.1f%%\n", 100*none.Estimate, 100*none.Low, 100*none.High)
	// Output:
	// 81 of 263: 30.8%, 95% CI 25.5% to 36.6%
	// 0 of 20: 0.0%, 95% CI 0.0% to 16.1%
}

// The Wald interval is in many legacy reports. Near 0 it can claim a rate
// below zero, and at 0 it claims certainty; the bounds are reported as
// computed so that the weakness shows.
func ExampleProportion_Wald() {
	one, _ := outcome.MustProportion(1, 29).Wald(0.95)
	none, _ := outcome.MustProportion(0, 20).Wald(0.95)
	fmt.Printf("1 of 29: %.4f to %.4f\n", one.Low, one.High)
	fmt.Printf("0 of 20: %.4f to %.4f (width %.0f)\n", none.Low, none.High, none.Width())
	// Output:
	// 1 of 29: -0.0319 to 0.1009
	// 0 of 20: 0.0000 to 0.0000 (width 0)
}

// Interval picks the method by name, e.g. from a report's settings.
func ExampleProportion_Interval() {
	p := outcome.MustProportion(15, 148)
	for _, m := range []outcome.IntervalMethod{outcome.IntervalWilson, outcome.IntervalWald, outcome.IntervalAdjustedWald} {
		iv, _ := p.Interval(0.95, m)
		fmt.Printf("%-13s %.4f to %.4f\n", m, iv.Low, iv.High)
	}
	// Output:
	// wilson        0.0624 to 0.1605
	// wald          0.0527 to 0.1500
	// adjusted-wald 0.0614 to 0.1615
}

// Shards (days, sites, teams) are counted apart and merged: the merged
// proportion is exactly the one of all the journeys.
func ExampleProportion_Merge() {
	days := []outcome.Proportion{
		outcome.MustProportion(260, 340), // Monday
		outcome.MustProportion(301, 372), // Tuesday
		outcome.MustProportion(0, 0),     // Wednesday: closed
		outcome.MustProportion(288, 351), // Thursday
	}
	var week outcome.Proportion
	for _, d := range days {
		week, _ = week.Merge(d)
	}
	pct, _ := week.Percent(1, outcome.RoundHalfEven)
	fmt.Printf("week: %s = %s%%\n", week, pct)
	// Output: week: 849/1063 = 79.9%
}

// Did first-contact resolution really improve after the knowledge base was
// rewritten? The rate went from 73.8% to 77.0%; the test says whether that
// is more than the noise of a month's contacts.
func ExampleCompareProportions() {
	before := outcome.MustProportion(1180, 1600) // resolved at first contact, March
	after := outcome.MustProportion(1262, 1640)  // April
	c, err := outcome.CompareProportions(before, after, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	d := c.Difference
	fmt.Printf("change %+.1f points, 95%% CI %+.1f to %+.1f\n", 100*d.Estimate, 100*d.Low, 100*d.High)
	fmt.Printf("z = %.2f, p = %.3f, significant: %t\n", c.Z, c.PValue, c.Significant())
	// Output:
	// change +3.2 points, 95% CI +0.2 to +6.2
	// z = 2.11, p = 0.034, significant: true
}

// Significant compares the p-value with the comparison's own confidence
// level: the same data can pass at 95% and fail at 99%.
func ExampleProportionComparison_Significant() {
	before, after := outcome.MustProportion(1180, 1600), outcome.MustProportion(1262, 1640)
	for _, conf := range []float64{0.95, 0.99} {
		c, _ := outcome.CompareProportions(before, after, conf)
		fmt.Printf("at %.0f%%: %t\n", 100*conf, c.Significant())
	}
	// Output:
	// at 95%: true
	// at 99%: false
}

// Interval is shared by every measure of the package; it encodes to JSON
// for a dashboard.
func ExampleInterval() {
	iv, _ := outcome.MustProportion(1, 4).Wilson(0.9)
	// The bounds are 0.0579... and 0.6438...: rounded to one place here
	// to keep the output short.
	iv.Low, iv.High = math.Round(iv.Low*10)/10, math.Round(iv.High*10)/10
	data, _ := json.Marshal(iv)
	fmt.Println(string(data), iv.Contains(0.4))
	// Output: {"estimate":0.25,"low":0.1,"high":0.6,"confidence":0.9,"method":"wilson"} true
}

// Every interval says how it was computed, so that a report can print the
// method and a reader can judge it. In a pilot, 19 of 20 stranded members
// were back on the road within the hour, the club's successful customer
// outcome. The Wald interval of that rate, 0.95 ± 1.96·sqrt(0.95·0.05/20)
// = 0.95 ± 0.0955, claims rates above 100%; the Wilson interval stays
// within 0..100% (with b = 1.96·sqrt(19·1/20 + 1.96²/4) = 2.7091, Low =
// 19²/(20·(19 + 1.9207 + b)) = 0.7639 and High = 1 - 1/(20·(1 + 1.9207 +
// b)) = 0.9911). Comparing the pilot with last year's 150 of 200 (Wilson
// 0.6857 to 0.8049) gives Newcombe's interval of the difference 0.20:
// 0.20 - hypot(0.95-0.7639, 0.8049-0.75) = 0.0059 to 0.20 + hypot(0.9911-0.95,
// 0.75-0.6857) = 0.2763. The zero IntervalMethod names no method.
func ExampleIntervalMethod() {
	pilot := outcome.MustProportion(19, 20)
	for _, m := range []outcome.IntervalMethod{outcome.IntervalWald, outcome.IntervalWilson} {
		iv, _ := pilot.Interval(0.95, m)
		fmt.Printf("%-8s %.1f%% to %.1f%%\n", iv.Method, 100*iv.Low, 100*iv.High)
	}
	c, _ := outcome.CompareProportions(outcome.MustProportion(150, 200), pilot, 0.95)
	fmt.Printf("%-8s %+.1f points: %+.1f to %+.1f\n", c.Difference.Method,
		100*c.Difference.Estimate, 100*c.Difference.Low, 100*c.Difference.High)
	var zero outcome.IntervalMethod
	fmt.Println(zero, zero.IsValid(), zero.IsZero())
	// Output:
	// wald     85.4% to 104.6%
	// wilson   76.4% to 99.1%
	// newcombe +20.0 points: +0.6 to +27.6
	// IntervalMethod(0) false true
}

// ParseIntervalMethod reads a method's name as people write it.
func ExampleParseIntervalMethod() {
	m, _ := outcome.ParseIntervalMethod("Agresti-Coull")
	fmt.Println(`"Agresti-Coull" is`, m)
	_, err := outcome.ParseIntervalMethod("exact")
	fmt.Println(err)
	// Output:
	// "Agresti-Coull" is adjusted-wald
	// outcome: unknown interval method "exact"
}

// Rounding is an explicit argument wherever a ratio is rounded, and differs
// only on ties and on which way a directed mode goes.
func ExampleRounding() {
	tie := outcome.MustProportion(1, 8) // 0.125
	for r := outcome.RoundHalfEven; r <= outcome.RoundFloor; r++ {
		rate, _ := tie.Rate(2, r)
		fmt.Printf("%-9s %s\n", r, rate)
	}
	// Output:
	// half-even 0.12
	// half-up   0.13
	// half-down 0.12
	// up        0.13
	// down      0.12
	// ceiling   0.13
	// floor     0.12
}

// Round rounds any decimal, e.g. a budget to thousands.
func ExampleRounding_Round() {
	budget := decimal.RequireFromString("1234567.89")
	k, _ := outcome.RoundHalfEven.Round(budget, -3)
	fmt.Println(k)
	// Output: 1235000
}

// ParseRounding reads a mode from a setting.
func ExampleParseRounding() {
	r, _ := outcome.ParseRounding("banker's")
	fmt.Println(r)
	// Output: half-even
}

// The standard error is the spread of a rate from sample to sample: 45 of
// 60 callers with their problem solved at first contact is a rate of 0.75,
// give or take sqrt(0.75·0.25/60) = sqrt(0.003125) = 0.0559. A rate of 0
// or 1 has none, and a day with no calls has no rate to spread.
func ExampleProportion_StandardError() {
	for _, p := range []outcome.Proportion{outcome.MustProportion(45, 60), outcome.MustProportion(20, 20)} {
		se, _ := p.StandardError()
		fmt.Printf("%s: %.4f\n", p, se)
	}
	_, err := outcome.Proportion{}.StandardError()
	fmt.Println("no calls: no-data:", errors.Is(err, outcome.ErrNoData))
	// Output:
	// 45/60: 0.0559
	// 20/20: 0.0000
	// no calls: no-data: true
}

// A proportion is its evidence, not only its rate: 1 of 2 and 2 of 4 are
// both 50% but are not equal, since the second rests on twice as many
// customers. The empty proportion, a day the centre was closed, is the zero
// Proportion.
func ExampleProportion_Equal() {
	small, larger := outcome.MustProportion(1, 2), outcome.MustProportion(2, 4)
	a, _ := small.Rate(2, outcome.RoundHalfEven)
	b, _ := larger.Rate(2, outcome.RoundHalfEven)
	fmt.Println("same rate:", a.Equal(b), "| 1/2 equals 2/4:", small.Equal(larger), "| 1/2 equals 1/2:", small.Equal(outcome.MustProportion(1, 2)))

	closed := outcome.MustProportion(0, 0)
	fmt.Println("closed day is zero:", closed.IsZero(), "| 1/2 is zero:", small.IsZero())
	// Output:
	// same rate: true | 1/2 equals 2/4: false | 1/2 equals 1/2: true
	// closed day is zero: true | 1/2 is zero: false
}

// The comparison keeps both proportions and the pooled standard error
// behind its z. A dealer network rewrote its handover of new cars: 150 of
// 200 buyers before, and 170 of 200 after, said they could use every
// feature they paid for on the day. The pooled rate is 320/400 = 0.8, so
// the standard error is sqrt(0.8·0.2·(1/200 + 1/200)) = sqrt(0.0016) =
// 0.04, z = (0.85 - 0.75)/0.04 = 2.5, and the two-sided p-value is
// 2·(1 - Φ(2.5)) = 2·0.00621 = 0.0124. The difference's interval is
// Newcombe's.
func ExampleProportionComparison() {
	c, err := outcome.CompareProportions(outcome.MustProportion(150, 200), outcome.MustProportion(170, 200), 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s -> %s: %+.2f\n", c.A, c.B, c.Difference.Estimate)
	fmt.Printf("se %.4f, z %.2f, p %.4f\n", c.StandardError, c.Z, c.PValue)
	fmt.Println("interval by Newcombe:", c.Difference.Method == outcome.IntervalNewcombe, "| significant at 95%:", c.Significant())
	// Output:
	// 150/200 -> 170/200: +0.10
	// se 0.0400, z 2.50, p 0.0124
	// interval by Newcombe: true | significant at 95%: true
}

// A stored comparison reads back only as CompareProportions gave it. The
// dealer network's comparison above, stored as JSON, reads back equal; the
// same JSON with its p-value rounded to four places, as a report might show
// it, is refused: 2·(1 - Φ(2.5)) is 0.0124193..., not 0.0124. So is an
// estimate edited to 0.2 (0.85 - 0.75 is 0.1), and the standard error left
// out (the struct that rewrote the JSON has no field for it): every
// problem is said, those of the JSON's form first.
func ExampleProportionComparison_UnmarshalJSON() {
	c, err := outcome.CompareProportions(outcome.MustProportion(150, 200), outcome.MustProportion(170, 200), 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := json.Marshal(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	var back outcome.ProportionComparison
	fmt.Println("read back:", json.Unmarshal(data, &back), "| equal:", back == c)

	var stored struct {
		A, B       json.RawMessage
		Difference map[string]any
		Z, PValue  float64
	}
	if err := json.Unmarshal(data, &stored); err != nil {
		fmt.Println(err)
		return
	}
	stored.PValue = 0.0124
	stored.Difference["estimate"] = 0.2
	edited, err := json.Marshal(stored)
	if err != nil {
		fmt.Println(err)
		return
	}
	err = json.Unmarshal(edited, &back)
	fmt.Println("edited:", errors.Is(err, outcome.ErrInvalidResult))
	for _, p := range outcome.Problems(err) {
		fmt.Printf("%s: %s\n", p.Code, p.Message)
	}
	// Output:
	// read back: <nil> | equal: true
	// edited: true
	// invalid-json: outcome: proportion comparison has no "standardError"
	// invalid-result: outcome: proportion comparison "difference": "estimate" is 0.2, where CompareProportions gives 0.1 for a 150/200 and b 170/200
	// invalid-result: outcome: proportion comparison: "pValue" is 0.0124, where CompareProportions gives 0.012419330651552278 for a 150/200 and b 170/200
}

// The arguments of a rate and of an interval are checked, each with its
// code: a confidence of 95 (a percentage where a level was meant), a method
// that does not apply to a single proportion (Newcombe's is for a
// difference), a rate of no data, a rounding nobody chose (the zero
// Rounding), more than MaxPlaces places, and a merge whose trials would pass
// the largest int64. A failed interval is the zero Interval.
func ExampleProportion_Interval_errors() {
	fcr := outcome.MustProportion(81, 263)
	show := func(what string, err error, code outcome.Code) {
		fmt.Printf("%-28s %s: %t\n", what, code, errors.Is(err, code))
	}
	iv, err := fcr.Interval(95, outcome.IntervalWilson)
	show("confidence 95:", err, outcome.ErrInvalidConfidence)
	fmt.Println("  the failed interval is the zero Interval:", iv.IsZero())
	_, err = fcr.Interval(0.95, outcome.IntervalNewcombe)
	show("Newcombe of one proportion:", err, outcome.ErrInvalidIntervalMethod)
	_, err = outcome.Proportion{}.Interval(0.95, outcome.IntervalWilson)
	show("interval of 0 trials:", err, outcome.ErrNoData)
	_, err = fcr.Rate(4, outcome.Rounding(0))
	show("rate, rounding unset:", err, outcome.ErrUnknownRounding)
	_, err = fcr.Rate(outcome.MaxPlaces+1, outcome.RoundHalfEven)
	show("rate to MaxPlaces+1 places:", err, outcome.ErrInvalidPlaces)
	_, err = outcome.MustProportion(0, math.MaxInt64).Merge(fcr)
	show("merge past MaxInt64 trials:", err, outcome.ErrOverflow)

	// The same interval computed twice is equal, field by field.
	a, _ := fcr.Wilson(0.95)
	b, _ := fcr.Interval(0.95, outcome.IntervalWilson)
	fmt.Println("Wilson twice, equal:", a.Equal(b), "| zero:", a.IsZero())
	// Output:
	// confidence 95:               invalid-confidence: true
	//   the failed interval is the zero Interval: true
	// Newcombe of one proportion:  invalid-interval-method: true
	// interval of 0 trials:        no-data: true
	// rate, rounding unset:        unknown-rounding: true
	// rate to MaxPlaces+1 places:  invalid-places: true
	// merge past MaxInt64 trials:  count-overflow: true
	// Wilson twice, equal: true | zero: false
}

// A tie decides whether a target reads as met. 1599 of 2000 calls answered
// within 20 seconds is exactly 0.7995, half-way between 0.799 and 0.800, so
// at 3 places the modes disagree on an "80% answered" target: half-down
// and down give 0.799, up gives 0.800, and half-even gives 0.800 (its last
// digit, 0, is even). The library never picks for the caller: a setting left
// unset is the zero Rounding, which is not valid.
func ExampleRounding_IsValid() {
	answered := outcome.MustProportion(1599, 2000)
	for _, r := range []outcome.Rounding{outcome.RoundHalfDown, outcome.RoundDown, outcome.RoundUp, outcome.RoundHalfEven} {
		rate, _ := answered.Rate(3, r)
		fmt.Printf("%-9s %s\n", r, rate.StringFixed(3))
	}
	var unset outcome.Rounding
	fmt.Println("unset is zero:", unset.IsZero(), "| valid:", unset.IsValid(), "| up is valid:", outcome.RoundUp.IsValid())
	// Output:
	// half-down 0.799
	// down      0.799
	// up        0.800
	// half-even 0.800
	// unset is zero: true | valid: false | up is valid: true
}

// An interval read back from JSON is checked as the measures give it: here
// its bounds are swapped, which is one problem each, with code
// ErrInvalidResult.
func ExampleInterval_UnmarshalJSON() {
	var iv outcome.Interval
	err := json.Unmarshal([]byte(`{"estimate":0.3,"low":0.375,"high":0.25,"confidence":0.95,"method":"wilson"}`), &iv)
	fmt.Println(errors.Is(err, outcome.ErrInvalidResult))
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Message)
	}
	// Output:
	// true
	// outcome: interval: "low" 0.375 is above the estimate 0.3
	// outcome: interval: "high" 0.25 is below the estimate 0.3
}
