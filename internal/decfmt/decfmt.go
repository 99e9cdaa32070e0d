// Package decfmt writes a decimal as text, and reads one from text, the
// same way whatever the package-level settings of shopspring/decimal say.
//
// [decimal.Decimal.String] reads two package-level variables:
// [decimal.TrimTrailingZeros] (true by default) and
// [decimal.UseScientificNotation] (false by default). A program that embeds
// the module may set either for its own reasons, and every message, reason,
// table, label and JSON form built with String would then change with it.
// The module promises the same output for the same input, byte for byte,
// whatever the global state, so it writes decimals with [String] instead.
//
// decimal.NewFromString, and so decimal's UnmarshalJSON and UnmarshalText,
// read a third, [decimal.MaxDecodeExponent], and refuse a text whose
// exponent is beyond it: set to 10, "1e-11" is refused. The module reads
// decimal text with [Parse] (and JSON with [ParseJSON]) instead, within
// bounds each caller gives, so that what a decoder accepts, and what it
// decodes it to, do not change with that setting either.
package decfmt

import "github.com/shopspring/decimal"

// String returns what d.String() returns under decimal's defaults, whatever
// [decimal.TrimTrailingZeros] and [decimal.UseScientificNotation] say: d in
// fixed-point notation, never scientific, with the trailing zeros of its
// fraction trimmed, and no decimal point when the fraction is all zeros
// ("2.00" is "2", "-0.050" is "-0.05", 12·10^2 is "1200").
//
// It costs what String costs: it writes d at its own exponent with
// [decimal.Decimal.StringFixed], which neither rounds nor rescales a decimal
// whose exponent is -places, so no more than String allocates, and trims the
// copy in place. Like String, it writes every zero of a decimal with a huge
// exponent, so a message about untrusted input should bound it first.
func String(d decimal.Decimal) string {
	exp := d.Exponent()
	// StringFixed(-exp) rounds d to its own number of places, which returns
	// d itself; for exp >= 0 it writes the integer with its zeros, for exp < 0
	// the coefficient with a point and exactly -exp fraction digits. (For the
	// least int32, -exp is the same int32 again, which is still d's own
	// exponent.)
	s := d.StringFixed(-exp)
	if exp >= 0 {
		return s
	}
	// With exp < 0 s always has a point, so trimming zeros stops at it.
	i := len(s)
	for s[i-1] == '0' {
		i--
	}
	if s[i-1] == '.' {
		i--
	}
	return s[:i]
}
