package strictjson

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The scanner walks text that encoding/json has accepted, but every read is
// checked: given malformed text, each method reports failure rather than
// panic.
func TestScanner_malformed(t *testing.T) {
	for _, in := range []string{
		`{`, `[`, `{"a"`, `{"a":`, `{"a" 1}`, `{"a":1`, `{"a`, `"abc`, `{"a":"b`, `[1,`, `}`, `]`,
		`{"\u00":1}`, `{1:2}`, `{"a":1,"a`, `[{"a":1,"\u00zz":2}]`, `{"k\u0041":1,"kA":2,"\u00":3}`,
	} {
		assert.Error(t, checkKeys([]byte(in)), "checkKeys(%q)", in)
	}
	for _, in := range []string{``, `"abc`, `{"a":"b`, `[1,"x`, `}`} {
		s := Scanner{data: []byte(in)}
		if in == `}` {
			s.i = 1 // past the end
		}
		assert.False(t, s.value(), "value(%q)", in)
	}
	for _, in := range []string{`abc`, `"abc`, `"\u00zz"`} {
		s := Scanner{data: []byte(in)}
		_, err := s.key(nil)
		assert.Error(t, err, "key(%q)", in)
	}
	s := Scanner{data: []byte(`"\u00zz" "ok"`)}
	_, err := s.unquote(0)
	assert.Error(t, err)
	_, err = s.unquote(5)
	assert.Error(t, err, "no string at 5")
	assert.Error(t, s.duplicate(9, 0), "the second key does not unquote")
	s = Scanner{data: []byte(`"ok" "\u00zz"`)}
	assert.Error(t, s.duplicate(5, 0), "the first key does not unquote")
}

// Keys that are not plain ASCII are compared after unescaping and folding:
// an escaped key repeats its plain twin, and so does a case variant of a
// non-ASCII key, in a small object and in one of more than manyKeys keys.
func TestCheckKeys_escapedAndFolded(t *testing.T) {
	assert.EqualError(t, checkKeys([]byte(`{"id":1,"\u0069d":2}`)), `duplicate object key "id"`)
	assert.EqualError(t, checkKeys([]byte(`{"é":1,"É":2}`)),
		`duplicate object key "É" (encoding/json matches it to the same field as "é")`)
	big := `{"k1":1,"k2":1,"k3":1,"k4":1,"k5":1,"k6":1,"k7":1,"k8":1,"k9":1,"k10":1,"k11":1,"k12":1,"k13":1,"k14":1,"k15":1,"k16":1,"k17":1,`
	assert.EqualError(t, checkKeys([]byte(big+`"\u212a5":1}`)),
		"duplicate object key \"\u212a5\" (encoding/json matches it to the same field as \"k5\")", "the Kelvin sign folds to K")
	assert.NoError(t, checkKeys([]byte(big+`"k18":{"k1":2}}`)), "a key of a nested object is its own")
}

// A Scanner walks a value from its exported methods as a decoder's fast
// path does: white space, one byte at a time, strings as written (plain
// only when ASCII without escapes) and literals up to their delimiter.
func TestScanner_exported(t *testing.T) {
	s := NewScanner([]byte(" {\"id\" :\t\"a\\\"b\", \"é\":-1.5e2 ,\"n\":null}"))
	s.Space()
	assert.Equal(t, byte('{'), s.Next())
	raw, plain, ok := s.Str()
	assert.Equal(t, "id", string(raw))
	assert.True(t, plain)
	assert.True(t, ok)
	_, _, ok = s.Str()
	assert.False(t, ok, "at white space, no string")
	s.Space()
	assert.Equal(t, byte(':'), s.Next())
	s.Space()
	raw, plain, ok = s.Str()
	assert.Equal(t, `a\"b`, string(raw), "as written, the escaped quote inside")
	assert.False(t, plain, "an escape")
	assert.True(t, ok)
	assert.Equal(t, byte(','), s.Next())
	s.Space()
	raw, plain, ok = s.Str()
	assert.Equal(t, "é", string(raw))
	assert.False(t, plain, "not ASCII")
	assert.True(t, ok)
	assert.Equal(t, byte(':'), s.Next())
	text, ok := s.Literal()
	assert.Equal(t, "-1.5e2", string(text), "up to the white space")
	assert.True(t, ok)
	_, ok = s.Literal()
	assert.False(t, ok, "at white space, no literal")
	s.Space()
	assert.Equal(t, byte(','), s.Peek())
	assert.Equal(t, byte(','), s.Next())
	_, _, _ = s.Str()
	s.Next()
	text, ok = s.Literal()
	assert.Equal(t, "null", string(text), "up to the brace")
	assert.True(t, ok)
	assert.Equal(t, byte('}'), s.Next())
	assert.Equal(t, byte(0), s.Peek(), "at the end")
	assert.Equal(t, byte(0), s.Next(), "past the end")
	_, ok = s.Literal()
	assert.False(t, ok, "past the end")

	var zero Scanner
	assert.Equal(t, byte(0), zero.Peek(), "the zero Scanner walks no text")
	s = NewScanner([]byte(`12`))
	text, ok = s.Literal()
	assert.Equal(t, "12", string(text), "a literal to the end of the text")
	assert.True(t, ok)
}
