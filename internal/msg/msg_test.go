package msg

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/dectest"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		s    string
		n    int
		want string
	}{
		{"short enough", "aht", 3, "aht"},
		{"cut", "average handle time", 7, "average..."},
		// "é" is 2 bytes (C3 A9): cutting at 2 would split it, so the cut
		// backs up to 1.
		{"on a rune boundary", "café", 4, "caf..."},
		{"within a 4-byte rune", "a\U0001F600b", 3, "a..."},
		// 0x80 bytes are continuation bytes with no start: back up at most
		// 3 of them.
		{"not UTF-8", strings.Repeat("\x80", 10), 5, "\x80\x80..."},
		{"zero", "abc", 0, "..."},
		{"negative", "abc", -1, "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Clip(tt.s, tt.n))
		})
	}
}

func TestDecimal(t *testing.T) {
	// Within MaxQuoted bytes a decimal is written in full; past them, as its
	// coefficient and exponent. decimal.New(c, e) is c·10^e.
	tests := []struct {
		name string
		d    decimal.Decimal
		want string
	}{
		{"zero", decimal.Decimal{}, "0"},
		{"zero with a huge exponent", decimal.New(0, 1<<30), "0"},
		{"plain", decimal.RequireFromString("12.50"), "12.5"},
		{"negative", decimal.New(-125, -3), "-0.125"},
		{"large but short", decimal.New(7, 40), "7" + strings.Repeat("0", 40)},
		{"huge exponent", decimal.New(1, 3_000_000), "1e3000000"},
		{"tiny", decimal.New(-25, -400), "-25e-400"},
		// 10^100 - 1 is about 10^100: 9.99...·10^99, its leading digits
		// clipped; and (10^80 - 1)·10^-100 about 10^-20, 9.99...·10^-21.
		{"long coefficient", decimal.RequireFromString(strings.Repeat("9", 100)),
			"9." + strings.Repeat("9", MaxQuoted-2) + "...e99"},
		{"long coefficient, tiny", decimal.New(0, 0).Add(decimal.RequireFromString("-" + strings.Repeat("9", 80) + "e-100")),
			"-9." + strings.Repeat("9", MaxQuoted-2) + "...e-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Decimal(tt.d))
		})
	}
	// 2·10^200000000 written in full would be 200 MB of zeros.
	assert.Equal(t, "2e200000000", Decimal(decimal.New(2, 200_000_000)))
}

// FuzzClip: the clipped text is a prefix of the input plus "..." (or the
// input itself), at most n+3 bytes, at least n-3 before the mark, and valid
// UTF-8 whenever the input is.
func FuzzClip(f *testing.F) {
	f.Add("average handle time", 7)
	f.Add("café", 4)
	f.Add("\x80\x80\x80\x80\x80", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n %= 300
		got := Clip(s, n)
		if len(s) <= n {
			if got != s {
				t.Fatalf("Clip(%q, %d) = %q, want it unchanged", s, n, got)
			}
			return
		}
		head, ok := strings.CutSuffix(got, "...")
		if !ok || !strings.HasPrefix(s, head) {
			t.Fatalf("Clip(%q, %d) = %q, not a prefix and a mark", s, n, got)
		}
		if len(head) > max(n, 0) || len(head) < n-(utf8.UTFMax-1) {
			t.Fatalf("Clip(%q, %d) kept %d bytes", s, n, len(head))
		}
		if utf8.ValidString(s) && !utf8.ValidString(head) {
			t.Fatalf("Clip(%q, %d) = %q split a rune", s, n, got)
		}
	})
}

// TestDecimal_settingsIgnored: decimal's TrimTrailingZeros and
// UseScientificNotation do not change a message's decimal. 12.50 is "12.5"
// and 12·10^2 is "1200" (not "12.50" and "1.2E3").
func TestDecimal_settingsIgnored(t *testing.T) {
	dectest.FlipSettings(t)
	assert.Equal(t, "12.5", Decimal(decimal.RequireFromString("12.50")))
	assert.Equal(t, "1200", Decimal(decimal.New(12, 2)))
}

func TestGoWords(t *testing.T) {
	tests := []struct {
		name, message, want string
	}{
		// JSON's words pass.
		{"a string", `"sd" must be a number, not the string "1.2"`, ""},
		{"the string", `the value must be an object, not the string "x"`, ""},
		{"integer range", `"n" must be an integer from -9223372036854775808 to 9223372036854775807, not the number 1.5`, ""},
		{"float range", `"c" must be a number from -1.7976931348623157e+308 to 1.7976931348623157e+308, not the number 1e400`, ""},
		{"base64", `"b" must be a string in base64, not true`, ""},
		{"a decimal string", `"t" must be a decimal string or a number, not true`, ""},
		{"an empty string", `an empty string`, ""},
		{"path with indices", `"needs[1].statement" must be a string, not an array`, ""},
		{"syntax error", `invalid character '}' looking for beginning of value`, ""},
		{"string literal", `invalid character '\r' in string literal`, ""},
		{"object key string", `invalid character '0' looking for beginning of object key string`, ""},
		{"an apostrophe", `canvas's weight "x" is not a decimal number`, ""},
		// Quoted text is the user's: any word in it passes.
		{"quoted Go words", `unknown field "int64" in "nodeIn.name" of "[]string" and 'x'`, ""},
		{"escaped quote", `"a \" Go struct" must be a string, not the string "of type string"`, ""},
		{"quoted quote character", `invalid character '"' after object key:value pair`, ""},
		// encoding/json's and decimal's phrases, in any case.
		{"Go struct", `json: cannot unmarshal number into Go struct field nodeIn.nodes.level of type string`, "go struct"},
		{"Go value", `cannot unmarshal array into go value of type main.outer`, "go value"},
		{"cannot unmarshal", `Cannot unmarshal a number`, "cannot unmarshal"},
		{"json prefix", `json: unknown field "x"`, "json: "},
		{"json prefix inside", `pkg: invalid JSON: json: unknown field "x"`, "json: "},
		{"invalid JSON", `pkg: invalid JSON: unknown field "x"`, ""},
		{"json after a letter", `see the xjson: field`, ""},
		{"can't convert", `error decoding string '0,35': can't convert 0,35 to decimal`, "can't convert"},
		{"of type", `a value of type Level`, "of type "},
		// Go's type names as words.
		{"int64", `"n" must be an integer within int64`, "int64"},
		{"int", `"n" is not an int`, "int"},
		{"uint8", `"n" is not a uint8 value`, "uint8"},
		{"float64", `1e400 overflows float64`, "float64"},
		{"bool", `"f" must be a bool`, "bool"},
		{"complex128", `not complex128`, "complex128"},
		{"uintptr", `not uintptr`, "uintptr"},
		{"int before a hyphen", `an integer, not an int-like text`, "int"},
		{"string after type", `a field with type string`, "string"},
		{"string after into", `decoding a number into string`, "string"},
		{"of type string", `a field of type string`, "of type "},
		{"qualified name", `a number for outcome.Level`, "outcome.Level"},
		{"qualified struct field", `field nodeIn.name`, "nodeIn.name"},
		{"slice type", `into []main.inner`, "[]m"},
		{"slice of pointers", `into []*T`, "[]*"},
		{"slice of slices", `into [][]T`, "[]["},
		{"map type", `into map[string]int`, "map["},
		{"struct type", `into struct { X int }`, "struct {"},
		{"interface type", `into interface{}`, "interface{"},
		// Words that only look like Go's.
		{"strings", `an array of strings`, ""},
		{"string after another word", `an array of string`, ""},
		{"number with a dot", `the number 1.5e3`, ""},
		{"unterminated quote", `unknown field "int64`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, GoWords(tt.message))
		})
	}
}

// problem is an error type of pointers, as *outcome.Error is.
type problem struct{ text string }

func (p *problem) Error() string { return p.text }

func TestJoin(t *testing.T) {
	a, b := &problem{"a"}, &problem{"b"}
	var none *problem // a nil pointer: no problem, also inside an error interface
	assert.NoError(t, Join())
	assert.NoError(t, Join(nil, none, nil))
	// One problem is itself, not a joined error of one.
	assert.Same(t, a, Join(nil, a, none))
	// Several keep their order, the nil ones left out.
	err := Join(b, none, nil, a)
	assert.EqualError(t, err, "b\na")
	joined, ok := err.(interface{ Unwrap() []error })
	if assert.True(t, ok, "%T", err) {
		assert.Equal(t, []error{b, a}, joined.Unwrap())
	}
	// A value error that is not a pointer is a problem.
	plain := errors.New("plain")
	assert.Same(t, plain, Join(plain))
}

func TestJoinFlat(t *testing.T) {
	a, b, c, d := &problem{"a"}, &problem{"b"}, &problem{"c"}, &problem{"d"}
	var none *problem
	assert.NoError(t, JoinFlat())
	assert.NoError(t, JoinFlat(nil, none, errors.Join(nil, none)))
	// A join of one, at any depth, is the problem itself.
	assert.Same(t, a, JoinFlat(errors.Join(errors.Join(a))))
	assert.Same(t, b, JoinFlat(none, errors.Join(none, b)))
	// Joins within joins come back as one list, one level deep, in order.
	err := JoinFlat(a, errors.Join(b, errors.Join(c, none)), nil, d)
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "%T", err)
	assert.Equal(t, []error{a, b, c, d}, joined.Unwrap())
	assert.EqualError(t, err, "a\nb\nc\nd")
	// Without a join among them, it is Join.
	err = JoinFlat(b, a)
	joined, ok = err.(interface{ Unwrap() []error })
	require.True(t, ok, "%T", err)
	assert.Equal(t, []error{b, a}, joined.Unwrap())
	// Another error with Unwrap() []error is one error: fmt.Errorf's with
	// two %w says more than its parts.
	wrapped := fmt.Errorf("context: %w; %w", a, b)
	assert.Same(t, wrapped, JoinFlat(wrapped))
	err = JoinFlat(errors.Join(wrapped, c))
	joined, ok = err.(interface{ Unwrap() []error })
	require.True(t, ok, "%T", err)
	assert.Equal(t, []error{wrapped, c}, joined.Unwrap())
}
