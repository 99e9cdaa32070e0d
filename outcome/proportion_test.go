package outcome_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/equaltest"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// z95 is the two-sided 95% critical value of the standard normal
// distribution, Φ⁻¹(0.975), to 17 significant digits (Python's
// statistics.NormalDist().inv_cdf(0.975) and every normal table: 1.95996...).
const z95 = 1.9599639845400536

// propCodes returns the codes of every *outcome.Error in err, in order.
func propCodes(err error) []outcome.Code {
	var out []outcome.Code
	for _, e := range outcome.Problems(err) {
		out = append(out, e.Code)
	}
	return out
}

func TestNewProportion(t *testing.T) {
	tests := []struct {
		name              string
		successes, trials int64
		wantCodes         []outcome.Code
	}{
		{name: "outcome rate", successes: 81, trials: 263},
		{name: "empty proportion", successes: 0, trials: 0},
		{name: "all successes", successes: 5, trials: 5},
		{name: "no successes", successes: 0, trials: 5},
		{name: "largest counts", successes: math.MaxInt64, trials: math.MaxInt64},
		{name: "negative successes", successes: -1, trials: 5, wantCodes: []outcome.Code{outcome.ErrInvalidCount}},
		{name: "negative trials", successes: 0, trials: -5, wantCodes: []outcome.Code{outcome.ErrInvalidCount}},
		{name: "both negative: both reported", successes: -1, trials: -5,
			wantCodes: []outcome.Code{outcome.ErrInvalidCount, outcome.ErrInvalidCount}},
		{name: "more successes than trials", successes: 6, trials: 5, wantCodes: []outcome.Code{outcome.ErrInvalidCount}},
		{name: "successes with no trials", successes: 1, trials: 0, wantCodes: []outcome.Code{outcome.ErrInvalidCount}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := outcome.NewProportion(tt.successes, tt.trials)
			if tt.wantCodes != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, outcome.ErrInvalidCount)
				assert.Equal(t, tt.wantCodes, propCodes(err))
				assert.True(t, p.IsZero(), "a failed constructor returns the zero Proportion")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.successes, p.Successes())
			assert.Equal(t, tt.trials, p.Trials())
			assert.Equal(t, tt.trials-tt.successes, p.Failures())
			assert.Equal(t, tt.trials == 0, p.IsZero())
		})
	}
}

func TestNewProportion_messages(t *testing.T) {
	_, err := outcome.NewProportion(-1, -5)
	assert.EqualError(t, err, "outcome: negative successes -1\noutcome: negative trials -5")
	_, err = outcome.NewProportion(6, 5)
	assert.EqualError(t, err, "outcome: 6 successes in only 5 trials")
	var e *outcome.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, outcome.SeverityError, e.Severity)
}

func TestMustProportion(t *testing.T) {
	assert.Equal(t, int64(263), outcome.MustProportion(81, 263).Trials())
	assert.PanicsWithError(t, "outcome: 2 successes in only 1 trials", func() { outcome.MustProportion(2, 1) })
}

func TestProportion_EqualStringZero(t *testing.T) {
	half := outcome.MustProportion(1, 2)
	assert.True(t, half.Equal(outcome.MustProportion(1, 2)))
	// Same rate, different evidence: not equal.
	assert.False(t, half.Equal(outcome.MustProportion(2, 4)))
	assert.Equal(t, "81/263", outcome.MustProportion(81, 263).String())
	assert.Equal(t, "0/0", outcome.Proportion{}.String())
	assert.Equal(t, "9223372036854775807/9223372036854775807",
		outcome.MustProportion(math.MaxInt64, math.MaxInt64).String())
	assert.True(t, outcome.Proportion{}.Equal(outcome.MustProportion(0, 0)), "the zero value is 0 of 0")
}

func TestProportion_Merge(t *testing.T) {
	tests := []struct {
		name    string
		p, q    outcome.Proportion
		want    outcome.Proportion
		wantErr error
	}{
		// Monday 40 of 50 journeys reached the outcome, Tuesday 41 of 213:
		// 40+41 = 81 of 50+213 = 263.
		{name: "two days", p: outcome.MustProportion(40, 50), q: outcome.MustProportion(41, 213),
			want: outcome.MustProportion(81, 263)},
		{name: "empty is the identity", p: outcome.MustProportion(3, 7), q: outcome.Proportion{},
			want: outcome.MustProportion(3, 7)},
		{name: "up to the largest int64", p: outcome.MustProportion(1, math.MaxInt64-1), q: outcome.MustProportion(1, 1),
			want: outcome.MustProportion(2, math.MaxInt64)},
		{name: "overflow", p: outcome.MustProportion(1, math.MaxInt64), q: outcome.MustProportion(0, 1),
			wantErr: outcome.ErrOverflow},
		{name: "overflow of two halves", p: outcome.MustProportion(0, math.MaxInt64/2+1), q: outcome.MustProportion(0, math.MaxInt64/2+1),
			wantErr: outcome.ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.p.Merge(tt.q)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %v, want %v", got, tt.want)
			back, err := tt.q.Merge(tt.p)
			require.NoError(t, err)
			assert.True(t, got.Equal(back), "Merge is commutative")
		})
	}
	_, err := outcome.MustProportion(1, math.MaxInt64).Merge(outcome.MustProportion(0, 1))
	assert.EqualError(t, err, "outcome: merging 9223372036854775807 and 1 trials overflows int64")
}

// TestProportion_Merge_shards checks the property that merging the
// proportions of shards, in any order and grouping, equals counting all the
// trials at once.
func TestProportion_Merge_shards(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		outcomes := make([]bool, rng.IntN(500))
		var all outcome.Proportion
		var wantS int64
		for i := range outcomes {
			outcomes[i] = rng.IntN(3) == 0
			if outcomes[i] {
				wantS++
			}
		}
		all = outcome.MustProportion(wantS, int64(len(outcomes)))
		// Cut into shards at random points and tally each.
		var shards []outcome.Proportion
		for start := 0; start < len(outcomes); {
			end := min(len(outcomes), start+1+rng.IntN(60))
			var s int64
			for _, ok := range outcomes[start:end] {
				if ok {
					s++
				}
			}
			shards = append(shards, outcome.MustProportion(s, int64(end-start)))
			start = end
		}
		rng.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
		var merged outcome.Proportion
		for _, s := range shards {
			var err error
			merged, err = merged.Merge(s)
			require.NoError(t, err)
		}
		assert.True(t, all.Equal(merged), "round %d: merged %v, whole %v", round, merged, all)
		// Associativity: (a+b)+c == a+(b+c) on the first three shards.
		if len(shards) >= 3 {
			ab, _ := shards[0].Merge(shards[1])
			left, _ := ab.Merge(shards[2])
			bc, _ := shards[1].Merge(shards[2])
			right, _ := shards[0].Merge(bc)
			assert.True(t, left.Equal(right))
		}
	}
}

func TestProportion_Fraction(t *testing.T) {
	tests := []struct {
		name     string
		p        outcome.Proportion
		num, den int64
	}{
		{name: "already in lowest terms", p: outcome.MustProportion(81, 263), num: 81, den: 263}, // 263 is prime
		{name: "reduced", p: outcome.MustProportion(50, 100), num: 1, den: 2},
		{name: "reduced by 6", p: outcome.MustProportion(18, 24), num: 3, den: 4},
		{name: "zero rate", p: outcome.MustProportion(0, 5), num: 0, den: 1},
		{name: "full rate", p: outcome.MustProportion(5, 5), num: 1, den: 1},
		{name: "largest", p: outcome.MustProportion(math.MaxInt64-1, math.MaxInt64), num: math.MaxInt64 - 1, den: math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			num, den, err := tt.p.Fraction()
			require.NoError(t, err)
			assert.Equal(t, [2]int64{tt.num, tt.den}, [2]int64{num, den})
		})
	}
	_, den, err := outcome.Proportion{}.Fraction()
	assert.ErrorIs(t, err, outcome.ErrNoData)
	assert.Zero(t, den)
	assert.EqualError(t, err, "outcome: a proportion of 0 trials has no rate")
}

func TestProportion_Rate(t *testing.T) {
	// 81/263 = 0.307984790874524714828897338403..., so at 4 places it lies
	// between 0.3079 and 0.3080, nearer 0.3080. 1/8 = 0.125 is a tie at 2
	// places; 3/8 = 0.375 is a tie whose lower neighbour is odd.
	// (2^63-2)/(2^63-1) = 1 - 1/(2^63-1) = 0.99999999999999999989157978...,
	// which float64 cannot tell from 1; at 19 places it is 0.9999999999999999999.
	const big = math.MaxInt64
	tests := []struct {
		name     string
		p        outcome.Proportion
		places   int32
		rounding outcome.Rounding
		want     string
	}{
		{name: "81/263 half-even", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundHalfEven, want: "0.3080"},
		{name: "81/263 half-up", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundHalfUp, want: "0.3080"},
		{name: "81/263 half-down", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundHalfDown, want: "0.3080"},
		{name: "81/263 up", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundUp, want: "0.3080"},
		{name: "81/263 down", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundDown, want: "0.3079"},
		{name: "81/263 ceiling", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundCeiling, want: "0.3080"},
		{name: "81/263 floor", p: outcome.MustProportion(81, 263), places: 4, rounding: outcome.RoundFloor, want: "0.3079"},
		{name: "81/263 at 12 places", p: outcome.MustProportion(81, 263), places: 12, rounding: outcome.RoundHalfEven, want: "0.307984790875"},
		{name: "tie half-even", p: outcome.MustProportion(1, 8), places: 2, rounding: outcome.RoundHalfEven, want: "0.12"},
		{name: "tie half-even odd", p: outcome.MustProportion(3, 8), places: 2, rounding: outcome.RoundHalfEven, want: "0.38"},
		{name: "tie half-up", p: outcome.MustProportion(1, 8), places: 2, rounding: outcome.RoundHalfUp, want: "0.13"},
		{name: "tie half-down", p: outcome.MustProportion(1, 8), places: 2, rounding: outcome.RoundHalfDown, want: "0.12"},
		{name: "tie up", p: outcome.MustProportion(1, 8), places: 2, rounding: outcome.RoundUp, want: "0.13"},
		{name: "tie down", p: outcome.MustProportion(1, 8), places: 2, rounding: outcome.RoundDown, want: "0.12"},
		{name: "terminating", p: outcome.MustProportion(1, 8), places: 3, rounding: outcome.RoundDown, want: "0.125"},
		{name: "one third at 0 places", p: outcome.MustProportion(1, 3), places: 0, rounding: outcome.RoundHalfEven, want: "0"},
		{name: "two thirds at 0 places", p: outcome.MustProportion(2, 3), places: 0, rounding: outcome.RoundHalfEven, want: "1"},
		{name: "two thirds down at 0 places", p: outcome.MustProportion(2, 3), places: 0, rounding: outcome.RoundDown, want: "0"},
		{name: "rate of 1", p: outcome.MustProportion(7, 7), places: 2, rounding: outcome.RoundHalfEven, want: "1"},
		{name: "rate of 0", p: outcome.MustProportion(0, 7), places: 2, rounding: outcome.RoundUp, want: "0"},
		{name: "negative places", p: outcome.MustProportion(81, 263), places: -1, rounding: outcome.RoundUp, want: "10"},
		{name: "beyond float64 down", p: outcome.MustProportion(big-1, big), places: 18, rounding: outcome.RoundDown, want: "0.999999999999999999"},
		{name: "beyond float64 half-even", p: outcome.MustProportion(big-1, big), places: 18, rounding: outcome.RoundHalfEven, want: "1"},
		{name: "beyond float64 19 places", p: outcome.MustProportion(big-1, big), places: 19, rounding: outcome.RoundHalfEven, want: "0.9999999999999999999"},
		{name: "most places", p: outcome.MustProportion(1, 2), places: outcome.MaxPlaces, rounding: outcome.RoundHalfEven, want: "0.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.p.Rate(tt.places, tt.rounding)
			require.NoError(t, err)
			want := decimal.RequireFromString(tt.want)
			assert.True(t, want.Equal(got), "got %s, want %s", got, want)
			assert.Equal(t, -tt.places, got.Exponent(), "the result has exactly the asked-for places")
		})
	}
}

func TestProportion_Percent(t *testing.T) {
	p := outcome.MustProportion(81, 263) // 30.7984790874...%
	tests := []struct {
		name     string
		places   int32
		rounding outcome.Rounding
		want     string
	}{
		{name: "one place", places: 1, rounding: outcome.RoundHalfEven, want: "30.8"},
		{name: "whole percent", places: 0, rounding: outcome.RoundHalfEven, want: "31"},
		{name: "whole percent down", places: 0, rounding: outcome.RoundDown, want: "30"},
		{name: "tens", places: -1, rounding: outcome.RoundHalfEven, want: "30"},
		{name: "four places", places: 4, rounding: outcome.RoundHalfUp, want: "30.7985"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := p.Percent(tt.places, tt.rounding)
			require.NoError(t, err)
			assert.True(t, decimal.RequireFromString(tt.want).Equal(got), "got %s, want %s", got, tt.want)
		})
	}
	// 1/8 = 12.5%: a tie at whole percent.
	half, err := outcome.MustProportion(1, 8).Percent(0, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(12).Equal(half))
}

func TestProportion_Rate_errors(t *testing.T) {
	p := outcome.MustProportion(1, 3)
	tests := []struct {
		name     string
		p        outcome.Proportion
		places   int32
		rounding outcome.Rounding
		wantErr  outcome.Code
		wantMsg  string
	}{
		{name: "empty", p: outcome.Proportion{}, places: 2, rounding: outcome.RoundHalfEven,
			wantErr: outcome.ErrNoData, wantMsg: "outcome: a proportion of 0 trials has no rate"},
		{name: "zero rounding", p: p, places: 2, rounding: 0,
			wantErr: outcome.ErrUnknownRounding, wantMsg: "outcome: invalid rounding mode 0; choose one such as RoundHalfEven"},
		{name: "unknown rounding", p: p, places: 2, rounding: 99, wantErr: outcome.ErrUnknownRounding},
		{name: "too many places", p: p, places: outcome.MaxPlaces + 1, rounding: outcome.RoundHalfEven,
			wantErr: outcome.ErrInvalidPlaces, wantMsg: "outcome: 101 decimal places is outside [-100, 100]"},
		{name: "too few places", p: p, places: -outcome.MaxPlaces - 1, rounding: outcome.RoundHalfEven, wantErr: outcome.ErrInvalidPlaces},
		// Every problem, the arguments' first: none hides another.
		{name: "every problem", p: outcome.Proportion{}, places: outcome.MaxPlaces + 1, rounding: 0,
			wantErr: outcome.ErrNoData, wantMsg: "outcome: invalid rounding mode 0; choose one such as RoundHalfEven\n" +
				"outcome: 101 decimal places is outside [-100, 100]\n" + "outcome: a proportion of 0 trials has no rate"},
		{name: "rounding and empty", p: outcome.Proportion{}, places: 2, rounding: 99,
			wantErr: outcome.ErrNoData, wantMsg: "outcome: invalid rounding mode 99; choose one such as RoundHalfEven\n" +
				"outcome: a proportion of 0 trials has no rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range []func(int32, outcome.Rounding) (decimal.Decimal, error){tt.p.Rate, tt.p.Percent} {
				got, err := f(tt.places, tt.rounding)
				assert.ErrorIs(t, err, tt.wantErr)
				assert.True(t, got.IsZero())
				if tt.wantMsg != "" {
					assert.EqualError(t, err, tt.wantMsg)
				}
			}
		})
	}
}

// TestProportion_Rate_exact checks the property that Rate is the exact
// fraction correctly rounded: down and up bracket it one unit apart (or
// coincide when it terminates), and the nearest modes pick the nearer.
func TestProportion_Rate_exact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := 1 + rng.Int64N(1_000_000_000)
		s := rng.Int64N(n + 1)
		places := rng.Int32N(25)
		p := outcome.MustProportion(s, n)
		exact := decimal.NewFromBigRat(newRat(s, n), places+40) // far more digits than asked for
		down, err := p.Rate(places, outcome.RoundDown)
		require.NoError(t, err)
		up, err := p.Rate(places, outcome.RoundUp)
		require.NoError(t, err)
		unit := decimal.New(1, -places)
		assert.True(t, down.LessThanOrEqual(exact) && exact.LessThanOrEqual(up), "%v at %d", p, places)
		if down.Equal(exact) {
			assert.True(t, up.Equal(down))
		} else {
			assert.True(t, up.Sub(down).Equal(unit))
		}
		near, err := p.Rate(places, outcome.RoundHalfEven)
		require.NoError(t, err)
		assert.True(t, near.Sub(exact).Abs().Mul(decimal.NewFromInt(2)).LessThanOrEqual(unit))
	}
}

// TestProportion_Rate_modes checks every mode against a reference written
// from the definitions, on random counts (many with denominators of 2s and
// 5s, so that ties occur) and places that exercise both the 64-bit and the
// big-integer arithmetic.
func TestProportion_Rate_modes(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for range 5000 {
		var n int64
		switch rng.IntN(3) {
		case 0:
			n = int64(1) << rng.IntN(10) * int64(math.Pow(5, float64(rng.IntN(6))))
		case 1:
			n = 1 + rng.Int64N(1000)
		default:
			n = 1 + rng.Int64N(math.MaxInt64)
		}
		s := rng.Int64N(n + 1)
		places := rng.Int32N(30) - 5
		p := outcome.MustProportion(s, n)
		// q, rem: s·10^places = q·n + rem (or s = q·n·10^-places + rem).
		num, den := big.NewInt(s), big.NewInt(n)
		if places >= 0 {
			num.Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
		} else {
			den.Mul(den, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-places)), nil))
		}
		q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
		twice := new(big.Int).Lsh(rem, 1).Cmp(den) // compare 2·rem with den
		odd := q.Bit(0) == 1
		for r := outcome.RoundHalfEven; r <= outcome.RoundFloor; r++ {
			bump := false
			switch r {
			case outcome.RoundHalfEven:
				bump = twice > 0 || twice == 0 && odd && rem.Sign() != 0
			case outcome.RoundHalfUp:
				bump = twice >= 0 && rem.Sign() != 0
			case outcome.RoundHalfDown:
				bump = twice > 0
			case outcome.RoundUp, outcome.RoundCeiling:
				bump = rem.Sign() != 0
			}
			want := new(big.Int).Set(q)
			if bump {
				want.Add(want, big.NewInt(1))
			}
			got, err := p.Rate(places, r)
			require.NoError(t, err)
			assert.True(t, decimal.NewFromBigInt(want, -places).Equal(got), "%v at %d, %s: got %s", p, places, r, got)
		}
	}
}

func TestRounding_Round(t *testing.T) {
	tiny := decimal.New(1, -2_000_000_000) // 10^-2000000000: far below any unit
	huge := decimal.New(5, 2_000_000_000)  // 5·10^2000000000: already whole
	tests := []struct {
		name     string
		d        decimal.Decimal
		places   int32
		rounding outcome.Rounding
		want     decimal.Decimal
	}{
		{name: "half-even tie down", d: decimal.RequireFromString("2.5"), places: 0, rounding: outcome.RoundHalfEven, want: decimal.NewFromInt(2)},
		{name: "half-even tie up", d: decimal.RequireFromString("3.5"), places: 0, rounding: outcome.RoundHalfEven, want: decimal.NewFromInt(4)},
		{name: "half-even negative tie", d: decimal.RequireFromString("-2.5"), places: 0, rounding: outcome.RoundHalfEven, want: decimal.NewFromInt(-2)},
		{name: "half-up negative tie", d: decimal.RequireFromString("-0.125"), places: 2, rounding: outcome.RoundHalfUp, want: decimal.RequireFromString("-0.13")},
		{name: "half-down negative tie", d: decimal.RequireFromString("-0.125"), places: 2, rounding: outcome.RoundHalfDown, want: decimal.RequireFromString("-0.12")},
		{name: "half-down above tie", d: decimal.RequireFromString("0.1251"), places: 2, rounding: outcome.RoundHalfDown, want: decimal.RequireFromString("0.13")},
		{name: "up negative", d: decimal.RequireFromString("-0.121"), places: 2, rounding: outcome.RoundUp, want: decimal.RequireFromString("-0.13")},
		{name: "down negative", d: decimal.RequireFromString("-0.129"), places: 2, rounding: outcome.RoundDown, want: decimal.RequireFromString("-0.12")},
		{name: "ceiling positive", d: decimal.RequireFromString("0.121"), places: 2, rounding: outcome.RoundCeiling, want: decimal.RequireFromString("0.13")},
		{name: "ceiling negative", d: decimal.RequireFromString("-0.129"), places: 2, rounding: outcome.RoundCeiling, want: decimal.RequireFromString("-0.12")},
		{name: "floor positive", d: decimal.RequireFromString("0.129"), places: 2, rounding: outcome.RoundFloor, want: decimal.RequireFromString("0.12")},
		{name: "floor negative", d: decimal.RequireFromString("-0.121"), places: 2, rounding: outcome.RoundFloor, want: decimal.RequireFromString("-0.13")},
		{name: "to thousands", d: decimal.RequireFromString("1234567.89"), places: -3, rounding: outcome.RoundHalfEven, want: decimal.NewFromInt(1235000)},
		{name: "already exact", d: decimal.RequireFromString("0.5"), places: 3, rounding: outcome.RoundUp, want: decimal.RequireFromString("0.500")},
		{name: "zero", d: decimal.Zero, places: 2, rounding: outcome.RoundUp, want: decimal.Zero},
		{name: "tiny half-even", d: tiny, places: 2, rounding: outcome.RoundHalfEven, want: decimal.Zero},
		{name: "tiny up", d: tiny, places: 2, rounding: outcome.RoundUp, want: decimal.RequireFromString("0.01")},
		{name: "tiny negative floor", d: tiny.Neg(), places: 2, rounding: outcome.RoundFloor, want: decimal.RequireFromString("-0.01")},
		{name: "tiny negative ceiling", d: tiny.Neg(), places: 2, rounding: outcome.RoundCeiling, want: decimal.Zero},
		{name: "huge", d: huge, places: 2, rounding: outcome.RoundHalfEven, want: huge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.rounding.Round(tt.d, tt.places)
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
		})
	}
	_, err := outcome.Rounding(0).Round(decimal.NewFromInt(1), 2)
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	_, err = outcome.RoundUp.Round(decimal.NewFromInt(1), outcome.MaxPlaces+1)
	assert.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	// Both arguments wrong: both problems, the mode's first.
	_, err = outcome.Rounding(0).Round(decimal.NewFromInt(1), -outcome.MaxPlaces-1)
	assert.Equal(t, []outcome.Code{outcome.ErrUnknownRounding, outcome.ErrInvalidPlaces}, problemCodes(err))
	assert.EqualError(t, err, "outcome: invalid rounding mode 0; choose one such as RoundHalfEven\n"+
		"outcome: -101 decimal places is outside [-100, 100]")
}

// TestRounding_Round_decimal checks, on random values, that each mode agrees
// with the shopspring/decimal method that implements the same rule (an
// independent implementation).
func TestRounding_Round_decimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	modes := []struct {
		r    outcome.Rounding
		same func(decimal.Decimal, int32) decimal.Decimal
	}{
		{outcome.RoundHalfEven, decimal.Decimal.RoundBank},
		{outcome.RoundHalfUp, decimal.Decimal.Round},
		{outcome.RoundUp, decimal.Decimal.RoundUp},
		{outcome.RoundDown, decimal.Decimal.RoundDown},
		{outcome.RoundCeiling, decimal.Decimal.RoundCeil},
		{outcome.RoundFloor, decimal.Decimal.RoundFloor},
	}
	for range 3000 {
		// Values with few digits make ties common.
		d := decimal.New(rng.Int64N(20001)-10000, -rng.Int32N(6))
		places := rng.Int32N(7) - 2
		for _, m := range modes {
			got, err := m.r.Round(d, places)
			require.NoError(t, err)
			want := m.same(d, places)
			assert.True(t, want.Equal(got), "%s of %s at %d: got %s, want %s", m.r, d, places, got, want)
		}
		// Half-down is half-up except on exact ties, where it goes toward zero.
		got, err := outcome.RoundHalfDown.Round(d, places)
		require.NoError(t, err)
		up, down := d.Round(places), d.RoundDown(places)
		tie := d.Sub(down).Abs().Mul(decimal.NewFromInt(2)).Equal(decimal.New(1, -places))
		if tie {
			assert.True(t, down.Equal(got), "half-down tie %s at %d", d, places)
		} else {
			assert.True(t, up.Equal(got), "half-down %s at %d", d, places)
		}
	}
}

func TestParseRounding(t *testing.T) {
	tests := []struct {
		text string
		want outcome.Rounding
	}{
		{"half-even", outcome.RoundHalfEven}, {"Bankers", outcome.RoundHalfEven}, {"banker's", outcome.RoundHalfEven},
		{"HALF_UP", outcome.RoundHalfUp}, {"half down", outcome.RoundHalfDown},
		{"up", outcome.RoundUp}, {"away from zero", outcome.RoundUp},
		{"down", outcome.RoundDown}, {"toward zero", outcome.RoundDown}, {"truncate", outcome.RoundDown},
		{"ceiling", outcome.RoundCeiling}, {"ceil", outcome.RoundCeiling}, {" Floor ", outcome.RoundFloor},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := outcome.ParseRounding(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := outcome.ParseRounding("nearest")
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	assert.EqualError(t, err, `outcome: unknown rounding mode "nearest"`)
}

func TestRounding_text(t *testing.T) {
	for r := outcome.RoundHalfEven; r <= outcome.RoundFloor; r++ {
		require.True(t, r.IsValid())
		assert.False(t, r.IsZero())
		text, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, r.String(), string(text))
		var back outcome.Rounding
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, r, back)
	}
	assert.Equal(t, []string{"half-even", "half-up", "half-down", "up", "down", "ceiling", "floor"}, func() []string {
		var s []string
		for r := outcome.RoundHalfEven; r <= outcome.RoundFloor; r++ {
			s = append(s, r.String())
		}
		return s
	}())
	var zero outcome.Rounding
	assert.True(t, zero.IsZero())
	assert.False(t, zero.IsValid())
	assert.Equal(t, "Rounding(0)", zero.String())
	_, err := zero.MarshalText()
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding)
	assert.ErrorIs(t, zero.UnmarshalText([]byte("sideways")), outcome.ErrUnknownRounding)
	assert.Equal(t, "Rounding(8)", outcome.Rounding(8).String())
}

// newRat returns s/n as a big.Rat.
func newRat(s, n int64) *big.Rat { return big.NewRat(s, n) }

// propClose asserts that got is within tol of want.
func propClose(t *testing.T, want, got, tol float64, what string) {
	t.Helper()
	assert.InDelta(t, want, got, tol, what)
}

// TestProportion_Wilson checks the Wilson interval against the published
// examples of Newcombe (1998), "Two-sided confidence intervals for the single
// proportion: comparison of seven methods", Statistics in Medicine
// 17:857-872, Table I, method 3 (score method without continuity
// correction), given there to 4 decimals, and against closed forms worked by
// hand.
func TestProportion_Wilson(t *testing.T) {
	tests := []struct {
		name      string
		s, n      int64
		low, high float64
		tol       float64
	}{
		{name: "Newcombe 81/263", s: 81, n: 263, low: 0.2553, high: 0.3662, tol: 0.00005},
		{name: "Newcombe 15/148", s: 15, n: 148, low: 0.0624, high: 0.1605, tol: 0.00005},
		{name: "Newcombe 0/20", s: 0, n: 20, low: 0, high: 0.1611, tol: 0.00005},
		{name: "Newcombe 1/29", s: 1, n: 29, low: 0.0061, high: 0.1718, tol: 0.00005},
		// 0 of n: the lower bound is 0 and the upper z²/(n+z²) exactly;
		// z² = 1.9599639845400536² = 3.8414588206941236, so for n = 20:
		// 3.8414588206941236 / 23.8414588206941236 = 0.16112515805281932.
		{name: "closed form 0/20", s: 0, n: 20, low: 0, high: 0.16112515805281932, tol: 1e-15},
		// n of n mirrors it: the lower bound is n/(n+z²), the upper 1. For
		// n = 29: 29 / 32.8414588206941236 = 0.8830302015002593.
		{name: "closed form 29/29", s: 29, n: 29, low: 0.8830302015002593, high: 1, tol: 1e-15},
		// One trial: 0 of 1 gives [0, z²/(1+z²)] = [0, 3.84146/4.84146] = [0, 0.793451].
		{name: "single trial", s: 0, n: 1, low: 0, high: 3.8414588206941236 / 4.8414588206941236, tol: 1e-15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iv, err := outcome.MustProportion(tt.s, tt.n).Wilson(0.95)
			require.NoError(t, err)
			propClose(t, tt.low, iv.Low, tt.tol, "low")
			propClose(t, tt.high, iv.High, tt.tol, "high")
			assert.Equal(t, float64(tt.s)/float64(tt.n), iv.Estimate)
			assert.Equal(t, 0.95, iv.Confidence)
			assert.Equal(t, outcome.IntervalWilson, iv.Method)
		})
	}
	// The edges are exact, not merely close.
	iv, err := outcome.MustProportion(0, 20).Wilson(0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, iv.Low)
	iv, err = outcome.MustProportion(20, 20).Wilson(0.95)
	require.NoError(t, err)
	assert.Equal(t, 1.0, iv.High)

	// The upper bound near 0 is a sum of positive terms, whatever n (worked
	// to 40 digits with z = 1.95996398454005423552, z²/2 = 1.9207294,
	// z²/4 = 0.9603647). 0 of 2^55: High = z²/(n + z²) = 3.8414588/(2^55 +
	// 3.8414588) = 1.0662190e-16 (1 - f²/(n(f + z²/2 + b)) rounded to 0).
	// 1 of 2^55: b = z·sqrt((n-1)/n + z²/4) = z·sqrt(1.9603647) =
	// 2.7442049, High = (1 + 1.9207294 + 2.7442049)/(2^55 + 3.8414588) =
	// 5.6649343/2^55 = 1.5723351e-16 (it was 1.1102e-16, a unit of the last
	// place of 1).
	const huge = int64(1) << 55
	z2 := z95 * z95
	iv, err = outcome.MustProportion(0, huge).Wilson(0.95)
	require.NoError(t, err)
	assert.InEpsilon(t, z2/(0x1p55+z2), iv.High, 1e-15)
	assert.InEpsilon(t, 1.0662190e-16, iv.High, 1e-7)
	assert.Equal(t, 0.0, iv.Low)
	iv, err = outcome.MustProportion(1, huge).Wilson(0.95)
	require.NoError(t, err)
	assert.InEpsilon(t, 1.5723351e-16, iv.High, 1e-7)
	// Past the middle the upper bound is 1 - f²/(n(f + z²/2 + b)), the term
	// taken from 1 below 1/2, so that it never passes 1; 1 of 2 and 2 of 3
	// are on either side of the switch. 1 of 2 (s = f): b = z·sqrt(1/2 +
	// z²/4) = 2.3685293, High = (1 + 1.9207294 + 2.3685293)/5.8414588 =
	// 5.2892587/5.8414588 = 0.9054688. 2 of 3: b = z·sqrt(2/3 + z²/4) =
	// 2.5000348, High = 1 - 1/(3·(1 + 1.9207294 + 2.5000348)) =
	// 1 - 1/16.2622926 = 0.9385081.
	iv, err = outcome.MustProportion(1, 2).Wilson(0.95)
	require.NoError(t, err)
	propClose(t, 0.9054688, iv.High, 5e-8, "1 of 2")
	iv, err = outcome.MustProportion(2, 3).Wilson(0.95)
	require.NoError(t, err)
	propClose(t, 0.9385081, iv.High, 5e-8, "2 of 3")

	// At 90%, z = Φ⁻¹(0.95) = 1.6448536269514715, z² = 2.7055434540954106,
	// and 0 of 20 gives the upper bound 2.70554/22.70554 = 0.11915783736096439.
	iv, err = outcome.MustProportion(0, 20).Wilson(0.90)
	require.NoError(t, err)
	propClose(t, 0.11915783736096439, iv.High, 1e-15, "90% upper bound")
	assert.Equal(t, 0.90, iv.Confidence)
}

// TestProportion_Wald checks the Wald interval p̂ ± z·sqrt(p̂(1-p̂)/n) against
// Newcombe (1998) Table I, method 1 (simple asymptotic), and against the
// arithmetic done by hand.
func TestProportion_Wald(t *testing.T) {
	tests := []struct {
		name      string
		s, n      int64
		low, high float64
		tol       float64
	}{
		{name: "Newcombe 81/263", s: 81, n: 263, low: 0.2522, high: 0.3638, tol: 0.00005},
		{name: "Newcombe 15/148", s: 15, n: 148, low: 0.0527, high: 0.1500, tol: 0.00005},
		// 81/263: p̂ = 0.30798479, SE = sqrt(81·182/263)/263 = 7.48687/263 =
		// 0.028467188734853665; p̂ ∓ 1.95996·0.0284672 = 0.25219013, 0.36377946.
		{name: "hand 81/263", s: 81, n: 263, low: 0.2521901262131072, high: 0.36377945553594226, tol: 1e-12},
		// 1/29: p̂ = 0.0344828, SE = sqrt(1·28/29)/29 = 0.0338821; the lower
		// bound p̂ - 1.95996·0.0338821 = -0.0319267 is below 0: the Wald
		// interval overshoots and reports it.
		{name: "overshoot 1/29", s: 1, n: 29, low: -0.03192672599829281, high: 0.10089224323967212, tol: 1e-12},
		// 0/20: SE = 0, so the interval has zero width at 0.
		{name: "zero width 0/20", s: 0, n: 20, low: 0, high: 0, tol: 0},
		// 50/100: 0.5 ∓ 1.95996·0.05 = 0.5 ∓ 0.0979982.
		{name: "half", s: 50, n: 100, low: 0.5 - z95*0.05, high: 0.5 + z95*0.05, tol: 1e-15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iv, err := outcome.MustProportion(tt.s, tt.n).Wald(0.95)
			require.NoError(t, err)
			propClose(t, tt.low, iv.Low, tt.tol, "low")
			propClose(t, tt.high, iv.High, tt.tol, "high")
			assert.Equal(t, outcome.IntervalWald, iv.Method)
		})
	}
}

// TestProportion_Interval_adjustedWald checks the Agresti-Coull interval
// p̃ ± z·sqrt(p̃(1-p̃)/ñ), ñ = n + z², p̃ = (s + z²/2)/ñ, worked by hand.
func TestProportion_Interval_adjustedWald(t *testing.T) {
	// 0/20: ñ = 20 + 3.8414588 = 23.8414588, p̃ = 1.9207294/23.8414588 =
	// 0.0805626; half = 1.95996·sqrt(0.0805626·0.9194374/23.8414588) =
	// 1.95996·0.0557390 = 0.1092466; bounds -0.0286844 and 0.1898096: the
	// lower bound overshoots 0 and is reported as computed.
	iv, err := outcome.MustProportion(0, 20).Interval(0.95, outcome.IntervalAdjustedWald)
	require.NoError(t, err)
	propClose(t, -0.028684402489669455, iv.Low, 1e-9, "low")
	propClose(t, 0.18980956054248876, iv.High, 1e-9, "high")
	assert.Equal(t, 0.0, iv.Estimate, "the estimate is the observed rate, not p̃")
	assert.Equal(t, outcome.IntervalAdjustedWald, iv.Method)
	// 1/29: ñ = 32.8414588, p̃ = 2.9207294/32.8414588 = 0.0889339; half =
	// 1.95996·sqrt(0.0889339·0.9110661/32.8414588) = 0.0973523.
	iv, err = outcome.MustProportion(1, 29).Interval(0.95, outcome.IntervalAdjustedWald)
	require.NoError(t, err)
	propClose(t, -0.008418075475740541, iv.Low, 1e-9, "low")
	propClose(t, 0.18628650856170603, iv.High, 1e-9, "high")
}

func TestProportion_Interval_methods(t *testing.T) {
	p := outcome.MustProportion(81, 263)
	for _, m := range []outcome.IntervalMethod{outcome.IntervalWilson, outcome.IntervalWald} {
		byMethod, err := p.Interval(0.95, m)
		require.NoError(t, err)
		var direct outcome.Interval
		if m == outcome.IntervalWilson {
			direct, err = p.Wilson(0.95)
		} else {
			direct, err = p.Wald(0.95)
		}
		require.NoError(t, err)
		assert.True(t, direct.Equal(byMethod), "%s", m)
	}
}

func TestProportion_Interval_errors(t *testing.T) {
	p := outcome.MustProportion(81, 263)
	for _, c := range []float64{0, 1, -0.5, 1.5, math.NaN(), math.Inf(1), math.Inf(-1)} {
		for _, m := range []outcome.IntervalMethod{outcome.IntervalWilson, outcome.IntervalWald, outcome.IntervalAdjustedWald} {
			iv, err := p.Interval(c, m)
			assert.ErrorIs(t, err, outcome.ErrInvalidConfidence, "confidence %v, %s", c, m)
			assert.True(t, iv.IsZero())
		}
		_, err := p.Wilson(c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
		_, err = p.Wald(c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
	}
	_, err := p.Wilson(95)
	assert.EqualError(t, err, "outcome: confidence level 95 is not strictly between 0 and 1 (0.95 for 95%)")

	for _, m := range []outcome.IntervalMethod{0, outcome.IntervalNewcombe, 99} {
		_, err := p.Interval(0.95, m)
		assert.ErrorIs(t, err, outcome.ErrInvalidIntervalMethod, "%s", m)
	}
	_, err = p.Interval(0.95, outcome.IntervalNewcombe)
	assert.EqualError(t, err, "outcome: interval method newcombe does not apply to a single proportion")

	for _, m := range []outcome.IntervalMethod{outcome.IntervalWilson, outcome.IntervalWald, outcome.IntervalAdjustedWald} {
		_, err := outcome.Proportion{}.Interval(0.95, m)
		assert.ErrorIs(t, err, outcome.ErrNoData)
	}

	// Every problem together, in the order confidence, method, data: none
	// hides another.
	const (
		badConf   = "outcome: confidence level 1.5 is not strictly between 0 and 1 (0.95 for 95%)"
		badMethod = "outcome: interval method newcombe does not apply to a single proportion"
		noData    = "outcome: a proportion of 0 trials has no rate"
	)
	iv, err := outcome.Proportion{}.Interval(1.5, outcome.IntervalNewcombe)
	assert.Equal(t, []outcome.Code{outcome.ErrInvalidConfidence, outcome.ErrInvalidIntervalMethod, outcome.ErrNoData},
		problemCodes(err))
	assert.EqualError(t, err, badConf+"\n"+badMethod+"\n"+noData)
	assert.True(t, iv.IsZero())
	_, err = p.Interval(1.5, outcome.IntervalNewcombe)
	assert.EqualError(t, err, badConf+"\n"+badMethod)
	_, err = outcome.Proportion{}.Interval(0.95, outcome.IntervalNewcombe)
	assert.EqualError(t, err, badMethod+"\n"+noData)
	_, err = outcome.Proportion{}.Wilson(1.5)
	assert.EqualError(t, err, badConf+"\n"+noData)
	_, err = outcome.Proportion{}.Wald(1.5)
	assert.EqualError(t, err, badConf+"\n"+noData)
}

// TestProportion_Interval_bounds checks the properties of the intervals on
// random counts and confidence levels: Wilson's bounds lie in [0, 1] around
// the estimate, the Agresti-Coull interval contains the Wilson interval (a
// known result: it is Wilson's centre with a wider half-width), and a higher
// confidence gives a wider interval.
func TestProportion_Interval_bounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		var n int64
		switch rng.IntN(3) {
		case 0:
			n = 1 + rng.Int64N(30)
		case 1:
			n = 1 + rng.Int64N(1_000_000)
		default:
			n = 1 + rng.Int64N(math.MaxInt64)
		}
		s := rng.Int64N(n + 1)
		if rng.IntN(4) == 0 {
			s = []int64{0, 1, n - 1, n}[rng.IntN(4)]
			s = max(0, s)
		}
		c := 0.5 + 0.499*rng.Float64()
		p := outcome.MustProportion(s, n)
		w, err := p.Wilson(c)
		require.NoError(t, err)
		assert.True(t, 0 <= w.Low && w.Low <= w.Estimate && w.Estimate <= w.High && w.High <= 1, "%v at %v: %+v", p, c, w)
		ac, err := p.Interval(c, outcome.IntervalAdjustedWald)
		require.NoError(t, err)
		assert.True(t, ac.Low <= w.Low+1e-12 && w.High <= ac.High+1e-12, "%v at %v: AC %+v, Wilson %+v", p, c, ac, w)
		wd, err := p.Wald(c)
		require.NoError(t, err)
		assert.True(t, wd.Low <= wd.Estimate && wd.Estimate <= wd.High)
		wider, err := p.Wilson(c + (1-c)/2)
		require.NoError(t, err)
		assert.True(t, wider.Low <= w.Low && w.High <= wider.High)
	}
}

func TestProportion_StandardError(t *testing.T) {
	// 81/263: sqrt(81·182/263)/263 = sqrt(56.0532319)/263 = 7.4868706/263 = 0.0284672.
	se, err := outcome.MustProportion(81, 263).StandardError()
	require.NoError(t, err)
	propClose(t, 0.028467188734853665, se, 1e-15, "se")
	se, err = outcome.MustProportion(0, 10).StandardError()
	require.NoError(t, err)
	assert.Equal(t, 0.0, se)
	_, err = outcome.Proportion{}.StandardError()
	assert.ErrorIs(t, err, outcome.ErrNoData)
}

func TestParseIntervalMethod(t *testing.T) {
	tests := []struct {
		text string
		want outcome.IntervalMethod
	}{
		{"wilson", outcome.IntervalWilson}, {"Wilson score", outcome.IntervalWilson}, {"score", outcome.IntervalWilson},
		{"wald", outcome.IntervalWald}, {"Normal", outcome.IntervalWald}, {"simple asymptotic", outcome.IntervalWald},
		{"adjusted-wald", outcome.IntervalAdjustedWald}, {"Agresti-Coull", outcome.IntervalAdjustedWald},
		{"newcombe", outcome.IntervalNewcombe}, {"hybrid score", outcome.IntervalNewcombe},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := outcome.ParseIntervalMethod(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := outcome.ParseIntervalMethod("clopper-pearson")
	assert.ErrorIs(t, err, outcome.ErrInvalidIntervalMethod)
	assert.EqualError(t, err, `outcome: unknown interval method "clopper-pearson"`)

	for m := outcome.IntervalWilson; m <= outcome.IntervalNewcombe; m++ {
		require.True(t, m.IsValid())
		assert.False(t, m.IsZero())
		text, err := m.MarshalText()
		require.NoError(t, err)
		var back outcome.IntervalMethod
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, m, back)
	}
	var zero outcome.IntervalMethod
	assert.True(t, zero.IsZero())
	assert.Equal(t, "IntervalMethod(0)", zero.String())
	_, err = zero.MarshalText()
	assert.ErrorIs(t, err, outcome.ErrInvalidIntervalMethod)
	assert.EqualError(t, err, "outcome: cannot marshal invalid interval method 0")
	assert.ErrorIs(t, zero.UnmarshalText([]byte("exact")), outcome.ErrInvalidIntervalMethod)
}

func TestInterval(t *testing.T) {
	iv := outcome.Interval{Estimate: 0.3, Low: 0.25, High: 0.375, Confidence: 0.95, Method: outcome.IntervalWilson}
	assert.Equal(t, 0.125, iv.Width())
	assert.True(t, iv.Contains(0.25))
	assert.True(t, iv.Contains(0.375))
	assert.False(t, iv.Contains(0.2))
	assert.False(t, iv.Contains(math.NaN()))
	assert.False(t, iv.IsZero())
	assert.True(t, outcome.Interval{}.IsZero())
	assert.True(t, iv.Equal(iv))
	other := iv
	other.Method = outcome.IntervalWald
	assert.False(t, iv.Equal(other))

	data, err := json.Marshal(iv)
	require.NoError(t, err)
	assert.JSONEq(t, `{"estimate":0.3,"low":0.25,"high":0.375,"confidence":0.95,"method":"wilson"}`, string(data))
	var back outcome.Interval
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, iv.Equal(back))
}

func TestResults_decodeWithChecks(t *testing.T) {
	// An Interval decodes with its checks: bounds out of order and a
	// confidence of 7 are refused (TestInterval_UnmarshalJSON).
	iv := outcome.Interval{Estimate: 0.5, Low: 0.25, High: 0.75, Confidence: 0.9, Method: outcome.IntervalWald}
	err := json.Unmarshal([]byte(`{"estimate":0.5,"low":0.9,"high":0.1,"confidence":7,"method":"wald"}`), &iv)
	assert.ErrorIs(t, err, outcome.ErrInvalidResult)
	assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
	assert.Equal(t, outcome.Interval{Estimate: 0.5, Low: 0.25, High: 0.75, Confidence: 0.9, Method: outcome.IntervalWald}, iv)

	// A ScoreTest likewise: a p-value of -1 and a confidence of 7 are
	// refused, where they decoded to a test that is not significant.
	var st outcome.ScoreTest
	err = json.Unmarshal([]byte(`{"pValue":-1,"interval":{"confidence":7,"method":"wald"}}`), &st)
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.ErrorIs(t, err, outcome.ErrInvalidResult)
	assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
	assert.Equal(t, outcome.ScoreTest{}, st, "unchanged")

	// A ProportionComparison: its computed fields are checked against A
	// and B (see TestProportionComparison_UnmarshalJSON).
	var c outcome.ProportionComparison
	err = json.Unmarshal([]byte(`{"a":{"successes":3,"trials":2}}`), &c)
	assert.ErrorIs(t, err, outcome.ErrInvalidCount)
}

// TestCompareProportions checks the Newcombe interval against Newcombe
// (1998), "Interval estimation for the difference between independent
// proportions: comparison of eleven methods", Statistics in Medicine
// 17:873-890, Table II, method 10 (given to 4 decimals), and the test against
// the worked example of Illowsky and Dean, "Introductory Statistics"
// (OpenStax), section "Comparing two independent population proportions":
// 20 of 200 patients on medication A and 12 of 200 on medication B still had
// hives; pooled p̄ = 32/400 = 0.08, p-value 0.1404.
func TestCompareProportions(t *testing.T) {
	tests := []struct {
		name                 string
		a, b                 outcome.Proportion
		diff, low, high      float64
		tol                  float64
		se, z, pValue, ptTol float64
	}{
		// Newcombe's (a): 56/70 - 48/80 = 0.2, interval 0.0524 to 0.3339.
		// Pooled: p̄ = 104/150 = 0.693333, SE = sqrt(0.693333·0.306667·(1/80 +
		// 1/70)) = sqrt(0.212622·0.0267857) = 0.0754668, Z = 0.2/0.0754668 =
		// 2.65017, p = 2(1 - Φ(2.65017)) = 0.008045.
		{name: "Newcombe (a)", a: outcome.MustProportion(48, 80), b: outcome.MustProportion(56, 70),
			diff: 0.2, low: 0.0524, high: 0.3339, tol: 0.00005,
			se: 0.0754668, z: 2.65017, pValue: 0.008045, ptTol: 5e-6},
		// Newcombe's (b): 9/10 - 3/10 = 0.6, interval 0.1705 to 0.8090.
		// p̄ = 0.6, SE = sqrt(0.6·0.4·0.2) = sqrt(0.048) = 0.219089, Z =
		// 0.6/0.219089 = 2.73861, p = 0.006170.
		{name: "Newcombe (b)", a: outcome.MustProportion(3, 10), b: outcome.MustProportion(9, 10),
			diff: 0.6, low: 0.1705, high: 0.8090, tol: 0.00005,
			se: 0.219089, z: 2.73861, pValue: 0.006170, ptTol: 5e-6},
		// Newcombe's (d), worked by hand: 5/56 - 0/29 = 0.0892857. Wilson
		// intervals: 5/56 (0.0387, 0.1928), 0/29 (0, 0.1170). Low = 0.0892857 -
		// sqrt(0.0505² + 0.1170²) = -0.0381; High = 0.0892857 +
		// sqrt(0.1035² + 0²) = 0.1926.
		{name: "Newcombe (d)", a: outcome.MustProportion(0, 29), b: outcome.MustProportion(5, 56),
			diff: 5.0 / 56, low: -0.0381, high: 0.1926, tol: 0.00005,
			se: 0.0538304, z: 1.65865, pValue: 0.09719, ptTol: 5e-5},
		// Newcombe's (e), both rates 0: 0/10 - 0/20. The Wilson upper bounds
		// are z²/(n+z²): 3.84146/13.84146 = 0.2775 and 3.84146/23.84146 =
		// 0.1611, so the interval is -0.1611 to 0.2775. The pooled rate is 0,
		// so SE = 0: the comparison reports Z = 0 and p = 1.
		{name: "Newcombe (e), both zero", a: outcome.MustProportion(0, 20), b: outcome.MustProportion(0, 10),
			diff: 0, low: -0.16112515805281932, high: 3.8414588206941236 / 13.8414588206941236, tol: 1e-12,
			se: 0, z: 0, pValue: 1, ptTol: 0},
		// Newcombe's (f): 10/10 - 0/20 = 1. Low = 1 - sqrt((1 - 0.7225)² +
		// 0.1611²) = 1 - sqrt(0.07701 + 0.02596) = 0.6791; High = 1.
		// p̄ = 1/3, SE = sqrt(1/3·2/3·(1/10 + 1/20)) = sqrt(0.0333333) =
		// 0.182574, Z = 5.47723.
		{name: "Newcombe (f)", a: outcome.MustProportion(0, 20), b: outcome.MustProportion(10, 10),
			diff: 1, low: 0.6791, high: 1, tol: 0.00005,
			se: 0.182574, z: 5.47723, pValue: 4.3205e-8, ptTol: 5e-6},
		// Illowsky and Dean: b - a = 0.06 - 0.10 = -0.04; SE =
		// sqrt(0.08·0.92·(1/200 + 1/200)) = sqrt(0.000736) = 0.0271293,
		// Z = -0.04/0.0271293 = -1.47442, p = 0.1404.
		{name: "OpenStax hives", a: outcome.MustProportion(20, 200), b: outcome.MustProportion(12, 200),
			diff: -0.04, low: -0.0955288, high: 0.0141921, tol: 5e-7,
			se: 0.0271293, z: -1.47442, pValue: 0.1404, ptTol: 5e-5},
		// Both rates 1: pooled rate 1, SE = 0, Z = 0, p = 1. The Wilson
		// lower bounds are n/(n+z²): 5/8.84146 = 0.565517 and
		// 8/11.84146 = 0.675592; Low = -(1 - 0.565517) = -0.434483,
		// High = 1 - 0.675592 = 0.324408.
		{name: "both one", a: outcome.MustProportion(8, 8), b: outcome.MustProportion(5, 5),
			diff: 0, low: -(1 - 5/8.8414588206941236), high: 1 - 8/11.8414588206941236, tol: 1e-12,
			se: 0, z: 0, pValue: 1, ptTol: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := outcome.CompareProportions(tt.a, tt.b, 0.95)
			require.NoError(t, err)
			assert.True(t, tt.a.Equal(c.A) && tt.b.Equal(c.B))
			propClose(t, tt.diff, c.Difference.Estimate, 1e-12, "difference")
			propClose(t, tt.low, c.Difference.Low, tt.tol, "low")
			propClose(t, tt.high, c.Difference.High, tt.tol, "high")
			assert.Equal(t, outcome.IntervalNewcombe, c.Difference.Method)
			assert.Equal(t, 0.95, c.Difference.Confidence)
			propClose(t, tt.se, c.StandardError, 5e-7, "standard error")
			propClose(t, tt.z, c.Z, 5e-5, "z")
			propClose(t, tt.pValue, c.PValue, tt.ptTol, "p-value")
			assert.True(t, -1 <= c.Difference.Low && c.Difference.Low <= c.Difference.Estimate &&
				c.Difference.Estimate <= c.Difference.High && c.Difference.High <= 1)
		})
	}
}

func TestCompareProportions_significant(t *testing.T) {
	// OpenStax: p = 0.1404, not significant at 95% nor at 99%.
	c, err := outcome.CompareProportions(outcome.MustProportion(20, 200), outcome.MustProportion(12, 200), 0.99)
	require.NoError(t, err)
	assert.False(t, c.Significant())
	assert.True(t, c.Difference.Contains(0))
	// Newcombe (a): p = 0.0080, significant at 95% and at 99% (0.0080 < 0.01).
	c, err = outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.99)
	require.NoError(t, err)
	assert.True(t, c.Significant())
	// ... but not at 99.9% (0.0080 > 0.001).
	c, err = outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.999)
	require.NoError(t, err)
	assert.False(t, c.Significant())
	// Both rates 0: p = 1, never significant.
	c, err = outcome.CompareProportions(outcome.MustProportion(0, 5), outcome.MustProportion(0, 9), 0.5)
	require.NoError(t, err)
	assert.False(t, c.Significant())
}

// TestCompareProportions_hugeCounts checks the difference of rates that a
// float64 cannot tell apart, and its pooled SE: past 2^53 trials each rate
// (and the pooled rate) rounds to a multiple of 2^-53 near 1, so the
// difference of the rounded rates is 0 or 2^-53 whatever the counts, and 1
// minus the pooled rate loses the failures. Both are taken from the counts
// instead.
func TestCompareProportions_hugeCounts(t *testing.T) {
	const n = int64(1) << 60
	// (n-63)/n - (n-65)/n = 2/n = 2^-59 exactly. As float64s, (n-65)/n =
	// 1 - 65·2^-60 rounds to 1 - 2^-53 and (n-63)/n = 1 - 63·2^-60 to 1 (the
	// midpoint is 1 - 64·2^-60), so their difference would be 2^-53, 64
	// times too large.
	a, b := outcome.MustProportion(n-65, n), outcome.MustProportion(n-63, n)
	c, err := outcome.CompareProportions(a, b, 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0x1p-59, c.Difference.Estimate)
	// The pooled SE from the counts: 2^61 - 128 successes and 128 failures
	// in N = 2^61 trials, so p̄(1-p̄) = (2^61 - 2^7)·2^7/2^122, and 1/na +
	// 1/nb = 2^-59: SE² = (2^61 - 2^7)·2^-174 = 2^-113·(1 - 2^-54), SE =
	// 2^-56.5 to 1e-16 = 9.813077866773595e-18. Z = 2^-59/2^-56.5 = 2^-2.5
	// = 0.1767767, p = erfc(0.1767767/√2) = 0.8596838: no evidence of a
	// difference. (1 - p̄ from a float64 p̄ = 1 - 2^-54, a tie that rounds
	// to 1, gave SE = 0.)
	assert.InEpsilon(t, 9.813077866773595e-18, c.StandardError, 1e-15)
	assert.InDelta(t, 0.1767767, c.Z, 5e-8)
	assert.InDelta(t, 0.8596838, c.PValue, 5e-8)
	assert.False(t, c.Significant())
	back, err := outcome.CompareProportions(b, a, 0.95)
	require.NoError(t, err)
	assert.Equal(t, -0x1p-59, back.Difference.Estimate, "swapping negates the difference")
	// Rates 0 and 1: the difference is exactly 1 (na·nb = 2^60 takes the
	// big-integer path). One failure in N = 2^60 + 1 trials: p̄(1-p̄) =
	// 2^60/(2^60+1)², times 1/1 + 1/2^60 = (2^60+1)/2^60, so SE² =
	// 1/(2^60+1) and SE = 2^-30·(1 - 2^-61) = 2^-30 = 9.313225746154785e-10
	// to 1e-16; Z = 2^30, p = erfc(2^30/√2) = 0 in float64. (1 - p̄ from a
	// float64 p̄ lost the one failure: SE = 0 and p = 1.)
	c, err = outcome.CompareProportions(outcome.MustProportion(0, 1), outcome.MustProportion(n, n), 0.95)
	require.NoError(t, err)
	assert.Equal(t, 1.0, c.Difference.Estimate)
	assert.InEpsilon(t, 0x1p-30, c.StandardError, 1e-15)
	assert.InEpsilon(t, 0x1p30, c.Z, 1e-15)
	assert.Equal(t, 0.0, c.PValue)
	assert.True(t, c.Significant())
	// Equal rates from different counts are exactly 0 apart, by the
	// big-integer path (3/(3·2^40) and 5/(5·2^40), both 2^-40; na·nb =
	// 15·2^80) and by the int64 one (1/3 and (2^40+1)/(3·2^40+3), both 1/3;
	// na·nb = 9·2^40 + 9 < 2^53).
	c, err = outcome.CompareProportions(outcome.MustProportion(3, 3<<40), outcome.MustProportion(5, 5<<40), 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, c.Difference.Estimate)
	c, err = outcome.CompareProportions(outcome.MustProportion(1, 3), outcome.MustProportion(1<<40+1, 3<<40+3), 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, c.Difference.Estimate)
	// Two rates of 0 in 2^55 trials: the Newcombe interval is ∓ the Wilson
	// upper bound, z²/(2^55 + z²) = 1.0662190e-16 (see
	// TestProportion_Wilson), not 0..0.
	zero := outcome.MustProportion(0, 1<<55)
	c, err = outcome.CompareProportions(zero, zero, 0.95)
	require.NoError(t, err)
	assert.InEpsilon(t, -1.0662190e-16, c.Difference.Low, 1e-7)
	assert.InEpsilon(t, 1.0662190e-16, c.Difference.High, 1e-7)
}

// newcombeBig returns Newcombe's hybrid score interval of rate(b) - rate(a)
// (method 10) at critical value z, worked in big.Float with 256 bits from the
// closed form of the Wilson bounds, (s + z²/2 ∓ z·sqrt(sf/n + z²/4))/(n +
// z²), and the definition Low = d - sqrt((p̂b - lb)² + (ua - p̂a)²), High = d
// + sqrt((ub - p̂b)² + (p̂a - la)²): 256 bits hold every cancellation of
// counts below 2^63, so the figures are good to far more than float64's.
func newcombeBig(sa, na, sb, nb int64, z float64) (low, high float64) {
	const prec = 256
	f := func(x float64) *big.Float { return new(big.Float).SetPrec(prec).SetFloat64(x) }
	i := func(x int64) *big.Float { return new(big.Float).SetPrec(prec).SetInt64(x) }
	zb := f(z)
	z2 := new(big.Float).Mul(zb, zb)
	halfZ2 := new(big.Float).Quo(z2, f(2))
	wilson := func(s, n int64) (p, lo, hi *big.Float) {
		p = new(big.Float).Quo(i(s), i(n))
		root := new(big.Float).Mul(i(s), i(n-s))
		root.Quo(root, i(n)).Add(root, new(big.Float).Quo(z2, f(4))).Sqrt(root)
		root.Mul(root, zb)
		den := new(big.Float).Add(i(n), z2)
		mid := new(big.Float).Add(i(s), halfZ2)
		lo = new(big.Float).Sub(mid, root)
		lo.Quo(lo, den)
		hi = new(big.Float).Add(mid, root)
		hi.Quo(hi, den)
		return p, lo, hi
	}
	hyp := func(x, y *big.Float) *big.Float {
		s := new(big.Float).Mul(x, x)
		s.Add(s, new(big.Float).Mul(y, y))
		return s.Sqrt(s)
	}
	pa, la, ua := wilson(sa, na)
	pb, lb, ub := wilson(sb, nb)
	d := new(big.Float).Sub(pb, pa)
	lo := new(big.Float).Sub(d, hyp(new(big.Float).Sub(pb, lb), new(big.Float).Sub(ua, pa)))
	hi := new(big.Float).Add(d, hyp(new(big.Float).Sub(ub, pb), new(big.Float).Sub(pa, la)))
	low, _ = lo.Float64()
	high, _ = hi.Float64()
	return low, high
}

// TestCompareProportions_nearOne checks the Newcombe interval of rates a
// float64 cannot tell from 1 against newcombeBig. Taking the distances to the
// Wilson bounds from the float64 rates and bounds, which round to 1 or to
// 1 - 2^-53, cancelled: (2^62-1)/2^62 against 2^62/2^62 gave 2.17e-19..2.17e-19,
// an interval of no width that left out 0, though p = 0.317, while the
// mirror case (1/2^62 against 0/2^62) was right.
func TestCompareProportions_nearOne(t *testing.T) {
	const n = int64(1) << 62
	tests := []struct {
		name           string
		sa, na, sb, nb int64
	}{
		// d = 2^-62 = 2.168404344971009e-19; mpmath at 60 digits with the
		// exact z gives -6.3506703789436050e-19 .. 1.2283868075846909e-18.
		{"one failure against none", n - 1, n, n, n},
		// The mirror: -1.2283868075846909e-18 .. 6.3506703789436050e-19.
		{"one success against none", 1, n, 0, n},
		// d = 2^-60·(-2) = -1.734723475976807e-18; mpmath: -2.1272472020846715e-17
		// .. 1.7767020363181526e-17.
		{"63 and 65 failures", 1<<60 - 63, 1 << 60, 1<<60 - 65, 1 << 60},
		// Ordinary counts keep their interval: Newcombe's (a), 0.0524 to
		// 0.3339 in his Table II; mpmath: 0.052431472402364878 ..
		// 0.33387265403690598.
		{"Newcombe (a)", 48, 80, 56, 70},
		{"Newcombe (b)", 3, 10, 9, 10},
		{"one of two against 2^62-1", 1, 2, n - 1, n},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := outcome.CompareProportions(outcome.MustProportion(tt.sa, tt.na), outcome.MustProportion(tt.sb, tt.nb), 0.95)
			require.NoError(t, err)
			low, high := newcombeBig(tt.sa, tt.na, tt.sb, tt.nb, z95)
			assert.InEpsilon(t, low, c.Difference.Low, 1e-13, "low")
			assert.InEpsilon(t, high, c.Difference.High, 1e-13, "high")
		})
	}
	// The figures of the first case, as mpmath gives them (the reference
	// above uses the float64 z, 1e-16 from the exact one).
	c, err := outcome.CompareProportions(outcome.MustProportion(n-1, n), outcome.MustProportion(n, n), 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0x1p-62, c.Difference.Estimate)
	assert.InEpsilon(t, -6.3506703789436050e-19, c.Difference.Low, 1e-13)
	assert.InEpsilon(t, 1.2283868075846909e-18, c.Difference.High, 1e-13)
	assert.True(t, c.Difference.Contains(0), "p = %v: no evidence of a difference", c.PValue)
	assert.False(t, c.Significant())
	// Newcombe (a) to the digits of mpmath's figures.
	c, err = outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.052431472402364878, c.Difference.Low, 1e-15)
	assert.InDelta(t, 0.33387265403690598, c.Difference.High, 1e-15)
}

// TestCompareProportions_mirror checks that swapping the successes and
// failures of both proportions negates the difference and mirrors its
// interval exactly, bit for bit: the rates s/n become 1 - s/n, so rate(b) -
// rate(a) becomes rate(a) - rate(b), and each Wilson interval (l, u) becomes
// (1 - u, 1 - l). Counts are drawn small, near 2^31 and near 2^62, where
// the rates near 1 lie closer together than float64 can tell.
func TestCompareProportions_mirror(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 1998))
	draw := func() outcome.Proportion {
		var n int64
		switch r.IntN(3) {
		case 0:
			n = 1 + r.Int64N(100)
		case 1:
			n = 1<<31 - r.Int64N(1000)
		default:
			n = 1<<62 + r.Int64N(1<<40)
		}
		var s int64
		switch r.IntN(4) {
		case 0:
			s = r.Int64N(min(n, 5) + 1)
		case 1:
			s = n - r.Int64N(min(n, 5)+1)
		default:
			s = r.Int64N(n + 1)
		}
		return outcome.MustProportion(s, n)
	}
	flip := func(p outcome.Proportion) outcome.Proportion {
		return outcome.MustProportion(p.Failures(), p.Trials())
	}
	for range 2000 {
		a, b := draw(), draw()
		conf := []float64{0.5, 0.9, 0.95, 0.999}[r.IntN(4)]
		c, err := outcome.CompareProportions(a, b, conf)
		require.NoError(t, err)
		m, err := outcome.CompareProportions(flip(a), flip(b), conf)
		require.NoError(t, err)
		if m.Difference.Estimate != -c.Difference.Estimate || m.Difference.Low != -c.Difference.High ||
			m.Difference.High != -c.Difference.Low {
			t.Fatalf("%s vs %s at %v: %v..%v (%v); mirrored %v..%v (%v), want %v..%v (%v)", a, b, conf,
				c.Difference.Low, c.Difference.High, c.Difference.Estimate,
				m.Difference.Low, m.Difference.High, m.Difference.Estimate,
				-c.Difference.High, -c.Difference.Low, -c.Difference.Estimate)
		}
	}
}

func TestCompareProportions_errors(t *testing.T) {
	p := outcome.MustProportion(1, 2)
	_, err := outcome.CompareProportions(outcome.Proportion{}, p, 0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	assert.EqualError(t, err, "outcome: cannot compare proportions 0/0 and 1/2: each needs at least one trial")
	_, err = outcome.CompareProportions(p, outcome.Proportion{}, 0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	for _, c := range []float64{0, 1, math.NaN(), -1, math.Inf(1)} {
		got, err := outcome.CompareProportions(p, p, c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence)
		assert.False(t, got.Significant(), "the zero comparison returned with the error")
	}
	// Both problems, the confidence's first: it does not hide the empty
	// proportion.
	got, err := outcome.CompareProportions(p, outcome.Proportion{}, 0)
	assert.Equal(t, []outcome.Code{outcome.ErrInvalidConfidence, outcome.ErrNoData}, problemCodes(err))
	assert.EqualError(t, err, "outcome: confidence level 0 is not strictly between 0 and 1 (0.95 for 95%)\n"+
		"outcome: cannot compare proportions 1/2 and 0/0: each needs at least one trial")
	assert.True(t, got == outcome.ProportionComparison{})
}

func TestProportionComparison_Significant(t *testing.T) {
	// PValue < 1 - Confidence, and only for a Difference interval with a
	// valid method and a confidence in (0, 1): the zero value (PValue 0,
	// Confidence 0, so 0 < 1) is no comparison and not significant.
	diff := func(conf float64, m outcome.IntervalMethod) outcome.Interval {
		return outcome.Interval{Estimate: 0.1, Low: 0.05, High: 0.15, Confidence: conf, Method: m}
	}
	tests := []struct {
		name string
		c    outcome.ProportionComparison
		want bool
	}{
		{"zero value", outcome.ProportionComparison{}, false},
		{"p 0.01 at 95%", outcome.ProportionComparison{PValue: 0.01, Difference: diff(0.95, outcome.IntervalNewcombe)}, true},
		{"p 0.06 at 95%: not below 0.05", outcome.ProportionComparison{PValue: 0.06, Difference: diff(0.95, outcome.IntervalNewcombe)}, false},
		{"no method", outcome.ProportionComparison{PValue: 0.01, Difference: diff(0.95, 0)}, false},
		{"confidence 0", outcome.ProportionComparison{PValue: 0, Difference: diff(0, outcome.IntervalNewcombe)}, false},
		{"confidence NaN", outcome.ProportionComparison{PValue: 0, Difference: diff(math.NaN(), outcome.IntervalNewcombe)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.c.Significant())
		})
	}
	// The comparison CompareProportions returns with an error.
	got, err := outcome.CompareProportions(outcome.Proportion{}, outcome.MustProportion(1, 2), 0.95)
	require.ErrorIs(t, err, outcome.ErrNoData)
	assert.True(t, got == outcome.ProportionComparison{})
	assert.False(t, got.Significant())
}

// TestCompareProportions_symmetry checks on random counts that swapping the
// two proportions negates the difference, its interval and Z and keeps the
// p-value, and that no result is NaN.
func TestCompareProportions_symmetry(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 3000 {
		na, nb := 1+rng.Int64N(500), 1+rng.Int64N(500)
		if rng.IntN(5) == 0 {
			na, nb = 1+rng.Int64N(math.MaxInt64/2), 1+rng.Int64N(math.MaxInt64/2)
		}
		a := outcome.MustProportion(rng.Int64N(na+1), na)
		b := outcome.MustProportion(rng.Int64N(nb+1), nb)
		conf := 0.5 + 0.499*rng.Float64()
		ab, err := outcome.CompareProportions(a, b, conf)
		require.NoError(t, err)
		ba, err := outcome.CompareProportions(b, a, conf)
		require.NoError(t, err)
		for _, v := range []float64{ab.Difference.Estimate, ab.Difference.Low, ab.Difference.High, ab.StandardError, ab.Z, ab.PValue} {
			require.False(t, math.IsNaN(v) || math.IsInf(v, 0), "%v vs %v: %+v", a, b, ab)
		}
		assert.Equal(t, -ab.Difference.Estimate, ba.Difference.Estimate)
		assert.InDelta(t, -ab.Difference.Low, ba.Difference.High, 1e-12)
		assert.InDelta(t, -ab.Difference.High, ba.Difference.Low, 1e-12)
		assert.InDelta(t, -ab.Z, ba.Z, 1e-9)
		assert.InDelta(t, ab.PValue, ba.PValue, 1e-12)
		assert.True(t, -1 <= ab.Difference.Low && ab.Difference.Low <= ab.Difference.Estimate &&
			ab.Difference.Estimate <= ab.Difference.High && ab.Difference.High <= 1, "%+v", ab)
		assert.True(t, 0 <= ab.PValue && ab.PValue <= 1)
	}
}

func TestProportion_JSON(t *testing.T) {
	p := outcome.MustProportion(81, 263)
	data, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"successes":81,"trials":263}`, string(data))
	var back outcome.Proportion
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, p.Equal(back))

	type wrapper struct {
		P outcome.Proportion `json:"p,omitzero"`
	}
	data, err = json.Marshal(wrapper{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(data), "the empty proportion is omitted with omitzero")

	tests := []struct {
		name    string
		in      string
		wantErr outcome.Code
	}{
		{name: "more successes than trials", in: `{"successes":3,"trials":2}`, wantErr: outcome.ErrInvalidCount},
		{name: "negative", in: `{"successes":-1,"trials":2}`, wantErr: outcome.ErrInvalidCount},
		{name: "unknown field", in: `{"successes":1,"trials":2,"rate":0.5}`, wantErr: outcome.ErrInvalidJSON},
		{name: "trailing data", in: `{"successes":1,"trials":2} {}`, wantErr: outcome.ErrInvalidJSON},
		{name: "fractional count", in: `{"successes":1.5,"trials":2}`, wantErr: outcome.ErrInvalidJSON},
		{name: "too large", in: `{"successes":1,"trials":9223372036854775808}`, wantErr: outcome.ErrInvalidJSON},
		{name: "not an object", in: `[1,2]`, wantErr: outcome.ErrInvalidJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := outcome.MustProportion(1, 1)
			err := q.UnmarshalJSON([]byte(tt.in))
			assert.ErrorIs(t, err, tt.wantErr)
			assert.True(t, outcome.MustProportion(1, 1).Equal(q), "unchanged on error")
		})
	}
	var q outcome.Proportion
	require.NoError(t, json.Unmarshal([]byte(`{"trials":4}`), &q))
	assert.True(t, outcome.MustProportion(0, 4).Equal(q), "an absent field is 0")
	// Null is no proportion: refused once (it left the value unchanged).
	err = q.UnmarshalJSON([]byte(` null `))
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.EqualError(t, err, "outcome: a proportion cannot be null")
	assert.True(t, outcome.MustProportion(0, 4).Equal(q), "unchanged on error")
}

func TestProportionComparison_JSON(t *testing.T) {
	c, err := outcome.CompareProportions(outcome.MustProportion(0, 20), outcome.MustProportion(0, 10), 0.95)
	require.NoError(t, err)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	assert.Equal(t, map[string]any{"successes": 0.0, "trials": 20.0}, m["a"])
	assert.Equal(t, 1.0, m["pValue"])
	assert.Equal(t, "newcombe", m["difference"].(map[string]any)["method"])
}

// TestProportionComparison_UnmarshalJSON: a comparison decodes only if it
// is one CompareProportions gives: every field there, none null, no key
// that names no field or given twice, A and B of at least one trial each,
// and the computed fields those of A and B at the confidence. Before, an
// absent or null A or B decoded as 0 of 0 without an error, and the other
// fields were taken as given.
func TestProportionComparison_UnmarshalJSON(t *testing.T) {
	c, err := outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.95)
	require.NoError(t, err)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	var back outcome.ProportionComparison
	require.NoError(t, json.Unmarshal(data, &back), "%s", data)
	assert.Equal(t, c, back, "a comparison round-trips")

	// 1/2 against 1/2 at 95%, worked out by hand: the difference is 0, the
	// pooled rate 1/2, so SE = sqrt(1/2 · 1/2 · (1/2 + 1/2)) = 1/2, z = 0
	// and p = 1; the Wilson interval of 1/2 is 0.094531..0.905469 (z =
	// 1.959964), so each distance is 0.405469 and Newcombe's bounds are
	// ∓ sqrt(2) · 0.405469 = ∓ 0.573419.
	const ab = `"a":{"successes":1,"trials":2},"b":{"successes":1,"trials":2}`
	const low, high = -0.5734194679697, 0.5734194679697
	half := func(diff, rest string) string {
		return `{` + ab + `,"difference":{` + diff + `,"confidence":0.95,"method":"newcombe"},` + rest + `}`
	}
	var h outcome.ProportionComparison
	require.NoError(t, json.Unmarshal([]byte(half(`"estimate":0,"low":-0.5734194679697171,"high":0.5734194679697171`,
		`"standardError":0.5,"z":0,"pValue":1`)), &h))
	assert.Equal(t, 0.0, h.Difference.Estimate)
	assert.InDelta(t, low, h.Difference.Low, 1e-12)
	assert.InDelta(t, high, h.Difference.High, 1e-12)
	assert.Equal(t, outcome.IntervalNewcombe, h.Difference.Method)
	assert.Equal(t, []float64{0.95, 0.5, 0, 1}, []float64{h.Difference.Confidence, h.StandardError, h.Z, h.PValue})
	hc, err := outcome.CompareProportions(outcome.MustProportion(1, 2), outcome.MustProportion(1, 2), 0.95)
	require.NoError(t, err)
	hdata, err := json.Marshal(hc)
	require.NoError(t, err)
	hjson := string(hdata)
	require.NoError(t, json.Unmarshal(hdata, &h))
	require.Equal(t, hc, h)

	// The bounds and the p-value may differ from CompareProportions's in
	// their last bits, as on another platform: a bound within 1e-12, the
	// p-value within 1e-12 of it, read as written; -0 is 0. (A
	// number is replaced as written in hjson, so these need its digits.)
	near := func(from, to string) string {
		require.Contains(t, hjson, from)
		return strings.Replace(hjson, from, to, 1)
	}
	lowText := strconv.FormatFloat(hc.Difference.Low, 'g', -1, 64)
	for _, in := range []string{
		near(`"low":`+lowText, `"low":`+strconv.FormatFloat(hc.Difference.Low+1e-13, 'g', -1, 64)),
		near(`"pValue":1`, `"pValue":0.9999999999999`),
		near(`"z":0`, `"z":-0`),
		near(`"estimate":0`, `"estimate":0e-400`),
	} {
		var got outcome.ProportionComparison
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
	}
	var got outcome.ProportionComparison
	require.NoError(t, json.Unmarshal([]byte(near(`"low":`+lowText, `"low":`+strconv.FormatFloat(hc.Difference.Low+1e-13, 'g', -1, 64))), &got))
	assert.Equal(t, hc.Difference.Low+1e-13, got.Difference.Low, "the bound as written, not recomputed")

	// A comparison at the smallest confidence CompareProportions accepts,
	// 2^-1022 (the smallest normal float64), reads back.
	tiny, err := outcome.CompareProportions(outcome.MustProportion(1, 2), outcome.MustProportion(1, 2), 0x1p-1022)
	require.NoError(t, err)
	tdata, err := json.Marshal(tiny)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(tdata, &got), "%s", tdata)
	assert.Equal(t, tiny, got)

	type problem struct {
		code outcome.Code
		msg  string
	}
	const pc = "outcome: proportion comparison"
	const of = " for a 1/2 and b 1/2"
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{"no A", `{"b":{"successes":1,"trials":2},"pValue":0.5}`, []problem{
			{outcome.ErrInvalidJSON, pc + ` has no "a", the baseline proportion`},
			{outcome.ErrInvalidJSON, pc + ` has no "difference"`},
			{outcome.ErrInvalidJSON, pc + ` has no "standardError"`},
			{outcome.ErrInvalidJSON, pc + ` has no "z"`},
		}},
		{"nothing", `{}`, []problem{
			{outcome.ErrInvalidJSON, pc + ` has no "a", the baseline proportion`},
			{outcome.ErrInvalidJSON, pc + ` has no "b", the comparison proportion`},
			{outcome.ErrInvalidJSON, pc + ` has no "difference"`},
			{outcome.ErrInvalidJSON, pc + ` has no "standardError"`},
			{outcome.ErrInvalidJSON, pc + ` has no "z"`},
			{outcome.ErrInvalidJSON, pc + ` has no "pValue"`},
		}},
		// A null A is refused, not left 0 of 0; B of 0 trials is valid as a
		// proportion, but compares nothing.
		{"null A, empty B", strings.Replace(strings.Replace(hjson, `"a":{"successes":1,"trials":2}`, `"a":null`, 1),
			`"b":{"successes":1,"trials":2}`, `"b":{"successes":0,"trials":0}`, 1), []problem{
			{outcome.ErrInvalidJSON, pc + `: "a" must be a proportion {"successes","trials"}, not null`},
			{outcome.ErrNoData, pc + ` "b": no trials: CompareProportions compares proportions of at least one trial`},
		}},
		// The computed fields that are not those of 1/2 and 1/2, each as
		// written: the estimate, the standard error, z (1e-400 is not 0,
		// though it reads as 0) and the p-value; a method that is not
		// CompareProportions's. The bounds are right.
		{"computed fields", half(`"estimate":0.9,"low":-0.5734194679697171,"high":0.5734194679697171`,
			`"standardError":0.50000000001,"z":1e-400,"pValue":0.001`), []problem{
			{outcome.ErrInvalidResult, pc + ` "difference": "estimate" is 0.9, where CompareProportions gives 0` + of},
			{outcome.ErrInvalidResult, pc + `: "standardError" is 0.50000000001, where CompareProportions gives 0.5` + of},
			{outcome.ErrInvalidResult, pc + `: "z" is 1e-400, where CompareProportions gives 0` + of},
			{outcome.ErrInvalidResult, pc + `: "pValue" is 0.001, where CompareProportions gives 1` + of},
		}},
		// A p-value past 1, though within 1e-12 of 1, and one 2e-12 below
		// it; the method of another interval.
		{"p-value past 1, method", strings.Replace(near(`"pValue":1`, `"pValue":1.0000000000001`), `"newcombe"`, `"wald"`, 1), []problem{
			{outcome.ErrInvalidIntervalMethod, pc + ` "difference": interval method wald is not newcombe, the method of CompareProportions`},
			{outcome.ErrInvalidResult, pc + `: "pValue" is 1.0000000000001, where CompareProportions gives 1` + of},
		}},
		{"p-value too far", near(`"pValue":1`, `"pValue":0.999999999998`), []problem{
			{outcome.ErrInvalidResult, pc + `: "pValue" is 0.999999999998, where CompareProportions gives 1` + of},
		}},
		// A confidence written too small for a float64, which reads it as
		// 0, or as -0; then the bounds are not checked (there is nothing
		// to check them against), the rest is.
		{"confidence reads as 0", near(`"confidence":0.95`, `"confidence":1e-400`), []problem{
			{outcome.ErrInvalidConfidence, pc + ` "difference": confidence level 1e-400 is not strictly between 0 and 1 (0.95 for 95%): it is too small to hold, and reads as 0`},
		}},
		{"confidence reads as -0", near(`"confidence":0.95`, `"confidence":-1e-400`), []problem{
			{outcome.ErrInvalidConfidence, pc + ` "difference": confidence level -1e-400 is not strictly between 0 and 1 (0.95 for 95%)`},
		}},
		{"confidence 1, unknown method", strings.Replace(near(`"confidence":0.95`, `"confidence":1`), `"newcombe"`, `"exact"`, 1), []problem{
			{outcome.ErrInvalidConfidence, pc + ` "difference": confidence level 1 is not strictly between 0 and 1 (0.95 for 95%)`},
			{outcome.ErrInvalidIntervalMethod, pc + ` "difference": unknown interval method "exact"`},
		}},
		// The problems of the form in the order of the fields (B's trials,
		// the difference's unknown key, its method given twice, its absent
		// fields, z), the unknown colour and the absent fields last; then
		// the counts' of A and of B, and the method, which names none. A
		// and B do not compare, so nothing is recomputed; B's trials, of
		// the wrong type, are not also reported missing.
		{"everything", `{"a":{"successes":3,"trials":2},"b":{"successes":-1,"trials":"x"},"z":"big","colour":1,` +
			`"difference":{"method":"exact","x":1,"Method":"wald"}}`, []problem{
			{outcome.ErrInvalidJSON, pc + ` "b": "trials" must be an integer, not the string "x"`},
			{outcome.ErrInvalidJSON, pc + ` "difference" gives field "method" twice, as "method" and "Method"`},
			{outcome.ErrInvalidJSON, pc + ` "difference" has an unknown field "x"`},
			{outcome.ErrInvalidJSON, pc + ` "difference" has no "estimate"`},
			{outcome.ErrInvalidJSON, pc + ` "difference" has no "low"`},
			{outcome.ErrInvalidJSON, pc + ` "difference" has no "high"`},
			{outcome.ErrInvalidJSON, pc + ` "difference" has no "confidence"`},
			{outcome.ErrInvalidJSON, pc + `: "z" must be a number, not the string "big"`},
			{outcome.ErrInvalidJSON, pc + ` has an unknown field "colour"`},
			{outcome.ErrInvalidJSON, pc + ` has no "standardError"`},
			{outcome.ErrInvalidJSON, pc + ` has no "pValue"`},
			{outcome.ErrInvalidCount, pc + ` "a": 3 successes in only 2 trials`},
			{outcome.ErrInvalidCount, pc + ` "b": negative successes -1`},
			{outcome.ErrInvalidIntervalMethod, pc + ` "difference": unknown interval method "exact"`},
		}},
		{"a difference that is not an interval", near(hjson[strings.Index(hjson, `"difference":`):strings.Index(hjson, `,"standardError"`)],
			`"difference":[0.1]`), []problem{
			{outcome.ErrInvalidJSON,
				pc + `: "difference" must be an interval {"estimate","low","high","confidence","method"}, not an array`},
		}},
		// Each value of the difference that does not decode is named at its
		// key: a string, a number beyond float64 under a key that differs
		// in case (encoding/json matches it), null, true, a method given
		// twice; a key that names no field is refused. Its values are not
		// checked further, nor are the bounds (there is no confidence), the
		// rest is: it is right.
		{"a difference's values", `{` + ab + `,"difference":{"estimate":"0.1","x":[],"LOW":1e400,"high":null,` +
			`"confidence":true,"method":"newcombe","method":5},"standardError":0.5,"z":0,"pValue":1}`, []problem{
			{outcome.ErrInvalidJSON, pc + ` "difference": "estimate" must be a number, not the string "0.1"`},
			{outcome.ErrInvalidJSON, pc + ` "difference": "low" must be a number between about -1.8e308 and 1.8e308, not the number 1e400`},
			{outcome.ErrInvalidJSON, pc + ` "difference": "high" must be a number, not null`},
			{outcome.ErrInvalidJSON, pc + ` "difference": "confidence" must be a number, not true`},
			{outcome.ErrInvalidJSON, pc + ` "difference" gives field "method" twice`},
			{outcome.ErrInvalidJSON, pc + ` "difference" has an unknown field "x"`},
		}},
		{"a number beyond float64", near(`"pValue":1`, `"pValue":-1e400`), []problem{
			{outcome.ErrInvalidJSON, pc + `: "pValue" must be a number between about -1.8e308 and 1.8e308, not the number -1e400`},
		}},
		{"B not an object", near(`"b":{"successes":1,"trials":2}`, `"b":[1,2]`), []problem{
			{outcome.ErrInvalidJSON, pc + `: "b" must be a proportion {"successes","trials"}, not an array`},
		}},
		{"a field given twice", near(`"z":0`, `"z":0,"Z":0`), []problem{
			{outcome.ErrInvalidJSON, pc + ` gives field "z" twice, as "z" and "Z"`},
		}},
		{"not an object", `[1]`, []problem{
			{outcome.ErrInvalidJSON, `outcome: invalid JSON: the value must be an object, not an array`},
		}},
		// Null is no comparison: refused once (it left it unchanged).
		{"null", ` null `, []problem{
			{outcome.ErrInvalidJSON, `outcome: a proportion comparison cannot be null`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c
			err := json.Unmarshal([]byte(tt.in), &got)
			var problems []problem
			for _, p := range outcome.Problems(err) {
				problems = append(problems, problem{p.Code, p.Message})
			}
			assert.Equal(t, tt.want, problems)
			assert.Equal(t, c, got, "unchanged on error")
		})
	}

	// A bound within 1e-12 of CompareProportions's but out of its range:
	// 0/1 against 1/1 has the difference 1 and High = 1 (both distances
	// that make it are 0), 1/1 against 0/1 has Low = -1, and at a
	// confidence of 2^-1022 the interval of 1/4 against 3/4 is the estimate
	// 0.5 (z* is 0 or so near that the distances vanish beside 0.5).
	compared := func(a, b outcome.Proportion, conf float64, from, to string) string {
		c, err := outcome.CompareProportions(a, b, conf)
		require.NoError(t, err)
		data, err := json.Marshal(c)
		require.NoError(t, err)
		require.Contains(t, string(data), from)
		return strings.Replace(string(data), from, to, 1)
	}
	zero, one := outcome.MustProportion(0, 1), outcome.MustProportion(1, 1)
	quarter, threeQuarters := outcome.MustProportion(1, 4), outcome.MustProportion(3, 4)
	for _, tt := range []struct{ name, in, want string }{
		{"high past 1", compared(zero, one, 0.95, `"high":1`, `"high":1.0000000000001`),
			pc + ` "difference": "high" is 1.0000000000001, where CompareProportions gives 1 for a 0/1 and b 1/1 at confidence 0.95`},
		{"low past -1", compared(one, zero, 0.95, `"low":-1`, `"low":-1.0000000000001`),
			pc + ` "difference": "low" is -1.0000000000001, where CompareProportions gives -1 for a 1/1 and b 0/1 at confidence 0.95`},
		{"low past the estimate", compared(quarter, threeQuarters, 0x1p-1022, `"low":0.5`, `"low":0.5000000000001`),
			pc + ` "difference": "low" is 0.5000000000001, where CompareProportions gives 0.5 for a 1/4 and b 3/4 at confidence 2.2250738585072014e-308`},
		{"high below the estimate", compared(quarter, threeQuarters, 0x1p-1022, `"high":0.5`, `"high":0.4999999999999`),
			pc + ` "difference": "high" is 0.4999999999999, where CompareProportions gives 0.5 for a 1/4 and b 3/4 at confidence 2.2250738585072014e-308`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), new(outcome.ProportionComparison))
			problems := outcome.Problems(err)
			require.Len(t, problems, 1, "%s: %v", tt.in, err)
			assert.Equal(t, outcome.ErrInvalidResult, problems[0].Code)
			assert.Equal(t, tt.want, problems[0].Message)
		})
	}

	// A bound more than 1e-12 from CompareProportions's, or past the
	// estimate, and bounds at another confidence than the one written:
	// each bound is said with the bound CompareProportions gives, which is
	// worked out above to 13 places.
	for _, tt := range []struct {
		name, in string
		want     []string // a pattern of each message
	}{
		{"low 2e-12 off", near(`"low":`+lowText, `"low":`+strconv.FormatFloat(hc.Difference.Low-2e-12, 'g', -1, 64)),
			[]string{`^` + pc + ` "difference": "low" is -0\.57341946797\d*, where CompareProportions gives -0\.5734194679697\d* for a 1/2 and b 1/2 at confidence 0\.95$`}},
		{"high below the estimate", near(`"high":`+strconv.FormatFloat(hc.Difference.High, 'g', -1, 64), `"high":-1e-13`),
			[]string{`^` + pc + ` "difference": "high" is -1e-13, where CompareProportions gives 0\.5734194679697\d* for a 1/2 and b 1/2 at confidence 0\.95$`}},
		// At 90% (z = 1.644854), the Wilson interval of 1/2 is
		// 0.120866..0.879134, so the bounds are ∓ sqrt(2) · 0.379134 =
		// ∓ 0.536176 (0.5361759...).
		{"another confidence", near(`"confidence":0.95`, `"confidence":0.9`), []string{
			`^` + pc + ` "difference": "low" is -0\.5734194679697\d*, where CompareProportions gives -0\.536175\d* for a 1/2 and b 1/2 at confidence 0\.9$`,
			`^` + pc + ` "difference": "high" is 0\.5734194679697\d*, where CompareProportions gives 0\.536175\d* for a 1/2 and b 1/2 at confidence 0\.9$`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), new(outcome.ProportionComparison))
			problems := outcome.Problems(err)
			require.Len(t, problems, len(tt.want), "%v", err)
			for i, p := range problems {
				assert.Equal(t, outcome.ErrInvalidResult, p.Code)
				assert.Regexp(t, tt.want[i], p.Message)
			}
		})
	}
}

// Errors returned by the package are *outcome.Error values whose Code is the
// sentinel; check that errors.As finds them inside a joined error too.
func TestProportion_errorShape(t *testing.T) {
	_, err := outcome.NewProportion(-1, -2)
	var e *outcome.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, outcome.ErrInvalidCount, e.Code)
	assert.Len(t, outcome.Problems(err), 2)
}

// TestProportionComparison_Equal checks that Equal compares every field: A,
// B, the difference and the three numbers. A comparison has no decimal, so
// reflect.DeepEqual agrees with Equal here (it compares float64s with ==,
// 0 equal to -0); Equal is there for cmp and the package's helpers.
func TestProportionComparison_Equal(t *testing.T) {
	base, err := outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.95)
	require.NoError(t, err)
	same, err := outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.95)
	require.NoError(t, err)
	equaltest.Check(t, equaltest.Case[outcome.ProportionComparison]{Equal: outcome.ProportionComparison.Equal, Base: func() outcome.ProportionComparison { return base },
		Twins: []equaltest.Twins[outcome.ProportionComparison]{{Name: "built apart", A: base, B: same, DeepDiffers: false}},
		Changes: []equaltest.Change[outcome.ProportionComparison]{
			{Field: "A", What: `c.A = outcome.MustProportion(48, 81)`, Apply: func(c *outcome.ProportionComparison) { c.A = outcome.MustProportion(48, 81) }},
			{Field: "B", What: `c.B = outcome.MustProportion(57, 70)`, Apply: func(c *outcome.ProportionComparison) { c.B = outcome.MustProportion(57, 70) }},
			{Field: "Difference", What: `c.Difference.Confidence = 0.9`, Apply: func(c *outcome.ProportionComparison) { c.Difference.Confidence = 0.9 }},
			{Field: "StandardError", What: `c.StandardError = math.Nextafter(c.StandardError, 1)`, Apply: func(c *outcome.ProportionComparison) { c.StandardError = math.Nextafter(c.StandardError, 1) }},
			{Field: "Z", What: `c.Z = -c.Z`, Apply: func(c *outcome.ProportionComparison) { c.Z = -c.Z }},
			{Field: "PValue", What: `c.PValue = 0.5`, Apply: func(c *outcome.ProportionComparison) { c.PValue = 0.5 }},
		}})
	// 0 and -0 are one number: a comparison of equal rates has Z = 0.
	half, err := outcome.CompareProportions(outcome.MustProportion(1, 2), outcome.MustProportion(2, 4), 0.95)
	require.NoError(t, err)
	require.Zero(t, half.Z)
	negZ := half
	negZ.Z = math.Copysign(0, -1)
	assert.True(t, half.Equal(negZ))

	// Stored as JSON and read back, it is Equal to the one computed.
	data, err := json.Marshal(base)
	require.NoError(t, err)
	var back outcome.ProportionComparison
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(base))
}
