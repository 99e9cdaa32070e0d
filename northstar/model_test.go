package northstar

import (
	"testing"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modelOf builds a fakeHierarchy's nodes and links as a hierarchy.Model.
func modelOf(t *testing.T, h fakeHierarchy) hierarchy.Model {
	t.Helper()
	b := hierarchy.NewBuilder()
	for _, n := range h.nodes {
		b.AddNode(hierarchy.Node{ID: n.id, Level: n.level, Metric: n.metric})
	}
	for _, l := range h.links {
		b.AddWeightedLink(l.from, l.to, l.weight)
	}
	m, err := b.Build()
	require.NoError(t, err)
	return m
}

func TestFromModel(t *testing.T) {
	// The same contact centre as a hierarchy.Model gives the same ranking
	// as the hand-written hierarchy.
	fake := centreInput()
	want, err := Select(fake)
	require.NoError(t, err)
	in := centreInput()
	in.Hierarchy = FromModel(modelOf(t, centreHierarchy()))
	got, err := Select(in)
	require.NoError(t, err)
	assert.Equal(t, ids(want), ids(got))
	for i := range want.Entries {
		w, g := want.Entries[i], got.Entries[i]
		assert.Equal(t, w.Total, g.Total)
		assert.Equal(t, w.Scores, g.Scores)
		assert.Equal(t, w.Failed, g.Failed)
		assert.Equal(t, w.Nodes, g.Nodes)
		assert.Equal(t, w.Links, g.Links)
	}
	require.Len(t, got.InputMetrics, len(want.InputMetrics))
	for i := range want.InputMetrics {
		assert.Equal(t, want.InputMetrics[i].Metric.ID(), got.InputMetrics[i].Metric.ID())
		assert.Equal(t, want.InputMetrics[i].Influence, got.InputMetrics[i].Influence)
	}

	h := FromModel(modelOf(t, centreHierarchy()))
	w, err := h.LinkWeight("diagnose", "fixes")
	require.NoError(t, err)
	assert.True(t, dec("2").Equal(w))
	_, err = h.LinkWeight("fixes", "diagnose")
	assert.ErrorIs(t, err, ErrInvalidHierarchy)
	assert.EqualError(t, err, `northstar: the hierarchy has no link from "fixes" to "diagnose"`)
	level, m, err := h.NodeInfo("fixes")
	require.NoError(t, err)
	assert.Equal(t, outcome.Output, level)
	assert.True(t, fixes.Equal(m))
	_, _, err = h.NodeInfo("ghost")
	assert.ErrorIs(t, err, hierarchy.ErrUnknownNode)
}

func TestFromModelEmpty(t *testing.T) {
	// The zero Model is the empty hierarchy: nothing reaches a customer
	// outcome in it, so no candidate can win.
	in := centreInput()
	in.Hierarchy = FromModel(hierarchy.Model{})
	r, err := Select(in)
	require.NoError(t, err)
	_, ok := r.Winner()
	assert.False(t, ok)
	for _, e := range r.Entries {
		assert.Contains(t, e.Failed, GateFailure{GateHierarchy, reasonNoNode})
		assert.Equal(t, 0.0, e.Score(Reach).Raw)
	}
	assert.Nil(t, r.InputMetrics)
}
