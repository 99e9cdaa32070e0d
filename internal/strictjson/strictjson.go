// Package strictjson decodes JSON definitions strictly: one value, no unknown
// fields, nothing after it. Every decoder of the module uses it, so that all of
// them refuse the same things.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
)

// ErrTrailingData reports data after the JSON value.
var ErrTrailingData = errors.New("trailing data after the JSON value")

// Decode decodes the single JSON value in data into v, refusing unknown object
// fields and anything but white space after the value. It returns the
// decoder's error unchanged (including an error returned by a field's own
// UnmarshalText or UnmarshalJSON), or [ErrTrailingData].
func Decode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data[dec.InputOffset():])) != 0 {
		return ErrTrailingData
	}
	return nil
}
