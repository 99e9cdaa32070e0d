package triplecrown

import (
	"encoding/json"
	"github.com/cxmodel/cx/internal/equaltest"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func usd(s string) Money { return MustMoney(s, "USD") }

func TestNewROI(t *testing.T) {
	// The method's figure: an additional $700 million within 3 years (36
	// months); suppose $100 million invested. Net 600M; ratio 600/100 = 6;
	// benefit ratio 7; payback 100 * 36 / 700 = 5.142857... months.
	r, err := NewROI(ROISpec{Investment: usd("100000000"), RevenueGained: usd("700000000"), Periods: 36})
	require.NoError(t, err)
	assert.True(t, usd("700000000").Equal(r.Benefit()))
	assert.True(t, usd("600000000").Equal(r.Net()))
	rd := MustPrecision(2, outcome.RoundHalfUp)
	assert.True(t, dec("6").Equal(r.Ratio(rd)))
	assert.True(t, dec("7").Equal(r.BenefitRatio(rd)))
	p, ok := r.Payback(rd)
	require.True(t, ok)
	assert.True(t, dec("5.14").Equal(p), "got %s", p)
	assert.Equal(t, int64(36), r.Periods())
	assert.True(t, usd("100000000").Equal(r.Investment()))
	assert.True(t, r.CostSaved().IsZero())
	assert.True(t, usd("700000000").Equal(r.RevenueGained()))
	assert.True(t, r.Equal(mustROI(NewROI(r.Spec()))))
	assert.False(t, r.IsZero())

	// Cost saved and revenue gained add: 30 + 50 = 80 against 100 over 12
	// months: ratio -0.2, payback 100*12/80 = 15 months.
	r, err = NewROI(ROISpec{Investment: usd("100"), CostSaved: usd("30"), RevenueGained: usd("50"), Periods: 12})
	require.NoError(t, err)
	assert.True(t, dec("-0.2").Equal(r.Ratio(rd)))
	p, ok = r.Payback(rd)
	assert.True(t, ok)
	assert.True(t, dec("15").Equal(p))

	// Nothing gained: never repaid.
	r, err = NewROI(ROISpec{Investment: usd("100"), Periods: 12})
	require.NoError(t, err)
	assert.True(t, usd("0").Equal(r.Benefit()))
	_, ok = r.Payback(rd)
	assert.False(t, ok)
	assert.True(t, dec("-1").Equal(r.Ratio(rd)))
}

func mustROI(r ROI, err error) ROI {
	if err != nil {
		panic(err)
	}
	return r
}

func TestNewROI_errors(t *testing.T) {
	tests := []struct {
		name     string
		spec     ROISpec
		wantErrs []error
	}{
		{name: "no investment", spec: ROISpec{Periods: 1}, wantErrs: []error{ErrMissingMoney}},
		{name: "negative investment", spec: ROISpec{Investment: usd("-1"), Periods: 1}, wantErrs: []error{ErrNegativeMoney}},
		{name: "zero investment", spec: ROISpec{Investment: usd("0"), Periods: 1}, wantErrs: []error{ErrInvalidInvestment}},
		{name: "no periods", spec: ROISpec{Investment: usd("1")}, wantErrs: []error{ErrInvalidPeriods}},
		{name: "benefit in another currency", spec: ROISpec{Investment: usd("1"), CostSaved: eur("1"), Periods: 1},
			wantErrs: []error{ErrCurrencyMismatch}},
		{name: "benefits in two currencies", spec: ROISpec{Investment: usd("1"), CostSaved: eur("1"), RevenueGained: usd("1"), Periods: 1},
			wantErrs: []error{ErrCurrencyMismatch}},
		{name: "everything", spec: ROISpec{Investment: usd("0"), CostSaved: eur("1"), Periods: -1},
			wantErrs: []error{ErrInvalidInvestment, ErrInvalidPeriods, ErrCurrencyMismatch}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewROI(tt.spec)
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for i, want := range tt.wantErrs {
				assert.ErrorIs(t, probs[i], want)
			}
		})
	}
	_, err := NewROI(ROISpec{Investment: usd("0"), Periods: 1})
	assert.EqualError(t, err, "triplecrown: an investment of zero has no return ratio")
}

// TestNewROI_currencyNamesThePart: an amount in another currency than the
// investment's is a problem of its part, which the message names with the
// amount and both currencies, each part that differs once, in the order of
// the fields; with no investment, the cost saved sets the currency.
func TestNewROI_currencyNamesThePart(t *testing.T) {
	tests := []struct {
		name string
		spec ROISpec
		want []string
	}{
		{"cost saved", ROISpec{Investment: usd("10"), CostSaved: eur("1"), RevenueGained: usd("2"), Periods: 1},
			[]string{"triplecrown: ROI, cost saved: 1 EUR is not in USD, the currency of the investment: one ROI has one currency"}},
		{"revenue gained", ROISpec{Investment: usd("10"), CostSaved: usd("1"), RevenueGained: eur("2"), Periods: 1},
			[]string{"triplecrown: ROI, revenue gained: 2 EUR is not in USD, the currency of the investment: one ROI has one currency"}},
		{"both", ROISpec{Investment: usd("10"), CostSaved: eur("1"), RevenueGained: eur("2"), Periods: 1},
			[]string{"triplecrown: ROI, cost saved: 1 EUR is not in USD, the currency of the investment: one ROI has one currency",
				"triplecrown: ROI, revenue gained: 2 EUR is not in USD, the currency of the investment: one ROI has one currency"}},
		{"no investment", ROISpec{CostSaved: eur("1"), RevenueGained: usd("2"), Periods: 1},
			[]string{"triplecrown: an ROI needs the investment, with its currency",
				"triplecrown: ROI, revenue gained: 2 USD is not in EUR, the currency of the cost saved: one ROI has one currency"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewROI(tt.spec)
			var got []string
			for _, p := range outcome.Problems(err) {
				got = append(got, p.Message)
				assert.Empty(t, p.IDs)
			}
			assert.Equal(t, tt.want, got)
			assert.ErrorIs(t, err, ErrCurrencyMismatch)
		})
	}
	// From JSON, the same, after the problems of the JSON form.
	var r ROI
	err := json.Unmarshal([]byte(`{"investment":{"amount":"10","currency":"USD"},"costSaved":{"amount":"1","currency":"EUR"},"periods":"1"}`), &r)
	var got []string
	for _, p := range outcome.Problems(err) {
		got = append(got, p.Message)
	}
	assert.Equal(t, []string{`triplecrown: invalid JSON: "periods" must be an integer, not the string "1"`,
		"triplecrown: ROI, cost saved: 1 EUR is not in USD, the currency of the investment: one ROI has one currency"}, got)
}

func TestNewROI_bounds(t *testing.T) {
	var err error

	// Beyond the bounds: a benefit of forty nines plus one is 10^40, 41
	// digits; a benefit of minus forty nines less an investment of 1 is
	// -10^40. Benefit and Net would return them.
	nines := strings.Repeat("9", 40)
	_, err = NewROI(ROISpec{Investment: usd("1"), CostSaved: usd(nines), RevenueGained: usd("1"), Periods: 1})
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.Contains(t, err.Error(), "the sum of "+nines+" USD and 1 USD with 41 digits")
	_, err = NewROI(ROISpec{Investment: usd("1"), CostSaved: usd("-" + nines), Periods: 1})
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.Contains(t, err.Error(), "the difference of -"+nines+" USD and 1 USD with 41 digits")
}

func TestNewROIFromScorecard(t *testing.T) {
	// The spec's card saves 100,000 EUR of cost and gains 300,000 of
	// revenue: benefit 400,000 against 200,000 over 12 months; ratio 1,
	// payback 200,000 * 12 / 400,000 = 6 months.
	r, err := NewROIFromScorecard(eur("200000"), MustScorecard(spec("x")), 12)
	require.NoError(t, err)
	assert.True(t, eur("100000").Equal(r.CostSaved()))
	assert.True(t, eur("300000").Equal(r.RevenueGained()))
	assert.True(t, dec("1").Equal(r.Ratio(MustPrecision(2, outcome.RoundHalfEven))))
	p, _ := r.Payback(MustPrecision(2, outcome.RoundHalfEven))
	assert.True(t, dec("6").Equal(p))
	_, err = NewROIFromScorecard(eur("1"), Scorecard{}, 12)
	assert.ErrorIs(t, err, ErrInvalidScorecard)
	// One problem is the *outcome.Error itself, not a joined error of one.
	var one *outcome.Error
	require.ErrorAs(t, err, &one)
	assert.Same(t, one, err)
	_, err = NewROIFromScorecard(usd("1"), MustScorecard(spec("x")), 12)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	// A cost of 1e30 down to 1e-30 saves sixty nines at exponent -30,
	// beyond MaxDigits.
	wide := spec("x")
	wide.Cost = Amounts{Baseline: eur("1e30"), Actual: eur("1e-30")}
	_, err = NewROIFromScorecard(eur("1"), MustScorecard(wide), 12)
	assert.ErrorIs(t, err, ErrInvalidAmount)
	ps := outcome.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, []string{"x"}, ps[0].IDs)
	assert.Equal(t, `triplecrown: the cost saved of unit "x" with 60 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`, ps[0].Message)
	// Revenue of 1e-30 up to 1e30 gains as many digits, and both fields
	// wrong are both reported, each named.
	wide.Revenue = Amounts{Baseline: eur("1e-30"), Actual: eur("1e30")}
	_, err = NewROIFromScorecard(eur("1"), MustScorecard(wide), 12)
	ps = outcome.Problems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, []string{"x"}, ps[1].IDs)
	assert.Equal(t, `triplecrown: the revenue gained of unit "x" with 60 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`, ps[1].Message)

	// The card's problems do not hide the investment's, the periods' or
	// the currencies': the card's first, then NewROI's in its order.
	_, err = NewROIFromScorecard(Money{}, Scorecard{}, 0)
	assert.EqualError(t, err, "triplecrown: cannot take an ROI from the zero Scorecard\n"+
		"triplecrown: an ROI needs the investment, with its currency\n"+
		"triplecrown: the benefit must be over a positive number of periods, not 0")
	ps = outcome.Problems(err)
	require.Len(t, ps, 3)
	assert.Equal(t, []outcome.Code{ErrInvalidScorecard, ErrMissingMoney, ErrInvalidPeriods}, []outcome.Code{ps[0].Code, ps[1].Code, ps[2].Code})
	// A cost saved beyond the bounds, a negative investment in dollars,
	// and the card's euros: the revenue gained (300,000 EUR) is not in
	// dollars either; the benefit, which holds the cost saved, is not
	// checked.
	wide = spec("x")
	wide.Cost = Amounts{Baseline: eur("1e30"), Actual: eur("1e-30")}
	_, err = NewROIFromScorecard(usd("-1"), MustScorecard(wide), -12)
	nines := strings.Repeat("9", 60)
	assert.EqualError(t, err, `triplecrown: the cost saved of unit "x" with 60 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`+"\n"+
		"triplecrown: the investment -1 USD is negative\n"+
		"triplecrown: the benefit must be over a positive number of periods, not -12\n"+
		"triplecrown: ROI, cost saved: "+nines[:30]+"."+nines[30:]+" EUR is not in USD, the currency of the investment: one ROI has one currency\n"+
		"triplecrown: ROI, revenue gained: 300000 EUR is not in USD, the currency of the investment: one ROI has one currency")
	// In one currency, the card's problem alone: the benefit is not
	// checked, and nothing else is wrong.
	_, err = NewROIFromScorecard(eur("1"), MustScorecard(wide), 12)
	assert.Len(t, outcome.Problems(err), 1)
}

func TestROISpec_Equal(t *testing.T) {
	a := ROISpec{Investment: usd("100"), CostSaved: usd("30"), RevenueGained: usd("90"), Periods: 12}
	b := ROISpec{Investment: usd("100.00"), CostSaved: usd("30.0"), RevenueGained: usd("90.000"), Periods: 12}
	equaltest.Check(t, equaltest.Case[ROISpec]{Equal: ROISpec.Equal, Base: func() ROISpec { return a },
		Twins: []equaltest.Twins[ROISpec]{{Name: "decimals at other scales", A: a, B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[ROISpec]{
			{Field: "Investment", What: `s.Investment = usd("101")`, Apply: func(s *ROISpec) { s.Investment = usd("101") }},
			{Field: "CostSaved", What: `s.CostSaved = Money{}`, Apply: func(s *ROISpec) { s.CostSaved = Money{} }},
			{Field: "RevenueGained", What: `s.RevenueGained = eur("90")`, Apply: func(s *ROISpec) { s.RevenueGained = eur("90") }},
			{Field: "Periods", What: `s.Periods = 36`, Apply: func(s *ROISpec) { s.Periods = 36 }},
		},
	})
	// An ROI is Equal as its spec is.
	ra, rb := mustROI(NewROI(a)), mustROI(NewROI(b))
	assert.True(t, ra.Equal(rb))
	b.Periods = 24
	assert.False(t, ra.Equal(mustROI(NewROI(b))))
}
