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
