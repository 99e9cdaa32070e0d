package triplecrown

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problem is a problem's code and IDs, worked out by hand.
type problem struct {
	code outcome.Code
	ids  []string
}

// forty9s is the largest coefficient of an amount: 40 nines. Two weights
// of it add up to 41 digits, beyond the bounds of a [Measure]'s weight.
var forty9s = strings.Repeat("9", MaxDigits)

// heavyCards returns two value cards, "a" and "b", whose baseline weights
// (and, if actualToo, actual weights) are forty9s: rolled up, each side so
// weighted has a weight of 41 digits, one ErrInvalidAmount, and nothing
// else is wrong (the totals, 41 digits too, are within a value total's 80).
func heavyCards(actualToo bool) []Scorecard {
	w1 := "1"
	if actualToo {
		w1 = forty9s
	}
	return []Scorecard{valueCard("a", "1", forty9s, "1", w1), valueCard("b", "1", forty9s, "1", w1)}
}

// TestOneProblemIsItself: every call of the package that refuses its input
// with exactly one problem returns that *outcome.Error itself, not a joined
// error of one, so that err.(*outcome.Error) works; the code and the IDs
// are worked out by hand. The cases marked "(was joined)" returned a joined
// error of one (errors.Join, or joinAll, directly or around a part's or a
// sub-call's joined problems) before; the others already returned the
// problem itself, and guard it.
func TestOneProblemIsItself(t *testing.T) {
	ops := opsCard()
	card := func(edit func(*ScorecardSpec)) ScorecardSpec {
		s := spec("ops")
		edit(&s)
		return s
	}
	policyWith := func(edit func(*PolicySpec)) PolicySpec {
		s := policySpec()
		edit(&s)
		return s
	}
	usdCost := MustPolicy(policyWith(func(s *PolicySpec) { s.Cost = MustThreshold(NewMoneyThreshold(usd("1"))) }))
	period2024 := func() Scorecard {
		s := ops.Spec()
		s.Unit, s.Period = "old", "2024"
		return MustScorecard(s)
	}()
	rollupJSON, err := json.Marshal(mustRollup(t, "e", ops))
	require.NoError(t, err)
	rollupForm, err := mustRollup(t, "e", ops).MarshalBinary()
	require.NoError(t, err)
	// The form's combination byte, 01 (by sample size), after unit "e" (01
	// 65), one unit (01) and "ops" (03 6f 70 73): 02, by weight, does not
	// suit a rate.
	require.Equal(t, []byte{formatRollup, 1, 'e', 1, 3, 'o', 'p', 's', 1}, rollupForm[:9])
	byWeight := append([]byte(nil), rollupForm...)
	byWeight[8] = byte(ByWeight)

	decode := func(v json.Unmarshaler, data string) func() error {
		return func() error { return v.UnmarshalJSON([]byte(data)) }
	}
	second := func(_ any, err error) error { return err }

	tests := []struct {
		name string
		call func() error
		want problem
	}{
		// Constructors and operations.
		{"NewValue (was joined)", func() error { return second(NewValue(dec("1e31"))) }, problem{ErrInvalidAmount, nil}},
		{"NewWeightedValue (was joined)", func() error { return second(NewWeightedValue(dec("1"), dec("0"))) }, problem{ErrInvalidWeight, nil}},
		{"NewMean sample (was joined)", func() error { return second(NewMean(dec("1"), 1, 1)) }, problem{ErrInvalidSampleSize, nil}},
		{"NewMean mean (was joined)", func() error { return second(NewMean(dec("1e31"), 1, 2)) }, problem{ErrInvalidAmount, nil}},
		{"NewPrecision (was joined)", func() error { return second(NewPrecision(19, outcome.RoundHalfEven)) }, problem{outcome.ErrInvalidPlaces, nil}},
		{"NewPolicy (was joined)", func() error {
			return second(NewPolicy(policyWith(func(s *PolicySpec) { s.SignificanceLevel = 1 })))
		}, problem{ErrInvalidSignificance, nil}},
		{"NewScorecard (was joined)", func() error {
			return second(NewScorecard(card(func(s *ScorecardSpec) { s.Period = "" })))
		}, problem{ErrEmptyPeriod, []string{"ops"}}},
		{"NewROI (was joined)", func() error { return second(NewROI(ROISpec{Investment: usd("100")})) }, problem{ErrInvalidPeriods, nil}},
		{"NewRollup no cards (was joined)", func() error { return second(NewRollup("e", nil)) }, problem{ErrEmptyRollup, []string{"e"}}},
		// combine's weight problem, joined with the total's nil, was
		// joined again with the other side's nil.
		{"NewRollup a sum (was joined twice)", func() error { return second(NewRollup("e", heavyCards(false))) },
			problem{ErrInvalidAmount, []string{"e"}}},
		{"NewRollups no groups (was joined)", func() error { return second(NewRollups(nil, []Scorecard{ops})) },
			problem{ErrEmptyRollup, nil}},
		// NewRollup's problem, joined twice, joined again with the groups'.
		{"NewRollups a group's sum (was joined thrice)", func() error {
			return second(NewRollups([]Group{{ID: "e", Units: []string{"a", "b"}}}, heavyCards(false)))
		}, problem{ErrInvalidAmount, []string{"e"}}},
		{"NewContributions places (was joined)", func() error { return second(NewContributions(Cost, []Scorecard{ops}, 7)) },
			problem{outcome.ErrInvalidPlaces, nil}},
		{"NewContributions crown (was joined)", func() error { return second(NewContributions(Service, []Scorecard{ops}, 0)) },
			problem{ErrUnknownCrown, nil}},
		{"Scorecard.Score threshold (was joined)", func() error { return second(ops.Score(usdCost)) },
			problem{ErrCurrencyMismatch, []string{"ops"}}},
		{"ParseMoney (was joined)", func() error { return second(ParseMoney("1", "eur")) }, problem{ErrUnknownCurrency, nil}},
		{"Rollup.Merge period (was joined)", func() error {
			return second(mustRollup(t, "n", ops).Merge(mustRollup(t, "s", period2024)))
		}, problem{ErrPeriodMismatch, []string{"s", "n"}}},
		// mergeSums joined combine's joined problem with the other side's nil.
		{"Rollup.Merge a sum (was joined twice)", func() error {
			cards := heavyCards(false)
			return second(mustRollup(t, "x", cards[0]).Merge(mustRollup(t, "y", cards[1])))
		}, problem{ErrInvalidAmount, []string{"x", "y"}}},
		{"NewRate", func() error { return second(NewRate(-1, 10)) }, problem{ErrInvalidMeasure, nil}},
		{"NewRateFromProportion", func() error { return second(NewRateFromProportion(outcome.Proportion{})) }, problem{ErrInvalidSampleSize, nil}},
		{"NewMoney", func() error { return second(NewMoney(dec("1"), "eur")) }, problem{ErrUnknownCurrency, nil}},
		{"ParseCurrency", func() error { return second(ParseCurrency("eur")) }, problem{ErrUnknownCurrency, nil}},
		{"NewRelativeThreshold", func() error { return second(NewRelativeThreshold(dec("2"))) }, problem{outcome.ErrInvalidThreshold, nil}},
		{"NewAbsoluteThreshold", func() error { return second(NewAbsoluteThreshold(dec("-1"))) }, problem{outcome.ErrInvalidThreshold, nil}},
		{"NewMoneyThreshold", func() error { return second(NewMoneyThreshold(Money{})) }, problem{ErrUnknownCurrency, nil}},
		{"NewROIFromScorecard", func() error { return second(NewROIFromScorecard(usd("100"), Scorecard{}, 12)) },
			problem{ErrInvalidScorecard, nil}},
		{"Scorecard.Score zero", func() error { return second(Scorecard{}.Score(usdCost)) }, problem{ErrInvalidScorecard, nil}},
		{"ParseCrown", func() error { return second(ParseCrown("x")) }, problem{ErrUnknownCrown, nil}},
		{"ParseStatus", func() error { return second(ParseStatus("x")) }, problem{ErrUnknownStatus, nil}},
		{"ParseVerdict", func() error { return second(ParseVerdict("x")) }, problem{ErrUnknownVerdict, nil}},
		{"ParseCombination", func() error { return second(ParseCombination("x")) }, problem{ErrUnknownCombination, nil}},
		{"Money.Add", func() error { return second(eur("1").Add(usd("1"))) }, problem{ErrCurrencyMismatch, nil}},
		{"Money.Sub", func() error { return second(eur("1").Sub(usd("1"))) }, problem{ErrCurrencyMismatch, nil}},
		{"Money.Compare", func() error { return second(eur("1").Compare(usd("1"))) }, problem{ErrCurrencyMismatch, nil}},
		{"Money.Mul", func() error { return second(eur("1").Mul(dec("1e31"))) }, problem{ErrInvalidAmount, nil}},
		{"Money.Round", func() error { return second(MustMoney(forty9s, "EUR").Round(MustPrecision(1, outcome.RoundHalfEven))) },
			problem{ErrInvalidAmount, nil}},
		{"Sum", func() error { return second(Sum([]Money{eur("1"), usd("1")})) }, problem{ErrCurrencyMismatch, nil}},
		{"MoneySum.Add", func() error { s := sumOf(t, eur("1")); return s.Add(usd("1")) }, problem{ErrCurrencyMismatch, nil}},
		{"MoneySum.Merge", func() error { s := sumOf(t, eur("1")); return s.Merge(sumOf(t, usd("1"))) }, problem{ErrCurrencyMismatch, nil}},

		// Binary decoders.
		{"Money.UnmarshalBinary currency (was joined)", func() error { var m Money; return m.UnmarshalBinary(unhex(t, "20 65 75 72 00 02 01")) },
			problem{ErrUnknownCurrency, nil}},
		{"Money.UnmarshalBinary truncated (was joined)", func() error { var m Money; return m.UnmarshalBinary(unhex(t, "20 45 55")) },
			problem{outcome.ErrInvalidBinary, nil}},
		{"MoneySum.UnmarshalBinary (was joined)", func() error { var s MoneySum; return s.UnmarshalBinary(unhex(t, "21 65 75 72 00 02 01")) },
			problem{ErrUnknownCurrency, nil}},
		// readCard joined its fields' problems, then joinAll joined that.
		{"Scorecard.UnmarshalBinary (was joined twice)", func() error {
			var c Scorecard
			return c.UnmarshalBinary(unhex(t, patch(t, opsForm, "45 55 52", "65 55 52")))
		}, problem{ErrUnknownCurrency, []string{"ops"}}},
		{"Rollup.UnmarshalBinary (was joined)", func() error { var r Rollup; return r.UnmarshalBinary(byWeight) },
			problem{ErrServiceMismatch, []string{"e"}}},
		{"Scorecard.MarshalBinary", func() error { return second(Scorecard{}.MarshalBinary()) }, problem{ErrInvalidScorecard, nil}},

		// JSON decoders (decodeTop joined the form's and the values'
		// problems with joinAll).
		{"Money.UnmarshalJSON (was joined)", decode(new(Money), `{"amount":"1"}`), problem{ErrMissingMoney, nil}},
		{"MoneySum.UnmarshalJSON (was joined)", decode(new(MoneySum), `{"amount":"1"}`), problem{ErrMissingMoney, nil}},
		{"Precision.UnmarshalJSON (was joined)", decode(new(Precision), `{"places":2}`), problem{outcome.ErrUnknownRounding, nil}},
		{"Measure.UnmarshalJSON (was joined)", decode(new(Measure), `{"successes":5}`), problem{ErrInvalidMeasure, nil}},
		// NewWeightedValue's joined problem, joined again.
		{"Measure.UnmarshalJSON weight (was joined thrice)", decode(new(Measure), `{"value":"1","weight":"0"}`),
			problem{ErrInvalidWeight, nil}},
		// The threshold's amount and currency joined, then joined again.
		{"Threshold.UnmarshalJSON (was joined twice)", decode(new(Threshold), `{"absolute":"1","currency":"eur"}`),
			problem{ErrUnknownCurrency, nil}},
		{"Policy.UnmarshalJSON (was joined)", decode(new(Policy),
			`{"service":{"absolute":"1","currency":"EUR"},"significanceLevel":0.05,"precision":{"places":2,"mode":"half-even"}}`),
			problem{outcome.ErrInvalidThreshold, nil}},
		{"PolicySpec.UnmarshalJSON (was joined)", decode(new(PolicySpec),
			`{"significanceLevel":0.05,"precision":{"places":2,"mode":"half-up-or-down"}}`),
			problem{outcome.ErrUnknownRounding, nil}},
		{"Scorecard.UnmarshalJSON (was joined)", decode(new(Scorecard), cardWith(`"ops"`, `""`, "", "", "")),
			problem{ErrEmptyPeriod, []string{"ops"}}},
		{"ScorecardSpec.UnmarshalJSON (was joined)", decode(new(ScorecardSpec), cardWith(`"ops"`, `"2025"`, "null", "", "")),
			problem{outcome.ErrInvalidJSON, []string{"ops"}}},
		{"ServiceSpec.UnmarshalJSON (was joined)", decode(new(ServiceSpec),
			`{"direction":"higher-is-better","baseline":{"value":"1"},"actual":{"value":"2"}}`), problem{outcome.ErrEmptyName, nil}},
		{"Amounts.UnmarshalJSON (was joined)", decode(new(Amounts), `{"baseline":{"amount":"1","currency":"EUR"}}`),
			problem{ErrMissingMoney, nil}},
		{"Contributions.UnmarshalJSON (was joined)", decode(new(Contributions), contributionsWith(`"places":7`)),
			problem{outcome.ErrInvalidPlaces, nil}},
		{"ROI.UnmarshalJSON (was joined)", decode(new(ROI), `{"investment":{"amount":"100","currency":"USD"},"periods":0}`),
			problem{ErrInvalidPeriods, nil}},
		{"ROISpec.UnmarshalJSON (was joined)", decode(new(ROISpec), `{"investment":{"amount":"0","currency":"USD"},"periods":1}`),
			problem{ErrInvalidInvestment, nil}},
		{"Rollup.UnmarshalJSON (was joined)", decode(new(Rollup), strings.Replace(string(rollupJSON), `,"combination":"by-sample-size"`, "", 1)),
			problem{ErrUnknownCombination, []string{"e"}}},
		{"Group.UnmarshalJSON (was joined)", decode(new(Group), `{"id":1}`), problem{outcome.ErrInvalidJSON, nil}},
		{"DecodeScorecards", func() error { return second(DecodeScorecards([]byte(`[null]`))) }, problem{outcome.ErrInvalidJSON, nil}},
		{"DecodeScorecards a card's", func() error { return second(DecodeScorecards([]byte(`[` + cardWith(`"ops"`, `""`, "", "", "") + `]`))) },
			problem{ErrEmptyPeriod, []string{"ops"}}},
		{"Currency.UnmarshalText", func() error { var c Currency; return c.UnmarshalText([]byte("eur")) }, problem{ErrUnknownCurrency, nil}},
		{"Crown.UnmarshalText", func() error { var c Crown; return c.UnmarshalText([]byte("x")) }, problem{ErrUnknownCrown, nil}},
		{"Status.UnmarshalText", func() error { var s Status; return s.UnmarshalText([]byte("x")) }, problem{ErrUnknownStatus, nil}},
		{"Verdict.UnmarshalText", func() error { var v Verdict; return v.UnmarshalText([]byte("x")) }, problem{ErrUnknownVerdict, nil}},
		{"Combination.UnmarshalText", func() error { var c Combination; return c.UnmarshalText([]byte("x")) },
			problem{ErrUnknownCombination, nil}},
		{"Score.UnmarshalJSON", decode(new(Score), `{}`), problem{outcome.ErrResultNotDecodable, nil}},

		// JSON encoders that check what they write.
		{"PolicySpec.MarshalJSON (was joined)", func() error {
			return second(policyWith(func(s *PolicySpec) { s.SignificanceLevel = 0 }).MarshalJSON())
		}, problem{ErrInvalidSignificance, nil}},
		{"ScorecardSpec.MarshalJSON (was joined)", func() error {
			return second(card(func(s *ScorecardSpec) { s.Period = "" }).MarshalJSON())
		}, problem{ErrEmptyPeriod, []string{"ops"}}},
		{"ServiceSpec.MarshalJSON (was joined)", func() error {
			s := spec("ops").Service
			s.Name = ""
			return second(s.MarshalJSON())
		}, problem{outcome.ErrEmptyName, nil}},
		{"Amounts.MarshalJSON (was joined)", func() error { return second(Amounts{Baseline: eur("1")}.MarshalJSON()) },
			problem{ErrMissingMoney, nil}},
		{"ROISpec.MarshalJSON (was joined)", func() error { return second(ROISpec{Investment: usd("100")}.MarshalJSON()) },
			problem{ErrInvalidPeriods, nil}},
		{"Group.MarshalJSON (was joined)", func() error { return second(Group{ID: "g", Units: []string{"\xff"}}.MarshalJSON()) },
			problem{outcome.ErrInvalidText, []string{"g", "\xff"}}},
		{"Money.MarshalJSON", func() error { return second(Money{}.MarshalJSON()) }, problem{ErrUnknownCurrency, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			p, ok := err.(*outcome.Error)
			require.True(t, ok, "%T, not *outcome.Error: %v", err, err)
			assert.Equal(t, tt.want.code, p.Code, "%v", err)
			assert.Equal(t, tt.want.ids, p.IDs, "%v", err)
		})
	}
}

// TestSeveralProblemsJoinedInOrder: with two problems or more, a call
// returns them joined, one level deep (each joined error an
// *outcome.Error), in the documented order; the codes and IDs are worked
// out by hand. The threshold's, the roll-up's and the binary scorecard's
// were joined at two levels or more before.
func TestSeveralProblemsJoinedInOrder(t *testing.T) {
	second := func(_ any, err error) error { return err }
	tests := []struct {
		name string
		err  error
		want []problem
	}{
		// The amount's, then the currency's.
		{"ParseMoney", second(ParseMoney("x", "eur")), []problem{{ErrInvalidAmount, nil}, {ErrUnknownCurrency, nil}}},
		// The places', then the mode's.
		{"NewPrecision", second(NewPrecision(19, 0)), []problem{{outcome.ErrInvalidPlaces, nil}, {outcome.ErrUnknownRounding, nil}}},
		// The baseline's weight, then the actual's.
		{"NewRollup", second(NewRollup("e", heavyCards(true))), []problem{{ErrInvalidAmount, []string{"e"}}, {ErrInvalidAmount, []string{"e"}}}},
		// The group's ID, then its roll-up's two sums.
		{"NewRollups", second(NewRollups([]Group{{ID: "e", Units: []string{"a", "b"}}, {ID: "e", Units: []string{"a"}}}, heavyCards(true))),
			[]problem{{ErrInvalidAmount, []string{"e"}}, {ErrInvalidAmount, []string{"e"}}, {outcome.ErrDuplicateID, []string{"e"}}}},
		// The amount's, then the currency's.
		{"Threshold.UnmarshalJSON", func() error {
			var th Threshold
			return th.UnmarshalJSON([]byte(`{"absolute":"x","currency":"eur"}`))
		}(), []problem{{ErrInvalidAmount, nil}, {ErrUnknownCurrency, nil}}},
		// The unit's, then the currency's, both with the unit " ps".
		{"Scorecard.UnmarshalBinary", func() error {
			var c Scorecard
			return c.UnmarshalBinary(unhex(t, patch(t, patch(t, opsForm, "03 6f 70 73", "03 20 70 73"), "45 55 52", "65 55 52")))
		}(), []problem{{outcome.ErrInvalidID, []string{" ps"}}, {ErrUnknownCurrency, []string{" ps"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			_, ok := tt.err.(*outcome.Error)
			assert.False(t, ok, "several problems are not one *outcome.Error")
			joined, ok := tt.err.(interface{ Unwrap() []error })
			require.True(t, ok, "%T is not a joined error", tt.err)
			var got []problem
			for _, e := range joined.Unwrap() {
				p, ok := e.(*outcome.Error)
				require.True(t, ok, "%T in the joined error, not *outcome.Error: one level deep", e)
				got = append(got, problem{p.Code, p.IDs})
			}
			assert.Equal(t, tt.want, got)
			var fromTree []problem
			for _, p := range outcome.Problems(tt.err) {
				fromTree = append(fromTree, problem{p.Code, p.IDs})
			}
			assert.Equal(t, tt.want, fromTree, "outcome.Problems")
		})
	}
}
