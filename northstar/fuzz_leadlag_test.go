package northstar

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/nulltest"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// floatsOf reads data as little-endian float64s, in pairs: one for x, one
// for y. A trailing part of fewer than 16 bytes is ignored.
func floatsOf(data []byte) (x, y []float64) {
	for len(data) >= 16 {
		x = append(x, math.Float64frombits(binary.LittleEndian.Uint64(data)))
		y = append(y, math.Float64frombits(binary.LittleEndian.Uint64(data[8:])))
		data = data[16:]
	}
	return x, y
}

func bytesOf(x, y []float64) []byte {
	var out []byte
	for i := range x {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(x[i]))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(y[i]))
	}
	return out
}

// FuzzAnalyzeLeadLag analyses arbitrary series (any bit patterns: NaN,
// infinities, subnormals, huge values, ties) with arbitrary options, and
// with one series cut short. It must never panic. A failure must be
// *outcome.Error values with codes, the series' problems the same whatever
// the method and the confidence level ([checkSeriesProblemsAlone]); a success must give correlations in
// [-1, 1] (never NaN), an interval around the strongest one, a valid
// verdict that agrees with the interval, a JSON form that reads back equal,
// and the mirror image when the series swap roles.
func FuzzAnalyzeLeadLag(f *testing.F) {
	f.Add(bytesOf([]float64{1, 2, 3, 4, 5}, []float64{2, 1, 4, 3, 6}), 1, uint8(1), 0.95, false)
	f.Add(bytesOf(anscombeX, anscombeY), 0, uint8(2), 0.0, false)
	f.Add(bytesOf([]float64{1, 1e-320, 2e-320, 3e-320, 1e-320}, []float64{1e308, -1e308, 0, 5, 1e-300}), 1, uint8(0), 0.5, false)
	f.Add(bytesOf([]float64{7, 7, 7, 7, 7}, []float64{1, 2, 3, 4, 5}), 0, uint8(1), 0.9, true)
	f.Add(bytesOf([]float64{1, math.NaN(), 3, 4}, []float64{1, 2, math.Inf(1), 4}), -1, uint8(7), 1.5, false)
	f.Add(bytesOf([]float64{7, 7, 7, 7, 7}, []float64{1, 2, 3, 4, 5}), 0, uint8(9), 2.0, false)
	f.Fuzz(func(t *testing.T, data []byte, maxLag int, method uint8, confidence float64, short bool) {
		x, y := floatsOf(data)
		if short && len(y) > 0 {
			y = y[1:]
		}
		opts := LagOptions{MaxLag: maxLag, Method: Method(method), Confidence: confidence}
		l, err := AnalyzeLeadLag(x, y, opts)
		checkSeriesProblemsAlone(t, x, y, opts, err)
		if err != nil {
			probs := outcome.Problems(err)
			if len(probs) == 0 {
				t.Fatalf("error without *outcome.Error: %v", err)
			}
			for _, p := range probs {
				if p.Code == "" || !strings.HasPrefix(p.Message, "northstar: ") {
					t.Fatalf("bad problem: %#v", p)
				}
			}
			checkShape(t, err)
			return
		}
		for c := range l.Correlations() {
			if !(c.R >= -1 && c.R <= 1) {
				t.Fatalf("r = %v at lag %d", c.R, c.Lag)
			}
			if math.Abs(c.R) > math.Abs(l.Best().R) {
				t.Fatalf("lag %d (r = %v) is stronger than the best, %v", c.Lag, c.R, l.Best())
			}
		}
		b := l.Best()
		low, high := l.Interval()
		if !(low >= -1 && low <= b.R && b.R <= high && high <= 1) {
			t.Fatalf("interval (%v, %v) around %v", low, high, b.R)
		}
		v := l.Verdict()
		if !v.IsValid() || (v == NoEvidence) != (low <= 0 && high >= 0) {
			t.Fatalf("verdict %v with interval (%v, %v)", v, low, high)
		}
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back LeadLag
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(l) {
			t.Fatalf("round trip of %s: %v", out, err)
		}
		m, err := AnalyzeLeadLag(y, x, opts)
		if err != nil {
			t.Fatalf("swapped: %v", err)
		}
		for c := range l.Correlations() {
			d, _ := m.At(-c.Lag)
			if d.R != c.R {
				t.Fatalf("swapped: lag %d r = %v, mirror %v", c.Lag, c.R, d.R)
			}
		}
	})
}

// checkSeriesProblemsAlone checks that err, what AnalyzeLeadLag(x, y,
// opts) returned, reports the series' problems whatever the method and the
// confidence level: its problems other than theirs ([ErrUnknownMethod],
// [ErrInvalidConfidence]) are those of the same series under the same
// maximum lag with the default method and level, in the same order, so
// that options it refuses hide none of them.
func checkSeriesProblemsAlone(t *testing.T, x, y []float64, opts LagOptions, err error) {
	t.Helper()
	var got, want []string
	for _, p := range outcome.Problems(err) {
		if p.Code != ErrUnknownMethod && p.Code != ErrInvalidConfidence {
			got = append(got, p.Error())
		}
	}
	_, alone := AnalyzeLeadLag(x, y, LagOptions{MaxLag: opts.MaxLag})
	for _, p := range outcome.Problems(alone) {
		want = append(want, p.Error())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("the series' problems with %+v:\n%q\nwith the default method and level:\n%q", opts, got, want)
	}
}

// checkPerLagChecked checks that err, the error of decoding in as a
// lead/lag result, reports a per-lag confidence that does not follow from
// the confidence level and the maximum lag whenever the three were read
// and the level and the lag are sound, whatever else is wrong: the check
// needs nothing more.
func checkPerLagChecked(t *testing.T, in string, err error) {
	t.Helper()
	if jsondecode.IsNull([]byte(in)) {
		return
	}
	f := jsondecode.Form{Pkg: "northstar", At: "lead/lag result"}
	members, ok := f.Top([]byte(in), nil)
	if !ok {
		return
	}
	ll := readLeadLag(&f, jsondecode.Path{}, nil, members)
	c := ll.Confidence
	if ll.unread[llMaxLag] || ll.unread[llConfidence] || ll.unread[llPerLag] || ll.MaxLag < 0 || c == 0 ||
		len(LagOptions{Confidence: c}.validate("", nil, nil, ll.confText)) > 0 || ll.PerLag == perLagConfidence(c, ll.MaxLag) {
		return
	}
	for _, p := range outcome.Problems(err) {
		if strings.HasPrefix(p.Message, "northstar: lead/lag result: per-lag confidence ") {
			return
		}
	}
	t.Fatalf("%s: per-lag confidence %v, where %v is expected, not reported: %v", in, ll.PerLag, perLagConfidence(c, ll.MaxLag), err)
}

// FuzzLeadLagJSON decodes arbitrary JSON as a lead/lag result. It must never
// panic; a failure must be *outcome.Error values in this package's words
// ([checkProblems]), every problem of the JSON form ([outcome.ErrInvalidJSON])
// before the others, each key of the result that names no field among
// them, the same problems in the same order with the members of its objects
// in any order ([ordertest.Check]), and leave the result unchanged; a
// success must be strict JSON (no key that names no field, none given
// twice, no null but for the whole result) and marshal and decode again to
// an equal result. A per-lag confidence that does not follow from a sound
// level and maximum lag is reported whatever else is wrong
// ([checkPerLagChecked]).
func FuzzLeadLagJSON(f *testing.F) {
	f.Add(handLeadLag)
	f.Add(strings.NewReplacer(`"verdict":"coincident"`, `"verdict":7`, `"r":0.25,"pairs":5}`, `"r":0.25,"pairs":5,"q":1}`).Replace(handLeadLag))
	f.Add(strings.NewReplacer(`"method":"pearson"`, `"method":5`, `"len":6`, `"len":"6"`, `"best":{"lag":0`, `"best":{"z":0,"lag":0`).Replace(handLeadLag))
	f.Add(strings.Replace(handLeadLag, `"maxLag":1`, `"maxLag":-1`, 1))
	f.Add(strings.NewReplacer(`"method":"pearson"`, `"alpha":2,"method":5`, `"maxLag":1`, `"maxLag":-1`, `"confidence":0.625`, `"confidence":1e-400`,
		`{"lag":0,"r":-0.8,"pairs":6},{"lag":1`, `{"lag":0,"r":"x","pairs":6},{"lag":1`, `-0.2097285396224726]`, `null],"zeta":1`).Replace(handLeadLag))
	f.Add(strings.NewReplacer(`"interval":[-0.9629041184925606,-0.2097285396224726]`, `"interval":null`, `"correlations":[`, `"correlations":[null,`).Replace(handLeadLag))
	f.Add(`null`)
	f.Add(`{"interval":[1,2,3],"x":1}`)
	// The length unread and a lag missing: the per-lag confidence, wrong,
	// is still checked.
	f.Add(strings.NewReplacer(`"len":6`, `"len":"6"`, `,{"lag":1,"r":0.8,"pairs":5}`, ``, `"perLagConfidence":0.875`, `"perLagConfidence":0.95`).Replace(handLeadLag))
	f.Fuzz(func(t *testing.T, in string) {
		ordertest.Check(t, []byte(in), ordertest.Unmarshal[LeadLag], LeadLag.Equal)
		var l LeadLag
		if err := l.UnmarshalJSON([]byte(in)); err != nil {
			checkProblems(t, err)
			if !l.IsZero() {
				t.Fatal("failed decode changed the result")
			}
			checkFormFirst(t, in, err, "northstar: lead/lag result: ", leadLagFields)
			checkPerLagChecked(t, in, err)
			return
		}
		if !l.IsZero() {
			if err := strictjson.Decode([]byte(in), new(leadLagJSON)); err != nil {
				t.Fatalf("%s: decoded, but strictjson.Decode says %v", in, err)
			}
			if nulls, _ := nulltest.Paths([]byte(in)); len(nulls) > 0 {
				t.Fatalf("%s: decoded, with null at %q", in, nulls)
			}
		}
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back LeadLag
		if err := back.UnmarshalJSON(out); err != nil || !back.Equal(l) {
			t.Fatalf("round trip of %s: %v", out, err)
		}
	})
}
