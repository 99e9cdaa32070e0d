package strictjson

import (
	"encoding/json"
	"unicode/utf8"
)

// Reader reads the members of JSON objects as [Members] and [MembersOf]
// do, to the same results and errors, for a decoder that reads many
// objects (one [jsondecode.Form] per definition), allocating less: the
// members of the objects it reads are handed out of blocks that it
// allocates for many objects, and a plain key (ASCII without escapes) that
// it has read recently is not copied into a new string again but given as
// the same string. Memory handed out is never handed out again, so a
// caller may keep the members it is given, and append to them (each
// object's members have no room to append into the block), as it may keep
// those Members returns. The zero Reader is ready to use; a Reader is not
// safe for concurrent use.
//
// [jsondecode.Form]: https://pkg.go.dev/github.com/cxmodel/cx/internal/jsondecode#Form
type Reader struct {
	free []Member // the unused part of the current block: len 0
	next int      // the size of the next block, in members; 0 for firstBlock
	keys keyCache
}

// The sizes of a Reader's blocks, in members (40 bytes each): the first
// is the room Members used to make for every object, so that a Reader
// that reads one small object allocates what Members did; each next
// block doubles, up to maxBlock.
const (
	firstBlock = 8
	maxBlock   = 512
)

// Members is [Members] read by r.
func (r *Reader) Members(data []byte) ([]Member, error) {
	if !utf8.Valid(data) {
		return nil, ErrInvalidUTF8
	}
	sc, err := open(data, '{', ErrNotObject)
	if err != nil {
		return nil, err
	}
	return r.members(&sc)
}

// MembersOf is [MembersOf] read by r.
func (r *Reader) MembersOf(raw json.RawMessage) ([]Member, error) {
	if !utf8.Valid(raw) {
		return nil, ErrInvalidUTF8
	}
	sc, ok := openOf(raw, '{', ErrNotObject)
	if !ok {
		return r.Members(raw)
	}
	if sc.kind != nil {
		return nil, sc.kind
	}
	out, err := r.members(&sc)
	if err != nil {
		return Members(raw) // not reached for well-formed raw
	}
	return out, nil
}

// members reads the members of the object whose opening brace sc has
// passed into r's block, as [Reader] says: nil for none. An object that
// does not fit in what is left of the block moves to a new block, with
// the members read so far; one that does not fit in a new block grows it
// (append's growth), and what is left of the grown block is the block
// the next objects are read into.
func (r *Reader) members(sc *Scanner) ([]Member, error) {
	out, fresh := r.free, false
	for {
		mb, more, err := sc.nextMember(&r.keys)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		if len(out) == cap(out) && !fresh {
			out, fresh = append(r.block(), out...), true
		}
		out = append(out, mb)
	}
	if len(out) == 0 {
		return nil, nil
	}
	r.free = out[len(out):]
	return out[:len(out):len(out)], nil
}

// block returns a new block, empty, of the next size.
func (r *Reader) block() []Member {
	n := r.next
	if n == 0 {
		n = firstBlock
	}
	r.next = min(2*n, maxBlock)
	return make([]Member, 0, n)
}

// keySlots is the number of keys a [keyCache] holds: a power of two.
const keySlots = 64

// keyCache holds strings of object keys recently read, each in the slot
// of its text's hash, so that reading a key already held takes the string
// held rather than a new copy: the keys of one kind of object repeat in
// every object of that kind. A key read into a slot that holds another
// replaces it.
type keyCache [keySlots]string

// key returns the string whose text is raw: the one held, if its slot
// holds it, else a new one, which the slot then holds.
func (c *keyCache) key(raw []byte) string {
	h := uint32(2166136261) // FNV-1a
	for _, b := range raw {
		h ^= uint32(b)
		h *= 16777619
	}
	slot := &c[h&(keySlots-1)]
	if *slot == string(raw) {
		return *slot
	}
	*slot = string(raw)
	return *slot
}
