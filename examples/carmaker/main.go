// Command carmaker tells the method's story of a car maker, on built-in data:
// its output is a completed car, its business outcome revenue, and its
// successful customer outcome BMW's "Joy": the joy of the new car.
//
// Run it with:
//
//	go run ./examples/carmaker
//
// The report has three parts, each one step of the method:
//
//  1. The KPI audit: "Are they mostly about outputs?"
//  2. The hierarchy: "is everything you are doing aligned to delivering a
//     successful customer outcome?", and one line of sight from a task on the
//     line to the joy of the new car.
//  3. The joy itself, measured by whether customers actually achieve it: the
//     share of first-year owners who would buy the car again, with its
//     uncertainty.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "carmaker:", err)
		os.Exit(1)
	}
}

// run writes the whole report to w.
func run(w io.Writer) error {
	fmt.Fprintln(w, "Bavaria Motor Works: the joy of the new car")
	fmt.Fprintln(w, "===========================================")
	for _, part := range []func(io.Writer) error{auditPart, hierarchyPart, joyPart} {
		fmt.Fprintln(w)
		if err := part(w); err != nil {
			return err
		}
	}
	return nil
}

// portfolio is the car maker's KPIs as the plant and the sales organisation
// report them. An Output is "what we produce, what we make": the cars built
// per shift (the plant's bonus pays on it), their defects, the stock pushed to
// dealers (the sales force's bonus pays on it), the dealers' survey scores.
// Revenue is the one business outcome measured (the hierarchy's other,
// warranty cost, has no KPI); one measure, owners who would buy the car
// again, tells whether the joy is achieved.
func portfolio() []outcome.MetricSpec {
	const hi, lo = outcome.HigherIsBetter, outcome.LowerIsBetter
	return []outcome.MetricSpec{
		{ID: "cars-per-shift", Name: "Cars built per shift", Level: outcome.Output, Direction: hi, Unit: "cars", Owner: "Plant", Rewarded: true},
		{ID: "defects-per-car", Name: "Defects per car", Level: outcome.Output, Direction: lo, Unit: "defects", Owner: "Quality"},
		{ID: "dealer-stock", Name: "Dealer stock", Level: outcome.Output, Direction: hi, Unit: "cars", Owner: "Sales", Rewarded: true},
		{ID: "on-time-delivery", Name: "On-time delivery", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Logistics"},
		{ID: "csat", Name: "Customer satisfaction score", Level: outcome.Output, Direction: hi, Unit: "%", Owner: "Dealers"},
		{ID: "nps", Name: "Net Promoter Score", Level: outcome.Output, Direction: hi, Owner: "Marketing"},
		{ID: "schedule-adherence", Name: "Schedule adherence", Level: outcome.Activity, Direction: hi, Unit: "%", Owner: "Plant"},
		{ID: "training-hours", Name: "Training hours", Level: outcome.Activity, Direction: hi, Unit: "hours", Owner: "HR"},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: hi, Kind: outcome.Revenue, Unit: "EUR", Owner: "Finance"},
		{ID: "would-buy-again", Name: "Owners who would buy again", Level: outcome.CustomerOutcome, Direction: hi, Unit: "%", Owner: "Everyone"},
	}
}

// metrics validates the portfolio.
func metrics() ([]outcome.Metric, error) {
	var out []outcome.Metric
	for _, spec := range portfolio() {
		m, err := outcome.NewMetric(spec)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// auditPart audits the portfolio: "What you measure is what you get."
func auditPart(w io.Writer) error {
	fmt.Fprintln(w, "1. The KPI audit")
	fmt.Fprintln(w, `   "Usually, the balance will be 80% output metrics". Is it here?`)
	ms, err := metrics()
	if err != nil {
		return err
	}
	report, err := outcome.Audit(ms, outcome.AuditOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	for l := range outcome.Levels() {
		fmt.Fprintf(w, "   %-28s %2d  (%s%%)\n", l, report.Count(l), report.Share(l).Shift(2).StringFixed(1))
	}
	fmt.Fprintln(w, "\n   "+report.Summary())
	fmt.Fprintln(w, "\n   Findings:")
	for _, f := range report.Findings() {
		fmt.Fprintf(w, "   - [%s] %s\n", f.Code(), f.Message())
	}
	return nil
}

// carMaker is the car maker drawn as the method's hierarchy: "Tasks to
// Activities to Outputs to Business Outcomes and ultimately Successful
// Customer Outcomes". Nodes measured by a KPI of the portfolio share its ID,
// but for the joy, which owners who would buy again measure.
func carMaker() (hierarchy.Model, error) {
	ms, err := metrics()
	if err != nil {
		return hierarchy.Model{}, err
	}
	byID := map[string]outcome.Metric{}
	for _, m := range ms {
		byID[m.ID()] = m
	}
	b := hierarchy.NewBuilder()
	node := func(id, name string, l outcome.Level) {
		b.AddNode(hierarchy.Node{ID: id, Name: name, Level: l, Metric: byID[id]})
	}
	b.AddNode(hierarchy.Node{ID: "joy", Name: "The joy of the new car: I love driving it, and I would buy it again",
		Level: outcome.CustomerOutcome, Metric: byID["would-buy-again"]})
	node("revenue", "Revenue", outcome.BusinessOutcome)
	node("warranty-cost", "Warranty cost", outcome.BusinessOutcome)
	node("cars-per-shift", "A completed car", outcome.Output)
	node("defects-per-car", "Defects per car", outcome.Output)
	node("on-time-delivery", "Cars handed over on the promised day", outcome.Output)
	node("dealer-stock", "Cars pushed into dealer stock", outcome.Output)
	node("assemble", "Assemble the car", outcome.Activity)
	node("final-inspection", "Inspect the finished car", outcome.Activity)
	node("handover", "Hand the car over", outcome.Activity)
	node("push-stock", "Ship unordered cars to dealers", outcome.Activity)
	node("fit-doors", "Fit the doors", outcome.Task)
	node("torque-wheels", "Torque the wheel nuts", outcome.Task)
	node("road-test", "Road-test the car", outcome.Task)
	node("explain-car", "Explain the car to its owner", outcome.Task)
	node("fill-shift-report", "Fill in the shift report", outcome.Task)

	weight := decimal.RequireFromString
	b.AddLink("fit-doors", "assemble")
	b.AddLink("torque-wheels", "assemble")
	b.AddLink("road-test", "final-inspection")
	b.AddLink("explain-car", "handover")
	b.AddLink("assemble", "cars-per-shift")
	b.AddLink("final-inspection", "defects-per-car")
	b.AddLink("handover", "on-time-delivery")
	b.AddLink("push-stock", "dealer-stock")
	// A completed car is sold; a car without defects costs no warranty
	// work and is sold again, to the same owner; a car handed over on the
	// promised day is paid for on time. Stock pushed to dealers serves the
	// volume target, and nothing above it.
	b.AddLink("cars-per-shift", "revenue")
	b.AddWeightedLink("defects-per-car", "warranty-cost", weight("0.5"))
	b.AddWeightedLink("defects-per-car", "revenue", weight("0.5"))
	b.AddLink("on-time-delivery", "revenue")
	// Both business outcomes feed the joy, revenue (0.7) more than the
	// warranty bill (0.3).
	b.AddWeightedLink("revenue", "joy", weight("0.7"))
	b.AddWeightedLink("warranty-cost", "joy", weight("0.3"))
	return b.Build()
}

// hierarchyPart answers the alignment question and follows one task on the
// line up to the customer.
func hierarchyPart(w io.Writer) error {
	fmt.Fprintln(w, "2. The hierarchy, from the line to the joy of the new car")
	fmt.Fprintln(w, `   "Is everything you are doing aligned to delivering a successful customer outcome?"`)
	m, err := carMaker()
	if err != nil {
		return err
	}
	a := m.Alignment()
	fmt.Fprintf(w, "\n   %s\n\n", a.Answer())
	for _, s := range a.Levels {
		fmt.Fprintf(w, "   %-17s %d of %d aligned (%s%% by weight)\n",
			s.Level, s.Aligned, s.Nodes, s.ByWeight(3).Shift(2).StringFixed(1))
	}
	fmt.Fprintln(w, "\n   Orphans, by the highest level they reach:")
	for _, g := range a.Orphans {
		fmt.Fprintf(w, "   - up to %s: %s\n", g.Highest, strings.Join(g.IDs, ", "))
	}
	fmt.Fprintln(w, "\n   Rewarded KPIs and where they lead:")
	for _, spec := range portfolio() {
		if !spec.Rewarded {
			continue
		}
		ok, err := m.Aligned(spec.ID)
		if err != nil {
			return err
		}
		verdict := "reaches the joy of the new car"
		if !ok {
			verdict = `reaches NO successful customer outcome: "if you pay people for doing dumb stuff they get really smart at it"`
		}
		fmt.Fprintf(w, "   - %s: %s\n", spec.Name, verdict)
	}
	los, err := m.LineOfSight("road-test", 10)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\n   The line of sight from a road test on the line to the owner:")
	for _, p := range los.Paths {
		fmt.Fprintf(w, "   - %s\n", strings.Join(p, " -> "))
	}
	return nil
}

// joyPart measures the joy of the new car: of the owners surveyed a year
// after delivery, how many would buy the car again, this model year against
// the last.
func joyPart(w io.Writer) error {
	fmt.Fprintln(w, "3. The joy of the new car, measured")
	fmt.Fprintln(w, "   A successful customer outcome is measured by whether customers actually achieve it.")
	lastYear, err := outcome.NewProportion(1581, 2040)
	if err != nil {
		return err
	}
	thisYear, err := outcome.NewProportion(1742, 2150)
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, y := range []struct {
		name string
		p    outcome.Proportion
	}{{"last model year", lastYear}, {"this model year", thisYear}} {
		pct, err := y.p.Percent(1, outcome.RoundHalfEven)
		if err != nil {
			return err
		}
		iv, err := y.p.Wilson(0.95)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "   %s: %s owners would buy again, %s%% (95%% Wilson interval %.1f%% to %.1f%%)\n",
			y.name, y.p, pct.StringFixed(1), 100*iv.Low, 100*iv.High)
	}
	c, err := outcome.CompareProportions(lastYear, thisYear, 0.95)
	if err != nil {
		return err
	}
	verdict := "not significant: it could be noise"
	if c.Significant() {
		verdict = "significant at the 5% level"
	}
	fmt.Fprintf(w, "\n   Change: %+.1f points (95%% interval %+.1f to %+.1f), z = %.2f, p = %.4f: %s.\n",
		100*c.Difference.Estimate, 100*c.Difference.Low, 100*c.Difference.High, c.Z, c.PValue, verdict)
	return nil
}
