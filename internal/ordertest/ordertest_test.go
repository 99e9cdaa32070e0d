package ordertest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// toy decodes an object into the text of each member's value by its key;
// a member whose value is a string is a problem, "toy: "k" is a string",
// naming its key, and the problems come sorted by key, so that the order of
// the members changes nothing. vary names the one thing that follows the
// first member's key instead, the key the reversed text changes: "value"
// (a member more), "fail" (an error when it is "b"), "order" (the problems
// in the order of the members), "count" (a problem more when it is "b",
// within the last, not in the error's text), "code", "ids" (the first
// problem's), "message" (the first problem's, each problem's text masked
// as "toy: a problem"), "text" (the error's text only, not a problem's);
// "" none.
type toy struct {
	vary  string
	calls int
}

func (d *toy) decode(data []byte) (map[string]string, error) {
	d.calls++
	members, err := strictjson.Members(data)
	if err != nil {
		return nil, outcome.NewError(outcome.ErrInvalidJSON, nil, "toy: not an object")
	}
	first := ""
	if len(members) > 0 {
		first = members[0].Key
	}
	v := make(map[string]string)
	var probs []*outcome.Error
	for _, m := range members {
		v[m.Key] = string(m.Value)
		if strings.HasPrefix(string(m.Value), `"`) {
			probs = append(probs, outcome.NewError(outcome.ErrInvalidJSON, []string{m.Key}, "toy: %q is a string", m.Key))
		}
	}
	if d.vary != "order" {
		slices.SortFunc(probs, func(a, b *outcome.Error) int { return strings.Compare(a.IDs[0], b.IDs[0]) })
	}
	switch {
	case d.vary == "value":
		v["first"] = first
	case d.vary == "fail" && first == "b":
		return nil, outcome.NewError(outcome.ErrInvalidJSON, nil, "toy: b first")
	case len(probs) == 0:
	case d.vary == "code":
		probs[0].Code = outcome.Code(first)
	case d.vary == "ids":
		probs[0].IDs = append(probs[0].IDs, first)
	case d.vary == "message":
		probs[0].Message += " " + first
	}
	if len(probs) == 0 {
		return v, nil
	}
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = p
		if d.vary == "message" {
			errs[i] = masked{"toy: a problem", p}
		}
	}
	if d.vary == "count" && first == "b" {
		last := probs[len(probs)-1]
		extra := outcome.NewError(outcome.ErrInvalidJSON, nil, "toy: b first")
		errs[len(errs)-1] = masked{last.Message, errors.Join(last, extra)}
	}
	if d.vary == "text" {
		errs = append(errs, errors.New("toy: first "+first))
	}
	return nil, errors.Join(errs...)
}

// masked is err said as text: a problem, or two, whose text does not say
// what they are.
type masked struct {
	text string
	err  error
}

func (m masked) Error() string { return m.text }
func (m masked) Unwrap() error { return m.err }

// fakeT records each failure; Fatalf returns, and Check returns after it.
type fakeT struct{ failed []string }

func (f *fakeT) Helper() {}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = append(f.failed, fmt.Sprintf(format, args...))
}

// check runs Check with d on in, and returns what it reported.
func check(d *toy, in string) []string {
	var f fakeT
	Check(&f, []byte(in), d.decode, maps.Equal)
	return f.failed
}

// TestCheckPasses: a decoder that reads its objects alike in any order
// passes on data that decodes, data with problems, and data that is no
// object, each decoded twice, as written and reversed.
func TestCheckPasses(t *testing.T) {
	for _, in := range []string{`{"a":1,"b":true}`, `{"b":"x","a":"y","c":1}`, `{}`, `{`, `[1]`} {
		d := toy{}
		assert.Empty(t, check(&d, in), "%s", in)
		assert.Equal(t, 2, d.calls, "%s", in)
	}
}

// TestCheckFails: a decoder in which one thing follows the order of the
// members fails Check, with one failure that says how the two differ; the
// reversed text is `{"b":...,"a":...}`.
func TestCheckFails(t *testing.T) {
	const values, problems = `{"a":1,"b":2}`, `{"a":"x","b":"y"}`
	tests := []struct {
		vary, in, want string
	}{
		{"value", values, `{"a":1,"b":2} and {"b":2,"a":1}, the same with their members reversed, decode to different values`},
		{"fail", values, `{"a":1,"b":2} and {"b":2,"a":1}, the same with their members reversed, decode with errors <nil> and toy: b first`},
		{"order", problems, "decode with different problems:\n" +
			`toy: "a" is a string` + "\n" + `toy: "b" is a string` + "\n--\n" + `toy: "b" is a string` + "\n" + `toy: "a" is a string`},
		{"count", problems, "decode with different problems"},
		{"code", problems, "decode with different problems"},
		{"ids", problems, "decode with different problems"},
		{"message", problems, "decode with different problems"},
		{"text", problems, "decode with different problems:\n" +
			`toy: "a" is a string` + "\n" + `toy: "b" is a string` + "\ntoy: first a\n--\n" +
			`toy: "a" is a string` + "\n" + `toy: "b" is a string` + "\ntoy: first b"},
	}
	for _, tt := range tests {
		t.Run(tt.vary, func(t *testing.T) {
			failed := check(&toy{vary: tt.vary}, tt.in)
			require.Len(t, failed, 1)
			assert.Contains(t, failed[0], tt.want)
		})
	}
}

// TestCheckSkipsKeysGivenTwice: data with a key given twice in an object,
// at any depth, or two keys encoding/json matches to one field ("a" and
// "A"), is neither checked nor decoded, a number no float64 holds beside it
// included, while the same data with the key once is.
func TestCheckSkipsKeysGivenTwice(t *testing.T) {
	for _, in := range []string{`{"b":"x","a":"y","a":1}`, `{"b":"x","c":{"a":1,"a":2}}`, `{"b":"x","A":"y","a":1}`,
		`{"b":"x","a":1e999,"a":"y"}`,
		// A string that is not UTF-8 elsewhere, which a decoder of lists
		// reports for its own element, hides no key given twice.
		"{\"b\":\"x\",\"c\":{\"a\":1,\"a\":2},\"d\":\"\xff\"}"} {
		d := toy{vary: "order"}
		assert.Empty(t, check(&d, in), "%s", in)
		assert.Zero(t, d.calls, "%s", in)
	}
	d := toy{vary: "order"}
	assert.Len(t, check(&d, `{"b":"x","a":1e999,"c":"y"}`), 1)
	assert.Equal(t, 2, d.calls)
}

// value is a toy type whose UnmarshalJSON keeps data's text, or refuses
// "x".
type value struct{ text string }

func (v *value) UnmarshalJSON(data []byte) error {
	if string(data) == `"x"` {
		return outcome.NewError(outcome.ErrInvalidJSON, nil, "value: x")
	}
	v.text = string(data)
	return nil
}

// TestUnmarshal: Unmarshal decodes with the type's UnmarshalJSON, into a
// zero value, and returns its error.
func TestUnmarshal(t *testing.T) {
	v, err := Unmarshal[value]([]byte(`{"a":1}`))
	assert.NoError(t, err)
	assert.Equal(t, value{`{"a":1}`}, v)
	_, err = Unmarshal[value]([]byte(`"x"`))
	assert.EqualError(t, err, "value: x")
	var f fakeT
	Check(&f, []byte(`{"a":1,"b":2}`), Unmarshal[value], func(a, b value) bool { return a == b })
	assert.Equal(t, []string{`{"a":1,"b":2} and {"b":2,"a":1}, the same with their members reversed, decode to different values`}, f.failed)
}
