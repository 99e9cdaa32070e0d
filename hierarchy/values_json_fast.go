package hierarchy

import (
	"bytes"
	"encoding/json"
	"math"

	"github.com/cxmodel/cx/internal/decfmt"
	"github.com/cxmodel/cx/internal/strictjson"
)

// valueSet is one value read from JSON: a node's position and its value in
// units of 10^-places.
type valueSet struct {
	u int32
	v int64
}

// readValuesFast reads the JSON form of a value set the way
// [Values.MarshalJSON] writes it, and the ways people usually write it
// (values as JSON numbers, members in either order, white space anywhere),
// without the general decoder's allocations per member and per path: it
// returns the places and the values, and ok false at the first thing it
// does not expect (a problem, or just a form it does not read, such as an
// escaped key), for the general decoder, which reports every problem, to
// read the text again. What it accepts, the general decoder accepts, to the
// same set.
func (s *Values) readValuesFast(data []byte) (places int32, sets []valueSet, ok bool) {
	members, err := strictjson.Members(data) // checks all of data: UTF-8, well-formed, one object
	if err != nil || len(members) > 2 {
		return 0, nil, false
	}
	places = s.places
	var list json.RawMessage
	for i, mb := range members {
		switch {
		case mb.Key == "places" && (i == 0 || members[0].Key != "places"):
			p, ok := smallUint(mb.Value)
			if !ok || p > MaxValuePlaces {
				return 0, nil, false
			}
			places = int32(p)
		case mb.Key == "values" && (i == 0 || members[0].Key != "values"):
			list = mb.Value
		default:
			return 0, nil, false
		}
	}
	if list == nil {
		return places, nil, true
	}
	r := valueReader{strictjson.NewScanner(list)}
	if !r.byte('[') {
		return 0, nil, false
	}
	seen := newVisitSet(len(s.g.ids))
	if r.Space(); r.Peek() == ']' {
		return places, nil, true
	}
	for {
		id, value, ok := r.element()
		if !ok {
			return 0, nil, false
		}
		u := s.g.find(string(id))
		if u < 0 || !seen.add(u) {
			return 0, nil, false
		}
		x, ok := fixedPoint(value, places)
		if !ok {
			return 0, nil, false
		}
		sets = append(sets, valueSet{u, x})
		r.Space()
		switch r.Next() {
		case ',':
			continue
		case ']':
			return places, sets, true
		}
		return 0, nil, false
	}
}

// smallUint returns the value of raw, a JSON number written as at most two
// plain digits.
func smallUint(raw []byte) (int, bool) {
	switch {
	case len(raw) == 1 && '0' <= raw[0] && raw[0] <= '9':
		return int(raw[0] - '0'), true
	case len(raw) == 2 && '1' <= raw[0] && raw[0] <= '9' && '0' <= raw[1] && raw[1] <= '9':
		return int(raw[0]-'0')*10 + int(raw[1]-'0'), true
	}
	return 0, false
}

// valueReader reads the elements of a value set's list of values, well-formed
// JSON (a value [strictjson.Members] returned), one byte at a time, with
// strictjson's scanner.
type valueReader struct {
	strictjson.Scanner
}

// byte skips white space and reads c.
func (r *valueReader) byte(c byte) bool {
	r.Space()
	return r.Next() == c
}

// plainString skips white space and reads a JSON string without escapes
// and returns its text.
func (r *valueReader) plainString() ([]byte, bool) {
	r.Space()
	s, plain, ok := r.Str()
	if !ok || !plain && bytes.IndexByte(s, '\\') >= 0 {
		return nil, false
	}
	return s, true
}

// element reads {"id":"...","value":...}, its members in either order, the
// value a string or a number (returned as its text, without quotes).
func (r *valueReader) element() (id, value []byte, ok bool) {
	if !r.byte('{') {
		return nil, nil, false
	}
	var gotID, gotValue bool
	for range 2 {
		key, ok := r.plainString()
		if !ok || !r.byte(':') {
			return nil, nil, false
		}
		r.Space()
		switch {
		case string(key) == "id" && !gotID:
			if id, ok = r.plainString(); !ok || len(id) == 0 {
				return nil, nil, false
			}
			gotID = true
		case string(key) == "value" && !gotValue:
			if r.Peek() == '"' {
				value, ok = r.plainString()
			} else {
				value, ok = r.Literal() // a number, or true, false or null, which fixedPoint refuses
			}
			if !ok {
				return nil, nil, false
			}
			gotValue = true
		default:
			return nil, nil, false
		}
		r.Space()
		if c := r.Next(); c == '}' && gotID && gotValue {
			return id, value, true
		} else if c != ',' {
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// fixedPoint returns the decimal text in units of 10^-places, if it is a
// decimal that fits: plain digits ("-1200.50") without allocating, other
// forms ("1.5e2") through decfmt.
func fixedPoint(text []byte, places int32) (int64, bool) {
	neg := len(text) > 0 && text[0] == '-'
	digits := text
	if neg {
		digits = text[1:]
	}
	var x uint64
	frac, point, n := int32(0), false, 0
	for _, c := range digits {
		switch {
		case c == '.' && !point:
			point = true
		case '0' <= c && c <= '9' && n < 18:
			x = x*10 + uint64(c-'0')
			n++
			if point {
				frac++
			}
		default:
			return slowFixedPoint(text, places)
		}
	}
	if n == 0 || frac > places {
		return slowFixedPoint(text, places)
	}
	for ; frac < places; frac++ {
		if x > math.MaxInt64/10 {
			return slowFixedPoint(text, places)
		}
		x *= 10
	}
	if x > math.MaxInt64 {
		return slowFixedPoint(text, places)
	}
	if neg {
		return -int64(x), true
	}
	return int64(x), true
}

// slowFixedPoint is fixedPoint for any text decfmt reads.
func slowFixedPoint(text []byte, places int32) (int64, bool) {
	d, err := decfmt.Parse(string(text), decfmt.AnyDigits, decfmt.DefaultMaxExponent)
	if err != nil {
		return 0, false
	}
	return scaleValue(d, places)
}
