package outcome

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
)

// MarshalText implements [encoding.TextMarshaler]. It returns the level's
// stable token: "task", "activity", "output", "business-outcome" or
// "customer-outcome". Marshalling the zero Level is an error with code
// [ErrUnknownLevel].
func (l Level) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, NewError(ErrUnknownLevel, nil, "outcome: cannot marshal invalid level %d", uint8(l))
	}
	return []byte(l.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseLevel].
func (l *Level) UnmarshalText(text []byte) error {
	v, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "higher-is-better" or
// "lower-is-better". Marshalling the zero Direction is an error with code
// [ErrUnknownDirection].
func (d Direction) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, NewError(ErrUnknownDirection, nil, "outcome: cannot marshal invalid direction %d", uint8(d))
	}
	return []byte(d.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseDirection].
func (d *Direction) UnmarshalText(text []byte) error {
	v, err := ParseDirection(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "revenue", "cost",
// "service" or "compliance", and "" for the zero Kind ("no kind"). Any other
// value is an error with code [ErrUnknownKind].
func (k Kind) MarshalText() ([]byte, error) {
	if k.IsZero() {
		return []byte{}, nil
	}
	if !k.IsValid() {
		return nil, NewError(ErrUnknownKind, nil, "outcome: cannot marshal invalid kind %d", uint8(k))
	}
	return []byte(k.token()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseKind];
// empty text is the zero Kind ("no kind").
func (k *Kind) UnmarshalText(text []byte) error {
	if len(bytes.TrimSpace(text)) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// MarshalText implements [encoding.TextMarshaler]: "warning" or "error".
// Marshalling the zero Severity is an error with code [ErrUnknownSeverity].
func (s Severity) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, NewError(ErrUnknownSeverity, nil, "outcome: cannot marshal invalid severity %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseSeverity].
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON implements [json.Marshaler]: the metric's [MetricSpec] as a
// JSON object. A zero Metric cannot be marshalled.
func (m Metric) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return nil, NewError(ErrEmptyID, nil, "outcome: cannot marshal the zero Metric")
	}
	return json.Marshal(m.Spec())
}

// metricSpecJSON is the JSON form of a [MetricSpec]: its fields, with the
// level, direction and kind as their text.
type metricSpecJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Level       string `json:"level"`
	Direction   string `json:"direction"`
	Unit        string `json:"unit,omitempty"`
	Kind        string `json:"kind,omitzero"`
	Owner       string `json:"owner,omitempty"`
	Rewarded    bool   `json:"rewarded,omitempty"`
	Description string `json:"description,omitempty"`
}

// MarshalJSON implements [json.Marshaler]: the spec as encoding/json writes
// its fields, {"id","name","level","direction"} and those of "unit",
// "kind", "owner", "rewarded" and "description" that are not empty (false
// for "rewarded"), with the level, direction and kind as their text
// ([Level.MarshalText]), but for the zero Level or Direction, which it
// writes as "" (as [MetricSpec.UnmarshalJSON] reads it back), where
// encoding/json would fail: a spec that is not yet complete (a draft
// without a level) marshals and reads back Equal. The JSON of a spec it
// writes is the JSON encoding/json wrote before this method.
//
// A spec whose JSON would not read back as it is does not marshal. The error
// is every problem, one as its *[Error] itself, several joined with
// [errors.Join], in [NewMetric]'s order, each an *[Error] with the spec's ID
// (none when it is empty): an ID that is not valid UTF-8, said as
// [ValidateID] says it ([ErrInvalidID]); a Level, Direction or Kind that is
// no value of its type ([ErrUnknownLevel], [ErrUnknownDirection],
// [ErrUnknownKind], as its MarshalText says it, with no ID); then each of the
// name, unit, owner and description that is not valid UTF-8, in NewMetric's
// words ([ErrInvalidText], `outcome: metric "aht" has a unit that is not
// valid UTF-8: "s\xff"`), which encoding/json would write with each bad byte
// replaced by U+FFFD, to read back as other text. A draft's other gaps (no
// ID, no name, no level) are not problems here: NewMetric reports them.
func (s MetricSpec) MarshalJSON() ([]byte, error) {
	var errs []error
	if !utf8.ValidString(s.ID) {
		errs = append(errs, ValidateID(s.ID)) // not valid UTF-8, so not blank: ValidateID says so
	}
	w := metricSpecJSON{ID: s.ID, Name: s.Name, Unit: s.Unit, Owner: s.Owner, Rewarded: s.Rewarded, Description: s.Description}
	for _, f := range [...]struct {
		zero bool
		m    interface{ MarshalText() ([]byte, error) }
		dst  *string
	}{{s.Level == 0, s.Level, &w.Level}, {s.Direction == 0, s.Direction, &w.Direction}, {false, s.Kind, &w.Kind}} {
		if f.zero {
			continue
		}
		text, err := f.m.MarshalText()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		*f.dst = string(text)
	}
	errs = appendMetricTextProblems(errs, s, metricLabel(s.ID, false))
	if len(errs) > 0 {
		return nil, msg.JoinFlat(errs...)
	}
	return json.Marshal(w)
}

// metricFields are the JSON names of a [MetricSpec]'s fields, in its order,
// indexed by the metricFieldX constants.
var metricFields = []string{"id", "name", "level", "direction", "unit", "kind", "owner", "rewarded", "description"}

// The indexes of a metric's fields in metricFields.
const (
	metricFieldID = iota
	metricFieldName
	metricFieldLevel
	metricFieldDirection
	metricFieldUnit
	metricFieldKind
	metricFieldOwner
	metricFieldRewarded
	metricFieldDescription
	metricFieldCount
)

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a [MetricSpec] and
// validates it exactly as [NewMetric] does, with the same codes (level,
// direction or kind text that names nothing is [ErrUnknownLevel],
// [ErrUnknownDirection] or [ErrUnknownKind]). A field that is absent is
// empty (false for "rewarded"). JSON null is not a field's value: it is
// refused as a value of the wrong type, below, never read as absent or
// empty.
//
// It reports every problem of the definition, one as its *[Error] itself,
// several joined with [errors.Join]: first, in the order of the fields (as
// the package doc says), each problem of the JSON form, an *[Error] with code
// [ErrInvalidJSON]: a key that names no field, a field given twice (also
// under keys that differ only in case, as encoding/json matches them, so "ID"
// repeats "id"; the first is the one checked) and a value of the wrong JSON
// type, null included ("rewarded":"yes", "level":3, `outcome: metric "aht":
// "rewarded" must be true or false, not null`), whose field is then not
// checked again (a null name is not also reported empty); then the problems
// NewMetric reports, in its order. Every problem names the metric's ID among
// its IDs when the JSON has one as a string, even an invalid one, as
// NewMetric does; a metric whose "id" is not a string, null included, has no
// ID and is named `metric whose "id" is not a string` in the messages.
//
// JSON that is not one object is a single problem with code
// [ErrInvalidJSON] and no ID: malformed JSON, text that is not valid UTF-8,
// anything after the object but white space, and any other value, null
// included. On error, m is left unchanged.
//
// To decode a list of metrics and report every problem of every metric, use
// [DecodeMetrics]: encoding/json keeps only the first error of a list.
func (m *Metric) UnmarshalJSON(data []byte) error {
	v, err := decodeMetric(nil, data)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// decodeMetric is [Metric.UnmarshalJSON], reading the members of data with
// r, which reads them as [strictjson.Members] does, to the same results and
// errors, if it is not nil: [DecodeMetrics] reads every element with one,
// whose key cache gives the keys that repeat from metric to metric as the
// same strings and whose blocks hold many metrics' members.
func decodeMetric(r *strictjson.Reader, data []byte) (Metric, error) {
	if isJSONNull(data) {
		return Metric{}, nullValue("a metric")
	}
	var members []strictjson.Member
	var err error
	if r != nil {
		members, err = r.Members(data)
	} else {
		members, err = strictjson.Members(data)
	}
	if err != nil {
		return Metric{}, invalidJSON(err)
	}
	spec, bad, j := readMetricSpec(members)
	j.checks = append(j.checks, metricProblems(spec, bad)...)
	if err := j.err(); err != nil {
		return Metric{}, err
	}
	return Metric{spec: spec}, nil
}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a definition on its
// own exactly as [Metric.UnmarshalJSON] reads one, with the same problems of
// the JSON form in the same words, but does not validate it as a Metric:
// a spec may be incomplete until [NewMetric] checks it, so an absent or
// empty ID, name, level or direction, a business outcome without a kind or
// a kind on another level are read as given (NewMetric reports them). A
// field that is absent is empty (false for "rewarded"), and level,
// direction or kind text that is empty is the zero value.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field, a field given twice (also under keys that differ
// only in case, as encoding/json matches them, so "ID" repeats "id"; the
// first is the one read) and a value of the wrong JSON type, null included
// (`outcome: metric "aht": "rewarded" must be true or false, not null`); then
// level, direction and kind text that names none, which a MetricSpec cannot
// hold, with the codes and words of Metric.UnmarshalJSON ([ErrUnknownLevel],
// [ErrUnknownDirection], [ErrUnknownKind]: `outcome: metric "aht" has an
// unknown level "sideways"`). Every problem names the spec's ID among its IDs
// when the JSON has one as a string that is not empty; a spec whose "id" is
// not a string is named `metric whose "id" is not a string`. JSON that is not
// one object is a single problem with code ErrInvalidJSON and no ID
// (malformed JSON, text that is not valid UTF-8, anything after the object),
// and so is JSON null: `outcome: a metric spec cannot be null`. On error, s
// is left unchanged.
func (s *MetricSpec) UnmarshalJSON(data []byte) error {
	if isJSONNull(data) {
		return nullValue("a metric spec")
	}
	members, err := strictjson.Members(data)
	if err != nil {
		return invalidJSON(err)
	}
	spec, bad, j := readMetricSpec(members)
	j.checks = append(j.checks, metricTextProblems(spec, bad)...)
	if err := j.err(); err != nil {
		return err
	}
	*s = spec
	return nil
}

// readMetricSpec reads members, those of a metric's JSON object, into a
// [MetricSpec], as [Metric.UnmarshalJSON] and [MetricSpec.UnmarshalJSON]
// read one: j holds the problems of its form, and bad says what of the
// spec [metricProblems] must report otherwise than NewMetric does.
func readMetricSpec(members []strictjson.Member) (spec MetricSpec, bad metricText, j jsonForm) {
	idNotString := false
	for _, mb := range members {
		if strictjson.Field(metricFields, mb.Key) == metricFieldID {
			if isJSONNull(mb.Value) || json.Unmarshal(mb.Value, &spec.ID) != nil {
				spec.ID, idNotString = "", true // no ID to name
			}
			break // the first "id" is the one read
		}
	}
	j = jsonForm{what: "metric " + metricLabel(spec.ID, idNotString), members: true}
	if spec.ID != "" {
		j.ids = []string{spec.ID}
	}
	var text [metricFieldCount]string
	j.each(members, metricFields, func(f int, raw json.RawMessage) {
		if f == metricFieldRewarded {
			j.value(metricFields[f], "true or false", raw, &spec.Rewarded)
			return
		}
		if !j.value(metricFields[f], "a string", raw, &text[f]) {
			bad.wrongType |= 1 << f
		}
	})
	spec.Name, spec.Unit, spec.Owner, spec.Description =
		text[metricFieldName], text[metricFieldUnit], text[metricFieldOwner], text[metricFieldDescription]
	if t := text[metricFieldLevel]; t != "" {
		if l, err := ParseLevel(t); err == nil {
			spec.Level = l
		} else {
			bad.level = t
		}
	}
	if t := text[metricFieldDirection]; t != "" {
		if d, err := ParseDirection(t); err == nil {
			spec.Direction = d
		} else {
			bad.direction = t
		}
	}
	if t := text[metricFieldKind]; spec.Kind.UnmarshalText([]byte(t)) != nil {
		bad.kind = t
	}
	return spec, bad, j
}

// jsonForm collects the problems of a value decoded from a JSON object
// member by member, so that every problem is reported, not the first: first
// the problems of the JSON form (form), in the order of the object's fields
// ([jsonForm.each]), each an *[Error] with code [ErrInvalidJSON]; then the
// problems the
// constructors find in what was decoded (checks), in their order. A member
// whose value is an object decoded the same way (a tally's scale) adds its
// form's problems at its key and its checks as it is decoded.
//
// A form that says so (members) gives each problem of the form of one of
// its members a *[strictjson.MemberError] as its cause, which wraps the
// cause it would have had, so that a decoder that reads the object as a
// value of its own (hierarchy, a node's metric) can say the problem at the
// member's whole JSON path. Only a metric's form does: a metric has no
// member that is an object, whose own members' keys would not be keys of
// the metric's object.
type jsonForm struct {
	what    string   // names the value in messages: `metric "aht"`, "proportion", `CSAT tally "scale"`
	ids     []string // the IDs every problem of the form names
	form    []error
	checks  []error
	members bool   // whether a member's problems have a *strictjson.MemberError cause
	key     string // the key, as written, of the member [jsonForm.each] is reading
}

// problem reports a problem of the JSON form: an *Error with code
// [ErrInvalidJSON], the form's IDs and the message "outcome: " followed by
// j.what and format, which wraps cause (if not nil).
func (j *jsonForm) problem(cause error, format string, args ...any) {
	e := NewError(ErrInvalidJSON, slices.Clone(j.ids), "outcome: %s"+format, append([]any{j.what}, args...)...)
	e.Err = cause
	j.form = append(j.form, e)
}

// wrongType reports the JSON value raw of the field name as not what the
// field holds (want: "a string", "an object"), in the words every decoder
// of the module uses ([strictjson.MustBe]).
func (j *jsonForm) wrongType(cause error, name, want string, raw json.RawMessage) {
	cause = j.member(cause, strictjson.MemberError{Problem: strictjson.WrongType, Key: j.key, Want: want, Value: raw})
	j.problem(cause, ": %s", strictjson.MustBe(strconv.Quote(name), want, strictjson.Describe(raw)))
}

// member returns the cause of a problem of the form of the member e
// describes: cause, wrapped in e if the form says so (see [jsonForm]).
func (j *jsonForm) member(cause error, e strictjson.MemberError) error {
	if !j.members {
		return cause
	}
	e.Err = cause
	return &e
}

// value decodes raw, the JSON value of the field name, into v with
// [json.Unmarshal], reporting a value that is not what the field holds
// (want: "a string", "true or false") as [jsonForm.wrongType] does, and
// JSON null too, which json.Unmarshal would take as leaving v as it is: null
// is never a field's value. It reports whether raw was decoded.
func (j *jsonForm) value(name, want string, raw json.RawMessage, v any) bool {
	if isJSONNull(raw) {
		j.wrongType(nil, name, want, raw)
		return false
	}
	if err := json.Unmarshal(raw, v); err != nil {
		j.wrongType(err, name, want, raw)
		return false
	}
	return true
}

// check reports the problems of err, a constructor's error, in order.
func (j *jsonForm) check(err error) {
	for _, p := range Problems(err) {
		j.checks = append(j.checks, p)
	}
}

// err returns every problem, the form's first, as [msg.JoinFlat] does: nil
// if there is none, the one itself if there is one, else all of them joined
// with [errors.Join], in that order.
func (j *jsonForm) err() error { return msg.JoinFlat(slices.Concat(j.form, j.checks)...) }

// each walks members, the members of a JSON object whose keys name the
// fields names (matched as encoding/json matches them: [strictjson.Field]),
// in the order of the fields, not of the keys ([strictjson.InFieldOrder]),
// so that the problems of an object come in the same order however its
// members are ordered: for each field in turn, it calls value with the
// index in names and the JSON value of the field's first member in the
// order of the keys, which is the one read, then reports each member given
// again for the field (also under a key that differs only in case: "ID"
// repeats "id"), in the order of the keys; then it reports each key that
// names no field, sorted by key.
func (j *jsonForm) each(members []strictjson.Member, names []string, value func(f int, raw json.RawMessage)) {
	strictjson.WalkInFieldOrder(members, names, func(i, field, first int) {
		p := &members[i]
		switch {
		case field < 0:
			j.problem(j.member(nil, strictjson.MemberError{Problem: strictjson.UnknownField, Key: p.Key}),
				" has an unknown field %q", clip(p.Key))
		case first != i:
			k := members[first].Key
			cause := j.member(strictjson.ErrDuplicateKey, strictjson.MemberError{Problem: strictjson.DuplicateField, Key: p.Key, First: k})
			if k != p.Key {
				j.problem(cause, " gives field %q twice, as %q and %q", names[field], clip(k), clip(p.Key))
			} else {
				j.problem(cause, " gives field %q twice", names[field])
			}
		default:
			j.key = p.Key
			value(field, p.Value)
		}
	})
}

// object decodes raw, the JSON value of the field name, with decode, as the
// value that field holds, named in messages by j's name and the field's
// (`CSAT tally "scale"`): an object, whose problems are j's. It returns
// false, having reported it as a value of the wrong type (`"scale" must be
// an object, not null`), if raw is any other value, null included: null is
// never a field's value, and decode is not called.
func (j *jsonForm) object(name string, raw json.RawMessage, decode func(n *jsonForm, members []strictjson.Member)) bool {
	if isJSONNull(raw) {
		j.wrongType(nil, name, "an object", raw)
		return false
	}
	members, err := strictjson.MembersOf(raw)
	if err != nil {
		j.wrongType(err, name, "an object", raw)
		return false
	}
	n := jsonForm{what: j.what + " " + strconv.Quote(name), ids: j.ids}
	decode(&n, members)
	j.form = append(j.form, n.form...)
	j.checks = append(j.checks, n.checks...)
	return true
}

// jsonInt decodes raw, the JSON value of the field name, into *v, reporting
// a value that is not an integer that fits T, with T's range when raw is a
// number ([strictjson.Want]), and null, which is never a field's value
// (`"trials" must be an integer, not null`). It reports whether raw was
// decoded.
func jsonInt[T int | int64](j *jsonForm, name string, raw json.RawMessage, v *T) bool {
	return j.value(name, strictjson.Want(reflect.TypeFor[T](), raw), raw, v)
}

// nullValue returns the problem of JSON null given for a whole value, noun
// with its article ("a metric", "audit options"): an *[Error] with code
// [ErrInvalidJSON], no ID and the message "outcome: " noun " cannot be
// null".
func nullValue(noun string) *Error {
	return NewError(ErrInvalidJSON, nil, "outcome: %s cannot be null", noun)
}

// decodeObject is the UnmarshalJSON of a value decoded member by member:
// JSON null is one problem, [nullValue] of noun (the value with its article:
// "an NPS tally", "audit options"), for null is never a value; JSON that is
// not one object is a single problem with code [ErrInvalidJSON]; otherwise
// decode reads the members into j, named what in messages, and *v is set to
// what it returns if j holds no problem. On error *v is unchanged.
func decodeObject[T any](data []byte, v *T, what, noun string, decode func(j *jsonForm, members []strictjson.Member) T) error {
	if isJSONNull(data) {
		return nullValue(noun)
	}
	members, err := strictjson.Members(data)
	if err != nil {
		return invalidJSON(err)
	}
	j := jsonForm{what: what}
	x := decode(&j, members)
	if err := j.err(); err != nil {
		return err
	}
	*v = x
	return nil
}

// DecodeMetrics decodes data, a JSON array of metric definitions in the form
// [Metric.UnmarshalJSON] reads, and returns the metrics in the order of the
// array, or nil and every problem of every element, one as its *[Error]
// itself, several joined with [errors.Join]. It is for a file of KPI
// definitions: json.Unmarshal into a []Metric stops at the first element that
// fails, so it reports that element's problems only; DecodeMetrics reports
// the problems of each.
//
// Each element is decoded as Metric.UnmarshalJSON decodes a metric, and each
// of its problems is reported as an *[Error] with the same code, severity
// and IDs (the metric's ID, when the element has one as a string), whose
// message names the element by its index in the array, counted from 0 as
// in Go, e.g. `outcome: metrics[2]: business-outcome metric "revenue" has
// no kind (revenue, cost, service or compliance)`, and which wraps the
// element's own problem, so that [errors.Is] and [errors.As] reach it and
// its cause. Problems come element by element, in the order of the array.
// A null element is refused, as Metric.UnmarshalJSON refuses null.
//
// Data that is not one JSON array is a single problem with code
// [ErrInvalidJSON] and no ID: malformed JSON, null, any other value, and
// anything after the array but white space. Text that is not valid UTF-8 is
// a problem of the element that holds it. An empty array is an empty,
// non-nil list.
//
// DecodeMetrics checks each definition, not the list: two metrics with one
// ID both decode, and [Audit] reports them ([CodeDuplicateMetricID]).
func DecodeMetrics(data []byte) ([]Metric, error) {
	if isJSONNull(data) {
		return nil, nullValue("a list of metrics")
	}
	elems, err := strictjson.Elements(data)
	if err != nil {
		return nil, invalidJSON(err)
	}
	out := make([]Metric, len(elems))
	var errs []error
	var r strictjson.Reader
	for i, raw := range elems {
		m, err := decodeMetric(&r, raw)
		if err != nil {
			for _, p := range Problems(err) {
				errs = append(errs, &Error{Code: p.Code, Severity: p.Severity, IDs: p.IDs,
					Message: fmt.Sprintf("outcome: metrics[%d]: %s", i, strings.TrimPrefix(p.Message, "outcome: ")), Err: p})
			}
			continue
		}
		out[i] = m
	}
	if len(errs) > 0 {
		return nil, msg.JoinFlat(errs...)
	}
	return out, nil
}

// invalidJSON returns an *Error with code [ErrInvalidJSON] that wraps err, a
// failure of the JSON itself, and quotes its message.
func invalidJSON(err error) *Error {
	return &Error{Code: ErrInvalidJSON, Severity: SeverityError,
		Message: "outcome: invalid JSON: " + clipN(err.Error(), 200), Err: err}
}

// errorFields are the JSON names of an [Error]'s fields, in its order.
var errorFields = []string{"code", "severity", "ids", "message"}

// UnmarshalJSON implements [json.Unmarshaler]. It reads a problem stored in
// the JSON form encoding/json writes for an Error, {"code", "severity",
// "ids", "message"}, by the rules northstar's Ranking.UnmarshalJSON reads a
// ranking's warnings by: the code and the message are any strings, an
// absent one being "" (an *Error the module makes never has an empty code;
// one read from JSON may); the severity is text that [ParseSeverity] reads,
// an absent one being "", which names none; the IDs, absent when none
// applies (as encoding/json writes them), are an array of strings. The
// cause (Err) has no JSON form: the Error read has none.
//
// It reports every problem, one as its *[Error] itself, several joined with
// [errors.Join]: first, in the order of the fields (as the package doc says),
// each problem of the JSON form, an *[Error] with code [ErrInvalidJSON]: a
// key that names no field (`outcome: problem has an unknown field "cause"`),
// a field given twice (also under keys that differ only in case: "Code" is
// "code"; the first is the one read), a value that is not a string, for the
// code, the severity and the message, or not an array of strings, for the
// IDs, null included (`outcome: problem: "ids" must be an array of strings,
// not null`), and each element of the IDs that is not a string (`outcome:
// problem: "ids"[1] must be a string, not the number 7`); then severity text
// that names none, ParseSeverity's problem ([ErrUnknownSeverity]: `outcome:
// unknown severity "fatal"`). JSON that is not one object, and text that is
// not valid UTF-8, is a single problem with code ErrInvalidJSON, and so is
// JSON null for the whole problem, with no ID: `outcome: a problem cannot be
// null`. On error e is unchanged.
func (e *Error) UnmarshalJSON(data []byte) error {
	return decodeObject(data, e, "problem", "a problem", decodeError)
}

// decodeError reads the members of the JSON object of an [Error] into j,
// as [Error.UnmarshalJSON] documents.
func decodeError(j *jsonForm, members []strictjson.Member) Error {
	var e Error
	var code, severity string
	severityOK := true
	j.each(members, errorFields, func(f int, raw json.RawMessage) {
		switch f {
		case 0:
			j.value(errorFields[f], "a string", raw, &code)
		case 1:
			severityOK = j.value(errorFields[f], "a string", raw, &severity)
		case 2:
			e.IDs = jsonStrings(j, errorFields[f], raw)
		default:
			j.value(errorFields[f], "a string", raw, &e.Message)
		}
	})
	e.Code = Code(code)
	if severityOK {
		s, err := ParseSeverity(severity)
		j.check(err)
		e.Severity = s
	}
	return e
}

// jsonStrings decodes raw, the JSON value of the field name, an array of
// strings, reporting a value that is not an array, null included, and each
// element that is not a string, null included.
func jsonStrings(j *jsonForm, name string, raw json.RawMessage) []string {
	if isJSONNull(raw) {
		j.wrongType(nil, name, "an array of strings", raw)
		return nil
	}
	elems, err := strictjson.Elements(raw)
	if err != nil {
		j.wrongType(err, name, "an array of strings", raw)
		return nil
	}
	v := make([]string, len(elems))
	for i, el := range elems {
		if err := json.Unmarshal(el, &v[i]); err != nil || isJSONNull(el) {
			j.problem(err, ": %s", strictjson.MustBe(fmt.Sprintf("%q[%d]", name, i), "a string", strictjson.Describe(el)))
		}
	}
	return v
}
