package hierarchy_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// The results of the analyses are data a BI tool stores: they marshal to
// JSON with camelCase fields, and those with exported fields unmarshal back
// to equal values.

// TestAlignment_JSON pins the contact centre's alignment as JSON. By hand:
// 11 nodes of work, 8 aligned; by weight each node counts with the weights of
// its links up (1 if it has none): tasks 1 + 2 + 1 = 4, of which 3 aligned
// (the wallboard's link goes to an orphan); activities and outputs 3 each, 2
// aligned (first-time response's 0.4 + 0.6 = 1; the wallboard refreshes have
// no link up, so count 1); business outcomes 2 of 2. Overall 12, 9 aligned.
// The overall share has no level, and leaves it out.
func TestAlignment_JSON(t *testing.T) {
	a := model().Alignment()
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"overall": {"nodes": 11, "aligned": 8, "weight": "12", "alignedWeight": "9"},
		"levels": [
			{"level": "task", "nodes": 3, "aligned": 2, "weight": "4", "alignedWeight": "3"},
			{"level": "activity", "nodes": 3, "aligned": 2, "weight": "3", "alignedWeight": "2"},
			{"level": "output", "nodes": 3, "aligned": 2, "weight": "3", "alignedWeight": "2"},
			{"level": "business-outcome", "nodes": 2, "aligned": 2, "weight": "2", "alignedWeight": "2"}
		],
		"orphans": [{"highest": "output", "ids": ["monitor-queues", "update-wallboard", "wallboard-refreshes"]}]
	}`, string(b))
	var back hierarchy.Alignment
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, a.Equal(back), "the alignment round-trips")
	assert.Equal(t, a.Answer(), back.Answer(), "a stored report answers the question as the original did")
}

// TestRollUp_JSON pins a roll-up's JSON: the contact centre's task costs of
// ExampleModel_RollUp, without the wallboard's. By hand: handling enquiries
// costs 1200.50 + 800.25 = 2000.75, and so do the calls handled; resolving
// problems and the first-time response 800.25; cost to serve 2000.75 + 0.4 x
// 800.25 = 2320.85; revenue 0.6 x 800.25 = 480.15; the customer outcome
// 2320.85 + 480.15 = 2801. The wallboard task has no value, so neither has
// anything above it; with MissingAsZero it is an unmeasured zero.
func TestRollUp_JSON(t *testing.T) {
	m := model()
	costs, err := m.NewValues(2)
	require.NoError(t, err)
	require.NoError(t, costs.Set("answer-call", decimal.RequireFromString("1200.50")))
	require.NoError(t, costs.Set("look-up-account", decimal.RequireFromString("800.25")))
	r, err := m.RollUp(costs, hierarchy.WeightedSum)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"method": "weighted-sum",
		"values": [
			{"id": "answer-call", "value": "1200.5"},
			{"id": "look-up-account", "value": "800.25"},
			{"id": "handle-enquiry", "value": "2000.75", "computed": true},
			{"id": "resolve-problem", "value": "800.25", "computed": true},
			{"id": "calls-handled", "value": "2000.75", "computed": true},
			{"id": "first-time-response", "value": "800.25", "computed": true},
			{"id": "cost-to-serve", "value": "2320.85", "computed": true},
			{"id": "revenue", "value": "480.15", "computed": true},
			{"id": "solved-first-contact", "value": "2801", "computed": true}
		],
		"missing": ["monitor-queues", "update-wallboard", "wallboard-refreshes"],
		"unmeasured": ["update-wallboard"]
	}`, string(b))

	// With MissingAsZero, the wallboard task counts as zero and is marked
	// unmeasured, not shown as if measured; monitoring queues and the
	// wallboard refreshes are computed from it: 0. Nothing is missing.
	r, err = m.RollUp(costs, hierarchy.WeightedSum, hierarchy.MissingAsZero())
	require.NoError(t, err)
	b, err = json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"method": "weighted-sum",
		"values": [
			{"id": "answer-call", "value": "1200.5"},
			{"id": "look-up-account", "value": "800.25"},
			{"id": "update-wallboard", "value": "0", "unmeasured": true},
			{"id": "handle-enquiry", "value": "2000.75", "computed": true},
			{"id": "resolve-problem", "value": "800.25", "computed": true},
			{"id": "monitor-queues", "value": "0", "computed": true},
			{"id": "calls-handled", "value": "2000.75", "computed": true},
			{"id": "first-time-response", "value": "800.25", "computed": true},
			{"id": "wallboard-refreshes", "value": "0", "computed": true},
			{"id": "cost-to-serve", "value": "2320.85", "computed": true},
			{"id": "revenue", "value": "480.15", "computed": true},
			{"id": "solved-first-contact", "value": "2801", "computed": true}
		],
		"unmeasured": ["update-wallboard"]
	}`, string(b))

	_, err = json.Marshal(hierarchy.RollUp{})
	assert.ErrorIs(t, err, hierarchy.ErrUnknownMethod, "the zero RollUp has no method")
}

// TestQueryResults_JSON checks the field names of the line of sight, the
// contributors and an attribution, and that each round-trips.
func TestQueryResults_JSON(t *testing.T) {
	m := model()
	ls, err := m.LineOfSight("answer-call", 10)
	require.NoError(t, err)
	roundTrip(t, ls, `{"from":"answer-call","paths":[["answer-call","handle-enquiry","calls-handled","cost-to-serve","solved-first-contact"]],"complete":true}`)

	c, err := m.Contributors("cost-to-serve")
	require.NoError(t, err)
	roundTrip(t, c, `{"to":"cost-to-serve","levels":[`+
		`{"level":"task","ids":["answer-call","look-up-account"]},`+
		`{"level":"activity","ids":["handle-enquiry","resolve-problem"]},`+
		`{"level":"output","ids":["calls-handled","first-time-response"]}]}`)

	// Answering calls cost 100 more: cost to serve rises by 100 (one path,
	// weight 1).
	before, _ := m.NewValues(0)
	after, _ := m.NewValues(0)
	for _, v := range []*hierarchy.Values{before, after} {
		require.NoError(t, v.Set("look-up-account", decimal.New(800, 0)))
		require.NoError(t, v.Set("update-wallboard", decimal.New(150, 0)))
	}
	require.NoError(t, before.Set("answer-call", decimal.New(1200, 0)))
	require.NoError(t, after.Set("answer-call", decimal.New(1300, 0)))
	a, err := m.Attribute("cost-to-serve", before, after)
	require.NoError(t, err)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	// 1200 + 800 + 0.4 x 800 = 2320 before, 2420 after.
	assert.JSONEq(t, `{"id":"cost-to-serve","before":"2320","after":"2420","change":"100",
		"contributions":[{"id":"answer-call","amount":"100"}]}`, string(b))
	var back hierarchy.Attribution
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a.ID, back.ID)
	assert.True(t, a.Change.Equal(back.Change) && a.Before.Equal(back.Before) && a.After.Equal(back.After))
	require.Len(t, back.Contributions, 1)
	assert.True(t, back.Contributions[0].Amount.Equal(decimal.New(100, 0)))
}

// roundTrip checks that v marshals to want and unmarshals back to v.
func roundTrip[T any](t *testing.T, v T, want string) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, want, string(b))
	var back T
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back)
}

// TestWarnings_JSON checks that a model's warnings marshal as the problems
// they are: code, severity, IDs and message.
func TestWarnings_JSON(t *testing.T) {
	b, err := json.Marshal(model().Warnings()[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"orphan-node","severity":"warning","ids":["monitor-queues"],
		"message":"hierarchy: activity \"monitor-queues\" reaches no successful customer outcome (the highest level it reaches is Output)"}`, string(b))
	var back outcome.Error
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, hierarchy.ErrOrphan, back.Code)
	assert.Equal(t, outcome.SeverityWarning, back.Severity)
}

func TestParseMethod(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want hierarchy.Method
	}{
		{"weighted sum", hierarchy.WeightedSum},
		{" Weighted-Mean ", hierarchy.WeightedMean},
		{"MIN", hierarchy.Min},
		{"max", hierarchy.Max},
	} {
		got, err := hierarchy.ParseMethod(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, in := range []string{"", "sum", "weighted  sum", "average"} {
		_, err := hierarchy.ParseMethod(in)
		assert.ErrorIs(t, err, hierarchy.ErrUnknownMethod, in)
	}
	_, err := hierarchy.ParseMethod("median")
	assert.EqualError(t, err, `hierarchy: unknown roll-up method "median"`)

	for m := hierarchy.WeightedSum; m <= hierarchy.Max; m++ {
		text, err := m.MarshalText()
		require.NoError(t, err)
		var back hierarchy.Method
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, m, back)
	}
	_, err = hierarchy.Method(0).MarshalText()
	assert.ErrorIs(t, err, hierarchy.ErrUnknownMethod)
	var m hierarchy.Method
	assert.ErrorIs(t, m.UnmarshalText([]byte("mode")), hierarchy.ErrUnknownMethod)
}

// TestMethod_text pins the text form of each roll-up method: MarshalText
// writes the kebab-case token, as the module's other enums are written in
// JSON; the token reads back to the method; the words a roll-up's JSON held
// before ("weighted sum") still read; and an unknown name is refused with
// ErrUnknownMethod and its text quoted.
func TestMethod_text(t *testing.T) {
	for _, tt := range []struct {
		m          hierarchy.Method
		token, old string
	}{
		{hierarchy.WeightedSum, "weighted-sum", "weighted sum"},
		{hierarchy.WeightedMean, "weighted-mean", "weighted mean"},
		{hierarchy.Min, "min", "min"},
		{hierarchy.Max, "max", "max"},
	} {
		t.Run(tt.token, func(t *testing.T) {
			text, err := tt.m.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.token, string(text))
			assert.Equal(t, tt.old, tt.m.String(), "String writes the words")
			for _, in := range []string{tt.token, tt.old} {
				var back hierarchy.Method
				require.NoError(t, back.UnmarshalText([]byte(in)), in)
				assert.Equal(t, tt.m, back, in)
			}
			b, err := json.Marshal(struct {
				M hierarchy.Method `json:"m"`
			}{tt.m})
			require.NoError(t, err)
			assert.Equal(t, `{"m":"`+tt.token+`"}`, string(b))
		})
	}
	var m hierarchy.Method
	err := json.Unmarshal([]byte(`"weighted_sum"`), &m)
	assert.ErrorIs(t, err, hierarchy.ErrUnknownMethod)
	assert.EqualError(t, err, `hierarchy: unknown roll-up method "weighted_sum"`)
	assert.Zero(t, m, "unchanged on error")
}
