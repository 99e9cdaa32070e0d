package northstar_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
)

// TestJSON_emptyListsAreNotNull marshals every result and definition the
// package writes in its empty-list state and pins the JSON: an empty list is
// written [], never null, so that a dashboard can take its length. The table
// names each type and list field; each JSON is worked out from the field's
// tags. Lists that are omitempty (an entry's failed gates, categories,
// evidence, links and nodes, a ranking's input metrics and warnings,
// robustness's changes) are left out when empty, and are not listed; a
// ranking has a valid policy (the zero Ranking, which Select returns with
// its error, cannot be marshalled: TestRankingJSON_zeroPolicy); a
// lead/lag result always has a correlation per lag (the zero one is null as
// a whole), and a Canvas cannot be empty (NewCanvas refuses one).
func TestJSON_emptyListsAreNotNull(t *testing.T) {
	m := outcome.MustMetric(outcome.MetricSpec{ID: "m", Name: "M", Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	const mJSON = `{"id":"m","name":"M","level":"customer-outcome","direction":"higher-is-better"}`
	const policyJSON = `{"weights":{"coverage":"3","lead":"2","linkage":"2","ratings":"1","reach":"2"},"leadLag":{"maxLag":3,"method":"pearson","confidence":0.95}}`
	pol := northstar.DefaultPolicy()
	tests := []struct {
		name string // type.field
		v    any
		want string
	}{
		{"CanvasSpec.Needs, CanvasSpec.Outcomes", northstar.CanvasSpec{},
			`{"category":"","name":"","weight":"0","needs":[],"outcomes":[]}`},
		{"CanvasSpec.Outcomes[].Indicators", northstar.CanvasSpec{Category: "c", Outcomes: []northstar.SuccessfulOutcome{{ID: "o", Name: "O"}}},
			`{"category":"c","name":"","weight":"0","needs":[],"outcomes":[{"id":"o","name":"O","metrics":[]}]}`},
		{"SuccessfulOutcome.Indicators", northstar.SuccessfulOutcome{ID: "o", Name: "O"}, `{"id":"o","name":"O","metrics":[]}`},
		{"InputMetric.Nodes", northstar.InputMetric{Metric: m}, `{"metric":` + mJSON + `,"nodes":[],"influence":0}`},
		{"Entry.Scores", northstar.Entry{Rank: 1, Metric: m}, `{"rank":1,"metric":` + mJSON + `,"eligible":false,"total":0,"scores":[]}`},
		{"Ranking.Entries", northstar.Ranking{Policy: pol},
			`{"entries":[],"policy":` + policyJSON + `,"robustness":{"margin":0}}`},
		{"Ranking.Entries[].Scores, Ranking.InputMetrics[].Nodes",
			northstar.Ranking{Entries: []northstar.Entry{{Rank: 1, Metric: m}}, Policy: pol, InputMetrics: []northstar.InputMetric{{Metric: m}}},
			`{"entries":[{"rank":1,"metric":` + mJSON + `,"eligible":false,"total":0,"scores":[]}],"policy":` + policyJSON +
				`,"robustness":{"margin":0},"inputMetrics":[{"metric":` + mJSON + `,"nodes":[],"influence":0}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
		})
	}
}

// TestJSON_nullListsStillRead checks that a ranking, an entry and an input
// metric with null lists, as this package wrote them before, still read
// back, as no entries, no scores and no nodes.
func TestJSON_nullListsStillRead(t *testing.T) {
	var r northstar.Ranking
	require.NoError(t, json.Unmarshal([]byte(`{"entries":null,"policy":{"weights":{"lead":"1"}}}`), &r))
	assert.Nil(t, r.Entries)
	var im northstar.InputMetric
	require.NoError(t, json.Unmarshal([]byte(`{"metric":{"id":"m","name":"M","level":"output","direction":"higher-is-better"},"nodes":null,"influence":2}`), &im))
	assert.Nil(t, im.Nodes)
	assert.Equal(t, 2.0, im.Influence)
	var e northstar.Entry
	require.NoError(t, json.Unmarshal([]byte(`{"rank":1,"metric":{"id":"m","name":"M","level":"customer-outcome","direction":"higher-is-better"},"scores":null}`), &e))
	assert.Nil(t, e.Scores)
	assert.Equal(t, 1, e.Rank)
}
