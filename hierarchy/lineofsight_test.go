package hierarchy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/equaltest"
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

	// An unknown node and a bad limit are two problems of two arguments:
	// both are reported, the ID's first, the limit's naming the ID given.
	_, err = m.LineOfSight("ghost", -2)
	assert.Equal(t, []problem{
		{ErrUnknownNode, []string{"ghost"}, `hierarchy: unknown node "ghost"`},
		{ErrInvalidLimit, []string{"ghost"}, `hierarchy: the limit on the paths from "ghost" is -2; it must be at least 1`},
	}, problemsOf(err))
	_, err = m.LineOfSight("ghost", 1)
	assert.Equal(t, []problem{{ErrUnknownNode, []string{"ghost"}, `hierarchy: unknown node "ghost"`}}, problemsOf(err))
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
	equaltest.Check(t, equaltest.Case[LineOfSight]{Equal: LineOfSight.Equal, Base: orphan,
		Twins: []equaltest.Twins[LineOfSight]{
			{Name: "empty and nil paths", A: orphan(), B: LineOfSight{From: "wallboard", Complete: true}, DeepDiffers: true},
		},
		Changes: []equaltest.Change[LineOfSight]{
			{Field: "From", What: `l.From = "monitor"`, Apply: func(l *LineOfSight) { l.From = "monitor" }},
			{Field: "Paths", What: `l.Paths = [][]string{{"wallboard"}}`, Apply: func(l *LineOfSight) { l.Paths = [][]string{{"wallboard"}} }},
			{Field: "Complete", What: "l.Complete = false", Apply: func(l *LineOfSight) { l.Complete = false }},
		},
	})
	// Paths changed within: a step, the order, a path or a step left out.
	equaltest.Check(t, equaltest.Case[LineOfSight]{Equal: LineOfSight.Equal, Base: fresh,
		Changes: []equaltest.Change[LineOfSight]{
			{Field: "From", What: `l.From = "look-up-account"`, Apply: func(l *LineOfSight) { l.From = "look-up-account" }},
			{Field: "Paths", What: `l.Paths[1][1] = "y"`, Apply: func(l *LineOfSight) { l.Paths[1][1] = "y" }},
			{Field: "Paths", What: "the two paths swapped", Apply: func(l *LineOfSight) { l.Paths[0], l.Paths[1] = l.Paths[1], l.Paths[0] }},
			{Field: "Paths", What: "l.Paths = l.Paths[:1]", Apply: func(l *LineOfSight) { l.Paths = l.Paths[:1] }},
			{Field: "Paths", What: "l.Paths[1] = l.Paths[1][:2]", Apply: func(l *LineOfSight) { l.Paths[1] = l.Paths[1][:2] }},
			{Field: "Complete", What: "l.Complete = false", Apply: func(l *LineOfSight) { l.Complete = false }},
		},
	})
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
	equaltest.Check(t, equaltest.Case[Contributors]{Equal: Contributors.Equal, Base: fresh,
		Twins: []equaltest.Twins[Contributors]{
			{Name: "a level's IDs empty and nil", A: fresh(), B: same, DeepDiffers: true},
		},
		Changes: []equaltest.Change[Contributors]{
			{Field: "To", What: `c.To = "revenue"`, Apply: func(c *Contributors) { c.To = "revenue" }},
			{Field: "Levels", What: `c.Levels[0].IDs[1] = "c"`, Apply: func(c *Contributors) { c.Levels[0].IDs[1] = "c" }},
			{Field: "Levels", What: "c.Levels[1].Level = outcome.Activity", Apply: func(c *Contributors) { c.Levels[1].Level = outcome.Activity }},
			{Field: "Levels", What: "the two levels swapped", Apply: func(c *Contributors) { c.Levels[0], c.Levels[1] = c.Levels[1], c.Levels[0] }},
			{Field: "Levels", What: "c.Levels = nil", Apply: func(c *Contributors) { c.Levels = nil }},
		},
	})
	task := func() Contributors { return Contributors{To: "a", Levels: []LevelIDs{}} }
	equaltest.Check(t, equaltest.Case[Contributors]{Equal: Contributors.Equal, Base: task,
		Twins: []equaltest.Twins[Contributors]{
			{Name: "empty and nil levels", A: task(), B: Contributors{To: "a"}, DeepDiffers: true},
		},
		Skipped: []equaltest.Skip{
			{Field: "To", Why: "the Check above changes it"},
			{Field: "Levels", Why: "the Check above changes it"},
		},
	})
	equalReadBack(t, fresh())
	equalReadBack(t, task())
}

// TestLevelIDs_Equal checks LevelIDs.Equal field by field: no IDs, nil or
// empty, are equal (MarshalJSON writes both []); a level's IDs read back
// from their JSON are Equal to them.
func TestLevelIDs_Equal(t *testing.T) {
	fresh := func() LevelIDs { return LevelIDs{Level: outcome.Task, IDs: []string{}} }
	equaltest.Check(t, equaltest.Case[LevelIDs]{Equal: LevelIDs.Equal, Base: fresh,
		Twins: []equaltest.Twins[LevelIDs]{
			{Name: "empty and nil IDs", A: fresh(), B: LevelIDs{Level: outcome.Task}, DeepDiffers: true},
		},
		Changes: []equaltest.Change[LevelIDs]{
			{Field: "Level", What: "s.Level = outcome.Activity", Apply: func(s *LevelIDs) { s.Level = outcome.Activity }},
			{Field: "IDs", What: `s.IDs = []string{"a"}`, Apply: func(s *LevelIDs) { s.IDs = []string{"a"} }},
		},
	})
	two := LevelIDs{Level: outcome.Task, IDs: []string{"a", "b"}}
	assert.False(t, two.Equal(LevelIDs{Level: outcome.Task, IDs: []string{"b", "a"}}), "the IDs' order counts")
	equalReadBack(t, fresh())
	equalReadBack(t, two)
}
