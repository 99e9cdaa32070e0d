// Package cxtest helps test authors assert their organisation's metric
// definitions in continuous integration, one line per rule of the method:
// "every rewarded KPI reaches a customer outcome", "at most 50% of our KPIs
// are outputs", "this quarter won the triple crown". It is to the other
// packages of cx what net/http/httptest is to net/http.
//
// # Assertions
//
// The assertions have testify's shape. AssertX(t, ..., msgAndArgs...)
// reports a failure to t and returns whether it passed; RequireX does the
// same and then stops the test with t.FailNow, as testify's require does:
//
//	func TestAlignment(t *testing.T) {
//		m := loadHierarchy(t)
//		cxtest.AssertAligned(t, m)
//		cxtest.AssertNoUnsupportedOutcomes(t, m)
//		cxtest.AssertRewardedKPIsAligned(t, m, kpis)
//		cxtest.AssertNoRewardedOrphanOutputs(t, m, kpis)
//		cxtest.AssertOutputShareAtMost(t, kpis, decimal.RequireFromString("0.5"))
//	}
//
// t is a [TestingT], the minimal interface (one Errorf method), so that
// *testing.T, testify's mocks and a test's own fakes all fit. When t has a
// Helper method it is called, so that a failure points at the test's line.
//
// The rules:
//
//   - [AssertAligned], [AssertAlignedAt]: every node of work (or of the
//     given levels) reaches a successful customer outcome: the method's
//     "yes, 100%".
//   - [AssertLineOfSight]: a given node has a path up to a given outcome.
//   - [AssertNoUnsupportedOutcomes]: every successful customer outcome has
//     work feeding it.
//   - [AssertOutputShareAtMost]: the KPI portfolio is not mostly outputs.
//   - [AssertRewardedKPIsAligned]: every rewarded KPI reaches a customer
//     outcome: each rewarded metric, at any level (a business outcome such
//     as upsell revenue too), measures a node that is or reaches a
//     successful customer outcome.
//   - [AssertNoRewardedOrphanOutputs]: nobody is paid for an output that
//     serves no outcome ("if you pay people for doing dumb stuff they get
//     really smart at it"): the same rule for the rewarded outputs and the
//     work behind them alone, by their declared level (the audit's
//     rewarded-output findings follow the catalogue's level where it knows
//     the name: see CheckNoRewardedOrphanOutputs).
//   - [AssertNorthStar]: the North Star is an outcome metric that passed
//     every gate of the selection (or, with no metric named, there is one).
//   - [AssertTripleCrown], [AssertCrownWon]: a unit's scorecard won the
//     triple crown, or a given crown.
//   - [AssertNoNegativeContribution]: no unit took away from the
//     enterprise's cost saving or revenue growth.
//   - [AssertDecimalEqual], [AssertMoneyEqual]: equality by value (1.0
//     equals 1.00), where testify's assert.Equal compares representations.
//   - [AssertEqual]: equality of any two results or definitions by their
//     type's Equal method (decimals by value, a nil list as an empty one),
//     with a failure that shows both, as indented JSON, and the first line
//     at which they differ.
//
// # Failures
//
// A failure says exactly what is wrong, as a list a person can act on, in
// testify's labelled and aligned layout (go test indents it, and aligns it
// with tabs): what was expected, what was found, then the things at fault,
// each with its reason, and the caller's message:
//
//	Error:     3 of 11 nodes reach no successful customer outcome
//	           expected: every task, activity, output and business outcome reaches a successful customer outcome
//	           actual  : 8 of 11 do: 2 of 3 tasks, 2 of 3 activities, 2 of 3 outputs, 2 of 2 business outcomes
//	Orphans:   output "wallboard-refreshes" contributes to nothing
//	           activity "monitor-queues" reaches output "wallboard-refreshes" only
//	           task "update-wallboard" reaches output "wallboard-refreshes" only
//	Messages:  the contact centre
//
// Lists are bounded, so that a failure on a model of a million nodes stays
// readable: at most ten items are named, and the rest counted ("and 12
// more"). So are the problems that keep a check from being made (its
// arguments' errors, joined): the first ten are reported, one to a line,
// and the rest counted; the Check function's error holds them all. The
// user text cxtest writes itself is clipped to 64 bytes: IDs, owners and
// periods quoted, names as they are. So is a value [AssertEqual] shows:
// at most 20 of its lines, around the first difference, each cut to 100
// bytes, with the lines left out counted. A character of a failure that is not printable (a line break, a tab,
// an escape, in a name or in another package's reason that quotes one) is
// written as a Go string literal writes it ("\n", "\t", "\x1b"), so that
// no user text breaks a failure's layout or forges a line of it.
//
// # Checkers
//
// Every assertion is built on a checker that returns an error instead of
// failing a test, in the manner of testing/fstest.TestFS, for use outside
// go test (a command that vets definitions before they are loaded, say):
// [CheckAligned], [CheckLineOfSight], [CheckNoUnsupportedOutcomes],
// [CheckOutputShareAtMost], [CheckRewardedKPIsAligned],
// [CheckNoRewardedOrphanOutputs],
// [CheckNorthStar], [CheckTripleCrown], [CheckCrownWon],
// [CheckNoNegativeContribution],
// [CheckDecimalEqual], [CheckMoneyEqual] and [CheckEqual]. A checker returns nil when the
// rule holds, and otherwise an *[outcome.Error] whose [outcome.Code] names
// the rule ([ErrNotAligned], ...), whose IDs are everything at fault, and
// whose one-line message names the first ten. A check that cannot be made
// (an unknown node, a scorecard that cannot be scored) returns the error
// that says why, with its own code: one problem is that *[outcome.Error]
// itself, and several are joined with [errors.Join], one level deep (a
// library's joined problems are not joined again inside the check's), so
// that err.(*outcome.Error) works on one and [outcome.Problems] on any.
//
// No check of a hierarchy passes the empty one, with no nodes
// ([hierarchy.Model.IsZero]), which is what a failed
// [hierarchy.Builder.Build] or decoding returns: a test that drops that
// error (m, _ := b.Build()) would otherwise pass on nothing. Each check that
// takes a model ([CheckAligned], [CheckLineOfSight],
// [CheckNoUnsupportedOutcomes], [CheckNoRewardedOrphanOutputs],
// [CheckRewardedKPIsAligned]) and its assertions refuse it as a check that
// cannot be made, with code [ErrEmptyHierarchy]:
//
//	cxtest: cannot check an empty hierarchy: it has no nodes (a failed Build or decoding returns one)
//
// # Fixtures
//
// Fixture builders make small definitions from compact literals, and panic
// on a malformed one, as test helpers may (a malformed fixture is a mistake
// in the test, not in the data under test): [Hierarchy] and
// [MeasuredHierarchy] a hierarchy from chains of nodes,
//
//	m := cxtest.Hierarchy(
//		"task:answer-call -> activity:handle-call -> output:calls-handled",
//		"output:calls-handled -[0.4]-> bo:cost-to-serve -> sco:solved-first-contact",
//	)
//
// [Metrics] KPI definitions, [Scorecard] a unit's triple-crown scorecard and
// [Policy] the policy that judges it.
//
// The package keeps no state and starts no goroutines; its functions are
// safe for concurrent use, so that parallel tests may assert at once.
package cxtest
