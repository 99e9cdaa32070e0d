package render

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEscape pins how each format writes hostile text. Each expected value
// is written out from the rules of escape.go: Mermaid's entity codes are the
// characters' code points in decimal ('"' is 34, '#' 35, '%' 37, '&' 38,
// ':' 58, '<' 60, '>' 62, '`' 96), a control picture is U+2400 plus the
// control's code (U+2421 for DEL), and Mermaid's marks are broken by a word
// joiner, U+2060.
func TestEscape(t *testing.T) {
	tests := []struct {
		name, in                     string
		mermaid, dot, markdown, text string
	}{
		{"plain", "Answer call",
			"Answer call", "Answer call", "Answer call", "Answer call"},
		{"quotes", `Say "hi"`,
			"Say #34;hi#34;", `Say \"hi\"`, `Say "hi"`, `Say "hi"`},
		{"mermaid punctuation", "Q1: 80% #1",
			"Q1#58; 80#37; #35;1", "Q1: 80% #1", "Q1: 80% #1", "Q1: 80% #1"},
		{"html", "<b>&amp;</b>",
			"#60;b#62;#38;amp;#60;/b#62;", "<b>&amp;amp;</b>", `\<b>\&amp;\</b>`, "<b>&amp;</b>"},
		{"backtick backslash pipe", "a`b\\c|d",
			"a#96;b\\c|d", "a`b\\\\c|d", "a\\`b\\\\c\\|d", "a`b\\c|d"},
		{"markdown syntax", "*x* _y_ [z](u) ~w~ $m$",
			"*x* _y_ [z](u) ~w~ $m$", "*x* _y_ [z](u) ~w~ $m$", `\*x\* \_y\_ \[z\](u) \~w\~ \$m\$`, "*x* _y_ [z](u) ~w~ $m$"},
		{"line breaks", "a\nb\r\nc\rd\u2028e\u2029f",
			"a<br>b<br>c<br>d<br>e<br>f", `a\nb\nc\nd\ne\nf`, "a<br>b<br>c<br>d<br>e<br>f", "a␤b␤c␤d␤e␤f"},
		{"controls", "a\tb\x00c\x1fd\x7fe\u0085f\u0090g",
			"a b␀c␟d␡e<br>f\uFFFDg", "a b␀c␟d␡e\\nf\uFFFDg", "a b␀c␟d␡e<br>f\uFFFDg", "a␉b␀c␟d␡e␤f\uFFFDg"},
		{"invalid UTF-8", "a\xffb\xc3",
			"a\uFFFDb\uFFFD", "a\uFFFDb\uFFFD", "a\uFFFDb\uFFFD", "a\uFFFDb\uFFFD"},
		{"mermaid's entity marks", "ﬂ°°35¶ß",
			"ﬂ\u2060°°35¶\u2060ß", "ﬂ°°35¶ß", "ﬂ°°35¶ß", "ﬂ°°35¶ß"},
		{"graphviz escapes", `\N \l \G`,
			`\N \l \G`, `\\N \\l \\G`, `\\N \\l \\G`, `\N \l \G`},
		{"style line", "style x:#f00;",
			"style x#58;#35;f00;", "style x:#f00;", "style x:#f00;", "style x:#f00;"},
		{"comparison", "p < 0.05 & q > 1 <",
			"p #60; 0.05 #38; q #62; 1 #60;", "p < 0.05 &amp; q > 1 <", "p < 0.05 & q > 1 <", "p < 0.05 & q > 1 <"},
		{"unicode", "日本 – é",
			"日本 – é", "日本 – é", "日本 – é", "日本 – é"},
		{"empty", "", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.mermaid, string(appendMermaid(nil, tt.in)), "mermaid")
			assert.Equal(t, tt.dot, string(appendDOT(nil, tt.in)), "dot")
			assert.Equal(t, tt.markdown, string(appendMarkdown(nil, tt.in)), "markdown")
			assert.Equal(t, tt.text, string(appendText(nil, tt.in)), "text")
		})
	}
}

func TestAppendMicro(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{1_000_000, "1"},
		{400_000, "0.4"},
		{2_500_000, "2.5"},
		{1, "0.000001"},
		{123_456_789, "123.456789"},
		{1_000_000_000_000_000_000, "1000000000000"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(appendMicro(nil, tt.in)), "%d", tt.in)
	}
}

// TestAppendDOTLong pins where a long label is cut into quoted pieces joined
// by `" + "`: before the escaped form of the rune that would take the open
// piece past 8,192 bytes, so that a piece holds at most 8,192 bytes and
// never ends inside a character, an escape or an entity.
func TestAppendDOTLong(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	const join = `" + "`
	tests := []struct {
		name, in, want string
	}{
		// 8,192 bytes fit one piece; one more starts a second.
		{"exactly one piece", x(8192), x(8192)},
		{"one byte over", x(8193), x(8192) + join + "x"},
		// 20,000 = 8,192 + 8,192 + 3,616.
		{"three pieces", x(20000), x(8192) + join + x(8192) + join + x(3616)},
		// 8,191 + 2 (\") = 8,193: the escape moves to the next piece whole.
		{"escaped quote", x(8191) + `"`, x(8191) + join + `\"`},
		{"escaped backslash", x(8191) + `\`, x(8191) + join + `\\`},
		// 8,190 + 3 (日) = 8,193.
		{"three-byte rune", x(8190) + "日", x(8190) + join + "日"},
		// 8,188 + 5 (&amp;) = 8,193.
		{"entity", x(8188) + "&", x(8188) + join + "&amp;"},
		// 8,190 + 2 (\n) = 8,192 fits; the next rune does not.
		{"line break fits", x(8190) + "\ny", x(8190) + `\n` + join + "y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, string(appendDOT(nil, tt.in)))
		})
	}
	// A piece is counted from where appendDOT starts writing, not from the
	// start of dst.
	assert.Equal(t, `label="`+x(8192), string(appendDOT([]byte(`label="`), x(8192))))
}
