// Package msg holds what every package of the module needs to write the
// messages of its errors: how to clip the user's text they quote, so that a
// message has a bounded length whatever the input.
package msg

import "unicode/utf8"

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
