package northstar

import (
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsOwnTheirIDs checks that each problem of a joined error has its
// own IDs, so that a caller who rewrites one problem's IDs in place (a BI
// tool mapping IDs to names, say) changes no other problem. Canvas "c" has
// no name, a need "n" with no statement and an outcome "o" with no name and
// no metric: four problems, the outcome's two made from one slice of IDs;
// and a canvas with neither name, needs nor outcomes has three problems
// made from one.
func TestErrorsOwnTheirIDs(t *testing.T) {
	_, err := NewCanvas(CanvasSpec{Category: "c", Weight: dec("1"),
		Needs: []Need{{ID: "n"}}, Outcomes: []SuccessfulOutcome{{ID: "o"}}})
	want := []struct {
		code outcome.Code
		ids  []string
	}{
		{outcome.ErrEmptyName, []string{"c"}},
		{ErrEmptyNeed, []string{"c", "n"}},
		{outcome.ErrEmptyName, []string{"c", "o"}},
		{ErrOutcomeUnmeasured, []string{"c", "o"}},
	}
	ps := outcome.Problems(err)
	require.Len(t, ps, len(want))
	for i, p := range ps {
		require.Equal(t, want[i].code, p.Code, "problem %d", i)
		require.Equal(t, want[i].ids, p.IDs, "problem %d", i)
	}
	for i, p := range ps {
		for k := range p.IDs {
			p.IDs[k] = "changed"
		}
		for j, q := range ps[i+1:] {
			assert.Equal(t, want[i+1+j].ids, q.IDs, "problem %d, once problem %d's IDs are changed", i+1+j, i)
		}
	}

	_, err = NewCanvas(CanvasSpec{Category: "c", Weight: dec("1")})
	ps = outcome.Problems(err)
	require.Len(t, ps, 3)
	ps[0].IDs[0] = "changed"
	for _, p := range ps[1:] {
		assert.Equal(t, []string{"c"}, p.IDs)
	}
}
