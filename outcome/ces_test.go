package outcome_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

func mustCES(t *testing.T, s outcome.CESScale, counts ...int64) outcome.CESTally {
	t.Helper()
	tally, err := outcome.CESTallyFromCounts(s, counts)
	require.NoError(t, err)
	return tally
}

func TestNewCESScale(t *testing.T) {
	std := outcome.StandardCESScale()
	assert.True(t, std.IsZero())
	assert.Equal(t, outcome.MustScale(1, 7), std.Scale())
	assert.Equal(t, 5, std.Agree())
	assert.Equal(t, "1..7, agree from 5", std.String())
	explicit, err := outcome.NewCESScale(outcome.MustScale(1, 7), 5)
	require.NoError(t, err)
	assert.True(t, explicit.Equal(std))

	five := outcome.MustCESScale(outcome.MustScale(1, 5), 4)
	assert.Equal(t, 4, five.Agree())
	assert.False(t, five.IsZero())

	tests := []struct {
		name    string
		scale   outcome.Scale
		agree   int
		code    error
		message string
	}{
		{"too many points", outcome.MustScale(1, 12), 5, outcome.ErrInvalidScale,
			"outcome: CES scale 1..12 is not a scale of 2 to 11 points"},
		{"agree at the bottom", outcome.MustScale(1, 7), 1, outcome.ErrInvalidBands,
			"outcome: CES agreement point 1 must be in 2..7, above the bottom of the scale 1..7"},
		{"agree above the top", outcome.MustScale(1, 7), 8, outcome.ErrInvalidBands,
			"outcome: CES agreement point 8 must be in 2..7, above the bottom of the scale 1..7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := outcome.NewCESScale(tt.scale, tt.agree)
			require.ErrorIs(t, err, tt.code)
			assert.Equal(t, tt.message, err.Error())
			assert.Panics(t, func() { outcome.MustCESScale(tt.scale, tt.agree) })
		})
	}
}

// TestCESStatistics: answers 1..7 counted 1, 2, 3, 4, 10, 20, 10 (n = 50).
//
//	sum = 1 + 4 + 9 + 16 + 50 + 120 + 70 = 270, mean = 270 / 50 = 5.4
//	squared deviations: 1*4.4² + 2*3.4² + 3*2.4² + 4*1.4² + 10*0.4² + 20*0.6² + 10*1.6²
//	  = 19.36 + 23.12 + 17.28 + 7.84 + 1.6 + 7.2 + 25.6 = 102
//	s = sqrt(102 / 49) = 1.442786, SE = s / sqrt(50) = 0.204041
//	95%: 5.4 ± 1.959964 * 0.204041 = 5.4 ± 0.399913 = 5.000087..5.799913
//	agreeing (5, 6, 7) = 40 of 50 = 80 percent
//	Wilson 95% of 40/50: 66.962894..88.756250
func TestCESStatistics(t *testing.T) {
	tally := mustCES(t, outcome.StandardCESScale(), 1, 2, 3, 4, 10, 20, 10)
	assert.Equal(t, int64(50), tally.Responses())
	assert.Equal(t, int64(40), tally.Agreeing())
	assert.Equal(t, []int64{1, 2, 3, 4, 10, 20, 10}, tally.Counts())
	assert.Equal(t, "CES tally on 1..7, agree from 5: [1 2 3 4 10 20 10] (50 responses)", tally.String())

	mean, err := tally.Mean(1, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("5.4").Equal(mean), "%s", mean)
	se, err := tally.StandardError()
	require.NoError(t, err)
	assert.InDelta(t, 0.204041, se, 1e-6)
	iv, err := tally.MeanInterval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 5.4, iv.Estimate, 1e-12)
	assert.InDelta(t, 5.000087, iv.Low, 1e-6)
	assert.InDelta(t, 5.799913, iv.High, 1e-6)

	share, err := tally.AgreeShare(0, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(80).Equal(share), "%s", share)
	agree, err := tally.AgreeInterval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 80, agree.Estimate, 1e-12)
	assert.InDelta(t, 66.962894, agree.Low, 1e-6)
	assert.InDelta(t, 88.756250, agree.High, 1e-6)
}

// TestCESAllTheSame: every answer 6. The mean is 6, the standard deviation
// 0, so the interval is the point 6..6 (not NaN).
func TestCESAllTheSame(t *testing.T) {
	tally, err := outcome.TallyCES(outcome.StandardCESScale(), []int{6, 6, 6})
	require.NoError(t, err)
	iv, err := tally.MeanInterval(0.95)
	require.NoError(t, err)
	assert.Equal(t, outcome.Interval{Estimate: 6, Low: 6, High: 6, Confidence: 0.95, Method: outcome.IntervalWald}, iv)
}

// TestCESOtherScale: a 1-5 scale agreeing from 4; answers 5, 4, 2, 1 have
// mean 12 / 4 = 3 and half of them agree.
func TestCESOtherScale(t *testing.T) {
	s := outcome.MustCESScale(outcome.MustScale(1, 5), 4)
	tally, err := outcome.TallyCES(s, []int8{5, 4, 2, 1})
	require.NoError(t, err)
	mean, err := tally.Mean(0, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(3).Equal(mean))
	share, err := tally.AgreeShare(1, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(50).Equal(share))
	assert.Equal(t, s, tally.Scale())
}

func TestCESBuildingAndErrors(t *testing.T) {
	answers := []int{7, 5, 5, 1, 3}
	var one outcome.CESTally
	for _, a := range answers {
		var err error
		one, err = one.Add(a)
		require.NoError(t, err)
	}
	want := mustCES(t, outcome.StandardCESScale(), 1, 0, 1, 0, 2, 0, 1)
	assert.True(t, want.Equal(one))
	got, err := outcome.TallyCES(outcome.StandardCESScale(), answers)
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
	assert.True(t, outcome.NewCESTally(outcome.StandardCESScale()).IsZero())
	assert.False(t, want.IsZero())

	_, err = outcome.TallyCES(outcome.StandardCESScale(), []int{7, 8})
	require.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	assert.Equal(t, "outcome: score 8 at position 1 is outside the scale 1..7", err.Error())
	_, err = one.Add(0)
	assert.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	_, err = outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{1})
	assert.ErrorIs(t, err, outcome.ErrScaleMismatch)
	_, err = outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{0, 0, 0, -1, 0, 0, 0})
	assert.ErrorIs(t, err, outcome.ErrInvalidCount)

	full := mustCES(t, outcome.StandardCESScale(), 0, 0, 0, 0, 0, 0, math.MaxInt64)
	_, err = full.Add(1)
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = full.Merge(want)
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = full.Merge(outcome.NewCESTally(outcome.MustCESScale(outcome.MustScale(1, 7), 6)))
	require.ErrorIs(t, err, outcome.ErrScaleMismatch)
	assert.Equal(t, "outcome: cannot merge CES tallies on different scales (1..7, agree from 5 and 1..7, agree from 6)", err.Error())

	var empty outcome.CESTally
	_, err = empty.Mean(1, outcome.RoundHalfUp)
	require.ErrorIs(t, err, outcome.ErrNoData)
	assert.Equal(t, "outcome: the Customer Effort Score of a tally with no responses", err.Error())
	_, err = empty.AgreeShare(1, outcome.RoundHalfUp)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.StandardError()
	assert.ErrorIs(t, err, outcome.ErrNoData)
	single := mustCES(t, outcome.StandardCESScale(), 0, 0, 0, 0, 0, 0, 1)
	_, err = single.StandardError()
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = single.MeanInterval(0.95)
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = single.AgreeInterval(0.95)
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = want.MeanInterval(1)
	assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
	_, err = want.AgreeInterval(math.Inf(1))
	assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
}

func TestCESMergeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 100 {
		all := make([]int, r.IntN(2000))
		for i := range all {
			all[i] = 1 + r.IntN(7)
		}
		whole, err := outcome.TallyCES(outcome.StandardCESScale(), all)
		require.NoError(t, err)
		var merged outcome.CESTally
		var shards []outcome.CESTally
		for rest := all; len(rest) > 0; {
			k := 1 + r.IntN(len(rest))
			shard, err := outcome.TallyCES(outcome.StandardCESScale(), rest[:k])
			require.NoError(t, err)
			shards = append(shards, shard)
			rest = rest[k:]
		}
		r.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
		for _, shard := range shards {
			merged, err = merged.Merge(shard)
			require.NoError(t, err)
		}
		assert.True(t, whole.Equal(merged))
	}
}
