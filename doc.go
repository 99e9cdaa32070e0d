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
// revenue": cost down, service up and revenue up, at the same time, in every
// department, counted in exact decimal money.
//
// # Packages
//
//   - [outcome]: levels, directions and business-outcome kinds; metric
//     definitions; the catalogue of well-known KPIs ([outcome.Classify]); the
//     KPI-portfolio audit; errors with stable codes ([outcome.Code]).
//
// Every package is pure (no I/O, no clocks, no global state), reports bad
// input as errors with stable codes rather than panics, keeps money and the
// ratios people read as exact decimals, explains its verdicts as data, and
// round-trips its definitions through JSON.
package cx
