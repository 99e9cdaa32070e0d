package outcome_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

func mustCSAT(t *testing.T, s outcome.CSATScale, counts ...int64) outcome.CSATTally {
	t.Helper()
	tally, err := outcome.CSATTallyFromCounts(s, counts)
	require.NoError(t, err)
	return tally
}

func TestNewCSATScale(t *testing.T) {
	std := outcome.StandardCSATScale()
	assert.True(t, std.IsZero())
	assert.Equal(t, outcome.MustScale(1, 5), std.Scale())
	assert.Equal(t, 2, std.Box())
	assert.Equal(t, outcome.Band{Low: 4, High: 5}, std.TopBox())
	assert.Equal(t, "top-2 box 4..5 of 1..5", std.String())

	explicit, err := outcome.NewCSATScale(outcome.MustScale(1, 5), 2)
	require.NoError(t, err)
	assert.True(t, explicit.Equal(std), "the standard scale built explicitly is the zero value")

	seven := outcome.MustCSATScale(outcome.MustScale(1, 7), 3)
	assert.Equal(t, outcome.Band{Low: 5, High: 7}, seven.TopBox())
	assert.False(t, seven.IsZero())

	tests := []struct {
		name    string
		scale   outcome.Scale
		box     int
		code    error
		message string
	}{
		{"too many points", outcome.MustScale(0, 11), 2, outcome.ErrInvalidScale,
			"outcome: CSAT scale 0..11 is not a scale of 2 to 11 points"},
		{"invalid scale", outcome.Scale{}, 2, outcome.ErrInvalidScale,
			"outcome: CSAT scale 0..0 is not a scale of 2 to 11 points"},
		{"empty box", outcome.MustScale(1, 5), 0, outcome.ErrInvalidBands,
			"outcome: a top box of 0 points on the CSAT scale 1..5 must hold 1 to 4 points"},
		{"box of the whole scale", outcome.MustScale(1, 5), 5, outcome.ErrInvalidBands,
			"outcome: a top box of 5 points on the CSAT scale 1..5 must hold 1 to 4 points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := outcome.NewCSATScale(tt.scale, tt.box)
			require.ErrorIs(t, err, tt.code)
			assert.Equal(t, tt.message, err.Error())
			assert.Panics(t, func() { outcome.MustCSATScale(tt.scale, tt.box) })
		})
	}
}

// TestCSATScore: answers 1..5 counted 2, 3, 5, 20, 10 (n = 40). The top two
// box (4 and 5) holds 30: CSAT = 100 * 30 / 40 = 75. The mean is (2*1 + 3*2 +
// 5*3 + 20*4 + 10*5) / 40 = 153 / 40 = 3.825: 3.83 half away from zero, 3.82
// half to even. The Wilson 95% interval of 30/40 (worked in
// TestSurveyWilson) is 59.806039..85.812881.
func TestCSATScore(t *testing.T) {
	tally := mustCSAT(t, outcome.StandardCSATScale(), 2, 3, 5, 20, 10)
	assert.Equal(t, int64(40), tally.Responses())
	assert.Equal(t, int64(30), tally.Satisfied())
	assert.Equal(t, []int64{2, 3, 5, 20, 10}, tally.Counts())
	assert.Equal(t, "CSAT tally on top-2 box 4..5 of 1..5: [2 3 5 20 10] (40 responses)", tally.String())

	score, err := tally.Score(0, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(75).Equal(score), "%s", score)

	mean, err := tally.Mean(2, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("3.83").Equal(mean), "%s", mean)
	mean, err = tally.Mean(2, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("3.82").Equal(mean), "%s", mean)
	mean, err = tally.Mean(3, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("3.825").Equal(mean), "%s", mean)

	iv, err := tally.Interval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 75, iv.Estimate, 1e-12)
	assert.InDelta(t, 59.806039, iv.Low, 1e-6)
	assert.InDelta(t, 85.812881, iv.High, 1e-6)
}

// TestCSATCountsAgainstScaleTop: nobody answered 4 or 5. The top two box is
// still 4..5, so CSAT is 0 (counting from the highest answer observed, 3,
// would wrongly count the 2s and 3s: 100 * (10 + 5) / 20 = 75). The Wilson interval of 0/20
// runs from 0 to z²/(n + z²) = 3.841459 / 23.841459 = 16.112 percent.
func TestCSATCountsAgainstScaleTop(t *testing.T) {
	tally, err := outcome.TallyCSAT(outcome.StandardCSATScale(), []int8{1, 2, 2, 3, 3, 1, 2, 3, 2, 2, 1, 1, 2, 2, 3, 2, 1, 2, 2, 3})
	require.NoError(t, err)
	assert.Equal(t, []int64{5, 10, 5, 0, 0}, tally.Counts())
	score, err := tally.Score(1, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.Zero.Equal(score), "%s", score)
	iv, err := tally.Interval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0, iv.Low, 1e-9)
	assert.InDelta(t, 16.112, iv.High, 1e-3)
}

// TestCSATTopBox: a top box of one point (only 5) on 1..5, and a top-three
// box on 1..7: answers 7, 6, 5, 4, 1 are 3 of 5 satisfied, 60 percent.
func TestCSATTopBox(t *testing.T) {
	top1 := outcome.MustCSATScale(outcome.MustScale(1, 5), 1)
	tally, err := outcome.TallyCSAT(top1, []int{5, 4, 4, 5})
	require.NoError(t, err)
	assert.Equal(t, int64(2), tally.Satisfied())

	seven := outcome.MustCSATScale(outcome.MustScale(1, 7), 3)
	tally, err = outcome.TallyCSAT(seven, []int{7, 6, 5, 4, 1})
	require.NoError(t, err)
	score, err := tally.Score(0, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(60).Equal(score))
	assert.Equal(t, seven, tally.Scale())
}

func TestCSATBuilding(t *testing.T) {
	answers := []int{5, 4, 4, 3, 1, 5, 5}
	want := mustCSAT(t, outcome.StandardCSATScale(), 1, 0, 1, 2, 3)
	var one outcome.CSATTally
	for _, a := range answers {
		var err error
		one, err = one.Add(a)
		require.NoError(t, err)
	}
	assert.True(t, want.Equal(one))
	got, err := outcome.TallyCSAT(outcome.StandardCSATScale(), answers)
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
	assert.True(t, outcome.NewCSATTally(outcome.StandardCSATScale()).IsZero())
	assert.False(t, want.IsZero())

	_, err = outcome.TallyCSAT(outcome.StandardCSATScale(), []int{5, 0})
	require.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	assert.Equal(t, "outcome: score 0 at position 1 is outside the scale 1..5", err.Error())
	_, err = one.Add(6)
	require.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	assert.Equal(t, "outcome: score 6 is outside the scale 1..5", err.Error())
}

func TestCSATCountsErrors(t *testing.T) {
	_, err := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{1, 2, 3, 4})
	require.ErrorIs(t, err, outcome.ErrScaleMismatch)
	assert.Equal(t, "outcome: 4 counts given for the 5 points of the scale 1..5", err.Error())
	_, err = outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{1, -2, 3, 4, -5})
	require.ErrorIs(t, err, outcome.ErrInvalidCount)
	var got []string
	for _, p := range outcome.Problems(err) {
		got = append(got, p.Message)
	}
	assert.Equal(t, []string{"outcome: the answer-2 count -2 is negative", "outcome: the answer-5 count -5 is negative"}, got)
	_, err = outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{math.MaxInt64, 0, 0, 0, 1})
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	// Counts that do not match the scale are still checked, each named by
	// its index: six counts for five points, the second and sixth negative.
	_, err = outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{1, -2, 3, 4, 5, -6})
	got = nil
	for _, p := range outcome.Problems(err) {
		got = append(got, string(p.Code)+": "+p.Message)
	}
	assert.Equal(t, []string{"scale-mismatch: outcome: 6 counts given for the 5 points of the scale 1..5",
		"invalid-count: outcome: counts[1] is negative: -2", "invalid-count: outcome: counts[5] is negative: -6"}, got)

	full := mustCSAT(t, outcome.StandardCSATScale(), math.MaxInt64, 0, 0, 0, 0)
	_, err = full.Add(3)
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = full.Merge(mustCSAT(t, outcome.StandardCSATScale(), 0, 0, 0, 0, 1))
	assert.ErrorIs(t, err, outcome.ErrOverflow)

	other := outcome.NewCSATTally(outcome.MustCSATScale(outcome.MustScale(1, 5), 1))
	_, err = full.Merge(other)
	require.ErrorIs(t, err, outcome.ErrScaleMismatch)
	assert.Equal(t, "outcome: cannot merge CSAT tallies on different scales (top-2 box 4..5 of 1..5 and top-1 box 5..5 of 1..5)", err.Error())
}

func TestCSATEmptyAndSingle(t *testing.T) {
	var empty outcome.CSATTally
	_, err := empty.Score(0, outcome.RoundHalfUp)
	require.ErrorIs(t, err, outcome.ErrNoData)
	assert.Equal(t, "outcome: the CSAT score of a tally with no responses", err.Error())
	_, err = empty.Mean(0, outcome.RoundHalfUp)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.Interval(0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	single := mustCSAT(t, outcome.StandardCSATScale(), 0, 0, 0, 0, 1)
	_, err = single.Interval(0.95)
	require.ErrorIs(t, err, outcome.ErrTooFewResponses)
	assert.Equal(t, "outcome: a confidence interval of the CSAT score needs at least two responses, the tally has one", err.Error())
	// As documented, the tally refuses one response while its Satisfaction,
	// 1 of 1, has a Wilson interval: z = 1.959964, z² = 3.841459, s = n = 1,
	// b = z·sqrt(0 + z²/4) = z²/2, Low = 1/(1 + z²/2 + z²/2) = 1/4.841459
	// = 0.206549, High = 1 (s = n).
	w, err := single.Satisfaction().Wilson(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.206549, w.Low, 1e-6)
	assert.Equal(t, 1.0, w.High)
	_, err = single.Interval(math.NaN())
	assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
	// The bad confidence does not hide the single response: both, the
	// confidence's first.
	assert.EqualError(t, err, "outcome: confidence level NaN is not strictly between 0 and 1 (0.95 for 95%)\n"+
		"outcome: a confidence interval of the CSAT score needs at least two responses, the tally has one")
	_, err = single.Score(0, 0)
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	_, err = single.Mean(outcome.MaxPlaces+1, outcome.RoundHalfUp)
	assert.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	_, err = single.Mean(1, outcome.Rounding(99))
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	_, err = empty.Score(-outcome.MaxPlaces-1, outcome.RoundHalfUp)
	assert.ErrorIs(t, err, outcome.ErrInvalidPlaces, "the arguments are checked first")
	// Every problem together: the mode, the places, then the empty tally.
	_, err = empty.Score(-outcome.MaxPlaces-1, 0)
	assert.EqualError(t, err, "outcome: invalid rounding mode 0; choose one such as RoundHalfEven\n"+
		"outcome: -101 decimal places is outside [-100, 100]\n"+
		"outcome: the CSAT score of a tally with no responses")
	_, err = empty.Mean(outcome.MaxPlaces+1, outcome.RoundHalfUp)
	assert.Equal(t, []outcome.Code{outcome.ErrInvalidPlaces, outcome.ErrNoData}, problemCodes(err))
	assert.EqualError(t, err, "outcome: 101 decimal places is outside [-100, 100]\n"+
		"outcome: the mean CSAT answer of a tally with no responses")
}

// TestCSATMergeProperty checks that merging the tallies of random shards, in
// random order, gives the tally of all the answers.
func TestCSATMergeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	s := outcome.MustCSATScale(outcome.MustScale(0, 10), 3)
	for range 100 {
		all := make([]int, r.IntN(2000))
		for i := range all {
			all[i] = r.IntN(11)
		}
		whole, err := outcome.TallyCSAT(s, all)
		require.NoError(t, err)
		var shards []outcome.CSATTally
		for rest := all; len(rest) > 0; {
			k := 1 + r.IntN(len(rest))
			part := make([]int8, k)
			for i, v := range rest[:k] {
				part[i] = int8(v)
			}
			rest = rest[k:]
			shard, err := outcome.TallyCSAT(s, part)
			require.NoError(t, err)
			shards = append(shards, shard)
		}
		r.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
		merged := outcome.NewCSATTally(s)
		for _, shard := range shards {
			merged, err = merged.Merge(shard)
			require.NoError(t, err)
		}
		assert.True(t, whole.Equal(merged))
	}
}

// TestCSATSatisfaction checks the satisfied share as a Proportion: 30 of 40
// (TestCSATScore), whose Wilson interval in percent is the tally's interval,
// with its method.
func TestCSATSatisfaction(t *testing.T) {
	tally := mustCSAT(t, outcome.StandardCSATScale(), 2, 3, 5, 20, 10)
	p := tally.Satisfaction()
	assert.True(t, outcome.MustProportion(30, 40).Equal(p))
	rate, err := p.Rate(2, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("0.75").Equal(rate))
	w, err := p.Wilson(0.95)
	require.NoError(t, err)
	iv, err := tally.Interval(0.95)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalWilson, iv.Method)
	assert.Equal(t, 0.95, iv.Confidence)
	assert.InDelta(t, 100*w.Low, iv.Low, 1e-12)
	assert.InDelta(t, 100*w.High, iv.High, 1e-12)
	assert.True(t, outcome.NewCSATTally(outcome.StandardCSATScale()).Satisfaction().IsZero())
}

// TestCSATIntervalHugeCounts: 2^55 answers, none in the top box. The
// Wilson upper bound is z²/(n + z²) = 3.8414588/(2^55 + 3.8414588) =
// 1.0662190e-16 (see TestProportion_Wilson), 1.0662190e-14 in percent: the
// interval does not collapse to 0..0. The CES agreement share is the same
// interval.
func TestCSATIntervalHugeCounts(t *testing.T) {
	const n = int64(1) << 55
	iv, err := mustCSAT(t, outcome.StandardCSATScale(), n, 0, 0, 0, 0).Interval(0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, iv.Low)
	assert.InEpsilon(t, 1.0662190e-14, iv.High, 1e-7)
	ag, err := mustCES(t, outcome.StandardCESScale(), n, 0, 0, 0, 0, 0, 0).AgreeInterval(0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, ag.Low)
	assert.InEpsilon(t, 1.0662190e-14, ag.High, 1e-7)
}

// TestCSATMeanPastInt64: 2^62 - 1 answers of 1 and 2^62 answers of 5. The
// sum of the answers, (2^62 - 1) + 5 * 2^62 = 6 * 2^62 - 1, is past the
// largest int64, and the mean is (6 * 2^62 - 1) / (2^63 - 1) =
// 3 + 2 / (2^63 - 1) = 3.000000000000000000216...: 3.000000000000000000 to
// 18 places half to even, 3.000000000000000001 rounded up.
func TestCSATMeanPastInt64(t *testing.T) {
	tally := mustCSAT(t, outcome.StandardCSATScale(), 1<<62-1, 0, 0, 0, 1<<62)
	mean, err := tally.Mean(18, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.Equal(t, "3.000000000000000000", mean.StringFixed(18))
	assert.Equal(t, int32(-18), mean.Exponent())
	mean, err = tally.Mean(18, outcome.RoundUp)
	require.NoError(t, err)
	assert.Equal(t, "3.000000000000000001", mean.String())
	score, err := tally.Score(20, outcome.RoundDown)
	require.NoError(t, err)
	// 100 * 2^62 / (2^63 - 1) = 50.00000000000000000542...
	assert.Equal(t, "50.00000000000000000542", score.String())
}

func TestCSATScaleJSON(t *testing.T) {
	tests := []struct {
		name  string
		scale outcome.CSATScale
		json  string
	}{
		{"standard", outcome.StandardCSATScale(), `{"min":1,"max":5,"box":2}`},
		{"top three of seven", outcome.MustCSATScale(outcome.MustScale(1, 7), 3), `{"min":1,"max":7,"box":3}`},
		{"zero to ten", outcome.MustCSATScale(outcome.MustScale(0, 10), 1), `{"min":0,"max":10,"box":1}`},
		{"negative", outcome.MustCSATScale(outcome.MustScale(-2, 2), 4), `{"min":-2,"max":2,"box":4}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.scale)
			require.NoError(t, err)
			assert.Equal(t, tt.json, string(data))
			var back outcome.CSATScale
			require.NoError(t, json.Unmarshal(data, &back))
			assert.True(t, tt.scale.Equal(back))
		})
	}
	bad := []struct {
		name    string
		in      string
		code    outcome.Code
		message string
	}{
		{"no box", `{"min":1,"max":5}`, outcome.ErrInvalidBands,
			"outcome: a top box of 0 points on the CSAT scale 1..5 must hold 1 to 4 points"},
		{"too many points", `{"min":0,"max":11,"box":2}`, outcome.ErrInvalidScale,
			"outcome: CSAT scale 0..11 is not a scale of 2 to 11 points"},
		{"reversed", `{"min":5,"max":1,"box":2}`, outcome.ErrInvalidScale,
			"outcome: scale 5..1 has fewer than two points (its bottom must be below its top)"},
		{"unknown field", `{"min":1,"max":5,"box":2,"top":5}`, outcome.ErrInvalidJSON,
			`outcome: CSAT scale has an unknown field "top"`},
		{"trailing data", `{"min":1,"max":5,"box":2}]`, outcome.ErrInvalidJSON, ""},
		{"null", `null`, outcome.ErrInvalidJSON, "outcome: a CSAT scale cannot be null"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			was := outcome.MustCSATScale(outcome.MustScale(1, 7), 3)
			got := was
			err := got.UnmarshalJSON([]byte(tt.in))
			require.ErrorIs(t, err, tt.code)
			if tt.message != "" {
				assert.Equal(t, tt.message, err.Error())
			}
			assert.True(t, was.Equal(got), "unchanged on error")
		})
	}
}

func TestCSATTallyJSON(t *testing.T) {
	tally := mustCSAT(t, outcome.StandardCSATScale(), 2, 3, 5, 20, 10)
	data, err := json.Marshal(tally)
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":1,"max":5,"box":2},"counts":[2,3,5,20,10]}`, string(data))
	var back outcome.CSATTally
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, tally.Equal(back))
	// The empty tally has all its counts, zero.
	data, err = json.Marshal(outcome.NewCSATTally(outcome.MustCSATScale(outcome.MustScale(1, 3), 1)))
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":1,"max":3,"box":1},"counts":[0,0,0]}`, string(data))
	// An absent scale is the standard one; a null one is refused.
	require.NoError(t, json.Unmarshal([]byte(`{"counts":[1,0,0,0,1]}`), &back))
	assert.True(t, mustCSAT(t, outcome.StandardCSATScale(), 1, 0, 0, 0, 1).Equal(back))
	err = json.Unmarshal([]byte(`{"scale":null,"counts":[1,0,0,0,1]}`), &back)
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.EqualError(t, err, `outcome: CSAT tally: "scale" must be an object, not null`)

	type wrapper struct {
		T outcome.CSATTally `json:"t,omitzero"`
	}
	data, err = json.Marshal(wrapper{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(data))

	bad := []struct {
		name     string
		in       string
		code     outcome.Code
		messages []string
	}{
		{"no counts", `{}`, outcome.ErrScaleMismatch,
			[]string{"outcome: 0 counts given for the 5 points of the scale 1..5"}},
		{"too many counts", `{"scale":{"min":1,"max":3,"box":1},"counts":[1,2,3,4]}`, outcome.ErrScaleMismatch,
			[]string{"outcome: 4 counts given for the 3 points of the scale 1..3"}},
		{"negative counts", `{"counts":[1,-2,3,4,-5]}`, outcome.ErrInvalidCount,
			[]string{"outcome: the answer-2 count -2 is negative", "outcome: the answer-5 count -5 is negative"}},
		{"overflow", `{"counts":[9223372036854775807,0,0,0,1]}`, outcome.ErrOverflow,
			[]string{"outcome: the response count would overflow: 9223372036854775807 + 1 is past the largest int64"}},
		{"bad scale", `{"scale":{"min":1,"max":5,"box":0},"counts":[1,2,3,4,5]}`, outcome.ErrInvalidBands,
			[]string{"outcome: a top box of 0 points on the CSAT scale 1..5 must hold 1 to 4 points"}},
		{"unknown field", `{"counts":[1,2,3,4,5],"score":80}`, outcome.ErrInvalidJSON, nil},
		{"unknown scale field", `{"scale":{"min":1,"max":5,"box":2,"x":1},"counts":[1,2,3,4,5]}`, outcome.ErrInvalidJSON, nil},
		{"count not an integer", `{"counts":[1,2,3,4,5.5]}`, outcome.ErrInvalidJSON, nil},
		{"duplicate key", `{"counts":[1,2,3,4,5],"counts":[1,2,3,4,5]}`, outcome.ErrInvalidJSON, nil},
		{"null", ` null `, outcome.ErrInvalidJSON, []string{"outcome: a CSAT tally cannot be null"}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			was := mustCSAT(t, outcome.StandardCSATScale(), 9, 8, 7, 6, 5)
			got := was
			err := got.UnmarshalJSON([]byte(tt.in))
			require.ErrorIs(t, err, tt.code)
			if tt.messages != nil {
				var messages []string
				for _, p := range outcome.Problems(err) {
					messages = append(messages, p.Message)
				}
				assert.Equal(t, tt.messages, messages)
			}
			assert.True(t, was.Equal(got), "unchanged on error")
		})
	}
}

// TestCSATTallyJSONRoundTrip: random tallies on random scales and boxes
// round-trip through JSON.
func TestCSATTallyJSONRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 500 {
		lo := r.IntN(21) - 10
		sc := outcome.MustScale(lo, lo+1+r.IntN(outcome.MaxRatingPoints-1))
		s := outcome.MustCSATScale(sc, 1+r.IntN(sc.Points()-1))
		counts := make([]int64, sc.Points())
		for i := range counts {
			if r.IntN(4) == 0 {
				counts[i] = math.MaxInt64 / int64(2*len(counts)) // large, still summing within int64
			} else {
				counts[i] = r.Int64N(100)
			}
		}
		tally := mustCSAT(t, s, counts...)
		data, err := json.Marshal(tally)
		require.NoError(t, err)
		var back outcome.CSATTally
		require.NoError(t, json.Unmarshal(data, &back), "%s", data)
		assert.True(t, tally.Equal(back), "%v -> %s -> %v", tally, data, back)
	}
}
