package strictjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// errMalformed reports JSON text that the scanner cannot walk. The scanner
// walks only text that encoding/json has accepted, so a caller meets it
// only if it passes other text: it is there so that such a call fails
// rather than panics.
var errMalformed = errors.New("malformed JSON")

// Scanner walks well-formed JSON text byte by byte, without allocating,
// where encoding/json's Decoder.Token would allocate for every token and
// check the text again: [Members], [Elements] and [checkKeys] walk text that
// [json.Valid] or a decoder has accepted, and so may a decoder's fast path
// (hierarchy's reader of value sets) walk a value that Members or Elements
// returned. Every read is bounds-checked, so that malformed text makes a
// method report failure, not panic. The zero Scanner walks no text.
type Scanner struct {
	data []byte
	i    int
	kind error // for openOf: the value is not of the kind wanted
}

// NewScanner returns a Scanner at the start of data.
func NewScanner(data []byte) Scanner { return Scanner{data: data} }

// Peek returns the byte at the scanner's position, or 0 at the end.
func (s *Scanner) Peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

// Next returns the byte at the scanner's position and moves past it, or
// returns 0 at the end, where the scanner stays.
func (s *Scanner) Next() byte {
	if s.i < len(s.data) {
		s.i++
		return s.data[s.i-1]
	}
	return 0
}

// Space skips JSON white space.
func (s *Scanner) Space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// Str skips the string that starts at the scanner's position and returns
// its text between the quotes, as written, and whether that text is plain:
// ASCII without escapes, so that it is the string itself. ok is false if
// there is no string there (the scanner does not move).
func (s *Scanner) Str() (raw []byte, plain, ok bool) {
	if s.Peek() != '"' {
		return nil, false, false
	}
	plain = true
	for j := s.i + 1; j < len(s.data); j++ {
		switch c := s.data[j]; {
		case c == '"':
			raw = s.data[s.i+1 : j]
			s.i = j + 1
			return raw, plain, true
		case c == '\\':
			plain = false
			j++
		case c >= utf8.RuneSelf:
			plain = false
		}
	}
	return nil, false, false
}

// Literal skips the number, true, false or null that starts at the
// scanner's position, and returns its text: every byte up to the next
// comma, brace, bracket, colon or white space, or the end. ok is false if
// there is none (the scanner is at one of those, or at the end). It does
// not check that the text is a literal: in well-formed JSON, where a value
// that is not a string, an object or an array starts, it is one.
func (s *Scanner) Literal() (text []byte, ok bool) {
	if s.i >= len(s.data) {
		return nil, false
	}
	start := s.i
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ',', '}', ']', ':', ' ', '\t', '\r', '\n':
			return s.data[start:s.i], s.i > start
		}
		s.i++
	}
	return s.data[start:s.i], s.i > start
}

// key reads the object key at the scanner's position, unescaped: a plain
// key through keys ([keyCache.key]) if keys is not nil.
func (s *Scanner) key(keys *keyCache) (string, error) {
	start := s.i
	raw, plain, ok := s.Str()
	switch {
	case !ok:
		return "", errMalformed
	case plain && keys != nil:
		return keys.key(raw), nil
	case plain:
		return string(raw), nil
	}
	var k string
	if err := json.Unmarshal(s.data[start:s.i], &k); err != nil {
		return "", err
	}
	return k, nil
}

// value skips the JSON value that starts at the scanner's position, and
// reports whether there was one to skip.
func (s *Scanner) value() bool {
	switch s.Peek() {
	case 0:
		return false
	case '"':
		_, _, ok := s.Str()
		return ok
	case '{', '[':
		depth := 0
		for s.i < len(s.data) {
			switch s.data[s.i] {
			case '"':
				if _, _, ok := s.Str(); !ok {
					return false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.i++
					return true
				}
			}
			s.i++
		}
		return false
	}
	_, ok := s.Literal() // a number, true, false or null
	return ok
}

// A key of an open object, as [checkKeys] keeps it: its text as written
// (raw, between the quotes) when that is plain ASCII, else folded ([foldKey])
// after unescaping. Two keys fill the same struct field exactly when these
// forms are equal but for the case of ASCII letters (see [sameKey]).
type openKey struct {
	form  []byte
	plain bool
	at    int // the offset in the text of the key's opening quote
}

// manyKeys is the number of keys of one object past which [checkKeys] looks
// a key up in a map of the object's folded keys rather than comparing it
// with each.
const manyKeys = 16

// openValue is an open object or array while [checkKeys] walks the text.
type openValue struct {
	object bool
	first  int            // the index in checkKeys' keys of the object's first key
	folded map[string]int // with more than manyKeys keys: folded key -> index in keys
}

// checkKeys reports the first object key of data that duplicates an earlier
// key of the same object, comparing keys folded by [foldKey]. data must hold
// one well-formed JSON value; checkKeys walks it once, allocating only for
// keys that are not plain ASCII and for objects of more than manyKeys keys.
func checkKeys(data []byte) error {
	s := Scanner{data: data}
	var (
		stack []openValue
		keys  []openKey // the keys of every open object, innermost last
	)
	for {
		s.Space()
		var top *openValue
		if n := len(stack); n > 0 {
			top = &stack[n-1]
		}
		switch c := s.Peek(); {
		case c == 0:
			if len(stack) == 0 {
				return nil
			}
			return errMalformed
		case c == '{' || c == '[':
			stack = append(stack, openValue{object: c == '{', first: len(keys)})
			s.i++
			if c == '{' {
				if err := s.checkKey(&stack[len(stack)-1], &keys); err != nil {
					return err
				}
			}
			continue
		case c == '}' || c == ']':
			if top == nil {
				return errMalformed
			}
			keys = keys[:top.first]
			stack = stack[:len(stack)-1]
			s.i++
		case c == ',':
			s.i++
			if top != nil && top.object {
				if err := s.checkKey(top, &keys); err != nil {
					return err
				}
			}
			continue
		default:
			if !s.value() {
				return errMalformed
			}
		}
		if len(stack) == 0 {
			return nil
		}
	}
}

// checkKey reads the key, if any, at the scanner's position (past white
// space) in the object o, and its colon, and reports it if it duplicates an
// earlier key of o; otherwise it adds it to keys.
func (s *Scanner) checkKey(o *openValue, keys *[]openKey) error {
	s.Space()
	if s.Peek() == '}' {
		return nil // the object is empty
	}
	at := s.i
	raw, plain, ok := s.Str()
	if !ok {
		return errMalformed
	}
	k := openKey{form: raw, plain: plain, at: at}
	if !plain {
		text, err := s.unquote(at)
		if err != nil {
			return err
		}
		k.form = []byte(foldKey(text))
	}
	s.Space()
	if s.Peek() != ':' {
		return errMalformed
	}
	s.i++
	mine := (*keys)[o.first:]
	first := -1
	switch {
	case o.folded != nil:
		if j, dup := o.folded[upperASCII(k.form)]; dup {
			first = j
		}
	default:
		for j := range mine {
			if sameKey(mine[j].form, k.form) {
				first = o.first + j
				break
			}
		}
	}
	if first >= 0 {
		return s.duplicate((*keys)[first].at, at)
	}
	*keys = append(*keys, k)
	if n := len(*keys) - o.first; n > manyKeys {
		if o.folded == nil {
			o.folded = make(map[string]int, 2*n)
			for j, mk := range (*keys)[o.first : len(*keys)-1] {
				o.folded[upperASCII(mk.form)] = o.first + j
			}
		}
		o.folded[upperASCII(k.form)] = len(*keys) - 1
	}
	return nil
}

// unquote returns the string whose quoted text starts at offset at.
func (s *Scanner) unquote(at int) (string, error) {
	end := Scanner{data: s.data, i: at}
	if _, _, ok := end.Str(); !ok {
		return "", errMalformed
	}
	var text string
	if err := json.Unmarshal(s.data[at:end.i], &text); err != nil {
		return "", err
	}
	return text, nil
}

// duplicate returns the error for the key at offset at, which repeats the
// key at offset first.
func (s *Scanner) duplicate(first, at int) error {
	k, err := s.unquote(at)
	if err != nil {
		return err
	}
	f, err := s.unquote(first)
	if err != nil {
		return err
	}
	if f == k {
		return fmt.Errorf("%w %q", ErrDuplicateKey, k)
	}
	return fmt.Errorf("%w %q (encoding/json matches it to the same field as %q)", ErrDuplicateKey, k, f)
}

// sameKey reports whether two keys' forms ([openKey]) are equal but for
// the case of ASCII letters.
func sameKey(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if upper(a[i]) != upper(b[i]) {
			return false
		}
	}
	return true
}

// upper returns c in upper case if it is an ASCII letter.
func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// upperASCII returns form with its ASCII letters in upper case: one string
// for all the forms [sameKey] finds equal.
func upperASCII(form []byte) string {
	out := make([]byte, len(form))
	for i, c := range form {
		out[i] = upper(c)
	}
	return string(out)
}
