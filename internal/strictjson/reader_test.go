package strictjson

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// object returns the text of an object of n members, whose keys and
// values name tag and their index: {"k0":"tag0","k1":"tag1",...}.
func object(tag string, n int) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"k%d":"%s%d"`, i, tag, i)
	}
	b.WriteByte('}')
	return b.String()
}

// TestReader_keepsWhatItHandsOut reads objects of many sizes with one
// Reader, through its blocks' first fill, an object that moves to a new
// block, one larger than any block (600 members) and empty ones, keeps
// every result, and checks each afterwards against Members: a member
// handed out twice, or written over by a later object, fails it. Each
// result has no room to append: appending to one leaves the next as it
// was.
func TestReader_keepsWhatItHandsOut(t *testing.T) {
	sizes := []int{3, 0, 1, 3, 7, 9, 20, 600, 2, 0, 17, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 300, 4}
	var (
		r     Reader
		texts []string
		got   [][]Member
	)
	for round := range 3 {
		for i, n := range sizes {
			text := object(fmt.Sprintf("r%do%d_", round, i), n)
			var ms []Member
			var err error
			if i%2 == 0 {
				ms, err = r.MembersOf(json.RawMessage(text))
			} else {
				ms, err = r.Members([]byte(text))
			}
			require.NoError(t, err, text)
			assert.Equal(t, len(ms), cap(ms), "no room to append: %s", text)
			texts, got = append(texts, text), append(got, ms)
		}
	}
	_ = append(got[0], Member{Key: "x"}) // into its own copy
	for i, text := range texts {
		want, err := Members([]byte(text))
		require.NoError(t, err)
		assert.Equal(t, want, got[i], "object %d: %s", i, text)
	}
}

// TestReader_sameAsMembers checks that a Reader refuses what Members and
// MembersOf refuse, with the same errors, and reads an object whose keys
// are escaped, or repeat, or collide in its key cache, as they do.
func TestReader_sameAsMembers(t *testing.T) {
	var r Reader
	for _, in := range []string{
		"{\"a\":\"\xff\"}", ` [1] `, `null`, `-1`, `{} {}`, `{"a":}`, ``, ` `, `"x"`,
		`{"\u0069d":true,"a\"b":false,"id":1,"id":2}`, `{}`, ` {"b":1, "a" : [1, {"x":2}]} `,
	} {
		want, werr := Members([]byte(in))
		got, err := r.Members([]byte(in))
		assert.Equal(t, want, got, "Members(%q)", in)
		assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(err), "Members(%q)", in)
		want, werr = MembersOf(json.RawMessage(in))
		got, err = r.MembersOf(json.RawMessage(in))
		assert.Equal(t, want, got, "MembersOf(%q)", in)
		assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(err), "MembersOf(%q)", in)
	}
	// Every key of 200 distinct ones, read twice in turn: each replaces
	// another in the cache's 64 slots, and is read as written.
	text := object("v", 200)
	for range 2 {
		got, err := r.MembersOf(json.RawMessage(text))
		require.NoError(t, err)
		require.Len(t, got, 200)
		for i, mb := range got {
			assert.Equal(t, fmt.Sprintf("k%d", i), mb.Key)
		}
	}
}

// TestReader_allocations counts what reading 100 objects of three members
// ("id", "name", "level", which fall in three slots of the key cache)
// allocates: with a Reader, 6 blocks (of 8, 16, 32, 64, 128 and 256
// members, which hold 2, 5, 10, 21, 42 and 85 objects: 100 after 165) and
// the three keys once, 9; with Members, each object's members and its
// three keys, 400.
func TestReader_allocations(t *testing.T) {
	texts := make([]json.RawMessage, 100)
	for i := range texts {
		texts[i] = json.RawMessage(fmt.Sprintf(`{"id":"n%d","name":"Node %d","level":"task"}`, i, i))
	}
	got := testing.AllocsPerRun(10, func() {
		var r Reader
		for _, text := range texts {
			if _, err := r.MembersOf(text); err != nil {
				panic(err)
			}
		}
	})
	assert.Equal(t, 9.0, got, "Reader")
	got = testing.AllocsPerRun(10, func() {
		for _, text := range texts {
			if _, err := MembersOf(text); err != nil {
				panic(err)
			}
		}
	})
	assert.Equal(t, 400.0, got, "MembersOf")
}
