package strictjson

import (
	"encoding/json"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMembersOf works out MembersOf and ElementsOf on values Members and
// Elements return, and on the text they leave to them.
func TestMembersOf(t *testing.T) {
	got, err := MembersOf(json.RawMessage(` {"a":1, "b" : [2, {"c":3}],"a":"x"} `))
	require.NoError(t, err)
	assert.Equal(t, []Member{{"a", json.RawMessage(`1`)}, {"b", json.RawMessage(`[2, {"c":3}]`)},
		{"a", json.RawMessage(`"x"`)}}, got)

	got, err = MembersOf(json.RawMessage(`{}`))
	require.NoError(t, err)
	assert.Empty(t, got)

	_, err = MembersOf(json.RawMessage(`[1]`))
	assert.ErrorIs(t, err, ErrNotObject)
	assert.EqualError(t, err, "the value must be an object, not an array")

	_, err = MembersOf(json.RawMessage(`"x"`))
	assert.EqualError(t, err, `the value must be an object, not the string "x"`)

	_, err = MembersOf(json.RawMessage("{\"a\":\"\xff\"}"))
	assert.ErrorIs(t, err, ErrInvalidUTF8)

	_, err = MembersOf(json.RawMessage(" "))
	assert.ErrorIs(t, err, io.EOF, "nothing: left to Members")

	elems, err := ElementsOf(json.RawMessage(`[1, {"a":[2]} ,"x"]`))
	require.NoError(t, err)
	assert.Equal(t, []json.RawMessage{json.RawMessage(`1`), json.RawMessage(`{"a":[2]}`), json.RawMessage(`"x"`)}, elems)

	_, err = ElementsOf(json.RawMessage(`{"a":1}`))
	assert.True(t, errors.Is(err, ErrNotArray))
	assert.EqualError(t, err, "the value must be an array, not an object")

	_, err = ElementsOf(json.RawMessage(``))
	assert.ErrorIs(t, err, io.EOF, "nothing: left to Elements")

	// Text that opens as an array but is not well-formed is left to
	// Elements, which says what is wrong with it.
	elems, err = ElementsOf(json.RawMessage(`[1,`))
	assert.Nil(t, elems)
	assert.EqualError(t, err, "unexpected EOF")
	elems, err = AppendElementsOf([]json.RawMessage{json.RawMessage(`0`)}, json.RawMessage(`[1,`))
	assert.Nil(t, elems)
	assert.EqualError(t, err, "unexpected EOF")
}

// TestAppendElementsOf works out AppendElementsOf appending after what its
// buffer holds, and its errors, those of ElementsOf.
func TestAppendElementsOf(t *testing.T) {
	buf := make([]json.RawMessage, 1, 8)
	buf[0] = json.RawMessage(`0`)
	got, err := AppendElementsOf(buf, json.RawMessage(` [1, {"a":[2]} ,"x"] `))
	require.NoError(t, err)
	assert.Equal(t, []json.RawMessage{json.RawMessage(`0`), json.RawMessage(`1`), json.RawMessage(`{"a":[2]}`),
		json.RawMessage(`"x"`)}, got)
	assert.Same(t, &buf[0], &got[0], "appended into buf")

	got, err = AppendElementsOf(buf[:0], json.RawMessage(`[]`))
	require.NoError(t, err)
	assert.Empty(t, got)

	for in, want := range map[string]string{
		`{"a":1}`: "the value must be an array, not an object",
		`null`:    "the value must be an array, not null",
		``:        "EOF",
		` `:       "EOF",
	} {
		got, err := AppendElementsOf(buf, json.RawMessage(in))
		assert.Nil(t, got, "%q", in)
		assert.EqualError(t, err, want, "%q", in)
		if in == `{"a":1}` {
			assert.ErrorIs(t, err, ErrNotArray)
		}
	}
}

// TestWalkInFieldOrder works out the walk of an object with fields given
// twice, under keys that differ in case, and keys that name no field.
func TestWalkInFieldOrder(t *testing.T) {
	members := []Member{{Key: "z"}, {Key: "to"}, {Key: "from"}, {Key: "b"}, {Key: "From"}, {Key: "to"}}
	type visit struct{ i, field, first int }
	var got []visit
	WalkInFieldOrder(members, []string{"from", "to", "weight"}, func(i, field, first int) {
		got = append(got, visit{i, field, first})
	})
	assert.Equal(t, []visit{{2, 0, 2}, {4, 0, 2}, {1, 1, 1}, {5, 1, 1}, {3, -1, 3}, {0, -1, 0}}, got)

	// More members than the walk keeps on its stack.
	many := make([]Member, 20)
	for i := range many {
		many[i].Key = "k"
	}
	many[19].Key = "a"
	got = nil
	WalkInFieldOrder(many, []string{"a"}, func(i, field, first int) { got = append(got, visit{i, field, first}) })
	require.Len(t, got, 20)
	assert.Equal(t, visit{19, 0, 19}, got[0])
	assert.Equal(t, visit{0, -1, 0}, got[1])
	assert.Equal(t, visit{18, -1, 18}, got[19])
}
