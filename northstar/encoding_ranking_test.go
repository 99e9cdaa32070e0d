package northstar_test

import (
	"encoding/json"
	"testing"

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
		{northstar.ErrUnknownCriterion, nb, `northstar: ranking: entries[0].scores[1].criterion: unknown criterion "beauty"`},
		{northstar.ErrInvalidLag, nb, `northstar: ranking: entries[0].evidence[0].leadLag: lead/lag result: maximum lag -1 is negative`},
		{outcome.ErrEmptyID, nil, `northstar: ranking: entries[1] has no metric`},
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
