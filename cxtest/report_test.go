package cxtest

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cxmodel/cx/outcome"
)

func TestMessage(t *testing.T) {
	tests := []struct {
		name string
		in   []any
		want string
	}{
		{name: "none", in: nil, want: ""},
		{name: "a string", in: []any{"the contact centre"}, want: "the contact centre"},
		{name: "a string with a verb, alone", in: []any{"100%"}, want: "100%"},
		{name: "a value", in: []any{struct{ N int }{3}}, want: "{N:3}"},
		{name: "a format", in: []any{"unit %q, %d", "support", 2025}, want: `unit "support", 2025`},
		{name: "values", in: []any{1, "two", 3.5}, want: "1 two 3.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, message(tt.in))
		})
	}
}

func TestLabeledOutput(t *testing.T) {
	// The layout of testify's labeledOutput: a tab, the label and a colon
	// padded to the longest label, a tab, the content; further lines of the
	// content indented to the same column.
	got := labeledOutput([]labeled{
		{"Error", "first\nsecond\n"},
		{"Messages", "m"},
	})
	assert.Equal(t, "\tError:   \tfirst\n\t         \tsecond\n\tMessages:\tm\n", got)
}

func TestFailureErr(t *testing.T) {
	var f *failure
	assert.NoError(t, f.err())
	cause := errors.New("boom")
	assert.Same(t, cause, (&failure{cause: cause}).err())

	f = &failure{code: ErrNotAligned, ids: []string{"a"}, summary: "s"}
	f.list("L", 12, func(i int) string { return string(rune('a' + i)) })
	assert.Equal(t, "cxtest: s: a; b; c; d; e; f; g; h; i; j; and 2 more", f.err().Error())
	assert.Equal(t, 2, f.more)
	var e *outcome.Error
	assert.ErrorAs(t, f.err(), &e)
	assert.Equal(t, []string{"a"}, e.IDs)
}

func TestClip(t *testing.T) {
	long := strings.Repeat("x", 100)
	assert.Equal(t, strings.Repeat("x", 64)+"...", clip(long))
	assert.Equal(t, "short", clip("short"))
	// The cut backs up to a rune boundary: 63 bytes of x then a two-byte é
	// that straddles byte 64.
	assert.Equal(t, strings.Repeat("x", 63)+"...", clip(strings.Repeat("x", 63)+"é"+"tail"))
	assert.Equal(t, `"a", "b" and 1 more`, quoteList([]string{"a", "b", "c"}, 2))
	assert.Equal(t, "", andList(nil))
	assert.Equal(t, "a, b and c", andList([]string{"a", "b", "c"}))
}

// TestHelperNotRequired checks that the assertions need nothing of t but
// Errorf.
func TestHelperNotRequired(t *testing.T) {
	var b bareT
	assert.False(t, AssertAligned(&b, Hierarchy(contactCentre)))
	assert.Len(t, b.errors, 1)
	assert.True(t, AssertAligned(&b, Hierarchy(aligned)))
	assert.Len(t, b.errors, 1)
}

// TestWithTestingT runs a passing assertion of each kind on a real
// *testing.T.
func TestWithTestingT(t *testing.T) {
	RequireAligned(t, Hierarchy(aligned))
	RequireLineOfSight(t, Hierarchy(aligned), "answer-call", "solved-first-contact")
	RequireDecimalEqual(t, dec("0.10"), dec("0.1"))
}

// TestConcurrentUse runs assertions on one model from several goroutines, as
// parallel tests do; go test -race checks that they share nothing mutable.
func TestConcurrentUse(t *testing.T) {
	m := Hierarchy(contactCentre)
	want := CheckAligned(m).Error()
	done := make(chan string)
	for range 8 {
		go func() {
			var c captureT
			AssertAligned(&c, m)
			done <- CheckAligned(m).Error()
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
}
