package cxtest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxmodel/cx/internal/msg"
	"github.com/cxmodel/cx/internal/words"
	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
)

// CheckNorthStar checks that the metric with the given ID can be the
// organisation's North Star: that [northstar.Select], run on in, finds it an
// outcome metric that passed every gate: it measures an outcome; a customer
// category relies on it (a canvas of weight above zero gives it importance
// above zero); where in has a hierarchy, it measures a node that reaches a
// successful customer outcome; and it is not a lag metric by its own
// evidence (its series lags a business outcome's and leads none; a
// candidate without a series passes). It need not be the top-ranked
// candidate: the gates are the method's rules (a good North Star is an
// outcome, never a bare output, and a lead metric, which moves before the
// business outcomes it drives), the ranking the library's weighing.
// With metric "", it checks that Select chooses a North Star at all: that
// some candidate passed every gate.
//
// It returns nil, or an *[outcome.Error] with code [ErrNotNorthStar] whose
// IDs are the candidates at fault, and whose message names each gate failed
// and why. A metric that is not a candidate is an error with code
// [northstar.ErrUnknownMetric]; an input Select refuses returns Select's
// problems, and, when metric is not the ID of one of in's candidates, the
// metric's too, after Select's: one problem is the error itself, several
// are joined with [errors.Join], one level deep.
func CheckNorthStar(in northstar.Input, metric string) error {
	return checkNorthStar(in, metric).err()
}

// AssertNorthStar asserts that the metric with the given ID can be the North
// Star (or, with metric "", that there is one), as [CheckNorthStar] does. On
// failure it reports, to t, each gate failed, in the method's terms:
//
//	Error:     "aht" (Average handle time, output, rewarded) cannot be the North Star: it failed 1 of 3 gates
//	           expected: an outcome metric that passes every gate (outcome, canvas, lead)
//	           actual  : it failed the outcome gate, and ranks 3 of 4
//	Gates:     outcome: an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
//	Messages:  the North Star the board proposed
//
// It returns whether the assertion passed.
func AssertNorthStar(t TestingT, in northstar.Input, metric string, msgAndArgs ...any) bool {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	return report(t, checkNorthStar(in, metric), msgAndArgs)
}

// RequireNorthStar is [AssertNorthStar], and stops the test (t.FailNow) if
// it failed.
func RequireNorthStar(t TestingT, in northstar.Input, metric string, msgAndArgs ...any) {
	if h, ok := t.(tHelper); ok {
		h.Helper()
	}
	if !AssertNorthStar(t, in, metric, msgAndArgs...) {
		failNow(t)
	}
}

func checkNorthStar(in northstar.Input, metric string) *failure {
	r, err := northstar.Select(in)
	if err != nil {
		// The metric is looked for among the candidates given, so that a
		// metric that is none is reported with the input's problems.
		if metric != "" && !slices.ContainsFunc(in.Candidates, func(c northstar.Candidate) bool { return c.Metric.ID() == metric }) {
			err = msg.Join(err, notCandidate(metric))
		}
		return &failure{cause: err}
	}
	gates := []string{northstar.GateOutcome.String(), northstar.GateCanvas.String()}
	if in.Hierarchy != nil {
		gates = append(gates, northstar.GateHierarchy.String())
	}
	gates = append(gates, northstar.GateLead.String())
	expected := "an outcome metric that passes every gate (" + strings.Join(gates, ", ") + ")"
	n := len(r.Entries)

	if metric == "" {
		if _, ok := r.Winner(); ok {
			return nil
		}
		f := &failure{
			code:     ErrNotNorthStar,
			ids:      make([]string, n),
			summary:  fmt.Sprintf("no candidate can be the North Star: %s failed a gate", every(n)),
			expected: expected,
			actual:   fmt.Sprintf("0 of %d %s every gate", n, plural(n, "candidate passes", "candidates pass")),
		}
		for i, e := range r.Entries {
			f.ids[i] = e.Metric.ID()
		}
		f.list("Candidates", n, func(i int) string {
			e := r.Entries[i]
			return metricRef(e.Metric) + " failed the " + gateNames(e.Failed) + ": " + reasons(e.Failed)
		})
		return f
	}

	e, ok := r.Find(metric)
	if !ok {
		return &failure{cause: notCandidate(metric)}
	}
	if e.Eligible {
		return nil
	}
	f := &failure{
		code: ErrNotNorthStar,
		ids:  []string{metric},
		summary: fmt.Sprintf("%s cannot be the North Star: it failed %d of %d %s", metricRef(e.Metric),
			len(e.Failed), len(gates), plural(len(gates), "gate", "gates")),
		expected: expected,
		actual:   fmt.Sprintf("it failed the %s, and ranks %d of %d", gateNames(e.Failed), e.Rank, n),
	}
	f.list("Gates", len(e.Failed), func(i int) string {
		return e.Failed[i].Gate.String() + ": " + e.Failed[i].Reason
	})
	return f
}

// notCandidate is the error for a metric that is not a candidate.
func notCandidate(metric string) error {
	return outcome.NewError(northstar.ErrUnknownMetric, []string{metric},
		"cxtest: %s is not a candidate for the North Star", quote(metric))
}

// gateNames names failed gates: "outcome gate", "outcome and canvas gates".
func gateNames(failed []northstar.GateFailure) string {
	names := make([]string, len(failed))
	for i, g := range failed {
		names[i] = g.Gate.String()
	}
	return words.And(names) + " " + plural(len(failed), "gate", "gates")
}

// reasons joins the reasons of failed gates.
func reasons(failed []northstar.GateFailure) string {
	rs := make([]string, len(failed))
	for i, g := range failed {
		rs[i] = g.Reason
	}
	return strings.Join(rs, "; ")
}

// every says "the one candidate", "both candidates" or "every one of the 4
// candidates".
func every(n int) string {
	switch n {
	case 1:
		return "the one candidate"
	case 2:
		return "both candidates"
	}
	return fmt.Sprintf("every one of the %d candidates", n)
}
