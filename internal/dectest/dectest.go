// Package dectest is for the module's tests: it changes the package-level
// settings of github.com/shopspring/decimal that change how a decimal is
// written, so that a test can check that the module's output does not depend
// on them (DESIGN.md: same input, same output, byte for byte). No library
// package imports it.
package dectest

import (
	"testing"

	"github.com/shopspring/decimal"
)

// FlipSettings sets decimal.MarshalJSONWithoutQuotes and
// decimal.UseScientificNotation to true and decimal.TrimTrailingZeros to
// false, the opposite of their defaults, until tb and its subtests end. A
// program that embeds the module may set any of them; the module's output
// must not change. A test that calls it must not call t.Parallel, so that no
// other test runs while the settings are flipped.
func FlipSettings(tb testing.TB) {
	tb.Helper()
	quotes, trim, sci := decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation
	tb.Cleanup(func() {
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = quotes, trim, sci
	})
	decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation = true, false, true
}
