package outcome_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cxmodel/cx/outcome"
)

// TestInterval_JSON checks what Interval's doc says of its JSON: the zero
// Interval, with no method, does not encode, nor does a result that holds
// one (decoding: TestInterval_UnmarshalJSON).
func TestInterval_JSON(t *testing.T) {
	for name, v := range map[string]any{
		"Interval": outcome.Interval{}, "ScoreTest": outcome.ScoreTest{},
		"ProportionComparison": outcome.ProportionComparison{},
	} {
		_, err := json.Marshal(v)
		assert.ErrorIs(t, err, outcome.ErrInvalidIntervalMethod, name)
	}
}
