package northstar

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// Hierarchy is what [Select] reads of an organisation's hierarchy of work:
// "a hierarchy that connects Tasks to Activities to Outputs to Business
// Outcomes and ultimately Successful Customer Outcomes", as a directed
// acyclic graph of nodes linked upward with weights.
//
// [FromModel] makes one of a [hierarchy.Model] (which already has
// TopoOrder and Children). Select reads each node and link once, so any
// implementation that answers these four questions consistently will do;
// one that does not is reported ([ErrInvalidHierarchy]), not trusted: a
// node twice in the order; a child that is not in the order, that does not
// come before its parent (a node its own child, or a cycle) or that is
// listed twice among one node's children (once for all its repeats,
// whatever else is wrong with it, which is said at its first listing,
// once); a node without a valid level, or
// whose metric measures another level; two nodes whose metrics have one ID
// but are not the same metric; a link whose weight is negative or out of
// range; and any error a method returns, such as a link weight not found.
type Hierarchy interface {
	// TopoOrder yields every node's ID once, each node before the nodes it
	// contributes to.
	TopoOrder() iter.Seq[string]
	// Children returns the IDs of the nodes that contribute directly to the
	// node with the given ID, each once.
	Children(id string) (iter.Seq[string], error)
	// NodeInfo returns the node's level and the metric that measures it
	// (the zero Metric if none does), a metric of the node's level; the
	// nodes measured by metrics of one ID are measured by the same metric,
	// field for field ([outcome.Metric.Equal]), as in a hierarchy.Model.
	NodeInfo(id string) (outcome.Level, outcome.Metric, error)
	// LinkWeight returns the weight of the link by which the node from
	// contributes to the node to: not negative.
	LinkWeight(from, to string) (decimal.Decimal, error)
}

// graph is a Hierarchy read into compact arrays: nodes by position in
// topological order, and for each node its children (with the weights of
// their links) and its parents, in compressed sparse rows.
type graph struct {
	ids []string
	// find returns the position of the node with the given ID.
	find  func(id string) (int32, bool)
	level []outcome.Level
	// metricAt[v] is 0 if nothing measures node v, or k+1 if metrics[k]
	// does: 4 bytes a node, where a Metric takes over 100.
	metricAt  []int32
	metrics   []outcome.Metric
	childOff  []int32
	child     []int32
	weight    []float64 // of the link child -> node, aligned with child
	parentOff []int32
	parent    []int32
	aligned   []bool // reaches a successful customer outcome
	work      int    // aligned tasks, activities and outputs
}

// isWork reports whether a level is work: a task, an activity or an output.
func isWork(l outcome.Level) bool {
	return l == outcome.Task || l == outcome.Activity || l == outcome.Output
}

// readHierarchy reads h, checking what Select relies on: unique IDs, known
// children listed before their parents and only once by each, valid levels,
// metrics at their nodes' levels, one metric to an ID, and link weights
// within range. Every problem has code [ErrInvalidHierarchy], and they come
// in the topological order, each node's own before its links'.
//
// With no problem, the graph is whole. With problems, it is returned too,
// for [graph.nodesOf] and [graph.conflicts] alone (its IDs, levels and
// metrics, its parents and alignment not derived), with flawed[v] true
// for each node v that has a problem of its own (its NodeInfo failed, gave
// no valid level or a metric of another level, or a metric unlike the
// first of its ID), whose conflicts with the candidates would follow from
// it; flawed is nil when no node has one.
func readHierarchy(h Hierarchy) (*graph, []bool, []error) {
	if mh, ok := h.(modelHierarchy); ok {
		return readModel(mh.Model), nil, nil
	}
	return readCustom(h)
}

// readCustom is readHierarchy for a Hierarchy that is not a
// hierarchy.Model, which is read through its four methods and checked.
func readCustom(h Hierarchy) (g *graph, flawed []bool, errs []error) {
	pos := make(map[string]int32)
	g = &graph{find: func(id string) (int32, bool) {
		v, ok := pos[id]
		return v, ok
	}}
	bad := func(ids []string, format string, args ...any) {
		errs = append(errs, newError(ErrInvalidHierarchy, ids, "northstar: hierarchy: "+format, args...))
	}
	flaw := func(v int) {
		if flawed == nil {
			flawed = make([]bool, len(g.ids))
		}
		flawed[v] = true
	}
	for id := range h.TopoOrder() {
		if _, dup := pos[id]; dup {
			bad([]string{id}, "node %q appears twice in the topological order", clip(id))
			continue
		}
		pos[id] = int32(len(g.ids))
		g.ids = append(g.ids, id)
	}
	n := len(g.ids)
	g.level = make([]outcome.Level, n)
	g.metricAt = make([]int32, n)
	g.childOff = make([]int32, n+1)
	// listed[u] is v+1 once u is listed as a child of v, -(v+1) once it
	// has been reported as listed again; unknown holds, as 1 and 2, the
	// same of one node's children that are not in the order, made for the
	// first of them.
	listed := make([]int32, n)
	var unknown map[string]int8
	var kids []string // one node's children, reused
	// carrier[k] is the position of the first node whose metric has ID k.
	carrier := make(map[string]int32)
	for v, id := range g.ids {
		level, m, err := h.NodeInfo(id)
		switch {
		case err != nil:
			bad([]string{id}, "node %q: %v", clip(id), err)
			flaw(v)
		case !level.IsValid():
			bad([]string{id}, "node %q has no valid level", clip(id))
			flaw(v)
		case !m.IsZero() && m.Level() != level:
			bad([]string{id, m.ID()}, "node %q is at level %s, but its metric %q measures level %s",
				clip(id), level, clip(m.ID()), m.Level())
			flaw(v)
		}
		g.level[v] = level
		g.setMetric(int32(v), m)
		if err == nil && !m.IsZero() {
			if u, ok := carrier[m.ID()]; !ok {
				carrier[m.ID()] = int32(v)
			} else if !g.metric(u).Equal(m) {
				bad([]string{m.ID(), g.ids[u], id}, "metric ID %q names different metrics, carried by nodes %q and %q",
					clip(m.ID()), clip(g.ids[u]), clip(id))
				flaw(v)
			}
		}
		seq, err := h.Children(id)
		if err != nil {
			bad([]string{id}, "children of %q: %v", clip(id), err)
			g.childOff[v+1] = int32(len(g.child))
			continue
		}
		kids = kids[:0]
		for kid := range seq {
			kids = append(kids, kid)
		}
		clear(unknown)
		for _, kid := range kids {
			// A child listed again is a repeat, whatever it is: what is
			// wrong with it was said at its first listing, once, and its
			// repeats are said once, at the first.
			u, ok := pos[kid]
			var again, said bool
			if ok {
				again, said = listed[u] == int32(v)+1, listed[u] == -(int32(v)+1)
				if !again && !said {
					listed[u] = int32(v) + 1
				}
			} else {
				if unknown == nil {
					unknown = make(map[string]int8)
				}
				again, said = unknown[kid] == 1, unknown[kid] == 2
				if !again && !said {
					unknown[kid] = 1
				}
			}
			switch {
			case said:
				continue // listed again, and already reported
			case again:
				bad([]string{kid, id}, "%q is listed more than once among the children of %q", clip(kid), clip(id))
				if ok {
					listed[u] = -(int32(v) + 1)
				} else {
					unknown[kid] = 2
				}
				continue
			case !ok:
				bad([]string{kid, id}, "%q contributes to %q but is not in the topological order", clip(kid), clip(id))
				continue
			case u >= int32(v):
				bad([]string{kid, id}, "%q contributes to %q but does not come before it in the topological order",
					clip(kid), clip(id))
				continue
			}
			w, err := h.LinkWeight(kid, id)
			switch {
			case err != nil:
				bad([]string{kid, id}, "link from %q to %q: %v", clip(kid), clip(id), err)
				continue
			case !inRange(w) || w.IsNegative():
				bad([]string{kid, id}, "link from %q to %q: weight %s is negative or out of range", clip(kid), clip(id), decText(w))
				continue
			}
			g.child = append(g.child, u)
			g.weight = append(g.weight, toFloat(w))
		}
		g.childOff[v+1] = int32(len(g.child))
	}
	if len(errs) > 0 {
		return g, flawed, errs
	}
	g.finish()
	return g, nil, nil
}

// readModel reads a hierarchy.Model, which is valid by construction
// (acyclic, weights in range), in one pass over its topological order, two
// over its nodes and one over its links, through the model's own index of
// IDs: it builds no map of its own, and looks up one ID per node and one
// per link (the node each link goes to; the node it comes from is found by
// walking the nodes in step with the links, which come in the nodes'
// order).
func readModel(m hierarchy.Model) *graph {
	n := m.Len()
	// topo[p] is the position in topological order of the node at
	// position p in the model.
	topo := make([]int32, n)
	g := &graph{ids: make([]string, 0, n), find: func(id string) (int32, bool) {
		p, ok := m.Position(id)
		if !ok {
			return -1, false
		}
		return topo[p], true
	}}
	ids := make([]string, 0, n) // by the model's position
	for node := range m.Nodes() {
		ids = append(ids, node.ID)
	}
	for p := range m.TopoPositions() {
		topo[p] = int32(len(g.ids))
		g.ids = append(g.ids, ids[p])
	}
	g.level = make([]outcome.Level, n)
	g.metricAt = make([]int32, n)
	// The nodes twice: first to count those with a metric, so that their
	// metrics are allocated once, not grown to twice their size by
	// appending.
	measured := 0
	for node := range m.Nodes() {
		if !node.Metric.IsZero() {
			measured++
		}
	}
	g.metrics = make([]outcome.Metric, 0, measured)
	p := 0
	for node := range m.Nodes() {
		v := topo[p]
		g.level[v] = node.Level
		g.setMetric(v, node.Metric)
		p++
	}
	// Links, as (to, from) position pairs with their weights, then laid out
	// by the node they go to; the model gives their ends by position.
	type edge struct {
		to, from int32
		weight   float64
	}
	edges := make([]edge, 0, m.LinkCount())
	g.childOff = make([]int32, n+1)
	for l := range m.LinksAt() {
		to := topo[l.To]
		edges = append(edges, edge{to, topo[l.From], toFloat(l.Weight)})
		g.childOff[to+1]++
	}
	for v := range n {
		g.childOff[v+1] += g.childOff[v]
	}
	g.child = make([]int32, len(edges))
	g.weight = make([]float64, len(edges))
	fill := slices.Clone(g.childOff[:n])
	for _, e := range edges {
		g.child[fill[e.to]] = e.from
		g.weight[fill[e.to]] = e.weight
		fill[e.to]++
	}
	g.finish()
	return g
}

// setMetric records that m measures node v (nothing, if m is the zero
// Metric).
func (g *graph) setMetric(v int32, m outcome.Metric) {
	if m.IsZero() {
		return
	}
	g.metrics = append(g.metrics, m)
	g.metricAt[v] = int32(len(g.metrics))
}

// metric returns the metric that measures node v, or the zero Metric.
func (g *graph) metric(v int32) outcome.Metric {
	if k := g.metricAt[v]; k > 0 {
		return g.metrics[k-1]
	}
	return outcome.Metric{}
}

// finish derives the parents and the alignment from the children.
func (g *graph) finish() {
	n := len(g.ids)
	// Parents: the same links, the other way.
	g.parentOff = make([]int32, n+1)
	for _, u := range g.child {
		g.parentOff[u+1]++
	}
	for v := range n {
		g.parentOff[v+1] += g.parentOff[v]
	}
	g.parent = make([]int32, len(g.child))
	fill := slices.Clone(g.parentOff[:n])
	for v := range n {
		for _, u := range g.child[g.childOff[v]:g.childOff[v+1]] {
			g.parent[fill[u]] = int32(v)
			fill[u]++
		}
	}
	// Alignment: parents come after their children, so walking the order
	// backwards settles every parent before its children.
	g.aligned = make([]bool, n)
	for v := n - 1; v >= 0; v-- {
		if g.level[v] == outcome.CustomerOutcome {
			g.aligned[v] = true
		}
		if g.aligned[v] {
			for _, u := range g.child[g.childOff[v]:g.childOff[v+1]] {
				g.aligned[u] = true
			}
		}
	}
	for v := range n {
		if g.aligned[v] && isWork(g.level[v]) {
			g.work++
		}
	}
}

// nodesOf returns, for each candidate, the positions of the nodes its metric
// measures (or, if none, the node whose ID is the metric's ID, unless a
// candidate measures it), laid out in compressed sparse rows: candidate i's
// nodes are nodes[off[i]:off[i+1]]; and, for each node, the candidate that
// measures it, or -1. Only the candidates in index (those with a metric,
// the first of each ID) are given nodes.
func (g *graph) nodesOf(cands []Candidate, index map[string]int32) (off, nodes, owner []int32) {
	off = make([]int32, len(cands)+1)
	owner = make([]int32, len(g.ids))
	for v, k := range g.metricAt {
		owner[v] = -1
		if k == 0 {
			continue
		}
		if i, ok := index[g.metrics[k-1].ID()]; ok {
			owner[v] = i
			off[i+1]++
		}
	}
	for i, c := range cands {
		if j, ok := index[c.Metric.ID()]; !ok || j != int32(i) || off[i+1] > 0 {
			continue
		}
		if v, ok := g.find(c.Metric.ID()); ok && owner[v] < 0 {
			owner[v] = int32(i)
			off[i+1]++
		}
	}
	for i := range cands {
		off[i+1] += off[i]
	}
	nodes = make([]int32, off[len(cands)])
	fill := slices.Clone(off[:len(cands)])
	for v, i := range owner {
		if i >= 0 {
			nodes[fill[i]] = int32(v)
			fill[i]++
		}
	}
	return off, nodes, owner
}

// conflicts reports, in topological order, each node whose candidate
// (owner, from nodesOf) says it is something else than the hierarchy does
// ([ErrInvalidHierarchy], with the node's ID and the candidate's): a node
// measured by a metric of the candidate's ID that has another level or
// another business-outcome kind than the candidate's metric, or a node
// found by the candidate's ID (measured by no candidate) whose level is not
// the candidate's. The gates and linkage read the candidate's level and
// kind, and reach and links the node's place: were they to differ, an
// output node could pass as a successful customer outcome, and win. A node
// flawed in itself ([readHierarchy]; flawed may be nil) is passed over: its
// own problem is reported, and a conflict would follow from it.
func (g *graph) conflicts(cands []Candidate, owner []int32, flawed []bool) []error {
	var errs []error
	for v, i := range owner {
		if i < 0 || flawed != nil && flawed[v] {
			continue
		}
		c, node, m := cands[i].Metric, g.ids[v], g.metric(int32(v))
		switch {
		case !m.IsZero() && m.ID() == c.ID():
			if m.Level() != c.Level() || m.Kind() != c.Kind() {
				errs = append(errs, newError(ErrInvalidHierarchy, []string{node, c.ID()},
					"northstar: hierarchy: node %q is measured by metric %q at level %s, but the candidate %q is at level %s",
					clip(node), clip(m.ID()), levelKind(m.Level(), m.Kind()), clip(c.ID()), levelKind(c.Level(), c.Kind())))
			}
		case g.level[v] != c.Level():
			errs = append(errs, newError(ErrInvalidHierarchy, []string{node, c.ID()},
				"northstar: hierarchy: node %q at level %s stands for the candidate %q, whose ID it has, but the candidate is at level %s",
				clip(node), levelKind(g.level[v], 0), clip(c.ID()), levelKind(c.Level(), c.Kind())))
		}
	}
	return errs
}

// levelKind describes a level, and a business outcome's kind: "Output",
// "Business Outcome, kind cost".
func levelKind(l outcome.Level, k outcome.Kind) string {
	if k.IsZero() {
		return l.String()
	}
	return l.String() + ", kind " + k.String()
}

// walk marks, in seen, every node reachable from start through the rows
// (off, adj), start included, and returns them; queue is scratch space.
func walk(off, adj []int32, start []int32, seen []bool, queue []int32) []int32 {
	queue = queue[:0]
	for _, v := range start {
		if !seen[v] {
			seen[v] = true
			queue = append(queue, v)
		}
	}
	for head := 0; head < len(queue); head++ {
		for _, u := range adj[off[queue[head]]:off[queue[head]+1]] {
			if !seen[u] {
				seen[u] = true
				queue = append(queue, u)
			}
		}
	}
	return queue
}

// InputMetric is a metric of the work beneath the North Star in the
// hierarchy (a task, an activity or an output), and how strongly it drives
// the North Star: what the team that owns it does to move it.
type InputMetric struct {
	// Metric is the metric, and its Owner the team whose work it measures.
	Metric outcome.Metric `json:"metric"`
	// Nodes are the IDs of the nodes of work (tasks, activities and
	// outputs) it measures beneath the North Star, in topological order.
	Nodes []string `json:"nodes"`
	// Influence is how much a unit of the metric's nodes moves the North
	// Star's node in the hierarchy's weighted-sum roll-up: over every path
	// up to the North Star, the product of the link weights, summed over
	// the paths and the metric's nodes of work. The paths run through
	// whatever lies between, outcomes included: an output that feeds cost to
	// serve, which feeds the North Star, moves it through cost to serve.
	Influence float64 `json:"influence"`
	// Direct reports whether one of its nodes contributes to the North
	// Star's directly, by a single link.
	Direct bool `json:"direct,omitempty"`
}

// Equal reports whether m and o are the same input metric, field by field:
// the metric by [outcome.Metric.Equal], the nodes element by element, in
// order, the influence compared with ==, and the same Direct. Nil nodes
// equal empty ones, as [InputMetric.MarshalJSON] writes both as [].
func (m InputMetric) Equal(o InputMetric) bool {
	return m.Metric.Equal(o.Metric) && slices.Equal(m.Nodes, o.Nodes) && m.Influence == o.Influence && m.Direct == o.Direct
}

// inputMetrics returns the metrics of the work (tasks, activities and
// outputs) beneath the nodes top (the North Star's), most influential first;
// ties by metric ID. The outcomes beneath, business or customer, are not
// inputs: the North Star is to be a lead metric, moving before the business
// outcomes it drives, and to deliver the successful customer outcomes, so
// neither is work that drives it, though the influence of the work reaches
// the North Star through them.
func (g *graph) inputMetrics(top []int32) []InputMetric {
	n := len(g.ids)
	influence := make([]float64, n)
	direct := make([]bool, n)
	isTop := make([]bool, n)
	for _, v := range top {
		influence[v] = 1
		isTop[v] = true
		for _, u := range g.child[g.childOff[v]:g.childOff[v+1]] {
			direct[u] = true
		}
	}
	// Parents before children: each node's influence is final when it is
	// pushed down.
	for v := n - 1; v >= 0; v-- {
		if influence[v] == 0 {
			continue
		}
		for p := g.childOff[v]; p < g.childOff[v+1]; p++ {
			influence[g.child[p]] += g.weight[p] * influence[v]
		}
	}
	// The work beneath, in topological order (a metric beneath the North
	// Star by links of weight zero is listed too, with influence zero).
	below := make([]bool, n)
	walk(g.childOff, g.child, top, below, nil)
	var out []InputMetric
	at := make(map[string]int)
	for v := range n {
		m := g.metric(int32(v))
		if !below[v] || isTop[v] || m.IsZero() || !isWork(g.level[v]) {
			continue
		}
		i, ok := at[m.ID()]
		if !ok {
			i = len(out)
			at[m.ID()] = i
			out = append(out, InputMetric{Metric: m})
		}
		out[i].Nodes = append(out[i].Nodes, g.ids[v])
		out[i].Influence += influence[v]
		out[i].Direct = out[i].Direct || direct[v]
	}
	slices.SortStableFunc(out, func(a, b InputMetric) int {
		if c := cmp.Compare(b.Influence, a.Influence); c != 0 {
			return c
		}
		return strings.Compare(a.Metric.ID(), b.Metric.ID())
	})
	return out
}
