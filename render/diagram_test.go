package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/render"
)

// withUnsupported is the contact centre with a second successful customer
// outcome, "kept informed", that nothing feeds yet.
func withUnsupported(t *testing.T) hierarchy.Model {
	b := contactCentre()
	b.AddNode(hierarchy.Node{ID: "kept-informed", Name: "Customer kept informed", Level: outcome.CustomerOutcome})
	m, err := b.Build()
	require.NoError(t, err)
	return m
}

// diagramCases are the diagrams pinned by golden files, each in both
// formats.
func diagramCases(t *testing.T) []struct {
	name string
	m    hierarchy.Model
	opts render.DiagramOptions
} {
	cc := contactCentreModel()
	return []struct {
		name string
		m    hierarchy.Model
		opts render.DiagramOptions
	}{
		{"contactcentre", cc, render.DiagramOptions{}},
		{"all-weights", cc, render.DiagramOptions{AllWeights: true}},
		{"highlight", cc, render.DiagramOptions{Highlight: "look-up-account"}},
		{"highlight-orphan", cc, render.DiagramOptions{Highlight: "update-wallboard"}},
		{"serving-customer-outcome", cc, render.DiagramOptions{Serving: "solved-first-contact"}},
		{"serving-revenue", cc, render.DiagramOptions{Serving: "revenue", Highlight: "look-up-account"}},
		{"hide-tasks", cc, render.DiagramOptions{Hide: []outcome.Level{outcome.Task}}},
		{"hide-activities", cc, render.DiagramOptions{Hide: []outcome.Level{outcome.Activity}, Highlight: "look-up-account"}},
		{"hide-outputs", cc, render.DiagramOptions{Hide: []outcome.Level{outcome.Output}}},
		{"hide-all-but-outcomes", cc, render.DiagramOptions{Hide: []outcome.Level{outcome.Task, outcome.Activity, outcome.Output}}},
		{"unsupported", withUnsupported(t), render.DiagramOptions{}},
		{"empty", hierarchy.Model{}, render.DiagramOptions{}},
	}
}

func TestDiagramGolden(t *testing.T) {
	for _, tt := range diagramCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			var mm, dot bytes.Buffer
			require.NoError(t, render.Mermaid(&mm, tt.m, tt.opts))
			require.NoError(t, render.DOT(&dot, tt.m, tt.opts))
			golden(t, tt.name+".mmd", mm.Bytes())
			golden(t, tt.name+".dot", dot.Bytes())
			_, err := checkMermaid(mm.String())
			assert.NoError(t, err)
			_, err = checkDOT(dot.String())
			assert.NoError(t, err)
		})
	}
}

// read renders m both ways, checks both outputs and returns what Mermaid
// drew, having checked that DOT drew the same.
func read(t *testing.T, m hierarchy.Model, opts render.DiagramOptions) *diagram {
	t.Helper()
	var mm, dot bytes.Buffer
	require.NoError(t, render.Mermaid(&mm, m, opts))
	require.NoError(t, render.DOT(&dot, m, opts))
	d, err := checkMermaid(mm.String())
	require.NoError(t, err, mm.String())
	g, err := checkDOT(dot.String())
	require.NoError(t, err, dot.String())
	// DOT draws the same nodes, labels, links, marks and highlighted links.
	assert.Equal(t, d.nodes, g.nodes)
	assert.Equal(t, d.links, g.links)
	assert.Equal(t, d.lit, g.lit)
	for _, id := range d.nodes {
		assert.Equal(t, d.labels[id], g.labels[id], id)
		assert.Equal(t, d.group[id], strings.TrimPrefix(g.group[id], "rank_"), id)
		for _, class := range []string{"orphan", "unsupported", "lit"} {
			assert.Equal(t, d.classes[class][id], g.classes[class][id], "%s %s", class, id)
		}
	}
	return d
}

// names returns the n-names of the given IDs of m: n and the position of the
// node in the order added.
func names(m hierarchy.Model, ids ...string) []string {
	pos := map[string]int{}
	i := 0
	for n := range m.Nodes() {
		pos[n.ID] = i
		i++
	}
	var out []string
	for _, id := range ids {
		out = append(out, fmt.Sprintf("n%d", pos[id]))
	}
	return out
}

func TestMermaidContactCentre(t *testing.T) {
	m := contactCentreModel()
	d := read(t, m, render.DiagramOptions{})
	// Twelve nodes, by level, each labelled with its name; twelve links, the
	// two of the first-time response labelled with their weights.
	require.Len(t, d.nodes, 12)
	assert.Equal(t, "Answer call", d.labels["n0"])
	assert.Equal(t, "tasks", d.group["n0"])
	assert.Equal(t, "Problem solved at first contact", d.labels["n11"])
	assert.Equal(t, "customer_outcomes", d.group["n11"])
	require.Len(t, d.links, 12)
	assert.Equal(t, link{"n7", "n9", "0.4"}, d.links[8])
	assert.Equal(t, link{"n7", "n10", "0.6"}, d.links[9])
	// The wallboard's chain is orphaned: the task, the activity and the
	// output, with the legend's entry.
	orphans := names(m, "update-wallboard", "monitor-queues", "wallboard-refreshes")
	assert.Equal(t, setOf(append(orphans, "legend_orphan")...), d.classes["orphan"])
	assert.Equal(t, "a link without a label has weight 1", d.labels["legend_weights"])
	assert.Nil(t, d.classes["lit"])
}

func setOf(ids ...string) map[string]bool {
	s := map[string]bool{}
	for _, id := range ids {
		s[id] = true
	}
	return s
}

func TestDiagramHighlight(t *testing.T) {
	m := contactCentreModel()
	tests := []struct {
		name     string
		id       string
		wantLit  []string // node IDs
		wantLink int      // highlighted links
	}{
		// Looking up an account feeds handle-enquiry (to calls handled,
		// cost to serve) and resolve-problem (to first-time response, cost
		// and revenue): every node above it but the orphans; the links
		// between them: 2 from the task, 2 from the activities, 3 from the
		// outputs, 2 from the business outcomes.
		{"task", "look-up-account",
			[]string{"look-up-account", "handle-enquiry", "resolve-problem", "calls-handled", "first-time-response",
				"cost-to-serve", "revenue", "solved-first-contact"}, 9},
		// An orphan has no line of sight: only itself.
		{"orphan", "update-wallboard", []string{"update-wallboard"}, 0},
		// A customer outcome's line of sight is itself.
		{"customer outcome", "solved-first-contact", []string{"solved-first-contact"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := read(t, m, render.DiagramOptions{Highlight: tt.id})
			assert.Equal(t, setOf(append(names(m, tt.wantLit...), "legend_lit")...), d.classes["lit"])
			assert.Len(t, d.lit, tt.wantLink)
			assert.Equal(t, "line of sight of the highlighted node", d.labels["legend_lit"])
		})
	}
}

func TestDiagramServing(t *testing.T) {
	m := contactCentreModel()
	// Revenue is served by the first-time response, which resolving
	// problems makes, for which accounts are looked up.
	d := read(t, m, render.DiagramOptions{Serving: "revenue"})
	assert.Equal(t, names(m, "look-up-account", "resolve-problem", "first-time-response", "revenue"), d.nodes)
	assert.Equal(t, []link{
		{"n1", "n4", ""}, {"n4", "n7", ""}, {"n7", "n10", "0.6"},
	}, d.links)
	// A customer outcome: everything but the wallboard's orphaned chain.
	d = read(t, m, render.DiagramOptions{Serving: "solved-first-contact"})
	assert.Len(t, d.nodes, 9)
	assert.Nil(t, d.classes["orphan"])
}

func TestDiagramHide(t *testing.T) {
	m := contactCentreModel()
	tests := []struct {
		name  string
		hide  []outcome.Level
		links []link
	}{
		// Tasks are at the bottom: hiding them drops their links, and
		// nothing is re-routed.
		{"tasks", []outcome.Level{outcome.Task}, []link{
			{"n3", "n6", ""}, {"n4", "n7", ""}, {"n5", "n8", ""}, {"n6", "n9", ""},
			{"n7", "n9", "0.4"}, {"n7", "n10", "0.6"}, {"n9", "n11", ""}, {"n10", "n11", ""},
		}},
		// Without the activities, each task links to the outputs its
		// activities made: answer-call (n0) and look-up-account (n1) to
		// calls-handled (n6) through handle-enquiry; look-up-account to
		// first-time-response (n7) through resolve-problem; the wallboard
		// task (n2) to its refreshes (n8). Weights 1 * 1 = 1.
		{"activities", []outcome.Level{outcome.Activity}, []link{
			{"n0", "n6", ""}, {"n1", "n6", ""}, {"n1", "n7", ""}, {"n2", "n8", ""},
			{"n6", "n9", ""}, {"n7", "n9", "0.4"}, {"n7", "n10", "0.6"}, {"n9", "n11", ""}, {"n10", "n11", ""},
		}},
		// Without the outputs, resolve-problem (n4) reaches cost (n9) with
		// 1 * 0.4 and revenue (n10) with 1 * 0.6; handle-enquiry (n3) reaches
		// cost with 1 * 1; monitor-queues (n5) reaches nothing through its
		// orphaned output.
		{"outputs", []outcome.Level{outcome.Output}, []link{
			{"n0", "n3", ""}, {"n1", "n3", ""}, {"n1", "n4", ""}, {"n2", "n5", ""},
			{"n3", "n9", ""}, {"n4", "n9", "0.4"}, {"n4", "n10", "0.6"}, {"n9", "n11", ""}, {"n10", "n11", ""},
		}},
		// Only outcomes: the links between them.
		{"work", []outcome.Level{outcome.Task, outcome.Activity, outcome.Output}, []link{
			{"n9", "n11", ""}, {"n10", "n11", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := read(t, m, render.DiagramOptions{Hide: tt.hide})
			assert.Equal(t, tt.links, d.links)
			assert.Contains(t, d.labels["legend_hidden"], "links re-routed through hidden ")
		})
	}
}

// TestDiagramLinkOrder pins the order of the links, which Mermaid's doc
// gives: as hierarchy.Model.Links yields them (by source in the order the
// nodes were added, each source's in the order its links were added), and,
// once a level is hidden, each drawn node's by target, in the order the
// nodes were added, whether re-routed or not. The output (n2) links to b (n4)
// before s2 (n1).
func TestDiagramLinkOrder(t *testing.T) {
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "t", Level: outcome.Task},
		{ID: "s2", Level: outcome.CustomerOutcome},
		{ID: "o", Level: outcome.Output},
		{ID: "s1", Level: outcome.CustomerOutcome},
		{ID: "b", Level: outcome.BusinessOutcome},
	} {
		b.AddNode(n)
	}
	b.AddLink("t", "o")
	b.AddLink("o", "b")
	b.AddLink("o", "s2")
	b.AddLink("b", "s1")
	m, err := b.Build()
	require.NoError(t, err)
	assert.Equal(t, []link{{"n0", "n2", ""}, {"n2", "n4", ""}, {"n2", "n1", ""}, {"n4", "n3", ""}},
		read(t, m, render.DiagramOptions{}).links)
	// Hiding the tasks re-routes nothing, yet the output's links come by
	// target: s2 (n1) before b (n4).
	assert.Equal(t, []link{{"n2", "n1", ""}, {"n2", "n4", ""}, {"n4", "n3", ""}},
		read(t, m, render.DiagramOptions{Hide: []outcome.Level{outcome.Task}}).links)
}

// TestDiagramHideWeights pins the weight of re-routed links: the sum over
// the paths of the product of their weights.
func TestDiagramHideWeights(t *testing.T) {
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "t", Level: outcome.Task},
		{ID: "a1", Level: outcome.Activity},
		{ID: "a2", Level: outcome.Activity},
		{ID: "a3", Level: outcome.Activity},
		{ID: "o", Level: outcome.Output},
		{ID: "p", Level: outcome.Output},
	} {
		b.AddNode(n)
	}
	w := decimal.RequireFromString
	b.AddWeightedLink("t", "a1", w("0.5"))
	b.AddWeightedLink("t", "a2", w("0.5"))
	b.AddWeightedLink("t", "o", w("2")) // skips a level, straight to the output
	b.AddWeightedLink("a1", "o", w("0.4"))
	b.AddWeightedLink("a2", "o", w("0.2"))
	b.AddWeightedLink("t", "a3", w("0.0001"))
	b.AddWeightedLink("a3", "p", w("0.0001"))
	b.AddWeightedLink("a1", "a2", w("3")) // within the hidden level
	m, err := b.Build()
	require.NoError(t, err)
	d := read(t, m, render.DiagramOptions{Hide: []outcome.Level{outcome.Activity}})
	// t -> o: directly 2; t -> a1 -> o 0.5 * 0.4 = 0.2; t -> a2 -> o
	// 0.5 * 0.2 = 0.1; t -> a1 -> a2 -> o 0.5 * 3 * 0.2 = 0.3; in all 2.6.
	// t -> p: 0.0001 * 0.0001 = 0.00000001, finer than a millionth.
	assert.Equal(t, []link{{"n0", "n4", "2.6"}, {"n0", "n5", "0.00000001"}}, d.links)
}

// TestDiagramHideExact pins re-routed weights that are not whole numbers of
// millionths, or do not fit an int64 in millionths, where the diagram keeps
// exact decimals. The nodes are named n0, n1, ... in the order listed.
func TestDiagramHideExact(t *testing.T) {
	type wlink struct{ from, to, weight string }
	activities := []outcome.Level{outcome.Activity}
	work := []outcome.Level{outcome.Activity, outcome.Output}
	tests := []struct {
		name  string
		nodes []hierarchy.Node
		links []wlink
		hide  []outcome.Level
		want  []link
		unit  bool // some drawn link has weight 1, and no label
	}{
		{
			// t -> a -> a2 -> o -> b, each link 0.001, Activity and Output
			// hidden: o reaches b with 0.001; a2 with 0.001 * 0.001 =
			// 0.000001, a whole millionth; a with 0.001 * 0.000001 =
			// 0.000000001, finer; t with 0.001 * 0.000000001 =
			// 0.000000000001. Also t -> a3 -> b: 0.5 * 0.000001 = 0.0000005,
			// finer; and t -> b directly, 2. In all 2 + 0.0000005 +
			// 0.000000000001 = 2.000000500001.
			name: "finer than a millionth, through three hidden nodes",
			nodes: []hierarchy.Node{
				{ID: "t", Level: outcome.Task}, {ID: "a", Level: outcome.Activity},
				{ID: "a2", Level: outcome.Activity}, {ID: "a3", Level: outcome.Activity},
				{ID: "o", Level: outcome.Output}, {ID: "b", Level: outcome.BusinessOutcome},
			},
			links: []wlink{
				{"t", "a", "0.001"}, {"a", "a2", "0.001"}, {"a2", "o", "0.001"}, {"o", "b", "0.001"},
				{"t", "a3", "0.5"}, {"a3", "b", "0.000001"}, {"t", "b", "2"},
			},
			hide: work,
			want: []link{{"n0", "n5", "2.000000500001"}},
		},
		{
			// t -> a1 -> o: 0.000001 * 0.5 = 0.0000005; t -> a2 -> o:
			// 1.999999 * 0.5 = 0.9999995; both finer than a millionth, but
			// in all exactly 1: no label. u -> a1 -> o: 0.000003 * 0.5 =
			// 0.0000015; u -> a3 -> o: 0.000001 * 0.5 = 0.0000005; in all
			// 0.000002, a whole number of millionths again.
			name: "finer parts that add up to whole millionths",
			nodes: []hierarchy.Node{
				{ID: "t", Level: outcome.Task}, {ID: "u", Level: outcome.Task},
				{ID: "a1", Level: outcome.Activity}, {ID: "a2", Level: outcome.Activity},
				{ID: "a3", Level: outcome.Activity}, {ID: "o", Level: outcome.Output},
			},
			links: []wlink{
				{"t", "a1", "0.000001"}, {"t", "a2", "1.999999"}, {"u", "a1", "0.000003"}, {"u", "a3", "0.000001"},
				{"a1", "o", "0.5"}, {"a2", "o", "0.5"}, {"a3", "o", "0.5"},
			},
			hide: activities,
			want: []link{{"n0", "n5", ""}, {"n1", "n5", "0.000002"}},
			unit: true,
		},
		{
			// 10^12 * 10^12 = 10^24, 10^30 millionths, beyond an int64
			// (at most about 9.22 * 10^18).
			name: "a product beyond an int64",
			nodes: []hierarchy.Node{
				{ID: "t", Level: outcome.Task}, {ID: "a", Level: outcome.Activity}, {ID: "o", Level: outcome.Output},
			},
			links: []wlink{{"t", "a", "1000000000000"}, {"a", "o", "1000000000000"}},
			hide:  activities,
			want:  []link{{"n0", "n2", "1000000000000000000000000"}},
		},
		{
			// t -> a1 -> o and t -> a2 -> o: 5,000,000 * 1,000,000 = 5 * 10^12
			// each, 5 * 10^18 millionths, which fits an int64; their sum,
			// 10^19 millionths, does not; with t -> o directly, 0.5, in all
			// 10,000,000,000,000.5.
			name: "a sum beyond an int64",
			nodes: []hierarchy.Node{
				{ID: "t", Level: outcome.Task}, {ID: "a1", Level: outcome.Activity},
				{ID: "a2", Level: outcome.Activity}, {ID: "o", Level: outcome.Output},
			},
			links: []wlink{
				{"t", "a1", "5000000"}, {"t", "a2", "5000000"}, {"a1", "o", "1000000"}, {"a2", "o", "1000000"},
				{"t", "o", "0.5"},
			},
			hide: activities,
			want: []link{{"n0", "n3", "10000000000000.5"}},
		},
		{
			// 10^12 * 0.000001 * 0.000001 = 1: a weight of 1 has no label,
			// however large the numbers on the way to it.
			name: "a product of 1 through large and small weights",
			nodes: []hierarchy.Node{
				{ID: "t", Level: outcome.Task}, {ID: "a", Level: outcome.Activity},
				{ID: "o", Level: outcome.Output}, {ID: "b", Level: outcome.BusinessOutcome},
			},
			links: []wlink{{"t", "a", "1000000000000"}, {"a", "o", "0.000001"}, {"o", "b", "0.000001"}},
			hide:  work,
			want:  []link{{"n0", "n3", ""}},
			unit:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := hierarchy.NewBuilder()
			for _, n := range tt.nodes {
				b.AddNode(n)
			}
			for _, l := range tt.links {
				b.AddWeightedLink(l.from, l.to, decimal.RequireFromString(l.weight))
			}
			m, err := b.Build()
			require.NoError(t, err)
			d := read(t, m, render.DiagramOptions{Hide: tt.hide})
			assert.Equal(t, tt.want, d.links)
			_, unit := d.labels["legend_weights"]
			assert.Equal(t, tt.unit, unit, "legend of unlabelled links")
		})
	}
}

// TestDiagramHideAllocs: with hidden levels, a diagram takes as many
// allocations for 10,000 nodes as for 1,000 (DESIGN principle 7), give or
// take the growth of a slice: one per node would be 9,000 more.
func TestDiagramHideAllocs(t *testing.T) {
	small, large := benchModel(1_000), benchModel(10_000)
	for _, hide := range [][]outcome.Level{
		{outcome.Activity},
		{outcome.Task, outcome.Activity, outcome.Output},
	} {
		for _, f := range []struct {
			name string
			draw func(io.Writer, hierarchy.Model, render.DiagramOptions) error
		}{{"Mermaid", render.Mermaid}, {"DOT", render.DOT}} {
			t.Run(fmt.Sprint(f.name, hide), func(t *testing.T) {
				opts := render.DiagramOptions{Hide: hide}
				allocs := func(m hierarchy.Model) float64 {
					return testing.AllocsPerRun(5, func() {
						if err := f.draw(io.Discard, m, opts); err != nil {
							t.Fatal(err)
						}
					})
				}
				a, b := allocs(small), allocs(large)
				assert.InDelta(t, a, b, 4, "allocations for 1,000 nodes and for 10,000")
				assert.Less(t, b, 64.0, "allocations for 10,000 nodes")
			})
		}
	}
}

func TestDiagramErrors(t *testing.T) {
	m := contactCentreModel()
	tests := []struct {
		name  string
		opts  render.DiagramOptions
		codes []outcome.Code
		msg   string
	}{
		{"unknown highlight", render.DiagramOptions{Highlight: "nobody"},
			[]outcome.Code{hierarchy.ErrUnknownNode},
			`render: the node to highlight, "nobody", is not in the hierarchy`},
		// An ID is clipped to 64 bytes, on a rune boundary: "a" and 31
		// two-byte runes are 63 bytes.
		{"long unknown id", render.DiagramOptions{Highlight: "a" + strings.Repeat("é", 40)},
			[]outcome.Code{hierarchy.ErrUnknownNode},
			`render: the node to highlight, "a` + strings.Repeat("é", 31) + `...", is not in the hierarchy`},
		{"unknown serving", render.DiagramOptions{Serving: "nobody"},
			[]outcome.Code{hierarchy.ErrUnknownNode},
			`render: the node to serve, "nobody", is not in the hierarchy`},
		{"hidden customer outcomes", render.DiagramOptions{Hide: []outcome.Level{outcome.CustomerOutcome, outcome.CustomerOutcome}},
			[]outcome.Code{render.ErrHiddenCustomerOutcomes},
			"render: cannot hide the successful customer outcomes: every line of sight ends there"},
		// Every level that is not one is named, once, in ascending order,
		// in one error.
		{"invalid level", render.DiagramOptions{Hide: []outcome.Level{9, 9}},
			[]outcome.Code{outcome.ErrUnknownLevel},
			"render: cannot hide Level(9): it is not a level"},
		{"two invalid levels", render.DiagramOptions{Hide: []outcome.Level{0, 9}},
			[]outcome.Code{outcome.ErrUnknownLevel},
			"render: cannot hide Level(0), Level(9): they are not levels"},
		{"three invalid levels", render.DiagramOptions{Hide: []outcome.Level{9, outcome.Task, 0, 7, 9}},
			[]outcome.Code{outcome.ErrUnknownLevel},
			"render: cannot hide Level(0), Level(7), Level(9): they are not levels"},
		// Levels 6 to 20 are 15: the first 8 (6 to 13) named, 7 more counted.
		{"many invalid levels", render.DiagramOptions{Hide: []outcome.Level{20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6}},
			[]outcome.Code{outcome.ErrUnknownLevel},
			"render: cannot hide Level(6), Level(7), Level(8), Level(9), Level(10), Level(11), Level(12), Level(13) and 7 more: they are not levels"},
		// The order of the errors does not follow the order of Hide.
		{"invalid level before customer outcomes", render.DiagramOptions{Hide: []outcome.Level{7, outcome.CustomerOutcome}},
			[]outcome.Code{render.ErrHiddenCustomerOutcomes, outcome.ErrUnknownLevel},
			""},
		{"highlight hidden", render.DiagramOptions{Highlight: "answer-call", Hide: []outcome.Level{outcome.Task}},
			[]outcome.Code{render.ErrNodeNotShown},
			`render: the node to highlight, "answer-call", is a Task, a level the options hide`},
		{"serving hidden", render.DiagramOptions{Serving: "calls-handled", Hide: []outcome.Level{outcome.Output}},
			[]outcome.Code{render.ErrNodeNotShown},
			`render: the node to serve, "calls-handled", is an Output, a level the options hide`},
		{"highlight not serving", render.DiagramOptions{Highlight: "answer-call", Serving: "revenue"},
			[]outcome.Code{render.ErrNodeNotShown},
			`render: the node to highlight, "answer-call", does not serve "revenue", which the diagram is about`},
		// Whether the highlight serves the node served is asked even when
		// other options are refused, so that every problem is reported.
		{"highlight not serving, invalid level", render.DiagramOptions{Highlight: "answer-call", Serving: "revenue",
			Hide: []outcome.Level{9}},
			[]outcome.Code{outcome.ErrUnknownLevel, render.ErrNodeNotShown},
			"render: cannot hide Level(9): it is not a level\n" +
				`render: the node to highlight, "answer-call", does not serve "revenue", which the diagram is about`},
		{"highlight hidden and not serving", render.DiagramOptions{Highlight: "answer-call", Serving: "revenue",
			Hide: []outcome.Level{outcome.Task}},
			[]outcome.Code{render.ErrNodeNotShown, render.ErrNodeNotShown},
			`render: the node to highlight, "answer-call", is a Task, a level the options hide` + "\n" +
				`render: the node to highlight, "answer-call", does not serve "revenue", which the diagram is about`},
		{"all at once", render.DiagramOptions{Highlight: "nobody", Serving: "calls-handled",
			Hide: []outcome.Level{outcome.Output, outcome.CustomerOutcome, 7}},
			[]outcome.Code{render.ErrHiddenCustomerOutcomes, outcome.ErrUnknownLevel, render.ErrNodeNotShown, hierarchy.ErrUnknownNode},
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, fn := range []func(io.Writer, hierarchy.Model, render.DiagramOptions) error{render.Mermaid, render.DOT} {
				var buf bytes.Buffer
				err := fn(&buf, m, tt.opts)
				require.Error(t, err)
				assert.Zero(t, buf.Len(), "nothing is written")
				var codes []outcome.Code
				for _, p := range outcome.Problems(err) {
					codes = append(codes, p.Code)
				}
				assert.Equal(t, tt.codes, codes)
				for _, c := range tt.codes {
					assert.ErrorIs(t, err, c)
				}
				if tt.msg != "" {
					assert.EqualError(t, err, tt.msg)
				}
			}
		})
	}
}

// failWriter fails every write after the first ok ones.
type failWriter struct {
	ok, calls int
}

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	w.calls++
	if w.calls > w.ok {
		return 0, errDiskFull
	}
	return len(p), nil
}

func TestDiagramWriteError(t *testing.T) {
	m := benchModel(2000) // more than one buffer of output
	for name, fn := range map[string]func(io.Writer, hierarchy.Model, render.DiagramOptions) error{
		"mermaid": render.Mermaid, "dot": render.DOT,
	} {
		t.Run(name, func(t *testing.T) {
			w := &failWriter{ok: 1}
			err := fn(w, m, render.DiagramOptions{})
			assert.ErrorIs(t, err, errDiskFull)
			assert.Equal(t, 2, w.calls, "no write after the one that failed")
		})
	}
}

// TestDiagramDeterministic renders a model built twice, and with its
// links added in another order, and gets the same bytes.
func TestDiagramDeterministic(t *testing.T) {
	a := contactCentreModel()
	b := contactCentreModel()
	for _, opts := range []render.DiagramOptions{{}, {Hide: []outcome.Level{outcome.Output}, Highlight: "look-up-account"}} {
		var x, y bytes.Buffer
		require.NoError(t, render.Mermaid(&x, a, opts))
		require.NoError(t, render.Mermaid(&y, b, opts))
		assert.Equal(t, x.String(), y.String())
		x.Reset()
		y.Reset()
		require.NoError(t, render.DOT(&x, a, opts))
		require.NoError(t, render.DOT(&y, b, opts))
		assert.Equal(t, x.String(), y.String())
	}
}

// randomModel builds a random hierarchy of up to n nodes: random levels,
// links from each node to nodes of its level (later ones only, so that there
// is no cycle) or higher, with weights from a small set.
func randomModel(rng *rand.Rand, n int) hierarchy.Model {
	return randomWeightedModel(rng, n, []string{"1", "1", "1", "0.5", "0.25", "2", "0", "0.001"})
}

// randomWeightedModel is randomModel with link weights drawn from weights.
func randomWeightedModel(rng *rand.Rand, n int, weights []string) hierarchy.Model {
	b := hierarchy.NewBuilder()
	levels := make([]outcome.Level, n)
	for i := range n {
		levels[i] = outcome.Level(1 + rng.IntN(5))
		b.AddNode(hierarchy.Node{ID: fmt.Sprintf("x%d", i), Level: levels[i]})
	}
	for i := range n {
		for j := range n {
			if (levels[j] > levels[i] || levels[j] == levels[i] && j > i) && rng.IntN(4) == 0 {
				b.AddWeightedLink(fmt.Sprintf("x%d", i), fmt.Sprintf("x%d", j),
					decimal.RequireFromString(weights[rng.IntN(len(weights))]))
			}
		}
	}
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}

// TestDiagramProperties checks random hierarchies under random options
// against the hierarchy's own answers, by brute force:
//
//   - the nodes drawn are those of shown levels that serve the node served;
//   - a link u -> v is drawn exactly when there is a path from u to v whose
//     nodes between are hidden, and its weight is the sum over such paths of
//     the product of the weights, so that reachability between drawn nodes
//     is that of the hierarchy (line of sight is kept);
//   - the highlighted nodes are the nodes on the paths of LineOfSight;
//   - orphans are the nodes Aligned says are not, unsupported outcomes the
//     customer outcomes with no Children.
func TestDiagramProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for run := range 300 {
		m := randomModel(rng, 1+rng.IntN(14))
		ids := []string{}
		for n := range m.Nodes() {
			ids = append(ids, n.ID)
		}
		var opts render.DiagramOptions
		for l := outcome.Task; l < outcome.CustomerOutcome; l++ {
			if rng.IntN(3) == 0 {
				opts.Hide = append(opts.Hide, l)
			}
		}
		shown := func(id string) bool {
			n, _ := m.Node(id)
			for _, l := range opts.Hide {
				if n.Level == l {
					return false
				}
			}
			return true
		}
		if rng.IntN(2) == 0 {
			if id := ids[rng.IntN(len(ids))]; shown(id) {
				opts.Serving = id
			}
		}
		served := func(id string) bool {
			if opts.Serving == "" || id == opts.Serving {
				return true
			}
			below, _ := m.Descendants(opts.Serving)
			for x := range below {
				if x == id {
					return true
				}
			}
			return false
		}
		if rng.IntN(2) == 0 {
			if id := ids[rng.IntN(len(ids))]; shown(id) && served(id) {
				opts.Highlight = id
			}
		}
		t.Run(fmt.Sprint(run), func(t *testing.T) {
			d := read(t, m, opts)
			byName := map[string]string{}
			for i, id := range ids {
				byName[fmt.Sprintf("n%d", i)] = id
			}
			// The nodes drawn.
			var want []string
			for i, id := range ids {
				if shown(id) && served(id) {
					want = append(want, fmt.Sprintf("n%d", i))
				}
			}
			assert.ElementsMatch(t, want, d.nodes, "nodes, options %+v", opts)
			// The links drawn, and their weights.
			got := map[[2]string]decimal.Decimal{}
			for _, l := range d.links {
				w := decimal.New(1, 0)
				if l.label != "" {
					w = decimal.RequireFromString(l.label)
				}
				got[[2]string{byName[l.from], byName[l.to]}] = w
			}
			expect := pathWeights(m, want, byName, shown)
			assert.Len(t, got, len(expect))
			for k, w := range expect {
				assert.True(t, w.Equal(got[k]), "link %v: want %s, got %s", k, w, got[k])
			}
			// The highlighted nodes.
			if opts.Highlight != "" {
				los, err := m.LineOfSight(opts.Highlight, 1<<20)
				require.NoError(t, err)
				lit := map[string]bool{opts.Highlight: true}
				for _, p := range los.Paths {
					for _, id := range p {
						lit[id] = true
					}
				}
				for _, name := range d.nodes {
					assert.Equal(t, lit[byName[name]], d.classes["lit"][name], "lit %s", byName[name])
				}
				for k, l := range d.links {
					assert.Equal(t, lit[byName[l.from]] && lit[byName[l.to]], d.lit[k], "lit link %v", l)
				}
			} else {
				assert.Empty(t, d.lit)
			}
			// The marks.
			for _, name := range d.nodes {
				n, _ := m.Node(byName[name])
				aligned, _ := m.Aligned(n.ID)
				// Unsupported: a customer outcome with no work beneath it,
				// directly or through other customer outcomes.
				beneath, _ := m.Descendants(n.ID)
				fed := false
				for id := range beneath {
					b, _ := m.Node(id)
					fed = fed || b.Level != outcome.CustomerOutcome
				}
				assert.Equal(t, n.Level != outcome.CustomerOutcome && !aligned, d.classes["orphan"][name], "orphan %s", n.ID)
				assert.Equal(t, n.Level == outcome.CustomerOutcome && !fed, d.classes["unsupported"][name], "unsupported %s", n.ID)
			}
		})
	}
}

// TestDiagramHideExactProperties checks, by brute force as
// TestDiagramProperties does, the weights of re-routed links through many
// hidden levels with weights whose products are finer than a millionth or
// beyond an int64: each drawn link's label is the sum over its paths of the
// product of their weights, exactly, and a link has no label exactly when
// that weight is 1.
func TestDiagramHideExactProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 9))
	weights := []string{"1", "0.5", "0", "0.001", "0.000001", "0.000003", "1.999999", "0.3",
		"999999.999999", "1000000000000", "5000000"}
	for run := range 300 {
		m := randomWeightedModel(rng, 2+rng.IntN(16), weights)
		ids := []string{}
		for n := range m.Nodes() {
			ids = append(ids, n.ID)
		}
		hide := map[outcome.Level]bool{}
		var opts render.DiagramOptions
		for l := outcome.Task; l < outcome.CustomerOutcome; l++ {
			if rng.IntN(2) == 0 {
				hide[l] = true
				opts.Hide = append(opts.Hide, l)
			}
		}
		shown := func(id string) bool {
			n, _ := m.Node(id)
			return !hide[n.Level]
		}
		t.Run(fmt.Sprint(run), func(t *testing.T) {
			d := read(t, m, opts)
			byName := map[string]string{}
			for i, id := range ids {
				byName[fmt.Sprintf("n%d", i)] = id
			}
			var drawn []string // without Serving, the nodes of shown levels
			for i, id := range ids {
				if shown(id) {
					drawn = append(drawn, fmt.Sprintf("n%d", i))
				}
			}
			assert.ElementsMatch(t, drawn, d.nodes)
			expect := pathWeights(m, drawn, byName, shown)
			assert.Len(t, d.links, len(expect))
			for _, l := range d.links {
				want := expect[[2]string{byName[l.from], byName[l.to]}]
				if want.Equal(decimal.New(1, 0)) {
					assert.Empty(t, l.label, "link %v of weight 1", l)
					continue
				}
				require.NotEmpty(t, l.label, "link %v of weight %s", l, want)
				assert.True(t, want.Equal(decimal.RequireFromString(l.label)), "link %v: want %s", l, want)
			}
		})
	}
}

// pathWeights enumerates, from each drawn node, the paths through hidden
// nodes to drawn nodes, and returns the sum of the products of their
// weights per pair of drawn nodes.
func pathWeights(m hierarchy.Model, drawn []string, byName map[string]string, shown func(string) bool) map[[2]string]decimal.Decimal {
	weight := map[[2]string]decimal.Decimal{}
	for l := range m.Links() {
		weight[[2]string{l.From, l.To}] = l.Weight
	}
	isDrawn := map[string]bool{}
	for _, name := range drawn {
		isDrawn[byName[name]] = true
	}
	out := map[[2]string]decimal.Decimal{}
	var walk func(from, at string, w decimal.Decimal)
	walk = func(from, at string, w decimal.Decimal) {
		parents, _ := m.Parents(at)
		for p := range parents {
			pw := w.Mul(weight[[2]string{at, p}])
			switch {
			case !shown(p):
				walk(from, p, pw)
			case isDrawn[p]:
				k := [2]string{from, p}
				out[k] = out[k].Add(pw)
			}
		}
	}
	for _, name := range drawn {
		walk(byName[name], byName[name], decimal.New(1, 0))
	}
	return out
}

// TestDiagramHostileNames: any text yields a valid diagram in both formats,
// whose labels show the text as it is.
func TestDiagramHostileNames(t *testing.T) {
	m := hostileModel()
	for _, opts := range []render.DiagramOptions{
		{}, {AllWeights: true, Highlight: hostileNames[0]}, {Hide: []outcome.Level{outcome.Activity}},
	} {
		d := read(t, m, opts)
		i := 0
		for n := range m.Nodes() {
			name := fmt.Sprintf("n%d", i)
			i++
			if _, drawn := d.labels[name]; !drawn {
				continue
			}
			want := n.Name
			if want == "" {
				want = n.ID
			}
			assert.Equal(t, render.Shown(want, "\n", " "), d.labels[name], "node %q", n.ID)
		}
	}
}

// TestDOTLongNames: a name longer than the 16,384 bytes Graphviz reads of a
// quoted string in a row is written as quoted pieces joined with +, each at
// most 8,192 bytes (checkDOT refuses a longer one) and each decoding on its
// own, and the label read back is the name.
func TestDOTLongNames(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, render.DOT(&out, longNameModel(), render.DiagramOptions{}))
	g, err := checkDOT(out.String())
	require.NoError(t, err)
	for i, name := range longNames() {
		assert.Equal(t, render.Shown(name, "\n", " "), g.labels[fmt.Sprintf("n%d", i)], "name %d", i)
	}
	// 4,200 emoji of 4 bytes: 2,048 fill a piece of 8,192 bytes, so the
	// pieces hold 2,048, 2,048 and 104.
	emoji := func(n int) string { return strings.Repeat("😀", n) }
	assert.Contains(t, out.String(), "        n0 [label=\""+emoji(2048)+`" + "`+emoji(2048)+`" + "`+emoji(104)+"\"];\n")
	// The second name is 200 lines of 99 x's and \n, 20,200 bytes escaped:
	// pieces of 8,192, 8,192 (8,191 if a \n would straddle the cut) and the
	// rest, so two joins.
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "        n1 ") {
			assert.Equal(t, 2, strings.Count(line, `" + "`), "joins")
		}
	}
}

// TestMermaidLongLists: class and linkStyle statements list at most 32
// names each, and the next statement goes on.
func TestMermaidLongLists(t *testing.T) {
	// A task that feeds 40 outputs, each of which feeds the customer
	// outcome: 80 links on its line of sight; and 40 orphaned tasks.
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "t", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "sco", Level: outcome.CustomerOutcome})
	for i := range 40 {
		out, orphan := fmt.Sprintf("o%d", i), fmt.Sprintf("x%d", i)
		b.AddNode(hierarchy.Node{ID: out, Level: outcome.Output})
		b.AddNode(hierarchy.Node{ID: orphan, Level: outcome.Task})
		b.AddLink("t", out)
		b.AddLink(out, "sco")
	}
	m, err := b.Build()
	require.NoError(t, err)
	d := read(t, m, render.DiagramOptions{Highlight: "t"})
	assert.Len(t, d.classes["orphan"], 41, "40 tasks and the legend's entry")
	assert.Len(t, d.classes["lit"], 43, "the task, 40 outputs, the customer outcome and the legend's entry")
	assert.Len(t, d.lit, 80)
	var mm bytes.Buffer
	require.NoError(t, render.Mermaid(&mm, m, render.DiagramOptions{Highlight: "t"}))
	statements := 0
	for _, line := range strings.Split(mm.String(), "\n") {
		if strings.HasPrefix(line, "    class ") || strings.HasPrefix(line, "    linkStyle ") {
			list := strings.Fields(line)[1]
			assert.LessOrEqual(t, len(strings.Split(list, ",")), 32, "at most 32 names: %s", line)
			statements++
		}
	}
	// orphan: 41 names in 2 statements; lit: 43 in 2; note: 1 (the legend's
	// entry on weights); linkStyle: 80 in 3.
	assert.Equal(t, 8, statements)
}

// sparseModel generates a hierarchy of n nodes whose levels are drawn at
// random (so that the levels are interleaved in the order of the nodes),
// each node with up to three links to nodes of a higher level, or of its
// own level added after it, with weights from weights; customer outcomes
// link to customer outcomes too, and some nodes link to nothing.
func sparseModel(rng *rand.Rand, n int, weights []string) hierarchy.Model {
	b := hierarchy.NewBuilder()
	b.Grow(n, 2*n)
	levels := make([]outcome.Level, n)
	byLevel := make([][]int, outcome.CustomerOutcome+1)
	for i := range n {
		levels[i] = outcome.Level(1 + rng.IntN(5))
		byLevel[levels[i]] = append(byLevel[levels[i]], i)
		b.AddNode(hierarchy.Node{ID: fmt.Sprintf("x%d", i), Name: fmt.Sprintf("X %d", i), Level: levels[i]})
	}
	for i := range n {
		seen := map[int]bool{}
		for range rng.IntN(4) {
			l := levels[i] + outcome.Level(rng.IntN(int(outcome.CustomerOutcome-levels[i])+1))
			to := byLevel[l][rng.IntN(len(byLevel[l]))]
			if l == levels[i] && to <= i || seen[to] {
				continue
			}
			seen[to] = true
			b.AddWeightedLinkAt(i, to, decimal.RequireFromString(weights[rng.IntN(len(weights))]))
		}
	}
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}

// TestDiagramMatchesBare checks Mermaid and DOT against the diagrams as
// they were drawn before they cost only what they draw (BareMermaid and
// BareDOT, copies of the code at the time): on random hierarchies, small and
// dense, or of 200 to 3,000 nodes and sparse (where what serves a node is
// below and above 1/128 of the model), under random options (levels hidden,
// a level that is none, a node served, a node highlighted, either unknown or
// hidden, a highlight that does not serve the node served, all weights), the
// same output, byte for byte, or the same error.
func TestDiagramMatchesBare(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 128))
	weights := []string{"1", "1", "1", "0.5", "0.25", "2", "0", "0.001", "0.000003", "999999.999999", "1000000000000"}
	sparse, small := 0, 0
	for run := range 500 {
		var m hierarchy.Model
		if run%3 == 0 {
			m = randomWeightedModel(rng, 1+rng.IntN(14), weights)
		} else {
			m = sparseModel(rng, 200+rng.IntN(2800), weights)
		}
		ids := []string{}
		for n := range m.Nodes() {
			ids = append(ids, n.ID)
		}
		pick := func() string {
			switch rng.IntN(20) {
			case 0:
				return "unknown"
			case 1, 2, 3, 4, 5:
				return ""
			}
			return ids[rng.IntN(len(ids))]
		}
		opts := render.DiagramOptions{AllWeights: rng.IntN(4) == 0, Serving: pick()}
		if rng.IntN(3) == 0 {
			// A customer outcome, which many nodes serve.
			for range 10 {
				if n, _ := m.Node(ids[rng.IntN(len(ids))]); n.Level == outcome.CustomerOutcome {
					opts.Serving = n.ID
					break
				}
			}
		}
		for l := outcome.Task; l <= outcome.CustomerOutcome; l++ {
			if rng.IntN(4) == 0 && (l != outcome.CustomerOutcome || rng.IntN(8) == 0) {
				opts.Hide = append(opts.Hide, l)
			}
		}
		if rng.IntN(40) == 0 {
			opts.Hide = append(opts.Hide, outcome.Level(9))
		}
		opts.Highlight = pick()
		if opts.Serving != "" && opts.Highlight != "" && rng.IntN(4) != 0 {
			// Mostly a node that serves it, so that the diagram is drawn.
			below, err := m.Descendants(opts.Serving)
			if err == nil {
				var under []string
				for id := range below {
					under = append(under, id)
				}
				if len(under) > 0 {
					opts.Highlight = under[rng.IntN(len(under))]
				}
			}
		}
		if opts.Serving != "" && m.Len() > 128 {
			if below, err := m.Descendants(opts.Serving); err == nil {
				k := 1
				for range below {
					k++
				}
				if k > m.Len()/128 {
					small++
				} else {
					sparse++
				}
			}
		}
		for _, f := range []struct {
			name       string
			draw, bare func(io.Writer, hierarchy.Model, render.DiagramOptions) error
		}{{"Mermaid", render.Mermaid, render.BareMermaid}, {"DOT", render.DOT, render.BareDOT}} {
			var got, want bytes.Buffer
			err, wantErr := f.draw(&got, m, opts), f.bare(&want, m, opts)
			if wantErr != nil {
				if assert.Error(t, err, "run %d %s %+v", run, f.name, opts) {
					assert.Equal(t, wantErr.Error(), err.Error(), "run %d %s %+v", run, f.name, opts)
					assert.Equal(t, outcome.Problems(wantErr), outcome.Problems(err), "run %d %s", run, f.name)
				}
				assert.Zero(t, got.Len(), "run %d %s: written on error", run, f.name)
				continue
			}
			if assert.NoError(t, err, "run %d %s %+v", run, f.name, opts) && got.String() != want.String() {
				t.Errorf("run %d %s, %d nodes, options %+v: output differs from the reference\ngot:\n%s\nwant:\n%s",
					run, f.name, m.Len(), opts, clipText(got.String()), clipText(want.String()))
			}
		}
	}
	// Both ways of numbering the part served were taken.
	assert.Greater(t, sparse, 50, "parts served within 1/128 of the model")
	assert.Greater(t, small, 50, "parts served beyond 1/128 of the model")
}

// clipText returns at most the first 4,000 bytes of s.
func clipText(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "..."
	}
	return s
}
