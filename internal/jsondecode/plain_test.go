package jsondecode

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cxmodel/cx/outcome"
)

// TestValue_plain works out what Value reads without encoding/json
// (plainValue says whether it did) and that the rest, read by encoding/json,
// reads as before: each value is read into a fresh variable, and a value
// refused leaves it unchanged.
func TestValue_plain(t *testing.T) {
	tests := []struct {
		name  string
		raw   string
		read  func(f *Form, raw json.RawMessage) (any, bool) // Value's result and whether it read
		plain func(raw json.RawMessage) bool                 // whether plainValue reads it
		want  any
		ok    bool
	}{
		{"string", `"ab c"`, valueOf[string], plainOf[string], "ab c", true},
		{"string of UTF-8", `"é"`, valueOf[string], plainOf[string], "é", true},
		{"string with an escape", `"a\u0041"`, valueOf[string], plainOf[string], "aA", true},
		{"string of bad UTF-8", "\"\xff\"", valueOf[string], plainOf[string], "\ufffd", true},
		{"string with white space after", `"a" `, valueOf[string], plainOf[string], "a", true},
		{"code, a type of its own", `"x"`, valueOf[outcome.Code], plainOf[outcome.Code], outcome.Code("x"), true},
		{"true", `true`, valueOf[bool], plainOf[bool], true, true},
		{"false", `false`, valueOf[bool], plainOf[bool], false, true},
		{"int", `-42`, valueOf[int], plainOf[int], -42, true},
		{"int of 18 digits", `999999999999999999`, valueOf[int], plainOf[int], 999999999999999999, true},
		{"int of 19 digits", `1000000000000000000`, valueOf[int], plainOf[int], 1000000000000000000, true},
		{"int out of range", `9223372036854775808`, valueOf[int], plainOf[int], 0, false},
		{"int with a fraction", `1.5`, valueOf[int], plainOf[int], 0, false},
		{"int with an exponent", `1e2`, valueOf[int], plainOf[int], 0, false},
		{"int64", `-7`, valueOf[int64], plainOf[int64], int64(-7), true},
		{"int32, read by encoding/json", `7`, valueOf[int32], plainOf[int32], int32(7), true},
		{"float", `0.25`, valueOf[float64], plainOf[float64], 0.25, true},
		{"float 1e-400, read as 0", `1e-400`, valueOf[float64], plainOf[float64], 0.0, true},
		{"float out of range", `1e400`, valueOf[float64], plainOf[float64], 0.0, false},
		{"string for a float", `"1"`, valueOf[float64], plainOf[float64], 0.0, false},
		{"number for a string", `1`, valueOf[string], plainOf[string], "", false},
		{"null", `null`, valueOf[string], plainOf[string], "", false},
		{"nothing", ``, func(_ *Form, raw json.RawMessage) (any, bool) { return "", !plainOf[string](raw) }, plainOf[string], "", true},
	}
	plain := map[string]bool{"string": true, "string of UTF-8": true, "true": true, "false": true, "int": true,
		"int of 18 digits": true, "int64": true, "float": true, "float 1e-400, read as 0": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Form{Pkg: "p"}
			got, ok := tt.read(&f, json.RawMessage(tt.raw))
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, !tt.ok, f.Count() == 1)
			if tt.name == "nothing" {
				return // plainValue alone: Value is never given nothing
			}
			assert.Equal(t, plain[tt.name], tt.plain(json.RawMessage(tt.raw)), "read without encoding/json")
		})
	}
}

func valueOf[T any](f *Form, raw json.RawMessage) (any, bool) {
	var v T
	ok := Value(f, textPath("x"), nil, raw, &v)
	return v, ok
}

func plainOf[T any](raw json.RawMessage) bool {
	var v T
	return plainValue(raw, &v)
}

// TestPlainString works out which strings PlainString reads.
func TestPlainString(t *testing.T) {
	for raw, want := range map[string]bool{`"abc"`: true, `""`: true, `"é"`: true, "\"\xff\"": false,
		`"a\"b"`: false, "\"a\tb\"": false, `"a`: false, `1`: false, ` "a"`: false} {
		s, ok := PlainString(json.RawMessage(raw))
		assert.Equal(t, want, ok, raw)
		if ok {
			assert.Equal(t, raw[1:len(raw)-1], s)
		}
	}
}
