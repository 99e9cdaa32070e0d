package northstar

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// checkPieceJSON checks the decoder of a part of a definition or a result
// read on its own (a need, an outcome, lead/lag options, a gate failure, an
// evidence) on in: it never panics; the same with the members of its
// objects in any order ([ordertest.Check]); decoding into set, a value with
// its fields set, either fails with *outcome.Error values in this package's
// words ([checkProblems]), the form's first, and leaves set as it was, or
// succeeds, and the value marshals to JSON that decodes to an equal value;
// and, where in is one JSON object, the part decodes exactly when parent
// (in put in its place in its parent's JSON) decodes with parentDecode,
// with problems of the same codes in the same order: the one reader reads
// both.
func checkPieceJSON[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, in string, fields []string, set T, equal func(a, b T) bool, parent string, parentDecode func([]byte) error) {
	t.Helper()
	ordertest.Check(t, []byte(in), ordertest.Unmarshal[T, P], equal)
	v := set
	err := P(&v).UnmarshalJSON([]byte(in))
	if err != nil {
		checkProblems(t, err)
		checkFormFirstAnyAt(t, in, err, fields)
		if !reflect.DeepEqual(v, set) {
			t.Fatalf("a failed decode of %s changed the value: %+v", in, v)
		}
	} else {
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("marshal %+v, read from %s: %v", v, in, err)
		}
		var back T
		if err := P(&back).UnmarshalJSON(out); err != nil {
			t.Fatalf("decode of own output %s: %v", out, err)
		}
		if !equal(v, back) {
			t.Fatalf("round trip of %s through %s: %+v then %+v", in, out, v, back)
		}
	}
	if _, merr := strictjson.Members([]byte(in)); merr != nil || parentDecode == nil {
		return
	}
	perr := parentDecode([]byte(parent))
	if !slices.Equal(codes(err), codes(perr)) {
		t.Fatalf("%s alone: %v\nin its parent %s: %v", in, err, parent, perr)
	}
}

// checkFormFirstAnyAt is [checkFormFirst] for a part whose messages begin
// with its ID, which varies (`northstar: need "home": `): each key of in's
// top object that is none of fields is reported by a message that ends
// `invalid JSON: unknown field "key"`.
func checkFormFirstAnyAt(t *testing.T, in string, err error, fields []string) {
	t.Helper()
	checkFormFirstBy(t, in, err, fields, func(message, unknown string) bool { return strings.HasSuffix(message, ": "+unknown) })
}

// codes returns the codes of the problems in err, in order.
func codes(err error) []outcome.Code {
	var cs []outcome.Code
	for _, p := range outcome.Problems(err) {
		cs = append(cs, p.Code)
	}
	return cs
}

// pieceSeeds adds each seed to f.
func pieceSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Add(`null`)
	f.Add(`{}`)
	f.Add(`[]`)
	f.Add(`{"x":1} {}`)
}

// FuzzNeedJSON checks Need.UnmarshalJSON ([checkPieceJSON]), against a
// canvas spec that holds the need.
func FuzzNeedJSON(f *testing.F) {
	pieceSeeds(f,
		`{"id":"home","statement":"a place that feels like home","timeBound":"2026"}`,
		`{"id":"home","statement":"s","colour":"red"}`,
		`{"id":"home","statement":"s","ID":"x"}`,
		`{"zz":1,"measure":null,"ID":"x","id":"home","statement":5,"aa":2}`,
		`{"statement":"\xff"}`)
	f.Fuzz(func(t *testing.T, in string) {
		checkPieceJSON(t, in, needFields, Need{ID: "was", Statement: "as it was", Measure: "m", Target: "t", TimeBound: "b"}, Need.Equal,
			`{"category":"c","needs":[`+in+`],"outcomes":[]}`, func(data []byte) error { return new(CanvasSpec).UnmarshalJSON(data) })
	})
}

// FuzzSuccessfulOutcomeJSON checks SuccessfulOutcome.UnmarshalJSON
// ([checkPieceJSON]), against a canvas spec that holds the outcome.
func FuzzSuccessfulOutcomeJSON(f *testing.F) {
	pieceSeeds(f,
		`{"id":"stay","name":"a stay","metrics":[{"metric":"fcr","importance":"0.50"},{"metric":"nps","importance":2}]}`,
		`{"id":"stay","name":"n","metrics":[{"metric":"fcr","importance":"1","weight":"2"}]}`,
		`{"id":"stay","name":"n","metrics":null}`,
		`{"id":"stay","name":"n","metrics":[{"metric":"fcr","importance":1e-10001}]}`,
		`{"name":"n","metrics":[{"importance":"high"}]}`,
		`{"metrics":[{"metric":"a","importance":null},{"metric":"b","importance":"x"},{"metric":5,"importance":"y"}],"id":"stay","x":1,"name":true}`)
	f.Fuzz(func(t *testing.T, in string) {
		set := SuccessfulOutcome{ID: "was", Name: "as it was", Indicators: []Indicator{{Metric: "m", Importance: dec("1")}}}
		checkPieceJSON(t, in, outcomeFields, set, SuccessfulOutcome.Equal,
			`{"category":"c","needs":[],"outcomes":[`+in+`]}`, func(data []byte) error { return new(CanvasSpec).UnmarshalJSON(data) })
	})
}

// FuzzIndicatorJSON checks Indicator.UnmarshalJSON ([checkPieceJSON]),
// against an outcome that holds the indicator.
func FuzzIndicatorJSON(f *testing.F) {
	pieceSeeds(f,
		`{"metric":"fcr","importance":"0.50"}`,
		`{"metric":"fcr","importance":2}`,
		`{"metric":"fcr","importance":"high","weight":1}`,
		`{"metric":"fcr","importance":1e-10001}`,
		`{"importance":null,"Metric":"x","metric":5}`)
	f.Fuzz(func(t *testing.T, in string) {
		checkPieceJSON(t, in, indicatorFields, Indicator{Metric: "was", Importance: dec("7")}, Indicator.Equal,
			`{"id":"o","name":"n","metrics":[`+in+`]}`, func(data []byte) error { return new(SuccessfulOutcome).UnmarshalJSON(data) })
	})
}

// FuzzLagOptionsJSON checks LagOptions.UnmarshalJSON ([checkPieceJSON]),
// against a policy whose leadLag is the options.
func FuzzLagOptionsJSON(f *testing.F) {
	pieceSeeds(f,
		`{"maxLag":3,"method":"spearman","confidence":0.9}`,
		`{"maxLag":3,"lags":4}`,
		`{"maxLag":3,"MaxLag":4}`,
		`{"confidence":1e-400}`,
		`{"confidence":-1e-400}`,
		`{"confidence":5e-324}`,
		`{"x":1,"confidence":2,"method":"kendall","maxLag":-2,"Method":"pearson"}`)
	f.Fuzz(func(t *testing.T, in string) {
		checkPieceJSON(t, in, lagFields, LagOptions{MaxLag: 7, Method: Spearman, Confidence: 0.5}, LagOptions.Equal,
			`{"weights":{"lead":"1"},"leadLag":`+in+`}`, func(data []byte) error { return new(Policy).UnmarshalJSON(data) })
	})
}

// pieceEntry is the JSON of an entry, before the list that holds the part.
const pieceEntry = `{"metric":{"id":"m","name":"M","level":"customer-outcome","direction":"higher-is-better"},`

// FuzzGateFailureJSON checks GateFailure.UnmarshalJSON ([checkPieceJSON]),
// against an entry that failed the gate.
func FuzzGateFailureJSON(f *testing.F) {
	pieceSeeds(f,
		`{"gate":"canvas","reason":"no category relies on it"}`,
		`{"gate":"canvas","reason":"r","why":"w"}`,
		`{"gate":"beauty","reason":"r"}`,
		`{"x":1,"reason":null,"gate":"beauty"}`)
	f.Fuzz(func(t *testing.T, in string) {
		checkPieceJSON(t, in, gateFailureFields, GateFailure{Gate: GateLead, Reason: "as it was"}, GateFailure.Equal,
			pieceEntry+`"failed":[`+in+`]}`, func(data []byte) error { return new(Entry).UnmarshalJSON(data) })
	})
}

// FuzzEvidenceJSON checks Evidence.UnmarshalJSON ([checkPieceJSON]),
// against an entry that holds the evidence.
func FuzzEvidenceJSON(f *testing.F) {
	ll := `{"method":"pearson","len":8,"maxLag":0,"confidence":0.95,"perLagConfidence":0.95,` +
		`"correlations":[{"lag":0,"r":0.9320546490018,"pairs":8}],"best":{"lag":0,"r":0.9320546490018,"pairs":8},` +
		`"interval":[0.6625219485655204,0.9878885936182998],"verdict":"coincident"}`
	pieceSeeds(f,
		`{"outcome":"revenue","kind":"revenue","leadLag":`+ll+`,"aligned":0.5,"strength":0}`,
		`{"outcome":"revenue","kind":"revenue","leadLag":null,"aligned":0,"strength":0}`,
		`{"outcome":"revenue","aligned":1e-400}`,
		`{"x":1,"strength":null,"kind":"beauty","outcome":5}`,
		`{"outcome":"revenue","leadLag":{"q":1}}`)
	var set Evidence
	if err := json.Unmarshal([]byte(`{"outcome":"was","kind":"cost","leadLag":`+ll+`,"aligned":0.5,"strength":0.5}`), &set); err != nil {
		f.Fatal(err)
	}
	equal := func(a, b Evidence) bool {
		return a.Outcome == b.Outcome && a.Kind == b.Kind && a.LeadLag.Equal(b.LeadLag) && a.Aligned == b.Aligned && a.Strength == b.Strength
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkPieceJSON(t, in, evidenceFields, set, equal, pieceEntry+`"evidence":[`+in+`]}`, func(data []byte) error { return new(Entry).UnmarshalJSON(data) })
	})
}
