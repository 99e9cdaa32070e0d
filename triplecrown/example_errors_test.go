package triplecrown_test

import (
	"errors"
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A contact centre's monthly import reads each team's scorecard from a
// spreadsheet, and each row here has one mistake: no period, a revenue
// cell left empty, a credit note booked as a negative cost, a service
// measure that changed kind (a rate last month, a mean this month), and no
// actual service figure. Each is reported with its code, which the import
// matches with errors.Is to tell the team what to fix.
func ExampleNewScorecard_codes() {
	row := func(unit string) triplecrown.ScorecardSpec {
		return triplecrown.ScorecardSpec{
			Unit: unit, Period: "2025-06",
			Cost:    triplecrown.Amounts{Baseline: eur("80000"), Actual: eur("76000")},
			Revenue: triplecrown.Amounts{Baseline: eur("20000"), Actual: eur("21000")},
			Service: triplecrown.ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
				Baseline: must(triplecrown.NewRate(700, 1000)), Actual: must(triplecrown.NewRate(740, 1000))},
		}
	}
	inbound, chat, email, outbound, backOffice := row("inbound"), row("chat"), row("email"), row("outbound"), row("back-office")
	inbound.Period = ""
	chat.Revenue.Actual = triplecrown.Money{}
	email.Cost.Actual = eur("-1200")
	outbound.Service.Actual = must(triplecrown.NewMean(decimal.New(74, 0), 12, 1000))
	backOffice.Service.Actual = triplecrown.Measure{}

	for _, r := range []struct {
		what string
		spec triplecrown.ScorecardSpec
		code outcome.Code
	}{
		{"no period", inbound, triplecrown.ErrEmptyPeriod},
		{"revenue cell empty", chat, triplecrown.ErrMissingMoney},
		{"credit note as a cost", email, triplecrown.ErrNegativeMoney},
		{"rate, then mean", outbound, triplecrown.ErrServiceMismatch},
		{"no actual service", backOffice, triplecrown.ErrInvalidMeasure},
	} {
		_, err := triplecrown.NewScorecard(r.spec)
		showCode(r.what, err, r.code)
	}
	// Output:
	// no period, empty-period: true
	//   triplecrown: unit "inbound" has no period
	// revenue cell empty, missing-money: true
	//   triplecrown: unit "chat" has no actual revenue
	// credit note as a cost, negative-money: true
	//   triplecrown: unit "email" has a negative actual cost (-1200 EUR)
	// rate, then mean, service-mismatch: true
	//   triplecrown: unit "outbound" has a rate as its baseline service measure but a mean as its actual
	// no actual service, invalid-service-measure: true
	//   triplecrown: unit "back-office" has no actual service measure
}

// A service measure is checked as it is made. A survey feed's rows of mean
// satisfaction: a team with a single response (a standard deviation needs
// two) and a standard deviation that is negative. Each error has a code the
// feed matches with errors.Is.
func ExampleNewMean_codes() {
	four2 := decimal.RequireFromString("4.2")
	showCode("one response", second(triplecrown.NewMean(four2, 0, 1)), triplecrown.ErrInvalidSampleSize)
	showCode("sd -0.8", second(triplecrown.NewMean(four2, -0.8, 50)), triplecrown.ErrInvalidMeasure)
	// Output:
	// one response, invalid-service-sample-size: true
	//   triplecrown: a mean needs a sample of at least 2 observations, not 1
	// sd -0.8, invalid-service-measure: true
	//   triplecrown: the standard deviation -0.8 is negative
}

// A rate is checked as it is made: a team's feed that says more calls were
// resolved than taken, and a team that took no calls, whose rate is no
// rate at all (never 0%).
func ExampleNewRate_codes() {
	showCode("120 resolved of 100 calls", second(triplecrown.NewRate(120, 100)), triplecrown.ErrInvalidMeasure)
	showCode("no calls", second(triplecrown.NewRate(0, 0)), triplecrown.ErrInvalidSampleSize)
	// Output:
	// 120 resolved of 100 calls, invalid-service-measure: true
	//   triplecrown: a rate of 120 successes out of 100 trials is impossible
	// no calls, invalid-service-sample-size: true
	//   triplecrown: a rate needs a positive number of trials, not 0
}

// A weighted value is checked as it is made. The roll-up of values is
// their mean weighted by each unit's customers, so a branch's index of 7.5
// weighed by zero customers is refused: a weight must be positive.
func ExampleNewWeightedValue_codes() {
	showCode("weighed by 0 customers",
		second(triplecrown.NewWeightedValue(decimal.RequireFromString("7.5"), decimal.Zero)), triplecrown.ErrInvalidWeight)
	// Output:
	// weighed by 0 customers, invalid-service-weight: true
	//   triplecrown: service weight 0 is not positive
}

// showCode prints what was wrong, whether err has code, and err's message.
func showCode(what string, err error, code outcome.Code) {
	fmt.Printf("%s, %s: %t\n  %v\n", what, code, errors.Is(err, code), err)
}

// second returns the error of a constructor's result.
func second[T any](_ T, err error) error { return err }

// A roll-up refuses what it cannot add up honestly: no scorecards at all,
// one team's quarter among the others' year, a team that measures another
// service (first-contact resolution, not the satisfaction index), a row
// that failed to load (the zero Scorecard), a division that names a team
// with no scorecard ("web-forms"), and trial counts whose sum overflows an
// int64 (a corrupt feed's 2^62 trials this year, in two teams: 2^63 is one
// more than an int64 holds).
func ExampleNewRollup_codes() {
	channels := contactCentreChannels() // satisfaction index, 2025
	teams := contactCentreTeams()       // first-contact resolution, 2025
	quarter := channels[1].Spec()
	quarter.Period = "2025-Q4"
	huge := func(c triplecrown.Scorecard) triplecrown.Scorecard {
		spec := c.Spec()
		spec.Service.Actual = must(triplecrown.NewRate(0, 1<<62))
		return triplecrown.MustScorecard(spec)
	}
	digital := []triplecrown.Group{{ID: "digital", Units: []string{"chat", "email", "web-forms"}}}

	for _, r := range []struct {
		what string
		err  error
		code outcome.Code
	}{
		{"no scorecards", second(triplecrown.NewRollup("contact-centre", nil)), triplecrown.ErrEmptyRollup},
		{"a quarter in a year", second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{channels[0], triplecrown.MustScorecard(quarter)})),
			triplecrown.ErrPeriodMismatch},
		{"another service", second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{channels[0], teams[1]})), triplecrown.ErrServiceMismatch},
		{"a row that failed to load", second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{channels[0], {}})), triplecrown.ErrInvalidScorecard},
		{"a team with no scorecard", second(triplecrown.NewRollups(digital, channels)), triplecrown.ErrUnknownUnit},
		{"2^63 trials", second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{huge(teams[0]), huge(teams[1])})),
			triplecrown.ErrSampleOverflow},
	} {
		showCode(r.what, r.err, r.code)
	}
	// Output:
	// no scorecards, empty-rollup: true
	//   triplecrown: no scorecards for roll-up "contact-centre"
	// a quarter in a year, period-mismatch: true
	//   triplecrown: unit "chat" is for period "2025-Q4", not "2025" like unit "inbound"
	// another service, service-mismatch: true
	//   triplecrown: unit "chat" measures service as "first-contact resolution" (higher is better, rate), unit "inbound" as "satisfaction index" (higher is better, value): they cannot be combined
	// a row that failed to load, invalid-scorecard: true
	//   triplecrown: scorecard 1 for roll-up "contact-centre" is the zero Scorecard
	// a team with no scorecard, unknown-unit: true
	//   triplecrown: group "digital" names unit "web-forms", which has no scorecard
	// 2^63 trials, service-sample-overflow: true
	//   triplecrown: the actual sample sizes of roll-up "contact-centre" add up to more than an int64 holds
}

// Scoring needs a scorecard, a policy, and thresholds in the scorecard's
// currency: a job whose policy failed to load (the zero Policy), a missing
// scorecard, a policy with the level typed as 5 for 5%, and a US team
// judged by a threshold in euros.
func ExampleScorecard_Score_codes() {
	card := contactCentreChannels()[0]
	spec := card.Spec()
	usd := func(m triplecrown.Money) triplecrown.Money { return must(triplecrown.NewMoney(m.Amount(), "USD")) }
	spec.Cost = triplecrown.Amounts{Baseline: usd(spec.Cost.Baseline), Actual: usd(spec.Cost.Actual)}
	spec.Revenue = triplecrown.Amounts{Baseline: usd(spec.Revenue.Baseline), Actual: usd(spec.Revenue.Actual)}
	rd := triplecrown.MustPrecision(4, outcome.RoundHalfEven)
	inEuros := triplecrown.MustPolicy(triplecrown.PolicySpec{
		Cost:              triplecrown.MustThreshold(triplecrown.NewMoneyThreshold(eur("50000"))),
		SignificanceLevel: 0.05, Precision: rd,
	})

	for _, r := range []struct {
		what string
		err  error
		code outcome.Code
	}{
		{"no policy", second(card.Score(triplecrown.Policy{})), triplecrown.ErrInvalidPolicy},
		{"no scorecard", second(triplecrown.Scorecard{}.Score(policy())), triplecrown.ErrInvalidScorecard},
		{"level 5 for 5%", second(triplecrown.NewPolicy(triplecrown.PolicySpec{SignificanceLevel: 5, Precision: rd})), triplecrown.ErrInvalidSignificance},
		{"USD judged in EUR", second(triplecrown.MustScorecard(spec).Score(inEuros)), triplecrown.ErrCurrencyMismatch},
	} {
		showCode(r.what, r.err, r.code)
	}
	// Output:
	// no policy, invalid-policy: true
	//   triplecrown: cannot score with the zero Policy
	// no scorecard, invalid-scorecard: true
	//   triplecrown: cannot score the zero Scorecard
	// level 5 for 5%, invalid-significance-level: true
	//   triplecrown: significance level 5 is not strictly between 0 and 1
	// USD judged in EUR, currency-mismatch: true
	//   triplecrown: unit "inbound" is in USD but the cost threshold is in EUR
}

// An ROI needs an investment that is there, not negative and not zero, and
// a positive number of periods: a business case with the investment cell
// empty, entered with a refund's minus sign, entered as 0, and with the
// benefit period left at 0.
func ExampleNewROI_codes() {
	for _, r := range []struct {
		what string
		spec triplecrown.ROISpec
		code outcome.Code
	}{
		{"investment empty", triplecrown.ROISpec{RevenueGained: eur("420000"), Periods: 24}, triplecrown.ErrMissingMoney},
		{"a refund's minus sign", triplecrown.ROISpec{Investment: eur("-250000"), RevenueGained: eur("420000"), Periods: 24}, triplecrown.ErrNegativeMoney},
		{"investment 0", triplecrown.ROISpec{Investment: eur("0"), RevenueGained: eur("420000"), Periods: 24}, triplecrown.ErrInvalidInvestment},
		{"0 periods", triplecrown.ROISpec{Investment: eur("250000"), RevenueGained: eur("420000")}, triplecrown.ErrInvalidPeriods},
	} {
		_, err := triplecrown.NewROI(r.spec)
		showCode(r.what, err, r.code)
	}
	// Output:
	// investment empty, missing-money: true
	//   triplecrown: an ROI needs the investment, with its currency
	// a refund's minus sign, negative-money: true
	//   triplecrown: the investment -250000 EUR is negative
	// investment 0, invalid-investment: true
	//   triplecrown: an investment of zero has no return ratio
	// 0 periods, invalid-benefit-periods: true
	//   triplecrown: the benefit must be over a positive number of periods, not 0
}

// A report's filters arrive as text: a crown that is none ("quality"), a
// contribution asked of service (which has no money to share out), and a
// verdict spelt short.
func ExampleParseCrown_codes() {
	showCode(`crown "quality"`, second(triplecrown.ParseCrown("quality")), triplecrown.ErrUnknownCrown)
	showCode("contributions of service",
		second(triplecrown.NewContributions(triplecrown.Service, contactCentreTeams(), 0)), triplecrown.ErrUnknownCrown)
	showCode(`verdict "triple"`, second(triplecrown.ParseVerdict("triple")), triplecrown.ErrUnknownVerdict)
	// Output:
	// crown "quality", unknown-crown: true
	//   triplecrown: unknown crown "quality" (want cost, service or revenue)
	// contributions of service, unknown-crown: true
	//   triplecrown: contributions are of cost or revenue, not service: service is not money
	// verdict "triple", unknown-verdict: true
	//   triplecrown: unknown verdict "triple"
}
