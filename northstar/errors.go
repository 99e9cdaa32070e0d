package northstar

import (
	"slices"

	"github.com/cxmodel/cx/outcome"

	"github.com/cxmodel/cx/internal/msg"
)

// The codes of the problems this package reports, each an [outcome.Code]
// (usable with [errors.Is]) carried by an *[outcome.Error]. Codes are stable
// and unique across the module.
const (
	// ErrEmptyCanvas: a canvas with no needs or no successful outcomes, or a
	// selection given no canvas at all.
	ErrEmptyCanvas outcome.Code = "canvas-empty"
	// ErrEmptyNeed: a need on a canvas with no statement.
	ErrEmptyNeed outcome.Code = "canvas-need-empty"
	// ErrNeedNotSMART: a need with no measure, no target or no time bound.
	// It is a warning: the canvas is usable, but the need is not SMART.
	ErrNeedNotSMART outcome.Code = "canvas-need-not-smart"
	// ErrOutcomeUnmeasured: a successful outcome on a canvas with no metric
	// that shows it.
	ErrOutcomeUnmeasured outcome.Code = "canvas-outcome-unmeasured"
	// ErrZeroCategoryWeight: a canvas whose category has weight zero, so it
	// counts for nothing in the selection. It is a warning.
	ErrZeroCategoryWeight outcome.Code = "canvas-zero-category-weight"
	// ErrNegativeWeight: a negative category weight, metric importance or
	// criterion weight.
	ErrNegativeWeight outcome.Code = "northstar-negative-weight"
	// ErrWeightOutOfRange: a weight, importance or rating too large (10^15 or
	// more in magnitude) or too finely given (more than 30 digits after the
	// decimal point) to be computed with; in JSON, also a weight or an
	// importance written with an exponent beyond ±10000 ("0e10001").
	ErrWeightOutOfRange outcome.Code = "northstar-weight-out-of-range"
	// ErrInvalidWeight: a weight or an importance in JSON (a canvas's weight,
	// an indicator's importance, a policy's criterion weight) that is not a
	// decimal number: text that does not parse, or a JSON value that is
	// neither a string nor a number.
	ErrInvalidWeight outcome.Code = "northstar-invalid-weight"
	// ErrZeroWeights: weights that are all zero, so nothing can be normalised:
	// every importance on a canvas, every category weight of a selection, or
	// every criterion weight of a policy.
	ErrZeroWeights outcome.Code = "northstar-zero-weights"
	// ErrUnknownMetric: a metric ID that names no candidate of the selection.
	ErrUnknownMetric outcome.Code = "northstar-unknown-metric"
	// ErrNotBusinessOutcome: a candidate said to drive a metric that is not a
	// business outcome.
	ErrNotBusinessOutcome outcome.Code = "northstar-not-business-outcome"
	// ErrInvalidHierarchy: a hierarchy that answers inconsistently: a node
	// twice in its topological order, a child listed more than once among a
	// node's children, a child that does not come before its parent (itself
	// included) or is not in the order at all, a node without a valid level
	// or whose metric measures another level (IDs: the node's, the
	// metric's), two nodes whose metrics have one ID but are not the same
	// metric (IDs: the metric's, then the nodes'), a link weight that is
	// negative or out of range, or an error from one of its methods (a link
	// weight not found among them); or a hierarchy that disagrees with a
	// candidate on what it is (a node's metric of the candidate's ID at
	// another level or of another kind, or a node found by the candidate's
	// ID at another level: see [Select]). A [hierarchy.Model] refuses the
	// first kind at Build, so only a [Hierarchy] of another kind has them.
	ErrInvalidHierarchy outcome.Code = "northstar-invalid-hierarchy"
	// ErrInfluenceOverflow: an input metric whose influence on the North
	// Star ([InputMetric.Influence]) is too large for a float64 (about
	// 1.8·10^308): link weights that, multiplied along the hierarchy's
	// paths and added up over them, exceed it.
	ErrInfluenceOverflow outcome.Code = "northstar-influence-overflow"
	// ErrNoCandidates: a selection with no candidate.
	ErrNoCandidates outcome.Code = "northstar-no-candidates"
	// ErrInvalidRating: a rating with no aspect, a duplicate aspect, a scale
	// whose minimum is not below its maximum, or a value outside its scale.
	ErrInvalidRating outcome.Code = "northstar-invalid-rating"
	// ErrUnknownCriterion: text that names no criterion, or an invalid
	// criterion value.
	ErrUnknownCriterion outcome.Code = "northstar-unknown-criterion"
	// ErrUnknownGate: text that names no gate, or an invalid gate value.
	ErrUnknownGate outcome.Code = "northstar-unknown-gate"
	// ErrUnknownMethod: text that names no correlation method, or an invalid
	// method value.
	ErrUnknownMethod outcome.Code = "lead-lag-unknown-method"
	// ErrUnknownVerdict: text that names no lead/lag verdict.
	ErrUnknownVerdict outcome.Code = "lead-lag-unknown-verdict"
	// ErrInvalidLag: a negative maximum lag.
	ErrInvalidLag outcome.Code = "lead-lag-invalid-lag"
	// ErrInvalidConfidence: a confidence level that is not strictly between 0
	// and 1 (written as 1e-400 too, which is too small to hold and reads as
	// 0), or that is below the smallest normal float64, 2^-1022 (about
	// 2.2250738585072014e-308), a subnormal, which a float64 does not hold
	// to full precision.
	ErrInvalidConfidence outcome.Code = "lead-lag-invalid-confidence"
	// ErrSeriesLength: two time series of different lengths.
	ErrSeriesLength outcome.Code = "lead-lag-series-length"
	// ErrSeriesTooShort: a time series too short for the lag asked: fewer
	// than [MinPairs] pairs at the largest lag.
	ErrSeriesTooShort outcome.Code = "lead-lag-series-too-short"
	// ErrConstantSeries: a time series with zero variance over the pairs at
	// some lag, so no correlation is defined there.
	ErrConstantSeries outcome.Code = "lead-lag-constant-series"
	// ErrInvalidLeadLag: a lead/lag result read from JSON whose parts do not
	// agree as [AnalyzeLeadLag] makes them: correlations that are not one at
	// each lag from -maxLag to maxLag in order, each from the series' length
	// less |lag| pairs and from -1 to 1; a strongest correlation that is not
	// the strongest; a per-lag confidence, an interval or a verdict that does
	// not follow from the rest.
	ErrInvalidLeadLag outcome.Code = "lead-lag-invalid-result"
)

// maxQuoted bounds the length of user text quoted in a message.
const maxQuoted = 64

// clip shortens s for quoting in an error message.
func clip(s string) string { return clipN(s, maxQuoted) }

// clipN shortens s to at most n bytes, on a rune boundary, marking the cut.
func clipN(s string, n int) string { return msg.Clip(s, n) }

// newError is [outcome.NewError] with a copy of ids, so that every problem
// has IDs of its own, though several problems of one input are made from
// one slice: a caller who changes one problem's IDs changes no other.
func newError(code outcome.Code, ids []string, format string, args ...any) *outcome.Error {
	return outcome.NewError(code, slices.Clone(ids), format, args...)
}

// warning returns an *outcome.Error with severity warning, with a copy of
// ids as [newError] has.
func warning(code outcome.Code, ids []string, format string, args ...any) *outcome.Error {
	e := newError(code, ids, format, args...)
	e.Severity = outcome.SeverityWarning
	return e
}
