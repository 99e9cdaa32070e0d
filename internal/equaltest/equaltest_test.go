package equaltest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// item is a toy result: a name, an amount (unexported, a decimal, so
// 1.5 and 1.50 are one amount that reflect.DeepEqual calls two) and tags,
// nil equal to empty.
type item struct {
	Name   string
	amount decimal.Decimal
	Tags   []string
}

func (i item) Equal(o item) bool {
	return i.Name == o.Name && i.amount.Equal(o.amount) && slices.Equal(i.Tags, o.Tags)
}

// forgetful is item's Equal without the tags.
func forgetful(a, b item) bool { return a.Name == b.Name && a.amount.Equal(b.amount) }

func newItem(amount string, tags ...string) item {
	return item{Name: "calls", amount: decimal.RequireFromString(amount), Tags: tags}
}

// good is a case that item's Equal passes: twins at other scales and with
// nil and empty tags, every field changed.
func good() Case[item] {
	return Case[item]{
		Equal: item.Equal,
		Base:  func() item { return newItem("1.5", "a", "b") },
		Twins: []Twins[item]{
			{"1.5 and 1.50", newItem("1.5", "a", "b"), newItem("1.50", "a", "b"), true},
			{"nil and empty tags", newItem("2"), item{Name: "calls", amount: decimal.New(2, 0), Tags: []string{}}, true},
			{"built apart", newItem("1.5", "a"), newItem("1.5", "a"), false},
		},
		Changes: []Change[item]{
			{"Name", "another", func(i *item) { i.Name = "chats" }},
			{"amount", "1.51", func(i *item) { i.amount = decimal.RequireFromString("1.51") }},
			{"Tags", "a tag", func(i *item) { i.Tags[1] = "c" }},
			{"Tags", "none", func(i *item) { i.Tags = nil }},
		},
	}
}

// fakeT records each failure.
type fakeT struct{ failed []string }

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.failed = append(f.failed, fmt.Sprintf(format, args...))
}

// check runs Check on c and returns what it reported.
func check[T any](c Case[T]) []string {
	var f fakeT
	Check(&f, c)
	return f.failed
}

// values is a toy set held by pointer, as hierarchy's Values is.
type values struct {
	v []int
	n int
}

func (s *values) Equal(o *values) bool {
	return s == nil && o == nil || s != nil && o != nil && slices.Equal(s.v, o.v) && s.n == o.n
}

func TestCheckPasses(t *testing.T) {
	assert.Empty(t, check(good()))

	skipped := good()
	skipped.Changes = skipped.Changes[:2]
	skipped.Skipped = []Skip{{"Tags", "changed by another check"}}
	assert.Empty(t, check(skipped), "a field skipped with a reason")

	assert.Empty(t, check(Case[*values]{
		Equal: (*values).Equal,
		Base:  func() *values { return &values{v: []int{1, 2}, n: 2} },
		Twins: []Twins[*values]{{"nil and empty", &values{}, &values{v: []int{}}, true}},
		Changes: []Change[*values]{
			{"v", "a value", func(s **values) { (*s).v[0] = 3 }},
			{"n", "one more", func(s **values) { (*s).n++ }},
		},
	}), "a pointer to a struct: its fields are the struct's")
}

// TestCheckFails: each fault is reported, with messages that name the type
// and the twins, the field or the change at fault, and nothing else.
func TestCheckFails(t *testing.T) {
	const typ = "equaltest: equaltest.item: "
	shared := newItem("1.5", "a", "b")
	calls := 0
	tests := []struct {
		name string
		edit func(*Case[item])
		want []string
	}{
		{"Equal forgets a field", func(c *Case[item]) { c.Equal = forgetful }, []string{
			typ + "change Tags (a tag): Equal(base, changed) is true",
			typ + "change Tags (a tag): Equal(changed, base) is true",
			typ + `change Tags (a tag): the value changed is Equal to twin "1.5 and 1.50"'s A, which the base is Equal to`,
			typ + `change Tags (a tag): the value changed is Equal to twin "1.5 and 1.50"'s B, which the base is Equal to`,
			// Equal without the tags calls the base Equal to the twin with
			// one tag.
			typ + `change Tags (a tag): the value changed is Equal to twin "built apart"'s A, which the base is Equal to`,
			typ + `change Tags (a tag): the value changed is Equal to twin "built apart"'s B, which the base is Equal to`,
			typ + "change Tags (none): Equal(base, changed) is true",
			typ + "change Tags (none): Equal(changed, base) is true",
			typ + `change Tags (none): the value changed is Equal to twin "1.5 and 1.50"'s A, which the base is Equal to`,
			typ + `change Tags (none): the value changed is Equal to twin "1.5 and 1.50"'s B, which the base is Equal to`,
			typ + `change Tags (none): the value changed is Equal to twin "built apart"'s A, which the base is Equal to`,
			typ + `change Tags (none): the value changed is Equal to twin "built apart"'s B, which the base is Equal to`,
		}},
		{"a change alters two fields", func(c *Case[item]) {
			c.Changes[0].Apply = func(i *item) { i.Name, i.Tags = "chats", nil }
		}, []string{typ + "change Name (another) changes Tags too"}},
		{"a field no change names", func(c *Case[item]) { c.Changes = c.Changes[1:] }, []string{
			typ + "no change names field Name, and it is not skipped",
		}},
		{"a change that changes nothing", func(c *Case[item]) { c.Changes[0].Apply = func(*item) {} }, []string{
			typ + "change Name (another) leaves Name as it was (or the values of Base share it)",
		}},
		{"a change of a field T lacks", func(c *Case[item]) {
			c.Changes = append(c.Changes, Change[item]{"Amount", "1.51", func(i *item) { i.amount = decimal.New(151, -2) }})
		}, []string{typ + "change Amount (1.51): equaltest.item has no field Amount"}},
		{"skips gone wrong", func(c *Case[item]) {
			c.Changes = c.Changes[1:]
			c.Skipped = []Skip{{"name", "lower case"}, {"Tags", "changed"}, {"Name", ""}, {"Name", "twice"}}
		}, []string{
			typ + "skipped name: equaltest.item has no field name",
			typ + "Tags is skipped (changed) but a change names it",
			typ + "Name is skipped without a reason",
			typ + "Name is skipped twice",
		}},
		{"twins Equal calls different", func(c *Case[item]) { c.Twins[2].B.Name = "chats" }, []string{
			typ + `twins "built apart": Equal(A, B) is false`,
			typ + `twins "built apart": Equal(B, A) is false`,
			typ + `twins "built apart": reflect.DeepEqual calls them different, but DeepDiffers is false`,
		}},
		{"twins DeepEqual calls equal", func(c *Case[item]) { c.Twins[2].DeepDiffers = true }, []string{
			typ + `twins "built apart": reflect.DeepEqual calls them equal, but DeepDiffers is true`,
		}},
		{"an Equal that is not symmetric", func(c *Case[item]) {
			// Equal(a, b) only where a's amount has no more places than b's.
			c.Equal = func(a, b item) bool { return a.Equal(b) && a.amount.Exponent() >= b.amount.Exponent() }
		}, []string{typ + `twins "1.5 and 1.50": Equal(B, A) is false`}},
		{"an Equal that is not transitive", func(c *Case[item]) {
			// "any" is Equal to every item, and so to the base and to
			// the base with another name.
			c.Equal = func(a, b item) bool { return a.Equal(b) || a.Name == "any" || b.Name == "any" }
			c.Twins = []Twins[item]{{"a wildcard", newItem("1.5", "a", "b"), item{Name: "any"}, true}}
			c.Changes = c.Changes[:1]
			c.Skipped = []Skip{{"amount", "a test"}, {"Tags", "a test"}}
		}, []string{typ + `change Name (another): the value changed is Equal to twin "a wildcard"'s B, which the base is Equal to`}},
		{"a value not Equal to itself", func(c *Case[item]) {
			c.Equal = func(a, b item) bool { return a.Equal(b) && len(a.Tags) != 1 }
		}, []string{
			typ + `twins "built apart": Equal(A, B) is false`,
			typ + `twins "built apart": Equal(B, A) is false`,
			typ + `twins "built apart": one is not Equal to itself`,
		}},
		{"base and changed values not Equal to themselves", func(c *Case[item]) {
			c.Equal = func(a, b item) bool { return a.Equal(b) && a.Name != "chats" && len(a.Tags) != 2 }
		}, []string{
			typ + `twins "1.5 and 1.50": Equal(A, B) is false`,
			typ + `twins "1.5 and 1.50": Equal(B, A) is false`,
			typ + `twins "1.5 and 1.50": one is not Equal to itself`,
			typ + "a value of Base is not Equal to itself",
			typ + "two values of Base are not Equal",
			typ + "change Name (another): the value changed is not Equal to itself",
			// Two tags still, or none.
			typ + "change amount (1.51): the value changed is not Equal to itself",
			typ + "change Tags (a tag): the value changed is not Equal to itself",
		}},
		{"a base built otherwise each time", func(c *Case[item]) {
			c.Base = func() item { calls++; return newItem("1.5", "a", fmt.Sprint(calls)) }
		}, []string{
			typ + "two values of Base differ in Tags (reflect.DeepEqual): Base must build the same value each time",
			typ + "two values of Base are not Equal",
		}},
		{"a base that shares its tags", func(c *Case[item]) { c.Base = func() item { return shared } }, []string{
			typ + "change Tags (a tag) leaves Tags as it was (or the values of Base share it)",
		}},
		{"no Equal", func(c *Case[item]) { c.Equal = nil }, []string{typ + "the case has no Equal or no Base"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.edit(&c)
			assert.Equal(t, tt.want, check(c))
		})
	}
}

// TestCheckFails_types: a type that is no struct, and pointers that are
// nil, are reported.
func TestCheckFails_types(t *testing.T) {
	assert.Equal(t, []string{"equaltest: int is not a struct or a pointer to one"},
		check(Case[int]{Equal: func(a, b int) bool { return a == b }, Base: func() int { return 1 }}))

	const typ = "equaltest: *equaltest.values: "
	c := Case[*values]{
		Equal:   (*values).Equal,
		Base:    func() *values { return nil },
		Changes: []Change[*values]{{"v", "gone", func(s **values) { *s = nil }}},
		Skipped: []Skip{{"n", "a count"}},
	}
	assert.Equal(t, []string{typ + "Base returned a nil pointer"}, check(c))
	c.Base = func() *values { return &values{v: []int{1}, n: 1} }
	assert.Equal(t, []string{typ + "change v (gone) makes a nil pointer"}, check(c))
}
