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
