package outcome

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzNPSBands checks that band validation never panics and accepts exactly
// the valid band sets: three non-empty bands on a valid scale that go
// detractors, passives, promoters upwards and cover every point of the scale
// exactly once.
func FuzzNPSBands(f *testing.F) {
	seeds := [][8]int{
		{0, 10, 0, 6, 7, 8, 9, 10},           // standard
		{1, 5, 1, 3, 4, 4, 5, 5},             // five-point
		{-5, 5, -5, -1, 0, 2, 3, 5},          // negative
		{0, 10, 0, 7, 7, 8, 9, 10},           // overlap
		{0, 10, 0, 6, 7, 7, 9, 10},           // gap
		{0, 10, 0, 6, 9, 10, 7, 8},           // out of order
		{0, 10, 1, 6, 7, 8, 9, 10},           // gap at the bottom
		{0, 10, 0, 6, 7, 8, 9, 9},            // gap at the top
		{0, 10, 0, 6, 8, 7, 9, 10},           // empty band
		{5, 5, 5, 5, 5, 5, 5, 5},             // one-point scale
		{0, 300, 0, 100, 101, 200, 201, 300}, // too many points
		{0, 255, 0, 100, 101, 200, 201, 255}, // the largest scale
		{math.MaxInt - 2, math.MaxInt, math.MaxInt - 2, math.MaxInt - 2, math.MaxInt - 1, math.MaxInt - 1, math.MaxInt, math.MaxInt},
		{math.MinInt, math.MinInt + 2, math.MinInt, math.MinInt, math.MinInt + 1, math.MinInt + 1, math.MinInt + 2, math.MinInt + 2},
		{math.MaxInt32 - 2, math.MaxInt32, math.MaxInt32 - 2, math.MaxInt32 - 2, math.MaxInt32 - 1, math.MaxInt32 - 1, math.MaxInt32, math.MaxInt32},
		{math.MinInt32, math.MinInt32 + 255, math.MinInt32, math.MinInt32, math.MinInt32 + 1, math.MinInt32 + 254, math.MinInt32 + 255, math.MinInt32 + 255},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])
	}
	f.Fuzz(func(t *testing.T, min, max, dLo, dHi, pLo, pHi, qLo, qHi int) {
		det, pass, prom := Band{dLo, dHi}, Band{pLo, pHi}, Band{qLo, qHi}
		scale, scaleErr := NewScale(min, max)
		b, err := NewNPSBands(scale, det, pass, prom)

		valid := scaleErr == nil
		bands := []Band{det, pass, prom}
		for _, x := range bands {
			valid = valid && x.Low <= x.High && scale.Contains(x.Low) && scale.Contains(x.High)
		}
		valid = valid && det.High < pass.Low && pass.High < prom.Low
		if valid {
			for o := range scale.Points() { // not x <= max: max may be the largest int
				x := min + o
				n := 0
				for _, band := range bands {
					if band.Contains(x) {
						n++
					}
				}
				if n != 1 {
					valid = false
					break
				}
			}
		}

		if !valid {
			require.Error(t, err, "scale %d..%d, bands %v", min, max, bands)
			assert.True(t, b.IsZero())
			problems := Problems(err)
			require.NotEmpty(t, problems)
			for _, p := range problems {
				assert.True(t, p.Code == ErrInvalidBands || p.Code == ErrInvalidScale, "code %q", p.Code)
				assert.True(t, strings.HasPrefix(p.Message, "outcome: "), p.Message)
				assert.LessOrEqual(t, len(p.Message), 400)
			}
			if scaleErr != nil {
				assert.True(t, errors.Is(err, ErrInvalidScale))
			}
			checkNoBandMessages(t, scale, bands, problems)
			return
		}
		require.NoError(t, err, "scale %d..%d, bands %v", min, max, bands)
		assert.Equal(t, scale, b.Scale())
		assert.Equal(t, det, b.Detractors())
		assert.Equal(t, pass, b.Passives())
		assert.Equal(t, prom, b.Promoters())
		for o := range scale.Points() {
			x := min + o
			g, err := b.Group(x)
			require.NoError(t, err)
			switch {
			case det.Contains(x):
				assert.Equal(t, Detractor, g)
			case pass.Contains(x):
				assert.Equal(t, Passive, g)
			default:
				assert.Equal(t, Promoter, g)
			}
		}
	})
}

// noBand matches the message of a run of answers in no band.
var noBand = regexp.MustCompile(`^outcome: answers (-?\d+)\.\.(-?\d+) .* are in no band`)

// checkNoBandMessages checks that the runs of answers the problems of
// NewNPSBands say are in no band are exactly the answers of scale that no
// band holds, once the bands are each non-empty and on the scale (before
// that, no run is reported).
func checkNoBandMessages(t *testing.T, scale Scale, bands []Band, problems []*Error) {
	t.Helper()
	said := map[int]bool{}
	for _, p := range problems {
		m := noBand.FindStringSubmatch(p.Message)
		if m == nil {
			continue
		}
		lo, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		hi, err := strconv.Atoi(m[2])
		require.NoError(t, err)
		require.LessOrEqual(t, lo, hi, p.Message)
		for x := lo; x <= hi; x++ {
			assert.False(t, said[x], "answer %d reported twice", x)
			said[x] = true
		}
	}
	checked := scale.IsValid()
	for _, b := range bands {
		checked = checked && b.Low <= b.High && scale.Contains(b.Low) && scale.Contains(b.High)
	}
	if !checked {
		assert.Empty(t, said, "runs in no band reported before the bands are checked: %v", problems)
		return
	}
	for o := range scale.Points() {
		x := scale.Min() + o
		in := slices.ContainsFunc(bands, func(b Band) bool { return b.Contains(x) })
		assert.Equal(t, !in, said[x], "answer %d: in a band %v, said to be in none %v", x, in, said[x])
		delete(said, x)
	}
	assert.Empty(t, said, "answers off the scale said to be in no band")
}

// FuzzTallyScores checks the fast kernels (the table kernels and TallyNPS's
// SWAR and field kernels) against the naive reference on arbitrary bytes read as int8
// answers (and the same answers as []int),
// invalid ones included: the same counts, or the same first bad position.
// The scale runs from lo for span+1 points; an NPS tally splits it in three
// at cut points taken from the input, and a rating tally (at most 11 points)
// counts each point.
func FuzzTallyScores(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, int8(0), uint8(10), uint8(7), uint8(9))
	f.Add([]byte{1, 2, 3, 4, 5, 6}, int8(1), uint8(4), uint8(3), uint8(4))
	f.Add([]byte{0xFF, 0x80, 0x7F, 0}, int8(-128), uint8(255), uint8(100), uint8(200))
	long := make([]byte, 600)
	for i := range long {
		long[i] = byte(i % 11)
	}
	f.Add(long, int8(0), uint8(10), uint8(7), uint8(9))
	long2 := append([]byte(nil), long...)
	long2[513] = 11
	f.Add(long2, int8(0), uint8(10), uint8(7), uint8(9))
	long3 := make([]byte, 5000)
	for i := range long3 {
		long3[i] = byte(50 + i%11)
	}
	f.Add(long3, int8(50), uint8(10), uint8(3), uint8(5))
	long3[4100] = 0x80
	f.Add(long3, int8(50), uint8(10), uint8(3), uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, lo int8, span uint8, cut1, cut2 uint8) {
		if span == 0 {
			span = 1
		}
		scale := MustScale(int(lo), int(lo)+int(span))
		answers8 := make([]int8, len(data))
		for i, b := range data {
			answers8[i] = int8(b)
		}
		answers := surveyWiden(answers8)

		// The bytes as unsigned answers, and shifted by lo: answers of
		// other types than int8, past 255 and below 0, for the field kernel.
		wide := make([]int, len(data))
		for i, b := range data {
			wide[i] = int(b) + int(lo)
		}
		if scale.Points() <= MaxRatingPoints {
			lut := ratingLUT(scale)
			checkKernel(t, scale, answers8, &lut, width4)
			checkKernel(t, scale, answers, &lut, width4)
			checkKernel(t, scale, data, &lut, width4)
			checkKernel(t, scale, wide, &lut, width4)
		}
		if scale.Points() >= 3 {
			// Cut points 1 <= a < b <= span from the input.
			a := 1 + int(cut1)%(int(span)-1)
			b := a + 1 + int(cut2)%(int(span)-a)
			bands, err := NewNPSBands(scale,
				Band{scale.min, scale.min + a - 1}, Band{scale.min + a, scale.min + b - 1}, Band{scale.min + b, scale.max})
			require.NoError(t, err)
			lut := bands.lut()
			checkKernel(t, scale, answers8, &lut, width2)
			checkKernel(t, scale, answers, &lut, width2)
			// TallyNPS itself, whose []int8 path may be the SWAR kernel.
			checkTallyNPS(t, bands, answers8)
			checkTallyNPS(t, bands, answers)
			checkKernel(t, scale, data, &lut, width2)
			checkKernel(t, scale, wide, &lut, width2)
			checkTallyNPS(t, bands, data)
			checkTallyNPS(t, bands, wide)
		}
	})
}

// HasInnerJSONNull reports whether data, read as JSON tokens up to the end
// or the first syntax error, holds null anywhere but as the whole value: a
// member's value or an array's element, at any depth. Every decoder of a
// definition or a checked result refuses such data with a problem of code
// ErrInvalidJSON (null is never a field's value, nor a list's element; a
// member under a key that names no field is refused too). It is exported, in a test file, for the fuzz targets of package outcome_test.
func HasInnerJSONNull(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		case nil:
			if depth > 0 {
				return true
			}
		}
	}
}

// WholeJSONNullRefusal returns what is wrong with err, the error of decoding
// data, if data is JSON null for the whole value (with only JSON white space
// around it), and "" otherwise: every decoder of the package refuses that
// null with exactly one problem, of code ErrInvalidJSON, with no ID, whose
// message says the value "cannot be null" ("outcome: an NPS tally cannot be
// null"). It is exported, in a test file, for the fuzz targets of package
// outcome_test.
func WholeJSONNullRefusal(data []byte, err error) string {
	if !isJSONNull(data) {
		return ""
	}
	problems := Problems(err)
	if len(problems) != 1 || problems[0].Code != ErrInvalidJSON || len(problems[0].IDs) != 0 ||
		!strings.HasPrefix(problems[0].Message, "outcome: ") || !strings.HasSuffix(problems[0].Message, " cannot be null") {
		return fmt.Sprintf("%q is null, which must be one invalid-json problem with no ID that says it cannot be null; got %v", data, err)
	}
	return ""
}

// The JSON forms of the survey types and ratingCountProblems, exported, in a
// test file, for the fuzz targets of the survey decoders in package
// outcome_test (fuzz_survey_json_test.go), which read data leniently into
// the forms and work out with the constructors what decoding must give.
// The forms of the NPS bands and tally are not among them: their bands are
// Bands, which encoding/json reads through the strict Band.UnmarshalJSON,
// so those fuzz targets read into forms of their own (lenientNPSBands).
type (
	ScaleJSON     = scaleJSON
	CSATScaleJSON = csatScaleJSON
	CSATTallyJSON = csatTallyJSON
	CESScaleJSON  = cesScaleJSON
	CESTallyJSON  = cesTallyJSON
)

// RatingCountProblems is ratingCountProblems, exported, in a test file, for
// the fuzz targets of package outcome_test.
func RatingCountProblems(s Scale, onScale bool, counts []int64) []error {
	return ratingCountProblems(s, onScale, counts)
}
