package strictjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMemberError: a member's problem is said at its key as written,
// clipped, in the words of SayUnknownField, SayDuplicateKey and MustBe, and
// wraps the decoder's cause.
func TestMemberError(t *testing.T) {
	long := strings.Repeat("k", 70) // clipped to its first 64 bytes and "..."
	clipped := strings.Repeat("k", 64) + "..."
	cause := errors.New("the decoder's cause")
	tests := []struct {
		name string
		e    MemberError
		want string
	}{
		{"unknown field", MemberError{Problem: UnknownField, Key: "colour"}, `unknown field "colour"`},
		{"unknown field, long", MemberError{Problem: UnknownField, Key: long}, `unknown field "` + clipped + `"`},
		{"the same key twice", MemberError{Problem: DuplicateField, Key: "id", First: "id", Err: cause}, `duplicate object key "id"`},
		{"a key that differs in case", MemberError{Problem: DuplicateField, Key: "ID", First: "id"},
			`duplicate object key "ID" (encoding/json matches it to the same field as "id")`},
		{"a long first key", MemberError{Problem: DuplicateField, Key: "x", First: long},
			`duplicate object key "x" (encoding/json matches it to the same field as "` + clipped + `")`},
		{"a wrong type", MemberError{Problem: WrongType, Key: "rewarded", Want: "true or false", Value: json.RawMessage(`null`)},
			`"rewarded" must be true or false, not null`},
		{"a wrong type, long key", MemberError{Problem: WrongType, Key: long, Want: "a string", Value: json.RawMessage(`7`), Err: cause},
			`"` + clipped + `" must be a string, not the number 7`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.e.Error())
			assert.Equal(t, tt.e.Err, errors.Unwrap(&tt.e))
		})
	}
}
