package hierarchy_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// A car maker's first draft of its hierarchy, typed in by hand, has one of
// each mistake Build catches. Build reports them all at once, sorted by the
// IDs involved, so that the draft is fixed in one pass; and each problem
// carries a code that errors.Is finds in the joined error, so that a review
// tool can say how to fix each kind.
func ExampleBuilder_Build_problems() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "fit-seats", Name: "Fit seats", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "fit-seats", Name: "Fit seats (night shift)", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "paint-body", Name: "Paint body"}) // no level
	b.AddNode(hierarchy.Node{ID: "assemble-car", Name: "Assemble car", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "inspect-car", Name: "Inspect car", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "cars-built", Name: "Cars built", Level: outcome.Output,
		// A task's metric, on an output.
		Metric: outcome.MustMetric(outcome.MetricSpec{ID: "seats-fitted", Name: "Seats fitted",
			Level: outcome.Task, Direction: outcome.HigherIsBetter})})
	b.AddNode(hierarchy.Node{ID: "warranty-cost", Name: "Warranty cost", Level: outcome.BusinessOutcome})
	b.AddLink("fit-seats", "assemble-car")
	b.AddLink("fit-seats", "assemble-car")   // given twice
	b.AddLink("assemble-car", "inspect-car") // inspecting needs an assembled car...
	b.AddLink("inspect-car", "assemble-car") // ...and assembling an inspected one
	b.AddLink("inspect-car", "inspect-car")
	b.AddLink("cars-built", "fit-seats") // upside down
	b.AddLink("cars-built", "deliver-car")
	b.AddWeightedLink("assemble-car", "cars-built", decimal.RequireFromString("-0.5"))
	b.AddWeightedLink("cars-built", "warranty-cost", decimal.RequireFromString("0.1234567"))
	_, err := b.Build()
	fmt.Println(err)

	fmt.Println("To fix:")
	for _, fix := range []struct {
		code outcome.Code
		how  string
	}{
		{outcome.ErrDuplicateID, "give every node an ID of its own"},
		{outcome.ErrUnknownLevel, "say of every node whether it is a task, an activity, an output, a business outcome or a customer outcome"},
		{hierarchy.ErrMetricLevel, "measure every node with a metric of its own level"},
		{hierarchy.ErrDanglingLink, "add the nodes the links name, or correct the IDs"},
		{hierarchy.ErrSelfLink, "drop the links from a node to itself"},
		{hierarchy.ErrDownwardLink, "turn the links that go down round: a link goes from the work to what it serves"},
		{hierarchy.ErrDuplicateLink, "give every link once"},
		{hierarchy.ErrCycle, "break the cycles: no work serves itself"},
		{hierarchy.ErrNegativeWeight, "make the weights zero or more"},
		{hierarchy.ErrInvalidWeight, fmt.Sprintf("give weights at most %d decimal places, and at most %d",
			hierarchy.WeightPlaces, hierarchy.MaxWeight)},
	} {
		if errors.Is(err, fix.code) {
			fmt.Println("-", fix.how)
		}
	}
	// Output:
	// hierarchy: link "assemble-car" -> "cars-built" has weight -0.5, below zero
	// hierarchy: cycle "assemble-car" -> "inspect-car" -> "assemble-car"
	// hierarchy: link "cars-built" -> "deliver-car" goes to an unknown node
	// hierarchy: link "cars-built" -> "fit-seats" goes down from Output to Task
	// hierarchy: node "cars-built" is at level Output, but its metric "seats-fitted" measures level Task
	// hierarchy: link "cars-built" -> "warranty-cost" has weight 0.1234567, with more than 6 decimal places
	// hierarchy: node id "fit-seats" is given to 2 nodes
	// hierarchy: link "fit-seats" -> "assemble-car" is given 2 times
	// hierarchy: node "inspect-car" links to itself
	// hierarchy: node "paint-body" has no valid level
	// To fix:
	// - give every node an ID of its own
	// - say of every node whether it is a task, an activity, an output, a business outcome or a customer outcome
	// - measure every node with a metric of its own level
	// - add the nodes the links name, or correct the IDs
	// - drop the links from a node to itself
	// - turn the links that go down round: a link goes from the work to what it serves
	// - give every link once
	// - break the cycles: no work serves itself
	// - make the weights zero or more
	// - give weights at most 6 decimal places, and at most 1000000000000
}

// A car maker whose hierarchy builds, but with every kind of warning: a task
// nobody links to anything (work aligned to nothing), a customer outcome
// nothing feeds (an outcome nobody delivers), a test drive that counts
// straight towards revenue (a link that skips the activity and the output
// between), and brand value, a business outcome with no output beneath it.
// Warnings do not stop Build; a release check that the hierarchy is fully
// aligned makes them errors with WarningsAsErrors, and finds each with
// errors.Is. A code that is not a warning's, a typo say, is an error of
// its own.
func ExampleWarningsAsErrors_all() {
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "fit-seats", Name: "Fit seats", Level: outcome.Task},
		{ID: "test-drive", Name: "Give test drives", Level: outcome.Task},
		{ID: "wash-fleet", Name: "Wash the board's cars", Level: outcome.Task},
		{ID: "assemble-car", Name: "Assemble car", Level: outcome.Activity},
		{ID: "cars-built", Name: "Cars built", Level: outcome.Output},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome},
		{ID: "brand-value", Name: "Brand value", Level: outcome.BusinessOutcome},
		{ID: "joy", Name: "Joy of driving", Level: outcome.CustomerOutcome},
		{ID: "delivered-on-time", Name: "Car delivered when promised", Level: outcome.CustomerOutcome},
	} {
		b.AddNode(n)
	}
	b.AddLink("fit-seats", "assemble-car")
	b.AddLink("assemble-car", "cars-built")
	b.AddLink("cars-built", "revenue")
	b.AddLink("test-drive", "revenue")
	b.AddLink("revenue", "joy")
	b.AddLink("brand-value", "joy")

	m, err := b.Build()
	fmt.Println("build:", err)
	for _, w := range m.Warnings() {
		fmt.Println(w.Severity, w)
	}

	var release hierarchy.Option = hierarchy.WarningsAsErrors() // every warning
	_, err = b.Build(release)
	for _, code := range []outcome.Code{hierarchy.ErrOrphan, hierarchy.ErrUndeliveredOutcome,
		hierarchy.ErrSkippedLevel, hierarchy.ErrNoOutput} {
		fmt.Println("release blocked by", code+":", errors.Is(err, code))
	}

	_, err = b.Build(hierarchy.WarningsAsErrors("orphan"))
	fmt.Println(errors.Is(err, hierarchy.ErrUnknownWarning), err)
	// Output:
	// build: <nil>
	// warning hierarchy: business outcome "brand-value" has no output beneath it
	// warning hierarchy: successful customer outcome "delivered-on-time" has no work feeding it, directly or through other customer outcomes
	// warning hierarchy: link "test-drive" -> "revenue" skips from Task to Business Outcome
	// warning hierarchy: task "wash-fleet" reaches no successful customer outcome (the highest level it reaches is Task)
	// release blocked by orphan-node: true
	// release blocked by undelivered-outcome: true
	// release blocked by skipped-level: true
	// release blocked by business-outcome-without-output: true
	// true hierarchy: "orphan" is not the code of a hierarchy warning
}

// A monthly job rolls the contact centre's costs up and explains their
// change. Each way a roll-up or an attribution can fail has its own code,
// which errors.Is finds: the first three below are the program's mistakes
// (a value set of impossible precision, a method never set, values made for
// a model with other nodes), the last two the data's (a node measured in one
// month only, an input measured in neither).
func ExampleModel_RollUp_errors() {
	m := model()
	_, err := m.NewValues(hierarchy.MaxValuePlaces + 1)
	fmt.Println(errors.Is(err, hierarchy.ErrInvalidPlaces), err)

	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	var method hierarchy.Method // the settings did not say
	_, err = m.RollUp(costs, method)
	fmt.Println(errors.Is(err, hierarchy.ErrUnknownMethod), err)

	// A value set belongs to every model with the same node IDs in the
	// same order: the contact centre built again from its definition rolls
	// it up (2000.75 + 0.4 × 800.25 to cost to serve, 0.6 × 800.25 to
	// revenue, 2801 in all), but a model with other nodes does not.
	rebuilt := model()
	r, err := rebuilt.RollUp(costs, hierarchy.WeightedSum)
	v, _, _ := r.Value("solved-first-contact")
	fmt.Println("rebuilt:", v, err)
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	frontLine, _ := b.Build()
	_, err = frontLine.RollUp(costs, hierarchy.WeightedSum)
	fmt.Println(errors.Is(err, hierarchy.ErrForeignValues), err)

	// This month someone also measured resolving problems on its own, so
	// the two months no longer measure the same things beneath revenue.
	thisMonth, _ := m.NewValues(2)
	_ = thisMonth.Set("answer-call", decimal.RequireFromString("1100.50"))
	_ = thisMonth.Set("look-up-account", decimal.RequireFromString("900.25"))
	_ = thisMonth.Set("resolve-problem", decimal.RequireFromString("700"))
	_, err = m.Attribute("revenue", costs, thisMonth)
	fmt.Println(errors.Is(err, hierarchy.ErrMeasuredDiffer), err)

	// Neither month measured updating the wallboard, which feeds
	// monitoring queues.
	_, err = m.Attribute("monitor-queues", costs, thisMonth)
	fmt.Println(errors.Is(err, hierarchy.ErrMissingValue), err)
	// Output:
	// true hierarchy: a value set keeps 0 to 9 decimal places, not 10
	// true hierarchy: unknown roll-up method 0
	// rebuilt: 2801 <nil>
	// true hierarchy: the values belong to another model
	// true hierarchy: the two periods measure different nodes beneath "revenue": "resolve-problem"
	// true hierarchy: "monitor-queues" cannot be attributed: nodes beneath it have no value: "update-wallboard"
}

// A weighted sum is exact: it computes in 128-bit fixed point, at the value
// set's places plus the decimal places of the weights along a path of links
// (a link of weight 0.333333 adds 6). So it has two limits, which only
// extreme hierarchies reach. Here a car maker weights each of the five
// links from fitting seats up to the customer 0.333333, a third: the
// weights add 5 × 6 = 30 places. A cost of
// 1.00 (2 places) at fitting seats reaches joy as 0.333333^5, all 30 places
// of it; but values kept to MaxValuePlaces, 9, would need 9 + 30 = 39
// places, more than the 38 the roll-up computes in. And weights typed as
// the largest allowed, MaxWeight (10^12), where 1 was meant, make a value
// of 5·10^9 at 9 places, 5·10^18 units, into 5·10^18 × 10^12 × 10^12 =
// 5·10^42 units two links up, past the 1.7·10^38 that 128 bits hold.
func ExampleModel_RollUp_limits() {
	third := decimal.RequireFromString("0.333333")
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "fit-seats", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "trim-interior", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "assemble-car", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "cars-built", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "revenue", Level: outcome.BusinessOutcome})
	b.AddNode(hierarchy.Node{ID: "joy", Level: outcome.CustomerOutcome})
	b.AddWeightedLink("fit-seats", "trim-interior", third)
	b.AddWeightedLink("trim-interior", "assemble-car", third)
	b.AddWeightedLink("assemble-car", "cars-built", third)
	b.AddWeightedLink("cars-built", "revenue", third)
	b.AddWeightedLink("revenue", "joy", third)
	thirds, _ := b.Build()
	for _, places := range []int32{2, hierarchy.MaxValuePlaces} {
		vals, _ := thirds.NewValues(places)
		_ = vals.Set("fit-seats", decimal.New(1, 0))
		r, err := thirds.RollUp(vals, hierarchy.WeightedSum)
		if err != nil {
			fmt.Println(errors.Is(err, hierarchy.ErrRollUpPrecision), err)
			continue
		}
		v, _, _ := r.Value("joy")
		fmt.Println(places, "places: joy", v)
	}

	most := decimal.New(hierarchy.MaxWeight, 0)
	b = hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "fit-seats", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "assemble-car", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "cars-built", Level: outcome.Output})
	b.AddWeightedLink("fit-seats", "assemble-car", most)
	b.AddWeightedLink("assemble-car", "cars-built", most)
	typo, _ := b.Build()
	vals, _ := typo.NewValues(hierarchy.MaxValuePlaces)
	_ = vals.Set("fit-seats", decimal.New(5, 9))
	_, err := typo.RollUp(vals, hierarchy.WeightedSum)
	fmt.Println(errors.Is(err, hierarchy.ErrRollUpOverflow), err)
	// Output:
	// 2 places: joy 0.004115205761358024650205781893
	// true hierarchy: the weights' decimal places add up to 30 along "fit-seats" -> "trim-interior" -> "assemble-car" -> "cars-built" -> "revenue" -> "joy"; with the values' 9 places, an exact weighted sum would need 39 places, more than the 38 it computes in
	// true hierarchy: the weighted sum at node "cars-built" is beyond 128-bit fixed point at 9 decimal places
}

// A service that keeps each team's hierarchy answers an upload with an HTTP
// status chosen by the error's code: JSON that does not decode is a bad
// request (400); a hierarchy of more nodes or links than a model's 32-bit
// indices hold, two thousand million or so, is too large (413); any other
// problem is a definition to correct (422). The upload below names an
// output it never defines.
func ExampleBuilder_AddJSON_status() {
	status := func(err error) int {
		switch {
		case err == nil:
			return 200
		case errors.Is(err, outcome.ErrInvalidJSON):
			return 400
		case errors.Is(err, hierarchy.ErrTooLarge):
			return 413
		}
		return 422
	}
	for _, upload := range []string{
		`{"nodes": [{"id": "answer-call", "level": "task"}]}`,
		`{"nodes": [{"id": "answer-call", "level": "task"}]`,
		`{"nodes": [{"id": "answer-call", "level": "task"}], "links": [{"from": "answer-call", "to": "calls-handled"}]}`,
	} {
		b := hierarchy.NewBuilder()
		b.AddJSON([]byte(upload))
		_, err := b.Build()
		fmt.Println("HTTP", status(err), "|", err)
	}
	// Output:
	// HTTP 200 | <nil>
	// HTTP 400 | hierarchy: invalid JSON: unexpected EOF
	// HTTP 422 | hierarchy: link "answer-call" -> "calls-handled" goes to an unknown node
}
