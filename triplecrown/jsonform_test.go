package triplecrown

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/internal/ordertest"
	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
)

// formProblem is a problem as a test of the JSON form expects it.
type formProblem struct {
	code outcome.Code
	ids  []string
	msg  string
}

// TestUnmarshalJSON_everyProblemOfTheForm: every definition decoder reports
// each unknown field, field given twice (a case variant too) and value of
// the wrong type, named by its JSON path from the definition's top, in the
// order of each object's fields (as the type lists them), each field given
// again after the field, and the unknown keys of an object after its
// fields, sorted, with the unit's ID where there is one; then the
// values' problems, as before; what did not read is not also reported
// missing. Each expectation is worked out from the text: the money of
// card's cost baseline is at "cost.baseline", its service's actual
// measure at "service.actual".
func TestUnmarshalJSON_everyProblemOfTheForm(t *testing.T) {
	const eur1 = `{"amount":"1","currency":"EUR"}`
	card := func(costBaseline, service, extra string) string {
		if service == "" {
			service = `{"name":"s","direction":"up","baseline":{"value":"1"},"actual":{"value":"2"}}`
		}
		return `{"unit":"u","period":"p","cost":{"baseline":` + costBaseline + `,"actual":` + eur1 + `},` +
			`"revenue":{"baseline":` + eur1 + `,"actual":` + eur1 + `},"service":` + service + extra + `}`
	}
	u := []string{"u"}
	tests := []struct {
		name string
		v    any
		in   string
		want []formProblem
	}{
		{"a scorecard's two unknown fields", new(Scorecard), card(eur1, "", `,"colour":1,"size":2`), []formProblem{
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: unknown field "colour"`},
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: unknown field "size"`},
		}},
		// The currency of the wrong type is the form's, first; the amount
		// true is a value's problem, as before; neither is also missing.
		{"money with two values of the wrong type", new(Scorecard), card(`{"amount":true,"currency":3}`, "", ""), []formProblem{
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "cost.baseline.currency" must be a string, not the number 3`},
			{ErrInvalidAmount, u, `triplecrown: unit "u", baseline cost: amount is true, not a decimal (write one as a string, "12.50", or as a number)`},
		}},
		{"an unknown field of money", new(Scorecard), card(`{"amount":"1","currency":"EUR","colour":1}`, "", ""), []formProblem{
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: unknown field "cost.baseline.colour"`},
		}},
		// The first "unit" is read: the problems name "u".
		{"a field twice, and a case variant", new(Scorecard), card(`{"amount":"1","currency":"EUR","amount":"2"}`, "", `,"Unit":"v"`), []formProblem{
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: duplicate object key "Unit" (encoding/json matches it to the same field as "unit")`},
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: duplicate object key "cost.baseline.amount"`},
		}},
		// The name and the direction did not read: they are not also
		// missing; the actual measure's "n" is a mean's and "successes" a
		// rate's, but a measure with a member that did not read is not
		// checked further.
		{"a service's members of the wrong type", new(Scorecard),
			card(eur1, `{"name":1,"unit":[],"direction":true,"baseline":{"value":"1"},"actual":{"successes":"9","n":2}}`, ""), []formProblem{
				{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service.name" must be a string, not the number 1`},
				{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service.unit" must be a string, not an array`},
				{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service.direction" must be a string, not true`},
				{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service.actual.successes" must be an integer, not the string "9"`},
			}},
		// A service that is not an object is none of its parts missing.
		{"a service that is not an object", new(Scorecard), card(eur1, `"s"`, ""), []formProblem{
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service" must be an object, not the string "s"`},
		}},
		// A scorecard's part or member that is null is a value of the
		// wrong type, never absent: not also missing.
		{"null parts of a scorecard", new(Scorecard),
			strings.Replace(card(eur1, `{"name":null,"direction":"up","baseline":{"value":"1"},"actual":{"value":"2"}}`, ""),
				`"cost":{"baseline":`+eur1+`,"actual":`+eur1+`}`, `"cost":null`, 1), []formProblem{
				{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "cost" must be an object, not null`},
				{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service.name" must be a string, not null`},
			}},
		{"a null service", new(Scorecard), card(eur1, `null`, ""), []formProblem{
			{outcome.ErrInvalidJSON, u, `triplecrown: unit "u": invalid JSON: "service" must be an object, not null`},
		}},
		// The unit 5 names no unit: no ID, and the part's problem names
		// the scorecard.
		{"no unit to name", new(Scorecard), strings.Replace(card(`{"amount":"x","currency":"EUR","y":0}`, "", ""), `"u"`, `5`, 1), []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "unit" must be a string, not the number 5`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "cost.baseline.y"`},
			{ErrInvalidAmount, nil, `triplecrown: a scorecard's baseline cost: amount "x" is not a decimal number`},
		}},
		// In the order of the text: the cost threshold's currency, then
		// the precision's unknown member, then the policy's own; the level
		// and the precision read.
		{"a policy", new(Policy),
			`{"cost":{"absolute":"5","currency":5},"significanceLevel":0.05,"precision":{"places":2,"mode":"up","x":1},"colour":1,"Cost":{}}`,
			[]formProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "cost.currency" must be a string, not the number 5`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "Cost" (encoding/json matches it to the same field as "cost")`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "precision.x"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
			}},
		// The policy's unknown fields, then its values' problems: no
		// significance level (0) and no precision.
		{"a policy of unknown fields only", new(Policy), `{"colour":1,"size":2}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "size"`},
			{ErrInvalidSignificance, nil, `triplecrown: significance level 0 is not strictly between 0 and 1`},
			{outcome.ErrUnknownRounding, nil, `triplecrown: the policy needs a precision with a valid rounding mode`},
		}},
		// The investment's currency did not read: the investment is not
		// also said to lack its currency.
		{"an ROI", new(ROI),
			`{"investment":{"amount":"1","currency":1},"costSaved":` + eur1 + `,"revenueGained":` + eur1 + `,"periods":12,"colour":1,"size":2}`,
			[]formProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "investment.currency" must be a string, not the number 1`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "size"`},
			}},
		// The roll-up is named by its scorecard's unit, whose problems of
		// the form are the roll-up's, by their path from its top; the
		// unit 2 is not also an invalid ID, and the "a" twice is found.
		{"a roll-up", new(Rollup),
			`{"scorecard":` + card(eur1, "", `,"colour":1`) + `,"units":["a",2,"a"],"combination":3,"x":1}`,
			[]formProblem{
				{outcome.ErrInvalidJSON, u, `triplecrown: roll-up "u": invalid JSON: unknown field "scorecard.colour"`},
				{outcome.ErrInvalidJSON, u, `triplecrown: roll-up "u": invalid JSON: "units[1]" must be a string, not the number 2`},
				{outcome.ErrInvalidJSON, u, `triplecrown: roll-up "u": invalid JSON: "combination" must be a string, not the number 3`},
				{outcome.ErrInvalidJSON, u, `triplecrown: roll-up "u": invalid JSON: unknown field "x"`},
				{outcome.ErrDuplicateID, []string{"a", "u"}, `triplecrown: unit "a" appears twice in roll-up "u"`},
			}},
		{"a roll-up of unknown fields only", new(Rollup), `{"colour":1,"size":2}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "size"`},
			{ErrInvalidScorecard, nil, `triplecrown: a roll-up needs its scorecard`},
			{ErrUnknownCombination, nil, `triplecrown: a roll-up needs its combination (by-sample-size or by-weight)`},
			{ErrEmptyRollup, nil, `triplecrown: a roll-up has no units rolled up`},
		}},
		// The duplicate "Currency" and "amount" are not read: the money
		// is not in USD, nor 2.
		{"money, a field twice and a case variant", new(Money), `{"amount":"1","currency":"EUR","Currency":"USD","amount":"2"}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "amount"`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "Currency" (encoding/json matches it to the same field as "currency")`},
		}},
		// Places that did not read are not also missing; the mode is
		// still parsed. A string is not a number: the range of an int32
		// is said only for a number beyond it.
		{"a precision", new(Precision), `{"places":"x","mode":"bogus","y":1}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "places" must be an integer, not the string "x"`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "y"`},
			{outcome.ErrUnknownRounding, nil, `outcome: unknown rounding mode "bogus"`},
		}},
		// A relative threshold with a currency would be "not both", but
		// the currency did not read.
		{"a threshold", new(Threshold), `{"relative":"0.1","currency":3,"x":1}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "currency" must be a string, not the number 3`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "x"`},
		}},
		// A threshold with a member that did not read is not checked
		// further: the relative 2, beyond 1, is not said to be.
		{"a threshold not checked further", new(Threshold), `{"relative":"2","currency":3}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "currency" must be a string, not the number 3`},
		}},
		// The null "trials" is said to be null, after the form's problems;
		// the rate is not also said to lack it.
		{"a measure", new(Measure), `{"successes":1,"trials":null,"sd":"1","x":1}`, []formProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "sd" must be a number, not the string "1"`},
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "x"`},
			{ErrInvalidMeasure, nil, `triplecrown: a measure's "trials" cannot be null`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tt.in), tt.v)
			var got []formProblem
			for _, p := range outcome.Problems(err) {
				got = append(got, formProblem{p.Code, p.IDs, p.Message})
				assert.ErrorIs(t, err, p.Code)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestUnmarshalJSON_formCauses: each problem of the form wraps the cause
// that says what it is, and a definition that has one is not decoded.
func TestUnmarshalJSON_formCauses(t *testing.T) {
	var c Scorecard
	err := json.Unmarshal([]byte(`{"unit":"u","colour":1,"unit":"v","period":2}`), &c)
	assert.ErrorIs(t, err, jsondecode.ErrUnknownField)
	assert.ErrorIs(t, err, strictjson.ErrDuplicateKey)
	var te *json.UnmarshalTypeError
	assert.ErrorAs(t, err, &te)
	assert.True(t, c.IsZero())

	// A money with only an unknown field more is not decoded either.
	m := eur("5")
	assert.Error(t, json.Unmarshal([]byte(`{"amount":"1","currency":"EUR","x":0}`), &m))
	assert.True(t, m.Equal(eur("5")))
}

// checkOrderFree fails t unless data decodes alike into T with the members
// of its objects in any order ([ordertest.Check], with T's UnmarshalJSON),
// and unless every problem of data has IDs of its own ([checkOwnIDs]).
func checkOrderFree[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, equal func(T, T) bool) {
	t.Helper()
	_, err := ordertest.Unmarshal[T, PT](data)
	checkOwnIDs(t, err)
	ordertest.Check(t, data, ordertest.Unmarshal[T, PT], equal)
}

// checkOwnIDs fails t if two problems of err share the array that holds
// their IDs, so that rewriting one's in place would rewrite the other's.
func checkOwnIDs(t *testing.T, err error) {
	t.Helper()
	owner := make(map[*string]int)
	for i, p := range outcome.Problems(err) {
		if cap(p.IDs) == 0 {
			continue
		}
		at := &p.IDs[:1][0]
		if j, ok := owner[at]; ok {
			t.Fatalf("problems %d and %d share their IDs %q:\n%v", j, i, p.IDs, err)
		}
		owner[at] = i
	}
}

// TestUnmarshalJSON_memberOrder: the problems of a definition come in the
// same order however the members of its objects are written: a roll-up
// whose scorecard, units and combination are all wrong, written in the
// order of its fields and the other way round, gives these problems, worked
// out by hand: the form's, by the order of the fields (the scorecard's
// cost, then the units), then the scorecard's values' as NewScorecard
// checks them, the combination's, and the units' as NewRollup checks them.
// The other definitions give the same problems both ways round too.
func TestUnmarshalJSON_memberOrder(t *testing.T) {
	in := `{"scorecard":{"unit":"c","period":"","cost":1,"colour":2,"b":3},"units":[1,""],"combination":"x"}`
	want := []formProblem{
		{outcome.ErrInvalidJSON, []string{"c"}, `triplecrown: roll-up "c": invalid JSON: "scorecard.cost" must be an object, not the number 1`},
		{outcome.ErrInvalidJSON, []string{"c"}, `triplecrown: roll-up "c": invalid JSON: unknown field "scorecard.b"`},
		{outcome.ErrInvalidJSON, []string{"c"}, `triplecrown: roll-up "c": invalid JSON: unknown field "scorecard.colour"`},
		{outcome.ErrInvalidJSON, []string{"c"}, `triplecrown: roll-up "c": invalid JSON: "units[0]" must be a string, not the number 1`},
		{ErrEmptyPeriod, []string{"c"}, `triplecrown: unit "c" has no period`},
		{ErrMissingMoney, []string{"c"}, `triplecrown: unit "c" has no baseline revenue`},
		{ErrMissingMoney, []string{"c"}, `triplecrown: unit "c" has no actual revenue`},
		{outcome.ErrEmptyName, []string{"c"}, `triplecrown: unit "c" has a service measure without a name`},
		{outcome.ErrUnknownDirection, []string{"c"}, `triplecrown: unit "c" has a service measure without a valid direction`},
		{ErrInvalidMeasure, []string{"c"}, `triplecrown: unit "c" has no baseline service measure`},
		{ErrInvalidMeasure, []string{"c"}, `triplecrown: unit "c" has no actual service measure`},
		{ErrUnknownCombination, []string{"c"}, `triplecrown: roll-up "c", combination: unknown service combination "x" (want by-sample-size or by-weight)`},
		{outcome.ErrEmptyID, []string{"c"}, `triplecrown: roll-up "c", units[1]: empty id`},
	}
	for _, data := range []string{in, string(spoil.Reversed([]byte(in)))} {
		var r Rollup
		var got []formProblem
		for _, p := range outcome.Problems(r.UnmarshalJSON([]byte(data))) {
			got = append(got, formProblem{p.Code, p.IDs, p.Message})
		}
		assert.Equal(t, want, got, data)
	}
	assert.Equal(t, `{"combination":"x","units":[1,""],"scorecard":{"b":3,"colour":2,"cost":1,"period":"","unit":"c"}}`,
		string(spoil.Reversed([]byte(in))))

	const eur1 = `{"amount":"1","currency":"EUR"}`
	card := `{"unit":"u","period":"","cost":{"baseline":{"amount":"x","currency":"eur"},"actual":` + eur1 + `,"z":1},` +
		`"revenue":{"baseline":{"amount":-1,"currency":"EUR"},"actual":{"amount":"1","currency":"USD"}},` +
		`"service":{"name":"","unit":2,"direction":"up","baseline":{"mean":"1","sd":-1,"n":1},"actual":{"value":"1","weight":"0"}}}`
	checkOrderFree(t, []byte(card), Scorecard.Equal)
	checkOrderFree(t, []byte(`{"scorecard":`+card+`,"units":["a","a",""],"combination":"by weight"}`), Rollup.Equal)
	checkOrderFree(t, []byte(`{"cost":{"relative":"2","currency":"EUR"},"service":{"absolute":"1","currency":"EUR"},`+
		`"revenue":{"absolute":true},"significanceLevel":2,"precision":{"places":99,"mode":"sideways","q":1},"x":1}`), Policy.Equal)
	checkOrderFree(t, []byte(`{"investment":{"amount":"-1","currency":"EUR"},"costSaved":{"amount":"x","currency":"USD"},`+
		`"revenueGained":{"amount":"1"},"periods":0,"y":[]}`), ROI.Equal)
	checkOrderFree(t, []byte(`{"value":"1","successes":1,"trials":"2","sd":null,"weight":"-1"}`), Measure.Equal)
	checkOrderFree(t, []byte(`{"relative":"2","currency":"eur","absolute":"1"}`), Threshold.Equal)
	checkOrderFree(t, []byte(`{"places":99,"mode":"sideways","b":1,"a":2}`), Precision.Equal)
	checkOrderFree(t, []byte(`{"currency":"eur","amount":"x","c":1}`), Money.Equal)
	checkOrderFree(t, []byte(`{"total":{"amount":"1","currency":7},"zeta":1,"crown":"up","places":9,"alpha":[],"sharesDefined":true,`+
		`"contributions":[{"unit":"a","amount":{"amount":"1","currency":"EUR","x":1},"share":"100","detractor":false,"y":2},`+
		`{"share":true,"unit":"b","detractor":false},{"amount":{"amount":"1","currency":"EUR"},"share":"0","detractor":"no"}]}`),
		sameContributions)
	checkOrderFree(t, []byte(`{"total":{"amount":"3","currency":"EUR"},"crown":"cost","places":0,"sharesDefined":true,`+
		`"contributions":[{"unit":"a","amount":{"amount":"1","currency":"EUR"},"share":"40","detractor":false},`+
		`{"share":"60","unit":"a","amount":{"currency":"USD","amount":"2"},"detractor":true}]}`), sameContributions)
}

// sameContributions reports whether a and b have the same JSON form, which
// carries all a Contributions holds.
func sameContributions(a, b Contributions) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}
