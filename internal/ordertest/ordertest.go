// Package ordertest is for the module's fuzz tests: it checks that a JSON
// decoder reads data and the same data with the members of every object in
// reverse order ([spoil.Reversed]) alike, to equal values or with the same
// problems in the same order, as every decoder of a definition promises.
// No library package imports it; outcome's own tests use it from package
// outcome_test, as it imports outcome.
package ordertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// TB is the part of testing.TB that [Check] uses; *testing.T is one.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Check fails t, with one call of Fatalf, unless data and back, data with
// the members of every object reversed ([spoil.Reversed]), decode alike
// with decode: both without an error, to values equal says are equal; or
// both with an error, the two with the same text and the same
// [outcome.Problems], in the same order, each with the same code, IDs and
// message. Data with a key given twice in an object, as [strictjson.Decode]
// refuses it (case variants included), is not checked, nor decoded: which
// member of a field is read, the first or the last, is the text's order.
// The keys are looked for with the text's invalid UTF-8 replaced, so that a
// string that is not UTF-8 in one element of a list, which a decoder of
// lists reports for that element alone, does not hide a key given twice in
// another.
// The keys are looked for in a json.RawMessage, which holds any value: in
// an any, a number no float64 holds (1e999) fails first and hides them.
func Check[T any](t TB, data []byte, decode func([]byte) (T, error), equal func(a, b T) bool) {
	t.Helper()
	if errors.Is(strictjson.Decode(bytes.ToValidUTF8(data, []byte("\uFFFD")), new(json.RawMessage)), strictjson.ErrDuplicateKey) {
		return
	}
	back := spoil.Reversed(data)
	a, errA := decode(data)
	b, errB := decode(back)
	switch {
	case errA == nil && errB == nil:
		if !equal(a, b) {
			t.Fatalf("%s and %s, the same with their members reversed, decode to different values", data, back)
		}
		return
	case errA == nil || errB == nil:
		t.Fatalf("%s and %s, the same with their members reversed, decode with errors %v and %v", data, back, errA, errB)
		return
	}
	pa, pb := outcome.Problems(errA), outcome.Problems(errB)
	same := len(pa) == len(pb) && errA.Error() == errB.Error()
	for i := 0; same && i < len(pa); i++ {
		same = pa[i].Code == pb[i].Code && slices.Equal(pa[i].IDs, pb[i].IDs) && pa[i].Message == pb[i].Message
	}
	if !same {
		t.Fatalf("%s and %s, the same with their members reversed, decode with different problems:\n%v\n--\n%v", data, back, errA, errB)
	}
}

// Unmarshal returns the T that data decodes to with T's UnmarshalJSON,
// called on a zero T, and its error: a decode function for [Check].
func Unmarshal[T any, PT interface {
	*T
	json.Unmarshaler
}](data []byte) (T, error) {
	var v T
	err := PT(&v).UnmarshalJSON(data)
	return v, err
}
