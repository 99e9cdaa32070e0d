package floattext

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMinNormal(t *testing.T) {
	assert.Equal(t, math.Float64bits(MinNormal), uint64(1)<<52, "the smallest normal: exponent field 1, mantissa 0")
	f, err := strconv.ParseFloat(MinNormalText, 64)
	assert.NoError(t, err)
	assert.Equal(t, MinNormal, f)
}

func TestUnderflows(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"1e-400", true},                 // reads as 0
		{"-1e-400", true},                // reads as -0
		{"0.0001e-330", true},            // 1e-334: 0
		{"1e-320", true},                 // a subnormal
		{"5e-324", true},                 // the smallest subnormal
		{"2.225073858507201e-308", true}, // the largest subnormal
		{"0x1p-1074", true},              // the smallest subnormal, in hex
		{"0x0.8p-1080", true},            // 2^-1081: 0
		{"0xAp-1090", true},              // 10 × 2^-1090: 0, a letter digit
		{"+1e-999", true},
		{"2.2250738585072014e-308", false}, // the smallest normal
		{"2.2250738585072013e-308", false}, // below it, but rounds to it
		{"0", false},
		{"-0", false},
		{"0.000e-999", false},
		{"0e5", false},
		{"0x0p-2000", false},
		{"0x0.0p1", false},
		{"0.05", false},
		{"1e300", false},
		{"-1.5", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f, err := strconv.ParseFloat(tt.text, 64)
			assert.NoError(t, err, "ParseFloat reads it with no error")
			assert.Equal(t, tt.want, Underflows(tt.text, f))
		})
	}
	// A float64 given as one: by its value alone.
	assert.True(t, Underflows("", math.SmallestNonzeroFloat64))
	assert.True(t, Underflows("", -MinNormal/2))
	assert.False(t, Underflows("", MinNormal))
	assert.False(t, Underflows("", -MinNormal))
	assert.False(t, Underflows("", 0))
	assert.False(t, Underflows("", math.Copysign(0, -1)))
}

func TestNegative(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"-1.5", true},
		{"-1e-400", true}, // reads as -0, written below 0
		{"-5e-324", true},
		{"-0", false},
		{"-0.0e-400", false},
		{"0", false},
		{"1e-400", false},
		{"1.5", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f, err := strconv.ParseFloat(tt.text, 64)
			assert.NoError(t, err)
			assert.Equal(t, tt.want, Negative(tt.text, f))
		})
	}
	assert.False(t, Negative("", math.Copysign(0, -1)), "-0 given as a float64 is not below 0")
}
