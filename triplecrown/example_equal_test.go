package triplecrown_test

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// A test author pins a unit's score. The scorecard a BI tool loads from the
// finance system has its money to the cent (900000.00 EUR), where the test's
// own has whole euros: the two scores are the same judgement, so Equal
// says true, but reflect.DeepEqual, which testify's assert.Equal uses, says
// they differ, since the decimal 900000.00 is held as 90000000 hundredths
// and 900000 as 900000 units. Compare scores, and every value of the
// package, with Equal: assert.True(t, got.Equal(want)).
func ExampleScore_Equal() {
	want := must(keyAccounts().Score(policy()))

	fromFinance := keyAccounts().Spec()
	fromFinance.Cost = triplecrown.Amounts{Baseline: eur("900000.00"), Actual: eur("950000.00")}
	fromFinance.Revenue = triplecrown.Amounts{Baseline: eur("3000000.00"), Actual: eur("3300000.00")}
	got := must(must(triplecrown.NewScorecard(fromFinance)).Score(policy()))

	fmt.Println("Equal:", got.Equal(want), "| reflect.DeepEqual:", reflect.DeepEqual(got, want))
	// Output:
	// Equal: true | reflect.DeepEqual: false
}

// A BI tool re-scores when the policy is revised, and shows which crowns'
// judgements changed. Under a cost threshold of 10% in place of 2%, the
// key accounts' cost rise of 5.56% is no longer material, so the cost crown
// is flat where it was lost (and its threshold differs); the service and
// revenue crowns, judged by thresholds that did not change, are Equal to
// what they were.
func ExampleCrownScore_Equal() {
	before := must(keyAccounts().Score(policy()))

	revised := policy().Spec()
	revised.Cost = must(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.10")))
	after := must(keyAccounts().Score(must(triplecrown.NewPolicy(revised))))

	for _, c := range []triplecrown.Crown{triplecrown.Cost, triplecrown.Service, triplecrown.Revenue} {
		if was, is := before.Crown(c), after.Crown(c); was.Equal(is) {
			fmt.Printf("%s: unchanged (%s)\n", c, is.Status())
		} else {
			fmt.Printf("%s: %s, now %s\n", c, was.Status(), is.Status())
		}
	}
	// Output:
	// cost: lost, now flat
	// service: unchanged (won)
	// revenue: unchanged (won)
}

// The contact centre's cost contributions, as the finance team signed them
// off, are stored as JSON with cents. A test checks that this year's run
// still agrees: the contributions read back are Equal to those computed,
// though reflect.DeepEqual calls them different, since 60000.00 and 60000
// are held at different scales.
func ExampleContributions_Equal() {
	computed := must(triplecrown.NewContributions(triplecrown.Cost, contactCentreTeams(), 1))

	signedOff := `{"crown": "cost", "total": {"amount": "75000.00", "currency": "EUR"}, "places": 1, "sharesDefined": true,
	  "contributions": [
	    {"unit": "inbound", "amount": {"amount": "60000.00", "currency": "EUR"}, "share": "80.0", "detractor": false},
	    {"unit": "chat", "amount": {"amount": "30000.00", "currency": "EUR"}, "share": "40.0", "detractor": false},
	    {"unit": "outbound", "amount": {"amount": "-30000.00", "currency": "EUR"}, "share": "-40.0", "detractor": true},
	    {"unit": "back-office", "amount": {"amount": "15000.00", "currency": "EUR"}, "share": "20.0", "detractor": false}]}`
	var stored triplecrown.Contributions
	if err := json.Unmarshal([]byte(signedOff), &stored); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("Equal:", stored.Equal(computed), "| reflect.DeepEqual:", reflect.DeepEqual(stored, computed))
	// Output:
	// Equal: true | reflect.DeepEqual: false
}

// A share is of the total, so correcting one team's figures changes every
// team's contribution, not only its own. Outbound's actual cost is
// corrected from 430,000 to 420,000 EUR: its amount changes (-30,000 to
// -20,000 EUR), and so does the total (75,000 to 85,000 EUR), so the other
// teams' contributions, whose amounts are Equal to what they were, are not
// Equal any more: their shares changed. Inbound's 60,000 of 85,000 is
// 70.588...%, 70.6% to one place.
func ExampleContribution_Equal() {
	teams := contactCentreTeams()
	before := must(triplecrown.NewContributions(triplecrown.Cost, teams, 1))

	spec := teams[2].Spec() // outbound
	spec.Cost.Actual = eur("420000")
	teams[2] = must(triplecrown.NewScorecard(spec))
	after := must(triplecrown.NewContributions(triplecrown.Cost, teams, 1))

	var was []triplecrown.Contribution
	for c := range before.All() {
		was = append(was, c)
	}
	i := 0
	for is := range after.All() {
		fmt.Printf("%-12s amount Equal %-5t contribution Equal %-5t share %s%% -> %s%%\n", is.Unit(),
			is.Amount().Equal(was[i].Amount()), is.Equal(was[i]), was[i].Share(), is.Share())
		i++
	}
	// Output:
	// inbound      amount Equal true  contribution Equal false share 80% -> 70.6%
	// chat         amount Equal true  contribution Equal false share 40% -> 35.3%
	// outbound     amount Equal false contribution Equal false share -40% -> -23.5%
	// back-office  amount Equal true  contribution Equal false share 20% -> 17.6%
}

// A BI tool's editor saves a definition only when an edit changed it, and
// compares the definitions as edited with those saved by Equal: a budget
// retyped as 900000.00 EUR, or a threshold as 0.020, changes nothing (the
// decimals are equal by value, though reflect.DeepEqual tells them apart),
// while an ROI measured over 24 months in place of 36 has changed.
func ExampleScorecardSpec_Equal() {
	saved := keyAccounts().Spec()
	edited := saved
	edited.Cost.Baseline = eur("900000.00")
	fmt.Println("scorecard changed:", !edited.Equal(saved), "| reflect.DeepEqual:", reflect.DeepEqual(edited, saved))

	savedPolicy := policy().Spec()
	editedPolicy := savedPolicy
	editedPolicy.Cost = must(triplecrown.NewRelativeThreshold(decimal.RequireFromString("0.020")))
	fmt.Println("policy changed:", !editedPolicy.Equal(savedPolicy))

	savedROI := triplecrown.ROISpec{Investment: eur("250000"), CostSaved: eur("180000"), Periods: 36}
	editedROI := savedROI
	editedROI.Periods = 24
	fmt.Println("ROI changed:", !editedROI.Equal(savedROI))
	// Output:
	// scorecard changed: false | reflect.DeepEqual: false
	// policy changed: false
	// ROI changed: true
}

// A group defined in code before its units are known has no units (nil).
// Its JSON writes the units as [], so it reads back with an empty list:
// Equal, which takes no units and an empty list alike, says it is the
// group written, where reflect.DeepEqual says it is not. The order of the
// units counts: it is the order of the roll-up's units.
func ExampleGroup_Equal() {
	north := triplecrown.Group{ID: "north"}
	data, err := json.Marshal(north)
	if err != nil {
		fmt.Println(err)
		return
	}
	var back triplecrown.Group
	if err := json.Unmarshal(data, &back); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | Equal: %t | reflect.DeepEqual: %t\n", data, back.Equal(north), reflect.DeepEqual(back, north))

	a := triplecrown.Group{ID: "north", Units: []string{"leeds", "york"}}
	b := triplecrown.Group{ID: "north", Units: []string{"york", "leeds"}}
	fmt.Println("leeds, york Equal to york, leeds:", a.Equal(b))
	// Output:
	// {"id":"north","units":[]} | Equal: true | reflect.DeepEqual: false
	// leeds, york Equal to york, leeds: false
}

// A BI tool reads the divisions to roll up from its configuration, and a
// policy's spec to fill in its editor. A typo is an unknown field, reported
// with every other problem, where encoding/json read a group with no units
// and a significance level of 0 and said nothing: a group and a spec read
// on their own are read as strictly as within a definition, and a spec is
// checked as its definition is (NewPolicy's problems).
func ExampleGroup_UnmarshalJSON() {
	var voice triplecrown.Group
	err := json.Unmarshal([]byte(`{"id": "voice", "unit": ["inbound", "outbound"]}`), &voice)
	fmt.Println(err)

	var spec triplecrown.PolicySpec
	err = json.Unmarshal([]byte(`{"cost": {"relative": "0.02"}, "signifcanceLevel": 0.05,
	  "precision": {"places": 4, "mode": "half-even"}}`), &spec)
	fmt.Println(err)
	// Output:
	// triplecrown: group "voice": invalid JSON: unknown field "unit"
	// triplecrown: invalid JSON: unknown field "signifcanceLevel"
	// triplecrown: significance level 0 is not strictly between 0 and 1
}
