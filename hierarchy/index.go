package hierarchy

import (
	"hash/maphash"
	"math/bits"
)

// index finds a node's position by its ID: an open-addressing hash table
// (linear probing) over the model's ID slice, at most half full, of uint32
// slots, so it costs 8 to 16 bytes per node, against about 50 for a
// map[string]int32.
//
// A slot holds the node's position plus one in its low idxBits bits (0 marks
// an empty slot) and, in the bits above, a tag: the top bits of the ID's
// hash. A lookup compares IDs only when the tags match, so it seldom touches
// the ID of another node.
type index struct {
	seed    maphash.Seed
	slots   []uint32
	idxBits uint8
}

// newIndex returns an empty index for n nodes.
func newIndex(n int) index {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	return index{seed: maphash.MakeSeed(), slots: make([]uint32, size), idxBits: uint8(bits.Len32(uint32(n)))}
}

// tag returns the tag of hash h, already shifted into place.
func (x index) tag(h uint64) uint32 {
	if x.idxBits >= 32 {
		return 0
	}
	return uint32(h>>(32+x.idxBits)) << x.idxBits
}

// insertHashed adds position i, whose ID is ids[i] with hash h, unless
// another position has the same ID; it returns the position that holds the ID.
func (x index) insertHashed(ids []string, i int32, h uint64) int32 {
	id := ids[i]
	tag, low := x.tag(h), uint32(1)<<x.idxBits-1
	mask := uint64(len(x.slots) - 1)
	for s := h & mask; ; s = (s + 1) & mask {
		v := x.slots[s]
		if v == 0 {
			x.slots[s] = tag | uint32(i+1)
			return i
		}
		if v&^low == tag && ids[v&low-1] == id {
			return int32(v&low) - 1
		}
	}
}

// lookup returns the position of id, or -1.
func (x index) lookup(ids []string, id string) int32 {
	if len(x.slots) == 0 {
		return -1
	}
	return x.probe(ids, id, maphash.String(x.seed, id))
}

// probe returns the position of id, whose hash is h, or -1.
func (x index) probe(ids []string, id string, h uint64) int32 {
	tag, low := x.tag(h), uint32(1)<<x.idxBits-1
	mask := uint64(len(x.slots) - 1)
	for s := h & mask; ; s = (s + 1) & mask {
		v := x.slots[s]
		if v == 0 {
			return -1
		}
		if v&^low == tag && ids[v&low-1] == id {
			return int32(v&low) - 1
		}
	}
}

// chunk is how many IDs insertAll and lookupAll hash before they probe.
const chunk = 128

// insertAll inserts every position of ids, in order, and appends to dups the
// position that holds the ID of every position whose ID is already there.
// Like lookupAll, it hashes a chunk of IDs and loads their first slots before
// it inserts them, so that the loads overlap.
func (x index) insertAll(ids []string, dups []int32) []int32 {
	var hs [chunk]uint64
	var sink uint32
	mask := uint64(len(x.slots) - 1)
	for base := 0; base < len(ids); base += chunk {
		ks := ids[base:min(base+chunk, len(ids))]
		for j, k := range ks {
			hs[j] = maphash.String(x.seed, k)
		}
		for j := range ks {
			sink |= x.slots[hs[j]&mask]
		}
		for j := range ks {
			i := int32(base + j)
			if at := x.insertHashed(ids, i, hs[j]); at != i {
				dups = append(dups, at)
			}
		}
	}
	x.sink(sink)
	return dups
}

// sink keeps the compiler from dropping loads made only to warm the cache.
func (x index) sink(v uint32) {
	if v == 1<<32-1 && len(x.slots) == 0 {
		panic("unreachable")
	}
}

// lookupAll sets out[i] to the position of keys[i], or -1. It works in chunks
// and in stages (hash every key; find every key's slot with a matching tag;
// load every first slot; find every key's slot with a matching tag; compare IDs), so that the memory loads of different keys, which are
// independent, overlap instead of waiting on each other: at a million nodes
// that makes it several times faster than calling lookup in a loop.
func (x index) lookupAll(ids, keys []string, out []int32) {
	if len(x.slots) == 0 {
		for i := range out {
			out[i] = -1
		}
		return
	}
	var hs [chunk]uint64
	var cand [chunk]uint32
	mask := uint64(len(x.slots) - 1)
	low := uint32(1)<<x.idxBits - 1
	for base := 0; base < len(keys); base += chunk {
		ks := keys[base:min(base+chunk, len(keys))]
		o := out[base : base+len(ks)]
		for j, k := range ks {
			hs[j] = maphash.String(x.seed, k)
		}
		for j := range ks {
			cand[j] = x.slots[hs[j]&mask]
		}
		for j := range ks {
			if v, tag := cand[j], x.tag(hs[j]); v != 0 && v&^low != tag {
				s := hs[j] & mask
				for v != 0 && v&^low != tag {
					s = (s + 1) & mask
					v = x.slots[s]
				}
				cand[j] = v
			}
		}
		for j, k := range ks {
			switch v := cand[j]; {
			case v == 0:
				o[j] = -1
			case ids[v&low-1] == k:
				o[j] = int32(v&low) - 1
			default: // another ID with the same tag
				o[j] = x.probe(ids, k, hs[j])
			}
		}
	}
}
