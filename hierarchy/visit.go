package hierarchy

// visitSet is the set of nodes one search of a model has reached, by
// position. It starts as a small open-addressing hash set, and becomes a
// bitset over all the model's nodes once the search has reached more than
// 1/128 of them (or at once in a model of at most 8,192 nodes, whose bitset
// takes at most 1 KB), so that a search costs time and memory in proportion
// to what it reaches, not to the size of the model: asking for the ancestors
// of every task of a million-node model, one task at a time, does not
// clear a million bits each time.
type visitSet struct {
	n     int      // the model's number of nodes
	bits  []uint64 // the bitset, once the set is one
	slots []int32  // the hash set: a position plus one, 0 for an empty slot
	count int      // the number of positions in the hash set
}

// smallModel is the most nodes for which a visitSet is a bitset at once.
const smallModel = 8192

// newVisitSet returns an empty set for a model of n nodes.
func newVisitSet(n int) visitSet {
	if n <= smallModel {
		return visitSet{n: n, bits: make([]uint64, (n+63)/64)}
	}
	return visitSet{n: n, slots: make([]int32, 16)}
}

// add adds v to the set, and reports whether it was not in it.
func (s *visitSet) add(v int32) bool {
	if s.bits != nil {
		w, b := v/64, uint64(1)<<(v%64)
		if s.bits[w]&b != 0 {
			return false
		}
		s.bits[w] |= b
		return true
	}
	mask := uint32(len(s.slots) - 1)
	for i := hashPos(v) & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case v + 1:
			return false
		case 0:
			s.slots[i] = v + 1
			s.count++
			if s.count > s.n/128 {
				s.toBits()
			} else if 2*s.count > len(s.slots) {
				s.grow()
			}
			return true
		}
	}
}

// hashPos spreads the bits of a position over a uint32 (Fibonacci hashing's
// multiplier; the slot is taken from the high bits by rotating them down).
func hashPos(v int32) uint32 {
	h := uint32(v) * 0x9E3779B1
	return h>>16 | h<<16
}

// grow doubles the hash set's slots.
func (s *visitSet) grow() {
	old := s.slots
	s.slots = make([]int32, 2*len(old))
	mask := uint32(len(s.slots) - 1)
	for _, x := range old {
		if x == 0 {
			continue
		}
		i := hashPos(x-1) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = x
	}
}

// toBits turns the hash set into a bitset.
func (s *visitSet) toBits() {
	s.bits = make([]uint64, (s.n+63)/64)
	for _, x := range s.slots {
		if x != 0 {
			v := x - 1
			s.bits[v/64] |= 1 << (v % 64)
		}
	}
	s.slots = nil
}
