package northstar_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// contactCentre is a small contact centre's choice: callers with a problem
// (weight 2) and business customers (weight 1); candidates first-contact
// resolution and customer effort (outcomes), and calls handled and average
// handle time (outputs).
func contactCentre() northstar.Input {
	one := decimal.NewFromInt(1)
	canvas := func(id string, weight int64, inds ...northstar.Indicator) northstar.Canvas {
		return northstar.MustCanvas(northstar.CanvasSpec{Category: id, Name: id, Weight: decimal.NewFromInt(weight),
			Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "resolution",
				Target: "85%", TimeBound: "this quarter"}},
			Outcomes: []northstar.SuccessfulOutcome{{ID: "resolved", Name: "problem resolved", Indicators: inds}}})
	}
	ind := func(metric string, importance int64) northstar.Indicator {
		return northstar.Indicator{Metric: metric, Importance: decimal.NewFromInt(importance)}
	}
	m := func(id, name string, level outcome.Level, dir outcome.Direction) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level, Direction: dir})
	}
	rating := func(v int64) []northstar.Rating {
		return []northstar.Rating{{Aspect: "actionable by the front line", Value: decimal.NewFromInt(v), Min: one, Max: decimal.NewFromInt(5)}}
	}
	return northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: m("fcr", "First-contact resolution", outcome.CustomerOutcome, outcome.HigherIsBetter), Ratings: rating(4)},
			{Metric: m("effort", "Customer effort", outcome.CustomerOutcome, outcome.LowerIsBetter), Ratings: rating(5)},
			{Metric: m("calls-handled", "Calls handled", outcome.Output, outcome.HigherIsBetter), Ratings: rating(5)},
			{Metric: m("aht", "Average handle time", outcome.Output, outcome.LowerIsBetter), Ratings: rating(5)},
		},
		Canvases: []northstar.Canvas{
			canvas("callers", 2, ind("fcr", 3), ind("effort", 1), ind("aht", 1)),
			canvas("business", 1, ind("fcr", 1), ind("effort", 1), ind("calls-handled", 1)),
		},
		Policy: northstar.DefaultPolicy(),
	}
}

func ExampleDefaultPolicy() {
	p := northstar.DefaultPolicy()
	for c := range northstar.Criteria() {
		fmt.Printf("%-28s %s\n", c, p.Weights.Weight(c))
	}
	fmt.Printf("lags up to %d, %s, %.0f%%\n", p.LeadLag.MaxLag, p.LeadLag.Method, 100*p.LeadLag.Confidence)
	// Output:
	// customer coverage            3
	// lead strength                2
	// linkage to business outcomes 2
	// ratings                      1
	// reach                        2
	// lags up to 3, Pearson, 95%
}

// An organisation that trusts its people's judgement more can say so.
func ExampleWeights_With() {
	p := northstar.DefaultPolicy()
	p.Weights = p.Weights.With(northstar.Ratings, decimal.NewFromInt(3))
	fmt.Println(p.Weights.Weight(northstar.Ratings), p.Validate())
	// Output: 3 <nil>
}

// A policy is stored with its weights as decimal strings (2.0 is written
// as 2), so that no reader rounds them through a float; a policy file
// written by hand with the weights as JSON numbers reads too.
func ExampleWeights_MarshalJSON() {
	p := northstar.DefaultPolicy()
	p.Weights = p.Weights.With(northstar.Ratings, decimal.RequireFromString("2.0"))
	data, _ := json.Marshal(p)
	fmt.Println(string(data))

	var q northstar.Policy
	err := json.Unmarshal([]byte(`{"weights": {"coverage": 3, "lead": 2, "linkage": 2, "ratings": 2, "reach": 2},
	  "leadLag": {"maxLag": 3, "method": "pearson", "confidence": 0.95}}`), &q)
	fmt.Println("read back equal:", q.Equal(p), "| error:", err)
	// Output:
	// {"weights":{"coverage":"3","lead":"2","linkage":"2","ratings":"2","reach":"2"},"leadLag":{"maxLag":3,"method":"pearson","confidence":0.95}}
	// read back equal: true | error: <nil>
}

// Weights read on their own are not validated (a policy is), but each must
// be a decimal number: every one that is not is reported.
func ExampleWeights_UnmarshalJSON() {
	var w northstar.Weights
	err := json.Unmarshal([]byte(`{"coverage": "3", "lead": "2,5", "reach": "high"}`), &w)
	fmt.Println(err)
	// Output:
	// northstar: weight of lead strength "2,5" is not a decimal number
	// northstar: weight of reach "high" is not a decimal number
}

func ExamplePolicy_Validate() {
	p := northstar.Policy{Weights: northstar.Weights{Lead: decimal.NewFromInt(-1)}}
	fmt.Println(p.Validate())
	p.Weights = northstar.Weights{}
	fmt.Println(p.Validate())
	// Output:
	// northstar: policy: weight of lead strength -1 is negative
	// northstar: policy: every criterion weight is zero (start from DefaultPolicy)
}

func ExampleParseCriterion() {
	c, _ := northstar.ParseCriterion("lead")
	fmt.Println(c)
	c, _ = northstar.ParseCriterion("Customer Coverage")
	fmt.Println(`"Customer Coverage" is Coverage:`, c == northstar.Coverage)
	_, err := northstar.ParseCriterion("cost")
	fmt.Println(err, "| northstar-unknown-criterion:", errors.Is(err, northstar.ErrUnknownCriterion))
	// Output:
	// lead strength
	// "Customer Coverage" is Coverage: true
	// northstar: unknown criterion "cost" | northstar-unknown-criterion: true
}

func ExampleCriteria() {
	for c := range northstar.Criteria() {
		fmt.Print(c, "; ")
	}
	fmt.Println()
	// Output: customer coverage; lead strength; linkage to business outcomes; ratings; reach;
}

// The ranking keeps every candidate, so a dashboard can show why the
// outputs the centre has always rewarded cannot be its North Star.
func ExampleRanking_Find() {
	r, _ := northstar.Select(contactCentre())
	aht, _ := r.Find("aht")
	fmt.Printf("%s ranks %d: %s\n", aht.Metric.Name(), aht.Rank, aht.Failed[0].Reason)
	fmt.Printf("on coverage alone it scores %.2f of the best\n", aht.Score(northstar.Coverage).Normalised)
	// Output:
	// Average handle time ranks 3: an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
	// on coverage alone it scores 0.26 of the best
}

func ExampleRanking_Winner() {
	r, _ := northstar.Select(contactCentre())
	w, ok := r.Winner()
	fmt.Println(w.Metric.Name(), ok)
	// Output: First-contact resolution true
}

// Each criterion's raw value, its score against the best eligible
// candidate, and its weighted contribution to the total.
func ExampleEntry_Score() {
	r, _ := northstar.Select(contactCentre())
	for _, e := range r.Entries[:2] {
		cov, rat := e.Score(northstar.Coverage), e.Score(northstar.Ratings)
		fmt.Printf("%-24s coverage %.3f -> %.3f -> %.3f; ratings %.2f -> %.2f -> %.3f; total %.3f\n", e.Metric.Name(),
			cov.Raw, cov.Normalised, cov.Contribution, rat.Raw, rat.Normalised, rat.Contribution, e.Total)
	}
	// Output:
	// First-contact resolution coverage 0.511 -> 1.000 -> 0.300; ratings 0.75 -> 0.75 -> 0.075; total 0.375
	// Customer effort          coverage 0.244 -> 0.478 -> 0.143; ratings 1.00 -> 1.00 -> 0.100; total 0.243
}

// What would change the winner: the smallest change in one criterion
// weight that brings a challenger level.
func ExampleRobustness_Smallest() {
	r, _ := northstar.Select(contactCentre())
	ch, ok := r.Robustness.Smallest()
	fmt.Println(ok, r.Robustness.RunnerUp)
	fmt.Printf("%s from %g to %.2f (%+.2f) and %s draws level\n", ch.Criterion, ch.From, ch.To, ch.Delta(), ch.Challenger)
	// Output:
	// true effort
	// customer coverage from 3 to 0.48 (-2.52) and effort draws level
}

// Bad input is reported all at once, with codes a program can act on.
func ExampleSelect_errors() {
	in := contactCentre()
	in.Candidates = in.Candidates[:3] // "aht" is dropped, but a canvas uses it
	in.Policy.LeadLag.MaxLag = -1
	_, err := northstar.Select(in)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
	}
	// Output:
	// lead-lag-invalid-lag []
	// northstar-unknown-metric [callers aht]
}

// The gates come before any score: a candidate that fails one can never
// win.
func ExampleGate() {
	r, _ := northstar.Select(contactCentre())
	for _, e := range r.Entries {
		for _, f := range e.Failed {
			fmt.Printf("%s: %s gate\n", e.Metric.ID(), f.Gate)
		}
	}
	// Output:
	// aht: outcome gate
	// calls-handled: outcome gate
}

// A lag metric is not a North Star: a good North Star is a lead metric, one
// that moves before the business outcomes it drives. A marketplace's guests
// value coming back most, but repeat guests follow revenue by two months,
// where nights booked move a month before it: repeat guests fail the lead
// gate, whatever their coverage, and nights booked is the North Star.
func ExampleGate_lead() {
	m := func(id string, level outcome.Level, kind outcome.Kind) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: id, Level: level, Direction: outcome.HigherIsBetter, Kind: kind})
	}
	nights := []float64{3, 5, 4, 6, 5, 8, 7, 9, 8, 10, 9, 12}
	revenue := append([]float64{4}, nights[:11]...)    // a month after nights booked
	repeat := append([]float64{2, 1}, revenue[:10]...) // two months after revenue
	guests := northstar.MustCanvas(northstar.CanvasSpec{Category: "guests", Name: "Guests", Weight: decimal.NewFromInt(1),
		Needs: []northstar.Need{{ID: "home", Statement: "a stay like home", Measure: "stays rated 4+",
			Target: "95%", TimeBound: "this year"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "stay", Name: "a stay like home", Indicators: []northstar.Indicator{
			{Metric: "repeat-guests", Importance: decimal.NewFromInt(3)},
			{Metric: "nights-booked", Importance: decimal.NewFromInt(1)}}}}})
	policy := northstar.DefaultPolicy()
	policy.LeadLag.MaxLag = 2
	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: m("repeat-guests", outcome.CustomerOutcome, 0), Series: repeat},
			{Metric: m("nights-booked", outcome.CustomerOutcome, 0), Series: nights},
			{Metric: m("revenue", outcome.BusinessOutcome, outcome.Revenue), Series: revenue},
		},
		Canvases: []northstar.Canvas{guests},
		Policy:   policy,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range r.Entries {
		fmt.Printf("%d. %s", e.Rank, e.Metric.ID())
		for _, ev := range e.Evidence {
			fmt.Printf(", against %s: %s", ev.Outcome, ev.LeadLag.Verdict())
		}
		fmt.Println()
		for _, f := range e.Failed {
			fmt.Printf("   fails the %s gate", f.Gate)
			if f.Gate == northstar.GateLead {
				fmt.Printf(": %s", f.Reason)
			}
			fmt.Println()
		}
	}
	// Output:
	// 1. nights-booked, against revenue: leads
	// 2. repeat-guests, against revenue: lags
	//    fails the lead gate: its series follows business outcome revenue by 2 periods, and leads no business outcome in the direction of improvement: it is a lag metric, and the North Star must be a lead metric, one that moves before the business outcomes it drives
	// 3. revenue
	//    fails the canvas gate
}

func ExampleParseGate() {
	g, err := northstar.ParseGate("Canvas")
	fmt.Println(`"Canvas" is GateCanvas:`, g == northstar.GateCanvas, "| error:", err)
	_, err = northstar.ParseGate("beauty")
	fmt.Println(err, "| northstar-unknown-gate:", errors.Is(err, northstar.ErrUnknownGate))
	var none northstar.Gate
	fmt.Println("the zero Gate is zero:", none.IsZero(), "| valid:", none.IsValid(), "| the hierarchy gate is valid:", northstar.GateHierarchy.IsValid())
	// Output:
	// "Canvas" is GateCanvas: true | error: <nil>
	// northstar: unknown gate "beauty" | northstar-unknown-gate: true
	// the zero Gate is zero: true | valid: false | the hierarchy gate is valid: true
}

// A gate failure stored as JSON, as a dashboard keeps a ranking's reasons,
// decodes back to the gate and its reason.
func ExampleGateFailure() {
	r, _ := northstar.Select(contactCentre())
	aht, _ := r.Find("aht")
	stored, _ := json.Marshal(aht.Failed)
	fmt.Println(string(stored))
	var back []northstar.GateFailure
	err := json.Unmarshal(stored, &back)
	fmt.Println("read back, the outcome gate:", back[0].Gate == northstar.GateOutcome, "| error:", err)
	// Output:
	// [{"gate":"outcome","reason":"an output is what we produce, what we make, not an outcome: a bare output can never be the North Star"}]
	// read back, the outcome gate: true | error: <nil>
}

// A link to a business outcome can be declared (the candidate's Drives),
// found in its series, or found in the hierarchy; linkage counts the kinds.
func ExampleLink() {
	in := contactCentre()
	cost := outcome.MustMetric(outcome.MetricSpec{ID: "cost-to-serve", Name: "Cost to serve",
		Level: outcome.BusinessOutcome, Direction: outcome.LowerIsBetter, Kind: outcome.Cost})
	in.Candidates = append(in.Candidates, northstar.Candidate{Metric: cost})
	in.Candidates[0].Drives = []string{"cost-to-serve"}
	r, _ := northstar.Select(in)
	fcr, _ := r.Find("fcr")
	for _, l := range fcr.Links {
		fmt.Printf("%s (%s), declared %v\n", l.Outcome, l.Kind, l.Declared)
	}
	fmt.Println("linkage:", fcr.Score(northstar.Linkage).Raw)
	// Output:
	// cost-to-serve (cost), declared true
	// linkage: 1
}

// A contact centre keeps its selection policy in a file, so that the choice
// can be reviewed and run again. It trusts its agents' judgement more than
// the default does (ratings 2, not 1), and has not drawn its hierarchy yet
// (reach 0). Decoding validates as Policy.Validate does.
func ExamplePolicy_UnmarshalJSON() {
	var p northstar.Policy
	fmt.Println("before decoding, the zero Policy:", p.IsZero())
	err := json.Unmarshal([]byte(`{
	  "weights": {"coverage": "3", "lead": "2", "linkage": "2", "ratings": "2.0", "reach": "0"},
	  "leadLag": {"maxLag": 3, "method": "pearson"}
	}`), &p)
	if err != nil {
		fmt.Println(err)
		return
	}
	w := p.Weights
	fmt.Println("coverage", w.Coverage, "lead", w.Lead, "linkage", w.Linkage, "ratings", w.Ratings, "reach", w.Reach)
	def := northstar.DefaultPolicy()
	fmt.Println("the default policy:", p.Equal(def))
	want := def.Weights.With(northstar.Ratings, decimal.NewFromInt(2)).With(northstar.Reach, decimal.Zero)
	fmt.Println("the default, ratings 2 and reach 0:", w.Equal(want))

	err = json.Unmarshal([]byte(`{"weights": {"coverage": "0", "lead": "0", "linkage": "0", "ratings": "0",
	  "reach": "0"}, "leadLag": {"maxLag": 3}}`), &p)
	fmt.Println("all weights zero:", errors.Is(err, northstar.ErrZeroWeights), northstar.Weights{}.IsZero())
	fmt.Println("p kept its weights:", p.Weights.Equal(want))
	// Output:
	// before decoding, the zero Policy: true
	// coverage 3 lead 2 linkage 2 ratings 2 reach 0
	// the default policy: false
	// the default, ratings 2 and reach 0: true
	// all weights zero: true true
	// p kept its weights: true
}

// Criteria are written by their short names in JSON, as in a weight change
// a dashboard stores; the zero Criterion is none of them.
func ExampleCriterion() {
	var none northstar.Criterion
	fmt.Println("the zero Criterion is zero:", none.IsZero(), "| valid:", none.IsValid(), "| reach is valid:", northstar.Reach.IsValid())
	stored, _ := json.Marshal(northstar.WeightChange{Criterion: northstar.Ratings, From: 1, To: 4, Rise: true, Challenger: "effort"})
	fmt.Println(string(stored))
	var back northstar.WeightChange
	_ = json.Unmarshal(stored, &back)
	fmt.Printf("%s: %+g\n", back.Criterion, back.Delta())
	// Output:
	// the zero Criterion is zero: true | valid: false | reach is valid: true
	// {"criterion":"ratings","from":1,"to":4,"rise":true,"challenger":"effort"}
	// ratings: +3
}

// The contact centre now has a year of monthly figures for first-contact
// resolution (FCR) and for cost to serve (lower is better), and a category
// it has not weighed yet. FCR leads cost by a month (r = -0.98 at lag +1,
// worked out apart from the package): cost falls the month after more
// problems are fixed first time, which for a lower-is-better cost is an
// improvement, so the evidence is aligned (+0.98) and counts as lead
// strength and as a link to cost. Customer effort has no series, so its
// lead strength is missing, not zero on the evidence.
//
// Coverage: callers weigh 2/3 and give FCR 3/5 of their importance,
// business customers 1/3 and 1/3, so FCR's raw coverage is 0.4 + 0.111 =
// 0.511; as the best, it scores 1 × 3/10 = 0.3, split 0.4/0.511 × 0.3 =
// 0.235 and 0.111/0.511 × 0.3 = 0.065.
func ExampleEvidence() {
	in := contactCentre()
	cost := outcome.MustMetric(outcome.MetricSpec{ID: "cost-to-serve", Name: "Cost to serve",
		Level: outcome.BusinessOutcome, Direction: outcome.LowerIsBetter, Kind: outcome.Cost})
	in.Candidates = append(in.Candidates, northstar.Candidate{Metric: cost,
		Series: []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12}})
	in.Candidates[0].Series = []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}
	in.Canvases = append(in.Canvases, northstar.MustCanvas(northstar.CanvasSpec{
		Category: "complainants", Name: "Customers who write to complain", Weight: decimal.Zero,
		Needs: []northstar.Need{{ID: "heard", Statement: "to be heard"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "settled", Name: "complaint settled",
			Indicators: []northstar.Indicator{{Metric: "fcr", Importance: decimal.NewFromInt(1)}}}}}))
	r, err := northstar.Select(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fcr, _ := r.Find("fcr")
	var ev northstar.Evidence = fcr.Evidence[0]
	fmt.Printf("FCR against %s (%s): %s; aligned %+.2f, strength %.2f\n",
		ev.Outcome, ev.Kind, ev.LeadLag.Verdict(), ev.Aligned, ev.Strength)
	for _, l := range fcr.Links {
		fmt.Printf("linked to %s: declared %v, by evidence %v, feeds it %v, fed by it %v\n", l.Outcome, l.Declared, l.Evidence, l.Feeds, l.FedBy)
	}
	effort, _ := r.Find("effort")
	for _, s := range []northstar.Score{fcr.Score(northstar.Lead), effort.Score(northstar.Lead)} {
		fmt.Printf("lead strength %.2f, missing %v\n", s.Raw, s.Missing)
	}
	coverage := func(parts []northstar.CategoryContribution) {
		for _, p := range parts {
			fmt.Printf("  %-12s %.3f × %.3f = %.3f -> %.3f\n", p.Category, p.Weight, p.Share, p.Raw, p.Contribution)
		}
	}
	fmt.Printf("FCR's coverage %.3f -> %.3f:\n", fcr.Score(northstar.Coverage).Raw, fcr.Score(northstar.Coverage).Contribution)
	coverage(fcr.Categories)
	for _, w := range r.Warnings {
		fmt.Println("warning:", w.Code)
	}
	fmt.Println("made with the policy given:", r.Policy.Equal(in.Policy))
	// Output:
	// FCR against cost-to-serve (cost): leads; aligned +0.98, strength 0.98
	// linked to cost-to-serve: declared false, by evidence true, feeds it false, fed by it false
	// lead strength 0.98, missing false
	// lead strength 0.00, missing true
	// FCR's coverage 0.511 -> 0.300:
	//   callers      0.667 × 0.600 = 0.400 -> 0.235
	//   business     0.333 × 0.333 = 0.111 -> 0.065
	//   complainants 0.000 × 1.000 = 0.000 -> 0.000
	// warning: canvas-zero-category-weight
	// warning: canvas-need-not-smart
	// made with the policy given: true
}

// Mistakes in the evidence are reported all at once: a candidate said to
// drive an output (calls handled is what the centre produces, not a
// business outcome), one said to drive a metric nobody put forward, and a
// rating off its one-to-five scale. An empty selection has no candidates.
func ExampleSelect_codes() {
	in := contactCentre()
	in.Candidates[0].Drives = []string{"calls-handled"}
	in.Candidates[1].Drives = []string{"revenue"}
	in.Candidates[3].Ratings[0].Value = decimal.NewFromInt(7)
	_, err := northstar.Select(in)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
	}
	fmt.Println("errors.Is finds each:", errors.Is(err, northstar.ErrNotBusinessOutcome), errors.Is(err, northstar.ErrUnknownMetric),
		errors.Is(err, northstar.ErrInvalidRating))

	_, err = northstar.Select(northstar.Input{Canvases: in.Canvases, Policy: northstar.DefaultPolicy()})
	fmt.Println("no candidates, northstar-no-candidates:", errors.Is(err, northstar.ErrNoCandidates))
	// Output:
	// northstar-not-business-outcome [fcr calls-handled]
	// northstar-unknown-metric [effort revenue]
	// northstar-invalid-rating [aht actionable by the front line]
	// errors.Is finds each: true true true
	// no candidates, northstar-no-candidates: true
}
