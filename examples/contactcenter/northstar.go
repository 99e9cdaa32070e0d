package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// firstContactResolution is the measure the audit found missing: whether
// customers achieve the outcome "my problem is solved the first time I get in
// touch". It measures the hierarchy's customer-outcome node of the same ID.
func firstContactResolution() outcome.MetricSpec {
	return outcome.MetricSpec{ID: "problem-solved", Name: "First contact resolution", Level: outcome.CustomerOutcome,
		Direction: outcome.HigherIsBetter, Unit: "%", Owner: "Everyone"}
}

// canvases are the Successful Customer Outcome Canvases of the centre's two
// customer categories, by need rather than circumstance, weighted by their
// share of profit.
func canvases() ([]northstar.Canvas, error) {
	d := decimal.RequireFromString
	specs := []northstar.CanvasSpec{
		{
			Category: "households", Name: "Households whose service has stopped working", Weight: d("0.65"),
			Needs: []northstar.Need{{ID: "fixed-once", Statement: "the fault fixed in one contact",
				Measure: "share of faults fixed at the first contact", Target: "80%", TimeBound: "by the fourth quarter"}},
			Outcomes: []northstar.SuccessfulOutcome{
				{ID: "solved", Name: "my problem is solved the first time", Indicators: []northstar.Indicator{
					{Metric: "problem-solved", Importance: d("3")}, {Metric: "nps", Importance: d("1")}}},
			},
		},
		{
			Category: "small-businesses", Name: "Small businesses that cannot trade while the line is down", Weight: d("0.35"),
			Needs: []northstar.Need{{ID: "trading", Statement: "back trading the same day",
				Measure: "share of business faults fixed within 8 hours", Target: "95%", TimeBound: "within six months"},
				{ID: "kept-informed", Statement: "kept informed"}},
			Outcomes: []northstar.SuccessfulOutcome{
				{ID: "trading", Name: "back in business the same day", Indicators: []northstar.Indicator{
					{Metric: "problem-solved", Importance: d("2")}, {Metric: "aht", Importance: d("1")},
					{Metric: "calls-handled", Importance: d("1")}}},
			},
		},
	}
	out := make([]northstar.Canvas, 0, len(specs))
	for _, s := range specs {
		c, err := northstar.NewCanvas(s)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// history is two years of monthly figures, 2024 then 2025, for the whole
// centre: first contact resolution (%) climbs with the new way of working,
// and revenue (EUR a month) follows it two months later; calls handled and
// NPS wander on their own calendar. The figures agree with the departments'
// scorecards: first contact resolution averages 67.9% in 2024 and 75.1% in
// 2025 (the scorecards' samples: 67.9% and 75.7%), and revenue adds up to
// 5.34 million EUR in 2024 and 5.83 million in 2025 (the scorecards: 5.3
// and 5.83 million).
func history() (fcr, calls, nps, revenue []float64) {
	for t := range 24 {
		x := float64(t)
		fcr = append(fcr, 64.5+0.6*x+3*math.Sin(x/2))
		calls = append(calls, 41000+900*math.Cos(x))
		nps = append(nps, 18+4*math.Sin(x*1.3))
	}
	for t := range 24 {
		lagged := fcr[max(t-2, 0)]
		revenue = append(revenue, 6600*lagged+14850*math.Cos(float64(5*t)))
	}
	return fcr, calls, nps, revenue
}

// northStarPart chooses the centre's North Star: "that Metric that would
// consistently deliver Successful Customer Outcomes and drive sustainable
// growth if you focus on above all else".
func northStarPart(w io.Writer) error {
	northStarHead.text(w)
	r, err := chooseNorthStar()
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, c := range corrections() {
		fmt.Fprintf(w, "   %s\n\n", c)
	}
	return northStarText(w, r)
}

// corrections says, for each candidate the audit corrected, at what level it
// competes.
func corrections() []string {
	var out []string
	for _, spec := range candidates() {
		if c, ok := corrected(spec); ok {
			out = append(out, fmt.Sprintf("As the audit found, %s competes as %s, not as the %s it was declared.",
				spec.Name, withArticle(c.Level), spec.Level))
		}
	}
	return out
}

// withArticle writes level with "a" or "an" before it: "an Output".
func withArticle(level outcome.Level) string {
	if l := level.String(); strings.ContainsRune("AEIOU", rune(l[0])) {
		return "an " + l
	}
	return "a " + level.String()
}

// candidates are the metrics that compete: the portfolio, and the measure
// of the customer outcome the audit found missing.
func candidates() []outcome.MetricSpec {
	return append(portfolio(), firstContactResolution())
}

// corrected takes the audit's correction of spec: a metric the catalogue
// classes at another level (NPS, declared an outcome) competes as what it
// is. A business outcome keeps its level: the catalogue knows the names of
// outputs and outcomes, not which business outcome a company calls what.
func corrected(spec outcome.MetricSpec) (outcome.MetricSpec, bool) {
	c := outcome.Classify(spec.Name)
	if !c.Known() || c.Level == spec.Level || spec.Level == outcome.BusinessOutcome {
		return spec, false
	}
	spec.Level = c.Level
	return spec, true
}

// chooseNorthStar runs the selection over the portfolio (with the measure of
// the customer outcome the audit found missing), the canvases, two years of
// history and the hierarchy.
func chooseNorthStar() (northstar.Ranking, error) {
	metrics := map[string]outcome.Metric{}
	for _, spec := range candidates() {
		spec, _ = corrected(spec)
		m, err := outcome.NewMetric(spec)
		if err != nil {
			return northstar.Ranking{}, err
		}
		metrics[m.ID()] = m
	}
	model, err := organisation(metrics)
	if err != nil {
		return northstar.Ranking{}, err
	}
	cs, err := canvases()
	if err != nil {
		return northstar.Ranking{}, err
	}
	fcr, calls, nps, revenue := history()
	one, five := decimal.NewFromInt(1), decimal.NewFromInt(5)
	rated := func(understood, actionable int64) []northstar.Rating {
		return []northstar.Rating{
			{Aspect: "understood by everyone", Value: decimal.NewFromInt(understood), Min: one, Max: five},
			{Aspect: "actionable by the front line", Value: decimal.NewFromInt(actionable), Min: one, Max: five},
		}
	}
	policy := northstar.DefaultPolicy()
	policy.LeadLag.MaxLag = 4
	return northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: metrics["problem-solved"], Series: fcr, Ratings: rated(5, 4)},
			{Metric: metrics["nps"], Series: nps, Ratings: rated(4, 2)},
			{Metric: metrics["calls-handled"], Series: calls, Ratings: rated(5, 5)},
			{Metric: metrics["aht"], Ratings: rated(4, 5)},
			{Metric: metrics["retention-revenue"], Series: revenue},
		},
		Canvases:  cs,
		Policy:    policy,
		Hierarchy: northstar.FromModel(model),
	})
}

// northStarText writes the ranking, the winner's reasons and its input
// metrics: the metrics of the work beneath it (not the business outcomes
// beneath it in the hierarchy, which it is to lead).
func northStarText(w io.Writer, r northstar.Ranking) error {
	for _, e := range r.Entries {
		fmt.Fprintf(w, "   %d. %-26s total %.3f\n", e.Rank, e.Metric.Name(), e.Total)
		for _, f := range e.Failed {
			fmt.Fprintf(w, "      fails the %s gate: %s\n", f.Gate, f.Reason)
		}
	}
	win, ok := r.Winner()
	if !ok {
		fmt.Fprintln(w, "\n   No candidate passes every gate: there is no North Star yet.")
		return nil
	}
	fmt.Fprintf(w, "\n   North Star: %s\n", win.Metric.Name())
	for _, c := range win.Categories {
		fmt.Fprintf(w, "   - %s: weight %.2f x share %.3f = %.3f of its coverage\n", c.Category, c.Weight, c.Share, c.Raw)
	}
	for _, lead := range leads(win) {
		fmt.Fprintf(w, "   - %s\n", lead)
	}
	fmt.Fprintln(w, "\n   Input metrics, the work that drives it, and who owns it:")
	for _, im := range r.InputMetrics {
		fmt.Fprintf(w, "   - %-22s owner %-20s influence %.2f\n", im.Metric.Name(), im.Metric.Owner(), im.Influence)
	}
	if r.Robustness.RunnerUp != "" {
		fmt.Fprintf(w, "\n   Runner-up %s, %.3f behind.\n", r.Robustness.RunnerUp, r.Robustness.Margin)
	}
	return nil
}

// leads says how a candidate's series moves against each business outcome's:
// "against retention-revenue it leads by 2 periods (...)".
func leads(e northstar.Entry) []string {
	var out []string
	for _, ev := range e.Evidence {
		out = append(out, fmt.Sprintf("against %s it %s", ev.Outcome, ev.LeadLag))
	}
	return out
}
