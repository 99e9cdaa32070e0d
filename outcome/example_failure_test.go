package outcome_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/cxmodel/cx/outcome"
)

// An output-driven contact centre counts calls handled and praises the
// rising number. The method asks what the calls are: value demand (what the
// service is for) or failure demand, caused by a failure to do something,
// or to do something right, for the customer. Repeat calls, chasers and
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

// A dashboard stores a breakdown as JSON, each share a decimal string so
// that no reader rounds it through a float: of 300 failure contacts, 210
// repeat calls (0.7) and 90 chasers (0.3); 0.70 is written as 0.7. A row
// written by another tool, with its share as a JSON number, reads too.
func ExampleReasonCount_MarshalJSON() {
	var d outcome.FailureDemand
	_ = d.AddFailure("chaser", 90)
	_ = d.AddFailure("repeat call", 210)
	rows, _ := d.FailureReasons(2)
	data, _ := json.Marshal(rows)
	fmt.Println(string(data))

	var row outcome.ReasonCount
	err := json.Unmarshal([]byte(`{"reason":"complaint","count":25,"share":0.05}`), &row)
	fmt.Println(row.Reason, row.Count, row.Percent(), err)
	// Output:
	// [{"reason":"repeat call","count":210,"share":"0.7"},{"reason":"chaser","count":90,"share":"0.3"}]
	// complaint 25 5 <nil>
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

// Value demand is what the service exists for, and its breakdown says what
// customers come for. A car maker's customer line took 750 contacts in a
// week: 300 to book a service, 150 to order a car and 50 to book a test
// drive (500 of value demand: shares 300/500 = 0.6, 150/500 = 0.3 and 50/500
// = 0.1), and 250 asking where their new car is. Those chasers are failure
// demand: 250 of 750 contacts, one in three.
func ExampleFailureDemand_ValueReasons() {
	var week outcome.FailureDemand
	_ = week.AddValue("book a service", 300)
	_ = week.AddValue("order a car", 150)
	_ = week.AddValue("book a test drive", 50)
	_ = week.AddFailure("where is my car", 250)

	rows, err := week.ValueReasons(2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("value demand: %d of %d contacts\n", week.Value(), week.Total())
	for _, r := range rows {
		fmt.Printf("  %-17s %3d  %s%%\n", r.Reason, r.Count, r.Percent())
	}
	num, den, _ := week.Share().Fraction()
	fmt.Printf("failure demand: %d/%d of all demand, lower is better\n", num, den)
	// Output:
	// value demand: 500 of 750 contacts
	//   book a service    300  60%
	//   order a car       150  30%
	//   book a test drive  50  10%
	// failure demand: 1/3 of all demand, lower is better
}

// A FailureDemand is an accumulator: copying one that has been added to
// would share its reasons, so a snapshot is a Clone. The car maker keeps
// Monday's tally and a week-to-date tally that grows from it; Equal tells
// them apart once Tuesday is merged in, and IsZero tells a site that has
// not counted a contact yet.
func ExampleFailureDemand_Clone() {
	var monday, tuesday outcome.FailureDemand
	_ = monday.AddValue("book a service", 60)
	_ = monday.AddFailure("where is my car", 40)
	_ = tuesday.AddValue("book a service", 55)
	_ = tuesday.AddFailure("where is my car", 35)

	weekToDate := monday.Clone()
	fmt.Println("a clone is equal:", weekToDate.Equal(&monday))
	if err := weekToDate.Merge(&tuesday); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("after Tuesday, equal:", weekToDate.Equal(&monday), "| Monday:", monday.Total(), "contacts | week to date:", weekToDate.Total())

	var newSite outcome.FailureDemand
	fmt.Println("new site counted nothing:", newSite.IsZero(), "| equal to nil:", newSite.Equal(nil))
	// Output:
	// a clone is equal: true
	// after Tuesday, equal: false | Monday: 100 contacts | week to date: 190
	// new site counted nothing: true | equal to nil: true
}

// A tally refuses what would make its breakdowns wrong, and leaves itself
// unchanged, so a pipeline can set a bad record aside and carry on. The
// codes say which rule a record broke: a reason that is blank or longer
// than MaxReasonLen bytes, a negative count, a total past the largest
// int64, a reason listed twice in a stored tally, or more than MaxReasons
// distinct reasons, the sign of free text typed where a reason code was
// meant.
func ExampleFailureDemand_Add_errors() {
	var d outcome.FailureDemand
	_ = d.Add("chaser", true, 90)

	check := func(what string, err error) {
		for _, c := range []outcome.Code{outcome.ErrInvalidReason, outcome.ErrInvalidCount,
			outcome.ErrOverflow, outcome.ErrDuplicateReason, outcome.ErrTooManyReasons} {
			if errors.Is(err, c) {
				fmt.Printf("%-33s %s\n", what+":", c)
			}
		}
	}
	check("a blank reason", d.Add("  ", true, 1))
	check("a reason of 129 bytes", d.Add(strings.Repeat("x", outcome.MaxReasonLen+1), true, 1))
	check("a count of -1", d.Add("chaser", true, -1))
	check("90 + MaxInt64 contacts", d.Add("order", false, math.MaxInt64))

	var stored outcome.FailureDemand
	check(`"chaser" twice in a stored tally`,
		json.Unmarshal([]byte(`{"failure":[{"reason":"chaser","count":3},{"reason":"chaser","count":2}]}`), &stored))

	var free outcome.FailureDemand
	for i := range outcome.MaxReasons {
		_ = free.AddFailure(fmt.Sprintf("complaint %d", i), 1)
	}
	check("a 10001st reason", free.Add("one more complaint", true, 1))
	fmt.Printf("unchanged: %d contacts counted; stored tally empty: %t; free-text tally: %d contacts, one per reason\n",
		d.Total(), stored.IsZero(), free.Failure())
	// Output:
	// a blank reason:                   invalid-demand-reason
	// a reason of 129 bytes:            invalid-demand-reason
	// a count of -1:                    invalid-count
	// 90 + MaxInt64 contacts:           count-overflow
	// "chaser" twice in a stored tally: duplicate-demand-reason
	// a 10001st reason:                 too-many-demand-reasons
	// unchanged: 90 contacts counted; stored tally empty: true; free-text tally: 10000 contacts, one per reason
}
