package outcome

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxmodel/cx/internal/msg"
)

// Code is the stable, machine-readable name of a kind of problem: an error in
// user input or a finding of an audit. Codes are lower-case and hyphenated,
// unique across the whole module, and never change once released, so a BI tool
// may store them and switch on them.
//
// A Code is also an error, so that it can be the target of [errors.Is]:
//
//	if errors.Is(err, outcome.ErrDuplicateID) { ... }
//
// The package-level ErrX constants are the codes of this package; the other
// packages of the module declare theirs as outcome.Code constants too. The
// zero Code, "", names no problem: no *[Error] of the module carries it.
type Code string

// Error returns the code itself, so that a bare sentinel prints as its code.
func (c Code) Error() string { return string(c) }

// The codes of errors in user input reported by this package.
const (
	// ErrEmptyID: an ID is empty or only white space.
	ErrEmptyID Code = "empty-id"
	// ErrInvalidID: an ID has surrounding white space or control characters.
	ErrInvalidID Code = "invalid-id"
	// ErrDuplicateID: two definitions share one ID.
	ErrDuplicateID Code = "duplicate-id"
	// ErrEmptyName: a metric has no name.
	ErrEmptyName Code = "empty-name"
	// ErrInvalidText: free text (a name, unit, owner or description) that is
	// not valid UTF-8, and so could not survive a JSON round trip unchanged.
	ErrInvalidText Code = "invalid-text"
	// ErrUnknownLevel: a level is the zero value or text that names no level.
	ErrUnknownLevel Code = "unknown-level"
	// ErrUnknownDirection: a direction is the zero value or text that names no direction.
	ErrUnknownDirection Code = "unknown-direction"
	// ErrUnknownNPSGroup: an NPS group is the zero value or text that names
	// no group.
	ErrUnknownNPSGroup Code = "unknown-nps-group"
	// ErrUnknownKind: text that names no business-outcome kind.
	ErrUnknownKind Code = "unknown-kind"
	// ErrMissingKind: a business-outcome metric without its kind (revenue, cost, service, compliance).
	ErrMissingKind Code = "missing-kind"
	// ErrUnexpectedKind: a kind given for a metric that is not a business outcome.
	ErrUnexpectedKind Code = "unexpected-kind"
	// ErrInvalidJSON: JSON that is malformed, has the wrong shape or has unknown fields.
	ErrInvalidJSON Code = "invalid-json"
	// ErrInvalidThreshold: a threshold that is NaN, infinite or outside its range.
	ErrInvalidThreshold Code = "invalid-threshold"
	// ErrNotFinite: a float64 input that is NaN or infinite.
	ErrNotFinite Code = "not-finite"
	// ErrUnknownSeverity: a severity is the zero value or text that names no severity.
	ErrUnknownSeverity Code = "unknown-severity"
	// ErrResultNotDecodable: JSON decoded into a result that is written for
	// a dashboard and not read back (an [AuditReport], a [Finding], or
	// another package's result, such as a hierarchy roll-up): its
	// JSON form does not hold everything the value does, so decoding it
	// could only give another value or, silently, the zero one.
	ErrResultNotDecodable Code = "result-not-decodable"
	// ErrInvalidResult: a result read from JSON whose values no computation
	// of the package gives: a [ProportionComparison] whose difference,
	// standard error, z or p-value is not what [CompareProportions] gives
	// for its A and B at its confidence; an [Interval]'s bound on the wrong
	// side of its estimate; a [ScoreTest]'s z that is not its difference over
	// its standard error; a [Classification] without its level's reason; a
	// [ReasonCount]'s share above 1; or a number too small for a float64 to
	// hold, which reads as 0 ("1e-400"). Each decoder documents its checks.
	ErrInvalidResult Code = "invalid-result"
)

// Severity says how serious a problem is. An error blocks (a constructor
// refuses the input); a warning is reported but does not block, so that a new
// check can start as a warning before it becomes an error.
//
// The zero Severity is invalid.
type Severity uint8

// The severities, from least to most serious.
const (
	SeverityWarning Severity = iota + 1
	SeverityError
)

// String returns "warning" or "error", or "Severity(N)" for an invalid value.
func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// IsValid reports whether s is [SeverityWarning] or [SeverityError].
func (s Severity) IsValid() bool { return s == SeverityWarning || s == SeverityError }

// IsZero reports whether s is the zero (invalid) Severity.
func (s Severity) IsZero() bool { return s == 0 }

// ParseSeverity parses "warning" or "error", ignoring case and surrounding
// white space. Anything else is an error with code [ErrUnknownSeverity].
func ParseSeverity(text string) (Severity, error) {
	switch t := strings.TrimSpace(text); {
	case strings.EqualFold(t, "warning"):
		return SeverityWarning, nil
	case strings.EqualFold(t, "error"):
		return SeverityError, nil
	}
	return 0, NewError(ErrUnknownSeverity, nil, "outcome: unknown severity %q", clip(text))
}

// Error is a problem found in user input. It carries the problem's stable
// [Code], its [Severity], the IDs of the things involved (metrics, nodes,
// units; empty when none applies) and a readable message, and it wraps the
// underlying cause, if any. errors.Is(err, code) matches its Code, and
// errors.As(err, &e) with e of type *Error retrieves it, also from inside an
// error made by [errors.Join].
//
// Its JSON form, for storing and showing problems (a model's warnings, say),
// is {"code":..., "severity":..., "ids":[...], "message":...}, "ids" left
// out when none applies; the cause is left out. It reads back with every
// problem of its form reported ([Error.UnmarshalJSON]).
//
// The zero Error is no problem: it has the zero [Code], an invalid
// [Severity] (so it does not marshal to JSON) and an empty message, and the
// module never returns one.
type Error struct {
	// Code is the problem's stable code; errors.Is(err, Code) matches it.
	Code Code `json:"code"`
	// Severity says whether the problem blocks (an error) or is reported
	// for attention only (a warning).
	Severity Severity `json:"severity"`
	// IDs are the IDs of the things involved, in the order the message
	// names them; empty when none applies.
	IDs []string `json:"ids,omitempty"`
	// Message is the whole message, prefixed with the reporting package's
	// name, e.g. `outcome: duplicate metric id "aht"`.
	Message string `json:"message"`
	// Err is the underlying cause (a JSON syntax error, say), or nil. The
	// JSON form leaves it out: the message already says what it says.
	Err error `json:"-"`
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Equal reports whether e and o report the same problem, as their JSON form
// says it: the same code, severity, IDs in order (no IDs equals an empty
// list, which the form writes the same way, by leaving "ids" out) and
// message. The cause (Err) is not compared: the form leaves it out, and the
// message already says it, so a problem read back from storage is Equal to
// the one reported. A nil *Error is Equal only to nil.
func (e *Error) Equal(o *Error) bool {
	if e == nil || o == nil {
		return e == o
	}
	return e.Code == o.Code && e.Severity == o.Severity && slices.Equal(e.IDs, o.IDs) && e.Message == o.Message
}

// Unwrap returns the Code and, if there is one, the underlying cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Code}
	}
	return []error{e.Code, e.Err}
}

// NewError returns an *Error with severity [SeverityError]; the message is
// formatted by [fmt.Sprintf] and must carry the package prefix. It is for the
// other packages of this module, which report their problems in the same
// shape.
func NewError(code Code, ids []string, format string, args ...any) *Error {
	return &Error{Code: code, Severity: SeverityError, IDs: ids, Message: fmt.Sprintf(format, args...)}
}

// Problems returns every *Error in err's tree, in depth-first order: the
// problems a validation reported through [errors.Join], say, also when they
// are wrapped by [fmt.Errorf] with %w. It does not look inside an *Error (its
// cause is part of that one problem). It returns nil if err is nil or holds
// no *Error.
func Problems(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		switch x := err.(type) {
		case nil:
		case *Error:
			if x != nil {
				out = append(out, x)
			}
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		}
	}
	walk(err)
	return out
}

// clip shortens s for quoting in an error message.
func clip(s string) string { return msg.Clip(s, msg.MaxQuoted) }

// clipN shortens s to at most n bytes, marking the cut with "...".
func clipN(s string, n int) string { return msg.Clip(s, n) }
