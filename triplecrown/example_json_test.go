package triplecrown_test

import (
	"encoding/json"
	"fmt"

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
