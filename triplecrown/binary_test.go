package triplecrown

import (
	"encoding"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	_ encoding.BinaryMarshaler   = Money{}
	_ encoding.BinaryAppender    = Money{}
	_ encoding.BinaryUnmarshaler = (*Money)(nil)
	_ encoding.BinaryMarshaler   = MoneySum{}
	_ encoding.BinaryAppender    = MoneySum{}
	_ encoding.BinaryUnmarshaler = (*MoneySum)(nil)
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	require.NoError(t, err)
	return b
}

func TestMoney_MarshalBinary(t *testing.T) {
	// The form: 0x20, the currency's letters (EUR = 45 55 52, JPY = 4a 50
	// 59), the exponent zig-zagged (-2 as 03, 0 as 00, 3 as 06), the
	// header 2 × magnitude bytes + 1 if negative, the magnitude.
	tests := []struct {
		name string
		m    Money
		want string
	}{
		{name: "zero Money", m: Money{}, want: "20"},
		// 123450 = 0x01e23a.
		{name: "1234.50 EUR", m: eur("1234.50"), want: "20 45 55 52 03 06 01 e2 3a"},
		{name: "1234.5 EUR", m: eur("1234.5"), want: "20 45 55 52 01 04 30 39"},
		{name: "0 EUR", m: eur("0"), want: "20 45 55 52 00 00"},
		{name: "-7 JPY", m: MustMoney("-7", "JPY"), want: "20 4a 50 59 00 03 07"},
		{name: "5e3 EUR", m: MustMoney("5e3", "EUR"), want: "20 45 55 52 06 02 05"},
		// 10^20 = 0x056bc75e2d63100000: 9 bytes, header 18 = 0x12.
		{name: "wide", m: eur("100000000000000000000"), want: "20 45 55 52 00 12 05 6b c7 5e 2d 63 10 00 00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.m.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, unhex(t, tt.want), b)

			var got Money
			require.NoError(t, got.UnmarshalBinary(b))
			assert.True(t, tt.m.Equal(got))
			assert.Equal(t, tt.m.String(), got.String(), "places kept")

			// The sum of this one amount has the same bytes after its
			// own format byte.
			s := sumOf(t, tt.m)
			sb, err := s.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, append([]byte{0x21}, b[1:]...), sb)
		})
	}
}

func TestMoney_AppendBinary_allocs(t *testing.T) {
	m := eur("1234.50")
	buf := make([]byte, 0, 32)
	assert.Zero(t, testing.AllocsPerRun(100, func() { buf, _ = m.AppendBinary(buf[:0]) }))
	s := sumOf(t, eur("1234.50"), eur("0.5"))
	assert.Zero(t, testing.AllocsPerRun(100, func() { buf, _ = s.AppendBinary(buf[:0]) }))
}

func TestMoney_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "no bytes", data: "", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Money: no bytes"},
		{name: "a MoneySum's form", data: "21 45 55 52 00 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Money: format byte 0x21, not 0x20"},
		{name: "truncated currency", data: "20 45 55", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Money: at byte 1: truncated"},
		{name: "no amount", data: "20 45 55 52", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "trailing", data: "20 45 55 52 00 00 00", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "negative zero", data: "20 45 55 52 00 01", wantErr: []error{outcome.ErrInvalidBinary}},
		// "eur": ParseMoney's error, with its hint.
		{name: "lower-case currency", data: "20 65 75 72 00 02 01", wantErr: []error{ErrUnknownCurrency},
			wantMsg: `triplecrown: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`},
		// Exponent 31 zig-zags to 62 = 0x3e.
		{name: "exponent out of range", data: "20 45 55 52 3e 02 01", wantErr: []error{ErrInvalidAmount},
			wantMsg: "triplecrown: amount with exponent 31 is out of range (exponent within ±30)"},
		{name: "both", data: "20 65 75 72 3e 02 01", wantErr: []error{ErrUnknownCurrency, ErrInvalidAmount}},
		{name: "bad currency and trailing", data: "20 65 75 72 00 00 ff", wantErr: []error{ErrUnknownCurrency, outcome.ErrInvalidBinary}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := eur("1")
			err := m.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr))
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			assert.True(t, eur("1").Equal(m), "unchanged")
		})
	}
}

func TestMoneySum_MarshalBinary(t *testing.T) {
	tests := []struct {
		name string
		s    MoneySum
		want string
	}{
		{name: "empty", s: MoneySum{}, want: "21"},
		// 1.50 + 2 = 3.50: 350 = 0x015e at exponent -2.
		{name: "places", s: sumOf(t, eur("1.50"), eur("2")), want: "21 45 55 52 03 04 01 5e"},
		// 9e17 × 20 = 1.8e19 = 0xf9ccd8a1c5080000: past int64, 8 bytes.
		{name: "past int64", s: sumOf(t, repeat(eur("900000000000000000"), 20)...), want: "21 45 55 52 00 10 f9 cc d8 a1 c5 08 00 00"},
		// -1.8e19: the same magnitude, header 0x11.
		{name: "negative past int64", s: sumOf(t, repeat(eur("-900000000000000000"), 20)...), want: "21 45 55 52 00 11 f9 cc d8 a1 c5 08 00 00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.s.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, unhex(t, tt.want), b)
			var got MoneySum
			require.NoError(t, got.UnmarshalBinary(b))
			assert.True(t, tt.s.Equal(got))
		})
	}
}

// TestMoneySum_UnmarshalBinary_state: a decoded sum is held in fixed point
// when its total fits 128 bits (also if the encoded sum had gone wide), and
// in decimals otherwise; either way it adds on exactly.
func TestMoneySum_UnmarshalBinary_state(t *testing.T) {
	tests := []struct {
		name     string
		s        MoneySum
		wantWide bool
		then     Money
		want     string
	}{
		{name: "narrow", s: sumOf(t, eur("2.50")), then: eur("0.125"), want: "2.625"},
		// Wide on the way, then back within 128 bits.
		{name: "wide, then small", s: sumOf(t, eur("1234567890123456789012345"), eur("-1234567890123456789012345"), eur("3.5")),
			then: eur("1"), want: "4.5"},
		// 2^127 - 1 = 170141183460469231731687303715884105727 fits; its
		// negative too.
		{name: "largest 128-bit", s: sumOf(t, eur("170141183460469231731687303715884105727")), then: eur("-1"),
			want: "170141183460469231731687303715884105726"},
		{name: "smallest 128-bit", s: sumOf(t, eur("-170141183460469231731687303715884105727")), then: eur("1"),
			want: "-170141183460469231731687303715884105726"},
		// 2^127 does not.
		{name: "past 128 bits", s: sumOf(t, eur("170141183460469231731687303715884105728")), wantWide: true, then: eur("0.5"),
			want: "170141183460469231731687303715884105728.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.s.MarshalBinary()
			require.NoError(t, err)
			var got MoneySum
			require.NoError(t, got.UnmarshalBinary(b))
			assert.Equal(t, tt.wantWide, got.wide)
			require.NoError(t, got.Add(tt.then))
			assert.True(t, dec(tt.want).Equal(got.Total().Amount()), "got %s", got.Total())
		})
	}
}

func TestMoneySum_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "a Money's form", data: "20", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a MoneySum: format byte 0x20, not 0x21"},
		{name: "truncated", data: "21 45 55 52 03", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a MoneySum: at byte 5: truncated"},
		{name: "no currency", data: "21 00 00 00 00 00", wantErr: []error{ErrUnknownCurrency}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sumOf(t, eur("1"))
			err := s.UnmarshalBinary(unhex(t, tt.data))
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			assert.True(t, sumOf(t, eur("1")).Equal(s))
		})
	}
}

// TestFixedOf: the accumulator holds what the decimal holds.
func TestFixedOf(t *testing.T) {
	for _, s := range []string{"0", "-1", "1.5", "123456789012345678", "-123456789012345678901234567890.12"} {
		d := dec(s)
		f, wide := fixedOf(d)
		require.False(t, wide, s)
		assert.True(t, d.Equal(f.decimal()), "%s became %s", s, f.decimal())
	}
	_, wide := fixedOf(decimal.NewFromBigInt(pow2(128), 0))
	assert.True(t, wide)
	// -2^127 would fit, but its magnitude has 128 bits: it is held in
	// decimals, which is as exact, and encodes to the same bytes.
	_, wide = fixedOf(dec("-170141183460469231731687303715884105728"))
	assert.True(t, wide)
}
