package hierarchy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

func TestLineOfSight(t *testing.T) {
	m := contactCentreModel(t)
	// Depth first, links in the order added: look-up-account's first link
	// goes to handle-enquiry, whose only way up is calls-handled and
	// cost-to-serve; its second to resolve-problem and first-time-response,
	// which splits to cost-to-serve (first) and revenue.
	all := [][]string{
		{"look-up-account", "handle-enquiry", "calls-handled", "cost-to-serve", "solved-first-contact"},
		{"look-up-account", "resolve-problem", "first-time-response", "cost-to-serve", "solved-first-contact"},
		{"look-up-account", "resolve-problem", "first-time-response", "revenue", "solved-first-contact"},
	}
	tests := []struct {
		name     string
		from     string
		limit    int
		want     [][]string
		complete bool
	}{
		{"every path", "look-up-account", 10, all, true},
		{"exactly the limit", "look-up-account", 3, all, true},
		{"cut short", "look-up-account", 2, all[:2], false},
		{"one", "look-up-account", 1, all[:1], false},
		// Empty, not nil: its JSON is "paths":[], which a dashboard can
		// take the length of, and which reads back as this same value.
		{"an orphan has none", "update-wallboard", 5, [][]string{}, true},
		{"an outcome's own", "solved-first-contact", 5, [][]string{{"solved-first-contact"}}, true},
		{"a business outcome", "revenue", 5, [][]string{{"revenue", "solved-first-contact"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			los, err := m.LineOfSight(tt.from, tt.limit)
			require.NoError(t, err)
			assert.Equal(t, tt.from, los.From)
			assert.Equal(t, tt.want, los.Paths)
			assert.Equal(t, tt.complete, los.Complete)
		})
	}
}

func TestLineOfSightThroughOutcomes(t *testing.T) {
	// One customer outcome feeds another: the path to the first is listed,
	// then its continuation; the orphan branch (t -> o) is not followed.
	m := mustBuild(t, []Node{node("t", T), node("o", O), node("c1", CO), node("c2", CO)},
		[]edge{{"t", "o", ""}, {"t", "c1", ""}, {"c1", "c2", ""}})
	los, err := m.LineOfSight("t", 10)
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"t", "c1"}, {"t", "c1", "c2"}}, los.Paths)
	assert.True(t, los.Complete)
}

func TestLineOfSightLimit(t *testing.T) {
	m := contactCentreModel(t)
	for _, limit := range []int{0, -1} {
		_, err := m.LineOfSight("answer-call", limit)
		assert.ErrorIs(t, err, ErrInvalidLimit)
	}
	_, err := m.LineOfSight("answer-call", 0)
	assert.EqualError(t, err, `hierarchy: the limit on the paths from "answer-call" is 0; it must be at least 1`)
}

// TestLineOfSightExponential checks that a limit bounds a search whose paths
// are exponential in number: a ladder of 40 rungs, each with two ways up,
// has 2^40 paths.
func TestLineOfSightExponential(t *testing.T) {
	var nodes []Node
	var edges []edge
	prev := "start"
	nodes = append(nodes, node(prev, T))
	for i := range 40 {
		a, b, join := "a"+itoa(i), "b"+itoa(i), "j"+itoa(i)
		nodes = append(nodes, node(a, O), node(b, O), node(join, O))
		edges = append(edges, edge{prev, a, ""}, edge{prev, b, ""}, edge{a, join, ""}, edge{b, join, ""})
		prev = join
	}
	nodes = append(nodes, node("sco", CO))
	edges = append(edges, edge{prev, "sco", ""})
	m := mustBuild(t, nodes, edges)
	los, err := m.LineOfSight("start", 5)
	require.NoError(t, err)
	assert.Len(t, los.Paths, 5)
	assert.False(t, los.Complete)
	assert.Len(t, los.Paths[0], 1+2*40+1, "start, then a and j per rung, then sco")
	assert.Equal(t, "a0", los.Paths[0][1])
	assert.Equal(t, "b39", los.Paths[1][len(los.Paths[1])-3], "the second path differs at the last rung")
}

func TestContributors(t *testing.T) {
	m := contactCentreModel(t)
	c, err := m.Contributors("solved-first-contact")
	require.NoError(t, err)
	// Everything aligned serves it; the wallboard chain does not.
	assert.Equal(t, "solved-first-contact", c.To)
	assert.Equal(t, []LevelIDs{
		{T, []string{"answer-call", "look-up-account"}},
		{A, []string{"handle-enquiry", "resolve-problem"}},
		{O, []string{"calls-handled", "first-time-response"}},
		{BO, []string{"cost-to-serve", "revenue"}},
	}, c.Levels)
	assert.Equal(t, 8, c.Len())
	assert.Equal(t, []string{"calls-handled", "first-time-response"}, c.At(outcome.Output))
	assert.Nil(t, c.At(CO))

	c, err = m.Contributors("revenue")
	require.NoError(t, err)
	assert.Equal(t, []LevelIDs{
		{T, []string{"look-up-account"}},
		{A, []string{"resolve-problem"}},
		{O, []string{"first-time-response"}},
	}, c.Levels)

	c, err = m.Contributors("answer-call")
	require.NoError(t, err)
	assert.Empty(t, c.Levels)
	assert.Equal(t, 0, c.Len())
}

// TestLineOfSight_Equal checks LineOfSight.Equal field by field: no paths,
// nil or empty, are equal (MarshalJSON writes both [], as reflect.DeepEqual
// does not see), and a line of sight read back from its JSON is Equal to
// it.
func TestLineOfSight_Equal(t *testing.T) {
	fresh := func() LineOfSight {
		return LineOfSight{From: "answer-call", Paths: [][]string{{"answer-call", "sco"}, {"answer-call", "x", "sco"}}, Complete: true}
	}
	orphan := func() LineOfSight { return LineOfSight{From: "wallboard", Paths: [][]string{}, Complete: true} }
	checkEqual(t, orphan, LineOfSight{From: "wallboard", Complete: true}, LineOfSight.Equal, []mutation[LineOfSight]{
		{"From", func(l *LineOfSight) { l.From = "monitor" }},
		{"Paths", func(l *LineOfSight) { l.Paths = [][]string{{"wallboard"}} }},
		{"Complete", func(l *LineOfSight) { l.Complete = false }},
	})
	assert.True(t, fresh().Equal(fresh()))
	for _, m := range []mutation[LineOfSight]{
		{"Paths", func(l *LineOfSight) { l.Paths[1][1] = "y" }},
		{"Paths", func(l *LineOfSight) { l.Paths[0], l.Paths[1] = l.Paths[1], l.Paths[0] }},
		{"Paths", func(l *LineOfSight) { l.Paths = l.Paths[:1] }},
		{"Paths", func(l *LineOfSight) { l.Paths[1] = l.Paths[1][:2] }},
	} {
		x := fresh()
		m.apply(&x)
		assert.False(t, fresh().Equal(x))
		assert.False(t, x.Equal(fresh()))
	}
	equalReadBack(t, fresh())
	equalReadBack(t, orphan())
	equalReadBack(t, LineOfSight{From: "wallboard"})
}

// TestContributors_Equal checks Contributors.Equal field by field: no
// levels, nil or empty, are equal (MarshalJSON writes both []), and so are
// a level's IDs, nil or empty; contributors read back from their JSON are
// Equal to them.
func TestContributors_Equal(t *testing.T) {
	fresh := func() Contributors {
		return Contributors{To: "sco", Levels: []LevelIDs{{Level: outcome.Task, IDs: []string{"a", "b"}}, {Level: outcome.Output, IDs: []string{}}}}
	}
	same := Contributors{To: "sco", Levels: []LevelIDs{{Level: outcome.Task, IDs: []string{"a", "b"}}, {Level: outcome.Output}}}
	checkEqual(t, fresh, same, Contributors.Equal, []mutation[Contributors]{
		{"To", func(c *Contributors) { c.To = "revenue" }},
		{"Levels", func(c *Contributors) { c.Levels[0].IDs[1] = "c" }},
		{"Levels", func(c *Contributors) { c.Levels[1].Level = outcome.Activity }},
		{"Levels", func(c *Contributors) { c.Levels[0], c.Levels[1] = c.Levels[1], c.Levels[0] }},
		{"Levels", func(c *Contributors) { c.Levels = nil }},
	})
	task := func() Contributors { return Contributors{To: "a", Levels: []LevelIDs{}} }
	checkEqual(t, task, Contributors{To: "a"}, Contributors.Equal, nil, "To", "Levels")
	equalReadBack(t, fresh())
	equalReadBack(t, task())
}

// TestLevelIDs_Equal checks LevelIDs.Equal field by field: no IDs, nil or
// empty, are equal (MarshalJSON writes both []); a level's IDs read back
// from their JSON are Equal to them.
func TestLevelIDs_Equal(t *testing.T) {
	fresh := func() LevelIDs { return LevelIDs{Level: outcome.Task, IDs: []string{}} }
	checkEqual(t, fresh, LevelIDs{Level: outcome.Task}, LevelIDs.Equal, []mutation[LevelIDs]{
		{"Level", func(s *LevelIDs) { s.Level = outcome.Activity }},
		{"IDs", func(s *LevelIDs) { s.IDs = []string{"a"} }},
	})
	two := LevelIDs{Level: outcome.Task, IDs: []string{"a", "b"}}
	assert.False(t, two.Equal(LevelIDs{Level: outcome.Task, IDs: []string{"b", "a"}}), "the IDs' order counts")
	equalReadBack(t, fresh())
	equalReadBack(t, two)
}
