package hierarchy

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
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

// TestLinkOrder checks that each node's links up keep the order they were
// added in, whatever order that is: not the order of the nodes at either
// end, and with the links of different nodes interleaved; and that each
// node's links down come in the order of the nodes they come from (the order
// AddNode added them, not that of their IDs nor that of the links): t0,
// added last, comes last.
func TestLinkOrder(t *testing.T) {
	nodes := []Node{node("t1", T), node("t2", T), node("a1", A), node("a2", A), node("a3", A), node("t0", T)}
	edges := []edge{{"t0", "a1", ""}, {"t2", "a3", ""}, {"t1", "a2", "0.5"}, {"t2", "a1", ""}, {"t1", "a3", "2"}, {"t2", "a2", ""}, {"t1", "a1", ""}}
	m := mustBuild(t, nodes, edges)
	seq := func(s func(func(string) bool), err error) []string {
		require.NoError(t, err)
		return collect(s)
	}
	assert.Equal(t, []string{"a2", "a3", "a1"}, seq(m.Parents("t1")))
	assert.Equal(t, []string{"a3", "a1", "a2"}, seq(m.Parents("t2")))
	assert.Equal(t, []string{"t1", "t2", "t0"}, seq(m.Children("a1")))
	assert.Equal(t, []string{"t1", "t2"}, seq(m.Children("a2")))
	assert.Equal(t, []string{"t1", "t2"}, seq(m.Children("a3")))
	var links []string
	for l := range m.Links() {
		links = append(links, l.From+">"+l.To+" "+l.Weight.String())
	}
	assert.Equal(t, []string{"t1>a2 0.5", "t1>a3 2", "t1>a1 1", "t2>a3 1", "t2>a1 1", "t2>a2 1", "t0>a1 1"}, links,
		"the links from the first node added, in the order they were added, then the second's")
}

// TestChildrenAfterJSON checks that a model and its JSON round trip, which
// writes the links grouped by the node they leave, list the same children:
// b -> x was added before a -> x, but a was added first.
func TestChildrenAfterJSON(t *testing.T) {
	m := mustBuild(t, []Node{node("a", T), node("b", T), node("x", A), node("y", O)},
		[]edge{{"b", "x", ""}, {"x", "y", ""}, {"a", "x", ""}, {"b", "y", ""}})
	data, err := json.Marshal(m)
	require.NoError(t, err)
	var back Model
	require.NoError(t, json.Unmarshal(data, &back))
	require.True(t, m.Equal(back))
	for _, mm := range []Model{m, back} {
		c, err := mm.Children("x")
		require.NoError(t, err)
		assert.Equal(t, []string{"a", "b"}, collect(c))
		// y's children: x and b, in the nodes' order b, x; then x's
		// children a (b is listed already).
		d, err := mm.Descendants("y")
		require.NoError(t, err)
		assert.Equal(t, []string{"b", "x", "a"}, collect(d))
	}
}

// TestQueriesIgnoreLinkOrder is a property test: building the same
// definition with its links added in another order changes no query's
// result, as long as each node's links up keep their order (which Parents,
// Ancestors, TopoOrder, Links, LineOfSight and the JSON follow, as
// documented). Shuffling the links altogether changes none of the others:
// children, descendants, contributors, alignment, warnings, roll-ups and
// attributions.
func TestQueriesIgnoreLinkOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 200 {
		nodes, edges := randomDefinition(rng)
		m := mustBuild(t, nodes, edges)
		vals := randomValues(t, m, rng)
		wantOrdered, wantFree := fingerprints(t, m, vals)
		for k := range 3 {
			// Any order: a permutation of the links.
			shuffled := slices.Clone(edges)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			s := mustBuild(t, nodes, shuffled)
			_, free := fingerprints(t, s, valuesLike(t, s, m, vals))
			require.Equal(t, wantFree, free, "round %d, shuffle %d", round, k)

			// The same permutation, each node's links up then put back in
			// their order: the links of different nodes interleave
			// differently.
			at := map[string][]edge{}
			for _, e := range edges {
				at[e.from] = append(at[e.from], e)
			}
			for i, e := range shuffled {
				shuffled[i], at[e.from] = at[e.from][0], at[e.from][1:]
			}
			s = mustBuild(t, nodes, shuffled)
			ordered, free := fingerprints(t, s, valuesLike(t, s, m, vals))
			require.Equal(t, wantFree, free, "round %d, interleaving %d", round, k)
			require.Equal(t, wantOrdered, ordered, "round %d, interleaving %d", round, k)
		}
	}
}

// randomDefinition returns 3 to 14 nodes at rising levels and links between
// them (from a node to a later one), of weights 1, 0, 0.5, 2 or 0.25,
// several into most nodes.
func randomDefinition(rng *rand.Rand) ([]Node, []edge) {
	n := 3 + rng.IntN(12)
	levels := make([]int, n)
	for i := range levels {
		levels[i] = 1 + rng.IntN(5)
	}
	slices.Sort(levels)
	nodes := make([]Node, n)
	for i, l := range levels {
		nodes[i] = node(fmt.Sprintf("n%02d", rng.IntN(100)*100+i), outcome.Level(l)) // IDs not in the nodes' order
	}
	var edges []edge
	weights := []string{"", "0", "0.5", "2", "0.25"}
	for i := range n {
		for j := i + 1; j < n; j++ {
			if rng.IntN(3) == 0 {
				edges = append(edges, edge{nodes[i].ID, nodes[j].ID, weights[rng.IntN(len(weights))]})
			}
		}
	}
	return nodes, edges
}

// randomValues measures about half of m's nodes, at 2 places.
func randomValues(t *testing.T, m Model, rng *rand.Rand) *Values {
	vals, err := m.NewValues(2)
	require.NoError(t, err)
	for n := range m.Nodes() {
		if rng.IntN(2) == 0 {
			require.NoError(t, vals.Set(n.ID, decimal.New(rng.Int64N(20001)-10000, -2)))
		}
	}
	return vals
}

// valuesLike returns a value set for s with the values vals holds for m.
func valuesLike(t *testing.T, s, m Model, vals *Values) *Values {
	out, err := s.NewValues(vals.Places())
	require.NoError(t, err)
	for n := range m.Nodes() {
		if v, ok, _ := vals.Get(n.ID); ok {
			require.NoError(t, out.Set(n.ID, v))
		}
	}
	return out
}

// fingerprints writes every query's result about m: ordered, those that
// follow the order of each node's links up; free, all the others.
func fingerprints(t *testing.T, m Model, vals *Values) (ordered, free string) {
	var o, f strings.Builder
	js := func(sb *strings.Builder, v any) {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		sb.Write(b)
		sb.WriteByte('\n')
	}
	ids := func(s func(func(string) bool), err error) []string {
		require.NoError(t, err)
		return collect(s)
	}
	js(&o, m)
	js(&o, collect(m.TopoOrder()))
	js(&f, m.Alignment())
	js(&f, m.Warnings())
	for n := range m.Nodes() {
		js(&o, ids(m.Parents(n.ID)))
		js(&o, ids(m.Ancestors(n.ID)))
		los, err := m.LineOfSight(n.ID, 1000)
		require.NoError(t, err)
		js(&o, los)
		js(&f, ids(m.Children(n.ID)))
		js(&f, ids(m.Descendants(n.ID)))
		c, err := m.Contributors(n.ID)
		require.NoError(t, err)
		js(&f, c)
		aligned, err := m.Aligned(n.ID)
		require.NoError(t, err)
		js(&f, aligned)
		// The change from nothing to vals, with the inputs not measured
		// taken as zero.
		zero, err := m.NewValues(vals.Places())
		require.NoError(t, err)
		for u := range m.Nodes() {
			if _, ok, _ := vals.Get(u.ID); ok {
				require.NoError(t, zero.Set(u.ID, decimal.Zero))
			}
		}
		a, err := m.Attribute(n.ID, zero, vals, MissingAsZero())
		require.NoError(t, err)
		js(&f, a)
	}
	for method := WeightedSum; method <= Max; method++ {
		for _, opts := range [][]RollUpOption{nil, {MissingAsZero()}} {
			r, err := m.RollUp(vals, method, opts...)
			require.NoError(t, err)
			js(&f, r)
		}
	}
	return o.String(), f.String()
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

// LinksAt and TopoPositions are Links and TopoOrder by position, in the
// same order; LinksFrom of each node in turn is LinksAt; all stop when asked
// to.
func TestPositionsAgreeWithIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 7))
	for range 200 {
		nodes, edges := randomDefinition(rng)
		m := mustBuild(t, nodes, edges)
		ids := make([]string, 0, m.Len())
		for n := range m.Nodes() {
			ids = append(ids, n.ID)
		}
		var links []Link
		for l := range m.LinksAt() {
			links = append(links, Link{From: ids[l.From], To: ids[l.To], Weight: l.Weight})
		}
		assert.Equal(t, collect(m.Links()), links)
		var byNode []LinkAt
		for _, id := range ids {
			from, err := m.LinksFrom(id)
			require.NoError(t, err)
			byNode = append(byNode, collect(from)...)
		}
		assert.Equal(t, collect(m.LinksAt()), byNode)
		var order []string
		for v := range m.TopoPositions() {
			order = append(order, ids[v])
		}
		assert.Equal(t, collect(m.TopoOrder()), order)
	}
	m := contactCentreModel(t)
	n := 0
	for range m.LinksAt() {
		n++
		break
	}
	for range m.TopoPositions() {
		n++
		break
	}
	assert.Equal(t, 2, n)
	from, err := m.LinksFrom("look-up-account")
	require.NoError(t, err)
	for range from {
		n++
		break
	}
	assert.Equal(t, 3, n)
	assert.Empty(t, collect(Model{}.LinksAt()))
	assert.Empty(t, collect(Model{}.TopoPositions()))
}

// LinksFrom yields one node's links up by position, with their weights, in
// the order they were added; a node without links up yields none, and an
// unknown ID is an error.
func TestLinksFrom(t *testing.T) {
	m := contactCentreModel(t)
	from, err := m.LinksFrom("first-time-response")
	require.NoError(t, err)
	got := collect(from)
	require.Len(t, got, 2)
	// first-time-response is the 8th node added, cost-to-serve the 10th,
	// revenue the 11th.
	assert.Equal(t, [2]int{7, 9}, [2]int{got[0].From, got[0].To})
	assert.Equal(t, [2]int{7, 10}, [2]int{got[1].From, got[1].To})
	assert.Equal(t, "0.4", got[0].Weight.String())
	assert.Equal(t, "0.6", got[1].Weight.String())
	from, err = m.LinksFrom("solved-first-contact")
	require.NoError(t, err)
	assert.Empty(t, collect(from))
	_, err = m.LinksFrom("nowhere")
	assert.ErrorIs(t, err, ErrUnknownNode)
	_, err = Model{}.LinksFrom("a")
	assert.ErrorIs(t, err, ErrUnknownNode)
}
