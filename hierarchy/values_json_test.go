package hierarchy

import (
	"encoding/json"
	"maps"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/outcome"
)

func TestValuesJSON(t *testing.T) {
	m := contactCentreModel(t)
	s := values(t, m, 2, map[string]string{"look-up-account": "800.25", "answer-call": "1200.50", "revenue": "-3"})
	data, err := json.Marshal(s)
	require.NoError(t, err)
	// In node order: answer-call, look-up-account, then revenue.
	assert.JSONEq(t, `{"places":2,"values":[{"id":"answer-call","value":"1200.5"},{"id":"look-up-account","value":"800.25"},{"id":"revenue","value":"-3"}]}`, string(data))

	// Another model with those IDs reads it, places and all, replacing what
	// its set held.
	back := values(t, contactCentreModel(t), 0, map[string]string{"update-wallboard": "7"})
	require.NoError(t, json.Unmarshal(data, back))
	assert.Equal(t, int32(2), back.Places())
	assert.Equal(t, map[string]string{"answer-call": "1200.5", "look-up-account": "800.25", "revenue": "-3"}, measured(t, m, back))
	assert.Equal(t, 3, back.Len())

	// Values may be JSON numbers, read exactly; places left out are the
	// set's own; no values is an empty set.
	r := values(t, m, 3, map[string]string{"revenue": "1"})
	require.NoError(t, json.Unmarshal([]byte(`{"values":[{"id":"revenue","value":0.125},{"value":"1e2","id":"answer-call"}]}`), r))
	assert.Equal(t, int32(3), r.Places())
	assert.Equal(t, map[string]string{"revenue": "0.125", "answer-call": "100"}, measured(t, m, r))
	require.NoError(t, json.Unmarshal([]byte(`{"places":0}`), r))
	assert.Equal(t, 0, r.Len())
	assert.Equal(t, int32(0), r.Places())

	empty, err := json.Marshal(values(t, m, 1, nil))
	require.NoError(t, err)
	assert.Equal(t, `{"places":1,"values":[]}`, string(empty))
}

func TestValuesJSON_everyProblem(t *testing.T) {
	m := contactCentreModel(t)
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	for _, tt := range []struct {
		name, in string
		want     []problem
	}{
		// The form's problems in the order of the fields: places, then
		// values (each value's id, then value, a field given again right
		// after it), then the unknown key "colour".
		{"the form's problems first, in the order of the fields, then each value's",
			`{"places":2,"colour":"red","values":[
			   {"id":"answer-call","value":"1.5"},
			   {"id":"make-tea","value":"1"},
			   {"id":"answer-call","value":"2"},
			   {"value":"3"},
			   {"id":"revenue"},
			   {"id":"revenue-x","value":null},
			   {"id":"cost-to-serve","value":"abc"},
			   {"id":"calls-handled","value":"1.234"},
			   {"id":7,"value":"1"},
			   {"id":"resolve-problem","value":"1","ID":"x"},
			   "x"
			 ]}`,
			[]problem{
				{outcome.ErrInvalidJSON, []string{"revenue-x"}, `hierarchy: value set: invalid JSON: "values[5].value" must be a decimal string or a number, not null`},
				{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: "values[8].id" must be a string, not the number 7`},
				{outcome.ErrInvalidJSON, []string{"resolve-problem"}, `hierarchy: value set: invalid JSON: duplicate object key "values[9].ID" (encoding/json matches it to the same field as "id")`},
				{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: "values[10]" must be an object, not the string "x"`},
				{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: unknown field "colour"`},
				{ErrUnknownNode, []string{"make-tea"}, `hierarchy: value set: values[1]: unknown node "make-tea"`},
				{outcome.ErrDuplicateID, []string{"answer-call"}, `hierarchy: value set: values[2]: node "answer-call" is given a value twice`},
				{outcome.ErrEmptyID, nil, `hierarchy: value set: values[3] has no node ID`},
				{ErrInvalidValue, []string{"revenue"}, `hierarchy: value set: values[4]: node "revenue" has no value`},
				{ErrUnknownNode, []string{"revenue-x"}, `hierarchy: value set: values[5]: unknown node "revenue-x"`},
				{ErrInvalidValue, []string{"cost-to-serve"}, `hierarchy: value set: values[6]: value "abc" of node "cost-to-serve" is not a decimal number`},
				{ErrInvalidValue, []string{"calls-handled"}, `hierarchy: value set: values[7]: value 1.234 of node "calls-handled" does not fit a value set of 2 decimal places`},
			}},
		// An ID the model does not hold, or given a value twice, does not
		// hide its value's problem, which comes after it; a value with no
		// ID (left out or empty) names no node and is not checked further.
		{"an unknown or repeated ID with a bad value",
			`{"places":2,"values":[
			   {"id":"answer-call","value":"1"},
			   {"id":"make-tea","value":"abc"},
			   {"id":"answer-call","value":"1.234"},
			   {"id":"ghost"},
			   {"value":"x"},
			   {"id":"","value":"1.234"}
			 ]}`,
			[]problem{
				{ErrUnknownNode, []string{"make-tea"}, `hierarchy: value set: values[1]: unknown node "make-tea"`},
				{ErrInvalidValue, []string{"make-tea"}, `hierarchy: value set: values[1]: value "abc" of node "make-tea" is not a decimal number`},
				{outcome.ErrDuplicateID, []string{"answer-call"}, `hierarchy: value set: values[2]: node "answer-call" is given a value twice`},
				{ErrInvalidValue, []string{"answer-call"}, `hierarchy: value set: values[2]: value 1.234 of node "answer-call" does not fit a value set of 2 decimal places`},
				{ErrUnknownNode, []string{"ghost"}, `hierarchy: value set: values[3]: unknown node "ghost"`},
				{ErrInvalidValue, []string{"ghost"}, `hierarchy: value set: values[3]: node "ghost" has no value`},
				{outcome.ErrEmptyID, nil, `hierarchy: value set: values[4] has no node ID`},
				{outcome.ErrEmptyID, nil, `hierarchy: value set: values[5] has no node ID`},
			}},
		// 1e20000 is in decimal's syntax, but its exponent is beyond the
		// ±10000 every decoder reads: said so, not "not a decimal number".
		{"an exponent out of range", `{"values":[{"id":"answer-call","value":"1e20000"},{"id":"revenue","value":"0e-10001"}]}`,
			[]problem{
				{ErrInvalidValue, []string{"answer-call"}, `hierarchy: value set: values[0]: value "1e20000" of node "answer-call" has an exponent, 20000, beyond ±10000`},
				{ErrInvalidValue, []string{"revenue"}, `hierarchy: value set: values[1]: value "0e-10001" of node "revenue" has an exponent, -10001, beyond ±10000`},
			}},
		{"places out of range: values are not checked against them",
			`{"places":12,"values":[{"id":"answer-call","value":"1.23456789012"}]}`,
			[]problem{{ErrInvalidPlaces, nil, `hierarchy: value set: a value set keeps 0 to 9 decimal places, not 12`}}},
		{"places of the wrong type", `{"places":"2","values":[{"id":"answer-call","value":"1.5"}]}`,
			[]problem{{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: "places" must be an integer, not the string "2"`}}},
		{"null values", `{"values":null}`,
			[]problem{{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: "values" must be an array, not null`}}},
		{"null", ` null `, []problem{{outcome.ErrInvalidJSON, nil, `hierarchy: a value set cannot be null`}}},
		{"not an object", `[1]`, []problem{{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: the value must be an object, not an array`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := values(t, m, 1, map[string]string{"update-wallboard": "7"})
			err := s.UnmarshalJSON([]byte(tt.in))
			var got []problem
			for _, p := range outcome.Problems(err) {
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, map[string]string{"update-wallboard": "7"}, measured(t, m, s), "unchanged")
			assert.Equal(t, int32(1), s.Places())
		})
	}
	var none *Values
	assert.ErrorIs(t, none.UnmarshalJSON([]byte(`{}`)), ErrForeignValues)
	_, err := none.MarshalJSON()
	assert.ErrorIs(t, err, ErrForeignValues)
}

// FuzzValuesJSON decodes arbitrary text as a value set of the contact
// centre. The fast reading, where it reads, must agree with the general
// one, and so must the reading of the text with the members of its objects
// reversed ([ordertest.Check]): the same values, or the same problems in the
// same order. A failure must be errors, and leave the set unchanged; a
// success must round-trip through MarshalJSON, whose text the fast reading
// reads.
func FuzzValuesJSON(f *testing.F) {
	m := contactCentreModel(f)
	for _, s := range []string{
		`{"places":2,"values":[{"id":"answer-call","value":"1200.5"},{"id":"revenue","value":-3}]}`,
		`{"places":0,"values":[]}`, `{}`, `null`, `{"values":[{"id":"x"}]}`, `{"places":9,"values":[{"id":"revenue","value":"9.223372036854775807"}]}`,
	} {
		f.Add(s)
	}
	f.Add(`{"values":[{"value":"-0.5","id":"revenue"} , {"id":"answer-call","value":1.5e1}],"places":1}`)
	f.Add(`{"places":1,"values":[{"id":"revenue","value":"1.25"}]}`)
	f.Add(`{"places":1,"values":[{"id":"revenue","value":"1"},{"id":"revenue","value":"2"}]}`)
	f.Add(`{"places":1,"values":[{"id":"rev\u0065nue","value":"1"}]}`)
	f.Add(`{"places":1,"values":[{"id":"revenue","value":true},{"id":"answer-call","value":null}]}`)
	f.Add(`{"places":1,"values":[{"id":"révenue","value":"1"}]}`)
	f.Add(`{"places":2,"values":[{"id":"revenue","value":"92233720368547758.07"},{"id":"answer-call","value":"-92233720368547758.08"}]}`)
	f.Add(`{"z":0,"values":[{"q":1,"value":null,"id":"answer-call"},{"value":"1","id":7},{"value":"abc","id":"revenue"}],"places":"2","b":1}`)
	f.Fuzz(func(t *testing.T, in string) {
		// The fast reading, where it reads, agrees with the general one, in
		// either order of the members.
		probe := values(t, m, 1, nil)
		for _, data := range [][]byte{[]byte(in), spoil.Reversed([]byte(in))} {
			if places, sets, ok := probe.readValuesFast(data); ok {
				slowPlaces, slowSets, err := probe.readValues(data)
				require.NoError(t, err, "the fast reading accepted %s", data)
				assert.Equal(t, slowPlaces, places)
				if len(sets)+len(slowSets) > 0 {
					assert.Equal(t, slowSets, sets)
				}
			}
		}
		ordertest.Check(t, []byte(in), func(data []byte) (*Values, error) {
			s := values(t, m, 1, map[string]string{"monitor-queues": "3.5"})
			return s, s.UnmarshalJSON(data)
		}, func(a, b *Values) bool {
			return a.Places() == b.Places() && maps.Equal(measured(t, m, a), measured(t, m, b))
		})
		s := values(t, m, 1, map[string]string{"monitor-queues": "3.5"})
		if err := s.UnmarshalJSON([]byte(in)); err != nil {
			checkOneOrJoined(t, err)
			require.NotEmpty(t, outcome.Problems(err))
			for _, p := range outcome.Problems(err) {
				require.Equal(t, outcome.SeverityError, p.Severity)
			}
			assert.Equal(t, map[string]string{"monitor-queues": "3.5"}, measured(t, m, s), "unchanged on error")
			return
		}
		out, err := json.Marshal(s)
		require.NoError(t, err)
		back := values(t, m, 0, nil)
		_, _, fast := back.readValuesFast(out)
		require.True(t, fast, "the fast reading reads what MarshalJSON writes: %s", out)
		require.NoError(t, back.UnmarshalJSON(out), "%s", out)
		assert.Equal(t, measured(t, m, s), measured(t, m, back))
		assert.Equal(t, s.Places(), back.Places())
	})
}

// TestValuesJSON_memberOrder: the problems of a value set come in the same
// order however the members of its objects are written: the form's in the
// order of the fields (places, then values; a value's id, then value), a
// field given again right after the field, then the keys that name no
// field, sorted; then each value's, in the order of the list, which is
// the data's, not a member order. The set, written with the members of
// every object in another order and then reversed, gives these problems,
// worked out by hand.
func TestValuesJSON_memberOrder(t *testing.T) {
	m := contactCentreModel(t)
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	in := `{"z":0,"values":[{"q":1,"value":null,"id":"answer-call"},{"value":"1","id":7},` +
		`{"value":"abc","id":"revenue"},{"id":"make-tea","value":"1"}],"places":"2","b":1}`
	// The places, a string; answer-call's value, null, then its unknown
	// key "q"; values[1]'s ID, a number; the unknown keys "b" and "z",
	// sorted. Then the values': answer-call's and values[1] were reported
	// by the form; revenue's "abc" is not a decimal (whether it fits is
	// not checked, the places unread); make-tea is no node.
	want := []problem{
		{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: "places" must be an integer, not the string "2"`},
		{outcome.ErrInvalidJSON, []string{"answer-call"}, `hierarchy: value set: invalid JSON: "values[0].value" must be a decimal string or a number, not null`},
		{outcome.ErrInvalidJSON, []string{"answer-call"}, `hierarchy: value set: invalid JSON: unknown field "values[0].q"`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: "values[1].id" must be a string, not the number 7`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: unknown field "b"`},
		{outcome.ErrInvalidJSON, nil, `hierarchy: value set: invalid JSON: unknown field "z"`},
		{ErrInvalidValue, []string{"revenue"}, `hierarchy: value set: values[2]: value "abc" of node "revenue" is not a decimal number`},
		{ErrUnknownNode, []string{"make-tea"}, `hierarchy: value set: values[3]: unknown node "make-tea"`},
	}
	for _, data := range [][]byte{[]byte(in), spoil.Reversed([]byte(in))} {
		s := values(t, m, 1, nil)
		var got []problem
		for _, p := range outcome.Problems(s.UnmarshalJSON(data)) {
			got = append(got, problem{p.Code, p.IDs, p.Message})
		}
		assert.Equal(t, want, got, "%s", data)
	}
}

// TestValues_noModel: a value set that no model made (nil, or the zero
// Values, as a BI tool declares one to read stored values into) is an
// ErrForeignValues that says so and what to do, where it said "the values
// belong to another model", which sent the reader looking for a second
// model; a set of a model with other IDs still says that.
func TestValues_noModel(t *testing.T) {
	const noModel = "hierarchy: a value set that no model made (nil, or the zero Values) holds no values: make one with Model.NewValues"
	m := contactCentreModel(t)
	s := values(t, m, 2, map[string]string{"answer-call": "1"})
	var zero Values
	var none *Values
	_, _, getErr := zero.Get("answer-call")
	_, marshalErr := json.Marshal(&zero)
	_, binErr := zero.MarshalBinary()
	_, rollErr := m.RollUp(none, WeightedSum)
	_, attrErr := m.Attribute("solved-first-contact", s, &zero)
	for what, err := range map[string]error{
		"unmarshal JSON":   json.Unmarshal([]byte(`{"places":2,"values":[]}`), &zero),
		"marshal JSON":     marshalErr,
		"unmarshal binary": zero.UnmarshalBinary([]byte{0}),
		"marshal binary":   binErr,
		"set":              zero.Set("answer-call", decimal.NewFromInt(1)),
		"get":              getErr,
		"merge nil":        s.Merge(none),
		"merge into zero":  zero.Merge(s),
		"roll up":          rollErr,
		"attribute":        attrErr,
	} {
		assert.ErrorIs(t, err, ErrForeignValues, what)
		var oe *outcome.Error
		if assert.ErrorAs(t, err, &oe, what) {
			assert.Equal(t, noModel, oe.Message, what)
		}
	}
	renamed := values(t, renamedCentreModel(t), 2, map[string]string{"answer-contact": "1"})
	assert.EqualError(t, s.Merge(renamed), "hierarchy: the values belong to another model")
}
