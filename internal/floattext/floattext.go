// Package floattext tells whether a float64 holds the number that its text
// wrote, for the few float64 inputs of the module (a standard deviation, a
// significance level), which strconv.ParseFloat and encoding/json read with
// no error when the number is too small for a float64: "1e-400" reads as 0,
// and "1e-320" as a subnormal float64, with fewer significant bits than
// any normal one (9.99988671826831e-321), so neither is the number written
// to within a float64's rounding.
package floattext

import "math"

// MinNormal is the smallest positive normal float64, 2^-1022, about
// 2.2250738585072014e-308.
const MinNormal = 0x1p-1022

// MinNormalText is [MinNormal] as messages write it.
const MinNormalText = "2.2250738585072014e-308"

// ReadsAsZero says, in the words every package of the module uses, why a
// number written too small for a float64 to hold ("1e-400"), which reads
// as 0, is refused: "it is too small to hold, and reads as 0".
const ReadsAsZero = "it is too small to hold, and reads as 0"

// Underflows reports whether f, a float64 that is not NaN, does not hold
// the number text wrote to within a float64's rounding because that number
// is too small: f is subnormal (not zero, and smaller in magnitude than
// [MinNormal]), or f is zero but text writes a number that is not (a digit
// of its mantissa is not 0: "1e-400", "-0.001e-330"). text is the number as
// strconv.ParseFloat reads it (decimal, or hexadecimal with a "0x" prefix
// and a "p" exponent) or as JSON writes it, and may be "" for a float64
// given as one, not read from text, which is then judged by f alone: a
// subnormal one underflows.
func Underflows(text string, f float64) bool {
	if f != 0 {
		return math.Abs(f) < MinNormal
	}
	return nonZero(text)
}

// nonZero reports whether text, a number's text, has a digit in its
// mantissa that is not 0.
func nonZero(text string) bool {
	s := text
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	hex := len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
	if hex {
		s = s[2:]
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '1' <= c && c <= '9':
			return true
		case hex && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F'):
			return true
		case !hex && (c == 'e' || c == 'E'), hex && (c == 'p' || c == 'P'):
			return false
		}
	}
	return false
}

// Negative reports whether the number text wrote, read as f, is below 0:
// f is, or f is -0 and text writes a number that is not zero ("-1e-400").
func Negative(text string, f float64) bool {
	return f < 0 || f == 0 && math.Signbit(f) && nonZero(text)
}
