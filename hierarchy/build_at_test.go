package hierarchy

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// TestAddLinkAt checks that links added by position make the model that the
// same links added by ID make, alone or mixed with links by ID, whichever
// kind comes first.
func TestAddLinkAt(t *testing.T) {
	nodes, edges := contactCentre()
	want := mustBuild(t, nodes, edges)
	pos := map[string]int{}
	for i, n := range nodes {
		pos[n.ID] = i
	}
	tests := []struct {
		name string
		byID func(i int) bool // which edges to add by ID
	}{
		{"all by position", func(int) bool { return false }},
		{"by ID first, then by position", func(i int) bool { return i < 5 }},
		{"by position first, then by ID", func(i int) bool { return i >= 5 }},
		{"alternately", func(i int) bool { return i%2 == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder()
			b.Grow(len(nodes), len(edges))
			for i, n := range nodes {
				require.Equal(t, i, b.AddNode(n), "AddNode returns the node's position")
			}
			for i, e := range edges {
				switch {
				case tt.byID(i) && e.w == "":
					b.AddLink(e.from, e.to)
				case tt.byID(i):
					b.AddWeightedLink(e.from, e.to, decimal.RequireFromString(e.w))
				case e.w == "":
					b.AddLinkAt(pos[e.from], pos[e.to])
				default:
					b.AddWeightedLinkAt(pos[e.from], pos[e.to], decimal.RequireFromString(e.w))
				}
			}
			m, err := b.Build()
			require.NoError(t, err)
			assert.True(t, m.Equal(want), "the model built by ID")
			// Equal ignores the order of each node's links: Links does not.
			assert.Equal(t, collect(want.Links()), collect(m.Links()), "the links in the order they were added")
			assert.Equal(t, collect(want.TopoOrder()), collect(m.TopoOrder()))
		})
	}
}

// TestAddLinkAtErrors pins the messages of links added by position whose
// ends hold no node, and checks that the other problems of links are
// reported for them as for links added by ID, naming the nodes' IDs.
func TestAddLinkAtErrors(t *testing.T) {
	nodes := []Node{node("t", T), node("a", A), node("sco", CO), node("a2", A)}
	tests := []struct {
		name string
		add  func(b *Builder)
		code outcome.Code
		ids  []string
		msg  string
	}{
		{"to an unknown position", func(b *Builder) { b.AddLinkAt(0, 4) }, ErrDanglingLink, []string{"t", "#4"},
			`hierarchy: link "t" -> "#4" goes to an unknown node`},
		{"from a negative position", func(b *Builder) { b.AddLinkAt(-1, 2) }, ErrDanglingLink, []string{"#-1", "sco"},
			`hierarchy: link "#-1" -> "sco" comes from an unknown node`},
		{"between two unknown positions", func(b *Builder) { b.AddLinkAt(7, 8) }, ErrDanglingLink, []string{"#7", "#8"},
			`hierarchy: link "#7" -> "#8" joins two unknown nodes`},
		{"a position beyond int32", func(b *Builder) { b.AddLinkAt(0, math.MaxInt32+1) }, ErrDanglingLink,
			[]string{"#0", "#2147483648"},
			`hierarchy: link "#0" -> "#2147483648" names a position that no node can have`},
		{"a position below int32", func(b *Builder) { b.AddLinkAt(math.MinInt32, 0) }, ErrDanglingLink,
			[]string{"#-2147483648", "#0"},
			`hierarchy: link "#-2147483648" -> "#0" names a position that no node can have`},
		{"to itself", func(b *Builder) { b.AddLinkAt(1, 1) }, ErrSelfLink, []string{"a", "a"},
			`hierarchy: node "a" links to itself`},
		{"down a level", func(b *Builder) { b.AddLinkAt(2, 0) }, ErrDownwardLink, []string{"sco", "t"},
			`hierarchy: link "sco" -> "t" goes down from Successful Customer Outcome to Task`},
		{"twice, by position and by ID", func(b *Builder) { b.AddLinkAt(0, 1); b.AddLink("t", "a") }, ErrDuplicateLink,
			[]string{"t", "a"}, `hierarchy: link "t" -> "a" is given 2 times`},
		{"a negative weight", func(b *Builder) { b.AddWeightedLinkAt(0, 1, decimal.RequireFromString("-1")) },
			ErrNegativeWeight, []string{"#0", "#1"}, `hierarchy: link "#0" -> "#1" has weight -1, below zero`},
		{"a cycle", func(b *Builder) { b.AddLinkAt(1, 3); b.AddLinkAt(3, 1) }, ErrCycle, []string{"a", "a2"},
			`hierarchy: cycle "a" -> "a2" -> "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := builder(nodes, nil)
			tt.add(b)
			b.AddLink("a", "sco")
			_, err := b.Build()
			require.Error(t, err)
			var found bool
			for _, e := range unjoin(err) {
				var oe *outcome.Error
				require.True(t, errors.As(e, &oe))
				if oe.Code == tt.code {
					found = true
					assert.Equal(t, tt.ids, oe.IDs)
					assert.Equal(t, tt.msg, oe.Message)
				}
			}
			assert.True(t, found, "an error with code %s in %v", tt.code, err)
			assert.ErrorIs(t, err, tt.code)
		})
	}
}

// TestAddLinkAtOnce checks that a link with a position no node can have is
// reported once, not again as an unknown node by Build, whatever its other
// end.
func TestAddLinkAtOnce(t *testing.T) {
	b := builder([]Node{node("t", T)}, nil)
	b.AddLinkAt(-1<<40, 5)
	_, err := b.Build()
	require.Error(t, err)
	assert.Len(t, unjoin(err), 1)
	assert.EqualError(t, err, `hierarchy: link "#-1099511627776" -> "#5" names a position that no node can have`)
}

// TestGrowByPosition checks that Grow makes room for links added by
// position too, and for those added by ID after them.
func TestGrowByPosition(t *testing.T) {
	b := NewBuilder()
	b.Grow(4, 6)
	b.AddNode(node("t", T))
	b.AddNode(node("a", A))
	b.AddNode(node("o", O))
	b.AddNode(node("sco", CO))
	half := decimal.RequireFromString("0.5")
	b.AddLinkAt(0, 1) // makes the room for links by position
	allocs := testing.AllocsPerRun(1, func() {
		if b.links < 2 {
			b.AddWeightedLinkAt(1, 2, half) // makes the room for weights
			return
		}
		b.AddLinkAt(2, 3)
	})
	assert.Zero(t, allocs, "links by position, once their room is made")
	assert.Equal(t, 6, cap(b.fromAt), "the room Grow made")
	b.AddLink("a", "sco")
	b.Grow(0, 1)
	b.AddLinkAt(0, 2)
	assert.Equal(t, []string{"", "", "", "a", ""}, b.from)
	assert.Equal(t, []int32{0, 1, 2, byID, 0}, b.fromAt)
	assert.Equal(t, []int64{weightScale, weightScale / 2, weightScale, weightScale, weightScale}, b.weights)
	m, err := b.Build()
	require.NoError(t, err)
	assert.Equal(t, 5, m.LinkCount())
	b.Grow(0, 3)
	assert.GreaterOrEqual(t, cap(b.fromAt)-len(b.fromAt), 3)
	assert.GreaterOrEqual(t, cap(b.from)-len(b.from), 3)
}

// unjoin returns the errors joined in err, or err alone: an
// *outcome.Error is one problem (its Unwrap gives its code and cause, not
// other problems).
func unjoin(err error) []error {
	if _, one := err.(*outcome.Error); one {
		return []error{err}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// TestBuildAtAllocations checks that Build makes a fixed number of
// allocations for links added by position too, whatever the size of the
// hierarchy.
func TestBuildAtAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hierarchies of 10,000 and 100,000 nodes")
	}
	var allocs []float64
	for _, div := range []int{100, 10} {
		b := genBench(div).builderAt()
		allocs = append(allocs, testing.AllocsPerRun(3, func() {
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
		}))
	}
	assert.Equal(t, allocs[0], allocs[1], "allocations at 10,000 and at 100,000 nodes")
	assert.LessOrEqual(t, allocs[0], 20.0)
}

// TestBuildAtIndexesInParallel checks Build with every link added by
// position, on enough nodes (100,000) that with two processors it checks
// and indexes the nodes in a goroutine while it checks the graph: the model,
// and the problems in their order, are those of one processor. The problems
// are worked out from what the test adds to the generated hierarchy: node 5
// given node 3's ID, node 9 an ID with a space before it, node 11 an empty
// ID, node 7 linked to itself, the last node (a customer outcome) linked
// down to node 0 (a task), and the first link given again.
func TestBuildAtIndexesInParallel(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hierarchies of 100,000 nodes")
	}
	d := genBench(10)
	n := len(d.nodes)
	require.GreaterOrEqual(t, n, parallelNodes)
	last := d.nodes[n-1].ID
	require.Equal(t, outcome.CustomerOutcome, d.nodes[n-1].Level)
	first := d.nodes[d.dst[0]].ID
	require.Equal(t, int32(0), d.src[0])
	bad := func() *Builder {
		b := NewBuilder()
		for i, nd := range d.nodes {
			switch i {
			case 5:
				nd.ID = d.nodes[3].ID
			case 9:
				nd.ID = " " + nd.ID
			case 11:
				nd.ID = ""
			}
			b.AddNode(nd)
		}
		for i, f := range d.src {
			b.AddWeightedLinkAt(int(f), int(d.dst[i]), d.weight[i])
		}
		b.AddLinkAt(7, 7)
		b.AddLinkAt(n-1, 0)
		b.AddLinkAt(int(d.src[0]), int(d.dst[0]))
		return b
	}()
	want := []string{
		`empty-id []: hierarchy: node #11 has an empty id`,
		`invalid-id [" n0000009"]: hierarchy: node id " n0000009" has surrounding white space`,
		fmt.Sprintf(`duplicate-link ["n0000000" %q]: hierarchy: link "n0000000" -> %q is given 2 times`, first, first),
		`duplicate-id ["n0000003"]: hierarchy: node id "n0000003" is given to 2 nodes`,
		`self-link ["n0000007" "n0000007"]: hierarchy: node "n0000007" links to itself`,
		fmt.Sprintf(`downward-link [%q "n0000000"]: hierarchy: link %q -> "n0000000" goes down from Successful Customer Outcome to Task`, last, last),
	}
	good := d.builderAt()
	var models []Model
	for _, procs := range []int{1, 2} {
		func() {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			_, err := bad.Build()
			var got []string
			for _, p := range outcome.Problems(err) {
				got = append(got, fmt.Sprintf("%s %q: %s", p.Code, p.IDs, p.Message))
			}
			assert.Equal(t, want, got, "%d processors", procs)
			m, err := good.Build()
			require.NoError(t, err)
			models = append(models, m)
		}()
	}
	assert.True(t, models[0].Equal(models[1]), "the model built with two processors is the one built with one")
	for p, id := range []string{"n0000000", "n0000003", last} {
		at, ok := models[1].Position(id)
		assert.True(t, ok, id)
		assert.Equal(t, []int{0, 3, n - 1}[p], at, "the index built in parallel finds %q", id)
	}
}
