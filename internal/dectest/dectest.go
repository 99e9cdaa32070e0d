// Package dectest is for the module's tests: it changes the package-level
// settings of github.com/shopspring/decimal that change how a decimal is
// written or which text decimal reads, so that a test can check that the
// module's output, and what its decoders accept, do not depend on them
// (DESIGN.md: same input, same output, byte for byte). No library package
// imports it.
package dectest

import (
	"encoding/json"
	"fmt"
	"reflect"
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

// DecodeCase is JSON to decode, with encoding/json, into a new value of the
// type Into points to, and the value it should give.
type DecodeCase struct {
	Name string
	JSON string
	Into any // a pointer to a value of the type to decode into
	Want any // the value worked out by hand; nil: refused
}

// DecodeIgnoresSettings decodes each case as decimal's settings are, and
// again after [FlipSettings] (whose rules apply: it flips them until tb
// ends), describes each result with describe (given a pointer to the
// value), or as "error: " and the error's text, and reports to tb each case
// whose two descriptions differ. It returns the first descriptions, for tb's
// own checks against the values worked out by hand.
func DecodeIgnoresSettings(tb testing.TB, cases []DecodeCase, describe func(c DecodeCase, v any) string) []string {
	tb.Helper()
	decode := func(c DecodeCase) string {
		v := reflect.New(reflect.TypeOf(c.Into).Elem()).Interface()
		if err := json.Unmarshal([]byte(c.JSON), v); err != nil {
			return "error: " + err.Error()
		}
		return describe(c, v)
	}
	before := make([]string, len(cases))
	for i, c := range cases {
		before[i] = decode(c)
	}
	FlipSettings(tb)
	for i, c := range cases {
		if after := decode(c); after != before[i] {
			tb.Errorf("%s: %q as decimal's settings are, %q with them flipped", c.Name, before[i], after)
		}
	}
	return before
}

// EqualTo describes v, a pointer to the value decoded for c: "decoded" if
// c.Want is nil, else "equal: true" or "equal: false", comparing the value
// with c.Want by its Equal method if it has one, or else by their JSON.
func EqualTo(c DecodeCase, v any) string {
	if c.Want == nil {
		return "decoded"
	}
	if eq := reflect.ValueOf(v).Elem().MethodByName("Equal"); eq.IsValid() {
		return fmt.Sprint("equal: ", eq.Call([]reflect.Value{reflect.ValueOf(c.Want)})[0].Bool())
	}
	got, err1 := json.Marshal(v)
	want, err2 := json.Marshal(c.Want)
	return fmt.Sprint("equal: ", err1 == nil && err2 == nil && string(got) == string(want))
}
