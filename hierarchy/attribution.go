package hierarchy

import (
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// Contribution is one node's part in another node's change.
type Contribution struct {
	// ID is the contributing node's.
	ID string `json:"id"`
	// Amount is its part of the change: positive where it pushed the value
	// up, negative where it pulled it down.
	Amount decimal.Decimal `json:"amount"`
}

// Equal reports whether c and o are the same contribution, field by field:
// the same ID, and amounts equal by value (1.0 equals 1.00), as they read
// back from JSON.
func (c Contribution) Equal(o Contribution) bool { return c.ID == o.ID && c.Amount.Equal(o.Amount) }

// Attribution explains one node's change between two periods: which of the
// measured nodes beneath it moved it, and by how much. [Model.Attribute]
// makes it.
type Attribution struct {
	// ID is the ID of the node whose change is explained.
	ID string `json:"id"`
	// Before and After are the node's weighted-sum values in the two
	// periods; Change is After - Before.
	Before decimal.Decimal `json:"before"`
	After  decimal.Decimal `json:"after"`
	Change decimal.Decimal `json:"change"`
	// Contributions holds every measured node beneath (the node itself, if
	// it is measured) whose contribution is not zero: the weight of all its
	// paths up to the node times its own change. They add up exactly to
	// Change. They are ranked by size (absolute value), largest first, then
	// by ID.
	Contributions []Contribution `json:"contributions"`
}

// Equal reports whether a and o explain the same change, field by field:
// the same ID, decimals by value (1.0 equals 1.00) and the same
// contributions in the same order, each by [Contribution.Equal]. No
// contributions, nil or empty, are equal: [Attribution.MarshalJSON] writes
// both [].
func (a Attribution) Equal(o Attribution) bool {
	return a.ID == o.ID && a.Before.Equal(o.Before) && a.After.Equal(o.After) && a.Change.Equal(o.Change) &&
		slices.EqualFunc(a.Contributions, o.Contributions, Contribution.Equal)
}

// Increases returns the at most k largest positive contributions, largest
// first.
func (a Attribution) Increases(k int) []Contribution { return a.pick(k, 1) }

// Decreases returns the at most k largest negative contributions, largest
// (most negative) first.
func (a Attribution) Decreases(k int) []Contribution { return a.pick(k, -1) }

func (a Attribution) pick(k, sign int) []Contribution {
	var out []Contribution
	for _, c := range a.Contributions {
		if len(out) >= k {
			break
		}
		if c.Amount.Sign() == sign {
			out = append(out, c)
		}
	}
	return out
}

// Attribute explains the change of the node with the given ID (typically a
// successful customer outcome or a business outcome) between two periods,
// whose measured values are before and after, under the weighted-sum
// roll-up ([WeightedSum]).
//
// A weighted sum is linear: the node's value is the sum, over the measured
// nodes beneath it, of each one's value times the weight of all its paths up
// (the sum, over the paths, of the product of the weights along each). So its
// change splits exactly into each measured node's change times that weight,
// and the contributions add up to the change to the last decimal place. The
// measured nodes beneath are those reached going down from the node without
// passing another measured node.
//
// Both periods must measure the same nodes beneath ([ErrMeasuredDiffer]);
// an input beneath with no value in a period is an error ([ErrMissingValue])
// unless [MissingAsZero] makes it zero. Other errors are those of
// [Model.RollUp] for a weighted sum, and [ErrUnknownNode].
//
// It reports every problem of its arguments together, in this order (one
// problem as itself, several joined with [errors.Join]): an ID the model does not hold
// ([ErrUnknownNode]); a value set made by a model with other node IDs, or
// by none ([ErrForeignValues]), before's then after's, said once if both
// have the same problem; and, once both sets are the model's, weights and
// places beyond the precision it computes in ([ErrRollUpPrecision], which
// does not depend on the node). Then, for a node the model holds and sets
// of the model, the nodes beneath measured in one period only
// ([ErrMeasuredDiffer]) and the inputs beneath with no value
// ([ErrMissingValue]), both, in that order, after the precision's problem
// if there is one (neither depends on the precision). With any of these
// problems it computes nothing, and looks for none of the overflows below.
//
// Like the roll-up, it computes in 128-bit fixed point, exactly: the node's
// values before and after, its change, each contribution, and the weight of
// the paths up from each node beneath must fit (about 1.7·10^38 units of the
// last place), or it fails with [ErrRollUpOverflow]. A path weight beyond
// it is reported for each node whose path weight is beyond it when worked
// out from what is known of the path weights it is made of (those of the
// nodes it links to, beneath the node attributed: a path weight beyond the
// bound counts as 0, and one unknown as its known part, a lower bound, as
// weights are never negative), naming the node, in the order of their IDs;
// one alone is the error itself. So the overflow reported is the node's
// own, whatever the others'. A node whose known part fits but that links,
// by a weight above 0, to a node whose path weight is beyond the bound or
// unknown has an unknown path weight, and is not reported: it may be beyond
// the bound because of the other, or not (a link of 0.000001 scales the
// other down); a link of weight 0 adds nothing, and does not make it so. With a path
// weight beyond the bound, the contributions and
// the values are unknown, and are not looked at. Otherwise every
// contribution beyond it is reported, each naming its node and the node attributed, in the order
// of their nodes' IDs; then the node's value before or after, if beyond
// it (one problem for both); then, only when there is neither problem, its
// change (the change is the sum of the contributions, so with one of them
// beyond the bound it would often be said again). The products and partial
// sums that make up a value may pass that bound, since values of opposite
// signs cancel.
//
// It takes time and memory linear in the part of the hierarchy beneath the
// node (its nodes and their links), plus the sort of the contributions,
// whatever the size of the model, so that attributing each of many nodes in
// turn costs what each reaches. Sets of another model with the same node IDs
// are first checked to hold them, in time linear in the model's nodes.
func (m Model) Attribute(id string, before, after *Values, opts ...RollUpOption) (Attribution, error) {
	var o rollUpOptions
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	g := m.graph()
	x, err := g.attributeArgs(id, before, after)
	if x < 0 {
		return Attribution{}, err
	}
	// err is nil or the precision's problem alone, which does not stop the
	// pass beneath: the nodes measured and the inputs with no value do not
	// depend on it.
	measured := func(u int32) bool { return before.isSet(u) || after.isSet(u) }

	// The part beneath x: breadth first down the links, not below measured
	// nodes (other than x) nor below nodes nothing feeds. local gives each
	// node of sub its index in sub, in time and memory in proportion to
	// sub, not to the model (posIndex).
	local := newPosIndex(len(g.ids))
	sub := []int32{x}
	local.add(x, 0)
	// A measured node's value does not depend on the nodes beneath it.
	expands := func(u int32) bool { return !measured(u) }
	var differ, missing []string
	for i := 0; i < len(sub); i++ {
		u := sub[i]
		if before.isSet(u) != after.isSet(u) {
			differ = append(differ, g.ids[u])
		}
		if !expands(u) {
			continue
		}
		if g.inOff[u] == g.inOff[u+1] && !o.missingAsZero {
			missing = append(missing, g.ids[u])
		}
		for _, c := range g.inSrc[g.inOff[u]:g.inOff[u+1]] {
			if local.add(c, int32(len(sub))) {
				sub = append(sub, c)
			}
		}
	}
	if errDiffer, errMissing := beneathProblems(id, differ, missing); err != nil || errDiffer != nil || errMissing != nil {
		return Attribution{}, msg.Join(err, errDiffer, errMissing)
	}

	// The weight of all paths from each node of sub up to x, in fixed
	// point at the weights' growth, in reverse topological order within
	// sub: a node is done once every node it feeds in sub is.
	pending := make([]int32, len(sub))
	for i, u := range sub {
		for _, t := range g.outTgt[g.outOff[u]:g.outOff[u+1]] {
			if _, in := local.get(t); in && expands(t) {
				pending[i]++
			}
		}
	}
	// A path weight beyond the bound is unknown (its coef is 0), and so is
	// that of every node that feeds one by a link of weight above 0 (lost,
	// by index in sub, made at the first; its coef is the part of its path
	// weight that is known, a lower bound, as weights are never negative).
	// A node's path weight is worked out from the coefs of the nodes it
	// links to: if that alone is beyond the bound, the overflow is the
	// node's own, whatever the others', and it is reported (over); if not,
	// but the node feeds an unknown one, its path weight is unknown because
	// of another's, and it is not.
	one, _ := i128From(1).scaleUp(g.placesGrowth()) // 10^growth, growth <= maxScale
	coef := make([]i128, len(sub))
	queue := make([]int32, 0, len(sub))
	queue = append(queue, x)
	var lost []bool
	var over []int32
	for head := 0; head < len(queue); head++ {
		u := queue[head]
		i, _ := local.get(u) // u is in sub
		c := one
		if u != x {
			var overflow bool
			c, overflow = g.pathWeight(u, coef, &local, expands)
			switch {
			case overflow:
				if lost == nil {
					lost = make([]bool, len(sub))
				}
				lost[i] = true
				over = append(over, u)
			case lost != nil && g.feedsLost(u, lost, &local, expands):
				lost[i] = true // c, what is known of it, a lower bound
			}
		}
		coef[i] = c
		if !expands(u) {
			continue
		}
		for _, w := range g.inSrc[g.inOff[u]:g.inOff[u+1]] {
			j, _ := local.get(w) // what feeds a node expanded is in sub
			if pending[j]--; pending[j] == 0 {
				queue = append(queue, w)
			}
		}
	}
	if len(over) > 0 {
		slices.SortFunc(over, func(p, q int32) int { return strings.Compare(g.ids[p], g.ids[q]) })
		errs := make([]error, len(over))
		for k, u := range over {
			errs[k] = newError(ErrRollUpOverflow, []string{g.ids[u]},
				"hierarchy: the weight of the paths from %q up to %q is beyond 128-bit fixed point", clip(g.ids[u]), clip(id))
		}
		return Attribution{}, msg.Join(errs...)
	}

	return g.attribution(id, sub, coef, before, after, measured)
}

// feedsLost reports whether u, a node of sub, links with a weight above 0
// to a node of sub that passes values on whose path weight is unknown
// (lost, by index in sub), as [graph.pathWeight] would add it.
func (g *graph) feedsLost(u int32, lost []bool, local *posIndex, expands func(int32) bool) bool {
	for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
		t := g.outTgt[p]
		i, in := local.get(t)
		if in && expands(t) && lost[i] && (g.weights == nil || g.weights[p] != 0) {
			return true
		}
	}
	return false
}

// attribution returns the attribution of the node id from the part
// beneath it, sub, and the weights of the paths up from each of its nodes,
// coef (by index in sub, in fixed point at the weights' growth), or its
// overflows, in [Model.Attribute]'s order: each measured node whose
// contribution is beyond 128-bit fixed point, by ID; then the node's
// weighted sum, if beyond it; then its change, if beyond it, but only
// when neither is (the change is the sum of the contributions, and the
// difference of the sums).
//
// Each measured node's contribution is its path weight times its change,
// at the larger of the two sets' places plus the growth. The values before
// and after are the sums of each measured node's value times its path
// weight; a product or partial sum past 128 bits need not mean the sum is,
// since values may be negative, so the sums then go on exactly in
// big.Ints, and only a sum beyond 128 bits is an error.
func (g *graph) attribution(id string, sub []int32, coef []i128, before, after *Values, measured func(int32) bool) (Attribution, error) {
	places := max(before.places, after.places)
	scale := places + g.placesGrowth()
	var sumBefore, sumAfter i128
	wide := false
	type amount struct {
		u int32
		v i128
	}
	var amounts []amount
	var over []int32 // the nodes whose contribution is beyond 128 bits
	for i, u := range sub {
		if !measured(u) {
			continue
		}
		vb, va := scaled(before, u, places), scaled(after, u, places)
		d, _ := va.sub(vb) // |va|, |vb| < 2^63·10^9: the difference fits
		d, overflow := d.mulSigned(coef[i])
		if overflow {
			over = append(over, u)
		} else if d.sign() != 0 {
			amounts = append(amounts, amount{u, d})
		}
		if !wide {
			b, ok1 := vb.mulSigned(coef[i])
			a, ok2 := va.mulSigned(coef[i])
			var ok3, ok4 bool
			sumBefore, ok3 = sumBefore.add(b)
			sumAfter, ok4 = sumAfter.add(a)
			wide = ok1 || ok2 || ok3 || ok4
		}
	}
	var errs []error
	if len(over) > 0 {
		slices.SortFunc(over, func(p, q int32) int { return strings.Compare(g.ids[p], g.ids[q]) })
		for _, u := range over {
			errs = append(errs, newError(ErrRollUpOverflow, []string{g.ids[u], id},
				"hierarchy: the contribution of %q to the change at node %q is beyond 128-bit fixed point at %d decimal places",
				clip(g.ids[u]), clip(id), scale))
		}
	}
	if wide {
		var fits1, fits2 bool
		sumBefore, fits1 = i128FromBig(wideSum(before, sub, coef, places, measured))
		sumAfter, fits2 = i128FromBig(wideSum(after, sub, coef, places, measured))
		if fits1 || fits2 {
			errs = append(errs, newError(ErrRollUpOverflow, []string{id},
				"hierarchy: the weighted sum at node %q is beyond 128-bit fixed point at %d decimal places", clip(id), scale))
			return Attribution{}, msg.Join(errs...)
		}
	}
	if len(errs) > 0 {
		// The change is not checked: it is the sum of the contributions,
		// one of which is beyond the bound.
		return Attribution{}, msg.Join(errs...)
	}
	change, overflow := sumAfter.sub(sumBefore)
	if overflow {
		return Attribution{}, newError(ErrRollUpOverflow, []string{id},
			"hierarchy: the change at node %q is beyond 128-bit fixed point at %d decimal places", clip(id), scale)
	}
	slices.SortFunc(amounts, func(p, q amount) int {
		ph, pl := p.v.abs()
		qh, ql := q.v.abs()
		if c := (i128{hi: int64(qh), lo: ql}).cmpUnsigned(i128{hi: int64(ph), lo: pl}); c != 0 {
			return c
		}
		return strings.Compare(g.ids[p.u], g.ids[q.u])
	})
	att := Attribution{ID: id, Before: sumBefore.decimal(scale), After: sumAfter.decimal(scale),
		Change: change.decimal(scale), Contributions: make([]Contribution, len(amounts))}
	for i, a := range amounts {
		att.Contributions[i] = Contribution{ID: g.ids[a.u], Amount: a.v.decimal(scale)}
	}
	return att, nil
}

// attributeArgs returns the position of the node with the given ID and
// the problems of [Model.Attribute]'s arguments, joined, in its order: an
// ID the model does not hold; each value set of another model or of none,
// before's then after's, a problem said for one not said again for the
// other (the message names neither set); and, once both sets are the
// model's, weights and places beyond the precision the roll-up computes in.
// The position is -1 unless the model holds the node and both sets are the
// model's; when it is a position, the error is nil or the precision's
// problem alone, which leaves the part beneath the node to be checked.
func (g *graph) attributeArgs(id string, before, after *Values) (int32, error) {
	x, errID := g.pos(id)
	badBefore, badAfter := before == nil || !before.sameModel(g), after == nil || !after.sameModel(g)
	var errBefore, errAfter, errPrecision *outcome.Error
	switch {
	case badBefore || badAfter:
		if badBefore {
			errBefore = foreignError(before)
		}
		if badAfter {
			if errAfter = foreignError(after); errBefore != nil && errAfter.Message == errBefore.Message {
				errAfter = nil
			}
		}
	case max(before.places, after.places)+g.placesGrowth() > maxScale:
		errPrecision = g.precisionError(max(before.places, after.places))
	}
	if errID != nil || errBefore != nil || errAfter != nil {
		return -1, msg.Join(errID, errBefore, errAfter, errPrecision)
	}
	return x, msg.Join(errPrecision)
}

// beneathProblems returns the problems of the part beneath the node
// attributed, id, in [Model.Attribute]'s order: the nodes that one period
// measures and the other not (differ), then the inputs with no value
// (missing), each list sorted in place and said as one problem, nil if it
// is empty.
func beneathProblems(id string, differ, missing []string) (errDiffer, errMissing *outcome.Error) {
	if len(differ) > 0 {
		slices.Sort(differ)
		errDiffer = newError(ErrMeasuredDiffer, differ,
			"hierarchy: the two periods measure different nodes beneath %q: %s", clip(id), quoteList(differ))
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		errMissing = newError(ErrMissingValue, missing,
			"hierarchy: %q cannot be attributed: nodes beneath it have no value: %s", clip(id), quoteList(missing))
	}
	return errDiffer, errMissing
}

// pathWeight returns the weight of all paths from u up to the node
// attributed: the sum, over u's links to nodes t of sub (those local
// indexes) that pass values on, of the link's weight times t's path weight
// (coef, by index in sub, in fixed point at the weights' growth).
func (g *graph) pathWeight(u int32, coef []i128, local *posIndex, expands func(int32) bool) (i128, bool) {
	var c i128
	var overflow bool
	for p := g.outOff[u]; p < g.outOff[u+1]; p++ {
		t := g.outTgt[p]
		i, in := local.get(t)
		if !in || !expands(t) {
			continue
		}
		x := coef[i]
		if g.weights != nil {
			// Whole at the growth's places, as a path weight is: so the
			// division by 10^6 in mulWeight is exact.
			if x, overflow = x.mulWeight(g.weights[p]); overflow {
				return i128{}, true
			}
		}
		if c, overflow = c.add(x); overflow {
			return i128{}, true
		}
	}
	return c, false
}

// wideSum returns the sum, over the measured nodes u of sub, of u's value in
// s, in units of 10^-places, times its path weight, coef.
func wideSum(s *Values, sub []int32, coef []i128, places int32, measured func(int32) bool) *big.Int {
	sum, term := new(big.Int), new(big.Int)
	for i, u := range sub {
		if measured(u) {
			sum.Add(sum, term.Mul(scaled(s, u, places).big(), coef[i].big()))
		}
	}
	return sum
}

// scaled returns node u's value in s in units of 10^-places, places >=
// s.places.
func scaled(s *Values, u int32, places int32) i128 {
	v, _ := i128From(s.v[u]).mul(pow10u(places - s.places)) // |v| < 2^63 · 10^9 fits
	return v
}

// mulSigned returns a*b, for b >= 0, and whether the product overflowed.
func (a i128) mulSigned(b i128) (i128, bool) {
	if b.hi == 0 {
		return a.mul(b.lo)
	}
	ahi, alo := a.abs()
	if ahi != 0 {
		return i128{}, true
	}
	p, overflow := b.mul(alo)
	if a.sign() < 0 {
		p = p.neg()
	}
	return p, overflow
}

// cmpUnsigned compares a and b as unsigned 128-bit numbers.
func (a i128) cmpUnsigned(b i128) int {
	switch {
	case uint64(a.hi) < uint64(b.hi):
		return -1
	case uint64(a.hi) > uint64(b.hi):
		return 1
	case a.lo < b.lo:
		return -1
	case a.lo > b.lo:
		return 1
	}
	return 0
}

// quoteList writes IDs as "a", "b", ..., naming the first five.
func quoteList(ids []string) string {
	var sb strings.Builder
	writeIDs(&sb, ids, len(ids))
	return sb.String()
}
