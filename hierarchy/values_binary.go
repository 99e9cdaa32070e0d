package hierarchy

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"

	"github.com/cxmodel/cx/internal/binenc"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// formatValues is the format byte of the binary form of a value set.
const formatValues byte = 0x30

// The keys of the hash that names a model in the binary form of its value
// sets: fixed, so that every process computes the same fingerprint.
const (
	fingerprintK0 = 0x243f6a8885a308d3 // the first digits of π
	fingerprintK1 = 0x13198a2e03707344
)

// fingerprint returns a hash of the model's node IDs in the model's order,
// the same in every process, computed once.
func (g *graph) fingerprint() uint64 {
	g.fingerprintOnce.Do(func() {
		h := hasher{k0: fingerprintK0, k1: fingerprintK1}
		fp := uint64(len(g.ids))
		for _, id := range g.ids {
			fp = mix(fp^h.str(id), m5^fingerprintK1)
		}
		g.fingerprintValue = fp
	})
	return g.fingerprintValue
}

// MarshalBinary implements [encoding.BinaryMarshaler]: the set's compact
// binary form, for shipping a shard's measured values between processes and
// merging them there ([Values.Merge]). The form is the format byte 0x30; the
// set's decimal places; the model's number of nodes and a fingerprint of its
// node IDs in order (8 bytes), which name the model; the number of values;
// then, in node order, each value's node as the gap from the node after the
// previous value's (the first: its position) and the value in units of
// 10^-places, counts as unsigned varints and values as zig-zag varints. So
// the contact centre's costs of answering calls, 1200.50, and of looking up
// accounts, 800.25 (its first two of 12 nodes), at 2 places, take 20 bytes:
//
//	30 02 0C <8 bytes> 02 00 E4 D3 0E 00 B2 E2 09
//
// (120050 cents zig-zag encoded is 240100, E4 D3 0E as a varint.)
func (s *Values) MarshalBinary() ([]byte, error) { return s.AppendBinary(nil) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [Values.MarshalBinary] to b.
func (s *Values) AppendBinary(b []byte) ([]byte, error) {
	if s == nil || s.g == nil {
		return b, foreignError(s)
	}
	b = append(b, formatValues)
	b = binenc.AppendUvarint(b, uint64(s.places))
	b = binenc.AppendUvarint(b, uint64(len(s.g.ids)))
	b = binary.LittleEndian.AppendUint64(b, s.g.fingerprint())
	b = binenc.AppendUvarint(b, uint64(s.n))
	next := 0
	for w, has := range s.has {
		for ; has != 0; has &= has - 1 {
			u := w*64 + bits.TrailingZeros64(has)
			b = binenc.AppendUvarint(b, uint64(u-next))
			b = binenc.AppendVarint(b, s.v[u])
			next = u + 1
		}
	}
	return b, nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]: it reads the form
// of [Values.MarshalBinary] into s, a set made by [Model.NewValues] of the
// model the bytes were written from (its nodes' IDs, in order, are the same:
// a model built from the same definition in any process), replacing s's
// values and places. Bytes whose number of nodes or fingerprint is not
// that of s's model (bytes of a model with other node IDs, or another
// order of them; the bytes hold no IDs to compare one by one, so unlike
// [Values.Merge] this rests on the 64-bit fingerprint alone) are an error
// with code [ErrForeignValues], places beyond [MaxValuePlaces] one with code
// [ErrInvalidPlaces], and bytes that are not the form (empty, truncated,
// another format byte, a node beyond the model's, more values than nodes,
// trailing data, a varint longer than it needs to be) an *[outcome.Error]
// with code [outcome.ErrInvalidBinary]. Once the bytes' header (format,
// places, number of nodes, fingerprint, number of values) is read, each
// problem is reported (one as itself, several joined with [errors.Join])
// in this order: the
// places, the model, and the first place where the values are not the
// form (bytes are not read further once they are not). On error s is
// unchanged. It does not allocate unless it fails.
func (s *Values) UnmarshalBinary(data []byte) error {
	if s == nil || s.g == nil {
		return foreignError(s)
	}
	places, count, start, err := s.checkBinary(data)
	if err != nil {
		return err
	}
	clear(s.v)
	clear(s.has)
	s.places, s.n = places, count
	// checkBinary has read every varint, so they are whole and canonical.
	data, next := data[start:], uint64(0)
	for range count {
		gap, k := binary.Uvarint(data)
		v, j := binary.Varint(data[k:])
		data = data[k+j:]
		u := next + gap
		s.v[u] = v
		s.has[u/64] |= 1 << (u % 64)
		next = u + 1
	}
	return nil
}

// checkBinary checks that data is the form of [Values.MarshalBinary] of a
// set of s's model, and returns its places, its number of values and the
// offset of the first value in data.
func (s *Values) checkBinary(data []byte) (places int32, count, start int, err error) {
	r := binenc.NewReader(data)
	if r.Len() == 0 {
		return 0, 0, 0, valuesBinaryError(errors.New("no bytes"))
	}
	if f := r.Byte(); f != formatValues {
		return 0, 0, 0, valuesBinaryError(fmt.Errorf("format byte 0x%02x, not 0x%02x", f, formatValues))
	}
	p, nodes, fp := r.Uvarint(), r.Uvarint(), r.Bytes(8)
	n := r.Uvarint()
	if err := r.Err(); err != nil {
		return 0, 0, 0, valuesBinaryError(err)
	}
	// The places, the model and the values are checked apart: each
	// problem is reported, in that order (the values' first only, as
	// bytes are read no further once they are not the form).
	var errPlaces, errForeign *outcome.Error
	if p > MaxValuePlaces {
		errPlaces = newError(ErrInvalidPlaces, nil,
			"hierarchy: a value set keeps 0 to %d decimal places, not %d", MaxValuePlaces, p)
	}
	if nodes != uint64(len(s.g.ids)) || binary.LittleEndian.Uint64(fp) != s.g.fingerprint() {
		errForeign = foreignError()
	}
	if n > nodes {
		return 0, 0, 0, msg.Join(errPlaces, errForeign, valuesBinaryError(fmt.Errorf("%d values for %d nodes", n, nodes)))
	}
	start, next := len(data)-r.Len(), uint64(0)
	for range n {
		gap := r.Uvarint()
		if r.Err() == nil && gap >= nodes-next { // the node would be next+gap ≥ nodes
			at := fmt.Sprintf("position %d", next+gap)
			if gap > math.MaxUint64-next {
				at = fmt.Sprintf("a gap of %d after position %d", gap, next)
			}
			return 0, 0, 0, msg.Join(errPlaces, errForeign,
				valuesBinaryError(r.Fail(fmt.Errorf("a value at %s of a model of %d nodes", at, nodes))))
		}
		if v := r.Varint(); r.Err() != nil {
			break
		} else if v == math.MinInt64 {
			return 0, 0, 0, msg.Join(errPlaces, errForeign,
				valuesBinaryError(r.Fail(errors.New("a value of -2^63, beyond a value set's ±(2^63-1)"))))
		}
		next += gap + 1
	}
	var errForm *outcome.Error
	if err := r.Done(); err != nil {
		errForm = valuesBinaryError(err)
	}
	if err := msg.Join(errPlaces, errForeign, errForm); err != nil {
		return 0, 0, 0, err
	}
	return int32(p), int(n), start, nil
}

// valuesBinaryError returns the error for bytes that are not the binary form
// of a value set, wrapping cause.
func valuesBinaryError(cause error) *outcome.Error {
	e := newError(outcome.ErrInvalidBinary, nil, "hierarchy: invalid binary form of a value set: %s", clipN(cause.Error(), 200))
	e.Err = cause
	return e
}
