package cxtest

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/outcome"
)

// workLevels are the levels of work, which should reach a successful customer
// outcome.
const workLevels = int(outcome.BusinessOutcome)

// CheckAligned checks the method's question, "is everything you are doing
// aligned to delivering a successful customer outcome?", on m: every node of
// the given levels (of every level of work, tasks to business outcomes, if
// none is given) must reach a successful customer outcome through its links.
// Successful customer outcomes are aligned by definition and are never
// counted. A model with nodes, but none of those levels, passes.
//
// It returns nil, or an *[outcome.Error] with code [ErrNotAligned] whose IDs
// are every orphan of those levels, highest level first, then by ID, and
// whose message names the first ten and where each one's line of sight stops:
//
//	cxtest: 1 of 3 tasks reaches no successful customer outcome: task "update-wallboard" reaches output "wallboard-refreshes" only
//
// The check cannot be made on the empty hierarchy (m.IsZero(), what a failed
// [hierarchy.Builder.Build] or decoding returns): that is an error with code
// [ErrEmptyHierarchy]. An invalid level is an error with code
// [outcome.ErrUnknownLevel]. Either alone is the error itself; when both
// apply, they are joined with [errors.Join], the hierarchy's first.
func CheckAligned(m hierarchy.Model, levels ...outcome.Level) error {
	return checkAligned(m, levels).err()
}

// AssertAligned asserts that every node of work in m (every task, activity,
// output and business outcome) reaches a successful customer outcome, as
// [CheckAligned] with no levels does. On failure it reports, to t, how many
// nodes of each level are aligned, and lists the orphans, highest level first
// (the nodes nearest the cut in the line of sight come first), each with the
// nodes where its line of sight stops:
//
//	Error:     3 of 11 nodes reach no successful customer outcome
//	           expected: every task, activity, output and business outcome reaches a successful customer outcome
//	           actual  : 8 of 11 do: 2 of 3 tasks, 2 of 3 activities, 2 of 3 outputs, 2 of 2 business outcomes
//	Orphans:   output "wallboard-refreshes" contributes to nothing
//	           activity "monitor-queues" reaches output "wallboard-refreshes" only
//	           task "update-wallboard" reaches output "wallboard-refreshes" only
//	Messages:  the contact centre
//
// On the empty hierarchy it reports, to t, that the assertion cannot be made
// ([ErrEmptyHierarchy]), as [CheckAligned] does.
//
// It returns whether the assertion passed. msgAndArgs, if any, are a message
// or a format and its arguments, reported after the failure.
func AssertAligned(t TestingT, m hierarchy.Model, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkAligned(m, nil), msgAndArgs)
}

// RequireAligned is [AssertAligned], and stops the test (t.FailNow) if it
// failed.
func RequireAligned(t TestingT, m hierarchy.Model, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertAligned(t, m, msgAndArgs...) {
		failNow(t)
	}
}

// AssertAlignedAt asserts that every node of the given levels of m reaches a
// successful customer outcome, as [CheckAligned] does; the failure it reports
// is as [AssertAligned]'s, for those levels. With no levels, it checks every
// level of work. On the empty hierarchy, or with an invalid level, it
// reports that the assertion cannot be made, as [CheckAligned] does.
func AssertAlignedAt(t TestingT, m hierarchy.Model, levels []outcome.Level, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkAligned(m, levels), msgAndArgs)
}

// RequireAlignedAt is [AssertAlignedAt], and stops the test (t.FailNow) if
// it failed.
func RequireAlignedAt(t TestingT, m hierarchy.Model, levels []outcome.Level, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertAlignedAt(t, m, levels, msgAndArgs...) {
		failNow(t)
	}
}

func checkAligned(m hierarchy.Model, levels []outcome.Level) *failure {
	var want [workLevels + 1]bool // by level; index 0 unused
	var bad []string
	for _, l := range levels {
		switch {
		case !l.IsValid():
			bad = append(bad, l.String())
		case l != outcome.CustomerOutcome:
			want[l] = true
		}
	}
	var badLevels error
	if len(bad) > 0 {
		badLevels = outcome.NewError(outcome.ErrUnknownLevel, nil,
			"cxtest: cannot check the alignment of %s: not a level", words.List(bad, len(bad)))
	}
	if err := msg.Join(emptyHierarchy(m), badLevels); err != nil {
		return &failure{cause: err}
	}
	if len(levels) == 0 {
		for l := outcome.Task; l <= outcome.BusinessOutcome; l++ {
			want[l] = true
		}
	}
	var chosen []outcome.Level
	for l := outcome.Task; l <= outcome.BusinessOutcome; l++ {
		if want[l] {
			chosen = append(chosen, l)
		}
	}

	a := m.Alignment()
	total, aligned := 0, 0
	var counts []string
	for _, l := range chosen {
		s := a.Level(l)
		total += s.Nodes
		aligned += s.Aligned
		if s.Nodes > 0 {
			counts = append(counts, fmt.Sprintf("%d of %d %s", s.Aligned, s.Nodes, levelName(l, s.Nodes)))
		}
	}
	if aligned == total {
		return nil
	}

	// The orphans of the chosen levels, highest level first, then by ID.
	type orphan struct {
		id    string
		level outcome.Level
	}
	orphans := make([]orphan, 0, total-aligned)
	for _, g := range a.Orphans {
		for _, id := range g.IDs {
			n, _ := m.Node(id) // an orphan is a node of m
			if want[n.Level] {
				orphans = append(orphans, orphan{id, n.Level})
			}
		}
	}
	slices.SortFunc(orphans, func(a, b orphan) int {
		if c := cmp.Compare(b.level, a.level); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})

	names := make([]string, len(chosen))
	for i, l := range chosen {
		names[i] = levelName(l, 1)
	}
	noun := words.And(pluralNames(chosen))
	if len(chosen) == 1 {
		noun = levelName(chosen[0], total)
	} else if len(chosen) == workLevels {
		noun = plural(total, "node", "nodes")
	}
	f := &failure{
		code: ErrNotAligned,
		ids:  make([]string, len(orphans)),
		summary: fmt.Sprintf("%d of %d %s %s no successful customer outcome",
			len(orphans), total, noun, plural(len(orphans), "reaches", "reach")),
		expected: "every " + words.And(names) + " reaches a successful customer outcome",
	}
	if len(chosen) == 1 {
		f.actual = fmt.Sprintf("%d of %d %s %s", aligned, total, noun, plural(aligned, "does", "do"))
	} else {
		f.actual = fmt.Sprintf("%d of %d %s: %s", aligned, total, plural(aligned, "does", "do"), strings.Join(counts, ", "))
	}
	for i, o := range orphans {
		f.ids[i] = o.id
	}
	f.list("Orphans", len(orphans), func(i int) string {
		n, _ := m.Node(orphans[i].id)
		return nodeRef(n) + " " + reach(m, n.ID)
	})
	return f
}

// CheckLineOfSight checks that the node from has a line of sight to the node
// to: a path of links from it up to to, usually a successful customer
// outcome ("connect the dots from the front line to the top team"). A node
// has a line of sight to itself.
//
// It returns nil, or an *[outcome.Error] with code [ErrNoLineOfSight] whose
// IDs are from and to, and whose message says where from's line of sight
// stops. An ID the model does not hold is an error with code
// [hierarchy.ErrUnknownNode]: one alone is the error itself, and when
// neither is held, both are joined with [errors.Join], from's first. On
// the empty hierarchy, which holds none, the
// check cannot be made, and the error says so, with code
// [ErrEmptyHierarchy], in place of the unknown IDs.
func CheckLineOfSight(m hierarchy.Model, from, to string) error {
	return checkLineOfSight(m, from, to).err()
}

// AssertLineOfSight asserts that the node from has a line of sight to the
// node to, as [CheckLineOfSight] does. On failure it reports, to t, where
// from's line of sight stops instead:
//
//	Error:  task "update-wallboard" has no line of sight to successful customer outcome "solved-first-contact"
//	        expected: a path of links from "update-wallboard" up to "solved-first-contact"
//	        actual  : "update-wallboard" reaches output "wallboard-refreshes" only
//
// An unknown node, or the empty hierarchy, it reports as an assertion that
// cannot be made, as [CheckLineOfSight] does. It returns whether the
// assertion passed.
func AssertLineOfSight(t TestingT, m hierarchy.Model, from, to string, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkLineOfSight(m, from, to), msgAndArgs)
}

// RequireLineOfSight is [AssertLineOfSight], and stops the test (t.FailNow)
// if it failed.
func RequireLineOfSight(t TestingT, m hierarchy.Model, from, to string, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertLineOfSight(t, m, from, to, msgAndArgs...) {
		failNow(t)
	}
}

func checkLineOfSight(m hierarchy.Model, from, to string) *failure {
	if err := emptyHierarchy(m); err != nil {
		return &failure{cause: err}
	}
	src, err1 := m.Node(from)
	dst, err2 := m.Node(to)
	if err1 != nil || err2 != nil {
		return &failure{cause: msg.Join(err1, err2)}
	}
	if from == to {
		return nil
	}
	up, _ := m.Ancestors(from) // from is a node of m
	for id := range up {
		if id == to {
			return nil
		}
	}
	return &failure{
		code:     ErrNoLineOfSight,
		ids:      []string{from, to},
		summary:  fmt.Sprintf("%s has no line of sight to %s", nodeRef(src), nodeRef(dst)),
		expected: fmt.Sprintf("a path of links from %s up to %s", quote(from), quote(to)),
		actual:   quote(from) + " " + reach(m, from),
	}
}

// CheckNoUnsupportedOutcomes checks that every successful customer outcome of
// m has work feeding it (a node below the customer outcomes, directly or
// through other customer outcomes): an outcome that no work feeds is one
// nobody delivers. It returns nil, or an *[outcome.Error] with code
// [ErrUnsupportedOutcome] whose IDs are the unsupported outcomes, sorted, and
// whose message names the first ten. The check cannot be made on the empty
// hierarchy (m.IsZero(), what a failed [hierarchy.Builder.Build] or decoding
// returns): that is an error with code [ErrEmptyHierarchy]. A model with
// nodes but no successful customer outcome passes.
func CheckNoUnsupportedOutcomes(m hierarchy.Model) error {
	return checkNoUnsupportedOutcomes(m).err()
}

// AssertNoUnsupportedOutcomes asserts that every successful customer outcome
// of m has work feeding it, as [CheckNoUnsupportedOutcomes] does. On failure
// it reports, to t, the outcomes that no work feeds; on the empty hierarchy,
// that the assertion cannot be made. It returns whether the assertion
// passed.
func AssertNoUnsupportedOutcomes(t TestingT, m hierarchy.Model, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkNoUnsupportedOutcomes(m), msgAndArgs)
}

// RequireNoUnsupportedOutcomes is [AssertNoUnsupportedOutcomes], and stops
// the test (t.FailNow) if it failed.
func RequireNoUnsupportedOutcomes(t TestingT, m hierarchy.Model, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertNoUnsupportedOutcomes(t, m, msgAndArgs...) {
		failNow(t)
	}
}

func checkNoUnsupportedOutcomes(m hierarchy.Model) *failure {
	if err := emptyHierarchy(m); err != nil {
		return &failure{cause: err}
	}
	u := m.Alignment().Unsupported
	if len(u) == 0 {
		return nil
	}
	total := 0
	for n := range m.Nodes() {
		if n.Level == outcome.CustomerOutcome {
			total++
		}
	}
	fed := total - len(u)
	f := &failure{
		code: ErrUnsupportedOutcome,
		ids:  u,
		summary: fmt.Sprintf("%d of %d %s %s no work feeding %s", len(u), total,
			levelName(outcome.CustomerOutcome, total), plural(len(u), "has", "have"), plural(len(u), "it", "them")),
		expected: "every successful customer outcome has work feeding it",
		actual:   fmt.Sprintf("%d of %d %s", fed, total, plural(fed, "has", "have")),
	}
	f.list("Unsupported", len(u), func(i int) string {
		n, _ := m.Node(u[i])
		return nodeRef(n)
	})
	return f
}

// reach says where the line of sight of the node id stops: at the nodes it
// reaches that contribute to nothing, highest level first, e.g. `reaches
// output "wallboard-refreshes" only`, or `contributes to nothing` for a node
// with no links up. It names at most three nodes.
func reach(m hierarchy.Model, id string) string {
	const named = 3
	up, _ := m.Ancestors(id)
	var ends []hierarchy.Node
	for a := range up {
		parents, _ := m.Parents(a)
		if isEmpty(parents) {
			n, _ := m.Node(a)
			ends = append(ends, n)
		}
	}
	if len(ends) == 0 {
		return "contributes to nothing"
	}
	slices.SortFunc(ends, byLevelDownThenID)
	shown := ends[:min(len(ends), named)]
	var groups []string
	for i := 0; i < len(shown); {
		j := i + 1
		for j < len(shown) && shown[j].Level == shown[i].Level {
			j++
		}
		ids := make([]string, j-i)
		for k := range ids {
			ids[k] = shown[i+k].ID
		}
		groups = append(groups, levelName(shown[i].Level, j-i)+" "+quoteList(ids, named))
		i = j
	}
	s := "reaches " + words.And(groups)
	if len(ends) > named {
		s += fmt.Sprintf(" and %d more", len(ends)-named)
	}
	return s + " only"
}

// isEmpty reports whether seq yields nothing.
func isEmpty(seq iter.Seq[string]) bool {
	for range seq {
		return false
	}
	return true
}

// byLevelDownThenID orders nodes from the highest level down, then by ID.
func byLevelDownThenID(a, b hierarchy.Node) int {
	if c := cmp.Compare(b.Level, a.Level); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// nodeRef names a node in a failure: its level, its ID and, if it has one,
// its name, e.g. `activity "monitor-queues" (Monitor queues)`.
func nodeRef(n hierarchy.Node) string {
	s := levelName(n.Level, 1) + " " + quote(n.ID)
	if n.Name != "" {
		s += " (" + clip(n.Name) + ")"
	}
	return s
}

// levelName returns a level's name in lower case, singular when n is 1 and
// plural otherwise.
func levelName(l outcome.Level, n int) string {
	switch l {
	case outcome.Task:
		return plural(n, "task", "tasks")
	case outcome.Activity:
		return plural(n, "activity", "activities")
	case outcome.Output:
		return plural(n, "output", "outputs")
	case outcome.BusinessOutcome:
		return plural(n, "business outcome", "business outcomes")
	case outcome.CustomerOutcome:
		return plural(n, "successful customer outcome", "successful customer outcomes")
	}
	return l.String()
}

// pluralNames returns the plural names of levels.
func pluralNames(levels []outcome.Level) []string {
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = levelName(l, 2)
	}
	return names
}
