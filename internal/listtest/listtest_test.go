package listtest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/jsondecode"
	"github.com/cxmodel/cx/outcome"
)

// item is a toy definition: an object with a name, which must not be empty.
type item struct{ Name string }

func (it *item) UnmarshalJSON(data []byte) error {
	var in struct {
		Name string `json:"name"`
	}
	if err := jsondecode.Decode("toy", data, &in); err != nil {
		return err
	}
	if in.Name == "" {
		return outcome.NewError(outcome.ErrEmptyName, nil, "toy: an item has no name")
	}
	it.Name = in.Name
	return nil
}

func decodeItems(data []byte) ([]item, error) {
	return jsondecode.List("toy", "items", "an item", data, func(raw []byte) (item, error) {
		var it item
		err := it.UnmarshalJSON(raw)
		return it, err
	})
}

// good describes decodeItems rightly.
func good() Decoder[item] {
	return Decoder[item]{
		Prefix:   "toy: items",
		Null:     "an item cannot be null",
		List:     decodeItems,
		Element:  (*item).UnmarshalJSON,
		Equal:    func(a, b item) bool { return a == b },
		Bare:     func(m string) string { return strings.TrimPrefix(m, "toy: ") },
		Problems: func(TB, error) {},
	}
}

// fakeT records the first failure; Fatalf returns, and Check returns after
// it.
type fakeT struct{ failed string }

func (f *fakeT) Helper() {}
func (f *fakeT) Fatalf(format string, args ...any) {
	if f.failed == "" {
		f.failed = fmt.Sprintf(format, args...)
	}
}

// TestCheckPasses: a list decoder that keeps its promise passes on a list
// that decodes, one with bad and null elements, and data that is no list.
func TestCheckPasses(t *testing.T) {
	for _, in := range []string{`[{"name":"a"},{"name":"b"}]`, `[]`, `[{"name":"a"},{},null,{"name":5}]`, `null`, `{}`, `[`} {
		var f fakeT
		Check(&f, good(), in)
		if f.failed != "" {
			t.Errorf("%s: %s", in, f.failed)
		}
	}
}

// TestCheckFails: each broken promise fails Check with its own message.
func TestCheckFails(t *testing.T) {
	problem := func(msgs ...string) error {
		var errs []error
		for _, m := range msgs {
			errs = append(errs, outcome.NewError(outcome.ErrInvalidJSON, nil, "%s", m))
		}
		return errors.Join(errs...)
	}
	tests := []struct {
		name string
		in   string
		edit func(*Decoder[item])
		want string
	}{
		{"a non-list decodes", `{}`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return []item{}, nil }
		}, "is not a list, but decoded"},
		{"a non-list gives two problems", `{}`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return nil, problem("a", "b") }
		}, "want one invalid-json problem with no ID"},
		{"a good list fails", `[{"name":"a"}]`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return nil, problem("no") }
		}, "every element decodes alone, but the list"},
		{"json.Unmarshal disagrees", `[{"name":"a","x":1}]`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return []item{{"a"}}, nil }
			d.Element = func(it *item, _ []byte) error { it.Name = "a"; return nil }
		}, "json.Unmarshal does not decode the list"},
		{"an element differs", `[{"name":"a"}]`, func(d *Decoder[item]) {
			d.Equal = func(a, b item) bool { return false }
		}, "element 0 differs from its own decoding"},
		{"elements with problems", `[{}]`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return []item{{}}, problem("x") }
		}, "elements returned with problems"},
		{"a problem missing", `[{},{}]`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return nil, problem("toy: items[0]: an item has no name") }
		}, "1 problems, want 2"},
		{"a problem's words", `[{}]`, func(d *Decoder[item]) {
			d.List = func([]byte) ([]item, error) { return nil, problem("toy: items[0]: nameless") }
		}, `problem 0 is invalid-json [] "toy: items[0]: nameless", want empty-name [] "toy: items[0]: an item has no name"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good()
			tt.edit(&d)
			var f fakeT
			Check(&f, d, tt.in)
			if !strings.Contains(f.failed, tt.want) {
				t.Errorf("failure %q, want one containing %q", f.failed, tt.want)
			}
		})
	}
}
