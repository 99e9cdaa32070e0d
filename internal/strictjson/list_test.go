package strictjson

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestList: nil is written [], a list with elements as it is, and an empty
// non-nil list stays [].
func TestList(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{{nil, `[]`}, {[]string{}, `[]`}, {[]string{"a", "b"}, `["a","b"]`}} {
		out, err := json.Marshal(List(tt.in))
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(out))
	}
	s := []int{1, 2}
	assert.Same(t, &s[0], &List(s)[0], "a list with elements is not copied")
	assert.Zero(t, testing.AllocsPerRun(10, func() { _ = List[int](nil) }))
}
