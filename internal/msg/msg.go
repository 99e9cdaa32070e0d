// Package msg holds what every package of the module needs to write the
// messages of its errors: how to clip the user's text they quote, so that a
// message has a bounded length whatever the input, and how to join the
// problems of one call.
package msg

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/shopspring/decimal"
)

// MaxQuoted is the most bytes of a piece of user text (an ID, a name, a
// value) that a message quotes.
const MaxQuoted = 64

// Clip returns s if it has at most n bytes, or else its first n bytes or
// fewer, cut on a rune boundary, followed by "...". It backs up over at most
// [utf8.UTFMax]-1 continuation bytes, so that text that is not UTF-8 at all
// is still cut near n and never below n-3 bytes.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n < 0 {
		n = 0
	}
	cut := n
	for back := 0; back < utf8.UTFMax-1 && cut > 0 && !utf8.RuneStart(s[cut]); back++ {
		cut--
	}
	return s[:cut] + "..."
}

// Decimal returns d as a message writes it: in full ("12.5", "0.001") when
// that takes at most [MaxQuoted] bytes; else as its coefficient and exponent
// ("1e3000000", "-25e-400") when the coefficient takes at most MaxQuoted
// digits; else in scientific form, its leading digits clipped
// ("9.99...e-21" for (10^80-1)·10^-100), so that a message about a decimal
// that is out of range stays short, and quick to write, whatever its
// exponent, and still gives its size. [decimal.Decimal.String] would write every zero. The full form
// is [decfmt.String]'s, so it is the same whatever decimal's package-level
// settings say.
func Decimal(d decimal.Decimal) string {
	exp := int64(d.Exponent())
	switch {
	case d.IsZero():
		return "0"
	case max(exp, -exp)+int64(d.NumDigits())+2 <= MaxQuoted:
		return decfmt.String(d)
	}
	c, sign := d.Coefficient().String(), ""
	if c[0] == '-' {
		c, sign = c[1:], "-"
	}
	if len(c) <= MaxQuoted {
		return sign + c + "e" + strconv.FormatInt(exp, 10)
	}
	return sign + c[:1] + "." + c[1:MaxQuoted-1] + "...e" + strconv.FormatInt(exp+int64(len(c))-1, 10)
}

// GoWords returns the first words of message, outside its quoted text, that
// are Go's rather than JSON's or the reader's, or "" if there are none. A
// message about JSON says what it must be and what it is in JSON's terms
// ("a string", "an integer", "an object"); these words are Go's:
//
//   - encoding/json's and the decimal library's phrases: "Go struct", "Go
//     value", "cannot unmarshal", "can't convert" and "of type ", in any
//     case, and encoding/json's prefix "json: ", in lower case and not
//     after a letter (the module's "invalid JSON: " is not it);
//   - a predeclared Go type named as a word: bool, int, int8, int16, int32,
//     int64, uint, uint8, uint16, uint32, uint64, uintptr, float32, float64,
//     complex64 or complex128, and "string" after "type" or "into", where
//     encoding/json names a Go type ("into string"; JSON's "a string", "the
//     string \"x\"", "a decimal string" and encoding/json's syntax errors,
//     "in string literal", "object key string", are not Go's);
//   - a Go name qualified by another, a word that starts with a letter or
//     "_" followed by "." and a letter or "_", as in nodeIn.name,
//     outcome.Level or decimal.Decimal;
//   - a composite type's syntax: "[]" before a letter, "*" or "[", "map[",
//     "struct {", "struct{", "interface {" or "interface{".
//
// Quoted text is the user's or a field's name, which may be any word: a
// double-quoted string, as %q writes it (a backslash escapes the next
// byte), is skipped, and so is a rune in single quotes ('x', as
// encoding/json quotes a character it does not expect).
func GoWords(message string) string {
	text := unquoted(message)
	lower := strings.ToLower(text)
	for _, p := range []string{"go struct", "go value", "cannot unmarshal", "can't convert", "of type "} {
		if strings.Contains(lower, p) {
			return p
		}
	}
	for i := range len(text) {
		if strings.HasPrefix(text[i:], "json: ") && (i == 0 || !isLetter(text[i-1])) {
			return "json: "
		}
	}
	for _, p := range []string{"map[", "struct {", "struct{", "interface {", "interface{"} {
		if strings.Contains(text, p) {
			return p
		}
	}
	for i := 0; i+2 < len(text); i++ {
		if text[i] == '[' && text[i+1] == ']' && (isLetter(text[i+2]) || text[i+2] == '*' || text[i+2] == '[') {
			return text[i : i+3]
		}
	}
	prev := ""
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		word := text[i:j]
		if isLetter(word[0]) && j+1 < len(text) && text[j] == '.' && isLetter(text[j+1]) {
			k := j + 1
			for k < len(text) && isWordByte(text[k]) {
				k++
			}
			return text[i:k]
		}
		switch word {
		case "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
			"uintptr", "float32", "float64", "complex64", "complex128":
			return word
		case "string":
			if prev == "type" || prev == "into" {
				return word
			}
		}
		prev = word
		i = j
	}
	return ""
}

// unquoted returns message without its double-quoted strings and its runes
// in single quotes, each replaced by a pair of its quotes.
func unquoted(message string) string {
	var b strings.Builder
	for i := 0; i < len(message); i++ {
		switch message[i] {
		case '\'':
			if _, n := utf8.DecodeRuneInString(message[i+1:]); n > 0 && i+1+n < len(message) && message[i+1+n] == '\'' {
				b.WriteString("''")
				i += 1 + n
				continue
			}
		case '"':
			j := i + 1
			for j < len(message) && message[j] != '"' {
				if message[j] == '\\' {
					j++
				}
				j++
			}
			b.WriteString(`""`)
			i = j
			continue
		}
		b.WriteByte(message[i])
	}
	return b.String()
}

// isLetter reports whether c is an ASCII letter or "_".
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// isWordByte reports whether c is an ASCII letter, "_" or a digit.
func isWordByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' }

// Join returns the problems among errs that are not nil, in the order
// given: nil if there is none, the one itself if there is one (so that a
// single problem is the *outcome.Error itself, not a joined error), and
// otherwise all of them joined with [errors.Join]: how a call reports the
// problems of its arguments and of its data together. An err that is a nil
// pointer in an error interface (a nil *outcome.Error passed as an error)
// is nil here too.
func Join(errs ...error) error {
	var out []error
	for _, err := range errs {
		if err == nil {
			continue
		}
		if v := reflect.ValueOf(err); v.Kind() == reflect.Pointer && v.IsNil() {
			continue
		}
		out = append(out, err)
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return errors.Join(out...)
}

// JoinFlat is [Join] of errs with each error among them that [errors.Join]
// made replaced by the errors it joins, in their order, at any depth: so
// that the problems of a part or of a call, joined, and the caller's own
// come back as one list, one level deep, never a joined error inside a
// joined error. Only errors.Join's own errors are opened: another error
// with an Unwrap() []error method (an *outcome.Error, whose code and cause
// are parts of one problem; an error of fmt.Errorf with two %w verbs, whose
// text says more than its parts) is one error.
func JoinFlat(errs ...error) error {
	for _, err := range errs {
		if isJoin(err) {
			return Join(flatten(make([]error, 0, len(errs)+1), errs)...)
		}
	}
	return Join(errs...)
}

// joinType is the type of the errors [errors.Join] returns: a constant of
// the program, never changed.
var joinType = reflect.TypeOf(errors.Join(errors.New("")))

// isJoin reports whether err was made by [errors.Join].
func isJoin(err error) bool { return err != nil && reflect.TypeOf(err) == joinType }

// flatten appends errs to dst, in their order, each that [errors.Join] made
// replaced by the errors it joins, flattened the same way, and returns dst.
func flatten(dst, errs []error) []error {
	for _, err := range errs {
		if isJoin(err) {
			dst = flatten(dst, err.(interface{ Unwrap() []error }).Unwrap())
			continue
		}
		dst = append(dst, err)
	}
	return dst
}
