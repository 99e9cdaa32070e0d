package render

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// DiagramOptions says what a diagram of a hierarchy shows. The zero
// DiagramOptions draws the whole hierarchy, every level, labels the links
// whose weight is not 1, and highlights nothing.
//
// DiagramOptions is plain data: fill in the fields you need.
type DiagramOptions struct {
	// Highlight is the ID of a node whose line of sight the diagram
	// highlights: the node, and every node and link on a path from it up to a
	// successful customer outcome (the paths of [hierarchy.Model.LineOfSight],
	// found without listing them). An orphan has no line of sight, and only
	// the node itself is highlighted. Empty: nothing is highlighted.
	Highlight string
	// Serving is the ID of a node, usually a successful customer outcome,
	// that the diagram is about: it shows only that node and the nodes that
	// contribute to it, directly or through others
	// ([hierarchy.Model.Contributors]), with the links between them. Empty:
	// the whole hierarchy.
	Serving string
	// Hide lists levels whose nodes the diagram leaves out, to make a large
	// hierarchy readable: hiding [outcome.Task], say, starts the picture at
	// the activities. Links are re-routed through hidden nodes, so that line
	// of sight is kept: the diagram has a link from a shown node u to a shown
	// node v exactly when the hierarchy has a path from u to v whose nodes
	// between u and v are all hidden (a link is such a path), and so v is
	// reachable from u in the diagram exactly when it is in the hierarchy.
	// The weight of a re-routed link is the sum, over the paths it stands
	// for, of the product of the weights along each path: the factor with
	// which u's value reaches v in a weighted sum through the hidden nodes.
	// The level of the successful customer outcomes cannot be hidden, and
	// a value that is not a level is an error; a level listed twice is
	// hidden once.
	Hide []outcome.Level
	// AllWeights labels every link with its weight. By default only links
	// whose weight is not 1 are labelled, and the legend says so.
	AllWeights bool
}

// The flags of a node in a view.
const (
	flagAligned     uint8 = 1 << iota // reaches a successful customer outcome
	flagUnsupported                   // a successful customer outcome no work feeds
	flagDrawn                         // the diagram shows it
	flagLit                           // on the highlighted line of sight
	flagExits                         // hidden, with its exits worked out (see collapse)
	flagSeen                          // visited by the search in align
)

// edge is a link to draw, between node positions, with its weight in
// millionths (as the hierarchy keeps it), or, for a re-routed link whose
// weight is not a whole number of millionths that fits an int64, -1-k for
// view.decs[k]. A weight has one form: never a decimal that would fit.
type edge struct {
	u, v int32
	w    int64
}

// unitWeight is a weight of 1 in millionths.
const unitWeight = 1_000_000

// view is what a diagram shows of a hierarchy: its nodes (the model's, or
// those of the part served), their marks, and the links to draw. A node is
// known by its index in the view; at gives its position in the model, which
// names it "n0", "n1", ... in the output. Both formats write the same view.
type view struct {
	// at holds the model position of each node of the view, ascending, or
	// is nil when the view holds the whole model, each node at its position.
	at []int32
	// dense holds, by position in the model, the index in the view plus
	// one (0 for a node not in it), when the view holds a part of more
	// than 1/128 of the model; with a smaller part, or none, it is nil.
	dense      []int32
	ids, names []string
	levels     []outcome.Level
	flags      []uint8
	links      []edge  // between nodes of the view, by source in the order of the nodes
	off        []int32 // links[off[p]:off[p+1]] are the links from node p
	stack      []frame // of a depth-first search
	edges      []edge
	decs       []decimal.Decimal
	hide       [outcome.CustomerOutcome + 1]bool
	drawn      [outcome.CustomerOutcome + 1]int // drawn nodes per level
	highlight  bool
	allWeights bool
	orphans    bool // some drawn node is an orphan
	undeliv    bool // some drawn node is an unsupported customer outcome
	unlabelled bool // some drawn link has no label
}

// index returns the index in the view of the node at position p in the
// model, or -1 if the view does not hold it: p itself for the whole model,
// and otherwise from dense, or by binary search in at.
func (v *view) index(p int32) int32 {
	switch {
	case v.at == nil:
		return p
	case v.dense != nil:
		return v.dense[p] - 1
	}
	if i, ok := slices.BinarySearch(v.at, p); ok {
		return int32(i)
	}
	return -1
}

// position returns the position in the model of node p of the view.
func (v *view) position(p int32) int64 {
	if v.at == nil {
		return int64(p)
	}
	return int64(v.at[p])
}

func (v *view) has(p int32, f uint8) bool { return v.flags[p]&f != 0 }

// orphan reports whether node p reaches no successful customer outcome.
func (v *view) orphan(p int32) bool {
	return v.levels[p] != outcome.CustomerOutcome && !v.has(p, flagAligned)
}

// unsupported reports whether node p is a successful customer outcome that
// no work feeds, as the model's alignment reports it.
func (v *view) unsupported(p int32) bool { return v.has(p, flagUnsupported) }

// lit reports whether the link e is on the highlighted line of sight.
func (v *view) lit(e edge) bool { return v.has(e.u, flagLit) && v.has(e.v, flagLit) }

// labelled reports whether the link e shows its weight.
func (v *view) labelled(e edge) bool { return v.allWeights || e.w != unitWeight }

// label returns the text of node p: its name, or its ID if it has none.
func (v *view) label(p int32) string {
	if v.names[p] != "" {
		return v.names[p]
	}
	return v.ids[p]
}

// appendWeight appends the weight of e as a decimal without trailing zeros.
func (v *view) appendWeight(dst []byte, e edge) []byte {
	if e.w < 0 {
		return append(dst, decfmt.String(v.decs[-1-e.w])...)
	}
	return appendMicro(dst, e.w)
}

// appendMicro appends w millionths as a decimal without trailing zeros:
// 400000 is "0.4", 2500000 is "2.5".
func appendMicro(dst []byte, w int64) []byte {
	dst = appendUint(dst, uint64(w/unitWeight))
	frac := w % unitWeight
	if frac == 0 {
		return dst
	}
	var digits [6]byte
	n := 6
	for i := 5; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	for n > 0 && digits[n-1] == '0' {
		n--
	}
	dst = append(dst, '.')
	return append(dst, digits[:n]...)
}

// appendUint appends x in decimal.
func appendUint(dst []byte, x uint64) []byte {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + x%10)
		x /= 10
		if x == 0 {
			break
		}
	}
	return append(dst, b[i:]...)
}

// maxBadLevels is how many of the levels to hide that are not levels an
// error names; it counts the rest.
const maxBadLevels = 8

// badLevels returns the error for the levels to hide that are not levels,
// those marked in bad, named in ascending order, or nil if there are none.
func badLevels(bad *[256]bool) error {
	var names []string
	n := 0
	for l, isBad := range bad {
		if !isBad {
			continue
		}
		if n++; n <= maxBadLevels {
			names = append(names, outcome.Level(l).String())
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		return newError(outcome.ErrUnknownLevel, nil, "render: cannot hide %s: it is not a level", names[0])
	}
	return newError(outcome.ErrUnknownLevel, nil, "render: cannot hide %s: they are not levels", words.List(names, n))
}

// newView validates the options against the model and works out what the
// diagram shows. It reports every problem with the options ([msg.Join]):
// the one itself, or several joined with [errors.Join], in this order: the
// hidden customer outcomes, the levels to hide that are none, the node
// served, the node highlighted, then a highlight that does not serve the
// node served.
func newView(m hierarchy.Model, o DiagramOptions) (*view, error) {
	v := &view{allWeights: o.AllWeights, highlight: o.Highlight != ""}
	var errs []error
	var bad [256]bool // the levels given that are not levels
	hidesTop := false
	for _, l := range o.Hide {
		switch {
		case !l.IsValid():
			bad[l] = true
		case l == outcome.CustomerOutcome:
			hidesTop = true
		default:
			v.hide[l] = true
		}
	}
	if hidesTop {
		errs = append(errs, newError(ErrHiddenCustomerOutcomes, nil,
			"render: cannot hide the successful customer outcomes: every line of sight ends there"))
	}
	errs = append(errs, badLevels(&bad), optionNode(m, o.Serving, "serve", v.hide), optionNode(m, o.Highlight, "highlight", v.hide))
	if slices.ContainsFunc(errs, func(err error) bool { return err != nil }) {
		// The view is not built, so whether the highlight serves the node
		// served is asked of the model, so that it is reported with the rest.
		if o.Serving != "" && o.Highlight != "" && o.Highlight != o.Serving &&
			m.Has(o.Serving) && m.Has(o.Highlight) && !serves(m, o.Highlight, o.Serving) {
			errs = append(errs, notServing(o))
		}
		return nil, msg.Join(errs...)
	}
	if o.Serving == "" {
		v.whole(m)
	} else {
		v.part(m, o.Serving)
	}
	v.markUnsupported()
	for p, l := range v.levels {
		if v.hide[l] {
			v.flags[p] &^= flagDrawn
		}
	}
	if o.Highlight != "" {
		at, _ := m.Position(o.Highlight)
		h := v.index(int32(at))
		if h < 0 {
			return nil, notServing(o)
		}
		v.light(h)
	}

	if v.anyHidden() {
		v.collapse()
	} else {
		// The edges overwrite the links, which are not needed after.
		v.edges = v.links[:0]
		for _, e := range v.links {
			if v.has(e.u, flagDrawn) && v.has(e.v, flagDrawn) {
				v.edges = append(v.edges, e)
			}
		}
	}
	for p := range v.flags {
		if q := int32(p); v.has(q, flagDrawn) {
			v.drawn[v.levels[q]]++
			v.orphans = v.orphans || v.orphan(q)
			v.undeliv = v.undeliv || v.unsupported(q)
		}
	}
	for _, e := range v.edges {
		if !v.labelled(e) {
			v.unlabelled = true
			break
		}
	}
	return v, nil
}

// whole fills the view with the whole model, every node drawn, each at its
// position, and marks the nodes that reach a successful customer outcome
// ([view.align]). It takes a pass over the nodes and one over the links, by
// position: no lookup by ID.
func (v *view) whole(m hierarchy.Model) {
	n := m.Len()
	v.ids = make([]string, n)
	v.names = make([]string, n)
	v.levels = make([]outcome.Level, n)
	v.flags = make([]uint8, n)
	i := 0
	for node := range m.Nodes() {
		v.ids[i], v.names[i], v.levels[i] = node.ID, node.Name, node.Level
		v.flags[i] = flagDrawn
		i++
	}
	// The links come in the model's order: by source, in the order the
	// nodes were added, so they are compressed sparse rows as they come.
	v.links = make([]edge, 0, m.LinkCount())
	v.off = make([]int32, n+1)
	for l := range m.LinksAt() {
		v.links = append(v.links, edge{u: int32(l.From), v: int32(l.To), w: micro(l.Weight)})
		v.off[l.From+1]++
	}
	for p := range n {
		v.off[p+1] += v.off[p]
	}
	v.align()
}

// member is a node of the part served: its position in the model, and its ID.
type member struct {
	at int32
	id string
}

// part fills the view with the node served and the nodes that serve it
// ([hierarchy.Model.Descendants]), in the order of the model, every one
// drawn, and the links between them; the others are left out. It takes time
// in proportion to the part (its nodes and their links up) and to the sort
// of its nodes, not to the model: each node is looked up by ID once for its
// position, once for its name and level, once for its links (by position,
// [hierarchy.Model.LinksFrom]), and, unless the node served reaches a
// successful customer outcome, which every node of the part then does,
// once to know whether it does ([hierarchy.Model.Aligned]). The part holds
// everything a diagram of it needs: a path from one of its nodes to another
// runs through its nodes alone, and so does every path up to a customer
// outcome in it, since whatever serves one of its nodes is in it.
func (v *view) part(m hierarchy.Model, serving string) {
	at, _ := m.Position(serving)
	members := []member{{int32(at), serving}}
	below, _ := m.Descendants(serving)
	for id := range below {
		p, _ := m.Position(id)
		members = append(members, member{int32(p), id})
	}
	slices.SortFunc(members, func(a, b member) int { return cmp.Compare(a.at, b.at) })
	k := len(members)
	v.at = make([]int32, k)
	v.ids = make([]string, k)
	v.names = make([]string, k)
	v.levels = make([]outcome.Level, k)
	v.flags = make([]uint8, k)
	for i, x := range members {
		node, _ := m.Node(x.id)
		v.at[i], v.ids[i], v.names[i], v.levels[i] = x.at, node.ID, node.Name, node.Level
		v.flags[i] = flagDrawn
	}
	if n := m.Len(); k > n/128 {
		v.dense = make([]int32, n)
		for i, p := range v.at {
			v.dense[p] = int32(i) + 1
		}
	}
	v.off = make([]int32, k+1)
	for i, x := range members {
		links, _ := m.LinksFrom(x.id)
		for l := range links {
			if t := v.index(int32(l.To)); t >= 0 {
				v.links = append(v.links, edge{u: int32(i), v: t, w: micro(l.Weight)})
				v.off[i+1]++
			}
		}
		v.off[i+1] += v.off[i]
	}
	all, _ := m.Aligned(serving)
	for i, id := range v.ids {
		if all {
			v.flags[i] |= flagAligned
		} else if aligned, _ := m.Aligned(id); aligned {
			v.flags[i] |= flagAligned
		}
	}
}

// markUnsupported marks the successful customer outcomes that no work feeds, as
// the model's alignment reports them: those with no node of a lower level
// beneath, directly or through other customer outcomes. It marks every
// customer outcome, then clears the mark of those that a node of work links
// to and of the customer outcomes they feed, in time linear in the view's
// nodes and links. Whatever is beneath a node of the view is in the view.
func (v *view) markUnsupported() {
	for p, l := range v.levels {
		if l == outcome.CustomerOutcome {
			v.flags[p] |= flagUnsupported
		}
	}
	v.stack = v.stack[:0]
	for u := range int32(len(v.ids)) {
		if v.levels[u] == outcome.CustomerOutcome {
			continue
		}
		for _, e := range v.links[v.off[u]:v.off[u+1]] {
			if v.has(e.v, flagUnsupported) {
				v.flags[e.v] &^= flagUnsupported
				v.stack = append(v.stack, frame{p: e.v})
			}
		}
	}
	// Links from a customer outcome go to customer outcomes.
	for len(v.stack) > 0 {
		q := v.stack[len(v.stack)-1].p
		v.stack = v.stack[:len(v.stack)-1]
		for _, e := range v.links[v.off[q]:v.off[q+1]] {
			if v.has(e.v, flagUnsupported) {
				v.flags[e.v] &^= flagUnsupported
				v.stack = append(v.stack, frame{p: e.v})
			}
		}
	}
}

// light marks the line of sight of node h: h, and, if h reaches a
// successful customer outcome, every node it reaches that does too. Those
// are found by a search up from h through such nodes alone, since whatever
// a node that reaches none reaches, reaches none either.
func (v *view) light(h int32) {
	v.flags[h] |= flagLit
	if !v.has(h, flagAligned) {
		return
	}
	v.stack = append(v.stack[:0], frame{p: h})
	for len(v.stack) > 0 {
		q := v.stack[len(v.stack)-1].p
		v.stack = v.stack[:len(v.stack)-1]
		for _, e := range v.links[v.off[q]:v.off[q+1]] {
			if v.has(e.v, flagAligned) && !v.has(e.v, flagLit) {
				v.flags[e.v] |= flagLit
				v.stack = append(v.stack, frame{p: e.v})
			}
		}
	}
}

// align marks the nodes that reach a successful customer outcome, as
// [hierarchy.Model.Aligned] says: a node reaches its own level and what the
// nodes its links go to reach. A depth-first search finishes each node after
// the nodes its links go to, and the hierarchy has no cycle.
func (v *view) align() {
	v.stack = make([]frame, 0, 64) // as deep as the longest path: it grows if need be
	for p := range int32(len(v.ids)) {
		if v.has(p, flagSeen) {
			continue
		}
		v.flags[p] |= flagSeen
		v.stack = append(v.stack[:0], frame{p, v.off[p]})
		for len(v.stack) > 0 {
			f := &v.stack[len(v.stack)-1]
			if f.i < v.off[f.p+1] {
				to := v.links[f.i].v
				f.i++
				if !v.has(to, flagSeen) {
					v.flags[to] |= flagSeen
					v.stack = append(v.stack, frame{to, v.off[to]})
				}
				continue
			}
			q := f.p
			v.stack = v.stack[:len(v.stack)-1]
			if v.levels[q] == outcome.CustomerOutcome {
				v.flags[q] |= flagAligned
				continue
			}
			for _, e := range v.links[v.off[q]:v.off[q+1]] {
				if v.has(e.v, flagAligned) {
					v.flags[q] |= flagAligned
					break
				}
			}
		}
	}
}

// notServing is the error for options whose node to highlight is not part
// of what the node served draws.
func notServing(o DiagramOptions) error {
	return newError(ErrNodeNotShown, []string{o.Highlight, o.Serving},
		"render: the node to highlight, %q, does not serve %q, which the diagram is about",
		clip(o.Highlight), clip(o.Serving))
}

// serves reports whether from is among the nodes that serve to, directly or
// through others ([hierarchy.Model.Descendants]); both are in m.
func serves(m hierarchy.Model, from, to string) bool {
	below, _ := m.Descendants(to)
	for id := range below {
		if id == from {
			return true
		}
	}
	return false
}

// optionNode checks the node an option names, if any: the model must have
// it, and the options must not hide its level.
func optionNode(m hierarchy.Model, id, what string, hide [outcome.CustomerOutcome + 1]bool) error {
	if id == "" {
		return nil
	}
	node, err := m.Node(id)
	if err != nil {
		return newError(hierarchy.ErrUnknownNode, []string{id},
			"render: the node to %s, %q, is not in the hierarchy", what, clip(id))
	}
	if hide[node.Level] {
		return newError(ErrNodeNotShown, []string{id},
			"render: the node to %s, %q, is %s, a level the options hide", what, clip(id), article(node.Level))
	}
	return nil
}

// article returns a level's name with "a" or "an": "an Output".
func article(l outcome.Level) string {
	s := l.String()
	switch s[0] {
	case 'A', 'E', 'I', 'O', 'U':
		return "an " + s
	}
	return "a " + s
}

func (v *view) anyHidden() bool {
	for _, h := range v.hide {
		if h {
			return true
		}
	}
	return false
}

// micro returns a link weight of a model in millionths. The hierarchy keeps
// weights so, with at most [hierarchy.WeightPlaces] (6) places and at most
// [hierarchy.MaxWeight] (10^12), so the exponent is at least -6 and the
// coefficient fits an int64.
func micro(w decimal.Decimal) int64 {
	c, e := w.CoefficientInt64(), w.Exponent()
	for ; e > -hierarchy.WeightPlaces; e-- {
		c *= 10
	}
	return c
}

// exit is where a path through hidden nodes comes out: a node whose level is
// shown, and the weight of the paths to it, as in [edge].
type exit struct {
	to int32
	w  int64
}

// span is the place of a hidden node's exits in rerouter.xs.
type span struct{ lo, hi int }

// rerouter works out the links to draw through hidden nodes (see
// [view.collapse]).
type rerouter struct {
	v *view
	// xs holds the exits of the hidden nodes worked out so far, one node's
	// after another (xs[spans[h].lo:spans[h].hi] are h's), and, past them,
	// those being gathered.
	xs    []exit
	spans []span
}

// frame is a node on the stack of a depth-first search, and the place in
// view.links of the next of its links to follow.
type frame struct{ p, i int32 }

// collapse sets the edges to draw when levels are hidden: each drawn node's
// links, re-routed through hidden nodes (see [DiagramOptions.Hide]).
//
// The exits of a hidden node h are the nodes of shown levels that the paths
// from h through hidden nodes reach, each once, by position, with the sum
// over those paths of the product of their weights. A drawn node's edges
// come from its links: straight to a node of a shown level, or through the
// exits of a hidden one. The exits of a hidden node are worked out when a
// drawn node first needs them, by a depth-first search that finishes a
// hidden node after the hidden nodes its links go to, and kept one node's
// after another in one slice, so that the allocations do not grow with the
// number of nodes: weights are whole numbers of millionths in an int64
// while they are (see [view.mulWeight]), and exact decimals in v.decs only
// when they are not.
func (v *view) collapse() {
	n := len(v.ids)
	r := &rerouter{v: v, xs: make([]exit, 0, len(v.links)), spans: make([]span, n)}
	// The exits the drawn nodes need, and, from them, at most how many
	// edges there are, so that the edges take one allocation.
	most := 0
	for u := range int32(n) {
		if !v.has(u, flagDrawn) {
			continue
		}
		for _, e := range v.links[v.off[u]:v.off[u+1]] {
			if !v.hidden(e.v) {
				most++
				continue
			}
			if !v.has(e.v, flagExits) {
				r.finish(e.v)
			}
			most += r.spans[e.v].hi - r.spans[e.v].lo
		}
	}
	v.edges = make([]edge, 0, most)
	for u := range int32(n) {
		if !v.has(u, flagDrawn) {
			continue
		}
		base := r.gather(u)
		for _, x := range r.xs[base:] {
			if v.has(x.to, flagDrawn) {
				v.edges = append(v.edges, edge{u: u, v: x.to, w: x.w})
			}
		}
		r.xs = r.xs[:base]
	}
}

// finish works out the exits of the hidden node h and of the hidden nodes
// it reaches through hidden nodes, those not worked out yet. The hierarchy
// has no cycle, so no node is on the stack twice.
func (r *rerouter) finish(h int32) {
	v := r.v
	v.stack = append(v.stack[:0], frame{h, v.off[h]})
	for len(v.stack) > 0 {
		f := &v.stack[len(v.stack)-1]
		if f.i < v.off[f.p+1] {
			to := v.links[f.i].v
			f.i++
			if v.hidden(to) && !v.has(to, flagExits) {
				v.stack = append(v.stack, frame{to, v.off[to]})
			}
			continue
		}
		p := f.p
		v.stack = v.stack[:len(v.stack)-1]
		lo := r.gather(p)
		r.spans[p] = span{lo, len(r.xs)}
		v.flags[p] |= flagExits
	}
}

// gather appends to xs the exits of node p, whose hidden targets' exits are
// worked out, and returns where they start: from each link of p, its target
// if shown, or the exits of its hidden target with the weights multiplied
// by the link's; then sorted by node and summed per node.
func (r *rerouter) gather(p int32) int {
	v := r.v
	base := len(r.xs)
	for _, e := range v.links[v.off[p]:v.off[p+1]] {
		if !v.hidden(e.v) {
			r.xs = append(r.xs, exit{e.v, e.w})
			continue
		}
		s := r.spans[e.v]
		for k := s.lo; k < s.hi; k++ {
			x := r.xs[k] // by index: append may move xs
			r.xs = append(r.xs, exit{x.to, v.mulWeight(e.w, x.w)})
		}
	}
	acc := r.xs[base:]
	slices.SortFunc(acc, func(a, b exit) int { return cmp.Compare(a.to, b.to) })
	k := 0
	for _, x := range acc {
		if k > 0 && acc[k-1].to == x.to {
			acc[k-1].w = v.addWeight(acc[k-1].w, x.w)
			continue
		}
		acc[k] = x
		k++
	}
	r.xs = r.xs[:base+k]
	return base
}

// hidden reports whether the options hide the level of node p.
func (v *view) hidden(p int32) bool { return v.hide[v.levels[p]] }

// mulWeight returns the product of the weights a and b, each in millionths
// or, if negative, an index into v.decs (see [edge]). The product of two
// whole numbers of millionths is a whole number of 10^-12; it stays in
// millionths when it is a whole number of them that fits an int64, and is
// otherwise an exact decimal, as is a product with a decimal.
func (v *view) mulWeight(a, b int64) int64 {
	switch {
	case a == unitWeight:
		return b
	case b == unitWeight:
		return a
	case a >= 0 && b >= 0:
		hi, lo := bits.Mul64(uint64(a), uint64(b))
		if hi < unitWeight { // else the quotient needs more than 64 bits
			q, rem := bits.Div64(hi, lo, unitWeight)
			if rem == 0 && q <= math.MaxInt64 {
				return int64(q)
			}
		}
	}
	return v.decWeight(v.weightDecimal(a).Mul(v.weightDecimal(b)))
}

// addWeight returns the sum of the weights a and b (see [view.mulWeight]):
// in millionths when both are and the sum fits an int64, and otherwise an
// exact decimal.
func (v *view) addWeight(a, b int64) int64 {
	if a >= 0 && b >= 0 {
		if s, _ := bits.Add64(uint64(a), uint64(b), 0); s <= math.MaxInt64 {
			return int64(s)
		}
	}
	return v.decWeight(v.weightDecimal(a).Add(v.weightDecimal(b)))
}

// weightDecimal returns the weight w (see [edge]) as a decimal.
func (v *view) weightDecimal(w int64) decimal.Decimal {
	if w < 0 {
		return v.decs[-1-w]
	}
	return decimal.New(w, -hierarchy.WeightPlaces)
}

// decWeight returns the weight d in millionths if it is a whole number of
// them that fits, so that a weight has one form whatever the arithmetic
// that led to it, and otherwise keeps d in v.decs and returns its index
// (see [edge]).
func (v *view) decWeight(d decimal.Decimal) int64 {
	if w, ok := exactMicro(d); ok {
		return w
	}
	k := len(v.decs)
	v.decs = append(v.decs, d)
	return -1 - int64(k)
}

// exactMicro returns d in millionths if it is a whole number of them that
// fits an int64. It judges the value, not its representation: 1 is 1000000
// whatever the exponent of d.
func exactMicro(d decimal.Decimal) (int64, bool) {
	s := d.Shift(hierarchy.WeightPlaces)
	if !s.IsInteger() {
		return 0, false
	}
	i := s.BigInt()
	if !i.IsInt64() {
		return 0, false
	}
	return i.Int64(), true
}
