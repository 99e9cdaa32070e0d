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
		s := scanner{data: []byte(in)}
		if in == `}` {
			s.i = 1 // past the end
		}
		assert.False(t, s.value(), "value(%q)", in)
	}
	for _, in := range []string{`abc`, `"abc`, `"\u00zz"`} {
		s := scanner{data: []byte(in)}
		_, err := s.key()
		assert.Error(t, err, "key(%q)", in)
	}
	s := scanner{data: []byte(`"\u00zz" "ok"`)}
	_, err := s.unquote(0)
	assert.Error(t, err)
	_, err = s.unquote(5)
	assert.Error(t, err, "no string at 5")
	assert.Error(t, s.duplicate(9, 0), "the second key does not unquote")
	s = scanner{data: []byte(`"ok" "\u00zz"`)}
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
