package triplecrown

import (
	"slices"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/outcome"
)

// The codes of errors in user input reported by this package. Each is an
// [outcome.Code], so errors.Is(err, triplecrown.ErrCurrencyMismatch) works on
// any error this package returns, also inside an [errors.Join]. The package
// also reports the shared codes [outcome.ErrEmptyID], [outcome.ErrInvalidID],
// [outcome.ErrDuplicateID], [outcome.ErrUnknownDirection],
// [outcome.ErrInvalidThreshold], [outcome.ErrNotFinite],
// [outcome.ErrInvalidJSON], and for a [Precision] or a share's places
// [outcome.ErrUnknownRounding] and [outcome.ErrInvalidPlaces].
const (
	// ErrUnknownCurrency: currency text that is not an ISO 4217 code of three
	// upper-case ASCII letters, or money without a currency.
	ErrUnknownCurrency outcome.Code = "unknown-currency"
	// ErrCurrencyMismatch: amounts in two currencies added, compared or
	// rolled up together. The message names both currencies.
	ErrCurrencyMismatch outcome.Code = "currency-mismatch"
	// ErrInvalidAmount: money text that is not a decimal number, or a
	// decimal, given or computed (a product, a sum, a roll-up's totals),
	// beyond [MaxDigits] or [MaxExponent]. The message says its digits and
	// exponent and the bounds.
	ErrInvalidAmount outcome.Code = "invalid-amount"
	// ErrNegativeMoney: a negative amount where none makes sense: a cost, a
	// revenue, an investment, a materiality threshold.
	ErrNegativeMoney outcome.Code = "negative-money"
	// ErrMissingMoney: a scorecard's cost or revenue without its baseline or
	// actual amount.
	ErrMissingMoney outcome.Code = "missing-money"
	// ErrInvalidSampleSize: a service measure's sample size (trials or
	// observations) that is zero or negative, or too small for the measure.
	ErrInvalidSampleSize outcome.Code = "invalid-service-sample-size"
	// ErrInvalidMeasure: a service measure that is missing, malformed or
	// impossible (more successes than trials, a negative standard deviation).
	ErrInvalidMeasure outcome.Code = "invalid-service-measure"
	// ErrServiceMismatch: service measures that cannot be compared or
	// combined: a baseline and an actual of different kinds, or units whose
	// service is a different measure.
	ErrServiceMismatch outcome.Code = "service-mismatch"
	// ErrInvalidWeight: a service measure's weight that is zero or negative.
	ErrInvalidWeight outcome.Code = "invalid-service-weight"
	// ErrSampleOverflow: sample sizes whose sum does not fit in an int64.
	ErrSampleOverflow outcome.Code = "service-sample-overflow"
	// ErrInvalidSignificance: a significance level that is NaN, infinite or
	// not strictly between 0 and 1.
	ErrInvalidSignificance outcome.Code = "invalid-significance-level"
	// ErrEmptyPeriod: a scorecard without its period.
	ErrEmptyPeriod outcome.Code = "empty-period"
	// ErrPeriodMismatch: scorecards of different periods rolled up together.
	ErrPeriodMismatch outcome.Code = "period-mismatch"
	// ErrEmptyRollup: a roll-up, a group or a contribution analysis with no
	// scorecards.
	ErrEmptyRollup outcome.Code = "empty-rollup"
	// ErrUnknownUnit: a group that names a unit no scorecard has.
	ErrUnknownUnit outcome.Code = "unknown-unit"
	// ErrUnknownCrown: a crown that is the zero value, text that names no
	// crown, or a crown that does not apply (service has no money
	// contribution).
	ErrUnknownCrown outcome.Code = "unknown-crown"
	// ErrUnknownStatus: text that names no crown status.
	ErrUnknownStatus outcome.Code = "unknown-crown-status"
	// ErrUnknownVerdict: text that names no verdict.
	ErrUnknownVerdict outcome.Code = "unknown-verdict"
	// ErrUnknownCombination: text that names no way of combining service
	// measures in a roll-up.
	ErrUnknownCombination outcome.Code = "unknown-service-combination"
	// ErrInvalidInvestment: an ROI whose investment is zero.
	ErrInvalidInvestment outcome.Code = "invalid-investment"
	// ErrInvalidPeriods: an ROI whose benefit period count is zero or negative.
	ErrInvalidPeriods outcome.Code = "invalid-benefit-periods"
	// ErrInvalidPolicy: a policy that is the zero value, so has no precision or
	// significance level.
	ErrInvalidPolicy outcome.Code = "invalid-policy"
	// ErrInvalidScorecard: the zero Scorecard where a valid one is needed.
	ErrInvalidScorecard outcome.Code = "invalid-scorecard"
)

// clip shortens s to at most [msg.MaxQuoted] bytes, on a rune boundary,
// marking the cut, so that a message quoting user text has a bounded length.
func clip(s string) string { return msg.Clip(s, msg.MaxQuoted) }

// newError is [outcome.NewError] with a copy of ids, so that every problem
// has IDs of its own, though several problems of one value are made from
// one slice: a caller who changes one problem's IDs changes no other.
func newError(code outcome.Code, ids []string, format string, args ...any) *outcome.Error {
	return outcome.NewError(code, slices.Clone(ids), format, args...)
}

// joinAll returns the problems among errs as one error, as [msg.JoinFlat]
// does: nil if there is none, the problem itself if there is one (so that
// one problem is the *[outcome.Error] itself, not a joined error of one),
// and otherwise all of them joined with [errors.Join], one level deep, in
// the order given. An error in errs that errors.Join made (the problems of
// a part, or of a call whose problems are reported with others) counts as
// the errors it joins, in their order, at any depth; a nil error, and a nil
// pointer in an error interface, is none.
func joinAll(errs []error) error { return msg.JoinFlat(errs...) }
