package northstar

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
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

// TestConcurrentUse checks, under the race detector, that one Input (its
// canvases, its policy and a hierarchy from FromModel, whose link weights
// are indexed on the first LinkWeight) serves many goroutines at once, each
// reading everything: Select, the hierarchy's LinkWeight and NodeInfo, the
// canvas's accessors and JSON form, the policy's Validate, the lookups of a
// canvas of twenty metrics (indexed). Every goroutine gets what one
// goroutine alone gets: the ranking of the hand-written hierarchy, the link
// weight of 2 from "diagnose" to "fixes", and metric-4's importance and
// share.
func TestConcurrentUse(t *testing.T) {
	want, err := Select(centreInput())
	require.NoError(t, err)
	in := centreInput()
	h := FromModel(modelOf(t, centreHierarchy()))
	in.Hierarchy = h
	cv := in.Canvases[0]
	wantCanvas, err := json.Marshal(cv)
	require.NoError(t, err)
	big := lookupCanvas(20) // indexed: more than fewMetrics
	require.NotNil(t, big.index)

	const workers = 8
	got := make([]string, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			r, err := Select(in)
			if err != nil {
				b.WriteString(err.Error())
			}
			fmt.Fprintf(&b, "%v %d warnings|", ids(r), len(r.Warnings))
			w, err := h.LinkWeight("diagnose", "fixes")
			fmt.Fprintf(&b, "%s %v|", w, err)
			l, m, err := h.NodeInfo("fixes")
			fmt.Fprintf(&b, "%s %s %v|", l, m.ID(), err)
			data, err := json.Marshal(cv)
			fmt.Fprintf(&b, "%t %v|", string(data) == string(wantCanvas), err)
			imp, ok := cv.Importance("fcr")
			fmt.Fprintf(&b, "%s %t %v|%d %d %d %d|%t %v|", imp, ok, cv.Share("fcr"),
				len(cv.Needs()), len(cv.Outcomes()), len(cv.NonSMART()), len(cv.Warnings()),
				cv.Equal(cv.Spec().mustCanvas()), in.Policy.Validate())
			for id, imp := range cv.Metrics() {
				fmt.Fprintf(&b, " %s=%s", id, imp)
			}
			imp, ok = big.Importance("metric-4")
			fmt.Fprintf(&b, "|%s %t %v", imp, ok, big.Share("metric-4"))
			got[k] = b.String()
		}()
	}
	wg.Wait()
	// fcr's importance is 2 of the canvas's 7: a share of 2/7.
	wantText := fmt.Sprint(ids(want)) + " 0 warnings|2 <nil>|Output fixes <nil>|true <nil>|2 true 0.2857142857142857|" +
		"1 1 0 0|true <nil>| fcr=2 effort=1 cost-to-serve=1 fines=1 calls-handled=1 nps=1" +
		"|5 true 0.08333333333333333" // importances 1 to 5 four times, 60: metric-4's 5 is 1/12
	for k := range workers {
		assert.Equal(t, wantText, got[k], "goroutine %d", k)
	}
}

// mustCanvas is MustCanvas(s).
func (s CanvasSpec) mustCanvas() Canvas { return MustCanvas(s) }
