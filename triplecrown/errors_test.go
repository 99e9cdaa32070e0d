package triplecrown

import (
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsOwnTheirIDs checks that each problem of a joined error has its
// own IDs, so that a caller who rewrites one problem's IDs in place (a BI
// tool mapping unit IDs to names, say) changes no other problem: a
// scorecard of unit "billing" with nothing else has nine problems, each
// naming "billing", and a roll-up "enterprise" of two zero Scorecards two,
// each naming "enterprise".
func TestErrorsOwnTheirIDs(t *testing.T) {
	_, cardErr := NewScorecard(ScorecardSpec{Unit: "billing"})
	_, rollupErr := NewRollup("enterprise", []Scorecard{{}, {}})
	for _, tt := range []struct {
		name string
		err  error
		n    int
		id   string
	}{
		{"scorecard", cardErr, 9, "billing"},
		{"roll-up", rollupErr, 2, "enterprise"},
	} {
		t.Run(tt.name, func(t *testing.T) { checkOwnTheirIDs(t, tt.err, tt.n, tt.id) })
	}
}

// TestErrorsOwnTheirIDs_partsOfJSON checks the same of the problems that a
// definition's JSON reports within one of its parts, each of which the
// decoder names by the part's unit: the baseline cost of scorecard
// "billing", whose amount "x" is not a decimal and whose currency "eur" is
// not a code, has those two problems, each naming "billing"; the
// contribution of unit "a", whose amount has the same two problems and
// whose share "1e99" is beyond the bounds of a share, has three, each
// naming "a".
func TestErrorsOwnTheirIDs_partsOfJSON(t *testing.T) {
	const bad = `{"amount":"x","currency":"eur"}`
	const eur = `{"amount":"1","currency":"EUR"}`
	var c Scorecard
	cardErr := c.UnmarshalJSON([]byte(`{"unit":"billing","period":"2025",` +
		`"cost":{"baseline":` + bad + `,"actual":` + eur + `},"revenue":{"baseline":` + eur + `,"actual":` + eur + `},` +
		`"service":{"name":"s","direction":"higher","baseline":{"value":"1"},"actual":{"value":"1"}}}`))
	var cs Contributions
	contribErr := cs.UnmarshalJSON([]byte(`{"crown":"cost","total":` + eur + `,"places":0,"sharesDefined":true,` +
		`"contributions":[{"unit":"a","amount":` + bad + `,"share":"1e99","detractor":false}]}`))
	for _, tt := range []struct {
		name string
		err  error
		n    int
		id   string
	}{
		{"scorecard", cardErr, 2, "billing"},
		{"contributions", contribErr, 3, "a"},
	} {
		t.Run(tt.name, func(t *testing.T) { checkOwnTheirIDs(t, tt.err, tt.n, tt.id) })
	}
}

// checkOwnTheirIDs checks that err has n problems, each with the IDs
// []string{id}, and that changing each problem's ID in place, in turn,
// leaves every later problem's ID id.
func checkOwnTheirIDs(t *testing.T, err error, n int, id string) {
	t.Helper()
	ps := outcome.Problems(err)
	require.Len(t, ps, n, "%v", err)
	for i, p := range ps {
		require.Equal(t, []string{id}, p.IDs, "problem %d", i)
	}
	for i, p := range ps {
		p.IDs[0] = "changed"
		for j, q := range ps[i+1:] {
			assert.Equal(t, []string{id}, q.IDs, "problem %d, once problem %d's ID is changed", i+1+j, i)
		}
	}
}
