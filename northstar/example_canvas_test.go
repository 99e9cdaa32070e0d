package northstar_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// A car maker's canvas for families: the category is defined by a need (a
// safe, reliable way to move the family), not by a circumstance (income,
// postcode). One need is SMART; the other has no measure, target or time
// bound yet, and the canvas says so.
func ExampleNewCanvas() {
	d := decimal.RequireFromString
	c, err := northstar.NewCanvas(northstar.CanvasSpec{
		Category: "families",
		Name:     "Families who need to get everyone there safely",
		Weight:   d("0.45"), // their share of profit
		Needs: []northstar.Need{
			{ID: "safe", Statement: "everyone arrives safely", Measure: "journeys without incident",
				Target: "99.99%", TimeBound: "over the car's first five years"},
			{ID: "joy", Statement: "journeys the children enjoy"},
		},
		Outcomes: []northstar.SuccessfulOutcome{
			{ID: "arrive", Name: "the family arrives, safe and on time", Indicators: []northstar.Indicator{
				{Metric: "journeys-completed", Importance: d("3")},
				{Metric: "breakdowns-per-1000", Importance: d("1")},
			}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for id, imp := range c.Metrics() {
		fmt.Printf("%s: importance %s, share %.2f\n", id, imp, c.Share(id))
	}
	for _, w := range c.Warnings() {
		fmt.Println(w.Severity, w.Code, "-", w.Message)
	}
	// Output:
	// journeys-completed: importance 3, share 0.75
	// breakdowns-per-1000: importance 1, share 0.25
	// warning canvas-need-not-smart - northstar: canvas "families": need "joy" is not SMART: it has no measure, no target, no time bound
}

// Every problem in a canvas is reported at once, each with a stable code.
func ExampleNewCanvas_errors() {
	_, err := northstar.NewCanvas(northstar.CanvasSpec{
		Category: "fleet",
		Weight:   decimal.RequireFromString("-1"),
		Needs:    []northstar.Need{{ID: "uptime", Statement: "vehicles on the road"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "moving", Name: "the fleet keeps moving"}},
	})
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code)
	}
	fmt.Println(errors.Is(err, northstar.ErrOutcomeUnmeasured))
	// Output:
	// empty-name
	// northstar-negative-weight
	// canvas-outcome-unmeasured
	// true
}

// MustCanvas is for canvases written as literals, where a mistake is a bug.
func ExampleMustCanvas() {
	c := northstar.MustCanvas(northstar.CanvasSpec{
		Category: "callers", Name: "Customers who call with a problem", Weight: decimal.NewFromInt(1),
		Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "first-contact resolution",
			Target: "85%", TimeBound: "this quarter"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "resolved", Name: "problem resolved, first time",
			Indicators: []northstar.Indicator{{Metric: "first-contact-resolution", Importance: decimal.NewFromInt(1)}}}},
	})
	fmt.Println(c.Category(), "-", c.Name(), "- warnings:", len(c.Warnings()))
	// Output: callers - Customers who call with a problem - warnings: 0
}

// A need is SMART when it says how it is measured, what the target is and
// by when.
func ExampleNeed_Missing() {
	n := northstar.Need{ID: "fast", Statement: "an answer quickly", Measure: "time to answer"}
	fmt.Println(n.IsSMART(), n.Missing())
	// Output: false [target time bound]
}

// A metric that shows several outcomes of one category counts once, with
// its importances summed.
func ExampleCanvas_Share() {
	d := decimal.RequireFromString
	c := northstar.MustCanvas(northstar.CanvasSpec{
		Category: "guests", Name: "Guests", Weight: d("1"),
		Needs: []northstar.Need{{ID: "home", Statement: "feel at home", Measure: "rating", Target: "4.8", TimeBound: "2026"}},
		Outcomes: []northstar.SuccessfulOutcome{
			{ID: "stay", Name: "a stay like home", Indicators: []northstar.Indicator{
				{Metric: "nights-booked", Importance: d("3")}, {Metric: "review-score", Importance: d("1")}}},
			{ID: "return", Name: "they come back", Indicators: []northstar.Indicator{
				{Metric: "nights-booked", Importance: d("1")}, {Metric: "repeat-guests", Importance: d("3")}}},
		},
	})
	imp, _ := c.Importance("nights-booked")
	fmt.Printf("importance %s of 8: share %.2f\n", imp, c.Share("nights-booked"))
	// Output: importance 4 of 8: share 0.50
}

// Canvases are data: they round-trip through JSON, and decoding validates
// exactly as NewCanvas does.
func ExampleCanvas_UnmarshalJSON() {
	data := []byte(`{
	  "category": "learners", "name": "Employees who want to grow", "weight": "0.3",
	  "needs": [{"id": "skill", "statement": "a skill I use", "measure": "skills applied",
	             "target": "one a quarter", "timeBound": "this year"}],
	  "outcomes": [{"id": "growth", "name": "capability that shows",
	                "metrics": [{"metric": "monthly-upskilling", "importance": "1"}]}]
	}`)
	var c northstar.Canvas
	if err := json.Unmarshal(data, &c); err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.Marshal(c)
	fmt.Println(string(out))

	err := json.Unmarshal([]byte(`{"category": "learners", "weight": "lots"}`), &c)
	fmt.Println(errors.Is(err, outcome.ErrInvalidJSON))
	// Output:
	// {"category":"learners","name":"Employees who want to grow","weight":"0.3","needs":[{"id":"skill","statement":"a skill I use","measure":"skills applied","target":"one a quarter","timeBound":"this year"}],"outcomes":[{"id":"growth","name":"capability that shows","metrics":[{"metric":"monthly-upskilling","importance":"1"}]}]}
	// true
}
