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

// posIndex numbers the nodes one search of a model has reached, by
// position: each node reached gets the next index, as it is appended to the
// search's list. Like [visitSet], it starts as a small open-addressing hash
// map, and becomes an array over all the model's nodes once the search has
// reached more than 1/128 of them (or at once in a model of at most
// [smallModel] nodes), so that a search costs time and memory in proportion
// to what it reaches, not to the size of the model.
type posIndex struct {
	n     int     // the model's number of nodes
	dense []int32 // the array, once the map is one: an index plus one, 0 for a node not reached
	keys  []int32 // the hash map's keys: a position plus one, 0 for an empty slot
	vals  []int32 // the hash map's values: the index of the key's node
	count int     // the number of positions in the hash map
}

// newPosIndex returns an empty index for a model of n nodes.
func newPosIndex(n int) posIndex {
	if n <= smallModel {
		return posIndex{n: n, dense: make([]int32, n)}
	}
	return posIndex{n: n, keys: make([]int32, 16), vals: make([]int32, 16)}
}

// add gives v the index i if v has none, and reports whether it had none.
func (s *posIndex) add(v, i int32) bool {
	if s.dense != nil {
		if s.dense[v] != 0 {
			return false
		}
		s.dense[v] = i + 1
		return true
	}
	mask := uint32(len(s.keys) - 1)
	for j := hashPos(v) & mask; ; j = (j + 1) & mask {
		switch s.keys[j] {
		case v + 1:
			return false
		case 0:
			s.keys[j], s.vals[j] = v+1, i
			s.count++
			if s.count > s.n/128 {
				s.toDense()
			} else if 2*s.count > len(s.keys) {
				s.grow()
			}
			return true
		}
	}
}

// get returns the index of v, and whether v has one.
func (s *posIndex) get(v int32) (int32, bool) {
	if s.dense != nil {
		i := s.dense[v]
		return i - 1, i != 0
	}
	mask := uint32(len(s.keys) - 1)
	for j := hashPos(v) & mask; ; j = (j + 1) & mask {
		switch s.keys[j] {
		case v + 1:
			return s.vals[j], true
		case 0:
			return 0, false
		}
	}
}

// grow doubles the hash map's slots.
func (s *posIndex) grow() {
	oldKeys, oldVals := s.keys, s.vals
	s.keys, s.vals = make([]int32, 2*len(oldKeys)), make([]int32, 2*len(oldKeys))
	mask := uint32(len(s.keys) - 1)
	for k, x := range oldKeys {
		if x == 0 {
			continue
		}
		j := hashPos(x-1) & mask
		for s.keys[j] != 0 {
			j = (j + 1) & mask
		}
		s.keys[j], s.vals[j] = x, oldVals[k]
	}
}

// toDense turns the hash map into an array.
func (s *posIndex) toDense() {
	s.dense = make([]int32, s.n)
	for k, x := range s.keys {
		if x != 0 {
			s.dense[x-1] = s.vals[k] + 1
		}
	}
	s.keys, s.vals = nil, nil
}
