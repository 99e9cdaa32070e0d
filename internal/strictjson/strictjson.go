// Package strictjson decodes JSON definitions strictly: one value, no unknown
// fields, no duplicate keys, nothing after it. Every decoder of the module
// uses it, so that all of them refuse the same things.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/msg"
)

// ErrTrailingData reports data after the JSON value.
var ErrTrailingData = errors.New("trailing data after the JSON value")

// ErrInvalidUTF8 reports JSON text that is not valid UTF-8, which
// [encoding/json] would accept by silently replacing the bad bytes with
// U+FFFD. RFC 8259 requires JSON exchanged between systems to be UTF-8.
var ErrInvalidUTF8 = errors.New("JSON text is not valid UTF-8")

// ErrDuplicateKey reports an object with the same key twice, or with two keys
// that [encoding/json] matches to the same struct field (keys equal but for
// case), which encoding/json would accept by silently keeping the last value.
// The error [Decode] returns wraps it and quotes the key.
var ErrDuplicateKey = errors.New("duplicate object key")

// Decode decodes the single JSON value in data into v, refusing text that is
// not valid UTF-8, unknown object fields, an object key that occurs twice in
// one object, and anything but JSON white space (space, tab, line feed,
// carriage return) after the value. It returns [ErrInvalidUTF8], the
// decoder's error unchanged (including an error returned by a field's own
// UnmarshalText or UnmarshalJSON), [ErrTrailingData], or an error that wraps
// [ErrDuplicateKey]. On an error, v may have been partly written.
//
// Two keys of one object are duplicates when they are equal after the case
// folding encoding/json applies when it matches a key to a struct field's
// name: "ID" fills the field tagged "id", and so do "Id" and "iD"; "ſ"
// (U+017F) folds to "s" and the Kelvin sign (U+212A) to "k". So
// {"counts":[1],"Counts":[2]} is refused rather than decoded to [2]. Keys
// are folded in every object, including one decoded into a map, where
// encoding/json would keep both keys, and in a struct with two fields whose
// names fold alike: the module decodes its definitions into structs only,
// none of which has two such fields, and refuses case variants of one key in
// a map too.
func Decode(data []byte, v any) error {
	if !utf8.Valid(data) {
		return ErrInvalidUTF8
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if len(bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n")) != 0 {
		return ErrTrailingData
	}
	return checkKeys(data)
}

// foldKey returns k folded as encoding/json folds an object key before
// matching it to a struct field's name, so that two keys fill the same field
// exactly when their folded forms are equal. It copies the rule of
// appendFoldedName and foldRune in the Go source, src/encoding/json/fold.go
// (read in Go 1.26, the default build, without GOEXPERIMENT=jsonv2), which
// the decoder applies to a key that names no field exactly (decode.go,
// func (*decodeState) object: fields.byFoldedName[string(foldName(key))]):
// ASCII letters go to upper case, and every other rune goes to the smallest
// rune of its simple case-folding orbit ([unicode.SimpleFold]), so that 's',
// 'S' and 'ſ' (U+017F) fold alike, as do 'k', 'K' and the Kelvin sign
// (U+212A). k is valid UTF-8: [Decode] has checked the text.
func foldKey(k string) string {
	out := make([]byte, 0, len(k))
	for _, r := range k {
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			out = append(out, c)
			continue
		}
		out = utf8.AppendRune(out, foldRune(r))
	}
	return string(out)
}

// foldRune returns the smallest rune of r's simple case-folding orbit, as
// foldRune in src/encoding/json/fold.go does.
func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
}

// ErrNotObject reports a JSON value that is not an object where [Members]
// expects one. The error Members returns wraps it and says, as [MustBe]
// does, what the value is: "the value must be an object, not an array".
var ErrNotObject = errors.New("the JSON value is not an object")

// ErrNotArray reports a JSON value that is not an array where [Elements]
// expects one. The error Elements returns wraps it and says, as [MustBe]
// does, what the value is: "the value must be an array, not an object".
var ErrNotArray = errors.New("the JSON value is not an array")

// wrongKindError is the error [Members] and [Elements] return for a value
// of another kind: its message says what the value must be and what it is,
// and it wraps [ErrNotObject] or [ErrNotArray].
type wrongKindError struct {
	message string
	kind    error
}

func (e *wrongKindError) Error() string { return e.message }
func (e *wrongKindError) Unwrap() error { return e.kind }

// Member is one member of a JSON object: its key, unescaped, and the JSON
// text of its value.
type Member struct {
	Key   string
	Value json.RawMessage
}

// Members returns the members of the single JSON object in data, in the
// order they are written, so that a caller can report every problem of an
// object (each unknown key, each key given twice, each value of the wrong
// type) rather than the first. It refuses what [Decode] refuses of the text:
// text that is not valid UTF-8 ([ErrInvalidUTF8]), malformed JSON (the
// decoder's error, [io.EOF] for no value at all), and anything but JSON white
// space after the value ([ErrTrailingData]); and a value that is not an
// object (an error that wraps [ErrNotObject]). It does not refuse a key given
// twice: both members are returned, and [Field] says which struct field
// encoding/json would fill from each. A member's value is well-formed JSON,
// not checked further (decode it with Decode), and a slice of data, not a
// copy, with no room to append into data.
func Members(data []byte) ([]Member, error) {
	if !utf8.Valid(data) {
		return nil, ErrInvalidUTF8
	}
	sc, err := open(data, '{', ErrNotObject)
	if err != nil {
		return nil, err
	}
	return sc.members()
}

// MembersOf is [Members] for raw, a value that [Members] or [Elements]
// returned, which is well-formed JSON: it checks that raw is valid UTF-8
// and an object, as Members does, with the same errors, but does not check
// its syntax again, so that reading an object within an object costs one
// walk of its text, not one per level of depth. Text that is not one
// well-formed JSON value is passed to Members.
func MembersOf(raw json.RawMessage) ([]Member, error) {
	if !utf8.Valid(raw) {
		return nil, ErrInvalidUTF8
	}
	sc, ok := openOf(raw, '{', ErrNotObject)
	if !ok {
		return Members(raw)
	}
	if sc.kind != nil {
		return nil, sc.kind
	}
	out, err := sc.members()
	if err != nil {
		return Members(raw) // not reached for well-formed raw
	}
	return out, nil
}

// ElementsOf is [Elements] for raw, a value that [Members] or [Elements]
// returned, which is well-formed JSON: it checks that raw is an array, as
// Elements does, with the same error, but does not check its syntax again
// ([MembersOf]). Text that is not one well-formed JSON value is passed to
// Elements.
func ElementsOf(raw json.RawMessage) ([]json.RawMessage, error) {
	sc, ok := openOf(raw, '[', ErrNotArray)
	if !ok {
		return Elements(raw)
	}
	if sc.kind != nil {
		return nil, sc.kind
	}
	out, err := sc.elements()
	if err != nil {
		return Elements(raw) // not reached for well-formed raw
	}
	return out, nil
}

// AppendElementsOf is [ElementsOf] that appends the elements of raw to dst
// and returns the extended slice, for a caller that reads many arrays with
// one buffer ([jsondecode.Form.Array] walks each array's elements and then
// reuses it); on an error it returns nil and the error ElementsOf returns.
//
// [jsondecode.Form.Array]: https://pkg.go.dev/github.com/cxmodel/cx/internal/jsondecode#Form.Array
func AppendElementsOf(dst []json.RawMessage, raw json.RawMessage) ([]json.RawMessage, error) {
	sc, ok := openOf(raw, '[', ErrNotArray)
	if !ok {
		return appendElements(dst, raw)
	}
	if sc.kind != nil {
		return nil, sc.kind
	}
	start := len(dst)
	for {
		e, more, err := sc.nextElement()
		switch {
		case err != nil:
			return appendElements(dst[:start], raw) // not reached for well-formed raw
		case !more:
			return dst, nil
		}
		dst = append(dst, e)
	}
}

// appendElements appends the elements [Elements] returns for data to dst,
// or returns nil and its error.
func appendElements(dst []json.RawMessage, data []byte) ([]json.RawMessage, error) {
	elems, err := Elements(data)
	if err != nil {
		return nil, err
	}
	return append(dst, elems...), nil
}

// openOf returns a scanner past the opening delimiter of raw, a
// well-formed JSON value, if it opens with delim, or one whose kind is the
// *wrongKindError [open] returns for a value that does not; ok is false if
// raw holds nothing but JSON white space, which the caller leaves to [open].
// The scanner is returned as a value, so that it is not allocated.
func openOf(raw json.RawMessage, delim byte, notIt error) (sc Scanner, ok bool) {
	sc = Scanner{data: raw}
	sc.Space()
	switch sc.Peek() {
	case 0:
		return sc, false
	case delim:
		sc.i++
		return sc, true
	}
	want := "an object"
	if delim == '[' {
		want = "an array"
	}
	sc.kind = &wrongKindError{message: MustBe("the value", want, Describe(bytes.TrimRight(raw[sc.i:], " \t\r\n"))), kind: notIt}
	return sc, true
}

// small is the number of members or elements that [Members] and
// [Elements] collect on the stack before they copy them into a slice of
// their own, which then has exactly their number: an object's members are
// counted only by reading them.
const small = 16

// members reads the members of the object whose opening brace the scanner
// has passed, as [Members] returns them: nil for none, else a slice of its
// own that holds them exactly when there are at most [small] of them.
func (sc *Scanner) members() ([]Member, error) {
	return gather(func() (Member, bool, error) { return sc.nextMember(nil) })
}

// gather collects what next reads, up to the end it reports (more false),
// as [Scanner.members] and [Scanner.elements] return it: nil for none, else
// a slice of its own, which holds them exactly when there are at most
// [small] of them (collected first on the stack); on an error, nil and the
// error.
func gather[T any](next func() (T, bool, error)) ([]T, error) {
	var (
		few  [small]T
		n    int
		many []T // more than small: all of them, few's first
	)
	for {
		v, more, err := next()
		switch {
		case err != nil:
			return nil, err
		case !more && many != nil:
			return many, nil
		case !more:
			return collected(few[:n]), nil
		case many != nil:
			many = append(many, v)
		case n < small:
			few[n] = v
			n++
		default:
			many = make([]T, 0, 2*small)
			many = append(append(many, few[:]...), v)
		}
	}
}

// collected returns a copy of what a reader collected on the stack
// (few, of [Member] or [json.RawMessage]), with exactly its length; nil
// for none.
func collected[T any](few []T) []T {
	if len(few) == 0 {
		return nil
	}
	return append(make([]T, 0, len(few)), few...)
}

// nextMember reads the next member of the object whose opening brace
// the scanner has passed, up to the comma or closing brace after it; more
// is false at the closing brace. A plain key is read through keys
// ([keyCache]) if keys is not nil.
func (sc *Scanner) nextMember(keys *keyCache) (mb Member, more bool, err error) {
	sc.Space()
	switch sc.Peek() {
	case '}':
		return Member{}, false, nil
	case ',':
		sc.i++
		sc.Space()
	}
	key, err := sc.key(keys)
	if err != nil {
		return Member{}, false, err // not reached: open has checked the text
	}
	sc.Space()
	sc.i++ // the colon
	sc.Space()
	start := sc.i
	if !sc.value() {
		return Member{}, false, errMalformed // not reached, as above
	}
	return Member{Key: key, Value: sc.data[start:sc.i:sc.i]}, true, nil
}

// Elements returns the elements of the single JSON array in data, each as
// its JSON text, in order. It refuses malformed JSON (the decoder's error,
// [io.EOF] for no value at all), a value that is not an array (an error that
// wraps [ErrNotArray]) and anything but JSON white space after it
// ([ErrTrailingData]). It checks neither that the text is valid UTF-8 nor
// anything of the elements beyond their syntax: decode each with [Decode] or
// [Members], which do, so that a problem in one element is reported as that
// element's. Each element is a slice of data, not a copy, with no room to
// append into data.
func Elements(data []byte) ([]json.RawMessage, error) {
	sc, err := open(data, '[', ErrNotArray)
	if err != nil {
		return nil, err
	}
	return sc.elements()
}

// elements reads the elements of the array whose opening bracket the
// scanner has passed, as [Elements] returns them: nil for none, else a
// slice of its own that holds them exactly when there are at most [small]
// of them.
func (sc *Scanner) elements() ([]json.RawMessage, error) {
	return gather(sc.nextElement)
}

// nextElement reads the next element of the array whose opening bracket
// the scanner has passed, up to the comma or closing bracket after it;
// more is false at the closing bracket.
func (sc *Scanner) nextElement() (e json.RawMessage, more bool, err error) {
	sc.Space()
	switch sc.Peek() {
	case ']':
		return nil, false, nil
	case ',':
		sc.i++
		sc.Space()
	}
	start := sc.i
	if !sc.value() {
		return nil, false, errMalformed // not reached: open has checked the text
	}
	return sc.data[start:sc.i:sc.i], true, nil
}

// open checks that data holds one well-formed JSON value and nothing but
// JSON white space after it, and that the value opens with delim; it
// returns a scanner past the opening delimiter. A value that opens with
// anything else is a *wrongKindError that wraps notIt. What is wrong with
// data that is not one well-formed value is said as encoding/json's decoder
// says it ([single]). The scanner is returned as a value, so that it is
// not allocated.
func open(data []byte, delim byte, notIt error) (Scanner, error) {
	if !json.Valid(data) {
		_, err := single(data, json.Delim(delim), notIt)
		if err == nil {
			err = errMalformed // not reached: the decoder refuses what json.Valid does
		}
		return Scanner{}, err
	}
	sc := Scanner{data: data}
	sc.Space()
	if sc.Peek() != delim {
		want := "an object"
		if delim == '[' {
			want = "an array"
		}
		raw := bytes.TrimRight(data[sc.i:], " \t\r\n")
		return Scanner{}, &wrongKindError{message: MustBe("the value", want, Describe(raw)), kind: notIt}
	}
	sc.i++
	return sc, nil
}

// single checks that data holds one well-formed JSON value and nothing but
// JSON white space after it, and that the value opens with delim; it returns
// a decoder that has read the opening delimiter. A value that opens with
// anything else is a *wrongKindError that wraps notIt.
func single(data []byte, delim json.Delim, notIt error) (*json.Decoder, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if len(bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n")) != 0 {
		return nil, ErrTrailingData
	}
	if raw[0] != byte(delim) {
		want := "an object"
		if delim == '[' {
			want = "an array"
		}
		return nil, &wrongKindError{message: MustBe("the value", want, Describe(raw)), kind: notIt}
	}
	dec = json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err // not reached: raw is well-formed
	}
	return dec, nil
}

// ValueKind names the kind of the well-formed JSON value raw, as a message says
// it: "an object", "an array", "a string", "a number", "true", "false" or
// "null". It looks at the value's first byte only.
func ValueKind(raw json.RawMessage) string {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't':
		return "true"
	case 'f':
		return "false"
	case 'n':
		return "null"
	}
	return "a number"
}

// Field returns the index in names (a struct's JSON field names, in order)
// of the field that encoding/json fills from the object key key: the name
// equal to key or, if none is, the first name equal to it after the folding
// encoding/json applies ([foldKey]: "ID" and "Id" fill "id"); -1 if key names
// no field, which [Decode] refuses as an unknown field. key is valid UTF-8,
// as [Members] returns it.
func Field(names []string, key string) int {
	for i, n := range names {
		if n == key {
			return i
		}
	}
	f := foldKey(key)
	for i, n := range names {
		if foldKey(n) == f {
			return i
		}
	}
	return -1
}

// The words of a message about a JSON value of the wrong type, which every
// decoder of the module writes the same way: "<where> must be <what it
// must be>, not <what it is>", in JSON's terms, never Go's: `"sd" must be a
// number, not the string "1.2"`.

// Describe says what the well-formed JSON value raw is, as a message says
// it: `the string "yes"` (its text clipped to [msg.MaxQuoted] bytes), "the
// number 3" (as written, clipped the same way), "an object", "an array",
// "true", "false" or "null".
func Describe(raw json.RawMessage) string {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		var s string
		_ = json.Unmarshal(raw, &s) // a well-formed string
		return "the string " + strconv.Quote(msg.Clip(s, msg.MaxQuoted))
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "the number " + msg.Clip(string(bytes.TrimRight(raw, " \t\r\n")), msg.MaxQuoted)
	}
	return ValueKind(raw)
}

// Want says what a JSON value must be for encoding/json to decode it into a
// value of type t (a pointer's element type), in JSON's terms: "a string"
// (a string, or a type that implements [encoding.TextUnmarshaler]), "true
// or false", "an integer", "a number", "an array", "an object", "a string in
// base64" (a []byte) or "a JSON value" (an interface). found is the value
// that was found instead: when it is a number, an integer's and a number's
// range is given, since a number that is too large, too small or, for an
// integer, has a fraction or an exponent is what was wrong with it: "an
// integer from -9223372036854775808 to 9223372036854775807", "an integer
// from 0 to 255", "a number from -1.7976931348623157e+308 to
// 1.7976931348623157e+308". Another type (a channel, a function, a complex
// number), which encoding/json cannot decode into, is "another JSON value".
func Want(t reflect.Type, found json.RawMessage) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "a string"
	}
	isNumber := ValueKind(found) == "a number"
	switch k := t.Kind(); k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !isNumber {
			return "an integer"
		}
		bits := t.Bits()
		return fmt.Sprintf("an integer from %d to %d", int64(-1)<<(bits-1), int64(uint64(1)<<(bits-1)-1))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if !isNumber {
			return "an integer"
		}
		return fmt.Sprintf("an integer from 0 to %d", uint64(math.MaxUint64)>>(64-t.Bits()))
	case reflect.Float32, reflect.Float64:
		if !isNumber {
			return "a number"
		}
		limit := strconv.FormatFloat(math.MaxFloat64, 'g', -1, 64)
		if k == reflect.Float32 {
			limit = strconv.FormatFloat(math.MaxFloat32, 'g', -1, 32)
		}
		return "a number from -" + limit + " to " + limit
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a string in base64"
		}
		return "an array"
	case reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Interface:
		return "a JSON value"
	}
	return "another JSON value"
}

// MustBe says that the JSON value at where is not what it must be: where +
// " must be " + want + ", not " + found, as in `"trials" must be an
// integer, not the string "4"`. where names the value (a quoted key or
// JSON path, "the value"); want says what it must be ([Want], or a
// decoder's own description: `a proportion {"successes","trials"}`); found
// says what it is ([Describe]).
func MustBe(where, want, found string) string {
	return where + " must be " + want + ", not " + found
}
