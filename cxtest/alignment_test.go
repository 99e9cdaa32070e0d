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
)

// aligned is the contact centre without its wallboard: every node of work
// reaches the customer outcome.
const aligned = `
task:answer-call -> activity:handle-enquiry -> output:calls-handled -> bo:cost-to-serve -> sco:solved-first-contact
`

func TestAssertAligned(t *testing.T) {
	t.Run("pass", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertAligned(&c, Hierarchy(aligned)))
	})
	t.Run("fail", func(t *testing.T) {
		// By hand: 11 nodes of work, of which the wallboard's task, activity
		// and output (3) reach no customer outcome, 8 do: tasks 2 of 3,
		// activities 2 of 3, outputs 2 of 3, business outcomes 2 of 2. The
		// orphans come highest level first; the output has no link up, the
		// other two stop at it.
		var c captureT
		ok := AssertAligned(&c, Hierarchy(contactCentre), "the contact centre, %d", 2025)
		checkFail(t, &c, ok, "\n"+
			"\tError:   \t3 of 11 nodes reach no successful customer outcome\n"+
			"\t         \texpected: every task, activity, output and business outcome reaches a successful customer outcome\n"+
			"\t         \tactual  : 8 of 11 do: 2 of 3 tasks, 2 of 3 activities, 2 of 3 outputs, 2 of 2 business outcomes\n"+
			"\tOrphans: \toutput \"wallboard-refreshes\" contributes to nothing\n"+
			"\t         \tactivity \"monitor-queues\" reaches output \"wallboard-refreshes\" only\n"+
			"\t         \ttask \"update-wallboard\" reaches output \"wallboard-refreshes\" only\n"+
			"\tMessages:\tthe contact centre, 2025\n")
	})
	t.Run("empty hierarchy", func(t *testing.T) {
		// What a failed Build returns: the assertion cannot be made, and
		// says so in the place of the failure, where it passed on nothing.
		var c captureT
		ok := AssertAligned(&c, hierarchy.Model{}, "the contact centre")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \t"+emptyHierarchyMsg+"\n"+
			"\tMessages:\tthe contact centre\n")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireAligned(t, Hierarchy(aligned)) },
			func(t TestingT) { RequireAligned(t, Hierarchy(contactCentre)) })
		checkRequire(t,
			func(t TestingT) { RequireAligned(t, Hierarchy(aligned)) },
			func(t TestingT) { RequireAligned(t, hierarchy.Model{}) })
	})
}

func TestAssertAlignedAt(t *testing.T) {
	m := Hierarchy(contactCentre)
	t.Run("pass", func(t *testing.T) {
		// Both business outcomes reach the customer outcome.
		var c captureT
		checkPass(t, &c, AssertAlignedAt(&c, m, []outcome.Level{outcome.BusinessOutcome}))
	})
	t.Run("one level", func(t *testing.T) {
		var c captureT
		ok := AssertAlignedAt(&c, m, []outcome.Level{outcome.Activity})
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t1 of 3 activities reaches no successful customer outcome\n"+
			"\t        \texpected: every activity reaches a successful customer outcome\n"+
			"\t        \tactual  : 2 of 3 activities do\n"+
			"\tOrphans:\tactivity \"monitor-queues\" reaches output \"wallboard-refreshes\" only\n")
	})
	t.Run("two levels", func(t *testing.T) {
		// Tasks and activities: 6 nodes, 4 aligned.
		var c captureT
		ok := AssertAlignedAt(&c, m, []outcome.Level{outcome.Task, outcome.Activity})
		checkFail(t, &c, ok, "\n"+
			"\tError:  \t2 of 6 tasks and activities reach no successful customer outcome\n"+
			"\t        \texpected: every task and activity reaches a successful customer outcome\n"+
			"\t        \tactual  : 4 of 6 do: 2 of 3 tasks, 2 of 3 activities\n"+
			"\tOrphans:\tactivity \"monitor-queues\" reaches output \"wallboard-refreshes\" only\n"+
			"\t        \ttask \"update-wallboard\" reaches output \"wallboard-refreshes\" only\n")
	})
	t.Run("invalid level", func(t *testing.T) {
		var c captureT
		ok := AssertAlignedAt(&c, m, []outcome.Level{0, 9})
		checkFail(t, &c, ok, "\n"+
			"\tError:\tcxtest: cannot check the alignment of Level(0), Level(9): not a level\n")
	})
	t.Run("empty hierarchy", func(t *testing.T) {
		var c captureT
		ok := AssertAlignedAt(&c, hierarchy.Model{}, []outcome.Level{outcome.Task})
		checkFail(t, &c, ok, "\n"+
			"\tError:\t"+emptyHierarchyMsg+"\n")
	})
	t.Run("empty hierarchy and an invalid level", func(t *testing.T) {
		// Both problems, the hierarchy's first (it is the first argument).
		var c captureT
		ok := AssertAlignedAt(&c, hierarchy.Model{}, []outcome.Level{9})
		checkFail(t, &c, ok, "\n"+
			"\tError:\t"+emptyHierarchyMsg+"\n"+
			"\t      \tcxtest: cannot check the alignment of Level(9): not a level\n")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireAlignedAt(t, m, []outcome.Level{outcome.BusinessOutcome}) },
			func(t TestingT) { RequireAlignedAt(t, m, []outcome.Level{outcome.Output}) })
		checkRequire(t,
			func(t TestingT) { RequireAlignedAt(t, m, []outcome.Level{outcome.BusinessOutcome}) },
			func(t TestingT) { RequireAlignedAt(t, hierarchy.Model{}, []outcome.Level{outcome.BusinessOutcome}) })
	})
}

func TestCheckAligned(t *testing.T) {
	cc := Hierarchy(contactCentre)
	tests := []struct {
		name    string
		m       hierarchy.Model
		levels  []outcome.Level
		wantErr error
		wantIDs []string
		wantMsg string
	}{
		{name: "aligned", m: Hierarchy(aligned)},
		{
			// The empty model, which a failed Build or decoding returns,
			// passed as having no orphans; it cannot be checked. It has no
			// IDs.
			name: "empty model", m: hierarchy.Model{}, wantErr: ErrEmptyHierarchy,
			wantMsg: emptyHierarchyMsg,
		},
		{
			// The nodes of the levels asked for, the tasks, are none.
			name: "a model with no node of the levels", m: Hierarchy("output:o -> sco:s", "bo:b"),
			levels: []outcome.Level{outcome.Task},
		},
		{
			name: "empty model and an invalid level", m: hierarchy.Model{}, levels: []outcome.Level{0}, wantErr: ErrEmptyHierarchy,
			wantMsg: emptyHierarchyMsg + "\ncxtest: cannot check the alignment of Level(0): not a level",
		},
		{name: "customer outcomes are aligned by definition", m: cc, levels: []outcome.Level{outcome.CustomerOutcome}},
		{name: "levels without orphans", m: cc, levels: []outcome.Level{outcome.BusinessOutcome, outcome.CustomerOutcome}},
		{
			name: "orphans", m: cc, wantErr: ErrNotAligned,
			wantIDs: []string{"wallboard-refreshes", "monitor-queues", "update-wallboard"},
			wantMsg: `cxtest: 3 of 11 nodes reach no successful customer outcome: ` +
				`output "wallboard-refreshes" contributes to nothing; ` +
				`activity "monitor-queues" reaches output "wallboard-refreshes" only; ` +
				`task "update-wallboard" reaches output "wallboard-refreshes" only`,
		},
		{
			name: "one orphan task", m: cc, levels: []outcome.Level{outcome.Task}, wantErr: ErrNotAligned,
			wantIDs: []string{"update-wallboard"},
			wantMsg: `cxtest: 1 of 3 tasks reaches no successful customer outcome: ` +
				`task "update-wallboard" reaches output "wallboard-refreshes" only`,
		},
		{
			name: "invalid level", m: cc, levels: []outcome.Level{outcome.Task, 6}, wantErr: outcome.ErrUnknownLevel,
			wantMsg: "cxtest: cannot check the alignment of Level(6): not a level",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckAligned(tt.m, tt.levels...)
			if tt.wantErr == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, tt.wantMsg, err.Error())
			var e *outcome.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, outcome.SeverityError, e.Severity)
			assert.Equal(t, tt.wantIDs, e.IDs)
		})
	}
}

// TestCheckAlignedBounded checks that a failure on a large model names ten
// orphans and counts the rest, while its IDs hold them all.
func TestCheckAlignedBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("task:t00 -> output:o -> sco:s\n")
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&b, "task:t%02d -> output:dead-end\n", i)
	}
	err := CheckAligned(Hierarchy(b.String()), outcome.Task)
	require.ErrorIs(t, err, ErrNotAligned)
	var e *outcome.Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.IDs, 25, "every orphan is in the IDs")
	assert.Equal(t, "t01", e.IDs[0])
	assert.Equal(t, "t25", e.IDs[24])
	// 26 tasks, of which t01..t25 reach the dead end only: the first ten
	// (t01..t10) are named and 25 - 10 = 15 counted.
	assert.True(t, strings.HasPrefix(err.Error(),
		`cxtest: 25 of 26 tasks reach no successful customer outcome: task "t01" reaches output "dead-end" only; `))
	assert.True(t, strings.HasSuffix(err.Error(), `task "t10" reaches output "dead-end" only; and 15 more`), err.Error())

	var c captureT
	AssertAlignedAt(&c, Hierarchy(b.String()), []outcome.Level{outcome.Task})
	assert.Contains(t, c.output(), "\t        \tand 15 more\n")
	assert.Equal(t, 12, strings.Count(c.output(), "\t        \t"), "two more lines of the error, nine more orphans and the count")
}

// TestReach checks where a line of sight is said to stop, for several dead
// ends at several levels.
func TestReach(t *testing.T) {
	m := Hierarchy(
		"task:t -> activity:a1 -> output:o1",
		"a1 -> output:o2",
		"t -> activity:a2 -> output:o3 -> bo:b1",
		"a2 -> output:o4",
		"task:u -> a1",
		"task:lonely",
		"activity:x -> activity:y",
	)
	tests := []struct{ id, want string }{
		// t reaches o1, o2, o3, o4 and b1; the dead ends are o1, o2, o4 and
		// b1 (o3 leads on to b1), highest level first, three of them named.
		{"t", `reaches business outcome "b1" and outputs "o1", "o2" and 1 more only`},
		{"a1", `reaches outputs "o1", "o2" only`},
		{"a2", `reaches business outcome "b1" and output "o4" only`},
		{"lonely", "contributes to nothing"},
		{"x", `reaches activity "y" only`},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			assert.Equal(t, tt.want, reach(m, tt.id))
		})
	}
}

func TestAssertLineOfSight(t *testing.T) {
	m := Hierarchy(contactCentre, `sco:happy-customer "Happy customer"`, "revenue -> happy-customer")
	t.Run("pass", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertLineOfSight(&c, m, "look-up-account", "solved-first-contact"))
	})
	t.Run("fail, an orphan", func(t *testing.T) {
		var c captureT
		ok := AssertLineOfSight(&c, m, "update-wallboard", "solved-first-contact")
		checkFail(t, &c, ok, "\n"+
			"\tError:\ttask \"update-wallboard\" has no line of sight to successful customer outcome \"solved-first-contact\"\n"+
			"\t      \texpected: a path of links from \"update-wallboard\" up to \"solved-first-contact\"\n"+
			"\t      \tactual  : \"update-wallboard\" reaches output \"wallboard-refreshes\" only\n")
	})
	t.Run("fail, serves another outcome", func(t *testing.T) {
		// calls-handled feeds cost-to-serve, which feeds solved-first-contact
		// only; revenue also feeds the happy customer.
		var c captureT
		ok := AssertLineOfSight(&c, m, "calls-handled", "happy-customer", "the bonus rule")
		checkFail(t, &c, ok, "\n"+
			"\tError:   \toutput \"calls-handled\" has no line of sight to successful customer outcome \"happy-customer\" (Happy customer)\n"+
			"\t         \texpected: a path of links from \"calls-handled\" up to \"happy-customer\"\n"+
			"\t         \tactual  : \"calls-handled\" reaches successful customer outcome \"solved-first-contact\" only\n"+
			"\tMessages:\tthe bonus rule\n")
	})
	t.Run("unknown nodes", func(t *testing.T) {
		var c captureT
		ok := AssertLineOfSight(&c, m, "answer-cal", "solved")
		checkFail(t, &c, ok, "\n"+
			"\tError:\thierarchy: unknown node \"answer-cal\"\n"+
			"\t      \thierarchy: unknown node \"solved\"\n")
	})
	t.Run("empty hierarchy", func(t *testing.T) {
		// Every ID is unknown to the empty hierarchy: the cause is said
		// once, in the place of the unknown nodes.
		var c captureT
		ok := AssertLineOfSight(&c, hierarchy.Model{}, "answer-call", "solved-first-contact")
		checkFail(t, &c, ok, "\n"+
			"\tError:\t"+emptyHierarchyMsg+"\n")
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireLineOfSight(t, m, "answer-call", "solved-first-contact") },
			func(t TestingT) { RequireLineOfSight(t, m, "answer-call", "happy-customer") })
	})
}

func TestCheckLineOfSight(t *testing.T) {
	m := Hierarchy(contactCentre)
	tests := []struct {
		name     string
		from, to string
		wantErr  error
		wantMsg  string
	}{
		{name: "task to customer", from: "answer-call", to: "solved-first-contact"},
		{name: "through a weighted link", from: "resolve-problem", to: "revenue"},
		{name: "itself", from: "solved-first-contact", to: "solved-first-contact"},
		{
			name: "down is no line of sight", from: "cost-to-serve", to: "answer-call", wantErr: ErrNoLineOfSight,
			wantMsg: `cxtest: business outcome "cost-to-serve" has no line of sight to task "answer-call"`,
		},
		{
			name: "unknown", from: "nobody", to: "solved-first-contact", wantErr: hierarchy.ErrUnknownNode,
			wantMsg: `hierarchy: unknown node "nobody"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckLineOfSight(m, tt.from, tt.to)
			if tt.wantErr == nil {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
			assert.Equal(t, tt.wantMsg, err.Error())
		})
	}
	var e *outcome.Error
	require.ErrorAs(t, CheckLineOfSight(m, "monitor-queues", "solved-first-contact"), &e)
	assert.Equal(t, []string{"monitor-queues", "solved-first-contact"}, e.IDs)

	// The empty hierarchy: not the two unknown nodes, but why they are.
	err := CheckLineOfSight(hierarchy.Model{}, "answer-call", "solved-first-contact")
	require.ErrorIs(t, err, ErrEmptyHierarchy)
	assert.NotErrorIs(t, err, hierarchy.ErrUnknownNode)
	assert.Equal(t, emptyHierarchyMsg, err.Error())
}

func TestAssertNoUnsupportedOutcomes(t *testing.T) {
	m := Hierarchy(aligned, `sco:joy "The joy of the new car"`, "sco:expression")
	t.Run("pass", func(t *testing.T) {
		var c captureT
		checkPass(t, &c, AssertNoUnsupportedOutcomes(&c, Hierarchy(aligned)))
	})
	t.Run("fail", func(t *testing.T) {
		// 3 customer outcomes; only solved-first-contact is fed.
		var c captureT
		ok := AssertNoUnsupportedOutcomes(&c, m)
		checkFail(t, &c, ok, "\n"+
			"\tError:      \t2 of 3 successful customer outcomes have no work feeding them\n"+
			"\t            \texpected: every successful customer outcome has work feeding it\n"+
			"\t            \tactual  : 1 of 3 has\n"+
			"\tUnsupported:\tsuccessful customer outcome \"expression\"\n"+
			"\t            \tsuccessful customer outcome \"joy\" (The joy of the new car)\n")
	})
	t.Run("empty hierarchy", func(t *testing.T) {
		var c captureT
		ok := AssertNoUnsupportedOutcomes(&c, hierarchy.Model{})
		checkFail(t, &c, ok, "\n"+
			"\tError:\t"+emptyHierarchyMsg+"\n")
	})
	t.Run("check", func(t *testing.T) {
		assert.NoError(t, CheckNoUnsupportedOutcomes(Hierarchy(aligned)))
		// A model with nodes and no customer outcome has none unsupported;
		// the empty model, which passed as well, cannot be checked.
		assert.NoError(t, CheckNoUnsupportedOutcomes(Hierarchy("task:t -> output:o")))
		err := CheckNoUnsupportedOutcomes(hierarchy.Model{})
		require.ErrorIs(t, err, ErrEmptyHierarchy)
		assert.Equal(t, emptyHierarchyMsg, err.Error())
		err = CheckNoUnsupportedOutcomes(Hierarchy("sco:joy"))
		require.ErrorIs(t, err, ErrUnsupportedOutcome)
		assert.Equal(t, `cxtest: 1 of 1 successful customer outcome has no work feeding it: successful customer outcome "joy"`, err.Error())
		var e *outcome.Error
		require.True(t, errors.As(CheckNoUnsupportedOutcomes(m), &e))
		assert.Equal(t, []string{"expression", "joy"}, e.IDs)
	})
	t.Run("require", func(t *testing.T) {
		checkRequire(t,
			func(t TestingT) { RequireNoUnsupportedOutcomes(t, Hierarchy(aligned)) },
			func(t TestingT) { RequireNoUnsupportedOutcomes(t, m) })
		checkRequire(t,
			func(t TestingT) { RequireNoUnsupportedOutcomes(t, Hierarchy(aligned)) },
			func(t TestingT) { RequireNoUnsupportedOutcomes(t, hierarchy.Model{}) })
	})
}
