package hierarchy

import (
	"github.com/cxmodel/cx/outcome"
)

// The codes of the errors this package reports. Besides these, [Builder.Build]
// reports the codes of package outcome that mean the same thing here:
// [outcome.ErrEmptyID] and [outcome.ErrInvalidID] for a node's ID,
// [outcome.ErrDuplicateID] for an ID given to two nodes,
// [outcome.ErrUnknownLevel] for a node without a valid level and
// [outcome.ErrInvalidJSON] for a definition that is not valid JSON.
const (
	// ErrUnknownNode: a query names a node that is not in the model.
	ErrUnknownNode outcome.Code = "unknown-node"
	// ErrDanglingLink: a link comes from or goes to a node that was never added.
	ErrDanglingLink outcome.Code = "dangling-link"
	// ErrSelfLink: a link from a node to itself.
	ErrSelfLink outcome.Code = "self-link"
	// ErrDownwardLink: a link that goes down a level (an output "contributing
	// to" a task). Links go to the same level or a higher one.
	ErrDownwardLink outcome.Code = "downward-link"
	// ErrDuplicateLink: the same link (same from, same to) given more than once.
	ErrDuplicateLink outcome.Code = "duplicate-link"
	// ErrCycle: links that go round in a circle, so that a node contributes,
	// through others, to itself. The error's IDs are the nodes on the cycle,
	// in link order, starting from the smallest ID.
	ErrCycle outcome.Code = "hierarchy-cycle"
	// ErrNegativeWeight: a link with a weight below zero.
	ErrNegativeWeight outcome.Code = "negative-link-weight"
	// ErrInvalidWeight: a link weight that is not a decimal number (text that
	// does not parse, NaN), has more than [WeightPlaces] decimal places, or is
	// above [MaxWeight]; in JSON, also one written with an exponent beyond
	// ±10000 ("1e20000").
	ErrInvalidWeight outcome.Code = "invalid-link-weight"
	// ErrMetricLevel: a node's metric measures another level than the node's.
	ErrMetricLevel outcome.Code = "metric-level-mismatch"
	// ErrUnknownWarning: [WarningsAsErrors] was given a code that is not one
	// of the warnings of this package.
	ErrUnknownWarning outcome.Code = "unknown-warning-code"
	// ErrInvalidLimit: a limit on the number of results below 1.
	ErrInvalidLimit outcome.Code = "invalid-limit"
	// ErrTooLarge: more nodes or links than the model's 32-bit indices hold.
	ErrTooLarge outcome.Code = "hierarchy-too-large"
	// ErrInvalidPlaces: a number of decimal places for a value set outside
	// 0 to [MaxValuePlaces].
	ErrInvalidPlaces outcome.Code = "invalid-value-places"
	// ErrInvalidValue: a node's value with more decimal places than its set
	// keeps, or too large for it.
	ErrInvalidValue outcome.Code = "invalid-node-value"
	// ErrForeignValues: a value set made by a model with other node IDs, or
	// the same IDs in another order (see [Values]), or by no model (nil, the
	// zero Values); and a value set's binary form written from such a model.
	ErrForeignValues outcome.Code = "values-of-another-model"
	// ErrPlacesDiffer: value sets merged that keep different numbers of
	// decimal places.
	ErrPlacesDiffer outcome.Code = "value-places-differ"
	// ErrUnknownMethod: a roll-up method that is not one of [WeightedSum],
	// [WeightedMean], [Min] and [Max].
	ErrUnknownMethod outcome.Code = "unknown-roll-up-method"
	// ErrRollUpOverflow: a rolled-up value beyond the 128-bit fixed point the
	// roll-up computes in (about 1.7·10^38 units of its last decimal place).
	ErrRollUpOverflow outcome.Code = "roll-up-overflow"
	// ErrRollUpPrecision: weights whose decimal places, added up along a
	// path of links, and the values' places come to more than 38, so that
	// an exact weighted sum would need more places than the roll-up
	// computes in. The IDs are the nodes of such a path, from the bottom.
	ErrRollUpPrecision outcome.Code = "roll-up-precision"
	// ErrMissingValue: a value an attribution needs is missing: an input
	// beneath the node has no value in one of the periods.
	ErrMissingValue outcome.Code = "missing-value"
	// ErrMeasuredDiffer: the two periods of an attribution measure different
	// nodes beneath the node attributed.
	ErrMeasuredDiffer outcome.Code = "measured-nodes-differ"
)

// The codes of the warnings [Builder.Build] reports with the model
// ([Model.Warnings]). They do not block Build unless [WarningsAsErrors] says
// so.
const (
	// ErrOrphan: a node that reaches no successful customer outcome: work
	// aligned to nothing ("you may be doing dumb stuff really well").
	ErrOrphan outcome.Code = "orphan-node"
	// ErrUndeliveredOutcome: a successful customer outcome that no work
	// feeds, directly or through other customer outcomes (nothing feeds it,
	// or only customer outcomes that no work feeds): an outcome nobody
	// delivers.
	ErrUndeliveredOutcome outcome.Code = "undelivered-outcome"
	// ErrSkippedLevel: a link that skips a level, such as a task that
	// contributes straight to a business outcome.
	ErrSkippedLevel outcome.Code = "skipped-level"
	// ErrNoOutput: a business outcome with no output anywhere beneath it.
	ErrNoOutput outcome.Code = "business-outcome-without-output"
)

// isWarning reports whether c is the code of one of this package's warnings.
func isWarning(c outcome.Code) bool {
	switch c {
	case ErrOrphan, ErrUndeliveredOutcome, ErrSkippedLevel, ErrNoOutput:
		return true
	}
	return false
}

// maxQuoted bounds the length of user text quoted in a message.
const maxQuoted = 64

// clip shortens s to at most maxQuoted bytes, on a rune boundary, marking the cut.
func clip(s string) string { return clipN(s, maxQuoted) }

// newError returns an *outcome.Error with severity error.
func newError(code outcome.Code, ids []string, format string, args ...any) *outcome.Error {
	return outcome.NewError(code, ids, format, args...)
}

// newWarning returns an *outcome.Error with severity warning.
func newWarning(code outcome.Code, ids []string, format string, args ...any) *outcome.Error {
	e := outcome.NewError(code, ids, format, args...)
	e.Severity = outcome.SeverityWarning
	return e
}
