package render

import "strings"

// format is a kind of table output: Markdown or plain text.
type format uint8

const (
	markdown format = iota + 1
	text
)

// table is a table to write: a header, whether each column is aligned to the
// right (numbers) or to the left, and rows of cells. Cells hold the text as
// is; writing escapes it for the format.
type table struct {
	head  []string
	right []bool
	rows  [][]string
}

// add appends a row.
func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write writes the table in format f.
//
// In Markdown it is a GitHub-flavoured table, each cell escaped (see
// [appendMarkdown]) and padded so that the columns line up in the source
// too; a right-aligned column has the delimiter "--:". In plain text, each
// cell is on one line ([appendText]), the columns are separated by two spaces
// and the header is underlined with dashes. Both pad by [width], so that columns line up in a monospaced
// font for text in any script of one column per character, and in CJK.
func (t *table) write(s *sink, f format) {
	cells := make([][]string, 0, len(t.rows)+1)
	widths := make([]int, len(t.head))
	if f == markdown {
		for i := range widths {
			widths[i] = 3 // the shortest delimiter, "---"
		}
	}
	var buf []byte
	for _, row := range append([][]string{t.head}, t.rows...) {
		out := make([]string, len(t.head))
		for i := range out {
			buf = buf[:0]
			if i < len(row) {
				if f == markdown {
					buf = appendMarkdown(buf, row[i])
				} else {
					buf = appendText(buf, row[i])
				}
			}
			out[i] = string(buf)
			widths[i] = max(widths[i], width(out[i]))
		}
		cells = append(cells, out)
	}
	for r, row := range cells {
		t.line(s, f, row, widths)
		if r == 0 {
			rule := make([]string, len(widths))
			for i, w := range widths {
				switch {
				case f == markdown && i == len(widths)-1 && !t.right[i] && !padLast(f, w):
					rule[i] = "---"
				case f == markdown && t.right[i]:
					rule[i] = strings.Repeat("-", w-1) + ":"
				default:
					rule[i] = strings.Repeat("-", w)
				}
			}
			t.line(s, f, rule, widths)
		}
	}
}

// maxPadded is the widest left-aligned last column that Markdown pads.
const maxPadded = 40

// padLast reports whether a left-aligned last column of the given width is
// padded: in Markdown, unless it is wider than [maxPadded], so that a long
// message does not widen every line (its delimiter is then "---"); in plain
// text, never, so that no line ends with spaces.
func padLast(f format, width int) bool { return f == markdown && width <= maxPadded }

// line writes one row of escaped cells.
func (t *table) line(s *sink, f format, row []string, widths []int) {
	start := len(s.buf)
	last := len(row) - 1
	for i, c := range row {
		pad := widths[i] - width(c)
		switch {
		case f == markdown && i == 0:
			s.str("| ")
		case f == markdown:
			s.str(" | ")
		case i > 0:
			s.str("  ")
		}
		switch {
		case t.right[i]:
			s.str(strings.Repeat(" ", pad))
			s.str(c)
		case i < last || padLast(f, widths[i]):
			s.str(c)
			s.str(strings.Repeat(" ", pad))
		default:
			s.str(c)
		}
	}
	if f == markdown {
		s.str(" |")
	} else {
		for len(s.buf) > start && s.buf[len(s.buf)-1] == ' ' {
			s.buf = s.buf[:len(s.buf)-1]
		}
	}
	s.end()
}

// paragraph writes a paragraph of text, escaped for the format. Callers start
// it with fixed text, so that user text never begins a Markdown line (where
// "#" or "-" would make a heading or a list).
func paragraph(s *sink, f format, text string) {
	if f == markdown {
		s.buf = appendMarkdown(s.buf, text)
	} else {
		s.buf = appendText(s.buf, text)
	}
	s.end()
}
