package triplecrown

import (
	"encoding/json"
	"github.com/cxmodel/cx/internal/equaltest"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rateCard returns a scorecard whose service is first-contact resolution as
// a rate: cost and revenue as given (baseline, actual), s0/n0 -> s1/n1.
func rateCard(unit, c0, c1, r0, r1 string, s0, n0, s1, n1 int64) Scorecard {
	return MustScorecard(ScorecardSpec{
		Unit: unit, Period: "2025",
		Cost:    Amounts{Baseline: eur(c0), Actual: eur(c1)},
		Revenue: Amounts{Baseline: eur(r0), Actual: eur(r1)},
		Service: ServiceSpec{Name: "first-contact resolution", Direction: outcome.HigherIsBetter,
			Baseline: mustMeasure(NewRate(s0, n0)), Actual: mustMeasure(NewRate(s1, n1))},
	})
}

// valueCard is like rateCard with a weighted value (an index) as service.
func valueCard(unit string, v0, w0, v1, w1 string) Scorecard {
	return MustScorecard(ScorecardSpec{
		Unit: unit, Period: "2025",
		Cost:    Amounts{Baseline: eur("100"), Actual: eur("90")},
		Revenue: Amounts{Baseline: eur("200"), Actual: eur("210")},
		Service: ServiceSpec{Name: "effort index", Direction: outcome.LowerIsBetter,
			Baseline: mustMeasure(NewWeightedValue(dec(v0), dec(w0))), Actual: mustMeasure(NewWeightedValue(dec(v1), dec(w1)))},
	})
}

func TestNewRollup_rates(t *testing.T) {
	cards := []Scorecard{
		rateCard("sales", "1000.10", "900.05", "5000", "5600", 780, 1000, 820, 1000),
		rateCard("support", "2000", "1900.5", "0", "0", 300, 500, 310, 500),
	}
	r, err := NewRollup("enterprise", cards)
	require.NoError(t, err)
	assert.Equal(t, BySampleSize, r.Combination())
	assert.Equal(t, "by sample size", r.Combination().String())
	assert.Equal(t, []string{"sales", "support"}, r.Units())
	c := r.Scorecard()
	assert.Equal(t, "enterprise", c.Unit())
	assert.Equal(t, "2025", c.Period())
	// Cost: 1000.10 + 2000 = 3000.10 and 900.05 + 1900.5 = 2800.55.
	assert.True(t, eur("3000.10").Equal(c.Cost().Baseline))
	assert.True(t, eur("2800.55").Equal(c.Cost().Actual))
	// Revenue: 5000 + 0 and 5600 + 0.
	assert.True(t, eur("5000").Equal(c.Revenue().Baseline))
	assert.True(t, eur("5600").Equal(c.Revenue().Actual))
	// Service pooled: (780+300)/(1000+500) = 1080/1500 = 0.72, then
	// (820+310)/1500 = 1130/1500.
	b, a := c.Service().Baseline, c.Service().Actual
	assert.Equal(t, int64(1080), b.Successes())
	assert.Equal(t, int64(1500), b.SampleSize())
	assert.Equal(t, int64(1130), a.Successes())
	assert.True(t, dec("0.72").Equal(b.Value(MustPrecision(4, outcome.RoundHalfEven))))
	assert.False(t, r.IsZero())

	s, err := c.Score(MustPolicy(policySpec()))
	require.NoError(t, err)
	assert.Equal(t, Won, s.Cost().Status())
}

func TestNewRollup_means(t *testing.T) {
	// Two units' time to respond. Unit a: mean 4 of n=2 with sd sqrt(2)
	// (observations 3 and 5); unit b: mean 7 of n=2 with sd sqrt(2)
	// (observations 6 and 8). All four: 3, 5, 6, 8, mean 5.5, sample
	// variance ((2.5² + 0.5² + 0.5² + 2.5²) / 3) = 13/3.
	mk := func(unit, mean string) Scorecard {
		s := spec(unit)
		s.Service.Baseline = mustMeasure(NewMean(dec(mean), math.Sqrt2, 2))
		s.Service.Actual = s.Service.Baseline
		return MustScorecard(s)
	}
	r, err := NewRollup("all", []Scorecard{mk("a", "4"), mk("b", "7")})
	require.NoError(t, err)
	m := r.Scorecard().Service().Baseline
	assert.Equal(t, MeanMeasure, m.Kind())
	assert.Equal(t, int64(4), m.SampleSize())
	assert.True(t, dec("5.5").Equal(m.Value(MustPrecision(4, outcome.RoundHalfEven))))
	assert.InDelta(t, math.Sqrt(13.0/3), m.SD(), 1e-12)
	assert.Equal(t, BySampleSize, r.Combination())
}

// TestNewRollup_hugeSD: means whose sds square past the largest float64
// (1e200 squares to 1e400) pool to a finite sd, which the roll-up's JSON and
// binary forms carry; an sd that rounds past the largest float64 is an
// error naming the roll-up.
func TestNewRollup_hugeSD(t *testing.T) {
	mk := func(unit string, sd float64, n int64) Scorecard {
		s := spec(unit)
		s.Service.Baseline = mustMeasure(NewMean(dec("4.5"), sd, n))
		s.Service.Actual = mustMeasure(NewMean(dec("4"), sd, n))
		return MustScorecard(s)
	}
	tests := []struct {
		name  string
		cards []Scorecard
		want  float64
	}{
		// Equal means (no between-unit sum of squares): pooled variance
		// ((3-1)·1e400 + (3-1)·9e400) / (6-1) = 20e400/5 = 4e400, sd 2e200.
		{name: "1e200 and 3e200", cards: []Scorecard{mk("a", 1e200, 3), mk("b", 3e200, 3)}, want: 2e200},
		// The reviewer's case: (9·1e400 + 9·1e400) / 19, sd
		// 1e200·sqrt(18/19) ~ 9.7333e199.
		{name: "1e200 twice", cards: []Scorecard{mk("a", 1e200, 10), mk("b", 1e200, 10)}, want: 1e200 * math.Sqrt(18.0/19)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewRollup("e", tt.cards)
			require.NoError(t, err)
			for _, m := range []Measure{r.Scorecard().Service().Baseline, r.Scorecard().Service().Actual} {
				assert.InEpsilon(t, tt.want, m.SD(), 1e-15)
			}
			j, err := json.Marshal(r)
			require.NoError(t, err)
			var fromJSON Rollup
			require.NoError(t, json.Unmarshal(j, &fromJSON))
			assert.True(t, r.Equal(fromJSON))
			b, err := r.MarshalBinary()
			require.NoError(t, err)
			var fromBinary Rollup
			require.NoError(t, fromBinary.UnmarshalBinary(b))
			assert.True(t, r.Equal(fromBinary))
		})
	}

	// Two sds of the largest float64: the true pooled sd is just below it,
	// max·sqrt((N-2)/(N-1)) with N ~ 4.8e18, but the float64 arithmetic
	// (the sample sizes rounded to float64, their sum, the division)
	// rounds the variance up past max², and the sd to +Inf: an error, not
	// a roll-up that cannot be written (sizes found by a random search).
	_, err := NewRollup("e", []Scorecard{mk("a", math.MaxFloat64, 170829700493667947), mk("b", math.MaxFloat64, 4598958220577253184)})
	require.ErrorIs(t, err, outcome.ErrNotFinite)
	ps := outcome.Problems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, []string{"e"}, ps[0].IDs)
	assert.Equal(t, `triplecrown: the baseline service standard deviation of roll-up "e" is beyond the largest float64`, ps[0].Message)
	assert.Equal(t, `triplecrown: the actual service standard deviation of roll-up "e" is beyond the largest float64`, ps[1].Message)

	// The smallest normal sd, of 2 observations, and an sd of 0, of 3,
	// with equal means: pooled variance (1·2^-2044 + 2·0) / (5-1), sd
	// 2^-1023, half the smallest normal float64: subnormal, which NewMean
	// would refuse, so an error, not a roll-up no decoder reads back.
	_, err = NewRollup("e", []Scorecard{mk("a", 0x1p-1022, 2), mk("b", 0, 3)})
	require.ErrorIs(t, err, ErrInvalidMeasure)
	ps = outcome.Problems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, []string{"e"}, ps[0].IDs)
	assert.Equal(t, `triplecrown: the baseline service standard deviation of roll-up "e", 1.1125369292536007e-308, `+
		`is below the smallest normal float64, 2.2250738585072014e-308`, ps[0].Message)
	assert.Equal(t, `triplecrown: the actual service standard deviation of roll-up "e", 1.1125369292536007e-308, `+
		`is below the smallest normal float64, 2.2250738585072014e-308`, ps[1].Message)
	// With twice the smallest normal sd in both, the pooled sd is normal:
	// (1·2^-2042 + 2·2^-2042) / 4, sd 2^-1021·sqrt(3/4), about 1.73 times
	// the smallest normal.
	r, err := NewRollup("e", []Scorecard{mk("a", 0x1p-1021, 2), mk("b", 0x1p-1021, 3)})
	require.NoError(t, err)
	assert.InEpsilon(t, 0x1p-1021*math.Sqrt(0.75), r.Scorecard().Service().Baseline.SD(), 1e-15)
	_, err = mustRollup(t, "x", mk("a", 0x1p-1022, 2)).Merge(mustRollup(t, "y", mk("b", 0, 3)))
	assert.ErrorIs(t, err, ErrInvalidMeasure, "Merge pools as NewRollup does")
}

func TestNewRollupValues(t *testing.T) {
	// Effort index 3 with weight 100 and 6 with weight 50: (300 + 300) /
	// 150 = 4. Actual 2 (weight 100) and 5 (weight 100): 700 / 200 = 3.5.
	r, err := NewRollup("all", []Scorecard{
		valueCard("a", "3", "100", "2", "100"),
		valueCard("b", "6", "50", "5", "100"),
	})
	require.NoError(t, err)
	assert.Equal(t, ByWeight, r.Combination())
	assert.Equal(t, "by weight", ByWeight.String())
	svc := r.Scorecard().Service()
	assert.True(t, dec("4").Equal(svc.Baseline.Value(MustPrecision(4, outcome.RoundHalfEven))))
	assert.True(t, dec("3.5").Equal(svc.Actual.Value(MustPrecision(4, outcome.RoundHalfEven))))
	assert.True(t, dec("150").Equal(svc.Baseline.Weight()))
	assert.Equal(t, "Combination(0)", Combination(0).String())
}

func TestNewRollup_errors(t *testing.T) {
	usd := MustScorecard(ScorecardSpec{
		Unit: "us", Period: "2025",
		Cost:    Amounts{Baseline: MustMoney("1", "USD"), Actual: MustMoney("1", "USD")},
		Revenue: Amounts{Baseline: MustMoney("1", "USD"), Actual: MustMoney("1", "USD")},
		Service: spec("x").Service,
	})
	q2 := spec("q2")
	q2.Period = "2025-Q2"
	tests := []struct {
		name     string
		unit     string
		cards    []Scorecard
		wantErrs []error
	}{
		{name: "empty", unit: "e", cards: nil, wantErrs: []error{ErrEmptyRollup}},
		{name: "bad unit id", unit: "", cards: []Scorecard{MustScorecard(spec("a"))}, wantErrs: []error{outcome.ErrEmptyID}},
		{name: "zero scorecard", unit: "e", cards: []Scorecard{MustScorecard(spec("a")), {}}, wantErrs: []error{ErrInvalidScorecard}},
		{name: "duplicate units", unit: "e", cards: []Scorecard{MustScorecard(spec("a")), MustScorecard(spec("b")), MustScorecard(spec("a"))},
			wantErrs: []error{outcome.ErrDuplicateID}},
		{name: "mixed currencies", unit: "e", cards: []Scorecard{MustScorecard(spec("a")), usd}, wantErrs: []error{ErrCurrencyMismatch}},
		{name: "mixed periods", unit: "e", cards: []Scorecard{MustScorecard(spec("a")), MustScorecard(q2)}, wantErrs: []error{ErrPeriodMismatch}},
		{name: "mixed services", unit: "e", cards: []Scorecard{MustScorecard(spec("a")), rateCard("b", "1", "1", "1", "1", 1, 2, 1, 2)},
			wantErrs: []error{ErrServiceMismatch}},
		{name: "every problem", unit: "e", cards: []Scorecard{MustScorecard(spec("a")), usd, MustScorecard(q2), MustScorecard(spec("a"))},
			wantErrs: []error{ErrCurrencyMismatch, ErrPeriodMismatch, outcome.ErrDuplicateID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewRollup(tt.unit, tt.cards)
			assert.True(t, r.IsZero())
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for _, want := range tt.wantErrs {
				assert.ErrorIs(t, err, want)
			}
		})
	}
	_, err := NewRollup("e", []Scorecard{MustScorecard(spec("a")), usd})
	assert.EqualError(t, err, `triplecrown: currency mismatch: unit "us" is in USD but unit "a" is in EUR`)
	// No cards: the error names the roll-up's unit, the only one involved;
	// an invalid roll-up ID is not named as a unit.
	_, err = NewRollup("e", nil)
	assert.EqualError(t, err, `triplecrown: no scorecards for roll-up "e"`)
	probs := outcome.Problems(err)
	require.Len(t, probs, 1)
	assert.Equal(t, []string{"e"}, probs[0].IDs)
	_, err = NewRollup("", nil)
	probs = outcome.Problems(err)
	require.Len(t, probs, 2)
	assert.ErrorIs(t, probs[0], outcome.ErrEmptyID)
	assert.Equal(t, `triplecrown: a roll-up, unit: empty id`, probs[0].Message, "the ID is said to be the roll-up's unit")
	assert.Equal(t, `triplecrown: no scorecards for a roll-up`, probs[1].Message, "an invalid ID does not name the roll-up")
	assert.Nil(t, probs[1].IDs)
	_, err = NewRollup("e", []Scorecard{MustScorecard(spec("a")), {}, MustScorecard(spec("a"))})
	assert.EqualError(t, err, "triplecrown: scorecard 1 for roll-up \"e\" is the zero Scorecard\n"+
		`triplecrown: unit "a" appears twice in the scorecards for roll-up "e"`)
	_, err = NewRollup("e", []Scorecard{MustScorecard(spec("a")), rateCard("b", "1", "1", "1", "1", 1, 2, 1, 2)})
	assert.EqualError(t, err, `triplecrown: unit "b" measures service as "first-contact resolution" (higher is better, rate), unit "a" as "time to respond" (lower is better, mean): they cannot be combined`)

	big := rateCard("a", "1", "1", "1", "1", math.MaxInt64-1, math.MaxInt64, 1, 2)
	_, err = NewRollup("e", []Scorecard{big, rateCard("b", "1", "1", "1", "1", 1, 2, 1, 2)})
	assert.ErrorIs(t, err, ErrSampleOverflow)
	bigMean := spec("m")
	bigMean.Service.Baseline = mustMeasure(NewMean(dec("1"), 1, math.MaxInt64))
	_, err = NewRollup("e", []Scorecard{MustScorecard(bigMean), MustScorecard(spec("n"))})
	assert.ErrorIs(t, err, ErrSampleOverflow)
	// Both sides overflow: each is named.
	bigMean.Service.Actual = bigMean.Service.Baseline
	_, err = NewRollup("e", []Scorecard{MustScorecard(bigMean), MustScorecard(spec("n"))})
	assert.EqualError(t, err, `triplecrown: the baseline sample sizes of roll-up "e" add up to more than an int64 holds`+"\n"+
		`triplecrown: the actual sample sizes of roll-up "e" add up to more than an int64 holds`)
	// Merged, the sums are of both roll-ups, each named.
	_, err = mustRollup(t, "x", MustScorecard(bigMean)).Merge(mustRollup(t, "y", MustScorecard(spec("n"))))
	assert.EqualError(t, err, `triplecrown: the baseline sample sizes of roll-ups "x" and "y" together add up to more than an int64 holds`+"\n"+
		`triplecrown: the actual sample sizes of roll-ups "x" and "y" together add up to more than an int64 holds`)
	for _, p := range outcome.Problems(err) {
		assert.Equal(t, []string{"x", "y"}, p.IDs)
	}
}

// TestNewRollup_errorIDs: each problem carries the IDs of the units it
// names, in the order it names them (outcome.Error's IDs), the roll-up's
// among them when it is named.
func TestNewRollup_errorIDs(t *testing.T) {
	billing := spec("billing")
	billing.Period = "2024"
	usd := func(s string) Money { return MustMoney(s, "USD") }
	billing.Cost = Amounts{Baseline: usd("1000000"), Actual: usd("900000")}
	billing.Revenue = Amounts{Baseline: usd("2000000"), Actual: usd("2300000")}
	front := MustScorecard(spec("front line"))
	cards := []Scorecard{front, MustScorecard(billing), {}, rateCard("web", "1", "1", "1", "1", 1, 2, 1, 2), front}
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	want := []problem{
		{ErrPeriodMismatch, []string{"billing", "front line"}, `triplecrown: unit "billing" is for period "2024", not "2025" like unit "front line"`},
		{ErrCurrencyMismatch, []string{"billing", "front line"}, `triplecrown: currency mismatch: unit "billing" is in USD but unit "front line" is in EUR`},
		{ErrInvalidScorecard, []string{"centre"}, `triplecrown: scorecard 2 for roll-up "centre" is the zero Scorecard`},
		{ErrServiceMismatch, []string{"web", "front line"}, `triplecrown: unit "web" measures service as "first-contact resolution" (higher is better, rate), unit "front line" as "time to respond" (lower is better, mean): they cannot be combined`},
		{outcome.ErrDuplicateID, []string{"front line", "centre"}, `triplecrown: unit "front line" appears twice in the scorecards for roll-up "centre"`},
	}
	_, err := NewRollup("centre", cards)
	var got []problem
	for _, p := range outcome.Problems(err) {
		got = append(got, problem{p.Code, p.IDs, p.Message})
	}
	assert.Equal(t, want, got)

	// Contributions have no roll-up to name: the units alone.
	_, err = NewContributions(Cost, []Scorecard{front, MustScorecard(billing), front}, 0)
	got = nil
	for _, p := range outcome.Problems(err) {
		got = append(got, problem{p.Code, p.IDs, p.Message})
	}
	assert.Equal(t, []problem{
		{ErrPeriodMismatch, []string{"billing", "front line"}, `triplecrown: unit "billing" is for period "2024", not "2025" like unit "front line"`},
		{ErrCurrencyMismatch, []string{"billing", "front line"}, `triplecrown: currency mismatch: unit "billing" is in USD but unit "front line" is in EUR`},
		{outcome.ErrDuplicateID, []string{"front line"}, `triplecrown: unit "front line" appears twice in the scorecards for the contributions`},
	}, got)
}

// TestNewRollup_wideMoney: amounts too wide for the fixed-point path are
// still summed exactly.
func TestNewRollup_wideMoney(t *testing.T) {
	a := spec("a")
	a.Cost.Baseline = eur("1234567890123456789012345")
	r, err := NewRollup("e", []Scorecard{MustScorecard(a), MustScorecard(spec("b"))})
	require.NoError(t, err)
	// 1234567890123456789012345 + 1000000
	assert.True(t, eur("1234567890123456790012345").Equal(r.Scorecard().Cost().Baseline))
	v := valueCard("v", "1234567890123456789012345", "1", "1", "1")
	w := valueCard("w", "1", "1", "1", "1")
	r, err = NewRollup("e", []Scorecard{v, w})
	require.NoError(t, err)
	total, _ := r.Scorecard().Service().Baseline.Fraction()
	assert.True(t, dec("1234567890123456789012346").Equal(total))
}

// TestNewRollup_bounds: sums beyond the bounds of an amount or of a
// measure's parts are errors naming the roll-up, never values its JSON and
// binary decoders would refuse; sums within them round-trip.
func TestNewRollup_bounds(t *testing.T) {
	nines := strings.Repeat("9", 40)
	card := func(unit string, edit func(*ScorecardSpec)) Scorecard {
		s := spec(unit)
		edit(&s)
		return MustScorecard(s)
	}
	tests := []struct {
		name    string
		cards   []Scorecard
		wantMsg string
	}{
		{
			// 2 x (10^40 - 1) = 2e40 - 2: 41 digits.
			name: "money",
			cards: []Scorecard{card("a", func(s *ScorecardSpec) { s.Cost.Baseline = eur(nines) }),
				card("b", func(s *ScorecardSpec) { s.Cost.Baseline = eur(nines) })},
			wantMsg: `triplecrown: the baseline cost of roll-up "e" with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)`,
		},
		{
			// Weights 1e30 + 1e-30: 10^60 + 1 at exponent -30, 61 digits
			// (the totals, 1 x each, have as many: within the 80 of a total).
			name:    "value weights",
			cards:   []Scorecard{valueCard("a", "1", "1e30", "1", "1"), valueCard("b", "1", "1e-30", "1", "1")},
			wantMsg: `triplecrown: the baseline service weight of roll-up "e" with 61 digits and exponent -30 is out of range (at most 40 digits, exponent within ±30)`,
		},
		{
			// Totals 1e30 x 1 + 1e-30 x 1e-30 = 1e30 + 1e-60: 10^90 + 1 at
			// exponent -60, 91 digits.
			name:    "value totals",
			cards:   []Scorecard{valueCard("a", "1e30", "1", "1", "1"), valueCard("b", "1e-30", "1e-30", "1", "1")},
			wantMsg: `triplecrown: the baseline service total of roll-up "e" with 91 digits and exponent -60 is out of range (at most 80 digits, exponent within ±60)`,
		},
		{
			// Totals 2 x (10^40 - 1) x 10^30 + 2 x 10^-30: about 2e100 at
			// exponent -30, 101 digits.
			name: "mean totals",
			cards: []Scorecard{
				card("a", func(s *ScorecardSpec) { s.Service.Baseline = mustMeasure(NewMean(dec(nines+"e30"), 1, 2)) }),
				card("b", func(s *ScorecardSpec) { s.Service.Baseline = mustMeasure(NewMean(dec("1e-30"), 1, 2)) })},
			wantMsg: `triplecrown: the baseline service total of roll-up "e" with 101 digits and exponent -30 is out of range (at most 80 digits, exponent within ±30)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewRollup("e", tt.cards)
			assert.True(t, r.IsZero())
			assert.ErrorIs(t, err, ErrInvalidAmount)
			assert.EqualError(t, err, tt.wantMsg)
			probs := outcome.Problems(err)
			require.Len(t, probs, 1)
			assert.Equal(t, []string{"e"}, probs[0].IDs)

			// An invalid unit does not hide the sums, which it does not
			// change: the unit's problem first, then the sum's, naming
			// "a roll-up" and no ID.
			_, err = NewRollup("", tt.cards)
			probs = outcome.Problems(err)
			require.Len(t, probs, 2)
			assert.Equal(t, outcome.ErrEmptyID, probs[0].Code)
			assert.Equal(t, "triplecrown: a roll-up, unit: empty id", probs[0].Message)
			assert.Equal(t, ErrInvalidAmount, probs[1].Code)
			assert.Equal(t, strings.Replace(tt.wantMsg, `roll-up "e"`, "a roll-up", 1), probs[1].Message)
			assert.Nil(t, probs[1].IDs)

			// Merging roll-ups of the cards meets the same sums, which are
			// neither roll-up's own: both are named, together.
			_, err = mustRollup(t, "x", tt.cards[0]).Merge(mustRollup(t, "y", tt.cards[1]))
			assert.ErrorIs(t, err, ErrInvalidAmount)
			assert.EqualError(t, err, strings.Replace(tt.wantMsg, `roll-up "e"`, `roll-ups "x" and "y" together`, 1))
			probs = outcome.Problems(err)
			require.Len(t, probs, 1)
			assert.Equal(t, []string{"x", "y"}, probs[0].IDs)
		})
	}

	// Within the bounds, however far apart in scale: the value totals and
	// weights 1e30 + 1e-30 (61 digits) and the costs 1e30 + 1e-9 (40
	// digits), which the decoders read back.
	r, err := NewRollup("e", []Scorecard{valueCard("a", "1e30", "1", "1", "1"), valueCard("b", "1e-30", "1", "1", "1"),
		card("c", func(s *ScorecardSpec) {
			s.Cost.Baseline = eur("1e30")
			s.Service = valueCard("c", "1", "1", "1", "1").Service()
		}),
		card("d", func(s *ScorecardSpec) {
			s.Cost.Baseline = eur("1e-9")
			s.Service = valueCard("d", "1", "1", "1", "1").Service()
		})})
	require.NoError(t, err)
	// 100 + 100 + 1e30 + 1e-9.
	assert.True(t, eur("1000000000000000000000000000200.000000001").Equal(r.Scorecard().Cost().Baseline))
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var fromJSON Rollup
	require.NoError(t, json.Unmarshal(b, &fromJSON), "%s", b)
	assert.True(t, r.Equal(fromJSON))
	bin, err := r.MarshalBinary()
	require.NoError(t, err)
	var fromBinary Rollup
	require.NoError(t, fromBinary.UnmarshalBinary(bin))
	assert.True(t, r.Equal(fromBinary))
}

// TestNewRollup_merge: rolling up roll-ups gives the roll-up of all units,
// and the order of the cards does not matter.
func TestNewRollup_merge(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var cards []Scorecard
	for i := range 12 {
		s0 := rng.Int64N(1000)
		s1 := rng.Int64N(1000)
		cards = append(cards, rateCard(string(rune('a'+i)),
			money(rng), money(rng), money(rng), money(rng), s0, 1000, s1, 1000+rng.Int64N(10)))
	}
	all, err := NewRollup("e", cards)
	require.NoError(t, err)
	left, err := NewRollup("left", cards[:5])
	require.NoError(t, err)
	right, err := NewRollup("right", cards[5:])
	require.NoError(t, err)
	merged, err := NewRollup("e", []Scorecard{left.Scorecard(), right.Scorecard()})
	require.NoError(t, err)
	assert.True(t, all.Scorecard().Equal(merged.Scorecard()), "merge of parts equals the whole")

	rng.Shuffle(len(cards), func(i, j int) { cards[i], cards[j] = cards[j], cards[i] })
	shuffled, err := NewRollup("e", cards)
	require.NoError(t, err)
	assert.True(t, all.Scorecard().Equal(shuffled.Scorecard()), "order does not matter")
}

func money(rng *rand.Rand) string {
	return decimalInt(rng.Int64N(10_000_000)).Shift(-2).String()
}

func TestNewRollups(t *testing.T) {
	cards := []Scorecard{
		rateCard("sales", "100", "90", "500", "550", 70, 100, 80, 100),
		rateCard("marketing", "50", "55", "0", "0", 60, 100, 60, 100),
		rateCard("support", "200", "150", "0", "0", 50, 100, 65, 100),
	}
	rs, err := NewRollups([]Group{
		{ID: "commercial", Units: []string{"sales", "marketing"}},
		{ID: "operations", Units: []string{"support"}},
	}, cards)
	require.NoError(t, err)
	require.Len(t, rs, 2)
	// Commercial cost: 100 + 50 = 150 -> 90 + 55 = 145.
	assert.True(t, eur("150").Equal(rs[0].Scorecard().Cost().Baseline))
	assert.True(t, eur("145").Equal(rs[0].Scorecard().Cost().Actual))
	assert.Equal(t, "operations", rs[1].Scorecard().Unit())

	// Divisions roll up to the enterprise: the same as all departments.
	ent, err := NewRollup("enterprise", []Scorecard{rs[0].Scorecard(), rs[1].Scorecard()})
	require.NoError(t, err)
	direct, err := NewRollup("enterprise", cards)
	require.NoError(t, err)
	assert.True(t, direct.Scorecard().Equal(ent.Scorecard()))

	tests := []struct {
		name     string
		groups   []Group
		cards    []Scorecard
		wantErrs []error
	}{
		{name: "no groups", groups: nil, cards: cards, wantErrs: []error{ErrEmptyRollup}},
		{name: "no cards", groups: []Group{{ID: "g", Units: []string{"x"}}}, cards: nil, wantErrs: []error{ErrEmptyRollup}},
		{name: "unknown unit", groups: []Group{{ID: "g", Units: []string{"sales", "legal"}}}, cards: cards, wantErrs: []error{ErrUnknownUnit}},
		{name: "empty group", groups: []Group{{ID: "g"}}, cards: cards, wantErrs: []error{ErrEmptyRollup}},
		{name: "duplicate group", groups: []Group{{ID: "g", Units: []string{"sales"}}, {ID: "g", Units: []string{"support"}}}, cards: cards,
			wantErrs: []error{outcome.ErrDuplicateID}},
		{name: "unit twice in a group", groups: []Group{{ID: "g", Units: []string{"sales", "sales"}}}, cards: cards,
			wantErrs: []error{outcome.ErrDuplicateID}},
		{name: "bad group id", groups: []Group{{ID: " g", Units: []string{"sales"}}}, cards: cards, wantErrs: []error{outcome.ErrInvalidID}},
		{name: "several", groups: []Group{{ID: "g", Units: []string{"legal"}}, {ID: "h"}, {ID: "g"}}, cards: cards,
			// The second "g" is a duplicate, and has no units.
			wantErrs: []error{ErrUnknownUnit, ErrEmptyRollup, outcome.ErrDuplicateID, ErrEmptyRollup}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := NewRollups(tt.groups, tt.cards)
			assert.Nil(t, rs)
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for i, want := range tt.wantErrs {
				assert.ErrorIs(t, probs[i], want)
			}
		})
	}
	_, err = NewRollups([]Group{{ID: "g", Units: []string{"legal"}}}, cards)
	assert.EqualError(t, err, `triplecrown: group "g" names unit "legal", which has no scorecard`)

	// No cards at all involves no unit: the error names no IDs (not the
	// label "groups", which a BI tool would take for a unit).
	_, err = NewRollups([]Group{{ID: "g", Units: []string{"x"}}}, nil)
	assert.EqualError(t, err, "triplecrown: no scorecards for the groups")
	probs := outcome.Problems(err)
	require.Len(t, probs, 1)
	assert.Nil(t, probs[0].IDs)
	// A duplicate card names its unit.
	_, err = NewRollups([]Group{{ID: "g", Units: []string{"sales"}}}, []Scorecard{cards[0], cards[0]})
	assert.EqualError(t, err, `triplecrown: unit "sales" appears twice in the scorecards for the groups`)
	probs = outcome.Problems(err)
	require.Len(t, probs, 1)
	assert.Equal(t, []string{"sales"}, probs[0].IDs)

	// A group whose ID is not valid still has its units checked: each
	// group's problems are the ID's (ValidateID's words, after the group's
	// place when the ID is empty, as the empty ID names nothing), then what
	// NewRollup says of the group's cards as a roll-up. The zero Group (as
	// {} reads) has the empty ID and no units; " g" names a unit no card has
	// ("legal"), " h" one twice ("sales").
	_, err = NewRollups([]Group{{}, {ID: " g", Units: []string{"legal", "sales"}}, {ID: " h", Units: []string{"sales", "sales"}}}, cards)
	assertProblemList(t, err, []specProblem{
		{outcome.ErrEmptyID, nil, `triplecrown: group #0: empty id`},
		{ErrEmptyRollup, nil, `triplecrown: no scorecards for group #0`},
		{outcome.ErrInvalidID, []string{" g"}, `outcome: id " g" has surrounding white space`},
		{ErrUnknownUnit, []string{" g", "legal"}, `triplecrown: group " g" names unit "legal", which has no scorecard`},
		{outcome.ErrInvalidID, []string{" h"}, `outcome: id " h" has surrounding white space`},
		{outcome.ErrDuplicateID, []string{"sales", " h"}, `triplecrown: unit "sales" appears twice in the scorecards for group " h"`},
	})
	// With the empty ID, an unknown unit's problem names the group by its
	// place and has the unit's ID only.
	_, err = NewRollups([]Group{{ID: "north", Units: []string{"sales"}}, {Units: []string{"legal"}}}, cards)
	assertProblemList(t, err, []specProblem{
		{outcome.ErrEmptyID, nil, `triplecrown: group #1: empty id`},
		{ErrUnknownUnit, []string{"legal"}, `triplecrown: group #1 names unit "legal", which has no scorecard`},
	})

	// The groups are checked also when the cards have problems, which come
	// first; a group's cards are not rolled up then (their mismatches are
	// the cards' problems, reported once). Here "sales" is given twice and
	// the second card is for another period: the groups still name a unit
	// no card has, give none, and name "support" twice.
	other := rateCard("support", "200", "150", "0", "0", 50, 100, 65, 100)
	other.spec.Period = "2025-Q2"
	_, err = NewRollups([]Group{
		{ID: "north", Units: []string{"sales", "legal"}},
		{ID: "south"},
		{ID: "east", Units: []string{"support", "support", "sales"}},
		{ID: "north", Units: []string{"sales"}},
	}, []Scorecard{cards[0], cards[0], other})
	assertProblemList(t, err, []specProblem{
		{outcome.ErrDuplicateID, []string{"sales"}, `triplecrown: unit "sales" appears twice in the scorecards for the groups`},
		{ErrPeriodMismatch, []string{"support", "sales"}, `triplecrown: unit "support" is for period "2025-Q2", not "2025" like unit "sales"`},
		{ErrUnknownUnit, []string{"north", "legal"}, `triplecrown: group "north" names unit "legal", which has no scorecard`},
		{ErrEmptyRollup, []string{"south"}, `triplecrown: no scorecards for roll-up "south"`},
		{outcome.ErrDuplicateID, []string{"support", "east"}, `triplecrown: unit "support" appears twice in the scorecards for roll-up "east"`},
		{outcome.ErrDuplicateID, []string{"north"}, `triplecrown: group "north" appears twice`},
	})
	// A group's units are checked also when its ID is given twice, and a
	// unit named twice also when another is unknown; a group whose units
	// are all unknown is not also said to have none, and a unit no card has
	// is said once however often it is named.
	_, err = NewRollups([]Group{
		{ID: "north", Units: []string{"sales"}},
		{ID: "north", Units: []string{"legal", "support"}},
		{ID: "south", Units: []string{"sales", "legal", "sales"}},
		{ID: "east", Units: []string{"legal", "legal"}},
	}, cards)
	assertProblemList(t, err, []specProblem{
		{outcome.ErrDuplicateID, []string{"north"}, `triplecrown: group "north" appears twice`},
		{ErrUnknownUnit, []string{"north", "legal"}, `triplecrown: group "north" names unit "legal", which has no scorecard`},
		{ErrUnknownUnit, []string{"south", "legal"}, `triplecrown: group "south" names unit "legal", which has no scorecard`},
		{outcome.ErrDuplicateID, []string{"sales", "south"}, `triplecrown: unit "sales" appears twice in the scorecards for roll-up "south"`},
		{ErrUnknownUnit, []string{"east", "legal"}, `triplecrown: group "east" names unit "legal", which has no scorecard`},
	})
	// No groups and cards with problems: both are reported.
	_, err = NewRollups(nil, []Scorecard{cards[0], cards[0]})
	assertProblemList(t, err, []specProblem{
		{outcome.ErrDuplicateID, []string{"sales"}, `triplecrown: unit "sales" appears twice in the scorecards for the groups`},
		{ErrEmptyRollup, nil, `triplecrown: no groups to roll up`},
	})
}

func TestGroup_Equal(t *testing.T) {
	// A group has no decimals: nil units and empty ones, which its JSON
	// writes alike ([]), are Equal, where reflect.DeepEqual tells them
	// apart.
	equaltest.Check(t, equaltest.Case[Group]{Equal: Group.Equal, Base: func() Group { return Group{ID: "north"} },
		Twins: []equaltest.Twins[Group]{{Name: "nil and empty units", A: Group{ID: "north"}, B: Group{ID: "north", Units: []string{}}, DeepDiffers: true}},
		Changes: []equaltest.Change[Group]{
			{Field: "ID", What: `g.ID = "south"`, Apply: func(g *Group) { g.ID = "south" }},
			{Field: "Units", What: `g.Units = []string{"leeds"}`, Apply: func(g *Group) { g.Units = []string{"leeds"} }},
		},
	})
	a := Group{ID: "north", Units: []string{"leeds", "york"}}
	assert.True(t, a.Equal(Group{ID: "north", Units: []string{"leeds", "york"}}))
	// The order of the units counts.
	assert.False(t, a.Equal(Group{ID: "north", Units: []string{"york", "leeds"}}))
	assert.False(t, a.Equal(Group{ID: "north", Units: []string{"leeds"}}))
	assert.False(t, Group{ID: "north", Units: []string{"leeds"}}.Equal(a))
}

// assertProblemList checks that err is exactly the problems want, in
// order: each code, IDs and message.
func assertProblemList(t *testing.T, err error, want []specProblem) {
	t.Helper()
	var got []specProblem
	for _, p := range outcome.Problems(err) {
		got = append(got, specProblem{p.Code, p.IDs, p.Message})
	}
	assert.Equal(t, want, got)
}
