package triplecrown

import (
	"fmt"
	"math"
	"math/bits"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// MaxPrecisionPlaces bounds the places of a [Precision]: between
// -MaxPrecisionPlaces (round to a multiple of 10^MaxPrecisionPlaces) and
// +MaxPrecisionPlaces decimal places. It is narrower than
// [outcome.MaxPlaces]: no money amount or ratio this package reports needs
// more, and within it [Precision.Quo] divides in machine integers.
const MaxPrecisionPlaces = 18

// Precision is an explicit rounding of a reported number: a number of
// decimal places (negative to round to tens, hundreds...) and the
// [outcome.Rounding] mode that settles the last place. Every place this
// package rounds (a relative change, a service value, an ROI ratio, an
// amount) takes a Precision; nothing uses decimal's package-level settings.
// Build one with [NewPrecision].
//
// Precision is immutable. The zero Precision has no mode and is invalid;
// [Precision.IsValid] reports it.
type Precision struct {
	places int32
	mode   outcome.Rounding
}

// NewPrecision returns the precision of places decimal places, rounded by
// mode. A mode that is not valid is an error with code
// [outcome.ErrUnknownRounding], places beyond ±[MaxPrecisionPlaces] one with
// code [outcome.ErrInvalidPlaces]; both are reported.
func NewPrecision(places int32, mode outcome.Rounding) (Precision, error) {
	var errs []error
	if err := checkPlaces(places); err != nil {
		errs = append(errs, err)
	}
	if !mode.IsValid() {
		errs = append(errs, newError(outcome.ErrUnknownRounding, nil,
			"triplecrown: a precision needs a valid rounding mode, not %s", mode))
	}
	if len(errs) > 0 {
		return Precision{}, joinAll(errs)
	}
	return Precision{places: places, mode: mode}, nil
}

// checkPlaces returns the problem of places beyond ±[MaxPrecisionPlaces],
// with code [outcome.ErrInvalidPlaces], or nil.
func checkPlaces(places int32) error {
	if places < -MaxPrecisionPlaces || places > MaxPrecisionPlaces {
		return newError(outcome.ErrInvalidPlaces, nil,
			"triplecrown: %d decimal places is outside -%d to %d", places, MaxPrecisionPlaces, MaxPrecisionPlaces)
	}
	return nil
}

// MustPrecision is like [NewPrecision] but panics on invalid input. It is
// meant for literals in programs and tests.
func MustPrecision(places int32, mode outcome.Rounding) Precision {
	p, err := NewPrecision(places, mode)
	if err != nil {
		panic(err)
	}
	return p
}

// Places returns the number of decimal places.
func (p Precision) Places() int32 { return p.places }

// Mode returns the rounding mode.
func (p Precision) Mode() outcome.Rounding { return p.mode }

// IsValid reports whether p has a valid mode (only [NewPrecision] makes one).
func (p Precision) IsValid() bool { return p.mode.IsValid() }

// IsZero reports whether p is the zero (invalid) Precision.
func (p Precision) IsZero() bool { return p == Precision{} }

// Equal reports whether p and o round the same way.
func (p Precision) Equal(o Precision) bool { return p == o }

// String returns the precision in words, such as "2 places, half-even".
func (p Precision) String() string { return fmt.Sprintf("%d places, %s", p.places, p.mode) }

// Round returns d rounded to p's places by p's mode, as
// [outcome.Rounding.Round] does: the result has exactly p's places (2.3 to
// two places is 2.30), or for negative places is a multiple of 10^-places.
// The zero Precision returns d unchanged.
func (p Precision) Round(d decimal.Decimal) decimal.Decimal {
	r, err := p.mode.Round(d, p.places)
	if err != nil {
		return d // only the zero Precision: its places are always in range
	}
	return r
}

// Quo returns num / den rounded to p's places by p's mode, exactly: the
// quotient is computed with its remainder and rounded once, never through
// an intermediate rounding, so it equals p.Round of the exact quotient. den
// must not be zero (Quo returns zero if it is); the zero Precision rounds
// down.
func (p Precision) Quo(num, den decimal.Decimal) decimal.Decimal {
	if den.IsZero() {
		return decimal.Decimal{}
	}
	if q, ok := p.quoFast(num, den); ok {
		return q
	}
	return p.quoSlow(num, den)
}

// quoSlow is Quo in decimal arithmetic.
func (p Precision) quoSlow(num, den decimal.Decimal) decimal.Decimal {
	q, rem := num.QuoRem(den, p.places)
	if rem.IsZero() {
		return q
	}
	neg := num.Sign()*den.Sign() < 0
	ulp := decimal.New(1, -p.places)
	// half compares the dropped fraction with one half of a unit in the
	// last place: 2|rem| against |den| * ulp.
	half := rem.Abs().Add(rem.Abs()).Cmp(den.Abs().Mul(ulp))
	if !p.away(neg, half, func() bool { return q.Shift(p.places).BigInt().Bit(0) == 1 }) {
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
func (p Precision) away(neg bool, half int, odd func() bool) bool {
	switch p.mode {
	case outcome.RoundUp:
		return true
	case outcome.RoundCeiling:
		return !neg
	case outcome.RoundFloor:
		return neg
	case outcome.RoundHalfUp:
		return half >= 0
	case outcome.RoundHalfDown:
		return half > 0
	case outcome.RoundHalfEven:
		return half > 0 || half == 0 && odd()
	}
	return false // RoundDown, and the zero Precision
}

// quoFast is Quo in 64- and 128-bit integers, for coefficients of at most
// 18 digits and a quotient that fits in an int64; it reports false when it
// cannot compute the quotient that way. One allocation: the result.
func (p Precision) quoFast(num, den decimal.Decimal) (decimal.Decimal, bool) {
	if num.NumDigits() > maxCompactDigits || den.NumDigits() > maxCompactDigits {
		return decimal.Decimal{}, false
	}
	cn, cd := num.CoefficientInt64(), den.CoefficientInt64()
	neg := (cn < 0) != (cd < 0)
	un, ud := absU64(cn), absU64(cd)
	// q = trunc(|cn| * 10^k / |cd|), k = exp(num) - exp(den) + places.
	k := int64(num.Exponent()) - int64(den.Exponent()) + int64(p.places)
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
	if q > math.MaxInt64-1 {
		return decimal.Decimal{}, false // rounding up could carry past int64, or past 64 bits
	}
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
		if p.away(neg, half, func() bool { return q&1 == 1 }) {
			q++
		}
	}
	v := int64(q)
	if neg {
		v = -v
	}
	return decimal.New(v, -p.places), true
}

// absU64 returns |v| as a uint64 (correct for math.MinInt64 too).
func absU64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}
