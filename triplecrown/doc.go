// Package triplecrown scores cost, service and revenue together, per unit
// and per period, rolls units up to the enterprise, attributes each unit's
// contribution, and measures the ROI of a CX initiative, in exact money.
//
// # The triple crown
//
// Great customer experience "drives down the cost of delivery, improves
// service and grows revenue. This triple crown of deliverables becomes the
// tangible measure of success": "simultaneously lowering costs, improving
// service and growing revenues". A case study's triple crown was
// "increasing revenue, decreasing costs, and significantly increasing value
// by reducing time to respond": service there is a time, where lower is
// better.
//
// And the crowns are not only the enterprise's: "Linking the triple crown
// across the departments and divisions ... everyone becomes accountable for
// demonstrating their substantial triple crown contribution. This, in turn,
// ensures a significant contribution to delivering the ROI for the CX
// Initiative."
//
// # Scorecards and scores
//
// A [Scorecard] is one unit's period: cost and revenue as baseline and
// actual [Money], and a service measure as baseline and actual [Measure]
// with its direction. A service measure may be a plain value, a rate
// (successes out of trials) or a sample mean (with its standard deviation
// and size); rates and means carry samples, so a change in them can be
// tested.
//
// A [Policy] says what a change must do to count: per crown, a materiality
// threshold ([Threshold], relative to the baseline or absolute) that makes a
// change "substantial", and a significance level for service changes with
// samples. [Scorecard.Score] then gives each crown its absolute and relative
// change and a [Status] (won, flat, lost, or inconclusive when a service
// change is material but not significant), with its reason in words and
// numbers, and a [Verdict]: triple crown, double, single, none, trade-off
// when a crown is won by losing another, revenue bought with cost, say: the
// pattern the method warns of, or lost ground when none is won and one or
// more lost.
//
// When a baseline is zero, the relative change is not defined:
// [CrownScore.Relative] reports false, and any change that is not zero meets
// a relative threshold (an infinite relative change exceeds every finite
// one).
//
// # Roll-ups, contributions and ROI
//
// [NewRollup] rolls units up to the enterprise, and [NewRollups] to any
// grouping the caller gives (divisions of departments); the result is a
// scorecard like any other, to be scored or rolled up again. Money sums
// exactly. Service combines by sample size where the measures carry samples
// and by the caller's weights where they do not, and the [Rollup] says
// which. [NewContributions] gives each unit's share of the enterprise's cost
// saving or revenue growth: the money adds up exactly to the total, the
// percentages (rounded by the largest-remainder method) to exactly 100, and
// detractors are shown as such. [NewROI] sets the benefit (cost saved plus
// revenue gained) against the investment, as a ratio and a payback period.
//
// # Money
//
// [Money] is a [decimal.Decimal] and an ISO 4217 [Currency]. Adding or
// comparing two currencies is an error with code [ErrCurrencyMismatch] that
// names both, never a silent conversion. Rounding happens only where a
// caller passes a [Precision] (decimal places and an [outcome.Rounding]
// mode); nothing reads decimal's package-level settings: a message, a reason
// or a JSON form writes a decimal as decimal's String does by default
// (but for a JSON form's positive exponents, below), whatever
// MarshalJSONWithoutQuotes, TrimTrailingZeros or UseScientificNotation say,
// and a decoder reads a decimal's text itself, within the bounds below,
// whatever MaxDecodeExponent says. In the JSON the package writes every
// decimal is a string: an amount is {"amount":"12.34","currency":"EUR"},
// and a share, a measure's value or a threshold is a string too; a decimal
// with a positive exponent is written as its coefficient and exponent
// (1.5e3, which is 15 times 10^2, as "15e2"), so that it reads back with
// that exponent. A decoder takes a decimal written as a JSON number as well
// ({"amount":12.34}), read exactly as its text, never through a float64;
// the text is in decimal.NewFromString's syntax, an optional sign, digits
// with at most one point and an optional exponent ("-1.5e3"), and a number
// beyond the bounds is out of range, with code [ErrInvalidAmount]. A file of
// scorecards reads with [DecodeScorecards], which reports every problem of
// every scorecard, each under its index: json.Unmarshal into a []Scorecard
// stops at the first scorecard that fails. [Sum] and the roll-ups add
// amounts in fixed-point 128-bit integers and convert to a decimal once, so
// summing allocates nothing per amount; an amount too wide for that falls
// back to exact decimal arithmetic. [MoneySum] is the same accumulator,
// mergeable:
// sums of shards merged equal the sum of everything, and [Rollup.Merge] does
// the same for roll-ups (exactly for money, rates and values; a mean's
// pooled standard deviation is a float64, equal up to rounding). Running
// and merged sums are held to the bounds below, so near them the grouping
// can decide whether a merge is an error. Money, sums, scorecards and roll-ups have compact
// binary forms (MarshalBinary, UnmarshalBinary) for shipping between machines.
// Every amount is within [MaxDigits] and [MaxExponent], given or computed:
// an operation whose exact result would not be (a product whose places add
// up past 30, a sum of amounts near 10^40) is an error with code
// [ErrInvalidAmount], so everything the package builds decodes from its own
// JSON and binary forms, and the two decoders accept the same values.
//
// # Values and errors
//
// Every type is an immutable value; the zero values are documented (most
// are invalid, and say so through IsZero). Bad input is an error, never a
// panic (only the Must* helpers panic): each problem is an
// *[outcome.Error] with a stable [outcome.Code], and every problem of an
// input is reported: a call that finds one returns that *outcome.Error
// itself (err.(*outcome.Error) works), and one that finds several returns
// them joined with [errors.Join], one level deep (each joined error an
// *outcome.Error), in the order its doc gives. A float64 input that is NaN
// or infinite is an error with code [outcome.ErrNotFinite].
//
// The two float64 inputs, a mean's standard deviation and a policy's
// significance level, are never silently rounded to 0 or to a float64 of
// less than full precision: one below the smallest normal float64
// (2^-1022, about 2.2250738585072014e-308) in magnitude but not zero (a
// subnormal) is refused, by the constructors ([NewMean], [NewPolicy]) and
// every decoder, and so is a number a decoder reads from text that
// strconv.ParseFloat and encoding/json read, with no error, as 0 or as a
// subnormal (an "sd" of 1e-400 or 1e-320), with the code of the field's
// other range errors ([ErrInvalidMeasure], [ErrInvalidSignificance]) and
// the number as written, one that reads as 0 in the words of outcome and
// northstar (`triplecrown: significance level 1e-400 is not strictly
// between 0 and 1: it is too small to hold, and reads as 0`) and a
// subnormal as below the smallest normal float64 (`triplecrown: the
// standard deviation 1e-320 is below 2.2250738585072014e-308, the smallest
// positive number held to full precision`). A number written below 0 that reads as -0 is negative
// ("-1e-400"), and a number written as zero ("0.0e-400") is 0.
//
// A spec is plain data, and may hold what its constructor refuses; its JSON
// is only what reads back: [PolicySpec], [ROISpec], [ScorecardSpec],
// [ServiceSpec] and [Amounts] marshal a value [NewPolicy], [NewROI] or
// [NewScorecard] accepts (a service measure and amounts as a scorecard's)
// as encoding/json writes their fields, which their UnmarshalJSON reads
// back Equal, and refuse any other with every problem the constructor
// reports of it, in the codes, IDs and words their UnmarshalJSON reports
// of those values (text that is not valid UTF-8 included, which
// encoding/json would write as U+FFFD). A [Policy], an [ROI] and a
// [Scorecard] hold valid specs, and write them without checking them
// again.
//
// A definition's JSON (money, a precision, a threshold, a measure, a
// policy, an ROI, a scorecard, a roll-up; a [PolicySpec], an [ROISpec], a
// [ScorecardSpec], a [ServiceSpec] and [Amounts] read on their own, each as
// its definition reads it; a [Group]), and that of [Contributions], is read
// member by member, and
// every problem of its form is reported before the problems of its values,
// both in an order that does not depend on the order of the members of its
// objects, so that the same roll-up written with its members in another
// order has the same problems in the same order: each object's fields in
// the order the package writes them (a scorecard's unit, name, period,
// cost, revenue, service), a field given again right after the field, then
// the keys that name no field, sorted; an array's elements in order. Each
// problem of the form is an error with code
// [outcome.ErrInvalidJSON] that names the value by its JSON path from the
// definition's top (keys as written, joined with ".", an array's elements
// by their index from 0): a key that names no field, `triplecrown: unit
// "billing": invalid JSON: unknown field "cost.baseline.colour"`; a field
// given twice, also under a key that differs only in case, as
// encoding/json matches keys to fields, `duplicate object key "Unit"
// (encoding/json matches it to the same field as "unit")`, the first being
// the one read; and a value of the wrong type, `"service.actual.n" must be
// an integer, not the string "340"`, an object or an array where one
// belongs included, and a decimal of a threshold or a measure that is
// neither a string nor a number, `"service.actual.mean" must be a decimal
// string or a number, not true` (money's amount of another type is the
// amount's problem, [ErrInvalidAmount]). The problems of a scorecard's form, and of a roll-up's,
// have the unit's ID and name it (`unit "billing"`, `roll-up "centre"`)
// when the unit is a string that is not empty, and so do a group's with
// its ID (`group "north"`); the others have no ID. A
// part that did not read is not also reported missing, nor checked as a
// value, and a threshold or a measure with a member that did not read is
// not checked further. A definition that is not one JSON object (another
// value, anything after it but white space) is that one problem. Where
// null is refused in JSON's words, it is a value of the wrong type:
// `"periods" must be an integer, not null`.
package triplecrown
