package hierarchy

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cxmodel/cx/internal/equaltest"
)

// TestLinkAt_Equal checks LinkAt.Equal field by field: weights by value, so
// that links by position with weights 0.50 and 0.5 are Equal, though
// reflect.DeepEqual (and ==) call them different.
func TestLinkAt_Equal(t *testing.T) {
	fresh := func() LinkAt { return LinkAt{From: 1, To: 2, Weight: dec("0.50")} }
	equaltest.Check(t, equaltest.Case[LinkAt]{Equal: LinkAt.Equal, Base: fresh,
		Twins: []equaltest.Twins[LinkAt]{
			{Name: "weights 0.50 and 0.5", A: fresh(), B: LinkAt{From: 1, To: 2, Weight: dec("0.5")}, DeepDiffers: true},
		},
		Changes: []equaltest.Change[LinkAt]{
			{Field: "From", What: "l.From = 0", Apply: func(l *LinkAt) { l.From = 0 }},
			{Field: "To", What: "l.To = 3", Apply: func(l *LinkAt) { l.To = 3 }},
			{Field: "Weight", What: `l.Weight = dec("0.51")`, Apply: func(l *LinkAt) { l.Weight = dec("0.51") }},
		},
	})
	a, b := fresh(), fresh()
	assert.True(t, a != b, "== compares the weights' pointers")
}
