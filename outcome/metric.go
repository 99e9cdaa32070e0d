package outcome

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/msg"
)

// MaxIDLen is the longest ID, in bytes, that [ValidateID] accepts.
const MaxIDLen = 256

// ValidateID reports whether id is a valid ID for a metric (and, in the other
// packages, for a node, a category or a unit): non-empty, valid UTF-8, at most
// [MaxIDLen] bytes, without surrounding white space and without control
// characters. It returns nil or an *[Error] with code [ErrEmptyID] or
// [ErrInvalidID].
func ValidateID(id string) error {
	switch {
	case strings.TrimSpace(id) == "":
		return NewError(ErrEmptyID, nil, "outcome: empty id")
	case !utf8.ValidString(id):
		return NewError(ErrInvalidID, []string{id}, "outcome: id %q is not valid UTF-8", clip(id))
	case len(id) > MaxIDLen:
		return NewError(ErrInvalidID, []string{id}, "outcome: id %q is longer than %d bytes", clip(id), MaxIDLen)
	case strings.TrimSpace(id) != id:
		return NewError(ErrInvalidID, []string{id}, "outcome: id %q has surrounding white space", clip(id))
	case strings.IndexFunc(id, unicode.IsControl) >= 0:
		return NewError(ErrInvalidID, []string{id}, "outcome: id %q has a control character", clip(id))
	}
	return nil
}

// MetricSpec is the definition of a [Metric] as plain data: what a caller
// fills in, and the metric's JSON form. [NewMetric] validates it. Read from
// JSON on its own ([MetricSpec.UnmarshalJSON]) it is read as strictly as a
// metric's JSON, every problem of the form reported, but not validated:
// NewMetric does that. The zero MetricSpec defines nothing: it has no ID,
// name, level or direction, and NewMetric reports each of the four.
type MetricSpec struct {
	// ID identifies the metric; see [ValidateID].
	ID string `json:"id"`
	// Name is what people call it, e.g. "Average handle time". Required.
	Name string `json:"name"`
	// Level is the rung of the hierarchy the metric measures. Required.
	Level Level `json:"level"`
	// Direction says which way is better. Required.
	Direction Direction `json:"direction"`
	// Unit is free text: "seconds", "%", "EUR", "calls".
	Unit string `json:"unit,omitempty"`
	// Kind is the kind of business outcome. Required for a
	// [BusinessOutcome] metric, and must be zero for any other level.
	Kind Kind `json:"kind,omitzero"`
	// Owner is who is accountable for the metric: a team, a role.
	Owner string `json:"owner,omitempty"`
	// Rewarded says whether the metric is tied to a reward or incentive
	// (a bonus, a target in a performance review).
	Rewarded bool `json:"rewarded,omitempty"`
	// Description is free text.
	Description string `json:"description,omitempty"`
}

// Equal reports whether s and o define the same metric, field by field: ID,
// Name, Unit, Owner and Description as exact strings (case and white space
// count), Level, Direction, Kind and Rewarded with ==. A MetricSpec is
// comparable, so s == o says the same; Equal is there for cmp and for the
// helpers that compare values with Equal.
func (s MetricSpec) Equal(o MetricSpec) bool {
	return s.ID == o.ID && s.Name == o.Name && s.Level == o.Level && s.Direction == o.Direction &&
		s.Unit == o.Unit && s.Kind == o.Kind && s.Owner == o.Owner && s.Rewarded == o.Rewarded &&
		s.Description == o.Description
}

// Metric is a validated definition of a measure: what it is called, which
// rung of the hierarchy it measures, which way is better, who owns it and
// whether people are rewarded for it. Build one with [NewMetric].
//
// Metric is immutable and safe to copy. The zero Metric is not a valid
// definition; [Metric.IsZero] reports it.
type Metric struct {
	spec MetricSpec
}

// NewMetric validates spec and returns the Metric it defines. Every problem
// is reported, each an *[Error] with its code, one as itself and several
// joined with [errors.Join], in this order: the ID's ([ErrEmptyID] or
// [ErrInvalidID]), [ErrEmptyName], [ErrUnknownLevel], [ErrUnknownDirection],
// then the kind's: [ErrUnknownKind] for a value that is not a kind,
// [ErrMissingKind] for a business-outcome metric without a kind, or
// [ErrUnexpectedKind] for a kind on any other level; last, [ErrInvalidText]
// for each of the name, unit, owner and description that is not valid UTF-8.
func NewMetric(spec MetricSpec) (Metric, error) {
	return validateMetric(spec, metricText{})
}

// metricText says what of a metric decoded from JSON [metricProblems] must
// report otherwise than [NewMetric] does: the text of its level, direction
// and kind when it named nothing, so that it is quoted, and the fields whose
// JSON value had the wrong type (bit 1<<metricFieldX), already reported, so
// that they are not checked again.
type metricText struct {
	level, direction, kind string
	wrongType              uint16
}

// namedNothing reports whether the field (metricFieldX) is the level,
// direction or kind, and its text named nothing.
func (bad metricText) namedNothing(field int) bool {
	switch field {
	case metricFieldLevel:
		return bad.level != ""
	case metricFieldDirection:
		return bad.direction != ""
	case metricFieldKind:
		return bad.kind != ""
	}
	return false
}

// validateMetric is [NewMetric]; bad says which of spec's level, direction
// and kind are zero because their text (non-empty) named nothing.
func validateMetric(spec MetricSpec, bad metricText) (Metric, error) {
	if errs := metricProblems(spec, bad); len(errs) > 0 {
		return Metric{}, msg.JoinFlat(errs...)
	}
	return Metric{spec: spec}, nil
}

// metricProblems returns every problem of spec, in [NewMetric]'s order,
// reported as bad says (see [metricText]).
func metricProblems(spec MetricSpec, bad metricText) []error { return metricChecks(spec, bad, true) }

// metricTextProblems returns the problems of spec that a [MetricSpec] read
// from JSON cannot hold, as [metricProblems] reports them: level,
// direction and kind text that named nothing, in that order.
func metricTextProblems(spec MetricSpec, bad metricText) []error {
	return metricChecks(spec, bad, false)
}

// metricChecks returns the problems of spec as [metricProblems] does if
// all, or, if not, only those of level, direction and kind text that named
// nothing ([metricTextProblems]).
func metricChecks(spec MetricSpec, bad metricText, all bool) []error {
	var errs []error
	add := func(code Code, format string, args ...any) {
		var ids []string // none for a metric without an ID
		if spec.ID != "" {
			ids = []string{spec.ID} // one slice per problem: they do not alias
		}
		errs = append(errs, NewError(code, ids, format, args...))
	}
	checked := func(field int) bool { return bad.wrongType&(1<<field) == 0 }
	if !all {
		// Only text that named nothing: a field of the wrong type was
		// reported, and every other check is NewMetric's.
		checked = func(field int) bool { return bad.wrongType&(1<<field) == 0 && bad.namedNothing(field) }
	}
	if err := ValidateID(spec.ID); err != nil && checked(metricFieldID) {
		errs = append(errs, err)
	}
	// The metric as the messages name it: by its ID, quoted, or, when its
	// JSON "id" was not a string (already reported), by that.
	id := metricLabel(spec.ID, bad.wrongType&(1<<metricFieldID) != 0)
	if strings.TrimSpace(spec.Name) == "" && checked(metricFieldName) {
		add(ErrEmptyName, "outcome: metric %s has no name", id)
	}
	switch {
	case !checked(metricFieldLevel):
	case bad.level != "":
		add(ErrUnknownLevel, "outcome: metric %s has an unknown level %q", id, clip(bad.level))
	case !spec.Level.IsValid():
		add(ErrUnknownLevel, "outcome: metric %s has no valid level", id)
	}
	switch {
	case !checked(metricFieldDirection):
	case bad.direction != "":
		add(ErrUnknownDirection, "outcome: metric %s has an unknown direction %q", id, clip(bad.direction))
	case !spec.Direction.IsValid():
		add(ErrUnknownDirection, "outcome: metric %s has no valid direction", id)
	}
	switch {
	case !checked(metricFieldKind):
	case bad.kind != "":
		add(ErrUnknownKind, "outcome: metric %s has an unknown business-outcome kind %q", id, clip(bad.kind))
	case !spec.Kind.IsZero() && !spec.Kind.IsValid():
		add(ErrUnknownKind, "outcome: metric %s has an invalid kind %d", id, uint8(spec.Kind))
	case spec.Level == BusinessOutcome && spec.Kind.IsZero():
		add(ErrMissingKind, "outcome: business-outcome metric %s has no kind (revenue, cost, service or compliance)", id)
	case spec.Level.IsValid() && spec.Level != BusinessOutcome && !spec.Kind.IsZero():
		add(ErrUnexpectedKind, "outcome: metric %s has kind %s, but only a business outcome has a kind (its level is %s)",
			id, spec.Kind, spec.Level)
	}
	if all {
		errs = appendMetricTextProblems(errs, spec, id)
	}
	return errs
}

// appendMetricTextProblems appends to errs a problem ([ErrInvalidText]) of
// each of spec's name, unit, owner and description that is not valid
// UTF-8, in that order, naming the metric as id (see [metricLabel]) and
// with spec's ID among its IDs when it is not empty.
func appendMetricTextProblems(errs []error, spec MetricSpec, id string) []error {
	for _, f := range [...]struct{ field, text string }{
		{"a name", spec.Name}, {"a unit", spec.Unit}, {"an owner", spec.Owner}, {"a description", spec.Description},
	} {
		if !utf8.ValidString(f.text) {
			var ids []string // none for a metric without an ID
			if spec.ID != "" {
				ids = []string{spec.ID}
			}
			errs = append(errs, NewError(ErrInvalidText, ids, "outcome: metric %s has %s that is not valid UTF-8: %q",
				id, f.field, clip(f.text)))
		}
	}
	return errs
}

// metricLabel returns what follows "metric" in a message about the metric
// with the given ID: the ID quoted (`"aht"`, `""` for none), or, if
// idNotString, `whose "id" is not a string`, so that a metric whose JSON ID
// was a number is not called metric "".
func metricLabel(id string, idNotString bool) string {
	if idNotString {
		return `whose "id" is not a string`
	}
	return strconv.Quote(clip(id))
}

// MustMetric is like [NewMetric] but panics if spec is invalid. It is meant
// for definitions written as literals in programs and tests.
func MustMetric(spec MetricSpec) Metric {
	m, err := NewMetric(spec)
	if err != nil {
		panic(err)
	}
	return m
}

// ID returns the metric's ID.
func (m Metric) ID() string { return m.spec.ID }

// Name returns the metric's name.
func (m Metric) Name() string { return m.spec.Name }

// Level returns the rung of the hierarchy the metric measures.
func (m Metric) Level() Level { return m.spec.Level }

// Direction returns which way is better.
func (m Metric) Direction() Direction { return m.spec.Direction }

// Unit returns the metric's unit, or "".
func (m Metric) Unit() string { return m.spec.Unit }

// Kind returns the business-outcome kind, or the zero Kind for a metric that
// is not a business outcome.
func (m Metric) Kind() Kind { return m.spec.Kind }

// Owner returns who is accountable for the metric, or "".
func (m Metric) Owner() string { return m.spec.Owner }

// Rewarded reports whether the metric is tied to a reward or incentive.
func (m Metric) Rewarded() bool { return m.spec.Rewarded }

// Description returns the metric's description, or "".
func (m Metric) Description() string { return m.spec.Description }

// IsOutcome reports whether the metric measures an outcome (a business
// outcome or a successful customer outcome) rather than work or its outputs.
func (m Metric) IsOutcome() bool { return m.spec.Level.IsOutcome() }

// Spec returns the metric's definition as plain data; NewMetric(m.Spec())
// returns a Metric equal to m.
func (m Metric) Spec() MetricSpec { return m.spec }

// IsZero reports whether m is the zero Metric.
func (m Metric) IsZero() bool { return m.spec == MetricSpec{} }

// Equal reports whether m and o have the same definition, field by field,
// as [MetricSpec.Equal] compares them.
func (m Metric) Equal(o Metric) bool { return m.spec.Equal(o.spec) }
