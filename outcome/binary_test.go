package outcome_test

import (
	"encoding"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The accumulators implement the standard library's binary interfaces.
var (
	_ encoding.BinaryMarshaler   = outcome.Proportion{}
	_ encoding.BinaryAppender    = outcome.Proportion{}
	_ encoding.BinaryUnmarshaler = (*outcome.Proportion)(nil)
	_ encoding.BinaryMarshaler   = outcome.FailureDemand{}
	_ encoding.BinaryAppender    = outcome.FailureDemand{}
	_ encoding.BinaryUnmarshaler = (*outcome.FailureDemand)(nil)
)

// unhex decodes hex with spaces, for the expected forms.
func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	require.NoError(t, err)
	return b
}

func TestProportion_MarshalBinary(t *testing.T) {
	// The form is 0x10, then successes and trials as unsigned varints: 7
	// bits a byte, low group first, the high bit set on all but the last.
	tests := []struct {
		name string
		p    outcome.Proportion
		want string
	}{
		// 0 and 0: one byte each.
		{name: "empty", p: outcome.Proportion{}, want: "10 00 00"},
		// 81 = 0x51 < 128; 263 = 2*128 + 7: 0x87 (7 with the high bit), 0x02.
		{name: "81 of 263", p: outcome.MustProportion(81, 263), want: "10 51 87 02"},
		// 127 is the largest one-byte varint, 128 = 1*128 + 0: 0x80 0x01.
		{name: "127 of 128", p: outcome.MustProportion(127, 128), want: "10 7f 80 01"},
		// 2^63-1: nine groups of 7 bits all ones: eight 0xff and a last 0x7f.
		{name: "largest counts", p: outcome.MustProportion(0, math.MaxInt64), want: "10 00 ff ff ff ff ff ff ff ff 7f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.p.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, unhex(t, tt.want), b)

			var got outcome.Proportion
			require.NoError(t, got.UnmarshalBinary(b))
			assert.True(t, tt.p.Equal(got), "round trip of %v gave %v", tt.p, got)
		})
	}
}

func TestProportion_AppendBinary(t *testing.T) {
	p := outcome.MustProportion(81, 263)
	b, err := p.AppendBinary([]byte("key:"))
	require.NoError(t, err)
	assert.Equal(t, append([]byte("key:"), unhex(t, "10 51 87 02")...), b)

	buf := make([]byte, 0, 32)
	allocs := testing.AllocsPerRun(100, func() { buf, _ = p.AppendBinary(buf[:0]) })
	assert.Zero(t, allocs, "AppendBinary into a buffer with room")
}

func TestProportion_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr error
		wantMsg string
	}{
		{name: "no bytes", data: "", wantErr: outcome.ErrInvalidBinary,
			wantMsg: "outcome: invalid binary form of a Proportion: no bytes"},
		// 0x11 is the format byte of a FailureDemand.
		{name: "another type's form", data: "11 00 00", wantErr: outcome.ErrInvalidBinary,
			wantMsg: "outcome: invalid binary form of a Proportion: format byte 0x11, not 0x10"},
		{name: "truncated", data: "10 51", wantErr: outcome.ErrInvalidBinary,
			wantMsg: "outcome: invalid binary form of a Proportion: at byte 2: truncated"},
		{name: "truncated varint", data: "10 51 87", wantErr: outcome.ErrInvalidBinary},
		{name: "trailing data", data: "10 51 87 02 00", wantErr: outcome.ErrInvalidBinary,
			wantMsg: "outcome: invalid binary form of a Proportion: at byte 4: trailing data: 1 bytes after the end"},
		// 0x80 0x00 also decodes to 0, but 00 is its form.
		{name: "over-long varint", data: "10 80 00 00", wantErr: outcome.ErrInvalidBinary,
			wantMsg: "outcome: invalid binary form of a Proportion: at byte 1: not in canonical form: over-long varint"},
		// 2^63 = 2^(9*7): nine 0x80 groups of zero bits and a last 0x01.
		{name: "count beyond int64", data: "10 00 80 80 80 80 80 80 80 80 80 01", wantErr: outcome.ErrInvalidBinary,
			wantMsg: "outcome: invalid binary form of a Proportion: at byte 12: out of range: count 9223372036854775808 is above the largest int64"},
		{name: "varint beyond 2^64", data: "10 ff ff ff ff ff ff ff ff ff 7f 00", wantErr: outcome.ErrInvalidBinary},
		// A well-formed form of 5 successes in 3 trials: NewProportion's error.
		{name: "more successes than trials", data: "10 05 03", wantErr: outcome.ErrInvalidCount,
			wantMsg: "outcome: 5 successes in only 3 trials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := outcome.MustProportion(1, 2)
			err := p.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.wantErr)
			var e *outcome.Error
			require.ErrorAs(t, err, &e)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			assert.True(t, outcome.MustProportion(1, 2).Equal(p), "p changed on error: %v", p)
		})
	}
}

// randomProportion returns a proportion with counts of varied sizes, so that
// varints of one to nine bytes occur.
func randomProportion(r *rand.Rand) outcome.Proportion {
	n := r.Int64N(int64(1) << r.IntN(40))
	return outcome.MustProportion(r.Int64N(n+1), n)
}

// TestProportion_Binary_properties: Marshal then Unmarshal gives an equal
// proportion, and merging proportions decoded from the shards' bytes gives
// the merge of the shards, as an engine that ships them between workers
// needs.
func TestProportion_Binary_properties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 1))
	for range 200 {
		shards := make([]outcome.Proportion, 1+r.IntN(6))
		var want, got outcome.Proportion
		for i := range shards {
			shards[i] = randomProportion(r)
			b, err := shards[i].MarshalBinary()
			require.NoError(t, err)
			var d outcome.Proportion
			require.NoError(t, d.UnmarshalBinary(b))
			require.True(t, shards[i].Equal(d), "%v round-tripped to %v", shards[i], d)

			want, err = want.Merge(shards[i])
			require.NoError(t, err)
			got, err = got.Merge(d)
			require.NoError(t, err)
		}
		assert.True(t, want.Equal(got), "merge of decoded shards %v, of the shards %v", got, want)
	}
}

// demand builds a tally from rows of reason, kind and count.
func demand(t testing.TB, rows ...any) *outcome.FailureDemand {
	t.Helper()
	var d outcome.FailureDemand
	for i := 0; i < len(rows); i += 3 {
		require.NoError(t, d.Add(rows[i].(string), rows[i+1].(bool), int64(rows[i+2].(int))))
	}
	return &d
}

func TestFailureDemand_MarshalBinary(t *testing.T) {
	// The form is 0x11, then per kind (value, failure) the number of
	// reasons and, per reason in byte order, its length, bytes and count.
	tests := []struct {
		name string
		d    *outcome.FailureDemand
		want string
	}{
		{name: "empty", d: demand(t), want: "11 00 00"},
		// 700 = 5*128 + 60: 0xbc (60 with the high bit), 0x05. "chaser" is
		// 63 68 61 73 65 72 in ASCII, 90 = 0x5a.
		{name: "the doc's example", d: demand(t, "", false, 700, "chaser", true, 90),
			want: "11 01 00 bc 05 01 06 63 68 61 73 65 72 5a"},
		// Reasons in byte order whatever the order they were added in:
		// "a" (0x61) before "b" (0x62); NoReason ("") first of all.
		{name: "byte order", d: demand(t, "b", true, 2, "a", true, 1, "", true, 3),
			want: "11 00 03 00 03 01 61 01 01 62 02"},
		// Upper case sorts before lower case in byte order.
		{name: "case", d: demand(t, "chaser", false, 1, "Chaser", false, 1),
			want: "11 02 06 43 68 61 73 65 72 01 06 63 68 61 73 65 72 01 00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.d.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, unhex(t, tt.want), b)

			var got outcome.FailureDemand
			require.NoError(t, got.UnmarshalBinary(b))
			assert.True(t, tt.d.Equal(&got), "round trip of %v", tt.d)

			prefixed, err := tt.d.AppendBinary([]byte{0xAA})
			require.NoError(t, err)
			assert.Equal(t, append([]byte{0xAA}, b...), prefixed)
		})
	}
}

// TestFailureDemand_MarshalBinary_order: tallies with the same counts encode
// to the same bytes, whatever order their reasons were added in (the map
// inside does not leak its order).
func TestFailureDemand_MarshalBinary_order(t *testing.T) {
	reasons := []string{"repeat call", "chaser", "complaint", "correction", "", "progress", "wrong part"}
	var a, b outcome.FailureDemand
	for i, r := range reasons {
		require.NoError(t, a.AddFailure(r, int64(i+1)))
		require.NoError(t, a.AddValue(r, int64(10*i+1)))
	}
	for i := len(reasons) - 1; i >= 0; i-- {
		require.NoError(t, b.AddValue(reasons[i], int64(10*i+1)))
		require.NoError(t, b.AddFailure(reasons[i], int64(i+1)))
	}
	for range 10 {
		ba, err := a.MarshalBinary()
		require.NoError(t, err)
		bb, err := b.MarshalBinary()
		require.NoError(t, err)
		require.Equal(t, ba, bb)
	}
}

func TestFailureDemand_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "no bytes", data: "", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of a FailureDemand: no bytes"},
		{name: "a Proportion's form", data: "10 00 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of a FailureDemand: format byte 0x10, not 0x11"},
		{name: "no failure rows", data: "11 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of a FailureDemand: at byte 2: truncated"},
		// 5 rows of at least two bytes each cannot fit in 2 bytes.
		{name: "more rows than bytes", data: "11 05 00 01", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of a FailureDemand: at byte 2: truncated: 5 elements of at least 2 bytes, 2 bytes left"},
		{name: "reason cut short", data: "11 01 05 61 62 01 00", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "trailing data", data: "11 00 00 00", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "zero count", data: "11 01 01 61 00 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: `outcome: invalid binary form of a FailureDemand: at byte 5: zero count of value demand "a": the form holds only counts above zero`},
		{name: "out of order", data: "11 02 01 62 01 01 61 01 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: `outcome: invalid binary form of a FailureDemand: at byte 8: value demand reason "a" after "b": reasons are in byte order`},
		{name: "listed twice", data: "11 00 02 01 61 01 01 61 02", wantErr: []error{outcome.ErrDuplicateReason},
			wantMsg: `outcome: failure demand reason "a" is listed twice`},
		// A reason with a line feed (0x0a): Add's check.
		{name: "control character", data: "11 01 03 61 0a 62 01 00", wantErr: []error{outcome.ErrInvalidReason},
			wantMsg: `outcome: demand reason "a\nb" has a control character`},
		{name: "not UTF-8", data: "11 01 01 ff 01 00", wantErr: []error{outcome.ErrInvalidReason}},
		// The largest int64 of value demand (eight 0xff groups and 0x7f: 63
		// bits of ones), then 1 contact of failure demand.
		{name: "overflow", data: "11 01 01 61 ff ff ff ff ff ff ff ff 7f 01 01 63 01",
			wantErr: []error{outcome.ErrOverflow},
			wantMsg: `outcome: adding 1 contacts to a total demand of 9223372036854775807 overflows int64`},
		// A row that is not the form still has its reason checked, before
		// the form's problem: " a" with a zero count (the count ends at
		// byte 6); "a\nb" after "b" (its count ends at byte 10); "a" listed
		// twice, the second time with a zero count (ends at byte 9).
		{name: "zero count with a bad reason", data: "11 01 02 20 61 00 00",
			wantErr: []error{outcome.ErrInvalidReason, outcome.ErrInvalidBinary},
			wantMsg: `outcome: demand reason " a" has surrounding white space` + "\n" +
				`outcome: invalid binary form of a FailureDemand: at byte 6: zero count of value demand " a": the form holds only counts above zero`},
		{name: "out of order with a bad reason", data: "11 02 01 62 01 03 61 0a 62 01 00",
			wantErr: []error{outcome.ErrInvalidReason, outcome.ErrInvalidBinary},
			wantMsg: `outcome: demand reason "a\nb" has a control character` + "\n" +
				`outcome: invalid binary form of a FailureDemand: at byte 10: value demand reason "a\nb" after "b": reasons are in byte order`},
		{name: "listed twice with a zero count", data: "11 00 02 01 61 01 01 61 00",
			wantErr: []error{outcome.ErrDuplicateReason, outcome.ErrInvalidBinary},
			wantMsg: `outcome: failure demand reason "a" is listed twice` + "\n" +
				`outcome: invalid binary form of a FailureDemand: at byte 9: zero count of failure demand "a": the form holds only counts above zero`},
		// Every problem is reported: a bad reason, a duplicate, then the
		// malformed end.
		{name: "several problems", data: "11 02 01 20 01 01 20 01 00 ff",
			wantErr: []error{outcome.ErrInvalidReason, outcome.ErrDuplicateReason, outcome.ErrInvalidBinary}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := demand(t, "chaser", true, 3)
			err := d.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr), "%v", err)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			assert.True(t, demand(t, "chaser", true, 3).Equal(d), "d changed on error")
		})
	}
}

func TestFailureDemand_UnmarshalBinary_tooManyReasons(t *testing.T) {
	// MaxReasons+2 distinct failure reasons, in byte order: reported once.
	n := outcome.MaxReasons + 2
	b := []byte{0x11, 0x00}
	b = appendUvarint(b, uint64(n))
	for i := range n {
		r := reasonN(i)
		b = append(b, byte(len(r)))
		b = append(b, r...)
		b = append(b, 1)
	}
	var d outcome.FailureDemand
	err := d.UnmarshalBinary(b)
	require.Error(t, err)
	assert.ErrorIs(t, err, outcome.ErrTooManyReasons)
	assert.Len(t, outcome.Problems(err), 1)
	assert.True(t, d.IsZero())

	// MaxReasons of them are fine.
	var ok outcome.FailureDemand
	for i := range outcome.MaxReasons {
		require.NoError(t, ok.AddFailure(reasonN(i), 1))
	}
	enc, err := ok.MarshalBinary()
	require.NoError(t, err)
	require.NoError(t, d.UnmarshalBinary(enc))
	assert.Equal(t, int64(outcome.MaxReasons), d.Failure())
}

// reasonN returns the i-th of a run of reasons that sort in byte order as i
// does: "r00000", "r00001", ...
func reasonN(i int) string {
	s := []byte("r00000")
	for k := len(s) - 1; i > 0; k-- {
		s[k] = byte('0' + i%10)
		i /= 10
	}
	return string(s)
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// randomDemand returns a tally of a few reasons from a small vocabulary,
// with counts of varied sizes.
func randomDemand(t testing.TB, r *rand.Rand) *outcome.FailureDemand {
	vocabulary := []string{"", "repeat call", "chaser", "complaint", "new order", "change of plan", "été", "progress"}
	var d outcome.FailureDemand
	for range r.IntN(12) {
		reason := vocabulary[r.IntN(len(vocabulary))]
		require.NoError(t, d.Add(reason, r.IntN(2) == 1, r.Int64N(int64(1)<<r.IntN(30))))
	}
	return &d
}

// TestFailureDemand_Binary_properties: Marshal then Unmarshal gives an equal
// tally that encodes to the same bytes, and merging tallies decoded from the
// shards' bytes gives the merge of the shards.
func TestFailureDemand_Binary_properties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 2))
	for range 200 {
		var want, got outcome.FailureDemand
		for range 1 + r.IntN(6) {
			shard := randomDemand(t, r)
			b, err := shard.MarshalBinary()
			require.NoError(t, err)
			var d outcome.FailureDemand
			require.NoError(t, d.UnmarshalBinary(b))
			require.True(t, shard.Equal(&d))
			again, err := d.MarshalBinary()
			require.NoError(t, err)
			require.Equal(t, b, again)

			require.NoError(t, want.Merge(shard))
			require.NoError(t, got.Merge(&d))
		}
		assert.True(t, want.Equal(&got))
	}
}

// TestCSATTally_binaryBoxMessage: a custom scale 0..10 whose top box is
// given as 1000 points is refused, and the message names the 1000 read, not
// a clamped figure. The form: 0x13, 1 (a custom scale), the bottom 0 as a
// zig-zag varint (00), the span 10 (0a), the box 1000 (e8 07), then 11
// points of count 0.
func TestCSATTally_binaryBoxMessage(t *testing.T) {
	data, err := hex.DecodeString("1301000ae8070b" + strings.Repeat("00", 11))
	require.NoError(t, err)
	var c outcome.CSATTally
	err = c.UnmarshalBinary(data)
	assert.ErrorIs(t, err, outcome.ErrInvalidBands)
	assert.Contains(t, err.Error(), "a top box of 1000 points on the CSAT scale 0..10")
}

// TestBinary_crossType: no form decodes as another type's.
func TestBinary_crossType(t *testing.T) {
	pb, err := outcome.MustProportion(0, 0).MarshalBinary()
	require.NoError(t, err)
	fb, err := demand(t).MarshalBinary()
	require.NoError(t, err)
	// Both are three bytes, 00 00 after the format byte.
	require.Equal(t, pb[1:], fb[1:])

	var d outcome.FailureDemand
	assert.True(t, errors.Is(d.UnmarshalBinary(pb), outcome.ErrInvalidBinary))
	var p outcome.Proportion
	assert.True(t, errors.Is(p.UnmarshalBinary(fb), outcome.ErrInvalidBinary))
}

var (
	_ encoding.BinaryMarshaler   = outcome.NPSTally{}
	_ encoding.BinaryAppender    = outcome.NPSTally{}
	_ encoding.BinaryUnmarshaler = (*outcome.NPSTally)(nil)
	_ encoding.BinaryMarshaler   = outcome.CSATTally{}
	_ encoding.BinaryAppender    = outcome.CSATTally{}
	_ encoding.BinaryUnmarshaler = (*outcome.CSATTally)(nil)
	_ encoding.BinaryMarshaler   = outcome.CESTally{}
	_ encoding.BinaryAppender    = outcome.CESTally{}
	_ encoding.BinaryUnmarshaler = (*outcome.CESTally)(nil)
)

// Custom scales for the tests: NPS-style bands on 1..5 (detractors 1-2,
// passives 3, promoters 4-5) and on -5..5; CSAT on 1..7 with a top-three
// box; CES on 1..5 agreeing from 4.
var (
	bands15  = outcome.MustNPSBands(outcome.MustScale(1, 5), outcome.Band{Low: 1, High: 2}, outcome.Band{Low: 3, High: 3}, outcome.Band{Low: 4, High: 5})
	bandsNeg = outcome.MustNPSBands(outcome.MustScale(-5, 5), outcome.Band{Low: -5, High: 1}, outcome.Band{Low: 2, High: 3}, outcome.Band{Low: 4, High: 5})
	csat17   = outcome.MustCSATScale(outcome.MustScale(1, 7), 3)
	ces15    = outcome.MustCESScale(outcome.MustScale(1, 5), 4)
	stdBands = outcome.StandardNPSBands()
	stdCSAT  = outcome.StandardCSATScale()
	stdCES   = outcome.StandardCESScale()
)

func mustTally(t outcome.NPSTally, err error) outcome.NPSTally {
	if err != nil {
		panic(err)
	}
	return t
}

// binaryMarshaler is what the tallies' tests need of them.
type binaryMarshaler interface {
	encoding.BinaryMarshaler
	encoding.BinaryAppender
}

func TestTallies_MarshalBinary(t *testing.T) {
	tests := []struct {
		name string
		t    binaryMarshaler
		want string
	}{
		// 0x12, standard bands (00), then 412 = 3*128 + 28: 9c 03; 230 =
		// 128 + 102: e6 01; 158 = 128 + 30: 9e 01.
		{name: "NPS standard", t: mustTally(outcome.NPSTallyFromCounts(stdBands, 412, 230, 158)), want: "12 00 9c 03 e6 01 9e 01"},
		{name: "NPS empty", t: outcome.NPSTally{}, want: "12 00 00 00 00"},
		// Custom (01), bottom 1 (zig-zag 02), span 4, passives from
		// offset 2 (answer 3), promoters from offset 3 (answer 4); 10, 4, 6.
		{name: "NPS 1..5", t: mustTally(outcome.NPSTallyFromCounts(bands15, 10, 4, 6)), want: "12 01 02 04 02 03 0a 04 06"},
		// Bottom -5 (zig-zag 09), span 10, passives from offset 7 (answer
		// 2), promoters from offset 9 (answer 4).
		{name: "NPS -5..5", t: outcome.NewNPSTally(bandsNeg), want: "12 01 09 0a 07 09 00 00 00"},
		// 0x13, standard scale, 5 points: 3, 5, 12, 40, 40.
		{name: "CSAT standard", t: mustCSAT(t, stdCSAT, 3, 5, 12, 40, 40), want: "13 00 05 03 05 0c 28 28"},
		// Custom: bottom 1, span 6, box 3; 7 counts.
		{name: "CSAT 1..7", t: mustCSAT(t, csat17, 1, 0, 2, 3, 4, 5, 200),
			want: "13 01 02 06 03 07 01 00 02 03 04 05 c8 01"},
		{name: "CES standard", t: mustCES(t, stdCES, 0, 1, 2, 3, 4, 5, 6), want: "14 00 07 00 01 02 03 04 05 06"},
		// Custom: bottom 1, span 4, agreeing from offset 3 (answer 4).
		{name: "CES 1..5", t: mustCES(t, ces15, 9, 8, 7, 6, 5), want: "14 01 02 04 03 05 09 08 07 06 05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.t.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, unhex(t, tt.want), b)
			prefixed, err := tt.t.AppendBinary([]byte{0xAA})
			require.NoError(t, err)
			assert.Equal(t, append([]byte{0xAA}, b...), prefixed)

			switch v := tt.t.(type) {
			case outcome.NPSTally:
				var got outcome.NPSTally
				require.NoError(t, got.UnmarshalBinary(b))
				assert.True(t, v.Equal(got))
			case outcome.CSATTally:
				var got outcome.CSATTally
				require.NoError(t, got.UnmarshalBinary(b))
				assert.True(t, v.Equal(got))
			case outcome.CESTally:
				var got outcome.CESTally
				require.NoError(t, got.UnmarshalBinary(b))
				assert.True(t, v.Equal(got))
			}
		})
	}
}

func TestTallies_AppendBinary_allocs(t *testing.T) {
	n := mustTally(outcome.NPSTallyFromCounts(stdBands, 412, 230, 158))
	c := mustCSAT(t, csat17, 1, 0, 2, 3, 4, 5, 200)
	e := mustCES(t, ces15, 9, 8, 7, 6, 5)
	buf := make([]byte, 0, 64)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		buf, _ = n.AppendBinary(buf[:0])
		buf, _ = c.AppendBinary(buf[:0])
		buf, _ = e.AppendBinary(buf[:0])
	}))
}

func TestNPSTally_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "no bytes", data: "", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "a CSAT tally", data: "13 00 05 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of an NPSTally: format byte 0x13, not 0x12"},
		{name: "scale byte", data: "12 02 00 00 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of an NPSTally: at byte 2: scale byte 2"},
		{name: "truncated", data: "12 00 01 01", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "trailing", data: "12 00 01 01 01 00", wantErr: []error{outcome.ErrInvalidBinary}},
		// The standard bands written out: 0..10, passives from 7,
		// promoters from 9.
		{name: "standard written out", data: "12 01 00 0a 07 09 00 00 00", wantErr: []error{outcome.ErrInvalidBinary},
			wantMsg: "outcome: invalid binary form of an NPSTally: at byte 9: not in canonical form: the standard scale written out"},
		// Span 0: the scale 1..1. Passives and promoters from offset 0:
		// the detractors 1..0 and the passives 1..0 are empty, which
		// NewNPSBands reports whatever the scale, after the scale's
		// problem; the promoters 1..1 are not.
		{name: "one-point scale", data: "12 01 02 00 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale 1..1 has fewer than two points (its bottom must be below its top)\n" +
				"outcome: the detractor band 1..0 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 1..0 is empty (its low end is above its high end)"},
		// Span 256 (80 02), offsets 0: the detractors 0..-1 and passives
		// 0..-1 are empty.
		{name: "too many points", data: "12 01 00 80 02 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale from 0 with 257 points has more than 256 points\n" +
				"outcome: the detractor band 0..-1 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 0..-1 is empty (its low end is above its high end)"},
		// Bottom 2^31: zig-zag 2^32 = 80 80 80 80 10.
		{name: "bottom beyond int32", data: "12 01 80 80 80 80 10 04 02 03 00 00 00", wantErr: []error{outcome.ErrInvalidScale},
			wantMsg: "outcome: scale with its bottom 2147483648 outside -2147483648..2147483647"},
		// Every problem of the scale, in NewScale's order: too few points,
		// a bound outside int32, too many points. Bottom 2^31, span 0;
		// offsets 0, so the detractors and the passives,
		// 2147483648..2147483647, are empty, after the scale's problems.
		{name: "one point beyond int32", data: "12 01 80 80 80 80 10 00 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale 2147483648..2147483648 has fewer than two points (its bottom must be below its top)\n" +
				"outcome: scale with its bottom 2147483648 outside -2147483648..2147483647\n" +
				"outcome: the detractor band 2147483648..2147483647 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 2147483648..2147483647 is empty (its low end is above its high end)"},
		// Bottom 2^31, span 256, offsets 0.
		{name: "bottom beyond int32 and too many points", data: "12 01 80 80 80 80 10 80 02 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale with its bottom 2147483648 outside -2147483648..2147483647\n" +
				"outcome: scale from 2147483648 with 257 points has more than 256 points\n" +
				"outcome: the detractor band 2147483648..2147483647 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 2147483648..2147483647 is empty (its low end is above its high end)"},
		// Bottom 2^31 - 1 (zig-zag fe ff ff ff 0f), span 256: the top
		// 2^31 + 255 is beyond int32. Offsets 0.
		{name: "top beyond int32 and too many points", data: "12 01 fe ff ff ff 0f 80 02 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale 2147483647..2147483903 has a bound outside -2147483648..2147483647\n" +
				"outcome: scale from 2147483647 with 257 points has more than 256 points\n" +
				"outcome: the detractor band 2147483647..2147483646 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 2147483647..2147483646 is empty (its low end is above its high end)"},
		// Bottom 1, span 2^63 - 1: the top 2^63 is past an int64, and so
		// is the number of points, 2^63. Offsets 0.
		{name: "top beyond int64", data: "12 01 02 ff ff ff ff ff ff ff ff 7f 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale 1..9223372036854775808 has a bound outside -2147483648..2147483647\n" +
				"outcome: scale from 1 with 9223372036854775808 points has more than 256 points\n" +
				"outcome: the detractor band 1..0 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 1..0 is empty (its low end is above its high end)"},
		// Empty bands on an invalid scale, named by bounds past an int64.
		// Bottom -2^63 (zig-zag ff ff ff ff ff ff ff ff ff 01), span 3,
		// offsets 0: the detractors and the passives run from -2^63 down
		// to -2^63 - 1.
		{name: "empty bands below int64", data: "12 01 ff ff ff ff ff ff ff ff ff 01 03 00 00 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale with its bottom -9223372036854775808 outside -2147483648..2147483647\n" +
				"outcome: the detractor band -9223372036854775808..-9223372036854775809 is empty (its low end is above its high end)\n" +
				"outcome: the passive band -9223372036854775808..-9223372036854775809 is empty (its low end is above its high end)"},
		// Bottom 2^63 - 1 (zig-zag fe ff ff ff ff ff ff ff ff 01), span 2,
		// passives and promoters both from offset 2^63 - 1: the detractors
		// 2^63-1..2^64-3 hold answers; the passives 2^64-2..2^64-3 and the
		// promoters 2^64-2..2^63+1 (the top) are empty.
		{name: "empty bands above int64", data: "12 01 fe ff ff ff ff ff ff ff ff 01 02 ff ff ff ff ff ff ff ff 7f ff ff ff ff ff ff ff ff 7f 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale with its bottom 9223372036854775807 outside -2147483648..2147483647\n" +
				"outcome: the passive band 18446744073709551614..18446744073709551613 is empty (its low end is above its high end)\n" +
				"outcome: the promoter band 18446744073709551614..9223372036854775809 is empty (its low end is above its high end)"},
		// The promoters alone empty on an invalid scale: offsets 1 and 2
		// on the one-point 5..5 (bottom 5, zig-zag 0a; span 0) give the
		// detractors 5..5, the passives 6..6 and the promoters 7..5.
		{name: "promoters empty on an invalid scale", data: "12 01 0a 00 01 02 00 00 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidBands},
			wantMsg: "outcome: scale 5..5 has fewer than two points (its bottom must be below its top)\n" +
				"outcome: the promoter band 7..5 is empty (its low end is above its high end)"},
		// Promoters from offset 9 on a span of 4.
		{name: "offset past the top", data: "12 01 02 04 02 09 00 00 00", wantErr: []error{outcome.ErrInvalidBands},
			wantMsg: "outcome: the lowest promoter answer, 9 points from the bottom of the scale 1..5, is past its top"},
		// Passives from offset 0: the detractor band 1..0 is empty.
		{name: "empty band", data: "12 01 02 04 00 03 00 00 00", wantErr: []error{outcome.ErrInvalidBands},
			wantMsg: "outcome: the detractor band 1..0 is empty (its low end is above its high end)"},
		// The largest int64 promoters and 1 passive.
		{name: "overflow", data: "12 00 ff ff ff ff ff ff ff ff 7f 01 00", wantErr: []error{outcome.ErrOverflow}},
		// Bad bands do not hide the counts, which do not depend on them:
		// span 256 and the counts of "overflow"; the empty band of "empty
		// band" and the same counts.
		{name: "too many points and overflow", data: "12 01 00 80 02 00 00 ff ff ff ff ff ff ff ff 7f 01 00",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrInvalidBands, outcome.ErrInvalidBands, outcome.ErrOverflow},
			wantMsg: "outcome: scale from 0 with 257 points has more than 256 points\n" +
				"outcome: the detractor band 0..-1 is empty (its low end is above its high end)\n" +
				"outcome: the passive band 0..-1 is empty (its low end is above its high end)\n" +
				"outcome: the NPS response count would overflow: 9223372036854775807 + 1 is past the largest int64"},
		{name: "empty band and overflow", data: "12 01 02 04 00 03 ff ff ff ff ff ff ff ff 7f 01 00",
			wantErr: []error{outcome.ErrInvalidBands, outcome.ErrOverflow},
			wantMsg: "outcome: the detractor band 1..0 is empty (its low end is above its high end)\n" +
				"outcome: the NPS response count would overflow: 9223372036854775807 + 1 is past the largest int64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := mustTally(outcome.NPSTallyFromCounts(stdBands, 1, 2, 3))
			err := v.UnmarshalBinary(unhex(t, tt.data))
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr), "%v", err)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			assert.True(t, mustTally(outcome.NPSTallyFromCounts(stdBands, 1, 2, 3)).Equal(v), "unchanged")
		})
	}
}

// TestNPSTally_UnmarshalBinary_offsets pins the bands' problems of a custom
// NPS form on the valid scale 1..5 (bottom 1, span 4) for each combination
// of the offsets p of the lowest passive and q of the lowest promoter
// answer: p 0 or not, q above p or not, each past the top (above 4) or not.
// The form's bands are the detractors 1..p, the passives 1+p..q and the
// promoters 1+q..5. Each case says what NewNPSBands reports for those bands
// (each band empty or off the scale, and nothing more) and the list the
// decoder reports, worked out by hand: an offset past the top is the one
// fact about the bands it bounds. Three combinations cannot happen: p 0
// and past the top; p on the scale, q past the top and not above p; p past
// the top, q above p and on the scale.
func TestNPSTally_UnmarshalBinary_offsets(t *testing.T) {
	const (
		detractorsEmpty = "outcome: the detractor band 1..0 is empty (its low end is above its high end)"
		scale           = " points from the bottom of the scale 1..5, is past its top"
	)
	passive := func(off int) string { return fmt.Sprintf("outcome: the lowest passive answer, %d%s", off, scale) }
	promoter := func(off int) string { return fmt.Sprintf("outcome: the lowest promoter answer, %d%s", off, scale) }
	passivesEmpty := func(band string) string {
		return "outcome: the passive band " + band + " is empty (its low end is above its high end)"
	}
	tests := []struct {
		name string
		p, q int
		want []string
	}{
		// NewNPSBands: the detractors 1..0 empty.
		{name: "p 0", p: 0, q: 2, want: []string{detractorsEmpty}},
		// NewNPSBands: the detractors 1..0 and the passives 1..0 empty.
		{name: "p 0, q not above p", p: 0, q: 0, want: []string{detractorsEmpty, passivesEmpty("1..0")}},
		// NewNPSBands: the detractors 1..0 empty, the passives 1..9 off
		// the scale, the promoters 10..5 empty. The detractors are empty
		// whatever q; the other two are q past the top.
		{name: "p 0, q past the top", p: 0, q: 9, want: []string{detractorsEmpty, promoter(9)}},
		// NewNPSBands: the detractors 1..0 and the promoters 6..5 empty
		// (the passives 1..5 hold answers).
		{name: "p 0, q just past the top", p: 0, q: 5, want: []string{detractorsEmpty, promoter(5)}},
		// NewNPSBands: the passives 4..2 empty.
		{name: "q below p", p: 3, q: 2, want: []string{passivesEmpty("4..2")}},
		// NewNPSBands: the passives 4..3 empty.
		{name: "q at p", p: 3, q: 3, want: []string{passivesEmpty("4..3")}},
		// NewNPSBands: the passives 3..9 off the scale, the promoters
		// 10..5 empty: both q past the top.
		{name: "q past the top", p: 2, q: 9, want: []string{promoter(9)}},
		// NewNPSBands: the promoters 6..5 empty.
		{name: "q just past the top", p: 2, q: 5, want: []string{promoter(5)}},
		// NewNPSBands: the passives 6..9 off the scale, the promoters
		// 10..5 empty (the detractors 1..5 hold answers).
		{name: "p and q past the top, q above p", p: 5, q: 9, want: []string{passive(5), promoter(9)}},
		// NewNPSBands: the detractors 1..7 and the passives 8..9 off the
		// scale, the promoters 10..5 empty.
		{name: "p and q far past the top, q above p", p: 7, q: 9, want: []string{passive(7), promoter(9)}},
		// NewNPSBands: the detractors 1..9 off the scale, the passives
		// 10..2 empty: both p past the top (the promoters 3..5 hold
		// answers).
		{name: "p past the top, q below it", p: 9, q: 2, want: []string{passive(9)}},
		// NewNPSBands: the passives 6..0 empty (the detractors 1..5 and
		// the promoters 1..5 hold answers).
		{name: "p just past the top, q 0", p: 5, q: 0, want: []string{passive(5)}},
		// NewNPSBands: the detractors 1..9 off the scale, the passives
		// 10..7 and the promoters 8..5 empty.
		{name: "p and q past the top, q below p", p: 9, q: 7, want: []string{passive(9), promoter(7)}},
		// NewNPSBands: the detractors 1..9 off the scale, the passives
		// 10..9 and the promoters 10..5 empty.
		{name: "p and q past the top, q at p", p: 9, q: 9, want: []string{passive(9), promoter(9)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := mustTally(outcome.NPSTallyFromCounts(stdBands, 1, 2, 3))
			err := v.UnmarshalBinary(unhex(t, fmt.Sprintf("12 01 02 04 %02x %02x 00 00 00", tt.p, tt.q)))
			require.Error(t, err)
			var got []string
			for _, p := range outcome.Problems(err) {
				assert.Equal(t, outcome.ErrInvalidBands, p.Code, p.Message)
				got = append(got, p.Message)
			}
			assert.Equal(t, tt.want, got)
			if len(tt.want) == 1 {
				var one *outcome.Error
				assert.True(t, errors.As(err, &one) && err == error(one), "one problem is the *outcome.Error itself")
			}
			assert.True(t, mustTally(outcome.NPSTallyFromCounts(stdBands, 1, 2, 3)).Equal(v), "unchanged")
		})
	}
}

func TestRatingTallies_UnmarshalBinary_errors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr []error
		wantMsg string
	}{
		{name: "CSAT counts for 4 points", data: "13 00 04 01 01 01 01", wantErr: []error{outcome.ErrScaleMismatch},
			wantMsg: "outcome: 4 counts given for the 5 points of the scale 1..5"},
		{name: "CSAT box as large as the scale", data: "13 01 02 04 05 05 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBands}},
		// 12 points (span 11): more than a rating tally holds.
		{name: "CSAT twelve points", data: "13 01 00 0b 02 00", wantErr: []error{outcome.ErrInvalidScale}},
		{name: "CSAT standard written out", data: "13 01 02 04 02 05 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "CSAT bad scale", data: "13 01 02 00 02 00", wantErr: []error{outcome.ErrInvalidScale}},
		{name: "CSAT truncated", data: "13 00 05 01 01", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "CSAT overflow", data: "13 00 05 ff ff ff ff ff ff ff ff 7f 01 00 00 00", wantErr: []error{outcome.ErrOverflow}},
		// Agreeing from the bottom (offset 0): nothing would disagree.
		{name: "CES agree at the bottom", data: "14 01 02 04 00 05 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBands}},
		{name: "CES agree past the top", data: "14 01 02 04 05 05 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBands}},
		{name: "CES standard written out", data: "14 01 02 06 04 07 00 00 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBinary}},
		{name: "CES bad scale", data: "14 01 02 00 00 00", wantErr: []error{outcome.ErrInvalidScale}},
		{name: "CES counts for 1 point", data: "14 00 01 05", wantErr: []error{outcome.ErrScaleMismatch}},
		{name: "CES a CSAT tally", data: "13 00 05 00 00 00 00 00", wantErr: []error{outcome.ErrInvalidBinary}},
		// A bad scale does not hide the counts: they are checked without
		// it, as the JSON decoders check them (two counts, 2^63 - 1 and 1).
		{name: "CSAT bad scale and overflow", data: "13 01 02 00 02 02 ff ff ff ff ff ff ff ff 7f 01",
			wantErr: []error{outcome.ErrInvalidScale, outcome.ErrOverflow},
			wantMsg: "outcome: scale 1..1 has fewer than two points (its bottom must be below its top)\n" +
				"outcome: the response count would overflow: 9223372036854775807 + 1 is past the largest int64"},
		{name: "CES agree at the bottom and overflow", data: "14 01 02 04 00 02 ff ff ff ff ff ff ff ff 7f 01",
			wantErr: []error{outcome.ErrInvalidBands, outcome.ErrOverflow},
			wantMsg: "outcome: CES agreement point 1 must be in 2..5, above the bottom of the scale 1..5\n" +
				"outcome: the response count would overflow: 9223372036854775807 + 1 is past the largest int64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if strings.HasPrefix(tt.name, "CSAT") {
				v := mustCSAT(t, stdCSAT, 1, 2, 3, 4, 5)
				err = v.UnmarshalBinary(unhex(t, tt.data))
				assert.Equal(t, int64(15), v.Responses(), "unchanged")
			} else {
				v := mustCES(t, stdCES, 1, 2, 3, 4, 5, 6, 7)
				err = v.UnmarshalBinary(unhex(t, tt.data))
				assert.Equal(t, int64(28), v.Responses(), "unchanged")
			}
			require.Error(t, err)
			for _, want := range tt.wantErr {
				assert.ErrorIs(t, err, want)
			}
			assert.Len(t, outcome.Problems(err), len(tt.wantErr), "%v", err)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
		})
	}
}

// TestTallies_Binary_properties: random tallies on standard and custom
// scales survive their binary form exactly and re-encode to the same
// bytes, and merging tallies decoded from the shards' bytes gives the merge
// of the shards.
func TestTallies_Binary_properties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 5))
	for range 100 {
		nb := []outcome.NPSBands{stdBands, bands15, bandsNeg}[r.IntN(3)]
		cs := []outcome.CSATScale{stdCSAT, csat17}[r.IntN(2)]
		es := []outcome.CESScale{stdCES, ces15}[r.IntN(2)]
		wantN, gotN := outcome.NewNPSTally(nb), outcome.NewNPSTally(nb)
		wantC, gotC := outcome.NewCSATTally(cs), outcome.NewCSATTally(cs)
		wantE, gotE := outcome.NewCESTally(es), outcome.NewCESTally(es)
		for range 1 + r.IntN(5) {
			n := outcome.NewNPSTally(nb)
			c := outcome.NewCSATTally(cs)
			e := outcome.NewCESTally(es)
			for range r.IntN(300) {
				var err error
				ns, cc, ee := nb.Scale(), cs.Scale(), es.Scale()
				n, err = n.Add(ns.Min() + r.IntN(ns.Points()))
				require.NoError(t, err)
				c, err = c.Add(cc.Min() + r.IntN(cc.Points()))
				require.NoError(t, err)
				e, err = e.Add(ee.Min() + r.IntN(ee.Points()))
				require.NoError(t, err)
			}
			var dn outcome.NPSTally
			var dc outcome.CSATTally
			var de outcome.CESTally
			for _, x := range []struct {
				m encoding.BinaryMarshaler
				u encoding.BinaryUnmarshaler
			}{{n, &dn}, {c, &dc}, {e, &de}} {
				b, err := x.m.MarshalBinary()
				require.NoError(t, err)
				require.NoError(t, x.u.UnmarshalBinary(b))
				again, err := x.u.(encoding.BinaryMarshaler).MarshalBinary()
				require.NoError(t, err)
				require.Equal(t, b, again)
			}
			require.True(t, n.Equal(dn) && c.Equal(dc) && e.Equal(de))
			var err error
			wantN, err = wantN.Merge(n)
			require.NoError(t, err)
			gotN, err = gotN.Merge(dn)
			require.NoError(t, err)
			wantC, err = wantC.Merge(c)
			require.NoError(t, err)
			gotC, err = gotC.Merge(dc)
			require.NoError(t, err)
			wantE, err = wantE.Merge(e)
			require.NoError(t, err)
			gotE, err = gotE.Merge(de)
			require.NoError(t, err)
		}
		assert.True(t, wantN.Equal(gotN))
		assert.True(t, wantC.Equal(gotC))
		assert.True(t, wantE.Equal(gotE))
	}
}
