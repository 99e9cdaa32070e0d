// Package northstar chooses an organisation's North Star metric, as the
// "Outside-In" method describes it, and explains the choice.
//
// # The North Star
//
// "The North Star metric is the most critical. It is that Metric that would
// consistently deliver Successful Customer Outcomes and drive sustainable
// growth if you focus on above all else." Facebook's is "daily active
// users", Airbnb's "nights booked", BP's "monthly organization upskilling".
//
// A good North Star is an outcome, never a bare output; it is a lead metric
// (it moves before the business outcomes it drives); it is tangible and
// objective and understood by everyone; and it "touches everyone and
// everything", from the front line to the top team.
//
// # How to choose it
//
// The method's steps: identify the customer categories (by need, not by
// circumstance, and prioritised: "80% of profit comes from 20% of
// customers"); agree on their needs, stated SMART-ly; choose the most
// important; and brainstorm what the metric should be across the whole
// organisation, "examining your current key performance indicators and
// assessing what could be a lead Metric", in "the context of what creates
// the best outcome, for the business and the customer".
//
// In this package:
//
//  1. Each customer category gets a Successful Customer Outcome Canvas
//     ([CanvasSpec], validated into a [Canvas] by [NewCanvas]): who the
//     category is, its weight (its importance to the business), its needs
//     ([Need]; one without a measure, a target or a time bound is not SMART,
//     and is reported as a warning), its successful outcomes, and the
//     metrics that show each outcome, with their importance.
//  2. The KPI portfolio becomes the [Candidate] list, each an
//     [outcome.Metric] with the evidence the organisation has: a time series,
//     its own ratings on stated scales, the business outcomes it is known to
//     drive.
//  3. [AnalyzeLeadLag] tells a lead metric from a lag metric: it correlates a
//     candidate's series with a business outcome's at every lag, finds the
//     strongest, and gives a confidence interval and a verdict ([Leads],
//     [Lags], [Coincident] or [NoEvidence]).
//  4. [Select] aggregates the canvases "against all your customer categories"
//     and ranks every candidate. Gates first: a bare output (or task, or
//     activity) can never be the North Star, and neither can a metric no
//     customer category relies on (no canvas of weight above zero gives it
//     importance above zero), nor, where the organisation's [Hierarchy] is
//     given, one that reaches no successful customer outcome in it, nor one
//     whose own series lags a business outcome's and leads none (a lag
//     metric, where the North Star is to move before the business outcomes
//     it drives). Then weighted criteria ([Criterion]): customer coverage,
//     lead strength, linkage to business outcomes, the organisation's
//     ratings, and reach in the hierarchy; the [Policy] says how much each
//     counts, and [DefaultPolicy] explains the library's choice (the method
//     gives no weights).
//  5. For the winner, the hierarchy gives the input metrics
//     ([InputMetric]): the metrics of the work beneath it (tasks,
//     activities and outputs) that drive it most, so each team knows what
//     its work does to move it. The business outcomes beneath it are not
//     among them: the North Star moves before them.
//
// The [Ranking] carries every reason as data: for each candidate, each
// criterion's raw value, normalised score and weighted contribution, each
// customer category's part in its coverage, its lead/lag evidence and links,
// the gates it failed and why, and its rank. Its [Robustness] says what would
// change the winner: the smallest change in any one criterion weight that
// brings a challenger level, computed exactly rather than by trying weights.
//
// # Values
//
// Canvases are immutable values that round-trip through JSON, and decoding
// validates exactly as [NewCanvas] does, reporting every problem with the
// IDs NewCanvas gives (a weight or an importance that is not a decimal
// number is an [ErrInvalidWeight] among them), after every problem of the
// JSON form (each value of the wrong type, null included, by its JSON
// path), in the order of each object's fields as the package writes them,
// a field given again right after the field, then the keys that name no
// field, sorted, so that the same canvas with the members of its objects in
// another order has the same problems in the same order; so do a
// [Policy] and a lead/lag result ([LeadLag]), and the parts of a canvas, a
// policy or a ranking decoded on their own (a [Need], a
// [SuccessfulOutcome], an [Indicator], [LagOptions], an [Entry], a
// [GateFailure], an [Evidence], ...), each read by its parent's reader,
// strictly, with paths from the part. A file of
// canvases reads with [DecodeCanvases], which reports every problem of every
// canvas, each under its index: json.Unmarshal into a []Canvas stops at the
// first canvas that fails. The weights and
// importances people write are exact decimals, and in every JSON form
// (a canvas, a policy, a ranking) they are strings, as decimal's String
// writes them by default, whatever decimal's package-level settings
// (MarshalJSONWithoutQuotes, TrimTrailingZeros, UseScientificNotation) say, so
// the same input gives the same bytes in every program (and messages write
// them the same way); decoding takes a JSON number too, and reads a
// decimal's text itself, in decimal.NewFromString's syntax with any number
// of digits and an exponent within ±10000 (what NewFromString accepts under
// decimal's defaults; one beyond is an [ErrWeightOutOfRange]), whatever
// decimal's MaxDecodeExponent says. The scores, correlations
// and intervals computed from them are float64 statistics. A stored
// [Ranking] reads back as the definitions do ([Ranking.UnmarshalJSON]):
// every problem of its JSON form by its path from the ranking, in the same
// order whatever the order of the members, then those of its values (each
// lead/lag analysis checked as [LeadLag.UnmarshalJSON] says, its policy as
// [Policy.UnmarshalJSON] does, each metric as outcome's decoder does, each
// criterion, gate, kind or severity parsed); its scores, totals and ranks
// are read as given, not recomputed, and one of its own numbers (a score,
// a total, a margin) written too small for a float64 is refused, never
// read as 0. A policy that [Policy.Validate] refuses (the zero Policy),
// and a ranking with one (the zero Ranking), cannot be marshalled: their
// JSON would not read back. Nor can a [CanvasSpec], a [Need], a
// [SuccessfulOutcome] or an [Indicator] with text that is not valid UTF-8
// (an ID or free text: [outcome.ErrInvalidText]), which encoding/json would
// write as U+FFFD, to read back as other text; they are otherwise written
// as they are, drafts included. Every bad input is
// an error with a stable [outcome.Code], reported all at once; nothing
// panics except the documented Must function, and nothing is silently
// skipped. A call that refuses its input and finds one problem returns
// that *[outcome.Error] itself, so that err.(*outcome.Error) holds; with
// two or more it returns them joined with [errors.Join], one level deep
// (never a join within a join), in the order its doc gives;
// [outcome.Problems] lists them either way.
//
// A [Hierarchy] of the organisation's own making is read, not trusted:
// [Select] refuses what a [hierarchy.Model] refuses at Build (a node twice
// in the topological order; a child missing from it, after its parent or
// listed twice; a node without a valid level, or whose metric measures
// another level; different metrics of one ID; a link weight that is
// negative, out of range or not found), each an [ErrInvalidHierarchy]
// naming the nodes and metrics involved, with every other problem of the
// input. A candidate's ratings, like every other list the input gives, are
// checked in time linear in their number, however many there are.
package northstar
