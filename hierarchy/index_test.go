package hierarchy

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstPositions returns, for every ID, the first position that holds it:
// what the index finds, stated plainly.
func firstPositions(ids []string) map[string]int32 {
	pos := map[string]int32{}
	for i, id := range ids {
		if _, ok := pos[id]; !ok {
			pos[id] = int32(i)
		}
	}
	return pos
}

// checkIndex builds an index of ids and checks every way of looking keys up
// in it (one at a time; all at once, with the IDs packed or not) against
// firstPositions.
func checkIndex(t *testing.T, ids, keys []string, idxBits uint8) {
	t.Helper()
	want := firstPositions(ids)
	x := newIndex(len(ids))
	if idxBits != 0 {
		x.idxBits = idxBits
	}
	var wantDups []int32
	for i, id := range ids {
		if p := want[id]; p != int32(i) {
			wantDups = append(wantDups, p)
		}
	}
	slices.Sort(wantDups)
	dups := x.insertAll(ids, nil)
	require.Equal(t, wantDups, dups, "insertAll reports the first position of every later copy, in ascending order")
	total := 0
	for _, id := range ids {
		total += len(id)
	}
	for _, text := range []idText{{}, newIDText(ids, total)} {
		out := make([]int32, len(keys))
		x.lookupAll(ids, text, len(dups) == 0, keys, out)
		for i, k := range keys {
			p := positionOf(want, k)
			require.Equal(t, p, out[i], "key #%d %q, packed IDs %v", i, k, text.off != nil)
			require.Equal(t, p, x.lookup(ids, k), "key %q alone", k)
		}
		// Split into parts looked up by goroutines of their own, the keys
		// as the links' sources and the keys reversed as their targets, a
		// lookup gives the same positions, whether the parts' ends fall
		// within a run of equal keys or not.
		to := slices.Clone(keys)
		slices.Reverse(to)
		for p := range 6 {
			src, dst := make([]int32, len(keys)), make([]int32, len(keys))
			x.lookupSplit(p, ids, text, len(dups) == 0, keys, to, src, dst)
			for i := range keys {
				require.Equal(t, positionOf(want, keys[i]), src[i], "source #%d %q, %d parts", i, keys[i], p)
				require.Equal(t, positionOf(want, to[i]), dst[i], "target #%d %q, %d parts", i, to[i], p)
			}
		}
	}
}

// positionOf returns k's position in want, or -1.
func positionOf(want map[string]int32, k string) int32 {
	if p, ok := want[k]; ok {
		return p
	}
	return -1
}

// seqIDs returns the IDs prefix0, prefix1, ..., of n nodes.
func seqIDs(prefix string, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = prefix + itoa(i)
	}
	return ids
}

func TestIndex(t *testing.T) {
	ids := seqIDs("id", 300)
	twice := make([]string, 0, 2*len(ids))
	for _, id := range ids {
		twice = append(twice, id, id)
	}
	reversed := make([]string, len(ids))
	for i, id := range ids {
		reversed[len(ids)-1-i] = id
	}
	long := make([]string, 260) // a run across two chunk boundaries
	for i := range long {
		long[i] = "id42"
	}
	tests := []struct {
		name string
		ids  []string
		keys []string
	}{
		{"no nodes", nil, []string{"a", "", "a"}},
		{"no keys", ids, nil},
		{"keys in node order, each twice", ids, twice},
		{"keys in reverse order", ids, reversed},
		{"a run longer than a chunk", ids, long},
		{"unknown keys between known ones", ids, []string{"id0", "nope", "id1", "id2", "id", "id3", "id300", "id299"}},
		{"a key after the last node", ids, []string{"id298", "id299", "id300", "id299"}},
		{"keys that differ only in length or in their last byte", ids,
			[]string{"id1", "id10", "id100", "id1000", "id19", "id1a", "i", ""}},
		{"an empty ID, looked up first", []string{"x", "", "y"}, []string{"", "", "y", "", "x", ""}},
		// A key equal to the ID at the position after the last key's is not
		// taken from there when that position holds a later copy of an
		// earlier ID: "a" is at 0, not 2.
		{"duplicate IDs", []string{"a", "b", "a", "c", "b"}, []string{"b", "a", "c", "a", "a", "b", "c", "d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkIndex(t, tt.ids, tt.keys, 0)
		})
	}

	// The zero index, the empty model's, holds nothing.
	var empty index
	out := []int32{5, 5}
	empty.lookupAll(nil, idText{}, true, []string{"a", ""}, out)
	assert.Equal(t, []int32{-1, -1}, out)
	assert.Equal(t, int32(-1), empty.lookup(nil, "a"))
}

// TestIndexWithoutTags checks the index when tags cannot tell IDs apart (as
// with more than 2^31 nodes, where the position takes every bit of a slot),
// or tell few apart: lookups then compare the IDs themselves.
func TestIndexWithoutTags(t *testing.T) {
	ids := seqIDs("id", 300)
	keys := append([]string{"nope", "id-1"}, ids...)
	keys = append(keys, "id7", "id7", "id250", "id251", "id0")
	for _, idxBits := range []uint8{32, 31, 9} {
		checkIndex(t, ids, keys, idxBits)
		checkIndex(t, append(ids, "id7", "id250"), keys, idxBits)
	}
}

// TestIndexCollisions fills an index up to its limit, half its slots, so
// that the probe sequences are long and run into each other, with IDs that
// look alike.
func TestIndexCollisions(t *testing.T) {
	for _, n := range []int{1, 3, 4, 5, 8, 63, 64, 65, 1000} {
		x := newIndex(n)
		size := len(x.slots)
		assert.Equal(t, 1, bits.OnesCount(uint(size)), "%d slots, a power of two", size)
		assert.GreaterOrEqual(t, size, 2*n, "%d nodes in at most half the slots", n)
		assert.LessOrEqual(t, size, max(8, 4*n-1), "%d nodes in more than a quarter of the slots, or 8 slots", n)
		assert.Less(t, uint32(n), uint32(1)<<x.idxBits, "positions plus one fit in %d bits", x.idxBits)

		ids := seqIDs("", n)
		keys := append(seqIDs("", n+10), seqIDs("0", 10)...)
		checkIndex(t, ids, keys, 0)
	}
}

func TestNewIDText(t *testing.T) {
	ids := []string{"ab", "", "c", "ab"}
	text := newIDText(ids, 5)
	assert.Equal(t, "abcab", text.text)
	assert.Equal(t, []uint32{0, 2, 2, 3, 5}, text.off)
	for i, id := range ids {
		assert.Equal(t, id, text.id(ids, int32(i)))
	}
	assert.Equal(t, idText{}, newIDText(ids, math.MaxUint32+1), "offsets beyond 32 bits: no packed IDs")
	assert.Equal(t, "c", idText{}.id(ids, 2), "without packed IDs, the IDs themselves")
}

// TestHasher checks that the index's hash spreads IDs that differ little
// (sequential numbers, one byte, the length) over the slots and the tags,
// at every length it reads in its own way.
func TestHasher(t *testing.T) {
	h := newHasher()
	assert.NotEqual(t, h, newHasher(), "every hasher has its own keys")

	// 2^16 sequential IDs over 2^17 slots: about 0.5 per slot, and
	// (Poisson) a slot with 9 or more has a chance of about 2·10^-8 each.
	const n = 1 << 16
	slots := make([]int, 2*n)
	tags := map[uint64]bool{}
	for i := range n {
		v := h.str("n" + itoa(10_000_000 + i)[1:])
		slots[v&(2*n-1)]++
		tags[v>>52] = true
	}
	assert.Less(t, slices.Max(slots), 9, "the most IDs in one slot")
	// 2^16 IDs over the 2^12 values of the top 12 bits: each is missed with
	// a chance of e^-16.
	assert.Len(t, tags, 1<<12, "top 12 bits")

	// Changing any one byte, or the length, changes the hash, at every
	// length up to 40.
	base := strings.Repeat("abcdefghij", 4)
	for l := 0; l <= len(base); l++ {
		s := base[:l]
		v := h.str(s)
		assert.NotEqual(t, v, h.str(s+"\x00"), "length %d and one more", l)
		for i := range l {
			b := []byte(s)
			b[i] ^= 1
			assert.NotEqual(t, v, h.str(string(b)), "length %d, byte %d", l, i)
		}
	}
}

// TestIndexWrapsAround checks IDs whose first slots are the last ones, so
// that insertAll places some of them past the last slot, from the first on,
// where lookups wrapping around find them: 5 IDs of 16 slots whose hashes
// pick the last slot, and copies of two of them.
func TestIndexWrapsAround(t *testing.T) {
	x := newIndex(7)
	size := uint64(len(x.slots))
	var ids []string
	for i := 0; len(ids) < 5; i++ {
		if id := "w" + itoa(i); x.hash.str(id)&(size-1) == size-1 {
			ids = append(ids, id)
		}
	}
	ids = append(ids, ids[4], ids[0])
	want := firstPositions(ids)
	dups := x.insertAll(ids, nil)
	assert.Equal(t, []int32{0, 4}, dups, "the first positions of the copies")
	for id, p := range want {
		assert.Equal(t, p, x.lookup(ids, id), "%q", id)
	}
	assert.Equal(t, int32(-1), x.lookup(ids, "w-1"))
	// The last slot holds the first ID; the others wrap around to the first
	// slots, in order.
	low := uint32(1)<<x.idxBits - 1
	assert.Equal(t, uint32(1), x.slots[size-1]&low)
	for s, p := range []uint32{2, 3, 4, 5} {
		assert.Equal(t, p, x.slots[s]&low, "slot %d", s)
	}
}
