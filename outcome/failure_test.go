package outcome_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cxmodel/cx/internal/equaltest"

	"github.com/cxmodel/cx/internal/dectest"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fdContactCentre returns a week of a contact centre's demand: 700 contacts
// of value demand (600 without a reason, 100 "new order") and 300 of failure
// demand: 180 repeat calls, 90 chasers, 30 complaints.
func fdContactCentre(t *testing.T) *outcome.FailureDemand {
	t.Helper()
	var d outcome.FailureDemand
	require.NoError(t, d.AddValue(outcome.NoReason, 600))
	require.NoError(t, d.AddValue("new order", 100))
	require.NoError(t, d.AddFailure("repeat call", 180))
	require.NoError(t, d.AddFailure("chaser", 90))
	require.NoError(t, d.Add("complaint", true, 30))
	return &d
}

func TestFailureDemand_totals(t *testing.T) {
	d := fdContactCentre(t)
	assert.Equal(t, int64(700), d.Value())
	assert.Equal(t, int64(300), d.Failure())
	assert.Equal(t, int64(1000), d.Total())
	assert.False(t, d.IsZero())
	// The failure share: 300 of 1000 = 0.3.
	share := d.Share()
	assert.True(t, outcome.MustProportion(300, 1000).Equal(share))
	rate, err := share.Rate(2, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("0.30").Equal(rate))

	var empty outcome.FailureDemand
	assert.True(t, empty.IsZero())
	assert.True(t, empty.Share().IsZero())
	_, err = empty.Share().Rate(2, outcome.RoundHalfEven)
	assert.ErrorIs(t, err, outcome.ErrNoData)
}

func TestFailureDemand_Add(t *testing.T) {
	tests := []struct {
		name    string
		reason  string
		failure bool
		count   int64
		wantErr outcome.Code
		wantMsg string
	}{
		{name: "failure with reason", reason: "repeat call", failure: true, count: 3},
		{name: "value with reason", reason: "new order", count: 3},
		{name: "no reason", reason: outcome.NoReason, failure: true, count: 3},
		{name: "unicode reason", reason: "Reklamation – Lieferung", failure: true, count: 1},
		{name: "longest reason", reason: strings.Repeat("r", outcome.MaxReasonLen), failure: true, count: 1},
		{name: "zero count", reason: "chaser", failure: true, count: 0},
		{name: "negative count", reason: "chaser", failure: true, count: -2, wantErr: outcome.ErrInvalidCount,
			wantMsg: `outcome: negative count -2 of failure demand "chaser"`},
		{name: "blank reason", reason: "   ", count: 1, wantErr: outcome.ErrInvalidReason,
			wantMsg: `outcome: demand reason "   " is blank; use NoReason ("") for none`},
		{name: "surrounding space", reason: " chaser", count: 1, wantErr: outcome.ErrInvalidReason,
			wantMsg: `outcome: demand reason " chaser" has surrounding white space`},
		{name: "control character", reason: "chaser\x00", count: 1, wantErr: outcome.ErrInvalidReason,
			wantMsg: `outcome: demand reason "chaser\x00" has a control character`},
		{name: "inner newline", reason: "repeat\ncall", count: 1, wantErr: outcome.ErrInvalidReason},
		{name: "invalid UTF-8", reason: "bad\xff", count: 1, wantErr: outcome.ErrInvalidReason,
			wantMsg: `outcome: demand reason "bad\xff" is not valid UTF-8`},
		{name: "too long", reason: strings.Repeat("r", outcome.MaxReasonLen+1), count: 1, wantErr: outcome.ErrInvalidReason,
			wantMsg: `outcome: demand reason "` + strings.Repeat("r", 64) + `..." is longer than 128 bytes`},
		// Both arguments wrong: both problems, the reason's first.
		{name: "invalid reason and negative count: both are reported", reason: " x", count: -1, wantErr: outcome.ErrInvalidCount,
			wantMsg: `outcome: demand reason " x" has surrounding white space` + "\n" + `outcome: negative count -1 of value demand " x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fdContactCentre(t)
			before := d.Clone()
			err := d.Add(tt.reason, tt.failure, tt.count)
			if tt.wantErr != "" {
				assert.ErrorIs(t, err, tt.wantErr)
				if tt.wantMsg != "" {
					assert.EqualError(t, err, tt.wantMsg)
				}
				assert.True(t, before.Equal(d), "a failed Add changes nothing")
				return
			}
			require.NoError(t, err)
			if tt.failure {
				assert.Equal(t, before.Failure()+tt.count, d.Failure())
				assert.Equal(t, before.Value(), d.Value())
			} else {
				assert.Equal(t, before.Value()+tt.count, d.Value())
				assert.Equal(t, before.Failure(), d.Failure())
			}
			if tt.count == 0 {
				assert.True(t, before.Equal(d), "a zero count adds no row")
			}
		})
	}
}

func TestFailureDemand_Add_overflow(t *testing.T) {
	var d outcome.FailureDemand
	require.NoError(t, d.AddValue("order", math.MaxInt64-10))
	require.NoError(t, d.AddFailure("chaser", 10)) // total exactly MaxInt64
	assert.Equal(t, int64(math.MaxInt64), d.Total())
	before := d.Clone()
	err := d.AddFailure("chaser", 1)
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	assert.EqualError(t, err, "outcome: adding 1 contacts to a total demand of 9223372036854775807 overflows int64")
	assert.True(t, before.Equal(&d))
	assert.ErrorIs(t, d.AddValue(outcome.NoReason, math.MaxInt64), outcome.ErrOverflow)
}

func TestFailureDemand_Add_tooManyReasons(t *testing.T) {
	var d outcome.FailureDemand
	for i := range outcome.MaxReasons {
		require.NoError(t, d.AddFailure(fmt.Sprintf("reason %05d", i), 1))
	}
	err := d.AddFailure("one more", 1)
	assert.ErrorIs(t, err, outcome.ErrTooManyReasons)
	assert.EqualError(t, err, "outcome: more than 10000 distinct reasons of failure demand")
	// A reason already counted may still be added to, and value demand has
	// its own allowance.
	require.NoError(t, d.AddFailure("reason 00000", 1))
	require.NoError(t, d.AddValue("one more", 1))
	assert.Equal(t, int64(outcome.MaxReasons+1), d.Failure())

	// A new reason that is one too many and a count that overflows: both,
	// the overflow first.
	require.NoError(t, d.AddValue("order", math.MaxInt64-d.Total()))
	before := d.Clone()
	err = d.AddFailure("one more", 1)
	assert.Equal(t, []outcome.Code{outcome.ErrOverflow, outcome.ErrTooManyReasons}, propCodes(err))
	assert.EqualError(t, err, "outcome: adding 1 contacts to a total demand of 9223372036854775807 overflows int64\n"+
		"outcome: more than 10000 distinct reasons of failure demand")
	assert.True(t, before.Equal(&d), "a failed Add changes nothing")
}

func TestFailureDemand_FailureReasons(t *testing.T) {
	d := fdContactCentre(t)
	// 180/300 = 0.6, 90/300 = 0.3, 30/300 = 0.1: exact at 2 places.
	rows, err := d.FailureReasons(2)
	require.NoError(t, err)
	fdAssertRows(t, []fdRow{{"repeat call", 180, "0.6"}, {"chaser", 90, "0.3"}, {"complaint", 30, "0.1"}}, rows)
	assert.True(t, decimal.NewFromInt(60).Equal(rows[0].Percent()))

	// Value demand: 600/700 = 0.857142..., 100/700 = 0.142857... At 2 places
	// the floors are 0.85 and 0.14 (sum 0.99); the remainders are
	// 60000 mod 700 = 500 and 10000 mod 700 = 200 (in units of 1/700 of a
	// hundredth), so the left-over 0.01 goes to the first: 0.86 and 0.14.
	rows, err = d.ValueReasons(2)
	require.NoError(t, err)
	fdAssertRows(t, []fdRow{{"", 600, "0.86"}, {"new order", 100, "0.14"}}, rows)
}

func TestFailureDemand_FailureReasons_largestRemainder(t *testing.T) {
	tests := []struct {
		name   string
		counts map[string]int64
		places int32
		want   []fdRow
	}{
		// Thirds: 0.333... each; floors 0.33 ×3 = 0.99; equal remainders, so
		// the left-over unit goes to the first row (equal counts: by reason).
		{name: "thirds", counts: map[string]int64{"c": 1, "a": 1, "b": 1}, places: 2,
			want: []fdRow{{"a", 1, "0.34"}, {"b", 1, "0.33"}, {"c", 1, "0.33"}}},
		// 3, 2, 2 of 7 at 1 place: quotas 4.2857, 2.8571, 2.8571 tenths;
		// floors 4, 2, 2 (sum 8); remainders 30 mod 7 = 2, 20 mod 7 = 6,
		// 20 mod 7 = 6: the two left-over tenths go to the smaller rows, and
		// the largest row is rounded down: 0.4, 0.3, 0.3.
		{name: "largest row rounded down", counts: map[string]int64{"x": 3, "y": 2, "z": 2}, places: 1,
			want: []fdRow{{"x", 3, "0.4"}, {"y", 2, "0.3"}, {"z", 2, "0.3"}}},
		// One reason takes it all, at any places.
		{name: "single reason", counts: map[string]int64{"chaser": 7}, places: 0,
			want: []fdRow{{"chaser", 7, "1"}}},
		// 1, 1 of 2 at 0 places: floors 0, 0; both remainders 1: the unit
		// goes to the first.
		{name: "halves at 0 places", counts: map[string]int64{"b": 1, "a": 1}, places: 0,
			want: []fdRow{{"a", 1, "1"}, {"b", 1, "0"}}},
		// 18 places, counts near the int64 limit: shares of 1/3 and 2/3 of
		// 3·(2^61) contacts, exactly 0.333333333333333333 and
		// 0.666666666666666667 (the left-over unit to the larger remainder:
		// 2·10^18 mod 3 = 2 against 10^18 mod 3 = 1).
		{name: "18 places", counts: map[string]int64{"a": 2 << 61, "b": 1 << 61}, places: 18,
			want: []fdRow{{"a", 2 << 61, "0.666666666666666667"}, {"b", 1 << 61, "0.333333333333333333"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d outcome.FailureDemand
			for r, n := range tt.counts {
				require.NoError(t, d.AddFailure(r, n))
			}
			rows, err := d.FailureReasons(tt.places)
			require.NoError(t, err)
			fdAssertRows(t, tt.want, rows)
		})
	}
}

func TestFailureDemand_FailureReasons_errors(t *testing.T) {
	d := fdContactCentre(t)
	for _, places := range []int32{-1, 19, math.MaxInt32} {
		_, err := d.FailureReasons(places)
		assert.ErrorIs(t, err, outcome.ErrInvalidPlaces)
		_, err = d.ValueReasons(places)
		assert.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	}
	_, err := d.FailureReasons(19)
	assert.EqualError(t, err, "outcome: 19 decimal places is outside [0, 18]")

	var empty outcome.FailureDemand
	rows, err := empty.FailureReasons(2)
	require.NoError(t, err)
	assert.Empty(t, rows)
}

// TestFailureDemand_FailureReasons_sums checks the properties of a breakdown
// on random tallies: the counts add up to the total, the shares to exactly 1,
// each share is within one unit of its exact value, and the order is by count
// then reason.
func TestFailureDemand_FailureReasons_sums(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 500 {
		var d outcome.FailureDemand
		for range 1 + rng.IntN(12) {
			n := rng.Int64N(1000)
			if rng.IntN(10) == 0 {
				n = rng.Int64N(math.MaxInt64 / 16)
			}
			require.NoError(t, d.AddFailure(fmt.Sprintf("r%d", rng.IntN(15)), n))
		}
		if d.Failure() == 0 {
			continue
		}
		places := rng.Int32N(19)
		rows, err := d.FailureReasons(places)
		require.NoError(t, err)
		var count int64
		sum := decimal.Zero
		unit := decimal.New(1, -places)
		for i, r := range rows {
			count += r.Count
			sum = sum.Add(r.Share)
			exact := decimal.NewFromBigRat(newRat(r.Count, d.Failure()), places+20)
			assert.True(t, r.Share.Sub(exact).Abs().LessThan(unit), "%s: %s vs %s", r.Reason, r.Share, exact)
			if i > 0 {
				prev := rows[i-1]
				assert.True(t, prev.Count > r.Count || prev.Count == r.Count && prev.Reason < r.Reason)
			}
		}
		assert.Equal(t, d.Failure(), count)
		assert.True(t, decimal.NewFromInt(1).Equal(sum), "shares sum to %s at %d places", sum, places)
	}
}

// TestFailureDemand_Merge_shards checks the property that tallying shards and
// merging them, in any order, equals tallying all the contacts at once.
func TestFailureDemand_Merge_shards(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	reasons := []string{outcome.NoReason, "repeat call", "chaser", "complaint", "correction", "new order", "question"}
	type contact struct {
		reason  string
		failure bool
	}
	for round := range 100 {
		contacts := make([]contact, rng.IntN(400))
		for i := range contacts {
			contacts[i] = contact{reason: reasons[rng.IntN(len(reasons))], failure: rng.IntN(2) == 0}
		}
		var whole outcome.FailureDemand
		for _, c := range contacts {
			require.NoError(t, whole.Add(c.reason, c.failure, 1))
		}
		var shards []*outcome.FailureDemand
		for start := 0; start < len(contacts); {
			end := min(len(contacts), start+1+rng.IntN(50))
			var s outcome.FailureDemand
			for _, c := range contacts[start:end] {
				require.NoError(t, s.Add(c.reason, c.failure, 1))
			}
			shards = append(shards, &s)
			start = end
		}
		rng.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
		var merged outcome.FailureDemand
		for _, s := range shards {
			require.NoError(t, merged.Merge(s))
		}
		assert.True(t, whole.Equal(&merged), "round %d", round)
		wantJSON, err := json.Marshal(whole)
		require.NoError(t, err)
		gotJSON, err := json.Marshal(merged)
		require.NoError(t, err)
		assert.Equal(t, string(wantJSON), string(gotJSON), "the same tally encodes to the same bytes")
	}
}

func TestFailureDemand_Merge(t *testing.T) {
	d := fdContactCentre(t)
	require.NoError(t, d.Merge(nil))
	assert.True(t, fdContactCentre(t).Equal(d), "merging nil changes nothing")
	require.NoError(t, d.Merge(&outcome.FailureDemand{}))
	assert.True(t, fdContactCentre(t).Equal(d), "the empty tally is the identity")

	// Merging into an empty tally copies.
	var e outcome.FailureDemand
	require.NoError(t, e.Merge(d))
	assert.True(t, d.Equal(&e))
	require.NoError(t, e.AddFailure("chaser", 1))
	assert.Equal(t, int64(300), d.Failure(), "the merged-from tally is not shared")

	// Merging a tally with itself doubles it.
	require.NoError(t, d.Merge(d))
	assert.Equal(t, int64(2000), d.Total())
	rows, err := d.FailureReasons(1)
	require.NoError(t, err)
	fdAssertRows(t, []fdRow{{"repeat call", 360, "0.6"}, {"chaser", 180, "0.3"}, {"complaint", 60, "0.1"}}, rows)
}

func TestFailureDemand_Merge_errors(t *testing.T) {
	var big outcome.FailureDemand
	require.NoError(t, big.AddValue("order", math.MaxInt64-5))
	d := fdContactCentre(t)
	before := d.Clone()
	err := d.Merge(&big)
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	assert.EqualError(t, err, "outcome: merging total demands of 1000 and 9223372036854775802 overflows int64")
	assert.True(t, before.Equal(d), "a failed Merge changes nothing")

	var many, more outcome.FailureDemand
	for i := range outcome.MaxReasons {
		require.NoError(t, many.AddValue(fmt.Sprintf("v%05d", i), 1))
	}
	require.NoError(t, more.AddValue("v00000", 1)) // known: fine
	require.NoError(t, many.Merge(&more))
	require.NoError(t, more.AddValue("new", 1))
	before = many.Clone()
	err = many.Merge(&more)
	assert.ErrorIs(t, err, outcome.ErrTooManyReasons)
	assert.EqualError(t, err, "outcome: more than 10000 distinct reasons of value demand")
	assert.True(t, before.Equal(&many))

	// Every problem together: the overflow, then too many reasons of value
	// demand, then of failure demand. many has 10,000 reasons of each kind
	// and 20,001 contacts (v00000 twice); more adds a new reason to each and
	// 2^63 - 1 - 9,999 contacts.
	for i := range outcome.MaxReasons {
		require.NoError(t, many.AddFailure(fmt.Sprintf("f%05d", i), 1))
	}
	var huge outcome.FailureDemand
	require.NoError(t, huge.AddValue("new", math.MaxInt64-10_000))
	require.NoError(t, huge.AddFailure("new", 1))
	before = many.Clone()
	err = many.Merge(&huge)
	assert.Equal(t, []outcome.Code{outcome.ErrOverflow, outcome.ErrTooManyReasons, outcome.ErrTooManyReasons}, propCodes(err))
	assert.EqualError(t, err, "outcome: merging total demands of 20001 and 9223372036854765808 overflows int64\n"+
		"outcome: more than 10000 distinct reasons of value demand\n"+
		"outcome: more than 10000 distinct reasons of failure demand")
	assert.True(t, before.Equal(&many), "a failed Merge changes nothing")
}

func TestFailureDemand_EqualClone(t *testing.T) {
	d := fdContactCentre(t)
	c := d.Clone()
	assert.True(t, d.Equal(c))
	require.NoError(t, c.AddFailure("chaser", 1))
	assert.False(t, d.Equal(c))
	assert.Equal(t, int64(300), d.Failure(), "a clone shares nothing")

	var nilTally *outcome.FailureDemand
	assert.True(t, nilTally.Equal(&outcome.FailureDemand{}))
	assert.True(t, (&outcome.FailureDemand{}).Equal(nil))
	assert.False(t, d.Equal(nil))

	// Same totals, different reasons: not equal.
	var a, b outcome.FailureDemand
	require.NoError(t, a.AddFailure("chaser", 2))
	require.NoError(t, b.AddFailure("complaint", 2))
	assert.False(t, a.Equal(&b))
	// Same reasons, moved between kinds: not equal.
	var v, f outcome.FailureDemand
	require.NoError(t, v.Add("x", false, 1))
	require.NoError(t, v.Add("y", true, 1))
	require.NoError(t, f.Add("y", false, 1))
	require.NoError(t, f.Add("x", true, 1))
	assert.False(t, v.Equal(&f))

	empty := (&outcome.FailureDemand{}).Clone()
	assert.True(t, empty.IsZero())
}

func TestFailureDemand_JSON(t *testing.T) {
	d := fdContactCentre(t)
	data, err := json.Marshal(d)
	require.NoError(t, err)
	const want = `{"value":[{"reason":"","count":600},{"reason":"new order","count":100}],` +
		`"failure":[{"reason":"repeat call","count":180},{"reason":"chaser","count":90},{"reason":"complaint","count":30}]}`
	assert.Equal(t, want, string(data))
	// A value (not a pointer) encodes the same: MarshalJSON has a value receiver.
	byValue, err := json.Marshal(struct{ D outcome.FailureDemand }{*d.Clone()})
	require.NoError(t, err)
	assert.Equal(t, `{"D":`+want+`}`, string(byValue))

	var back outcome.FailureDemand
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, d.Equal(&back))

	var empty outcome.FailureDemand
	data, err = json.Marshal(&empty)
	require.NoError(t, err)
	assert.Equal(t, `{"value":[],"failure":[]}`, string(data))
	for _, in := range []string{`{}`, `{"value":[],"failure":[]}`} {
		var e outcome.FailureDemand
		require.NoError(t, json.Unmarshal([]byte(in), &e), in)
		assert.True(t, e.IsZero())
	}
}

func TestFailureDemand_UnmarshalJSON_errors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantCodes []outcome.Code
		wantMsg   string
	}{
		{name: "duplicate reason", in: `{"failure":[{"reason":"chaser","count":1},{"reason":"chaser","count":2}]}`,
			wantCodes: []outcome.Code{outcome.ErrDuplicateReason}, wantMsg: `outcome: failure demand reason "chaser" is listed twice`},
		{name: "same reason in both kinds is fine", in: `{"value":[{"reason":"x","count":1}],"failure":[{"reason":"x","count":1}]}`},
		{name: "every problem, in order", in: `{"value":[{"reason":" a","count":1},{"reason":"b","count":-1}],` +
			`"failure":[{"reason":"c","count":1},{"reason":"c","count":1}]}`,
			wantCodes: []outcome.Code{outcome.ErrInvalidReason, outcome.ErrInvalidCount, outcome.ErrDuplicateReason}},
		// One row's reason and count both wrong: both, as Add reports them.
		{name: "bad reason and negative count in one row", in: `{"failure":[{"reason":" chaser","count":-3}]}`,
			wantCodes: []outcome.Code{outcome.ErrInvalidReason, outcome.ErrInvalidCount},
			wantMsg: `outcome: demand reason " chaser" has surrounding white space` + "\n" +
				`outcome: negative count -3 of failure demand " chaser"`},
		{name: "overflow reported once", in: `{"value":[{"reason":"a","count":9223372036854775807},{"reason":"b","count":1}],` +
			`"failure":[{"reason":"c","count":1}]}`,
			wantCodes: []outcome.Code{outcome.ErrOverflow}},
		// A zero count is refused, as the binary form refuses it, rather than
		// dropped: MarshalJSON never writes one.
		{name: "zero count", in: `{"failure":[{"reason":"chaser","count":0}]}`,
			wantCodes: []outcome.Code{outcome.ErrInvalidCount},
			wantMsg:   `outcome: zero count of failure demand "chaser": a row holds a count above zero (an absent count is 0)`},
		{name: "absent count", in: `{"value":[{"reason":"new order"}]}`,
			wantCodes: []outcome.Code{outcome.ErrInvalidCount},
			wantMsg:   `outcome: zero count of value demand "new order": a row holds a count above zero (an absent count is 0)`},
		{name: "zero count with a bad reason: both", in: `{"failure":[{"reason":" chaser","count":0}]}`,
			wantCodes: []outcome.Code{outcome.ErrInvalidReason, outcome.ErrInvalidCount},
			wantMsg: `outcome: demand reason " chaser" has surrounding white space` + "\n" +
				`outcome: zero count of failure demand " chaser": a row holds a count above zero (an absent count is 0)`},
		// A reason listed twice does not hide its row's count.
		{name: "duplicate reason with a bad count", in: `{"value":[{"reason":"a","count":1},{"reason":"a","count":-2},{"reason":"a"}]}`,
			wantCodes: []outcome.Code{outcome.ErrDuplicateReason, outcome.ErrInvalidCount, outcome.ErrDuplicateReason, outcome.ErrInvalidCount},
			wantMsg: `outcome: value demand reason "a" is listed twice` + "\n" +
				`outcome: negative count -2 of value demand "a"` + "\n" +
				`outcome: value demand reason "a" is listed twice` + "\n" +
				`outcome: zero count of value demand "a": a row holds a count above zero (an absent count is 0)`},
		{name: "zero counts among good rows, each reported", in: `{"value":[{"reason":"","count":0},{"reason":"a","count":2}],` +
			`"failure":[{"reason":"b","count":0}]}`,
			wantCodes: []outcome.Code{outcome.ErrInvalidCount, outcome.ErrInvalidCount}},
		{name: "unknown field", in: `{"value":[],"failure":[],"total":3}`, wantCodes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "unknown row field", in: `{"failure":[{"reason":"a","count":1,"share":"1"}]}`, wantCodes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "trailing data", in: `{} []`, wantCodes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "count too large", in: `{"failure":[{"reason":"a","count":9223372036854775808}]}`, wantCodes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "wrong shape", in: `{"failure":{"a":1}}`, wantCodes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "not JSON", in: `{"failure":`, wantCodes: []outcome.Code{outcome.ErrInvalidJSON}},
		// Null is no tally: refused once, not read as leaving it unchanged.
		{name: "null", in: ` null `, wantCodes: []outcome.Code{outcome.ErrInvalidJSON},
			wantMsg: "outcome: failure demand cannot be null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fdContactCentre(t)
			err := d.UnmarshalJSON([]byte(tt.in))
			if tt.wantCodes == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.wantCodes, propCodes(err))
			if tt.wantMsg != "" {
				assert.EqualError(t, err, tt.wantMsg)
			}
			assert.True(t, fdContactCentre(t).Equal(d), "unchanged on error")
		})
	}
}

func TestFailureDemand_UnmarshalJSON_tooManyReasons(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"failure":[`)
	for i := range outcome.MaxReasons + 3 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"reason":"r%d","count":1}`, i)
	}
	b.WriteString(`]}`)
	var d outcome.FailureDemand
	err := json.Unmarshal([]byte(b.String()), &d)
	assert.Equal(t, []outcome.Code{outcome.ErrTooManyReasons}, propCodes(err), "reported once")
	assert.True(t, d.IsZero())
}

// fdRow is an expected row of a breakdown.
type fdRow struct {
	reason string
	count  int64
	share  string
}

func fdAssertRows(t *testing.T, want []fdRow, got []outcome.ReasonCount) {
	t.Helper()
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.reason, got[i].Reason, "row %d", i)
		assert.Equal(t, w.count, got[i].Count, "row %d", i)
		assert.True(t, decimal.RequireFromString(w.share).Equal(got[i].Share), "row %d (%q): share %s, want %s",
			i, w.reason, got[i].Share, w.share)
	}
}

// TestReasonCount_decodeErrors: what does not decode is an ErrInvalidJSON
// in JSON's words, every problem, and the row is left as it was.
func TestReasonCount_decodeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		msgs []string
	}{
		{"every field wrong", `{"reason":5,"count":"7","share":"x"}`, []string{
			`outcome: reason count: "reason" must be a string, not the number 5`,
			`outcome: reason count: "count" must be an integer, not the string "7"`,
			`outcome: reason count: "share" must be a decimal string or a number, not the string "x"`,
		}},
		// 1.5 is no integer; true no decimal.
		{"a count with a fraction, a share true", `{"reason":"chaser","count":1.5,"share":true}`, []string{
			`outcome: reason count: "count" must be an integer from -9223372036854775808 to 9223372036854775807, not the number 1.5`,
			`outcome: reason count: "share" must be a decimal string or a number, not true`,
		}},
		// decimal.NewFromString, under decimal's defaults, refused an
		// exponent beyond ±10000; so does the decoder, saying so.
		{"share beyond 10000", `{"reason":"chaser","count":1,"share":1e-10001}`, []string{
			`outcome: reason count: "share" must be a decimal with an exponent within ±10000, not the number 1e-10001`,
		}},
		{"not an object", `[1]`, []string{`outcome: invalid JSON: the value must be an object, not an array`}},
		// Null is no row: refused once.
		{"null", ` null `, []string{"outcome: a reason count cannot be null"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := outcome.ReasonCount{Reason: "chaser", Count: 3, Share: decimal.New(1, 0)}
			err := json.Unmarshal([]byte(tt.in), &rc)
			assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
			var got []string
			for _, p := range outcome.Problems(err) {
				got = append(got, p.Message)
			}
			assert.Equal(t, tt.msgs, got)
			assert.Equal(t, outcome.ReasonCount{Reason: "chaser", Count: 3, Share: decimal.New(1, 0)}, rc, "unchanged")
		})
	}
}

// TestReasonCount_decodeIgnoresMaxDecodeExponent: a share is read with
// decfmt, with any number of digits and an exponent within ±10000, so it
// decodes alike whatever decimal.MaxDecodeExponent says, which
// decimal.NewFromString reads and dectest.FlipSettings sets from 10000 to
// 10: shares 7·10^-e for e from 11 to 30 (a breakdown at 18 places writes
// down to 10^-18), and 10^e·10^-e (1, written with e zero places), decode
// to themselves with the settings flipped as without. It changes
// decimal's settings, so it must not run in parallel with other tests.
func TestReasonCount_decodeIgnoresMaxDecodeExponent(t *testing.T) {
	decode := func(data string) string {
		var rc outcome.ReasonCount
		if err := json.Unmarshal([]byte(data), &rc); err != nil {
			return "error: " + err.Error()
		}
		return fmt.Sprintf("%s·10^%d", rc.Share.Coefficient(), rc.Share.Exponent())
	}
	type tc struct{ in, want string }
	var cases []tc
	for e := 11; e <= 30; e++ {
		cases = append(cases,
			tc{fmt.Sprintf(`{"reason":"chaser","count":1,"share":"7e-%d"}`, e), fmt.Sprintf("7·10^-%d", e)},
			tc{fmt.Sprintf(`{"reason":"chaser","count":1,"share":1.%s}`, strings.Repeat("0", e)), fmt.Sprintf("1%s·10^-%d", strings.Repeat("0", e), e)})
	}
	for _, c := range cases {
		assert.Equal(t, c.want, decode(c.in), c.in)
	}
	dectest.FlipSettings(t)
	for _, c := range cases {
		assert.Equal(t, c.want, decode(c.in), "%s with decimal.MaxDecodeExponent = 10", c.in)
	}
}

// TestReasonCount_Equal checks that Equal compares every field, the share
// by value: 0.50 and 0.5 are one share, which reflect.DeepEqual (and so
// assert.Equal) calls different.
func TestReasonCount_Equal(t *testing.T) {
	base := outcome.ReasonCount{Reason: "chaser", Count: 90, Share: decimal.RequireFromString("0.50")}
	same := outcome.ReasonCount{Reason: "chaser", Count: 90, Share: decimal.New(5, -1)}
	equaltest.Check(t, equaltest.Case[outcome.ReasonCount]{Equal: outcome.ReasonCount.Equal, Base: func() outcome.ReasonCount { return base },
		Twins: []equaltest.Twins[outcome.ReasonCount]{{Name: "built apart", A: base, B: same, DeepDiffers: true}},
		Changes: []equaltest.Change[outcome.ReasonCount]{
			{Field: "Reason", What: `rc.Reason = "Chaser"`, Apply: func(rc *outcome.ReasonCount) { rc.Reason = "Chaser" }},
			{Field: "Count", What: `rc.Count = 91`, Apply: func(rc *outcome.ReasonCount) { rc.Count = 91 }},
			{Field: "Share", What: `rc.Share = decimal.RequireFromString("0.51")`, Apply: func(rc *outcome.ReasonCount) { rc.Share = decimal.RequireFromString("0.51") }},
		}})

	// Stored as JSON and read back, it is Equal to the one written, also
	// from a share written with fewer places.
	data, err := json.Marshal(base)
	require.NoError(t, err)
	var back outcome.ReasonCount
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(base), "%s", data)
	var short outcome.ReasonCount
	require.NoError(t, json.Unmarshal([]byte(`{"reason":"chaser","count":90,"share":"0.5"}`), &short))
	assert.True(t, short.Equal(base))
}
