package northstar_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// A ranking stored as JSON and read back is Equal to the one computed,
// though reflect.DeepEqual (and so testify's assert.Equal) calls them
// different: the policy's ratings weight 0.50 reads back as 0.5, the same
// number at another scale. Compare results with Equal.
func ExampleRanking_Equal() {
	in := contactCentre()
	in.Policy.Weights = in.Policy.Weights.With(northstar.Ratings, decimal.RequireFromString("0.50"))
	r, err := northstar.Select(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	stored, _ := json.Marshal(r)
	var back northstar.Ranking
	if err := json.Unmarshal(stored, &back); err != nil {
		fmt.Println(err)
		return
	}
	asGiven := func(d decimal.Decimal) string { return d.StringFixed(-d.Exponent()) } // at its own scale
	fmt.Println("ratings weight", asGiven(r.Policy.Weights.Ratings), "reads back as", asGiven(back.Policy.Weights.Ratings))
	fmt.Println("Equal:", back.Equal(r), "| reflect.DeepEqual:", reflect.DeepEqual(back, r))

	back.Entries[1].Total += 0.001
	fmt.Println("a total changed, Equal:", back.Equal(r))
	// Output:
	// ratings weight 0.50 reads back as 0.5
	// Equal: true | reflect.DeepEqual: false
	// a total changed, Equal: false
}

// twoQuarters returns the contact centre's ranking last quarter, stored as
// JSON and read back, and this quarter's, after the front line rated
// customer effort 3 out of 5 for how well they can act on it, where they
// rated it 5.
func twoQuarters() (last, now northstar.Ranking) {
	in := contactCentre()
	r, _ := northstar.Select(in)
	stored, _ := json.Marshal(r)
	_ = json.Unmarshal(stored, &last)
	in.Candidates[1].Ratings = []northstar.Rating{{Aspect: "actionable by the front line",
		Value: decimal.NewFromInt(3), Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(5)}}
	now, _ = northstar.Select(in)
	return last, now
}

// A dashboard shows what changed since last quarter: each candidate whose
// entry is not Equal to the stored one, and the criteria whose scores moved.
// The ratings are scored against the best eligible candidate's, so a lower
// rating of customer effort (the best last quarter) moves every
// candidate's ratings score; the outputs fail the same gates, and each
// category's part of the coverage is unchanged.
func ExampleEntry_Equal() {
	last, now := twoQuarters()
	for _, e := range now.Entries {
		was, _ := last.Find(e.Metric.ID())
		if e.Equal(was) {
			fmt.Printf("%s: unchanged\n", e.Metric.Name())
			continue
		}
		var moved []string
		for c := range northstar.Criteria() {
			if !e.Score(c).Equal(was.Score(c)) {
				moved = append(moved, c.String())
			}
		}
		fmt.Printf("%s: rank %d to %d, total %.3f to %.3f; scores moved: %v\n",
			e.Metric.Name(), was.Rank, e.Rank, was.Total, e.Total, moved)
		fmt.Printf("  same gates failed %v, same categories %v\n",
			slices.EqualFunc(e.Failed, was.Failed, northstar.GateFailure.Equal),
			slices.EqualFunc(e.Categories, was.Categories, northstar.CategoryContribution.Equal))
	}
	// Output:
	// First-contact resolution: rank 1 to 1, total 0.375 to 0.400; scores moved: [ratings]
	//   same gates failed true, same categories true
	// Customer effort: rank 2 to 2, total 0.243 to 0.210; scores moved: [ratings]
	//   same gates failed true, same categories true
	// Average handle time: rank 3 to 3, total 0.178 to 0.212; scores moved: [ratings]
	//   same gates failed true, same categories true
	// Calls handled: rank 4 to 4, total 0.165 to 0.199; scores moved: [ratings]
	//   same gates failed true, same categories true
}

// The winner's hold, quarter on quarter: last quarter, a coverage weight
// of 0.48 (of 3), or a ratings weight of 6.26 (of 1), would have brought
// customer effort level with first-contact resolution; with effort rated
// lower, first-contact resolution now leads it on every criterion it is
// scored on, and no change of one weight brings a challenger level.
func ExampleRobustness_Equal() {
	last, now := twoQuarters()
	fmt.Println("robustness unchanged:", now.Robustness.Equal(last.Robustness))
	fmt.Printf("margin %.3f to %.3f\n", last.Robustness.Margin, now.Robustness.Margin)
	for _, ch := range last.Robustness.Changes {
		still := slices.ContainsFunc(now.Robustness.Changes, ch.Equal)
		fmt.Printf("last quarter: %s from %g to %.2f brings %s level; still: %v\n", ch.Criterion, ch.From, ch.To, ch.Challenger, still)
	}
	fmt.Println("changes this quarter:", len(now.Robustness.Changes))
	// Output:
	// robustness unchanged: false
	// margin 0.132 to 0.190
	// last quarter: customer coverage from 3 to 0.48 brings effort level; still: false
	// last quarter: ratings from 1 to 6.26 brings effort level; still: false
	// changes this quarter: 0
}

// A BI tool re-runs the selection with a stricter policy, 99% confidence
// where it was 95%, and asks what the stricter policy changed. The
// evidence against cost to serve is not Equal (its confidence level and
// interval changed), but the strongest correlation is Equal to the one
// found at 95% (a confidence level widens the interval, and may change the
// verdict, but never the correlations), and first-contact resolution still
// leads cost to serve.
func ExampleEvidence_Equal() {
	in := contactCentre()
	cost := outcome.MustMetric(outcome.MetricSpec{ID: "cost-to-serve", Name: "Cost to serve",
		Level: outcome.BusinessOutcome, Direction: outcome.LowerIsBetter, Kind: outcome.Cost})
	in.Candidates = append(in.Candidates, northstar.Candidate{Metric: cost,
		Series: []float64{8.9, 8.72, 8.36, 8.75, 8.17, 8.59, 8.82, 8.27, 8.06, 8.57, 8.68, 8.12}})
	in.Candidates[0].Series = []float64{62, 66, 63, 69, 64, 61, 67, 70, 65, 63, 68, 71}
	evidence := func(confidence float64) northstar.Evidence {
		in.Policy.LeadLag.Confidence = confidence
		r, _ := northstar.Select(in)
		fcr, _ := r.Find("fcr")
		return fcr.Evidence[0]
	}
	at95, at99 := evidence(0.95), evidence(0.99)
	fmt.Println("same evidence:", at99.Equal(at95))
	best := at95.LeadLag.Best()
	fmt.Printf("same strongest correlation: %v (lag %d, r = %.2f from %d pairs)\n",
		at99.LeadLag.Best().Equal(best), best.Lag, best.R, best.Pairs)
	for _, ev := range []northstar.Evidence{at95, at99} {
		low, high := ev.LeadLag.Interval()
		fmt.Printf("at %.0f%%: interval %.3f to %.3f, %s\n", 100*ev.LeadLag.Confidence(), low, high, ev.LeadLag.Verdict())
	}
	// Output:
	// same evidence: false
	// same strongest correlation: true (lag 1, r = -0.98 from 11 pairs)
	// at 95%: interval -0.997 to -0.872, leads
	// at 99%: interval -0.998 to -0.823, leads
}

// An input metric stored on its own, a team's tile on a dashboard, is
// Equal to itself read back, though reflect.DeepEqual calls them
// different: its nodes, nil here, are written [] and read back as an empty
// list, which Equal takes for no nodes.
func ExampleInputMetric_Equal() {
	calls := outcome.MustMetric(outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled",
		Level: outcome.Output, Direction: outcome.HigherIsBetter, Owner: "front line"})
	tile := northstar.InputMetric{Metric: calls, Influence: 1, Direct: true}
	stored, _ := json.Marshal(tile)
	var back northstar.InputMetric
	if err := json.Unmarshal(stored, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(stored))
	fmt.Println("Equal:", back.Equal(tile), "| reflect.DeepEqual:", reflect.DeepEqual(back, tile))
	// Output:
	// {"metric":{"id":"calls-handled","name":"Calls handled","level":"output","direction":"higher-is-better","owner":"front line"},"nodes":[],"influence":1,"direct":true}
	// Equal: true | reflect.DeepEqual: false
}

// A test author checks a canvas's indicators against the ones expected:
// a workshop wrote the importance of first-contact resolution as 1.50,
// the test as 1.5, the same number. reflect.DeepEqual, and so testify's
// assert.Equal, calls them different; Equal does not.
func ExampleIndicator_Equal() {
	var read northstar.Indicator
	if err := json.Unmarshal([]byte(`{"metric": "fcr", "importance": "1.50"}`), &read); err != nil {
		fmt.Println(err)
		return
	}
	want := northstar.Indicator{Metric: "fcr", Importance: decimal.RequireFromString("1.5")}
	fmt.Println("Equal:", read.Equal(want), "| reflect.DeepEqual:", reflect.DeepEqual(read, want))
	fmt.Println("another importance:", read.Equal(northstar.Indicator{Metric: "fcr", Importance: decimal.NewFromInt(2)}))
	// Output:
	// Equal: true | reflect.DeepEqual: false
	// another importance: false
}

// Ratings collected in a spreadsheet that writes every number with one
// decimal place (4.0 on a scale from 1.0 to 5.0) are the ratings a test
// expects on a scale from 1 to 5: Equal compares the numbers by value.
// The scale counts too: 4 out of 10 is another rating.
func ExampleRating_Equal() {
	d := decimal.RequireFromString
	sheet := northstar.Rating{Aspect: "understood by everyone", Value: d("4.0"), Min: d("1.0"), Max: d("5.0")}
	want := northstar.Rating{Aspect: "understood by everyone", Value: d("4"), Min: d("1"), Max: d("5")}
	fmt.Println("Equal:", sheet.Equal(want), "| reflect.DeepEqual:", reflect.DeepEqual(sheet, want))
	want.Max = d("10")
	fmt.Println("out of 10, Equal:", sheet.Equal(want))
	// Output:
	// Equal: true | reflect.DeepEqual: false
	// out of 10, Equal: false
}
