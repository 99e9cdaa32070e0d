package hierarchy

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// edge is a link in a test table; w is its weight as text, "" for weight 1.
type edge struct{ from, to, w string }

func node(id string, l outcome.Level) Node { return Node{ID: id, Name: id, Level: l} }

// builder returns a Builder holding nodes and edges.
func builder(nodes []Node, edges []edge) *Builder {
	b := NewBuilder()
	for _, n := range nodes {
		b.AddNode(n)
	}
	for _, e := range edges {
		if e.w == "" {
			b.AddLink(e.from, e.to)
			continue
		}
		b.AddWeightedLink(e.from, e.to, decimal.RequireFromString(e.w))
	}
	return b
}

// mustBuild builds nodes and edges, failing the test on error.
func mustBuild(t testing.TB, nodes []Node, edges []edge) Model {
	t.Helper()
	m, err := builder(nodes, edges).Build()
	require.NoError(t, err)
	return m
}

// contactCentre is a small contact centre's hierarchy (the one the examples
// use): two tasks reach the customer outcome "problem solved at first
// contact" through activities, outputs and business outcomes; a third task
// feeds a wallboard that reaches nothing beyond an output.
//
//	answer-call ──> handle-enquiry ──> calls-handled ──> cost-to-serve ──> solved-first-contact
//	look-up-account ─┘ └> resolve-problem ──> first-time-response ─0.4─┘        ^
//	                                           └──────────0.6──> revenue ──────┘
//	update-wallboard ──> monitor-queues ──> wallboard-refreshes
func contactCentre() ([]Node, []edge) {
	nodes := []Node{
		{ID: "answer-call", Name: "Answer call", Level: outcome.Task},
		{ID: "look-up-account", Name: "Look up account", Level: outcome.Task},
		{ID: "update-wallboard", Name: "Update wallboard", Level: outcome.Task},
		{ID: "handle-enquiry", Name: "Handle enquiry", Level: outcome.Activity},
		{ID: "resolve-problem", Name: "Resolve problem", Level: outcome.Activity},
		{ID: "monitor-queues", Name: "Monitor queues", Level: outcome.Activity},
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Metric: outcome.MustMetric(outcome.MetricSpec{
			ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter})},
		{ID: "first-time-response", Name: "First-time response", Level: outcome.Output},
		{ID: "wallboard-refreshes", Name: "Wallboard refreshes", Level: outcome.Output},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome},
		{ID: "solved-first-contact", Name: "Problem solved at first contact", Level: outcome.CustomerOutcome},
	}
	edges := []edge{
		{"answer-call", "handle-enquiry", ""},
		{"look-up-account", "handle-enquiry", ""},
		{"look-up-account", "resolve-problem", ""},
		{"update-wallboard", "monitor-queues", ""},
		{"handle-enquiry", "calls-handled", ""},
		{"resolve-problem", "first-time-response", ""},
		{"monitor-queues", "wallboard-refreshes", ""},
		{"calls-handled", "cost-to-serve", ""},
		{"first-time-response", "cost-to-serve", "0.4"},
		{"first-time-response", "revenue", "0.6"},
		{"cost-to-serve", "solved-first-contact", ""},
		{"revenue", "solved-first-contact", ""},
	}
	return nodes, edges
}

// contactCentreModel builds contactCentre.
func contactCentreModel(t testing.TB) Model {
	t.Helper()
	nodes, edges := contactCentre()
	return mustBuild(t, nodes, edges)
}

// renamedCentreModel builds contactCentre with answer-call renamed
// answer-contact: the same nodes in the same order but for one ID.
func renamedCentreModel(t testing.TB) Model {
	t.Helper()
	nodes, edges := contactCentre()
	nodes[0].ID = "answer-contact"
	edges[0].from = "answer-contact"
	return mustBuild(t, nodes, edges)
}

// collect returns the elements of seq.
func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	for v := range seq {
		out = append(out, v)
	}
	return out
}

// problem is a problem a test works out by hand: its code, its IDs and
// its message.
type problem struct {
	code outcome.Code
	ids  []string
	msg  string
}

// problemsOf returns the problems in err, in order, as problem values to
// compare with those a test works out; nil for none.
func problemsOf(err error) []problem {
	var out []problem
	for _, p := range outcome.Problems(err) {
		out = append(out, problem{p.Code, p.IDs, p.Message})
	}
	return out
}

// messages returns the messages of the problems in err.
func messages(err error) []string {
	var out []string
	for _, p := range outcome.Problems(err) {
		out = append(out, p.Message)
	}
	return out
}

// equalReadBack checks that v, marshalled to JSON and read back into the
// zero T, is Equal to v.
func equalReadBack[T interface{ Equal(T) bool }](t *testing.T, v T) {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, v.Equal(back), "%s reads back as %+v", data, back)
}
