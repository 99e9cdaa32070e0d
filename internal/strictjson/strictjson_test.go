package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want point
	}{
		{"object", `{"x":1,"y":2}`, point{1, 2}},
		{"field missing: left zero", `{"x":1}`, point{X: 1}},
		{"JSON white space around the value", " \t\r\n{\"x\":1,\"y\":2} \t\r\n", point{1, 2}},
		{"null leaves the value as it is", `null`, point{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got point
			require.NoError(t, Decode([]byte(tt.in), &got))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDecode_nested(t *testing.T) {
	// The same key in different objects is not a duplicate, nor is a key that
	// equals a value.
	in := `{"a":{"a":"a","b":[{"a":1},{"a":2}]},"b":[[],{}],"c":"a"}`
	var got map[string]any
	require.NoError(t, Decode([]byte(in), &got))
	want := map[string]any{
		"a": map[string]any{"a": "a", "b": []any{map[string]any{"a": 1.0}, map[string]any{"a": 2.0}}},
		"b": []any{[]any{}, map[string]any{}},
		"c": "a",
	}
	assert.Equal(t, want, got)
}

func TestDecode_refused(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr error  // matched with errors.Is, if set
		wantMsg string // the exact message, if set
		// untyped decodes into an any, so that only the check named fails.
		untyped bool
	}{
		{name: "unknown field", in: `{"x":1,"z":3}`, wantMsg: `json: unknown field "z"`},
		{name: "trailing value", in: `{"x":1} {"x":2}`, wantErr: ErrTrailingData,
			wantMsg: "trailing data after the JSON value"},
		{name: "trailing garbage", in: `{"x":1}x`, wantErr: ErrTrailingData},
		{name: "trailing number", in: `1 2`, wantErr: ErrTrailingData, untyped: true},
		// U+00A0 is white space to Unicode but not to JSON (RFC 8259, section 2).
		{name: "no-break space after the value", in: "{\"x\":1}\u00a0", wantErr: ErrTrailingData},
		{name: "duplicate key", in: `{"x":1,"y":2,"x":3}`, wantErr: ErrDuplicateKey,
			wantMsg: `duplicate object key "x"`},
		{name: "duplicate key in a nested object", in: `[{"x":1},{"y":{"z":1,"z":2}}]`, wantErr: ErrDuplicateKey,
			untyped: true},
		{name: "duplicate key after a container value", in: `{"x":[1,{"x":1}],"y":{},"x":2}`, wantErr: ErrDuplicateKey,
			untyped: true},
		{name: "duplicate empty key", in: `{"":1,"":2}`, wantErr: ErrDuplicateKey, untyped: true},
		{name: "invalid UTF-8 in a string", in: "{\"x\":1,\"y\":2,\"n\xff\":1}", wantErr: ErrInvalidUTF8,
			wantMsg: "JSON text is not valid UTF-8"},
		{name: "empty", in: ``, wantErr: io.EOF},
		{name: "only white space", in: " \n", wantErr: io.EOF},
		{name: "unterminated", in: `{"x":1`, wantErr: io.ErrUnexpectedEOF},
		{name: "wrong type", in: `{"x":"1"}`},
		{name: "syntax error", in: `{x:1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var into any = new(point)
			if tt.untyped {
				into = new(any)
			}
			err := Decode([]byte(tt.in), into)
			require.Error(t, err)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			if tt.wantMsg != "" {
				assert.EqualError(t, err, tt.wantMsg)
			}
		})
	}
}

func TestDecode_duplicateKeyIntoMap(t *testing.T) {
	// encoding/json would keep the last value, 2, and drop 1 without a word.
	var lenient map[string]int
	require.NoError(t, json.Unmarshal([]byte(`{"aht":1,"aht":2}`), &lenient))
	assert.Equal(t, map[string]int{"aht": 2}, lenient)

	var strict map[string]int
	err := Decode([]byte(`{"aht":1,"aht":2}`), &strict)
	assert.ErrorIs(t, err, ErrDuplicateKey)
}

func TestDecode_caseVariantKeys(t *testing.T) {
	// encoding/json fills a struct field from a key equal to its name after
	// folding (src/encoding/json/fold.go: ASCII letters to upper case, other
	// runes to the smallest of their unicode.SimpleFold orbit), so keys that
	// fold alike are the same field twice, and the last would win.
	tests := []struct {
		name        string
		field, also string // the field's name, and a second key
		dup         bool   // encoding/json fills the field from also as well
	}{
		{"same key", "x", "x", true},
		{"upper case", "counts", "Counts", true},
		{"mixed case", "id", "iD", true},
		{"field in upper case", "ID", "id", true},
		// U+017F LATIN SMALL LETTER LONG S: SimpleFold orbit s -> ſ -> S -> s.
		{"long s", "successes", "\u017fuccesses", true},
		// U+212A KELVIN SIGN: orbit k -> K (U+212A) -> K -> k.
		{"Kelvin sign", "k", "\u212a", true},
		// Greek sigma: orbit Σ (U+03A3) -> ς (U+03C2) -> σ (U+03C3) -> Σ.
		{"final sigma", "σ", "ς", true},
		// ß (U+00DF) folds to ẞ (U+1E9E) only, never to "ss".
		{"sharp s is not ss", "ss", "ß", false},
		// İ (U+0130) has no simple fold: it is not "i".
		{"dotted capital I", "i", "İ", false},
		{"accent", "a", "á", false},
		{"prefix", "count", "counts", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ := reflect.StructOf([]reflect.StructField{{
				Name: "F", Type: reflect.TypeFor[int](), Tag: reflect.StructTag(`json:"` + tt.field + `"`),
			}})
			in := []byte(`{"` + tt.field + `":1,"` + tt.also + `":2}`)

			// What encoding/json does: the second key fills the field (2 wins) or
			// is an unknown field.
			lenient := reflect.New(typ)
			dec := json.NewDecoder(strings.NewReader(string(in)))
			dec.DisallowUnknownFields()
			lenientErr := dec.Decode(lenient.Interface())

			err := Decode(in, reflect.New(typ).Interface())
			if tt.dup {
				require.NoError(t, lenientErr)
				assert.Equal(t, int64(2), lenient.Elem().Field(0).Int(), "the last value wins in encoding/json")
				assert.ErrorIs(t, err, ErrDuplicateKey)
			} else {
				require.Error(t, lenientErr, "an unknown field to encoding/json")
				assert.NotErrorIs(t, err, ErrDuplicateKey)
				// Into an any, keys that do not fold alike are two keys.
				var m any
				assert.NoError(t, Decode(in, &m))
			}
		})
	}
}

func TestDecode_caseVariantKeysMessage(t *testing.T) {
	err := Decode([]byte(`{"x":1,"X":2}`), new(point))
	assert.EqualError(t, err, `duplicate object key "X" (encoding/json matches it to the same field as "x")`)
	err = Decode([]byte(`{"y":{"id":1,"ID":2}}`), new(any))
	assert.EqualError(t, err, `duplicate object key "ID" (encoding/json matches it to the same field as "id")`)
}

type level int

var errBadLevel = errors.New("bad level")

func (l *level) UnmarshalText(text []byte) error {
	if string(text) != "ok" {
		return errBadLevel
	}
	*l = 1
	return nil
}

func TestDecode_fieldErrorUnchanged(t *testing.T) {
	var got struct {
		L level `json:"l"`
	}
	err := Decode([]byte(`{"l":"bad"}`), &got)
	assert.Same(t, errBadLevel, err, "a field's own error comes back as it is")

	require.NoError(t, Decode([]byte(`{"l":"ok"}`), &got))
	assert.Equal(t, level(1), got.L)
}

func TestCheckKeys_badInput(t *testing.T) {
	// checkKeys is only called on a value Decode has accepted, but it reports,
	// rather than panics on, a syntax error.
	assert.Error(t, checkKeys([]byte(`{"x" 1}`)))
	assert.Error(t, checkKeys([]byte(`}`)))
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"x":1,"y":2}`, `{"x":1,"x":2}`, `[{"a":1},{"a":1}]`, `{"a":{"a":1},"a":2}`, `1 2`, `{}x`,
		"{\"x\":1}\u00a0", "\"\xff\"", `null`, ``, `[[[]]]`, `{"":1,"":2}`, `"a"`, `{"a":[{}],"b":"a"}`,
		`{"a":1,"A":2}`, "{\"\u017f\":1,\"s\":2}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var strict any
		err := Decode(data, &strict)
		var lenient any
		lenientErr := json.Unmarshal(data, &lenient)
		if err == nil {
			// Whatever Decode accepts, encoding/json accepts, with the same value.
			require.NoError(t, lenientErr)
			assert.True(t, reflect.DeepEqual(lenient, strict), "%#v != %#v", lenient, strict)
			return
		}
		if lenientErr == nil {
			// Decoding into any has no unknown fields and json.Unmarshal refuses
			// trailing data, so Decode may refuse only what it adds.
			assert.True(t, errors.Is(err, ErrDuplicateKey) || errors.Is(err, ErrInvalidUTF8), "%v", err)
			if errors.Is(err, ErrDuplicateKey) {
				assert.True(t, strings.HasPrefix(err.Error(), "duplicate object key "), err.Error())
			}
		}
	})
}

func TestDecode_numberBeyondFloat64(t *testing.T) {
	// 1e400 is beyond float64 (about 1.8e308), but a json.Number, or a
	// decimal that decodes itself, takes it; the check for duplicate keys
	// must not read it as a float64 and fail.
	var got struct {
		W json.Number `json:"w"`
	}
	require.NoError(t, Decode([]byte(`{"w":1e400}`), &got))
	assert.Equal(t, json.Number("1e400"), got.W)
	require.NoError(t, checkKeys([]byte(`[1e400,{"a":-1e-400}]`)))
}

func TestMembers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Member
	}{
		{"in order, a key twice included", ` {"b":1, "a" : [1, {"x":2}],"b":"two","":null} `, []Member{
			{"b", json.RawMessage(`1`)}, {"a", json.RawMessage(`[1, {"x":2}]`)},
			{"b", json.RawMessage(`"two"`)}, {"", json.RawMessage(`null`)},
		}},
		{"keys unescaped", `{"\u0069d":true,"a\"b":false}`, []Member{
			{"id", json.RawMessage(`true`)}, {`a"b`, json.RawMessage(`false`)},
		}},
		// A value is not checked beyond its syntax: Decode checks it.
		{"a nested key twice", `{"a":{"x":1,"x":2}}`, []Member{{"a", json.RawMessage(`{"x":1,"x":2}`)}}},
		{"empty", `{}`, nil},
		{"more than are collected on the stack", object("v", small+3), manyMembers(small + 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Members([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// manyMembers returns the members of object("v", n), worked out.
func manyMembers(n int) []Member {
	out := make([]Member, n)
	for i := range out {
		out[i] = Member{Key: "k" + strconv.Itoa(i), Value: json.RawMessage(`"v` + strconv.Itoa(i) + `"`)}
	}
	return out
}

func TestMembers_refused(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr error  // matched with errors.Is, if set
		wantMsg string // the exact message, if set
	}{
		{"invalid UTF-8", "{\"a\":\"\xff\"}", ErrInvalidUTF8, "JSON text is not valid UTF-8"},
		{"an array", ` [1] `, ErrNotObject, "the value must be an object, not an array"},
		{"null", `null`, ErrNotObject, "the value must be an object, not null"},
		{"a number", `-1`, ErrNotObject, "the value must be an object, not the number -1"},
		{"trailing data", `{} {}`, ErrTrailingData, "trailing data after the JSON value"},
		{"malformed", `{"a":}`, nil, ""},
		{"empty", ``, io.EOF, "EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Members([]byte(tt.in))
			require.Error(t, err)
			assert.Nil(t, got)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			if tt.wantMsg != "" {
				assert.EqualError(t, err, tt.wantMsg)
			}
		})
	}
}

func TestElements(t *testing.T) {
	got, err := Elements([]byte(" [1, \"a\",{\"x\":1,\"x\":2}, [ ] ,null]\n"))
	require.NoError(t, err)
	assert.Equal(t, []json.RawMessage{json.RawMessage(`1`), json.RawMessage(`"a"`),
		json.RawMessage(`{"x":1,"x":2}`), json.RawMessage(`[ ]`), json.RawMessage(`null`)}, got)

	got, err = Elements([]byte(`[]`))
	require.NoError(t, err)
	assert.Empty(t, got)

	// More than are collected on the stack: 0, 1, ..., small+2.
	var many []json.RawMessage
	for i := range small + 3 {
		many = append(many, json.RawMessage(strconv.Itoa(i)))
	}
	got, err = Elements([]byte("[" + string(bytes.Join(toBytes(many), []byte(","))) + "]"))
	require.NoError(t, err)
	assert.Equal(t, many, got)

	// Text that is not UTF-8 is left to the decoding of the element.
	got, err = Elements([]byte("[\"\xff\",1]"))
	require.NoError(t, err)
	assert.Equal(t, []json.RawMessage{json.RawMessage("\"\xff\""), json.RawMessage(`1`)}, got)
	assert.ErrorIs(t, Decode(got[0], new(string)), ErrInvalidUTF8)

	for in, want := range map[string]string{
		`{}`:      "the value must be an array, not an object",
		`"a"`:     `the value must be an array, not the string "a"`,
		`true`:    "the value must be an array, not true",
		`false`:   "the value must be an array, not false",
		`[] []`:   "trailing data after the JSON value",
		``:        "EOF",
		`[1,]`:    "invalid character ']' looking for beginning of value",
		"[1]\xff": "trailing data after the JSON value",
	} {
		got, err := Elements([]byte(in))
		assert.Nil(t, got, "%q", in)
		assert.EqualError(t, err, want, "%q", in)
	}
	_, err = Elements([]byte(`{}`))
	assert.ErrorIs(t, err, ErrNotArray)
}

// toBytes returns raws as [][]byte.
func toBytes(raws []json.RawMessage) [][]byte {
	out := make([][]byte, len(raws))
	for i, r := range raws {
		out[i] = r
	}
	return out
}

func TestValueKind(t *testing.T) {
	for in, want := range map[string]string{
		`{}`: "an object", ` [1]`: "an array", `"s"`: "a string", `true`: "true", `false`: "false",
		`null`: "null", `-0.5`: "a number", `12`: "a number", ` `: "nothing",
	} {
		assert.Equal(t, want, ValueKind(json.RawMessage(in)), "%q", in)
	}
}

func TestField(t *testing.T) {
	// Field agrees with encoding/json about which field a key fills: the one
	// whose name equals the key, else the first that equals it after folding.
	type twoIDs struct {
		Upper string `json:"ID"`
		Lower string `json:"id"`
	}
	names := []string{"ID", "id"}
	for _, tt := range []struct {
		key  string
		want int
	}{
		{"ID", 0}, {"id", 1}, {"Id", 0}, {"iD", 0}, {"idx", -1}, {"", -1},
	} {
		var v twoIDs
		err := json.Unmarshal([]byte(`{"`+tt.key+`":"x"}`), &v)
		require.NoError(t, err)
		filled := -1
		switch {
		case v.Upper == "x":
			filled = 0
		case v.Lower == "x":
			filled = 1
		}
		assert.Equal(t, tt.want, filled, "encoding/json, key %q", tt.key)
		assert.Equal(t, tt.want, Field(names, tt.key), "Field, key %q", tt.key)
	}
	// The folding of the struct's field names: U+212A KELVIN SIGN and
	// U+017F LATIN SMALL LETTER LONG S.
	assert.Equal(t, 1, Field([]string{"id", "kind"}, "\u212aind"))
	assert.Equal(t, 0, Field([]string{"successes"}, "\u017fuccesses"))
	assert.Equal(t, -1, Field([]string{"ss"}, "ß"))
}

// FuzzMembers checks Members and Elements against Decode into a map and a
// slice of raw values: they accept what Decode accepts, with the same
// members (Decode refuses a key twice) and elements.
func FuzzMembers(f *testing.F) {
	for _, s := range []string{
		`{"x":1,"y":2}`, `{"x":1,"x":2}`, `[{"a":1},{"a":1}]`, `{"a":{"a":1},"a":2}`, `{}x`, `[1] 2`,
		"\"\xff\"", "[\"\xff\"]", `null`, ``, `[[[]]]`, `{"":1}`, `"a"`, `{"a":1,"A":2}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		members, merr := Members(data)
		var obj map[string]json.RawMessage
		if Decode(data, &obj) == nil && obj != nil {
			require.NoError(t, merr)
			require.Len(t, members, len(obj))
			for _, m := range members {
				assert.Equal(t, string(obj[m.Key]), string(m.Value), "key %q", m.Key)
			}
		}
		if merr == nil {
			require.NoError(t, json.Unmarshal(data, &obj), "Members accepted %q", data)
		}
		elems, eerr := Elements(data)
		var arr []json.RawMessage
		if Decode(data, &arr) == nil && arr != nil {
			require.NoError(t, eerr)
			require.Len(t, elems, len(arr))
			for i := range arr {
				assert.Equal(t, string(arr[i]), string(elems[i]), "element %d", i)
			}
		}
		if eerr == nil && utf8.Valid(data) {
			require.NoError(t, json.Unmarshal(data, &arr), "Elements accepted %q", data)
			assert.Len(t, arr, len(elems))
		}
		// A value Members or Elements returned splits the same way with
		// MembersOf and ElementsOf, which do not check its syntax again,
		// and with one Reader, whose results are checked again after it
		// has read them all (none is written over).
		var values []json.RawMessage
		for _, m := range members {
			values = append(values, m.Value)
		}
		values = append(values, elems...)
		if json.Valid(data) {
			values = append(values, data)
		}
		var r Reader
		read := make([][]Member, len(values))
		for i, v := range values {
			checkOf(t, v)
			_, werr := MembersOf(v)
			got, err := r.MembersOf(v)
			assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(err), "Reader.MembersOf(%q)", v)
			read[i] = got
		}
		for i, v := range values {
			want, _ := MembersOf(v)
			assert.Equal(t, want, read[i], "Reader.MembersOf(%q), after the others", v)
		}
		got, err := r.Members(data)
		assert.Equal(t, members, got, "Reader.Members")
		assert.Equal(t, fmt.Sprint(merr), fmt.Sprint(err), "Reader.Members")
	})
}

// checkOf checks that MembersOf and ElementsOf split raw, well-formed
// JSON, as Members and Elements do, with the same errors.
func checkOf(t *testing.T, raw json.RawMessage) {
	t.Helper()
	m1, err1 := Members(raw)
	m2, err2 := MembersOf(raw)
	assert.Equal(t, m1, m2, "MembersOf(%q)", raw)
	assert.Equal(t, fmt.Sprint(err1), fmt.Sprint(err2), "MembersOf(%q)", raw)
	assert.Equal(t, errors.Is(err1, ErrNotObject), errors.Is(err2, ErrNotObject))
	assert.Equal(t, errors.Is(err1, ErrInvalidUTF8), errors.Is(err2, ErrInvalidUTF8))
	e1, err1 := Elements(raw)
	e2, err2 := ElementsOf(raw)
	assert.Equal(t, e1, e2, "ElementsOf(%q)", raw)
	assert.Equal(t, fmt.Sprint(err1), fmt.Sprint(err2), "ElementsOf(%q)", raw)
	assert.Equal(t, errors.Is(err1, ErrNotArray), errors.Is(err2, ErrNotArray))
	// AppendElementsOf appends them after what its buffer holds.
	before := []json.RawMessage{json.RawMessage(`"before"`)}
	e3, err3 := AppendElementsOf(before, raw)
	assert.Equal(t, fmt.Sprint(err1), fmt.Sprint(err3), "AppendElementsOf(%q)", raw)
	if err1 == nil {
		assert.Equal(t, append(before, e1...), e3, "AppendElementsOf(%q)", raw)
	} else {
		assert.Nil(t, e3, "AppendElementsOf(%q)", raw)
	}
}

func TestDescribe(t *testing.T) {
	long := strings.Repeat("x", 70)   // clipped to 64 bytes and "..."
	digits := strings.Repeat("9", 70) // the same
	for in, want := range map[string]string{
		`"yes"`:          `the string "yes"`,
		`"a\"b\n"`:       `the string "a\"b\n"`,
		`"` + long + `"`: `the string "` + long[:64] + `..."`,
		` 3 `:            "the number 3",
		`-1.5e3`:         "the number -1.5e3",
		digits:           "the number " + digits[:64] + "...",
		`{"a":1}`:        "an object",
		`[1]`:            "an array",
		`true`:           "true",
		`false`:          "false",
		`null`:           "null",
		``:               "nothing",
	} {
		assert.Equal(t, want, Describe(json.RawMessage(in)), "%q", in)
	}
}

func TestWant(t *testing.T) {
	// level decodes from a JSON string through UnmarshalText. Ranges are
	// given only for a number found: -2^(n-1) to 2^(n-1)-1 for an n-bit
	// integer, 0 to 2^n-1 for an unsigned one, and the largest finite
	// float64 (2^1024 - 2^971) and float32 (2^128 - 2^104) for a number.
	tests := []struct {
		name  string
		t     reflect.Type
		found string
		want  string
	}{
		{"string", reflect.TypeFor[string](), `1`, "a string"},
		{"text", reflect.TypeFor[level](), `1`, "a string"},
		{"pointer to text", reflect.TypeFor[*level](), `{}`, "a string"},
		{"bool", reflect.TypeFor[bool](), `"x"`, "true or false"},
		{"int from a string", reflect.TypeFor[int64](), `"4"`, "an integer"},
		{"int64 from a number", reflect.TypeFor[int64](), `1.5`, "an integer from -9223372036854775808 to 9223372036854775807"},
		{"int32 from a number", reflect.TypeFor[int32](), `1e10`, "an integer from -2147483648 to 2147483647"},
		{"int8 from a number", reflect.TypeFor[int8](), `128`, "an integer from -128 to 127"},
		{"uint from true", reflect.TypeFor[uint16](), `true`, "an integer"},
		{"uint8 from a number", reflect.TypeFor[uint8](), `-1`, "an integer from 0 to 255"},
		{"uint64 from a number", reflect.TypeFor[uint64](), `-1`, "an integer from 0 to 18446744073709551615"},
		{"float from an object", reflect.TypeFor[float64](), `{}`, "a number"},
		{"float64 from a number", reflect.TypeFor[float64](), `1e400`, "a number from -1.7976931348623157e+308 to 1.7976931348623157e+308"},
		{"float32 from a number", reflect.TypeFor[float32](), `1e39`, "a number from -3.4028235e+38 to 3.4028235e+38"},
		{"bytes", reflect.TypeFor[[]byte](), `[1]`, "a string in base64"},
		{"slice", reflect.TypeFor[[]string](), `{}`, "an array"},
		{"array", reflect.TypeFor[[2]float64](), `{}`, "an array"},
		{"struct", reflect.TypeFor[struct{ X int }](), `[]`, "an object"},
		{"map", reflect.TypeFor[map[string]int](), `[]`, "an object"},
		{"interface", reflect.TypeFor[any](), `1`, "a JSON value"},
		{"complex", reflect.TypeFor[complex128](), `1`, "another JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Want(tt.t, json.RawMessage(tt.found)))
		})
	}
}

func TestMustBe(t *testing.T) {
	assert.Equal(t, `"trials" must be an integer, not the string "4"`,
		MustBe(`"trials"`, Want(reflect.TypeFor[int64](), json.RawMessage(`"4"`)), Describe(json.RawMessage(`"4"`))))
}

// TestInFieldOrder: the members come by field (id, n, tags), a field's
// members in the order of their keys, each pointing at its field's first,
// then the keys that name no field, sorted, equal keys in their order; the
// same members in another order (but a field's own) come the same way.
func TestInFieldOrder(t *testing.T) {
	names := []string{"id", "n", "tags"}
	type got struct {
		key, value   string
		field, first int
	}
	place := func(data string) []got {
		members, err := Members([]byte(data))
		require.NoError(t, err)
		var out []got
		for _, p := range InFieldOrder(members, names) {
			out = append(out, got{p.Key, string(p.Value), p.Field, p.First})
		}
		return out
	}
	want := []got{
		{"id", `"a"`, 0, 0},
		{"n", "1", 1, 1},
		{"tags", "[]", 2, 2},
		{"TAGS", "3", 2, 2},
		{"a", "2", -1, 4},
		{"zz", "1", -1, 5},
		{"zz", "4", -1, 6},
	}
	for _, in := range []string{
		`{"zz":1,"tags":[],"n":1,"a":2,"TAGS":3,"id":"a","zz":4}`,
		`{"id":"a","n":1,"tags":[],"TAGS":3,"a":2,"zz":1,"zz":4}`,
		`{"a":2,"tags":[],"zz":1,"TAGS":3,"zz":4,"n":1,"id":"a"}`,
	} {
		assert.Equal(t, want, place(in), in)
	}
	// The first in the order of the keys is the field's first.
	assert.Equal(t, []got{{"ID", `"b"`, 0, 0}, {"id", `"a"`, 0, 0}}, place(`{"ID":"b","id":"a"}`))
	assert.Empty(t, place(`{}`))
}

// TestInTypeOrder: the objects that decode into structs, at any depth
// (a field, a pointer, a slice's and an array's elements), are written
// in the order of the struct's fields as their JSON names give them
// (a tag, or the Go name; unexported, "-" and embedded fields are not
// fields), unknown keys last, sorted; a map's object and the values of
// unknown keys are as written; text that is not one valid JSON value is
// returned as it is.
func TestInTypeOrder(t *testing.T) {
	type inner struct {
		B int `json:"b"`
		A int `json:"a,omitempty"`
	}
	type embedded struct{ E int }
	type outer struct {
		embedded
		Name   string `json:"name"`
		Skip   int    `json:"-"`
		hidden int
		Plain  int
		In     *inner           `json:"in"`
		List   []inner          `json:"list"`
		Pair   [1]inner         `json:"pair"`
		Map    map[string]inner `json:"map"`
	}
	_ = outer{}.hidden
	typ := reflect.TypeFor[outer]()
	in := `{"z":{"a":1,"b":2}, "map":{"y":{"a":1,"b":2},"x":1}, "pair":[{"a":1,"b":2}], "list":[{"q":1,"a":1,"b":2},3],` +
		`"in":{"a":1,"b":2}, "Plain":1, "Skip":1, "E":1, "hidden":1, "name":"n"}`
	want := `{"name":"n","Plain":1,"in":{"b":2,"a":1},"list":[{"b":2,"a":1,"q":1},3],"pair":[{"b":2,"a":1}],` +
		`"map":{"y":{"a":1,"b":2},"x":1},"E":1,"Skip":1,"hidden":1,"z":{"a":1,"b":2}}`
	assert.Equal(t, want, string(InTypeOrder([]byte(in), typ)))
	for _, bad := range []string{`{"name":`, "{\"name\":\"\xff\"}", `{} {}`, ``} {
		assert.Equal(t, bad, string(InTypeOrder([]byte(bad), typ)), bad)
	}
	// A struct given a value of another type is left as written.
	assert.Equal(t, `[{"b":1,"a":2}]`, string(InTypeOrder([]byte(`[{"b":1,"a":2}]`), typ)))
	assert.Equal(t, `{"b":1}`, string(InTypeOrder([]byte(`{"b":1}`), reflect.TypeFor[[]inner]())))
}
