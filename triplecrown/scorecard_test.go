package triplecrown

import (
	"github.com/cxmodel/cx/internal/equaltest"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spec returns a valid scorecard spec: cost 1,000,000 -> 900,000 EUR,
// revenue 2,000,000 -> 2,300,000 EUR, time to respond 4.0 -> 3.0 hours
// (means of 400 requests, sd 1.5 and 1.2).
func spec(unit string) ScorecardSpec {
	return ScorecardSpec{
		Unit:    unit,
		Period:  "2025",
		Cost:    Amounts{Baseline: eur("1000000"), Actual: eur("900000")},
		Revenue: Amounts{Baseline: eur("2000000"), Actual: eur("2300000")},
		Service: ServiceSpec{
			Name: "time to respond", Unit: "hours", Direction: outcome.LowerIsBetter,
			Baseline: mustMeasure(NewMean(dec("4.0"), 1.5, 400)),
			Actual:   mustMeasure(NewMean(dec("3.0"), 1.2, 400)),
		},
	}
}

func TestNewScorecard(t *testing.T) {
	c, err := NewScorecard(spec("sales"))
	require.NoError(t, err)
	assert.Equal(t, "sales", c.Unit())
	assert.Equal(t, "2025", c.Period())
	assert.Equal(t, "", c.Name())
	assert.Equal(t, "EUR", c.Currency().String())
	assert.True(t, c.Cost().Equal(spec("sales").Cost))
	assert.True(t, c.Revenue().Equal(spec("sales").Revenue))
	assert.True(t, c.Service().Equal(spec("sales").Service))
	assert.True(t, c.Equal(MustScorecard(c.Spec())))
	assert.False(t, c.IsZero())
	assert.True(t, Scorecard{}.IsZero())
	assert.False(t, c.Equal(MustScorecard(spec("service"))))
}

func TestNewScorecard_errors(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*ScorecardSpec)
		wantErrs []error
	}{
		{name: "empty unit", edit: func(s *ScorecardSpec) { s.Unit = " " }, wantErrs: []error{outcome.ErrEmptyID}},
		{name: "no period", edit: func(s *ScorecardSpec) { s.Period = "" }, wantErrs: []error{ErrEmptyPeriod}},
		{name: "negative cost", edit: func(s *ScorecardSpec) { s.Cost.Actual = eur("-1") }, wantErrs: []error{ErrNegativeMoney}},
		{name: "negative revenue", edit: func(s *ScorecardSpec) { s.Revenue.Baseline = eur("-1") }, wantErrs: []error{ErrNegativeMoney}},
		{name: "missing cost", edit: func(s *ScorecardSpec) { s.Cost.Baseline = Money{} }, wantErrs: []error{ErrMissingMoney}},
		{name: "mixed currencies", edit: func(s *ScorecardSpec) { s.Revenue.Actual = MustMoney("1", "USD") }, wantErrs: []error{ErrCurrencyMismatch}},
		{name: "service without name", edit: func(s *ScorecardSpec) { s.Service.Name = "" }, wantErrs: []error{outcome.ErrEmptyName}},
		{name: "service without direction", edit: func(s *ScorecardSpec) { s.Service.Direction = 0 }, wantErrs: []error{outcome.ErrUnknownDirection}},
		{name: "service without measures", edit: func(s *ScorecardSpec) { s.Service.Baseline, s.Service.Actual = Measure{}, Measure{} },
			wantErrs: []error{ErrInvalidMeasure, ErrInvalidMeasure}},
		{name: "rate against mean", edit: func(s *ScorecardSpec) { s.Service.Actual = mustMeasure(NewRate(1, 2)) }, wantErrs: []error{ErrServiceMismatch}},
		{name: "text not UTF-8", edit: func(s *ScorecardSpec) {
			s.Name, s.Period, s.Service.Name, s.Service.Unit = "caf\xe9", "2025\xff", "time\xc3", "\x80"
		}, wantErrs: []error{outcome.ErrInvalidText, outcome.ErrInvalidText, outcome.ErrInvalidText, outcome.ErrInvalidText}},
		{name: "everything at once", edit: func(s *ScorecardSpec) {
			*s = ScorecardSpec{Unit: "x", Cost: Amounts{Baseline: eur("-5"), Actual: MustMoney("1", "USD")}}
		}, wantErrs: []error{ErrEmptyPeriod, ErrNegativeMoney, ErrCurrencyMismatch, ErrMissingMoney, ErrMissingMoney,
			outcome.ErrEmptyName, outcome.ErrUnknownDirection, ErrInvalidMeasure, ErrInvalidMeasure}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := spec("sales")
			tt.edit(&s)
			c, err := NewScorecard(s)
			require.Error(t, err)
			assert.True(t, c.IsZero())
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for i, want := range tt.wantErrs {
				assert.ErrorIs(t, probs[i], want, "problem %d", i)
			}
		})
	}
	s := spec("sales")
	s.Revenue.Actual = MustMoney("1", "USD")
	_, err := NewScorecard(s)
	assert.EqualError(t, err, `triplecrown: unit "sales" has its actual revenue in USD, not EUR: one scorecard has one currency`)
	s = spec("sales")
	s.Cost.Actual = eur("-1")
	_, err = NewScorecard(s)
	assert.EqualError(t, err, `triplecrown: unit "sales" has a negative actual cost (-1 EUR)`)
	var e *outcome.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, []string{"sales"}, e.IDs)
	s = spec(strings.Repeat("u", 100))
	s.Period = ""
	_, err = NewScorecard(s)
	assert.EqualError(t, err, `triplecrown: unit "`+strings.Repeat("u", 64)+`..." has no period`, "user text is clipped")
	assert.Panics(t, func() { MustScorecard(ScorecardSpec{}) })
	s = spec("sales")
	s.Period = "2025\xff"
	_, err = NewScorecard(s)
	assert.EqualError(t, err, `triplecrown: unit "sales" has a period that is not valid UTF-8: "2025\xff"`)
}

func TestScorecardSpec_Equal(t *testing.T) {
	a := spec("sales")
	a.Name = "Sales"
	b := scaledSpec("sales")
	b.Name = "Sales"
	equaltest.Check(t, equaltest.Case[ScorecardSpec]{Equal: ScorecardSpec.Equal, Base: func() ScorecardSpec { return a },
		Twins: []equaltest.Twins[ScorecardSpec]{{Name: "decimals at other scales", A: a, B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[ScorecardSpec]{
			{Field: "Unit", What: `s.Unit = "billing"`, Apply: func(s *ScorecardSpec) { s.Unit = "billing" }},
			{Field: "Name", What: `s.Name = ""`, Apply: func(s *ScorecardSpec) { s.Name = "" }},
			{Field: "Period", What: `s.Period = "2026"`, Apply: func(s *ScorecardSpec) { s.Period = "2026" }},
			{Field: "Cost", What: `s.Cost.Actual = eur("900001")`, Apply: func(s *ScorecardSpec) { s.Cost.Actual = eur("900001") }},
			{Field: "Revenue", What: `s.Revenue.Baseline = eur("1")`, Apply: func(s *ScorecardSpec) { s.Revenue.Baseline = eur("1") }},
			{Field: "Service", What: `s.Service.Direction = outcome.HigherIsBetter`, Apply: func(s *ScorecardSpec) { s.Service.Direction = outcome.HigherIsBetter }},
		},
	})
	// A scorecard is Equal as its spec is.
	assert.True(t, MustScorecard(a).Equal(MustScorecard(b)))
	b.Period = "2026"
	assert.False(t, MustScorecard(a).Equal(MustScorecard(b)))
}
