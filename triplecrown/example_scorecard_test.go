package triplecrown_test

import (
	"fmt"

	"github.com/cxmodel/cx/outcome"
	"github.com/cxmodel/cx/triplecrown"
	"github.com/shopspring/decimal"
)

// keyAccounts is a supplier's B2B account team for one quarter: it grew
// revenue by 10% and cut its mean time to respond to a request for a quote
// from 30 to 24 hours, but its cost of delivery rose from 900,000 to
// 950,000 EUR (5.56%).
func keyAccounts() triplecrown.Scorecard {
	return triplecrown.MustScorecard(triplecrown.ScorecardSpec{
		Unit: "key-accounts", Name: "Key accounts (B2B)", Period: "2025-Q3",
		Cost:    triplecrown.Amounts{Baseline: eur("900000"), Actual: eur("950000")},
		Revenue: triplecrown.Amounts{Baseline: eur("3000000"), Actual: eur("3300000")},
		Service: triplecrown.ServiceSpec{
			Name: "time to respond", Unit: "hours", Direction: outcome.LowerIsBetter,
			Baseline: must(triplecrown.NewMean(decimal.New(30, 0), 12, 400)),
			Actual:   must(triplecrown.NewMean(decimal.New(24, 0), 10, 420)),
		},
	})
}

// A score groups the crowns by status, so a report can say which were won
// and which were paid for. The account team won revenue (+10%, past 2%) and
// time to respond (-6 hours is -20%, past 5%, and significant: SE =
// sqrt(12²/400 + 10²/420) = 0.77337, z = -7.758, p = 8.6e-15), but lost
// cost (+5.56%, past 2%): a trade-off, not a double crown. Crown picks one
// crown's score by name; a crown that is none has the zero CrownScore, as
// the zero Score is zero.
func ExampleScore() {
	s, err := keyAccounts().Score(policy())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Unit(), s.Period(), s.Verdict())
	for _, st := range []triplecrown.Status{triplecrown.Won, triplecrown.Lost, triplecrown.Inconclusive, triplecrown.Flat} {
		fmt.Println(" ", st, s.With(st))
	}
	fmt.Println("cost rose by", s.Cost().Change(), s.Cost().Currency())
	fmt.Println("service", s.Crown(triplecrown.Service).Status(), "by", s.Service().Change(), "hours")
	fmt.Println("no crown's score is zero:", s.Crown(triplecrown.Crown(0)).IsZero(), "| the score is zero:", s.IsZero(),
		"| the zero Score is:", triplecrown.Score{}.IsZero())
	// Output:
	// key-accounts 2025-Q3 trade-off
	//   won [service revenue]
	//   lost [cost]
	//   inconclusive []
	//   flat []
	// cost rose by 50000 EUR
	// service won by -6 hours
	// no crown's score is zero: true | the score is zero: false | the zero Score is: true
}

// A scorecard reads back as it was given, and its Spec is plain data to
// correct and validate again: finance books a late invoice of 50,000 EUR
// against the account team's quarter. The corrected scorecard has the same
// cost and service (Amounts.Equal, ServiceSpec.Equal) but not the same
// revenue, so it is not Equal to the first; rebuilt from an unchanged Spec,
// it is.
func ExampleScorecard_Spec() {
	card := keyAccounts()
	fmt.Println(card.Unit(), card.Name(), card.Period(), card.Currency(), card.IsZero())

	spec := card.Spec()
	spec.Revenue.Actual = eur("3350000")
	corrected, err := triplecrown.NewScorecard(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("cost", corrected.Cost().Equal(card.Cost()),
		"service", corrected.Service().Equal(card.Service()),
		"revenue", corrected.Revenue().Equal(card.Revenue()),
		"scorecard", corrected.Equal(card))
	fmt.Println("rebuilt", triplecrown.MustScorecard(card.Spec()).Equal(card))
	fmt.Println("zero", triplecrown.Scorecard{}.IsZero())
	// Output:
	// key-accounts Key accounts (B2B) 2025-Q3 EUR false
	// cost true service true revenue false scorecard false
	// rebuilt true
	// zero true
}
