package outcome

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/internal/equaltest"
)

func TestCodes(t *testing.T) {
	// Every code of this package, with the text it must keep forever: a BI
	// tool may have stored it.
	codes := []struct {
		code Code
		want string
	}{
		{ErrEmptyID, "empty-id"},
		{ErrInvalidID, "invalid-id"},
		{ErrDuplicateID, "duplicate-id"},
		{ErrEmptyName, "empty-name"},
		{ErrInvalidText, "invalid-text"},
		{ErrUnknownLevel, "unknown-level"},
		{ErrUnknownDirection, "unknown-direction"},
		{ErrUnknownKind, "unknown-kind"},
		{ErrMissingKind, "missing-kind"},
		{ErrUnexpectedKind, "unexpected-kind"},
		{ErrInvalidJSON, "invalid-json"},
		{ErrInvalidThreshold, "invalid-threshold"},
		{ErrNotFinite, "not-finite"},
		{ErrUnknownSeverity, "unknown-severity"},
	}
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[Code]bool{}
	for _, c := range codes {
		assert.Equal(t, c.want, string(c.code))
		assert.Equal(t, c.want, c.code.Error(), "a bare code prints as itself")
		assert.Regexp(t, kebab, string(c.code))
		assert.False(t, seen[c.code], "code %q declared twice", c.code)
		seen[c.code] = true
	}
}

func TestCode_isTarget(t *testing.T) {
	e := NewError(ErrDuplicateID, []string{"aht"}, "outcome: duplicate metric id %q", "aht")
	other := NewError(ErrEmptyName, []string{"fcr"}, "outcome: metric %q has no name", "fcr")
	tests := []struct {
		name string
		err  error
	}{
		{"the *Error itself", e},
		{"joined", errors.Join(other, e)},
		{"joined twice", errors.Join(other, errors.Join(nil, e))},
		{"wrapped", fmt.Errorf("loading portfolio: %w", e)},
		{"wrapped join", fmt.Errorf("loading portfolio: %w", errors.Join(other, e))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ErrorIs(t, tt.err, ErrDuplicateID)
			assert.NotErrorIs(t, tt.err, ErrEmptyID)
			var got *Error
			require.ErrorAs(t, tt.err, &got)
			// errors.As finds the first *Error depth-first.
			if strings.Contains(tt.name, "join") {
				assert.Same(t, other, got)
			} else {
				assert.Same(t, e, got)
			}
		})
	}
	assert.ErrorIs(t, ErrEmptyID, ErrEmptyID, "a Code is its own target")
}

func TestNewError(t *testing.T) {
	e := NewError(ErrDuplicateID, []string{"aht", "aht"}, "outcome: duplicate metric id %q (%d times)", "aht", 2)
	assert.Equal(t, ErrDuplicateID, e.Code)
	assert.Equal(t, SeverityError, e.Severity)
	assert.Equal(t, []string{"aht", "aht"}, e.IDs)
	assert.Equal(t, `outcome: duplicate metric id "aht" (2 times)`, e.Error())
	assert.NoError(t, e.Err)
}

func TestError_Unwrap(t *testing.T) {
	t.Run("without a cause", func(t *testing.T) {
		e := NewError(ErrEmptyName, nil, "outcome: metric %q has no name", "aht")
		assert.Equal(t, []error{ErrEmptyName}, e.Unwrap())
	})
	t.Run("with a cause", func(t *testing.T) {
		e := &Error{Code: ErrInvalidJSON, Severity: SeverityError, Message: "outcome: invalid JSON: unexpected EOF",
			Err: io.ErrUnexpectedEOF}
		assert.Equal(t, []error{ErrInvalidJSON, io.ErrUnexpectedEOF}, e.Unwrap())
		assert.ErrorIs(t, e, ErrInvalidJSON)
		assert.ErrorIs(t, e, io.ErrUnexpectedEOF)
	})
}

func TestProblems(t *testing.T) {
	a := NewError(ErrEmptyID, nil, "outcome: empty id")
	b := NewError(ErrEmptyName, nil, "outcome: metric %q has no name", "")
	c := NewError(ErrUnknownLevel, nil, "outcome: metric %q has no valid level", "")
	warning := &Error{Code: ErrUnexpectedKind, Severity: SeverityWarning, Message: "outcome: a warning"}
	var typedNil *Error
	tests := []struct {
		name string
		err  error
		want []*Error
	}{
		{"nil", nil, nil},
		{"an error that is not a problem", io.EOF, nil},
		{"a typed nil *Error", typedNil, nil},
		{"one problem", a, []*Error{a}},
		{"joined, in order", errors.Join(a, b, c), []*Error{a, b, c}},
		{"nested joins, depth first", errors.Join(errors.Join(a, b), io.EOF, errors.Join(nil, c)), []*Error{a, b, c}},
		{"wrapped with %w", fmt.Errorf("audit: %w", errors.Join(a, b)), []*Error{a, b}},
		{"two %w verbs", fmt.Errorf("%w; %w", a, fmt.Errorf("again: %w", b)), []*Error{a, b}},
		{"warnings too", errors.Join(warning, a), []*Error{warning, a}},
		// A problem's cause is part of that problem, not another one.
		{"not inside an *Error", &Error{Code: ErrInvalidJSON, Message: "outcome: invalid JSON", Err: b},
			[]*Error{{Code: ErrInvalidJSON, Message: "outcome: invalid JSON", Err: b}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Problems(tt.err))
		})
	}
}

func TestSeverity(t *testing.T) {
	tests := []struct {
		name  string
		s     Severity
		str   string
		valid bool
	}{
		{"zero", 0, "Severity(0)", false},
		{"warning", SeverityWarning, "warning", true},
		{"error", SeverityError, "error", true},
		{"out of range", 3, "Severity(3)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.str, tt.s.String())
			assert.Equal(t, tt.valid, tt.s.IsValid())
			assert.Equal(t, tt.s == 0, tt.s.IsZero())
		})
	}
	assert.Less(t, SeverityWarning, SeverityError, "from least to most serious")
}

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in   string
		want Severity
	}{
		{"warning", SeverityWarning},
		{"Warning", SeverityWarning},
		{" WARNING\n", SeverityWarning},
		{"error", SeverityError},
		{"Error", SeverityError},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSeverity(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			// Parse -> String -> Parse.
			again, err := ParseSeverity(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, again)
		})
	}
	for _, in := range []string{"", "fatal", "warn", "errors", "Severity(1)"} {
		t.Run("unknown "+in, func(t *testing.T) {
			got, err := ParseSeverity(in)
			assert.ErrorIs(t, err, ErrUnknownSeverity)
			assert.Zero(t, got)
		})
	}
	_, err := ParseSeverity("fatal")
	assert.EqualError(t, err, `outcome: unknown severity "fatal"`)
}

func TestClip(t *testing.T) {
	emoji := "\U0001F600" // 4 bytes
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"short", "aht", "aht"},
		{"exactly the limit", strings.Repeat("a", 64), strings.Repeat("a", 64)},
		{"one over the limit", strings.Repeat("a", 65), strings.Repeat("a", 64) + "..."},
		// "é" is 2 bytes: 33 of them are 66 bytes, and byte 64 starts the 33rd, so
		// the cut at 64 is on a boundary and keeps 32.
		{"two-byte runes, cut on a boundary", strings.Repeat("é", 33), strings.Repeat("é", 32) + "..."},
		// "a" then 33 "é": the é's start at odd bytes, so byte 64 is the second
		// byte of the é at 63; the cut backs up to 63: "a" and 31 é's.
		{"two-byte runes, cut inside one", "a" + strings.Repeat("é", 33), "a" + strings.Repeat("é", 31) + "..."},
		// "ab" then 4-byte runes from byte 2: byte 64 is the third byte of the
		// rune at 62, so the cut backs up 2 bytes to 62: "ab" and 15 of them.
		{"four-byte runes", "ab" + strings.Repeat(emoji, 20), "ab" + strings.Repeat(emoji, 15) + "..."},
		// Text that is not UTF-8: the cut backs up at most 3 bytes, from 64 to 61.
		{"continuation bytes only", strings.Repeat("\x80", 100), strings.Repeat("\x80", 61) + "..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clip(tt.in)
			assert.Equal(t, tt.want, got)
			assert.LessOrEqual(t, len(got), 64+len("..."))
			if utf8.ValidString(tt.in) {
				assert.True(t, utf8.ValidString(got), "a cut must not split a rune")
			}
		})
	}
}

func TestClip_inMessages(t *testing.T) {
	// A long, multibyte name is quoted clipped: 40 "ü" are 80 bytes, cut to 32
	// (64 bytes) and marked.
	long := strings.Repeat("ü", 40)
	_, err := ParseLevel(long)
	assert.EqualError(t, err, `outcome: unknown level "`+strings.Repeat("ü", 32)+`..."`)
}

// TestError_Equal checks that Equal compares what the JSON form of a
// problem holds, and that alone: a problem without IDs equals one with an
// empty list (the form leaves "ids" out for both), the cause is not
// compared (the form leaves it out), and nil equals only nil.
func TestError_Equal(t *testing.T) {
	base := func() *Error {
		return &Error{Code: ErrEmptyName, Severity: SeverityWarning, IDs: []string{"aht", "fcr"}, Message: "outcome: two"}
	}
	equaltest.Check(t, equaltest.Case[*Error]{Equal: (*Error).Equal, Base: base,
		Twins: []equaltest.Twins[*Error]{
			{Name: "no IDs beside an empty list", A: &Error{Code: ErrEmptyName}, B: &Error{Code: ErrEmptyName, IDs: []string{}}, DeepDiffers: true},
			{Name: "read back without its cause", A: &Error{Code: ErrEmptyName, Err: errors.New("cause")}, B: &Error{Code: ErrEmptyName}, DeepDiffers: true},
		},
		Changes: []equaltest.Change[*Error]{
			{Field: "Code", What: "another code", Apply: func(e **Error) { (*e).Code = ErrEmptyID }},
			{Field: "Severity", What: "an error", Apply: func(e **Error) { (*e).Severity = SeverityError }},
			{Field: "IDs", What: "in another order", Apply: func(e **Error) { (*e).IDs = []string{"fcr", "aht"} }},
			{Field: "IDs", What: "one left out", Apply: func(e **Error) { (*e).IDs = []string{"aht"} }},
			{Field: "Message", What: "other words", Apply: func(e **Error) { (*e).Message = "outcome: three" }},
		},
		Skipped: []equaltest.Skip{{Field: "Err", Why: "the cause: the JSON form leaves it out, so a problem read back has none"}},
	})
	var none *Error
	assert.True(t, none.Equal(nil), "nil equals nil")
	assert.False(t, none.Equal(base()), "nil equals only nil")
	assert.False(t, base().Equal(nil), "nil equals only nil")
}
