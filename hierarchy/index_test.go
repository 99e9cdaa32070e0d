package hierarchy

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestIndexWithoutTags checks the index when tags cannot tell IDs apart (as
// with more than 2^31 nodes, where the position takes every bit of a slot):
// lookups then compare the IDs themselves.
func TestIndexWithoutTags(t *testing.T) {
	ids := make([]string, 300)
	for i := range ids {
		ids[i] = "id" + itoa(i)
	}
	for _, idxBits := range []uint8{32, 9} {
		x := newIndex(len(ids))
		x.idxBits = idxBits
		dups := x.insertAll(append(ids, "id7", "id250"), nil)
		assert.Equal(t, []int32{7, 250}, dups)
		keys := append([]string{"nope", "id-1"}, ids...)
		out := make([]int32, len(keys))
		x.lookupAll(ids, keys, out)
		assert.Equal(t, int32(-1), out[0])
		assert.Equal(t, int32(-1), out[1])
		for i := range ids {
			assert.Equal(t, int32(i), out[i+2])
			assert.Equal(t, int32(i), x.lookup(ids, ids[i]))
		}
	}
	var empty index
	out := []int32{5}
	empty.lookupAll(nil, []string{"a"}, out)
	assert.Equal(t, []int32{-1}, out)
}
