package hierarchy

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// exactModel is a small random hierarchy with its weights as rationals, for
// checking the fixed-point roll-up and attribution against exact arithmetic.
type exactModel struct {
	m     Model
	ids   []string
	feeds [][]exactLink // feeds[u]: the links into u
}

type exactLink struct {
	from int
	w    *big.Rat
}

// randomExact returns a random hierarchy of 2 to 8 nodes, its levels rising
// with the nodes' order and its links going from a node to a later one, with
// weights from 0 to 10^12 and up to 6 decimal places, many of them whole.
func randomExact(t *testing.T, rng *rand.Rand) exactModel {
	n := 2 + rng.IntN(7)
	levels := make([]int, n)
	for i := range levels {
		levels[i] = 1 + rng.IntN(5)
	}
	slices.Sort(levels)
	var nodes []Node
	x := exactModel{feeds: make([][]exactLink, n)}
	for i, l := range levels {
		id := fmt.Sprintf("n%d", i)
		x.ids = append(x.ids, id)
		nodes = append(nodes, node(id, outcome.Level(l)))
	}
	var edges []edge
	for i := range n {
		for j := i + 1; j < n; j++ {
			if rng.IntN(5) >= 2 {
				continue
			}
			var w decimal.Decimal
			switch rng.IntN(6) {
			case 0:
				w = decimal.NewFromInt(1)
			case 4:
				w = decimal.New(1, 12) // so that products pass 128 bits
			case 5:
				w = decimal.New(1, 10)
			case 1:
				w = decimal.NewFromInt(rng.Int64N(1_000_000_000_001))
			case 2:
				w = decimal.New(rng.Int64N(1_000_000_000_000_000_001), -6)
			default:
				w = decimal.New(rng.Int64N(1_000_001), -int32(rng.IntN(7)))
			}
			edges = append(edges, edge{x.ids[i], x.ids[j], w.String()})
			r, _ := new(big.Rat).SetString(w.String())
			x.feeds[j] = append(x.feeds[j], exactLink{i, r})
		}
	}
	x.m = mustBuild(t, nodes, edges)
	return x
}

// randomValue returns a value with the given places, often near the int64
// bound of a value set's units.
func randomValue(rng *rand.Rand, places int32) decimal.Decimal {
	var u int64
	switch rng.IntN(3) {
	case 0:
		u = rng.Int64N(2001) - 1000
	case 1:
		u = rng.Int64()
	default:
		u = -rng.Int64()
	}
	return decimal.New(u, -places)
}

// exactValue returns node u's weighted-sum value from the measured values
// vals (nil where a node has none), exactly: a measured node keeps its
// value, as in the roll-up.
func (x exactModel) exactValue(vals []*big.Rat, u int) *big.Rat {
	if vals[u] != nil {
		return vals[u]
	}
	sum := new(big.Rat)
	for _, l := range x.feeds[u] {
		sum.Add(sum, new(big.Rat).Mul(l.w, x.exactValue(vals, l.from)))
	}
	return sum
}

// fits says whether r, in units of 10^-scale, is whole and fits in 128-bit
// fixed point.
func fits(r *big.Rat, scale int32) bool {
	s := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)))
	return s.IsInt() && s.Num().BitLen() <= 127
}

// TestExactAgainstRationals checks the weighted-sum roll-up and change
// attribution on random small hierarchies, with weights and values near the
// bounds, against exact rational arithmetic: every value they give is the
// exact one, and they fail with ErrRollUpOverflow only when a figure they
// must hold is beyond 128-bit fixed point (or ErrRollUpPrecision when the
// places add up to more than 38).
func TestExactAgainstRationals(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	succeeded := 0
	for iter := range 5000 {
		x := randomExact(t, rng)
		g := x.m.graph()
		n := len(x.ids)
		places := int32(rng.IntN(4))
		before, err := x.m.NewValues(places)
		require.NoError(t, err)
		after, err := x.m.NewValues(places)
		require.NoError(t, err)
		vb, va := make([]*big.Rat, n), make([]*big.Rat, n)
		db, da := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
		var measured []int
		for u := range n {
			if len(x.feeds[u]) > 0 && rng.IntN(5) > 0 {
				continue // computed, not measured
			}
			b, a := randomValue(rng, places), randomValue(rng, places)
			if len(measured) > 0 && rng.IntN(2) == 0 {
				// Values that cancel another's, or nearly.
				o := measured[rng.IntN(len(measured))]
				nudge := decimal.New(rng.Int64N(2), -places) // toward 0: stays within int64
				if da[o].Sign() < 0 {
					nudge = nudge.Neg()
				}
				b, a = db[o].Neg(), da[o].Neg().Sub(nudge)
			}
			if rng.IntN(3) == 0 {
				a = b
			}
			measured = append(measured, u)
			require.NoError(t, before.Set(x.ids[u], b))
			require.NoError(t, after.Set(x.ids[u], a))
			vb[u], va[u] = b.Rat(), a.Rat()
			db[u], da[u] = b, a
		}
		scale := places + g.placesGrowth()
		top := n - 1
		where := fmt.Sprintf("iteration %d, node %s", iter, x.ids[top])

		// The roll-up: exact values, or an overflow at a node beyond.
		r, err := x.m.RollUp(before, WeightedSum)
		switch {
		case errors.Is(err, ErrRollUpPrecision):
			require.Greater(t, scale, int32(maxScale), where)
			continue
		case errors.Is(err, ErrRollUpOverflow):
			beyond := false
			for u := range n {
				beyond = beyond || !fits(x.exactValue(vb, u), scale)
			}
			require.True(t, beyond, "%s: %v, but every value fits", where, err)
		default:
			require.NoError(t, err, where)
			for u := range n {
				v, ok, err := r.Value(x.ids[u])
				require.NoError(t, err)
				require.True(t, ok, where)
				require.Zero(t, v.Rat().Cmp(x.exactValue(vb, u)), "%s: %s at %s", where, v, x.ids[u])
			}
		}

		// The attribution of the last node's change.
		att, err := x.m.Attribute(x.ids[top], before, after)
		eb, ea := x.exactValue(vb, top), x.exactValue(va, top)
		change := new(big.Rat).Sub(ea, eb)
		if err != nil {
			require.ErrorIs(t, err, ErrRollUpOverflow, where)
			beyond := !fits(eb, scale) || !fits(ea, scale) || !fits(change, scale)
			// Or a contribution, or a path weight at the growth's places.
			for u := range n {
				pw := x.pathWeight(vb, u, top)
				beyond = beyond || !fits(pw, g.placesGrowth())
				if vb[u] != nil {
					d := new(big.Rat).Sub(va[u], vb[u])
					beyond = beyond || !fits(d.Mul(d, pw), scale)
				}
			}
			require.True(t, beyond, "%s: %v, but every figure fits", where, err)
			continue
		}
		succeeded++
		require.Zero(t, att.Before.Rat().Cmp(eb), "%s: before %s", where, att.Before)
		require.Zero(t, att.After.Rat().Cmp(ea), "%s: after %s", where, att.After)
		require.Zero(t, att.Change.Rat().Cmp(change), "%s: change %s", where, att.Change)
		sum := new(big.Rat)
		for _, c := range att.Contributions {
			sum.Add(sum, c.Amount.Rat())
		}
		require.Zero(t, sum.Cmp(change), "%s: contributions add up to %s", where, sum.FloatString(int(scale)))
	}
	require.Greater(t, succeeded, 2000, "attributions that succeeded")
}

// pathWeight returns the weight of all paths from u up to top that pass no
// measured node between them (0 if there is none), exactly.
func (x exactModel) pathWeight(vals []*big.Rat, u, top int) *big.Rat {
	if u == top {
		return big.NewRat(1, 1)
	}
	sum := new(big.Rat)
	if vals[top] != nil {
		return sum
	}
	for _, l := range x.feeds[top] {
		if l.from < u {
			continue
		}
		if l.from == u {
			sum.Add(sum, l.w)
			continue
		}
		sum.Add(sum, new(big.Rat).Mul(l.w, x.pathWeight(vals, u, l.from)))
	}
	return sum
}
