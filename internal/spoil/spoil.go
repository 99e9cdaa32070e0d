// Package spoil helps fuzzers write JSON definitions with some values of
// the wrong type, and count them, so that a decoder that reports every
// problem of the JSON form can be checked to report one for each, and
// write them with their members in another order ([Reversed]), so that a
// decoder can be checked to report the same problems in the same order.
package spoil

import (
	"encoding/json"
	"strings"

	"github.com/cxmodel/cx/internal/strictjson"
)

// Spoiler replaces some of the values a fuzzer writes with values of the
// wrong JSON type: the k-th value asked for (counted from 0) is spoiled
// when bit k of Bits is set (bit k%8 of byte k/8; values beyond the bits
// are not).
type Spoiler struct {
	Bits    []byte
	k       int
	spoiled int
}

// Value returns good, or, if this value is spoiled, a value of the wrong
// type in its place, and counts it: null, or, when another type is wrong
// too (wrongOK; not for a decimal, which may be a number, nor for a
// number), by turns null, the number 7 and the array ["x"].
func (s *Spoiler) Value(good string, wrongOK bool) string {
	k := s.k
	s.k++
	if k/8 >= len(s.Bits) || s.Bits[k/8]&(1<<(k%8)) == 0 {
		return good
	}
	s.spoiled++
	switch {
	case !wrongOK || k%3 == 0:
		return "null"
	case k%3 == 1:
		return "7"
	}
	return `["x"]`
}

// Spoiled returns the number of values spoiled so far.
func (s *Spoiler) Spoiled() int { return s.spoiled }

// Reversed returns data, valid JSON, with the members of every object, at
// any depth, in reverse order; arrays keep the order of their elements.
// Data that is neither an object nor an array of valid JSON is returned as
// it is, and so is a value within data that is neither.
func Reversed(data []byte) []byte {
	if members, err := strictjson.Members(data); err == nil {
		var b strings.Builder
		b.WriteByte('{')
		for i := len(members) - 1; i >= 0; i-- {
			key, _ := json.Marshal(members[i].Key) // valid UTF-8: the same key
			b.Write(key)
			b.WriteByte(':')
			b.Write(Reversed(members[i].Value))
			if i > 0 {
				b.WriteByte(',')
			}
		}
		b.WriteByte('}')
		return []byte(b.String())
	}
	if elems, err := strictjson.Elements(data); err == nil {
		var b strings.Builder
		b.WriteByte('[')
		for i, e := range elems {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(Reversed(e))
		}
		b.WriteByte(']')
		return []byte(b.String())
	}
	return data
}
