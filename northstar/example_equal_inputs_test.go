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

// A BI tool stores a draft canvas as JSON and reads it back: the spec read
// back is Equal to the one stored, though reflect.DeepEqual (and so
// testify's assert.Equal) calls them different, since the weight 0.60 reads
// back as 0.6. Comparing the needs and outcomes one by one says what an
// edit changed.
func ExampleCanvasSpec_Equal() {
	draft := northstar.CanvasSpec{
		Category: "guests",
		Name:     "Guests travelling for work",
		Weight:   decimal.RequireFromString("0.60"),
		Needs: []northstar.Need{
			{ID: "quiet", Statement: "a quiet room to work in", Measure: "noise complaints", Target: "under 1%", TimeBound: "2026"},
			{ID: "fast", Statement: "check-in in minutes"},
		},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "productive", Name: "a productive trip",
			Indicators: []northstar.Indicator{{Metric: "repeat-bookings", Importance: decimal.RequireFromString("2.50")}}}},
	}
	data, err := json.Marshal(draft)
	if err != nil {
		fmt.Println(err)
		return
	}
	var stored northstar.CanvasSpec
	if err := json.Unmarshal(data, &stored); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("weight read back:", stored.Weight)
	fmt.Println("Equal:", stored.Equal(draft))
	fmt.Println("reflect.DeepEqual:", reflect.DeepEqual(stored, draft))

	// Someone edits the stored draft: which needs and outcomes changed?
	edited := stored
	edited.Needs = slices.Clone(stored.Needs)
	edited.Needs[1].Target = "under 5 minutes"
	edited.Outcomes = []northstar.SuccessfulOutcome{{ID: "productive", Name: "a productive trip",
		Indicators: []northstar.Indicator{{Metric: "repeat-bookings", Importance: decimal.RequireFromString("2.5")}}}}
	fmt.Println("edited Equal:", edited.Equal(stored))
	for i, n := range edited.Needs {
		fmt.Printf("need %s changed: %v\n", n.ID, !n.Equal(stored.Needs[i]))
	}
	for i, o := range edited.Outcomes {
		fmt.Printf("outcome %s changed: %v\n", o.ID, !o.Equal(stored.Outcomes[i]))
	}
	// Output:
	// weight read back: 0.6
	// Equal: true
	// reflect.DeepEqual: false
	// edited Equal: false
	// need quiet changed: false
	// need fast changed: true
	// outcome productive changed: false
}

// A test author checks that the input their loader assembles from a KPI
// spreadsheet is the one they expect. The spreadsheet writes ratings with
// two decimals (4.50), the test with one (4.5): Input.Equal compares them by
// value, where reflect.DeepEqual does not. When the inputs differ,
// Candidate.Equal says which candidate.
func ExampleInput_Equal() {
	nights := outcome.MustMetric(outcome.MetricSpec{ID: "nights-booked", Name: "Nights booked",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	revenue := outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Name: "Revenue",
		Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue})
	rating := func(value, lo, hi string) []northstar.Rating {
		return []northstar.Rating{{Aspect: "tangible", Value: decimal.RequireFromString(value),
			Min: decimal.RequireFromString(lo), Max: decimal.RequireFromString(hi)}}
	}
	// What the loader read from the spreadsheet.
	loaded := northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: nights, Ratings: rating("4.50", "1.00", "5.00"), Drives: []string{"revenue"}},
			{Metric: revenue},
		},
		Policy: northstar.DefaultPolicy(),
	}
	// What the test expects.
	want := northstar.Input{
		Candidates: []northstar.Candidate{
			{Metric: nights, Ratings: rating("4.5", "1", "5"), Drives: []string{"revenue"}},
			{Metric: revenue},
		},
		Policy: northstar.DefaultPolicy(),
	}
	fmt.Println("Equal:", loaded.Equal(want))
	fmt.Println("reflect.DeepEqual:", reflect.DeepEqual(loaded, want))

	// A loader that drops what a candidate drives.
	loaded.Candidates[0].Drives = nil
	fmt.Println("Equal after dropping drives:", loaded.Equal(want))
	for i, c := range loaded.Candidates {
		if !c.Equal(want.Candidates[i]) {
			fmt.Println("differs:", c.Metric.ID())
		}
	}
	// Output:
	// Equal: true
	// reflect.DeepEqual: false
	// Equal after dropping drives: false
	// differs: nights-booked
}

// A policy's lead/lag options read from a configuration file that gives
// only the maximum lag are the library's defaults: a zero method is
// Pearson and a zero confidence 0.95, so LagOptions.Equal calls them equal,
// where reflect.DeepEqual sees the zero fields.
func ExampleLagOptions_Equal() {
	var opts northstar.LagOptions
	if err := json.Unmarshal([]byte(`{"maxLag":3}`), &opts); err != nil {
		fmt.Println(err)
		return
	}
	def := northstar.DefaultPolicy().LeadLag
	fmt.Printf("read: %+v\n", opts)
	fmt.Printf("default: %+v\n", def)
	fmt.Println("Equal:", opts.Equal(def))
	fmt.Println("reflect.DeepEqual:", reflect.DeepEqual(opts, def))
	fmt.Println("Spearman Equal:", northstar.LagOptions{MaxLag: 3, Method: northstar.Spearman}.Equal(def))
	// Output:
	// read: {MaxLag:3 Method:Method(0) Confidence:0}
	// default: {MaxLag:3 Method:Pearson Confidence:0.95}
	// Equal: true
	// reflect.DeepEqual: false
	// Spearman Equal: false
}

// A test author checks how the winner is linked to the business outcomes:
// the list of links compared element by element with Link.Equal, in order.
func ExampleLink_Equal() {
	nights := outcome.MustMetric(outcome.MetricSpec{ID: "nights-booked", Name: "Nights booked",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	revenue := outcome.MustMetric(outcome.MetricSpec{ID: "revenue", Name: "Revenue",
		Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue})
	one := decimal.NewFromInt(1)
	guests := northstar.MustCanvas(northstar.CanvasSpec{Category: "guests", Name: "Guests", Weight: one,
		Needs: []northstar.Need{{ID: "home", Statement: "a place that feels like home"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "stay", Name: "a stay that feels like home",
			Indicators: []northstar.Indicator{{Metric: "nights-booked", Importance: one}}}}})
	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{{Metric: nights, Drives: []string{"revenue"}}, {Metric: revenue}},
		Canvases:   []northstar.Canvas{guests},
		Policy:     northstar.DefaultPolicy(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	winner, _ := r.Winner()
	want := []northstar.Link{{Outcome: "revenue", Kind: outcome.Revenue, Declared: true}}
	fmt.Println("winner:", winner.Metric.ID())
	fmt.Println("links as expected:", slices.EqualFunc(winner.Links, want, northstar.Link.Equal))
	fmt.Println("found by evidence too:", winner.Links[0].Equal(northstar.Link{Outcome: "revenue", Kind: outcome.Revenue, Declared: true, Evidence: true}))
	// Output:
	// winner: nights-booked
	// links as expected: true
	// found by evidence too: false
}
