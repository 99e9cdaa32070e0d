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
		spec triplecrown.ScorecardSpec
		code outcome.Code
	}{
		{inbound, triplecrown.ErrEmptyPeriod},
		{chat, triplecrown.ErrMissingMoney},
		{email, triplecrown.ErrNegativeMoney},
		{outbound, triplecrown.ErrServiceMismatch},
		{backOffice, triplecrown.ErrInvalidMeasure},
	} {
		_, err := triplecrown.NewScorecard(r.spec)
		fmt.Println(r.code, errors.Is(err, r.code))
		fmt.Println(" ", err)
	}
	// Output:
	// empty-period true
	//   triplecrown: unit "inbound" has no period
	// missing-money true
	//   triplecrown: unit "chat" has no actual revenue
	// negative-money true
	//   triplecrown: unit "email" has a negative actual cost (-1200 EUR)
	// service-mismatch true
	//   triplecrown: unit "outbound" has a rate as its baseline service measure but a mean as its actual
	// invalid-service-measure true
	//   triplecrown: unit "back-office" has no actual service measure
}

// Service measures are checked as they are made. A survey feed's rows: a
// team with a single response (a standard deviation needs two), a negative
// standard deviation, more calls resolved than taken, a team with no calls,
// and a branch weighed by zero customers.
func ExampleNewMean_codes() {
	four2 := decimal.RequireFromString("4.2")
	for _, r := range []struct {
		err  error
		code outcome.Code
	}{
		{second(triplecrown.NewMean(four2, 0, 1)), triplecrown.ErrInvalidSampleSize},
		{second(triplecrown.NewMean(four2, -0.8, 50)), triplecrown.ErrInvalidMeasure},
		{second(triplecrown.NewRate(120, 100)), triplecrown.ErrInvalidMeasure},
		{second(triplecrown.NewRate(0, 0)), triplecrown.ErrInvalidSampleSize},
		{second(triplecrown.NewWeightedValue(decimal.RequireFromString("7.5"), decimal.Zero)), triplecrown.ErrInvalidWeight},
	} {
		fmt.Println(r.code, errors.Is(r.err, r.code))
	}
	// Output:
	// invalid-service-sample-size true
	// invalid-service-measure true
	// invalid-service-measure true
	// invalid-service-sample-size true
	// invalid-service-weight true
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
		err  error
		code outcome.Code
	}{
		{second(triplecrown.NewRollup("contact-centre", nil)), triplecrown.ErrEmptyRollup},
		{second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{channels[0], triplecrown.MustScorecard(quarter)})),
			triplecrown.ErrPeriodMismatch},
		{second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{channels[0], teams[1]})), triplecrown.ErrServiceMismatch},
		{second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{channels[0], {}})), triplecrown.ErrInvalidScorecard},
		{second(triplecrown.NewRollups(digital, channels)), triplecrown.ErrUnknownUnit},
		{second(triplecrown.NewRollup("contact-centre", []triplecrown.Scorecard{huge(teams[0]), huge(teams[1])})),
			triplecrown.ErrSampleOverflow},
	} {
		fmt.Println(r.code, errors.Is(r.err, r.code))
		fmt.Println(" ", r.err)
	}
	// Output:
	// empty-rollup true
	//   triplecrown: no scorecards for roll-up "contact-centre"
	// period-mismatch true
	//   triplecrown: unit "chat" is for period "2025-Q4", not "2025" like unit "inbound"
	// service-mismatch true
	//   triplecrown: unit "chat" measures service as "first-contact resolution" (higher is better, rate), unit "inbound" as "satisfaction index" (higher is better, value): they cannot be combined
	// invalid-scorecard true
	//   triplecrown: scorecard 1 for roll-up "contact-centre" is the zero Scorecard
	// unknown-unit true
	//   triplecrown: group "digital" names unit "web-forms", which has no scorecard
	// service-sample-overflow true
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
		err  error
		code outcome.Code
	}{
		{second(card.Score(triplecrown.Policy{})), triplecrown.ErrInvalidPolicy},
		{second(triplecrown.Scorecard{}.Score(policy())), triplecrown.ErrInvalidScorecard},
		{second(triplecrown.NewPolicy(triplecrown.PolicySpec{SignificanceLevel: 5, Precision: rd})), triplecrown.ErrInvalidSignificance},
		{second(triplecrown.MustScorecard(spec).Score(inEuros)), triplecrown.ErrCurrencyMismatch},
	} {
		fmt.Println(r.code, errors.Is(r.err, r.code))
		fmt.Println(" ", r.err)
	}
	// Output:
	// invalid-policy true
	//   triplecrown: cannot score with the zero Policy
	// invalid-scorecard true
	//   triplecrown: cannot score the zero Scorecard
	// invalid-significance-level true
	//   triplecrown: significance level 5 is not strictly between 0 and 1
	// currency-mismatch true
	//   triplecrown: unit "inbound" is in USD but the cost threshold is in EUR
}

// An ROI needs an investment that is there, not negative and not zero, and
// a positive number of periods: a business case with the investment cell
// empty, entered with a refund's minus sign, entered as 0, and with the
// benefit period left at 0.
func ExampleNewROI_codes() {
	for _, r := range []struct {
		spec triplecrown.ROISpec
		code outcome.Code
	}{
		{triplecrown.ROISpec{RevenueGained: eur("420000"), Periods: 24}, triplecrown.ErrMissingMoney},
		{triplecrown.ROISpec{Investment: eur("-250000"), RevenueGained: eur("420000"), Periods: 24}, triplecrown.ErrNegativeMoney},
		{triplecrown.ROISpec{Investment: eur("0"), RevenueGained: eur("420000"), Periods: 24}, triplecrown.ErrInvalidInvestment},
		{triplecrown.ROISpec{Investment: eur("250000"), RevenueGained: eur("420000")}, triplecrown.ErrInvalidPeriods},
	} {
		_, err := triplecrown.NewROI(r.spec)
		fmt.Println(r.code, errors.Is(err, r.code))
		fmt.Println(" ", err)
	}
	// Output:
	// missing-money true
	//   triplecrown: an ROI needs the investment, with its currency
	// negative-money true
	//   triplecrown: the investment -250000 EUR is negative
	// invalid-investment true
	//   triplecrown: an investment of zero has no return ratio
	// invalid-benefit-periods true
	//   triplecrown: the benefit must be over a positive number of periods, not 0
}

// A report's filters arrive as text: a crown that is none ("quality"), a
// contribution asked of service (which has no money to share out), and a
// verdict spelt short.
func ExampleParseCrown_codes() {
	_, err := triplecrown.ParseCrown("quality")
	fmt.Println(errors.Is(err, triplecrown.ErrUnknownCrown), err)
	_, err = triplecrown.NewContributions(triplecrown.Service, contactCentreTeams(), 0)
	fmt.Println(errors.Is(err, triplecrown.ErrUnknownCrown), err)
	_, err = triplecrown.ParseVerdict("triple")
	fmt.Println(errors.Is(err, triplecrown.ErrUnknownVerdict), err)
	// Output:
	// true triplecrown: unknown crown "quality" (want cost, service or revenue)
	// true triplecrown: contributions are of cost or revenue, not service: service is not money
	// true triplecrown: unknown verdict "triple"
}
