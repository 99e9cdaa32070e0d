package triplecrown

import (
	"bytes"
	"encoding"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/cxmodel/cx/internal/binenc"
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
			wantMsg: "triplecrown: amount with 1 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)"},
		// 10^40, 41 digits: 17 bytes (header 0x22), 1d 63 ... 00. The JSON
		// decoder refuses it too, and no operation makes it.
		{name: "too many digits", data: "20 45 55 52 00 22 1d 63 29 f1 c3 5c a4 bf ab b9 f5 61 00 00 00 00 00", wantErr: []error{ErrInvalidAmount},
			wantMsg: "triplecrown: amount with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)"},
		// 2^136, 18 bytes of magnitude (header 2*18 = 0x24): longer than
		// any amount of 40 digits (10^40 - 1 < 2^133), so refused from the
		// header, before the magnitude is read.
		{name: "magnitude too long", data: "20 45 55 52 00 24 01" + strings.Repeat(" 00", 17), wantErr: []error{ErrInvalidAmount},
			wantMsg: "triplecrown: amount with more than 40 digits is out of range (at most 40 digits, exponent within ±30): " +
				"out of range: coefficient of 18 bytes is longer than 17"},
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

// TestMoney_UnmarshalBinary_hugeAmount: an amount whose coefficient is
// 4 MiB long is refused by the length check, from its header, and not after
// reading 4 MiB into a big integer and counting its digits: the error is the
// length check's (binenc.ErrRange, which counting digits does not give).
func TestMoney_UnmarshalBinary_hugeAmount(t *testing.T) {
	const n = 4 << 20
	// 2*2^22 = 2^23 is the varint 80 80 80 04.
	data := binenc.AppendUvarint([]byte{formatMoney, 'E', 'U', 'R', 0x00}, 2*n)
	data = append(data, bytes.Repeat([]byte{0xff}, n)...)
	var m Money
	err := m.UnmarshalBinary(data)
	require.ErrorIs(t, err, ErrInvalidAmount)
	require.ErrorIs(t, err, binenc.ErrRange)
	assert.Equal(t, "triplecrown: amount with more than 40 digits is out of range (at most 40 digits, exponent within ±30): "+
		"out of range: coefficient of 4194304 bytes is longer than 17", err.Error())
	// The limits: 17 bytes hold every amount of 40 digits (10^40 - 1 <
	// 2^133 = 8 * 2^130 ~ 1.09e40) and 34 every service total of 80
	// (10^80 - 1 < 2^266 ~ 1.19e80), and no fewer do (10^40 - 1 > 2^128,
	// 10^80 - 1 > 2^264 ~ 2.96e79).
	assert.Equal(t, 17, amountBytes)
	assert.Equal(t, 34, totalBytes)
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

var (
	_ encoding.BinaryMarshaler   = Scorecard{}
	_ encoding.BinaryAppender    = Scorecard{}
	_ encoding.BinaryUnmarshaler = (*Scorecard)(nil)
	_ encoding.BinaryMarshaler   = Rollup{}
	_ encoding.BinaryAppender    = Rollup{}
	_ encoding.BinaryUnmarshaler = (*Rollup)(nil)
)

// opsCard is a small scorecard whose form is worked out by hand in
// TestScorecard_MarshalBinary.
func opsCard() Scorecard {
	return MustScorecard(ScorecardSpec{
		Unit: "ops", Period: "2025",
		Cost:    Amounts{Baseline: eur("100"), Actual: eur("90")},
		Revenue: Amounts{Baseline: eur("0"), Actual: eur("5.5")},
		Service: ServiceSpec{Name: "fcr", Direction: outcome.HigherIsBetter,
			Baseline: mustMeasure(NewRate(70, 100)), Actual: mustMeasure(NewRate(80, 100))},
	})
}

// opsForm is opsCard's form, field by field.
const opsForm = "23" +
	" 03 6f 70 73" + // unit "ops"
	" 00" + // no name
	" 04 32 30 32 35" + // period "2025"
	" 45 55 52" + // EUR
	" 00 02 64" + // cost baseline 100: exponent 0, one byte 0x64
	" 00 02 5a" + // cost actual 90
	" 00 00" + // revenue baseline 0: no bytes
	" 01 02 37" + // revenue actual 5.5: exponent -1 (zig-zag 1), 55 = 0x37
	" 03 66 63 72" + // service "fcr"
	" 00" + // no service unit
	" 01" + // higher is better
	" 02 46 64" + // baseline (from byte 31): a rate (2), 70 of 100
	" 02 50 64" // actual: 80 of 100

func TestScorecard_MarshalBinary(t *testing.T) {
	b, err := opsCard().MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, unhex(t, opsForm), b)

	for _, c := range []Scorecard{
		opsCard(),
		MustScorecard(spec("sales")), // means, with their standard deviations
		valueCard("index", "4.25", "120", "3.5", "0.5"),
		MustScorecard(ScorecardSpec{Unit: "wide", Name: "Wide Ltd", Period: "FY2025",
			Cost:    Amounts{Baseline: eur("1234567890123456789012345.67"), Actual: eur("0.000000000000000000000000000001")},
			Revenue: Amounts{Baseline: eur("1e30"), Actual: eur("0")},
			Service: ServiceSpec{Name: "x", Unit: "%", Direction: outcome.LowerIsBetter,
				Baseline: mustMeasure(NewMean(dec("-1.5"), 0, 2)), Actual: mustMeasure(NewMean(dec("2"), 0x1.0000000000001p-1022, math.MaxInt64))}}), // the least normal sd but one
	} {
		b, err := c.MarshalBinary()
		require.NoError(t, err)
		var got Scorecard
		require.NoError(t, got.UnmarshalBinary(b), "% x", b)
		assert.True(t, c.Equal(got), "%s round trip", c.Unit())
		again, err := got.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, b, again)
	}

	_, err = Scorecard{}.MarshalBinary()
	assert.ErrorIs(t, err, ErrInvalidScorecard)
	assert.EqualError(t, err, "triplecrown: cannot marshal the zero Scorecard")
}

// patch returns the hex form s with old replaced by new, once; it fails if
// old is not in s.
func patch(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Contains(t, s, old)
	return strings.Replace(s, old, new, 1)
}

func TestScorecard_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "no bytes", data: "", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "truncated", data: opsForm[:len(opsForm)-3], wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "trailing", data: opsForm + " 00", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "no such measure kind", data: patch(t, opsForm, "02 46 64", "04 46 64"), wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Scorecard: at byte 32: baseline service: measure kind 4"},
		// A mean whose sd is -0, 00 00 00 00 00 00 00 80 (the sign bit
		// alone): not the form, which writes an sd of 0 as eight zero bytes.
		// The baseline's sd is bytes 36-43 (kind 31, total 32-34, n 35), the
		// actual's 49-56; the form's problem ends the reading, so the
		// baseline's sample of 1 beside its -0 is not reported.
		{name: "actual sd of -0", data: measureForm("03 00 02 01 02 00 00 00 00 00 00 00 00", "03 00 02 01 02 00 00 00 00 00 00 00 80"),
			wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Scorecard: at byte 57: actual service standard deviation: not in canonical form: negative zero"},
		{name: "baseline sd of -0 and a sample of 1", data: measureForm("03 00 02 01 01 00 00 00 00 00 00 00 80", "03 00 02 01 02 00 00 00 00 00 00 00 80"),
			wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Scorecard: at byte 44: baseline service standard deviation: not in canonical form: negative zero"},
		// A negative cost: -90 (header 03). NewScorecard's check.
		{name: "negative cost", data: patch(t, opsForm, "00 02 5a", "00 03 5a"), wantErr: []error{ErrNegativeMoney},
			wantMsg: `triplecrown: unit "ops" has a negative actual cost (-90 EUR)`},
		// 80 of 70: NewRate's check.
		{name: "impossible rate", data: patch(t, opsForm, "02 50 64", "02 50 46"), wantErr: []error{ErrInvalidMeasure},
			wantMsg: `triplecrown: unit "ops", actual service measure: a rate of 80 successes out of 70 trials is impossible`},
		// An invalid unit ID and a lower-case currency: both reported.
		{name: "unit and currency", data: patch(t, patch(t, opsForm, "03 6f 70 73", "03 20 70 73"), "45 55 52", "65 55 52"),
			wantErr: []error{outcome.ErrInvalidID, ErrUnknownCurrency}},
		// An empty unit: said as NewScorecard says it, not as a roll-up's.
		{name: "empty unit", data: patch(t, opsForm, "23 03 6f 70 73", "23 00"), wantErr: []error{outcome.ErrEmptyID},
			wantMsg: "outcome: empty id"},
		// Direction 3 is none: NewScorecard's check.
		{name: "no direction", data: patch(t, opsForm, "00 01 02 46", "00 03 02 46"), wantErr: []error{outcome.ErrUnknownDirection}},
		// Exponent 31 (zig-zag 62 = 0x3e) in the revenue.
		{name: "amount out of range", data: patch(t, opsForm, "01 02 37", "3e 02 37"), wantErr: []error{ErrInvalidAmount},
			wantMsg: `triplecrown: unit "ops", actual revenue: amount with 2 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)`},
		// A field that fails does not hide NewScorecard's checks of the
		// other parts, which come after it, as in JSON: an empty period
		// with the revenue out of range, and a direction that is none
		// with an impossible rate.
		{name: "amount out of range and no period", data: patch(t, patch(t, opsForm, "01 02 37", "3e 02 37"), "04 32 30 32 35", "00"),
			wantErr: []error{ErrInvalidAmount, ErrEmptyPeriod},
			wantMsg: `triplecrown: unit "ops", actual revenue: amount with 2 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)` + "\n" +
				`triplecrown: unit "ops" has no period`},
		{name: "impossible rate and no direction", data: patch(t, patch(t, opsForm, "02 50 64", "02 50 46"), "00 01 02 46", "00 03 02 46"),
			wantErr: []error{ErrInvalidMeasure, outcome.ErrUnknownDirection},
			wantMsg: `triplecrown: unit "ops", actual service measure: a rate of 80 successes out of 70 trials is impossible` + "\n" +
				`triplecrown: unit "ops" has a service measure without a valid direction`},
		// 10^40 as the actual revenue: 41 digits.
		{name: "amount of too many digits", data: patch(t, opsForm, "01 02 37", "00 22 1d 63 29 f1 c3 5c a4 bf ab b9 f5 61 00 00 00 00 00"),
			wantErr: []error{ErrInvalidAmount},
			wantMsg: `triplecrown: unit "ops", actual revenue: amount with 41 digits and exponent 0 is out of range (at most 40 digits, exponent within ±30)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := opsCard()
			err := c.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr), "%v", err)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			assert.True(t, opsCard().Equal(c), "unchanged")
		})
	}
}

// measureForm returns a scorecard form whose baseline and actual service
// measures are the given hex.
func measureForm(baseline, actual string) string {
	return strings.Replace(opsForm, " 02 46 64 02 50 64", " "+baseline+" "+actual, 1)
}

func TestScorecard_UnmarshalBinary_measures(t *testing.T) {
	nan := hex.EncodeToString(binaryFloat(math.NaN()))
	tests := []struct {
		name    string
		data    string
		wantErr []error
	}{
		// A value of total 0 and weight 0: not positive.
		{name: "zero weight", data: measureForm("01 00 00 00 00", "01 00 00 00 02 01"), wantErr: []error{ErrInvalidWeight}},
		// A value's total may reach exponent -60 (zig-zag 119 = 0x77), not
		// -61 (0x79).
		{name: "value total exponent", data: measureForm("01 77 02 01 00 02 01", "01 79 02 01 00 02 01"), wantErr: []error{ErrInvalidAmount}},
		// A weight's exponent stays within ±30.
		{name: "weight exponent", data: measureForm("01 00 02 01 3e 02 01", "01 00 02 01 00 02 01"), wantErr: []error{ErrInvalidAmount}},
		// A weight of 0 x 10^1000000000 (zig-zag 2e9 = 80 a8 d6 b9 07): out
		// of range, and not written out as a billion digits to say that it
		// is not positive (found by FuzzScorecardBinary: it hung).
		{name: "weight of a huge exponent", data: measureForm("01 00 00 80 a8 d6 b9 07 00", "01 00 02 01 00 02 01"), wantErr: []error{ErrInvalidAmount}},
		// A weight of 41 digits (10^40), a value total of 81 (10^80) and a
		// mean total of 81: beyond the bounds, as in JSON.
		{name: "weight digits", data: measureForm("01 00 02 01 00 22 1d 63 29 f1 c3 5c a4 bf ab b9 f5 61 00 00 00 00 00", "01 00 02 01 00 02 01"),
			wantErr: []error{ErrInvalidAmount}},
		{name: "value total digits", data: measureForm("01 00 44 03 5f 9d ea 3e 1f 6b df ef 70 cd d1 7b 25 ef a4 18 ca 63 a2 27 64 ce c1 00 00 00 00 00 00 00 00 00 00 00 02 01",
			"01 00 02 01 00 02 01"), wantErr: []error{ErrInvalidAmount}},
		{name: "mean total digits", data: measureForm("03 00 44 03 5f 9d ea 3e 1f 6b df ef 70 cd d1 7b 25 ef a4 18 ca 63 a2 27 64 ce c1 00 00 00 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 00",
			"03 00 02 01 02 00 00 00 00 00 00 00 00"), wantErr: []error{ErrInvalidAmount}},
		// An sd of the smallest subnormal float64, 5e-324: refused as the
		// JSON decoder and NewMean refuse it (the smallest normal decodes:
		// below).
		{name: "subnormal sd", data: measureForm("03 00 02 01 02 "+hex.EncodeToString(binaryFloat(math.SmallestNonzeroFloat64)),
			"03 00 02 01 02 00 00 00 00 00 00 00 00"), wantErr: []error{ErrInvalidMeasure}},
		// NaNs of other payloads and signs, a quiet NaN with its sign bit
		// set and a signalling one: not finite, as every NaN is.
		{name: "negative NaN sd", data: measureForm("03 00 02 01 02 00 00 00 00 00 00 f8 ff", "03 00 02 01 02 00 00 00 00 00 00 00 00"),
			wantErr: []error{outcome.ErrNotFinite}},
		{name: "signalling NaN sd", data: measureForm("03 00 02 01 02 00 00 00 00 00 00 00 00", "03 00 02 01 02 01 00 00 00 00 00 f0 7f"),
			wantErr: []error{outcome.ErrNotFinite}},
		// The least subnormal with its sign bit set: refused, as negative.
		{name: "negative subnormal sd", data: measureForm("03 00 02 01 02 01 00 00 00 00 00 00 80", "03 00 02 01 02 00 00 00 00 00 00 00 00"),
			wantErr: []error{ErrInvalidMeasure}},
		// A mean of 1 observation with an sd of NaN: both reported.
		{name: "mean sample", data: measureForm("03 00 02 01 01 "+nan, "03 00 02 01 02 00 00 00 00 00 00 00 00"),
			wantErr: []error{ErrInvalidSampleSize, outcome.ErrNotFinite}},
		{name: "kinds differ", data: measureForm("01 00 02 01 00 02 01", "03 00 02 01 02 00 00 00 00 00 00 00 00"),
			wantErr: []error{ErrServiceMismatch}},
		// A total of 35 bytes (header 2*35 = 0x46), longer than any of 80
		// digits (34 bytes), and a weight of 18 (0x24), longer than any of
		// 40 (17): refused before the magnitude is read, and what follows
		// is read on (the weight of 0 beside a total too long is reported).
		{name: "value total too long", data: measureForm("01 00 46 01"+strings.Repeat(" 00", 34)+" 00 00", "01 00 02 01 00 02 01"),
			wantErr: []error{ErrInvalidAmount, ErrInvalidWeight}},
		{name: "mean total too long", data: measureForm("03 00 46 01"+strings.Repeat(" 00", 34)+" 02 00 00 00 00 00 00 00 00",
			"03 00 02 01 02 00 00 00 00 00 00 00 00"), wantErr: []error{ErrInvalidAmount}},
		{name: "weight too long", data: measureForm("01 00 02 01 00 24 01"+strings.Repeat(" 00", 17), "01 00 02 01 00 02 01"),
			wantErr: []error{ErrInvalidAmount}},
		// A value total of 1e60 (exponent 60, zig-zag 0x78) of weight
		// 1e-30 (0x3b): each within its bounds, but the value they imply,
		// 1e90, is larger than any amount, as in JSON.
		{name: "implied value", data: measureForm("01 78 02 01 3b 02 01", "01 00 02 01 00 02 01"), wantErr: []error{ErrInvalidAmount}},
		// A mean total of 10^41 x 10^30 (exponent 0x3c, 18 bytes, header
		// 0x24) of n 2: the mean it implies, 5 x 10^70, is larger than any
		// amount.
		{name: "implied mean", data: measureForm("03 3c 24 01 25 df a3 71 a1 9e 6f 7c b5 43 95 ca 00 00 00 00 00 02 00 00 00 00 00 00 00 00",
			"03 00 02 01 02 00 00 00 00 00 00 00 00"), wantErr: []error{ErrInvalidAmount}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Scorecard
			err := c.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr), "%v", err)
		})
	}
	// An sd of the smallest normal float64 decodes.
	var sdCard Scorecard
	require.NoError(t, sdCard.UnmarshalBinary(unhex(t, measureForm("03 00 02 01 02 "+hex.EncodeToString(binaryFloat(0x1p-1022)),
		"03 00 02 01 02 00 00 00 00 00 00 00 00"))))
	assert.Equal(t, 0x1p-1022, sdCard.Service().Baseline.SD())
	// A value with exponents at their limits decodes.
	var c Scorecard
	require.NoError(t, c.UnmarshalBinary(unhex(t, measureForm("01 77 02 01 3b 02 01", "01 78 02 01 3c 02 01"))))
	total, weight := c.Service().Baseline.Fraction()
	assert.Equal(t, int32(-60), total.Exponent())
	assert.Equal(t, int32(-30), weight.Exponent())
	// A mean total of 2 x (10^40 - 1) x 10^30 of n 2 implies the largest
	// amount, (10^40 - 1) x 10^30, as a mean: it decodes.
	require.NoError(t, c.UnmarshalBinary(unhex(t, measureForm(
		"03 3c 22 3a c6 53 e3 86 b9 49 7f 57 73 ea c1 ff ff ff ff fe 02 00 00 00 00 00 00 00 00",
		"03 00 02 01 02 00 00 00 00 00 00 00 00"))))
	total, weight = c.Service().Baseline.Fraction()
	assert.True(t, dec(strings.Repeat("9", 40)+"e30").Equal(total.Div(weight)), "%s / %s", total, weight)
}

// opsJSON is opsCard's JSON form.
const opsJSON = `{"unit":"ops","period":"2025",` +
	`"cost":{"baseline":{"amount":"100","currency":"EUR"},"actual":{"amount":"90","currency":"EUR"}},` +
	`"revenue":{"baseline":{"amount":"0","currency":"EUR"},"actual":{"amount":"5.5","currency":"EUR"}},` +
	`"service":{"name":"fcr","direction":"higher-is-better","baseline":{"successes":70,"trials":100},"actual":{"successes":80,"trials":100}}}`

// cardProblem is a problem as a BI tool shows it: its code, IDs and
// message.
type cardProblem struct {
	code outcome.Code
	ids  []string
	msg  string
}

func cardProblems(err error) []cardProblem {
	var out []cardProblem
	for _, p := range outcome.Problems(err) {
		out = append(out, cardProblem{p.Code, p.IDs, p.Message})
	}
	return out
}

// TestScorecard_UnmarshalBinary_namesTheUnit: a problem of a field of a
// scorecard's binary form (an amount, the currency, a service measure)
// carries the unit's ID and names the unit and the field as the JSON
// decoder does, in the same words where the same check fails: each case's
// problems are worked out by hand, and the JSON of the same values (json,
// where it can say them) gives the same problems, code, IDs and message.
func TestScorecard_UnmarshalBinary_namesTheUnit(t *testing.T) {
	subnormal := hex.EncodeToString(binaryFloat(math.SmallestNonzeroFloat64))
	service := func(baseline, actual string) string {
		return strings.Replace(opsJSON, `"baseline":{"successes":70,"trials":100},"actual":{"successes":80,"trials":100}`,
			`"baseline":`+baseline+`,"actual":`+actual, 1)
	}
	ops := []string{"ops"}
	tests := []struct {
		name string
		data string // the binary form, in hex
		json string // the same values in JSON, "" if JSON cannot say them
		want []cardProblem
	}{
		{name: "impossible rate", data: patch(t, opsForm, "02 50 64", "02 50 46"),
			json: service(`{"successes":70,"trials":100}`, `{"successes":80,"trials":70}`),
			want: []cardProblem{{ErrInvalidMeasure, ops,
				`triplecrown: unit "ops", actual service measure: a rate of 80 successes out of 70 trials is impossible`}}},
		// Exponent 31 (zig-zag 62 = 0x3e): 55 x 10^31, "55e31".
		{name: "amount out of range", data: patch(t, opsForm, "01 02 37", "3e 02 37"),
			json: strings.Replace(opsJSON, `"5.5"`, `"55e31"`, 1),
			want: []cardProblem{{ErrInvalidAmount, ops, `triplecrown: unit "ops", actual revenue: amount with 2 digits ` +
				`and exponent 31 is out of range (at most 40 digits, exponent within ±30)`}}},
		// A value of total 0 and weight 0 (exponents 00, no bytes).
		{name: "zero weight", data: measureForm("01 00 00 00 00", "01 00 00 00 02 01"),
			json: service(`{"total":"0","weight":"0"}`, `{"total":"0","weight":"1"}`),
			want: []cardProblem{{ErrInvalidWeight, ops, `triplecrown: unit "ops", baseline service measure: service weight 0 is not positive`}}},
		// A value total of 1e60 (zig-zag 120 = 0x78) of weight 1e-30 (0x3b).
		{name: "implied value", data: measureForm("01 78 02 01 3b 02 01", "01 00 02 01 00 02 01"),
			json: service(`{"total":"1e60","weight":"1e-30"}`, `{"total":"1","weight":"1"}`),
			want: []cardProblem{{ErrInvalidAmount, ops, `triplecrown: unit "ops", baseline service measure: service value implied by ` +
				`total 1e60 and weight 0.000000000000000000000000000001 (total / weight) is out of range ` +
				`(larger than (10^40 − 1) × 10^30, the largest amount)`}}},
		// A mean of 1 observation (total 1) with an sd of 5e-324: two
		// problems of one measure, each naming it.
		{name: "mean sample", data: measureForm("03 00 02 01 01 "+subnormal, "03 00 02 01 02 00 00 00 00 00 00 00 00"),
			json: service(`{"total":"1","sd":5e-324,"n":1}`, `{"total":"1","sd":0,"n":2}`),
			want: []cardProblem{
				{ErrInvalidSampleSize, ops, `triplecrown: unit "ops", baseline service measure: a mean needs a sample of at least 2 observations, not 1`},
				{ErrInvalidMeasure, ops, `triplecrown: unit "ops", baseline service measure: the standard deviation 5e-324 is below ` +
					`2.2250738585072014e-308, the smallest positive number held to full precision`}}},
		// An empty unit: the problems have no ID and name the scorecard, as
		// in JSON (which puts the unit's problem after the fields').
		{name: "empty unit", data: patch(t, patch(t, opsForm, "02 50 64", "02 50 46"), "23 03 6f 70 73", "23 00"),
			want: []cardProblem{{outcome.ErrEmptyID, nil, "outcome: empty id"},
				{ErrInvalidMeasure, nil, `triplecrown: a scorecard's actual service measure: a rate of 80 successes out of 70 trials is impossible`}}},
		// An invalid unit " ps": its ID all the same, as in JSON.
		{name: "invalid unit", data: patch(t, patch(t, opsForm, "02 50 64", "02 50 46"), "03 6f 70 73", "03 20 70 73"),
			want: []cardProblem{{outcome.ErrInvalidID, []string{" ps"}, `outcome: id " ps" has surrounding white space`},
				{ErrInvalidMeasure, []string{" ps"}, `triplecrown: unit " ps", actual service measure: a rate of 80 successes out of 70 trials is impossible`}}},
		// The binary form's one currency: named as the currency, in the
		// words of each amount's currency in JSON (below).
		{name: "currency", data: patch(t, opsForm, "45 55 52", "65 55 52"),
			want: []cardProblem{{ErrUnknownCurrency, ops, `triplecrown: unit "ops", currency: unknown currency "eUR": a currency is ` +
				`an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`}}},
		// A coefficient of 18 bytes (header 0x24), longer than any of 40
		// digits: refused from its length, which JSON cannot write.
		{name: "amount too long", data: patch(t, opsForm, "01 02 37", "00 24 01"+strings.Repeat(" 00", 17)),
			want: []cardProblem{{ErrInvalidAmount, ops, `triplecrown: unit "ops", actual revenue: amount with more than 40 digits ` +
				`is out of range (at most 40 digits, exponent within ±30): out of range: coefficient of 18 bytes is longer than 17`}}},
		// A value total of 35 bytes (header 0x46) and a weight of 0: the
		// measure's two problems, the total's first, as the form holds them.
		{name: "value total too long", data: measureForm("01 00 46 01"+strings.Repeat(" 00", 34)+" 00 00", "01 00 02 01 00 02 01"),
			want: []cardProblem{
				{ErrInvalidAmount, ops, `triplecrown: unit "ops", baseline service measure: service total with more than 80 digits ` +
					`is out of range (at most 80 digits, exponent within ±60): out of range: coefficient of 35 bytes is longer than 34`},
				{ErrInvalidWeight, ops, `triplecrown: unit "ops", baseline service measure: service weight 0 is not positive`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Scorecard
			assert.Equal(t, tt.want, cardProblems(c.UnmarshalBinary(unhex(t, tt.data))))
			if tt.json != "" {
				var fromJSON Scorecard
				assert.Equal(t, tt.want, cardProblems(fromJSON.UnmarshalJSON([]byte(tt.json))), "JSON")
			}
		})
	}

	// JSON puts the empty unit's problem after the fields', and says the
	// currency of each amount; the words after the part are the same.
	var c Scorecard
	got := cardProblems(c.UnmarshalJSON([]byte(strings.Replace(patch(t, opsJSON, `"ops"`, `""`), `"successes":80,"trials":100`, `"successes":80,"trials":70`, 1))))
	assert.Equal(t, []cardProblem{tests[5].want[1], tests[5].want[0]}, got, "JSON, empty unit")
	got = cardProblems(c.UnmarshalJSON([]byte(strings.ReplaceAll(opsJSON, `"EUR"`, `"eUR"`))))
	require.Len(t, got, 4)
	for i, part := range []string{"baseline cost", "actual cost", "baseline revenue", "actual revenue"} {
		want := tests[7].want[0]
		want.msg = strings.Replace(want.msg, "currency: ", part+": ", 1)
		assert.Equal(t, want, got[i], "JSON, currency of the %s", part)
	}
}

// TestRollup_UnmarshalBinary_namesTheUnit: a roll-up's scorecard's field
// problems carry the roll-up's unit ID and name it as the JSON decoder of
// a roll-up does, `unit "n", actual service measure: ...`.
func TestRollup_UnmarshalBinary_namesTheUnit(t *testing.T) {
	card := strings.TrimPrefix(patch(t, patch(t, opsForm, "02 50 64", "02 50 46"), "45 55 52", "65 55 52"), "23 03 6f 70 73")
	var r Rollup
	got := cardProblems(r.UnmarshalBinary(unhex(t, "24 01 6e 01 01 61 01"+card)))
	n := []string{"n"}
	rate := cardProblem{ErrInvalidMeasure, n, `triplecrown: unit "n", actual service measure: a rate of 80 successes out of 70 trials is impossible`}
	assert.Equal(t, []cardProblem{
		{ErrUnknownCurrency, n, `triplecrown: unit "n", currency: unknown currency "eUR": a currency is ` +
			`an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`},
		rate,
	}, got)
	// The rate alone, in JSON: the same problem.
	cardJSON := strings.Replace(patch(t, opsJSON, `"ops"`, `"n"`), `"successes":80,"trials":100`, `"successes":80,"trials":70`, 1)
	require.NoError(t, r.UnmarshalBinary(unhex(t, "24 01 6e 01 01 61 01"+strings.TrimPrefix(opsForm, "23 03 6f 70 73"))))
	got = cardProblems(r.UnmarshalJSON([]byte(`{"scorecard":` + cardJSON + `,"units":["a"],"combination":"by-sample-size"}`)))
	assert.Equal(t, []cardProblem{rate}, got, "JSON")
	got = cardProblems(r.UnmarshalBinary(unhex(t, "24 01 6e 01 01 61 01"+strings.TrimPrefix(patch(t, opsForm, "02 50 64", "02 50 46"), "23 03 6f 70 73"))))
	assert.Equal(t, []cardProblem{rate}, got, "binary")
}

func binaryFloat(f float64) []byte {
	var b [8]byte
	bits := math.Float64bits(f)
	for i := range b {
		b[i] = byte(bits >> (8 * i))
	}
	return b[:]
}

func mustRollup(t testing.TB, unit string, cards ...Scorecard) Rollup {
	t.Helper()
	r, err := NewRollup(unit, cards)
	require.NoError(t, err)
	return r
}

func TestRollup_Merge(t *testing.T) {
	north := mustRollup(t, "north",
		rateCard("sales", "1000.10", "900.05", "5000", "5600", 780, 1000, 820, 1000),
		rateCard("support", "2000", "1900.5", "0", "0", 300, 500, 310, 500))
	south := mustRollup(t, "south", rateCard("field", "500.25", "480", "100", "120", 40, 50, 45, 50))

	m, err := north.Merge(south)
	require.NoError(t, err)
	c := m.Scorecard()
	assert.Equal(t, "north", c.Unit(), "the receiver's unit")
	assert.Equal(t, []string{"sales", "support", "field"}, m.Units())
	assert.Equal(t, BySampleSize, m.Combination())
	// Cost: 1000.10 + 2000 + 500.25 = 3500.35; 900.05 + 1900.5 + 480 =
	// 3280.55. Revenue: 5000 + 0 + 100 = 5100; 5600 + 0 + 120 = 5720.
	assert.True(t, eur("3500.35").Equal(c.Cost().Baseline))
	assert.True(t, eur("3280.55").Equal(c.Cost().Actual))
	assert.True(t, eur("5100").Equal(c.Revenue().Baseline))
	assert.True(t, eur("5720").Equal(c.Revenue().Actual))
	// Rates pooled: 780 + 300 + 40 = 1120 of 1550; 820 + 310 + 45 = 1175
	// of 1550.
	assert.Equal(t, int64(1120), c.Service().Baseline.Successes())
	assert.Equal(t, int64(1550), c.Service().Baseline.SampleSize())
	assert.Equal(t, int64(1175), c.Service().Actual.Successes())

	// The same as rolling up the three units at once.
	all := mustRollup(t, "north", rateCard("sales", "1000.10", "900.05", "5000", "5600", 780, 1000, 820, 1000),
		rateCard("support", "2000", "1900.5", "0", "0", 300, 500, 310, 500),
		rateCard("field", "500.25", "480", "100", "120", 40, 50, 45, 50))
	assert.True(t, all.Equal(m))

	// The zero Rollup is the identity.
	z, err := Rollup{}.Merge(south)
	require.NoError(t, err)
	assert.True(t, south.Equal(z))
	z, err = south.Merge(Rollup{})
	require.NoError(t, err)
	assert.True(t, south.Equal(z))
	assert.True(t, Rollup{}.Equal(Rollup{}))
	assert.False(t, south.Equal(north))
}

func TestRollup_Merge_errors(t *testing.T) {
	a := mustRollup(t, "a", rateCard("sales", "1", "1", "1", "1", 1, 2, 1, 2))
	usd := MustScorecard(ScorecardSpec{Unit: "us", Period: "2025",
		Cost: Amounts{Baseline: MustMoney("1", "USD"), Actual: MustMoney("1", "USD")}, Revenue: Amounts{Baseline: MustMoney("1", "USD"), Actual: MustMoney("1", "USD")},
		Service: rateCard("x", "1", "1", "1", "1", 1, 2, 1, 2).Service()})
	other := rateCard("q2", "1", "1", "1", "1", 1, 2, 1, 2).Spec()
	other.Period = "2026"
	tests := []struct {
		name    string
		o       Rollup
		wantErr []error
		wantMsg string
		wantIDs []string // in the order the message names them
	}{
		{name: "shared unit", o: mustRollup(t, "b", rateCard("sales", "1", "1", "1", "1", 1, 2, 1, 2)), wantErr: []error{outcome.ErrDuplicateID},
			wantMsg: `triplecrown: unit "sales" is in both roll-ups "a" and "b"`, wantIDs: []string{"sales", "a", "b"}},
		{name: "period", o: mustRollup(t, "b", MustScorecard(other)), wantErr: []error{ErrPeriodMismatch},
			wantMsg: `triplecrown: roll-up "b" is for period "2026", not "2025" like "a"`, wantIDs: []string{"b", "a"}},
		{name: "currency", o: mustRollup(t, "b", usd), wantErr: []error{ErrCurrencyMismatch},
			wantMsg: `triplecrown: currency mismatch: roll-up "b" is in USD but "a" is in EUR`, wantIDs: []string{"b", "a"}},
		{name: "service", o: mustRollup(t, "b", valueCard("v", "1", "1", "1", "1")), wantErr: []error{ErrServiceMismatch},
			wantMsg: `triplecrown: roll-up "b" measures service as "effort index" (lower is better, value), "a" as "first-contact resolution" (higher is better, rate): they cannot be combined`,
			wantIDs: []string{"b", "a"}},
		{name: "all of them", o: mustRollup(t, "b", MustScorecard(ScorecardSpec{Unit: "sales", Period: "2026",
			Cost: usd.Cost(), Revenue: usd.Revenue(), Service: valueCard("v", "1", "1", "1", "1").Service()})),
			wantErr: []error{outcome.ErrDuplicateID, ErrPeriodMismatch, ErrCurrencyMismatch, ErrServiceMismatch}},
		{name: "sample overflow", o: mustRollup(t, "b", rateCard("big", "1", "1", "1", "1", 0, math.MaxInt64, 0, 1)), wantErr: []error{ErrSampleOverflow}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := a.Merge(tt.o)
			assert.True(t, m.IsZero())
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.wantErr), "%v", err)
			for i, want := range tt.wantErr {
				assert.ErrorIs(t, probs[i], want)
			}
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
				assert.Equal(t, tt.wantIDs, probs[0].IDs)
			}
		})
	}
}

// randomCards returns n scorecards of one service kind with random money
// (cents, now and then wider) and measures.
func randomCards(rng *rand.Rand, kind MeasureKind, n int) []Scorecard {
	cards := make([]Scorecard, n)
	for i := range cards {
		sp := ScorecardSpec{Unit: "u" + strconv.Itoa(i), Period: "2025",
			Cost:    Amounts{Baseline: eur(money(rng)), Actual: eur(money(rng))},
			Revenue: Amounts{Baseline: eur(money(rng)), Actual: eur(money(rng))}}
		if rng.IntN(5) == 0 {
			sp.Cost.Actual = eur("1234567890123456789012.345")
		}
		measure := func() Measure {
			switch kind {
			case RateMeasure:
				n := 1 + rng.Int64N(5000)
				return mustMeasure(NewRate(rng.Int64N(n+1), n))
			case MeanMeasure:
				return mustMeasure(NewMean(decimalInt(rng.Int64N(10000)).Shift(-2), rng.Float64()*3, 2+rng.Int64N(500)))
			}
			return mustMeasure(NewWeightedValue(decimalInt(rng.Int64N(10000)).Shift(-3), decimalInt(1+rng.Int64N(300)).Shift(-1)))
		}
		sp.Service = ServiceSpec{Name: "service", Direction: outcome.HigherIsBetter, Baseline: measure(), Actual: measure()}
		cards[i] = MustScorecard(sp)
	}
	return cards
}

// equalUpToSD reports whether two roll-ups are equal, a mean's standard
// deviation within a relative 1e-12.
func equalUpToSD(a, b Rollup) bool {
	if a.Equal(b) {
		return true
	}
	sa, sb := a.card.spec.Service, b.card.spec.Service
	close := func(x, y float64) bool { return math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y)) }
	if !close(sa.Baseline.sd, sb.Baseline.sd) || !close(sa.Actual.sd, sb.Actual.sd) {
		return false
	}
	sa.Baseline.sd, sa.Actual.sd = sb.Baseline.sd, sb.Actual.sd
	a.card.spec.Service = sa
	return a.Equal(b)
}

// TestRollup_Merge_properties: however the units are cut into contiguous
// groups, merging the groups' roll-ups, in order, gives the roll-up of all
// the units (a mean's standard deviation up to float rounding); and every
// group's roll-up survives its binary form, so that merging decoded
// roll-ups gives exactly the merge of the originals.
func TestRollup_Merge_properties(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 4))
	for _, kind := range []MeasureKind{RateMeasure, ValueMeasure, MeanMeasure} {
		for range 40 {
			cards := randomCards(rng, kind, 1+rng.IntN(12))
			want := mustRollup(t, "enterprise", cards...)

			var merged, mergedDecoded Rollup
			for start := 0; start < len(cards); {
				end := start + 1 + rng.IntN(len(cards)-start)
				g := mustRollup(t, "enterprise", cards[start:end]...)
				start = end

				b, err := g.MarshalBinary()
				require.NoError(t, err)
				var d Rollup
				require.NoError(t, d.UnmarshalBinary(b))
				require.True(t, g.Equal(d))
				again, err := d.MarshalBinary()
				require.NoError(t, err)
				require.Equal(t, b, again)

				merged, err = merged.Merge(g)
				require.NoError(t, err)
				mergedDecoded, err = mergedDecoded.Merge(d)
				require.NoError(t, err)
			}
			require.True(t, equalUpToSD(want, merged), "%s: merged roll-ups differ from the roll-up of all", kind)
			require.True(t, merged.Equal(mergedDecoded), "%s: merging decoded roll-ups", kind)
		}
	}
}

// mergeTree merges rs, in order, in a random grouping: cut in two at a
// random place, the merge of the first part's merge with the second's.
func mergeTree(t *testing.T, rng *rand.Rand, rs []Rollup) Rollup {
	t.Helper()
	if len(rs) == 1 {
		return rs[0]
	}
	cut := 1 + rng.IntN(len(rs)-1)
	m, err := mergeTree(t, rng, rs[:cut]).Merge(mergeTree(t, rng, rs[cut:]))
	require.NoError(t, err)
	return m
}

// TestRollup_Merge_anyOrder: the units shuffled, cut into groups, and the
// groups' roll-ups merged one at a time (acc = acc.Merge(next)) or in a
// random tree, give the roll-up of all the cards in the shuffled order
// (a mean's standard deviation up to float rounding), whatever the
// grouping; the first group's roll-up, whose ID the merge takes, is
// "enterprise", the others named for their place.
func TestRollup_Merge_anyOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for _, kind := range []MeasureKind{RateMeasure, ValueMeasure, MeanMeasure} {
		for range 40 {
			cards := randomCards(rng, kind, 1+rng.IntN(30))
			rng.Shuffle(len(cards), func(i, j int) { cards[i], cards[j] = cards[j], cards[i] })
			want := mustRollup(t, "enterprise", cards...)

			var groups []Rollup
			for start := 0; start < len(cards); {
				end := start + 1 + rng.IntN(min(4, len(cards)-start))
				id := "enterprise"
				if start > 0 {
					id = "g" + strconv.Itoa(start)
				}
				groups = append(groups, mustRollup(t, id, cards[start:end]...))
				start = end
			}
			var fold Rollup
			for _, g := range groups {
				var err error
				fold, err = fold.Merge(g)
				require.NoError(t, err)
			}
			require.True(t, equalUpToSD(want, fold), "%s: a fold of %d groups", kind, len(groups))
			tree := mergeTree(t, rng, groups)
			require.True(t, equalUpToSD(want, tree), "%s: a tree of %d groups", kind, len(groups))
			require.True(t, fold.Equal(tree) || kind == MeanMeasure, "%s: exactly the same", kind)
		}
	}
}

// foldPath folds rs into r one at a time, and requires that each merge
// took the fast path (appending to r's list) or the slow one (copying into
// a new list) as fast says.
func foldPath(t *testing.T, r Rollup, fast bool, rs ...Rollup) Rollup {
	t.Helper()
	for _, o := range rs {
		m, err := r.Merge(o)
		require.NoError(t, err)
		require.NotNil(t, m.list)
		require.Equal(t, fast, m.list == r.list, "fast path: %v", fast)
		r, fast = m, true
	}
	return r
}

// TestRollup_Merge_sharedList: roll-ups merged from one another share the
// storage of their units (unitList): a merge into the latest roll-up
// merged from a list (its tip) appends to the list, a merge into any other
// copies it. Whichever way a merge goes, every roll-up keeps its units and
// its sums, those merged from it have theirs, and a shared unit is
// reported, every one in the order of the merged roll-up's units.
func TestRollup_Merge_sharedList(t *testing.T) {
	cards := randomCards(rand.New(rand.NewPCG(3, 1)), RateMeasure, 24)
	groups := make([]Rollup, 8) // 3 cards each, the first "enterprise"
	for i := range groups {
		id := "g" + strconv.Itoa(i)
		if i == 0 {
			id = "enterprise"
		}
		groups[i] = mustRollup(t, id, cards[3*i:3*i+3]...)
	}
	// want is the roll-up of groups gs' cards, in order.
	want := func(gs ...int) Rollup {
		var cs []Scorecard
		for _, g := range gs {
			cs = append(cs, cards[3*g:3*g+3]...)
		}
		return mustRollup(t, "enterprise", cs...)
	}
	// accs[i] is groups 0 to i merged one at a time: the first merge copies
	// (groups[0] has no list), the others append.
	accs := make([]Rollup, 6)
	accs[0] = groups[0]
	for i := 1; i < len(accs); i++ {
		accs[i] = foldPath(t, accs[i-1], i > 1, groups[i])
	}
	forms := make([][]byte, len(accs))
	for i := range accs {
		require.True(t, want(seq(i)...).Equal(accs[i]), "accs[%d]", i)
		var err error
		forms[i], err = accs[i].MarshalBinary()
		require.NoError(t, err)
	}

	// accs[2] was merged into (accs[3]): a merge into it copies, and what
	// is merged into the copy appends to the copy's list.
	b := foldPath(t, accs[2], false, groups[6], groups[7])
	assert.True(t, want(0, 1, 2, 6, 7).Equal(b))
	assert.NotSame(t, accs[2].list, b.list)
	// The tip, twice: the first merge appends, the second copies.
	c1 := foldPath(t, accs[5], true, groups[6])
	c2 := foldPath(t, accs[5], false, groups[7])
	assert.True(t, want(0, 1, 2, 3, 4, 5, 6).Equal(c1))
	assert.True(t, want(0, 1, 2, 3, 4, 5, 7).Equal(c2))

	// Shared units, into the tip (c1, fast) and into a roll-up merged into
	// before (accs[1], slow), from a roll-up of the same list: each unit
	// of o's that r has, in o's order, and the list unchanged.
	units := func(gs ...int) []string {
		var us []string
		for _, g := range gs {
			for _, c := range cards[3*g : 3*g+3] {
				us = append(us, c.Unit())
			}
		}
		return us
	}
	for _, tt := range []struct {
		name string
		r, o Rollup
		dups []string
	}{
		{name: "into the tip", r: c1, o: accs[1], dups: units(0, 1)},
		{name: "into the tip, itself", r: c1, o: c1, dups: units(0, 1, 2, 3, 4, 5, 6)},
		{name: "into an older roll-up", r: accs[1], o: accs[5], dups: units(0, 1)},
		{name: "into a copy's tip", r: b, o: c2, dups: units(0, 1, 2, 7)},
		{name: "into a copy's tip, what the copy took", r: b, o: c1, dups: units(0, 1, 2, 6)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.r.Merge(tt.o)
			assert.True(t, m.IsZero())
			probs := outcome.Problems(err)
			require.Len(t, probs, len(tt.dups), "%v", err)
			for i, u := range tt.dups {
				assert.ErrorIs(t, probs[i], outcome.ErrDuplicateID)
				assert.Equal(t, []string{u, "enterprise", "enterprise"}, probs[i].IDs)
				assert.Equal(t, `triplecrown: unit "`+u+`" is in both roll-ups "enterprise" and "enterprise"`, probs[i].Message)
			}
		})
	}
	// c1 is still the tip of its list: the failed merges appended nothing.
	d := foldPath(t, c1, true, groups[7])
	assert.True(t, want(0, 1, 2, 3, 4, 5, 6, 7).Equal(d))

	// Every roll-up is as it was made.
	for i := range accs {
		assert.True(t, want(seq(i)...).Equal(accs[i]), "accs[%d]", i)
		assert.Equal(t, units(seq(i)...), accs[i].Units(), "accs[%d]", i)
		form, err := accs[i].MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, forms[i], form, "accs[%d]", i)
	}
	assert.True(t, want(0, 1, 2, 6, 7).Equal(b))
	assert.True(t, want(0, 1, 2, 3, 4, 5, 6).Equal(c1))
	assert.True(t, want(0, 1, 2, 3, 4, 5, 7).Equal(c2))
}

// seq returns 0, 1, ..., n.
func seq(n int) []int {
	s := make([]int, n+1)
	for i := range s {
		s[i] = i
	}
	return s
}

// TestRollup_Merge_failedLeavesNoTrace: a merge into the tip of a list
// that fails, for whatever reason, adds none of its units to the list: a
// later merge of them into the tip succeeds, and appends.
func TestRollup_Merge_failedLeavesNoTrace(t *testing.T) {
	tip := foldPath(t, mustRollup(t, "a", rateCard("sales", "1", "1", "1", "1", 1, 2, 1, 2)), false,
		mustRollup(t, "b", rateCard("support", "2", "2", "2", "2", 1, 2, 1, 2)))
	other := rateCard("q2", "1", "1", "1", "1", 1, 2, 1, 2).Spec()
	other.Period = "2026"
	for _, tt := range []struct {
		name    string
		o       Rollup
		wantErr error
	}{
		{name: "period", o: mustRollup(t, "c", MustScorecard(other)), wantErr: ErrPeriodMismatch},
		{name: "sample overflow", o: mustRollup(t, "c", rateCard("big", "1", "1", "1", "1", 0, math.MaxInt64, 0, 1)), wantErr: ErrSampleOverflow},
		{name: "a shared unit after a new one", o: mustRollup(t, "c",
			rateCard("field", "1", "1", "1", "1", 1, 2, 1, 2), rateCard("sales", "1", "1", "1", "1", 1, 2, 1, 2)), wantErr: outcome.ErrDuplicateID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tip.Merge(tt.o)
			require.ErrorIs(t, err, tt.wantErr)
		})
	}
	// q2, big and field, in the period, with sample sizes that fit.
	ok := mustRollup(t, "c", rateCard("q2", "1", "1", "1", "1", 1, 2, 1, 2),
		rateCard("big", "1", "1", "1", "1", 0, 2, 0, 1), rateCard("field", "1", "1", "1", "1", 1, 2, 1, 2))
	m := foldPath(t, tip, true, ok)
	assert.Equal(t, []string{"sales", "support", "q2", "big", "field"}, m.Units())
	assert.Equal(t, []string{"sales", "support"}, tip.Units())
}

// TestRollup_Merge_concurrent: goroutines merging into the same roll-up,
// the tip of its list, at once (two by two the same roll-up), then folding
// more into what they got, while others read it and an older roll-up of
// its list, each get the roll-up of their own units, as if alone; the
// roll-ups they read are unchanged. Run with -race: a merge appends to the
// list the roll-ups share.
func TestRollup_Merge_concurrent(t *testing.T) {
	const workers = 8
	cards := randomCards(rand.New(rand.NewPCG(2, 7)), RateMeasure, 6+workers/2+workers*3)
	// older and tip share a list, tip its tip.
	older := foldPath(t, mustRollup(t, "enterprise", cards[0:2]...), false, mustRollup(t, "g1", cards[2:4]...))
	tip := foldPath(t, older, true, mustRollup(t, "g2", cards[4:6]...))
	olderForm, err := older.MarshalBinary()
	require.NoError(t, err)
	tipForm, err := tip.MarshalBinary()
	require.NoError(t, err)
	// Worker k merges shared[k/2] (pairs of workers the same roll-up),
	// then own[k], three roll-ups of a card each, one at a time.
	shared := make([]Rollup, workers/2)
	for i := range shared {
		shared[i] = mustRollup(t, "s"+strconv.Itoa(i), cards[6+i])
	}
	ownCards := func(k int) []Scorecard { return cards[6+workers/2+3*k : 6+workers/2+3*k+3] }
	own := make([][]Rollup, workers)
	for k := range own {
		for _, c := range ownCards(k) {
			own[k] = append(own[k], mustRollup(t, "w"+strconv.Itoa(k), c))
		}
	}

	got := make([]Rollup, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			r, err := tip.Merge(shared[k/2])
			for _, o := range own[k] {
				if err != nil {
					break
				}
				r, err = r.Merge(o)
			}
			got[k], errs[k] = r, err
		}()
		go func() {
			defer wg.Done()
			for range 20 {
				_ = tip.Units()
				_, _ = older.MarshalBinary()
				_ = tip.Equal(older)
			}
		}()
	}
	wg.Wait()
	for k := range workers {
		require.NoError(t, errs[k], "worker %d", k)
		cs := append(append(slices.Clone(cards[0:6]), cards[6+k/2]), ownCards(k)...)
		assert.True(t, mustRollup(t, "enterprise", cs...).Equal(got[k]), "worker %d", k)
	}
	form, err := tip.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, tipForm, form)
	form, err = older.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, olderForm, form)
}

func TestRollup_MarshalBinary(t *testing.T) {
	r := mustRollup(t, "north", opsCard())
	b, err := r.MarshalBinary()
	require.NoError(t, err)
	// 24, the unit "north", one unit "ops", by sample size (1), then the
	// card's fields after its unit: opsForm from its name on, the card's
	// unit being the roll-up's.
	want := "24 05 6e 6f 72 74 68 01 03 6f 70 73 01" + strings.TrimPrefix(opsForm, "23 03 6f 70 73")
	assert.Equal(t, unhex(t, want), b)

	zero, err := Rollup{}.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, []byte{0x24}, zero)
	got := r
	require.NoError(t, got.UnmarshalBinary(zero))
	assert.True(t, got.IsZero())
}

func TestRollup_UnmarshalBinary_errors(t *testing.T) {
	card := strings.TrimPrefix(opsForm, "23 03 6f 70 73")
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "a Scorecard's form", data: opsForm, wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "no units", data: "24 01 6e 00 01" + card, wantErr: []error{ErrEmptyRollup},
			wantMsg: `triplecrown: roll-up "n" has no units rolled up`},
		{name: "unit twice", data: "24 01 6e 02 01 61 01 61 01" + card, wantErr: []error{outcome.ErrDuplicateID},
			wantMsg: `triplecrown: unit "a" appears twice in roll-up "n"`},
		{name: "invalid unit", data: "24 01 6e 01 01 20 01" + card, wantErr: []error{outcome.ErrEmptyID}},
		{name: "blank roll-up unit", data: "24 01 0a 01 01 61 01" + card, wantErr: []error{outcome.ErrEmptyID}},
		{name: "invalid roll-up unit", data: "24 02 6e 0a 01 01 61 01" + card, wantErr: []error{outcome.ErrInvalidID}},
		// An empty unit, no units: the roll-up is named without one.
		{name: "empty roll-up unit, no units", data: "24 00 00 01" + card, wantErr: []error{outcome.ErrEmptyID, ErrEmptyRollup},
			wantMsg: "triplecrown: a roll-up, unit: empty id\ntriplecrown: a roll-up has no units rolled up"},
		// An empty unit and a bad card: the unit is the roll-up's all the
		// same, and comes first; the card's currency names the scorecard,
		// with no ID, as JSON names a card without a unit.
		{name: "empty roll-up unit, bad card", data: "24 00 01 01 61 01" + patch(t, card, "45 55 52", "65 55 52"),
			wantErr: []error{outcome.ErrEmptyID, ErrUnknownCurrency},
			wantMsg: "triplecrown: a roll-up, unit: empty id\ntriplecrown: a scorecard's currency: unknown currency \"eUR\": a currency is an ISO 4217 code of " +
				"three upper-case letters, such as \"EUR\" (did you mean \"EUR\"?)"},
		{name: "invalid roll-up unit, bad card", data: "24 02 6e 0a 01 01 61 01" + patch(t, card, "45 55 52", "65 55 52"),
			wantErr: []error{outcome.ErrInvalidID, ErrUnknownCurrency}},
		// A rate combined by weight.
		{name: "wrong combination", data: "24 01 6e 01 01 61 02" + card, wantErr: []error{ErrServiceMismatch},
			wantMsg: `triplecrown: roll-up "n" combines a rate service measure by weight`},
		{name: "no such combination", data: "24 01 6e 01 01 61 03" + card, wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Rollup: at byte 7: combination 3"},
		{name: "truncated units", data: "24 01 6e 05 01 61", wantErr: []error{outcome.ErrInvalidBinary}},
		// An actual sd of -0 (see TestScorecard_UnmarshalBinary_errors):
		// not the form, two bytes later than in a scorecard's.
		{name: "sd of -0", data: "24 01 6e 01 01 61 01" + strings.TrimPrefix(measureForm("03 00 02 01 02 00 00 00 00 00 00 00 00",
			"03 00 02 01 02 00 00 00 00 00 00 00 80"), "23 03 6f 70 73"), wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "triplecrown: invalid binary form of a Rollup: at byte 59: actual service standard deviation: not in canonical form: negative zero"},
		// A bad card and a bad unit list: both reported.
		{name: "card and units", data: "24 01 6e 00 01" + patch(t, card, "45 55 52", "65 55 52"), wantErr: []error{ErrUnknownCurrency, ErrEmptyRollup}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRollup(t, "north", opsCard())
			err := r.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr), "%v", err)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			for _, p := range outcome.Problems(err) {
				assert.NotContains(t, p.IDs, "", "no empty ID: %s", p.Message)
			}
			assert.True(t, mustRollup(t, "north", opsCard()).Equal(r), "unchanged")
		})
	}
}
