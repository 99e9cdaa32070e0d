package hierarchy

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// measured returns every value s holds, by ID, as text.
func measured(t *testing.T, m Model, s *Values) map[string]string {
	t.Helper()
	out := map[string]string{}
	for n := range m.Nodes() {
		v, ok, err := s.Get(n.ID)
		require.NoError(t, err)
		if ok {
			out[n.ID] = v.String()
		}
	}
	return out
}

func TestValuesMerge(t *testing.T) {
	m := contactCentreModel(t)
	north := values(t, m, 2, map[string]string{"answer-call": "1200.50", "look-up-account": "800.25"})
	south := values(t, m, 2, map[string]string{"answer-call": "300.25", "update-wallboard": "150"})
	require.NoError(t, north.Merge(south))
	// By hand: answer-call is measured at both sites, 1200.50 + 300.25 =
	// 1500.75; each of the others at one site, and keeps its value.
	assert.Equal(t, map[string]string{"answer-call": "1500.75", "look-up-account": "800.25", "update-wallboard": "150"},
		measured(t, m, north))
	assert.Equal(t, 3, north.Len())
	assert.Equal(t, map[string]string{"answer-call": "300.25", "update-wallboard": "150"}, measured(t, m, south),
		"the merged-in set is unchanged")

	// The roll-up of the merged costs, by hand: handle-enquiry = 1500.75 +
	// 800.25 = 2301; cost-to-serve = 2301 + 0.4 × 800.25 = 2621.10; revenue
	// = 0.6 × 800.25 = 480.15; the customer outcome 2621.10 + 480.15 =
	// 3101.25; the wallboard chain carries its 150.
	r, err := m.RollUp(north, WeightedSum)
	require.NoError(t, err)
	got := rolled(t, m, r)
	assert.Equal(t, "2301", got["handle-enquiry"])
	assert.Equal(t, "2621.1", got["cost-to-serve"])
	assert.Equal(t, "480.15", got["revenue"])
	assert.Equal(t, "3101.25", got["solved-first-contact"])
	assert.Equal(t, "150", got["wallboard-refreshes"])

	// A set merged with itself doubles.
	require.NoError(t, south.Merge(south))
	assert.Equal(t, map[string]string{"answer-call": "600.5", "update-wallboard": "300"}, measured(t, m, south))

	// The empty set is the identity, either way round.
	empty := values(t, m, 2, nil)
	require.NoError(t, south.Merge(empty))
	assert.Equal(t, map[string]string{"answer-call": "600.5", "update-wallboard": "300"}, measured(t, m, south))
	require.NoError(t, empty.Merge(south))
	assert.Equal(t, measured(t, m, south), measured(t, m, empty))
	assert.Equal(t, 2, empty.Len())
}

func TestValuesMerge_refuses(t *testing.T) {
	m := contactCentreModel(t)
	renamed := renamedCentreModel(t)
	s := values(t, m, 2, map[string]string{"answer-call": "1"})
	want := map[string]string{"answer-call": "1"}

	for name, o := range map[string]struct {
		set *Values
		msg string
	}{
		"nil":        {nil, "hierarchy: a value set that no model made (nil, or the zero Values) holds no values: make one with Model.NewValues"},
		"one ID off": {values(t, renamed, 2, map[string]string{"answer-contact": "1"}), "hierarchy: the values belong to another model"},
	} {
		err := s.Merge(o.set)
		assert.ErrorIs(t, err, ErrForeignValues, name)
		assert.EqualError(t, err, o.msg, name)
	}
	var none *Values
	assert.ErrorIs(t, none.Merge(s), ErrForeignValues, "a nil set merges nothing into itself")

	err := s.Merge(values(t, m, 3, map[string]string{"answer-call": "0.001"}))
	assert.ErrorIs(t, err, ErrPlacesDiffer)
	assert.EqualError(t, err, "hierarchy: a value set of 2 decimal places cannot merge one of 3")
	assert.Equal(t, want, measured(t, m, s), "nothing changed")
	assert.Equal(t, 1, s.Len())
}

func TestValuesMerge_overflow(t *testing.T) {
	m := contactCentreModel(t)
	// At 0 places a set holds -(2^63-1) to 2^63-1 = 9223372036854775807.
	top := decimal.NewFromInt(math.MaxInt64)
	s, err := m.NewValues(0)
	require.NoError(t, err)
	require.NoError(t, s.Set("answer-call", top))
	require.NoError(t, s.Set("look-up-account", top.Neg()))
	require.NoError(t, s.Set("update-wallboard", decimal.NewFromInt(5)))
	o, err := m.NewValues(0)
	require.NoError(t, err)
	require.NoError(t, o.Set("answer-call", decimal.NewFromInt(1)))      // 2^63: one past the top
	require.NoError(t, o.Set("look-up-account", decimal.NewFromInt(-2))) // -(2^63+1): two past the bottom
	require.NoError(t, o.Set("update-wallboard", decimal.NewFromInt(1)))
	require.NoError(t, o.Set("handle-enquiry", decimal.NewFromInt(7)))

	err = s.Merge(o)
	ps := outcome.Problems(err)
	require.Len(t, ps, 2, "one problem per node that overflows, in node order")
	assert.Equal(t, ErrInvalidValue, ps[0].Code)
	assert.Equal(t, []string{"answer-call"}, ps[0].IDs)
	assert.Equal(t, `hierarchy: merged value 9223372036854775808 of node "answer-call" does not fit a value set of 0 decimal places`, ps[0].Message)
	assert.Equal(t, []string{"look-up-account"}, ps[1].IDs)
	assert.Equal(t, `hierarchy: merged value -9223372036854775809 of node "look-up-account" does not fit a value set of 0 decimal places`, ps[1].Message)
	// Nothing changed: not the nodes that fit, nor the one only o measures.
	assert.Equal(t, map[string]string{"answer-call": top.String(), "look-up-account": top.Neg().String(), "update-wallboard": "5"},
		measured(t, m, s))
	assert.Equal(t, 3, s.Len())

	// The bounds themselves fit: (2^63-2) + 1 and -(2^63-2) + -1.
	s2, err := m.NewValues(0)
	require.NoError(t, err)
	require.NoError(t, s2.Set("answer-call", top.Sub(decimal.NewFromInt(1))))
	require.NoError(t, s2.Set("look-up-account", top.Neg().Add(decimal.NewFromInt(1))))
	o2, err := m.NewValues(0)
	require.NoError(t, err)
	require.NoError(t, o2.Set("answer-call", decimal.NewFromInt(1)))
	require.NoError(t, o2.Set("look-up-account", decimal.NewFromInt(-1)))
	require.NoError(t, s2.Merge(o2))
	assert.Equal(t, map[string]string{"answer-call": top.String(), "look-up-account": top.Neg().String()}, measured(t, m, s2))
}

// A set whose nodes all have values merges 64 at a time; a sum that
// overflows there is found as one found value by value.
func TestValuesMerge_fullWords(t *testing.T) {
	var nodes []Node
	for i := range 150 {
		nodes = append(nodes, node(fmt.Sprintf("t%03d", i), outcome.Task))
	}
	m := mustBuild(t, nodes, nil)
	s, o := values(t, m, 0, nil), values(t, m, 0, nil)
	for i, n := range nodes {
		require.NoError(t, s.Set(n.ID, decimal.NewFromInt(int64(i))))
		if i != 140 { // the third word is not full in o
			require.NoError(t, o.Set(n.ID, decimal.NewFromInt(1000)))
		}
	}
	require.NoError(t, s.Merge(o))
	for i, n := range nodes {
		want := int64(i + 1000)
		if i == 140 {
			want = 140
		}
		v, ok, err := s.Get(n.ID)
		require.NoError(t, err)
		require.True(t, ok)
		require.Equal(t, want, v.IntPart(), n.ID)
	}
	assert.Equal(t, 150, s.Len())

	// Node t070, in the second word (full in both sets), overflows.
	require.NoError(t, o.Set("t070", decimal.NewFromInt(math.MaxInt64-1000)))
	err := s.Merge(o)
	assert.ErrorIs(t, err, ErrInvalidValue)
	require.Len(t, outcome.Problems(err), 1)
	assert.Equal(t, []string{"t070"}, outcome.Problems(err)[0].IDs)
	v, _, _ := s.Get("t070")
	assert.Equal(t, "1070", v.String(), "unchanged")
}

// Two values of -2^62 sum to -2^63, which fits an int64 but is beyond the
// ±(2^63-1) a set holds (Set refuses it): the merge is refused, by the
// check of a full word and of a single value alike.
func TestValuesMerge_minInt64(t *testing.T) {
	half := decimal.NewFromInt(-(1 << 62))
	m := contactCentreModel(t)
	a, b := values(t, m, 0, nil), values(t, m, 0, nil)
	require.NoError(t, a.Set("answer-call", half))
	require.NoError(t, b.Set("answer-call", half))
	err := a.Merge(b)
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.EqualError(t, err, `hierarchy: merged value -9223372036854775808 of node "answer-call" does not fit a value set of 0 decimal places`)

	var nodes []Node
	for i := range 64 {
		nodes = append(nodes, node(fmt.Sprintf("t%02d", i), outcome.Task))
	}
	full := mustBuild(t, nodes, nil)
	c, d := values(t, full, 0, nil), values(t, full, 0, nil)
	for _, n := range nodes {
		require.NoError(t, c.Set(n.ID, half))
		require.NoError(t, d.Set(n.ID, half))
	}
	assert.Len(t, outcome.Problems(c.Merge(d)), 64, "every node of a full word")
}

// smallCentre is a six-node part of the contact centre, whose tasks are
// added in the given order:
//
//	answer-call ─────────────> handle-enquiry ──> calls-handled ──> cost-to-serve ──> solved-first-contact
//	look-up-account ──0.5──────┘
func smallCentre(t *testing.T, tasks ...string) Model {
	t.Helper()
	var nodes []Node
	for _, id := range tasks {
		nodes = append(nodes, node(id, T))
	}
	nodes = append(nodes, node("handle-enquiry", A), node("calls-handled", O),
		node("cost-to-serve", BO), node("solved-first-contact", CO))
	return mustBuild(t, nodes, []edge{
		{"answer-call", "handle-enquiry", ""},
		{"look-up-account", "handle-enquiry", "0.5"},
		{"handle-enquiry", "calls-handled", ""},
		{"calls-handled", "cost-to-serve", ""},
		{"cost-to-serve", "solved-first-contact", ""},
	})
}

// A value set belongs to every model with the same node IDs in the same
// order: two models built apart from one definition merge, roll up and
// attribute each other's sets, as each does its own.
func TestValues_modelsBuiltApart(t *testing.T) {
	here := smallCentre(t, "answer-call", "look-up-account")
	there := smallCentre(t, "answer-call", "look-up-account")
	require.NotSame(t, here.g, there.g)
	north := func() *Values {
		return values(t, here, 2, map[string]string{"answer-call": "100.25", "look-up-account": "40"})
	}
	south := func(m Model) *Values {
		return values(t, m, 2, map[string]string{"answer-call": "50.5", "look-up-account": "10.10"})
	}
	// By hand: answer-call 100.25 + 50.50 = 150.75, look-up-account 40 +
	// 10.10 = 50.10.
	wantMerged := map[string]string{"answer-call": "150.75", "look-up-account": "50.1"}
	same := north()
	require.NoError(t, same.Merge(south(here)))
	assert.Equal(t, wantMerged, measured(t, here, same))
	apart := north()
	require.NoError(t, apart.Merge(south(there)))
	assert.Equal(t, wantMerged, measured(t, here, apart))
	back := south(there)
	require.NoError(t, back.Merge(north()))
	assert.Equal(t, wantMerged, measured(t, there, back), "the other way round")

	// By hand: handle-enquiry = 150.75 + 0.5 × 50.10 = 150.75 + 25.05 =
	// 175.80, and so on up, one link of weight 1 at a time.
	wantRolled := map[string]string{"answer-call": "150.75", "look-up-account": "50.1", "handle-enquiry": "175.8",
		"calls-handled": "175.8", "cost-to-serve": "175.8", "solved-first-contact": "175.8"}
	for name, c := range map[string]struct {
		m    Model
		vals *Values
	}{
		"here, its own set": {here, same}, "here, a set merged with there's": {here, apart},
		"there, here's set": {there, same}, "there, its own set": {there, back},
	} {
		r, err := c.m.RollUp(c.vals, WeightedSum)
		require.NoError(t, err, name)
		assert.Equal(t, wantRolled, rolled(t, c.m, r), name)
	}

	// By hand: the customer outcome was 100.25 + 0.5 × 40 = 120.25 and is
	// 50.50 + 0.5 × 10.10 = 55.55, a change of -64.70: answer-call's
	// -49.75 and look-up-account's 0.5 × -29.90 = -14.95.
	for name, c := range map[string]struct {
		m             Model
		before, after *Values
	}{
		"here, its own sets": {here, north(), south(here)}, "here, there's after": {here, north(), south(there)},
		"there, here's before": {there, north(), south(there)}, "there, here's sets": {there, north(), south(here)},
	} {
		att, err := c.m.Attribute("solved-first-contact", c.before, c.after)
		require.NoError(t, err, name)
		assert.Equal(t, "-64.7", att.Change.String(), name)
		assert.Equal(t, []string{"answer-call -49.75", "look-up-account -14.95"}, contributions(att.Contributions), name)
	}
}

// A model with one ID changed, or the same IDs in another order, refuses
// the set, in every method that takes one, naming nothing, as another model
// always did.
func TestValues_otherIDs(t *testing.T) {
	m := smallCentre(t, "answer-call", "look-up-account")
	nodes := []Node{node("answer-contact", T), node("look-up-account", T), node("handle-enquiry", A),
		node("calls-handled", O), node("cost-to-serve", BO), node("solved-first-contact", CO)}
	renamed := mustBuild(t, nodes, []edge{
		{"answer-contact", "handle-enquiry", ""}, {"look-up-account", "handle-enquiry", "0.5"},
		{"handle-enquiry", "calls-handled", ""}, {"calls-handled", "cost-to-serve", ""},
		{"cost-to-serve", "solved-first-contact", ""},
	})
	reordered := smallCentre(t, "look-up-account", "answer-call")
	s := values(t, m, 2, map[string]string{"answer-call": "1", "look-up-account": "2"})
	for name, other := range map[string]Model{"one ID changed": renamed, "the same IDs in another order": reordered} {
		o := values(t, other, 2, map[string]string{"look-up-account": "3"})
		for what, err := range map[string]error{
			"merge into":   s.Merge(o),
			"merge from":   o.Merge(s),
			"roll up":      errOf(m.RollUp(o, WeightedSum)),
			"rolled up by": errOf(other.RollUp(s, WeightedSum)),
			"before":       errOf(m.Attribute("solved-first-contact", o, s)),
			"after":        errOf(m.Attribute("solved-first-contact", s, o)),
		} {
			assert.ErrorIs(t, err, ErrForeignValues, "%s: %s", name, what)
			assert.EqualError(t, err, "hierarchy: the values belong to another model", "%s: %s", name, what)
			var oe *outcome.Error
			if assert.ErrorAs(t, err, &oe) {
				assert.Empty(t, oe.IDs, "%s: %s", name, what)
			}
		}
		assert.Equal(t, map[string]string{"look-up-account": "3"}, measured(t, other, o), name)
	}
	assert.Equal(t, map[string]string{"answer-call": "1", "look-up-account": "2"}, measured(t, m, s))
}

// Models whose fingerprints agree but whose IDs differ (a collision, forced
// here) do not share sets: the IDs are compared too.
func TestValues_fingerprintCollision(t *testing.T) {
	m := smallCentre(t, "answer-call", "look-up-account")
	other := smallCentre(t, "look-up-account", "answer-call")
	other.g.fingerprintOnce.Do(func() { other.g.fingerprintValue = m.g.fingerprint() })
	require.Equal(t, m.g.fingerprint(), other.g.fingerprint())
	err := values(t, m, 0, nil).Merge(values(t, other, 0, nil))
	assert.ErrorIs(t, err, ErrForeignValues)
	_, err = m.RollUp(values(t, other, 0, nil), WeightedSum)
	assert.ErrorIs(t, err, ErrForeignValues)
}

// errOf returns the error of a call that returns a result and an error.
func errOf[T any](_ T, err error) error { return err }

// A set no model made (the zero Values) is refused, never a panic.
func TestValues_zero(t *testing.T) {
	m := contactCentreModel(t)
	s := values(t, m, 0, nil)
	var z Values
	assert.ErrorIs(t, z.Set("answer-call", decimal.Zero), ErrForeignValues)
	_, _, err := z.Get("answer-call")
	assert.ErrorIs(t, err, ErrForeignValues)
	assert.ErrorIs(t, s.Merge(&z), ErrForeignValues)
	assert.ErrorIs(t, z.Merge(s), ErrForeignValues)
	_, err = z.MarshalBinary()
	assert.ErrorIs(t, err, ErrForeignValues)
	_, err = z.MarshalJSON()
	assert.ErrorIs(t, err, ErrForeignValues)
	_, err = m.RollUp(&z, WeightedSum)
	assert.ErrorIs(t, err, ErrForeignValues)
	_, err = m.Attribute("solved-first-contact", &z, s)
	assert.ErrorIs(t, err, ErrForeignValues)
	var none *Values
	assert.Equal(t, 0, none.Len())
	assert.Equal(t, int32(0), none.Places())
	assert.Equal(t, 0, z.Len())
}

func TestAddInt64(t *testing.T) {
	for _, c := range []struct {
		a, b     int64
		overflow bool
	}{
		// A set's values are within ±(2^63-1): -2^63 is beyond them, though
		// it fits an int64.
		{1, 2, false}, {-1, -2, false}, {math.MaxInt64, 0, false}, {math.MinInt64, 0, true},
		{math.MaxInt64, 1, true}, {math.MaxInt64 - 1, 1, false}, {math.MinInt64, -1, true},
		{math.MinInt64 + 1, -1, true}, {math.MinInt64 + 2, -1, false}, {-(1 << 62), -(1 << 62), true},
		{math.MaxInt64, math.MinInt64, false}, {math.MinInt64, math.MinInt64, true},
	} {
		sum, overflow := addInt64(c.a, c.b)
		assert.Equal(t, c.overflow, overflow, "%d + %d", c.a, c.b)
		if !overflow {
			assert.Equal(t, c.a+c.b, sum)
		}
	}
}

// randomShard measures each of m's nodes with probability 1/2, or, when
// only, exactly the nodes given, at 2 places, with values from -100 to 100.
func randomShard(t *testing.T, m Model, rng *rand.Rand, only bool, nodes ...string) *Values {
	s, err := m.NewValues(2)
	require.NoError(t, err)
	if !only {
		for n := range m.Nodes() {
			if rng.IntN(2) == 0 {
				nodes = append(nodes, n.ID)
			}
		}
	}
	for _, id := range nodes {
		require.NoError(t, s.Set(id, decimal.New(rng.Int64N(20001)-10000, -2)))
	}
	return s
}

// merged returns a fresh set holding the merge of sets, in order.
func merged(t *testing.T, m Model, sets ...*Values) *Values {
	out, err := m.NewValues(2)
	require.NoError(t, err)
	for _, s := range sets {
		require.NoError(t, out.Merge(s))
	}
	return out
}

// Merge is associative and commutative, the merge of shards equals the set
// measured on all the data, and rolling up merged sets with a linear method
// gives the sum of the shards' roll-ups when the shards measure the same
// nodes.
func TestValuesMerge_properties(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 22))
	for range 300 {
		nodes, edges := randomDefinition(rng)
		m := mustBuild(t, nodes, edges)
		a, b, c := randomShard(t, m, rng, false), randomShard(t, m, rng, false), randomShard(t, m, rng, false)
		abc := measured(t, m, merged(t, m, merged(t, m, a, b), c))
		assert.Equal(t, abc, measured(t, m, merged(t, m, a, merged(t, m, b, c))), "associative")
		assert.Equal(t, abc, measured(t, m, merged(t, m, c, b, a)), "commutative")

		// The whole, node by node: the sum of the values the shards hold.
		whole := map[string]decimal.Decimal{}
		for _, s := range []*Values{a, b, c} {
			for id, v := range measured(t, m, s) {
				whole[id] = whole[id].Add(decimal.RequireFromString(v))
			}
		}
		want := map[string]string{}
		for id, v := range whole {
			want[id] = v.String()
		}
		assert.Equal(t, want, abc, "the merge of the shards is the sum of their values")

		// Shards that measure the same nodes: the roll-up of the merge is the
		// sum of the roll-ups, for the weighted sum and the weighted mean.
		var same []string
		for id := range measured(t, m, a) {
			same = append(same, id)
		}
		x, y := randomShard(t, m, rng, true, same...), randomShard(t, m, rng, true, same...)
		xy := merged(t, m, x, y)
		for _, method := range []Method{WeightedSum, WeightedMean} {
			rx, err := m.RollUp(x, method)
			require.NoError(t, err)
			ry, err := m.RollUp(y, method)
			require.NoError(t, err)
			rxy, err := m.RollUp(xy, method)
			require.NoError(t, err)
			for n := range m.Nodes() {
				vx, okx, _ := rx.Value(n.ID)
				vy, oky, _ := ry.Value(n.ID)
				vxy, okxy, _ := rxy.Value(n.ID)
				require.Equal(t, okx, okxy, "%s %s", method, n.ID)
				require.Equal(t, oky, okxy, "%s %s", method, n.ID)
				if !okxy {
					continue
				}
				// A weighted mean is rounded to 2 places at every node, by at
				// most 0.005, and a mean of values each off by at most e is
				// off by at most e (the weights are not negative): so a node
				// at most 13 links above a measured one (14 nodes at most)
				// is off by at most 13 × 0.005 in each of the three
				// roll-ups, 0.195 in all. The weighted sum is exact.
				tol := decimal.Zero
				if method == WeightedMean {
					tol = decimal.RequireFromString("0.195")
				}
				assert.True(t, vx.Add(vy).Sub(vxy).Abs().LessThanOrEqual(tol),
					"%s at %s: %s + %s, merged %s", method, n.ID, vx, vy, vxy)
			}
		}
	}
}
