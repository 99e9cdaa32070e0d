package triplecrown

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustMeasure(m Measure, err error) Measure {
	if err != nil {
		panic(err)
	}
	return m
}

func TestNewRate(t *testing.T) {
	tests := []struct {
		name       string
		s, n       int64
		wantErr    error
		wantString string
	}{
		{name: "87 percent", s: 870, n: 1000, wantString: "0.87 (870 of 1000)"},
		{name: "none", s: 0, n: 5, wantString: "0 (0 of 5)"},
		{name: "all", s: 5, n: 5, wantString: "1 (5 of 5)"},
		{name: "zero trials", s: 0, n: 0, wantErr: ErrInvalidSampleSize},
		{name: "negative trials", s: 0, n: -3, wantErr: ErrInvalidSampleSize},
		{name: "more successes than trials", s: 6, n: 5, wantErr: ErrInvalidMeasure},
		{name: "negative successes", s: -1, n: 5, wantErr: ErrInvalidMeasure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewRate(tt.s, tt.n)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.True(t, m.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, RateMeasure, m.Kind())
			assert.True(t, m.Sampled())
			assert.Equal(t, tt.s, m.Successes())
			assert.Equal(t, tt.n, m.SampleSize())
			assert.Equal(t, tt.wantString, m.String())
		})
	}
	_, err := NewRate(0, 0)
	assert.EqualError(t, err, "triplecrown: a rate needs a positive number of trials, not 0")
	_, err = NewRate(6, 5)
	assert.EqualError(t, err, "triplecrown: a rate of 6 successes out of 5 trials is impossible")
	// Negative successes are a problem whatever the trials: both are
	// reported, the trials' first.
	_, err = NewRate(-1, 0)
	require.ErrorIs(t, err, ErrInvalidSampleSize)
	assert.ErrorIs(t, err, ErrInvalidMeasure)
	assert.EqualError(t, err, "triplecrown: a rate needs a positive number of trials, not 0\n"+
		"triplecrown: a rate of -1 successes out of 0 trials is impossible")
	// More successes than trials that are not positive follow from the
	// trials, and are not reported again.
	_, err = NewRate(6, -3)
	assert.EqualError(t, err, "triplecrown: a rate needs a positive number of trials, not -3")
}

func TestNewRateFromProportion(t *testing.T) {
	tests := []struct {
		name    string
		p       outcome.Proportion
		wantErr error
	}{
		{name: "first-contact resolution", p: outcome.MustProportion(7800, 10000)},
		{name: "none", p: outcome.MustProportion(0, 7)},
		{name: "all", p: outcome.MustProportion(7, 7)},
		{name: "empty", p: outcome.Proportion{}, wantErr: ErrInvalidSampleSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewRateFromProportion(tt.p)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.True(t, m.IsZero())
				return
			}
			require.NoError(t, err)
			// The same measure as NewRate from the same counts, and back.
			want := mustMeasure(NewRate(tt.p.Successes(), tt.p.Trials()))
			assert.True(t, want.Equal(m), "%s", m)
			back, ok := m.Proportion()
			assert.True(t, ok)
			assert.True(t, tt.p.Equal(back), "%s", back)
		})
	}
	_, err := NewRateFromProportion(outcome.Proportion{})
	assert.EqualError(t, err, "triplecrown: a rate needs a proportion with at least one trial, not the empty proportion")
}

func TestMeasure_Proportion(t *testing.T) {
	r := mustMeasure(NewRate(820, 1200))
	p, ok := r.Proportion()
	require.True(t, ok)
	assert.Equal(t, int64(820), p.Successes())
	assert.Equal(t, int64(1200), p.Trials())
	// A pooled roll-up rate keeps its pooled counts: 72/100 + 108/150 is
	// 180/250.
	r2, err := NewRollup("e", []Scorecard{
		rateCard("a", "1", "1", "1", "1", 72, 100, 1, 2),
		rateCard("b", "1", "1", "1", "1", 108, 150, 1, 2),
	})
	require.NoError(t, err)
	p, ok = r2.Scorecard().Service().Baseline.Proportion()
	require.True(t, ok)
	assert.True(t, outcome.MustProportion(180, 250).Equal(p), "%s", p)

	for _, m := range []Measure{
		mustMeasure(NewValue(dec("72"))),
		mustMeasure(NewMean(dec("4.5"), 1.2, 300)),
		{},
	} {
		p, ok := m.Proportion()
		assert.False(t, ok, "%s", m)
		assert.True(t, p.IsZero(), "%s", m)
	}
}

func TestNewMean(t *testing.T) {
	m, err := NewMean(dec("4.5"), 1.2, 300)
	require.NoError(t, err)
	assert.Equal(t, MeanMeasure, m.Kind())
	assert.Equal(t, int64(300), m.SampleSize())
	assert.Equal(t, 1.2, m.SD())
	total, weight := m.Fraction()
	// 4.5 * 300 = 1350
	assert.True(t, dec("1350").Equal(total))
	assert.True(t, dec("300").Equal(weight))
	assert.True(t, dec("4.5").Equal(m.Value(MustPrecision(2, outcome.RoundHalfEven))))
	assert.Equal(t, "4.5 (mean of 300, sd 1.2)", m.String())

	tests := []struct {
		name     string
		sd       float64
		n        int64
		wantErrs []error
	}{
		{name: "one observation", sd: 1, n: 1, wantErrs: []error{ErrInvalidSampleSize}},
		{name: "zero sample", sd: 1, n: 0, wantErrs: []error{ErrInvalidSampleSize}},
		{name: "negative sample", sd: 1, n: -4, wantErrs: []error{ErrInvalidSampleSize}},
		{name: "NaN sd", sd: math.NaN(), n: 10, wantErrs: []error{outcome.ErrNotFinite}},
		{name: "infinite sd", sd: math.Inf(1), n: 10, wantErrs: []error{outcome.ErrNotFinite}},
		{name: "negative sd", sd: -0.5, n: 10, wantErrs: []error{ErrInvalidMeasure}},
		{name: "everything wrong", sd: math.NaN(), n: 0, wantErrs: []error{ErrInvalidSampleSize, outcome.ErrNotFinite}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewMean(dec("3"), tt.sd, tt.n)
			for _, want := range tt.wantErrs {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErrs))
		})
	}
	_, err = NewMean(dec("1e40"), math.NaN(), 0)
	assert.Len(t, outcome.Problems(err), 3, "amount, sample size and sd are all reported")
	_, err = NewMean(dec("3"), math.NaN(), 10)
	assert.EqualError(t, err, "triplecrown: the standard deviation NaN is not a finite number")
	_, err = NewMean(dec("3"), 1, 1)
	assert.EqualError(t, err, "triplecrown: a mean needs a sample of at least 2 observations, not 1")
}

// TestNewMean_subnormalSD: an sd below the smallest normal float64,
// 2^-1022, is refused as no decoder would read it as written, with the
// code of a negative sd; the smallest normal is accepted.
func TestNewMean_subnormalSD(t *testing.T) {
	tests := []struct {
		name string
		sd   float64
		want string // the message; "" for none
	}{
		{name: "the smallest subnormal", sd: math.SmallestNonzeroFloat64,
			want: "triplecrown: the standard deviation 5e-324 is below 2.2250738585072014e-308, the smallest positive number held to full precision"},
		{name: "the largest subnormal", sd: 0x0.fffffffffffffp-1022,
			want: "triplecrown: the standard deviation 2.225073858507201e-308 is below 2.2250738585072014e-308, the smallest positive number held to full precision"},
		{name: "a negative subnormal", sd: -math.SmallestNonzeroFloat64,
			want: "triplecrown: the standard deviation -5e-324 is negative"},
		{name: "the smallest normal", sd: 0x1p-1022},
		{name: "zero", sd: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMean(dec("3"), tt.sd, 10)
			if tt.want == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.sd, m.SD())
				return
			}
			require.Len(t, outcome.Problems(err), 1)
			assert.ErrorIs(t, err, ErrInvalidMeasure)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestNewWeightedValue(t *testing.T) {
	v, err := NewValue(dec("72"))
	require.NoError(t, err)
	assert.Equal(t, ValueMeasure, v.Kind())
	assert.False(t, v.Sampled())
	assert.True(t, dec("1").Equal(v.Weight()))
	assert.Equal(t, "72 (weight 1)", v.String())

	w, err := NewWeightedValue(dec("72"), dec("120"))
	require.NoError(t, err)
	assert.True(t, dec("72").Equal(w.Value(MustPrecision(0, outcome.RoundDown))))
	assert.False(t, v.Equal(w), "the same value with another weight weighs differently")

	_, err = NewWeightedValue(dec("72"), dec("0"))
	assert.ErrorIs(t, err, ErrInvalidWeight)
	assert.EqualError(t, err, "triplecrown: service weight 0 is not positive")
	_, err = NewWeightedValue(dec("1e-40"), dec("-1"))
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.ErrorIs(t, err, ErrInvalidWeight)
	_, err = NewWeightedValue(dec("1"), dec("1e40"))
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.Equal(t, "no measure", Measure{}.String())
	assert.Equal(t, "MeasureKind(0)", MeasureKind(0).String())
}

// TestMeasure_negativeZeroSD: a standard deviation of -0 is kept as 0, so
// that measures Equal says are equal have one form: NewMean with -0 and the
// JSON "sd" -0 or -0.0 each give the measure NewMean gives for 0, which
// writes "sd":0. The binary form, which has one form for each value, holds
// the bytes of 0 and refuses those of -0, which no measure writes.
func TestMeasure_negativeZeroSD(t *testing.T) {
	negZero := math.Copysign(0, -1)
	zero, err := NewMean(decimal.NewFromInt(4), 0, 10)
	require.NoError(t, err)
	wantJSON := `{"mean":"4","sd":0,"n":10}`
	got, err := json.Marshal(zero)
	require.NoError(t, err)
	require.Equal(t, wantJSON, string(got))

	check := func(what string, m Measure) {
		t.Helper()
		assert.False(t, math.Signbit(m.SD()), "%s: the sd keeps its sign bit", what)
		out, err := json.Marshal(m)
		require.NoError(t, err)
		assert.Equal(t, wantJSON, string(out), what)
	}
	m, err := NewMean(decimal.NewFromInt(4), negZero, 10)
	require.NoError(t, err)
	check("NewMean", m)
	for _, sd := range []string{"-0", "-0.0", "-0e5"} {
		var m Measure
		require.NoError(t, json.Unmarshal([]byte(`{"mean":"4","sd":`+sd+`,"n":10}`), &m))
		check("JSON "+sd, m)
	}

	// The binary form of a scorecard whose sd has its sign bit set (made
	// here, past NewMean) is not the form: the form of the one with 0 is.
	card := func(sd float64) Scorecard {
		t.Helper()
		var c Scorecard
		require.NoError(t, c.UnmarshalJSON([]byte(cardJSON)))
		c.spec.Service.Actual.sd = sd
		return c
	}
	plus, err := card(0).MarshalBinary()
	require.NoError(t, err)
	minus, err := card(negZero).MarshalBinary()
	require.NoError(t, err)
	require.NotEqual(t, plus, minus, "the sign bit is written")
	var back Scorecard
	err = back.UnmarshalBinary(minus)
	assert.ErrorIs(t, err, outcome.ErrInvalidBinary)
	assert.ErrorContains(t, err, "actual service standard deviation: not in canonical form: negative zero")
	assert.True(t, back.IsZero(), "unchanged")
	require.NoError(t, back.UnmarshalBinary(plus))
	again, err := back.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, plus, again)
}
