package render

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestIndex finds every ID at its position, and no other, for sizes around
// the powers of two at which the table and the bits of a slot grow.
func TestIndex(t *testing.T) {
	for _, n := range []int{0, 1, 3, 4, 7, 8, 255, 256, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ids := make([]string, n)
			for i := range ids {
				ids[i] = fmt.Sprintf("node-%d", i)
			}
			x := newIndex(ids)
			assert.GreaterOrEqual(t, len(x.slots), 2*n, "at most half full")
			for i, id := range ids {
				// A copy of the ID, not the same string: found by its text.
				assert.Equal(t, int32(i), x.pos(string([]byte(id))), "position of %q", id)
			}
			for _, id := range []string{"", "node", "node-", fmt.Sprintf("node-%d", n), "node-01", "Node-0"} {
				assert.Equal(t, int32(-1), x.pos(id), "position of %q, which no node has", id)
			}
		})
	}
}
