package msg

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/cxmodel/cx/internal/dectest"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		s    string
		n    int
		want string
	}{
		{"short enough", "aht", 3, "aht"},
		{"cut", "average handle time", 7, "average..."},
		// "é" is 2 bytes (C3 A9): cutting at 2 would split it, so the cut
		// backs up to 1.
		{"on a rune boundary", "café", 4, "caf..."},
		{"within a 4-byte rune", "a\U0001F600b", 3, "a..."},
		// 0x80 bytes are continuation bytes with no start: back up at most
		// 3 of them.
		{"not UTF-8", strings.Repeat("\x80", 10), 5, "\x80\x80..."},
		{"zero", "abc", 0, "..."},
		{"negative", "abc", -1, "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Clip(tt.s, tt.n))
		})
	}
}

func TestDecimal(t *testing.T) {
	// Within MaxQuoted bytes a decimal is written in full; past them, as its
	// coefficient and exponent. decimal.New(c, e) is c·10^e.
	tests := []struct {
		name string
		d    decimal.Decimal
		want string
	}{
		{"zero", decimal.Decimal{}, "0"},
		{"zero with a huge exponent", decimal.New(0, 1<<30), "0"},
		{"plain", decimal.RequireFromString("12.50"), "12.5"},
		{"negative", decimal.New(-125, -3), "-0.125"},
		{"large but short", decimal.New(7, 40), "7" + strings.Repeat("0", 40)},
		{"huge exponent", decimal.New(1, 3_000_000), "1e3000000"},
		{"tiny", decimal.New(-25, -400), "-25e-400"},
		{"long coefficient", decimal.RequireFromString(strings.Repeat("9", 100)),
			strings.Repeat("9", MaxQuoted) + "...e0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Decimal(tt.d))
		})
	}
	// 2·10^200000000 written in full would be 200 MB of zeros.
	start := time.Now()
	assert.Equal(t, "2e200000000", Decimal(decimal.New(2, 200_000_000)))
	assert.Less(t, time.Since(start), 10*time.Second, "written without its zeros")
}

// FuzzClip: the clipped text is a prefix of the input plus "..." (or the
// input itself), at most n+3 bytes, at least n-3 before the mark, and valid
// UTF-8 whenever the input is.
func FuzzClip(f *testing.F) {
	f.Add("average handle time", 7)
	f.Add("café", 4)
	f.Add("\x80\x80\x80\x80\x80", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n %= 300
		got := Clip(s, n)
		if len(s) <= n {
			if got != s {
				t.Fatalf("Clip(%q, %d) = %q, want it unchanged", s, n, got)
			}
			return
		}
		head, ok := strings.CutSuffix(got, "...")
		if !ok || !strings.HasPrefix(s, head) {
			t.Fatalf("Clip(%q, %d) = %q, not a prefix and a mark", s, n, got)
		}
		if len(head) > max(n, 0) || len(head) < n-(utf8.UTFMax-1) {
			t.Fatalf("Clip(%q, %d) kept %d bytes", s, n, len(head))
		}
		if utf8.ValidString(s) && !utf8.ValidString(head) {
			t.Fatalf("Clip(%q, %d) = %q split a rune", s, n, got)
		}
	})
}

// TestDecimal_settingsIgnored: decimal's TrimTrailingZeros and
// UseScientificNotation do not change a message's decimal. 12.50 is "12.5"
// and 12·10^2 is "1200" (not "12.50" and "1.2E3").
func TestDecimal_settingsIgnored(t *testing.T) {
	dectest.FlipSettings(t)
	assert.Equal(t, "12.5", Decimal(decimal.RequireFromString("12.50")))
	assert.Equal(t, "1200", Decimal(decimal.New(12, 2)))
}
