package triplecrown

import (
	"math/rand/v2"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewPrecision(t *testing.T) {
	p, err := NewPrecision(2, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.Equal(t, int32(2), p.Places())
	assert.Equal(t, outcome.RoundHalfEven, p.Mode())
	assert.True(t, p.IsValid())
	assert.False(t, p.IsZero())
	assert.True(t, p.Equal(MustPrecision(2, outcome.RoundHalfEven)))
	assert.False(t, p.Equal(MustPrecision(2, outcome.RoundHalfUp)))
	assert.False(t, p.Equal(MustPrecision(3, outcome.RoundHalfEven)))
	assert.Equal(t, "2 places, half-even", p.String())

	// Every mode of outcome.Rounding is accepted, at both ends of the range.
	for m := outcome.RoundHalfEven; m <= outcome.RoundFloor; m++ {
		for _, places := range []int32{-MaxPrecisionPlaces, 0, MaxPrecisionPlaces} {
			_, err := NewPrecision(places, m)
			assert.NoError(t, err, "%d places, %s", places, m)
		}
	}

	tests := []struct {
		name     string
		places   int32
		mode     outcome.Rounding
		wantErrs []error
	}{
		{name: "too many places", places: MaxPrecisionPlaces + 1, mode: outcome.RoundUp, wantErrs: []error{outcome.ErrInvalidPlaces}},
		{name: "too few places", places: -MaxPrecisionPlaces - 1, mode: outcome.RoundUp, wantErrs: []error{outcome.ErrInvalidPlaces}},
		{name: "outcome's range is wider", places: outcome.MaxPlaces, mode: outcome.RoundUp, wantErrs: []error{outcome.ErrInvalidPlaces}},
		{name: "zero mode", places: 2, mode: 0, wantErrs: []error{outcome.ErrUnknownRounding}},
		{name: "mode past the last", places: 2, mode: outcome.RoundFloor + 1, wantErrs: []error{outcome.ErrUnknownRounding}},
		{name: "both, in order", places: 19, mode: 0, wantErrs: []error{outcome.ErrInvalidPlaces, outcome.ErrUnknownRounding}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewPrecision(tt.places, tt.mode)
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErrs), "%v", err)
			for i, want := range tt.wantErrs {
				assert.ErrorIs(t, probs[i], want)
			}
			assert.True(t, p.IsZero())
		})
	}
	_, err = NewPrecision(-19, outcome.RoundUp)
	assert.EqualError(t, err, "triplecrown: -19 decimal places is outside -18 to 18")
	_, err = NewPrecision(2, 0)
	assert.EqualError(t, err, "triplecrown: a precision needs a valid rounding mode, not Rounding(0)")
	assert.Panics(t, func() { MustPrecision(0, 9) })
	assert.True(t, Precision{}.IsZero())
	assert.False(t, Precision{}.IsValid())
}

func TestPrecision_Round(t *testing.T) {
	// The wants are worked by hand from each mode's definition (see
	// outcome.Rounding): 2.345 lies half-way between 2.34 and 2.35; 2.3 is
	// exact at two places and only gains a zero.
	tests := []struct {
		name   string
		in     string
		places int32
		mode   outcome.Rounding
		want   string // with exactly the places the result holds
	}{
		{name: "half-up tie", in: "2.345", places: 2, mode: outcome.RoundHalfUp, want: "2.35"},
		{name: "half-even tie", in: "2.345", places: 2, mode: outcome.RoundHalfEven, want: "2.34"},
		{name: "half-down tie", in: "2.345", places: 2, mode: outcome.RoundHalfDown, want: "2.34"},
		{name: "half-down above the tie", in: "2.3451", places: 2, mode: outcome.RoundHalfDown, want: "2.35"},
		{name: "half-down negative tie", in: "-2.345", places: 2, mode: outcome.RoundHalfDown, want: "-2.34"},
		{name: "up", in: "2.341", places: 2, mode: outcome.RoundUp, want: "2.35"},
		{name: "down", in: "-2.349", places: 2, mode: outcome.RoundDown, want: "-2.34"},
		{name: "ceiling negative", in: "-2.349", places: 2, mode: outcome.RoundCeiling, want: "-2.34"},
		{name: "floor negative", in: "-2.341", places: 2, mode: outcome.RoundFloor, want: "-2.35"},
		{name: "exact gains zeros", in: "2.3", places: 2, mode: outcome.RoundDown, want: "2.30"},
		{name: "whole number gains zeros", in: "7", places: 2, mode: outcome.RoundCeiling, want: "7.00"},
		{name: "thousands", in: "1234567", places: -3, mode: outcome.RoundHalfUp, want: "1235000"},
		{name: "thousands down", in: "1234567", places: -3, mode: outcome.RoundFloor, want: "1234000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MustPrecision(tt.places, tt.mode).Round(dec(tt.in))
			assert.True(t, dec(tt.want).Equal(got), "got %s, want %s", got, tt.want)
			assert.Equal(t, tt.want, scaled(got), "the places the result holds")
		})
	}
	assert.Equal(t, "1.25", scaled(Precision{}.Round(dec("1.25"))), "the zero Precision leaves a value alone")
}

func TestPrecision_Quo(t *testing.T) {
	// Each row divides num by den and rounds to places; the wants are worked
	// by hand: 1/8 = 0.125, 1/3 = 0.333..., 2/3 = 0.666..., 5/2 = 2.5.
	tests := []struct {
		name     string
		num, den string
		places   int32
		mode     outcome.Rounding
		want     string
	}{
		{name: "exact", num: "1", den: "8", places: 3, mode: outcome.RoundHalfUp, want: "0.125"},
		{name: "tie half-up goes away from zero", num: "1", den: "8", places: 2, mode: outcome.RoundHalfUp, want: "0.13"},
		{name: "tie half-up negative", num: "-1", den: "8", places: 2, mode: outcome.RoundHalfUp, want: "-0.13"},
		{name: "tie half-even to even 2", num: "1", den: "8", places: 2, mode: outcome.RoundHalfEven, want: "0.12"},
		{name: "tie half-even to even 4", num: "3", den: "8", places: 2, mode: outcome.RoundHalfEven, want: "0.38"},
		{name: "tie half-even negative", num: "-3", den: "8", places: 2, mode: outcome.RoundHalfEven, want: "-0.38"},
		{name: "tie half-even whole", num: "5", den: "2", places: 0, mode: outcome.RoundHalfEven, want: "2"},
		{name: "below half", num: "1", den: "3", places: 2, mode: outcome.RoundHalfUp, want: "0.33"},
		{name: "above half", num: "2", den: "3", places: 2, mode: outcome.RoundHalfEven, want: "0.67"},
		{name: "down", num: "2", den: "3", places: 2, mode: outcome.RoundDown, want: "0.66"},
		{name: "up", num: "1", den: "3", places: 2, mode: outcome.RoundUp, want: "0.34"},
		{name: "up negative", num: "1", den: "-3", places: 2, mode: outcome.RoundUp, want: "-0.34"},
		{name: "ceiling positive", num: "1", den: "3", places: 2, mode: outcome.RoundCeiling, want: "0.34"},
		{name: "ceiling negative", num: "-1", den: "3", places: 2, mode: outcome.RoundCeiling, want: "-0.33"},
		{name: "floor positive", num: "2", den: "3", places: 2, mode: outcome.RoundFloor, want: "0.66"},
		{name: "floor negative", num: "-1", den: "3", places: 2, mode: outcome.RoundFloor, want: "-0.34"},
		{name: "tie half-down toward zero", num: "1", den: "8", places: 2, mode: outcome.RoundHalfDown, want: "0.12"},
		{name: "tie half-down negative", num: "-3", den: "8", places: 2, mode: outcome.RoundHalfDown, want: "-0.37"},
		{name: "above half half-down", num: "2", den: "3", places: 2, mode: outcome.RoundHalfDown, want: "0.67"},
		{name: "negative places", num: "12345", den: "1", places: -2, mode: outcome.RoundHalfUp, want: "12300"},
		{name: "negative places tie", num: "1250", den: "1", places: -2, mode: outcome.RoundHalfEven, want: "1200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustPrecision(tt.places, tt.mode)
			got := r.Quo(dec(tt.num), dec(tt.den))
			assert.True(t, dec(tt.want).Equal(got), "got %s, want %s", got, tt.want)
		})
	}
	assert.True(t, MustPrecision(2, outcome.RoundUp).Quo(dec("1"), dec("0")).IsZero(), "division by zero returns zero")
}

// TestPrecision_Quo_matchesRound checks that Quo agrees with rounding the
// exact quotient when the quotient is exact at more places: n/8 has three
// places, so rounding it with Round (that is, outcome.Rounding.Round) must
// give what Quo gives, in every mode.
func TestPrecision_Quo_matchesRound(t *testing.T) {
	for mode := outcome.RoundHalfEven; mode <= outcome.RoundFloor; mode++ {
		for n := int64(-40); n <= 40; n++ {
			r := MustPrecision(1, mode)
			num := dec("0").Add(decimalInt(n))
			exact := num.Div(dec("8")) // n/8 is exact at three places
			want := r.Round(exact)
			got := r.Quo(num, dec("8"))
			assert.True(t, want.Equal(got), "%d/8 in %s: Quo %s, Round %s", n, mode, got, want)
		}
	}
}

// TestPrecision_Quo_fastMatchesSlow checks the integer fast path against the
// decimal one on random quotients in every mode, including ties.
func TestPrecision_Quo_fastMatchesSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	checked := 0
	for range 20000 {
		num := decimal.New(rng.Int64N(2_000_000_001)-1_000_000_000, int32(rng.IntN(13)-6))
		den := decimal.New(rng.Int64N(2_000_001)-1_000_000, int32(rng.IntN(13)-6))
		if rng.IntN(4) == 0 {
			den = decimal.New(int64(2*(1+rng.IntN(4))), 0) // even denominators make ties
		}
		if den.IsZero() {
			continue
		}
		r := MustPrecision(int32(rng.IntN(9)-2), outcome.Rounding(1+rng.IntN(7)))
		fast, ok := r.quoFast(num, den)
		if !ok {
			continue
		}
		checked++
		slow := r.quoSlow(num, den)
		require.True(t, slow.Equal(fast), "%s / %s in %v: fast %s, slow %s", num, den, r, fast, slow)
	}
	assert.Greater(t, checked, 15000, "the fast path takes most of these")
	// Past the fast path's range it declines and the slow path answers.
	_, ok := MustPrecision(2, outcome.RoundUp).quoFast(dec("1234567890123456789"), dec("3"))
	assert.False(t, ok, "19 digits")
	_, ok = MustPrecision(18, outcome.RoundUp).quoFast(dec("1e30"), dec("1e-30"))
	assert.False(t, ok, "exponent too far apart")
	_, ok = MustPrecision(0, outcome.RoundUp).quoFast(dec("1"), dec("1e30"))
	assert.False(t, ok, "divisor scaled past 64 bits")
	_, ok = MustPrecision(18, outcome.RoundUp).quoFast(dec("100"), dec("3"))
	assert.False(t, ok, "quotient past 64 bits")
	_, ok = MustPrecision(0, outcome.RoundUp).quoFast(dec("999999999999999999"), dec("1e-1"))
	assert.False(t, ok, "quotient past int64")
	assert.True(t, dec("333333333333333333333.33").Equal(MustPrecision(2, outcome.RoundDown).Quo(dec("1e21"), dec("3"))))
	// A truncated quotient of 2^64-1 with a remainder, rounded up, is 2^64:
	// 1844674407371026200000000000000000000 / 100000000000003851 is
	// 18446744073709551615.98... The fast path must decline rather than
	// let the rounding wrap to 0.
	up := MustPrecision(0, outcome.RoundUp)
	num, den := decimal.New(18446744073710262, 20), dec("100000000000003851")
	_, ok = up.quoFast(num, den)
	assert.False(t, ok, "rounding up past 64 bits")
	assert.Equal(t, "18446744073709551616", up.Quo(num, den).String())
	assert.Equal(t, "18446744073709551615", MustPrecision(0, outcome.RoundDown).Quo(num, den).String())
}
