package northstar_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
)

// problem is a problem as a test expects it: its code, IDs and message.
type problem struct {
	code outcome.Code
	ids  []string
	msg  string
}

// requireProblems checks that err holds exactly want, in order.
func requireProblems(t *testing.T, want []problem, err error) {
	t.Helper()
	probs := outcome.Problems(err)
	require.Len(t, probs, len(want), "%v", err)
	for i, p := range probs {
		assert.ErrorIs(t, p, want[i].code, i)
		assert.Equal(t, want[i].ids, p.IDs, i)
		assert.Equal(t, want[i].msg, p.Message, i)
	}
}

// badRanking is a stored ranking with problems at every depth: in an
// entry's metric (a key that names no field), the entry itself (eligible
// not a bool, a total too small for a float64), a score (a raw value that
// is a string, a criterion that names none), a lead/lag result in an
// evidence (a key that names no field in a correlation, a negative maximum
// lag), a second entry without a metric, the policy (a method that names
// none), the robustness (null changes, never written) and the ranking (a
// key that names no field). The second entry's null scores are none, as
// the package once wrote them.
const badRanking = `{
 "entries": [
  {"rank": 1,
   "metric": {"id": "nb", "name": "Nights booked", "level": "customer-outcome", "direction": "higher-is-better", "colour": "red"},
   "eligible": "yes",
   "total": 1e-400,
   "scores": [{"criterion": "coverage", "raw": 0.5, "normalised": 1, "weight": 0.3, "contribution": 0.3},
              {"criterion": "beauty", "raw": "x", "normalised": 0, "weight": 0.2, "contribution": 0}],
   "evidence": [{"outcome": "revenue", "kind": "revenue", "aligned": 1, "strength": 0,
     "leadLag": {"method": "pearson", "len": 8, "maxLag": -1, "confidence": 0.95, "perLagConfidence": 0.95,
       "correlations": [{"lag": 0, "r": 1, "pairs": 8, "q": 1}], "best": {"lag": 0, "r": 1, "pairs": 8},
       "interval": [1, 1], "verdict": "coincident"}}]},
  {"rank": 2, "eligible": false, "total": 0, "scores": null}
 ],
 "policy": {"weights": {"lead": "1"}, "leadLag": {"maxLag": 3, "method": "kendall"}},
 "robustness": {"margin": 0, "changes": null},
 "warnings": [{"code": "canvas-need-not-smart", "severity": "warning", "ids": ["c", "n"], "message": "m"}],
 "shade": 1
}`

// TestRankingJSON_everyProblem works out the problems of badRanking by
// hand: those of the JSON form first, in the order of the fields (a
// ranking's entries, policy, robustness, inputMetrics, warnings; an
// entry's rank, metric, eligible, failed, total, scores, ...), each by its
// path from the ranking, the unknown key of the ranking last; then those
// of the values, in the same order, each at its path. Every problem within
// the first entry names its metric, "nb". The same ranking with the
// members of every object reversed has the same problems, and a failed
// decode leaves the ranking as it was.
func TestRankingJSON_everyProblem(t *testing.T) {
	const form = "northstar: ranking: invalid JSON: "
	nb := []string{"nb"}
	want := []problem{
		{outcome.ErrInvalidJSON, nb, form + `unknown field "entries[0].metric.colour"`},
		{outcome.ErrInvalidJSON, nb, form + `"entries[0].eligible" must be true or false, not the string "yes"`},
		{outcome.ErrInvalidJSON, nb, form + `"entries[0].total" must be 0 or a number from 5e-324 to 1.7976931348623157e+308 in magnitude, not the number 1e-400`},
		{outcome.ErrInvalidJSON, nb, form + `"entries[0].scores[1].raw" must be a number, not the string "x"`},
		{outcome.ErrInvalidJSON, nb, form + `unknown field "entries[0].evidence[0].leadLag.correlations[0].q"`},
		{outcome.ErrInvalidJSON, nil, form + `"robustness.changes" must be an array, not null`},
		{outcome.ErrInvalidJSON, nil, form + `unknown field "shade"`},
		{northstar.ErrUnknownCriterion, nb, `northstar: ranking: "entries[0].scores[1].criterion": unknown criterion "beauty"`},
		{northstar.ErrInvalidLag, nb, `northstar: ranking: "entries[0].evidence[0].leadLag": lead/lag result: maximum lag -1 is negative`},
		{outcome.ErrEmptyID, nil, `northstar: ranking: "entries[1]" has no metric`},
		{northstar.ErrUnknownMethod, nil, `northstar: ranking: policy: leadLag: unknown correlation method "kendall"`},
	}
	before := northstar.Ranking{Policy: northstar.DefaultPolicy(), Robustness: northstar.Robustness{RunnerUp: "x", Margin: 0.5}}
	for name, data := range map[string][]byte{"written": []byte(badRanking), "reversed": spoil.Reversed([]byte(badRanking))} {
		t.Run(name, func(t *testing.T) {
			r := before
			err := json.Unmarshal(data, &r)
			requireProblems(t, want, err)
			assert.Equal(t, before, r, "a failed decode changed the ranking")
		})
	}
}

// TestRankingJSON_zeroPolicy: the zero Ranking, which Select returns with
// its error, has the zero Policy, which Policy.Validate refuses, so it
// cannot be marshalled (its JSON would not read back); a ranking without a
// policy is refused as the zero policy is.
func TestRankingJSON_zeroPolicy(t *testing.T) {
	_, err := json.Marshal(northstar.Ranking{})
	require.ErrorIs(t, err, northstar.ErrZeroWeights)
	var p *outcome.Error
	require.ErrorAs(t, err, &p)
	assert.Equal(t, `northstar: cannot marshal a ranking: policy: every criterion weight is zero (start from DefaultPolicy)`, p.Message)

	var r northstar.Ranking
	requireProblems(t, []problem{{northstar.ErrZeroWeights, nil,
		`northstar: ranking: policy: every criterion weight is zero (start from DefaultPolicy)`}}, r.UnmarshalJSON([]byte(`{"entries":[]}`)))
}

// TestRankingJSON_parts: an entry, a score, an input metric and a
// robustness read on their own as a ranking reads them, each problem said
// by its path from the part; null, a value of another type and a ranking's
// warnings are refused as the form's.
func TestRankingJSON_parts(t *testing.T) {
	const m = `{"id":"m","name":"M","level":"customer-outcome","direction":"higher-is-better"}`
	cases := []struct {
		name string
		into json.Unmarshaler
		json string
		want []problem
	}{
		{"entry", new(northstar.Entry), `{"rank":"1","failed":[{"gate":"beauty","reason":"r"}],"links":[{"outcome":"rev","kind":"money","fedBy":1}],"nodes":[3]}`, []problem{
			{outcome.ErrInvalidJSON, nil, `northstar: entry: invalid JSON: "rank" must be an integer, not the string "1"`},
			{outcome.ErrInvalidJSON, nil, `northstar: entry: invalid JSON: "links[0].fedBy" must be true or false, not the number 1`},
			{outcome.ErrInvalidJSON, nil, `northstar: entry: invalid JSON: "nodes[0]" must be a string, not the number 3`},
			{outcome.ErrEmptyID, nil, `northstar: entry has no metric`},
			{northstar.ErrUnknownGate, nil, `northstar: entry: "failed[0].gate": unknown gate "beauty"`},
			{outcome.ErrUnknownKind, nil, `northstar: entry: "links[0].kind": unknown business-outcome kind "money"`},
		}},
		{"entry's metric", new(northstar.Entry), `{"metric":{"id":"m","level":"output","direction":"higher-is-better","rewarded":null},"categories":[{"category":"c","share":null}],"evidence":[{"outcome":"rev","leadLag":null,"aligned":1e999}]}`, []problem{
			{outcome.ErrInvalidJSON, []string{"m"}, `northstar: entry: invalid JSON: "metric.rewarded" must be true or false, not null`},
			{outcome.ErrInvalidJSON, []string{"m"}, `northstar: entry: invalid JSON: "categories[0].share" must be a number, not null`},
			{outcome.ErrInvalidJSON, []string{"m"}, `northstar: entry: invalid JSON: "evidence[0].aligned" must be a number from -1.7976931348623157e+308 to 1.7976931348623157e+308, not the number 1e999`},
			{outcome.ErrEmptyName, []string{"m"}, `northstar: entry: "metric": metric "m" has no name`},
		}},
		{"score", new(northstar.Score), `{"raw":1,"missing":"no"}`, []problem{
			{outcome.ErrInvalidJSON, nil, `northstar: score: invalid JSON: "missing" must be true or false, not the string "no"`},
			{northstar.ErrUnknownCriterion, nil, `northstar: score: "criterion": unknown criterion ""`},
		}},
		{"input metric", new(northstar.InputMetric), `{"metric":3,"nodes":null,"influence":-0,"direct":true}`, []problem{
			{outcome.ErrInvalidJSON, nil, `northstar: input metric: invalid JSON: "metric" must be an object, not the number 3`},
		}},
		{"input metric null", new(northstar.InputMetric), `null`, []problem{
			{outcome.ErrInvalidJSON, nil, `northstar: an input metric cannot be null`},
		}},
		{"robustness", new(northstar.Robustness), `{"runnerUp":"b","changes":[{"criterion":"lead","from":"1","rise":true,"challenger":"b"}]}`, []problem{
			{outcome.ErrInvalidJSON, nil, `northstar: robustness: invalid JSON: "changes[0].from" must be a number, not the string "1"`},
		}},
		{"robustness array", new(northstar.Robustness), `[]`, []problem{
			{outcome.ErrInvalidJSON, nil, `northstar: robustness: invalid JSON: the value must be an object, not an array`},
		}},
		{"ranking's warnings", new(northstar.Ranking), `{"policy":{"weights":{"lead":"1"}},"warnings":[{"code":"c","severity":"bad","ids":null},null],"inputMetrics":[{"metric":` + m + `,"nodes":["a"],"influence":1}],"entries":[{"metric":` + m + `,"scores":[null]}]}`, []problem{
			{outcome.ErrInvalidJSON, []string{"m"}, `northstar: ranking: invalid JSON: "entries[0].scores[0]" must be an object, not null`},
			{outcome.ErrInvalidJSON, nil, `northstar: ranking: invalid JSON: "warnings[0].ids" must be an array, not null`},
			{outcome.ErrInvalidJSON, nil, `northstar: ranking: invalid JSON: "warnings[1]" must be an object, not null`},
			{outcome.ErrUnknownSeverity, nil, `northstar: ranking: "warnings[0].severity": unknown severity "bad"`},
		}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			requireProblems(t, tt.want, tt.into.UnmarshalJSON([]byte(tt.json)))
		})
	}

	// What reads: each part, its lists [] or null as written.
	var e northstar.Entry
	require.NoError(t, e.UnmarshalJSON([]byte(`{"rank":2,"metric":`+m+`,"eligible":true,"total":0.5,"scores":[{"criterion":"lead","raw":1,"normalised":1,"weight":0.25,"contribution":0.25,"missing":true}],"evidence":[{"outcome":"rev","kind":"","leadLag":null}],"nodes":[]}`)))
	assert.Equal(t, 2, e.Rank)
	assert.Equal(t, "m", e.Metric.ID())
	assert.True(t, e.Eligible)
	assert.Equal(t, 0.5, e.Total)
	assert.Equal(t, []northstar.Score{{Criterion: northstar.Lead, Raw: 1, Normalised: 1, Weight: 0.25, Contribution: 0.25, Missing: true}}, e.Scores)
	require.Len(t, e.Evidence, 1)
	assert.True(t, e.Evidence[0].LeadLag.IsZero())
	assert.Equal(t, []string{}, e.Nodes)
	var rb northstar.Robustness
	require.NoError(t, rb.UnmarshalJSON([]byte(`{"runnerUp":"b","margin":0.125,"changes":[{"criterion":"reach","from":2,"to":1.5,"challenger":"b"}]}`)))
	assert.Equal(t, northstar.Robustness{RunnerUp: "b", Margin: 0.125, Changes: []northstar.WeightChange{{Criterion: northstar.Reach, From: 2, To: 1.5, Challenger: "b"}}}, rb)
}

// TestPolicyJSON_invalidNotMarshalled: a policy that Policy.Validate
// refuses cannot be marshalled, as a ranking with one cannot, for its JSON
// would not read back (Policy.UnmarshalJSON validates): the zero Policy,
// with every weight zero, wrote {"weights":{"coverage":"0",...},
// "leadLag":{"maxLag":0}}, which is ErrZeroWeights when read. Each of the
// policy's problems is returned with its code, after "northstar: cannot
// marshal a policy: ". A policy that validates marshals as before.
func TestPolicyJSON_invalidNotMarshalled(t *testing.T) {
	_, err := json.Marshal(northstar.Policy{})
	require.ErrorIs(t, err, northstar.ErrZeroWeights)
	var p *outcome.Error
	require.ErrorAs(t, err, &p)
	assert.Equal(t, `northstar: cannot marshal a policy: policy: every criterion weight is zero (start from DefaultPolicy)`, p.Message)

	bad := northstar.DefaultPolicy()
	bad.Weights.Lead = decimal.NewFromInt(-1)
	bad.LeadLag.MaxLag = -2
	_, err = bad.MarshalJSON()
	requireProblems(t, []problem{
		{northstar.ErrNegativeWeight, nil, "northstar: cannot marshal a policy: policy: weight of lead strength -1 is negative"},
		{northstar.ErrInvalidLag, nil, "northstar: cannot marshal a policy: policy: leadLag: maximum lag -2 is negative"},
	}, err)

	out, err := json.Marshal(northstar.DefaultPolicy())
	require.NoError(t, err)
	assert.Equal(t, `{"weights":{"coverage":"3","lead":"2","linkage":"2","ratings":"1","reach":"2"},`+
		`"leadLag":{"maxLag":3,"method":"pearson","confidence":0.95}}`, string(out))
}
