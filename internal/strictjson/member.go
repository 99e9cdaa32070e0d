package strictjson

import (
	"encoding/json"
	"strconv"

	"github.com/cxmodel/cx/internal/msg"
)

// MemberProblem says what is wrong with a member of a JSON object, as a
// [MemberError] reports it.
type MemberProblem uint8

// The problems of a member of a JSON object.
const (
	// UnknownField is a key that names no field.
	UnknownField MemberProblem = iota + 1
	// DuplicateField is a field given again, under the same key or one
	// that encoding/json matches to the same field ([Field]).
	DuplicateField
	// WrongType is a value of the wrong JSON type, null included.
	WrongType
)

// MemberError is the cause a decoder gives a problem of the JSON form of a
// member of the object it decodes, which it says in its own words, so that
// a decoder that reads that object as a value of its own (a hierarchy's
// node's metric, which outcome decodes) can say the problem again at the
// member's whole JSON path: what is wrong, the member's key, and what the
// problem's words need. It wraps Err, the decoder's own cause, if any.
type MemberError struct {
	Problem MemberProblem
	Key     string          // the member's key, unescaped, as written
	First   string          // for DuplicateField, the key of the field's first member, as written
	Want    string          // for WrongType, what the value must be: "a string", "true or false"
	Value   json.RawMessage // for WrongType, the value
	Err     error           // the decoder's cause; nil for none
}

// Error says the problem at the member's key, as [SayUnknownField],
// [SayDuplicateKey] and [MustBe] say it: `unknown field "colour"`.
func (e *MemberError) Error() string {
	at := msg.Clip(e.Key, msg.MaxQuoted)
	switch e.Problem {
	case UnknownField:
		return SayUnknownField(at)
	case DuplicateField:
		return SayDuplicateKey(at, e.Key, e.First)
	}
	return MustBe(strconv.Quote(at), e.Want, Describe(e.Value))
}

// Unwrap returns the decoder's cause, if any.
func (e *MemberError) Unwrap() error { return e.Err }

// SayUnknownField says that the key at the JSON path at names no field:
// `unknown field "nodes[0].colour"`.
func SayUnknownField(at string) string { return "unknown field " + strconv.Quote(at) }

// SayDuplicateKey says that the member at the JSON path at, whose key is
// key, gives again a field whose first member's key is first: `duplicate
// object key "nodes[0].id"`, or, when the keys differ (in case, as
// encoding/json matches keys to fields), `duplicate object key
// "nodes[0].ID" (encoding/json matches it to the same field as "id")`. at
// is clipped by its caller; first is clipped here to [msg.MaxQuoted] bytes.
func SayDuplicateKey(at, key, first string) string {
	what := "duplicate object key " + strconv.Quote(at)
	if first != key {
		what += " (encoding/json matches it to the same field as " + strconv.Quote(msg.Clip(first, msg.MaxQuoted)) + ")"
	}
	return what
}
