package hierarchy

import (
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
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
	hash    hasher
	slots   []uint32
	idxBits uint8
}

// newIndex returns an empty index for n nodes.
func newIndex(n int) index {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	return index{hash: newHasher(), slots: make([]uint32, size), idxBits: uint8(bits.Len32(uint32(n)))}
}

// tag returns the tag of hash h, already shifted into place.
func (x index) tag(h uint64) uint32 {
	if x.idxBits >= 32 {
		return 0
	}
	return uint32(h>>(32+x.idxBits)) << x.idxBits
}

// lookup returns the position of id, or -1.
func (x index) lookup(ids []string, id string) int32 {
	if len(x.slots) == 0 {
		return -1
	}
	return x.probe(ids, id, x.hash.str(id))
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

// chunk is how many IDs lookupAll hashes before it probes.
const chunk = 128

// insertAll inserts every position of ids and appends to dups the position
// that holds the ID of every position whose ID is already there, in
// ascending order.
//
// It does not insert the IDs one at a time, each at a random slot, which
// costs a cache miss and a mispredicted branch an ID: it hashes them all,
// sorts the positions by first slot (a radix sort, stable, so that the
// copies of an ID stay in the order of their positions), and places them in
// that order, each in the first free slot from its own on, so that it writes
// the slots from first to last. Copies of an ID have the same first slot, so
// they come together; the positions that run past the last slot then go,
// in order, to the first free slots from the first on, as linear probing
// would put them.
func (x index) insertAll(ids []string, dups []int32) []int32 {
	n := len(ids)
	if n == 0 {
		return dups
	}
	size := uint64(len(x.slots))
	slotBits := bits.Len64(size - 1)
	low := uint32(1)<<x.idxBits - 1
	// A key is a position's first slot, then the slot's content: the tag
	// and the position plus one.
	keys, tmp := make([]uint64, n), make([]uint64, n)
	for i, id := range ids {
		h := x.hash.str(id)
		keys[i] = (h&(size-1))<<32 | uint64(x.tag(h)|uint32(i+1))
	}
	keys, tmp = radixSort(keys, tmp, 32, slotBits)

	next := uint64(0) // the first slot after those placed
	group := 0        // where the keys with the current key's first slot start
	over := tmp[:0]   // the keys that run past the last slot
	for j, k := range keys {
		s, v := k>>32, uint32(k)
		if j > 0 && keys[j-1]>>32 != s {
			group = j
		}
		dup := false
		for _, e := range keys[group:j] {
			if w := uint32(e); w&^low == v&^low && ids[w&low-1] == ids[v&low-1] {
				dups = append(dups, int32(w&low)-1)
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		s = max(s, next)
		if s >= size {
			over = append(over, k)
			continue
		}
		x.slots[s] = v
		next = s + 1
	}
	for _, k := range over {
		s := uint64(0)
		for x.slots[s] != 0 {
			s++
		}
		x.slots[s] = uint32(k)
	}
	slices.Sort(dups)
	return dups
}

// radixSort sorts keys by their bits from lo to lo+width (stably, least
// significant digit first), using tmp, as long as keys, for the passes. It
// returns the sorted keys and the other slice.
func radixSort(keys, tmp []uint64, lo, width int) ([]uint64, []uint64) {
	const digit = 8
	var count [1 << digit]int32
	for shift := lo; shift < lo+width; shift += digit {
		d := min(digit, lo+width-shift)
		mask := uint64(1)<<d - 1
		clear(count[:])
		for _, k := range keys {
			count[k>>shift&mask]++
		}
		sum := int32(0)
		for i, c := range count[:mask+1] {
			count[i] = sum
			sum += c
		}
		for _, k := range keys {
			b := k >> shift & mask
			tmp[count[b]] = k
			count[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys, tmp
}

// idText holds copies of the IDs end to end, for lookupAll to compare keys
// with: position p's ID is text[off[p]:off[p+1]]. Packed in order, the IDs
// take two arrays and 4 bytes a node beside their bytes, where the strings
// take a 16-byte header each and bytes spread over the heap: the loads that
// compare keys with them miss the cache less often.
type idText struct {
	text string
	off  []uint32
}

// newIDText returns the IDs packed, total being the sum of their lengths, or
// the zero idText if the offsets would not fit in 32 bits.
func newIDText(ids []string, total int) idText {
	if total > math.MaxUint32 {
		return idText{}
	}
	var sb strings.Builder
	sb.Grow(total)
	off := make([]uint32, len(ids)+1)
	for i, id := range ids {
		sb.WriteString(id)
		off[i+1] = uint32(sb.Len())
	}
	return idText{text: sb.String(), off: off}
}

// id returns the ID at position p: from t if it holds the IDs, else from
// ids.
func (t idText) id(ids []string, p int32) string {
	if t.off != nil {
		return t.text[t.off[p]:t.off[p+1]]
	}
	return ids[p]
}

// lookupAll sets out[i] to the position of keys[i], or -1. ids are the IDs
// by position, and t either the same packed or the zero idText. unique says
// that no two IDs are the same.
//
// Keys often come in the order of the nodes, as the links from each node do
// when they are grouped by node. So a key equal to the key before it takes
// that key's position; and, if the IDs are unique (so that the next position
// cannot hold a later copy of an earlier ID), a key equal to the ID at the
// position after that takes that one, without a lookup. The other keys are
// looked up in chunks and in stages, so that the memory loads of different
// keys, which are independent, overlap instead of waiting on each other:
// hash every key; load every key's first slot; follow each key's probe
// sequence to the slot whose tag matches; load the ID of every such slot;
// compare the lengths and first bytes of every key and ID; and compare whole
// IDs.
func (x index) lookupAll(ids []string, t idText, unique bool, keys []string, out []int32) {
	if len(x.slots) == 0 {
		for i := range out {
			out[i] = -1
		}
		return
	}
	var hs [chunk]uint64
	var cand [chunk]uint32 // a slot whose tag matches, or 0
	var at [chunk]uint16   // where in the chunk each looked-up key is
	var got [chunk]string  // the ID of cand
	var alike [chunk]bool  // whether got and the key have the same length and first byte
	mask := uint64(len(x.slots) - 1)
	low := uint32(1)<<x.idxBits - 1
	// prev is the key before the one at hand, and next the position after
	// prev's, or -1 if that is not known yet.
	prev, next := "", int32(-1)
	limit := int32(len(ids)) // the positions to try as next
	if !unique {
		limit = 0
	}
	for base := 0; base < len(keys); base += chunk {
		ks := keys[base:min(base+chunk, len(keys))]
		o := out[base : base+len(ks)]
		n := 0
		for j, k := range ks {
			switch {
			case base+j > 0 && k == prev:
				o[j] = runMark
			case next >= 0 && next < limit && t.id(ids, next) == k:
				o[j] = next
				next++
			default:
				at[n] = uint16(j)
				hs[n] = x.hash.str(k)
				n++
				next = -1
			}
			prev = k
		}
		h := hs[:n]
		for i, hi := range h {
			cand[i] = x.slots[hi&mask]
		}
		for i, hi := range h {
			if v, tag := cand[i], x.tag(hi); v != 0 && v&^low != tag {
				s := hi & mask
				for v != 0 && v&^low != tag {
					s = (s + 1) & mask
					v = x.slots[s]
				}
				cand[i] = v
			}
		}
		if t.off != nil {
			for i := range h {
				if v := cand[i]; v != 0 {
					p := v&low - 1
					got[i] = t.text[t.off[p]:t.off[p+1]]
				}
			}
		} else {
			for i := range h {
				if v := cand[i]; v != 0 {
					got[i] = ids[v&low-1]
				}
			}
		}
		for i := range h {
			g, k := got[i], ks[at[i]]
			alike[i] = cand[i] != 0 && len(g) == len(k) && (len(k) == 0 || g[0] == k[0])
		}
		for i, hi := range h {
			j, v := at[i], cand[i]
			switch {
			case v == 0:
				o[j] = -1
			case alike[i] && got[i] == ks[j]:
				o[j] = int32(v&low) - 1
			default: // another ID with the same tag
				o[j] = x.probe(ids, ks[j], hi)
			}
		}
		for j := range o {
			if o[j] == runMark {
				o[j] = out[base+j-1]
			}
		}
		if l := o[len(o)-1]; l >= 0 {
			next = l + 1
		}
	}
}

// parallelKeys is the number of keys from which lookupEnds splits its work
// between goroutines.
const parallelKeys = 1 << 16

// parallelNodes is the number of nodes from which Build, when every link is
// added by position, builds the index of IDs in a goroutine of its own while
// it checks the graph.
const parallelNodes = 1 << 16

// lookupEnds looks up the ends of links, as lookupAll does: from into src
// and to into dst. With many links and more than one processor, it splits
// the links between goroutines (see lookupSplit).
func (x index) lookupEnds(ids []string, t idText, unique bool, from, to []string, src, dst []int32) {
	x.lookupSplit(min(runtime.GOMAXPROCS(0), len(from)/parallelKeys), ids, t, unique, from, to, src, dst)
}

// lookupSplit does what lookupEnds does, with the links split into p parts
// of about equal size (one part if p < 2), each looked up by a goroutine of
// its own: the lookups of different keys are independent, so the memory
// loads of the parts, which dominate, overlap on different processors.
// Each part's positions are those a lookup of the whole would give, so the
// result does not depend on p.
func (x index) lookupSplit(p int, ids []string, t idText, unique bool, from, to []string, src, dst []int32) {
	if p < 2 {
		x.lookupAll(ids, t, unique, from, src)
		x.lookupAll(ids, t, unique, to, dst)
		return
	}
	m := len(from)
	var wg sync.WaitGroup
	wg.Add(p)
	for k := range p {
		lo, hi := k*m/p, (k+1)*m/p
		go func() {
			defer wg.Done()
			x.lookupAll(ids, t, unique, from[lo:hi], src[lo:hi])
			x.lookupAll(ids, t, unique, to[lo:hi], dst[lo:hi])
		}()
	}
	wg.Wait()
}

// runMark marks, in lookupAll, a key equal to the one before it.
const runMark = -2

// hasher hashes strings for the index with two random keys of its own, so
// that no one can choose IDs that collide without knowing them. It is the
// Go runtime's hash for machines without AES instructions (after wyhash),
// written for strings and short keys: it reads at most 16 bytes of an ID of
// up to 16, in 2 multiplications, where hash/maphash calls into the runtime.
type hasher struct{ k0, k1 uint64 }

// newHasher returns a hasher with random keys.
func newHasher() hasher {
	seed := maphash.MakeSeed()
	return hasher{k0: maphash.String(seed, "k0"), k1: maphash.String(seed, "k1")}
}

// m5 is a constant of the runtime's hash.
const m5 = 0x1d8e4e27c47d124f

// str returns the hash of s.
func (h hasher) str(s string) uint64 {
	var a, b uint64
	seed, n := h.k0, len(s)
	switch {
	case n == 0:
		return seed
	case n < 4:
		a = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	case n < 8:
		a, b = r4(s), r4(s[n-4:])
	case n <= 16:
		a, b = r8(s), r8(s[n-8:])
	default:
		for t := s; len(t) > 16; t = t[16:] {
			seed = mix(r8(t)^h.k1, r8(t[8:])^seed)
		}
		a, b = r8(s[n-16:]), r8(s[n-8:])
	}
	return mix(m5^uint64(n), mix(a^h.k1, b^seed))
}

// mix returns the 128-bit product of a and b folded to 64 bits.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// r4 returns the first 4 bytes of s, little-endian.
func r4(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// r8 returns the first 8 bytes of s, little-endian.
func r8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
