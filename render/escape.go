package render

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// User text (node names and IDs, unit names, finding messages) reaches the
// output only through the functions of this file, each of which escapes it
// for one syntax. They share one reading of the text, [scan], so that every
// format treats line breaks, control characters and invalid UTF-8 alike:
//
//   - a line break ("\n", "\r\n", a lone "\r", U+0085, U+2028, U+2029) is a
//     line break in a diagram's label and in a Markdown cell, and the symbol
//     U+2424 (␤) in plain text;
//   - a tab is a space, except in plain text, where it is U+2409 (␉);
//   - any other control character is shown by its Unicode control picture,
//     U+2400 to U+241F (␀ to ␟) and U+2421 (␡) for DEL, and a C1 control
//     (U+0080 to U+009F) by U+FFFD (�);
//   - a byte that is not valid UTF-8 is U+FFFD.
//
// So the output is always valid UTF-8 and has no control characters but the
// line ends the renderer writes itself.

// textKind is what [scan] found at a position of a text.
type textKind uint8

const (
	kindPlain textKind = iota // a printable rune, to be escaped by the format
	kindBreak                 // a line break
	kindTab                   // a tab
	kindShown                 // a control or an invalid byte, shown as the rune returned
)

// scan reads the rune of s at byte i, and returns what it is, the rune (or
// the rune that shows it, for kindShown), and how many bytes it takes.
func scan(s string, i int) (textKind, rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c == '\n':
			return kindBreak, '\n', 1
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return kindBreak, '\n', 2
			}
			return kindBreak, '\n', 1
		case c == '\t':
			return kindTab, '\t', 1
		case c < 0x20:
			return kindShown, 0x2400 + rune(c), 1
		case c == 0x7f:
			return kindShown, 0x2421, 1
		}
		return kindPlain, rune(c), 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		return kindShown, utf8.RuneError, 1
	case r == 0x85, r == 0x2028, r == 0x2029:
		return kindBreak, '\n', size
	case r < 0xa0:
		return kindShown, utf8.RuneError, size
	}
	return kindPlain, r, size
}

// appendEntity appends Mermaid's numeric entity code for r, "#34;" for '"'.
func appendEntity(dst []byte, r rune) []byte {
	dst = append(dst, '#')
	dst = strconv.AppendInt(dst, int64(r), 10)
	return append(dst, ';')
}

// appendMermaid appends s escaped for a Mermaid label in double quotes. The
// characters that Mermaid's parser or its HTML labels give a meaning ('"',
// '#', '&', '<', '>', '`', '%', ':') become numeric entity codes ("#34;"),
// which Mermaid shows as the character; a line break is "<br>". Mermaid
// marks entities internally with "ﬂ°" and "¶ß", and reads them back from the
// text it shows, so a user's 'ﬂ' or '¶' is followed by an invisible word
// joiner (U+2060), which keeps it from forming a mark.
//
// ':' is escaped because Mermaid's preprocessor rewrites any line with "style"
// (or "classDef") followed by a ':', a '#' and a ';', which a label could
// otherwise spell.
func appendMermaid(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k, r, size := scan(s, i)
		switch k {
		case kindPlain:
			switch r {
			case '"', '#', '&', '<', '>', '`', '%', ':':
				dst = appendEntity(dst, r)
			case 'ﬂ', '¶':
				dst = append(dst, s[i:i+size]...)
				dst = utf8.AppendRune(dst, 0x2060)
			default:
				dst = append(dst, s[i:i+size]...)
			}
		case kindBreak:
			dst = append(dst, "<br>"...)
		case kindTab:
			dst = append(dst, ' ')
		default:
			dst = utf8.AppendRune(dst, r)
		}
		i += size
	}
	return dst
}

// dotPiece is the most bytes appendDOT writes in one quoted string.
// Graphviz's reader refuses a quoted string with more than 16,384 bytes in a
// row free of escapes ("longer than 16384?"), so a longer label is written
// as several quoted strings joined with DOT's concatenation, "…" + "…", each
// at most half that long.
const dotPiece = 8192

// dotJoin ends one quoted piece of a label and opens the next.
const dotJoin = `" + "`

// appendDOT appends s escaped for a Graphviz label in double quotes: '"'
// and '\' are escaped with a backslash (so that Graphviz's label escapes,
// "\N", "\l" and the like, never arise from user text), '&' becomes "&amp;"
// (Graphviz reads entities in labels), and a line break is "\n". Where the
// escaped text would pass [dotPiece] bytes, the quoted string is closed and
// a new one opened after a '+' ([dotJoin]), between the escaped forms of two
// runes, so that a piece never ends inside a UTF-8 character, between a
// backslash and what it escapes, or inside "&amp;". The caller writes the
// opening and the closing quote, and nothing else into the string.
func appendDOT(dst []byte, s string) []byte {
	piece := len(dst) // where the open piece's text starts
	for i := 0; i < len(s); {
		k, r, size := scan(s, i)
		at := len(dst)
		switch k {
		case kindPlain:
			switch r {
			case '"', '\\':
				dst = append(dst, '\\', byte(r))
			case '&':
				dst = append(dst, "&amp;"...)
			default:
				dst = append(dst, s[i:i+size]...)
			}
		case kindBreak:
			dst = append(dst, '\\', 'n')
		case kindTab:
			dst = append(dst, ' ')
		default:
			dst = utf8.AppendRune(dst, r)
		}
		if len(dst)-piece > dotPiece {
			dst = slices.Insert(dst, at, []byte(dotJoin)...)
			piece = at + len(dotJoin)
		}
		i += size
	}
	return dst
}

// appendMarkdown appends s escaped for a cell of a GitHub-flavoured Markdown
// table: the ASCII punctuation that Markdown would read as syntax there
// ('\\', '|', '`', '*', '_', '[', ']', '~', '$', and '<' and '&' unless a
// space or the end follows, since only then can they open a tag, an autolink
// or an entity) is escaped with a backslash, so that the cell shows the text
// as it is; a line break is "<br>". A '>' needs no escape: it means something
// only at the start of a line, or closing a tag that an escaped '<' cannot
// open.
func appendMarkdown(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k, r, size := scan(s, i)
		switch k {
		case kindPlain:
			switch r {
			case '<', '&':
				if i+1 < len(s) && s[i+1] != ' ' {
					dst = append(dst, '\\')
				}
				dst = append(dst, byte(r))
			case '\\', '|', '`', '*', '_', '[', ']', '~', '$':
				dst = append(dst, '\\', byte(r))
			default:
				dst = append(dst, s[i:i+size]...)
			}
		case kindBreak:
			dst = append(dst, "<br>"...)
		case kindTab:
			dst = append(dst, ' ')
		default:
			dst = utf8.AppendRune(dst, r)
		}
		i += size
	}
	return dst
}

// appendText appends s for a cell of a plain-text table, on one line: a line
// break is U+2424 (␤) and a tab U+2409 (␉).
func appendText(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		k, r, size := scan(s, i)
		switch k {
		case kindPlain:
			dst = append(dst, s[i:i+size]...)
		case kindBreak:
			dst = utf8.AppendRune(dst, 0x2424)
		case kindTab:
			dst = utf8.AppendRune(dst, 0x2409)
		default:
			dst = utf8.AppendRune(dst, r)
		}
		i += size
	}
	return dst
}
