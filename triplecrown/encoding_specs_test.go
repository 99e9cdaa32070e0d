package triplecrown

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The specs and groups read on their own (json.Unmarshal into a PolicySpec,
// an ROISpec, a ScorecardSpec, a ServiceSpec, Amounts or a Group): each problem
// worked out by hand from the decoders' docs, with its code, IDs and exact
// message; the value unchanged on error.

// specProblem is a problem as a test expects it.
type specProblem struct {
	code outcome.Code
	ids  []string
	msg  string
}

// specCase is an input of a decoder of T and what it gives: want, or the
// problems.
type specCase[T any] struct {
	name     string
	in       string
	want     T
	problems []specProblem
}

// checkSpecCases decodes each case's input with json.Unmarshal into a copy
// of before, which must differ from every want, and checks that it gives
// the case's value (by equal) or exactly its problems, each reached by
// errors.Is with its code, leaving the copy Equal to before.
func checkSpecCases[T any](t *testing.T, before T, equal func(T, T) bool, tests []specCase[T]) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := before
			err := json.Unmarshal([]byte(tt.in), &v)
			if tt.problems == nil {
				require.NoError(t, err)
				assert.True(t, equal(tt.want, v), "got %+v", v)
				return
			}
			var got []specProblem
			for _, p := range outcome.Problems(err) {
				got = append(got, specProblem{p.Code, p.IDs, p.Message})
				assert.ErrorIs(t, err, p.Code)
			}
			assert.Equal(t, tt.problems, got)
			assert.True(t, equal(before, v), "a failed decode leaves the value alone: %+v", v)
		})
	}
}

const goodPolicyJSON = `{"cost":{"relative":"0.02"},"service":{"absolute":"0.25"},"revenue":{"relative":0.02},` +
	`"significanceLevel":0.05,"precision":{"places":4,"mode":"half-even"}}`

func TestPolicySpec_UnmarshalJSON(t *testing.T) {
	before := policySpec()
	before.SignificanceLevel = 0.01
	checkSpecCases(t, before, PolicySpec.Equal, []specCase[PolicySpec]{
		{name: "valid, a threshold as a number", in: goodPolicyJSON, want: policySpec()},
		{
			// The form's problems first, depth first in the order of the
			// fields (a key given again right after its field, unknown
			// keys last), then the parts' values'.
			name: "several problems at once",
			in: `{"precision":{"places":4,"mode":"half-even","digits":2},"significanceLevel":"0.05",` +
				`"cost":{"relative":"x"},"colour":1,"Cost":{"relative":"0.01"}}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "Cost" (encoding/json matches it to the same field as "cost")`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "significanceLevel" must be a number, not the string "0.05"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "precision.digits"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
				{ErrInvalidAmount, nil, `triplecrown: policy, cost threshold: threshold "x" is not a decimal number`},
			},
		},
		{
			name: "a level out of range",
			in:   `{"significanceLevel":1.5,"precision":{"places":4,"mode":"half-even"}}`,
			problems: []specProblem{
				{ErrInvalidSignificance, nil, `triplecrown: significance level 1.5 is not strictly between 0 and 1`},
			},
		},
		{
			name: "a level that no float64 holds, not read as 0",
			in:   `{"significanceLevel":1e-400,"precision":{"places":4,"mode":"half-even"}}`,
			problems: []specProblem{
				{ErrInvalidSignificance, nil, `triplecrown: significance level 1e-400 is not strictly between 0 and 1: it is too small to hold, and reads as 0`},
			},
		},
		{
			name: "NewPolicy's checks",
			in:   `{"service":{"absolute":"5","currency":"EUR"},"significanceLevel":0.05}`,
			problems: []specProblem{
				{outcome.ErrInvalidThreshold, nil, `triplecrown: the service threshold cannot be money (5 EUR)`},
				{outcome.ErrUnknownRounding, nil, `triplecrown: the policy needs a precision with a valid rounding mode`},
			},
		},
		{name: "null", in: `null`, problems: []specProblem{{outcome.ErrInvalidJSON, nil, `triplecrown: a policy cannot be null`}}},
	})
}

func TestROISpec_UnmarshalJSON(t *testing.T) {
	before := ROISpec{Investment: usd("1"), Periods: 1}
	checkSpecCases(t, before, ROISpec.Equal, []specCase[ROISpec]{
		{
			name: "valid",
			in:   `{"investment":{"amount":"100","currency":"USD"},"costSaved":{"amount":30.50,"currency":"USD"},"periods":36}`,
			want: ROISpec{Investment: usd("100"), CostSaved: usd("30.5"), Periods: 36},
		},
		{
			name: "several problems at once",
			in: `{"investment":{"amount":"100","currency":"USD","note":"x"},"costSaved":{"amount":"1","currency":"EUR"},` +
				`"periods":"36","periods":12}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "investment.note"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "periods" must be an integer, not the string "36"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "periods"`},
			},
		},
		{
			name: "values out of range",
			in:   `{"investment":{"amount":"-5","currency":"USD"},"costSaved":{"amount":"1","currency":"EUR"},"periods":0}`,
			problems: []specProblem{
				{ErrNegativeMoney, nil, `triplecrown: the investment -5 USD is negative`},
				{ErrInvalidPeriods, nil, `triplecrown: the benefit must be over a positive number of periods, not 0`},
				{ErrCurrencyMismatch, nil, `triplecrown: ROI, cost saved: 1 EUR is not in USD, the currency of the investment: one ROI has one currency`},
			},
		},
		{
			name: "an amount that is not a decimal",
			in:   `{"investment":{"amount":"12,5","currency":"USD"},"periods":12}`,
			problems: []specProblem{
				{ErrInvalidAmount, nil, `triplecrown: ROI, investment: amount "12,5" is not a decimal number`},
			},
		},
		{name: "null", in: `null`, problems: []specProblem{{outcome.ErrInvalidJSON, nil, `triplecrown: an ROI cannot be null`}}},
	})
}

func TestScorecardSpec_UnmarshalJSON(t *testing.T) {
	svc := `{"name":"time to respond","unit":"hours","direction":"lower-is-better",` +
		`"baseline":{"mean":4,"sd":1.5,"n":400},"actual":{"mean":"3.0","sd":1.2,"n":400}}`
	checkSpecCases(t, spec("before"), ScorecardSpec.Equal, []specCase[ScorecardSpec]{
		{
			name: "valid",
			in: cardWith(`"sales"`, `"2025"`, `{"baseline":{"amount":"1000000","currency":"EUR"},"actual":{"amount":900000,"currency":"EUR"}}`,
				`{"baseline":{"amount":"2000000","currency":"EUR"},"actual":{"amount":"2300000.00","currency":"EUR"}}`, svc),
			want: spec("sales"),
		},
		{
			// Each problem has the unit's ID and names it.
			name: "several problems at once",
			in: cardWith(`"billing"`, `2025`, "", "",
				`{"name":"s","direction":"up","baseline":{"mean":"4","sd":1e-400,"n":400},"actual":{"mean":"3","sd":1.2,"n":400},"scale":1}`),
			problems: []specProblem{
				{outcome.ErrInvalidJSON, []string{"billing"}, `triplecrown: unit "billing": invalid JSON: "period" must be a string, not the number 2025`},
				{outcome.ErrInvalidJSON, []string{"billing"}, `triplecrown: unit "billing": invalid JSON: unknown field "service.scale"`},
				{ErrInvalidMeasure, []string{"billing"}, `triplecrown: unit "billing", baseline service measure: the standard deviation 1e-400 is refused: it is too small to hold, and reads as 0`},
			},
		},
		{
			name: "NewScorecard's checks",
			in:   cardWith(`"billing"`, `" "`, `{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"-1","currency":"EUR"}}`, "", ""),
			problems: []specProblem{
				{ErrEmptyPeriod, []string{"billing"}, `triplecrown: unit "billing" has no period`},
				{ErrNegativeMoney, []string{"billing"}, `triplecrown: unit "billing" has a negative actual cost (-1 EUR)`},
			},
		},
		{name: "null", in: `null`, problems: []specProblem{{outcome.ErrInvalidJSON, nil, `triplecrown: a scorecard cannot be null`}}},
	})
}

func TestServiceSpec_UnmarshalJSON(t *testing.T) {
	checkSpecCases(t, spec("before").Service, ServiceSpec.Equal, []specCase[ServiceSpec]{
		{
			name: "valid, as a scorecard's service",
			in: `{"name":"time to respond","unit":"hours","direction":"lower-is-better",` +
				`"baseline":{"mean":4,"sd":1.5,"n":400},"actual":{"mean":"3.0","sd":1.2,"n":400}}`,
			want: spec("x").Service,
		},
		{
			// Paths from the service's top; no ID, and the values'
			// problems said as those of a scorecard without a unit.
			name: "several problems at once",
			in: `{"name":" ","direction":"sideways","baseline":{"value":"x","weight":"0"},"actual":{"successes":7,"trials":"10"},` +
				`"Name":"s","colour":1}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "Name" (encoding/json matches it to the same field as "name")`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "actual.trials" must be an integer, not the string "10"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
				{outcome.ErrUnknownDirection, nil, `triplecrown: a scorecard's service direction: unknown direction "sideways"`},
				{ErrInvalidWeight, nil, `triplecrown: a scorecard's baseline service measure: service weight 0 is not positive`},
				{ErrInvalidAmount, nil, `triplecrown: a scorecard's baseline service measure: service value "x" is not a decimal number`},
				{outcome.ErrEmptyName, nil, `triplecrown: a scorecard has a service measure without a name`},
			},
		},
		{
			name: "an sd that no float64 holds, not read as 0",
			in:   `{"name":"s","direction":"down","baseline":{"mean":"4","sd":1e-400,"n":400},"actual":{"mean":"3","sd":1.2,"n":400}}`,
			problems: []specProblem{
				{ErrInvalidMeasure, nil, `triplecrown: a scorecard's baseline service measure: the standard deviation 1e-400 is refused: it is too small to hold, and reads as 0`},
			},
		},
		{
			name: "measures of two kinds",
			in:   `{"name":"s","direction":"higher-is-better","baseline":{"value":"1"},"actual":{"successes":7,"trials":10}}`,
			problems: []specProblem{
				{ErrServiceMismatch, nil, `triplecrown: a scorecard has a value as its baseline service measure but a rate as its actual`},
			},
		},
		{
			name: "missing parts",
			in:   `{"name":"s"}`,
			problems: []specProblem{
				{outcome.ErrUnknownDirection, nil, `triplecrown: a scorecard has a service measure without a valid direction`},
				{ErrInvalidMeasure, nil, `triplecrown: a scorecard has no baseline service measure`},
				{ErrInvalidMeasure, nil, `triplecrown: a scorecard has no actual service measure`},
			},
		},
		{
			// A part of the wrong type (null included) is not also
			// missing.
			name: "parts of the wrong type",
			in:   `{"name":null,"direction":1,"baseline":[],"actual":null}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "name" must be a string, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "direction" must be a string, not the number 1`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "baseline" must be an object, not an array`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "actual" must be an object, not null`},
			},
		},
		{name: "null", in: `null`, problems: []specProblem{{outcome.ErrInvalidJSON, nil, `triplecrown: a service measure cannot be null`}}},
	})
	// JSON that is not one object is one problem of the form.
	var s ServiceSpec
	err := json.Unmarshal([]byte(`[]`), &s)
	require.Len(t, outcome.Problems(err), 1)
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
}

func TestAmounts_UnmarshalJSON(t *testing.T) {
	before := Amounts{Baseline: usd("7"), Actual: usd("8")}
	checkSpecCases(t, before, Amounts.Equal, []specCase[Amounts]{
		{
			name: "valid, as a scorecard's cost, an amount as a number",
			in:   `{"baseline":{"amount":"1000000","currency":"EUR"},"actual":{"amount":900000.50,"currency":"EUR"}}`,
			want: Amounts{Baseline: eur("1000000"), Actual: eur("900000.5")},
		},
		{
			// Read as a scorecard reads its cost, not ignored.
			name: "an unknown key",
			in:   `{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"2","currency":"EUR","rate":1},"note":"q2"}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "actual.rate"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "note"`},
			},
		},
		{
			// The first is the one read; not read twice.
			name: "a key twice",
			in:   `{"baseline":{"amount":"1","currency":"EUR"},"actual":{"amount":"2","currency":"EUR"},"Actual":{"amount":"3","currency":"EUR"}}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "Actual" (encoding/json matches it to the same field as "actual")`},
			},
		},
		{
			// An amount of the wrong type, null included, is not also
			// missing.
			name: "values of the wrong type",
			in:   `{"baseline":null,"actual":{"amount":"2","currency":3}}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "baseline" must be an object, not null`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "actual.currency" must be a string, not the number 3`},
			},
		},
		{
			// Not read as 0: out of range, as in a scorecard; the actual,
			// the only amount read, sets the currency.
			name: "1e-400",
			in:   `{"baseline":{"amount":1e-400,"currency":"EUR"},"actual":{"amount":"2","currency":"USD"}}`,
			problems: []specProblem{
				{ErrInvalidAmount, nil, `triplecrown: a scorecard's baseline amount: amount with 1 digits and exponent -400 is out of range (at most 40 digits, exponent within ±30)`},
			},
		},
		{
			// No ID, and the values' problems said as those of a
			// scorecard without a unit, "amount" for the crown: the
			// form's first, then money's, then NewScorecard's.
			name: "several problems at once",
			in: `{"actual":{"amount":"x","currency":"eur"},"colour":1,"baseline":{"amount":"-1","currency":"EUR","note":2},` +
				`"BASELINE":{}}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "baseline.note"`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: duplicate object key "BASELINE" (encoding/json matches it to the same field as "baseline")`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: unknown field "colour"`},
				{ErrInvalidAmount, nil, `triplecrown: a scorecard's actual amount: amount "x" is not a decimal number`},
				{ErrUnknownCurrency, nil, `triplecrown: a scorecard's actual amount: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)`},
			},
		},
		{
			name: "NewScorecard's checks",
			in:   `{"baseline":{"amount":"-1.50","currency":"EUR"},"actual":{"amount":"-2","currency":"USD"}}`,
			problems: []specProblem{
				{ErrNegativeMoney, nil, `triplecrown: a scorecard has a negative baseline amount (-1.50 EUR)`},
				{ErrNegativeMoney, nil, `triplecrown: a scorecard has a negative actual amount (-2 USD)`},
				{ErrCurrencyMismatch, nil, `triplecrown: a scorecard has its actual amount in USD, not EUR: one scorecard has one currency`},
			},
		},
		{
			name: "missing amounts",
			in:   `{}`,
			problems: []specProblem{
				{ErrMissingMoney, nil, `triplecrown: a scorecard has no baseline amount`},
				{ErrMissingMoney, nil, `triplecrown: a scorecard has no actual amount`},
			},
		},
		{name: "null", in: `null`, problems: []specProblem{{outcome.ErrInvalidJSON, nil, `triplecrown: amounts cannot be null`}}},
		{name: "not an object", in: `[1,2]`, problems: []specProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: the value must be an object, not an array`}}},
	})
}

func TestGroup_UnmarshalJSON(t *testing.T) {
	before := Group{ID: "before", Units: []string{"x"}}
	checkSpecCases(t, before, Group.Equal, []specCase[Group]{
		{name: "valid", in: `{"id":"north","units":["leeds","york"]}`, want: Group{ID: "north", Units: []string{"leeds", "york"}}},
		// The values are not checked: NewRollups reports them.
		{name: "an invalid ID, no units", in: `{"id":" north","units":[]}`, want: Group{ID: " north"}},
		// The empty ID reads (NewRollups reports it), and names no group.
		{name: "the empty ID", in: `{"id":"","units":["leeds"]}`, want: Group{Units: []string{"leeds"}}},
		{name: "the empty ID and a problem", in: `{"id":"","units":[2]}`, problems: []specProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "units[0]" must be a string, not the number 2`}}},
		// A member left out is its zero value, as in every part checked
		// for its form only: the empty ID, no units.
		{name: "no ID", in: `{"units":["leeds"]}`, want: Group{Units: []string{"leeds"}}},
		{
			// Each problem has the group's ID and names it.
			name: "several problems at once",
			in:   `{"id":"north","units":["leeds",2,null],"ID":"south","region":"uk"}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, []string{"north"}, `triplecrown: group "north": invalid JSON: duplicate object key "ID" (encoding/json matches it to the same field as "id")`},
				{outcome.ErrInvalidJSON, []string{"north"}, `triplecrown: group "north": invalid JSON: "units[1]" must be a string, not the number 2`},
				{outcome.ErrInvalidJSON, []string{"north"}, `triplecrown: group "north": invalid JSON: "units[2]" must be a string, not null`},
				{outcome.ErrInvalidJSON, []string{"north"}, `triplecrown: group "north": invalid JSON: unknown field "region"`},
			},
		},
		{
			name: "values of the wrong type",
			in:   `{"id":5,"units":"leeds"}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "id" must be a string, not the number 5`},
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "units" must be an array, not the string "leeds"`},
			},
		},
		{
			name: "a null ID",
			in:   `{"id":null,"units":["leeds"]}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: "id" must be a string, not null`},
			},
		},
		{
			// Not read as none, as encoding/json reads them.
			name: "null units",
			in:   `{"id":"north","units":null}`,
			problems: []specProblem{
				{outcome.ErrInvalidJSON, []string{"north"}, `triplecrown: group "north": invalid JSON: "units" must be an array, not null`},
			},
		},
		{name: "no fields", in: `{}`, want: Group{}},
		{name: "no units", in: `{"id":"north"}`, want: Group{ID: "north"}},
		// A member left out does not hide the form's problems.
		{name: "no units, an unknown field", in: `{"id":"voice","unit":["inbound"]}`, problems: []specProblem{
			{outcome.ErrInvalidJSON, []string{"voice"}, `triplecrown: group "voice": invalid JSON: unknown field "unit"`}}},
		{name: "null", in: `null`, problems: []specProblem{{outcome.ErrInvalidJSON, nil, `triplecrown: a group cannot be null`}}},
		{name: "not an object", in: `["north"]`, problems: []specProblem{
			{outcome.ErrInvalidJSON, nil, `triplecrown: invalid JSON: the value must be an object, not an array`}}},
	})

	// [] reads as an empty list, as encoding/json reads it.
	var g Group
	require.NoError(t, json.Unmarshal([]byte(`{"id":"north","units":[]}`), &g))
	assert.Equal(t, Group{ID: "north", Units: []string{}}, g)

	// A member left out is the zero value itself: {} is Group{}, the units
	// nil, as encoding/json reads them; decoding into a group that had
	// values sets each field.
	g = Group{ID: "before", Units: []string{"x"}}
	require.NoError(t, json.Unmarshal([]byte(`{}`), &g))
	assert.Equal(t, Group{}, g)
	// NewRollups then reports what is missing: the empty ID and no units.
	_, err := NewRollups([]Group{g}, []Scorecard{rateCard("sales", "100", "90", "500", "550", 70, 100, 80, 100)})
	var got []outcome.Code
	for _, p := range outcome.Problems(err) {
		got = append(got, p.Code)
	}
	assert.Equal(t, []outcome.Code{outcome.ErrEmptyID, ErrEmptyRollup}, got, "%v", err)
}

// TestGroup_MarshalJSON: a group whose text is valid UTF-8 is written byte
// for byte as encoding/json wrote it before MarshalJSON checked it (a type
// of the test with the same fields and tags, units [] when none; one group
// worked out by hand), and one with an ID or a unit that is not valid UTF-8
// is refused with a problem for each (which encoding/json would have
// written as U+FFFD, to read back as another group).
func TestGroup_MarshalJSON(t *testing.T) {
	type oldGroup struct {
		ID    string   `json:"id"`
		Units []string `json:"units"`
	}
	mustJSON := func(v any) string {
		t.Helper()
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	// By hand: the fields in order, "<" and "&" escaped as encoding/json
	// escapes them (\u003c, \u0026), U+2028 as \u2028, "é" as is.
	hand := Group{ID: "north & <east>", Units: []string{"leeds", "york\u2028", "méndez"}}
	assert.Equal(t, `{"id":"north \u0026 \u003ceast\u003e","units":["leeds","york\u2028","méndez"]}`, mustJSON(hand))
	for _, g := range []Group{hand, {ID: "south"}, {}, {Units: []string{"", " a"}}, {ID: "x", Units: []string{}}} {
		units := g.Units
		if units == nil {
			units = []string{}
		}
		assert.Equal(t, mustJSON(oldGroup{g.ID, units}), mustJSON(g), "%+v", g)
	}

	tests := []struct {
		name     string
		g        Group
		problems []specProblem
	}{
		{"an ID", Group{ID: "n\xffrth", Units: []string{"leeds"}}, []specProblem{
			{outcome.ErrInvalidText, []string{"n\xffrth"}, `triplecrown: group "n\xffrth" has an ID that is not valid UTF-8`}}},
		// The ID first, then each unit in order, each unit's problem with
		// the group's ID (when it has one) and the unit's.
		{"an ID and two units", Group{ID: "n\xff", Units: []string{"a\xc3", "york", "\xe2\x80"}}, []specProblem{
			{outcome.ErrInvalidText, []string{"n\xff"}, `triplecrown: group "n\xff" has an ID that is not valid UTF-8`},
			{outcome.ErrInvalidText, []string{"n\xff", "a\xc3"}, `triplecrown: group "n\xff" has a unit that is not valid UTF-8: "a\xc3"`},
			{outcome.ErrInvalidText, []string{"n\xff", "\xe2\x80"}, `triplecrown: group "n\xff" has a unit that is not valid UTF-8: "\xe2\x80"`},
		}},
		{"a unit of a group with the empty ID", Group{Units: []string{"le\xffds"}}, []specProblem{
			{outcome.ErrInvalidText, []string{"le\xffds"}, `triplecrown: a group has a unit that is not valid UTF-8: "le\xffds"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.g.MarshalJSON()
			assert.Nil(t, b)
			var got []specProblem
			for _, p := range outcome.Problems(err) {
				got = append(got, specProblem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.problems, got)
			// json.Marshal wraps the error; the code still reaches it.
			_, err = json.Marshal(tt.g)
			assert.ErrorIs(t, err, outcome.ErrInvalidText)
			// What encoding/json wrote reads back as another group.
			var back Group
			require.NoError(t, json.Unmarshal([]byte(mustJSON(oldGroup{tt.g.ID, tt.g.Units})), &back))
			assert.False(t, back.Equal(tt.g), "%+v", back)
		})
	}
}

// TestSpecs_JSONRoundTrip: each spec, amounts and group, marshalled, reads back
// Equal, and a spec reads as its definition does (the policy's, the ROI's,
// the scorecard's own decoder).
func TestSpecs_JSONRoundTrip(t *testing.T) {
	roundTrip := func(v any, back any) {
		t.Helper()
		b, err := json.Marshal(v)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, back), "%s", b)
	}
	var p PolicySpec
	roundTrip(policySpec(), &p)
	assert.True(t, policySpec().Equal(p))
	var r ROISpec
	roi := ROISpec{Investment: usd("100.00"), RevenueGained: usd("-30"), Periods: 36}
	roundTrip(roi, &r)
	assert.True(t, roi.Equal(r))
	var c ScorecardSpec
	roundTrip(scaledSpec("sales"), &c)
	assert.True(t, scaledSpec("sales").Equal(c))
	var s ServiceSpec
	roundTrip(scaledSpec("sales").Service, &s)
	assert.True(t, scaledSpec("sales").Service.Equal(s))
	for _, a := range []Amounts{scaledSpec("sales").Cost, {Baseline: usd("0.000"), Actual: usd("15e2")}} {
		var back Amounts
		roundTrip(a, &back)
		assert.True(t, a.Equal(back), "%+v", a)
		assert.True(t, a.Baseline.Amount().Exponent() == back.Baseline.Amount().Exponent(), "the places kept: %+v", back)
	}
	for _, g := range []Group{{ID: "north", Units: []string{"leeds", "york"}}, {ID: "south"}, {}} {
		var back Group
		roundTrip(g, &back)
		assert.True(t, g.Equal(back), "%+v", g)
	}

	// A spec is read as its definition is.
	var policy Policy
	require.NoError(t, json.Unmarshal([]byte(goodPolicyJSON), &policy))
	require.NoError(t, json.Unmarshal([]byte(goodPolicyJSON), &p))
	assert.True(t, policy.Spec().Equal(p))
}

// TestSpecs_MarshalJSON_bytes: a valid spec, amounts and service measure
// are written byte for byte as encoding/json wrote them before they had a
// MarshalJSON (the same fields and tags in types of this test), and as
// worked out by hand for one scorecard; the definitions write the same.
func TestSpecs_MarshalJSON_bytes(t *testing.T) {
	type (
		oldAmounts struct {
			Baseline Money `json:"baseline"`
			Actual   Money `json:"actual"`
		}
		oldService struct {
			Name      string            `json:"name"`
			Unit      string            `json:"unit,omitempty"`
			Direction outcome.Direction `json:"direction"`
			Baseline  Measure           `json:"baseline"`
			Actual    Measure           `json:"actual"`
		}
		oldCard struct {
			Unit    string     `json:"unit"`
			Name    string     `json:"name,omitempty"`
			Period  string     `json:"period"`
			Cost    oldAmounts `json:"cost"`
			Revenue oldAmounts `json:"revenue"`
			Service oldService `json:"service"`
		}
		oldPolicy struct {
			Cost              Threshold `json:"cost,omitzero"`
			Service           Threshold `json:"service,omitzero"`
			Revenue           Threshold `json:"revenue,omitzero"`
			SignificanceLevel float64   `json:"significanceLevel"`
			Precision         Precision `json:"precision"`
		}
		oldROI struct {
			Investment    Money `json:"investment"`
			CostSaved     Money `json:"costSaved,omitzero"`
			RevenueGained Money `json:"revenueGained,omitzero"`
			Periods       int64 `json:"periods"`
		}
	)
	mustJSON := func(v any) string {
		t.Helper()
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	value := func(s string) Measure {
		m, err := NewValue(decimal.RequireFromString(s))
		require.NoError(t, err)
		return m
	}
	hand := ScorecardSpec{Unit: "sales", Period: "2025",
		Cost:    Amounts{Baseline: eur("100.00"), Actual: eur("90")},
		Revenue: Amounts{Baseline: eur("0"), Actual: eur("5.5")},
		Service: ServiceSpec{Name: "fcr", Direction: outcome.HigherIsBetter, Baseline: value("72"), Actual: value("75")}}
	const handJSON = `{"unit":"sales","period":"2025",` +
		`"cost":{"baseline":{"amount":"100.00","currency":"EUR"},"actual":{"amount":"90","currency":"EUR"}},` +
		`"revenue":{"baseline":{"amount":"0","currency":"EUR"},"actual":{"amount":"5.5","currency":"EUR"}},` +
		`"service":{"name":"fcr","direction":"higher-is-better","baseline":{"value":"72"},"actual":{"value":"75"}}}`
	assert.Equal(t, handJSON, mustJSON(hand))
	assert.Equal(t, handJSON, mustJSON(MustScorecard(hand)))

	for _, c := range []ScorecardSpec{hand, scaledSpec("sales"), spec("billing")} {
		c.Name = "Sales & <Billing>" // escaped as encoding/json escapes it
		c.Service.Unit = "%"
		want := mustJSON(oldCard{c.Unit, c.Name, c.Period, oldAmounts(c.Cost), oldAmounts(c.Revenue), oldService(c.Service)})
		assert.Equal(t, want, mustJSON(c))
		assert.Equal(t, want, mustJSON(MustScorecard(c)))
		assert.Equal(t, mustJSON(oldAmounts(c.Cost)), mustJSON(c.Cost))
		assert.Equal(t, mustJSON(oldService(c.Service)), mustJSON(c.Service))
	}
	for _, p := range []PolicySpec{policySpec(), {SignificanceLevel: 0.01, Precision: MustPrecision(2, outcome.RoundHalfEven)}} {
		want := mustJSON(oldPolicy(p))
		assert.Equal(t, want, mustJSON(p))
		assert.Equal(t, want, mustJSON(MustPolicy(p)))
	}
	for _, r := range []ROISpec{{Investment: usd("100.00"), RevenueGained: usd("-30"), Periods: 36},
		{Investment: usd("5"), CostSaved: usd("1e3"), Periods: 1}} {
		want := mustJSON(oldROI(r))
		assert.Equal(t, want, mustJSON(r))
		roi, err := NewROI(r)
		require.NoError(t, err)
		assert.Equal(t, want, mustJSON(roi))
	}
}

// TestSpecs_MarshalJSON_refuses: a value its UnmarshalJSON would not read
// back is not marshalled; the problems, worked out by hand, are those its
// constructor (for amounts and a service, a scorecard without a unit)
// reports, and those its UnmarshalJSON reports of the same values as JSON.
func TestSpecs_MarshalJSON_refuses(t *testing.T) {
	check := func(t *testing.T, v json.Marshaler, asJSON string, back json.Unmarshaler, want []specProblem) {
		t.Helper()
		b, err := v.MarshalJSON()
		assert.Nil(t, b)
		var got []specProblem
		for _, p := range outcome.Problems(err) {
			got = append(got, specProblem{p.Code, p.IDs, p.Message})
			assert.ErrorIs(t, err, p.Code)
		}
		assert.Equal(t, want, got)
		_, err = json.Marshal(v) // through encoding/json, the codes still reached
		for _, p := range want {
			assert.ErrorIs(t, err, p.code)
		}
		if asJSON == "" {
			return
		}
		got = nil
		for _, p := range outcome.Problems(back.UnmarshalJSON([]byte(asJSON))) {
			got = append(got, specProblem{p.Code, p.IDs, p.Message})
		}
		assert.Equal(t, want, got, "read from %s", asJSON)
	}
	good := spec("billing")
	t.Run("scorecard", func(t *testing.T) {
		c := good
		c.Unit = ""
		c.Cost = Amounts{Baseline: eur("-1"), Actual: MustMoney("2", "USD")}
		c.Revenue.Baseline = c.Cost.Baseline
		c.Revenue.Actual = eur("3")
		in, err := json.Marshal(cardForm(c))
		require.NoError(t, err)
		check(t, c, string(in), new(ScorecardSpec), []specProblem{
			{outcome.ErrEmptyID, nil, "outcome: empty id"},
			{ErrNegativeMoney, nil, "triplecrown: a scorecard has a negative baseline cost (-1 EUR)"},
			{ErrCurrencyMismatch, nil, "triplecrown: a scorecard has its actual cost in USD, not EUR: one scorecard has one currency"},
			{ErrNegativeMoney, nil, "triplecrown: a scorecard has a negative baseline revenue (-1 EUR)"},
		})
		c = good
		c.Name, c.Service.Unit = "caf\xe9", "h\xff"
		check(t, c, "", nil, []specProblem{
			{outcome.ErrInvalidText, []string{"billing"}, `triplecrown: unit "billing" has a name that is not valid UTF-8: "caf\xe9"`},
			{outcome.ErrInvalidText, []string{"billing"}, `triplecrown: unit "billing" has a service unit that is not valid UTF-8: "h\xff"`},
		})
		c = good
		c.Revenue.Actual = Money{}
		check(t, c, "", nil, []specProblem{{ErrMissingMoney, []string{"billing"}, `triplecrown: unit "billing" has no actual revenue`}})
	})
	t.Run("amounts", func(t *testing.T) {
		check(t, Amounts{Baseline: eur("-1.50"), Actual: MustMoney("2", "USD")},
			`{"baseline":{"amount":"-1.50","currency":"EUR"},"actual":{"amount":"2","currency":"USD"}}`, new(Amounts), []specProblem{
				{ErrNegativeMoney, nil, "triplecrown: a scorecard has a negative baseline amount (-1.50 EUR)"},
				{ErrCurrencyMismatch, nil, "triplecrown: a scorecard has its actual amount in USD, not EUR: one scorecard has one currency"},
			})
		check(t, Amounts{}, `{}`, new(Amounts), []specProblem{
			{ErrMissingMoney, nil, "triplecrown: a scorecard has no baseline amount"},
			{ErrMissingMoney, nil, "triplecrown: a scorecard has no actual amount"},
		})
	})
	t.Run("service", func(t *testing.T) {
		check(t, ServiceSpec{}, `{}`, new(ServiceSpec), []specProblem{
			{outcome.ErrEmptyName, nil, "triplecrown: a scorecard has a service measure without a name"},
			{outcome.ErrUnknownDirection, nil, "triplecrown: a scorecard has a service measure without a valid direction"},
			{ErrInvalidMeasure, nil, "triplecrown: a scorecard has no baseline service measure"},
			{ErrInvalidMeasure, nil, "triplecrown: a scorecard has no actual service measure"},
		})
		s := good.Service
		s.Name, s.Unit = " ", "\xff"
		check(t, s, "", nil, []specProblem{
			{outcome.ErrEmptyName, nil, "triplecrown: a scorecard has a service measure without a name"},
			{outcome.ErrInvalidText, nil, `triplecrown: a scorecard has a service unit that is not valid UTF-8: "\xff"`},
		})
	})
	t.Run("policy", func(t *testing.T) {
		check(t, PolicySpec{SignificanceLevel: 1.5}, `{"significanceLevel":1.5}`, new(PolicySpec), []specProblem{
			{ErrInvalidSignificance, nil, "triplecrown: significance level 1.5 is not strictly between 0 and 1"},
			{outcome.ErrUnknownRounding, nil, "triplecrown: the policy needs a precision with a valid rounding mode"},
		})
		p := policySpec()
		p.SignificanceLevel = 1e-320
		in, err := json.Marshal(policySpecJSON(p))
		require.NoError(t, err)
		check(t, p, string(in), new(PolicySpec), []specProblem{{ErrInvalidSignificance, nil,
			"triplecrown: significance level 1e-320 is below 2.2250738585072014e-308, the smallest positive number held to full precision"}})
		p.SignificanceLevel = math.NaN()
		check(t, p, "", nil, []specProblem{{outcome.ErrNotFinite, nil, "triplecrown: significance level NaN is not a finite number"}})
	})
	t.Run("ROI", func(t *testing.T) {
		check(t, ROISpec{}, `{"periods":0}`, new(ROISpec), []specProblem{
			{ErrMissingMoney, nil, "triplecrown: an ROI needs the investment, with its currency"},
			{ErrInvalidPeriods, nil, "triplecrown: the benefit must be over a positive number of periods, not 0"},
		})
		r := ROISpec{Investment: usd("-5"), CostSaved: eur("1"), Periods: 12}
		check(t, r, `{"investment":{"amount":"-5","currency":"USD"},"costSaved":{"amount":"1","currency":"EUR"},"periods":12}`, new(ROISpec), []specProblem{
			{ErrNegativeMoney, nil, "triplecrown: the investment -5 USD is negative"},
			{ErrCurrencyMismatch, nil, "triplecrown: ROI, cost saved: 1 EUR is not in USD, the currency of the investment: one ROI has one currency"},
		})
	})
}
