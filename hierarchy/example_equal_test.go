package hierarchy_test

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/hierarchy"
	"github.com/cxmodel/cx/outcome"
)

// A BI tool checks that the attribution its warehouse stored last month is
// still the one the model computes. The warehouse keeps money to two
// places, so the stored change reads back as 100.00, where the model
// computes 100. reflect.DeepEqual (and so testify's assert.Equal) calls
// the two attributions different; Equal compares the decimals by value,
// and so does Contribution.Equal for one row.
func ExampleAttribution_Equal() {
	m := model()
	before, _ := m.NewValues(2)
	_ = before.Set("answer-call", decimal.RequireFromString("1200.50"))
	_ = before.Set("look-up-account", decimal.RequireFromString("800.25"))
	after, _ := m.NewValues(2)
	_ = after.Set("answer-call", decimal.RequireFromString("1300.50"))
	_ = after.Set("look-up-account", decimal.RequireFromString("800.25"))
	computed, _ := m.Attribute("cost-to-serve", before, after)

	var stored hierarchy.Attribution
	_ = json.Unmarshal([]byte(`{"id":"cost-to-serve","before":"2320.85","after":"2420.85","change":"100.00",`+
		`"contributions":[{"id":"answer-call","amount":"100.00"}]}`), &stored)
	fmt.Println("computed change:", computed.Change.Coefficient(), "exponent", computed.Change.Exponent(),
		"- stored:", stored.Change.Coefficient(), "exponent", stored.Change.Exponent())
	fmt.Println("reflect.DeepEqual:", reflect.DeepEqual(computed, stored))
	fmt.Println("Equal:", computed.Equal(stored))
	fmt.Println("the largest increase is the stored one:", computed.Increases(1)[0].Equal(stored.Increases(1)[0]))
	// Output:
	// computed change: 100 exponent 0 - stored: 10000 exponent -2
	// reflect.DeepEqual: false
	// Equal: true
	// the largest increase is the stored one: true
}

// A test author pins the line of sight of a task, and of the orphan
// wallboard task, which has none. Equal compares the paths in order; the
// orphan's want need not spell out the empty list the model returns
// ([][]string{}, "paths":[] in JSON): no paths, nil or empty, are Equal.
func ExampleLineOfSight_Equal() {
	m := model()
	got, _ := m.LineOfSight("answer-call", 10)
	want := hierarchy.LineOfSight{From: "answer-call", Complete: true, Paths: [][]string{
		{"answer-call", "handle-enquiry", "calls-handled", "cost-to-serve", "solved-first-contact"},
	}}
	fmt.Println("answer-call as pinned:", got.Equal(want))

	orphan, _ := m.LineOfSight("update-wallboard", 10)
	none := hierarchy.LineOfSight{From: "update-wallboard", Complete: true}
	fmt.Println("update-wallboard reaches no customer outcome:", orphan.Equal(none),
		"- reflect.DeepEqual:", reflect.DeepEqual(orphan, none))
	// Output:
	// answer-call as pinned: true
	// update-wallboard reaches no customer outcome: true - reflect.DeepEqual: false
}

// A continuous-integration test pins what serves the cost to serve, level
// by level, and the one group of orphans the alignment finds: the
// wallboard's chain, which stops at an output. A change to the hierarchy
// that adds or removes a contributor, or an orphan, fails the test.
func ExampleContributors_Equal() {
	m := model()
	got, _ := m.Contributors("cost-to-serve")
	want := hierarchy.Contributors{To: "cost-to-serve", Levels: []hierarchy.LevelIDs{
		{Level: outcome.Task, IDs: []string{"answer-call", "look-up-account"}},
		{Level: outcome.Activity, IDs: []string{"handle-enquiry", "resolve-problem"}},
		{Level: outcome.Output, IDs: []string{"calls-handled", "first-time-response"}},
	}}
	fmt.Println("contributors as pinned:", got.Equal(want))
	tasks := hierarchy.LevelIDs{Level: outcome.Task, IDs: []string{"answer-call", "look-up-account"}}
	fmt.Println("tasks as pinned:", got.Levels[0].Equal(tasks))

	orphans := m.Alignment().Orphans
	wallboard := hierarchy.OrphanGroup{Highest: outcome.Output,
		IDs: []string{"monitor-queues", "update-wallboard", "wallboard-refreshes"}}
	fmt.Println("one group of orphans, as pinned:", len(orphans) == 1 && orphans[0].Equal(wallboard))
	// Output:
	// contributors as pinned: true
	// tasks as pinned: true
	// one group of orphans, as pinned: true
}

// Two sites measure their costs into sets of their own, and the head
// office merges them. The merged set is Equal to one set measured on all
// the data, and so is its roll-up, node by node; a set measured to other
// decimal places is another set (it does not merge with these), though
// its roll-up is Equal: a roll-up's values are compared by value, whatever
// fixed point each was computed in.
func ExampleRollUp_Equal() {
	m := model()
	set := func(places int32, costs map[string]string) *hierarchy.Values {
		s, _ := m.NewValues(places)
		for id, v := range costs {
			_ = s.Set(id, decimal.RequireFromString(v))
		}
		return s
	}
	north := set(2, map[string]string{"answer-call": "1200.50", "look-up-account": "800.25"})
	south := set(2, map[string]string{"answer-call": "300.25"})
	all := set(2, map[string]string{"answer-call": "1500.75", "look-up-account": "800.25"})
	_ = north.Merge(south)
	fmt.Println("merged set Equal to all the data's:", north.Equal(all))

	merged, _ := m.RollUp(north, hierarchy.WeightedSum)
	whole, _ := m.RollUp(all, hierarchy.WeightedSum)
	fmt.Println("roll-ups Equal:", merged.Equal(whole))

	tenths := set(3, map[string]string{"answer-call": "1500.750", "look-up-account": "800.250"})
	fromTenths, _ := m.RollUp(tenths, hierarchy.WeightedSum)
	fmt.Println("a set of 3 places Equal:", tenths.Equal(all), "- its roll-up Equal:", fromTenths.Equal(whole))
	// Output:
	// merged set Equal to all the data's: true
	// roll-ups Equal: true
	// a set of 3 places Equal: false - its roll-up Equal: true
}

// A tool that keeps what it knows about nodes in slices by position checks
// a link it expects: first-time response feeds revenue with weight 0.60, as
// its spreadsheet writes it. The model hands out the weight as 0.6; Equal
// compares weights by value, where == compares a decimal's insides.
func ExampleLinkAt_Equal() {
	m := model()
	from, _ := m.Position("first-time-response")
	to, _ := m.Position("revenue")
	want := hierarchy.LinkAt{From: from, To: to, Weight: decimal.RequireFromString("0.60")}
	links, _ := m.LinksFrom("first-time-response")
	for l := range links {
		if l.To == to {
			fmt.Println("weight", l.Weight, "- Equal:", l.Equal(want), "- ==:", l == want)
		}
	}
	// Output:
	// weight 0.6 - Equal: true - ==: false
}

// A BI tool takes the links of a hierarchy one at a time, from the rows of
// an editor. A row whose weight's key is misspelt is refused, with every
// other problem of the row, rather than read as a link of weight 1; a
// good row reads as the definition's link would, Equal to the link the
// model holds.
func ExampleLink_UnmarshalJSON() {
	var l hierarchy.Link
	err := json.Unmarshal([]byte(`{"from":"first-time-response","to":"revenue","wieght":"0.6","weight":-1}`), &l)
	fmt.Println(err)

	_ = json.Unmarshal([]byte(`{"from":"first-time-response","to":"revenue","weight":"0.60"}`), &l)
	for held := range model().Links() {
		if held.From == l.From && held.To == l.To {
			fmt.Println("as the model holds it:", held.Equal(l))
		}
	}
	// Output:
	// hierarchy: invalid JSON: unknown field "wieght"
	// hierarchy: link "first-time-response" -> "revenue" has weight -1, below zero
	// as the model holds it: true
}
