package outcome_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
)

// binarySeeds are the forms of the table tests, valid and not.
var binarySeeds = []string{
	"", "10 00 00", "10 51 87 02", "10 7f 80 01", "10 00 ff ff ff ff ff ff ff ff 7f",
	"11 00 00", "10 51", "10 51 87 02 00", "10 80 00 00", "10 00 80 80 80 80 80 80 80 80 80 01",
	"10 05 03", "11 01 00 bc 05 01 06 63 68 61 73 65 72 5a", "11 00 03 00 03 01 61 01 01 62 02",
	"11 02 06 43 68 61 73 65 72 01 06 63 68 61 73 65 72 01 00", "11 05 00 01", "11 01 01 61 00 00",
	"11 02 01 62 01 01 61 01 00", "11 00 02 01 61 01 01 61 02", "11 01 03 61 0a 62 01 00",
	"11 01 01 61 ff ff ff ff ff ff ff ff 7f 01 01 63 01", "11 02 01 20 01 01 20 01 00 ff",
	"12 00 9c 03 e6 01 9e 01", "12 00 00 00 00", "12 01 02 04 02 03 0a 04 06", "12 01 09 0a 07 09 00 00 00",
	"13 00 05 03 05 0c 28 28", "13 01 02 06 03 07 01 00 02 03 04 05 c8 01", "14 00 07 00 01 02 03 04 05 06",
	"14 01 02 04 03 05 09 08 07 06 05", "12 02 00 00 00", "12 01 00 0a 07 09 00 00 00", "12 01 02 00 00 00 00 00 00",
	"12 01 00 80 02 00 00 00 00 00", "12 01 80 80 80 80 10 04 02 03 00 00 00", "12 01 02 04 02 09 00 00 00",
	"12 01 02 04 00 03 00 00 00", "13 00 04 01 01 01 01", "13 01 02 04 05 05 00 00 00 00 00", "13 01 00 0b 02 00",
	"14 01 02 04 00 05 00 00 00 00 00", "14 01 02 06 04 07 00 00 00 00 00 00 00",
	// A bad scale or bands and counts that overflow: both reported.
	"12 01 00 80 02 00 00 ff ff ff ff ff ff ff ff 7f 01 00", "12 01 02 04 00 03 ff ff ff ff ff ff ff ff 7f 01 00",
	"13 01 02 00 02 02 ff ff ff ff ff ff ff ff 7f 01", "14 01 02 04 00 02 ff ff ff ff ff ff ff ff 7f 01",
	// Scales with two or three of NewScale's problems: each reported.
	"12 01 80 80 80 80 10 00 00 00 00 00 00", "12 01 80 80 80 80 10 80 02 00 00 00 00 00",
	"12 01 fe ff ff ff 0f 80 02 00 00 00 00 00", "12 01 02 ff ff ff ff ff ff ff ff 7f 00 00 00 00 00",
	"13 01 81 80 80 80 10 00 02 00 00", "14 01 80 80 80 80 10 80 02 01 00",
	// Rows that are not the form, with a bad reason or listed twice.
	"11 01 02 20 61 00 00", "11 02 01 62 01 03 61 0a 62 01 00", "11 00 02 01 61 01 01 61 00",
	// Twelve points and a box or agreement point the scale cannot hold.
	"13 01 00 0b 00 00", "14 01 02 0b 00 00", "14 01 02 0b 0c 00",
	// Empty NPS bands on an invalid scale, named by bounds past an int64;
	// the promoters alone empty.
	"12 01 ff ff ff ff ff ff ff ff ff 01 03 00 00 00 00 00",
	"12 01 fe ff ff ff ff ff ff ff ff 01 02 ff ff ff ff ff ff ff ff 7f ff ff ff ff ff ff ff ff 7f 00 00 00",
	"12 01 0a 00 01 02 00 00 00",
	// NPS offsets on the valid scale 1..5: p 0 with q past the top, p past
	// the top with q on it, both past it in order and not.
	"12 01 02 04 00 09 00 00 00", "12 01 02 04 05 00 00 00 00", "12 01 02 04 05 09 00 00 00",
	"12 01 02 04 09 07 00 00 00",
}

// checkScaleProblems checks that a tally whose form was read to the end
// (no problem with code ErrInvalidBinary) and whose scale is custom (byte 1
// is 1, then the bottom as a zig-zag varint and the span as an unsigned
// varint) has one problem with code ErrInvalidScale for each of NewScale's
// problems its scale has, worked out here with math/big: a span of 0, a
// bound outside int32, a span of 256 or more. A scale with none of them
// but more than maxPoints points (a rating tally's 11; 0 for none) has one.
func checkScaleProblems(t *testing.T, data []byte, err error, maxPoints uint64) {
	t.Helper()
	if len(data) < 2 || data[1] != 1 {
		return
	}
	lo, n := binary.Varint(data[2:])
	if n <= 0 {
		return
	}
	span, m := binary.Uvarint(data[2+n:])
	if m <= 0 || span > math.MaxInt64 {
		return
	}
	got := 0
	for _, p := range outcome.Problems(err) {
		switch p.Code {
		case outcome.ErrInvalidBinary:
			return
		case outcome.ErrInvalidScale:
			got++
		}
	}
	top := new(big.Int).Add(big.NewInt(lo), new(big.Int).SetUint64(span))
	want := 0
	if span == 0 {
		want++
	}
	if lo < math.MinInt32 || lo > math.MaxInt32 || top.Cmp(big.NewInt(math.MaxInt32)) > 0 {
		want++
	}
	if span >= outcome.MaxScalePoints {
		want++
	}
	if want == 0 && maxPoints > 0 && span+1 > maxPoints {
		want++
	}
	if got != want {
		t.Fatalf("% x: scale from %d spanning %d has %d scale problems, want %d: %v", data, lo, span, got, want, err)
	}
}

// emptyBandMessage reads the band a problem of NewNPSBands says is empty.
var emptyBandMessage = regexp.MustCompile(`^outcome: the (detractor|passive|promoter) band -?\d+\.\.-?\d+ is empty `)

// checkEmptyNPSBands checks that an NPS tally whose form was read to the
// end (no problem with code ErrInvalidBinary) and whose custom scale is
// not valid (one problem or more with code ErrInvalidScale, first) has,
// right after the scale's problems, one for each empty band of those its
// offsets p and q define on the bottom lo and the span, as NewNPSBands
// reports them whatever the scale, and no other problem of the bands: the
// detractors lo..lo+p-1 are empty if p is 0, the passives lo+p..lo+q-1 if
// q <= p, the promoters lo+q..lo+span if q > span.
func checkEmptyNPSBands(t *testing.T, data []byte, err error) {
	t.Helper()
	if len(data) < 2 || data[0] != 0x12 || data[1] != 1 {
		return
	}
	rest := data[2:]
	if _, n := binary.Varint(rest); n > 0 {
		rest = rest[n:]
	} else {
		return
	}
	var u [3]uint64 // span, p, q
	for i := range u {
		v, n := binary.Uvarint(rest)
		if n <= 0 || v > math.MaxInt64 {
			return
		}
		u[i], rest = v, rest[n:]
	}
	span, p, q := u[0], u[1], u[2]
	ps := outcome.Problems(err)
	for _, x := range ps {
		if x.Code == outcome.ErrInvalidBinary {
			return
		}
	}
	scale := 0 // the scale's problems come first
	for scale < len(ps) && ps[scale].Code == outcome.ErrInvalidScale {
		scale++
	}
	if scale == 0 {
		return
	}
	var want []string
	if p == 0 {
		want = append(want, "detractor")
	}
	if q <= p {
		want = append(want, "passive")
	}
	if q > span {
		want = append(want, "promoter")
	}
	var got []string
	for i, x := range ps[scale:] {
		if x.Code != outcome.ErrInvalidBands {
			continue
		}
		m := emptyBandMessage.FindStringSubmatch(x.Message)
		if m == nil || i != len(got) {
			t.Fatalf("% x: a problem of the bands that is not an empty band right after the scale's: %v", data, err)
		}
		got = append(got, m[1])
	}
	if !slices.Equal(got, want) {
		t.Fatalf("% x: empty bands %v after the scale's problems, want %v: %v", data, got, want, err)
	}
}

// checkNPSOffsets checks that an NPS tally whose form was read to the end
// (no problem with code ErrInvalidBinary) and whose custom scale is valid
// (no problem with code ErrInvalidScale; checkScaleProblems checks there
// is none exactly when the scale is valid) has, first, exactly these
// problems of its bands, in this order, worked out from its bottom lo, its
// span and the offsets p and q of the lowest passive and the lowest
// promoter answer: the detractor band lo..lo-1 empty if p is 0; the lowest
// passive answer past the top if p is above span, else the passive band
// lo+p..lo+q-1 empty if q <= p; the lowest promoter answer past the top if
// q is above span. Nothing else of the bands can be wrong with both
// offsets on the scale: the bands then meet end to end from lo to the top.
func checkNPSOffsets(t *testing.T, data []byte, err error) {
	t.Helper()
	if len(data) < 2 || data[0] != 0x12 || data[1] != 1 {
		return
	}
	lo, n := binary.Varint(data[2:])
	if n <= 0 {
		return
	}
	rest := data[2+n:]
	var u [3]uint64 // span, p, q
	for i := range u {
		v, n := binary.Uvarint(rest)
		if n <= 0 || v > math.MaxInt64 {
			return
		}
		u[i], rest = v, rest[n:]
	}
	ps := outcome.Problems(err)
	for _, x := range ps {
		if x.Code == outcome.ErrInvalidBinary || x.Code == outcome.ErrInvalidScale {
			return
		}
	}
	// The scale is valid: lo and lo+span are within int32, span 1 to 255.
	span, p, q := int64(u[0]), int64(u[1]), int64(u[2])
	empty := func(name string, low, high int64) string {
		return fmt.Sprintf("outcome: the %s band %d..%d is empty (its low end is above its high end)", name, low, high)
	}
	past := func(what string, off int64) string {
		return fmt.Sprintf("outcome: the lowest %s answer, %d points from the bottom of the scale %d..%d, is past its top",
			what, off, lo, lo+span)
	}
	var want []string
	if p == 0 {
		want = append(want, empty("detractor", lo, lo-1))
	}
	switch {
	case p > span:
		want = append(want, past("passive", p))
	case q <= p:
		want = append(want, empty("passive", lo+p, lo+q-1))
	}
	if q > span {
		want = append(want, past("promoter", q))
	}
	var got []string
	for i, x := range ps {
		if x.Code != outcome.ErrInvalidBands {
			continue
		}
		if i != len(got) {
			t.Fatalf("% x: a problem of the bands after another problem: %v", data, err)
		}
		got = append(got, x.Message)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("% x: bands' problems %q, want %q", data, got, want)
	}
}

// checkBinaryError fails unless err is a non-empty tree of *outcome.Error
// (nothing else: no bare error escapes a decoder).
func checkBinaryError(t *testing.T, err error) {
	t.Helper()
	ps := outcome.Problems(err)
	if len(ps) == 0 {
		t.Fatalf("error without an *outcome.Error: %v", err)
	}
	for _, p := range ps {
		if p.Code == "" || p.Message == "" {
			t.Fatalf("problem without code or message: %#v", p)
		}
	}
}

// FuzzProportionBinary: arbitrary bytes never panic; what decodes is a valid
// proportion that re-encodes to the same bytes; what does not is an
// *outcome.Error and leaves the proportion unchanged.
func FuzzProportionBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := outcome.MustProportion(2, 3)
		p := before
		err := p.UnmarshalBinary(data)
		if err != nil {
			checkBinaryError(t, err)
			if !p.Equal(before) {
				t.Fatalf("changed on error: %v", p)
			}
			return
		}
		if _, err := outcome.NewProportion(p.Successes(), p.Trials()); err != nil {
			t.Fatalf("decoded an invalid proportion %v: %v", p, err)
		}
		again, err := p.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x decoded to %v, which encodes to % x", data, p, again)
		}
	})
}

// FuzzFailureDemandBinary: arbitrary bytes never panic; what decodes
// re-encodes to the same bytes, has totals that are the sums of its reasons,
// and survives a JSON round trip; what does not is an *outcome.Error and
// leaves the tally unchanged.
func FuzzFailureDemandBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d outcome.FailureDemand
		if err := d.AddFailure("chaser", 3); err != nil {
			t.Fatal(err)
		}
		err := d.UnmarshalBinary(data)
		if err != nil {
			checkBinaryError(t, err)
			checkMalformedRowReason(t, data, err)
			if d.Failure() != 3 || d.Value() != 0 {
				t.Fatalf("changed on error: %d, %d", d.Value(), d.Failure())
			}
			return
		}
		again, err := d.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("% x re-encodes to % x", data, again)
		}
		var sums [2]int64
		for k, rows := range [2]func(int32) ([]outcome.ReasonCount, error){d.ValueReasons, d.FailureReasons} {
			rs, err := rows(0)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if r.Count <= 0 {
					t.Fatalf("row %+v", r)
				}
				sums[k] += r.Count
			}
		}
		if sums[0] != d.Value() || sums[1] != d.Failure() {
			t.Fatalf("rows sum to %v, totals %d, %d", sums, d.Value(), d.Failure())
		}
		j, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back outcome.FailureDemand
		if err := back.UnmarshalJSON(j); err != nil {
			t.Fatalf("JSON %s: %v", j, err)
		}
		if !back.Equal(&d) {
			t.Fatal("JSON round trip changed the tally")
		}
		// Merging with itself doubles, or overflows with ErrOverflow.
		c := d.Clone()
		if err := c.Merge(&d); err != nil && !errors.Is(err, outcome.ErrOverflow) {
			t.Fatal(err)
		}
	})
}

// malformedRow finds the reason of the row a FailureDemand's form stopped
// at, out of order or with a zero count, quoted in its message.
var malformedRow = regexp.MustCompile(`(?:zero count of (?:value|failure) demand |(?:value|failure) demand reason )("(?:[^"\\]|\\.)*")`)

// checkMalformedRowReason checks that a row that is not the form (out of
// order, or with a zero count) still has its reason checked: if Add refuses
// the reason, the problem before the form's is the reason's (invalid, or
// listed twice in the row before), naming it. Reasons clipped in the
// message are passed over.
func checkMalformedRowReason(t *testing.T, data []byte, err error) {
	t.Helper()
	ps := outcome.Problems(err)
	last := ps[len(ps)-1]
	m := malformedRow.FindStringSubmatch(last.Message)
	if last.Code != outcome.ErrInvalidBinary || m == nil {
		return
	}
	reason, uerr := strconv.Unquote(m[1])
	if uerr != nil || strings.Contains(reason, "...") {
		return
	}
	var probe outcome.FailureDemand
	if !errors.Is(probe.Add(reason, false, 1), outcome.ErrInvalidReason) {
		return
	}
	if len(ps) < 2 {
		t.Fatalf("% x: the row's reason %q is not checked: %v", data, reason, err)
	}
	p := ps[len(ps)-2]
	if (p.Code != outcome.ErrInvalidReason && p.Code != outcome.ErrDuplicateReason) || len(p.IDs) != 1 || p.IDs[0] != reason {
		t.Fatalf("% x: the row's reason %q is not checked before the form's problem: %v", data, reason, err)
	}
}

// fuzzTally is what the tally fuzzers need of a decoded tally.
type fuzzTally interface {
	MarshalBinary() ([]byte, error)
	Responses() int64
}

// checkTallyDecode checks a decode of data into t: an error is a tree of
// *outcome.Error and leaves t's responses as they were; a success
// re-encodes to data, and the tally merges with itself (or overflows).
func checkTallyDecode(t *testing.T, data []byte, err error, tally fuzzTally, before int64, mergeSelf func() error) {
	t.Helper()
	if err != nil {
		checkBinaryError(t, err)
		if tally.Responses() != before {
			t.Fatal("changed on error")
		}
		return
	}
	again, err := tally.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Fatalf("% x re-encodes to % x", data, again)
	}
	if err := mergeSelf(); err != nil && !errors.Is(err, outcome.ErrOverflow) {
		t.Fatal(err)
	}
}

// FuzzNPSTallyBinary: arbitrary bytes never panic; what decodes re-encodes
// to the same bytes, is what NPSTallyFromCounts makes of its counts, and
// merges with itself; what does not is an *outcome.Error, with each
// problem of a custom scale read ([checkScaleProblems]), on an invalid
// scale each empty band after them ([checkEmptyNPSBands]), and on a valid
// one the bands' problems, first ([checkNPSOffsets]).
func FuzzNPSTallyBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v outcome.NPSTally
		err := v.UnmarshalBinary(data)
		checkScaleProblems(t, data, err, 0)
		checkEmptyNPSBands(t, data, err)
		checkNPSOffsets(t, data, err)
		checkTallyDecode(t, data, err, v, 0, func() error { _, err := v.Merge(v); return err })
		if err == nil {
			w, err := outcome.NPSTallyFromCounts(v.Bands(), v.Promoters(), v.Passives(), v.Detractors())
			if err != nil || !w.Equal(v) {
				t.Fatalf("NPSTallyFromCounts: %v", err)
			}
		}
	})
}

// FuzzCSATTallyBinary is FuzzNPSTallyBinary for CSAT tallies.
func FuzzCSATTallyBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v outcome.CSATTally
		err := v.UnmarshalBinary(data)
		checkScaleProblems(t, data, err, outcome.MaxRatingPoints)
		checkTallyDecode(t, data, err, v, 0, func() error { _, err := v.Merge(v); return err })
		if err == nil {
			w, err := outcome.CSATTallyFromCounts(v.Scale(), v.Counts())
			if err != nil || !w.Equal(v) || v.Satisfied() > v.Responses() {
				t.Fatalf("CSATTallyFromCounts: %v", err)
			}
		}
	})
}

// FuzzCESTallyBinary is FuzzNPSTallyBinary for CES tallies.
func FuzzCESTallyBinary(f *testing.F) {
	for _, s := range binarySeeds {
		f.Add(unhex(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v outcome.CESTally
		err := v.UnmarshalBinary(data)
		checkScaleProblems(t, data, err, outcome.MaxRatingPoints)
		checkTallyDecode(t, data, err, v, 0, func() error { _, err := v.Merge(v); return err })
		if err == nil {
			w, err := outcome.CESTallyFromCounts(v.Scale(), v.Counts())
			if err != nil || !w.Equal(v) || v.Agreeing() > v.Responses() {
				t.Fatalf("CESTallyFromCounts: %v", err)
			}
		}
	})
}
