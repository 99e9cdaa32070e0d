// Package words matches the names people write for the module's enums (a
// crown, a verdict, a roll-up method) against the names the module writes.
package words

import "strings"

// Same reports whether text is name but for case, surrounding white space,
// and a hyphen in place of a space or the other way round. name is the
// module's own: lower-case ASCII words joined by single spaces or hyphens
// ("triple crown", "trade-off"). So "Triple-Crown", " trade off " and
// "WEIGHTED SUM" match; "triple  crown" and "tradeoff" do not.
func Same(text, name string) bool {
	text = strings.TrimSpace(text)
	if len(text) != len(name) {
		return false
	}
	for i := range len(text) {
		c, n := text[i], name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '-' {
			c = ' '
		}
		if n == '-' {
			n = ' '
		}
		if c != n {
			return false
		}
	}
	return true
}
