package outcome_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// TestJSON_emptyListsAreNotNull marshals every result and definition the
// package writes in its empty-list state and pins the JSON: an empty list is
// written [], never null, so that a dashboard can take its length. The table
// names each type and list field; each JSON is worked out from the
// MarshalJSON docs. An error's IDs are omitempty, left out when empty; a
// tally's counts are one per point of its scale, never empty; an audit
// report's levels are always the five.
func TestJSON_emptyListsAreNotNull(t *testing.T) {
	// The empty portfolio's report has one finding, which names no metric.
	empty, err := outcome.Audit(nil, outcome.AuditOptions{})
	require.NoError(t, err)
	require.Len(t, empty.Findings(), 1)
	const finding = `{"code":"empty-portfolio","severity":"warning","ids":[],"count":0,` +
		`"message":"the portfolio is empty: there are no KPIs to audit"}`
	var onlyFailure outcome.FailureDemand
	require.NoError(t, onlyFailure.AddFailure("chaser", 3))
	tests := []struct {
		name string // type.field
		v    any
		want string
	}{
		{"Finding.IDs", empty.Findings()[0], finding},
		{"AuditReport.Findings[].IDs", empty, `{"total":0,"outputHeavyThreshold":"0.8","levels":[` +
			`{"level":"task","count":0,"share":"0"},{"level":"activity","count":0,"share":"0"},` +
			`{"level":"output","count":0,"share":"0"},{"level":"business-outcome","count":0,"share":"0"},` +
			`{"level":"customer-outcome","count":0,"share":"0"}],"outputSide":{"count":0,"share":"0"},` +
			`"outcomes":{"count":0,"share":"0"},"rewardedOutputs":0,` +
			`"summary":"The portfolio is empty: it has no KPIs to audit.","findings":[` + finding + `]}`},
		{"FailureDemand.Value, FailureDemand.Failure (zero)", outcome.FailureDemand{}, `{"value":[],"failure":[]}`},
		{"FailureDemand.Value", onlyFailure, `{"value":[],"failure":[{"reason":"chaser","count":3}]}`},
		{"Error.IDs (omitempty)", outcome.NewError(outcome.ErrNoData, nil, "outcome: no data"),
			`{"code":"no-data","severity":"error","message":"outcome: no data"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
		})
	}
}
