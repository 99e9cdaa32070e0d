package hierarchy_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// A value set is filled one node at a time, here from the contact centre's
// timesheets, to the cent (2 places). Setting a node again replaces its value,
// so Len counts the nodes measured, not the calls to Set. A value the set
// cannot hold exactly, or for a node the model does not have, is refused
// and changes nothing: it is never rounded.
func ExampleValues_Set() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	_ = costs.Set("answer-call", decimal.RequireFromString("1250.50")) // a late timesheet
	fmt.Println(costs.Len(), "nodes measured, to", costs.Places(), "places")

	err := costs.Set("answer-call", decimal.RequireFromString("1250.505")) // half a cent
	fmt.Println(errors.Is(err, hierarchy.ErrInvalidValue), err)
	err = costs.Set("answer-the-phone", decimal.RequireFromString("75"))
	fmt.Println(errors.Is(err, hierarchy.ErrUnknownNode), err)

	v, _, _ := costs.Get("answer-call")
	fmt.Println("answer-call", v, "- still", costs.Len(), "nodes measured")
	// Output:
	// 2 nodes measured, to 2 places
	// true hierarchy: value 1250.505 of node "answer-call" does not fit a value set of 2 decimal places
	// true hierarchy: unknown node "answer-the-phone"
	// answer-call 1250.5 - still 2 nodes measured
}

// Value gives any node's value after a roll-up, and whether it has one: a
// measured node keeps its own; a node above gets the weighted sum of what
// feeds it (handling enquiries: 1200.50 + 800.25 = 2000.75; cost to serve:
// calls handled, 2000.75, plus 0.4 of first-time response, which looking up
// accounts alone feeds, 0.4 × 800.25 = 320.10, so 2320.85); and a node above
// the unmeasured wallboard task has no value, which is not the same as zero.
func ExampleRollUp_Value() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	r, _ := m.RollUp(costs, hierarchy.WeightedSum)
	for _, id := range []string{"answer-call", "handle-enquiry", "cost-to-serve", "wallboard-refreshes"} {
		if v, ok, _ := r.Value(id); ok {
			fmt.Println(id, v)
		} else {
			fmt.Println(id, "has no value")
		}
	}
	_, _, err := r.Value("make-tea")
	fmt.Println(errors.Is(err, hierarchy.ErrUnknownNode), err)
	// Output:
	// answer-call 1200.5
	// handle-enquiry 2000.75
	// cost-to-serve 2320.85
	// wallboard-refreshes has no value
	// true hierarchy: unknown node "make-tea"
}

// Missing lists every node a roll-up left without a value; Unmeasured only
// the inputs at their root, the nodes nothing feeds that nobody measured:
// it is the list of what to go and measure. Nobody measured updating the
// wallboard, so neither monitoring queues nor wallboard refreshes has a
// value. With MissingAsZero the wallboard task counts as zero and nothing
// is missing, but it is still unmeasured.
func ExampleRollUp_Missing() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	for _, opts := range [][]hierarchy.RollUpOption{nil, {hierarchy.MissingAsZero()}} {
		r, _ := m.RollUp(costs, hierarchy.WeightedSum, opts...)
		v, ok, _ := r.Value("wallboard-refreshes")
		fmt.Println("missing:", r.Missing(), "unmeasured:", r.Unmeasured(), "wallboard refreshes:", v, ok)
	}
	// Output:
	// missing: [monitor-queues update-wallboard wallboard-refreshes] unmeasured: [update-wallboard] wallboard refreshes: 0 false
	// missing: [] unmeasured: [update-wallboard] wallboard refreshes: 0 true
}

// The contact centre cut the rolled-up cost of its customer outcome this
// month: which tasks brought it down? Answering calls feeds the outcome
// once (through calls handled and cost to serve); looking up accounts feeds
// it with weight 2 (once through handling enquiries, and 0.4 + 0.6 through
// resolving problems and first-time response), so the weighted sum counts
// its cost twice. So the rolled-up cost went from 1200 + 2 × 800 = 2800 to
// 1150 + 2 × 700 = 2550, down 250 (spending fell by 150): looking up
// accounts brought it down 2 × 100 = 200 (80%), answering calls 50 (20%).
func ExampleAttribution_Decreases() {
	m := model()
	set := func(answer, lookUp string) *hierarchy.Values {
		v, _ := m.NewValues(2)
		_ = v.Set("answer-call", decimal.RequireFromString(answer))
		_ = v.Set("look-up-account", decimal.RequireFromString(lookUp))
		_ = v.Set("update-wallboard", decimal.RequireFromString("150"))
		return v
	}
	a, _ := m.Attribute("solved-first-contact", set("1200", "800"), set("1150", "700"))
	fmt.Println(a.ID+":", a.Before, "->", a.After, "change", a.Change)
	shareOfChange := func(c hierarchy.Contribution) decimal.Decimal {
		return c.Amount.Div(a.Change).Shift(2)
	}
	for _, c := range a.Decreases(5) {
		fmt.Printf("  %s %s (%s%%)\n", c.ID, c.Amount, shareOfChange(c))
	}
	fmt.Println("increases:", len(a.Increases(5)))
	// Output:
	// solved-first-contact: 2800 -> 2550 change -250
	//   look-up-account -200 (80%)
	//   answer-call -50 (20%)
	// increases: 0
}

// How much of the contact centre's work serves each business outcome? Len
// counts every node that serves one, at every level below it; Levels holds
// them level by level. Revenue is served only through first-time response,
// cost to serve through both outputs.
func ExampleContributors_Len() {
	m := model()
	frontLine := func(levels []hierarchy.LevelIDs) int {
		n := 0
		for _, l := range levels {
			if l.Level == outcome.Task || l.Level == outcome.Activity {
				n += len(l.IDs)
			}
		}
		return n
	}
	for _, id := range []string{"revenue", "cost-to-serve"} {
		c, _ := m.Contributors(id)
		fmt.Printf("%s: %d contributors, %d of them tasks and activities\n", c.To, c.Len(), frontLine(c.Levels))
	}
	// Output:
	// revenue: 3 contributors, 2 of them tasks and activities
	// cost-to-serve: 6 contributors, 4 of them tasks and activities
}

// carMaker builds a car maker's hierarchy: seats fitted and bodies painted
// make cars, which bring in revenue and the customer's joy of driving. It
// also promises delivery on time, which nothing serves yet; and, if vanity
// is true, it washes the board's cars and polishes trophies for a showroom
// display, which serve no customer.
func carMaker(vanity bool) hierarchy.Model {
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "fit-seats", Name: "Fit seats", Level: outcome.Task},
		{ID: "paint-body", Name: "Paint body", Level: outcome.Task},
		{ID: "assemble-car", Name: "Assemble car", Level: outcome.Activity},
		{ID: "cars-built", Name: "Cars built", Level: outcome.Output},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome},
		{ID: "joy", Name: "Joy of driving", Level: outcome.CustomerOutcome},
		{ID: "delivered-on-time", Name: "Car delivered when promised", Level: outcome.CustomerOutcome},
	} {
		b.AddNode(n)
	}
	b.AddLink("fit-seats", "assemble-car")
	b.AddLink("paint-body", "assemble-car")
	b.AddLink("assemble-car", "cars-built")
	b.AddLink("cars-built", "revenue")
	b.AddLink("revenue", "joy")
	if vanity {
		b.AddNode(hierarchy.Node{ID: "wash-fleet", Name: "Wash the board's cars", Level: outcome.Task})
		b.AddNode(hierarchy.Node{ID: "polish-trophies", Name: "Polish trophies", Level: outcome.Task})
		b.AddNode(hierarchy.Node{ID: "showroom-display", Name: "Keep the showroom display", Level: outcome.Activity})
		b.AddNode(hierarchy.Node{ID: "trophies-shown", Name: "Trophies on show", Level: outcome.Output})
		b.AddLink("polish-trophies", "showroom-display")
		b.AddLink("showroom-display", "trophies-shown")
	}
	m, err := b.Build()
	if err != nil {
		panic(err)
	}
	return m
}

// AllAligned is the method's "yes, 100%": every piece of work reaches a
// successful customer outcome. A car maker's release gate checks it, and
// otherwise lists the orphans by how far their line of sight goes (washing
// the board's cars goes nowhere; the trophies reach an output, which serves
// no one). AllAligned is about the work: an outcome nobody delivers is in
// Unsupported, so the gate checks that too. Once the vanity work is gone,
// the work is all aligned, and delivery on time is still served by nothing.
func ExampleAlignment_AllAligned() {
	stopsAt := func(g hierarchy.OrphanGroup) string {
		return fmt.Sprintf("%d stop at %s: %s", len(g.IDs), g.Highest, strings.Join(g.IDs, ", "))
	}
	for _, vanity := range []bool{true, false} {
		a := carMaker(vanity).Alignment()
		fmt.Printf("all aligned: %t (%d of %d nodes)\n", a.AllAligned(), a.Overall.Aligned, a.Overall.Nodes)
		for _, g := range a.Orphans {
			fmt.Println("  orphans:", stopsAt(g))
		}
		fmt.Println("  nobody delivers:", a.Unsupported)
	}
	// Output:
	// all aligned: false (5 of 9 nodes)
	//   orphans: 1 stop at Task: wash-fleet
	//   orphans: 3 stop at Output: polish-trophies, showroom-display, trophies-shown
	//   nobody delivers: [delivered-on-time]
	// all aligned: true (5 of 5 nodes)
	//   nobody delivers: [delivered-on-time]
}

// Has the alignment changed since last quarter? The report is data, so
// last quarter's, kept as JSON, compares with this quarter's, level by
// level. This quarter the contact centre wired the wallboard to calls
// handled (queue information moves agents to where calls wait), so the task, activity and
// output below it are aligned now; the business outcomes are as they were.
func ExampleAlignment_Equal() {
	data, _ := json.Marshal(model().Alignment())
	var lastQuarter hierarchy.Alignment
	_ = json.Unmarshal(data, &lastQuarter)
	fmt.Println("unchanged since it was stored:", model().Alignment().Equal(lastQuarter))

	b := contactCentre()
	b.AddLink("wallboard-refreshes", "calls-handled")
	m, _ := b.Build()
	now := m.Alignment()
	fmt.Println("unchanged this quarter:", now.Equal(lastQuarter))
	for i, s := range now.Levels {
		was := lastQuarter.Levels[i]
		if s.Equal(was) {
			fmt.Printf("%s: unchanged, %d of %d\n", s.Level, s.Aligned, s.Nodes)
			continue
		}
		fmt.Printf("%s: %d of %d aligned, was %d of %d\n", s.Level, s.Aligned, s.Nodes, was.Aligned, was.Nodes)
	}
	// Output:
	// unchanged since it was stored: true
	// unchanged this quarter: false
	// Task: 3 of 3 aligned, was 2 of 3
	// Activity: 3 of 3 aligned, was 2 of 3
	// Output: 3 of 3 aligned, was 2 of 3
	// Business Outcome: unchanged, 2 of 2
}

// A dashboard stores the share of each level of work as JSON, with the
// weights as decimal strings, so that no reader rounds them through a float.
// Tasks count with the weights of their links up: answering calls 1, looking
// up accounts 2 (it feeds handling enquiries and resolving problems),
// updating the wallboard 1, which goes to an orphan: 4 in all, 3 of it
// aligned, 0.75. A share written by another tool, with its weights as JSON
// numbers, reads too: 2.5 of 3 is 0.83 to two places.
func ExampleShare_MarshalJSON() {
	tasks := model().Alignment().Level(outcome.Task)
	data, _ := json.Marshal(tasks)
	fmt.Println(string(data))
	fmt.Println("by weight:", tasks.ByWeight(2))

	var s hierarchy.Share
	err := json.Unmarshal([]byte(`{"level":"output","nodes":3,"aligned":2,"weight":3,"alignedWeight":2.5}`), &s)
	fmt.Println(s.Level, s.AlignedWeight, s.ByWeight(2), err)
	// Output:
	// {"level":"task","nodes":3,"aligned":2,"weight":"4","alignedWeight":"3"}
	// by weight: 0.75
	// Output 2.5 0.83 <nil>
}

// Why cost to serve fell by 40, stored for a dashboard. Looking up accounts
// feeds cost to serve with weight 1.4 (see ExampleAttribution_Increases), so
// cost to serve was 1200 + 1.4 x 800 = 2320 and is 1300 + 1.4 x 700 = 2280;
// the contributions, largest first, add up to the change: -140 + 100 = -40.
// Every decimal is a string.
func ExampleAttribution_MarshalJSON() {
	m := model()
	set := func(answer, lookUp string) *hierarchy.Values {
		v, _ := m.NewValues(2)
		_ = v.Set("answer-call", decimal.RequireFromString(answer))
		_ = v.Set("look-up-account", decimal.RequireFromString(lookUp))
		return v
	}
	a, err := m.Attribute("cost-to-serve", set("1200", "800"), set("1300", "700"))
	fmt.Println("attributed, error:", err)
	data, _ := json.Marshal(a)
	fmt.Println(string(data))
	// Output:
	// attributed, error: <nil>
	// {"id":"cost-to-serve","before":"2320","after":"2280","change":"-40","contributions":[{"id":"look-up-account","amount":"-140"},{"id":"answer-call","amount":"100"}]}
}

// A dashboard reads back an attribution it stored: every decimal as
// written, the contributions each as a Contribution. An amount with more
// places than decimal.MaxDecodeExponent allows (a program may have set it
// to 10) reads all the same: -0.00000000000025 is -25·10^-14. A decimal
// that is not one is an ErrInvalidJSON, and so is each member that
// MarshalJSON always writes and a row leaves out.
func ExampleAttribution_UnmarshalJSON() {
	var a hierarchy.Attribution
	err := json.Unmarshal([]byte(`{"id":"cost-to-serve","before":"2320","after":"2319.99999999999975","change":"-0.00000000000025",`+
		`"contributions":[{"id":"answer-call","amount":"-0.00000000000025"}]}`), &a)
	fmt.Println(a.ID, "before", a.Before, "after", a.After, "change", a.Change, "| error:", err)
	fmt.Println(a.Contributions[0].ID, "contributed coefficient", a.Contributions[0].Amount.Coefficient(),
		"exponent", a.Contributions[0].Amount.Exponent())

	err = json.Unmarshal([]byte(`{"id":"cost-to-serve","change":"a lot"}`), &a)
	fmt.Println(`change "a lot" is invalid-json:`, errors.Is(err, outcome.ErrInvalidJSON))
	fmt.Println(err)
	// Output:
	// cost-to-serve before 2320 after 2319.99999999999975 change -0.00000000000025 | error: <nil>
	// answer-call contributed coefficient -25 exponent -14
	// change "a lot" is invalid-json: true
	// hierarchy: attribution: invalid JSON: "change" must be a decimal string or a number, not the string "a lot"
	// hierarchy: attribution: invalid JSON: the value has no "before"
	// hierarchy: attribution: invalid JSON: the value has no "after"
	// hierarchy: attribution: invalid JSON: the value has no "contributions"
}

// One row of an attribution, as a dashboard's table stores it: the amount
// is a decimal string (-140.00 is written as -140). A row written by another
// tool, with its amount as a JSON number, reads too.
func ExampleContribution_MarshalJSON() {
	data, _ := json.Marshal(hierarchy.Contribution{ID: "look-up-account", Amount: decimal.RequireFromString("-140.00")})
	fmt.Println(string(data))

	var c hierarchy.Contribution
	err := json.Unmarshal([]byte(`{"id":"answer-call","amount":100.5}`), &c)
	fmt.Println(c.ID, "contributed", c.Amount, "| error:", err)
	// Output:
	// {"id":"look-up-account","amount":"-140"}
	// answer-call contributed 100.5 | error: <nil>
}

// The zero Model is the empty hierarchy, ready to use: no nodes, no links,
// and every question about a node an ErrUnknownNode. IsZero lets a struct
// leave a hierarchy not yet defined out of its JSON with omitzero: the paint
// shop has not drawn up its hierarchy yet.
func ExampleModel_IsZero() {
	type team struct {
		Name      string          `json:"name"`
		Hierarchy hierarchy.Model `json:"hierarchy,omitzero"`
	}
	var none hierarchy.Model
	fmt.Println("the zero Model is zero:", none.IsZero(), "|", none.Len(), "nodes,", none.LinkCount(), "links")
	_, err := none.Node("answer-call")
	fmt.Println(err)
	m := model()
	fmt.Println("the contact centre is zero:", m.IsZero(), "|", m.Len(), "nodes,", m.LinkCount(), "links")

	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	small, _ := b.Build()
	data, _ := json.Marshal([]team{{Name: "Contact centre", Hierarchy: small}, {Name: "Paint shop"}})
	fmt.Println(string(data))
	// Output:
	// the zero Model is zero: true | 0 nodes, 0 links
	// hierarchy: unknown node "answer-call"
	// the contact centre is zero: false | 12 nodes, 12 links
	// [{"name":"Contact centre","hierarchy":{"nodes":[{"id":"answer-call","name":"Answer call","level":"task"}],"links":[]}},{"name":"Paint shop"}]
}

// A dashboard's settings say how each panel rolls its node up. A Method is
// written as its kebab-case token, as every enum of the module is, so that
// the settings file stays readable; reading accepts any case and a space for
// a hyphen, so settings written before, "weighted mean", still read. A
// method never set is not valid, and is refused rather than written as a
// number.
func ExampleMethod_MarshalText() {
	type panel struct {
		Node   string           `json:"node"`
		RollUp hierarchy.Method `json:"rollUp"`
	}
	data, _ := json.Marshal(panel{Node: "cost-to-serve", RollUp: hierarchy.WeightedSum})
	fmt.Println(string(data))

	var p panel
	err := json.Unmarshal([]byte(`{"node": "first-time-response", "rollUp": "Weighted-Mean"}`), &p)
	fmt.Println(p.RollUp, p.RollUp.IsValid(), err)
	err = json.Unmarshal([]byte(`{"node": "revenue", "rollUp": "weighted sum"}`), &p)
	fmt.Println(p.RollUp, err)

	var unset hierarchy.Method
	_, err = unset.MarshalText()
	fmt.Println(unset.IsValid(), errors.Is(err, hierarchy.ErrUnknownMethod), err)
	// Output:
	// {"node":"cost-to-serve","rollUp":"weighted-sum"}
	// weighted mean true <nil>
	// weighted sum <nil>
	// false true hierarchy: cannot marshal invalid roll-up method 0
}

// A spreadsheet export of the contact centre's nodes has blank rows between
// teams; a blank row is the zero Node, which IsZero spots, and which Build
// would report as a node without an ID or a level. Model.Node returns the
// zero Node, with an error, for an ID the model does not hold.
func ExampleNode_IsZero() {
	rows := []hierarchy.Node{
		{ID: "answer-call", Name: "Answer call", Level: outcome.Task},
		{},
		{ID: "handle-enquiry", Name: "Handle enquiry", Level: outcome.Activity},
	}
	b := hierarchy.NewBuilder()
	for _, n := range rows {
		if !n.IsZero() {
			b.AddNode(n)
		}
	}
	b.AddLink("answer-call", "handle-enquiry")
	m, err := b.Build()
	fmt.Println(m.Len(), "nodes,", err)

	n, err := m.Node("calls-handled")
	fmt.Println(n.IsZero(), err)
	// Output:
	// 2 nodes, <nil>
	// true hierarchy: unknown node "calls-handled"
}

// A LineOfSight is a report: the node asked about (From), its paths up to
// the customer, and whether the limit let them all through. Looking up an
// account reaches the customer three ways; updating the wallboard, an
// orphan, by none. A limit below 1 is an error.
func ExampleLineOfSight() {
	m := model()
	for _, id := range []string{"look-up-account", "update-wallboard"} {
		los, _ := m.LineOfSight(id, 10)
		fmt.Println(los.From, "has", len(los.Paths), "paths, complete:", los.Complete)
		for _, p := range los.Paths {
			fmt.Println("  ", strings.Join(p, " -> "))
		}
	}
	_, err := m.LineOfSight("look-up-account", 0)
	fmt.Println(errors.Is(err, hierarchy.ErrInvalidLimit), err)
	// Output:
	// look-up-account has 3 paths, complete: true
	//    look-up-account -> handle-enquiry -> calls-handled -> cost-to-serve -> solved-first-contact
	//    look-up-account -> resolve-problem -> first-time-response -> cost-to-serve -> solved-first-contact
	//    look-up-account -> resolve-problem -> first-time-response -> revenue -> solved-first-contact
	// update-wallboard has 0 paths, complete: true
	// true hierarchy: the limit on the paths from "look-up-account" is 0; it must be at least 1
}
