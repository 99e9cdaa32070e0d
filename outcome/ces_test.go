package outcome_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
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
	// Its Agreement, 1 of 1, has a Wilson interval: 1/(1 + z²) = 0.206549
	// to 1 at 95% (worked in TestCSATEmptyAndSingle).
	w, err := single.Agreement().Wilson(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.206549, w.Low, 1e-6)
	assert.Equal(t, 1.0, w.High)
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

// TestCESIntervalsAndAgreement checks the methods of the CES intervals and
// the agreement share as a Proportion: 40 of 50 (TestCESStatistics).
func TestCESIntervalsAndAgreement(t *testing.T) {
	tally := mustCES(t, outcome.StandardCESScale(), 1, 2, 3, 4, 10, 20, 10)
	m, err := tally.MeanInterval(0.9)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalWald, m.Method)
	assert.Equal(t, 0.9, m.Confidence)
	a, err := tally.AgreeInterval(0.9)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalWilson, a.Method)
	assert.Equal(t, 0.9, a.Confidence)
	p := tally.Agreement()
	assert.True(t, outcome.MustProportion(40, 50).Equal(p))
	w, err := p.Wilson(0.9)
	require.NoError(t, err)
	assert.InDelta(t, 100*w.Low, a.Low, 1e-12)
	assert.InDelta(t, 100*w.High, a.High, 1e-12)
	assert.True(t, outcome.CESTally{}.Agreement().IsZero())

	// A bad confidence does not hide too few responses: both, the
	// confidence's first.
	const badConf = "outcome: confidence level 2 is not strictly between 0 and 1 (0.95 for 95%)"
	var empty outcome.CESTally
	iv, err := empty.MeanInterval(2)
	assert.Equal(t, []outcome.Code{outcome.ErrInvalidConfidence, outcome.ErrNoData}, problemCodes(err))
	assert.EqualError(t, err, badConf+"\n"+"outcome: a confidence interval of the CES of a tally with no responses")
	assert.True(t, iv.IsZero())
	single := mustCES(t, outcome.StandardCESScale(), 0, 0, 0, 0, 1, 0, 0)
	_, err = single.MeanInterval(2)
	assert.EqualError(t, err, badConf+"\n"+
		"outcome: a confidence interval of the CES needs at least two responses, the tally has one")
	_, err = single.AgreeInterval(2)
	assert.EqualError(t, err, badConf+"\n"+
		"outcome: a confidence interval of the CES agreement share needs at least two responses, the tally has one")
}

// TestCESMeanPastInt64: the largest int64 number of answers, all 7. The sum,
// 7 * (2^63 - 1), is past int64; the mean is exactly 7 in every mode.
func TestCESMeanPastInt64(t *testing.T) {
	tally := mustCES(t, outcome.StandardCESScale(), 0, 0, 0, 0, 0, 0, math.MaxInt64)
	for _, m := range []outcome.Rounding{outcome.RoundHalfEven, outcome.RoundUp, outcome.RoundFloor} {
		mean, err := tally.Mean(3, m)
		require.NoError(t, err)
		assert.True(t, decimal.NewFromInt(7).Equal(mean), "%s: %s", m, mean)
	}
	share, err := tally.AgreeShare(0, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(100).Equal(share))
}

// TestCESMeanRounding: answers 1, 2, 2 have mean 5/3 = 1.666...; answers 1
// and 2 have mean 1.5, a tie at 0 places.
func TestCESMeanRounding(t *testing.T) {
	thirds := mustCES(t, outcome.StandardCESScale(), 1, 2, 0, 0, 0, 0, 0)
	tie := mustCES(t, outcome.StandardCESScale(), 1, 1, 0, 0, 0, 0, 0)
	tests := []struct {
		name   string
		tally  outcome.CESTally
		places int32
		mode   outcome.Rounding
		want   string
	}{
		{"thirds half even", thirds, 2, outcome.RoundHalfEven, "1.67"},
		{"thirds down", thirds, 2, outcome.RoundDown, "1.66"},
		{"thirds floor", thirds, 0, outcome.RoundFloor, "1"},
		{"tie half even", tie, 0, outcome.RoundHalfEven, "2"},
		{"tie half down", tie, 0, outcome.RoundHalfDown, "1"},
		{"tie half up", tie, 0, outcome.RoundHalfUp, "2"},
		{"tie ceiling", tie, 0, outcome.RoundCeiling, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.tally.Mean(tt.places, tt.mode)
			require.NoError(t, err)
			assert.True(t, decimal.RequireFromString(tt.want).Equal(got), "want %s, got %s", tt.want, got)
			assert.Equal(t, -tt.places, got.Exponent())
		})
	}
	_, err := tie.Mean(0, 0)
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	_, err = tie.AgreeShare(outcome.MaxPlaces+1, outcome.RoundHalfEven)
	assert.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	// Every problem together: the mode, the places, then the empty tally.
	var empty outcome.CESTally
	_, err = empty.Mean(outcome.MaxPlaces+1, 0)
	assert.EqualError(t, err, "outcome: invalid rounding mode 0; choose one such as RoundHalfEven\n"+
		"outcome: 101 decimal places is outside [-100, 100]\n"+
		"outcome: the Customer Effort Score of a tally with no responses")
	_, err = empty.AgreeShare(1, 0)
	assert.EqualError(t, err, "outcome: invalid rounding mode 0; choose one such as RoundHalfEven\n"+
		"outcome: the CES agreement share of a tally with no responses")
}

func TestCESScaleJSON(t *testing.T) {
	for _, s := range []outcome.CESScale{
		outcome.StandardCESScale(),
		outcome.MustCESScale(outcome.MustScale(1, 5), 4),
		outcome.MustCESScale(outcome.MustScale(-5, 5), 1),
	} {
		data, err := json.Marshal(s)
		require.NoError(t, err)
		var back outcome.CESScale
		require.NoError(t, json.Unmarshal(data, &back))
		assert.True(t, s.Equal(back), "%s", data)
	}
	data, err := json.Marshal(outcome.StandardCESScale())
	require.NoError(t, err)
	assert.Equal(t, `{"min":1,"max":7,"agree":5}`, string(data))

	bad := []struct {
		name    string
		in      string
		code    outcome.Code
		message string
	}{
		{"no agreement point", `{"min":1,"max":7}`, outcome.ErrInvalidBands,
			"outcome: CES agreement point 0 must be in 2..7, above the bottom of the scale 1..7"},
		{"too many points", `{"min":1,"max":12,"agree":5}`, outcome.ErrInvalidScale,
			"outcome: CES scale 1..12 is not a scale of 2 to 11 points"},
		{"bound past int32", `{"min":1,"max":4294967296,"agree":5}`, outcome.ErrInvalidScale,
			"outcome: scale 1..4294967296 has a bound outside -2147483648..2147483647\n" +
				"outcome: scale 1..4294967296 has more than 256 points"},
		{"unknown field", `{"min":1,"max":7,"agree":5,"mean":5}`, outcome.ErrInvalidJSON, ""},
		{"not an object", `"1..7"`, outcome.ErrInvalidJSON, ""},
		{"null", `null`, outcome.ErrInvalidJSON, "outcome: a CES scale cannot be null"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got := outcome.MustCESScale(outcome.MustScale(1, 5), 4)
			err := got.UnmarshalJSON([]byte(tt.in))
			require.ErrorIs(t, err, tt.code)
			if tt.message != "" {
				assert.Equal(t, tt.message, err.Error())
			}
			assert.Equal(t, 4, got.Agree(), "unchanged on error")
		})
	}
}

func TestCESTallyJSON(t *testing.T) {
	tally := mustCES(t, outcome.StandardCESScale(), 1, 2, 3, 4, 10, 20, 10)
	data, err := json.Marshal(tally)
	require.NoError(t, err)
	assert.Equal(t, `{"scale":{"min":1,"max":7,"agree":5},"counts":[1,2,3,4,10,20,10]}`, string(data))
	var back outcome.CESTally
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, tally.Equal(back))

	bad := []struct {
		name    string
		in      string
		code    outcome.Code
		message string
	}{
		{"wrong number of counts", `{"counts":[1,2,3]}`, outcome.ErrScaleMismatch,
			"outcome: 3 counts given for the 7 points of the scale 1..7"},
		{"negative count", `{"counts":[0,0,0,-1,0,0,0]}`, outcome.ErrInvalidCount,
			"outcome: the answer-4 count -1 is negative"},
		{"overflow", `{"counts":[1,0,0,0,0,0,9223372036854775807]}`, outcome.ErrOverflow,
			"outcome: the response count would overflow: 1 + 9223372036854775807 is past the largest int64"},
		{"bad scale", `{"scale":{"min":1,"max":7,"agree":1},"counts":[0,0,0,0,0,0,0]}`, outcome.ErrInvalidBands,
			"outcome: CES agreement point 1 must be in 2..7, above the bottom of the scale 1..7"},
		{"counts not a list", `{"counts":{"1":2}}`, outcome.ErrInvalidJSON, ""},
		{"trailing data", `{"counts":[0,0,0,0,0,0,0]}x`, outcome.ErrInvalidJSON, ""},
		{"null", "\tnull\n", outcome.ErrInvalidJSON, "outcome: a CES tally cannot be null"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got := tally
			err := got.UnmarshalJSON([]byte(tt.in))
			require.ErrorIs(t, err, tt.code)
			if tt.message != "" {
				assert.Equal(t, tt.message, err.Error())
			}
			assert.True(t, tally.Equal(got), "unchanged on error")
		})
	}
}

// TestCESTallyJSONRoundTrip: random tallies on random scales round-trip
// through JSON, inside a struct as a BI tool would store them.
func TestCESTallyJSONRoundTrip(t *testing.T) {
	type stored struct {
		Team  string           `json:"team"`
		Tally outcome.CESTally `json:"tally"`
	}
	r := rand.New(rand.NewPCG(17, 18))
	for range 500 {
		lo := r.IntN(21) - 10
		sc := outcome.MustScale(lo, lo+1+r.IntN(outcome.MaxRatingPoints-1))
		s := outcome.MustCESScale(sc, sc.Min()+1+r.IntN(sc.Points()-1))
		counts := make([]int64, sc.Points())
		for i := range counts {
			counts[i] = r.Int64N(1 << 40)
		}
		in := stored{Team: "billing", Tally: mustCES(t, s, counts...)}
		data, err := json.Marshal(in)
		require.NoError(t, err)
		var out stored
		require.NoError(t, json.Unmarshal(data, &out), "%s", data)
		assert.True(t, in.Tally.Equal(out.Tally), "%s", data)
		assert.Equal(t, in.Team, out.Team)
	}
}

// TestRatingScales_everyProblem: a scale of more than MaxRatingPoints
// points does not hide a box or an agreement point it cannot hold, which
// are checked against the scale's own points (0..11 has 12: a box holds 1
// to 11 of them, agreement is from 1 to 11; 1..12 agrees from 2 to 12);
// the scale's problem comes first. The zero Scale has no points to check a
// box or an agreement point against, so it is its problem alone.
func TestRatingScales_everyProblem(t *testing.T) {
	const (
		csat012 = "outcome: CSAT scale 0..11 is not a scale of 2 to 11 points"
		ces012  = "outcome: CES scale 0..11 is not a scale of 2 to 11 points"
		ces112  = "outcome: CES scale 1..12 is not a scale of 2 to 11 points"
	)
	tests := []struct {
		name    string
		run     func() error
		message string
	}{
		{"CSAT box 0", func() error { _, err := outcome.NewCSATScale(outcome.MustScale(0, 11), 0); return err },
			csat012 + "\noutcome: a top box of 0 points on the CSAT scale 0..11 must hold 1 to 11 points"},
		{"CSAT box 12", func() error { _, err := outcome.NewCSATScale(outcome.MustScale(0, 11), 12); return err },
			csat012 + "\noutcome: a top box of 12 points on the CSAT scale 0..11 must hold 1 to 11 points"},
		{"CSAT box 11", func() error { _, err := outcome.NewCSATScale(outcome.MustScale(0, 11), 11); return err },
			csat012},
		{"CSAT zero Scale", func() error { _, err := outcome.NewCSATScale(outcome.Scale{}, 0); return err },
			"outcome: CSAT scale 0..0 is not a scale of 2 to 11 points"},
		{"CES agree 0", func() error { _, err := outcome.NewCESScale(outcome.MustScale(0, 11), 0); return err },
			ces012 + "\noutcome: CES agreement point 0 must be in 1..11, above the bottom of the scale 0..11"},
		{"CES agree 13", func() error { _, err := outcome.NewCESScale(outcome.MustScale(1, 12), 13); return err },
			ces112 + "\noutcome: CES agreement point 13 must be in 2..12, above the bottom of the scale 1..12"},
		{"CES zero Scale", func() error { _, err := outcome.NewCESScale(outcome.Scale{}, 0); return err },
			"outcome: CES scale 0..0 is not a scale of 2 to 11 points"},
		// The decoders report what the constructors report; a box or an
		// agreement point that is not read is not checked.
		{"CSAT JSON no box", func() error { var s outcome.CSATScale; return s.UnmarshalJSON([]byte(`{"min":0,"max":11}`)) },
			csat012 + "\noutcome: a top box of 0 points on the CSAT scale 0..11 must hold 1 to 11 points"},
		{"CSAT JSON box null", func() error {
			var s outcome.CSATScale
			return s.UnmarshalJSON([]byte(`{"min":0,"max":11,"box":null}`))
		}, `outcome: CSAT scale: "box" must be an integer, not null` + "\n" + csat012},
		{"CES JSON agree 1", func() error {
			var s outcome.CESScale
			return s.UnmarshalJSON([]byte(`{"min":1,"max":12,"agree":1}`))
		}, ces112 + "\noutcome: CES agreement point 1 must be in 2..12, above the bottom of the scale 1..12"},
		{"CES tally JSON agree 1", func() error {
			var s outcome.CESTally
			return s.UnmarshalJSON([]byte(`{"scale":{"min":1,"max":12,"agree":1}}`))
		}, ces112 + "\noutcome: CES agreement point 1 must be in 2..12, above the bottom of the scale 1..12"},
		// Binary: 0..11 (bottom 00, span 0b) with a box of 0; 1..12
		// (bottom 02, span 0b) agreeing from offset 0 and from offset 12,
		// past its top; no counts.
		{"CSAT binary box 0", func() error { var v outcome.CSATTally; return v.UnmarshalBinary(unhex(t, "13 01 00 0b 00 00")) },
			csat012 + "\noutcome: a top box of 0 points on the CSAT scale 0..11 must hold 1 to 11 points"},
		{"CES binary agree at the bottom", func() error { var v outcome.CESTally; return v.UnmarshalBinary(unhex(t, "14 01 02 0b 00 00")) },
			ces112 + "\noutcome: CES agreement point 1 must be in 2..12, above the bottom of the scale 1..12"},
		{"CES binary agree past the top", func() error { var v outcome.CESTally; return v.UnmarshalBinary(unhex(t, "14 01 02 0b 0c 00")) },
			ces112 + "\noutcome: the lowest agreeing answer, 12 points from the bottom of the scale 1..12, is past its top"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			require.Error(t, err)
			assert.Equal(t, tt.message, err.Error())
			ps := outcome.Problems(err)
			require.Len(t, ps, strings.Count(tt.message, "\n")+1)
			for i, line := range strings.Split(tt.message, "\n") {
				var want outcome.Code
				switch {
				case strings.Contains(line, "must be an integer"):
					want = outcome.ErrInvalidJSON
				case strings.Contains(line, "is not a scale"):
					want = outcome.ErrInvalidScale
				default:
					want = outcome.ErrInvalidBands
				}
				assert.Equal(t, want, ps[i].Code, line)
			}
		})
	}
}
