package outcome

import (
	"cmp"
	"fmt"
	"math/big"
	"math/bits"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/shopspring/decimal"
)

// The codes of errors in the arguments of rounding.
const (
	// ErrUnknownRounding: a rounding mode that is the zero value or text that
	// names no mode.
	ErrUnknownRounding Code = "unknown-rounding"
	// ErrInvalidPlaces: a number of decimal places outside the range a
	// function accepts (see [MaxPlaces]).
	ErrInvalidPlaces Code = "invalid-places"
)

// MaxPlaces is the largest number of decimal places (and, negated, the
// smallest) that [Rounding.Round] and [Proportion.Rate] accept. Any rate that
// needs more is better read from [Proportion.Fraction], which is exact.
const MaxPlaces = 100

// maxRescale bounds the number of zeros [Rounding.Round] appends to a
// coefficient to give it exactly the asked-for places; beyond it the value is
// returned unchanged (it is already exact at those places).
const maxRescale = 1000

// Rounding says how a number that falls between two representable values is
// rounded to a given number of decimal places: the "rounding" argument of
// [Proportion.Rate], [Proportion.Percent] and [Rounding.Round]. A ratio such
// as 81/263 does not terminate, so the library never rounds on its own: the
// caller picks the places and the mode, and the result is that mode applied
// to the exact value (not to an intermediate approximation).
//
// The zero Rounding is invalid: functions given it return an error with code
// [ErrUnknownRounding], so that no mode is ever assumed.
type Rounding uint8

// The rounding modes. The "half" modes round to the nearer neighbour and
// differ only on a tie (a value exactly half-way); the others are directed.
const (
	// RoundHalfEven rounds to the nearer neighbour, and a tie to the one
	// whose last digit is even ("banker's rounding", IEEE 754's default):
	// 0.125 to two places is 0.12, 0.135 is 0.14. It has no bias upward
	// over many roundings.
	RoundHalfEven Rounding = iota + 1
	// RoundHalfUp rounds to the nearer neighbour, and a tie away from zero
	// (the rounding taught at school): 0.125 to two places is 0.13, -0.125
	// is -0.13. It is [decimal.Decimal.Round].
	RoundHalfUp
	// RoundHalfDown rounds to the nearer neighbour, and a tie toward zero:
	// 0.125 to two places is 0.12, -0.125 is -0.12.
	RoundHalfDown
	// RoundUp rounds away from zero: 0.121 to two places is 0.13, -0.121 is -0.13.
	RoundUp
	// RoundDown rounds toward zero (truncates): 0.129 to two places is 0.12,
	// -0.129 is -0.12.
	RoundDown
	// RoundCeiling rounds toward positive infinity: 0.121 to two places is
	// 0.13, -0.129 is -0.12.
	RoundCeiling
	// RoundFloor rounds toward negative infinity: 0.129 to two places is
	// 0.12, -0.121 is -0.13.
	RoundFloor
)

// String returns the mode's stable token: "half-even", "half-up",
// "half-down", "up", "down", "ceiling" or "floor"; "Rounding(N)" for an
// invalid value. [ParseRounding] accepts it.
func (r Rounding) String() string {
	switch r {
	case RoundHalfEven:
		return "half-even"
	case RoundHalfUp:
		return "half-up"
	case RoundHalfDown:
		return "half-down"
	case RoundUp:
		return "up"
	case RoundDown:
		return "down"
	case RoundCeiling:
		return "ceiling"
	case RoundFloor:
		return "floor"
	}
	return fmt.Sprintf("Rounding(%d)", uint8(r))
}

// IsValid reports whether r is one of the seven rounding modes.
func (r Rounding) IsValid() bool { return r >= RoundHalfEven && r <= RoundFloor }

// IsZero reports whether r is the zero (invalid) Rounding.
func (r Rounding) IsZero() bool { return r == 0 }

// ParseRounding parses a rounding mode, ignoring case, white space, hyphens
// and underscores. Besides the tokens of [Rounding.String] it accepts
// "bankers" (or "banker's") for [RoundHalfEven], "away from zero" for
// [RoundUp], "toward zero", "towards zero" and "truncate" for [RoundDown], and
// "ceil" for [RoundCeiling]. Anything else is an error with code
// [ErrUnknownRounding].
func ParseRounding(text string) (Rounding, error) {
	var buf [32]byte
	switch string(fold(buf[:0], text)) {
	case "halfeven", "bankers", "banker", "bankersrounding":
		return RoundHalfEven, nil
	case "halfup":
		return RoundHalfUp, nil
	case "halfdown":
		return RoundHalfDown, nil
	case "up", "awayfromzero":
		return RoundUp, nil
	case "down", "towardzero", "towardszero", "truncate":
		return RoundDown, nil
	case "ceiling", "ceil":
		return RoundCeiling, nil
	case "floor":
		return RoundFloor, nil
	}
	return 0, NewError(ErrUnknownRounding, nil, "outcome: unknown rounding mode %q", clip(text))
}

// MarshalText implements [encoding.TextMarshaler]: the token of
// [Rounding.String]. Marshalling an invalid Rounding is an error with code
// [ErrUnknownRounding].
func (r Rounding) MarshalText() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseRounding].
func (r *Rounding) UnmarshalText(text []byte) error {
	v, err := ParseRounding(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Round returns d rounded to places decimal places by mode r, exactly: the
// result is the multiple of 10^-places that r picks among the two nearest to
// d. A negative places rounds to a multiple of 10^-places (tens, hundreds,
// ...). The result has exponent -places, so that its StringFixed(places)
// writes it without rounding again (decimal's String drops trailing zeros:
// 0.7995 rounded half even to 3 places is 0.800, whose String is "0.8").
// If d already has no more digits than that and would need over 1000 zeros
// appended, d itself is returned: it is equal in value.
//
// An invalid r is an error with code [ErrUnknownRounding]; places outside
// [-MaxPlaces, MaxPlaces] one with code [ErrInvalidPlaces]; both are
// reported, joined with [errors.Join] in that order.
func (r Rounding) Round(d decimal.Decimal, places int32) (decimal.Decimal, error) {
	if err := checkRounding(places, r); err != nil {
		return decimal.Decimal{}, err
	}
	exp := int64(d.Exponent())
	drop := -int64(places) - exp // digits to drop from the coefficient
	if drop <= 0 {
		if -drop > maxRescale {
			return d, nil
		}
		return d.RoundDown(places), nil // exact: only appends zeros
	}
	coef := d.Coefficient()
	// Dropping more digits than the coefficient has leaves a remainder below
	// a tenth of the unit, which every mode treats alike; so cap the divisor
	// to keep it small whatever d's exponent.
	if most := int64(coef.BitLen()/3 + 2); drop > most {
		drop = most
	}
	q := r.quo(coef, bigPow10(drop))
	return decimal.NewFromBigInt(q, -places), nil
}

// checkRounding checks the rounding arguments of [Rounding.Round], of
// [Proportion.Rate] and of the survey scores: the problem of the mode
// ([Rounding.check]) and that of places outside [-MaxPlaces, MaxPlaces], in
// that order, the two joined when both apply; nil if neither does.
func checkRounding(places int32, r Rounding) error {
	if r.IsValid() && places >= -MaxPlaces && places <= MaxPlaces {
		return nil
	}
	return msg.JoinFlat(r.check(), checkPlaces(places, -MaxPlaces, MaxPlaces))
}

// check returns an *Error with code [ErrUnknownRounding] if r is invalid.
func (r Rounding) check() error {
	if r.IsValid() {
		return nil
	}
	return NewError(ErrUnknownRounding, nil, "outcome: invalid rounding mode %d; choose one such as RoundHalfEven", uint8(r))
}

// quo returns num/den rounded to an integer by mode r, for den > 0 and a
// valid r.
func (r Rounding) quo(num, den *big.Int) *big.Int {
	var rem big.Int
	q, _ := new(big.Int).QuoRem(num, den, &rem) // truncated toward zero
	if rem.Sign() == 0 {
		return q
	}
	sign := num.Sign() // the sign of the exact quotient, as den > 0
	half := rem.Abs(&rem).Lsh(&rem, 1).Cmp(den)
	if r.awayFromZero(sign, half, q.Bit(0) == 1) {
		q.Add(q, big.NewInt(int64(sign)))
	}
	return q
}

// awayFromZero reports whether mode r moves a truncated quotient one unit
// away from zero, given the sign of the exact quotient, how the dropped part
// compares with half a unit (-1, 0, +1) and whether the truncated quotient is
// odd. The dropped part is never zero here.
func (r Rounding) awayFromZero(sign, half int, odd bool) bool {
	switch r {
	case RoundHalfEven:
		return half > 0 || half == 0 && odd
	case RoundHalfUp:
		return half >= 0
	case RoundHalfDown:
		return half > 0
	case RoundUp:
		return true
	case RoundCeiling:
		return sign > 0
	case RoundFloor:
		return sign < 0
	}
	return false // RoundDown
}

// ratio returns num/den * 10^shift rounded to places decimal places by r, as
// a decimal with exponent -places, for den > 0 and a valid r.
func (r Rounding) ratio(num, den int64, shift, places int32) decimal.Decimal {
	if k := int64(shift) + int64(places); 0 <= num && num <= den && 0 <= k && k <= 18 {
		// The common case in 128-bit integers: num·10^k < den·2^64, so the
		// quotient (at most 10^18) and the remainder fit 64 bits.
		scale := uint64(1)
		for range k {
			scale *= 10
		}
		hi, lo := bits.Mul64(uint64(num), scale)
		q, rem := bits.Div64(hi, lo, uint64(den))
		if rem != 0 {
			// 2·rem < 2·den < 2^64; the exact quotient is positive.
			half := cmp.Compare(2*rem, uint64(den))
			if r.awayFromZero(1, half, q&1 == 1) {
				q++
			}
		}
		return decimal.New(int64(q), -places)
	}
	n, d := big.NewInt(num), big.NewInt(den)
	if k := int64(shift) + int64(places); k >= 0 {
		n.Mul(n, bigPow10(k))
	} else {
		d.Mul(d, bigPow10(-k))
	}
	return decimal.NewFromBigInt(r.quo(n, d), -places)
}

// ratioBig is [Rounding.ratio] for a numerator or a denominator that may not
// fit an int64 (the sum of a large tally's answers, say): num/den * 10^shift
// rounded to places decimal places by r, as a decimal with exponent -places,
// for den > 0 and a valid r. It does not modify num or den.
func (r Rounding) ratioBig(num, den *big.Int, shift, places int32) decimal.Decimal {
	n, d := new(big.Int).Set(num), new(big.Int).Set(den)
	if k := int64(shift) + int64(places); k >= 0 {
		n.Mul(n, bigPow10(k))
	} else {
		d.Mul(d, bigPow10(-k))
	}
	return decimal.NewFromBigInt(r.quo(n, d), -places)
}

// checkPlaces returns an *Error with code [ErrInvalidPlaces] unless
// lo <= places <= hi.
func checkPlaces(places, lo, hi int32) error {
	if places >= lo && places <= hi {
		return nil
	}
	return NewError(ErrInvalidPlaces, nil, "outcome: %d decimal places is outside [%d, %d]", places, lo, hi)
}

// bigPow10 returns 10^k for k >= 0.
func bigPow10(k int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(k), nil)
}
