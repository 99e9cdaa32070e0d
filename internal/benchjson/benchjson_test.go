package benchjson_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/benchjson"
)

func TestCount(t *testing.T) {
	assert.NoError(t, benchjson.Count(3, 3, nil))
	assert.EqualError(t, benchjson.Count(2, 3, nil), "2 read, want 3")
	failed := errors.New("failed")
	assert.Equal(t, failed, benchjson.Count(2, 3, failed), "the decoder's error first")
}

func TestLenient(t *testing.T) {
	var got []benchjson.Metric
	impl := benchjson.Lenient(func(ms *[]benchjson.Metric) error {
		got = *ms
		return benchjson.Count(len(*ms), 1, nil)
	})
	assert.Equal(t, "encoding-json", impl.Name)
	require.NoError(t, impl.Decode([]byte(`[{"id":"fcr","name":"First contact resolution","level":"outcome","direction":"higher-is-better","rewarded":true}]`)))
	assert.Equal(t, []benchjson.Metric{{ID: "fcr", Name: "First contact resolution", Level: "outcome",
		Direction: "higher-is-better", Rewarded: true}}, got)
	assert.EqualError(t, impl.Decode([]byte(`[]`)), "0 read, want 1")
	assert.Error(t, impl.Decode([]byte(`{`)), "encoding/json's error")
}

// TestRun runs each implementation as its own sub-benchmark, once per
// iteration, with the text's bytes, and fails on an error.
func TestRun(t *testing.T) {
	data := []byte(`[1,2]`)
	calls := map[string]int{}
	testing.Benchmark(func(b *testing.B) {
		benchjson.Run(b, data,
			benchjson.Impl{Name: "a", Decode: func(d []byte) error { calls["a"]++; return benchjson.Count(len(d), 5, nil) }},
			benchjson.Impl{Name: "b", Decode: func(d []byte) error { calls["b"]++; return nil }})
	})
	assert.Positive(t, calls["a"])
	assert.Positive(t, calls["b"])

	var failed bool
	testing.Benchmark(func(b *testing.B) {
		benchjson.Run(b, data, benchjson.Impl{Name: "bad", Decode: func([]byte) error { return errors.New("bad") }})
		failed = b.Failed()
	})
	assert.True(t, failed, "an error fails the benchmark")
}
