package outcome

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/equaltest"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file tests the shared survey code from inside the package: the tally
// kernels against a naive reference, exact rounding, and the scale type.

// refCount is the naive reference tally: one answer at a time, checked
// against the scale, counted by code. It returns the position and the text
// of the first answer off the scale, or -1.
func refCount[E Integer](s Scale, scores []E, lut *codeLUT) (codeCounts, int, string) {
	var c codeCounts
	for i, v := range scores {
		var on bool
		var off int
		// Compare as big-enough signed or unsigned values, with no
		// wrapping tricks: this is the definition, not the kernel.
		if v < 0 {
			on = int64(v) >= int64(s.min) && int64(v) <= int64(s.max)
			off = int(int64(v) - int64(s.min))
		} else {
			on = uint64(v) <= math.MaxInt64 && int64(v) >= int64(s.min) && int64(v) <= int64(s.max)
			off = int(int64(v) - int64(s.min))
		}
		if !on {
			return c, i, fmt.Sprint(v)
		}
		c[lut[off]]++
	}
	return c, -1, ""
}

// checkKernel compares countCodes with the reference on one slice.
func checkKernel[E Integer](t *testing.T, s Scale, scores []E, lut *codeLUT, w codeWidth) {
	t.Helper()
	want, bad, text := refCount(s, scores, lut)
	var got codeCounts
	err := countCodes(s, scores, lut, w, &got)
	if bad < 0 {
		if !assert.NoError(t, err, "scale %s, len %d", s, len(scores)) {
			return
		}
		assert.Equal(t, want, got, "scale %s, len %d", s, len(scores))
		return
	}
	require.Error(t, err, "scale %s, len %d: answer %s at %d is off the scale", s, len(scores), text, bad)
	assert.ErrorIs(t, err, ErrScoreOutOfRange)
	assert.Equal(t, fmt.Sprintf("outcome: score %s at position %d is outside the scale %s", text, bad, s), err.Error())
}

// bandsOn returns the NPS bands on the scale min..max with the passives
// from pass and the promoters from prom.
func bandsOn(t *testing.T, min, max, pass, prom int) NPSBands {
	t.Helper()
	b, err := NewNPSBands(MustScale(min, max), Band{min, pass - 1}, Band{pass, prom - 1}, Band{prom, max})
	require.NoError(t, err)
	return b
}

// kernelScales are the scales the kernel tests run on: the standard NPS,
// CSAT and CES scales, a scale with negative answers, scales at and across
// the ends of the int8 range, and the largest scale.
func kernelScales(t *testing.T) []struct {
	scale Scale
	lut   codeLUT
	w     codeWidth
} {
	type sc = struct {
		scale Scale
		lut   codeLUT
		w     codeWidth
	}
	var out []sc
	nps := func(min, max, pass, prom int) {
		b := bandsOn(t, min, max, pass, prom)
		out = append(out, sc{b.Scale(), b.lut(), width2})
	}
	rating := func(min, max int) {
		s := MustScale(min, max)
		out = append(out, sc{s, ratingLUT(s), width4})
	}
	nps(0, 10, 7, 9)
	nps(-5, 5, 0, 3)
	nps(1, 5, 4, 5)
	nps(120, 130, 125, 128)     // across the top of int8
	nps(-128, -118, -125, -120) // at the bottom of int8
	nps(-128, 127, 0, 100)      // the largest scale, every int8 on it
	nps(0, 255, 100, 200)       // the largest scale from 0
	rating(1, 5)
	rating(1, 7)
	rating(0, 10)
	rating(-3, 3)
	rating(117, 127) // at the top of int8
	rating(200, 205) // no int8 answer is on it
	return out
}

// TestCountCodesMatchesNaive checks the fast kernels against the naive
// reference on random slices of every length 0..300 (across the short-slice
// cut-over at 256), with answers drawn from every int8 value, and with
// mostly valid answers and a bad one at a random place.
func TestCountCodesMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, k := range kernelScales(t) {
		t.Run(k.scale.String(), func(t *testing.T) {
			for n := range 301 {
				// Every value of int8, uniformly: most slices hold a bad
				// answer early.
				anyByte := make([]int8, n)
				for i := range anyByte {
					anyByte[i] = int8(r.IntN(256))
				}
				checkKernel(t, k.scale, anyByte, &k.lut, k.w)
				checkKernel(t, k.scale, surveyWiden(anyByte), &k.lut, k.w)

				// Valid answers only, then one bad answer at a random place.
				valid := make([]int, n)
				for i := range valid {
					valid[i] = k.scale.min + r.IntN(k.scale.Points())
				}
				checkKernel(t, k.scale, valid, &k.lut, k.w)
				if surveyFits8(k.scale) {
					checkKernel(t, k.scale, surveyNarrow(valid), &k.lut, k.w)
				}
				if n > 0 {
					bad := append([]int(nil), valid...)
					bad[r.IntN(n)] = surveyBadAnswer(r, k.scale)
					checkKernel(t, k.scale, bad, &k.lut, k.w)
					bad8 := make([]int8, n)
					for i, v := range bad {
						bad8[i] = int8(v)
					}
					checkKernel(t, k.scale, bad8, &k.lut, k.w)
				}
			}
		})
	}
}

// TestCountCodesEveryValue puts each value of a wide range, alone, at every
// position of a long valid slice, so that each table, lane and tail of the
// kernels meets each value.
func TestCountCodesEveryValue(t *testing.T) {
	for _, k := range kernelScales(t)[:3] {
		t.Run(k.scale.String(), func(t *testing.T) {
			const n = 300
			valid := make([]int, n)
			for i := range valid {
				valid[i] = k.scale.min + i%k.scale.Points()
			}
			values := []int{math.MinInt, math.MinInt + 1, -1 << 40, math.MaxInt, math.MaxInt - 1, 1 << 40}
			for v := -300; v <= 300; v++ {
				values = append(values, v)
			}
			for _, v := range values {
				for _, pos := range []int{0, 1, 7, 8, 15, 16, 255, 256, 287, 288, 295, 299} {
					s := append([]int(nil), valid...)
					s[pos] = v
					checkKernel(t, k.scale, s, &k.lut, k.w)
					if v >= math.MinInt8 && v <= math.MaxInt8 {
						checkKernel(t, k.scale, surveyNarrow(s), &k.lut, k.w)
					}
				}
			}
		})
	}
}

// TestCountCodesOtherTypes checks the simple loop on the other integer types,
// including unsigned answers past the largest int64.
func TestCountCodesOtherTypes(t *testing.T) {
	k := kernelScales(t)[0]
	checkKernel(t, k.scale, []uint64{0, 10, math.MaxUint64}, &k.lut, k.w)
	checkKernel(t, k.scale, []uint64{0, 10, 1 << 63}, &k.lut, k.w)
	checkKernel(t, k.scale, []uint{3, 4, 5}, &k.lut, k.w)
	checkKernel(t, k.scale, []int16{3, 4, 5, -1}, &k.lut, k.w)
	checkKernel(t, k.scale, []int32{3, 4, 5, 11}, &k.lut, k.w)
	checkKernel(t, k.scale, []uint8{3, 4, 5, 200}, &k.lut, k.w)
	checkKernel(t, k.scale, []int64{math.MinInt64, 0}, &k.lut, k.w)
	// A named type is not []int8: on 0..10 it takes the field kernel, and
	// on -5..5 (the next scale) the simple loop.
	type answer int8
	long := make([]answer, 500)
	for i := range long {
		long[i] = answer(i % 11)
	}
	checkKernel(t, k.scale, long, &k.lut, k.w)
	neg := kernelScales(t)[1]
	for i := range long {
		long[i] = answer(i%11 - 5)
	}
	checkKernel(t, neg.scale, long, &neg.lut, neg.w)
	long[499] = 6
	checkKernel(t, neg.scale, long, &neg.lut, neg.w)
}

// TestCountCodesSecondBlock checks the fold between blocks and the position
// of a bad answer in the second block of 2^24 answers.
func TestCountCodesSecondBlock(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 16 MiB")
	}
	k := kernelScales(t)[0]
	s := make([]int8, tallyBlock+100)
	for i := range s {
		s[i] = int8(i % 11)
	}
	checkKernel(t, k.scale, s, &k.lut, k.w)
	s[tallyBlock+37] = 11
	checkKernel(t, k.scale, s, &k.lut, k.w)
	s[tallyBlock-1] = -1
	checkKernel(t, k.scale, s, &k.lut, k.w)
}

func surveyWiden(s []int8) []int {
	out := make([]int, len(s))
	for i, v := range s {
		out[i] = int(v)
	}
	return out
}

func surveyNarrow(s []int) []int8 {
	out := make([]int8, len(s))
	for i, v := range s {
		out[i] = int8(v)
	}
	return out
}

func surveyFits8(s Scale) bool { return s.min >= math.MinInt8 && s.max <= math.MaxInt8 }

// surveyBadAnswer returns an answer just off the scale, far off it, or at the ends
// of int.
func surveyBadAnswer(r *rand.Rand, s Scale) int {
	switch r.IntN(6) {
	case 0:
		return s.min - 1
	case 1:
		return s.max + 1
	case 2:
		return s.min - 1 - r.IntN(300)
	case 3:
		return s.max + 1 + r.IntN(300)
	case 4:
		return math.MinInt
	}
	return math.MaxInt
}

// TestSurveyRatioRounding checks the exact rounding the survey scores use
// ([Rounding.ratio], and [Rounding.ratioBig] for sums past int64) against
// hand-worked quotients, in every mode, at ties, near ties and away from
// them. The near ties are the cases a rounding of a truncated or
// floating-point approximation gets wrong.
func TestSurveyRatioRounding(t *testing.T) {
	modes := [7]Rounding{RoundHalfEven, RoundHalfUp, RoundHalfDown, RoundUp, RoundDown, RoundCeiling, RoundFloor}
	tests := []struct {
		name     string
		num, den int64
		places   int32
		// want, by mode, in the order of modes.
		want [7]string
	}{
		// 100/8 = 12.5 exactly: a tie at 0 places.
		{"tie up", 100, 8, 0, [7]string{"12", "13", "12", "13", "12", "13", "12"}},
		// -100/8 = -12.5.
		{"tie down", -100, 8, 0, [7]string{"-12", "-13", "-12", "-13", "-12", "-12", "-13"}},
		// 300/8 = 37.5: half to even goes up.
		{"even tie", 300, 8, 0, [7]string{"38", "38", "37", "38", "37", "38", "37"}},
		// 100/3 = 33.333...: below the midpoint.
		{"third", 100, 3, 1, [7]string{"33.3", "33.3", "33.3", "33.4", "33.3", "33.4", "33.3"}},
		// 200/3 = 66.666...: above it.
		{"two thirds", 200, 3, 1, [7]string{"66.7", "66.7", "66.7", "66.7", "66.6", "66.7", "66.6"}},
		// -200/3 = -66.666...
		{"minus two thirds", -200, 3, 1, [7]string{"-66.7", "-66.7", "-66.7", "-66.7", "-66.6", "-66.6", "-66.7"}},
		// -100/300 = -0.333...: the truncated quotient is 0, the sign is
		// the remainder's.
		{"small negative", -100, 300, 0, [7]string{"0", "0", "0", "-1", "0", "0", "-1"}},
		// 1000000100/80000000 = 12.50000125: it looks like a tie to four
		// places, but is above it, so every half mode must go up.
		{"near tie", 1000000100, 80000000, 0, [7]string{"13", "13", "13", "13", "12", "13", "12"}},
		// 999999900/80000000 = 12.49999875: just below.
		{"just below tie", 999999900, 80000000, 0, [7]string{"12", "12", "12", "13", "12", "13", "12"}},
		// 100/7 = 14.285714...: two places.
		{"sevenths", 100, 7, 2, [7]string{"14.29", "14.29", "14.29", "14.29", "14.28", "14.29", "14.28"}},
		// Exact quotients come back exactly in every mode.
		{"exact", 3000, 100, 2, [7]string{"30", "30", "30", "30", "30", "30", "30"}},
		// 1250/1 = 1250 to -2 places (hundreds): a tie, 12.5 hundreds.
		{"hundreds", 1250, 1, -2, [7]string{"1200", "1300", "1200", "1300", "1200", "1300", "1200"}},
	}
	for _, tt := range tests {
		for i, m := range modes {
			t.Run(tt.name+"/"+m.String(), func(t *testing.T) {
				want := decimal.RequireFromString(tt.want[i])
				got := m.ratio(tt.num, tt.den, 0, tt.places)
				assert.True(t, want.Equal(got), "ratio %d/%d to %d places by %s: want %s, got %s",
					tt.num, tt.den, tt.places, m, want, got)
				assert.Equal(t, -tt.places, got.Exponent())
				viaBig := m.ratioBig(big.NewInt(tt.num), big.NewInt(tt.den), 0, tt.places)
				assert.True(t, want.Equal(viaBig), "ratioBig %d/%d to %d places by %s: want %s, got %s",
					tt.num, tt.den, tt.places, m, want, viaBig)
				assert.Equal(t, -tt.places, viaBig.Exponent())
			})
		}
	}
}

// TestRatioBigPastInt64 rounds quotients whose numerators pass the largest
// int64, as the mean of a huge tally does, and checks that ratioBig leaves
// its arguments alone. With a = 2^62 - 1 = 4611686018427387903:
// (6a + 5) / (2a + 1) = 3 + 2/(2a + 1) = 3.000000000000000000216...,
// which is 3.000000000000000000 to 18 places by every mode but those that
// round up (up and ceiling: ...001); and 10^20 / 8 = 12500000000000000000
// exactly, shifted by 10^-20 (shift -20), is 0.125: a tie at 2 places.
func TestRatioBigPastInt64(t *testing.T) {
	a := new(big.Int).SetInt64(1<<62 - 1)
	num := new(big.Int).Add(new(big.Int).Mul(a, big.NewInt(6)), big.NewInt(5))
	den := new(big.Int).Add(new(big.Int).Mul(a, big.NewInt(2)), big.NewInt(1))
	numWas, denWas := num.String(), den.String()
	for _, m := range []Rounding{RoundHalfEven, RoundHalfUp, RoundHalfDown, RoundDown, RoundFloor} {
		got := m.ratioBig(num, den, 0, 18)
		assert.Equal(t, "3.000000000000000000", got.StringFixed(18), "%s", m)
		assert.Equal(t, int32(-18), got.Exponent())
	}
	for _, m := range []Rounding{RoundUp, RoundCeiling} {
		got := m.ratioBig(num, den, 0, 18)
		assert.Equal(t, "3.000000000000000001", got.String(), "%s", m)
	}
	assert.Equal(t, numWas, num.String())
	assert.Equal(t, denWas, den.String())

	e20 := new(big.Int).Exp(big.NewInt(10), big.NewInt(20), nil)
	assert.Equal(t, "0.12", RoundHalfEven.ratioBig(e20, big.NewInt(8), -20, 2).String())
	assert.Equal(t, "0.13", RoundHalfUp.ratioBig(e20, big.NewInt(8), -20, 2).String())
}

// TestCheckRounding pins the argument checks of Rounding.Round,
// Proportion.Rate and the survey scores: the rounding mode's problem, then
// the places', both reported when both apply (a single one is the *Error
// itself, not a join of one).
func TestCheckRounding(t *testing.T) {
	const badMode = "outcome: invalid rounding mode 0; choose one such as RoundHalfEven"
	const badPlaces = "outcome: 101 decimal places is outside [-100, 100]"
	err := checkRounding(0, 0)
	require.ErrorIs(t, err, ErrUnknownRounding)
	assert.IsType(t, (*Error)(nil), err, "one problem is not joined")
	assert.Equal(t, badMode, err.Error())
	err = checkRounding(MaxPlaces+1, 0)
	assert.Equal(t, []Code{ErrUnknownRounding, ErrInvalidPlaces}, codesOf(err), "both, the mode's first")
	assert.Equal(t, badMode+"\n"+badPlaces, err.Error())
	err = checkRounding(MaxPlaces+1, RoundHalfEven)
	require.ErrorIs(t, err, ErrInvalidPlaces)
	assert.Equal(t, badPlaces, err.Error())
	assert.ErrorIs(t, checkRounding(-MaxPlaces-1, RoundHalfEven), ErrInvalidPlaces)
	assert.NoError(t, checkRounding(MaxPlaces, RoundFloor))
	assert.NoError(t, checkRounding(-MaxPlaces, RoundFloor))
}

func TestTallyAdd(t *testing.T) {
	got, err := tallyAdd(math.MaxInt64-1, 1, "x")
	require.NoError(t, err)
	assert.Equal(t, int64(math.MaxInt64), got)
	_, err = tallyAdd(math.MaxInt64, 1, "the promoter count")
	require.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, "outcome: the promoter count would overflow: 9223372036854775807 + 1 is past the largest int64", err.Error())
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, SeverityError, e.Severity)
}

// TestSurveyWilsonPercent checks the Wilson interval of the survey shares,
// now the proportion code's, against hand-worked values: for 30 of 40 at
// 95%, z = 1.959963984540054, p = 0.75, z² = 3.841459, centre = (0.75 +
// 3.841459/80) / (1 + 3.841459/40) = 0.797932 / 1.096036 = 0.728016, half =
// 1.959964 * sqrt(0.1875/40 + 3.841459/6400) / 1.096036 = 0.130034, so
// 59.8060..85.8129 percent, around the estimate 75.
func TestSurveyWilsonPercent(t *testing.T) {
	r := ratingCounts{n: 40}
	iv, err := r.wilsonPercent(30, "x", 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 59.8060, iv.Low, 1e-4)
	assert.InDelta(t, 85.8129, iv.High, 1e-4)
	assert.Equal(t, 75.0, iv.Estimate)
	assert.Equal(t, 0.95, iv.Confidence)
	assert.Equal(t, IntervalWilson, iv.Method)
	// It is Proportion.Wilson's interval, in percent.
	p, err := r.share(30).Wilson(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 100*p.Low, iv.Low, 1e-12)
	assert.InDelta(t, 100*p.High, iv.High, 1e-12)
	// No successes: the lower bound is exactly 0, the upper bound
	// 100 * z²/(n + z²) = 100 * 3.841459/13.841459 = 27.7533.
	r = ratingCounts{n: 10}
	iv, err = r.wilsonPercent(0, "x", 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, iv.Low)
	assert.InDelta(t, 27.7533, iv.High, 1e-4)
	iv, err = r.wilsonPercent(10, "x", 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 100-27.7533, iv.Low, 1e-4)
	assert.Equal(t, 100.0, iv.High)
	_, err = r.wilsonPercent(10, "x", 1)
	assert.ErrorIs(t, err, ErrInvalidConfidence)
}

func TestNewScale(t *testing.T) {
	tests := []struct {
		name     string
		min, max int
		points   int
		message  string
	}{
		{"nps", 0, 10, 11, ""},
		{"two points", -1, 0, 2, ""},
		{"largest", -128, 127, 256, ""},
		{"largest at the top of int32", math.MaxInt32 - 255, math.MaxInt32, 256, ""},
		{"at the bottom of int32", math.MinInt32, math.MinInt32 + 1, 2, ""},
		{"one point", 5, 5, 0, "outcome: scale 5..5 has fewer than two points (its bottom must be below its top)"},
		{"reversed", 10, 0, 0, "outcome: scale 10..0 has fewer than two points (its bottom must be below its top)"},
		{"too many points", 0, 256, 0, "outcome: scale 0..256 has more than 256 points"},
		// Every problem, in NewScale's order: too few points, a bound
		// outside int32, too many points. The whole of int has
		// 2^64 - 1 points; 5e9..0 has none, and its bottom is above int32.
		{"the whole of int", math.MinInt, math.MaxInt, 0,
			"outcome: scale -9223372036854775808..9223372036854775807 has a bound outside -2147483648..2147483647\n" +
				"outcome: scale -9223372036854775808..9223372036854775807 has more than 256 points"},
		{"reversed, bottom past int32", 5_000_000_000, 0, 0,
			"outcome: scale 5000000000..0 has fewer than two points (its bottom must be below its top)\n" +
				"outcome: scale 5000000000..0 has a bound outside -2147483648..2147483647"},
		{"one point below int32", -3_000_000_000, -3_000_000_000, 0,
			"outcome: scale -3000000000..-3000000000 has fewer than two points (its bottom must be below its top)\n" +
				"outcome: scale -3000000000..-3000000000 has a bound outside -2147483648..2147483647"},
		{"top past int32, too many points", 0, 5_000_000_000, 0,
			"outcome: scale 0..5000000000 has a bound outside -2147483648..2147483647\n" +
				"outcome: scale 0..5000000000 has more than 256 points"},
		{"just too many at the top of int32", math.MaxInt32 - 256, math.MaxInt32, 0,
			"outcome: scale 2147483391..2147483647 has more than 256 points"},
		{"at the top of int", math.MaxInt - 10, math.MaxInt, 0,
			"outcome: scale 9223372036854775797..9223372036854775807 has a bound outside -2147483648..2147483647"},
		{"at the bottom of int", math.MinInt, math.MinInt + 10, 0,
			"outcome: scale -9223372036854775808..-9223372036854775798 has a bound outside -2147483648..2147483647"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewScale(tt.min, tt.max)
			if tt.message != "" {
				require.ErrorIs(t, err, ErrInvalidScale)
				assert.Equal(t, tt.message, err.Error())
				for _, p := range Problems(err) {
					assert.Equal(t, ErrInvalidScale, p.Code)
				}
				assert.Len(t, Problems(err), strings.Count(tt.message, "\n")+1)
				assert.True(t, s.IsZero())
				assert.False(t, s.IsValid())
				assert.Zero(t, s.Points())
				assert.False(t, s.Contains(0), "the zero Scale contains nothing")
				assert.Panics(t, func() { MustScale(tt.min, tt.max) })
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.min, s.Min())
			assert.Equal(t, tt.max, s.Max())
			assert.Equal(t, tt.points, s.Points())
			assert.True(t, s.Contains(tt.min))
			assert.True(t, s.Contains(tt.max))
			assert.False(t, s.Contains(tt.min-1))
			assert.True(t, s.IsValid())
			assert.False(t, s.IsZero())
			assert.True(t, s.Equal(MustScale(tt.min, tt.max)))
			assert.False(t, s.Equal(Scale{}))
		})
	}
}

// checkTallyNPS compares TallyNPS with the naive reference on one slice.
func checkTallyNPS[E Integer](t *testing.T, b NPSBands, scores []E) {
	t.Helper()
	lut := b.lut()
	want, bad, text := refCount(b.Scale(), scores, &lut)
	got, err := TallyNPS(b, scores)
	if bad < 0 {
		if !assert.NoError(t, err, "bands %s, len %d", b, len(scores)) {
			return
		}
		assert.Equal(t, want[npsCodeDetractor], got.Detractors(), "bands %s, len %d", b, len(scores))
		assert.Equal(t, want[npsCodePassive], got.Passives(), "bands %s, len %d", b, len(scores))
		assert.Equal(t, want[npsCodePromoter], got.Promoters(), "bands %s, len %d", b, len(scores))
		return
	}
	require.Error(t, err, "bands %s, len %d: answer %s at %d is off the scale", b, len(scores), text, bad)
	assert.Equal(t, fmt.Sprintf("outcome: score %s at position %d is outside the scale %s", text, bad, b.Scale()), err.Error())
	assert.True(t, got.IsZero())
}

// TestFieldKernel checks the counts of answers of the integer types other
// than int8, whose path on scales within 0..255 with at most seven codes is
// the field kernel, against the naive reference: for NPS bands (through
// TallyNPS too) and rating scales (CSAT, CES) on and off that path, with
// answers past 255 and below 0 of every width (which the kernel catches by
// ORing eight answers), answers in 0..255 but off the scale (its poison
// field), at every place of an eight-answer step and in the tail.
func TestFieldKernel(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	type kernelCase struct {
		scale Scale
		lut   codeLUT
		w     codeWidth
		bands NPSBands // for NPS scales
		field bool     // whether the field kernel takes it
	}
	var all []kernelCase
	for _, b := range []NPSBands{
		StandardNPSBands(),
		bandsOn(t, 1, 5, 4, 5),
		bandsOn(t, 0, 255, 100, 200), // the largest scale the field kernel takes
		bandsOn(t, 200, 255, 210, 250),
		bandsOn(t, 1, 256, 100, 200), // not the field kernel: past 255
		bandsOn(t, -5, 5, 0, 3),      // nor this: below 0
	} {
		all = append(all, kernelCase{b.Scale(), b.lut(), width2, b, b.Scale().min >= 0 && b.Scale().max <= 255})
	}
	for _, sc := range []struct {
		min, max int
		field    bool
	}{
		{1, 3, true},     // 16-bit fields
		{1, 5, true},     // CSAT: 8-bit fields
		{1, 7, true},     // CES: the most points the field kernel takes
		{0, 7, false},    // eight points
		{0, 10, false},   // eleven
		{248, 254, true}, // near the top of 0..255
		{-3, 3, false},
	} {
		s := MustScale(sc.min, sc.max)
		all = append(all, kernelCase{s, ratingLUT(s), width4, NPSBands{}, sc.field})
	}
	for _, k := range all {
		t.Run(fmt.Sprintf("%s/%d", k.scale, k.w), func(t *testing.T) {
			_, fits := fieldFits(k.scale, k.w)
			require.Equal(t, k.field, fits)
			s := k.scale
			valid := make([]int, 300)
			for i := range valid {
				valid[i] = s.min + r.IntN(s.Points())
			}
			check := func(scores []int) {
				checkKernelTypes(t, k.scale, &k.lut, k.w, scores)
				if k.w == width2 {
					checkTallyNPS(t, k.bands, scores)
				}
			}
			// Also every answer at the bottom of the scale, so that the OR of
			// eight answers holds little beside a bad one's bits.
			low := make([]int, 300)
			for i := range low {
				low[i] = s.min
			}
			check(valid)
			bads := []int{s.min - 1, s.max + 1, 255, 256, 257, 511, 1 << 20, -1, -256, math.MinInt, math.MaxInt}
			for _, v := range bads {
				for _, pos := range []int{0, 1, 7, 8, 150, 295, 296, 299} {
					for _, base := range [][]int{valid, low} {
						bad := append([]int(nil), base...)
						bad[pos] = v
						check(bad)
					}
				}
			}
		})
	}
	// Unsigned answers past every int64.
	checkTallyNPS(t, StandardNPSBands(), append(make([]uint64, 290), math.MaxUint64))
	checkTallyNPS(t, StandardNPSBands(), append(make([]uint64, 290), 1<<63, 3))
}

// checkKernelTypes runs checkKernel on scores as every integer type but int8
// wide enough for all of them (a narrower type would wrap them into other
// answers, which is what that type would hold).
func checkKernelTypes(t *testing.T, s Scale, lut *codeLUT, w codeWidth, scores []int) {
	t.Helper()
	lo, hi := slices.Min(scores), slices.Max(scores)
	checkKernel(t, s, scores, lut, w)
	checkKernel(t, s, convertAnswers[int64](scores), lut, w)
	if lo >= math.MinInt32 && hi <= math.MaxInt32 {
		checkKernel(t, s, convertAnswers[int32](scores), lut, w)
	}
	if lo >= math.MinInt16 && hi <= math.MaxInt16 {
		checkKernel(t, s, convertAnswers[int16](scores), lut, w)
	}
	if lo >= 0 {
		checkKernel(t, s, convertAnswers[uint](scores), lut, w)
		checkKernel(t, s, convertAnswers[uint32](scores), lut, w)
		if hi <= math.MaxUint16 {
			checkKernel(t, s, convertAnswers[uint16](scores), lut, w)
		}
		if hi <= math.MaxUint8 {
			checkKernel(t, s, convertAnswers[uint8](scores), lut, w)
		}
	}
}

func convertAnswers[E Integer](scores []int) []E {
	out := make([]E, len(scores))
	for i, v := range scores {
		out[i] = E(v)
	}
	return out
}

// TestFieldKernelBlocks checks the field kernel's fold between blocks, with
// 16-bit fields (NPS) and 8-bit ones (a CES scale), where a field would
// overflow if it were not read, and the position of a bad answer in a later
// block.
func TestFieldKernelBlocks(t *testing.T) {
	// NPS: every answer a promoter, so every word adds 1 to one field.
	nps := make([]int, 2*fieldBlock(16)+100)
	for i := range nps {
		nps[i] = 9 + i%2
	}
	got, err := TallyNPS(StandardNPSBands(), nps)
	require.NoError(t, err)
	assert.Equal(t, int64(len(nps)), got.Promoters())
	assert.Zero(t, got.Passives())
	assert.Zero(t, got.Detractors())
	checkTallyNPS(t, StandardNPSBands(), nps)
	nps[fieldBlock(16)+37] = 11
	checkTallyNPS(t, StandardNPSBands(), nps)
	nps[fieldBlock(16)-1] = -1
	checkTallyNPS(t, StandardNPSBands(), nps)

	// CES: 1000 answers, all 7, across four blocks of 248.
	ces := make([]int, 1000)
	for i := range ces {
		ces[i] = 7
	}
	tally, err := TallyCES(StandardCESScale(), ces)
	require.NoError(t, err)
	assert.Equal(t, []int64{0, 0, 0, 0, 0, 0, 1000}, tally.Counts())
	s := StandardCESScale().Scale()
	lut := ratingLUT(s)
	checkKernel(t, s, ces, &lut, width4)
	ces[3*fieldBlock(8)+5] = 8
	checkKernel(t, s, ces, &lut, width4)
	ces[fieldBlock(8)] = 0
	checkKernel(t, s, ces, &lut, width4)
}

// TestTallyNPSMatchesNaive checks TallyNPS, whose []int8 path on scales
// within 0..127 is the SWAR kernel, against the naive reference: every
// length 0..300 and lengths across the kernel's 32-answer steps and
// 4064-answer chunks, random valid answers, then one bad answer (every int8
// value in turn, at random places, and at the ends).
func TestTallyNPSMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	all := []NPSBands{
		StandardNPSBands(),
		bandsOn(t, 1, 5, 4, 5),
		bandsOn(t, 0, 2, 1, 2),         // the smallest scale
		bandsOn(t, 0, 127, 50, 100),    // the largest the SWAR kernel takes
		bandsOn(t, 120, 127, 121, 127), // cut points at the top
		bandsOn(t, 50, 60, 51, 60),
		bandsOn(t, -5, 5, 0, 3),        // not the SWAR kernel: negative answers
		bandsOn(t, 100, 130, 110, 120), // nor this: past 127
	}
	lengths := []int{1000, 4063, 4064, 4065, 4096, 8128, 8161, 10000}
	for n := range 301 {
		lengths = append(lengths, n)
	}
	for _, b := range all {
		t.Run(b.String(), func(t *testing.T) {
			s := b.Scale()
			for _, n := range lengths {
				valid := make([]int8, n)
				for i := range valid {
					valid[i] = int8(s.min + r.IntN(s.Points()))
				}
				if !surveyFits8(s) {
					for i := range valid {
						valid[i] = int8(s.min + r.IntN(127-s.min+1)) // on the scale and in int8
					}
				}
				checkTallyNPS(t, b, valid)
				if n == 0 {
					continue
				}
				for _, pos := range []int{0, n - 1, r.IntN(n), r.IntN(n)} {
					v := int8(r.IntN(256))
					bad := append([]int8(nil), valid...)
					bad[pos] = v
					checkTallyNPS(t, b, bad)
					checkTallyNPS(t, b, surveyWiden(bad))
				}
			}
			// Every int8 value at a few places of a long slice.
			long := make([]int8, 5000)
			for i := range long {
				long[i] = int8(max(s.min, 0) + i%(min(s.max, 127)-max(s.min, 0)+1))
			}
			for v := range 256 {
				for _, pos := range []int{0, 31, 32, 4063, 4064, 4991, 4992, 4999} {
					bad := append([]int8(nil), long...)
					bad[pos] = int8(v)
					checkTallyNPS(t, b, bad)
				}
			}
		})
	}
}

func TestScaleJSON(t *testing.T) {
	for _, s := range []Scale{MustScale(0, 10), MustScale(-128, 127), MustScale(math.MinInt32, math.MinInt32+1),
		MustScale(math.MaxInt32-255, math.MaxInt32)} {
		data, err := json.Marshal(s)
		require.NoError(t, err)
		var back Scale
		require.NoError(t, json.Unmarshal(data, &back), "%s", data)
		assert.True(t, s.Equal(back), "%s", data)
	}
	data, err := json.Marshal(MustScale(1, 5))
	require.NoError(t, err)
	assert.Equal(t, `{"min":1,"max":5}`, string(data))

	_, err = json.Marshal(Scale{})
	require.ErrorIs(t, err, ErrInvalidScale, "the zero Scale is invalid and cannot be marshalled")
	assert.Contains(t, err.Error(), "outcome: cannot marshal the invalid scale 0..0")
	type wrapper struct {
		S Scale `json:"s,omitzero"`
	}
	data, err = json.Marshal(wrapper{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(data), "omitzero leaves it out")

	bad := []struct {
		name    string
		in      string
		code    Code
		message string
	}{
		{"empty object", `{}`, ErrInvalidScale, "outcome: scale 0..0 has fewer than two points (its bottom must be below its top)"},
		{"too many points", `{"min":0,"max":256}`, ErrInvalidScale, "outcome: scale 0..256 has more than 256 points"},
		{"unknown field", `{"min":0,"max":10,"step":1}`, ErrInvalidJSON, `outcome: scale has an unknown field "step"`},
		{"duplicate key", `{"min":0,"max":10,"max":11}`, ErrInvalidJSON, `outcome: scale gives field "max" twice`},
		{"trailing data", `{"min":0,"max":10},`, ErrInvalidJSON, "outcome: invalid JSON: trailing data after the JSON value"},
		{"not a number", `{"min":"0","max":10}`, ErrInvalidJSON, ""},
		{"null", ` null `, ErrInvalidJSON, "outcome: a scale cannot be null"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			got := MustScale(1, 7)
			err := got.UnmarshalJSON([]byte(tt.in))
			require.ErrorIs(t, err, tt.code)
			if tt.message != "" {
				assert.Equal(t, tt.message, err.Error())
			}
			assert.Equal(t, MustScale(1, 7), got, "unchanged on error")
		})
	}
}

// TestScoreTestJSON pins the JSON keys of a test for a dashboard, the same
// as those of a ProportionComparison.
func TestScoreTestJSON(t *testing.T) {
	test := surveyZTest(10, 5, 1.959963984540054, 0.95)
	assert.Equal(t, 2.0, test.Z)
	data, err := json.Marshal(test)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	assert.ElementsMatch(t, []string{"difference", "standardError", "z", "pValue", "interval"}, slices.Collect(maps.Keys(m)))
	assert.Equal(t, "wald", m["interval"].(map[string]any)["method"])
	assert.Equal(t, 0.95, m["interval"].(map[string]any)["confidence"])
}

// checkEqualInternal is proportion_test.go's checkEqual, for the tests of
// this package from inside it: same is Equal to base both ways (and
// reflect.DeepEqual says deepEqual of them), and each of changed, a copy
// TestBand_Equal checks that Equal compares both bounds.
func TestBand_Equal(t *testing.T) {
	base := Band{Low: 9, High: 10}
	equaltest.Check(t, equaltest.Case[Band]{Equal: Band.Equal, Base: func() Band { return base },
		Twins: []equaltest.Twins[Band]{{Name: "built apart", A: base, B: Band{High: 10, Low: 9}}},
		Changes: []equaltest.Change[Band]{
			{Field: "Low", What: "8", Apply: func(b *Band) { b.Low = 8 }},
			{Field: "High", What: "9", Apply: func(b *Band) { b.High = 9 }},
		}})
	data, err := json.Marshal(base)
	require.NoError(t, err)
	var back Band
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(base), "%s", data)
}

// TestScoreTest_Equal checks that Equal compares every field: the four
// numbers and the interval. A test has no decimal, so reflect.DeepEqual
// agrees with Equal here.
func TestScoreTest_Equal(t *testing.T) {
	tally := func() NPSTally {
		v, err := NPSTallyFromCounts(NPSBands{}, 50, 30, 20)
		require.NoError(t, err)
		return v
	}
	base, err := tally().TestAgainst(20, 0.95)
	require.NoError(t, err)
	same, err := tally().TestAgainst(20, 0.95)
	require.NoError(t, err)
	with := func(f func(*ScoreTest)) ScoreTest {
		st := base
		f(&st)
		return st
	}
	equaltest.Check(t, equaltest.Case[ScoreTest]{Equal: ScoreTest.Equal, Base: func() ScoreTest { return base },
		Twins: []equaltest.Twins[ScoreTest]{{Name: "built apart", A: base, B: same, DeepDiffers: false}},
		Changes: []equaltest.Change[ScoreTest]{
			{Field: "Difference", What: `st.Difference++`, Apply: func(st *ScoreTest) { st.Difference++ }},
			{Field: "StandardError", What: `st.StandardError *= 2`, Apply: func(st *ScoreTest) { st.StandardError *= 2 }},
			{Field: "Z", What: `st.Z = -st.Z`, Apply: func(st *ScoreTest) { st.Z = -st.Z }},
			{Field: "PValue", What: `st.PValue = 1`, Apply: func(st *ScoreTest) { st.PValue = 1 }},
			{Field: "Interval", What: `st.Interval.Method = IntervalWilson`, Apply: func(st *ScoreTest) { st.Interval.Method = IntervalWilson }},
		}})
	negZero := with(func(st *ScoreTest) { st.Z = 0 })
	assert.True(t, negZero.Equal(with(func(st *ScoreTest) { st.Z = math.Copysign(0, -1) })), "0 equals -0")

	data, err := json.Marshal(base)
	require.NoError(t, err)
	var back ScoreTest
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(base), "%s", data)
}
