package outcome_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/outcome"
)

// mustNPS builds a tally from counts on the standard bands.
func mustNPS(t *testing.T, promoters, passives, detractors int64) outcome.NPSTally {
	t.Helper()
	tally, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), promoters, passives, detractors)
	require.NoError(t, err)
	return tally
}

// TestStandardNPSBands checks the standard bands against Reichheld (2003),
// "The One Number You Need to Grow", Harvard Business Review 81(12): on the
// 0-10 scale, 9-10 are promoters, 7-8 passives and 0-6 detractors.
func TestStandardNPSBands(t *testing.T) {
	b := outcome.StandardNPSBands()
	assert.True(t, b.IsZero())
	assert.Equal(t, outcome.MustScale(0, 10), b.Scale())
	assert.Equal(t, outcome.Band{Low: 0, High: 6}, b.Detractors())
	assert.Equal(t, outcome.Band{Low: 7, High: 8}, b.Passives())
	assert.Equal(t, outcome.Band{Low: 9, High: 10}, b.Promoters())
	assert.Equal(t, "detractors 0..6, passives 7..8, promoters 9..10", b.String())
	want := [11]outcome.NPSGroup{
		outcome.Detractor, outcome.Detractor, outcome.Detractor, outcome.Detractor, outcome.Detractor,
		outcome.Detractor, outcome.Detractor, outcome.Passive, outcome.Passive, outcome.Promoter, outcome.Promoter,
	}
	for score, g := range want {
		got, err := b.Group(score)
		require.NoError(t, err)
		assert.Equal(t, g, got, "answer %d", score)
	}
	_, err := b.Group(11)
	require.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	assert.Equal(t, "outcome: score 11 is outside the scale 0..10", err.Error())
	_, err = b.Group(-1)
	assert.ErrorIs(t, err, outcome.ErrScoreOutOfRange)

	// The same bands built explicitly are the zero value.
	explicit, err := outcome.NewNPSBands(outcome.MustScale(0, 10),
		outcome.Band{Low: 0, High: 6}, outcome.Band{Low: 7, High: 8}, outcome.Band{Low: 9, High: 10})
	require.NoError(t, err)
	assert.True(t, explicit.Equal(b))
	assert.True(t, explicit.IsZero())
}

func TestNPSGroupString(t *testing.T) {
	assert.Equal(t, "detractor", outcome.Detractor.String())
	assert.Equal(t, "passive", outcome.Passive.String())
	assert.Equal(t, "promoter", outcome.Promoter.String())
	assert.Equal(t, "NPSGroup(0)", outcome.NPSGroup(0).String())
	assert.False(t, outcome.NPSGroup(0).IsValid())
	assert.False(t, outcome.NPSGroup(4).IsValid())
	assert.True(t, outcome.Promoter.IsValid())
}

func TestNewNPSBands(t *testing.T) {
	type band = outcome.Band
	s010 := outcome.MustScale(0, 10)
	tests := []struct {
		name                string
		scale               outcome.Scale
		det, pass, prom     band
		wantCode            error
		wantMessages        []string
		wantDet, wantPasLow int
	}{
		{name: "five-point scale", scale: outcome.MustScale(1, 5),
			det: band{1, 3}, pass: band{4, 4}, prom: band{5, 5}, wantDet: 3, wantPasLow: 4},
		{name: "negative scale", scale: outcome.MustScale(-5, 5),
			det: band{-5, -1}, pass: band{0, 2}, prom: band{3, 5}, wantDet: -1, wantPasLow: 0},
		{name: "three points", scale: outcome.MustScale(1, 3),
			det: band{1, 1}, pass: band{2, 2}, prom: band{3, 3}, wantDet: 1, wantPasLow: 2},
		{name: "invalid scale", scale: outcome.Scale{},
			det: band{0, 6}, pass: band{7, 8}, prom: band{9, 10}, wantCode: outcome.ErrInvalidScale,
			wantMessages: []string{"outcome: NPS bands on the invalid scale 0..0"}},
		// An empty band does not depend on the scale: reported after the
		// scale's problem. Being on the scale, the order and the coverage
		// need a scale, so the passives 7..8 are not said off 0..0.
		{name: "invalid scale and empty bands", scale: outcome.Scale{},
			det: band{6, 0}, pass: band{7, 8}, prom: band{10, 9}, wantCode: outcome.ErrInvalidScale,
			wantMessages: []string{"outcome: NPS bands on the invalid scale 0..0",
				"outcome: the detractor band 6..0 is empty (its low end is above its high end)",
				"outcome: the promoter band 10..9 is empty (its low end is above its high end)"}},
		{name: "empty band", scale: s010,
			det: band{0, 6}, pass: band{8, 7}, prom: band{9, 10}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{"outcome: the passive band 8..7 is empty (its low end is above its high end)"}},
		{name: "outside the scale", scale: s010,
			det: band{-1, 6}, pass: band{7, 8}, prom: band{9, 11}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the detractor band -1..6 is not within the scale 0..10",
				"outcome: the promoter band 9..11 is not within the scale 0..10",
			}},
		{name: "gap at the bottom", scale: s010,
			det: band{1, 6}, pass: band{7, 8}, prom: band{9, 10}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{"outcome: answers 0..0 at the bottom of the scale 0..10 are in no band (the lowest band is the detractor band 1..6)"}},
		{name: "gap at the top", scale: s010,
			det: band{0, 6}, pass: band{7, 8}, prom: band{9, 9}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{"outcome: answers 10..10 at the top of the scale 0..10 are in no band (the highest band is the promoter band 9..9)"}},
		{name: "overlap", scale: s010,
			det: band{0, 7}, pass: band{7, 8}, prom: band{9, 10}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{"outcome: the detractor band 0..7 and the passive band 7..8 overlap"}},
		{name: "gap between", scale: s010,
			det: band{0, 6}, pass: band{7, 7}, prom: band{9, 10}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{"outcome: answers 8..8 between the passive band 7..7 and the promoter band 9..10 are in no band"}},
		// Out of order, the bands still cover 0..6, 7..8 and 9..10: every
		// answer is in a band, and the one problem is the order.
		{name: "passives and promoters swapped", scale: s010,
			det: band{0, 6}, pass: band{9, 10}, prom: band{7, 8}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the promoter band 7..8 is below the passive band 9..10 (bands go detractors, passives, promoters, upwards)",
			}},
		// Reversed: 9..10, 7..8, 0..6 cover the scale; each band is below the one before.
		{name: "all three reversed", scale: s010,
			det: band{9, 10}, pass: band{7, 8}, prom: band{0, 6}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the passive band 7..8 is below the detractor band 9..10 (bands go detractors, passives, promoters, upwards)",
				"outcome: the promoter band 0..6 is below the passive band 7..8 (bands go detractors, passives, promoters, upwards)",
			}},
		// Detractors 5..6 above passives 0..4: the union 0..4, 5..6, 7..10 covers the scale.
		{name: "detractors and passives swapped", scale: s010,
			det: band{5, 6}, pass: band{0, 4}, prom: band{7, 10}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the passive band 0..4 is below the detractor band 5..6 (bands go detractors, passives, promoters, upwards)",
			}},
		// Union 0..5, 7..8, 9..10: only 6 is in no band, between the
		// detractors (ending at 5) and the promoters (starting at 7).
		{name: "swapped with a gap between", scale: s010,
			det: band{0, 5}, pass: band{9, 10}, prom: band{7, 8}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the promoter band 7..8 is below the passive band 9..10 (bands go detractors, passives, promoters, upwards)",
				"outcome: answers 6..6 between the detractor band 0..5 and the promoter band 7..8 are in no band",
			}},
		// Union 0..6, 7..7, 8..9: 10 is in no band; the highest band is the passives 8..9.
		{name: "swapped with a gap at the top", scale: s010,
			det: band{0, 6}, pass: band{8, 9}, prom: band{7, 7}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the promoter band 7..7 is below the passive band 8..9 (bands go detractors, passives, promoters, upwards)",
				"outcome: answers 10..10 at the top of the scale 0..10 are in no band (the highest band is the passive band 8..9)",
			}},
		// Union 3..4, 6..8, 9..10: 0..2 below the lowest band (the promoters
		// 3..4) and 5 between the promoters and the detractors 6..8.
		{name: "reversed with gaps", scale: s010,
			det: band{6, 8}, pass: band{9, 10}, prom: band{3, 4}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the promoter band 3..4 is below the passive band 9..10 (bands go detractors, passives, promoters, upwards)",
				"outcome: answers 0..2 at the bottom of the scale 0..10 are in no band (the lowest band is the promoter band 3..4)",
				"outcome: answers 5..5 between the promoter band 3..4 and the detractor band 6..8 are in no band",
			}},
		// Union 2..7, 9: 0..1, 8 and 10 are in no band; 8 lies between the
		// passives 6..7 (the last band to end at 7) and the promoters 9..9.
		{name: "every problem", scale: s010,
			det: band{2, 7}, pass: band{6, 7}, prom: band{9, 9}, wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the detractor band 2..7 and the passive band 6..7 overlap",
				"outcome: answers 0..1 at the bottom of the scale 0..10 are in no band (the lowest band is the detractor band 2..7)",
				"outcome: answers 8..8 between the passive band 6..7 and the promoter band 9..9 are in no band",
				"outcome: answers 10..10 at the top of the scale 0..10 are in no band (the highest band is the promoter band 9..9)",
			}},
		{name: "extreme bounds", scale: s010,
			det: band{math.MinInt, math.MaxInt}, pass: band{math.MaxInt, math.MaxInt}, prom: band{math.MinInt, math.MinInt},
			wantCode: outcome.ErrInvalidBands,
			wantMessages: []string{
				"outcome: the detractor band -9223372036854775808..9223372036854775807 is not within the scale 0..10",
				"outcome: the passive band 9223372036854775807..9223372036854775807 is not within the scale 0..10",
				"outcome: the promoter band -9223372036854775808..-9223372036854775808 is not within the scale 0..10",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := outcome.NewNPSBands(tt.scale, tt.det, tt.pass, tt.prom)
			if tt.wantCode != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.wantCode)
				assert.True(t, b.IsZero())
				var got []string
				for i, p := range outcome.Problems(err) {
					got = append(got, p.Message)
					// The scale's problem is the first; the rest are the
					// bands'.
					want := outcome.ErrInvalidBands
					if i == 0 {
						want = tt.wantCode.(outcome.Code)
					}
					assert.Equal(t, want, p.Code)
				}
				assert.Equal(t, tt.wantMessages, got)
				_, again := outcome.NewNPSBands(tt.scale, tt.det, tt.pass, tt.prom)
				assert.Equal(t, err.Error(), again.Error(), "the same problems in the same order every time")
				assert.Panics(t, func() { outcome.MustNPSBands(tt.scale, tt.det, tt.pass, tt.prom) })
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.scale, b.Scale())
			assert.Equal(t, tt.det, b.Detractors())
			assert.Equal(t, tt.pass, b.Passives())
			assert.Equal(t, tt.prom, b.Promoters())
			assert.Equal(t, tt.wantDet, b.Detractors().High)
			assert.Equal(t, tt.wantPasLow, b.Passives().Low)
			assert.False(t, b.IsZero())
			assert.Equal(t, b, outcome.MustNPSBands(tt.scale, tt.det, tt.pass, tt.prom))
		})
	}
}

// TestNPSTallyBuilding checks that the three ways of building a tally agree:
// 3 promoters (9, 10, 10), 2 passives (7, 8) and 2 detractors (0, 6).
func TestNPSTallyBuilding(t *testing.T) {
	answers := []int{9, 10, 7, 0, 10, 8, 6}
	want := mustNPS(t, 3, 2, 2)

	var one outcome.NPSTally
	for _, a := range answers {
		var err error
		one, err = one.Add(a)
		require.NoError(t, err)
	}
	assert.True(t, want.Equal(one))

	fromInt, err := outcome.TallyNPS(outcome.StandardNPSBands(), answers)
	require.NoError(t, err)
	assert.True(t, want.Equal(fromInt))

	fromInt8, err := outcome.TallyNPS(outcome.StandardNPSBands(), []int8{9, 10, 7, 0, 10, 8, 6})
	require.NoError(t, err)
	assert.True(t, want.Equal(fromInt8))

	fromUint16, err := outcome.TallyNPS(outcome.StandardNPSBands(), []uint16{9, 10, 7, 0, 10, 8, 6})
	require.NoError(t, err)
	assert.True(t, want.Equal(fromUint16))

	assert.Equal(t, int64(3), want.Promoters())
	assert.Equal(t, int64(2), want.Passives())
	assert.Equal(t, int64(2), want.Detractors())
	assert.Equal(t, int64(7), want.Responses())
	assert.True(t, want.Bands().IsZero())
	assert.Equal(t, "NPS tally: 3 promoters, 2 passives, 2 detractors (7 responses)", want.String())
	assert.False(t, want.IsZero())
	assert.True(t, outcome.NPSTally{}.IsZero())
	assert.True(t, outcome.NewNPSTally(outcome.StandardNPSBands()).IsZero())

	// Empty input is the empty tally.
	empty, err := outcome.TallyNPS(outcome.StandardNPSBands(), []int8(nil))
	require.NoError(t, err)
	assert.True(t, empty.IsZero())
}

// TestNPSTallyOtherBands tallies 1-5 answers with detractors 1-3, passives 4
// and promoters 5: answers 5, 5, 4, 3, 1 are 2 promoters, 1 passive, 2
// detractors, an NPS of 100 * (2 - 2) / 5 = 0.
func TestNPSTallyOtherBands(t *testing.T) {
	b := outcome.MustNPSBands(outcome.MustScale(1, 5), outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	got, err := outcome.TallyNPS(b, []int{5, 5, 4, 3, 1})
	require.NoError(t, err)
	want, err := outcome.NPSTallyFromCounts(b, 2, 1, 2)
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
	score, err := got.Score(0, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.Zero.Equal(score))

	// 0 is on the standard scale but not on this one.
	_, err = outcome.TallyNPS(b, []int{5, 0})
	require.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	assert.Equal(t, "outcome: score 0 at position 1 is outside the scale 1..5", err.Error())
	_, err = outcome.NewNPSTally(b).Add(6)
	assert.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	a, err := outcome.NewNPSTally(b).Add(4)
	require.NoError(t, err)
	assert.Equal(t, int64(1), a.Passives())
}

func TestTallyNPSOutOfRange(t *testing.T) {
	tests := []struct {
		name    string
		tally   func() (outcome.NPSTally, error)
		message string
	}{
		{"int above", func() (outcome.NPSTally, error) {
			return outcome.TallyNPS(outcome.StandardNPSBands(), []int{1, 2, 11, 12})
		}, "outcome: score 11 at position 2 is outside the scale 0..10"},
		{"int8 negative", func() (outcome.NPSTally, error) {
			return outcome.TallyNPS(outcome.StandardNPSBands(), []int8{-1})
		}, "outcome: score -1 at position 0 is outside the scale 0..10"},
		{"uint64 past int64", func() (outcome.NPSTally, error) {
			return outcome.TallyNPS(outcome.StandardNPSBands(), []uint64{10, 1 << 63})
		}, "outcome: score 9223372036854775808 at position 1 is outside the scale 0..10"},
		{"long int8 slice", func() (outcome.NPSTally, error) {
			s := make([]int8, 1000)
			s[999], s[500] = 100, 11
			return outcome.TallyNPS(outcome.StandardNPSBands(), s)
		}, "outcome: score 11 at position 500 is outside the scale 0..10"},
		{"long int slice", func() (outcome.NPSTally, error) {
			s := make([]int, 1000)
			s[700] = math.MinInt
			return outcome.TallyNPS(outcome.StandardNPSBands(), s)
		}, "outcome: score -9223372036854775808 at position 700 is outside the scale 0..10"},
		{"add", func() (outcome.NPSTally, error) {
			return outcome.NPSTally{}.Add(-3)
		}, "outcome: score -3 is outside the scale 0..10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.tally()
			require.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
			assert.Equal(t, tt.message, err.Error())
			assert.True(t, got.IsZero(), "nothing is returned with the error")
			var e *outcome.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, outcome.SeverityError, e.Severity)
		})
	}
}

func TestNPSTallyCounts(t *testing.T) {
	_, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), -1, 0, -2)
	require.ErrorIs(t, err, outcome.ErrInvalidCount)
	var got []string
	for _, p := range outcome.Problems(err) {
		got = append(got, p.Message)
	}
	assert.Equal(t, []string{"outcome: promoter count -1 is negative", "outcome: detractor count -2 is negative"}, got)

	_, err = outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), math.MaxInt64, 1, 0)
	require.ErrorIs(t, err, outcome.ErrOverflow)
	assert.Equal(t, "outcome: the NPS response count would overflow: 9223372036854775807 + 1 is past the largest int64", err.Error())
	_, err = outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), math.MaxInt64-1, 0, 2)
	assert.ErrorIs(t, err, outcome.ErrOverflow)

	full := mustNPS(t, math.MaxInt64-1, 1, 0)
	_, err = full.Add(9)
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = full.Merge(mustNPS(t, 0, 0, 1))
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = mustNPS(t, math.MaxInt64, 0, 0).Merge(mustNPS(t, 1, 0, 0))
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = mustNPS(t, 0, math.MaxInt64, 0).Merge(mustNPS(t, 0, 1, 0))
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	_, err = mustNPS(t, 0, 0, math.MaxInt64).Merge(mustNPS(t, 0, 0, 1))
	assert.ErrorIs(t, err, outcome.ErrOverflow)
	// A tally can hold the largest int64 number of responses.
	edge, err := mustNPS(t, math.MaxInt64-1, 0, 0).Merge(mustNPS(t, 0, 0, 1))
	require.NoError(t, err)
	assert.Equal(t, int64(math.MaxInt64), edge.Responses())
}

// TestNPSTallyMergeProperty checks that tallying random shards, by every
// route, and merging them in random order, gives the tally of all the
// answers; and that the order of the answers does not matter.
func TestNPSTallyMergeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 200 {
		n := r.IntN(3000)
		all := make([]int, n)
		for i := range all {
			all[i] = r.IntN(11)
		}
		whole, err := outcome.TallyNPS(outcome.StandardNPSBands(), all)
		require.NoError(t, err)

		// Cut into random shards, each tallied a different way.
		var shards []outcome.NPSTally
		for rest := all; len(rest) > 0; {
			k := 1 + r.IntN(len(rest))
			part := rest[:k]
			rest = rest[k:]
			var s outcome.NPSTally
			switch r.IntN(4) {
			case 0:
				s, err = outcome.TallyNPS(outcome.StandardNPSBands(), part)
			case 1:
				p8 := make([]int8, len(part))
				for i, v := range part {
					p8[i] = int8(v)
				}
				s, err = outcome.TallyNPS(outcome.StandardNPSBands(), p8)
			case 2:
				p32 := make([]int32, len(part))
				for i, v := range part {
					p32[i] = int32(v)
				}
				s, err = outcome.TallyNPS(outcome.StandardNPSBands(), p32)
			default:
				for _, v := range part {
					s, err = s.Add(v)
					require.NoError(t, err)
				}
			}
			require.NoError(t, err)
			shards = append(shards, s)
		}
		r.Shuffle(len(shards), func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
		var merged outcome.NPSTally
		for _, s := range shards {
			merged, err = merged.Merge(s)
			require.NoError(t, err)
		}
		assert.True(t, whole.Equal(merged), "trial %d: whole %v, merged %v", trial, whole, merged)

		r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		shuffled, err := outcome.TallyNPS(outcome.StandardNPSBands(), all)
		require.NoError(t, err)
		assert.True(t, whole.Equal(shuffled))
	}
}

func TestNPSTallyMergeLaws(t *testing.T) {
	a, b, c := mustNPS(t, 5, 3, 2), mustNPS(t, 1, 0, 7), mustNPS(t, 0, 4, 0)
	ab, err := a.Merge(b)
	require.NoError(t, err)
	ba, err := b.Merge(a)
	require.NoError(t, err)
	assert.True(t, ab.Equal(ba), "commutative")
	abc, err := ab.Merge(c)
	require.NoError(t, err)
	bc, err := b.Merge(c)
	require.NoError(t, err)
	abc2, err := a.Merge(bc)
	require.NoError(t, err)
	assert.True(t, abc.Equal(abc2), "associative")
	id, err := a.Merge(outcome.NPSTally{})
	require.NoError(t, err)
	assert.True(t, a.Equal(id), "the empty tally is the identity")
	assert.True(t, mustNPS(t, 6, 7, 9).Equal(abc))

	other := outcome.NewNPSTally(outcome.MustNPSBands(outcome.MustScale(1, 5),
		outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5}))
	_, err = a.Merge(other)
	require.ErrorIs(t, err, outcome.ErrScaleMismatch)
	assert.Equal(t, "outcome: cannot merge NPS tallies on different bands (detractors 0..6, passives 7..8, promoters 9..10 and detractors 1..3, passives 4..4, promoters 5..5)", err.Error())
}

// TestNPSScore checks the score against hand-worked values: 100 * (P - D) / n.
func TestNPSScore(t *testing.T) {
	tests := []struct {
		name          string
		p, s, d       int64
		places        int32
		round         outcome.Rounding
		want          string
		wantNum, wDen int64
	}{
		// 100 * (50 - 20) / 100 = 30.
		{"thirty", 50, 30, 20, 0, outcome.RoundHalfUp, "30", 30, 1},
		// 100 * (2 - 1) / 3 = 33.333...
		{"a third", 2, 0, 1, 1, outcome.RoundHalfUp, "33.3", 100, 3},
		// 100 * (1 - 2) / 3 = -33.333..., to 2 places: -33.33.
		{"minus a third", 1, 0, 2, 2, outcome.RoundHalfUp, "-33.33", -100, 3},
		// 100 * (3 - 2) / 8 = 12.5, a tie: half away from zero gives 13,
		// half to even 12.
		{"tie away", 3, 3, 2, 0, outcome.RoundHalfUp, "13", 25, 2},
		{"tie even", 3, 3, 2, 0, outcome.RoundHalfEven, "12", 25, 2},
		// All promoters: 100; all detractors: -100; all passives: 0.
		{"all promoters", 7, 0, 0, 1, outcome.RoundHalfUp, "100", 100, 1},
		{"all detractors", 0, 0, 7, 1, outcome.RoundHalfUp, "-100", -100, 1},
		{"all passives", 0, 7, 0, 1, outcome.RoundHalfUp, "0", 0, 1},
		// 100 * (10000001 - 0) / 80000000 = 12.50000125: above the tie,
		// so half to even rounds up to 13 (a 4-place approximation would
		// see 12.5000 and round to 12).
		{"near tie", 10000001, 69999999, 0, 0, outcome.RoundHalfEven, "13", 10000001, 800000},
		// -12.50000125 (10000001 detractors): below the tie, so half to
		// even and half down go to -13, and ceiling to -12.
		{"near tie below zero", 0, 69999999, 10000001, 0, outcome.RoundHalfDown, "-13", -10000001, 800000},
		{"near tie ceiling", 0, 69999999, 10000001, 0, outcome.RoundCeiling, "-12", -10000001, 800000},
		// -12.5 exactly: half down goes toward zero, half up away.
		{"tie half down", 2, 3, 3, 0, outcome.RoundHalfDown, "-12", -25, 2},
		{"tie half up below zero", 2, 3, 3, 0, outcome.RoundHalfUp, "-13", -25, 2},
		// Floor of 100/7 = 14.2857...: 14.28.
		{"floor", 1, 6, 0, 2, outcome.RoundFloor, "14.28", 100, 7},
		// 100/3 = 33.333... rounded away from zero: 33.34.
		{"up", 2, 0, 1, 2, outcome.RoundUp, "33.34", 100, 3},
		// To tens (places -1): 100 * (5 - 1) / 16 = 25, a tie between 20
		// and 30; half to even gives 20.
		{"tens", 5, 10, 1, -1, outcome.RoundHalfEven, "20", 25, 1},
		// The largest tally: N = 2^63 - 1 responses, N - 1 promoters and 1
		// detractor, NPS = 100 * (N - 2) / N = 100 - 200/N =
		// 99.99999999999999997831...; the numerator 100 * (N - 2) is past
		// int64. To 18 places: 99.999999999999999978.
		{"largest", math.MaxInt64 - 1, 0, 1, 18, outcome.RoundHalfEven, "99.999999999999999978",
			0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tally := mustNPS(t, tt.p, tt.s, tt.d)
			got, err := tally.Score(tt.places, tt.round)
			require.NoError(t, err)
			want := decimal.RequireFromString(tt.want)
			assert.True(t, want.Equal(got), "want %s, got %s", want, got)
			assert.Equal(t, -tt.places, got.Exponent(), "the result has exactly places decimals")
			frac, err := tally.Fraction()
			require.NoError(t, err)
			if tt.wDen == 0 {
				return
			}
			assert.Equal(t, 0, big.NewRat(tt.wantNum, tt.wDen).Cmp(frac), "fraction %s", frac)
		})
	}
}

func TestNPSEmptyAndSingle(t *testing.T) {
	var empty outcome.NPSTally
	single := mustNPS(t, 1, 0, 0)
	_, err := empty.Score(0, outcome.RoundHalfUp)
	require.ErrorIs(t, err, outcome.ErrNoData)
	assert.Equal(t, "outcome: the Net Promoter Score of a tally with no responses", err.Error())
	_, err = empty.Fraction()
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.Variance()
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.StandardError()
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.WaldInterval(0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.AdjustedWaldInterval(0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)
	_, err = empty.TestAgainst(0, 0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)

	// One response has a score and a variance (0), but no interval.
	score, err := single.Score(0, outcome.RoundHalfUp)
	require.NoError(t, err)
	assert.True(t, decimal.NewFromInt(100).Equal(score))
	v, err := single.Variance()
	require.NoError(t, err)
	assert.Zero(t, v)
	_, err = single.StandardError()
	require.ErrorIs(t, err, outcome.ErrTooFewResponses)
	assert.Equal(t, "outcome: the standard error of the NPS needs at least two responses, the tally has one", err.Error())
	_, err = single.WaldInterval(0.95)
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = single.AdjustedWaldInterval(0.95)
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = single.TestAgainst(0, 0.95)
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = single.TestDifference(mustNPS(t, 5, 5, 5), 0.95)
	assert.ErrorIs(t, err, outcome.ErrTooFewResponses)
	_, err = mustNPS(t, 5, 5, 5).TestDifference(empty, 0.95)
	assert.ErrorIs(t, err, outcome.ErrNoData)

	_, err = single.Score(0, 0)
	require.ErrorIs(t, err, outcome.ErrUnknownRounding)
	assert.Equal(t, "outcome: invalid rounding mode 0; choose one such as RoundHalfEven", err.Error())
	_, err = single.Score(outcome.MaxPlaces+1, outcome.RoundHalfUp)
	require.ErrorIs(t, err, outcome.ErrInvalidPlaces)
	assert.Equal(t, "outcome: 101 decimal places is outside [-100, 100]", err.Error())
	_, err = empty.Score(outcome.MaxPlaces+1, outcome.RoundHalfUp)
	assert.ErrorIs(t, err, outcome.ErrInvalidPlaces, "the arguments are checked first")
	_, err = empty.Score(0, 0)
	assert.ErrorIs(t, err, outcome.ErrUnknownRounding, "the arguments are checked first")
	// Every problem together, the arguments' first: the mode, the places,
	// then the empty tally.
	_, err = empty.Score(outcome.MaxPlaces+1, 0)
	assert.Equal(t, []outcome.Code{outcome.ErrUnknownRounding, outcome.ErrInvalidPlaces, outcome.ErrNoData}, problemCodes(err))
	assert.EqualError(t, err, "outcome: invalid rounding mode 0; choose one such as RoundHalfEven\n"+
		"outcome: 101 decimal places is outside [-100, 100]\n"+
		"outcome: the Net Promoter Score of a tally with no responses")
	_, err = empty.Score(2, outcome.Rounding(8))
	assert.EqualError(t, err, "outcome: invalid rounding mode 8; choose one such as RoundHalfEven\n"+
		"outcome: the Net Promoter Score of a tally with no responses")
}

// TestNPSStatistics checks the variance, standard error and intervals of 50
// promoters, 30 passives and 20 detractors (n = 100) against hand-worked
// values from the formulas of Rocks (2016), "Interval Estimation for the
// 'Net Promoter Score'", The American Statistician:
//
//	p = 0.5, d = 0.2, NPS = 30
//	variance = p + d - (p - d)² = 0.7 - 0.09 = 0.61
//	SE = 100 * sqrt(0.61 / 100) = 7.810250
//	Wald 95%: 30 ± 1.959964 * 7.810250 = 30 ± 15.307808 = 14.692192..45.307808
//	Wald 90%: z = 1.644854, 30 ± 12.846718 = 17.153282..42.846718
//
// and the adjusted-Wald interval (3/4 added to promoters and detractors, 3 to
// n; Rocks 2016, and Lewis and Sauro, MeasuringU, 2021):
//
//	n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456
//	centre = 100 * (p' - d') = 29.126214
//	variance' = 0.492718 + 0.201456 - 0.291262² = 0.609341
//	SE' = 100 * sqrt(0.609341 / 103) = 7.691510
//	95%: 29.126214 ± 15.075084 = 14.051130..44.201297
func TestNPSStatistics(t *testing.T) {
	tally := mustNPS(t, 50, 30, 20)
	v, err := tally.Variance()
	require.NoError(t, err)
	assert.InDelta(t, 0.61, v, 1e-12)
	se, err := tally.StandardError()
	require.NoError(t, err)
	assert.InDelta(t, 7.810250, se, 1e-6)

	w, err := tally.WaldInterval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 30, w.Estimate, 1e-12)
	assert.InDelta(t, 14.692192, w.Low, 1e-6)
	assert.InDelta(t, 45.307808, w.High, 1e-6)
	assert.Equal(t, 0.95, w.Confidence)
	assert.InDelta(t, 2*15.307808, w.Width(), 1e-5)
	assert.True(t, w.Contains(30))
	assert.False(t, w.Contains(50))

	w90, err := tally.WaldInterval(0.90)
	require.NoError(t, err)
	assert.InDelta(t, 17.153282, w90.Low, 1e-6)
	assert.InDelta(t, 42.846718, w90.High, 1e-6)

	a, err := tally.AdjustedWaldInterval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 30, a.Estimate, 1e-12, "the estimate is the unadjusted NPS")
	assert.InDelta(t, 14.051130, a.Low, 1e-6)
	assert.InDelta(t, 44.201297, a.High, 1e-6)
}

// TestNPSIntervalsAtTheEdge: 10 promoters and nothing else. The Wald
// interval collapses to 100..100 (variance 0); the adjusted-Wald one does
// not: n' = 13, p' = 10.75/13 = 0.826923, d' = 0.75/13 = 0.057692, centre
// 76.923077, variance' = 0.884615 - 0.769231² = 0.292899, SE' = 100 *
// sqrt(0.292899 / 13) = 15.010238, so 76.923077 ± 29.419475 =
// 47.503552..106.342602. The bounds are the formula's and are not cut to
// 100.
func TestNPSIntervalsAtTheEdge(t *testing.T) {
	tally := mustNPS(t, 10, 0, 0)
	w, err := tally.WaldInterval(0.95)
	require.NoError(t, err)
	assert.Equal(t, outcome.Interval{Estimate: 100, Low: 100, High: 100, Confidence: 0.95, Method: outcome.IntervalWald}, w)
	a, err := tally.AdjustedWaldInterval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 100, a.Estimate, 1e-12)
	assert.InDelta(t, 47.503552, a.Low, 1e-6)
	assert.InDelta(t, 106.342602, a.High, 1e-6)
}

func TestNPSConfidenceLevels(t *testing.T) {
	tally := mustNPS(t, 50, 30, 20)
	for _, c := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, 1, -0.5, 1.5} {
		_, err := tally.WaldInterval(c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence, "%g", c)
		_, err = tally.AdjustedWaldInterval(c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence, "%g", c)
		_, err = tally.TestAgainst(0, c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence, "%g", c)
		_, err = tally.TestDifference(tally, c)
		assert.ErrorIs(t, err, outcome.ErrInvalidConfidence, "%g", c)
	}
	_, err := tally.WaldInterval(math.NaN())
	assert.Equal(t, "outcome: confidence level NaN is not strictly between 0 and 1 (0.95 for 95%)", err.Error())

	// A bad confidence does not hide too few responses: both, the
	// confidence's first.
	const badConf = "outcome: confidence level NaN is not strictly between 0 and 1 (0.95 for 95%)"
	single := mustNPS(t, 1, 0, 0)
	for _, f := range []func(float64) (outcome.Interval, error){single.WaldInterval, single.AdjustedWaldInterval} {
		iv, err := f(math.NaN())
		assert.Equal(t, []outcome.Code{outcome.ErrInvalidConfidence, outcome.ErrTooFewResponses}, problemCodes(err))
		assert.EqualError(t, err, badConf+"\n"+
			"outcome: a confidence interval of the NPS needs at least two responses, the tally has one")
		assert.True(t, iv.IsZero())
	}
	_, err = outcome.NPSTally{}.AdjustedWaldInterval(math.NaN())
	assert.EqualError(t, err, badConf+"\n"+"outcome: a confidence interval of the NPS of a tally with no responses")
}

// TestNPSTestAgainst: 50/30/20 against a benchmark of 20. Difference 10, SE
// 7.810250 (as above), z = 10 / 7.810250 = 1.280369, two-sided P = erfc(z /
// sqrt 2) = 0.200415: no evidence the NPS differs from 20. The 95% interval
// of the difference is 10 ± 15.307808 = -5.307808..25.307808.
func TestNPSTestAgainst(t *testing.T) {
	got, err := mustNPS(t, 50, 30, 20).TestAgainst(20, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 10, got.Difference, 1e-12)
	assert.InDelta(t, 7.810250, got.StandardError, 1e-6)
	assert.InDelta(t, 1.280369, got.Z, 1e-6)
	assert.InDelta(t, 0.200415, got.PValue, 1e-6)
	assert.InDelta(t, -5.307808, got.Interval.Low, 1e-6)
	assert.InDelta(t, 25.307808, got.Interval.High, 1e-6)
	assert.InDelta(t, 10, got.Interval.Estimate, 1e-12)
	assert.False(t, got.Significant())

	for _, v := range []float64{math.NaN(), math.Inf(1), -100.5, 101} {
		_, err := mustNPS(t, 50, 30, 20).TestAgainst(v, 0.95)
		assert.ErrorIs(t, err, outcome.ErrInvalidThreshold, "%g", v)
	}
	_, err = mustNPS(t, 50, 30, 20).TestAgainst(101, 0.95)
	assert.Equal(t, "outcome: NPS benchmark 101 is not a number in -100..100", err.Error())

	for _, tt := range []struct {
		p, s, d int64
		message string
	}{
		{10, 0, 0, "outcome: every one of the 10 responses is a promoter, so the NPS has no variance to test with"},
		{0, 10, 0, "outcome: every one of the 10 responses is a passive, so the NPS has no variance to test with"},
		{0, 0, 10, "outcome: every one of the 10 responses is a detractor, so the NPS has no variance to test with"},
	} {
		_, err = mustNPS(t, tt.p, tt.s, tt.d).TestAgainst(50, 0.95)
		require.ErrorIs(t, err, outcome.ErrZeroVariance)
		assert.Equal(t, tt.message, err.Error())
	}

	// Every problem together, in the order value, confidence, tally: none
	// hides another.
	const badValue = "outcome: NPS benchmark -101 is not a number in -100..100"
	const badConf = "outcome: confidence level 0 is not strictly between 0 and 1 (0.95 for 95%)"
	got, err = mustNPS(t, 1, 0, 0).TestAgainst(-101, 0)
	assert.Equal(t, []outcome.Code{outcome.ErrInvalidThreshold, outcome.ErrInvalidConfidence, outcome.ErrTooFewResponses},
		problemCodes(err))
	assert.Equal(t, badValue+"\n"+badConf+"\n"+
		"outcome: a test of the NPS needs at least two responses, the tally has one", err.Error())
	assert.Equal(t, outcome.ScoreTest{}, got)
	_, err = mustNPS(t, 0, 3, 0).TestAgainst(-101, 0)
	assert.Equal(t, badValue+"\n"+badConf+"\n"+
		"outcome: every one of the 3 responses is a passive, so the NPS has no variance to test with", err.Error())
	_, err = outcome.NPSTally{}.TestAgainst(0, 0)
	assert.Equal(t, badConf+"\n"+"outcome: a test of the NPS of a tally with no responses", err.Error())
}

// TestNPSTestDifference: quarter 1 has 50/30/20 (NPS 30, variance 0.61),
// quarter 2 has 70/20/10 (NPS 60, variance 0.8 - 0.36 = 0.44), n = 100 each.
// Difference 30, SE = 100 * sqrt(0.61/100 + 0.44/100) = 100 * sqrt(0.0105) =
// 10.246951, z = 2.927700, P = 0.003415; 95% interval 30 ± 20.083655 =
// 9.916346..50.083654.
func TestNPSTestDifference(t *testing.T) {
	q1, q2 := mustNPS(t, 50, 30, 20), mustNPS(t, 70, 20, 10)
	got, err := q1.TestDifference(q2, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 30, got.Difference, 1e-9)
	assert.InDelta(t, 10.246951, got.StandardError, 1e-6)
	assert.InDelta(t, 2.927700, got.Z, 1e-6)
	assert.InDelta(t, 0.003415, got.PValue, 1e-6)
	assert.InDelta(t, 9.916346, got.Interval.Low, 1e-6)
	assert.InDelta(t, 50.083654, got.Interval.High, 1e-6)
	assert.True(t, got.Significant())

	// The other way round, the difference changes sign and P does not.
	back, err := q2.TestDifference(q1, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, -30, back.Difference, 1e-9)
	assert.InDelta(t, got.PValue, back.PValue, 1e-15)

	// A tally against itself: no difference, P = 1.
	same, err := q1.TestDifference(q1, 0.95)
	require.NoError(t, err)
	assert.Zero(t, same.Difference)
	assert.Equal(t, 1.0, same.PValue)

	_, err = mustNPS(t, 5, 0, 0).TestDifference(mustNPS(t, 0, 0, 5), 0.95)
	require.ErrorIs(t, err, outcome.ErrZeroVariance)
	assert.Equal(t, "outcome: in both tallies every response is in one group, so the difference has no variance to test with", err.Error())
	// One tally with variance is enough.
	_, err = mustNPS(t, 5, 0, 0).TestDifference(mustNPS(t, 1, 0, 4), 0.95)
	assert.NoError(t, err)

	other := outcome.NewNPSTally(outcome.MustNPSBands(outcome.MustScale(1, 5),
		outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5}))
	const mismatch = "outcome: cannot compare NPS tallies on different bands (detractors 0..6, passives 7..8, promoters 9..10 and detractors 1..3, passives 4..4, promoters 5..5)"
	_, err = q1.TestDifference(other, 0.95)
	require.ErrorIs(t, err, outcome.ErrScaleMismatch)
	// The bands do not hide that other, empty, has too few responses.
	assert.Equal(t, mismatch+"\n"+"outcome: a test of the NPS difference: the second tally has no responses", err.Error())
	other, err = other.Add(1)
	require.NoError(t, err)
	other, err = other.Add(1)
	require.NoError(t, err)
	_, err = q1.TestDifference(other, 0.95)
	assert.Equal(t, mismatch, err.Error(), "two detractors on other bands: the mismatch alone")

	// Every problem together, in the order bands, confidence, t's
	// responses, o's responses.
	_, err = mustNPS(t, 1, 0, 0).TestDifference(outcome.NewNPSTally(other.Bands()), -1)
	assert.Equal(t, []outcome.Code{outcome.ErrScaleMismatch, outcome.ErrInvalidConfidence,
		outcome.ErrTooFewResponses, outcome.ErrNoData}, problemCodes(err))
	assert.Equal(t, mismatch+"\n"+
		"outcome: confidence level -1 is not strictly between 0 and 1 (0.95 for 95%)\n"+
		"outcome: a test of the NPS difference: the first tally has one response, and each needs at least two\n"+
		"outcome: a test of the NPS difference: the second tally has no responses", err.Error())
	// Both empty: each is named, so the two problems are not the same words
	// twice.
	_, err = outcome.NPSTally{}.TestDifference(outcome.NPSTally{}, 0.95)
	assert.Equal(t, "outcome: a test of the NPS difference: the first tally has no responses\n"+
		"outcome: a test of the NPS difference: the second tally has no responses", err.Error())
	_, err = mustNPS(t, 2, 0, 0).TestDifference(mustNPS(t, 0, 1, 0), 0.95)
	assert.Equal(t, "outcome: a test of the NPS difference: the second tally has one response, and each needs at least two", err.Error())
	// A bad confidence does not hide the lack of variance.
	_, err = mustNPS(t, 5, 0, 0).TestDifference(mustNPS(t, 0, 0, 5), 1)
	assert.Equal(t, []outcome.Code{outcome.ErrInvalidConfidence, outcome.ErrZeroVariance}, problemCodes(err))
	assert.Equal(t, "outcome: confidence level 1 is not strictly between 0 and 1 (0.95 for 95%)\n"+
		"outcome: in both tallies every response is in one group, so the difference has no variance to test with", err.Error())
}

// TestNPSHugeCounts checks the variance where a float64 share cannot hold a
// lone passive or detractor: with n = 2^55 responses, p = (n-1)/n rounds to
// 1, so p + d - (p - d)² from the shares loses the one response that is not
// a promoter. The variance is worked from the counts, (P(n-P) + D(n-D) +
// 2PD)/n².
func TestNPSHugeCounts(t *testing.T) {
	const n = int64(1) << 55
	// n-1 promoters and 1 passive: (n-1)·1/n² = 2^-55·(1 - 2^-55), which is
	// 2^-55 to 1e-16. SE = 100·sqrt(v/n) = 100·2^-55 to 1e-16. (From the
	// shares the variance was 0, and TestAgainst said every response is a
	// promoter.)
	passive := mustNPS(t, n-1, 1, 0)
	v, err := passive.Variance()
	require.NoError(t, err)
	assert.InEpsilon(t, 0x1p-55, v, 1e-15)
	se, err := passive.StandardError()
	require.NoError(t, err)
	assert.InEpsilon(t, 100*0x1p-55, se, 1e-15)
	// Against 0: the difference is the NPS, 100·(n-1)/n = 100 in float64,
	// so z = 100/(100·2^-55) = 2^55 and p = 0.
	test, err := passive.TestAgainst(0, 0.95)
	require.NoError(t, err)
	assert.InEpsilon(t, 100*0x1p-55, test.StandardError, 1e-15)
	assert.InEpsilon(t, 0x1p55, test.Z, 1e-15)
	assert.True(t, test.Significant())

	// n-1 promoters and 1 detractor: (P(n-P) + D(n-D) + 2PD)/n² with
	// n-P = 1 and n-D = n-1 is ((n-1) + (n-1) + 2(n-1))/n² = 4(n-1)/n²,
	// 2^-53 to 1e-16. (From the shares it was 0 + 2^-55 + 2·2^-55, 25% low.)
	detractor := mustNPS(t, n-1, 0, 1)
	v, err = detractor.Variance()
	require.NoError(t, err)
	assert.InEpsilon(t, 0x1p-53, v, 1e-15)

	// The difference of the two: SE = 100·sqrt(2^-55/n + 2^-53/n) =
	// 100·sqrt(5)·2^-55.
	diff, err := passive.TestDifference(detractor, 0.95)
	require.NoError(t, err)
	assert.InEpsilon(t, 100*math.Sqrt(5)*0x1p-55, diff.StandardError, 1e-15)
}

// TestNPSHugeCountsDifferences checks the NPS, and its differences from a
// value and from another tally, where the float64 shares of promoters and
// detractors cannot tell the scores apart: each is worked from the counts and
// rounded once. Taken as 100·(p - d) - value from the shares, they were 0.
func TestNPSHugeCountsDifferences(t *testing.T) {
	const n = int64(1) << 55
	// n-1 promoters and one passive against 100: NPS - 100 = -100/n =
	// -100·2^-55 exactly (25·2^-53 is a float64). SE = 100·2^-55·sqrt(1 -
	// 2^-55) (TestNPSHugeCounts), so z = -1/sqrt(1 - 2^-55), -1 to 1e-16, and
	// p = erfc(1/sqrt 2) = 0.31731050786291410 (every normal table's 2(1 -
	// Φ(1)) = 0.3173): no evidence the score is below 100. (From the shares
	// the difference was 100 - 100 = 0, z = 0 and p = 1.)
	passive := mustNPS(t, n-1, 1, 0)
	test, err := passive.TestAgainst(100, 0.95)
	require.NoError(t, err)
	assert.Equal(t, -100*0x1p-55, test.Difference)
	assert.InDelta(t, -1, test.Z, 1e-15)
	assert.InDelta(t, 0.31731050786291410, test.PValue, 1e-15)
	assert.False(t, test.Significant())
	assert.True(t, test.Interval.Contains(0))

	// Against every promoter: NPS(o) - NPS(t) = 100 - 100(n-1)/n = 100/n,
	// and SE = 100·sqrt(v/n + 0) as above, so z = 1.
	all := mustNPS(t, n, 0, 0)
	diff, err := passive.TestDifference(all, 0.95)
	require.NoError(t, err)
	assert.Equal(t, 100*0x1p-55, diff.Difference)
	assert.InDelta(t, 1, diff.Z, 1e-15)
	back, err := all.TestDifference(passive, 0.95)
	require.NoError(t, err)
	assert.Equal(t, -100*0x1p-55, back.Difference)

	// 2^54 + 1 promoters and 2^54 detractors: NPS = 100/(2^55 + 1). The
	// shares both round to 0.5 ((2^54+1)/(2^55+1) = 0.5 + 2^-56·(1 - ...) and
	// 2^54/(2^55+1) = 0.5 - 2^-56·(1 - ...), each within half a unit of the
	// last place of 0.5), so 100·(p - d) was 0.
	even := mustNPS(t, 1<<54+1, 0, 1<<54)
	want, _ := big.NewRat(100, 1<<55+1).Float64() // 2.7755575615628906e-15
	w, err := even.WaldInterval(0.95)
	require.NoError(t, err)
	assert.Equal(t, want, w.Estimate)
	// The adjusted centre is 100(P - D)/(n + 3) = 100/(2^55 + 4), halfway
	// between Low and High up to their rounding: the half-width, z·100·
	// sqrt(v'/n'), is about 1.96·100·2^-27.5 = 3.7e-6, whose unit in the last
	// place is 2^-70 = 8.5e-22.
	centre, _ := big.NewRat(100, 1<<55+4).Float64()
	a, err := even.AdjustedWaldInterval(0.95)
	require.NoError(t, err)
	assert.Equal(t, want, a.Estimate)
	assert.InDelta(t, centre, (a.Low+a.High)/2, 2e-21)
	test, err = even.TestAgainst(0, 0.95)
	require.NoError(t, err)
	assert.Equal(t, want, test.Difference)
}

// TestNPSDifferencesRoundedOnce checks that the NPS, its difference from a
// value and the difference of two tallies are the float64 nearest the exact
// figure (worked in big.Rat: 100(P - D)/n, (100(P - D) - value·n)/n with
// value the rational its float64 is, and 100((P₂ - D₂)n₁ - (P₁ - D₁)n₂)/(n₁n₂)),
// for random tallies of a few responses, a few million and near 2^62, and
// random values, integers, halves and values of 53 bits.
func TestNPSDifferencesRoundedOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 2016))
	draw := func() outcome.NPSTally {
		n := []int64{2 + r.Int64N(20), 1e6 + r.Int64N(1e7), 1<<62 + r.Int64N(1<<61)}[r.IntN(3)]
		p := r.Int64N(n + 1)
		if r.IntN(4) == 0 {
			p = n - r.Int64N(3) // nearly every response a promoter
		}
		d := r.Int64N(n - p + 1)
		return mustNPS(t, p, n-p-d, d)
	}
	exact := func(num *big.Rat) float64 {
		f, _ := num.Float64()
		return f
	}
	nps := func(tl outcome.NPSTally) *big.Rat {
		num := new(big.Int).Mul(big.NewInt(tl.Promoters()-tl.Detractors()), big.NewInt(100))
		return new(big.Rat).SetFrac(num, big.NewInt(tl.Responses()))
	}
	for range 3000 {
		tl, o := draw(), draw()
		value := []float64{float64(r.IntN(201) - 100), float64(r.IntN(401)-200) / 2, 200*r.Float64() - 100}[r.IntN(3)]
		if w, err := tl.WaldInterval(0.95); err == nil {
			require.Equal(t, exact(nps(tl)), w.Estimate, "%v", tl)
		}
		if test, err := tl.TestAgainst(value, 0.95); err == nil {
			want := new(big.Rat).Sub(nps(tl), new(big.Rat).SetFloat64(value))
			require.Equal(t, exact(want), test.Difference, "%v against %v", tl, value)
		}
		if test, err := tl.TestDifference(o, 0.95); err == nil {
			want := new(big.Rat).Sub(nps(o), nps(tl))
			require.Equal(t, exact(want), test.Difference, "%v to %v", tl, o)
		}
	}
}

// TestNPSStatisticsAllocations checks that the statistics of a tally of a
// few responses allocate nothing: the exact differences go through big.Rat
// only for counts or values that float64 cannot hold exactly.
func TestNPSStatisticsAllocations(t *testing.T) {
	q1, q2 := mustNPS(t, 50, 30, 20), mustNPS(t, 70, 20, 10)
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = q1.WaldInterval(0.95)
		_, _ = q1.AdjustedWaldInterval(0.95)
		_, _ = q1.TestAgainst(20, 0.95)
		_, _ = q1.TestAgainst(32.5, 0.95)
		_, _ = q1.TestDifference(q2, 0.95)
	})
	assert.Zero(t, allocs)
}

func TestScoreTest_Significant(t *testing.T) {
	// PValue < 1 - Interval.Confidence, and only for an interval with a
	// valid method and a confidence in (0, 1): the zero value (PValue 0,
	// Confidence 0, so 0 < 1) is no test and not significant.
	iv := func(conf float64, m outcome.IntervalMethod) outcome.Interval {
		return outcome.Interval{Estimate: 10, Low: 5, High: 15, Confidence: conf, Method: m}
	}
	tests := []struct {
		name string
		st   outcome.ScoreTest
		want bool
	}{
		{"zero value", outcome.ScoreTest{}, false},
		{"p 0.001 at 99%", outcome.ScoreTest{PValue: 0.001, Interval: iv(0.99, outcome.IntervalWald)}, true},
		{"p 0.02 at 99%: not below 0.01", outcome.ScoreTest{PValue: 0.02, Interval: iv(0.99, outcome.IntervalWald)}, false},
		{"no method", outcome.ScoreTest{PValue: 0.001, Interval: iv(0.99, 0)}, false},
		{"confidence 0", outcome.ScoreTest{Interval: iv(0, outcome.IntervalWald)}, false},
		{"confidence 1.5", outcome.ScoreTest{PValue: -1, Interval: iv(1.5, outcome.IntervalWald)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.st.Significant())
		})
	}
	// The test TestDifference returns with an error: one response in a
	// tally has no variance to test with.
	one, many := mustNPS(t, 1, 0, 0), mustNPS(t, 50, 30, 20)
	got, err := one.TestDifference(many, 0.95)
	require.ErrorIs(t, err, outcome.ErrTooFewResponses)
	assert.True(t, got == outcome.ScoreTest{})
	assert.False(t, got.Significant())
	got, err = many.TestAgainst(20, 1)
	require.ErrorIs(t, err, outcome.ErrInvalidConfidence)
	assert.False(t, got.Significant())

	// Significant agrees with the interval leaving out zero, up to the last
	// bits of rounding: tests of 50/30/20 against benchmarks every 0.05
	// points, skipping any p-value within 1e-12 of 1 - confidence.
	for _, conf := range []float64{0.8, 0.9, 0.95, 0.99} {
		for i := -2000; i <= 2000; i++ {
			st, err := many.TestAgainst(float64(i)/20, conf)
			require.NoError(t, err)
			if math.Abs(st.PValue-(1-conf)) < 1e-12 {
				continue
			}
			assert.Equal(t, !st.Interval.Contains(0), st.Significant(), "against %v at %v: %+v", float64(i)/20, conf, st)
		}
	}
}

// TestNPSNoNaN checks that no statistic is NaN or infinite for any small
// tally with at least two responses.
func TestNPSNoNaN(t *testing.T) {
	finite := func(xs ...float64) bool {
		for _, x := range xs {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return false
			}
		}
		return true
	}
	for p := range int64(4) {
		for s := range int64(4) {
			for d := range int64(4) {
				tally := mustNPS(t, p, s, d)
				if tally.Responses() < 2 {
					continue
				}
				v, err := tally.Variance()
				require.NoError(t, err)
				se, err := tally.StandardError()
				require.NoError(t, err)
				w, err := tally.WaldInterval(0.99)
				require.NoError(t, err)
				a, err := tally.AdjustedWaldInterval(0.99)
				require.NoError(t, err)
				assert.True(t, finite(v, se, w.Low, w.High, a.Low, a.High), "%v", tally)
				assert.GreaterOrEqual(t, v, 0.0)
				if test, err := tally.TestAgainst(0, 0.95); err == nil {
					assert.True(t, finite(test.Z, test.PValue, test.Interval.Low), "%v", tally)
				} else {
					assert.ErrorIs(t, err, outcome.ErrZeroVariance)
				}
			}
		}
	}
}

// TestNPSIntervalMethods checks that every interval the NPS tally produces
// names its method and its confidence level.
func TestNPSIntervalMethods(t *testing.T) {
	tally := mustNPS(t, 50, 30, 20)
	w, err := tally.WaldInterval(0.9)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalWald, w.Method)
	assert.Equal(t, 0.9, w.Confidence)
	a, err := tally.AdjustedWaldInterval(0.9)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalAdjustedWald, a.Method)
	assert.Equal(t, 0.9, a.Confidence)
	one, err := tally.TestAgainst(10, 0.99)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalWald, one.Interval.Method)
	assert.Equal(t, 0.99, one.Interval.Confidence)
	two, err := tally.TestDifference(mustNPS(t, 20, 30, 50), 0.99)
	require.NoError(t, err)
	assert.Equal(t, outcome.IntervalWald, two.Interval.Method)
	assert.Equal(t, 0.99, two.Interval.Confidence)
}

// TestNPSAdjustedWaldWidened: 100 promoters and nothing else, at 80%
// (z = 1.281552). The adjusted centre is 100 * 100 / 103 = 97.087379, the
// adjusted variance p' + d' - (p' - d')² with p' = 100.75/103 and d' =
// 0.75/103 is 0.042841, so the half-width is 1.281552 * 100 *
// sqrt(0.042841 / 103) = 2.613649 and the adjusted interval
// 94.473730..99.701027 misses the NPS, 100. It is widened to reach it:
// 94.473730..100, so that Low <= Estimate <= High. At 95% (z = 1.959964)
// the interval, 93.090148..101.084609, contains 100 and is left as it is.
func TestNPSAdjustedWaldWidened(t *testing.T) {
	tally := mustNPS(t, 100, 0, 0)
	a, err := tally.AdjustedWaldInterval(0.8)
	require.NoError(t, err)
	assert.Equal(t, 100.0, a.Estimate)
	assert.InDelta(t, 94.473730, a.Low, 1e-6)
	assert.Equal(t, 100.0, a.High, "widened to the NPS")
	a, err = tally.AdjustedWaldInterval(0.95)
	require.NoError(t, err)
	assert.InDelta(t, 93.090148, a.Low, 1e-6)
	assert.InDelta(t, 101.084609, a.High, 1e-6)

	// The same on the other side: all detractors.
	a, err = mustNPS(t, 0, 0, 100).AdjustedWaldInterval(0.8)
	require.NoError(t, err)
	assert.Equal(t, -100.0, a.Low)
	assert.InDelta(t, -94.473730, a.High, 1e-6)

	// All promoters: the centre is 100n/(n+3) and the adjusted variance
	// (n+1.5)/(n+3) - n²/(n+3)² = 4.5(n+1)/(n+3)², so the raw High,
	// 100n/(n+3) + 100z·sqrt(4.5(n+1))/(n+3)^1.5, reaches 100 exactly when
	// z >= 3/sqrt(4.5(n+1)/(n+3)): z = 3/sqrt(2.7) = 1.825742 at n = 2
	// (confidence erf(z/√2) = 0.932111), 3/sqrt(3.375) = 1.632993 at n = 5
	// (0.897530), and 1.414215 at n = 10^6 (0.842701; erf(1) = 0.842701 is
	// the limit). Just below each level the interval is widened to 100; just
	// above, its High is past 100.
	for _, tt := range []struct {
		n          int64
		conf, tilt float64
	}{{2, 0.932111, 0.0001}, {5, 0.897530, 0.0001}, {1_000_000, 0.842701, 0.00001}} {
		a, err := mustNPS(t, tt.n, 0, 0).AdjustedWaldInterval(tt.conf - tt.tilt)
		require.NoError(t, err)
		assert.Equal(t, 100.0, a.High, "n = %d below %v: widened", tt.n, tt.conf)
		a, err = mustNPS(t, tt.n, 0, 0).AdjustedWaldInterval(tt.conf + tt.tilt)
		require.NoError(t, err)
		assert.Greater(t, a.High, 100.0, "n = %d above %v: not widened", tt.n, tt.conf)
	}

	// Low <= Estimate <= High for every small tally at every level.
	for _, c := range []float64{0.01, 0.5, 0.8, 0.95, 0.999} {
		for p := range int64(6) {
			for d := range int64(6) {
				tally := mustNPS(t, p, 2, d)
				a, err := tally.AdjustedWaldInterval(c)
				require.NoError(t, err)
				assert.True(t, a.Low <= a.Estimate && a.Estimate <= a.High, "%v at %v: %+v", tally, c, a)
			}
		}
	}
}

// TestNPSTallyJSON pins the JSON form of a tally and checks that it
// decodes back to the same tally, on the standard bands and on others.
func TestNPSTallyJSON(t *testing.T) {
	tally := mustNPS(t, 50, 30, 20)
	data, err := json.Marshal(tally)
	require.NoError(t, err)
	assert.Equal(t, `{"bands":{"min":0,"max":10,"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},`+
		`"promoters":{"low":9,"high":10}},"promoters":50,"passives":30,"detractors":20}`, string(data))
	var back outcome.NPSTally
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, tally.Equal(back))

	five := outcome.MustNPSBands(outcome.MustScale(1, 5), outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	other, err := outcome.NPSTallyFromCounts(five, 1, 2, 3)
	require.NoError(t, err)
	data, err = json.Marshal(other)
	require.NoError(t, err)
	assert.Equal(t, `{"bands":{"min":1,"max":5,"detractors":{"low":1,"high":3},"passives":{"low":4,"high":4},`+
		`"promoters":{"low":5,"high":5}},"promoters":1,"passives":2,"detractors":3}`, string(data))
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, other.Equal(back))

	// An absent "bands" is the standard bands, an absent count 0; null
	// bands are refused, not the standard bands.
	require.NoError(t, json.Unmarshal([]byte(`{"promoters":3}`), &back))
	assert.True(t, mustNPS(t, 3, 0, 0).Equal(back))
	require.NoError(t, json.Unmarshal([]byte(`{"detractors":1}`), &back))
	assert.True(t, mustNPS(t, 0, 0, 1).Equal(back))
	err = json.Unmarshal([]byte(`{"bands":null,"detractors":2}`), &back)
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.EqualError(t, err, `outcome: NPS tally: "bands" must be an object, not null`)

	type wrapper struct {
		T outcome.NPSTally `json:"t,omitzero"`
	}
	data, err = json.Marshal(wrapper{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(data), "the zero tally is omitted with omitzero")
}

// TestNPSTallyJSONErrors checks that decoding refuses what the constructors
// refuse, with their codes, and malformed or strange JSON with
// ErrInvalidJSON; on error the tally is unchanged.
func TestNPSTallyJSONErrors(t *testing.T) {
	bands := func(inner string) string {
		return `{"bands":{` + inner + `},"promoters":1}`
	}
	std := `"detractors":{"low":0,"high":6},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}`
	tests := []struct {
		name     string
		in       string
		codes    []outcome.Code
		messages []string
	}{
		{name: "negative counts", in: `{"promoters":-1,"passives":2,"detractors":-3}`,
			codes:    []outcome.Code{outcome.ErrInvalidCount, outcome.ErrInvalidCount},
			messages: []string{"outcome: promoter count -1 is negative", "outcome: detractor count -3 is negative"}},
		{name: "overflow", in: `{"promoters":9223372036854775807,"passives":1}`,
			codes:    []outcome.Code{outcome.ErrOverflow},
			messages: []string{"outcome: the NPS response count would overflow: 9223372036854775807 + 1 is past the largest int64"}},
		{name: "invalid scale", in: bands(`"min":5,"max":5,` + std),
			codes:    []outcome.Code{outcome.ErrInvalidScale},
			messages: []string{"outcome: scale 5..5 has fewer than two points (its bottom must be below its top)"}},
		// The bands' emptiness does not need the scale: reported after its
		// problem, also when a bound is not an integer.
		{name: "invalid scale and an empty band", in: bands(`"min":5,"max":5,` +
			`"detractors":{"low":0,"high":6},"passives":{"low":8,"high":7},"promoters":{"low":9,"high":10}`),
			codes: []outcome.Code{outcome.ErrInvalidScale, outcome.ErrInvalidBands},
			messages: []string{"outcome: scale 5..5 has fewer than two points (its bottom must be below its top)",
				"outcome: the passive band 8..7 is empty (its low end is above its high end)"}},
		{name: "bound not an integer and an empty band", in: bands(`"min":"0","max":10,` +
			`"detractors":{"low":6,"high":0},"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}`),
			codes: []outcome.Code{outcome.ErrInvalidJSON, outcome.ErrInvalidBands},
			messages: []string{`outcome: NPS tally "bands": "min" must be an integer, not the string "0"`,
				"outcome: the detractor band 6..0 is empty (its low end is above its high end)"}},
		{name: "empty bands object", in: bands(``),
			codes:    []outcome.Code{outcome.ErrInvalidScale},
			messages: []string{"outcome: scale 0..0 has fewer than two points (its bottom must be below its top)"}},
		{name: "bands and counts", in: `{"bands":{"min":0,"max":10,"detractors":{"low":0,"high":7},` +
			`"passives":{"low":7,"high":8},"promoters":{"low":9,"high":10}},"passives":-2}`,
			codes: []outcome.Code{outcome.ErrInvalidBands, outcome.ErrInvalidCount},
			messages: []string{"outcome: the detractor band 0..7 and the passive band 7..8 overlap",
				"outcome: passive count -2 is negative"}},
		{name: "bands off the scale", in: bands(`"min":0,"max":9,` + std),
			codes:    []outcome.Code{outcome.ErrInvalidBands},
			messages: []string{"outcome: the promoter band 9..10 is not within the scale 0..9"}},
		{name: "unknown field", in: `{"promoters":1,"nps":100}`, codes: []outcome.Code{outcome.ErrInvalidJSON},
			messages: []string{`outcome: NPS tally has an unknown field "nps"`}},
		// The unknown key is one problem; the bands are still checked, and
		// the absent passives and promoters are 0..0: they overlap the
		// detractors 0..6 and each other, and nothing holds 7..10.
		{name: "unknown band field", in: bands(`"min":0,"max":10,"detractors":{"low":0,"high":6,"mid":3}`),
			codes: []outcome.Code{outcome.ErrInvalidJSON, outcome.ErrInvalidBands, outcome.ErrInvalidBands, outcome.ErrInvalidBands},
			messages: []string{`outcome: NPS tally "bands" "detractors" has an unknown field "mid"`,
				"outcome: the detractor band 0..6 and the passive band 0..0 overlap",
				"outcome: the passive band 0..0 and the promoter band 0..0 overlap",
				"outcome: answers 7..10 at the top of the scale 0..10 are in no band (the highest band is the detractor band 0..6)"}},
		{name: "duplicate key", in: `{"promoters":1,"promoters":2}`, codes: []outcome.Code{outcome.ErrInvalidJSON},
			messages: []string{`outcome: NPS tally gives field "promoters" twice`}},
		{name: "trailing data", in: `{"promoters":1} {}`, codes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "fractional count", in: `{"promoters":1.5}`, codes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "count past int64", in: `{"promoters":9223372036854775808}`, codes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "count as text", in: `{"promoters":"1"}`, codes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "not an object", in: `[1,2,3]`, codes: []outcome.Code{outcome.ErrInvalidJSON}},
		{name: "not UTF-8", in: "{\"promoters\":1,\"x\xff\":1}", codes: []outcome.Code{outcome.ErrInvalidJSON}},
		// Null is no tally: refused once (it left the tally unchanged).
		{name: "null", in: " null ", codes: []outcome.Code{outcome.ErrInvalidJSON},
			messages: []string{"outcome: an NPS tally cannot be null"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			was := mustNPS(t, 7, 8, 9)
			got := was
			err := got.UnmarshalJSON([]byte(tt.in))
			require.Error(t, err)
			var codes []outcome.Code
			var messages []string
			for _, p := range outcome.Problems(err) {
				codes = append(codes, p.Code)
				messages = append(messages, p.Message)
			}
			assert.Equal(t, tt.codes, codes)
			if tt.messages != nil {
				assert.Equal(t, tt.messages, messages)
			}
			assert.True(t, was.Equal(got), "unchanged on error")
		})
	}
}

// TestNPSBandsJSON checks the bands' own JSON: every valid band set of a
// few scales round-trips, and decoding reports every problem NewNPSBands
// reports.
func TestNPSBandsJSON(t *testing.T) {
	for _, sc := range []outcome.Scale{outcome.MustScale(0, 10), outcome.MustScale(1, 5), outcome.MustScale(-3, 3), outcome.MustScale(0, 2)} {
		for pass := sc.Min() + 1; pass < sc.Max(); pass++ {
			for prom := pass + 1; prom <= sc.Max(); prom++ {
				b := outcome.MustNPSBands(sc, outcome.Band{Low: sc.Min(), High: pass - 1},
					outcome.Band{Low: pass, High: prom - 1}, outcome.Band{Low: prom, High: sc.Max()})
				data, err := json.Marshal(b)
				require.NoError(t, err)
				var back outcome.NPSBands
				require.NoError(t, json.Unmarshal(data, &back), "%s", data)
				assert.True(t, b.Equal(back), "%s", data)
			}
		}
	}
	var b outcome.NPSBands
	err := json.Unmarshal([]byte(`{"min":0,"max":10,"detractors":{"low":2,"high":7},"passives":{"low":6,"high":7},"promoters":{"low":9,"high":9}}`), &b)
	var messages []string
	for _, p := range outcome.Problems(err) {
		assert.Equal(t, outcome.ErrInvalidBands, p.Code)
		messages = append(messages, p.Message)
	}
	assert.Equal(t, []string{
		"outcome: the detractor band 2..7 and the passive band 6..7 overlap",
		"outcome: answers 0..1 at the bottom of the scale 0..10 are in no band (the lowest band is the detractor band 2..7)",
		"outcome: answers 8..8 between the passive band 6..7 and the promoter band 9..9 are in no band",
		"outcome: answers 10..10 at the top of the scale 0..10 are in no band (the highest band is the promoter band 9..9)",
	}, messages, "the same problems as TestNewNPSBands's \"every problem\"")
	assert.True(t, b.IsZero(), "unchanged on error")
	// Null is no bands: refused once, the bands unchanged (it left them
	// unchanged without a word).
	five := outcome.MustNPSBands(outcome.MustScale(1, 5), outcome.Band{Low: 1, High: 3}, outcome.Band{Low: 4, High: 4}, outcome.Band{Low: 5, High: 5})
	b = five
	err = b.UnmarshalJSON([]byte("null"))
	assert.ErrorIs(t, err, outcome.ErrInvalidJSON)
	assert.EqualError(t, err, "outcome: NPS bands cannot be null")
	assert.True(t, five.Equal(b), "unchanged on error")
	assert.ErrorIs(t, b.UnmarshalJSON([]byte(`{"min":0,"max":10,"extra":1}`)), outcome.ErrInvalidJSON)
}

// TestNPSTallyJSONRoundTrip is the round-trip property: random tallies on
// random bands, marshalled and decoded, are equal to themselves, and so are
// slices of them (the shards a BI tool ships); merging the decoded shards
// gives the merge of the originals.
func TestNPSTallyJSONRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for range 500 {
		lo := r.IntN(41) - 20
		sc := outcome.MustScale(lo, lo+2+r.IntN(20))
		pass := sc.Min() + 1 + r.IntN(sc.Max()-sc.Min()-1)
		prom := pass + 1 + r.IntN(sc.Max()-pass)
		b := outcome.MustNPSBands(sc, outcome.Band{Low: sc.Min(), High: pass - 1},
			outcome.Band{Low: pass, High: prom - 1}, outcome.Band{Low: prom, High: sc.Max()})
		shards := make([]outcome.NPSTally, 1+r.IntN(4))
		for i := range shards {
			third := int64(math.MaxInt64 / 3)
			count := func() int64 {
				switch r.IntN(3) {
				case 0:
					return 0
				case 1:
					return r.Int64N(1000)
				}
				return third - r.Int64N(3) // near the largest total
			}
			var err error
			shards[i], err = outcome.NPSTallyFromCounts(b, count(), count(), count())
			require.NoError(t, err)
		}
		data, err := json.Marshal(shards)
		require.NoError(t, err)
		var back []outcome.NPSTally
		require.NoError(t, json.Unmarshal(data, &back), "%s", data)
		require.Len(t, back, len(shards))
		for i := range shards {
			assert.True(t, shards[i].Equal(back[i]), "%v -> %s -> %v", shards[i], data, back[i])
		}
		want, wantErr := shards[0].Merge(shards[len(shards)-1])
		got, gotErr := back[0].Merge(back[len(back)-1])
		assert.Equal(t, wantErr == nil, gotErr == nil)
		assert.True(t, want.Equal(got))
	}
}

// TestNPSPublishedExample checks the published worked example of whuber's
// answer to "How can I calculate margin of error in a NPS (Net Promoter
// Score) result?" (Cross Validated, stats.stackexchange.com):
// a population of 1/2 promoters, 1/3 passives and 1/6 detractors has
// NPS = 1(1/2) + 0(1/3) - 1(1/6) = 1/3, and the variance of a ticket is
// (1-1/3)²(1/2) + (0-1/3)²(1/3) + (-1-1/3)²(1/6) = 2/9 + 1/27 + 8/27 = 5/9,
// which the closed form p + d - (p - d)² = 1/2 + 1/6 - 1/9 = 5/9 agrees with.
// A sample in exactly those shares, 300 answers (150, 100, 50), has the
// standard error 100 * sqrt((5/9)/300) = 4.3033 NPS points.
func TestNPSPublishedExample(t *testing.T) {
	tally, err := outcome.NPSTallyFromCounts(outcome.StandardNPSBands(), 150, 100, 50)
	require.NoError(t, err)
	score, err := tally.Score(4, outcome.RoundHalfEven)
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("33.3333").Equal(score), "NPS %s, want 33.3333", score)
	v, err := tally.Variance()
	require.NoError(t, err)
	assert.InDelta(t, 5.0/9, v, 1e-15)
	se, err := tally.StandardError()
	require.NoError(t, err)
	assert.InDelta(t, 100*math.Sqrt(5.0/9/300), se, 1e-12)
	assert.InDelta(t, 4.3033, se, 5e-5)
}

// TestNPSGroupText: the three groups by name, singular or plural, in any
// case, are text in JSON; anything else, and the zero group, is
// outcome.ErrUnknownNPSGroup, leaving the value unchanged.
func TestNPSGroupText(t *testing.T) {
	for in, want := range map[string]outcome.NPSGroup{"detractor": outcome.Detractor, "Detractors": outcome.Detractor, " passive ": outcome.Passive,
		"PASSIVES": outcome.Passive, "promoter": outcome.Promoter, "pro-moters": outcome.Promoter} {
		g, err := outcome.ParseNPSGroup(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, g, in)
	}
	for _, in := range []string{"", "neutral", "promote", "outcome.NPSGroup(3)"} {
		_, err := outcome.ParseNPSGroup(in)
		assert.ErrorIs(t, err, outcome.ErrUnknownNPSGroup, in)
	}
	b, err := json.Marshal(map[string]outcome.NPSGroup{"answer": outcome.Passive})
	require.NoError(t, err)
	assert.Equal(t, `{"answer":"passive"}`, string(b))
	var back map[string]outcome.NPSGroup
	require.NoError(t, json.Unmarshal([]byte(`{"answer":"Promoters"}`), &back))
	assert.Equal(t, outcome.Promoter, back["answer"])
	_, err = json.Marshal(outcome.NPSGroup(0))
	assert.ErrorIs(t, err, outcome.ErrUnknownNPSGroup)
	g := outcome.Detractor
	assert.ErrorIs(t, json.Unmarshal([]byte(`"neutral"`), &g), outcome.ErrUnknownNPSGroup)
	assert.Equal(t, outcome.Detractor, g, "unchanged on error")
}

// TestBand_UnmarshalJSON pins what a band read on its own reports, in the
// words NPSBands.UnmarshalJSON says a band's problems at its key, and that
// the value is unchanged on error.
func TestBand_UnmarshalJSON(t *testing.T) {
	var b outcome.Band
	require.NoError(t, json.Unmarshal([]byte(`{"low":9,"high":10}`), &b))
	assert.Equal(t, outcome.Band{Low: 9, High: 10}, b)
	require.NoError(t, json.Unmarshal([]byte(`{"high":6}`), &b), "an absent bound is 0, as in NPS bands")
	assert.Equal(t, outcome.Band{High: 6}, b)
	require.NoError(t, json.Unmarshal([]byte(`{"low":10,"high":9}`), &b), "not checked on its own")
	assert.Equal(t, outcome.Band{Low: 10, High: 9}, b)

	const inv = outcome.ErrInvalidJSON
	const int64Range = "an integer from -9223372036854775808 to 9223372036854775807"
	for _, tt := range []struct {
		name, in string
		want     []resultProblem
	}{
		{"unknown key", `{"low":1,"high":2,"mid":1}`, []resultProblem{{inv, `outcome: band has an unknown field "mid"`}}},
		{"a key twice", `{"low":1,"high":2,"low":3}`, []resultProblem{{inv, `outcome: band gives field "low" twice`}}},
		{"wrong type", `{"low":"9","high":10}`, []resultProblem{{inv, `outcome: band: "low" must be an integer, not the string "9"`}}},
		{"null", `{"high":null}`, []resultProblem{{inv, `outcome: band: "high" must be an integer, not null`}}},
		{"out of range", `{"low":99999999999999999999}`,
			[]resultProblem{{inv, `outcome: band: "low" must be ` + int64Range + `, not the number 99999999999999999999`}}},
		{"all at once", `{"low":1e-400,"high":1e400,"mid":1,"LOW":2}`, []resultProblem{
			{inv, `outcome: band: "low" must be ` + int64Range + `, not the number 1e-400`},
			{inv, `outcome: band gives field "low" twice, as "low" and "LOW"`},
			{inv, `outcome: band: "high" must be ` + int64Range + `, not the number 1e400`},
			{inv, `outcome: band has an unknown field "mid"`},
		}},
		{"null band", `null`, []resultProblem{{inv, `outcome: a band cannot be null`}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkResultDecode(t, tt.in, outcome.Band{Low: 3, High: 4}, (*outcome.Band).UnmarshalJSON, tt.want)
		})
	}
	// The same band inside NPS bands says the same, at its key.
	err := json.Unmarshal([]byte(`{"min":0,"max":10,"passives":{"low":"7","high":8,"mid":1}}`), new(outcome.NPSBands))
	assert.Equal(t, []resultProblem{
		{inv, `outcome: NPS bands "passives": "low" must be an integer, not the string "7"`},
		{inv, `outcome: NPS bands "passives" has an unknown field "mid"`},
	}, resultProblems(err)[:2])
}
