package hierarchy_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// Nodes and links may come in any order: a link may name a node added after
// it. What is wrong with a node, here an ID used twice, is reported by
// Build, with every other problem.
func ExampleBuilder_AddNode_anyOrder() {
	b := hierarchy.NewBuilder()
	b.AddLink("answer-call", "handle-enquiry") // before either node
	b.AddNode(hierarchy.Node{ID: "handle-enquiry", Name: "Handle enquiry", Level: outcome.Activity})
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer the phone", Level: outcome.Task})
	_, err := b.Build()
	fmt.Println(err)
	// Output:
	// hierarchy: node id "answer-call" is given to 2 nodes
}

// A link says "contributes to": from work up to what it serves. A link down
// a level, from an outcome to the work beneath it, has the hierarchy upside
// down.
func ExampleBuilder_AddLink_downward() {
	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "answer-call", Name: "Answer call", Level: outcome.Task})
	b.AddNode(hierarchy.Node{ID: "calls-handled", Name: "Calls handled", Level: outcome.Output})
	b.AddLink("calls-handled", "answer-call")
	_, err := b.Build()
	fmt.Println(err)
	// Output:
	// hierarchy: link "calls-handled" -> "answer-call" goes down from Output to Task
}

// With no value for looking up accounts, nothing above it has a value
// either; MissingAsZero counts it as zero, and still reports it.
func ExampleMissingAsZero() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("update-wallboard", decimal.RequireFromString("150"))
	r, _ := m.RollUp(costs, hierarchy.WeightedSum)
	v, ok, _ := r.Value("calls-handled")
	fmt.Println("calls handled:", v, ok)
	r, _ = m.RollUp(costs, hierarchy.WeightedSum, hierarchy.MissingAsZero())
	v, ok, _ = r.Value("calls-handled")
	fmt.Println("calls handled:", v, ok, "taken as zero:", r.Unmeasured())
	// Output:
	// calls handled: 0 false
	// calls handled: 1200.5 true taken as zero: [look-up-account]
}

// A roll-up tells measured values from computed ones, and lists the nodes
// left without a value: the wallboard task was not measured, so nothing
// above it can be computed.
func ExampleRollUp_Computed() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	r, _ := m.RollUp(costs, hierarchy.WeightedSum)
	for _, id := range []string{"answer-call", "handle-enquiry"} {
		computed, _ := r.Computed(id)
		fmt.Println(id, "computed:", computed)
	}
	fmt.Println(r.Method(), "missing:", r.Missing())
	_, err := r.Computed("no-such-node")
	fmt.Println(err)
	// Output:
	// answer-call computed: false
	// handle-enquiry computed: true
	// weighted sum missing: [monitor-queues update-wallboard wallboard-refreshes]
	// hierarchy: unknown node "no-such-node"
}

// Two sites of the contact centre each add up their own timesheets; Merge
// adds the north site's costs to the south's, node by node, into one set for
// the whole centre (each worker of a distributed job could do the same), and
// the centre's cost to serve rolls up from it: answer-call 1200.50 + 300.25 =
// 1500.75; handle-enquiry 1500.75 + 800.25 = 2301; cost to serve 2301 plus
// 0.4 of first-time response, 0.4 × 800.25 = 320.10, so 2621.10. A count
// kept in whole units cannot merge one kept in cents: nothing is rounded.
func ExampleValues_Merge() {
	m := model()
	north, _ := m.NewValues(2)
	_ = north.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = north.Set("look-up-account", decimal.RequireFromString("800.25"))
	centre, _ := m.NewValues(2)
	_ = centre.Set("answer-call", decimal.RequireFromString("300.25")) // the south site
	if err := centre.Merge(north); err != nil {
		fmt.Println(err)
		return
	}
	v, _, _ := centre.Get("answer-call")
	fmt.Println("answer-call:", v, "-", centre.Len(), "nodes measured")
	r, _ := m.RollUp(centre, hierarchy.WeightedSum)
	v, _, _ = r.Value("cost-to-serve")
	fmt.Println("cost to serve:", v)

	calls, _ := m.NewValues(0)
	err := centre.Merge(calls)
	fmt.Println(errors.Is(err, hierarchy.ErrPlacesDiffer), err)
	// Output:
	// answer-call: 1500.75 - 2 nodes measured
	// cost to serve: 2621.1
	// true hierarchy: a value set of 2 decimal places cannot merge one of 0
}

// A site's value set travels as bytes (between the workers of a
// distributed job, or through a queue): the form names the model by its
// node IDs, so the head office, which builds the same hierarchy from the
// same definition, reads it into a set of its own model and merges it.
// Bytes that are not a value set of that model are refused: here the
// last value, which starts at byte 17, is cut short.
func ExampleValues_MarshalBinary() {
	north, _ := model().NewValues(2)
	_ = north.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = north.Set("look-up-account", decimal.RequireFromString("800.25"))
	data, _ := north.MarshalBinary()
	fmt.Println(len(data), "bytes")

	office := model() // another process: the same definition, built again
	shard, _ := office.NewValues(2)
	if err := shard.UnmarshalBinary(data); err != nil {
		fmt.Println(err)
		return
	}
	centre, _ := office.NewValues(2)
	_ = centre.Set("answer-call", decimal.RequireFromString("300.25")) // the south site
	_ = centre.Merge(shard)
	v, _, _ := centre.Get("answer-call")
	fmt.Println("answer-call:", v)

	err := shard.UnmarshalBinary(data[:len(data)-1])
	fmt.Println(errors.Is(err, outcome.ErrInvalidBinary), err)
	// Output:
	// 20 bytes
	// answer-call: 1500.75
	// true hierarchy: invalid binary form of a value set: at byte 17: truncated
}

// The binary form of a value set can be appended to a buffer that holds
// other forms, and read back from its part of it. A set is read only into a
// set of a model with the same nodes, in the same order.
func ExampleValues_AppendBinary() {
	m := model()
	costs, _ := m.NewValues(0)
	_ = costs.Set("update-wallboard", decimal.NewFromInt(150))
	buf, _ := costs.AppendBinary([]byte("costs:"))
	fmt.Println(string(buf[:6]), len(buf)-6, "bytes")

	back, _ := m.NewValues(0)
	_ = back.UnmarshalBinary(buf[6:])
	v, _, _ := back.Get("update-wallboard")
	fmt.Println("update-wallboard:", v)

	b := hierarchy.NewBuilder()
	b.AddNode(hierarchy.Node{ID: "update-wallboard", Name: "Update wallboard", Level: outcome.Task})
	small, _ := b.Build()
	other, _ := small.NewValues(0)
	err := other.UnmarshalBinary(buf[6:])
	fmt.Println(errors.Is(err, hierarchy.ErrForeignValues), err)
	// Output:
	// costs: 15 bytes
	// update-wallboard: 150
	// true hierarchy: the values belong to another model
}

// The method names tasks, activities and outputs as the work that can be
// orphaned; Overall also counts the business outcomes, cost to serve and
// revenue, which both reach the customer. Of adds up the levels asked for:
// the contact centre's wallboard task, activity and output are 3 of its 9
// nodes of work (6 aligned, 67%), and 3 of the 11 with the business
// outcomes (8 aligned, 73%).
func ExampleAlignment_Of() {
	a := model().Alignment()
	work := a.Of(outcome.Task, outcome.Activity, outcome.Output)
	fmt.Println("tasks, activities and outputs:", work.Aligned, "of", work.Nodes, work.ByCount(2))
	fmt.Println("with the business outcomes:", a.Overall.Aligned, "of", a.Overall.Nodes, a.Overall.ByCount(2))
	// Output:
	// tasks, activities and outputs: 6 of 9 0.67
	// with the business outcomes: 8 of 11 0.73
}

// A BI tool stores a month's measured costs by node ID, and loads them
// again into a set of the model: values may be decimal strings or JSON
// numbers.
func ExampleValues_MarshalJSON() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	data, _ := json.Marshal(costs)
	fmt.Println(string(data))

	loaded, _ := m.NewValues(2)
	_ = json.Unmarshal([]byte(`{"places":2,"values":[{"id":"answer-call","value":1200.5},{"id":"update-wallboard","value":"150"}]}`), loaded)
	r, _ := m.RollUp(loaded, hierarchy.WeightedSum)
	v, _, _ := r.Value("wallboard-refreshes")
	fmt.Println("wallboard refreshes:", v)
	// Output:
	// {"places":2,"values":[{"id":"answer-call","value":"1200.5"},{"id":"look-up-account","value":"800.25"}]}
	// wallboard refreshes: 150
}

// Loading values reports every problem, each with the node it concerns, and
// loads nothing unless all of them load: here a node the model does not
// have, a value in tenths of a cent and a value given as null.
func ExampleValues_UnmarshalJSON() {
	m := model()
	costs, _ := m.NewValues(2)
	err := json.Unmarshal([]byte(`{"values":[
	  {"id":"answer-the-phone","value":"75"},
	  {"id":"answer-call","value":"1200.505"},
	  {"id":"look-up-account","value":null}]}`), costs)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
	}
	fmt.Println(costs.Len(), "values loaded")
	// Output:
	// invalid-json [look-up-account]
	// unknown-node [answer-the-phone]
	// invalid-node-value [answer-call]
	// 0 values loaded
}

// A value set holds values at a fixed number of decimal places, for the
// nodes of one model.
func ExampleValues_Get() {
	m := model()
	rates, _ := m.NewValues(3)
	_ = rates.Set("answer-call", decimal.RequireFromString("0.875"))
	v, ok, _ := rates.Get("answer-call")
	fmt.Println("answer-call:", v, "| has a value:", ok, "| places:", rates.Places(), "| values held:", rates.Len())
	v, ok, _ = rates.Get("look-up-account")
	fmt.Println("look-up-account:", v, "| has a value:", ok)
	fmt.Println(rates.Set("answer-the-phone", decimal.RequireFromString("1")))
	// Output:
	// answer-call: 0.875 | has a value: true | places: 3 | values held: 1
	// look-up-account: 0 | has a value: false
	// hierarchy: unknown node "answer-the-phone"
}

func ExampleModel_Has() {
	m := model()
	fmt.Println("has answer-call:", m.Has("answer-call"), "| has answer-the-phone:", m.Has("answer-the-phone"))
	fmt.Println(m.Len(), "nodes,", m.LinkCount(), "links")
	// Output:
	// has answer-call: true | has answer-the-phone: false
	// 12 nodes, 12 links
}

// The alignment of one level of work: of the three activities, monitoring
// queues serves nobody.
func ExampleAlignment_Level() {
	a := model().Alignment()
	s := a.Level(outcome.Activity)
	fmt.Println(s.Aligned, "of", s.Nodes, "activities aligned, a share of", s.ByCount(3))
	fmt.Println("all aligned:", a.AllAligned())
	// Output:
	// 2 of 3 activities aligned, a share of 0.667
	// all aligned: false
}

// The share of the work that reaches a customer outcome, by count: 8 of the
// 11 nodes below the customer outcome, 0.7273 to four places (8/11 =
// 0.727272...).
func ExampleShare_ByCount() {
	s := model().Alignment().Overall
	fmt.Println(s.Aligned, "of", s.Nodes, "=", s.ByCount(4))
	// Output:
	// 8 of 11 = 0.7273
}

// Everything that delivers the customer outcome, level by level.
func ExampleContributors_At() {
	c, _ := model().Contributors("solved-first-contact")
	fmt.Println(c.Len(), "nodes serve", c.To)
	fmt.Println("tasks:", c.At(outcome.Task))
	fmt.Println("outputs:", c.At(outcome.Output))
	// Output:
	// 8 nodes serve solved-first-contact
	// tasks: [answer-call look-up-account]
	// outputs: [calls-handled first-time-response]
}

// The k largest increases and decreases of an attribution. Cost to serve
// fell by 40: answering calls cost 100 more, and it feeds cost to serve once
// (through handling enquiries and calls handled); looking up accounts cost
// 100 less, and it feeds cost to serve with weight 1.4 (once through
// handling enquiries, and 0.4 through resolving problems and first-time
// response): -140. The wallboard does not feed cost to serve at all.
func ExampleAttribution_Increases() {
	m := model()
	set := func(answer, lookUp, wallboard string) *hierarchy.Values {
		v, _ := m.NewValues(2)
		_ = v.Set("answer-call", decimal.RequireFromString(answer))
		_ = v.Set("look-up-account", decimal.RequireFromString(lookUp))
		_ = v.Set("update-wallboard", decimal.RequireFromString(wallboard))
		return v
	}
	a, _ := m.Attribute("cost-to-serve", set("1200", "800", "150"), set("1300", "700", "10"))
	fmt.Println("change:", a.Change)
	for _, c := range a.Increases(5) {
		fmt.Println("increase:", c.ID, c.Amount)
	}
	for _, c := range a.Decreases(5) {
		fmt.Println("decrease:", c.ID, c.Amount)
	}
	// Output:
	// change: -40
	// increase: answer-call 100
	// decrease: look-up-account -140
}

// A roll-up stored as JSON, for a dashboard: each value, and whether it was
// measured or computed.
func ExampleRollUp_MarshalJSON() {
	m := model()
	costs, _ := m.NewValues(2)
	_ = costs.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = costs.Set("look-up-account", decimal.RequireFromString("800.25"))
	_ = costs.Set("update-wallboard", decimal.RequireFromString("150"))
	r, _ := m.RollUp(costs, hierarchy.Min)
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	// Output:
	// {"method":"min","values":[{"id":"answer-call","value":"1200.5"},{"id":"look-up-account","value":"800.25"},{"id":"update-wallboard","value":"150"},{"id":"handle-enquiry","value":"800.25","computed":true},{"id":"resolve-problem","value":"800.25","computed":true},{"id":"monitor-queues","value":"150","computed":true},{"id":"calls-handled","value":"800.25","computed":true},{"id":"first-time-response","value":"800.25","computed":true},{"id":"wallboard-refreshes","value":"150","computed":true},{"id":"cost-to-serve","value":"800.25","computed":true},{"id":"revenue","value":"800.25","computed":true},{"id":"solved-first-contact","value":"800.25","computed":true}]}
}

// A stored roll-up is a report for people and dashboards: decoding it back
// into a RollUp fails, rather than leaving an empty one. Compute it again
// from the model and the values instead.
func ExampleRollUp_UnmarshalJSON() {
	var r hierarchy.RollUp
	err := json.Unmarshal([]byte(`{"method":"min","values":[{"id":"answer-call","value":"1200.5"}]}`), &r)
	fmt.Println("refused, result-not-decodable:", errors.Is(err, outcome.ErrResultNotDecodable))
	fmt.Println(err)
	// Output:
	// refused, result-not-decodable: true
	// hierarchy: a RollUp is computed from a model (Model.RollUp); its JSON is a report, not read back
}

func ExampleParseMethod() {
	m, err := hierarchy.ParseMethod("Weighted-Mean")
	fmt.Println(m, err)
	_, err = hierarchy.ParseMethod("median")
	fmt.Println(err)
	// Output:
	// weighted mean <nil>
	// hierarchy: unknown roll-up method "median"
}

// Positions are the order the nodes were added in: per-node data can live in
// slices indexed by them.
func ExampleModel_Position() {
	m := model()
	p, ok := m.Position("handle-enquiry")
	fmt.Println("handle-enquiry is at position", p, "| held:", ok)
	_, ok = m.Position("answer-the-phone")
	fmt.Println("answer-the-phone held:", ok)
	names := make([]string, m.Len())
	for n := range m.Nodes() {
		at, _ := m.Position(n.ID)
		names[at] = n.Name
	}
	fmt.Println(names[p])
	// Output:
	// handle-enquiry is at position 3 | held: true
	// answer-the-phone held: false
	// Handle enquiry
}

// A BI tool that keeps its own figures in slices by position walks the
// links by position, with no lookup by ID: here it adds up, for each node,
// the weight of the links into it. First-time response gives 0.4 of itself
// to cost to serve and 0.6 to revenue; cost to serve also has calls
// handled, weight 1.
func ExampleModel_LinksAt() {
	m := model()
	in := make([]decimal.Decimal, m.Len())
	for l := range m.LinksAt() {
		in[l.To] = in[l.To].Add(l.Weight)
	}
	for _, id := range []string{"cost-to-serve", "revenue", "handle-enquiry"} {
		at, _ := m.Position(id)
		fmt.Println(id, "is fed with a total weight of", in[at])
	}
	// Output:
	// cost-to-serve is fed with a total weight of 1.4
	// revenue is fed with a total weight of 0.6
	// handle-enquiry is fed with a total weight of 2
}

// LinksFrom is one node's links by position: here first-time response's,
// to cost to serve (the tenth node added, position 9) and to revenue (10).
func ExampleModel_LinksFrom() {
	links, err := model().LinksFrom("first-time-response")
	fmt.Println("error:", err)
	for l := range links {
		fmt.Println(l.From, "->", l.To, "weight", l.Weight)
	}
	_, err = model().LinksFrom("no-such-node")
	fmt.Println(errors.Is(err, hierarchy.ErrUnknownNode))
	// Output:
	// error: <nil>
	// 7 -> 9 weight 0.4
	// 7 -> 10 weight 0.6
	// true
}

// TopoPositions is TopoOrder by position: a pass that computes each node
// from the nodes below it, in slices by position, visits every node after
// all the nodes that feed it. Here: the number of ways up from the tasks
// to each node. Answering calls reaches the customer outcome one way
// (through calls handled and cost to serve), looking up accounts three ways
// (through calls handled, and through first-time response to both cost to
// serve and revenue): 4 in all. The wallboard task reaches nothing.
func ExampleModel_TopoPositions() {
	m := model()
	paths := make([]int, m.Len())
	levels := make([]outcome.Level, m.Len())
	for n := range m.Nodes() {
		at, _ := m.Position(n.ID)
		levels[at] = n.Level
	}
	up := make([][]int, m.Len())
	for l := range m.LinksAt() {
		up[l.From] = append(up[l.From], l.To)
	}
	for u := range m.TopoPositions() {
		if levels[u] == outcome.Task {
			paths[u] = 1
		}
		for _, v := range up[u] {
			paths[v] += paths[u]
		}
	}
	at, _ := m.Position("solved-first-contact")
	fmt.Println("task paths up to the customer outcome:", paths[at])
	// Output:
	// task paths up to the customer outcome: 4
}
