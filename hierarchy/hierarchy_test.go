package hierarchy

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLinkAt_Equal checks LinkAt.Equal field by field: weights by value, so
// that links by position with weights 0.50 and 0.5 are Equal, though
// reflect.DeepEqual (and ==) call them different.
func TestLinkAt_Equal(t *testing.T) {
	fresh := func() LinkAt { return LinkAt{From: 1, To: 2, Weight: dec("0.50")} }
	checkEqual(t, fresh, LinkAt{From: 1, To: 2, Weight: dec("0.5")}, LinkAt.Equal, []mutation[LinkAt]{
		{"From", func(l *LinkAt) { l.From = 0 }},
		{"To", func(l *LinkAt) { l.To = 3 }},
		{"Weight", func(l *LinkAt) { l.Weight = dec("0.51") }},
	})
	a, b := fresh(), fresh()
	assert.True(t, a != b, "== compares the weights' pointers")
}
