package decfmt

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// DefaultMaxExponent is decimal's default MaxDecodeExponent, 10000: the
// exponent, either way, beyond which decimal.NewFromString (and so decimal's
// UnmarshalJSON) refuses a text while that setting is left alone. A decoder
// of the module that read its decimals with decimal, and had no bound of its
// own, keeps this one with [Parse], so that what it accepts is what it
// accepted under decimal's defaults, whatever the setting says now.
const DefaultMaxExponent = 10000

// AnyDigits, passed to [Parse] as maxDigits, puts no bound on the number of
// a decimal's digits: only the length of the text does.
const AnyDigits = int(^uint(0) >> 1)

// Error is the error of [Parse]: text that is not a decimal number in
// Parse's syntax, or, with Range set, one whose decimal is beyond the bounds
// it was given, with the decimal's parts for the caller's message. Parse
// builds no decimal for it, however large its exponent.
type Error struct {
	// Range is true if the text is a decimal number beyond the bounds,
	// false if it is not a decimal number.
	Range bool
	// Neg reports whether the decimal's sign is a minus, and Coef holds its
	// coefficient's significant digits (the text's digits without the point
	// and the leading zeros, "0" for zero); only if Range.
	Neg  bool
	Coef string
	// Exponent is the decimal's exponent in full, exact even where it is
	// beyond an int64 ("-3", "99999999999999999999"); only if Range.
	Exponent string
	// MaxDigits and MaxExp are the bounds that Parse was given.
	MaxDigits int
	MaxExp    int32
}

// Error implements error. It quotes none of the text: a caller that reports
// the error quotes as much of it as its messages allow.
func (e *Error) Error() string {
	if !e.Range {
		return "decfmt: not a decimal number"
	}
	exp := e.Exponent
	if len(exp) > 24 {
		exp = exp[:24] + "..."
	}
	return "decfmt: a decimal with " + strconv.Itoa(e.NumDigits()) + " digits and exponent " + exp +
		" is out of range (at most " + strconv.Itoa(e.MaxDigits) + " digits, exponent within ±" +
		strconv.Itoa(int(e.MaxExp)) + ")"
}

// Want says what a JSON value must be that [ParseJSON] refused with e, in
// the words of the module's messages ("<where> must be <Want>, not <what it
// is>"): "a decimal string or a number" for one that is not a decimal
// number, and for one out of range "a decimal with an exponent within
// ±10000", with "at most 40 digits and" before "an exponent" when the
// digits are bounded (by anything but [AnyDigits]).
func (e *Error) Want() string {
	if !e.Range {
		return "a decimal string or a number"
	}
	digits := ""
	if e.MaxDigits != AnyDigits {
		digits = "at most " + strconv.Itoa(e.MaxDigits) + " digits and "
	}
	return "a decimal with " + digits + "an exponent within ±" + strconv.Itoa(int(e.MaxExp))
}

// NumDigits returns the number of the decimal's digits, as
// decimal.Decimal.NumDigits counts them (zero has one): len(e.Coef).
func (e *Error) NumDigits() int { return len(e.Coef) }

// Parse returns the decimal that text stands for, with its coefficient and
// exponent as written ("1.50" is 150·10^-2, "15e2" is 15·10^2), if the
// coefficient has at most maxDigits significant digits (zero has one; pass
// [AnyDigits] for no bound) and the exponent is within ±maxExp (maxExp at
// most 2^31-1, decimal's int32). It reads no package-level setting of
// decimal: the bounds given decide, whatever decimal.MaxDecodeExponent says.
//
// Its syntax is decimal.NewFromString's (shopspring/decimal v1.6.0): an
// optional sign, "+" or "-", then digits with at most one point among them
// (at least one digit: "12.50", "-.5", "+3."), then optionally "e" or "E"
// and an exponent, an integer with an optional sign ("1.5e-3", "2E+04"); a
// minus sign may also be U+2212 ("−1.5", "1e−3"), which decimal accepts too.
// No space, underscore, second point or hexadecimal is accepted, nor "NaN"
// or "Inf". With maxDigits [AnyDigits] and maxExp [DefaultMaxExponent], it
// accepts exactly the text decimal.NewFromString accepts under decimal's
// defaults, and gives the same coefficient and exponent.
//
// Text that is not in the syntax is an *[Error] without Range; text in the
// syntax whose decimal is beyond the bounds, such as "1e999999999" or
// "0e20000", however far beyond, one with Range, checked from the text's
// digits and exponent before any decimal is built. Its cost is linear in
// the length of text (a big.Int is built for more than 18 digits), whatever
// the exponent says.
func Parse(text string, maxDigits int, maxExp int32) (decimal.Decimal, error) {
	p, ok := scan(text)
	if !ok {
		return decimal.Decimal{}, &Error{MaxDigits: maxDigits, MaxExp: maxExp}
	}
	if err := p.check(maxDigits, maxExp); err != nil {
		return decimal.Decimal{}, err
	}
	return p.decimal(), nil
}

// ParseJSON returns the decimal of a JSON value as decimal's UnmarshalJSON
// reads it under decimal's defaults, but with [Parse] and the bounds given,
// and with present false for a value that is absent (raw empty) or null,
// which leave a decoded field as it was, as decimal's UnmarshalJSON does:
// the text of a JSON string (a JSON escape, such as \u0031 for "1", is read
// as the character it stands for: decimal would refuse it), or of a JSON
// number, read exactly, never through a float64. Any other JSON value (true,
// an object, an array) is an *[Error] without Range, as is text that Parse
// refuses; one out of range has Range.
func ParseJSON(raw []byte, maxDigits int, maxExp int32) (d decimal.Decimal, present bool, err error) {
	raw = trimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return decimal.Decimal{}, false, nil
	case raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return decimal.Decimal{}, true, &Error{MaxDigits: maxDigits, MaxExp: maxExp}
		}
		d, err = Parse(s, maxDigits, maxExp)
		return d, true, err
	case raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9':
		d, err = Parse(string(raw), maxDigits, maxExp)
		return d, true, err
	}
	return decimal.Decimal{}, true, &Error{MaxDigits: maxDigits, MaxExp: maxExp}
}

// trimSpace drops JSON's white space from both ends of raw.
func trimSpace(raw []byte) []byte {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	for len(raw) > 0 && isSpace(raw[0]) {
		raw = raw[1:]
	}
	for len(raw) > 0 && isSpace(raw[len(raw)-1]) {
		raw = raw[:len(raw)-1]
	}
	return raw
}

// parts is decimal text taken apart by [scan]: the sign, the coefficient's
// digits (the text's, without the point and the leading zeros: "" for zero)
// and the exponent, which is only a bound when huge.
type parts struct {
	neg    bool
	digits string
	exp    int64
	huge   bool   // the exponent is beyond ±2^62: exp is not it
	expTxt string // the text of the exponent, if huge
	places int    // the digits after the point, if huge
}

// scan takes text apart in [Parse]'s syntax. It reports false for text that
// is not in it. Its cost is linear in the length of text, whatever the
// exponent says.
func scan(text string) (parts, bool) {
	var p parts
	s := strings.ReplaceAll(text, "\u2212", "-")
	mant, expText, hasExp := s, "", false
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, expText, hasExp = s[:i], s[i+1:], true
	}
	if mant != "" && (mant[0] == '+' || mant[0] == '-') {
		p.neg, mant = mant[0] == '-', mant[1:]
	}
	point, n := -1, 0
	for i := 0; i < len(mant); i++ {
		switch c := mant[i]; {
		case '0' <= c && c <= '9':
			n++
		case c == '.' && point < 0:
			point = i
		default:
			return parts{}, false
		}
	}
	if n == 0 {
		return parts{}, false
	}
	places := 0
	if point >= 0 {
		places = len(mant) - point - 1
		mant = mant[:point] + mant[point+1:]
	}
	p.digits = strings.TrimLeft(mant, "0")
	if hasExp {
		digits := strings.TrimPrefix(strings.TrimPrefix(expText, "+"), "-")
		if len(expText)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
			return parts{}, false
		}
		// An integer: ParseInt fails only for one too large for an int64.
		if e, err := strconv.ParseInt(expText, 10, 64); err == nil && -1<<62 <= e && e <= 1<<62 {
			p.exp = e
		} else {
			p.huge, p.expTxt, p.places = true, expText, places
			return p, true
		}
	}
	p.exp -= int64(places)
	return p, true
}

// check returns the *[Error] with Range of p if its decimal is beyond the
// bounds, or nil.
func (p parts) check(maxDigits int, maxExp int32) error {
	n := max(len(p.digits), 1) // zero has one digit, as decimal counts it
	if !p.huge && -int64(maxExp) <= p.exp && p.exp <= int64(maxExp) && n <= maxDigits {
		return nil
	}
	exp := strconv.FormatInt(p.exp, 10)
	if p.huge {
		e, _ := new(big.Int).SetString(strings.TrimPrefix(p.expTxt, "+"), 10) // an integer: scan checked
		exp = e.Sub(e, big.NewInt(int64(p.places))).String()
	}
	coef := p.digits
	if coef == "" {
		coef = "0"
	}
	return &Error{Range: true, Neg: p.neg, Coef: coef, Exponent: exp, MaxDigits: maxDigits, MaxExp: maxExp}
}

// maxCompactDigits is the most digits a coefficient may have to be built in
// an int64: 10^18 - 1 fits, 10^19 - 1 does not.
const maxCompactDigits = 18

// decimal returns the decimal p stands for, which is within bounds (its
// exponent an int32): in an int64 if its coefficient has at most 18
// digits, else in a big.Int.
func (p parts) decimal() decimal.Decimal {
	if len(p.digits) <= maxCompactDigits {
		var c int64
		for i := 0; i < len(p.digits); i++ {
			c = c*10 + int64(p.digits[i]-'0')
		}
		if p.neg {
			c = -c
		}
		return decimal.New(c, int32(p.exp))
	}
	c, _ := new(big.Int).SetString(p.digits, 10) // digits only: scan checked
	if p.neg {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, int32(p.exp))
}
