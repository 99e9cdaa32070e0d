package jsondecode

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
