package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/cxmodel/cx/outcome"
)

// auditContactCentre is the method's contact centre: two teams, each paid for the
// calls it handles and timed on its average handle time, and a board that
// watches revenue. Nothing measures what the customer achieves.
func auditContactCentre() []outcome.Metric {
	specs := []outcome.MetricSpec{
		{ID: "calls-north", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter,
			Owner: "North team", Rewarded: true},
		{ID: "aht-north", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter,
			Owner: "North team"},
		{ID: "calls-south", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter,
			Owner: "South team", Rewarded: true},
		{ID: "aht-south", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter,
			Owner: "South team"},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter,
			Kind: outcome.Revenue, Owner: "Board"},
	}
	metrics := make([]outcome.Metric, len(specs))
	for i, s := range specs {
		metrics[i] = outcome.MustMetric(s)
	}
	return metrics
}

// auditOnTheRoad is the successful customer outcome of a roadside-assistance
// club: members back on the road, measured by whether they actually are.
func auditOnTheRoad() outcome.Metric {
	return outcome.MustMetric(outcome.MetricSpec{
		ID: "on-the-road", Name: "Members back on the road within an hour", Level: outcome.CustomerOutcome,
		Direction: outcome.HigherIsBetter, Unit: "%", Owner: "Everyone",
	})
}

// The method's audit: "Are they mostly about outputs? Usually, the balance
// will be 80% output metrics." Four of the contact centre's five KPIs are
// outputs, two of them paid for, and none says whether a customer got what
// they came for.
func ExampleAudit() {
	report, err := outcome.Audit(auditContactCentre(), outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.Summary())
	for _, f := range report.Findings() {
		fmt.Println(f)
	}
	// Output:
	// 4 of 5 KPIs (80%) measure outputs or the work behind them, 1 a business outcome and none a successful customer outcome; 2 outputs are rewarded.
	// error no-customer-outcome-measure: none of the 5 KPIs measures a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for
	// error rewarded-output: "Calls handled" (id "calls-north", owner "North team") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
	// error rewarded-output: "Calls handled" (id "calls-south", owner "South team") is an Output tied to a reward: "if you pay people for doing dumb stuff they get really smart at it"
	// warning output-heavy: 4 of 5 KPIs (80%) measure outputs or the work behind them, at or above the 80% threshold: "Usually, the balance will be 80% output metrics"
}

// A threshold outside [0, 1] is an error; 80 is a percentage given where a
// share was meant.
func ExampleAudit_invalidThreshold() {
	_, err := outcome.Audit(auditContactCentre(), outcome.AuditOptions{}.WithOutputHeavyThreshold(80))
	fmt.Println(err)
	fmt.Println(errors.Is(err, outcome.ErrInvalidThreshold))
	// Output:
	// outcome: output-heavy threshold 80 is not a share in [0, 1]
	// true
}

// A board that wants at most half of its KPIs to be outputs sets a stricter
// threshold than the default 80%. The contact centre that has started to
// measure its customers' outcome passes the default, but not the board's
// test: 3 of its 6 KPIs are outputs, and the audit fires at or above the
// threshold.
func ExampleAuditOptions() {
	portfolio := append(auditContactCentre()[1:], auditOnTheRoad()) // 3 outputs, revenue, on the road
	portfolio = append(portfolio, outcome.MustMetric(outcome.MetricSpec{
		ID: "members-renewing", Name: "Members renewing after a breakdown", Level: outcome.CustomerOutcome,
		Direction: outcome.HigherIsBetter,
	}))

	for _, opts := range []outcome.AuditOptions{
		{}, // the default, 0.8
		outcome.AuditOptions{}.WithOutputHeavyThreshold(0.5),
	} {
		report, err := outcome.Audit(portfolio, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("threshold %v: output-heavy %v (%s of the KPIs are outputs)\n",
			opts.OutputHeavyThreshold(), report.Has(outcome.CodeOutputHeavy), report.OutputSideShare())
	}
	// Output:
	// threshold 0.8: output-heavy false (0.5 of the KPIs are outputs)
	// threshold 0.5: output-heavy true (0.5 of the KPIs are outputs)
}

// The summary says where a portfolio stands in one sentence: the contact
// centre before, and after it has started to measure whether its members are
// back on the road and has stopped paying for calls handled.
func ExampleAuditReport_Summary() {
	before := auditContactCentre()
	after := []outcome.Metric{auditOnTheRoad()}
	for _, m := range before {
		spec := m.Spec()
		spec.Rewarded = false
		after = append(after, outcome.MustMetric(spec))
	}
	for _, portfolio := range [][]outcome.Metric{before, after} {
		report, err := outcome.Audit(portfolio, outcome.AuditOptions{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(report.Summary())
	}
	// Output:
	// 4 of 5 KPIs (80%) measure outputs or the work behind them, 1 a business outcome and none a successful customer outcome; 2 outputs are rewarded.
	// 4 of 6 KPIs (66.67%) measure outputs or the work behind them, 1 a business outcome and 1 a successful customer outcome; no output is rewarded.
}

// A test author's check, in CI: no KPI of ours that is an output may be tied
// to a reward.
func ExampleAuditReport_Has() {
	report, err := outcome.Audit(auditContactCentre(), outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if report.Has(outcome.CodeRewardedOutput) {
		fmt.Printf("FAIL: %d rewarded outputs\n", report.RewardedOutputCount())
	}
	// Output:
	// FAIL: 2 rewarded outputs
}

// Findings carry their reasons as data, so a dashboard can say who is paid
// for doing what without recomputing: here, one line per team that is
// rewarded for an output.
func ExampleFinding() {
	report, err := outcome.Audit(auditContactCentre(), outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings() {
		if f.Code() != outcome.CodeRewardedOutput {
			continue
		}
		m := f.Metric()
		fmt.Printf("%s: %s is paid for %q, an %s\n", f.Severity(), m.Owner(), m.Name(), m.Level())
	}
	// Output:
	// error: North team is paid for "Calls handled", an Output
	// error: South team is paid for "Calls handled", an Output
}

// Severity says how serious a finding is. By the method, a portfolio that
// measures no successful customer outcome, and an output people are paid
// for ("if you pay people for doing dumb stuff they get really smart at
// it"), are errors: the portfolio rewards the wrong things. A portfolio of
// 80% outputs is a warning: "Usually, the balance will be 80% output
// metrics", the common case to look into rather than a fault in itself. A
// new check can start as a warning before it becomes an error; the zero
// Severity is neither.
func ExampleSeverity() {
	report, err := outcome.Audit(auditContactCentre(), outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []outcome.Severity{outcome.SeverityError, outcome.SeverityWarning} {
		var codes []outcome.Code
		for _, f := range report.Findings() {
			if f.Severity() == s {
				codes = append(codes, f.Code())
			}
		}
		fmt.Printf("%s: %v\n", s, codes)
	}
	var zero outcome.Severity
	fmt.Println(zero, zero.IsValid())
	// Output:
	// error: [no-customer-outcome-measure rewarded-output rewarded-output]
	// warning: [output-heavy]
	// Severity(0) false
}

// A report marshals to JSON that a BI tool can store: levels as tokens,
// shares as decimal strings, findings with their codes and severities.
func ExampleAuditReport_MarshalJSON() {
	calls := outcome.MustMetric(outcome.MetricSpec{
		ID: "calls", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter, Rewarded: true,
	})
	report, err := outcome.Audit([]outcome.Metric{calls, auditOnTheRoad()}, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(report); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "total": 2,
	//   "outputHeavyThreshold": "0.8",
	//   "levels": [
	//     {
	//       "level": "task",
	//       "count": 0,
	//       "share": "0"
	//     },
	//     {
	//       "level": "activity",
	//       "count": 0,
	//       "share": "0"
	//     },
	//     {
	//       "level": "output",
	//       "count": 1,
	//       "share": "0.5"
	//     },
	//     {
	//       "level": "business-outcome",
	//       "count": 0,
	//       "share": "0"
	//     },
	//     {
	//       "level": "customer-outcome",
	//       "count": 1,
	//       "share": "0.5"
	//     }
	//   ],
	//   "outputSide": {
	//     "count": 1,
	//     "share": "0.5"
	//   },
	//   "outcomes": {
	//     "count": 1,
	//     "share": "0.5"
	//   },
	//   "rewardedOutputs": 1,
	//   "summary": "1 of 2 KPIs (50%) measures outputs or the work behind them, none a business outcome and 1 a successful customer outcome; 1 output is rewarded.",
	//   "findings": [
	//     {
	//       "code": "rewarded-output",
	//       "severity": "error",
	//       "ids": [
	//         "calls"
	//       ],
	//       "count": 1,
	//       "declaredLevel": "output",
	//       "message": "\"Calls handled\" (id \"calls\") is an Output tied to a reward: \"if you pay people for doing dumb stuff they get really smart at it\""
	//     },
	//     {
	//       "code": "unclassified-metric",
	//       "severity": "warning",
	//       "ids": [
	//         "on-the-road"
	//       ],
	//       "count": 1,
	//       "message": "1 KPI is not in the catalogue of well-known KPIs, so its declared level is unchecked (informational): \"on-the-road\""
	//     }
	//   ]
	// }
}
