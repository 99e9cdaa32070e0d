package triplecrown

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// RoundingMode says how a value is rounded to a number of decimal places.
// Every place this package rounds (a relative change, a rate, a share, an
// ROI ratio) takes the mode from an explicit [Rounding]; nothing uses
// decimal's package-level settings.
//
// The zero RoundingMode is invalid, so that a caller cannot forget to choose.
type RoundingMode uint8

// The rounding modes. The examples round to whole numbers.
const (
	// RoundHalfUp rounds to the nearest value, ties away from zero: 2.5 to
	// 3, -2.5 to -3 (commercial rounding; decimal's Round).
	RoundHalfUp RoundingMode = iota + 1
	// RoundHalfEven rounds to the nearest value, ties to the even neighbour:
	// 2.5 to 2, 3.5 to 4 (banker's rounding; decimal's RoundBank).
	RoundHalfEven
	// RoundUp rounds away from zero: 2.1 to 3, -2.1 to -3.
	RoundUp
	// RoundDown rounds toward zero (truncates): 2.9 to 2, -2.9 to -2.
	RoundDown
	// RoundCeiling rounds toward positive infinity: 2.1 to 3, -2.9 to -2.
	RoundCeiling
	// RoundFloor rounds toward negative infinity: 2.9 to 2, -2.1 to -3.
	RoundFloor
)

// String returns the mode's token: "half-up", "half-even", "up", "down",
// "ceiling" or "floor", or "RoundingMode(N)" for an invalid mode.
// [ParseRoundingMode] accepts it.
func (m RoundingMode) String() string {
	switch m {
	case RoundHalfUp:
		return "half-up"
	case RoundHalfEven:
		return "half-even"
	case RoundUp:
		return "up"
	case RoundDown:
		return "down"
	case RoundCeiling:
		return "ceiling"
	case RoundFloor:
		return "floor"
	}
	return fmt.Sprintf("RoundingMode(%d)", uint8(m))
}

// IsValid reports whether m is one of the six modes.
func (m RoundingMode) IsValid() bool { return m >= RoundHalfUp && m <= RoundFloor }

// IsZero reports whether m is the zero (invalid) RoundingMode.
func (m RoundingMode) IsZero() bool { return m == 0 }

// ParseRoundingMode parses a mode's token as [RoundingMode.String] writes
// it; "bankers" is accepted for [RoundHalfEven] and "truncate" for
// [RoundDown]. Anything else is an error with code [ErrUnknownRoundingMode].
func ParseRoundingMode(text string) (RoundingMode, error) {
	switch text {
	case "half-up":
		return RoundHalfUp, nil
	case "half-even", "bankers":
		return RoundHalfEven, nil
	case "up":
		return RoundUp, nil
	case "down", "truncate":
		return RoundDown, nil
	case "ceiling":
		return RoundCeiling, nil
	case "floor":
		return RoundFloor, nil
	}
	return 0, newError(ErrUnknownRoundingMode, nil,
		"triplecrown: unknown rounding mode %q (want half-up, half-even, up, down, ceiling or floor)", clip(text))
}

// MaxPlaces bounds the places of a [Rounding]: between -MaxPlaces (round to
// a multiple of 10^MaxPlaces) and +MaxPlaces decimal places.
const MaxPlaces = 18

// Rounding is an explicit rounding: a number of decimal places (negative to
// round to tens, hundreds...) and a [RoundingMode]. Build one with
// [NewRounding].
//
// Rounding is immutable. The zero Rounding has no mode and is invalid;
// [Rounding.IsValid] reports it.
type Rounding struct {
	places int32
	mode   RoundingMode
}

// NewRounding returns the rounding to places decimal places in mode. A mode
// that is not valid is an error with code [ErrUnknownRoundingMode], places
// beyond ±[MaxPlaces] one with code [ErrInvalidPlaces]; both are reported.
func NewRounding(places int32, mode RoundingMode) (Rounding, error) {
	var errs []error
	if places < -MaxPlaces || places > MaxPlaces {
		errs = append(errs, newError(ErrInvalidPlaces, nil,
			"triplecrown: %d decimal places is outside -%d to %d", places, MaxPlaces, MaxPlaces))
	}
	if !mode.IsValid() {
		errs = append(errs, newError(ErrUnknownRoundingMode, nil,
			"triplecrown: rounding needs a valid mode, not %s", mode))
	}
	if len(errs) > 0 {
		return Rounding{}, joinAll(errs)
	}
	return Rounding{places: places, mode: mode}, nil
}

// MustRounding is like [NewRounding] but panics on invalid input. It is
// meant for literals in programs and tests.
func MustRounding(places int32, mode RoundingMode) Rounding {
	r, err := NewRounding(places, mode)
	if err != nil {
		panic(err)
	}
	return r
}

// Places returns the number of decimal places.
func (r Rounding) Places() int32 { return r.places }

// Mode returns the rounding mode.
func (r Rounding) Mode() RoundingMode { return r.mode }

// IsValid reports whether r has a valid mode (only [NewRounding] makes one).
func (r Rounding) IsValid() bool { return r.mode.IsValid() }

// IsZero reports whether r is the zero (invalid) Rounding.
func (r Rounding) IsZero() bool { return r == Rounding{} }

// Equal reports whether r and o round the same way.
func (r Rounding) Equal(o Rounding) bool { return r == o }

// String returns the rounding in words, such as "2 places, half-even".
func (r Rounding) String() string { return fmt.Sprintf("%d places, %s", r.places, r.mode) }

// Round returns d rounded to r's places in r's mode. The zero Rounding
// returns d unchanged.
func (r Rounding) Round(d decimal.Decimal) decimal.Decimal {
	switch r.mode {
	case RoundHalfUp:
		return d.Round(r.places)
	case RoundHalfEven:
		return d.RoundBank(r.places)
	case RoundUp:
		return d.RoundUp(r.places)
	case RoundDown:
		return d.RoundDown(r.places)
	case RoundCeiling:
		return d.RoundCeil(r.places)
	case RoundFloor:
		return d.RoundFloor(r.places)
	}
	return d
}

// Quo returns num / den rounded to r's places in r's mode, exactly: the
// quotient is computed with its remainder and rounded once, never through
// an intermediate rounding. den must not be zero (Quo returns zero if it
// is); the zero Rounding rounds down.
func (r Rounding) Quo(num, den decimal.Decimal) decimal.Decimal {
	if den.IsZero() {
		return decimal.Decimal{}
	}
	if q, ok := r.quoFast(num, den); ok {
		return q
	}
	return r.quoSlow(num, den)
}

// quoSlow is Quo in decimal arithmetic.
func (r Rounding) quoSlow(num, den decimal.Decimal) decimal.Decimal {
	q, rem := num.QuoRem(den, r.places)
	if rem.IsZero() {
		return q
	}
	neg := num.Sign()*den.Sign() < 0
	ulp := decimal.New(1, -r.places)
	// half compares the dropped fraction with one half of a unit in the
	// last place: 2|rem| against |den| * ulp.
	half := rem.Abs().Add(rem.Abs()).Cmp(den.Abs().Mul(ulp))
	if !r.away(neg, half, func() bool { return q.Shift(r.places).BigInt().Bit(0) == 1 }) {
		return q
	}
	if neg {
		return q.Sub(ulp)
	}
	return q.Add(ulp)
}

// away reports whether a quotient truncated toward zero, with a remainder
// that is not zero, rounds away from zero: neg is the quotient's sign, half
// compares the dropped fraction with one half (-1, 0, +1), and odd reports
// whether the truncated quotient's last digit is odd.
func (r Rounding) away(neg bool, half int, odd func() bool) bool {
	switch r.mode {
	case RoundUp:
		return true
	case RoundCeiling:
		return !neg
	case RoundFloor:
		return neg
	case RoundHalfUp:
		return half >= 0
	case RoundHalfEven:
		return half > 0 || half == 0 && odd()
	}
	return false
}

// quoFast is Quo in 64- and 128-bit integers, for coefficients of at most
// 18 digits and a quotient that fits in an int64; it reports false when it
// cannot compute the quotient that way. One allocation: the result.
func (r Rounding) quoFast(num, den decimal.Decimal) (decimal.Decimal, bool) {
	if num.NumDigits() > maxCompactDigits || den.NumDigits() > maxCompactDigits {
		return decimal.Decimal{}, false
	}
	cn, cd := num.CoefficientInt64(), den.CoefficientInt64()
	neg := (cn < 0) != (cd < 0)
	un, ud := absU64(cn), absU64(cd)
	// q = trunc(|cn| * 10^k / |cd|), k = exp(num) - exp(den) + places.
	k := int64(num.Exponent()) - int64(den.Exponent()) + int64(r.places)
	var hi, lo uint64 = 0, un
	switch {
	case k > 38 || k < -maxCompactDigits:
		return decimal.Decimal{}, false
	case k > 0:
		var ok bool
		if hi, lo, ok = mulPow10(0, un, uint32(k)); !ok {
			return decimal.Decimal{}, false
		}
	case k < 0:
		h, l := bits.Mul64(ud, pow10u64(uint32(-k)))
		if h != 0 {
			return decimal.Decimal{}, false
		}
		ud = l
	}
	if hi >= ud {
		return decimal.Decimal{}, false // the quotient needs more than 64 bits
	}
	q, rem := bits.Div64(hi, lo, ud)
	if rem != 0 {
		// Compare rem with ud - rem rather than 2*rem with ud, which could
		// overflow.
		half := 0
		switch {
		case rem < ud-rem:
			half = -1
		case rem > ud-rem:
			half = 1
		}
		if r.away(neg, half, func() bool { return q&1 == 1 }) {
			q++
		}
	}
	if q > math.MaxInt64 {
		return decimal.Decimal{}, false
	}
	v := int64(q)
	if neg {
		v = -v
	}
	return decimal.New(v, -r.places), true
}

// absU64 returns |v| as a uint64 (correct for math.MinInt64 too).
func absU64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}
