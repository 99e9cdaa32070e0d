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
		t.Run(tt.name, func(t *testing.T) {
			ps := outcome.Problems(tt.err)
			require.Len(t, ps, tt.n)
			for i, p := range ps {
				require.Equal(t, []string{tt.id}, p.IDs, "problem %d", i)
			}
			for i, p := range ps {
				p.IDs[0] = "changed"
				for j, q := range ps[i+1:] {
					assert.Equal(t, []string{tt.id}, q.IDs, "problem %d, once problem %d's ID is changed", i+1+j, i)
				}
			}
		})
	}
}
