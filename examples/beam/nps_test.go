package main

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/cxmodel/cx/outcome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCategoryNPS tallies the program's survey (responses) per customer
// category on prism; each score is worked out by hand from the answers,
// promoters answering 9-10, passives 7-8, detractors 0-6, and NPS = 100 ×
// (promoters − detractors) / responses.
func TestCategoryNPS(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	got := beam.ParDo(s, formatNPS, CategoryNPS(s, beam.CreateList(s, responses())))
	passert.Equals(s, got,
		// 10 9 9 8 7 6 3 10 0 5: promoters 10 9 9 10 (4), passives 8 7
		// (2), detractors 6 3 0 5 (4); (4 - 4)/10 = 0.
		"nps new-customers: 0.0 (4 promoters, 2 passives, 4 detractors)",
		// 10 10 9 9 9 8 10 7 9 10 6 10: nine 9s and 10s, passives 8 7,
		// detractor 6; (9 - 1)/12 = 66.666..., 66.7 to one place.
		"nps loyal-customers: 66.7 (9 promoters, 2 passives, 1 detractor)",
		// 5 6 7 9 2 8 10 4: promoters 9 10, passives 7 8, detractors 5 6
		// 2 4; (2 - 4)/8 = -25.
		"nps small-business: -25.0 (2 promoters, 2 passives, 4 detractors)",
	)
	ptest.RunAndValidate(t, p)
}

// TestNPSFn_MergeAccumulators calls the CombineFn's methods directly, as a
// runner merging workers' partial tallies does.
func TestNPSFn_MergeAccumulators(t *testing.T) {
	var fn NPSFn
	add := func(scores ...int) outcome.NPSTally {
		a := fn.CreateAccumulator()
		for _, s := range scores {
			var err error
			a, err = fn.AddInput(a, s)
			require.NoError(t, err)
		}
		return a
	}
	// The loyal customers' answers in three workers' shares.
	w1 := add(10, 10, 9, 9)
	w2 := add(9, 8, 10, 7)
	w3 := add(9, 10, 6, 10)
	m, err := fn.MergeAccumulators(w1, w2)
	require.NoError(t, err)
	m, err = fn.MergeAccumulators(m, fn.CreateAccumulator())
	require.NoError(t, err)
	m, err = fn.MergeAccumulators(m, w3)
	require.NoError(t, err)
	got, err := formatNPS("loyal-customers", fn.ExtractOutput(m))
	require.NoError(t, err)
	// As in TestCategoryNPS: 9 promoters, 2 passives, 1 detractor.
	assert.Equal(t, "nps loyal-customers: 66.7 (9 promoters, 2 passives, 1 detractor)", got)

	// An answer off the scale fails, it is not dropped.
	_, err = fn.AddInput(fn.CreateAccumulator(), 11)
	assert.ErrorIs(t, err, outcome.ErrScoreOutOfRange)
	// Tallies on other bands are not merged.
	other := outcome.NewNPSTally(outcome.MustNPSBands(outcome.MustScale(1, 5),
		outcome.Band{Low: 1, High: 2}, outcome.Band{Low: 3, High: 3}, outcome.Band{Low: 4, High: 5}))
	_, err = fn.MergeAccumulators(w1, other)
	assert.ErrorIs(t, err, outcome.ErrScaleMismatch)
	// A category without answers has no score.
	_, err = formatNPS("none", fn.CreateAccumulator())
	assert.ErrorIs(t, err, outcome.ErrNoData)
}

// partialNPSFn is NPSFn at the first level of an explicit merge tree.
type partialNPSFn struct{ NPSFn }

// mergeNPSFn merges partial tallies: the second level.
type mergeNPSFn struct{ NPSFn }

// AddInput merges a partial tally.
func (f mergeNPSFn) AddInput(a, b outcome.NPSTally) (outcome.NPSTally, error) {
	return f.MergeAccumulators(a, b)
}

// shardResponse keys an answer by its category and one of five shards.
func shardResponse(r Response) (string, int) {
	return r.Category + "/" + strconv.Itoa(len(r.Category)*7%5+r.Score%5), r.Score
}

// unshardTally keys a partial tally by its category again.
func unshardTally(key string, t outcome.NPSTally) (string, outcome.NPSTally) {
	category, _, _ := strings.Cut(key, "/")
	return category, t
}

func init() {
	register.Combiner3[outcome.NPSTally, int, outcome.NPSTally](&partialNPSFn{})
	register.Combiner3[outcome.NPSTally, outcome.NPSTally, outcome.NPSTally](&mergeNPSFn{})
	register.Function1x2[Response, string, int](shardResponse)
	register.Function2x2[string, outcome.NPSTally, string, outcome.NPSTally](unshardTally)
}

// generatedSurvey returns n answers over four categories, each category
// with its own spread of answers, from a fixed seed.
func generatedSurvey(n int) []Response {
	rng := rand.New(rand.NewPCG(9, 10))
	categories := []string{"new-customers", "loyal-customers", "small-business", "enterprise"}
	out := make([]Response, n)
	for i := range out {
		c := rng.IntN(len(categories))
		out[i] = Response{categories[c], min(10, rng.IntN(11)+c)}
	}
	return out
}

// onePassNPS tallies the answers per category in one pass, outside Beam,
// with outcome.TallyNPS: the result the pipeline must reproduce.
func onePassNPS(t *testing.T, rs []Response) []any {
	t.Helper()
	byCategory := map[string][]int{}
	for _, r := range rs {
		byCategory[r.Category] = append(byCategory[r.Category], r.Score)
	}
	var want []any
	for _, c := range slices.Sorted(maps.Keys(byCategory)) {
		tally, err := outcome.TallyNPS(outcome.StandardNPSBands(), byCategory[c])
		require.NoError(t, err)
		line, err := formatNPS(c, tally)
		require.NoError(t, err)
		want = append(want, line)
	}
	return want
}

// TestCategoryNPS_mergePath: tallying shards of each category into partial
// tallies that cross the runner's shuffle in their binary form, and
// merging them, gives exactly the one-pass tally; so does the plain
// pipeline over input that arrives in three separate collections (where
// prism does not merge: see TestDepartmentCosts_mergePath).
func TestCategoryNPS_mergePath(t *testing.T) {
	survey := generatedSurvey(6000)
	want := onePassNPS(t, survey)
	require.Len(t, want, 4)

	p, s := beam.NewPipelineWithRoot()
	answers := beam.Flatten(s,
		beam.CreateList(s, survey[:2000]), beam.CreateList(s, survey[2000:4000]), beam.CreateList(s, survey[4000:]))

	partials := beam.CombinePerKey(s, &partialNPSFn{}, beam.ParDo(s, shardResponse, answers))
	merged := beam.CombinePerKey(s, &mergeNPSFn{}, beam.ParDo(s, unshardTally, partials))
	passert.Equals(s, beam.ParDo(s, formatNPS, merged), want...)

	passert.Equals(s, beam.ParDo(s, formatNPS, CategoryNPS(s, answers)), want...)
	ptest.RunAndValidate(t, p)
}
