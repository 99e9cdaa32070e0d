// Package strictjson decodes JSON definitions strictly: one value, no unknown
// fields, no duplicate keys, nothing after it. Every decoder of the module
// uses it, so that all of them refuse the same things.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ErrTrailingData reports data after the JSON value.
var ErrTrailingData = errors.New("trailing data after the JSON value")

// ErrInvalidUTF8 reports JSON text that is not valid UTF-8, which
// [encoding/json] would accept by silently replacing the bad bytes with
// U+FFFD. RFC 8259 requires JSON exchanged between systems to be UTF-8.
var ErrInvalidUTF8 = errors.New("JSON text is not valid UTF-8")

// ErrDuplicateKey reports an object with the same key twice, which
// [encoding/json] would accept by silently keeping the last value. The error
// [Decode] returns wraps it and quotes the key.
var ErrDuplicateKey = errors.New("duplicate object key")

// Decode decodes the single JSON value in data into v, refusing text that is
// not valid UTF-8, unknown object fields, an object key that occurs twice in
// one object, and anything but JSON white space (space, tab, line feed,
// carriage return) after the value. It returns [ErrInvalidUTF8], the
// decoder's error unchanged (including an error returned by a field's own
// UnmarshalText or UnmarshalJSON), [ErrTrailingData], or an error that wraps
// [ErrDuplicateKey]. On an error, v may have been partly written.
//
// Keys are compared exactly: encoding/json also matches a struct field's name
// case-insensitively ("ID" fills the field tagged "id"), and that is not
// refused.
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

// object is an open JSON object while [checkKeys] walks the tokens: the keys
// seen so far, and whether the next token is a key.
type object struct {
	keys map[string]struct{}
	key  bool
}

// checkKeys reports the first object key that occurs twice in the same
// object of data, which must hold one well-formed JSON value.
func checkKeys(data []byte) error {
	// One entry per open object or array; nil for an array.
	var stack []*object
	// valueDone records that a value in the innermost open object, if an
	// object is what is open, is complete: the next token is a key.
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1] != nil {
			stack[n-1].key = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if n := len(stack); n > 0 && stack[n-1] != nil && stack[n-1].key {
			if k, ok := tok.(string); ok {
				if _, dup := stack[n-1].keys[k]; dup {
					return fmt.Errorf("%w %q", ErrDuplicateKey, k)
				}
				stack[n-1].keys[k] = struct{}{}
				stack[n-1].key = false
				continue
			}
			// Otherwise the token is the object's closing '}'.
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]struct{}{}, key: true})
		case json.Delim('['):
			stack = append(stack, nil)
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			valueDone()
		default:
			valueDone()
		}
	}
}
