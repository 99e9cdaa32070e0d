package cxtest

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

func TestAssertDecimalEqual(t *testing.T) {
	t.Run("by value", func(t *testing.T) {
		for _, tt := range []struct{ want, got string }{
			{"1.0", "1.00"}, {"0", "-0.000"}, {"100", "1e2"}, {"-2.50", "-2.5"},
		} {
			var c captureT
			checkPass(t, &c, AssertDecimalEqual(&c, dec(tt.want), dec(tt.got)))
			assert.NoError(t, CheckDecimalEqual(dec(tt.want), dec(tt.got)))
		}
		// testify compares representations: the reason this assertion exists.
		assert.False(t, assert.ObjectsAreEqual(dec("1.0"), dec("1.00")))
	})
	t.Run("fail", func(t *testing.T) {
		var c captureT
		ok := AssertDecimalEqual(&c, dec("1.50"), dec("1.5001"), "the rate")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \tnot equal by value\n"+
			"\t         \texpected: 1.50\n"+
			"\t         \tactual  : 1.5001\n"+
			"\t         \tdiff    : +0.0001 (actual - expected)\n"+
			"\tMessages:\tthe rate\n")
	})
	t.Run("check", func(t *testing.T) {
		err := CheckDecimalEqual(dec("100"), dec("99.5"))
		require.ErrorIs(t, err, ErrNotEqual)
		assert.Equal(t, "cxtest: not equal by value (expected 100, actual 99.5, a difference of -0.5)", err.Error())
		var e *outcome.Error
		require.ErrorAs(t, err, &e)
		assert.Empty(t, e.IDs)
	})
	t.Run("extreme exponents stay short", func(t *testing.T) {
		err := CheckDecimalEqual(decimal.New(1, -300), decimal.New(3, 200))
		// 3e200 - 1e-300 has 501 digits: 2999...9 (500 nines) times 10^-300.
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 1e-300, actual 3e200, a difference of +2.999999999999999...e200)")
		assert.Equal(t, "-1.234567890123456...e39", exact(dec("-1234567890123456789012345678901234567890.5")))
		assert.Equal(t, "-12345678901234567890123456789012345678.9", exact(dec("-12345678901234567890123456789012345678.9")))
		assert.Equal(t, "-5e-70", exact(decimal.New(-5, -70)))
		// Exponents 50 million apart: the difference is 10^50000000 less
		// 1, written as about the larger, without its 50 million digits
		// (which took seconds to work out).
		err = CheckDecimalEqual(decimal.New(1, 0), decimal.New(1, 50_000_000))
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 1, actual 1e50000000, a difference of about +1e50000000)")
		err = CheckDecimalEqual(decimal.New(7, 50_000_000), decimal.New(-2, -3))
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 7e50000000, actual -0.002, a difference of about -7e50000000)")
		// A zero with a huge exponent is zero: the difference is exact.
		err = CheckDecimalEqual(decimal.New(0, 50_000_000), decimal.New(-25, -1))
		assert.EqualError(t, err, "cxtest: not equal by value "+
			"(expected 0e50000000, actual -2.5, a difference of -2.5)")
		assert.NoError(t, CheckDecimalEqual(decimal.New(0, 50_000_000), decimal.New(0, -3)), "zero is zero")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireDecimalEqual(t, dec("1.0"), dec("1.00")) },
			func(t TestingT) { RequireDecimalEqual(t, dec("1.0"), dec("1.01")) })
	})
}

func TestAssertMoneyEqual(t *testing.T) {
	eur := func(s string) triplecrown.Money { return triplecrown.MustMoney(s, "EUR") }
	t.Run("by value", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertMoneyEqual(&c, eur("1.5"), eur("1.50")))
		assert.NoError(t, CheckMoneyEqual(triplecrown.Money{}, triplecrown.Money{}))
	})
	t.Run("amount", func(t *testing.T) {
		var c captureT
		ok := AssertMoneyEqual(&c, eur("430000.00"), eur("429999.99"))
		checkFail(t, &c, ok, "\n"+
			"\tError:\tmoney not equal by value\n"+
			"\t      \texpected: 430000.00 EUR\n"+
			"\t      \tactual  : 429999.99 EUR\n"+
			"\t      \tdiff    : -0.01 EUR (actual - expected)\n")
	})
	t.Run("currency", func(t *testing.T) {
		var c captureT
		ok := AssertMoneyEqual(&c, eur("1.50"), triplecrown.MustMoney("1.50", "USD"))
		checkFail(t, &c, ok, "\n"+
			"\tError:\tmoney not equal by value\n"+
			"\t      \texpected: 1.50 EUR\n"+
			"\t      \tactual  : 1.50 USD\n"+
			"\t      \tdiff    : the currencies differ: EUR and USD\n")
	})
	t.Run("check", func(t *testing.T) {
		err := CheckMoneyEqual(triplecrown.Money{}, eur("0"))
		require.ErrorIs(t, err, ErrNotEqual)
		assert.Equal(t, "cxtest: money not equal by value (expected 0, actual 0 EUR; the currencies differ: none and EUR)", err.Error())
		assert.EqualError(t, CheckMoneyEqual(eur("2"), eur("1.25")),
			"cxtest: money not equal by value (expected 2 EUR, actual 1.25 EUR; -0.75 EUR (actual - expected))")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireMoneyEqual(t, eur("1"), eur("1.00")) },
			func(t TestingT) { RequireMoneyEqual(t, eur("1"), eur("1.01")) })
	})
}

// TestEqualValue: the shortcut agrees with decimal's Equal on random values
// of every sign, with trailing zeros and exponents that make equal values
// (12 and 1.20e1) and values of the same magnitude.
func TestEqualValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		a := decimal.New(rng.Int64N(2001)-1000, int32(rng.IntN(9)-4))
		b := decimal.New(rng.Int64N(2001)-1000, int32(rng.IntN(9)-4))
		if rng.IntN(3) == 0 { // the same value written another way
			b = a.Mul(decimal.New(10, 0)).Div(decimal.New(10, 0))
		}
		require.Equal(t, a.Equal(b), equalValue(a, b), "%s and %s", a, b)
	}
}
