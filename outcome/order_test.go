package outcome

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/cxmodel/cx/internal/spoil"
	"github.com/cxmodel/cx/internal/strictjson"
)

// CheckOrderFree fails t unless data and data with the members of every
// object reversed ([spoil.Reversed]) decode alike with T's UnmarshalJSON:
// to equal values, or with the same problems (code, IDs and message) in
// the same order. Data with a key given twice in an object (as
// [strictjson.Decode] refuses it, case variants included) is not checked:
// which member of a field comes first, the one read, is the text's order.
// The keys are checked in a json.RawMessage, which holds any value: in an
// any, a number no float64 holds (1e999) fails first and hides them.
// It is exported for the fuzzers of package outcome_test.
func CheckOrderFree[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte, equal func(T, T) bool) {
	t.Helper()
	if errors.Is(strictjson.Decode(data, new(json.RawMessage)), strictjson.ErrDuplicateKey) {
		return
	}
	back := spoil.Reversed(data)
	var a, b T
	errA, errB := PT(&a).UnmarshalJSON(data), PT(&b).UnmarshalJSON(back)
	if errA == nil && errB == nil {
		if !equal(a, b) {
			t.Fatalf("%s and %s decode to different values", data, back)
		}
		return
	}
	pa, pb := Problems(errA), Problems(errB)
	same := len(pa) == len(pb)
	for i := 0; same && i < len(pa); i++ {
		same = pa[i].Code == pb[i].Code && slices.Equal(pa[i].IDs, pb[i].IDs) && pa[i].Message == pb[i].Message
	}
	if !same {
		t.Fatalf("%s and %s, the same with their members reversed, decode with different problems:\n%v\n--\n%v", data, back, errA, errB)
	}
}
