package triplecrown

import (
	"fmt"

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
	q, rem := num.QuoRem(den, r.places)
	if rem.IsZero() {
		return q
	}
	neg := num.Sign()*den.Sign() < 0
	ulp := decimal.New(1, -r.places)
	// half compares the dropped fraction with one half of a unit in the
	// last place: 2|rem| against |den| * ulp.
	half := rem.Abs().Add(rem.Abs()).Cmp(den.Abs().Mul(ulp))
	away := false
	switch r.mode {
	case RoundUp:
		away = true
	case RoundCeiling:
		away = !neg
	case RoundFloor:
		away = neg
	case RoundHalfUp:
		away = half >= 0
	case RoundHalfEven:
		away = half > 0 || half == 0 && q.Shift(r.places).BigInt().Bit(0) == 1
	}
	if !away {
		return q
	}
	if neg {
		return q.Sub(ulp)
	}
	return q.Add(ulp)
}
