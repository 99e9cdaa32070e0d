// Package dectest is for the module's tests: it changes the package-level
// settings of github.com/shopspring/decimal that change how a decimal is
// written or which text decimal reads, so that a test can check that the
// module's output, and what its decoders accept, do not depend on them
// (DESIGN.md: same input, same output, byte for byte). No library package
// imports it.
package dectest

import (
	"testing"

	"github.com/shopspring/decimal"
)

// FlipSettings sets decimal.MarshalJSONWithoutQuotes and
// decimal.UseScientificNotation to true and decimal.TrimTrailingZeros to
// false, the opposite of their defaults, and decimal.MaxDecodeExponent,
// the largest exponent decimal.NewFromString (and so decimal's
// UnmarshalJSON and UnmarshalText) accepts, from 10000 to 10, until tb and
// its subtests end. 10 is small enough that a decoder that reads its
// decimals with decimal.NewFromString refuses some that the module accepts
// (an amount of money may have an exponent up to 30 either way), and large
// enough for the decimals a test writes as literals (0.05, 1200.0400). A
// program that embeds the module may set any of them; the module's output,
// and what its decoders accept, must not change. A test that calls it must not call
// t.Parallel, so that no other test runs while the settings are flipped.
func FlipSettings(tb testing.TB) {
	tb.Helper()
	quotes, trim, sci := decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation
	maxExp := decimal.MaxDecodeExponent
	tb.Cleanup(func() {
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = quotes, trim, sci
		decimal.MaxDecodeExponent = maxExp
	})
	decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = true, false, true
	decimal.MaxDecodeExponent = 10
}
