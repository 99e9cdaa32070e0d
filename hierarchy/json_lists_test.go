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

// TestJSON_emptyListsAreNotNull marshals every result and definition the
// package writes in its empty-list state and pins the JSON: an empty list is
// written [], never null, so that a dashboard can take its length. The table
// names each type and list field; each JSON is worked out from the field's
// tags. Lists that are omitempty (an alignment's orphans and unsupported
// outcomes, a roll-up's missing and unmeasured) are left out when empty,
// and are not listed.
func TestJSON_emptyListsAreNotNull(t *testing.T) {
	m := model()
	orphan, err := m.LineOfSight("update-wallboard", 5)
	require.NoError(t, err)
	task, err := m.Contributors("answer-call")
	require.NoError(t, err)
	none, err := m.NewValues(0)
	require.NoError(t, err)
	// Nothing measured: every node is missing (sorted), the three tasks
	// unmeasured inputs, so the roll-up has no values.
	r, err := m.RollUp(none, hierarchy.WeightedSum)
	require.NoError(t, err)
	// answer-call is a task, measured at 5 both times: nothing feeds it, so
	// no contributions.
	five, err := m.NewValues(0)
	require.NoError(t, err)
	require.NoError(t, five.Set("answer-call", decimal.New(5, 0)))
	att, err := m.Attribute("answer-call", five, five)
	require.NoError(t, err)
	tests := []struct {
		name string // type.field
		v    any
		want string
	}{
		{"LineOfSight.Paths (an orphan's)", orphan, `{"from":"update-wallboard","paths":[],"complete":true}`},
		{"LineOfSight.Paths (zero)", hierarchy.LineOfSight{}, `{"from":"","paths":[],"complete":false}`},
		{"LineOfSight.Paths[] (a nil path, built by hand)", hierarchy.LineOfSight{From: "x", Paths: [][]string{{"x", "sco"}, nil}},
			`{"from":"x","paths":[["x","sco"],[]],"complete":false}`},
		{"Contributors.Levels (a task's)", task, `{"to":"answer-call","levels":[]}`},
		{"Contributors.Levels (zero)", hierarchy.Contributors{}, `{"to":"","levels":[]}`},
		{"Contributors.Levels[].IDs", hierarchy.Contributors{To: "x", Levels: []hierarchy.LevelIDs{{Level: outcome.Task}}},
			`{"to":"x","levels":[{"level":"task","ids":[]}]}`},
		{"LevelIDs.IDs", hierarchy.LevelIDs{Level: outcome.Output}, `{"level":"output","ids":[]}`},
		{"OrphanGroup.IDs", hierarchy.OrphanGroup{Highest: outcome.Output}, `{"highest":"output","ids":[]}`},
		{"Alignment.Levels", hierarchy.Alignment{},
			`{"overall":{"nodes":0,"aligned":0,"weight":"0","alignedWeight":"0"},"levels":[]}`},
		{"Alignment.Orphans[].IDs", hierarchy.Alignment{Orphans: []hierarchy.OrphanGroup{{Highest: outcome.Task}}},
			`{"overall":{"nodes":0,"aligned":0,"weight":"0","alignedWeight":"0"},"levels":[],"orphans":[{"highest":"task","ids":[]}]}`},
		{"Attribution.Contributions (a task's)", att,
			`{"id":"answer-call","before":"5","after":"5","change":"0","contributions":[]}`},
		{"Attribution.Contributions (zero)", hierarchy.Attribution{},
			`{"id":"","before":"0","after":"0","change":"0","contributions":[]}`},
		{"Model.Nodes, Model.Links", hierarchy.Model{}, `{"nodes":[],"links":[]}`},
		{"Values.Values", none, `{"places":0,"values":[]}`},
		{"RollUp.Values", r, `{"method":"weighted-sum","values":[],"missing":["answer-call","calls-handled","cost-to-serve","first-time-response","handle-enquiry","look-up-account","monitor-queues","resolve-problem","revenue","solved-first-contact","update-wallboard","wallboard-refreshes"],"unmeasured":["answer-call","look-up-account","update-wallboard"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
		})
	}
}

// TestJSON_emptyListsReadBack checks that a line of sight and contributors
// with empty lists, as Model.LineOfSight and Model.Contributors make them,
// read back from their JSON as the same values, that null lists, as
// this package wrote them before, still read back (as no paths, no levels),
// and that a line of sight with a nil path, built by hand, reads back Equal.
func TestJSON_emptyListsReadBack(t *testing.T) {
	m := model()
	orphan, err := m.LineOfSight("update-wallboard", 5)
	require.NoError(t, err)
	task, err := m.Contributors("answer-call")
	require.NoError(t, err)
	roundTrip(t, orphan, `{"from":"update-wallboard","paths":[],"complete":true}`)
	roundTrip(t, task, `{"to":"answer-call","levels":[]}`)

	var ls hierarchy.LineOfSight
	require.NoError(t, json.Unmarshal([]byte(`{"from":"x","paths":null,"complete":true}`), &ls))
	assert.Equal(t, hierarchy.LineOfSight{From: "x", Complete: true}, ls)

	// A nil path, which a caller can build by hand, is written [] (null
	// would be refused), without writing into the caller's paths, and
	// reads back as an empty path, Equal to nil: paths are taken as given.
	byHand := hierarchy.LineOfSight{From: "x", Paths: [][]string{nil, {"x", "sco"}}, Complete: true}
	b, err := json.Marshal(byHand)
	require.NoError(t, err)
	assert.Equal(t, `{"from":"x","paths":[[],["x","sco"]],"complete":true}`, string(b))
	assert.Nil(t, byHand.Paths[0], "the caller's path is left nil")
	var back hierarchy.LineOfSight
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, hierarchy.LineOfSight{From: "x", Paths: [][]string{{}, {"x", "sco"}}, Complete: true}, back)
	assert.True(t, byHand.Equal(back))
	var c hierarchy.Contributors
	require.NoError(t, json.Unmarshal([]byte(`{"to":"x","levels":null}`), &c))
	assert.Equal(t, hierarchy.Contributors{To: "x"}, c)
}
