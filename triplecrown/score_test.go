package triplecrown

import (
	"encoding/json"
	"github.com/cxmodel/cx/internal/equaltest"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScore_tripleCrown(t *testing.T) {
	s, err := MustScorecard(spec("sales")).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "sales", s.Unit())
	assert.Equal(t, "2025", s.Period())
	assert.Equal(t, TripleCrown, s.Verdict())
	assert.Equal(t, 3, s.CrownsWon())
	assert.Equal(t, "triple crown: cost, service and revenue won", s.Reason())

	// Cost 1,000,000 -> 900,000: -100,000, -10% of 1,000,000.
	c := s.Cost()
	assert.True(t, dec("-100000").Equal(c.Change()))
	rel, ok := c.Relative()
	require.True(t, ok)
	assert.True(t, dec("-0.1").Equal(rel))
	assert.True(t, c.Material())
	assert.False(t, c.Tested())
	assert.True(t, c.Improved())
	assert.Equal(t, outcome.LowerIsBetter, c.Direction())
	assert.Equal(t, "EUR", c.Currency().String())
	assert.True(t, dec("1000000").Equal(c.Baseline()))
	assert.True(t, dec("900000").Equal(c.Actual()))
	assert.Equal(t, "2%", c.Threshold().String())
	assert.False(t, c.Worsened())
	assert.Equal(t, "cost fell from 1000000 EUR to 900000 EUR (-100000 EUR, -10.00%), meeting the materiality threshold of 2%: won", c.Reason())

	// Revenue 2,000,000 -> 2,300,000: +300,000, +15%.
	r := s.Revenue()
	assert.True(t, dec("300000").Equal(r.Change()))
	rel, _ = r.Relative()
	assert.True(t, dec("0.15").Equal(rel))
	assert.Equal(t, Won, r.Status())

	// Time to respond 4.0 -> 3.0 hours: -1.0 (-25%); SE = sqrt(1.5²/400 +
	// 1.2²/400) = sqrt(0.009225) = 0.0960469, z = -10.4116, two-sided
	// p = erfc(10.4116/sqrt 2) = 2.195e-25 (computed with Python's math.erfc).
	sv := s.Service()
	assert.True(t, dec("-1").Equal(sv.Change()))
	rel, _ = sv.Relative()
	assert.True(t, dec("-0.25").Equal(rel))
	assert.True(t, sv.Tested())
	assert.InDelta(t, 2.195376550783788e-25, sv.PValue(), 1e-30)
	assert.Equal(t, 0.05, sv.SignificanceLevel())
	name, unit := sv.Measure()
	assert.Equal(t, "time to respond", name)
	assert.Equal(t, "hours", unit)
	name, unit = c.Measure()
	assert.Empty(t, name+unit, "cost has no measure name or unit, only a currency")
	name, unit = r.Measure()
	assert.Empty(t, name+unit)
	assert.Equal(t, "time to respond fell from 4 hours to 3 hours (-1 hours, -25.00%), meeting the materiality threshold of 0.25 and significant (p = 2.195e-25 < 0.05): won", sv.Reason())
	assert.Equal(t, []CrownScore{c, sv, r}, collect(s))
	assert.Equal(t, Service, s.Crown(Service).Crown())
	assert.True(t, s.Crown(0).IsZero())
}

// TestScore_decimalSettingsIgnored: reasons, thresholds, measures and
// messages write decimals as decimal's String does by default, whatever
// TrimTrailingZeros and UseScientificNotation say: the mean 4.0 as "4", the
// threshold 0.02 as "2%", 0.0400 as "0.04", -0.50 as "-0.5" (the texts as in
// TestScore_tripleCrown). It changes those settings, so it must not run in
// parallel.
func TestScore_decimalSettingsIgnored(t *testing.T) {
	dectest.FlipSettings(t)
	s, err := MustScorecard(spec("sales")).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "cost fell from 1000000 EUR to 900000 EUR (-100000 EUR, -10.00%), meeting the materiality threshold of 2%: won", s.Cost().Reason())
	assert.Equal(t, "time to respond fell from 4 hours to 3 hours (-1 hours, -25.00%), meeting the materiality threshold of 0.25 and significant (p = 2.195e-25 < 0.05): won", s.Service().Reason())
	assert.Equal(t, "2%", s.Cost().Threshold().String())
	assert.Equal(t, "0.04", MustThreshold(NewAbsoluteThreshold(dec("0.0400"))).String())
	// 4.0 to 4 places is 4.0000, written "4".
	assert.Equal(t, "4 (mean of 400, sd 1.5)", mustMeasure(NewMean(dec("4.0"), 1.5, 400)).String())
	// 7·10^1 is 70; weight 2.50 is 2.5.
	assert.Equal(t, "70 (weight 2.5)", mustMeasure(NewWeightedValue(decimal.New(7, 1), dec("2.50"))).String())
	_, err = NewAbsoluteThreshold(dec("-0.50"))
	assert.EqualError(t, err, "triplecrown: absolute threshold -0.5 is negative")
	// Money keeps its places (1.50 EUR), and 9·10^5 EUR is 900000 EUR.
	m, err := NewMoney(decimal.New(9, 5), "EUR")
	require.NoError(t, err)
	assert.Equal(t, "900000 EUR", m.String())
	assert.Equal(t, "1.50 EUR", MustMoney("1.50", "EUR").String())
}

func collect(s Score) []CrownScore {
	var out []CrownScore
	for c := range s.All() {
		out = append(out, c)
	}
	return out
}

func TestScore_statuses(t *testing.T) {
	rate := func(s, n int64) Measure { return mustMeasure(NewRate(s, n)) }
	value := func(v string) Measure { return mustMeasure(NewValue(dec(v))) }
	tests := []struct {
		name    string
		edit    func(*ScorecardSpec, *PolicySpec)
		crown   Crown
		want    Status
		verdict Verdict
		reason  string
	}{
		{
			// Cost 1,000,000 -> 1,100,000 (+10%) buys revenue +15%.
			name: "revenue bought with cost", crown: Cost, want: Lost, verdict: TradeOff,
			edit:   func(s *ScorecardSpec, _ *PolicySpec) { s.Cost.Actual = eur("1100000") },
			reason: "cost rose from 1000000 EUR to 1100000 EUR (+100000 EUR, +10.00%), meeting the materiality threshold of 2%: lost",
		},
		{
			// Cost +10%, revenue 2,000,000 -> 1,900,000 (-5%), service
			// flat (4.0 -> 4.0): nothing won, two crowns lost.
			name: "ground lost", crown: Revenue, want: Lost, verdict: LostGround,
			edit: func(s *ScorecardSpec, _ *PolicySpec) {
				s.Cost.Actual, s.Revenue.Actual = eur("1100000"), eur("1900000")
				s.Service.Actual = mustMeasure(NewMean(dec("4.0"), 1.5, 400))
			},
			reason: "revenue fell from 2000000 EUR to 1900000 EUR (-100000 EUR, -5.00%), meeting the materiality threshold of 2%: lost",
		},
		{
			// 1000 -> 990 is -1%, within 2%.
			name: "within materiality", crown: Cost, want: Flat, verdict: DoubleCrown,
			edit: func(s *ScorecardSpec, _ *PolicySpec) {
				s.Cost = Amounts{Baseline: eur("1000"), Actual: eur("990")}
			},
			reason: "cost fell from 1000 EUR to 990 EUR (-10 EUR, -1.00%), within the materiality threshold of 2%: flat",
		},
		{
			// 1000 -> 980 is exactly -2%: meeting the threshold counts.
			name: "exactly at the threshold", crown: Cost, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, _ *PolicySpec) { s.Cost = Amounts{Baseline: eur("1000"), Actual: eur("980")} },
		},
		{
			name: "no change", crown: Cost, want: Flat, verdict: DoubleCrown,
			edit:   func(s *ScorecardSpec, _ *PolicySpec) { s.Cost.Actual = eur("1000000.00") },
			reason: "cost did not change from 1000000 EUR: flat",
		},
		{
			// Revenue from 0 to 500: no relative change, but material.
			name: "zero baseline", crown: Revenue, want: Won, verdict: TripleCrown,
			edit:   func(s *ScorecardSpec, _ *PolicySpec) { s.Revenue = Amounts{Baseline: eur("0"), Actual: eur("500")} },
			reason: "revenue rose from 0 EUR to 500 EUR (+500 EUR; no relative change from a baseline of zero), meeting the materiality threshold of 2%: won",
		},
		{
			// A change of 9,999.99 misses a 10,000 EUR threshold.
			name: "money threshold missed", crown: Cost, want: Flat, verdict: DoubleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Cost = Amounts{Baseline: eur("50000"), Actual: eur("40000.01")}
				p.Cost = MustThreshold(NewMoneyThreshold(eur("10000")))
			},
			reason: "cost fell from 50000 EUR to 40000.01 EUR (-9999.99 EUR, -20.00%), within the materiality threshold of 10000 EUR: flat",
		},
		{
			// Any change counts under the zero threshold.
			name: "any change counts", crown: Cost, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Cost = Amounts{Baseline: eur("1000"), Actual: eur("999.99")}
				p.Cost = Threshold{}
			},
			// -0.01/1000 = -0.00001, 0 at four places: less than 0.0001,
			// which is 0.01%.
			reason: "cost fell from 1000 EUR to 999.99 EUR (-0.01 EUR, less than 0.01%), material (any change counts): won",
		},
		{
			// First-contact resolution 780/1000 -> 700/1000: pooled p = 0.74,
			// SE = sqrt(0.74*0.26*0.002) = 0.0196163, z = -4.0782,
			// p = 4.538e-5: significant, and worse.
			name: "service got worse", crown: Service, want: Lost, verdict: TradeOff,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
					Baseline: rate(780, 1000), Actual: rate(700, 1000)}
				p.Service = MustThreshold(NewRelativeThreshold(dec("0.01")))
			},
			reason: "first-contact resolution fell from 0.78 to 0.7 (-0.08, -10.26%), meeting the materiality threshold of 1% and significant (p = 4.538e-05 < 0.05): lost",
		},
		{
			// 780/1000 -> 800/1000: +2.56%, material; pooled p = 0.79,
			// SE = 0.0182154, z = 1.0980, p = 0.2722: not significant.
			name: "inconclusive", crown: Service, want: Inconclusive, verdict: DoubleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
					Baseline: rate(780, 1000), Actual: rate(800, 1000)}
				p.Service = MustThreshold(NewRelativeThreshold(dec("0.01")))
			},
			reason: "first-contact resolution rose from 0.78 to 0.8 (+0.02, +2.56%), meeting the materiality threshold of 1%, but not significant (p = 0.2722, not below 0.05): inconclusive",
		},
		{
			// NPS -20 -> -10 (higher is better): +10 over |-20| = +50%.
			name: "negative baseline", crown: Service, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "NPS", Unit: "points", Direction: outcome.HigherIsBetter,
					Baseline: value("-20"), Actual: value("-10")}
				p.Service = MustThreshold(NewAbsoluteThreshold(dec("5")))
			},
			reason: "NPS rose from -20 points to -10 points (+10 points, +50.00%), meeting the materiality threshold of 5: won",
		},
		{
			// 50,000 -> 40,000 is a change of exactly the 10,000 EUR
			// threshold: at least the threshold, so material.
			name: "exactly at a money threshold", crown: Cost, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Cost = Amounts{Baseline: eur("50000"), Actual: eur("40000")}
				p.Cost = MustThreshold(NewMoneyThreshold(eur("10000")))
			},
			reason: "cost fell from 50000 EUR to 40000 EUR (-10000 EUR, -20.00%), meeting the materiality threshold of 10000 EUR: won",
		},
		{
			// NPS 30 -> 35 is exactly the absolute threshold of 5.
			name: "exactly at an absolute threshold", crown: Service, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "NPS", Direction: outcome.HigherIsBetter, Baseline: value("30"), Actual: value("35")}
				p.Service = MustThreshold(NewAbsoluteThreshold(dec("5")))
			},
			// +5/30 = 0.16666... is +16.67% at four places, half-even.
			reason: "NPS rose from 30 to 35 (+5, +16.67%), meeting the materiality threshold of 5: won",
		},
		{
			// Values have no sample: judged on materiality alone.
			name: "value within absolute threshold", crown: Service, want: Flat, verdict: DoubleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "NPS", Direction: outcome.HigherIsBetter, Baseline: value("30"), Actual: value("34")}
				p.Service = MustThreshold(NewAbsoluteThreshold(dec("5")))
			},
		},
		{
			name: "service from zero", crown: Service, want: Lost, verdict: TradeOff,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "complaints", Direction: outcome.LowerIsBetter, Baseline: value("0"), Actual: value("3")}
				p.Service = MustThreshold(NewRelativeThreshold(dec("0.5")))
			},
			reason: "complaints rose from 0 to 3 (+3; no relative change from a baseline of zero), meeting the materiality threshold of 50%: lost",
		},
		{
			// A change too small to show at four places still has a sign.
			name: "tiny service change", crown: Service, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, p *PolicySpec) {
				s.Service = ServiceSpec{Name: "score", Direction: outcome.HigherIsBetter, Baseline: value("1"), Actual: value("1.00001")}
				p.Service = Threshold{}
			},
		},
		{
			// Two means with no spread: any difference is certain (p = 0).
			name: "means without spread", crown: Service, want: Won, verdict: TripleCrown,
			edit: func(s *ScorecardSpec, _ *PolicySpec) {
				s.Service.Baseline = mustMeasure(NewMean(dec("4"), 0, 10))
				s.Service.Actual = mustMeasure(NewMean(dec("3"), 0, 10))
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, ps := spec("u"), policySpec()
			tt.edit(&cs, &ps)
			s, err := MustScorecard(cs).Score(MustPolicy(ps))
			require.NoError(t, err)
			got := s.Crown(tt.crown)
			assert.Equal(t, tt.want, got.Status(), got.Reason())
			assert.Equal(t, tt.verdict, s.Verdict(), s.Reason())
			if tt.reason != "" {
				assert.Equal(t, tt.reason, got.Reason())
			}
		})
	}
}

// TestScore_significanceBoundary: a tested change is significant when its
// p-value is below the level, so one whose p-value equals the level is
// inconclusive, and won at the next float64 above it. First-contact
// resolution 780/1000 -> 800/1000 has p = 0.2722 ("inconclusive" in
// TestScore_statuses); its p-value is the level here.
func TestScore_significanceBoundary(t *testing.T) {
	cs, ps := spec("u"), policySpec()
	cs.Service = ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
		Baseline: mustMeasure(NewRate(780, 1000)), Actual: mustMeasure(NewRate(800, 1000))}
	ps.Service = MustThreshold(NewRelativeThreshold(dec("0.01")))
	s, err := MustScorecard(cs).Score(MustPolicy(ps))
	require.NoError(t, err)
	p := s.Service().PValue()
	require.InDelta(t, 0.2722, p, 0.0001)

	ps.SignificanceLevel = p
	s, err = MustScorecard(cs).Score(MustPolicy(ps))
	require.NoError(t, err)
	assert.Equal(t, Inconclusive, s.Service().Status(), s.Service().Reason())
	assert.Contains(t, s.Service().Reason(), ", but not significant (p = 0.2722, not below ")

	ps.SignificanceLevel = math.Nextafter(p, 1)
	s, err = MustScorecard(cs).Score(MustPolicy(ps))
	require.NoError(t, err)
	assert.Equal(t, Won, s.Service().Status(), s.Service().Reason())
}

// TestCrownScore_changeRoundsToZero: a time to respond that fell from 4.123
// to 4.121 hours fell by 0.002, past an absolute threshold of 0.001: won.
// At two places the baseline and the actual are both 4.12 and the change
// -0.002 is 0, as is the relative change -0.002/4.123 = -0.000485...; the
// reason says both are less than one unit in their last place (0.01 hours,
// and 0.01 as a fraction, 1%), and the JSON carries the direction and the
// exact change, -0.002 over weights 1·1.
func TestCrownScore_changeRoundsToZero(t *testing.T) {
	cs := spec("front line")
	cs.Service = ServiceSpec{Name: "time to respond", Unit: "h", Direction: outcome.LowerIsBetter,
		Baseline: mustMeasure(NewValue(dec("4.123"))), Actual: mustMeasure(NewValue(dec("4.121")))}
	s, err := MustScorecard(cs).Score(MustPolicy(PolicySpec{SignificanceLevel: 0.05, Precision: MustPrecision(2, outcome.RoundHalfEven),
		Service: MustThreshold(NewAbsoluteThreshold(dec("0.001")))}))
	require.NoError(t, err)
	svc := s.Service()
	assert.Equal(t, Won, svc.Status())
	assert.True(t, svc.Change().IsZero())
	num, den := svc.ExactChange()
	assert.True(t, dec("-0.002").Equal(num), "%s", num)
	assert.True(t, dec("1").Equal(den), "%s", den)
	assert.Equal(t, "time to respond fell from 4.12 h to 4.12 h (less than 0.01 h, less than 1%), meeting the materiality threshold of 0.001 before rounding: won", svc.Reason())
	b, err := json.Marshal(svc)
	require.NoError(t, err)
	assert.JSONEq(t, `{"crown":"service","status":"won","direction":"lower-is-better","name":"time to respond","unit":"h",
		"baseline":"4.12","actual":"4.12","change":"0","exactChange":{"numerator":"-0.002","denominator":"1"},"improved":true,"worsened":false,
		"relative":"0","threshold":{"absolute":"0.001"},"material":true,"tested":false,
		"reason":"time to respond fell from 4.12 h to 4.12 h (less than 0.01 h, less than 1%), meeting the materiality threshold of 0.001 before rounding: won"}`, string(b))

	// A rate from 1 in 3 to 1 in 2 rose by 1·3 - 1·2 = 1 over 3·2 = 6, a
	// sixth, which has no finite decimal; at four places the change is
	// 0.1667 (half-even). At minus one place (tens), the relative change
	// (1/6)/(1/3) = 0.5 rounds to 0: less than 10 as a fraction, 1000%.
	cs.Service = ServiceSpec{Name: "resolved", Direction: outcome.HigherIsBetter,
		Baseline: mustMeasure(NewRate(1, 3)), Actual: mustMeasure(NewRate(1, 2))}
	s, err = MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	num, den = s.Service().ExactChange()
	assert.True(t, dec("1").Equal(num), "%s", num)
	assert.True(t, dec("6").Equal(den), "%s", den)
	assert.True(t, dec("0.1667").Equal(s.Service().Change()))
	ps := policySpec()
	ps.Precision = MustPrecision(-1, outcome.RoundHalfEven)
	ps.Service = Threshold{}
	s, err = MustScorecard(cs).Score(MustPolicy(ps))
	require.NoError(t, err)
	assert.Contains(t, s.Service().Reason(), "(less than 10, less than 1000%)")

	// The zero CrownScore has no change.
	num, den = CrownScore{}.ExactChange()
	assert.True(t, num.IsZero() && den.IsZero())
}

// TestScore_relativeRoundsToZero: a change too small against its baseline
// has a relative change of 0 at the policy's places, while the change and
// its direction stay exact.
func TestScore_relativeRoundsToZero(t *testing.T) {
	cs := spec("u")
	// Cost 1,000,000 -> 1,000,001: +1 EUR, +1/1,000,000 = +0.000001, which
	// is 0.0000 at four places, half-even (and within 2%: flat).
	cs.Cost = Amounts{Baseline: eur("1000000"), Actual: eur("1000001")}
	s, err := MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	c := s.Cost()
	assert.True(t, dec("1").Equal(c.Change()))
	rel, ok := c.Relative()
	require.True(t, ok)
	assert.Equal(t, 0, rel.Sign(), "relative %s", rel)
	assert.True(t, c.Worsened())
	assert.Equal(t, Flat, c.Status())
	assert.Equal(t, "cost rose from 1000000 EUR to 1000001 EUR (+1 EUR, less than 0.01%), within the materiality threshold of 2%: flat", c.Reason())

	// The same fall, rounded toward +infinity: -0.000001 is 0 too, never
	// of the opposite sign.
	cs.Cost = Amounts{Baseline: eur("1000001"), Actual: eur("1000000")}
	ps := policySpec()
	ps.Precision = MustPrecision(4, outcome.RoundCeiling)
	s, err = MustScorecard(cs).Score(MustPolicy(ps))
	require.NoError(t, err)
	rel, ok = s.Cost().Relative()
	require.True(t, ok)
	assert.Equal(t, 0, rel.Sign(), "relative %s", rel)
	assert.True(t, s.Cost().Improved())
}

// TestScore_reasonAgreesWithThreshold: a reason never seems to contradict
// its verdict on materiality. Rounded to the policy's four places, +1999 on
// 100000 (1.999%) shows as +2.00%, at a threshold of 2% it does not meet: the
// reason says the threshold is judged before rounding, and shows every
// figure at the policy's places as before.
func TestScore_reasonAgreesWithThreshold(t *testing.T) {
	cs := spec("u")
	cs.Cost = Amounts{Baseline: eur("100000"), Actual: eur("101999")}
	s, err := MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "cost rose from 100000 EUR to 101999 EUR (+1999 EUR, +2.00%), below the materiality threshold of 2% before rounding: flat",
		s.Cost().Reason())
	// +2000 meets it exactly, and says so plainly.
	cs.Cost.Actual = eur("102000")
	s, err = MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "cost rose from 100000 EUR to 102000 EUR (+2000 EUR, +2.00%), meeting the materiality threshold of 2%: lost",
		s.Cost().Reason())

	// A threshold of 2.005% met exactly by -2005 on 100000: 0.02005 rounds
	// half even to 0.0200, "2.00%", below the threshold shown.
	ps := policySpec()
	ps.Cost = MustThreshold(NewRelativeThreshold(dec("0.02005")))
	cs.Cost = Amounts{Baseline: eur("100000"), Actual: eur("97995")}
	s, err = MustScorecard(cs).Score(MustPolicy(ps))
	require.NoError(t, err)
	assert.Equal(t, "cost fell from 100000 EUR to 97995 EUR (-2005 EUR, -2.00%), meeting the materiality threshold of 2.005% before rounding: won",
		s.Cost().Reason())

	// A service change of -0.24999 hours rounds to -0.25, the absolute
	// threshold, which it does not meet.
	cs = spec("u")
	cs.Service.Actual = mustMeasure(NewMean(dec("3.75001"), 1.2, 400))
	s, err = MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "time to respond fell from 4 hours to 3.75 hours (-0.25 hours, -6.25%), below the materiality threshold of 0.25 before rounding: flat",
		s.Service().Reason())
}

func TestScore_reasons(t *testing.T) {
	cs := spec("u")
	cs.Cost.Actual = eur("1100000")
	s, err := MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "trade-off: service and revenue won, cost lost", s.Reason())
	assert.Equal(t, []Crown{Cost}, s.With(Lost))
	cs = spec("u")
	cs.Cost.Actual = cs.Cost.Baseline
	cs.Revenue.Actual = cs.Revenue.Baseline
	s, err = MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "single crown: service won, cost and revenue flat", s.Reason())
	cs.Service.Actual = cs.Service.Baseline
	s, err = MustScorecard(cs).Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, "no crown: cost, service and revenue flat", s.Reason())
}

func TestScore_errors(t *testing.T) {
	_, err := Scorecard{}.Score(MustPolicy(policySpec()))
	assert.ErrorIs(t, err, ErrInvalidScorecard)
	_, err = MustScorecard(spec("u")).Score(Policy{})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	var e *outcome.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, []string{"u"}, e.IDs)
	// Both zero: both are reported, the scorecard's first; the zero
	// Scorecard has no unit to name.
	_, err = Scorecard{}.Score(Policy{})
	require.ErrorIs(t, err, ErrInvalidScorecard)
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	assert.EqualError(t, err, "triplecrown: cannot score the zero Scorecard\ntriplecrown: cannot score with the zero Policy")
	ps0 := outcome.Problems(err)
	require.Len(t, ps0, 2)
	assert.Nil(t, ps0[0].IDs)
	assert.Nil(t, ps0[1].IDs)
	ps := policySpec()
	ps.Cost = MustThreshold(NewMoneyThreshold(MustMoney("1000", "USD")))
	_, err = MustScorecard(spec("u")).Score(MustPolicy(ps))
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	assert.EqualError(t, err, `triplecrown: unit "u" is in EUR but the cost threshold is in USD`)
}

func TestEnums_text(t *testing.T) {
	for c := range Crowns() {
		got, err := ParseCrown(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	for s := Won; s <= Inconclusive; s++ {
		got, err := ParseStatus(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	for v := TripleCrown; v <= LostGround; v++ {
		got, err := ParseVerdict(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, got)
	}
	// People write definitions by hand: case, surrounding white space and a
	// hyphen for a space (or the other way round) do not matter, as in
	// outcome.ParseLevel and northstar.ParseVerdict.
	spellings := []struct {
		in   string
		want any
	}{
		{" Cost ", Cost},
		{"SERVICE", Service},
		{"\tRevenue\n", Revenue},
		{"Won", Won},
		{" INCONCLUSIVE", Inconclusive},
		{"Triple Crown", TripleCrown},
		{"triple-crown", TripleCrown},
		{"No-Crown", NoCrown},
		{" Lost-Ground ", LostGround},
		{"trade off", TradeOff},
		{"TRADE-OFF", TradeOff},
	}
	for _, tt := range spellings {
		var got any
		var err error
		switch tt.want.(type) {
		case Crown:
			got, err = ParseCrown(tt.in)
		case Status:
			got, err = ParseStatus(tt.in)
		case Verdict:
			got, err = ParseVerdict(tt.in)
		}
		if assert.NoError(t, err, "%q", tt.in) {
			assert.Equal(t, tt.want, got, "%q", tt.in)
		}
	}
	for _, in := range []string{"", "costs", "tradeoff", "triple  crown", "triple_crown", "wo n"} {
		_, errC := ParseCrown(in)
		_, errS := ParseStatus(in)
		_, errV := ParseVerdict(in)
		assert.ErrorIs(t, errC, ErrUnknownCrown, "%q", in)
		assert.ErrorIs(t, errS, ErrUnknownStatus, "%q", in)
		assert.ErrorIs(t, errV, ErrUnknownVerdict, "%q", in)
	}
	_, err := ParseCrown("quality")
	assert.ErrorIs(t, err, ErrUnknownCrown)
	assert.EqualError(t, err, `triplecrown: unknown crown "quality" (want cost, service or revenue)`)
	_, err = ParseStatus("draw")
	assert.ErrorIs(t, err, ErrUnknownStatus)
	_, err = ParseVerdict("quadruple crown")
	assert.ErrorIs(t, err, ErrUnknownVerdict)
	assert.Equal(t, "Crown(0)", Crown(0).String())
	assert.Equal(t, "Status(9)", Status(9).String())
	assert.Equal(t, "Verdict(0)", Verdict(0).String())
	assert.False(t, Status(0).IsValid())
	assert.False(t, Verdict(0).IsValid())
}

// TestCmpAbsMul checks the integer comparison against decimal arithmetic.
func TestCmpAbsMul(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for range 20000 {
		d := decimal.New(rng.Int64N(2_000_000_001)-1_000_000_000, int32(rng.IntN(21)-10))
		a := decimal.New(rng.Int64N(2_000_001)-1_000_000, int32(rng.IntN(21)-10))
		b := decimal.New(rng.Int64N(2_000_001)-1_000_000, int32(rng.IntN(21)-10))
		if rng.IntN(5) == 0 {
			d = a.Mul(b).Neg() // equal sizes
		}
		want := d.Abs().Cmp(a.Mul(b).Abs())
		require.Equal(t, want, cmpAbsMul(d, a, b), "|%s| vs |%s * %s|", d, a, b)
	}
	// Exponents too far apart for 128 bits, and coefficients too wide.
	assert.Equal(t, 1, cmpAbsMul(dec("999999999999999999e30"), dec("999999999999999999"), dec("1e-30")))
	assert.Equal(t, -1, cmpAbsMul(dec("1"), dec("12345678901234567890"), dec("1")))
}

// TestCrownScore_rateUnit: a reason writes a rate's figures as the
// fractions they are, with the unit after each as given (ServiceSpec.Unit
// says so): 6900 of 10000 is 0.69, and with the unit "%" it reads "0.69 %".
func TestCrownScore_rateUnit(t *testing.T) {
	s := spec("x")
	s.Service = ServiceSpec{Name: "solved first time", Unit: "%", Direction: outcome.HigherIsBetter,
		Baseline: mustMeasure(NewRate(6900, 10000)), Actual: mustMeasure(NewRate(7800, 10000))}
	score, err := MustScorecard(s).Score(MustPolicy(PolicySpec{SignificanceLevel: 0.05,
		Precision: MustPrecision(4, outcome.RoundHalfEven)}))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(score.Service().Reason(), "solved first time rose from 0.69 % to 0.78 % (+0.09 %, +13.04%)"),
		score.Service().Reason())
}

// TestVerdict_text pins the text form of each verdict: MarshalText writes
// the kebab-case token, as the module's other enums are written in JSON;
// String still writes the words; the token reads back to the verdict; the
// words a score's JSON held before ("triple crown") still read; and an
// unknown verdict is refused with ErrUnknownVerdict and its text quoted.
func TestVerdict_text(t *testing.T) {
	for _, tt := range []struct {
		v          Verdict
		token, old string
	}{
		{TripleCrown, "triple-crown", "triple crown"},
		{DoubleCrown, "double-crown", "double crown"},
		{SingleCrown, "single-crown", "single crown"},
		{NoCrown, "no-crown", "no crown"},
		{TradeOff, "trade-off", "trade-off"},
		{LostGround, "lost-ground", "lost ground"},
	} {
		t.Run(tt.token, func(t *testing.T) {
			text, err := tt.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.token, string(text))
			assert.Equal(t, tt.old, tt.v.String(), "String writes the words")
			for _, in := range []string{tt.token, tt.old} {
				var back Verdict
				require.NoError(t, back.UnmarshalText([]byte(in)), in)
				assert.Equal(t, tt.v, back, in)
			}
		})
	}
	var v Verdict
	err := v.UnmarshalText([]byte("triple_crown"))
	assert.ErrorIs(t, err, ErrUnknownVerdict)
	assert.EqualError(t, err, `triplecrown: unknown verdict "triple_crown"`)
	assert.Zero(t, v, "unchanged on error")
	_, err = Verdict(0).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownVerdict)
}

// scaledSpec returns spec(unit) with every amount and mean written with two
// more decimal places: 1000000.00 EUR for 1000000 EUR, 4.00 hours for 4.0.
func scaledSpec(unit string) ScorecardSpec {
	s := spec(unit)
	s.Cost = Amounts{Baseline: eur("1000000.00"), Actual: eur("900000.00")}
	s.Revenue = Amounts{Baseline: eur("2000000.00"), Actual: eur("2300000.00")}
	s.Service.Baseline = mustMeasure(NewMean(dec("4.000"), 1.5, 400))
	s.Service.Actual = mustMeasure(NewMean(dec("3.000"), 1.2, 400))
	return s
}

func TestScore_Equal(t *testing.T) {
	p := MustPolicy(policySpec())
	a, err := MustScorecard(spec("sales")).Score(p)
	require.NoError(t, err)
	b, err := MustScorecard(scaledSpec("sales")).Score(p)
	require.NoError(t, err)
	equaltest.Check(t, equaltest.Case[Score]{Equal: Score.Equal, Base: func() Score { return a },
		Twins: []equaltest.Twins[Score]{{Name: "decimals at other scales", A: a, B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[Score]{
			{Field: "unit", What: `s.unit = "billing"`, Apply: func(s *Score) { s.unit = "billing" }},
			{Field: "period", What: `s.period = "2026"`, Apply: func(s *Score) { s.period = "2026" }},
			{Field: "crowns", What: `s.crowns[2].status = Flat`, Apply: func(s *Score) { s.crowns[2].status = Flat }},
			{Field: "verdict", What: `s.verdict = DoubleCrown`, Apply: func(s *Score) { s.verdict = DoubleCrown }},
		},
	})
}

func TestCrownScore_Equal(t *testing.T) {
	p := MustPolicy(policySpec())
	sa, err := MustScorecard(spec("sales")).Score(p)
	require.NoError(t, err)
	sb, err := MustScorecard(scaledSpec("sales")).Score(p)
	require.NoError(t, err)
	// The service crown sets every field but the currency: a change of
	// -1 hour from means of 4 over 400 requests, tested.
	a, b := sa.Service(), sb.Service()
	require.True(t, a.Tested())
	require.Equal(t, int32(2), a.exactNum.Exponent()-b.exactNum.Exponent()) // -160000 and -160000.00
	equaltest.Check(t, equaltest.Case[CrownScore]{Equal: CrownScore.Equal, Base: func() CrownScore { return a },
		Twins: []equaltest.Twins[CrownScore]{{Name: "decimals at other scales", A: a, B: b, DeepDiffers: true}},
		Changes: []equaltest.Change[CrownScore]{
			{Field: "crown", What: `s.crown = Cost`, Apply: func(s *CrownScore) { s.crown = Cost }},
			{Field: "direction", What: `s.direction = outcome.HigherIsBetter`, Apply: func(s *CrownScore) { s.direction = outcome.HigherIsBetter }},
			{Field: "cur", What: `s.cur = eur("1").Currency()`, Apply: func(s *CrownScore) { s.cur = eur("1").Currency() }},
			{Field: "name", What: `s.name = "time to answer"`, Apply: func(s *CrownScore) { s.name = "time to answer" }},
			{Field: "unit", What: `s.unit = "minutes"`, Apply: func(s *CrownScore) { s.unit = "minutes" }},
			{Field: "baseline", What: `s.baseline = dec("5")`, Apply: func(s *CrownScore) { s.baseline = dec("5") }},
			{Field: "actual", What: `s.actual = dec("2")`, Apply: func(s *CrownScore) { s.actual = dec("2") }},
			{Field: "change", What: `s.change = dec("-2")`, Apply: func(s *CrownScore) { s.change = dec("-2") }},
			// -160000 / 160000 and -1 / 1 are the same change, but not the
			// same fraction.
			{Field: "exactNum", What: `s.exactNum = dec("-1")`, Apply: func(s *CrownScore) { s.exactNum = dec("-1") }},
			{Field: "exactDen", What: `s.exactDen = dec("1")`, Apply: func(s *CrownScore) { s.exactDen = dec("1") }},
			{Field: "sign", What: `s.sign = 1`, Apply: func(s *CrownScore) { s.sign = 1 }},
			{Field: "relative", What: `s.relative = dec("-0.5")`, Apply: func(s *CrownScore) { s.relative = dec("-0.5") }},
			{Field: "hasRelative", What: `s.hasRelative = false`, Apply: func(s *CrownScore) { s.hasRelative = false }},
			{Field: "places", What: `s.places = 2`, Apply: func(s *CrownScore) { s.places = 2 }},
			{Field: "threshold", What: `s.threshold = MustThreshold(NewAbsoluteThreshold(dec("0.5")))`, Apply: func(s *CrownScore) { s.threshold = MustThreshold(NewAbsoluteThreshold(dec("0.5"))) }},
			{Field: "material", What: `s.material = false`, Apply: func(s *CrownScore) { s.material = false }},
			{Field: "tested", What: `s.tested = false`, Apply: func(s *CrownScore) { s.tested = false }},
			{Field: "p", What: `s.p = 0.5`, Apply: func(s *CrownScore) { s.p = 0.5 }},
			{Field: "alpha", What: `s.alpha = 0.01`, Apply: func(s *CrownScore) { s.alpha = 0.01 }},
			{Field: "status", What: `s.status = Inconclusive`, Apply: func(s *CrownScore) { s.status = Inconclusive }},
		},
	})

	// A p-value that is NaN equals NaN, so that the score equals itself,
	// and nothing else.
	nan := a
	nan.p = math.NaN()
	assert.True(t, nan.Equal(nan))
	assert.False(t, nan.Equal(a))
	assert.False(t, a.Equal(nan))
	assert.True(t, sameFloat(math.NaN(), math.NaN()))
	assert.True(t, sameFloat(0, math.Copysign(0, -1)))
	assert.False(t, sameFloat(math.NaN(), 0))
	assert.False(t, sameFloat(0, math.NaN()))
}
