// Package jsondecode decodes the module's JSON definitions and reports a
// failure as every package does: as an *outcome.Error, in JSON's words.
package jsondecode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// maxCause bounds the length of the decoder's message quoted in an error.
const maxCause = 200

// Decode decodes data into v with [strictjson.Decode]. A failure that holds
// an *outcome.Error (a field's own validation) is returned as it is, with
// every problem it joins; any other failure becomes an *outcome.Error with
// code [outcome.ErrInvalidJSON] that wraps it, with the message
// "pkg: invalid JSON: " and what [Explain] says of it (pkg is the reporting
// package's name).
func Decode(pkg string, data []byte, v any) error { return DecodeAt(pkg, data, v, nil) }

// DecodeAt is [Decode] for a value that a message names: where, called
// after decoding (so that it can name what was read of v, such as a
// canvas's category), returns the place, at, and the IDs involved, and a
// failure of the decoding has the message "pkg: at: invalid JSON: ..." and
// those IDs. With where nil, DecodeAt is Decode.
func DecodeAt(pkg string, data []byte, v any, where func() (at string, ids []string)) error {
	err := strictjson.Decode(data, v)
	if err == nil {
		return nil
	}
	if e := (*outcome.Error)(nil); errors.As(err, &e) {
		return err
	}
	prefix := pkg + ": "
	var ids []string
	if where != nil {
		var at string
		at, ids = where()
		prefix += at + ": "
	}
	return &outcome.Error{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError, IDs: ids,
		Message: prefix + "invalid JSON: " + Explain(data, err), Err: err}
}

// Explain says what err, the error [strictjson.Decode] returned for data,
// says is wrong, in JSON's words. A value of the wrong type (a
// *json.UnmarshalTypeError) is said as [strictjson.MustBe] says it: its JSON
// path, what it must be and what it is, `"needs[1].statement" must be a
// string, not the number 5`, or, for the whole value, `the value must be an
// object, not an array`, never with Go's names of types and struct fields.
// The path is found in data from the error's offset: keys as written, joined
// with ".", and an array's elements by their index from 0 in brackets; when
// the offset does not lead to a value of the kind and at the field the error
// names (the error came from a field's own decoder, which decoded other
// text), the path is the error's field, whose array elements have no index,
// and the value is said by its kind ("a number"). Any other error is its
// message, without encoding/json's "json: " prefix, clipped to 200 bytes.
func Explain(data []byte, err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return clip(strings.TrimPrefix(err.Error(), "json: "))
	}
	path, raw, ok := locate(data, te)
	var found string
	if ok {
		found = strictjson.Describe(raw)
	} else {
		path = msg.Clip(te.Field, msg.MaxQuoted)
		raw, found = fromValue(te.Value)
	}
	where := "the value"
	if path != "" {
		where = strconv.Quote(path)
	}
	return strictjson.MustBe(where, strictjson.Want(te.Type, raw), found)
}

// fromValue returns, for the Value of a *json.UnmarshalTypeError ("string",
// "number", "number 1.5", "bool", "array", "object"), a JSON value of its
// kind and what a message says it is.
func fromValue(value string) (raw json.RawMessage, found string) {
	if num, ok := strings.CutPrefix(value, "number "); ok {
		return json.RawMessage(num), "the number " + msg.Clip(num, msg.MaxQuoted)
	}
	switch value {
	case "string":
		return json.RawMessage(`""`), "a string"
	case "number":
		return json.RawMessage(`0`), "a number"
	case "bool":
		return json.RawMessage(`true`), "true or false"
	case "array":
		return json.RawMessage(`[]`), "an array"
	case "object":
		return json.RawMessage(`{}`), "an object"
	}
	return json.RawMessage(`null`), "a value (" + msg.Clip(value, msg.MaxQuoted) + ")"
}

// step is one step of a JSON path: in an object (object true), the key of
// the member being read, and whether the next token is a key (isKey); in an
// array, the index of the element being read.
type step struct {
	key    string
	index  int
	object bool
	isKey  bool
}

// locate finds the value of data that te is about: the value that ends at
// te.Offset (a string, a number, true or false, where encoding/json reports
// a literal) or whose opening bracket does (an object or an array). It
// returns the value's JSON path, its JSON text (only the bracket for an
// object or an array), and whether the value found is of the kind te.Value
// says and the keys of its path start with te.Field's (a map's keys come
// after them: encoding/json does not name them).
func locate(data []byte, te *json.UnmarshalTypeError) (path string, raw json.RawMessage, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []step
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return "", nil, false // the end of data, or past the value: nothing matched
		}
		n := len(stack)
		if n > 0 && stack[n-1].object && stack[n-1].isKey {
			if key, isKey := tok.(string); isKey {
				stack[n-1].key, stack[n-1].isKey = key, false
				continue
			}
		}
		end := dec.InputOffset()
		switch tok {
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:n-1]
			next(stack)
			continue
		}
		if end == te.Offset {
			text := bytes.TrimLeft(data[before:end], " \t\r\n,:")
			if k := kindOf(text); k == te.Value || k == "number" && te.Value == "number "+string(text) {
				if p, keysOK := pathOf(stack, te.Field); keysOK {
					return p, json.RawMessage(text), true
				}
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, step{object: true, isKey: true})
		case json.Delim('['):
			stack = append(stack, step{})
		default:
			next(stack)
		}
	}
}

// next records that a value of the innermost open object or array, if
// any, is complete.
func next(stack []step) {
	if n := len(stack); n > 0 {
		if stack[n-1].object {
			stack[n-1].isKey = true
		} else {
			stack[n-1].index++
		}
	}
}

// kindOf names the kind of the JSON value that text opens as a
// *json.UnmarshalTypeError's Value does: "string", "number", "bool",
// "object", "array" or "null".
func kindOf(text []byte) string {
	switch text[0] {
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case '{':
		return "object"
	case '[':
		return "array"
	case 'n':
		return "null"
	}
	return "number"
}

// pathOf returns the JSON path of the value read at the top of stack, and
// whether its keys start with those of field (keys joined with ".", as a
// *json.UnmarshalTypeError's Field names them), compared as encoding/json
// matches a key to a field.
func pathOf(stack []step, field string) (string, bool) {
	var want []string
	if field != "" {
		want = strings.Split(field, ".")
	}
	var b strings.Builder
	for _, s := range stack {
		if !s.object {
			fmt.Fprintf(&b, "[%d]", s.index)
			continue
		}
		if len(want) > 0 {
			if strictjson.Field(want[:1], s.key) != 0 {
				return "", false
			}
			want = want[1:]
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(msg.Clip(s.key, msg.MaxQuoted))
	}
	return b.String(), len(want) == 0
}

// List decodes data, a JSON array of definitions, element by element with
// decode, and returns the values in the order of the array, or nil and
// every problem of every element (one problem is the *outcome.Error itself;
// several are joined with [errors.Join], in order): json.Unmarshal into a
// []T stops at the first element that fails and keeps only the first error
// of its UnmarshalJSON. pkg is the reporting package's
// name, name the list's as a message names an element ("canvases" for
// canvases[2]), and item one element as a message names it ("a canvas").
//
// Each problem of an element, each *outcome.Error that [outcome.Problems]
// finds in the error decode returns, is reported as an *outcome.Error with
// the same code, severity and IDs, whose message is "pkg: name[i]: " (i the
// element's index in the array, counted from 0) followed by the problem's
// message without its prefix "pkg: " or "outcome: ", and which wraps the
// problem, so that [errors.Is] and [errors.As] reach it and its cause. An
// error that holds no *outcome.Error is one problem of the element with
// code [outcome.ErrInvalidJSON] that wraps it. A null element is refused
// ("pkg: name[i]: item cannot be null", code [outcome.ErrInvalidJSON]);
// decode is not called for it.
//
// Data that is not one JSON array is a single problem with code
// [outcome.ErrInvalidJSON] and no ID: null ("pkg: a list of name cannot be
// null"), and malformed JSON, another value and anything after the array
// but JSON white space, said as [Explain] says them. Text that is not valid
// UTF-8 is left to decode, as a problem of the element that holds it. An
// empty array is an empty, non-nil list.
func List[T any](pkg, name, item string, data []byte, decode func([]byte) (T, error)) ([]T, error) {
	if IsNull(data) {
		return nil, outcome.NewError(outcome.ErrInvalidJSON, nil, "%s: a list of %s cannot be null", pkg, name)
	}
	elems, err := strictjson.Elements(data)
	if err != nil {
		return nil, &outcome.Error{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError,
			Message: pkg + ": invalid JSON: " + Explain(data, err), Err: err}
	}
	out := make([]T, len(elems))
	var errs []error
	for i, raw := range elems {
		at := fmt.Sprintf("%s: %s[%d]: ", pkg, name, i)
		if IsNull(raw) {
			errs = append(errs, outcome.NewError(outcome.ErrInvalidJSON, nil, "%s%s cannot be null", at, item))
			continue
		}
		v, err := decode(raw)
		if err == nil {
			out[i] = v
			continue
		}
		ps := outcome.Problems(err)
		if len(ps) == 0 {
			ps = []*outcome.Error{{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError, Message: clip(err.Error()), Err: err}}
		}
		for _, p := range ps {
			m := strings.TrimPrefix(p.Message, pkg+": ")
			if m == p.Message {
				m = strings.TrimPrefix(m, "outcome: ")
			}
			errs = append(errs, &outcome.Error{Code: p.Code, Severity: p.Severity, IDs: p.IDs, Message: at + m, Err: p})
		}
	}
	if len(errs) > 0 {
		return nil, msg.Join(errs...)
	}
	return out, nil
}

// clip shortens s to at most maxCause bytes, on a rune boundary, marking the cut.
func clip(s string) string { return msg.Clip(s, maxCause) }
