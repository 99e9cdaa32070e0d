package hierarchy

import (
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

const (
	T  = outcome.Task
	A  = outcome.Activity
	O  = outcome.Output
	BO = outcome.BusinessOutcome
	CO = outcome.CustomerOutcome
)

func TestBuildValid(t *testing.T) {
	nodes, edges := contactCentre()
	m, err := builder(nodes, edges).Build()
	require.NoError(t, err)
	assert.Equal(t, 12, m.Len())
	assert.Equal(t, 12, m.LinkCount())
	assert.False(t, m.IsZero())
	n, err := m.Node("calls-handled")
	require.NoError(t, err)
	assert.True(t, n.Equal(nodes[6]), "the node comes back with its metric")
	assert.False(t, n.IsZero())
}

// TestBuildErrors pins the message of every kind of error and checks that
// each is reported with its code and IDs.
func TestBuildErrors(t *testing.T) {
	metricOf := func(id string, l outcome.Level) outcome.Metric {
		spec := outcome.MetricSpec{ID: id, Name: id, Level: l, Direction: outcome.HigherIsBetter}
		if l == BO {
			spec.Kind = outcome.Cost
		}
		return outcome.MustMetric(spec)
	}
	tests := []struct {
		name  string
		nodes []Node
		edges []edge
		code  outcome.Code
		ids   []string
		msg   string
	}{
		{"empty id", []Node{node("", T)}, nil, outcome.ErrEmptyID, nil,
			`hierarchy: node #0 has an empty id`},
		{"blank id", []Node{node("a", T), node("  ", T)}, nil, outcome.ErrEmptyID, nil,
			`hierarchy: node #1 has an id of only white space "  "`},
		{"id with white space", []Node{node(" a", T)}, nil, outcome.ErrInvalidID, []string{" a"},
			`hierarchy: node id " a" has surrounding white space`},
		{"id with a control character", []Node{node("a\tb", T)}, nil, outcome.ErrInvalidID, []string{"a\tb"},
			`hierarchy: node id "a\tb" has a control character`},
		{"duplicate id", []Node{node("a", T), node("a", A), node("a", O)}, nil, outcome.ErrDuplicateID, []string{"a"},
			`hierarchy: node id "a" is given to 3 nodes`},
		{"name not UTF-8", []Node{{ID: "a", Name: "Answer \xff call", Level: T}}, nil, outcome.ErrInvalidText, []string{"a"},
			`hierarchy: node "a" has a name that is not valid UTF-8: "Answer \xff call"`},
		{"no level", []Node{node("a", 0)}, nil, outcome.ErrUnknownLevel, []string{"a"},
			`hierarchy: node "a" has no valid level`},
		{"level out of range", []Node{node("a", 9)}, nil, outcome.ErrUnknownLevel, []string{"a"},
			`hierarchy: node "a" has no valid level`},
		{"metric of another level", []Node{{ID: "aht", Level: BO, Metric: metricOf("aht-metric", O)}}, nil,
			ErrMetricLevel, []string{"aht", "aht-metric"},
			`hierarchy: node "aht" is at level Business Outcome, but its metric "aht-metric" measures level Output`},
		// Three nodes carry "calls": two as an output of calls handled, one
		// as an output named otherwise; named in the nodes' order by ID,
		// whatever order they were added in.
		{"one metric ID for different metrics", []Node{
			{ID: "team-b", Level: O, Metric: metricOf("calls", O)},
			{ID: "team-c", Level: O, Metric: outcome.MustMetric(outcome.MetricSpec{ID: "calls", Name: "Calls answered", Level: O, Direction: outcome.HigherIsBetter})},
			{ID: "team-a", Level: O, Metric: metricOf("calls", O)},
		}, nil, outcome.ErrDuplicateID, []string{"calls", "team-a", "team-b", "team-c"},
			`hierarchy: metric ID "calls" names different metrics, carried by nodes "team-a", "team-b", "team-c"`},
		{"link from an unknown node", []Node{node("b", A)}, []edge{{"a", "b", ""}}, ErrDanglingLink, []string{"a", "b"},
			`hierarchy: link "a" -> "b" comes from an unknown node`},
		{"link to an unknown node", []Node{node("a", A)}, []edge{{"a", "b", ""}}, ErrDanglingLink, []string{"a", "b"},
			`hierarchy: link "a" -> "b" goes to an unknown node`},
		{"link between unknown nodes", nil, []edge{{"a", "b", ""}}, ErrDanglingLink, []string{"a", "b"},
			`hierarchy: link "a" -> "b" joins two unknown nodes`},
		{"self-link", []Node{node("a", A)}, []edge{{"a", "a", ""}}, ErrSelfLink, []string{"a", "a"},
			`hierarchy: node "a" links to itself`},
		{"downward link", []Node{node("out", O), node("task", T)}, []edge{{"out", "task", ""}},
			ErrDownwardLink, []string{"out", "task"},
			`hierarchy: link "out" -> "task" goes down from Output to Task`},
		{"duplicate link", []Node{node("a", T), node("b", A)}, []edge{{"a", "b", ""}, {"a", "b", "2"}, {"a", "b", ""}},
			ErrDuplicateLink, []string{"a", "b"},
			`hierarchy: link "a" -> "b" is given 3 times`},
		{"negative weight", []Node{node("a", T), node("b", A)}, []edge{{"a", "b", "-0.5"}},
			ErrNegativeWeight, []string{"a", "b"},
			`hierarchy: link "a" -> "b" has weight -0.5, below zero`},
		{"weight too precise", []Node{node("a", T), node("b", A)}, []edge{{"a", "b", "0.3333333"}},
			ErrInvalidWeight, []string{"a", "b"},
			`hierarchy: link "a" -> "b" has weight 0.3333333, with more than 6 decimal places`},
		{"weight too large", []Node{node("a", T), node("b", A)}, []edge{{"a", "b", "1000000000000.000001"}},
			ErrInvalidWeight, []string{"a", "b"},
			`hierarchy: link "a" -> "b" has weight 1000000000000.000001, above the maximum 1000000000000`},
		{"weight with a huge exponent", []Node{node("a", T), node("b", A)}, []edge{{"a", "b", "1e9000"}},
			ErrInvalidWeight, []string{"a", "b"},
			`hierarchy: link "a" -> "b" has weight 1e9000, above the maximum 1000000000000`},
		{"two-node cycle", []Node{node("b", O), node("a", O)}, []edge{{"b", "a", ""}, {"a", "b", ""}},
			ErrCycle, []string{"a", "b"},
			`hierarchy: cycle "a" -> "b" -> "a"`},
		{"three-node cycle", []Node{node("x", O), node("y", O), node("z", O), node("w", O)},
			[]edge{{"y", "z", ""}, {"z", "x", ""}, {"x", "y", ""}, {"w", "x", ""}},
			ErrCycle, []string{"x", "y", "z"},
			`hierarchy: cycle "x" -> "y" -> "z" -> "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := builder(tt.nodes, tt.edges).Build()
			require.Error(t, err)
			assert.True(t, m.IsZero(), "a failed Build returns the zero Model")
			assert.ErrorIs(t, err, tt.code)
			ps := outcome.Problems(err)
			require.Len(t, ps, 1, "%v", messages(err))
			assert.Equal(t, tt.code, ps[0].Code)
			assert.Equal(t, outcome.SeverityError, ps[0].Severity)
			assert.Equal(t, tt.ids, ps[0].IDs)
			assert.Equal(t, tt.msg, ps[0].Message)
		})
	}
}

// TestDuplicateIDsAnyOrder: an ID given to nodes at different levels makes
// the same errors in either order of its nodes. Links by ID go to the first
// node with the ID, so "x" -> "a" would go down from Output to Activity in
// one order and not in the other, and "a" -> "x" -> "a" would be a cycle in
// one order only; such links are left unchecked.
func TestDuplicateIDsAnyOrder(t *testing.T) {
	edges := []edge{{"x", "a", ""}, {"a", "x", ""}, {"y", "a", ""}}
	want := []string{
		`hierarchy: node id "x" is given to 2 nodes`,
		`hierarchy: link "y" -> "a" goes down from Output to Activity`,
	}
	for _, nodes := range [][]Node{
		{node("a", A), node("x", T), node("x", O), node("y", O)},
		{node("a", A), node("x", O), node("x", T), node("y", O)},
	} {
		_, err := builder(nodes, edges).Build()
		assert.Equal(t, want, messages(err))
	}
	// A link by position joins the node at its position, which has one
	// level: it is checked.
	b := NewBuilder()
	a := b.AddNode(node("a", A))
	x := b.AddNode(node("x", O))
	b.AddNode(node("x", T))
	b.AddLinkAt(x, a)
	_, err := b.Build()
	assert.Equal(t, []string{
		`hierarchy: node id "x" is given to 2 nodes`,
		`hierarchy: link "x" -> "a" goes down from Output to Activity`,
	}, messages(err))
	// An ID given twice at one level is checked as usual.
	_, err = builder([]Node{node("a", A), node("x", O), node("x", O)}, edges[:1]).Build()
	assert.Equal(t, []string{
		`hierarchy: node id "x" is given to 2 nodes`,
		`hierarchy: link "x" -> "a" goes down from Output to Activity`,
	}, messages(err))
}

// TestHugeExponentQuickly checks that a weight of 10^200000000, refused at
// once, is named without writing its 200 million zeros (which took minutes).
func TestHugeExponentQuickly(t *testing.T) {
	b := NewBuilder()
	b.AddNode(node("a", T))
	b.AddNode(node("b", A))
	b.AddNode(node("c", A))
	b.AddWeightedLink("a", "b", decimal.New(2, 200_000_000))
	b.AddWeightedLinkAt(0, 2, decimal.New(-3, 200_000_000))
	_, err := b.Build()
	assert.Equal(t, []string{
		`hierarchy: link "#0" -> "#2" has weight -3e200000000, below zero`,
		`hierarchy: link "a" -> "b" has weight 2e200000000, above the maximum 1000000000000`,
	}, messages(err))
}

// TestBuildEveryProblem checks that Build reports every problem at once,
// sorted by the IDs involved, then by code.
func TestBuildEveryProblem(t *testing.T) {
	nodes := []Node{node("c", O), node("b", O), node("a", O), node("", T), node("dup", T), node("dup", T), node("t", T)}
	edges := []edge{
		{"a", "b", ""}, {"b", "c", ""}, {"c", "a", ""}, // a cycle
		{"t", "ghost", ""},             // dangling
		{"a", "t", "-1"},               // downward, and a negative weight
		{"dup", "dup", ""},             // self-link
		{"t", "a", ""}, {"t", "a", ""}, // duplicate link
	}
	_, err := builder(nodes, edges).Build()
	require.Error(t, err)
	var got []string
	for _, p := range outcome.Problems(err) {
		got = append(got, string(p.Code)+" "+strings.Join(p.IDs, ","))
	}
	want := []string{
		"empty-id ",
		"hierarchy-cycle a,b,c",
		"downward-link a,t",
		"negative-link-weight a,t",
		"duplicate-id dup",
		"self-link dup,dup",
		"duplicate-link t,a",
		"dangling-link t,ghost",
	}
	assert.Equal(t, want, got)
}

// TestBuildCycles checks that every cyclic component is reported once, and
// that the cycle named is a shortest one through the component's smallest ID,
// whatever the order of the input.
func TestBuildCycles(t *testing.T) {
	nodes := []Node{node("a", O), node("b", O), node("c", O), node("d", O), node("e", O), node("f", O), node("g", O)}
	// Component {a,b,c,d}: a->b->c->d->a and the shortcut b->d; the shortest
	// cycle through a is a -> b -> d -> a (3 nodes, against 4 through c).
	// Component {e,f}: e <-> f. g hangs below a cycle but is on none: f -> g.
	edges := []edge{{"a", "b", ""}, {"b", "c", ""}, {"c", "d", ""}, {"d", "a", ""}, {"b", "d", ""},
		{"e", "f", ""}, {"f", "e", ""}, {"f", "g", ""}}
	want := []string{`hierarchy: cycle "a" -> "b" -> "d" -> "a"`, `hierarchy: cycle "e" -> "f" -> "e"`}
	for i := range 4 {
		ns, es := slices.Clone(nodes), slices.Clone(edges)
		if i > 0 { // permute the input
			slices.Reverse(ns)
			es = append(es[i:], es[:i]...)
		}
		_, err := builder(ns, es).Build()
		assert.Equal(t, want, messages(err), "permutation %d", i)
	}
}

func TestBuildLongCycleMessage(t *testing.T) {
	var nodes []Node
	var edges []edge
	for i := range 10 {
		id := string(rune('a' + i))
		nodes = append(nodes, node(id, A))
		edges = append(edges, edge{id, string(rune('a' + (i+1)%10)), ""})
	}
	_, err := builder(nodes, edges).Build()
	ps := outcome.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, `hierarchy: cycle "a" -> "b" -> "c" -> "d" -> "e" -> "f" -> "g" -> "h" -> ... (10 nodes)`, ps[0].Message)
	assert.Equal(t, []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, ps[0].IDs)
}

func TestBuildClipsLongText(t *testing.T) {
	long := strings.Repeat("x", 100)
	_, err := builder([]Node{node("a", T)}, []edge{{"a", long, ""}}).Build()
	ps := outcome.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, `hierarchy: link "a" -> "`+strings.Repeat("x", 64)+`..." goes to an unknown node`, ps[0].Message)
	assert.Equal(t, []string{"a", long}, ps[0].IDs, "the IDs are whole")
}

func TestBuildEmpty(t *testing.T) {
	var b Builder // the zero Builder is ready to use
	m, err := b.Build()
	require.NoError(t, err)
	assert.True(t, m.IsZero())
	assert.Equal(t, 0, m.Len())
	assert.Empty(t, m.Warnings())
	assert.True(t, m.Equal(Model{}))
}

// TestBuildAgain checks that a Builder can go on after Build, and that the
// first model does not change.
func TestBuildAgain(t *testing.T) {
	b := builder([]Node{node("t", T), node("sco", CO)}, []edge{{"t", "sco", ""}})
	m1, err := b.Build()
	require.NoError(t, err)
	b.AddNode(node("t2", T))
	b.AddWeightedLink("t2", "sco", decimal.RequireFromString("2"))
	m2, err := b.Build()
	require.NoError(t, err)
	assert.Equal(t, 2, m1.Len())
	assert.Equal(t, 1, m1.LinkCount())
	assert.False(t, m1.Has("t2"))
	assert.Equal(t, 3, m2.Len())
	assert.Equal(t, 2, m2.LinkCount())
}

func TestGrow(t *testing.T) {
	b := NewBuilder()
	b.Grow(-1, -1) // no panic, no effect
	b.Grow(3, 2)
	b.AddNode(node("a", T))
	b.AddNode(node("b", A))
	b.AddLink("a", "b")
	b.Grow(1, 10)
	b.AddWeightedLink("a", "b", decimal.RequireFromString("0.5")) // a duplicate
	b.Grow(0, 10)                                                 // with weights
	_, err := b.Build()
	assert.ErrorIs(t, err, ErrDuplicateLink)
}

func TestWeights(t *testing.T) {
	tests := []struct {
		in    string
		want  int64 // millionths
		fault weightFault
	}{
		{"1", 1_000_000, weightOK},
		{"0", 0, weightOK},
		{"0.000001", 1, weightOK},
		{"0.0000010", 1, weightOK},                       // a trailing zero is not a place
		{"1.000000000000000000000", 1_000_000, weightOK}, // nor are many
		{"12345678901234567891e-7", 0, weightTooPrecise},
		{"12345678901234567890e-7", 0, weightTooLarge}, // 1234567890123456789 millionths
		{"12345678901234567890e-20", 0, weightTooPrecise},
		{"1000000000000000000000000e-12", 1_000_000_000_000_000_000, weightOK}, // 10^12 with a 25-digit coefficient
		{"1000000000000000000000000e-11", 0, weightTooLarge},
		{"10000000000000000000000000000e-10", 0, weightTooLarge}, // 10^18 = 10^28 * 10^-10
		{"1000000000000000000", 0, weightTooLarge},               // 10^18, 19 digits, exponent 0
		{"1e12", 1_000_000_000_000_000_000, weightOK},
		{"1000000000000", 1_000_000_000_000_000_000, weightOK},
		{"1e13", 0, weightTooLarge},
		{"1e30", 0, weightTooLarge},
		{"2e12", 0, weightTooLarge},
		{"0.5", 500_000, weightOK},
		{"1e-7", 0, weightTooPrecise},
		{"1e-30", 0, weightTooPrecise},
		{"-1", 0, weightNegative},
		{"-0.0000001", 0, weightNegative},
		// Long coefficients: 10^5000 * 10^-5000 is 1, divided once by a
		// power of ten, not a digit at a time.
		{"1" + strings.Repeat("0", 5000) + "e-5000", 1_000_000, weightOK},
		{"1" + strings.Repeat("0", 5000) + "e-5007", 0, weightTooPrecise}, // 10^-7
		{"1" + strings.Repeat("0", 5000) + "e-9000", 0, weightTooPrecise}, // 10^-4000
		{"3" + strings.Repeat("0", 5000) + "e-4988", 0, weightTooLarge},   // 3 * 10^12
	}
	for _, tt := range tests {
		t.Run(msg.Clip(tt.in, 30), func(t *testing.T) {
			w, fault := scaleWeight(decimal.RequireFromString(tt.in))
			assert.Equal(t, tt.fault, fault)
			assert.Equal(t, tt.want, w)
			if fault == weightOK {
				assert.True(t, weightDecimal(w).Equal(decimal.RequireFromString(tt.in)), "%s round-trips", tt.in)
			}
		})
	}
	// Exponents at the ends of int32 do not panic.
	for _, d := range []decimal.Decimal{decimal.New(1, 2147483647), decimal.New(1, -2147483648),
		decimal.New(7, -2147483648).Mul(decimal.New(1, 0))} {
		_, fault := scaleWeight(d)
		assert.NotEqual(t, weightOK, fault)
	}
}

func TestWarningsAsErrors(t *testing.T) {
	nodes, edges := contactCentre()
	nodes = append(nodes, node("compliance", BO), node("nps", CO), node("shortcut", T))
	edges = append(edges, edge{"compliance", "solved-first-contact", ""}, edge{"shortcut", "revenue", ""})

	m, err := builder(nodes, edges).Build()
	require.NoError(t, err, "warnings do not block Build")
	var codes []string
	for _, w := range m.Warnings() {
		assert.Equal(t, outcome.SeverityWarning, w.Severity)
		codes = append(codes, string(w.Code)+" "+strings.Join(w.IDs, ","))
	}
	assert.Equal(t, []string{
		"business-outcome-without-output compliance",
		"orphan-node monitor-queues",
		"undelivered-outcome nps",
		"skipped-level shortcut,revenue",
		"orphan-node update-wallboard",
		"orphan-node wallboard-refreshes",
	}, codes)

	_, err = builder(nodes, edges).Build(WarningsAsErrors(ErrSkippedLevel, ErrUndeliveredOutcome))
	require.Error(t, err)
	assert.Equal(t, []string{
		`hierarchy: successful customer outcome "nps" has no work feeding it, directly or through other customer outcomes`,
		`hierarchy: link "shortcut" -> "revenue" skips from Task to Business Outcome`,
	}, messages(err))
	for _, p := range outcome.Problems(err) {
		assert.Equal(t, outcome.SeverityError, p.Severity)
	}

	_, err = builder(nodes, edges).Build(WarningsAsErrors())
	assert.Len(t, outcome.Problems(err), 6, "with no codes, every warning is an error")

	_, err = builder(nodes, edges).Build(WarningsAsErrors(ErrNoOutput), nil)
	assert.Equal(t, []string{`hierarchy: business outcome "compliance" has no output beneath it`}, messages(err))

	_, err = builder(nodes, edges).Build(WarningsAsErrors(ErrCycle, "no-such-code"))
	assert.ErrorIs(t, err, ErrUnknownWarning)
	assert.Equal(t, []string{
		`hierarchy: "hierarchy-cycle" is not the code of a hierarchy warning`,
		`hierarchy: "no-such-code" is not the code of a hierarchy warning`,
	}, messages(err))

	// A code that is not a warning's does not hide the warnings the other
	// codes make errors: both are reported, sorted by IDs (none first).
	_, err = builder(nodes, edges).Build(WarningsAsErrors(ErrNoOutput, "no-such-code"))
	assert.Equal(t, []problem{
		{ErrUnknownWarning, nil, `hierarchy: "no-such-code" is not the code of a hierarchy warning`},
		{ErrNoOutput, []string{"compliance"}, `hierarchy: business outcome "compliance" has no output beneath it`},
	}, problemsOf(err))

	// A valid hierarchy without warnings builds with every warning an error.
	_, err = mustBuildNoWarnings(t)
	assert.NoError(t, err)
}

func mustBuildNoWarnings(t *testing.T) (Model, error) {
	t.Helper()
	return builder([]Node{node("t", T), node("a", A), node("o", O), node("b", BO), node("c", CO)},
		[]edge{{"t", "a", ""}, {"a", "o", ""}, {"o", "b", ""}, {"b", "c", ""}}).Build(WarningsAsErrors())
}

// TestWarningMessages pins the message of every kind of warning.
func TestWarningMessages(t *testing.T) {
	m := mustBuild(t, []Node{node("t", T), node("b", BO), node("c", CO), node("lone", O)},
		[]edge{{"t", "b", ""}})
	assert.Equal(t, []string{
		`hierarchy: business outcome "b" has no output beneath it`,
		`hierarchy: business outcome "b" reaches no successful customer outcome (the highest level it reaches is Business Outcome)`,
		`hierarchy: successful customer outcome "c" has no work feeding it, directly or through other customer outcomes`,
		`hierarchy: output "lone" reaches no successful customer outcome (the highest level it reaches is Output)`,
		`hierarchy: task "t" reaches no successful customer outcome (the highest level it reaches is Business Outcome)`,
		`hierarchy: link "t" -> "b" skips from Task to Business Outcome`,
	}, messagesOf(m.Warnings()))
}

func messagesOf(ps []*outcome.Error) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Message)
	}
	return out
}

// TestBuildOrderIndependent checks that the same definition, added in any
// order, gives an Equal model with the same warnings and the same problems.
func TestBuildOrderIndependent(t *testing.T) {
	nodes, edges := contactCentre()
	m := mustBuild(t, nodes, edges)
	bad := append(slices.Clone(edges), edge{"revenue", "answer-call", ""}, edge{"ghost", "revenue", ""})
	_, wantErr := builder(nodes, bad).Build()
	for i := range 5 {
		ns, es, bs := slices.Clone(nodes), slices.Clone(edges), slices.Clone(bad)
		rotate(ns, i*3)
		rotate(es, i*5)
		rotate(bs, i*7)
		if i%2 == 1 {
			slices.Reverse(ns)
			slices.Reverse(es)
			slices.Reverse(bs)
		}
		got := mustBuild(t, ns, es)
		assert.True(t, m.Equal(got), "permutation %d", i)
		assert.Equal(t, messagesOf(m.Warnings()), messagesOf(got.Warnings()))
		_, err := builder(ns, bs).Build()
		assert.Equal(t, messages(wantErr), messages(err))
	}
}

func rotate[T any](s []T, k int) {
	if len(s) == 0 {
		return
	}
	k %= len(s)
	slices.Reverse(s[:k])
	slices.Reverse(s[k:])
	slices.Reverse(s)
}

func TestErrorsAreJoined(t *testing.T) {
	_, err := builder([]Node{node("a", T), node("a", T)}, []edge{{"a", "b", ""}}).Build()
	var e *outcome.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, outcome.ErrDuplicateID, e.Code, "the first problem, in sorted order")
	assert.ErrorIs(t, err, ErrDanglingLink)
}

// TestBuildAllocations checks that Build makes a fixed number of allocations,
// whatever the size of the hierarchy.
func TestBuildAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hierarchies of 10,000 and 100,000 nodes")
	}
	var allocs []float64
	for _, div := range []int{100, 10} {
		b := genBench(div).builder()
		allocs = append(allocs, testing.AllocsPerRun(3, func() {
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
		}))
	}
	assert.Equal(t, allocs[0], allocs[1], "allocations at 10,000 and at 100,000 nodes")
	assert.LessOrEqual(t, allocs[0], 20.0)

	// AllocsPerRun runs with one processor. With four, Build splits the
	// lookups of the 200,000 links of 100,000 nodes between three
	// goroutines (one for every 65,536 links), which costs a WaitGroup and,
	// for each goroutine, its closure and at times the runtime's record of
	// it: a few allocations more than at 10,000 nodes, a number bounded by
	// the processors, not by the nodes. The count is the process's, so it
	// takes the fewest of five builds: what else runs only adds to it.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var counts []uint64
	for _, div := range []int{100, 10} {
		b := genBench(div).builder()
		fewest := uint64(math.MaxUint64)
		for range 5 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			if _, err := b.Build(); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			fewest = min(fewest, after.Mallocs-before.Mallocs)
		}
		counts = append(counts, fewest)
	}
	assert.LessOrEqual(t, counts[0], uint64(allocs[0]), "allocations at 10,000 nodes, one goroutine, four processors")
	assert.LessOrEqual(t, counts[1], counts[0]+1+3*3, "allocations at 100,000 nodes, three goroutines, four processors")
}

// TestGeneratedHierarchy checks the benchmarks' generator: 1% orphans, about
// two links per node, and a valid hierarchy.
func TestGeneratedHierarchy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a hierarchy of 10,000 nodes")
	}
	d := genBench(100)
	m, err := d.build()
	require.NoError(t, err)
	a := m.Alignment()
	orphans := a.Overall.Nodes - a.Overall.Aligned
	// 1% of each level below the customer outcomes: 60+30+9+0 (90/100 = 0
	// business outcomes at this size), so 99 of 9,990 (0.99%).
	assert.Equal(t, 99, orphans)
	assert.Equal(t, 10_000, m.Len())
	assert.InDelta(t, 2*9_900, m.LinkCount(), 200)
}

// TestBuildDuplicateLinks checks duplicate links in rows of every kind:
// short rows, whose links Build compares with each other, and longer ones,
// whose targets it marks.
func TestBuildDuplicateLinks(t *testing.T) {
	tests := []struct {
		name    string
		targets int   // the task links to activities a0, a1, ...
		again   []int // and then again to these
		want    []string
	}{
		{"short row, no duplicate", 3, nil, nil},
		{"short row", 3, []int{1, 2, 1}, []string{
			`hierarchy: link "t" -> "a1" is given 3 times`,
			`hierarchy: link "t" -> "a2" is given 2 times`}},
		{"longest short row", shortRow - 1, []int{0}, []string{
			`hierarchy: link "t" -> "a0" is given 2 times`}},
		{"long row, no duplicate", shortRow + 5, nil, nil},
		{"long row", shortRow + 5, []int{20, 0, 20}, []string{
			`hierarchy: link "t" -> "a0" is given 2 times`,
			`hierarchy: link "t" -> "a20" is given 3 times`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes := []Node{node("t", T)}
			var edges []edge
			for i := range tt.targets {
				nodes = append(nodes, node("a"+itoa(i), A))
				edges = append(edges, edge{"t", "a" + itoa(i), ""})
			}
			for _, i := range tt.again {
				edges = append(edges, edge{"t", "a" + itoa(i), ""})
			}
			_, err := builder(nodes, edges).Build()
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, ErrDuplicateLink)
			assert.Equal(t, tt.want, messages(err))
		})
	}
}

// TestBuildBadLinksGivenAgain: a link left out of the graph for a problem
// of its own (an unknown end, a link to itself, a link down a level) that is
// given again is said once, with a duplicate-link problem for the repeats,
// as a duplicate link of the graph is, not the same problem once per link.
// By hand: o -> t goes down (Output to Task) and is given twice; t -> t
// three times; t -> x (x unknown) twice; t -> y once; and t -> o, a good
// link, twice. Sorted by IDs, then code.
func TestBuildBadLinksGivenAgain(t *testing.T) {
	nodes := []Node{node("t", T), node("o", O)}
	edges := []edge{{"o", "t", ""}, {"t", "t", ""}, {"t", "x", ""}, {"o", "t", ""}, {"t", "t", ""},
		{"t", "y", ""}, {"t", "x", ""}, {"t", "t", ""}, {"t", "o", ""}, {"t", "o", ""}}
	_, err := builder(nodes, edges).Build()
	assert.Equal(t, []string{
		`downward-link: hierarchy: link "o" -> "t" goes down from Output to Task`,
		`duplicate-link: hierarchy: link "o" -> "t" is given 2 times`,
		`duplicate-link: hierarchy: link "t" -> "o" is given 2 times`,
		`duplicate-link: hierarchy: link "t" -> "t" is given 3 times`,
		`self-link: hierarchy: node "t" links to itself`,
		`dangling-link: hierarchy: link "t" -> "x" goes to an unknown node`,
		`duplicate-link: hierarchy: link "t" -> "x" is given 2 times`,
		`dangling-link: hierarchy: link "t" -> "y" goes to an unknown node`,
	}, codedMessages(err))

	// Given once each, the same links have their problems alone.
	_, err = builder(nodes, edges[:3]).Build()
	assert.Equal(t, []string{
		`downward-link: hierarchy: link "o" -> "t" goes down from Output to Task`,
		`self-link: hierarchy: node "t" links to itself`,
		`dangling-link: hierarchy: link "t" -> "x" goes to an unknown node`,
	}, codedMessages(err))
}

// TestBuildBadLinksSameNames: links are the same link when they join the
// same nodes, by position, however they were added, not when their ends
// have the same names (the second review's examples). By hand, for each
// order of the two links:
//   - a (Output) and a (Task), linked 0 -> 1 (down) and 1 -> 1 (to itself):
//     two links, each with its problem, and the duplicated ID;
//   - a and a (both Task), each linked to itself: two self-links;
//   - t (Task) and "#5" (Output), linked from position 5 (no node) to t and
//     by ID from "#5" to t (down): a dangling link and a downward link;
//   - o (Output) and t (Task), linked 1 -> 0 by position and "o" -> "t" by
//     ID: one link, given twice, down.
func TestBuildBadLinksSameNames(t *testing.T) {
	at := func(f, to int) func(*Builder) { return func(b *Builder) { b.AddLinkAt(f, to) } }
	byID := func(f, to string) func(*Builder) { return func(b *Builder) { b.AddLink(f, to) } }
	tests := []struct {
		name  string
		nodes []Node
		links [2]func(*Builder)
		want  []string
	}{
		{"a duplicated ID at two levels", []Node{node("a", O), node("a", T)}, [2]func(*Builder){at(0, 1), at(1, 1)}, []string{
			`duplicate-id: hierarchy: node id "a" is given to 2 nodes`,
			`downward-link: hierarchy: link "a" -> "a" goes down from Output to Task`,
			`self-link: hierarchy: node "a" links to itself`,
		}},
		{"two nodes of one ID, each linked to itself", []Node{node("a", T), node("a", T)}, [2]func(*Builder){at(0, 0), at(1, 1)}, []string{
			`duplicate-id: hierarchy: node id "a" is given to 2 nodes`,
			`self-link: hierarchy: node "a" links to itself`,
			`self-link: hierarchy: node "a" links to itself`,
		}},
		{"a position named like an ID", []Node{node("t", T), node("#5", O)}, [2]func(*Builder){at(5, 0), byID("#5", "t")}, []string{
			`dangling-link: hierarchy: link "#5" -> "t" comes from an unknown node`,
			`downward-link: hierarchy: link "#5" -> "t" goes down from Output to Task`,
		}},
		{"one link by position and by ID", []Node{node("t", T), node("o", O)}, [2]func(*Builder){at(1, 0), byID("o", "t")}, []string{
			`downward-link: hierarchy: link "o" -> "t" goes down from Output to Task`,
			`duplicate-link: hierarchy: link "o" -> "t" is given 2 times`,
		}},
	}
	for _, tt := range tests {
		for _, order := range [][2]int{{0, 1}, {1, 0}} {
			b := NewBuilder()
			for _, n := range tt.nodes {
				b.AddNode(n)
			}
			tt.links[order[0]](b)
			tt.links[order[1]](b)
			_, err := b.Build()
			assert.Equal(t, tt.want, codedMessages(err), "%s, links in the order %v", tt.name, order)
		}
	}
}

// codedMessages returns each problem in err as its code and message.
func codedMessages(err error) []string {
	var out []string
	for _, p := range outcome.Problems(err) {
		out = append(out, string(p.Code)+": "+p.Message)
	}
	return out
}

func TestWeightPlaces(t *testing.T) {
	require.Equal(t, 6, WeightPlaces, "weightPlaces counts in millionths")
	tests := []struct {
		w    int64 // millionths
		want int32
	}{
		{0, 0}, {1_000_000, 0}, {7_000_000, 0}, {maxScaled, 0},
		{500_000, 1}, {3_500_000, 1}, // 0.5, 3.5
		{250_000, 2},   // 0.25
		{125_000, 3},   // 0.125
		{12_500, 4},    // 0.0125
		{1_250, 5},     // 0.00125
		{1, 6},         // 0.000001
		{1_000_001, 6}, // 1.000001
		{maxScaled - 1, 6},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, weightPlaces(tt.w), "%d millionths", tt.w)
	}
}

// TestBuildGrowth checks the decimal places that the weights add up to
// along the paths of links: the most along any path, whichever way Kahn's
// algorithm reaches the nodes first.
func TestBuildGrowth(t *testing.T) {
	nodes := []Node{node("t", T), node("a", A), node("b", A), node("o", O), node("c", CO)}
	tests := []struct {
		name  string
		edges []edge
		want  int32
	}{
		{"weight 1", []edge{{"t", "a", ""}, {"a", "o", ""}}, 0},
		{"whole weights", []edge{{"t", "a", "2"}, {"a", "o", "30"}, {"o", "c", "1"}}, 0},
		// t -> a -> o: 0 + 2 places; t -> b -> o -> c: 1 + 3 + 1 places.
		{"two paths", []edge{{"t", "a", ""}, {"t", "b", "0.5"}, {"a", "o", "0.25"}, {"b", "o", "0.125"}, {"o", "c", "0.1"}}, 5},
		// Links of weight 1 after a fractional one: 1 + 0 + 2 places.
		{"weight 1 after fractions", []edge{{"t", "b", "0.5"}, {"b", "o", ""}, {"o", "c", "0.25"}}, 3},
		// The longer path reaches o first, with 3 + 6 places, and the
		// shorter, with 1 + 0, does not replace it: o -> c adds 1 to 9.
		{"the longer path first", []edge{{"t", "b", "0.125"}, {"b", "o", "0.000001"}, {"t", "a", "0.5"}, {"a", "o", ""}, {"o", "c", "0.5"}}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustBuild(t, nodes, tt.edges)
			assert.Equal(t, tt.want, m.graph().placesGrowth())

			// The same, with room made for the links one at a time.
			b := builder(nodes, nil)
			for _, e := range tt.edges {
				b.Grow(0, 1)
				if e.w == "" {
					b.AddLink(e.from, e.to)
				} else {
					b.AddWeightedLink(e.from, e.to, decimal.RequireFromString(e.w))
				}
			}
			m, err := b.Build()
			require.NoError(t, err)
			assert.Equal(t, tt.want, m.graph().placesGrowth())
		})
	}
}

// TestWarningsAsErrorsKeepsItsCodes checks that an Option keeps the codes it
// was made with: changing the caller's slice afterwards (one kept to make
// the option with, then reused) does not change what Build treats as an
// error. The option is made for ErrNoOutput; the slice is then changed to
// name a code that is no warning, and Build still reports "compliance"
// with no output beneath it, and nothing else.
func TestWarningsAsErrorsKeepsItsCodes(t *testing.T) {
	nodes, edges := contactCentre()
	nodes = append(nodes, node("compliance", BO))
	edges = append(edges, edge{"compliance", "solved-first-contact", ""})
	codes := []outcome.Code{ErrNoOutput}
	strict := WarningsAsErrors(codes...)
	codes[0] = "no-such-code"
	for range 2 {
		_, err := builder(nodes, edges).Build(strict)
		assert.Equal(t, []string{`hierarchy: business outcome "compliance" has no output beneath it`}, messages(err))
	}
}

// TestBuildErrorsAreTheCallersOwn checks that the problems Build reports are
// new on every call: a builder keeps what it found while adding (here a
// negative weight), and changing the problem one Build returned (its
// message, its IDs, its severity) does not change what the next Build
// reports.
func TestBuildErrorsAreTheCallersOwn(t *testing.T) {
	b := builder([]Node{node("a", T), node("b", A)}, []edge{{"a", "b", "-1"}})
	const want = `hierarchy: link "a" -> "b" has weight -1, below zero`
	_, err := b.Build()
	ps := outcome.Problems(err)
	require.Len(t, ps, 1)
	require.Equal(t, want, ps[0].Message)
	ps[0].Message = "changed"
	ps[0].IDs[0] = "changed"
	ps[0].Severity = outcome.SeverityWarning
	_, err = b.Build()
	ps = outcome.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, ErrNegativeWeight, ps[0].Code)
	assert.Equal(t, outcome.SeverityError, ps[0].Severity)
	assert.Equal(t, []string{"a", "b"}, ps[0].IDs)
	assert.Equal(t, want, ps[0].Message)
}

// TestBuildSplitLookups checks that Build gives the same model, or the same
// problems, whether it looks up the ends of links added by ID in one
// goroutine or splits them between several (from 131,072 links with more
// than one processor): the generated hierarchy of 100,000 nodes (about
// 200,000 links), its links in a random order, and the same with a
// duplicated ID and a link to an unknown node, whose problems depend on
// every lookup.
func TestBuildSplitLookups(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hierarchies of 100,000 nodes")
	}
	d := genBench(10).shuffled()
	require.GreaterOrEqual(t, len(d.from), 2*parallelKeys, "enough links to split")
	bad := d.builder()
	bad.AddNode(Node{ID: d.nodes[5].ID, Level: d.nodes[5].Level})
	bad.AddLink(d.nodes[7].ID, "nowhere")
	build := func(procs int, b *Builder) (Model, error) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return b.Build()
	}
	one, err := build(1, d.builder())
	require.NoError(t, err)
	four, err := build(4, d.builder())
	require.NoError(t, err)
	assert.True(t, one.Equal(four), "one goroutine and three give the same model")
	_, errOne := build(1, bad)
	_, errFour := build(4, bad)
	require.Error(t, errOne)
	require.Error(t, errFour)
	assert.Equal(t, errOne.Error(), errFour.Error(), "one goroutine and three give the same problems")
	assert.ErrorIs(t, errFour, outcome.ErrDuplicateID)
	assert.ErrorIs(t, errFour, ErrDanglingLink)
}

// TestBuildTooLarge pins that a builder of more links than a model holds
// (its count set by hand: two billion links are not made here) reports
// the options' problems and those found while adding with ErrTooLarge,
// sorted by IDs, then code, where it reported ErrTooLarge alone.
func TestBuildTooLarge(t *testing.T) {
	b := NewBuilder()
	b.AddWeightedLink("a", "b", dec("-1"))
	b.links = math.MaxInt32
	_, err := b.Build(WarningsAsErrors("no-such-code"))
	assert.Equal(t, []problem{
		{ErrTooLarge, nil, "hierarchy: 0 nodes and 2147483647 links are more than a model holds (2147483646 each)"},
		{ErrUnknownWarning, nil, `hierarchy: "no-such-code" is not the code of a hierarchy warning`},
		{ErrNegativeWeight, []string{"a", "b"}, `hierarchy: link "a" -> "b" has weight -1, below zero`},
	}, problemsOf(err))
}
