package cxtest

import (
	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// emptyHierarchy returns an error with code [ErrEmptyHierarchy] if m is the
// empty hierarchy, and nil otherwise.
func emptyHierarchy(m hierarchy.Model) error {
	if !m.IsZero() {
		return nil
	}
	return outcome.NewError(ErrEmptyHierarchy, nil,
		"cxtest: cannot check an empty hierarchy: it has no nodes (a failed Build or decoding returns one)")
}

// The codes of the checks' failures. A Check function that fails returns an
// *[outcome.Error] with one of these codes, severity error, the IDs of
// everything involved and a one-line message, so that errors.Is(err,
// cxtest.ErrNotAligned) tells which check failed. A check that cannot be made
// (an empty hierarchy, an unknown node, an invalid level, a scorecard that
// cannot be scored) returns the error that says why, with its own code
// instead.
const (
	// ErrNotAligned: nodes of work that reach no successful customer
	// outcome ([CheckAligned]). The IDs are the orphans'.
	ErrNotAligned outcome.Code = "not-aligned"
	// ErrNoLineOfSight: a node that does not reach the node it should
	// ([CheckLineOfSight]). The IDs are the two nodes'.
	ErrNoLineOfSight outcome.Code = "no-line-of-sight"
	// ErrUnsupportedOutcome: successful customer outcomes that no work feeds
	// ([CheckNoUnsupportedOutcomes]). The IDs are the outcomes'.
	ErrUnsupportedOutcome outcome.Code = "unsupported-outcome"
	// ErrOutputShare: a KPI portfolio whose share of output-side metrics is
	// above the limit ([CheckOutputShareAtMost]). The IDs are the output-side
	// metrics'.
	ErrOutputShare outcome.Code = "output-share-above-limit"
	// ErrRewardedOrphanOutput: rewarded output-side metrics with no line of
	// sight to a successful customer outcome
	// ([CheckNoRewardedOrphanOutputs]). The IDs are the metrics'.
	ErrRewardedOrphanOutput outcome.Code = "rewarded-orphan-output"
	// ErrRewardedNotAligned: rewarded metrics, at any level, with no line of
	// sight to a successful customer outcome ([CheckRewardedKPIsAligned]).
	// The IDs are the metrics'.
	ErrRewardedNotAligned outcome.Code = "rewarded-not-aligned"
	// ErrNoTripleCrown: a scorecard that did not win the triple crown
	// ([CheckTripleCrown]). The ID is the unit's.
	ErrNoTripleCrown outcome.Code = "triple-crown-not-won"
	// ErrCrownNotWon: a scorecard that did not win a given crown
	// ([CheckCrownWon]). The ID is the unit's.
	ErrCrownNotWon outcome.Code = "crown-not-won"
	// ErrNegativeContribution: units that took away from the enterprise's
	// cost saving or revenue growth ([CheckNoNegativeContribution]). The
	// IDs are the units'.
	ErrNegativeContribution outcome.Code = "negative-contribution"
	// ErrNotNorthStar: a metric that cannot be the North Star, since it
	// failed a gate of [northstar.Select], or a selection in which every
	// candidate did ([CheckNorthStar]). The IDs are the candidates'.
	ErrNotNorthStar outcome.Code = "not-a-north-star"
	// ErrEmptyHierarchy: a check of a hierarchy given the empty one, with no
	// nodes ([hierarchy.Model.IsZero]), as a failed [hierarchy.Builder.Build]
	// or decoding returns it ([CheckAligned], [CheckLineOfSight],
	// [CheckNoUnsupportedOutcomes], [CheckNoRewardedOrphanOutputs],
	// [CheckRewardedKPIsAligned]). The check cannot be made: a test that
	// drops the error of a Build fails, where it passed on nothing. It has
	// no IDs.
	ErrEmptyHierarchy outcome.Code = "empty-hierarchy"
	// ErrNotEqual: two decimals, or two amounts of money, that are not equal
	// by value ([CheckDecimalEqual], [CheckMoneyEqual]), or two values that
	// their type's Equal method calls different ([CheckEqual]). It has no
	// IDs.
	ErrNotEqual outcome.Code = "not-equal-by-value"
)
