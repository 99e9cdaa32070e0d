package render

import (
	"github.com/cxmodel/cx/outcome"

	"github.com/cxmodel/cx/internal/msg"
)

// The codes of the errors this package reports. Besides these, [Mermaid] and
// [DOT] report [hierarchy.ErrUnknownNode] for an option that names a node the
// model does not hold, and [outcome.ErrUnknownLevel] for levels to hide that
// are not among the five: one error naming each of them once, in ascending
// order (the first 8, and how many more).
const (
	// ErrNodeNotShown: [DiagramOptions] name a node, to highlight or to
	// serve, that the other options leave out of the diagram: its level is
	// hidden, or it is not part of what the diagram serves.
	ErrNodeNotShown outcome.Code = "diagram-node-not-shown"
	// ErrHiddenCustomerOutcomes: [DiagramOptions] hide the level of the
	// successful customer outcomes, where every line of sight ends, so that
	// nothing would be left to re-route links to.
	ErrHiddenCustomerOutcomes outcome.Code = "diagram-hides-customer-outcomes"
	// ErrNothingToRender: a table renderer was given the zero value of a
	// result (an [outcome.AuditReport], a [triplecrown.Score], a
	// [triplecrown.Contributions]), which is what a failed computation
	// returns with its error, not a result to show.
	ErrNothingToRender outcome.Code = "nothing-to-render"
)

// clip shortens s for quoting in an error message, on a rune boundary,
// marking the cut with "...".
func clip(s string) string { return msg.Clip(s, msg.MaxQuoted) }

// newError returns an *outcome.Error with severity error.
func newError(code outcome.Code, ids []string, format string, args ...any) *outcome.Error {
	return outcome.NewError(code, ids, format, args...)
}
