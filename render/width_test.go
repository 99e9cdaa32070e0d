package render

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// TestWidth pins the column widths of [width]: one per ASCII character and
// per ordinary rune, two for a rune whose East Asian Width is W or F in
// EastAsianWidth.txt of Unicode 15.0.0 (each case gives the property's
// value there: W wide, F fullwidth, H halfwidth, A ambiguous, N neutral),
// none for combining marks, variation selectors and zero-width characters.
func TestWidth(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"ascii", "abc", 3},
		{"empty", "", 0},
		{"latin with accent", "café", 4},
		{"combining acute", "e\u0301", 1},
		{"zero-width space", "a\u200bb", 2},
		{"han", "日本", 4},                                           // U+65E5, U+672C: W
		{"hangul", "한국", 4},                                        // U+D55C, U+AD6D: W
		{"kana", "カナ", 4},                                          // U+30AB, U+30CA: W
		{"fullwidth", "ＡＢ", 4},                                     // U+FF21, U+FF22: F
		{"halfwidth katakana", "ｱ", 1},                             // U+FF71: H
		{"ideographic space", "\u3000", 2},                         // F
		{"combining voiced mark inside a wide block", "\u3099", 0}, // W, but Mn
		{"emoji", "😀", 2},                                          // U+1F600: W
		{"box drawing", "┼", 1},                                    // U+253C: A
		{"control picture", "␤", 1},
		{"replacement", "\uFFFD", 1}, // A
		{"CJK extension B", "\U00020000", 2},
		// The emoji of the review: each is W.
		{"rocket", "🚀", 2},             // U+1F680: W
		{"car", "🚗", 2},                // U+1F697: W
		{"check mark button", "✅", 2},  // U+2705: W
		{"cross mark", "❌", 2},         // U+274C: W
		{"star", "⭐", 2},               // U+2B50: W
		{"high voltage", "⚡", 2},       // U+26A1: W
		{"hot beverage", "☕", 2},       // U+2615: W
		{"watch", "⌚", 2},              // U+231A: W
		{"mahjong red dragon", "🀄", 2}, // U+1F004: W
		{"ballet shoes", "🩰", 2},       // U+1FA70: W
		{"melting face", "🫠", 2},       // U+1FAE0: W
		// The neighbours of those ranges are N.
		{"after the rocket's range", "\U0001F6C6", 1}, // N
		{"before the check mark", "\u2704", 1},        // N
		{"after the hot beverage", "\u2616", 1},       // N
		{"before the watch", "\u2319", 1},             // N
		{"after the red dragon", "\U0001F005", 1},     // N
		// Emoji that are text by default are N, inside the block the old
		// table counted whole.
		{"thermometer", "\U0001F321", 1},     // N
		{"heart", "❤", 1},                    // U+2764: N
		{"heart as a picture", "❤\uFE0F", 1}, // U+FE0F: A, but Mn
		// Several code points count each.
		{"flag", "🇪🇺", 2},                   // U+1F1EA, U+1F1FA: N
		{"thumbs up, medium skin", "👍🏽", 4}, // U+1F44D, U+1F3FD: W
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, width(tt.in))
		})
	}
}

// TestWideRanges checks that the table [runeWidth] searches is in order,
// each range well formed and apart from the next (adjacent ranges merged),
// so that the binary search finds every range.
func TestWideRanges(t *testing.T) {
	for i, r := range wideRanges {
		assert.LessOrEqual(t, r[0], r[1], "range %d", i)
		if i > 0 {
			assert.Greater(t, r[0], wideRanges[i-1][1]+1, "range %d follows %d with a gap", i, i-1)
		}
		for _, c := range []rune{r[0], r[1]} {
			want := 2
			if unicode.In(c, unicode.Mn, unicode.Me, unicode.Cf) { // U+3099, U+16FE4
				want = 0
			}
			assert.Equal(t, want, runeWidth(c), "U+%04X", c)
		}
		if i > 0 && r[0]-1 > wideRanges[i-1][1] {
			assert.LessOrEqual(t, runeWidth(r[0]-1), 1, "U+%04X, before range %d", r[0]-1, i)
		}
	}
}
