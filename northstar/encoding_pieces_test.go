package northstar_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
)

// pieceCase is JSON of a part of a definition or of a result read on its
// own, and the problems it has (none: it decodes).
type pieceCase struct {
	name string
	in   string
	want []problem
}

// checkPiece decodes each case into a value set to before, with the
// value's UnmarshalJSON called directly (json.Unmarshal checks the syntax
// itself first), and checks the problems; on error the value must be
// unchanged (same reports whether two values are the same).
func checkPiece[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, before T, same func(a, b T) bool, cases []pieceCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			v := before
			err := P(&v).UnmarshalJSON([]byte(tt.in))
			if len(tt.want) == 0 {
				require.NoError(t, err)
				return
			}
			requireProblems(t, tt.want, err)
			assert.True(t, same(v, before), "the value is unchanged: %+v", v)
		})
	}
}

var needTwiceMsg = `northstar: need "home": invalid JSON: duplicate object key "ID" (encoding/json matches it to the same field as "id")`

func TestNeedUnmarshalJSON(t *testing.T) {
	before := northstar.Need{ID: "was", Statement: "as it was"}
	inv := outcome.ErrInvalidJSON
	home := []string{"home"}
	checkPiece(t, before, northstar.Need.Equal, []pieceCase{
		{"good", `{"id":"home","statement":"a place that feels like home","timeBound":"2026"}`, nil},
		{"unknown key", `{"id":"home","statement":"s","colour":"red"}`,
			[]problem{{inv, home, `northstar: need "home": invalid JSON: unknown field "colour"`}}},
		{"key twice", `{"id":"home","statement":"s","ID":"x"}`, []problem{{inv, home, needTwiceMsg}}},
		{"wrong type", `{"id":"home","statement":5}`,
			[]problem{{inv, home, `northstar: need "home": invalid JSON: "statement" must be a string, not the number 5`}}},
		{"null field", `{"id":"home","statement":"s","measure":null}`,
			[]problem{{inv, home, `northstar: need "home": invalid JSON: "measure" must be a string, not null`}}},
		// Every problem, in the order of the fields, a field given again
		// right after the field, unknown keys last, whatever the order of
		// the members.
		// The first "id" in the text, under "ID", is the one read, and
		// names the need.
		{"several", `{"zz":1,"measure":null,"ID":"x","id":"home","statement":5,"aa":2}`, []problem{
			{inv, []string{"x"}, `northstar: need "x": invalid JSON: duplicate object key "id" (encoding/json matches it to the same field as "ID")`},
			{inv, []string{"x"}, `northstar: need "x": invalid JSON: "statement" must be a string, not the number 5`},
			{inv, []string{"x"}, `northstar: need "x": invalid JSON: "measure" must be a string, not null`},
			{inv, []string{"x"}, `northstar: need "x": invalid JSON: unknown field "aa"`},
			{inv, []string{"x"}, `northstar: need "x": invalid JSON: unknown field "zz"`},
		}},
		{"no ID", `{"statement":5}`,
			[]problem{{inv, nil, `northstar: need: invalid JSON: "statement" must be a string, not the number 5`}}},
		{"null", `null`, []problem{{inv, nil, `northstar: a need cannot be null`}}},
		{"not an object", `["home"]`, []problem{{inv, nil, `northstar: need: invalid JSON: the value must be an object, not an array`}}},
		{"trailing data", `{"id":"home"} {}`, []problem{{inv, home,
			`northstar: need "home": invalid JSON: trailing data after the JSON value`}}},
	})
	var n northstar.Need
	require.NoError(t, json.Unmarshal([]byte(`{"id":"home","statement":"a place","measure":"stays","target":"95%","timeBound":"2026"}`), &n))
	assert.Equal(t, northstar.Need{ID: "home", Statement: "a place", Measure: "stays", Target: "95%", TimeBound: "2026"}, n)
}

func TestSuccessfulOutcomeUnmarshalJSON(t *testing.T) {
	before := northstar.SuccessfulOutcome{ID: "was", Name: "as it was",
		Indicators: []northstar.Indicator{{Metric: "m", Importance: decimal.NewFromInt(1)}}}
	inv := outcome.ErrInvalidJSON
	stay := []string{"stay"}
	checkPiece(t, before, northstar.SuccessfulOutcome.Equal, []pieceCase{
		{"good", `{"id":"stay","name":"a stay","metrics":[{"metric":"fcr","importance":"0.50"},{"metric":"nps","importance":2}]}`, nil},
		{"unknown key", `{"id":"stay","name":"n","metrics":[],"colour":"red"}`,
			[]problem{{inv, stay, `northstar: outcome "stay": invalid JSON: unknown field "colour"`}}},
		{"unknown key in a metric", `{"id":"stay","name":"n","metrics":[{"metric":"fcr","importance":"1","weight":"2"}]}`,
			[]problem{{inv, stay, `northstar: outcome "stay": invalid JSON: unknown field "metrics[0].weight"`}}},
		{"key twice", `{"id":"stay","name":"n","Name":"m","metrics":[]}`,
			[]problem{{inv, stay, `northstar: outcome "stay": invalid JSON: duplicate object key "Name" (encoding/json matches it to the same field as "name")`}}},
		{"wrong type", `{"id":"stay","name":"n","metrics":{}}`,
			[]problem{{inv, stay, `northstar: outcome "stay": invalid JSON: "metrics" must be an array, not an object`}}},
		{"null metrics", `{"id":"stay","name":"n","metrics":null}`,
			[]problem{{inv, stay, `northstar: outcome "stay": invalid JSON: "metrics" must be an array, not null`}}},
		{"not a decimal", `{"id":"stay","name":"n","metrics":[{"metric":"fcr","importance":"high"}]}`,
			[]problem{{northstar.ErrInvalidWeight, []string{"stay", "fcr"}, `northstar: outcome "stay": metric "fcr": importance "high" is not a decimal number`}}},
		{"out of range", `{"id":"stay","name":"n","metrics":[{"metric":"fcr","importance":1e-10001}]}`,
			[]problem{{northstar.ErrWeightOutOfRange, []string{"stay", "fcr"},
				`northstar: outcome "stay": metric "fcr": importance "1e-10001" is out of range (exponent -10001, beyond ±10000)`}}},
		// Not read as zero when the outcome has no ID, nor when the metric
		// is left out (the canvas reader once read these as 0).
		{"not a decimal, no ID", `{"name":"n","metrics":[{"importance":"high"}]}`,
			[]problem{{northstar.ErrInvalidWeight, []string{""}, `northstar: outcome: metric "": importance "high" is not a decimal number`}}},
		{"several", `{"metrics":[{"metric":"a","importance":null},{"metric":"b","importance":"x"},{"metric":5,"importance":"y"}],"id":"stay","x":1,"name":true}`, []problem{
			{inv, stay, `northstar: outcome "stay": invalid JSON: "name" must be a string, not true`},
			{inv, stay, `northstar: outcome "stay": invalid JSON: "metrics[0].importance" must be a decimal string or a number, not null`},
			{inv, stay, `northstar: outcome "stay": invalid JSON: "metrics[2].metric" must be a string, not the number 5`},
			{inv, stay, `northstar: outcome "stay": invalid JSON: unknown field "x"`},
			{northstar.ErrInvalidWeight, []string{"stay", "b"}, `northstar: outcome "stay": metric "b": importance "x" is not a decimal number`},
		}},
		{"null", `null`, []problem{{inv, nil, `northstar: an outcome cannot be null`}}},
		{"not an object", `"stay"`, []problem{{inv, nil, `northstar: outcome: invalid JSON: the value must be an object, not the string "stay"`}}},
	})
	var o northstar.SuccessfulOutcome
	require.NoError(t, json.Unmarshal([]byte(`{"id":"stay","name":"a stay","metrics":[{"metric":"fcr","importance":"0.50"},{"metric":"nps"}]}`), &o))
	want := northstar.SuccessfulOutcome{ID: "stay", Name: "a stay", Indicators: []northstar.Indicator{
		{Metric: "fcr", Importance: decimal.RequireFromString("0.5")}, {Metric: "nps"}}}
	assert.True(t, want.Equal(o), "%+v", o)
}

// TestCanvasSpecUnmarshalJSON_unnamedAmount: a draft canvas whose weight or
// importance is not a decimal number reports it when the category, the
// outcome's ID or the metric is "" or left out, where it read it as 0.
func TestCanvasSpecUnmarshalJSON_unnamedAmount(t *testing.T) {
	bad := northstar.ErrInvalidWeight
	for _, tt := range []struct {
		name string
		in   string
		want []problem
	}{
		{"category left out", `{"name":"n","weight":"abc","needs":[],"outcomes":[]}`,
			[]problem{{bad, []string{""}, `northstar: canvas "": weight "abc" is not a decimal number`}}},
		{"category empty", `{"category":"","name":"n","weight":"abc","needs":[],"outcomes":[]}`,
			[]problem{{bad, []string{""}, `northstar: canvas "": weight "abc" is not a decimal number`}}},
		{"outcome ID and metric left out", `{"category":"c","name":"n","needs":[],"outcomes":[{"name":"o","metrics":[{"importance":"zz"}]}]}`,
			[]problem{{bad, []string{"c", "", ""}, `northstar: canvas "c": outcome "": metric "": importance "zz" is not a decimal number`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var s northstar.CanvasSpec
			requireProblems(t, tt.want, json.Unmarshal([]byte(tt.in), &s))
		})
	}
}

func TestLagOptionsUnmarshalJSON(t *testing.T) {
	before := northstar.LagOptions{MaxLag: 7, Method: northstar.Spearman, Confidence: 0.5}
	inv := outcome.ErrInvalidJSON
	same := func(a, b northstar.LagOptions) bool { return a == b }
	checkPiece(t, before, same, []pieceCase{
		{"good", `{"maxLag":3,"method":"spearman","confidence":0.9}`, nil},
		{"empty", `{}`, nil},
		{"unknown key", `{"maxLag":3,"lags":4}`, []problem{{inv, nil, `northstar: lead/lag options: invalid JSON: unknown field "lags"`}}},
		{"key twice", `{"maxLag":3,"MaxLag":4}`, []problem{{inv, nil,
			`northstar: lead/lag options: invalid JSON: duplicate object key "MaxLag" (encoding/json matches it to the same field as "maxLag")`}}},
		{"wrong type", `{"maxLag":"3"}`, []problem{{inv, nil, `northstar: lead/lag options: invalid JSON: "maxLag" must be an integer, not the string "3"`}}},
		{"null method", `{"method":null}`, []problem{{inv, nil, `northstar: lead/lag options: invalid JSON: "method" must be a string, not null`}}},
		{"negative lag", `{"maxLag":-1}`, []problem{{northstar.ErrInvalidLag, nil, `northstar: lead/lag options: maximum lag -1 is negative`}}},
		{"unknown method", `{"method":"kendall"}`, []problem{{northstar.ErrUnknownMethod, nil, `northstar: lead/lag options: unknown correlation method "kendall"`}}},
		{"1e-400 not read as 0", `{"confidence":1e-400}`, []problem{{northstar.ErrInvalidConfidence, nil,
			`northstar: lead/lag options: confidence level 1e-400 is not strictly between 0 and 1: it is too small to hold, and reads as 0`}}},
		{"5e-324 subnormal", `{"confidence":5e-324}`, []problem{{northstar.ErrInvalidConfidence, nil,
			`northstar: lead/lag options: confidence level 5e-324 is below 2.2250738585072014e-308, the smallest positive number held to full precision`}}},
		{"-1e-400", `{"confidence":-1e-400}`, []problem{{northstar.ErrInvalidConfidence, nil,
			`northstar: lead/lag options: confidence level -1e-400 is not strictly between 0 and 1`}}},
		{"confidence 1", `{"confidence":1}`, []problem{{northstar.ErrInvalidConfidence, nil,
			`northstar: lead/lag options: confidence level 1 is not strictly between 0 and 1`}}},
		{"several", `{"x":1,"confidence":2,"method":"kendall","maxLag":-2,"Method":"pearson"}`, []problem{
			{inv, nil, `northstar: lead/lag options: invalid JSON: duplicate object key "Method" (encoding/json matches it to the same field as "method")`},
			{inv, nil, `northstar: lead/lag options: invalid JSON: unknown field "x"`},
			{northstar.ErrInvalidLag, nil, `northstar: lead/lag options: maximum lag -2 is negative`},
			{northstar.ErrUnknownMethod, nil, `northstar: lead/lag options: unknown correlation method "kendall"`},
			{northstar.ErrInvalidConfidence, nil, `northstar: lead/lag options: confidence level 2 is not strictly between 0 and 1`},
		}},
		{"wrong type not checked again", `{"maxLag":-1.5,"confidence":"0.9"}`, []problem{
			{inv, nil, `northstar: lead/lag options: invalid JSON: "maxLag" must be an integer from -9223372036854775808 to 9223372036854775807, not the number -1.5`},
			{inv, nil, `northstar: lead/lag options: invalid JSON: "confidence" must be a number, not the string "0.9"`},
		}},
		{"null", `null`, []problem{{inv, nil, `northstar: lead/lag options cannot be null`}}},
		{"not an object", `3`, []problem{{inv, nil, `northstar: lead/lag options: invalid JSON: the value must be an object, not the number 3`}}},
	})
	// In a policy, the same problems are said under "policy: leadLag: ",
	// by the one reader.
	var p northstar.Policy
	requireProblems(t, []problem{{northstar.ErrUnknownMethod, nil, `northstar: policy: leadLag: unknown correlation method "kendall"`}},
		json.Unmarshal([]byte(`{"weights":{"lead":"1"},"leadLag":{"method":"kendall"}}`), &p))
	var o northstar.LagOptions
	require.NoError(t, json.Unmarshal([]byte(`{"maxLag":2,"method":"spearman","confidence":0.9}`), &o))
	assert.Equal(t, northstar.LagOptions{MaxLag: 2, Method: northstar.Spearman, Confidence: 0.9}, o)
}

func TestGateFailureUnmarshalJSON(t *testing.T) {
	before := northstar.GateFailure{Gate: northstar.GateLead, Reason: "as it was"}
	inv := outcome.ErrInvalidJSON
	checkPiece(t, before, northstar.GateFailure.Equal, []pieceCase{
		{"good", `{"gate":"canvas","reason":"no category relies on it"}`, nil},
		{"unknown key", `{"gate":"canvas","reason":"r","why":"w"}`, []problem{{inv, nil, `northstar: gate failure: invalid JSON: unknown field "why"`}}},
		{"key twice", `{"gate":"canvas","reason":"r","reason":"s"}`, []problem{{inv, nil, `northstar: gate failure: invalid JSON: duplicate object key "reason"`}}},
		{"wrong type", `{"gate":"canvas","reason":1}`, []problem{{inv, nil, `northstar: gate failure: invalid JSON: "reason" must be a string, not the number 1`}}},
		{"unknown gate", `{"gate":"beauty","reason":"r"}`, []problem{{northstar.ErrUnknownGate, nil, `northstar: gate failure: "gate": unknown gate "beauty"`}}},
		{"gate left out", `{"reason":"r"}`, []problem{{northstar.ErrUnknownGate, nil, `northstar: gate failure: "gate": unknown gate ""`}}},
		{"several", `{"x":1,"reason":null,"gate":"beauty"}`, []problem{
			{inv, nil, `northstar: gate failure: invalid JSON: "reason" must be a string, not null`},
			{inv, nil, `northstar: gate failure: invalid JSON: unknown field "x"`},
			{northstar.ErrUnknownGate, nil, `northstar: gate failure: "gate": unknown gate "beauty"`},
		}},
		{"null", `null`, []problem{{inv, nil, `northstar: a gate failure cannot be null`}}},
	})
	var g northstar.GateFailure
	require.NoError(t, json.Unmarshal([]byte(`{"gate":"canvas","reason":"no category relies on it"}`), &g))
	assert.Equal(t, northstar.GateFailure{Gate: northstar.GateCanvas, Reason: "no category relies on it"}, g)
}

// leadLagText is a lead/lag result of 8 pairs at lag 0 only, as
// LeadLag.MarshalJSON writes that of AnalyzeLeadLag of 1, ..., 8 and 2, 1,
// 4, 3, 6, 5, 8, 9 with the zero LagOptions.
const leadLagText = `{"method":"pearson","len":8,"maxLag":0,"confidence":0.95,"perLagConfidence":0.95,` +
	`"correlations":[{"lag":0,"r":0.9320546490018,"pairs":8}],"best":{"lag":0,"r":0.9320546490018,"pairs":8},` +
	`"interval":[0.6625219485655204,0.9878885936182998],"verdict":"coincident"}`

func TestEvidenceUnmarshalJSON(t *testing.T) {
	var ll northstar.LeadLag
	require.NoError(t, json.Unmarshal([]byte(leadLagText), &ll), "the lead/lag result of the cases is sound")
	before := northstar.Evidence{Outcome: "was", Kind: outcome.Cost, LeadLag: ll, Aligned: 0.5, Strength: 0.5}
	inv := outcome.ErrInvalidJSON
	checkPiece(t, before, northstar.Evidence.Equal, []pieceCase{
		{"good", `{"outcome":"revenue","kind":"revenue","leadLag":` + leadLagText + `,"aligned":0.5,"strength":0}`, nil},
		{"no lead/lag result", `{"outcome":"revenue","kind":"revenue","leadLag":null,"aligned":0,"strength":0}`, nil},
		{"unknown key", `{"outcome":"revenue","lag":1}`, []problem{{inv, nil, `northstar: evidence: invalid JSON: unknown field "lag"`}}},
		{"unknown key in the lead/lag result", `{"outcome":"revenue","leadLag":` + strings.Replace(leadLagText, `"len":8`, `"len":8,"q":1`, 1) + `}`,
			[]problem{{inv, nil, `northstar: evidence: invalid JSON: unknown field "leadLag.q"`}}},
		{"a lead/lag result's problem", `{"outcome":"revenue","leadLag":` + strings.Replace(leadLagText, `"verdict":"coincident"`, `"verdict":"leads"`, 1) + `}`,
			[]problem{{northstar.ErrInvalidLeadLag, nil, `northstar: evidence: "leadLag": lead/lag result: verdict "leads", where the interval 0.6625219485655204 to 0.9878885936182998 at lag 0 gives "coincident"`}}},
		{"key twice", `{"outcome":"revenue","Outcome":"cost"}`, []problem{{inv, nil,
			`northstar: evidence: invalid JSON: duplicate object key "Outcome" (encoding/json matches it to the same field as "outcome")`}}},
		{"wrong type", `{"outcome":"revenue","strength":"x"}`, []problem{{inv, nil, `northstar: evidence: invalid JSON: "strength" must be a number, not the string "x"`}}},
		{"1e-400 not read as 0", `{"outcome":"revenue","aligned":1e-400}`, []problem{{inv, nil,
			`northstar: evidence: invalid JSON: "aligned" must be 0 or a number from 5e-324 to 1.7976931348623157e+308 in magnitude, not the number 1e-400`}}},
		{"unknown kind", `{"outcome":"revenue","kind":"beauty"}`, []problem{{outcome.ErrUnknownKind, nil,
			`northstar: evidence: "kind": unknown business-outcome kind "beauty"`}}},
		{"several", `{"x":1,"strength":null,"kind":"beauty","outcome":5}`, []problem{
			{inv, nil, `northstar: evidence: invalid JSON: "outcome" must be a string, not the number 5`},
			{inv, nil, `northstar: evidence: invalid JSON: "strength" must be a number, not null`},
			{inv, nil, `northstar: evidence: invalid JSON: unknown field "x"`},
			{outcome.ErrUnknownKind, nil, `northstar: evidence: "kind": unknown business-outcome kind "beauty"`},
		}},
		{"null", `null`, []problem{{inv, nil, `northstar: evidence cannot be null`}}},
	})
	var ev northstar.Evidence
	require.NoError(t, json.Unmarshal([]byte(`{"outcome":"revenue","kind":"revenue","leadLag":`+leadLagText+`,"aligned":0.5,"strength":0}`), &ev))
	assert.True(t, northstar.Evidence{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: ll, Aligned: 0.5}.Equal(ev), "%+v", ev)
}

// TestPiecesRoundTrip: each part read on its own, marshalled, reads back
// Equal.
func TestPiecesRoundTrip(t *testing.T) {
	spec := guestsSpecJSON(t)
	for _, n := range spec.Needs {
		var back northstar.Need
		roundTrip(t, n, &back)
		assert.True(t, n.Equal(back), "%+v", back)
	}
	for _, o := range spec.Outcomes {
		var back northstar.SuccessfulOutcome
		roundTrip(t, o, &back)
		assert.True(t, o.Equal(back), "%+v", back)
	}
	for _, o := range []northstar.LagOptions{{}, {MaxLag: 3}, northstar.DefaultPolicy().LeadLag, {MaxLag: 1, Method: northstar.Spearman, Confidence: 0.5}} {
		var back northstar.LagOptions
		roundTrip(t, o, &back)
		assert.True(t, o.Equal(back), "%+v", back)
		assert.Equal(t, o, back, "the same fields")
	}
	g := northstar.GateFailure{Gate: northstar.GateOutcome, Reason: "an output"}
	var gb northstar.GateFailure
	roundTrip(t, g, &gb)
	assert.True(t, g.Equal(gb), "%+v", gb)

	var ll northstar.LeadLag
	require.NoError(t, json.Unmarshal([]byte(leadLagText), &ll))
	for _, ev := range []northstar.Evidence{{Outcome: "revenue", Kind: outcome.Revenue, LeadLag: ll, Aligned: 0.5}, {Outcome: "cost"}} {
		var back northstar.Evidence
		roundTrip(t, ev, &back)
		assert.True(t, ev.Equal(back), "%+v", back)
	}
}

// guestsSpecJSON is a canvas spec with two needs and two outcomes, its
// importances at two decimals.
func guestsSpecJSON(t *testing.T) northstar.CanvasSpec {
	t.Helper()
	var s northstar.CanvasSpec
	require.NoError(t, json.Unmarshal([]byte(`{"category":"guests","name":"Guests","weight":"0.60",
		"needs":[{"id":"home","statement":"a place","measure":"stays","target":"95%","timeBound":"2026"},{"id":"easy","statement":"easy"}],
		"outcomes":[{"id":"stay","name":"a stay","description":"d","metrics":[{"metric":"nb","importance":"3.00"}]},
		  {"id":"back","name":"they come back","metrics":[]}]}`), &s))
	return s
}

// roundTrip marshals v and decodes it into back.
func roundTrip(t *testing.T, v any, back any) {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, back), "%s", data)
}
