package northstar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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
	fmt.Println("one of them is canvas-outcome-unmeasured:", errors.Is(err, northstar.ErrOutcomeUnmeasured))
	// Output:
	// empty-name
	// northstar-negative-weight
	// canvas-outcome-unmeasured
	// one of them is canvas-outcome-unmeasured: true
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

	// Every problem is reported, each naming the category (and the need or
	// the outcome and metric).
	err := json.Unmarshal([]byte(`{"category": "learners", "weight": "lots", "needs": [{"id": "skill"}],
	  "outcomes": [{"id": "growth", "name": "capability that shows",
	                "metrics": [{"metric": "monthly-upskilling", "importance": "1,5"}]}]}`), &c)
	for _, p := range outcome.Problems(err) {
		fmt.Printf("%s %q\n", p.Code, p.IDs)
	}
	fmt.Println("one of them is northstar-invalid-weight:", errors.Is(err, northstar.ErrInvalidWeight))
	// Output:
	// {"category":"learners","name":"Employees who want to grow","weight":"0.3","needs":[{"id":"skill","statement":"a skill I use","measure":"skills applied","target":"one a quarter","timeBound":"this year"}],"outcomes":[{"id":"growth","name":"capability that shows","metrics":[{"metric":"monthly-upskilling","importance":"1"}]}]}
	// empty-name ["learners"]
	// northstar-invalid-weight ["learners"]
	// canvas-need-empty ["learners" "skill"]
	// northstar-invalid-weight ["learners" "growth" "monthly-upskilling"]
	// one of them is northstar-invalid-weight: true
}

// The method asks for one Successful Customer Outcome Canvas per customer
// category, categories by need and weighted by their share of profit, and
// then aggregates them to find the North Star. A car maker keeps its
// canvases in one file. json.Unmarshal into a []Canvas stops at the first
// canvas that fails; DecodeCanvases reports every problem of every canvas,
// each under its index and with the category's ID, so the whole file can
// be fixed at once.
func ExampleDecodeCanvases() {
	data := []byte(`[
	  {"category": "families", "name": "Families who need to get everyone there safely", "weight": "45%",
	   "needs": [{"id": "safe", "statement": "everyone arrives safely"}],
	   "outcomes": [{"id": "arrive", "name": "the family arrives, safe and on time",
	                 "metrics": [{"metric": "journeys-completed", "importance": 3}]}]},
	  {"category": "fleet", "name": "Fleet managers who need vehicles on the road", "weight": 0.35,
	   "needs": [{"id": "uptime", "statement": "vehicles on the road"}],
	   "outcomes": [{"id": "moving", "name": "the fleet keeps moving", "metrics": []}]},
	  {"category": "drivers", "name": "Drivers who need the car to keep up with them", "weight": "0.2",
	   "needs": {"id": "connected", "statement": "my day goes on in the car"}}
	]`)
	var first []northstar.Canvas
	fmt.Println("json.Unmarshal:", len(outcome.Problems(json.Unmarshal(data, &first))), "problem")

	_, err := northstar.DecodeCanvases(data)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
		fmt.Println(" ", p.Message)
	}

	// Fixed: the weight a decimal, the fleet's outcome measured, the
	// drivers' needs a list and an outcome for them. A need with no
	// measure, target or time bound is a warning on its canvas, not a
	// failure.
	fixed := strings.NewReplacer(`"45%"`, `"0.45"`,
		`"metrics": []`, `"metrics": [{"metric": "vehicle-days-available", "importance": 1}]`,
		`"needs": {"id": "connected", "statement": "my day goes on in the car"}`,
		`"needs": [{"id": "connected", "statement": "my day goes on in the car"}],
	   "outcomes": [{"id": "on-time", "name": "the day runs to plan", "metrics": [{"metric": "journeys-completed", "importance": 1}]}]`,
	).Replace(string(data))
	canvases, err := northstar.DecodeCanvases([]byte(fixed))
	fmt.Println(len(canvases), "canvases,", err)
	for _, c := range canvases {
		fmt.Printf("%-8s weight %-4s %d warning\n", c.Category(), c.Weight(), len(c.Warnings()))
	}
	// Output:
	// json.Unmarshal: 1 problem
	// northstar-invalid-weight [families]
	//   northstar: canvases[0]: canvas "families": weight "45%" is not a decimal number
	// canvas-outcome-unmeasured [fleet moving]
	//   northstar: canvases[1]: canvas "fleet": outcome "moving" has no metric that shows it
	// invalid-json [drivers]
	//   northstar: canvases[2]: canvas "drivers": invalid JSON: "needs" must be an array, not an object
	// canvas-empty [drivers]
	//   northstar: canvases[2]: canvas "drivers" has no successful outcomes
	// 3 canvases, <nil>
	// families weight 0.45 1 warning
	// fleet    weight 0.35 1 warning
	// drivers  weight 0.2  1 warning
}

// A draft read back from JSON is not validated, but a weight or an
// importance that is not a decimal number is refused: each one is reported,
// naming the category (and the outcome and metric).
func ExampleCanvasSpec_UnmarshalJSON() {
	var draft northstar.CanvasSpec
	err := json.Unmarshal([]byte(`{"category": "callers", "name": "", "weight": "0.25", "needs": [],
	  "outcomes": [{"id": "resolved", "name": "resolved", "metrics": [{"metric": "fcr", "importance": 1.5}]}]}`), &draft)
	fmt.Println(draft.Category, draft.Weight, err)

	err = json.Unmarshal([]byte(`{"category": "callers", "name": "", "weight": "a quarter", "needs": [],
	  "outcomes": [{"id": "resolved", "name": "resolved", "metrics": [{"metric": "fcr", "importance": "high"}]}]}`), &draft)
	fmt.Println(err)
	// Output:
	// callers 0.25 <nil>
	// northstar: canvas "callers": weight "a quarter" is not a decimal number
	// northstar: canvas "callers": outcome "resolved": metric "fcr": importance "high" is not a decimal number
}

// An indicator read on its own is not validated (a canvas is), but its
// importance must be a decimal number.
func ExampleIndicator_UnmarshalJSON() {
	var ind northstar.Indicator
	err := json.Unmarshal([]byte(`{"metric": "fcr", "importance": "0,5"}`), &ind)
	fmt.Println(errors.Is(err, northstar.ErrInvalidWeight), err)
	// Output: true northstar: metric "fcr": importance "0,5" is not a decimal number
}

// A workshop saves its draft canvas as it goes, before it is complete: the
// spec is written as it is, unvalidated, with the weight and the
// importances as decimal strings (1.50 is written as 1.5) and the needs not
// yet stated as an empty list. A draft another
// tool wrote, with its importance as a JSON number, reads back too, and
// becomes a canvas once it validates.
func ExampleCanvasSpec_MarshalJSON() {
	d := decimal.RequireFromString
	draft := northstar.CanvasSpec{Category: "callers", Name: "Customers who call with a problem", Weight: d("0.25"),
		Outcomes: []northstar.SuccessfulOutcome{{ID: "resolved", Name: "problem resolved, first time",
			Indicators: []northstar.Indicator{{Metric: "fcr", Importance: d("1.50")}}}}}
	data, _ := json.Marshal(draft)
	fmt.Println(string(data))

	var spec northstar.CanvasSpec
	_ = json.Unmarshal([]byte(`{"category":"callers","name":"Callers","weight":"0.25",
	  "needs":[{"id":"fixed","statement":"my problem fixed"}],
	  "outcomes":[{"id":"resolved","name":"resolved","metrics":[{"metric":"fcr","importance":1.5}]}]}`), &spec)
	c, err := northstar.NewCanvas(spec)
	imp, _ := c.Importance("fcr")
	fmt.Println("error:", err, "| importance of fcr:", imp)
	// Output:
	// {"category":"callers","name":"Customers who call with a problem","weight":"0.25","needs":[],"outcomes":[{"id":"resolved","name":"problem resolved, first time","metrics":[{"metric":"fcr","importance":"1.5"}]}]}
	// error: <nil> | importance of fcr: 1.5
}

// One metric of a canvas's outcome, as a form edits it: the importance is a
// decimal string; one typed as a JSON number reads too.
func ExampleIndicator_MarshalJSON() {
	data, _ := json.Marshal(northstar.Indicator{Metric: "fcr", Importance: decimal.RequireFromString("3")})
	fmt.Println(string(data))

	var ind northstar.Indicator
	err := json.Unmarshal([]byte(`{"metric":"repeat-calls","importance":0.5}`), &ind)
	fmt.Println(ind.Metric, "has importance", ind.Importance, "| error:", err)
	// Output:
	// {"metric":"fcr","importance":"3"}
	// repeat-calls has importance 0.5 | error: <nil>
}

// A contact centre's canvas for its callers, read back field by field, as a
// workshop's wall chart would be: who the category is, what it needs (and
// which needs are not yet SMART), and the outcomes with the metrics that
// show them. Spec gives the canvas back as data to edit: a deep copy, so
// the canvas itself never changes, and Equal compares weights and
// importances as numbers.
func ExampleCanvas_Spec() {
	d := decimal.RequireFromString
	c := northstar.MustCanvas(northstar.CanvasSpec{
		Category:    "callers",
		Name:        "Customers who call with a problem",
		Description: "Anyone who calls because something went wrong; two thirds of the centre's profit.",
		Weight:      d("2"),
		Needs: []northstar.Need{
			{ID: "fixed", Statement: "my problem fixed", Measure: "first-contact resolution",
				Target: "85%", TimeBound: "this quarter"},
			{ID: "once", Statement: "I only have to call once", Measure: "repeat calls within 7 days"},
		},
		Outcomes: []northstar.SuccessfulOutcome{{
			ID: "resolved", Name: "problem resolved, first time",
			Description: "no second call about the same problem within 7 days",
			Indicators: []northstar.Indicator{
				{Metric: "fcr", Importance: d("3")}, {Metric: "repeat-calls", Importance: d("1")}},
		}},
	})
	fmt.Printf("%s (weight %s): %s\n", c.Category(), c.Weight(), c.Description())
	for _, n := range c.Needs() {
		fmt.Printf("  need %-5s SMART %v\n", n.ID, n.IsSMART())
	}
	for _, n := range c.NonSMART() {
		fmt.Printf("  to agree for %q: %v\n", n.Statement, n.Missing())
	}
	for _, o := range c.Outcomes() {
		fmt.Printf("  outcome %q (%s), shown by %d metrics\n", o.Name, o.Description, len(o.Indicators))
	}

	spec := c.Spec()
	spec.Weight = d("2.00")
	same, _ := northstar.NewCanvas(spec)
	spec.Outcomes[0].Indicators[0].Importance = d("4")
	more, _ := northstar.NewCanvas(spec)
	imp, _ := c.Importance("fcr")
	fmt.Println("weight 2.00 is the same canvas:", same.Equal(c))
	fmt.Println("fcr at importance 4 is another:", !more.Equal(c), "- and c still gives it", imp)

	var none northstar.Canvas
	fmt.Println("the zero Canvas is no canvas:", none.IsZero(), c.IsZero())
	// Output:
	// callers (weight 2): Anyone who calls because something went wrong; two thirds of the centre's profit.
	//   need fixed SMART true
	//   need once  SMART false
	//   to agree for "I only have to call once": [target time bound]
	//   outcome "problem resolved, first time" (no second call about the same problem within 7 days), shown by 2 metrics
	// weight 2.00 is the same canvas: true
	// fcr at importance 4 is another: true - and c still gives it 3
	// the zero Canvas is no canvas: true false
}

// A car maker's first drafts of two canvases, each with the mistakes a
// workshop makes, and what a program does with each code: errors.Is finds
// a code among every problem reported. A third draft is usable, but its
// warnings say it counts for nothing yet and one need is not SMART.
func ExampleNewCanvas_codes() {
	d := decimal.RequireFromString
	// Fleet buyers: a weight pasted in pennies rather than as a share, a
	// need with no statement, and every importance left at zero.
	_, err := northstar.NewCanvas(northstar.CanvasSpec{
		Category: "fleet", Name: "Fleet buyers who need vehicles on the road", Weight: d("4500000000000000"),
		Needs: []northstar.Need{{ID: "uptime", Measure: "days off the road", Target: "under 2 a year",
			TimeBound: "per vehicle"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "moving", Name: "the fleet keeps moving",
			Indicators: []northstar.Indicator{{Metric: "uptime", Importance: d("0")}}}},
	})
	fmt.Println("weight out of range:", errors.Is(err, northstar.ErrWeightOutOfRange))
	fmt.Println("need without a statement:", errors.Is(err, northstar.ErrEmptyNeed))
	fmt.Println("all importances zero:", errors.Is(err, northstar.ErrZeroWeights))

	// Dealers: a name only, and a negative importance.
	_, err = northstar.NewCanvas(northstar.CanvasSpec{Category: "dealers", Name: "Dealers", Weight: d("0.1")})
	fmt.Println("no needs or no outcomes:", errors.Is(err, northstar.ErrEmptyCanvas))
	_, err = northstar.NewCanvas(northstar.CanvasSpec{Category: "dealers", Name: "Dealers", Weight: d("0.1"),
		Needs: []northstar.Need{{ID: "stock", Statement: "cars to sell", Measure: "days of stock",
			Target: "30", TimeBound: "every month"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "sold", Name: "cars sold", Indicators: []northstar.Indicator{
			{Metric: "days-of-stock", Importance: d("-2")}}}}})
	fmt.Println("negative importance:", errors.Is(err, northstar.ErrNegativeWeight))

	// Enthusiasts: not yet weighed, one need still vague.
	c, err := northstar.NewCanvas(northstar.CanvasSpec{
		Category: "enthusiasts", Name: "Drivers who want to enjoy the drive", Weight: d("0"),
		Needs: []northstar.Need{{ID: "joy", Statement: "joy in every drive"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "joy", Name: "Joy", Indicators: []northstar.Indicator{
			{Metric: "drives-per-week", Importance: d("1")}}}},
	})
	fmt.Println("usable:", err == nil)
	for _, w := range c.Warnings() {
		fmt.Println("  zero weight:", errors.Is(w, northstar.ErrZeroCategoryWeight),
			"not SMART:", errors.Is(w, northstar.ErrNeedNotSMART))
	}
	// Output:
	// weight out of range: true
	// need without a statement: true
	// all importances zero: true
	// no needs or no outcomes: true
	// negative importance: true
	// usable: true
	//   zero weight: true not SMART: false
	//   zero weight: false not SMART: true
}
