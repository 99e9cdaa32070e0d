package jsondecode

import (
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/msg"
)

// Path is the JSON path of a value being decoded, built only when a
// problem says it: a value's parent path and its key or index, so that
// walking an object's members or an array's elements ([Form.Fields],
// [Form.Array]) does not join a string for each. The zero Path is the path
// of the whole value, whose text is "". A Path is immutable; one made by
// [Path.Key] or [Path.Index] refers to its parent, which is shared.
type Path struct {
	parent *Path  // nil for the whole value
	key    string // the member's key, when index < 0
	index  int    // the element's index from 0, or -1 for a member
}

// Key returns the path of the member key of the object at p, whose text
// is [Key] of p's text and key.
func (p Path) Key(key string) Path { return Path{parent: &p, key: key, index: -1} }

// Index returns the path of element i of the array at p, whose text is
// [Index] of p's text and i.
func (p Path) Index(i int) Path { return Path{parent: &p, index: i} }

// String returns the path's text: keys as written, each clipped to
// [msg.MaxQuoted] bytes, joined with "." (a key has no "." before it where
// the text before it is ""), an array's elements by their index from 0 in
// brackets, as [Key] and [Index] join them: `nodes[2].level`.
func (p Path) String() string {
	if p.parent == nil {
		return ""
	}
	var steps []*Path
	for q := &p; q.parent != nil; q = q.parent {
		steps = append(steps, q)
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		if s.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		key := msg.Clip(s.key, msg.MaxQuoted)
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(key)
	}
	return b.String()
}

// Base returns the text of p's last step as [Path.String] writes it: a
// member's key, clipped to [msg.MaxQuoted] bytes, or an element's index in
// brackets; "" for the whole value.
func (p Path) Base() string {
	switch {
	case p.parent == nil:
		return ""
	case p.index >= 0:
		return "[" + strconv.Itoa(p.index) + "]"
	}
	return msg.Clip(p.key, msg.MaxQuoted)
}
