package strictjson

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// Placed is a member of a JSON object placed in the order of the object's
// fields ([InFieldOrder]).
type Placed struct {
	Member
	// Field is the index in names of the field that the member's key names
	// ([Field]); -1 if it names none.
	Field int
	// First is the position, in the order InFieldOrder returns, of the
	// first member of the same field, the one read: the member's own
	// position if it is that member, or if its key names no field.
	First int
}

// InFieldOrder returns members, the members of a JSON object whose fields
// are names (a struct's JSON field names, in order), in the order of its
// fields rather than of its keys, so that a decoder that reports the
// problems of an object in this order reports them in the same order
// however the members are written: for each field in turn, the members
// whose keys name it ([Field]), in the order of the keys (the first is the
// one read; any other is the field given again); then the members whose
// keys name no field, sorted by key (byte by byte; equal keys in the order
// they come).
func InFieldOrder(members []Member, names []string) []Placed {
	out := make([]Placed, 0, len(members))
	at := make([]int, len(members)) // each member's position in out
	WalkInFieldOrder(members, names, func(i, field, first int) {
		at[i] = len(out)
		out = append(out, Placed{Member: members[i], Field: field, First: at[first]})
	})
	return out
}

// WalkInFieldOrder calls visit for each of members, the members of a JSON
// object whose fields are names, in the order [InFieldOrder] places them,
// with the member's index in members, the index in names of the field its
// key names ([Field]; -1 for none) and the index in members of the field's
// first member (the one read: i itself if the member is that one, or if its
// key names no field). It allocates only for an object of more than 16
// members, or with keys that name no field, so that a decoder walks the
// members of each object it reads without allocating. It takes time
// proportional to len(names) times len(members).
func WalkInFieldOrder(members []Member, names []string, visit func(i, field, first int)) {
	var small [16]int
	fields := small[:0]
	if len(members) > len(small) {
		fields = make([]int, 0, len(members))
	}
	var unknown []int
	for i, mb := range members {
		n := Field(names, mb.Key)
		fields = append(fields, n)
		if n < 0 {
			unknown = append(unknown, i)
		}
	}
	for n := range names {
		first := -1
		for i, fi := range fields {
			if fi != n {
				continue
			}
			if first < 0 {
				first = i
			}
			visit(i, n, first)
		}
	}
	slices.SortStableFunc(unknown, func(a, b int) int { return strings.Compare(members[a].Key, members[b].Key) })
	for _, i := range unknown {
		visit(i, -1, i)
	}
}

// InTypeOrder returns data, the JSON text of a value to be decoded into a
// value of type t, with the members of each object that t decodes into a
// struct placed in the order of the struct's fields ([InFieldOrder]), at any
// depth: through struct fields, slice and array elements and pointers. A
// struct's JSON field names are those of its exported fields: the name its
// json tag gives, or the Go name; a field tagged "-" and an embedded struct
// are not among them, so a struct with an embedded struct must not be
// given. The rest of the text is as written, but for the white space
// between the members of a reordered object, which is dropped. Text that is
// not valid UTF-8 or not one well-formed JSON value is returned as it is,
// for the decoder to refuse. So [Decode] given InTypeOrder(data, t) finds
// the same first problem however the members of data's objects are
// written, unless a field is given twice.
func InTypeOrder(data []byte, t reflect.Type) []byte {
	if !utf8.Valid(data) || !json.Valid(data) {
		return data
	}
	var b bytes.Buffer
	writeInTypeOrder(&b, data, t)
	return b.Bytes()
}

// writeInTypeOrder writes raw, a well-formed JSON value, to b as
// [InTypeOrder] says, for type t.
func writeInTypeOrder(b *bytes.Buffer, raw []byte, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		members, err := Members(raw)
		if err != nil {
			break
		}
		names, types := jsonFields(t)
		b.WriteByte('{')
		for i, p := range InFieldOrder(members, names) {
			if i > 0 {
				b.WriteByte(',')
			}
			key, _ := json.Marshal(p.Key) // valid UTF-8: the same key
			b.Write(key)
			b.WriteByte(':')
			if p.Field < 0 {
				b.Write(p.Value)
			} else {
				writeInTypeOrder(b, p.Value, types[p.Field])
			}
		}
		b.WriteByte('}')
		return
	case reflect.Slice, reflect.Array:
		elems, err := Elements(raw)
		if err != nil {
			break
		}
		b.WriteByte('[')
		for i, e := range elems {
			if i > 0 {
				b.WriteByte(',')
			}
			writeInTypeOrder(b, e, t.Elem())
		}
		b.WriteByte(']')
		return
	}
	b.Write(raw)
}

// jsonFields returns the JSON names of the struct type t's fields, in
// order, and their types, as [InTypeOrder] says.
func jsonFields(t reflect.Type) (names []string, types []reflect.Type) {
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() || sf.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = sf.Name
		}
		names = append(names, name)
		types = append(types, sf.Type)
	}
	return names, types
}
