// Package outcome is the vocabulary of the Outside-In method, and the
// measures that tell outputs from outcomes.
//
// # Outputs are not outcomes
//
// An output is "what we produce, what we make": a completed car, a call
// handled, a project delivered. A business outcome is "a result of what we
// make": revenue, cost optimisation, service delivery, effective compliance.
// A Successful Customer Outcome is "what we deliver for the Customer", and it
// is measured by whether customers actually achieve it. Below the outputs sit
// the activities and tasks that produce them. [Level] names the five rungs,
// from [Task] to [CustomerOutcome]; [Direction] says which way a measure
// should move; [Kind] is the kind of a business outcome.
//
// # Metrics, the catalogue and the audit
//
// A [Metric] is a validated definition of a KPI: its level, direction, unit,
// owner and whether people are rewarded for it. [Classify] looks a KPI's name
// up in a catalogue of well-known KPIs and says which level it measures, with
// the method's reason; an unknown name is "unclassified", never a guess.
// [Audit] asks of a KPI portfolio what the method asks: "Are they mostly about
// outputs? Usually, the balance will be 80% output metrics". It counts the
// portfolio by level and raises findings, each with a stable [Code], a
// [Severity] and the metric IDs involved: an output-heavy portfolio, no
// measure of a successful customer outcome, an output tied to a reward ("if
// you pay people for doing dumb stuff they get really smart at it"), a
// declared level the catalogue contradicts, duplicate IDs. The balance is
// counted by declared level, but the two red flags, a rewarded output and
// no measure of a successful customer outcome, follow the catalogue where it
// knows the name, both ways: a rewarded NPS declared a customer outcome is
// still a rewarded output, and not the portfolio's measure of a customer
// outcome; a rewarded first contact resolution declared an output is that
// measure, and no rewarded output.
//
// # Measures
//
// A [Proportion] is an outcome rate, such as the share of journeys that end in
// the customer's outcome, with its exact rate, Wilson and Wald intervals and a
// two-proportion test ([CompareProportions]). [FailureDemand] tallies value
// demand and failure demand (demand caused by a failure to do something right
// for the customer, which keeps output-driven organisations in a
// "Failure-Demand cycle"); its failure share is an outcome-side health
// measure, lower is better. [NPSTally], [CSATTally] and [CESTally] compute the survey
// scores exactly, with their statistics; the method counts them as outputs,
// "retrospective and subjective", but BI tools need them right. Tallies and
// proportions merge: tallying shards and merging them equals tallying
// everything. Each accumulator also has a compact, versioned binary form
// (MarshalBinary, AppendBinary, UnmarshalBinary) that round-trips exactly and
// validates on decoding, so shards can travel between machines.
//
// # Conventions
//
// Value types are immutable and safe to copy and to share between goroutines;
// the accumulators ([FailureDemand], the tallies' Add methods) are documented
// where they are not. Every type documents its zero value. Ratios a person
// reads are [decimal.Decimal] values, rounded only where a number of places
// and a [Rounding] are given; statistics (standard errors, intervals,
// p-values) are float64, and NaN or Inf in an input is an error.
//
// Bad input is an error, never a panic (only the documented Must functions
// panic). Each problem is an *[Error] carrying a stable [Code] that
// [errors.Is] matches, a [Severity], the IDs involved and a message; a
// validation reports every problem it finds: a call that refuses its input
// for one problem returns that *[Error] itself (so err.(*outcome.Error)
// works), and for two or more returns them joined with [errors.Join], one
// level deep, in the order its doc gives; [Problems] lists them either way.
// Definitions round-trip through encoding/json, and decoding validates
// exactly as the constructors do, refusing unknown fields. A definition's
// JSON is read member by member, and every problem of its form is reported
// before those of its values, both in an order that does not depend on the
// order of the members of its objects, so that the same definition written
// with its members in another order has the same problems in the same order:
// each object's fields in the order the package writes them (a metric's id,
// name, level, direction, ...), a field given again right after the field,
// then the keys that name no field, sorted; an array's elements in order.
// encoding/json stops a list at its first element that fails: [DecodeMetrics]
// decodes a JSON list of metrics and reports every problem of every metric.
// In every JSON form a decimal (a share, a threshold) is a string, as
// decimal's String writes it by default, whatever decimal's package-level
// settings (MarshalJSONWithoutQuotes, TrimTrailingZeros,
// UseScientificNotation) say, so the same value gives the same bytes in every
// program; messages and summaries write decimals the same way. A decoder
// reads a decimal's text itself (a ReasonCount's share, a string or a JSON
// number), whatever decimal's MaxDecodeExponent says. Results encode to JSON
// for a dashboard but are not definitions: an [AuditReport] and a [Finding]
// are not read back (decoding JSON into one is an error with code
// [ErrResultNotDecodable]); an [Interval], a [ScoreTest], a [ReasonCount] and
// a [Classification], plain data with exported fields, decode as strictly as
// a definition (every problem of the form, in the order of the fields, then
// those of the values) and only as their computation could give them (code
// [ErrInvalidResult] otherwise: an interval's bounds in order, a score test's
// z and p-value those of its difference and standard error, a classification
// of the catalogue's form, a row's share from 0 to 1); and a
// [ProportionComparison] decodes only as [CompareProportions] gives it: A and
// B that it compares, and the difference, standard error, z and p-value it
// gives for them at the stored confidence (code [ErrInvalidResult]
// otherwise), every field there and none given twice or unknown.
package outcome
