// Package equaltest is for the module's tests: it checks the Equal method
// of a struct type (STYLE rule 6) against values built for it, and that a
// test changes every field of the type, so that a field Equal forgets, or
// one added to the type without a change, fails the test. No library
// package imports it, and it imports none of the module's packages, so
// that the tests of every package, outcome's included, can use it.
package equaltest

import (
	"reflect"
	"unsafe"
)

// TB is the part of testing.TB that [Check] uses; *testing.T is one.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Twins are two values of T built apart with the same content, which Equal
// must call equal. DeepDiffers says whether reflect.DeepEqual calls them
// different: it does where their decimals are at other scales (1.5 and
// 1.50), a list is nil in one and empty in the other, or each holds a
// model built on its own, which is why T has an Equal.
type Twins[T any] struct {
	Name        string
	A, B        T
	DeepDiffers bool
}

// Change changes one field of a value of T: Field is the field's Go name
// (exported or not), What says what the change is, and Apply makes it in
// place.
type Change[T any] struct {
	Field string
	What  string
	Apply func(*T)
}

// Skip names a field of T that no change names, and says why (Why must not
// be empty): a field whose change would not change the value that Equal
// compares, as a sum kept while computing, or one that another Check
// changes.
type Skip struct {
	Field string
	Why   string
}

// Case is what [Check] checks. T must be a struct type or a pointer to one
// (as *hierarchy.Values); its fields are the struct's.
type Case[T any] struct {
	// Equal is T's Equal, as a function: Rating.Equal, (*Values).Equal.
	Equal func(a, b T) bool
	// Base returns a new value each time it is called, the same value
	// field by field (reflect.DeepEqual) and sharing nothing that a change
	// alters with any other value it returned: a change is made to one
	// value of Base and compared with another.
	Base func() T
	// Twins are pairs built apart with the same content.
	Twins []Twins[T]
	// Changes change the fields of values of Base, one field each; a field
	// may be named by several.
	Changes []Change[T]
	// Skipped are the fields no change names, each with its reason.
	Skipped []Skip
}

// Check checks c, reporting each problem with one call of t.Errorf that
// names T, and the twins, the field or the change at fault:
//
//   - each pair of twins is Equal both ways, each of the two is Equal to
//     itself, and reflect.DeepEqual calls them different exactly when
//     DeepDiffers says so;
//   - two values of Base are reflect.DeepEqual, field by field, and Equal
//     to each other and each to itself;
//   - every field of T is named by a change or skipped, once, with a
//     reason, and no change and no skip names a field T does not have;
//   - each change, made to a value of Base, changes its field and no
//     other, compared with another value of Base (the other fields stay
//     reflect.DeepEqual, unexported ones read through reflect.NewAt), and
//     gives a value that is Equal to itself but, neither way, to the base
//     or to a twin that the base is Equal to (either way round).
//
// A change that changes no field, or another field too, is not compared
// with Equal, nor is any change when two values of Base differ. Check
// cannot see a change made to memory that the values of Base share (a
// Base that returns one value's copies, which share its lists): the
// change is then made to both, and its field is reported as left as it
// was, or the change of another field is missed; Base must share nothing.
func Check[T any](t TB, c Case[T]) {
	t.Helper()
	typ := reflect.TypeFor[T]()
	st := typ
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() != reflect.Struct {
		t.Errorf("equaltest: %s is not a struct or a pointer to one", typ)
		return
	}
	if c.Equal == nil || c.Base == nil {
		t.Errorf("equaltest: %s: the case has no Equal or no Base", typ)
		return
	}

	for _, tw := range c.Twins {
		if !c.Equal(tw.A, tw.B) {
			t.Errorf("equaltest: %s: twins %q: Equal(A, B) is false", typ, tw.Name)
		}
		if !c.Equal(tw.B, tw.A) {
			t.Errorf("equaltest: %s: twins %q: Equal(B, A) is false", typ, tw.Name)
		}
		if !c.Equal(tw.A, tw.A) || !c.Equal(tw.B, tw.B) {
			t.Errorf("equaltest: %s: twins %q: one is not Equal to itself", typ, tw.Name)
		}
		if differs := !reflect.DeepEqual(tw.A, tw.B); differs != tw.DeepDiffers {
			t.Errorf("equaltest: %s: twins %q: reflect.DeepEqual calls them %s, but DeepDiffers is %v",
				typ, tw.Name, map[bool]string{true: "different", false: "equal"}[differs], tw.DeepDiffers)
		}
	}

	base, fresh := c.Base(), c.Base()
	vb, vf := fields(base), fields(fresh)
	if !vb.IsValid() || !vf.IsValid() {
		t.Errorf("equaltest: %s: Base returned a nil pointer", typ)
		return
	}
	stable := true
	for i := range st.NumField() {
		if !reflect.DeepEqual(field(vb, i), field(vf, i)) {
			t.Errorf("equaltest: %s: two values of Base differ in %s (reflect.DeepEqual): Base must build the same value each time", typ, st.Field(i).Name)
			stable = false
		}
	}
	if !c.Equal(base, base) {
		t.Errorf("equaltest: %s: a value of Base is not Equal to itself", typ)
	}
	if !c.Equal(base, fresh) || !c.Equal(fresh, base) {
		t.Errorf("equaltest: %s: two values of Base are not Equal", typ)
	}

	checkNames(t, typ, st, c)
	if !stable {
		return
	}
	for _, ch := range c.Changes {
		checkChange(t, typ, st, c, ch)
	}
}

// checkNames checks that the changes and the skips name every field of st
// and none it does not have, and each skipped field once, with a reason.
func checkNames[T any](t TB, typ, st reflect.Type, c Case[T]) {
	t.Helper()
	changed := map[string]bool{}
	for _, ch := range c.Changes {
		if !hasField(st, ch.Field) {
			t.Errorf("equaltest: %s: change %s (%s): %s has no field %s", typ, ch.Field, ch.What, typ, ch.Field)
		}
		changed[ch.Field] = true
	}
	skipped := map[string]bool{}
	for _, s := range c.Skipped {
		switch {
		case !hasField(st, s.Field):
			t.Errorf("equaltest: %s: skipped %s: %s has no field %s", typ, s.Field, typ, s.Field)
		case skipped[s.Field]:
			t.Errorf("equaltest: %s: %s is skipped twice", typ, s.Field)
		case changed[s.Field]:
			t.Errorf("equaltest: %s: %s is skipped (%s) but a change names it", typ, s.Field, s.Why)
		case s.Why == "":
			t.Errorf("equaltest: %s: %s is skipped without a reason", typ, s.Field)
		}
		skipped[s.Field] = true
	}
	for i := range st.NumField() {
		if name := st.Field(i).Name; !changed[name] && !skipped[name] {
			t.Errorf("equaltest: %s: no change names field %s, and it is not skipped", typ, name)
		}
	}
}

// checkChange makes ch to a value of c.Base and checks it.
func checkChange[T any](t TB, typ, st reflect.Type, c Case[T], ch Change[T]) {
	t.Helper()
	if !hasField(st, ch.Field) {
		return // reported by checkNames
	}
	orig, x := c.Base(), c.Base()
	ch.Apply(&x)
	vo, vx := fields(orig), fields(x)
	if !vx.IsValid() {
		t.Errorf("equaltest: %s: change %s (%s) makes a nil pointer", typ, ch.Field, ch.What)
		return
	}
	alone := true
	for i := range st.NumField() {
		same := reflect.DeepEqual(field(vo, i), field(vx, i))
		switch name := st.Field(i).Name; {
		case name == ch.Field && same:
			t.Errorf("equaltest: %s: change %s (%s) leaves %s as it was (or the values of Base share it)", typ, ch.Field, ch.What, name)
			alone = false
		case name != ch.Field && !same:
			t.Errorf("equaltest: %s: change %s (%s) changes %s too", typ, ch.Field, ch.What, name)
			alone = false
		}
	}
	if !alone {
		return
	}
	if !c.Equal(x, x) {
		t.Errorf("equaltest: %s: change %s (%s): the value changed is not Equal to itself", typ, ch.Field, ch.What)
	}
	if c.Equal(orig, x) {
		t.Errorf("equaltest: %s: change %s (%s): Equal(base, changed) is true", typ, ch.Field, ch.What)
	}
	if c.Equal(x, orig) {
		t.Errorf("equaltest: %s: change %s (%s): Equal(changed, base) is true", typ, ch.Field, ch.What)
	}
	for _, tw := range c.Twins {
		for _, v := range []struct {
			name string
			v    T
		}{{"A", tw.A}, {"B", tw.B}} {
			if !c.Equal(orig, v.v) && !c.Equal(v.v, orig) {
				continue
			}
			if c.Equal(x, v.v) || c.Equal(v.v, x) {
				t.Errorf("equaltest: %s: change %s (%s): the value changed is Equal to twin %q's %s, which the base is Equal to",
					typ, ch.Field, ch.What, tw.Name, v.name)
			}
		}
	}
}

// hasField reports whether the struct type st has a field named name, of
// its own: a field of a struct it embeds is the embedded field's.
func hasField(st reflect.Type, name string) bool {
	for i := range st.NumField() {
		if st.Field(i).Name == name {
			return true
		}
	}
	return false
}

// fields returns the struct that v is or points to, addressable so that
// [field] can read its unexported fields; the zero Value for a nil
// pointer.
func fields[T any](v T) reflect.Value {
	rv := reflect.ValueOf(&v).Elem()
	if rv.Kind() == reflect.Pointer {
		return rv.Elem()
	}
	return rv
}

// field returns field i of the addressable struct v, exported or not.
func field(v reflect.Value, i int) any {
	f := v.Field(i)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
}
