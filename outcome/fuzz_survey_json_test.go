package outcome_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// surveyFuzzDecode is the property every survey decoder must have, checked on
// arbitrary bytes: decoding never panics; on error the value is unchanged
// and every problem is an *outcome.Error with one of the allowed codes (or
// [outcome.ErrInvalidJSON]) and a bounded message, a problem of the JSON form's in
// JSON's words, not Go's ([msg.GoWords]; an overflow names int64, the
// counts' limit); on success the value re-encodes
// and decodes to an equal value, and equals what the constructors give for
// the same fields (want, from a lenient decoding of data into the JSON form);
// JSON null, for the whole value or anywhere inside it, is refused with
// ErrInvalidJSON ([fuzzNullRefused]), the value unchanged.
// When the strict decoding fails but not for the JSON itself, the
// constructors must refuse the fields too, with the same codes. The same
// data with the members of its objects in any order decodes alike
// ([ordertest.Check]).
func surveyFuzzDecode[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, start T, equal func(T, T) bool, want func() (T, error, bool), codes ...outcome.Code) {
	ordertest.Check(t, data, ordertest.Unmarshal[T, P], equal)
	got := start
	err := P(&got).UnmarshalJSON(data)
	fuzzNullRefused(t, data, err)
	wantV, wantErr, lenientOK := want()
	if err != nil {
		if !equal(start, got) {
			t.Fatalf("%q: changed on error %v", data, err)
		}
		problems := outcome.Problems(err)
		if len(problems) == 0 {
			t.Fatalf("%q: not an *Error: %v", data, err)
		}
		jsonErr := false
		for i, p := range problems {
			if p.Code == outcome.ErrInvalidJSON {
				jsonErr = true
				if i > 0 && problems[i-1].Code != outcome.ErrInvalidJSON {
					t.Fatalf("%q: a problem of the JSON form after the constructors': %v", data, err)
				}
			} else if !slices.Contains(codes, p.Code) {
				t.Fatalf("%q: unexpected code %q: %v", data, p.Code, err)
			}
			if !strings.HasPrefix(p.Message, "outcome: ") || len(p.Message) > 400 || p.Code == outcome.ErrInvalidJSON && msg.GoWords(p.Message) != "" {
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

// surveyCodes returns the codes of the problems in err, in order.
func surveyCodes(err error) []outcome.Code {
	var out []outcome.Code
	for _, p := range outcome.Problems(err) {
		out = append(out, p.Code)
	}
	return out
}

// surveyLenient decodes data into v with plain encoding/json, reporting whether
// it could; JSON null (which the decoders refuse, and encoding/json takes as
// leaving v as it is) counts as not decodable.
func surveyLenient(data []byte, v any) bool {
	return string(bytes.Trim(data, " \t\r\n")) != "null" && json.Unmarshal(data, v) == nil
}

func surveyFuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

// FuzzScaleJSON fuzzes [outcome.Scale.UnmarshalJSON].
func FuzzScaleJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"min":0,"max":10}`, `{"min":-128,"max":127}`, `{}`, `{"min":5,"max":5}`, `{"min":0,"max":256}`,
		`{"min":0,"max":10,"x":1}`, `{"min":0,"max":10,"max":9}`, `{"min":0,"max":10} 1`, `null`, `{"min":"0","max":10,"step":1}`,
		`{"min":-2147483648,"max":-2147483647}`, `{"min":0,"max":2147483648}`, `{"MIN":1,"Max":3}`,
		`{"min":5000000000,"max":0}`, `{"min":-3000000000,"max":-3000000000}`, `{"min":0,"max":5000000000}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, outcome.MustScale(1, 5), outcome.Scale.Equal, func() (outcome.Scale, error, bool) {
			var w outcome.ScaleJSON
			if !surveyLenient(data, &w) {
				return outcome.Scale{}, nil, false
			}
			s, err := outcome.NewScale(w.Min, w.Max)
			checkNewScaleProblems(t, w.Min, w.Max, err)
			return s, err, true
		}, outcome.ErrInvalidScale)
	})
}

// checkNewScaleProblems checks that err, NewScale's for min..max, has one
// problem for each of these that min..max has, worked out here with
// math/big: fewer than two points, a bound outside int32, more than 256
// points.
func checkNewScaleProblems(t *testing.T, min, max int, err error) {
	t.Helper()
	lo, hi := big.NewInt(int64(min)), big.NewInt(int64(max))
	points := new(big.Int).Sub(hi, lo)
	points.Add(points, big.NewInt(1))
	want := 0
	if points.Cmp(big.NewInt(2)) < 0 {
		want++
	}
	for _, b := range []*big.Int{lo, hi} {
		if !b.IsInt64() || b.Int64() < math.MinInt32 || b.Int64() > math.MaxInt32 {
			want++
			break
		}
	}
	if points.Cmp(big.NewInt(outcome.MaxScalePoints)) > 0 {
		want++
	}
	if got := len(outcome.Problems(err)); got != want {
		t.Fatalf("NewScale(%d, %d) has %d problems, want %d: %v", min, max, got, want, err)
	}
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
	`{"min":5,"max":5,"detractors":{"low":6,"high":0},"passives":{"low":7,"high":8},"promoters":{"low":10,"high":9}}`,
	`{"min":"0","max":10,"detractors":{"low":6,"high":0},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}}`,
}

// lenientBand is a band read by encoding/json alone: a type of the
// fuzzers' own with [outcome.Band]'s fields and tags but not its
// UnmarshalJSON, which is strict and is what NPS bands read each band with,
// so that the lenient reading the decoders are checked against does not
// read the bands with the code under test (as FuzzMetricJSON's oracle
// reads a spec of its own type).
type lenientBand outcome.Band

// lenientNPSBands is the JSON form of [outcome.NPSBands], its bands read as
// lenientBand, for the oracle of FuzzNPSBandsJSON and FuzzNPSTallyJSON.
type lenientNPSBands struct {
	Min        int         `json:"min"`
	Max        int         `json:"max"`
	Detractors lenientBand `json:"detractors"`
	Passives   lenientBand `json:"passives"`
	Promoters  lenientBand `json:"promoters"`
}

// lenientNPSTally is the JSON form of [outcome.NPSTally], its bands read as
// lenientNPSBands.
type lenientNPSTally struct {
	Bands      *lenientNPSBands `json:"bands"`
	Promoters  int64            `json:"promoters"`
	Passives   int64            `json:"passives"`
	Detractors int64            `json:"detractors"`
}

// npsBands returns what the constructors give for w: the bands and
// NewNPSBands's error; if the scale is invalid, its scale's problems and
// then NewNPSBands's on the zero Scale but its own scale's, which says
// less. It checks that NewNPSBands reports each empty band, whatever the
// scale.
func (w lenientNPSBands) npsBands(t *testing.T) (outcome.NPSBands, error) {
	t.Helper()
	bands := [3]outcome.Band{outcome.Band(w.Detractors), outcome.Band(w.Passives), outcome.Band(w.Promoters)}
	s, serr := outcome.NewScale(w.Min, w.Max)
	b, err := outcome.NewNPSBands(s, bands[0], bands[1], bands[2])
	empty := 0
	for _, x := range bands {
		if x.Low > x.High {
			empty++
		}
	}
	got := 0
	for _, p := range outcome.Problems(err) {
		if strings.Contains(p.Message, "is empty") {
			got++
		}
	}
	if got != empty {
		t.Fatalf("NewNPSBands(%v, %v) reports %d empty bands, want %d: %v", s, bands, got, empty, err)
	}
	if serr == nil {
		return b, err
	}
	errs := []error{serr}
	for _, p := range outcome.Problems(err) {
		if p.Code != outcome.ErrInvalidScale {
			errs = append(errs, p)
		}
	}
	return outcome.NPSBands{}, errors.Join(errs...)
}

// FuzzNPSBandsJSON fuzzes [outcome.NPSBands.UnmarshalJSON], against a
// lenient reading into lenientNPSBands.
func FuzzNPSBandsJSON(f *testing.F) {
	surveyFuzzSeeds(f, npsBandsSeeds...)
	start := outcome.MustNPSBands(outcome.MustScale(1, 5), outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, outcome.NPSBands.Equal, func() (outcome.NPSBands, error, bool) {
			var w lenientNPSBands
			if !surveyLenient(data, &w) {
				return outcome.NPSBands{}, nil, false
			}
			b, err := w.npsBands(t)
			return b, err, true
		}, outcome.ErrInvalidScale, outcome.ErrInvalidBands)
	})
}

// FuzzNPSTallyJSON fuzzes [outcome.NPSTally.UnmarshalJSON], against a
// lenient reading into lenientNPSTally.
func FuzzNPSTallyJSON(f *testing.F) {
	for _, b := range npsBandsSeeds {
		f.Add([]byte(`{"bands":` + b + `,"promoters":5,"passives":3,"detractors":2}`))
	}
	surveyFuzzSeeds(f, `{"promoters":50,"passives":30,"detractors":20}`, `{"promoters":-1,"detractors":-3}`,
		`{"promoters":9223372036854775807,"passives":1}`, `{"promoters":1,"nps":3}`, `{"promoters":1.5}`,
		`{"bands":null,"promoters":1}`, `{"promoters":1,"promoters":2}`, `null`, `{}`,
		`{"promoters":"5","passives":-3,"bands":{"min":0,"max":0}}`, `{"bands":7,"promoters":9223372036854775807,"passives":"1","detractors":1}`)
	start, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 7, 8, 9)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, outcome.NPSTally.Equal, func() (outcome.NPSTally, error, bool) {
			var w lenientNPSTally
			if !surveyLenient(data, &w) {
				return outcome.NPSTally{}, nil, false
			}
			var bands outcome.NPSBands
			var bandsErr error
			if w.Bands != nil {
				bands, bandsErr = w.Bands.npsBands(t)
			}
			tally, err := outcome.NPSTallyFromCounts(bands, w.Promoters, w.Passives, w.Detractors)
			return tally, errors.Join(bandsErr, err), true
		}, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidCount, outcome.ErrOverflow)
	})
}

// FuzzCSATScaleJSON fuzzes [outcome.CSATScale.UnmarshalJSON].
func FuzzCSATScaleJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"min":1,"max":5,"box":2}`, `{"min":1,"max":7,"box":3}`, `{"min":0,"max":11,"box":2}`,
		`{"min":1,"max":5,"box":5}`, `{"min":1,"max":5}`, `{"min":1,"max":5,"box":2,"x":0}`, `{}`, `null`,
		`{"min":1,"max":20,"box":"x"}`, `{"min":0,"max":11,"box":0}`, `{"min":0,"max":11,"box":12}`)
	start := outcome.MustCSATScale(outcome.MustScale(0, 10), 2)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, outcome.CSATScale.Equal, func() (outcome.CSATScale, error, bool) {
			var w outcome.CSATScaleJSON
			if !surveyLenient(data, &w) {
				return outcome.CSATScale{}, nil, false
			}
			s, err := outcome.NewScale(w.Min, w.Max)
			if err != nil {
				return outcome.CSATScale{}, err, true
			}
			c, err := outcome.NewCSATScale(s, w.Box)
			checkRatingScaleCodes(t, err, s.Points() > outcome.MaxRatingPoints, w.Box < 1 || w.Box >= s.Points())
			return c, err, true
		}, outcome.ErrInvalidScale, outcome.ErrInvalidBands)
	})
}

// FuzzCSATTallyJSON fuzzes [outcome.CSATTally.UnmarshalJSON].
func FuzzCSATTallyJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"scale":{"min":1,"max":5,"box":2},"counts":[2,3,5,20,10]}`, `{"counts":[1,0,0,0,1]}`,
		`{"scale":{"min":1,"max":3,"box":1},"counts":[1,2,3,4]}`, `{"counts":[1,-2,3,4,-5]}`,
		`{"counts":[9223372036854775807,0,0,0,1]}`, `{"scale":{"min":1,"max":5,"box":0},"counts":[1,2,3,4,5]}`,
		`{"counts":[1,2,3,4,5],"score":80}`, `{"counts":[1,2,3,4,5.5]}`, `{}`, `null`,
		`{"scale":{"min":0,"max":10,"box":3},"counts":[0,1,2,3,4,5,6,7,8,9,10]}`,
		`{"scale":{"min":1,"max":5,"box":9},"counts":[1,-2,3,4,-5]}`, `{"scale":{"min":1,"max":5,"box":2,"top":1},"counts":[1,"2",null]}`,
		`{"counts":[1,-2,3]}`, `{"scale":[1,5],"counts":[1,2,3,4,5]}`, `{"scale":{"min":"1","max":5,"box":2},"counts":[-1]}`,
		`{"scale":null,"counts":[1,2,3,4,5]}`, `{"scale":{"min":1,"max":5,"box":null},"counts":null}`)
	start, _ := outcome.CSATTallyFromCounts(outcome.StandardCSATScale(), []int64{9, 8, 7, 6, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, outcome.CSATTally.Equal, func() (outcome.CSATTally, error, bool) {
			var w outcome.CSATTallyJSON
			if !surveyLenient(data, &w) {
				return outcome.CSATTally{}, nil, false
			}
			// A bad scale is reported, and then the problems of the counts
			// without it.
			var scale outcome.CSATScale
			if w.Scale != nil {
				s, err := outcome.NewScale(w.Scale.Min, w.Scale.Max)
				if err == nil {
					scale, err = outcome.NewCSATScale(s, w.Scale.Box)
				}
				if err != nil {
					return outcome.CSATTally{}, errors.Join(err, errors.Join(outcome.RatingCountProblems(outcome.Scale{}, false, w.Counts)...)), true
				}
			}
			tally, err := outcome.CSATTallyFromCounts(scale, w.Counts)
			return tally, err, true
		}, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrScaleMismatch, outcome.ErrInvalidCount, outcome.ErrOverflow)
	})
}

// checkRatingScaleCodes checks that err, NewCSATScale's or NewCESScale's
// on a valid scale, has the problems worked out by the caller, each once,
// in this order: a scale of too many points (ErrInvalidScale), then a box
// or an agreement point the scale cannot hold (ErrInvalidBands).
func checkRatingScaleCodes(t *testing.T, err error, tooMany, badBand bool) {
	t.Helper()
	var want []outcome.Code
	if tooMany {
		want = append(want, outcome.ErrInvalidScale)
	}
	if badBand {
		want = append(want, outcome.ErrInvalidBands)
	}
	if got := surveyCodes(err); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("codes %v, want %v: %v", got, want, err)
	}
}

// FuzzCESScaleJSON fuzzes [outcome.CESScale.UnmarshalJSON].
func FuzzCESScaleJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"min":1,"max":7,"agree":5}`, `{"min":1,"max":5,"agree":4}`, `{"min":1,"max":12,"agree":5}`,
		`{"min":1,"max":7,"agree":1}`, `{"min":1,"max":7,"agree":8}`, `{"min":1,"max":7}`, `{}`, `null`, `"1..7"`,
		`{"min":1,"max":12,"agree":1}`, `{"min":0,"max":11,"agree":12}`)
	start := outcome.MustCESScale(outcome.MustScale(1, 5), 4)
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, outcome.CESScale.Equal, func() (outcome.CESScale, error, bool) {
			var w outcome.CESScaleJSON
			if !surveyLenient(data, &w) {
				return outcome.CESScale{}, nil, false
			}
			s, err := outcome.NewScale(w.Min, w.Max)
			if err != nil {
				return outcome.CESScale{}, err, true
			}
			c, err := outcome.NewCESScale(s, w.Agree)
			checkRatingScaleCodes(t, err, s.Points() > outcome.MaxRatingPoints, w.Agree <= s.Min() || w.Agree > s.Max())
			return c, err, true
		}, outcome.ErrInvalidScale, outcome.ErrInvalidBands)
	})
}

// FuzzCESTallyJSON fuzzes [outcome.CESTally.UnmarshalJSON].
func FuzzCESTallyJSON(f *testing.F) {
	surveyFuzzSeeds(f, `{"scale":{"min":1,"max":7,"agree":5},"counts":[1,2,3,4,10,20,10]}`, `{"counts":[1,2,3]}`,
		`{"counts":[0,0,0,-1,0,0,0]}`, `{"counts":[1,0,0,0,0,0,9223372036854775807]}`,
		`{"scale":{"min":1,"max":7,"agree":1},"counts":[0,0,0,0,0,0,0]}`, `{"counts":{"1":2}}`,
		`{"counts":[0,0,0,0,0,0,0]}x`, `{}`, `null`, `{"scale":{"min":1,"max":5,"agree":4},"counts":[1,1,1,1,1]}`,
		`{"scale":"1..7","counts":[0,0,0,0,0,0,9223372036854775807,1]}`, `{"scale":{"min":1,"max":7,"agree":null,"Agree":5}}`,
		`{"scale":{"min":1,"max":7,"agree":9},"counts":[-1,-1]}`, `{"counts":null}`, `{"scale":null,"counts":[1,2,3,4,5,6,7]}`)
	start, _ := outcome.CESTallyFromCounts(outcome.StandardCESScale(), []int64{1, 2, 3, 4, 10, 20, 10})
	f.Fuzz(func(t *testing.T, data []byte) {
		surveyFuzzDecode(t, data, start, outcome.CESTally.Equal, func() (outcome.CESTally, error, bool) {
			var w outcome.CESTallyJSON
			if !surveyLenient(data, &w) {
				return outcome.CESTally{}, nil, false
			}
			// A bad scale is reported, and then the problems of the counts
			// without it.
			var scale outcome.CESScale
			if w.Scale != nil {
				s, err := outcome.NewScale(w.Scale.Min, w.Scale.Max)
				if err == nil {
					scale, err = outcome.NewCESScale(s, w.Scale.Agree)
				}
				if err != nil {
					return outcome.CESTally{}, errors.Join(err, errors.Join(outcome.RatingCountProblems(outcome.Scale{}, false, w.Counts)...)), true
				}
			}
			tally, err := outcome.CESTallyFromCounts(scale, w.Counts)
			return tally, err, true
		}, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrScaleMismatch, outcome.ErrInvalidCount, outcome.ErrOverflow)
	})
}

// bandSeeds are the inputs of TestBand_UnmarshalJSON, FuzzBandJSON's seeds.
var bandSeeds = []string{
	`{"low":9,"high":10}`, `{"high":6}`, `{}`, `{"Low":7,"HIGH":8}`, `{"low":10,"high":9}`,
	`{"low":1,"high":2,"mid":1}`, `{"low":1,"low":2}`, `{"low":1,"Low":2}`, `{"low":"9","high":10}`,
	`{"low":1e-400,"high":1e400,"mid":1,"LOW":2}`, `{"high":null}`, `{"low":99999999999999999999}`,
	`{"low":1.5}`, `null`, `[1]`, `{"low":1} x`, "{\"low\":1,\"\xff\":2}",
}

// FuzzBandJSON checks Band.UnmarshalJSON as checkResultJSON does (never a
// panic, unchanged on error, the form's problems in the package's words,
// unknown keys reported, what decodes re-encodes and decodes Equal), and
// that it accepts exactly what encoding/json reads strictly into a band
// without methods, JSON null aside, to the same band.
func FuzzBandJSON(f *testing.F) {
	surveyFuzzSeeds(f, bandSeeds...)
	start := outcome.Band{Low: 3, High: 4}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := checkResultJSON(t, data, start, []string{"low", "high"}, outcome.Band.Equal)
		type plainBand outcome.Band
		var want outcome.Band
		strict := strictjson.Decode(data, (*plainBand)(&want)) == nil &&
			string(bytes.TrimSpace(data)) != "null" && !outcome.HasInnerJSONNull(data)
		if ok != strict || ok && !got.Equal(want) {
			t.Fatalf("%q: decoded %v (%v), encoding/json strictly %v (%v)", data, got, ok, want, strict)
		}
	})
}
