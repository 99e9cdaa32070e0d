// Package msg holds what every package of the module needs to write the
// messages of its errors: how to clip the user's text they quote, so that a
// message has a bounded length whatever the input.
package msg

import (
	"strconv"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/shopspring/decimal"
)

// MaxQuoted is the most bytes of a piece of user text (an ID, a name, a
// value) that a message quotes.
const MaxQuoted = 64

// Clip returns s if it has at most n bytes, or else its first n bytes or
// fewer, cut on a rune boundary, followed by "...". It backs up over at most
// [utf8.UTFMax]-1 continuation bytes, so that text that is not UTF-8 at all
// is still cut near n and never below n-3 bytes.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n < 0 {
		n = 0
	}
	cut := n
	for back := 0; back < utf8.UTFMax-1 && cut > 0 && !utf8.RuneStart(s[cut]); back++ {
		cut--
	}
	return s[:cut] + "..."
}

// Decimal returns d as a message writes it: in full ("12.5", "0.001") when
// that takes at most [MaxQuoted] bytes, or else as its coefficient, clipped
// to MaxQuoted bytes, and its exponent ("1e3000000"), so that a message about
// a decimal that is out of range stays short, and quick to write, whatever
// its exponent. [decimal.Decimal.String] would write every zero. The full form
// is [decfmt.String]'s, so it is the same whatever decimal's package-level
// settings say.
func Decimal(d decimal.Decimal) string {
	exp := int64(d.Exponent())
	switch {
	case d.IsZero():
		return "0"
	case max(exp, -exp)+int64(d.NumDigits())+2 <= MaxQuoted:
		return decfmt.String(d)
	}
	return Clip(d.Coefficient().String(), MaxQuoted) + "e" + strconv.FormatInt(exp, 10)
}
