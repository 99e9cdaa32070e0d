package cxtest

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/triplecrown"
)

// CheckDecimalEqual checks that got equals want by value, as
// [decimal.Decimal.Equal] compares them: 1.0 equals 1.00 (which testify's
// assert.Equal, comparing representations, denies). It returns nil, or an
// *[outcome.Error] with code [ErrNotEqual] that gives both and their
// difference.
func CheckDecimalEqual(want, got decimal.Decimal) error {
	return checkDecimalEqual(want, got).err()
}

// AssertDecimalEqual asserts that got equals want by value, as
// [CheckDecimalEqual] does. On failure it reports, to t, both, with the
// places they were given with, and their difference:
//
//	Error:  not equal by value
//	        expected: 0.50
//	        actual  : 0.6
//	        diff    : +0.10 (actual - expected)
//
// It returns whether the assertion passed.
func AssertDecimalEqual(t TestingT, want, got decimal.Decimal, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkDecimalEqual(want, got), msgAndArgs)
}

// RequireDecimalEqual is [AssertDecimalEqual], and stops the test
// (t.FailNow) if it failed.
func RequireDecimalEqual(t TestingT, want, got decimal.Decimal, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertDecimalEqual(t, want, got, msgAndArgs...) {
		failNow(t)
	}
}

func checkDecimalEqual(want, got decimal.Decimal) *failure {
	if equalValue(want, got) {
		return nil
	}
	d := differenceText(want, got)
	return &failure{
		code:     ErrNotEqual,
		summary:  "not equal by value",
		expected: exact(want),
		actual:   exact(got),
		diff:     d + " (actual - expected)",
		detail:   fmt.Sprintf("expected %s, actual %s, a difference of %s", exact(want), exact(got), d),
	}
}

// equalValue reports whether a and b are equal by value, as
// [decimal.Decimal.Equal] does, but without rescaling one to the other's
// exponent when their orders of magnitude already differ: a·10^e with d
// digits lies in [10^(d-1+e), 10^(d+e)), and 1 against 1e50000000 would
// otherwise cost seconds.
func equalValue(a, b decimal.Decimal) bool {
	switch {
	case a.IsZero() || b.IsZero():
		return a.IsZero() && b.IsZero()
	case a.Sign() != b.Sign():
		return false
	case int64(a.NumDigits())+int64(a.Exponent()) != int64(b.NumDigits())+int64(b.Exponent()):
		return false
	}
	return a.Equal(b)
}

// differenceText writes got - want, signed. When their exponents are much
// further apart than their digits are long (1e50000000 against 1), working
// the difference out would write millions of zeros only for exact to cut
// them; the difference is then the larger of the two, to within less than
// one part in 10^1000 of it, and is written as that, "about".
func differenceText(want, got decimal.Decimal) string {
	ew, eg := int64(want.Exponent()), int64(got.Exponent())
	dw, dg := int64(want.NumDigits()), int64(got.NumDigits())
	switch {
	case want.IsZero(): // whatever its exponent
		return signedText(got)
	case got.IsZero():
		return signedText(want.Neg())
	case max(ew-eg, eg-ew) <= 2*(dw+dg)+1000:
		return signedText(got.Sub(want))
	}
	if eg+dg > ew+dw {
		return "about " + signedText(got)
	}
	return "about " + signedText(want.Neg())
}

// CheckMoneyEqual checks that got equals want by value and currency, as
// [triplecrown.Money.Equal] compares them: 1.5 EUR equals 1.50 EUR, and
// amounts in two currencies are never equal. It returns nil, or an
// *[outcome.Error] with code [ErrNotEqual] that gives both and how they
// differ.
func CheckMoneyEqual(want, got triplecrown.Money) error {
	return checkMoneyEqual(want, got).err()
}

// AssertMoneyEqual asserts that got equals want by value and currency, as
// [CheckMoneyEqual] does. On failure it reports, to t, both and how they
// differ: by an amount, or in their currencies. It returns whether the
// assertion passed.
func AssertMoneyEqual(t TestingT, want, got triplecrown.Money, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkMoneyEqual(want, got), msgAndArgs)
}

// RequireMoneyEqual is [AssertMoneyEqual], and stops the test (t.FailNow)
// if it failed.
func RequireMoneyEqual(t TestingT, want, got triplecrown.Money, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertMoneyEqual(t, want, got, msgAndArgs...) {
		failNow(t)
	}
}

func checkMoneyEqual(want, got triplecrown.Money) *failure {
	if want.Equal(got) {
		return nil
	}
	var d string
	if want.Currency() != got.Currency() {
		d = fmt.Sprintf("the currencies differ: %s and %s", currencyName(want), currencyName(got))
	} else {
		d = signedText(got.Amount().Sub(want.Amount())) + " " + want.Currency().String() + " (actual - expected)"
	}
	return &failure{
		code:     ErrNotEqual,
		summary:  "money not equal by value",
		expected: want.String(),
		actual:   got.String(),
		diff:     d,
		detail:   fmt.Sprintf("expected %s, actual %s; %s", want, got, d),
	}
}

// currencyName names the currency of m, or says it has none.
func currencyName(m triplecrown.Money) string {
	if m.Currency().IsZero() {
		return "none"
	}
	return m.Currency().String()
}

// exact writes d with all the decimal places it holds: 1.50 stays "1.50"
// (decimal's String would write "1.5"). So that the text stays short, a
// number whose exponent is beyond ±64 is written with its exponent, "1e-300",
// and one of more than 40 digits is cut to 16 significant digits, marked:
// "2.999999999999999...e200".
func exact(d decimal.Decimal) string {
	const maxDigits, shownDigits = 40, 16
	e := d.Exponent()
	c := d.Coefficient()
	sign := ""
	if c.Sign() < 0 {
		sign = "-"
		c.Neg(c)
	}
	digits := c.String()
	switch {
	case len(digits) > maxDigits:
		return sign + digits[:1] + "." + digits[1:shownDigits] + "...e" + strconv.Itoa(int(e)+len(digits)-1)
	case e < -64 || e > 64:
		return sign + digits + "e" + strconv.Itoa(int(e))
	case e < 0:
		return d.StringFixed(-e)
	}
	return decfmt.String(d)
}

// signedText writes d exactly, with a plus sign when it is positive.
func signedText(d decimal.Decimal) string {
	if d.Sign() > 0 {
		return "+" + exact(d)
	}
	return exact(d)
}
