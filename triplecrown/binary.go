package triplecrown

import (
	"errors"
	"fmt"
	"math"

	"github.com/cxmodel/cx/internal/binenc"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// This file holds the compact binary forms of the package's values that an
// engine ships between workers: [Money] and the mergeable [MoneySum].
//
// Every form starts with one format byte that names the type and the version
// of its form (0x20 and up; package outcome's forms use 0x10 and up); a
// later version of a form gets a new byte, and decoders keep reading the old
// ones. An amount is written exactly, never through a float: its exponent
// as a zig-zag varint, then its coefficient's sign and length as an unsigned
// varint and the coefficient's magnitude in big-endian bytes, so 1234.50 is
// 03 06 01 E2 3A: five bytes, and 1.5 and 1.50 stay apart. A currency is
// its three letters. Each value has exactly one form: decoding refuses
// anything the encoder would not write, so that decoded bytes re-encode to
// the same bytes. Bytes that are no form at all are an error with code
// [outcome.ErrInvalidBinary].

// The format bytes of the binary forms.
const (
	formatMoney    byte = 0x20
	formatMoneySum byte = 0x21
)

// binaryError returns the *outcome.Error for a malformed binary form of
// what, wrapping cause.
func binaryError(what string, cause error) *outcome.Error {
	msg := cause.Error()
	if len(msg) > 200 {
		msg = msg[:200] + "..."
	}
	e := newError(outcome.ErrInvalidBinary, nil, "triplecrown: invalid binary form of a %s: %s", what, msg)
	e.Err = cause
	return e
}

// readFormat reads the format byte of what's form, which must be want.
func readFormat(r *binenc.Reader, what string, want byte) error {
	if r.Len() == 0 {
		return binaryError(what, errors.New("no bytes"))
	}
	if got := r.Byte(); got != want {
		return binaryError(what, fmt.Errorf("format byte 0x%02x, not 0x%02x", got, want))
	}
	return nil
}

// appendCurrency appends c's three letters.
func appendCurrency(b []byte, c Currency) []byte { return append(b, c.code[:]...) }

// readCurrency reads three bytes as a currency, validated by
// [ParseCurrency]; the error, if any, is returned and not recorded in r.
func readCurrency(r *binenc.Reader) (Currency, error) {
	b := r.Bytes(3)
	if r.Err() != nil {
		return Currency{}, nil
	}
	return ParseCurrency(string(b))
}

// readAmount reads a decimal amount; an exponent beyond ±[MaxExponent] is
// an error with code [ErrInvalidAmount], returned and not recorded in r.
// The coefficient may be as long as the data holds: sums of amounts may
// have more than [MaxDigits] digits.
func readAmount(r *binenc.Reader, what string) (decimal.Decimal, error) {
	d := r.Decimal(math.MaxInt32)
	if r.Err() != nil {
		return decimal.Decimal{}, nil
	}
	if e := d.Exponent(); e < -MaxExponent || e > MaxExponent {
		return decimal.Decimal{}, newError(ErrInvalidAmount, nil,
			"triplecrown: %s with exponent %d is out of range (exponent within ±%d)", what, e, MaxExponent)
	}
	return d, nil
}

// appendAmount appends m's amount, without allocating unless its coefficient
// is wider than 18 digits.
func appendAmount(b []byte, m Money) []byte {
	if m.wide {
		return binenc.AppendDecimal(b, m.amount)
	}
	return binenc.AppendDecimal128(b, uint64(m.units>>63), uint64(m.units), m.amount.Exponent())
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x20, then the currency's three letters and the amount
// exactly (see the package's forms above): 1234.50 EUR is
// 20 45 55 52 03 06 01 E2 3A, nine bytes. The zero Money is the format byte
// alone.
func (m Money) MarshalBinary() ([]byte, error) { return m.AppendBinary(make([]byte, 0, 16)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [Money.MarshalBinary] to b, without allocating if b has room and the
// amount has at most 18 digits.
func (m Money) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatMoney)
	if m.cur.IsZero() {
		return b, nil
	}
	return appendAmount(appendCurrency(b, m.cur), m), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [Money.MarshalBinary] and validates it as [NewMoney] does: a
// currency that is not three upper-case letters is an error with code
// [ErrUnknownCurrency], an exponent beyond ±[MaxExponent] one with code
// [ErrInvalidAmount]. The coefficient is not held to [MaxDigits], so that
// every sum round-trips. Bytes that are not the form are an error with code
// [outcome.ErrInvalidBinary]. On error m is unchanged.
func (m *Money) UnmarshalBinary(data []byte) error {
	v, err := decodeMoney(data, "Money", formatMoney)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// decodeMoney decodes the form of a Money, or of a [MoneySum], whose format
// byte is format: the format byte alone for the zero Money, or a currency
// and an amount.
func decodeMoney(data []byte, what string, format byte) (Money, error) {
	r := binenc.NewReader(data)
	if err := readFormat(r, what, format); err != nil {
		return Money{}, err
	}
	if r.Len() == 0 {
		return Money{}, nil
	}
	c, cerr := readCurrency(r)
	d, derr := readAmount(r, "amount")
	if err := r.Done(); err != nil {
		return Money{}, joinAll([]error{cerr, derr, binaryError(what, err)})
	}
	if cerr != nil || derr != nil {
		return Money{}, errors.Join(cerr, derr)
	}
	return makeMoney(d, c), nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x21, then, unless the sum is empty, the currency's three
// letters and the total exactly, as [Money.MarshalBinary] writes them: a
// sum of 1234.50 EUR is 21 45 55 52 03 06 01 E2 3A, and the empty sum is 21.
func (s MoneySum) MarshalBinary() ([]byte, error) { return s.AppendBinary(make([]byte, 0, 24)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [MoneySum.MarshalBinary] to b, without allocating if b has room and the
// sum fits in 128 bits.
func (s MoneySum) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatMoneySum)
	if s.cur.IsZero() {
		return b, nil
	}
	b = appendCurrency(b, s.cur)
	if s.wide {
		return binenc.AppendDecimal(b, s.big), nil
	}
	return binenc.AppendDecimal128(b, s.acc.hi, s.acc.lo, s.acc.exp), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [MoneySum.MarshalBinary], validating the currency and the total as
// [Money.UnmarshalBinary] does; bytes that are not the form are an error
// with code [outcome.ErrInvalidBinary]. The decoded sum adds on exactly as
// the encoded one would have. On error s is unchanged.
func (s *MoneySum) UnmarshalBinary(data []byte) error {
	m, err := decodeMoney(data, "MoneySum", formatMoneySum)
	if err != nil {
		return err
	}
	var out MoneySum
	if !m.cur.IsZero() {
		out.cur = m.cur
		out.acc, out.wide = fixedOf(m.amount)
		if out.wide {
			out.big = m.amount
		}
	}
	*s = out
	return nil
}

// fixedOf returns d in a fixed-point accumulator, and true (wide) if its
// coefficient does not fit in a signed 128-bit integer.
func fixedOf(d decimal.Decimal) (fixed, bool) {
	if d.NumDigits() <= maxCompactDigits {
		c := d.CoefficientInt64()
		return fixed{hi: uint64(c >> 63), lo: uint64(c), exp: d.Exponent(), started: true}, false
	}
	c := d.Coefficient()
	if c.BitLen() > 127 {
		return fixed{}, true
	}
	var mag [16]byte
	c.FillBytes(mag[:]) // the absolute value, big-endian
	var hi, lo uint64
	for i := range 8 {
		hi = hi<<8 | uint64(mag[i])
		lo = lo<<8 | uint64(mag[8+i])
	}
	if c.Sign() < 0 {
		hi, lo = neg128(hi, lo)
	}
	return fixed{hi: hi, lo: lo, exp: d.Exponent(), started: true}, false
}
