package outcome

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"

	"github.com/cxmodel/cx/internal/binenc"
	"github.com/cxmodel/cx/internal/msg"
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

// ErrInvalidBinary: bytes that are not a binary form the module writes:
// empty, truncated, with an unknown format byte, trailing data, a count
// beyond int64, or not in the one canonical form of the value. A well-formed
// form of an invalid value reports the constructor's code instead
// ([ErrInvalidCount], [ErrInvalidReason], ...). Package triplecrown's binary
// forms report it too.
const ErrInvalidBinary Code = "invalid-binary"

// The format bytes of the binary forms.
const (
	formatProportion    byte = 0x10
	formatFailureDemand byte = 0x11
	formatNPSTally      byte = 0x12
	formatCSATTally     byte = 0x13
	formatCESTally      byte = 0x14
)

// binaryError returns the *Error for a malformed binary form of what, wrapping
// cause.
func binaryError(what string, cause error) *Error {
	e := NewError(ErrInvalidBinary, nil, "outcome: invalid binary form of %s: %s", what, clipN(cause.Error(), 200))
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
	const what = "a Proportion"
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
	keys := make([]string, 0, max(len(d.byReason[0]), len(d.byReason[1])))
	for _, m := range d.byReason {
		b = binenc.AppendUvarint(b, uint64(len(m)))
		keys = keys[:0]
		for r := range m {
			keys = append(keys, r)
		}
		slices.Sort(keys)
		for _, r := range keys {
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
// writes) are an *[Error] with code [ErrInvalidBinary]. Every problem met is
// reported, one as its *[Error] itself, several joined with [errors.Join], in
// the order of the bytes, a row's reason before its count: a row out of order
// or with a zero count still has its reason checked (or is said listed
// twice), before the form's problem; a malformed form is the last problem, as
// nothing after it can be read. On error d is unchanged.
func (d *FailureDemand) UnmarshalBinary(data []byte) error {
	const what = "a FailureDemand"
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
			// A row out of order or with a zero count is not the form, and
			// ends the reading; its reason is checked first, as Add would
			// (a reason listed twice was checked in the row before).
			var malformed error
			switch {
			case !first && reason < prev:
				malformed = fmt.Errorf("%s demand reason %q after %q: reasons are in byte order", demandKind(failure), clip(reason), clip(prev))
			case count == 0:
				malformed = fmt.Errorf("zero count of %s demand %q: the form holds only counts above zero", demandKind(failure), clip(reason))
			}
			dup := !first && reason == prev
			switch {
			case dup:
				errs = append(errs, NewError(ErrDuplicateReason, []string{reason},
					"outcome: %s demand reason %q is listed twice", demandKind(failure), clip(reason)))
			case malformed != nil:
				if err := validateReason(reason); err != nil {
					errs = append(errs, err)
				}
			}
			if malformed != nil {
				r.Fail(malformed)
				break
			}
			if dup {
				continue
			}
			prev, first = reason, false
			err := out.Add(reason, failure, count)
			errs = appendAddError(errs, err, &overflowed, &tooMany)
		}
	}
	if err := r.Done(); err != nil {
		errs = append(errs, binaryError(what, err))
	}
	if len(errs) > 0 {
		return msg.JoinFlat(errs...)
	}
	*d = out
	return nil
}

// A tally's form holds its scale: the byte 0 for the standard one (0-10
// with the standard NPS bands, 1-5 with a top-two box, 1-7 agreeing from
// 5), or the byte 1 followed by the scale's bottom as a zig-zag varint, its
// span (top minus bottom) as an unsigned varint, and what defines the
// bands as unsigned varints: for NPS the offsets from the bottom of the
// lowest passive and the lowest promoter answer, for CSAT the size of the
// top box, for CES the offset of the lowest agreeing answer.

// The first byte of a tally's scale.
const (
	scaleStandard byte = 0
	scaleCustom   byte = 1
)

// appendScale appends the bottom and span of s.
func appendScale(b []byte, s Scale) []byte {
	b = binenc.AppendVarint(b, int64(s.min))
	return binenc.AppendUvarint(b, uint64(s.max-s.min))
}

// rawScale is a tally's scale as read, before it is validated: custom is
// false for the standard scale; otherwise the bottom, the span and the
// offsets of the points that define the bands (one or two).
type rawScale struct {
	custom   bool
	lo, span int64
	offsets  [2]int64
}

// readRawScale reads a tally's scale with points offsets of band points.
func readRawScale(r *binenc.Reader, points int) rawScale {
	var rs rawScale
	if rs.custom = readScaleByte(r); rs.custom {
		rs.lo, rs.span = r.Varint(), r.Count()
		for i := range points {
			rs.offsets[i] = r.Count()
		}
	}
	return rs
}

// scale validates the scale from the bottom lo to the top lo+span as
// [NewScale] does, with its problems in its order: a span of 0 (fewer than
// two points), a bound outside the int32 range (the bottom if it is, else
// the top), then a span of [MaxScalePoints] or more (more points than
// that). The top is worked out exactly, though lo+span may pass an int64.
func (rs rawScale) scale() (Scale, error) {
	lo, span := rs.lo, rs.span // span >= 0 (binenc.Reader.Count)
	few := span == 0
	bottomOut := lo < math.MinInt32 || lo > math.MaxInt32
	topOut := !bottomOut && span > math.MaxInt32-lo
	many := span >= MaxScalePoints
	if !few && !bottomOut && !topOut && !many {
		return NewScale(int(lo), int(lo+span))
	}
	var errs [3]error
	if few {
		errs[0] = NewError(ErrInvalidScale, nil,
			"outcome: scale %d..%d has fewer than two points (its bottom must be below its top)", lo, lo)
	}
	switch {
	case bottomOut:
		errs[1] = NewError(ErrInvalidScale, nil, "outcome: scale with its bottom %d outside %d..%d", lo, math.MinInt32, math.MaxInt32)
	case topOut:
		// lo is within int32: lo+span is exact in an int64 if lo < 0, in a
		// uint64 otherwise.
		var top any = lo + span
		if lo >= 0 {
			top = uint64(lo) + uint64(span)
		}
		errs[1] = NewError(ErrInvalidScale, nil,
			"outcome: scale %d..%d has a bound outside %d..%d", lo, top, math.MinInt32, math.MaxInt32)
	}
	if many {
		errs[2] = NewError(ErrInvalidScale, nil, "outcome: scale from %d with %d points has more than %d points",
			lo, uint64(span)+1, MaxScalePoints)
	}
	return Scale{}, msg.JoinFlat(errs[:]...)
}

// point returns offset i as a point of s; an offset past the top of s is
// an error with code [ErrInvalidBands].
func (rs rawScale) point(s Scale, i int, what string) (int, error) {
	if off := rs.offsets[i]; off > int64(s.max-s.min) {
		return 0, NewError(ErrInvalidBands, nil, "outcome: the %s, %d points from the bottom of the scale %s, is past its top", what, off, s)
	}
	return s.min + int(rs.offsets[i]), nil
}

// nonCanonicalScale records in r that a custom scale is the standard one,
// which the encoder writes as the standard byte.
func nonCanonicalScale(r *binenc.Reader) {
	r.Fail(fmt.Errorf("%w: the standard scale written out", binenc.ErrNonCanonical))
}

// readScaleByte reads the first byte of a tally's scale: false for the
// standard scale, true for a custom one; any other byte is recorded in r.
func readScaleByte(r *binenc.Reader) bool {
	switch c := r.Byte(); c {
	case scaleStandard:
		return false
	case scaleCustom:
		return true
	default:
		if r.Err() == nil {
			r.Fail(fmt.Errorf("scale byte %d", c))
		}
		return false
	}
}

// endTally returns a tally's problems and any malformed-form problem of
// what's form, joined, in that order.
func endTally(r *binenc.Reader, what string, errs []error) error {
	if err := r.Done(); err != nil {
		errs = append(errs, binaryError(what, err))
	}
	return msg.JoinFlat(errs...)
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x12, the bands (0 for the standard ones; otherwise 1, the
// scale, and the offsets of the lowest passive and the lowest promoter
// answer), then the promoters, passives and detractors as unsigned
// varints: 412 promoters, 230 passives and 158 detractors on the standard
// bands are 12 00 9C 03 E6 01 9E 01, eight bytes.
func (t NPSTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(make([]byte, 0, 16)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [NPSTally.MarshalBinary] to b, without allocating if b has room.
func (t NPSTally) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, formatNPSTally)
	if t.bands.IsZero() {
		b = append(b, scaleStandard)
	} else {
		lo := t.bands.lo()
		b = append(b, scaleCustom)
		b = appendScale(b, t.bands.Scale())
		b = binenc.AppendUvarint(b, uint64(t.bands.passLo()-lo))
		b = binenc.AppendUvarint(b, uint64(t.bands.promLo()-lo))
	}
	b = binenc.AppendUvarint(b, uint64(t.promoters))
	b = binenc.AppendUvarint(b, uint64(t.passives))
	return binenc.AppendUvarint(b, uint64(t.detractors)), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [NPSTally.MarshalBinary] and validates it as [NewScale],
// [NewNPSBands] and [NPSTallyFromCounts] do: an invalid scale is an error
// with code [ErrInvalidScale], invalid bands one with code
// [ErrInvalidBands], counts whose total overflows int64 one with code
// [ErrOverflow]. Bytes that are not the form (also the standard bands
// written out, which the encoder writes as 0) are an error with code
// [ErrInvalidBinary]. Every problem is reported, one alone as its *[Error]
// and several joined with [errors.Join], in this order: first the bands'.
// With bottom lo and the offsets p and q of the lowest passive and the
// lowest promoter answer, the bands are the detractors lo..lo+p-1, the
// passives lo+p..lo+q-1 and the promoters lo+q..top. On an invalid scale
// they are the scale's problems (NewScale's, in its order) and then each
// band that is empty, as NewNPSBands reports it whatever the scale: the
// detractors if p is 0, the passives if q is not above p, the promoters if
// q is past the top (bounds beyond an int64 written exactly). On a valid
// scale with p or q past its top they are: the detractors empty if p is 0;
// the lowest passive answer past the top if p is; the lowest promoter
// answer past the top if q is. An offset past the top is the one fact about
// the bands it bounds, so NewNPSBands' problems of those (the promoters
// empty; the passives empty or off the scale; the detractors off the scale)
// are not reported too. On a valid scale with both offsets on it they are
// NewNPSBands' problems: the detractors empty if p is 0, then the passives
// if q is not above p. Then come the counts' problems (checked whatever the
// bands), then a malformed form's. On error t is unchanged.
func (t *NPSTally) UnmarshalBinary(data []byte) error {
	const what = "an NPSTally"
	r := binenc.NewReader(data)
	if err := readFormat(r, what, formatNPSTally); err != nil {
		return err
	}
	var out NPSTally
	if err := endTally(r, what, decodeNPS(r, &out)); err != nil {
		return err
	}
	*t = out
	return nil
}

// decodeNPS reads the rest of an NPSTally's form into out and validates it.
func decodeNPS(r *binenc.Reader, out *NPSTally) []error {
	rs := readRawScale(r, 2)
	p, pa, d := r.Count(), r.Count(), r.Count()
	if r.Err() != nil {
		return nil
	}
	var bands NPSBands
	var errs []error
	if rs.custom {
		s, err := rs.scale()
		if err != nil {
			// As NewNPSBands reports each empty band also on an invalid
			// scale, after the scale's problem.
			errs = append(errs, err)
			errs = append(errs, rs.emptyNPSBands()...)
		} else if past := rs.npsPastTop(s); len(past) > 0 {
			errs = append(errs, past...)
		} else {
			// Both offsets are on the scale: the bands are NewNPSBands'.
			pass, prom := s.min+int(rs.offsets[0]), s.min+int(rs.offsets[1])
			if bands, err = NewNPSBands(s, Band{s.min, pass - 1}, Band{pass, prom - 1}, Band{prom, s.max}); err != nil {
				errs = append(errs, err)
			} else if bands.IsZero() {
				nonCanonicalScale(r)
				return nil
			}
		}
	}
	// The counts are checked whatever the bands: they do not depend on them.
	if errs = append(errs, npsCountProblems([3]int64{p, pa, d}, [3]bool{true, true, true})...); len(errs) > 0 {
		return errs
	}
	*out = NPSTally{bands: bands, promoters: p, passives: pa, detractors: d}
	return nil
}

// npsPastTop returns the problems of the NPS bands rs defines on its valid
// scale s (bottom lo, top lo+span) if an offset, p of the lowest passive or
// q of the lowest promoter answer, is past the top (above span), and nil if
// neither is. They are, in [NewNPSBands]' order of the bands: the detractor
// band lo..lo-1 empty if p is 0; the lowest passive answer past the top if
// p is; the lowest promoter answer past the top if q is. An offset past the
// top is the one fact about the bands it bounds, so NewNPSBands' problems
// of those bands are left out as its consequences: the detractors
// lo..lo+p-1 off the scale (p above span+1) and the passives lo+p..lo+q-1,
// empty or off the scale, for p; the promoters lo+q..top, empty, and the
// passives off the scale (q above span+1, p not past the top) for q. The
// passives are never empty with p on the scale and q past the top, which
// would put q above p. The detractors' emptiness needs neither offset on
// the scale and is reported, as NewNPSBands reports it.
func (rs rawScale) npsPastTop(s Scale) []error {
	span := int64(s.max - s.min)
	p, q := rs.offsets[0], rs.offsets[1]
	if p <= span && q <= span {
		return nil
	}
	var errs []error
	if p == 0 {
		errs = append(errs, npsEmptyBand("detractor", Band{s.min, s.min - 1}.String()))
	}
	for i, what := range [2]string{"lowest passive answer", "lowest promoter answer"} {
		if _, err := rs.point(s, i, what); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// emptyNPSBands returns the problem of each empty band among the NPS bands
// rs defines, detractors lo..lo+p-1, passives lo+p..lo+q-1 and promoters
// lo+q..lo+span (lo the bottom, span the span, p and q the offsets of the
// lowest passive and the lowest promoter answer), in [NewNPSBands]'s words
// and order: the detractors are empty if p is 0, the passives if q is not
// above p, the promoters if q is above span. Emptiness does not depend on
// the scale, so NewNPSBands reports it also on an invalid scale, and so
// does the form. The bounds are worked out exactly, as the messages name
// them, though they may pass an int64: lo-1 is below it for the bottom
// -2^63, lo+q above it for the bottom and q both 2^63-1.
func (rs rawScale) emptyNPSBands() []error {
	pass, prom := rs.offsets[0], rs.offsets[1]
	at := func(off, d int64) string {
		v := big.NewInt(rs.lo)
		v.Add(v, big.NewInt(off))
		return v.Add(v, big.NewInt(d)).String()
	}
	var errs []error
	if pass == 0 {
		errs = append(errs, npsEmptyBand("detractor", at(0, 0)+".."+at(pass, -1)))
	}
	if prom <= pass {
		errs = append(errs, npsEmptyBand("passive", at(pass, 0)+".."+at(prom, -1)))
	}
	if prom > rs.span {
		errs = append(errs, npsEmptyBand("promoter", at(prom, 0)+".."+at(rs.span, 0)))
	}
	return errs
}

// appendBinary appends the form of a CSAT or CES tally after its format
// byte: the scale (0 for the standard one; otherwise 1, the scale and mark,
// what defines its band), the number of points and the count of each.
func (t ratingTally[S]) appendBinary(b []byte, mark int) []byte {
	s := t.scale.Scale()
	if t.scale.IsZero() {
		b = append(b, scaleStandard)
	} else {
		b = append(b, scaleCustom)
		b = appendScale(b, s)
		b = binenc.AppendUvarint(b, uint64(mark))
	}
	b = binenc.AppendUvarint(b, uint64(s.Points()))
	for _, c := range t.r.counts[:s.Points()] {
		b = binenc.AppendUvarint(b, uint64(c))
	}
	return b
}

// decodeRatings reads the rest of a CSAT or CES tally's form into out and
// validates it; custom validates a custom scale s with the mark read in rs.
func decodeRatings[S ratingScale](r *binenc.Reader, out *ratingTally[S], custom func(s Scale, rs rawScale) (S, error)) []error {
	rs := readRawScale(r, 1)
	counts := make([]int64, r.Length(1))
	for i := range counts {
		counts[i] = r.Count()
	}
	if r.Err() != nil {
		return nil
	}
	var scale S
	var errs []error
	if rs.custom {
		s, err := rs.scale()
		if err == nil {
			scale, err = custom(s, rs)
		}
		switch {
		case err != nil:
			errs = append(errs, err)
		case scale.IsZero():
			nonCanonicalScale(r)
			return nil
		}
	}
	// The counts are checked whatever the scale, without it if it is not
	// valid, as [CSATTally.UnmarshalJSON] checks them.
	if errs = append(errs, ratingCountProblems(scale.Scale(), len(errs) == 0, counts)...); len(errs) > 0 {
		return errs
	}
	v, _ := ratingTallyFromCounts(scale, counts) // checked above
	*out = v
	return nil
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x13, the scale (0 for the standard one; otherwise 1, the
// scale, and the size of the top box), then the number of points and the
// count of each point from the bottom up, as unsigned varints: 3, 5, 12,
// 40 and 40 answers of 1 to 5 on the standard scale are 13 00 05 03 05 0C
// 28 28, eight bytes.
func (t CSATTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(make([]byte, 0, 24)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [CSATTally.MarshalBinary] to b, without allocating if b has room.
func (t CSATTally) AppendBinary(b []byte) ([]byte, error) {
	return t.appendBinary(append(b, formatCSATTally), t.scale.Box()), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [CSATTally.MarshalBinary] and validates it as [NewScale],
// [NewCSATScale] and [CSATTallyFromCounts] do: an invalid scale is an error
// with code [ErrInvalidScale], an invalid box one with code
// [ErrInvalidBands], a number of counts that is not the number of points one
// with code [ErrScaleMismatch], a total past the largest int64 one with code
// [ErrOverflow]. Bytes that are not the form (also the standard scale written
// out) are an error with code [ErrInvalidBinary]. Every problem is reported,
// one as its *[Error] itself, several joined with [errors.Join]: the scale's
// (its bounds', or else its number of points and its box's, as NewCSATScale
// reports them), then the counts' (checked without the scale if it is not
// valid, as [CSATTally.UnmarshalJSON] checks them), then a malformed form's.
// On error t is unchanged.
func (t *CSATTally) UnmarshalBinary(data []byte) error {
	const what = "a CSATTally"
	r := binenc.NewReader(data)
	if err := readFormat(r, what, formatCSATTally); err != nil {
		return err
	}
	var out CSATTally
	if err := endTally(r, what, decodeRatings(r, &out.ratingTally, csatScaleFromBinary)); err != nil {
		return err
	}
	*t = out
	return nil
}

// csatScaleFromBinary validates the custom CSAT scale s with the size of its
// top box read in rs.
func csatScaleFromBinary(s Scale, rs rawScale) (CSATScale, error) {
	// Clamped only so that it fits an int: the message names the box read.
	return NewCSATScale(s, int(min(rs.offsets[0], math.MaxInt32)))
}

// MarshalBinary implements [encoding.BinaryMarshaler]. The form is the
// format byte 0x14, the scale (0 for the standard one; otherwise 1, the
// scale, and the offset of the lowest agreeing answer), then the number of
// points and the count of each point from the bottom up, as unsigned
// varints, as [CSATTally.MarshalBinary] writes them.
func (t CESTally) MarshalBinary() ([]byte, error) { return t.AppendBinary(make([]byte, 0, 24)) }

// AppendBinary implements [encoding.BinaryAppender]: it appends the form of
// [CESTally.MarshalBinary] to b, without allocating if b has room.
func (t CESTally) AppendBinary(b []byte) ([]byte, error) {
	return t.appendBinary(append(b, formatCESTally), t.scale.Agree()-t.scale.Scale().min), nil
}

// UnmarshalBinary implements [encoding.BinaryUnmarshaler]. It decodes the
// form of [CESTally.MarshalBinary] and validates it as [NewScale],
// [NewCESScale] and [CESTallyFromCounts] do, with the codes of
// [CSATTally.UnmarshalBinary], every problem reported in its order. On error
// t is unchanged.
func (t *CESTally) UnmarshalBinary(data []byte) error {
	const what = "a CESTally"
	r := binenc.NewReader(data)
	if err := readFormat(r, what, formatCESTally); err != nil {
		return err
	}
	var out CESTally
	if err := endTally(r, what, decodeRatings(r, &out.ratingTally, cesScaleFromBinary)); err != nil {
		return err
	}
	*t = out
	return nil
}

// cesScaleFromBinary validates the custom CES scale s with the offset of its
// agreement point read in rs; an offset past the top of s is reported after
// the problem of s, as [NewCESScale] reports an agreement point above the
// scale.
func cesScaleFromBinary(s Scale, rs rawScale) (CESScale, error) {
	agree, err := rs.point(s, 0, "lowest agreeing answer")
	if err != nil {
		return CESScale{}, msg.JoinFlat(ratingPoints("CES", s), err)
	}
	return NewCESScale(s, agree)
}
