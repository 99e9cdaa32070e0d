package hierarchy_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// contactCentre builds a small contact centre's hierarchy. Answering calls and
// looking up accounts are the front line's tasks; they make up the activities
// "handle enquiry" and "resolve problem", which produce the outputs "calls
// handled" and "first-time response"; those drive the business outcomes, cost
// to serve and revenue, and, through them, the successful customer outcome
// "problem solved at first contact". Someone also updates the wallboard, which
// refreshes a screen and serves nobody.
func contactCentre() *hierarchy.Builder {
	b := hierarchy.NewBuilder()
	for _, n := range []hierarchy.Node{
		{ID: "answer-call", Name: "Answer call", Level: outcome.Task},
		{ID: "look-up-account", Name: "Look up account", Level: outcome.Task},
		{ID: "update-wallboard", Name: "Update wallboard", Level: outcome.Task},
		{ID: "handle-enquiry", Name: "Handle enquiry", Level: outcome.Activity},
		{ID: "resolve-problem", Name: "Resolve problem", Level: outcome.Activity},
		{ID: "monitor-queues", Name: "Monitor queues", Level: outcome.Activity},
		{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output},
		{ID: "first-time-response", Name: "First-time response", Level: outcome.Output},
		{ID: "wallboard-refreshes", Name: "Wallboard refreshes", Level: outcome.Output},
		{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome},
		{ID: "solved-first-contact", Name: "Problem solved at first contact", Level: outcome.CustomerOutcome},
	} {
		b.AddNode(n)
	}
	b.AddLink("answer-call", "handle-enquiry")
	b.AddLink("look-up-account", "handle-enquiry")
	b.AddLink("look-up-account", "resolve-problem")
	b.AddLink("update-wallboard", "monitor-queues")
	b.AddLink("handle-enquiry", "calls-handled")
	b.AddLink("resolve-problem", "first-time-response")
	b.AddLink("monitor-queues", "wallboard-refreshes")
	b.AddLink("calls-handled", "cost-to-serve")
	// A fast first reply heads off a chasing call (cost) and keeps the
	// customer buying (revenue): 40% and 60% of its effect.
	b.AddWeightedLink("first-time-response", "cost-to-serve", decimal.RequireFromString("0.4"))
	b.AddWeightedLink("first-time-response", "revenue", decimal.RequireFromString("0.6"))
	b.AddLink("cost-to-serve", "solved-first-contact")
	b.AddLink("revenue", "solved-first-contact")
	return b
}

func model() hierarchy.Model {
	m, err := contactCentre().Build()
	if err != nil {
		panic(err)
	}
	return m
}

func ExampleNewBuilder() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output,
		Metric: outcome.MustMetric(outcome.MetricSpec{ID: "calls-handled", Name: "Calls handled",
			Level: outcome.Output, Direction: outcome.HigherIsBetter, Rewarded: true})})
	b.AddLink("answer-call", "calls-handled")
	m, err := b.Build()
	fmt.Println(m.Len(), "nodes,", m.LinkCount(), "link, error:", err)
	for _, w := range m.Warnings() {
		fmt.Println(w)
	}
	// Output:
	// 2 nodes, 1 link, error: <nil>
	// hierarchy: task "answer-call" reaches no successful customer outcome (the highest level it reaches is Output)
	// hierarchy: link "answer-call" -> "calls-handled" skips from Task to Output
	// hierarchy: output "calls-handled" reaches no successful customer outcome (the highest level it reaches is Output)
}

// Build reports every problem at once, each with its code and the IDs
// involved.
func ExampleBuilder_Build() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "calls-handled", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "calls-handled", Level: outcome.Output})
	b.AddLink("calls-handled", "answer-call")  // down a level
	b.AddLink("answer-call", "handle-enquiry") // to a node never added
	b.AddWeightedLink("answer-call", "calls-handled", decimal.RequireFromString("-1"))
	_, err := b.Build()
	fmt.Println("one of the problems is downward-link:", errors.Is(err, hierarchy.ErrDownwardLink))
	for _, p := range outcome.Problems(err) {
		fmt.Printf("%s %q\n", p.Code, p.IDs)
	}
	fmt.Println(err)
	// Output:
	// one of the problems is downward-link: true
	// negative-link-weight ["answer-call" "calls-handled"]
	// dangling-link ["answer-call" "handle-enquiry"]
	// duplicate-id ["calls-handled"]
	// downward-link ["calls-handled" "answer-call"]
	// hierarchy: link "answer-call" -> "calls-handled" has weight -1, below zero
	// hierarchy: link "answer-call" -> "handle-enquiry" goes to an unknown node
	// hierarchy: node id "calls-handled" is given to 2 nodes
	// hierarchy: link "calls-handled" -> "answer-call" goes down from Output to Task
}

// A cycle is named by the nodes on it.
func ExampleBuilder_Build_cycle() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "calls-handled", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "first-time-response", Level: outcome.Output})
	b.AddLink("calls-handled", "first-time-response")
	b.AddLink("first-time-response", "calls-handled")
	_, err := b.Build()
	fmt.Println(err)
	// Output:
	// hierarchy: cycle "calls-handled" -> "first-time-response" -> "calls-handled"
}

func ExampleBuilder_AddWeightedLink() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "first-time-response", Level: outcome.Output})
	b.AddNode(hierarchy.Node{ID: "cost-to-serve", Level: outcome.BusinessOutcome})
	b.AddWeightedLink("first-time-response", "cost-to-serve", decimal.RequireFromString("0.3333333"))
	_, err := b.Build()
	fmt.Println(err)
	// Output:
	// hierarchy: link "first-time-response" -> "cost-to-serve" has weight 0.3333333, with more than 6 decimal places
}

func ExampleBuilder_AddJSON() {
	b := hierarchy.NewBuilder()
	b.AddJSON([]byte(`{
		"nodes": [
			{"id": "answer-call", "name": "Answer call", "level": "task"},
			{"id": "handle-enquiry", "name": "Handle enquiry", "level": "activity"}
		],
		"links": [{"from": "answer-call", "to": "handle-enquiry"}]
	}`))
	// Code adds to what the file defined.
	b.AddNode(hierarchy.Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output})
	b.AddLink("handle-enquiry", "calls-handled")
	m, err := b.Build()
	fmt.Println(m.Len(), "nodes,", m.LinkCount(), "links, error:", err)
	// Output:
	// 3 nodes, 2 links, error: <nil>
}

func ExampleBuilder_Grow() {
	b := hierarchy.NewBuilder()
	b.Grow(2, 1) // room for two nodes and a link: adding them allocates once, for the link
	b.AddNode(hierarchy.Node{ID: "answer-call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "handle-enquiry", Level: outcome.Activity})
	b.AddLink("answer-call", "handle-enquiry")
	m, err := b.Build()
	fmt.Println(m.Len(), "nodes,", m.LinkCount(), "link, error:", err)
	// Output:
	// 2 nodes, 1 link, error: <nil>
}

// Warnings come with the model; a CI test can make chosen ones errors.
func ExampleWarningsAsErrors() {
	_, err := contactCentre().Build(hierarchy.WarningsAsErrors(hierarchy.ErrOrphan))
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Severity, p)
	}
	// Output:
	// error hierarchy: activity "monitor-queues" reaches no successful customer outcome (the highest level it reaches is Output)
	// error hierarchy: task "update-wallboard" reaches no successful customer outcome (the highest level it reaches is Output)
	// error hierarchy: output "wallboard-refreshes" reaches no successful customer outcome (the highest level it reaches is Output)
}

func ExampleModel_Warnings() {
	for _, w := range model().Warnings() {
		fmt.Println(w.Severity, w.Code, w.IDs)
	}
	// Output:
	// warning orphan-node [monitor-queues]
	// warning orphan-node [update-wallboard]
	// warning orphan-node [wallboard-refreshes]
}

// The method's question, answered for the contact centre.
func ExampleModel_Alignment() {
	a := model().Alignment()
	fmt.Println(a.Answer())
	fmt.Println("all aligned:", a.AllAligned())
	for _, s := range a.Levels {
		fmt.Printf("%-16s %d of %d, by count %s, by weight %s of %s = %s\n", s.Level, s.Aligned, s.Nodes,
			s.ByCount(2), s.AlignedWeight, s.Weight, s.ByWeight(2))
	}
	for _, g := range a.Orphans {
		fmt.Println("orphans that stop at the", g.Highest, "level:", g.IDs)
	}
	// Output:
	// No: 73% of the work (8 of 11 nodes) reaches a successful customer outcome (tasks 67%, activities 67%, outputs 67%, business outcomes 100%); 3 do not: "monitor-queues", "update-wallboard", "wallboard-refreshes".
	// all aligned: false
	// Task             2 of 3, by count 0.67, by weight 3 of 4 = 0.75
	// Activity         2 of 3, by count 0.67, by weight 2 of 3 = 0.67
	// Output           2 of 3, by count 0.67, by weight 2 of 3 = 0.67
	// Business Outcome 2 of 2, by count 1, by weight 2 of 2 = 1
	// orphans that stop at the Output level: [monitor-queues update-wallboard wallboard-refreshes]
}

// When every piece of work is aligned, the answer is "yes".
func ExampleAlignment_Answer() {
	b := contactCentre()
	// Wire the wallboard to something the customer feels: queue
	// information moves agents to where calls wait, so it feeds "calls
	// handled".
	b.AddLink("wallboard-refreshes", "calls-handled")
	m, _ := b.Build()
	fmt.Println(m.Alignment().Answer())
	// Output:
	// Yes: all the work (11 nodes) reaches a successful customer outcome.
}

func ExampleShare_ByWeight() {
	tasks := model().Alignment().Level(outcome.Task)
	// By count, 2 of 3 tasks are aligned; by weight, 3 of the 4 links up
	// from tasks go to aligned activities.
	fmt.Println("tasks aligned by count:", tasks.ByCount(4), "| by weight:", tasks.ByWeight(4))
	// Output:
	// tasks aligned by count: 0.6667 | by weight: 0.75
}

func ExampleModel_Aligned() {
	m := model()
	for _, id := range []string{"answer-call", "update-wallboard"} {
		ok, _ := m.Aligned(id)
		fmt.Println(id, "reaches a successful customer outcome:", ok)
	}
	_, err := m.Aligned("make-tea")
	fmt.Println(err)
	// Output:
	// answer-call reaches a successful customer outcome: true
	// update-wallboard reaches a successful customer outcome: false
	// hierarchy: unknown node "make-tea"
}

// What connects looking up an account to the customer? The limit, 2, keeps
// the first two paths; Complete is false because a third, through revenue,
// was left out (ExampleLineOfSight shows all three).
func ExampleModel_LineOfSight() {
	los, _ := model().LineOfSight("look-up-account", 2)
	for _, p := range los.Paths {
		fmt.Println(p)
	}
	fmt.Println("complete:", los.Complete)
	// Output:
	// [look-up-account handle-enquiry calls-handled cost-to-serve solved-first-contact]
	// [look-up-account resolve-problem first-time-response cost-to-serve solved-first-contact]
	// complete: false
}

// Everything that delivers the customer outcome, level by level.
func ExampleModel_Contributors() {
	c, _ := model().Contributors("solved-first-contact")
	for _, l := range c.Levels {
		fmt.Println(l.Level, l.IDs)
	}
	fmt.Println(c.Len(), "contributors; outputs:", c.At(outcome.Output))
	// Output:
	// Task [answer-call look-up-account]
	// Activity [handle-enquiry resolve-problem]
	// Output [calls-handled first-time-response]
	// Business Outcome [cost-to-serve revenue]
	// 8 contributors; outputs: [calls-handled first-time-response]
}

func ExampleModel_TopoOrder() {
	for id := range model().TopoOrder() {
		fmt.Print(id, " ")
	}
	fmt.Println()
	// Output:
	// answer-call look-up-account update-wallboard handle-enquiry resolve-problem monitor-queues calls-handled first-time-response wallboard-refreshes cost-to-serve revenue solved-first-contact
}

func ExampleModel_Parents() {
	parents, _ := model().Parents("first-time-response")
	for id := range parents {
		fmt.Println(id)
	}
	// Output:
	// cost-to-serve
	// revenue
}

func ExampleModel_Children() {
	children, _ := model().Children("handle-enquiry")
	for id := range children {
		fmt.Println(id)
	}
	// Output:
	// answer-call
	// look-up-account
}

func ExampleModel_Ancestors() {
	ancestors, _ := model().Ancestors("resolve-problem")
	for id := range ancestors {
		fmt.Println(id)
	}
	// Output:
	// first-time-response
	// cost-to-serve
	// revenue
	// solved-first-contact
}

func ExampleModel_Descendants() {
	descendants, _ := model().Descendants("revenue")
	for id := range descendants {
		fmt.Println(id)
	}
	// Output:
	// first-time-response
	// resolve-problem
	// look-up-account
}

func ExampleModel_Node() {
	n, _ := model().Node("solved-first-contact")
	fmt.Printf("%s: %q, a %s\n", n.ID, n.Name, n.Level)
	// Output:
	// solved-first-contact: "Problem solved at first contact", a Successful Customer Outcome
}

func ExampleModel_Nodes() {
	count := map[outcome.Level]int{}
	for n := range model().Nodes() {
		count[n.Level]++
	}
	for l := range outcome.Levels() {
		fmt.Println(l, count[l])
	}
	// Output:
	// Task 3
	// Activity 3
	// Output 3
	// Business Outcome 2
	// Successful Customer Outcome 1
}

func ExampleModel_Links() {
	for l := range model().Links() {
		if !l.Weight.Equal(decimal.New(1, 0)) {
			fmt.Println(l.From, "->", l.To, l.Weight)
		}
	}
	// Output:
	// first-time-response -> cost-to-serve 0.4
	// first-time-response -> revenue 0.6
}

func ExampleModel_MarshalJSON() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome})
	b.AddNode(hierarchy.Node{ID: "solved-first-contact", Level: outcome.CustomerOutcome})
	b.AddWeightedLink("revenue", "solved-first-contact", decimal.RequireFromString("0.50"))
	m, _ := b.Build()
	data, _ := json.Marshal(m)
	fmt.Println(string(data))
	// Output:
	// {"nodes":[{"id":"revenue","name":"Revenue","level":"business-outcome"},{"id":"solved-first-contact","level":"customer-outcome"}],"links":[{"from":"revenue","to":"solved-first-contact","weight":"0.5"}]}
}

// Decoding validates as Build does, reporting every problem.
func ExampleModel_UnmarshalJSON() {
	var m hierarchy.Model
	err := json.Unmarshal([]byte(`{
		"nodes": [{"id": "answer-call", "level": "task"}, {"id": "handle-enquiry", "level": "chore"}],
		"links": [{"from": "answer-call", "to": "handle-enquiry", "weight": "lots"}]
	}`), &m)
	fmt.Println(err)
	// Output:
	// hierarchy: link "answer-call" -> "handle-enquiry" has weight "lots", which is not a decimal number
	// hierarchy: node "handle-enquiry" has an unknown level "chore"
}

// Models built from the same definition in another order are equal: here
// the contact centre's definition with its nodes and its links listed in
// reverse. A model with one more link is another hierarchy, and no model
// with nodes equals the zero Model.
func ExampleModel_Equal() {
	a := model()
	data, _ := json.Marshal(a)
	var def struct {
		Nodes []json.RawMessage `json:"nodes"`
		Links []json.RawMessage `json:"links"`
	}
	_ = json.Unmarshal(data, &def)
	slices.Reverse(def.Nodes)
	slices.Reverse(def.Links)
	reversed, _ := json.Marshal(def)
	var b hierarchy.Model
	if err := json.Unmarshal(reversed, &b); err != nil {
		fmt.Println(err)
		return
	}
	pa, _ := a.Position("solved-first-contact")
	pb, _ := b.Position("solved-first-contact")
	fmt.Println("solved-first-contact listed at", pa, "then", pb, "| equal:", a.Equal(b))

	wired := contactCentre()
	wired.AddLink("wallboard-refreshes", "calls-handled")
	c, _ := wired.Build()
	fmt.Println("with the wallboard wired to calls handled, equal:", a.Equal(c))
	fmt.Println("the zero Model, equal:", a.Equal(hierarchy.Model{}))
	// Output:
	// solved-first-contact listed at 11 then 0 | equal: true
	// with the wallboard wired to calls handled, equal: false
	// the zero Model, equal: false
}

// A node read from the model equals one written out with the same ID, name,
// level and metric (here none); another name makes another node.
func ExampleNode_Equal() {
	m := model()
	n, _ := m.Node("revenue")
	fmt.Println("same definition:", n.Equal(hierarchy.Node{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome}))
	fmt.Println("renamed:", n.Equal(hierarchy.Node{ID: "revenue", Name: "Sales", Level: outcome.BusinessOutcome}))
	fmt.Println("zero node:", n.IsZero())
	// Output:
	// same definition: true
	// renamed: false
	// zero node: false
}

// Links compare their weights as numbers: 1.0 and 1 are the same weight,
// which reflect.DeepEqual would call different.
func ExampleLink_Equal() {
	l := hierarchy.Link{From: "revenue", To: "solved-first-contact", Weight: decimal.RequireFromString("1.0")}
	fmt.Println("weight 1.0 equals weight 1:",
		l.Equal(hierarchy.Link{From: "revenue", To: "solved-first-contact", Weight: decimal.New(1, 0)}))
	fmt.Println("weight 1.0 equals weight 0.5:",
		l.Equal(hierarchy.Link{From: "revenue", To: "solved-first-contact", Weight: decimal.RequireFromString("0.5")}))
	// Output:
	// weight 1.0 equals weight 1: true
	// weight 1.0 equals weight 0.5: false
}

// This month's cost of each task, rolled up to what it buys. A weighted
// sum counts a shared node once for each link: looking up accounts feeds
// both handling enquiries and resolving problems, with links of weight 1,
// so its 800.25 counts twice, and the customer outcome's 2801 is more than
// the 2000.75 spent on the tasks that serve it. To roll up spend, give a
// shared node's links weights that add up to 1.
func ExampleModel_RollUp() {
	m := model()
	costs, _ := m.NewValues(2) // to the cent
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	_ = costs.Set("update-wallboard", decimal.RequireFromString("150"))
	r, _ := m.RollUp(costs, hierarchy.WeightedSum)
	for _, id := range []string{"calls-handled", "cost-to-serve", "revenue", "solved-first-contact", "wallboard-refreshes"} {
		v, _, _ := r.Value(id)
		fmt.Println(id, v)
	}
	// Output:
	// calls-handled 2000.75
	// cost-to-serve 2320.85
	// revenue 480.15
	// solved-first-contact 2801
	// wallboard-refreshes 150
}

// A missing value is reported, not taken as zero. Answering calls is
// measured (0.90) and looking up accounts is not, so the customer outcome
// both feed has no value, and the roll-up names the task that was not
// measured. Asked to take a missing value as zero (MissingAsZero), the
// weakest link (Min) is that task's 0.
func ExampleModel_RollUp_missing() {
	m := model()
	rates, _ := m.NewValues(2)
	_ = rates.Set("answer-call", decimal.RequireFromString("0.90"))
	_ = rates.Set("update-wallboard", decimal.RequireFromString("0.50"))
	r, _ := m.RollUp(rates, hierarchy.WeightedMean)
	v, ok, _ := r.Value("solved-first-contact")
	fmt.Println("solved-first-contact has a value:", ok, "| value:", v, "| unmeasured:", r.Unmeasured())
	r, _ = m.RollUp(rates, hierarchy.Min, hierarchy.MissingAsZero())
	v, ok, _ = r.Value("solved-first-contact")
	fmt.Println("missing as zero, it has a value:", ok, "| the weakest link:", v)
	// Output:
	// solved-first-contact has a value: false | value: 0 | unmeasured: [look-up-account]
	// missing as zero, it has a value: true | the weakest link: 0
}

func ExampleModel_NewValues() {
	m := model()
	calls, _ := m.NewValues(0) // whole calls
	err := calls.Set("answer-call", decimal.RequireFromString("1520.5"))
	fmt.Println(err)
	fmt.Println("set 1520, error:", calls.Set("answer-call", decimal.RequireFromString("1520")), "| values held:", calls.Len())
	v, ok, _ := calls.Get("answer-call")
	fmt.Println("answer-call:", v, "| has a value:", ok)
	// Output:
	// hierarchy: value 1520.5 of node "answer-call" does not fit a value set of 0 decimal places
	// set 1520, error: <nil> | values held: 1
	// answer-call: 1520 | has a value: true
}

// Why did the customer outcome's rolled-up cost rise by 100 this month,
// when the tasks that serve it cost 2000.75 in both months? Looking up
// accounts cost 100 more, and the weighted sum counts it twice (it feeds
// both handling enquiries and resolving problems, with links of weight 1);
// answering calls cost 100 less. Links from a shared node whose weights add
// up to 1 would count its spend once.
func ExampleModel_Attribute() {
	m := model()
	set := func(answer, lookUp string) *hierarchy.Values {
		v, _ := m.NewValues(2)
		_ = v.Set("answer-call", decimal.RequireFromString(answer))
		_ = v.Set("look-up-account", decimal.RequireFromString(lookUp))
		_ = v.Set("update-wallboard", decimal.RequireFromString("150"))
		return v
	}
	lastMonth, thisMonth := set("1200.50", "800.25"), set("1100.50", "900.25")
	a, _ := m.Attribute("solved-first-contact", lastMonth, thisMonth)
	fmt.Println(a.Before, "->", a.After, "change", a.Change)
	for _, c := range a.Contributions {
		fmt.Println(" ", c.ID, c.Amount)
	}
	fmt.Println("largest increase:", a.Increases(1)[0].ID, "largest decrease:", a.Decreases(1)[0].ID)
	// Output:
	// 2801 -> 2901 change 100
	//   look-up-account 200
	//   answer-call -100
	// largest increase: look-up-account largest decrease: answer-call
}

func ExampleMethod_String() {
	fmt.Println(hierarchy.WeightedSum, hierarchy.WeightedMean, hierarchy.Min, hierarchy.Max)
	// Output:
	// weighted sum weighted mean min max
}

// A contact centre's hierarchy comes from its planning database, where every
// node is a row with an integer key: the builder is given the links by the
// nodes' positions, as AddNode returns them, and looks up no IDs.
func ExampleBuilder_AddLinkAt() {
	b := hierarchy.NewBuilder()
	answer := b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	handle := b.AddNode(hierarchy.Node{ID: "handle-enquiry", Name: "Handle enquiry", Level: outcome.Activity})
	handled := b.AddNode(hierarchy.Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output})
	cost := b.AddNode(hierarchy.Node{ID: "cost-to-serve", Name: "Cost to serve", Level: outcome.BusinessOutcome})
	solved := b.AddNode(hierarchy.Node{ID: "solved-first-contact", Name: "Problem solved at first contact",
		Level: outcome.CustomerOutcome})
	b.AddLinkAt(answer, handle)
	b.AddLinkAt(handle, handled)
	b.AddLinkAt(handled, cost)
	b.AddLinkAt(cost, solved)
	m, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	for id := range m.TopoOrder() {
		fmt.Println(id)
	}

	// A row that points at a node the export left out: position 9.
	b.AddLinkAt(cost, 9)
	_, err = b.Build()
	fmt.Println(err)
	// Output:
	// answer-call
	// handle-enquiry
	// calls-handled
	// cost-to-serve
	// solved-first-contact
	// hierarchy: link "cost-to-serve" -> "#9" goes to an unknown node
}

// A weighted link by position: a first-time response keeps the customer
// buying, 60% of its effect.
func ExampleBuilder_AddWeightedLinkAt() {
	b := hierarchy.NewBuilder()
	response := b.AddNode(hierarchy.Node{ID: "first-time-response", Name: "First-time response", Level: outcome.Output})
	revenue := b.AddNode(hierarchy.Node{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome})
	b.AddWeightedLinkAt(response, revenue, decimal.RequireFromString("0.6"))
	m, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	for l := range m.Links() {
		fmt.Println(l.From, "->", l.To, l.Weight)
	}
	// Output:
	// first-time-response -> revenue 0.6
}
