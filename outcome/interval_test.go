package outcome_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// TestInterval_JSON checks what Interval's doc says of its JSON: decoding
// fills the fields as given, checking only the method's text, and the zero
// Interval, with no method, does not encode, nor does a result that holds
// one.
func TestInterval_JSON(t *testing.T) {
	var iv outcome.Interval
	// Low above High, a confidence of 7, an unknown field, "low" twice (the
	// last wins): all taken as given.
	require.NoError(t, json.Unmarshal(
		[]byte(`{"estimate":1,"low":2,"high":0,"confidence":7,"method":"wald","colour":"red","low":5}`), &iv))
	assert.Equal(t, outcome.Interval{Estimate: 1, Low: 5, High: 0, Confidence: 7, Method: outcome.IntervalWald}, iv)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"method":"bogus"}`), &iv), outcome.ErrInvalidIntervalMethod)

	for name, v := range map[string]any{
		"Interval": outcome.Interval{}, "ScoreTest": outcome.ScoreTest{},
		"ProportionComparison": outcome.ProportionComparison{},
	} {
		_, err := json.Marshal(v)
		assert.ErrorIs(t, err, outcome.ErrInvalidIntervalMethod, name)
	}
}
