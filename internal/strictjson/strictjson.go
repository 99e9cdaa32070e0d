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
	"unicode"
	"unicode/utf8"
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

// object is an open JSON object while [checkKeys] walks the tokens: the keys
// seen so far, by their folded form ([foldKey]), and whether the next token
// is a key.
type object struct {
	keys map[string]string // folded key -> the key as first written
	key  bool
}

// checkKeys reports the first object key of data that duplicates an earlier
// key of the same object, comparing keys folded by [foldKey]. data must hold
// one well-formed JSON value.
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
	// Numbers stay text: as float64, a number out of its range (1e400), which
	// the caller's decoder may take as a decimal, would be an error here.
	dec.UseNumber()
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
				f := foldKey(k)
				if first, dup := stack[n-1].keys[f]; dup {
					if first == k {
						return fmt.Errorf("%w %q", ErrDuplicateKey, k)
					}
					return fmt.Errorf("%w %q (encoding/json matches it to the same field as %q)",
						ErrDuplicateKey, k, first)
				}
				stack[n-1].keys[f] = k
				stack[n-1].key = false
				continue
			}
			// Otherwise the token is the object's closing '}'.
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &object{keys: map[string]string{}, key: true})
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
