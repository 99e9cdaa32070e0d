package triplecrown_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/triplecrown"
)

// TestJSON_emptyListsAreNotNull marshals every result and definition the
// package writes in its empty-list state and pins the JSON: an empty list is
// written [], never null, so that a dashboard can take its length. The table
// names each type and list field; each JSON is worked out from the field's
// tags. The package's other lists cannot be empty where they are written: a
// roll-up's units and contributions' items (their zero values are errors,
// and their decoders refuse none), a score's three crowns (an array).
func TestJSON_emptyListsAreNotNull(t *testing.T) {
	tests := []struct {
		name string // type.field
		v    any
		want string
	}{
		{"Group.Units (zero)", triplecrown.Group{}, `{"id":"","units":[]}`},
		{"Group.Units", triplecrown.Group{ID: "north"}, `{"id":"north","units":[]}`},
		{"[]Group, Group.Units", []triplecrown.Group{{ID: "north", Units: []string{"a"}}, {ID: "south"}},
			`[{"id":"north","units":["a"]},{"id":"south","units":[]}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
		})
	}
	// Group.UnmarshalJSON refuses null units, as the package refuses null
	// everywhere ([] is none), where encoding/json read them as none.
	var g triplecrown.Group
	assert.EqualError(t, json.Unmarshal([]byte(`{"id":"north","units":null}`), &g),
		`triplecrown: group "north": invalid JSON: "units" must be an array, not null`)
}
