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

// The marketplace again, now with its hierarchy, from the front line up: a
// good North Star "touches everyone and everything", and each team needs to
// know its part in driving it.
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
	// revenue (1 × 1); photographs count 1 × 2 through listings. Revenue
	// itself, a business outcome, is not an input: the North Star is to
	// move before the business outcomes it drives.
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

// contactCentreModel is a contact centre's hierarchy: training and the
// knowledge base help agents fix faults on the call; fixed faults and
// handled calls serve "problem solved, first time", and fixed faults also
// cut the cost to serve, which serves it too.
func contactCentreModel() hierarchy.Model {
	m := func(id, name, owner string, level outcome.Level, dir outcome.Direction, kind outcome.Kind) outcome.Metric {
		return outcome.MustMetric(outcome.MetricSpec{ID: id, Name: name, Level: level,
			Direction: dir, Kind: kind, Owner: owner})
	}
	up, down := outcome.HigherIsBetter, outcome.LowerIsBetter
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "train-agents", Level: outcome.Task,
			Metric: m("agents-trained", "Agents trained on new faults", "training", outcome.Task, up, 0)},
		{ID: "update-knowledge", Level: outcome.Activity,
			Metric: m("articles-updated", "Knowledge articles updated", "knowledge team", outcome.Activity, up, 0)},
		{ID: "handle-calls", Level: outcome.Output,
			Metric: m("calls-handled", "Calls handled", "front line", outcome.Output, up, 0)},
		{ID: "fix-faults", Level: outcome.Output,
			Metric: m("faults-fixed", "Faults fixed on the call", "front line", outcome.Output, up, 0)},
		{ID: "cost", Level: outcome.BusinessOutcome,
			Metric: m("cost-to-serve", "Cost to serve", "finance", outcome.BusinessOutcome, down, outcome.Cost)},
		{ID: "problem-solved", Level: outcome.CustomerOutcome,
			Metric: m("fcr", "First-contact resolution", "everyone", outcome.CustomerOutcome, up, 0)},
	} {
		b.AddNode(n)
	}
	b.AddLink("train-agents", "update-knowledge")
	b.AddWeightedLink("update-knowledge", "fix-faults", decimal.NewFromInt(2))
	b.AddLink("handle-calls", "problem-solved")
	b.AddWeightedLink("fix-faults", "problem-solved", decimal.NewFromInt(3))
	b.AddLink("fix-faults", "cost")
	b.AddLink("cost", "problem-solved")
	model, err := b.Build()
	if err != nil {
		panic(err)
	}
	return model
}

// What Select reads of a hierarchy, asked of FromModel's directly: every
// node, work before the outcomes it serves; its level and metric; and the
// weighted links that feed it. Another source of the organisation's
// structure (an HR system, a spreadsheet) need only answer the same four
// questions.
func ExampleHierarchy_fromModel() {
	h := northstar.FromModel(contactCentreModel())
	for id := range h.TopoOrder() {
		level, metric, _ := h.NodeInfo(id)
		fmt.Printf("%-16s %-27s %s", id, level, metric.Name())
		children, _ := h.Children(id)
		for child := range children {
			w, _ := h.LinkWeight(child, id)
			fmt.Printf("; %s × %s", child, w)
		}
		fmt.Println()
	}
	_, err := h.LinkWeight("handle-calls", "cost")
	fmt.Println("northstar-invalid-hierarchy:", errors.Is(err, northstar.ErrInvalidHierarchy))
	// Output:
	// train-agents     Task                        Agents trained on new faults
	// handle-calls     Output                      Calls handled
	// update-knowledge Activity                    Knowledge articles updated; train-agents × 1
	// fix-faults       Output                      Faults fixed on the call; update-knowledge × 2
	// cost             Business Outcome            Cost to serve; fix-faults × 1
	// problem-solved   Successful Customer Outcome First-contact resolution; handle-calls × 1; fix-faults × 3; cost × 1
	// northstar-invalid-hierarchy: true
}

// The North Star "touches everyone and everything": every team sees how
// much its work moves it. Influence multiplies the link weights up each
// path and adds the paths: fixing faults counts 3 directly and 1 × 1
// through cost to serve, 4 in all; updating the knowledge base 2 × 4 = 8,
// and the training beneath it 1 × 8 = 8; handling calls counts 1. Ties go
// by metric ID. Cost to serve, though beneath FCR in the hierarchy, is a
// business outcome, not work: FCR is to move before it, so it is no input.
//
// The hierarchy is a gate as well: customer effort, though every caller
// values it, measures nothing in the hierarchy, so nothing connects it to
// the front line's work. Cost to serve feeds first-contact resolution, and
// faults fixed feeds cost to serve, so both are linked to a cost outcome
// through the hierarchy (linkage 1, scoring 1 × 2/10). FCR wins with 0.7:
// coverage 1 × 3/10, linkage 2/10 and all the aligned work beneath it (4 of
// 4, 2/10). An output can never be the North Star. Among the candidates that fail a gate, faults
// fixed ranks first: as much coverage as effort (1/3 each, scoring 1 × 3/10
// against FCR's 1/3), its linkage, and half the aligned work beneath it (2
// of 4, 0.5 × 2/10), 0.6 in all, against effort's 0.3 and the cost to
// serve's reach alone (3 of 4, 0.15; nothing of business level is above or
// beneath it).
func ExampleInputMetric() {
	model := contactCentreModel()
	m := func(id string) outcome.Metric {
		for n := range model.Nodes() {
			if n.Metric.ID() == id {
				return n.Metric
			}
		}
		return outcome.Metric{}
	}
	effort := outcome.MustMetric(outcome.MetricSpec{ID: "effort", Name: "Customer effort",
		Level: outcome.CustomerOutcome, Direction: outcome.LowerIsBetter})
	one := decimal.NewFromInt(1)
	callers := northstar.MustCanvas(northstar.CanvasSpec{Category: "callers", Name: "Callers with a problem", Weight: one,
		Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "first-contact resolution",
			Target: "85%", TimeBound: "this quarter"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "solved", Name: "problem solved, first time",
			Indicators: []northstar.Indicator{{Metric: "fcr", Importance: one}, {Metric: "effort", Importance: one},
				{Metric: "faults-fixed", Importance: one}}}}})
	r, err := northstar.Select(northstar.Input{
		Candidates: []northstar.Candidate{{Metric: m("fcr")}, {Metric: effort}, {Metric: m("faults-fixed")},
			{Metric: m("cost-to-serve")}},
		Canvases:  []northstar.Canvas{callers},
		Policy:    northstar.DefaultPolicy(),
		Hierarchy: northstar.FromModel(model),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range r.Entries {
		fmt.Printf("%d. %s", e.Rank, e.Metric.Name())
		for _, f := range e.Failed {
			fmt.Printf("; fails the %s gate", f.Gate)
			if f.Gate == northstar.GateHierarchy {
				fmt.Printf(": %s", f.Reason)
			}
		}
		fmt.Println()
	}
	for _, id := range []string{"fcr", "faults-fixed"} {
		e, _ := r.Find(id)
		for _, l := range e.Links {
			fmt.Printf("%s is linked to %s in the hierarchy: feeds it %v, fed by it %v\n", e.Metric.Name(), l.Outcome, l.Feeds, l.FedBy)
		}
		fmt.Printf("%s: linkage %g, total %.2f\n", e.Metric.Name(), e.Score(northstar.Linkage).Raw, e.Total)
	}
	show := func(im northstar.InputMetric) {
		fmt.Printf("  %-14s %-28s influence %g, direct %-5v nodes %v\n",
			im.Metric.Owner(), im.Metric.Name(), im.Influence, im.Direct, im.Nodes)
	}
	for _, im := range r.InputMetrics {
		show(im)
	}
	// Output:
	// 1. First-contact resolution
	// 2. Faults fixed on the call; fails the outcome gate
	// 3. Customer effort; fails the hierarchy gate: it is not in the hierarchy, so nothing connects it to the work of the front line
	// 4. Cost to serve; fails the canvas gate
	// First-contact resolution is linked to cost-to-serve in the hierarchy: feeds it false, fed by it true
	// First-contact resolution: linkage 1, total 0.70
	// Faults fixed on the call is linked to cost-to-serve in the hierarchy: feeds it true, fed by it false
	// Faults fixed on the call: linkage 1, total 0.60
	//   training       Agents trained on new faults influence 8, direct false nodes [train-agents]
	//   knowledge team Knowledge articles updated   influence 8, direct false nodes [update-knowledge]
	//   front line     Faults fixed on the call     influence 4, direct true  nodes [fix-faults]
	//   front line     Calls handled                influence 1, direct true  nodes [handle-calls]
}

// A hand-drawn hierarchy is read, not trusted: one that lists an outcome
// before the work that feeds it answers inconsistently, and Select says so.
func ExampleHierarchy_invalid() {
	fcr := outcome.MustMetric(outcome.MetricSpec{ID: "fcr", Name: "First-contact resolution",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	chart := orgChart{
		nodes: []chartNode{
			{"problem-solved", outcome.CustomerOutcome, fcr},
			{"handle-calls", outcome.Output, outcome.Metric{}},
		},
		links: []chartLink{{"handle-calls", "problem-solved", 1}},
	}
	one := decimal.NewFromInt(1)
	callers := northstar.MustCanvas(northstar.CanvasSpec{Category: "callers", Name: "Callers with a problem", Weight: one,
		Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "first-contact resolution",
			Target: "85%", TimeBound: "this quarter"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "solved", Name: "problem solved, first time",
			Indicators: []northstar.Indicator{{Metric: "fcr", Importance: one}}}}})
	_, err := northstar.Select(northstar.Input{Candidates: []northstar.Candidate{{Metric: fcr}},
		Canvases: []northstar.Canvas{callers}, Policy: northstar.DefaultPolicy(), Hierarchy: chart})
	fmt.Println(err)
	fmt.Println("northstar-invalid-hierarchy:", errors.Is(err, northstar.ErrInvalidHierarchy))
	// Output:
	// northstar: hierarchy: "handle-calls" contributes to "problem-solved" but does not come before it in the topological order
	// northstar-invalid-hierarchy: true
}

// A hand-drawn hierarchy whose node carries a metric of another level is
// refused, as hierarchy.Model refuses it at Build: the output of calls
// handled, measured by a metric that calls itself a successful customer
// outcome, would otherwise reach the customer as an outcome, and every
// problem of the hierarchy is reported with it.
func ExampleHierarchy_metricOfAnotherLevel() {
	fcr := outcome.MustMetric(outcome.MetricSpec{ID: "fcr", Name: "First-contact resolution",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	handled := outcome.MustMetric(outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled",
		Level: outcome.CustomerOutcome, Direction: outcome.HigherIsBetter})
	chart := orgChart{
		nodes: []chartNode{
			{"handle-calls", outcome.Output, handled},
			{"problem-solved", outcome.CustomerOutcome, fcr},
		},
		links: []chartLink{{"handle-calls", "problem-solved", -1}},
	}
	one := decimal.NewFromInt(1)
	callers := northstar.MustCanvas(northstar.CanvasSpec{Category: "callers", Name: "Callers with a problem", Weight: one,
		Needs: []northstar.Need{{ID: "fixed", Statement: "my problem fixed", Measure: "first-contact resolution",
			Target: "85%", TimeBound: "this quarter"}},
		Outcomes: []northstar.SuccessfulOutcome{{ID: "solved", Name: "problem solved, first time",
			Indicators: []northstar.Indicator{{Metric: "fcr", Importance: one}}}}})
	_, err := northstar.Select(northstar.Input{Candidates: []northstar.Candidate{{Metric: fcr}},
		Canvases: []northstar.Canvas{callers}, Policy: northstar.DefaultPolicy(), Hierarchy: chart})
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
		fmt.Println(" ", p.Message)
	}
	// Output:
	// northstar-invalid-hierarchy [handle-calls calls-handled]
	//   northstar: hierarchy: node "handle-calls" is at level Output, but its metric "calls-handled" measures level Successful Customer Outcome
	// northstar-invalid-hierarchy [handle-calls problem-solved]
	//   northstar: hierarchy: link from "handle-calls" to "problem-solved": weight -1 is negative or out of range
}
