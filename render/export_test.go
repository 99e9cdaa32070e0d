package render

import "strings"

// Shown is what a diagram or a table shows of s, by the rules of escape.go,
// written out again independently of them: the text with its line breaks as
// lineBreak, its tabs as tab, other controls as their control pictures and
// invalid bytes and C1 controls as U+FFFD. The tests compare decoded output
// with it.
func Shown(s, lineBreak, tab string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s { // an invalid byte is utf8.RuneError, U+FFFD
		switch {
		case r == '\n', r == '\r', r == 0x85, r == 0x2028, r == 0x2029:
			b.WriteString(lineBreak)
		case r == '\t':
			b.WriteString(tab)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		case r >= 0x80 && r < 0xa0:
			b.WriteRune(0xFFFD)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// BareMermaid and BareDOT are the diagrams as drawn before session 8 (see
// bare_test.go), the reference of TestDiagramMatchesBare and the baseline of
// the benchmarks.
var (
	BareMermaid = bareMermaid
	BareDOT     = bareDOT
)
