package northstar_test

import (
	"fmt"
	"math"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// A marketplace for places to stay chooses its North Star. Guests bring 70%
// of the profit, hosts 30%. "Listings created" is what the supply team
// produces, and everyone understands it; "nights booked" is what both guests
// and hosts come for, and it moves a month before revenue does.
func ExampleSelect() {
	d := decimal.RequireFromString
	guests := northstar.MustCanvas(northstar.CanvasSpec{
		Category: "guests", Name: "Guests looking for a place that feels like home", Weight: d("0.7"),
		Needs: []northstar.Need{{ID: "home", Statement: "a stay that feels like home",
			Measure: "stays rated 4 or more", Target: "95%", TimeBound: "by the end of the year"}},
		Outcomes: []northstar.SuccessfulOutcome{
			{ID: "stay", Name: "a stay that feels like home", Indicators: []northstar.Indicator{
				{Metric: "nights-booked", Importance: d("3")}, {Metric: "review-score", Importance: d("2")}}},
			{ID: "return", Name: "they come back", Indicators: []northstar.Indicator{
				{Metric: "nights-booked", Importance: d("1")}, {Metric: "repeat-guests", Importance: d("2")}}},
		},
	})
	hosts := northstar.MustCanvas(northstar.CanvasSpec{
		Category: "hosts", Name: "Hosts earning from their space", Weight: d("0.3"),
		Needs: []northstar.Need{{ID: "earn", Statement: "a calendar that fills",
			Measure: "nights booked per listing", Target: "15 a month", TimeBound: "within six months"}},
		Outcomes: []northstar.SuccessfulOutcome{
			{ID: "booked", Name: "a booked calendar", Indicators: []northstar.Indicator{
				{Metric: "nights-booked", Importance: d("3")}, {Metric: "listings-created", Importance: d("2")}}},
		},
	})

	metric := func(id, name string, level outcome.Level, kind outcome.Kind) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level,
			Direction: outcome.HigherIsBetter, Kind: kind})
	}
	// Two years of months: nights booked (thousands) drive next month's
	// revenue; listings follow a campaign calendar of their own.
	var nights, listings, revenue []float64
	for t := range 24 {
		nights = append(nights, 100+2*float64(t)+8*math.Sin(float64(t)))
		listings = append(listings, 40+float64(t%4)*3)
	}
	revenue = append(revenue, 9000)
	for t := 1; t < 24; t++ {
		revenue = append(revenue, 90*nights[t-1]+300*math.Cos(float64(3*t)))
	}
	rated := func(understood, actionable int64) []northstar.Rating {
		one, five := decimal.NewFromInt(1), decimal.NewFromInt(5)
		return []northstar.Rating{
			{Aspect: "understood by everyone", Value: decimal.NewFromInt(understood), Min: one, Max: five},
			{Aspect: "actionable by the front line", Value: decimal.NewFromInt(actionable), Min: one, Max: five},
		}
	}
	policy := northstar.DefaultPolicy()
	policy.LeadLag.MaxLag = 3

	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: metric("listings-created", "Listings created", outcome.Output, 0), Series: listings, Ratings: rated(5, 5)},
			{Metric: metric("nights-booked", "Nights booked", outcome.CustomerOutcome, 0), Series: nights, Ratings: rated(5, 4)},
			{Metric: metric("review-score", "Review score", outcome.CustomerOutcome, 0), Ratings: rated(5, 5),
				Drives: []string{"revenue"}},
			{Metric: metric("repeat-guests", "Repeat guests", outcome.CustomerOutcome, 0), Ratings: rated(3, 2)},
			{Metric: metric("revenue", "Revenue", outcome.BusinessOutcome, outcome.Revenue), Series: revenue},
		},
		Canvases: []northstar.Canvas{guests, hosts},
		Policy:   policy,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range r.Entries {
		fmt.Printf("%d. %-16s total %.3f  coverage %.3f  lead %.2f  linkage %.0f  ratings %.3f\n",
			e.Rank, e.Metric.Name(), e.Total, e.Score(northstar.Coverage).Raw, e.Score(northstar.Lead).Raw,
			e.Score(northstar.Linkage).Raw, e.Score(northstar.Ratings).Raw)
		for _, f := range e.Failed {
			fmt.Printf("   fails the %s gate: %s\n", f.Gate, f.Reason)
		}
	}
	w, _ := r.Winner()
	fmt.Println("North Star:", w.Metric.Name())
	for _, p := range w.Categories {
		fmt.Printf("  %s: weight %.2f × share %.3f = %.3f of its coverage\n", p.Category, p.Weight, p.Share, p.Raw)
	}
	fmt.Println("  against revenue it", w.Evidence[0].LeadLag)
	lc, _ := r.Find("listings-created")
	fmt.Println("Listings created, against revenue:", lc.Evidence[0].LeadLag.Verdict())
	fmt.Printf("Runner-up %s, %.3f behind\n", r.Robustness.RunnerUp, r.Robustness.Margin)
	for _, ch := range r.Robustness.Changes {
		fmt.Printf("  %s would draw level if the weight of %s went from %g to %.2f\n",
			ch.Challenger, ch.Criterion, ch.From, ch.To)
	}
	// Output:
	// 1. Nights booked    total 0.787  coverage 0.530  lead 0.99  linkage 1  ratings 0.875
	// 2. Review score     total 0.399  coverage 0.175  lead 0.00  linkage 1  ratings 1.000
	// 3. Repeat guests    total 0.137  coverage 0.175  lead 0.00  linkage 0  ratings 0.375
	// 4. Listings created total 0.168  coverage 0.120  lead 0.00  linkage 0  ratings 1.000
	//    fails the outcome gate: an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
	// 5. Revenue          total 0.000  coverage 0.000  lead 0.00  linkage 0  ratings 0.000
	//    fails the canvas gate: no customer category's canvas uses it, so it shows no successful customer outcome
	// North Star: Nights booked
	//   guests: weight 0.70 × share 0.500 = 0.350 of its coverage
	//   hosts: weight 0.30 × share 0.600 = 0.180 of its coverage
	//   against revenue it leads by 1 period (Pearson r = 0.99 from 23 pairs, 95% interval 0.96 to 1.00)
	// Listings created, against revenue: no evidence
	// Runner-up review-score, 0.388 behind
	//   review-score would draw level if the weight of ratings went from 1 to 32.08
}

// A social network serves three customer categories, by need: people
// keeping up with friends, creators building an audience, and advertisers
// reaching people. "Daily active users" is on every canvas; the rest of the
// portfolio is outputs, and "time spent", though it tracks revenue, is on
// no canvas. Growth is lumpy, so the lead/lag analysis ranks (Spearman).
func ExampleSelect_socialNetwork() {
	d := decimal.RequireFromString
	canvas := func(id, name, weight, outcomeName string, metrics ...string) northstar.Canvas {
		var inds []northstar.Indicator
		for i := 0; i < len(metrics); i += 2 {
			inds = append(inds, northstar.Indicator{Metric: metrics[i], Importance: d(metrics[i+1])})
		}
		return northstar.MustCanvas(northstar.CanvasSpec{Category: id, Name: name, Weight: d(weight),
			Needs: []northstar.Need{{ID: "need", Statement: outcomeName,
				Measure: "daily active users", Target: "2 billion", TimeBound: "by the end of the year"}},
			Outcomes: []northstar.SuccessfulOutcome{{ID: "outcome", Name: outcomeName, Indicators: inds}}})
	}
	friends := canvas("friends", "People keeping up with friends", "0.5", "stay close to the people who matter",
		"daily-active-users", "3", "messages-sent", "1")
	creators := canvas("creators", "Creators building an audience", "0.2", "an audience that comes back",
		"daily-active-users", "2", "posts-published", "2")
	advertisers := canvas("advertisers", "Advertisers reaching people", "0.3", "reach the right people",
		"daily-active-users", "2", "ad-impressions", "2")

	metric := func(id, name string, level outcome.Level, kind outcome.Kind) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level,
			Direction: outcome.HigherIsBetter, Kind: kind})
	}
	// Sixteen quarters: users grow in spurts, ad revenue follows a quarter
	// later, time spent moves with revenue in the same quarter.
	var dau, revenue, minutes []float64
	for q := range 16 {
		dau = append(dau, 1000+float64(q*q)*8+60*math.Sin(float64(2*q)))
	}
	revenue = append(revenue, 4000)
	for q := 1; q < 16; q++ {
		revenue = append(revenue, 4*dau[q-1]+30*math.Cos(float64(5*q)))
	}
	for q := range 16 {
		minutes = append(minutes, revenue[q]/100+math.Sin(float64(7*q)))
	}
	policy := northstar.DefaultPolicy()
	policy.LeadLag.Method = northstar.Spearman

	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: metric("daily-active-users", "Daily active users", outcome.CustomerOutcome, 0), Series: dau},
			{Metric: metric("time-spent", "Time spent", outcome.CustomerOutcome, 0), Series: minutes},
			{Metric: metric("posts-published", "Posts published", outcome.Output, 0)},
			{Metric: metric("messages-sent", "Messages sent", outcome.Output, 0)},
			{Metric: metric("ad-impressions", "Ad impressions", outcome.Output, 0)},
			{Metric: metric("ad-revenue", "Ad revenue", outcome.BusinessOutcome, outcome.Revenue), Series: revenue},
		},
		Canvases: []northstar.Canvas{friends, creators, advertisers},
		Policy:   policy,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range r.Entries {
		fmt.Printf("%d. %-18s eligible %-5v coverage %.3f", e.Rank, e.Metric.Name(), e.Eligible, e.Score(northstar.Coverage).Raw)
		for _, f := range e.Failed {
			fmt.Printf(", fails the %s gate", f.Gate)
		}
		fmt.Println()
	}
	w, _ := r.Winner()
	fmt.Println("North Star:", w.Metric.Name())
	for _, p := range w.Categories {
		fmt.Printf("  %-11s %.2f × %.2f = %.3f, contributing %.3f\n", p.Category, p.Weight, p.Share, p.Raw, p.Contribution)
	}
	fmt.Println("  against ad revenue it", w.Evidence[0].LeadLag.Verdict(), "by", w.Evidence[0].LeadLag.Best().Lag, "quarter")
	ts, _ := r.Find("time-spent")
	fmt.Println("Time spent, against ad revenue:", ts.Evidence[0].LeadLag.Verdict())
	// Output:
	// 1. Daily active users eligible true  coverage 0.625
	// 2. Time spent         eligible false coverage 0.000, fails the canvas gate
	// 3. Ad impressions     eligible false coverage 0.150, fails the outcome gate
	// 4. Messages sent      eligible false coverage 0.125, fails the outcome gate
	// 5. Posts published    eligible false coverage 0.100, fails the outcome gate
	// 6. Ad revenue         eligible false coverage 0.000, fails the canvas gate
	// North Star: Daily active users
	//   friends     0.50 × 0.75 = 0.375, contributing 0.180
	//   creators    0.20 × 0.50 = 0.100, contributing 0.048
	//   advertisers 0.30 × 0.50 = 0.150, contributing 0.072
	//   against ad revenue it leads by 1 quarter
	// Time spent, against ad revenue: coincident
}

// A training company sells to organisations, and serves three categories:
// employees who want to grow, managers who need capable teams, and the
// learning buyer who must show the spend pays. Its portfolio counts courses
// delivered (an output), training hours (an activity) and learner
// satisfaction (a survey score: an output too), and two outcomes: monthly
// organisation upskilling, after BP Group's North Star in the method,
// "monthly organization upskilling" (the share of the organisation that
// gained a skill it uses this month), and time to competence (lower is
// better).
// What would it take for time to competence to win?
func ExampleSelect_trainingCompany() {
	d := decimal.RequireFromString
	need := []northstar.Need{{ID: "grow", Statement: "a skill I use at work",
		Measure: "share of staff upskilled each month", Target: "5%", TimeBound: "every month"}}
	canvas := func(id, name, weight string, inds ...northstar.Indicator) northstar.Canvas {
		return northstar.MustCanvas(northstar.CanvasSpec{Category: id, Name: name, Weight: d(weight), Needs: need,
			Outcomes: []northstar.SuccessfulOutcome{{ID: "outcome", Name: "capability that shows", Indicators: inds}}})
	}
	ind := func(metric, importance string) northstar.Indicator {
		return northstar.Indicator{Metric: metric, Importance: d(importance)}
	}
	canvases := []northstar.Canvas{
		canvas("employees", "Employees who want to grow", "0.3",
			ind("monthly-upskilling", "3"), ind("learner-satisfaction", "1")),
		canvas("managers", "Managers who need capable teams", "0.3",
			ind("monthly-upskilling", "2"), ind("time-to-competence", "2"), ind("training-hours", "1")),
		canvas("buyers", "Buyers who must show the spend pays", "0.4",
			ind("monthly-upskilling", "2"), ind("time-to-competence", "2"), ind("courses-delivered", "1")),
	}
	metric := func(id, name string, level outcome.Level, dir outcome.Direction, kind outcome.Kind) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level, Direction: dir, Kind: kind})
	}
	higher, lower := outcome.HigherIsBetter, outcome.LowerIsBetter
	// Eighteen months: upskilling leads contract renewals by two months.
	var upskilling, renewals []float64
	for m := range 18 {
		upskilling = append(upskilling, 3+0.1*float64(m)+math.Sin(float64(m)))
	}
	renewals = append(renewals, 50, 52)
	for m := 2; m < 18; m++ {
		renewals = append(renewals, 20+10*upskilling[m-2]+0.5*math.Cos(float64(4*m)))
	}
	rated := func(understood int64) []northstar.Rating {
		return []northstar.Rating{{Aspect: "understood by everyone", Value: decimal.NewFromInt(understood),
			Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(10)}}
	}
	in := northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: metric("monthly-upskilling", "Monthly organisation upskilling", outcome.CustomerOutcome, higher, 0),
				Series: upskilling, Ratings: rated(7)},
			{Metric: metric("time-to-competence", "Time to competence", outcome.CustomerOutcome, lower, 0),
				Ratings: rated(9), Drives: []string{"renewals"}},
			{Metric: metric("courses-delivered", "Courses delivered", outcome.Output, higher, 0), Ratings: rated(10)},
			{Metric: metric("training-hours", "Training hours", outcome.Activity, higher, 0), Ratings: rated(10)},
			{Metric: metric("learner-satisfaction", "Learner satisfaction", outcome.Output, higher, 0), Ratings: rated(8)},
			{Metric: metric("renewals", "Contract renewals", outcome.BusinessOutcome, higher, outcome.Revenue), Series: renewals},
		},
		Canvases: canvases,
		Policy:   northstar.DefaultPolicy(),
	}
	r, err := northstar.Select(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range r.Entries[:2] {
		fmt.Printf("%d. %s: total %.3f\n", e.Rank, e.Metric.Name(), e.Total)
		for _, s := range e.Scores {
			fmt.Printf("     %-28s raw %.3f  score %.3f  × %.1f = %.3f\n", s.Criterion, s.Raw, s.Normalised, s.Weight, s.Contribution)
		}
	}
	for _, e := range r.Entries[2:] {
		fmt.Printf("%d. %s: %s\n", e.Rank, e.Metric.Name(), e.Failed[0].Reason)
	}

	ch, _ := r.Robustness.Smallest()
	fmt.Printf("%s would draw level if the weight of %s went from %g to %.3f\n", ch.Challenger, ch.Criterion, ch.From, ch.To)
	in.Policy.Weights = in.Policy.Weights.With(ch.Criterion, decimal.NewFromFloat(ch.To).RoundCeil(1))
	r, _ = northstar.Select(in)
	w, _ := r.Winner()
	fmt.Printf("With %s weighted %s, the North Star would be %s\n", ch.Criterion, in.Policy.Weights.Weight(ch.Criterion), w.Metric.Name())
	// Output:
	// 1. Monthly organisation upskilling: total 0.775
	//      customer coverage            raw 0.505  score 1.000  × 0.3 = 0.300
	//      lead strength                raw 0.999  score 1.000  × 0.2 = 0.200
	//      linkage to business outcomes raw 1.000  score 1.000  × 0.2 = 0.200
	//      ratings                      raw 0.667  score 0.750  × 0.1 = 0.075
	//      reach                        raw 0.000  score 0.000  × 0.2 = 0.000
	// 2. Time to competence: total 0.466
	//      customer coverage            raw 0.280  score 0.554  × 0.3 = 0.166
	//      lead strength                raw 0.000  score 0.000  × 0.2 = 0.000
	//      linkage to business outcomes raw 1.000  score 1.000  × 0.2 = 0.200
	//      ratings                      raw 0.889  score 1.000  × 0.1 = 0.100
	//      reach                        raw 0.000  score 0.000  × 0.2 = 0.000
	// 3. Courses delivered: an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
	// 4. Training hours: an activity is work, not an outcome: a bare activity can never be the North Star
	// 5. Learner satisfaction: an output is what we produce, what we make, not an outcome: a bare output can never be the North Star
	// 6. Contract renewals: no customer category's canvas uses it, so it shows no successful customer outcome
	// time-to-competence would draw level if the weight of ratings went from 1 to 13.347
	// With ratings weighted 13.4, the North Star would be Time to competence
}
