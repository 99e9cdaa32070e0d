// Package cx is a library of customer-experience (CX) measurement models: the
// "Outside-In" method in code.
//
// # Outputs are not outcomes
//
// An output is "what we produce, what we make": a call handled, a completed
// car, a project delivered. A business outcome is "a result of what we make":
// revenue, cost optimisation, service delivery, effective compliance. A
// Successful Customer Outcome is "what we deliver for the Customer", and it is
// measured by whether customers actually achieve it. Most organisations
// measure mostly outputs ("usually, the balance will be 80% output metrics"),
// and pay people for them; "if you pay people for doing dumb stuff they get
// really smart at it". Package [outcome] holds the vocabulary (levels,
// directions, metric definitions), a catalogue that tells output KPIs from
// outcome KPIs, and the audit of a KPI portfolio.
//
// # The hierarchy
//
// "There is a hierarchy that connects Tasks to Activities to Outputs to
// Business Outcomes and ultimately Successful Customer Outcomes." Everything an
// organisation does should have a line of sight up to a customer outcome; work
// that has none is aligned to nothing.
//
// # The North Star
//
// "The North Star metric is the most critical. It is that Metric that would
// consistently deliver Successful Customer Outcomes and drive sustainable
// growth if you focus on above all else." It is chosen across the customer
// categories, each described by a Successful Customer Outcome Canvas.
//
// # The triple crown
//
// Great CX "drives down the cost of delivery, improves service and grows
// revenue": cost down, service up and revenue up, at the same time, scored
// for each department (the method holds every one accountable for its
// contribution) and for the enterprise they roll up to, counted in exact
// decimal money.
//
// # Packages
//
//   - [github.com/cxmodel/cx/outcome]: levels, directions and business-outcome
//     kinds; metric definitions; the catalogue of well-known KPIs; the
//     KPI-portfolio audit; outcome rates, failure demand and the NPS, CSAT and
//     CES tallies; errors with stable codes.
//   - [github.com/cxmodel/cx/hierarchy]: the layered graph from tasks to
//     successful customer outcomes: validation, alignment, line of sight,
//     roll-ups and change attribution, linear in the size of the organisation.
//   - [github.com/cxmodel/cx/northstar]: Successful Customer Outcome Canvases
//     per customer category, lead/lag analysis of time series, and the choice
//     of the North Star: gates, weighted criteria, a full ranking with every
//     reason, how robust the choice is, and the input metrics that drive it.
//   - [github.com/cxmodel/cx/triplecrown]: exact money, per-unit scorecards of
//     cost, service and revenue, the verdict with its reasons, roll-ups,
//     contributions and ROI.
//   - [github.com/cxmodel/cx/render]: pictures for BI tools and READMEs: the
//     hierarchy as Mermaid or Graphviz DOT, and the verdicts as Markdown or
//     aligned text tables, written to a caller's io.Writer.
//   - [github.com/cxmodel/cx/cxtest]: for test authors: testify-style
//     assertions ("every rewarded KPI reaches a customer outcome"), checkers
//     that return an error, and fixture builders.
//
// Imports point one way: hierarchy and triplecrown build on outcome,
// northstar on outcome and hierarchy, and render and cxtest on all of them.
//
// Every package is pure (no I/O, no clocks, no global state), reports bad
// input as errors with stable codes rather than panics, keeps money as exact
// decimals (statistics, such as p-values and the North Star's scores, are
// float64 numbers), explains its verdicts as data, and
// round-trips its definitions through JSON. Tallies, proportions, money sums
// and roll-ups merge and have compact binary forms, so shards computed apart
// (on a distributed engine, say; see examples/beam) combine into the result
// on all the data: exactly, but for a mean's pooled standard deviation (a
// float64, equal up to rounding) and for sums near the bounds of an amount
// (about 10^40), where the grouping can decide whether a merge fails. The program in examples/contactcenter
// tells the whole story on one organisation: go run ./examples/contactcenter.
package cx
