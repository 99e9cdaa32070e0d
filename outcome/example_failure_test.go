package outcome_test

import (
	"encoding/json"
	"fmt"

	"github.com/cxmodel/cx/outcome"
)

// An output-driven contact centre counts calls handled and praises the
// rising number. The method asks what the calls are: value demand (what the
// service is for) or failure demand, "caused by a failure to do something,
// or to do something right, for the customer". Repeat calls, chasers and
// complaints are demand the organisation made for itself: the Failure-Demand
// cycle. Its share of all demand is the measure, and lower is better.
func ExampleFailureDemand() {
	// Each contact, as classified at the front line.
	contacts := []struct {
		reason  string
		failure bool
	}{
		{"new claim", false}, {"repeat call", true}, {"new claim", false},
		{"chaser", true}, {"change of address", false}, {"repeat call", true},
		{"complaint", true}, {"new claim", false}, {"chaser", true},
		{"repeat call", true},
	}
	var demand outcome.FailureDemand
	for _, c := range contacts {
		if err := demand.Add(c.reason, c.failure, 1); err != nil {
			fmt.Println(err)
			return
		}
	}
	share := demand.Share()
	pct, _ := share.Percent(0, outcome.RoundHalfEven)
	fmt.Printf("failure demand: %d of %d contacts (%s%%), lower is better\n", share.Successes(), share.Trials(), pct)

	rows, _ := demand.FailureReasons(2)
	for _, r := range rows {
		fmt.Printf("  %-11s %d  %s%%\n", r.Reason, r.Count, r.Percent())
	}
	// Output:
	// failure demand: 6 of 10 contacts (60%), lower is better
	//   repeat call 3  50%
	//   chaser      2  33%
	//   complaint   1  17%
}

// Each site (or goroutine, or partition of a data pipeline) keeps its own
// tally; Merge combines them into exactly the tally of all the demand, in
// any order.
func ExampleFailureDemand_Merge() {
	var leeds, cardiff outcome.FailureDemand
	_ = leeds.AddValue("new order", 820)
	_ = leeds.AddFailure("chaser", 140)
	_ = leeds.AddFailure("repeat call", 95)
	_ = cardiff.AddValue("new order", 610)
	_ = cardiff.AddFailure("repeat call", 210)
	_ = cardiff.AddFailure("complaint", 25)

	var all outcome.FailureDemand
	for _, site := range []*outcome.FailureDemand{&leeds, &cardiff} {
		if err := all.Merge(site); err != nil {
			fmt.Println(err)
			return
		}
	}
	rate, _ := all.Share().Rate(3, outcome.RoundHalfEven)
	fmt.Printf("%d contacts, %d failure demand, share %s\n", all.Total(), all.Failure(), rate)
	// Output: 1900 contacts, 470 failure demand, share 0.247
}

// A breakdown's shares are rounded by the largest-remainder method, so that
// they add up to exactly 100% even when each is a recurring fraction.
func ExampleFailureDemand_FailureReasons() {
	var d outcome.FailureDemand
	_ = d.AddFailure("repeat call", 1)
	_ = d.AddFailure("chaser", 1)
	_ = d.AddFailure("complaint", 1)
	rows, _ := d.FailureReasons(3)
	for _, r := range rows {
		fmt.Println(r.Reason, r.Share)
	}
	// Output:
	// chaser 0.334
	// complaint 0.333
	// repeat call 0.333
}

// Percent shows a breakdown row's share as people read it.
func ExampleReasonCount_Percent() {
	var d outcome.FailureDemand
	_ = d.AddFailure("chaser", 90)
	_ = d.AddFailure("repeat call", 210)
	rows, _ := d.FailureReasons(3)
	for _, r := range rows {
		fmt.Printf("%s: %d, %s%%\n", r.Reason, r.Count, r.Percent())
	}
	// Output:
	// repeat call: 210, 70%
	// chaser: 90, 30%
}

// A tally travels as JSON between the shards of a pipeline; decoding
// validates it as Add does.
func ExampleFailureDemand_MarshalJSON() {
	var d outcome.FailureDemand
	_ = d.AddValue(outcome.NoReason, 12)
	_ = d.AddFailure("chaser", 3)
	data, _ := json.Marshal(&d)
	fmt.Println(string(data))

	var back outcome.FailureDemand
	err := json.Unmarshal([]byte(`{"failure":[{"reason":"chaser","count":-3}]}`), &back)
	fmt.Println(err)
	// Output:
	// {"value":[{"reason":"","count":12}],"failure":[{"reason":"chaser","count":3}]}
	// outcome: negative count -3 of failure demand "chaser"
}
