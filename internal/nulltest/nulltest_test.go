package nulltest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPaths(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"none", `{"from":"a","paths":[],"complete":true,"n":1,"s":"null"}`, nil},
		{"a list", `{"from":"a","paths":null}`, []string{"paths"}},
		{"keys sorted, then elements in order", `{"z":null,"a":[1,null,{"ids":null}]}`, []string{"a[1]", "a[2].ids", "z"}},
		{"the whole", `null`, []string{""}},
		{"in an array", `[null,[null]]`, []string{"[0]", "[1][0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Paths([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := Paths([]byte(`{`))
	assert.ErrorContains(t, err, "nulltest: unexpected end of JSON input")
}
