package binenc

import (
	"bytes"
	"encoding/hex"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	require.NoError(t, err)
	return b
}

func TestAppendDecimal(t *testing.T) {
	big40, ok := new(big.Int).SetString("-1234567890123456789012345678901234567890", 10)
	require.True(t, ok)
	tests := []struct {
		name string
		d    decimal.Decimal
		want string
	}{
		// Exponent 0 (zig-zag 0), no magnitude bytes.
		{name: "zero", d: decimal.Decimal{}, want: "00 00"},
		// 0.00 keeps its exponent: -2 zig-zags to 3.
		{name: "zero with places", d: decimal.New(0, -2), want: "03 00"},
		// 123450 = 0x01e23a, three bytes: header 2*3 = 6.
		{name: "1234.50", d: decimal.New(123450, -2), want: "03 06 01 e2 3a"},
		// Negative: header 2*1 + 1 = 3; exponent 3 zig-zags to 6.
		{name: "-5e3", d: decimal.New(-5, 3), want: "06 03 05"},
		// 10^18 has 19 digits: the wide path; 10^18 = 0x0de0b6b3a7640000.
		{name: "19 digits", d: decimal.New(1_000_000_000_000_000_000, 0), want: "00 10 0d e0 b6 b3 a7 64 00 00"},
		{name: "smallest int64", d: decimal.New(math.MinInt64, 0), want: "00 11 80 00 00 00 00 00 00 00"},
		// 40 digits: 17 bytes of magnitude (Python: n.to_bytes(17, "big")),
		// header 2*17 + 1 = 35 = 0x23; exponent -30 zig-zags to 59 = 0x3b.
		{name: "40 digits", d: decimal.NewFromBigInt(big40, -30), want: "3b 23 03 a0 c9 20 75 c0 db f3 b8 ac bc 5f 96 ce 3f 0a d2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := AppendDecimal(nil, tt.d)
			assert.Equal(t, unhex(t, tt.want), b)
			r := NewReader(b)
			got, err := r.Decimal(30, 17)
			require.NoError(t, err)
			require.NoError(t, r.Done())
			assert.True(t, tt.d.Equal(got), "got %s", got)
			assert.Equal(t, tt.d.Exponent(), got.Exponent())
		})
	}
}

func TestReader_Decimal_errors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{name: "empty", data: "", want: "at byte 0: truncated"},
		{name: "no header", data: "00", want: "at byte 1: truncated"},
		{name: "short magnitude", data: "00 04 01", want: "at byte 2: truncated"},
		{name: "negative zero", data: "00 01", want: "at byte 2: not in canonical form: negative zero"},
		{name: "leading zero byte", data: "00 04 00 01", want: "at byte 4: not in canonical form: coefficient with a leading zero byte"},
		// 62 zig-zags to 31.
		{name: "exponent out of range", data: "3e 02 01", want: "at byte 1: out of range: exponent 31 is outside ±30"},
		// 2^32 zig-zags from 2^31: beyond int32.
		{name: "exponent beyond int32", data: "80 80 80 80 10 00", want: "at byte 5: out of range: 2147483648 does not fit in an int32"},
		{name: "over-long header", data: "00 82 00 01", want: "at byte 1: not in canonical form: over-long varint"},
		// A header claiming 4 MiB (2*4194304 = 2^23: varint 80 80 80 04)
		// with none of its bytes: the data's end, recorded.
		{name: "magnitude of 4 MiB missing", data: "00 80 80 80 04", want: "at byte 5: truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(unhex(t, tt.data))
			d, err := r.Decimal(30, 17)
			require.NoError(t, err)
			require.Error(t, r.Err())
			assert.Equal(t, tt.want, r.Err().Error())
			assert.True(t, d.IsZero())
		})
	}
}

// TestReader_Decimal_tooLong: a magnitude longer than maxBytes is refused
// from its header, returned and not recorded, and skipped unread, so that
// the caller reads on; a magnitude of exactly maxBytes is read.
func TestReader_Decimal_tooLong(t *testing.T) {
	const n = 4 << 20
	tests := []struct {
		name, head string
		mag        int
		want       string
	}{
		// 2^136, 18 bytes of magnitude (header 2*18 = 36 = 0x24): one byte
		// more than 17 allows.
		{name: "18 bytes", head: "00 24", mag: 18, want: "out of range: coefficient of 18 bytes is longer than 17"},
		// 4 MiB of magnitude: header 2*2^22 = 2^23, varint 80 80 80 04.
		{name: "4 MiB", head: "00 80 80 80 04", mag: n, want: "out of range: coefficient of 4194304 bytes is longer than 17"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append(unhex(t, tt.head), bytes.Repeat([]byte{0xff}, tt.mag)...)
			data = append(data, 0x7f)
			r := NewReader(data)
			d, err := r.Decimal(30, 17)
			require.ErrorIs(t, err, ErrRange)
			assert.Equal(t, tt.want, err.Error())
			assert.True(t, d.IsZero())
			require.NoError(t, r.Err())
			assert.Equal(t, byte(0x7f), r.Byte(), "read on after the magnitude")
			require.NoError(t, r.Done())
		})
	}
	// 17 bytes, 2^136 - 1: the largest magnitude maxBytes 17 allows.
	r := NewReader(append(unhex(t, "00 22"), bytes.Repeat([]byte{0xff}, 17)...))
	d, err := r.Decimal(30, 17)
	require.NoError(t, err)
	require.NoError(t, r.Done())
	want := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 136), big.NewInt(1))
	assert.Equal(t, want.String(), d.String())
}

func TestReader_pieces(t *testing.T) {
	var b []byte
	b = AppendUvarint(b, 300)
	b = AppendVarint(b, -3)
	b = AppendString(b, "été")
	b = AppendFloat64(b, 1.5)
	b = append(b, 0x7f)
	b = AppendUvarint(b, math.MaxInt64)

	r := NewReader(b)
	assert.Equal(t, uint64(300), r.Uvarint())
	assert.Equal(t, int64(-3), r.Varint())
	assert.Equal(t, "été", r.String(true))
	assert.Equal(t, 1.5, r.Float64())
	assert.Equal(t, byte(0x7f), r.Byte())
	assert.Equal(t, int64(math.MaxInt64), r.Count())
	assert.Zero(t, r.Len())
	require.NoError(t, r.Done())

	// After a failure every read returns a zero value and the first
	// problem stays.
	r = NewReader([]byte{0x80})
	assert.Zero(t, r.Uvarint())
	assert.Zero(t, r.Byte())
	assert.Zero(t, r.Float64())
	assert.Nil(t, r.Bytes(0))
	assert.Equal(t, "", r.String(false))
	assert.Zero(t, r.Int32())
	assert.Zero(t, r.Length(1))
	d, err := r.Decimal(1, 1)
	assert.True(t, d.IsZero())
	assert.NoError(t, err)
	assert.ErrorIs(t, r.Done(), ErrTruncated)
	assert.Equal(t, "at byte 0: truncated", r.Err().Error())
}

func TestReader_errors(t *testing.T) {
	tests := []struct {
		name string
		read func(r *Reader)
		data string
		want error
		msg  string
	}{
		{name: "byte", read: func(r *Reader) { r.Byte() }, data: "", want: ErrTruncated},
		{name: "varint beyond 2^64", read: func(r *Reader) { r.Uvarint() }, data: "ff ff ff ff ff ff ff ff ff 02", want: ErrRange,
			msg: "at byte 0: out of range: varint above 2^64"},
		{name: "count beyond int64", read: func(r *Reader) { r.Count() }, data: "ff ff ff ff ff ff ff ff ff 01", want: ErrRange},
		{name: "length beyond the data", read: func(r *Reader) { r.Length(1) }, data: "02 00", want: ErrTruncated,
			msg: "at byte 1: truncated: 2 elements of at least 1 bytes, 1 bytes left"},
		{name: "length of wide elements", read: func(r *Reader) { r.Length(3) }, data: "02 00 00 00 00", want: ErrTruncated},
		{name: "negative bytes", read: func(r *Reader) { r.Bytes(-1) }, data: "", want: ErrTruncated},
		{name: "string not UTF-8", read: func(r *Reader) { r.String(true) }, data: "01 ff", want: ErrInvalidUTF8},
		{name: "float short", read: func(r *Reader) { r.Float64() }, data: "00 00", want: ErrTruncated},
		{name: "trailing", read: func(r *Reader) {}, data: "00", want: ErrTrailingData,
			msg: "at byte 0: trailing data: 1 bytes after the end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(unhex(t, tt.data))
			tt.read(r)
			err := r.Done()
			assert.ErrorIs(t, err, tt.want)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
	// A string that is not UTF-8 is fine when not asked to be.
	r := NewReader([]byte{1, 0xff})
	assert.Equal(t, "\xff", r.String(false))
	assert.NoError(t, r.Done())
}

// TestDecimal_roundTrip: every decimal of a sweep of coefficients around the
// int64 and byte boundaries, and both signs, round-trips exactly, with its
// exponent.
func TestDecimal_roundTrip(t *testing.T) {
	var cs []*big.Int
	for k := range 130 {
		p := new(big.Int).Lsh(big.NewInt(1), uint(k))
		cs = append(cs, p, new(big.Int).Sub(p, big.NewInt(1)), new(big.Int).Add(p, big.NewInt(1)))
	}
	for _, c := range cs {
		for _, neg := range []bool{false, true} {
			v := new(big.Int).Set(c)
			if neg {
				v.Neg(v)
			}
			for _, exp := range []int32{-30, -2, 0, 7} {
				d := decimal.NewFromBigInt(v, exp)
				b := AppendDecimal(nil, d)
				r := NewReader(b)
				got, err := r.Decimal(30, 17)
				require.NoError(t, err)
				require.NoError(t, r.Done(), "%s", d)
				require.True(t, d.Equal(got), "%s became %s", d, got)
				require.Equal(t, exp, got.Exponent())
				require.Equal(t, b, AppendDecimal(nil, got))
			}
		}
	}
}

// FuzzReader_Decimal: arbitrary bytes never panic, and a decimal read
// re-encodes to the bytes it was read from.
func FuzzReader_Decimal(f *testing.F) {
	for _, s := range []string{"00 00", "03 06 01 e2 3a", "00 11 80 00 00 00 00 00 00 00", "00 01", "00 04 00 01", "3e 02 01", "00 24 01"} {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(data)
		d, err := r.Decimal(30, 17)
		if r.Err() != nil || err != nil {
			return
		}
		n := len(data) - r.Len()
		if got := AppendDecimal(nil, d); string(got) != string(data[:n]) {
			t.Fatalf("% x read as %s, which writes % x", data[:n], d, got)
		}
	})
}

// TestAppendDecimal128: the 128-bit writer writes what AppendDecimal writes
// for the same value, at the edges of 64 and 128 bits.
func TestAppendDecimal128(t *testing.T) {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	tests := []struct {
		name   string
		hi, lo uint64
	}{
		{name: "zero", hi: 0, lo: 0},
		{name: "one", hi: 0, lo: 1},
		{name: "minus one", hi: math.MaxUint64, lo: math.MaxUint64},
		{name: "2^64", hi: 1, lo: 0},
		{name: "largest int128", hi: math.MaxInt64, lo: math.MaxUint64},
		{name: "smallest int128", hi: 1 << 63, lo: 0},
		{name: "-2^64", hi: math.MaxUint64, lo: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The value from its two's-complement halves: hi is signed.
			v := new(big.Int).Mul(big.NewInt(int64(tt.hi)), two64)
			v.Add(v, new(big.Int).SetUint64(tt.lo))
			d := decimal.NewFromBigInt(v, -4)
			assert.Equal(t, AppendDecimal(nil, d), AppendDecimal128(nil, tt.hi, tt.lo, -4))
		})
	}
}
