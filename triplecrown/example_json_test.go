package triplecrown_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
)

// The method links the triple crown across departments: each one's cost,
// service and revenue, baseline against actual, for the same period. A BI
// tool loads a quarter's scorecards from one file. json.Unmarshal into a
// []Scorecard stops at the first scorecard that fails; DecodeScorecards
// reports every problem of every scorecard, each under its index and with
// the unit's ID, so that the whole file can be fixed at once, and then each
// department is scored with the typical policy (2% on cost and revenue, 5%
// and significance at 5% on service). Sales cut cost by 4.2%, answered
// quotes in 19 hours instead of 26 and grew revenue by 7.5%; billing cut
// cost by 5% and disputed bills from 3% to 2.25% (z = 2.10, p = 0.036);
// support raised first-contact resolution from 70% to 78% (z = 4.08) but
// spent 4% more.
func ExampleDecodeScorecards() {
	data := []byte(`[
	  {"unit": "sales", "period": "2025-Q3",
	   "cost": {"baseline": {"amount": "1.200.000", "currency": "EUR"}, "actual": {"amount": "1150000", "currency": "EUR"}},
	   "revenue": {"baseline": {"amount": "4000000", "currency": "EUR"}, "actual": {"amount": "4300000", "currency": "EUR"}},
	   "service": {"name": "time to quote", "unit": "hours", "direction": "lower-is-better",
	               "baseline": {"mean": "26", "sd": 9, "n": 320}, "actual": {"mean": "19", "sd": 8, "n": "340"}}},
	  {"unit": "billing", "period": "2025-Q3",
	   "cost": {"baseline": {"amount": "800000", "currency": "EUR"}, "actual": {"amount": "760000", "currency": "EUR"}},
	   "revenue": {"baseline": {"amount": "0", "currency": "EUR"}, "actual": {"amount": "0", "currency": "EUR"}},
	   "service": {"name": "bills disputed", "direction": "lower-is-better",
	               "baseline": {"successes": 120, "trials": 4000}, "actual": {"successes": 90, "trials": 4000}}},
	  {"unit": "support", "period": 2025,
	   "cost": {"baseline": {"amount": "500000", "currency": "EUR"}, "actual": {"amount": "520000", "currency": "eur"}},
	   "revenue": {"baseline": {"amount": "0", "currency": "EUR"}, "actual": {"amount": "0", "currency": "EUR"}},
	   "service": {"name": "first-contact resolution", "direction": "higher-is-better",
	               "baseline": {"successes": 700, "trials": 1000}, "actual": {"successes": 780, "trials": 1000}}}
	]`)
	var first []triplecrown.Scorecard
	fmt.Println("json.Unmarshal:", len(outcome.Problems(json.Unmarshal(data, &first))), "problems, the first scorecard's")

	_, err := triplecrown.DecodeScorecards(data)
	for _, p := range outcome.Problems(err) {
		fmt.Println(p.Code, p.IDs)
		fmt.Println(" ", p.Message)
	}

	fixed := strings.NewReplacer(`"1.200.000"`, `"1200000"`, `"n": "340"`, `"n": 340`,
		`"period": 2025,`, `"period": "2025-Q3",`, `"eur"`, `"EUR"`).Replace(string(data))
	cards, err := triplecrown.DecodeScorecards([]byte(fixed))
	fmt.Println(len(cards), "scorecards,", err)
	for _, c := range cards {
		s, err := c.Score(policy())
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-8s %s\n", c.Unit(), s.Reason())
	}
	// Output:
	// json.Unmarshal: 2 problems, the first scorecard's
	// invalid-json [sales]
	//   triplecrown: scorecards[0]: unit "sales": invalid JSON: "service.actual.n" must be an integer, not the string "340"
	// invalid-amount [sales]
	//   triplecrown: scorecards[0]: unit "sales", baseline cost: amount "1.200.000" is not a decimal number
	// invalid-json [support]
	//   triplecrown: scorecards[2]: unit "support": invalid JSON: "period" must be a string, not the number 2025
	// unknown-currency [support]
	//   triplecrown: scorecards[2]: unit "support", actual cost: unknown currency "eur": a currency is an ISO 4217 code of three upper-case letters, such as "EUR" (did you mean "EUR"?)
	// 3 scorecards, <nil>
	// sales    triple crown: cost, service and revenue won
	// billing  double crown: cost and service won, revenue flat
	// support  trade-off: service won, cost lost, revenue flat
}

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
	fmt.Println("read, error:", err)
	rd := triplecrown.MustPrecision(2, outcome.RoundHalfEven)
	payback, _ := r.Payback(rd)
	fmt.Println("ROI", r.Ratio(rd), "payback", payback, "months")

	err = json.Unmarshal([]byte(`{"investment": {"amount": "0", "currency": "EUR"}, "periods": 12}`), &r)
	fmt.Println("an investment of 0:", err)
	// Output:
	// read, error: <nil>
	// ROI 1.88 payback 4.17 months
	// an investment of 0: triplecrown: an investment of zero has no return ratio
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
	fmt.Println("read, error:", json.Unmarshal(stored, &back))
	for it := range back.All() {
		fmt.Println(it)
	}

	edited := strings.Replace(string(stored), `"share":"89"`, `"share":"90"`, 1)
	fmt.Println("sales share edited to 90:", json.Unmarshal([]byte(edited), &back))
	// Output:
	// read, error: <nil>
	// sales: 800000 EUR (89%)
	// service: 100000 EUR (11%)
	// sales share edited to 90: triplecrown: the contribution of unit "sales" has a share of 90%, but its amount is 89% of the total to 0 places
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
	fmt.Println("refused, result-not-decodable:", errors.Is(err, outcome.ErrResultNotDecodable), "| left the zero Score:", back.IsZero())
	fmt.Println(err)
	// Output:
	// refused, result-not-decodable: true | left the zero Score: true
	// triplecrown: a score is not read back from JSON: store its scorecard and policy, which are, and score again
}

// A crown score is refused as a score is: a dashboard that stored the cost
// crown's verdict cannot read it back as a verdict, and gets the zero
// CrownScore, never a crown it did not win.
func ExampleCrownScore_UnmarshalJSON() {
	var cs triplecrown.CrownScore
	err := json.Unmarshal([]byte(`{"crown":"cost","status":"won"}`), &cs)
	fmt.Println("refused, result-not-decodable:", errors.Is(err, outcome.ErrResultNotDecodable), "| left the zero CrownScore:", cs.IsZero())
	fmt.Println(err)
	// Output:
	// refused, result-not-decodable: true | left the zero CrownScore: true
	// triplecrown: a crown score is not read back from JSON: store its scorecard and policy, which are, and score again
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
