package decfmt

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/cxmodel/cx/internal/dectest"
)

// flipGlobals sets decimal's two string settings to the opposite of their
// defaults for the rest of the test, and restores them afterwards. Tests that
// call it must not run in parallel.
func flipGlobals(t *testing.T) {
	t.Helper()
	dectest.FlipSettings(t)
}

// stringCases are worked out by hand: decimal.New(c, e) is c·10^e, written
// in full, with the fraction's trailing zeros (and then a bare point) dropped.
var stringCases = []struct {
	name string
	d    decimal.Decimal
	want string
}{
	{"zero value", decimal.Decimal{}, "0"},
	{"zero", decimal.New(0, 0), "0"},
	// 0·10^-3 is "0.000" before trimming: every fraction digit is a zero.
	{"zero with places", decimal.New(0, -3), "0"},
	{"zero with a positive exponent", decimal.New(0, 4), "0"},
	{"2.00", decimal.New(200, -2), "2"},
	{"13.000", decimal.New(13000, -3), "13"},
	{"0.50", decimal.New(50, -2), "0.5"},
	{"-0.050", decimal.New(-50, -3), "-0.05"},
	{"12.345", decimal.New(12345, -3), "12.345"},
	// 12·10^2: scientific notation would write 1.2E3.
	{"1200 with exponent 2", decimal.New(12, 2), "1200"},
	{"-1200 with exponent 2", decimal.New(-12, 2), "-1200"},
	{"integer", decimal.New(42, 0), "42"},
	{"negative integer", decimal.New(-7, 0), "-7"},
	// 10^-30: a point, 29 zeros and a 1.
	{"1e-30", decimal.New(1, -30), "0." + strings.Repeat("0", 29) + "1"},
	// 10·10^-31 is 10^-30 too, with one trailing zero to drop.
	{"1e-30 with a trailing zero", decimal.New(10, -31), "0." + strings.Repeat("0", 29) + "1"},
	{"-0.001", decimal.New(-1, -3), "-0.001"},
	{"large coefficient",
		decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(40), nil), -2),
		"1" + strings.Repeat("0", 38)},
	// (2^63-1)·10^-5 = 92233720368547.75807.
	{"large coefficient with a fraction", decimal.New(math.MaxInt64, -5), "92233720368547.75807"},
	{"large negative coefficient", decimal.New(math.MinInt64, -2), "-92233720368547758.08"},
	{"large negative with zeros", decimal.New(-9000000000000000000, -18), "-9"},
	{"large exponent", decimal.New(7, 40), "7" + strings.Repeat("0", 40)},
}

func TestString(t *testing.T) {
	for _, tt := range stringCases {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, String(tt.d))
			assert.Equal(t, tt.d.String(), String(tt.d), "as String writes it under the defaults")
		})
	}
}

// TestString_globalsIgnored: with both settings flipped, String still writes
// what the table says (and decimal's own String no longer does, for some).
func TestString_globalsIgnored(t *testing.T) {
	flipGlobals(t)
	differ := 0
	for _, tt := range stringCases {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, String(tt.d))
		})
		if tt.d.String() != tt.want {
			differ++
		}
	}
	assert.Positive(t, differ, "the flipped settings change decimal's own String")
}

func TestString_allocations(t *testing.T) {
	d := decimal.New(-50, -3)
	fixed := testing.AllocsPerRun(100, func() { _ = d.StringFixed(3) })
	got := testing.AllocsPerRun(100, func() { _ = String(d) })
	assert.LessOrEqual(t, got, fixed, "no more than StringFixed at d's own places")
}

// FuzzString: String agrees with decimal's String under the defaults, and
// says the same with both settings flipped.
func FuzzString(f *testing.F) {
	for _, tt := range stringCases {
		if tt.d.Coefficient().IsInt64() {
			f.Add(tt.d.Coefficient().Int64(), tt.d.Exponent())
		}
	}
	f.Fuzz(func(t *testing.T, c int64, exp int32) {
		exp %= 200 // keep the zeros written short
		d := decimal.New(c, exp)
		want := d.String()
		if got := String(d); got != want {
			t.Fatalf("String(%d·10^%d) = %q, want %q", c, exp, got, want)
		}
		trim, sci := decimal.TrimTrailingZeros, decimal.UseScientificNotation
		decimal.TrimTrailingZeros, decimal.UseScientificNotation = false, true
		got := String(d)
		decimal.TrimTrailingZeros, decimal.UseScientificNotation = trim, sci
		if got != want {
			t.Fatalf("with the settings flipped, String(%d·10^%d) = %q, want %q", c, exp, got, want)
		}
	})
}
