package render

// The diagrams as they were drawn before session 8 (diagram.go, dot.go and
// mermaid.go at 2d7b98c, their declarations renamed bare...): the reference
// that TestDiagramMatchesBare compares Mermaid and DOT with, and the
// baseline of the benchmarks. They cost the whole model on every call,
// whatever the options, and look up each link's target by ID. Only the
// escaping, the sink, the errors and the constant text are shared.

import (
	"cmp"
	"errors"
	"io"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// The flags of a node in a bareView.
const (
	bareFlagAligned     uint8 = 1 << iota // reaches a successful customer outcome
	bareFlagUnsupported                   // a successful customer outcome no work feeds
	bareFlagDrawn                         // the diagram shows it
	bareFlagLit                           // on the highlighted line of sight
	bareFlagExits                         // hidden, with its exits worked out (see collapse)
	bareFlagSeen                          // visited by the search in align
)

// bareEdge is a link to draw, between node positions, with its weight in
// millionths (as the hierarchy keeps it), or, for a re-routed link whose
// weight is not a whole number of millionths that fits an int64, -1-k for
// bareView.decs[k]. A weight has one form: never a decimal that would fit.
type bareEdge struct {
	u, v int32
	w    int64
}

// bareUnitWeight is a weight of 1 in millionths.
const bareUnitWeight = 1_000_000

// bareView is what a diagram shows of a hierarchy: the nodes (by their position
// in the model, which names them "n0", "n1", ... in the output), their
// marks, and the links to draw. Both formats write the same bareView.
type bareView struct {
	ids, names []string
	levels     []outcome.Level
	flags      []uint8
	links      []bareEdge  // the model's, by source in the order of the nodes
	off        []int32     // links[off[p]:off[p+1]] are the links from node p
	stack      []bareFrame // of a depth-first search
	edges      []bareEdge
	decs       []decimal.Decimal
	hide       [outcome.CustomerOutcome + 1]bool
	drawn      [outcome.CustomerOutcome + 1]int // drawn nodes per level
	highlight  bool
	allWeights bool
	orphans    bool // some drawn node is an orphan
	undeliv    bool // some drawn node is an unsupported customer outcome
	unlabelled bool // some drawn link has no label
}

func (v *bareView) has(p int32, f uint8) bool { return v.flags[p]&f != 0 }

// orphan reports whether node p reaches no successful customer outcome.
func (v *bareView) orphan(p int32) bool {
	return v.levels[p] != outcome.CustomerOutcome && !v.has(p, bareFlagAligned)
}

// unsupported reports whether node p is a successful customer outcome that
// no work feeds, as the model's alignment reports it.
func (v *bareView) unsupported(p int32) bool { return v.has(p, bareFlagUnsupported) }

// lit reports whether the link e is on the highlighted line of sight.
func (v *bareView) lit(e bareEdge) bool { return v.has(e.u, bareFlagLit) && v.has(e.v, bareFlagLit) }

// labelled reports whether the link e shows its weight.
func (v *bareView) labelled(e bareEdge) bool { return v.allWeights || e.w != bareUnitWeight }

// label returns the text of node p: its name, or its ID if it has none.
func (v *bareView) label(p int32) string {
	if v.names[p] != "" {
		return v.names[p]
	}
	return v.ids[p]
}

// appendWeight appends the weight of e as a decimal without trailing zeros.
func (v *bareView) appendWeight(dst []byte, e bareEdge) []byte {
	if e.w < 0 {
		return append(dst, decfmt.String(v.decs[-1-e.w])...)
	}
	return bareAppendMicro(dst, e.w)
}

// bareAppendMicro appends w millionths as a decimal without trailing zeros:
// 400000 is "0.4", 2500000 is "2.5".
func bareAppendMicro(dst []byte, w int64) []byte {
	dst = bareAppendUint(dst, uint64(w/bareUnitWeight))
	frac := w % bareUnitWeight
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

// bareAppendUint appends x in decimal.
func bareAppendUint(dst []byte, x uint64) []byte {
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

// bareMaxBadLevels is how many of the levels to hide that are not levels an
// error names; it counts the rest.
const bareMaxBadLevels = 8

// bareBadLevels returns the error for the levels to hide that are not levels,
// those marked in bad, named in ascending order, or nil if there are none.
func bareBadLevels(bad *[256]bool) error {
	var names []string
	n := 0
	for l, isBad := range bad {
		if !isBad {
			continue
		}
		if n++; n <= bareMaxBadLevels {
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

// bareNewView validates the options against the model and works out what the
// diagram shows. It reports every problem with the options, joined.
func bareNewView(m hierarchy.Model, o DiagramOptions) (*bareView, error) {
	v := &bareView{allWeights: o.AllWeights, highlight: o.Highlight != ""}
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
	errs = append(errs, bareBadLevels(&bad), bareOptionNode(m, o.Serving, "serve", v.hide), bareOptionNode(m, o.Highlight, "highlight", v.hide))
	// A highlight that does not serve the node served is reported with the
	// other problems (session 10; before, only when there were none).
	if o.Serving != "" && o.Highlight != "" && o.Highlight != o.Serving &&
		m.Has(o.Serving) && m.Has(o.Highlight) && !bareServes(m, o.Highlight, o.Serving) {
		errs = append(errs, newError(ErrNodeNotShown, []string{o.Highlight, o.Serving},
			"render: the node to highlight, %q, does not serve %q, which the diagram is about",
			clip(o.Highlight), clip(o.Serving)))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	n := m.Len()
	v.ids = make([]string, n)
	v.names = make([]string, n)
	v.levels = make([]outcome.Level, n)
	v.flags = make([]uint8, n)
	i := int32(0)
	for node := range m.Nodes() {
		v.ids[i], v.names[i], v.levels[i] = node.ID, node.Name, node.Level
		i++
	}
	// pos returns the position of a node the model holds (every ID below
	// is one: from its links, or an option bareOptionNode has checked).
	pos := func(id string) int32 {
		p, _ := m.Position(id)
		return int32(p)
	}
	// The links, in the model's order: by source, in the order the nodes
	// were added, so the source is the next node with links, and the links
	// are compressed sparse rows.
	v.links = make([]bareEdge, 0, m.LinkCount())
	v.off = make([]int32, n+1)
	from := int32(0)
	for l := range m.Links() {
		for v.ids[from] != l.From {
			from++
		}
		v.links = append(v.links, bareEdge{u: from, v: pos(l.To), w: bareMicro(l.Weight)})
		v.off[from+1]++
	}
	for _, id := range m.Alignment().Unsupported {
		v.flags[pos(id)] |= bareFlagUnsupported
	}
	for p := range n {
		v.off[p+1] += v.off[p]
	}
	v.align()

	// What is drawn: every node, or what bareServes one; minus the hidden levels.
	if o.Serving == "" {
		for p := range v.flags {
			v.flags[p] |= bareFlagDrawn
		}
	} else {
		v.flags[pos(o.Serving)] |= bareFlagDrawn
		below, _ := m.Descendants(o.Serving)
		for id := range below {
			v.flags[pos(id)] |= bareFlagDrawn
		}
	}
	for p, l := range v.levels {
		if v.hide[l] {
			v.flags[p] &^= bareFlagDrawn
		}
	}
	// The line of sight: the node, and what it reaches that reaches a
	// customer outcome.
	if o.Highlight != "" {
		h := pos(o.Highlight)
		v.flags[h] |= bareFlagLit
		if v.has(h, bareFlagAligned) {
			above, _ := m.Ancestors(o.Highlight)
			for id := range above {
				if p := pos(id); v.has(p, bareFlagAligned) {
					v.flags[p] |= bareFlagLit
				}
			}
		}
	}

	if v.anyHidden() {
		v.collapse()
	} else {
		// The edges overwrite the links, which are not needed after.
		v.edges = v.links[:0]
		for _, e := range v.links {
			if v.has(e.u, bareFlagDrawn) && v.has(e.v, bareFlagDrawn) {
				v.edges = append(v.edges, e)
			}
		}
	}
	for p := range v.flags {
		if q := int32(p); v.has(q, bareFlagDrawn) {
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

// align marks the nodes that reach a successful customer outcome, as
// [hierarchy.Model.Aligned] says: a node reaches its own level and what the
// nodes its links go to reach. A depth-first search finishes each node after
// the nodes its links go to, and the hierarchy has no cycle.
func (v *bareView) align() {
	v.stack = make([]bareFrame, 0, 64) // as deep as the longest path: it grows if need be
	for p := range int32(len(v.ids)) {
		if v.has(p, bareFlagSeen) {
			continue
		}
		v.flags[p] |= bareFlagSeen
		v.stack = append(v.stack[:0], bareFrame{p, v.off[p]})
		for len(v.stack) > 0 {
			f := &v.stack[len(v.stack)-1]
			if f.i < v.off[f.p+1] {
				to := v.links[f.i].v
				f.i++
				if !v.has(to, bareFlagSeen) {
					v.flags[to] |= bareFlagSeen
					v.stack = append(v.stack, bareFrame{to, v.off[to]})
				}
				continue
			}
			q := f.p
			v.stack = v.stack[:len(v.stack)-1]
			if v.levels[q] == outcome.CustomerOutcome {
				v.flags[q] |= bareFlagAligned
				continue
			}
			for _, e := range v.links[v.off[q]:v.off[q+1]] {
				if v.has(e.v, bareFlagAligned) {
					v.flags[q] |= bareFlagAligned
					break
				}
			}
		}
	}
}

// bareOptionNode checks the node an option names, if any: the model must have
// it, and the options must not hide its level.
func bareOptionNode(m hierarchy.Model, id, what string, hide [outcome.CustomerOutcome + 1]bool) error {
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
			"render: the node to %s, %q, is %s, a level the options hide", what, clip(id), bareArticle(node.Level))
	}
	return nil
}

// bareServes reports whether the node from contributes to the node to, directly
// or through others. Both are in the model.
func bareServes(m hierarchy.Model, from, to string) bool {
	below, _ := m.Descendants(to)
	for id := range below {
		if id == from {
			return true
		}
	}
	return false
}

// bareArticle returns a level's name with "a" or "an": "an Output".
func bareArticle(l outcome.Level) string {
	s := l.String()
	switch s[0] {
	case 'A', 'E', 'I', 'O', 'U':
		return "an " + s
	}
	return "a " + s
}

func (v *bareView) anyHidden() bool {
	for _, h := range v.hide {
		if h {
			return true
		}
	}
	return false
}

// bareMicro returns a link weight of a model in millionths. The hierarchy keeps
// weights so, with at most [hierarchy.WeightPlaces] (6) places and at most
// [hierarchy.MaxWeight] (10^12), so the exponent is at least -6 and the
// coefficient fits an int64.
func bareMicro(w decimal.Decimal) int64 {
	c, e := w.CoefficientInt64(), w.Exponent()
	for ; e > -hierarchy.WeightPlaces; e-- {
		c *= 10
	}
	return c
}

// bareExit is where a path through hidden nodes comes out: a node whose level is
// shown, and the weight of the paths to it, as in [bareEdge].
type bareExit struct {
	to int32
	w  int64
}

// bareSpan is the place of a hidden node's exits in bareRerouter.xs.
type bareSpan struct{ lo, hi int }

// bareRerouter works out the links to draw through hidden nodes (see
// [bareView.collapse]).
type bareRerouter struct {
	v *bareView
	// xs holds the exits of the hidden nodes worked out so far, one node's
	// after another (xs[spans[h].lo:spans[h].hi] are h's), and, past them,
	// those being gathered.
	xs    []bareExit
	spans []bareSpan
}

// bareFrame is a node on the stack of a depth-first search, and the place in
// bareView.links of the next of its links to follow.
type bareFrame struct{ p, i int32 }

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
// while they are (see [bareView.mulWeight]), and exact decimals in v.decs only
// when they are not.
func (v *bareView) collapse() {
	n := len(v.ids)
	r := &bareRerouter{v: v, xs: make([]bareExit, 0, len(v.links)), spans: make([]bareSpan, n)}
	// The exits the drawn nodes need, and, from them, at most how many
	// edges there are, so that the edges take one allocation.
	most := 0
	for u := range int32(n) {
		if !v.has(u, bareFlagDrawn) {
			continue
		}
		for _, e := range v.links[v.off[u]:v.off[u+1]] {
			if !v.hidden(e.v) {
				most++
				continue
			}
			if !v.has(e.v, bareFlagExits) {
				r.finish(e.v)
			}
			most += r.spans[e.v].hi - r.spans[e.v].lo
		}
	}
	v.edges = make([]bareEdge, 0, most)
	for u := range int32(n) {
		if !v.has(u, bareFlagDrawn) {
			continue
		}
		base := r.gather(u)
		for _, x := range r.xs[base:] {
			if v.has(x.to, bareFlagDrawn) {
				v.edges = append(v.edges, bareEdge{u: u, v: x.to, w: x.w})
			}
		}
		r.xs = r.xs[:base]
	}
}

// finish works out the exits of the hidden node h and of the hidden nodes
// it reaches through hidden nodes, those not worked out yet. The hierarchy
// has no cycle, so no node is on the stack twice.
func (r *bareRerouter) finish(h int32) {
	v := r.v
	v.stack = append(v.stack[:0], bareFrame{h, v.off[h]})
	for len(v.stack) > 0 {
		f := &v.stack[len(v.stack)-1]
		if f.i < v.off[f.p+1] {
			to := v.links[f.i].v
			f.i++
			if v.hidden(to) && !v.has(to, bareFlagExits) {
				v.stack = append(v.stack, bareFrame{to, v.off[to]})
			}
			continue
		}
		p := f.p
		v.stack = v.stack[:len(v.stack)-1]
		lo := r.gather(p)
		r.spans[p] = bareSpan{lo, len(r.xs)}
		v.flags[p] |= bareFlagExits
	}
}

// gather appends to xs the exits of node p, whose hidden targets' exits are
// worked out, and returns where they start: from each link of p, its target
// if shown, or the exits of its hidden target with the weights multiplied
// by the link's; then sorted by node and summed per node.
func (r *bareRerouter) gather(p int32) int {
	v := r.v
	base := len(r.xs)
	for _, e := range v.links[v.off[p]:v.off[p+1]] {
		if !v.hidden(e.v) {
			r.xs = append(r.xs, bareExit{e.v, e.w})
			continue
		}
		s := r.spans[e.v]
		for k := s.lo; k < s.hi; k++ {
			x := r.xs[k] // by index: append may move xs
			r.xs = append(r.xs, bareExit{x.to, v.mulWeight(e.w, x.w)})
		}
	}
	acc := r.xs[base:]
	slices.SortFunc(acc, func(a, b bareExit) int { return cmp.Compare(a.to, b.to) })
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
func (v *bareView) hidden(p int32) bool { return v.hide[v.levels[p]] }

// mulWeight returns the product of the weights a and b, each in millionths
// or, if negative, an index into v.decs (see [bareEdge]). The product of two
// whole numbers of millionths is a whole number of 10^-12; it stays in
// millionths when it is a whole number of them that fits an int64, and is
// otherwise an exact decimal, as is a product with a decimal.
func (v *bareView) mulWeight(a, b int64) int64 {
	switch {
	case a == bareUnitWeight:
		return b
	case b == bareUnitWeight:
		return a
	case a >= 0 && b >= 0:
		hi, lo := bits.Mul64(uint64(a), uint64(b))
		if hi < bareUnitWeight { // else the quotient needs more than 64 bits
			q, rem := bits.Div64(hi, lo, bareUnitWeight)
			if rem == 0 && q <= math.MaxInt64 {
				return int64(q)
			}
		}
	}
	return v.decWeight(v.weightDecimal(a).Mul(v.weightDecimal(b)))
}

// addWeight returns the sum of the weights a and b (see [bareView.mulWeight]):
// in millionths when both are and the sum fits an int64, and otherwise an
// exact decimal.
func (v *bareView) addWeight(a, b int64) int64 {
	if a >= 0 && b >= 0 {
		if s, _ := bits.Add64(uint64(a), uint64(b), 0); s <= math.MaxInt64 {
			return int64(s)
		}
	}
	return v.decWeight(v.weightDecimal(a).Add(v.weightDecimal(b)))
}

// weightDecimal returns the weight w (see [bareEdge]) as a decimal.
func (v *bareView) weightDecimal(w int64) decimal.Decimal {
	if w < 0 {
		return v.decs[-1-w]
	}
	return decimal.New(w, -hierarchy.WeightPlaces)
}

// decWeight returns the weight d in millionths if it is a whole number of
// them that fits, so that a weight has one form whatever the arithmetic
// that led to it, and otherwise keeps d in v.decs and returns its index
// (see [bareEdge]).
func (v *bareView) decWeight(d decimal.Decimal) int64 {
	if w, ok := bareExactMicro(d); ok {
		return w
	}
	k := len(v.decs)
	v.decs = append(v.decs, d)
	return -1 - int64(k)
}

// bareExactMicro returns d in millionths if it is a whole number of them that
// fits an int64. It judges the value, not its representation: 1 is 1000000
// whatever the exponent of d.
func bareExactMicro(d decimal.Decimal) (int64, bool) {
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

// bareDOT writes the hierarchy as a Graphviz graph in the DOT language, for
// `dot -Tsvg` and the tools that read DOT: rankdir=BT, one rank (rank=same)
// per level from the tasks at the bottom to the successful customer outcomes
// at the top, each row named by an invisible chain of level labels at its
// left, each node labelled with its name (or its ID if it has none), links
// labelled with their weights, orphans and successful customer outcomes that
// no work feeds marked in colour, and a legend of the marks used (a cluster).
// opts chooses what to show; see [DiagramOptions].
//
// It draws the same nodes, links and marks as [bareMermaid], in the same order,
// with the same node names (n0, n1, ...: the place of the node in the order
// it was added to the model); user text appears only inside quoted labels,
// escaped (see the package documentation), so that any name yields a valid
// graph. Errors, time and output are as for bareMermaid.
func bareDOT(w io.Writer, m hierarchy.Model, opts DiagramOptions) error {
	v, err := bareNewView(m, opts)
	if err != nil {
		return err
	}
	s := newSink(w)
	s.str("digraph hierarchy {")
	s.end()
	s.str("    rankdir=BT;")
	s.end()
	s.str(`    fontname="Helvetica";`)
	s.end()
	s.str(`    node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#555555", fontname="Helvetica"];`)
	s.end()
	s.str(`    edge [color="#555555", fontname="Helvetica", fontsize=10];`)
	s.end()
	prev := outcome.Level(0)
	for l := range outcome.Levels() {
		if v.drawn[l] == 0 {
			continue
		}
		s.str("    subgraph rank_" + levelKey(l) + " {")
		s.end()
		s.str("        rank=same;")
		s.end()
		s.str("        level_" + levelKey(l) + ` [label="` + levelTitle(l) + `", shape=plaintext, style=""];`)
		s.end()
		for p := range int32(len(v.ids)) {
			if v.levels[p] == l && v.has(p, bareFlagDrawn) {
				v.dotNode(s, p)
			}
		}
		s.str("    }")
		s.end()
		if prev != 0 {
			s.str("    level_" + levelKey(prev) + " -> level_" + levelKey(l) + " [style=invis];")
			s.end()
		}
		prev = l
	}
	for _, e := range v.edges {
		s.str("    n")
		s.buf = strconv.AppendInt(s.buf, int64(e.u), 10)
		s.str(" -> n")
		s.buf = strconv.AppendInt(s.buf, int64(e.v), 10)
		labelled, lit := v.labelled(e), v.lit(e)
		if labelled || lit {
			s.str(" [")
			if labelled {
				s.str(`label="`)
				s.buf = v.appendWeight(s.buf, e)
				s.byte1('"')
			}
			if labelled && lit {
				s.str(", ")
			}
			if lit {
				s.str(`color="` + colourLit + `", penwidth=3`)
			}
			s.byte1(']')
		}
		s.byte1(';')
		s.end()
	}
	v.dotLegend(s)
	s.byte1('}')
	s.end()
	return s.close()
}

// dotNode writes node p's statement, with its marks.
func (v *bareView) dotNode(s *sink, p int32) {
	s.str("        n")
	s.buf = strconv.AppendInt(s.buf, int64(p), 10)
	s.str(` [label="`)
	s.buf = appendDOT(s.buf, v.label(p))
	s.byte1('"')
	bareDotMarks(s, v.orphan(p), v.unsupported(p), v.has(p, bareFlagLit))
	s.str("];")
	s.end()
}

// bareDotMarks writes the attributes of a node's marks.
func bareDotMarks(s *sink, orphan, unsupported, lit bool) {
	switch {
	case orphan:
		s.str(`, fillcolor="` + colourOrphanFill + `"`)
		if !lit {
			s.str(`, color="` + colourOrphanLine + `"`)
		}
	case unsupported:
		s.str(`, fillcolor="` + colourUnsupportedFill + `", style="rounded,filled,dashed"`)
		if !lit {
			s.str(`, color="` + colourUnsupportedLine + `"`)
		}
	}
	if lit {
		s.str(`, color="` + colourLit + `", penwidth=3`)
	}
}

// dotLegend writes the legend as a cluster.
func (v *bareView) dotLegend(s *sink) {
	hidden := v.anyHidden()
	if !v.orphans && !v.undeliv && !v.highlight && !v.unlabelled && !hidden {
		return
	}
	s.str("    subgraph cluster_legend {")
	s.end()
	s.str(`        label="Legend";`)
	s.end()
	s.str(`        color="#999999";`)
	s.end()
	entry := func(key, text string, orphan, unsupported, lit bool) {
		s.str("        legend_" + key + ` [label="`)
		s.buf = appendDOT(s.buf, text)
		s.byte1('"')
		if !orphan && !unsupported && !lit {
			s.str(`, shape=plaintext, style=""`)
		}
		bareDotMarks(s, orphan, unsupported, lit)
		s.str("];")
		s.end()
	}
	if v.orphans {
		entry("orphan", legendOrphan, true, false, false)
	}
	if v.undeliv {
		entry("unsupported", legendUnsupported, false, true, false)
	}
	if v.highlight {
		entry("lit", legendLit, false, false, true)
	}
	if v.unlabelled {
		entry("weights", legendWeights, false, false, false)
	}
	if hidden {
		entry("hidden", legendHidden+v.hiddenText(), false, false, false)
	}
	s.str("    }")
	s.end()
}

// hiddenText returns the hidden levels as a phrase: "Tasks and Activities".
func (v *bareView) hiddenText() string {
	var names []string
	for l := range outcome.Levels() {
		if v.hide[l] {
			names = append(names, levelTitle(l))
		}
	}
	return words.And(names)
}

// bareMermaid writes the hierarchy as a bareMermaid flowchart ("flowchart BT"), which
// GitHub, GitLab and most wikis show as a picture: one subgraph per level,
// from the tasks at the bottom to the successful customer outcomes at the
// top, each node labelled with its name (or its ID if it has none), links
// labelled with their weights, orphans and successful customer outcomes that
// no work feeds marked in colour, and a legend of the marks used. opts
// chooses what to show; see [DiagramOptions].
//
// Nodes are named n0, n1, ... by their place in the order they were added to
// the model, whatever the options, and user text appears only inside quoted
// labels, escaped (see the package documentation), so that any name yields a
// valid diagram. Nodes come level by level, each level's in the order they
// were added; links in the order of [hierarchy.Model.Links] (re-routed links:
// by source in that order, then by target). The output depends on nothing
// but the model and the options.
//
// bareMermaid writes straight to w through a buffer, in time linear in the size
// of the hierarchy (with hidden levels, in the number of paths through
// them, summed per node). It returns an error, having written nothing, for
// options the model does not fit (codes [hierarchy.ErrUnknownNode],
// [ErrNodeNotShown], [ErrHiddenCustomerOutcomes], [outcome.ErrUnknownLevel],
// all reported together), and otherwise the first error w returned, as is.
//
// Renderers such as GitHub's refuse very large diagrams (by default bareMermaid
// draws at most 500 links); use [DiagramOptions.Serving] and
// [DiagramOptions.Hide] to draw a large hierarchy part by part.
func bareMermaid(w io.Writer, m hierarchy.Model, opts DiagramOptions) error {
	v, err := bareNewView(m, opts)
	if err != nil {
		return err
	}
	s := newSink(w)
	s.str("flowchart BT")
	s.end()
	for l := range outcome.Levels() {
		if v.drawn[l] == 0 {
			continue
		}
		s.str("    subgraph ")
		s.str(levelKey(l))
		s.str(`["`)
		s.str(levelTitle(l))
		s.str(`"]`)
		s.end()
		for p := range int32(len(v.ids)) {
			if v.levels[p] != l || !v.has(p, bareFlagDrawn) {
				continue
			}
			s.str("        n")
			s.buf = strconv.AppendInt(s.buf, int64(p), 10)
			s.str(`["`)
			s.buf = appendMermaid(s.buf, v.label(p))
			s.str(`"]`)
			s.end()
		}
		s.str("    end")
		s.end()
	}
	for _, e := range v.edges {
		s.str("    n")
		s.buf = strconv.AppendInt(s.buf, int64(e.u), 10)
		if v.labelled(e) {
			s.str(` -->|"`)
			s.buf = v.appendWeight(s.buf, e)
			s.str(`"| n`)
		} else {
			s.str(" --> n")
		}
		s.buf = strconv.AppendInt(s.buf, int64(e.v), 10)
		s.end()
	}
	v.mermaidLegend(s)
	return s.close()
}

// mermaidLegend writes the legend, the class definitions and the marks.
func (v *bareView) mermaidLegend(s *sink) {
	hidden := v.anyHidden()
	if !v.orphans && !v.undeliv && !v.highlight && !v.unlabelled && !hidden {
		return
	}
	s.str(`    subgraph legend["Legend"]`)
	s.end()
	entry := func(key, text string) {
		s.str("        legend_")
		s.str(key)
		s.str(`["`)
		s.buf = appendMermaid(s.buf, text)
		s.str(`"]`)
		s.end()
	}
	if v.orphans {
		entry("orphan", legendOrphan)
	}
	if v.undeliv {
		entry("unsupported", legendUnsupported)
	}
	if v.highlight {
		entry("lit", legendLit)
	}
	if v.unlabelled {
		entry("weights", legendWeights)
	}
	if hidden {
		entry("hidden", legendHidden+v.hiddenText())
	}
	s.str("    end")
	s.end()
	if v.orphans {
		s.str("    classDef orphan fill:" + colourOrphanFill + ",stroke:" + colourOrphanLine + ",color:#000000")
		s.end()
	}
	if v.undeliv {
		s.str("    classDef unsupported fill:" + colourUnsupportedFill + ",stroke:" + colourUnsupportedLine +
			",stroke-dasharray:5 5,color:#000000")
		s.end()
	}
	if v.highlight {
		s.str("    classDef lit stroke:" + colourLit + ",stroke-width:3px")
		s.end()
	}
	if v.unlabelled || hidden {
		s.str("    classDef note fill:#ffffff,stroke:#999999,color:#000000")
		s.end()
	}
	if v.orphans {
		v.mermaidClass(s, "orphan", v.orphan)
	}
	if v.undeliv {
		v.mermaidClass(s, "unsupported", v.unsupported)
	}
	if v.highlight {
		v.mermaidClass(s, "lit", func(p int32) bool { return v.has(p, bareFlagLit) })
	}
	if v.unlabelled || hidden {
		s.str("    class ")
		switch {
		case v.unlabelled && hidden:
			s.str("legend_weights,legend_hidden")
		case v.unlabelled:
			s.str("legend_weights")
		default:
			s.str("legend_hidden")
		}
		s.str(" note")
		s.end()
	}
	if v.highlight {
		n := 0
		for i, e := range v.edges {
			if !v.lit(e) {
				continue
			}
			if n%idsPerLine == 0 {
				if n > 0 {
					s.str(" stroke:" + colourLit + ",stroke-width:3px")
					s.end()
				}
				s.str("    linkStyle ")
			} else {
				s.byte1(',')
			}
			s.buf = strconv.AppendInt(s.buf, int64(i), 10)
			n++
		}
		if n > 0 {
			s.str(" stroke:" + colourLit + ",stroke-width:3px")
			s.end()
		}
	}
}

// mermaidClass writes "class" statements that give class name to the drawn
// nodes for which in is true, and to the legend's entry of that name.
func (v *bareView) mermaidClass(s *sink, name string, in func(int32) bool) {
	n := 0
	for p := range int32(len(v.ids)) {
		if !v.has(p, bareFlagDrawn) || !in(p) {
			continue
		}
		if n%idsPerLine == 0 {
			if n > 0 {
				s.str(" " + name)
				s.end()
			}
			s.str("    class ")
		} else {
			s.byte1(',')
		}
		s.byte1('n')
		s.buf = strconv.AppendInt(s.buf, int64(p), 10)
		n++
	}
	if n%idsPerLine == 0 {
		if n > 0 {
			s.str(" " + name)
			s.end()
		}
		s.str("    class ")
	} else {
		s.byte1(',')
	}
	s.str("legend_" + name + " " + name)
	s.end()
}
