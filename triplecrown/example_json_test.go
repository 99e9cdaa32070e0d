package triplecrown_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// Each department's part of the revenue growth, as a BI tool stores it.
func ExampleContributions_MarshalJSON() {
	c, _ := triplecrown.NewContributions(triplecrown.Revenue, departments()[:2], 0)
	b, _ := json.MarshalIndent(c, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "crown": "revenue",
	//   "total": {
	//     "amount": "900000",
	//     "currency": "EUR"
	//   },
	//   "places": 0,
	//   "sharesDefined": true,
	//   "contributions": [
	//     {
	//       "unit": "sales",
	//       "amount": {
	//         "amount": "800000",
	//         "currency": "EUR"
	//       },
	//       "share": "89",
	//       "detractor": false
	//     },
	//     {
	//       "unit": "service",
	//       "amount": {
	//         "amount": "100000",
	//         "currency": "EUR"
	//       },
	//       "share": "11",
	//       "detractor": false
	//     }
	//   ]
	// }
}

// An ROI is stored as its definition, and checked again when it is read:
// the benefit of a year of cost saved and revenue gained, against the
// investment.
func ExampleROI_UnmarshalJSON() {
	var r triplecrown.ROI
	err := json.Unmarshal([]byte(`{
		"investment": {"amount": "400000", "currency": "EUR"},
		"costSaved": {"amount": "250000", "currency": "EUR"},
		"revenueGained": {"amount": "900000", "currency": "EUR"},
		"periods": 12
	}`), &r)
	fmt.Println(err)
	rd := triplecrown.MustPrecision(2, outcome.RoundHalfEven)
	payback, _ := r.Payback(rd)
	fmt.Println("ROI", r.Ratio(rd), "payback", payback, "months")

	err = json.Unmarshal([]byte(`{"investment": {"amount": "0", "currency": "EUR"}, "periods": 12}`), &r)
	fmt.Println(err)
	// Output:
	// <nil>
	// ROI 1.88 payback 4.17 months
	// triplecrown: an investment of zero has no return ratio
}

// A roll-up stored as JSON keeps what it needs to be merged later: the
// enterprise's first two departments, stored, read back and merged with the
// other two, are the enterprise.
func ExampleRollup_UnmarshalJSON() {
	deps := departments()
	first, _ := triplecrown.NewRollup("enterprise", deps[:2])
	stored, _ := json.Marshal(first)

	var back triplecrown.Rollup
	if err := json.Unmarshal(stored, &back); err != nil {
		fmt.Println(err)
		return
	}
	rest, _ := triplecrown.NewRollup("rest", deps[2:])
	all, _ := back.Merge(rest)
	fmt.Println(all.Units(), all.Combination())
	fmt.Println("cost:", all.Scorecard().Cost().Baseline, "->", all.Scorecard().Cost().Actual)
	// Output:
	// [sales service logistics marketing] by sample size
	// cost: 4700000 EUR -> 4450000 EUR
}

// Contributions stored as JSON read back, checked: the total must be the
// sum of the amounts and each share the one the rounding gives. Here the
// departments' revenue growth (800,000 and 100,000 EUR, 89% and 11%) is
// read back, and then a copy whose sales share was edited by hand is
// refused.
func ExampleContributions_UnmarshalJSON() {
	c, _ := triplecrown.NewContributions(triplecrown.Revenue, departments()[:2], 0)
	stored, _ := json.Marshal(c)

	var back triplecrown.Contributions
	fmt.Println(json.Unmarshal(stored, &back))
	for it := range back.All() {
		fmt.Println(it)
	}

	edited := strings.Replace(string(stored), `"share":"89"`, `"share":"90"`, 1)
	fmt.Println(json.Unmarshal([]byte(edited), &back))
	// Output:
	// <nil>
	// sales: 800000 EUR (89%)
	// service: 100000 EUR (11%)
	// triplecrown: the contribution of unit "sales" has a share of 90%, but its amount is 89% of the total to 0 places
}

// A score is a report for people and dashboards, not a definition: reading
// one back is refused with a coded error, never a silent zero Score. Store
// the scorecard and the policy, which read back, and score again.
func ExampleScore_UnmarshalJSON() {
	card := departments()[0]
	policy := triplecrown.MustPolicy(triplecrown.PolicySpec{SignificanceLevel: 0.05,
		Precision: triplecrown.MustPrecision(4, outcome.RoundHalfEven)})
	s, _ := card.Score(policy)
	stored, _ := json.Marshal(s)

	var back triplecrown.Score
	err := json.Unmarshal(stored, &back)
	fmt.Println(errors.Is(err, outcome.ErrResultNotDecodable), back.IsZero())
	fmt.Println(err)
	// Output:
	// true true
	// triplecrown: a score is not read back from JSON: store its scorecard and policy, which are, and score again
}

// A crown score is refused as a score is.
func ExampleCrownScore_UnmarshalJSON() {
	var cs triplecrown.CrownScore
	err := json.Unmarshal([]byte(`{"crown":"cost","status":"won"}`), &cs)
	fmt.Println(errors.Is(err, outcome.ErrResultNotDecodable), cs.IsZero())
	// Output:
	// true true
}

// A contribution's share is of the total of all the units, so it reads back
// only with them, as Contributions.
func ExampleContribution_UnmarshalJSON() {
	var c triplecrown.Contribution
	err := json.Unmarshal([]byte(`{"unit":"sales","amount":{"amount":"800000","currency":"EUR"},"share":"89","detractor":false}`), &c)
	fmt.Println(err)
	// Output:
	// triplecrown: a contribution is not read back from JSON: its share is of the total, so it is read back with the others, as contributions
}
