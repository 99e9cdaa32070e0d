package northstar

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/outcome"
)

// TestJSON_decimalSettingIgnored: every JSON form of the package writes its
// decimals as strings, written as decimal's String writes them by default, so
// the bytes do not depend on decimal's package-level MarshalJSONWithoutQuotes,
// TrimTrailingZeros or UseScientificNotation. It changes those settings, so it
// must not run in parallel with other tests.
func TestJSON_decimalSettingIgnored(t *testing.T) {
	spec := guestsSpec()
	pol := DefaultPolicy()
	pol.Weights.Coverage = dec("0.35")
	pol.Weights.Lead = dec("0.25")
	withHierarchy, err := Select(centreInput())
	require.NoError(t, err)
	require.NotEmpty(t, withHierarchy.InputMetrics)
	withEvidence, err := Select(leadInput())
	require.NoError(t, err)
	leads, ok := withEvidence.Find("nights-booked")
	require.True(t, ok)
	require.NotEmpty(t, leads.Evidence)
	spec60 := guestsSpec()
	spec60.Weight = dec("0.60")
	forms := map[string]any{
		"canvas":          MustCanvas(spec),
		"canvas spec":     spec,
		"zero spec":       CanvasSpec{},
		"need":            spec.Needs[0],
		"outcome":         spec.Outcomes[0],
		"indicator":       spec.Outcomes[0].Indicators[0],
		"zero indicator":  Indicator{},
		"default policy":  DefaultPolicy(),
		"policy":          pol,
		"weights":         pol.Weights,
		"zero weights":    Weights{},
		"ranking, chart":  withHierarchy,
		"ranking, series": withEvidence,
		"entry":           leads,
		"input metric":    withHierarchy.InputMetrics[0],
		"robustness":      withEvidence.Robustness,
		"lead/lag":        leads.Evidence[0].LeadLag,
		"enums":           []any{Pearson, Leads, Coverage, GateCanvas},
		// Decimals as a caller writes them: 0.60, 3.00, 3·10^1, 0.250 and
		// 2.0 as decimal's String writes them by default.
		"canvas, by hand":    MustCanvas(spec60),
		"spec, by hand":      spec60,
		"indicator, by hand": Indicator{Metric: "nights-booked", Importance: dec("3.00")},
		"weights, by hand":   Weights{Coverage: decimal.New(3, 1), Lead: dec("0.250"), Linkage: dec("2.0"), Ratings: dec("1"), Reach: dec("2")},
	}
	want := map[string][]byte{}
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		want[name] = b
	}
	// The decimals are strings as written: the guests' weight 0.6 and
	// nights booked's importance 3; the policy's weights as set.
	assert.Contains(t, string(want["canvas"]), `"weight":"0.6"`)
	assert.Equal(t, `{"metric":"nights-booked","importance":"3"}`, string(want["indicator"]))
	assert.Equal(t, `{"coverage":"0.35","lead":"0.25","linkage":"2","ratings":"1","reach":"2"}`, string(want["weights"]))
	assert.Contains(t, string(want["ranking, chart"]), `"weights":{"coverage":"3","lead":"2","linkage":"2","ratings":"1","reach":"2"}`)
	assert.Contains(t, string(want["canvas, by hand"]), `"weight":"0.6"`)
	assert.Contains(t, string(want["spec, by hand"]), `"weight":"0.6"`)
	assert.Equal(t, `{"metric":"nights-booked","importance":"3"}`, string(want["indicator, by hand"]))
	assert.Equal(t, `{"coverage":"30","lead":"0.25","linkage":"2","ratings":"1","reach":"2"}`, string(want["weights, by hand"]))

	dectest.FlipSettings(t)
	for name, v := range forms {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Equal(t, string(want[name]), string(b), "%s with decimal's settings flipped", name)
	}
}

// TestLinkJSON: a link says in JSON how it is known, each way through the
// hierarchy under its own name, and decodes back to the same link.
func TestLinkJSON(t *testing.T) {
	l := Link{Outcome: "cost-to-serve", Kind: outcome.Cost, Evidence: true, FedBy: true}
	b, err := json.Marshal(l)
	require.NoError(t, err)
	assert.Equal(t, `{"outcome":"cost-to-serve","kind":"cost","evidence":true,"fedBy":true}`, string(b))
	var back Link
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, l, back)
	b, err = json.Marshal(Link{Outcome: "rev", Kind: outcome.Revenue, Feeds: true})
	require.NoError(t, err)
	assert.Equal(t, `{"outcome":"rev","kind":"revenue","feeds":true}`, string(b))
}
