package northstar_test

import (
	"errors"
	"fmt"
	"iter"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/northstar"
	"github.com/cxmodel/cx/outcome"
	"github.com/shopspring/decimal"
)

// orgChart is a hierarchy written out by hand: nodes in topological order
// (work before the outcomes it serves) and weighted links. It implements
// northstar.Hierarchy, as package hierarchy's Model does through a thin
// wrapper.
type orgChart struct {
	nodes []chartNode
	links []chartLink
}

type chartNode struct {
	id     string
	level  outcome.Level
	metric outcome.Metric
}

type chartLink struct {
	from, to string
	weight   int64
}

func (o orgChart) TopoOrder() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, n := range o.nodes {
			if !yield(n.id) {
				return
			}
		}
	}
}

func (o orgChart) Children(id string) (iter.Seq[string], error) {
	return func(yield func(string) bool) {
		for _, l := range o.links {
			if l.to == id && !yield(l.from) {
				return
			}
		}
	}, nil
}

func (o orgChart) NodeInfo(id string) (outcome.Level, outcome.Metric, error) {
	for _, n := range o.nodes {
		if n.id == id {
			return n.level, n.metric, nil
		}
	}
	return 0, outcome.Metric{}, errors.New("unknown node")
}

func (o orgChart) LinkWeight(from, to string) (decimal.Decimal, error) {
	for _, l := range o.links {
		if l.from == from && l.to == to {
			return decimal.NewFromInt(l.weight), nil
		}
	}
	return decimal.Zero, errors.New("no such link")
}

// The marketplace again, now with its hierarchy, from the front line up:
// the North Star must "touch everyone and everything", and each team needs
// to know its part in driving it.
func ExampleHierarchy() {
	m := func(id, name, owner string, level outcome.Level, kind outcome.Kind) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level,
			Direction: outcome.HigherIsBetter, Kind: kind, Owner: owner})
	}
	nights := m("nights-booked", "Nights booked", "everyone", outcome.CustomerOutcome, 0)
	reviews := m("review-score", "Review score", "guest experience", outcome.CustomerOutcome, 0)
	listings := m("listings-created", "Listings created", "supply team", outcome.Output, 0)
	replies := m("first-reply", "Hosts replying within an hour", "host success", outcome.Activity, 0)
	payments := m("payment-success", "Payments that go through", "payments", outcome.Output, 0)
	photos := m("photos-taken", "Listings photographed", "supply team", outcome.Task, 0)
	revenue := m("revenue", "Revenue", "finance", outcome.BusinessOutcome, outcome.Revenue)

	chart := orgChart{
		nodes: []chartNode{
			{"photograph", outcome.Task, photos},
			{"coach-hosts", outcome.Activity, replies},
			{"onboard-hosts", outcome.Activity, outcome.Metric{}},
			{"listings", outcome.Output, listings},
			{"payments", outcome.Output, payments},
			{"booking-revenue", outcome.BusinessOutcome, revenue},
			{"stays", outcome.CustomerOutcome, nights},
			{"reviews", outcome.CustomerOutcome, reviews},
		},
		links: []chartLink{
			{"photograph", "listings", 1}, {"onboard-hosts", "listings", 1},
			{"listings", "stays", 2}, {"coach-hosts", "stays", 1}, {"payments", "stays", 3},
			{"payments", "booking-revenue", 1}, {"booking-revenue", "stays", 1},
			{"coach-hosts", "reviews", 1},
		},
	}
	one := decimal.NewFromInt(1)
	guests := northstar.MustCanvas(northstar.CanvasSpec{Category: "guests", Name: "Guests", Weight: one,
		Needs: []northstar.Need{{ID: "home", Statement: "a stay like home", Measure: "stays rated 4+",
			Target: "95%", TimeBound: "this year"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "stay", Name: "a stay like home", Indicators: []northstar.Indicator{
			{Metric: "nights-booked", Importance: one}, {Metric: "review-score", Importance: one},
			{Metric: "listings-created", Importance: one}}}}})

	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{{Metric: nights}, {Metric: reviews}, {Metric: listings}, {Metric: revenue}},
		Canvases:   []northstar.Canvas{guests},
		Policy:     northstar.DefaultPolicy(),
		Hierarchy:  chart,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range r.Entries {
		fmt.Printf("%d. %-16s reach %.2f", e.Rank, e.Metric.Name(), e.Score(northstar.Reach).Raw)
		for _, f := range e.Failed {
			fmt.Printf("; fails the %s gate", f.Gate)
		}
		fmt.Println()
	}
	// Payments drive nights booked most: 3 directly, and 1 more through
	// revenue (1 × 1); photographs count 1 × 2 through listings.
	fmt.Println("What drives nights booked, team by team:")
	for _, im := range r.InputMetrics {
		fmt.Printf("  %-17s %-30s influence %g\n", im.Metric.Owner(), im.Metric.Name(), im.Influence)
	}
	// Output:
	// 1. Nights booked    reach 1.00
	// 2. Review score     reach 0.20
	// 3. Listings created reach 0.40; fails the outcome gate
	// 4. Revenue          reach 0.20; fails the canvas gate
	// What drives nights booked, team by team:
	//   payments          Payments that go through       influence 4
	//   supply team       Listings created               influence 2
	//   supply team       Listings photographed          influence 2
	//   host success      Hosts replying within an hour  influence 1
	//   finance           Revenue                        influence 1
}

// A contact centre's hierarchy, built with package hierarchy: the calls it
// handles and the faults it fixes serve "problem solved, first time". Its
// North Star reaches all its aligned work, and every team sees its part.
func ExampleFromModel() {
	m := func(id, name, owner string, level outcome.Level) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level,
			Direction: outcome.HigherIsBetter, Owner: owner})
	}
	fcr := m("fcr", "First-contact resolution", "everyone", outcome.CustomerOutcome)
	handled := m("calls-handled", "Calls handled", "front line", outcome.Output)
	fixed := m("faults-fixed", "Faults fixed on the call", "front line", outcome.Output)
	kb := m("articles-updated", "Knowledge articles updated", "knowledge team", outcome.Activity)
	trained := m("agents-trained", "Agents trained on new faults", "training", outcome.Task)

	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "train-agents", Level: outcome.Task, Metric: trained},
		{ID: "update-knowledge", Level: outcome.Activity, Metric: kb},
		{ID: "handle-calls", Level: outcome.Output, Metric: handled},
		{ID: "fix-faults", Level: outcome.Output, Metric: fixed},
		{ID: "problem-solved", Level: outcome.CustomerOutcome, Metric: fcr},
	} {
		b.AddNode(n)
	}
	b.AddLink("train-agents", "update-knowledge")
	b.AddWeightedLink("update-knowledge", "fix-faults", decimal.NewFromInt(2))
	b.AddLink("handle-calls", "problem-solved")
	b.AddWeightedLink("fix-faults", "problem-solved", decimal.NewFromInt(3))
	model, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}

	one := decimal.NewFromInt(1)
	callers := northstar.MustCanvas(northstar.CanvasSpec{Category: "callers", Name: "Callers with a problem", Weight: one,
		Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "first-contact resolution",
			Target: "85%", TimeBound: "this quarter"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "solved", Name: "problem solved, first time",
			Indicators: []northstar.Indicator{{Metric: "fcr", Importance: one}, {Metric: "calls-handled", Importance: one}}}}})
	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{{Metric: fcr}, {Metric: handled}},
		Canvases:   []northstar.Canvas{callers},
		Policy:     northstar.DefaultPolicy(),
		Hierarchy:  northstar.FromModel(model),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Influence multiplies the weights along the way up: fixing faults
	// counts 3, updating the knowledge base 2 × 3 = 6, and so does the
	// training beneath it; handling calls counts 1.
	w, _ := r.Winner()
	fmt.Printf("North Star: %s (node %s), reach %.0f%% of the aligned work\n",
		w.Metric.Name(), w.Nodes[0], 100*w.Score(northstar.Reach).Raw)
	for _, im := range r.InputMetrics {
		fmt.Printf("  %-14s %-28s influence %g\n", im.Metric.Owner(), im.Metric.Name(), im.Influence)
	}
	// Output:
	// North Star: First-contact resolution (node problem-solved), reach 100% of the aligned work
	//   training       Agents trained on new faults influence 6
	//   knowledge team Knowledge articles updated   influence 6
	//   front line     Faults fixed on the call     influence 3
	//   front line     Calls handled                influence 1
}
