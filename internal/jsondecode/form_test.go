package jsondecode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// decodeThing reads {"id": string, "n": integer, "tags": [string]} with a
// Form, as a definition's decoder does, and returns what it read.
func decodeThing(f *Form, data string) (id string, n int, tags []string) {
	members, ok := f.Top([]byte(data), nil)
	if !ok {
		return
	}
	var ids []string
	if s, ok := FirstString(members, []string{"id", "n", "tags"}, "id"); ok {
		ids = []string{s}
	}
	f.Fields(textPath(""), ids, members, []string{"id", "n", "tags"}, func(field int, path Path, raw json.RawMessage) {
		switch field {
		case 0:
			Value(f, path, ids, raw, &id)
		case 1:
			Value(f, path, ids, raw, &n)
		default:
			f.Array(path, ids, raw, func(_ int, path Path, raw json.RawMessage) {
				var s string
				if Value(f, path, ids, raw, &s) {
					tags = append(tags, s)
				}
			})
		}
	})
	return
}

func TestForm(t *testing.T) {
	type problem struct {
		ids []string
		msg string
	}
	tests := []struct {
		name string
		at   string
		in   string
		want []problem
	}{
		{"fine", "", `{"id":"a","n":2,"tags":["x","y"]}`, nil},
		{"not an object", "", `[1]`, []problem{{nil, "pkg: invalid JSON: the value must be an object, not an array"}}},
		{"malformed", "", `{"id":`, []problem{{nil, "pkg: invalid JSON: unexpected EOF"}}},
		{"trailing data", "thing", `{} x`, []problem{{nil, "pkg: thing: invalid JSON: trailing data after the JSON value"}}},
		// Every problem, in the order of the fields (id, n, tags; a field
		// given again right after it, a key that names no field last), each
		// with the ID read first (the first "id", a string): a number out
		// of int's range is said with the range, null is a value of the
		// wrong type, a key that differs only in case repeats a field, and
		// an element is named by its index.
		{"every problem", "thing", `{"n":1e30,"tags":[1,"x",null],"colour":"red","id":"a","ID":"b","tags":[]}`, []problem{
			{[]string{"a"}, `pkg: thing: invalid JSON: duplicate object key "ID" (encoding/json matches it to the same field as "id")`},
			{[]string{"a"}, `pkg: thing: invalid JSON: "n" must be an integer from -9223372036854775808 to 9223372036854775807, not the number 1e30`},
			{[]string{"a"}, `pkg: thing: invalid JSON: "tags[0]" must be a string, not the number 1`},
			{[]string{"a"}, `pkg: thing: invalid JSON: "tags[2]" must be a string, not null`},
			{[]string{"a"}, `pkg: thing: invalid JSON: duplicate object key "tags"`},
			{[]string{"a"}, `pkg: thing: invalid JSON: unknown field "colour"`},
		}},
		{"id not a string", "", `{"id":null,"tags":{}}`, []problem{
			{nil, `pkg: invalid JSON: "id" must be a string, not null`},
			{nil, `pkg: invalid JSON: "tags" must be an array, not an object`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Form{Pkg: "pkg", At: tt.at}
			decodeThing(&f, tt.in)
			var got []problem
			for _, p := range f.Problems() {
				assert.Equal(t, outcome.ErrInvalidJSON, p.Code)
				assert.Equal(t, outcome.SeverityError, p.Severity)
				got = append(got, problem{p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(tt.want), f.Count())
			switch err := f.Err(); len(tt.want) {
			case 0:
				assert.NoError(t, err)
			case 1:
				// One problem is the *outcome.Error itself, not a joined
				// error of one.
				assert.Same(t, f.Problems()[0], err)
			default:
				assert.Equal(t, f.Problems(), outcome.Problems(err))
				_, one := err.(*outcome.Error)
				assert.False(t, one, "several problems are joined")
			}
		})
	}
}

func TestForm_readsWhatDecodes(t *testing.T) {
	f := Form{Pkg: "pkg"}
	id, n, tags := decodeThing(&f, `{"id":"a","n":null,"tags":["x",2,"y"]}`)
	assert.Equal(t, "a", id)
	assert.Equal(t, 0, n, "null leaves the value as it was")
	assert.Equal(t, []string{"x", "y"}, tags)
	assert.Equal(t, 2, f.Count())

	// A duplicate key's problem wraps strictjson.ErrDuplicateKey; a failure
	// of the whole text wraps the decoder's error.
	f = Form{Pkg: "pkg"}
	decodeThing(&f, `{"id":"a","id":"b"}`)
	assert.True(t, errors.Is(f.Err(), strictjson.ErrDuplicateKey))
	// A value of the wrong type wraps the decoder's error; one that is not
	// an array wraps ErrNotArray; null wraps ErrNull.
	f = Form{Pkg: "pkg"}
	decodeThing(&f, `{"id":1,"tags":{},"n":null}`)
	require.Len(t, f.Problems(), 3)
	var te *json.UnmarshalTypeError
	assert.True(t, errors.As(f.Problems()[0], &te))
	assert.True(t, errors.Is(f.Problems()[1], ErrNull), "n, the second field")
	assert.True(t, errors.Is(f.Problems()[2], strictjson.ErrNotArray), "tags, the third")
	f = Form{Pkg: "pkg"}
	decodeThing(&f, `{"colour":1}`)
	assert.True(t, errors.Is(f.Err(), ErrUnknownField))
	f = Form{Pkg: "pkg"}
	decodeThing(&f, "{\"id\":\"\xff\"}")
	assert.True(t, errors.Is(f.Err(), strictjson.ErrInvalidUTF8))
}

func TestForm_paths(t *testing.T) {
	assert.True(t, IsNull([]byte(" null\n")))
	assert.False(t, IsNull([]byte(`"null"`)))

	// FirstString: the first member of the field, if a string.
	members, err := strictjson.Members([]byte(`{"ID":"x","id":"y","n":1}`))
	require.NoError(t, err)
	s, ok := FirstString(members, []string{"id", "n"}, "id")
	assert.True(t, ok)
	assert.Equal(t, "x", s)
	_, ok = FirstString(members, []string{"id", "n"}, "n")
	assert.False(t, ok, "not a string")
	_, ok = FirstString(members[:0], []string{"id", "n"}, "id")
	assert.False(t, ok, "absent")

	// Open reports a value that is not an object.
	f := Form{Pkg: "pkg"}
	_, ok = f.Open(textPath("x"), nil, json.RawMessage(`null`))
	assert.False(t, ok)
	members, ok = f.Open(textPath("x"), nil, json.RawMessage(`{"a":1}`))
	assert.True(t, ok)
	assert.Len(t, members, 1)
	assert.Equal(t, []string{`pkg: invalid JSON: "x" must be an object, not null`}, messagesOf(f.Problems()))

	// Null where an object or an array is wanted is a value of the wrong
	// type and null: its problem wraps ErrNotObject or ErrNotArray, and
	// ErrNull. A value of another type wraps only the first.
	f = Form{Pkg: "pkg"}
	f.Open(textPath("o"), nil, json.RawMessage(` null `))
	f.Open(textPath("o2"), nil, json.RawMessage(`[]`))
	called := false
	assert.False(t, f.Array(textPath("a"), nil, json.RawMessage(`null`), func(int, Path, json.RawMessage) { called = true }))
	f.Array(textPath("a2"), nil, json.RawMessage(`{}`), func(int, Path, json.RawMessage) { called = true })
	assert.False(t, called)
	ps := f.Problems()
	require.Len(t, ps, 4)
	assert.Equal(t, []string{
		`pkg: invalid JSON: "o" must be an object, not null`,
		`pkg: invalid JSON: "o2" must be an object, not an array`,
		`pkg: invalid JSON: "a" must be an array, not null`,
		`pkg: invalid JSON: "a2" must be an array, not an object`,
	}, messagesOf(ps))
	assert.ErrorIs(t, ps[0], strictjson.ErrNotObject)
	assert.ErrorIs(t, ps[0], ErrNull)
	assert.ErrorIs(t, ps[1], strictjson.ErrNotObject)
	assert.NotErrorIs(t, ps[1], ErrNull)
	assert.ErrorIs(t, ps[2], strictjson.ErrNotArray)
	assert.ErrorIs(t, ps[2], ErrNull)
	assert.ErrorIs(t, ps[3], strictjson.ErrNotArray)
	assert.NotErrorIs(t, ps[3], ErrNull)
	for _, p := range ps {
		assert.ErrorIs(t, p, outcome.ErrInvalidJSON)
	}
}

func messagesOf(ps []*outcome.Error) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Message)
	}
	return out
}

// TestForm_WrongType: a value the caller found of the wrong type is
// reported at its path, with the IDs, as what it must be, with the cause.
func TestForm_WrongType(t *testing.T) {
	f := Form{Pkg: "pkg", At: "thing"}
	cause := errors.New("not a decimal")
	f.WrongType(textPath("a.b"), []string{"x"}, "a decimal string or a number", json.RawMessage(`[1]`), cause)
	f.WrongType(textPath(""), nil, "a decimal string or a number", json.RawMessage(`true`), nil)
	ps := f.Problems()
	require.Len(t, ps, 2)
	assert.Equal(t, `pkg: thing: invalid JSON: "a.b" must be a decimal string or a number, not an array`, ps[0].Message)
	assert.Equal(t, []string{"x"}, ps[0].IDs)
	assert.Equal(t, outcome.ErrInvalidJSON, ps[0].Code)
	assert.ErrorIs(t, ps[0], cause)
	assert.Equal(t, `pkg: thing: invalid JSON: the value must be a decimal string or a number, not true`, ps[1].Message)
	assert.Nil(t, ps[1].IDs)
}

// TestForm_Missing: a field left out is said at the object's path, or of
// "the value" at the top, with the caller's IDs, code invalid-json and
// cause ErrMissingField.
func TestForm_Missing(t *testing.T) {
	f := Form{Pkg: "pkg", At: "thing"}
	f.Missing(textPath("levels[2]"), []string{"x"}, "weight")
	f.Missing(textPath(""), nil, "nodes")
	ps := f.Problems()
	require.Len(t, ps, 2)
	assert.Equal(t, `pkg: thing: invalid JSON: "levels[2]" has no "weight"`, ps[0].Message)
	assert.Equal(t, []string{"x"}, ps[0].IDs)
	assert.Equal(t, outcome.ErrInvalidJSON, ps[0].Code)
	assert.ErrorIs(t, ps[0], ErrMissingField)
	assert.Equal(t, `pkg: thing: invalid JSON: the value has no "nodes"`, ps[1].Message)
	assert.Nil(t, ps[1].IDs)
	assert.ErrorIs(t, ps[1], ErrMissingField)
}

// TestForm_Fields: Fields walks an object's members in the order of its
// fields, reports each field given again after the field's first member
// (the one read), and the keys that name no field last, sorted, so that
// the same object with its members in any order gives the same problems in
// the same order.
func TestForm_Fields(t *testing.T) {
	names := []string{"id", "n", "tags"}
	walk := func(data string) (read []string, problems []string) {
		f := Form{Pkg: "pkg"}
		members, ok := f.Top([]byte(data), nil)
		require.True(t, ok)
		f.Fields(textPath("top"), []string{"x"}, members, names, func(field int, path Path, raw json.RawMessage) {
			read = append(read, path.String()+"="+string(raw))
			var s string
			Value(&f, path, []string{"x"}, raw, &s) // a string, or a problem
		})
		for _, p := range f.Problems() {
			assert.Equal(t, []string{"x"}, p.IDs)
			assert.ErrorIs(t, p, outcome.ErrInvalidJSON)
			problems = append(problems, p.Message)
		}
		return read, problems
	}
	wantRead := []string{`top.id="a"`, `top.n=1`, `top.tags=[]`}
	wantProblems := []string{
		`pkg: invalid JSON: "top.n" must be a string, not the number 1`,
		`pkg: invalid JSON: "top.tags" must be a string, not an array`,
		`pkg: invalid JSON: duplicate object key "top.TAGS" (encoding/json matches it to the same field as "tags")`,
		`pkg: invalid JSON: unknown field "top.a"`,
		`pkg: invalid JSON: unknown field "top.zz"`,
		`pkg: invalid JSON: unknown field "top.zz"`,
	}
	for _, in := range []string{
		`{"zz":1,"tags":[],"n":1,"a":2,"TAGS":3,"id":"a","zz":4}`,
		`{"id":"a","n":1,"tags":[],"TAGS":3,"a":2,"zz":1,"zz":4}`,
		`{"a":2,"tags":[],"zz":1,"TAGS":3,"zz":4,"n":1,"id":"a"}`,
	} {
		read, problems := walk(in)
		assert.Equal(t, wantRead, read, in)
		assert.Equal(t, wantProblems, problems, in)
	}
	// The first in the order of the keys is read, whichever it is.
	read, problems := walk(`{"ID":"b","id":"a"}`)
	assert.Equal(t, []string{`top.ID="b"`}, read)
	assert.Equal(t, []string{`pkg: invalid JSON: duplicate object key "top.id" (encoding/json matches it to the same field as "ID")`}, problems)
	read, problems = walk(`{}`)
	assert.Empty(t, read)
	assert.Empty(t, problems)
}

// TestForm_Relay: a problem another decoder reported for the form of a
// member of the object at a path is said at the member's path in the
// form's words, with the caller's IDs and then its own, wrapping it (its
// code and cause) and ErrUnknownField or ErrNull as the form's own
// problems do; any other problem is left to the caller.
func TestForm_Relay(t *testing.T) {
	problem := func(ids []string, cause error) *outcome.Error {
		return &outcome.Error{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError, IDs: ids,
			Message: "outcome: metric: its own words", Err: cause}
	}
	typeErr := errors.New("the decoder's error")
	unknown := problem([]string{"m"}, &strictjson.MemberError{Problem: strictjson.UnknownField, Key: "colour"})
	twice := problem(nil, &strictjson.MemberError{Problem: strictjson.DuplicateField, Key: "ID", First: "id",
		Err: strictjson.ErrDuplicateKey})
	null := problem([]string{"m"}, &strictjson.MemberError{Problem: strictjson.WrongType, Key: "rewarded",
		Want: "true or false", Value: json.RawMessage(`null`)})
	number := problem([]string{"m"}, &strictjson.MemberError{Problem: strictjson.WrongType, Key: "name",
		Want: "a string", Value: json.RawMessage(`7`), Err: typeErr})
	other := problem([]string{"m"}, errors.New("not a member's"))
	check := &outcome.Error{Code: outcome.ErrEmptyName, Severity: outcome.SeverityError, Message: "outcome: no name"}

	f := Form{Pkg: "pkg"}
	ids := []string{"n"}
	for _, p := range []*outcome.Error{unknown, twice, null, number} {
		assert.True(t, f.Relay(textPath("nodes[0].metric"), ids, p), p.Message)
	}
	assert.False(t, f.Relay(textPath("nodes[0].metric"), ids, other))
	assert.False(t, f.Relay(textPath("nodes[0].metric"), ids, check))
	assert.Equal(t, []string{"n"}, ids, "the caller's IDs are not written to")

	ps := f.Problems()
	require.Len(t, ps, 4)
	want := []struct {
		ids []string
		msg string
	}{
		{[]string{"n", "m"}, `pkg: invalid JSON: unknown field "nodes[0].metric.colour"`},
		{[]string{"n"}, `pkg: invalid JSON: duplicate object key "nodes[0].metric.ID" (encoding/json matches it to the same field as "id")`},
		{[]string{"n", "m"}, `pkg: invalid JSON: "nodes[0].metric.rewarded" must be true or false, not null`},
		{[]string{"n", "m"}, `pkg: invalid JSON: "nodes[0].metric.name" must be a string, not the number 7`},
	}
	for i, w := range want {
		assert.Equal(t, outcome.ErrInvalidJSON, ps[i].Code, "problem %d", i)
		assert.Equal(t, w.ids, ps[i].IDs, "problem %d", i)
		assert.Equal(t, w.msg, ps[i].Message, "problem %d", i)
	}
	assert.ErrorIs(t, ps[0], unknown)
	assert.ErrorIs(t, ps[0], ErrUnknownField)
	assert.ErrorIs(t, ps[1], twice)
	assert.ErrorIs(t, ps[1], strictjson.ErrDuplicateKey)
	assert.ErrorIs(t, ps[2], null)
	assert.ErrorIs(t, ps[2], ErrNull)
	assert.ErrorIs(t, ps[3], number)
	assert.ErrorIs(t, ps[3], typeErr)
	assert.NotErrorIs(t, ps[3], ErrNull)
	assert.NotErrorIs(t, ps[1], ErrUnknownField)

	// At the top, the path is the key alone.
	g := Form{Pkg: "pkg"}
	require.True(t, g.Relay(textPath(""), nil, unknown))
	assert.Equal(t, `pkg: invalid JSON: unknown field "colour"`, g.Problems()[0].Message)
}

// TestForm_OpenTop: an object's members in order; null refused in the
// caller's words after the package's name, a problem the form does not
// keep; JSON that is no object the form's one problem, as Top reports it.
func TestForm_OpenTop(t *testing.T) {
	f := Form{Pkg: "hierarchy"}
	members, err := f.OpenTop([]byte(` {"b":1,"a":2} `), "a node cannot be null")
	require.NoError(t, err)
	require.Len(t, members, 2)
	assert.Equal(t, []string{"b", "a"}, []string{members[0].Key, members[1].Key})

	members, err = f.OpenTop([]byte(" null\n"), "a node cannot be null")
	assert.Nil(t, members)
	assert.Equal(t, []*outcome.Error{{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError,
		Message: "hierarchy: a node cannot be null"}}, outcome.Problems(err))
	assert.NoError(t, f.Err(), "null is not the form's problem")

	members, err = f.OpenTop([]byte(`[1]`), "a node cannot be null")
	assert.Nil(t, members)
	probs := outcome.Problems(err)
	require.Len(t, probs, 1)
	assert.Equal(t, outcome.ErrInvalidJSON, probs[0].Code)
	assert.Equal(t, "hierarchy: invalid JSON: the value must be an object, not an array", probs[0].Message)
	assert.Equal(t, f.Err().Error(), err.Error(), "the form's problem")
}

// seen is a value a walk visited: its path, kept as a Path, and its text.
type seen struct {
	path Path
	raw  string
}

// walkAll reads raw, the value at path, with f: an object's members with
// Open and Fields (each key its own field), an array's elements with
// Array, arrays within arrays included, and appends every value it
// visits, objects and arrays too, to out, in the order of the walk. It
// keeps every object's members in kept, to be checked after the walk.
func walkAll(f *Form, path Path, raw json.RawMessage, out *[]seen, kept *[][]strictjson.Member, texts *[]string) {
	*out = append(*out, seen{path, string(raw)})
	switch raw[0] {
	case '{':
		members, ok := f.Open(path, nil, raw)
		if !ok {
			return
		}
		*kept, *texts = append(*kept, members), append(*texts, string(raw))
		names := make([]string, len(members))
		for i, mb := range members {
			names[i] = mb.Key
		}
		f.Fields(path, nil, members, names, func(_ int, path Path, raw json.RawMessage) {
			walkAll(f, path, raw, out, kept, texts)
		})
	case '[':
		f.Array(path, nil, raw, func(_ int, path Path, raw json.RawMessage) {
			walkAll(f, path, raw, out, kept, texts)
		})
	}
}

// TestForm_memory walks a value of objects within arrays within objects,
// and arrays within arrays, with one Form, and checks, after the whole
// walk, every value it visited, at its path, in the order worked out by
// hand, and every object's members against strictjson.Members of its text:
// a block of members or of paths handed out twice, or an array's buffer
// shared by an array walked within its walk, would change some of them.
// The walk runs twice on the same Form, with a copy of it the second
// time (copies share the memory), and the first walk's results are
// checked after the second.
func TestForm_memory(t *testing.T) {
	data := `{"a":[{"x":1,"y":[{"p":"q"},{"p":"r","s":[[1,2],[3]]}]},{"x":2,"y":[]}],"b":[[4],[5,[6,{"t":7}]]],"c":{}}`
	want := []struct{ path, raw string }{
		{"", data},
		{"a", `[{"x":1,"y":[{"p":"q"},{"p":"r","s":[[1,2],[3]]}]},{"x":2,"y":[]}]`},
		{"a[0]", `{"x":1,"y":[{"p":"q"},{"p":"r","s":[[1,2],[3]]}]}`},
		{"a[0].x", `1`},
		{"a[0].y", `[{"p":"q"},{"p":"r","s":[[1,2],[3]]}]`},
		{"a[0].y[0]", `{"p":"q"}`},
		{"a[0].y[0].p", `"q"`},
		{"a[0].y[1]", `{"p":"r","s":[[1,2],[3]]}`},
		{"a[0].y[1].p", `"r"`},
		{"a[0].y[1].s", `[[1,2],[3]]`},
		{"a[0].y[1].s[0]", `[1,2]`},
		{"a[0].y[1].s[0][0]", `1`},
		{"a[0].y[1].s[0][1]", `2`},
		{"a[0].y[1].s[1]", `[3]`},
		{"a[0].y[1].s[1][0]", `3`},
		{"a[1]", `{"x":2,"y":[]}`},
		{"a[1].x", `2`},
		{"a[1].y", `[]`},
		{"b", `[[4],[5,[6,{"t":7}]]]`},
		{"b[0]", `[4]`},
		{"b[0][0]", `4`},
		{"b[1]", `[5,[6,{"t":7}]]`},
		{"b[1][0]", `5`},
		{"b[1][1]", `[6,{"t":7}]`},
		{"b[1][1][0]", `6`},
		{"b[1][1][1]", `{"t":7}`},
		{"b[1][1][1].t", `7`},
		{"c", `{}`},
	}
	f := &Form{Pkg: "pkg"}
	var (
		walks [2][]seen
		kept  [][]strictjson.Member
		texts []string
	)
	walkAll(f, Path{}, json.RawMessage(data), &walks[0], &kept, &texts)
	g := *f
	walkAll(&g, Path{}, json.RawMessage(data), &walks[1], &kept, &texts)
	assert.Same(t, f.mem, g.mem)
	for w, walk := range walks {
		require.Len(t, walk, len(want), "walk %d", w)
		for i, s := range walk {
			assert.Equal(t, want[i].path, s.path.String(), "walk %d, value %d", w, i)
			assert.Equal(t, want[i].raw, s.raw, "walk %d, value %d", w, i)
		}
	}
	require.Len(t, kept, 14) // 7 objects a walk
	for i, ms := range kept {
		want, err := strictjson.Members([]byte(texts[i]))
		require.NoError(t, err)
		assert.Equal(t, want, ms, "object %d: %s", i, texts[i])
	}
	assert.Empty(t, f.Problems())
	// The buffers of elements are back, one per depth of arrays within
	// arrays walked (a[0].y[1].s[0] is within a, a[0].y and a[0].y[1].s:
	// 4), and hold none of the text.
	require.Len(t, f.mem.arrays, 4)
	for _, buf := range f.mem.arrays {
		assert.Empty(t, buf)
		for _, e := range buf[:cap(buf)] {
			assert.Nil(t, e)
		}
	}
}

// TestForm_memoryAllocations counts what a Form allocates walking the
// members of {"list":[...]} (read before, with strictjson.Members, whose
// json.Valid uses a sync.Pool, which the race detector empties at random)
// of 100 objects {"ka":i,"kb":i,"kc":i}, each integer read with Value,
// worked out by hand: the path the top's Fields shares (the Form has no
// memory yet), 1; the memory, 1; the array's buffer, grown by append to
// 1, 2, 4, ..., 128 elements, 8, and the stack of buffers it is put back
// on, 1; the objects' members, 6 blocks (as strictjson's
// TestReader_allocations), and their keys, once each, 3; the paths the
// array and the 100 objects' Fields share, 101, in blocks of 8, 16, 32
// and 64 paths, 4: 24. Walked a second time by the same Form: a block of
// 128 paths for the 102 paths past the 19 left; a block of 512 members
// for the 35 objects past the 65 that fill the block of 256; the array's
// buffer reused: 2 more, 26.
func TestForm_memoryAllocations(t *testing.T) {
	data := []byte(`{"list":[`)
	for i := range 100 {
		if i > 0 {
			data = append(data, ',')
		}
		data = fmt.Appendf(data, `{"ka":%d,"kb":%d,"kc":%d}`, i, i, i)
	}
	data = append(data, "]}"...)
	members, err := strictjson.Members(data)
	require.NoError(t, err)
	var sum int
	read := func(f *Form) {
		f.Fields(Path{}, nil, members, []string{"list"}, func(_ int, path Path, raw json.RawMessage) {
			f.Array(path, nil, raw, func(_ int, path Path, raw json.RawMessage) {
				ms, _ := f.Open(path, nil, raw)
				f.Fields(path, nil, ms, []string{"ka", "kb", "kc"}, func(_ int, path Path, raw json.RawMessage) {
					var n int
					Value(f, path, nil, raw, &n)
					sum += n
				})
			})
		})
	}
	assert.Equal(t, 24.0, testing.AllocsPerRun(10, func() { read(&Form{Pkg: "pkg"}) }), "once")
	assert.Equal(t, 26.0, testing.AllocsPerRun(10, func() {
		f := Form{Pkg: "pkg"}
		read(&f)
		read(&f)
	}), "twice")
	assert.Equal(t, (11+2*11)*3*4950, sum, "every integer read: AllocsPerRun runs each function 11 times")
}

// refWalk is walkAll without a Form: the members of an object placed by
// strictjson.InFieldOrder, each key its own field, the first member of
// each field visited (those a Form's Fields visits), the elements of an
// array by strictjson.ElementsOf, the paths by Path.Key and Path.Index. It
// appends each value's path's text and its text to out.
func refWalk(path Path, raw json.RawMessage, out *[][2]string) {
	*out = append(*out, [2]string{path.String(), string(raw)})
	switch raw[0] {
	case '{':
		members, err := strictjson.MembersOf(raw)
		if err != nil {
			return
		}
		names := make([]string, len(members))
		for i, mb := range members {
			names[i] = mb.Key
		}
		for i, p := range strictjson.InFieldOrder(members, names) {
			if p.Field >= 0 && p.First == i {
				refWalk(path.Key(p.Key), p.Value, out)
			}
		}
	case '[':
		elems, _ := strictjson.ElementsOf(raw)
		for i, e := range elems {
			refWalk(path.Index(i), e, out)
		}
	}
}

// FuzzFormWalk walks arbitrary JSON with one Form (walkAll), twice, and
// checks, after both walks, every value visited and its path against
// refWalk's, which reads without the Form's memory, and every object's
// members kept from both walks against strictjson.Members of its text: a
// member, a path or a buffer of elements handed out again while in use
// changes some of them.
func FuzzFormWalk(f *testing.F) {
	for _, s := range []string{
		`{"a":[{"x":1,"y":[{"p":"q"},{"p":"r","s":[[1,2],[3]]}]},{"x":2,"y":[]}],"b":[[4],[5,[6,{"t":7}]]],"c":{}}`,
		`[[[[]]],{"a":{"a":{"a":[1,{"b":2}]}}}]`, `{"a":1,"A":2,"a":3,"\u0061":4}`, `[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]`,
		`{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10}`, `"x"`, `{}`, `[]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.TrimSpace(data)
		if !json.Valid(data) || !utf8.Valid(data) || len(data) == 0 {
			return
		}
		var want [][2]string
		refWalk(Path{}, data, &want)
		form := &Form{Pkg: "pkg"}
		var (
			walks [2][]seen
			kept  [][]strictjson.Member
			texts []string
		)
		for w := range walks {
			walkAll(form, Path{}, data, &walks[w], &kept, &texts)
		}
		for w, walk := range walks {
			require.Len(t, walk, len(want), "walk %d of %q", w, data)
			for i, s := range walk {
				assert.Equal(t, want[i][0], s.path.String(), "walk %d of %q, value %d", w, data, i)
				assert.Equal(t, want[i][1], s.raw, "walk %d of %q, value %d", w, data, i)
			}
		}
		for i, ms := range kept {
			want, err := strictjson.Members([]byte(texts[i]))
			require.NoError(t, err)
			assert.Equal(t, want, ms, "object %d: %s", i, texts[i])
		}
	})
}
