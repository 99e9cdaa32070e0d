package triplecrown

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/shopspring/decimal"
)

// Currency is an ISO 4217 currency code: three upper-case ASCII letters, such
// as "EUR", "USD" or "JPY". [ParseCurrency] checks the form of the code, not
// whether the code is on the current ISO list, so that codes added after this
// package was written still work; a lower-case or mistyped form ("eur",
// "EURO", "€") is an error.
//
// Currency is a comparable value. The zero Currency is "no currency": it is
// the currency of the zero [Money] and is not valid anywhere an amount needs
// one.
type Currency struct {
	code [3]byte
}

// ParseCurrency parses an ISO 4217 code of exactly three upper-case ASCII
// letters. Anything else is an error with code [ErrUnknownCurrency].
func ParseCurrency(text string) (Currency, error) {
	if len(text) != 3 || !upper(text[0]) || !upper(text[1]) || !upper(text[2]) {
		hint := ""
		if u := strings.ToUpper(text); len(u) == 3 && upper(u[0]) && upper(u[1]) && upper(u[2]) {
			hint = " (did you mean " + `"` + u + `"?)`
		}
		return Currency{}, newError(ErrUnknownCurrency, nil,
			"triplecrown: unknown currency %q: a currency is an ISO 4217 code of three upper-case letters, such as \"EUR\"%s",
			clip(text), hint)
	}
	return Currency{code: [3]byte{text[0], text[1], text[2]}}, nil
}

// MustCurrency is like [ParseCurrency] but panics if text is not a valid
// code. It is meant for literals in programs and tests.
func MustCurrency(text string) Currency {
	c, err := ParseCurrency(text)
	if err != nil {
		panic(err)
	}
	return c
}

func upper(c byte) bool { return 'A' <= c && c <= 'Z' }

// String returns the code, such as "EUR", or "" for the zero Currency.
func (c Currency) String() string {
	if c.IsZero() {
		return ""
	}
	return string(c.code[:])
}

// IsZero reports whether c is the zero Currency ("no currency").
func (c Currency) IsZero() bool { return c == Currency{} }

// Equal reports whether c and d are the same currency.
func (c Currency) Equal(d Currency) bool { return c == d }

// Money is an exact amount of money in one currency: a [decimal.Decimal]
// and a [Currency]. Arithmetic and comparison between two currencies is an
// error with code [ErrCurrencyMismatch] that names both, never a silent
// conversion, and rounding happens only where a caller asks for it, with an
// explicit [Precision].
//
// Money is immutable: every operation returns a new value, and every amount
// the package returns, given or computed, is within [MaxDigits] and
// [MaxExponent], so that it decodes from its JSON and binary forms; an
// operation whose exact result would not be is an error with code
// [ErrInvalidAmount]. The zero Money has no currency and an amount of zero;
// it is the identity of [Money.Add] and [Sum] (adding it to an amount
// returns that amount), and it is not a valid amount for a [Scorecard]. [Money.IsZero] reports the zero Money; an
// amount of zero in a currency is not the zero Money (see [Money.Sign]).
//
// Money keeps, beside its decimal, the decimal's coefficient as an int64
// when it has at most 18 digits, so that [Sum] can add amounts in
// fixed-point integers without allocating.
type Money struct {
	amount decimal.Decimal
	units  int64 // amount = units * 10^amount.Exponent(), unless wide
	wide   bool  // the coefficient has more than 18 digits
	cur    Currency
}

// maxCompactDigits is the most digits a coefficient may have to be kept as an
// int64: 10^18 - 1 < 2^63.
const maxCompactDigits = 18

func makeMoney(amount decimal.Decimal, cur Currency) Money {
	m := Money{amount: amount, cur: cur}
	if amount.NumDigits() <= maxCompactDigits {
		m.units = amount.CoefficientInt64()
	} else {
		m.wide = true
	}
	return m
}

// NewMoney returns amount in the currency whose ISO 4217 code is currency.
// An amount with more than [MaxDigits] digits or an exponent beyond
// ±[MaxExponent] is an error with code [ErrInvalidAmount]; an invalid code
// one with code [ErrUnknownCurrency]; both are reported, joined with
// [errors.Join] in that order, as [ParseMoney] reports them, and one alone
// is the *[outcome.Error] itself.
func NewMoney(amount decimal.Decimal, currency string) (Money, error) {
	aerr := checkDecimal(amount, "amount")
	c, cerr := ParseCurrency(currency)
	if err := msg.Join(aerr, cerr); err != nil {
		return Money{}, err
	}
	return makeMoney(amount, c), nil
}

// ParseMoney parses a decimal amount, such as "1234.50" or "-3", in the
// currency whose ISO 4217 code is currency. Text that is not a decimal number
// is an error with code [ErrInvalidAmount], an invalid code one with code
// [ErrUnknownCurrency]; both are reported, joined with [errors.Join] in
// that order, and one alone is the *[outcome.Error] itself.
func ParseMoney(amount, currency string) (Money, error) {
	d, derr := parseDecimal(amount, "amount")
	c, cerr := ParseCurrency(currency)
	if derr != nil || cerr != nil {
		return Money{}, msg.Join(derr, cerr)
	}
	return makeMoney(d, c), nil
}

// MustMoney is like [ParseMoney] but panics on invalid input. It is meant for
// literals in programs and tests.
func MustMoney(amount, currency string) Money {
	m, err := ParseMoney(amount, currency)
	if err != nil {
		panic(err)
	}
	return m
}

// Amount returns the amount, exactly as it was given or computed (so 1.50
// keeps its two places).
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the currency, or the zero Currency for the zero Money.
func (m Money) Currency() Currency { return m.cur }

// IsZero reports whether m is the zero Money (no currency). 0 EUR is not the
// zero Money; test its amount with [Money.Sign].
func (m Money) IsZero() bool { return m.cur.IsZero() && m.amount.IsZero() }

// Sign returns -1, 0 or +1 as the amount is negative, zero or positive.
func (m Money) Sign() int { return m.amount.Sign() }

// String returns the amount, with the decimal places it holds, and the code,
// such as "1234.50 EUR", or "0" for the zero Money.
func (m Money) String() string {
	if m.cur.IsZero() {
		return scaled(m.amount)
	}
	return scaled(m.amount) + " " + m.cur.String()
}

// scaled writes d with all the decimal places it holds: 1.50 stays "1.50"
// (decimal's String would write "1.5").
func scaled(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return decfmt.String(d)
}

// Equal reports whether m and o are the same currency and the same amount;
// 1.5 EUR equals 1.50 EUR, and amounts in different currencies are never
// equal.
func (m Money) Equal(o Money) bool { return m.cur == o.cur && m.amount.Equal(o.amount) }

// Compare returns -1, 0 or +1 as m is less than, equal to or greater than o.
// Amounts in different currencies have no order: comparing them is an error
// with code [ErrCurrencyMismatch]. The zero Money compares as zero in any
// currency.
func (m Money) Compare(o Money) (int, error) {
	if _, err := commonCurrency(m, o); err != nil {
		return 0, err
	}
	return m.amount.Cmp(o.amount), nil
}

// Add returns m + o, exactly, with the places of the finer of the two.
// Adding amounts in different currencies is an error with code
// [ErrCurrencyMismatch]; a sum with more than [MaxDigits] digits (1e30 plus
// 1e-30 has 61) one with code [ErrInvalidAmount]. The zero Money is the
// identity: m plus the zero Money is m, unchanged, even where adding its
// amount, 0 with no places, would give m more digits than MaxDigits.
func (m Money) Add(o Money) (Money, error) {
	c, err := commonCurrency(m, o)
	switch {
	case err != nil:
		return Money{}, err
	case o.IsZero():
		return m, nil
	case m.IsZero():
		return o, nil
	}
	sum := m.amount.Add(o.amount)
	if !amountBounds.holds(sum) {
		return Money{}, amountBounds.check(sum, nil, fmt.Sprintf("the sum of %s and %s", m, o))
	}
	return makeMoney(sum, c), nil
}

// Sub returns m - o, exactly, as [Money.Add] adds. Subtracting amounts in
// different currencies is an error with code [ErrCurrencyMismatch]; a
// difference with more than [MaxDigits] digits one with code
// [ErrInvalidAmount]. m minus the zero Money is m, and the zero Money
// minus m is -m.
func (m Money) Sub(o Money) (Money, error) {
	c, err := commonCurrency(m, o)
	switch {
	case err != nil:
		return Money{}, err
	case o.IsZero():
		return m, nil
	case m.IsZero():
		return o.Neg(), nil
	}
	diff := m.amount.Sub(o.amount)
	if !amountBounds.holds(diff) {
		return Money{}, amountBounds.check(diff, nil, fmt.Sprintf("the difference of %s and %s", m, o))
	}
	return makeMoney(diff, c), nil
}

// Neg returns -m.
func (m Money) Neg() Money { return makeMoney(m.amount.Neg(), m.cur) }

// Abs returns the absolute value of m.
func (m Money) Abs() Money {
	if m.amount.Sign() >= 0 {
		return m
	}
	return m.Neg()
}

// Mul returns m times factor, exactly: nothing is rounded, so the product
// keeps the places of both (12.50 EUR times 0.3 is 3.750 EUR; round it with
// [Money.Round] where a person will read it). It is how a unit cost becomes
// a total (the cost of a contact times the contacts that failure demand no
// longer causes) and how a share of an amount is taken (the gross margin on
// revenue gained). A factor with more than [MaxDigits] digits or an exponent
// beyond ±[MaxExponent] is an error with code [ErrInvalidAmount], as it is
// for an amount; so is a product beyond them, as the digits and the places
// of the two add up (19.99 EUR times 1.025000 five times over has 32
// places: round between the steps). The zero Money times any factor is the
// zero Money.
func (m Money) Mul(factor decimal.Decimal) (Money, error) {
	if err := checkDecimal(factor, "factor"); err != nil {
		return Money{}, err
	}
	if m.IsZero() {
		return Money{}, nil
	}
	product := m.amount.Mul(factor)
	if !amountBounds.holds(product) {
		return Money{}, amountBounds.check(product, nil, fmt.Sprintf("the product of %s and %s", m, scaled(factor)))
	}
	return makeMoney(product, m.cur), nil
}

// Round returns m rounded to precision p (to p's places, by p's mode), as
// [Precision.Round] does: 2.345 EUR to two places half-even is 2.34 EUR, and
// 2.3 EUR to two places is 2.30 EUR. Rounding is never implicit; the zero
// Precision returns m unchanged. An amount whose added places would take
// it past [MaxDigits] digits (forty nines to two places) is an error with
// code [ErrInvalidAmount].
func (m Money) Round(p Precision) (Money, error) {
	r := p.Round(m.amount)
	if !amountBounds.holds(r) {
		return Money{}, amountBounds.check(r, nil, fmt.Sprintf("%s rounded to %s", m, p))
	}
	return makeMoney(r, m.cur), nil
}

// commonCurrency returns the currency of an operation on a and b: theirs if
// they agree, the other one's if one is the zero Money, and an error naming
// both otherwise.
func commonCurrency(a, b Money) (Currency, error) {
	switch {
	case a.cur == b.cur:
		return a.cur, nil
	case a.IsZero():
		return b.cur, nil
	case b.IsZero():
		return a.cur, nil
	}
	return Currency{}, mismatch(nil, a.cur, b.cur)
}

// mismatch returns the currency-mismatch error for a and b.
func mismatch(ids []string, a, b Currency) error {
	return newError(ErrCurrencyMismatch, ids,
		"triplecrown: currency mismatch: %s and %s cannot be combined without a conversion", curName(a), curName(b))
}

// curName names a currency in a message.
func curName(c Currency) string {
	if c.IsZero() {
		return "no currency"
	}
	return c.String()
}

// The bounds of the decimals this package accepts as input, and of every
// amount of [Money] it returns. They keep every operation's cost bounded:
// without them, "1e999999999" minus 1 would need a billion-digit integer.
// The JSON and binary decoders check them, so an operation whose exact
// result would be beyond them ([Money.Add], [Money.Mul], [Sum], a roll-up's
// sums) is an error with code [ErrInvalidAmount]: everything the package
// builds decodes from its own JSON and binary forms.
const (
	// MaxDigits is the most significant digits an input decimal may have.
	MaxDigits = 40
	// MaxExponent bounds an input decimal's exponent: between -MaxExponent
	// and +MaxExponent (a coefficient times 10^exponent).
	MaxExponent = 30
)

// bounds are the most digits a decimal's coefficient may have and the
// exponent it may have, either way.
type bounds struct {
	digits int
	exp    int32
}

// amountBounds bound an input decimal and every amount of money.
var amountBounds = bounds{digits: MaxDigits, exp: MaxExponent}

// holds reports whether d is within b.
func (b bounds) holds(d decimal.Decimal) bool {
	e := d.Exponent()
	return -b.exp <= e && e <= b.exp && d.NumDigits() <= b.digits
}

// check reports d if it is beyond b: an error with code [ErrInvalidAmount]
// and ids, what naming d in the message.
func (b bounds) check(d decimal.Decimal, ids []string, what string) error {
	if b.holds(d) {
		return nil
	}
	return newError(ErrInvalidAmount, ids,
		"triplecrown: %s with %d digits and exponent %d is out of range (at most %d digits, exponent within ±%d)",
		what, d.NumDigits(), d.Exponent(), b.digits, b.exp)
}

// checkDecimal reports an input decimal outside [MaxDigits] and
// [MaxExponent]; what names it in the message.
func checkDecimal(d decimal.Decimal, what string) error { return amountBounds.check(d, nil, what) }

// decimalText returns the JSON text of d: text, d's plain form, unless d's
// exponent is positive, in which case the coefficient and the exponent
// ("15e2" for 1.5e3 read as 15 times 10^2, "9…9e30"), so that
// [parseBounded] reads it back as d itself, with its exponent: the plain
// "1500" would come back as 1500 times 10^0, an equal decimal with more
// digits, which a running sum near [MaxDigits] could not hold.
func decimalText(d decimal.Decimal, text string) string {
	if e := d.Exponent(); e > 0 {
		return d.Coefficient().String() + "e" + strconv.Itoa(int(e))
	}
	return text
}

// parseDecimal parses text as a decimal within [MaxDigits] and
// [MaxExponent]; what names the field in the message.
func parseDecimal(text, what string) (decimal.Decimal, error) {
	return parseBounded(text, what, amountBounds)
}

// parseBounded parses text as a decimal within b; what names the field in
// the message. Text longer than twice b's digits, and 16 more, which any
// decimal within b fits in, is refused before it is parsed. Text in
// [decfmt.Parse]'s syntax (decimal.NewFromString's) whose decimal is beyond
// b, such as "1e999999999" or "0e20000", is an error with code
// [ErrInvalidAmount] that says it is out of range; other text one that says
// it is not a decimal number. decfmt.Parse builds the decimal from the
// text's digits and exponent, not with decimal.NewFromString, so that no
// package-level setting of decimal (MaxDecodeExponent) decides what is
// accepted: b does.
func parseBounded(text, what string, b bounds) (decimal.Decimal, error) {
	if len(text) > 2*b.digits+16 {
		return decimal.Decimal{}, newError(ErrInvalidAmount, nil,
			"triplecrown: %s %q is too long", what, clip(text))
	}
	d, err := decfmt.Parse(text, b.digits, b.exp)
	if err == nil {
		return d, nil
	}
	if e := (*decfmt.Error)(nil); errors.As(err, &e) && e.Range {
		return decimal.Decimal{}, newError(ErrInvalidAmount, nil,
			"triplecrown: %s with %d digits and exponent %s is out of range (at most %d digits, exponent within ±%d)",
			what, e.NumDigits(), clip(e.Exponent), b.digits, b.exp)
	}
	return decimal.Decimal{}, newError(ErrInvalidAmount, nil, "triplecrown: %s %q is not a decimal number", what, clip(text))
}
