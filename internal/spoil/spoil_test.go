package spoil

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpoiler(t *testing.T) {
	// Bits 0b10110 spoil values 1, 2 and 4, and 9 of the second byte
	// (0b10): value 1 (1%3 == 1) is 7, value 2 ["x"], value 4 (wrong type
	// not allowed) null, value 9 (9%3 == 0) null; the rest are good, and
	// values past the bits too.
	s := Spoiler{Bits: []byte{0b10110, 0b10}}
	var got []string
	for k := range 12 {
		got = append(got, s.Value("g", k != 4))
	}
	assert.Equal(t, []string{"g", "7", `["x"]`, "g", "null", "g", "g", "g", "g", "null", "g", "g"}, got)
	assert.Equal(t, 4, s.Spoiled())
}

// TestReversed: every object's members are reversed, at any depth,
// through arrays too, whose elements keep their order; keys are written
// as JSON strings again; other values, and text that is not valid JSON,
// are as written.
func TestReversed(t *testing.T) {
	in := `{"a":1, "b":[{"x":{"p":true,"q":null},"y":"s"},2], "c\u00e9":{}}`
	assert.Equal(t, `{"cé":{},"b":[{"y":"s","x":{"q":null,"p":true}},2],"a":1}`, string(Reversed([]byte(in))))
	assert.Equal(t, `[{"b":2,"a":1},[]]`, string(Reversed([]byte(`[{"a":1,"b":2},[]]`))))
	for _, same := range []string{`3`, `"x"`, `{"a":`, `null`, ``} {
		assert.Equal(t, same, string(Reversed([]byte(same))), same)
	}
}
