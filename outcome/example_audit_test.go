package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

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
// will be 80% output metrics". Four of the contact centre's five KPIs are
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

// Declaring an output an outcome does not hide it from the method's red
// flags. Marketing reports its NPS as the customer outcome and is paid on
// it; the method classifies NPS as an output ("retrospective and
// subjective"). The balance still counts NPS as declared, but it is a
// rewarded output, and the portfolio has no measure of a successful
// customer outcome; the catalogue's contradiction stays a warning.
func ExampleAudit_relabelledOutput() {
	portfolio := []outcome.Metric{
		outcome.MustMetric(outcome.MetricSpec{ID: "calls", Name: "Calls handled", Level: outcome.Output,
			Direction: outcome.HigherIsBetter}),
		outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome,
			Direction: outcome.HigherIsBetter, Kind: outcome.Revenue}),
		outcome.MustMetric(outcome.MetricSpec{ID: "nps", Name: "Net Promoter Score", Level: outcome.CustomerOutcome,
			Direction: outcome.HigherIsBetter, Owner: "Marketing", Rewarded: true}),
	}
	report, err := outcome.Audit(portfolio, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.Summary())
	for _, f := range report.Findings() {
		fmt.Println(f.Severity(), f.Code(), f.IDs())
		if c := f.Catalogue(); c.Known() {
			fmt.Println("  the catalogue:", c)
		}
		// Why a declared customer outcome does not count, per ID.
		for i, c := range f.Catalogues() {
			fmt.Printf("  %s, the catalogue: %v\n", f.IDs()[i], c)
		}
	}
	// Output:
	// 1 of 3 KPIs (33.33%) measures outputs or the work behind them, 1 a business outcome and 1 a successful customer outcome (as declared; the catalogue classifies it otherwise); 1 output is rewarded, declared an outcome.
	// error no-customer-outcome-measure [nps]
	//   nps, the catalogue: Net Promoter Score (Output, higher is better)
	// error rewarded-output [nps]
	//   the catalogue: Net Promoter Score (Output, higher is better)
	// warning level-contradicts-catalogue [nps]
	//   the catalogue: Net Promoter Score (Output, higher is better)
}

// The other way round, declaring an outcome an output does not make it a
// red flag. The front line reports first contact resolution as an output
// and is paid on it; the catalogue, after the method, classifies it as a
// successful customer outcome. It is no rewarded output, and it is the
// portfolio's measure of a customer outcome; the balance still counts it as
// declared, and says so, and the contradiction is a warning.
func ExampleAudit_relabelledOutcome() {
	portfolio := []outcome.Metric{
		outcome.MustMetric(outcome.MetricSpec{ID: "calls", Name: "Calls handled", Level: outcome.Output,
			Direction: outcome.HigherIsBetter}),
		outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome,
			Direction: outcome.HigherIsBetter, Kind: outcome.Revenue}),
		outcome.MustMetric(outcome.MetricSpec{ID: "fcr", Name: "First contact resolution", Level: outcome.Output,
			Direction: outcome.HigherIsBetter, Owner: "Front line", Rewarded: true}),
	}
	report, err := outcome.Audit(portfolio, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(report.Summary())
	for _, f := range report.Findings() {
		fmt.Println(f.Severity(), f.Code(), f.IDs())
		fmt.Println("  the catalogue:", f.Catalogue())
	}
	// Output:
	// 2 of 3 KPIs (66.67%) measure outputs or the work behind them (as declared; the catalogue classifies 1 of them otherwise), 1 a business outcome and none a successful customer outcome; no output is rewarded.
	// warning level-contradicts-catalogue [fcr]
	//   the catalogue: First contact resolution (Successful Customer Outcome, higher is better)
}

// A threshold outside [0, 1] is an error; 80 is a percentage given where a
// share was meant.
func ExampleAudit_invalidThreshold() {
	_, err := outcome.Audit(auditContactCentre(), outcome.AuditOptions{}.WithOutputHeavyThreshold(80))
	fmt.Println(err)
	fmt.Println("invalid-threshold:", errors.Is(err, outcome.ErrInvalidThreshold))
	// Output:
	// outcome: output-heavy threshold 80 is not a share in [0, 1]
	// invalid-threshold: true
}

// The method asks "Are they mostly about outputs? Usually, the balance will
// be 80% output metrics": 80% is the balance it expects to find, and the
// library's default threshold. Three outputs of four KPIs (75%) are mostly
// outputs, but below the default; a stricter reading of "mostly", half or
// more, is the threshold 0.5.
func ExampleDefaultOutputHeavyThreshold() {
	var portfolio []outcome.Metric
	for _, s := range []outcome.MetricSpec{
		{ID: "calls", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "answered", Name: "Calls answered", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "milestones", Name: "Milestones hit", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "fcr", Name: "First contact resolution", Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter},
	} {
		portfolio = append(portfolio, outcome.MustMetric(s))
	}
	for _, opts := range []outcome.AuditOptions{
		{}, // DefaultOutputHeavyThreshold
		outcome.AuditOptions{}.WithOutputHeavyThreshold(0.5),
	} {
		report, err := outcome.Audit(portfolio, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("threshold %v: %s output-side, output-heavy %t\n",
			report.OutputHeavyThreshold(), report.OutputSideShare(), report.Has(outcome.CodeOutputHeavy))
	}
	// Output:
	// threshold 0.8: 0.75 output-side, output-heavy false
	// threshold 0.5: 0.75 output-side, output-heavy true
}

// A board that wants fewer than half of its KPIs to be outputs sets a
// stricter threshold than the default 80%: the audit fires at or above the
// threshold, so at 0.5 half is already output-heavy. (For "at most half",
// cxtest.CheckOutputShareAtMost takes the limit itself.) The contact centre
// that has started to measure its customers' outcome passes the default,
// but not the board's test: 3 of its 6 KPIs are outputs.
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

// A BI tool stores the audit's options next to the portfolio they audit,
// and reads them back as the audit will use them. The zero options, the
// default, are {}; a threshold written as a percentage is refused, as Audit
// refuses it.
func ExampleAuditOptions_MarshalJSON() {
	for _, opts := range []outcome.AuditOptions{{}, outcome.AuditOptions{}.WithOutputHeavyThreshold(0.5)} {
		data, err := json.Marshal(opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		var back outcome.AuditOptions
		if err := json.Unmarshal(data, &back); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: threshold %v\n", data, back.OutputHeavyThreshold())
	}

	var opts outcome.AuditOptions
	err := json.Unmarshal([]byte(`{"outputHeavyThreshold":"80"}`), &opts)
	fmt.Println(errors.Is(err, outcome.ErrInvalidThreshold), err)
	// Output:
	// {}: threshold 0.8
	// {"outputHeavyThreshold":"0.5"}: threshold 0.5
	// true outcome: output-heavy threshold 80 is not a share in [0, 1]
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
	fmt.Println(zero, zero.IsValid(), zero.IsZero())
	// Output:
	// error: [no-customer-outcome-measure rewarded-output rewarded-output]
	// warning: [output-heavy]
	// Severity(0) false true
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

// A stored report is for a dashboard, not read back: its JSON does not hold
// all of it, so decoding it is an error with a stable code rather than a
// silent zero report. Audit the metrics again to have the report: the same
// metrics give the same report.
func ExampleAuditReport_UnmarshalJSON() {
	metrics := []outcome.Metric{outcome.MustMetric(outcome.MetricSpec{
		ID: "calls", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter, Rewarded: true,
	})}
	report, err := outcome.Audit(metrics, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	stored, err := json.Marshal(report)
	if err != nil {
		fmt.Println(err)
		return
	}
	var back outcome.AuditReport
	err = json.Unmarshal(stored, &back)
	fmt.Println("refused, result-not-decodable:", errors.Is(err, outcome.ErrResultNotDecodable), "| left the zero AuditReport:", back.IsZero())
	fmt.Println(err)
	again, err := outcome.Audit(metrics, outcome.AuditOptions{})
	fmt.Println("audited again, the same report:", again.Equal(report), "| error:", err)
	// Output:
	// refused, result-not-decodable: true | left the zero AuditReport: true
	// outcome: an AuditReport is not read back from JSON: it is a result, and its JSON does not hold all of it; audit the metrics again
	// audited again, the same report: true | error: <nil>
}

// The report's accessors give the balance of a car maker's customer-service
// portfolio level by level, as a dashboard shows it. Seven KPIs: a task, an
// activity, three outputs, revenue and first-contact resolution. 5 of 7 are
// output-side, below the default threshold of 80%, so the audit does not
// call the portfolio output-heavy. Sevenths do not terminate, so the shares
// are rounded to AuditSharePlaces (4) places: 1/7 = 0.142857... is 0.1429,
// 3/7 = 0.428571... is 0.4286, 5/7 = 0.714285... is 0.7143 and 2/7 =
// 0.285714... is 0.2857. The five level shares add up to 4·0.1429 + 0.4286
// = 1.0002, not 1: rounded shares may miss by a few units in the last
// place, and the counts are the exact figures.
func ExampleAuditReport_Share() {
	kpis := []outcome.MetricSpec{
		{ID: "claims-keyed", Name: "Warranty claims keyed", Level: outcome.Task, Direction: outcome.HigherIsBetter},
		{ID: "dealer-audits", Name: "Dealer audits done", Level: outcome.Activity, Direction: outcome.HigherIsBetter},
		{ID: "calls", Name: "Calls handled", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter},
		{ID: "cars-delivered", Name: "Cars delivered", Level: outcome.Output, Direction: outcome.HigherIsBetter},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter,
			Kind: outcome.Revenue},
		{ID: "fcr", Name: "First contact resolution", Level: outcome.CustomerOutcome,
			Direction: outcome.HigherIsBetter},
	}
	portfolio := make([]outcome.Metric, len(kpis))
	for i, s := range kpis {
		portfolio[i] = outcome.MustMetric(s)
	}
	report, err := outcome.Audit(portfolio, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d KPIs, shares to %d places\n", report.Total(), outcome.AuditSharePlaces)
	for l := range outcome.Levels() {
		fmt.Printf("  %-28s %d  %s\n", l, report.Count(l), report.Share(l))
	}
	fmt.Printf("output side: %d (%s), outcomes: %d (%s)\n", report.OutputSideCount(), report.OutputSideShare(),
		report.OutcomeCount(), report.OutcomeShare())
	fmt.Printf("threshold %v (the default, %v): output-heavy %t\n", report.OutputHeavyThreshold(),
		outcome.DefaultOutputHeavyThreshold, report.Has(outcome.CodeOutputHeavy))

	// The report does not depend on the order of the KPIs; the zero report
	// is what a failed audit returns.
	slices.Reverse(portfolio)
	again, _ := outcome.Audit(portfolio, outcome.AuditOptions{})
	failed, err := outcome.Audit(portfolio, outcome.AuditOptions{}.WithOutputHeavyThreshold(80))
	fmt.Println("reversed, the same report:", report.Equal(again), "| a failed audit is the zero report:", failed.IsZero(),
		"| invalid-threshold:", errors.Is(err, outcome.ErrInvalidThreshold))
	// Output:
	// 7 KPIs, shares to 4 places
	//   Task                         1  0.1429
	//   Activity                     1  0.1429
	//   Output                       3  0.4286
	//   Business Outcome             1  0.1429
	//   Successful Customer Outcome  1  0.1429
	// output side: 5 (0.7143), outcomes: 2 (0.2857)
	// threshold 0.8 (the default, 0.8): output-heavy false
	// reversed, the same report: true | a failed audit is the zero report: true | invalid-threshold: true
}

// The findings of an audit carry what a reviewer needs to act on them. The
// car maker's service division declared its NPS a business outcome of the
// service kind, but the method names NPS an output ("retrospective and
// subjective"): the finding carries the catalogue's classification. Two
// teams filed revenue under one ID, a KPI nobody else recognises ("Dealer
// smiles") is unclassified, and nothing measures whether customers achieve
// what they came for.
func ExampleFinding_Catalogue() {
	portfolio := []outcome.Metric{
		outcome.MustMetric(outcome.MetricSpec{ID: "nps", Name: "NPS", Level: outcome.BusinessOutcome,
			Direction: outcome.HigherIsBetter, Kind: outcome.Service, Owner: "Service division"}),
		outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome,
			Direction: outcome.HigherIsBetter, Kind: outcome.Revenue, Owner: "Sales"}),
		outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome,
			Direction: outcome.HigherIsBetter, Kind: outcome.Revenue, Owner: "Aftersales"}),
		outcome.MustMetric(outcome.MetricSpec{ID: "dealer-smiles", Name: "Dealer smiles", Level: outcome.Output,
			Direction: outcome.HigherIsBetter}),
	}
	report, err := outcome.Audit(portfolio, outcome.AuditOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range report.Findings() {
		fmt.Printf("%s %s: %d metric(s) %v\n", f.Severity(), f.Code(), f.Count(), f.IDs())
		switch f.Code() {
		case outcome.CodeLevelContradictsCatalogue:
			c := f.Catalogue()
			fmt.Printf("  declared %s (%s), the catalogue says %s: %s\n",
				f.Metric().Level(), f.Metric().Kind(), c.Level, c.Name)
		case outcome.CodeNoCustomerOutcomeMeasure, outcome.CodeDuplicateMetricID, outcome.CodeUnclassifiedMetric:
			fmt.Println(" ", f.Message())
		}
	}

	// An empty portfolio has one finding and nothing else to say. The zero
	// Finding is none; the same finding from the same portfolio is equal.
	empty, _ := outcome.Audit(nil, outcome.AuditOptions{})
	f := empty.Findings()[0]
	fmt.Println("empty portfolio:", f.Code() == outcome.CodeEmptyPortfolio, "|", f.Count(), "metrics,", len(f.IDs()), "IDs")
	again, _ := outcome.Audit(nil, outcome.AuditOptions{})
	fmt.Println("the same finding again is equal:", f.Equal(again.Findings()[0]), "| it is zero:", f.IsZero(),
		"| the zero Finding is:", outcome.Finding{}.IsZero())
	// Output:
	// error duplicate-metric-id: 2 metric(s) [revenue]
	//   id "revenue" is shared by 2 metrics; each is counted
	// error no-customer-outcome-measure: 0 metric(s) []
	//   none of the 4 KPIs measures a successful customer outcome, so the portfolio cannot show whether customers achieve what they came for
	// warning level-contradicts-catalogue: 1 metric(s) [nps]
	//   declared Business Outcome (service), the catalogue says Output: Net Promoter Score
	// warning unclassified-metric: 1 metric(s) [dealer-smiles]
	//   1 KPI is not in the catalogue of well-known KPIs, so its declared level is unchecked (informational): "dealer-smiles"
	// empty portfolio: true | 0 metrics, 0 IDs
	// the same finding again is equal: true | it is zero: false | the zero Finding is: true
}
