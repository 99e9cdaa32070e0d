package cxtest

import (
	"errors"
	"fmt"
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

// TestReportCauseBounded checks that a check that cannot be made reports the
// first ten of the problems that keep it from being made, one to a line, and
// counts the rest, however they were joined; the Check function's error
// keeps them all.
func TestReportCauseBounded(t *testing.T) {
	problem := func(i int) error {
		return outcome.NewError(outcome.ErrDuplicateID, nil, "p%d", i)
	}
	var errs []error
	for i := range 12 {
		errs = append(errs, problem(i))
	}
	// p0 to p11, the first three and the rest joined apart, then joined.
	cause := errors.Join(errors.Join(errs[:3]...), errors.Join(errs[3:]...))
	var c captureT
	ok := report(&c, &failure{cause: cause}, []any{"m"})
	checkFail(t, &c, ok, "\n"+
		"\tError:   \tp0\n"+
		"\t         \tp1\n"+
		"\t         \tp2\n"+
		"\t         \tp3\n"+
		"\t         \tp4\n"+
		"\t         \tp5\n"+
		"\t         \tp6\n"+
		"\t         \tp7\n"+
		"\t         \tp8\n"+
		"\t         \tp9\n"+
		"\t         \tand 2 more\n"+
		"\tMessages:\tm\n")
	assert.Same(t, cause, (&failure{cause: cause}).err(), "the error keeps every problem")

	// Ten are all shown; a problem whose own text has lines (an error that
	// wraps a join) is one problem.
	wrapped := fmt.Errorf("wrapped: %w", errors.Join(problem(10), problem(11)))
	c = captureT{}
	ok = report(&c, &failure{cause: errors.Join(append(errs[:9:9], wrapped)...)}, nil)
	checkFail(t, &c, ok, "\n"+
		"\tError:\tp0\n\t      \tp1\n\t      \tp2\n\t      \tp3\n\t      \tp4\n"+
		"\t      \tp5\n\t      \tp6\n\t      \tp7\n\t      \tp8\n"+
		"\t      \twrapped: p10\n\t      \tp11\n")

	// An error that wraps several with text of its own is one problem too.
	c = captureT{}
	ok = report(&c, &failure{cause: errors.Join(problem(0), fmt.Errorf("both %w and %w", problem(1), problem(2)))}, nil)
	checkFail(t, &c, ok, "\n\tError:\tp0\n\t      \tboth p1 and p2\n")
}

// TestAssertRewarded_manyConflictsBounded: a thousand metrics given, each
// carried by a node with another definition, are a thousand problems, of
// which the failure names ten.
func TestAssertRewarded_manyConflictsBounded(t *testing.T) {
	var lines []string
	var given, carried []outcome.Metric
	for i := range 1000 {
		id := fmt.Sprintf("m%03d", i)
		lines = append(lines, "output:"+id)
		given = append(given, Metrics("output:"+id)...)
		carried = append(carried, Metrics("output:"+id+" rewarded")...)
	}
	m := MeasuredHierarchy(carried, lines...)
	var c captureT
	ok := AssertRewardedKPIsAligned(&c, m, given)
	want := "\n"
	for i := range 10 {
		label := "\t      \t"
		if i == 0 {
			label = "\tError:\t"
		}
		want += fmt.Sprintf("%scxtest: metric \"m%03d\" on node \"m%03d\" differs from the metric \"m%03d\" given\n", label, i, i, i)
	}
	want += "\t      \tand 990 more\n"
	checkFail(t, &c, ok, want)
	assert.Len(t, outcome.Problems(CheckRewardedKPIsAligned(m, given)), 1000, "the error holds every problem")
}
