package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzTable writes a table of arbitrary cells in both formats and checks
// that the Markdown is a well-formed table whose cells read back as the
// text, and that the plain text lines the columns up: in every row, each
// cell starts (or, aligned right, ends) at the same display column. Each
// cell is the fuzzer's text in brackets, so that where it starts and ends
// is never in doubt.
//
//	go test -run='^$' -fuzz=FuzzTable -fuzztime=20s ./render
func FuzzTable(f *testing.F) {
	f.Add("Unit", "front-line", "a|b\\|c", uint8(2))
	f.Add("日本", "e\u0301", "*x* <b> & `y`", uint8(1))
	f.Add("", "\n\r\t\x00", "\xff", uint8(7))
	f.Fuzz(func(t *testing.T, a, b, c string, right uint8) {
		a, b, c = "["+a+"]", "["+b+"]", "["+c+"]"
		tab := table{head: []string{a, "N", b}, right: []bool{right&1 != 0, right&2 != 0, right&4 != 0}}
		tab.add(b, c, a)
		tab.add(c, "[]", c+a)
		rows := [][]string{tab.head, tab.rows[0], tab.rows[1]}

		var buf bytes.Buffer
		s := newSink(&buf)
		tab.write(s, markdown)
		if err := s.close(); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != len(rows)+1 {
			t.Fatalf("markdown: %d lines for %d rows:\n%s", len(lines), len(rows), buf.String())
		}
		for i, line := range lines {
			if !utf8.ValidString(line) || strings.ContainsFunc(line, unicode.IsControl) {
				t.Fatalf("markdown line %d: %q has a control character or invalid UTF-8", i, line)
			}
			if !strings.HasPrefix(line, "| ") || !strings.HasSuffix(line, " |") {
				t.Fatalf("markdown line %d: %q is not a row", i, line)
			}
			cells := splitRow(line[1 : len(line)-1])
			if len(cells) != 3 {
				t.Fatalf("markdown line %d: %q has %d cells", i, line, len(cells))
			}
			if i == 1 {
				continue // the delimiter row
			}
			row := rows[max(i-1, 0)]
			for k, cell := range cells {
				want := strings.Trim(Shown(row[k], "\n", " "), " ")
				if got := strings.Trim(unescapeMarkdown(cell), " "); got != want {
					t.Errorf("markdown line %d cell %d: %q reads %q, want %q", i, k, cell, got, want)
				}
			}
		}

		buf.Reset()
		s = newSink(&buf)
		tab.write(s, text)
		if err := s.close(); err != nil {
			t.Fatal(err)
		}
		lines = strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if len(lines) != len(rows)+1 {
			t.Fatalf("text: %d lines for %d rows", len(lines), len(rows))
		}
		var edges []int // per row, the display column where each cell is anchored
		for i, line := range lines {
			if !utf8.ValidString(line) || strings.ContainsFunc(line, unicode.IsControl) {
				t.Fatalf("text line %d: %q has a control character or invalid UTF-8", i, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Fatalf("text line %d: %q ends with a space", i, line)
			}
			if i == 1 {
				continue
			}
			row := rows[max(i-1, 0)]
			rest, col := line, 0
			var anchors []int
			for k := range row {
				sp := len(rest) - len(strings.TrimLeft(rest, " "))
				if k > 0 && sp < 2 {
					t.Fatalf("text line %d: no gap before cell %d in %q", i, k, line)
				}
				rest, col = rest[sp:], col+sp
				cell := Shown(row[k], "␤", "␉")
				if !strings.HasPrefix(rest, cell) {
					t.Fatalf("text line %d: cell %d %q not found in %q", i, k, cell, line)
				}
				if tab.right[k] {
					anchors = append(anchors, col+width(cell)) // its right edge
				} else {
					anchors = append(anchors, col) // its left edge
				}
				rest, col = rest[len(cell):], col+width(cell)
			}
			if rest != "" {
				t.Fatalf("text line %d: %q left over", i, rest)
			}
			if edges == nil {
				edges = anchors
			} else if !equalInts(edges, anchors) {
				t.Fatalf("text line %d: cells at columns %v, the header's at %v:\n%s", i, anchors, edges, buf.String())
			}
		}
	})
}

// splitRow splits a Markdown row (without its outer pipes) at the pipes that
// no backslash escapes.
func splitRow(s string) []string {
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, s[start:i])
			start = i + 1
		}
	}
	return append(cells, s[start:])
}

// unescapeMarkdown reads a cell as Markdown shows it: a backslash before
// ASCII punctuation shows the punctuation, "<br>" is a line break.
func unescapeMarkdown(s string) string {
	s = strings.ReplaceAll(s, "<br>", "\n")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunct, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// asciiPunct is the ASCII punctuation that a backslash escapes in
// CommonMark.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
