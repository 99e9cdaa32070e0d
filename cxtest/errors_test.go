package cxtest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// emptyHierarchyMsg is the message of every check given the empty hierarchy.
const emptyHierarchyMsg = "cxtest: cannot check an empty hierarchy: it has no nodes (a failed Build or decoding returns one)"

// TestEmptyHierarchy checks that every check of a hierarchy refuses the
// empty one, as a failed Build or decoding returns it, and as a test that
// drops their error (m, _ := ...) passes it on: each check passed on it, or
// failed only for the metrics, which said nothing of the cause.
func TestEmptyHierarchy(t *testing.T) {
	// A link to a node that is not there: Build fails.
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Level: outcome.Task})
	b.AddLink("answer-call", "solved")
	built, err := b.Build()
	require.Error(t, err)
	// A definition that is not JSON: decoding fails and leaves m as it was.
	var decoded hierarchy.Model
	require.Error(t, json.Unmarshal([]byte(`{"nodes": [`), &decoded))

	// Rewarded metrics, and none: neither is checked against no nodes.
	rewarded := Metrics("output:calls rewarded", "sco:solved rewarded")
	checks := []struct {
		name  string
		check func(hierarchy.Model) error
	}{
		{"CheckAligned", func(m hierarchy.Model) error { return CheckAligned(m) }},
		{"CheckAligned, a level", func(m hierarchy.Model) error { return CheckAligned(m, outcome.Output) }},
		{"CheckLineOfSight", func(m hierarchy.Model) error { return CheckLineOfSight(m, "answer-call", "solved") }},
		{"CheckNoUnsupportedOutcomes", CheckNoUnsupportedOutcomes},
		{"CheckNoRewardedOrphanOutputs", func(m hierarchy.Model) error { return CheckNoRewardedOrphanOutputs(m, rewarded) }},
		{"CheckNoRewardedOrphanOutputs, no metrics", func(m hierarchy.Model) error { return CheckNoRewardedOrphanOutputs(m, nil) }},
		{"CheckRewardedKPIsAligned", func(m hierarchy.Model) error { return CheckRewardedKPIsAligned(m, rewarded) }},
		{"CheckRewardedKPIsAligned, no metrics", func(m hierarchy.Model) error { return CheckRewardedKPIsAligned(m, nil) }},
	}
	models := []struct {
		name string
		m    hierarchy.Model
	}{
		{"the zero Model", hierarchy.Model{}},
		{"a failed Build", built},
		{"a failed decoding", decoded},
		{"an empty Build", Hierarchy()},
	}
	for _, c := range checks {
		for _, m := range models {
			t.Run(c.name+", "+m.name, func(t *testing.T) {
				err := c.check(m.m)
				require.ErrorIs(t, err, ErrEmptyHierarchy)
				assert.Equal(t, emptyHierarchyMsg, err.Error())
				e, ok := err.(*outcome.Error)
				require.True(t, ok, "one *outcome.Error, not a join: %T", err)
				assert.Equal(t, outcome.SeverityError, e.Severity)
				assert.Nil(t, e.IDs)
			})
		}
	}
}
