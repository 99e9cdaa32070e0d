package jsondecode

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

type level struct {
	Level outcome.Level `json:"level"`
}

func TestDecode(t *testing.T) {
	var v level
	require.NoError(t, Decode("pkg", []byte(`{"level":"output"}`), &v))
	assert.Equal(t, outcome.Output, v.Level)

	// Malformed JSON is an invalid-json error, prefixed with the package,
	// wrapping the decoder's error.
	err := Decode("pkg", []byte(`{"level":}`), &v)
	require.Error(t, err)
	assert.True(t, errors.Is(err, outcome.ErrInvalidJSON))
	var syntax *json.SyntaxError
	assert.True(t, errors.As(err, &syntax))
	assert.Equal(t, "pkg: invalid JSON: invalid character '}' looking for beginning of value", err.Error())

	// A field's own *outcome.Error comes back as it is.
	err = Decode("pkg", []byte(`{"level":"outcome"}`), &v)
	assert.True(t, errors.Is(err, outcome.ErrUnknownLevel))
	assert.False(t, errors.Is(err, outcome.ErrInvalidJSON))

	// Unknown fields are refused.
	assert.True(t, errors.Is(Decode("pkg", []byte(`{"level":"task","x":1}`), &v), outcome.ErrInvalidJSON))
}

// joined is a value whose own decoder reports two problems at once.
type joined struct{}

func (*joined) UnmarshalJSON([]byte) error {
	return errors.Join(outcome.NewError(outcome.ErrEmptyID, nil, "a"), outcome.NewError(outcome.ErrEmptyName, nil, "b"))
}

func TestDecodeKeepsEveryProblem(t *testing.T) {
	var v joined
	err := Decode("pkg", []byte(`{}`), &v)
	assert.Len(t, outcome.Problems(err), 2)
}

func TestClip(t *testing.T) {
	assert.Equal(t, "short", clip("short"))
	long := strings.Repeat("é", 150) // 300 bytes, 2 a rune
	got := clip(long)
	assert.Equal(t, strings.Repeat("é", 100)+"...", got)
	odd := "x" + long // the 200th byte is inside a rune: cut before it
	assert.Equal(t, "x"+strings.Repeat("é", 99)+"...", clip(odd))
}

// need and canvas are a definition with values of several JSON types, as
// the module's definitions have.
type need struct {
	Statement string `json:"statement"`
	N         int32  `json:"n"`
}

type canvas struct {
	Level outcome.Level  `json:"level"`
	Needs []need         `json:"needs"`
	Arr   [2]float64     `json:"arr"`
	M     map[string]int `json:"m"`
	P     *need          `json:"p"`
}

// TestDecode_wrongType: a value of the wrong type is named by its JSON path
// (keys as written, joined with ".", elements by their index from 0), with
// what it must be and what it is, in JSON's words.
func TestDecode_wrongType(t *testing.T) {
	tests := []struct {
		name string
		in   string
		v    any
		want string
	}{
		{"the whole value", `[]`, new(canvas), `the value must be an object, not an array`},
		{"a string for an object", `"x"`, new(canvas), `the value must be an object, not the string "x"`},
		// The second need is needs[1].
		{"a field of an element", `{"needs":[{},{"statement":5}]}`, new(canvas),
			`"needs[1].statement" must be a string, not the number 5`},
		// White space before the value moves every offset: the path is
		// found all the same. n is an int32: -2^31 to 2^31-1.
		{"after white space", " \t\r\n" + `{"needs":[{},{"statement":"x","n":1.5}]}`, new(canvas),
			`"needs[1].n" must be an integer from -2147483648 to 2147483647, not the number 1.5`},
		{"an element of the wrong type", `{"needs":[{},[]]}`, new(canvas), `"needs[1]" must be an object, not an array`},
		{"an element of a fixed array", `{"arr":[1,"x"]}`, new(canvas), `"arr[1]" must be a number, not the string "x"`},
		// encoding/json names the map, not the key: the path has both.
		{"a map's value", `{"m":{"a":1,"b c":"x"}}`, new(canvas), `"m.b c" must be an integer, not the string "x"`},
		{"through a pointer", `{"p":{"n":true}}`, new(canvas), `"p.n" must be an integer, not true`},
		// Keys are matched as encoding/json matches them, and written as
		// they are written.
		{"keys in another case", `{"Needs":[{"STATEMENT":{}}]}`, new(canvas), `"Needs[0].STATEMENT" must be a string, not an object`},
		{"a text value", `{"level":3}`, new(canvas), `"level" must be a string, not the number 3`},
		{"an element of a list", `["a",1]`, new([]string), `"[1]" must be a string, not the number 1`},
		// Values before the one at fault: objects and arrays, closed, and
		// members of every kind.
		{"after other values", `{"m":{},"arr":[1,2],"p":{"statement":"s","n":1},"needs":[{"n":1},{"n":"2"}]}`, new(canvas),
			`"needs[1].n" must be an integer, not the string "2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Decode("pkg", []byte(tt.in), tt.v)
			require.Error(t, err)
			assert.Equal(t, "pkg: invalid JSON: "+tt.want, err.Error())
			assert.True(t, errors.Is(err, outcome.ErrInvalidJSON))
			var te *json.UnmarshalTypeError
			assert.True(t, errors.As(err, &te), "the decoder's error is the cause")
		})
	}
}

// elsewhere is a value whose own decoder decodes other text than its own,
// and returns encoding/json's type error as it is: its offset is in that
// text, {"m":"s"}, where "s" ends at 8.
type elsewhere struct{}

func (*elsewhere) UnmarshalJSON([]byte) error {
	var v struct {
		M int `json:"m"`
	}
	return json.Unmarshal([]byte(`{"m":"s"}`), &v)
}

// TestDecode_wrongTypeElsewhere: when the error's offset does not lead to a
// value of the kind at the field the error names, the path is the error's
// field, without indices, and the value is said by its kind.
func TestDecode_wrongTypeElsewhere(t *testing.T) {
	tests := []struct {
		name string
		in   string
		v    any
	}{
		// Nothing ends at 8.
		{"no value there", `{"x":{"q":1}}`, new(struct {
			X elsewhere `json:"x"`
		})},
		// "a" ends at 8, a string under "x", but the field is x.m.
		{"fewer keys", `{"x":"a"}`, new(struct {
			X elsewhere `json:"x"`
		})},
		// "a" ends at 8, a string, but under "y", not "x".
		{"another key", `{"y":"a","x":0}`, new(struct {
			Y string    `json:"y"`
			X elsewhere `json:"x"`
		})},
		// 1 ends at 8 under "x", but it is a number, not a string.
		{"another kind", `{"x": 1}`, new(struct {
			X elsewhere `json:"x"`
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Decode("pkg", []byte(tt.in), tt.v)
			assert.EqualError(t, err, `pkg: invalid JSON: "x.m" must be an integer, not a string`)
		})
	}
}

func TestFromValue(t *testing.T) {
	tests := []struct {
		value, raw, found string
	}{
		{"string", `""`, "a string"},
		{"number", `0`, "a number"},
		{"number 1.5", `1.5`, "the number 1.5"},
		{"bool", `true`, "true or false"},
		{"array", `[]`, "an array"},
		{"object", `{}`, "an object"},
		{"unknown", `null`, "a value (unknown)"},
	}
	for _, tt := range tests {
		raw, found := fromValue(tt.value)
		assert.Equal(t, tt.raw, string(raw), tt.value)
		assert.Equal(t, tt.found, found, tt.value)
	}
}

func TestDecodeAt(t *testing.T) {
	var v canvas
	called := false
	err := DecodeAt("northstar", []byte(`{"needs":[{"statement":1}],"level":"task"}`), &v, func() (string, []string) {
		called = true
		// Called after decoding: what was read of v is there.
		return fmt.Sprintf("canvas %q", v.Level), []string{"a"}
	})
	require.True(t, called)
	var e *outcome.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, `northstar: canvas "Task": invalid JSON: "needs[0].statement" must be a string, not the number 1`, e.Message)
	assert.Equal(t, []string{"a"}, e.IDs)
	assert.Equal(t, outcome.ErrInvalidJSON, e.Code)

	// A field's own *outcome.Error, and success, do not call where.
	called = false
	assert.True(t, errors.Is(DecodeAt("p", []byte(`{"level":"x"}`), &v, func() (string, []string) {
		called = true
		return "", nil
	}), outcome.ErrUnknownLevel))
	assert.NoError(t, DecodeAt("p", []byte(`{}`), &v, func() (string, []string) {
		called = true
		return "", nil
	}))
	assert.False(t, called)
}

// TestDecode_noGoWords decodes JSON values of every kind, as a whole value,
// as an object's member and as an array's element, into values of every Go
// type the module's definitions use and more, and fails on any message in
// Go's words rather than JSON's, as [msg.GoWords] defines them: encoding/json's
// and decimal's phrases ("Go struct", "Go value", "cannot unmarshal",
// "json: ", "can't convert", "of type "), a Go type's name as a word
// (int64, float64, bool, and string but in "a string" and "the string"), a
// qualified name (nodeIn.name, outcome.Level) and a composite type's
// syntax ([]T, map[, struct {). Each message about a value of the wrong
// type must also say what the value must be and what it is. (A string that
// is not base64 for a []byte is encoding/json's message, "illegal base64
// data at input byte 0": the module's definitions hold no []byte.)
func TestDecode_noGoWords(t *testing.T) {
	types := []reflect.Type{
		reflect.TypeFor[string](), reflect.TypeFor[bool](), reflect.TypeFor[int](), reflect.TypeFor[int8](),
		reflect.TypeFor[int32](), reflect.TypeFor[int64](), reflect.TypeFor[uint](), reflect.TypeFor[uint8](),
		reflect.TypeFor[uint64](), reflect.TypeFor[float32](), reflect.TypeFor[float64](),
		reflect.TypeFor[*string](), reflect.TypeFor[*int64](), reflect.TypeFor[[]string](), reflect.TypeFor[[]byte](),
		reflect.TypeFor[[2]float64](), reflect.TypeFor[map[string]int](), reflect.TypeFor[need](),
		reflect.TypeFor[[]need](), reflect.TypeFor[outcome.Level](), reflect.TypeFor[json.RawMessage](),
	}
	values := []string{`"x"`, `"4"`, `5`, `-1`, `1.5`, `1e400`, `300`, `1e30`, `true`, `false`, `{}`, `{"n":"x"}`,
		`[]`, `["a",{}]`, `null`}
	failures := 0
	for _, typ := range types {
		field := reflect.StructOf([]reflect.StructField{{Name: "F", Type: typ, Tag: `json:"field"`}})
		for _, val := range values {
			for _, c := range []struct {
				into reflect.Type
				in   string
			}{
				{typ, val},
				{field, `{"field":` + val + `}`},
				{reflect.SliceOf(field), `[{},{"field":` + val + `}]`},
				{reflect.SliceOf(typ), `[` + val + `]`},
			} {
				err := Decode("pkg", []byte(c.in), reflect.New(c.into).Interface())
				if err == nil {
					continue
				}
				var e *outcome.Error
				require.True(t, errors.As(err, &e), "%s into %v: %v", c.in, c.into, err)
				if e.Code != outcome.ErrInvalidJSON {
					continue // a field's own problem: outcome.Level's
				}
				m := strings.TrimPrefix(e.Message, "pkg: invalid JSON: ")
				if w := msg.GoWords(m); w != "" {
					failures++
					t.Errorf("%s into %v: %q is in Go's words (%q)", c.in, c.into, m, w)
				}
				var te *json.UnmarshalTypeError
				if errors.As(err, &te) && (!strings.Contains(m, " must be ") || !strings.Contains(m, ", not ")) {
					failures++
					t.Errorf("%s into %v: %q does not say what the value must be and is", c.in, c.into, m)
				}
			}
		}
	}
	assert.Zero(t, failures)
}

func TestKindOf(t *testing.T) {
	for text, want := range map[string]string{
		`"s"`: "string", `-1`: "number", `0.5`: "number", `true`: "bool", `false`: "bool",
		`{`: "object", `[`: "array", `null`: "null",
	} {
		assert.Equal(t, want, kindOf([]byte(text)), text)
	}
}

// FuzzDecode decodes arbitrary bytes into a definition with values of every
// JSON type, nested in objects, arrays and a map. It must never panic, and a
// failure of the decoding must be said in JSON's words ([msg.GoWords]), a
// value of the wrong type as what it must be and what it is.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"needs":[{},{"statement":5}]}`, ` {"needs":[{},{"statement":"x","n":1.5}]}`, `{"needs":[{},[]]}`,
		`{"arr":[1,"x"]}`, `{"m":{"a":1,"b c":"x"}}`, `{"p":{"n":true}}`, `{"Needs":[{"STATEMENT":{}}]}`,
		`{"level":3}`, `[]`, `"x"`, `{"level":"x"}`, `{"x":1}`, `{"needs":[`, `{} {}`, `{"m":{"a":1,"a":2}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v canvas
		err := Decode("pkg", data, &v)
		var e *outcome.Error
		if err == nil || !errors.As(err, &e) || e.Code != outcome.ErrInvalidJSON {
			return // decoded, or a field's own problem (the level's)
		}
		m := strings.TrimPrefix(e.Message, "pkg: invalid JSON: ")
		if w := msg.GoWords(m); w != "" {
			t.Fatalf("%q: %q is in Go's words (%q)", data, m, w)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && (!strings.Contains(m, " must be ") || !strings.Contains(m, ", not ")) {
			t.Fatalf("%q: %q does not say what the value must be and is", data, m)
		}
	})
}

// decodeNeed decodes a need as a definition's decoder does: strictly, then
// checked, reporting each problem with the need's statement as its ID.
func decodeNeed(raw []byte) (need, error) {
	var n need
	if err := DecodeAt("pkg", raw, &n, func() (string, []string) { return "need", nil }); err != nil {
		return need{}, err
	}
	var errs []error
	if n.Statement == "" {
		errs = append(errs, outcome.NewError(outcome.ErrEmptyName, nil, "pkg: need has no statement"))
	}
	if n.N < 0 {
		errs = append(errs, outcome.NewError(outcome.ErrInvalidCount, []string{n.Statement}, "pkg: need %q: negative n %d", n.Statement, n.N))
		// A problem another package words keeps its words, less the
		// prefix.
		errs = append(errs, outcome.NewError(outcome.ErrInvalidCount, []string{n.Statement}, "outcome: negative count %d", n.N))
	}
	return n, errors.Join(errs...)
}

func TestList(t *testing.T) {
	got, err := List("pkg", "needs", "a need", []byte(` [{"statement":"a"}, {"statement":"b","n":2}] `), decodeNeed)
	require.NoError(t, err)
	assert.Equal(t, []need{{Statement: "a"}, {Statement: "b", N: 2}}, got)

	got, err = List("pkg", "needs", "a need", []byte(`[]`), decodeNeed)
	require.NoError(t, err)
	assert.NotNil(t, got)
	assert.Empty(t, got)

	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	tests := []struct {
		name string
		in   string
		want []problem
	}{
		{"null", " null ", []problem{{outcome.ErrInvalidJSON, nil, "pkg: a list of needs cannot be null"}}},
		{"an object", `{"statement":"a"}`, []problem{{outcome.ErrInvalidJSON, nil, "pkg: invalid JSON: the value must be an array, not an object"}}},
		{"trailing data", `[] []`, []problem{{outcome.ErrInvalidJSON, nil, "pkg: invalid JSON: trailing data after the JSON value"}}},
		{"malformed", `[{"statement":"a"},`, []problem{{outcome.ErrInvalidJSON, nil, "pkg: invalid JSON: unexpected EOF"}}},
		{"one element's one problem", `[{"statement":"a"},{}]`, []problem{{outcome.ErrEmptyName, nil, "pkg: needs[1]: need has no statement"}}},
		// Element 0 is good; 1 has no statement; 2 is null; 3 is of the
		// wrong type at "n"; 4 has two problems, one worded by outcome;
		// 5 is not UTF-8, a problem of its own.
		{"every element's problems", `[{"statement":"a"},{},null,{"n":"x"},{"statement":"d","n":-1},{"statement":"` + "\xff" + `"}]`,
			[]problem{
				{outcome.ErrEmptyName, nil, "pkg: needs[1]: need has no statement"},
				{outcome.ErrInvalidJSON, nil, "pkg: needs[2]: a need cannot be null"},
				{outcome.ErrInvalidJSON, nil, `pkg: needs[3]: need: invalid JSON: "n" must be an integer, not the string "x"`},
				{outcome.ErrInvalidCount, []string{"d"}, `pkg: needs[4]: need "d": negative n -1`},
				{outcome.ErrInvalidCount, []string{"d"}, "pkg: needs[4]: negative count -1"},
				{outcome.ErrInvalidJSON, nil, "pkg: needs[5]: need: invalid JSON: JSON text is not valid UTF-8"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := List("pkg", "needs", "a need", []byte(tt.in), decodeNeed)
			assert.Nil(t, got)
			var ps []problem
			for _, p := range outcome.Problems(err) {
				assert.Equal(t, outcome.SeverityError, p.Severity)
				ps = append(ps, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, ps)
			// One problem is the *outcome.Error itself; several are joined.
			_, one := err.(*outcome.Error)
			assert.Equal(t, len(tt.want) == 1, one)
		})
	}

	// Each problem wraps the element's own, and its cause.
	_, err = List("pkg", "needs", "a need", []byte(`[{"n":"x"}]`), decodeNeed)
	var te *json.UnmarshalTypeError
	assert.True(t, errors.As(err, &te))
	ps := outcome.Problems(err)
	require.Len(t, ps, 1)
	var inner *outcome.Error
	require.True(t, errors.As(ps[0].Err, &inner))
	assert.Equal(t, `pkg: need: invalid JSON: "n" must be an integer, not the string "x"`, inner.Message)

	// An error that holds no *outcome.Error is one invalid-json problem of
	// the element, wrapping it.
	plain := errors.New("not decodable")
	_, err = List("pkg", "needs", "a need", []byte(`[1,2]`), func([]byte) (int, error) { return 0, plain })
	ps = outcome.Problems(err)
	require.Len(t, ps, 2)
	assert.Equal(t, outcome.ErrInvalidJSON, ps[1].Code)
	assert.Equal(t, "pkg: needs[1]: not decodable", ps[1].Message)
	assert.True(t, errors.Is(err, plain))
}
