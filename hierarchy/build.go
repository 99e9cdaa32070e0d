package hierarchy

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// The bits of graph.info.
const (
	reachMask uint8 = 0x07 // the highest level the node reaches
	hasOutput uint8 = 0x08 // an output is the node or lies beneath it
	isInput   uint8 = 0x10 // nothing feeds the node
	// undelivered marks a successful customer outcome that no work feeds:
	// no node below the customer outcomes is beneath it.
	undelivered uint8 = 0x20
)

// Build validates the nodes and links added so far and returns the [Model].
//
// It reports every problem it finds, each an *[outcome.Error] with its code
// and the IDs involved, sorted by those IDs (then by code): one problem is
// the error itself, and several are joined with [errors.Join] in that
// order, so that the same definition gives the same error whatever
// order it was added in. Two exceptions: a node without an ID is named by
// its position ("node #3"); and a link added by ID to or from an ID given to
// nodes at different levels is not checked for going down a level or for
// closing a cycle, since which of those nodes it joins depends on that order
// (a link added by position joins the nodes at its positions, and is
// checked):
//
//   - a node's ID: [outcome.ErrEmptyID], [outcome.ErrInvalidID] (see
//     [outcome.ValidateID]), [outcome.ErrDuplicateID];
//   - a node's level: [outcome.ErrUnknownLevel]; its name:
//     [outcome.ErrInvalidText] if it is not valid UTF-8 (JSON could not
//     carry it); its metric: [ErrMetricLevel], and
//     [outcome.ErrDuplicateID] if another node carries a different metric
//     with the same ID (nodes may share a metric, defined the same);
//   - a link: [ErrDanglingLink], [ErrSelfLink], [ErrDownwardLink],
//     [ErrDuplicateLink], [ErrNegativeWeight], [ErrInvalidWeight]; a link
//     given more than once is said once, with [ErrDuplicateLink] for the
//     repeats, also when it has a problem of its own (an unknown end, a
//     link to itself, a link down a level), which is then said once;
//   - [ErrCycle], once for every set of nodes that go round in circles,
//     naming the nodes of one shortest cycle through its smallest ID;
//   - [outcome.ErrInvalidJSON] and the problems of the metrics, for
//     definitions given to [Builder.AddJSON] (which says what of a
//     definition that does not decode is left unchecked);
//   - [ErrUnknownWarning] for a bad option, and the warnings that
//     [WarningsAsErrors] makes errors (also when another of its codes is
//     bad);
//   - [ErrTooLarge] for more nodes or links than a model holds: the nodes
//     and links are then not checked, but the options' problems and those
//     found while adding are reported with it.
//
// If there is any error, Build returns the zero Model. Otherwise the model's
// warnings ([ErrOrphan], [ErrUndeliveredOutcome], [ErrSkippedLevel],
// [ErrNoOutput]) are available from [Model.Warnings].
//
// Build takes time and memory linear in the numbers of nodes and links and
// makes a fixed number of allocations when the hierarchy is valid. Links
// added by position ([Builder.AddLinkAt]) build fastest: Build looks up no
// IDs for them. For a link added by ID, it finds the nodes at the ends by
// hashing, except for an end equal to the one before it, or to the ID of the
// node added after that one's; and links grouped by the node they leave, in
// the order the nodes were added (as [Model.MarshalJSON] writes them), are
// taken as they are, without sorting them into rows. So, of links added by
// ID, those in that order build fastest. With 131,072 links added by ID or
// more, and more than one processor (runtime.GOMAXPROCS), Build looks up
// their ends in as many goroutines, up to one for every 65,536 links, all of
// which end before it returns: the result is the same, and each goroutine
// costs a few allocations more. With every link added by position, 65,536
// nodes or more and more than one processor, Build checks the nodes and
// indexes their IDs (to find duplicates, and for queries by ID) in a
// goroutine of its own while it checks the graph, and waits for it before it
// returns, with the same result. The model shares the builder's
// slices of IDs and names (and of weights, for links in that order) when
// they have little spare capacity (see [Builder.Grow]), and copies them
// otherwise. Build does not add up the
// decimal places of the weights along paths: the first weighted-sum roll-up
// or attribution that needs them does, once, in time linear in the numbers
// of nodes and links.
func (b *Builder) Build(opts ...Option) (Model, error) {
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	var errs []*outcome.Error
	errs = append(errs, o.errs...)
	// The builder keeps its problems for the next Build: the caller gets
	// copies, to change as it will.
	for _, p := range b.problems {
		c := *p
		c.IDs = slices.Clone(p.IDs)
		errs = append(errs, &c)
	}

	n, m := len(b.ids), b.links
	if n >= math.MaxInt32 || m >= math.MaxInt32 {
		// The nodes and links are not checked, but the options' problems
		// and those found while adding are not hidden.
		return Model{}, joinSorted(append(errs, newError(ErrTooLarge, nil,
			"hierarchy: %d nodes and %d links are more than a model holds (%d each)", n, m, math.MaxInt32-1)))
	}
	ids, names, levels := compact(b.ids), compact(b.names), compact(b.levels)

	// The nodes: their IDs, levels and metrics, and the index of IDs (a
	// duplicate ID keeps its first position; dups gets the first position
	// of an ID, once per extra node with it). With every link added by
	// position, the graph needs no ID: the nodes are then checked and
	// indexed in a goroutine of its own while the graph is checked, and
	// their problems go where they would have gone (at nodesAt in errs).
	idx := newIndex(n)
	var dups []int32
	var nodeErrs []*outcome.Error
	total := 0 // the IDs' lengths
	checkNodes := func() {
		nodeErrs, total = b.nodeProblems(ids, levels)
		dups = idx.insertAll(ids, nil)
		nodeErrs = append(nodeErrs, duplicateErrors(ids, dups)...)
	}
	var checking chan struct{}
	nodesAt := -1
	if b.from == nil && n >= parallelNodes && runtime.GOMAXPROCS(0) > 1 {
		nodesAt = len(errs)
		checking = make(chan struct{})
		go func() {
			defer close(checking)
			checkNodes()
		}()
	} else {
		checkNodes()
		errs = append(errs, nodeErrs...)
	}
	// A link by ID to or from a duplicated ID goes to the ID's first node,
	// and which node is first depends on the order they were added in. If
	// the ID's nodes are at different levels, whether such a link goes down,
	// or closes a cycle, depends on that order too: so it is left out of the
	// graph, unchecked. dupAt marks the first node of a duplicated ID, and
	// mixedLevels that of one whose nodes are at different levels. (With
	// every link added by position, no link is by ID, and the index may
	// still be being built: dupAt stays nil.)
	var dupAt []uint8
	const duplicated, mixedLevels = 1, 2
	if nodesAt < 0 && len(dups) > 0 {
		dupAt = make([]uint8, n)
		for _, p := range dups {
			dupAt[p] = duplicated
		}
		for i, id := range ids {
			if p := idx.lookup(ids, id); p >= 0 && dupAt[p] != 0 && levels[i] != levels[p] {
				dupAt[p] = mixedLevels
			}
		}
	}

	// Links, resolved to positions; a link that cannot be part of the graph
	// gets src -1.
	src, dst := make([]int32, m), make([]int32, m)
	if b.from != nil {
		text := newIDText(ids, total)
		idx.lookupEnds(ids, text, len(dups) == 0, b.from, b.to, src, dst)
	}
	if b.fromAt != nil {
		atPositions(b.fromAt, int32(n), src)
		atPositions(b.toAt, int32(n), dst)
	}
	// Count the links from and to each node (in outOff[v+1] and inOff[v+1]),
	// and see whether the links come grouped by the node they leave, in the
	// nodes' order.
	outOff, inOff := make([]int32, n+1), make([]int32, n+1)
	grouped := true
	last := int32(0)
	if dupAt != nil {
		for i, f := range src {
			t := dst[i]
			if f >= 0 && t >= 0 && f != t && (dupAt[f] == mixedLevels || dupAt[t] == mixedLevels) &&
				(b.fromAt == nil || b.fromAt[i] == byID) {
				src[i] = leftOut
			}
		}
	}
	// The links left out of the graph for a problem of their own, each with
	// its problem.
	var badLinks []badLink
	for i := range m {
		f, t := src[i], dst[i]
		if f < 0 || t < 0 || f == t {
			if from, to, ok := b.linkEnds(i, ids); ok && f != leftOut && !b.unnamedEnd(i, f, t) {
				badLinks = append(badLinks, badLink{badEndError(from, to, f, t), f, t})
			}
			src[i] = -1
			grouped = false
			continue
		}
		if lf, lt := levels[f], levels[t]; lf > lt && lf.IsValid() && lt.IsValid() {
			badLinks = append(badLinks, badLink{newError(ErrDownwardLink, []string{ids[f], ids[t]},
				"hierarchy: link %q -> %q goes down from %s to %s", clip(ids[f]), clip(ids[t]), lf, lt), f, t})
			src[i] = -1
			grouped = false
			continue
		}
		if f < last {
			grouped = false
		}
		last = f
		outOff[f+1]++
		inOff[t+1]++
	}
	errs = append(errs, badLinkErrors(badLinks)...)

	// Both directions in compressed sparse rows: the rows from the nodes
	// each in the order its links were added, the rows to the nodes filled
	// from those, so each in the nodes' order, whatever order the links were
	// added in. If every link is in the graph and the links come grouped by
	// the node they leave in the nodes' order, the rows from the nodes are
	// the links as they are. Otherwise, with outOff[v] the start of v's row,
	// place each link there and move the start on; outOff[v] is then the end
	// of v's row, the start of the next, and the offsets need only moving up
	// one place. So for the rows to the nodes.
	for v := range n {
		outOff[v+1] += outOff[v]
		inOff[v+1] += inOff[v]
	}
	k := outOff[n]
	var outTgt []int32
	var weights []int64
	if grouped {
		outTgt = dst
		if b.weights != nil {
			weights = compact(b.weights[:m])
		}
	} else {
		outTgt = make([]int32, k)
		if b.weights != nil {
			weights = make([]int64, k)
		}
		for i, f := range src {
			if f < 0 {
				continue
			}
			p := outOff[f]
			outOff[f]++
			outTgt[p] = dst[i]
			if weights != nil {
				weights[p] = b.weights[i]
			}
		}
		if n > 0 {
			copy(outOff[1:], outOff[:n])
			outOff[0] = 0
		}
	}
	inSrc := make([]int32, k)
	for f := range int32(n) {
		for _, t := range outTgt[outOff[f]:outOff[f+1]] {
			inSrc[inOff[t]] = f
			inOff[t]++
		}
	}
	if n > 0 {
		copy(inOff[1:], inOff[:n])
		inOff[0] = 0
	}
	src, dst = nil, nil

	// Duplicate links. A short row is checked against itself; in a long one,
	// work[t] = u+1 marks a link u -> t already seen.
	work := make([]uint32, n)
	var dupLinks [][2]int32
	for u := range int32(n) {
		row := outTgt[outOff[u]:outOff[u+1]]
		if len(row) <= shortRow {
			for i := 1; i < len(row); i++ {
				if slices.Contains(row[:i], row[i]) {
					dupLinks = append(dupLinks, [2]int32{u, row[i]})
				}
			}
			continue
		}
		for _, t := range row {
			if work[t] == uint32(u)+1 {
				dupLinks = append(dupLinks, [2]int32{u, t})
				continue
			}
			work[t] = uint32(u) + 1
		}
	}
	errs = append(errs, duplicateLinkErrors(ids, dupLinks)...)

	// Kahn's algorithm, first in first out, the sources in the order they
	// were added. work[v] holds the number of v's links still to take and,
	// in its top bit (kahnOutput), whether an output is v or beneath it,
	// which the pass carries upward; a node's info gets the bit once the
	// node is ordered, and its level for now in the bits of the level it
	// reaches. A customer outcome that no node of work feeds directly is
	// marked undelivered; fedByOutcomes says whether one of them is fed by
	// other customer outcomes, which may have work beneath them.
	order := make([]int32, n)
	info := make([]uint8, n)
	tail := 0
	fedByOutcomes := false
	for v := range int32(n) {
		d := uint32(inOff[v+1] - inOff[v])
		l := levels[v]
		if l == outcome.Output {
			d |= kahnOutput
		}
		work[v] = d
		info[v] = uint8(l) & reachMask
		if l == outcome.CustomerOutcome && !fedByWork(levels, inSrc[inOff[v]:inOff[v+1]]) {
			info[v] |= undelivered
			fedByOutcomes = fedByOutcomes || d != 0
		}
		if d&^kahnOutput == 0 {
			info[v] |= isInput | uint8(d>>31)*hasOutput
			order[tail] = v
			tail++
		}
	}
	for head := 0; head < tail; head++ {
		u := order[head]
		bit := uint32(info[u]&hasOutput) << (31 - 3)
		for _, t := range outTgt[outOff[u]:outOff[u+1]] {
			d := (work[t] - 1) | bit
			work[t] = d
			if d&^kahnOutput == 0 {
				info[t] |= uint8(d>>31) * hasOutput
				order[tail] = t
				tail++
			}
		}
	}
	if tail < n {
		errs = append(errs, cycleErrors(ids, outOff, outTgt, work)...)
	}
	if nodesAt >= 0 {
		<-checking
		errs = slices.Insert(errs, nodesAt, nodeErrs...)
	}
	if len(errs) > len(o.errs) {
		// A problem of the hierarchy: its warnings are not looked for. The
		// options' own problems (first in errs) do not stop them.
		return Model{}, joinSorted(errs)
	}

	// A customer outcome fed only by customer outcomes is delivered if one
	// of them is: in topological order, they are settled before it.
	if fedByOutcomes {
		for _, u := range order {
			if info[u]&undelivered == 0 {
				continue
			}
			for _, f := range inSrc[inOff[u]:inOff[u+1]] {
				if info[f]&undelivered == 0 {
					info[u] &^= undelivered
					break
				}
			}
		}
	}

	// The highest level each node reaches, in reverse topological order: a
	// node reaches its own level and whatever the nodes it feeds reach.
	for i := n - 1; i >= 0; i-- {
		u := order[i]
		r := info[u]
		for _, t := range outTgt[outOff[u]:outOff[u+1]] {
			r = max(r, r&^reachMask|info[t]&reachMask)
		}
		info[u] = r
	}

	g := &graph{
		ids: ids, names: names, levels: levels, idx: idx,
		outOff: outOff, outTgt: outTgt, weights: weights, fractional: b.fractional,
		inOff: inOff, inSrc: inSrc, order: order, info: info,
		metricAt: slices.Clip(b.metricAt), metrics: slices.Clip(b.metrics),
	}
	if o.promoteAll || len(o.promote) > 0 {
		for _, w := range g.warnings(o.promotes) {
			w.Severity = outcome.SeverityError
			errs = append(errs, w)
		}
	}
	if len(errs) > 0 {
		return Model{}, joinSorted(errs)
	}
	return Model{g: g}, nil
}

// nodeProblems returns the problems of the nodes, in their order: an ID that
// is not valid, a level that is not valid (but one left unread from JSON,
// already reported), then each metric of another level than its node's, and
// each metric ID carried by nodes whose metrics differ; and the sum of the
// IDs' lengths.
func (b *Builder) nodeProblems(ids []string, levels []outcome.Level) (errs []*outcome.Error, total int) {
	for i, id := range ids {
		total += len(id)
		if !plainID(id) {
			if err := outcome.ValidateID(id); err != nil {
				errs = append(errs, idError(i, id, err))
			}
		}
		if !levels[i].IsValid() && !b.levelUnread[i] {
			errs = append(errs, levelError(id, b.levelText[i]))
		}
	}
	for k, at := range b.metricAt {
		if l, ml := levels[at], b.metrics[k].Level(); l.IsValid() && ml != l {
			errs = append(errs, newError(ErrMetricLevel, []string{ids[at], b.metrics[k].ID()},
				"hierarchy: node %q is at level %s, but its metric %q measures level %s",
				clip(ids[at]), l, clip(b.metrics[k].ID()), ml))
		}
	}
	return append(errs, metricConflicts(ids, b.metricAt, b.metrics)...), total
}

// fedByWork reports whether one of the nodes at positions from (the nodes
// feeding a customer outcome) is a node of work, below the customer outcomes.
func fedByWork(levels []outcome.Level, from []int32) bool {
	for _, f := range from {
		if levels[f] != outcome.CustomerOutcome {
			return true
		}
	}
	return false
}

// leftOut marks, in Build's src, a link left out of the graph without a
// problem of its own: one by ID to or from an ID at mixed levels.
const leftOut = -2

// kahnOutput is the bit of a node's work in Build's Kahn pass that says an
// output is the node or lies beneath it; the bits below count its links
// still to take.
const kahnOutput = 1 << 31

// growthOf returns the most decimal places that the weights along any path
// of links add up to, taking the nodes in reverse topological order (order):
// each node's places are the most of its links' weights' places plus their
// targets' places. A weighted sum rolled up along that path gains that many
// places.
func growthOf(order, outOff, outTgt []int32, weights []int64) int32 {
	up := make([]int32, len(order))
	most := int32(0)
	for i := len(order) - 1; i >= 0; i-- {
		u := order[i]
		own := int32(0)
		for p := outOff[u]; p < outOff[u+1]; p++ {
			if d := up[outTgt[p]] + weightPlaces(weights[p]); d > own {
				own = d
			}
		}
		up[u] = own
		most = max(most, own)
	}
	return most
}

// weightPlaces returns the decimal places of a weight in millionths.
func weightPlaces(w int64) int32 {
	switch r := w % weightScale; {
	case r == 0:
		return 0
	case r%100_000 == 0:
		return 1
	case r%10_000 == 0:
		return 2
	case r%1000 == 0:
		return 3
	case r%100 == 0:
		return 4
	case r%10 == 0:
		return 5
	}
	return 6
}

// shortRow is the longest row of links that Build checks for duplicates by
// comparing its links with each other rather than by marking their targets.
const shortRow = 16

// compact returns s without spare capacity, copying it if the spare capacity
// is more than an eighth of its length.
func compact[T any](s []T) []T {
	if cap(s)-len(s) > len(s)/8 {
		return slices.Clone(s)
	}
	return s[:len(s):len(s)]
}

// plainID reports whether id is certainly valid: 1 to [outcome.MaxIDLen]
// printable ASCII bytes, not starting or ending with a space. Other IDs are
// checked by [outcome.ValidateID].
func plainID(id string) bool {
	if len(id) == 0 || len(id) > outcome.MaxIDLen || id[0] == ' ' || id[len(id)-1] == ' ' {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// idError restates an outcome.ValidateID error for the node at position i.
func idError(i int, id string, err error) *outcome.Error {
	var e *outcome.Error
	if !errors.As(err, &e) || e.Code == outcome.ErrEmptyID {
		if id == "" {
			return newError(outcome.ErrEmptyID, nil, "hierarchy: node #%d has an empty id", i)
		}
		return newError(outcome.ErrEmptyID, nil, "hierarchy: node #%d has an id of only white space %q", i, clip(id))
	}
	return newError(e.Code, []string{id}, "hierarchy: node %s", strings.TrimPrefix(e.Message, "outcome: "))
}

// levelError reports a node without a valid level; text is what JSON gave.
func levelError(id, text string) *outcome.Error {
	if text != "" {
		return newError(outcome.ErrUnknownLevel, []string{id},
			"hierarchy: node %q has an unknown level %q", clip(id), clip(text))
	}
	return newError(outcome.ErrUnknownLevel, []string{id}, "hierarchy: node %q has no valid level", clip(id))
}

// atPositions sets out[i] to at[i] for every link added by position, or to
// -1 if no node of the n has that position.
func atPositions(at []int32, n int32, out []int32) {
	for i, p := range at {
		switch {
		case p == byID:
		case p >= 0 && p < n:
			out[i] = p
		default:
			out[i] = -1
		}
	}
}

// linkEnds returns how messages name the ends of link i: by their IDs, or
// for a link added by position, by the IDs of the nodes at those positions
// or as the positions ("#7"). ok is false if the link names a position that
// no node can have, which was reported when it was added.
func (b *Builder) linkEnds(i int, ids []string) (from, to string, ok bool) {
	if b.fromAt == nil || b.fromAt[i] == byID {
		return b.from[i], b.to[i], true
	}
	f, t := b.fromAt[i], b.toAt[i]
	if f == lostAt || t == lostAt {
		return "", "", false
	}
	name := func(p int32) string {
		if p >= 0 && int(p) < len(ids) {
			return ids[p]
		}
		return posName(int(p))
	}
	return name(f), name(t), true
}

// unnamedEnd reports whether link i, whose ends are at positions f and t
// (-1 for an unknown node), is one added by ID with an unknown end while a
// node from JSON had no ID that could be read ([Builder.AddJSON]): the
// unknown end may be that node, so the link is not reported.
func (b *Builder) unnamedEnd(i int, f, t int32) bool {
	return b.unnamed && (f < 0 || t < 0) && (b.fromAt == nil || b.fromAt[i] == byID)
}

// badEndError reports a link with an unknown end (f or t is -1) or a link
// from a node to itself.
func badEndError(from, to string, f, t int32) *outcome.Error {
	ids := []string{from, to}
	switch {
	case f < 0 && t < 0:
		return newError(ErrDanglingLink, ids,
			"hierarchy: link %q -> %q joins two unknown nodes", clip(from), clip(to))
	case f < 0:
		return newError(ErrDanglingLink, ids,
			"hierarchy: link %q -> %q comes from an unknown node", clip(from), clip(to))
	case t < 0:
		return newError(ErrDanglingLink, ids,
			"hierarchy: link %q -> %q goes to an unknown node", clip(from), clip(to))
	}
	return newError(ErrSelfLink, ids, "hierarchy: node %q links to itself", clip(from))
}

// duplicateErrors reports each duplicated ID once; dups holds the first
// position of an ID once for every other node with that ID.
func duplicateErrors(ids []string, dups []int32) []*outcome.Error {
	if len(dups) == 0 {
		return nil
	}
	slices.Sort(dups)
	var errs []*outcome.Error
	for i := 0; i < len(dups); {
		j := i + 1
		for j < len(dups) && dups[j] == dups[i] {
			j++
		}
		id := ids[dups[i]]
		errs = append(errs, newError(outcome.ErrDuplicateID, []string{id},
			"hierarchy: node id %q is given to %d nodes", clip(id), j-i+1))
		i = j
	}
	return errs
}

// badLink is a link left out of the graph for a problem of its own, err,
// which names its ends: the positions of its ends, -1 for an unknown node.
type badLink struct {
	err  *outcome.Error
	f, t int32
}

// badLinkErrors returns the problems of the links left out of the graph,
// bad (in the order of the links): each once, as its first link has it,
// and for a link given again (the same nodes at its ends, by position,
// whether it was added by ID or by position, as the graph's duplicate links
// are found; an unknown node by the same name) a problem with code
// [ErrDuplicateLink] after it, as a duplicate link of the graph has, rather
// than the same problem again. Links between other nodes that share the
// IDs (a duplicated ID) are other links, each with its problem.
func badLinkErrors(bad []badLink) []*outcome.Error {
	errs := make([]*outcome.Error, 0, len(bad))
	if len(bad) < 2 {
		for _, l := range bad {
			errs = append(errs, l.err)
		}
		return errs
	}
	// A link's ends: their positions and names (an unknown node's name;
	// a node's is its ID, the same for the same position).
	type ends struct {
		f, t         int32
		fname, tname string
	}
	first := make(map[ends]int, len(bad)) // a link's ends: its index in out
	var out []*outcome.Error
	var times []int // by index in out: how many times it is given
	for _, l := range bad {
		k := ends{l.f, l.t, l.err.IDs[0], l.err.IDs[1]}
		if i, ok := first[k]; ok {
			times[i]++
			continue
		}
		first[k] = len(out)
		out = append(out, l.err)
		times = append(times, 1)
	}
	for i, e := range out {
		errs = append(errs, e)
		if times[i] > 1 {
			f, t := e.IDs[0], e.IDs[1]
			errs = append(errs, newError(ErrDuplicateLink, []string{f, t},
				"hierarchy: link %q -> %q is given %d times", clip(f), clip(t), times[i]))
		}
	}
	return errs
}

// duplicateLinkErrors reports each duplicated link once; dups holds the link
// once for every time it is given after the first.
func duplicateLinkErrors(ids []string, dups [][2]int32) []*outcome.Error {
	if len(dups) == 0 {
		return nil
	}
	slices.SortFunc(dups, func(a, b [2]int32) int {
		if c := a[0] - b[0]; c != 0 {
			return int(c)
		}
		return int(a[1] - b[1])
	})
	var errs []*outcome.Error
	for i := 0; i < len(dups); {
		j := i + 1
		for j < len(dups) && dups[j] == dups[i] {
			j++
		}
		f, t := ids[dups[i][0]], ids[dups[i][1]]
		errs = append(errs, newError(ErrDuplicateLink, []string{f, t},
			"hierarchy: link %q -> %q is given %d times", clip(f), clip(t), j-i+1))
		i = j
	}
	return errs
}

// maxCycleShown bounds the number of nodes a cycle's message names.
const maxCycleShown = 8

// cycleErrors reports the cycles among the nodes that Kahn's algorithm could
// not order (those with links to them left): one error for every strongly connected
// component of two or more of them, naming a shortest cycle through the
// component's smallest ID.
func cycleErrors(ids []string, outOff, outTgt []int32, work []uint32) []*outcome.Error {
	n := int32(len(ids))
	left := func(v int32) bool { return work[v]&^kahnOutput > 0 }

	// Tarjan's strongly connected components, without recursion.
	const unvisited = -1
	num := make([]int32, n)
	low := make([]int32, n)
	comp := make([]int32, n) // component number + 1 of a node in a cycle, else 0
	for v := range num {
		num[v] = unvisited
	}
	onStack := make([]bool, n)
	var stack []int32
	type frame struct{ v, p int32 }
	var calls []frame
	var counter, comps int32
	var roots []int32 // the smallest ID of every cyclic component
	for r := range n {
		if !left(r) || num[r] != unvisited {
			continue
		}
		num[r], low[r] = counter, counter
		counter++
		stack = append(stack, r)
		onStack[r] = true
		calls = append(calls, frame{r, outOff[r]})
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			if f.p < outOff[f.v+1] {
				w := outTgt[f.p]
				f.p++
				switch {
				case !left(w):
				case num[w] == unvisited:
					num[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{w, outOff[w]})
				case onStack[w]:
					low[f.v] = min(low[f.v], num[w])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				p := calls[len(calls)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] != num[v] {
				continue
			}
			i := len(stack) - 1
			for stack[i] != v {
				i--
			}
			members := stack[i:]
			stack = stack[:i]
			for _, w := range members {
				onStack[w] = false
			}
			if len(members) < 2 {
				continue
			}
			comps++
			root := members[0]
			for _, w := range members {
				comp[w] = comps
				if ids[w] < ids[root] {
					root = w
				}
			}
			roots = append(roots, root)
		}
	}

	// A shortest cycle through each root: breadth first within its
	// component, the neighbours of each node taken in ID order. Each
	// component has one root and its search stays within it, so prev needs
	// no clearing between searches, and all of them together take time
	// linear in the components (clearing prev for each cycle made a model
	// of 1M nodes and 100k cycles take about 35 s).
	prev := make([]int32, n)
	for v := range prev {
		prev[v] = unvisited
	}
	var errs []*outcome.Error
	var reached, next []int32 // reached: the search's queue, every node it reached
	for _, s := range roots {
		c := comp[s]
		reached = append(reached[:0], s)
		prev[s] = s
		last := int32(unvisited)
		for h := 0; h < len(reached) && last == unvisited; h++ {
			v := reached[h]
			next = next[:0]
			for _, w := range outTgt[outOff[v]:outOff[v+1]] {
				if comp[w] == c {
					next = append(next, w)
				}
			}
			slices.SortFunc(next, func(a, b int32) int { return strings.Compare(ids[a], ids[b]) })
			for _, w := range next {
				if w == s {
					last = v
					break
				}
				if prev[w] == unvisited {
					prev[w] = v
					reached = append(reached, w)
				}
			}
		}
		var path []string
		for v := last; ; v = prev[v] {
			path = append(path, ids[v])
			if v == s {
				break
			}
		}
		slices.Reverse(path)
		errs = append(errs, newError(ErrCycle, path, "hierarchy: cycle %s", cycleText(path)))
	}
	return errs
}

// cycleText writes a cycle as "a" -> "b" -> "a", naming at most
// maxCycleShown nodes.
func cycleText(path []string) string {
	if len(path) > maxCycleShown {
		return pathText(path)
	}
	return pathText(path) + fmt.Sprintf(" -> %q", clip(path[0]))
}

// pathText writes a path as "a" -> "b" -> "c", naming at most maxCycleShown
// nodes, then "-> ... (12 nodes)".
func pathText(path []string) string {
	var sb strings.Builder
	for i, id := range path {
		if i == maxCycleShown {
			fmt.Fprintf(&sb, " -> ... (%d nodes)", len(path))
			break
		}
		if i > 0 {
			sb.WriteString(" -> ")
		}
		fmt.Fprintf(&sb, "%q", clip(id))
	}
	return sb.String()
}

// sortProblems sorts problems by their IDs, then by code, keeping the order
// of those that tie.
func sortProblems(ps []*outcome.Error) {
	slices.SortStableFunc(ps, func(a, b *outcome.Error) int {
		if c := slices.Compare(a.IDs, b.IDs); c != 0 {
			return c
		}
		return strings.Compare(string(a.Code), string(b.Code))
	})
}

// joinSorted sorts problems and returns them as one error ([msg.Join]):
// nil if there is none, the one itself if there is one, and otherwise all
// of them joined with [errors.Join] in their sorted order.
func joinSorted(ps []*outcome.Error) error {
	sortProblems(ps)
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return msg.Join(errs...)
}

// metricConflicts returns an error for each metric ID carried by nodes
// whose metrics differ, naming the ID and every node that carries it, sorted,
// so that the error is the same whatever order the nodes were added in:
// metrics[k] is the metric of the node at metricAt[k].
func metricConflicts(ids []string, metricAt []int32, metrics []outcome.Metric) []*outcome.Error {
	if len(metrics) < 2 {
		return nil
	}
	var errs []*outcome.Error
	first := make(map[string]int, len(metrics)) // a metric ID's first k
	differ := make(map[string]bool)
	for k, mt := range metrics {
		if j, ok := first[mt.ID()]; !ok {
			first[mt.ID()] = k
		} else if !mt.Equal(metrics[j]) {
			differ[mt.ID()] = true
		}
	}
	if len(differ) == 0 {
		return nil
	}
	carriers := make(map[string][]string, len(differ))
	for k, mt := range metrics {
		if differ[mt.ID()] {
			carriers[mt.ID()] = append(carriers[mt.ID()], ids[metricAt[k]])
		}
	}
	for id, nodes := range carriers {
		slices.Sort(nodes)
		errs = append(errs, newError(outcome.ErrDuplicateID, append([]string{id}, nodes...),
			"hierarchy: metric ID %q names different metrics, carried by nodes %s", clip(id), quoteList(nodes)))
	}
	return errs
}
