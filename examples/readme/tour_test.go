package readme

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// TestAuditPortfolio runs the README's BI tour on the method's contact
// centre: calls handled and AHT are outputs, one rewarded; revenue is a
// business outcome; nothing measures a customer outcome. 2 of 3 KPIs are
// outputs: 2/3 = 66.67%, below the 80% threshold. Each finding is shown with
// its reason: none of the 3 measures a customer outcome, and calls handled is
// a rewarded output.
func TestAuditPortfolio(t *testing.T) {
	var w bytes.Buffer
	stored, err := auditPortfolio([]byte(`[
		{"id": "calls", "name": "Calls handled", "level": "output", "direction": "higher", "rewarded": true},
		{"id": "aht", "name": "Average handle time", "level": "output", "direction": "lower"},
		{"id": "revenue", "name": "Revenue", "level": "business outcome", "direction": "higher", "kind": "revenue"}
	]`), &w)
	require.NoError(t, err)
	assert.Equal(t, `2 of 3 KPIs (66.67%) measure outputs or the work behind them, 1 a business outcome and none a successful customer outcome; 1 output is rewarded.
error no-customer-outcome-measure []: none of the 3 KPIs measures a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for
error rewarded-output ["calls"]: "Calls handled" (id "calls") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
`, w.String())
	assert.True(t, strings.Contains(string(stored), `"rewarded-output"`), "stored: %s", stored)
}

// TestAuditPortfolioBadInput shows every problem of a bad definition at once.
func TestAuditPortfolioBadInput(t *testing.T) {
	var w bytes.Buffer
	_, err := auditPortfolio([]byte(`[{"id": "calls", "name": "", "level": "outcome", "direction": "higher"}]`), &w)
	require.Error(t, err)
	assert.True(t, errors.Is(err, outcome.ErrEmptyName))
	assert.True(t, errors.Is(err, outcome.ErrUnknownLevel))
	assert.Equal(t, 2, strings.Count(w.String(), "\n"), "one line a problem:\n%s", w.String())
}

// TestAuditPortfolioEveryBadMetric: a file with three bad metrics (no name,
// a level misspelt, a business outcome without its kind) gets one line for
// each, naming the metric by its index in the file and its ID; json.Unmarshal
// would have stopped at the first.
func TestAuditPortfolioEveryBadMetric(t *testing.T) {
	var w bytes.Buffer
	stored, err := auditPortfolio([]byte(`[
		{"id": "aht", "name": "", "level": "output", "direction": "lower"},
		{"id": "calls", "name": "Calls handled", "level": "outptu", "direction": "higher"},
		{"id": "revenue", "name": "Revenue", "level": "business outcome", "direction": "higher"}
	]`), &w)
	require.Error(t, err)
	assert.Nil(t, stored)
	assert.Equal(t, `empty-name ["aht"]: outcome: metrics[0]: metric "aht" has no name
unknown-level ["calls"]: outcome: metrics[1]: metric "calls" has an unknown level "outptu"
missing-kind ["revenue"]: outcome: metrics[2]: business-outcome metric "revenue" has no kind (revenue, cost, service or compliance)
`, w.String())
}
