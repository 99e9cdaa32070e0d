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

	"github.com/cxmodel/cx/internal/msg"
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

// surveyFuzzDecode is the property every survey decoder must have, checked on
// arbitrary bytes: decoding never panics; on error the value is unchanged
// and every problem is an *Error with one of the allowed codes (or
// [ErrInvalidJSON]) and a bounded message, a problem of the JSON form's in
// JSON's words, not Go's ([msg.GoWords]; an overflow names int64, the
// counts' limit); on success the value re-encodes
// and decodes to an equal value, and equals what the constructors give for
// the same fields (want, from a lenient decoding of data into the JSON form);
// JSON null, for the whole value or anywhere inside it, is refused with
// ErrInvalidJSON ([checkNullRefused]), the value unchanged.
// When the strict decoding fails but not for the JSON itself, the
// constructors must refuse the fields too, with the same codes. The same
// data with the members of its objects in any order decodes alike
// ([CheckOrderFree]).
func surveyFuzzDecode[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, start T, equal func(T, T) bool, want func() (T, error, bool), codes ...Code) {
	CheckOrderFree[T, P](t, data, equal)
	got := start
	err := P(&got).UnmarshalJSON(data)
	checkNullRefused(t, data, err)
	wantV, wantErr, lenientOK := want()
	if err != nil {
		if !equal(start, got) {
			t.Fatalf("%q: changed on error %v", data, err)
		}
		problems := Problems(err)
		if len(problems) == 0 {
			t.Fatalf("%q: not an *Error: %v", data, err)
		}
		jsonErr := false
		for i, p := range problems {
			if p.Code == ErrInvalidJSON {
				jsonErr = true
				if i > 0 && problems[i-1].Code != ErrInvalidJSON {
					t.Fatalf("%q: a problem of the JSON form after the constructors': %v", data, err)
				}
			} else if !slices.Contains(codes, p.Code) {
				t.Fatalf("%q: unexpected code %q: %v", data, p.Code, err)
			}
			if !strings.HasPrefix(p.Message, "outcome: ") || len(p.Message) > 400 || p.Code == ErrInvalidJSON && msg.GoWords(p.Message) != "" {
				t.Fatalf("%q: bad message %q (Go's words: %q)", data, p.Message, msg.GoWords(p.Message))
			}
		}
		if !jsonErr {
			// The JSON was fine: the constructors refuse the fields too.
			if !lenientOK || wantErr == nil {
				t.Fatalf("%q: decoding refused (%v) what the constructors accept", data, err)
			}
			if fmt.Sprint(surveyCodes(err)) != fmt.Sprint(surveyCodes(wantErr)) {
				t.Fatalf("%q: decoding says %v, the constructors %v", data, err, wantErr)
			}
		}
		return
	}
	if !lenientOK || wantErr != nil || !equal(wantV, got) {
		t.Fatalf("%q: decoded %v, the constructors give %v, %v", data, got, wantV, wantErr)
	}
	out, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("%q: decoded %v does not encode: %v", data, got, err)
	}
	var back T
	if err := P(&back).UnmarshalJSON(out); err != nil || !equal(got, back) {
		t.Fatalf("%q -> %v -> %s -> %v, %v", data, got, out, back, err)
	}
}

// HasInnerJSONNull reports whether data, read as JSON tokens up to the end
// or the first syntax error, holds null anywhere but as the whole value: a
// member's value or an array's element, at any depth. Every decoder of a
// definition or a checked result refuses such data with a problem of code
// ErrInvalidJSON (null is never a field's value, nor a list's element; a
// member under a key that names no field is refused too), but for the
// values under keys a [ProportionComparison]'s difference ignores. It is
// exported, in a test file, for the fuzz targets of package outcome_test.
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

// checkNullRefused fails t unless err, the error of decoding data, refuses
// JSON null: for the whole value as [WholeJSONNullRefusal] says, and the
// null that data holds as a member's value or an element
// ([HasInnerJSONNull]) with a problem of code ErrInvalidJSON.
func checkNullRefused(t *testing.T, data []byte, err error) {
	t.Helper()
	if w := WholeJSONNullRefusal(data, err); w != "" {
		t.Fatal(w)
	}
	if !HasInnerJSONNull(data) {
		return
	}
	if !slices.ContainsFunc(Problems(err), func(p *Error) bool { return p.Code == ErrInvalidJSON }) {
		t.Fatalf("%q holds null as a value, which must be refused (invalid-json); got %v", data, err)
	}
}

// surveyCodes returns the codes of the problems in err, in order.
func surveyCodes(err error) []Code {
	var out []Code
	for _, p := range Problems(err) {
		out = append(out, p.Code)
	}
	return out
}

// surveyLenient decodes data into v with plain encoding/json, reporting whether
// it could; JSON null (which the decoders refuse, and encoding/json takes as
// leaving v as it is) counts as not decodable.
func surveyLenient(data []byte, v any) bool {
	return !isJSONNull(data) && json.Unmarshal(data, v) == nil
}

func surveyFuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

// FuzzScaleJSON fuzzes [Scale.UnmarshalJSON].
func FuzzScaleJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"min":0,"max":10}`, `{"min":-128,"max":127}`, `{}`, `{"min":5,"max":5}`, `{"min":0,"max":256}`,
		`{"min":0,"max":10,"x":1}`, `{"min":0,"max":10,"max":9}`, `{"min":0,"max":10} 1`, `null`, `{"min":"0","max":10,"step":1}`,
		`{"min":-2147483648,"max":-2147483647}`, `{"min":0,"max":2147483648}`, `{"MIN":1,"Max":3}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, MustScale(1, 5), Scale.Equal, func() (Scale, error, bool) {
			var w scaleJSON
			if !surveyLenient(data, &w) {
				return Scale{}, nil, false
			}
			s, err := NewScale(w.Min, w.Max)
			return s, err, true
		}, ErrInvalidScale)
	})
}

// npsBandsSeeds are the decoder seeds of the NPS bands: the table cases of
// TestNewNPSBands in JSON.
var npsBandsSeeds = []string{
	`{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}}`,
	`{"min":1,"max":5,"detractors":{"low":1,"high":3},"passives":{"low":4,"high":4},"promoters":{"low":5,"high":5}}`,
	`{"min":-5,"max":5,"detractors":{"low":-5,"high":-1},"passives":{"low":0,"high":2},"promoters":{"low":3,"high":5}}`,
	`{"min":0,"max":10,"detractors":{"low":0,"high":7},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}}`,
	`{"min":0,"max":10,"detractors":{"low":2,"high":7},"passives":{"low":6,"high":7},"promoters":{"low":9,"high":9}}`,
	`{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":9,"high":10},"promoters":{"low":7,"high":8}}`,
	`{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":8,"high":7},"promoters":{"low":9,"high":10}}`,
	`{"min":0,"max":10,"detractors":{"low":0,"high":6,"mid":1}}`, `{}`, `null`, `[]`,
	`{"min":0,"max":10,"detractors":{"low":0,"high":"6"},"passives":{"low":8,"high":7},"promoters":[9,10]}`,
	`{"min":0,"max":10,"detractors":null,"passives":{"low":7,"high":8,"low":1},"promoters":{"low":9,"high":10}}`,
}

// FuzzNPSBandsJSON fuzzes [NPSBands.UnmarshalJSON].
func FuzzNPSBandsJSON(f *testing.F) {
	surveyFuzzSeeds(f, npsBandsSeeds...)
	start := MustNPSBands(MustScale(1, 5), Band{1, 3}, Band{4, 4}, Band{5, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, NPSBands.Equal, func() (NPSBands, error, bool) {
			var w npsBandsJSON
			if !surveyLenient(data, &w) {
				return NPSBands{}, nil, false
			}
			s, err := NewScale(w.Min, w.Max)
			if err != nil {
				return NPSBands{}, err, true
			}
			b, err := NewNPSBands(s, w.Detractors, w.Passives, w.Promoters)
			return b, err, true
		}, ErrInvalidScale, ErrInvalidBands)
	})
}

// FuzzNPSTallyJSON fuzzes [NPSTally.UnmarshalJSON].
func FuzzNPSTallyJSON(f *testing.F) {
	for _, b := range npsBandsSeeds {
		f.Add([]byte(`{"bands":` + b + `,"promoters":5,"passives":3,"detractors":2}`))
	}
	surveyFuzzSeeds(f, `{"promoters":50,"passives":30,"detractors":20}`, `{"promoters":-1,"detractors":-3}`,
		`{"promoters":9223372036854775807,"passives":1}`, `{"promoters":1,"nps":3}`, `{"promoters":1.5}`,
		`{"bands":null,"promoters":1}`, `{"promoters":1,"promoters":2}`, `null`, `{}`,
		`{"promoters":"5","passives":-3,"bands":{"min":0,"max":0}}`, `{"bands":7,"promoters":9223372036854775807,"passives":"1","detractors":1}`)
	start, _ := NPSTallyFromCounts(StandardNPSBands(), 7, 8, 9)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, NPSTally.Equal, func() (NPSTally, error, bool) {
			var w npsTallyJSON
			if !surveyLenient(data, &w) {
				return NPSTally{}, nil, false
			}
			var bands NPSBands
			var bandsErr error
			if w.Bands != nil {
				if s, err := NewScale(w.Bands.Min, w.Bands.Max); err != nil {
					bandsErr = err
				} else {
					bands, bandsErr = NewNPSBands(s, w.Bands.Detractors, w.Bands.Passives, w.Bands.Promoters)
				}
			}
			tally, err := NPSTallyFromCounts(bands, w.Promoters, w.Passives, w.Detractors)
			return tally, errors.Join(bandsErr, err), true
		}, ErrInvalidScale, ErrInvalidBands, ErrInvalidCount, ErrOverflow)
	})
}

// FuzzCSATScaleJSON fuzzes [CSATScale.UnmarshalJSON].
func FuzzCSATScaleJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"min":1,"max":5,"box":2}`, `{"min":1,"max":7,"box":3}`, `{"min":0,"max":11,"box":2}`,
		`{"min":1,"max":5,"box":5}`, `{"min":1,"max":5}`, `{"min":1,"max":5,"box":2,"x":0}`, `{}`, `null`,
		`{"min":1,"max":20,"box":"x"}`)
	start := MustCSATScale(MustScale(0, 10), 2)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, CSATScale.Equal, func() (CSATScale, error, bool) {
			var w csatScaleJSON
			if !surveyLenient(data, &w) {
				return CSATScale{}, nil, false
			}
			s, err := NewScale(w.Min, w.Max)
			if err != nil {
				return CSATScale{}, err, true
			}
			c, err := NewCSATScale(s, w.Box)
			return c, err, true
		}, ErrInvalidScale, ErrInvalidBands)
	})
}

// FuzzCSATTallyJSON fuzzes [CSATTally.UnmarshalJSON].
func FuzzCSATTallyJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"scale":{"min":1,"max":5,"box":2},"counts":[2,3,5,20,10]}`, `{"counts":[1,0,0,0,1]}`,
		`{"scale":{"min":1,"max":3,"box":1},"counts":[1,2,3,4]}`, `{"counts":[1,-2,3,4,-5]}`,
		`{"counts":[9223372036854775807,0,0,0,1]}`, `{"scale":{"min":1,"max":5,"box":0},"counts":[1,2,3,4,5]}`,
		`{"counts":[1,2,3,4,5],"score":80}`, `{"counts":[1,2,3,4,5.5]}`, `{}`, `null`,
		`{"scale":{"min":0,"max":10,"box":3},"counts":[0,1,2,3,4,5,6,7,8,9,10]}`,
		`{"scale":{"min":1,"max":5,"box":9},"counts":[1,-2,3,4,-5]}`, `{"scale":{"min":1,"max":5,"box":2,"top":1},"counts":[1,"2",null]}`,
		`{"counts":[1,-2,3]}`, `{"scale":[1,5],"counts":[1,2,3,4,5]}`, `{"scale":{"min":"1","max":5,"box":2},"counts":[-1]}`,
		`{"scale":null,"counts":[1,2,3,4,5]}`, `{"scale":{"min":1,"max":5,"box":null},"counts":null}`)
	start, _ := CSATTallyFromCounts(StandardCSATScale(), []int64{9, 8, 7, 6, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, CSATTally.Equal, func() (CSATTally, error, bool) {
			var w csatTallyJSON
			if !surveyLenient(data, &w) {
				return CSATTally{}, nil, false
			}
			// A bad scale is reported, and then the problems of the counts
			// without it.
			var scale CSATScale
			if w.Scale != nil {
				s, err := NewScale(w.Scale.Min, w.Scale.Max)
				if err == nil {
					scale, err = NewCSATScale(s, w.Scale.Box)
				}
				if err != nil {
					return CSATTally{}, errors.Join(err, errors.Join(ratingCountProblems(Scale{}, false, w.Counts)...)), true
				}
			}
			tally, err := CSATTallyFromCounts(scale, w.Counts)
			return tally, err, true
		}, ErrInvalidScale, ErrInvalidBands, ErrScaleMismatch, ErrInvalidCount, ErrOverflow)
	})
}

// FuzzCESScaleJSON fuzzes [CESScale.UnmarshalJSON].
func FuzzCESScaleJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"min":1,"max":7,"agree":5}`, `{"min":1,"max":5,"agree":4}`, `{"min":1,"max":12,"agree":5}`,
		`{"min":1,"max":7,"agree":1}`, `{"min":1,"max":7,"agree":8}`, `{"min":1,"max":7}`, `{}`, `null`, `"1..7"`)
	start := MustCESScale(MustScale(1, 5), 4)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, CESScale.Equal, func() (CESScale, error, bool) {
			var w cesScaleJSON
			if !surveyLenient(data, &w) {
				return CESScale{}, nil, false
			}
			s, err := NewScale(w.Min, w.Max)
			if err != nil {
				return CESScale{}, err, true
			}
			c, err := NewCESScale(s, w.Agree)
			return c, err, true
		}, ErrInvalidScale, ErrInvalidBands)
	})
}

// FuzzCESTallyJSON fuzzes [CESTally.UnmarshalJSON].
func FuzzCESTallyJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"scale":{"min":1,"max":7,"agree":5},"counts":[1,2,3,4,10,20,10]}`, `{"counts":[1,2,3]}`,
		`{"counts":[0,0,0,-1,0,0,0]}`, `{"counts":[1,0,0,0,0,0,9223372036854775807]}`,
		`{"scale":{"min":1,"max":7,"agree":1},"counts":[0,0,0,0,0,0,0]}`, `{"counts":{"1":2}}`,
		`{"counts":[0,0,0,0,0,0,0]}x`, `{}`, `null`, `{"scale":{"min":1,"max":5,"agree":4},"counts":[1,1,1,1,1]}`,
		`{"scale":"1..7","counts":[0,0,0,0,0,0,9223372036854775807,1]}`, `{"scale":{"min":1,"max":7,"agree":null,"Agree":5}}`,
		`{"scale":{"min":1,"max":7,"agree":9},"counts":[-1,-1]}`, `{"counts":null}`, `{"scale":null,"counts":[1,2,3,4,5,6,7]}`)
	start, _ := CESTallyFromCounts(StandardCESScale(), []int64{1, 2, 3, 4, 10, 20, 10})
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, CESTally.Equal, func() (CESTally, error, bool) {
			var w cesTallyJSON
			if !surveyLenient(data, &w) {
				return CESTally{}, nil, false
			}
			// A bad scale is reported, and then the problems of the counts
			// without it.
			var scale CESScale
			if w.Scale != nil {
				s, err := NewScale(w.Scale.Min, w.Scale.Max)
				if err == nil {
					scale, err = NewCESScale(s, w.Scale.Agree)
				}
				if err != nil {
					return CESTally{}, errors.Join(err, errors.Join(ratingCountProblems(Scale{}, false, w.Counts)...)), true
				}
			}
			tally, err := CESTallyFromCounts(scale, w.Counts)
			return tally, err, true
		}, ErrInvalidScale, ErrInvalidBands, ErrScaleMismatch, ErrInvalidCount, ErrOverflow)
	})
}
