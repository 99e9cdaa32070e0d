package cxtest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
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
	assert.Equal(t, `"a", "b", "c"`, quoteList([]string{"a", "b", "c"}, 3))
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
	// The Check function's error keeps every problem, one level deep: the
	// twelve joined in order, with the same text as the cause.
	err := (&failure{cause: cause}).err()
	j, isJoin := err.(interface{ Unwrap() []error })
	require.True(t, isJoin)
	_, one := err.(*outcome.Error)
	require.False(t, one)
	assert.Equal(t, errs, j.Unwrap(), "the error keeps every problem, flattened")
	assert.Equal(t, cause.Error(), err.Error())

	// Eleven: the ten first, and the eleventh counted.
	c = captureT{}
	ok = report(&c, &failure{cause: errors.Join(errs[:11]...)}, nil)
	checkFail(t, &c, ok, "\n"+
		"\tError:\tp0\n\t      \tp1\n\t      \tp2\n\t      \tp3\n\t      \tp4\n"+
		"\t      \tp5\n\t      \tp6\n\t      \tp7\n\t      \tp8\n\t      \tp9\n"+
		"\t      \tand 1 more\n")

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

// TestUnprintableText checks that text from the user that is not printable
// (a line break, a tab, an escape) cannot break a failure's layout or forge
// a line of it: a name is written with each such character escaped as Go
// escapes it, in the labelled report and in the one-line error alike, and
// so is another package's reason that quotes a name.
func TestUnprintableText(t *testing.T) {
	t.Run("node name", func(t *testing.T) {
		b := hierarchy.NewBuilder()
		b.AddNode(hierarchy.Node{ID: "wallboard", Name: "Update\nError:\tall fine\x1b[0m", Level: outcome.Task})
		b.AddNode(hierarchy.Node{ID: "solved", Level: outcome.CustomerOutcome})
		m, err := b.Build()
		require.NoError(t, err)
		var c captureT
		ok := AssertAligned(&c, m)
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t1 of 1 node reaches no successful customer outcome\n"+
			"\t        \texpected: every task, activity, output and business outcome reaches a successful customer outcome\n"+
			"\t        \tactual  : 0 of 1 do: 0 of 1 task\n"+
			"\tOrphans:\ttask \"wallboard\" (Update\\nError:\\tall fine\\x1b[0m) contributes to nothing\n")
		assert.Equal(t, `cxtest: 1 of 1 node reaches no successful customer outcome: `+
			`task "wallboard" (Update\nError:\tall fine\x1b[0m) contributes to nothing`, CheckAligned(m).Error())
	})
	t.Run("metric name", func(t *testing.T) {
		x, err := outcome.NewMetric(outcome.MetricSpec{ID: "calls", Name: "Calls\u2028handled", Level: outcome.Output,
			Direction: outcome.HigherIsBetter, Rewarded: true, Owner: "Front\nline"})
		require.NoError(t, err)
		// A hierarchy that measures no metric (the empty one cannot be
		// checked, and would not show the metric).
		var c captureT
		ok := AssertRewardedKPIsAligned(&c, Hierarchy("sco:solved"), []outcome.Metric{x})
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t1 of 1 rewarded metric has no line of sight to a successful customer outcome\n"+
			"\t        \texpected: every rewarded metric measures a node that is or reaches a successful customer outcome\n"+
			"\t        \tactual  : 0 of 1 do\n"+
			"\tOrphans:\t\"calls\" (Calls\\u2028handled, output, rewarded, owner \"Front\\nline\"): no node of the hierarchy is measured by it\n")
	})
	t.Run("unit and service names", func(t *testing.T) {
		// By hand: cost 10 -> 12 EUR (+20%, lost), revenue 10 -> 12 EUR
		// (+20%, won), the service, lower is better, 10 -> 12 (+20%, lost).
		value := func(s string) triplecrown.Measure {
			v, err := triplecrown.NewValue(dec(s))
			require.NoError(t, err)
			return v
		}
		card, err := triplecrown.NewScorecard(triplecrown.ScorecardSpec{Unit: "u", Name: "Unit\nname", Period: "2025",
			Cost:    triplecrown.Amounts{Baseline: triplecrown.MustMoney("10", "EUR"), Actual: triplecrown.MustMoney("12", "EUR")},
			Revenue: triplecrown.Amounts{Baseline: triplecrown.MustMoney("10", "EUR"), Actual: triplecrown.MustMoney("12", "EUR")},
			Service: triplecrown.ServiceSpec{Name: "time\tto respond", Unit: "h\r\n", Direction: outcome.LowerIsBetter,
				Baseline: value("10"), Actual: value("12")}})
		require.NoError(t, err)
		var c captureT
		ok := AssertCrownWon(&c, card, policy, triplecrown.Service)
		checkFail(t, &c, ok, "\n"+
			"\tError: \tunit \"u\" (Unit\\nname) did not win the service crown in period \"2025\"\n"+
			"\t       \texpected: service won\n"+
			"\t       \tactual  : service lost\n"+
			"\tReason:\ttime\\tto respond rose from 10 h\\r\\n to 12 h\\r\\n (+2 h\\r\\n, +20.00%), meeting the materiality threshold of 5%: lost\n")
		// The one-line error escapes the unit's name in its summary too.
		assert.Equal(t, `cxtest: unit "u" (Unit\nname) did not win the service crown in period "2025": `+
			`time\tto respond rose from 10 h\r\n to 12 h\r\n (+2 h\r\n, +20.00%), meeting the materiality threshold of 5%: lost`,
			CheckCrownWon(card, policy, triplecrown.Service).Error())
	})
}

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Calls handled", "Calls handled"},
		{"Délai – 待ち時間 ✅", "Délai – 待ち時間 ✅"}, // printable, not ASCII: as it is
		{"a\nb\r\nc\td", `a\nb\r\nc\td`},
		{"no\u00a0break\u200bzero", `no\u00a0break\u200bzero`}, // a space other than U+0020, a format character
		{"bad \xff byte", `bad \xff byte`},
		{"replacement \ufffd is printable", "replacement \ufffd is printable"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, printable(tt.in), "%q", tt.in)
	}
}
