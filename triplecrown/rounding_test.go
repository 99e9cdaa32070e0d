package triplecrown

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundingMode_text(t *testing.T) {
	for m := RoundHalfUp; m <= RoundFloor; m++ {
		got, err := ParseRoundingMode(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
		assert.True(t, m.IsValid())
		assert.False(t, m.IsZero())
	}
	got, err := ParseRoundingMode("bankers")
	require.NoError(t, err)
	assert.Equal(t, RoundHalfEven, got)
	got, err = ParseRoundingMode("truncate")
	require.NoError(t, err)
	assert.Equal(t, RoundDown, got)
	_, err = ParseRoundingMode("nearest")
	assert.ErrorIs(t, err, ErrUnknownRoundingMode)
	assert.EqualError(t, err, `triplecrown: unknown rounding mode "nearest" (want half-up, half-even, up, down, ceiling or floor)`)
	assert.Equal(t, "RoundingMode(0)", RoundingMode(0).String())
	assert.True(t, RoundingMode(0).IsZero())
}

func TestNewRounding(t *testing.T) {
	r, err := NewRounding(2, RoundHalfEven)
	require.NoError(t, err)
	assert.Equal(t, int32(2), r.Places())
	assert.Equal(t, RoundHalfEven, r.Mode())
	assert.True(t, r.IsValid())
	assert.False(t, r.IsZero())
	assert.True(t, r.Equal(MustRounding(2, RoundHalfEven)))
	assert.Equal(t, "2 places, half-even", r.String())

	_, err = NewRounding(19, 0)
	assert.ErrorIs(t, err, ErrInvalidPlaces)
	assert.ErrorIs(t, err, ErrUnknownRoundingMode)
	_, err = NewRounding(-19, RoundUp)
	assert.EqualError(t, err, "triplecrown: -19 decimal places is outside -18 to 18")
	assert.Panics(t, func() { MustRounding(0, 9) })
	assert.True(t, Rounding{}.IsZero())
	assert.True(t, dec("1.25").Equal(Rounding{}.Round(dec("1.25"))), "the zero Rounding leaves a value alone")
}

func TestRounding_Quo(t *testing.T) {
	// Each row divides num by den and rounds to places; the wants are worked
	// by hand: 1/8 = 0.125, 1/3 = 0.333..., 2/3 = 0.666..., 5/2 = 2.5.
	tests := []struct {
		name     string
		num, den string
		places   int32
		mode     RoundingMode
		want     string
	}{
		{name: "exact", num: "1", den: "8", places: 3, mode: RoundHalfUp, want: "0.125"},
		{name: "tie half-up goes away from zero", num: "1", den: "8", places: 2, mode: RoundHalfUp, want: "0.13"},
		{name: "tie half-up negative", num: "-1", den: "8", places: 2, mode: RoundHalfUp, want: "-0.13"},
		{name: "tie half-even to even 2", num: "1", den: "8", places: 2, mode: RoundHalfEven, want: "0.12"},
		{name: "tie half-even to even 4", num: "3", den: "8", places: 2, mode: RoundHalfEven, want: "0.38"},
		{name: "tie half-even negative", num: "-3", den: "8", places: 2, mode: RoundHalfEven, want: "-0.38"},
		{name: "tie half-even whole", num: "5", den: "2", places: 0, mode: RoundHalfEven, want: "2"},
		{name: "below half", num: "1", den: "3", places: 2, mode: RoundHalfUp, want: "0.33"},
		{name: "above half", num: "2", den: "3", places: 2, mode: RoundHalfEven, want: "0.67"},
		{name: "down", num: "2", den: "3", places: 2, mode: RoundDown, want: "0.66"},
		{name: "up", num: "1", den: "3", places: 2, mode: RoundUp, want: "0.34"},
		{name: "up negative", num: "1", den: "-3", places: 2, mode: RoundUp, want: "-0.34"},
		{name: "ceiling positive", num: "1", den: "3", places: 2, mode: RoundCeiling, want: "0.34"},
		{name: "ceiling negative", num: "-1", den: "3", places: 2, mode: RoundCeiling, want: "-0.33"},
		{name: "floor positive", num: "2", den: "3", places: 2, mode: RoundFloor, want: "0.66"},
		{name: "floor negative", num: "-1", den: "3", places: 2, mode: RoundFloor, want: "-0.34"},
		{name: "negative places", num: "12345", den: "1", places: -2, mode: RoundHalfUp, want: "12300"},
		{name: "negative places tie", num: "1250", den: "1", places: -2, mode: RoundHalfEven, want: "1200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustRounding(tt.places, tt.mode)
			got := r.Quo(dec(tt.num), dec(tt.den))
			assert.True(t, dec(tt.want).Equal(got), "got %s, want %s", got, tt.want)
		})
	}
	assert.True(t, MustRounding(2, RoundUp).Quo(dec("1"), dec("0")).IsZero(), "division by zero returns zero")
}

// TestRounding_Quo_matchesRound checks that Quo agrees with rounding the
// exact quotient when the quotient is exact at more places: n/8 has three
// places, so rounding it with Round must give what Quo gives.
func TestRounding_Quo_matchesRound(t *testing.T) {
	for mode := RoundHalfUp; mode <= RoundFloor; mode++ {
		for n := int64(-40); n <= 40; n++ {
			r := MustRounding(1, mode)
			num := dec("0").Add(decimalInt(n))
			exact := num.Div(dec("8")) // n/8 is exact at three places
			want := r.Round(exact)
			got := r.Quo(num, dec("8"))
			assert.True(t, want.Equal(got), "%d/8 in %s: Quo %s, Round %s", n, mode, got, want)
		}
	}
}

// TestRounding_Quo_fastMatchesSlow checks the integer fast path against the
// decimal one on random quotients in every mode, including ties.
func TestRounding_Quo_fastMatchesSlow(t *testing.T) {
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
		r := MustRounding(int32(rng.IntN(9)-2), RoundingMode(1+rng.IntN(6)))
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
	_, ok := MustRounding(2, RoundUp).quoFast(dec("1234567890123456789"), dec("3"))
	assert.False(t, ok, "19 digits")
	_, ok = MustRounding(18, RoundUp).quoFast(dec("1e30"), dec("1e-30"))
	assert.False(t, ok, "exponent too far apart")
	_, ok = MustRounding(0, RoundUp).quoFast(dec("1"), dec("1e30"))
	assert.False(t, ok, "divisor scaled past 64 bits")
	_, ok = MustRounding(18, RoundUp).quoFast(dec("100"), dec("3"))
	assert.False(t, ok, "quotient past 64 bits")
	_, ok = MustRounding(0, RoundUp).quoFast(dec("999999999999999999"), dec("1e-1"))
	assert.False(t, ok, "quotient past int64")
	assert.True(t, dec("333333333333333333333.33").Equal(MustRounding(2, RoundDown).Quo(dec("1e21"), dec("3"))))
}
