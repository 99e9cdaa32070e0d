package triplecrown

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestParseCurrency(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr error
	}{
		{name: "euro", in: "EUR"},
		{name: "dollar", in: "USD"},
		{name: "code not on any list but well formed", in: "XTS"},
		{name: "lower case", in: "eur", wantErr: ErrUnknownCurrency},
		{name: "symbol", in: "€", wantErr: ErrUnknownCurrency},
		{name: "too long", in: "EURO", wantErr: ErrUnknownCurrency},
		{name: "too short", in: "EU", wantErr: ErrUnknownCurrency},
		{name: "empty", in: "", wantErr: ErrUnknownCurrency},
		{name: "digits", in: "978", wantErr: ErrUnknownCurrency},
		{name: "space", in: " EU", wantErr: ErrUnknownCurrency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCurrency(tt.in)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.True(t, c.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, c.String())
			assert.True(t, c.Equal(MustCurrency(tt.in)))
		})
	}
}

func TestParseCurrency_message(t *testing.T) {
	_, err := ParseCurrency("eur")
	assert.EqualError(t, err, `triplecrown: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`)
	_, err = ParseCurrency("€")
	assert.EqualError(t, err, `triplecrown: unknown currency "€": a currency is an ISO 4217 code of three upper-case letters, such as "EUR"`)
	assert.Panics(t, func() { MustCurrency("x") })
	assert.Equal(t, "", Currency{}.String())
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name     string
		amount   string
		currency string
		want     string
		wantErrs []error
	}{
		{name: "two places", amount: "1234.50", currency: "EUR", want: "1234.5"},
		{name: "negative", amount: "-3", currency: "USD", want: "-3"},
		{name: "exponent form", amount: "1.5e3", currency: "JPY", want: "1500"},
		{name: "bad amount", amount: "12,50", currency: "EUR", wantErrs: []error{ErrInvalidAmount}},
		{name: "bad currency", amount: "1", currency: "euro", wantErrs: []error{ErrUnknownCurrency}},
		{name: "both bad: both reported", amount: "x", currency: "", wantErrs: []error{ErrInvalidAmount, ErrUnknownCurrency}},
		{name: "huge exponent", amount: "1e999999999", currency: "EUR", wantErrs: []error{ErrInvalidAmount}},
		{name: "tiny exponent", amount: "1e-31", currency: "EUR", wantErrs: []error{ErrInvalidAmount}},
		{name: "too many digits", amount: "12345678901234567890123456789012345678901", currency: "EUR", wantErrs: []error{ErrInvalidAmount}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMoney(tt.amount, tt.currency)
			if tt.wantErrs != nil {
				for _, want := range tt.wantErrs {
					assert.ErrorIs(t, err, want)
				}
				assert.Len(t, outcome.Problems(err), len(tt.wantErrs))
				assert.True(t, m.IsZero())
				return
			}
			require.NoError(t, err)
			assert.True(t, dec(tt.want).Equal(m.Amount()), "got %s", m.Amount())
			assert.Equal(t, tt.currency, m.Currency().String())
		})
	}
}

func TestParseMoney_messages(t *testing.T) {
	_, err := ParseMoney("12,50", "EUR")
	assert.EqualError(t, err, `triplecrown: amount "12,50" is not a decimal number`)
	var e *outcome.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, ErrInvalidAmount, e.Code)
	_, err = ParseMoney("1e40", "EUR")
	assert.EqualError(t, err, `triplecrown: amount with 1 digits and exponent 40 is out of range (at most 40 digits, exponent within ±30)`)
	_, err = NewMoney(decimal.New(1, -31), "EUR")
	assert.ErrorIs(t, err, ErrInvalidAmount)
	_, err = NewMoney(decimal.New(1, 0), "eur")
	assert.ErrorIs(t, err, ErrUnknownCurrency)
	// Both problems of the arguments, the amount's first: the amount is
	// not left unchecked behind the currency.
	_, err = NewMoney(decimal.New(1, -31), "eur")
	require.ErrorIs(t, err, ErrInvalidAmount)
	assert.ErrorIs(t, err, ErrUnknownCurrency)
	assert.EqualError(t, err, "triplecrown: amount with 1 digits and exponent -31 is out of range (at most 40 digits, exponent within ±30)\n"+
		`triplecrown: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`)
	assert.Len(t, outcome.Problems(err), 2)
	assert.Panics(t, func() { MustMoney("x", "EUR") })
}

// TestParseMoney_outOfRange: a decimal number beyond the bounds, however far,
// is out of range, not "not a decimal number": its exponent and digits are
// counted from the text, not by building the decimal.
func TestParseMoney_outOfRange(t *testing.T) {
	const bounds = " is out of range (at most 40 digits, exponent within ±30)"
	for _, tt := range []struct{ amount, want string }{
		{"1e999999999", "amount with 1 digits and exponent 999999999" + bounds},
		// Zero has one digit, as decimal counts it; its exponent is 20000.
		{"0e20000", "amount with 1 digits and exponent 20000" + bounds},
		{"-0.5e-20000", "amount with 1 digits and exponent -20001" + bounds},
		// Beyond an int64: 10^20 - 1 less the one place after the point.
		{"1.5e99999999999999999999", "amount with 2 digits and exponent 99999999999999999998" + bounds},
		{"-1e-99999999999999999999", "amount with 1 digits and exponent -99999999999999999999" + bounds},
		// Leading zeros are not digits of the coefficient: 41 nines are.
		{"000" + strings.Repeat("9", 41), "amount with 41 digits and exponent 0" + bounds},
	} {
		t.Run(tt.amount, func(t *testing.T) {
			_, err := ParseMoney(tt.amount, "EUR")
			assert.ErrorIs(t, err, ErrInvalidAmount)
			assert.EqualError(t, err, "triplecrown: "+tt.want)
			var m Money
			err = m.UnmarshalJSON([]byte(`{"amount":"` + tt.amount + `","currency":"EUR"}`))
			assert.EqualError(t, err, "triplecrown: "+tt.want, "the amount as a JSON string")
			if tt.amount[0] != '0' || tt.amount[1] != '0' { // JSON has no leading zeros
				err = m.UnmarshalJSON([]byte(`{"amount":` + tt.amount + `,"currency":"EUR"}`))
				assert.EqualError(t, err, "triplecrown: "+tt.want, "the amount as a JSON number")
			}
		})
	}
}

func TestMoney_arithmetic(t *testing.T) {
	a := MustMoney("10.50", "EUR")
	b := MustMoney("0.25", "EUR")
	usd := MustMoney("1", "USD")

	sum, err := a.Add(b)
	require.NoError(t, err)
	// 10.50 + 0.25 = 10.75
	assert.True(t, MustMoney("10.75", "EUR").Equal(sum))

	diff, err := b.Sub(a)
	require.NoError(t, err)
	// 0.25 - 10.50 = -10.25
	assert.True(t, MustMoney("-10.25", "EUR").Equal(diff))
	assert.Equal(t, -1, diff.Sign())
	assert.True(t, MustMoney("10.25", "EUR").Equal(diff.Abs()))
	assert.True(t, a.Equal(a.Abs()))
	assert.True(t, MustMoney("-10.5", "EUR").Equal(a.Neg()))

	c, err := a.Compare(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	c, err = b.Compare(a)
	require.NoError(t, err)
	assert.Equal(t, -1, c)
	c, err = a.Compare(MustMoney("10.5", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, 0, c, "10.50 and 10.5 are the same amount")

	_, err = a.Add(usd)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	assert.EqualError(t, err, "triplecrown: currency mismatch: EUR and USD cannot be combined without a conversion")
	_, err = a.Sub(usd)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	_, err = a.Compare(usd)
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
	assert.False(t, MustMoney("1", "EUR").Equal(usd), "equal amounts in two currencies are not equal")
}

// TestMoney_arithmeticBounds: a sum or a difference beyond MaxDigits is an
// error, never an amount the decoders would refuse.
func TestMoney_arithmeticBounds(t *testing.T) {
	nines := MustMoney(strings.Repeat("9", 40), "EUR")
	// Forty nines plus one is 10^40, 41 digits.
	_, err := nines.Add(MustMoney("1", "EUR"))
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: the sum of "+strings.Repeat("9", 40)+" EUR and 1 EUR with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
	// 1e30 - 1e-30 = 999...9.99...9: 30 + 30 = 60 nines, exponent -30.
	_, err = MustMoney("1e30", "EUR").Sub(MustMoney("1e-30", "EUR"))
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.Contains(t, err.Error(), "the difference of 1000000000000000000000000000000 EUR and 0.000000000000000000000000000001 EUR with 60 digits and exponent -30")
	// At the bounds: forty nines minus one, and 1e9 + 1e-30 (40 digits).
	got, err := nines.Sub(MustMoney("1", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, strings.Repeat("9", 39)+"8 EUR", got.String())
	got, err = MustMoney("1e9", "EUR").Add(MustMoney("1e-30", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, 40, got.Amount().NumDigits())
	// A currency mismatch is reported as before.
	_, err = nines.Add(MustMoney("1", "USD"))
	assert.ErrorIs(t, err, ErrCurrencyMismatch)
}

func TestMoney_zero(t *testing.T) {
	var z Money
	assert.True(t, z.IsZero())
	assert.Equal(t, "0", z.String())
	a := MustMoney("7", "GBP")
	assert.False(t, MustMoney("0", "GBP").IsZero(), "0 GBP is not the zero Money")
	got, err := z.Add(a)
	require.NoError(t, err)
	assert.True(t, a.Equal(got), "the zero Money is the identity of Add")
	got, err = a.Add(z)
	require.NoError(t, err)
	assert.True(t, a.Equal(got))
	c, err := z.Compare(MustMoney("-1", "GBP"))
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	assert.Equal(t, "7 GBP", a.String())

	// 12345678901·10^30 has 11 digits; added to the zero Money's amount, 0
	// with exponent 0, decimal would give it 41 digits. The zero Money is the
	// identity all the same, of Add and of Sub on either side.
	wide := MustMoney("12345678901e30", "EUR")
	for _, f := range []func() (Money, error){
		func() (Money, error) { return wide.Add(z) }, func() (Money, error) { return z.Add(wide) },
		func() (Money, error) { return wide.Sub(z) },
	} {
		got, err := f()
		require.NoError(t, err)
		assert.Equal(t, int32(30), got.Amount().Exponent())
		assert.True(t, wide.Equal(got))
	}
	got, err = z.Sub(wide)
	require.NoError(t, err)
	assert.True(t, wide.Neg().Equal(got), "0 - m is -m")
	_, err = NewROI(ROISpec{Investment: MustMoney("1e30", "EUR"), CostSaved: wide, Periods: 1})
	assert.NoError(t, err, "a spec without revenue gained")
}

func TestMoney_Mul(t *testing.T) {
	// Worked by hand: 12.50 x 0.3 = 3.750 (2 + 1 places); 19.99 x 3 = 59.97;
	// -4.20 x 2.5 = -10.500; 1e30 x 1e-30 = 1 (exponent 30 - 30 = 0).
	for _, tt := range []struct{ amount, factor, want string }{
		{"12.50", "0.3", "3.750 EUR"},
		{"19.99", "3", "59.97 EUR"},
		{"-4.20", "2.5", "-10.500 EUR"},
		{"1e30", "1e-30", "1 EUR"},
		{"7", "0", "0 EUR"},
		{"7", "-1", "-7 EUR"},
	} {
		got, err := MustMoney(tt.amount, "EUR").Mul(decimal.RequireFromString(tt.factor))
		require.NoError(t, err, "%s x %s", tt.amount, tt.factor)
		assert.Equal(t, tt.want, got.String(), "%s x %s", tt.amount, tt.factor)
		assert.Equal(t, MustCurrency("EUR"), got.Currency())
	}
	// A product past 18 digits is kept exactly, as a wide amount: 10^20 - 1
	// times 10^20 + 1 is 10^40 - 1, forty nines, MaxDigits of them.
	wide, err := MustMoney("99999999999999999999", "EUR").Mul(decimal.RequireFromString("100000000000000000001"))
	require.NoError(t, err)
	assert.Equal(t, strings.Repeat("9", 40)+" EUR", wide.String())
	// One more is 10^40, 41 digits: out of range, for Sum as for Add.
	_, err = Sum([]Money{wide, MustMoney("1", "EUR")})
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: the sum of 2 amounts with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)")
	_, err = wide.Add(MustMoney("1", "EUR"))
	assert.ErrorIs(t, err, ErrInvalidAmount)

	// A product beyond the bounds is an error, not an amount the decoders
	// would refuse: 19.99 x 1.025000 gains six places a step, 2 + 5*6 = 32
	// after five, beyond MaxExponent; 10^20 x 10^20 has 41 digits; 1e30 x 10
	// has exponent 31.
	m := MustMoney("19.99", "EUR")
	for step := 1; step <= 4; step++ {
		m, err = m.Mul(dec("1.025000"))
		require.NoError(t, err)
		assert.Equal(t, int32(-2-6*step), m.Amount().Exponent())
	}
	_, err = m.Mul(dec("1.025000"))
	require.ErrorIs(t, err, ErrInvalidAmount)
	assert.Contains(t, err.Error(), "with 34 digits and exponent -32 is out of range (at most 40 digits, exponent within ±30)")
	_, err = MustMoney("100000000000000000000", "EUR").Mul(dec("100000000000000000000"))
	assert.ErrorIs(t, err, ErrInvalidAmount, "10^40 has 41 digits")
	_, err = MustMoney("1e30", "EUR").Mul(dec("1e1"))
	assert.ErrorIs(t, err, ErrInvalidAmount, "exponent 31")

	var z Money
	got, err := z.Mul(decimal.RequireFromString("0.25"))
	require.NoError(t, err)
	assert.True(t, got.IsZero(), "the zero Money times anything is the zero Money, with no exponent: %v", got)
	assert.Equal(t, "0", got.String())

	for _, bad := range []decimal.Decimal{decimal.New(1, -31), decimal.New(1, 31), decimal.RequireFromString(strings.Repeat("9", 41))} {
		_, err := MustMoney("1", "EUR").Mul(bad)
		require.ErrorIs(t, err, ErrInvalidAmount, "%s", bad)
		assert.Contains(t, err.Error(), "triplecrown: factor with ")
	}
}

// TestMoney_MulProperties checks, on random amounts and factors, the laws
// exact multiplication must keep: it distributes over Add ((a + b) f =
// af + bf), it is associative in its factors ((a f) g = a (f g)), and a
// factor of one changes nothing.
func TestMoney_MulProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	random := func() decimal.Decimal { return decimal.New(r.Int64N(2_000_001)-1_000_000, -r.Int32N(7)) }
	for range 500 {
		a, err := NewMoney(random(), "EUR")
		require.NoError(t, err)
		b, err := NewMoney(random(), "EUR")
		require.NoError(t, err)
		f, g := random(), random()
		ab, err := a.Add(b)
		require.NoError(t, err)
		left, err := ab.Mul(f)
		require.NoError(t, err)
		af, err := a.Mul(f)
		require.NoError(t, err)
		bf, err := b.Mul(f)
		require.NoError(t, err)
		right, err := af.Add(bf)
		require.NoError(t, err)
		assert.True(t, left.Equal(right), "(%s + %s) x %s: %s != %s", a, b, f, left, right)

		afg, err := af.Mul(g)
		require.NoError(t, err)
		aFG, err := a.Mul(f.Mul(g))
		require.NoError(t, err)
		assert.True(t, afg.Equal(aFG), "(%s x %s) x %s", a, f, g)

		one, err := a.Mul(decimal.NewFromInt(1))
		require.NoError(t, err)
		assert.Equal(t, a.String(), one.String())
	}
}

func TestMoney_Round(t *testing.T) {
	round := func(m Money, p Precision) Money {
		t.Helper()
		r, err := m.Round(p)
		require.NoError(t, err)
		return r
	}
	// 2.345 EUR to cents: half-up 2.35, half-even 2.34 (the 4 is even),
	// down 2.34, up 2.35.
	m := MustMoney("2.345", "EUR")
	assert.True(t, MustMoney("2.35", "EUR").Equal(round(m, MustPrecision(2, outcome.RoundHalfUp))))
	assert.True(t, MustMoney("2.34", "EUR").Equal(round(m, MustPrecision(2, outcome.RoundHalfEven))))
	assert.True(t, MustMoney("2.34", "EUR").Equal(round(m, MustPrecision(2, outcome.RoundDown))))
	assert.True(t, MustMoney("2.35", "EUR").Equal(round(m, MustPrecision(2, outcome.RoundUp))))
	// To the nearest thousand: 1234567 -> 1235000 (half-up, places -3).
	assert.True(t, MustMoney("1235000", "EUR").Equal(round(MustMoney("1234567", "EUR"), MustPrecision(-3, outcome.RoundHalfUp))))
	// A rounded amount holds exactly the places asked for, in every mode:
	// 2.3 EUR to cents is 2.30 EUR.
	for m := outcome.RoundHalfEven; m <= outcome.RoundFloor; m++ {
		assert.Equal(t, "2.30 EUR", round(MustMoney("2.3", "EUR"), MustPrecision(2, m)).String(), "%s", m)
	}
	assert.Equal(t, "2.345 EUR", round(m, Precision{}).String(), "the zero Precision leaves it alone")

	// Forty nines hold MaxDigits digits; to two places they would hold 42.
	nines := MustMoney(strings.Repeat("9", 40), "EUR")
	_, err := nines.Round(MustPrecision(2, outcome.RoundHalfEven))
	assert.ErrorIs(t, err, ErrInvalidAmount)
	assert.EqualError(t, err, "triplecrown: "+strings.Repeat("9", 40)+" EUR rounded to 2 places, half-even with 42 digits and exponent -2 is out of range (at most 40 digits, exponent within ±30)")
	assert.True(t, nines.Equal(round(nines, MustPrecision(0, outcome.RoundHalfEven))))
}

func decimalInt(n int64) decimal.Decimal { return decimal.New(n, 0) }
