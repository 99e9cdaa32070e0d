package triplecrown

import (
	"github.com/cxmodel/cx/internal/equaltest"
	"math"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestThresholds(t *testing.T) {
	rel, err := NewRelativeThreshold(dec("0.02"))
	require.NoError(t, err)
	assert.True(t, rel.IsRelative())
	assert.False(t, rel.IsAbsolute())
	assert.Equal(t, "2%", rel.String())
	assert.True(t, dec("0.02").Equal(rel.Value()))

	abs, err := NewAbsoluteThreshold(dec("0.5"))
	require.NoError(t, err)
	assert.True(t, abs.IsAbsolute())
	assert.Equal(t, "0.5", abs.String())

	mon, err := NewMoneyThreshold(eur("10000"))
	require.NoError(t, err)
	assert.Equal(t, "10000 EUR", mon.String())
	assert.Equal(t, "EUR", mon.Currency().String())
	assert.False(t, mon.Equal(abs))
	assert.True(t, mon.Equal(MustThreshold(NewMoneyThreshold(eur("10000.00")))))

	assert.Equal(t, "any change", Threshold{}.String())
	assert.True(t, Threshold{}.IsZero())

	// 0 to 1 includes both ends: 0% (any change that is not zero) and
	// 100% (a change at least the size of the baseline).
	for _, f := range []string{"0", "1", "1.000"} {
		th, err := NewRelativeThreshold(dec(f))
		require.NoError(t, err, f)
		assert.True(t, th.IsRelative() && dec(f).Equal(th.Value()), f)
	}

	tests := []struct {
		name    string
		make    func() (Threshold, error)
		wantErr error
		msg     string
	}{
		{name: "relative above 100%", make: func() (Threshold, error) { return NewRelativeThreshold(dec("1.01")) },
			wantErr: outcome.ErrInvalidThreshold, msg: "triplecrown: relative threshold 1.01 is outside 0 to 1 (0% to 100%)"},
		{name: "relative negative", make: func() (Threshold, error) { return NewRelativeThreshold(dec("-0.01")) },
			wantErr: outcome.ErrInvalidThreshold},
		{name: "relative out of range", make: func() (Threshold, error) { return NewRelativeThreshold(dec("1e-35")) },
			wantErr: ErrInvalidAmount},
		{name: "absolute negative", make: func() (Threshold, error) { return NewAbsoluteThreshold(dec("-1")) },
			wantErr: outcome.ErrInvalidThreshold, msg: "triplecrown: absolute threshold -1 is negative"},
		{name: "absolute out of range", make: func() (Threshold, error) { return NewAbsoluteThreshold(dec("1e35")) },
			wantErr: ErrInvalidAmount},
		{name: "money negative", make: func() (Threshold, error) { return NewMoneyThreshold(eur("-1")) },
			wantErr: ErrNegativeMoney, msg: "triplecrown: money threshold -1 EUR is negative"},
		{name: "money without currency", make: func() (Threshold, error) { return NewMoneyThreshold(Money{}) },
			wantErr: ErrUnknownCurrency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.make()
			assert.ErrorIs(t, err, tt.wantErr)
			if tt.msg != "" {
				assert.EqualError(t, err, tt.msg)
			}
		})
	}
	assert.Panics(t, func() { MustThreshold(NewAbsoluteThreshold(dec("-1"))) })
}

func policySpec() PolicySpec {
	return PolicySpec{
		Cost:              MustThreshold(NewRelativeThreshold(dec("0.02"))),
		Service:           MustThreshold(NewAbsoluteThreshold(dec("0.25"))),
		Revenue:           MustThreshold(NewRelativeThreshold(dec("0.02"))),
		SignificanceLevel: 0.05,
		Precision:         MustPrecision(4, outcome.RoundHalfEven),
	}
}

func TestNewPolicy(t *testing.T) {
	p, err := NewPolicy(policySpec())
	require.NoError(t, err)
	assert.Equal(t, 0.05, p.SignificanceLevel())
	assert.True(t, p.Precision().Equal(MustPrecision(4, outcome.RoundHalfEven)))
	assert.Equal(t, "2%", p.Threshold(Cost).String())
	assert.Equal(t, "0.25", p.Threshold(Service).String())
	assert.Equal(t, "2%", p.Threshold(Revenue).String())
	assert.True(t, p.Threshold(0).IsZero())
	assert.True(t, p.Equal(MustPolicy(p.Spec())))
	assert.False(t, p.IsZero())
	assert.True(t, Policy{}.IsZero())

	tests := []struct {
		name     string
		edit     func(*PolicySpec)
		wantErrs []error
	}{
		{name: "significance zero", edit: func(s *PolicySpec) { s.SignificanceLevel = 0 }, wantErrs: []error{ErrInvalidSignificance}},
		{name: "significance one", edit: func(s *PolicySpec) { s.SignificanceLevel = 1 }, wantErrs: []error{ErrInvalidSignificance}},
		{name: "significance NaN", edit: func(s *PolicySpec) { s.SignificanceLevel = math.NaN() }, wantErrs: []error{outcome.ErrNotFinite}},
		{name: "significance infinite", edit: func(s *PolicySpec) { s.SignificanceLevel = math.Inf(-1) }, wantErrs: []error{outcome.ErrNotFinite}},
		{name: "no precision", edit: func(s *PolicySpec) { s.Precision = Precision{} }, wantErrs: []error{outcome.ErrUnknownRounding}},
		{name: "money threshold for service", edit: func(s *PolicySpec) { s.Service = MustThreshold(NewMoneyThreshold(eur("1"))) },
			wantErrs: []error{outcome.ErrInvalidThreshold}},
		{name: "all of them", edit: func(s *PolicySpec) { *s = PolicySpec{Service: MustThreshold(NewMoneyThreshold(eur("1")))} },
			wantErrs: []error{outcome.ErrInvalidThreshold, ErrInvalidSignificance, outcome.ErrUnknownRounding}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := policySpec()
			tt.edit(&s)
			_, err := NewPolicy(s)
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for i, want := range tt.wantErrs {
				assert.ErrorIs(t, probs[i], want)
			}
		})
	}
	s := policySpec()
	s.SignificanceLevel = 1.5
	_, err = NewPolicy(s)
	assert.EqualError(t, err, "triplecrown: significance level 1.5 is not strictly between 0 and 1")
	assert.Panics(t, func() { MustPolicy(PolicySpec{}) })
}

// TestNewPolicy_subnormalLevel: a significance level below the smallest
// normal float64, 2^-1022, is refused as no decoder would read it as
// written, with the code of a level out of range; the smallest normal is
// accepted.
func TestNewPolicy_subnormalLevel(t *testing.T) {
	tests := []struct {
		name  string
		level float64
		want  string // the message; "" for none
	}{
		{name: "subnormal", level: 1e-310,
			want: "triplecrown: significance level 1e-310 is below 2.2250738585072014e-308, the smallest positive number held to full precision"},
		{name: "negative subnormal", level: -1e-310,
			want: "triplecrown: significance level -1e-310 is not strictly between 0 and 1"},
		{name: "the smallest normal", level: 0x1p-1022},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := policySpec()
			s.SignificanceLevel = tt.level
			p, err := NewPolicy(s)
			if tt.want == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.level, p.SignificanceLevel())
				return
			}
			require.Len(t, outcome.Problems(err), 1)
			assert.ErrorIs(t, err, ErrInvalidSignificance)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestPolicySpec_Equal(t *testing.T) {
	b := policySpec()
	b.Cost = MustThreshold(NewRelativeThreshold(dec("0.020")))
	b.Service = MustThreshold(NewAbsoluteThreshold(dec("0.2500")))
	equaltest.Check(t, equaltest.Case[PolicySpec]{Equal: PolicySpec.Equal, Base: func() PolicySpec { return policySpec() },
		Twins: []equaltest.Twins[PolicySpec]{{Name: "decimals at other scales", A: policySpec(), B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[PolicySpec]{
			{Field: "Cost", What: `s.Cost = MustThreshold(NewRelativeThreshold(dec("0.03")))`, Apply: func(s *PolicySpec) { s.Cost = MustThreshold(NewRelativeThreshold(dec("0.03"))) }},
			{Field: "Service", What: `s.Service = Threshold{}`, Apply: func(s *PolicySpec) { s.Service = Threshold{} }},
			{Field: "Revenue", What: `s.Revenue = MustThreshold(NewAbsoluteThreshold(dec("0.02")))`, Apply: func(s *PolicySpec) { s.Revenue = MustThreshold(NewAbsoluteThreshold(dec("0.02"))) }},
			{Field: "SignificanceLevel", What: `s.SignificanceLevel = 0.01`, Apply: func(s *PolicySpec) { s.SignificanceLevel = 0.01 }},
			{Field: "Precision", What: `s.Precision = MustPrecision(4, outcome.RoundHalfUp)`, Apply: func(s *PolicySpec) { s.Precision = MustPrecision(4, outcome.RoundHalfUp) }},
		},
	})
	// A policy is Equal as its spec is.
	assert.True(t, MustPolicy(policySpec()).Equal(MustPolicy(b)))
	b.SignificanceLevel = 0.1
	assert.False(t, MustPolicy(policySpec()).Equal(MustPolicy(b)))
}
