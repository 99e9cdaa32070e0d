package outcome

import (
	"bytes"
	"encoding/json"
	"errors"

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

// metricJSON is the JSON form of a [MetricSpec] as it is decoded: the same
// fields, with the level, direction and kind as text, so that text that names
// nothing is reported together with every other problem of the definition.
type metricJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Level       string `json:"level"`
	Direction   string `json:"direction"`
	Unit        string `json:"unit"`
	Kind        string `json:"kind"`
	Owner       string `json:"owner"`
	Rewarded    bool   `json:"rewarded"`
	Description string `json:"description"`
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a [MetricSpec],
// refusing unknown fields, duplicate fields, trailing data and null, and
// validates it exactly as [NewMetric] does, reporting every problem with the
// same codes (level, direction or kind text that names nothing is
// [ErrUnknownLevel], [ErrUnknownDirection] or [ErrUnknownKind]); JSON that
// is malformed or has the wrong shape is an error with code [ErrInvalidJSON].
// On error, m is left unchanged.
func (m *Metric) UnmarshalJSON(data []byte) error {
	if string(bytes.Trim(data, " \t\r\n")) == "null" {
		return NewError(ErrInvalidJSON, nil, "outcome: a metric cannot be null")
	}
	var w metricJSON
	if err := decodeJSON(data, &w); err != nil {
		return err
	}
	spec := MetricSpec{ID: w.ID, Name: w.Name, Unit: w.Unit, Owner: w.Owner, Rewarded: w.Rewarded, Description: w.Description}
	var bad metricText
	if w.Level != "" {
		if l, err := ParseLevel(w.Level); err == nil {
			spec.Level = l
		} else {
			bad.level = w.Level
		}
	}
	if w.Direction != "" {
		if d, err := ParseDirection(w.Direction); err == nil {
			spec.Direction = d
		} else {
			bad.direction = w.Direction
		}
	}
	if err := spec.Kind.UnmarshalText([]byte(w.Kind)); err != nil {
		bad.kind = w.Kind
	}
	v, err := validateMetric(spec, bad)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// decodeJSON decodes data into v with [strictjson.Decode]. A field's own
// *Error is returned as it is; any other failure becomes an *Error with code
// [ErrInvalidJSON] that wraps it.
func decodeJSON(data []byte, v any) error {
	err := strictjson.Decode(data, v)
	if err == nil {
		return nil
	}
	if e := (*Error)(nil); errors.As(err, &e) {
		return err // every problem it joins, not only the first
	}
	return &Error{Code: ErrInvalidJSON, Severity: SeverityError,
		Message: "outcome: invalid JSON: " + clipN(err.Error(), 200), Err: err}
}

// unmarshalJSON decodes data, the JSON form W of a value, with [decodeJSON]
// and sets *v to what valid makes of it: the UnmarshalJSON of a type whose
// JSON form is checked by its constructors. JSON null leaves *v unchanged,
// and so does an error.
func unmarshalJSON[W, T any](data []byte, v *T, valid func(W) (T, error)) error {
	if isJSONNull(data) {
		return nil
	}
	var w W
	if err := decodeJSON(data, &w); err != nil {
		return err
	}
	x, err := valid(w)
	if err != nil {
		return err
	}
	*v = x
	return nil
}
