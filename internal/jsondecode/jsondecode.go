// Package jsondecode decodes the module's JSON definitions and reports a
// failure as every package does: as an *outcome.Error.
package jsondecode

import (
	"errors"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/strictjson"
	"github.com/cxmodel/cx/outcome"
)

// maxCause bounds the length of the decoder's message quoted in an error.
const maxCause = 200

// Decode decodes data into v with [strictjson.Decode]. A failure that holds
// an *outcome.Error (a field's own validation) is returned as it is, with
// every problem it joins; any other failure becomes an *outcome.Error with
// code [outcome.ErrInvalidJSON] that wraps it, its message prefixed with pkg
// (the reporting package's name).
func Decode(pkg string, data []byte, v any) error {
	err := strictjson.Decode(data, v)
	if err == nil {
		return nil
	}
	if e := (*outcome.Error)(nil); errors.As(err, &e) {
		return err
	}
	return &outcome.Error{Code: outcome.ErrInvalidJSON, Severity: outcome.SeverityError,
		Message: pkg + ": invalid JSON: " + clip(err.Error()), Err: err}
}

// clip shortens s to at most maxCause bytes, on a rune boundary, marking the cut.
func clip(s string) string { return msg.Clip(s, maxCause) }
