package hierarchy

import (
	"iter"
	"slices"
	"sort"
	"sync"

	"github.com/cxmodel/cx/outcome"
)

// graph is a validated hierarchy in a compact layout: nodes are int32
// positions (in the order they were added), links are compressed sparse rows
// in both directions.
type graph struct {
	ids    []string
	names  []string
	levels []outcome.Level
	idx    index
	// outOff[v]..outOff[v+1] are the positions in outTgt (and weights) of
	// the links from v, in the order they were added.
	outOff, outTgt []int32
	// weights holds the link weights in millionths, parallel to outTgt; it
	// is nil when every weight is 1.
	weights []int64
	// fractional says whether a weight has decimal places; growthOnce
	// finds, when a roll-up first needs it, growth: the most decimal places
	// the weights along any path add up to (see placesGrowth).
	fractional bool
	growthOnce sync.Once
	growth     int32
	// fingerprintOnce finds, when a value set's binary form or a value set
	// of another graph first needs it, fingerprintValue: a hash of the node
	// IDs in order.
	fingerprintOnce  sync.Once
	fingerprintValue uint64
	// inOff[v]..inOff[v+1] are the positions in inSrc of the links to v,
	// in the order of the nodes they come from.
	inOff, inSrc []int32
	// order is the topological order: Kahn's, first in first out.
	order []int32
	// info holds, per node, the highest level it reaches (reachMask) and
	// whether an output is at or beneath it (hasOutput).
	info []uint8
	// metricAt holds the positions of the nodes with a metric, ascending;
	// metrics their metrics.
	metricAt []int32
	metrics  []outcome.Metric
}

// Model is a validated hierarchy: nodes from tasks up to successful customer
// outcomes, and the weighted links by which each contributes to the next.
// [Builder.Build] makes one, as does unmarshalling its JSON definition.
//
// Model is immutable and safe for concurrent use; copies share the same
// storage. The zero Model is the empty hierarchy: no nodes, no links.
//
// Nodes are kept in the order they were added, and each node's links up in
// the order they were added; its links down come in the order of the nodes
// they come from, whatever order the links were added in. The iterators
// yield them in those orders unless they say otherwise. So two models built
// from the same nodes, added in the same order, and the same links, with
// each node's links up in the same order, answer every query alike, however
// the links of different nodes were interleaved: a model and its JSON round
// trip do. Queries about a node by an ID the model does not hold return an
// error with code [ErrUnknownNode].
type Model struct {
	g *graph
}

// graph returns the model's graph; the zero Model's is empty.
func (m Model) graph() *graph {
	if m.g == nil {
		return &graph{}
	}
	return m.g
}

// Len returns the number of nodes.
func (m Model) Len() int { return len(m.graph().ids) }

// LinkCount returns the number of links.
func (m Model) LinkCount() int { return len(m.graph().outTgt) }

// IsZero reports whether m is the empty hierarchy, with no nodes.
func (m Model) IsZero() bool { return m.Len() == 0 }

// Has reports whether the model holds a node with the given ID.
func (m Model) Has(id string) bool { return m.graph().find(id) >= 0 }

// Position returns the position of the node with the given ID: the number
// of nodes added before it, as [Builder.AddNode] returned, and its place in
// the order of [Model.Nodes]. It reports false if no node has the ID. A
// caller that keeps per-node data in slices (a renderer, a BI tool's
// columns) indexes them by position instead of building its own map of IDs.
func (m Model) Position(id string) (int, bool) {
	v := m.graph().find(id)
	return int(v), v >= 0
}

// find returns the position of id, or -1.
func (g *graph) find(id string) int32 { return g.idx.lookup(g.ids, id) }

// pos returns the position of id, or an error with code [ErrUnknownNode].
func (g *graph) pos(id string) (int32, error) {
	v := g.find(id)
	if v < 0 {
		return -1, newError(ErrUnknownNode, []string{id}, "hierarchy: unknown node %q", clip(id))
	}
	return v, nil
}

// node returns the node at position v.
func (g *graph) node(v int32) Node {
	n := Node{ID: g.ids[v], Name: g.names[v], Level: g.levels[v]}
	if k, ok := slices.BinarySearch(g.metricAt, v); ok {
		n.Metric = g.metrics[k]
	}
	return n
}

// placesGrowth returns the most decimal places that the weights along any
// path of links add up to: a weighted sum rolled up along that path gains
// that many places. It finds them the first time it is called, in time
// linear in the numbers of nodes and links, or knows them to be 0 if every
// weight is a whole number; the model is safe for concurrent use all the
// same.
func (g *graph) placesGrowth() int32 {
	if !g.fractional {
		return 0
	}
	g.growthOnce.Do(func() { g.growth = growthOf(g.order, g.outOff, g.outTgt, g.weights) })
	return g.growth
}

// growthPath returns the IDs of a path of links along which the weights'
// decimal places add up to placesGrowth, from its first node up.
func (g *graph) growthPath() []string {
	up := make([]int32, len(g.order))
	next := make([]int32, len(g.order))
	start := int32(-1)
	for i := len(g.order) - 1; i >= 0; i-- {
		u := g.order[i]
		own, to := int32(0), int32(-1)
		for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
			if d := up[g.outTgt[p]] + weightPlaces(g.weights[p]); d > own {
				own, to = d, g.outTgt[p]
			}
		}
		up[u], next[u] = own, to
		if start < 0 || own > up[start] {
			start = u
		}
	}
	var path []string
	for u := start; u >= 0; u = next[u] {
		path = append(path, g.ids[u])
	}
	return path
}

// precisionError reports a weighted sum whose places, the values' places
// plus the weights' growth, are more than maxScale.
func (g *graph) precisionError(places int32) *outcome.Error {
	path := g.growthPath()
	return newError(ErrRollUpPrecision, path,
		"hierarchy: the weights' decimal places add up to %d along %s; with the values' %d places, "+
			"an exact weighted sum would need %d places, more than the %d it computes in",
		g.placesGrowth(), pathText(path), places, places+g.placesGrowth(), maxScale)
}

// reach returns the highest level node v reaches.
func (g *graph) reach(v int32) outcome.Level { return outcome.Level(g.info[v] & reachMask) }

// input reports whether nothing feeds node v.
func (g *graph) input(v int32) bool { return g.info[v]&isInput != 0 }

// undelivered reports whether node v is a successful customer outcome that
// no work feeds: no node below the customer outcomes is beneath it.
func (g *graph) undelivered(v int32) bool { return g.info[v]&undelivered != 0 }

// aligned reports whether node v reaches a successful customer outcome.
func (g *graph) aligned(v int32) bool { return g.reach(v) == outcome.CustomerOutcome }

// weight returns the weight, in millionths, of the link at position p of outTgt.
func (g *graph) weight(p int32) int64 {
	if g.weights == nil {
		return weightScale
	}
	return g.weights[p]
}

// Node returns the node with the given ID.
func (m Model) Node(id string) (Node, error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return Node{}, err
	}
	return g.node(v), nil
}

// Nodes yields every node, in the order they were added.
func (m Model) Nodes() iter.Seq[Node] {
	g := m.graph()
	return func(yield func(Node) bool) {
		for v := range int32(len(g.ids)) {
			if !yield(g.node(v)) {
				return
			}
		}
	}
}

// Links yields every link with its weight: the links from the first node
// added, in the order they were added, then those from the second, and so on.
func (m Model) Links() iter.Seq[Link] {
	g := m.graph()
	return func(yield func(Link) bool) {
		for u := range int32(len(g.ids)) {
			for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
				if !yield(Link{From: g.ids[u], To: g.ids[g.outTgt[p]], Weight: weightDecimal(g.weight(p))}) {
					return
				}
			}
		}
	}
}

// LinksAt yields every link by the positions of its nodes, in the order of
// [Model.Links]: a link's ends need no lookup by ID. Positions run from 0
// to [Model.Len]-1 in the order of [Model.Nodes].
func (m Model) LinksAt() iter.Seq[LinkAt] {
	g := m.graph()
	return func(yield func(LinkAt) bool) {
		for u := range int32(len(g.ids)) {
			for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
				if !yield(LinkAt{From: int(u), To: int(g.outTgt[p]), Weight: weightDecimal(g.weight(p))}) {
					return
				}
			}
		}
	}
}

// TopoPositions yields the positions of all nodes ([Model.Position]) in the
// order of [Model.TopoOrder].
func (m Model) TopoPositions() iter.Seq[int] {
	g := m.graph()
	return func(yield func(int) bool) {
		for _, v := range g.order {
			if !yield(int(v)) {
				return
			}
		}
	}
}

// TopoOrder yields the IDs of all nodes in a topological order: every node
// before the nodes it contributes to, so work comes before the outcomes it
// serves. The order is that of Kahn's algorithm, first in first out, starting
// from the nodes nothing feeds in the order they were added.
func (m Model) TopoOrder() iter.Seq[string] {
	g := m.graph()
	return func(yield func(string) bool) {
		for _, v := range g.order {
			if !yield(g.ids[v]) {
				return
			}
		}
	}
}

// Parents returns the IDs of the nodes that the node with the given ID
// contributes to directly (one link up), in the order the links were added.
func (m Model) Parents(id string) (iter.Seq[string], error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return nil, err
	}
	return g.row(g.outOff, g.outTgt, v), nil
}

// LinksFrom returns the links from the node with the given ID (its links
// up) by the positions of their ends ([LinkAt]), with their weights, in the
// order they were added, as [Model.Parents] yields their targets: the links
// of one node, where [Model.LinksAt] yields the model's, for a caller that
// works on a part of the model in slices by position. It fails with
// [ErrUnknownNode] for an unknown ID.
func (m Model) LinksFrom(id string) (iter.Seq[LinkAt], error) {
	g := m.graph()
	u, err := g.pos(id)
	if err != nil {
		return nil, err
	}
	return func(yield func(LinkAt) bool) {
		for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
			if !yield(LinkAt{From: int(u), To: int(g.outTgt[p]), Weight: weightDecimal(g.weight(p))}) {
				return
			}
		}
	}, nil
}

// Children returns the IDs of the nodes that contribute directly to the node
// with the given ID (one link down), in the order of the nodes (the order
// [Builder.AddNode] added them), whatever order the links were added in.
func (m Model) Children(id string) (iter.Seq[string], error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return nil, err
	}
	return g.row(g.inOff, g.inSrc, v), nil
}

// row yields the IDs of row v of a compressed sparse row structure.
func (g *graph) row(off, adj []int32, v int32) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, w := range adj[off[v]:off[v+1]] {
			if !yield(g.ids[w]) {
				return
			}
		}
	}
}

// Ancestors returns the IDs of every node that the node with the given ID
// contributes to, directly or through others, each once, in breadth-first
// order: its parents first, then theirs, each node's parents in the order its
// links were added. The node itself is not included.
func (m Model) Ancestors(id string) (iter.Seq[string], error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return nil, err
	}
	return g.reachable(g.outOff, g.outTgt, v), nil
}

// Descendants returns the IDs of every node that contributes to the node with
// the given ID, directly or through others, each once, in breadth-first order:
// its children first, then theirs, each node's children in the order of the
// nodes (as [Model.Children] yields them). The node itself is not included.
func (m Model) Descendants(id string) (iter.Seq[string], error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return nil, err
	}
	return g.reachable(g.inOff, g.inSrc, v), nil
}

// reachable yields, breadth first, the IDs of the nodes reachable from v
// through a compressed sparse row structure, as it finds them: a caller that
// stops early does not pay for the rest of the search.
func (g *graph) reachable(off, adj []int32, v int32) iter.Seq[string] {
	return func(yield func(string) bool) {
		g.search(off, adj, v, func(w int32) bool { return yield(g.ids[w]) })
	}
}

// bfs returns the positions of the nodes reachable from v, breadth first,
// without v.
func (g *graph) bfs(off, adj []int32, v int32) []int32 {
	var found []int32
	g.search(off, adj, v, func(w int32) bool {
		found = append(found, w)
		return true
	})
	return found
}

// search calls visit with the position of each node reachable from v
// through a compressed sparse row structure, breadth first, without v,
// until visit returns false. It takes time and memory in proportion to the
// nodes it reaches and their links, not to the size of the model
// ([visitSet]).
func (g *graph) search(off, adj []int32, v int32, visit func(int32) bool) {
	seen := newVisitSet(len(g.ids))
	seen.add(v)
	var queue []int32
	for u, head := v, 0; ; head++ {
		for _, w := range adj[off[u]:off[u+1]] {
			if seen.add(w) {
				if !visit(w) {
					return
				}
				queue = append(queue, w)
			}
		}
		if head == len(queue) {
			return
		}
		u = queue[head]
	}
}

// Aligned reports whether the node with the given ID reaches a successful
// customer outcome: whether it is one, or contributes to one, directly or
// through others.
func (m Model) Aligned(id string) (bool, error) {
	g := m.graph()
	v, err := g.pos(id)
	if err != nil {
		return false, err
	}
	return g.aligned(v), nil
}

// Equal reports whether m and o hold the same hierarchy: the same nodes (by
// ID, with the same names, levels and metrics) and the same links (with equal
// weights), whatever order they were added in.
func (m Model) Equal(o Model) bool {
	g, h := m.graph(), o.graph()
	if g == h {
		return true
	}
	if len(g.ids) != len(h.ids) || len(g.outTgt) != len(h.outTgt) {
		return false
	}
	// at[u] is the position in o of m's node u; in[w] marks, while a row
	// of o's links is compared, the node w it links to, by the link's
	// place in the row plus one. (A row holds no node twice.) So the links
	// are compared in time linear in them, however many one node has.
	at := make([]int32, 2*len(g.ids))
	at, in := at[:len(g.ids)], at[len(g.ids):]
	for u := range int32(len(g.ids)) {
		v := h.find(g.ids[u])
		if v < 0 || g.node(u) != h.node(v) || g.outOff[u+1]-g.outOff[u] != h.outOff[v+1]-h.outOff[v] {
			return false
		}
		at[u] = v
	}
	for u := range int32(len(g.ids)) {
		v := at[u]
		for q := h.outOff[v]; q < h.outOff[v+1]; q++ {
			in[h.outTgt[q]] = q + 1
		}
		same := true
		for p := g.outOff[u]; p < g.outOff[u+1] && same; p++ {
			q := in[at[g.outTgt[p]]] - 1
			same = q >= 0 && h.weight(q) == g.weight(p)
		}
		for q := h.outOff[v]; q < h.outOff[v+1]; q++ {
			in[h.outTgt[q]] = 0
		}
		if !same {
			return false
		}
	}
	return true
}

// Warnings returns the model's warnings, each an *[outcome.Error] with
// severity [outcome.SeverityWarning], sorted by the IDs involved, then by
// code:
//
//   - [ErrOrphan]: a task, activity, output or business outcome that reaches
//     no successful customer outcome;
//   - [ErrUndeliveredOutcome]: a successful customer outcome that no work
//     feeds: no task, activity, output or business outcome is beneath it,
//     directly or through other customer outcomes;
//   - [ErrSkippedLevel]: a link that skips a level;
//   - [ErrNoOutput]: a business outcome with no output beneath it.
//
// The model keeps what it needs to find them, not the warnings themselves:
// each call makes a new slice of new errors, which the caller owns.
func (m Model) Warnings() []*outcome.Error {
	return m.graph().warnings(func(outcome.Code) bool { return true })
}

// warnings returns the warnings whose codes want accepts, sorted.
func (g *graph) warnings(want func(outcome.Code) bool) []*outcome.Error {
	orphan, undelivered, skipped, noOutput :=
		want(ErrOrphan), want(ErrUndeliveredOutcome), want(ErrSkippedLevel), want(ErrNoOutput)
	var ws []*outcome.Error
	for v := range int32(len(g.ids)) {
		id, l := g.ids[v], g.levels[v]
		switch {
		case orphan && l != outcome.CustomerOutcome && !g.aligned(v):
			ws = append(ws, newWarning(ErrOrphan, []string{id},
				"hierarchy: %s %q reaches no successful customer outcome (the highest level it reaches is %s)",
				lower(l), clip(id), g.reach(v)))
		case undelivered && g.undelivered(v):
			ws = append(ws, newWarning(ErrUndeliveredOutcome, []string{id},
				"hierarchy: successful customer outcome %q has no work feeding it, directly or through other customer outcomes", clip(id)))
		}
		if noOutput && l == outcome.BusinessOutcome && g.info[v]&hasOutput == 0 {
			ws = append(ws, newWarning(ErrNoOutput, []string{id},
				"hierarchy: business outcome %q has no output beneath it", clip(id)))
		}
		if skipped {
			for _, t := range g.outTgt[g.outOff[v]:g.outOff[v+1]] {
				if lt := g.levels[t]; lt > l+1 {
					ws = append(ws, newWarning(ErrSkippedLevel, []string{id, g.ids[t]},
						"hierarchy: link %q -> %q skips from %s to %s", clip(id), clip(g.ids[t]), l, lt))
				}
			}
		}
	}
	sortProblems(ws)
	return ws
}

// lower returns a level's name in lower case, as it reads inside a sentence.
func lower(l outcome.Level) string {
	switch l {
	case outcome.Task:
		return "task"
	case outcome.Activity:
		return "activity"
	case outcome.Output:
		return "output"
	case outcome.BusinessOutcome:
		return "business outcome"
	case outcome.CustomerOutcome:
		return "successful customer outcome"
	}
	return l.String()
}

// plural returns a level's name in lower case and in the plural.
func plural(l outcome.Level) string {
	switch l {
	case outcome.Task:
		return "tasks"
	case outcome.Activity:
		return "activities"
	case outcome.Output:
		return "outputs"
	case outcome.BusinessOutcome:
		return "business outcomes"
	case outcome.CustomerOutcome:
		return "successful customer outcomes"
	}
	return l.String()
}

// sortIDs sorts IDs (positions) by ID.
func (g *graph) sortIDs(vs []int32) {
	sort.Slice(vs, func(i, j int) bool { return g.ids[vs[i]] < g.ids[vs[j]] })
}
