// Command programmeoffice tells the method's story of a programme office, on
// built-in data: it measures the number of projects underway, progress
// against budget and deliverables achieved, which the method names as
// outputs, and is realigned to the outcomes its projects exist for.
//
// Run it with:
//
//	go run ./examples/programmeoffice
//
// The report has three parts:
//
//  1. The KPI audit, before and after: "What you measure is what you get."
//  2. The hierarchy before (projects feeding nothing) and after (each project
//     linked to the business and customer outcome it serves), with the answer
//     to "is everything you are doing aligned to delivering a successful
//     customer outcome?" for each.
//  3. The gate: the checkers of package cxtest, used outside a test, refuse
//     the old programme and let the realigned one proceed.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cxmodel/cx/cxtest"
	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "programmeoffice:", err)
		os.Exit(1)
	}
}

// run writes the whole report to w.
func run(w io.Writer) error {
	fmt.Fprintln(w, "The Transformation Programme Office: from outputs to outcomes")
	fmt.Fprintln(w, "=============================================================")
	for _, part := range []func(io.Writer) error{auditPart, hierarchyPart, gatePart} {
		fmt.Fprintln(w)
		if err := part(w); err != nil {
			return err
		}
	}
	return nil
}

// portfolio is the programme office's KPIs. Before, they are what the method
// names as programme office outputs, and the project managers' bonus pays on
// progress against budget and deliverables achieved. After the realignment
// the office also measures the two business outcomes and the two customer
// outcomes its projects serve, and the bonus moves to them.
func portfolio(realigned bool) ([]outcome.Metric, error) {
	const hi, lo = outcome.HigherIsBetter, outcome.LowerIsBetter
	specs := []outcome.MetricSpec{
		{ID: "projects-underway", Name: "Projects underway", Level: outcome.Output, Direction: hi, Owner: "PMO"},
		{ID: "progress-against-budget", Name: "Progress against budget", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Project managers", Rewarded: !realigned},
		{ID: "deliverables-achieved", Name: "Deliverables achieved", Level: outcome.Output, Direction: hi, Owner: "Project managers", Rewarded: !realigned},
		{ID: "milestones-hit", Name: "Milestones hit", Level: outcome.Output, Direction: hi, Owner: "PMO"},
		{ID: "on-time-to-budget", Name: "Projects on time and to budget", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "PMO"},
		{ID: "budget-variance", Name: "Budget variance", Level: outcome.Output, Direction: lo, Unit: "%", Owner: "Finance"},
		{ID: "timesheet-compliance", Name: "Timesheet compliance", Level: outcome.Task, Direction: hi, Unit: "%", Owner: "PMO"},
	}
	if realigned {
		specs = append(specs,
			outcome.MetricSpec{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome, Kind: outcome.Cost, Direction: lo, Unit: "EUR", Owner: "Operations", Rewarded: true},
			outcome.MetricSpec{ID: "retention-rate", Name: "Retention rate", Level: outcome.BusinessOutcome, Kind: outcome.Revenue, Direction: hi, Unit: "%", Owner: "Sales", Rewarded: true},
			outcome.MetricSpec{ID: "repeat-contact-rate", Name: "Repeat contact rate", Level: outcome.CustomerOutcome, Direction: lo, Unit: "%", Owner: "Everyone", Rewarded: true},
			outcome.MetricSpec{ID: "outcome-achievement", Name: "Outcome achievement rate", Level: outcome.CustomerOutcome, Direction: hi, Unit: "%", Owner: "Everyone", Rewarded: true},
		)
	}
	out := make([]outcome.Metric, 0, len(specs))
	for _, s := range specs {
		m, err := outcome.NewMetric(s)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// auditPart audits the portfolio before and after the realignment, and
// lists every finding.
func auditPart(w io.Writer) error {
	fmt.Fprintln(w, "1. The KPI audit")
	fmt.Fprintln(w, `   "Are they mostly about outputs?"`)
	for _, realigned := range []bool{false, true} {
		ms, err := portfolio(realigned)
		if err != nil {
			return err
		}
		report, err := outcome.Audit(ms, outcome.AuditOptions{})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\n   %s: %s\n", stage(realigned), report.Summary())
		for _, f := range report.Findings() {
			fmt.Fprintf(w, "   - [%s] %s\n", f.Code(), f.Message())
		}
	}
	return nil
}

// stage names the programme before or after the realignment.
func stage(realigned bool) string {
	if realigned {
		return "After"
	}
	return "Before"
}

// programme is the programme drawn as the method's hierarchy. The board's
// business outcomes serve its customers' outcomes in both; before, the
// projects deliver their deliverables and nothing connects those to any
// outcome. The realignment links each deliverable to the business outcomes
// it serves, stops the one project that serves none (the data lake) and
// replaces the weekly status report with the outcome measures.
func programme(realigned bool) (hierarchy.Model, error) {
	b := hierarchy.NewBuilder()
	node := func(id, name string, l outcome.Level) { b.AddNode(hierarchy.Node{ID: id, Name: name, Level: l}) }
	node("sort-it-myself", "I can sort things out myself, at any time", outcome.CustomerOutcome)
	node("understand-bill", "I understand my bill, and it is right", outcome.CustomerOutcome)
	node("cost-to-serve", "Cost to serve", outcome.BusinessOutcome)
	node("retention-rate", "Customers kept", outcome.BusinessOutcome)
	b.AddLink("cost-to-serve", "sort-it-myself")
	b.AddLink("retention-rate", "understand-bill")

	// The projects (activities), each with its deliverable (an output).
	for _, p := range []struct{ project, name, deliverable, what string }{
		{"crm-upgrade", "Upgrade the CRM", "crm-live", "CRM live in every branch"},
		{"self-service-portal", "Build the self-service portal", "portal-live", "Portal launched"},
		{"billing-rewrite", "Rewrite the bills in plain words", "new-bills", "New bill format"},
		{"office-move", "Move to one office", "new-office", "One office open"},
	} {
		node(p.project, p.name, outcome.Activity)
		node(p.deliverable, p.what, outcome.Output)
		b.AddLink(p.project, p.deliverable)
	}
	node("migrate-records", "Migrate the customer records", outcome.Task)
	node("write-faq", "Write the answers customers look for", outcome.Task)
	node("design-bill", "Design the bill with customers", outcome.Task)
	b.AddLink("migrate-records", "crm-upgrade")
	b.AddLink("write-faq", "self-service-portal")
	b.AddLink("design-bill", "billing-rewrite")

	if !realigned {
		node("data-lake", "Build the data lake", outcome.Activity)
		node("data-platform", "Data platform delivered", outcome.Output)
		node("status-report", "Write the weekly status report", outcome.Task)
		b.AddLink("data-lake", "data-platform")
		return b.Build()
	}
	weight := decimal.RequireFromString
	b.AddWeightedLink("crm-live", "cost-to-serve", weight("0.5"))
	b.AddWeightedLink("crm-live", "retention-rate", weight("0.5"))
	b.AddLink("portal-live", "cost-to-serve")
	b.AddWeightedLink("new-bills", "retention-rate", weight("0.6"))
	b.AddWeightedLink("new-bills", "cost-to-serve", weight("0.4"))
	b.AddLink("new-office", "cost-to-serve")
	return b.Build()
}

// hierarchyPart answers the alignment question before and after, and shows
// what each project serves once realigned.
func hierarchyPart(w io.Writer) error {
	fmt.Fprintln(w, "2. The hierarchy, before and after")
	fmt.Fprintln(w, `   "Is everything you are doing aligned to delivering a successful customer outcome?"`)
	for _, realigned := range []bool{false, true} {
		m, err := programme(realigned)
		if err != nil {
			return err
		}
		a := m.Alignment()
		fmt.Fprintf(w, "\n   %s: %s\n", stage(realigned), a.Answer())
		for _, g := range a.Orphans {
			fmt.Fprintf(w, "   - orphans up to %s: %s\n", g.Highest, strings.Join(g.IDs, ", "))
		}
		if !realigned {
			continue
		}
		fmt.Fprintln(w, "\n   Each project and the outcomes it serves:")
		for n := range m.Nodes() {
			if n.Level != outcome.Activity {
				continue
			}
			los, err := m.LineOfSight(n.ID, 10)
			if err != nil {
				return err
			}
			for _, p := range los.Paths {
				fmt.Fprintf(w, "   - %s\n", strings.Join(p, " -> "))
			}
		}
	}
	return nil
}

// gate is the programme board's rule, checked with cxtest outside any test:
// every piece of work reaches a successful customer outcome, and no reward
// pays for an output that does not.
func gate(m hierarchy.Model, metrics []outcome.Metric) error {
	return errors.Join(cxtest.CheckAligned(m), cxtest.CheckNoRewardedOrphanOutputs(m, metrics))
}

// gatePart runs the gate on the programme before and after.
func gatePart(w io.Writer) error {
	fmt.Fprintln(w, "3. The gate")
	fmt.Fprintln(w, `   "If you pay people for doing dumb stuff they get really smart at it."`)
	for _, realigned := range []bool{false, true} {
		m, err := programme(realigned)
		if err != nil {
			return err
		}
		ms, err := portfolio(realigned)
		if err != nil {
			return err
		}
		err = gate(m, ms)
		if err == nil {
			fmt.Fprintf(w, "\n   %s: passed; the programme may proceed.\n", stage(realigned))
			continue
		}
		fmt.Fprintf(w, "\n   %s: refused:\n", stage(realigned))
		for _, p := range outcome.Problems(err) {
			fmt.Fprintf(w, "   - [%s] %s\n", p.Code, p.Message)
		}
	}
	return nil
}
