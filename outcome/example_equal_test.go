package outcome_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/cxmodel/cx/outcome"
)

// A test author pins a week's breakdown of failure demand by reason. The
// shares come out at the breakdown's places: 0.50 at two places, held as
// 50 × 10^-2, while the expected row says 0.5, 5 × 10^-1: the same share,
// which reflect.DeepEqual (and so testify's assert.Equal) calls different.
// Equal compares the share by value. A dashboard that stored the row as
// JSON reads back 0.5, a row Equal to the one computed, though
// reflect.DeepEqual calls them different too.
func ExampleReasonCount_Equal() {
	var week outcome.FailureDemand
	for reason, calls := range map[string]int64{"repeat call": 150, "chaser": 90, "complaint": 60} {
		if err := week.AddFailure(reason, calls); err != nil {
			fmt.Println(err)
			return
		}
	}
	rows, err := week.FailureReasons(2)
	if err != nil {
		fmt.Println(err)
		return
	}
	want := outcome.ReasonCount{Reason: "repeat call", Count: 150, Share: decimal.RequireFromString("0.5")}
	fmt.Println("top row:", rows[0].Reason, rows[0].Count, rows[0].Share, "at exponent", rows[0].Share.Exponent())
	fmt.Println("Equal to the expected row:", rows[0].Equal(want), "| reflect.DeepEqual:", reflect.DeepEqual(rows[0], want))

	data, err := json.Marshal(rows[0])
	if err != nil {
		fmt.Println(err)
		return
	}
	var stored outcome.ReasonCount
	if err := json.Unmarshal(data, &stored); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(data), "reads back Equal:", stored.Equal(rows[0]), "| reflect.DeepEqual:", reflect.DeepEqual(stored, rows[0]))
	// Output:
	// top row: repeat call 150 0.5 at exponent -2
	// Equal to the expected row: true | reflect.DeepEqual: false
	// {"reason":"repeat call","count":150,"share":"0.5"} reads back Equal: true | reflect.DeepEqual: false
}

// A BI tool stores each quarter's results as JSON and, at the next run,
// checks that what it stored is what the library computes now, before it
// shows the stored figures: the comparison of first-contact resolution
// between two quarters, and the test of the NPS against a benchmark of 20.
// Each stored result reads back Equal to the one computed; one edited in
// the store is not Equal (and, if its numbers no longer agree with its
// counts, does not even decode).
func ExampleProportionComparison_Equal() {
	q1, q2 := outcome.MustProportion(48, 80), outcome.MustProportion(56, 70)
	computed, err := outcome.CompareProportions(q1, q2, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := json.Marshal(computed)
	if err != nil {
		fmt.Println(err)
		return
	}
	var stored outcome.ProportionComparison
	if err := json.Unmarshal(data, &stored); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("stored comparison is the one computed:", stored.Equal(computed))
	at90, _ := outcome.CompareProportions(q1, q2, 0.90)
	fmt.Println("the same counts at 90% confidence:", at90.Equal(computed))

	nps, err := outcome.NPSTallyFromCounts(outcome.NPSBands{}, 50, 30, 20)
	if err != nil {
		fmt.Println(err)
		return
	}
	test, err := nps.TestAgainst(20, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err = json.Marshal(test)
	if err != nil {
		fmt.Println(err)
		return
	}
	var storedTest outcome.ScoreTest
	if err := json.Unmarshal(data, &storedTest); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("stored NPS test is the one computed:", storedTest.Equal(test))
	again, _ := nps.TestAgainst(25, 0.95)
	fmt.Println("against a benchmark of 25 instead:", again.Equal(test))
	// Output:
	// stored comparison is the one computed: true
	// the same counts at 90% confidence: false
	// stored NPS test is the one computed: true
	// against a benchmark of 25 instead: false
}

// A KPI review compares this quarter's definitions with last quarter's, to
// list the metrics whose definition changed: the owner of average handle
// time moved, and revenue is still the same definition, built afresh from
// the file. Equal compares every field; a metric compares its spec the same
// way.
func ExampleMetricSpec_Equal() {
	last := []outcome.MetricSpec{
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter, Unit: "seconds", Owner: "Contact centre", Rewarded: true},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue, Unit: "EUR"},
	}
	now := []outcome.MetricSpec{
		{ID: "aht", Name: "Average handle time", Level: outcome.Output, Direction: outcome.LowerIsBetter, Unit: "seconds", Owner: "Operations", Rewarded: true},
		{ID: "revenue", Name: "Revenue", Level: outcome.BusinessOutcome, Direction: outcome.HigherIsBetter, Kind: outcome.Revenue, Unit: "EUR"},
	}
	for i := range now {
		fmt.Printf("%s unchanged: %v\n", now[i].ID, now[i].Equal(last[i]))
	}
	m, err := outcome.NewMetric(now[1])
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("the metric built from it has the same definition:", m.Spec().Equal(last[1]))
	// Output:
	// aht unchanged: false
	// revenue unchanged: true
	// the metric built from it has the same definition: true
}

// A survey team on the standard 0-10 scale checks that a set of bands from
// a vendor counts promoters as the method does, 9 and 10, though it splits
// detractors and passives otherwise.
func ExampleBand_Equal() {
	standard := outcome.NPSBands{}
	scale, err := outcome.NewScale(0, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	vendor, err := outcome.NewNPSBands(scale, outcome.Band{Low: 0, High: 5}, outcome.Band{Low: 6, High: 8}, outcome.Band{Low: 9, High: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("promoters", vendor.Promoters(), "as standard:", vendor.Promoters().Equal(standard.Promoters()))
	fmt.Println("detractors", vendor.Detractors(), "as standard:", vendor.Detractors().Equal(standard.Detractors()))
	// Output:
	// promoters 9..10 as standard: true
	// detractors 0..5 as standard: false
}

// A BI tool stores the problems a definition had, as JSON, beside the
// definition, and when a user fixes it, shows which problems are gone.
// A problem read back is Equal to the one reported: the same code,
// severity, IDs and message (its cause, which the JSON leaves out, is not
// compared).
func ExampleError_Equal() {
	problems := func(spec outcome.MetricSpec) []*outcome.Error {
		_, err := outcome.NewMetric(spec)
		return outcome.Problems(err) // one problem, or several joined
	}
	before := problems(outcome.MetricSpec{ID: "aht", Level: outcome.Output})
	data, err := json.Marshal(before)
	if err != nil {
		fmt.Println(err)
		return
	}
	var stored []*outcome.Error
	if err := json.Unmarshal(data, &stored); err != nil {
		fmt.Println(err)
		return
	}
	after := problems(outcome.MetricSpec{ID: "aht", Name: "Average handle time", Level: outcome.Output})
	for _, p := range stored {
		fixed := !slices.ContainsFunc(after, p.Equal)
		fmt.Printf("%s fixed: %v\n", p.Code, fixed)
	}
	// Output:
	// empty-name fixed: true
	// unknown-direction fixed: false
}
