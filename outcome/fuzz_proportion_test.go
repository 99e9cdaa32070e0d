package outcome_test

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

func fuzzFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// FuzzNewProportion checks that counts never panic, that invalid counts are
// refused with ErrInvalidCount, and that Merge, Rate and the intervals of
// valid ones keep their promises: no NaN, Low <= Estimate <= High, Wilson
// within [0, 1], overflow reported.
func FuzzNewProportion(f *testing.F) {
	f.Add(int64(81), int64(263), 0.95, int64(15), int64(148))
	f.Add(int64(0), int64(20), 0.95, int64(1), int64(29))
	f.Add(int64(0), int64(0), 0.95, int64(0), int64(0))
	f.Add(int64(-1), int64(5), 0.5, int64(6), int64(5))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), 0.999999, int64(1), int64(1))
	f.Add(int64(1), int64(1), 5e-324, int64(0), int64(1))
	f.Add(int64(1), int64(1), 0x1p-1022, int64(0), int64(1))
	f.Add(int64(3), int64(4), math.NaN(), int64(3), int64(4))
	f.Add(int64(3), int64(4), 1.0, int64(3), int64(4))
	f.Fuzz(func(t *testing.T, s, n int64, conf float64, s2, n2 int64) {
		p, err := outcome.NewProportion(s, n)
		if s < 0 || n < 0 || s > n {
			if !errors.Is(err, outcome.ErrInvalidCount) {
				t.Fatalf("NewProportion(%d, %d) = %v, want ErrInvalidCount", s, n, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("NewProportion(%d, %d): %v", s, n, err)
		}
		confOK := conf >= 0x1p-1022 && conf < 1 // false for NaN and a subnormal
		for _, m := range []outcome.IntervalMethod{outcome.IntervalWilson, outcome.IntervalWald, outcome.IntervalAdjustedWald} {
			iv, err := p.Interval(conf, m)
			switch {
			case !confOK:
				if !errors.Is(err, outcome.ErrInvalidConfidence) {
					t.Fatalf("%v at %v: %v, want ErrInvalidConfidence", p, conf, err)
				}
				continue
			case n == 0:
				if !errors.Is(err, outcome.ErrNoData) {
					t.Fatalf("%v: %v, want ErrNoData", p, err)
				}
				continue
			case err != nil:
				t.Fatalf("%v at %v, %s: %v", p, conf, m, err)
			}
			if !fuzzFinite(iv.Estimate, iv.Low, iv.High) || !(iv.Low <= iv.Estimate && iv.Estimate <= iv.High) {
				t.Fatalf("%v at %v, %s: %+v", p, conf, m, iv)
			}
			if m == outcome.IntervalWilson && (iv.Low < 0 || iv.High > 1) {
				t.Fatalf("Wilson of %v at %v outside [0, 1]: %+v", p, conf, iv)
			}
		}
		if n > 0 {
			down, err := p.Rate(20, outcome.RoundDown)
			if err != nil {
				t.Fatal(err)
			}
			up, err := p.Rate(20, outcome.RoundUp)
			if err != nil {
				t.Fatal(err)
			}
			if down.IsNegative() || up.GreaterThan(decimal.NewFromInt(1)) || up.Sub(down).GreaterThan(decimal.New(1, -20)) {
				t.Fatalf("%v: rate between %s and %s", p, down, up)
			}
		}

		q, err := outcome.NewProportion(s2, n2)
		if err != nil {
			return
		}
		m, err := p.Merge(q)
		if n > math.MaxInt64-n2 {
			if !errors.Is(err, outcome.ErrOverflow) {
				t.Fatalf("%v + %v: %v, want ErrOverflow", p, q, err)
			}
			return
		}
		if err != nil || m.Successes() != s+s2 || m.Trials() != n+n2 {
			t.Fatalf("%v + %v = %v, %v", p, q, m, err)
		}
		if confOK && n > 0 && n2 > 0 {
			c, err := outcome.CompareProportions(p, q, conf)
			if err != nil {
				t.Fatal(err)
			}
			d := c.Difference
			if !fuzzFinite(d.Estimate, d.Low, d.High, c.Z, c.PValue, c.StandardError) ||
				!(-1 <= d.Low && d.Low <= d.Estimate && d.Estimate <= d.High && d.High <= 1) ||
				c.PValue < 0 || c.PValue > 1 {
				t.Fatalf("%v vs %v at %v: %+v", p, q, conf, c)
			}
		}
	})
}

// FuzzProportionJSON checks that decoding never panics, that what decodes
// re-encodes to the same proportion, and that it reports problems as every
// decoder does: the JSON form's first, and, when the form has none, exactly
// NewProportion's for the counts encoding/json reads; JSON null, for the
// proportion or as a count, is refused ([fuzzNullRefused]); the same data
// with its members in any order decodes alike ([ordertest.Check]).
func FuzzProportionJSON(f *testing.F) {
	for _, s := range []string{
		`{"successes":81,"trials":263}`, `{"successes":3,"trials":2}`, `{"successes":-1,"trials":2}`,
		`{"trials":4}`, `{}`, `{"successes":1,"trials":2,"rate":0.5}`, `{"successes":1,"trials":2} {}`,
		`{"successes":1.5,"trials":2}`, `[1,2]`, `null`, `{"successes":"81","trials":-1,"rate":0.3}`,
		`{"successes":5,"trials":"4"}`, `{"trials":2,"successes":3,"Trials":4}`, `{"successes":-1,"trials":-2}`,
		`{"successes":5,"trials":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[outcome.Proportion], outcome.Proportion.Equal)
		p := outcome.MustProportion(1, 3)
		err := p.UnmarshalJSON(data)
		fuzzNullRefused(t, data, err)
		var lenient struct{ Successes, Trials int64 }
		var want outcome.Proportion
		var wantErr error = errors.New("encoding/json refuses it")
		if json.Unmarshal(data, &lenient) == nil {
			want, wantErr = outcome.NewProportion(lenient.Successes, lenient.Trials)
		}
		if err != nil {
			problems := outcome.Problems(err)
			if !p.Equal(outcome.MustProportion(1, 3)) || len(problems) == 0 {
				t.Fatalf("%s: changed to %v, or not an *outcome.Error: %v", data, p, err)
			}
			form := true
			for _, q := range problems {
				if q.Code == outcome.ErrInvalidJSON && !form {
					t.Fatalf("%s: a problem of the JSON form after NewProportion's: %v", data, err)
				}
				if w := msg.GoWords(q.Message); w != "" {
					t.Fatalf("%s: message in Go's words (%q): %q", data, w, q.Message)
				}
				form = form && q.Code == outcome.ErrInvalidJSON
			}
			if problems[0].Code != outcome.ErrInvalidJSON && (wantErr == nil || err.Error() != wantErr.Error()) {
				t.Fatalf("%s: decoding says %v, NewProportion %v", data, err, wantErr)
			}
			return
		}
		if wantErr != nil || !want.Equal(p) {
			t.Fatalf("%s: decoded %v, encoding/json and NewProportion give %v, %v", data, p, want, wantErr)
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back outcome.Proportion
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(p) {
			t.Fatalf("%s -> %v -> %s -> %v, %v", data, p, out, back, err)
		}
	})
}

// FuzzProportionComparisonJSON checks that decoding a comparison never
// panics, leaves it unchanged on error, says every problem as an
// *outcome.Error in the package's words, refuses JSON null wherever it is
// ([fuzzNullRefused]), and decodes the same data with its members in any
// order alike ([ordertest.Check]); and that it accepts only a comparison
// that CompareProportions gives: JSON that strictjson.Decode reads (no key
// that names no field, none given twice), with every field but A's and B's
// counts there, none a number that reads as 0 though written otherwise
// ("1e-400"), whose values are those decoded, and whose A and B,
// confidence and method are what CompareProportions takes and gives, its
// estimate, standard error and z exactly CompareProportions's, and its
// bounds and p-value within the documented tolerance of them, in order
// within their range. What decodes re-encodes and decodes again to the
// same comparison, and so does what CompareProportions gives for its A and
// B at its confidence.
func FuzzProportionComparisonJSON(f *testing.F) {
	c, err := outcome.CompareProportions(outcome.MustProportion(48, 80), outcome.MustProportion(56, 70), 0.95)
	if err != nil {
		f.Fatal(err)
	}
	real, err := json.Marshal(c)
	if err != nil {
		f.Fatal(err)
	}
	const half = `{"a":{"successes":1,"trials":2},"b":{"successes":1,"trials":2},"difference":{"estimate":0,` +
		`"low":-0.5734194679697171,"high":0.5734194679697171,"confidence":0.95,"method":"newcombe"},"standardError":0.5,"z":0,"pValue":1}`
	for _, s := range []string{
		string(real), half, strings.Replace(half, `"pValue":1`, `"pValue":0.9999999999999`, 1),
		strings.Replace(half, `"pValue":1`, `"pValue":1.0000000000001`, 1),
		strings.Replace(half, `-0.5734194679697171`, `-0.5734194679697`, 1),
		strings.Replace(half, `"z":0`, `"z":1e-400`, 1), strings.Replace(half, `"z":0`, `"z":-0`, 1),
		strings.Replace(half, `0.95`, `1e-400`, 1), strings.Replace(half, `0.95`, `5e-324`, 1),
		strings.Replace(half, `newcombe`, `wald`, 1), strings.Replace(half, `,"z":0`, ``, 1),
		strings.Replace(half, `"estimate":0,`, `"estimate":0,"Estimate":0,`, 1),
		`{"b":{"successes":1,"trials":2},"pValue":0.5}`, `{}`, `{"a":null,"b":{"successes":0,"trials":0}}`,
		`{"a":{"successes":3,"trials":2},"b":{"successes":-1,"trials":"x"},"z":"big","colour":1,"difference":{"method":"exact"}}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":1},"difference":[0.1]}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":0,"trials":3},"a":{"successes":2,"trials":2}}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":0,"trials":3},"difference":{"estimate":2,"x":1}}`, `null`, `[1]`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":1},"difference":{"Estimate":"0.1","low":1e400,"method":"wald","METHOD":5}}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":1},"difference":{"method":"wald","method":null,"high":null,"low":-0}}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":null},"z":null}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":1},"difference":{"METHOD":null}}`,
		`{"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":1},"difference":{"x":null,"Estimate":null}}`,
		// "a" given twice, and a number no float64 holds, which does not
		// hide the key given twice from ordertest.Check.
		`{"a":{"successes":1,"trials":1,"x":0},"a":{"successes":1,"trials":1},"b":{"successes":1,"trials":1},"z":1e999}`,
	} {
		f.Add([]byte(s))
	}
	type (
		proportion struct {
			Successes *int64 `json:"successes"`
			Trials    *int64 `json:"trials"`
		}
		interval struct {
			Estimate   json.RawMessage `json:"estimate"`
			Low        json.RawMessage `json:"low"`
			High       json.RawMessage `json:"high"`
			Confidence json.RawMessage `json:"confidence"`
			Method     *string         `json:"method"`
		}
		strict struct {
			A             *proportion     `json:"a"`
			B             *proportion     `json:"b"`
			Difference    *interval       `json:"difference"`
			StandardError json.RawMessage `json:"standardError"`
			Z             json.RawMessage `json:"z"`
			PValue        json.RawMessage `json:"pValue"`
		}
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[outcome.ProportionComparison], func(a, b outcome.ProportionComparison) bool {
			return a == b
		})
		got := c
		err := got.UnmarshalJSON(data)
		fuzzNullRefused(t, data, err)
		if err != nil {
			if got != c || len(outcome.Problems(err)) == 0 {
				t.Fatalf("%s: changed to %+v, or not an *outcome.Error: %v", data, got, err)
			}
			for _, p := range outcome.Problems(err) {
				if !strings.HasPrefix(p.Message, "outcome: ") || msg.GoWords(p.Message) != "" {
					t.Fatalf("%s: message %q (Go's words: %q)", data, p.Message, msg.GoWords(p.Message))
				}
			}
			return
		}

		// Strict JSON, with every field there, whose values are those
		// decoded, as written.
		var s strict
		if err := strictjson.Decode(data, &s); err != nil {
			t.Fatalf("%s: decoded, but strictjson.Decode says %v", data, err)
		}
		if s.A == nil || s.B == nil || s.Difference == nil || s.Difference.Method == nil {
			t.Fatalf("%s: decoded without A, B, the difference or its method", data)
		}
		d := got.Difference
		for _, n := range []struct {
			raw json.RawMessage
			v   float64
		}{{s.Difference.Estimate, d.Estimate}, {s.Difference.Low, d.Low}, {s.Difference.High, d.High},
			{s.Difference.Confidence, d.Confidence}, {s.StandardError, got.StandardError}, {s.Z, got.Z}, {s.PValue, got.PValue}} {
			text := strings.Trim(string(n.raw), " \t\r\n")
			v, err := strconv.ParseFloat(text, 64)
			if err != nil || v != n.v || v == 0 && floattext.Underflows(text, v) {
				t.Fatalf("%s: decoded %v from %q (absent, or not the number written)", data, n.v, n.raw)
			}
		}
		count := func(n *int64) int64 {
			if n == nil {
				return 0
			}
			return *n
		}
		for i, p := range []*proportion{s.A, s.B} {
			q, err := outcome.NewProportion(count(p.Successes), count(p.Trials))
			if err != nil || q != [2]outcome.Proportion{got.A, got.B}[i] {
				t.Fatalf("%s: decoded %v and %v, written %+v", data, got.A, got.B, p)
			}
		}
		if m, err := outcome.ParseIntervalMethod(*s.Difference.Method); err != nil || m != d.Method {
			t.Fatalf("%s: decoded method %v from %q", data, d.Method, *s.Difference.Method)
		}

		// What CompareProportions gives.
		want, err := outcome.CompareProportions(got.A, got.B, d.Confidence)
		if err != nil {
			t.Fatalf("%s: decoded, but CompareProportions says %v", data, err)
		}
		w := want.Difference
		const tol = 1e-12
		if d.Estimate != w.Estimate || d.Confidence != w.Confidence || d.Method != w.Method ||
			got.StandardError != want.StandardError || got.Z != want.Z ||
			!(math.Abs(d.Low-w.Low) <= tol && -1 <= d.Low && d.Low <= w.Estimate) ||
			!(math.Abs(d.High-w.High) <= tol && w.Estimate <= d.High && d.High <= 1) ||
			!(math.Abs(got.PValue-want.PValue) <= tol*max(want.PValue, floattext.MinNormal) && 0 <= got.PValue && got.PValue <= 1) {
			t.Fatalf("%s: decoded %+v, CompareProportions gives %+v", data, got, want)
		}

		// Decode, encode, decode again; and CompareProportions's own.
		for _, v := range []outcome.ProportionComparison{got, want} {
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var back outcome.ProportionComparison
			if err := json.Unmarshal(out, &back); err != nil || back != v {
				t.Fatalf("%s -> %+v -> %s -> %+v, %v", data, v, out, back, err)
			}
		}
	})
}

// fuzzNullRefused fails t unless err, the error of decoding data, refuses
// JSON null: for the whole value as [outcome.WholeJSONNullRefusal] says, and
// the null that data holds as a member's value or an element
// ([outcome.HasInnerJSONNull]) with a problem of code ErrInvalidJSON.
func fuzzNullRefused(t *testing.T, data []byte, err error) {
	t.Helper()
	if w := outcome.WholeJSONNullRefusal(data, err); w != "" {
		t.Fatal(w)
	}
	if !outcome.HasInnerJSONNull(data) {
		return
	}
	if !slices.ContainsFunc(outcome.Problems(err), func(p *outcome.Error) bool { return p.Code == outcome.ErrInvalidJSON }) {
		t.Fatalf("%q holds null as a value, which must be refused (invalid-json); got %v", data, err)
	}
}

// FuzzParseRounding checks that parsing never panics and that String
// inverts it.
func FuzzParseRounding(f *testing.F) {
	for _, s := range []string{"half-even", "Bankers", "HALF_UP", "toward zero", "ceil", "nearest", "", "half\x00even"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := outcome.ParseRounding(text)
		if err != nil {
			if !errors.Is(err, outcome.ErrUnknownRounding) {
				t.Fatal(err)
			}
			return
		}
		back, err := outcome.ParseRounding(r.String())
		if err != nil || back != r {
			t.Fatalf("%q -> %v -> %v, %v", text, r, back, err)
		}
	})
}

// FuzzParseIntervalMethod checks that parsing never panics and that String
// inverts it.
func FuzzParseIntervalMethod(f *testing.F) {
	for _, s := range []string{"wilson", "Wilson score", "Agresti-Coull", "hybrid score", "exact", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		m, err := outcome.ParseIntervalMethod(text)
		if err != nil {
			if !errors.Is(err, outcome.ErrInvalidIntervalMethod) {
				t.Fatal(err)
			}
			return
		}
		back, err := outcome.ParseIntervalMethod(m.String())
		if err != nil || back != m {
			t.Fatalf("%q -> %v -> %v, %v", text, m, back, err)
		}
	})
}

// FuzzRoundingRound checks that Round never panics or hangs, whatever the
// exponent, that its result is within one unit of the input, and that it
// agrees with shopspring/decimal's own modes where those are cheap.
func FuzzRoundingRound(f *testing.F) {
	f.Add(int64(125), int32(-3), int32(2), uint8(1))
	f.Add(int64(-125), int32(-3), int32(2), uint8(3))
	f.Add(int64(1), int32(-2_000_000_000), int32(2), uint8(4))
	f.Add(int64(5), int32(2_000_000_000), int32(2), uint8(5))
	f.Add(int64(math.MinInt64), int32(0), int32(-100), uint8(7))
	f.Add(int64(1), int32(0), int32(101), uint8(1))
	f.Add(int64(1), int32(0), int32(0), uint8(0))
	f.Add(int64(1), int32(0), int32(-101), uint8(9)) // both arguments wrong: both reported
	f.Fuzz(func(t *testing.T, coef int64, exp, places int32, mode uint8) {
		d := decimal.New(coef, exp)
		r := outcome.Rounding(mode)
		got, err := r.Round(d, places)
		switch {
		case !r.IsValid():
			if !errors.Is(err, outcome.ErrUnknownRounding) {
				t.Fatalf("mode %d: %v", mode, err)
			}
			// Places out of range are reported with the mode, not hidden by it.
			if bad := places < -outcome.MaxPlaces || places > outcome.MaxPlaces; bad != errors.Is(err, outcome.ErrInvalidPlaces) {
				t.Fatalf("mode %d, places %d: %v", mode, places, err)
			}
			return
		case places < -outcome.MaxPlaces || places > outcome.MaxPlaces:
			if !errors.Is(err, outcome.ErrInvalidPlaces) {
				t.Fatalf("places %d: %v", places, err)
			}
			return
		case err != nil:
			t.Fatal(err)
		}
		if exp < -1000 || exp > 1000 {
			return // comparing would build numbers of millions of digits
		}
		if got.Sub(d).Abs().GreaterThanOrEqual(decimal.New(1, -places)) {
			t.Fatalf("%s of %s at %d = %s: more than a unit away", r, d, places, got)
		}
		var want decimal.Decimal
		switch r {
		case outcome.RoundHalfEven:
			want = d.RoundBank(places)
		case outcome.RoundHalfUp:
			want = d.Round(places)
		case outcome.RoundUp:
			want = d.RoundUp(places)
		case outcome.RoundDown:
			want = d.RoundDown(places)
		case outcome.RoundCeiling:
			want = d.RoundCeil(places)
		case outcome.RoundFloor:
			want = d.RoundFloor(places)
		default:
			return
		}
		if !want.Equal(got) {
			t.Fatalf("%s of %s at %d = %s, decimal says %s", r, d, places, got, want)
		}
	})
}

// FuzzFailureDemandAdd checks the intake: invalid reasons and counts are
// refused and change nothing, valid ones are counted, the breakdown adds up,
// the JSON round-trips, and merging two tallies equals adding to one.
func FuzzFailureDemandAdd(f *testing.F) {
	f.Add("repeat call", true, int64(3), "new order", false, int64(5))
	f.Add("", true, int64(0), "", false, int64(0))
	f.Add(" chaser", true, int64(1), "chaser\x00", true, int64(1))
	f.Add("chaser", true, int64(-1), "bad\xff", false, int64(1))
	f.Add(" chaser", true, int64(-1), "", false, int64(0)) // both problems of one Add
	f.Add("x", false, int64(math.MaxInt64), "y", true, int64(1))
	f.Fuzz(func(t *testing.T, r1 string, f1 bool, c1 int64, r2 string, f2 bool, c2 int64) {
		var one, a, b outcome.FailureDemand
		err1 := one.Add(r1, f1, c1)
		if err1 != nil && !one.IsZero() {
			t.Fatalf("a failed Add changed the tally: %v", err1)
		}
		_ = a.Add(r1, f1, c1)
		before := one.Clone()
		err2 := one.Add(r2, f2, c2)
		if err2 != nil && !before.Equal(&one) {
			t.Fatalf("a failed Add changed the tally: %v", err2)
		}
		if err2 == nil {
			if err := b.Add(r2, f2, c2); err != nil {
				t.Fatal(err)
			}
			if err := a.Merge(&b); err != nil || !a.Equal(&one) {
				t.Fatalf("merge of parts differs from the whole: %v", err)
			}
		}
		for _, x := range []struct {
			reason string
			count  int64
			err    error
		}{{r1, c1, err1}, {r2, c2, err2}} {
			if x.err != nil {
				fuzzAddProblems(t, x.reason, x.count, x.err)
			}
		}
		fuzzCheckTally(t, &one)
	})
}

// fuzzAddProblems checks the problems err of adding count contacts with
// reason: an invalid reason and a negative count are each reported, the
// reason's first, and nothing else with them; otherwise the problems are
// those of adding, an overflow, too many reasons or both, in that order.
func fuzzAddProblems(t *testing.T, reason string, count int64, err error) {
	t.Helper()
	var fresh outcome.FailureDemand // adding 1 to it fails for the reason alone
	var want []outcome.Code
	if fresh.AddValue(reason, 1) != nil {
		want = append(want, outcome.ErrInvalidReason)
	}
	if count < 0 {
		want = append(want, outcome.ErrInvalidCount)
	}
	got := propCodes(err)
	if want == nil {
		switch {
		case slices.Equal(got, []outcome.Code{outcome.ErrOverflow}), slices.Equal(got, []outcome.Code{outcome.ErrTooManyReasons}),
			slices.Equal(got, []outcome.Code{outcome.ErrOverflow, outcome.ErrTooManyReasons}):
			return
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Add(%q, %d): problems %v, want %v: %v", reason, count, got, want, err)
	}
}

// FuzzFailureDemandJSON checks that decoding never panics, that a decoded
// tally is consistent and re-encodes to the same bytes, that a refused
// input leaves the tally unchanged, that JSON null, for the tally or
// inside it, is refused ([fuzzNullRefused]), and that the same data with
// its members in any order decodes alike ([ordertest.Check]).
func FuzzFailureDemandJSON(f *testing.F) {
	for _, s := range []string{
		`{"value":[{"reason":"","count":600},{"reason":"new order","count":100}],"failure":[{"reason":"repeat call","count":180}]}`,
		`{"failure":[{"reason":"chaser","count":1},{"reason":"chaser","count":2}]}`,
		`{"value":[{"reason":" a","count":1},{"reason":"b","count":-1}]}`,
		`{"value":[{"reason":"a","count":9223372036854775807},{"reason":"b","count":1}]}`,
		`{"failure":[{"reason":"chaser","count":0}]}`, `{"value":[{"reason":"a"}]}`,
		`{}`, `{"value":null}`, `{"total":3}`, `{} []`, `null`, `{"failure":{"a":1}}`,
		`{"value":[{"reason":"new order","count":"3"},{"reason":5,"count":-1},7],"failure":{"chaser":1},"total":3}`,
		`{"failure":[{"reason":"chaser","cnt":2},{"reason":"chaser","count":1},{"count":0}]}`,
		`{"value":[null,{"reason":null,"count":2,"Count":3}],"Value":[]}`,
		`{"failure":[{"reason":"chaser","count":null}]}`, `{"value":[{"reason":"a","count":1,"x":null}]}`,
		// A row's reason, invalid or listed twice, does not hide its count.
		`{"failure":[{"reason":" chaser","count":0}]}`, `{"value":[{"reason":"a","count":1},{"reason":"a","count":-2},{"reason":"a"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ordertest.Check(t, data, ordertest.Unmarshal[outcome.FailureDemand], func(a, b outcome.FailureDemand) bool { return a.Equal(&b) })
		var d outcome.FailureDemand
		_ = d.AddFailure("sentinel", 7)
		before := d.Clone()
		err := d.UnmarshalJSON(data)
		fuzzNullRefused(t, data, err)
		if err != nil {
			if !before.Equal(&d) {
				t.Fatalf("a refused input changed the tally: %v", err)
			}
			problems := outcome.Problems(err)
			if len(problems) == 0 {
				t.Fatalf("error without an *outcome.Error: %v", err)
			}
			form := true
			for _, p := range problems {
				if p.Code == outcome.ErrInvalidJSON && !form {
					t.Fatalf("a problem of the JSON form after the rows': %v", err)
				}
				// The JSON form's problems are in JSON's words; an
				// overflow names int64, the counts' limit.
				if w := msg.GoWords(p.Message); p.Code == outcome.ErrInvalidJSON && w != "" {
					t.Fatalf("message in Go's words (%q): %q", w, p.Message)
				}
				form = form && p.Code == outcome.ErrInvalidJSON
			}
			if !slices.Contains(propCodes(err), outcome.ErrInvalidJSON) {
				fuzzRowCountsReported(t, data, err)
			}
			return
		}
		fuzzRowCountsReported(t, data, nil)
		fuzzCheckTally(t, &d)
	})
}

// fuzzRowCountsReported checks, for the JSON of a FailureDemand whose form
// is valid, that each row whose count is 0, absent or negative has one
// problem with code ErrInvalidCount, whatever else is wrong with the row
// (its reason invalid or listed twice): err has exactly as many.
func fuzzRowCountsReported(t *testing.T, data []byte, err error) {
	t.Helper()
	var loose map[string][]struct {
		Count *int64 `json:"count"`
	}
	if json.Unmarshal(data, &loose) != nil {
		t.Fatalf("%q: a form the decoder found valid does not read loosely", data)
	}
	want := 0
	for _, rows := range loose {
		for _, r := range rows {
			if r.Count == nil || *r.Count <= 0 {
				want++
			}
		}
	}
	got := 0
	for _, c := range propCodes(err) {
		if c == outcome.ErrInvalidCount {
			got++
		}
	}
	if got != want {
		t.Fatalf("%q: %d rows with a count not above 0, %d invalid-count problems: %v", data, want, got, err)
	}
}

// fuzzCheckTally checks a tally's invariants: totals, breakdowns that add up
// to them with shares summing to 1, and a JSON round trip to equal bytes.
func fuzzCheckTally(t *testing.T, d *outcome.FailureDemand) {
	t.Helper()
	if d.Total() != d.Value()+d.Failure() || d.Value() < 0 || d.Failure() < 0 || d.Total() < 0 {
		t.Fatalf("totals %d + %d = %d", d.Value(), d.Failure(), d.Total())
	}
	for k, want := range []int64{d.Value(), d.Failure()} {
		reasons := d.ValueReasons
		if k == 1 {
			reasons = d.FailureReasons
		}
		rows, err := reasons(4)
		if err != nil {
			t.Fatal(err)
		}
		var sum int64
		share := decimal.Zero
		for _, r := range rows {
			sum += r.Count
			share = share.Add(r.Share)
		}
		if sum != want || (len(rows) > 0 && !share.Equal(decimal.NewFromInt(1))) {
			t.Fatalf("breakdown %d sums to %d (shares %s), want %d", k, sum, share, want)
		}
	}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back outcome.FailureDemand
	if err := json.Unmarshal(data, &back); err != nil || !back.Equal(d) {
		t.Fatalf("round trip of %s: %v", data, err)
	}
	again, _ := json.Marshal(&back)
	if string(again) != string(data) {
		t.Fatalf("re-encoding differs: %s vs %s", data, again)
	}
}
