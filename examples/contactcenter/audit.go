package main

import (
	"fmt"
	"io"

	"github.com/cxmodel/cx/outcome"
)

// portfolio is the contact centre's KPIs as the method finds them: calls
// handled, abandoned calls, average handle time (AHT), first-time response,
// customer-satisfaction stats and Net Promoter Score, with two business
// outcomes, and the workforce planners' dashboard of speed and volume. The
// agents' bonus pays on calls handled and AHT, and Marketing's on NPS, which
// it reports as the customer outcome.
func portfolio() []outcome.MetricSpec {
	const hi, lo = outcome.HigherIsBetter, outcome.LowerIsBetter
	return []outcome.MetricSpec{
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Direction: hi, Unit: "calls", Owner: "Front line", Rewarded: true},
		{ID: "abandon-rate", Name: "Abandon rate", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Workforce planning"},
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: lo, Unit: "seconds", Owner: "Front line", Rewarded: true},
		{ID: "first-time-response", Name: "First-time response", Level: outcome.Output, Direction: lo, Unit: "hours", Owner: "Email team"},
		{ID: "csat", Name: "Customer satisfaction score", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Quality"},
		{ID: "nps", Name: "Net Promoter Score", Level: outcome.CustomerOutcome, Direction: hi, Owner: "Marketing", Rewarded: true},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome, Direction: lo, Kind: outcome.Cost, Unit: "EUR", Owner: "Finance"},
		{ID: "retention-revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: hi, Kind: outcome.Revenue, Unit: "EUR", Owner: "Sales"},
		{ID: "calls-answered", Name: "Calls answered", Level: outcome.Output, Direction: hi, Unit: "calls", Owner: "Workforce planning"},
		{ID: "asa", Name: "Average speed of answer", Level: outcome.Output, Direction: lo, Unit: "seconds", Owner: "Workforce planning"},
		{ID: "service-level", Name: "Service level", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Workforce planning"},
		{ID: "occupancy", Name: "Occupancy", Level: outcome.Activity, Direction: hi, Unit: "%", Owner: "Workforce planning"},
		{ID: "transfer-rate", Name: "Transfer rate", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Front line"},
		{ID: "escalation-rate", Name: "Escalation rate", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Team leaders"},
		{ID: "queue-callbacks", Name: "Callback queue clearance", Level: outcome.Activity, Direction: hi, Owner: "Front line"},
	}
}

// audit audits the contact centre's portfolio with the default options.
func audit() (outcome.AuditReport, error) {
	var metrics []outcome.Metric
	for _, spec := range portfolio() {
		m, err := outcome.NewMetric(spec)
		if err != nil {
			return outcome.AuditReport{}, err
		}
		metrics = append(metrics, m)
	}
	return outcome.Audit(metrics, outcome.AuditOptions{})
}

// auditPart audits the portfolio: the balance of outputs and outcomes, and
// what the method would flag.
func auditPart(w io.Writer) error {
	auditHead.text(w)
	report, err := audit()
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	for l := range outcome.Levels() {
		fmt.Fprintf(w, "   %-28s %2d  (%s%%)\n", l, report.Count(l), report.Share(l).Shift(2).StringFixed(1))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "   "+report.Summary())
	fmt.Fprintln(w)
	fmt.Fprintln(w, "   Findings:")
	for _, f := range report.Findings() {
		fmt.Fprintf(w, "   - [%s] %s\n", f.Code(), f.Message())
	}
	return nil
}
