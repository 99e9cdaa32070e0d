package jsondecode

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// ErrUnknownField is the cause of a [Form]'s problem of a key that names no
// field, as [strictjson.ErrDuplicateKey] is of a field given twice.
var ErrUnknownField = errors.New("unknown object field")

// ErrNull is the cause of a [Form]'s problem of JSON null in place of a
// value, which encoding/json would take as leaving the value as it was.
// Where an object or an array is wanted ([Form.Open], [Form.Array]), the
// cause wraps both ErrNull and [strictjson.ErrNotObject] or
// [strictjson.ErrNotArray].
var ErrNull = errors.New("JSON null in place of a value")

// ErrMissingField is the cause of a [Form]'s problem of a field left out
// of an object that must hold it ([Form.Missing]).
var ErrMissingField = errors.New("missing object field")

// Form collects the problems of the JSON form of a definition decoded member
// by member, so that every problem is reported, not the first: each is an
// *outcome.Error with code [outcome.ErrInvalidJSON], in the order of the
// definition's fields ([Form.Fields]), with the message "pkg: at: invalid JSON: "
// (or "pkg: invalid JSON: " when at is "") followed by what is wrong, said
// with the value's JSON path: keys as written (each clipped to
// [msg.MaxQuoted] bytes) joined with ".", an array's elements by their index
// from 0 in brackets, as [Explain] says a path:
//
//   - a value of the wrong type, null included, as [strictjson.MustBe] says
//     it: `"nodes[2].level" must be a string, not the number 3`, or, for the
//     whole value, `the value must be an object, not an array`;
//   - a key that names no field: `unknown field "nodes[0].colour"`;
//   - a field given twice, also under a key that differs only in case, as
//     encoding/json matches keys to fields ([strictjson.Field]): `duplicate
//     object key "nodes[0].id"`, or `duplicate object key "nodes[0].ID"
//     (encoding/json matches it to the same field as "id")`; the first is
//     the one read.
//
// Each problem names the IDs its caller gives (a node's ID, a link's ends).
// The zero Form reports as package "" with no place: set Pkg.
//
// A Form that reads the objects and arrays within a value ([Form.Open],
// [Form.Array]) reads them with memory it keeps for the next ones
// ([memory]), shared by the Form's copies: a Form is not safe for
// concurrent use.
type Form struct {
	Pkg      string // the reporting package's name: "hierarchy"
	At       string // what the definition is, for messages: `canvas "guests"`; "" for none
	problems []*outcome.Error
	mem      *memory // made by the first Open or Array
}

// memory is what a [Form] reads the objects and arrays within a value with,
// so that reading each does not allocate for it: the members of objects
// are handed out of blocks, with their keys read through a cache
// ([strictjson.Reader]); the paths that [Form.Fields] and [Form.Array]
// give their members and elements refer to a parent path that is handed
// out of blocks of paths; and the elements of an array that Array walks
// are read into a buffer it takes back when the walk is over, one buffer
// for each depth of arrays within arrays being walked. Members and paths
// are never handed out twice, so a caller may keep them; an array's
// elements are not given to a caller (only each element), so a buffer
// may be reused once its walk is over.
type memory struct {
	reader strictjson.Reader
	paths  []Path              // the unused part of the current block of paths: len 0
	next   int                 // the size of the next block of paths; 0 for firstPaths
	arrays [][]json.RawMessage // the buffers of elements no walk holds, each empty
}

// The sizes of a [memory]'s blocks of paths (32 bytes each): the first,
// then each next doubles, up to maxPaths.
const (
	firstPaths = 8
	maxPaths   = 256
)

// memory returns f's memory, making it if f has none.
func (f *Form) memory() *memory {
	if f.mem == nil {
		f.mem = new(memory)
	}
	return f.mem
}

// parent returns a pointer to a copy of path, which the paths of the
// members of an object or the elements of an array at path share: out of
// f's blocks of paths if f has memory, else allocated on its own (a Form
// that reads one object, at the top).
func (f *Form) parent(path Path) *Path {
	m := f.mem
	if m == nil {
		p := new(Path) // not &path, which would move path to the heap on every call
		*p = path
		return p
	}
	if cap(m.paths) == 0 {
		n := m.next
		if n == 0 {
			n = firstPaths
		}
		m.next = min(2*n, maxPaths)
		m.paths = make([]Path, 0, n)
	}
	m.paths = append(m.paths, path)
	p := &m.paths[0]
	m.paths = m.paths[1:]
	return p
}

// Problems returns the problems reported so far, in order.
func (f *Form) Problems() []*outcome.Error { return f.problems }

// Count returns the number of problems reported so far.
func (f *Form) Count() int { return len(f.problems) }

// Errors returns the problems reported so far, in order, as errors: for
// a caller to append the problems found after the form's.
func (f *Form) Errors() []error {
	errs := make([]error, len(f.problems))
	for i, p := range f.problems {
		errs[i] = p
	}
	return errs
}

// Err returns the problems reported so far: nil if there is none, the one
// itself if there is one, and otherwise all of them joined with
// [errors.Join], in order (see [msg.Join]).
func (f *Form) Err() error { return msg.Join(f.Errors()...) }

// report reports a problem of the form: what is wrong, the IDs involved and
// the cause, if any.
func (f *Form) report(ids []string, cause error, what string) {
	prefix := f.Pkg + ": "
	if f.At != "" {
		prefix += f.At + ": "
	}
	f.problems = append(f.problems, &outcome.Error{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError,
		IDs: slices.Clone(ids), Message: prefix + "invalid JSON: " + what, Err: cause})
}

// Top returns the members of data, the JSON text of a whole definition that
// must be an object. If data is not one JSON object (malformed JSON, text
// that is not valid UTF-8, anything after the value but JSON white space,
// another value), it reports that, with ids, as [Explain] says it, as the
// only problem of data, and returns false. JSON null is another value: a
// caller that says null in its own words checks it first ([IsNull]).
func (f *Form) Top(data []byte, ids []string) ([]strictjson.Member, bool) {
	members, err := strictjson.Members(data)
	if err != nil {
		f.report(ids, err, Explain(data, err))
		return nil, false
	}
	return members, true
}

// OpenTop returns the members of data, the JSON text of a whole value that
// must be an object, as [Form.Top] does with no IDs, and nil; or nil and
// the error: f's problems if data is not one JSON object, or, for JSON
// null, one problem with code [outcome.ErrInvalidJSON] in the caller's
// words, the package's name then null ("hierarchy: a node cannot be
// null"), which f does not keep.
func (f *Form) OpenTop(data []byte, null string) ([]strictjson.Member, error) {
	if IsNull(data) {
		return nil, outcome.NewError(outcome.ErrInvalidJSON, nil, "%s: %s", f.Pkg, null)
	}
	members, ok := f.Top(data, nil)
	if !ok {
		return nil, f.Err()
	}
	return members, nil
}

// wrongType reports the JSON value raw at path as not what it must be
// (want: "a string", "an object"), with cause, the decoder's error,
// [ErrNull], or, for null where an object or an array is wanted, both
// ([nullCause]).
func (f *Form) wrongType(cause error, path Path, ids []string, want string, raw json.RawMessage) {
	where := "the value"
	if at := path.String(); at != "" {
		where = strconv.Quote(at)
	}
	f.report(ids, cause, strictjson.MustBe(where, want, strictjson.Describe(raw)))
}

// NotNull reports raw, the value at path, as not what it must be (want) if
// it is JSON null, and reports whether it is not.
func (f *Form) NotNull(path Path, ids []string, want string, raw json.RawMessage) bool {
	if IsNull(raw) {
		f.wrongType(ErrNull, path, ids, want, raw)
		return false
	}
	return true
}

// WrongType reports raw, the JSON value at path, as not what it must be
// (want), with cause, the caller's reason: for a value the caller reads
// itself, not through [Value], as a decimal that may be a JSON string or a
// number (`"relative" must be a decimal string or a number, not true`).
func (f *Form) WrongType(path Path, ids []string, want string, raw json.RawMessage, cause error) {
	f.wrongType(cause, path, ids, want, raw)
}

// Missing reports, with ids, that the object at path has no member for the
// field key, which it must hold: `"levels[2]" has no "weight"`, or, for the
// whole value (path ""), `the value has no "nodes"`, as outcome's result
// decoders say a field left out (`outcome: interval has no "method"`). The
// problem wraps [ErrMissingField]. A caller reports it after the other
// problems of the object's members ([Form.Fields]).
func (f *Form) Missing(path Path, ids []string, key string) {
	where := "the value"
	if at := path.String(); at != "" {
		where = strconv.Quote(at)
	}
	f.report(ids, ErrMissingField, where+" has no "+strconv.Quote(key))
}

// Value decodes raw, the JSON value at path, into *v as encoding/json does
// (a string, a number, true or false), and reports whether it did. A value
// of another type, or null, which encoding/json would take as leaving *v as
// it is, is reported as what it must be for v's type ([strictjson.Want]:
// "a string", "an integer from 0 to 255" for a number out of an int's
// range), with the decoder's error as its cause ([ErrNull] for null), and
// leaves *v unchanged. Problems of a value that is not an object or an
// array ([Form.Open], [Form.Array]) wrap [strictjson.ErrNotObject] or
// [strictjson.ErrNotArray], and [ErrNull] too when the value is null.
//
// A plain value is read without encoding/json, to the same result
// ([plainValue]); what it must be is worked out only for a problem.
func Value[T any](f *Form, path Path, ids []string, raw json.RawMessage, v *T) bool {
	if plainValue(raw, v) {
		return true
	}
	want := func() string { return strictjson.Want(reflect.TypeFor[T](), raw) }
	if IsNull(raw) {
		return f.NotNull(path, ids, want(), raw)
	}
	var x T
	if err := json.Unmarshal(raw, &x); err != nil {
		f.wrongType(err, path, ids, want(), raw)
		return false
	}
	*v = x
	return true
}

// plainValue reads raw, a well-formed JSON value with no white space around
// it, into *v, where encoding/json's reading is plain, and reports whether
// it did: into a string (exactly: not a type of its own, which may have an
// UnmarshalText), a string that [PlainString] reads;
// into a bool, true or false; into an int or an int64, an integer of at
// most 18 digits, which fits; into a float64, a number that
// [strconv.ParseFloat] reads without error, as encoding/json reads it. Any
// other value it leaves to encoding/json, which reads it to the same result
// or refuses it.
func plainValue[T any](raw json.RawMessage, v *T) bool {
	if len(raw) == 0 {
		return false
	}
	switch p := any(v).(type) {
	case *string:
		s, ok := PlainString(raw)
		if ok {
			*p = s
		}
		return ok
	case *bool:
		switch string(raw) {
		case "true":
			*p = true
			return true
		case "false":
			*p = false
			return true
		}
	case *int:
		n, ok := plainInt(raw)
		if ok {
			*p = int(n)
		}
		return ok
	case *int64:
		n, ok := plainInt(raw)
		if ok {
			*p = n
		}
		return ok
	case *float64:
		if c := raw[0]; c != '-' && (c < '0' || c > '9') {
			return false
		}
		x, err := strconv.ParseFloat(string(raw), 64)
		if err == nil {
			*p = x
			return true
		}
	}
	return false
}

// plainInt returns the integer that raw, a well-formed JSON value, is, if
// it is a number of at most 18 digits with no fraction or exponent.
func plainInt(raw json.RawMessage) (int64, bool) {
	digits := raw
	if digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	return n, err == nil
}

// PlainString returns the string that raw, a well-formed JSON value, is,
// if it is a JSON string of valid UTF-8 without escapes or control
// characters, whose text between the quotes is then the string, as
// encoding/json reads it; ok is false for any other value, and for white
// space around it.
func PlainString(raw json.RawMessage) (s string, ok bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	ascii := true
	for _, c := range body {
		switch {
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if !ascii && !utf8.Valid(body) {
		return "", false
	}
	return string(body), true
}

// Open returns the members of raw, the JSON value at path, which must be an
// object, in the order they are written. If raw is not an object (null
// included), it reports that, with ids, and returns false; the problem
// wraps [strictjson.ErrNotObject], and [ErrNull] too if raw is null. raw is
// well-formed JSON, as [strictjson.Members] returns members. The members
// are read by f's [strictjson.Reader], which hands out memory once: the
// caller may keep them.
func (f *Form) Open(path Path, ids []string, raw json.RawMessage) ([]strictjson.Member, bool) {
	members, err := f.memory().reader.MembersOf(raw)
	if err != nil {
		f.wrongType(nullCause(err, raw), path, ids, "an object", raw)
		return nil, false
	}
	return members, true
}

// duplicate reports, with ids, the member at path, of key, given again for
// the field whose first member's key is first.
func (f *Form) duplicate(ids []string, path Path, key, first string) {
	f.report(ids, strictjson.ErrDuplicateKey, strictjson.SayDuplicateKey(path.String(), key, first))
}

// Fields walks members, the members of the object at path, whose fields
// are names (matched to keys as encoding/json matches them:
// [strictjson.Field]), in the order of names, not of the keys, so that the
// problems of an object come in the same order however its members are
// ordered: for each field in turn, it calls value with the
// field's index, the member's path (path.Key of its key; no text is built
// for it unless a problem says it) and its value for the field's first
// member in the order of the keys, which is the one read, then reports,
// with ids, each member given again for the field, in the order of the
// keys; then it reports each key that names no field, sorted by key (byte
// by byte; equal keys in the order they come): the order of
// [strictjson.InFieldOrder].
func (f *Form) Fields(path Path, ids []string, members []strictjson.Member, names []string,
	value func(field int, path Path, raw json.RawMessage)) {
	parent := f.parent(path) // shared by the members' paths
	strictjson.WalkInFieldOrder(members, names, func(i, field, first int) {
		mb := &members[i]
		at := Path{parent: parent, key: mb.Key, index: -1}
		switch {
		case field < 0:
			f.report(ids, ErrUnknownField, strictjson.SayUnknownField(at.String()))
		case first != i:
			f.duplicate(ids, at, mb.Key, members[first].Key)
		default:
			value(field, at, mb.Value)
		}
	})
}

// Relay reports p, a problem that another package's decoder reported for
// the JSON object at path (a node's metric, which outcome decodes), as a
// problem of this form if it is one of the form of a member of that object,
// which the decoder says in its own words: if its cause is a
// *[strictjson.MemberError]. It is said at the member's path as [Form.Fields]
// and [Value] say a problem (`unknown field "nodes[0].metric.colour"`,
// `"nodes[0].metric.rewarded" must be true or false, not null`), names ids
// and then p's IDs, and wraps p (and so its code and its cause), and
// [ErrUnknownField] or [ErrNull] as the form's own problems do. It reports
// whether it did: another problem is the caller's to report.
func (f *Form) Relay(path Path, ids []string, p *outcome.Error) bool {
	var m *strictjson.MemberError
	if !errors.As(p.Err, &m) {
		return false
	}
	ids = slices.Concat(ids, p.IDs)
	at := path.Key(m.Key)
	switch m.Problem {
	case strictjson.UnknownField:
		f.report(ids, errors.Join(ErrUnknownField, p), strictjson.SayUnknownField(at.String()))
	case strictjson.DuplicateField:
		f.report(ids, p, strictjson.SayDuplicateKey(at.String(), m.Key, m.First))
	default:
		var cause error = p
		if IsNull(m.Value) {
			cause = errors.Join(ErrNull, p)
		}
		f.wrongType(cause, at, ids, m.Want, m.Value)
	}
	return true
}

// FirstString returns the value of the first member of members whose key
// names the field name (as encoding/json matches it; names are the object's
// fields), if it is a JSON string: the ID that a definition's problems name,
// read before its members are walked. ok is false if there is no such
// member or its value is not a string.
func FirstString(members []strictjson.Member, names []string, name string) (s string, ok bool) {
	want := slices.Index(names, name)
	for _, mb := range members {
		if strictjson.Field(names, mb.Key) == want {
			if s, ok := PlainString(mb.Value); ok {
				return s, true
			}
			return unmarshalString(mb.Value)
		}
	}
	return "", false
}

// unmarshalString returns the string that raw, a well-formed JSON value,
// is, as encoding/json reads it into a string, and whether it is one (null
// is not). It is FirstString's reading of a string that [PlainString] does
// not read, apart so that FirstString's result does not escape to the heap
// for every call, as it did when its own variable was given to
// json.Unmarshal.
func unmarshalString(raw json.RawMessage) (string, bool) {
	var s string
	return s, json.Unmarshal(raw, &s) == nil && !IsNull(raw)
}

// Array walks the elements of raw, the JSON array at path, calling elem with
// each element's index, path (path.Index of it; no text is built for it
// unless a problem says it) and value, in order. If raw is not an array
// (null included), it reports that and returns false without calling elem;
// the problem wraps [strictjson.ErrNotArray], and [ErrNull] too if raw is
// null. raw is well-formed JSON. The elements are read into a buffer of
// f's that the walk takes back at its end, and which an array walked
// within an element's walk does not share.
func (f *Form) Array(path Path, ids []string, raw json.RawMessage,
	elem func(i int, path Path, raw json.RawMessage)) bool {
	m := f.memory()
	var buf []json.RawMessage
	if n := len(m.arrays); n > 0 {
		buf, m.arrays = m.arrays[n-1], m.arrays[:n-1]
	}
	elems, err := strictjson.AppendElementsOf(buf, raw)
	if err != nil {
		m.arrays = append(m.arrays, buf)
		f.wrongType(nullCause(err, raw), path, ids, "an array", raw)
		return false
	}
	parent := f.parent(path) // shared by the elements' paths
	for i, e := range elems {
		elem(i, Path{parent: parent, index: i}, e)
	}
	clear(elems) // so that the buffer does not keep the text
	m.arrays = append(m.arrays, elems[:0])
	return true
}

// nullCause returns the cause of the problem of raw, a value that is not
// what it must be, for which the decoder gave err: err, joined with
// [ErrNull] when raw is null.
func nullCause(err error, raw json.RawMessage) error {
	if IsNull(raw) {
		return errors.Join(ErrNull, err)
	}
	return err
}

// IsNull reports whether data is JSON null, with JSON white space around it
// only.
func IsNull(data []byte) bool { return string(bytes.Trim(data, " \t\r\n")) == "null" }
