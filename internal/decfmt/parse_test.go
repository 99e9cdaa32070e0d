package decfmt

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
)

// checkParseAgrees fails t unless Parse, with no bound on the digits and
// decimal's default bound on the exponent, reads text as
// decimal.NewFromString does under decimal's defaults: it accepts exactly
// the text decimal accepts, and gives the same coefficient and exponent. A
// text Parse refuses as out of range is one decimal refuses for its
// exponent only (beyond MaxDecodeExponent or an int32): with an exponent
// of 0 instead, decimal reads it. It must not run while decimal's settings
// are flipped.
func checkParseAgrees(t *testing.T, text string) {
	t.Helper()
	want, werr := decimal.NewFromString(text)
	got, err := Parse(text, AnyDigits, DefaultMaxExponent)
	if (err == nil) != (werr == nil) {
		t.Fatalf("%q: decimal says %v, Parse %v", text, werr, err)
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%q: Parse's error %v is not an *Error", text, err)
		}
		if e.Range {
			mant := text
			if i := strings.IndexAny(text, "eE"); i >= 0 {
				mant = text[:i]
			}
			if _, err := decimal.NewFromString(mant); err != nil {
				t.Fatalf("%q: out of range, but decimal refuses its coefficient %q: %v", text, mant, err)
			}
			if !strings.Contains(werr.Error(), "MaxDecodeExponent") && !strings.Contains(werr.Error(), "fractional part too long") {
				t.Fatalf("%q: out of range, but decimal refuses it for another reason: %v", text, werr)
			}
		}
		return
	}
	if got.Coefficient().Cmp(want.Coefficient()) != 0 || got.Exponent() != want.Exponent() {
		t.Fatalf("%q: decimal reads %s·10^%d, Parse %s·10^%d", text,
			want.Coefficient(), want.Exponent(), got.Coefficient(), got.Exponent())
	}
}

// TestParse_syntax: every text of up to five characters from the
// characters of the syntax (and a few more) is read by Parse as
// decimal.NewFromString reads it, and so are longer forms: more than 18
// digits, which decimal reads through a big.Int, exponents past an int32,
// and what is not the syntax.
func TestParse_syntax(t *testing.T) {
	alphabet := []string{"0", "1", "9", ".", "-", "+", "e", "E", "−", "x"}
	var all func(prefix string, n int)
	all = func(prefix string, n int) {
		checkParseAgrees(t, prefix)
		if n > 0 {
			for _, c := range alphabet {
				all(prefix+c, n-1)
			}
		}
	}
	all("", 5)
	for _, s := range parseSeeds {
		checkParseAgrees(t, s)
	}
}

// parseSeeds are texts beyond the reach of TestParse_syntax's short ones,
// for it and for FuzzParse.
var parseSeeds = []string{
	"12345678901234567890", "-1234567890123456789.5", "+.12345678901234567890", ".-123456789012345678901",
	"1e99999999999", "1e+5", "1e-0005", "0001.000", "1_000", " 1", "1 ", "0x10", "1e5.5", "1ee5",
	"1e2147483648", "1e-2147483649", "1e9223372036854775808", "0e100000000000000000000A", "−1.5e−3", "1.5e3",
	"9e10000", "9e10001", "1e-10000", "1e-10001", "0.5e-9999", "0.5e-10000", "NaN", "Inf", "-0", "1,5", "½",
}

// TestParse: the value of each text, or why it is refused, worked out by
// hand: a coefficient's digits are the text's without the point and the
// leading zeros, and its exponent the text's less the digits after the
// point.
func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		digits    int
		exp       int32
		coef      string // the coefficient wanted, or of an out-of-range error
		wantExp   string // the exponent wanted, or of an out-of-range error
		wantErr   bool   // refused
		wantRange bool   // refused as out of range
		neg       bool
	}{
		{name: "plain", text: "12.50", digits: 4, exp: 2, coef: "1250", wantExp: "-2"},
		{name: "leading zeros do not count", text: "-000012.50", digits: 4, exp: 2, coef: "-1250", wantExp: "-2"},
		{name: "exponent", text: "15e2", digits: 2, exp: 2, coef: "15", wantExp: "2"},
		{name: "point and exponent", text: "1.5E-3", digits: 2, exp: 4, coef: "15", wantExp: "-4"},
		{name: "U+2212 minus", text: "−1.5e−3", digits: 2, exp: 4, coef: "-15", wantExp: "-4"},
		// 19 digits take a big.Int: 10^18 does not hold them.
		{name: "19 digits", text: "-1234567890123456789", digits: 19, exp: 0, coef: "-1234567890123456789", wantExp: "0"},
		// 0.000 is 0·10^-3, one digit.
		{name: "zero keeps its places", text: "0.000", digits: 1, exp: 3, coef: "0", wantExp: "-3"},
		{name: "exactly the bounds", text: "-99.99e32", digits: 4, exp: 30, coef: "-9999", wantExp: "30"},
		{name: "one digit too many", text: "99999", digits: 4, exp: 30, wantErr: true, wantRange: true, coef: "99999", wantExp: "0"},
		// 1.5e-29 is 15·10^-30; 1.5e-30 is 15·10^-31.
		{name: "exponent just within", text: "1.5e-29", digits: 40, exp: 30, coef: "15", wantExp: "-30"},
		{name: "exponent just beyond", text: "-1.5e-30", digits: 40, exp: 30, wantErr: true, wantRange: true, neg: true, coef: "15", wantExp: "-31"},
		{name: "zero beyond", text: "0e20000", digits: 40, exp: 30, wantErr: true, wantRange: true, coef: "0", wantExp: "20000"},
		// 10^9999999999999999999 has an exponent beyond an int64; .5 takes one off.
		{name: "exponent beyond an int64", text: ".5e9999999999999999999", digits: 40, exp: 30, wantErr: true, wantRange: true,
			coef: "5", wantExp: "9999999999999999998"},
		{name: "huge negative exponent", text: "1e-99999999999999999999", digits: 40, exp: 30, wantErr: true, wantRange: true,
			coef: "1", wantExp: "-99999999999999999999"},
		{name: "comma", text: "12,50", digits: 40, exp: 30, wantErr: true},
		{name: "empty", text: "", digits: 40, exp: 30, wantErr: true},
		{name: "two points", text: "1.2.3", digits: 40, exp: 30, wantErr: true},
		{name: "exponent not an integer", text: "1e2.5", digits: 40, exp: 30, wantErr: true},
		{name: "exponent with two signs", text: "1e+-2", digits: 40, exp: 30, wantErr: true},
		{name: "space", text: " 1", digits: 40, exp: 30, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse(tt.text, tt.digits, tt.exp)
			if !tt.wantErr {
				require.NoError(t, err)
				assert.Equal(t, tt.coef, d.Coefficient().String())
				assert.Equal(t, tt.wantExp, big.NewInt(int64(d.Exponent())).String())
				return
			}
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.wantRange, e.Range)
			assert.Equal(t, tt.digits, e.MaxDigits)
			assert.Equal(t, tt.exp, e.MaxExp)
			if tt.wantRange {
				assert.Equal(t, tt.neg, e.Neg)
				assert.Equal(t, tt.coef, e.Coef)
				assert.Equal(t, len(tt.coef), e.NumDigits())
				assert.Equal(t, tt.wantExp, e.Exponent)
			}
		})
	}
}

// TestError_messages pins the two messages; a long exponent is cut.
func TestError_messages(t *testing.T) {
	_, err := Parse("x", 40, 30)
	assert.EqualError(t, err, "decfmt: not a decimal number")
	_, err = Parse("-12e31", 40, 30)
	assert.EqualError(t, err, "decfmt: a decimal with 2 digits and exponent 31 is out of range (at most 40 digits, exponent within ±30)")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "a decimal with at most 40 digits and an exponent within ±30", e.Want())
	_, _, err = ParseJSON([]byte(`"1e-10001"`), AnyDigits, DefaultMaxExponent)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "a decimal with an exponent within ±10000", e.Want())
	_, _, err = ParseJSON([]byte(`true`), AnyDigits, DefaultMaxExponent)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "a decimal string or a number", e.Want())
	_, err = Parse("1e"+strings.Repeat("9", 30), 40, 30)
	assert.EqualError(t, err, "decfmt: a decimal with 1 digits and exponent "+strings.Repeat("9", 24)+
		"... is out of range (at most 40 digits, exponent within ±30)")
}

// TestParse_ignoresMaxDecodeExponent: with decimal.MaxDecodeExponent set to
// 10, decimal.NewFromString refuses exponents from 11 to 30 either way,
// and Parse reads them as it does under the defaults: 7·10^e.
func TestParse_ignoresMaxDecodeExponent(t *testing.T) {
	dectest.FlipSettings(t)
	for e := int32(11); e <= 30; e++ {
		for _, exp := range []int32{e, -e} {
			text := "7e" + big.NewInt(int64(exp)).String()
			_, err := decimal.NewFromString(text)
			assert.Error(t, err, "%s: decimal refuses it", text)
			d, err := Parse(text, 40, 30)
			if assert.NoError(t, err, text) {
				assert.Equal(t, int64(7), d.CoefficientInt64(), text)
				assert.Equal(t, exp, d.Exponent(), text)
			}
			d, present, err := ParseJSON([]byte(`"`+text+`"`), AnyDigits, DefaultMaxExponent)
			if assert.NoError(t, err, text) && assert.True(t, present) {
				assert.Equal(t, int64(7), d.CoefficientInt64(), text)
				assert.Equal(t, exp, d.Exponent(), text)
			}
		}
	}
}

// TestParseJSON: a JSON string's text and a JSON number's are read as
// Parse reads them; absent and null are not present; anything else is not
// a decimal.
func TestParseJSON(t *testing.T) {
	tests := []struct {
		name      string
		raw       string
		want      string // the decimal, as coefficient "e" exponent
		absent    bool
		wantErr   bool
		wantRange bool
	}{
		{name: "string", raw: `"12.50"`, want: "1250e-2"},
		{name: "number", raw: `-2.5e-25`, want: "-25e-26"},
		{name: "white space", raw: " \t\"3\"\n", want: "3e0"},
		// \u0031 is "1".
		{name: "escape", raw: `"\u0031.5"`, want: "15e-1"},
		{name: "absent", raw: ``, absent: true},
		{name: "null", raw: `null`, absent: true},
		{name: "empty string", raw: `""`, wantErr: true},
		{name: "not a decimal", raw: `"x"`, wantErr: true},
		{name: "true", raw: `true`, wantErr: true},
		{name: "object", raw: `{}`, wantErr: true},
		{name: "out of range", raw: `"1e10001"`, wantErr: true, wantRange: true},
		{name: "number out of range", raw: `1e-10001`, wantErr: true, wantRange: true},
		{name: "malformed string", raw: `"1`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, present, err := ParseJSON([]byte(tt.raw), AnyDigits, DefaultMaxExponent)
			assert.Equal(t, !tt.absent, present)
			switch {
			case tt.wantErr:
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.wantRange, e.Range)
			case tt.absent:
				require.NoError(t, err)
				assert.True(t, d.IsZero())
			default:
				require.NoError(t, err)
				assert.Equal(t, tt.want, d.Coefficient().String()+"e"+big.NewInt(int64(d.Exponent())).String())
			}
		})
	}
}

// FuzzParse: Parse, with no bound on the digits and decimal's default
// bound on the exponent, accepts exactly the text decimal.NewFromString
// accepts under decimal's defaults, with the same coefficient and exponent
// (see checkParseAgrees); and with bounds of its own, it accepts what it
// accepts unbounded that is within them.
func FuzzParse(f *testing.F) {
	for _, s := range append(parseSeeds, "1234.50", "-3", "12,50", "0.000", "−7") {
		f.Add(s, uint8(40), int32(30))
	}
	f.Fuzz(func(t *testing.T, text string, digits uint8, exp int32) {
		if len(text) > 200 {
			return
		}
		checkParseAgrees(t, text)
		exp %= DefaultMaxExponent + 1
		if exp < 0 {
			exp = -exp
		}
		want, werr := Parse(text, AnyDigits, DefaultMaxExponent)
		got, err := Parse(text, int(digits), exp)
		within := werr == nil && want.NumDigits() <= int(digits) && -exp <= want.Exponent() && want.Exponent() <= exp
		if (err == nil) != within {
			t.Fatalf("%q within %d digits and ±%d: %v", text, digits, exp, err)
		}
		if err == nil && (got.Coefficient().Cmp(want.Coefficient()) != 0 || got.Exponent() != want.Exponent()) {
			t.Fatalf("%q within %d digits and ±%d: %s·10^%d, unbounded %s·10^%d", text, digits, exp,
				got.Coefficient(), got.Exponent(), want.Coefficient(), want.Exponent())
		}
	})
}
