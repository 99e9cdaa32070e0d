package cx_test

import (
	"fmt"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// The method in a dozen lines: a contact centre pays its agents for calls
// handled, an output. The audit flags it; the hierarchy shows whether the work
// behind it reaches the customer at all.
func Example() {
	calls := outcome.MustMetric(outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled",
		Level: outcome.Output, Direction: outcome.HigherIsBetter, Rewarded: true})
	report, err := outcome.Audit([]outcome.Metric{calls}, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.Summary())
	for _, f := range report.Findings() {
		fmt.Println("-", f.Code())
	}

	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer the call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "handle-call", Name: "Handle a call", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output, Metric: calls})
	b.AddNode(hierarchy.Node{ID: "problem-solved", Name: "My problem is solved", Level: outcome.CustomerOutcome})
	b.AddLink("answer-call", "handle-call")
	b.AddLink("handle-call", "calls-handled")
	m, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Alignment().Answer())
	// Output:
	// 1 of 1 KPI (100%) measures outputs or the work behind them, none a business outcome and none a successful customer outcome; 1 output is rewarded.
	// - no-customer-outcome-measure
	// - rewarded-output
	// - output-heavy
	// No: 0% of the work (0 of 3 nodes) reaches a successful customer outcome (tasks 0%, activities 0%, outputs 0%); 3 do not: "answer-call", "calls-handled", "handle-call"; and 1 successful customer outcome has no work feeding it: "problem-solved".
}
