package render

import (
	"hash/maphash"
	"math/bits"
)

// index finds a node's position in a view by its ID: an open-addressing
// hash table (linear probing) over the view's IDs, at most half full, of
// uint32 slots. It takes two allocations however many nodes there are,
// where a map[string]int32 of a hundred thousand takes hundreds, one per
// table it splits into.
//
// A slot holds the node's position plus one in its low bits bits (0 marks
// an empty slot) and, in the bits above, a tag: the top bits of the ID's
// hash. A lookup compares IDs only when the tags match, so it seldom reads
// the ID of another node.
type index struct {
	ids   []string
	seed  maphash.Seed
	slots []uint32
	bits  uint8 // the bits of a slot that hold the position plus one
}

// newIndex returns the index of ids, which are distinct (a model's).
func newIndex(ids []string) index {
	size := 8
	for size < 2*len(ids) {
		size <<= 1
	}
	x := index{ids: ids, seed: maphash.MakeSeed(), slots: make([]uint32, size),
		bits: uint8(bits.Len32(uint32(len(ids))))}
	mask := uint64(size - 1)
	for i, id := range ids {
		h := maphash.String(x.seed, id)
		s := h & mask
		for x.slots[s] != 0 {
			s = (s + 1) & mask
		}
		x.slots[s] = x.tag(h) | uint32(i+1)
	}
	return x
}

// tag returns the tag of hash h, shifted into place. Positions are int32,
// so bits is at most 31, and a tag has at least one bit.
func (x index) tag(h uint64) uint32 { return uint32(h>>32) << x.bits }

// pos returns the position of id, or -1 if no node has it.
func (x index) pos(id string) int32 {
	h := maphash.String(x.seed, id)
	tag, low := x.tag(h), uint32(1)<<x.bits-1
	mask := uint64(len(x.slots) - 1)
	for s := h & mask; ; s = (s + 1) & mask {
		v := x.slots[s]
		if v == 0 {
			return -1
		}
		if v&^low == tag && x.ids[v&low-1] == id {
			return int32(v&low) - 1
		}
	}
}
