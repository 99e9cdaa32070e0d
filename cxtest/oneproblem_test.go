package cxtest

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// TestCheckOneProblemIsTheProblem checks the module's convention for the
// Check functions: a check that cannot be made for exactly one problem
// returns that *outcome.Error itself (err.(*outcome.Error) holds, without
// errors.As), whether the problem is the check's own or a library's it
// passes on, and whatever shape the library gave it. Each case's code, IDs
// and message are worked out from the input. CheckLineOfSight with one
// unknown node, and CheckTripleCrown and CheckCrownWon with a scorecard in
// another currency than a money threshold (triplecrown's Score returns that
// one problem joined alone), and CheckNorthStar with a candidate given
// twice (northstar's Select returns that one joined alone), returned a
// joined error of one before; the others already complied, and are a guard.
func TestCheckOneProblemIsTheProblem(t *testing.T) {
	m := Hierarchy("task:t -> sco:s")
	card := Scorecard("u 2025; cost: 100 -> 90 EUR; revenue: 100 -> 110 EUR; x (higher): 1 -> 2")
	usd := Policy("cost 10 USD")
	twice := northStarInput()
	twice.Candidates = append(twice.Candidates, twice.Candidates[0]) // fcr
	tests := []struct {
		name string
		err  error
		code outcome.Code
		ids  []string
		msg  string
	}{
		// A joined error of one before.
		{"CheckLineOfSight, from an unknown node", CheckLineOfSight(m, "zz", "s"),
			hierarchy.ErrUnknownNode, []string{"zz"}, `hierarchy: unknown node "zz"`},
		{"CheckLineOfSight, to an unknown node", CheckLineOfSight(m, "t", "zz"),
			hierarchy.ErrUnknownNode, []string{"zz"}, `hierarchy: unknown node "zz"`},
		{"CheckTripleCrown, a threshold in another currency", CheckTripleCrown(card, usd),
			triplecrown.ErrCurrencyMismatch, []string{"u"}, `triplecrown: unit "u" is in EUR but the cost threshold is in USD`},
		{"CheckCrownWon, a threshold in another currency", CheckCrownWon(card, usd, triplecrown.Cost),
			triplecrown.ErrCurrencyMismatch, []string{"u"}, `triplecrown: unit "u" is in EUR but the cost threshold is in USD`},

		// One error already.
		{"CheckAligned, the empty hierarchy", CheckAligned(hierarchy.Model{}),
			ErrEmptyHierarchy, nil, emptyHierarchy(hierarchy.Model{}).Error()},
		{"CheckAligned, a level that is none", CheckAligned(m, outcome.Level(9)),
			outcome.ErrUnknownLevel, nil, `cxtest: cannot check the alignment of ` + outcome.Level(9).String() + `: not a level`},
		{"CheckLineOfSight, the empty hierarchy", CheckLineOfSight(hierarchy.Model{}, "t", "s"),
			ErrEmptyHierarchy, nil, emptyHierarchy(hierarchy.Model{}).Error()},
		{"CheckNoUnsupportedOutcomes, the empty hierarchy", CheckNoUnsupportedOutcomes(hierarchy.Model{}),
			ErrEmptyHierarchy, nil, emptyHierarchy(hierarchy.Model{}).Error()},
		{"CheckTripleCrown, the zero Policy", CheckTripleCrown(card, triplecrown.Policy{}),
			triplecrown.ErrInvalidPolicy, []string{"u"}, `triplecrown: cannot score with the zero Policy`},
		{"CheckCrownWon, no crown", CheckCrownWon(card, Policy(), triplecrown.Crown(9)),
			triplecrown.ErrUnknownCrown, nil, `cxtest: ` + triplecrown.Crown(9).String() + ` is not a crown (want cost, service or revenue)`},
		{"CheckNorthStar, a candidate given twice", CheckNorthStar(twice, ""),
			outcome.ErrDuplicateID, []string{"fcr"}, `northstar: duplicate candidate "fcr"`},
		{"CheckNorthStar, a metric that is no candidate", CheckNorthStar(northStarInput(), "nps"),
			northstar.ErrUnknownMetric, []string{"nps"}, `cxtest: "nps" is not a candidate for the North Star`},
		{"CheckOutputShareAtMost, a limit above 1", CheckOutputShareAtMost(nil, decimal.New(2, 0)),
			outcome.ErrInvalidThreshold, nil, `cxtest: output share limit 2 is not a share in [0, 1]`},
		{"CheckNoRewardedOrphanOutputs, the empty hierarchy", CheckNoRewardedOrphanOutputs(hierarchy.Model{}, nil),
			ErrEmptyHierarchy, nil, emptyHierarchy(hierarchy.Model{}).Error()},
		{"CheckRewardedKPIsAligned, the zero Metric", CheckRewardedKPIsAligned(m, []outcome.Metric{{}}),
			outcome.ErrEmptyID, nil, `cxtest: cannot check the zero Metric (at index 0)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			p, ok := tt.err.(*outcome.Error)
			require.True(t, ok, "the error is the problem itself, not %T: %v", tt.err, tt.err)
			assert.Equal(t, tt.code, p.Code)
			assert.Equal(t, tt.ids, p.IDs)
			assert.Equal(t, tt.msg, p.Message)
		})
	}
}

// TestCheckProblemsJoinedOnce checks the other side: two or more problems
// are joined, one level deep, in the documented order, also when a library
// joined some of them apart (CheckCrownWon's crown before the scorecard's
// two, which Score joins; CheckNorthStar's metric after Select's).
func TestCheckProblemsJoinedOnce(t *testing.T) {
	m := Hierarchy("task:t -> sco:s")
	twice2 := northStarInput()
	twice2.Candidates = append(twice2.Candidates, twice2.Candidates[0], twice2.Candidates[1]) // fcr, effort
	type problem struct {
		code outcome.Code
		ids  []string
		msg  string
	}
	tests := []struct {
		name string
		err  error
		want []problem
	}{
		{"CheckLineOfSight, two unknown nodes", CheckLineOfSight(m, "y", "x"), []problem{
			{hierarchy.ErrUnknownNode, []string{"y"}, `hierarchy: unknown node "y"`},
			{hierarchy.ErrUnknownNode, []string{"x"}, `hierarchy: unknown node "x"`},
		}},
		{"CheckCrownWon, no crown, the zero Scorecard and the zero Policy",
			CheckCrownWon(triplecrown.Scorecard{}, triplecrown.Policy{}, triplecrown.Crown(9)), []problem{
				{triplecrown.ErrUnknownCrown, nil, `cxtest: ` + triplecrown.Crown(9).String() + ` is not a crown (want cost, service or revenue)`},
				{triplecrown.ErrInvalidScorecard, nil, `triplecrown: cannot score the zero Scorecard`},
				{triplecrown.ErrInvalidPolicy, nil, `triplecrown: cannot score with the zero Policy`},
			}},
		{"CheckNorthStar, two candidates given twice and a metric that is none", CheckNorthStar(twice2, "nps"), []problem{
			{outcome.ErrDuplicateID, []string{"fcr"}, `northstar: duplicate candidate "fcr"`},
			{outcome.ErrDuplicateID, []string{"effort"}, `northstar: duplicate candidate "effort"`},
			{northstar.ErrUnknownMetric, []string{"nps"}, `cxtest: "nps" is not a candidate for the North Star`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			_, one := tt.err.(*outcome.Error)
			assert.False(t, one, "several problems are joined")
			j, ok := tt.err.(interface{ Unwrap() []error })
			require.True(t, ok)
			ps := outcome.Problems(tt.err)
			require.Len(t, j.Unwrap(), len(ps), "one level deep: each joined error is one problem")
			for i, e := range j.Unwrap() {
				assert.Same(t, ps[i], e)
			}
			var got []problem
			for _, p := range ps {
				got = append(got, problem{p.Code, p.IDs, p.Message})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestFixtureOneProblemIsTheLine checks that a fixture with one malformed
// line panics with that line's error itself, not a joined error of one,
// and that a line's error holds its one library problem itself (the
// scorecard's amount that is not a decimal); with two malformed lines, the
// two are joined, in order.
func TestFixtureOneProblemIsTheLine(t *testing.T) {
	panicErr := func(f func()) (err error) {
		defer func() { err = recover().(error) }()
		f()
		return nil
	}
	isJoin := func(err error) bool {
		_, ok := err.(interface{ Unwrap() []error })
		return ok
	}
	tests := []struct {
		name string
		f    func()
		msg  string
	}{
		{"Hierarchy", func() { Hierarchy("task:t -> nope:x") },
			`cxtest: hierarchy fixture, line 1 ("task:t -> nope:x"): "nope:x": "nope" is not a level`},
		{"Metrics", func() { Metrics("output:a nope") },
			`cxtest: metrics fixture, line 1 ("output:a nope"): "nope" is not a direction, a kind, "rewarded", owner= or unit=`},
		{"Scorecard", func() { Scorecard("u 2025; cost: 100 -> 90 EUR; revenue: 100 -> 110 EUR; x (higher): 1 -> 2; y") },
			`cxtest: scorecard fixture, line 1 ("y"): a clause is cost, revenue or a service measure, each followed by a colon: cost: 1 -> 1 EUR`},
		{"Policy", func() { Policy("colour red") },
			`cxtest: policy fixture, line 1 ("colour red"): a clause is cost, service, revenue, significance, places or rounding, then its value`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := panicErr(tt.f)
			require.Error(t, err)
			assert.False(t, isJoin(err), "one problem is the line's error itself, not %T", err)
			assert.Equal(t, tt.msg, err.Error())
		})
	}

	t.Run("a line's one library problem", func(t *testing.T) {
		err := panicErr(func() { Scorecard("u 2025; cost: x -> 90 EUR; revenue: 100 -> 110 EUR; s (higher): 1 -> 2") })
		require.False(t, isJoin(err))
		p, ok := errors.Unwrap(err).(*outcome.Error)
		require.True(t, ok, "the line wraps the problem itself, not %T", errors.Unwrap(err))
		assert.Equal(t, triplecrown.ErrInvalidAmount, p.Code)
	})

	t.Run("two lines", func(t *testing.T) {
		err := panicErr(func() { Policy("colour red\nplaces x") })
		require.True(t, isJoin(err))
		es := err.(interface{ Unwrap() []error }).Unwrap()
		require.Len(t, es, 2)
		assert.Equal(t, `cxtest: policy fixture, line 1 ("colour red"): a clause is cost, service, revenue, significance, places or rounding, then its value`, es[0].Error())
		assert.Equal(t, `cxtest: policy fixture, line 2 ("places x"): strconv.ParseInt: parsing "x": invalid syntax`, es[1].Error())
	})
}
