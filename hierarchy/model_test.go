package hierarchy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

func TestTraversal(t *testing.T) {
	m := contactCentreModel(t)
	// Kahn's algorithm, first in first out, worked by hand: the three tasks
	// start the queue; look-up-account frees handle-enquiry and
	// resolve-problem; update-wallboard frees monitor-queues; and so on up.
	assert.Equal(t, []string{"answer-call", "look-up-account", "update-wallboard", "handle-enquiry",
		"resolve-problem", "monitor-queues", "calls-handled", "first-time-response", "wallboard-refreshes",
		"cost-to-serve", "revenue", "solved-first-contact"}, collect(m.TopoOrder()))

	seq := func(s func(func(string) bool), err error) []string {
		require.NoError(t, err)
		return collect(s)
	}
	assert.Equal(t, []string{"handle-enquiry", "resolve-problem"}, seq(m.Parents("look-up-account")))
	assert.Equal(t, []string{"answer-call", "look-up-account"}, seq(m.Children("handle-enquiry")))
	assert.Equal(t, []string{"calls-handled", "first-time-response"}, seq(m.Children("cost-to-serve")))
	assert.Empty(t, seq(m.Parents("solved-first-contact")))
	assert.Empty(t, seq(m.Children("answer-call")))
	// Breadth first: the parents, then theirs; cost-to-serve is met twice
	// (from calls-handled and from first-time-response) and listed once.
	assert.Equal(t, []string{"handle-enquiry", "resolve-problem", "calls-handled", "first-time-response",
		"cost-to-serve", "revenue", "solved-first-contact"}, seq(m.Ancestors("look-up-account")))
	assert.Equal(t, []string{"calls-handled", "first-time-response", "handle-enquiry", "resolve-problem",
		"answer-call", "look-up-account"}, seq(m.Descendants("cost-to-serve")))
	assert.Empty(t, seq(m.Ancestors("wallboard-refreshes")))
}

func TestTraversalStopsEarly(t *testing.T) {
	m := contactCentreModel(t)
	first := func(s func(func(string) bool), err error) string {
		require.NoError(t, err)
		for id := range s {
			return id
		}
		return ""
	}
	assert.Equal(t, "answer-call", first(m.TopoOrder(), nil))
	assert.Equal(t, "handle-enquiry", first(m.Parents("look-up-account")))
	assert.Equal(t, "answer-call", first(m.Children("handle-enquiry")))
	assert.Equal(t, "handle-enquiry", first(m.Ancestors("look-up-account")))
	assert.Equal(t, "calls-handled", first(m.Descendants("cost-to-serve")))
	for range m.Nodes() {
		break
	}
	for range m.Links() {
		break
	}
	// The sequences are reusable.
	anc, err := m.Ancestors("answer-call")
	require.NoError(t, err)
	assert.Equal(t, collect(anc), collect(anc))
}

func TestUnknownNode(t *testing.T) {
	m := contactCentreModel(t)
	var errs []error
	_, err := m.Node("ghost")
	errs = append(errs, err)
	_, err = m.Parents("ghost")
	errs = append(errs, err)
	_, err = m.Children("ghost")
	errs = append(errs, err)
	_, err = m.Ancestors("ghost")
	errs = append(errs, err)
	_, err = m.Descendants("ghost")
	errs = append(errs, err)
	_, err = m.Aligned("ghost")
	errs = append(errs, err)
	_, err = m.LineOfSight("ghost", 1)
	errs = append(errs, err)
	_, err = m.Contributors("ghost")
	errs = append(errs, err)
	_, err = Model{}.Node("ghost") // the zero Model knows no node
	errs = append(errs, err)
	for i, err := range errs {
		assert.ErrorIs(t, err, ErrUnknownNode, "query %d", i)
		assert.EqualError(t, err, `hierarchy: unknown node "ghost"`)
		assert.Equal(t, []string{"ghost"}, outcome.Problems(err)[0].IDs)
	}
	assert.False(t, m.Has("ghost"))
	assert.True(t, m.Has("revenue"))
}

func TestNodesAndLinks(t *testing.T) {
	nodes, edges := contactCentre()
	m := mustBuild(t, nodes, edges)
	got := collect(m.Nodes())
	require.Len(t, got, len(nodes))
	for i := range nodes {
		assert.True(t, nodes[i].Equal(got[i]), "node %d", i)
	}
	links := collect(m.Links())
	require.Len(t, links, len(edges))
	// The links come grouped by the node they come from, in the order the
	// nodes were added; contactCentre lists them in that order already.
	for i, e := range edges {
		w := e.w
		if w == "" {
			w = "1"
		}
		assert.Equal(t, e.from+">"+e.to+" "+w, links[i].From+">"+links[i].To+" "+links[i].Weight.String())
	}
	assert.True(t, links[8].Equal(Link{From: "first-time-response", To: "cost-to-serve", Weight: links[8].Weight}))
	assert.False(t, links[8].Equal(links[9]))
}

func TestEqual(t *testing.T) {
	nodes, edges := contactCentre()
	m := mustBuild(t, nodes, edges)
	assert.True(t, m.Equal(m))
	assert.True(t, m.Equal(mustBuild(t, nodes, edges)))
	assert.False(t, m.Equal(Model{}))

	renamed := append([]Node{}, nodes...)
	renamed[0].Name = "Answer the call"
	assert.False(t, m.Equal(mustBuild(t, renamed, edges)), "a name differs")

	reweighted := append([]edge{}, edges...)
	reweighted[8].w = "0.5"
	assert.False(t, m.Equal(mustBuild(t, nodes, reweighted)), "a weight differs")

	relinked := append([]edge{}, edges...)
	relinked[0].to = "resolve-problem"
	assert.False(t, m.Equal(mustBuild(t, nodes, relinked)), "a link goes elsewhere")

	moved := append([]edge{}, edges...)
	moved[0].from = "update-wallboard"
	assert.False(t, m.Equal(mustBuild(t, nodes, moved)), "a link comes from elsewhere")

	other := append([]Node{}, nodes...)
	other[0].ID = "answer-the-call"
	assert.False(t, m.Equal(mustBuild(t, other, append([]edge{{"answer-the-call", "handle-enquiry", ""}}, edges[1:]...))),
		"an ID differs")
}

// TestConcurrentUse checks, under the race detector, that one model (and one
// value set no longer changed) serve many goroutines at once.
func TestConcurrentUse(t *testing.T) {
	m := contactCentreModel(t)
	vals := values(t, m, 2, taskCosts)
	want, err := m.RollUp(vals, WeightedSum)
	require.NoError(t, err)
	wantValue, _, _ := want.Value("solved-first-contact")
	done := make(chan string)
	for range 8 {
		go func() {
			a := m.Alignment()
			los, _ := m.LineOfSight("look-up-account", 5)
			c, _ := m.Contributors("solved-first-contact")
			r, _ := m.RollUp(vals, WeightedSum)
			v, _, _ := r.Value("solved-first-contact")
			_ = collect(m.TopoOrder())
			_ = m.Warnings()
			done <- a.Answer() + "|" + itoa(len(los.Paths)) + "|" + itoa(c.Len()) + "|" + v.String()
		}()
	}
	for range 8 {
		assert.Equal(t, m.Alignment().Answer()+"|3|8|"+wantValue.String(), <-done)
	}
}

// TestLinkOrder checks that each node's links keep the order they were
// added in, whatever order that is: not the order of the nodes at either
// end, and with the links of different nodes interleaved.
func TestLinkOrder(t *testing.T) {
	nodes := []Node{node("t1", T), node("t2", T), node("a1", A), node("a2", A), node("a3", A)}
	edges := []edge{{"t2", "a3", ""}, {"t1", "a2", "0.5"}, {"t2", "a1", ""}, {"t1", "a3", "2"}, {"t2", "a2", ""}, {"t1", "a1", ""}}
	m := mustBuild(t, nodes, edges)
	seq := func(s func(func(string) bool), err error) []string {
		require.NoError(t, err)
		return collect(s)
	}
	assert.Equal(t, []string{"a2", "a3", "a1"}, seq(m.Parents("t1")))
	assert.Equal(t, []string{"a3", "a1", "a2"}, seq(m.Parents("t2")))
	assert.Equal(t, []string{"t2", "t1"}, seq(m.Children("a1")))
	assert.Equal(t, []string{"t1", "t2"}, seq(m.Children("a2")))
	assert.Equal(t, []string{"t2", "t1"}, seq(m.Children("a3")))
	var links []string
	for l := range m.Links() {
		links = append(links, l.From+">"+l.To+" "+l.Weight.String())
	}
	assert.Equal(t, []string{"t1>a2 0.5", "t1>a3 2", "t1>a1 1", "t2>a3 1", "t2>a1 1", "t2>a2 1"}, links,
		"the links from the first node added, in the order they were added, then the second's")
}

// TestModel_Position checks that a node's position is what AddNode returned
// for it, whatever order the links came in, and that an unknown ID, or any
// ID of the zero Model, has none.
func TestModel_Position(t *testing.T) {
	b := NewBuilder()
	b.AddLink("c", "a") // before the nodes
	pa := b.AddNode(node("a", outcome.Output))
	pb := b.AddNode(node("b", outcome.Task))
	pc := b.AddNode(node("c", outcome.Activity))
	b.AddLink("b", "c")
	m, err := b.Build()
	require.NoError(t, err)
	for id, want := range map[string]int{"a": pa, "b": pb, "c": pc} {
		got, ok := m.Position(id)
		assert.True(t, ok, id)
		assert.Equal(t, want, got, id)
	}
	assert.Equal(t, []int{0, 1, 2}, []int{pa, pb, pc})
	_, ok := m.Position("d")
	assert.False(t, ok)
	_, ok = Model{}.Position("a")
	assert.False(t, ok)
}
