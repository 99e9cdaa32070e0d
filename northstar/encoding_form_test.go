package northstar

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

// formProblem is a problem as these tests compare it.
type formProblem struct {
	code outcome.Code
	ids  []string
	msg  string
}

func formProblems(err error) []formProblem {
	var out []formProblem
	for _, p := range outcome.Problems(err) {
		out = append(out, formProblem{p.Code, p.IDs, p.Message})
	}
	return out
}

// TestCanvasJSON_everyProblem: a canvas is read member by member, so every
// value of the wrong type, null included, is reported, in the order of the
// fields, then NewCanvas's problems, in its order, where what was unread is
// not reported again.
func TestCanvasJSON_everyProblem(t *testing.T) {
	in := `{"category":"guests","name":7,"weight":null,
	  "needs":[{"id":"home","statement":null},{"id":"easy","statement":"easy","measure":3,"target":null}],
	  "outcomes":[{"id":"stay","name":"","metrics":[{"metric":"a","importance":null},{"metric":"b","importance":"-1"}]},
	              {"id":"stay","name":"again","metrics":[{"metric":"c","importance":"x"}]}]}`
	// Worked by hand: the form's problems in the order of the fields, each
	// naming the category: the name 7, the weight null, home's statement
	// null, easy's measure 3 and target null, a's importance null. Then
	// NewCanvas's, in its order: the name and home's statement, unread,
	// are not said missing, and a zero weight only warns; outcome "stay"
	// has an empty name; b's importance -1 is negative; the second
	// outcome repeats the ID "stay"; c's importance "x" is not a decimal.
	// a's importance, unread, is not zero, so "every importance is zero"
	// is not said (nor would it be, with b's and c's).
	want := []formProblem{
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "name" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "weight" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "needs[0].statement" must be a string, not null`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "needs[1].measure" must be a string, not the number 3`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "needs[1].target" must be a string, not null`},
		{outcome.ErrInvalidJSON, []string{"guests"},
			`northstar: canvas "guests": invalid JSON: "outcomes[0].metrics[0].importance" must be a decimal string or a number, not null`},
		{outcome.ErrEmptyName, []string{"guests", "stay"}, `northstar: canvas "guests": outcome "stay" has no name`},
		{ErrNegativeWeight, []string{"guests", "stay", "b"}, `northstar: canvas "guests": outcome "stay": metric "b": importance -1 is negative`},
		{outcome.ErrDuplicateID, []string{"guests", "stay"}, `northstar: canvas "guests": duplicate outcome id "stay"`},
		{ErrInvalidWeight, []string{"guests", "stay", "c"}, `northstar: canvas "guests": outcome "stay": metric "c": importance "x" is not a decimal number`},
	}
	c := MustCanvas(guestsSpec())
	assert.Equal(t, want, formProblems(c.UnmarshalJSON([]byte(in))))
	assert.True(t, MustCanvas(guestsSpec()).Equal(c), "unchanged")

	// The spec reports the form's problems, then the decimals that are not
	// decimal numbers, and validates nothing else.
	var s CanvasSpec
	assert.Equal(t, append(want[:6:6], want[9]), formProblems(s.UnmarshalJSON([]byte(in))))
}

// TestCanvasJSON_unreadIDs: when an ID, a list or an element of a list
// cannot be read, NewCanvas's checks which would name or count it are not
// made, but the others are (where the unread category, which every check
// names, left none made, and an unread need, outcome, metric or list none
// either); the decimals that are not decimal numbers are still reported,
// but for those whose names cannot be read. Each list worked out by hand.
func TestCanvasJSON_unreadIDs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []formProblem
	}{
		// Without the check, the canvas would also have no name, and no
		// needs and outcomes.
		{"category a number", `{"category":5,"weight":"x"}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `northstar: canvas: invalid JSON: "category" must be a string, not the number 5`},
		}},
		// The need null is not checked, but the canvas is: no name, the
		// weight, no outcomes.
		{"a need null", `{"category":"g","weight":"x","needs":[null]}`, []formProblem{
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "needs[0]" must be an object, not null`},
			{outcome.ErrEmptyName, []string{"g"}, `northstar: canvas "g" has no name (who the category is)`},
			{ErrInvalidWeight, []string{"g"}, `northstar: canvas "g": weight "x" is not a decimal number`},
			{ErrEmptyCanvas, []string{"g"}, `northstar: canvas "g" has no successful outcomes`},
		}},
		// The first outcome's ID is unread: it is not checked, nor its
		// importance's problem said; the canvas and the second outcome are
		// (no name, no needs; the outcome's empty name, its importance).
		{"an outcome's ID unread", `{"category":"g","outcomes":[{"id":[],"metrics":[{"metric":"m","importance":"x"}]},
		  {"id":"o","metrics":[{"metric":"m","importance":"y"}]}]}`, []formProblem{
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "outcomes[0].id" must be a string, not an array`},
			{outcome.ErrEmptyName, []string{"g"}, `northstar: canvas "g" has no name (who the category is)`},
			{ErrEmptyCanvas, []string{"g"}, `northstar: canvas "g" states no needs`},
			{outcome.ErrEmptyName, []string{"g", "o"}, `northstar: canvas "g": outcome "o" has no name`},
			{ErrInvalidWeight, []string{"g", "o", "m"}, `northstar: canvas "g": outcome "o": metric "m": importance "y" is not a decimal number`},
		}},
		// The metrics unread: the outcome is not said unmeasured, but the
		// rest is checked.
		{"metrics an object", `{"category":"g","outcomes":[{"id":"o","metrics":{}}]}`, []formProblem{
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "outcomes[0].metrics" must be an array, not an object`},
			{outcome.ErrEmptyName, []string{"g"}, `northstar: canvas "g" has no name (who the category is)`},
			{ErrEmptyCanvas, []string{"g"}, `northstar: canvas "g" states no needs`},
			{outcome.ErrEmptyName, []string{"g", "o"}, `northstar: canvas "g": outcome "o" has no name`},
		}},
		// A need whose ID is unread is not checked (its empty statement
		// would name it), nor counted against the other needs' IDs; a
		// metric whose ID is unread is not checked, and its importance of
		// zero with the other's does not make every importance zero.
		{"a need's and a metric's IDs unread", `{"category":"g","name":"G","weight":"-1",
		  "needs":[{"id":7,"statement":""},{"id":"n","statement":"s"}],
		  "outcomes":[{"id":"o","name":"O","metrics":[{"metric":false,"importance":"2"},{"metric":"m","importance":"0"},{"metric":"m","importance":"0"}]}]}`, []formProblem{
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "needs[0].id" must be a string, not the number 7`},
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "outcomes[0].metrics[0].metric" must be a string, not false`},
			{ErrNegativeWeight, []string{"g"}, `northstar: canvas "g": weight -1 is negative`},
			{outcome.ErrDuplicateID, []string{"g", "o", "m"}, `northstar: canvas "g": outcome "o" lists metric "m" twice`},
		}},
		// The only importance null: it is unread, not zero, so "every
		// metric has importance zero" is not said.
		{"the only importance null", `{"category":"g","name":"G","weight":"1","needs":[{"id":"n","statement":"s"}],
		  "outcomes":[{"id":"o","name":"O","metrics":[{"metric":"m","importance":null}]}]}`, []formProblem{
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "outcomes[0].metrics[0].importance" must be a decimal string or a number, not null`},
		}},
		// null lists are refused like any other null (CanvasSpec.MarshalJSON
		// writes an empty list as []); as lists that cannot be read, they
		// leave NewCanvas's checks unmade: no "states no needs".
		{"null lists", `{"category":"g","name":"G","weight":"1","needs":null,"outcomes":[{"id":"o","name":"O","metrics":null}]}`, []formProblem{
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "needs" must be an array, not null`},
			{outcome.ErrInvalidJSON, []string{"g"}, `northstar: canvas "g": invalid JSON: "outcomes[0].metrics" must be an array, not null`},
		}},
		// Empty lists are read, and NewCanvas's checks are made.
		{"empty lists", `{"category":"g","name":"G","weight":"1","needs":[],"outcomes":[{"id":"o","name":"O","metrics":[]}]}`, []formProblem{
			{ErrEmptyCanvas, []string{"g"}, `northstar: canvas "g" states no needs`},
			{ErrOutcomeUnmeasured, []string{"g", "o"}, `northstar: canvas "g": outcome "o" has no metric that shows it`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Canvas
			assert.Equal(t, tt.want, formProblems(c.UnmarshalJSON([]byte(tt.in))))
		})
	}
}

// TestIndicatorAndWeightsJSON_everyProblem: an indicator and weights report
// every problem of the form, null included, in the order of their fields
// (a weight given again right after the weight: lead's before reach's),
// then the decimals that are not decimal numbers; null itself is refused.
func TestIndicatorAndWeightsJSON_everyProblem(t *testing.T) {
	var i Indicator
	assert.Equal(t, []formProblem{
		{outcome.ErrInvalidJSON, []string{"m"}, `northstar: metric "m": invalid JSON: "importance" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, []string{"m"}, `northstar: metric "m": invalid JSON: unknown field "weight"`},
	}, formProblems(i.UnmarshalJSON([]byte(`{"metric":"m","importance":null,"weight":1}`))))
	// The metric unread, a bad importance is the indicator's.
	assert.Equal(t, []formProblem{
		{outcome.ErrInvalidJSON, nil, `northstar: indicator: invalid JSON: "metric" must be a string, not null`},
		{ErrInvalidWeight, nil, `northstar: indicator: importance "x" is not a decimal number`},
	}, formProblems(i.UnmarshalJSON([]byte(`{"metric":null,"importance":"x"}`))))
	assert.Equal(t, []formProblem{{outcome.ErrInvalidJSON, []string{"m"}, `northstar: metric "m": invalid JSON: trailing data after the JSON value`}},
		formProblems(i.UnmarshalJSON([]byte(`{"metric":"m"} x`))))
	assert.Equal(t, []formProblem{{outcome.ErrInvalidJSON, nil, `northstar: an indicator cannot be null`}},
		formProblems(json.Unmarshal([]byte(`null`), &i)))
	assert.Equal(t, Indicator{}, i, "unchanged")

	var w Weights
	assert.Equal(t, []formProblem{
		{outcome.ErrInvalidJSON, nil, `northstar: weights: invalid JSON: duplicate object key "Lead" (encoding/json matches it to the same field as "lead")`},
		{outcome.ErrInvalidJSON, nil, `northstar: weights: invalid JSON: "reach" must be a decimal string or a number, not null`},
		{ErrInvalidWeight, nil, `northstar: weight of lead strength "two" is not a decimal number`},
	}, formProblems(w.UnmarshalJSON([]byte(`{"reach":null,"lead":"two","Lead":"2"}`))))
	assert.Equal(t, []formProblem{{outcome.ErrInvalidJSON, nil, `northstar: weights cannot be null`}},
		formProblems(w.UnmarshalJSON([]byte(` null`))))
	assert.Equal(t, []formProblem{{outcome.ErrInvalidJSON, nil, `northstar: weights: invalid JSON: the value must be an object, not an array`}},
		formProblems(w.UnmarshalJSON([]byte(`[]`))))
	assert.True(t, w.IsZero(), "unchanged")
}

// TestPolicyJSON_everyProblem: a policy reports every problem of its form,
// then Validate's, where what was unread is not checked.
func TestPolicyJSON_everyProblem(t *testing.T) {
	in := `{"weights":{"coverage":null,"lead":"-1","linkage":"x","beauty":"1"},
	  "leadLag":{"maxLag":"3","method":null,"confidence":2}}`
	// Worked by hand: the form's problems in the order of the fields
	// (coverage null, the unknown beauty, maxLag a string, method null),
	// then Validate's in its order: lead negative, linkage not a decimal
	// (coverage, unread, is not checked), the confidence 2; the maximum
	// lag and the method, unread, are not checked, and every weight being
	// zero is not said.
	want := []formProblem{
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "weights.coverage" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: unknown field "weights.beauty"`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "leadLag.maxLag" must be an integer, not the string "3"`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "leadLag.method" must be a string, not null`},
		{ErrNegativeWeight, nil, `northstar: policy: weight of lead strength -1 is negative`},
		{ErrInvalidWeight, nil, `northstar: policy: weight of linkage to business outcomes "x" is not a decimal number`},
		{ErrInvalidConfidence, nil, `northstar: policy: leadLag: confidence level 2 is not strictly between 0 and 1`},
	}
	p := DefaultPolicy()
	assert.Equal(t, want, formProblems(p.UnmarshalJSON([]byte(in))))
	assert.True(t, DefaultPolicy().Equal(p), "unchanged")

	// Weights that cannot be read are not all zero; null is refused.
	assert.Equal(t, []formProblem{{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "weights" must be an object, not null`}},
		formProblems(p.UnmarshalJSON([]byte(`{"weights":null}`))))
	assert.Equal(t, []formProblem{{outcome.ErrInvalidJSON, nil, `northstar: a policy cannot be null`}},
		formProblems(p.UnmarshalJSON([]byte(`null`))))
	// Without them, they are: left out, every weight is zero.
	require.ErrorIs(t, p.UnmarshalJSON([]byte(`{}`)), ErrZeroWeights)
}

// TestJSON_memberOrder: the problems of a definition come in the same
// order however the members of its objects are written: each object's
// fields in the order the package writes them, a field given again right
// after the field, then the keys that name no field, sorted; then the
// values' problems, as before. A policy and a canvas whose problems are
// spread over their objects, written in the order of their fields and the
// other way round, give these problems, worked out by hand.
func TestJSON_memberOrder(t *testing.T) {
	// The weights' lead (null), then their unknown keys b and z, sorted;
	// the lead/lag options' maxLag, then method (fields in that order);
	// the policy's unknown key x; then Validate's: the confidence 2.
	policy := `{"weights":{"z":1,"lead":null,"b":2},"leadLag":{"maxLag":"3","method":5,"confidence":2},"x":1}`
	wantPolicy := []formProblem{
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "weights.lead" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: unknown field "weights.b"`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: unknown field "weights.z"`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "leadLag.maxLag" must be an integer, not the string "3"`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: "leadLag.method" must be a string, not the number 5`},
		{outcome.ErrInvalidJSON, nil, `northstar: policy: invalid JSON: unknown field "x"`},
		{ErrInvalidConfidence, nil, `northstar: policy: leadLag: confidence level 2 is not strictly between 0 and 1`},
	}
	// The category names the canvas; then the name (7), the weight
	// (null), the needs' statement (null) and the outcome's metric's
	// importance (true), and the unknown key "colour" last.
	canvas := `{"category":"guests","colour":1,"name":7,"weight":null,"needs":[{"statement":null,"id":"home"}],` +
		`"outcomes":[{"id":"stay","name":"a stay","metrics":[{"importance":true,"metric":"m"}]}]}`
	wantCanvas := []formProblem{
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "name" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "weight" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "needs[0].statement" must be a string, not null`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: "outcomes[0].metrics[0].importance" must be a decimal string or a number, not true`},
		{outcome.ErrInvalidJSON, []string{"guests"}, `northstar: canvas "guests": invalid JSON: unknown field "colour"`},
	}
	// A lead/lag result reports every problem of its form, in the same
	// order: the correlations (a correlation's unknown key after its
	// fields) come before the best and the verdict. The correlations are
	// read, and agree; the best and the verdict are not, so they are not
	// checked (before, only the unknown "q" was reported).
	leadLag := strings.NewReplacer(`"verdict":"coincident"`, `"verdict":7`, `"best":{"lag":0,"r":-0.8`, `"best":{"lag":0,"r":"x"`,
		`"r":0.25,"pairs":5}`, `"r":0.25,"pairs":5,"q":1}`).Replace(handLeadLag)
	wantLeadLag := []formProblem{
		{outcome.ErrInvalidJSON, nil, `northstar: lead/lag result: invalid JSON: unknown field "correlations[0].q"`},
		{outcome.ErrInvalidJSON, nil, `northstar: lead/lag result: invalid JSON: "best.r" must be a number, not the string "x"`},
		{outcome.ErrInvalidJSON, nil, `northstar: lead/lag result: invalid JSON: "verdict" must be a string, not the number 7`},
	}
	for _, tt := range []struct {
		data string
		want []formProblem
		into json.Unmarshaler
	}{
		{policy, wantPolicy, new(Policy)},
		{canvas, wantCanvas, new(Canvas)},
		{leadLag, wantLeadLag, new(LeadLag)},
	} {
		for _, data := range []string{tt.data, string(spoil.Reversed([]byte(tt.data)))} {
			assert.Equal(t, tt.want, formProblems(tt.into.UnmarshalJSON([]byte(data))), data)
		}
	}
}
