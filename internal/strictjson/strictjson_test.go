package strictjson

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

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
