package hierarchy

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// FuzzBuildAt checks links added by position against the same links added
// by ID: a position that holds no node is, by ID, the unknown node "#" and
// the position, which names it in a message in the same way. So both
// builders must give the same error, word for word, or equal models with
// their links in the same order. The first byte is the number of nodes (up
// to 7); each next byte a node's level (low 3 bits) and whether its ID
// repeats the one before it (bit 3), in which case both builders need only
// report the duplicate ID; then each three bytes a link: its ends,
// as signed positions, and its weight (1, 0.5 or 2).
func FuzzBuildAt(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 1, 2, 5, 0, 1, 0, 1, 2, 1}) // t -> a -> sco
	f.Add([]byte{2, 2, 2, 0, 1, 0, 1, 0, 0})    // a cycle
	f.Add([]byte{2, 1, 2, 0, 9, 0, 0xff, 1, 2}) // unknown positions
	f.Add([]byte{2, 2, 1, 0, 1, 0, 0, 0, 0})    // a downward link, a self-link
	f.Add([]byte{3, 1, 9, 2, 0, 2, 0, 0, 2, 1}) // a duplicate ID, a duplicate link
	f.Add([]byte{4, 1, 2, 3, 5, 0, 1, 1, 1, 2, 2, 2, 3, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		n := int(data[0] % 8)
		data = data[1:]
		byPos, byID := NewBuilder(), NewBuilder()
		var ids []string
		dupIDs := false
		for i := 0; i < n && len(data) > 0; i++ {
			id := "n" + itoa(i)
			if data[0]&8 != 0 && i > 0 {
				id, dupIDs = ids[i-1], true
			}
			ids = append(ids, id)
			nd := Node{ID: id, Level: outcome.Level(data[0] & 7)}
			require.Equal(t, i, byPos.AddNode(nd))
			byID.AddNode(nd)
			data = data[1:]
		}
		name := func(p int) string {
			if p >= 0 && p < len(ids) {
				return ids[p]
			}
			return posName(p)
		}
		for ; len(data) >= 3; data = data[3:] {
			f, to := int(int8(data[0])), int(int8(data[1]))
			switch data[2] % 3 {
			case 0:
				byPos.AddLinkAt(f, to)
				byID.AddLink(name(f), name(to))
			default:
				w := decimal.RequireFromString([]string{"", "0.5", "2"}[data[2]%3])
				byPos.AddWeightedLinkAt(f, to, w)
				byID.AddWeightedLink(name(f), name(to), w)
			}
		}
		m1, err1 := byPos.Build()
		m2, err2 := byID.Build()
		if dupIDs {
			// By ID, a link's ends are the first nodes with those IDs; by
			// position, any node: the problems of the links may differ.
			require.ErrorIs(t, err1, outcome.ErrDuplicateID)
			require.ErrorIs(t, err2, outcome.ErrDuplicateID)
			return
		}
		if err2 != nil {
			require.EqualError(t, err1, err2.Error())
			return
		}
		require.NoError(t, err1)
		require.True(t, m1.Equal(m2))
		require.Equal(t, collect(m2.Links()), collect(m1.Links()))
		require.Equal(t, collect(m2.TopoOrder()), collect(m1.TopoOrder()))
	})
}
