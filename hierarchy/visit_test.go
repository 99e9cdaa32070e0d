package hierarchy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// A visitSet answers as a set of positions does, as a hash set, as it
// grows, and once it has become a bitset.
func TestVisitSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 128))
	for _, n := range []int{1, 64, smallModel, smallModel + 1, 100_000, 1 << 20} {
		s := newVisitSet(n)
		assert.Equal(t, n <= smallModel, s.bits != nil, "n=%d: a bitset at once only for a small model", n)
		want := map[int32]bool{}
		for i := range 3 * n / 64 { // past n/128 positions: the switch to a bitset
			v := int32(rng.IntN(n))
			if i%3 == 0 && len(want) > 0 {
				v = int32(rng.IntN(min(n, 50))) // positions seen again
			}
			require.Equal(t, !want[v], s.add(v), "n=%d, add %d (step %d)", n, v, i)
			want[v] = true
			if n > smallModel && len(want) <= n/128 {
				require.Nil(t, s.bits, "n=%d: still a hash set at %d positions", n, len(want))
			}
		}
		if n > smallModel {
			assert.NotNil(t, s.bits, "n=%d: a bitset past n/128 positions", n)
		}
		for v := range int32(min(n, 5000)) {
			assert.Equal(t, !want[v], s.add(v), "n=%d: %d", n, v)
			want[v] = true
		}
	}
}

// The hash set keeps every position through its growth, whatever the
// positions' bits.
func TestVisitSet_grow(t *testing.T) {
	s := newVisitSet(1 << 30)
	var added []int32
	for i := range int32(5000) {
		v := i << 15 // positions that differ only in high bits
		require.True(t, s.add(v))
		added = append(added, v)
	}
	require.Nil(t, s.bits)
	assert.Equal(t, 5000, s.count)
	assert.GreaterOrEqual(t, len(s.slots), 2*5000)
	for _, v := range added {
		assert.False(t, s.add(v), "%d", v)
	}
	assert.True(t, s.add(1))
}

// In a model of more than smallModel nodes, the searches behind Ancestors,
// Descendants and Contributors find what a search with a map finds, in the
// same order, and a caller that stops early gets the first nodes.
func TestSearch_largeModel(t *testing.T) {
	// 9,000 tasks in 30 chains of 300 activities' worth: task i feeds
	// activity i/10, activity a feeds output a/10, and every output feeds
	// the one customer outcome; so an output's descendants are 10
	// activities and 100 tasks, and the customer outcome's are everything.
	var nodes []Node
	var edges []edge
	id := func(prefix string, i int) string { return fmt.Sprintf("%s%05d", prefix, i) }
	for i := range 9000 {
		nodes = append(nodes, node(id("t", i), outcome.Task))
		edges = append(edges, edge{id("t", i), id("a", i/10), ""})
	}
	for a := range 900 {
		nodes = append(nodes, node(id("a", a), outcome.Activity))
		edges = append(edges, edge{id("a", a), id("o", a/10), ""})
	}
	for o := range 90 {
		nodes = append(nodes, node(id("o", o), outcome.Output))
		edges = append(edges, edge{id("o", o), "co", ""})
	}
	nodes = append(nodes, node("co", outcome.CustomerOutcome))
	m := mustBuild(t, nodes, edges)
	require.Greater(t, m.Len(), smallModel)

	up, err := m.Ancestors("t01234")
	require.NoError(t, err)
	assert.Equal(t, []string{"a00123", "o00012", "co"}, collect(up))

	down, err := m.Descendants("o00012")
	require.NoError(t, err)
	got := collect(down)
	require.Len(t, got, 110)
	// Breadth first: the 10 activities, in node order, then their tasks.
	assert.Equal(t, []string{"a00120", "a00121", "a00122"}, got[:3])
	assert.Equal(t, []string{"t01200", "t01201"}, got[10:12])
	assert.Equal(t, "t01299", got[109])

	all, err := m.Descendants("co")
	require.NoError(t, err)
	n := 0
	for id := range all {
		n++
		if id == "a00000" {
			break // stops at once: the 90 outputs and then the first activity
		}
	}
	assert.Equal(t, 91, n)

	c, err := m.Contributors("co")
	require.NoError(t, err)
	assert.Equal(t, 9990, c.Len())
	assert.True(t, slices.IsSorted(c.At(outcome.Task)))
}
