package outcome_test

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/floattext"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// checkResultJSON checks the properties every decoder of a result read
// back shares, for data decoded into a copy of start: it never panics; the
// same data with its members reversed decodes alike ([ordertest.Check]);
// JSON null is refused (fuzzNullRefused); on error the value is unchanged,
// every problem is an *outcome.Error said in the package's words, not Go's,
// the problems of the form (invalid-json) come before the others, and each
// key of the object that names none of fields is reported, by its key;
// on success data is strict JSON (no key given twice, case variants
// included) with no null, and what decodes re-encodes to JSON that decodes
// to an equal value. It returns the value decoded and whether it decoded.
func checkResultJSON[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, start T, fields []string, equal func(a, b T) bool) (T, bool) {
	t.Helper()
	ordertest.Check(t, data, ordertest.Unmarshal[T, PT], equal)
	got := start
	err := PT(&got).UnmarshalJSON(data)
	fuzzNullRefused(t, data, err)
	if err != nil {
		if !equal(got, start) || len(outcome.Problems(err)) == 0 {
			t.Fatalf("%q: changed to %+v, or not an *outcome.Error: %v", data, got, err)
		}
		problems := outcome.Problems(err)
		form := true
		for _, p := range problems {
			if !strings.HasPrefix(p.Message, "outcome: ") || msg.GoWords(p.Message) != "" {
				t.Fatalf("%q: message %q (Go's words: %q)", data, p.Message, msg.GoWords(p.Message))
			}
			if p.Code == outcome.ErrInvalidJSON && !form {
				t.Fatalf("%q: a problem of the form after one of the values: %v", data, err)
			}
			form = form && p.Code == outcome.ErrInvalidJSON
		}
		if members, err := strictjson.Members(data); err == nil {
			for _, m := range members {
				if strictjson.Field(fields, m.Key) >= 0 || len(m.Key) > 20 || strconv.Quote(m.Key) != `"`+m.Key+`"` {
					continue
				}
				if !slices.ContainsFunc(problems, func(p *outcome.Error) bool {
					return strings.HasSuffix(p.Message, fmt.Sprintf("has an unknown field %q", m.Key))
				}) {
					t.Fatalf("%q: unknown key %q not reported: %v", data, m.Key, err)
				}
			}
		}
		return got, false
	}
	if err := strictjson.Decode(data, new(json.RawMessage)); err != nil || outcome.HasInnerJSONNull(data) {
		t.Fatalf("%q: decoded, but is not strict JSON without null: %v", data, err)
	}
	out, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("%q: decoded %+v does not encode: %v", data, got, err)
	}
	var back T
	if err := PT(&back).UnmarshalJSON(out); err != nil || !equal(back, got) {
		t.Fatalf("%q -> %+v -> %s -> %+v, %v", data, got, out, back, err)
	}
	return got, true
}

// fuzzNumbers checks that each number of raw, a JSON object decoded with
// no error, is held as written: it reads as the value decoded and is not
// written as a number that is not 0 but reads as 0 ("1e-400").
func fuzzNumbers(t *testing.T, data []byte, raw map[string]json.RawMessage, values map[string]float64) {
	t.Helper()
	for name, v := range values {
		r, ok := raw[name]
		if !ok {
			t.Fatalf("%q: decoded without %q", data, name)
		}
		text := strings.Trim(string(r), " \t\r\n")
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || f != v || f == 0 && floattext.Underflows(text, f) {
			t.Fatalf("%q: decoded %v from %s", data, v, r)
		}
	}
}

// fuzzLowerKeys returns the members of the JSON object data by their keys
// in lower case (the decoders match keys as encoding/json does).
func fuzzLowerKeys(t *testing.T, data []byte) map[string]json.RawMessage {
	t.Helper()
	members, err := strictjson.Members(data)
	if err != nil {
		t.Fatalf("%q: decoded, but %v", data, err)
	}
	out := map[string]json.RawMessage{}
	for _, m := range members {
		out[strings.ToLower(m.Key)] = m.Value
	}
	return out
}

// checkIntervalValues checks what Interval.UnmarshalJSON accepts: every
// number as written, Low <= Estimate <= High, a confidence in [2^-1022, 1), a
// valid method, and a Wilson or Newcombe interval within its range.
func checkIntervalValues(t *testing.T, data []byte, iv outcome.Interval) {
	t.Helper()
	raw := fuzzLowerKeys(t, data)
	fuzzNumbers(t, data, raw, map[string]float64{"estimate": iv.Estimate, "low": iv.Low, "high": iv.High, "confidence": iv.Confidence})
	if !(iv.Low <= iv.Estimate && iv.Estimate <= iv.High) || !(iv.Confidence >= 0x1p-1022 && iv.Confidence < 1) || !iv.Method.IsValid() ||
		iv.Method == outcome.IntervalWilson && (iv.Low < 0 || iv.High > 1) ||
		iv.Method == outcome.IntervalNewcombe && (iv.Low < -1 || iv.High > 1) {
		t.Fatalf("%q: decoded %+v", data, iv)
	}
}

// FuzzIntervalJSON checks Interval.UnmarshalJSON as checkResultJSON does,
// and that what decodes is an interval as its doc says
// (checkIntervalValues).
func FuzzIntervalJSON(f *testing.F) {
	p := outcome.MustProportion(81, 263)
	for _, m := range []outcome.IntervalMethod{outcome.IntervalWilson, outcome.IntervalWald, outcome.IntervalAdjustedWald} {
		iv, err := p.Interval(0.95, m)
		if err != nil {
			f.Fatal(err)
		}
		data, _ := json.Marshal(iv)
		f.Add(data)
	}
	for _, s := range []string{
		`{"estimate":0.5,"low":0.6,"high":0.40,"confidence":7,"method":"wald"}`,
		`{"colour":1,"low":0.1,"estimate":1e-400,"LOW":0.2,"high":null,"method":"exact"}`,
		`{"estimate":0.5,"low":-0.1,"high":1.5,"confidence":0.95,"method":"wilson"}`,
		`{"estimate":0,"low":-1,"high":1,"confidence":5e-324,"method":"newcombe"}`,
		`{"estimate":0,"low":-1,"high":1,"confidence":2.2250738585072014e-308,"method":"newcombe"}`,
		`{"estimate":0,"low":-0,"high":0,"confidence":1e-400,"method":"wald","z":1,"a":2}`, `null`, `[1]`, `{}`,
	} {
		f.Add([]byte(s))
	}
	start := outcome.Interval{Estimate: 0.5, Low: 0.25, High: 0.75, Confidence: 0.9, Method: outcome.IntervalWald}
	f.Fuzz(func(t *testing.T, data []byte) {
		iv, ok := checkResultJSON(t, data, start, []string{"estimate", "low", "high", "confidence", "method"}, outcome.Interval.Equal)
		if ok {
			checkIntervalValues(t, data, iv)
		}
	})
}

// FuzzScoreTestJSON checks ScoreTest.UnmarshalJSON as checkResultJSON
// does, and that what decodes is a test as its doc says: its interval as
// FuzzIntervalJSON checks it, a Wald interval around the difference, z
// exactly Difference / StandardError with StandardError > 0, and the
// p-value and the bounds within the tolerance of what the test gives.
func FuzzScoreTestJSON(f *testing.F) {
	a, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 50, 30, 20)
	b, _ := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 35, 35, 30)
	for _, st := range []func() (outcome.ScoreTest, error){
		func() (outcome.ScoreTest, error) { return a.TestAgainst(10, 0.95) },
		func() (outcome.ScoreTest, error) { return a.TestDifference(b, 0.9) },
	} {
		v, err := st()
		if err != nil {
			f.Fatal(err)
		}
		data, _ := json.Marshal(v)
		f.Add(data)
	}
	for _, s := range []string{
		goodScoreTest,
		strings.Replace(goodScoreTest, `"z":2`, `"z":3`, 1),
		strings.Replace(goodScoreTest, `0.04550026389635844`, `0.0455002638963`, 1),
		strings.Replace(goodScoreTest, `"wald"`, `"wilson"`, 1),
		strings.Replace(goodScoreTest, `"interval":{`, `"interval":{"x":1,`, 1),
		`{"difference":"2","standardError":0,"pValue":1.5,"x":1,"interval":{"estimate":2,"low":null,"high":3,"confidence":0.95,"method":"wald"}}`,
		`{"difference":0,"standardError":1,"z":1e-400,"pValue":1,"interval":{"estimate":0,"low":-1.9599639845400534,"high":1.9599639845400534,"confidence":0.95,"method":"wald"}}`,
		`{"difference":0,"standardError":1,"z":-0,"pValue":1,"interval":{"estimate":0,"low":-1.9599639845400534,"high":1.9599639845400534,"confidence":0.95,"method":"wald"}}`,
		`{"interval":null}`, `null`, `{}`,
	} {
		f.Add([]byte(s))
	}
	var start outcome.ScoreTest
	if err := json.Unmarshal([]byte(goodScoreTest), &start); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, ok := checkResultJSON(t, data, start, []string{"difference", "standardError", "z", "pValue", "interval"},
			func(a, b outcome.ScoreTest) bool { return a == b })
		if !ok {
			return
		}
		raw := fuzzLowerKeys(t, data)
		fuzzNumbers(t, data, raw, map[string]float64{"difference": st.Difference, "standarderror": st.StandardError, "z": st.Z, "pvalue": st.PValue})
		checkIntervalValues(t, raw["interval"], st.Interval)
		iv := st.Interval
		crit := math.Sqrt2 * math.Erfinv(iv.Confidence)
		wantP := math.Erfc(math.Abs(st.Difference/st.StandardError) / math.Sqrt2)
		tol := 1e-12 * (math.Abs(st.Difference) + crit*st.StandardError)
		if !(st.StandardError > 0) || st.Z != st.Difference/st.StandardError || iv.Estimate != st.Difference ||
			iv.Method != outcome.IntervalWald || math.Abs(st.PValue-wantP) > 1e-12*max(wantP, floattext.MinNormal) ||
			st.PValue < 0 || st.PValue > 1 ||
			math.Abs(iv.Low-(st.Difference-crit*st.StandardError)) > tol || math.Abs(iv.High-(st.Difference+crit*st.StandardError)) > tol {
			t.Fatalf("%q: decoded %+v", data, st)
		}
	})
}

// FuzzClassificationJSON checks Classification.UnmarshalJSON as
// checkResultJSON does, and that what decodes is the zero Classification
// or one of the catalogue's form, as its doc says; every entry of the
// catalogue is a seed.
func FuzzClassificationJSON(f *testing.F) {
	for c := range outcome.Catalogue() {
		data, _ := json.Marshal(c)
		f.Add(data)
	}
	for _, s := range []string{
		`{}`, `null`, `{"name":""}`,
		`{"name":"Calls handled","level":"output","kind":"revenue","reason":"business outcome: x"}`,
		`{"level":"outptu","direction":null,"kind":"profit","Name":"","x":0,"name":"y"}`,
		`{"name":"Revenue","level":"business-outcome","direction":"higher-is-better","reason":"business outcome: r"}`,
	} {
		f.Add([]byte(s))
	}
	start := outcome.Classify("AHT")
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ok := checkResultJSON(t, data, start, []string{"name", "level", "direction", "kind", "reason"}, outcome.Classification.Equal)
		if !ok || c.IsZero() {
			return
		}
		if c.Name == "" || !c.Level.IsValid() || !c.Direction.IsValid() || (c.Level == outcome.BusinessOutcome) != c.Kind.IsValid() ||
			!strings.HasPrefix(c.Reason, strings.ToLower(c.Level.String())+": ") {
			t.Fatalf("%q: decoded %+v", data, c)
		}
	})
}

// FuzzReasonCountJSON checks ReasonCount.UnmarshalJSON as checkResultJSON
// does, and that what decodes is a row a breakdown could hold, or the
// zero row: a reason FailureDemand.Add takes, a count of 0 or more, and a
// share from 0 to 1, 0 for a count of 0.
func FuzzReasonCountJSON(f *testing.F) {
	for _, s := range []string{
		`{"reason":"chaser","count":90,"share":"0.33"}`, `{"reason":"chaser","count":-4,"share":1.5,"colour":"red","count":7}`,
		`{"Reason":"repeat call","COUNT":null,"share":null}`, `{"reason":5,"count":"7","share":"x"}`,
		`{"reason":"","count":0,"share":0}`, `{"reason":" x","count":0,"share":"0.5"}`,
		`{"count":1.5,"share":true}`, `{"share":1e-10001}`, `{"reason":"a","count":1,"share":"7e-30"}`, `[1]`, `null`, ` null `, `{}`,
		`{"count":9223372036854775808}`, `{"reason":null}`, `{} x`, "{\"\xff\":null}", "{\"reason\":\"\xff\"}",
	} {
		f.Add([]byte(s))
	}
	start := outcome.ReasonCount{Reason: "sentinel", Count: 3, Share: decimal.New(25, -2)}
	f.Fuzz(func(t *testing.T, data []byte) {
		rc, ok := checkResultJSON(t, data, start, []string{"reason", "count", "share"}, func(a, b outcome.ReasonCount) bool {
			return a.Reason == b.Reason && a.Count == b.Count && a.Share.Equal(b.Share)
		})
		if !ok {
			return
		}
		var d outcome.FailureDemand
		if rc.Reason != outcome.NoReason && d.AddFailure(rc.Reason, 1) != nil || rc.Count < 0 ||
			rc.Share.Sign() < 0 || rc.Share.GreaterThan(decimal.NewFromInt(1)) || rc.Count == 0 && !rc.Share.IsZero() {
			t.Fatalf("%q: decoded %+v", data, rc)
		}
	})
}
