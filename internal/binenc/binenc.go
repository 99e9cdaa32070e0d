// Package binenc writes and reads the pieces of the module's compact binary
// forms: canonical unsigned and zig-zag varints, length-prefixed strings and
// exact decimals. Every reader refuses what its writer would never write (a
// varint with a redundant trailing 0x80 group, a decimal with a leading zero
// byte or a negative zero), so that a value decoded from bytes re-encodes to
// the same bytes.
//
// A [Reader] keeps the first problem it meets and then returns zero values,
// so that a decoder reads a whole form and checks [Reader.Err] once; the
// packages that own the forms turn its errors into their *outcome.Error.
package binenc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ErrTruncated reports a form that ends before its last field.
var ErrTruncated = errors.New("truncated")

// ErrNonCanonical reports bytes that decode to a value but are not the ones
// the writer writes for it: an over-long varint, a decimal coefficient with a
// leading zero byte, a negative zero.
var ErrNonCanonical = errors.New("not in canonical form")

// ErrRange reports a number too large for the field it fills.
var ErrRange = errors.New("out of range")

// ErrTrailingData reports bytes after the end of a form.
var ErrTrailingData = errors.New("trailing data")

// ErrInvalidUTF8 reports a string field that is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("string is not valid UTF-8")

// AppendUvarint appends v as an unsigned varint: 7 bits a byte, low bits
// first, the high bit set on every byte but the last.
func AppendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// AppendVarint appends v zig-zag encoded (0, -1, 1, -2, ... as 0, 1, 2, 3,
// ...) as an unsigned varint, so that small negative numbers stay short.
func AppendVarint(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

// AppendString appends s as its length (an unsigned varint) and its bytes.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendFloat64 appends the IEEE 754 bits of f, 8 bytes little-endian, so
// that every float64 (also -0 and the payload of a NaN) is kept exactly.
func AppendFloat64(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

// AppendDecimal appends d exactly: its exponent as a zig-zag varint, then
// its coefficient as an unsigned varint header, twice the length of the
// coefficient's magnitude in bytes plus 1 if it is negative, followed by the
// magnitude, big-endian, without leading zero bytes (zero has no bytes). So
// 1234.50 (123450 × 10^-2) is 03 06 01 E2 3A: five bytes. The exponent is
// kept, so 1.5 and 1.50 encode differently. A coefficient of at most 18
// digits is written without allocating.
func AppendDecimal(b []byte, d decimal.Decimal) []byte {
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		return AppendDecimal128(b, uint64(c>>63), uint64(c), d.Exponent())
	}
	b = binary.AppendVarint(b, int64(d.Exponent()))
	c := d.Coefficient()
	mag := c.Bytes()
	b = binary.AppendUvarint(b, uint64(2*len(mag))|b2u(c.Sign() < 0))
	return append(b, mag...)
}

// AppendDecimal128 appends the decimal (hi, lo) × 10^exp in the form of
// [AppendDecimal], where (hi, lo) is a signed 128-bit two's-complement
// coefficient: for a fixed-point accumulator, without allocating.
func AppendDecimal128(b []byte, hi, lo uint64, exp int32) []byte {
	b = binary.AppendVarint(b, int64(exp))
	neg := hi>>63 != 0
	if neg {
		var borrow uint64
		lo, borrow = bits.Sub64(0, lo, 0)
		hi, _ = bits.Sub64(0, hi, borrow)
	}
	n := (bits.Len64(lo) + 7) / 8
	if hi != 0 {
		n = 8 + (bits.Len64(hi)+7)/8
	}
	b = binary.AppendUvarint(b, uint64(2*n)|b2u(neg))
	for i := n - 1; i >= 8; i-- {
		b = append(b, byte(hi>>(8*uint(i-8))))
	}
	for i := min(n, 8) - 1; i >= 0; i-- {
		b = append(b, byte(lo>>(8*uint(i))))
	}
	return b
}

func b2u(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}

// Reader reads a form from a byte slice. Its methods return zero values once
// a read has failed, and [Reader.Err] returns the first failure.
type Reader struct {
	data []byte
	off  int
	err  error
}

// NewReader returns a Reader of data; it does not copy data, and strings it
// reads are copies.
func NewReader(data []byte) *Reader { return &Reader{data: data} }

// Err returns the first problem met, or nil; the error wraps one of the
// package's Err values and says at which byte it was met.
func (r *Reader) Err() error { return r.err }

// Len returns the number of bytes not read yet.
func (r *Reader) Len() int { return len(r.data) - r.off }

// Fail records err at the current offset, unless a problem is recorded
// already, and returns the recorded problem. A decoder uses it to refuse
// what the pieces allow but its form does not.
func (r *Reader) Fail(err error) error {
	if r.err == nil {
		r.err = fmt.Errorf("at byte %d: %w", r.off, err)
	}
	return r.err
}

// Done returns [Reader.Err], or an error wrapping [ErrTrailingData] if bytes
// are left after the form.
func (r *Reader) Done() error {
	if r.err == nil && r.off < len(r.data) {
		r.Fail(fmt.Errorf("%w: %d bytes after the end", ErrTrailingData, len(r.data)-r.off))
	}
	return r.err
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.data) {
		r.Fail(ErrTruncated)
		return 0
	}
	c := r.data[r.off]
	r.off++
	return c
}

// Uvarint reads an unsigned varint, refusing one longer than it needs to be.
func (r *Reader) Uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.off:])
	switch {
	case n == 0:
		r.Fail(ErrTruncated)
		return 0
	case n < 0:
		r.Fail(fmt.Errorf("%w: varint above 2^64", ErrRange))
		return 0
	case n > 1 && r.data[r.off+n-1] == 0:
		r.Fail(fmt.Errorf("%w: over-long varint", ErrNonCanonical))
		return 0
	}
	r.off += n
	return v
}

// Count reads an unsigned varint of at most the largest int64: a count.
func (r *Reader) Count() int64 {
	v := r.Uvarint()
	if v > math.MaxInt64 {
		r.Fail(fmt.Errorf("%w: count %d is above the largest int64", ErrRange, v))
		return 0
	}
	return int64(v)
}

// Varint reads a zig-zag varint.
func (r *Reader) Varint() int64 {
	u := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// Int32 reads a zig-zag varint that fits in an int32.
func (r *Reader) Int32() int32 {
	v := r.Varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.Fail(fmt.Errorf("%w: %d does not fit in an int32", ErrRange, v))
		return 0
	}
	return int32(v)
}

// Length reads a length as an unsigned varint and checks that at least
// length × unit more bytes follow (unit, at least 1, is the fewest bytes one
// element takes), so that a decoder never allocates for elements the data
// cannot hold.
func (r *Reader) Length(unit int) int {
	v := r.Uvarint()
	if r.err != nil {
		return 0
	}
	if v > uint64(r.Len()) || int(v)*unit > r.Len() {
		r.Fail(fmt.Errorf("%w: %d elements of at least %d bytes, %d bytes left", ErrTruncated, v, unit, r.Len()))
		return 0
	}
	return int(v)
}

// Bytes returns the next n bytes, without copying them.
func (r *Reader) Bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > r.Len() {
		r.Fail(ErrTruncated)
		return nil
	}
	b := r.data[r.off : r.off+n : r.off+n]
	r.off += n
	return b
}

// String reads a string written by [AppendString], refusing one that is not
// valid UTF-8 when utf8Only.
func (r *Reader) String(utf8Only bool) string {
	b := r.Bytes(r.Length(1))
	if r.err != nil {
		return ""
	}
	if utf8Only && !utf8.Valid(b) {
		r.Fail(ErrInvalidUTF8)
		return ""
	}
	return string(b)
}

// Float64 reads a float64 written by [AppendFloat64].
func (r *Reader) Float64() float64 {
	b := r.Bytes(8)
	if r.err != nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

// Decimal reads a decimal written by [AppendDecimal], whose exponent must lie
// within ±maxExp; one beyond is recorded, an error wrapping [ErrRange]. A
// coefficient whose magnitude takes more than maxBytes bytes is skipped
// unread and returned as an error wrapping [ErrRange], not recorded, with
// the zero decimal, so that the caller can refuse it in its own terms and
// read on: it is refused from its length, and costs nothing however long it
// is. A coefficient of at most d decimal digits takes at most
// ceil(d·log2(10)/8) bytes: 17 for 40 digits, 34 for 80.
func (r *Reader) Decimal(maxExp int32, maxBytes int) (decimal.Decimal, error) {
	exp := r.Int32()
	if r.err == nil && (exp < -maxExp || exp > maxExp) {
		r.Fail(fmt.Errorf("%w: exponent %d is outside ±%d", ErrRange, exp, maxExp))
	}
	h := r.Uvarint()
	if r.err != nil {
		return decimal.Decimal{}, nil
	}
	neg := h&1 == 1
	if h>>1 > uint64(r.Len()) {
		r.Fail(ErrTruncated)
		return decimal.Decimal{}, nil
	}
	if h>>1 > uint64(max(maxBytes, 0)) {
		r.off += int(h >> 1)
		return decimal.Decimal{}, fmt.Errorf("%w: coefficient of %d bytes is longer than %d", ErrRange, h>>1, max(maxBytes, 0))
	}
	mag := r.Bytes(int(h >> 1))
	switch {
	case len(mag) == 0 && neg:
		r.Fail(fmt.Errorf("%w: negative zero", ErrNonCanonical))
		return decimal.Decimal{}, nil
	case len(mag) > 0 && mag[0] == 0:
		r.Fail(fmt.Errorf("%w: coefficient with a leading zero byte", ErrNonCanonical))
		return decimal.Decimal{}, nil
	}
	if len(mag) <= 8 {
		var u uint64
		for _, c := range mag {
			u = u<<8 | uint64(c)
		}
		switch {
		case u <= math.MaxInt64 && neg:
			return decimal.New(-int64(u), exp), nil
		case u <= math.MaxInt64:
			return decimal.New(int64(u), exp), nil
		case neg && u == 1<<63:
			return decimal.New(math.MinInt64, exp), nil
		}
	}
	c := new(big.Int).SetBytes(mag)
	if neg {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, exp), nil
}
