package hierarchy

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/equaltest"
	"github.com/cxmodel/cx/outcome"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestAlignment(t *testing.T) {
	a := contactCentreModel(t).Alignment()
	// Worked by hand from contactCentre:
	//   tasks: answer-call and look-up-account reach the customer;
	//     update-wallboard does not. By weight, answer-call has 1 (aligned),
	//     look-up-account 1+1 (aligned), update-wallboard 1 (not): 3 of 4.
	//   activities: handle-enquiry and resolve-problem do; monitor-queues
	//     does not: 2 of 3, and 2 of 3 by weight (one link of 1 each).
	//   outputs: calls-handled (1) and first-time-response (0.4+0.6) do;
	//     wallboard-refreshes feeds nothing, so counts 1, unaligned: 2 of 3.
	//   business outcomes: both, 2 of 2.
	//   overall: 8 of 11 nodes; by weight 3+2+2+2 = 9 of 4+3+3+2 = 12.
	want := []Share{
		{Level: T, Nodes: 3, Aligned: 2, Weight: dec("4"), AlignedWeight: dec("3")},
		{Level: A, Nodes: 3, Aligned: 2, Weight: dec("3"), AlignedWeight: dec("2")},
		{Level: O, Nodes: 3, Aligned: 2, Weight: dec("3"), AlignedWeight: dec("2")},
		{Level: BO, Nodes: 2, Aligned: 2, Weight: dec("2"), AlignedWeight: dec("2")},
	}
	require.Len(t, a.Levels, 4)
	for i := range want {
		assert.True(t, want[i].Equal(a.Levels[i]), "level %d: %+v", i, a.Levels[i])
		assert.True(t, want[i].Equal(a.Level(want[i].Level)))
	}
	assert.True(t, Share{Nodes: 11, Aligned: 8, Weight: dec("12"), AlignedWeight: dec("9")}.Equal(a.Overall))
	assert.False(t, a.AllAligned())

	// 8/11 = 0.72727..., 9/12 = 0.75, 2/3 = 0.666... rounds to 0.67.
	assert.True(t, dec("0.7273").Equal(a.Overall.ByCount(4)))
	assert.True(t, dec("0.75").Equal(a.Overall.ByWeight(4)))
	assert.True(t, dec("0.67").Equal(a.Levels[0].ByCount(2)))
	assert.True(t, dec("0.75").Equal(a.Levels[0].ByWeight(2)))
	assert.True(t, dec("1").Equal(a.Levels[3].ByCount(2)))

	// The wallboard chain stops at the output level.
	require.Len(t, a.Orphans, 1)
	assert.Equal(t, O, a.Orphans[0].Highest)
	assert.Equal(t, []string{"monitor-queues", "update-wallboard", "wallboard-refreshes"}, a.Orphans[0].IDs)
	assert.Empty(t, a.Unsupported)

	assert.Equal(t, `No: 73% of the work (8 of 11 nodes) reaches a successful customer outcome `+
		`(tasks 67%, activities 67%, outputs 67%, business outcomes 100%); `+
		`3 do not: "monitor-queues", "update-wallboard", "wallboard-refreshes".`, a.Answer())
}

func TestAlignmentGroupsAndAnswers(t *testing.T) {
	tests := []struct {
		name    string
		nodes   []Node
		edges   []edge
		orphans []OrphanGroup
		answer  string
	}{
		{"empty", nil, nil, nil,
			`There is no work to align: no tasks, activities, outputs or business outcomes.`},
		{"only an outcome nobody delivers", []Node{node("sco", CO)}, nil, nil,
			`There is no work to align: no tasks, activities, outputs or business outcomes; and 1 successful customer outcome has no work feeding it: "sco".`},
		{"all aligned", []Node{node("t", T), node("sco", CO)}, []edge{{"t", "sco", ""}}, nil,
			`Yes: all the work (1 node) reaches a successful customer outcome.`},
		{"all aligned but an outcome nobody delivers",
			[]Node{node("t", T), node("t2", T), node("sco", CO), node("x", CO), node("y", CO)},
			[]edge{{"t", "sco", ""}, {"t2", "sco", ""}}, nil,
			`Yes: all the work (2 nodes) reaches a successful customer outcome; but 2 successful customer outcomes have no work feeding them: "x", "y".`},
		{"orphans at every height",
			[]Node{node("t1", T), node("t2", T), node("a1", A), node("o1", O), node("b1", BO), node("t3", T), node("sco", CO)},
			[]edge{{"t1", "a1", ""}, {"t2", "o1", ""}, {"o1", "b1", ""}, {"t3", "sco", ""}},
			[]OrphanGroup{{A, []string{"a1", "t1"}}, {BO, []string{"b1", "o1", "t2"}}},
			`No: 17% of the work (1 of 6 nodes) reaches a successful customer outcome (tasks 33%, activities 0%, outputs 0%, business outcomes 0%); 5 do not: "a1", "t1", "b1", "o1", "t2".`},
		// Seven orphans in three groups: the five named are the first
		// group's two, the second's two and the first of the third's
		// three, and 2 more are counted from all of them.
		{"more than five orphans across groups",
			[]Node{node("t1", T), node("t2", T), node("a1", A), node("o1", O), node("b1", BO), node("t3", T), node("t4", T), node("t5", T), node("sco", CO)},
			[]edge{{"t1", "a1", ""}, {"t2", "o1", ""}, {"o1", "b1", ""}, {"t3", "sco", ""}},
			[]OrphanGroup{{T, []string{"t4", "t5"}}, {A, []string{"a1", "t1"}}, {BO, []string{"b1", "o1", "t2"}}},
			`No: 13% of the work (1 of 8 nodes) reaches a successful customer outcome (tasks 20%, activities 0%, outputs 0%, business outcomes 0%); 7 do not: "t4", "t5", "a1", "t1", "b1" and 2 more.`},
		{"one orphan among many, and more than five named", manyTasks(200, 6), manyEdges(200, 6),
			[]OrphanGroup{{T, []string{"orphan0", "orphan1", "orphan2", "orphan3", "orphan4", "orphan5"}}},
			`No: 97% of the work (200 of 206 nodes) reaches a successful customer outcome (tasks 97%); 6 do not: "orphan0", "orphan1", "orphan2", "orphan3", "orphan4" and 1 more; and 1 successful customer outcome has no work feeding it: "unfed".`},
		{"almost all aligned is not 100%", manyTasks(999, 1), manyEdges(999, 1),
			[]OrphanGroup{{T, []string{"orphan0"}}},
			`No: 99% of the work (999 of 1000 nodes) reaches a successful customer outcome (tasks 99%); 1 does not: "orphan0"; and 1 successful customer outcome has no work feeding it: "unfed".`},
		{"almost nothing aligned is not 0%", manyTasks(1, 999), manyEdges(1, 999), nil,
			`No: 1% of the work (1 of 1000 nodes) reaches a successful customer outcome (tasks 1%); 999 do not: "orphan0", "orphan1", "orphan10", "orphan100", "orphan101" and 994 more; and 1 successful customer outcome has no work feeding it: "unfed".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustBuild(t, tt.nodes, tt.edges).Alignment()
			if tt.orphans != nil {
				assert.Equal(t, tt.orphans, a.Orphans)
			}
			assert.Equal(t, tt.answer, a.Answer())
		})
	}
}

// manyTasks returns aligned tasks, orphan tasks, the customer outcome they
// feed and one that nothing feeds.
func manyTasks(aligned, orphans int) []Node {
	var ns []Node
	for i := range aligned {
		ns = append(ns, node("task"+itoa(i), T))
	}
	for i := range orphans {
		ns = append(ns, node("orphan"+itoa(i), T))
	}
	return append(ns, node("sco", CO), node("unfed", CO))
}

func manyEdges(aligned, _ int) []edge {
	var es []edge
	for i := range aligned {
		es = append(es, edge{"task" + itoa(i), "sco", ""})
	}
	return es
}

func itoa(i int) string { return decimal.New(int64(i), 0).String() }

func TestShareEdges(t *testing.T) {
	var s Share
	assert.True(t, dec("1").Equal(s.ByCount(2)), "no nodes: nothing misaligned")
	assert.True(t, dec("1").Equal(s.ByWeight(2)), "no weight: nothing misaligned")
	a := Alignment{}
	assert.Equal(t, 0, a.Level(CO).Nodes)
	assert.True(t, a.Equal(Alignment{}))

	// A node whose only link up weighs 0 counts with weight 1, all of it
	// aligned, since it reaches the customer outcome.
	m := mustBuild(t, []Node{node("t", T), node("sco", CO)}, []edge{{"t", "sco", "0"}})
	al := m.Alignment()
	assert.True(t, Share{Nodes: 1, Aligned: 1, Weight: dec("1"), AlignedWeight: dec("1")}.Equal(al.Overall), "%+v", al.Overall)
	assert.True(t, dec("1").Equal(al.Overall.ByWeight(2)))
	assert.True(t, dec("1").Equal(al.Overall.ByCount(2)))
}

// TestAlignmentZeroWeights checks nodes whose links up weigh nothing in all:
// each counts with weight 1, aligned if it reaches a customer outcome.
func TestAlignmentZeroWeights(t *testing.T) {
	tests := []struct {
		name  string
		edges []edge
		want  Share // the tasks' share
	}{
		// t1 and t2 link by weight 0 to the orphan activity a: each weighs
		// 1, none aligned: 0 of 2 by count, 0 of 2 by weight (not 0 of 0,
		// which ByWeight calls 100%).
		{"orphans by weight 0", []edge{{"t1", "a", "0"}, {"t2", "a", "0"}},
			Share{Level: T, Nodes: 2, Weight: dec("2"), AlignedWeight: dec("0")}},
		// Adding a link of weight 0 to an orphan changes nothing: t2 has no
		// link, t1 one of weight 0; both weigh 1, none aligned.
		{"no link and a link of weight 0", []edge{{"t1", "a", "0"}},
			Share{Level: T, Nodes: 2, Weight: dec("2"), AlignedWeight: dec("0")}},
		// t1 reaches sco by a link of weight 0: 1, aligned; t2 to the
		// orphan a by weight 0: 1, not: 1 of 2 both ways.
		{"one aligned by weight 0", []edge{{"t1", "sco", "0"}, {"t2", "a", "0"}},
			Share{Level: T, Nodes: 2, Aligned: 1, Weight: dec("2"), AlignedWeight: dec("1")}},
		// t1 has 0 to sco and 0.5 to a: it weighs its links, 0.5, none of
		// it aligned (its aligned link weighs 0); t2 weighs 1, none
		// aligned: 1 of 2 by count, 0 of 1.5 by weight.
		{"a link of weight 0 beside another", []edge{{"t1", "sco", "0"}, {"t1", "a", "0.5"}, {"t2", "a", "0"}},
			Share{Level: T, Nodes: 2, Aligned: 1, Weight: dec("1.5"), AlignedWeight: dec("0")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustBuild(t, []Node{node("t1", T), node("t2", T), node("a", A), node("sco", CO)}, tt.edges)
			got := m.Alignment().Level(T)
			assert.True(t, tt.want.Equal(got), "%+v", got)
		})
	}

	// The sentence and the share by weight agree: 0% of the tasks by count
	// and by weight, not 0% and 100%.
	a := mustBuild(t, []Node{node("t1", T), node("t2", T), node("a", A)},
		[]edge{{"t1", "a", "0"}, {"t2", "a", "0"}}).Alignment()
	assert.True(t, dec("0").Equal(a.Level(T).ByWeight(2)))
	// Work: t1, t2, a, none aligned; the activity a has no link up: 1, none
	// aligned. The orphans all stop at the activity level, sorted by ID.
	assert.True(t, Share{Nodes: 3, Weight: dec("3"), AlignedWeight: dec("0")}.Equal(a.Overall), "%+v", a.Overall)
	assert.Equal(t, `No: 0% of the work (0 of 3 nodes) reaches a successful customer outcome (tasks 0%, activities 0%); `+
		`3 do not: "a", "t1", "t2".`, a.Answer())
}

// TestUnsupportedThroughOutcomes checks that a successful customer outcome
// fed only by other customer outcomes is supported exactly when work lies
// beneath one of them: no work delivers an outcome fed only by an outcome
// that nothing feeds.
func TestUnsupportedThroughOutcomes(t *testing.T) {
	tests := []struct {
		name  string
		nodes []Node
		edges []edge
		want  []string
	}{
		// Nothing feeds c1, and only c1 feeds c2.
		{"fed by an outcome nothing feeds",
			[]Node{node("t", T), node("a", A), node("c1", CO), node("c2", CO)},
			[]edge{{"t", "a", ""}, {"c1", "c2", ""}}, []string{"c1", "c2"}},
		// t feeds c1, which feeds c2.
		{"fed by an outcome work feeds",
			[]Node{node("t", T), node("c1", CO), node("c2", CO)},
			[]edge{{"t", "c1", ""}, {"c1", "c2", ""}}, nil},
		// c3 is fed by c1 (no work) and by c2 (t): supported; c1 is not.
		{"one of two feeding outcomes has work",
			[]Node{node("t", T), node("c1", CO), node("c2", CO), node("c3", CO)},
			[]edge{{"c1", "c3", ""}, {"t", "c2", ""}, {"c2", "c3", ""}}, []string{"c1"}},
		// A chain c1 -> c2 -> c3 -> c4 added top first, t under c1: the
		// support goes up the chain whatever order the nodes came in.
		{"a chain of outcomes",
			[]Node{node("c4", CO), node("c3", CO), node("c2", CO), node("c1", CO), node("t", T)},
			[]edge{{"c3", "c4", ""}, {"c2", "c3", ""}, {"c1", "c2", ""}, {"t", "c1", "0"}}, nil},
		{"a chain of outcomes without work",
			[]Node{node("c4", CO), node("c3", CO), node("c2", CO), node("c1", CO), node("t", T)},
			[]edge{{"c3", "c4", ""}, {"c2", "c3", ""}, {"c1", "c2", ""}}, []string{"c1", "c2", "c3", "c4"}},
		// A diamond c1 -> c2, c3 -> c4, with work under c3 only: c1 and
		// c2 (fed only by c1) are unsupported, c3 and c4 supported.
		{"a diamond of outcomes",
			[]Node{node("t", T), node("c1", CO), node("c2", CO), node("c3", CO), node("c4", CO)},
			[]edge{{"c1", "c2", ""}, {"c1", "c3", ""}, {"c2", "c4", ""}, {"c3", "c4", ""}, {"t", "c3", ""}},
			[]string{"c1", "c2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustBuild(t, tt.nodes, tt.edges)
			assert.Equal(t, tt.want, m.Alignment().Unsupported)
			var warned []string
			for _, w := range m.Warnings() {
				if w.Code == ErrUndeliveredOutcome {
					warned = append(warned, w.IDs...)
				}
			}
			assert.Equal(t, tt.want, warned)
		})
	}

	// The sentence and the warning say so.
	m := mustBuild(t, tests[0].nodes, tests[0].edges)
	assert.Equal(t, `No: 0% of the work (0 of 2 nodes) reaches a successful customer outcome (tasks 0%, activities 0%); `+
		`2 do not: "a", "t"; and 2 successful customer outcomes have no work feeding them: "c1", "c2".`, m.Alignment().Answer())
	assert.Equal(t, []string{
		`hierarchy: activity "a" reaches no successful customer outcome (the highest level it reaches is Activity)`,
		`hierarchy: successful customer outcome "c1" has no work feeding it, directly or through other customer outcomes`,
		`hierarchy: successful customer outcome "c2" has no work feeding it, directly or through other customer outcomes`,
		`hierarchy: task "t" reaches no successful customer outcome (the highest level it reaches is Activity)`,
	}, messagesOf(m.Warnings()))
}

// TestUnsupportedAgainstDescendants checks the unsupported outcomes of random
// hierarchies against a brute-force search: a customer outcome is
// unsupported when no node below the customer outcomes is among its
// descendants.
func TestUnsupportedAgainstDescendants(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for round := range 300 {
		nodes, edges := randomDefinition(rng)
		m := mustBuild(t, nodes, edges)
		var want []string
		for n := range m.Nodes() {
			if n.Level != CO {
				continue
			}
			below, err := m.Descendants(n.ID)
			require.NoError(t, err)
			fed := false
			for id := range below {
				d, _ := m.Node(id)
				fed = fed || d.Level != CO
			}
			if !fed {
				want = append(want, n.ID)
			}
		}
		slices.Sort(want)
		require.Equal(t, want, m.Alignment().Unsupported, "round %d", round)
	}
}

// TestAlignmentLargeWeights checks sums of weights beyond an int64 of
// millionths: 10 links of the maximum weight 10^12 sum to 10^13, which is
// 10^19 millionths, above 2^63 (about 9.2 * 10^18).
func TestAlignmentLargeWeights(t *testing.T) {
	nodes := []Node{node("sco", CO)}
	var edges []edge
	for i := range 10 {
		id := "t" + itoa(i)
		nodes = append(nodes, node(id, T))
		edges = append(edges, edge{id, "sco", "1000000000000"})
	}
	a := mustBuild(t, nodes, edges).Alignment()
	assert.True(t, dec("10000000000000").Equal(a.Overall.Weight), a.Overall.Weight.String())
	assert.True(t, dec("10000000000000").Equal(a.Levels[0].AlignedWeight))
}

// TestAlignmentOrderIndependent checks that the order a definition was added
// in does not change the report.
func TestAlignmentOrderIndependent(t *testing.T) {
	nodes, edges := contactCentre()
	want := mustBuild(t, nodes, edges).Alignment()
	for i := range 4 {
		ns, es := slices.Clone(nodes), slices.Clone(edges)
		rotate(ns, i*5)
		rotate(es, i*3)
		slices.Reverse(ns)
		got := mustBuild(t, ns, es).Alignment()
		assert.True(t, want.Equal(got), "permutation %d", i)
	}
	// Equal notices a difference in each part.
	other := want
	other.Unsupported = []string{"x"}
	assert.False(t, want.Equal(other))
	other = want
	other.Levels = slices.Clone(want.Levels)
	other.Levels[2].Aligned++
	assert.False(t, want.Equal(other))
	other = want
	other.Orphans = []OrphanGroup{{Highest: T, IDs: want.Orphans[0].IDs}}
	assert.False(t, want.Equal(other))
	other.Orphans = nil
	assert.False(t, want.Equal(other))
	a, b := want, want
	a.Unsupported, b.Unsupported = []string{"a"}, []string{"b"}
	assert.False(t, a.Equal(b), "unsupported IDs of the same length, not the same")
}

// TestAlignmentAgainstAncestors checks the report against a brute-force
// count: a node is aligned when it is a customer outcome or one is among
// its ancestors.
func TestAlignmentAgainstAncestors(t *testing.T) {
	nodes, edges := contactCentre()
	nodes = append(nodes, node("nps", CO), node("loner", A), node("to-nowhere", BO))
	edges = append(edges, edge{"loner", "to-nowhere", ""}, edge{"answer-call", "loner", ""})
	m := mustBuild(t, nodes, edges)
	a := m.Alignment()
	count, aligned := 0, 0
	var orphans []string
	for n := range m.Nodes() {
		if n.Level == outcome.CustomerOutcome {
			continue
		}
		count++
		anc, err := m.Ancestors(n.ID)
		require.NoError(t, err)
		ok := false
		for id := range anc {
			if p, _ := m.Node(id); p.Level == outcome.CustomerOutcome {
				ok = true
			}
		}
		if ok {
			aligned++
		} else {
			orphans = append(orphans, n.ID)
		}
	}
	assert.Equal(t, count, a.Overall.Nodes)
	assert.Equal(t, aligned, a.Overall.Aligned)
	var got []string
	for _, g := range a.Orphans {
		got = append(got, g.IDs...)
	}
	slices.Sort(got)
	slices.Sort(orphans)
	assert.Equal(t, orphans, got)
	assert.Equal(t, []string{"nps"}, a.Unsupported)
	// 11 + loner + to-nowhere = 13 nodes of work; the new two are orphans: 8/13 = 61.5% rounds to 62%.
	assert.True(t, strings.HasPrefix(a.Answer(), "No: 62% of the work (8 of 13 nodes)"), a.Answer())
}

// A business outcome cut off from the customer counts with the work in
// Overall; Of gives the share of the levels the method names as work.
func TestAlignmentOf(t *testing.T) {
	m := mustBuild(t,
		[]Node{node("answer", T), node("resolved", O), node("revenue", BO), node("solved", CO)},
		[]edge{{"answer", "resolved", ""}, {"resolved", "solved", ""}, {"resolved", "revenue", ""}})
	a := m.Alignment()
	// By hand: the task and the output reach "solved"; revenue reaches
	// nothing. Weights: answer's one link (1, aligned); resolved's two
	// links (1 to solved, aligned; 1 to revenue, not); revenue has no link
	// up, so weighs 1, not aligned.
	assert.Equal(t, 3, a.Overall.Nodes)
	assert.Equal(t, 2, a.Overall.Aligned)
	assert.False(t, a.AllAligned())
	work := a.Of(T, A, O)
	assert.True(t, work.Equal(Share{Nodes: 2, Aligned: 2, Weight: dec("3"), AlignedWeight: dec("2")}))
	assert.Equal(t, "1", work.ByCount(2).String())
	assert.Equal(t, "0.67", work.ByWeight(2).String())

	assert.True(t, a.Of(O, O).Equal(a.Level(O)), "one level, once: that level's share, with its level")
	assert.Equal(t, O, a.Of(O).Level)
	assert.True(t, a.Of(T, A, O, BO).Equal(a.Overall), "every level of work is Overall")
	assert.True(t, a.Of(CO, outcome.Level(0), outcome.Level(9)).Equal(Share{}), "no level of work")
	assert.True(t, a.Of().Equal(Share{}))
}

// TestOrphanGroup_Equal checks OrphanGroup.Equal field by field: no IDs,
// nil or empty, are equal (MarshalJSON writes both []); a group read back
// from its JSON is Equal to it.
func TestOrphanGroup_Equal(t *testing.T) {
	fresh := func() OrphanGroup { return OrphanGroup{Highest: outcome.Output, IDs: []string{}} }
	equaltest.Check(t, equaltest.Case[OrphanGroup]{Equal: OrphanGroup.Equal, Base: fresh,
		Twins: []equaltest.Twins[OrphanGroup]{
			{Name: "empty and nil IDs", A: fresh(), B: OrphanGroup{Highest: outcome.Output}, DeepDiffers: true},
		},
		Changes: []equaltest.Change[OrphanGroup]{
			{Field: "Highest", What: "g.Highest = outcome.Activity", Apply: func(g *OrphanGroup) { g.Highest = outcome.Activity }},
			{Field: "IDs", What: `g.IDs = []string{"monitor-queues"}`, Apply: func(g *OrphanGroup) { g.IDs = []string{"monitor-queues"} }},
		},
	})
	two := OrphanGroup{Highest: outcome.Output, IDs: []string{"a", "b"}}
	assert.False(t, two.Equal(OrphanGroup{Highest: outcome.Output, IDs: []string{"a", "c"}}))
	assert.False(t, two.Equal(OrphanGroup{Highest: outcome.Output, IDs: []string{"b", "a"}}), "the IDs' order counts")
	equalReadBack(t, fresh())
	equalReadBack(t, two)
}
