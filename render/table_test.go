package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeTable(t *testing.T, tab table, f format) string {
	t.Helper()
	var buf bytes.Buffer
	s := newSink(&buf)
	tab.write(s, f)
	require.NoError(t, s.close())
	return buf.String()
}

// TestTable pins the layout of both formats: columns padded by display
// width (日本 takes four columns, "Tōkyō" five), numbers aligned right, cells
// escaped, no trailing spaces in text. The Note column is as wide as its
// widest escaped cell: "line<br>break", 13 columns, in Markdown;
// "line␤break", 10, in text.
func TestTable(t *testing.T) {
	tab := table{head: []string{"City", "Calls", "Note"}, right: []bool{false, true, false}}
	tab.add("日本", "12", "a|b")
	tab.add("Tōkyō", "3", "")
	tab.add("x", "1000", "line\nbreak")

	assert.Equal(t, ""+
		"| City  | Calls | Note          |\n"+
		"| ----- | ----: | ------------- |\n"+
		"| 日本  |    12 | a\\|b          |\n"+
		"| Tōkyō |     3 |               |\n"+
		"| x     |  1000 | line<br>break |\n", writeTable(t, tab, markdown))

	assert.Equal(t, ""+
		"City   Calls  Note\n"+
		"-----  -----  ----------\n"+
		"日本      12  a|b\n"+
		"Tōkyō      3\n"+
		"x       1000  line␤break\n", writeTable(t, tab, text))
}

// TestTableLongLastColumn: a left-aligned last column wider than maxPadded
// is not padded in Markdown, and its delimiter is "---".
func TestTableLongLastColumn(t *testing.T) {
	long := strings.Repeat("w", maxPadded+1)
	tab := table{head: []string{"Code", "Message"}, right: []bool{false, false}}
	tab.add("a", "short")
	tab.add("b", long)
	assert.Equal(t, ""+
		"| Code | Message |\n"+
		"| ---- | --- |\n"+
		"| a    | short |\n"+
		"| b    | "+long+" |\n", writeTable(t, tab, markdown))
}

// TestTableShortRow: a row with fewer cells than the header has empty
// cells.
func TestTableShortRow(t *testing.T) {
	tab := table{head: []string{"A", "B"}, right: []bool{false, true}}
	tab.add("x")
	assert.Equal(t, "| A   |   B |\n| --- | --: |\n| x   |     |\n", writeTable(t, tab, markdown))
}

// TestSinkFlushes: a sink hands its buffer to the writer once it holds
// flushAt bytes, and keeps the rest.
func TestSinkFlushes(t *testing.T) {
	var buf bytes.Buffer
	s := newSink(&buf)
	line := strings.Repeat("x", 1023)
	for range flushAt / 1024 {
		s.str(line)
		s.end()
	}
	assert.Equal(t, flushAt, buf.Len(), "flushed at the threshold")
	s.str("tail")
	assert.Equal(t, flushAt, buf.Len())
	require.NoError(t, s.close())
	assert.Equal(t, flushAt+4, buf.Len())
}

// TestSignedText: a number keeps the sign of the exact change even when it
// has rounded to zero.
func TestSignedText(t *testing.T) {
	tests := []struct {
		text string
		sign int
		want string
	}{
		{"0.12", 1, "+0.12"},
		{"-0.12", -1, "-0.12"},
		{"0.00", -1, "-0.00"},
		{"0.00", 1, "+0.00"},
		{"0", 0, "0"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, signedText(tt.text, tt.sign), "%q %d", tt.text, tt.sign)
	}
}
