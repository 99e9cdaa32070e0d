package outcome

import (
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/cxmodel/cx/internal/binenc"
)

// This file holds the compact binary forms of the package's mergeable
// accumulators, for engines that ship partial results between workers (an
// Apache Beam combiner, a Spark aggregator, a queue between processes).
//
// Every form starts with one format byte that names the type and the version
// of its form; a later version of a form gets a new byte, and decoders keep
// reading the old ones. Counts are unsigned varints (7 bits a byte), so a
// count below 128 takes one byte. Each value has exactly one form: decoding
// refuses anything the encoder would not write (an over-long varint, reasons
// out of order, trailing bytes), so that decoded bytes re-encode to the same
// bytes.

// ErrInvalidBinary: bytes that are not a binary form this package writes:
// empty, truncated, with an unknown format byte, trailing data, a count
// beyond int64, or not in the one canonical form of the value. A well-formed
// form of an invalid value reports the constructor's code instead
// ([ErrInvalidCount], [ErrInvalidReason], ...).
const ErrInvalidBinary Code = "invalid-binary"

// The format bytes of the binary forms.
const (
	formatProportion    byte = 0x10
	formatFailureDemand byte = 0x11
)

// binaryError returns the *Error for a malformed binary form of what, wrapping
// cause.
func binaryError(what string, cause error) *Error {
	e := NewError(ErrInvalidBinary, nil, "outcome: invalid binary form of a %s: %s", what, clipN(cause.Error(), 200))
	e.Err = cause
	return e
}

// readFormat reads the format byte of what's form, which must be want.
func readFormat(r *binenc.Reader, what string, want byte) error {
	if r.Len() == 0 {
		return binaryError(what, errors.New("no bytes"))
	}
	if got := r.Byte(); got != want {
		return binaryError(what, fmt.Errorf("format byte 0x%02x, not 0x%02x", got, want))
	}
	return nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x10, then the successes and the trials as unsigned varints:
// 81 of 263 is 10 51 87 02, four bytes; the empty proportion is 10 00 00.
func (p Proportion) MarshalBinary() ([]byte, error) { return p.AppendBinary(make([]byte, 0, 8)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [Proportion.MarshalBinary] to b, without allocating if b has room.
func (p Proportion) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatProportion)
	b = binenc.AppendUvarint(b, uint64(p.successes))
	return binenc.AppendUvarint(b, uint64(p.trials)), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [Proportion.MarshalBinary] and validates the counts exactly as
// [NewProportion] does (more successes than trials is an error with code
// [ErrInvalidCount]); bytes that are not that form are an *[Error] with code
// [ErrInvalidBinary]. On error p is unchanged.
func (p *Proportion) UnmarshalBinary(data []byte) error {
	const what = "Proportion"
	r := binenc.NewReader(data)
	if err := readFormat(r, what, formatProportion); err != nil {
		return err
	}
	s, n := r.Count(), r.Count()
	if err := r.Done(); err != nil {
		return binaryError(what, err)
	}
	q, err := NewProportion(s, n)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x11, then the value demand and the failure demand, each as
// the number of its reasons and, per reason in byte order ([NoReason]
// first), the reason's length, its bytes and its count, all lengths and
// counts unsigned varints. 700 contacts of value demand without a reason and
// 90 "chaser" contacts of failure demand are
//
//	11  01 00 BC 05  01 06 63 68 61 73 65 72 5A
//
// fourteen bytes. The empty tally is 11 00 00.
func (d FailureDemand) MarshalBinary() ([]byte, error) { return d.AppendBinary(nil) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [FailureDemand.MarshalBinary] to b.
func (d FailureDemand) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatFailureDemand)
	for _, m := range d.byReason {
		b = binenc.AppendUvarint(b, uint64(len(m)))
		for _, r := range slices.Sorted(maps.Keys(m)) {
			b = binenc.AppendString(b, r)
			b = binenc.AppendUvarint(b, uint64(m[r]))
		}
	}
	return b, nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [FailureDemand.MarshalBinary] and validates every row as
// [FailureDemand.Add] does and as [FailureDemand.UnmarshalJSON] does: an
// invalid reason is an error with code [ErrInvalidReason], a reason listed
// twice for one kind one with code [ErrDuplicateReason], a total above the
// largest int64 one with code [ErrOverflow], more than [MaxReasons] reasons
// of a kind one with code [ErrTooManyReasons]. Bytes that are not the form
// (also reasons out of byte order, or a zero count, which the encoder never
// writes) are an *[Error] with code [ErrInvalidBinary]. Every problem met
// is reported, joined with [errors.Join], in the order of the bytes; a
// malformed form is the last problem, as nothing after it can be read. On
// error d is unchanged.
func (d *FailureDemand) UnmarshalBinary(data []byte) error {
	const what = "FailureDemand"
	r := binenc.NewReader(data)
	if err := readFormat(r, what, formatFailureDemand); err != nil {
		return err
	}
	var (
		out        FailureDemand
		errs       []error
		overflowed bool
	)
	for k, failure := range [2]bool{false, true} {
		// A row takes at least two bytes: an empty reason and a count.
		n := r.Length(2)
		if n > 0 {
			out.byReason[k] = make(map[string]int64, min(n, MaxReasons))
		}
		prev, first, tooMany := "", true, false
		for range n {
			reason, count := r.String(false), r.Count()
			if r.Err() != nil {
				break
			}
			switch {
			case !first && reason == prev:
				errs = append(errs, NewError(ErrDuplicateReason, []string{reason},
					"outcome: %s demand reason %q is listed twice", demandKind(failure), clip(reason)))
				continue
			case !first && reason < prev:
				r.Fail(fmt.Errorf("%s demand reason %q after %q: reasons are in byte order", demandKind(failure), clip(reason), clip(prev)))
			case count == 0:
				r.Fail(fmt.Errorf("zero count of %s demand %q: the form holds only counts above zero", demandKind(failure), clip(reason)))
			}
			if r.Err() != nil {
				break
			}
			prev, first = reason, false
			err := out.Add(reason, failure, count)
			// One overflow, and one excess of reasons per kind, is enough
			// to report.
			switch {
			case errors.Is(err, ErrOverflow):
				if overflowed {
					continue
				}
				overflowed = true
			case errors.Is(err, ErrTooManyReasons):
				if tooMany {
					continue
				}
				tooMany = true
			}
			if err != nil {
				errs = append(errs, err)
			}
		}
	}
	if err := r.Done(); err != nil {
		errs = append(errs, binaryError(what, err))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*d = out
	return nil
}
