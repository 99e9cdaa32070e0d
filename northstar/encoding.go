package northstar

import (
	"encoding/json"
	"errors"

	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// MarshalJSON implements [json.Marshaler]: the canvas's [CanvasSpec] as a
// JSON object, with weights and importances as decimal strings. A zero
// Canvas cannot be marshalled.
func (c Canvas) MarshalJSON() ([]byte, error) {
	if c.IsZero() {
		return nil, outcome.NewError(outcome.ErrEmptyID, nil, "northstar: cannot marshal the zero Canvas")
	}
	return json.Marshal(c.spec)
}

// UnmarshalJSON implements [json.Unmarshaler]. It decodes a [CanvasSpec],
// refusing unknown fields and trailing data, and validates it exactly as
// [NewCanvas] does; malformed JSON is an error with code
// [outcome.ErrInvalidJSON].
func (c *Canvas) UnmarshalJSON(data []byte) error {
	var spec CanvasSpec
	if err := decodeJSON(data, &spec); err != nil {
		return err
	}
	v, err := NewCanvas(spec)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// decodeJSON decodes data into v with [strictjson.Decode]. A field's own
// *outcome.Error is returned as it is; any other failure becomes an
// *outcome.Error with code [outcome.ErrInvalidJSON] that wraps it.
func decodeJSON(data []byte, v any) error {
	err := strictjson.Decode(data, v)
	if err == nil {
		return nil
	}
	var e *outcome.Error
	if errors.As(err, &e) {
		return e
	}
	return &outcome.Error{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError,
		Message: "northstar: invalid JSON: " + clipN(err.Error(), 200), Err: err}
}
